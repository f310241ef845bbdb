"""The pure parts of the FLASH-latency stage (bench/flash.py): the report generators it feeds the pipeline,
and the summaries of what it measured. No broker, no model: `bench.run --smoke` runs the stage itself
(tests/unit/bench/test_bench_smoke.py)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bench import flash as stage
from bench.reports import CLASSIFICATIONS, LANGUAGES, flash, routine
from operators.policy.engine import default
from pipeline.lanes import screen_payload


@pytest.fixture(scope="module")
def screen():  # type: ignore[no-untyped-def]
    """The screen exactly as the bulk lane runs it on a raw record (text and SALUTE slots)."""
    engine = default()
    return screen_payload(engine.screen, engine.policy.name)


def test_every_flash_report_is_sent_to_the_urgent_lane(screen) -> None:  # type: ignore[no-untyped-def]
    reports = flash(90)
    missed = [r.fields["text"] for r in reports if not screen(r.payload())]
    assert not missed, missed


def test_flash_reports_vary_over_languages_classifications_and_texts() -> None:
    reports = flash(60)
    assert Counter(r.language for r in reports) == dict.fromkeys(LANGUAGES, 20)
    assert set(Counter(r.fields["classification"] for r in reports)) == set(CLASSIFICATIONS)
    assert len({r.fields["text"] for r in reports}) >= 55  # a short template may draw the same slots twice
    # Thirty templates: the first thirty reports are thirty different kinds of FLASH.
    openings = {r.fields["text"][:12] for r in reports[:30]}
    assert len(openings) >= 25
    # Some declare their language, some leave it to detection, as producers do.
    assert 0 < sum("language" in r.fields for r in reports) < len(reports)
    assert flash(10, seed=5) == flash(10, seed=5)


def test_routine_reports_stay_in_the_bulk_lane(screen) -> None:  # type: ignore[no-untyped-def]
    reports = routine(900, seed=3)
    assert not [r.fields["text"] for r in reports if screen(r.payload())]
    assert Counter(r.language for r in reports) == dict.fromkeys(LANGUAGES, 300)
    assert set(Counter(r.fields["classification"] for r in reports)) == set(CLASSIFICATIONS)
    assert len({r.report_id for r in reports}) == 900
    assert len({r.fields["text"] for r in reports}) > 800
    assert {r.fields["format"] for r in reports} >= {"free_text", "salute"}
    payload = json.loads(reports[0].payload())
    assert payload["received_at"] and payload["report_id"] == reports[0].report_id


def test_a_large_routine_backlog_repeats_its_distinct_reports_under_new_ids() -> None:
    reports = routine(1000, seed=4, distinct=200)
    assert len({r.report_id for r in reports}) == 1000
    assert len({r.fields["text"] for r in reports}) == len({r.fields["text"] for r in reports[:200]})
    assert [r.fields["text"] for r in reports[200:400]] == [r.fields["text"] for r in reports[:200]]
    assert all(300 <= n <= 367 for n in Counter(r.language for r in reports).values())


def test_latency_summary_and_ratio_to_idle() -> None:
    idle = stage.latency_summary([0.1] * 99 + [0.2])
    assert idle["p50"] == pytest.approx(100.0)
    assert idle["max"] == pytest.approx(200.0)
    assert idle["p99"] == pytest.approx(101.0)  # numpy's linear interpolation: 1 % of the way to the max
    assert idle["count"] == 100 and idle["missing"] == 0
    behind = stage.latency_summary([0.3] * 99 + [0.8], missing=2)
    assert behind["missing"] == 2
    ratios = stage.behind_over_idle(behind, idle)
    assert ratios["p50_ratio"] == pytest.approx(3.0)
    assert ratios["max_ratio"] == pytest.approx(4.0)
    assert ratios["p99_ratio"] == pytest.approx(305.0 / 101.0, abs=1e-3)
    assert stage.behind_over_idle(behind, stage.latency_summary([]))["p99_ratio"] == 0.0


def test_a_complete_drain_is_measured_to_its_last_report() -> None:
    # 100 reports: 10 out before the preload ended (t=10), then one every 0.5 s.
    times = [9.0] * 10 + [10.0 + 0.5 * i for i in range(1, 91)]
    drain = stage.drain_summary(times, 100, preload_end=10.0, observed_until=60.0, window_s=10.0)
    assert drain["measured"] is True
    assert drain["seconds"] == pytest.approx(45.0)
    assert drain["done_before_preload_end"] == 10
    assert drain["reports_per_s"] == pytest.approx(2.0)
    # The first 10 s alone: 20 reports at 2/s, 90 left -> 45 s, what was measured.
    assert drain["check_extrapolated_seconds"] == pytest.approx(45.0)


def test_an_unfinished_drain_is_extrapolated_and_says_so() -> None:
    times = [0.5 * i for i in range(1, 41)]  # 2 reports/s from t=0, 40 of 1,000 seen by t=20
    drain = stage.drain_summary(times, 1000, preload_end=0.0, observed_until=20.0)
    assert drain["measured"] is False
    assert "seconds" not in drain
    assert drain["done_when_observed"] == 40
    assert drain["reports_per_s"] == pytest.approx(2.0)
    assert drain["extrapolated_seconds"] == pytest.approx(500.0)
    nothing = stage.drain_summary([], 1000, preload_end=0.0, observed_until=20.0)
    assert nothing["extrapolated_seconds"] is None and nothing["reports_per_s"] == 0.0


def _run(idle_p99: float, behind_p99: float, missing: int = 0) -> dict:  # type: ignore[type-arg]
    return {
        "1_worker": {
            "workers": 1,
            "phases": {
                "idle": {"latency_ms": {"p50": 1.0, "p99": idle_p99, "max": idle_p99, "count": 24, "missing": 0}},
                "backlog_50000": {
                    "latency_ms": {"p50": 1.0, "p99": behind_p99, "max": behind_p99, "count": 24, "missing": missing},
                    "drain": {"measured": False, "extrapolated_seconds": 300.0},
                    "over_idle": {"p99_ratio": 2.0},
                },
            },
        }
    }


def test_verdicts_against_the_targets() -> None:
    assert stage.verdicts(_run(200.0, 900.0)) == {"flash_p99_idle_ms": "met", "flash_p99_behind_50000_ms": "met"}
    assert stage.verdicts(_run(300.0, 1500.0)) == {
        "flash_p99_idle_ms": "MISSED",
        "flash_p99_behind_50000_ms": "MISSED",
    }
    # A FLASH report that never came out misses the target whatever the others did.
    assert stage.verdicts(_run(200.0, 900.0, missing=1))["flash_p99_behind_50000_ms"] == "MISSED"
    # The smoke run has no 50,000 backlog: not measured, never "met".
    smoke = _run(200.0, 900.0)
    del smoke["1_worker"]["phases"]["backlog_50000"]
    assert stage.verdicts(smoke)["flash_p99_behind_50000_ms"] == "not measured"
    assert stage.verdicts({}) == {"flash_p99_idle_ms": "not measured", "flash_p99_behind_50000_ms": "not measured"}


def test_the_table_and_summary_label_extrapolated_drains() -> None:
    runs = _run(200.0, 900.0)
    result = {"table": stage.table(runs), "verdicts": stage.verdicts(runs), "targets": stage.TARGETS}
    assert [(r["phase"], r["drain_s"], r["drain_measured"]) for r in result["table"]] == [
        ("idle", None, None),
        ("backlog_50000", 300.0, False),
    ]
    text = "\n".join(stage.summary_lines(result))
    assert "drain 300.0s (extrapolated)" in text
    assert "target <= 250 ms   met" in text and "target <= 1000 ms  met" in text
