"""`make demo`: broker, a worker, the bundled sample reports streamed at a realistic pace, live alerts.

Stops on Ctrl-C or after DEMO_SECONDS, and stops what it started (a broker that was already
running is left running).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.settings import REPO_ROOT, Settings
from pipeline.topics import TopicNames

SAMPLES = Path(__file__).resolve().parent / "samples"
KAFKA_SH = REPO_ROOT / "ops" / "kafka" / "kafka.sh"
COLOURS = {"FLASH": "bold white on red", "IMMEDIATE": "bold red", "PRIORITY": "yellow", "ROUTINE": "green"}
ORDER = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")


@dataclass
class View:
    counts: Counter[str] = field(default_factory=Counter)
    dead: Counter[str] = field(default_factory=Counter)
    recent: deque[tuple[str, str, str]] = field(default_factory=lambda: deque(maxlen=14))
    latencies_ms: list[float] = field(default_factory=list)
    published: int = 0

    def add(self, topic_kind: str, value: dict) -> None:
        if topic_kind == "dead":
            self.dead[value.get("reason", "?")] += 1
            self.recent.appendleft(("DEAD", value.get("reason", "?"), value.get("detail", "")))
            return
        precedence = value.get("precedence", "ROUTINE")
        self.counts[precedence] += 1
        self.recent.appendleft((precedence, value.get("classification", "?"), value.get("summary", "")))

    def plain_line(self, topic_kind: str, value: dict) -> str:
        if topic_kind == "dead":
            return f"DEAD-LETTER  {value.get('reason')}: {value.get('detail')}"
        return f"{value.get('precedence', '?'):<9} [{value.get('classification', '?')}] {value.get('summary', '')}"


def _render(view: View, elapsed: float, limit: float):  # -> rich renderable
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    head = Table.grid(padding=(0, 2))
    for p in ORDER:
        head.add_column()
    head.add_column()
    head.add_row(
        *[Text(f" {p} {view.counts[p]} ", style=COLOURS[p]) for p in ORDER],
        Text(f"dead letters {sum(view.dead.values())}   published {view.published}   {elapsed:4.0f}/{limit:.0f}s"),
    )
    feed = Table(expand=True, show_edge=False, box=None)
    feed.add_column("precedence", width=10)
    feed.add_column("class", width=13)
    feed.add_column("BLUF")
    for precedence, classification, line in view.recent:
        style = COLOURS.get(precedence, "magenta")
        feed.add_row(Text(precedence, style=style), classification, line)
    return Group(Text("Triage demo: incoming alerts (newest first)", style="bold"), head, feed)


def _consume(
    settings: Settings, names: TopicNames, view: View, stop: threading.Event, ready: threading.Event, lines: list[str]
) -> None:
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers, group_id=None, enable_auto_commit=False)
    tps = [TopicPartition(t, p) for t in (names.triaged, names.deadletter) for p in consumer.partitions_for_topic(t) or []]
    consumer.assign(tps)
    consumer.seek_to_end(*tps)
    for tp in tps:  # resolve the end offsets now: only this run's messages are shown
        consumer.position(tp)
    ready.set()
    try:
        while not stop.is_set():
            for tp, records in consumer.poll(timeout_ms=200).items():
                kind = "dead" if tp.topic == names.deadletter else "triaged"
                for rec in records:
                    try:
                        value = json.loads(rec.value)
                    except ValueError:
                        continue
                    view.add(kind, value)
                    lines.append(view.plain_line(kind, value))
    finally:
        consumer.close()



def _samples() -> list[bytes]:
    good = [line for line in (SAMPLES / "reports.jsonl").read_bytes().splitlines() if line.strip()]
    bad_path = SAMPLES / "malformed.jsonl"
    bad = [line for line in bad_path.read_bytes().splitlines() if line.strip()] if bad_path.exists() else []
    # Sprinkle the careless producer's lines through the stream.
    out = list(good)
    for i, line in enumerate(bad):
        out.insert(min(len(out), (i + 1) * max(1, len(good) // (len(bad) + 1))), line)
    return out


def main() -> int:
    limit = float(os.environ.get("DEMO_SECONDS", "60"))
    settings = Settings.from_env()
    names = TopicNames.of(settings)
    started_broker = False
    if settings.kafka_bootstrap == "127.0.0.1:9092":
        status = subprocess.run([str(KAFKA_SH), "status"], capture_output=True)
        if status.returncode != 0:
            subprocess.run([str(KAFKA_SH), "up"], check=True)
            started_broker = True
    worker_log = settings.data_dir / "demo-worker.log"
    worker_log.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TRIAGE_WEB_ENABLED": os.environ.get("TRIAGE_WEB_ENABLED", "true")}
    with open(worker_log, "wb") as log_handle:
        worker = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "worker"], stdout=log_handle, stderr=subprocess.STDOUT, env=env
        )
        try:
            return _run(settings, names, worker, worker_log, limit)
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
            if started_broker:
                subprocess.run([str(KAFKA_SH), "down"])
            print(f"demo: stopped (worker log: {worker_log})")


def _wait_ready(worker: subprocess.Popen[bytes], log: Path, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if "Worker ready" in log.read_text(errors="replace"):
            return
        if worker.poll() is not None:
            raise SystemExit(f"demo: the worker exited during start-up; see {log}")
        time.sleep(0.3)
    raise SystemExit(f"demo: the worker was not ready within {timeout:.0f}s; see {log}")


def _run(settings: Settings, names: TopicNames, worker: subprocess.Popen[bytes], log: Path, limit: float) -> int:
    from kafka import KafkaProducer
    from rich.console import Console
    from rich.live import Live

    print("demo: waiting for the worker (it loads its models once)...")
    _wait_ready(worker, log)
    view = View()
    stop = threading.Event()
    ready = threading.Event()
    lines: list[str] = []
    consumer = threading.Thread(target=_consume, args=(settings, names, view, stop, ready, lines), daemon=True)
    consumer.start()
    ready.wait(30)
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all", enable_idempotence=True)
    samples = _samples()
    pace = float(os.environ.get("DEMO_PACE_S", "0.6"))
    console = Console()
    interactive = console.is_terminal
    begun = time.monotonic()
    next_send, sent_index, printed = begun, 0, 0
    try:
        with Live(_render(view, 0, limit), console=console, refresh_per_second=4, transient=False) if interactive else _Null() as live:
            while (elapsed := time.monotonic() - begun) < limit:
                if time.monotonic() >= next_send:
                    line = samples[sent_index % len(samples)]
                    producer.send(names.raw, value=_fresh(line, sent_index // len(samples)))
                    view.published += 1
                    sent_index += 1
                    next_send += pace
                if interactive:
                    live.update(_render(view, elapsed, limit))
                else:
                    while printed < len(lines):
                        print(lines[printed], flush=True)
                        printed += 1
                time.sleep(0.05)
    except KeyboardInterrupt:
        pass
    finally:
        producer.flush(timeout=10)
        producer.close()
        time.sleep(1.0)
        stop.set()
        consumer.join(timeout=5)
    total = sum(view.counts.values())
    summary = ", ".join(f"{p} {view.counts[p]}" for p in ORDER)
    print(f"demo: published {view.published}, triaged {total} ({summary}), dead letters {sum(view.dead.values())}")
    return 0


def _fresh(line: bytes, round_: int) -> bytes:
    """Later rounds get new report ids, so a long demo is not one big duplicate."""
    if round_ == 0:
        return line
    try:
        obj = json.loads(line)
    except ValueError:
        return line
    if isinstance(obj, dict) and isinstance(obj.get("report_id"), str):
        obj["report_id"] = f"{obj['report_id']}-r{round_}"
    return json.dumps(obj).encode()


class _Null:
    def __enter__(self) -> "_Null":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, *_: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
