"""`triage worker` (and, beside it, `triage lag-exporter`): the long-running processes."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from pipeline.admin import TopicsNotAuthorized, ensure_pipeline_topics
from pipeline.cli.common import EXIT_MODEL, EXIT_REFUSED, EXIT_USAGE, model_unusable
from pipeline.clients import who
from pipeline.settings import Settings
from pipeline.topics import TopicNames


def register(sub: Any) -> None:
    worker = sub.add_parser("worker", help="start a triage worker (joins the consumer groups of its lanes)")
    worker.add_argument(
        "--passthrough", action="store_true", help="no model: mark every report ROUTINE (plumbing tests)"
    )
    worker.set_defaults(run=cmd_worker)
    lag = sub.add_parser(
        "lag-exporter",
        help="serve the consumer lag of the pipeline's groups, read from the broker, for Prometheus "
        "(TRIAGE_OPS_HOST:TRIAGE_LAG_EXPORTER_PORT)",
    )
    lag.add_argument(
        "--interval",
        type=float,
        default=15.0,
        metavar="SECONDS",
        help="how often the broker is asked (default 15; at most the Prometheus scrape interval)",
    )
    lag.set_defaults(run=cmd_lag_exporter)


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # The Kafka clients narrate every connection at INFO; keep their warnings only.
    for noisy in ("kafka", "aiokafka"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from operators.inference.manifest import ModelError
    from pipeline.chain_process import ChainProcess, ChainProcessError
    from pipeline.components import build_chain, build_screen, model_info
    from pipeline.lanes import BatchChain
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
    if not settings.lane_names:
        # Intel only (correlation, briefings, the archive, the briefing page): no model to load.
        run_worker(settings, None, None, {"model": "none", "sha256": "", "provider": "none", "policy_version": "none"})
        return 0
    chain: BatchChain
    try:
        if settings.chain_process and not args.passthrough:
            # The chain in a child process, beside the event loop (pipeline/chain_process.py says why).
            chain = ChainProcess(settings)
            info = chain.info
        else:
            chain = build_chain(settings, passthrough=args.passthrough)
            info = model_info(chain, settings)
    except ModelError as exc:
        return model_unusable(settings, exc)
    except ChainProcessError as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_MODEL
    run_worker(settings, chain, build_screen() if settings.screen_enabled else None, info)
    return 0


def cmd_lag_exporter(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.lag import run

    configure_logging(settings)
    if args.interval <= 0:
        print("triage: --interval must be more than 0 seconds", file=sys.stderr)
        return EXIT_USAGE
    if not settings.lag_exporter_port:
        print("triage: TRIAGE_LAG_EXPORTER_PORT must be set (a port number)", file=sys.stderr)
        return EXIT_USAGE
    run(settings, args.interval)
    return 0
