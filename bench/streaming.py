"""Stage 3, end to end: a `triage worker` subprocess with the real model on the benchmark's broker:
a lane-pool worker (TRIAGE_INTEL_ENABLED=false, as deployed), then, in a full run, the default
all-in-one worker (lanes and intel app in one process) for comparison.

Phases on one worker and one reader of reports.triaged:
  warm-up  a few batches, not measured (model and spaCy first use, group join);
  full     reports produced as fast as the client can (about `full_seconds` of work at the
           warm-up's rate, going round the generated reports again under new ids when there are
           fewer: a phase of a few seconds mostly measures the start and the end of the burst);
           throughput = reports / (last output readable - first send);
           latency = readable - received_at, per report;
  half     a paced producer at half the full-load throughput, for `half_seconds`; latency as above.
Each phase gives its reports fresh ids, so a phase only waits for its own outputs, and records
the CPU seconds of the worker, the broker and the benchmark process (producer and reader).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.child import ChildProcess
from bench.cpu import CpuMeter
from bench.reports import BenchReport
from bench.scope import Scope
from bench.stats import percentiles_ms, rate
from bench.traffic import OutputReader, SendLog, produce_reports
from operators.chain import alert_id_for

READY = "Worker ready"


class PhaseIncomplete(RuntimeError):
    """Not every output arrived before the phase's deadline."""


def cycled(reports: Sequence[BenchReport], n: int) -> list[BenchReport]:
    """The first `n` of the reports, going round them again as often as needed; a report seen again
    gets a new id (`<id>.r<round>`), so it is triaged again rather than taken for a repeat."""
    out: list[BenchReport] = []
    for i in range(n):
        report, round_ = reports[i % len(reports)], i // len(reports)
        out.append(
            report
            if round_ == 0
            else BenchReport({**report.fields, "report_id": f"{report.report_id}.r{round_}"}, report.language)
        )
    return out


def _phase(
    scope: Scope,
    reader: OutputReader,
    reports: Sequence[BenchReport],
    tag: str,
    rate_per_s: float,
    timeout_s: float,
    pids: dict[str, int],
) -> dict[str, Any]:
    def id_of(r: BenchReport) -> str:
        return f"{tag}-{r.report_id}"

    keys = [alert_id_for(id_of(r)).encode() for r in reports]
    meter = CpuMeter(pids).start()
    sent: SendLog = produce_reports(scope.bootstrap, scope.names.raw, reports, id_of, rate=rate_per_s)
    complete = reader.wait_for(keys, timeout_s)
    cpu = meter.stop(per=len(keys))
    arrivals = reader.snapshot(keys)
    if not complete:
        raise PhaseIncomplete(f"{tag}: {len(arrivals)} of {len(keys)} outputs within {timeout_s:.0f}s")
    latencies = [a.read_at - a.received_at for a in arrivals.values() if a.received_at is not None]
    last_read = max(a.read_at for a in arrivals.values())
    span = last_read - sent.first_send
    stamps = [a.record_ms for a in arrivals.values()]
    return {
        "reports": len(keys),
        "target_rate_per_s": round(rate_per_s, 2) if rate_per_s else None,
        "offered_rate_per_s": round(rate(sent.sent, sent.last_send - sent.first_send), 2),
        "seconds": round(span, 3),
        "reports_per_s": round(rate(len(keys), span), 2),
        # What the worker itself sustained: first to last output it wrote (record timestamps).
        "worker_reports_per_s": round(rate(len(keys) - 1, (max(stamps) - min(stamps)) / 1000.0), 2),
        "latency_ms": percentiles_ms(latencies),
        "cpu": cpu,
        "latencies_s": latencies,
    }


# The lane pool as the Helm chart deploys it: lanes only, the intel app in a pool of its own.
LANE_POOL = {"TRIAGE_INTEL_ENABLED": "false"}


def start_worker(scope: Scope, log_dir: Path, all_in_one: bool = False) -> ChildProcess:
    """A `triage worker` with the real model; it creates the scope's topics at start-up, as in production.
    By default a lane-pool worker; `all_in_one`: the default `triage worker`, lanes and intel app together."""
    env = scope.env() if all_in_one else {**scope.env(), **LANE_POOL}
    return ChildProcess.triage_worker("e2e-all-in-one" if all_in_one else "e2e-worker", env, log_dir)


def measure_streaming(
    worker: ChildProcess,
    scope: Scope,
    reports: Sequence[BenchReport],
    half_seconds: float,
    full_seconds: float,
    expected_rate: float,
    pids: dict[str, int],
    warmup: int = 128,
) -> dict[str, Any]:
    """Full-load throughput and latency, then latency at half that rate. The caller stops the worker."""
    started_in = worker.wait_for(READY, timeout_s=180)
    reader = OutputReader(scope.bootstrap, scope.names.triaged, parse_received_at=True).start()
    try:
        # Generous deadlines: a slow machine makes the figures poor, it should not make them missing.
        def slack(n: int) -> float:
            return max(60.0, 3.0 * n / max(expected_rate, 1.0))

        pids = {"worker": worker.proc.pid, **pids}
        warm = _phase(scope, reader, reports[: min(warmup, len(reports))], "warm", 0.0, slack(len(reports)) + 60, pids)
        # Full load lasts about `full_seconds` at the rate the warm-up showed (the first n reports,
        # always the same ones), so that a busy machine shortens the phase instead of the deadline.
        estimate = max(warm["reports_per_s"], 1.0)
        n_full = max(min(len(reports), warmup), int(estimate * full_seconds))
        full = _phase(scope, reader, cycled(reports, n_full), "full", 0.0, slack(n_full), pids)
        half_rate = full["reports_per_s"] / 2.0
        n_half = max(20, int(half_rate * half_seconds))
        half = _phase(scope, reader, cycled(reports, n_half), "half", half_rate, slack(n_half), pids)
        return {
            "worker_ready_after_s": round(started_in, 2),
            "warmup_reports": warm["reports"],
            "full": full,
            "half": half,
            "worker_alive_at_end": worker.alive(),
        }
    finally:
        reader.stop()
