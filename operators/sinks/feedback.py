"""Analyst feedback: corrections to a report's category or precedence, validated, joined to the report,
and written as Parquet training rows (text, original labels, corrected labels).

A feedback message is a JSON object:
    {"report_id": "r-17", "alert_id": "alert-…", "corrected_category": "attack",
     "corrected_precedence": "IMMEDIATE", "analyst": "j.muller", "note": "…", "at": "2026-11-26T15:02:00Z"}
report_id and analyst are required, and at least one correction; `at` defaults to the caller's
`now` when absent. Bad messages come back as Rejections with the ingest reason codes.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from operators.sinks.archive import write_parquet_atomically
from schemas.arrow import TIMESTAMP
from schemas.errors import Reason, Rejected, Rejection
from schemas.reports import TriagedReport, parse_time, read_field
from schemas.vocab import CATEGORIES, Precedence

STEP = "feedback"

MAX_FEEDBACK_BYTES = 64 * 1024
MAX_ID_CHARS = 128
MAX_NOTE_CHARS = 2_000

# Fixed namespace: the same correction redelivered gets the same id, so it can be dropped.
FEEDBACK_NAMESPACE = uuid.UUID("c41e8a27-5f93-4d0b-8b6e-1a2f7d9c3e58")


@dataclass(frozen=True, slots=True)
class Feedback:
    report_id: str
    analyst: str
    at: datetime
    alert_id: str | None = None
    corrected_category: str | None = None
    corrected_precedence: Precedence | None = None
    note: str | None = None

    @property
    def feedback_id(self) -> str:
        """Deterministic: one analyst's correction of one report at one moment."""
        return f"feedback-{uuid.uuid5(FEEDBACK_NAMESPACE, f'{self.report_id}|{self.analyst}|{self.at.isoformat()}')}"


def _reject_constant(token: str) -> float:
    raise Rejected(Reason.INVALID_JSON, f"{token} is not JSON", STEP)


def _string(obj: Mapping[str, Any], name: str, *, required: bool, max_chars: int) -> str | None:
    value = obj.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise Rejected(Reason.MISSING_FIELD, f"{name} is required", STEP)
        return None
    if not isinstance(value, str):
        raise Rejected(Reason.WRONG_TYPE, f"{name} must be a string", STEP)
    value = value.strip()
    if len(value) > max_chars:
        raise Rejected(Reason.INVALID_VALUE, f"{name} is longer than {max_chars} characters", STEP)
    return value


def _parse(raw: bytes | str | None, now: datetime | None, max_bytes: int) -> Feedback:
    if raw is None:
        raise Rejected(Reason.INVALID_JSON, "empty message (null value)", STEP)
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if len(data) > max_bytes:
        raise Rejected(Reason.MESSAGE_TOO_LARGE, f"message is {len(data)} bytes; the limit is {max_bytes}", STEP)
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected(Reason.INVALID_UTF8, f"not UTF-8 at byte {exc.start}", STEP) from None
    try:
        obj = json.loads(decoded, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise Rejected(Reason.INVALID_JSON, f"not JSON: {exc.msg} at {exc.pos}", STEP) from None
    if not isinstance(obj, dict):
        raise Rejected(Reason.NOT_AN_OBJECT, "feedback is a JSON object", STEP)

    report_id = _string(obj, "report_id", required=True, max_chars=MAX_ID_CHARS)
    analyst = _string(obj, "analyst", required=True, max_chars=MAX_ID_CHARS)
    assert report_id is not None and analyst is not None  # required=True never returns None
    alert_id = _string(obj, "alert_id", required=False, max_chars=MAX_ID_CHARS)
    note = _string(obj, "note", required=False, max_chars=MAX_NOTE_CHARS)

    category = _string(obj, "corrected_category", required=False, max_chars=64)
    if category is not None:
        category = category.lower()
        if category not in CATEGORIES:
            raise Rejected(
                Reason.INVALID_VALUE, f"corrected_category {category!r} is not one of {', '.join(CATEGORIES)}", STEP
            )
    precedence_text = _string(obj, "corrected_precedence", required=False, max_chars=16)
    precedence: Precedence | None = None
    if precedence_text is not None:
        try:
            precedence = Precedence(precedence_text.upper())
        except ValueError:
            raise Rejected(
                Reason.INVALID_VALUE, f"corrected_precedence {precedence_text!r} is not a precedence", STEP
            ) from None
    if category is None and precedence is None:
        raise Rejected(Reason.MISSING_FIELD, "no correction: give corrected_category or corrected_precedence", STEP)

    at_raw = obj.get("at")
    if at_raw is None:
        if now is None:
            raise Rejected(Reason.MISSING_FIELD, "at is required", STEP)
        at = now
    else:
        moment = parse_time(at_raw) if isinstance(at_raw, str) else None
        if moment is None:
            raise Rejected(Reason.INVALID_VALUE, "at is not an RFC 3339 time with an offset", STEP)
        at = moment
    return Feedback(report_id, analyst, at, alert_id, category, precedence, note)


def parse_feedback(
    raw: bytes | str | None, now: datetime | None = None, max_bytes: int = MAX_FEEDBACK_BYTES
) -> Feedback | Rejection:
    """One feedback message to a Feedback, or a Rejection with the reason; never raises."""
    try:
        return _parse(raw, now, max_bytes)
    except Rejected as bad:
        return bad.rejection
    except Exception as exc:
        return Rejection(Reason.INVALID_VALUE, f"unexpected {type(exc).__name__}: {exc}"[:500], STEP)


# ---------------------------------------------------------------------------------------------
# Training rows


@dataclass(frozen=True, slots=True)
class TrainingRow:
    """A correction next to what it corrects. label_* is the label to train on: the correction,
    else the original. Without the report, text and original labels are None."""

    feedback_id: str
    report_id: str
    alert_id: str | None
    analyst: str
    at: datetime
    note: str | None
    text: str | None
    language: str | None
    original_category: str | None
    original_precedence: str | None
    corrected_category: str | None
    corrected_precedence: str | None
    label_category: str | None
    label_precedence: str | None

    @classmethod
    def of(cls, feedback: Feedback, report: TriagedReport | Mapping[str, Any] | None = None) -> TrainingRow:
        def field_str(name: str) -> str | None:
            value = None if report is None else read_field(report, name)
            return value if isinstance(value, str) else None

        original_category, original_precedence = field_str("category"), field_str("precedence")
        corrected_precedence = None if feedback.corrected_precedence is None else feedback.corrected_precedence.value
        return cls(
            feedback_id=feedback.feedback_id,
            report_id=feedback.report_id,
            alert_id=feedback.alert_id or field_str("alert_id"),
            analyst=feedback.analyst,
            at=feedback.at,
            note=feedback.note,
            text=field_str("text"),
            language=field_str("language"),
            original_category=original_category,
            original_precedence=original_precedence,
            corrected_category=feedback.corrected_category,
            corrected_precedence=corrected_precedence,
            label_category=feedback.corrected_category or original_category,
            label_precedence=corrected_precedence or original_precedence,
        )

    def to_row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in FEEDBACK_SCHEMA.names}


