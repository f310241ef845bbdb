"""Cues carry evidence spans; the BLUF line is English and complete."""

from __future__ import annotations

from datetime import UTC, datetime

from operators.policy.cues import find_cues, kinds
from operators.summarise import SummaryInput, bluf, casualties


def test_cues_have_exact_spans() -> None:
    text = "Patrouille sous le feu près de Wiltz, 2 blessés, demandons appui"
    for cue in find_cues(text):
        assert text[cue.start : cue.end] == cue.text
    assert {"contact", "casualties", "support_request"} <= kinds(find_cues(text))


def test_routine_and_negation_cues() -> None:
    assert "routine_marker" in kinds(find_cues("KBV, Lage ruhig"))
    assert "negation" in kinds(find_cues("Suspected IED cleared, no IED found, false alarm"))


def test_casualties_normalised_across_languages() -> None:
    assert casualties("2 WIA and 1 KIA, then 1 wounded") == ["3 WIA", "1 KIA"]
    assert casualties("3 Verwundete, 2 Tote") == ["3 WIA", "2 KIA"]
    assert casualties("deux blessés") == []


def test_bluf_line() -> None:
    text = "Sous le feu à Wiltz, 2 blessés"
    line = bluf(
        SummaryInput(
            "FLASH",
            "attack",
            text,
            find_cues(text),
            ["T-72B3"],
            "31U GR 1033 3897",
            "Wiltz",
            datetime(2026, 11, 26, 15, 2, tzinfo=UTC),
            None,
            "B",
            2,
        )
    )
    assert line == "FLASH · attack · troops in contact, 2 WIA · T-72B3 · 31U GR 1033 3897 (Wiltz) · 261502Z · source B2"


def test_negated_cues_do_not_count() -> None:
    from operators.policy.cues import find_cues

    for text in (
        "no casualties",
        "Keine Verletzten.",
        "pas de blessés",
        "aucun blessé",
        "sans victimes",
        "0 KIA",
        "no incoming rounds",
    ):
        assert not [c for c in find_cues(text) if c.kind in ("casualties", "incoming")], text
    kinds = [c.kind for c in find_cues("TIC, 2 WIA, no KIA; 2 Leichtverwundete")]
    assert kinds.count("casualties") == 2 and "contact" in kinds
    # (the clock time is a fact of its own, time_mark, for the stand-down rule)
    found = find_cues("ALL CLEAR 1125Z, levée de doute, Entwarnung")
    assert [c.kind for c in found if c.kind != "time_mark"] == ["cleared"] * 3
    assert [c.text for c in found if c.kind == "time_mark"] == ["1125Z"]
