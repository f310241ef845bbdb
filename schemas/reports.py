"""The report contracts: FieldReport in, TriagedReport out, as Faust records with JSON on the wire.

External producers rely on FieldReport exactly; see README "Data contracts". Each record has a
pyarrow twin in `schemas.arrow`, kept in step by tests/unit/schemas/test_contracts.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import faust

from schemas.vocab import SCHEMA_VERSION


class _Record(faust.Record, abstract=True, serializer="json", include_metadata=False, isodates=True):
    """JSON without Faust's type metadata, so non-Faust consumers read plain objects."""


class Source(_Record):
    unit: str
    callsign: Optional[str] = None
    reliability: str = "F"


class Salute(_Record):
    size: Optional[str] = None
    activity: Optional[str] = None
    location: Optional[str] = None
    unit: Optional[str] = None
    time: Optional[str] = None
    equipment: Optional[str] = None


class FieldReport(_Record):
    """A field report as received, validated by `operators.ingest`."""

    report_id: str
    received_at: datetime
    source: Source
    classification: str
    text: str
    dtg: Optional[str] = None
    credibility: int = 6
    releasability: Optional[list[str]] = None
    language: Optional[str] = None
    format: str = "free_text"
    salute: Optional[Salute] = None
    schema_version: int = SCHEMA_VERSION


class Entity(_Record):
    label: str
    text: str
    start: int
    end: int
    normalized: Optional[str] = None
    source: str = ""


class Location(_Record):
    mgrs: Optional[str]
    lat: float
    lon: float
    precision_m: float
    name: Optional[str] = None


class Factor(_Record):
    """One contribution to the priority score and the evidence that triggered it."""

    name: str
    weight: float
    value: str
    evidence: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class ModelRef(_Record):
    name: str
    sha256: str


class Explanation(_Record):
    reason: str
    factors: list[Factor]
    confidence: float = 0.0


class TriagedReport(_Record):
    """A report with its judgement: category, precedence, entities, location and evidence."""

    alert_id: str
    report_id: str
    received_at: datetime
    source: Source
    credibility: int
    classification: str
    releasability: Optional[list[str]]
    format: str
    dtg: Optional[str]
    text: str
    language: str
    category: str
    category_scores: dict[str, float]
    precedence: str
    priority_score: float
    entities: list[Entity]
    location: Optional[Location]
    observed_at: Optional[datetime]
    summary: str
    explanation: Explanation
    models: list[ModelRef]
    triaged_at: datetime
    schema_version: int = SCHEMA_VERSION
