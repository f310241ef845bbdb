"""The worker's Prometheus metrics: base units, bounded labels, no report content.

Label values come from closed sets only: lanes, stages, output kinds, classification levels,
precedences, reason codes, topic names and partition numbers. Names and meanings are the contract
with the alert rules and dashboards in ops/monitoring (docs/runbook.md explains each alert).
"""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)

STAGES = ("ingest", "normalise", "predict", "rules", "entities", "prioritise", "explain", "publish_ack")
LANES = ("bulk", "urgent")
OUTPUT_KINDS = ("triaged", "alert", "flash", "review", "deadletter", "event", "briefing", "urgent")

_AGE_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)
_STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)


class Metrics:
    """One registry per worker (tests build their own and read it back)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        ProcessCollector(registry=r)
        PlatformCollector(registry=r)
        self.consumed = Counter("triage_reports_consumed", "Records read from the input topics", ["lane"], registry=r)
        self.screened = Counter(
            "triage_reports_screened", "Records the urgency screen looked at, by its answer", ["result"], registry=r
        )
        self.published = Counter(
            "triage_outputs_published",
            "Records published and acknowledged by the broker",
            ["kind", "level"],
            registry=r,
        )
        self.deadletters = Counter("triage_deadletters", "Inputs dead-lettered, by reason code", ["reason"], registry=r)
        self.stage = Histogram(
            "triage_stage_duration_seconds",
            "Time per batch in each stage of the chain",
            ["stage"],
            buckets=_STAGE_BUCKETS,
            registry=r,
        )
        self.batch_size = Histogram(
            "triage_batch_size", "Reports per micro-batch", ["lane"], buckets=_BATCH_BUCKETS, registry=r
        )
        self.report_age = Histogram(
            "triage_report_age_seconds",
            "From the input record's timestamp to its outputs acknowledged",
            ["lane", "precedence"],
            buckets=_AGE_BUCKETS,
            registry=r,
        )
        self.last_commit = Gauge(
            "triage_last_commit_timestamp_seconds",
            "When offsets of the partition were last committed",
            ["topic", "partition"],
            registry=r,
        )
        self.last_progress = Gauge(
            "triage_last_progress_timestamp_seconds",
            "When a record of the partition was last finished",
            ["topic", "partition"],
            registry=r,
        )
        self.assigned = Gauge("triage_assigned_partitions", "Partitions assigned to this worker", ["lane"], registry=r)
        self.rebalances = Counter(
            "triage_rebalances", "Partition revocations and assignments seen", ["lane"], registry=r
        )
        self.inflight = Gauge("triage_inflight_reports", "Records read and not yet finished", ["lane"], registry=r)
        self.model_info = Gauge(
            "triage_model_info",
            "The model and policy this worker runs (value 1)",
            ["model", "sha256", "provider", "policy_version"],
            registry=r,
        )
        self.gpu_expected = Gauge(
            "triage_gpu_expected", "1 when a GPU was asked for or an NVIDIA driver is present", registry=r
        )
        self.model_on_gpu = Gauge(
            "triage_model_on_gpu", "1 when the model session runs on CUDA or TensorRT", registry=r
        )
        self.gpu_memory_used = Gauge("triage_gpu_memory_used_bytes", "GPU memory in use (NVML)", ["gpu"], registry=r)
        self.gpu_memory_total = Gauge("triage_gpu_memory_total_bytes", "GPU memory in all (NVML)", ["gpu"], registry=r)
        self.loop_lag = Gauge(
            "triage_event_loop_lag_seconds", "How late the event loop's heartbeat last ran", registry=r
        )
        self.worker_info = Gauge(
            "triage_worker_info",
            "What this worker runs (value 1): app id, lanes, membership",
            ["app_id", "lanes", "membership"],
            registry=r,
        )
        self.probe_ok = Gauge(
            "triage_probe_ok", "1 when the probe passes (startup, ready, live)", ["probe"], registry=r
        )
        for lane in LANES:
            self.consumed.labels(lane)
            self.assigned.labels(lane).set(0)
            self.inflight.labels(lane).set(0)
            self.rebalances.labels(lane)
        for stage in STAGES:
            self.stage.labels(stage)
        from schemas.errors import Disposition, Reason, disposition

        for reason in Reason:
            if disposition(reason) is Disposition.DEAD_LETTER:
                self.deadletters.labels(reason.value)
        for probe in ("startup", "ready", "live"):
            self.probe_ok.labels(probe).set(0)

    def forget_partitions(self, topic: str, partitions: list[int]) -> None:
        """A revoked partition's gauges go, so "time since the last commit" does not grow for a partition
        this worker no longer has."""
        for partition in partitions:
            for gauge in (self.last_commit, self.last_progress):
                try:
                    gauge.remove(topic, str(partition))
                except KeyError:
                    pass
