"""Every send's delivery is checked, and a worker drains on SIGTERM within its bound (broker up or gone)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, Pipeline, free_port_pair, read_topic, read_until_reports

pytestmark = pytest.mark.kafka


def _report(rid: str, text: str = "2x BMP-2 moving north vic Ettelbruck.", level: str = "SECRET") -> dict:
    return {
        "report_id": rid,
        "source": {"unit": "A Coy", "reliability": "B"},
        "credibility": 2,
        "classification": level,
        "text": text,
    }


def _create_topic(p: Pipeline, name: str, configs: dict[str, str], partitions: int = 1) -> None:
    from kafka import KafkaAdminClient
    from kafka.admin import NewTopic

    admin = KafkaAdminClient(bootstrap_servers=p.broker.bootstrap)
    try:
        admin.create_topics([NewTopic(p.topic(name), partitions, 1, topic_configs=configs)])
    finally:
        admin.close()


def test_produce_fails_with_a_count_when_the_broker_refuses_records(pipeline: Pipeline, tmp_path: Path) -> None:
    """kafka-python's flush() only logs a refused batch: `triage produce` used to print success anyway."""
    _create_topic(pipeline, "small", {"max.message.bytes": "1000"})
    lines = [json.dumps(_report(f"ok-{i}")) for i in range(3)] + [json.dumps(_report("big", "x" * 5000))]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    done = pipeline.triage("produce", str(path), "--topic", pipeline.topic("small"))
    assert done.returncode == 7, done.stderr
    assert b"1 reports refused by the broker" in done.stderr and b"3 delivered" in done.stderr
    assert b"published" not in done.stderr


def test_feedback_add_fails_when_the_broker_refuses_it(pipeline: Pipeline) -> None:
    _create_topic(pipeline, "feedback", {"max.message.bytes": "100"})
    done = pipeline.triage(
        "feedback", "add", "--report-id", "r1", "--analyst", "capt.meyer", "--precedence", "FLASH", "--note", "n" * 500
    )
    assert done.returncode == 7 and b"refused by the broker" in done.stderr, done.stderr


def test_an_output_the_broker_refuses_is_dead_lettered_with_its_reason(pipeline: Pipeline, start_worker) -> None:
    """A triaged report too large for its topic is neither retried forever nor dropped: the input is
    dead-lettered with reason delivery_failed, and the lane goes on."""
    done = pipeline.triage("topics")
    assert done.returncode == 0, done.stderr
    from kafka import KafkaAdminClient
    from kafka.admin import ConfigResource, ConfigResourceType

    admin = KafkaAdminClient(bootstrap_servers=pipeline.broker.bootstrap)
    try:
        admin.alter_configs(
            [
                ConfigResource(
                    ConfigResourceType.TOPIC, pipeline.topic("reports.triaged"), configs={"max.message.bytes": "6000"}
                )
            ]
        )
    finally:
        admin.close()
    start_worker()
    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=pipeline.broker.bootstrap, acks="all")
    big = _report("too-big", "Patrol report. " + "All quiet on the road, nothing to report. " * 150)
    producer.send(pipeline.topic("reports.raw"), json.dumps(big).encode())
    producer.send(pipeline.topic("reports.raw"), json.dumps(_report("fine")).encode())
    producer.flush()
    producer.close()
    dead = read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.deadletter"), 1, timeout=120)
    letters = [json.loads(r.value) for r in dead]
    assert any(d["reason"] == "delivery_failed" and "MessageSizeTooLarge" in d["detail"] for d in letters), letters
    triaged = read_until_reports(pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), {"fine"}, timeout=60)
    assert {json.loads(r.value)["report_id"] for r in triaged} == {"fine"}


def test_sigterm_drains_and_exits_and_nothing_is_lost(pipeline: Pipeline, start_worker) -> None:
    pipeline.extra_env["TRIAGE_DRAIN_TIMEOUT_S"] = "15"
    worker = start_worker()
    from kafka import KafkaProducer

    ids = {f"drain-{i:04d}" for i in range(400)}
    producer = KafkaProducer(bootstrap_servers=pipeline.broker.bootstrap, acks="all", linger_ms=5)
    for rid in sorted(ids):
        producer.send(pipeline.topic("reports.raw"), json.dumps(_report(rid)).encode(), key=rid.encode())
    producer.flush()
    producer.close()
    read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), 30, timeout=120, settle=0)
    started = time.monotonic()
    worker.proc.send_signal(signal.SIGTERM)
    code = worker.proc.wait(timeout=60)
    took = time.monotonic() - started
    assert code == 0, worker.text()[-3000:]
    assert took < 15 + 10, took
    assert "drained in" in worker.text()
    start_worker()  # the rest is read from the commit by the next worker
    triaged = read_until_reports(pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), ids, timeout=240)
    assert not ids - {json.loads(r.value)["report_id"] for r in triaged}


def test_sigterm_with_the_broker_gone_exits_within_the_bound(tmp_path: Path) -> None:
    """A worker whose broker vanished used to ignore SIGTERM until SIGKILL."""
    from bench.broker import LocalBroker

    with LocalBroker() as broker:
        ops_port, _ = free_port_pair()
        env = {
            "TRIAGE_KAFKA_BOOTSTRAP": broker.bootstrap,
            "TRIAGE_TOPIC_PREFIX": "gone.",
            "TRIAGE_APP_ID": "gone",
            "TRIAGE_WEB_ENABLED": "false",
            "TRIAGE_DATA_DIR": str(tmp_path / "state"),
            "TRIAGE_OPS_PORT": str(ops_port),
            "TRIAGE_DRAIN_TIMEOUT_S": "5",
            "TRIAGE_CONNECT_TIMEOUT_S": "10",
            "PYTHONUNBUFFERED": "1",
        }
        import os

        log = tmp_path / "worker.log"
        with open(log, "wb") as handle:
            proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline.cli", "worker"],
                env={**os.environ, **env},
                stdout=handle,
                stderr=subprocess.STDOUT,
                cwd=REPO,
            )
            deadline = time.monotonic() + 120
            while "Worker ready" not in log.read_text(errors="replace"):
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
                time.sleep(0.5)
            pid = broker.pid
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            time.sleep(3)
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                pytest.fail("the worker did not exit within 60 s of SIGTERM with the broker gone")
            assert time.monotonic() - started < 5 + 10 + 5
