"""A tamper-evident audit trail: each publication is an entry hash-chained to the one before.

entry_hash = sha256(canonical JSON of the entry without entry_hash, which includes prev_hash).
`verify_chain` finds a removed, reordered or altered entry: the first index where the chain breaks.
Entries carry identifiers and labels only, never report text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    alert_id: str
    topic: str
    classification: str
    precedence: str
    models: tuple[str, ...]
    published_at: str
    prev_hash: str
    entry_hash: str

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":")).encode()


def _digest(fields: dict[str, object]) -> str:
    body = {k: v for k, v in fields.items() if k != "entry_hash"}
    body["models"] = list(body["models"])  # type: ignore[call-overload]
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


class AuditChain:
    """Appends entries; the writer keeps the head (sequence and hash) and resumes from the last entry."""

    def __init__(self, last: AuditEntry | None = None) -> None:
        self.seq = last.seq if last else 0
        self.head = last.entry_hash if last else GENESIS

    def append(
        self,
        *,
        alert_id: str,
        topic: str,
        classification: str,
        precedence: str,
        models: Sequence[str],
        published_at: str,
    ) -> AuditEntry:
        fields: dict[str, object] = {
            "seq": self.seq + 1,
            "alert_id": alert_id,
            "topic": topic,
            "classification": classification,
            "precedence": precedence,
            "models": tuple(models),
            "published_at": published_at,
            "prev_hash": self.head,
        }
        entry = AuditEntry(**fields, entry_hash=_digest(fields))  # type: ignore[arg-type]
        self.seq, self.head = entry.seq, entry.entry_hash
        return entry


@dataclass(frozen=True, slots=True)
class ChainBreak:
    index: int
    seq: int | None
    problem: str


def parse_entry(raw: bytes) -> AuditEntry | None:
    try:
        obj = json.loads(raw)
        obj["models"] = tuple(obj["models"])
        return AuditEntry(**obj)
    except (ValueError, TypeError, KeyError):
        return None


def verify_chain(entries: Iterable[bytes]) -> ChainBreak | None:
    """None when the chain is whole from genesis; otherwise where and how it breaks."""
    prev = GENESIS
    expected_seq = 1
    for index, raw in enumerate(entries):
        entry = parse_entry(raw)
        if entry is None:
            return ChainBreak(index, None, "unreadable entry")
        if entry.prev_hash != prev:
            return ChainBreak(index, entry.seq, "prev_hash does not match the entry before (removed or reordered)")
        if _digest(asdict(entry)) != entry.entry_hash:
            return ChainBreak(index, entry.seq, "entry_hash does not match its content (altered)")
        if entry.seq != expected_seq:
            return ChainBreak(index, entry.seq, f"sequence {entry.seq} where {expected_seq} was expected")
        prev = entry.entry_hash
        expected_seq += 1
    return None
