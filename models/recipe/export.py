"""Hugging Face Mistral checkpoint -> ONNX graph + tokenizer + manifest, with a PyTorch parity check.

Handles MistralForSequenceClassification, MistralForTokenClassification and the project's MistralForReportTriage;
dynamic batch/sequence axes, external data above 2 GB, optional fp16 (GPU) and int8 dynamic quantisation (CPU).
"""

from __future__ import annotations

import gc
import json
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from operators.inference.manifest import (
    MANIFEST_FORMAT_VERSION,
    MANIFEST_NAME,
    TokenizerSpec,
    sha256_file,
)
from operators.inference.tokenizers import ReportTokenizer, load_tokenizer

OPSET = 18
DEFAULT_TOLERANCE = 1e-3
FP16_TOLERANCE = 5e-2
EXTERNAL_DATA_THRESHOLD = 2 * 1024**3  # protobuf's hard limit for one ONNX file
INPUT_NAMES = ("input_ids", "attention_mask")
OUTPUT_NAMES: Mapping[str, str] = {"category": "category_logits", "urgency": "urgency_logits", "ner": "ner_logits"}
SUPPORTED_ARCHITECTURES = (
    "MistralForReportTriage",
    "MistralForSequenceClassification",
    "MistralForTokenClassification",
)

# Parity inputs: real reports in the three languages, so parity is checked on realistic token ids and lengths.
PARITY_TEXTS = (
    "261430ZNOV26 2nd Platoon observed 3x T-72B3 moving north on the N7 towards Diekirch, grid 32U LA 12345 67890.",
    "TIC at Ettelbruck, 2 WIA, request MEDEVAC.",
    "RAS.",
    "Brouillage GPS dans la zone de Wiltz depuis 0300Z, le 2e peloton est injoignable.",
    "ABC-Alarm: Chlorwolke zieht aus Remich nach Osten, 4 Soldaten der 3. Kompanie mit Symptomen, UTMREF 32ULV0813086415.",
    "EXERCISE EXERCISE EXERCISE. simulated chemical attack at Mersch. END EX",
)


class ExportError(Exception):
    """Export could not produce a faithful graph; the message says which check failed."""


@dataclass(frozen=True, slots=True)
class VariantReport:
    precision: str
    file: str
    external_data: tuple[str, ...]
    size_bytes: int
    max_abs_diff: dict[str, float]
    argmax_agreement: dict[str, float]
    checked_on: str  # execution provider used for the parity run, or why it was not run


@dataclass(frozen=True, slots=True)
class ExportReport:
    architecture: str
    parameters: int
    seconds: float
    primary: VariantReport
    variants: tuple[VariantReport, ...]
    tolerance: float
    manifest: dict[str, Any] = field(repr=False)


# ----------------------------------------------------------------------------------------- checkpoint


def read_config(checkpoint: Path) -> dict[str, Any]:
    path = checkpoint / "config.json"
    if not path.is_file():
        raise ExportError(f"{path} not found: not a Hugging Face checkpoint directory")
    config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return config


def checkpoint_architecture(config: Mapping[str, Any]) -> str:
    architectures = config.get("architectures") or []
    for name in architectures:
        if name in SUPPORTED_ARCHITECTURES:
            return str(name)
    raise ExportError(f"config.json architectures {architectures} has none of {', '.join(SUPPORTED_ARCHITECTURES)}")


def find_tokenizer(checkpoint: Path) -> tuple[str, Path]:
    """(kind, file) of the checkpoint's own tokenizer; a Mistral tokenizer file wins over tokenizer.json."""
    for pattern, kind in (
        ("tekken*.json", "tekken"),
        ("tokenizer.model.v*", "sentencepiece"),
        ("tokenizer.model", "sentencepiece"),
        ("tokenizer.json", "hf_tokenizers"),
    ):
        found = sorted(checkpoint.glob(pattern))
        if found:
            return kind, found[0]
    raise ExportError(
        f"no tokenizer in {checkpoint}: expected tekken.json, tokenizer.model[.vN] or tokenizer.json beside config.json"
    )


