"""Builds the expensive parts once (ONNX session, spaCy pipeline) and the operator chain around them."""

from __future__ import annotations

import json
import logging
import os

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
