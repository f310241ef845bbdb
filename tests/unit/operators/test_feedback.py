"""Analyst feedback: validation as values, the join to reports, and the Parquet training rows."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from operators.sinks.feedback import (
    FEEDBACK_SCHEMA,
    Feedback,
    TrainingRow,
    feedback_to_parquet,
    join_with_reports,
    parse_feedback,
)
from schemas.errors import Reason, Rejection
from schemas.reports import Explanation, Source, TriagedReport
from schemas.vocab import Precedence

NOW = datetime(2026, 11, 26, 16, 0, tzinfo=UTC)


def _raw(**fields: Any) -> bytes:
    base: dict[str, Any] = {
        "report_id": "r1",
        "analyst": "j.muller",
        "corrected_category": "attack",
        "at": "2026-11-26T15:02:00Z",
    }
    base.update(fields)
    return json.dumps({k: v for k, v in base.items() if v is not ...}).encode()


def _triaged(report_id: str = "r1") -> TriagedReport:
    return TriagedReport(
        alert_id=f"alert-{report_id}",
        report_id=report_id,
        received_at=NOW,
        source=Source(unit="A Coy"),
        credibility=3,
        classification="RESTRICTED",
        releasability=None,
        format="free_text",
        dtg=None,
        text="Beschuss bei Wiltz",
        language="de",
        category="enemy_movement",
        category_scores={"enemy_movement": 0.6},
        precedence="PRIORITY",
        priority_score=0.4,
        entities=[],
        location=None,
        observed_at=None,
        summary="PRIORITY · enemy movement",
        explanation=Explanation(reason="r", factors=[]),
        models=[],
        triaged_at=NOW,
    )


def test_parse_a_full_correction() -> None:
    fb = parse_feedback(_raw(alert_id="alert-r1", corrected_precedence="immediate", note="shelling, not movement"))
    assert isinstance(fb, Feedback)
    assert (fb.report_id, fb.analyst, fb.alert_id) == ("r1", "j.muller", "alert-r1")
    assert fb.corrected_category == "attack" and fb.corrected_precedence is Precedence.IMMEDIATE
    assert fb.at == datetime(2026, 11, 26, 15, 2, tzinfo=UTC) and fb.note == "shelling, not movement"
    assert fb.feedback_id == parse_feedback(_raw(alert_id="alert-r1", corrected_precedence="IMMEDIATE")).feedback_id  # type: ignore[union-attr]


def test_at_defaults_to_now_only_when_given() -> None:
    fb = parse_feedback(_raw(at=...), now=NOW)
    assert isinstance(fb, Feedback) and fb.at == NOW
    missing = parse_feedback(_raw(at=...))
    assert isinstance(missing, Rejection) and missing.reason is Reason.MISSING_FIELD


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\xff\xfe", Reason.INVALID_UTF8),
        (b"{not json", Reason.INVALID_JSON),
        (b'{"report_id": NaN}', Reason.INVALID_JSON),
        (b"[]", Reason.NOT_AN_OBJECT),
        (b"x" * 70_000, Reason.MESSAGE_TOO_LARGE),
        (None, Reason.INVALID_JSON),
        (_raw(report_id=...), Reason.MISSING_FIELD),
        (_raw(analyst="  "), Reason.MISSING_FIELD),
        (_raw(analyst=7), Reason.WRONG_TYPE),
        (_raw(corrected_category="weather"), Reason.INVALID_VALUE),
        (_raw(corrected_precedence="URGENT"), Reason.INVALID_VALUE),
        (_raw(corrected_category=None), Reason.MISSING_FIELD),
        (_raw(at="2026-11-26T15:02:00"), Reason.INVALID_VALUE),
        (_raw(at=12), Reason.INVALID_VALUE),
        (_raw(note="n" * 3000), Reason.INVALID_VALUE),
    ],
)
def test_bad_feedback_is_a_rejection(raw: bytes | None, reason: Reason) -> None:
    result = parse_feedback(raw)
    assert isinstance(result, Rejection) and result.reason is reason and result.step == "feedback"


def test_join_keeps_originals_and_labels_the_correction() -> None:
    only_precedence = parse_feedback(_raw(report_id="r2", corrected_category=None, corrected_precedence="FLASH"))
    corrected = parse_feedback(_raw())
    orphan = parse_feedback(_raw(report_id="r-unknown"))
    assert isinstance(only_precedence, Feedback) and isinstance(corrected, Feedback) and isinstance(orphan, Feedback)
    reports = {"r1": _triaged("r1"), "r2": json.loads(_triaged("r2").dumps())}
    rows = join_with_reports([corrected, only_precedence, orphan], reports)
    assert rows[0].text == "Beschuss bei Wiltz" and rows[0].language == "de" and rows[0].alert_id == "alert-r1"
    assert (rows[0].original_category, rows[0].corrected_category, rows[0].label_category) == (
        "enemy_movement",
        "attack",
        "attack",
    )
    assert (rows[0].original_precedence, rows[0].label_precedence) == ("PRIORITY", "PRIORITY")
    assert (rows[1].label_category, rows[1].label_precedence) == ("enemy_movement", "FLASH")
    assert rows[2].text is None and rows[2].original_category is None and rows[2].label_category == "attack"


def test_training_rows_to_parquet(tmp_path: Path) -> None:
    corrected = parse_feedback(_raw())
    unjoined = parse_feedback(_raw(report_id="r9", corrected_precedence="ROUTINE"))
    assert isinstance(corrected, Feedback) and isinstance(unjoined, Feedback)
    rows: list[Feedback | TrainingRow] = [*join_with_reports([corrected], {"r1": _triaged()}), unjoined]
    path = tmp_path / "training" / "feedback.parquet"
    assert feedback_to_parquet(rows, path) == 2
    table = pq.read_table(path)
    assert table.schema.equals(FEEDBACK_SCHEMA, check_metadata=False)
    back = table.to_pylist()
    assert back[0]["text"] == "Beschuss bei Wiltz" and back[0]["label_category"] == "attack"
    assert back[1]["report_id"] == "r9" and back[1]["text"] is None and back[1]["corrected_precedence"] == "ROUTINE"
    assert back[0]["at"] == datetime(2026, 11, 26, 15, 2, tzinfo=UTC)
    assert [p.name for p in path.parent.iterdir()] == ["feedback.parquet"]
