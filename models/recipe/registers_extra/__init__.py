"""Eleven more open-source registers for the synthetic corpus: the ones the first registers did not cover.

`models.recipe.registers` holds wire copy, statements, findings, advisories, NOTAMs, humanitarian updates,
press releases, weather, analyses, relayed posts and field reports abroad. Hand-written development sets
in other registers (`tests/eval/osd2_*`, `osd3_*`) showed the model choosing the category from the
register's wording rather than from the topic: a news ticker, a parliamentary answer, a municipal notice,
an operator's service notice, a maritime bulletin, a fact-check, an interview, an embassy's travel advice,
a think-tank paper, an intercept summary and a sanctions or court notice. This package adds those
registers: their layouts (`FRAMES[register][lang]`, each carrying `{event}` or `{Event}`) and the
situations whose home they are (`SITUATIONS`), with the registers of the first module whose events they
also wrap (`EXTRA_REGISTERS`, appended after a situation's home register).

The texts live in one module per language and half (`en_a`, `fr_b`, ...), written in the authors' own
words by the same template syntax and slot rules as `models.recipe.registers` (its docstring). Labels
follow the same policy: the category is the topic, never the register; FLASH does not occur here (only
`os_field_*` situations may be FLASH); an intercept of enemy preparations against our forces and live
alerts are IMMEDIATE; accounts, notices and findings PRIORITY; background, debunked claims and
sanctions listings ROUTINE.

Wired into `models.recipe.registers` (it imports this package as `_extra` and merges `REGISTERS`,
`SITUATIONS`, `FRAMES`, `EXTRA_REGISTERS`, `SITUATION_REGISTERS` and `SITUATION_THEATRES` into its own
tables), so the corpus, and through it the shipped model, include these registers. With them the
new registers take about half of the register reports (`corpus.REGISTER_SHARE` unchanged).
"""

from __future__ import annotations

from models.recipe.phrasebook import Situation
from models.recipe.registers_extra import de_a, de_b, en_a, en_b, fr_a, fr_b

Lang = str

REGISTERS: tuple[str, ...] = (
    "liveticker",
    "parliament",
    "municipal",
    "operator_notice",
    "maritime",
    "factcheck",
    "interview",
    "embassy",
    "think_tank",
    "intercept_summary",
    "sanctions_legal",
)

# key: (category, precedence, cues, registers (home first), theatres)
_SPECS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "os_liveticker_strike": ("attack", "IMMEDIATE", ("live",), ("liveticker",), ("ukraine", "iraq", "red_sea")),
    "os_parliament_readiness": (
        "logistics_infrastructure",
        "ROUTINE",
        ("background",),
        ("parliament", "think_tank"),
        ("western",),
    ),
    "os_municipal_shelter": (
        "civil_humanitarian",
        "PRIORITY",
        ("announcement",),
        ("municipal", "embassy"),
        ("western", "baltics", "poland", "romania"),
    ),
    "os_municipal_alert": ("air_activity", "IMMEDIATE", ("live",), ("municipal",), ("baltics", "poland", "romania")),
    "os_municipal_toxic": ("cbrn", "IMMEDIATE", ("live",), ("municipal",), ("western", "baltics", "poland", "romania")),
    "os_operator_outage": (
        "logistics_infrastructure",
        "PRIORITY",
        ("account",),
        ("operator_notice", "municipal", "liveticker"),
        ("western", "baltics", "poland", "ukraine"),
    ),
    "os_operator_cyber": (
        "cyber_ew",
        "PRIORITY",
        ("account",),
        ("operator_notice", "parliament"),
        ("western", "baltics", "poland", "romania"),
    ),
    "os_maritime_naval": (
        "enemy_movement",
        "PRIORITY",
        ("account",),
        ("maritime", "liveticker"),
        ("baltics", "red_sea", "ukraine"),
    ),
    "os_maritime_attack": ("attack", "IMMEDIATE", ("live",), ("maritime",), ("red_sea", "ukraine")),
    "os_factcheck_claim": (
        "enemy_movement",
        "ROUTINE",
        ("debunked",),
        ("factcheck",),
        ("ukraine", "baltics", "poland", "romania"),
    ),
    "os_interview_air": (
        "air_activity",
        "PRIORITY",
        ("account",),
        ("interview", "parliament"),
        ("ukraine", "poland", "romania", "baltics"),
    ),
    "os_embassy_advice": (
        "civil_humanitarian",
        "PRIORITY",
        ("announcement",),
        ("embassy",),
        ("sahel", "iraq", "red_sea", "balkans", "ukraine"),
    ),
    "os_think_tank_forces": (
        "enemy_movement",
        "ROUTINE",
        ("background",),
        ("think_tank", "interview"),
        ("ukraine", "baltics", "poland", "romania"),
    ),
    "os_intercept_preparation": (
        "enemy_movement",
        "IMMEDIATE",
        ("intercept",),
        ("intercept_summary",),
        ("baltics", "poland", "romania", "sahel", "iraq"),
    ),
    "os_intercept_fire": (
        "attack",
        "IMMEDIATE",
        ("intercept",),
        ("intercept_summary",),
        ("baltics", "poland", "romania", "sahel", "iraq"),
    ),
    "os_intercept_air": (
        "air_activity",
        "IMMEDIATE",
        ("intercept",),
        ("intercept_summary",),
        ("baltics", "poland", "romania", "iraq", "red_sea"),
    ),
    "os_sanctions_cyber": (
        "cyber_ew",
        "ROUTINE",
        ("legal",),
        ("sanctions_legal", "parliament"),
        ("western", "baltics", "poland"),
    ),
}

