"""Benchmark of the triage pipeline, every stage in one run on the same generated reports.

    python -m bench.run [--smoke] [--out DIR] [--reports N]

Stages: model only (ONNX session by batch size), offline chain (`triage batch`), end to end through
a worker on the benchmark's own broker (full-load throughput, latency at full and half load), Faust
pass-through against a plain aiokafka loop, and FLASH latency through the fast lane, idle and behind
routine backlogs, with one and two workers (bench/flash.py). Writes <out>/<date>-<device>.json and PNG
plots; see bench/README.md for what each figure means.
Exit status: 0 done, 1 a stage failed (partial results written), 3 broker, 4 model unusable.
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
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from bench import flash as flash_stage
from bench import plots
from bench.broker import BrokerStartError, LocalBroker
from bench.child import ChildProcess
from bench.environment import describe
from bench.model_only import measure_model
from bench.offline import measure_offline
from bench.passthrough import measure_passthrough
from bench.reports import LANGUAGES, BenchReport, generate
from bench.scope import Scope
from bench.stats import ratio
from bench.streaming import measure_streaming, start_worker
from bench.traffic import delete_topics
from operators.chain import TriageChain
from operators.inference.manifest import ModelError
from operators.triage import ModelTriage
from pipeline.components import build_chain
from pipeline.settings import REPO_ROOT, Settings, SettingsError

EXIT_FAILED = 1
EXIT_BROKER = 3
EXIT_MODEL = 4
RESULTS_DIR = REPO_ROOT / "bench" / "results"
SCHEMA = "triage-bench.v1"
SEED = 20261126
# `triage batch --batch-size` default: the offline figure is what that command achieves.
TRIAGE_BATCH_SIZE = 256
# End to end over naive (>= 5) is retired: on 2 cores it mostly measured the chain's compute per report.
TARGETS = {"e2e_over_offline": 0.85, "p99_half_ms": 250.0, **flash_stage.TARGETS}

T = TypeVar("T")


@dataclass(frozen=True)
class Plan:
    """How much of everything; FULL fits 10 minutes on 2 cores with a slow model, SMOKE one minute."""

    reports: int = 2000
    model_batch_sizes: tuple[int, ...] = (1, 8, 32, 64, 128)
    model_texts: int = 1024  # tokenised once; the batches cycle over them
    model_seconds_per_size: float = 3.0
    model_rounds: int = 2
    offline_max_seconds: float = 30.0  # each of the two passes in batches of 256
    offline_agent_max_seconds: float = 20.0  # the pass in batches of TRIAGE_BATCH_SIZE
    full_seconds: float = 40.0  # full-load phase: this many seconds of work at the offline rate
    half_seconds: float = 25.0
    passthrough_messages: int = 4000
    passthrough_rounds: int = 2
    passthrough_round_s: float = 60.0  # time bound of one round, after its consumer is ready
    warmup_reports: int = 192
    early_worker: bool = False  # start the e2e and FLASH workers during the in-process stages (smoke only)
    all_in_one: bool = True  # end to end again with the default all-in-one worker (lanes + intel app)
    flash: flash_stage.FlashPlan = flash_stage.FULL


FULL = Plan()
SMOKE = Plan(
    reports=40,
    model_texts=16,
    model_seconds_per_size=0.2,
    model_rounds=1,
    offline_max_seconds=5.0,
    offline_agent_max_seconds=5.0,
    full_seconds=5.0,
    half_seconds=2.0,
    # Enough for several fetch batches: with 200 the consumer took them in one batch and spent its CPU
    # before the first output, so the first-to-last-output window could hold 0 CPU ticks (seen in CI).
    passthrough_messages=1500,
    passthrough_rounds=1,
    warmup_reports=8,
    early_worker=True,
    all_in_one=False,
    flash=flash_stage.SMOKE,
)


class _Terminated(Exception):
    """SIGTERM, turned into an exception so that every `finally` stops its broker and workers."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated()


