"""Stage 5, streaming overhead without a model: `triage worker --passthrough` (Faust) against the
plain aiokafka relay (`bench.relay`), on the same topics layout and the same message count.

Each round gets fresh topics, pre-loads `messages` reports into reports.raw, then starts the
consumer process, and is bounded in time: a round that runs out counts the outputs it got. The cost per message is the span between the first and the last output
record's timestamps (set by the writer's producer as it sends) divided by messages - 1: process
start-up and group join are outside it, and a slow reader cannot inflate it. The CPU seconds the
consuming process and the broker spend per message over the same window are recorded too
(sampled every 10 ms): unlike the span, other work on the machine hardly moves them. Variants take turns
(Faust, aiokafka, aiokafka+chain, Faust, ...) so background load hits them alike.
"""

from __future__ import annotations

import os
import statistics
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.child import ChildProcess
from bench.cpu import MACHINE, CpuSampler
from bench.relay import READY as RELAY_READY
from bench.reports import BenchReport
from bench.scope import Scope
from bench.stats import rate
from bench.traffic import OutputReader, create_topics, delete_topics, preload
from pipeline.settings import Settings

VARIANTS = ("faust_passthrough", "aiokafka", "aiokafka_chain")


def _spawn(variant: str, scope: Scope, log_dir: Path, name: str, batch_size: int) -> tuple[ChildProcess, str]:
    """The consuming process of a variant and the log line that says it is ready."""
    if variant == "faust_passthrough":
        return ChildProcess.triage_worker(name, scope.env(), log_dir, passthrough=True), "Worker ready"
    names = scope.names
    args = [
        "-m",
        "bench.relay",
        "--bootstrap",
        scope.bootstrap,
        "--source",
        names.raw,
        "--sink",
        names.triaged,
        "--group",
        scope.app_id,
        "--batch-size",
        str(batch_size),
    ]
    if variant == "aiokafka_chain":
        args.append("--chain")
    return ChildProcess(name, args, scope.env(), log_dir), RELAY_READY


def _round(
    variant: str,
    index: int,
    bootstrap: str,
    broker_pid: int,
    base: Settings,
    reports: Sequence[BenchReport],
    messages: int,
    log_dir: Path,
    state_root: Path,
    timeout_s: float,
) -> dict[str, Any]:
    scope = Scope.fresh(bootstrap, f"pt{index}", state_root)
    names = scope.names
    create_topics(scope.settings(base), names.all())
    tag = uuid.uuid4().hex[:6]
    now = datetime.now(UTC)
    payloads = []
    for i in range(messages):
        report_id = f"pt-{tag}-{i:06d}"
        payloads.append((report_id.encode(), reports[i % len(reports)].payload(report_id, now)))
    preload(bootstrap, names.raw, payloads)
    reader = OutputReader(bootstrap, names.triaged).start()
    child, ready = _spawn(variant, scope, log_dir, f"{variant}-{index}", base.batch_size)
    sampler = CpuSampler({"consumer": child.proc.pid, "broker": broker_pid, "bench": os.getpid()}).start()
    try:
        with child:
            child.wait_for(ready, timeout_s=120)
            complete = reader.wait_for_count(messages, timeout_s)
            alive = child.alive()
        arrivals = reader.snapshot()
    finally:
        sampler.stop()
        reader.stop()
        delete_topics(scope.settings(base), (scope.prefix, scope.app_id))
    # Past the time bound the round counts what it got through, and says so.
    done = len(arrivals)
    if done < 2:
        raise RuntimeError(f"{variant} round {index}: {done} of {messages} outputs within {timeout_s:g}s")
    stamps = [a.record_ms for a in arrivals.values()]
    span_s = (max(stamps) - min(stamps)) / 1000.0
    # CPU from the first output to the last: the same window as the span, start-up excluded.
    cpu = sampler.between(min(stamps) / 1000.0, max(stamps) / 1000.0)
    ours = cpu["consumer"] + cpu["broker"] + cpu["bench"]
    return {
        "variant": variant,
        "messages": messages,
        "outputs": done,
        "complete": complete,
        "span_s": round(span_s, 3),
        "us_per_message": round(1e6 * span_s / (done - 1), 2),
        "messages_per_s": round(rate(done - 1, span_s), 1),
        "cpu_us_per_message": {name: round(1e6 * cpu[name] / (done - 1), 1) for name in ("consumer", "broker")},
        "other_processes_cpu_s": round(max(cpu[MACHINE] - ours, 0.0), 3),
        "alive_at_end": alive,
    }


def measure_passthrough(
    bootstrap: str,
    broker_pid: int,
    base: Settings,
    reports: Sequence[BenchReport],
    messages: int,
    rounds: int,
    log_dir: Path,
    state_root: Path,
    timeout_s: float,
) -> dict[str, Any]:
    results: list[dict[str, Any]] = []
    for r in range(rounds):
        for v, variant in enumerate(VARIANTS):
            index = r * len(VARIANTS) + v
            results.append(
                _round(variant, index, bootstrap, broker_pid, base, reports, messages, log_dir, state_root, timeout_s)
            )
    summary: dict[str, Any] = {
        "messages_per_round": messages,
        "rounds": rounds,
        "round_time_bound_s": timeout_s,
        "all_rounds_complete": all(x["complete"] for x in results),
        "runs": results,
    }
    for variant in VARIANTS:
        runs = [x for x in results if x["variant"] == variant]
        costs = [x["us_per_message"] for x in runs]
        median = statistics.median(costs)
        summary[variant] = {
            "us_per_message": round(median, 2),
            "us_per_message_runs": costs,
            "messages_per_s": round(1e6 / median, 1) if median > 0 else 0.0,
            "cpu_us_per_message": round(statistics.median(x["cpu_us_per_message"]["consumer"] for x in runs), 1),
            "broker_cpu_us_per_message": round(statistics.median(x["cpu_us_per_message"]["broker"] for x in runs), 1),
        }
    return summary
