"""`python -m bench.gpu --tiny`: every step of the GPU benchmark runs on a tiny model and the result is complete.

CPU only (the tiny run falls back to CPU and float32 without a GPU). It checks the shape of the result and
the FLOP arithmetic, never a speed: the real figures come from `python -m bench.gpu` on an H100/H200.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[3]

pytest.importorskip("torch")
pytest.importorskip("transformers")

from bench import gpu


def test_flops_count_matmuls_and_attention() -> None:
    shape = gpu.ModelShape(hidden=8, layers=2, heads=2, kv_heads=1, intermediate=16, vocab=32, labels=3)
    # per layer: q 64 + k,v 2*8*4 + o 64 + mlp 3*8*16 = 576; 2 layers + head 24
    assert shape.matmul_parameters == 2 * 576 + 24
    batch = gpu.Batch(ids=np.zeros((2, 8), np.int64), mask=np.zeros((2, 8), np.int64), lengths=np.array([3, 8]))
    useful, computed = gpu.flops(shape, [batch])
    p2, attn = 2.0 * shape.matmul_parameters, 4.0 * 2 * 8
    assert useful == pytest.approx(p2 * 11 + attn * (9 + 64))
    assert computed == pytest.approx(16 * (p2 + attn * 8))


def test_bucketing_pads_less_than_arrival_order() -> None:
    lengths = np.random.default_rng(0).integers(gpu.MIN_TOKENS, gpu.MAX_TOKENS + 1, size=256)
    assert gpu.padding_fraction(lengths, 32, bucketed=True) < gpu.padding_fraction(lengths, 32, bucketed=False)
    batches = gpu.make_batches(lengths, 32, vocab=100, seed=1)
    assert sum(len(b.lengths) for b in batches) == 256
    for b in batches:
        assert b.ids.shape[1] % 8 == 0 and b.ids.shape[1] >= b.lengths.max()
        assert (b.mask.sum(axis=1) == b.lengths).all()
        assert (b.ids[:, 0] == gpu.BOS_ID).all() and (b.ids[b.mask == 0] == gpu.PAD_ID).all()


@pytest.fixture(scope="module")
def tiny_result(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench-gpu-tiny")
    done = subprocess.run(
        [sys.executable, "-m", "bench.gpu", "--tiny", "--out", str(out)],
        check=False,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=400,
    )
    assert done.returncode == 0, f"bench.gpu --tiny exited {done.returncode}:\n{done.stderr[-5000:]}"
    files = sorted(out.glob("*-gpu.json"))
    assert len(files) == 1, files
    return files[0], json.loads(files[0].read_text())


def test_result_is_named_by_date_and_device(tiny_result: tuple[Path, dict[str, Any]]) -> None:
    path, doc = tiny_result
    assert path.name == f"{doc['date']}-{doc['device_slug']}-gpu.json"
    assert doc["mode"] == "tiny" and doc["device"]["name"]


def test_every_step_has_figures(tiny_result: tuple[Path, dict[str, Any]]) -> None:
    _, doc = tiny_result
    assert doc["matmul_ceiling"]["tflops_median"] >= 0
    assert doc["workload"]["tokens_min"] >= gpu.MIN_TOKENS and doc["workload"]["tokens_max"] <= gpu.MAX_TOKENS
    rows = doc["pytorch"]["by_batch_size"]
    assert set(rows) == {str(bs) for bs in gpu.TINY.batch_sizes}
    for row in rows.values():
        assert row["reports_per_s"] > 0 and row["tokens_per_s"] > 0
        assert 0 <= row["padding_fraction"] < 1
    ort = doc["onnxruntime"]
    if "skipped" in ort or "error" in ort:
        pytest.skip(f"onnxruntime step did not run here: {ort}")
    assert ort["max_abs_diff_vs_pytorch"] < 1e-3  # float32 on CPU: the exported graph computes the same function
    assert all(r["reports_per_s"] > 0 for r in ort["by_batch_size"].values())
    assert "lines" in doc["summary"]
