"""Every topic name of the pipeline, declared once and derived from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.settings import Settings
from schemas.vocab import Classification, Precedence


@dataclass(frozen=True)
class TopicNames:
    raw: str
    urgent: str
    deadletter: str
    triaged: str
    alerts: dict[Classification, str]
    flash: dict[Classification, str]
    review: dict[Classification, str]
    events: dict[Classification, str]
    briefings: dict[Classification, str]
    correlate_in: str
    feedback: str
    audit: str

    @classmethod
    def of(cls, settings: Settings) -> TopicNames:
        p = settings.topic_prefix
        return cls(
            raw=f"{p}reports.raw",
            urgent=f"{p}reports.urgent",
            deadletter=f"{p}reports.deadletter",
            triaged=f"{p}reports.triaged",
            alerts={c: f"{p}alerts.{c.topic_suffix}" for c in Classification},
            flash={c: f"{p}flash.{c.topic_suffix}" for c in Classification},
            review={c: f"{p}review.{c.topic_suffix}" for c in Classification},
            events={c: f"{p}events.{c.topic_suffix}" for c in Classification},
            briefings={c: f"{p}briefings.{c.topic_suffix}" for c in Classification},
            correlate_in=f"{p}events.input",
            feedback=f"{p}feedback",
            audit=f"{p}audit",
        )

    def all(self) -> list[str]:
        """Every topic the pipeline creates with TRIAGE_PARTITIONS partitions (see `single_partition`)."""
        return [
            self.raw,
            self.urgent,
            self.deadletter,
            self.triaged,
            *self.alerts.values(),
            *self.flash.values(),
            *self.review.values(),
            *self.events.values(),
            *self.briefings.values(),
            self.feedback,
            self.audit,
        ]

    def single_partition(self) -> list[str]:
        """Topics that must have exactly one partition: correlation sees every event in one place."""
        return [self.correlate_in]

    def protected(self) -> list[str]:
        """The per-level topics readers subscribe to: sealed when sealing is on, audited when the audit is on.
        reports.triaged is not among them: see ops/kafka/secure/README.md, "Sealed messages"."""
        return [
            *self.alerts.values(),
            *self.flash.values(),
            *self.review.values(),
            *self.events.values(),
            *self.briefings.values(),
        ]

    def level_of(self, topic: str) -> Classification | None:
        """The classification level of a per-level topic; None for every other topic."""
        for family in (self.alerts, self.flash, self.review, self.events, self.briefings):
            for level, name in family.items():
                if name == topic:
                    return level
        return None

    def for_event(self, classification: Classification) -> str:
        """An event goes to the events topic of its own level (the highest of its members')."""
        return self.events[classification]

    def for_briefing(self, level: Classification) -> str:
        """A briefing built for a level goes to that level's topic; its content is filtered to it."""
        return self.briefings[level]

    def for_alert(self, classification: Classification, precedence: Precedence) -> list[str]:
        """The alert topics a triaged report goes to besides `reports.triaged`: never below its level."""
        out: list[str] = []
        if precedence.urgency >= Precedence.PRIORITY.urgency:
            out.append(self.alerts[classification])
        if precedence is Precedence.FLASH:
            out.append(self.flash[classification])
        return out
