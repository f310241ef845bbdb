"""Every Kafka client is built here, with the transport security from the settings (TLS, a SASL login).

kafka-python for the CLI, admin and simple clients (`producer`, `consumer`, `send_all`, `read_all`);
aiokafka for the worker's lanes (`lane_consumer`, `worker_producer`); `faust_credentials` for the
Faust app that runs correlation, briefings and the archive. With the default PLAINTEXT protocol
the security options add nothing. Every send's delivery is checked: `send_all` counts what the
broker refused and the caller fails with that count.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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
            return line[len(prefix) :]
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


# --------------------------------------------------------------------------------------- kafka-python


def producer(settings: Settings, **overrides: Any) -> Any:
    """A kafka-python producer: acks from every in-sync replica, idempotent, bounded waits."""
    from kafka import KafkaProducer

    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        "max_request_size": max(settings.max_message_bytes * 2, 1_048_576),
        "max_block_ms": int(settings.connect_timeout_s * 1000),
        **kafka_options(settings),
    }
    options.update(overrides)
    return KafkaProducer(**options)


def consumer(settings: Settings, **overrides: Any) -> Any:
    """A kafka-python consumer without a group (the CLI reads topics whole)."""
    from kafka import KafkaConsumer

    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "group_id": None,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        **kafka_options(settings),
    }
    options.update(overrides)
    return KafkaConsumer(**options)


@dataclass
class SendReport:
    """What `send_all` delivered: how many records were acknowledged and which were refused, with why."""

    sent: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)  # (index in the input, error type)

    @property
    def ok(self) -> bool:
        return not self.refused


def send_all(
    kafka_producer: Any,
    records: Iterable[tuple[str, bytes | None, bytes, Sequence[tuple[str, bytes]] | None]],
    timeout_s: float,
    rate: float = 0.0,
) -> SendReport:
    """Send every (topic, key, value, headers) and wait for each delivery; refused records are counted.

    kafka-python's `flush()` only logs a batch the broker refused, so each future is checked here."""
    report = SendReport()
    futures: list[tuple[int, Any]] = []
    interval = 1.0 / rate if rate > 0 else 0.0
    started = time.monotonic()
    for i, (topic, key, value, headers) in enumerate(records):
        try:
            futures.append((i, kafka_producer.send(topic, key=key, value=value, headers=list(headers or []) or None)))
        except Exception as exc:
            report.refused.append((i, type(exc).__name__))
        if interval:
            delay = started + (i + 1) * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
    try:
        kafka_producer.flush(timeout=timeout_s)
    except Exception:
        pass
    for i, future in futures:
        try:
            future.get(timeout=timeout_s)
            report.sent += 1
        except Exception as exc:
            report.refused.append((i, type(exc).__name__))
    return report


def read_all(settings: Settings, topics: list[str]) -> list[Any]:
    """Every record of the topics, from the beginning to their current end."""
    from kafka import TopicPartition

    reader = consumer(settings)
    try:
        tps = [TopicPartition(t, p) for t in topics for p in sorted(reader.partitions_for_topic(t) or [])]
        if not tps:
            return []
        reader.assign(tps)
        reader.seek_to_beginning(*tps)
        end = reader.end_offsets(tps)
        records: list[Any] = []
        while not all(reader.position(tp) >= end[tp] for tp in tps):
            for batch in reader.poll(timeout_ms=500).values():
                records.extend(batch)
        return records
    finally:
        reader.close()


# --------------------------------------------------------------------------------------- aiokafka (the worker)


def aiokafka_options(settings: Settings) -> dict[str, Any]:
    if settings.security_protocol == "PLAINTEXT":
        return {}
    return {
        "security_protocol": settings.security_protocol,
        "sasl_mechanism": settings.sasl_mechanism,
        "sasl_plain_username": settings.sasl_username,
        "sasl_plain_password": sasl_password(settings),
        "ssl_context": ssl_context(settings),
    }


def lane_consumer(settings: Settings, group_id: str) -> Any:
    """A lane's consumer: explicit commits only, from the earliest offset for a new group, static
    membership when configured (the worker then keeps its partitions across a quick restart)."""
    from aiokafka import AIOKafkaConsumer

    static = settings.membership == "static"
    return AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        client_id=f"{group_id}-{settings.group_instance_id or 'worker'}",
        group_id=group_id,
        group_instance_id=settings.group_instance_id if static else None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=int(settings.session_timeout_s * 1000),
        heartbeat_interval_ms=max(500, int(settings.session_timeout_s * 100)),
        max_partition_fetch_bytes=max(settings.max_message_bytes, 1_048_576),
        fetch_max_wait_ms=100,
        **aiokafka_options(settings),
    )


def worker_producer(settings: Settings) -> Any:
    """The worker's one producer: acks=all, idempotent (ordered retries), bounded request time."""
    from aiokafka import AIOKafkaProducer

    return AIOKafkaProducer(
        bootstrap_servers=settings.bootstrap_servers,
        client_id=f"{settings.app_id}-producer",
        acks="all",
        enable_idempotence=True,
        linger_ms=2,
        max_batch_size=256 * 1024,
        max_request_size=max(settings.max_message_bytes * 2, 1_048_576),
        request_timeout_ms=int(max(settings.connect_timeout_s, 10.0) * 1000),
        **aiokafka_options(settings),
    )
