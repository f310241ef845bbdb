"""Data contracts: Faust records on the wire, pyarrow schemas at rest, reason codes for rejections."""

from schemas.deadletter import DeadLetter, Reason, Rejection
from schemas.reports import (
    Entity,
    Explanation,
    Factor,
    FieldReport,
    Location,
    ModelRef,
    Salute,
    Source,
    TriagedReport,
)
from schemas.vocab import (
    CATEGORIES,
    ENTITY_LABELS,
    LANGUAGES,
    SCHEMA_VERSION,
    Classification,
    Precedence,
    ReportFormat,
)

__all__ = [
    "CATEGORIES",
    "ENTITY_LABELS",
    "LANGUAGES",
    "SCHEMA_VERSION",
    "Classification",
    "DeadLetter",
    "Entity",
    "Explanation",
    "Factor",
    "FieldReport",
    "Location",
    "ModelRef",
    "Precedence",
    "Reason",
    "Rejection",
    "ReportFormat",
    "Salute",
    "Source",
    "TriagedReport",
]
