"""The Grafana dashboard and the local Prometheus configuration.

Grafana cannot run here, so the dashboard is checked as data, and every query in it is run by a real
Prometheus (the local configuration and the project's rules) against stand-in exporters that serve
the metric names and labels of the workers' contract: a query that names a metric or label the
contract does not have comes back empty and fails here, long before a live test.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .prometheus_local import dashboard_queries, local_prometheus, render_config
from .toolbox import DASHBOARD, alerting_rules, run, tool

pytestmark = pytest.mark.ops


def _histogram(name: str, labels: str, buckets: tuple[float, ...], count: int, total: float) -> str:
    lines = [f'{name}_bucket{{{labels},le="{b}"}} {count}' for b in buckets]
    lines += [
        f'{name}_bucket{{{labels},le="+Inf"}} {count}',
        f"{name}_sum{{{labels}}} {total}",
        f"{name}_count{{{labels}}} {count}",
    ]
    return "\n".join(lines)


# The worker's /metrics as the contract describes it (one worker with a GPU that fell back to the CPU).
WORKER = (
    "\n".join(
        [
            'triage_reports_consumed_total{lane="bulk"} 120',
            'triage_reports_consumed_total{lane="urgent"} 7',
            'triage_reports_screened_total{result="urgent"} 7',
            'triage_reports_screened_total{result="bulk"} 113',
            'triage_outputs_published_total{kind="triaged",level="RESTRICTED"} 119',
            'triage_outputs_published_total{kind="alert",level="SECRET"} 9',
            'triage_outputs_published_total{kind="flash",level="SECRET"} 2',
            'triage_outputs_published_total{kind="deadletter",level="none"} 1',
            'triage_deadletters_total{reason="invalid_json"} 1',
            *(
                _histogram("triage_stage_duration_seconds", f'stage="{s}"', (0.01, 0.1, 1, 5), 10, 0.5)
                for s in ("ingest", "normalise", "predict", "rules", "entities", "prioritise", "explain", "publish_ack")
            ),
            _histogram("triage_batch_size", 'lane="bulk"', (1, 8, 32, 64), 10, 120),
            _histogram("triage_report_age_seconds", 'lane="urgent",precedence="FLASH"', (1, 5, 10, 60, 120), 7, 4.2),
            _histogram("triage_report_age_seconds", 'lane="bulk",precedence="ROUTINE"', (1, 5, 10, 60, 120), 100, 300),
            'triage_last_commit_timestamp_seconds{topic="reports.raw",partition="0"} 1.7e9',
            'triage_last_progress_timestamp_seconds{topic="reports.raw",partition="0"} 1.7e9',
            'triage_assigned_partitions{lane="bulk"} 4',
            'triage_assigned_partitions{lane="urgent"} 4',
            'triage_rebalances_total{lane="bulk"} 2',
            'triage_rebalances_total{lane="urgent"} 1',
            'triage_inflight_reports{lane="bulk"} 3',
            'triage_inflight_reports{lane="urgent"} 0',
            'triage_model_info{model="triage-default",sha256="ab12",provider="CPUExecutionProvider",policy_version="p1"} 1',
            "triage_gpu_expected 1",
            "triage_model_on_gpu 0",
            'triage_gpu_memory_used_bytes{gpu="0"} 1e9',
            'triage_gpu_memory_total_bytes{gpu="0"} 8e10',
            "triage_event_loop_lag_seconds 0.002",
            "process_resident_memory_bytes 5e8",
        ]
    )
    + "\n"
)

LAG_EXPORTER = (
    "\n".join(
        [
            'triage_consumer_lag_messages{group="triage.triage",topic="reports.raw",partition="0"} 12',
            'triage_consumer_lag_seconds{group="triage.triage",topic="reports.raw",partition="0"} 3',
            'triage_consumer_group_members{group="triage.triage"} 2',
            'triage_committed_offset{group="triage.triage",topic="reports.raw",partition="0"} 100',
            'triage_log_end_offset{topic="reports.raw",partition="0"} 112',
            "triage_lag_exporter_scrape_errors_total 0",
        ]
    )
    + "\n"
)

BROKER = (
    "\n".join(
        [  # the names ops/monitoring/jmx/kafka-broker.yaml produces (checked live in test_jmx_exporter)
            "kafka_server_replicamanager_underreplicatedpartitions 0",
            "kafka_controller_kafkacontroller_offlinepartitionscount 0",
            "kafka_controller_kafkacontroller_activecontrollercount 1",
            "kafka_server_brokertopicmetrics_messagesinpersec_total 1000",
            "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent 0.97",
        ]
    )
    + "\n"
)


@contextmanager
def exporter(body: str) -> Iterator[str]:
    """An HTTP server on loopback serving `body` as /metrics; yields its host:port."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_dashboard_is_well_formed() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    assert dashboard["uid"] == "triage-overview" and dashboard["schemaVersion"] >= 36
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    variables = {v["name"] for v in dashboard["templating"]["list"]}
    for panel in dashboard["panels"]:
        if panel["type"] == "row":
            continue
        assert panel.get("targets"), f"panel {panel['title']!r} has no query"
        assert panel["datasource"]["uid"].strip("${}") in variables
        for target in panel["targets"]:
            assert "$" not in target["expr"], f"{panel['title']}: Grafana variables would not run against Prometheus"
    titles = " ".join(p["title"].lower() for p in dashboard["panels"])
    for topic in ("lag", "dead letters", "stage latency", "report age", "rebalances", "gpu", "partitions", "consumed"):
        assert topic in titles, f"no panel about {topic}"


