"""Closed vocabularies of the data contracts: classification levels, precedences, formats, labels."""

from __future__ import annotations

from enum import Enum

SCHEMA_VERSION = 1  # FieldReport and DeadLetter
# TriagedReport: 2 added policy, precedence_confidence, needs_review, review_reasons and explanation.rules.
TRIAGED_SCHEMA_VERSION = 2


class Classification(str, Enum):
    """Protective marking, ordered from lowest to highest."""

    UNCLASSIFIED = "UNCLASSIFIED"
    RESTRICTED = "RESTRICTED"
    CONFIDENTIAL = "CONFIDENTIAL"
    SECRET = "SECRET"

    @property
    def rank(self) -> int:
        return _CLASSIFICATION_ORDER.index(self)

    @property
    def topic_suffix(self) -> str:
        return self.value.lower()

    @classmethod
    def parse(cls, value: str) -> Classification:
        """Case- and whitespace-insensitive; anything else raises ValueError."""
        return cls(value.strip().upper())

    @classmethod
    def highest(cls, *levels: Classification) -> Classification:
        return max(levels, key=lambda c: c.rank)


_CLASSIFICATION_ORDER = list(Classification)


class Precedence(str, Enum):
    """NATO message precedence, ordered from most to least urgent."""

    FLASH = "FLASH"
    IMMEDIATE = "IMMEDIATE"
    PRIORITY = "PRIORITY"
    ROUTINE = "ROUTINE"

    @property
    def urgency(self) -> int:
        """3 for FLASH down to 0 for ROUTINE, so that larger means more urgent."""
        return 3 - list(Precedence).index(self)


class ReportFormat(str, Enum):
    FREE_TEXT = "free_text"
    SALUTE = "salute"
    SPOT = "spot"
    SITREP = "sitrep"


# Admiralty code: source reliability A (completely reliable) .. F (cannot be judged),
# information credibility 1 (confirmed) .. 6 (cannot be judged).
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
CREDIBILITY_GRADES = (1, 2, 3, 4, 5, 6)

LANGUAGES = ("en", "fr", "de")

CATEGORIES = (
    "enemy_movement",
    "attack",
    "air_activity",
    "cbrn",
    "logistics_infrastructure",
    "cyber_ew",
    "civil_humanitarian",
    "routine",
)

ENTITY_LABELS = ("UNIT", "EQUIPMENT", "LOCATION", "GRID", "DTG", "QUANTITY", "PERSON", "ORG")

SALUTE_SLOTS = ("size", "activity", "location", "unit", "time", "equipment")
