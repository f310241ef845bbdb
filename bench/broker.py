"""The benchmark's own broker: the project's single-node Kafka (ops/kafka/kafka.sh) on free ports,
with a throw-away data directory, always stopped and deleted on exit."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

from pipeline.settings import REPO_ROOT

KAFKA_SH = REPO_ROOT / "ops" / "kafka" / "kafka.sh"


class BrokerStartError(RuntimeError):
    """kafka.sh could not start the broker; the message carries its output."""


def free_port_pair() -> tuple[int, int]:
    """A free client port whose successor (the KRaft controller port) is free as well."""
    for _ in range(50):
        with socket.socket() as client, socket.socket() as controller:
            client.bind(("127.0.0.1", 0))
            port = client.getsockname()[1]
            try:
                controller.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            return port, port + 1
    raise BrokerStartError("no free pair of consecutive ports on 127.0.0.1")


class LocalBroker:
    """`with LocalBroker() as broker:` starts a broker and guarantees `down` and cleanup afterwards."""

    def __init__(self, heap: str = "768m", start_timeout_s: int = 90) -> None:
        self.port, self.controller_port = free_port_pair()
        self.data_dir = Path(tempfile.mkdtemp(prefix="triage-bench-kafka-"))
        self.env = {
            "KAFKA_PORT": str(self.port),
            "KAFKA_CONTROLLER_PORT": str(self.controller_port),
            "KAFKA_DATA_DIR": str(self.data_dir),
            "KAFKA_HEAP": heap,
            "KAFKA_START_TIMEOUT": str(start_timeout_s),
        }
        self._timeout_s = start_timeout_s + 60

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _kafka_sh(self, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(KAFKA_SH), command],
            env={**os.environ, **self.env},
            capture_output=True,
            text=True,
            timeout=self._timeout_s,
            check=False,
        )

    @property
    def pid(self) -> int | None:
        """The broker JVM's pid while it runs (kafka.sh keeps it in the data directory)."""
        try:
            return int((self.data_dir / "broker.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def version(self) -> str | None:
        """The broker's version, from the name of the resolved kafka jar."""
        libs = KAFKA_SH.parent / "target" / "kafka-libs"
        for jar in sorted(libs.glob("kafka_2.*-*.jar")):
            return jar.stem.split("-", 1)[1]
        return None

    def start(self) -> None:
        try:
            result = self._kafka_sh("up")
        except subprocess.TimeoutExpired as exc:
            raise BrokerStartError(f"kafka.sh up did not return within {exc.timeout}s") from None
        if result.returncode != 0:
            raise BrokerStartError(f"kafka.sh up failed:\n{result.stdout}\n{result.stderr}")

    def stop(self) -> None:
        """Kill the broker and delete its data. Its data is thrown away, so the controlled shutdown
        that `kafka.sh down` waits for (5 to 25 s with a few hundred partitions) buys nothing."""
        try:
            pid = self.pid
            if pid is not None and self._is_ours(pid):
                os.kill(pid, signal.SIGKILL)
                deadline = time.monotonic() + 30
                while self._is_ours(pid) and time.monotonic() < deadline:
                    time.sleep(0.1)
            self._kafka_sh("down")  # removes the pid file; stops the broker itself if the kill did not
        except subprocess.TimeoutExpired:
            pass  # kafka.sh escalates to SIGKILL itself; the data directory goes regardless
        finally:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def _is_ours(self, pid: int) -> bool:
        """The pid is a live broker JVM that uses our data directory (not a recycled pid)."""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z" and b"kafka.Kafka" in cmdline and str(self.data_dir).encode() in cmdline

    def __enter__(self) -> Self:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
