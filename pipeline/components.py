"""Builds the expensive parts once (ONNX session, spaCy pipeline) and the operator chain around them."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable

from operators.chain import PassThroughTriage, TriageChain
from operators.ingest import IngestLimits
from operators.prioritise import AreaOfInterest
from pipeline.settings import Settings, SettingsError

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
    config = TriageConfig(areas=load_areas(settings), model_batch_size=settings.model_batch_size)
    return TriageChain(ModelTriage(model, build_nlp(), config), limits)


def build_screen() -> Callable[[bytes | None], bool]:
    """The urgency screen the bulk lane runs on every raw record as it is fetched (no model)."""
    from operators.policy.cues import find_cues
    from pipeline.lanes import screen_payload

    urgent_kinds = {"contact", "incoming", "cbrn_release", "casualties", "critical", "support_request", "imminent"}

    def screen_text(text: str) -> bool:
        return any(cue.kind in urgent_kinds for cue in find_cues(text))

    return screen_payload(screen_text)


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
