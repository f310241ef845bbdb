"""NATO precedence and a 0-1 priority score from the evidence, with a rule layer guarding FLASH.

score = expected category severity (model probabilities x severity)
      + urgency cues (capped) + area-of-interest bonus - staleness
      blended with the model's urgency head (weight URGENCY_BLEND x the model's own probability
      for the chosen category) when the model has one,
      then scaled by the Admiralty grade of the source and the information.
Thresholds: FLASH >= 0.80, IMMEDIATE >= 0.60, PRIORITY >= 0.25, otherwise ROUTINE.
The blend weight, thresholds and rules were chosen on the development sets (the demo samples,
labelled in tests/eval/dev_precedence.json, and tests/eval/dev_reports.jsonl), never on the
independent evaluation set.

Rules sit on top. A report classified routine (p >= ROUTINE_GATE) with no urgency cue stays
ROUTINE. A report that is not established (suspected, unconfirmed, no symptoms) and has no
casualties reaches FLASH only through the rule layer, and a suspected CBRN release is held at
IMMEDIATE. A report with a probable-FLASH cue (troops in contact, incoming air or missile
attack, CBRN release) that is not marked as an exercise, a false alarm or history is FLASH
whatever the model says; from an unreliable source (E) or with improbable information (5) it is
lowered to IMMEDIATE, never further, and the explanation says so. FLASH on the score alone needs
evidence in the text (a probable-FLASH cue: casualties alone are not enough); a contact
that has ended ("Feind hat sich abgesetzt", "tirs terminés") is IMMEDIATE. A threat that was checked
and is not there ("levée de doute", "false alarm", "es handelte sich um eigene Leopard 2") is ROUTINE,
PRIORITY if someone still asks for something. A critical shortage or a cut supply route ("class III
BLACK", "reicht nur noch 2 Std") is IMMEDIATE at least, and so are enemy forces seen moving now. A
periodic summary (INTSUM, "Zusammenfassung Luftlage 24 Std") is PRIORITY at most, and its FLASH cues
are history unless it says something goes on now. A report that says it has no operational impact
is PRIORITY at most, ROUTINE when nothing in it is urgent. These rules were chosen on
tests/eval/dev2_reports.jsonl and dev3_reports.jsonl as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from operators.geo.distance import haversine_km
from operators.policy.cues import FLASH_CANCELLING, FLASH_KINDS, Cue
from schemas.vocab import Precedence

SEVERITY: dict[str, float] = {
    "attack": 0.70,
    "cbrn": 0.75,
    "air_activity": 0.55,
    "enemy_movement": 0.50,
    "cyber_ew": 0.42,
    "logistics_infrastructure": 0.38,
    "civil_humanitarian": 0.38,
    "routine": 0.05,
}

# Admiralty grades as multipliers: reliable sources and confirmed information keep their score;
# F and 6 ("cannot be judged") are neutral-ish because most first reports are ungraded.
RELIABILITY_FACTOR = {"A": 1.05, "B": 1.0, "C": 0.95, "D": 0.85, "E": 0.75, "F": 0.95}
CREDIBILITY_FACTOR = {1: 1.05, 2: 1.0, 3: 0.95, 4: 0.85, 5: 0.75, 6: 0.95}

# The model's urgency head, as a score on the same scale, blended in with this weight.
URGENCY_VALUE = {"FLASH": 0.92, "IMMEDIATE": 0.7, "PRIORITY": 0.45, "ROUTINE": 0.1}
URGENCY_BLEND = 0.8

THRESHOLDS = ((Precedence.FLASH, 0.80), (Precedence.IMMEDIATE, 0.60), (Precedence.PRIORITY, 0.25))
CUE_CAP = 0.40
ROUTINE_GATE = 0.5  # routine probability from which an uncued routine report stays ROUTINE
STALE_AFTER_S = 6 * 3600
VERY_STALE_AFTER_S = 24 * 3600


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
    now: datetime
    lat: float | None = None
    lon: float | None = None
    urgency_scores: dict[str, float] | None = None  # the model's urgency head, if it has one
    # The model's own probability for the category finally chosen: where the model misread the report
    # (the lexicon overruled it), its urgency head is trusted proportionally less.
    model_agreement: float | None = None


@dataclass(slots=True)
class Priority:
    precedence: Precedence
    score: float
    probable_flash: bool
    contributions: list[Contribution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)




def precedence_for(score: float) -> Precedence:
    for precedence, threshold in THRESHOLDS:
        if score >= threshold:
            return precedence
    return Precedence.ROUTINE


_THRESHOLD = dict(THRESHOLDS)


def _held(score: float, ceiling: Precedence) -> float:
    """The score kept just under the threshold of the precedence above `ceiling`."""
    above = next((p for p, _ in reversed(THRESHOLDS) if p.urgency > ceiling.urgency), None)
    return score if above is None else min(score, _THRESHOLD[above] - 0.01)


def _raised(score: float, floor: Precedence) -> float:
    """The score lifted to `floor`'s threshold at least."""
    return max(score, _THRESHOLD.get(floor, 0.0))


