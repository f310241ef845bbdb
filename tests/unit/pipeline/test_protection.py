"""Sealing as the pipeline wires it: key files, the worker's sealer, a reader's opener and its refusals, rotation."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.routing import Publication
from pipeline.sealing import (
    Opener,
    Sealer,
    holder_keyring,
    is_sealed,
    new_signer,
    refusal_text,
    retire,
)
from pipeline.settings import Settings, SettingsError
from schemas.errors import Rejection
from schemas.vocab import Classification

SECRET, RESTRICTED = Classification.SECRET, Classification.RESTRICTED


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("keys") / "set"
    assert main(["keys", "init", "--out", str(out)]) == 0
    return out


def worker(keys: Path, **extra: object) -> Settings:
    values: dict[str, object] = {
        "keyring_file": keys / "keyring.json",
        "signing_key_file": keys / "signing.pem",
        "signing_key_id": "worker-k1",
    }
    return Settings.from_env({}, **{**values, **extra})


def reader(keys: Path, level: str | None, verify: Path | None = None) -> Opener:
    keyring = keys / f"keyring-{level}.json" if level else None
    return Opener.from_settings(
        Settings.from_env({}, keyring_file=keyring, verify_keys_file=verify or keys / "verify-keys.json")
    )


def publication(
    level: Classification = SECRET, topic: str | None = None, mid: str = "alert-1", payload: bytes = b'{"text":"x"}'
) -> Publication:
    return Publication(
        topic=topic or f"alerts.{level.topic_suffix}",
        key=mid.encode(),
        message_id=mid,
        classification=level,
        precedence="FLASH",
        models=("m@abc",),
        payload=payload,
        headers=(
            ("precedence", b"FLASH"),
            ("category", b"attack"),
            ("classification", level.value.encode()),
            ("model", b"m@abc"),
            ("schema_version", b"1"),
        ),
    )


def test_keys_init_writes_owner_only_files(keys: Path) -> None:
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    for name in ("keyring.json", "signing.pem", *(f"keyring-{c.topic_suffix}.json" for c in Classification)):
        assert stat.S_IMODE((keys / name).stat().st_mode) == 0o600, name
    assert set(json.loads((keys / "keyring.json").read_text())) == {c.value for c in Classification}
    assert set(json.loads((keys / "keyring-restricted.json").read_text())) == {"UNCLASSIFIED", "RESTRICTED"}
    assert "BEGIN PUBLIC KEY" in json.loads((keys / "verify-keys.json").read_text())["worker-k1"]
    assert main(["keys", "init", "--out", str(keys)]) == 2  # never overwrites without --force


def test_round_trip_and_what_stays_in_the_clear(keys: Path) -> None:
    sealer = Sealer.from_settings(worker(keys))
    pub = publication(payload=b'{"text":"MARKER-123"}')
    value, headers = sealer.seal(pub)
    assert b"MARKER-123" not in value and is_sealed(headers)
    clear = dict(headers)
    assert "category" not in clear and "model" not in clear
    assert (
        clear["precedence"] == b"FLASH" and clear["classification"] == b"SECRET" and clear["message-id"] == b"alert-1"
    )
    assert reader(keys, "secret").open("alerts.secret", value, headers) == b'{"text":"MARKER-123"}'


def test_a_reader_not_cleared_is_refused_with_a_clear_line(keys: Path) -> None:
    value, headers = Sealer.from_settings(worker(keys)).seal(publication())
    refused = reader(keys, "restricted").open("alerts.secret", value, headers)
    assert isinstance(refused, Rejection) and refused.code == "not_cleared"
    assert refusal_text(refused, headers) == "refused: not cleared for SECRET"
    no_keys = reader(keys, None).open("alerts.secret", value, headers)
    assert isinstance(no_keys, Rejection) and "no keyring" in refusal_text(no_keys, headers)


@pytest.mark.parametrize(
    "tamper",
    [
        "flip value bit",
        "flip signature",
        "relabel down",
        "relabel up",
        "move topic",
        "swap message id",
        "swap key id",
        "drop signature",
        "other signer",
    ],
)
def test_tampering_is_refused(keys: Path, tmp_path: Path, tamper: str) -> None:
    value, headers = Sealer.from_settings(worker(keys)).seal(publication(SECRET))
    h = dict(headers)
    topic = "alerts.secret"
    if tamper == "flip value bit":
        value = value[:20] + bytes([value[20] ^ 0x01]) + value[21:]
    elif tamper == "flip signature":
        import base64

        sig = bytearray(base64.b64decode(h["signature"]))
        sig[0] ^= 0x80
        h["signature"] = base64.b64encode(bytes(sig))
    elif tamper == "relabel down":
        h["classification"] = b"CONFIDENTIAL"
    elif tamper == "relabel up":
        value, headers = Sealer.from_settings(worker(keys)).seal(publication(RESTRICTED))
        h = dict(headers)
        h["classification"] = b"SECRET"
        topic = "alerts.restricted"
    elif tamper == "move topic":
        topic = "flash.secret"
    elif tamper == "swap message id":
        h["message-id"] = b"alert-2"
    elif tamper == "swap key id":
        h["enc-key-id"] = b"secret-k0"
    elif tamper == "drop signature":
        del h["signature"]
    elif tamper == "other signer":
        verify = tmp_path / "verify.json"
        new_signer(tmp_path / "other.pem", "worker-k1", verify)  # same id, different key
        out = reader(keys, "secret", verify).open(topic, value, list(h.items()))
        assert isinstance(out, Rejection) and out.code == "bad_signature"
        return
    out = reader(keys, "secret").open(topic, value, list(h.items()))
    assert isinstance(out, Rejection), tamper
    assert refusal_text(out, list(h.items())).startswith("refused: ")


def test_unsealed_messages_on_sealed_topics_are_refused_only_by_key_holders(keys: Path) -> None:
    plain = [("precedence", b"FLASH")]
    out = reader(keys, "secret").open("alerts.secret", b'{"forged": true}', plain)
    assert (
        isinstance(out, Rejection)
        and refusal_text(out, plain) == "refused: not sealed, on a topic where every message is"
    )
    assert reader(keys, "secret").open("reports.triaged", b"{}", []) == b"{}"  # not a per-level topic
    assert reader(keys, None).open("alerts.secret", b"{}", []) == b"{}"  # no keyring: plaintext deployment


def test_the_worker_needs_every_level_and_a_signing_key(keys: Path, tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="no key for CONFIDENTIAL, SECRET"):
        Sealer.from_settings(worker(keys, keyring_file=keys / "keyring-restricted.json"))
    with pytest.raises(SettingsError, match="TRIAGE_SIGNING_KEY_FILE"):
        Sealer.from_settings(Settings.from_env({}, keyring_file=keys / "keyring.json"))
    bad = tmp_path / "bad.pem"
    bad.write_text("not a key")
    with pytest.raises(SettingsError, match="TRIAGE_SIGNING_KEY_FILE"):
        Sealer.from_settings(worker(keys, signing_key_file=bad))
    broken = tmp_path / "ring.json"
    broken.write_text("{")
    with pytest.raises(SettingsError, match="TRIAGE_KEYRING_FILE"):
        Sealer.from_settings(worker(keys, keyring_file=broken))


def test_verify_keys_by_path(keys: Path, tmp_path: Path) -> None:
    pem = json.loads((keys / "verify-keys.json").read_text())["worker-k1"]
    (tmp_path / "w.pem").write_text(pem)
    (tmp_path / "verify.json").write_text(json.dumps({"worker-k1": "w.pem"}))
    value, headers = Sealer.from_settings(worker(keys)).seal(publication(RESTRICTED))
    assert (
        reader(keys, "restricted", tmp_path / "verify.json").open("alerts.restricted", value, headers)
        == b'{"text":"x"}'
    )


def test_rotation_keeps_old_messages_readable_until_the_old_key_is_retired(keys: Path, tmp_path: Path) -> None:
    ring = tmp_path / "keyring.json"
    ring.write_text((keys / "keyring.json").read_text())
    ring.chmod(0o600)
    settings = worker(keys, keyring_file=ring)
    old_value, old_headers = Sealer.from_settings(settings).seal(publication(SECRET, mid="old"))

    assert main(["keys", "rotate", "--keyring", str(ring), "--key-id", "k2", "--level", "SECRET"]) == 0
    new_value, new_headers = Sealer.from_settings(settings).seal(publication(SECRET, mid="new"))
    assert dict(new_headers)["enc-key-id"] == b"secret-k2" and dict(old_headers)["enc-key-id"] == b"secret-k1"
    holder = tmp_path / "holder.json"
    assert main(["keys", "holder", "--keyring", str(ring), "--level", "SECRET", "--out", str(holder)]) == 0
    opener = Opener.from_settings(
        Settings.from_env({}, keyring_file=holder, verify_keys_file=keys / "verify-keys.json")
    )
    assert opener.open("alerts.secret", old_value, old_headers) == b'{"text":"x"}'
    assert opener.open("alerts.secret", new_value, new_headers) == b'{"text":"x"}'

    with pytest.raises(SettingsError, match="current"):
        retire(ring, ["secret-k2"])
    assert retire(ring, ["secret-k1"]) == ["secret-k1"]
    holder.write_text(json.dumps(holder_keyring(json.loads(ring.read_text()), SECRET)))
    opener = Opener.from_settings(
        Settings.from_env({}, keyring_file=holder, verify_keys_file=keys / "verify-keys.json")
    )
    aged_out = opener.open("alerts.secret", old_value, old_headers)
    assert isinstance(aged_out, Rejection) and aged_out.code == "unknown_key"
    assert "secret-k1" in refusal_text(aged_out, old_headers)
    assert opener.open("alerts.secret", new_value, new_headers) == b'{"text":"x"}'


def test_signer_rotation_keeps_the_old_verify_key(keys: Path, tmp_path: Path) -> None:
    verify = tmp_path / "verify.json"
    verify.write_text((keys / "verify-keys.json").read_text())
    assert (
        main(["keys", "signer", "--id", "worker-k2", "--out", str(tmp_path / "k2.pem"), "--verify-keys", str(verify)])
        == 0
    )
    assert stat.S_IMODE((tmp_path / "k2.pem").stat().st_mode) == 0o600
    old = Sealer.from_settings(worker(keys)).seal(publication(RESTRICTED))
    new = Sealer.from_settings(worker(keys, signing_key_file=tmp_path / "k2.pem", signing_key_id="worker-k2")).seal(
        publication(RESTRICTED)
    )
    opener = reader(keys, "restricted", verify)
    assert opener.open("alerts.restricted", *old) == opener.open("alerts.restricted", *new) == b'{"text":"x"}'
