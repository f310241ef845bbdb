"""The one error model: every refusal is a `Rejection` value with a stable `Reason`; `TriageError` is the root exception.

Steps return `X | Rejection` instead of raising. Inside a step, `Rejected` carries a rejection out of
nested checks, and `never_raises` turns it (and any unexpected exception) into the value, with the
exception's type only: an exception's text can quote a classified field, and dead letters and logs
are not cleared for content. What happens to a rejection (dead-letter it, skip it, stop the worker)
is decided in one place, `disposition`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import ParamSpec, TypeVar


class Reason(str, Enum):
    """Why something was refused. The values are a public contract (dead letters, CLI output): never rename one."""

    # ingest: a raw record that is not a valid FieldReport (dead-lettered)
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
    # triage: a valid report the chain could not assess (dead-lettered)
    TRIAGE_FAILED = "triage_failed"
    # structured layouts (SALUTE/SPOT) whose slots cannot be read: the report is triaged as free text
    SALUTE_BAD_INPUT = "salute_bad_input"
    SALUTE_TOO_LONG = "salute_too_long"
    SALUTE_UNPARSEABLE = "salute_unparseable"
    SALUTE_DUPLICATE_SLOT = "salute_duplicate_slot"
    SALUTE_UNKNOWN_SLOT = "salute_unknown_slot"
    SALUTE_BAD_VALUE = "salute_bad_value"
    SALUTE_EMPTY = "salute_empty"
    # sealed messages that were not opened (reported to the reader, never shown)
    NOT_SEALED = "not_sealed"
    MALFORMED_VALUE = "malformed_value"
    MALFORMED_HEADERS = "malformed_headers"
    NO_KEYRING = "no_keyring"
    ABOVE_TOPIC_LEVEL = "above_topic_level"
    UNKNOWN_SIGNER = "unknown_signer"
    BAD_SIGNATURE = "bad_signature"
    NOT_CLEARED = "not_cleared"
    UNKNOWN_KEY = "unknown_key"
    DECRYPT_FAILED = "decrypt_failed"
    # publication: the broker refused a record (the producer path fails with a count, never silently)
    DELIVERY_FAILED = "delivery_failed"


@dataclass(frozen=True, slots=True)
class Rejection:
    """A record a step refused: the reason code, a detail without content, and the step's name."""

    reason: Reason
    detail: str
    step: str

    @property
    def code(self) -> str:
        return self.reason.value


class TriageError(Exception):
    """Root of the project's exceptions."""


class Rejected(TriageError):
    """Control flow inside a step: carries a rejection out of nested checks (see `never_raises`)."""

    def __init__(self, reason: Reason, detail: str, step: str) -> None:
        super().__init__(detail)
        self.rejection = Rejection(reason, detail, step)


P = ParamSpec("P")
T = TypeVar("T")


def never_raises(step: str, reason: Reason) -> Callable[[Callable[P, T]], Callable[P, T | Rejection]]:
    """A step function that returns a Rejection instead of raising: `Rejected` gives its own, anything
    else `reason` with the exception's type only (its message may quote classified content)."""

    def wrap(fn: Callable[P, T]) -> Callable[P, T | Rejection]:
        @functools.wraps(fn)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> T | Rejection:
            try:
                return fn(*args, **kwargs)
            except Rejected as rejected:
                return rejected.rejection
            except Exception as exc:
                return Rejection(reason, f"unexpected {type(exc).__name__}", step)

        return guarded

    return wrap


class Disposition(str, Enum):
    DEAD_LETTER = "dead_letter"  # kept whole on the dead-letter topic, with the reason
    NOTE = "note"  # processing goes on without it; the explanation or the reader's output says so
    FAIL = "fail"  # the command or batch fails and says how many: the input is retried, never dropped


# The one policy: what the pipeline does with each kind of rejection. Nothing crashes a worker; what
# cannot start (settings, model, keys) fails at start-up with a clear message instead.
_NOTED = {r for r in Reason if r.value.startswith("salute_")} | {
    Reason.NOT_SEALED,
    Reason.MALFORMED_VALUE,
    Reason.MALFORMED_HEADERS,
    Reason.NO_KEYRING,
    Reason.ABOVE_TOPIC_LEVEL,
    Reason.UNKNOWN_SIGNER,
    Reason.BAD_SIGNATURE,
    Reason.NOT_CLEARED,
    Reason.UNKNOWN_KEY,
    Reason.DECRYPT_FAILED,
}


def disposition(reason: Reason) -> Disposition:
    if reason is Reason.DELIVERY_FAILED:
        return Disposition.FAIL
    return Disposition.NOTE if reason in _NOTED else Disposition.DEAD_LETTER
