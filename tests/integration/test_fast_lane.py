"""The fast lane on the real broker: a FLASH report overtakes a routine backlog, the screen sends every
FLASH report of a development set to the urgent lane, and a restart forwards nothing a second time.

Order, not speed, is asserted here: `make bench` measures the latencies."""

from __future__ import annotations

import json
import signal
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import REPO, Pipeline, read_topic, read_until_reports

from bench.reports import generate
from operators.policy.engine import default

pytestmark = pytest.mark.kafka

DEV = REPO / "tests" / "eval" / "dev_reports.jsonl"


def _screened(payload: bytes) -> bool:
    report = json.loads(payload)
    salute = report.get("salute") or {}
    return default().screen("\n".join([report.get("text") or "", *(v for v in salute.values() if isinstance(v, str))]))


def _routine(n: int, seed: int) -> list[bytes]:
    """Varied bench reports the screen leaves in the bulk lane."""
    out = []
    for report in generate(4 * n, seed=seed):
        payload = report.payload()
        if not _screened(payload):
            out.append(payload)
        if len(out) == n:
            return out
    raise AssertionError("the bench generator gave too few reports the screen leaves alone")


def _dev_flash() -> list[bytes]:
    out = []
    for line in DEV.read_text().splitlines():
        report = json.loads(line)
        gold = report.pop("gold")
        if gold.get("probable_flash") or (gold.get("precedence_acceptable") or [""])[0] == "FLASH":
            report.pop("gold_language", None)
            report["received_at"] = datetime.now(UTC).isoformat()
            out.append(json.dumps(report, ensure_ascii=False).encode())
    return out


def _send(pipeline: Pipeline, payloads: list[bytes], partition: int | None = 0) -> None:
    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=pipeline.broker.bootstrap, acks="all", linger_ms=20)
    try:
        futures = [producer.send(pipeline.topic("reports.raw"), value=p, partition=partition) for p in payloads]
        producer.flush(60)
        for future in futures:
            future.get(timeout=30)
    finally:
        producer.close()


def _id(record) -> str:  # type: ignore[no-untyped-def]
    return json.loads(record.value)["report_id"]


def test_flash_reports_overtake_a_routine_backlog(pipeline: Pipeline, start_worker) -> None:
    pipeline.extra_env.update(TRIAGE_INTEL_ENABLED="false", TRIAGE_PARTITIONS="2")
    assert pipeline.triage("topics").returncode == 0
    start_worker()
    backlog = _routine(3000, seed=11)
    flash = _dev_flash()
    assert len(flash) >= 20
    backlog_ids = {json.loads(p)["report_id"] for p in backlog}
    flash_ids = {json.loads(p)["report_id"] for p in flash}
    # One partition: every FLASH report sits behind the whole backlog in the same log.
    _send(pipeline, backlog + flash)

    # The screen sent every FLASH report of the development set to the urgent lane, and no routine one.
    urgent = read_until_reports(pipeline.broker.bootstrap, pipeline.topic("reports.urgent"), flash_ids, timeout=120)
    assert {_id(r) for r in urgent} == flash_ids

    triaged = read_until_reports(
        pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), backlog_ids | flash_ids, timeout=600
    )
    first_seen: dict[str, int] = {}
    for rec in sorted(triaged, key=lambda r: (r.timestamp, r.partition, r.offset)):
        first_seen.setdefault(_id(rec), rec.timestamp)
    assert backlog_ids | flash_ids <= first_seen.keys()
    # Every FLASH report came out before most of the backlog that was ahead of it in the log.
    last_flash = max(first_seen[i] for i in flash_ids)
    behind = sum(first_seen[i] > last_flash for i in backlog_ids)
    assert behind >= len(backlog_ids) // 2, (
        f"only {behind} of {len(backlog_ids)} backlog reports came out after the FLASH"
    )
    # The full triage still decides: the screen only chose the lane.
    decided = {_id(r): json.loads(r.value)["precedence"] for r in triaged if _id(r) in flash_ids}
    assert sum(p == "FLASH" for p in decided.values()) >= 0.8 * len(flash_ids)


def test_a_restart_forwards_nothing_twice(pipeline: Pipeline, start_worker, tmp_path: Path) -> None:
    """The bulk lane screens far ahead of its commits; the screen's progress travels with the commit
    metadata, so the next owner does not forward the flagged reports again."""
    pipeline.extra_env.update(TRIAGE_INTEL_ENABLED="false", TRIAGE_PARTITIONS="1", TRIAGE_DRAIN_TIMEOUT_S="20")
    assert pipeline.triage("topics").returncode == 0
    reports = [r.payload() for r in generate(4000, seed=12)]
    flagged = {json.loads(p)["report_id"] for p in reports if _screened(p)}
    assert 0 < len(flagged) < len(reports)
    first = start_worker()
    _send(pipeline, reports)
    # Wait until the screen has forwarded every flagged report, while the model is still on the backlog.
    urgent = read_until_reports(pipeline.broker.bootstrap, pipeline.topic("reports.urgent"), flagged, timeout=120)
    assert {_id(r) for r in urgent} == flagged
    first.proc.send_signal(signal.SIGTERM)
    assert first.proc.wait(timeout=60) == 0
    triaged_so_far = len(
        read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), 1, timeout=10, settle=1)
    )
    assert triaged_so_far < len(reports), "the backlog was drained before the restart: nothing is tested"

    start_worker()
    all_ids = {json.loads(p)["report_id"] for p in reports}
    triaged = read_until_reports(pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), all_ids, timeout=600)
    assert {_id(r) for r in triaged} == all_ids
    time.sleep(2)
    urgent = read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.urgent"), len(flagged), timeout=30, settle=2)
    ids = [_id(r) for r in urgent]
    assert len(ids) == len(set(ids)) == len(flagged), f"{len(ids) - len(set(ids))} reports forwarded twice"
