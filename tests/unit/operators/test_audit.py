"""The audit chain detects a removed, reordered or altered entry."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from operators.protection.hashchain import AuditChain, parse_entry, verify_chain


def chain(n: int) -> list[bytes]:
    c = AuditChain()
    return [
        c.append(
            alert_id=f"alert-{i}",
            topic="alerts.secret",
            classification="SECRET",
            precedence="FLASH",
            models=("default@1",),
            published_at=f"2026-11-26T15:{i % 60:02d}:00Z",
        ).to_json()
        for i in range(n)
    ]


def test_whole_chain_verifies_and_resumes() -> None:
    entries = chain(20)
    assert verify_chain(entries) is None
    resumed = AuditChain(parse_entry(entries[-1]))
    more = resumed.append(
        alert_id="x", topic="t", classification="SECRET", precedence="ROUTINE", models=(), published_at="z"
    )
    assert verify_chain(entries + [more.to_json()]) is None


@given(st.integers(2, 30), st.data())
def test_removal_is_detected(n: int, data: st.DataObject) -> None:
    entries = chain(n)
    i = data.draw(st.integers(0, n - 2))  # removing the last one is only visible against the head
    broken = verify_chain(entries[:i] + entries[i + 1 :])
    assert broken is not None and broken.index == i


@given(st.integers(3, 30), st.data())
def test_reordering_is_detected(n: int, data: st.DataObject) -> None:
    entries = chain(n)
    i = data.draw(st.integers(0, n - 2))
    entries[i], entries[i + 1] = entries[i + 1], entries[i]
    assert verify_chain(entries) is not None


@given(
    st.integers(1, 30),
    st.data(),
    st.sampled_from(["alert_id", "topic", "classification", "precedence", "published_at"]),
)
def test_alteration_is_detected(n: int, data: st.DataObject, field: str) -> None:
    entries = chain(n)
    i = data.draw(st.integers(0, n - 1))
    obj = json.loads(entries[i])
    obj[field] = obj[field] + "x"
    entries[i] = json.dumps(obj).encode()
    broken = verify_chain(entries)
    assert broken is not None and broken.index == i and "altered" in broken.problem
