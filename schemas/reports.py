"""The report contracts: FieldReport in, TriagedReport out, as frozen dataclasses with JSON on the wire.

External producers rely on FieldReport exactly; see README "Data contracts". Each record has a
pyarrow twin in `schemas.arrow`, kept in step by tests/unit/schemas/test_contracts.py.

The wire form is compact JSON in field order, ASCII-escaped, with UTC times written as
`2026-12-03T10:15:00Z`: byte for byte what the pipeline has always published. No framework is
imported here, so the operators stay free of Kafka and Faust.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import (
    Any,
    ClassVar,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from schemas.vocab import SCHEMA_VERSION, TRIAGED_SCHEMA_VERSION

R = TypeVar("R", bound="Record")


def iso_time(moment: datetime) -> str:
    """ISO 8601, with 'Z' for UTC."""
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def parse_iso_time(text: str) -> datetime:
    return datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, datetime):
        return iso_time(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _coerce(kind: Any, value: Any) -> Any:
    """A JSON value as the annotated type: nested records, lists of them, datetimes."""
    if value is None:
        return None
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(kind) if a is not type(None)]
        return _coerce(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = get_args(kind)
        return [_coerce(item, v) for v in value]
    if origin is dict:
        _, item = get_args(kind)
        return {k: _coerce(item, v) for k, v in value.items()}
    if isinstance(kind, type) and issubclass(kind, Record):
        return value if isinstance(value, kind) else kind.from_json(value)
    if kind is datetime and isinstance(value, str):
        return parse_iso_time(value)
    return value


# Reading a report (a record or its JSON dict) without raising: the sinks, correlation and renderers take either.


def read_field(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a record or of its JSON dict, so that every operator takes either."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def parse_time(value: Any) -> datetime | None:
    """An aware datetime from a datetime or an RFC 3339 string; None when it is neither."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    # A naive time cannot be placed on the timeline: the contracts require an offset.
    return moment.astimezone(UTC) if moment.tzinfo is not None else None


class Record:
    """Base of the contracts: `to_json()`/`dumps()` and `from_json()`/`loads()`."""

    __slots__ = ()
    _hints: ClassVar[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    def dumps(self) -> bytes:
        return json.dumps(self.to_json(), separators=(",", ":")).encode()

    def asdict(self) -> dict[str, Any]:
        """Fields by name, values as they are (records stay records)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_json(cls: type[R], data: typing.Mapping[str, Any]) -> R:
        hints = cls.__dict__.get("_hints")
        if hints is None:
            hints = get_type_hints(cls)
            cls._hints = hints
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: _coerce(hints[k], v) for k, v in data.items() if k in names})

    @classmethod
    def loads(cls: type[R], raw: bytes | str) -> R:
        return cls.from_json(json.loads(raw))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickled as the class and its field values in order. The chain process sends every triaged report
        # to the worker by pickle; dataclasses' generic state functions for slotted classes cost twice this.
        return type(self), tuple(getattr(self, name) for name in _field_names(type(self)))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


@dataclasses.dataclass(frozen=True, slots=True)
class Source(Record):
    unit: str
    callsign: str | None = None
    reliability: str = "F"


@dataclasses.dataclass(frozen=True, slots=True)
class Salute(Record):
    size: str | None = None
    activity: str | None = None
    location: str | None = None
    unit: str | None = None
    time: str | None = None
    equipment: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class FieldReport(Record):
    """A field report as received, validated by `operators.ingest`."""

    report_id: str
    received_at: datetime
    source: Source
    classification: str
    text: str
    dtg: str | None = None
    credibility: int = 6
    releasability: list[str] | None = None
    language: str | None = None
    format: str = "free_text"
    salute: Salute | None = None
    schema_version: int = SCHEMA_VERSION


@dataclasses.dataclass(frozen=True, slots=True)
class Entity(Record):
    label: str
    text: str
    start: int
    end: int
    normalized: str | None = None
    source: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Location(Record):
    mgrs: str | None
    lat: float
    lon: float
    precision_m: float
    name: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Factor(Record):
    """One contribution to the priority score and the evidence that triggered it."""

    name: str
    weight: float
    value: str
    evidence: str | None = None
    start: int | None = None
    end: int | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class ModelRef(Record):
    name: str
    sha256: str


@dataclasses.dataclass(frozen=True, slots=True)
class Explanation(Record):
    """Why: a one-line reason, the factors (the weights of the score factors add up to the priority
    score; evidence factors weigh 0), the category confidence, and the ids of the policy rows and
    rules that fired (operators/policy/data)."""

    reason: str
    factors: list[Factor]
    confidence: float = 0.0
    rules: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True, slots=True)
class TriagedReport(Record):
    """A report with its judgement: category, precedence, entities, location and evidence."""

    alert_id: str
    report_id: str
    received_at: datetime
    source: Source
    credibility: int
    classification: str
    releasability: list[str] | None
    format: str
    dtg: str | None
    text: str
    language: str
    category: str
    category_scores: dict[str, float]
    precedence: str
    priority_score: float
    entities: list[Entity]
    location: Location | None
    observed_at: datetime | None
    summary: str
    explanation: Explanation
    models: list[ModelRef]
    triaged_at: datetime
    policy: str = ""  # the policy version that judged it: "<version>+<content hash>"
    precedence_confidence: float = 0.0  # calibrated probability that the precedence is acceptable
    needs_review: bool = False  # unlike the training data, or no evidence: an analyst should look
    review_reasons: list[str] = dataclasses.field(default_factory=list)
    schema_version: int = TRIAGED_SCHEMA_VERSION
