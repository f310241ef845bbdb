"""The Faust app: topics declared once and a triage agent that only wires the operator chain.

Delivery: each micro-batch's outputs are sent and their delivery awaited before the batch's
offsets are acknowledged, and Faust flushes the producer before every commit, so a crash
re-delivers (at-least-once) but never loses; alert ids are deterministic so duplicates can be dropped.
Alerts, events and briefings leave through pipeline.outputs: checked against write-down, and
sealed and audited when that is configured.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Awaitable

import faust

from operators.chain import TriageChain
from pipeline import intel, routing, web
from pipeline.acks import AckGuard
from pipeline.clients import faust_credentials
from pipeline.outputs import Outputs
from pipeline.settings import Settings
from pipeline.topics import TopicNames
from schemas.deadletter import DeadLetter
from schemas.errors import Rejection

log = logging.getLogger(__name__)


@dataclass
class TriageApp:
    app: faust.App
    names: TopicNames
    settings: Settings
    intel: intel.IntelState


def faust_app(settings: Settings) -> faust.App:
    broker = ";".join(f"kafka://{s}" for s in settings.bootstrap_servers)
    security: dict[str, Any] = {}
    credentials = faust_credentials(settings)
    if credentials is not None:
        security["broker_credentials"] = credentials
    return faust.App(
        settings.app_id,
        broker=broker,
        **security,
        store="memory://",
        datadir=str(settings.data_dir / settings.app_id),
        web_enabled=settings.web_enabled,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        # Faust's own views (/table/, /router/, statistics, graph) would serve table content without a
        # token: only the project's pages, each behind a clearance token, are served.
        web_tables_enabled=False,
        web_router_enabled=False,
        web_stats_enabled=False,
        web_graph_enabled=False,
        web_metrics_enabled=False,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        topic_allow_declare=True,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_max_request_size=max(settings.max_message_bytes * 2, 1_048_576),
        broker_commit_every=max(settings.batch_size * 4, 100),
        broker_commit_interval=1.0,
        stream_wait_empty=False,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=max(0.5, settings.session_timeout_s / 10),
    )


def build_app(settings: Settings, chain: TriageChain, clock: intel.Clock = intel.utc_now) -> TriageApp:
    app = faust_app(settings)
    guard = AckGuard(app)
    guard.install()
    names = TopicNames.of(settings)
    raw = app.topic(names.raw, key_serializer="raw", value_serializer="raw", partitions=settings.partitions)
    deadletter = app.topic(names.deadletter, key_serializer="raw", value_serializer="raw")
    triaged = app.topic(names.triaged, key_serializer="raw", value_serializer="raw")
    correlate_in = app.topic(names.correlate_in, key_serializer="raw", value_serializer="raw", partitions=1)
    outputs = Outputs(app, settings, names)
    state = intel.install(app, settings, names, outputs, guard, clock)
    if settings.web_enabled:
        web.install(app, settings, state)
    # One worker thread for the model: the event loop stays free for I/O and heartbeats.
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="triage-model")
    batch_wait_s = settings.batch_wait_ms / 1000.0

    @app.agent(raw, name=f"{settings.app_id}.triage")
    async def triage(stream: faust.StreamT[bytes]) -> None:
        loop = asyncio.get_running_loop()
        async for events in stream.take_events(settings.batch_size, within=batch_wait_s):
            payloads = [e.value for e in events]
            now = datetime.now(timezone.utc)
            results = await loop.run_in_executor(executor, chain.process, payloads, now)
            pending: list[Awaitable[Any]] = []
            for event, result in zip(events, results):
                if isinstance(result, Rejection):
                    msg = event.message
                    letter = DeadLetter.of(
                        result,
                        msg.value if isinstance(msg.value, bytes) else b"",
                        topic=msg.topic,
                        partition=msg.partition,
                        offset=msg.offset,
                        failed_at=now,
                    )
                    pending.append(await deadletter.send(key=msg.key, value=letter.dumps(), force=True))
                    continue
                headers = routing.report_headers(result)
                key = result.alert_id.encode()
                payload = result.dumps()
                pending.append(await triaged.send(key=key, value=payload, headers=headers, force=True))
                pending.append(await correlate_in.send(key=b"all", value=payload, force=True))
                for publication in routing.for_report(names, result):
                    pending.extend(await outputs.publish(publication))
            # Delivery confirmed before take_events acknowledges (and later commits) the batch.
            await asyncio.gather(*pending)

    return TriageApp(app=app, names=names, settings=settings, intel=state)

