"""The streaming pipeline on the real broker, with the default model: routing, no loss under SIGKILL."""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

import pytest
from conftest import ARTIFACTS, Pipeline, read_topic, read_until_reports

pytestmark = pytest.mark.kafka

LEVELS = ["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"]
TEXTS = [
    "TIC at 31U GR 1033 3897 vic Wiltz, taking heavy fire, 2 WIA, request QRF. {i}",
    "2x BMP-2 moving north on N7 vic Ettelbruck at {dtg}. {i}",
    "NSTR. Patrol {i} returned to base, all quiet.",
    "Drohnen im Anflug auf Diekirch, Luftalarm! Meldung {i}",
    "Deux camions de ravitaillement bloqués au pont de Vianden, route N17 coupée. {i}",
    "GPS jamming reported near Clervaux since 0600Z, {i} vehicles affected.",
    "Chemical release reported at Echternach, soldiers coughing, masks on. {i}",
    "Réfugiés: 40 familles arrivent à Arlon, besoin d'eau et d'abris. {i}",
]


def make_reports(n: int, malformed_every: int, seed: int = 1) -> tuple[list[bytes], set[str], int]:
    rng = random.Random(seed)
    # Date-time groups relative to the clock, never a fixed date that ages (the suite went red by itself once).
    dtg = (datetime.now(UTC) - timedelta(minutes=20)).strftime("%d%H%MZ%b%y").upper()
    out: list[bytes] = []
    valid: set[str] = set()
    bad = 0
    for i in range(n):
        if malformed_every and i % malformed_every == 0:
            out.append(rng.choice([b"{not json", b'{"report_id": "x"}', b"[1]", b"\xff\xfe"]))
            bad += 1
            continue
        rid = f"s-{seed}-{i:05d}"
        valid.add(rid)
        out.append(
            json.dumps(
                {
                    "report_id": rid,
                    "source": {"unit": f"unit {i % 5}", "reliability": "ABC"[i % 3]},
                    "credibility": 1 + i % 3,
                    "classification": LEVELS[i % 4],
                    "text": TEXTS[i % len(TEXTS)].format(i=i, dtg=dtg),
                }
            ).encode()
        )
    return out, valid, bad


def produce(bootstrap: str, topic: str, payloads: list[bytes], rate: float = 0.0) -> None:
    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5)
    started = time.monotonic()
    for i, payload in enumerate(payloads):
        producer.send(topic, payload)
        if rate:
            delay = started + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
    producer.flush()
    producer.close()


def expected_topics(p: Pipeline, classification: str, precedence: str) -> set[str]:
    level = classification.lower()
    topics = {p.topic("reports.triaged")}
    if precedence != "ROUTINE":
        topics.add(p.topic(f"alerts.{level}"))
    if precedence == "FLASH":
        topics.add(p.topic(f"flash.{level}"))
    return topics


def all_output_topics(p: Pipeline) -> list[str]:
    return [p.topic("reports.triaged")] + [
        p.topic(f"{kind}.{lvl.lower()}") for kind in ("alerts", "flash") for lvl in LEVELS
    ]


def test_5000_reports_routed_by_classification_and_precedence(pipeline: Pipeline, start_worker) -> None:
    payloads, valid, bad = make_reports(5000, malformed_every=50)
    worker = start_worker()
    produce(pipeline.broker.bootstrap, pipeline.topic("reports.raw"), payloads)

    seen_on: dict[str, set[str]] = defaultdict(set)
    by_alert: dict[str, dict] = {}
    raw_count = 0
    for topic in all_output_topics(pipeline):
        expected = len(valid) if topic.endswith("reports.triaged") else 1
        for rec in read_topic(pipeline.broker.bootstrap, topic, expected, timeout=240, settle=3):
            value = json.loads(rec.value)
            headers = dict(rec.headers)
            assert rec.key.decode() == value["alert_id"]
            assert headers["precedence"].decode() == value["precedence"]
            assert headers["classification"].decode() == value["classification"]
            seen_on[value["alert_id"]].add(topic)
            by_alert[value["alert_id"]] = value
            raw_count += 1
    report_ids = {v["report_id"] for v in by_alert.values()}
    assert report_ids == valid
    precedences = Counter(v["precedence"] for v in by_alert.values())
    assert set(precedences) >= {"FLASH", "IMMEDIATE", "ROUTINE"}, precedences
    for alert_id, topics in seen_on.items():
        v = by_alert[alert_id]
        assert topics == expected_topics(pipeline, v["classification"], v["precedence"]), (v["report_id"], topics)
    dead = read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.deadletter"), bad, timeout=60)
    assert len({(json.loads(r.value)["partition"], json.loads(r.value)["offset"]) for r in dead}) == bad
    assert all(json.loads(r.value)["reason"] for r in dead)
    assert worker.alive()


def test_sigkill_workers_mid_stream_loses_nothing(pipeline: Pipeline, start_worker) -> None:
    payloads, valid, bad = make_reports(3000, malformed_every=100, seed=2)
    workers = [start_worker(), start_worker()]
    producer = threading.Thread(
        target=produce, args=(pipeline.broker.bootstrap, pipeline.topic("reports.raw"), payloads, 150.0)
    )
    producer.start()
    kills = 0
    for victim in (0, 1, 0):
        time.sleep(4)
        workers[victim].proc.kill()
        workers[victim].proc.wait()
        kills += 1
        workers[victim] = start_worker()
    producer.join()

    # Re-deliveries after each kill add repeats: wait for every report id, not for a count of records.
    triaged = read_until_reports(pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), valid, timeout=300)
    values = [json.loads(r.value) for r in triaged]
    alert_ids = Counter(v["alert_id"] for v in values)
    report_of = {}
    for v in values:
        assert report_of.setdefault(v["alert_id"], v["report_id"]) == v["report_id"]
    assert not valid - {v["report_id"] for v in values}, (
        f"reports lost: {sorted(valid - {v['report_id'] for v in values})[:20]}"
    )
    duplicates = sum(n - 1 for n in alert_ids.values())
    dead = read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.deadletter"), bad, timeout=60)
    dead_sources = {(json.loads(r.value)["partition"], json.loads(r.value)["offset"]) for r in dead}
    assert len(dead_sources) == bad
    ARTIFACTS.mkdir(exist_ok=True)
    result = {
        "reports": len(payloads),
        "valid": len(valid),
        "malformed": bad,
        "sigkills": kills,
        "triaged_messages": len(values),
        "raw_duplicates": duplicates,
        "deadletter_messages": len(dead),
        "deadletter_duplicates": len(dead) - len(dead_sources),
    }
    (ARTIFACTS / "kill-test.json").write_text(json.dumps(result, indent=2))
    print(f"kill test: {result}")
    assert all(w.alive() for w in workers)
