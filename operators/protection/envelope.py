"""Message-level protection: AES-256-GCM under a key per classification level, signed with Ed25519.

The classification, the topic and the message id are bound as associated data, and the signature
covers them with the ciphertext, so a relabelled, altered or moved message fails to open. Keys come
from the customer's files; a keyring holds every key id still needed to read old messages, and a
`current` id per level for new ones (rotation: add a key, point `current` at it, keep the old one
until its messages have aged out).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from schemas.errors import Reason, Rejection, TriageError
from schemas.vocab import Classification

NONCE_BYTES = 12
HEADER_KEY_ID = "enc-key-id"
HEADER_SIGNER = "sig-key-id"
HEADER_SIGNATURE = "signature"
HEADER_CLASSIFICATION = "classification"
HEADER_MESSAGE_ID = "message-id"


OPEN_STEP = "open"


class SealingError(TriageError):
    """A keyring or key file that cannot be used; the message names it."""


@dataclass(frozen=True)
class LevelKeys:
    current: str
    keys: Mapping[str, bytes]


@dataclass(frozen=True)
class KeyRing:
    """AES-256 keys per classification level. A holder has only the levels they are cleared for."""

    levels: Mapping[Classification, LevelKeys]

    @classmethod
    def load(cls, path: str | Path) -> KeyRing:
        """JSON: {"SECRET": {"current": "s-2026-11", "keys": {"s-2026-11": "<base64 of 32 bytes>"}}, ...}"""
        try:
            raw = json.loads(Path(path).read_text())
            levels = {}
            for level, spec in raw.items():
                keys = {kid: base64.b64decode(k) for kid, k in spec["keys"].items()}
                if any(len(k) != 32 for k in keys.values()):
                    raise SealingError(f"{path}: every key of {level} must be 32 bytes (AES-256)")
                if spec["current"] not in keys:
                    raise SealingError(f"{path}: {level}.current names a key that is not in {level}.keys")
                levels[Classification.parse(level)] = LevelKeys(spec["current"], keys)
            return cls(levels)
        except SealingError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SealingError(f"{path}: not a usable keyring ({exc})") from None

    @staticmethod
    def generate(levels: list[Classification], key_id_prefix: str = "k1") -> dict[str, dict[str, object]]:
        """A fresh keyring document (for `triage keys init` and tests)."""
        return {
            level.value: {
                "current": f"{level.value.lower()}-{key_id_prefix}",
                "keys": {f"{level.value.lower()}-{key_id_prefix}": base64.b64encode(os.urandom(32)).decode()},
            }
            for level in levels
        }

    def only(self, *levels: Classification) -> KeyRing:
        return KeyRing({lvl: keys for lvl, keys in self.levels.items() if lvl in levels})


@dataclass(frozen=True)
class Signer:
    key_id: str
    key: Ed25519PrivateKey

    def public(self) -> Ed25519PublicKey:
        return self.key.public_key()


def associated_data(classification: Classification, topic: str, message_id: str) -> bytes:
    return f"triage.v1\x1f{classification.value}\x1f{topic}\x1f{message_id}".encode()


def seal(
    payload: bytes,
    *,
    classification: Classification,
    topic: str,
    message_id: str,
    keyring: KeyRing,
    signer: Signer,
) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(wire value, headers). The wire value is nonce || ciphertext-with-tag."""
    level = keyring.levels.get(classification)
    if level is None:
        raise SealingError(f"no key for {classification.value} in the worker's keyring")
    aad = associated_data(classification, topic, message_id)
    nonce = os.urandom(NONCE_BYTES)
    value = nonce + AESGCM(level.keys[level.current]).encrypt(nonce, payload, aad)
    signature = signer.key.sign(aad + value)
    headers = [
        (HEADER_CLASSIFICATION, classification.value.encode()),
        (HEADER_MESSAGE_ID, message_id.encode()),
        (HEADER_KEY_ID, level.current.encode()),
        (HEADER_SIGNER, signer.key_id.encode()),
        (HEADER_SIGNATURE, base64.b64encode(signature)),
    ]
    return value, headers


def open_sealed(
    value: bytes,
    headers: list[tuple[str, bytes]] | Mapping[str, bytes],
    *,
    topic: str,
    keyring: KeyRing,
    verify_keys: Mapping[str, Ed25519PublicKey],
) -> bytes | Rejection:
    """The plaintext, or a Rejection (a sealing reason); never raises on hostile input."""
    h = dict(headers)
    try:
        classification = Classification.parse(h[HEADER_CLASSIFICATION].decode())
        message_id = h[HEADER_MESSAGE_ID].decode()
        key_id = h[HEADER_KEY_ID].decode()
        signer_id = h[HEADER_SIGNER].decode()
        signature = base64.b64decode(h[HEADER_SIGNATURE], validate=True)
    except (KeyError, ValueError, UnicodeDecodeError):
        return Rejection(Reason.MALFORMED_HEADERS, "missing or unreadable protection headers", OPEN_STEP)
    verify = verify_keys.get(signer_id)
    if verify is None:
        return Rejection(Reason.UNKNOWN_SIGNER, f"no verification key {signer_id!r}", OPEN_STEP)
    aad = associated_data(classification, topic, message_id)
    try:
        verify.verify(signature, aad + value)
    except InvalidSignature:
        return Rejection(
            Reason.BAD_SIGNATURE, "signature does not match the message, its label or its topic", OPEN_STEP
        )
    level = keyring.levels.get(classification)
    if level is None:
        return Rejection(
            Reason.NOT_CLEARED, f"no key for {classification.value}: not cleared for this level", OPEN_STEP
        )
    key = level.keys.get(key_id)
    if key is None:
        return Rejection(
            Reason.UNKNOWN_KEY, f"key {key_id!r} of {classification.value} is not in this keyring", OPEN_STEP
        )
    if len(value) <= NONCE_BYTES:
        return Rejection(Reason.MALFORMED_VALUE, "value too short", OPEN_STEP)
    try:
        return AESGCM(key).decrypt(value[:NONCE_BYTES], value[NONCE_BYTES:], aad)
    except InvalidTag:
        return Rejection(Reason.DECRYPT_FAILED, "authentication failed: altered, relabelled or moved", OPEN_STEP)
