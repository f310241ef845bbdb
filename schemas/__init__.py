"""Data contracts: records on the wire (plain dataclasses, JSON), pyarrow schemas at rest, the error model.

Nothing here imports Faust or a Kafka client (tests/unit/test_imports.py checks it)."""

from schemas.deadletter import DeadLetter
from schemas.errors import Reason, Rejected, Rejection, TriageError
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
    "Rejected",
    "Rejection",
    "TriageError",
    "ReportFormat",
    "Salute",
    "Source",
    "TriagedReport",
]
