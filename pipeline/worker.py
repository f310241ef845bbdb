"""A triage worker: the lanes (pipeline/lanes.py), the publisher, the ops server and, when intel is
on, the Faust app for correlation, briefings, the archive and the briefing page, in one process.

Start-up: the model is verified and loaded before anything connects (a bad model stops the worker
with a clear message). Shutdown on SIGTERM: the lanes stop reading, finish their micro-batch, wait
for delivery and commit, within TRIAGE_DRAIN_TIMEOUT_S; then the consumers leave their groups and
the producer flushes. A watchdog ends the process if the whole shutdown overruns its bound (a
broker that is gone must not keep a pod in Terminating).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import faust
import mode
from mode import Service

from pipeline import clients
from pipeline.app import TriageApp, build_app
from pipeline.chain_process import ChainProcess
from pipeline.lanes import BatchChain, Clock, Lane, ModelScheduler, Screen, drain, utc_now
from pipeline.metrics import Metrics
from pipeline.ops import Health, OpsServer
from pipeline.publisher import Publisher
from pipeline.settings import Settings
from pipeline.topics import TopicNames

log = logging.getLogger(__name__)

EXIT_DRAIN_OVERRUN = 70
SHUTDOWN_GRACE_S = 10.0  # on top of the drain deadline: closing clients and the Faust app


class TriageService(Service):
    """Lanes, publisher and ops server, started before the Faust app's own services and stopped after them."""

    def __init__(
        self,
        settings: Settings,
        chain: BatchChain | None,
        metrics: Metrics,
        publisher: Publisher,
        screen: Screen | None,
        clock: Clock = utc_now,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.settings = settings
        self.chain = chain
        self.metrics = metrics
        self.publisher = publisher
        self.screen = screen
        self.clock = clock
        self.names = TopicNames.of(settings)
        self.lanes: list[Lane] = []
        self.scheduler = (
            ModelScheduler(
                chain,
                chunk=settings.batch_size,
                metrics=metrics,
                threads=ChainProcess.DEPTH if isinstance(chain, ChainProcess) else 1,
            )
            if chain is not None and settings.lane_names
            else None
        )
        self.health = Health(lambda: self.lanes, self.scheduler, settings.liveness_deadline_s)
        self.ops = OpsServer(self.health, metrics, settings.ops_host, settings.ops_port) if settings.ops_port else None

    async def on_start(self) -> None:
        if self.ops is not None:
            await self.ops.start()
        await self.publisher.start()
        names = self.names
        scheduler = self.scheduler
        for lane in self.settings.lane_names:
            if scheduler is None:
                break
            topic, group, screen = (
                (names.raw, f"{self.settings.app_id}.triage", self.screen if self.settings.screen_enabled else None)
                if lane == "bulk"
                else (names.urgent, f"{self.settings.app_id}.urgent", None)
            )
            self.lanes.append(
                Lane(
                    lane,
                    topic,
                    group,
                    self.settings,
                    names,
                    scheduler,
                    self.publisher,
                    self.metrics,
                    screen=screen,
                    clock=self.clock,
                    consumer_factory=lambda group_id: clients.lane_consumer(self.settings, group_id),
                )
            )
        for each in self.lanes:
            await each.start()
        self.health.started = True
        if not self.settings.intel_enabled:
            log.info("Worker ready: lanes %s", ", ".join(self.settings.lane_names))

    async def on_stop(self) -> None:
        started = time.monotonic()
        await drain(self.lanes, self.settings.drain_timeout_s)
        await self.publisher.stop(timeout=5.0)
        if self.scheduler is not None:
            self.scheduler.close()
        close = getattr(self.chain, "close", None)
        if close is not None:
            close()  # the chain process: after the drain, so the batch in hand was published
        if self.ops is not None:
            await self.ops.stop()
        log.info("drained in %.1fs", time.monotonic() - started)


class _Worker(faust.Worker):
    """Faust's worker, with a watchdog armed the moment shutdown is asked for."""

    drain_bound_s: float = 60.0

    def _schedule_shutdown(self, signal: Any) -> None:
        arm_watchdog(self.drain_bound_s)
        super()._schedule_shutdown(signal)


class _LanesWorker(mode.Worker):
    """The lanes alone (TRIAGE_INTEL_ENABLED=false): no Faust app, so the worker joins no intel group."""

    drain_bound_s: float = 60.0

    def _schedule_shutdown(self, signal: Any) -> None:
        arm_watchdog(self.drain_bound_s)
        super()._schedule_shutdown(signal)


def arm_watchdog(bound_s: float, exit: Callable[[int], None] = os._exit) -> threading.Timer:
    def overrun() -> None:
        logging.getLogger(__name__).error("shutdown overran its bound of %.0fs: exiting now", bound_s)
        logging.shutdown()
        exit(EXIT_DRAIN_OVERRUN)

    timer = threading.Timer(bound_s, overrun)
    timer.daemon = True
    timer.start()
    return timer


def run_worker(settings: Settings, chain: BatchChain | None, screen: Screen | None, model_info: dict[str, str]) -> None:
    metrics = Metrics()
    metrics.model_info.labels(**model_info).set(1)
    metrics.worker_info.labels(settings.app_id, ",".join(settings.lane_names) or "none", settings.membership).set(1)
    expected, on_gpu = gpu_state(settings, model_info)
    metrics.gpu_expected.set(expected)
    metrics.model_on_gpu.set(on_gpu)
    names = TopicNames.of(settings)
    publisher = Publisher(settings, names, metrics, lambda: clients.worker_producer(settings))
    service = TriageService(settings, chain, metrics, publisher, screen)
    worker: Any
    if settings.intel_enabled:
        built: TriageApp = build_app(settings, publisher)
        # First dependency: started before the Faust app's own services (agents publish through the
        # publisher), stopped after them.
        built.app.add_dependency(service)
        worker = _Worker(built.app, loglevel=settings.log_level.upper(), override_logging=False)
    else:
        worker = _LanesWorker(service, loglevel=settings.log_level.upper(), override_logging=False)
    worker.drain_bound_s = settings.drain_timeout_s + SHUTDOWN_GRACE_S
    worker.execute_from_commandline()


def gpu_state(settings: Settings, model_info: dict[str, str]) -> tuple[int, int]:
    """(a GPU was asked for or an NVIDIA driver is present, the session runs on CUDA or TensorRT)."""
    from operators.inference.session import nvidia_driver_present

    expected = settings.providers in ("cuda", "tensorrt") or (settings.providers == "auto" and nvidia_driver_present())
    on_gpu = model_info.get("provider", "") in ("CUDAExecutionProvider", "TensorrtExecutionProvider")
    return int(expected), int(on_gpu)
