"""`triage lag-exporter`: consumer lag measured from the broker's side, for Prometheus (and KEDA's view).

Faust's own lag figures freeze when a consumer stops fetching and are wiped at each rebalance, and
a stuck worker cannot report its own backlog; the broker always knows. Every scrape interval this
process asks the broker for the committed offsets of the pipeline's groups, the log-end offsets of
their input topics and the members of each group, and reads the timestamp of the oldest
unconsumed record of each lagging partition (its age is the lag in seconds). It reads offsets and
timestamps only: no record content reaches its metrics or logs.

GET /metrics          triage_consumer_lag_messages, triage_consumer_lag_seconds, triage_committed_offset,
                      triage_log_end_offset, triage_consumer_group_members, triage_lag_exporter_scrape_errors_total
GET /healthz/live     200 while the process runs
GET /healthz/ready    200 once a scrape succeeded within three intervals
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from pipeline import clients
from pipeline.settings import Settings
from pipeline.topics import TopicNames

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Watched:
    group: str
    topic: str


def watched(settings: Settings) -> list[Watched]:
    names = TopicNames.of(settings)
    app = settings.app_id
    return [
        Watched(f"{app}.triage", names.raw),
        Watched(f"{app}.urgent", names.urgent),
        Watched(f"{app}.intel", names.correlate_in),
        Watched(f"{app}.intel", names.triaged),
    ]


class LagExporter:
    def __init__(self, settings: Settings, registry: CollectorRegistry | None = None) -> None:
        self.settings = settings
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.lag = Gauge("triage_consumer_lag_messages", "Records not yet committed by the group",
                         ["group", "topic", "partition"], registry=r)
        self.lag_seconds = Gauge("triage_consumer_lag_seconds", "Age of the oldest record not yet committed by the group",
                                 ["group", "topic", "partition"], registry=r)
        self.committed = Gauge("triage_committed_offset", "The group's committed offset", ["group", "topic", "partition"],
                               registry=r)
        self.end = Gauge("triage_log_end_offset", "The partition's log-end offset", ["topic", "partition"], registry=r)
        self.members = Gauge("triage_consumer_group_members", "Members of the consumer group", ["group"], registry=r)
        self.errors = Counter("triage_lag_exporter_scrape_errors", "Scrapes of the broker that failed", registry=r)
        self.last_ok = 0.0
        self._admin: Any = None
        self._reader: Any = None

    def _clients(self) -> tuple[Any, Any]:
        if self._admin is None:
            from pipeline.admin import admin_client

            self._admin = admin_client(self.settings)
            self._reader = clients.consumer(self.settings, client_id=f"{self.settings.app_id}-lag-exporter")
        return self._admin, self._reader

    def scrape(self) -> None:
        from kafka import TopicPartition

        try:
            admin, reader = self._clients()
            groups = {w.group for w in watched(self.settings)}
            described = {d.group: d for d in admin.describe_consumer_groups(sorted(groups))}
            for group in groups:
                info = described.get(group)
                self.members.labels(group).set(len(getattr(info, "members", []) or []))
            for w in watched(self.settings):
                parts = reader.partitions_for_topic(w.topic) or set()
                tps = [TopicPartition(w.topic, p) for p in sorted(parts)]
                if not tps:
                    continue
                ends = reader.end_offsets(tps)
                offsets = admin.list_consumer_group_offsets(w.group, partitions=tps)
                now = time.time()
                for tp in tps:
                    end = ends.get(tp, 0)
                    meta = offsets.get(tp)
                    committed = meta.offset if meta is not None and meta.offset >= 0 else self._start(reader, tp)
                    labels = (w.group, tp.topic, str(tp.partition))
                    self.end.labels(tp.topic, str(tp.partition)).set(end)
                    self.committed.labels(*labels).set(committed)
                    behind = max(0, end - committed)
                    self.lag.labels(*labels).set(behind)
                    self.lag_seconds.labels(*labels).set(self._age(reader, tp, committed, now) if behind else 0.0)
            self.last_ok = time.monotonic()
        except Exception as exc:  # noqa: BLE001 - a failed scrape is counted and retried; the exporter stays up
            self.errors.inc()
            log.warning("lag scrape failed: %s", type(exc).__name__)
            self._close()

    @staticmethod
    def _start(reader: Any, tp: Any) -> int:
        return int(reader.beginning_offsets([tp]).get(tp, 0))

    @staticmethod
    def _age(reader: Any, tp: Any, offset: int, now: float) -> float:
        """Seconds since the record at `offset` (the oldest unconsumed) was written; its value is not kept."""
        reader.assign([tp])
        reader.seek(tp, offset)
        for records in reader.poll(timeout_ms=1000, max_records=1).values():
            for record in records:
                return max(0.0, now - record.timestamp / 1000.0)
        return 0.0

    def _close(self) -> None:
        for client in (self._reader, self._admin):
            try:
                if client is not None:
                    client.close()
            except Exception:  # noqa: BLE001 - closing a broken client
                pass
        self._admin = self._reader = None

    def serve(self, interval_s: float = 15.0) -> None:
        exporter = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                if self.path == "/metrics":
                    body, status, kind = generate_latest(exporter.registry), 200, CONTENT_TYPE_LATEST
                elif self.path == "/healthz/live":
                    body, status, kind = b'{"ok": true}', 200, "application/json"
                elif self.path == "/healthz/ready":
                    ok = time.monotonic() - exporter.last_ok < 3 * interval_s
                    body, status, kind = (b'{"ok": true}', 200, "application/json") if ok else (
                        b'{"ok": false, "reason": "no successful scrape lately"}', 503, "application/json")
                else:
                    body, status, kind = b"not found", 404, "text/plain"
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet access log
                return

        server = ThreadingHTTPServer((self.settings.ops_host, self.settings.lag_exporter_port), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        log.info("lag exporter on %s:%d, every %gs", self.settings.ops_host, self.settings.lag_exporter_port, interval_s)
        try:
            while True:
                self.scrape()
                time.sleep(interval_s)
        finally:
            server.shutdown()
            self._close()