# Situations of `models.recipe.registers` whose events these registers also wrap (appended to their registers).
EXTRA_REGISTERS: dict[str, tuple[str, ...]] = {
    "os_social_live_strike": ("liveticker",),
    "os_statement_ongoing": ("liveticker",),
    "os_wire_strike_account": ("liveticker", "factcheck", "sanctions_legal"),
    "os_hum_displacement": ("liveticker", "parliament", "interview"),
    "os_press_visit": ("liveticker",),
    "os_advisory_campaign": ("parliament",),
    "os_wire_jamming": ("parliament", "think_tank"),
    "os_finding_chemical": ("parliament", "sanctions_legal"),
    "os_press_procurement": ("parliament", "think_tank"),
    "os_wire_infra": ("parliament", "interview"),
    "os_weather_damage": ("municipal",),
    "os_weather_forecast": ("municipal",),
    "os_statement_power": ("operator_notice",),
    "os_advisory_own_network": ("operator_notice",),
    "os_notam_gnss": ("operator_notice", "maritime"),
    "os_statement_naval": ("maritime",),
    "os_wire_shipping": ("maritime",),
    "os_wire_cbrn_allegation": ("factcheck",),
    "os_hum_casualties": ("factcheck",),
    "os_wire_buildup": ("interview", "think_tank"),
    "os_finding_nuclear": ("interview",),
    "os_wire_protest": ("embassy",),
    "os_hum_convoy": ("embassy",),
    "os_wire_base_attack": ("embassy",),
    "os_analysis_history_moves": ("think_tank",),
    "os_analysis_cbrn": ("think_tank",),
    "os_wire_trial": ("sanctions_legal",),
}

_PARTS = (en_a, en_b, fr_a, fr_b, de_a, de_b)
_LANG_OF = {en_a: "en", en_b: "en", fr_a: "fr", fr_b: "fr", de_a: "de", de_b: "de"}


def _collect_frames() -> dict[str, dict[Lang, tuple[str, ...]]]:
    frames: dict[str, dict[Lang, tuple[str, ...]]] = {r: {} for r in REGISTERS}
    for part in _PARTS:
        for register, layouts in part.FRAMES.items():
            frames[register][_LANG_OF[part]] = tuple(layouts)
    return frames


def _collect_situations() -> tuple[Situation, ...]:
    phrases: dict[str, dict[Lang, tuple[str, ...]]] = {key: {} for key in _SPECS}
    for part in _PARTS:
        for key, texts in part.PHRASES.items():
            phrases[key][_LANG_OF[part]] = tuple(texts)
    return tuple(
        Situation(key, category, precedence, cues, phrases[key])
        for key, (category, precedence, cues, _registers, _theatres) in _SPECS.items()
    )


FRAMES: dict[str, dict[Lang, tuple[str, ...]]] = _collect_frames()
SITUATIONS: tuple[Situation, ...] = _collect_situations()
SITUATION_REGISTERS: dict[str, tuple[str, ...]] = {key: spec[3] for key, spec in _SPECS.items()}
SITUATION_THEATRES: dict[str, tuple[str, ...]] = {key: spec[4] for key, spec in _SPECS.items()}