FEEDBACK_SCHEMA = pa.schema(
    [
        pa.field("feedback_id", pa.string(), nullable=False),
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("alert_id", pa.string()),
        pa.field("analyst", pa.string(), nullable=False),
        pa.field("at", TIMESTAMP, nullable=False),
        pa.field("note", pa.string()),
        pa.field("text", pa.string()),
        pa.field("language", pa.string()),
        pa.field("original_category", pa.string()),
        pa.field("original_precedence", pa.string()),
        pa.field("corrected_category", pa.string()),
        pa.field("corrected_precedence", pa.string()),
        pa.field("label_category", pa.string()),
        pa.field("label_precedence", pa.string()),
    ],
    metadata={"name": "Feedback"},
)


def join_with_reports(
    feedback: Iterable[Feedback], reports_by_id: Mapping[str, TriagedReport | Mapping[str, Any]]
) -> list[TrainingRow]:
    """One row per feedback, in order; a report that is not found leaves text and originals None."""
    return [TrainingRow.of(f, reports_by_id.get(f.report_id)) for f in feedback]


def feedback_table(items: Iterable[Feedback | TrainingRow]) -> pa.Table:
    rows = [(TrainingRow.of(i) if isinstance(i, Feedback) else i).to_row() for i in items]
    return pa.Table.from_pylist(rows, schema=FEEDBACK_SCHEMA)


def feedback_to_parquet(items: Iterable[Feedback | TrainingRow], path: str | os.PathLike[str]) -> int:
    """Write the training rows to one Parquet file, atomically; returns the number of rows.

    Feedback not joined to its report is written with text and original labels empty.
    """
    table = feedback_table(items)
    write_parquet_atomically(table, Path(path))
    return int(table.num_rows)


def corrections(
    feedback_values: Iterable[bytes | None], triaged_values: Iterable[bytes | None]
) -> tuple[list[TrainingRow], int, int]:
    """Every readable correction joined with its triaged report: (rows, how many found their report,
    how many feedback values were unreadable and skipped)."""
    items: list[Feedback] = []
    skipped = 0
    for value in feedback_values:
        parsed = parse_feedback(value)
        if isinstance(parsed, Feedback):
            items.append(parsed)
        else:
            skipped += 1
    wanted = {f.report_id for f in items}
    reports: dict[str, Mapping[str, Any]] = {}
    for value in triaged_values:
        try:
            report = json.loads(value or b"")
        except ValueError:
            continue
        if isinstance(report, dict) and report.get("report_id") in wanted:
            reports[report["report_id"]] = report
    return join_with_reports(items, reports), len(reports), skipped