def _first(cues: list[Cue], *kinds: str) -> Cue | None:
    return next((c for c in cues if c.kind in kinds), None)


def prioritise(item: PriorityInput, areas: tuple[AreaOfInterest, ...] = ()) -> Priority:
    contributions: list[Contribution] = []
    notes: list[str] = []

    expected = sum(p * SEVERITY.get(c, 0.3) for c, p in item.category_scores.items()) or SEVERITY.get(item.category, 0.3)
    confidence = item.category_scores.get(item.category, 0.0)
    contributions.append(Contribution("category", round(expected, 3), f"{item.category} (p={confidence:.2f})"))

    cue_total = 0.0
    seen_kinds: set[str] = set()
    kinds = {c.kind for c in item.cues}
    # An exercise, a denied or a cleared threat cancels the probable-FLASH cues: they add nothing to
    # the score either ("Luftalarm ... Entwarnung", "simulated contact").
    cancelled = bool(kinds & FLASH_CANCELLING)
    for cue in item.cues:
        if cue.kind in seen_kinds:  # one contribution per kind: repetition is not extra urgency
            continue
        if cancelled and cue.kind in FLASH_KINDS:
            contributions.append(Contribution(f"cue:{cue.kind}", 0.0, f"{cue.gloss} (cancelled)", cue.text, cue.start, cue.end))
            seen_kinds.add(cue.kind)
            continue
        seen_kinds.add(cue.kind)
        cue_total += cue.weight
        contributions.append(Contribution(f"cue:{cue.kind}", cue.weight, cue.gloss, cue.text, cue.start, cue.end))
    cue_total = max(-0.5, min(CUE_CAP, cue_total))

    area_bonus = 0.0
    if item.lat is not None and item.lon is not None:
        for area in areas:
            distance = haversine_km(item.lat, item.lon, area.lat, area.lon)
            if distance <= area.radius_km:
                area_bonus = 0.15
                contributions.append(
                    Contribution("area_of_interest", 0.15, f"{distance:.1f} km from {area.name} (within {area.radius_km:g} km)")
                )
                break

    stale_penalty = 0.0
    if item.observed_at is not None:
        age = (item.now - item.observed_at).total_seconds()
        if age > VERY_STALE_AFTER_S:
            stale_penalty = 0.20
        elif age > STALE_AFTER_S:
            stale_penalty = 0.10
        if stale_penalty:
            contributions.append(Contribution("staleness", -stale_penalty, f"observed {age / 3600:.1f} h ago"))

    raw = expected + cue_total + area_bonus - stale_penalty
    if item.urgency_scores:
        model_urgency = sum(p * URGENCY_VALUE.get(label, 0.3) for label, p in item.urgency_scores.items())
        top = max(item.urgency_scores, key=item.urgency_scores.__getitem__)
        blend = URGENCY_BLEND * (1.0 if item.model_agreement is None else max(0.0, min(1.0, item.model_agreement)))
        blended = (1 - blend) * raw + blend * model_urgency
        trust = "" if item.model_agreement is None else f", weight {blend:.2f}"
        contributions.append(
            Contribution("model_urgency", round(blended - raw, 3), f"{top} (p={item.urgency_scores[top]:.2f}{trust})")
        )
        raw = blended
    grade = RELIABILITY_FACTOR.get(item.reliability, 0.95) * CREDIBILITY_FACTOR.get(item.credibility, 0.95)
    if grade != 1.0:
        contributions.append(
            Contribution("source_grade", round(raw * grade - raw, 3), f"{item.reliability}{item.credibility} (x{grade:.2f})")
        )
    score = max(0.0, min(1.0, raw * grade))
    precedence = precedence_for(score)
    if grade < 0.9:
        notes.append(f"lowered: source graded {item.reliability}{item.credibility} (unreliable or uncorroborated)")

    # A report that reads as routine and carries no urgency cue is ROUTINE, whatever the urgency head
    # (trained on synthetic text) guesses: the category is the better-evidenced signal of the two.
    routine_p = item.category_scores.get("routine", 0.0)
    urgent_cues = [c for c in item.cues if c.weight > 0]
    if item.category == "routine" and routine_p >= ROUTINE_GATE and not urgent_cues and precedence != Precedence.ROUTINE:
        notes.append(f"held at ROUTINE: routine report (p={routine_p:.2f}) with no urgency cue")
        contributions.append(Contribution("rule:routine", round(min(score, 0.2) - score, 3), f"routine (p={routine_p:.2f})"))
        precedence = Precedence.ROUTINE
        score = _held(score, Precedence.ROUTINE)

    # Casualties settle it: "suspected chemical attack, 4 pax with pinpoint pupils" is a release.
    has_casualties = "casualties" in kinds

    # A threat that was checked and is not there (false alarm, all clear, "it was our own tanks")
    # is ROUTINE, or PRIORITY where someone still asks for something; casualties keep it open.
    cleared = _first(item.cues, "cleared")
    if cleared is not None:
        asks = has_casualties or "support_request" in kinds
        ceiling = Precedence.PRIORITY if asks else Precedence.ROUTINE
        if precedence.urgency > ceiling.urgency:
            notes.append(f"held at {ceiling.value}: threat cleared ('{cleared.text}')")
            contributions.append(
                Contribution("rule:cleared", 0.0, f"cleared, held at {ceiling.value}", cleared.text, cleared.start, cleared.end)
            )
            precedence = ceiling
            score = _held(score, ceiling)
    uncertain = [] if has_casualties else [c for c in item.cues if c.kind == "uncertain"]
    if uncertain and precedence is Precedence.FLASH:
        # FLASH on the score alone needs an established event; a suspected one is IMMEDIATE.
        notes.append(f"held at IMMEDIATE: not established ('{uncertain[0].text}')")
        precedence = Precedence.IMMEDIATE
        score = _held(score, Precedence.IMMEDIATE)

    # A contact that is over (fire ceased, the enemy broke contact) is no longer a probable FLASH, nor is
    # one told in a periodic summary that does not say it goes on, nor one that an exercise, a denial or
    # a clearance cancels.
    ended = _first(item.cues, "ended")
    summary = _first(item.cues, "summary")
    summarised = summary is not None and not kinds & {"in_progress", "imminent"}
    flash_cues = [
        c for c in item.cues
        if c.kind in FLASH_KINDS and not (ended is not None and c.kind == "contact") and not summarised
    ]
    live_flash = [] if cancelled else flash_cues
    now = bool(kinds & {"in_progress", "imminent", "support_request"})
    if precedence is Precedence.FLASH and not live_flash and (cancelled or ended is not None or not now):
        # FLASH on the score alone (a severe category, casualties, an urgent-sounding model) needs
        # evidence in the text that it is happening now: a probable-FLASH cue (fire on friendly forces
        # that is not over, an incoming attack, a release), or something going on or imminent or an
        # urgent call for help. The aftermath of an IED strike is IMMEDIATE.
        if ended is not None:
            notes.append(f"held at IMMEDIATE: contact ended ('{ended.text}')")
        elif cancelled:
            notes.append("held at IMMEDIATE: the threat is denied, cleared or an exercise")
        else:
            notes.append("held at IMMEDIATE: nothing in the text says it is happening now")
        precedence = Precedence.IMMEDIATE
        score = _held(score, Precedence.IMMEDIATE)

    # A periodic summary or assessment (INTSUM, "période du … au …", Lagebeitrag) is read, not acted on
    # within the hour: PRIORITY at most, unless it reports something happening now.
    if summary is not None and not flash_cues and precedence.urgency > Precedence.PRIORITY.urgency:
        notes.append(f"held at PRIORITY: periodic summary ('{summary.text}')")
        precedence = Precedence.PRIORITY
        score = _held(score, Precedence.PRIORITY)

    # A report that says it has no operational impact ("aucun impact sur les missions", "Keine
    # Einschränkung der Einsatzbereitschaft") is PRIORITY at most, ROUTINE when nothing in it is urgent.
    no_impact = _first(item.cues, "no_impact")
    if no_impact is not None and not live_flash:
        ceiling = Precedence.PRIORITY if any(c.weight > 0 for c in item.cues) else Precedence.ROUTINE
        if precedence.urgency > ceiling.urgency:
            notes.append(f"held at {ceiling.value}: no operational impact ('{no_impact.text}')")
            precedence = ceiling
            score = _held(score, ceiling)

    # Enemy forces seen moving now or about to arrive ("toujours en cours", "est 15 min to reach") are
    # IMMEDIATE at least.
    live = _first(item.cues, "in_progress", "imminent")
    if (
        item.category == "enemy_movement" and live is not None and summary is None and cleared is None
        and precedence.urgency < Precedence.IMMEDIATE.urgency
    ):
        notes.append(f"raised to IMMEDIATE: enemy movement {live.gloss} ('{live.text}')")
        contributions.append(Contribution("rule:live_movement", 0.0, live.gloss, live.text, live.start, live.end))
        precedence = Precedence.IMMEDIATE
        score = _raised(score, Precedence.IMMEDIATE)

    # A shortage or a cut that stops a unit ("class III BLACK", "plus que 2 h de munitions") is
    # IMMEDIATE at least, whatever the category's usual urgency.
    critical = _first(item.cues, "critical")
    if critical is not None and cleared is None and precedence.urgency < Precedence.IMMEDIATE.urgency:
        notes.append(f"raised to IMMEDIATE: critical ('{critical.text}')")
        contributions.append(Contribution("rule:critical", 0.0, critical.gloss, critical.text, critical.start, critical.end))
        precedence = Precedence.IMMEDIATE
        score = _raised(score, Precedence.IMMEDIATE)
    probable_flash = bool(live_flash)
    if probable_flash:
        floor = Precedence.FLASH
        if uncertain and all(c.kind == "cbrn_release" for c in flash_cues):
            # A CBRN agent named in a report that says it is suspected or unconfirmed (no symptoms, weak
            # reading) is a suspected release: IMMEDIATE, never lower. Fire and incoming attacks are not
            # softened this way: "TIC, casualties unconfirmed" stays FLASH.
            floor = Precedence.IMMEDIATE
            probable_flash = False
            notes.append(f"CBRN not established ('{uncertain[0].text}'): held at IMMEDIATE at least")
            if precedence.urgency > floor.urgency:
                precedence = floor
                score = _held(score, Precedence.IMMEDIATE)
        if item.reliability == "E" or item.credibility == 5:
            floor = Precedence.IMMEDIATE
            notes.append(
                f"probable FLASH ({flash_cues[0].gloss}) held at IMMEDIATE: source {item.reliability}{item.credibility}"
            )
        if precedence.urgency < floor.urgency:
            notes.append(f"raised to {floor.value} by the rule layer: {flash_cues[0].gloss} ('{flash_cues[0].text}')")
            precedence = floor
            score = _raised(score, floor)
            contributions.append(
                Contribution("rule:probable_flash", 0.0, flash_cues[0].gloss, flash_cues[0].text, flash_cues[0].start, flash_cues[0].end)
            )
    return Priority(precedence, round(score, 4), probable_flash, contributions, notes)
