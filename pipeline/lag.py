"""`triage lag-exporter`: consumer lag measured from the broker's side, for Prometheus (and KEDA's view).

A stuck worker cannot report its own backlog, and a worker's own figures vanish with it; the broker
always knows. Every interval this process asks the broker for the members of the pipeline's groups,
their committed offsets and the log-start and log-end offsets of their input topics, and reads the
timestamp of the oldest unconsumed record of each lagging partition (its age is the lag in seconds;
the input topics take LogAppendTime, so it is the broker's clock). It reads offsets and timestamps
only: no record content reaches its metrics or logs.

Watched (group: topic):
    <app>.triage: reports.raw                 bulk lane
    <app>.urgent: reports.urgent              urgent lane
    <app>.intel:  events.input                correlation (when TRIAGE_INTEL_ENABLED)
    <app>.intel:  reports.triaged             the archive (when TRIAGE_INTEL_ENABLED and TRIAGE_ARCHIVE_ENABLED)
A group that has committed nothing for a partition starts it from the log start (the workers reset to
earliest), so its lag there is the whole partition.

GET /metrics          triage_consumer_lag_messages, triage_consumer_lag_seconds, triage_committed_offset,
                      triage_log_end_offset, triage_consumer_group_members,
                      triage_lag_exporter_scrape_errors_total, triage_lag_exporter_last_success_timestamp_seconds
GET /healthz/live     200 while the process runs
GET /healthz/ready    200 once a scrape of every watched group succeeded within three intervals
"""

from __future__ import annotations

import logging
import signal
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

AGE_READ_TIMEOUT_S = 2.0  # longest a scrape waits for the oldest unconsumed records of the lagging partitions


@dataclass(frozen=True)
class Watched:
    group: str
    topic: str


def watched(settings: Settings) -> list[Watched]:
    """The (group, input topic) pairs of the pipeline, as the workers with these settings consume them."""
    names = TopicNames.of(settings)
    app = settings.app_id
    out = [Watched(f"{app}.triage", names.raw), Watched(f"{app}.urgent", names.urgent)]
    if settings.intel_enabled:
        out.append(Watched(f"{app}.intel", names.correlate_in))
        if settings.archive_enabled:
            out.append(Watched(f"{app}.intel", names.triaged))
    return out


