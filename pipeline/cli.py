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
EXIT_MODEL = 4


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

    batch = sub.add_parser("batch", help="triage a JSON Lines file offline with the streaming chain")
    batch.add_argument("input", help="JSON Lines file of reports, or - for standard input")
    batch.add_argument("--out", default="-", help="TriagedReport JSON Lines (default: standard output)")
    batch.add_argument("--rejects", help="dead letters for malformed lines (default: OUT.rejects.jsonl; stderr with stdout)")
    batch.add_argument("--batch-size", type=int, default=256, help="reports per model batch (default 256)")
    batch.add_argument("--passthrough", action="store_true", help="no model: plumbing only")
    batch.set_defaults(run=cmd_batch)

    ev = sub.add_parser("evaluate", help="score the chain against a labelled JSON Lines set")
    ev.add_argument("file", nargs="?", default="tests/eval/independent_reports.jsonl")
    ev.add_argument("--json", help="also write the full result (with every miss) to this file")
    ev.set_defaults(run=cmd_evaluate)

    models = sub.add_parser("models", help="export, verify or build models (see `triage models -h`)", add_help=False)
    models.add_argument("args", nargs=argparse.REMAINDER)
    models.set_defaults(run=cmd_models)

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


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.build import build_chain
    from pipeline.evaluation import evaluate

    result = evaluate(build_chain(settings), Path(args.file))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(json.dumps({"overall": result["overall"], "per_language": result["per_language"]}, indent=2))
    return 0


def cmd_models(args: argparse.Namespace, settings: Settings) -> int:
    from models.recipe.cli import main as models_main

    return models_main(list(args.args))


def cmd_batch(args: argparse.Namespace, settings: Settings) -> int:
    from collections import Counter
    from datetime import datetime, timezone

    from operators.runtime import ModelError
    from pipeline.build import build_chain
    from schemas.deadletter import DeadLetter, Rejection

    if args.input != "-" and not Path(args.input).is_file():
        print(f"triage: no such file: {args.input}", file=sys.stderr)
        return EXIT_USAGE
    if args.batch_size < 1:
        print("triage: --batch-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        chain = build_chain(settings, passthrough=args.passthrough)
    except ModelError as exc:
        print(f"triage: the model in {settings.model_dir} cannot be used: {exc}", file=sys.stderr)
        return EXIT_MODEL
    out: IO[str] = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    rejects_path = args.rejects or (None if args.out == "-" else f"{args.out}.rejects.jsonl")
    rejects: IO[str] | None = open(rejects_path, "w", encoding="utf-8") if rejects_path else None  # noqa: SIM115
    source = "stdin" if args.input == "-" else args.input
    precedences: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    total = 0
    started = time.perf_counter()
    progress = _progress(args.input)
    try:
        for first_line, lines in _numbered_batches(args.input, args.batch_size):
            now = datetime.now(timezone.utc)
            for offset, (line, result) in enumerate(zip(lines, chain.process(lines, now))):
                if isinstance(result, Rejection):
                    reasons[result.reason.value] += 1
                    letter = DeadLetter.of(result, line, topic=source, partition=0, offset=first_line + offset, failed_at=now)
                    if rejects is not None:
                        rejects.write(letter.dumps().decode() + "\n")
                else:
                    precedences[result.precedence] += 1
                    categories[result.category] += 1
                    out.write(result.dumps().decode() + "\n")
            total += len(lines)
            progress(len(lines))
    finally:
        progress(None)
        if out is not sys.stdout:
            out.close()
        if rejects is not None:
            rejects.close()
    elapsed = time.perf_counter() - started
    triaged = sum(precedences.values())
    print(f"triaged {triaged} of {total} reports in {elapsed:.2f}s: {total / elapsed if elapsed else 0:.0f} reports/s", file=sys.stderr)
    print("precedence: " + ", ".join(f"{p} {precedences[p]}" for p in ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")), file=sys.stderr)
    print("category: " + ", ".join(f"{c} {n}" for c, n in categories.most_common()), file=sys.stderr)
    if reasons:
        where = f" (in {rejects_path})" if rejects_path else ""
        print(f"rejected {sum(reasons.values())}{where}: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()), file=sys.stderr)
    return 0


def _numbered_batches(path: str, size: int) -> Iterator[tuple[int, list[bytes]]]:
    """(line number of the first line, lines) per batch; blank lines are skipped but counted."""
    stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    batch: list[bytes] = []
    first = 1
    try:
        for number, line in enumerate(stream, start=1):
            line = line.rstrip(b"\r\n")
            if not line.strip():
                continue
            if not batch:
                first = number
            batch.append(line)
            if len(batch) >= size:
                yield first, batch
                batch = []
        if batch:
            yield first, batch
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _progress(path: str):  # type: ignore[no-untyped-def]
    """A progress bar on a terminal; a no-op otherwise."""
    if not sys.stderr.isatty():
        return lambda n: None
    from rich.progress import Progress

    total = None
    if path != "-":
        with open(path, "rb") as f:
            total = sum(1 for line in f if line.strip())
    bar = Progress(transient=True)
    task = bar.add_task("triage", total=total)
    bar.start()

    def advance(n: int | None) -> None:
        if n is None:
            bar.stop()
        else:
            bar.advance(task, n)

    return advance


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    import faust

    from operators.runtime import ModelError
    from pipeline.app import build_app
    from pipeline.build import build_chain

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # The Kafka clients narrate every connection at INFO; keep their warnings only.
    for noisy in ("kafka", "aiokafka"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
    names = TopicNames.of(settings)
    ensure_topics(settings, names.all())
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        chain = build_chain(settings, passthrough=args.passthrough)
    except ModelError as exc:
        print(f"triage: the model in {settings.model_dir} cannot be used: {exc}", file=sys.stderr)
        return EXIT_MODEL
    built = build_app(settings, chain)
    worker = faust.Worker(built.app, loglevel=settings.log_level.upper(), override_logging=False)
    worker.execute_from_commandline()
    return 0


if __name__ == "__main__":
    sys.exit(main())
