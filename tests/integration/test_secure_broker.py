"""The secure broker profile (KAFKA_SECURE=1): TLS, SCRAM logins and each role's ACLs.

Starts its own secure broker (ops/kafka/kafka.sh) on free ports with its own data directory and
checks, with kafka-python for the whole matrix and Kafka's own console tools for a few cells, that
every role can do exactly what ops/kafka/secure/acls.sh grants it and nothing more, and that no
one gets in without TLS and a valid SCRAM-SHA-512 login. The expected policy below is written
from the specification, not derived from acls.sh.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import ssl
import stat
import struct
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import KAFKA_SH, free_port_pair, secure_broker_env, unavailable

pytestmark = pytest.mark.kafka

LEVELS = ("unclassified", "restricted", "confidential", "secret")
FAMILIES = ("alerts", "flash", "review", "events", "briefings")
READER_FAMILIES = {"analyst": ("alerts", "flash", "review"), "commander": ("events", "briefings")}
ROLES = (
    "ingest",
    "worker",
    "monitor",
    *(f"analyst-{level}" for level in LEVELS),
    *(f"commander-{level}" for level in LEVELS),
    "auditor",
)
TOPICS = (
    "reports.raw",
    "reports.urgent",
    "reports.triaged",
    "reports.deadletter",
    "audit",
    "events.input",  # the worker's correlation stream: every level mixed, so no reader role's
    *(f"{family}.{level}" for family in FAMILIES for level in LEVELS),
)
OPERATIONS = ("write", "read")
TOPIC_AUTHORIZATION_FAILED = 29


def allowed(role: str, topic: str, operation: str) -> bool:
    """The specified policy: what each role may do on each pipeline topic (unprefixed names)."""
    if role == "ingest":
        return operation == "write" and topic == "reports.raw"
    if role == "worker":
        if topic in ("events.input", "reports.triaged", "reports.urgent"):
            return True  # its correlation stream, triaged reports read back for the archive, the urgent lane
        return operation == ("read" if topic == "reports.raw" else "write")
    if role == "monitor":
        return operation == "read" and topic in ("reports.raw", "reports.urgent", "events.input", "reports.triaged")
    if role == "auditor":
        return operation == "read" and topic == "audit"
    kind, clearance = role.split("-")
    family, _, level = topic.partition(".")
    return (
        operation == "read"
        and family in READER_FAMILIES[kind]
        and level in LEVELS
        and LEVELS.index(level) <= LEVELS.index(clearance)
    )


@dataclass
class SecureBroker:
    port: int
    controller_port: int
    data: Path
    env: dict[str, str]
    prefix: str
    app_id: str
    up_output: str
    passwords: dict[str, str] = field(default_factory=dict)

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def secure_dir(self) -> Path:
        return self.data / "secure"

    @property
    def ca(self) -> str:
        return str(self.secure_dir / "ca.pem")

    def topic(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def client(self, user: str, password: str | None = None, **extra: Any) -> dict[str, Any]:
        """kafka-python settings for `user`, as the pipeline will pass them."""
        return {
            "bootstrap_servers": self.bootstrap,
            "security_protocol": "SASL_SSL",
            "sasl_mechanism": "SCRAM-SHA-512",
            "sasl_plain_username": user,
            "sasl_plain_password": self.passwords.get(user, "") if password is None else password,
            "ssl_cafile": self.ca,
            "client_id": f"secure-test-{user}",
            **extra,
        }

    def kafka_sh(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(KAFKA_SH), *args], check=False, env=env or self.env, capture_output=True, text=True, timeout=timeout
        )

    def pid(self) -> int:
        return int((self.data / "broker.pid").read_text().strip())

    def server_log(self) -> str:
        return (self.data / "logs" / "server.log").read_text(errors="replace")


@pytest.fixture(scope="session")
def secure_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecureBroker]:
    if shutil.which("java") is None:
        message = "java is not installed, so the secure broker cannot start"
        unavailable(message)
    port, cport = free_port_pair()
    data = tmp_path_factory.mktemp("kafka-secure")
    tag = uuid.uuid4().hex[:6]
    prefix, app_id = f"s{tag}.", f"triage-s{tag}"
    env = secure_broker_env(port, cport, data, prefix, app_id)
    broker = SecureBroker(
        port=port, controller_port=cport, data=data, env=env, prefix=prefix, app_id=app_id, up_output=""
    )
    try:
        started = broker.kafka_sh("up")
        if started.returncode != 0:
            pytest.fail(f"the secure test broker did not start:\n{started.stdout}\n{started.stderr}")
        broker.up_output = started.stdout
        for line in (broker.secure_dir / "passwords").read_text().splitlines():
            user, _, password = line.partition("=")
            broker.passwords[user] = password
        yield broker
    finally:
        broker.kafka_sh("down", timeout=120)
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def seeded(secure_broker: SecureBroker) -> SecureBroker:
    """Every pipeline topic, created by admin with one seed record: `seed:<topic>` at offset 0."""
    from kafka import KafkaAdminClient, KafkaProducer

    b = secure_broker
    admin = KafkaAdminClient(**b.client("admin"))
    try:
        admin.create_topics(
            {b.topic(t): {"num_partitions": 1, "replication_factor": 1} for t in TOPICS}, wait_for_metadata=True
        )
    finally:
        admin.close()
    producer = KafkaProducer(**b.client("admin"), acks="all")
    try:
        for t in TOPICS:
            producer.send(b.topic(t), f"seed:{b.topic(t)}".encode()).get(timeout=30)
    finally:
        producer.close()
    return b


# --- Kafka's own console tools: an independent client for a few cells, run beside the matrix ---


@dataclass
class ConsoleRun:
    stdout: str
    log: str  # the tool's own log file: the console tools report errors there, not on stderr

    @property
    def text(self) -> str:
        return self.stdout + self.log


@dataclass
class ConsoleCells:
    marker: str  # the line ingest's console producer writes
    runs: dict[str, Future[ConsoleRun]]


CONSOLE_PRODUCER = "org.apache.kafka.tools.ConsoleProducer"
CONSOLE_CONSUMER = "org.apache.kafka.tools.consumer.ConsoleConsumer"


def _console(b: SecureBroker, tool: str, config: Path, topic: str, *args: str, stdin: str = "") -> ConsoleRun:
    logs = b.data / "tool-logs" / uuid.uuid4().hex[:8]
    logs.mkdir(parents=True)
    env = {**b.env, "KAFKA_HEAP": "256m", "KAFKA_TOOL_OPTS": f"-XX:TieredStopAtLevel=1 -Dkafka.logs.dir={logs}"}
    proc = subprocess.run(
        [
            str(KAFKA_SH),
            "tool",
            tool,
            "--bootstrap-server",
            b.bootstrap,
            "--topic",
            b.topic(topic),
            "--command-config",
            str(config),
            *args,
        ],
        check=False,
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    log = logs / "server.log"
    return ConsoleRun(stdout=proc.stdout + proc.stderr, log=log.read_text(errors="replace") if log.exists() else "")


@pytest.fixture(scope="session")
def console_cells(seeded: SecureBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleCells]:
    """Console-tool cells, started before the kafka-python matrix so that their JVM starts overlap it."""
    b = seeded
    clients = b.secure_dir / "clients"
    bad = tmp_path_factory.mktemp("bad-login") / "auditor-wrong-password.properties"
    bad.write_text(
        re.sub(r'password="[^"]*"', 'password="not-the-password"', (clients / "auditor.properties").read_text())
    )
    bad.chmod(0o600)
    marker = f"console-{uuid.uuid4().hex}"

    def consume(config: Path, topic: str, group: str) -> ConsoleRun:
        return _console(
            b,
            CONSOLE_CONSUMER,
            config,
            topic,
            "--group",
            b.topic(group),
            "--from-beginning",
            "--max-messages",
            "1",
            "--timeout-ms",
            "30000",
        )

    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="console")
    runs = {
        "ingest writes raw": pool.submit(
            _console, b, CONSOLE_PRODUCER, clients / "ingest.properties", "reports.raw", stdin=marker + "\n"
        ),
        "worker writes raw": pool.submit(
            _console, b, CONSOLE_PRODUCER, clients / "worker.properties", "reports.raw", stdin="denied\n"
        ),
        "analyst-restricted reads alerts.restricted": pool.submit(
            consume, clients / "analyst-restricted.properties", "alerts.restricted", "analyst-restricted"
        ),
        "analyst-restricted reads alerts.secret": pool.submit(
            consume, clients / "analyst-restricted.properties", "alerts.secret", "analyst-restricted"
        ),
        "commander-secret reads briefings.unclassified": pool.submit(
            consume, clients / "commander-secret.properties", "briefings.unclassified", "commander-secret"
        ),
        "auditor with a wrong password": pool.submit(consume, bad, "audit", "auditor"),
    }
    yield ConsoleCells(marker=marker, runs=runs)
    pool.shutdown(wait=True, cancel_futures=True)


# --- the matrix: every role x every pipeline topic x write/read, with kafka-python ---


def _write_outcomes(b: SecureBroker, role: str) -> dict[str, str]:
    from kafka import KafkaProducer
    from kafka.errors import TopicAuthorizationFailedError

    # Not idempotent: a role with no Write anywhere would otherwise fail on InitProducerId
    # (cluster authorization) before the per-topic check this matrix is about.
    producer = KafkaProducer(**b.client(role), acks="all", enable_idempotence=False, max_block_ms=15000, retries=0)
    outcomes: dict[str, str] = {}
    try:
        for topic in TOPICS:
            try:
                producer.send(b.topic(topic), f"{role} was here".encode()).get(timeout=20)
                outcomes[topic] = "allowed"
            except TopicAuthorizationFailedError as exc:
                outcomes[topic] = "denied" if b.topic(topic) in str(exc) else f"denied for another topic: {exc}"
            except Exception as exc:
                outcomes[topic] = f"error {type(exc).__name__}: {exc}"
    finally:
        producer.close()
    return outcomes


def _read_outcomes(b: SecureBroker, role: str) -> dict[str, str]:
    from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
    from kafka.errors import TopicAuthorizationFailedError

    outcomes: dict[str, str] = {}
    # A topic the role may not even Describe answers TOPIC_AUTHORIZATION_FAILED in metadata, and
    # kafka-python then never fetches from it: that broker answer is the denial (Read implies Describe).
    admin = KafkaAdminClient(**b.client(role))
    try:
        described = {t["name"]: t["error_code"] for t in admin.describe_topics([b.topic(t) for t in TOPICS])}
    finally:
        admin.close()
    consumer = KafkaConsumer(**b.client(role), group_id=None, enable_auto_commit=False)
    try:
        for topic in TOPICS:
            name = b.topic(topic)
            if described.get(name) == TOPIC_AUTHORIZATION_FAILED:
                outcomes[topic] = "denied"
                continue
            # Describe allowed: fetch, which answers either the seed record or TOPIC_AUTHORIZATION_FAILED.
            tp = TopicPartition(name, 0)
            consumer.assign([tp])
            consumer.seek(tp, 0)
            deadline = time.monotonic() + 20
            outcome = "error: nothing fetched within 20 s"
            try:
                while time.monotonic() < deadline:
                    records = [r for batch in consumer.poll(timeout_ms=250).values() for r in batch]
                    if records:
                        seed = f"seed:{name}".encode()
                        outcome = "allowed" if records[0].value == seed else f"error: first record {records[0].value!r}"
                        break
            except TopicAuthorizationFailedError as exc:
                outcome = "denied" if name in str(exc) else f"denied for another topic: {exc}"
            outcomes[topic] = outcome
    finally:
        consumer.close()
    return outcomes


@pytest.fixture(scope="session")
def matrix(seeded: SecureBroker, console_cells: ConsoleCells) -> dict[str, dict[str, dict[str, str]]]:
    """Every cell's outcome: role -> operation -> topic -> allowed/denied/error.

    The roles run in parallel threads, since each cell mostly waits on a broker round trip. The
    console-tool JVMs (console_cells) are already starting when this begins.
    """
    with ThreadPoolExecutor(max_workers=2 * len(ROLES), thread_name_prefix="matrix") as pool:
        futures = {
            role: {
                "write": pool.submit(_write_outcomes, seeded, role),
                "read": pool.submit(_read_outcomes, seeded, role),
            }
            for role in ROLES
        }
        return {role: {op: f.result() for op, f in ops.items()} for role, ops in futures.items()}


@pytest.mark.parametrize("role", ROLES)
def test_acl_matrix(matrix: dict[str, dict[str, dict[str, str]]], role: str) -> None:
    """Each role writes and reads every pipeline topic: allowed exactly where the policy says so."""
    actual = matrix[role]
    wrong = [
        f"{role} {op} {topic}: expected {'allowed' if allowed(role, topic, op) else 'denied'}, got {actual[op][topic]}"
        for op in OPERATIONS
        for topic in TOPICS
        if actual[op][topic] != ("allowed" if allowed(role, topic, op) else "denied")
    ]
    assert not wrong, "\n".join(wrong)


def test_matrix_covers_every_cell() -> None:
    """The matrix is the full product, and the policy grants something to every role."""
    assert len(ROLES) * len(TOPICS) * len(OPERATIONS) == 12 * 26 * 2
    for role in ROLES:
        assert any(allowed(role, t, op) for t in TOPICS for op in OPERATIONS), role


# --- beyond topics: groups, transactional ids, topic creation, ACL administration ---


def _commit(b: SecureBroker, role: str, group: str, topic: str) -> None:
    from kafka import KafkaConsumer, TopicPartition
    from kafka.structs import OffsetAndMetadata

    consumer = KafkaConsumer(**b.client(role), group_id=group, enable_auto_commit=False)
    try:
        tp = TopicPartition(b.topic(topic), 0)
        consumer.assign([tp])
        consumer.commit({tp: OffsetAndMetadata(1, "", -1)})
    finally:
        consumer.close()


def test_consumer_groups_belong_to_their_role(seeded: SecureBroker) -> None:
    from kafka.errors import GroupAuthorizationFailedError

    b = seeded
    _commit(b, "worker", f"{b.app_id}.triage", "reports.raw")
    _commit(b, "worker", f"{b.app_id}.urgent", "reports.urgent")
    _commit(b, "analyst-secret", b.topic("analyst-secret"), "alerts.secret")
    _commit(b, "commander-restricted", b.topic("commander-restricted"), "events.unclassified")
    _commit(b, "auditor", b.topic("auditor"), "audit")
    for role, group, topic in [
        ("analyst-secret", f"{b.app_id}.triage", "alerts.secret"),  # the worker's group
        ("analyst-secret", b.topic("commander-secret"), "alerts.secret"),  # another role's group
        ("commander-secret", b.topic("analyst-secret"), "events.secret"),
    ]:
        with pytest.raises(GroupAuthorizationFailedError):
            _commit(b, role, group, topic)


def test_worker_transactions_and_the_inter_broker_listener(seeded: SecureBroker) -> None:
    """A transaction commits only if the broker can write its markers, over the inter-broker listener."""
    from kafka import KafkaConsumer, KafkaProducer, TopicPartition
    from kafka.errors import TransactionalIdAuthorizationFailedError

    b = seeded
    marker = f"txn-{uuid.uuid4().hex}".encode()
    producer = KafkaProducer(**b.client("worker"), transactional_id=f"{b.app_id}.intel-0", max_block_ms=20000)
    try:
        producer.init_transactions()
        producer.begin_transaction()
        producer.send(b.topic("reports.triaged"), marker)
        producer.commit_transaction()
    finally:
        producer.close()
    consumer = KafkaConsumer(**b.client("admin"), group_id=None, isolation_level="read_committed")
    try:
        tp = TopicPartition(b.topic("reports.triaged"), 0)
        consumer.assign([tp])
        consumer.seek(tp, 0)
        seen: list[bytes] = []
        deadline = time.monotonic() + 30
        while marker not in seen and time.monotonic() < deadline:
            seen += [r.value for batch in consumer.poll(timeout_ms=250).values() for r in batch]
        assert marker in seen, "the committed transaction is not visible to a read_committed consumer"
    finally:
        consumer.close()

    for role, transactional_id in [("ingest", f"{b.app_id}.intel-1"), ("worker", "someone-else-0")]:
        producer = KafkaProducer(**b.client(role), transactional_id=transactional_id, max_block_ms=20000)
        try:
            with pytest.raises(TransactionalIdAuthorizationFailedError):
                producer.init_transactions()
        finally:
            producer.close(timeout=5)


def test_only_the_worker_creates_its_internal_topics(seeded: SecureBroker) -> None:
    from kafka import KafkaAdminClient
    from kafka.errors import TopicAuthorizationFailedError

    b = seeded
    new = {"num_partitions": 1, "replication_factor": 1}
    worker = KafkaAdminClient(**b.client("worker"))
    try:
        worker.create_topics({f"{b.app_id}.intel-reports-changelog": new})
        with pytest.raises(TopicAuthorizationFailedError):
            worker.create_topics({b.topic("reports.extra"): new})
    finally:
        worker.close()
    analyst = KafkaAdminClient(**b.client("analyst-secret"))
    try:
        with pytest.raises(TopicAuthorizationFailedError):
            analyst.create_topics({f"{b.app_id}.intel-stolen-changelog": new})
    finally:
        analyst.close()


def test_only_super_users_administer_acls(seeded: SecureBroker) -> None:
    from kafka import KafkaAdminClient
    from kafka.admin import (
        ACLFilter,
        ACLOperation,
        ACLPermissionType,
        ACLResourcePatternType,
        ResourcePatternFilter,
        ResourceType,
    )
    from kafka.errors import ClusterAuthorizationFailedError

    b = seeded
    everything = ACLFilter(
        principal=None,
        host="*",
        operation=ACLOperation.ANY,
        permission_type=ACLPermissionType.ANY,
        resource_pattern=ResourcePatternFilter(ResourceType.ANY, None, ACLResourcePatternType.ANY),
    )
    admin = KafkaAdminClient(**b.client("admin"))
    try:
        acls, _ = admin.describe_acls(everything)
        principals = {acl.principal for acl in acls}
        assert principals == {f"User:{role}" for role in ROLES}
    finally:
        admin.close()
    worker = KafkaAdminClient(**b.client("worker"))
    try:
        with pytest.raises(ClusterAuthorizationFailedError):
            worker.describe_acls(everything)
    finally:
        worker.close()


# --- Kafka's console tools: the independent check of a few cells ---


def test_console_tools_agree(console_cells: ConsoleCells, seeded: SecureBroker) -> None:
    from kafka import KafkaConsumer, TopicPartition

    b = seeded
    runs = {name: future.result(timeout=300) for name, future in console_cells.runs.items()}
    marker = console_cells.marker

    # allowed: ingest's line lands on reports.raw
    assert "Exception" not in runs["ingest writes raw"].log, runs["ingest writes raw"].text[-3000:]
    consumer = KafkaConsumer(**b.client("admin"), group_id=None)
    try:
        tp = TopicPartition(b.topic("reports.raw"), 0)
        consumer.assign([tp])
        consumer.seek(tp, 0)
        values: list[bytes] = []
        deadline = time.monotonic() + 20
        while marker.encode() not in values and time.monotonic() < deadline:
            values += [r.value for batch in consumer.poll(timeout_ms=250).values() for r in batch]
        assert marker.encode() in values
    finally:
        consumer.close()

    denied = runs["worker writes raw"]
    assert f"TopicAuthorizationException: Not authorized to access topics: [{b.topic('reports.raw')}]" in denied.log, (
        denied.text[-3000:]
    )

    for name, topic in [
        ("analyst-restricted reads alerts.restricted", "alerts.restricted"),
        ("commander-secret reads briefings.unclassified", "briefings.unclassified"),
    ]:
        assert f"seed:{b.topic(topic)}" in runs[name].stdout, runs[name].text[-3000:]

    denied = runs["analyst-restricted reads alerts.secret"]
    assert (
        f"TopicAuthorizationException: Not authorized to access topics: [{b.topic('alerts.secret')}]" in denied.log
    ), denied.text[-3000:]
    assert "seed:" not in denied.stdout

    bad = runs["auditor with a wrong password"]
    assert "SaslAuthenticationException" in bad.log and "invalid credentials" in bad.log, bad.text[-3000:]
    assert "seed:" not in bad.stdout


# --- authentication and the listeners ---


@contextmanager
def _local_ports() -> Iterator[set[int]]:
    """The local ports kafka-python connects from, read from its debug log, to find them in the broker's."""
    ports: set[int] = set()

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            ports.update(int(p) for p in re.findall(r"laddr=\('127\.0\.0\.1', (\d+)\)", record.getMessage()))

    logger = logging.getLogger("kafka.net")
    handler, level = Collect(level=logging.DEBUG), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield ports
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _broker_rejections(b: SecureBroker, ports: set[int], timeout: float = 10) -> list[str]:
    """The broker's 'Failed authentication' log lines for connections from `ports`."""
    pattern = re.compile(
        rf"Failed authentication with /127\.0\.0\.1 \(channelId=127\.0\.0\.1:{b.port}-127\.0\.0\.1:(\d+)-"
    )
    deadline = time.monotonic() + timeout
    while True:
        found = [
            line for line in b.server_log().splitlines() if (m := pattern.search(line)) and int(m.group(1)) in ports
        ]
        if found or time.monotonic() >= deadline:
            return found
        time.sleep(0.2)


