"""`make demo`: broker, a worker, the bundled sample reports streamed at a realistic pace, live alerts.

Stops on Ctrl-C or after DEMO_SECONDS, and stops what it started (a broker that was already
running is left running).

With KAFKA_SECURE=1 (`make demo SECURE=1`) it runs on the secure broker profile, each part under its
own role: admin creates the topics, the worker logs in as `worker` and seals with keys made for the
demo (under TRIAGE_DATA_DIR/demo-keys), the samples are published as `ingest`, and the live view
reads the alert topics as DEMO_ANALYST (`analyst-secret`) with that clearance's keyring.
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
from typing import Any

from pipeline.clients import kafka_options
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

    def add(self, topic_kind: str, value: dict[str, Any]) -> None:
        if topic_kind == "refused":
            self.dead[value["reason"]] += 1
            self.recent.appendleft(("REFUSED", value.get("label", "?"), value["reason"]))
            return
        if topic_kind == "dead":
            self.dead[value.get("reason", "?")] += 1
            self.recent.appendleft(("DEAD", value.get("reason", "?"), value.get("detail", "")))
            return
        precedence = value.get("precedence", "ROUTINE")
        self.counts[precedence] += 1
        self.recent.appendleft((precedence, value.get("classification", "?"), value.get("summary", "")))

    def plain_line(self, topic_kind: str, value: dict[str, Any]) -> str:
        if topic_kind == "refused":
            return f"REFUSED      {value['reason']}"
        if topic_kind == "dead":
            return f"DEAD-LETTER  {value.get('reason')}: {value.get('detail')}"
        return f"{value.get('precedence', '?'):<9} [{value.get('classification', '?')}] {value.get('summary', '')}"


def _render(view: View, elapsed: float, limit: float) -> Any:  # a rich renderable
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    head = Table.grid(padding=(0, 2))
    for _ in ORDER:
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

    from pipeline.sealing import Opener, refusal_text
    from schemas.errors import Rejection

    # Plain: every triaged report and dead letter. Secure: what the analyst may read, the alert
    # topics (FLASH alerts are on them too), opened with the analyst's keys.
    topics = (
        [names.triaged, names.deadletter] if settings.security_protocol == "PLAINTEXT" else list(names.alerts.values())
    )
    opener = Opener.from_settings(settings) if settings.sealing else None
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, group_id=None, enable_auto_commit=False, **kafka_options(settings)
    )
    tps = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or []]
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
                    raw = rec.value
                    if opener is not None:
                        headers = list(rec.headers or [])
                        opened = opener.open(rec.topic, raw, headers)
                        if isinstance(opened, Rejection):
                            refused = {
                                "reason": refusal_text(opened, headers),
                                "label": dict(headers).get("classification", b"?").decode(),
                            }
                            view.add("refused", refused)
                            lines.append(view.plain_line("refused", refused))
                            continue
                        raw = opened
                    try:
                        value = json.loads(raw)
                    except (TypeError, ValueError):
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


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class SecureDemo:
    """The logins and keys of the secure demo, one per role."""

    admin: Settings
    ingest: Settings
    analyst: Settings
    worker_env: dict[str, str]


def _secure_demo(settings: Settings, secure_dir: Path, analyst: str) -> SecureDemo:
    from pipeline.sealing import write_key_set

    passwords, ca = secure_dir / "passwords", secure_dir / "ca.pem"
    keys = settings.data_dir / "demo-keys"
    if not (keys / "keyring.json").exists():
        write_key_set(keys, "demo-worker-k1", force=True)
    clearance = analyst.rsplit("-", 1)[-1]
    login: dict[str, Any] = {"security_protocol": "SASL_SSL", "sasl_password_file": passwords, "ssl_cafile": ca}

    def role(user: str, **extra: Any) -> Settings:
        return Settings.from_env(None, **login, sasl_username=user, **extra)

    worker_env = {
        "TRIAGE_SECURITY_PROTOCOL": "SASL_SSL",
        "TRIAGE_SASL_USERNAME": "worker",
        "TRIAGE_SASL_PASSWORD_FILE": str(passwords),
        "TRIAGE_SSL_CAFILE": str(ca),
        "TRIAGE_KEYRING_FILE": str(keys / "keyring.json"),
        "TRIAGE_SIGNING_KEY_FILE": str(keys / "signing.pem"),
        "TRIAGE_SIGNING_KEY_ID": "demo-worker-k1",
        # The secure profile's ACLs let the worker write reports.triaged, not read it back.
        "TRIAGE_ARCHIVE_ENABLED": "false",
    }
    return SecureDemo(
        admin=role("admin"),
        ingest=role("ingest"),
        analyst=role(
            analyst,
            keyring_file=keys / f"keyring-{clearance}.json",
            verify_keys_file=keys / "verify-keys.json",
        ),
        worker_env=worker_env,
    )


def main() -> int:
    limit = float(os.environ.get("DEMO_SECONDS", "60"))
    secure = _truthy(os.environ.get("KAFKA_SECURE"))
    settings = Settings.from_env()
    names = TopicNames.of(settings)
    started_broker = False
    kafka_env = {**os.environ, "KAFKA_SECURE": "1" if secure else os.environ.get("KAFKA_SECURE", "0")}
    port = settings.bootstrap_servers[0].rsplit(":", 1)[-1]
    data_dir = Path(os.environ.get("KAFKA_DATA_DIR") or REPO_ROOT / ".kafka" / port)
    if settings.kafka_bootstrap == "127.0.0.1:9092" or secure:
        status = subprocess.run([str(KAFKA_SH), "status"], capture_output=True, env=kafka_env)
        if secure and status.returncode == 0 and not (data_dir / "secure" / "passwords").exists():
            raise SystemExit(
                f"demo: a plain broker is running on port {port}; stop it (`make kafka-down`) for SECURE=1"
            )
        if status.returncode != 0 or secure:  # `up` again on a running secure broker applies this demo's ACLs
            subprocess.run([str(KAFKA_SH), "up"], check=True, env=kafka_env)
            started_broker = status.returncode != 0
    worker_log = settings.data_dir / "demo-worker.log"
    worker_log.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TRIAGE_WEB_ENABLED": os.environ.get("TRIAGE_WEB_ENABLED", "true")}
    roles: SecureDemo | None = None
    if secure:
        from pipeline.admin import ensure_pipeline_topics

        roles = _secure_demo(settings, data_dir / "secure", os.environ.get("DEMO_ANALYST", "analyst-secret"))
        ensure_pipeline_topics(roles.admin)  # only admin may create them
        env.update(roles.worker_env)
        print(
            f"demo: secure profile: topics by admin, worker as 'worker' (sealing on), samples as 'ingest', "
            f"live view as '{roles.analyst.sasl_username}' with its keyring"
        )
    with open(worker_log, "wb") as log_handle:
        worker = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "worker"], stdout=log_handle, stderr=subprocess.STDOUT, env=env
        )
        try:
            return _run(settings, names, worker, worker_log, limit, roles)
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
            if started_broker:
                subprocess.run([str(KAFKA_SH), "down"], env=kafka_env)
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


def _run(
    settings: Settings,
    names: TopicNames,
    worker: subprocess.Popen[bytes],
    log: Path,
    limit: float,
    roles: SecureDemo | None = None,
) -> int:
    from kafka import KafkaProducer
    from rich.console import Console
    from rich.live import Live

    print("demo: waiting for the worker (it loads its models once)...")
    _wait_ready(worker, log)
    view = View()
    stop = threading.Event()
    ready = threading.Event()
    lines: list[str] = []
    watcher = roles.analyst if roles is not None else settings
    publisher = roles.ingest if roles is not None else settings
    consumer = threading.Thread(target=_consume, args=(watcher, names, view, stop, ready, lines), daemon=True)
    consumer.start()
    ready.wait(30)
    producer = KafkaProducer(
        bootstrap_servers=settings.bootstrap_servers, acks="all", enable_idempotence=True, **kafka_options(publisher)
    )
    samples = _samples()
    pace = float(os.environ.get("DEMO_PACE_S", "0.6"))
    console = Console()
    interactive = console.is_terminal
    begun = time.monotonic()
    next_send, sent_index, printed = begun, 0, 0
    try:
        with (
            Live(_render(view, 0, limit), console=console, refresh_per_second=4, transient=False)
            if interactive
            else _Null() as live
        ):
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
    if roles is not None:
        print(
            f"demo: published {view.published}; {roles.analyst.sasl_username} opened {total} sealed alerts ({summary}), "
            f"refused {sum(view.dead.values())}"
        )
        return 0
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
    def __enter__(self) -> _Null:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, *_: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
