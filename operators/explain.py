"""The explanation of a judgement: the score factors (their weights add up to the priority score), the
evidence factors (weight 0: the model's view, the category terms that counted, the language), the
ids of every policy row and rule that fired, and a one-line reason."""

from __future__ import annotations

from operators.classify import Term
from operators.policy.cues import Cue
from operators.prioritise import Priority
from schemas.reports import Explanation, Factor


def explain(
    priority: Priority,
    category: str,
    confidence: float,
    model_scores: dict[str, float],
    terms: list[Term],
    language: str,
    language_confidence: float,
    cues: list[Cue],
    notes: list[str],
) -> Explanation:
    """`priority.contributions` are the score factors; everything else here is evidence and weighs 0.
    `confidence` is the calibrated probability of the category (operators/calibration.py)."""
    factors = [
        Factor(name=c.name, weight=c.weight, value=c.value, evidence=c.evidence, start=c.start, end=c.end)
        for c in priority.contributions
    ]
    if model_scores:
        top = max(model_scores, key=model_scores.__getitem__)
        factors.append(Factor(name="model_category", weight=0.0, value=f"{top} (p={model_scores[top]:.2f})"))
    for t in [t for t in terms if t.category == category][:3]:
        factors.append(
            Factor(
                name="category_term",
                weight=0.0,
                value=f"{category} (term weight {t.weight:g}) [{t.rule}]",
                evidence=t.text,
                start=t.start,
                end=t.end,
            )
        )
    factors.append(Factor(name="language", weight=0.0, value=f"{language} (p={language_confidence:.2f})"))
    shown = [
        c for c in cues if c.kind in ("contact", "incoming", "cbrn_release", "casualties", "routine_marker", "negation")
    ]
    evidence = "; ".join(f"{c.gloss} ('{c.text}')" for c in shown[:3])
    reason = f"{priority.precedence.value}: {category.replace('_', ' ')} (p={confidence:.2f})"
    if evidence:
        reason += f"; {evidence}"
    if notes:
        reason += "; " + "; ".join(notes)
    rules = list(
        dict.fromkeys([*(c.rule for c in cues if c.rule), *(t.rule for t in terms if t.rule), *priority.rules])
    )
    return Explanation(reason=reason, factors=factors, confidence=round(confidence, 4), rules=rules)
