"""Parquet archive: what is written reads back equal, partitioned, rolled by size and time, atomically."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.parquet as pq

from operators.sinks.archive import (
    ArchiveWriter,
    read_archive,
    to_arrow_rows,
    to_record,
)
from schemas.arrow import TRIAGED_REPORT
from schemas.errors import Reason, Rejection
from schemas.reports import (
    Entity,
    Explanation,
    Factor,
    Location,
    ModelRef,
    Source,
    TriagedReport,
)

DAY1 = datetime(2026, 11, 26, 23, 50, tzinfo=UTC)
DAY2 = datetime(2026, 11, 27, 0, 10, tzinfo=UTC)
LEVELS = ["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"]


def _triaged(
    n: int, classification: str = "SECRET", triaged_at: datetime = DAY1, located: bool = True
) -> TriagedReport:
    received = triaged_at - timedelta(seconds=30, microseconds=n)
    return TriagedReport(
        alert_id=f"alert-{n:03d}",
        report_id=f"r{n}",
        received_at=received,
        source=Source(unit=f"{n} Coy", callsign="Bravo 2" if n % 2 else None, reliability="B"),
        credibility=2,
        classification=classification,
        releasability=["LUX", "NATO"] if n % 2 else None,
        format="salute",
        dtg="262350ZNOV26" if n % 3 else None,
        text=f"{n}x T-72B3 vic Wiltz — ça bouge",
        language="en",
        category="enemy_movement",
        category_scores={"enemy_movement": 0.9, "routine": 0.1},
        precedence="IMMEDIATE",
        priority_score=0.71,
        entities=[Entity(label="EQUIPMENT", text="T-72B3", start=3, end=9, normalized="T-72B3", source="rules")],
        location=Location(mgrs="31U GR 1033 3897", lat=49.97, lon=5.93, precision_m=10.0, name="Wiltz")
        if located
        else None,
        observed_at=received - timedelta(minutes=10) if n % 2 else None,
        summary="IMMEDIATE · enemy movement",
        explanation=Explanation(
            reason="tanks",
            factors=[Factor(name="category", weight=0.4, value="enemy_movement", evidence="T-72B3", start=3, end=9)],
            confidence=0.9,
        ),
        models=[ModelRef(name="default", sha256="ab" * 32)],
        triaged_at=triaged_at,
    )


def _reports() -> list[TriagedReport]:
    return [
        _triaged(i, classification=LEVELS[i % 4], triaged_at=DAY1 if i < 6 else DAY2, located=i % 3 != 0)
        for i in range(10)
    ]


def _assert_same(record: dict[str, Any], report: TriagedReport) -> None:
    """Field by field against the Faust record itself, not against our own conversion."""
    wire = json.loads(report.dumps())
    for name in TRIAGED_REPORT.names:
        value = record[name]
        original = getattr(report, name)
        if isinstance(original, datetime):
            assert value == original and value.tzinfo is UTC, name
        elif name == "category_scores":
            assert value == original, name
        else:
            assert value == wire[name], name


def test_write_then_read_back_equals_the_input(tmp_path: Path) -> None:
    reports = _reports()
    with ArchiveWriter(tmp_path) as writer:
        assert writer.write(reports[:4], now=DAY1) == []
        assert writer.write(reports[4:], now=DAY1) == []
        assert writer.buffered_rows == 10
    records = read_archive(tmp_path)
    assert len(records) == 10
    by_id = {r["report_id"]: r for r in records}
    for report in reports:
        _assert_same(by_id[report.report_id], report)
        assert by_id[report.report_id] == to_record(report)
    assert [r["triaged_at"] for r in records] == sorted(r["triaged_at"] for r in records)


def test_hive_layout_and_exact_schema(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path)
    writer.write(_reports(), now=DAY1)
    files = writer.close()
    dirs = {f.parent.relative_to(tmp_path).as_posix() for f in files}
    assert "date=2026-11-26/classification=SECRET" in dirs and "date=2026-11-27/classification=RESTRICTED" in dirs
    assert all(f.name.startswith("part-") and f.suffix == ".parquet" for f in files)
    for f in files:
        assert pq.read_schema(f).equals(TRIAGED_REPORT, check_metadata=False)
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]  # no temp files left


def test_filters_on_partitions(tmp_path: Path) -> None:
    with ArchiveWriter(tmp_path) as writer:
        writer.write(_reports(), now=DAY1)
    secret_day1 = read_archive(tmp_path, (ds.field("date") == "2026-11-26") & (ds.field("classification") == "SECRET"))
    assert {r["report_id"] for r in secret_day1} == {"r3"}
    low = read_archive(tmp_path, ds.field("classification").isin(["UNCLASSIFIED", "RESTRICTED"]))
    assert {r["classification"] for r in low} == {"UNCLASSIFIED", "RESTRICTED"} and len(low) == 6


def test_rolls_by_size_into_several_files(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, roll_bytes=1, roll_seconds=3600)
    reports = [_triaged(i, classification="SECRET") for i in range(5)]
    for report in reports:
        writer.write([report], now=DAY1)
    assert writer.buffered_rows == 0 and len(writer.files) == 5
    assert len(list(tmp_path.rglob("part-*.parquet"))) == 5
    assert [r["report_id"] for r in read_archive(tmp_path)] == [
        r.report_id for r in sorted(reports, key=lambda r: r.alert_id)
    ]


def test_rolls_by_time(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, roll_seconds=60)
    writer.write([_triaged(1)], now=DAY1)
    assert writer.maybe_roll(DAY1 + timedelta(seconds=59)) == []
    written = writer.maybe_roll(DAY1 + timedelta(seconds=60))
    assert len(written) == 1 and written[0].exists() and writer.buffered_rows == 0
    assert writer.close() == []


def test_dot_files_are_invisible_to_readers(tmp_path: Path) -> None:
    with ArchiveWriter(tmp_path) as writer:
        writer.write([_triaged(1)], now=DAY1)
    partition = next(tmp_path.rglob("part-*.parquet")).parent
    (partition / ".part-half-written.parquet.1234.tmp").write_bytes(b"PAR1 not finished")
    assert [r["report_id"] for r in read_archive(tmp_path)] == ["r1"]


def test_bad_reports_come_back_as_rejections(tmp_path: Path) -> None:
    good = json.loads(_triaged(1).dumps())
    bad: list[Any] = [
        {**good, "report_id": "r-level", "classification": "COSMIC"},
        {**good, "report_id": "r-time", "triaged_at": "yesterday"},
        {**good, "report_id": "r-missing", "text": None},
        {**good, "report_id": "r-nested", "source": {"unit": None, "reliability": "B"}},
        {**good, "report_id": "r-type", "priority_score": "high"},
        "not a report",
    ]
    writer = ArchiveWriter(tmp_path)
    rejections = writer.write([*bad, good], now=DAY1)
    assert [r.reason for r in rejections] == [
        Reason.UNKNOWN_CLASSIFICATION,
        Reason.INVALID_VALUE,
        Reason.MISSING_FIELD,
        Reason.MISSING_FIELD,
        Reason.WRONG_TYPE,
        Reason.NOT_AN_OBJECT,
    ]
    assert all(r.step == "archive" for r in rejections)
    assert "source.unit" in rejections[3].detail
    writer.close()
    assert [r["report_id"] for r in read_archive(tmp_path)] == ["r1"]


def test_to_arrow_rows_from_json_dict_matches_the_record() -> None:
    report = _triaged(1)
    from_dict = to_arrow_rows(json.loads(report.dumps()))
    from_record = to_arrow_rows(report)
    assert not isinstance(from_dict, Rejection) and from_dict == from_record
    assert from_dict["category_scores"] == [("enemy_movement", 0.9), ("routine", 0.1)]
    assert from_dict["received_at"].tzinfo is UTC


def test_missing_root_reads_empty(tmp_path: Path) -> None:
    assert read_archive(tmp_path / "nowhere") == []
