"""The `triage` command: produce, tail, worker, topics, keys, audit, settings (and models, batch as they land)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import IO, Iterator, Sequence

from pipeline.admin import (
    BrokerUnavailable,
    TopicsNotAuthorized,
    admin_client,
    describe_topics,
    ensure_pipeline_topics,
)
from pipeline.clients import kafka_options, who
from pipeline.settings import Settings, SettingsError
from pipeline.topics import TopicNames

EXIT_USAGE = 2
EXIT_BROKER = 3
EXIT_MODEL = 4
EXIT_REFUSED = 5  # messages not opened (not cleared, tampered, unsealed), or a topic the login may not read
EXIT_AUDIT_BROKEN = 6


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
    except TopicsNotAuthorized as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_REFUSED
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

    replay = sub.add_parser("replay", help="publish archived reports again, e.g. to re-triage with a new model")
    replay.add_argument("archive", help="root of the Parquet archive")
    replay.add_argument("--to", default=None, help="topic (default: the raw reports topic)")
    replay.add_argument("--rate", type=float, default=0.0, help="reports per second (default: as fast as possible)")
    replay.set_defaults(run=cmd_replay)

    models = sub.add_parser("models", help="export, verify or build models (see `triage models -h`)", add_help=False)
    models.add_argument("args", nargs=argparse.REMAINDER)
    models.set_defaults(run=cmd_models)

    keys = sub.add_parser("keys", help="make and rotate the sealing keys (see ops/security.md)")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    k_init = keys_sub.add_parser("init", help="a keyring (every level), holder keyrings per clearance, a signing key, verify keys")
    k_init.add_argument("--out", required=True, help="folder to write them to (created, mode 700)")
    k_init.add_argument("--signer-id", default="worker-k1", help="key id of the signing key (default worker-k1)")
    k_init.add_argument("--force", action="store_true", help="replace files that exist")
    k_init.set_defaults(run=cmd_keys_init)
    k_rot = keys_sub.add_parser("rotate", help="add a new key to levels of a keyring and make it current; old keys stay")
    k_rot.add_argument("--keyring", required=True, help="keyring JSON to change in place")
    k_rot.add_argument("--key-id", required=True, help="suffix of the new key ids, e.g. k2 (gives secret-k2, ...)")
    k_rot.add_argument("--level", action="append", help="a level to rotate (repeat; default: every level in the keyring)")
    k_rot.set_defaults(run=cmd_keys_rotate)
    k_hold = keys_sub.add_parser("holder", help="the keyring for a holder cleared up to a level (that level and below)")
    k_hold.add_argument("--keyring", required=True)
    k_hold.add_argument("--level", required=True, help="the holder's clearance")
    k_hold.add_argument("--out", required=True, help="file to write (mode 600)")
    k_hold.set_defaults(run=cmd_keys_holder)
    k_sign = keys_sub.add_parser("signer", help="a new signing key, its public key added to a verify-keys file")
    k_sign.add_argument("--id", required=True, help="key id of the new signing key")
    k_sign.add_argument("--out", required=True, help="PEM file for the private key (mode 600)")
    k_sign.add_argument("--verify-keys", required=True, help="verify-keys JSON to add the public key to (created if missing)")
    k_sign.set_defaults(run=cmd_keys_signer)
    k_ret = keys_sub.add_parser("retire", help="remove keys that are no longer current, once their messages have aged out")
    k_ret.add_argument("--keyring", required=True)
    k_ret.add_argument("key_ids", nargs="+")
    k_ret.set_defaults(run=cmd_keys_retire)

    audit = sub.add_parser("audit", help="check the audit trail (hash chains on the audit topic)")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    a_verify = audit_sub.add_parser("verify", help="OK or the first break of every chain; exit status 6 on a break")
    a_verify.add_argument("--input", help="a `triage audit dump` file instead of the topic")
    a_verify.set_defaults(run=cmd_audit_verify)
    a_dump = audit_sub.add_parser("dump", help="every entry of the audit topic as JSON Lines {writer, entry}")
    a_dump.add_argument("--out", default="-", help="file to write (default: standard output)")
    a_dump.set_defaults(run=cmd_audit_dump)

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
        **kafka_options(settings),
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
    from kafka.errors import AuthorizationError

    from pipeline.sealing import Opener, refusal_text
    from schemas.errors import Rejection

    opener = Opener.from_settings(settings)
    admin_client(settings).close()
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        **kafka_options(settings),
    )
    refused = 0
    try:
        parts = consumer.partitions_for_topic(args.topic)
        if not parts:
            if settings.security_protocol != "PLAINTEXT":
                print(f"triage: topic {args.topic!r} does not exist, or the login {who(settings)} may not see it",
                      file=sys.stderr)
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


def _render(rec: object, value: bytes | None, meta: bool) -> str:
    try:
        decoded: object = json.loads(value) if value is not None else None
    except (ValueError, UnicodeDecodeError):
        decoded = {"undecodable_bytes": len(value) if value is not None else 0}
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
    if args.partitions:
        settings = Settings.from_env(partitions=args.partitions)
    created = ensure_pipeline_topics(settings)
    names = TopicNames.of(settings)
    for name, partitions in sorted(describe_topics(settings, names.all() + names.single_partition()).items()):
        mark = " (created)" if name in created else ""
        print(f"{name}\t{partitions} partitions{mark}")
    return 0


def cmd_keys_init(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.sealing import write_key_set

    out = Path(args.out)
    try:
        written = write_key_set(out, args.signer_id, force=args.force)
    except FileExistsError as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for name, path in written.items():
        print(f"{name}\t{path}", file=sys.stderr)
    # What a worker needs; a reader takes its holder keyring and the verify keys instead.
    print(f"TRIAGE_KEYRING_FILE={written['keyring'].resolve()}")
    print(f"TRIAGE_SIGNING_KEY_FILE={written['signing_key'].resolve()}")
    print(f"TRIAGE_SIGNING_KEY_ID={args.signer_id}")
    print(f"TRIAGE_VERIFY_KEYS_FILE={written['verify_keys'].resolve()}")
    return 0


def _levels(values: list[str] | None) -> list[object] | None:
    from schemas.vocab import Classification

    if not values:
        return None
    try:
        return [Classification.parse(v) for v in values]
    except ValueError:
        raise SettingsError(f"a level is one of {', '.join(c.value for c in Classification)}") from None


def cmd_keys_rotate(args: argparse.Namespace, settings: Settings) -> int:
    from operators.protection.envelope import KeyRing, SealingError
    from pipeline.sealing import rotate

    path = Path(args.keyring)
    try:
        levels = _levels(args.level) or list(KeyRing.load(path).levels)
    except SealingError as exc:
        raise SettingsError(str(exc)) from None
    for level, kid in rotate(path, levels, args.key_id).items():  # type: ignore[arg-type]
        print(f"{level}: current key is now {kid}", file=sys.stderr)
    return 0


def cmd_keys_holder(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.sealing import holder_keyring, write_private

    levels = _levels([args.level])
    assert levels is not None
    document = holder_keyring(json.loads(Path(args.keyring).read_text()), levels[0])  # type: ignore[arg-type]
    write_private(Path(args.out), json.dumps(document, indent=2).encode(), force=True)
    print(f"{args.out}: {', '.join(document)}", file=sys.stderr)
    return 0


def cmd_keys_signer(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.sealing import new_signer

    try:
        new_signer(Path(args.out), args.id, Path(args.verify_keys))
    except FileExistsError as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"signing key {args.id} in {args.out}; its public key added to {args.verify_keys}", file=sys.stderr)
    return 0


def cmd_keys_retire(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.sealing import retire

    removed = retire(Path(args.keyring), args.key_ids)
    print(f"removed: {', '.join(removed) or 'nothing'}", file=sys.stderr)
    return 0 if removed else EXIT_USAGE


def _audit_chains(settings: Settings) -> dict[str, list[bytes]]:
    from pipeline.audit import group_by_writer

    records = _read_all(settings, [TopicNames.of(settings).audit])
    # _read_all returns partitions one after another; within one partition (one writer's chain) offsets ascend.
    records.sort(key=lambda r: (getattr(r, "partition"), getattr(r, "offset")))
    return group_by_writer((getattr(r, "key"), getattr(r, "value")) for r in records)


def cmd_audit_verify(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.audit import parse_dump, verify_chains

    if args.input:
        try:
            with open(args.input, encoding="utf-8") as f:
                chains = parse_dump(f)
        except (OSError, ValueError, KeyError) as exc:
            print(f"triage: {args.input}: not a `triage audit dump` file ({exc})", file=sys.stderr)
            return EXIT_USAGE
        where = args.input
    else:
        chains = _audit_chains(settings)
        where = TopicNames.of(settings).audit
    reports = verify_chains(chains)
    for report in reports:
        print(report.line())
    broken = [r for r in reports if not r.ok]
    entries = sum(r.entries for r in reports)
    print(f"{where}: {len(reports)} chains, {entries} entries, {len(broken)} broken", file=sys.stderr)
    return EXIT_AUDIT_BROKEN if broken else 0


def cmd_audit_dump(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.audit import dump_line

    out: IO[str] = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for writer, entries in _audit_chains(settings).items():
            for raw in entries:
                out.write(dump_line(writer, raw) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    for var, default, doc in Settings.documentation():
        current = settings.shown(var.removeprefix("TRIAGE_").lower())
        print(f"{var}={current}\t# {doc} (default {default})")
    return 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.components import build_chain
    from pipeline.evaluation import evaluate

    result = evaluate(build_chain(settings), Path(args.file))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(json.dumps({"overall": result["overall"], "per_language": result["per_language"]}, indent=2))
    return 0


def _read_all(settings: Settings, topics: list[str]) -> list[object]:
    """Every record of the topics, from the beginning to their current end."""
    from kafka import KafkaConsumer, TopicPartition

    admin_client(settings).close()
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, group_id=None, enable_auto_commit=False, **kafka_options(settings)
    )
    try:
        tps = [TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or [])]
        if not tps:
            return []
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        records: list[object] = []
        while not all(consumer.position(tp) >= end[tp] for tp in tps):
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


def _producer(settings: Settings):  # type: ignore[no-untyped-def]
    from kafka import KafkaProducer

    admin_client(settings).close()
    return KafkaProducer(
        bootstrap_servers=settings.bootstrap_servers, acks="all", enable_idempotence=True, linger_ms=5,
        max_block_ms=int(settings.connect_timeout_s * 1000), **kafka_options(settings),
    )


def cmd_feedback_add(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import datetime, timezone

    from operators.sinks.feedback import parse_feedback
    from schemas.errors import Rejection

    body = {"report_id": args.report_id, "analyst": args.analyst, "corrected_category": args.category,
            "corrected_precedence": args.precedence, "note": args.note,
            "at": datetime.now(timezone.utc).isoformat()}
    raw = json.dumps({k: v for k, v in body.items() if v is not None}).encode()
    parsed = parse_feedback(raw)
    if isinstance(parsed, Rejection):
        print(f"triage: feedback refused ({parsed.reason.value}): {parsed.detail}", file=sys.stderr)
        return EXIT_USAGE
    producer = _producer(settings)
    try:
        producer.send(TopicNames.of(settings).feedback, key=args.report_id.encode(), value=raw)
        producer.flush(timeout=settings.connect_timeout_s)
    finally:
        producer.close()
    print(f"feedback {parsed.feedback_id} published", file=sys.stderr)
    return 0


def cmd_feedback_export(args: argparse.Namespace, settings: Settings) -> int:
    from operators.sinks.feedback import (
        Feedback,
        feedback_to_parquet,
        join_with_reports,
        parse_feedback,
    )

    names = TopicNames.of(settings)
    items: list[Feedback] = []
    skipped = 0
    for rec in _read_all(settings, [names.feedback]):
        parsed = parse_feedback(getattr(rec, "value"))
        if isinstance(parsed, Feedback):
            items.append(parsed)
        else:
            skipped += 1
    wanted = {f.report_id for f in items}
    reports: dict[str, dict] = {}
    for rec in _read_all(settings, [names.triaged]):
        try:
            value = json.loads(getattr(rec, "value"))
        except ValueError:
            continue
        if value.get("report_id") in wanted:
            reports[value["report_id"]] = value
    rows = feedback_to_parquet(join_with_reports(items, reports), args.out)
    print(f"exported {rows} corrections ({len(reports)} joined with their report, {skipped} unreadable skipped) to {args.out}",
          file=sys.stderr)
    return 0


def cmd_export_stix(args: argparse.Namespace, settings: Settings) -> int:
    from operators.correlate import Event
    from operators.render.stix import bundle_for
    from schemas.vocab import Classification

    try:
        ceiling = Classification.parse(args.level)
    except ValueError:
        print(f"triage: --level must be one of {', '.join(c.value for c in Classification)}", file=sys.stderr)
        return EXIT_USAGE
    names = TopicNames.of(settings)
    levels = [c for c in Classification if c.rank <= ceiling.rank]
    from pipeline.sealing import Opener
    from schemas.errors import Rejection

    opener = Opener.from_settings(settings)
    latest: dict[str, Event] = {}
    refused = 0
    for rec in _read_all(settings, [names.events[c] for c in levels]):
        value = opener.open(getattr(rec, "topic"), getattr(rec, "value"), list(getattr(rec, "headers") or []))
        if isinstance(value, Rejection):
            refused += 1
            continue
        try:
            event = Event.from_json(json.loads(value or b""))
        except ValueError:
            continue
        latest[event.event_id] = event  # later records of an event supersede earlier ones
    if refused:
        print(f"triage: {refused} event messages could not be opened (not cleared, or no keyring) and are left out",
              file=sys.stderr)
    members = {rid for e in latest.values() for rid in e.report_ids}
    reports = []
    for rec in _read_all(settings, [names.triaged]):
        try:
            value = json.loads(getattr(rec, "value"))
        except ValueError:
            continue
        if value.get("report_id") in members:
            reports.append(value)
    bundle = bundle_for(list(latest.values()), reports, max_level=ceiling)
    text = bundle.serialize(pretty=True)
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text)
    print(f"STIX bundle: {len(latest)} events, {len(reports)} reports, up to {ceiling.value}", file=sys.stderr)
    return 0


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    from operators.sinks.archive import read_archive

    if not Path(args.archive).is_dir():
        print(f"triage: no archive at {args.archive}", file=sys.stderr)
        return EXIT_USAGE
    topic = args.to or TopicNames.of(settings).raw
    rows = read_archive(args.archive)
    keep = ("report_id", "received_at", "dtg", "source", "credibility", "classification", "releasability",
            "language", "format", "text")
    producer = _producer(settings)
    started = time.monotonic()
    try:
        for i, row in enumerate(rows):
            report = {k: row.get(k) for k in keep if row.get(k) is not None}
            if report.get("language") not in ("en", "fr", "de"):
                report.pop("language", None)  # re-detected; "und" from a model-less run is not a language
            report["received_at"] = row["received_at"].isoformat() if hasattr(row["received_at"], "isoformat") else row["received_at"]
            producer.send(topic, key=str(row["report_id"]).encode(), value=json.dumps(report, default=str).encode())
            if args.rate > 0:
                delay = started + (i + 1) / args.rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
        producer.flush(timeout=settings.connect_timeout_s)
    finally:
        producer.close()
    print(f"replayed {len(rows)} reports from {args.archive} to {topic}", file=sys.stderr)
    return 0


def cmd_models(args: argparse.Namespace, settings: Settings) -> int:
    from models.recipe.cli import main as models_main

    return models_main(list(args.args))


def cmd_batch(args: argparse.Namespace, settings: Settings) -> int:
    from collections import Counter
    from datetime import datetime, timezone

    from operators.inference.manifest import ModelError
    from pipeline.components import build_chain
    from schemas.deadletter import DeadLetter
    from schemas.errors import Rejection

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

    from operators.inference.manifest import ModelError
    from pipeline.app import build_app
    from pipeline.components import build_chain

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # The Kafka clients narrate every connection at INFO; keep their warnings only.
    for noisy in ("kafka", "aiokafka"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
    try:
        # On a secured cluster the worker sees only the topics its ACLs name, and creates none of them.
        ensure_pipeline_topics(settings, worker_only=settings.security_protocol != "PLAINTEXT")
    except TopicsNotAuthorized as exc:
        logging.getLogger("pipeline.cli").error("topics: %s; starting with the topics that exist", exc)
    if settings.archive_enabled and settings.security_protocol != "PLAINTEXT":
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
    built = build_app(settings, chain)
    worker = faust.Worker(built.app, loglevel=settings.log_level.upper(), override_logging=False)
    worker.execute_from_commandline()
    return 0


if __name__ == "__main__":
    sys.exit(main())
