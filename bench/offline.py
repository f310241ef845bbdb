"""Stage 2, offline chain: `TriageChain.process` over the reports in batches, as `triage batch` runs it.

Parsing, the model, entities and rules are all inside the clock; reading files and writing
results are not (they are not what the streaming path is compared with).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from bench.stats import rate
from operators.chain import TriageChain
from schemas.errors import Rejection


def measure_offline(
    chain: TriageChain, payloads: Sequence[bytes], batch_size: int, max_seconds: float
) -> dict[str, Any]:
    """Reports per second over consecutive batches; stops after the batch that crosses `max_seconds`."""
    # A few untimed reports: spaCy and ONNX Runtime allocate on first use.
    chain.process(list(payloads[: min(batch_size, 32)]), datetime.now(UTC))
    done = rejected = 0
    cpu_started = time.process_time()
    started = time.perf_counter()
    for start in range(0, len(payloads), batch_size):
        batch = list(payloads[start : start + batch_size])
        results = chain.process(batch, datetime.now(UTC))
        rejected += sum(isinstance(r, Rejection) for r in results)
        done += len(batch)
        if time.perf_counter() - started >= max_seconds:
            break
    seconds = time.perf_counter() - started
    cpu_s = time.process_time() - cpu_started
    return {
        "batch_size": batch_size,
        "reports": done,
        "rejected": rejected,
        "seconds": round(seconds, 3),
        "reports_per_s": round(rate(done, seconds), 2),
        # All threads of this process (ONNX Runtime's included): comparable with the worker's CPU per report.
        "cpu_ms_per_report": round(1000.0 * cpu_s / done, 3) if done else 0.0,
    }
