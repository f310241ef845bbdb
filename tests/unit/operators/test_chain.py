"""The chain keeps one result per input, in order, and isolates a failing report."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from operators.chain import PassThroughTriage, TriageChain, alert_id_for
from schemas.errors import Reason, Rejection
from schemas.reports import FieldReport, TriagedReport

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def report(rid: str, text: str = "NSTR") -> bytes:
    return json.dumps({"report_id": rid, "source": {"unit": "u"}, "classification": "SECRET", "text": text}).encode()


class ExplodesOnBoom(PassThroughTriage):
    name = "explodes"

    def triage(
        self, reports: Sequence[FieldReport], now: datetime, timings: object = None
    ) -> list[TriagedReport | Rejection]:
        if any("boom" in r.text for r in reports):
            raise ValueError("secret text must not leak: boom")
        return super().triage(reports, now)


def test_alert_ids_are_deterministic_and_distinct() -> None:
    assert alert_id_for("r1") == alert_id_for("r1") != alert_id_for("r2")


def test_results_align_with_inputs() -> None:
    out = TriageChain(PassThroughTriage()).process([report("a"), b"junk", report("b")], NOW)
    assert isinstance(out[0], TriagedReport) and out[0].report_id == "a"
    assert isinstance(out[1], Rejection) and out[1].reason is Reason.INVALID_JSON
    assert isinstance(out[2], TriagedReport) and out[2].classification == "SECRET"


def test_a_failing_report_is_isolated_and_does_not_leak_text() -> None:
    out = TriageChain(ExplodesOnBoom()).process([report("a"), report("b", "boom"), report("c")], NOW)
    assert [type(o).__name__ for o in out] == ["TriagedReport", "Rejection", "TriagedReport"]
    bad = out[1]
    assert isinstance(bad, Rejection) and bad.reason is Reason.TRIAGE_FAILED
    assert "b" in bad.detail and "boom" not in bad.detail and bad.step == "explodes"
