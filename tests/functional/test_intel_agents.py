"""The intel agents (pipeline/intel.py) in memory: correlation into the events table, what they
publish and at which level, briefings and expiry through the stream's ticks, malformed input, a
restored table, and the Parquet archive. No broker; see intel_memory.py for the harness."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from operators.correlate import event_id_for
from operators.sinks.archive import read_archive
from pipeline.publisher import outputs_for
from schemas.vocab import Classification

from .intel_memory import BASE, LUXEMBOURG, NEAR_WILTZ, Intel, triaged

Run = Callable[[Coroutine[Any, Any, None]], None]
MakeIntel = Callable[..., Intel]
MIN = timedelta(minutes=1)
LEVELS = list(Classification)


def test_a_triaged_report_makes_an_event_and_publishes_it_at_its_level(intel: MakeIntel, run: Run) -> None:
    async def scenario() -> None:
        h = intel()
        report = triaged("r-1", unit="2-RECCE", classification="SECRET", precedence="IMMEDIATE")
        async with h.correlate.test_context() as agent:
            await h.report(agent, report)

        event_id = event_id_for(report.alert_id)
        table = h.table()
        assert list(table) == [event_id]
        event = table[event_id]
        assert [m["report_id"] for m in event["members"]] == ["r-1"]
        assert event["sources"] == ["2-RECCE"]
        assert (event["classification"], event["precedence"], event["place"]) == ("SECRET", "IMMEDIATE", "Wiltz")

        # One publication, on the events topic of the event's own level, with the table's content;
        # sent while the input record was still held (acked only after delivery).
        (sent,) = h.producer.sent
        assert sent.topic == h.names.events[Classification.SECRET] == "ft.events.secret"
        assert sent.key == event_id.encode()
        assert sent.json() == event
        assert sent.held
        assert not h.guard.holding()

    run(scenario())


def test_corroborating_reports_join_one_event_and_a_distant_one_stays_apart(intel: MakeIntel, run: Run) -> None:
    async def scenario() -> None:
        h = intel()
        first = triaged("r-1", unit="2-RECCE", reliability="B", credibility=3, classification="SECRET")
        second = triaged(
            "r-2",
            unit="UAV-7",  # another source, 2 km away, 20 minutes later, a compatible category
            reliability="C",
            credibility=3,
            classification="CONFIDENTIAL",
            category="enemy_movement",
            received_at=BASE + 20 * MIN,
            location=NEAR_WILTZ,
        )
        distant = triaged("r-3", unit="POLICE", classification="UNCLASSIFIED", location=LUXEMBOURG)
        async with h.correlate.test_context() as agent:
            for report in (first, second, distant, second):  # r-2 delivered twice: at least once
                await h.report(agent, report)

        wiltz, luxembourg = event_id_for(first.alert_id), event_id_for(distant.alert_id)
        table = h.table()
        assert set(table) == {wiltz, luxembourg}
        joined = table[wiltz]
        assert joined["report_ids"] == ["r-1", "r-2"]  # the repeat did not add a member
        assert joined["sources"] == ["2-RECCE", "UAV-7"]
        assert joined["independent_sources"] == 2
        assert joined["credibility"] == 2  # two independent sources: one grade better than the best (3)
        assert joined["classification"] == "SECRET"  # the highest of its members'
        assert table[luxembourg]["report_ids"] == ["r-3"]

        # Every version of an event is published at the event's level; nothing goes below it.
        secret, unclassified = h.names.events[Classification.SECRET], h.names.events[Classification.UNCLASSIFIED]
        published = [(s.topic, s.key, s.json()["report_ids"]) for s in h.producer.sent]
        assert published == [
            (secret, wiltz.encode(), ["r-1"]),
            (secret, wiltz.encode(), ["r-1", "r-2"]),
            (unclassified, luxembourg.encode(), ["r-3"]),
            (secret, wiltz.encode(), ["r-1", "r-2"]),
        ]

    run(scenario())


def test_a_tick_briefs_every_level_and_never_shows_an_event_above_it(intel: MakeIntel, run: Run) -> None:
    async def scenario() -> None:
        h = intel()
        secret = triaged("r-s", unit="2-RECCE", classification="SECRET", precedence="FLASH")
        open_ = triaged("r-u", unit="POLICE", classification="UNCLASSIFIED", precedence="PRIORITY", location=LUXEMBOURG)
        routine = triaged("r-r", unit="POLICE", classification="UNCLASSIFIED", precedence="ROUTINE", category="routine")
        async with h.correlate.test_context() as agent:
            for report in (secret, open_, routine):
                await h.report(agent, report)
            assert len(h.producer.sent) == 2  # a routine report makes no event
            h.producer.sent.clear()
            await h.tick(agent, BASE + 30 * MIN)
            first = {level: h.sent_to(h.names.briefings[level]) for level in LEVELS}
            await h.tick(agent, BASE + 35 * MIN)

        s_event, u_event = event_id_for(secret.alert_id), event_id_for(open_.alert_id)
        assert all(len(sent) == 1 for sent in first.values())  # one briefing per level, on its own topic
        briefings = {level: sent[0].json() for level, sent in first.items()}
        for level, briefing in briefings.items():
            assert briefing["level"] == level.value
            assert briefing["generated_at"] == (BASE + 30 * MIN).isoformat()  # the injected clock
            assert all(Classification(e["classification"]).rank <= level.rank for e in briefing["top_events"])
            assert first[level][0].key == briefing["briefing_id"].encode()

        unclassified, secret_b = briefings[Classification.UNCLASSIFIED], briefings[Classification.SECRET]
        assert [e["event_id"] for e in unclassified["top_events"]] == [u_event]
        assert (unclassified["reports_total"], unclassified["counts_by_category"]) == (2, {"attack": 1, "routine": 1})
        assert [e["event_id"] for e in secret_b["top_events"]] == [s_event, u_event]  # FLASH first
        assert secret_b["new_event_ids"] == [s_event, u_event] and secret_b["reports_total"] == 3

        # What the web page serves is what was published; the next briefing counts only what is new.
        latest = {level: h.sent_to(h.names.briefings[level])[-1].json() for level in LEVELS}
        assert all(h.state.latest[level].briefing_id == latest[level]["briefing_id"] for level in LEVELS)
        assert latest[Classification.SECRET]["new_event_ids"] == []
        assert latest[Classification.SECRET]["reports_total"] == 0
        assert [e["is_new"] for e in latest[Classification.SECRET]["top_events"]] == [False, False]
        assert not h.sent_to(h.names.events[Classification.SECRET])  # ticks publish briefings only

    run(scenario())


def test_an_event_expires_through_the_stream_once_older_than_the_retention(intel: MakeIntel, run: Run) -> None:
    async def scenario() -> None:
        h = intel(event_retention_s=3600.0)
        old = triaged("r-old", received_at=BASE)
        async with h.correlate.test_context() as agent:
            await h.report(agent, old)
            await h.tick(agent, BASE + 59 * MIN)
            assert list(h.table()) == [event_id_for(old.alert_id)] and h.state.expired_events == 0
            await h.tick(agent, BASE + 61 * MIN)
            assert h.table() == {} and h.state.expired_events == 1
            assert h.sent_to(h.names.briefings[Classification.SECRET])[-1].json()["events_total"] == 0
            # Still within the correlation window of the expired event, at the same place: were it
            # left in the agent's index, this report would join it instead of starting a new event.
            fresh = triaged("r-new", unit="UAV-7", received_at=BASE + 62 * MIN, location=NEAR_WILTZ)
            await h.report(agent, fresh)

        table = h.table()
        assert list(table) == [event_id_for(fresh.alert_id)]
        assert table[event_id_for(fresh.alert_id)]["report_ids"] == ["r-new"]

    run(scenario())


def test_malformed_records_on_the_events_input_are_skipped_with_a_reason_not_a_crash(
    intel: MakeIntel, run: Run, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="pipeline.intel")
    good = triaged("r-good")
    plain = json.loads(good.dumps())
    no_source = {k: v for k, v in plain.items() if k != "source"}
    no_source.update(report_id="r-bad-1", alert_id="alert-bad-1", text="CODEWORD-KESTREL at the bridge")
    bad_level = {**plain, "report_id": "r-bad-2", "alert_id": "alert-bad-2", "classification": "TOP-ISH"}

    async def scenario() -> None:
        h = intel()
        async with h.correlate.test_context() as agent:
            for key, value in (
                (b"all", b"\xff not json"),
                (b"all", b"[1, 2, 3]"),
                (b"all", json.dumps(no_source).encode()),
                (b"all", json.dumps(bad_level).encode()),
            ):
                await h.feed(agent, value, key)  # returns once the agent released the record
            assert h.table() == {} and h.producer.sent == []
            await h.report(agent, good)  # the agent is alive and correlates what follows
            assert list(h.table()) == [event_id_for(good.alert_id)]
            await h.tick(agent, BASE + 10 * MIN)

        assert not h.guard.holding()
        # Objects that are not reports are counted in the briefing, so the skip is not silent.
        secret = h.sent_to(h.names.briefings[Classification.SECRET])[-1].json()
        assert (secret["reports_total"], secret["skipped_reports"]) == (1, 2)

    run(scenario())
    warnings = [r.getMessage() for r in caplog.records if r.name == "pipeline.intel" and r.levelno == logging.WARNING]
    assert warnings == [
        "not correlated: missing_field (report r-bad-1)",
        "not correlated: unknown_classification (report r-bad-2)",
    ]
    assert "KESTREL" not in caplog.text  # the reason code and the id only, never the content


def test_a_restored_events_table_is_rebuilt_before_the_next_report(
    intel: MakeIntel, run: Run, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="pipeline.intel")
    first = triaged("r-1", unit="2-RECCE")
    second = triaged("r-2", unit="UAV-7", received_at=BASE + 15 * MIN, location=NEAR_WILTZ)

    async def scenario() -> None:
        before = intel("before")
        async with before.correlate.test_context() as agent:
            await before.report(agent, first)
        changelog = before.table()

        # Another worker takes the events input over: its table is recovered from the changelog
        # (written to the store, as recovery does), its in-memory index starts empty.
        after = intel("after")
        for key, value in changelog.items():
            after.events.data[key] = value
        async with after.correlate.test_context() as agent:
            await after.report(agent, second)

        event_id = event_id_for(first.alert_id)
        assert list(after.table()) == [event_id]
        assert after.table()[event_id]["report_ids"] == ["r-1", "r-2"]
        (sent,) = after.producer.sent
        assert sent.key == event_id.encode() and sent.json()["independent_sources"] == 2

    run(scenario())
    assert "events table restored: 1 events" in caplog.text


def test_the_archive_agent_writes_a_batch_to_parquet_by_date_and_level(
    intel: MakeIntel, run: Run, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.WARNING, logger="pipeline.intel")
    secret = triaged("r-s", classification="SECRET")
    open_ = triaged("r-u", classification="UNCLASSIFIED", received_at=BASE + 5 * MIN)
    archive = tmp_path / "archive"

    async def scenario() -> None:
        # A batch of 3 and a roll period far longer than the test: the batch is written when full.
        h = intel(archive_enabled=True, archive_batch=3, archive_roll_s=600.0, archive_dir=archive)
        records = [
            next(o for o in outputs_for(h.names, report) if o.topic == h.names.triaged) for report in (secret, open_)
        ]
        async with h.archive.test_context() as agent:
            for record in records:
                assert record.key is not None
                await h.feed(agent, record.value, record.key, released=0)
            assert not any(archive.rglob("*.parquet"))  # held in the batch, nothing released yet
            assert h.guard.released == 0
            await h.feed(agent, b"\x00 not a report", b"x", released=3)  # the batch is full: written
        assert not h.guard.holding()

    run(scenario())
    rows = read_archive(archive)
    assert [(r["report_id"], r["alert_id"]) for r in rows] == [("r-s", secret.alert_id), ("r-u", open_.alert_id)]
    parts = sorted(p.relative_to(archive).parent.as_posix() for p in archive.rglob("*.parquet"))
    assert parts == ["date=2031-03-14/classification=SECRET", "date=2031-03-14/classification=UNCLASSIFIED"]
    assert not any(p.name.startswith(".") for p in archive.rglob("*"))  # no half-written file left
    assert "not archived: unreadable record at offset 2" in caplog.text
