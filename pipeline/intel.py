"""Wiring for the analysts' and commanders' products: event correlation in a changelog-backed
table, periodic briefings per classification level, and the Parquet archive of triaged reports.

Correlation needs every event in view, so its input topic has one partition: one worker owns the
events table at a time and hands it over (with its changelog) when it dies. That worker also builds
the briefings and serves them on its web server (pipeline.web).

Faust lets a table be changed only while a stream is being iterated, so the periodic work (expiring
events older than TRIAGE_EVENT_RETENTION_S, building briefings) travels through the same stream as
the reports: the owner's timer sends a tick record to the events input, and the correlate agent
expires and briefs when it reads the tick.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import faust

from operators.briefing import Briefing, build_briefing
from operators.correlate import CorrelationConfig, Event, EventIndex, expired
from operators.sinks.archive import ArchiveWriter
from pipeline import routing
from pipeline.acks import AckGuard
from pipeline.outputs import Outputs
from pipeline.settings import Settings
from pipeline.topics import TopicNames
from schemas.errors import Rejection
from schemas.vocab import Classification

log = logging.getLogger(__name__)

RECENT_REPORTS = 5_000
TICK_KEY = b"\x00tick"  # never a report id: those are printable
SSE_QUEUE = 8
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class IntelState:
    """What the web server reads: the latest briefing per level and who listens for the next."""

    latest: dict[Classification, Briefing] = field(default_factory=dict)
    listeners: dict[Classification, set[asyncio.Queue[Briefing | None]]] = field(
        default_factory=lambda: {level: set() for level in Classification}
    )
    owner: bool = False
    refresh: asyncio.Event | None = None
    refresh_min_interval_s: float = 5.0
    _last_refresh: float = -1e9
    dropped_listeners: int = 0
    expired_events: int = 0

    def publish(self, briefing: Briefing) -> None:
        self.latest[briefing.level] = briefing
        for queue in list(self.listeners[briefing.level]):
            try:
                queue.put_nowait(briefing)
            except asyncio.QueueFull:
                # A listener that stopped reading is dropped; its stream handler sees the sentinel and ends.
                self.listeners[briefing.level].discard(queue)
                self.dropped_listeners += 1
                _close_listener(queue)

    def request_refresh(self) -> bool:
        """Ask for briefings now; False when the last request was too recent (throttled)."""
        now = time.monotonic()
        if now - self._last_refresh < self.refresh_min_interval_s:
            return False
        self._last_refresh = now
        if self.refresh is not None:
            self.refresh.set()
        return True


def _close_listener(queue: asyncio.Queue[Briefing | None]) -> None:
    while True:
        try:
            queue.get_nowait()
        except asyncio.QueueEmpty:
            break
    queue.put_nowait(None)


def install(
    app: faust.App, settings: Settings, names: TopicNames, outputs: Outputs, guard: AckGuard, clock: Clock = utc_now
) -> IntelState:
    state = IntelState(refresh_min_interval_s=settings.briefing_refresh_min_s)
    retention = timedelta(seconds=settings.event_retention_s)
    correlate_in = app.topic(names.correlate_in, key_serializer="raw", value_serializer="raw", partitions=1)
    table = app.Table("events", default=None, partitions=1, key_type=str)
    config = CorrelationConfig(
        radius_km=settings.correlation_radius_km, window=timedelta(minutes=settings.correlation_window_min)
    )
    # The index compares a report with nearby events only; it mirrors the table, which is the durable copy.
    cache = EventIndex(config)
    recent: deque[dict[str, Any]] = deque(maxlen=RECENT_REPORTS)
    previous_ids: dict[Classification, tuple[str, ...]] = {}
    last_briefing_at: dict[Classification, datetime] = {}

    def events() -> EventIndex:
        if not cache and len(table):
            # After a restart or a hand-over the table is recovered from its changelog; rebuild the view.
            for value in table.values():
                if value is not None:
                    cache.put(Event.from_json(value))
            log.info("events table restored: %d events", len(cache))
        return cache

    def owns_events() -> bool:
        try:
            assigned = app.consumer.assignment()
        except Exception:
            return False
        return any(tp.topic == names.correlate_in for tp in assigned)

    @app.agent(correlate_in, name=f"{settings.app_id}.correlate")
    async def correlate(stream: faust.StreamT[bytes]) -> None:
        async for record in stream.events():
            message = record.message
            guard.hold(message)  # acked only once its event is delivered (pipeline.acks)
            try:
                if message.key == TICK_KEY:
                    await on_tick(clock())
                else:
                    await on_report(record.value)
            finally:
                guard.release(message)

    async def on_report(value: bytes) -> None:
        try:
            report = json.loads(value)
        except ValueError:
            return  # written by our own triage agent; unreadable means a foreign producer
        if not isinstance(report, dict):
            return
        recent.append(report)
        if report.get("precedence") == "ROUTINE":
            return  # routine reports count in briefings but do not make events
        result = events().assign(report)
        if isinstance(result, Rejection):
            # The code and the ids only: a detail can quote a field, and logs are not cleared for content.
            log.warning("not correlated: %s (report %s)", result.reason.value, _report_id(report))
            return
        event = result.event
        table[event.event_id] = event.to_json()
        await outputs.publish(routing.for_event(names, event))

    async def on_tick(now: datetime) -> None:
        state.owner = True
        gone = expired(events(), now, retention)
        for event_id in gone:
            cache.remove(event_id)
            del table[event_id]  # allowed here: inside the stream's iteration
        if gone:
            state.expired_events += len(gone)
            log.info("expired %d events (%d in all)", len(gone), state.expired_events)
        try:
            await brief(now)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("briefings not built this time")

    async def brief(now: datetime) -> None:
        snapshot = list(events().values())
        for level in Classification:
            since = last_briefing_at.get(level)
            reports = [r for r in recent if since is None or _received(r) > since]
            briefing = build_briefing(snapshot, reports, level, now, previous_ids.get(level, ()), since=since)
            previous_ids[level] = briefing.event_ids
            last_briefing_at[level] = now
            state.publish(briefing)
            await outputs.publish(routing.for_briefing(names, briefing))
        log.info("briefings published: %d events, %d recent reports", len(snapshot), len(recent))

    @app.task  # type: ignore[untyped-decorator]
    async def briefing_loop() -> None:
        """Every briefing interval (or on a refresh request) the owner of the events input sends a tick."""
        state.refresh = asyncio.Event()
        while not app.should_stop:
            try:
                await asyncio.wait_for(state.refresh.wait(), timeout=settings.briefing_interval_s)
            except TimeoutError:
                pass
            state.refresh.clear()
            state.owner = owns_events()
            if not state.owner:
                continue
            try:
                await (await correlate_in.send(key=TICK_KEY, value=b"{}", force=True))
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("tick not sent (broker unreachable?); next try in %gs", settings.briefing_interval_s)

    if settings.archive_enabled:
        _install_archive(app, settings, names, guard)
    return state


def _report_id(report: Any) -> str:
    rid = report.get("report_id") if isinstance(report, dict) else None
    return rid[:128] if isinstance(rid, str) else "?"


def _received(report: dict[str, Any]) -> datetime:
    try:
        return datetime.fromisoformat(str(report.get("received_at", "")).replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)


def _install_archive(app: faust.App, settings: Settings, names: TopicNames, guard: AckGuard) -> None:
    """Every triaged report to Parquet, partitioned by date and classification, rolled by size or time."""
    triaged = app.topic(names.triaged, key_serializer="raw", value_serializer="raw")
    writer = ArchiveWriter(
        settings.archive_dir, roll_bytes=settings.archive_roll_bytes, roll_seconds=settings.archive_roll_s
    )

    @app.agent(triaged, name=f"{settings.app_id}.archive")
    async def archive(stream: faust.StreamT[bytes]) -> None:
        loop = asyncio.get_running_loop()
        # One batch per roll period: each flush is one file per (date, classification), and the
        # batch is acknowledged only after its file is on disk, so a crash re-archives, never skips.
        take_events = stream.take_events  # type: ignore[attr-defined]  # faust-streaming has it; its stubs do not
        async for records in take_events(settings.archive_batch, within=settings.archive_roll_s):
            for record in records:
                guard.hold(record.message)
            reports = []
            for record in records:
                try:
                    reports.append(json.loads(record.value))
                except ValueError:
                    log.warning("not archived: unreadable record at offset %s", record.message.offset)
            # A failure here (disk full) propagates with the batch held: it is fetched again, never skipped.
            rejected = await loop.run_in_executor(None, writer.write, reports)
            for r in rejected:
                log.warning("not archived: %s (step %s)", r.reason.value, r.step)
            await loop.run_in_executor(None, writer.flush)
            for record in records:
                guard.release(record.message)

    @app.on_before_shutdown.connect  # type: ignore[arg-type]  # mode types the handler so no def satisfies it
    def _close(sender: Any, *args: Any, **kwargs: Any) -> None:
        writer.close()
