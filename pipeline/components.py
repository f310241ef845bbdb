"""Builds the expensive parts once (ONNX session, spaCy pipeline) and the operator chain around them."""

from __future__ import annotations

import gc
import json
import logging
import os
from typing import TYPE_CHECKING, Any

from operators.chain import PassThroughTriage, TriageChain
from operators.ingest import IngestLimits
from operators.prioritise import AreaOfInterest
from pipeline.settings import Settings, SettingsError

if TYPE_CHECKING:
    from pipeline.lanes import Screen

log = logging.getLogger(__name__)


def load_areas(settings: Settings) -> tuple[AreaOfInterest, ...]:
    if settings.areas_file is None:
        return ()
    try:
        rows = json.loads(settings.areas_file.read_text())
        return tuple(
            AreaOfInterest(str(r["name"]), float(r["lat"]), float(r["lon"]), float(r["radius_km"])) for r in rows
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SettingsError(f"TRIAGE_AREAS_FILE={settings.areas_file}: {exc}") from None


def build_chain(settings: Settings, passthrough: bool = False) -> TriageChain:
    """The chain the worker and `triage batch` share. Raises ModelError if the model does not verify."""
    limits = IngestLimits(settings.max_message_bytes, settings.max_text_chars)
    if passthrough:
        return TriageChain(PassThroughTriage(), limits)
    from operators.entities.extract import build_nlp
    from operators.inference.session import load_model
    from operators.triage import ModelTriage, TriageConfig

    # On 2 cores one intra-op thread measured faster than ONNX Runtime's default (bench/README.md):
    # the second core serves the event loop, the Kafka clients and the broker.
    threads = settings.model_threads or (1 if (os.cpu_count() or 1) <= 2 else None)
    model = load_model(settings.model_dir, settings.providers, threads)
    log.info("model %s loaded (%s)", model.manifest.name, getattr(model, "providers", "?"))
    theatre = load_configured_theatre(settings)
    # A configured theatre brings its areas of interest; the packaged example theatre does not.
    areas = load_areas(settings) + (
        tuple(AreaOfInterest(a.name, a.lat, a.lon, a.radius_km) for a in theatre.areas)
        if settings.theatre_file is not None
        else ()
    )
    config = TriageConfig(areas=areas, model_batch_size=model_batch_size(settings, model), theatre=theatre)
    nlp = build_nlp(str(settings.theatre_file) if settings.theatre_file else None)
    chain = TriageChain(ModelTriage(model, nlp, config), limits)
    settle()
    return chain


def settle() -> None:
    """Takes what is alive now out of the cyclic garbage collector's generations (`gc.freeze`).

    The chain's tables live as long as the process: the gazetteer's 400,000 names, the policy, spaCy's
    vocabulary (about 585,000 tracked objects). Every full collection walked all of them again: about
    0.26 s each, 0.13 CPU ms per report over the offline bench's 2,000 reports. Frozen objects are never
    collected, so the garbage of loading goes first. Called once the components are built.
    """
    gc.collect()
    gc.freeze()


# On the CPU provider the int8 graph quantises its activations per run, over the whole batch, so a
# report's scores move in the last digits with the reports beside it (up to 0.011 of priority score,
# measured on 200 reports), enough to tip a report at a threshold to another precedence when it is
# triaged again after a redelivery. One report per run scores it alone (same report, same decision)
# and measured no slower on 2 cores (2.79 against 2.84 CPU ms per report in batches of 16). A GPU
# needs batches to be worth having.
CPU_MODEL_BATCH, GPU_MODEL_BATCH = 1, 64


def model_batch_size(settings: Settings, model: Any) -> int:
    if settings.model_batch_size > 0:
        return settings.model_batch_size
    providers = tuple(getattr(model, "providers", ()) or ())
    on_gpu = bool(providers) and providers[0] in ("CUDAExecutionProvider", "TensorrtExecutionProvider")
    return GPU_MODEL_BATCH if on_gpu else CPU_MODEL_BATCH


def load_configured_theatre(settings: Settings) -> Any:
    from operators.geo.theatre import TheatreError, load_theatre

    try:
        return load_theatre(settings.theatre_file)
    except TheatreError as exc:
        raise SettingsError(f"TRIAGE_THEATRE_FILE={settings.theatre_file}: {exc}") from None


def build_screen() -> Screen:
    """The urgency screen the bulk lane runs on every raw record as it is fetched: the policy's compiled
    screen (policy.yaml `screen`), one pass per report, no model."""
    from operators.policy.engine import default
    from pipeline.lanes import screen_payload

    engine = default()
    return screen_payload(engine.screen, engine.policy.name)


def model_info(chain: TriageChain, settings: Settings) -> dict[str, str]:
    """Labels of the triage_model_info metric: which model, on which execution provider, under which policy."""
    triage = chain.triage
    model = getattr(triage, "model", None)
    if model is None:
        return {"model": triage.name, "sha256": "", "provider": "none", "policy_version": "none"}
    providers = getattr(model, "providers", ()) or ("?",)
    return {
        "model": f"{model.manifest.name}@{model.manifest.version}",
        "sha256": model.manifest.model_sha256[:12],
        "provider": str(providers[0]),
        "policy_version": str(getattr(triage, "policy_version", "triage.v1")),
    }
