"""Where the worker's products go: pure functions from a triaged report, an event or a briefing to the
messages it publishes on the per-level topics, and the no-write-down check every one passes.

A message is never published on a topic below its classification: the functions route each to the
topic of its own level, and `check_level` refuses anything else again at the edge (pipeline.outputs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from operators.briefing import Briefing
from operators.correlate import Event
from pipeline.topics import TopicNames
from schemas.reports import TriagedReport
from schemas.vocab import Classification, Precedence

NO_PRECEDENCE = "NONE"  # a briefing with no events in it


class WriteDown(RuntimeError):
    """A message was about to go to a topic below its classification (or to no per-level topic)."""


@dataclass(frozen=True)
class Publication:
    """One message for one per-level topic, before sealing. `message_id` is what the seal and the
    audit entry name: the alert id, the event id or the briefing id."""

    topic: str
    key: bytes
    message_id: str
    classification: Classification
    precedence: str
    models: tuple[str, ...]
    payload: bytes
    headers: tuple[tuple[str, bytes], ...] = ()


def model_versions(report: TriagedReport) -> tuple[str, ...]:
    return tuple(f"{m.name}@{m.sha256[:12]}" for m in report.models)


def report_headers(report: TriagedReport) -> list[tuple[str, bytes]]:
    """The headers of a triaged report on reports.triaged and (unsealed) on the alert topics."""
    model = ",".join(model_versions(report)) or "none"
    return [
        ("precedence", report.precedence.encode()),
        ("category", report.category.encode()),
        ("classification", report.classification.encode()),
        ("model", model.encode()),
        ("schema_version", str(report.schema_version).encode()),
    ]


def for_report(names: TopicNames, report: TriagedReport, payload: bytes | None = None) -> list[Publication]:
    """The alert and flash messages of a triaged report: PRIORITY and above, at its own level.
    `payload` is the report's JSON when the caller has serialised it already."""
    level = Classification.parse(report.classification)
    payload = report.dumps() if payload is None else payload
    headers = tuple(report_headers(report))
    return [
        check_level(
            names,
            Publication(
                topic=topic,
                key=report.alert_id.encode(),
                message_id=report.alert_id,
                classification=level,
                precedence=report.precedence,
                models=model_versions(report),
                payload=payload,
                headers=headers,
            ),
        )
        for topic in names.for_alert(level, Precedence(report.precedence))
    ]


def for_review(names: TopicNames, report: TriagedReport, payload: bytes | None = None) -> Publication:
    """A report that needs an analyst's review (unlike the training data, or no evidence), at its own level."""
    level = Classification.parse(report.classification)
    return check_level(
        names,
        Publication(
            topic=names.review[level],
            key=report.alert_id.encode(),
            message_id=report.alert_id,
            classification=level,
            precedence=report.precedence,
            models=model_versions(report),
            payload=report.dumps() if payload is None else payload,
            headers=tuple(report_headers(report)),
        ),
    )


def for_event(names: TopicNames, event: Event) -> Publication:
    """An event (every version of it) at its own level, the highest of its members'."""
    return check_level(
        names,
        Publication(
            topic=names.for_event(event.classification),
            key=event.event_id.encode(),
            message_id=event.event_id,
            classification=event.classification,
            precedence=event.precedence.value,
            models=(),
            payload=json.dumps(event.to_json()).encode(),
        ),
    )


def for_briefing(names: TopicNames, briefing: Briefing) -> Publication:
    """A briefing at the level it was built for (operators.briefing keeps everything above it out)."""
    top = max((e.precedence for e in briefing.top_events), key=lambda p: p.urgency, default=None)
    return check_level(
        names,
        Publication(
            topic=names.for_briefing(briefing.level),
            key=briefing.briefing_id.encode(),
            message_id=briefing.briefing_id,
            classification=briefing.level,
            precedence=top.value if top is not None else NO_PRECEDENCE,
            models=(),
            payload=json.dumps(briefing.to_json()).encode(),
        ),
    )


def check_level(names: TopicNames, publication: Publication) -> Publication:
    """The publication, if its topic is a per-level topic at or above its classification."""
    level = names.level_of(publication.topic)
    if level is None:
        raise WriteDown(f"{publication.topic} is not a per-level topic ({publication.message_id})")
    if level.rank < publication.classification.rank:
        raise WriteDown(
            f"{publication.message_id} is {publication.classification.value}: not publishable on {publication.topic}"
        )
    return publication
