"""The ack guard against the installed Faust: no commit ever passes a record that was not processed."""

from __future__ import annotations

import faust
from faust.types import TP
from faust.types.tuples import Message

from pipeline.acks import AckGuard

TOPIC = "reports.raw"
TPART = TP(TOPIC, 0)


def _app() -> faust.App:
    app = faust.App("acks-test", broker="kafka://127.0.0.1:1", store="memory://", web_enabled=False)
    app.topics.acking_topics.add(TOPIC)  # as the conductor marks a topic an agent consumes
    app.consumer_generation_id = 5
    app.flow_control.resume()
    return app


def _message(offset: int, generation: int = 5) -> Message:
    return Message(TOPIC, 0, offset, 0.0, 0, None, b"k", b"v", None, tp=TPART, generation_id=generation)


def _committable(app: faust.App) -> int | None:
    result: int | None = app.consumer._new_offset(TPART)
    return result


def test_stale_generation_acks_are_refused_and_do_not_advance_the_commit() -> None:
    app = _app()
    guard = AckGuard(app)
    guard.install()
    app.consumer._committed_offset[TPART] = 100
    # Prefetched before the rebalance (generation 4): skipped by the stream and acked by Faust.
    for offset in range(100, 150):
        assert app.consumer.ack(_message(offset, generation=4)) is False
    assert guard.refused == 50
    assert _committable(app) is None


def test_acks_during_a_rebalance_are_refused() -> None:
    app = _app()
    AckGuard(app).install()
    app.flow_control.suspend()
    assert app.consumer.ack(_message(7)) is False
    app.flow_control.resume()
    assert app.consumer.ack(_message(8)) is True


def test_a_held_record_blocks_the_commit_until_released_and_acked_again() -> None:
    app = _app()
    guard = AckGuard(app)
    guard.install()
    app.consumer._committed_offset[TPART] = 10
    held = _message(10)
    guard.hold(held)
    # The agent's body failed or was cancelled: Faust acks the buffer anyway.
    assert app.consumer.ack(held) is False
    for offset in range(11, 20):
        assert app.consumer.ack(_message(offset)) is True
    # Faust's own check lets a commit skip exactly one unacked record at the head: the guard does not.
    assert _committable(app) is None
    # Fetched again after the seek (a new message object), processed, released and acked.
    again = _message(10)
    guard.release(again)
    assert app.consumer.ack(again) is True
    assert _committable(app) == 20


def test_ordinary_acks_commit_as_before() -> None:
    app = _app()
    AckGuard(app).install()
    app.consumer._committed_offset[TPART] = 0
    for offset in range(0, 5):
        app.consumer.ack(_message(offset))
    # committed 0 reads as "never committed" in Faust; the consecutive run from the head commits.
    assert _committable(app) == 5


def test_without_the_guard_faust_commits_past_records_it_never_processed() -> None:
    """The defect the guard exists for, shown on the installed Faust. If this starts failing, Faust
    changed these internals: re-read pipeline/acks.py before upgrading."""
    app = _app()
    app.consumer._committed_offset[TPART] = 100
    for offset in range(100, 150):
        app.consumer.ack(_message(offset, generation=4))  # stale: skipped by the stream, never processed
    assert _committable(app) == 150
    head_gap = _app()
    head_gap.consumer._committed_offset[TPART] = 10
    for offset in range(11, 20):
        head_gap.consumer.ack(_message(offset))
    assert _committable(head_gap) == 20  # record 10 was never acked


def test_the_gap_filler_cannot_commit_past_a_record_a_stream_still_has() -> None:
    app = _app()
    AckGuard(app).install()
    consumer = app.consumer
    consumer._committed_offset[TPART] = 10
    for offset in (10, 11):
        consumer.ack(_message(offset))
    in_flight = _message(12)
    consumer._unacked_messages.add(in_flight)  # delivered to the agent, not acked yet
    consumer._gap[TPART].addi(12, 15)  # Faust thinks 12-14 are a gap in the log
    assert _committable(app) == 12


def test_a_head_that_stays_unacked_is_read_again_from_the_commit() -> None:
    app = _app()
    guard = AckGuard(app, heal_after_s=0.0)
    guard.install()
    app.consumer._committed_offset[TPART] = 274
    app.consumer.ack(_message(275))  # 274 was dropped from the stream's queue, never acked
    assert _committable(app) is None
    assert _committable(app) is None
    assert guard.heals >= 1
