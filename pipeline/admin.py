"""Broker administration with kafka-python: a bounded wait for the broker, topic creation."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import AuthorizationError, KafkaError, TopicAlreadyExistsError

from pipeline.clients import kafka_options, who
from pipeline.settings import Settings

log = logging.getLogger(__name__)


class BrokerUnavailable(RuntimeError):
    """The broker did not answer within the configured time; the message names the address."""


class TopicsNotAuthorized(RuntimeError):
    """Topics are missing and this login may not create them (on the secure profile only admin may)."""

    def __init__(self, missing: list[str], settings: Settings) -> None:
        self.missing = missing
        super().__init__(
            f"{len(missing)} topics are missing and the login {who(settings)} may not create them "
            f"({', '.join(missing[:4])}{', ...' if len(missing) > 4 else ''}); run `triage topics` with the admin login"
        )


def admin_client(settings: Settings) -> KafkaAdminClient:
    """Connect within `connect_timeout_s`, retrying, or raise BrokerUnavailable."""
    deadline = time.monotonic() + settings.connect_timeout_s
    last: Exception | None = None
    while (left := deadline - time.monotonic()) > 0:
        try:
            return KafkaAdminClient(
                bootstrap_servers=settings.bootstrap_servers,
                client_id=f"{settings.app_id}-admin",
                request_timeout_ms=max(1000, int(settings.connect_timeout_s * 1000)),
                bootstrap_timeout_ms=max(500, int(left * 1000)),
                **kafka_options(settings),
            )
        except KafkaError as exc:
            last = exc
            time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))
    if settings.security_protocol != "PLAINTEXT":
        # kafka-python reports a refused login as a bootstrap timeout, the same as a broker that is down.
        raise BrokerUnavailable(
            f"Kafka is not reachable at {settings.kafka_bootstrap} {who(settings)} "
            f"(waited {settings.connect_timeout_s:g}s: {last}): the broker is down, its certificate does not "
            "verify against TRIAGE_SSL_CAFILE, or it refused the login (see TRIAGE_SASL_USERNAME and "
            "TRIAGE_SASL_PASSWORD_FILE)."
        )
    raise BrokerUnavailable(
        f"Kafka is not reachable at {settings.kafka_bootstrap} (waited {settings.connect_timeout_s:g}s: {last}). "
        "Start the development broker with `make kafka-up`, or set TRIAGE_KAFKA_BOOTSTRAP."
    )


def ensure_topics(
    settings: Settings, names: Iterable[str], partitions: int | None = None, configs: dict[str, str] | None = None
) -> list[str]:
    """Create the topics that do not exist yet; returns the names it created."""
    wanted = list(dict.fromkeys(names))
    admin = admin_client(settings)
    try:
        existing = set(admin.list_topics())
        missing = [n for n in wanted if n not in existing]
        if not missing:
            return []
        new = [
            NewTopic(
                name=n,
                num_partitions=partitions or settings.partitions,
                replication_factor=settings.replication_factor,
                topic_configs=configs or {},
            )
            for n in missing
        ]
        try:
            admin.create_topics(new, validate_only=False)
        except TopicAlreadyExistsError:
            pass  # another worker created it between our list and our create
        except AuthorizationError:
            raise TopicsNotAuthorized(missing, settings) from None
        _wait_for_topics(admin, missing, settings.connect_timeout_s)
        log.info("created topics: %s", ", ".join(missing))
        return missing
    finally:
        admin.close()


def _wait_for_topics(admin: KafkaAdminClient, names: list[str], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if set(names) <= set(admin.list_topics()):
            return
        time.sleep(0.2)
    raise BrokerUnavailable(f"topics {names} were not visible within {timeout_s:g}s of creation")


def ensure_pipeline_topics(settings: Settings, *, worker_only: bool = False) -> list[str]:
    """Every topic of the pipeline, with its partitioning and retention. `worker_only` leaves out the
    topics a worker does not use (feedback), which its login cannot even see on a secured cluster.
    Raises TopicsNotAuthorized, naming every missing topic, when the login may not create them."""
    from pipeline.topics import TopicNames

    names = TopicNames.of(settings)
    kept = {names.feedback, names.audit}  # training data and the audit trail are never aged out
    # The inputs take the broker's clock as their timestamp: report age (and lag in seconds) is measured
    # from when the broker got the report, whatever the producer's clock says.
    inputs = {names.raw, names.urgent}
    arrival = {"message.timestamp.type": "LogAppendTime"}
    groups: list[tuple[list[str], dict[str, object]]] = [
        ([n for n in names.all() if n not in kept | inputs], {}),
        ([names.raw], {"configs": arrival}),
        ([names.urgent], {"partitions": min(settings.urgent_partitions, settings.partitions), "configs": arrival}),
        (sorted(kept - {names.feedback} if worker_only else kept), {"configs": {"retention.ms": "-1"}}),
        (names.single_partition(), {"partitions": 1}),
    ]
    created: list[str] = []
    denied: list[str] = []
    for topics, options in groups:
        try:
            created += ensure_topics(settings, topics, **options)  # type: ignore[arg-type]
        except TopicsNotAuthorized as exc:
            denied += exc.missing
    if denied:
        raise TopicsNotAuthorized(denied, settings)
    return created


def can_read(settings: Settings, topic: str, timeout_s: float = 2.0) -> bool:
    """Whether this login may fetch from `topic` (an ACL check that needs no admin rights)."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, group_id=None, enable_auto_commit=False, **kafka_options(settings)
    )
    try:
        tp = TopicPartition(topic, 0)
        consumer.assign([tp])
        consumer.seek_to_beginning(tp)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if consumer.poll(timeout_ms=250, max_records=1):
                return True
        return True
    except AuthorizationError:
        return False
    finally:
        consumer.close()


def describe_topics(settings: Settings, names: Iterable[str]) -> dict[str, int]:
    """Topic name to partition count, for the topics that exist."""
    admin = admin_client(settings)
    try:
        wanted = list(names)
        existing = set(admin.list_topics())
        present = [n for n in wanted if n in existing]
        if not present:
            return {}
        return {d["name"]: len(d["partitions"]) for d in admin.describe_topics(present)}
    finally:
        admin.close()
