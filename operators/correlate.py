"""Event correlation: triaged reports about the same happening, grouped into one Event.

A report joins an existing event when all three hold:
  * place: both located and the report lies within `radius_km` (default 5 km, haversine) of the
    event's centroid; when either side has no coordinates, the report's place name (location.name,
    else its first LOCATION entity) must equal a place name of the event's members
    (case-insensitive). A report with neither coordinates nor a place name stays alone.
  * time: the report's time (observed_at, else received_at) lies within `window` (default 2 h) of
    the event's span [first_seen - window, last_seen + window].
  * category: compatible with every category already in the event (same category, or a pair in
    `COMPATIBLE`), so an event is a clique of mutually compatible reports. `routine` is compatible
    only with itself.
Among several candidates the nearest wins (then the closest in time, then the event id), so the
result does not depend on the order of the snapshot. Events are never merged: a report that could
bridge two events joins one of them.

Derived values (every one computed from the members, the only stored state besides the id):
  * event_id: `event-<uuid5 of the first member's alert id>`, the same on every worker.
  * independent sources: distinct `source.unit` values; a unit repeating itself is not corroboration.
  * classification: the highest of the members'. Releasability: the intersection of the members'
    lists, where None means unrestricted (no caveat), so a member with None does not narrow it;
    None for the event means no member carried a caveat, an empty set means releasable to nobody
    beyond the originator.
  * credibility, corroborated (Admiralty 1-6, lower is better). Let best be the best member grade
    and k the number of independent sources:
      k = 1   best;
      k = 2   one grade better than best, never better than 2 unless one source is A-reliable; an
              ungraded best (6, "cannot be judged") becomes 3 ("possibly true"), because one grade
              better would read as 5, "improbable";
      k >= 3  2, or 1 when at least one source is A or B and every member has the same category;
    and never worse than best.

Delivery is at least once, so `assign` is idempotent: a report whose report id or alert id is
already a member returns that event unchanged with is_new False.
"""

from __future__ import annotations

import math
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from operators.entities.dtg import short_dtg
from operators.geo.distance import haversine_km
from operators.prioritise import SEVERITY
from schemas.errors import Reason, Rejected, Rejection
from schemas.reports import TriagedReport, parse_time, read_field
from schemas.vocab import (
    CATEGORIES,
    CREDIBILITY_GRADES,
    RELIABILITY_GRADES,
    Classification,
    Precedence,
)

STEP = "correlate"

# Fixed namespace: the same first alert id gives the same event id on every worker, forever.
EVENT_NAMESPACE = uuid.UUID("0b6c2f5e-3d44-4a8e-b1f2-9c7d5e3a6f10")

DEFAULT_RADIUS_KM = 5.0
DEFAULT_WINDOW = timedelta(hours=2)


def _pairs(*pairs: tuple[str, str]) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(p) for p in pairs)


# Categories that different observers give to the same happening: a strike seen from the air and
# from the ground, a gas release reported as an attack, a convoy bringing up a bridge.
COMPATIBLE: frozenset[frozenset[str]] = _pairs(
    ("attack", "enemy_movement"),
    ("attack", "air_activity"),
    ("attack", "cbrn"),
    ("attack", "civil_humanitarian"),
    ("air_activity", "enemy_movement"),
    ("enemy_movement", "logistics_infrastructure"),
    ("logistics_infrastructure", "civil_humanitarian"),
)


def categories_compatible(a: str, b: str, table: frozenset[frozenset[str]] = COMPATIBLE) -> bool:
    return a == b or frozenset((a, b)) in table


@dataclass(frozen=True, slots=True)
class CorrelationConfig:
    radius_km: float = DEFAULT_RADIUS_KM
    window: timedelta = DEFAULT_WINDOW
    compatible: frozenset[frozenset[str]] = COMPATIBLE


