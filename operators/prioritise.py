"""NATO precedence and a 0-1 priority score from the evidence, with the policy's precedence rules on top.

score = expected category severity (the category scores x severity)
      + urgency cues (within the cue bounds) + area-of-interest bonus - staleness,
      blended with the model's urgency head (weight: the blend x the model's own probability for the
      chosen category), then scaled by the Admiralty grade of the source and the information.
Thresholds give the precedence; then the precedence rules (operators/policy/data/precedence.yaml)
hold it down or lift it up, in order, each naming itself. Every number here is policy data
(policy.yaml), chosen on the development sets, never on the independent set.

Every change of the score is a factor with its exact weight, so the factors of a report add up to
its priority score (tests/unit/operators/test_prioritise.py checks it): rule adjustments and the
clamps included. This module computes the facts the rules can name (operators/policy/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from operators.geo.distance import haversine_km
from operators.policy.cues import FLASH_KINDS, Cue, flash_cancelled
from operators.policy.engine import CompiledPolicy, PrecedenceRule, default, holds
from schemas.vocab import Precedence

_PARAMS = default().policy.params
SEVERITY: dict[str, float] = {k: float(v) for k, v in _PARAMS["severity"].items()}


@dataclass(frozen=True, slots=True)
class AreaOfInterest:
    name: str
    lat: float
    lon: float
    radius_km: float


@dataclass(frozen=True, slots=True)
class Contribution:
    """One factor: its signed weight on the score, its value, and the evidence span if any."""

    name: str
    weight: float
    value: str
    evidence: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class PriorityInput:
    category: str
    category_scores: dict[str, float]
    cues: list[Cue]
    reliability: str
    credibility: int
    observed_at: datetime | None
    # The moment the report is judged at: the triage passes the report's receipt (received_at), so the
    # same report gets the same precedence whenever, and however often, it is triaged.
    now: datetime
    lat: float | None = None
    lon: float | None = None
    urgency_scores: dict[str, float] | None = None  # the model's urgency head, if it has one
    # The model's own probability for the category finally chosen: where the model misread the report
    # (the lexicon overruled it), its urgency head is trusted proportionally less.
    model_agreement: float | None = None
    # Facts about the report beyond its cues (register, tense, uncertainty): names from the policy's FACTS.
    extra_facts: dict[str, bool] = field(default_factory=dict)
    register: str | None = None


@dataclass(slots=True)
class Priority:
    precedence: Precedence
    score: float
    probable_flash: bool
    contributions: list[Contribution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # ids of the precedence rules that fired, in order
    needs_review: list[str] = field(default_factory=list)  # reasons a rule asked for an analyst's review


def thresholds(params: dict[str, Any] | None = None) -> list[tuple[Precedence, float]]:
    values = (params or _PARAMS)["thresholds"]
    return [
        (Precedence.FLASH, float(values["FLASH"])),
        (Precedence.IMMEDIATE, float(values["IMMEDIATE"])),
        (Precedence.PRIORITY, float(values["PRIORITY"])),
    ]


THRESHOLDS = tuple(thresholds())
_THRESHOLD = dict(THRESHOLDS)


def precedence_for(score: float) -> Precedence:
    for precedence, threshold in THRESHOLDS:
        if score >= threshold:
            return precedence
    return Precedence.ROUTINE


def _held(score: float, ceiling: Precedence) -> float:
    """The score kept just under the threshold of the precedence above `ceiling`."""
    above = next((p for p, _ in reversed(THRESHOLDS) if p.urgency > ceiling.urgency), None)
    return score if above is None else min(score, _THRESHOLD[above] - 0.01)


def _raised(score: float, floor: Precedence) -> float:
    """The score lifted to `floor`'s threshold at least."""
    return max(score, _THRESHOLD.get(floor, 0.0))


# The kinds an "ended" cue ends, and how far before such a cue it may stand (policy.yaml `ended_ends`).
_ENDED_REACH: dict[str, int] = {str(k): int(v) for k, v in (_PARAMS.get("ended_ends") or {"contact": 160}).items()}


