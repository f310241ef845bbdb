"""Stage 1, model only: the ONNX session on pre-tokenised, padded batches, throughput per batch size.

A batch is padded to its longest report (rounded up to `TriageModel.pad_multiple`: 8 tokens on an
accelerator, none on the CPU), as `TriageModel.predict` pads
one micro-batch. Tokenising and padding are done before the clock starts; only `session.run` is
timed. Batch sizes (and the two orders) take turns in short slices over several rounds, so
background load on the machine spreads evenly over all of them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bench.stats import rate
from operators.inference.model import TriageModel


@dataclass
class _Batch:
    feeds: dict[str, NDArray[np.int64]]
    reports: int
    tokens: int  # real tokens, BOS included
    padded_tokens: int


def _batches(model: TriageModel, ids: Sequence[Sequence[int]], batch_size: int) -> list[_Batch]:
    pad_id = model.manifest.tokenizer.pad_id
    out: list[_Batch] = []
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        step = model.pad_multiple
        width = max(1, int(math.ceil(max(len(x) for x in chunk) / step) * step))
        input_ids = np.full((len(chunk), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.int64)
        for row, seq in enumerate(chunk):
            input_ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        out.append(_Batch({"input_ids": input_ids, "attention_mask": mask}, len(chunk), int(mask.sum()), mask.size))
    return out


def measure_model(
    model: TriageModel,
    texts: Sequence[str],
    batch_sizes: Sequence[int],
    seconds_per_size: float,
    rounds: int = 4,
) -> dict[str, Any]:
    """Two series per batch size, sharing `seconds_per_size`: batches in arrival order (what the agent
    runs: `predict` pads a micro-batch to its longest report) and batches of length-sorted reports
    (what bucketing over a larger window would run: almost no padding)."""
    ids, _offsets, truncated = model.encode(texts)
    by_length = sorted(ids, key=len)
    outputs = list(model.manifest.graph.outputs.values())
    series = [("arrival", b) for b in batch_sizes] + [("sorted", b) for b in batch_sizes]
    prepared = {("arrival", b): _batches(model, ids, b) for b in batch_sizes}
    prepared.update({("sorted", b): _batches(model, by_length, b) for b in batch_sizes})
    totals = {k: {"reports": 0, "tokens": 0, "padded_tokens": 0, "seconds": 0.0, "runs": 0} for k in series}
    position = dict.fromkeys(series, 0)
    for b in batch_sizes:  # first runs allocate buffers and pick kernels: not timed
        model.session.run(outputs, prepared[("arrival", b)][0].feeds)
    slice_s = seconds_per_size / rounds / 2
    for _ in range(rounds):
        for key in series:
            batches, total = prepared[key], totals[key]
            spent = 0.0
            while spent < slice_s:
                batch = batches[position[key] % len(batches)]
                position[key] += 1
                started = time.perf_counter()
                model.session.run(outputs, batch.feeds)
                elapsed = time.perf_counter() - started
                spent += elapsed
                total["seconds"] += elapsed
                total["reports"] += batch.reports
                total["tokens"] += batch.tokens
                total["padded_tokens"] += batch.padded_tokens
                total["runs"] += 1
    lengths = [len(x) for x in ids]
    return {
        "providers": list(model.providers),
        "precision": model.manifest.graph.precision,
        "max_length": model.max_length,
        "texts": len(texts),
        "mean_tokens": round(float(np.mean(lengths)), 1),
        "max_tokens": int(max(lengths)),
        "truncated": int(sum(truncated)),
        "by_batch_size": [_row(b, totals[("arrival", b)]) for b in batch_sizes],
        "by_batch_size_length_sorted": [_row(b, totals[("sorted", b)]) for b in batch_sizes],
    }


def _row(batch_size: int, t: dict[str, Any]) -> dict[str, Any]:
    return {
        "batch_size": batch_size,
        "reports_per_s": round(rate(t["reports"], t["seconds"]), 1),
        "tokens_per_s": round(rate(t["tokens"], t["seconds"]), 1),
        "padded_tokens_per_s": round(rate(t["padded_tokens"], t["seconds"]), 1),
        "padding_fraction": round(1.0 - t["tokens"] / t["padded_tokens"], 3) if t["padded_tokens"] else 0.0,
        "ms_per_batch": round(1000.0 * t["seconds"] / t["runs"], 3) if t["runs"] else 0.0,
        "runs": t["runs"],
        "seconds": round(t["seconds"], 3),
    }
