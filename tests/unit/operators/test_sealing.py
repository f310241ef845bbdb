"""Sealed messages open only for the right key, label, topic and signer; tampering is refused."""

from __future__ import annotations

import random

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from operators.protection.envelope import (
    HEADER_CLASSIFICATION,
    KeyRing,
    SealingError,
    Signer,
    open_sealed,
    seal,
)
from schemas.errors import Rejection
from schemas.vocab import Classification

LEVELS = list(Classification)


@pytest.fixture(scope="module")
def ring(tmp_path_factory) -> KeyRing:
    import json

    path = tmp_path_factory.mktemp("keys") / "keyring.json"
    path.write_text(json.dumps(KeyRing.generate(LEVELS)))
    return KeyRing.load(path)


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer("worker-1", Ed25519PrivateKey.generate())


def sealed(
    ring: KeyRing, signer: Signer, level=Classification.SECRET, topic="alerts.secret", mid="alert-1", payload=b'{"a":1}'
):
    return seal(payload, classification=level, topic=topic, message_id=mid, keyring=ring, signer=signer)


def test_round_trip(ring: KeyRing, signer: Signer) -> None:
    value, headers = sealed(ring, signer)
    assert (
        open_sealed(value, headers, topic="alerts.secret", keyring=ring, verify_keys={"worker-1": signer.public()})
        == b'{"a":1}'
    )
    assert b'{"a":1}' not in value


def test_holder_without_the_level_is_refused(ring: KeyRing, signer: Signer) -> None:
    value, headers = sealed(ring, signer)
    out = open_sealed(
        value,
        headers,
        topic="alerts.secret",
        keyring=ring.only(Classification.RESTRICTED),
        verify_keys={"worker-1": signer.public()},
    )
    assert isinstance(out, Rejection) and out.code == "not_cleared"


def test_bad_keyring_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "k.json"
    path.write_text('{"SECRET": {"current": "x", "keys": {"x": "c2hvcnQ="}}}')
    with pytest.raises(SealingError, match="32 bytes"):
        KeyRing.load(path)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=200), st.integers(min_value=0), st.integers(0, 7))
def test_every_bit_flip_is_refused(ring: KeyRing, signer: Signer, payload: bytes, where: int, bit: int) -> None:
    value, headers = sealed(ring, signer, payload=payload)
    i = where % len(value)
    flipped = value[:i] + bytes([value[i] ^ (1 << bit)]) + value[i + 1 :]
    out = open_sealed(flipped, headers, topic="alerts.secret", keyring=ring, verify_keys={"worker-1": signer.public()})
    assert isinstance(out, Rejection)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LEVELS), st.sampled_from(LEVELS), st.binary(max_size=64))
def test_label_swaps_are_refused(ring: KeyRing, signer: Signer, real, claimed, payload: bytes) -> None:
    if real == claimed:
        return
    value, headers = sealed(ring, signer, level=real, payload=payload)
    swapped = [(k, claimed.value.encode() if k == HEADER_CLASSIFICATION else v) for k, v in headers]
    out = open_sealed(value, swapped, topic="alerts.secret", keyring=ring, verify_keys={"worker-1": signer.public()})
    assert isinstance(out, Rejection)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["alerts.secret", "flash.secret", "events.secret", "alerts.restricted", "x"]),
    st.binary(max_size=64),
)
def test_replay_onto_another_topic_is_refused(ring: KeyRing, signer: Signer, other: str, payload: bytes) -> None:
    value, headers = sealed(
        ring, signer, topic="alerts.confidential", level=Classification.CONFIDENTIAL, payload=payload
    )
    out = open_sealed(value, headers, topic=other, keyring=ring, verify_keys={"worker-1": signer.public()})
    assert isinstance(out, Rejection)


def test_unknown_signer_and_forged_signature(ring: KeyRing, signer: Signer) -> None:
    value, headers = sealed(ring, signer)
    other = Signer("worker-1", Ed25519PrivateKey.generate())
    assert open_sealed(value, headers, topic="alerts.secret", keyring=ring, verify_keys={}).code == "unknown_signer"  # type: ignore[union-attr]
    out = open_sealed(value, headers, topic="alerts.secret", keyring=ring, verify_keys={"worker-1": other.public()})
    assert isinstance(out, Rejection) and out.code == "bad_signature"


def test_garbage_headers_never_raise(ring: KeyRing, signer: Signer) -> None:
    rng = random.Random(3)
    for _ in range(200):
        headers = [
            (rng.choice(["classification", "message-id", "enc-key-id", "sig-key-id", "signature"]), rng.randbytes(8))
            for _ in range(5)
        ]
        assert isinstance(
            open_sealed(rng.randbytes(30), headers, topic="t", keyring=ring, verify_keys={"worker-1": signer.public()}),
            Rejection,
        )
