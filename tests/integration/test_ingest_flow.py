"""Against the real broker: every input ends up triaged or dead-lettered with its reason."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from conftest import Pipeline, read_topic

pytestmark = pytest.mark.kafka


def valid(i: int) -> bytes:
    return json.dumps(
        {
            "report_id": f"rpt-{i:05d}",
            "source": {"unit": f"unit-{i % 7}", "reliability": "ABCDEF"[i % 6]},
            "credibility": 1 + i % 6,
            "classification": ["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"][i % 4],
            "text": f"Report {i}: 2x BMP-2 moving north on N7 vic Ettelbruck.",
        }
    ).encode()


def malformed(kind: str, i: int) -> bytes:
    base = json.loads(valid(100_000 + i))
    if kind == "invalid_utf8":
        return b'{"report_id": "\xff\xfe"}'
    if kind == "invalid_json":
        return b'{"report_id": "x", "text": '
    if kind == "not_an_object":
        return b'["report", 1]'
    if kind == "missing_field":
        del base[["report_id", "source", "classification", "text"][i % 4]]
    elif kind == "wrong_type":
        base["credibility"] = "high"
    elif kind == "unknown_classification":
        base["classification"] = "COSMIC TOP SECRET"
    elif kind == "empty_text":
        base["text"] = "   "
    elif kind == "text_too_long":
        base["text"] = "x" * 20_001
    elif kind == "invalid_value":
        base["source"]["reliability"] = "Q"
    elif kind == "message_too_large":
        base["padding"] = "y" * 1_100_000
    return json.dumps(base).encode()


KINDS = [
    "invalid_utf8",
    "invalid_json",
    "not_an_object",
    "missing_field",
    "wrong_type",
    "unknown_classification",
    "empty_text",
    "text_too_long",
    "invalid_value",
    "message_too_large",
]


def test_1000_reports_100_malformed_all_accounted_for(pipeline: Pipeline, start_worker) -> None:
    items = [("ok", valid(i)) for i in range(900)] + [(k, malformed(k, i)) for k in KINDS for i in range(10)]
    random.Random(7).shuffle(items)
    worker = start_worker()

    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=pipeline.broker.bootstrap, acks="all", max_request_size=3_000_000)
    for _, payload in items:
        producer.send(pipeline.topic("reports.raw"), payload)
    producer.flush()
    producer.close()

    triaged = read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), 900, timeout=120)
    dead = read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.deadletter"), 100, timeout=60)

    ids = [json.loads(r.value)["report_id"] for r in triaged]
    assert len(ids) == 900 and len(set(ids)) == 900
    assert set(ids) == {f"rpt-{i:05d}" for i in range(900)}

    reasons = Counter(json.loads(r.value)["reason"] for r in dead)
    assert reasons == Counter(dict.fromkeys(KINDS, 10))
    for r in dead:
        letter = json.loads(r.value)
        assert letter["topic"] == pipeline.topic("reports.raw") and letter["detail"] and letter["payload_b64"]
    assert worker.alive(), worker.text()[-2000:]