def _labels(config: Mapping[str, Any]) -> list[str]:
    id2label = config.get("id2label") or {}
    return [str(id2label[k]) for k in sorted(id2label, key=lambda k: int(k))]


def heads_and_labels(architecture: str, config: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, list[str]]]:
    if architecture == "MistralForReportTriage":
        labels = {
            "category": list(config["triage_category_labels"]),
            "urgency": list(config["triage_urgency_labels"]),
            "ner": list(config["triage_ner_labels"]),
        }
        return dict(OUTPUT_NAMES), labels
    if architecture == "MistralForSequenceClassification":
        return {"category": OUTPUT_NAMES["category"]}, {"category": _labels(config), "urgency": [], "ner": []}
    return {"ner": OUTPUT_NAMES["ner"]}, {"category": [], "urgency": [], "ner": _labels(config)}


def load_torch_model(checkpoint: Path, architecture: str, dtype: str = "float32") -> Any:
    import torch
    import transformers

    from models.recipe.architecture import MistralForReportTriage

    cls: Any = (
        MistralForReportTriage if architecture == "MistralForReportTriage" else getattr(transformers, architecture)
    )
    # low_cpu_mem_usage materialises weights once, straight from safetensors: a 7B fp32 model needs
    # its own size in RAM, not twice that.
    model = cls.from_pretrained(
        str(checkpoint), dtype=getattr(torch, dtype), low_cpu_mem_usage=True, attn_implementation="sdpa"
    )
    model.eval()
    if architecture != "MistralForReportTriage" and model.config.pad_token_id is None:
        # Sequence classification pools the last non-pad token and needs a pad id for batches > 1.
        model.config.pad_token_id = model.config.eos_token_id
    return model


class _GraphModule:
    """Builds a torch.nn.Module whose forward returns the heads as a plain tuple, in manifest order."""

    @staticmethod
    def wrap(model: Any, architecture: str) -> Any:
        import torch

        class Heads(torch.nn.Module):
            def __init__(self, inner: Any) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
                if architecture == "MistralForReportTriage":
                    out = self.inner(input_ids=input_ids, attention_mask=attention_mask)
                    return out.category_logits, out.urgency_logits, out.ner_logits
                return (self.inner(input_ids=input_ids, attention_mask=attention_mask, use_cache=False).logits,)

        return Heads(model).eval()