def _ends(cues: list[Cue], flash: Cue) -> bool:
    """Whether an "ended" cue ends this probable-FLASH cue: one that follows it, or that comes at most the
    kind's reach (policy.yaml `ended_ends`) before it. An earlier paragraph's "the recce team withdrew" does not
    end the fire that a later paragraph of the same daily report says is going on."""
    reach = _ENDED_REACH.get(flash.kind)
    if reach is None:
        return False
    for c in cues:
        if c.kind != "ended" or c.start < flash.start - reach:
            continue
        # "Attack over at 0212Z. 0225Z: new wave, drones inbound": what goes on again after the end is not ended.
        if not any(x.kind in ("in_progress", "imminent") and c.end <= x.start <= flash.start for x in cues):
            return True
    return False


def _first(cues: list[Cue], *kinds: str) -> Cue | None:
    return next((c for c in cues if c.kind in kinds), None)


class _Ledger:
    """The score as a running sum of factors, each rounded as it is written down, so they add up exactly."""

    def __init__(self) -> None:
        self.factors: list[Contribution] = []
        self.total = 0.0

    def add(self, name: str, delta: float, value: str, cue: Cue | None = None) -> None:
        delta = round(delta, 4)
        self.factors.append(
            Contribution(
                name, delta, value, cue.text if cue else None, cue.start if cue else None, cue.end if cue else None
            )
        )
        self.total = round(self.total + delta, 4)

    def set_to(self, name: str, target: float, value: str, cue: Cue | None = None) -> None:
        target = round(target, 4)
        if target != self.total:
            self.add(name, target - self.total, value, cue)


def _is_fact(kind: str) -> bool:
    spec = default().kinds.get(kind)
    return spec is not None and spec.fact


def register_of(kinds: set[str], params: dict[str, Any] | None = None) -> str:
    """The register a text is in: field when a field-report marker matched (policy.yaml `field_markers`:
    a SPOTREP or SALUTE header, a DTG line), else the first of `registers` whose rows matched, else field."""
    policy = params or _PARAMS
    if kinds & set(policy.get("field_markers") or ()):
        return "field"
    for name in policy.get("registers") or []:
        if f"reg_{name}" in kinds:
            return str(name)
    return "field"


def facts_of(item: PriorityInput) -> tuple[dict[str, bool], dict[str, Any]]:
    """The facts the precedence rules can name, and the cues their notes quote."""
    kinds = {c.kind for c in item.cues}
    cancelled = flash_cancelled(kinds, item.cues)
    summary = _first(item.cues, "summary")
    summarised = summary is not None and not kinds & {"in_progress", "imminent"}
    flash_cues = [c for c in item.cues if c.kind in FLASH_KINDS and not _ends(item.cues, c) and not summarised]
    live_flash = [] if cancelled else flash_cues
    has_casualties = "casualties" in kinds
    uncertain = [] if has_casualties else [c for c in item.cues if c.kind == "uncertain"]
    facts = {
        **{f"has.{k}": True for k in kinds},
        "cancelled": cancelled,
        "summarised": summarised,
        "flash_cues": bool(flash_cues),
        "live_flash": bool(live_flash),
        "probable_flash": bool(live_flash),
        "now": bool(kinds & {"in_progress", "imminent", "support_request"}),
        "live": bool(kinds & {"in_progress", "imminent"}),
        "asks": has_casualties or "support_request" in kinds,
        "uncertain": bool(uncertain),
        "positive_cue": any(c.weight > 0 for c in item.cues),
        "unreliable_source": item.reliability == "E" or item.credibility == 5,
        "cbrn_only_flash": bool(flash_cues) and all(c.kind == "cbrn_release" for c in flash_cues),
        "open_source": register_of(kinds) != "field",
        "account_of_past": "past_account" in kinds and not kinds & {"in_progress", "imminent", "support_request"},
        "official_finding": "reg_finding" in kinds,
        "announcement": "announcement" in kinds,
        "forecast": "forecast" in kinds or "reg_weather" in kinds,
        "ceremony": "ceremony" in kinds,
        "own_forces": "own_forces" in kinds,
        **item.extra_facts,
    }
    first = {c.kind: c for c in reversed(item.cues)}
    context = {
        "first": first,
        "flash": flash_cues[0] if flash_cues else None,
        "live": _first(item.cues, "in_progress", "imminent"),
        "source": f"{item.reliability}{item.credibility}",
        "register": register_of(kinds).replace("_", " "),
    }
    return facts, context


