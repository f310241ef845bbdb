"""Stage 4, the naive baseline: a kafka-python loop that takes one message at a time, runs the chain
on that one report, produces its outputs (triaged, alerts, flash or dead letter) and flushes
before taking the next. Offsets are auto-committed by `poll`, which only commits what earlier
polls returned, so it is at-least-once like the agent. It reads a pre-loaded topic, so the
producer never limits it, and it stops at the end of the subset or at its time bound.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from kafka import KafkaConsumer, KafkaProducer  # type: ignore[import-untyped]

from bench.cpu import CpuMeter
from bench.reports import BenchReport
from bench.scope import Scope
from bench.stats import rate
from bench.traffic import create_topics, delete_topics, preload
from operators.chain import TriageChain
from pipeline.settings import Settings
from schemas.deadletter import DeadLetter
from schemas.errors import Rejection
from schemas.vocab import Classification, Precedence


def _headers(result: Any) -> list[tuple[str, bytes]]:
    model = ",".join(f"{m.name}@{m.sha256[:12]}" for m in result.models) or "none"
    return [
        ("precedence", result.precedence.encode()),
        ("category", result.category.encode()),
        ("classification", result.classification.encode()),
        ("model", model.encode()),
        ("schema_version", str(result.schema_version).encode()),
    ]


def measure_naive(
    scope: Scope, base: Settings, chain: TriageChain, reports: Sequence[BenchReport], max_seconds: float,
    broker_pid: int,
) -> dict[str, Any]:
    names = scope.names
    create_topics(scope.settings(base), names.all())
    tag = uuid.uuid4().hex[:6]
    now = datetime.now(UTC)
    payloads = [(f"naive-{tag}-{r.report_id}".encode(), r.payload(f"naive-{tag}-{r.report_id}", now)) for r in reports]
    preload(scope.bootstrap, names.raw, payloads)
    consumer = KafkaConsumer(
        names.raw,
        bootstrap_servers=scope.bootstrap,
        group_id=scope.app_id,
        auto_offset_reset="earliest",
        enable_auto_commit=True,
        max_poll_records=1,
    )
    producer = KafkaProducer(bootstrap_servers=scope.bootstrap, acks="all", linger_ms=0)
    processed = 0
    meter = CpuMeter({"bench": os.getpid(), "broker": broker_pid})
    first_done: float | None = None
    last_done = 0.0
    deadline = time.monotonic() + max_seconds + 30  # + group join and the untimed first message
    try:
        while processed < len(payloads) and time.monotonic() < deadline:
            polled = consumer.poll(timeout_ms=500, max_records=1)
            for records in polled.values():
                for rec in records:
                    _handle(chain, producer, names, rec)
                    processed += 1
                    last_done = time.perf_counter()
                    if first_done is None:
                        # The clock starts after the first message: group join and first use are excluded.
                        first_done = last_done
                        deadline = time.monotonic() + max_seconds
                        meter.start()
        timed = processed - 1
        cpu = meter.stop(per=max(timed, 1)) if first_done is not None else {}
    finally:
        consumer.close()
        producer.close(timeout=30)
        delete_topics(scope.settings(base), (scope.prefix, scope.app_id))
    seconds = (last_done - first_done) if first_done is not None else 0.0
    return {
        "offered": len(payloads),
        "reports": max(timed, 0),
        "seconds": round(seconds, 3),
        "reports_per_s": round(rate(timed, seconds), 2),
        "max_seconds": max_seconds,
        "cpu": cpu,
    }


def _handle(chain: TriageChain, producer: KafkaProducer, names: Any, rec: Any) -> None:
    now = datetime.now(UTC)
    (result,) = chain.process([rec.value], now)
    if isinstance(result, Rejection):
        letter = DeadLetter.of(result, rec.value, topic=rec.topic, partition=rec.partition, offset=rec.offset, failed_at=now)
        producer.send(names.deadletter, key=rec.key, value=letter.dumps())
    else:
        key, value, headers = result.alert_id.encode(), result.dumps(), _headers(result)
        producer.send(names.triaged, key=key, value=value, headers=headers)
        for topic in names.for_alert(Classification(result.classification), Precedence(result.precedence)):
            producer.send(topic, key=key, value=value, headers=headers)
    producer.flush()