class Progress:
    def __init__(self) -> None:
        self.started = time.monotonic()

    def __call__(self, message: str) -> None:
        print(f"[{time.monotonic() - self.started:6.1f}s] {message}", file=sys.stderr, flush=True)

    def stage(self, name: str, work: Callable[[], T]) -> T:
        self(f"{name} ...")
        t = time.monotonic()
        out = work()
        self(f"{name} done in {time.monotonic() - t:.1f}s")
        return out


def _settings_used(settings: Settings) -> dict[str, Any]:
    shown = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        shown[f"TRIAGE_{f.name.upper()}"] = str(value) if isinstance(value, Path) else value
    return shown


def _report_summary(reports: Sequence[BenchReport]) -> dict[str, Any]:
    lengths = [len(r.fields["text"]) for r in reports]
    return {
        "count": len(reports),
        "seed": SEED,
        "generator": "bench.reports",
        "languages": dict(Counter(LANGUAGES[i % len(LANGUAGES)] for i in range(len(reports)))),
        "formats": dict(Counter(r.fields["format"] for r in reports)),
        "mean_text_chars": round(sum(lengths) / len(lengths), 1),
        "max_text_chars": max(lengths),
    }


def _model_info(chain: TriageChain, settings: Settings) -> tuple[Any, dict[str, Any]]:
    if not isinstance(chain.triage, ModelTriage):
        raise ModelError("the chain has no model (pass-through)")
    model = chain.triage.model
    manifest = model.manifest
    return model, {
        "name": manifest.name,
        "version": manifest.version,
        "graph": manifest.graph.file,
        "precision": manifest.graph.precision,
        "sha256": manifest.model_sha256,
        "parameters": manifest.raw.get("architecture", {}).get("parameters"),
        "max_length": manifest.max_length,
        "providers": list(model.providers),
        "model_dir": str(settings.model_dir),
        "intra_op_threads": settings.model_threads or "onnxruntime default",
    }


def _verdict(value: float, target: float, higher_is_better: bool = True) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "met" if ok else "MISSED"


def run(plan: Plan, out_dir: Path, mode: str, progress: Progress) -> tuple[dict[str, Any], int]:
    base = Settings.from_env()
    started_at = datetime.now(UTC)
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "mode": mode,
        "date": started_at.date().isoformat(),
        "started_at": started_at.isoformat(timespec="seconds"),
        "command": "python -m bench.run " + " ".join(sys.argv[1:]),
        "plan": asdict(plan),
        "targets": TARGETS,
        "settings": _settings_used(base),
    }
    work_dir = Path(tempfile.mkdtemp(prefix="triage-bench-"))
    log_dir, state_root = work_dir / "logs", work_dir / "state"
    log_dir.mkdir()
    state_root.mkdir()
    status = 0
    latencies: dict[str, list[float]] = {}
    broker = LocalBroker()
    # The broker starts while the model loads: neither is measured, and it saves a quarter of --smoke.
    progress("starting the broker in the background")
    starting = _Background(broker.start)
    try:
        chain = progress.stage("loading the model", lambda: build_chain(base))
        model, result["model"] = _model_info(chain, base)
        result["environment"] = describe(model.providers)
        reports = generate(plan.reports, SEED)
        result["reports"] = _report_summary(reports)
        now = datetime.now(UTC)
        payloads = [r.payload(received_at=now) for r in reports]
        progress.stage("waiting for the broker", starting.result)
        result["environment"]["kafka_broker"] = broker.version()
        # What every stage's worker and clients ran with instead of the environment's values.
        result["settings"].update(
            {
                "TRIAGE_KAFKA_BOOTSTRAP": f"{broker.bootstrap} (the benchmark's own broker)",
                "TRIAGE_TOPIC_PREFIX": "bench.<stage>-<random>. (one per stage and round)",
                "TRIAGE_APP_ID": "triage-bench-<stage>-<random>",
                "TRIAGE_WEB_ENABLED": False,
                **{
                    f"TRIAGE_{f.name.upper()}": "(in a temporary directory)"
                    for f in fields(Settings)
                    if isinstance(f.default, Path) and f.default.is_relative_to(REPO_ROOT / ".triage")
                },
            }
        )
        _measure(plan, base, chain, model, reports, payloads, broker, log_dir, state_root, result, latencies, progress)
    except ModelError as exc:
        print(f"bench: the model in {base.model_dir} cannot be used: {exc}", file=sys.stderr)
        status = EXIT_MODEL
    except BrokerStartError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        status = EXIT_BROKER
    except (Exception, _Terminated, KeyboardInterrupt) as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
        print(f"bench: failed: {result['error']}\nlogs kept in {log_dir}", file=sys.stderr)
        status = EXIT_FAILED
    finally:
        starting.join()
        progress.stage("stopping the broker", broker.stop)
        result["duration_s"] = round(time.monotonic() - progress.started, 1)
        shutil.rmtree(state_root, ignore_errors=True)
        if status == 0:
            shutil.rmtree(work_dir, ignore_errors=True)

    if status == 0:
        _summarise(result)
        stem = f"{result['date']}-{result['environment']['device']}"
        if plots.available():
            result["plots"] = plots.write_plots(result, latencies, out_dir, stem)
        else:
            result["plots"] = {"skipped": "matplotlib is not installed in this environment"}
    result["samples"] = {f"latency_ms_{k}": [round(v * 1000.0, 2) for v in vals] for k, vals in latencies.items()}
    return result, status