@dataclass(frozen=True, slots=True)
class Recategorised:
    """What the category rules (category.yaml) made of a report: its input with the category they set
    (unchanged when none held), the id of the rule that set it, and its note."""

    item: PriorityInput
    rules: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def recategorise(item: PriorityInput, engine: CompiledPolicy | None = None) -> Recategorised:
    """Apply the category rules in order; the first whose `when` holds sets the category. The scores
    follow: the category set gets the share `category_rule_share` of policy.yaml (the others keep the
    rest in proportion), so that the expected severity, the calibration and the explanation agree
    with the category."""
    policy = (engine or default()).policy
    if not policy.category_rules:
        return Recategorised(item)
    facts, context = facts_of(item)
    register = item.register or register_of({c.kind for c in item.cues}, dict(policy.params))
    routine_p = item.category_scores.get("routine", 0.0)
    for rule in policy.category_rules:
        if not holds(rule, facts, item.category, "ROUTINE", routine_p, register):
            continue
        target = str(rule.then["set"])
        if target == item.category:
            return Recategorised(item, [rule.id])
        share = float(policy.params.get("category_rule_share", 0.9))
        rest = sum(p for c, p in item.category_scores.items() if c != target)
        scores = {
            c: round(share if c == target else (1.0 - share) * (p / rest if rest > 0 else 0.0), 4)
            for c, p in item.category_scores.items()
        }
        scores.setdefault(target, share)
        changed = replace(item, category=target, category_scores=scores)
        return Recategorised(changed, [rule.id], [_note(rule, context, routine_p)])
    return Recategorised(item)


