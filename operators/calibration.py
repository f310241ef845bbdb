"""Honest confidences: calibrated probabilities for the category and for the precedence, and the
measures that show they are honest (expected calibration error, reliability bins).

The category confidence is the combined category score sharpened or softened by one temperature,
fitted on the development sets so that among reports given 0.8, about 80 % have the right
category. The precedence confidence is a logistic model of whether the precedence is acceptable,
from how far the score sits from a threshold, how sure the category is, and what the facts say
(open-source material, a rule that moved the precedence, a reason for review). Both sets of
parameters live in the policy (operators/policy/data/calibration.yaml), written by `triage calibrate`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

PRECEDENCE_FEATURES = ("bias", "threshold_distance", "category_confidence", "open_source", "rule_moved", "review")


@dataclass(frozen=True, slots=True)
class Calibration:
    category_temperature: float = 1.0
    precedence_weights: tuple[float, ...] = (0.0,) * len(PRECEDENCE_FEATURES)

    @classmethod
    def from_params(cls, params: Mapping[str, object] | None) -> Calibration:
        if not params:
            return cls()
        weights = params.get("precedence_weights") or {}
        assert isinstance(weights, Mapping)
        return cls(
            float(params.get("category_temperature", 1.0)),  # type: ignore[arg-type]
            tuple(float(weights.get(name, 0.0)) for name in PRECEDENCE_FEATURES),
        )

    def to_params(self) -> dict[str, object]:
        return {
            "category_temperature": round(self.category_temperature, 4),
            "precedence_weights": {name: round(w, 4) for name, w in zip(PRECEDENCE_FEATURES, self.precedence_weights)},
        }

    def category_confidence(self, scores: Mapping[str, float], category: str) -> float:
        return tempered(scores, self.category_temperature).get(category, 0.0)

    def precedence_confidence(self, features: Sequence[float]) -> float:
        z = sum(w * x for w, x in zip(self.precedence_weights, features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def tempered(scores: Mapping[str, float], temperature: float) -> dict[str, float]:
    """The scores as probabilities at a temperature: p_i^(1/T), renormalised."""
    logits = {c: math.log(max(p, 1e-9)) / max(temperature, 1e-3) for c, p in scores.items()}
    top = max(logits.values(), default=0.0)
    exp = {c: math.exp(v - top) for c, v in logits.items()}
    total = sum(exp.values()) or 1.0
    return {c: v / total for c, v in exp.items()}


def precedence_features(
    score: float,
    thresholds: Sequence[float],
    category_confidence: float,
    open_source: bool,
    rule_moved: bool,
    review: bool,
) -> tuple[float, ...]:
    distance = min((abs(score - t) for t in thresholds), default=1.0)
    return (1.0, min(distance, 0.5) * 4.0, category_confidence, float(open_source), float(rule_moved), float(review))


# ------------------------------------------------------------------------------------------- fitting


def fit_temperature(scores: Sequence[Mapping[str, float]], gold: Sequence[str]) -> float:
    """The temperature that minimises the negative log-likelihood of the gold categories (grid then refine)."""

    def nll(t: float) -> float:
        return -sum(math.log(max(tempered(s, t).get(g, 0.0), 1e-9)) for s, g in zip(scores, gold)) / max(1, len(gold))

    grid = [0.25 * k for k in range(1, 41)]
    best = min(grid, key=nll)
    step = 0.125
    while step > 0.005:
        best = min((best - step, best, best + step), key=lambda t: nll(t) if t > 0.05 else float("inf"))
        step /= 2
    return best


def fit_logistic(
    features: Sequence[Sequence[float]], outcomes: Sequence[bool], l2: float = 0.01, steps: int = 4000
) -> tuple[float, ...]:
    """Weights of a logistic model by gradient descent (small data: a few hundred reports)."""
    x = np.asarray(features, dtype=np.float64)
    y = np.asarray(outcomes, dtype=np.float64)
    w = np.zeros(x.shape[1])
    rate = 0.5
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]]
        w -= rate * grad
    return tuple(float(v) for v in w)


def reliability(
    probabilities: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> list[tuple[float, float, int]]:
    """(mean confidence, accuracy, count) per equal-width confidence bin that holds reports."""
    out: list[tuple[float, float, int]] = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probabilities) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if idx:
            out.append(
                (sum(probabilities[i] for i in idx) / len(idx), sum(correct[i] for i in idx) / len(idx), len(idx))
            )
    return out


def expected_calibration_error(probabilities: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    total = len(probabilities) or 1
    return sum(n / total * abs(conf - acc) for conf, acc, n in reliability(probabilities, correct, bins))
