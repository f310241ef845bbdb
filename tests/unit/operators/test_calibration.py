"""Calibration: the fitted temperature and precedence model, and the measures of calibration."""

from __future__ import annotations

import math
import random

from operators.calibration import (
    Calibration,
    expected_calibration_error,
    fit_logistic,
    fit_temperature,
    reliability,
    tempered,
)


def test_tempering_keeps_the_order_and_sums_to_one() -> None:
    scores = {"a": 0.7, "b": 0.2, "c": 0.1}
    for t in (0.5, 1.0, 2.0):
        out = tempered(scores, t)
        assert math.isclose(sum(out.values()), 1.0) and max(out, key=out.__getitem__) == "a"
    assert tempered(scores, 2.0)["a"] < 0.7 < tempered(scores, 0.5)["a"]


def test_the_fitted_temperature_recovers_an_overconfident_judge() -> None:
    """Scores at temperature 1/3 of the truth: the fit brings them back near 3."""
    rng = random.Random(1)
    scores, gold = [], []
    for _ in range(600):
        true_p = rng.uniform(0.4, 0.95)
        right = rng.random() < true_p
        stated = true_p**3 / (true_p**3 + (1 - true_p) ** 3)  # overconfident version of true_p
        scores.append({"a": stated, "b": 1 - stated})
        gold.append("a" if right else "b")
    t = fit_temperature(scores, gold)
    assert 2.0 < t < 4.5
    before = expected_calibration_error([s["a"] for s in scores], [g == "a" for g in gold])
    after = expected_calibration_error([tempered(s, t)["a"] for s in scores], [g == "a" for g in gold])
    assert after < before


def test_the_logistic_model_learns_which_feature_predicts_success() -> None:
    rng = random.Random(2)
    features, outcomes = [], []
    for _ in range(500):
        x = rng.random()
        features.append((1.0, x, rng.random()))
        outcomes.append(rng.random() < 0.2 + 0.7 * x)
    w = fit_logistic(features, outcomes)
    assert w[1] > 1.0 and abs(w[2]) < 0.6


def test_reliability_bins_and_ece() -> None:
    probs = [0.95] * 10 + [0.55] * 10
    correct = [True] * 9 + [False] + [True] * 5 + [False] * 5
    bins = reliability(probs, correct)
    assert [(round(c, 2), a, n) for c, a, n in bins] == [(0.55, 0.5, 10), (0.95, 0.9, 10)]
    assert math.isclose(expected_calibration_error(probs, correct), 0.05)


def test_calibration_round_trips_through_its_parameters() -> None:
    c = Calibration(1.5, (0.1, 0.2, 0.3, 0.4, 0.5, 0.6))
    assert Calibration.from_params(c.to_params()) == c
    assert 0.0 < c.precedence_confidence((1, 1, 1, 0, 0, 0)) < 1.0
