"""`triage batch` and `triage evaluate`: the streaming chain on files, without a broker."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import IO, Any

from pipeline.cli.common import EXIT_USAGE, model_unusable
from pipeline.settings import Settings


def register(sub: Any) -> None:
    batch = sub.add_parser("batch", help="triage a JSON Lines file offline with the streaming chain")
    batch.add_argument("input", help="JSON Lines file of reports, or - for standard input")
    batch.add_argument("--out", default="-", help="TriagedReport JSON Lines (default: standard output)")
    batch.add_argument(
        "--rejects", help="dead letters for malformed lines (default: OUT.rejects.jsonl; stderr with stdout)"
    )
    batch.add_argument("--batch-size", type=int, default=256, help="reports per model batch (default 256)")
    batch.add_argument("--passthrough", action="store_true", help="no model: plumbing only")
    batch.set_defaults(run=cmd_batch)

    ev = sub.add_parser("evaluate", help="score the chain against a labelled JSON Lines set")
    ev.add_argument("file", nargs="?", default="tests/eval/independent_reports.jsonl")
    ev.add_argument("--json", help="also write the full result (with every miss) to this file")
    ev.set_defaults(run=cmd_evaluate)


def cmd_batch(args: argparse.Namespace, settings: Settings) -> int:
    from collections import Counter
    from datetime import datetime

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
        return model_unusable(settings, exc)
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
            now = datetime.now(UTC)
            for offset, (line, result) in enumerate(zip(lines, chain.process(lines, now))):
                if isinstance(result, Rejection):
                    reasons[result.reason.value] += 1
                    letter = DeadLetter.of(
                        result, line, topic=source, partition=0, offset=first_line + offset, failed_at=now
                    )
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
    print(
        f"triaged {triaged} of {total} reports in {elapsed:.2f}s: {total / elapsed if elapsed else 0:.0f} reports/s",
        file=sys.stderr,
    )
    print(
        "precedence: " + ", ".join(f"{p} {precedences[p]}" for p in ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")),
        file=sys.stderr,
    )
    print("category: " + ", ".join(f"{c} {n}" for c, n in categories.most_common()), file=sys.stderr)
    if reasons:
        where = f" (in {rejects_path})" if rejects_path else ""
        print(
            f"rejected {sum(reasons.values())}{where}: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()),
            file=sys.stderr,
        )
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


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.components import build_chain
    from pipeline.evaluation import evaluate

    result = evaluate(build_chain(settings), Path(args.file))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(json.dumps({"overall": result["overall"], "per_language": result["per_language"]}, indent=2))
    return 0
