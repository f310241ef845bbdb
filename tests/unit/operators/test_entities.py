"""The spaCy entity pipeline: rule components, the model component, and the merge policy."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from operators.entities.extract import Found, build_nlp, extract, merge

NOW = datetime(2026, 11, 26, 16, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def labels(found: list[Found]) -> list[tuple[str, str]]:
    return [(f.label, f.text) for f in found]


def test_rules_find_every_kind(nlp) -> None:
    text = "2x T-72B3 moving N on N7 vic Ettelbruck at 31U GR 1033 3897, 261430ZNOV26. 12 pax dismounted."
    (found,) = extract(nlp, [text], [NOW])
    got = labels(found)
    for expected in [
        ("QUANTITY", "2x"),
        ("EQUIPMENT", "T-72B3"),
        ("LOCATION", "Ettelbruck"),
        ("GRID", "31U GR 1033 3897"),
        ("DTG", "261430ZNOV26"),
        ("QUANTITY", "12 pax"),
    ]:
        assert expected in got
    grid = next(f for f in found if f.label == "GRID")
    assert grid.normalized == "31U GR 1033 3897" and grid.source == "parser"
    for f in found:
        assert text[f.start : f.end] == f.text


def test_model_spans_fill_gaps_but_never_override_rules(nlp) -> None:
    text = "1st Recce Sqn reports T-72B3 at Wiltz, Capt Meyer on scene"

    def at(s: str) -> tuple[int, int]:
        return text.index(s), text.index(s) + len(s)

    model = [
        ("UNIT", *at("1st Recce Sqn"), 0.9),
        ("LOCATION", *at("T-72B3"), 0.9),
        ("PERSON", *at("Capt Meyer"), 0.8),
        ("ORG", *at("Wiltz"), 0.2),
        ("GRID", 0, 3, 0.99),
    ]
    (found,) = extract(nlp, [text], [NOW], [model])
    got = labels(found)
    assert ("UNIT", "1st Recce Sqn") in got and ("PERSON", "Capt Meyer") in got
    assert ("EQUIPMENT", "T-72B3") in got and ("LOCATION", "T-72B3") not in got
    assert all(label != "GRID" for label, _ in got)  # unvalidated model grids are not evidence
    assert all(label != "ORG" for label, _ in got)  # below the confidence floor


def test_merge_prefers_higher_rank_then_longer() -> None:
    a = Found("LOCATION", 0, 5, "Wiltz", "Wiltz", "model", 0.9)
    b = Found("LOCATION", 0, 5, "Wiltz", "Wiltz", "catalogue")
    c = Found("QUANTITY", 0, 2, "Wi", None, "pattern")
    assert merge([a, c, b]) == [b]


def test_invalid_grids_and_dates_are_not_entities(nlp) -> None:
    (found,) = extract(nlp, ["call 0352 621 234 at 321499ZNOV26 grid 99Z ZZ 1234 5678"], [NOW])
    assert not [f for f in found if f.label in ("GRID", "DTG")]


def test_units_of_measure_are_never_equipment(nlp) -> None:
    text = "3 veh mvg W at 20 kph, ETA 15 min, alt 300 ft, Zhitel jammer at 900 MHz"

    def at(s: str) -> tuple[int, int]:
        return text.index(s), text.index(s) + len(s)

    model = [
        ("EQUIPMENT", *at("kph"), 0.9),
        ("EQUIPMENT", *at("15 min"), 0.9),
        ("EQUIPMENT", *at("300 ft"), 0.9),
        ("EQUIPMENT", *at("Zhitel jammer"), 0.9),
        ("EQUIPMENT", *at("900 MHz"), 0.9),
    ]
    (found,) = extract(nlp, [text], [NOW], [model])
    equipment = [f.text for f in found if f.label == "EQUIPMENT"]
    assert not {"kph", "15 min", "300 ft", "900 MHz"} & set(equipment)
    assert any("Zhitel" in e for e in equipment)


def test_german_dative_plurals_of_equipment() -> None:
    from operators.entities.equipment import match_equipment

    found = match_equipment("Kolonnen mit Panzern, unterstützt von Hubschraubern und Marschflugkörpern")
    assert [name for _, _, name in found] == ["MBT", "helicopter", "cruise missiles"]
    # the -n is read as a dative only after -er and -el: "Patrioten" are people, not the missile system
    assert match_equipment("die Patrioten marschierten") == []
