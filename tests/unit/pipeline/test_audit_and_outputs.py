"""The audit trail per writer (removed, reordered, altered entries are found) and the agents' one
publishing path: unchanged plaintext by default, sealed and audited when configured, never a write-down."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from operators.protection.hashchain import AuditChain, parse_entry
from pipeline.audit import (
    audit_enabled,
    dump_line,
    group_by_writer,
    parse_dump,
    verify_chains,
    writer_id,
)
from pipeline.cli import main
from pipeline.metrics import Metrics
from pipeline.outputs import Outputs
from pipeline.publisher import Publisher
from pipeline.routing import Publication, WriteDown
from pipeline.sealing import Opener, write_key_set
from pipeline.settings import Settings
from pipeline.topics import TopicNames
from schemas.errors import Rejection
from schemas.vocab import Classification

NOW = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)


def chain(n: int, writer: str) -> list[bytes]:
    c = AuditChain()
    return [
        c.append(
            alert_id=f"{writer}-alert-{i}",
            topic="alerts.secret",
            classification="SECRET",
            precedence="FLASH",
            models=("m@abc",),
            published_at=NOW.isoformat(),
        ).to_json()
        for i in range(n)
    ]


def interleaved() -> list[tuple[bytes, bytes]]:
    a, b = chain(5, "w1"), chain(4, "w2")
    out: list[tuple[bytes, bytes]] = []
    for i in range(5):
        out.append((b"w1", a[i]))
        if i < 4:
            out.append((b"w2", b[i]))
    return out


def test_two_writers_interleaved_verify_per_writer() -> None:
    reports = verify_chains(group_by_writer(interleaved()))
    assert [(r.writer, r.entries, r.ok) for r in reports] == [("w1", 5, True), ("w2", 4, True)]
    assert reports[0].line() == "OK      w1: 5 entries"


@pytest.mark.parametrize(
    ("tamper", "index", "words"),
    [
        ("remove", 2, "removed or reordered"),
        ("reorder", 1, "removed or reordered"),
        ("alter", 3, "altered"),
        ("truncate-head", 0, "removed or reordered"),
        ("garbage", 2, "unreadable"),
    ],
)
def test_each_kind_of_tampering_breaks_only_its_own_chain(tamper: str, index: int, words: str) -> None:
    chains = group_by_writer(interleaved())
    w1 = chains["w1"]
    if tamper == "remove":
        del w1[2]
    elif tamper == "reorder":
        w1[1], w1[2] = w1[2], w1[1]
    elif tamper == "alter":
        entry = json.loads(w1[3])
        entry["classification"] = "UNCLASSIFIED"  # a relabelled publication
        w1[3] = json.dumps(entry).encode()
    elif tamper == "truncate-head":
        del w1[0]
    elif tamper == "garbage":
        w1[2] = b"not json"
    reports = {r.writer: r for r in verify_chains(chains)}
    assert reports["w2"].ok
    broken = reports["w1"]
    assert broken.problem is not None and broken.problem.index == index and words in broken.problem.problem
    assert broken.line().startswith("BROKEN  w1: entry")


def test_dump_round_trips_and_the_cli_verifies_a_dump(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [dump_line(k.decode(), v) for k, v in interleaved()]
    path = tmp_path / "audit.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert parse_dump(path.read_text().splitlines()) == group_by_writer(interleaved())
    assert main(["audit", "verify", "--input", str(path)]) == 0
    assert "OK      w1: 5 entries" in capsys.readouterr().out
    altered = [json.loads(line) for line in lines]
    altered[4]["entry"]["topic"] = "alerts.unclassified"
    path.write_text("\n".join(json.dumps(a) for a in altered) + "\n")
    assert main(["audit", "verify", "--input", str(path)]) == 6
    out = capsys.readouterr().out
    assert "BROKEN  w1: entry 2 (seq 3) of 5: entry_hash does not match its content (altered)" in out
    assert "OK      w2: 4 entries" in out


def test_writer_ids_are_unique_per_run_and_name_the_worker() -> None:
    s = Settings.from_env({}, worker_id="worker-a")
    a, b = writer_id(s, NOW), writer_id(s, NOW)
    assert a != b and a.startswith("worker-a.20261126T140000Z-")


def test_the_audit_follows_sealing_unless_set(tmp_path: Path) -> None:
    assert not audit_enabled(Settings.from_env({}))
    assert audit_enabled(Settings.from_env({}, keyring_file=tmp_path / "k.json"))
    assert audit_enabled(Settings.from_env({"TRIAGE_AUDIT_ENABLED": "true"}))
    assert not audit_enabled(Settings.from_env({"TRIAGE_AUDIT_ENABLED": "no"}, keyring_file=tmp_path / "k.json"))


# --- the publishing path, with a stand-in for the Faust app ---------------------------------------


@dataclass
class FakeProducer:
    """Records what the publisher hands the producer; every send is acknowledged at once."""

    sent: list[dict[str, Any]] = field(default_factory=list)

    async def send(
        self, topic: str, value: bytes, key: bytes | None = None, headers: Any = None
    ) -> asyncio.Future[None]:
        self.sent.append({"topic": topic, "key": key, "value": value, "headers": headers})
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


def outputs_with(settings: Settings) -> tuple[Outputs, FakeProducer]:
    producer = FakeProducer()
    publisher = Publisher(settings, TopicNames.of(settings), Metrics(), producer)  # type: ignore[arg-type]
    return Outputs(publisher), producer


def alert(level: Classification, mid: str = "alert-1", topic: str | None = None) -> Publication:
    headers = (
        ("precedence", b"FLASH"),
        ("category", b"attack"),
        ("classification", level.value.encode()),
        ("model", b"m@abc"),
        ("schema_version", b"1"),
    )
    return Publication(
        topic=topic or f"alerts.{level.topic_suffix}",
        key=mid.encode(),
        message_id=mid,
        classification=level,
        precedence="FLASH",
        models=("m@abc",),
        payload=b'{"a": 1}',
        headers=headers,
    )


def publish_all(outputs: Outputs, pubs: list[Publication]) -> None:
    async def run() -> None:
        for pub in pubs:
            await outputs.publish(pub)

    asyncio.run(run())


def test_plaintext_default_sends_exactly_what_it_always_did() -> None:
    outputs, app = outputs_with(Settings.from_env({}))
    assert outputs.publisher.sealer is None and outputs.publisher.audit is None
    pub = alert(Classification.SECRET)
    publish_all(outputs, [pub])
    assert app.sent == [
        {"topic": "alerts.secret", "key": b"alert-1", "value": b'{"a": 1}', "headers": list(pub.headers)}
    ]


def test_sealed_and_audited_when_configured(tmp_path: Path) -> None:
    keys = write_key_set(tmp_path / "keys", "worker-k1")
    settings = Settings.from_env(
        {},
        keyring_file=keys["keyring"],
        signing_key_file=keys["signing_key"],
        signing_key_id="worker-k1",
        worker_id="w",
    )
    outputs, app = outputs_with(settings)
    pubs = [
        alert(Classification.SECRET, "a1"),
        alert(Classification.RESTRICTED, "a2"),
        alert(Classification.SECRET, "a3"),
    ]
    publish_all(outputs, pubs)
    alerts = [m for m in app.sent if m["topic"] != "audit"]
    audit = [m for m in app.sent if m["topic"] == "audit"]
    assert len(alerts) == 3 and len(audit) == 3
    opener = Opener.from_settings(
        Settings.from_env({}, keyring_file=keys["keyring"], verify_keys_file=keys["verify_keys"])
    )
    for m in alerts:
        assert m["value"] != b'{"a": 1}' and opener.open(m["topic"], m["value"], m["headers"]) == b'{"a": 1}'
    assert {m["key"] for m in audit} == {outputs.publisher.audit.writer.encode()}  # type: ignore[union-attr]
    entries = [parse_entry(m["value"]) for m in audit]
    assert [(e.alert_id, e.topic, e.classification, e.precedence, e.models) for e in entries if e] == [
        ("a1", "alerts.secret", "SECRET", "FLASH", ("m@abc",)),
        ("a2", "alerts.restricted", "RESTRICTED", "FLASH", ("m@abc",)),
        ("a3", "alerts.secret", "SECRET", "FLASH", ("m@abc",)),
    ]
    assert all(r.ok for r in verify_chains(group_by_writer((m["key"], m["value"]) for m in audit)))
    # A holder of RESTRICTED only: the SECRET ones are refused.
    restricted = Opener.from_settings(
        Settings.from_env({}, keyring_file=keys["keyring-restricted"], verify_keys_file=keys["verify_keys"])
    )
    outcomes = [restricted.open(m["topic"], m["value"], m["headers"]) for m in alerts]
    assert [isinstance(o, Rejection) for o in outcomes] == [True, False, True]


def test_a_write_down_is_refused_before_anything_is_sent() -> None:
    settings = Settings.from_env({}, audit_enabled=True)
    outputs, app = outputs_with(settings)
    with pytest.raises(WriteDown):
        publish_all(outputs, [alert(Classification.SECRET, topic="alerts.confidential")])
    assert app.sent == []


def test_alert_payloads_are_the_bytes_the_pipeline_always_sent() -> None:
    """Alerts used to go through a Faust topic typed TriagedReport: compact JSON in field order, ASCII-escaped,
    UTC times with 'Z'. The plain records must send the same bytes."""
    import json

    from test_no_write_down import report

    from pipeline.routing import for_report
    from schemas.vocab import Precedence

    r = report(1, Classification.SECRET, Precedence.FLASH)
    pubs = for_report(TopicNames.of(Settings.from_env({})), r)
    assert [p.topic for p in pubs] == ["alerts.secret", "flash.secret"]
    expected = json.dumps(json.loads(r.dumps()), separators=(",", ":")).encode()
    assert all(p.payload == expected == r.dumps() for p in pubs)
    assert b'"received_at":"' in expected and b'Z"' in expected and b": " not in expected
    assert list(pubs[0].headers) == [
        ("precedence", b"FLASH"),
        ("category", b"attack"),
        ("classification", b"SECRET"),
        ("model", b"triage-default@abababababab"),
        ("schema_version", b"2"),
    ]
