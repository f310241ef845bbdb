"""`triage feedback` and `triage export stix`: analysts' corrections as training data, events as STIX 2.1."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline import clients
from pipeline.admin import admin_client
from pipeline.cli.common import EXIT_USAGE, refused
from pipeline.settings import Settings
from pipeline.topics import TopicNames


def register(sub: Any) -> None:
    fb = sub.add_parser("feedback", help="analyst corrections: add one, or export them as training data")
    fb_sub = fb.add_subparsers(dest="feedback_command", required=True, metavar="ACTION")
    fb_add = fb_sub.add_parser("add", help="publish one correction to the feedback topic")
    fb_add.add_argument("--report-id", required=True)
    fb_add.add_argument("--analyst", required=True)
    fb_add.add_argument("--category", help="corrected category")
    fb_add.add_argument("--precedence", help="corrected precedence")
    fb_add.add_argument("--note")
    fb_add.set_defaults(run=cmd_feedback_add)
    fb_exp = fb_sub.add_parser("export", help="every correction, joined with its report, to Parquet")
    fb_exp.add_argument("--out", required=True, help="Parquet file to write")
    fb_exp.set_defaults(run=cmd_feedback_export)

    exp = sub.add_parser("export", help="export events and their reports")
    exp_sub = exp.add_subparsers(dest="export_command", required=True, metavar="FORMAT")
    stix = exp_sub.add_parser("stix", help="STIX 2.1 bundle of the events at or below a level")
    stix.add_argument("--level", default="SECRET", help="highest classification to include (default SECRET)")
    stix.add_argument("--out", default="-", help="bundle file (default: standard output)")
    stix.set_defaults(run=cmd_export_stix)


def cmd_feedback_add(args: argparse.Namespace, settings: Settings) -> int:
    from operators.sinks.feedback import parse_feedback
    from schemas.errors import Rejection

    body = {
        "report_id": args.report_id,
        "analyst": args.analyst,
        "corrected_category": args.category,
        "corrected_precedence": args.precedence,
        "note": args.note,
        "at": datetime.now(UTC).isoformat(),
    }
    raw = json.dumps({k: v for k, v in body.items() if v is not None}).encode()
    parsed = parse_feedback(raw)
    if isinstance(parsed, Rejection):
        print(f"triage: feedback refused ({parsed.reason.value}): {parsed.detail}", file=sys.stderr)
        return EXIT_USAGE
    topic = TopicNames.of(settings).feedback
    admin_client(settings).close()
    producer = clients.producer(settings)
    try:
        report = clients.send_all(producer, [(topic, args.report_id.encode(), raw, None)], settings.connect_timeout_s)
    finally:
        producer.close(timeout=settings.connect_timeout_s)
    if not report.ok:
        return refused("corrections", report, topic)
    print(f"feedback {parsed.feedback_id} published", file=sys.stderr)
    return 0


def cmd_feedback_export(args: argparse.Namespace, settings: Settings) -> int:
    from operators.sinks.feedback import corrections, feedback_to_parquet

    names = TopicNames.of(settings)
    admin_client(settings).close()
    feedback = (r.value for r in clients.read_all(settings, [names.feedback]))
    triaged = (r.value for r in clients.read_all(settings, [names.triaged]))
    rows, joined, skipped = corrections(feedback, triaged)
    written = feedback_to_parquet(rows, args.out)
    print(
        f"exported {written} corrections ({joined} joined with their report, {skipped} unreadable skipped) to {args.out}",
        file=sys.stderr,
    )
    return 0


def cmd_export_stix(args: argparse.Namespace, settings: Settings) -> int:
    from operators.render.stix import bundle_for, latest_events, member_reports
    from pipeline.sealing import Opener
    from schemas.errors import Rejection
    from schemas.vocab import Classification

    try:
        ceiling = Classification.parse(args.level)
    except ValueError:
        print(f"triage: --level must be one of {', '.join(c.value for c in Classification)}", file=sys.stderr)
        return EXIT_USAGE
    names = TopicNames.of(settings)
    levels = [c for c in Classification if c.rank <= ceiling.rank]
    opener = Opener.from_settings(settings)
    admin_client(settings).close()
    opened: list[bytes | None] = []
    not_opened = 0
    for rec in clients.read_all(settings, [names.events[c] for c in levels]):
        value = opener.open(rec.topic, rec.value, list(rec.headers or []))
        if isinstance(value, Rejection):
            not_opened += 1
        else:
            opened.append(value)
    if not_opened:
        print(
            f"triage: {not_opened} event messages could not be opened (not cleared, or no keyring) and are left out",
            file=sys.stderr,
        )
    events = latest_events(opened)
    reports = member_reports(events.values(), (r.value for r in clients.read_all(settings, [names.triaged])))
    text = bundle_for(list(events.values()), reports, max_level=ceiling).serialize(pretty=True)
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text)
    print(f"STIX bundle: {len(events)} events, {len(reports)} reports, up to {ceiling.value}", file=sys.stderr)
    return 0
