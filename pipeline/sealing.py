"""Message sealing for the per-level topics, wired from the settings (the cryptography is operators.sealing).

The worker seals with a keyring holding every level and signs with its Ed25519 key (`Sealer`); a
reader opens with a keyring holding only the levels it is cleared for and the verify keys of the
signers it trusts (`Opener`). A message that cannot be opened is a `Rejection` with a line to show
instead of the content, never the ciphertext. `write_key_set`, `rotate` and `holder_keyring` make
and maintain the key files (`triage keys`).
"""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from operators.protection.envelope import (
    HEADER_CLASSIFICATION,
    HEADER_KEY_ID,
    HEADER_SIGNATURE,
    HEADER_SIGNER,
    OPEN_STEP,
    KeyRing,
    SealingError,
    Signer,
    open_sealed,
    seal,
)
from pipeline.routing import Publication
from pipeline.settings import Settings, SettingsError
from pipeline.topics import TopicNames
from schemas.errors import Reason, Rejection
from schemas.vocab import Classification

log = logging.getLogger(__name__)

# Headers a sealed alert keeps in the clear: what a consumer needs to order its work. The category
# and the model are content; they travel inside the seal (and the model in the audit trail).
CLEAR_HEADERS = ("precedence", "schema_version")
SEALED_MARK = ("sealed", b"aes-256-gcm+ed25519.v1")

KEYRING_NAME = "keyring.json"
SIGNING_KEY_NAME = "signing.pem"
VERIFY_KEYS_NAME = "verify-keys.json"


def load_keyring(settings: Settings) -> KeyRing:
    assert settings.keyring_file is not None
    try:
        return KeyRing.load(settings.keyring_file)
    except SealingError as exc:
        raise SettingsError(f"TRIAGE_KEYRING_FILE: {exc}") from None


