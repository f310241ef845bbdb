"""STIX 2.1 export: valid for the OASIS validator, marked, deterministic, confidence monotonic."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import stix2validator

from operators.correlate import Event, Member, member_of
from operators.render.stix import (
    CREDIBILITY_CONFIDENCE,
    RELIABILITY_WEIGHT,
    bundle_for,
    confidence_for,
    stix_id,
)
from schemas.reports import Explanation, Location, Source, TriagedReport
from schemas.vocab import CREDIBILITY_GRADES, RELIABILITY_GRADES, Classification

T0 = datetime(2026, 11, 26, 14, 30, tzinfo=UTC)


def _triaged(
    n: int,
    unit: str,
    *,
    classification: str = "SECRET",
    located: bool = True,
    releasability: list[str] | None = None,
    reliability: str = "B",
    credibility: int = 2,
) -> TriagedReport:
    return TriagedReport(
        alert_id=f"alert-{n}",
        report_id=f"r{n}",
        received_at=T0 + timedelta(minutes=n),
        source=Source(unit=unit, reliability=reliability),
        credibility=credibility,
        classification=classification,
        releasability=releasability,
        format="free_text",
        dtg=None,
        text=f"Contact vic Wiltz, report {n} <&>",
        language="en",
        category="attack",
        category_scores={"attack": 0.9},
        precedence="FLASH",
        priority_score=0.9,
        entities=[],
        location=Location(mgrs="31U GR 1033 3897", lat=49.97 + n / 1000, lon=5.93, precision_m=10.0, name="Wiltz")
        if located
        else None,
        observed_at=T0,
        summary=f"FLASH · attack · troops in contact · report {n}",
        explanation=Explanation(reason="r", factors=[]),
        models=[],
        triaged_at=T0 + timedelta(minutes=n),
    )


def _event(*reports: TriagedReport) -> Event:
    members = [member_of(r) for r in reports]
    return Event.of([m for m in members if isinstance(m, Member)])


def _world() -> tuple[list[Event], list[TriagedReport]]:
    reports = [
        _triaged(1, "A Coy", releasability=["LUX", "NATO"]),
        _triaged(2, "B Coy", classification="RESTRICTED", releasability=["NATO", "LUX", "FVEY"]),
        _triaged(3, "C Coy", classification="UNCLASSIFIED", located=False, credibility=6, reliability="F"),
    ]
    return [_event(reports[0], reports[1]), _event(reports[2])], reports


def _objects(bundle: Any) -> list[dict[str, Any]]:
    return list(json.loads(bundle.serialize())["objects"])


def test_bundle_passes_the_oasis_validator() -> None:
    events, reports = _world()
    result = stix2validator.validate_string(bundle_for(events, reports).serialize())
    assert result.is_valid, [str(e) for o in result.object_results for e in o.errors]


def test_structure_refs_and_markings() -> None:
    events, reports = _world()
    objects = _objects(bundle_for(events, reports))
    by_type: dict[str, list[dict[str, Any]]] = {}
    for o in objects:
        by_type.setdefault(o["type"], []).append(o)
    assert len(by_type["identity"]) == 1 and by_type["identity"][0]["identity_class"] == "system"
    assert len(by_type["report"]) == 2 and len(by_type["note"]) == 3 and len(by_type["location"]) == 1
    statements = {m["id"]: m["definition"]["statement"] for m in by_type["marking-definition"]}
    assert {"SECRET", "RESTRICTED", "UNCLASSIFIED", "REL TO LUX, NATO", "REL TO FVEY, LUX, NATO"} <= set(
        statements.values()
    )
    ids = {o["id"] for o in objects}
    for o in objects:
        for ref in o.get("object_refs", []) + o.get("object_marking_refs", []):
            assert ref in ids, ref
        if o["type"] in ("report", "note", "location"):
            assert o["created_by_ref"] == by_type["identity"][0]["id"]
            assert any(statements[m] in {level.value for level in Classification} for m in o["object_marking_refs"])

    secret = next(r for r in by_type["report"] if r["id"] == stix_id("report", events[0].event_id))
    assert {statements[m] for m in secret["object_marking_refs"]} == {"SECRET", "REL TO LUX, NATO"}
    assert secret["name"] == events[0].summary and secret["labels"] == ["attack", "flash"]
    assert len(secret["object_refs"]) == 3  # its location and two notes
    location = by_type["location"][0]
    assert location["name"] == "Wiltz" and abs(location["latitude"] - events[0].lat) < 1e-6
    note = next(n for n in by_type["note"] if n["id"] == stix_id("note", "r2"))
    assert {statements[m] for m in note["object_marking_refs"]} == {"RESTRICTED", "REL TO FVEY, LUX, NATO"}
    assert note["content"] == "Contact vic Wiltz, report 2 <&>" and note["abstract"].startswith("FLASH · attack")
    assert secret["id"] in note["object_refs"]
    unlocated = next(r for r in by_type["report"] if r["id"] == stix_id("report", events[1].event_id))
    assert "confidence" not in unlocated  # F6: nothing can be judged


def test_ids_are_deterministic_and_the_level_cap_leaves_out_whole_events() -> None:
    events, reports = _world()
    assert (
        bundle_for(events, reports).serialize()
        == bundle_for(list(reversed(events)), {r.report_id: r for r in reports}).serialize()
    )
    capped = _objects(bundle_for(events, reports, max_level=Classification.RESTRICTED))
    assert [o["id"] for o in capped if o["type"] == "report"] == [stix_id("report", events[1].event_id)]
    assert "SECRET" not in json.dumps(capped)


def test_without_report_texts_notes_carry_the_summary() -> None:
    events, _ = _world()
    notes = [o for o in _objects(bundle_for(events)) if o["type"] == "note"]
    assert all(n["content"] == n["abstract"] for n in notes)


def test_confidence_mapping_is_monotonic() -> None:
    assert confidence_for("A", 1) == 95 and confidence_for("B", 2) == 68 and confidence_for("F", 5) == 8
    assert confidence_for("A", 6) is None and confidence_for("F", 6) is None and confidence_for("Z", 1) is None
    graded = [c for c in CREDIBILITY_GRADES if CREDIBILITY_CONFIDENCE[c] is not None]
    for r_index, reliability in enumerate(RELIABILITY_GRADES):
        for c_index, credibility in enumerate(graded):
            value = confidence_for(reliability, credibility)
            assert value is not None and 0 <= value <= 100
            if r_index + 1 < len(RELIABILITY_GRADES):
                worse_source = confidence_for(RELIABILITY_GRADES[r_index + 1], credibility)
                assert worse_source is not None and worse_source <= value
            if c_index + 1 < len(graded):
                worse_information = confidence_for(reliability, graded[c_index + 1])
                assert worse_information is not None and worse_information < value
    assert list(RELIABILITY_WEIGHT) == list(RELIABILITY_GRADES)


def test_corroboration_raises_the_event_confidence() -> None:
    single = _event(_triaged(5, "A Coy", credibility=3))
    corroborated = _event(
        _triaged(1, "A Coy", credibility=3), _triaged(2, "B Coy", credibility=3), _triaged(4, "C Coy", credibility=3)
    )
    confidence = {
        o["id"]: o.get("confidence") for o in _objects(bundle_for([single, corroborated])) if o["type"] == "report"
    }
    assert confidence[stix_id("report", corroborated.event_id)] > confidence[stix_id("report", single.event_id)]  # type: ignore[operator]
