"""The one way the agents publish on the per-level topics: checked against write-down, sealed when
sealing is on, and recorded on the audit topic when the audit is on.

Without a keyring the value and headers are the ones the pipeline always published (the report's
JSON, the event's, the briefing's), so plaintext deployments see no change.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from datetime import UTC, datetime
from typing import Any

import faust

from pipeline.audit import AuditTrail, audit_enabled, writer_id
from pipeline.routing import Publication, check_level
from pipeline.sealing import Sealer
from pipeline.settings import Settings
from pipeline.topics import TopicNames

log = logging.getLogger(__name__)


class Outputs:
    def __init__(self, app: faust.App, settings: Settings, names: TopicNames) -> None:
        self.names = names
        self.topics = {n: app.topic(n, key_serializer="raw", value_serializer="raw") for n in names.protected()}
        # Loaded before the worker starts, so a bad key file stops it with a clear message.
        self.sealer = Sealer.from_settings(settings) if settings.sealing else None
        self.audit = AuditTrail(writer_id(settings)) if audit_enabled(settings) else None
        self.audit_topic = app.topic(names.audit, key_serializer="raw", value_serializer="raw")
        if self.sealer is not None:
            log.info("sealing on: every level, signed as %s", self.sealer.signer.key_id)
        if self.audit is not None:
            log.info("audit trail on %s as writer %s", names.audit, self.audit.writer)

    async def publish(self, publication: Publication) -> list[Awaitable[Any]]:
        """Sends (and audits) one publication; returns the delivery futures to await before acking."""
        check_level(self.names, publication)
        if self.sealer is not None:
            value, headers = self.sealer.seal(publication)
        else:
            value, headers = publication.payload, list(publication.headers)
        topic = self.topics[publication.topic]
        if self.audit is None:
            return [await topic.send(key=publication.key, value=value, headers=headers or None, force=True)]
        # Entry order on the topic must be chain order: append and enqueue under one lock.
        async with self.audit.lock:
            sent = await topic.send(key=publication.key, value=value, headers=headers or None, force=True)
            entry = self.audit.record(publication, datetime.now(UTC))
            logged = await self.audit_topic.send(key=self.audit.writer.encode(), value=entry.to_json(), force=True)
        return [sent, logged]
