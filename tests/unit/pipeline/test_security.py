"""Transport security settings: validated with clear errors, built in one place, absent by default."""

from __future__ import annotations

import ssl
from pathlib import Path

import faust
import pytest

from pipeline.app import faust_app
from pipeline.cli import main
from pipeline.clients import faust_credentials, kafka_options, sasl_password
from pipeline.settings import Settings, SettingsError

SECURE = {
    "TRIAGE_SECURITY_PROTOCOL": "sasl_ssl",
    "TRIAGE_SASL_USERNAME": "worker",
    "TRIAGE_SASL_PASSWORD": "s3cret-hex",
}


@pytest.fixture
def ca(tmp_path: Path) -> Path:
    """A real CA certificate, so that ssl.create_default_context can load it."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "ca.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def test_plaintext_by_default_adds_nothing_to_any_client() -> None:
    s = Settings.from_env({})
    assert s.security_protocol == "PLAINTEXT" and not s.sealing and s.keyring_file is None
    assert kafka_options(s) == {}
    assert faust_credentials(s) is None
    assert faust_app(s).conf.broker_credentials is None


def test_sasl_ssl_options_for_kafka_python(ca: Path) -> None:
    s = Settings.from_env({**SECURE, "TRIAGE_SSL_CAFILE": str(ca)})
    assert kafka_options(s) == {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "worker",
        "sasl_plain_password": "s3cret-hex",
        "ssl_cafile": str(ca),
    }


def test_faust_gets_sasl_credentials_over_tls(ca: Path) -> None:
    s = Settings.from_env({**SECURE, "TRIAGE_SSL_CAFILE": str(ca), "TRIAGE_SASL_MECHANISM": "scram-sha-256"})
    creds = faust_credentials(s)
    assert isinstance(creds, faust.SASLCredentials)
    assert creds.protocol.value == "SASL_SSL" and creds.mechanism.value == "SCRAM-SHA-256"
    assert creds.username == "worker" and creds.password == "s3cret-hex"
    assert isinstance(creds.ssl_context, ssl.SSLContext) and creds.ssl_context.verify_mode == ssl.CERT_REQUIRED
    assert creds.ssl_context.check_hostname
    app_credentials = faust_app(s).conf.broker_credentials
    assert isinstance(app_credentials, faust.SASLCredentials) and app_credentials.username == "worker"


def test_password_file_alone_or_as_user_lines(tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    alone.write_text("abc123\n")
    lines = tmp_path / "passwords"
    lines.write_text("admin=aaa\nworker=bbb\nanalyst-secret=ccc\n")
    base = {k: v for k, v in SECURE.items() if k != "TRIAGE_SASL_PASSWORD"}
    assert sasl_password(Settings.from_env({**base, "TRIAGE_SASL_PASSWORD_FILE": str(alone)})) == "abc123"
    assert sasl_password(Settings.from_env({**base, "TRIAGE_SASL_PASSWORD_FILE": str(lines)})) == "bbb"
    nobody = Settings.from_env({**base, "TRIAGE_SASL_USERNAME": "auditor", "TRIAGE_SASL_PASSWORD_FILE": str(lines)})
    with pytest.raises(SettingsError, match="no password for user 'auditor'") as err:
        sasl_password(nobody)
    assert "aaa" not in str(err.value) and "bbb" not in str(err.value)
    missing = Settings.from_env({**base, "TRIAGE_SASL_PASSWORD_FILE": str(tmp_path / "nope")})
    with pytest.raises(SettingsError, match="TRIAGE_SASL_PASSWORD_FILE"):
        kafka_options(missing)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TRIAGE_SECURITY_PROTOCOL": "SSL"}, "TRIAGE_SECURITY_PROTOCOL"),
        ({"TRIAGE_SECURITY_PROTOCOL": "SASL_SSL", "TRIAGE_SASL_PASSWORD": "x"}, "TRIAGE_SASL_USERNAME"),
        ({"TRIAGE_SECURITY_PROTOCOL": "SASL_SSL", "TRIAGE_SASL_USERNAME": "w"}, "TRIAGE_SASL_PASSWORD_FILE"),
        ({**SECURE, "TRIAGE_SASL_MECHANISM": "GSSAPI"}, "TRIAGE_SASL_MECHANISM"),
        ({"TRIAGE_SIGNING_KEY_FILE": "/k.pem"}, "TRIAGE_SIGNING_KEY_ID"),
        ({"TRIAGE_AUDIT_ENABLED": "perhaps"}, "TRIAGE_AUDIT_ENABLED"),
    ],
)
def test_bad_security_settings_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_missing_ca_file_is_a_clear_error(tmp_path: Path) -> None:
    s = Settings.from_env({**SECURE, "TRIAGE_SSL_CAFILE": str(tmp_path / "missing.pem")})
    with pytest.raises(SettingsError, match="TRIAGE_SSL_CAFILE"):
        kafka_options(s)


def test_sealing_is_on_when_a_keyring_is_configured(tmp_path: Path) -> None:
    assert Settings.from_env({"TRIAGE_KEYRING_FILE": str(tmp_path / "k.json")}).sealing


def test_the_password_is_never_shown(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    s = Settings.from_env(SECURE)
    assert "s3cret-hex" not in repr(s)
    for var, value in SECURE.items():
        monkeypatch.setenv(var, value)
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    assert "s3cret-hex" not in out and "TRIAGE_SASL_PASSWORD=********" in out
    assert "TRIAGE_SECURITY_PROTOCOL=SASL_SSL" in out and "TRIAGE_KEYRING_FILE=None" in out


def test_every_new_setting_is_documented() -> None:
    documented = {var for var, _, doc in Settings.documentation() if doc}
    for var in (
        "TRIAGE_SECURITY_PROTOCOL",
        "TRIAGE_SASL_MECHANISM",
        "TRIAGE_SASL_USERNAME",
        "TRIAGE_SASL_PASSWORD",
        "TRIAGE_SASL_PASSWORD_FILE",
        "TRIAGE_SSL_CAFILE",
        "TRIAGE_KEYRING_FILE",
        "TRIAGE_SIGNING_KEY_FILE",
        "TRIAGE_SIGNING_KEY_ID",
        "TRIAGE_VERIFY_KEYS_FILE",
        "TRIAGE_AUDIT_ENABLED",
        "TRIAGE_WORKER_ID",
    ):
        assert var in documented
