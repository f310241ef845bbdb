"""Briefings: nothing above the level, ranking, what is new, and a self-contained, escaped page."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

from operators.briefing import Briefing, build_briefing
from operators.correlate import Event, Member, member_of
from operators.render.briefing_page import BANNER_COLOURS, render_html
from schemas.reports import Explanation, Location, Source, TriagedReport
from schemas.vocab import Classification

T0 = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
NOW = T0 + timedelta(hours=3)
LEVELS = list(Classification)


def _triaged(
    n: int,
    *,
    classification: str = "UNCLASSIFIED",
    precedence: str = "PRIORITY",
    category: str = "enemy_movement",
    at: datetime = T0,
    where: tuple[float, float] | None = (49.97, 5.93),
    place: str | None = "Wiltz",
    summary: str | None = None,
) -> TriagedReport:
    location = None if where is None else Location(mgrs=None, lat=where[0], lon=where[1], precision_m=100.0, name=place)
    return TriagedReport(
        alert_id=f"alert-{n}",
        report_id=f"r{n}",
        received_at=at,
        source=Source(unit=f"Unit {n}", reliability="C"),
        credibility=3,
        classification=classification,
        releasability=None,
        format="free_text",
        dtg=None,
        text="text",
        language="en",
        category=category,
        category_scores={category: 1.0},
        precedence=precedence,
        priority_score=0.5,
        entities=[],
        location=location,
        observed_at=at,
        summary=summary or f"{precedence} · {category} · report {n}",
        explanation=Explanation(reason="r", factors=[]),
        models=[],
        triaged_at=at,
    )


def _event(*reports: TriagedReport) -> Event:
    members = [member_of(r) for r in reports]
    assert all(isinstance(m, Member) for m in members)
    return Event.of([m for m in members if isinstance(m, Member)])


def _world() -> tuple[list[Event], list[TriagedReport]]:
    reports = [
        _triaged(1, classification="UNCLASSIFIED", precedence="ROUTINE", category="routine", at=T0),
        _triaged(
            2,
            classification="RESTRICTED",
            precedence="PRIORITY",
            at=T0 + timedelta(minutes=30),
            place="Diekirch",
            where=(49.87, 6.16),
        ),
        _triaged(
            3,
            classification="CONFIDENTIAL",
            precedence="IMMEDIATE",
            category="attack",
            at=T0 + timedelta(minutes=50),
            place="Ettelbruck",
            where=(49.85, 6.10),
        ),
        _triaged(
            4,
            classification="SECRET",
            precedence="FLASH",
            category="attack",
            at=T0 + timedelta(hours=1),
            place="Clervaux",
            where=(50.05, 6.03),
        ),
        _triaged(
            5, classification="UNCLASSIFIED", precedence="PRIORITY", at=T0 + timedelta(hours=2), where=None, place=None
        ),
    ]
    events = [_event(r) for r in reports]
    return events, reports


def test_nothing_above_the_level_at_every_level() -> None:
    events, reports = _world()
    for level in LEVELS:
        briefing = build_briefing(events, reports, level, NOW, ())
        assert all(e.classification.rank <= level.rank for e in briefing.top_events)
        assert (
            briefing.events_total == level.rank + 2
            if level is not Classification.SECRET
            else briefing.events_total == 5
        )
        assert briefing.reports_total == briefing.events_total
        page = render_html(briefing)
        shown = re.findall(r'data-classification="([A-Z]+)"', page)
        assert shown and all(Classification(c).rank <= level.rank for c in shown)


def test_an_event_with_a_secret_member_is_hidden_below_secret() -> None:
    mixed = _event(_triaged(1, classification="UNCLASSIFIED"), _triaged(2, classification="SECRET"))
    assert build_briefing([mixed], [], Classification.CONFIDENTIAL, NOW, ()).top_events == ()
    assert len(build_briefing([mixed], [], Classification.SECRET, NOW, ()).top_events) == 1


def test_top_events_by_precedence_then_recency_and_top_n() -> None:
    events, reports = _world()
    briefing = build_briefing(events, reports, Classification.SECRET, NOW, (), top_n=3)
    assert [e.precedence.value for e in briefing.top_events] == ["FLASH", "IMMEDIATE", "PRIORITY"]
    # Two PRIORITY events: the more recent (report 5, at T0+2h) comes first.
    assert briefing.top_events[2].event_id == events[4].event_id
    assert briefing.events_total == 5


def test_new_since_last_and_period() -> None:
    events, reports = _world()
    previous = [events[3].event_id, events[0].event_id]
    briefing = build_briefing(events, reports, Classification.SECRET, NOW, previous)
    assert set(briefing.new_event_ids) == {e.event_id for e in events} - set(previous)
    assert {e.event_id for e in briefing.top_events if e.is_new} == set(briefing.new_event_ids)
    assert (briefing.period_start, briefing.period_end) == (T0, NOW)
    since = T0 - timedelta(hours=1)
    assert build_briefing(events, reports, Classification.SECRET, NOW, previous, since=since).period_start == since


def test_counts_by_category_and_area() -> None:
    events, reports = _world()
    briefing = build_briefing(events, reports + [{"report_id": "broken"}], Classification.CONFIDENTIAL, NOW, ())
    assert briefing.counts_by_category == {"enemy_movement": 2, "attack": 1, "routine": 1}
    assert briefing.counts_by_area == {"Diekirch": 1, "Ettelbruck": 1, "Wiltz": 1, "unlocated": 1}
    assert briefing.skipped_reports == 1


def test_json_round_trip() -> None:
    events, reports = _world()
    briefing = build_briefing(events, reports, Classification.SECRET, NOW, [events[0].event_id])
    back = Briefing.from_json(json.loads(json.dumps(briefing.to_json())))
    assert back == briefing
    assert (
        back.briefing_id
        == build_briefing(events, reports, Classification.SECRET, NOW, [events[0].event_id]).briefing_id
    )


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


def test_page_is_self_contained_marked_and_escaped() -> None:
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    events = [
        _event(
            _triaged(
                1,
                classification="SECRET",
                precedence="FLASH",
                summary=f"FLASH · attack · {hostile}",
                place="<b>Wiltz</b>",
            )
        )
    ]
    page = render_html(build_briefing(events, [], Classification.SECRET, NOW, ()), stream_token='t"k<')
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert (
        "<img" not in page
        and '<script>alert("x")' not in page
        and "&lt;script&gt;" in page
        and "&lt;b&gt;Wiltz" in page
    )
    assert "http://" not in page and "https://" not in page and "@import" not in page and "url(" not in page
    parser = _Elements()
    parser.feed(page)
    assert [t for t, _ in parser.tags].count("script") == 1
    banners = [a for t, a in parser.tags if "banner" in (a.get("class") or "")]
    assert len(banners) == 2 and all(b["data-banner"] == "SECRET" for b in banners)
    assert f'[data-banner="SECRET"]{{background:{BANNER_COLOURS[Classification.SECRET]}}}' in page
    for _, attrs in parser.tags:
        if "data-event-id" in attrs:
            assert attrs.get("data-classification") == "SECRET"
    assert any(t == "circle" for t, _ in parser.tags)
    # The inline style and script are exactly the ones the policy allows.
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    policy = next(a["content"] for t, a in parser.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert style and script and policy
    assert _hash(style.group(1)) in policy and _hash(script.group(1)) in policy and "connect-src 'self'" in policy
    assert "EventSource" in script.group(1) and "./briefing/stream?token=" in script.group(1)
    assert parser.tags[0][0] == "html" and parser.tags[0][1].get("data-stream-token") == 't"k<'


def test_banner_colours_by_level() -> None:
    expected = {"UNCLASSIFIED": "#007a33", "RESTRICTED": "#0033a0", "CONFIDENTIAL": "#0033a0", "SECRET": "#c8102e"}
    for level in LEVELS:
        page = render_html(build_briefing([], [], level, NOW, ()))
        assert page.count(f'data-banner="{level.value}">{level.value}</div>') == 2
        assert f'[data-banner="{level.value}"]{{background:{expected[level.value]}}}' in page
        assert "No events at or below this level." in page and "No located events." in page
