"""The end-to-end phases go round the generated reports under new ids when a phase needs more."""

from __future__ import annotations

import json

from bench.reports import generate
from bench.streaming import cycled


def test_cycled_reports_keep_their_text_and_get_new_ids_per_round() -> None:
    reports = generate(5, seed=3)
    out = cycled(reports, 12)
    assert len(out) == 12
    assert out[:5] == list(reports)  # the first round is the generated reports themselves
    ids = [r.report_id for r in out]
    assert len(set(ids)) == 12
    assert ids[5] == f"{reports[0].report_id}.r1" and ids[11] == f"{reports[1].report_id}.r2"
    for i, report in enumerate(out):
        original = reports[i % 5]
        assert report.fields["text"] == original.fields["text"] and report.language == original.language
        assert json.loads(report.payload())["report_id"] == report.report_id
    assert cycled(reports, 3) == list(reports[:3])
