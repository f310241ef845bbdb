"""Raw bytes to FieldReport or a rejection with the right reason; nothing raises, nothing is dropped."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operators.ingest import IngestLimits, parse_report, parse_reports
from schemas.errors import Reason, Rejection
from schemas.reports import FieldReport

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
LIMITS = IngestLimits(max_message_bytes=4096, max_text_chars=500)


def good(**overrides: object) -> dict:
    base = {
        "report_id": "rpt-001",
        "source": {"unit": "1st Recce Sqn", "callsign": "HAWK 2", "reliability": "b"},
        "credibility": 2,
        "classification": "confidential",
        "releasability": ["lux", "NATO"],
        "format": "SALUTE",
        "dtg": "261430ZNOV26",
        "text": "2x BMP-2 moving north on N7 vic Ettelbruck",
        "salute": {"size": "2x", "activity": "moving north", "equipment": "BMP-2"},
    }
    base.update(overrides)
    return base


def enc(obj: object) -> bytes:
    return json.dumps(obj).encode()


def test_valid_report_is_normalised() -> None:
    r = parse_report(enc(good()), LIMITS, NOW)
    assert isinstance(r, FieldReport)
    assert r.classification == "CONFIDENTIAL" and r.source.reliability == "B"
    assert r.releasability == ["LUX", "NATO"] and r.format == "salute"
    assert r.received_at == NOW  # ingest time when absent
    assert r.salute is not None and r.salute.equipment == "BMP-2"


def test_received_at_is_kept_and_made_utc() -> None:
    r = parse_report(enc(good(received_at="2026-11-26T15:30:00+01:00")), LIMITS, NOW)
    assert isinstance(r, FieldReport)
    assert r.received_at == datetime(2026, 11, 26, 14, 30, tzinfo=UTC)


def test_minimal_report_gets_defaults() -> None:
    r = parse_report(
        enc({"report_id": "a", "source": {"unit": "u"}, "classification": "SECRET", "text": "x"}), LIMITS, NOW
    )
    assert isinstance(r, FieldReport)
    assert (r.credibility, r.source.reliability, r.format, r.language) == (6, "F", "free_text", None)


CASES = [
    (b"\xff\xfe\x00", Reason.INVALID_UTF8),
    (b'{"report_id": ', Reason.INVALID_JSON),
    (b"NaN", Reason.INVALID_JSON),
    (None, Reason.INVALID_JSON),
    (b"[1, 2]", Reason.NOT_AN_OBJECT),
    (b'"a string"', Reason.NOT_AN_OBJECT),
    (enc({k: v for k, v in good().items() if k != "report_id"}), Reason.MISSING_FIELD),
    (enc({k: v for k, v in good().items() if k != "classification"}), Reason.MISSING_FIELD),
    (enc({k: v for k, v in good().items() if k != "text"}), Reason.MISSING_FIELD),
    (enc(good(source={"callsign": "x"})), Reason.MISSING_FIELD),
    (enc(good(report_id=17)), Reason.WRONG_TYPE),
    (enc(good(text=["a"])), Reason.WRONG_TYPE),
    (enc(good(source="A Coy")), Reason.WRONG_TYPE),
    (enc(good(credibility="2")), Reason.WRONG_TYPE),
    (enc(good(credibility=True)), Reason.WRONG_TYPE),
    (enc(good(releasability="NATO")), Reason.WRONG_TYPE),
    (enc(good(salute=[1])), Reason.WRONG_TYPE),
    (enc(good(classification="TOP SECRET")), Reason.UNKNOWN_CLASSIFICATION),
    (enc(good(classification="")), Reason.MISSING_FIELD),
    (enc(good(credibility=9)), Reason.INVALID_VALUE),
    (enc(good(source={"unit": "u", "reliability": "Z"})), Reason.INVALID_VALUE),
    (enc(good(format="telegram")), Reason.INVALID_VALUE),
    (enc(good(language="es")), Reason.INVALID_VALUE),
    (enc(good(received_at="yesterday")), Reason.INVALID_VALUE),
    (enc(good(received_at="2026-11-26T15:30:00")), Reason.INVALID_VALUE),
    (enc(good(report_id="has space")), Reason.INVALID_VALUE),
    (enc(good(text="   \n ")), Reason.EMPTY_TEXT),
    (enc(good(text="x" * 501)), Reason.TEXT_TOO_LONG),
    (b" " * 5000, Reason.MESSAGE_TOO_LARGE),
]


@pytest.mark.parametrize(("payload", "reason"), CASES)
def test_each_malformed_kind_has_its_reason(payload: bytes | None, reason: Reason) -> None:
    r = parse_report(payload, LIMITS, NOW)
    assert isinstance(r, Rejection), r
    assert r.reason is reason, r.detail
    assert r.step == "ingest" and r.detail


def test_unknown_fields_are_ignored() -> None:
    assert isinstance(parse_report(enc(good(extra={"a": 1})), LIMITS, NOW), FieldReport)


def test_batch_keeps_order_and_length() -> None:
    out = parse_reports([enc(good()), b"{", enc(good(report_id="b"))], LIMITS, NOW)
    assert [type(o).__name__ for o in out] == ["FieldReport", "Rejection", "FieldReport"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(payload: bytes) -> None:
    assert isinstance(parse_report(payload, LIMITS, NOW), (FieldReport, Rejection))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(list(good())), json_values, max_size=9))
def test_arbitrary_objects_with_contract_keys_never_raise(obj: dict) -> None:
    r = parse_report(enc(obj), LIMITS, NOW)
    assert isinstance(r, (FieldReport, Rejection))
    if isinstance(r, Rejection):
        assert r.reason in set(Reason)
