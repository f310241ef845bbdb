"""PNG plots of a result document: model throughput against batch size, latency at full and half load.

matplotlib is optional (it is not a dependency of the pipeline): without it no plot is written and
the result document says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np


def available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def write_plots(
    result: dict[str, Any], latencies_s: Mapping[str, Sequence[float]], out_dir: Path, stem: str
) -> list[str]:
    """Writes <stem>-throughput.png and <stem>-latency.png; returns their file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    title = f"{result['environment']['device']} · {result['model'].get('name', '?')} · {result['date']}"

    rows = result["model_only"]["by_batch_size"]
    rows_sorted = result["model_only"].get("by_batch_size_length_sorted", [])
    sizes = [r["batch_size"] for r in rows]
    fig, left = plt.subplots(figsize=(7.5, 4.4))
    left.plot(sizes, [r["reports_per_s"] for r in rows], "o-", color="tab:blue", label="reports/s, arrival order")
    if rows_sorted:
        left.plot(
            sizes,
            [r["reports_per_s"] for r in rows_sorted],
            "o:",
            color="tab:blue",
            alpha=0.6,
            label="reports/s, length-sorted",
        )
    left.set_xscale("log", base=2)
    left.set_xticks(sizes, [str(s) for s in sizes])
    left.set_xlabel("batch size")
    left.set_ylabel("reports/s", color="tab:blue")
    right = left.twinx()
    right.plot(
        sizes, [r["tokens_per_s"] for r in rows], "s--", color="tab:orange", label="real tokens/s, arrival order"
    )
    right.plot(
        sizes,
        [r["padded_tokens_per_s"] for r in rows],
        "^--",
        color="tab:red",
        alpha=0.6,
        label="computed (padded) tokens/s, arrival order",
    )
    right.set_ylabel("tokens/s", color="tab:orange")
    handles = left.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    left.legend(handles, [str(h.get_label()) for h in handles], fontsize=7, loc="lower left")
    left.set_ylim(bottom=0)
    right.set_ylim(bottom=0)
    left.set_title(f"ONNX session throughput against batch size\n{title}", fontsize=9)
    left.grid(alpha=0.3)
    fig.tight_layout()
    name = f"{stem}-throughput.png"
    fig.savefig(out_dir / name, dpi=120)
    plt.close(fig)
    written.append(name)

    fig, (hist, cdf) = plt.subplots(1, 2, figsize=(11, 4.2))
    colours = {"full": "tab:red", "half": "tab:green"}
    for load, values in latencies_s.items():
        ms = np.sort(np.asarray(values, dtype=np.float64) * 1000.0)
        if ms.size == 0:
            continue
        p = result["latency_ms"][load]
        label = f"{load} load (p50 {p['p50']:.0f}, p99 {p['p99']:.0f} ms)"
        bins = np.logspace(np.log10(max(ms.min(), 0.1)), np.log10(ms.max() + 1e-9), 40)
        hist.hist(ms, bins=bins, alpha=0.55, color=colours.get(load), label=label)
        cdf.plot(ms, np.arange(1, ms.size + 1) / ms.size, color=colours.get(load), label=label)
    target = result["targets"]["p99_half_ms"]
    for axis in (hist, cdf):
        axis.set_xscale("log")
        axis.set_xlabel("latency received_at → readable on reports.triaged (ms)")
        axis.axvline(target, color="grey", linestyle=":", label=f"p99 target at half load ({target:g} ms)")
        axis.grid(alpha=0.3)
        axis.legend(fontsize=7)
    hist.set_ylabel("reports")
    cdf.set_ylabel("fraction of reports")
    cdf.set_ylim(0, 1.01)
    fig.suptitle(f"End-to-end latency\n{title}", fontsize=9)
    fig.tight_layout()
    name = f"{stem}-latency.png"
    fig.savefig(out_dir / name, dpi=120)
    plt.close(fig)
    written.append(name)
    return written
