"""SALUTE and SPOT reports: label styles, languages, offsets, rejections and round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operators.entities.equipment import match_equipment
from operators.normalise.structured import (
    MAX_CHARS,
    SALUTE_SLOTS,
    SPOT_SLOTS,
    StructuredReport,
    parse_structured,
    parse_structured_batch,
)
from schemas.errors import Reason, Rejection

BRIEF_EXAMPLE = "S: 2x T-72\nA: moving north\nL: 31U GR 1033 3897\nU: unk\nT: 261430ZNOV26\nE: T-72B3"
EXPECTED = {
    "size": "2x T-72",
    "activity": "moving north",
    "location": "31U GR 1033 3897",
    "unit": "unk",
    "time": "261430ZNOV26",
    "equipment": "T-72B3",
}


def _report(source: object) -> StructuredReport:
    result = parse_structured(source)
    assert isinstance(result, StructuredReport), result
    return result


def _rejection(source: object) -> Rejection:
    result = parse_structured(source)
    assert isinstance(result, Rejection), result
    assert result.step == "salute"
    return result


def test_letter_labels() -> None:
    report = _report(BRIEF_EXAMPLE)
    assert (report.kind, report.language, dict(report.slots)) == ("salute", "en", EXPECTED)
    assert report.to_text() == (
        "Size: 2x T-72. Activity: moving north. Location: 31U GR 1033 3897. Unit: unk. "
        "Time: 261430ZNOV26. Equipment: T-72B3."
    )


@pytest.mark.parametrize(
    "text",
    [
        "SIZE: 2x T-72\nACTIVITY: moving north\nLOCATION: 31U GR 1033 3897\nUNIT: unk\nTIME: 261430ZNOV26\n"
        "EQUIPMENT: T-72B3",
        "SALUTE REPORT\r\nS - 2x T-72\r\nA - moving north\r\nL - 31U GR 1033 3897\r\nU - unk\r\n"
        "T - 261430ZNOV26\r\nE - T-72B3\r\n",
        "s) 2x T-72; a) moving north; l) 31U GR 1033 3897; u) unk; t) 261430ZNOV26; e) T-72B3",
        "S - SIZE: 2x T-72\nA - ACTIVITY: moving north\nL - LOCATION: 31U GR 1033 3897\nU - UNIT: unk\n"
        "T - TIME: 261430ZNOV26\nE - EQUIPMENT: T-72B3",
        "  S:   2x T-72  \n\nA: moving north\nL: 31U GR 1033 3897\nU: unk\nT:261430ZNOV26\nE: T-72B3",
    ],
)
def test_label_styles(text: str) -> None:
    assert dict(_report(text).slots) == EXPECTED


def test_french_labels() -> None:
    report = _report(
        "TAILLE : 3 chars\nACTIVITÉ : en position\nLIEU : 31U GR 10 38\nUNITÉ : inconnue\n"
        "HEURE : 261430Z NOV 26\nÉQUIPEMENT : T-72B3"
    )
    assert report.language == "fr"
    assert list(report.slots) == list(SALUTE_SLOTS)
    assert report.to_text().startswith("Taille: 3 chars. Activité: en position. Lieu: 31U GR 10 38.")
    assert report.to_text("en").startswith("Size: 3 chars.")


def test_german_labels_without_accents() -> None:
    report = _report(
        "STAERKE: 2 Kampfpanzer\nTAETIGKEIT: Vormarsch\nORT: Diekirch\nEINHEIT: unbekannt\nZEIT: 261430A\n"
        "AUSRUESTUNG: T-72"
    )
    assert report.language == "de"
    assert report.slots["activity"] == "Vormarsch"
    assert report.to_text().startswith("Stärke: 2 Kampfpanzer. Tätigkeit: Vormarsch. Ort: Diekirch.")


def test_german_labels() -> None:
    report = _report("STÄRKE: Zug\nTÄTIGKEIT: gräbt sich ein\nORT: Diekirch\nZEIT: 261430A\nAUSRÜSTUNG: BMP-2")
    assert set(report.slots) == {"size", "activity", "location", "time", "equipment"}


def test_spot_numbered_lines() -> None:
    text = (
        "SPOTREP\nLINE 1 - DTG: 261500ZNOV26\nLINE 2 - UNIT: B/2-8 IN\nLINE 3 - SIZE: 2x tanks\n"
        "LINE 4: moving west\nLINE 5 - LOCATION: 31U GR 1033 3897\nLINE 6 - UNIT: unk\nLINE 7 - TIME: 261430Z\n"
        "LINE 8 - EQUIPMENT: T-72B3\nLINE 9 - ASSESSMENT: recce in force\nLINE 10 - NARRATIVE: seen from OP 3\n"
        "LINE 11 - AUTHENTICATION: AB"
    )
    report = _report(text)
    assert report.kind == "spot"
    assert list(report.slots) == list(SPOT_SLOTS)
    assert report.slots["reporting_unit"] == "B/2-8 IN"
    assert report.slots["unit"] == "unk"
    assert report.slots["activity"] == "moving west"


def test_spot_in_french_and_with_letters() -> None:
    report = _report("LIGNE 1 : 261500Z\nLIGNE 3 : 2 chars\nLIGNE 5 : Wiltz")
    assert (report.kind, report.language) == ("spot", "fr")
    assert dict(report.slots) == {"report_time": "261500Z", "size": "2 chars", "location": "Wiltz"}
    assert _report("SPOT REPORT\nS: 2 tanks\nL: Wiltz").kind == "spot"


def test_multi_line_value_and_offsets() -> None:
    text = "SALUTE\nS: 2x T-72\nA: moving north\n   towards Ettelbruck\nL: 31U GR 1033 3897\nE: T-72B3"
    report = _report(text)
    assert report.slots["activity"] == "moving north\n   towards Ettelbruck"
    rendered = report.render()
    assert "\n" not in rendered.text
    assert "Activity: moving north towards Ettelbruck." in rendered.text
    start = rendered.text.index("Ettelbruck")
    end = start + len("Ettelbruck")
    value_start = rendered.text.index("moving")
    assert rendered.locate(start, end) == ("activity", start - value_start, end - value_start)
    source = rendered.to_source(start, end)
    assert source is not None and text[source[0] : source[1]] == "Ettelbruck"
    for start, end, canonical in match_equipment(rendered.text):
        source = rendered.to_source(start, end)
        assert source is not None
        assert text[source[0] : source[1]] == rendered.text[start:end]
        assert canonical in ("T-72", "T-72B3")
    assert rendered.locate(0, 4) is None  # the label itself belongs to no slot


def test_preamble_kept_as_remarks() -> None:
    report = _report("Patrol 3 sends:\nS: 2 tanks\nA: static")
    assert report.slots["remarks"] == "Patrol 3 sends:"
    assert report.source_spans["remarks"] == (0, 15)


def test_dict_input() -> None:
    report = _report({"S": "2x T-72", "activity": " moving ", "LIEU": "Wiltz", "unit": None, "time": ""})
    assert dict(report.slots) == {"size": "2x T-72", "activity": "moving", "location": "Wiltz"}
    rendered = report.render()
    start = rendered.text.index("Wiltz")
    assert rendered.locate(start, start + 5) == ("location", 0, 5)
    assert rendered.to_source(start, start + 5) is None
    assert _report({"narrative": "x", "size": "y"}).kind == "spot"


def test_batch() -> None:
    results = parse_structured_batch([BRIEF_EXAMPLE, 42, {"S": "a"}])
    assert [type(r).__name__ for r in results] == ["StructuredReport", "Rejection", "StructuredReport"]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("", Reason.SALUTE_UNPARSEABLE),
        ("Two tanks moving north of Wiltz.", Reason.SALUTE_UNPARSEABLE),
        ("A: only one label here", Reason.SALUTE_UNPARSEABLE),
        ("S: 2 tanks\nS: 3 tanks\nA: moving", Reason.SALUTE_DUPLICATE_SLOT),
        ("S:\nA:\n", Reason.SALUTE_EMPTY),
        ("S: x\nA: " + "y" * MAX_CHARS, Reason.SALUTE_TOO_LONG),
        ({"colour": "red"}, Reason.SALUTE_UNKNOWN_SLOT),
        ({1: "red"}, Reason.SALUTE_UNKNOWN_SLOT),
        ({"size": 3}, Reason.SALUTE_BAD_VALUE),
        ({"size": "a", "S": "b"}, Reason.SALUTE_DUPLICATE_SLOT),
        ({"size": "  ", "unit": None}, Reason.SALUTE_EMPTY),
        ({}, Reason.SALUTE_EMPTY),
        (None, Reason.SALUTE_BAD_INPUT),
        (b"S: 2\nA: 3", Reason.SALUTE_BAD_INPUT),
        (["S: 2"], Reason.SALUTE_BAD_INPUT),
    ],
)
def test_rejections(source: object, reason: str) -> None:
    assert _rejection(source).reason == reason


_value = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=";|"),
        min_size=1,
        max_size=30,
    )
    .map(lambda v: " ".join(v.split()))
    .filter(bool)
)


@settings(max_examples=150, deadline=None)
@given(
    slots=st.dictionaries(st.sampled_from(SALUTE_SLOTS), _value, min_size=2),
    language=st.sampled_from(["en", "fr", "de"]),
)
def test_salute_round_trip(slots: dict[str, str], language: str) -> None:
    report = _report(slots)
    text = report.to_lines(language)  # type: ignore[arg-type]
    again = _report(text)
    assert dict(again.slots) == dict(report.slots)
    assert again.kind == "salute"
    rendered = again.render()
    for slot, value in again.slots.items():
        span = next(s for s in rendered.spans if s.slot == slot)
        assert rendered.text[span.start : span.end] == value
        source = rendered.to_source(span.start, span.end) if value else None
        assert source is not None and text[source[0] : source[1]] == value


@settings(max_examples=100, deadline=None)
@given(
    slots=st.dictionaries(st.sampled_from(SPOT_SLOTS), _value, min_size=2),
    language=st.sampled_from(["en", "fr", "de"]),
)
def test_spot_round_trip(slots: dict[str, str], language: str) -> None:
    report = _report({**slots, "narrative": "observed"})
    again = _report(report.to_lines(language))  # type: ignore[arg-type]
    assert (again.kind, dict(again.slots)) == ("spot", dict(report.slots))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    result = parse_structured(text)
    if isinstance(result, StructuredReport):
        assert "\n" not in result.to_text()
        for slot, (start, end) in result.source_spans.items():
            assert text[start:end] == result.slots[slot]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["S", "A", "L", "U", "T", "E", "LINE 3", "LINE 12", "TAILLE", "ORT", "x", ""]),
            st.sampled_from([":", " -", ")", "", " :"]),
            st.text(max_size=12),
        ),
        max_size=8,
    ).map(lambda rows: "\n".join(f"{a}{b} {c}" for a, b, c in rows))
)
def test_report_shaped_junk_never_raises(text: str) -> None:
    result = parse_structured(text)
    assert isinstance(result, (StructuredReport, Rejection))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=8) | st.integers(), st.none() | st.text(max_size=8) | st.integers()))
def test_arbitrary_mappings_never_raise(source: dict[object, object]) -> None:
    assert isinstance(parse_structured(source), (StructuredReport, Rejection))