def parity_inputs(
    tokenizer: ReportTokenizer | None, bos_id: int | None, pad_id: int, vocab_size: int, max_length: int
) -> tuple[np.ndarray, np.ndarray]:
    """A padded batch of real reports (or seeded random ids without a tokenizer), with ragged lengths."""
    if tokenizer is not None:
        rows = [ids[: max_length - 1] for ids, _ in tokenizer.encode_batch(PARITY_TEXTS)]
        if bos_id is not None:
            rows = [[bos_id, *r] for r in rows]
    else:
        rng = np.random.default_rng(0)
        rows = [list(rng.integers(3, vocab_size, size=n)) for n in (17, 5, 11, 2)]
    width = max(len(r) for r in rows)
    ids = np.full((len(rows), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    return ids, mask


# ----------------------------------------------------------------------------------------- graph export


def export_graph(
    module: Any, ids: np.ndarray, mask: np.ndarray, out_file: Path, output_names: Sequence[str], external: bool
) -> None:
    import torch

    batch = torch.export.Dim("batch", min=1, max=4096)
    seq = torch.export.Dim("sequence", min=2, max=32768)
    args = (torch.from_numpy(ids), torch.from_numpy(mask))
    program = torch.onnx.export(
        module,
        args,
        input_names=list(INPUT_NAMES),
        output_names=list(output_names),
        opset_version=OPSET,
        dynamo=True,
        dynamic_shapes={"input_ids": {0: batch, 1: seq}, "attention_mask": {0: batch, 1: seq}},
        optimize=True,
        verbose=False,
    )
    if program is None:
        raise ExportError("torch.onnx.export returned no program")
    out_file.parent.mkdir(parents=True, exist_ok=True)
    program.save(str(out_file), external_data=external)
    del program
    gc.collect()


def _external_files(graph: Path) -> tuple[str, ...]:
    # The exporter names its data file after the graph; anything else beside it is not ours to claim.
    candidates = [graph.with_name(graph.name + ".data"), graph.with_suffix(".data")]
    return tuple(sorted({c.name for c in candidates if c.is_file()}))


def _ort_outputs(
    graph: Path, ids: np.ndarray, mask: np.ndarray, names: Sequence[str], providers: Sequence[str], big: bool
) -> tuple[list[np.ndarray], str]:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    if big:
        # Pre-packing copies every MatMul weight: for a multi-GB model that doubles RAM for a one-off check.
        options.add_session_config_entry("session.disable_prepacking", "1")
    session = ort.InferenceSession(str(graph), sess_options=options, providers=list(providers))
    outputs = session.run(list(names), {"input_ids": ids, "attention_mask": mask})
    used = session.get_providers()[0]
    del session
    gc.collect()
    return [np.asarray(o, dtype=np.float32) for o in outputs], used


def compare(
    reference: Mapping[str, np.ndarray], candidate: Mapping[str, np.ndarray], mask: np.ndarray
) -> tuple[dict[str, float], dict[str, float]]:
    """Max |difference| and argmax agreement per head; NER compares real (unpadded) tokens only."""
    diffs: dict[str, float] = {}
    agreement: dict[str, float] = {}
    valid = mask.astype(bool)
    for head, ref in reference.items():
        got = candidate[head]
        if head == "ner":
            ref_v, got_v = ref[valid], got[valid]
        else:
            ref_v, got_v = ref, got
        diffs[head] = float(np.max(np.abs(ref_v - got_v))) if ref_v.size else 0.0
        agreement[head] = float(np.mean(ref_v.argmax(-1) == got_v.argmax(-1))) if ref_v.size else 1.0
    return diffs, agreement


# ----------------------------------------------------------------------------------------- precision variants


def convert_fp16(source: Path, target: Path, external: bool) -> None:
    import onnx
    from onnxruntime.transformers.float16 import convert_float_to_float16

    model = onnx.load(str(source), load_external_data=True)
    # Inputs stay int64 and logits stay float32, so callers never see the precision change.
    converted = convert_float_to_float16(model, keep_io_types=True, disable_shape_infer=external)
    onnx.save_model(
        converted,
        str(target),
        save_as_external_data=external,
        all_tensors_to_one_file=True,
        location=target.name + ".data" if external else None,
    )


def quantize_int8(source: Path, target: Path, external: bool) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The dynamo exporter records intermediate shapes that onnx's own shape inference contradicts on
    # some reshapes; the quantiser re-infers shapes and stops on the conflict, so drop the recorded ones.
    model = onnx.load(str(source), load_external_data=True)
    del model.graph.value_info[:]
    staged = target.with_name(target.stem + ".staged.onnx")
    onnx.save_model(
        model,
        str(staged),
        save_as_external_data=external,
        all_tensors_to_one_file=True,
        location=staged.name + ".data" if external else None,
    )
    del model
    source = staged
    # MatMul weights only: the embedding Gather stays fp32 because quantising it saves size but costs
    # accuracy on rare tokens, and attention/softmax stay fp32 under dynamic quantisation anyway.
    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul"],
        per_channel=True,
        use_external_data_format=external,
    )
    for leftover in (staged, staged.with_name(staged.name + ".data")):
        leftover.unlink(missing_ok=True)


# ----------------------------------------------------------------------------------------- manifest


def write_manifest(out_dir: Path, document: Mapping[str, Any]) -> dict[str, Any]:
    """Add the sha256 of every file in out_dir (except the manifest itself) and write manifest.json."""
    files = {
        str(p.relative_to(out_dir)): sha256_file(p)
        for p in sorted(out_dir.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }
    full = {**document, "format_version": MANIFEST_FORMAT_VERSION, "files": files}
    (out_dir / MANIFEST_NAME).write_text(json.dumps(full, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return full


def tokenizer_section(kind: str, file: Path, tokenizer: Any, add_bos: bool, pad_id: int, source: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "file": file.name,
        "sha256": sha256_file(file),
        "source": source,
        "vocab_size": int(tokenizer.vocab_size),
        "add_bos": add_bos,
        "bos_id": int(tokenizer.bos_id),
        "pad_id": int(pad_id),
    }


# ----------------------------------------------------------------------------------------- entry point


def export_checkpoint(
    checkpoint: Path,
    out_dir: Path,
    *,
    fp16: bool = False,
    int8: bool = False,
    tolerance: float = DEFAULT_TOLERANCE,
    max_length: int | None = None,
    name: str | None = None,
    extra_manifest: Mapping[str, Any] | None = None,
    keep_fp32: bool = True,
    log: Callable[[str], None] = print,
) -> ExportReport:
    """Export, check parity against PyTorch (ExportError above `tolerance`), write the manifest."""
    started = time.monotonic()
    config = read_config(checkpoint)
    architecture = checkpoint_architecture(config)
    heads, labels = heads_and_labels(architecture, config)
    if not labels["category"] and not labels["ner"]:
        raise ExportError("config.json has no id2label: the exported model would have no labels")
    kind, tok_file = find_tokenizer(checkpoint)
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(tok_file, out_dir / tok_file.name)
    pad_id = config.get("pad_token_id")
    if pad_id is None:
        pad_id = config.get("eos_token_id", 2)
    spec = TokenizerSpec(kind=kind, file=tok_file.name, add_bos=True, bos_id=0, pad_id=int(pad_id), vocab_size=0)  # type: ignore[arg-type]
    tokenizer = load_tokenizer(out_dir, spec)
    length = int(max_length or min(int(config.get("max_position_embeddings", 512)), 512))

    model = load_torch_model(checkpoint, architecture)
    parameters = int(sum(p.numel() for p in model.parameters()))
    size_bytes = int(sum(p.numel() * p.element_size() for p in model.parameters()))
    external = size_bytes > EXTERNAL_DATA_THRESHOLD
    bos_id = int(tokenizer.bos_id)  # type: ignore[attr-defined]
    ids, mask = parity_inputs(tokenizer, bos_id, int(pad_id), int(config["vocab_size"]), length)
    module = _GraphModule.wrap(model, architecture)
    log(f"export: {architecture}, {parameters / 1e6:.1f}M parameters, external data: {external}")

    import torch

    with torch.no_grad():
        reference = {h: t.float().numpy() for h, t in zip(heads, module(torch.from_numpy(ids), torch.from_numpy(mask)))}
    graph = out_dir / "model.onnx"
    export_graph(module, ids, mask, graph, list(heads.values()), external)
    # The PyTorch weights are not needed any more; free them before ONNX Runtime loads its copy.
    del module, model
    gc.collect()

    outputs, provider = _ort_outputs(graph, ids, mask, list(heads.values()), ["CPUExecutionProvider"], external)
    diffs, agreement = compare(reference, dict(zip(heads, outputs)), mask)
    fp32_report = VariantReport("fp32", graph.name, _external_files(graph), _size(graph), diffs, agreement, provider)
    log(f"export: fp32 parity max |diff| {diffs} (tolerance {tolerance})")
    if max(diffs.values()) > tolerance:
        raise ExportError(
            f"parity check failed: max |logit difference| {max(diffs.values()):.3g} > tolerance {tolerance:g} ({diffs})"
        )

    variants = [fp32_report]
    if fp16:
        target = out_dir / "model.fp16.onnx"
        convert_fp16(graph, target, external)
        try:
            import onnxruntime as ort

            from operators.inference.session import nvidia_driver_present

            gpu = [
                p for p in ("CUDAExecutionProvider",) if p in ort.get_available_providers() and nvidia_driver_present()
            ]
            outputs, provider = _ort_outputs(
                target, ids, mask, list(heads.values()), [*gpu, "CPUExecutionProvider"], external
            )
            d16, a16 = compare(reference, dict(zip(heads, outputs)), mask)
        except Exception as exc:
            d16, a16, provider = {}, {}, f"not run: {type(exc).__name__}: {str(exc)[:160]}"
        variants.append(VariantReport("fp16", target.name, _external_files(target), _size(target), d16, a16, provider))
        log(f"export: fp16 max |diff| {d16} agreement {a16} on {provider}")
        if d16 and max(d16.values()) > max(tolerance, FP16_TOLERANCE):
            raise ExportError(f"fp16 parity check failed: {d16} > {max(tolerance, FP16_TOLERANCE):g}")
    if int8:
        target = out_dir / "model.int8.onnx"
        quantize_int8(graph, target, external)
        outputs, provider = _ort_outputs(target, ids, mask, list(heads.values()), ["CPUExecutionProvider"], external)
        d8, a8 = compare(reference, dict(zip(heads, outputs)), mask)
        # Quantisation changes logits by design; its effect on accuracy is measured on labelled data by
        # the build (or reported here as agreement with fp32), not held to the fp32 tolerance.
        variants.append(VariantReport("int8", target.name, _external_files(target), _size(target), d8, a8, provider))
        log(f"export: int8 max |diff| {d8} agreement {a8}")

    primary = (
        next((v for v in variants if v.precision == "int8"), None)
        or next((v for v in variants if v.precision == "fp16"), None)
        or fp32_report
    )
    if not keep_fp32 and primary is not fp32_report:
        for f in (graph.name, *fp32_report.external_data):
            (out_dir / f).unlink()
        variants = [v for v in variants if v is not fp32_report]

    document: dict[str, Any] = {
        "name": name or checkpoint.resolve().name,
        "version": time.strftime("%Y.%m.%d"),
        "created_by": "models.recipe.export",
        "architecture": {
            "class": architecture,
            "parameters": parameters,
            "hidden_size": config.get("hidden_size"),
            "num_hidden_layers": config.get("num_hidden_layers"),
            "num_attention_heads": config.get("num_attention_heads"),
            "num_key_value_heads": config.get("num_key_value_heads"),
            "intermediate_size": config.get("intermediate_size"),
            "attention": "bidirectional" if config.get("triage_bidirectional") else "causal",
            "pooling": config.get("triage_pooling", "last_token" if "category" in heads else None),
        },
        "graph": {
            "file": primary.file,
            "external_data": list(primary.external_data),
            "opset": OPSET,
            "precision": primary.precision,
            "inputs": list(INPUT_NAMES),
            "outputs": heads,
        },
        "variants": {
            v.precision: {"file": v.file, "external_data": list(v.external_data), "size_bytes": v.size_bytes}
            for v in variants
        },
        "tokenizer": tokenizer_section(
            kind, out_dir / tok_file.name, tokenizer, True, int(pad_id), f"checkpoint file {tok_file.name}"
        ),
        "max_length": length,
        "labels": labels,
        "parity": {
            "tolerance": tolerance,
            "inputs": f"{ids.shape[0]} padded reports, {ids.shape[1]} tokens",
            "reference": "PyTorch fp32, same inputs",
            **{
                v.precision: {
                    "max_abs_diff": v.max_abs_diff,
                    "argmax_agreement": v.argmax_agreement,
                    "provider": v.checked_on,
                }
                for v in variants
            },
        },
        **dict(extra_manifest or {}),
    }
    manifest = write_manifest(out_dir, document)
    seconds = round(time.monotonic() - started, 1)
    log(f"export: wrote {out_dir} in {seconds}s")
    return ExportReport(architecture, parameters, seconds, primary, tuple(variants), tolerance, manifest)


def _size(graph: Path) -> int:
    return graph.stat().st_size + sum((graph.parent / f).stat().st_size for f in _external_files(graph))
