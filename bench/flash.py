"""Stage 6, FLASH latency: how long a FLASH report takes through the fast lane on an idle pipeline and
behind a routine backlog, with one worker and with two.

    python -m bench.flash [--smoke] [--out DIR]    # this stage alone, on its own broker (bench.run runs it too)

For each worker count, on fresh topics and groups: start the workers (`triage worker`, real model, lanes
only: TRIAGE_INTEL_ENABLED=false), wait for "Worker ready" in every log and for both lane groups to be
Stable with every worker in them, warm up (routine and FLASH reports, not measured), then run the phases:

  idle          FLASH reports alone, one every `interval_s`;
  backlog_<N>   N routine reports (reports the urgency screen leaves in the bulk lane) preloaded on
                reports.raw as fast as the client can (acks=all), then at once the FLASH reports, spaced
                out as above, while the backlog is worked off. Backlogs up to `drain_full_max` are drained
                and timed to their last report; larger ones are watched for `drain_window_s` after the
                preload and their drain time is extrapolated from the rate in that window (labelled so).

Time stamps (one machine, one clock): `sent` is the benchmark's wall clock when it hands a FLASH report
to its producer (also the report's `received_at`); `out` is when the benchmark's reader (kafka-python,
assigned, no group) got the report's record from flash.<level>, or from reports.triaged when the triage
did not call it FLASH. Latency = out - sent. The broker's and the worker's stamps break it down: the
input's LogAppendTime on reports.raw and on reports.urgent (the screen's forward; both topics take the
broker's clock), and the output record's CreateTime (when the worker handed it to its producer).
Drain = last backlog report readable on reports.triaged - end of the preload (every record acknowledged).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.broker import BrokerStartError, LocalBroker, free_port_pair
from bench.child import ChildFailed, ChildProcess
from bench.cpu import CpuMeter
from bench.reports import BenchReport, flash, routine
from bench.scope import Scope
from bench.stats import percentiles_ms, ratio
from bench.traffic import delete_topics, preload
from operators.chain import alert_id_for
from pipeline.admin import admin_client, ensure_pipeline_topics
from pipeline.settings import REPO_ROOT, Settings
from pipeline.topics import TopicNames

READY = "Worker ready"
SEED = 20261127
# The targets: one worker on this 2-core machine.
TARGETS = {"flash_p99_idle_ms": 250.0, "flash_p99_behind_50000_ms": 1000.0}
TARGET_WORKERS = 1
TARGET_BACKLOG = 50_000


@dataclass(frozen=True)
class FlashPlan:
    worker_counts: tuple[int, ...] = (1, 2)
    backlogs: tuple[int, ...] = (10_000, 50_000)
    flash_per_phase: int = 24
    interval_s: float = 0.5
    drain_full_max: int = 10_000  # backlogs up to this size are drained and timed to their last report
    drain_window_s: float = 30.0  # larger ones: watched this long after the preload, then extrapolated
    drain_timeout_s: float = 300.0  # a full drain still running after this is extrapolated too (and says so)
    flash_timeout_s: float = 120.0  # after the last FLASH send; a FLASH report later than that counts as missing
    warmup_routine: int = 48
    warmup_flash: int = 6
    routine_distinct: int = 10_000  # distinct routine reports; a larger backlog repeats them with new ids
    ready_timeout_s: float = 300.0


FULL = FlashPlan()
SMOKE = FlashPlan(
    worker_counts=(1,),
    backlogs=(300,),
    flash_per_phase=5,
    interval_s=0.2,
    drain_full_max=300,
    drain_window_s=5.0,
    drain_timeout_s=90.0,
    flash_timeout_s=60.0,
    warmup_routine=16,
    warmup_flash=2,
    routine_distinct=300,
)


# --------------------------------------------------------------------------------------- pure summaries


def latency_summary(latencies_s: Sequence[float], missing: int = 0) -> dict[str, Any]:
    """p50/p99/max (and p95, mean, count) in ms of the FLASH reports that came out, and how many did not."""
    out: dict[str, Any] = dict(percentiles_ms(latencies_s))
    out["missing"] = missing
    return out


def behind_over_idle(behind: dict[str, Any], idle: dict[str, Any]) -> dict[str, float]:
    """Behind-backlog latency over idle latency, per percentile (> 1: the backlog slows FLASH reports down)."""
    return {f"{k}_ratio": ratio(behind.get(k, 0.0), idle.get(k, 0.0)) for k in ("p50", "p99", "max")}


def drain_summary(
    read_at: Sequence[float], total: int, preload_end: float, observed_until: float, window_s: float | None = None
) -> dict[str, Any]:
    """The drain of a backlog of `total` reports from the end of its preload, given when each of its outputs
    was readable (those seen by `observed_until`). Complete: measured to the last report. Otherwise the rate
    from the preload's end to `observed_until` extrapolates the rest, labelled so. With `window_s`, a
    complete drain also gets the figure that window alone would have extrapolated (a check of the method)."""
    times = sorted(t for t in read_at if t <= observed_until)
    before = sum(t <= preload_end for t in times)
    out: dict[str, Any] = {"reports": total, "done_before_preload_end": before}
    if total and len(times) >= total:
        seconds = max(times[-1] - preload_end, 0.0)
        out.update(
            measured=True,
            seconds=round(seconds, 2),
            reports_per_s=round((total - before) / seconds, 1) if seconds > 0 else 0.0,
        )
        if window_s:
            # What the first `window_s` alone would have extrapolated: how far to trust the larger backlogs' figure.
            out["check_window_s"] = window_s
            out["check_extrapolated_seconds"] = _extrapolate(times, total, preload_end, preload_end + window_s)[0]
        return out
    estimate, rate, done = _extrapolate(times, total, preload_end, observed_until)
    out.update(
        measured=False,
        observed_s=round(observed_until - preload_end, 2),
        done_when_observed=done,
        reports_per_s=round(rate, 1),
        extrapolated_seconds=estimate,
    )
    return out


def _extrapolate(times: Sequence[float], total: int, start: float, until: float) -> tuple[float | None, float, int]:
    """(seconds from `start` until all `total` are out at the rate seen between `start` and `until`, that rate,
    how many were out by `until`). None when nothing came out in the window."""
    before = sum(t <= start for t in times)
    done = sum(t <= until for t in times)
    span = until - start
    rate = (done - before) / span if span > 0 else 0.0
    if rate <= 0:
        return None, 0.0, done
    return round((total - before) / rate, 1), rate, done


def verdicts(runs: dict[str, Any], targets: dict[str, float] = TARGETS) -> dict[str, str]:
    """`met` or `MISSED` for each target, from the one-worker run; `not measured` when its phase did not run
    (a FLASH report that never came out misses the target, whatever the percentiles of the others)."""
    phases = runs.get(_run_key(TARGET_WORKERS), {}).get("phases", {})

    def judge(phase: str, target: float) -> str:
        lat = phases.get(phase, {}).get("latency_ms")
        if not lat or not lat.get("count"):
            return "not measured"
        return "met" if lat["p99"] <= target and not lat.get("missing") else "MISSED"

    return {
        "flash_p99_idle_ms": judge("idle", targets["flash_p99_idle_ms"]),
        "flash_p99_behind_50000_ms": judge(f"backlog_{TARGET_BACKLOG}", targets["flash_p99_behind_50000_ms"]),
    }


def _run_key(workers: int) -> str:
    return f"{workers}_worker" + ("s" if workers > 1 else "")


# --------------------------------------------------------------------------------------- the reader


@dataclass(frozen=True)
class Seen:
    read_at: float  # the reader's wall clock when it got the record
    record_ms: int  # the record's timestamp: LogAppendTime on reports.urgent, CreateTime on the outputs
    precedence: str | None  # the `precedence` header of an output


URGENT, TRIAGED, FLASH = "urgent", "triaged", "flash"


class StampReader:
    """One kafka-python consumer, assigned (no group), from the beginning of reports.urgent, reports.triaged
    and every flash.<level> topic, in a thread; keeps the first arrival of every key per family."""

    def __init__(self, bootstrap: str, names: TopicNames) -> None:
        self.bootstrap = bootstrap
        self.families = {names.urgent: URGENT, names.triaged: TRIAGED, **dict.fromkeys(names.flash.values(), FLASH)}
        self.seen: dict[str, dict[bytes, Seen]] = {URGENT: {}, TRIAGED: {}, FLASH: {}}
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="flash-reader", daemon=True)

    def start(self, timeout_s: float = 30) -> StampReader:
        self._thread.start()
        if not self._ready.wait(timeout_s) or self._error is not None:
            raise RuntimeError(f"the FLASH reader did not start: {self._error}")
        return self

    def _run(self) -> None:
        from kafka import KafkaConsumer, TopicPartition

        consumer = None
        try:
            consumer = KafkaConsumer(
                bootstrap_servers=self.bootstrap, group_id=None, enable_auto_commit=False, fetch_max_wait_ms=100
            )
            tps = []
            deadline = time.monotonic() + 30
            for topic in self.families:
                parts = consumer.partitions_for_topic(topic)
                while not parts and time.monotonic() < deadline:
                    time.sleep(0.1)
                    parts = consumer.partitions_for_topic(topic)
                if not parts:
                    raise RuntimeError(f"topic {topic} does not exist")
                tps += [TopicPartition(topic, p) for p in sorted(parts)]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            for tp in tps:
                consumer.position(tp)
            self._ready.set()
            while not self._stop.is_set():
                batch = consumer.poll(timeout_ms=50)
                if not batch:
                    continue
                read_at = time.time()
                with self._changed:
                    for tp, records in batch.items():
                        seen = self.seen[self.families[tp.topic]]
                        for rec in records:
                            if rec.key not in seen:
                                precedence = next((v.decode() for k, v in rec.headers or () if k == "precedence"), None)
                                seen[rec.key] = Seen(read_at, rec.timestamp, precedence)
                    self._changed.notify_all()
        except BaseException as exc:  # reported by start() and wait_for()
            self._error = exc
            self._ready.set()
            with self._changed:
                self._changed.notify_all()
        finally:
            if consumer is not None:
                consumer.close()

    def wait_for(self, family: str, keys: Iterable[bytes], timeout_s: float) -> bool:
        wanted = set(keys)
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                if self._error is not None:
                    raise RuntimeError(f"the FLASH reader failed: {self._error}") from self._error
                if wanted <= self.seen[family].keys():
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.5))

    def snapshot(self, family: str, keys: Iterable[bytes]) -> dict[bytes, Seen]:
        with self._changed:
            seen = self.seen[family]
            return {k: seen[k] for k in keys if k in seen}

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


# --------------------------------------------------------------------------------------- FLASH sender


@dataclass(frozen=True)
class Sent:
    report_id: str
    language: str
    sent_at: float  # wall clock when handed to the producer (= the report's received_at)
    raw_append_ms: int  # the broker's LogAppendTime of the input on reports.raw


class FlashSender:
    """One producer (the settings of `triage produce`), connected and with the topic's metadata before the
    first FLASH report, so that no send pays for them."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        from kafka import KafkaProducer

        self.topic = topic
        self.producer = KafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5, max_block_ms=30_000
        )
        self.producer.partitions_for(topic)

    def send(self, reports: Sequence[BenchReport], tag: str, interval_s: float) -> list[Sent]:
        """One report every `interval_s` on an absolute schedule, each with a fresh id."""
        pending = []
        started = time.monotonic()
        for i, report in enumerate(reports):
            delay = started + i * interval_s - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            report_id = f"{tag}-{i:03d}-{uuid.uuid4().hex[:8]}"
            now = datetime.now(UTC)
            future = self.producer.send(self.topic, key=report_id.encode(), value=report.payload(report_id, now))
            pending.append((report_id, report.language, now.timestamp(), future))
        self.producer.flush(timeout=60)
        return [Sent(rid, lang, at, future.get(timeout=30).timestamp) for rid, lang, at, future in pending]

    def close(self) -> None:
        self.producer.close(timeout=30)