def prioritise(
    item: PriorityInput, areas: tuple[AreaOfInterest, ...] = (), engine: CompiledPolicy | None = None
) -> Priority:
    policy = (engine or default()).policy
    params = policy.params
    ledger = _Ledger()
    notes: list[str] = []

    severity = {k: float(v) for k, v in params["severity"].items()}
    unknown = float(params.get("severity_unknown", 0.3))
    expected = sum(p * severity.get(c, unknown) for c, p in item.category_scores.items()) or severity.get(
        item.category, unknown
    )
    confidence = item.category_scores.get(item.category, 0.0)
    ledger.add("category", expected, f"{item.category} (p={confidence:.2f})")

    seen_kinds: set[str] = set()
    kinds = {c.kind for c in item.cues}
    # An exercise, a denied or a cleared threat cancels the probable-FLASH cues: they add nothing either.
    cancelled = flash_cancelled(kinds, item.cues)
    before_cues = ledger.total
    for cue in item.cues:
        if cue.kind in seen_kinds or _is_fact(cue.kind):  # one contribution per kind; register kinds weigh nothing
            continue
        seen_kinds.add(cue.kind)
        if cancelled and cue.kind in FLASH_KINDS:
            ledger.add(f"cue:{cue.kind}", 0.0, f"{cue.gloss} (cancelled) [{cue.rule}]", cue)
            continue
        ledger.add(f"cue:{cue.kind}", cue.weight, f"{cue.gloss} [{cue.rule}]", cue)
    low, high = (float(b) for b in params["cue_bounds"])
    bounded = before_cues + max(low, min(high, ledger.total - before_cues))
    ledger.set_to("cue_bound", bounded, f"cues held within [{low:g}, {high:g}]")

    if item.lat is not None and item.lon is not None:
        for area in areas:
            distance = haversine_km(item.lat, item.lon, area.lat, area.lon)
            if distance <= area.radius_km:
                ledger.add(
                    "area_of_interest",
                    float(params["area_bonus"]),
                    f"{distance:.1f} km from {area.name} (within {area.radius_km:g} km)",
                )
                break

    if item.observed_at is not None:
        stale = params["staleness"]
        age = (item.now - item.observed_at).total_seconds()
        penalty = (
            float(stale["very_penalty"])
            if age > float(stale["very_after_s"])
            else (float(stale["penalty"]) if age > float(stale["after_s"]) else 0.0)
        )
        if penalty:
            ledger.add("staleness", -penalty, f"observed {age / 3600:.1f} h before it was received")

    if item.urgency_scores:
        values = {k: float(v) for k, v in params["urgency_values"].items()}
        model_urgency = sum(p * values.get(label, 0.3) for label, p in item.urgency_scores.items())
        top = max(item.urgency_scores, key=item.urgency_scores.__getitem__)
        blend = float(params["urgency_blend"]) * (
            1.0 if item.model_agreement is None else max(0.0, min(1.0, item.model_agreement))
        )
        raw = ledger.total
        trust = "" if item.model_agreement is None else f", weight {blend:.2f}"
        ledger.set_to(
            "model_urgency",
            (1 - blend) * raw + blend * model_urgency,
            f"{top} (p={item.urgency_scores[top]:.2f}{trust})",
        )
    reliability = {str(k): float(v) for k, v in params["reliability_factor"].items()}
    credibility = {int(k): float(v) for k, v in params["credibility_factor"].items()}
    grade_default = float(params.get("grade_default", 0.95))
    grade = reliability.get(item.reliability, grade_default) * credibility.get(item.credibility, grade_default)
    if grade != 1.0:
        ledger.set_to("source_grade", ledger.total * grade, f"{item.reliability}{item.credibility} (x{grade:.2f})")
    ledger.set_to("score_bounds", max(0.0, min(1.0, ledger.total)), "score held within [0, 1]")
    precedence = precedence_for(ledger.total)
    if grade < float(params.get("grade_note_below", 0.9)):
        notes.append(f"lowered: source graded {item.reliability}{item.credibility} (unreliable or uncorroborated)")

    facts, context = facts_of(item)
    register = item.register or register_of(kinds)
    routine_p = item.category_scores.get("routine", 0.0)
    fired: list[str] = []
    review: list[str] = []
    flagged = False  # a rule set the probable-FLASH flag itself (the sender marked the report FLASH)
    for rule in policy.rules:
        if not holds(rule, facts, item.category, precedence.value, routine_p, register):
            continue
        fired.append(rule.id)
        changed = False
        then = rule.then
        if "probable_flash" in then:
            facts["probable_flash"] = flagged = bool(then["probable_flash"])
        if "needs_review" in then:
            review.append(str(then["needs_review"]))
        if "cap" in then:
            ceiling = Precedence(then["cap"])
            if precedence.urgency > ceiling.urgency:
                precedence, changed = ceiling, True
                ledger.set_to(
                    f"rule:{rule.id}", _held(ledger.total, ceiling), f"held at {ceiling.value}", _cue_of(rule, context)
                )
        if "floor" in then:
            floor = Precedence(then["floor"])
            if precedence.urgency < floor.urgency:
                precedence, changed = floor, True
                ledger.set_to(
                    f"rule:{rule.id}", _raised(ledger.total, floor), f"raised to {floor.value}", _cue_of(rule, context)
                )
        if rule.note and (changed or rule.always_note or not ({"cap", "floor"} & set(then))):
            notes.append(_note(rule, context, routine_p))
    return Priority(
        precedence,
        ledger.total,
        facts["probable_flash"] and (facts["live_flash"] or flagged),
        ledger.factors,
        notes,
        fired,
        review,
    )


def _cue_of(rule: PrecedenceRule, context: dict[str, Any]) -> Cue | None:
    """The cue a rule's note quotes, as the evidence span of its factor."""
    for kind, cue in context["first"].items():
        if f"first[{kind}]" in rule.note:
            return cue  # type: ignore[no-any-return]
    for key in ("flash", "live"):
        if f"{{{key}." in rule.note and context.get(key) is not None:
            return context[key]  # type: ignore[no-any-return]
    return None


def _note(rule: PrecedenceRule, context: dict[str, Any], routine_p: float) -> str:
    try:
        text = rule.note.format(routine_p=routine_p, **context)
    except (KeyError, AttributeError, IndexError):
        text = rule.note
    return f"{text} [{rule.id}]"
