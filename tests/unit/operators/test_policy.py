"""The policy as data: it loads, every row's examples match and counter-examples do not, a broken
policy is caught, and the factors of a judgement add up to its score."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from operators.policy.cues import find_cues
from operators.policy.engine import DATA, PolicyError, check, default, load_policy
from operators.prioritise import AreaOfInterest, PriorityInput, prioritise
from pipeline.cli import main
from schemas.vocab import CATEGORIES

POLICY = load_policy()
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def test_the_shipped_policy_checks_clean_and_names_its_version() -> None:
    assert check(POLICY) == []
    assert POLICY.name.startswith(POLICY.version + "+") and len(POLICY.name.split("+")[1]) == 12
    assert len(POLICY.cues) > 50 and len(POLICY.terms) > 30 and len(POLICY.rules) >= 10


@pytest.mark.parametrize("row", POLICY.cues, ids=lambda r: r.id)
def test_each_cue_row_finds_its_examples_and_not_its_counter_examples(row) -> None:  # type: ignore[no-untyped-def]
    assert check(replace(POLICY, cues=(row,), terms=())) == []
    for example in row.examples:  # and in the whole policy, the example gives a cue of the row's kind
        if POLICY.kinds[row.kind].screen_only:  # read by the urgency screen alone
            assert default().screen(example), example
            continue
        assert {c.kind for c in find_cues(example)} & {row.kind, "past_threat"}, example


@pytest.mark.parametrize("row", POLICY.terms, ids=lambda r: r.id)
def test_each_term_row_finds_its_examples_and_not_its_counter_examples(row) -> None:  # type: ignore[no-untyped-def]
    assert check(replace(POLICY, cues=POLICY.cues[:1], terms=(row,))) == []


def _broken_copy(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "policy"
    shutil.copytree(DATA, folder)
    path = folder / "cues.en.yaml"
    rows = yaml.safe_load(path.read_text())
    edit(rows)
    path.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False))
    return folder


def test_an_unknown_kind_or_a_bad_pattern_is_refused_at_load(tmp_path: Path) -> None:
    def unknown_kind(rows: list) -> None:  # type: ignore[type-arg]
        rows[0]["kind"] = "panic"

    with pytest.raises(PolicyError, match="unknown cue kind"):
        load_policy(_broken_copy(tmp_path / "a", unknown_kind))

    def bad_regex(rows: list) -> None:  # type: ignore[type-arg]
        rows[0]["patterns"].append("(unclosed")

    with pytest.raises(PolicyError, match="does not compile"):
        load_policy(_broken_copy(tmp_path / "b", bad_regex))


def test_a_counter_example_that_matches_and_an_example_that_does_not_are_reported(tmp_path: Path) -> None:
    def wrong_examples(rows: list) -> None:  # type: ignore[type-arg]
        rows[0]["counter_examples"] = list(rows[0]["examples"][:1])
        rows[0]["examples"] = ["Nothing here at all."]

    problems = check(load_policy(_broken_copy(tmp_path, wrong_examples)))
    assert any("counter-example matches" in p for p in problems)
    assert any("example does not match" in p for p in problems)


def test_policy_check_command_exits_non_zero_on_a_broken_policy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["policy", "check"]) == 0

    def wrong(rows: list) -> None:  # type: ignore[type-arg]
        rows[0]["examples"] = ["Nothing here at all."]

    assert main(["policy", "check", str(_broken_copy(tmp_path, wrong))]) == 8
    assert "does not match" in capsys.readouterr().out


def test_the_it_pronoun_is_not_cyber_vocabulary() -> None:
    from operators.classify import find_terms

    assert not [t for t in find_terms("We assess it likely that it will rain.") if t.category == "cyber_ew"]
    assert [t for t in find_terms("The IT systems of the depot are down.") if t.category == "cyber_ew"]


@settings(max_examples=200, deadline=None)
@given(
    category=st.sampled_from(CATEGORIES),
    p=st.floats(0.0, 1.0),
    text=st.sampled_from(
        [
            "TIC vic Wiltz, taking heavy fire, 2 WIA, request QRF",
            "Exercise only. Simulated chemical release at Diekirch.",
            "False alarm: it was our own patrol.",
            "INTSUM: shelling reported yesterday near Vianden, no further contact.",
            "Class III BLACK, fuel runs out in 2 hours.",
            "NSTR. All quiet.",
            "Suspected chlorine smell near the depot, unconfirmed, no symptoms.",
        ]
    ),
    reliability=st.sampled_from("ABCDEF"),
    credibility=st.integers(1, 6),
    age_h=st.floats(0, 48),
    urgency=st.sampled_from(
        [
            None,
            {"FLASH": 0.7, "IMMEDIATE": 0.2, "PRIORITY": 0.05, "ROUTINE": 0.05},
            {"FLASH": 0.0, "IMMEDIATE": 0.1, "PRIORITY": 0.2, "ROUTINE": 0.7},
        ]
    ),
    in_area=st.booleans(),
)
def test_the_factors_add_up_to_the_score(
    category: str,
    p: float,
    text: str,
    reliability: str,
    credibility: int,
    age_h: float,
    urgency: dict[str, float] | None,
    in_area: bool,
) -> None:
    scores = {c: (p if c == category else (1 - p) / (len(CATEGORIES) - 1)) for c in CATEGORIES}
    areas = (AreaOfInterest("Wiltz", 49.97, 5.93, 10.0),)
    out = prioritise(
        PriorityInput(
            category=category,
            category_scores=scores,
            cues=find_cues(text),
            reliability=reliability,
            credibility=credibility,
            observed_at=NOW - timedelta(hours=age_h),
            now=NOW,
            lat=49.97 if in_area else None,
            lon=5.93 if in_area else None,
            urgency_scores=urgency,
            model_agreement=p,
        ),
        areas,
    )
    assert round(sum(c.weight for c in out.contributions), 4) == out.score
    assert 0.0 <= out.score <= 1.0


def test_a_category_rule_must_set_a_known_category_and_not_ask_about_the_precedence(tmp_path: Path) -> None:
    def nothing(rows: list) -> None:  # type: ignore[type-arg]
        pass

    folder = _broken_copy(tmp_path, nothing)
    doc = yaml.safe_load((folder / "category.yaml").read_text())
    doc["rules"][0]["then"] = {"set": "panic"}
    doc["rules"][1]["when"]["above"] = "ROUTINE"
    (folder / "category.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    with pytest.raises(PolicyError) as refused:
        load_policy(folder)
    assert "cat.exercise: a category rule's action is `set: <category>`" in str(refused.value)
    assert "cat.ceremony: condition 'above' cannot be used before the precedence is known" in str(refused.value)


def test_the_shipped_category_rules_are_loaded_in_order() -> None:
    assert [r.id for r in POLICY.category_rules] == [
        "cat.exercise",
        "cat.ceremony",
        "cat.staged",
        "cat.firing_notice",
        "cat.live_contact",
        "cat.live_incoming",
        "cat.live_attack",
        "cat.live_cbrn",
        "cat.sea_drone",
        "cat.sea_drone_attack",
        "cat.drifting_mine",
        "cat.pirates",
        "cat.procurement",
        "cat.weather_forecast",
        "cat.weather_damage",
        "cat.weather",
        "cat.weather.cbrn",
        "cat.weather_bulletin",
        "cat.hostile_exercise",
        "cat.infrastructure_hit",
        "cat.naval_movement",
        "cat.strike_effect",
        "cat.gnss",
        "cat.drone_overflight",
        "cat.hostile_sighting",
        "cat.consular_routine",
        "cat.humanitarian",
    ]


def test_a_german_sharp_s_in_a_pattern_also_matches_upper_case_ss() -> None:
    # Upper-case German writes SS for ß; a case-insensitive regex alone does not equate them.
    kinds = {c.kind for c in find_cues("SCHIESSANKÜNDIGUNG – PzBrig 45\n1. Gefechtsschießen vom 9. bis 10.")}
    assert "exercise_topic" in kinds
    assert {c.kind for c in find_cues("Schießankündigung – PzBrig 45")} >= {"exercise_topic"}
