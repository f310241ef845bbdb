"""No write-down, as properties over random reports, events, briefings and levels: no message is ever
routed to a topic below its classification, and nothing above a briefing's level gets into it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operators.briefing import build_briefing
from operators.correlate import Event, Member, member_of
from pipeline.routing import (
    Publication,
    WriteDown,
    check_level,
    for_briefing,
    for_event,
    for_report,
)
from pipeline.settings import Settings
from pipeline.topics import TopicNames
from schemas.reports import Explanation, Location, ModelRef, Source, TriagedReport
from schemas.vocab import CATEGORIES, Classification, Precedence

T0 = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
LEVELS = st.sampled_from(list(Classification))
PRECEDENCES = st.sampled_from(list(Precedence))
PREFIXES = st.sampled_from(["", "t1.", "alerts.", "x-secret."])


def names_for(prefix: str) -> TopicNames:
    return TopicNames.of(Settings.from_env({}, topic_prefix=prefix))


def marker(level: Classification, n: int) -> str:
    """Text that must never appear anywhere below `level`."""
    return f"MARK{level.value}{n:04d}"


def report(
    n: int,
    level: Classification,
    precedence: Precedence,
    category: str = "attack",
    minutes: int = 0,
    where: tuple[float, float] | None = (49.97, 5.93),
) -> TriagedReport:
    at = T0 + timedelta(minutes=minutes)
    location = None if where is None else Location(mgrs=None, lat=where[0], lon=where[1], precision_m=100.0, name=None)
    return TriagedReport(
        alert_id=f"alert-{n}",
        report_id=f"r{n}",
        received_at=at,
        source=Source(unit=f"Unit {n}", reliability="B"),
        credibility=3,
        classification=level.value,
        releasability=None,
        format="free_text",
        dtg=None,
        text=f"text {marker(level, n)}",
        language="en",
        category=category,
        category_scores={category: 1.0},
        precedence=precedence.value,
        priority_score=0.5,
        entities=[],
        location=location,
        observed_at=at,
        summary=f"{precedence.value} · {category} · {marker(level, n)}",
        explanation=Explanation(reason="r", factors=[]),
        models=[ModelRef(name="triage-default", sha256="ab" * 32)],
        triaged_at=at,
    )


@st.composite
def reports(draw: st.DrawFn, max_size: int = 12) -> list[TriagedReport]:
    specs = draw(
        st.lists(
            st.tuples(LEVELS, PRECEDENCES, st.sampled_from(CATEGORIES), st.integers(0, 600), st.booleans()),
            min_size=1,
            max_size=max_size,
        )
    )
    return [
        report(i, level, prec, cat, minutes, (49.9 + i * 0.001, 6.0) if located else None)
        for i, (level, prec, cat, minutes, located) in enumerate(specs)
    ]


@st.composite
def events(draw: st.DrawFn) -> list[Event]:
    pool = draw(reports(max_size=16))
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=6))
    out: list[Event] = []
    start = 0
    for size in sizes:
        chunk = pool[start : start + size]
        start += size
        if not chunk:
            break
        members = [member_of(r) for r in chunk]
        assert all(isinstance(m, Member) for m in members)
        out.append(Event.of([m for m in members if isinstance(m, Member)]))
    return out


def assert_not_below(names: TopicNames, pub: Publication) -> None:
    level = names.level_of(pub.topic)
    assert level is not None, pub.topic
    assert level.rank >= pub.classification.rank, f"{pub.message_id} ({pub.classification.value}) on {pub.topic}"


@settings(max_examples=200, deadline=None)
@given(PREFIXES, reports())
def test_alerts_and_flash_go_only_to_their_own_level(prefix: str, batch: list[TriagedReport]) -> None:
    names = names_for(prefix)
    for r in batch:
        pubs = for_report(names, r)
        level, precedence = Classification(r.classification), Precedence(r.precedence)
        for pub in pubs:
            assert_not_below(names, pub)
            assert names.level_of(pub.topic) is level and pub.classification is level
            assert pub.message_id == r.alert_id and pub.key == r.alert_id.encode()
            assert pub.topic in (names.alerts[level], names.flash[level])
        topics = [p.topic for p in pubs]
        assert (names.alerts[level] in topics) == (precedence is not Precedence.ROUTINE)
        assert (names.flash[level] in topics) == (precedence is Precedence.FLASH)


@settings(max_examples=150, deadline=None)
@given(PREFIXES, events())
def test_an_event_goes_to_the_level_of_its_highest_member(prefix: str, evs: list[Event]) -> None:
    names = names_for(prefix)
    for event in evs:
        pub = for_event(names, event)
        highest = Classification.highest(*(m.classification for m in event.members))
        assert_not_below(names, pub)
        assert pub.topic == names.events[highest] and pub.classification is highest
        assert pub.message_id == event.event_id


@settings(max_examples=150, deadline=None)
@given(PREFIXES, events(), reports(), LEVELS)
def test_a_briefing_carries_nothing_above_its_level(
    prefix: str, evs: list[Event], recent: list[TriagedReport], level: Classification
) -> None:
    names = names_for(prefix)
    briefing = build_briefing(evs, recent, level, T0 + timedelta(hours=12), ())
    pub = for_briefing(names, briefing)
    assert_not_below(names, pub)
    assert pub.topic == names.briefings[level] and pub.classification is level
    text = pub.payload.decode()
    above = [c for c in Classification if c.rank > level.rank]
    # No event above the level, no member of one, no word of a report above it.
    hidden = [e for e in evs if e.classification.rank > level.rank]
    assert not any(e.event_id in text for e in hidden)
    assert not any(f"MARK{c.value}" in text for c in above)
    body = json.loads(text)
    assert all(Classification.parse(e["classification"]).rank <= level.rank for e in body["top_events"])
    assert body["reports_total"] == sum(1 for r in recent if Classification(r.classification).rank <= level.rank)
    assert body["events_total"] == sum(1 for e in evs if e.classification.rank <= level.rank)


@settings(max_examples=300, deadline=None)
@given(PREFIXES, LEVELS, LEVELS, st.sampled_from(["alerts", "flash", "events", "briefings"]))
def test_check_level_refuses_exactly_the_write_downs(
    prefix: str, label: Classification, topic_level: Classification, family: str
) -> None:
    names = names_for(prefix)
    topic = getattr(names, family)[topic_level]
    pub = Publication(
        topic=topic, key=b"k", message_id="m", classification=label, precedence="FLASH", models=(), payload=b"{}"
    )
    if topic_level.rank < label.rank:
        with pytest.raises(WriteDown):
            check_level(names, pub)
    else:
        assert check_level(names, pub) is pub


@pytest.mark.parametrize("topic", ["reports.triaged", "events.input", "audit", "alerts.top", "alerts.SECRET"])
def test_check_level_refuses_topics_that_are_not_per_level(topic: str) -> None:
    pub = Publication(
        topic=topic,
        key=b"k",
        message_id="m",
        classification=Classification.UNCLASSIFIED,
        precedence="ROUTINE",
        models=(),
        payload=b"{}",
    )
    with pytest.raises(WriteDown):
        check_level(names_for(""), pub)


def test_level_of_every_topic() -> None:
    names = names_for("p.")
    assert names.level_of("p.alerts.secret") is Classification.SECRET
    assert names.level_of("p.briefings.unclassified") is Classification.UNCLASSIFIED
    assert names.level_of("alerts.secret") is None and names.level_of("p.reports.triaged") is None
    assert len(names.protected()) == 20 and all(names.level_of(t) is not None for t in names.protected())
    assert names.level_of("p.review.confidential") is Classification.CONFIDENTIAL
