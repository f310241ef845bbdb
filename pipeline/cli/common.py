"""What the command modules share: exit codes and reading input lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO

from pipeline.settings import Settings

EXIT_USAGE = 2
EXIT_BROKER = 3
EXIT_MODEL = 4
EXIT_REFUSED = 5  # messages not opened (not cleared, tampered, unsealed), or a topic the login may not read
EXIT_AUDIT_BROKEN = 6
EXIT_NOT_DELIVERED = 7  # the broker refused records: the count is printed, nothing is reported as sent


def lines(path: str) -> Iterator[bytes]:
    """Non-blank lines of a file (or - for standard input), without their line ends."""
    stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    try:
        for line in stream:
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield line
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def key_of(line: bytes) -> bytes | None:
    """The report id of a JSON report line, as the record key (so a report's versions share a partition)."""
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    rid = obj.get("report_id") if isinstance(obj, dict) else None
    return rid.encode() if isinstance(rid, str) else None


def refused(what: str, report: object, topic: str) -> int:
    """Print a delivery failure with its count and kinds; the exit status for it."""
    from pipeline.clients import SendReport

    assert isinstance(report, SendReport)
    kinds: dict[str, int] = {}
    for _, kind in report.refused:
        kinds[kind] = kinds.get(kind, 0) + 1
    detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    print(
        f"triage: {len(report.refused)} {what} refused by the broker on {topic} ({detail}); {report.sent} delivered",
        file=sys.stderr,
    )
    return EXIT_NOT_DELIVERED


def model_unusable(settings: Settings, exc: Exception) -> int:
    """The one message for a model that cannot be loaded, and its exit status."""
    hint = "" if settings.model_dir.is_dir() else " (set TRIAGE_MODEL_DIR to the model directory)"
    print(f"triage: the model in {settings.model_dir} cannot be used: {exc}{hint}", file=sys.stderr)
    return EXIT_MODEL
