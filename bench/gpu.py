"""GPU benchmark: a real-size Mistral-architecture report classifier, fp16, on one CUDA GPU.

    python -m bench.gpu                 # full size (about 3.1B parameters); needs a CUDA GPU with 24+ GiB
    python -m bench.gpu --tiny          # a tiny model on whatever device there is (CPU too): a smoke of every step
    python -m bench.gpu --out DIR       # where the result goes (default bench/results)
    python -m bench.gpu --no-ort        # PyTorch only
    python -m bench.gpu --deadline-s N  # skip the steps that would not finish within N seconds of the start

What it measures, in one run on the same card:

* **Matmul ceiling**: a torch fp16 8192x8192x8192 product on random data, timed with CUDA events after
  warm-up (median of the timed products). Model FLOP utilisation (MFU) is given against it and against
  the datasheet's 989 TFLOP/s dense fp16/bf16 of an H100/H200 SXM.
* **Workload**: report-like token batches. Lengths come from `bench.reports` tokenised by the default
  model's SentencePiece tokenizer (BOS included), clipped to 40-200 tokens (a clipped normal when the
  tokenizer is not there); ids are random. Reports are bucketed by length (sorted, then cut into batches,
  each padded to its longest report rounded up to 8, as `TriageModel.predict` pads) and the padding
  fraction is reported next to what arrival order would pad.
* **Model**: the project's architecture (`models/recipe/architecture.py`: Mistral trunk with a bidirectional
  padding mask, mean pooling), at real size with random weights: hidden 3072, 30 layers, 24/8 GQA heads,
  intermediate 8192, vocab 32768, one 8-label head. Defined here rather than imported, so the benchmark
  does not change when the recipe does.
* **PyTorch fp16** (eager, SDPA attention): reports/s, tokens/s, MFU. Inputs are staged on the GPU
  before the clock starts (model only).
* **ONNX Runtime CUDA EP** (needs onnxruntime-gpu): the same model exported with `torch.onnx.export`
  (dynamo, opset 18, external data; ONNX Runtime's own graph optimisations at ORT_ENABLE_ALL), run with IO binding on the same batches; max |logit difference| to
  PyTorch on one batch.
* **default_model_parity**: `models/default` on CUDAExecutionProvider against CPUExecutionProvider (fp32,
  and fp16 converted with onnxruntime's float16 tool), max |difference| per output on random token batches.

MFU counts the FLOPs of the useful (unpadded) tokens: 2 x matmul parameters per token plus 4 x layers x
hidden x length per token for attention scores and values. The FLOPs the card actually ran, padding
included, are reported as `hardware_*`.

The result is `<date>-<device>-gpu.json` in the output folder, written after every step, so a run cut
short keeps what it measured.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import glob
import hashlib
import json
import math
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "bench" / "results"
DEFAULT_MODEL_DIR = REPO / "models" / "default"
PEAK_DENSE_FP16_TFLOPS = 989.0  # H100 / H200 SXM datasheet, dense (no sparsity), fp16 and bf16 alike
MFU_TARGET = 0.40
MATMUL_WARMUP = 10  # enough products for the clocks to leave idle (the 2026-11-26 H100 run used 3)
MIN_TOKENS, MAX_TOKENS = 40, 200
BOS_ID, PAD_ID = 1, 0
INPUT_NAMES = ("input_ids", "attention_mask")


@dataclass(frozen=True)
class ModelShape:
    hidden: int
    layers: int
    heads: int
    kv_heads: int
    intermediate: int
    vocab: int
    labels: int

    @property
    def kv_dim(self) -> int:
        return self.hidden // self.heads * self.kv_heads

    @property
    def matmul_parameters(self) -> int:
        """Weights that multiply every token: attention projections, MLP, the head (not embeddings or norms)."""
        h = self.hidden
        per_layer = h * h + 2 * h * self.kv_dim + h * h + 3 * h * self.intermediate
        return self.layers * per_layer + h * self.labels

    @property
    def parameters(self) -> int:
        h = self.hidden
        norms = (2 * self.layers + 1) * h
        return self.matmul_parameters + self.vocab * h + norms + self.labels


@dataclass(frozen=True)
class Plan:
    shape: ModelShape
    reports: int
    batch_sizes: tuple[int, ...]
    rounds: int
    matmul_n: int
    matmul_reps: int
    parity_reports: int


REAL = Plan(
    shape=ModelShape(hidden=3072, layers=30, heads=24, kv_heads=8, intermediate=8192, vocab=32768, labels=8),
    reports=2048,
    batch_sizes=(16, 64, 128, 256),
    rounds=2,
    matmul_n=8192,
    matmul_reps=20,
    parity_reports=256,
)
TINY = Plan(
    shape=ModelShape(hidden=64, layers=2, heads=4, kv_heads=2, intermediate=128, vocab=512, labels=8),
    reports=48,
    batch_sizes=(8, 32),
    rounds=1,
    matmul_n=256,
    matmul_reps=3,
    parity_reports=16,
)


# ----------------------------------------------------------------------------------------- workload


def report_lengths(count: int, model_dir: Path, seed: int = 20261126) -> tuple[np.ndarray, str]:
    """Token counts (BOS included) of generated reports, clipped to [MIN_TOKENS, MAX_TOKENS]."""
    try:
        from sentencepiece import SentencePieceProcessor

        from bench.reports import generate

        manifest = json.loads((model_dir / "manifest.json").read_text())
        tokenizer = SentencePieceProcessor(model_file=str(model_dir / manifest["tokenizer"]["file"]))
        texts = [str(r.fields["text"]) for r in generate(count, seed=seed)]
        raw = np.array([len(ids) + 1 for ids in tokenizer.encode(texts)], dtype=np.int64)
        source = f"bench.reports tokenised by {model_dir.name}/{manifest['tokenizer']['file']} (+BOS)"
    except Exception as exc:
        rng = np.random.default_rng(seed)
        raw = np.rint(rng.normal(130.0, 35.0, size=count)).astype(np.int64)
        source = f"clipped normal(130, 35) (tokenizer unavailable: {type(exc).__name__}: {exc})"
    clipped = np.clip(raw, MIN_TOKENS, MAX_TOKENS)
    return (
        clipped,
        f"{source}, clipped to [{MIN_TOKENS}, {MAX_TOKENS}]; {int((raw != clipped).sum())} of {count} clipped",
    )


@dataclass
class Batch:
    ids: np.ndarray  # int64 (rows, width)
    mask: np.ndarray  # int64 (rows, width)
    lengths: np.ndarray  # real tokens per row

    @property
    def tokens(self) -> int:
        return int(self.lengths.sum())

    @property
    def padded_tokens(self) -> int:
        return int(self.ids.size)


def _width(lengths: np.ndarray) -> int:
    return max(8, int(math.ceil(int(lengths.max()) / 8.0) * 8))


def make_batches(lengths: np.ndarray, batch_size: int, vocab: int, seed: int, bucketed: bool = True) -> list[Batch]:
    """Batches of random ids with the given lengths: sorted by length first when bucketed, else in order."""
    rng = np.random.default_rng(seed)
    order = np.argsort(lengths, kind="stable") if bucketed else np.arange(len(lengths))
    out: list[Batch] = []
    for start in range(0, len(order), batch_size):
        rows = lengths[order[start : start + batch_size]]
        width = _width(rows)
        ids = np.full((len(rows), width), PAD_ID, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for r, n in enumerate(rows):
            ids[r, 0] = BOS_ID
            ids[r, 1:n] = rng.integers(3, vocab, size=int(n) - 1)
            mask[r, :n] = 1
        out.append(Batch(ids, mask, rows.copy()))
    return out


def padding_fraction(lengths: np.ndarray, batch_size: int, bucketed: bool) -> float:
    order = np.argsort(lengths, kind="stable") if bucketed else np.arange(len(lengths))
    real = padded = 0
    for start in range(0, len(order), batch_size):
        rows = lengths[order[start : start + batch_size]]
        real += int(rows.sum())
        padded += len(rows) * _width(rows)
    return 1.0 - real / padded


def flops(shape: ModelShape, batches: Sequence[Batch]) -> tuple[float, float]:
    """(useful, computed) forward FLOPs: real tokens only, and everything the padded batches ran."""
    p2 = 2.0 * shape.matmul_parameters
    attn = 4.0 * shape.layers * shape.hidden
    useful = computed = 0.0
    for b in batches:
        n = b.lengths.astype(np.float64)
        useful += float((p2 * n + attn * n * n).sum())
        rows, width = b.ids.shape
        computed += rows * width * (p2 + attn * width)
    return useful, computed


# ----------------------------------------------------------------------------------------- results


class Result:
    """The result document, written to disk after every step."""

    def __init__(self, out_dir: Path, mode: str) -> None:
        self.out_dir = out_dir
        self.started = time.monotonic()
        self.doc: dict[str, Any] = {
            "kind": "gpu",
            "mode": mode,
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": " ".join([os.path.basename(sys.executable), "-m", "bench.gpu", *sys.argv[1:]]),
            "notes": [],
        }
        self.path: Path | None = None

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def name(self, device_slug: str) -> None:
        self.doc["device_slug"] = device_slug
        self.path = self.out_dir / f"{self.doc['date']}-{device_slug}-gpu.json"

    def note(self, text: str) -> None:
        print(f"note: {text}", flush=True)
        self.doc["notes"].append(text)

    def save(self) -> None:
        if self.path is None:
            return
        self.doc["elapsed_s"] = round(self.elapsed(), 1)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(self.doc, indent=2, sort_keys=False, default=_json_default) + "\n")
        tmp.replace(self.path)


def _json_default(value: Any) -> Any:
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"not JSON: {type(value).__name__}")


def step(result: Result, key: str, estimate_s: float, deadline_s: float | None, fn: Callable[[], Any]) -> Any:
    """Run one step unless it would overrun the deadline; record its result or its error under `key`."""
    if deadline_s is not None and result.elapsed() + estimate_s > deadline_s:
        reason = f"skipped: {result.elapsed():.0f} s gone, about {estimate_s:.0f} s needed, deadline {deadline_s:.0f} s"
        result.doc[key] = {"skipped": reason}
        result.note(f"{key} {reason}")
        result.save()
        return None
    t0 = time.monotonic()
    print(f"== {key} (at {result.elapsed():.0f} s)", flush=True)
    try:
        value = fn()
    except Exception as exc:
        result.doc[key] = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()[-3000:]}
        print(traceback.format_exc(), file=sys.stderr, flush=True)
        result.save()
        return None
    if isinstance(value, dict):
        value.setdefault("step_s", round(time.monotonic() - t0, 1))
    result.doc[key] = value
    result.save()
    return value


# ----------------------------------------------------------------------------------------- torch side


def _torch() -> Any:
    import torch

    return torch


def device_info(torch: Any) -> dict[str, Any]:
    if not torch.cuda.is_available():
        return {
            "name": f"cpu ({platform.processor() or platform.machine()})",
            "cuda": False,
            "cpu_count": os.cpu_count(),
        }
    props = torch.cuda.get_device_properties(0)
    return {
        "name": torch.cuda.get_device_name(0),
        "cuda": True,
        "capability": f"{props.major}.{props.minor}",
        "multiprocessors": props.multi_processor_count,
        "memory_gib": round(props.total_memory / 2**30, 1),
        "torch_cuda": torch.version.cuda,
        "cudnn": torch.backends.cudnn.version(),
        "cpu_count": os.cpu_count(),
    }


def device_slug(info: dict[str, Any]) -> str:
    if not info.get("cuda"):
        return "cpu"
    name = str(info["name"]).lower()
    for junk in ("nvidia", "80gb", "hbm3", "sxm5", "sxm"):
        name = name.replace(junk, " ")
    return "-".join(["cuda", *name.split()])


def versions() -> dict[str, str]:
    from importlib import metadata

    found = {"python": platform.python_version()}
    for package in (
        "torch",
        "transformers",
        "onnx",
        "onnxscript",
        "onnxruntime",
        "onnxruntime-gpu",
        "numpy",
        "sentencepiece",
    ):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    try:
        import onnxruntime as ort

        found["onnxruntime_imported"] = f"{ort.__version__} from {Path(ort.__file__).parent}"
    except Exception as exc:
        found["onnxruntime_imported"] = f"not importable: {exc}"
    return found


def matmul_ceiling(torch: Any, n: int, reps: int, dtype_name: str = "float16") -> dict[str, Any]:
    """n x n x n product on random data; CUDA events around each timed product, median over reps."""
    dtype = getattr(torch, dtype_name)
    cuda = torch.cuda.is_available()
    dev = "cuda" if cuda else "cpu"
    if not cuda and dtype_name == "float16":
        dtype = torch.float32  # CPU fp16 matmul is not what anyone would run
    gen = torch.Generator(device=dev).manual_seed(0)
    a = torch.randn(n, n, device=dev, dtype=dtype, generator=gen)
    b = torch.randn(n, n, device=dev, dtype=dtype, generator=gen)
    times: list[float] = []
    for _ in range(MATMUL_WARMUP):
        torch.matmul(a, b)
    if cuda:
        torch.cuda.synchronize()
        for _ in range(reps):
            start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            c = torch.matmul(a, b)
            stop.record()
            stop.synchronize()
            times.append(start.elapsed_time(stop) / 1e3)
    else:
        for _ in range(reps):
            t0 = time.perf_counter()
            c = torch.matmul(a, b)
            times.append(time.perf_counter() - t0)
    if not bool(torch.isfinite(c).all()):
        raise RuntimeError("matmul produced non-finite values")
    med = float(np.median(times))
    work = 2.0 * n**3
    return {
        "dtype": str(dtype).replace("torch.", ""),
        "m": n,
        "n": n,
        "k": n,
        "reps": reps,
        "warmup": MATMUL_WARMUP,
        "timer": "cuda events" if cuda else "perf_counter",
        "ms_median": round(med * 1e3, 3),
        "ms_min": round(min(times) * 1e3, 3),
        "tflops_median": round(work / med / 1e12, 1),
        "tflops_best": round(work / min(times) / 1e12, 1),
    }


def build_classifier(torch: Any, shape: ModelShape, device: str, dtype: Any) -> Any:
    """The recipe's MistralForReportTriage trunk + mean pooling, with one `labels`-way head."""
    from torch import nn
    from transformers import MistralConfig, MistralModel

    config = MistralConfig(
        vocab_size=shape.vocab,
        hidden_size=shape.hidden,
        intermediate_size=shape.intermediate,
        num_hidden_layers=shape.layers,
        num_attention_heads=shape.heads,
        num_key_value_heads=shape.kv_heads,
        max_position_embeddings=256,
        sliding_window=None,
        pad_token_id=PAD_ID,
        bos_token_id=BOS_ID,
        eos_token_id=2,
        tie_word_embeddings=False,
    )
    config._attn_implementation = "sdpa"

    class ReportClassifier(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = MistralModel(config)
            for layer in self.model.layers:
                layer.self_attn.is_causal = False
            self.head = nn.Linear(shape.hidden, shape.labels)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            dt = self.model.embed_tokens.weight.dtype
            keep = attention_mask[:, None, None, :].to(dt)
            mask = (1.0 - keep) * torch.finfo(dt).min  # 4-D additive mask: bidirectional, padding only
            hidden = self.model(input_ids=input_ids, attention_mask=mask, use_cache=False).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
            return self.head(pooled)

    torch.manual_seed(0)
    with torch.device(device):
        model = ReportClassifier()
    return model.to(dtype).eval()


def _sync(torch: Any) -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def time_torch(
    torch: Any, model: Any, batches: Sequence[Batch], device: str, rounds: int
) -> tuple[float, list[float], Any]:
    """Seconds for one pass over the batches (best of `rounds`), all rounds, and the first batch's logits."""
    staged = [(torch.from_numpy(b.ids).to(device), torch.from_numpy(b.mask).to(device)) for b in batches]
    with torch.inference_mode():
        first = model(*staged[0])
        for i in {len(staged) // 2, len(staged) - 1}:
            model(*staged[i])
        _sync(torch)
        times = []
        for _ in range(rounds):
            _sync(torch)
            t0 = time.perf_counter()
            for ids, mask in staged:
                out = model(ids, mask)
            _sync(torch)
            times.append(time.perf_counter() - t0)
        if not bool(torch.isfinite(out).all()) or not bool(torch.isfinite(first).all()):
            raise RuntimeError("non-finite logits")
    return min(times), times, first.float().cpu().numpy()


def figures(
    shape: ModelShape, batches: Sequence[Batch], seconds: float, ceiling_tflops: float | None, peak: float | None
) -> dict[str, Any]:
    useful, computed = flops(shape, batches)
    reports = sum(len(b.lengths) for b in batches)
    tokens = sum(b.tokens for b in batches)
    padded = sum(b.padded_tokens for b in batches)
    tflops = useful / seconds / 1e12
    hw_tflops = computed / seconds / 1e12
    row: dict[str, Any] = {
        "batches": len(batches),
        "reports": reports,
        "tokens": tokens,
        "padded_tokens": padded,
        "padding_fraction": round(1.0 - tokens / padded, 4),
        "seconds": round(seconds, 4),
        "reports_per_s": round(reports / seconds, 1),
        "tokens_per_s": round(tokens / seconds, 0),
        "padded_tokens_per_s": round(padded / seconds, 0),
        "model_tflops": round(tflops, 1),
        "hardware_tflops": round(hw_tflops, 1),
    }
    if peak:
        row["mfu_vs_peak"] = round(tflops / peak, 4)
        row["hardware_fu_vs_peak"] = round(hw_tflops / peak, 4)
    if ceiling_tflops:
        row["mfu_vs_matmul_ceiling"] = round(tflops / ceiling_tflops, 4)
        row["hardware_fu_vs_matmul_ceiling"] = round(hw_tflops / ceiling_tflops, 4)
    return row


# ----------------------------------------------------------------------------------------- onnx runtime side


def prepare_onnxruntime(torch: Any) -> dict[str, Any]:
    """Import onnxruntime after torch (whose CUDA libraries it then finds) and load what the CUDA EP needs."""
    report: dict[str, Any] = {}
    if torch.cuda.is_available():
        report["cudnn_via_torch"] = torch.backends.cudnn.version()  # loads libcudnn into the process
    import onnxruntime as ort

    report["version"] = ort.__version__
    report["module"] = str(Path(ort.__file__).parent)
    if torch.cuda.is_available():
        preload = getattr(ort, "preload_dlls", None)
        if preload is not None:
            try:
                preload()
                report["preload_dlls"] = "ok"
            except Exception as exc:
                report["preload_dlls"] = f"{type(exc).__name__}: {exc}"
        loaded: dict[str, str] = {}
        roots = [Path(p) for p in sys.path if p and Path(p, "nvidia").is_dir()]
        for lib in (
            "libcudart.so.13",
            "libcublasLt.so.13",
            "libcublas.so.13",
            "libcurand.so.10",
            "libcufft.so.12",
            "libcudnn.so.9",
        ):
            try:
                ctypes.CDLL(lib, mode=ctypes.RTLD_GLOBAL)
                loaded[lib] = "by soname"
                continue
            except OSError:
                pass
            hits = [h for r in roots for h in glob.glob(str(r / "nvidia" / "**" / lib), recursive=True)]
            for hit in hits:
                try:
                    ctypes.CDLL(hit, mode=ctypes.RTLD_GLOBAL)
                    loaded[lib] = hit
                    break
                except OSError:
                    continue
            else:
                loaded[lib] = "not found"
        report["libraries"] = loaded
    report["available_providers"] = ort.get_available_providers()
    return report


def ort_session(path: Path, providers: Sequence[str]) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    chain: list[Any] = []
    for p in providers:
        if p == "CUDAExecutionProvider":
            chain.append(
                (
                    p,
                    {
                        "device_id": 0,
                        "arena_extend_strategy": "kSameAsRequested",
                        "cudnn_conv_algo_search": "HEURISTIC",
                    },
                )
            )
        else:
            chain.append(p)
    return ort.InferenceSession(str(path), sess_options=options, providers=chain)


def default_model_parity(model_dir: Path, lengths: np.ndarray, batch_size: int) -> dict[str, Any]:
    """models/default on CUDA EP vs CPU EP, fp32 and fp16, max |difference| per output."""
    import onnxruntime as ort

    manifest = json.loads((model_dir / "manifest.json").read_text())
    graph = model_dir / manifest["graph"]["file"]
    outputs = dict(manifest["graph"]["outputs"])  # head -> output name
    vocab = int(manifest["tokenizer"]["vocab_size"])
    batches = make_batches(lengths, batch_size, vocab, seed=7)
    cpu = ort_session(graph, ["CPUExecutionProvider"])
    names = list(outputs.values())
    reference = [cpu.run(names, {"input_ids": b.ids, "attention_mask": b.mask}) for b in batches]
    doc: dict[str, Any] = {
        "model": f"{model_dir.name} {manifest.get('name')} {manifest.get('version')} ({manifest['graph'].get('precision')})",
        "reports": len(lengths),
        "batch_size": batch_size,
        "batches": len(batches),
        "inputs": "random ids in [3, vocab) after BOS, lengths as the workload, padded per bucket",
        "outputs": outputs,
        "graph_sha256": hashlib.sha256(graph.read_bytes()).hexdigest(),
    }

    def compare(session: Any) -> dict[str, Any]:
        worst = dict.fromkeys(outputs, 0.0)
        agree = {head: [0, 0] for head in outputs}
        scale = dict.fromkeys(outputs, 0.0)
        for b, ref in zip(batches, reference):
            got = session.run(names, {"input_ids": b.ids, "attention_mask": b.mask})
            valid = b.mask.astype(bool)
            for (head, _), r, g in zip(outputs.items(), ref, got):
                r, g = np.asarray(r, np.float32), np.asarray(g, np.float32)
                if r.ndim == 3:  # per token: compare real tokens only
                    r, g = r[valid], g[valid]
                worst[head] = max(worst[head], float(np.max(np.abs(r - g))))
                scale[head] = max(scale[head], float(np.max(np.abs(r))))
                agree[head][0] += int((r.argmax(-1) == g.argmax(-1)).sum())
                agree[head][1] += int(r.shape[0])
        return {
            "providers": session.get_providers(),
            "loaded_on_cuda": session.get_providers()[0] == "CUDAExecutionProvider",
            "max_abs_diff": {h: float(f"{v:.3g}") for h, v in worst.items()},
            "max_abs_reference": {h: round(v, 3) for h, v in scale.items()},
            "argmax_agreement": {h: round(a / max(1, n), 5) for h, (a, n) in agree.items()},
        }

    wanted = ["CUDAExecutionProvider", "CPUExecutionProvider"]
    if "CUDAExecutionProvider" not in ort.get_available_providers():
        doc["fp32_cuda_vs_cpu"] = {"skipped": "CUDAExecutionProvider not in this onnxruntime build"}
        return doc
    t0 = time.monotonic()
    session = ort_session(graph, wanted)
    doc["fp32_cuda_vs_cpu"] = compare(session)
    doc["fp32_cuda_vs_cpu"]["session_s"] = round(time.monotonic() - t0, 1)
    doc["fp32_session_run_reports_per_s"] = {
        "providers": session.get_providers()[0],
        "batch_size": batch_size,
        "reports_per_s": _ort_rate(session, batches, names),
    }
    del session
    try:
        import onnx
        from onnxruntime.transformers.float16 import convert_float_to_float16

        fp16 = convert_float_to_float16(onnx.load(str(graph)), keep_io_types=True)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.fp16.onnx"
            onnx.save_model(fp16, str(path))
            session = ort_session(path, wanted)
            doc["fp16_cuda_vs_fp32_cpu"] = compare(session)
            doc["fp16_cuda_vs_fp32_cpu"]["converted_with"] = (
                "onnxruntime.transformers.float16.convert_float_to_float16(keep_io_types=True)"
            )
            del session
    except Exception as exc:
        doc["fp16_cuda_vs_fp32_cpu"] = {"error": f"{type(exc).__name__}: {exc}"}
    return doc


def _ort_rate(session: Any, batches: Sequence[Batch], names: Sequence[str]) -> float:
    """Reports/s through plain session.run (host inputs and outputs, what the pipeline calls), one pass after a warm-up."""
    for b in batches[:2]:
        session.run(list(names), {"input_ids": b.ids, "attention_mask": b.mask})
    t0 = time.perf_counter()
    for b in batches:
        session.run(list(names), {"input_ids": b.ids, "attention_mask": b.mask})
    return round(sum(len(b.lengths) for b in batches) / (time.perf_counter() - t0), 1)


def export_onnx(torch: Any, model: Any, sample: Batch, path: Path, device: str) -> dict[str, Any]:
    """torch.onnx.export (dynamo, opset 18, dynamic batch and sequence, no onnxscript optimisation), saved with external data."""
    batch = torch.export.Dim("batch", min=1, max=4096)
    seq = torch.export.Dim("sequence", min=2, max=4096)
    args = (torch.from_numpy(sample.ids).to(device), torch.from_numpy(sample.mask).to(device))
    t0 = time.monotonic()
    with torch.inference_mode(False), torch.no_grad():
        program = torch.onnx.export(
            model,
            args,
            input_names=list(INPUT_NAMES),
            output_names=["category_logits"],
            opset_version=18,
            dynamo=True,
            dynamic_shapes={"input_ids": {0: batch, 1: seq}, "attention_mask": {0: batch, 1: seq}},
            optimize=False,
            verbose=False,  # onnxscript's optimiser doubles the export time; ONNX Runtime optimises anyway
        )
    traced = time.monotonic() - t0
    path.parent.mkdir(parents=True, exist_ok=True)
    program.save(str(path), external_data=True)
    del program
    gc.collect()
    files = sorted(p.name for p in path.parent.iterdir())
    size = sum(p.stat().st_size for p in path.parent.iterdir())
    return {
        "export_s": round(traced, 1),
        "save_s": round(time.monotonic() - t0 - traced, 1),
        "files": files,
        "bytes": size,
    }


def time_ort_iobinding(
    session: Any, batches: Sequence[Batch], rounds: int, on_cuda: bool
) -> tuple[float, list[float], np.ndarray]:
    """Seconds for one pass (best of rounds) with IO binding: inputs staged on the device first, outputs left there."""
    import onnxruntime as ort

    dev = "cuda" if on_cuda else "cpu"
    staged = [
        (ort.OrtValue.ortvalue_from_numpy(b.ids, dev, 0), ort.OrtValue.ortvalue_from_numpy(b.mask, dev, 0))
        for b in batches
    ]
    out_name = session.get_outputs()[0].name
    binding = session.io_binding()

    def run(ids: Any, mask: Any) -> None:
        binding.bind_ortvalue_input("input_ids", ids)
        binding.bind_ortvalue_input("attention_mask", mask)
        binding.bind_output(out_name, dev)
        session.run_with_iobinding(binding)

    run(*staged[0])
    first = np.asarray(binding.copy_outputs_to_cpu()[0], dtype=np.float32)
    for i in {len(staged) // 2, len(staged) - 1}:
        run(*staged[i])
    binding.synchronize_outputs()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for ids, mask in staged:
            run(ids, mask)
        binding.synchronize_outputs()
        times.append(time.perf_counter() - t0)
    last = np.asarray(binding.copy_outputs_to_cpu()[0], dtype=np.float32)
    if not (np.isfinite(first).all() and np.isfinite(last).all()):
        raise RuntimeError("non-finite logits from onnxruntime")
    return min(times), times, first


# ----------------------------------------------------------------------------------------- main


def run(args: argparse.Namespace) -> int:
    plan = TINY if args.tiny else REAL
    if args.reports or args.batch_sizes:
        from dataclasses import replace

        sizes = tuple(int(x) for x in args.batch_sizes.split(",")) if args.batch_sizes else plan.batch_sizes
        plan = replace(plan, reports=args.reports or plan.reports, batch_sizes=sizes)
    shape = plan.shape
    result = Result(Path(args.out), "tiny" if args.tiny else "full")
    torch = _torch()
    info = device_info(torch)
    result.name(device_slug(info))
    cuda = bool(info.get("cuda"))
    if not cuda and not args.tiny:
        print("no CUDA GPU: the full-size run needs one (use --tiny for a smoke on CPU)", file=sys.stderr)
        return 2
    device = "cuda" if cuda else "cpu"
    dtype = torch.float16 if cuda else torch.float32
    name = str(info["name"])
    peak = PEAK_DENSE_FP16_TFLOPS if any(k in name for k in ("H100", "H200", "GH200")) else None
    result.doc.update(
        {
            "device": info,
            "peak_dense_fp16_tflops": peak,
            "peak_source": "NVIDIA H100/H200 SXM datasheet, dense fp16/bf16 tensor core"
            if peak
            else "unknown for this device",
            "mfu_target": MFU_TARGET,
            "model": {
                **asdict(shape),
                "parameters": shape.parameters,
                "matmul_parameters": shape.matmul_parameters,
                "head_dim": shape.hidden // shape.heads,
                "dtype": str(dtype).replace("torch.", ""),
                "architecture": "MistralModel trunk, bidirectional padding mask, mean pooling, one linear head (as models/recipe/architecture.py)",
                "weights": "random (seeded)",
            },
            "versions": versions(),
        }
    )
    if not cuda:
        result.note("no CUDA device: the tiny run exercised every step on CPU in float32; its figures mean nothing")
    result.save()
    print(f"device: {name}; result: {result.path}", flush=True)

    ceiling = step(
        result, "matmul_ceiling", 30, args.deadline_s, lambda: matmul_ceiling(torch, plan.matmul_n, plan.matmul_reps)
    )
    ceiling_tflops = ceiling.get("tflops_median") if ceiling else None

    model_dir = Path(args.model_dir)
    lengths, source = report_lengths(plan.reports, model_dir)
    result.doc["workload"] = {
        "reports": plan.reports,
        "length_source": source,
        "tokens_min": int(lengths.min()),
        "tokens_mean": round(float(lengths.mean()), 1),
        "tokens_max": int(lengths.max()),
        "ids": "random in [3, vocab) after BOS",
        "bucketing": "sorted by length, cut into batches, each padded to its longest rounded up to 8",
        "padding_fraction": {
            str(bs): {
                "bucketed": round(padding_fraction(lengths, bs, True), 4),
                "arrival_order": round(padding_fraction(lengths, bs, False), 4),
            }
            for bs in plan.batch_sizes
        },
    }
    result.save()

    state: dict[str, Any] = {}

    def torch_bench() -> dict[str, Any]:
        t0 = time.monotonic()
        model = build_classifier(torch, shape, device, dtype)
        state["model"] = model
        built = time.monotonic() - t0
        rows: dict[str, Any] = {}
        for bs in plan.batch_sizes:
            batches = make_batches(lengths, bs, shape.vocab, seed=bs)
            best, times, first = time_torch(torch, model, batches, device, plan.rounds)
            if bs == plan.batch_sizes[len(plan.batch_sizes) // 2]:
                state["reference"] = (bs, first)
            rows[str(bs)] = {
                **figures(shape, batches, best, ceiling_tflops, peak),
                "rounds_s": [round(t, 4) for t in times],
            }
            print(
                f"torch bs={bs}: {rows[str(bs)]['reports_per_s']} reports/s, MFU {rows[str(bs)].get('mfu_vs_peak')}",
                flush=True,
            )
        doc = {
            "engine": f"PyTorch {torch.__version__} eager, {dtype}, SDPA attention, torch.inference_mode",
            "build_s": round(built, 1),
            "by_batch_size": rows,
        }
        if cuda:
            doc["max_memory_allocated_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
        return doc

    torch_doc = step(result, "pytorch", 90 if not args.tiny else 5, args.deadline_s, torch_bench)

    want_ort = not args.no_ort
    if want_ort:
        prep = step(result, "onnxruntime_setup", 10, args.deadline_s, lambda: prepare_onnxruntime(torch))
        want_ort = prep is not None
    if want_ort and model_dir.joinpath("manifest.json").is_file():
        step(
            result,
            "default_model_parity",
            30,
            args.deadline_s,
            lambda: default_model_parity(model_dir, lengths[: plan.parity_reports], 64 if not args.tiny else 8),
        )
    elif want_ort:
        result.doc["default_model_parity"] = {"skipped": f"no model at {model_dir}"}

    def ort_bench() -> dict[str, Any]:
        import onnxruntime as ort

        model = state.pop("model")
        on_cuda = cuda and "CUDAExecutionProvider" in ort.get_available_providers()
        providers = ["CUDAExecutionProvider", "CPUExecutionProvider"] if on_cuda else ["CPUExecutionProvider"]
        with tempfile.TemporaryDirectory(dir=args.work_dir) as tmp:
            path = Path(tmp) / "classifier.onnx"
            sample = make_batches(lengths[:4], 4, shape.vocab, seed=0)[0]
            exported = export_onnx(torch, model, sample, path, device)
            del model
            gc.collect()
            if cuda:
                torch.cuda.empty_cache()
            t0 = time.monotonic()
            session = ort_session(path, providers)
            doc: dict[str, Any] = {
                "engine": f"onnxruntime {ort.__version__} {session.get_providers()[0]}, IO binding (inputs staged on the device)",
                "export": exported,
                "session_s": round(time.monotonic() - t0, 1),
                "providers": session.get_providers(),
                "loaded_on_cuda": session.get_providers()[0] == "CUDAExecutionProvider",
            }
            rows: dict[str, Any] = {}
            ref_bs, ref = state.get("reference", (None, None))
            for bs in plan.batch_sizes:
                if args.deadline_s is not None and result.elapsed() > args.deadline_s - 20:
                    rows[str(bs)] = {"skipped": "deadline"}
                    continue
                batches = make_batches(lengths, bs, shape.vocab, seed=bs)
                best, times, first = time_ort_iobinding(session, batches, plan.rounds, on_cuda)
                rows[str(bs)] = {
                    **figures(shape, batches, best, ceiling_tflops, peak),
                    "rounds_s": [round(t, 4) for t in times],
                }
                if bs == ref_bs and ref is not None:
                    doc["max_abs_diff_vs_pytorch"] = float(f"{float(np.max(np.abs(first - ref))):.3g}")
                    doc["max_abs_pytorch_logit"] = round(float(np.max(np.abs(ref))), 3)
                print(
                    f"ort bs={bs}: {rows[str(bs)]['reports_per_s']} reports/s, MFU {rows[str(bs)].get('mfu_vs_peak')}",
                    flush=True,
                )
                result.doc["onnxruntime"] = {**doc, "by_batch_size": rows, "partial": True}
                result.save()
            doc["by_batch_size"] = rows
            del session
        return doc

    if want_ort and torch_doc is not None and "model" in state:
        step(result, "onnxruntime", 150 if not args.tiny else 5, args.deadline_s, ort_bench)
    else:
        reason = "--no-ort" if args.no_ort else "onnxruntime unavailable or the PyTorch step failed"
        result.doc.setdefault("onnxruntime", {"skipped": reason})
    state.clear()

    summarise(result)
    result.save()
    print(f"wrote {result.path}", flush=True)
    return 0


def summarise(result: Result) -> None:
    doc = result.doc
    lines = [f"device: {doc['device']['name']}"]
    ceiling = doc.get("matmul_ceiling") or {}
    if "tflops_median" in ceiling:
        lines.append(f"matmul ceiling ({ceiling['dtype']} {ceiling['m']}^3): {ceiling['tflops_median']} TFLOP/s median")
    best: dict[str, Any] = {}
    for engine in ("pytorch", "onnxruntime"):
        rows = (doc.get(engine) or {}).get("by_batch_size") or {}
        for bs, row in rows.items():
            if "reports_per_s" not in row:
                continue
            lines.append(
                f"{engine:11s} bs={bs:>4s}: {row['reports_per_s']:>9} reports/s {row['tokens_per_s']:>11} tok/s "
                f"pad {row['padding_fraction']:.3f}  MFU {row.get('mfu_vs_peak', float('nan')):.3f} of peak, "
                f"{row.get('mfu_vs_matmul_ceiling', float('nan')):.3f} of ceiling"
            )
            if row.get("mfu_vs_peak", -1) > best.get(engine, {}).get("mfu_vs_peak", -1):
                best[engine] = {
                    "batch_size": int(bs),
                    **{
                        k: row.get(k) for k in ("reports_per_s", "tokens_per_s", "mfu_vs_peak", "mfu_vs_matmul_ceiling")
                    },
                }
    parity = doc.get("default_model_parity") or {}
    for key in ("fp32_cuda_vs_cpu", "fp16_cuda_vs_fp32_cpu"):
        if isinstance(parity.get(key), dict) and "max_abs_diff" in parity[key]:
            lines.append(
                f"default model {key}: on CUDA {parity[key]['loaded_on_cuda']}, max|diff| {parity[key]['max_abs_diff']}"
            )
    doc["summary"] = {
        "best": best,
        "mfu_target_met": {e: bool((b.get("mfu_vs_peak") or 0) >= MFU_TARGET) for e, b in best.items()},
        "lines": lines,
    }
    print("\n".join(lines), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gpu", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", default=str(DEFAULT_OUT), help="folder for <date>-<device>-gpu.json (default bench/results)"
    )
    parser.add_argument(
        "--tiny", action="store_true", help="tiny model and workload; runs on CPU too (a smoke, not a figure)"
    )
    parser.add_argument(
        "--no-ort", action="store_true", help="skip onnxruntime (export, CUDA EP, default-model parity)"
    )
    parser.add_argument(
        "--model-dir", default=str(DEFAULT_MODEL_DIR), help="model for the parity check and the tokenizer"
    )
    parser.add_argument(
        "--work-dir", default=None, help="where the exported graph goes (a temp folder; default the system's)"
    )
    parser.add_argument("--reports", type=int, default=None, help="reports in the workload (default 2048; tiny 48)")
    parser.add_argument(
        "--batch-sizes", default=None, help="comma-separated batch sizes (default 16,64,128,256; tiny 8,32)"
    )
    parser.add_argument(
        "--deadline-s", type=float, default=None, help="skip steps that would end later than this after the start"
    )
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
