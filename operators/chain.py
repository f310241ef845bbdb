"""The operator chain shared by `triage batch` and the streaming agents: bytes in, results out.

A failing triage step never loses a batch: the batch is retried one report at a time so that only
the report that fails becomes a TRIAGE_FAILED rejection.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from operators.ingest import IngestLimits, parse_report
from schemas.errors import Reason, Rejection
from schemas.reports import Explanation, FieldReport, TriagedReport
from schemas.vocab import Precedence

# Seconds per stage of the chain, summed over a batch (for the worker's stage histograms).
Timings = dict[str, float]


def add_time(timings: Timings, stage: str, seconds: float) -> None:
    timings[stage] = timings.get(stage, 0.0) + seconds


# Fixed namespace: the same report id gives the same alert id on every worker, forever.
ALERT_NAMESPACE = uuid.UUID("5d1c3f0e-6a4b-4c2e-9a57-7f3b1e2d8c41")


def alert_id_for(report_id: str) -> str:
    """Deterministic alert id, so consumers can drop duplicates after a redelivery."""
    return f"alert-{uuid.uuid5(ALERT_NAMESPACE, report_id)}"


def provenance(report: FieldReport) -> dict[str, Any]:
    """The fields every TriagedReport copies from its FieldReport, classification included (never lowered)."""
    return {
        "alert_id": alert_id_for(report.report_id),
        "report_id": report.report_id,
        "received_at": report.received_at,
        "source": report.source,
        "credibility": report.credibility,
        "classification": report.classification,
        "releasability": report.releasability,
        "format": report.format,
        "dtg": report.dtg,
        "text": report.text,
    }


class Triage(Protocol):
    """A batch step from validated reports to triaged reports (or rejections), one per input."""

    name: str

    def triage(
        self, reports: Sequence[FieldReport], now: datetime, timings: Timings | None = None
    ) -> list[TriagedReport | Rejection]: ...


class PassThroughTriage:
    """No model: every report is ROUTINE and says so. For plumbing tests and streaming-overhead benchmarks."""

    name = "passthrough"

    def triage(
        self, reports: Sequence[FieldReport], now: datetime, timings: Timings | None = None
    ) -> list[TriagedReport | Rejection]:
        return [self._one(r, now) for r in reports]

    @staticmethod
    def _one(report: FieldReport, now: datetime) -> TriagedReport:
        return TriagedReport(
            **provenance(report),
            language=report.language or "und",
            category="routine",
            category_scores={},
            precedence=Precedence.ROUTINE.value,
            priority_score=0.0,
            entities=[],
            location=None,
            observed_at=None,
            summary=f"ROUTINE · not assessed · {report.report_id}",
            explanation=Explanation(reason="not assessed: pass-through triage, no model loaded", factors=[]),
            models=[],
            triaged_at=now,
        )


class TriageChain:
    """ingest -> triage, batch-first; built once with its expensive parts and reused."""

    def __init__(self, triage: Triage, limits: IngestLimits | None = None) -> None:
        self.triage = triage
        self.limits = limits or IngestLimits()

    def process(
        self,
        payloads: Sequence[bytes | None],
        now: datetime,
        timings: Timings | None = None,
        received: Sequence[datetime | None] | None = None,
    ) -> list[TriagedReport | Rejection]:
        """One result per payload, in order. `timings`, when given, gets the seconds spent per stage.

        `received`, when given, is each payload's arrival (the broker's timestamp of its record): a report
        without `received_at` gets it rather than `now`, so that triaging the same record again (after a
        rebalance or a crash) gives the same decision.
        """
        started = time.perf_counter()
        results: list[TriagedReport | Rejection | None] = [None] * len(payloads)
        valid: list[FieldReport] = []
        where: list[int] = []
        for i, payload in enumerate(payloads):
            arrival = received[i] if received is not None else None
            parsed = parse_report(payload, self.limits, arrival or now)
            if isinstance(parsed, Rejection):
                results[i] = parsed
            else:
                valid.append(parsed)
                where.append(i)
        if timings is not None:
            add_time(timings, "ingest", time.perf_counter() - started)
        for i, out in zip(where, self._triage_isolating_failures(valid, now, timings)):
            results[i] = out
        return [r for r in results if r is not None]

    def process_reports(self, reports: Sequence[FieldReport], now: datetime) -> list[TriagedReport | Rejection]:
        return self._triage_isolating_failures(list(reports), now)

    def _triage_isolating_failures(
        self, reports: list[FieldReport], now: datetime, timings: Timings | None = None
    ) -> list[TriagedReport | Rejection]:
        if not reports:
            return []
        try:
            out = self.triage.triage(reports, now, timings)
            if len(out) != len(reports):
                raise RuntimeError(f"{self.triage.name} returned {len(out)} results for {len(reports)} reports")
            return out
        except Exception as exc:
            if len(reports) == 1:
                # Only the exception type: its message may quote classified text.
                detail = f"{self.triage.name} failed on report {reports[0].report_id}: {type(exc).__name__}"
                return [Rejection(Reason.TRIAGE_FAILED, detail, self.triage.name)]
            return [r for report in reports for r in self._triage_isolating_failures([report], now)]