def test_local_prometheus_config_is_valid(tmp_path: Path) -> None:
    config = tmp_path / "prometheus.yml"
    config.write_text(render_config(["127.0.0.1:9464"], ["127.0.0.1:9465"], ["127.0.0.1:9404"]))
    result = run(tool("promtool"), "check", "config", config)
    assert "SUCCESS" in result.stdout + result.stderr


def test_every_dashboard_query_returns_data_from_contract_metrics(tmp_path: Path) -> None:
    with (
        exporter(WORKER) as worker,
        exporter(LAG_EXPORTER) as lag,
        exporter(BROKER) as broker,
        local_prometheus(
            tmp_path, workers=[worker], lag_exporters=[lag], brokers=[broker], scrape_interval="1s"
        ) as prom,
    ):
        prom.wait_for("every target up", lambda: (h := prom.targets_up()) and len(h) == 3 and set(h.values()) == {"up"})
        # rate() needs two samples of each series, and a recording rule an evaluation after that: each
        # query gets until the deadline, and only those still empty then fail.
        empty = [q for q in dashboard_queries() if not q.may_be_empty]

        def all_have_data() -> bool:
            empty[:] = [q for q in empty if not prom.query(q.expr)]
            return not empty

        try:
            prom.wait_for("data for every dashboard query", all_have_data, timeout=30)
        except AssertionError:
            pytest.fail(
                "dashboard queries with no data from the contract's metrics:\n"
                + "\n".join(f"{q.title}: {q.expr}" for q in empty)
            )

        # Every rule evaluates without error against them, and the alerts API answers: the stand-in
        # worker expects a GPU but runs on the CPU, so TriageCpuFallback is pending (for: 5m).
        groups = prom.get("/api/v1/rules")["groups"]
        loaded = {r["name"] for g in groups for r in g["rules"] if r["type"] == "alerting"}
        assert loaded == {r["alert"] for r in alerting_rules()}

        def evaluated() -> bool:
            rules = [r for g in prom.get("/api/v1/rules")["groups"] for r in g["rules"]]
            return all(r.get("lastEvaluation", "").startswith("20") for r in rules)

        prom.wait_for("every rule evaluated", evaluated, timeout=30)
        errors = [
            (r["name"], r["lastError"])
            for g in prom.get("/api/v1/rules")["groups"]
            for r in g["rules"]
            if r.get("health") != "ok"
        ]
        assert not errors, errors
        alerts = prom.wait_for(
            "TriageCpuFallback pending",
            lambda: [
                a for a in prom.get("/api/v1/alerts")["alerts"] if a["labels"]["alertname"] == "TriageCpuFallback"
            ],
        )
        assert alerts[0]["state"] == "pending" and alerts[0]["labels"]["job"] == "triage-worker"