class _Background:
    """A call on a thread whose exception is re-raised by `result()`."""

    def __init__(self, call: Callable[[], None]) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(call,), name="bench-background", daemon=True)
        self._thread.start()

    def _run(self, call: Callable[[], None]) -> None:
        try:
            call()
        except BaseException as exc:
            self._error = exc

    def join(self) -> None:
        self._thread.join()

    def result(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


def _measure(
    plan: Plan,
    base: Settings,
    chain: TriageChain,
    model: Any,
    reports: Sequence[BenchReport],
    payloads: Sequence[bytes],
    broker: LocalBroker,
    log_dir: Path,
    state_root: Path,
    result: dict[str, Any],
    latencies: dict[str, list[float]],
    progress: Progress,
) -> None:
    scope = Scope.fresh(broker.bootstrap, "e2e", state_root)
    started: list[ChildProcess] = []
    early_flash: list[flash_stage.WorkerSet] = []

    def e2e_worker() -> ChildProcess:
        if not started:
            started.append(start_worker(scope, log_dir))
        return started[0]

    # --smoke starts the workers now, under the stages before them; a full run keeps them apart.
    if plan.early_worker:
        e2e_worker()
        count = plan.flash.worker_counts[0]
        early_flash.append(
            flash_stage.WorkerSet(Scope.fresh(broker.bootstrap, f"flash{count}w", state_root), base, count, log_dir)
        )
    try:
        _measure_stages(
            plan,
            base,
            chain,
            model,
            reports,
            payloads,
            broker,
            log_dir,
            state_root,
            result,
            latencies,
            progress,
            scope,
            e2e_worker,
            early_flash[0] if early_flash else None,
        )
    finally:
        for worker in started:
            worker.stop()
        for workers in early_flash:
            workers.stop()


def _measure_stages(
    plan: Plan,
    base: Settings,
    chain: TriageChain,
    model: Any,
    reports: Sequence[BenchReport],
    payloads: Sequence[bytes],
    broker: LocalBroker,
    log_dir: Path,
    state_root: Path,
    result: dict[str, Any],
    latencies: dict[str, list[float]],
    progress: Progress,
    scope: Scope,
    e2e_worker: Callable[[], ChildProcess],
    early_flash: flash_stage.WorkerSet | None,
) -> None:
    texts = [r.fields["text"] for r in reports[: plan.model_texts]]
    result["model_only"] = progress.stage(
        "model only",
        lambda: measure_model(model, texts, plan.model_batch_sizes, plan.model_seconds_per_size, plan.model_rounds),
    )
    # Offline at the `triage batch` size before and after the streaming stage (the two bracket it),
    # and once at the agent's micro-batch size to separate batching from streaming.
    offline_before = progress.stage(
        f"offline chain, batches of {TRIAGE_BATCH_SIZE}",
        lambda: measure_offline(chain, payloads, TRIAGE_BATCH_SIZE, plan.offline_max_seconds),
    )
    offline_agent = progress.stage(
        f"offline chain, batches of {base.batch_size}",
        lambda: measure_offline(chain, payloads, base.batch_size, plan.offline_agent_max_seconds),
    )
    expected = offline_before["reports_per_s"]

    def streaming(title: str, worker: ChildProcess, where: Scope) -> dict[str, Any]:
        try:
            measured = progress.stage(
                title,
                lambda: measure_streaming(
                    worker,
                    where,
                    reports,
                    plan.half_seconds,
                    plan.full_seconds,
                    expected,
                    pids={"broker": broker.pid or 0, "bench": os.getpid()},
                    warmup=plan.warmup_reports,
                ),
            )
        finally:
            progress.stage("stopping the worker", worker.stop)
        delete_topics(where.settings(base), (where.prefix, where.app_id))
        return measured

    e2e = streaming("end to end (worker, full and half load)", e2e_worker(), scope)
    for load in ("full", "half"):
        latencies[load] = e2e[load].pop("latencies_s")
    e2e["worker"] = "triage worker, lane pool (TRIAGE_INTEL_ENABLED=false), as the Helm chart deploys it"
    result["e2e"] = e2e
    if plan.all_in_one:
        whole = Scope.fresh(broker.bootstrap, "e2e-all", state_root)
        both = streaming(
            "end to end, all-in-one worker (lanes and intel app)", start_worker(whole, log_dir, all_in_one=True), whole
        )
        for load in ("full", "half"):
            both[load].pop("latencies_s")
        both["worker"] = "triage worker, defaults: lanes and the intel app (correlation, briefings, archive)"
        result["e2e_all_in_one"] = both
    offline_after = progress.stage(
        f"offline chain again, batches of {TRIAGE_BATCH_SIZE}",
        lambda: measure_offline(chain, payloads, TRIAGE_BATCH_SIZE, plan.offline_max_seconds),
    )
    result["offline"] = {
        "triage_batch": {
            "batch_size": TRIAGE_BATCH_SIZE,
            "reports_per_s": round((offline_before["reports_per_s"] + offline_after["reports_per_s"]) / 2.0, 2),
            "before_e2e": offline_before,
            "after_e2e": offline_after,
        },
        "agent_batch": offline_agent,
    }
    result["passthrough"] = progress.stage(
        "pass-through: Faust against aiokafka",
        lambda: measure_passthrough(
            broker.bootstrap,
            broker.pid or 0,
            base,
            reports,
            plan.passthrough_messages,
            plan.passthrough_rounds,
            log_dir,
            state_root,
            plan.passthrough_round_s,
        ),
    )
    result["flash"] = progress.stage(
        f"FLASH latency: idle and behind backlogs of {', '.join(map(str, plan.flash.backlogs))}, "
        f"{' then '.join(map(str, plan.flash.worker_counts))} worker(s)",
        lambda: flash_stage.measure_flash(
            plan.flash, broker.bootstrap, broker.pid or 0, base, log_dir, state_root, progress, early_flash
        ),
    )


def _summarise(result: dict[str, Any]) -> None:
    e2e_full = result["e2e"]["full"]["reports_per_s"]
    offline = result["offline"]["triage_batch"]["reports_per_s"]
    offline_agent = result["offline"]["agent_batch"]["reports_per_s"]
    pt = result["passthrough"]
    best_model = max(result["model_only"]["by_batch_size"], key=lambda r: r["reports_per_s"])
    result["throughput_reports_per_s"] = {
        "model_only_best": best_model["reports_per_s"],
        "model_only_best_batch_size": best_model["batch_size"],
        "offline": offline,
        "offline_agent_batch": offline_agent,
        "e2e_full_load": e2e_full,
        "e2e_worker_full_load": result["e2e"]["full"]["worker_reports_per_s"],
        "faust_passthrough": pt["faust_passthrough"]["messages_per_s"],
        "aiokafka": pt["aiokafka"]["messages_per_s"],
        "aiokafka_chain": pt["aiokafka_chain"]["messages_per_s"],
    }
    result["ratios"] = {
        "e2e_over_offline": ratio(e2e_full, offline),
        **(
            {"e2e_all_in_one_over_offline": ratio(result["e2e_all_in_one"]["full"]["reports_per_s"], offline)}
            if "e2e_all_in_one" in result
            else {}
        ),
        # Cost per message, Faust pass-through over the plain aiokafka loop: > 1 means Faust costs more.
        "passthrough_over_aiokafka": ratio(pt["faust_passthrough"]["us_per_message"], pt["aiokafka"]["us_per_message"]),
        "e2e_over_offline_agent_batch": ratio(e2e_full, offline_agent),
        "aiokafka_chain_over_aiokafka": ratio(pt["aiokafka_chain"]["us_per_message"], pt["aiokafka"]["us_per_message"]),
    }
    # CPU per report: what each process spent, which other people's jobs on the machine hardly move.
    off = result["offline"]["triage_batch"]
    e2e_cpu = result["e2e"]["full"]["cpu"]["cpu_ms_per_report"]
    result["cpu_ms_per_report"] = {
        "offline": round((off["before_e2e"]["cpu_ms_per_report"] + off["after_e2e"]["cpu_ms_per_report"]) / 2.0, 3),
        "offline_agent_batch": result["offline"]["agent_batch"]["cpu_ms_per_report"],
        "e2e_worker": e2e_cpu["worker"],
        "e2e_broker": e2e_cpu["broker"],
        "e2e_producer_and_reader": e2e_cpu["bench"],
    }
    cpu = result["cpu_ms_per_report"]
    result["ratios"].update(
        {
            # > 1: the worker spends less CPU per report than `triage batch`; these do not move with
            # other load on the machine, the throughput ratios do.
            "cpu_offline_over_e2e_worker": ratio(cpu["offline"], cpu["e2e_worker"]),
            "cpu_offline_over_e2e_worker_and_broker": ratio(cpu["offline"], cpu["e2e_worker"] + cpu["e2e_broker"]),
            "cpu_passthrough_over_aiokafka": ratio(
                pt["faust_passthrough"]["cpu_us_per_message"], pt["aiokafka"]["cpu_us_per_message"]
            ),
        }
    )
    full_cpu = result["e2e"]["full"]["cpu"]
    result["background_load"] = {
        "e2e_full_other_processes_cpu_s": full_cpu["other_processes_cpu_s"],
        "e2e_full_wall_s": full_cpu["wall_s"],
        "e2e_full_other_processes_cores": round(full_cpu["other_processes_cpu_s"] / full_cpu["wall_s"], 2)
        if full_cpu["wall_s"]
        else 0.0,
    }
    result["latency_ms"] = {load: result["e2e"][load]["latency_ms"] for load in ("full", "half")}
    ratios, latency = result["ratios"], result["latency_ms"]
    result["verdicts"] = {
        "e2e_over_offline": _verdict(ratios["e2e_over_offline"], TARGETS["e2e_over_offline"]),
        "p99_half_ms": _verdict(latency["half"]["p99"], TARGETS["p99_half_ms"], higher_is_better=False),
        **result["flash"]["verdicts"],
    }


def _print_summary(result: dict[str, Any], path: Path) -> None:
    r, v, lat = result["ratios"], result["verdicts"], result["latency_ms"]
    thr = result["throughput_reports_per_s"]
    pt = result["passthrough"]
    env, model, lf, lh = result["environment"], result["model"], lat["full"], lat["half"]
    cpu, bg = result["cpu_ms_per_report"], result["background_load"]
    lines = [
        (
            f"device {env['device']} ({env['cpu_model']}), model {model['name']}@{model['version']} "
            f"{model['precision']}, {result['reports']['count']} reports"
        ),
        (
            f"throughput (reports/s): model-only best {thr['model_only_best']:.0f} "
            f"(batch {thr['model_only_best_batch_size']}), offline {thr['offline']:.1f}, "
            f"e2e full load {thr['e2e_full_load']:.1f}"
        ),
        f"e2e/offline          {r['e2e_over_offline']:.3f}   target >= {TARGETS['e2e_over_offline']:g}   {v['e2e_over_offline']}",
        *(
            [
                f"all-in-one worker    e2e/offline {r['e2e_all_in_one_over_offline']:.3f}, p99 at half load "
                f"{result['e2e_all_in_one']['half']['latency_ms']['p99']:.0f} ms (lanes and intel app in one process)"
            ]
            if "e2e_all_in_one_over_offline" in r
            else []
        ),
        (
            f"passthrough/aiokafka {r['passthrough_over_aiokafka']:.3f}   (cost per message: Faust "
            f"{pt['faust_passthrough']['us_per_message']:.0f} us, aiokafka {pt['aiokafka']['us_per_message']:.0f} us, "
            f"aiokafka + pass-through chain {pt['aiokafka_chain']['us_per_message']:.0f} us)"
        ),
        f"p99 at half load     {lh['p99']:.1f} ms   target <= {TARGETS['p99_half_ms']:g} ms   {v['p99_half_ms']}",
        (
            f"CPU ms/report: offline {cpu['offline']:.1f}, e2e worker {cpu['e2e_worker']:.1f} + broker "
            f"{cpu['e2e_broker']:.1f} + producer/reader {cpu['e2e_producer_and_reader']:.1f}; CPU us/message pass-through: Faust "
            f"{pt['faust_passthrough']['cpu_us_per_message']:.0f}, aiokafka {pt['aiokafka']['cpu_us_per_message']:.0f}, "
            f"aiokafka + chain {pt['aiokafka_chain']['cpu_us_per_message']:.0f}"
        ),
        (
            f"other processes on the machine used {bg['e2e_full_other_processes_cores']:.2f} cores during the "
            f"full-load phase (of {env['cpu_count']}): compare figures within this file only"
        ),
        (
            f"latency ms: full p50/p95/p99 {lf['p50']:.0f}/{lf['p95']:.0f}/{lf['p99']:.0f}, "
            f"half p50/p95/p99 {lh['p50']:.0f}/{lh['p95']:.0f}/{lh['p99']:.0f}"
        ),
        *flash_stage.summary_lines(result["flash"]),
        f"written: {path}",
    ]
    print("\n".join(lines), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--smoke", action="store_true", help="every stage on a tiny input, in well under a minute (CI)")
    p.add_argument(
        "--out", type=Path, help="directory for the JSON and plots (default bench/results; a temp dir with --smoke)"
    )
    p.add_argument("--reports", type=int, help="number of generated reports (default 2000; 40 with --smoke)")
    args = p.parse_args(argv)
    plan = SMOKE if args.smoke else FULL
    if args.reports:
        plan = replace(plan, reports=args.reports)
    out_dir: Path = args.out or (Path(tempfile.mkdtemp(prefix="triage-bench-smoke-")) if args.smoke else RESULTS_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _on_sigterm)
    progress = Progress()
    try:
        result, status = run(plan, out_dir, "smoke" if args.smoke else "full", progress)
    except SettingsError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    if status in (EXIT_BROKER, EXIT_MODEL):
        return status
    device = result.get("environment", {}).get("device", "unknown")
    path = out_dir / f"{result['date']}-{device}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    tmp.replace(path)
    if status == 0:
        _print_summary(result, path)
    else:
        print(f"bench: partial results in {path}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
