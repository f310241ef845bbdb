"""Scores the chain against a labelled JSON Lines set (e.g. tests/eval/independent_reports.jsonl).

Each line is a FieldReport plus `gold_language` and `gold` {category, precedence_acceptable,
probable_flash, grids, dtgs, equipment, locations}. An entity mention counts as found when an
output entity of that label overlaps one of its occurrences in the text.

Each report is judged as it would be on arrival: the clock ("now") is set just after the latest
date-time group the report carries (its `dtg` field or one in its text), so a report is not
marked stale because the evaluation runs days after the scenario. Reports without any DTG use
EVAL_NOW.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from operators.calibration import (
    Calibration,
    expected_calibration_error,
    fit_logistic,
    fit_temperature,
    precedence_features,
    reliability,
)
from operators.chain import TriageChain
from operators.entities.dtg import find_dtgs
from schemas.errors import Rejection
from schemas.reports import TriagedReport
from schemas.vocab import CATEGORIES

ENTITY_GOLD = {"grids": "GRID", "dtgs": "DTG", "equipment": "EQUIPMENT", "locations": "LOCATION"}
# Same-day reference so that DTGs without month or year resolve as the writers meant.
EVAL_NOW = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
ARRIVAL_DELAY = timedelta(minutes=10)


def arrival_time(row: dict[str, Any]) -> datetime:
    """When the report would have arrived: just after the latest DTG it carries, else EVAL_NOW.

    Groups that name their month are placed anywhere in the scenario; groups without one ("172000Z")
    only decide when nothing else does, since their month is a guess relative to EVAL_NOW.
    """
    explicit: list[datetime] = []
    inferred: list[datetime] = []
    for text in (row.get("dtg"), row.get("text")):
        if isinstance(text, str):
            # A group with month and year resolves to itself whatever the reference and tolerance.
            for m in find_dtgs(text, EVAL_NOW):
                (inferred if m.inferred else explicit).append(m.utc)
    moments = explicit or inferred
    return max(moments) + ARRIVAL_DELAY if moments else EVAL_NOW


@dataclass
class Scores:
    n: int = 0
    rejected: int = 0
    category_gold: list[str] = field(default_factory=list)
    category_pred: list[str] = field(default_factory=list)
    precedence_ok: int = 0
    flash_total: int = 0
    flash_low: list[str] = field(default_factory=list)
    low_total: int = 0  # reports whose right answer is PRIORITY or ROUTINE only
    flash_on_low: list[str] = field(default_factory=list)  # of those, the ones the chain made FLASH
    entity_found: Counter[str] = field(default_factory=Counter)
    entity_total: Counter[str] = field(default_factory=Counter)
    entity_output: Counter[str] = field(default_factory=Counter)  # entities the chain output, per label
    entity_correct: Counter[str] = field(default_factory=Counter)  # of those, the ones on a gold mention
    without_evidence: int = 0
    needs_review: int = 0
    category_conf: list[float] = field(default_factory=list)
    category_ok: list[bool] = field(default_factory=list)
    precedence_conf: list[float] = field(default_factory=list)
    precedence_ok_list: list[bool] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        return {
            "reports": self.n,
            "rejected": self.rejected,
            "category_macro_f1": round(macro_f1(self.category_gold, self.category_pred), 4),
            "category_accuracy": round(
                sum(g == p for g, p in zip(self.category_gold, self.category_pred)) / max(1, len(self.category_gold)), 4
            ),
            "precedence_acceptable": round(self.precedence_ok / max(1, self.n - self.rejected), 4),
            "probable_flash": self.flash_total,
            "probable_flash_at_priority_or_routine": len(self.flash_low),
            "priority_or_routine_reports": self.low_total,
            "flash_at_priority_or_routine": len(self.flash_on_low),
            "recall": {
                label: round(self.entity_found[label] / self.entity_total[label], 4)
                if self.entity_total[label]
                else None
                for label in ENTITY_GOLD.values()
            },
            # An output entity is correct when it overlaps a gold mention of its label: a place the text
            # does not name, or a common word taken for one, counts against precision.
            "precision": {
                label: round(self.entity_correct[label] / self.entity_output[label], 4)
                if self.entity_output[label]
                else None
                for label in ENTITY_GOLD.values()
            },
            "without_summary_or_explanation": self.without_evidence,
            "needs_review_share": round(self.needs_review / max(1, self.n - self.rejected), 4),
            "category_ece": round(expected_calibration_error(self.category_conf, self.category_ok), 4),
            "precedence_ece": round(expected_calibration_error(self.precedence_conf, self.precedence_ok_list), 4),
        }


def macro_f1(gold: list[str], pred: list[str]) -> float:
    labels = [c for c in CATEGORIES if c in gold or c in pred]
    f1s = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        fp = sum(g != label and p == label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], text.find(needle)
    while start >= 0:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def evaluate(chain: TriageChain, path: Path) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    payloads = [
        json.dumps({k: v for k, v in row.items() if k not in ("gold", "gold_language")}).encode() for row in rows
    ]
    by_arrival: dict[datetime, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_arrival[arrival_time(row)].append(i)
    results: list[TriagedReport | Rejection] = [None] * len(rows)  # type: ignore[list-item]
    for now, indices in by_arrival.items():
        for i, result in zip(indices, chain.process([payloads[i] for i in indices], now)):
            results[i] = result
    overall = Scores()
    per_language: dict[str, Scores] = defaultdict(Scores)
    for row, result in zip(rows, results):
        for scores in (overall, per_language[row.get("gold_language", "?")]):
            _score(scores, row, result)
    return {
        "overall": overall.report(),
        "per_language": {lang: s.report() for lang, s in sorted(per_language.items())},
        "misses": overall.misses,
    }


def _score(s: Scores, row: dict[str, Any], result: TriagedReport | Rejection) -> None:
    gold = row["gold"]
    s.n += 1
    if isinstance(result, Rejection):
        s.rejected += 1
        s.misses.append({"report_id": row["report_id"], "rejected": result.reason.value})
        return
    s.category_gold.append(gold["category"])
    s.category_pred.append(result.category)
    acceptable = result.precedence in gold["precedence_acceptable"]
    s.precedence_ok += acceptable
    s.needs_review += result.needs_review
    s.category_conf.append(result.explanation.confidence)
    s.category_ok.append(result.category == gold["category"])
    s.precedence_conf.append(result.precedence_confidence)
    s.precedence_ok_list.append(acceptable)
    if gold.get("probable_flash"):
        s.flash_total += 1
        if result.precedence in ("PRIORITY", "ROUTINE"):
            s.flash_low.append(row["report_id"])
    if set(gold["precedence_acceptable"]) <= {"PRIORITY", "ROUTINE"}:
        s.low_total += 1
        if result.precedence == "FLASH":
            s.flash_on_low.append(row["report_id"])
    if not result.summary or not result.explanation.reason:
        s.without_evidence += 1
    missed: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    for key, label in ENTITY_GOLD.items():
        spans = [(e.start, e.end) for e in result.entities if e.label == label]
        gold_spans = [span for mention in gold.get(key, []) for span in _occurrences(row["text"], mention)]
        for entity in (e for e in result.entities if e.label == label):
            s.entity_output[label] += 1
            if any(a < entity.end and b > entity.start for a, b in gold_spans):
                s.entity_correct[label] += 1
            elif label in ("LOCATION", "EQUIPMENT"):
                extra.setdefault(label, []).append(entity.text)
        for mention in gold.get(key, []):
            s.entity_total[label] += 1
            hit = any(a < e and b > st for a, b in _occurrences(row["text"], mention) for st, e in spans)
            s.entity_found[label] += hit
            if not hit:
                missed.setdefault(label, []).append(mention)
    if gold["category"] != result.category or not acceptable or missed or extra:
        s.misses.append(
            {
                "report_id": row["report_id"],
                "category": [gold["category"], result.category],
                "precedence": [gold["precedence_acceptable"], result.precedence],
                "missed": missed,
                "extra": extra,
            }
        )


# ------------------------------------------------------------------------------------------- calibration


def judged(chain: TriageChain, paths: list[Path]) -> list[tuple[dict[str, Any], TriagedReport]]:
    """Every labelled row of the files with the chain's result, each judged as on arrival."""
    out: list[tuple[dict[str, Any], TriagedReport]] = []
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        by_arrival: dict[datetime, list[int]] = defaultdict(list)
        for i, row in enumerate(rows):
            by_arrival[arrival_time(row)].append(i)
        for now, indices in by_arrival.items():
            payloads = [
                json.dumps({k: v for k, v in rows[i].items() if k not in ("gold", "gold_language")}).encode()
                for i in indices
            ]
            for i, result in zip(indices, chain.process(payloads, now)):
                if not isinstance(result, Rejection):
                    out.append((rows[i], result))
    return out


