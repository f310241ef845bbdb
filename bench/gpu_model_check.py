"""The shipped model on a GPU: which execution provider loads it, parity with the CPU, fp16, speed.

    python -m bench.gpu_model_check --out DIR [--checkpoint DIR]

Run on a machine with an NVIDIA GPU and onnxruntime-gpu (bench/README.md). Steps, each recorded in
DIR/gpu-model-check.json even when a later one fails:

* `auto`: `operators.inference.session.load_model(models/default, providers="auto")` (TensorRT, then CUDA,
  then CPU) and the providers the session really runs on.
* `parity_shipped`: the shipped graph on the GPU against the same graph on the CPU, on real report
  texts (the demo samples and the development set): max |difference| of category and urgency
  probabilities and of token-tag probabilities, argmax agreement, identical entity spans.
* `fp16`: with `--checkpoint` (the Hugging Face checkpoint the build trained), `triage models export
  --fp16` there (the exporter checks fp16 parity on the CUDA EP), then the fp16 graph on the GPU
  scored on the synthetic evaluation split against the shipped int8 graph on the CPU: the change
  in accuracy from moving to fp16 on a GPU.
* `speed`: `TriageModel.predict` reports/s on the GPU (fp16 and shipped graph) and on the CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _texts() -> list[str]:
    texts = []
    for path in (ROOT / "demo" / "samples" / "reports.jsonl", ROOT / "tests" / "eval" / "dev_reports.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _compare(gpu: Any, cpu: Any, texts: list[str]) -> dict[str, Any]:
    import numpy as np

    from operators.inference.decoding import decode_entities

    pg, pc = gpu.predict(texts, batch_size=64), cpu.predict(texts, batch_size=64)
    token_diff = max(float(np.max(np.abs(a - b))) for a, b in zip(pg.token_probs, pc.token_probs) if a.size)
    tag_agree = sum(int((a.argmax(-1) == b.argmax(-1)).sum()) for a, b in zip(pg.token_probs, pc.token_probs))
    tag_total = sum(int(a.shape[0]) for a in pg.token_probs)
    eg, ec = decode_entities(pg, texts), decode_entities(pc, texts)
    same_spans = sum(
        {(s.label, s.start, s.end) for s in a} == {(s.label, s.start, s.end) for s in b} for a, b in zip(eg, ec)
    )
    return {
        "texts": len(texts),
        "gpu_providers": list(gpu.providers),
        "cpu_providers": list(cpu.providers),
        "category_prob_max_abs_diff": float(f"{float(np.max(np.abs(pg.category_probs - pc.category_probs))):.3g}"),
        "urgency_prob_max_abs_diff": float(f"{float(np.max(np.abs(pg.urgency_probs - pc.urgency_probs))):.3g}"),
        "token_prob_max_abs_diff": float(f"{token_diff:.3g}"),
        "category_argmax_agreement": round(
            float(np.mean(pg.category_probs.argmax(-1) == pc.category_probs.argmax(-1))), 4
        ),
        "urgency_argmax_agreement": round(
            float(np.mean(pg.urgency_probs.argmax(-1) == pc.urgency_probs.argmax(-1))), 4
        ),
        "token_tag_agreement": round(tag_agree / max(1, tag_total), 5),
        "reports_with_identical_entities": f"{same_spans}/{len(texts)}",
    }


def _rate(model: Any, texts: list[str], batch_size: int, seconds: float = 4.0) -> dict[str, Any]:
    model.predict(texts[:batch_size], batch_size=batch_size)  # warm-up (CUDA kernels, shapes)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        model.predict(texts, batch_size=batch_size)
        done += len(texts)
    elapsed = time.perf_counter() - start
    return {
        "batch_size": batch_size,
        "reports": done,
        "seconds": round(elapsed, 2),
        "reports_per_s": round(done / elapsed, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--model-dir", type=Path, default=ROOT / "models" / "default")
    parser.add_argument(
        "--checkpoint", type=Path, default=None, help="HF checkpoint of the shipped model, for the fp16 step"
    )
    parser.add_argument("--eval-count", type=int, default=3000)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    out_file = args.out / "gpu-model-check.json"
    doc: dict[str, Any] = {
        "model_dir": str(args.model_dir),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    state: dict[str, Any] = {}

    def step(name: str, fn: Callable[[], Any]) -> None:
        t0 = time.monotonic()
        try:
            doc[name] = fn()
        except Exception as exc:
            doc[name] = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()[-1500:]}
        if isinstance(doc[name], dict):
            doc[name]["step_s"] = round(time.monotonic() - t0, 1)
        out_file.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        print(f"{name}: {json.dumps(doc[name], ensure_ascii=False)[:600]}", flush=True)

    def environment() -> dict[str, Any]:
        import onnxruntime as ort

        info: dict[str, Any] = {"onnxruntime": ort.__version__, "available_providers": ort.get_available_providers()}
        try:
            import torch

            info["gpu"] = torch.cuda.get_device_name(0) if torch.cuda.is_available() else None
            info["cudnn_via_torch"] = torch.backends.cudnn.version() if torch.cuda.is_available() else None
        except ImportError:
            pass
        if hasattr(ort, "preload_dlls"):
            ort.preload_dlls()
        return info

    def auto() -> dict[str, Any]:
        from operators.inference.session import load_model

        state["gpu"] = load_model(args.model_dir, providers="auto")
        state["cpu"] = load_model(args.model_dir, providers="cpu")
        manifest = state["gpu"].manifest
        return {
            "providers_auto": list(state["gpu"].providers),
            "graph": manifest.graph.file,
            "precision": manifest.graph.precision,
            "graph_sha256": manifest.model_sha256,
        }

    texts = _texts()

    def fp16() -> dict[str, Any]:
        from models.recipe import corpus
        from models.recipe.evaluate import evaluate, flat_summary
        from models.recipe.export import export_checkpoint
        from operators.inference.session import load_model

        target = Path(os.environ.get("TMPDIR", "/tmp")) / "gpu-fp16-model"
        report = export_checkpoint(args.checkpoint, target, fp16=True, int8=False, name="triage-default-fp16")
        variants = {
            v.precision: {
                "max_abs_diff_vs_pytorch": v.max_abs_diff,
                "argmax_agreement": v.argmax_agreement,
                "checked_on": v.checked_on,
                "size_bytes": v.size_bytes,
            }
            for v in report.variants
        }
        manifest = json.loads((target / "manifest.json").read_text())
        state["fp16"] = load_model(target, providers="auto")
        split = list(corpus.generate(args.eval_count, 9001, "eval"))
        gpu_scores = flat_summary(evaluate(state["fp16"], split))
        cpu_scores = flat_summary(evaluate(state["cpu"], split))
        keys = ("category_macro_f1", "urgency_macro_f1", "ner_entity_f1")
        return {
            "export_variants": variants,
            "primary_graph": manifest["graph"]["file"],
            "fp16_providers": list(state["fp16"].providers),
            "eval_split": f"{args.eval_count} reports, seed 9001 (the card's evaluation split)",
            "fp16_gpu": {scope: {k: v[k] for k in keys} for scope, v in gpu_scores.items()},
            "shipped_int8_cpu": {scope: {k: v[k] for k in keys} for scope, v in cpu_scores.items()},
            "parity_on_report_texts": _compare(state["fp16"], state["cpu"], texts),
        }

    def speed() -> dict[str, Any]:
        many = (texts * (2048 // len(texts) + 1))[:2048]
        rows: dict[str, Any] = {}
        if "fp16" in state:
            rows["fp16_gpu"] = [_rate(state["fp16"], many, bs) for bs in (64, 256)]
        rows["shipped_gpu"] = [_rate(state["gpu"], many, bs) for bs in (64, 256)]
        rows["shipped_cpu"] = [_rate(state["cpu"], many, 64)]
        rows["cpu_threads"] = os.cpu_count()
        return rows

    step("environment", environment)
    step("auto", auto)
    if "gpu" in state:
        step("parity_shipped", lambda: _compare(state["gpu"], state["cpu"], texts))
        if args.checkpoint is not None:
            step("fp16", fp16)
        step("speed", speed)
    doc["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    out_file.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
