"""`python -m bench.run --smoke`: every stage runs on a tiny input and the result file is complete.

It starts its own broker and workers. It checks the shape of the result, never a speed: figures
from a shared CI machine say nothing, and the real run is `python -m bench.run`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import unavailable

REPO = Path(__file__).resolve().parents[2]
BATCH_SIZES = (1, 8, 32, 64, 128)
EXIT_BROKER, EXIT_MODEL = 3, 4

pytestmark = pytest.mark.kafka


def _positive(document: dict[str, Any], dotted: str) -> None:
    value: Any = document
    for part in dotted.split("."):
        assert isinstance(value, dict) and part in value, f"{dotted}: no {part!r}"
        value = value[part]
    assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{dotted} is {value!r}, not a number"
    assert value > 0, f"{dotted} is {value}"


@pytest.fixture(scope="module")
def smoke_result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("bench-smoke")
    env = {k: v for k, v in os.environ.items() if k != "TRIAGE_KAFKA_BOOTSTRAP"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--smoke", "--out", str(out)],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode in (EXIT_BROKER, EXIT_MODEL):
        what = "the broker did not start" if done.returncode == EXIT_BROKER else "the default model is unusable"
        message = f"{what}:\n{done.stderr[-3000:]}"
        unavailable(message)
    assert done.returncode == 0, f"bench.run --smoke exited {done.returncode}:\n{done.stderr[-5000:]}"
    files = sorted(out.glob("*.json"))
    assert len(files) == 1, files
    return {"path": files[0], "document": json.loads(files[0].read_text()), "out": out, "stdout": done.stdout}


def test_the_file_is_named_by_date_and_device(smoke_result: dict[str, Any]) -> None:
    doc = smoke_result["document"]
    assert smoke_result["path"].name == f"{doc['date']}-{doc['environment']['device']}.json"
    assert doc["mode"] == "smoke" and "error" not in doc


def test_ratios_and_latencies_are_positive_numbers(smoke_result: dict[str, Any]) -> None:
    doc = smoke_result["document"]
    for key in ("e2e_over_offline", "passthrough_over_aiokafka"):
        _positive(doc, f"ratios.{key}")
    for load in ("full", "half"):
        for p in ("p50", "p95", "p99"):
            _positive(doc, f"latency_ms.{load}.{p}")


def test_every_stage_reports_positive_throughput(smoke_result: dict[str, Any]) -> None:
    doc = smoke_result["document"]
    for key in (
        "model_only_best",
        "offline",
        "offline_agent_batch",
        "e2e_full_load",
        "faust_passthrough",
        "aiokafka",
        "aiokafka_chain",
    ):
        _positive(doc, f"throughput_reports_per_s.{key}")
    rows = {row["batch_size"]: row for row in doc["model_only"]["by_batch_size"]}
    assert tuple(sorted(rows)) == BATCH_SIZES
    for row in rows.values():
        assert row["reports_per_s"] > 0 and row["tokens_per_s"] > 0
    for variant in ("faust_passthrough", "aiokafka", "aiokafka_chain"):
        _positive(doc, f"passthrough.{variant}.us_per_message")
    _positive(doc, "e2e.half.target_rate_per_s")


def test_cpu_per_report_is_recorded_for_every_path(smoke_result: dict[str, Any]) -> None:
    doc = smoke_result["document"]
    for key in ("offline", "e2e_worker", "e2e_broker"):
        _positive(doc, f"cpu_ms_per_report.{key}")
    _positive(doc, "passthrough.faust_passthrough.cpu_us_per_message")


def test_context_is_recorded(smoke_result: dict[str, Any]) -> None:
    doc = smoke_result["document"]
    _positive(doc, "reports.count")
    _positive(doc, "environment.cpu_count")
    _positive(doc, "settings.TRIAGE_BATCH_SIZE")
    assert doc["environment"]["cpu_model"] and doc["environment"]["versions"]["faust-streaming"]
    assert doc["model"]["name"] and doc["model"]["sha256"]
    assert set(doc["targets"]) == {"e2e_over_offline", "p99_half_ms", "flash_p99_idle_ms", "flash_p99_behind_50000_ms"}
    assert "naive" not in doc and "e2e_over_naive" not in doc["ratios"]


def test_the_summary_prints_ratios_against_their_targets(smoke_result: dict[str, Any]) -> None:
    out = smoke_result["stdout"]
    for label in (
        "e2e/offline",
        "passthrough/aiokafka",
        "p99 at half load",
        "target",
        "FLASH p99 idle",
        "FLASH p99 behind 50,000",
    ):
        assert label in out
    assert "e2e/naive" not in out


def test_flash_latency_idle_and_behind_a_backlog(smoke_result: dict[str, Any]) -> None:
    doc = smoke_result["document"]
    run = doc["flash"]["runs"]["1_worker"]
    for phase in ("idle", "backlog_300"):
        for p in ("p50", "p99", "max"):
            _positive(run, f"phases.{phase}.latency_ms.{p}")
        assert run["phases"][phase]["latency_ms"]["missing"] == 0
        assert run["phases"][phase]["forwarded_by_screen"] == run["phases"][phase]["flash_reports"]
    _positive(run, "phases.backlog_300.over_idle.p99_ratio")
    assert run["phases"]["backlog_300"]["drain"]["measured"] is True
    _positive(run, "phases.backlog_300.drain.seconds")
    # The smoke backlog is tiny: the 50,000 target is not judged, the idle one is.
    assert doc["verdicts"]["flash_p99_behind_50000_ms"] == "not measured"
    assert doc["verdicts"]["flash_p99_idle_ms"] in ("met", "MISSED")
