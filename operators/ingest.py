"""Raw bytes to a validated FieldReport, or a Rejection with a stable reason code; never raises.

Rules, in the order they are checked (the first failure wins):
message size -> UTF-8 -> JSON -> object -> required fields -> field types -> closed vocabularies
-> text length. Unknown top-level fields are ignored so that producers can add fields ahead of us.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from schemas.errors import Reason, Rejected, Rejection, never_raises
from schemas.reports import FieldReport, Salute, Source
from schemas.vocab import (
    CREDIBILITY_GRADES,
    LANGUAGES,
    RELIABILITY_GRADES,
    SALUTE_SLOTS,
    Classification,
    ReportFormat,
)

STEP = "ingest"

DEFAULT_MAX_MESSAGE_BYTES = 1_048_576
DEFAULT_MAX_TEXT_CHARS = 20_000
MAX_REPORT_ID_CHARS = 128
MAX_SHORT_FIELD_CHARS = 256
MAX_SLOT_CHARS = 2_000

_REPORT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/@#+-]*$")
_RELEASABILITY = re.compile(r"^[A-Z0-9_-]{2,16}$")


@dataclass(frozen=True, slots=True)
class IngestLimits:
    """Size limits; a message or text above them is dead-lettered, not truncated."""

    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS


def parse_reports(
    payloads: Sequence[bytes | None], limits: IngestLimits, now: datetime
) -> list[FieldReport | Rejection]:
    """Batch form of `parse_report`, one result per payload, same order."""
    return [parse_report(p, limits, now) for p in payloads]


@never_raises(STEP, Reason.INVALID_VALUE)
def parse_report(payload: bytes | None, limits: IngestLimits, now: datetime) -> FieldReport:
    if payload is None:
        raise Rejected(Reason.INVALID_JSON, "empty message (null value)", STEP)
    if len(payload) > limits.max_message_bytes:
        raise Rejected(
            Reason.MESSAGE_TOO_LARGE,
            f"message is {len(payload)} bytes; the limit is {limits.max_message_bytes}",
            STEP,
        )
    try:
        decoded = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected(Reason.INVALID_UTF8, f"not UTF-8 at byte {exc.start}", STEP) from None
    try:
        obj = json.loads(decoded, parse_constant=_reject_constant)
    except (json.JSONDecodeError, ValueError) as exc:
        raise Rejected(Reason.INVALID_JSON, f"not JSON: {exc}"[:300], STEP) from None
    except RecursionError:
        raise Rejected(Reason.INVALID_JSON, "not JSON: nested too deeply", STEP) from None
    if not isinstance(obj, dict):
        raise Rejected(Reason.NOT_AN_OBJECT, f"expected a JSON object, got {_json_type(obj)}", STEP)

    report_id = _required_str(obj, "report_id")
    if len(report_id) > MAX_REPORT_ID_CHARS or not _REPORT_ID.match(report_id):
        raise Rejected(
            Reason.INVALID_VALUE,
            f"report_id must be 1-{MAX_REPORT_ID_CHARS} characters of letters, digits and ._:/@#+-",
            STEP,
        )
    source = _source(obj)
    classification = _classification(obj)
    text = _text(obj, limits)

    return FieldReport(
        report_id=report_id,
        received_at=_received_at(obj, now),
        source=source,
        classification=classification,
        text=text,
        dtg=_optional_str(obj, "dtg"),
        credibility=_credibility(obj),
        releasability=_releasability(obj),
        language=_language(obj),
        format=_format(obj),
        salute=_salute(obj),
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _required(obj: dict[str, Any], name: str, where: str = "") -> Any:
    if name not in obj or obj[name] is None:
        raise Rejected(Reason.MISSING_FIELD, f"required field '{where}{name}' is missing", STEP)
    return obj[name]


def _required_str(obj: dict[str, Any], name: str, where: str = "") -> str:
    value = _required(obj, name, where)
    if not isinstance(value, str):
        raise Rejected(Reason.WRONG_TYPE, f"'{where}{name}' must be a string, got {_json_type(value)}", STEP)
    value = value.strip()
    if not value:
        raise Rejected(Reason.MISSING_FIELD, f"required field '{where}{name}' is empty", STEP)
    return value


def _optional_str(obj: dict[str, Any], name: str, where: str = "", limit: int = MAX_SHORT_FIELD_CHARS) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Rejected(Reason.WRONG_TYPE, f"'{where}{name}' must be a string, got {_json_type(value)}", STEP)
    value = value.strip()
    if len(value) > limit:
        raise Rejected(Reason.INVALID_VALUE, f"'{where}{name}' is longer than {limit} characters", STEP)
    return value or None


def _source(obj: dict[str, Any]) -> Source:
    raw = _required(obj, "source")
    if not isinstance(raw, dict):
        raise Rejected(Reason.WRONG_TYPE, f"'source' must be an object, got {_json_type(raw)}", STEP)
    unit = _required_str(raw, "unit", "source.")
    if len(unit) > MAX_SHORT_FIELD_CHARS:
        raise Rejected(Reason.INVALID_VALUE, f"'source.unit' is longer than {MAX_SHORT_FIELD_CHARS} characters", STEP)
    reliability = _optional_str(raw, "reliability", "source.") or "F"
    reliability = reliability.upper()
    if reliability not in RELIABILITY_GRADES:
        raise Rejected(Reason.INVALID_VALUE, f"'source.reliability' must be one of A-F, got {reliability!r}", STEP)
    return Source(unit=unit, callsign=_optional_str(raw, "callsign", "source."), reliability=reliability)


def _classification(obj: dict[str, Any]) -> str:
    value = _required_str(obj, "classification")
    try:
        return Classification.parse(value).value
    except ValueError:
        allowed = ", ".join(c.value for c in Classification)
        raise Rejected(
            Reason.UNKNOWN_CLASSIFICATION, f"classification {value[:40]!r} is not one of {allowed}", STEP
        ) from None


def _text(obj: dict[str, Any], limits: IngestLimits) -> str:
    value = obj.get("text")
    if value is None:
        raise Rejected(Reason.MISSING_FIELD, "required field 'text' is missing", STEP)
    if not isinstance(value, str):
        raise Rejected(Reason.WRONG_TYPE, f"'text' must be a string, got {_json_type(value)}", STEP)
    if not value.strip():
        raise Rejected(Reason.EMPTY_TEXT, "'text' is empty", STEP)
    if len(value) > limits.max_text_chars:
        raise Rejected(
            Reason.TEXT_TOO_LONG, f"'text' has {len(value)} characters; the limit is {limits.max_text_chars}", STEP
        )
    return value


def _received_at(obj: dict[str, Any], now: datetime) -> datetime:
    value = obj.get("received_at")
    if value is None:
        return now
    if not isinstance(value, str):
        raise Rejected(Reason.WRONG_TYPE, f"'received_at' must be an RFC 3339 string, got {_json_type(value)}", STEP)
    try:
        parsed = datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        raise Rejected(Reason.INVALID_VALUE, f"'received_at' {value[:40]!r} is not RFC 3339", STEP) from None
    if parsed.tzinfo is None:
        raise Rejected(Reason.INVALID_VALUE, "'received_at' must carry a time-zone offset (RFC 3339)", STEP)
    return parsed.astimezone(UTC)


def _credibility(obj: dict[str, Any]) -> int:
    value = obj.get("credibility")
    if value is None:
        return 6
    if isinstance(value, bool) or not isinstance(value, int):
        raise Rejected(Reason.WRONG_TYPE, f"'credibility' must be an integer 1-6, got {_json_type(value)}", STEP)
    if value not in CREDIBILITY_GRADES:
        raise Rejected(Reason.INVALID_VALUE, f"'credibility' must be 1-6, got {value}", STEP)
    return value


def _releasability(obj: dict[str, Any]) -> list[str] | None:
    value = obj.get("releasability")
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Rejected(Reason.WRONG_TYPE, "'releasability' must be a list of strings", STEP)
    cleaned = [v.strip().upper() for v in value]
    bad = [v for v in cleaned if not _RELEASABILITY.match(v)]
    if bad:
        raise Rejected(Reason.INVALID_VALUE, f"'releasability' has invalid entries: {bad[:5]}", STEP)
    return cleaned


def _language(obj: dict[str, Any]) -> str | None:
    value = _optional_str(obj, "language")
    if value is None:
        return None
    value = value.lower()
    if value not in LANGUAGES:
        raise Rejected(Reason.INVALID_VALUE, f"'language' must be one of {', '.join(LANGUAGES)}, got {value!r}", STEP)
    return value


def _format(obj: dict[str, Any]) -> str:
    value = _optional_str(obj, "format")
    if value is None:
        return ReportFormat.FREE_TEXT.value
    try:
        return ReportFormat(value.lower()).value
    except ValueError:
        allowed = ", ".join(f.value for f in ReportFormat)
        raise Rejected(Reason.INVALID_VALUE, f"'format' must be one of {allowed}, got {value!r}", STEP) from None


def _salute(obj: dict[str, Any]) -> Salute | None:
    value = obj.get("salute")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise Rejected(Reason.WRONG_TYPE, f"'salute' must be an object, got {_json_type(value)}", STEP)
    slots = {slot: _optional_str(value, slot, "salute.", MAX_SLOT_CHARS) for slot in SALUTE_SLOTS}
    return Salute(**slots)
