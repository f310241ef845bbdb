"""Urgency and de-escalation cues in English, French and German, found with evidence spans.

The cue rows are data (operators/policy/data/cues.*.yaml): each cue names its row, its kind (weight
and role in policy.yaml) and an English gloss for the summary. This module applies the mechanics:
negation, one cue per overlapping span and kind, and cues told about an earlier day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from operators.policy.engine import CompiledPolicy, default, headline_end

_POLICY = default().policy
# Derived from the policy's cue kinds (operators/policy/data/policy.yaml), for the modules that ask.
KINDS: dict[str, tuple[float, bool]] = {name: (spec.weight, spec.flash) for name, spec in _POLICY.kinds.items()}
FLASH_KINDS = frozenset(k for k, spec in _POLICY.kinds.items() if spec.flash)
DEESCALATING = frozenset(k for k, spec in _POLICY.kinds.items() if spec.deescalating)
# Only these cancel the FLASH rule: an exercise, a denied, cleared or friendly threat. History alone does
# not ("the bridge shelled yesterday is being shelled again"); a FLASH cue in the same sentence as an
# earlier day, with nothing saying it goes on, becomes a past_threat instead.
FLASH_CANCELLING = frozenset(_POLICY.params.get("flash_cancelling") or ())
# A kind that, when found, stops some cancelling kinds from cancelling (a real event during an exercise).
_OVERRIDDEN_BY: dict[str, frozenset[str]] = {
    str(k): frozenset(v) for k, v in (_POLICY.params.get("flash_cancelling_overridden_by") or {}).items()
}


# A paragraph flagged as added late to a daily report ("PARA 9 ADDED AT 072108Z - READ FIRST") holding a
# probable-FLASH cue after the flag: the report's routine lines do not cancel it (policy.yaml `late_entry`).
_LATE = _POLICY.params.get("late_entry") or {}
_LATE_KIND = str(_LATE.get("kind") or "")
_LATE_OVERRIDES = frozenset(_LATE.get("overrides") or ())

_EARLIER_ONLY = _POLICY.params.get("cancel_earlier_only") or {}
_EARLIER_ONLY_KINDS = frozenset(_EARLIER_ONLY.get("kinds") or ())
_LATER_LIVE = frozenset(_EARLIER_ONLY.get("live") or ())
_TIME_KIND = str(_EARLIER_ONLY.get("time") or "time_mark")
_CLOCK = re.compile(r"(\d{1,2})[:h]?(\d{2})")
# A clock time written right after the stand-down, one space on ("ALL CLEAR 0615Z", "Entwarnung 06:15 Uhr"), is
# its time; one after a full stop ("rien de suspect. 0704Z") starts the next entry.
_OWN_TIME_REACH = 1


def _minutes(cue: Cue) -> int | None:
    match = _CLOCK.search(cue.text)
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def _new_event_after(found: list[Cue], cancelling: set[str]) -> bool:
    """Whether a probable-FLASH cue comes under a clock time later than the last stand-down's, with a live word
    after that time (policy.yaml `cancel_earlier_only`)."""
    last = max((c for c in found if c.kind in cancelling), key=lambda c: c.end)
    times = [(c.start, m) for c in found if c.kind == _TIME_KIND and (m := _minutes(c)) is not None]
    before = [m for start, m in times if start < last.start or last.end <= start <= last.end + _OWN_TIME_REACH]
    if not before:
        return False
    for start, minutes in times:
        if start > last.end + _OWN_TIME_REACH and minutes > max(before):
            after = {c.kind for c in found if c.start >= start}
            return bool(after & FLASH_KINDS and after & _LATER_LIVE)
    return False


def flash_cancelled(kinds: set[str], cues: Iterable[Cue] = ()) -> bool:
    """Whether the cues of these kinds cancel the probable-FLASH cues (policy.yaml `flash_cancelling`).

    With the cues, a stand-down of the kinds in `cancel_earlier_only` cancels only what came before it: a
    probable-FLASH cue under a later clock time, backed by a live word after that time, is a new event."""
    cancelling = kinds & FLASH_CANCELLING
    for kind, overridden in _OVERRIDDEN_BY.items():
        if kind in kinds:
            cancelling -= overridden
    found = list(cues)
    if cancelling & _LATE_OVERRIDES and _late_event(found):
        cancelling -= _LATE_OVERRIDES
    # An exercise or a drill named anywhere cancels the whole message ("0750Z drill for the guard. 0805Z rounds
    # impacting the camp"): only a stand-down, a negation or "nothing to report" is told in time.
    if (
        cancelling
        and cancelling <= _EARLIER_ONLY_KINDS
        and not _names_drill(found)
        and any(c.kind in cancelling for c in found)
        and _new_event_after(found, cancelling)
    ):
        return False
    return bool(cancelling)


def _late_event(found: list[Cue]) -> bool:
    """Whether a late-entry flag comes before a probable-FLASH cue, and no routine marker before the flag names an
    exercise or a drill (an exercise report's addendum is still the exercise; a crew drill in a later paragraph is
    one line of the day)."""
    flags = [c.start for c in found if c.kind == _LATE_KIND]
    if not flags:
        return False
    first = min(flags)
    return not _names_drill(c for c in found if c.start < first) and any(
        c.kind in FLASH_KINDS and c.start > first for c in found
    )


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    gloss: str
    start: int
    end: int
    text: str
    rule: str = ""  # the id of the policy row that found it

    @property
    def weight(self) -> float:
        return KINDS[self.kind][0]


def negated(text: str, start: int, end: int | None = None) -> bool:
    """Whether a negation ("no", "keine", "pas de", "aucun", "0") directly precedes position `start`
    or, with `end`, a nil answer ("victimes : néant") directly follows the span."""
    return default().negated(text, start, end)


def find_cues(text: str, engine: CompiledPolicy | None = None) -> list[Cue]:
    """Every cue in `text`, leftmost first; overlapping matches of the same kind are kept once; a cue of a
    negatable kind that a negation directly precedes is dropped, and one of a headline kind (what the
    report is about: an exercise, a ceremony) counts only in the headline."""
    engine = engine or default()
    found: list[Cue] = []
    headline: int | None = None
    for kind, gloss, match in engine.cue_matches(text):
        spec = engine.kinds.get(kind)
        if spec is not None and spec.negatable and engine.negated(text, match.start, match.end):
            continue
        if spec is not None and spec.headline:
            headline = (
                headline_end(text, engine.headline_skip, engine.headline_extend) if headline is None else headline
            )
            if match.start >= headline:
                continue
        found.append(Cue(kind, gloss, match.start, match.end, match.text, match.rule))
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Cue] = []
    for cue in found:
        if any(k.kind == cue.kind and k.start < cue.end and cue.start < k.end for k in kept):
            continue
        kept.append(cue)
    return [_dated(text, cue, kept) for cue in kept]


# Routine markers that name an exercise or a drill (policy.yaml `drill_words`), not "no change" or "RAS".
_DRILL = re.compile(str(_POLICY.params.get("drill_words") or "(?!)"), re.IGNORECASE)


def _names_drill(cues: Iterable[Cue]) -> bool:
    """Whether a routine marker among the cues names an exercise or a drill."""
    return any(c.kind == "routine_marker" and _DRILL.search(c.text) for c in cues)


_SENTENCE_END = re.compile(r"[.!?|\n]")  # a ";" joins clauses of one time frame ("1915 ...; the cloud drifted")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or report line) around text[start:end]."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _dated(text: str, cue: Cue, cues: list[Cue]) -> Cue:
    """A probable-FLASH cue in a sentence about an earlier day ("the N11 was under fire yesterday"),
    with nothing in that sentence saying it goes on, is a past threat: evidence, not a FLASH. One in the
    sentence of an exercise or a routine marker is a drill."""
    if cue.kind not in FLASH_KINDS:
        return cue
    lo, hi = _sentence(text, cue.start, cue.end)
    inside = [c.kind for c in cues if lo <= c.start < hi]
    if ("historic" in inside or "earlier" in inside or "past_account" in inside) and "in_progress" not in inside:
        return Cue("past_threat", f"{cue.gloss} (earlier)", cue.start, cue.end, cue.text, cue.rule)
    # In the sentence of an exercise or a drill ("Übung GIFTWOLKE - ABC-Drill mit simuliertem Chloraustritt"),
    # unless the sentence says something real happened, the cue is part of the exercise; "without incident"
    # or "no change" beside real fire is no drill.
    if (
        _names_drill(c for c in cues if lo <= c.start < hi)
        and "real_event" not in inside
        and "in_progress" not in inside
    ):
        return Cue("drill", f"{cue.gloss} (exercise)", cue.start, cue.end, cue.text, cue.rule)
    return cue


def kinds(cues: Iterable[Cue]) -> set[str]:
    return {c.kind for c in cues}