class LagExporter:
    def __init__(self, settings: Settings, registry: CollectorRegistry | None = None) -> None:
        self.settings = settings
        self.registry = registry or CollectorRegistry()
        r = self.registry
        labels = ["group", "topic", "partition"]
        self.lag = Gauge("triage_consumer_lag_messages", "Records the group has not committed yet", labels, registry=r)
        self.lag_seconds = Gauge(
            "triage_consumer_lag_seconds",
            "Age of the oldest record the group has not committed (0: none)",
            labels,
            registry=r,
        )
        self.committed = Gauge(
            "triage_committed_offset",
            "The group's committed offset (the log start when it has committed nothing)",
            labels,
            registry=r,
        )
        self.end = Gauge("triage_log_end_offset", "The partition's log-end offset", ["topic", "partition"], registry=r)
        self.members = Gauge("triage_consumer_group_members", "Members of the consumer group", ["group"], registry=r)
        self.errors = Counter("triage_lag_exporter_scrape_errors", "Scrapes of the broker that failed", registry=r)
        self.last_success = Gauge(
            "triage_lag_exporter_last_success_timestamp_seconds",
            "When a scrape of every watched group last succeeded",
            registry=r,
        )
        self.watches = watched(settings)
        for group in sorted({w.group for w in self.watches}):
            self.members.labels(group)
        self.last_ok = 0.0
        self._missing: set[str] = set()
        self._admin: Any = None
        self._reader: Any = None

    def _clients(self) -> tuple[Any, Any]:
        if self._admin is None:
            from pipeline.admin import admin_client

            self._admin = admin_client(self.settings)
        if self._reader is None:
            self._reader = clients.consumer(
                self.settings,
                client_id=f"{self.settings.app_id}-lag-exporter",
                # Only the first record of a lagging partition is looked at (for its timestamp).
                max_partition_fetch_bytes=64 * 1024,
                fetch_max_bytes=1024 * 1024,
                request_timeout_ms=max(5000, int(self.settings.connect_timeout_s * 1000)),
            )
        return self._admin, self._reader

    def scrape(self) -> bool:
        """One pass over every watched group; True when all of it succeeded. A failure is counted and logged,
        the clients are rebuilt, and the next pass tries again."""
        try:
            admin, reader = self._clients()
            groups = sorted({w.group for w in self.watches})
            described = admin.describe_groups(groups)
            for group in groups:
                info = described.get(group) or {}
                self.members.labels(group).set(len(info.get("members") or []))
            for group in groups:
                self._scrape_group(admin, reader, group, [w.topic for w in self.watches if w.group == group])
        except Exception as exc:  # the broker is away or refused: counted, retried next interval
            self.errors.inc()
            # The type and message of a client error name the broker, group or topic, never record content.
            log.warning("lag scrape failed: %s: %s", type(exc).__name__, exc)
            self._close()
            return False
        self.last_ok = time.monotonic()
        self.last_success.set(time.time())
        return True

    def _scrape_group(self, admin: Any, reader: Any, group: str, topics: list[str]) -> None:
        from kafka import TopicPartition

        tps = []
        for topic in topics:
            partitions = sorted(reader.partitions_for_topic(topic))
            if not partitions:
                # Not created yet, or this login may not describe it (the secure profile's `monitor` role
                # needs Describe and Read on every watched topic): said once, not a failed scrape.
                if topic not in self._missing:
                    log.warning(
                        "topic %s is not visible to this login (missing, or not authorised): not watched", topic
                    )
                    self._missing.add(topic)
                continue
            self._missing.discard(topic)
            tps += [TopicPartition(topic, p) for p in partitions]
        if not tps:
            return
        offsets = admin.list_group_offsets({group: tps}).get(group, {})
        starts = reader.beginning_offsets(tps)
        ends = reader.end_offsets(tps)
        behind: dict[Any, int] = {}
        for tp in tps:
            start, end = int(starts.get(tp, 0)), int(ends.get(tp, 0))
            meta = offsets.get(tp)
            committed = meta.offset if meta is not None and meta.offset >= 0 else start
            position = max(committed, start)  # records below the log start are gone, not waiting
            labels = (group, tp.topic, str(tp.partition))
            self.end.labels(tp.topic, str(tp.partition)).set(end)
            self.committed.labels(*labels).set(committed)
            self.lag.labels(*labels).set(max(0, end - position))
            if end > position:
                behind[tp] = position
            else:
                self.lag_seconds.labels(*labels).set(0.0)
        ages = self._ages(reader, behind)
        for tp in behind:
            # A lagging partition whose oldest record could not be read in time keeps its last age.
            if tp in ages:
                self.lag_seconds.labels(group, tp.topic, str(tp.partition)).set(ages[tp])

    @staticmethod
    def _ages(reader: Any, positions: dict[Any, int]) -> dict[Any, float]:
        """Seconds since the record at each position (the oldest unconsumed) was appended; only its timestamp is kept."""
        if not positions:
            return {}
        reader.assign(list(positions))
        for tp, offset in positions.items():
            reader.seek(tp, offset)
        ages: dict[Any, float] = {}
        deadline = time.monotonic() + AGE_READ_TIMEOUT_S
        while len(ages) < len(positions) and time.monotonic() < deadline:
            for tp, records in reader.poll(timeout_ms=200).items():
                if tp in ages or tp not in positions:
                    continue
                first = next((r for r in records if r.offset >= positions[tp]), None)
                if first is not None:
                    ages[tp] = max(0.0, time.time() - first.timestamp / 1000.0)
                    reader.pause(tp)
        reader.assign([])
        return ages

    def _close(self) -> None:
        for client in (self._reader, self._admin):
            try:
                if client is not None:
                    client.close()
            except Exception:  # closing a broken client
                pass
        self._admin = self._reader = None

    def serve(self, interval_s: float = 15.0, stop: threading.Event | None = None) -> None:
        """Serve /metrics and the probes on TRIAGE_OPS_HOST:TRIAGE_LAG_EXPORTER_PORT and scrape every
        `interval_s` until `stop` is set (SIGTERM and SIGINT set it when run from the command line)."""
        exporter = self
        stop = stop or threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/metrics":
                    body, status, kind = generate_latest(exporter.registry), 200, CONTENT_TYPE_LATEST
                elif self.path == "/healthz/live":
                    body, status, kind = b'{"ok": true, "reason": "alive"}', 200, "application/json"
                elif self.path == "/healthz/ready":
                    ok = exporter.last_ok > 0 and time.monotonic() - exporter.last_ok < 3 * interval_s + 30
                    body, status, kind = (
                        (b'{"ok": true, "reason": "scraped lately"}', 200, "application/json")
                        if ok
                        else (
                            b'{"ok": false, "reason": "no successful scrape of the broker lately"}',
                            503,
                            "application/json",
                        )
                    )
                else:
                    body, status, kind = b"not found", 404, "text/plain"
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # quiet: no access log
                return

        server = ThreadingHTTPServer((self.settings.ops_host, self.settings.lag_exporter_port), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, name="lag-exporter-http", daemon=True).start()
        log.info(
            "lag exporter on %s:%d, every %gs, watching %s",
            self.settings.ops_host,
            self.settings.lag_exporter_port,
            interval_s,
            ", ".join(f"{w.group}:{w.topic}" for w in self.watches),
        )
        try:
            while not stop.is_set():
                started = time.monotonic()
                self.scrape()
                stop.wait(max(0.0, interval_s - (time.monotonic() - started)))
        finally:
            server.shutdown()
            server.server_close()
            self._close()


def run(settings: Settings, interval_s: float) -> None:
    """The command: serve until SIGTERM or SIGINT."""
    stop = threading.Event()

    def stopping(signum: int, frame: Any) -> None:
        log.info("lag exporter: %s, stopping", signal.Signals(signum).name)
        stop.set()

    # kafka-python warns about every group member whose metadata is not the plain consumer protocol's
    # (Faust adds its own): noise on every scrape, and nothing the exporter reads.
    logging.getLogger("kafka.admin").setLevel(logging.ERROR)
    signal.signal(signal.SIGTERM, stopping)
    signal.signal(signal.SIGINT, stopping)
    LagExporter(settings).serve(interval_s, stop)
