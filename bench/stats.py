"""Summaries of measured samples: percentiles of latencies, rates from counts and spans."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def percentiles_ms(latencies_s: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99 (and mean, max, count) of latencies given in seconds, reported in milliseconds."""
    if not latencies_s:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "mean": 0.0, "max": 0.0, "count": 0}
    ms = np.asarray(latencies_s, dtype=np.float64) * 1000.0
    p50, p95, p99 = np.percentile(ms, [50, 95, 99])
    return {
        "p50": round(float(p50), 2),
        "p95": round(float(p95), 2),
        "p99": round(float(p99), 2),
        "mean": round(float(ms.mean()), 2),
        "max": round(float(ms.max()), 2),
        "count": int(ms.size),
    }


def rate(count: float, seconds: float) -> float:
    return float(count) / seconds if seconds > 0 else 0.0


def ratio(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 3) if denominator > 0 else 0.0
