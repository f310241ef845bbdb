"""The broker with the Prometheus JMX exporter agent (KAFKA_JMX_EXPORTER_PORT) serves the metrics the
broker alerts and the dashboard use; without the variable the broker starts as it always did."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import KAFKA_SH, Broker, free_port_pair, unavailable

from .prometheus_local import dashboard_queries, free_port
from .toolbox import RULES_DIR

pytestmark = [pytest.mark.ops, pytest.mark.kafka]


def broker_metric_names() -> set[str]:
    """Every kafka_* metric the broker rules and the dashboard query."""
    exprs = [
        r["expr"] for g in yaml.safe_load((RULES_DIR / "kafka-broker.yaml").read_text())["groups"] for r in g["rules"]
    ]
    exprs += [q.expr for q in dashboard_queries()]
    return {name for expr in exprs for name in re.findall(r"\bkafka_[a-z_]+\b", expr)}


def test_broker_serves_the_alerts_metrics_through_the_jmx_exporter(tmp_path: Path) -> None:
    port, controller = free_port_pair()
    jmx = free_port()
    env = {
        **os.environ,
        "KAFKA_PORT": str(port),
        "KAFKA_CONTROLLER_PORT": str(controller),
        "KAFKA_DATA_DIR": str(tmp_path / "kafka"),
        "KAFKA_JMX_EXPORTER_PORT": str(jmx),
    }
    started = subprocess.run([str(KAFKA_SH), "up"], env=env, capture_output=True, text=True, timeout=300)
    try:
        if started.returncode != 0:
            unavailable(f"the broker with the JMX exporter did not start:\n{started.stdout}\n{started.stderr}")
        assert f"http://127.0.0.1:{jmx}/metrics" in started.stdout
        with urllib.request.urlopen(f"http://127.0.0.1:{jmx}/metrics", timeout=30) as response:
            text = response.read().decode()
        samples = dict(line.rsplit(" ", 1) for line in text.splitlines() if line.startswith("kafka_") and " " in line)
        missing = broker_metric_names() - set(samples)
        assert not missing, f"the JMX exporter does not produce {sorted(missing)}"
        # A healthy single node: one active controller, nothing offline or under-replicated.
        assert float(samples["kafka_controller_kafkacontroller_activecontrollercount"]) == 1
        assert float(samples["kafka_controller_kafkacontroller_offlinepartitionscount"]) == 0
        assert float(samples["kafka_server_replicamanager_underreplicatedpartitions"]) == 0
    finally:
        subprocess.run([str(KAFKA_SH), "down"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(tmp_path / "kafka", ignore_errors=True)


def test_broker_has_no_agent_by_default(kafka_broker: Broker) -> None:
    pid = (Path(kafka_broker.env["KAFKA_DATA_DIR"]) / "broker.pid").read_text().strip()
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    assert "kafka.Kafka" in cmdline
    assert not any(arg.startswith("-javaagent") for arg in cmdline)
