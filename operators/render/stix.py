"""STIX 2.1 export of correlated events, for partners and threat-intelligence platforms.

Objects, all with ids derived (uuid5) from our own ids, so that re-exporting an event gives the same
objects and a grown event is a new version (same id, later `modified`) of the same report:
  * identity: this system, the creator of everything else;
  * marking-definition (statement): one per classification level, e.g. "SECRET", and one per
    releasability caveat set, e.g. "REL TO LUX, NATO"; applied with object_marking_refs;
  * report: one per event (name = the event's fused line, labels = category and precedence),
    referring to its members' notes and its location;
  * note: one per member report (abstract = the BLUF line, content = the report text when given,
    else the BLUF line; labels = category and precedence), referring back to its event's report;
  * location: latitude/longitude of a located event, precision = its radius in metres (50 m at least).

Confidence (0-100) combines the Admiralty grades. Information credibility gives the base, the
upper middle of each band of the STIX 2.1 "Admiralty Credibility" scale (1: 80-100 ... 5: 0-19),
and source reliability scales it:
    base      1 → 95, 2 → 75, 3 → 55, 4 → 35, 5 → 15, 6 → none ("cannot be judged")
    weight    A 1.0, B 0.9, C 0.8, D 0.7, E 0.6, F 0.5
    confidence = base × weight rounded half up, omitted when the credibility is 6.
So A1 → 95, B2 → 68, C3 → 44, F5 → 8; it never rises as either grade worsens. An event uses its
best source reliability and its corroborated credibility (see operators.correlate).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import stix2

from operators.correlate import Event, Member
from schemas.reports import TriagedReport, read_field
from schemas.vocab import LANGUAGES, Classification

# Fixed namespace: the same event or report gives the same STIX id on every export, forever.
STIX_NAMESPACE = uuid.UUID("3f9b6d2a-1c47-4e85-9a0b-6d8e2f4c7a19")

PRODUCER_NAME = "Triage streaming pipeline"
# Markings and the identity never change, so they carry one fixed creation time.
FIXED_CREATED = datetime(2026, 1, 1, tzinfo=UTC)

CREDIBILITY_CONFIDENCE: dict[int, int | None] = {1: 95, 2: 75, 3: 55, 4: 35, 5: 15, 6: None}
# In hundredths, so that the arithmetic is exact and rounding is half up (15 x 0.7 is 10.5, not 10.4999).
RELIABILITY_WEIGHT: dict[str, int] = {"A": 100, "B": 90, "C": 80, "D": 70, "E": 60, "F": 50}


def confidence_for(reliability: str, credibility: int) -> int | None:
    """STIX confidence for an Admiralty grade; None where the information cannot be judged."""
    base = CREDIBILITY_CONFIDENCE.get(credibility)
    weight = RELIABILITY_WEIGHT.get(reliability)
    if base is None or weight is None:
        return None
    return (base * weight + 50) // 100


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(STIX_NAMESPACE, f'{kind}|{key}')}"


IDENTITY_ID = stix_id("identity", PRODUCER_NAME)


def producer_identity() -> Any:
    return stix2.Identity(
        id=IDENTITY_ID,
        name=PRODUCER_NAME,
        identity_class="system",
        description="Streaming triage of field reports: classification, precedence and event correlation.",
        created=FIXED_CREATED,
        modified=FIXED_CREATED,
    )


def statement_marking(statement: str) -> Any:
    return stix2.MarkingDefinition(
        id=stix_id("marking-definition", statement),
        definition_type="statement",
        definition=stix2.StatementMarking(statement=statement),
        created=FIXED_CREATED,
        created_by_ref=IDENTITY_ID,
    )


def classification_marking(level: Classification) -> Any:
    return statement_marking(level.value)


def releasability_statement(countries: frozenset[str]) -> str:
    return "REL TO " + ", ".join(sorted(countries)) if countries else "NOT RELEASABLE"


def _labels(category: str, precedence: str) -> list[str]:
    return [category, precedence.lower()]


def _stamp(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def bundle_for(
    events: Iterable[Event],
    reports: Iterable[TriagedReport | Mapping[str, Any]] | Mapping[str, TriagedReport | Mapping[str, Any]] = (),
    *,
    max_level: Classification | None = None,
) -> Any:
    """A STIX 2.1 bundle of the events; `reports` (keyed or not by report id) supply text and language.

    Events above `max_level` are left out whole. Reports that are not members of an event add
    nothing: the export is of events.
    """
    by_id: dict[str, TriagedReport | Mapping[str, Any]] = {}
    values = reports.values() if isinstance(reports, Mapping) else reports
    for report in values:
        report_id = read_field(report, "report_id")
        if isinstance(report_id, str):
            by_id[report_id] = report

    identity = producer_identity()
    markings: dict[str, Any] = {}
    objects: list[Any] = []
    shown = sorted(
        (e for e in events if max_level is None or e.classification.rank <= max_level.rank), key=lambda e: e.event_id
    )

    def marking(statement: str) -> str:
        if statement not in markings:
            markings[statement] = statement_marking(statement)
        return str(markings[statement].id)

    for event in shown:
        report_ref = stix_id("report", event.event_id)
        event_marks = [marking(event.classification.value)]
        if event.releasability is not None:
            event_marks.append(marking(releasability_statement(event.releasability)))
        refs: list[str] = []
        location_ref: str | None = None
        if event.lat is not None and event.lon is not None:
            location_ref = stix_id("location", event.event_id)
            objects.append(
                stix2.Location(
                    id=location_ref,
                    created_by_ref=IDENTITY_ID,
                    created=_stamp(event.members[0].received_at),
                    modified=_stamp(max(m.received_at for m in event.members)),
                    name=event.place or event.mgrs or None,
                    latitude=round(event.lat, 6),
                    longitude=round(event.lon, 6),
                    precision=max(50.0, round(event.radius_km * 1000.0, 1)),
                    object_marking_refs=event_marks,
                )
            )
            refs.append(location_ref)
        for member in event.members:
            note = _note(member, by_id.get(member.report_id), report_ref, location_ref, marking)
            objects.append(note)
            refs.append(note.id)
        objects.append(
            stix2.Report(
                id=report_ref,
                created_by_ref=IDENTITY_ID,
                # The first member's arrival is fixed for the event's whole life; later members move
                # `modified` on, which makes a grown event a new version of the same report.
                created=_stamp(event.members[0].received_at),
                modified=_stamp(max(m.received_at for m in event.members)),
                published=_stamp(max(m.received_at for m in event.members)),
                name=event.summary,
                description=_event_description(event),
                report_types=["threat-report"],
                labels=_labels(event.category, event.precedence.value),
                confidence=confidence_for(event.reliability, event.credibility),
                object_refs=refs,
                object_marking_refs=event_marks,
            )
        )
    # The member count versions the key: the same events in the same state give the same bundle id.
    bundle_key = ",".join(f"{e.event_id}@{len(e.members)}" for e in shown)
    return stix2.Bundle(identity, *markings.values(), *objects, id=stix_id("bundle", bundle_key))


def _event_description(event: Event) -> str:
    lines = [
        event.summary,
        f"Category {event.category}; precedence {event.precedence.value}; "
        f"{len(event.members)} report(s) from {event.independent_sources} independent source(s); "
        f"corroborated Admiralty grade {event.reliability}{event.credibility}.",
    ]
    lines += [f"- {m.summary}" for m in event.members if m.summary]
    return "\n".join(lines)


def _note(
    member: Member,
    report: TriagedReport | Mapping[str, Any] | None,
    report_ref: str,
    location_ref: str | None,
    marking: Any,
) -> Any:
    text = read_field(report, "text") if report is not None else None
    language = read_field(report, "language") if report is not None else None
    marks = [marking(member.classification.value)]
    if member.releasability is not None:
        marks.append(marking(releasability_statement(member.releasability)))
    return stix2.Note(
        id=stix_id("note", member.report_id),
        created_by_ref=IDENTITY_ID,
        created=_stamp(member.received_at),
        modified=_stamp(member.received_at),
        abstract=member.summary or f"{member.precedence.value} · {member.category}",
        content=text if isinstance(text, str) and text.strip() else (member.summary or member.category),
        authors=[member.source_unit],
        lang=language if language in LANGUAGES else None,
        labels=_labels(member.category, member.precedence.value),
        confidence=confidence_for(member.reliability, member.credibility),
        object_refs=[report_ref] + ([location_ref] if location_ref else []),
        object_marking_refs=marks,
        external_references=[{"source_name": "triage", "external_id": member.report_id}],
    )


def latest_events(values: Iterable[bytes | None]) -> dict[str, Event]:
    """The last version of each event among the opened values of the events topics, in topic order;
    values that are not events are left out."""
    latest: dict[str, Event] = {}
    for value in values:
        try:
            event = Event.from_json(json.loads(value or b""))
        except (ValueError, TypeError, KeyError):
            continue
        latest[event.event_id] = event  # later records of an event supersede earlier ones
    return latest


def member_reports(events: Iterable[Event], triaged_values: Iterable[bytes | None]) -> list[dict[str, Any]]:
    """The triaged reports (JSON) that are members of the events, read from reports.triaged values."""
    members = {rid for e in events for rid in e.report_ids}
    out: list[dict[str, Any]] = []
    for value in triaged_values:
        try:
            report = json.loads(value or b"")
        except ValueError:
            continue
        if isinstance(report, dict) and report.get("report_id") in members:
            out.append(report)
    return out
