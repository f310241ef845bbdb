"""The pipeline on the secure broker profile with sealing on: each part under its own role.

Its own secure broker (ops/kafka/kafka.sh, KAFKA_SECURE=1) on free ports. admin creates the topics
with `triage topics`, a worker logs in as `worker` and seals with keys from `triage keys init`,
`ingest` publishes reports that carry a marker string, and readers log in as analysts and the
auditor. Checks: what each clearance can open, `triage tail`, tampering with messages taken from the
real topics, `triage audit verify` on the real audit topic and on altered copies of it, and that
the marker (classified text) never reaches the worker's log or a sealed topic in the clear. The
worker's triage is a keyword stand-in (keyword_worker.py): this is about transport and message
protection, and the model's own tests run elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import KAFKA_SH, REPO, free_port_pair, secure_broker_env, unavailable

pytestmark = pytest.mark.kafka

MARKER = "ZULU-MARKER-7741"
REPORTS = [
    ("sec-1", "SECRET", "TIC at 31U GR 1033 3897 vic Wiltz, taking heavy fire, 2 WIA, request QRF. " + MARKER),
    ("sec-2", "SECRET", "Chemical release reported at Echternach, soldiers coughing, masks on. " + MARKER),
    ("res-1", "RESTRICTED", "TIC at Diekirch, under fire from the treeline, 1 KIA 3 WIA, request MEDEVAC. " + MARKER),
    ("res-2", "RESTRICTED", "Drohnen im Anflug auf Diekirch, Luftalarm! " + MARKER),
    ("con-1", "CONFIDENTIAL", "2x BMP-2 moving north on N7 vic Ettelbruck. " + MARKER),
    ("unc-1", "UNCLASSIFIED", "NSTR. Patrol returned to base, all quiet. " + MARKER),
]
MALFORMED = [
    b'{"report_id": "bad-1", "classification": "SECRET", "source": {"unit": "x"}, "text": 12, "note": "'
    + MARKER.encode()
    + b'"}',
    b'{"report_id": "bad-2", "text": "' + MARKER.encode() + b" unterminated",
]


@dataclass
class Secured:
    port: int
    data: Path
    keys: Path
    prefix: str
    app_id: str
    work: Path
    worker_log: Path = field(init=False)
    worker: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.worker_log = self.work / "worker.log"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def topic(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def env(self, role: str, keyring: str | None = None, **extra: str) -> dict[str, str]:
        """The environment of a `triage` process logged in as `role`, holding `keyring` (a file of keys init)."""
        base = {k: v for k, v in os.environ.items() if not k.startswith(("TRIAGE_", "KAFKA_"))}
        env = {
            **base,
            "PYTHONUNBUFFERED": "1",
            "TRIAGE_KAFKA_BOOTSTRAP": self.bootstrap,
            "TRIAGE_TOPIC_PREFIX": self.prefix,
            "TRIAGE_APP_ID": self.app_id,
            "TRIAGE_CONNECT_TIMEOUT_S": "20",
            "TRIAGE_SECURITY_PROTOCOL": "SASL_SSL",
            "TRIAGE_SASL_USERNAME": role,
            "TRIAGE_SASL_PASSWORD_FILE": str(self.data / "secure" / "passwords"),
            "TRIAGE_SSL_CAFILE": str(self.data / "secure" / "ca.pem"),
            "TRIAGE_VERIFY_KEYS_FILE": str(self.keys / "verify-keys.json"),
            "TRIAGE_DATA_DIR": str(self.work / "state"),
            "TRIAGE_WEB_ENABLED": "false",
            **extra,
        }
        if keyring:
            env["TRIAGE_KEYRING_FILE"] = str(self.keys / keyring)
        return env

    def settings(self, role: str, keyring: str | None = None) -> Any:
        from pipeline.settings import Settings

        return Settings.from_env(self.env(role, keyring))

    def triage(
        self, role: str, *args: str, keyring: str | None = None, timeout: float = 90
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pipeline.cli", *args],
            env=self.env(role, keyring),
            check=False,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO,
        )

    def read(self, role: str, topic: str) -> list[Any]:
        """Every record of a topic from the beginning to its current end, read as `role`."""
        from kafka import KafkaConsumer, TopicPartition

        from pipeline.clients import kafka_options

        consumer = KafkaConsumer(
            group_id=None,
            enable_auto_commit=False,
            bootstrap_servers=self.bootstrap,
            **kafka_options(self.settings(role)),
        )
        try:
            tps = [
                TopicPartition(self.topic(topic), p)
                for p in sorted(consumer.partitions_for_topic(self.topic(topic)) or [])
            ]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            end = consumer.end_offsets(tps)
            records: list[Any] = []
            deadline = time.monotonic() + 30
            while not all(consumer.position(tp) >= end[tp] for tp in tps) and time.monotonic() < deadline:
                for batch in consumer.poll(timeout_ms=300).values():
                    records.extend(batch)
            return records
        finally:
            consumer.close()


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Secured]:
    if shutil.which("java") is None:
        message = "java is not installed, so the secure broker cannot start"
        unavailable(message)
    port, cport = free_port_pair()
    work = tmp_path_factory.mktemp("sealed")
    tag = uuid.uuid4().hex[:6]
    s = Secured(
        port=port, data=work / "kafka", keys=work / "keys", prefix=f"z{tag}.", app_id=f"triage-z{tag}", work=work
    )
    kafka_env = secure_broker_env(port, cport, s.data, s.prefix, s.app_id)
    try:
        up = subprocess.run(
            [str(KAFKA_SH), "up"], env=kafka_env, check=False, capture_output=True, text=True, timeout=300
        )
        if up.returncode != 0:
            pytest.fail(f"the secure test broker did not start:\n{up.stdout}\n{up.stderr}")
        made = s.triage("admin", "keys", "init", "--out", str(s.keys))
        assert made.returncode == 0, made.stderr
        topics = subprocess.run(
            [sys.executable, "-m", "pipeline.cli", "topics"],
            env=s.env("admin", TRIAGE_PARTITIONS="2"),
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
        )
        assert topics.returncode == 0 and "(created)" in topics.stdout, topics.stdout + topics.stderr
        # The real worker with a keyword stand-in for the model (tests/integration/keyword_worker.py).
        s.worker = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("keyword_worker.py"))],
            env=s.env(
                "worker",
                "keyring.json",
                TRIAGE_SIGNING_KEY_FILE=str(s.keys / "signing.pem"),
                TRIAGE_SIGNING_KEY_ID="worker-k1",
                TRIAGE_WORKER_ID="itest-worker",
                TRIAGE_ARCHIVE_ENABLED="false",
                TRIAGE_BRIEFING_INTERVAL_S="3",
                TRIAGE_BATCH_WAIT_MS="50",
            ),
            stdout=open(s.worker_log, "wb"),  # noqa: SIM115 - the worker keeps the file after this block
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        deadline = time.monotonic() + 150
        while "Worker ready" not in s.worker_log.read_text(errors="replace"):
            assert s.worker.poll() is None, f"the worker exited:\n{s.worker_log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"the worker was not ready:\n{s.worker_log.read_text()[-3000:]}"
            time.sleep(0.3)
        lines = [
            json.dumps(
                {
                    "report_id": rid,
                    "source": {"unit": f"unit {rid}", "reliability": "B"},
                    "credibility": 2,
                    "classification": level,
                    "text": text,
                }
            ).encode()
            for rid, level, text in REPORTS
        ]
        reports = work / "reports.jsonl"
        reports.write_bytes(b"\n".join(lines + MALFORMED) + b"\n")
        produced = s.triage("ingest", "produce", str(reports))
        assert produced.returncode == 0, produced.stderr
        # Every family the tests read, at both levels: alerts from the lanes, then events and briefings from
        # the intel app (later, and later still on a loaded machine), and the dead letters.
        deadline = time.monotonic() + 150
        # An event takes the highest level of its reports, so which levels get events depends on the order
        # in which correlation sees the reports: events at one level at least.
        families = [f"{f}.{lv}" for f in ("alerts", "briefings") for lv in ("secret", "restricted")]
        events = ["events.secret", "events.restricted"]
        while not (
            all(s.read("admin", topic) for topic in families)
            and any(s.read("admin", topic) for topic in events)
            and len(s.read("admin", "reports.deadletter")) >= 2
        ):
            missing = [t for t in families if not s.read("admin", t)] + (
                [] if any(s.read("admin", t) for t in events) else events
            )
            assert time.monotonic() < deadline, f"nothing on {missing} within 150s:\n{s.worker_log.read_text()[-3000:]}"
            time.sleep(1)
        yield s
    finally:
        if s.worker is not None and s.worker.poll() is None:
            s.worker.terminate()
            try:
                s.worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                s.worker.kill()
        subprocess.run([str(KAFKA_SH), "down"], env=kafka_env, capture_output=True, timeout=120)
        shutil.rmtree(s.data, ignore_errors=True)


def _opener(s: Secured, keyring: str | None) -> Any:
    from pipeline.sealing import Opener

    return Opener.from_settings(s.settings("admin", keyring))


def test_the_worker_role_runs_sealed_without_creating_topics(secured: Secured) -> None:
    from pipeline.admin import TopicsNotAuthorized, ensure_topics

    log = secured.worker_log.read_text(errors="replace")
    assert secured.worker is not None and secured.worker.poll() is None
    assert "sealing on: every level, signed as worker-k1" in log and "audit trail on" in log
    assert "topics:" not in log and "Traceback" not in log
    with pytest.raises(TopicsNotAuthorized, match="run `triage topics` with the admin login"):
        ensure_topics(secured.settings("worker"), [secured.topic("reports.extra")])


def test_analyst_restricted_opens_restricted_alerts_and_not_a_secret_one(secured: Secured) -> None:
    from pipeline.sealing import is_sealed, refusal_text
    from schemas.errors import Rejection

    restricted = secured.read("analyst-restricted", "alerts.restricted")
    assert restricted
    opener = _opener(secured, "keyring-restricted.json")
    for rec in restricted:
        assert is_sealed(rec.headers) and MARKER.encode() not in rec.value
        opened = opener.open(rec.topic, rec.value, rec.headers)
        assert isinstance(opened, bytes), opened
        alert = json.loads(opened)
        assert alert["classification"] == "RESTRICTED" and MARKER in alert["text"]
        assert dict(rec.headers)["message-id"] == rec.key == alert["alert_id"].encode()

    secret = secured.read("analyst-secret", "alerts.secret")
    assert secret
    for rec in secret:
        refused = opener.open(rec.topic, rec.value, rec.headers)
        assert (
            isinstance(refused, Rejection) and refusal_text(refused, rec.headers) == "refused: not cleared for SECRET"
        )
        assert (
            json.loads(_opener(secured, "keyring-secret.json").open(rec.topic, rec.value, rec.headers))[
                "classification"
            ]
            == "SECRET"
        )


def test_triage_tail_opens_for_the_cleared_and_refuses_the_rest(secured: Secured) -> None:
    n_restricted = len(secured.read("admin", "alerts.restricted"))
    n_secret = len(secured.read("admin", "alerts.secret"))

    cleared = secured.triage(
        "analyst-restricted", "tail", secured.topic("alerts.restricted"), keyring="keyring-restricted.json"
    )
    assert cleared.returncode == 0, cleared.stderr
    shown = [json.loads(line) for line in cleared.stdout.splitlines()]
    assert len(shown) == n_restricted and all(a["classification"] == "RESTRICTED" for a in shown)

    uncleared = secured.triage(
        "analyst-secret", "tail", secured.topic("alerts.secret"), keyring="keyring-restricted.json"
    )
    assert uncleared.returncode == 5
    assert uncleared.stdout == ""  # nothing printed as if it were content
    assert uncleared.stderr.count("refused: not cleared for SECRET") == n_secret, uncleared.stderr
    assert f"{n_secret} messages refused" in uncleared.stderr

    denied = secured.triage(
        "analyst-restricted", "tail", secured.topic("alerts.secret"), keyring="keyring-restricted.json"
    )
    assert denied.returncode != 0 and denied.stdout == ""
    assert "may not see it" in denied.stderr or "may not read" in denied.stderr


def test_messages_altered_relabelled_or_moved_are_refused(secured: Secured) -> None:
    from kafka import KafkaProducer

    from pipeline.clients import kafka_options
    from schemas.errors import Rejection

    taken = secured.read("admin", "alerts.restricted")[0]
    opener = _opener(secured, "keyring-secret.json")
    assert isinstance(opener.open(taken.topic, taken.value, taken.headers), bytes)
    h = dict(taken.headers)
    flipped = bytes([taken.value[0]]) + bytes([taken.value[1] ^ 0x04]) + taken.value[2:]
    variants = {
        "bit flip in the ciphertext": (taken.topic, flipped, taken.headers),
        "bit flip at the end (GCM tag)": (
            taken.topic,
            taken.value[:-1] + bytes([taken.value[-1] ^ 0x01]),
            taken.headers,
        ),
        "label swapped up": (taken.topic, taken.value, list({**h, "classification": b"SECRET"}.items())),
        "label swapped down": (taken.topic, taken.value, list({**h, "classification": b"UNCLASSIFIED"}.items())),
        "moved to another topic": (secured.topic("alerts.secret"), taken.value, taken.headers),
        "moved to flash": (secured.topic("flash.restricted"), taken.value, taken.headers),
        "another message id": (taken.topic, taken.value, list({**h, "message-id": b"alert-forged"}.items())),
    }
    for what, (topic, value, headers) in variants.items():
        assert isinstance(opener.open(topic, value, headers), Rejection), what

    # The same, for real: admin (who may write anywhere) moves and relabels copies onto another topic.
    producer = KafkaProducer(
        bootstrap_servers=secured.bootstrap, acks="all", **kafka_options(secured.settings("admin"))
    )
    try:
        target = secured.topic("alerts.unclassified")
        producer.send(target, key=taken.key, value=taken.value, headers=list(taken.headers)).get(timeout=30)
        relabelled = list({**h, "classification": b"UNCLASSIFIED"}.items())
        producer.send(target, key=taken.key, value=taken.value, headers=relabelled).get(timeout=30)
        producer.send(target, key=b"plain", value=b'{"forged": "' + MARKER.encode() + b'"}', headers=[]).get(timeout=30)
    finally:
        producer.close()
    tail = secured.triage("analyst-restricted", "tail", target, keyring="keyring-restricted.json")
    assert tail.returncode == 5
    refusals = sorted(line.split(": ", 1)[1] for line in tail.stderr.splitlines() if ": refused: " in line)
    assert refusals == [
        "refused: labelled RESTRICTED on a UNCLASSIFIED topic",  # moved as it was: its label gives it away
        "refused: not sealed, on a topic where every message is",  # planted in the clear
        "refused: the signature does not match: altered, relabelled or moved",  # moved and relabelled
    ], tail.stderr
    assert MARKER not in tail.stdout and "forged" not in tail.stdout


def test_the_audit_trail_verifies_and_tampered_copies_do_not(secured: Secured, tmp_path: Path) -> None:
    from operators.protection.hashchain import parse_entry
    from pipeline.audit import parse_dump, verify_chains

    verified = secured.triage("auditor", "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.stdout.startswith("OK      itest-worker.") and "0 broken" in verified.stderr

    # Every publication read off the topics first; the audit, read after, must name each one.
    published = {
        (dict(rec.headers)["message-id"].decode(), rec.topic, dict(rec.headers)["classification"].decode())
        for family in ("alerts", "flash", "events", "briefings")
        for level in ("restricted", "secret")
        for rec in secured.read("admin", f"{family}.{level}")
    }
    topics = {t for _, t, _ in published}
    assert topics >= {secured.topic(f"{f}.{lv}") for f in ("alerts", "briefings") for lv in ("restricted", "secret")}
    assert topics & {secured.topic("events.restricted"), secured.topic("events.secret")}
    deadline = time.monotonic() + 15
    while True:
        entries = [parse_entry(r.value) for r in secured.read("auditor", "audit")]
        audited = {(e.alert_id, e.topic, e.classification) for e in entries if e is not None}
        if published <= audited or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert published <= audited, sorted(published - audited)[:5]
    alerts = [e for e in entries if e is not None and e.topic.startswith(secured.topic("alerts."))]
    assert alerts and all(e.precedence in ("FLASH", "IMMEDIATE", "PRIORITY") and e.published_at for e in alerts)

    dump = tmp_path / "audit.jsonl"
    dumped = secured.triage("auditor", "audit", "dump", "--out", str(dump))
    assert dumped.returncode == 0, dumped.stderr
    lines = dump.read_text().splitlines()
    assert len(lines) >= 6 and all(r.ok for r in verify_chains(parse_dump(lines)))

    def altered(entry: dict[str, Any]) -> dict[str, Any]:
        return {**entry, "entry": {**entry["entry"], "classification": "UNCLASSIFIED"}}

    rows = [json.loads(line) for line in lines]
    copies = {
        "removed": rows[:2] + rows[3:],
        "reordered": rows[:1] + [rows[2], rows[1]] + rows[3:],
        "altered": rows[:4] + [altered(rows[4])] + rows[5:],
    }
    for what, copy in copies.items():
        reports = verify_chains(parse_dump(json.dumps(r) for r in copy))
        assert [r.ok for r in reports] == [False], what
    problems = {
        what: verify_chains(parse_dump(json.dumps(r) for r in copy))[0].problem for what, copy in copies.items()
    }
    assert problems["removed"].index == 2 and "removed or reordered" in problems["removed"].problem  # type: ignore[union-attr]
    assert problems["reordered"].index == 1  # type: ignore[union-attr]
    assert problems["altered"].index == 4 and "altered" in problems["altered"].problem  # type: ignore[union-attr]

    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text("\n".join(json.dumps(r) for r in copies["altered"]) + "\n")
    failed = secured.triage("auditor", "audit", "verify", "--input", str(tampered))
    assert failed.returncode == 6 and "BROKEN  itest-worker." in failed.stdout and "(altered)" in failed.stdout


def test_stix_export_opens_the_sealed_events_it_is_cleared_for(secured: Secured, tmp_path: Path) -> None:
    """admin reads every events topic (and reports.triaged for the members); the keyring decides what opens."""
    events = secured.read("admin", "events.secret") + secured.read("admin", "events.restricted")
    event_ids = {dict(r.headers)["message-id"].decode() for r in events}
    out = tmp_path / "bundle.json"
    cleared = secured.triage(
        "admin", "export", "stix", "--level", "SECRET", "--out", str(out), keyring="keyring-secret.json"
    )
    assert cleared.returncode == 0, cleared.stderr
    bundle = json.loads(out.read_text())
    reports = [o for o in bundle["objects"] if o["type"] == "report"]
    assert len(reports) >= len(event_ids) >= 2 and "could not be opened" not in cleared.stderr
    without = secured.triage("admin", "export", "stix", "--level", "SECRET", "--out", str(tmp_path / "none.json"))
    assert without.returncode == 0 and "event messages could not be opened" in without.stderr
    assert not [o for o in json.loads((tmp_path / "none.json").read_text())["objects"] if o["type"] == "report"]


def test_classified_text_never_reaches_the_log_or_a_sealed_topic_in_the_clear(secured: Secured) -> None:
    # The marker did travel: it is in the plain internal topic and in the dead letters' payloads.
    assert any(MARKER.encode() in r.value for r in secured.read("admin", "reports.triaged"))
    sealed_seen = 0
    for family in ("alerts", "flash", "events", "briefings"):
        for level in ("unclassified", "restricted", "confidential", "secret"):
            for rec in secured.read("admin", f"{family}.{level}"):
                if rec.value.startswith(b'{"forged"'):
                    continue  # planted by the tampering test
                assert MARKER.encode() not in rec.value and dict(rec.headers).get("sealed"), (family, level)
                sealed_seen += 1
    assert sealed_seen >= 4
    log = secured.worker_log.read_text(errors="replace")
    assert "Worker ready" in log and MARKER not in log
