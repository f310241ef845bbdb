"""`triage worker` (and, beside it, `triage lag-exporter`): the long-running processes."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from pipeline.admin import TopicsNotAuthorized, ensure_pipeline_topics
from pipeline.cli.common import EXIT_MODEL, EXIT_REFUSED
from pipeline.clients import who
from pipeline.settings import Settings
from pipeline.topics import TopicNames


def register(sub: Any) -> None:
    worker = sub.add_parser("worker", help="start a triage worker (joins the consumer groups of its lanes)")
    worker.add_argument("--passthrough", action="store_true", help="no model: mark every report ROUTINE (plumbing tests)")
    worker.set_defaults(run=cmd_worker)


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # The Kafka clients narrate every connection at INFO; keep their warnings only.
    for noisy in ("kafka", "aiokafka"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from operators.inference.manifest import ModelError
    from pipeline.components import build_chain, build_screen, model_info
    from pipeline.worker import run_worker

    configure_logging(settings)
    try:
        # On a secured cluster the worker sees only the topics its ACLs name, and creates none of them.
        ensure_pipeline_topics(settings, worker_only=settings.security_protocol != "PLAINTEXT")
    except TopicsNotAuthorized as exc:
        logging.getLogger("pipeline.cli").error("topics: %s; starting with the topics that exist", exc)
    if settings.intel_enabled and settings.archive_enabled and settings.security_protocol != "PLAINTEXT":
        from pipeline.admin import can_read

        triaged = TopicNames.of(settings).triaged
        if not can_read(settings, triaged):
            # Faust would crash on the first fetch; say why before it does.
            print(
                f"triage: the archive reads {triaged}, which the login {who(settings)} may not read: grant it Read "
                "on that topic, or run this worker with TRIAGE_ARCHIVE_ENABLED=false",
                file=sys.stderr,
            )
            return EXIT_REFUSED
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        chain = build_chain(settings, passthrough=args.passthrough)
    except ModelError as exc:
        print(f"triage: the model in {settings.model_dir} cannot be used: {exc}", file=sys.stderr)
        return EXIT_MODEL
    run_worker(settings, chain, build_screen() if settings.screen_enabled else None, model_info(chain, settings))
    return 0