# --------------------------------------------------------------------------------------- workers


class WorkerSet:
    """`count` lanes-only workers of one scope, spawned at once (each with its own ops port and state)."""

    def __init__(self, scope: Scope, base: Settings, count: int, log_dir: Path) -> None:
        self.scope = scope
        self.count = count
        self.settings = scope.settings(base)
        # Created here, once, rather than by two workers racing for them; the readers need them too.
        ensure_pipeline_topics(self.settings)
        self.workers = []
        for i in range(count):
            env = {
                **scope.env(),
                "TRIAGE_INTEL_ENABLED": "false",
                "TRIAGE_OPS_PORT": str(free_port_pair()[0]),
                "TRIAGE_DATA_DIR": str(scope.state_dir / f"w{i}"),
            }
            self.workers.append(ChildProcess.triage_worker(f"flash-{count}w-{i}", env, log_dir))
        self.spawned = time.monotonic()

    @property
    def pids(self) -> dict[str, int]:
        return {f"worker{i}": w.proc.pid for i, w in enumerate(self.workers)}

    def wait_ready(self, timeout_s: float) -> dict[str, float]:
        """Seconds from spawn until every worker logged READY, and until both lane groups were Stable with
        every worker in them (so no rebalance falls into a measurement)."""
        deadline = self.spawned + timeout_s
        for worker in self.workers:
            worker.wait_for(READY, max(1.0, deadline - time.monotonic()))
        ready = time.monotonic() - self.spawned
        groups = [f"{self.scope.app_id}.triage", f"{self.scope.app_id}.urgent"]
        admin = admin_client(self.settings)
        try:
            state: Any = None
            while time.monotonic() < deadline:
                try:
                    state = admin.describe_groups(groups)
                    if len(state) == len(groups) and all(
                        g.get("group_state") == "Stable" and len(g.get("members") or ()) == self.count
                        for g in state.values()
                    ):
                        break
                except Exception as exc:  # the coordinator may still be loading: ask again
                    state = repr(exc)
                for worker in self.workers:
                    if not worker.alive():
                        raise ChildFailed(
                            f"{worker.name} exited with {worker.proc.returncode}:\n{worker.text()[-3000:]}"
                        )
                time.sleep(0.5)
            else:
                raise ChildFailed(f"lane groups not stable with {self.count} members within {timeout_s:g}s: {state}")
        finally:
            admin.close()
        return {"ready_after_s": round(ready, 2), "groups_stable_after_s": round(time.monotonic() - self.spawned, 2)}

    def providers(self) -> list[str]:
        """The execution provider the first worker's model runs on, from its start-up log."""
        text = self.workers[0].text() if self.workers else ""
        return ["CUDAExecutionProvider"] if "CUDAExecutionProvider" in text else ["CPUExecutionProvider"]

    def stop(self) -> None:
        for worker in self.workers:
            if worker.alive():
                worker.proc.send_signal(signal.SIGTERM)
        for worker in self.workers:
            worker.stop()


