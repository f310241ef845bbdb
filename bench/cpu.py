"""CPU time per process and for the whole machine, from /proc, over a measured interval.

Wall-clock figures on a shared machine move with whatever else runs; CPU seconds per report
of each of our processes (worker, broker, the benchmark itself) do not, and the machine's total
says how much of it went to other people's work. Zero everywhere when /proc is not there.
"""

from __future__ import annotations

import bisect
import os
import threading
import time
from pathlib import Path
from typing import Any

MACHINE = "machine"
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def descendants(pid: int) -> list[int]:
    """The live child processes of a process, and theirs (the worker's chain process)."""
    out: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return out
    for task in tasks:
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
        for child in children:
            out.append(child)
            out.extend(descendants(child))
    return out


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process and its live children, all their threads; 0.0 when it is gone.
    The benchmark's own process counts alone: its children are the workers and brokers measured apart."""
    if pid == os.getpid():
        return _own_cpu_s(pid)
    return _own_cpu_s(pid) + sum(_own_cpu_s(child) for child in descendants(pid))


def _own_cpu_s(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    # The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def machine_busy_s() -> float:
    """CPU seconds all cores spent busy since boot (everything but idle and iowait)."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()
    except OSError:
        return 0.0
    values = [int(v) for v in first[1:9]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / _TICKS


class CpuMeter:
    """`meter = CpuMeter({"worker": pid, ...}).start()` ... `meter.stop()` -> CPU seconds per name."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = dict(pids)
        self._start: dict[str, float] = {}
        self._machine = 0.0
        self._wall = 0.0

    def start(self) -> CpuMeter:
        self._start = {name: process_cpu_s(pid) for name, pid in self.pids.items()}
        self._machine = machine_busy_s()
        self._wall = time.monotonic()
        return self

    def stop(self, per: int = 0) -> dict[str, Any]:
        """CPU seconds of each process and of everything else on the machine; ms per item when `per`."""
        used = {name: round(process_cpu_s(pid) - self._start[name], 3) for name, pid in self.pids.items()}
        wall = time.monotonic() - self._wall
        machine = machine_busy_s() - self._machine
        out: dict[str, Any] = {
            "wall_s": round(wall, 3),
            "cpu_s": used,
            "other_processes_cpu_s": round(max(machine - sum(used.values()), 0.0), 3),
            "machine_busy_cores": round(machine / wall, 2) if wall > 0 else 0.0,
        }
        if per:
            out["cpu_ms_per_report"] = {name: round(1000.0 * s / per, 3) for name, s in used.items()}
        return out


class CpuSampler:
    """Samples processes' CPU seconds every `interval_s` on a thread, so that the CPU spent between
    two wall-clock moments known only afterwards (first and last output) can be read off."""

    def __init__(self, pids: dict[str, int], interval_s: float = 0.01) -> None:
        self.pids = dict(pids)
        self.interval_s = interval_s
        self.samples: list[tuple[float, dict[str, float]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cpu-sampler", daemon=True)

    def start(self) -> CpuSampler:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            sample = {n: process_cpu_s(p) for n, p in self.pids.items()}
            sample[MACHINE] = machine_busy_s()
            self.samples.append((time.time(), sample))
            self._stop.wait(self.interval_s)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def between(self, t0: float, t1: float) -> dict[str, float]:
        """CPU seconds each process (and, under MACHINE, the whole machine) spent from t0 to t1 (wall clock)."""
        return {name: round(self._at(name, t1) - self._at(name, t0), 4) for name in [*self.pids, MACHINE]}

    def _at(self, name: str, t: float) -> float:
        if not self.samples:
            return 0.0
        times = [s[0] for s in self.samples]
        i = bisect.bisect_left(times, t)
        if i == 0:
            return self.samples[0][1][name]
        if i >= len(self.samples):
            return self.samples[-1][1][name]
        (ta, a), (tb, b) = self.samples[i - 1], self.samples[i]
        share = (t - ta) / (tb - ta) if tb > ta else 0.0
        return a[name] + share * (b[name] - a[name])
