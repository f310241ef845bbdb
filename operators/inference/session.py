"""Building the ONNX Runtime session on the best execution provider, and loading a verified model."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from operators.inference.manifest import (
    ModelError,
    ModelVerificationError,
    verify_model_dir,
)
from operators.inference.model import TriageModel
from operators.inference.tokenizers import load_tokenizer

ProviderChoice = Literal["auto", "cpu", "cuda", "tensorrt"]

_TRT = "TensorrtExecutionProvider"
_CUDA = "CUDAExecutionProvider"
_CPU = "CPUExecutionProvider"
# Preference order per choice. An explicit GPU choice keeps CPU last because ONNX Runtime places the
# few ops a GPU provider lacks on CPU; "auto" may end on CPU alone.
_PROVIDER_CHAINS: Mapping[str, tuple[str, ...]] = {
    "auto": (_TRT, _CUDA, _CPU),
    "tensorrt": (_TRT, _CUDA, _CPU),
    "cuda": (_CUDA, _CPU),
    "cpu": (_CPU,),
}


class ProviderUnavailableError(ModelError):
    """The execution provider asked for explicitly cannot run on this machine."""


# ----------------------------------------------------------------------------------------- loading


def _session_options(intra_op_threads: int | None) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.inter_op_num_threads = 1
    if intra_op_threads is not None:
        options.intra_op_num_threads = int(intra_op_threads)
    # Spinning threads burn the cores the event loop and the Kafka clients need between batches.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # provider fallbacks are reported through TriageModel.providers instead
    return options


def nvidia_driver_present() -> bool:
    import ctypes

    try:
        ctypes.CDLL("libcuda.so.1")
    except OSError:
        return False
    return True


def _create_session(graph: Path, choice: str, intra_op_threads: int | None) -> Any:
    import onnxruntime as ort

    if choice not in _PROVIDER_CHAINS:
        raise ValueError(f"providers must be one of {', '.join(_PROVIDER_CHAINS)}, not {choice!r}")
    available = set(ort.get_available_providers())
    if choice == "auto" and not nvidia_driver_present():
        # The GPU build lists GPU providers even without a GPU, and trying them prints errors
        # (to stdout, where `triage batch -` writes its results): go straight to CPU.
        available &= {_CPU}
    chain = [p for p in _PROVIDER_CHAINS[choice] if p in available]
    wanted = _PROVIDER_CHAINS[choice][0]
    if choice != "auto" and wanted not in available:
        raise ProviderUnavailableError(
            f"{wanted} is not in this onnxruntime build (available: {', '.join(sorted(available))})"
        )
    errors: list[str] = []
    while chain:
        try:
            session = ort.InferenceSession(str(graph), sess_options=_session_options(intra_op_threads), providers=chain)
        except Exception as exc:
            errors.append(f"{chain[0]}: {exc}")
            chain = chain[1:]
            continue
        # ONNX Runtime silently drops a provider whose libraries fail to load; an explicit choice must not
        # quietly become CPU.
        if choice != "auto" and wanted not in session.get_providers():
            raise ProviderUnavailableError(
                f"{wanted} failed to initialise (session runs on {', '.join(session.get_providers())})"
            )
        return session
    raise ProviderUnavailableError("no execution provider could load the model: " + "; ".join(errors))


# Words of the training corpus, one per line, when the recipe wrote them: the out-of-distribution check
# (operators/triage.py) measures how much of a text the model ever saw.
VOCABULARY_NAME = "vocabulary.txt"


def load_model(
    path: str | Path,
    providers: ProviderChoice | str = "auto",
    intra_op_threads: int | None = None,
) -> TriageModel:
    """Verify the directory against its manifest, then build the one session and the tokenizer."""
    root = Path(path)
    manifest = verify_model_dir(root)
    session = _create_session(root / manifest.graph.file, providers, intra_op_threads)
    graph_outputs = {o.name for o in session.get_outputs()}
    for head, name in manifest.graph.outputs.items():
        if name not in graph_outputs:
            raise ModelVerificationError(manifest.graph.file, f"has no output {name!r} for the {head} head")
    tokenizer = load_tokenizer(root, manifest.tokenizer)
    model = TriageModel(manifest, session, tokenizer, root)
    vocabulary = root / VOCABULARY_NAME
    if vocabulary.is_file() and VOCABULARY_NAME in manifest.files:  # verified with the rest of the directory
        model.vocabulary = frozenset(w for w in vocabulary.read_text(encoding="utf-8").split() if w)
    return model