# --------------------------------------------------------------------------------------- phases


@dataclass
class _Rig:
    plan: FlashPlan
    scope: Scope
    reader: StampReader
    sender: FlashSender
    pids: dict[str, int]
    tag: str


def _phase(rig: _Rig, name: str, backlog: Sequence[BenchReport], flashes: Sequence[BenchReport]) -> dict[str, Any]:
    plan, reader = rig.plan, rig.reader
    tag = f"{rig.tag}-{name}"
    now = datetime.now(UTC)
    ids = [f"{tag}-r{i:06d}" for i in range(len(backlog))]
    payloads = [(rid.encode(), r.payload(rid, now)) for rid, r in zip(ids, backlog, strict=True)]
    backlog_keys = [alert_id_for(rid).encode() for rid in ids]
    meter = CpuMeter(rig.pids).start()
    preload_started = time.time()
    if payloads:
        preload(rig.scope.bootstrap, rig.scope.names.raw, payloads, timeout_s=300)
    preload_end = time.time()
    sent = rig.sender.send(flashes, tag, plan.interval_s)
    out_keys = {s.report_id: alert_id_for(s.report_id).encode() for s in sent}
    reader.wait_for(TRIAGED, out_keys.values(), plan.flash_timeout_s)
    triaged = reader.snapshot(TRIAGED, out_keys.values())
    # An output that says FLASH goes to flash.<level> in the same delivery: wait for those records too.
    decided = [k for k, s in triaged.items() if s.precedence == "FLASH"]
    reader.wait_for(FLASH, decided, 10.0)
    on_flash = reader.snapshot(FLASH, out_keys.values())
    forwarded = reader.snapshot(URGENT, [rid.encode() for rid in out_keys])

    rows, latencies = [], []
    for s in sent:
        key = out_keys[s.report_id]
        out = on_flash.get(key) or triaged.get(key)
        fwd = forwarded.get(s.report_id.encode())
        row: dict[str, Any] = {"language": s.language, "sent_after_preload_s": round(s.sent_at - preload_end, 3)}
        if out is not None:
            latencies.append(out.read_at - s.sent_at)
            row.update(
                latency_ms=round((out.read_at - s.sent_at) * 1000, 1),
                topic="flash" if key in on_flash else "triaged",
                precedence=(triaged.get(key) or out).precedence,
                # Where the time went: to the broker, through the screen's forward, the urgent lane, to the reader.
                to_raw_ms=round(s.raw_append_ms - s.sent_at * 1000, 1),
                screen_ms=round(fwd.record_ms - s.raw_append_ms, 1) if fwd else None,
                urgent_lane_ms=round(out.record_ms - fwd.record_ms, 1) if fwd else None,
                to_reader_ms=round(out.read_at * 1000 - out.record_ms, 1),
            )
        else:
            row.update(latency_ms=None, forwarded=fwd is not None)
        rows.append(row)
    last_flash_out = (
        max((on_flash.get(k) or triaged[k]).read_at for k in out_keys.values() if k in triaged)
        if triaged
        else time.time()
    )

    result: dict[str, Any] = {
        "backlog": len(backlog),
        "flash_reports": len(sent),
        "latency_ms": latency_summary(latencies, missing=len(sent) - len(latencies)),
        "decided_flash": sum(r.get("precedence") == "FLASH" for r in rows),
        "on_flash_topic": sum(r.get("topic") == "flash" for r in rows),
        "forwarded_by_screen": len(forwarded),
    }
    if backlog:
        if len(backlog) <= plan.drain_full_max:
            reader.wait_for(TRIAGED, backlog_keys, max(1.0, preload_end + plan.drain_timeout_s - time.time()))
        else:
            time.sleep(max(0.0, preload_end + plan.drain_window_s - time.time()))
        observed_until = time.time()
        done = [s.read_at for s in reader.snapshot(TRIAGED, backlog_keys).values()]
        window = plan.drain_window_s if len(backlog) <= plan.drain_full_max else None
        result["preload_s"] = round(preload_end - preload_started, 2)
        result["drain"] = drain_summary(done, len(backlog), preload_end, observed_until, window)
        # Did the FLASH reports overtake? Backlog reports still waiting when the last FLASH report was out.
        result["backlog_waiting_when_last_flash_out"] = len(backlog) - sum(t <= last_flash_out for t in done)
        result["backlog_waiting_when_first_flash_sent"] = (
            len(backlog) - sum(t <= sent[0].sent_at for t in done) if sent else None
        )
    result["cpu"] = meter.stop()
    result["per_report"] = rows
    return result


