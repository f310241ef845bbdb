"""`triage tail`: print a topic's messages, opening sealed ones with the reader's keyring."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pipeline import clients
from pipeline.admin import admin_client
from pipeline.cli.common import EXIT_REFUSED, EXIT_USAGE
from pipeline.clients import who
from pipeline.settings import Settings


def register(sub: Any) -> None:
    tail = sub.add_parser(
        "tail",
        help="print the messages of a topic, one JSON object per line; sealed ones opened with TRIAGE_KEYRING_FILE "
        "(a message that cannot be opened is reported as refused on stderr, and the exit status is 5)",
    )
    tail.add_argument("topic", help="topic name, e.g. reports.triaged or alerts.secret")
    tail.add_argument("-f", "--follow", action="store_true", help="keep waiting for new messages")
    tail.add_argument("-n", "--max", type=int, default=0, help="stop after this many messages")
    tail.add_argument("--meta", action="store_true", help="wrap each value with its key, headers, partition and offset")
    tail.set_defaults(run=cmd_tail)


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from kafka import TopicPartition
    from kafka.errors import AuthorizationError

    from pipeline.sealing import Opener, refusal_text
    from schemas.errors import Rejection

    opener = Opener.from_settings(settings)
    admin_client(settings).close()
    consumer = clients.consumer(settings)
    refused = 0
    try:
        parts = consumer.partitions_for_topic(args.topic)
        if not parts:
            if settings.security_protocol != "PLAINTEXT":
                print(
                    f"triage: topic {args.topic!r} does not exist, or the login {who(settings)} may not see it",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            print(f"triage: topic {args.topic!r} does not exist (see `triage topics`)", file=sys.stderr)
            return EXIT_USAGE
        tps = [TopicPartition(args.topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        shown = 0
        while True:
            batch = consumer.poll(timeout_ms=500)
            for records in batch.values():
                for rec in records:
                    headers = list(rec.headers or [])
                    value = opener.open(rec.topic, rec.value, headers)
                    if isinstance(value, Rejection):
                        # Never the value: a sealed one is ciphertext, an unsealed one on a sealed topic is suspect.
                        refused += 1
                        where = f"{rec.topic}[{rec.partition}]@{rec.offset}"
                        print(f"{where}: {refusal_text(value, headers)}", file=sys.stderr, flush=True)
                    else:
                        print(_render(rec, value, args.meta), flush=True)
                    shown += 1
                    if args.max and shown >= args.max:
                        return _tail_status(refused)
            if not args.follow and all(consumer.position(tp) >= end[tp] for tp in tps):
                return _tail_status(refused)
    except AuthorizationError:
        print(f"triage: the login {who(settings)} may not read {args.topic!r}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        consumer.close()


def _tail_status(refused: int) -> int:
    if refused:
        print(f"triage: {refused} messages refused", file=sys.stderr)
        return EXIT_REFUSED
    return 0


def _render(rec: Any, value: bytes | None, meta: bool) -> str:
    try:
        decoded: object = json.loads(value) if value is not None else None
    except (ValueError, UnicodeDecodeError):
        decoded = {"undecodable_bytes": len(value) if value is not None else 0}
    if not meta:
        return json.dumps(decoded, ensure_ascii=False)
    key = rec.key
    return json.dumps(
        {
            "partition": rec.partition,
            "offset": rec.offset,
            "key": key.decode("utf-8", "replace") if key is not None else None,
            "headers": {k: v.decode("utf-8", "replace") for k, v in (rec.headers or [])},
            "value": decoded,
        },
        ensure_ascii=False,
    )