def calibration_features(result: TriagedReport, calibration: Calibration) -> tuple[float, ...]:
    from operators.prioritise import THRESHOLDS

    confidence = calibration.category_confidence(result.category_scores, result.category)
    rules = result.explanation.rules
    return precedence_features(
        result.priority_score,
        [t for _, t in THRESHOLDS],
        confidence,
        any(r.startswith("reg.") for r in rules),
        any(r.startswith("prec.") for r in rules),
        result.needs_review,
    )


def fit_calibration(pairs: list[tuple[dict[str, Any], TriagedReport]]) -> tuple[Calibration, dict[str, Any]]:
    """Fit the category temperature and the precedence model on labelled results; report ECE before and after."""
    gold = [row["gold"]["category"] for row, _ in pairs]
    scores = [result.category_scores for _, result in pairs]
    temperature = fit_temperature(scores, gold)
    tempered_only = Calibration(category_temperature=temperature)
    features = [calibration_features(result, tempered_only) for _, result in pairs]
    acceptable = [result.precedence in row["gold"]["precedence_acceptable"] for row, result in pairs]
    weights = fit_logistic(features, acceptable)
    fitted = Calibration(temperature, weights)
    return fitted, calibration_report(pairs, fitted)


def calibration_report(pairs: list[tuple[dict[str, Any], TriagedReport]], calibration: Calibration) -> dict[str, Any]:
    category_p = [calibration.category_confidence(r.category_scores, r.category) for _, r in pairs]
    category_ok = [r.category == row["gold"]["category"] for row, r in pairs]
    raw_p = [r.category_scores.get(r.category, 0.0) for _, r in pairs]
    precedence_p = [calibration.precedence_confidence(calibration_features(r, calibration)) for _, r in pairs]
    precedence_ok = [r.precedence in row["gold"]["precedence_acceptable"] for row, r in pairs]
    return {
        "reports": len(pairs),
        "category_ece_raw": round(expected_calibration_error(raw_p, category_ok), 4),
        "category_ece": round(expected_calibration_error(category_p, category_ok), 4),
        "precedence_ece": round(expected_calibration_error(precedence_p, precedence_ok), 4),
        "category_reliability": reliability(category_p, category_ok),
        "precedence_reliability": reliability(precedence_p, precedence_ok),
        "needs_review_share": round(sum(r.needs_review for _, r in pairs) / max(1, len(pairs)), 4),
    }
