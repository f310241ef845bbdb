"""Kafka traffic for the benchmark: topics, a producer that stamps `received_at` at send time
(as fast as possible or paced), and a reader that notes when each output became readable."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from kafka import KafkaConsumer, KafkaProducer, TopicPartition  # type: ignore[import-untyped]

from bench.reports import BenchReport
from pipeline.admin import admin_client, ensure_topics
from pipeline.settings import Settings


def create_topics(settings: Settings, names: Iterable[str]) -> None:
    ensure_topics(settings, names)


def delete_topics(settings: Settings, prefixes: tuple[str, ...]) -> None:
    """Best effort: drop a finished scope's topics (Faust's changelogs start with the app id), so the
    broker stays small for later stages and stops quickly."""
    try:
        admin = admin_client(settings)
    except Exception:
        return
    try:
        doomed = [t for t in admin.list_topics() if t.startswith(prefixes)]
        if doomed:
            admin.delete_topics(doomed, timeout_ms=15_000)
    except Exception as exc:
        print(f"bench: could not delete topics {prefixes}: {exc}", file=sys.stderr)
    finally:
        admin.close()


def _producer(bootstrap: str) -> KafkaProducer:
    # Same client settings as `triage produce`.
    return KafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5, max_block_ms=30_000
    )


def preload(
    bootstrap: str, topic: str, payloads: Sequence[tuple[bytes | None, bytes]], timeout_s: float = 120
) -> float:
    """Publish (key, value) pairs and wait for all of them; returns the seconds it took."""
    started = time.monotonic()
    producer = _producer(bootstrap)
    try:
        for key, value in payloads:
            producer.send(topic, key=key, value=value)
        producer.flush(timeout=timeout_s)
    finally:
        producer.close(timeout=30)
    return time.monotonic() - started


@dataclass
class SendLog:
    """When the producer started and finished sending (wall clock, seconds since the epoch)."""

    sent: int = 0
    first_send: float = 0.0
    last_send: float = 0.0


def produce_reports(
    bootstrap: str,
    topic: str,
    reports: Sequence[BenchReport],
    id_of: Callable[[BenchReport], str],
    rate: float = 0.0,
    timeout_s: float = 120,
) -> SendLog:
    """Send each report with `received_at` = the moment it is handed to the producer.

    rate > 0 paces sends on an absolute schedule (no drift); 0 sends as fast as the client can.
    """
    log = SendLog()
    producer = _producer(bootstrap)
    interval = 1.0 / rate if rate > 0 else 0.0
    try:
        started = time.monotonic()
        log.first_send = time.time()
        for i, report in enumerate(reports):
            if interval:
                delay = started + i * interval - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            report_id = id_of(report)
            now = datetime.now(UTC)
            producer.send(topic, key=report_id.encode(), value=report.payload(report_id, now))
            log.sent += 1
        log.last_send = time.time()
        producer.flush(timeout=timeout_s)
    finally:
        producer.close(timeout=30)
    return log


@dataclass(frozen=True)
class Arrival:
    read_at: float  # wall clock when the reader got the record
    record_ms: int  # the record's timestamp (CreateTime: when the writer handed it to its producer)
    received_at: float | None  # the report's `received_at`, seconds since the epoch, when asked for


class OutputReader:
    """Reads a topic from the beginning in a thread and keeps the first arrival of every key."""

    def __init__(self, bootstrap: str, topic: str, parse_received_at: bool = False) -> None:
        self.bootstrap = bootstrap
        self.topic = topic
        self.parse_received_at = parse_received_at
        self.arrivals: dict[bytes, Arrival] = {}
        self.records = 0
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"reader-{topic}", daemon=True)
        self._ready = threading.Event()

    def start(self, timeout_s: float = 30) -> OutputReader:
        self._thread.start()
        if not self._ready.wait(timeout_s):
            raise TimeoutError(f"reader for {self.topic} not assigned within {timeout_s:g}s")
        if self._error is not None:
            raise RuntimeError(f"reader for {self.topic} failed: {self._error}") from self._error
        return self

    def _run(self) -> None:
        consumer: KafkaConsumer | None = None
        try:
            consumer = KafkaConsumer(
                bootstrap_servers=self.bootstrap, group_id=None, enable_auto_commit=False, fetch_max_wait_ms=100
            )
            deadline = time.monotonic() + 30
            parts = consumer.partitions_for_topic(self.topic)
            while not parts and time.monotonic() < deadline:
                time.sleep(0.1)
                parts = consumer.partitions_for_topic(self.topic)
            if not parts:
                raise RuntimeError(f"topic {self.topic} does not exist")
            tps = [TopicPartition(self.topic, p) for p in sorted(parts)]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            for tp in tps:
                consumer.position(tp)  # resolve offsets now, so nothing written later is skipped
            self._ready.set()
            while not self._stop.is_set():
                batch = consumer.poll(timeout_ms=50)
                if not batch:
                    continue
                read_at = time.time()
                with self._changed:
                    for records in batch.values():
                        for rec in records:
                            self.records += 1
                            if rec.key in self.arrivals:
                                continue  # a redelivered duplicate: the first copy is what a reader sees
                            self.arrivals[rec.key] = Arrival(read_at, rec.timestamp, self._received_at(rec.value))
                    self._changed.notify_all()
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            with self._changed:
                self._changed.notify_all()
        finally:
            if consumer is not None:
                consumer.close()

    def _received_at(self, value: bytes | None) -> float | None:
        if not self.parse_received_at or value is None:
            return None
        raw = json.loads(value).get("received_at")
        return datetime.fromisoformat(raw).timestamp() if raw else None

    def wait_for(self, keys: Iterable[bytes], timeout_s: float) -> bool:
        """True once every key has arrived; False at the deadline."""
        wanted = set(keys)
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                if self._error is not None:
                    raise RuntimeError(f"reader for {self.topic} failed: {self._error}") from self._error
                if wanted.issubset(self.arrivals.keys()):
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.5))

    def count(self) -> int:
        with self._lock:
            return len(self.arrivals)

    def wait_for_count(self, expected: int, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while len(self.arrivals) < expected:
                if self._error is not None:
                    raise RuntimeError(f"reader for {self.topic} failed: {self._error}") from self._error
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.5))
            return True

    def snapshot(self, keys: Iterable[bytes] | None = None) -> dict[bytes, Arrival]:
        with self._lock:
            if keys is None:
                return dict(self.arrivals)
            return {k: self.arrivals[k] for k in keys if k in self.arrivals}

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
