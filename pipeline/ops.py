"""The ops server on TRIAGE_OPS_PORT: Prometheus metrics and probes that tell the truth.

GET /metrics           the worker's metrics (pipeline/metrics.py), no report content
GET /healthz/startup   200 once the model is verified and loaded and the lanes have started
GET /healthz/ready     200 when the model is loaded, the broker answered lately and every lane has joined
                       its consumer group (its first assignment arrived; it may be empty when there are
                       more workers than partitions, and a later rebalance does not make it unready);
                       503 with the reason otherwise (a broker outage is "not ready")
GET /healthz/live      200 unless the worker is stuck: the event loop blocked, the model thread busy with
                       one batch, or work waiting with no progress while the broker answers, each for
                       longer than TRIAGE_LIVENESS_DEADLINE_S. A broker outage alone stays 200: restarting
                       the pod would not bring the broker back.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from pipeline.lanes import Lane, ModelScheduler
from pipeline.metrics import Metrics

log = logging.getLogger(__name__)

BROKER_FRESH_S = 15.0  # a fetch or metadata answer this recent means the broker is reachable
HEARTBEAT_S = 1.0


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str


class Health:
    """The worker's state as the probes see it."""

    def __init__(
        self, lanes: Callable[[], Sequence[Lane]], scheduler: ModelScheduler | None, deadline_s: float
    ) -> None:
        self.lanes = lanes
        self.scheduler = scheduler
        self.deadline_s = deadline_s
        self.started = False
        self.beat = time.monotonic()
        self.loop_lag = 0.0

    def startup(self) -> Verdict:
        return Verdict(True, "model loaded, lanes started") if self.started else Verdict(False, "starting")

    def ready(self, now: float | None = None) -> Verdict:
        now = time.monotonic() if now is None else now
        if not self.started:
            return Verdict(False, "starting")
        lanes = list(self.lanes())
        if not lanes:
            return Verdict(True, "no lanes: correlation, briefings and the briefing page only")
        if not any(now - lane.health.last_broker_ok < BROKER_FRESH_S for lane in lanes):
            return Verdict(False, "broker not reachable")
        waiting = [lane.name for lane in lanes if not lane.health.joined]
        if waiting:
            return Verdict(False, f"waiting for the first assignment of the {', '.join(waiting)} lane")
        assigned = sum(lane.health.assigned for lane in lanes)
        return Verdict(True, f"{assigned} partitions assigned")

    def live(self, now: float | None = None) -> Verdict:
        now = time.monotonic() if now is None else now
        if self.loop_lag > self.deadline_s:
            return Verdict(False, f"event loop blocked for {self.loop_lag:.0f}s")
        busy = self.scheduler.busy_since if self.scheduler is not None else None
        if busy is not None and now - busy > self.deadline_s:
            return Verdict(False, f"model thread busy with one batch for {now - busy:.0f}s")
        for lane in self.lanes():
            h = lane.health
            broker_ok = now - h.last_broker_ok < BROKER_FRESH_S
            if broker_ok and h.backlog > 0 and busy is None and now - h.last_progress > self.deadline_s:
                return Verdict(
                    False,
                    f"{lane.name} lane: {h.backlog} reports waiting, no progress for {now - h.last_progress:.0f}s",
                )
        return Verdict(True, "alive")


class OpsServer:
    def __init__(self, health: Health, metrics: Metrics, host: str, port: int) -> None:
        self.health = health
        self.metrics = metrics
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None
        self._beat_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz/startup", self._probe(self.health.startup))
        app.router.add_get("/healthz/ready", self._probe(self.health.ready))
        app.router.add_get("/healthz/live", self._probe(self.health.live))
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        try:
            await site.start()
        except OSError as exc:
            # Another worker on this host has the port (a local run): this one works on without probes.
            log.error(
                "ops server not started on %s:%d (%s); set TRIAGE_OPS_PORT per worker",
                self.host,
                self.port,
                exc.strerror,
            )
            return
        self._beat_task = asyncio.create_task(self._heartbeat())
        log.info(
            "ops server on %s:%d (/metrics, /healthz/startup, /healthz/ready, /healthz/live)", self.host, self.port
        )

    async def stop(self) -> None:
        if self._beat_task is not None:
            self._beat_task.cancel()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _heartbeat(self) -> None:
        """How late the loop runs a 1 s timer: the measure of a blocked event loop."""
        while True:
            expected = time.monotonic() + HEARTBEAT_S
            await asyncio.sleep(HEARTBEAT_S)
            self.health.loop_lag = max(0.0, time.monotonic() - expected)
            self.metrics.loop_lag.set(self.health.loop_lag)
            gpu_memory(self.metrics)
            for name, check in (
                ("startup", self.health.startup),
                ("ready", self.health.ready),
                ("live", self.health.live),
            ):
                self.metrics.probe_ok.labels(name).set(1 if check().ok else 0)

    async def _metrics(self, request: web.Request) -> web.Response:
        body = generate_latest(self.metrics.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    def _probe(self, check: Callable[[], Verdict]) -> Callable[[web.Request], asyncio.Future[web.Response]]:
        name = check.__name__

        async def handler(request: web.Request) -> web.Response:
            verdict = check()
            self.metrics.probe_ok.labels(name).set(1 if verdict.ok else 0)
            return web.Response(
                status=200 if verdict.ok else 503,
                text=json.dumps({"ok": verdict.ok, "reason": verdict.reason}),
                content_type="application/json",
            )

        return handler  # type: ignore[return-value]


def gpu_memory(metrics: Metrics) -> None:
    """GPU memory through NVML (nvidia-ml-py, the `gpu` extra), when there is a GPU; nothing otherwise."""
    try:
        import pynvml
    except ImportError:
        return
    try:
        pynvml.nvmlInit()
        for index in range(pynvml.nvmlDeviceGetCount()):
            info = pynvml.nvmlDeviceGetMemoryInfo(pynvml.nvmlDeviceGetHandleByIndex(index))
            metrics.gpu_memory_used.labels(str(index)).set(info.used)
            metrics.gpu_memory_total.labels(str(index)).set(info.total)
    except Exception:
        return
