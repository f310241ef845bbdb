"""`ops_targets`: a live pipeline on loopback for tests/ops/test_live_monitoring.py.

A throw-away broker with the JMX exporter agent (KAFKA_JMX_EXPORTER_PORT), the chart's three workloads
as real `triage worker` processes with the shipped model (intel: TRIAGE_LANES=none; bulk and urgent:
TRIAGE_INTEL_ENABLED=false), a `triage lag-exporter`, and the demo reports (one of them malformed)
pushed through them, so that every series of the dashboard exists. Everything is stopped and the
broker's data deleted afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import REPO, unavailable

from bench.broker import BrokerStartError, LocalBroker
from bench.child import ChildProcess

from .live import LagExporterProcess, free_port, get, group_lag, members, wait_until

SAMPLES = REPO / "demo" / "samples"
# Each workload as the Helm chart runs it (deploy/helm/triage/templates/workers.yaml).
WORKLOADS = {
    "intel": {"TRIAGE_LANES": "none", "TRIAGE_INTEL_ENABLED": "true"},
    "bulk": {"TRIAGE_LANES": "bulk", "TRIAGE_INTEL_ENABLED": "false"},
    "urgent": {"TRIAGE_LANES": "urgent", "TRIAGE_INTEL_ENABLED": "false"},
}
KILLED = "bulk"  # the workload stop_worker kills: the only member of the bulk lane's group


@dataclass
class OpsTargets:
    workers: list[str]
    lag_exporters: list[str]
    brokers: list[str]
    gpu: bool
    stop_worker: Callable[[], None]
    restart_worker: Callable[[], None]
    produce: Callable[[int], None]
    app_id: str
    logs: dict[str, Path] = field(default_factory=dict)


def reports() -> tuple[list[bytes], bytes]:
    valid = (SAMPLES / "reports.jsonl").read_bytes().splitlines()
    malformed = (SAMPLES / "malformed.jsonl").read_bytes().splitlines()[1]  # not a JSON object: dead-lettered
    return valid, malformed


@pytest.fixture
def ops_targets(tmp_path: Path) -> Iterator[OpsTargets]:
    jmx = free_port()
    broker = LocalBroker(heap="512m")
    broker.env["KAFKA_JMX_EXPORTER_PORT"] = str(jmx)
    try:
        broker.start()
    except BrokerStartError as exc:
        broker.stop()
        unavailable(f"the broker with the JMX exporter did not start: {exc}")
    children: list[ChildProcess] = []
    exporter: LagExporterProcess | None = None
    try:
        tag = uuid.uuid4().hex[:8]
        app_id, prefix = f"triage-live{tag}", f"live{tag}."
        env = {
            "TRIAGE_KAFKA_BOOTSTRAP": broker.bootstrap,
            "TRIAGE_APP_ID": app_id,
            "TRIAGE_TOPIC_PREFIX": prefix,
            "TRIAGE_PARTITIONS": "2",
            "TRIAGE_URGENT_PARTITIONS": "2",
            "TRIAGE_WEB_ENABLED": "false",
            "TRIAGE_OPS_HOST": "127.0.0.1",
            "TRIAGE_DATA_DIR": str(tmp_path / "state"),
            "TRIAGE_ARCHIVE_DIR": str(tmp_path / "archive"),
            # The archive acknowledges reports.triaged once per roll: often, so its group never looks stuck.
            "TRIAGE_ARCHIVE_ROLL_S": "2",
            "TRIAGE_CONNECT_TIMEOUT_S": "20",
            "PYTHONUNBUFFERED": "1",
        }
        ports = {name: free_port() for name in WORKLOADS}

        def start(name: str) -> ChildProcess:
            child = ChildProcess.triage_worker(
                f"worker-{name}-{len(children)}",
                {**env, **WORKLOADS[name], "TRIAGE_OPS_PORT": str(ports[name])},
                tmp_path,
            )
            children.append(child)
            return child

        def ready(name: str, child: ChildProcess) -> None:
            def up() -> bool:
                assert child.alive(), f"worker {name} exited:\n{child.text()[-3000:]}"
                return get(f"http://127.0.0.1:{ports[name]}/healthz/ready")[0] == 200

            wait_until(f"worker {name} ready", up, 120, explain=lambda: child.text()[-3000:])

        created = ChildProcess("topics", ["-m", "pipeline.cli", "topics"], env, tmp_path)
        created.proc.wait(timeout=120)
        created.stop()
        assert created.proc.returncode == 0, created.text()
        running = {name: start(name) for name in WORKLOADS}
        for name, child in running.items():
            ready(name, child)
        exporter = LagExporterProcess({**env}, tmp_path, interval_s=1.0)
        exporter.wait_ready(timeout=60)

        from kafka import KafkaProducer

        producer = KafkaProducer(bootstrap_servers=broker.bootstrap, acks="all")

        def produce(count: int) -> None:
            valid, _ = reports()
            for i in range(count):
                producer.send(f"{prefix}reports.raw", valid[i % len(valid)])
            producer.flush(timeout=30)

        valid, malformed = reports()
        for payload in [*valid, malformed]:
            producer.send(f"{prefix}reports.raw", payload)
        producer.flush(timeout=30)
        groups = [f"{app_id}.{g}" for g in ("triage", "urgent", "intel")]

        def settled() -> bool:
            samples = exporter.samples()
            return bool(samples) and all(group_lag(samples, g) == 0 and (members(samples, g) or 0) >= 1 for g in groups)

        def triaged() -> bool:
            samples = exporter.samples()
            ends = sum(
                s.value
                for s in samples
                if s.name == "triage_log_end_offset" and s.labels["topic"] == f"{prefix}reports.triaged"
            )
            return settled() and ends >= len(valid)

        wait_until(
            "every report triaged, archived and committed",
            triaged,
            120,
            explain=lambda: "\n".join(c.text()[-1500:] for c in running.values()),
        )

        victim: list[ChildProcess] = [running[KILLED]]

        def stop_worker() -> None:
            victim[0].proc.kill()
            victim[0].proc.wait(timeout=30)

        def restart_worker() -> None:
            child = start(KILLED)
            ready(KILLED, child)
            victim[0] = child

        yield OpsTargets(
            workers=[f"127.0.0.1:{port}" for port in ports.values()],
            lag_exporters=[exporter.address],
            brokers=[f"127.0.0.1:{jmx}"],
            gpu=False,
            stop_worker=stop_worker,
            restart_worker=restart_worker,
            produce=produce,
            app_id=app_id,
            logs={**{c.name: c.log for c in children}, "lag-exporter": exporter.log},
        )
        producer.close()
    finally:
        if exporter is not None:
            exporter.stop()
        for child in children:
            child.stop()
        broker.stop()
