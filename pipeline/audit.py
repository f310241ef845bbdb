"""The audit trail on the `audit` topic: one hash chain (operators.audit) per worker run.

Every publication on an alert, flash, event or briefing topic is an entry: message id, topic,
classification, precedence, model versions and time, never content. Each worker run writes its own
chain from genesis under its own message key, the writer id (`<worker id>.<start time>-<random>`),
so all of a chain lands on one partition in order and a restarted worker never continues, or
collides with, a chain it cannot read back (the worker role may write the audit topic, not read it).
`verify_topic_records` checks every chain: removed, reordered and altered entries all break it.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from operators.protection.hashchain import (
    AuditChain,
    AuditEntry,
    ChainBreak,
    parse_entry,
    verify_chain,
)
from pipeline.routing import Publication
from pipeline.settings import Settings


def audit_enabled(settings: Settings) -> bool:
    """TRIAGE_AUDIT_ENABLED when set; otherwise on exactly when sealing is on."""
    return settings.sealing if settings.audit_enabled is None else settings.audit_enabled


def writer_id(settings: Settings, now: datetime | None = None) -> str:
    base = settings.worker_id or f"{socket.gethostname()}-{os.getpid()}"
    started = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"{base}.{started}-{secrets.token_hex(3)}"


class AuditTrail:
    """The worker's chain. `lock` keeps appending and sending in one order when agents interleave."""

    def __init__(self, writer: str) -> None:
        self.writer = writer
        self.chain = AuditChain()
        self.lock = asyncio.Lock()

    def record(self, publication: Publication, published_at: datetime) -> AuditEntry:
        return self.chain.append(
            alert_id=publication.message_id,
            topic=publication.topic,
            classification=publication.classification.value,
            precedence=publication.precedence,
            models=publication.models,
            published_at=published_at.isoformat(),
        )


@dataclass(frozen=True)
class ChainReport:
    writer: str
    entries: int
    problem: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def line(self) -> str:
        if self.problem is None:
            return f"OK      {self.writer}: {self.entries} entries"
        b = self.problem
        seq = f" (seq {b.seq})" if b.seq is not None else ""
        return f"BROKEN  {self.writer}: entry {b.index}{seq} of {self.entries}: {b.problem}"


def group_by_writer(records: Iterable[tuple[bytes | None, bytes | None]]) -> dict[str, list[bytes]]:
    """(key, value) pairs in topic order (a writer's entries share one partition) to chains by writer."""
    chains: dict[str, list[bytes]] = {}
    for key, value in records:
        writer = key.decode("utf-8", "replace") if key is not None else "(no key)"
        chains.setdefault(writer, []).append(value or b"")
    return chains


def verify_chains(chains: dict[str, list[bytes]]) -> list[ChainReport]:
    return [ChainReport(writer, len(entries), verify_chain(entries)) for writer, entries in sorted(chains.items())]


def dump_line(writer: str, raw: bytes) -> str:
    """One line of `triage audit dump`: the writer and the entry as stored (or its text if unreadable)."""
    entry = parse_entry(raw)
    body: object = json.loads(entry.to_json()) if entry is not None else raw.decode("utf-8", "replace")
    return json.dumps({"writer": writer, "entry": body}, sort_keys=True)


def parse_dump(lines: Iterable[str]) -> dict[str, list[bytes]]:
    """The inverse of `dump_line` over a file: chains by writer, in file order."""
    chains: dict[str, list[bytes]] = {}
    for line in lines:
        if not line.strip():
            continue
        obj = json.loads(line)
        entry = obj["entry"]
        raw = (
            entry.encode()
            if isinstance(entry, str)
            else json.dumps(entry, sort_keys=True, separators=(",", ":")).encode()
        )
        chains.setdefault(str(obj["writer"]), []).append(raw)
    return chains
