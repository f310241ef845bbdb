"""The `triage` command: produce, tail, worker, topics, settings (and models, batch as they land)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import IO, Iterator, Sequence

from pipeline.admin import BrokerUnavailable, admin_client, describe_topics, ensure_topics
from pipeline.settings import Settings, SettingsError
from pipeline.topics import TopicNames

EXIT_USAGE = 2
EXIT_BROKER = 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
        return int(args.run(args, settings) or 0)
    except SettingsError as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokerUnavailable as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_BROKER
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="triage", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    prod = sub.add_parser("produce", help="publish reports from a JSON Lines file (one report per line)")
    prod.add_argument("file", help="JSON Lines file, or - for standard input")
    prod.add_argument("--topic", help="topic to publish to (default: the raw reports topic)")
    prod.add_argument("--rate", type=float, default=0.0, help="reports per second (default: as fast as possible)")
    prod.set_defaults(run=cmd_produce)

    tail = sub.add_parser("tail", help="print the messages of a topic, one JSON object per line")
    tail.add_argument("topic", help="topic name, e.g. reports.triaged or alerts.secret")
    tail.add_argument("-f", "--follow", action="store_true", help="keep waiting for new messages")
    tail.add_argument("-n", "--max", type=int, default=0, help="stop after this many messages")
    tail.add_argument("--meta", action="store_true", help="wrap each value with its key, headers, partition and offset")
    tail.set_defaults(run=cmd_tail)

    worker = sub.add_parser("worker", help="start a triage worker (joins the consumer group)")
    worker.add_argument("--passthrough", action="store_true", help="no model: mark every report ROUTINE (plumbing tests)")
    worker.set_defaults(run=cmd_worker)

    topics = sub.add_parser("topics", help="create the pipeline's topics that are missing and describe them")
    topics.add_argument("--partitions", type=int, help="partitions for topics created now (default TRIAGE_PARTITIONS)")
    topics.set_defaults(run=cmd_topics)

    settings = sub.add_parser("settings", help="list every TRIAGE_ environment variable with its value")
    settings.set_defaults(run=cmd_settings)
    return p


def _lines(path: str) -> Iterator[bytes]:
    stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    try:
        for line in stream:
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield line
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _key_of(line: bytes) -> bytes | None:
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    rid = obj.get("report_id") if isinstance(obj, dict) else None
    return rid.encode() if isinstance(rid, str) else None


def cmd_produce(args: argparse.Namespace, settings: Settings) -> int:
    from kafka import KafkaProducer

    if args.file != "-" and not Path(args.file).is_file():
        print(f"triage: no such file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    topic = args.topic or TopicNames.of(settings).raw
    admin_client(settings).close()  # bounded wait with a clear message if the broker is down
    producer = KafkaProducer(
        bootstrap_servers=settings.bootstrap_servers,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_request_size=max(settings.max_message_bytes * 2, 1_048_576),
        max_block_ms=int(settings.connect_timeout_s * 1000),
    )
    sent = 0
    interval = 1.0 / args.rate if args.rate > 0 else 0.0
    started = time.monotonic()
    try:
        for line in _lines(args.file):
            producer.send(topic, key=_key_of(line), value=line)
            sent += 1
            if interval:
                delay = started + sent * interval - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
        producer.flush(timeout=settings.connect_timeout_s)
    finally:
        producer.close(timeout=settings.connect_timeout_s)
    print(f"published {sent} reports to {topic}", file=sys.stderr)
    return 0


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from kafka import KafkaConsumer, TopicPartition

    admin_client(settings).close()
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    try:
        parts = consumer.partitions_for_topic(args.topic)
        if not parts:
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
                    print(_render(rec, args.meta), flush=True)
                    shown += 1
                    if args.max and shown >= args.max:
                        return 0
            if not args.follow and all(consumer.position(tp) >= end[tp] for tp in tps):
                return 0
    finally:
        consumer.close()


def _render(rec: object, meta: bool) -> str:
    value = getattr(rec, "value")
    try:
        decoded: object = json.loads(value) if value is not None else None
    except (ValueError, UnicodeDecodeError):
        decoded = {"undecodable_bytes": len(value)}
    if not meta:
        return json.dumps(decoded, ensure_ascii=False)
    key = getattr(rec, "key")
    return json.dumps(
        {
            "partition": getattr(rec, "partition"),
            "offset": getattr(rec, "offset"),
            "key": key.decode("utf-8", "replace") if key is not None else None,
            "headers": {k: v.decode("utf-8", "replace") for k, v in (getattr(rec, "headers") or [])},
            "value": decoded,
        },
        ensure_ascii=False,
    )


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    names = TopicNames.of(settings).all()
    created = ensure_topics(settings, names, partitions=args.partitions)
    for name, partitions in sorted(describe_topics(settings, names).items()):
        mark = " (created)" if name in created else ""
        print(f"{name}\t{partitions} partitions{mark}")
    return 0


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    for var, default, doc in Settings.documentation():
        current = getattr(settings, var.removeprefix("TRIAGE_").lower())
        print(f"{var}={current}\t# {doc} (default {default})")
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    import faust

    from operators.chain import PassThroughTriage, TriageChain
    from operators.ingest import IngestLimits
    from pipeline.app import build_app

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    names = TopicNames.of(settings)
    ensure_topics(settings, names.all())
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    limits = IngestLimits(settings.max_message_bytes, settings.max_text_chars)
    chain = TriageChain(PassThroughTriage(), limits)
    built = build_app(settings, chain)
    worker = faust.Worker(built.app, loglevel=settings.log_level.upper(), override_logging=False)
    worker.execute_from_commandline()
    return 0


if __name__ == "__main__":
    sys.exit(main())
