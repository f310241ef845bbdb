"""The DeadLetter record: a rejected input kept whole, with where it came from and why it was refused."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from schemas.errors import Reason, Rejection
from schemas.reports import Record
from schemas.vocab import SCHEMA_VERSION

__all__ = ["DeadLetter", "Reason", "Rejection"]


@dataclass(frozen=True, slots=True)
class DeadLetter(Record):
    reason: str
    detail: str
    step: str
    payload_b64: str
    topic: str
    partition: int
    offset: int
    failed_at: datetime
    schema_version: int = SCHEMA_VERSION

    @classmethod
    def of(
        cls,
        rejection: Rejection,
        payload: bytes,
        *,
        topic: str,
        partition: int,
        offset: int,
        failed_at: datetime,
    ) -> DeadLetter:
        return cls(
            reason=rejection.reason.value,
            detail=rejection.detail,
            step=rejection.step,
            payload_b64=base64.b64encode(payload).decode("ascii"),
            topic=topic,
            partition=partition,
            offset=offset,
            failed_at=failed_at,
        )

    def payload(self) -> bytes:
        return base64.b64decode(self.payload_b64)
