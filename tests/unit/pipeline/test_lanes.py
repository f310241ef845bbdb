"""The lanes' bookkeeping without a broker: committable offsets and the screen's commit metadata."""

from __future__ import annotations

from aiokafka import TopicPartition

from pipeline.lanes import OffsetBook, parse_screened, screen_payload, screened_metadata

TP = TopicPartition("reports.raw", 0)


def test_commits_stop_at_the_first_unfinished_record() -> None:
    book = OffsetBook()
    for offset in range(5):
        book.started(TP, offset)
    book.finished(TP, 0)
    book.finished(TP, 2)
    assert book.committable() == {TP: 1}
    book.committed({TP: 1})
    assert book.committable() == {}
    book.finished(TP, 1)
    assert book.committable() == {TP: 3}


def test_a_seeded_partition_has_a_position_before_anything_finishes() -> None:
    book = OffsetBook()
    assert book.position(TP) is None
    book.seed(TP, 120)
    assert book.position(TP) == 120
    assert book.committable() == {}  # nothing moved since the group's commit
    book.started(TP, 120)
    book.finished(TP, 120)
    assert book.committable() == {TP: 121}


def test_screened_metadata_round_trip_and_version_check() -> None:
    meta = screened_metadata(5000, "2026.12.1+abc")
    assert parse_screened(meta, "2026.12.1+abc") == 5000
    assert parse_screened(meta, "2026.12.2+def") is None  # another screen: forward again, never skip
    for junk in (None, "", "not json", "[1]", '{"screened": "x", "screen": "2026.12.1+abc"}'):
        assert parse_screened(junk, "2026.12.1+abc") is None


def test_screen_payload_reads_text_and_salute_and_ignores_malformed_input() -> None:
    screen = screen_payload(lambda text: "contact" in text, "v1")
    assert screen.version == "v1"
    assert screen(b'{"text": "troops in contact"}')
    assert screen(b'{"text": "", "salute": {"activity": "contact at the bridge"}}')
    assert not screen(b'{"text": "all quiet"}')
    for bad in (None, b"", b"not json", b"[1, 2]", b'{"text": 5}'):
        assert not screen(bad)


class _Record:
    def __init__(self, timestamp: int | None, headers: list[tuple[str, bytes]] | None = None) -> None:
        self.timestamp = timestamp
        self.headers = headers


def test_arrival_is_the_raw_records_timestamp_and_survives_the_forward_to_the_urgent_topic() -> None:
    from datetime import UTC, datetime

    from pipeline.lanes import RECEIVED_HEADER, _with_arrival, arrival

    raw = _Record(1_900_000_000_123, [("trace", b"x")])
    assert arrival(raw) == datetime.fromtimestamp(1_900_000_000.123, UTC)
    forwarded = _with_arrival(raw)
    assert forwarded == [("trace", b"x"), (RECEIVED_HEADER, b"1900000000123")]
    # On reports.urgent the record has the forward's own timestamp; the header wins.
    urgent = _Record(1_900_000_099_000, forwarded)
    assert arrival(urgent) == arrival(raw)
    # Forwarded twice (a rebalance): still one header, still the first arrival.
    assert _with_arrival(urgent) == forwarded
    # No usable time: None (the chain falls back to its clock), never an exception.
    assert arrival(_Record(None)) is None
    assert arrival(_Record(-1)) is None
    assert arrival(_Record(None, [(RECEIVED_HEADER, b"not a number")])) is None
    assert arrival(_Record(5, [(RECEIVED_HEADER, b"99999999999999999999999")])) is None