def load_signer(settings: Settings) -> Signer:
    path = settings.signing_key_file
    if path is None:
        raise SettingsError(
            "sealing is on (TRIAGE_KEYRING_FILE) but TRIAGE_SIGNING_KEY_FILE is not set: the worker signs what it seals"
        )
    try:
        data = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise SettingsError(f"TRIAGE_SIGNING_KEY_FILE={path}: {exc.strerror or exc}") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SettingsError(f"TRIAGE_SIGNING_KEY_FILE={path}: not an unencrypted PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SettingsError(f"TRIAGE_SIGNING_KEY_FILE={path}: not an Ed25519 key")
    if mode & 0o077:
        log.warning("the signing key %s is readable by others (mode %o); it should be 600", path, mode)
    return Signer(settings.signing_key_id, key)


def load_verify_keys(settings: Settings) -> dict[str, Ed25519PublicKey]:
    """{key id: public key} from TRIAGE_VERIFY_KEYS_FILE; each value is PEM text or a path to a PEM
    file (relative to the JSON file's folder). Empty when the variable is not set."""
    path = settings.verify_keys_file
    if path is None:
        return {}
    try:
        raw = json.loads(path.read_text())
        if not isinstance(raw, dict):
            raise ValueError("expected a JSON object {key id: PEM or path}")
        keys: dict[str, Ed25519PublicKey] = {}
        for key_id, spec in raw.items():
            text = str(spec)
            pem = text.encode() if "-----BEGIN" in text else (path.parent / text).read_bytes()
            key = serialization.load_pem_public_key(pem)
            if not isinstance(key, Ed25519PublicKey):
                raise ValueError(f"{key_id}: not an Ed25519 public key")
            keys[str(key_id)] = key
        return keys
    except (OSError, ValueError, TypeError) as exc:
        raise SettingsError(f"TRIAGE_VERIFY_KEYS_FILE={path}: {exc}") from None


@dataclass(frozen=True)
class Sealer:
    """The worker's side: seals every level, signs as TRIAGE_SIGNING_KEY_ID."""

    keyring: KeyRing
    signer: Signer

    @classmethod
    def from_settings(cls, settings: Settings) -> Sealer:
        keyring = load_keyring(settings)
        missing = [level.value for level in Classification if level not in keyring.levels]
        if missing:
            raise SettingsError(
                f"TRIAGE_KEYRING_FILE={settings.keyring_file}: the worker seals every level, and this keyring "
                f"has no key for {', '.join(missing)}"
            )
        return cls(keyring, load_signer(settings))

    def seal(self, publication: Publication) -> tuple[bytes, list[tuple[str, bytes]]]:
        value, headers = seal(
            publication.payload,
            classification=publication.classification,
            topic=publication.topic,
            message_id=publication.message_id,
            keyring=self.keyring,
            signer=self.signer,
        )
        clear = [(k, v) for k, v in publication.headers if k in CLEAR_HEADERS]
        return value, [*headers, *clear, SEALED_MARK]


def is_sealed(headers: Sequence[tuple[str, bytes]] | Mapping[str, bytes]) -> bool:
    keys = set(dict(headers))
    return HEADER_KEY_ID in keys or HEADER_SIGNATURE in keys or SEALED_MARK[0] in keys


@dataclass(frozen=True)
class Opener:
    """A reader's side: the levels it holds, the signers it trusts, and which topics must be sealed."""

    keyring: KeyRing | None
    verify_keys: Mapping[str, Ed25519PublicKey]
    names: TopicNames

    @classmethod
    def from_settings(cls, settings: Settings) -> Opener:
        keyring = load_keyring(settings) if settings.keyring_file is not None else None
        return cls(keyring, load_verify_keys(settings), TopicNames.of(settings))

    def open(self, topic: str, value: bytes | None, headers: Sequence[tuple[str, bytes]]) -> bytes | None | Rejection:
        """The plain value; a Rejection when it is sealed and cannot be opened, or when a reader with a
        keyring finds an unsealed message on a per-level topic. Unsealed messages elsewhere pass as they are."""
        if not is_sealed(headers):
            if self.keyring is not None and self.names.level_of(topic) is not None:
                return Rejection(Reason.NOT_SEALED, "an unsealed message on a sealed topic", OPEN_STEP)
            return value
        if value is None:
            return Rejection(Reason.MALFORMED_VALUE, "no value", OPEN_STEP)
        if self.keyring is None:
            return Rejection(Reason.NO_KEYRING, "sealed, and no TRIAGE_KEYRING_FILE to open it with", OPEN_STEP)
        label = _header(headers, HEADER_CLASSIFICATION)
        topic_level = self.names.level_of(topic)
        try:
            labelled = Classification.parse(label or "")
        except ValueError:
            return Rejection(Reason.MALFORMED_HEADERS, "missing or unreadable protection headers", OPEN_STEP)
        if topic_level is not None and labelled.rank > topic_level.rank:
            return Rejection(
                Reason.ABOVE_TOPIC_LEVEL, f"labelled {labelled.value} on a {topic_level.value} topic", OPEN_STEP
            )
        return open_sealed(value, list(headers), topic=topic, keyring=self.keyring, verify_keys=self.verify_keys)


def _header(headers: Sequence[tuple[str, bytes]] | Mapping[str, bytes], name: str) -> str | None:
    raw = dict(headers).get(name)
    return raw.decode("utf-8", "replace") if raw is not None else None


def refusal_text(refusal: Rejection, headers: Sequence[tuple[str, bytes]] | Mapping[str, bytes]) -> str:
    """One line for a person: why this message is not shown. Names labels and key ids, never content."""
    label = _header(headers, HEADER_CLASSIFICATION) or "?"
    key_id = _header(headers, HEADER_KEY_ID) or "?"
    signer = _header(headers, HEADER_SIGNER) or "?"
    reason = {
        "not_cleared": f"not cleared for {label}",
        "no_keyring": f"sealed for {label}, and no keyring (TRIAGE_KEYRING_FILE) to open it",
        "unknown_key": f"key {key_id!r} for {label} is not in this keyring (rotated out, or not issued to this holder)",
        "unknown_signer": f"signer {signer!r} is not among the trusted verify keys (TRIAGE_VERIFY_KEYS_FILE)",
        "bad_signature": "the signature does not match: altered, relabelled or moved",
        "decrypt_failed": "authentication failed: altered, relabelled or moved",
        "not_sealed": "not sealed, on a topic where every message is",
    }.get(refusal.code, refusal.detail)
    return f"refused: {reason}"


# --- key files (`triage keys`) ---------------------------------------------------------------


def write_private(path: Path, data: bytes, force: bool) -> None:
    if path.exists() and not force:
        raise FileExistsError(f"{path} exists (pass --force to replace it)")
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def levels_up_to(clearance: Classification) -> list[Classification]:
    return [level for level in Classification if level.rank <= clearance.rank]


def holder_keyring(document: Mapping[str, object], clearance: Classification) -> dict[str, object]:
    """The part of a keyring document that a holder cleared for `clearance` gets: that level and below."""
    wanted = {level.value for level in levels_up_to(clearance)}
    return {level: spec for level, spec in document.items() if Classification.parse(level).value in wanted}


def write_key_set(out: Path, signer_id: str, *, force: bool = False) -> dict[str, Path]:
    """A keyring with every level, one holder keyring per clearance, a signing key and the verify keys."""
    out.mkdir(parents=True, exist_ok=True)
    os.chmod(out, 0o700)
    document = KeyRing.generate(list(Classification))
    written = {"keyring": out / KEYRING_NAME}
    write_private(written["keyring"], json.dumps(document, indent=2).encode(), force)
    for level in Classification:
        path = out / f"keyring-{level.topic_suffix}.json"
        write_private(path, json.dumps(holder_keyring(document, level), indent=2).encode(), force)
        written[f"keyring-{level.topic_suffix}"] = path
    key = Ed25519PrivateKey.generate()
    written["signing_key"] = out / SIGNING_KEY_NAME
    write_private(
        written["signing_key"],
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        force,
    )
    written["verify_keys"] = out / VERIFY_KEYS_NAME
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    if written["verify_keys"].exists() and not force:
        raise FileExistsError(f"{written['verify_keys']} exists (pass --force to replace it)")
    written["verify_keys"].write_text(json.dumps({signer_id: public.decode()}, indent=2))
    return written


def new_signer(out: Path, signer_id: str, verify_keys_path: Path, *, force: bool = False) -> None:
    """A new signing key in `out`, its public key added to the verify-keys file (old ids stay in it,
    so messages signed before the switch still verify until they age out)."""
    key = Ed25519PrivateKey.generate()
    existing: dict[str, str] = {}
    if verify_keys_path.exists():
        existing = json.loads(verify_keys_path.read_text())
        if signer_id in existing and not force:
            raise FileExistsError(f"{verify_keys_path} already has a key {signer_id!r} (pass --force to replace it)")
    write_private(
        out,
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        force,
    )
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    existing[signer_id] = public.decode()
    verify_keys_path.write_text(json.dumps(existing, indent=2))


def rotate(keyring_path: Path, levels: Sequence[Classification], key_id: str) -> dict[str, str]:
    """Adds a fresh key named `<level>-<key_id>` to each level and makes it current; old keys stay,
    to open the messages sealed under them until those age out. Returns {level: new key id}."""
    import base64

    try:
        document = json.loads(keyring_path.read_text())
    except (OSError, ValueError) as exc:
        raise SettingsError(f"{keyring_path}: {exc}") from None
    added: dict[str, str] = {}
    for level in levels:
        spec = document.get(level.value)
        if spec is None:
            raise SettingsError(f"{keyring_path}: no {level.value} in this keyring")
        kid = f"{level.value.lower()}-{key_id}"
        if kid in spec["keys"]:
            raise SettingsError(f"{keyring_path}: {level.value} already has a key {kid!r}")
        spec["keys"][kid] = base64.b64encode(os.urandom(32)).decode()
        spec["current"] = kid
        added[level.value] = kid
    write_private(keyring_path, json.dumps(document, indent=2).encode(), force=True)
    KeyRing.load(keyring_path)  # still loads
    return added


def retire(keyring_path: Path, key_ids: Sequence[str]) -> list[str]:
    """Removes keys that are no longer current (their messages have aged out). Returns those removed."""
    document = json.loads(keyring_path.read_text())
    removed = []
    for spec in document.values():
        for kid in key_ids:
            if kid in spec["keys"]:
                if spec["current"] == kid:
                    raise SettingsError(f"{kid} is the current key of its level; rotate first")
                del spec["keys"][kid]
                removed.append(kid)
    write_private(keyring_path, json.dumps(document, indent=2).encode(), force=True)
    return removed
