"""`make soak`: one worker for a long while under steady load, briefings every few seconds and a short
event retention, so that events expire hundreds of times. Not in CI (30 minutes by default).

It checks that the worker never crashes, that expiry and briefings keep happening, and that its
resident memory grows less than 20 % between the end of the warm-up and the end of the run; the
figures go to test-artifacts/soak/result.json and a summary is printed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.broker import LocalBroker, free_port_pair
from bench.child import ChildProcess
from bench.cpu import descendants
from bench.reports import generate
from pipeline.settings import REPO_ROOT


@dataclass
class SoakResult:
    started_at: str
    duration_s: float = 0.0
    rate_per_s: float = 0.0
    reports_sent: int = 0
    triaged: int = 0
    expiries: int = 0
    briefing_rounds: int = 0
    rss_mb: list[tuple[float, float]] = field(default_factory=list)  # (seconds since start, MiB)
    rss_after_warmup_mb: float = 0.0
    rss_end_mb: float = 0.0
    growth: float = 0.0
    crashed: bool = False

    @property
    def passed(self) -> bool:
        return not self.crashed and self.expiries > 0 and self.briefing_rounds > 0 and self.growth < 0.20


def rss_mb(pid: int) -> float:
    """Resident memory of the worker and its children (the chain process), in MiB."""
    total = 0.0
    for each in (pid, *descendants(pid)):
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) / 1024 if match else 0.0
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--warmup-minutes", type=float, default=5.0)
    parser.add_argument("--rate", type=float, default=15.0, help="reports per second")
    parser.add_argument("--retention-s", type=float, default=60.0)
    parser.add_argument("--briefing-s", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "test-artifacts" / "soak")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    result = SoakResult(started_at=datetime.now(UTC).isoformat(), rate_per_s=args.rate)
    with LocalBroker() as broker:
        ops_port, _ = free_port_pair()
        env = {
            "TRIAGE_KAFKA_BOOTSTRAP": broker.bootstrap,
            "TRIAGE_TOPIC_PREFIX": "soak.",
            "TRIAGE_APP_ID": "soak",
            "TRIAGE_WEB_ENABLED": "false",
            "TRIAGE_DATA_DIR": str(args.out / "state"),
            "TRIAGE_ARCHIVE_DIR": str(args.out / "archive"),
            "TRIAGE_OPS_PORT": str(ops_port),
            "TRIAGE_BRIEFING_INTERVAL_S": str(args.briefing_s),
            "TRIAGE_EVENT_RETENTION_S": str(args.retention_s),
            # Places far apart in time: each report older than the retention window opens a new event soon expired.
            "TRIAGE_CORRELATION_WINDOW_MIN": "1",
            "PYTHONUNBUFFERED": "1",
        }
        worker = ChildProcess.triage_worker("soak-worker", env, args.out)
        worker.wait_for("Worker ready", 240)
        stop = threading.Event()
        sent = [0]

        def produce() -> None:
            from kafka import KafkaProducer

            producer = KafkaProducer(bootstrap_servers=broker.bootstrap, acks="all", linger_ms=5)
            reports = generate(5000, seed=99)
            started = time.monotonic()
            i = 0
            while not stop.is_set():
                report = reports[i % len(reports)]
                rid = f"soak-{i:07d}"
                producer.send("soak.reports.raw", report.payload(report_id=rid), key=rid.encode())
                i += 1
                sent[0] = i
                delay = started + i / args.rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            producer.flush()
            producer.close()

        thread = threading.Thread(target=produce, daemon=True)
        thread.start()
        t0 = time.monotonic()
        end = t0 + args.minutes * 60
        while time.monotonic() < end:
            if not worker.alive():
                result.crashed = True
                break
            result.rss_mb.append((round(time.monotonic() - t0, 1), round(rss_mb(worker.proc.pid), 1)))
            time.sleep(10)
        stop.set()
        thread.join(timeout=30)
        result.duration_s = round(time.monotonic() - t0, 1)
        result.reports_sent = sent[0]
        text = worker.text()
        counts = [int(n) for n in re.findall(r"expired \d+ events \((\d+) in all\)", text)]
        result.expiries = max(counts, default=0)
        result.briefing_rounds = len(re.findall(r"briefings published", text))
        warm = [mb for s, mb in result.rss_mb if s >= args.warmup_minutes * 60]
        if warm:
            result.rss_after_warmup_mb, result.rss_end_mb = warm[0], warm[-1]
            result.growth = round((warm[-1] - warm[0]) / warm[0], 4) if warm[0] else 0.0
        from kafka import KafkaConsumer

        consumer = KafkaConsumer(
            "soak.reports.triaged",
            bootstrap_servers=broker.bootstrap,
            group_id=None,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            consumer_timeout_ms=5000,
        )
        result.triaged = sum(1 for _ in consumer)
        consumer.close()
        worker.stop()
    (args.out / "result.json").write_text(json.dumps(asdict(result) | {"passed": result.passed}, indent=2))
    print(
        f"soak: {'PASSED' if result.passed else 'FAILED'}: {result.duration_s / 60:.1f} min, {result.reports_sent} reports "
        f"sent ({args.rate:g}/s), {result.triaged} triaged, {result.expiries} events expired, {result.briefing_rounds} "
        f"briefing rounds, RSS {result.rss_after_warmup_mb:.0f} MiB after warm-up -> {result.rss_end_mb:.0f} MiB "
        f"({result.growth:+.1%}), crashed: {result.crashed}"
    )
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
