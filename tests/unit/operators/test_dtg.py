"""Date-time groups: formats, time zones, languages, inference, rejection and totality."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operators.entities.dtg import (
    ZONE_OFFSET_HOURS,
    find_dtgs,
    format_dtg,
    parse_dtg,
    staleness_s,
)

REF = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    "raw",
    ["261430ZNOV26", "261430Z NOV 26", "261430Z NOV2026", "261430ZNOV 2026", "261430z nov 26", "261430Z NOV. 26"],
)
def test_full_groups(raw: str) -> None:
    assert parse_dtg(raw, REF) == utc(2026, 11, 26, 14, 30)


def test_seconds() -> None:
    assert parse_dtg("26143015Z NOV 26", REF) == utc(2026, 11, 26, 14, 30, 15)


@pytest.mark.parametrize(("letter", "hours"), sorted(ZONE_OFFSET_HOURS.items()))
def test_zone_letters(letter: str, hours: int) -> None:
    assert parse_dtg(f"151200{letter} JUN 26", REF) == utc(2026, 6, 15, 12) - timedelta(hours=hours)


def test_zone_letter_table() -> None:
    assert "J" not in ZONE_OFFSET_HOURS
    assert [ZONE_OFFSET_HOURS[letter] for letter in "AMNYZ"] == [1, 12, -1, -12, 0]
    assert parse_dtg("151200J JUN 26", REF) is None


@pytest.mark.parametrize(
    ("month", "number"),
    [
        ("JAN", 1),
        ("FEV", 2),
        ("FÉV", 2),
        ("MRZ", 3),
        ("MÄR", 3),
        ("MARS", 3),
        ("AVR", 4),
        ("MAI", 5),
        ("MAY", 5),
        ("JUIN", 6),
        ("JUIL", 7),
        ("AOU", 8),
        ("AOÛT", 8),
        ("SEPT", 9),
        ("OKT", 10),
        ("OCT", 10),
        ("DEZ", 12),
        ("DÉC", 12),
        ("déc", 12),
    ],
)
def test_french_and_german_months(month: str, number: int) -> None:
    assert parse_dtg(f"051200Z {month} 26", REF) == utc(2026, number, 5, 12)


def test_month_and_year_inferred() -> None:
    assert parse_dtg("251430Z", REF) == utc(2026, 11, 25, 14, 30)
    # A little ahead of the reference is still this month (clock skew, planned events).
    assert parse_dtg("261430Z", REF) == utc(2026, 11, 26, 14, 30)
    # Well ahead of the reference means last month.
    assert parse_dtg("281430Z", REF) == utc(2026, 10, 28, 14, 30)
    # Day 31 does not exist in November: the latest month that has it.
    assert parse_dtg("311200Z", REF) == utc(2026, 10, 31, 12)
    assert parse_dtg("301200Z", datetime(2026, 3, 5, tzinfo=UTC)) == utc(2026, 1, 30, 12)


def test_year_inferred() -> None:
    assert parse_dtg("011200Z DEC", REF) == utc(2025, 12, 1, 12)
    assert parse_dtg("011200Z NOV", REF) == utc(2026, 11, 1, 12)
    assert parse_dtg("290000Z FEB", REF) == utc(2024, 2, 29)


def test_two_digit_year_nearest_century() -> None:
    assert parse_dtg("011200Z JAN 99", REF) == utc(1999, 1, 1, 12)


def test_inferred_flag() -> None:
    groups = find_dtgs("at 251430Z and 251430Z NOV 26", REF)
    assert [(g.raw, g.inferred) for g in groups] == [("251430Z", True), ("251430Z NOV 26", False)]


@pytest.mark.parametrize(
    "junk",
    [
        "321200Z NOV 26",
        "001200Z NOV 26",
        "262500Z NOV 26",
        "262400Z NOV 26",
        "261260Z NOV 26",
        "2614306 0Z",
        "301200Z FEB 26",
        "290000Z FEB 25",
        "311200Z APR 26",
        "321200Z",
        "26143061Z NOV 26",
        "261430",
        "261430J",
        "261430Z XYZ 26",
        "x261430Z",
        "261430ZZ",
        "261430Z NOV 26X",
        "2614301Z",
        "+352 261430",
        "",
    ],
)
def test_impossible_or_malformed_groups_are_rejected(junk: str) -> None:
    assert parse_dtg(junk, REF) is None


def test_find_dtgs_offsets() -> None:
    text = "T: 261430ZNOV26\nREPORTED 261500Z BY OP"
    groups = find_dtgs(text, REF)
    assert [text[g.start : g.end] for g in groups] == ["261430ZNOV26", "261500Z"]
    assert [g.utc for g in groups] == [utc(2026, 11, 26, 14, 30), utc(2026, 11, 26, 15)]


def test_naive_reference_is_utc() -> None:
    assert parse_dtg("251430Z", REF.replace(tzinfo=None)) == utc(2026, 11, 25, 14, 30)


def test_non_text_is_rejected() -> None:
    assert parse_dtg(None, REF) is None  # type: ignore[arg-type]
    assert find_dtgs(261430, REF) == []  # type: ignore[arg-type]
    assert find_dtgs("261430Z", "yesterday") == []  # type: ignore[arg-type]


def test_format_dtg() -> None:
    assert format_dtg(utc(2026, 11, 26, 14, 30)) == "261430Z NOV 26"
    assert format_dtg(utc(2026, 11, 26, 14, 30, 5), zone="A", seconds=True, year_digits=4) == "26153005A NOV 2026"
    with pytest.raises(ValueError):
        format_dtg(REF, zone="J")


def test_staleness() -> None:
    assert staleness_s(utc(2026, 11, 26, 9), REF) == 3600.0
    assert staleness_s(utc(2026, 11, 26, 11), REF) == -3600.0
    assert staleness_s(datetime(2026, 11, 26, 9), REF) == 3600.0


_letters = st.sampled_from(sorted(ZONE_OFFSET_HOURS))
_moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(UTC)).map(
    lambda d: d.replace(microsecond=0)
)


def _restyle(dtg: str, style: int) -> str:
    if style == 1:
        return dtg.replace(" ", "")
    if style == 2:
        return dtg.lower()
    if style == 3:
        head, month, year = dtg.split(" ")
        return f"{head}{month} {year}"
    return dtg


@settings(max_examples=200, deadline=None)
@given(
    moment=_moments,
    letter=_letters,
    seconds=st.booleans(),
    year_digits=st.sampled_from([2, 4]),
    style=st.integers(0, 3),
    drift_days=st.integers(-3000, 3000),
)
def test_round_trip(
    moment: datetime, letter: str, seconds: bool, year_digits: int, style: int, drift_days: int
) -> None:
    if not seconds:
        moment = moment.replace(second=0)
    reference = moment + timedelta(days=drift_days)  # two-digit years resolve within +-50 years
    text = _restyle(format_dtg(moment, zone=letter, seconds=seconds, year_digits=year_digits), style)
    assert parse_dtg(text, reference) == moment
    assert parse_dtg(f"  {text} ", reference) == moment
    groups = find_dtgs(f"T: {text}, reported", reference)
    assert [(g.raw, g.utc, g.inferred) for g in groups] == [(text, moment, False)]


@settings(max_examples=200, deadline=None)
@given(reference=_moments, back=st.integers(0, 25 * 24 * 60), letter=_letters)
def test_round_trip_without_month(reference: datetime, back: int, letter: str) -> None:
    moment = (reference - timedelta(minutes=back)).replace(second=0)
    head = format_dtg(moment, zone=letter).split(" ")[0]
    assert parse_dtg(head, reference) == moment


@settings(max_examples=300, deadline=None)
@given(text=st.text(), reference=st.datetimes(timezones=st.none() | st.just(UTC)))
def test_arbitrary_text_never_raises(text: str, reference: datetime) -> None:
    for group in find_dtgs(text, reference):
        assert group.raw == text[group.start : group.end]
        assert group.utc.tzinfo is not None
    parse_dtg(text, reference)


@settings(max_examples=300, deadline=None)
@given(
    text=st.from_regex(r"[0-9]{6,8}[A-Za-z] ?(JAN|FEB|MRZ|AOÛT|DEC|XYZ)? ?[0-9]{0,4}", fullmatch=True),
    reference=st.datetimes(timezones=st.just(UTC)),
)
def test_dtg_shaped_junk_never_raises(text: str, reference: datetime) -> None:
    parse_dtg(text, reference)


def test_bare_utc_time_of_day_resolves_to_the_latest_past_occurrence() -> None:
    ref = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
    assert parse_dtg("0900Z", ref) == datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    assert parse_dtg("2330Z", ref) == datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    assert parse_dtg("1830Z", ref) == datetime(2026, 11, 27, 18, 30, tzinfo=UTC)  # within the hour of skew
    for junk in ("2460Z", "0960Z", "A0900Z", "0900ZULU", "1430A"):
        assert parse_dtg(junk, ref) is None


def test_spaced_forms() -> None:
    # A space between day and time is a DTG only when a month follows; a space before Z is a Zulu time.
    [full] = find_dtgs("at 17 0130Z JUN 25 obs", REF)
    assert (full.raw, full.utc) == ("17 0130Z JUN 25", datetime(2025, 6, 17, 1, 30, tzinfo=UTC))
    [time_only] = find_dtgs("12 1445Z, 3 pax", REF)
    assert time_only.raw == "1445Z"
    [spaced_z] = find_dtgs("contact 0930 Z", REF)
    assert (spaced_z.raw, spaced_z.utc) == ("0930 Z", datetime(2026, 11, 26, 9, 30, tzinfo=UTC))
