"""Child processes of the benchmark (triage workers, the aiokafka relay): started with a log file,
waited for with a deadline, always stopped (SIGTERM, then SIGKILL) by the stage that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from pipeline.settings import REPO_ROOT


class ChildFailed(RuntimeError):
    """A child exited or did not become ready in time; the message ends with its log."""


class ChildProcess:
    def __init__(self, name: str, args: Sequence[str], env: Mapping[str, str], log_dir: Path) -> None:
        self.name = name
        self.log = log_dir / f"{name}.log"
        self._log_handle = open(self.log, "wb")  # noqa: SIM115 - open for the child's lifetime
        self.proc = subprocess.Popen(
            [sys.executable, *args],
            env={**os.environ, **env},
            stdout=self._log_handle,
            stderr=subprocess.STDOUT,
            cwd=REPO_ROOT,
        )

    @classmethod
    def triage_worker(cls, name: str, env: Mapping[str, str], log_dir: Path, passthrough: bool = False) -> ChildProcess:
        args = ["-m", "pipeline.cli", "worker", *(["--passthrough"] if passthrough else [])]
        return cls(name, args, env, log_dir)

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_for(self, marker: str, timeout_s: float) -> float:
        """Seconds until `marker` appears in the log; raises ChildFailed on exit or timeout."""
        started = time.monotonic()
        deadline = started + timeout_s
        while time.monotonic() < deadline:
            if marker in self.text():
                return time.monotonic() - started
            if not self.alive():
                raise ChildFailed(f"{self.name} exited with {self.proc.returncode}:\n{self.text()[-3000:]}")
            time.sleep(0.1)
        raise ChildFailed(f"{self.name}: no {marker!r} within {timeout_s:g}s:\n{self.text()[-3000:]}")

    def stop(self, timeout_s: float = 20.0) -> None:
        try:
            if self.alive():
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=timeout_s)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=10)
        finally:
            self._log_handle.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
