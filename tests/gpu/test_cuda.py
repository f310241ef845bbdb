"""The shipped model on a CUDA GPU (`make test-gpu`, on a machine with an NVIDIA GPU and onnxruntime-gpu).

`providers="cuda"` must really run on the CUDA execution provider (it raises otherwise), and agree with
the CPU on real report texts: category and urgency probabilities within 0.02, the same argmax on at
least 99% of reports, the same entity spans on at least 98%. The bounds are the H100 figures of
bench/results/2026-11-26-cuda-h100-model-check.json with a margin (int8 kernels differ by provider).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from operators.inference.decoding import decode_entities
from operators.inference.session import load_model

pytestmark = pytest.mark.gpu

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "default"


def _texts() -> list[str]:
    texts = []
    for path in (REPO / "demo" / "samples" / "reports.jsonl", REPO / "tests" / "eval" / "dev_reports.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line)["text"]))
    return texts


def test_cuda_runs_the_shipped_model_like_the_cpu() -> None:
    texts = _texts()
    gpu = load_model(MODEL, providers="cuda")
    assert "CUDAExecutionProvider" in gpu.session.get_providers()
    cpu = load_model(MODEL, providers="cpu")
    on_gpu, on_cpu = gpu.predict(texts), cpu.predict(texts)
    for head in ("category_probs", "urgency_probs"):
        a, b = np.asarray(getattr(on_gpu, head)), np.asarray(getattr(on_cpu, head))
        assert float(np.abs(a - b).max()) <= 0.02, head
        assert float(np.mean(a.argmax(axis=1) == b.argmax(axis=1))) >= 0.99, head
    spans_gpu, spans_cpu = decode_entities(on_gpu, texts), decode_entities(on_cpu, texts)
    same = sum(
        [(s.label, s.start, s.end) for s in g] == [(s.label, s.start, s.end) for s in c]
        for g, c in zip(spans_gpu, spans_cpu)
    )
    assert same >= 0.98 * len(texts)
