"""The records and the pyarrow schemas state the same contracts, field by field."""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import UTC, datetime
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

import pyarrow as pa
import pytest

from schemas import arrow
from schemas.deadletter import DeadLetter
from schemas.errors import Reason, Rejection
from schemas.reports import (
    Entity,
    Explanation,
    Factor,
    FieldReport,
    Location,
    ModelRef,
    Record,
    Salute,
    Source,
    TriagedReport,
)

PAIRS = [
    (FieldReport, arrow.FIELD_REPORT),
    (TriagedReport, arrow.TRIAGED_REPORT),
    (DeadLetter, arrow.DEAD_LETTER),
]

SCALARS: dict[type, tuple[pa.DataType, ...]] = {
    str: (pa.string(),),
    bool: (pa.bool_(),),
    int: (pa.int8(), pa.int16(), pa.int32(), pa.int64()),
    float: (pa.float64(),),
    datetime: (arrow.TIMESTAMP,),
}


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    if get_origin(tp) in (Union, UnionType):
        args = [a for a in get_args(tp) if a is not NoneType]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return args[0], True
    return tp, False


def _assert_same(py_type: Any, field: pa.Field, path: str) -> None:
    inner, optional = _unwrap_optional(py_type)
    assert field.nullable == optional, (
        f"{path}: nullable is {field.nullable} in arrow, optional={optional} in the record"
    )
    _assert_type(inner, field.type, path)


def _assert_type(py_type: Any, arrow_type: pa.DataType, path: str) -> None:
    origin = get_origin(py_type)
    if isinstance(py_type, type) and issubclass(py_type, Record):
        assert pa.types.is_struct(arrow_type), f"{path}: expected a struct"
        _assert_record(py_type, pa.schema(list(arrow_type)), path)
    elif origin is list:
        assert pa.types.is_list(arrow_type), f"{path}: expected a list"
        _assert_type(get_args(py_type)[0], arrow_type.value_type, f"{path}[]")
    elif origin is dict:
        assert pa.types.is_map(arrow_type), f"{path}: expected a map"
        key, value = get_args(py_type)
        _assert_type(key, arrow_type.key_type, f"{path}.key")
        _assert_type(value, arrow_type.item_type, f"{path}.value")
    else:
        assert arrow_type in SCALARS[py_type], f"{path}: {py_type} is {arrow_type} in arrow"


def _assert_record(record: type[Record], schema: pa.Schema, path: str) -> None:
    hints = typing.get_type_hints(record)
    fields = [f.name for f in dataclasses.fields(record)]  # type: ignore[arg-type]
    assert fields == schema.names, f"{path}: field names or order differ: {fields} vs {schema.names}"
    for name in fields:
        _assert_same(hints[name], schema.field(name), f"{path}.{name}")


@pytest.mark.parametrize(("record", "schema"), PAIRS, ids=lambda x: getattr(x, "__name__", ""))
def test_record_and_arrow_schema_agree_field_by_field(record: type[Record], schema: pa.Schema) -> None:
    _assert_record(record, schema, record.__name__)


def test_the_comparison_catches_a_drifted_field() -> None:
    drifted = arrow.FIELD_REPORT.set(
        arrow.FIELD_REPORT.get_field_index("credibility"), pa.field("credibility", pa.string(), nullable=False)
    )
    with pytest.raises(AssertionError, match="credibility"):
        _assert_record(FieldReport, drifted, "FieldReport")


def _triaged() -> TriagedReport:
    now = datetime(2026, 11, 26, 14, 30, tzinfo=UTC)
    return TriagedReport(
        alert_id="alert-1",
        report_id="r1",
        received_at=now,
        source=Source(unit="A Coy", reliability="B"),
        credibility=2,
        classification="SECRET",
        releasability=["LUX", "NATO"],
        format="salute",
        dtg="261430ZNOV26",
        text="2x T-72B3 vic Wiltz",
        language="en",
        category="enemy_movement",
        category_scores={"enemy_movement": 0.9, "routine": 0.1},
        precedence="IMMEDIATE",
        priority_score=0.71,
        entities=[Entity(label="EQUIPMENT", text="T-72B3", start=3, end=9, normalized="T-72B3", source="rules")],
        location=Location(mgrs="31U GR 1033 3897", lat=49.97, lon=5.93, precision_m=10.0, name="Wiltz"),
        observed_at=now,
        summary="IMMEDIATE · enemy_movement",
        models=[ModelRef(name="default", sha256="ab" * 32)],
        explanation=Explanation(
            reason="tanks moving", factors=[Factor(name="category", weight=0.4, value="enemy_movement")], confidence=0.9
        ),
        triaged_at=now,
    )


def test_json_round_trip_has_no_faust_metadata() -> None:
    report = _triaged()
    wire = json.loads(report.dumps())
    assert "__faust" not in json.dumps(wire)
    back = TriagedReport.loads(report.dumps())
    assert back.received_at == report.received_at
    assert back.entities[0].label == "EQUIPMENT" and isinstance(back.entities[0], Entity)
    assert back.location is not None and back.location.name == "Wiltz"


def test_pickle_round_trip_is_the_same_record_by_its_fields() -> None:
    """The chain process sends triaged reports to the worker by pickle, as class and field values."""
    import pickle

    report = _triaged()
    assert report.__reduce__() == (TriagedReport, tuple(getattr(report, f.name) for f in dataclasses.fields(report)))
    back = pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == report and type(back.entities[0]) is Entity and back.dumps() == report.dumps()


@pytest.mark.parametrize(("record", "schema"), [(TriagedReport, arrow.TRIAGED_REPORT)])
def test_arrow_accepts_what_the_records_emit(record: type[Record], schema: pa.Schema) -> None:
    row = json.loads(_triaged().dumps())
    for key in ("received_at", "observed_at", "triaged_at"):
        row[key] = datetime.fromisoformat(row[key].replace("Z", "+00:00"))
    row["category_scores"] = list(row["category_scores"].items())
    table = pa.Table.from_pylist([row], schema=schema)
    assert table.num_rows == 1
    assert table.column("location")[0].as_py()["name"] == "Wiltz"


def test_field_report_defaults() -> None:
    r = FieldReport(
        report_id="x", received_at=datetime.now(UTC), source=Source(unit="u"), classification="SECRET", text="t"
    )
    assert (r.credibility, r.format, r.source.reliability, r.schema_version) == (6, "free_text", "F", 1)
    assert Salute().size is None


def test_dead_letter_keeps_the_original_bytes() -> None:
    payload = b"\xff\xfe not utf-8"
    letter = DeadLetter.of(
        Rejection(Reason.INVALID_UTF8, "bad", "ingest"),
        payload,
        topic="reports.raw",
        partition=3,
        offset=7,
        failed_at=datetime.now(UTC),
    )
    back = DeadLetter.loads(letter.dumps())
    assert back.payload() == payload and back.reason == "invalid_utf8" and back.offset == 7