@dataclass(frozen=True, slots=True)
class Member:
    """What correlation, briefings and exports need from one triaged report (never its text)."""

    report_id: str
    alert_id: str
    source_unit: str
    reliability: str
    credibility: int
    classification: Classification
    releasability: frozenset[str] | None
    category: str
    precedence: Precedence
    summary: str
    received_at: datetime
    observed_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    mgrs: str | None = None
    precision_m: float | None = None
    place: str | None = None

    @property
    def when(self) -> datetime:
        """The time the report speaks of, or when it arrived if it does not say."""
        return self.observed_at or self.received_at

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "alert_id": self.alert_id,
            "source_unit": self.source_unit,
            "reliability": self.reliability,
            "credibility": self.credibility,
            "classification": self.classification.value,
            "releasability": None if self.releasability is None else sorted(self.releasability),
            "category": self.category,
            "precedence": self.precedence.value,
            "summary": self.summary,
            "received_at": self.received_at.isoformat(),
            "observed_at": None if self.observed_at is None else self.observed_at.isoformat(),
            "lat": self.lat,
            "lon": self.lon,
            "mgrs": self.mgrs,
            "precision_m": self.precision_m,
            "place": self.place,
        }


# ---------------------------------------------------------------------------------------------
def _text(obj: Any, name: str, *, required: bool = True) -> str | None:
    value = read_field(obj, name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise Rejected(Reason.MISSING_FIELD, f"{name} is missing", STEP)
        return None
    if not isinstance(value, str):
        raise Rejected(Reason.WRONG_TYPE, f"{name} must be a string", STEP)
    return value


def _time(obj: Any, name: str, *, required: bool) -> datetime | None:
    value = read_field(obj, name)
    if value is None:
        if required:
            raise Rejected(Reason.MISSING_FIELD, f"{name} is missing", STEP)
        return None
    moment = parse_time(value)
    if moment is None:
        raise Rejected(Reason.INVALID_VALUE, f"{name} is not a time with an offset", STEP)
    return moment


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def place_of(report: Any) -> str | None:
    """The report's place name: its location's name, else its first LOCATION entity."""
    location = read_field(report, "location")
    if location is not None:
        name = read_field(location, "name")
        if isinstance(name, str) and name.strip():
            return name.strip()
    for entity in read_field(report, "entities") or ():
        if read_field(entity, "label") == "LOCATION":
            name = read_field(entity, "normalized") or read_field(entity, "text")
            if isinstance(name, str) and name.strip():
                return name.strip()
    return None


def _member(report: Any) -> Member:
    report_id = _text(report, "report_id")
    alert_id = _text(report, "alert_id")
    assert report_id is not None and alert_id is not None  # required=True never returns None
    source = read_field(report, "source")
    if source is None:
        raise Rejected(Reason.MISSING_FIELD, "source is missing", STEP)
    unit = _text(source, "unit")
    assert unit is not None
    reliability = read_field(source, "reliability") or "F"
    if reliability not in RELIABILITY_GRADES:
        raise Rejected(Reason.INVALID_VALUE, f"source.reliability {reliability!r} is not A-F", STEP)
    credibility = read_field(report, "credibility", 6)
    if isinstance(credibility, bool) or credibility not in CREDIBILITY_GRADES:
        raise Rejected(Reason.INVALID_VALUE, f"credibility {credibility!r} is not 1-6", STEP)
    try:
        classification = Classification.parse(str(read_field(report, "classification") or ""))
    except ValueError:
        raise Rejected(Reason.UNKNOWN_CLASSIFICATION, "classification is not one of the four levels", STEP) from None
    releasability_raw = read_field(report, "releasability")
    if releasability_raw is not None and (
        isinstance(releasability_raw, str) or not all(isinstance(r, str) for r in releasability_raw)
    ):
        raise Rejected(Reason.WRONG_TYPE, "releasability must be a list of strings", STEP)
    category = _text(report, "category")
    if category not in CATEGORIES:
        raise Rejected(Reason.INVALID_VALUE, f"category {category!r} is not in the vocabulary", STEP)
    try:
        precedence = Precedence(read_field(report, "precedence"))
    except ValueError:
        raise Rejected(Reason.INVALID_VALUE, "precedence is not FLASH, IMMEDIATE, PRIORITY or ROUTINE", STEP) from None
    received_at = _time(report, "received_at", required=True)
    assert received_at is not None
    location = read_field(report, "location")
    lat = lon = precision = None
    mgrs: str | None = None
    if location is not None:
        lat, lon = _number(read_field(location, "lat")), _number(read_field(location, "lon"))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            lat = lon = None  # an unusable position is treated as none rather than rejected
        precision = _number(read_field(location, "precision_m"))
        grid = read_field(location, "mgrs")
        mgrs = grid if isinstance(grid, str) and grid.strip() else None
    return Member(
        report_id=report_id,
        alert_id=alert_id,
        source_unit=unit.strip(),
        reliability=reliability,
        credibility=int(credibility),
        classification=classification,
        releasability=None if releasability_raw is None else frozenset(releasability_raw),
        category=category,
        precedence=precedence,
        summary=_text(report, "summary", required=False) or "",
        received_at=received_at,
        observed_at=_time(report, "observed_at", required=False),
        lat=lat,
        lon=lon,
        mgrs=mgrs,
        precision_m=precision,
        place=place_of(report),
    )


def member_of(report: TriagedReport | Mapping[str, Any]) -> Member | Rejection:
    """The correlation view of a triaged report, or a Rejection saying which field is unusable."""
    try:
        return _member(report)
    except Rejected as bad:
        return bad.rejection
    except Exception as exc:
        return Rejection(Reason.INVALID_VALUE, f"unexpected {type(exc).__name__}: {exc}"[:500], STEP)


def member_from_json(data: Mapping[str, Any]) -> Member:
    """Inverse of Member.to_json; raises ValueError (or KeyError) on data it did not write."""
    received_at = parse_time(data["received_at"])
    if received_at is None:
        raise ValueError("received_at is not a time with an offset")
    releasability = data.get("releasability")
    return Member(
        report_id=str(data["report_id"]),
        alert_id=str(data["alert_id"]),
        source_unit=str(data["source_unit"]),
        reliability=str(data["reliability"]),
        credibility=int(data["credibility"]),
        classification=Classification.parse(str(data["classification"])),
        releasability=None if releasability is None else frozenset(str(r) for r in releasability),
        category=str(data["category"]),
        precedence=Precedence(data["precedence"]),
        summary=str(data.get("summary") or ""),
        received_at=received_at,
        observed_at=parse_time(data.get("observed_at")),
        lat=_number(data.get("lat")),
        lon=_number(data.get("lon")),
        mgrs=data.get("mgrs"),
        precision_m=_number(data.get("precision_m")),
        place=data.get("place"),
    )


# ---------------------------------------------------------------------------------------------
# Corroboration


def corroborated_credibility(members: Sequence[Member]) -> int:
    """Admiralty credibility of the event; the rule is in the module docstring."""
    if not members:
        return 6
    best = min(m.credibility for m in members)
    reliability_by_source: dict[str, str] = {}
    for m in members:
        # A unit's best grade stands for it: its reliability does not change between its reports.
        reliability_by_source[m.source_unit] = min(m.reliability, reliability_by_source.get(m.source_unit, "F"))
    k = len(reliability_by_source)
    reliabilities = set(reliability_by_source.values())
    if k == 1:
        return best
    if k == 2:
        floor = 1 if "A" in reliabilities else 2
        improved = 3 if best == 6 else best - 1
        return min(best, max(improved, floor))
    same_category = len({m.category for m in members}) == 1
    target = 1 if (reliabilities & {"A", "B"}) and same_category else 2
    return min(best, target)


# ---------------------------------------------------------------------------------------------
# The event


def event_id_for(first_alert_id: str) -> str:
    return f"event-{uuid.uuid5(EVENT_NAMESPACE, first_alert_id)}"


def _centroid(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    # Mean of unit vectors: right across the antimeridian and near the poles, where averaging
    # degrees is not.
    x = y = z = 0.0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _strip_lead(summary: str, precedence: Precedence, category: str) -> str:
    """A member's BLUF without its own precedence and category, which the event line already says."""
    known = {p.value for p in Precedence} | {category, category.replace("_", " ")}
    parts = [p.strip() for p in summary.split(" · ")]
    while parts and (parts[0] in known or parts[0] == precedence.value):
        parts.pop(0)
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Event:
    """Correlated reports. Only event_id and members are stored; everything else derives from them."""

    event_id: str
    members: tuple[Member, ...]

    @classmethod
    def of(cls, members: Sequence[Member]) -> Event:
        if not members:
            raise ValueError("an event has at least one member")
        return cls(event_id_for(members[0].alert_id), tuple(members))

    @property
    def alert_ids(self) -> tuple[str, ...]:
        return tuple(m.alert_id for m in self.members)

    @property
    def report_ids(self) -> tuple[str, ...]:
        return tuple(m.report_id for m in self.members)

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(m.source_unit for m in self.members)

    @property
    def independent_sources(self) -> int:
        return len(self.sources)

    @property
    def precedence(self) -> Precedence:
        return max((m.precedence for m in self.members), key=lambda p: p.urgency)

    @property
    def categories(self) -> frozenset[str]:
        return frozenset(m.category for m in self.members)

    @property
    def category(self) -> str:
        """The most reported category; ties go to the more severe, then to the first reported."""
        counts = Counter(m.category for m in self.members)
        order = {c: i for i, c in reversed(list(enumerate(m.category for m in self.members)))}
        return max(counts, key=lambda c: (counts[c], SEVERITY.get(c, 0.0), -order[c]))

    def compatible_categories(self, table: frozenset[frozenset[str]] = COMPATIBLE) -> frozenset[str]:
        """Categories a further report may have and still join: compatible with every member's."""
        return frozenset(c for c in CATEGORIES if all(categories_compatible(c, m, table) for m in self.categories))

    @property
    def first_seen(self) -> datetime:
        return min(m.when for m in self.members)

    @property
    def last_seen(self) -> datetime:
        return max(m.when for m in self.members)

    @property
    def located_members(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.located)

    @property
    def centroid(self) -> tuple[float, float] | None:
        points = [(m.lat, m.lon) for m in self.located_members if m.lat is not None and m.lon is not None]
        return _centroid(points) if points else None

    @property
    def lat(self) -> float | None:
        c = self.centroid
        return None if c is None else c[0]

    @property
    def lon(self) -> float | None:
        c = self.centroid
        return None if c is None else c[1]

    @property
    def mgrs(self) -> str | None:
        """The grid of the first located member: a real reported grid, not a computed one."""
        return next((m.mgrs for m in self.located_members if m.mgrs), None)

    @property
    def radius_km(self) -> float:
        """Distance from the centroid to the farthest located member; 0 for one point or none."""
        c = self.centroid
        if c is None:
            return 0.0
        return max(
            haversine_km(c[0], c[1], m.lat, m.lon)
            for m in self.located_members
            if m.lat is not None and m.lon is not None
        )

    @property
    def places(self) -> frozenset[str]:
        return frozenset(m.place.casefold() for m in self.members if m.place)

    @property
    def place(self) -> str | None:
        return next((m.place for m in self.members if m.place), None)

    @property
    def classification(self) -> Classification:
        return Classification.highest(*(m.classification for m in self.members))

    @property
    def releasability(self) -> frozenset[str] | None:
        restricted = [m.releasability for m in self.members if m.releasability is not None]
        if not restricted:
            return None
        return frozenset.intersection(*restricted)

    @property
    def credibility(self) -> int:
        return corroborated_credibility(self.members)

    @property
    def reliability(self) -> str:
        """The best source reliability among the members."""
        return min(m.reliability for m in self.members)

    @property
    def lead(self) -> Member:
        """The most urgent member, the earliest among equals: the report the event is led by."""
        return min(self.members, key=lambda m: (-m.precedence.urgency, m.when))

    @property
    def summary(self) -> str:
        """One English line: precedence · category · N reports from M sources · place · span — lead BLUF."""
        n, k = len(self.members), self.independent_sources
        counted = f"{n} report{'s' if n != 1 else ''} from {k} source{'s' if k != 1 else ''}"
        where = self.place or self.mgrs or "location unknown"
        if self.place and self.mgrs:
            where = f"{self.place} ({self.mgrs})"
        first, last = short_dtg(self.first_seen), short_dtg(self.last_seen)
        span = first if first == last else f"{first}–{last}"
        line = " · ".join([self.precedence.value, self.category.replace("_", " "), counted, where, span])
        lead = _strip_lead(self.lead.summary, self.lead.precedence, self.lead.category)
        return f"{line} — {lead}" if lead else line

    def contains(self, report_id: str, alert_id: str) -> bool:
        return any(m.report_id == report_id or m.alert_id == alert_id for m in self.members)

    def with_member(self, member: Member) -> Event:
        """A new event with the member added; the same event when it is already a member."""
        if self.contains(member.report_id, member.alert_id):
            return self
        return replace(self, members=(*self.members, member))

    def to_json(self) -> dict[str, Any]:
        """Plain JSON: the stored members plus the derived values, for readers that are not us."""
        centroid = self.centroid
        return {
            "event_id": self.event_id,
            "members": [m.to_json() for m in self.members],
            "alert_ids": list(self.alert_ids),
            "report_ids": list(self.report_ids),
            "sources": sorted(self.sources),
            "independent_sources": self.independent_sources,
            "precedence": self.precedence.value,
            "category": self.category,
            "categories": sorted(self.categories),
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "location": None
            if centroid is None
            else {"lat": centroid[0], "lon": centroid[1], "mgrs": self.mgrs, "radius_km": self.radius_km},
            "place": self.place,
            "classification": self.classification.value,
            "releasability": None if self.releasability is None else sorted(self.releasability),
            "credibility": self.credibility,
            "reliability": self.reliability,
            "summary": self.summary,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Event:
        """Inverse of to_json, from the members alone (derived values are recomputed, never trusted).

        Raises ValueError on data to_json did not write; `parse_event` returns a Rejection instead.
        """
        try:
            members = tuple(member_from_json(m) for m in data["members"])
            event_id = str(data["event_id"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not an event: {type(exc).__name__}: {exc}") from exc
        if not members:
            raise ValueError("not an event: no members")
        return cls(event_id, members)


def parse_event(data: Any) -> Event | Rejection:
    """Event.from_json that returns a Rejection instead of raising."""
    if not isinstance(data, Mapping):
        return Rejection(Reason.NOT_AN_OBJECT, "an event is a JSON object", STEP)
    try:
        return Event.from_json(data)
    except ValueError as exc:
        return Rejection(Reason.INVALID_VALUE, str(exc)[:500], STEP)


# ---------------------------------------------------------------------------------------------
# Assignment


class Assignment(NamedTuple):
    event: Event
    is_new: bool


def _distance_km(event: Event, member: Member) -> float | None:
    """Distance from the event's centroid, or None when either side has no coordinates."""
    centroid = event.centroid
    if centroid is None or member.lat is None or member.lon is None:
        return None
    return haversine_km(centroid[0], centroid[1], member.lat, member.lon)


def _time_gap(event: Event, member: Member) -> timedelta:
    """How far the member's time lies outside the event's span; zero inside it."""
    when = member.when
    if when < event.first_seen:
        return event.first_seen - when
    if when > event.last_seen:
        return when - event.last_seen
    return timedelta(0)


def _match(event: Event, member: Member, config: CorrelationConfig) -> tuple[float, timedelta, str] | None:
    """A sort key when the member may join the event (smaller is better), None when it may not."""
    if not all(categories_compatible(member.category, c, config.compatible) for c in event.categories):
        return None
    gap = _time_gap(event, member)
    if gap > config.window:
        return None
    distance = _distance_km(event, member)
    if distance is None:
        if member.place is None or member.place.casefold() not in event.places:
            return None
        distance = 0.0 if not member.located and event.centroid is None else config.radius_km
    elif distance > config.radius_km:
        return None
    return distance, gap, event.event_id


def assign_member(
    events: Mapping[str, Event], member: Member, config: CorrelationConfig = CorrelationConfig()
) -> Assignment:
    """The event the member belongs to after this report: an existing one (grown) or a new one."""
    for event in events.values():
        if event.contains(member.report_id, member.alert_id):
            return Assignment(event, False)
    best: tuple[tuple[float, timedelta, str], Event] | None = None
    for event in events.values():
        key = _match(event, member, config)
        if key is not None and (best is None or key < best[0]):
            best = (key, event)
    if best is None:
        return Assignment(Event.of([member]), True)
    return Assignment(best[1].with_member(member), False)


def assign(
    events: Mapping[str, Event],
    report: TriagedReport | Mapping[str, Any],
    config: CorrelationConfig = CorrelationConfig(),
) -> Assignment | Rejection:
    """Pure: reads the snapshot, returns the event to store under its id; never mutates `events`."""
    member = member_of(report)
    if isinstance(member, Rejection):
        return member
    return assign_member(events, member, config)


class Correlator:
    """The assignment rule with its configuration, built once and shared by the agent and batch jobs."""

    def __init__(self, config: CorrelationConfig | None = None) -> None:
        self.config = config or CorrelationConfig()

    def assign(self, events: Mapping[str, Event], report: TriagedReport | Mapping[str, Any]) -> Assignment | Rejection:
        return assign(events, report, self.config)

    def assign_batch(
        self, events: Mapping[str, Event], reports: Iterable[TriagedReport | Mapping[str, Any]]
    ) -> list[Assignment | Rejection]:
        """One result per report, in order; later reports see the events earlier ones made or grew.

        The caller stores each result's event under its event_id (the last one for an id wins).
        """
        local = dict(events)
        results: list[Assignment | Rejection] = []
        for report in reports:
            result = self.assign(local, report)
            if not isinstance(result, Rejection):
                local[result.event.event_id] = result.event
            results.append(result)
        return results


def expired(events: Mapping[str, Event], now: datetime, keep: timedelta) -> list[str]:
    """Ids of events whose last report is older than `keep`, for the caller to drop from its table."""
    return sorted(eid for eid, e in events.items() if now - e.last_seen > keep)


class EventIndex(Mapping[str, Event]):
    """The events with lookup structures, so that a report is compared only with events near it
    (same or neighbouring grid cell of the centroid, or the same place name) instead of all of them.

    Assignment through the index gives the same result as `assign_member` over all events: an event
    outside the neighbouring cells is farther than the radius, and an unlocated match needs a shared
    place name, which the place index holds.
    """

    CELL_KM = 10.0

    def __init__(self, config: CorrelationConfig | None = None, events: Iterable[Event] = ()) -> None:
        self.config = config or CorrelationConfig()
        self._events: dict[str, Event] = {}
        self._by_member: dict[str, str] = {}
        self._by_cell: dict[tuple[int, int], set[str]] = {}
        self._by_place: dict[str, set[str]] = {}
        self._keys: dict[str, tuple[tuple[int, int] | None, frozenset[str]]] = {}
        for event in events:
            self.put(event)

    def __getitem__(self, event_id: str) -> Event:
        return self._events[event_id]

    def __iter__(self) -> Any:
        return iter(self._events)

    def __len__(self) -> int:
        return len(self._events)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        lat_km = 111.32
        lon_km = max(1.0, 111.32 * math.cos(math.radians(lat)))
        return int(math.floor(lat * lat_km / self.CELL_KM)), int(math.floor(lon * lon_km / self.CELL_KM))

    def put(self, event: Event) -> None:
        self.remove(event.event_id)
        self._events[event.event_id] = event
        for member in event.members:
            self._by_member[member.report_id] = event.event_id
            self._by_member[member.alert_id] = event.event_id
        centroid = event.centroid
        cell = self._cell(*centroid) if centroid is not None else None
        if cell is not None:
            self._by_cell.setdefault(cell, set()).add(event.event_id)
        places = event.places
        for place in places:
            self._by_place.setdefault(place, set()).add(event.event_id)
        self._keys[event.event_id] = (cell, places)

    def remove(self, event_id: str) -> None:
        event = self._events.pop(event_id, None)
        if event is None:
            return
        for member in event.members:
            self._by_member.pop(member.report_id, None)
            self._by_member.pop(member.alert_id, None)
        cell, places = self._keys.pop(event_id)
        if cell is not None:
            self._by_cell.get(cell, set()).discard(event_id)
        for place in places:
            self._by_place.get(place, set()).discard(event_id)

    def candidates(self, member: Member) -> dict[str, Event]:
        ids: set[str] = set()
        if member.lat is not None and member.lon is not None:
            row, col = self._cell(member.lat, member.lon)
            reach = int(math.ceil(self.config.radius_km / self.CELL_KM)) + 1
            for dr in range(-reach, reach + 1):
                for dc in range(-reach, reach + 1):
                    ids |= self._by_cell.get((row + dr, col + dc), set())
        if member.place is not None:
            ids |= self._by_place.get(member.place.casefold(), set())
        return {i: self._events[i] for i in ids}

    def assign(self, report: TriagedReport | Mapping[str, Any]) -> Assignment | Rejection:
        """Assign and store: the index holds the grown or new event afterwards."""
        member = member_of(report)
        if isinstance(member, Rejection):
            return member
        known = self._by_member.get(member.report_id) or self._by_member.get(member.alert_id)
        if known is not None and known in self._events:
            return Assignment(self._events[known], False)
        result = assign_member(self.candidates(member), member, self.config)
        self.put(result.event)
        return result
