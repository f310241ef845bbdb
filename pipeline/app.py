"""The Faust app of a worker: correlation (the events table), briefings, the archive and the briefing page.

The triage hot path does not run here: it runs in the lanes (pipeline/lanes.py), which commit only
what was delivered. The Faust agents that remain are guarded against Faust committing past records
they did not finish (pipeline/acks.py) and publish through the worker's one publisher.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import faust

from pipeline import intel, web
from pipeline.acks import AckGuard
from pipeline.clients import faust_credentials
from pipeline.outputs import Outputs
from pipeline.publisher import Publisher
from pipeline.settings import Settings
from pipeline.topics import TopicNames

log = logging.getLogger(__name__)


@dataclass
class TriageApp:
    app: faust.App
    names: TopicNames
    settings: Settings
    intel: intel.IntelState | None


def faust_app(settings: Settings) -> faust.App:
    broker = ";".join(f"kafka://{s}" for s in settings.bootstrap_servers)
    security: dict[str, Any] = {}
    credentials = faust_credentials(settings)
    if credentials is not None:
        security["broker_credentials"] = credentials
    app_id = f"{settings.app_id}.intel"  # also the consumer group of the agents and the tables' changelog prefix
    return faust.App(
        app_id,
        broker=broker,
        **security,
        store="memory://",
        datadir=str(settings.data_dir / app_id),
        web_enabled=settings.web_enabled and settings.intel_enabled,
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
        broker_commit_every=100,
        broker_commit_interval=1.0,
        stream_wait_empty=False,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=max(0.5, settings.session_timeout_s / 10),
    )


def build_app(settings: Settings, publisher: Publisher, clock: intel.Clock = intel.utc_now) -> TriageApp:
    app = faust_app(settings)
    names = TopicNames.of(settings)
    state: intel.IntelState | None = None
    if settings.intel_enabled:
        guard = AckGuard(app)
        guard.install()
        state = intel.install(app, settings, names, Outputs(publisher), guard, clock)
        if settings.web_enabled:
            web.install(app, settings, state)
    return TriageApp(app=app, names=names, settings=settings, intel=state)
