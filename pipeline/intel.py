"""Wiring for the analysts' and commanders' products: event correlation in a changelog-backed
table, periodic briefings per classification level, and the Parquet archive of triaged reports.

Correlation needs every event in view, so its input topic has one partition: one worker owns the
events table at a time and hands it over (with its changelog) when it dies. That worker also builds
the briefings and serves them on its web server (pipeline.web).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import faust

from operators.archive import ArchiveWriter
from operators.briefing import Briefing, build_briefing
from operators.correlate import CorrelationConfig, Event, EventIndex, expired
from schemas.deadletter import Rejection
from schemas.vocab import Classification

from pipeline import routing
from pipeline.outputs import Outputs
from pipeline.settings import Settings
from pipeline.topics import TopicNames

log = logging.getLogger(__name__)

RECENT_REPORTS = 5_000
EVENT_RETENTION = timedelta(hours=24)


@dataclass
class IntelState:
    """What the web server reads: the latest briefing per level and who listens for the next."""

    latest: dict[Classification, Briefing] = field(default_factory=dict)
    listeners: dict[Classification, set[asyncio.Queue[Briefing]]] = field(
        default_factory=lambda: {level: set() for level in Classification}
    )
    owner: bool = False
    refresh: asyncio.Event | None = None

    def publish(self, briefing: Briefing) -> None:
        self.latest[briefing.level] = briefing
        for queue in list(self.listeners[briefing.level]):
            queue.put_nowait(briefing)

    def request_refresh(self) -> None:
        if self.refresh is not None:
            self.refresh.set()


def install(app: faust.App, settings: Settings, names: TopicNames, outputs: Outputs) -> IntelState:
    state = IntelState()
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

    @app.agent(correlate_in, name=f"{settings.app_id}.correlate")
    async def correlate(stream: faust.StreamT[bytes]) -> None:
        state.owner = True
        async for value in stream:
            try:
                report = json.loads(value)
            except ValueError:
                continue  # written by our own triage agent; unreadable means a foreign producer
            recent.append(report)
            if report.get("precedence") == "ROUTINE":
                continue  # routine reports count in briefings but do not make events
            result = events().assign(report)
            if isinstance(result, Rejection):
                # The code and the ids only: a detail can quote a field, and logs are not cleared for content.
                log.warning("not correlated: %s (report %s)", result.reason.value, _report_id(report))
                continue
            event = result.event
            table[event.event_id] = event.to_json()
            await outputs.publish(routing.for_event(names, event))

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

    @app.task
    async def briefing_loop() -> None:
        state.refresh = asyncio.Event()
        while not app.should_stop:
            try:
                await asyncio.wait_for(state.refresh.wait(), timeout=settings.briefing_interval_s)
            except asyncio.TimeoutError:
                pass
            state.refresh.clear()
            if not state.owner:
                continue
            now = datetime.now(timezone.utc)
            for event_id in expired(events(), now, EVENT_RETENTION):
                cache.remove(event_id)
                del table[event_id]
            await brief(now)

    if settings.archive_enabled:
        _install_archive(app, settings, names)
    return state


def _report_id(report: Any) -> str:
    rid = report.get("report_id") if isinstance(report, dict) else None
    return rid[:128] if isinstance(rid, str) else "?"


def _received(report: dict[str, Any]) -> datetime:
    try:
        return datetime.fromisoformat(str(report.get("received_at", "")).replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)


def _install_archive(app: faust.App, settings: Settings, names: TopicNames) -> None:
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
        async for values in stream.take(settings.archive_batch, within=settings.archive_roll_s):
            reports = [json.loads(v) for v in values]
            rejected = await loop.run_in_executor(None, writer.write, reports)
            for r in rejected:
                log.warning("not archived: %s (step %s)", r.reason.value, r.step)
            await loop.run_in_executor(None, writer.flush)

    @app.on_before_shutdown.connect
    def _close(app: faust.App, **kwargs: Any) -> None:
        writer.close()
