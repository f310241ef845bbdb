"""Event correlation: who joins what, corroboration, idempotence and the JSON round trip."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from operators.correlate import (
    COMPATIBLE,
    Assignment,
    CorrelationConfig,
    Correlator,
    Event,
    Member,
    assign,
    categories_compatible,
    corroborated_credibility,
    event_id_for,
    expired,
    member_of,
    parse_event,
)
from schemas.errors import Reason, Rejection
from schemas.reports import Entity, Explanation, Location, Source, TriagedReport
from schemas.vocab import CATEGORIES, Classification, Precedence

T0 = datetime(2026, 11, 26, 14, 30, tzinfo=UTC)
WILTZ = (49.9687, 5.9317)


def _triaged(
    n: int,
    *,
    unit: str = "A Coy",
    reliability: str = "B",
    credibility: int = 3,
    category: str = "attack",
    precedence: str = "IMMEDIATE",
    classification: str = "SECRET",
    releasability: list[str] | None = None,
    at: datetime = T0,
    observed: bool = True,
    where: tuple[float, float] | None = WILTZ,
    place: str | None = "Wiltz",
    entities: list[Entity] | None = None,
) -> TriagedReport:
    location = (
        None
        if where is None
        else Location(mgrs="31U GR 1033 3897", lat=where[0], lon=where[1], precision_m=10.0, name=place)
    )
    return TriagedReport(
        alert_id=f"alert-{n}",
        report_id=f"r{n}",
        received_at=at + timedelta(minutes=5),
        source=Source(unit=unit, reliability=reliability),
        credibility=credibility,
        classification=classification,
        releasability=releasability,
        format="free_text",
        dtg=None,
        text="Enemy fire vic Wiltz",
        language="en",
        category=category,
        category_scores={category: 0.9},
        precedence=precedence,
        priority_score=0.7,
        entities=entities or [],
        location=location,
        observed_at=at if observed else None,
        summary=f"{precedence} · {category.replace('_', ' ')} · taking fire · Wiltz",
        explanation=Explanation(reason="r", factors=[]),
        models=[],
        triaged_at=at + timedelta(minutes=6),
    )


def _run(
    *reports: TriagedReport | dict[str, Any], config: CorrelationConfig | None = None
) -> tuple[dict[str, Event], list[Assignment]]:
    correlator = Correlator(config)
    store: dict[str, Event] = {}
    out: list[Assignment] = []
    for report in reports:
        result = correlator.assign(store, report)
        assert not isinstance(result, Rejection), result
        store[result.event.event_id] = result.event
        out.append(result)
    return store, out


def _km_north(km: float) -> tuple[float, float]:
    return WILTZ[0] + km / 111.2, WILTZ[1]


def test_first_report_makes_a_new_event_with_a_deterministic_id() -> None:
    store, [first] = _run(_triaged(1))
    assert first.is_new
    assert first.event.event_id == event_id_for("alert-1") == _run(_triaged(1))[1][0].event.event_id
    assert first.event.report_ids == ("r1",) and first.event.alert_ids == ("alert-1",)


def test_reports_close_in_space_and_time_join_one_event() -> None:
    store, results = _run(_triaged(1), _triaged(2, unit="B Coy", where=_km_north(3), at=T0 + timedelta(minutes=40)))
    assert [r.is_new for r in results] == [True, False]
    assert len(store) == 1
    event = results[-1].event
    assert event.report_ids == ("r1", "r2") and event.independent_sources == 2
    assert event.sources == frozenset({"A Coy", "B Coy"})
    assert event.first_seen == T0 and event.last_seen == T0 + timedelta(minutes=40)
    assert event.lat is not None and WILTZ[0] < event.lat < _km_north(3)[0]
    assert 1.0 < event.radius_km < 2.0
    assert event.mgrs == "31U GR 1033 3897"


def test_too_far_too_late_or_incompatible_makes_a_new_event() -> None:
    far = _triaged(2, where=_km_north(6))
    late = _triaged(3, at=T0 + timedelta(hours=2, minutes=1))
    incompatible = _triaged(4, category="cyber_ew")
    for other in (far, late, incompatible):
        store, results = _run(_triaged(1), other)
        assert results[-1].is_new and len(store) == 2


def test_radius_and_window_are_configurable() -> None:
    config = CorrelationConfig(radius_km=10.0, window=timedelta(hours=3))
    store, _ = _run(_triaged(1), _triaged(2, where=_km_north(8), at=T0 + timedelta(hours=2, minutes=30)), config=config)
    assert len(store) == 1


def test_received_time_stands_in_for_a_missing_observed_time() -> None:
    # received_at is 5 minutes after `at`: 2 h 3 min after T0 is within the window of the
    # received time only.
    later = T0 + timedelta(hours=2, minutes=3)
    assert len(_run(_triaged(1, observed=False), _triaged(2, at=later))[0]) == 1
    assert len(_run(_triaged(1), _triaged(2, at=later))[0]) == 2


def test_compatibility_table() -> None:
    assert categories_compatible("attack", "enemy_movement") and categories_compatible("enemy_movement", "attack")
    assert categories_compatible("air_activity", "attack") and categories_compatible("cbrn", "attack")
    assert all(not categories_compatible("routine", c) for c in CATEGORIES if c != "routine")
    assert categories_compatible("routine", "routine")
    assert all(len(pair) == 2 and pair <= set(CATEGORIES) for pair in COMPATIBLE)


def test_an_event_stays_mutually_compatible() -> None:
    # cbrn~attack and attack~enemy_movement, but cbrn and enemy_movement are not: the third stays out.
    store, results = _run(
        _triaged(1, category="attack"), _triaged(2, category="cbrn"), _triaged(3, category="enemy_movement")
    )
    assert [r.is_new for r in results] == [True, False, True]
    assert results[1].event.compatible_categories() == frozenset({"attack", "cbrn"})


def test_routine_joins_only_routine() -> None:
    store, results = _run(
        _triaged(1, category="routine"), _triaged(2, category="attack"), _triaged(3, category="routine", unit="B Coy")
    )
    assert [r.is_new for r in results] == [True, True, False]
    assert results[2].event.report_ids == ("r1", "r3")


def test_unlocated_report_joins_only_by_place_name() -> None:
    named = _triaged(2, unit="B Coy", where=None, entities=[Entity(label="LOCATION", text="wiltz", start=0, end=5)])
    store, results = _run(_triaged(1), named)
    assert not results[1].is_new and results[1].event.report_ids == ("r1", "r2")
    other_place = _triaged(3, where=None, entities=[Entity(label="LOCATION", text="Diekirch", start=0, end=8)])
    nameless = _triaged(4, where=None)
    store, results = _run(_triaged(1), other_place, nameless)
    assert [r.is_new for r in results] == [True, True, True]


def test_the_nearest_candidate_wins_whatever_the_snapshot_order() -> None:
    a = Event.of([_member(_triaged(1, where=_km_north(0)))])
    b = Event.of([_member(_triaged(2, where=_km_north(4)))])
    report = _triaged(3, where=_km_north(3))
    for snapshot in ({a.event_id: a, b.event_id: b}, {b.event_id: b, a.event_id: a}):
        result = assign(snapshot, report)
        assert not isinstance(result, Rejection)
        assert result.event.event_id == b.event_id


def _member(report: TriagedReport | dict[str, Any]) -> Member:
    member = member_of(report)
    assert isinstance(member, Member), member
    return member


def test_the_same_report_twice_is_counted_once() -> None:
    store, results = _run(_triaged(1), _triaged(2, unit="B Coy"), _triaged(2, unit="B Coy"), _triaged(1))
    assert [r.is_new for r in results] == [True, False, False, False]
    event = results[-1].event
    assert event.report_ids == ("r1", "r2") and event.independent_sources == 2
    assert results[2].event is store[event.event_id] or results[2].event == event


def test_assign_is_pure_and_batch_sees_its_own_events() -> None:
    snapshot: dict[str, Event] = {}
    assert not isinstance(assign(snapshot, _triaged(1)), Rejection)
    assert snapshot == {}
    results = Correlator().assign_batch(snapshot, [_triaged(1), _triaged(2, unit="B Coy"), {"report_id": "bad"}])
    assert isinstance(results[2], Rejection)
    first, second = results[0], results[1]
    assert isinstance(first, Assignment) and isinstance(second, Assignment)
    assert first.is_new and not second.is_new and second.event.event_id == first.event.event_id


def test_dict_and_record_give_the_same_event() -> None:
    as_dict = json.loads(_triaged(1).dumps())
    assert _member(as_dict) == _member(_triaged(1))


def test_bad_reports_are_rejections_not_exceptions() -> None:
    good = json.loads(_triaged(1).dumps())
    cases = {
        "missing id": ({**good, "report_id": None}, Reason.MISSING_FIELD),
        "bad level": ({**good, "classification": "TOP SECRET"}, Reason.UNKNOWN_CLASSIFICATION),
        "bad category": ({**good, "category": "weather"}, Reason.INVALID_VALUE),
        "naive time": ({**good, "received_at": "2026-11-26T14:30:00"}, Reason.INVALID_VALUE),
        "no source": ({**good, "source": None}, Reason.MISSING_FIELD),
        "bad grade": ({**good, "credibility": 9}, Reason.INVALID_VALUE),
    }
    for name, (report, reason) in cases.items():
        result = assign({}, report)
        assert isinstance(result, Rejection) and result.reason is reason and result.step == "correlate", name
    assert isinstance(member_of(42), Rejection)  # type: ignore[arg-type]


def test_classification_is_the_highest_and_releasability_the_intersection() -> None:
    _, results = _run(
        _triaged(1, classification="RESTRICTED", releasability=["LUX", "NATO", "FVEY"]),
        _triaged(2, classification="SECRET", releasability=["LUX", "NATO"]),
        _triaged(3, classification="UNCLASSIFIED", releasability=None),
    )
    event = results[-1].event
    assert event.classification is Classification.SECRET
    assert event.releasability == frozenset({"LUX", "NATO"})
    _, [only] = _run(_triaged(4, releasability=None))
    assert only.event.releasability is None  # no caveat on any member: unrestricted


def test_precedence_category_and_fused_summary() -> None:
    _, results = _run(
        _triaged(1, precedence="PRIORITY", category="enemy_movement"),
        _triaged(2, unit="B Coy", precedence="FLASH", category="attack", at=T0 + timedelta(minutes=30)),
        _triaged(3, unit="C Coy", precedence="IMMEDIATE", category="attack", at=T0 + timedelta(minutes=45)),
    )
    event = results[-1].event
    assert event.precedence is Precedence.FLASH and event.category == "attack"
    assert event.categories == frozenset({"attack", "enemy_movement"})
    assert event.summary == (
        "FLASH · attack · 3 reports from 3 sources · Wiltz (31U GR 1033 3897) · 261430Z–261515Z — taking fire · Wiltz"
    )
    assert _run(_triaged(9, where=None, place=None))[1][0].event.summary.startswith(
        "IMMEDIATE · attack · 1 report from 1 source · location unknown · 261430Z"
    )


def test_corroboration_rule() -> None:
    def grade(*members: tuple[str, str, int, str]) -> int:
        reports = [
            _triaged(i, unit=u, reliability=r, credibility=c, category=cat) for i, (u, r, c, cat) in enumerate(members)
        ]
        return corroborated_credibility([_member(r) for r in reports])

    assert grade(("A Coy", "B", 3, "attack")) == 3
    assert grade(("A Coy", "B", 3, "attack"), ("A Coy", "B", 4, "attack")) == 3  # the same unit twice is one source
    assert grade(("A Coy", "B", 3, "attack"), ("B Coy", "C", 4, "attack")) == 2
    assert grade(("A Coy", "B", 2, "attack"), ("B Coy", "C", 4, "attack")) == 2  # never better than 2 ...
    assert grade(("A Coy", "A", 2, "attack"), ("B Coy", "C", 4, "attack")) == 1  # ... unless a source is A
    assert grade(("A Coy", "F", 6, "attack"), ("B Coy", "F", 6, "attack")) == 3  # ungraded becomes possibly true
    assert grade(("A Coy", "D", 4, "attack"), ("B Coy", "E", 5, "attack"), ("C Coy", "F", 6, "attack")) == 2
    assert grade(("A Coy", "B", 3, "attack"), ("B Coy", "E", 5, "attack"), ("C Coy", "F", 6, "attack")) == 1
    assert grade(("A Coy", "B", 3, "attack"), ("B Coy", "E", 5, "cbrn"), ("C Coy", "F", 6, "attack")) == 2  # disagree
    assert (
        grade(("A Coy", "A", 1, "attack"), ("B Coy", "E", 5, "cbrn"), ("C Coy", "F", 6, "attack")) == 1
    )  # never worse


@given(
    st.lists(
        st.tuples(st.sampled_from(["A Coy", "B Coy", "C Coy", "D Coy"]), st.sampled_from("ABCDEF"), st.integers(1, 6)),
        min_size=1,
        max_size=6,
    )
)
def test_corroboration_is_bounded(members: list[tuple[str, str, int]]) -> None:
    items = [_member(_triaged(i, unit=u, reliability=r, credibility=c)) for i, (u, r, c) in enumerate(members)]
    best = min(c for _, _, c in members)
    result = corroborated_credibility(items)
    assert 1 <= result <= best
    if len({u for u, _, _ in members}) == 1:
        assert result == best
    if result == 1 and best > 1:
        assert {"A", "B"} & {r for _, r, _ in members}


def test_json_round_trip_keeps_the_event() -> None:
    _, results = _run(
        _triaged(1, releasability=["LUX"]),
        _triaged(
            2,
            unit="B Coy",
            where=None,
            entities=[Entity(label="LOCATION", text="Wiltz", start=0, end=5)],
            observed=False,
        ),
    )
    event = results[-1].event
    wire = json.loads(json.dumps(event.to_json()))
    back = Event.from_json(wire)
    assert back == event
    assert back.summary == event.summary and back.credibility == event.credibility
    assert wire["independent_sources"] == 2 and wire["classification"] == "SECRET"
    assert isinstance(parse_event({"event_id": "x"}), Rejection)
    assert isinstance(parse_event("nope"), Rejection)


def test_expired_events() -> None:
    store, _ = _run(_triaged(1), _triaged(2, where=_km_north(50), at=T0 + timedelta(hours=5)))
    old = [e.event_id for e in store.values() if e.report_ids == ("r1",)]
    assert expired(store, T0 + timedelta(hours=6), keep=timedelta(hours=4)) == old


def test_event_index_agrees_with_the_full_scan() -> None:
    import random

    from operators.correlate import EventIndex, assign_member, member_of

    rng = random.Random(5)
    base = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    places = ["Wiltz", "Diekirch", "Arlon", None]
    reports = []
    for i in range(300):
        located = rng.random() < 0.7
        reports.append(
            {
                "alert_id": f"a{i}",
                "report_id": f"r{i}",
                "received_at": (base + timedelta(minutes=rng.randint(0, 600))).isoformat(),
                "source": {"unit": f"u{rng.randint(0, 5)}", "reliability": "B"},
                "credibility": 3,
                "classification": "SECRET",
                "releasability": None,
                "category": rng.choice(["attack", "enemy_movement", "routine"]),
                "precedence": "PRIORITY",
                "summary": "s",
                "observed_at": None,
                "entities": [],
                "location": {
                    "mgrs": None,
                    "lat": 49.5 + rng.random() * 0.6,
                    "lon": 5.8 + rng.random() * 0.6,
                    "precision_m": 10.0,
                    "name": rng.choice(places),
                }
                if located
                else None,
            }
        )
    index = EventIndex()
    full: dict = {}
    for report in reports:
        member = member_of(report)
        expected = assign_member(full, member)
        full[expected.event.event_id] = expected.event
        got = index.assign(report)
        assert got.event.event_id == expected.event.event_id and got.is_new == expected.is_new
    assert set(index) == set(full)
    assert index.assign(reports[0]).is_new is False  # idempotent
