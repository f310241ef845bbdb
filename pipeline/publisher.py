"""Every record the worker publishes goes through here: one aiokafka producer (acks=all, idempotent),
every delivery awaited and checked, per-level messages checked against write-down, sealed and
audited when that is configured.

`deliver` returns only when every record is acknowledged (ok), when the caller gives up (a drain
deadline), or when the broker refused a record for good (too large, not authorised): then the
caller dead-letters the input instead. Retriable failures are retried with backoff; nothing is
dropped silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import (
    InvalidTopicError,
    KafkaError,
    MessageSizeTooLargeError,
    RecordTooLargeError,
    TopicAuthorizationFailedError,
)

from pipeline import routing
from pipeline.audit import AuditTrail, audit_enabled, writer_id
from pipeline.metrics import Metrics
from pipeline.routing import Publication, check_level
from pipeline.sealing import Sealer
from pipeline.settings import Settings
from pipeline.topics import TopicNames
from schemas.reports import TriagedReport

log = logging.getLogger(__name__)

# The broker will never accept these records as they are: retrying cannot help.
PERMANENT = (MessageSizeTooLargeError, RecordTooLargeError, InvalidTopicError, TopicAuthorizationFailedError)
RETRY_BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 5.0)


@dataclass
class Outbound:
    """One record to publish. A per-level message carries its Publication (sealed and audited on the way)."""

    topic: str
    key: bytes | None
    value: bytes
    headers: list[tuple[str, bytes]] = field(default_factory=list)
    kind: str = "triaged"
    level: str = "none"
    reason: str | None = None  # dead letters: the reason code, for the metric
    publication: Publication | None = None


@dataclass
class Delivery:
    ok: bool
    permanent: list[tuple[Outbound, str]] = field(default_factory=list)  # refused for good: (record, error type)


def outputs_for(names: TopicNames, report: TriagedReport, *, intel: bool = True) -> list[Outbound]:
    """Everything a triaged report publishes, its JSON serialised once: reports.triaged, the events
    input, and at its own level its alert and flash messages and, when it needs review, the review topic."""
    payload = report.dumps()
    key = report.alert_id.encode()
    headers = routing.report_headers(report)
    out = [Outbound(names.triaged, key, payload, headers, kind="triaged", level=report.classification)]
    if intel:
        out.append(Outbound(names.correlate_in, b"all", payload, [], kind="correlate", level="none"))
    publications = routing.for_report(names, report, payload=payload)
    if getattr(report, "needs_review", False):
        publications.append(routing.for_review(names, report, payload=payload))
    for publication in publications:
        kind = {**dict.fromkeys(names.flash.values(), "flash"), **dict.fromkeys(names.review.values(), "review")}.get(
            publication.topic, "alert"
        )
        out.append(
            Outbound(
                publication.topic,
                publication.key,
                payload,
                list(publication.headers),
                kind=kind,
                level=publication.classification.value,
                publication=publication,
            )
        )
    return out


class Publisher:
    def __init__(
        self, settings: Settings, names: TopicNames, metrics: Metrics, producer: Callable[[], AIOKafkaProducer] | Any
    ) -> None:
        """`producer`: the producer, or a factory for it (aiokafka clients are made inside the running loop)."""
        self.names = names
        self.metrics = metrics
        self._make = producer if callable(producer) and not hasattr(producer, "send") else None
        self.producer: Any = None if self._make is not None else producer
        # Loaded before the worker starts, so a bad key file stops it with a clear message.
        self.sealer = Sealer.from_settings(settings) if settings.sealing else None
        self.audit = AuditTrail(writer_id(settings)) if audit_enabled(settings) else None
        if self.sealer is not None:
            log.info("sealing on: every level, signed as %s", self.sealer.signer.key_id)
        if self.audit is not None:
            log.info("audit trail on %s as writer %s", names.audit, self.audit.writer)

    async def start(self) -> None:
        if self._make is not None:
            self.producer = self._make()
        await self.producer.start()

    async def stop(self, timeout: float) -> None:
        if self.producer is None:
            return
        try:
            await asyncio.wait_for(self.producer.stop(), timeout=timeout)
        except (TimeoutError, KafkaError) as exc:
            log.warning("producer did not close cleanly (%s)", type(exc).__name__)

    async def _send(self, record: Outbound) -> list[asyncio.Future[Any]]:
        if record.publication is None:
            return [
                await self.producer.send(record.topic, record.value, key=record.key, headers=record.headers or None)
            ]
        publication = check_level(self.names, record.publication)
        if self.sealer is not None:
            value, headers = self.sealer.seal(publication)
        else:
            value, headers = publication.payload, list(publication.headers)
        if self.audit is None:
            return [await self.producer.send(publication.topic, value, key=publication.key, headers=headers or None)]
        # Entry order on the topic must be chain order: append and enqueue under one lock.
        async with self.audit.lock:
            sent = await self.producer.send(publication.topic, value, key=publication.key, headers=headers or None)
            entry = self.audit.record(publication, datetime.now(UTC))
            logged = await self.producer.send(self.names.audit, entry.to_json(), key=self.audit.writer.encode())
        return [sent, logged]

    async def deliver(self, records: Sequence[Outbound], until: Callable[[], bool] = lambda: False) -> Delivery:
        """Send every record and wait for the broker's acknowledgement of each; see the module docstring."""
        pending = list(records)
        permanent: list[tuple[Outbound, str]] = []
        attempt = 0
        while pending:
            failed: list[Outbound] = []
            futures: list[tuple[Outbound, list[asyncio.Future[Any]]]] = []
            for record in pending:
                try:
                    futures.append((record, await self._send(record)))
                except PERMANENT as exc:
                    permanent.append((record, type(exc).__name__))
                except KafkaError:
                    failed.append(record)
            for record, sent in futures:
                results = await asyncio.gather(*sent, return_exceptions=True)
                errors = [r for r in results if isinstance(r, BaseException)]
                if not errors:
                    self.metrics.published.labels(record.kind, record.level).inc()
                    if record.kind == "deadletter" and record.reason:
                        self.metrics.deadletters.labels(record.reason).inc()
                elif any(isinstance(e, PERMANENT) for e in errors):
                    permanent.append((record, type(next(e for e in errors if isinstance(e, PERMANENT))).__name__))
                else:
                    failed.append(record)
            pending = failed
            if pending:
                if until():
                    log.warning("%d records not delivered before the deadline; they will be re-delivered", len(pending))
                    return Delivery(False, permanent)
                delay = RETRY_BACKOFF_S[min(attempt, len(RETRY_BACKOFF_S) - 1)]
                attempt += 1
                log.warning("%d records not acknowledged; retrying in %.1fs", len(pending), delay)
                await asyncio.sleep(delay)
        return Delivery(not permanent, permanent)