def _cannot_bootstrap(**config: Any) -> None:
    from kafka import KafkaProducer
    from kafka.errors import KafkaError

    with pytest.raises(KafkaError):
        KafkaProducer(**config, bootstrap_timeout_ms=2000).close()


@pytest.mark.parametrize(("user", "password"), [("ingest", "not-the-password"), ("admin", ""), ("nobody", "whatever")])
def test_bad_logins_are_rejected(secure_broker: SecureBroker, user: str, password: str) -> None:
    b = secure_broker
    with _local_ports() as ports:
        _cannot_bootstrap(**b.client(user, password=password))
    assert ports, "kafka-python never connected"
    rejections = _broker_rejections(b, ports)
    assert rejections and all("invalid credentials with SASL mechanism SCRAM-SHA-512" in r for r in rejections), (
        rejections
    )


@pytest.mark.parametrize("protocol", ["PLAINTEXT", "SSL", "SASL_PLAINTEXT"])
def test_clients_without_sasl_over_tls_are_rejected(secure_broker: SecureBroker, protocol: str) -> None:
    b = secure_broker
    config = {**b.client("admin"), "security_protocol": protocol}
    if protocol == "SSL":  # TLS but no SASL: the broker answers nothing but the handshake
        config = {k: v for k, v in config.items() if not k.startswith("sasl_")}
    with _local_ports() as ports:
        _cannot_bootstrap(**config)
    assert ports, "kafka-python never connected"
    if protocol != "SSL":
        rejections = _broker_rejections(b, ports)
        assert rejections and all("SSL handshake failed" in r for r in rejections), rejections


