"""The CLI and the broker scripts against the real broker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import KAFKA_SH, REPO, Broker, Pipeline, free_port_pair

pytestmark = pytest.mark.kafka


def test_topics_creates_everything_with_configured_partitions(pipeline: Pipeline) -> None:
    pipeline.extra_env["TRIAGE_PARTITIONS"] = "3"
    out = pipeline.triage("topics")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert len(lines) == 27 and all("(created)" in line for line in lines)
    assert sum("3 partitions" in line for line in lines) == 26
    assert [line for line in lines if "events.input" in line] == [
        f"{pipeline.topic('events.input')}\t1 partitions (created)"
    ]
    again = pipeline.triage("topics")
    assert again.returncode == 0 and "(created)" not in again.stdout.decode()


def test_produce_then_tail_round_trip(pipeline: Pipeline, tmp_path) -> None:
    assert pipeline.triage("topics").returncode == 0
    reports = [
        {"report_id": f"r{i}", "source": {"unit": "u"}, "classification": "SECRET", "text": f"t{i}"} for i in range(5)
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in reports) + "\n\n")
    produced = pipeline.triage("produce", str(path))
    assert produced.returncode == 0 and b"published 5 reports" in produced.stderr
    tailed = pipeline.triage("tail", pipeline.topic("reports.raw"), "--meta")
    assert tailed.returncode == 0, tailed.stderr
    rows = [json.loads(line) for line in tailed.stdout.decode().splitlines()]
    assert sorted(r["value"]["report_id"] for r in rows) == [f"r{i}" for i in range(5)]
    assert all(r["key"] == r["value"]["report_id"] for r in rows)


def test_tail_of_a_missing_topic_is_a_clear_error(pipeline: Pipeline) -> None:
    out = pipeline.triage("tail", "no.such.topic")
    assert out.returncode == 2 and b"does not exist" in out.stderr


def test_kafka_up_twice_is_harmless(kafka_broker: Broker) -> None:
    again = kafka_broker.kafka_sh("up")
    assert again.returncode == 0 and "already running" in again.stdout


def test_kafka_down_leaves_no_broker_behind(tmp_path) -> None:
    port, cport = free_port_pair()
    env = {
        **os.environ,
        "KAFKA_PORT": str(port),
        "KAFKA_CONTROLLER_PORT": str(cport),
        "KAFKA_DATA_DIR": str(tmp_path / "k"),
    }
    up = subprocess.run([str(KAFKA_SH), "up"], env=env, capture_output=True, text=True)
    assert up.returncode == 0, up.stderr
    pid = int((tmp_path / "k" / "broker.pid").read_text())
    assert os.path.exists(f"/proc/{pid}")
    down = subprocess.run([str(KAFKA_SH), "down"], env=env, capture_output=True, text=True)
    assert down.returncode == 0 and "stopped" in down.stdout
    time.sleep(0.5)
    assert not os.path.exists(f"/proc/{pid}")
    assert subprocess.run([str(KAFKA_SH), "status"], env=env, capture_output=True).returncode != 0


def test_unreachable_broker_gives_a_bounded_clear_error() -> None:
    port, _ = free_port_pair()
    env = {**os.environ, "TRIAGE_KAFKA_BOOTSTRAP": f"127.0.0.1:{port}", "TRIAGE_CONNECT_TIMEOUT_S": "2"}
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "topics"], env=env, capture_output=True, cwd=REPO, timeout=60
    )
    assert out.returncode == 3
    assert f"127.0.0.1:{port}".encode() in out.stderr and b"make kafka-up" in out.stderr
    assert time.monotonic() - started < 30
