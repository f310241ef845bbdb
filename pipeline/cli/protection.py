"""`triage keys` and `triage audit`: the sealing keys (ops/security.md) and the audit trail's hash chains."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any

from pipeline import clients
from pipeline.cli.common import EXIT_AUDIT_BROKEN, EXIT_USAGE
from pipeline.settings import Settings, SettingsError
from pipeline.topics import TopicNames


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="make and rotate the sealing keys (see ops/security.md)")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    k_init = keys_sub.add_parser(
        "init", help="a keyring (every level), holder keyrings per clearance, a signing key, verify keys"
    )
    k_init.add_argument("--out", required=True, help="folder to write them to (created, mode 700)")
    k_init.add_argument("--signer-id", default="worker-k1", help="key id of the signing key (default worker-k1)")
    k_init.add_argument("--force", action="store_true", help="replace files that exist")
    k_init.set_defaults(run=cmd_keys_init)
    k_rot = keys_sub.add_parser(
        "rotate", help="add a new key to levels of a keyring and make it current; old keys stay"
    )
    k_rot.add_argument("--keyring", required=True, help="keyring JSON to change in place")
    k_rot.add_argument("--key-id", required=True, help="suffix of the new key ids, e.g. k2 (gives secret-k2, ...)")
    k_rot.add_argument(
        "--level", action="append", help="a level to rotate (repeat; default: every level in the keyring)"
    )
    k_rot.set_defaults(run=cmd_keys_rotate)
    k_hold = keys_sub.add_parser("holder", help="the keyring for a holder cleared up to a level (that level and below)")
    k_hold.add_argument("--keyring", required=True)
    k_hold.add_argument("--level", required=True, help="the holder's clearance")
    k_hold.add_argument("--out", required=True, help="file to write (mode 600)")
    k_hold.set_defaults(run=cmd_keys_holder)
    k_sign = keys_sub.add_parser("signer", help="a new signing key, its public key added to a verify-keys file")
    k_sign.add_argument("--id", required=True, help="key id of the new signing key")
    k_sign.add_argument("--out", required=True, help="PEM file for the private key (mode 600)")
    k_sign.add_argument(
        "--verify-keys", required=True, help="verify-keys JSON to add the public key to (created if missing)"
    )
    k_sign.set_defaults(run=cmd_keys_signer)
    k_ret = keys_sub.add_parser(
        "retire", help="remove keys that are no longer current, once their messages have aged out"
    )
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

    records = clients.read_all(settings, [TopicNames.of(settings).audit])
    # read_all returns partitions one after another; within one partition (one writer's chain) offsets ascend.
    records.sort(key=lambda r: (r.partition, r.offset))
    return group_by_writer((r.key, r.value) for r in records)


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