def _warm_up(rig: _Rig, count_routine: int, count_flash: int, seed: int) -> dict[str, Any]:
    """Routine and FLASH reports through every lane (model and spaCy first use, fetch positions); not measured."""
    started = time.monotonic()
    reports = [*routine(count_routine, seed, distinct=count_routine), *flash(count_flash, seed)]
    now = datetime.now(UTC)
    ids = [f"{rig.tag}-warm-{i:04d}" for i in range(len(reports))]
    preload(
        rig.scope.bootstrap,
        rig.scope.names.raw,
        [(i.encode(), r.payload(i, now)) for i, r in zip(ids, reports, strict=True)],
    )
    done = rig.reader.wait_for(TRIAGED, [alert_id_for(i).encode() for i in ids], 180)
    if not done:
        raise RuntimeError(f"warm-up: not every output within 180s ({rig.tag})")
    return {"reports": len(reports), "seconds": round(time.monotonic() - started, 2)}


def measure_workers(
    plan: FlashPlan,
    workers: WorkerSet,
    routine_pool: Sequence[BenchReport],
    broker_pid: int,
    progress: Callable[[str], None] = lambda m: None,
) -> dict[str, Any]:
    """Every phase on one set of workers (already spawned); the caller stops them."""
    scope = workers.scope
    ready = workers.wait_ready(plan.ready_timeout_s)
    progress(f"FLASH, {workers.count} worker(s): ready after {ready['ready_after_s']:.1f}s")
    reader = StampReader(scope.bootstrap, scope.names).start()
    sender = FlashSender(scope.bootstrap, scope.names.raw)
    rig = _Rig(
        plan,
        scope,
        reader,
        sender,
        {**workers.pids, "broker": broker_pid, "bench": os.getpid()},
        f"f{workers.count}w{uuid.uuid4().hex[:6]}",
    )
    out: dict[str, Any] = {"workers": workers.count, **ready, "providers": workers.providers()}
    try:
        out["warmup"] = _warm_up(rig, plan.warmup_routine, plan.warmup_flash, SEED + 99)
        phases: dict[str, Any] = {}
        for phase_no, backlog in enumerate((0, *plan.backlogs)):
            name = f"backlog_{backlog}" if backlog else "idle"
            flashes = flash(plan.flash_per_phase, SEED + 1000 * workers.count + phase_no)
            t = time.monotonic()
            phases[name] = phase = _phase(rig, name, routine_pool[:backlog], flashes)
            lat = phase["latency_ms"]
            drain = phase.get("drain")
            drained = ""
            if drain:
                drained = (
                    f", drain {drain['seconds']:.1f}s"
                    if drain["measured"]
                    else f", drain ~{drain['extrapolated_seconds']}s (extrapolated)"
                )
            progress(
                f"FLASH, {workers.count} worker(s), {name}: p50 {lat['p50']:.0f} ms, p99 {lat['p99']:.0f} ms, "
                f"max {lat['max']:.0f} ms, missing {lat['missing']}{drained} ({time.monotonic() - t:.0f}s)"
            )
        idle = phases["idle"]["latency_ms"]
        for name, phase in phases.items():
            if name != "idle":
                phase["over_idle"] = behind_over_idle(phase["latency_ms"], idle)
        out["phases"] = phases
        out["workers_alive_at_end"] = all(w.alive() for w in workers.workers)
        return out
    finally:
        sender.close()
        reader.stop()


