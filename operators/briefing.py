"""INTSUM-style briefing for one classification level, and the self-contained HTML page that shows it.

Nothing above the level ever enters a briefing: events and reports are filtered by classification
rank before anything is counted, ranked or rendered. An event is shown whole or not at all (its
classification is the highest of its members'), because even its grouping was decided with every
member in view. Reports of unknown classification are left out: they cannot be shown to be at or
below the level.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from operators.correlate import Event, Member, member_of
from schemas.errors import Rejection
from schemas.reports import TriagedReport, parse_time
from schemas.vocab import Classification, Precedence

DEFAULT_TOP_N = 10
UNLOCATED = "unlocated"

# Fixed namespace: the same level, time and events give the same briefing id on every worker.
BRIEFING_NAMESPACE = uuid.UUID("7e2a9d41-8c3b-4f6e-a0d5-2b9c4e7f1a63")


@dataclass(frozen=True, slots=True)
class BriefedEvent:
    """What the page shows of one event: no member text, only the fused line and its facts."""

    event_id: str
    precedence: Precedence
    category: str
    summary: str
    classification: Classification
    place: str | None
    mgrs: str | None
    lat: float | None
    lon: float | None
    first_seen: datetime
    last_seen: datetime
    reports: int
    sources: int
    credibility: int
    is_new: bool

    @classmethod
    def of(cls, event: Event, is_new: bool) -> BriefedEvent:
        return cls(
            event_id=event.event_id,
            precedence=event.precedence,
            category=event.category,
            summary=event.summary,
            classification=event.classification,
            place=event.place,
            mgrs=event.mgrs,
            lat=event.lat,
            lon=event.lon,
            first_seen=event.first_seen,
            last_seen=event.last_seen,
            reports=len(event.members),
            sources=event.independent_sources,
            credibility=event.credibility,
            is_new=is_new,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "precedence": self.precedence.value,
            "category": self.category,
            "summary": self.summary,
            "classification": self.classification.value,
            "place": self.place,
            "mgrs": self.mgrs,
            "lat": self.lat,
            "lon": self.lon,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "reports": self.reports,
            "sources": self.sources,
            "credibility": self.credibility,
            "is_new": self.is_new,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BriefedEvent:
        return cls(
            event_id=str(data["event_id"]),
            precedence=Precedence(data["precedence"]),
            category=str(data["category"]),
            summary=str(data["summary"]),
            classification=Classification.parse(str(data["classification"])),
            place=data.get("place"),
            mgrs=data.get("mgrs"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            first_seen=_required_time(data["first_seen"]),
            last_seen=_required_time(data["last_seen"]),
            reports=int(data["reports"]),
            sources=int(data["sources"]),
            credibility=int(data["credibility"]),
            is_new=bool(data["is_new"]),
        )


@dataclass(frozen=True, slots=True)
class Briefing:
    briefing_id: str
    level: Classification
    generated_at: datetime
    period_start: datetime
    period_end: datetime
    top_events: tuple[BriefedEvent, ...]
    new_event_ids: tuple[str, ...]
    events_total: int
    reports_total: int
    counts_by_category: dict[str, int]
    counts_by_area: dict[str, int]
    skipped_reports: int  # unreadable, or of unknown classification; counted so it is not silent

    def to_json(self) -> dict[str, Any]:
        return {
            "briefing_id": self.briefing_id,
            "level": self.level.value,
            "generated_at": self.generated_at.isoformat(),
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "top_events": [e.to_json() for e in self.top_events],
            "new_event_ids": list(self.new_event_ids),
            "events_total": self.events_total,
            "reports_total": self.reports_total,
            "counts_by_category": dict(self.counts_by_category),
            "counts_by_area": dict(self.counts_by_area),
            "skipped_reports": self.skipped_reports,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Briefing:
        """Inverse of to_json; raises KeyError or ValueError on anything else."""
        return cls(
            briefing_id=str(data["briefing_id"]),
            level=Classification.parse(str(data["level"])),
            generated_at=_required_time(data["generated_at"]),
            period_start=_required_time(data["period_start"]),
            period_end=_required_time(data["period_end"]),
            top_events=tuple(BriefedEvent.from_json(e) for e in data["top_events"]),
            new_event_ids=tuple(str(i) for i in data["new_event_ids"]),
            events_total=int(data["events_total"]),
            reports_total=int(data["reports_total"]),
            counts_by_category={str(k): int(v) for k, v in data["counts_by_category"].items()},
            counts_by_area={str(k): int(v) for k, v in data["counts_by_area"].items()},
            skipped_reports=int(data["skipped_reports"]),
        )

    @property
    def event_ids(self) -> tuple[str, ...]:
        """The ids shown, to pass as `previous_briefing_event_ids` next time."""
        return tuple(e.event_id for e in self.top_events)


def _required_time(value: Any) -> datetime:
    moment = parse_time(value)
    if moment is None:
        raise ValueError(f"not a time with an offset: {value!r}")
    return moment


def visible(level: Classification, classification: Classification) -> bool:
    return classification.rank <= level.rank


_K = TypeVar("_K")


def _sorted_counts(counter: Counter[_K]) -> dict[_K, int]:
    # Most first, then by name, so that the page and the JSON are stable between runs.
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def build_briefing(
    events: Iterable[Event],
    reports_since_last: Iterable[TriagedReport | Mapping[str, Any]],
    level: Classification,
    now: datetime,
    previous_briefing_event_ids: Collection[str] = (),
    *,
    top_n: int = DEFAULT_TOP_N,
    since: datetime | None = None,
) -> Briefing:
    """The briefing for `level` at `now`: top events, counts, what is new, the period covered.

    Top events: most urgent precedence first, then the most recent last report, then the id.
    Counts are over the reports since the last briefing (at or below the level). "New" means a
    visible event whose id the previous briefing did not show. The period starts at `since` when
    given, else at the earliest time among the visible reports and top events, and ends at `now`.
    """
    shown = [e for e in events if visible(level, e.classification)]
    shown.sort(key=lambda e: (-e.precedence.urgency, -e.last_seen.timestamp(), e.event_id))
    previous = set(previous_briefing_event_ids)
    top = tuple(BriefedEvent.of(e, e.event_id not in previous) for e in shown[: max(0, top_n)])
    new_ids = tuple(e.event_id for e in shown if e.event_id not in previous)

    members: list[Member] = []
    skipped = 0
    for report in reports_since_last:
        member = member_of(report)
        if isinstance(member, Rejection):
            skipped += 1
        elif visible(level, member.classification):
            members.append(member)
    by_category = Counter(m.category for m in members)
    by_area = Counter(m.place or UNLOCATED for m in members)

    times = [m.received_at for m in members] + [e.first_seen for e in top]
    start = since or min(times, default=now)
    seed = f"{level.value}|{now.isoformat()}|{','.join(e.event_id for e in top)}"
    return Briefing(
        briefing_id=f"briefing-{uuid.uuid5(BRIEFING_NAMESPACE, seed)}",
        level=level,
        generated_at=now,
        period_start=min(start, now),
        period_end=now,
        top_events=top,
        new_event_ids=new_ids,
        events_total=len(shown),
        reports_total=len(members),
        counts_by_category=_sorted_counts(by_category),
        counts_by_area=_sorted_counts(by_area),
        skipped_reports=skipped,
    )
