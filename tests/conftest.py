"""Shared fixtures: a real Kafka broker for the session, worker processes, topic readers.

The broker is the project's own (ops/kafka/kafka.sh) on free ports with a throw-away data
directory, started once per test session and stopped at the end. It is never mocked: when it
cannot start, the Kafka tests are skipped on a developer machine and fail under CI.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
KAFKA_SH = REPO / "ops" / "kafka" / "kafka.sh"
ARTIFACTS = REPO / "test-artifacts"


def unavailable(message: str) -> None:
    """A prerequisite is missing: the test fails under CI (where it must run) and is skipped elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def secure_broker_env(port: int, controller_port: int, data: Path, prefix: str, app_id: str) -> dict[str, str]:
    """The environment for `kafka.sh` and workers of a secure test broker; the caller's own Kafka overrides are dropped."""
    env = {k: v for k, v in os.environ.items() if k not in ("KAFKA_EXTRA_PROPERTIES", "KAFKA_TOOL_OPTS")}
    env.update(
        KAFKA_SECURE="1",
        KAFKA_HOST="127.0.0.1",
        KAFKA_PORT=str(port),
        KAFKA_CONTROLLER_PORT=str(controller_port),
        KAFKA_DATA_DIR=str(data),
        TRIAGE_TOPIC_PREFIX=prefix,
        TRIAGE_APP_ID=app_id,
    )
    return env


def free_port_pair() -> tuple[int, int]:
    """Two free consecutive-ish ports: the client port and the controller port."""
    for _ in range(50):
        with socket.socket() as a, socket.socket() as b:
            a.bind(("127.0.0.1", 0))
            port = a.getsockname()[1]
            try:
                b.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            return port, port + 1
    raise RuntimeError("no free port pair")


@dataclass
class Broker:
    bootstrap: str
    port: int
    env: dict[str, str]

    def kafka_sh(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(KAFKA_SH), *args], env={**os.environ, **self.env}, capture_output=True, text=True, check=check
        )


@pytest.fixture(scope="session")
def kafka_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Broker]:
    port, cport = free_port_pair()
    data = tmp_path_factory.mktemp("kafka")
    env = {"KAFKA_PORT": str(port), "KAFKA_CONTROLLER_PORT": str(cport), "KAFKA_DATA_DIR": str(data)}
    broker = Broker(bootstrap=f"127.0.0.1:{port}", port=port, env=env)
    started = broker.kafka_sh("up", check=False)
    if started.returncode != 0:
        message = f"the test broker did not start:\n{started.stdout}\n{started.stderr}"
        unavailable(message)
    try:
        yield broker
    finally:
        broker.kafka_sh("down", check=False)
        shutil.rmtree(data, ignore_errors=True)


@dataclass
class Pipeline:
    """One isolated pipeline on the shared broker: its own topic prefix and consumer group."""

    broker: Broker
    prefix: str
    app_id: str
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "TRIAGE_KAFKA_BOOTSTRAP": self.broker.bootstrap,
            "TRIAGE_TOPIC_PREFIX": self.prefix,
            "TRIAGE_APP_ID": self.app_id,
            "TRIAGE_WEB_ENABLED": "false",
            "TRIAGE_DATA_DIR": str(REPO / ".triage" / "tests"),
            "TRIAGE_CONNECT_TIMEOUT_S": "20",
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }

    def topic(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def triage(
        self, *args: str, input: bytes | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "pipeline.cli", *args],
            env=self.env,
            input=input,
            capture_output=True,
            timeout=timeout,
            cwd=REPO,
        )


@pytest.fixture
def pipeline(kafka_broker: Broker) -> Pipeline:
    tag = uuid.uuid4().hex[:8]
    return Pipeline(broker=kafka_broker, prefix=f"t{tag}.", app_id=f"triage-t{tag}")


@dataclass
class Worker:
    proc: subprocess.Popen[bytes]
    log: Path
    ops_port: int = 0

    def alive(self) -> bool:
        return self.proc.poll() is None

    def text(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def start_worker(pipeline: Pipeline, tmp_path: Path) -> Iterator[Callable[..., Worker]]:
    workers: list[Worker] = []

    def start(*args: str, ready_timeout: float = 90.0) -> Worker:
        log = tmp_path / f"worker-{len(workers)}.log"
        handle = open(log, "wb")  # noqa: SIM115 - kept open for the process's lifetime
        ops_port, _ = free_port_pair()
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "worker", *args],
            env={"TRIAGE_OPS_PORT": str(ops_port), **pipeline.env},
            stdout=handle,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        worker = Worker(proc=proc, log=log, ops_port=ops_port)
        workers.append(worker)
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if "Worker ready" in worker.text():
                return worker
            if not worker.alive():
                raise AssertionError(f"worker exited during start-up:\n{worker.text()[-3000:]}")
            time.sleep(0.2)
        raise AssertionError(f"worker not ready within {ready_timeout}s:\n{worker.text()[-3000:]}")

    yield start
    for w in workers:
        if w.alive():
            w.proc.terminate()
            try:
                w.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                w.proc.kill()
                w.proc.wait()


def read_topic(bootstrap: str, topic: str, expected: int, timeout: float = 60.0, settle: float = 2.0) -> list:
    """Every record of `topic` from the beginning: waits for `expected`, then `settle` more seconds for extras."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    try:
        deadline = time.monotonic() + timeout
        parts = None
        while parts is None and time.monotonic() < deadline:
            parts = consumer.partitions_for_topic(topic)
            if parts is None:
                time.sleep(0.2)
        assert parts, f"topic {topic} does not exist"
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        records: list = []
        settle_until: float | None = None
        while True:
            now = time.monotonic()
            if len(records) >= expected and settle_until is None:
                settle_until = now + settle
            if (settle_until is not None and now >= settle_until) or now >= deadline:
                return records
            for batch in consumer.poll(timeout_ms=200).values():
                records.extend(batch)
    finally:
        consumer.close()


def read_until_reports(
    bootstrap: str, topic: str, report_ids: set[str], timeout: float = 300.0, settle: float = 3.0
) -> list:
    """Every record of `topic` until every one of `report_ids` has been seen (repeats do not count),
    then `settle` more seconds; on timeout, what was read (the caller's assertion names what is missing)."""
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    records: list = []
    seen: set[str] = set()
    try:
        deadline = time.monotonic() + timeout
        settle_until: float | None = None
        while True:
            now = time.monotonic()
            if settle_until is None and report_ids <= seen:
                settle_until = now + settle
            if now >= deadline or (settle_until is not None and now >= settle_until):
                return records
            for batch in consumer.poll(timeout_ms=200).values():
                for rec in batch:
                    records.append(rec)
                    try:
                        seen.add(json.loads(rec.value)["report_id"])
                    except (ValueError, KeyError, TypeError):
                        pass
    finally:
        consumer.close()