def measure_flash(
    plan: FlashPlan,
    bootstrap: str,
    broker_pid: int,
    base: Settings,
    log_dir: Path,
    state_root: Path,
    progress: Callable[[str], None] = lambda m: None,
    early: WorkerSet | None = None,
) -> dict[str, Any]:
    """The whole stage. `early`: workers for the first worker count, spawned by the caller beforehand."""
    started = time.monotonic()
    biggest = max((*plan.backlogs, 1))
    pool = routine(biggest, SEED, distinct=min(plan.routine_distinct, biggest))
    runs: dict[str, Any] = {}
    for i, count in enumerate(plan.worker_counts):
        if i == 0 and early is not None and early.count == count:
            workers = early
        else:
            workers = WorkerSet(Scope.fresh(bootstrap, f"flash{count}w", state_root), base, count, log_dir)
        try:
            runs[_run_key(count)] = measure_workers(plan, workers, pool, broker_pid, progress)
        finally:
            workers.stop()
            delete_topics(workers.settings, (workers.scope.prefix, workers.scope.app_id))
    result: dict[str, Any] = {
        "plan": asdict(plan),
        "method": {
            "latency": "reader got the output (flash.<level>, else reports.triaged) - benchmark handed the input "
            "to its producer; one machine, one wall clock",
            "drain": "last backlog output readable on reports.triaged - end of the preload (all acknowledged)",
            "drain_extrapolated": f"backlogs over {plan.drain_full_max}: rate over the first {plan.drain_window_s:g}s "
            "after the preload, remaining reports / that rate",
            "workers": "triage worker, real model, lanes only (TRIAGE_INTEL_ENABLED=false)",
        },
        "reports": {
            "routine": {
                "generator": "bench.reports.routine (screen-filtered bench.reports.generate)",
                "distinct": min(plan.routine_distinct, biggest),
                "seed": SEED,
            },
            "flash": {
                "generator": "bench.reports.flash",
                "templates": 30,
                "per_phase": plan.flash_per_phase,
                "interval_s": plan.interval_s,
            },
        },
        "runs": runs,
        "targets": TARGETS,
        "verdicts": verdicts(runs),
        "duration_s": round(time.monotonic() - started, 1),
    }
    result["table"] = table(runs)
    return result


