"""Category with combined scores: the model's probabilities combined with term evidence.

The model reads context; the term lexicon (English, French, German) knows vocabulary the model
may never have seen in training. They are combined in log space,
    score(c) ∝ p_model(c) ** MODEL_WEIGHT · exp(TERM_WEIGHT · min(evidence(c), EVIDENCE_CAP)),
and renormalised, so a confident model is not overruled by one word, and a report full of
jamming vocabulary is not called an enemy movement because the model is unsure. Each term that
counted is returned as evidence with its span and its policy row. The term rows and the weights
are policy data (operators/policy/data: terms.*.yaml, policy.yaml), chosen on the development
sets, never on the independent set.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from operators.policy.engine import CompiledPolicy, default
from schemas.vocab import CATEGORIES

_PARAMS = default().policy.params["category"]
MODEL_WEIGHT = float(_PARAMS["model_weight"])
TERM_WEIGHT = float(_PARAMS["term_weight"])
EVIDENCE_CAP = float(_PARAMS["evidence_cap"])
_STRENGTH_WEIGHT: dict[str, float | None] = dict(_PARAMS.get("term_weights") or {})


@dataclass(frozen=True, slots=True)
class Term:
    category: str
    weight: float
    start: int
    end: int
    text: str
    rule: str = ""  # the id of the policy row that found it


def find_terms(text: str, engine: CompiledPolicy | None = None) -> list[Term]:
    """Category terms in the text; a span counts once per category (the first row that finds it).

    A term right after a negation ("no jamming", "not enemy EW", "kein IED") does not vote, except
    for routine, whose own terms are often negative ("no change", "keine Aktivität").
    """
    engine = engine or default()
    found: list[Term] = []
    for row, m in engine.term_matches(text):
        if row.category != "routine" and engine.negated(text, m.start):
            continue
        if _is_heading(text, m.start, m.end):
            continue
        if any(t.category == row.category and t.start < m.end and m.start < t.end for t in found):
            continue
        weight = _STRENGTH_WEIGHT.get(row.strength) or row.weight
        found.append(Term(row.category, weight, m.start, m.end, m.text, m.rule))
    found.sort(key=lambda t: t.start)
    return found


# A numbered paragraph's label in a daily report or SITREP ("4. LOGISTICS.", "3. Logistik:", "b) Civil -")
# names a section every such report has, not what this one is about.
_HEADING_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}|[a-hA-H])[.)][ \t]*$")
_HEADING_AFTER = re.compile(r"[ \t]*(?:[.:]|\s[-–—]\s)")


def _is_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a paragraph label: right after "4." or "b)" at a line start, and followed by
    a full stop, a colon or a dash."""
    return bool(_HEADING_BEFORE.search(text, max(0, start - 12), start)) and bool(_HEADING_AFTER.match(text, end))


def evidence(terms: Sequence[Term]) -> dict[str, float]:
    """Per category: the sum of its term weights, with diminishing returns for repeats of one word."""
    seen: dict[tuple[str, str], int] = {}
    totals = dict.fromkeys(CATEGORIES, 0.0)
    for t in terms:
        key = (t.category, t.text.lower())
        seen[key] = seen.get(key, 0) + 1
        totals[t.category] += t.weight / seen[key]
    return totals


def combine(model_probs: Mapping[str, float], terms: Sequence[Term]) -> dict[str, float]:
    """Calibrated category scores from the model's probabilities and the term evidence."""
    ev = evidence(terms)
    logits = {}
    for c in CATEGORIES:
        p = max(float(model_probs.get(c, 0.0)), 1e-6) if model_probs else 1.0 / len(CATEGORIES)
        logits[c] = MODEL_WEIGHT * math.log(p) + TERM_WEIGHT * min(ev[c], EVIDENCE_CAP)
    top = max(logits.values())
    exp = {c: math.exp(v - top) for c, v in logits.items()}
    total = sum(exp.values())
    return {c: round(v / total, 4) for c, v in exp.items()}


def choose_category(category_scores: Mapping[str, float]) -> str:
    """The category with the highest combined score; routine when there are no scores."""
    category = max(category_scores, key=category_scores.__getitem__) if category_scores else "routine"
    return category if category in CATEGORIES else "routine"
