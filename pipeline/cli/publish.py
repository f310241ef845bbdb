"""`triage produce` and `triage replay`: publish reports, every delivery checked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pipeline import clients
from pipeline.admin import admin_client
from pipeline.cli.common import EXIT_USAGE, key_of, lines, refused
from pipeline.settings import Settings
from pipeline.topics import TopicNames


def register(sub: Any) -> None:
    prod = sub.add_parser("produce", help="publish reports from a JSON Lines file (one report per line)")
    prod.add_argument("file", help="JSON Lines file, or - for standard input")
    prod.add_argument("--topic", help="topic to publish to (default: the raw reports topic)")
    prod.add_argument("--rate", type=float, default=0.0, help="reports per second (default: as fast as possible)")
    prod.set_defaults(run=cmd_produce)

    replay = sub.add_parser("replay", help="publish archived reports again, e.g. to re-triage with a new model")
    replay.add_argument("archive", help="root of the Parquet archive")
    replay.add_argument("--to", default=None, help="topic (default: the raw reports topic)")
    replay.add_argument("--rate", type=float, default=0.0, help="reports per second (default: as fast as possible)")
    replay.set_defaults(run=cmd_replay)


def cmd_produce(args: argparse.Namespace, settings: Settings) -> int:
    if args.file != "-" and not Path(args.file).is_file():
        print(f"triage: no such file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    topic = args.topic or TopicNames.of(settings).raw
    admin_client(settings).close()  # bounded wait with a clear message if the broker is down
    producer = clients.producer(settings)
    try:
        report = clients.send_all(
            producer,
            ((topic, key_of(line), line, None) for line in lines(args.file)),
            settings.connect_timeout_s,
            args.rate,
        )
    finally:
        producer.close(timeout=settings.connect_timeout_s)
    if not report.ok:
        return refused("reports", report, topic)
    print(f"published {report.sent} reports to {topic}", file=sys.stderr)
    return 0


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    from operators.sinks.archive import read_archive, replay_payload

    if not Path(args.archive).is_dir():
        print(f"triage: no archive at {args.archive}", file=sys.stderr)
        return EXIT_USAGE
    topic = args.to or TopicNames.of(settings).raw
    rows = read_archive(args.archive)
    admin_client(settings).close()
    producer = clients.producer(settings)
    try:
        report = clients.send_all(
            producer,
            ((topic, str(row["report_id"]).encode(), replay_payload(row), None) for row in rows),
            settings.connect_timeout_s,
            args.rate,
        )
    finally:
        producer.close(timeout=settings.connect_timeout_s)
    if not report.ok:
        return refused("reports", report, topic)
    print(f"replayed {report.sent} reports from {args.archive} to {topic}", file=sys.stderr)
    return 0
