"""A throw-away Prometheus on loopback with the project's rules, and the dashboard's queries.

`local_prometheus(...)` fills in ops/monitoring/prometheus.yml.template with the targets it is given
(workers, lag exporters, brokers: "host:port"), starts Debian's prometheus from the ops tools on a
free loopback port with its data in a temporary folder, waits until it is ready, and stops it on exit.
Used by test_dashboard.py (against stand-in exporters) and test_live_monitoring.py (the real ones).
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .toolbox import DASHBOARD, PROMETHEUS_TEMPLATE, rule_files, tool

# Panels whose series exist only on some deployments: they may be empty and still be right.
GPU_ONLY_METRICS = ("triage_gpu_memory_used_bytes", "triage_gpu_memory_total_bytes")
MAY_BE_EMPTY = ("ALERTS{",)  # the annotation query: empty while nothing fires


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def render_config(
    workers: Sequence[str],
    lag_exporters: Sequence[str],
    brokers: Sequence[str],
    scrape_interval: str = "2s",
    rules: Sequence[Path] | None = None,
) -> str:
    """The template with its placeholders filled in (flow lists are JSON, which is YAML)."""
    text = PROMETHEUS_TEMPLATE.read_text()
    values = {
        "@SCRAPE_INTERVAL@": scrape_interval,
        "@RULE_FILES@": json.dumps([str(p) for p in (rule_files() if rules is None else rules)]),
        "@WORKER_TARGETS@": json.dumps(list(workers)),
        "@LAG_EXPORTER_TARGETS@": json.dumps(list(lag_exporters)),
        "@BROKER_TARGETS@": json.dumps(list(brokers)),
    }
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    assert "@" not in text.split("scrape_configs:")[1], "a placeholder was left unfilled"
    return text


_DURATION = re.compile(r"(\d+)([smh])")
_SECONDS = {"s": 1, "m": 60, "h": 3600}


def shortened_rules(workdir: Path, factor: int = 15, min_range_s: int = 10, min_for_s: int = 2) -> list[Path]:
    """Copies of the rule files with every `for:` and every range selector divided by `factor` (at least
    `min_for_s` and `min_range_s` seconds), for a live test that cannot wait minutes. Thresholds are kept;
    the shipped files are not touched."""

    def seconds(text: str) -> int:
        return sum(int(n) * _SECONDS[unit] for n, unit in _DURATION.findall(text))

    def shorter_range(match: re.Match[str]) -> str:
        return f"[{max(min_range_s, seconds(match.group(1)) // factor)}s]"

    def shorter_for(match: re.Match[str]) -> str:
        return f"{match.group(1)}{max(min_for_s, seconds(match.group(2)) // factor)}s"

    out = workdir / "rules-shortened"
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for path in rule_files():
        text = re.sub(r"\[((?:\d+[smh])+)\]", shorter_range, path.read_text())
        text = re.sub(r"^(\s+for: )((?:\d+[smh])+)$", shorter_for, text, flags=re.MULTILINE)
        (out / path.name).write_text(text)
        paths.append(out / path.name)
    return paths


@dataclass
class LocalPrometheus:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def get(self, path: str, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with urllib.request.urlopen(f"{self.url}{path}{query}", timeout=10) as response:
            body = json.load(response)
        assert body.get("status") == "success", body
        return body["data"]

    def query(self, expr: str) -> list[dict[str, Any]]:
        """The instant vector (or scalar as one sample) of a PromQL expression; raises on a bad query."""
        data = self.get("/api/v1/query", query=expr)
        if data["resultType"] in ("scalar", "string"):
            return [{"metric": {}, "value": data["result"]}]
        return data["result"]

    def targets_up(self) -> dict[str, str]:
        """{scrape URL: health} of every active target."""
        return {t["scrapeUrl"]: t["health"] for t in self.get("/api/v1/targets")["activeTargets"]}

    def wait_for(self, what: str, predicate: Any, timeout: float = 60.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"Prometheus: {what} not within {timeout:.0f}s; log:\n{self.log.read_text()[-3000:]}"
                )
            time.sleep(0.5)


@contextmanager
def local_prometheus(
    workdir: Path,
    *,
    workers: Sequence[str] = (),
    lag_exporters: Sequence[str] = (),
    brokers: Sequence[str] = (),
    scrape_interval: str = "2s",
    rules: Sequence[Path] | None = None,
) -> Iterator[LocalPrometheus]:
    config = workdir / "prometheus.yml"
    config.write_text(render_config(workers, lag_exporters, brokers, scrape_interval, rules))
    port = free_port()
    log = workdir / "prometheus.log"
    with open(log, "wb") as handle:
        process = subprocess.Popen(
            [
                str(tool("prometheus")),
                f"--config.file={config}",
                f"--storage.tsdb.path={workdir / 'data'}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            ],
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    prometheus = LocalPrometheus(url=f"http://127.0.0.1:{port}", process=process, log=log)
    try:

        def ready() -> bool:
            assert process.poll() is None, f"prometheus exited:\n{log.read_text()[-3000:]}"
            try:
                with urllib.request.urlopen(f"{prometheus.url}/-/ready", timeout=2) as response:
                    return response.status == 200
            except OSError:
                return False

        prometheus.wait_for("ready", ready, timeout=60)
        yield prometheus
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class DashboardQuery:
    title: str
    expr: str

    @property
    def gpu_only(self) -> bool:
        return any(metric in self.expr for metric in GPU_ONLY_METRICS)

    @property
    def may_be_empty(self) -> bool:
        return any(marker in self.expr for marker in MAY_BE_EMPTY)


def dashboard_queries(path: Path = DASHBOARD) -> list[DashboardQuery]:
    """Every PromQL expression of the dashboard: panel targets (rows included) and annotations."""
    dashboard = json.loads(path.read_text())
    queries: list[DashboardQuery] = []

    def walk(panels: list[dict[str, Any]]) -> None:
        for panel in panels:
            for target in panel.get("targets", []):
                queries.append(DashboardQuery(panel["title"], target["expr"]))
            walk(panel.get("panels", []))

    walk(dashboard["panels"])
    for annotation in dashboard.get("annotations", {}).get("list", []):
        if annotation.get("expr"):
            queries.append(DashboardQuery(f"annotation {annotation['name']}", annotation["expr"]))
    return queries