def test_the_broker_certificate_is_verified(secure_broker: SecureBroker) -> None:
    """A client that does not trust the local CA refuses the broker: TLS is real, not decorative."""
    b = secure_broker
    config = {k: v for k, v in b.client("admin").items() if k != "ssl_cafile"}
    _cannot_bootstrap(**config)
    ctx = ssl.create_default_context(cafile=b.ca)
    with (
        socket.create_connection(("127.0.0.1", b.port), timeout=10) as raw,
        ctx.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        names = [v for k, v in tls.getpeercert().get("subjectAltName", ()) if k in ("DNS", "IP Address")]
    assert {"localhost", "127.0.0.1"} <= set(names)


def _api_versions(sock: socket.socket) -> bytes:
    """Sends a Kafka ApiVersions v0 request and returns whatever comes back (b'' when closed)."""
    client_id = b"secure-test"
    body = struct.pack(">hhih", 18, 0, 7, len(client_id)) + client_id
    sock.sendall(struct.pack(">i", len(body)) + body)
    try:
        return sock.recv(4096)
    except (TimeoutError, ConnectionError, ssl.SSLError):
        return b""


def _is_kafka_answer(reply: bytes) -> bool:
    return len(reply) >= 8 and struct.unpack(">i", reply[4:8])[0] == 7


def test_no_plaintext_listener(secure_broker: SecureBroker) -> None:
    """The broker listens on its two TLS ports only; neither answers Kafka spoken in the clear."""
    b = secure_broker
    assert _listening_ports(b.pid()) == {("127.0.0.1", b.port), ("127.0.0.1", b.controller_port)}
    for port in (b.port, b.controller_port):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            assert not _is_kafka_answer(_api_versions(sock)), f"port {port} answered a plaintext Kafka request"


def test_controller_listener_requires_the_broker_certificate(secure_broker: SecureBroker) -> None:
    b = secure_broker
    anonymous = ssl.create_default_context(cafile=b.ca)
    with socket.create_connection(("127.0.0.1", b.controller_port), timeout=10) as raw:
        try:
            with anonymous.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                reply = _api_versions(tls)
        except (ssl.SSLError, ConnectionError):
            reply = b""
    assert not _is_kafka_answer(reply), "the controller listener answered a client without a certificate"

    as_broker = ssl.create_default_context(cafile=b.ca)
    as_broker.load_cert_chain(str(b.secure_dir / "broker.pem"))
    with (
        socket.create_connection(("127.0.0.1", b.controller_port), timeout=10) as raw,
        as_broker.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        reply = _api_versions(tls)
    assert _is_kafka_answer(reply), "no ApiVersions answer with the broker's certificate"


def _listening_ports(pid: int) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket the process listens on, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table, width in (("tcp", 8), ("tcp6", 32)):
        lines = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        for line in lines:
            cols = line.split()
            local, state, inode = cols[1], cols[3], cols[9]
            if state != "0A" or inode not in inodes:  # 0A: LISTEN
                continue
            address, port = local.split(":")
            if width == 8:
                host = socket.inet_ntoa(struct.pack("<I", int(address, 16)))
            else:
                host = socket.inet_ntop(
                    socket.AF_INET6, b"".join(struct.pack("<I", int(address[i : i + 8], 16)) for i in range(0, 32, 8))
                )
            found.add((host.removeprefix("::ffff:"), int(port, 16)))  # the JVM binds IPv4-mapped sockets
    return found


# --- secrets at rest, and the profile's life cycle ---


def test_secrets_are_readable_by_their_owner_only(secure_broker: SecureBroker) -> None:
    b = secure_broker
    assert set(b.passwords) == {"broker", "admin", *ROLES}
    assert len(set(b.passwords.values())) == len(b.passwords), "two users share a password"
    secure = b.secure_dir
    for path in [b.data, secure, secure / "clients"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    owner_only = [secure / "passwords", secure / "broker.pem", secure / "acls.applied", b.data / "server.properties"]
    for path in [*owner_only, *(secure / "clients").iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert not (secure / "format.args").exists(), "the storage format arguments (with passwords) were left behind"
    cmdline = Path(f"/proc/{b.pid()}/cmdline").read_bytes().decode(errors="replace")
    assert not any(p in cmdline for p in b.passwords.values()), "a password is on the broker's command line"
    assert str(secure / "passwords") in b.up_output, "`kafka.sh up` does not say where the passwords are"
    for role in ROLES:
        text = (secure / "clients" / f"{role}.properties").read_text()
        assert "security.protocol=SASL_SSL" in text and "sasl.mechanism=SCRAM-SHA-512" in text
        assert f'username="{role}" password="{b.passwords[role]}"' in text


def test_restart_keeps_users_and_acls_and_refuses_plaintext(seeded: SecureBroker) -> None:
    """Runs last: `up` twice is harmless, a plain `up` will not open a secure data dir, a restart keeps logins and ACLs."""
    from kafka import KafkaProducer

    b = seeded
    acls_applied_at = (b.data / "logs" / "acls.log").stat().st_mtime
    again = b.kafka_sh("up")
    assert again.returncode == 0 and "already running" in again.stdout, again.stdout + again.stderr
    assert b.kafka_sh("down").returncode == 0
    plain = b.kafka_sh("up", env={**b.env, "KAFKA_SECURE": "0"})
    assert plain.returncode != 0 and "holds a secure broker" in plain.stderr, plain.stdout + plain.stderr
    restarted = b.kafka_sh("up")
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr
    producer = KafkaProducer(**b.client("ingest"), acks="all")
    try:
        producer.send(b.topic("reports.raw"), b"after restart").get(timeout=30)
    finally:
        producer.close()
    assert (b.data / "logs" / "acls.log").stat().st_mtime == acls_applied_at, "ACLs were applied again on restart"
