"""Rejections as values: stable reason codes, the in-process Rejection and the DeadLetter record."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

import faust

from schemas.vocab import SCHEMA_VERSION


class Reason(str, Enum):
    """Why a record was dead-lettered. The values are a public contract: never rename one."""

    MESSAGE_TOO_LARGE = "message_too_large"
    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    NOT_AN_OBJECT = "not_an_object"
    MISSING_FIELD = "missing_field"
    WRONG_TYPE = "wrong_type"
    INVALID_VALUE = "invalid_value"
    UNKNOWN_CLASSIFICATION = "unknown_classification"
    EMPTY_TEXT = "empty_text"
    TEXT_TOO_LONG = "text_too_long"
    STRUCTURED_UNPARSEABLE = "structured_unparseable"
    TRIAGE_FAILED = "triage_failed"


@dataclass(frozen=True, slots=True)
class Rejection:
    """A record a step refused: the reason code, a human-readable detail and the step's name."""

    reason: Reason
    detail: str
    step: str


class DeadLetter(faust.Record, serializer="json", include_metadata=False, isodates=True):
    """A rejected input kept whole, with where it came from and why it was refused."""

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
    ) -> "DeadLetter":
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

