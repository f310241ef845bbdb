"""Helpers for the tests that watch live processes: read a /metrics page, probe an endpoint, wait for a
condition, and run `triage lag-exporter` as a child process.

Used by tests/integration/test_ops_*.py and the `ops_targets` fixture (tests/ops/conftest.py).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from conftest import REPO
from prometheus_client.parser import text_string_to_metric_families

T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, timeout: float = 5.0) -> tuple[int, str]:
    """(status, body) of a GET; status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
    except OSError:
        return 0, ""


@dataclass(frozen=True)
class Sample:
    name: str
    labels: dict[str, str]
    value: float


def scrape(host_port: str) -> list[Sample]:
    """Every sample of http://host_port/metrics; empty when nothing answers."""
    status, body = get(f"http://{host_port}/metrics")
    if status != 200:
        return []
    return [
        Sample(s.name, dict(s.labels), s.value)
        for family in text_string_to_metric_families(body)
        for s in family.samples
    ]


def pick(samples: list[Sample], name: str, **labels: str) -> list[Sample]:
    return [s for s in samples if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())]


def total(samples: list[Sample], name: str, **labels: str) -> float:
    return sum(s.value for s in pick(samples, name, **labels))


def wait_until(
    what: str,
    predicate: Callable[[], T],
    timeout: float,
    interval: float = 0.5,
    explain: Callable[[], str] | None = None,
) -> T:
    """The first truthy value of `predicate` within `timeout` seconds; AssertionError naming `what` otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout:.0f}s" + (f"\n{explain()}" if explain else ""))
        time.sleep(interval)


class LagExporterProcess:
    """`triage lag-exporter` on a free loopback port, with its log in `log_dir`; stop() ends it."""

    def __init__(
        self, env: Mapping[str, str], log_dir: Path, interval_s: float = 1.0, name: str = "lag-exporter"
    ) -> None:
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.log = log_dir / f"{name}.log"
        self._handle = open(self.log, "wb")  # noqa: SIM115 - open for the process's lifetime
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "lag-exporter", "--interval", str(interval_s)],
            env={**env, "TRIAGE_LAG_EXPORTER_PORT": str(self.port), "TRIAGE_OPS_HOST": "127.0.0.1"},
            stdout=self._handle,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def samples(self) -> list[Sample]:
        return scrape(self.address)

    def wait_ready(self, timeout: float = 60.0) -> None:
        def ready() -> bool:
            assert self.proc.poll() is None, f"the lag exporter exited:\n{self.text()[-3000:]}"
            return get(f"http://{self.address}/healthz/ready")[0] == 200

        wait_until("lag exporter ready", ready, timeout, explain=lambda: self.text()[-3000:])

    def stop(self) -> None:
        try:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
        finally:
            self._handle.close()


def group_lag(samples: list[Sample], group: str, metric: str = "triage_consumer_lag_messages") -> float:
    return total(samples, metric, group=group)


def max_lag_seconds(samples: list[Sample], group: str) -> float:
    return max((s.value for s in pick(samples, "triage_consumer_lag_seconds", group=group)), default=0.0)


def members(samples: list[Sample], group: str) -> float | None:
    found = pick(samples, "triage_consumer_group_members", group=group)
    return found[0].value if found else None


def describe(samples: list[Sample], *prefixes: str) -> str:
    """The samples whose names start with one of `prefixes`, one a line, for assertion messages."""
    return "\n".join(f"{s.name}{s.labels} {s.value:g}" for s in samples if not prefixes or s.name.startswith(prefixes))
