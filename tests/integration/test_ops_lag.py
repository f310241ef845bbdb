"""`triage lag-exporter` against the session's real broker: lag (records and seconds) grows while no
worker runs, drains to zero once one does, and the groups' members are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, Pipeline
from ops.live import LagExporterProcess, describe, group_lag, max_lag_seconds, members, total, wait_until

pytestmark = pytest.mark.kafka

SAMPLES = REPO / "demo" / "samples" / "reports.jsonl"


def test_lag_grows_without_a_worker_and_drains_with_one(pipeline: Pipeline, start_worker, tmp_path: Path) -> None:
    # The archive acknowledges reports.triaged once per roll: every 2 s here, so its lag drains quickly too.
    pipeline.extra_env.update(
        TRIAGE_PARTITIONS="2",
        TRIAGE_URGENT_PARTITIONS="2",
        TRIAGE_ARCHIVE_ROLL_S="2",
        TRIAGE_ARCHIVE_DIR=str(tmp_path / "archive"),
    )
    created = pipeline.triage("topics", timeout=90)
    assert created.returncode == 0, created.stderr.decode()
    exporter = LagExporterProcess(pipeline.env, tmp_path, interval_s=1.0)
    try:
        exporter.wait_ready(timeout=60)
        bulk, urgent, intel = (f"{pipeline.app_id}.{g}" for g in ("triage", "urgent", "intel"))
        reports = SAMPLES.read_bytes().splitlines()
        produced = pipeline.triage("produce", "-", input=b"\n".join(reports) + b"\n", timeout=90)
        assert produced.returncode == 0, produced.stderr.decode()

        # Nobody consumes: the bulk group's lag is every report, and the oldest one ages.
        first = wait_until(
            "the bulk group's lag is every report produced",
            lambda: (
                (s := exporter.samples()) and group_lag(s, bulk) == len(reports) and max_lag_seconds(s, bulk) > 0 and s
            ),
            timeout=30,
            explain=lambda: describe(exporter.samples(), "triage_consumer"),
        )
        assert members(first, bulk) == members(first, urgent) == members(first, intel) == 0
        assert {
            s.labels["partition"]
            for s in first
            if s.name == "triage_consumer_lag_messages" and s.labels["group"] == bulk
        } == {"0", "1"}
        later = wait_until(
            "the oldest unconsumed report 3 s older, the backlog unchanged",
            lambda: (s := exporter.samples()) and max_lag_seconds(s, bulk) >= max_lag_seconds(first, bulk) + 3 and s,
            timeout=15,
            explain=lambda: describe(exporter.samples(), "triage_consumer_lag"),
        )
        assert group_lag(later, bulk) == len(reports)

        # A worker joins every group and takes the backlog: lag back to zero on every watched group.
        worker = start_worker("--passthrough")

        def drained() -> bool:
            s = exporter.samples()
            return (
                bool(s)
                and all(group_lag(s, g) == 0 and max_lag_seconds(s, g) == 0 for g in (bulk, urgent, intel))
                and all((members(s, g) or 0) >= 1 for g in (bulk, urgent, intel))
            )

        wait_until(
            "lag drained to 0 with a member in every group",
            drained,
            timeout=60,
            explain=lambda: describe(exporter.samples(), "triage_consumer") + "\n" + worker.text()[-2000:],
        )
        final = exporter.samples()
        # The screen forwarded some reports to the urgent lane, which took them too; the archive read every
        # triaged report (the intel group's lag on reports.triaged is 0 with records on it).
        ends = {(s.labels["topic"], s.labels["partition"]): s.value for s in final if s.name == "triage_log_end_offset"}
        assert sum(v for (t, _), v in ends.items() if t == pipeline.topic("reports.raw")) == len(reports)
        assert sum(v for (t, _), v in ends.items() if t == pipeline.topic("reports.triaged")) > 0
        # Scrapes may fail while the fresh broker makes its offsets topic (the exporter is not ready then);
        # once ready, none fails.
        errors = total(final, "triage_lag_exporter_scrape_errors_total")
        last = total(final, "triage_lag_exporter_last_success_timestamp_seconds")
        wait_until(
            "more successful scrapes",
            lambda: total(exporter.samples(), "triage_lag_exporter_last_success_timestamp_seconds") >= last + 3,
            timeout=15,
        )
        assert total(exporter.samples(), "triage_lag_exporter_scrape_errors_total") == errors, exporter.text()[-3000:]
        assert worker.alive()
        # Offsets and timestamps only: no report text in the exporter's metrics or log.
        page = describe(final) + exporter.text()
        for report in reports[:5]:
            assert json.loads(report)["text"][:40] not in page
    finally:
        exporter.stop()