def table(runs: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per worker count and phase: the figures the summary prints."""
    rows = []
    for run in runs.values():
        for name, phase in run.get("phases", {}).items():
            lat, drain = phase["latency_ms"], phase.get("drain") or {}
            rows.append(
                {
                    "workers": run["workers"],
                    "phase": name,
                    "p50_ms": lat["p50"],
                    "p99_ms": lat["p99"],
                    "max_ms": lat["max"],
                    "missing": lat["missing"],
                    "p99_over_idle": phase.get("over_idle", {}).get("p99_ratio"),
                    "drain_s": drain.get("seconds") if drain.get("measured") else drain.get("extrapolated_seconds"),
                    "drain_measured": drain.get("measured"),
                }
            )
    return rows


def summary_lines(result: dict[str, Any]) -> list[str]:
    lines = ["FLASH latency (ms, send -> readable on flash.<level>), drain from the end of the preload:"]
    for row in result["table"]:
        ratio_text = f"  p99/idle {row['p99_over_idle']:.2f}" if row["p99_over_idle"] is not None else ""
        drain = ""
        if row["drain_s"] is not None:
            drain = f"  drain {row['drain_s']:.1f}s" + ("" if row["drain_measured"] else " (extrapolated)")
        missing = f"  MISSING {row['missing']}" if row["missing"] else ""
        lines.append(
            f"  {row['workers']} worker(s) {row['phase']:>14}: p50 {row['p50_ms']:7.0f}  p99 {row['p99_ms']:7.0f}"
            f"  max {row['max_ms']:7.0f}{ratio_text}{drain}{missing}"
        )
    v, t = result["verdicts"], result["targets"]
    lines.append(
        f"FLASH p99 idle, 1 worker          target <= {t['flash_p99_idle_ms']:g} ms   {v['flash_p99_idle_ms']}"
    )
    lines.append(
        f"FLASH p99 behind 50,000, 1 worker target <= {t['flash_p99_behind_50000_ms']:g} ms  "
        f"{v['flash_p99_behind_50000_ms']}"
    )
    return lines


# --------------------------------------------------------------------------------------- standalone


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.flash", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--smoke", action="store_true", help="one worker, a 300-report backlog, in well under a minute")
    p.add_argument("--out", type=Path, help="directory for the JSON (default bench/results; a temp dir with --smoke)")
    p.add_argument("--workers", type=int, nargs="+", help="worker counts (default 1 2)")
    p.add_argument("--backlogs", type=int, nargs="+", help="backlog sizes (default 10000 50000)")
    args = p.parse_args(argv)
    plan = SMOKE if args.smoke else FULL
    if args.workers:
        plan = replace(plan, worker_counts=tuple(args.workers))
    if args.backlogs:
        plan = replace(plan, backlogs=tuple(args.backlogs))
    out_dir: Path = args.out or (
        Path(tempfile.mkdtemp(prefix="triage-bench-flash-")) if args.smoke else REPO_ROOT / "bench" / "results"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    def on_sigterm(signum: int, frame: object) -> None:
        raise KeyboardInterrupt()

    signal.signal(signal.SIGTERM, on_sigterm)
    from bench.environment import describe

    base = Settings.from_env()
    work_dir = Path(tempfile.mkdtemp(prefix="triage-bench-flash-"))
    log_dir, state_root = work_dir / "logs", work_dir / "state"
    log_dir.mkdir()
    state_root.mkdir()
    broker = LocalBroker()
    status = 0
    result: dict[str, Any] = {
        "schema": "triage-bench-flash.v1",
        "mode": "smoke" if args.smoke else "full",
        "command": "python -m bench.flash " + " ".join(sys.argv[1:] if argv is None else argv),
    }
    try:
        progress("starting the broker")
        broker.start()
        result["flash"] = measure_flash(plan, broker.bootstrap, broker.pid or 0, base, log_dir, state_root, progress)
    except BrokerStartError as exc:
        print(f"bench.flash: {exc}", file=sys.stderr)
        return 3
    except (Exception, KeyboardInterrupt) as exc:  # partial results, then exit 1
        result["error"] = f"{type(exc).__name__}: {exc}"
        print(f"bench.flash: failed: {result['error']}\nlogs kept in {log_dir}", file=sys.stderr)
        status = 1
    finally:
        broker.stop()
        shutil.rmtree(state_root, ignore_errors=True)
        if status == 0:
            shutil.rmtree(work_dir, ignore_errors=True)
    runs: dict[str, Any] = result.get("flash", {}).get("runs", {})
    first: dict[str, Any] = next(iter(runs.values()), {})
    environment = describe(first.get("providers", ["CPUExecutionProvider"]))
    started_at = datetime.now(UTC)
    result.update(
        date=started_at.date().isoformat(), environment=environment, duration_s=round(time.monotonic() - started, 1)
    )
    path = out_dir / f"{result['date']}-{environment['device']}-flash.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    if status == 0:
        print("\n".join([*summary_lines(result["flash"]), f"written: {path}"]), flush=True)
    else:
        print(f"bench.flash: partial results in {path}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
