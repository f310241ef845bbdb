"""Metrics of an exported model on labelled reports: category/urgency F1 and entity-level NER F1, per language.

Scores come from `operators.inference` on the ONNX graph, so the numbers describe the shipped artefact, not PyTorch.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from models.recipe.corpus import SyntheticReport
from operators.inference.decoding import decode_entities
from operators.inference.manifest import verify_model_dir
from operators.inference.model import TriageModel
from operators.inference.session import _create_session
from operators.inference.tokenizers import load_tokenizer


def load_variant(model_dir: Path, graph_file: str, threads: int | None = None) -> TriageModel:
    """A TriageModel on another precision variant of the same directory (for fp32 vs int8 comparisons)."""
    manifest = verify_model_dir(model_dir)
    variant = replace(manifest, graph=replace(manifest.graph, file=graph_file))
    session = _create_session(model_dir / graph_file, "cpu", threads)
    return TriageModel(variant, session, load_tokenizer(model_dir, manifest.tokenizer), model_dir)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": tp + fn}


def classification_scores(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    per_class = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        per_class[label] = _prf(tp, fp, fn)
    present = [lab for lab in labels if per_class[lab]["support"]]
    macro = float(np.mean([per_class[lab]["f1"] for lab in present])) if present else 0.0
    accuracy = float(np.mean([g == p for g, p in zip(gold, predicted)])) if gold else 0.0
    return {"macro_f1": round(macro, 4), "accuracy": round(accuracy, 4), "per_class": per_class, "count": len(gold)}


def entity_scores(
    gold: Iterable[set[tuple[str, int, int]]], predicted: Iterable[set[tuple[str, int, int]]], labels: Sequence[str]
) -> dict[str, Any]:
    """Exact-match entity P/R/F1 (label, start, end), micro over entities, plus per label."""
    counts: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, predicted):
        for label, *_ in g & p:
            counts[(label, "tp")] += 1
        for label, *_ in p - g:
            counts[(label, "fp")] += 1
        for label, *_ in g - p:
            counts[(label, "fn")] += 1
    total = _prf(*(sum(counts[(lab, k)] for lab in labels) for k in ("tp", "fp", "fn")))
    return {
        **total,
        "per_label": {lab: _prf(counts[(lab, "tp")], counts[(lab, "fp")], counts[(lab, "fn")]) for lab in labels},
    }


def evaluate(model: TriageModel, reports: Sequence[SyntheticReport], batch_size: int = 64) -> dict[str, Any]:
    texts = [r.text for r in reports]
    predictions = model.predict(texts, batch_size=batch_size)
    categories = model.manifest.category_labels
    urgencies = model.manifest.urgency_labels
    cat_pred = [categories[i] for i in predictions.category_probs.argmax(-1)]
    urg_pred = [urgencies[i] for i in predictions.urgency_probs.argmax(-1)]
    spans = decode_entities(predictions, texts)
    entity_labels = sorted({t.split("-", 1)[1] for t in model.manifest.ner_labels if "-" in t})
    gold_sets = [{(e.label, e.start, e.end) for e in r.entities} for r in reports]
    pred_sets = [{(s.label, s.start, s.end) for s in doc} for doc in spans]

    def block(index: list[int]) -> dict[str, Any]:
        return {
            "count": len(index),
            "category": classification_scores(
                [reports[i].category for i in index], [cat_pred[i] for i in index], categories
            ),
            "urgency": classification_scores(
                [reports[i].precedence for i in index], [urg_pred[i] for i in index], urgencies
            ),
            "ner": entity_scores([gold_sets[i] for i in index], [pred_sets[i] for i in index], entity_labels),
        }

    languages = sorted({r.language for r in reports})
    result = {"overall": block(list(range(len(reports))))}
    result["per_language"] = {
        lang: block([i for i, r in enumerate(reports) if r.language == lang]) for lang in languages
    }
    result["per_format"] = {
        fmt: block([i for i, r in enumerate(reports) if r.format == fmt]) for fmt in sorted({r.format for r in reports})
    }
    result["truncated"] = int(predictions.truncated.sum())
    errors = [
        {
            "text": reports[i].text,
            "gold": reports[i].category,
            "predicted": cat_pred[i],
            "template": reports[i].template,
        }
        for i in range(len(reports))
        if cat_pred[i] != reports[i].category
    ]
    result["category_errors_sample"] = errors[:12]
    return result


def measure_throughput(
    model: TriageModel, texts: Sequence[str], batch_size: int = 64, seconds: float = 6.0
) -> dict[str, float]:
    """End-to-end reports/s of `predict` (tokenise + ONNX + softmax) at the given batch size."""
    batches = [list(texts[i : i + batch_size]) for i in range(0, len(texts) - batch_size + 1, batch_size)]
    if not batches:
        raise ValueError("need at least one full batch of texts")
    model.predict(batches[0], batch_size=batch_size)  # warm-up: first run allocates and plans
    done, started = 0, time.perf_counter()
    latencies: list[float] = []
    while time.perf_counter() - started < seconds:
        for batch in batches:
            t0 = time.perf_counter()
            model.predict(batch, batch_size=batch_size)
            latencies.append(time.perf_counter() - t0)
            done += len(batch)
            if time.perf_counter() - started >= seconds:
                break
    elapsed = time.perf_counter() - started
    return {
        "reports_per_second": round(done / elapsed, 1),
        "batch_size": batch_size,
        "batch_latency_ms_p50": round(float(np.percentile(latencies, 50)) * 1000, 2),
        "batch_latency_ms_p95": round(float(np.percentile(latencies, 95)) * 1000, 2),
        "mean_tokens": round(float(np.mean([len(i) for i in model.encode(texts[:512])[0]])), 1),
    }


def flat_summary(metrics: dict[str, Any]) -> dict[str, Any]:
    """The headline numbers per language, for the manifest."""
    out: dict[str, Any] = {}
    for scope, block in [("overall", metrics["overall"]), *metrics["per_language"].items()]:
        out[scope] = {
            "category_macro_f1": block["category"]["macro_f1"],
            "category_accuracy": block["category"]["accuracy"],
            "urgency_macro_f1": block["urgency"]["macro_f1"],
            "urgency_accuracy": block["urgency"]["accuracy"],
            "ner_entity_f1": block["ner"]["f1"],
            "ner_entity_precision": block["ner"]["precision"],
            "ner_entity_recall": block["ner"]["recall"],
            "count": block["count"],
        }
    return out


INDEPENDENT_TYPES = {"grids": "GRID", "dtgs": "DTG", "equipment": "EQUIPMENT", "locations": "LOCATION"}


def evaluate_independent(model: TriageModel, path: Path) -> dict[str, Any]:
    """Scores on the hand-written set in tests/eval (its own format: gold category, acceptable precedences,
    and mention lists for grids, DTGs, equipment and locations, compared as sets of strings per report)."""
    import json

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    predictions = model.predict(texts)
    categories = model.manifest.category_labels
    urgencies = model.manifest.urgency_labels
    cat_pred = [categories[i] for i in predictions.category_probs.argmax(-1)]
    urg_pred = [urgencies[i] for i in predictions.urgency_probs.argmax(-1)]
    spans = decode_entities(predictions, texts)

    def block(index: list[int]) -> dict[str, Any]:
        gold_cat = [rows[i]["gold"]["category"] for i in index]
        flash = [i for i in index if rows[i]["gold"]["probable_flash"]]
        mentions: dict[str, dict[str, float]] = {}
        for field, label in INDEPENDENT_TYPES.items():
            tp = fp = fn = 0
            for i in index:
                gold = set(rows[i]["gold"][field])
                found = {s.text for s in spans[i] if s.label == label}
                tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
            mentions[label] = _prf(tp, fp, fn)
        return {
            "count": len(index),
            "category": classification_scores(gold_cat, [cat_pred[i] for i in index], categories),
            "precedence_acceptable": round(
                float(np.mean([urg_pred[i] in rows[i]["gold"]["precedence_acceptable"] for i in index])), 4
            )
            if index
            else 0.0,
            "probable_flash_kept_high": round(float(np.mean([urg_pred[i] in ("FLASH", "IMMEDIATE") for i in flash])), 4)
            if flash
            else None,
            "mentions": mentions,
        }

    languages = sorted({r["gold_language"] for r in rows})
    return {
        "file": str(path.name),
        "overall": block(list(range(len(rows)))),
        "per_language": {lg: block([i for i, r in enumerate(rows) if r["gold_language"] == lg]) for lg in languages},
    }
