"""Kafka transport security built from the settings in one place: TLS and a SASL login for every client.

`kafka_options` is for kafka-python (admin, producers, consumers of the CLI and the demo) and
`faust_credentials` for the worker's Faust app. With the default PLAINTEXT protocol both add
nothing, so a client is built exactly as it was before security existed.
"""

from __future__ import annotations

import ssl
from typing import Any

from pipeline.settings import Settings, SettingsError


def sasl_password(settings: Settings) -> str:
    """TRIAGE_SASL_PASSWORD, else the password file: the password alone on one line, or the
    `user=password` line for TRIAGE_SASL_USERNAME (the format of the secure broker's `passwords`)."""
    if settings.sasl_password:
        return settings.sasl_password
    path = settings.sasl_password_file
    if path is None:
        raise SettingsError("TRIAGE_SASL_PASSWORD_FILE (or TRIAGE_SASL_PASSWORD) is not set")
    try:
        lines = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise SettingsError(f"TRIAGE_SASL_PASSWORD_FILE={path}: {exc.strerror or exc}") from None
    prefix = f"{settings.sasl_username}="
    for line in lines:
        if line.startswith(prefix):
            return line[len(prefix):]
    if len(lines) == 1:
        return lines[0]
    # The message names the file and the user, never a line of it.
    raise SettingsError(f"TRIAGE_SASL_PASSWORD_FILE={path}: no password for user {settings.sasl_username!r}")


def _cafile(settings: Settings) -> str | None:
    if settings.ssl_cafile is None:
        return None  # the system's trust store
    if not settings.ssl_cafile.is_file():
        raise SettingsError(f"TRIAGE_SSL_CAFILE={settings.ssl_cafile}: no such file")
    return str(settings.ssl_cafile)


def kafka_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for KafkaAdminClient, KafkaProducer and KafkaConsumer; empty for PLAINTEXT."""
    if settings.security_protocol == "PLAINTEXT":
        return {}
    return {
        "security_protocol": settings.security_protocol,
        "sasl_mechanism": settings.sasl_mechanism,
        "sasl_plain_username": settings.sasl_username,
        "sasl_plain_password": sasl_password(settings),
        "ssl_cafile": _cafile(settings),
    }


def ssl_context(settings: Settings) -> ssl.SSLContext:
    """Verifies the broker's certificate and host name against TRIAGE_SSL_CAFILE (or the system's CAs)."""
    return ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH, cafile=_cafile(settings))


def faust_credentials(settings: Settings) -> Any:
    """`broker_credentials` for faust.App: SASLCredentials over TLS, or None for PLAINTEXT."""
    if settings.security_protocol == "PLAINTEXT":
        return None
    import faust

    # Given an ssl_context, SASLCredentials switches the protocol to SASL_SSL.
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=sasl_password(settings),
        ssl_context=ssl_context(settings),
        mechanism=settings.sasl_mechanism,
    )


def who(settings: Settings) -> str:
    """How the client logs in, for error messages: never the password."""
    if settings.security_protocol == "PLAINTEXT":
        return "without a login (PLAINTEXT)"
    return f"as {settings.sasl_username!r} ({settings.security_protocol}, {settings.sasl_mechanism})"
