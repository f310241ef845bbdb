"""Fault injection on the real broker: `make chaos` (full) and tests/integration/test_chaos.py (short).

Reports stream in at mixed rates (bursts and lulls) while workers are SIGKILLed at random moments
and restarted, the broker is killed with SIGKILL and restarted, and frozen with SIGSTOP for a
while, with another process keeping one core busy the whole time. Then every output is read back
and checked:

  * every valid report the producer got acknowledged is on reports.triaged, and each alert id is on
    exactly the alert and flash topics its classification and precedence call for;
  * no duplicates once consumers drop repeats by alert id (the raw duplicate count is reported);
  * every malformed input is on the dead-letter topic with a reason;
  * no worker exited except the ones killed on purpose, and every worker drains on SIGTERM;
  * events and briefings are still produced after the last fault;
  * after each broker restart the pipeline resumes by itself (time to recover reported).

The result is a JSON document and a short summary; `python -m bench.chaos --help` lists the knobs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.broker import LocalBroker, free_port_pair
from bench.child import ChildFailed, ChildProcess
from bench.reports import generate
from pipeline.settings import REPO_ROOT

LEVELS = ("unclassified", "restricted", "confidential", "secret")


@dataclass
class ChaosConfig:
    reports: int = 20_000
    malformed_every: int = 50  # one malformed input in this many
    workers: int = 3
    worker_kills: int = 10
    broker_kills: int = 2
    broker_down_s: float = 8.0  # how long the broker stays dead before it is restarted
    broker_pauses: int = 1
    pause_s: float = 20.0
    cpu_hog: bool = True
    seed: int = 7
    drain_timeout_s: float = 600.0  # after the last report is sent, how long to wait for the outputs
    out: Path = REPO_ROOT / "test-artifacts" / "chaos"


@dataclass
class Fault:
    at_s: float
    kind: str
    target: str
    recovered_s: float | None = None
    # Broker restarts: reports sent right after the broker is back; the pipeline has recovered when the
    # first of them is triaged (a measure that needs no traffic of the main producer at that moment).
    probes: list[str] = field(default_factory=list)


@dataclass
class Result:
    config: dict[str, Any]
    started_at: str
    wall_s: float = 0.0
    sent_valid: int = 0
    sent_malformed: int = 0
    producer_retries: int = 0
    triaged_messages: int = 0
    raw_duplicates: int = 0
    lost: list[str] = field(default_factory=list)
    duplicates_after_dedup: int = 0
    wrong_topics: list[str] = field(default_factory=list)
    deadletter_missing: int = 0
    deadletter_without_reason: int = 0
    unexpected_exits: list[str] = field(default_factory=list)
    drain_failures: list[str] = field(default_factory=list)
    events_after_faults: int = 0
    briefings_after_faults: int = 0
    faults: list[Fault] = field(default_factory=list)
    recovery_s: list[float] = field(default_factory=list)
    precedences: dict[str, int] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return (
            not self.lost
            and self.duplicates_after_dedup == 0
            and not self.wrong_topics
            and self.deadletter_missing == 0
            and self.deadletter_without_reason == 0
            and not self.unexpected_exits
            and not self.drain_failures
            and self.events_after_faults > 0
            and self.briefings_after_faults > 0
            and len(self.recovery_s) == sum(1 for f in self.faults if f.kind == "broker_kill")
        )

    def summary(self) -> str:
        kills = Counter(f.kind for f in self.faults)
        lines = [
            f"chaos: {'PASSED' if self.passed else 'FAILED'} in {self.wall_s:.0f}s",
            f"  sent {self.sent_valid} valid + {self.sent_malformed} malformed reports ({self.producer_retries} producer retries)",
            f"  faults: {kills.get('worker_kill', 0)} worker SIGKILLs, {kills.get('broker_kill', 0)} broker SIGKILL+restart, "
            f"{kills.get('broker_pause', 0)} broker SIGSTOP/SIGCONT",
            f"  lost {len(self.lost)}; duplicates after dedup {self.duplicates_after_dedup} (raw duplicates {self.raw_duplicates} "
            f"of {self.triaged_messages} triaged messages)",
            f"  alert routing errors {len(self.wrong_topics)}; dead letters missing {self.deadletter_missing}, without reason "
            f"{self.deadletter_without_reason}",
            f"  unexpected worker exits {len(self.unexpected_exits)}; drain failures {len(self.drain_failures)}",
            f"  after the last fault: {self.events_after_faults} events, {self.briefings_after_faults} briefings",
            f"  recovery after broker restarts: {', '.join(f'{s:.1f}s' for s in self.recovery_s) or 'none measured'}",
        ]
        return "\n".join(lines)


def _malformed(i: int) -> bytes:
    kinds = [
        b'{"report_id": "bad-%d", "text": ' % i,  # truncated JSON
        b'{"report_id": "bad-%d"}' % i,  # missing fields
        b'["bad-%d"]' % i,  # not an object
        b'{"report_id": "bad-%d", "classification": "TOP", "source": {"unit": "x"}, "text": "t"}' % i,
        b"\xff\xfebad-%d" % i,  # not UTF-8
    ]
    return kinds[i % len(kinds)]


class Producer(threading.Thread):
    """Sends every payload until the broker acknowledges it, in bursts and lulls; retries what fails."""

    def __init__(self, bootstrap: str, topic: str, payloads: list[tuple[bytes | None, bytes]], seed: int) -> None:
        super().__init__(daemon=True)
        self.bootstrap = bootstrap
        self.topic = topic
        self.payloads = payloads
        self.rng = random.Random(seed)
        self.acked: set[int] = set()
        self.retries = 0
        self.finished_at: float | None = None

    def run(self) -> None:
        from kafka import KafkaProducer

        producer = KafkaProducer(
            bootstrap_servers=self.bootstrap,
            acks="all",
            enable_idempotence=True,
            linger_ms=5,
            max_block_ms=5000,
            request_timeout_ms=10000,
            delivery_timeout_ms=30000,
        )
        pending = list(range(len(self.payloads)))
        while pending:
            burst = self.rng.random() < 0.5
            size = self.rng.randint(500, 3000) if burst else self.rng.randint(50, 300)
            rate = 0.0 if burst else self.rng.choice((10.0, 30.0, 60.0))
            chunk, pending = pending[:size], pending[size:]
            futures = []
            started = time.monotonic()
            for n, i in enumerate(chunk):
                key, value = self.payloads[i]
                try:
                    futures.append((i, producer.send(self.topic, key=key, value=value)))
                except Exception:
                    pending.append(i)
                    self.retries += 1
                if rate:
                    delay = started + (n + 1) / rate - time.monotonic()
                    if delay > 0:
                        time.sleep(delay)
            for i, future in futures:
                try:
                    future.get(timeout=60)
                    self.acked.add(i)
                except Exception:
                    pending.append(i)
                    self.retries += 1
            if not burst:
                time.sleep(self.rng.uniform(1.0, 6.0))  # a lull
        producer.close(timeout=30)
        self.finished_at = time.monotonic()


class Chaos:
    def __init__(self, config: ChaosConfig) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        tag = f"c{config.seed}{int(time.time()) % 100000}"
        self.prefix = f"{tag}."
        self.app_id = tag
        self.out = config.out
        self.out.mkdir(parents=True, exist_ok=True)
        self.broker = LocalBroker(heap="768m", start_timeout_s=120)
        self.workers: dict[str, ChildProcess] = {}
        self.killed: set[int] = set()  # pids we killed on purpose
        self.exits: list[str] = []
        self.t0 = time.monotonic()
        self.result = Result(
            config={k: str(v) for k, v in asdict(config).items()}, started_at=datetime.now(UTC).isoformat()
        )
        self._stop = threading.Event()
        self.probe_ids: set[str] = set()

    # ---- processes

    def env(self, name: str) -> dict[str, str]:
        ops_port, _ = free_port_pair()
        return {
            "TRIAGE_KAFKA_BOOTSTRAP": self.broker.bootstrap,
            "TRIAGE_TOPIC_PREFIX": self.prefix,
            "TRIAGE_APP_ID": self.app_id,
            "TRIAGE_WEB_ENABLED": "false",
            "TRIAGE_DATA_DIR": str(self.out / "state" / name),
            "TRIAGE_ARCHIVE_DIR": str(self.out / "archive"),
            "TRIAGE_OPS_PORT": str(ops_port),
            "TRIAGE_BRIEFING_INTERVAL_S": "5",
            "TRIAGE_CONNECT_TIMEOUT_S": "30",
            "PYTHONUNBUFFERED": "1",
        }

    def start_worker(self, name: str) -> None:
        worker = ChildProcess.triage_worker(name + f"-{len(self.result.faults)}", self.env(name), self.out)
        self.workers[name] = worker
        try:
            worker.wait_for("Worker ready", 180)
        except ChildFailed as exc:
            self.exits.append(f"{name}: did not start: {str(exc)[-400:]}")

    def check_workers(self) -> None:
        for name, worker in list(self.workers.items()):
            code = worker.proc.poll()
            if code is not None and worker.proc.pid not in self.killed:
                self.exits.append(f"{name} (pid {worker.proc.pid}) exited with {code}: {worker.text()[-600:]}")
                self.start_worker(name)

    def now(self) -> float:
        return time.monotonic() - self.t0

    # ---- faults

    def kill_worker(self) -> None:
        name = self.rng.choice(sorted(self.workers))
        worker = self.workers[name]
        if not worker.alive():
            return
        self.killed.add(worker.proc.pid)
        worker.proc.kill()
        worker.proc.wait()
        self.result.faults.append(Fault(self.now(), "worker_kill", name))
        time.sleep(self.rng.uniform(1.0, 5.0))
        self.start_worker(name)

    def kill_broker(self) -> None:
        pid = self.broker.pid
        if pid is None:
            return
        os.kill(pid, signal.SIGKILL)
        fault = Fault(self.now(), "broker_kill", "broker")
        self.result.faults.append(fault)
        time.sleep(self.config.broker_down_s)
        subprocess.run(
            [str(REPO_ROOT / "ops/kafka/kafka.sh"), "down"],
            env={**os.environ, **self.broker.env},
            capture_output=True,
            timeout=120,
        )  # clears the stale pid file
        self.broker.start()
        fault.recovered_s = self.now()  # the broker is back; the pipeline's recovery is measured from the outputs
        fault.probes = self.send_probes(len(self.result.faults))

    PROBES = 5

    def send_probes(self, n: int) -> list[str]:
        """A few valid reports sent as soon as the broker is back; their ids join the loss check."""
        from kafka import KafkaProducer

        sent: list[str] = []
        try:
            producer = KafkaProducer(
                bootstrap_servers=self.broker.bootstrap, acks="all", max_block_ms=30000, request_timeout_ms=30000
            )
        except Exception:
            return sent
        try:
            now = datetime.now(UTC)
            for i, report in enumerate(generate(self.PROBES, seed=self.config.seed + 1000 + n)):
                rid = f"chaos-{self.config.seed}-probe-{n}-{i}"
                try:
                    producer.send(
                        f"{self.prefix}reports.raw",
                        key=rid.encode(),
                        value=report.payload(report_id=rid, received_at=now),
                    ).get(timeout=60)
                    sent.append(rid)
                except Exception:
                    continue
        finally:
            producer.close(timeout=10)
        self.probe_ids.update(sent)
        return sent

    def pause_broker(self) -> None:
        pid = self.broker.pid
        if pid is None:
            return
        os.kill(pid, signal.SIGSTOP)
        self.result.faults.append(Fault(self.now(), "broker_pause", "broker"))
        time.sleep(self.config.pause_s)
        os.kill(pid, signal.SIGCONT)

    def fault_plan(self, window_s: float) -> list[tuple[float, str]]:
        c = self.config
        plan = [(self.rng.uniform(10, window_s), "worker") for _ in range(c.worker_kills)]
        # Broker faults spread over the window, apart from one another.
        slots = c.broker_kills + c.broker_pauses
        for n in range(slots):
            at = window_s * (n + 1) / (slots + 1) + self.rng.uniform(-5, 5)
            plan.append((max(15.0, at), "broker" if n < c.broker_kills else "pause"))
        return sorted(plan)

    # ---- run

    def run(self) -> Result:
        c = self.config
        hog = None
        producer = None
        try:
            self.broker.start()
            topics = subprocess.run(
                [sys.executable, "-m", "pipeline.cli", "topics"],
                env={**os.environ, **self.env("topics")},
                capture_output=True,
                cwd=REPO_ROOT,
                timeout=180,
            )
            if topics.returncode != 0:
                raise RuntimeError(f"triage topics failed: {topics.stderr.decode()[-2000:]}")
            if c.cpu_hog:
                hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
            for n in range(c.workers):
                self.start_worker(f"w{n}")
            payloads: list[tuple[bytes | None, bytes]] = []
            valid: list[str] = []
            malformed: list[bytes] = []
            now = datetime.now(UTC)
            for i, report in enumerate(generate(c.reports, seed=c.seed)):
                rid = f"chaos-{c.seed}-{i:06d}"
                valid.append(rid)
                payloads.append((rid.encode(), report.payload(report_id=rid, received_at=now)))
                if c.malformed_every and i % c.malformed_every == 0:
                    bad = _malformed(i)
                    malformed.append(bad)
                    payloads.append((None, bad))
            producer = Producer(self.broker.bootstrap, f"{self.prefix}reports.raw", payloads, c.seed)
            producer.start()
            # Faults over the expected production window (about 60 reports/s on this machine).
            window = max(60.0, len(payloads) / 60.0)
            for at, what in self.fault_plan(window):
                while self.now() < at:
                    self.check_workers()
                    time.sleep(0.5)
                {"worker": self.kill_worker, "broker": self.kill_broker, "pause": self.pause_broker}[what]()
            last_fault = max((f.at_s for f in self.result.faults), default=0.0)
            producer.join()
            self.result.sent_valid = sum(1 for i in producer.acked if payloads[i][0] is not None)
            self.result.sent_malformed = sum(1 for i in producer.acked if payloads[i][0] is None)
            self.result.producer_retries = producer.retries
            acked_ids = {payloads[i][0].decode() for i in producer.acked if payloads[i][0] is not None}  # type: ignore[union-attr]
            acked_bad = {payloads[i][1] for i in producer.acked if payloads[i][0] is None}
            acked_ids |= self.probe_ids
            self.result.sent_valid += len(self.probe_ids)
            self.wait_for_outputs(acked_ids, c.drain_timeout_s)
            time.sleep(15)  # a few briefing intervals after the outputs settle
            self.verify(acked_ids, acked_bad, last_fault)
            self.stop_workers()
        finally:
            for worker in self.workers.values():
                if worker.alive():
                    worker.proc.kill()
            if hog is not None:
                hog.kill()
            self.broker.stop()
        self.result.unexpected_exits = self.exits
        self.result.wall_s = self.now()
        (self.out / "result.json").write_text(
            json.dumps(asdict(self.result) | {"passed": self.result.passed}, indent=2)
        )
        (self.out / "summary.txt").write_text(self.result.summary() + "\n")
        return self.result

    def wait_for_outputs(self, ids: set[str], timeout_s: float) -> None:
        from kafka import KafkaConsumer

        consumer = KafkaConsumer(
            f"{self.prefix}reports.triaged",
            bootstrap_servers=self.broker.bootstrap,
            group_id=None,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
        )
        seen: set[str] = set()
        deadline = time.monotonic() + timeout_s
        try:
            while time.monotonic() < deadline and not ids <= seen:
                self.check_workers()
                for batch in consumer.poll(timeout_ms=1000).values():
                    for rec in batch:
                        seen.add(json.loads(rec.value)["report_id"])
        finally:
            consumer.close()

    def read(self, topics: list[str]) -> list[Any]:
        from kafka import KafkaConsumer, TopicPartition

        consumer = KafkaConsumer(bootstrap_servers=self.broker.bootstrap, group_id=None, enable_auto_commit=False)
        try:
            tps = [TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or [])]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            end = consumer.end_offsets(tps)
            out: list[Any] = []
            while not all(consumer.position(tp) >= end[tp] for tp in tps):
                for batch in consumer.poll(timeout_ms=500).values():
                    out.extend(batch)
            return out
        finally:
            consumer.close()

    def verify(self, acked_ids: set[str], acked_bad: set[bytes], last_fault_s: float) -> None:
        r = self.result
        p = self.prefix
        triaged = self.read([f"{p}reports.triaged"])
        r.triaged_messages = len(triaged)
        by_alert: dict[str, dict[str, Any]] = {}
        counts: Counter[str] = Counter()
        for rec in triaged:
            value = json.loads(rec.value)
            by_alert[value["alert_id"]] = value
            counts[value["alert_id"]] += 1
        r.raw_duplicates = sum(n - 1 for n in counts.values())
        seen_ids = {v["report_id"] for v in by_alert.values()}
        r.lost = sorted(acked_ids - seen_ids)[:50] + (
            [f"... {len(acked_ids - seen_ids) - 50} more"] if len(acked_ids - seen_ids) > 50 else []
        )
        # After dropping repeats by alert id: one triaged report per report id.
        per_report = Counter(v["report_id"] for v in by_alert.values())
        r.duplicates_after_dedup = sum(n - 1 for n in per_report.values())
        r.precedences = dict(Counter(v["precedence"] for v in by_alert.values()))
        alert_topics = [f"{p}{kind}.{lvl}" for kind in ("alerts", "flash") for lvl in LEVELS]
        seen_on: dict[str, set[str]] = defaultdict(set)
        for rec in self.read(alert_topics):
            seen_on[rec.key.decode()].add(rec.topic)
        for alert_id, value in by_alert.items():
            level = value["classification"].lower()
            expected: set[str] = set()
            if value["precedence"] != "ROUTINE":
                expected.add(f"{p}alerts.{level}")
            if value["precedence"] == "FLASH":
                expected.add(f"{p}flash.{level}")
            if seen_on.get(alert_id, set()) != expected:
                r.wrong_topics.append(
                    f"{value['report_id']}: on {sorted(seen_on.get(alert_id, set()))}, expected {sorted(expected)}"
                )
        dead = self.read([f"{p}reports.deadletter"])
        payloads = set()
        for rec in dead:
            value = json.loads(rec.value)
            import base64

            payloads.add(base64.b64decode(value["payload_b64"]))
            if not value.get("reason"):
                r.deadletter_without_reason += 1
        r.deadletter_missing = len(acked_bad - payloads)
        cutoff_ms = (time.time() - (self.now() - last_fault_s)) * 1000
        r.events_after_faults = sum(
            1 for rec in self.read([f"{p}events.{lvl}" for lvl in LEVELS]) if rec.timestamp > cutoff_ms
        )
        r.briefings_after_faults = sum(
            1 for rec in self.read([f"{p}briefings.{lvl}" for lvl in LEVELS]) if rec.timestamp > cutoff_ms
        )
        # Recovery: from the broker's restart to the first triaged output of a report sent after it.
        first_out: dict[str, float] = {}
        for rec in triaged:
            rid = json.loads(rec.value)["report_id"]
            if rid in self.probe_ids:
                first_out[rid] = min(first_out.get(rid, float("inf")), rec.timestamp / 1000)
        wall_offset = time.time() - self.now()
        for fault in r.faults:
            if fault.kind != "broker_kill" or fault.recovered_s is None:
                continue
            back = wall_offset + fault.recovered_s
            outs = [first_out[rid] for rid in fault.probes if rid in first_out]
            if outs:
                r.recovery_s.append(round(max(0.0, min(outs) - back), 2))

    def stop_workers(self) -> None:
        for name, worker in self.workers.items():
            if not worker.alive():
                continue
            started = time.monotonic()
            worker.proc.send_signal(signal.SIGTERM)
            try:
                code = worker.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.result.drain_failures.append(f"{name}: still running 60s after SIGTERM")
                worker.proc.kill()
                continue
            if code != 0:
                self.result.drain_failures.append(
                    f"{name}: exit {code} after SIGTERM ({time.monotonic() - started:.1f}s)"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    defaults = ChaosConfig()
    parser.add_argument("--reports", type=int, default=defaults.reports)
    parser.add_argument("--workers", type=int, default=defaults.workers)
    parser.add_argument("--worker-kills", type=int, default=defaults.worker_kills)
    parser.add_argument("--broker-kills", type=int, default=defaults.broker_kills)
    parser.add_argument("--broker-pauses", type=int, default=defaults.broker_pauses)
    parser.add_argument("--no-cpu-hog", action="store_true")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--runs", type=int, default=1, help="runs in a row (each must pass)")
    parser.add_argument("--out", type=Path, default=defaults.out)
    args = parser.parse_args(argv)
    results = []
    for run in range(args.runs):
        config = ChaosConfig(
            reports=args.reports,
            workers=args.workers,
            worker_kills=args.worker_kills,
            broker_kills=args.broker_kills,
            broker_pauses=args.broker_pauses,
            cpu_hog=not args.no_cpu_hog,
            seed=args.seed + run,
            out=args.out / f"run-{run + 1}",
        )
        result = Chaos(config).run()
        print(result.summary(), flush=True)
        results.append(result)
        if not result.passed:
            break
    return 0 if results and all(r.passed for r in results) and len(results) == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
