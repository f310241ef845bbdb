"""NATO date-time groups (DDHHMM[SS]Z MON YY, also "DD HHMMZ MON YY") and Zulu times ("0900Z", "0900 Z") in free text, resolved to UTC.

Month and year left out of a group are inferred from a reference time. Nothing here raises.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

# Military time-zone letters: A..M east of Greenwich (J is local time and means nothing on
# the wire), N..Y west, Z for UTC.
ZONE_OFFSET_HOURS: Final[dict[str, int]] = {
    **{letter: hours for hours, letter in enumerate("ABCDEFGHI", start=1)},
    "K": 10,
    "L": 11,
    "M": 12,
    **{letter: -hours for hours, letter in enumerate("NOPQRSTUVWXY", start=1)},
    "Z": 0,
}

# Month abbreviations as written in English, French and German reports, keyed without accents.
MONTHS: Final[dict[str, int]] = {
    "JAN": 1,
    "JANV": 1,
    "JANVIER": 1,
    "JANUARY": 1,
    "JANUAR": 1,
    "JAEN": 1,
    "FEB": 2,
    "FEV": 2,
    "FEVR": 2,
    "FEVRIER": 2,
    "FEBRUARY": 2,
    "FEBRUAR": 2,
    "MAR": 3,
    "MARS": 3,
    "MRZ": 3,
    "MAER": 3,
    "MARCH": 3,
    "MAERZ": 3,
    "MARZ": 3,
    "APR": 4,
    "AVR": 4,
    "AVRIL": 4,
    "APRIL": 4,
    "MAY": 5,
    "MAI": 5,
    "JUN": 6,
    "JUIN": 6,
    "JUNE": 6,
    "JUNI": 6,
    "JUL": 7,
    "JUIL": 7,
    "JUILLET": 7,
    "JULY": 7,
    "JULI": 7,
    "AUG": 8,
    "AOU": 8,
    "AOUT": 8,
    "AUGUST": 8,
    "SEP": 9,
    "SEPT": 9,
    "SEPTEMBER": 9,
    "SEPTEMBRE": 9,
    "OCT": 10,
    "OKT": 10,
    "OCTOBER": 10,
    "OCTOBRE": 10,
    "OKTOBER": 10,
    "NOV": 11,
    "NOVEMBER": 11,
    "NOVEMBRE": 11,
    "DEC": 12,
    "DEZ": 12,
    "DECEMBER": 12,
    "DECEMBRE": 12,
    "DEZEMBER": 12,
}

# Fixed rather than calendar.month_abbr, which follows the process locale.
_ENGLISH_MONTHS: Final = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

# How far past the reference a group may lie when month or year is inferred. A report may
# name a time a little ahead of the receiving clock (skew, a planned event); beyond this the
# previous month or year is the likelier reading.
DEFAULT_FUTURE_TOLERANCE: Final = timedelta(days=1)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.upper())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _month_alternatives() -> str:
    # Accented spellings (FÉV, DÉC, MÄR, AOÛT) are matched as written; the key is folded later.
    spellings = set(MONTHS)
    spellings.update({"FÉV", "FÉVR", "FÉVRIER", "DÉC", "DÉCEMBRE", "MÄR", "MÄRZ", "AOÛ", "AOÛT", "JÄN"})
    return "|".join(re.escape(s) for s in sorted(spellings, key=lambda s: (-len(s), s)))


_DTG_PATTERN: Final = re.compile(
    r"(?<![0-9A-Za-z])"
    r"(?P<day>[0-9]{2})(?P<gap>[^\S\r\n])?(?P<hour>[0-9]{2})(?P<minute>[0-9]{2})(?P<second>[0-9]{2})?"
    r"(?P<zone>[A-IK-Z])"
    rf"(?:[^\S\r\n]?(?P<month>{_month_alternatives()})\.?"
    r"(?:[^\S\r\n]?(?P<year>[0-9]{4}|[0-9]{2}))?)?"
    r"(?![0-9A-Za-zÀ-ÿ])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DtgMatch:
    start: int
    end: int
    raw: str
    utc: datetime
    inferred: bool  # month or year came from the reference time, not from the text


def _as_utc(moment: datetime) -> datetime:
    # Naive datetimes are taken as UTC: everything on the wire is UTC.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _expand_year(two_digits: int, reference_year: int) -> int:
    century = reference_year - reference_year % 100
    candidates = (century - 100 + two_digits, century + two_digits, century + 100 + two_digits)
    return min(candidates, key=lambda year: abs(year - reference_year))


def _candidate(year: int, month: int, day: int, hour: int, minute: int, second: int, offset_h: int) -> datetime | None:
    if not 1 <= year <= 9999 or day > calendar.monthrange(year, month)[1]:
        return None
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        return local - timedelta(hours=offset_h)
    except (ValueError, OverflowError):
        return None


def _latest_not_after(candidates: list[datetime | None], limit: datetime) -> datetime | None:
    eligible = [c for c in candidates if c is not None and c <= limit]
    return max(eligible) if eligible else None


def _resolve(match: re.Match[str], reference: datetime, tolerance: timedelta) -> tuple[datetime, bool] | None:
    day, hour, minute = int(match.group("day")), int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    if not (1 <= day <= 31 and hour <= 23 and minute <= 59 and second <= 59):
        return None
    offset_h = ZONE_OFFSET_HOURS.get(match.group("zone").upper())
    if offset_h is None:  # case folding lets look-alikes such as the Kelvin sign through
        return None
    month_text, year_text = match.group("month"), match.group("year")
    if match.group("gap") and month_text is None:
        return None  # "12 1445Z" alone may be a count and a time; "12 1445Z FEB 26" is a DTG
    try:
        limit = reference + tolerance
    except OverflowError:
        return None

    if month_text is None:
        # The most recent month (counting back up to a year) in which this day exists.
        candidates: list[datetime | None] = []
        for back in range(-1, 13):
            index = reference.year * 12 + reference.month - 1 - back
            candidates.append(_candidate(index // 12, index % 12 + 1, day, hour, minute, second, offset_h))
        best = _latest_not_after(candidates, limit)
        return (best, True) if best is not None else None

    month = MONTHS.get(_fold(month_text))
    if month is None:
        return None
    if year_text is None:
        # Back up to eight years so that 29 FEB still finds a leap year.
        years = range(reference.year + 1, reference.year - 9, -1)
        best = _latest_not_after([_candidate(y, month, day, hour, minute, second, offset_h) for y in years], limit)
        return (best, True) if best is not None else None

    year = int(year_text)
    if len(year_text) == 2:
        year = _expand_year(year, reference.year)
    exact = _candidate(year, month, day, hour, minute, second, offset_h)
    return (exact, False) if exact is not None else None


# A bare time of day in UTC ("0900Z"), common inside reports; only Z, to keep clear of codes.
_TIME_ONLY_PATTERN: Final = re.compile(
    r"(?<![0-9A-Za-z])(?P<hour>[01][0-9]|2[0-3])(?P<minute>[0-5][0-9])[^\S\r\n]?[Zz](?![0-9A-Za-z])"
)
TIME_ONLY_FUTURE_TOLERANCE: Final = timedelta(hours=1)


def _resolve_time_only(match: re.Match[str], reference: datetime) -> datetime | None:
    """The latest such time of day not more than an hour after the reference."""
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    limit = reference + TIME_ONLY_FUTURE_TOLERANCE
    candidate = limit.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return candidate if candidate <= limit else candidate - timedelta(days=1)


def find_dtgs(
    text: str, reference: datetime, *, future_tolerance: timedelta = DEFAULT_FUTURE_TOLERANCE
) -> list[DtgMatch]:
    """Every valid date-time group in the text, in order, resolved against the reference time."""
    if not isinstance(text, str) or not isinstance(reference, datetime):
        return []
    try:
        ref = _as_utc(reference)
    except (ValueError, OverflowError):
        return []
    found: list[DtgMatch] = []
    for match in _DTG_PATTERN.finditer(text):
        resolved = _resolve(match, ref, future_tolerance)
        if resolved is not None:
            found.append(DtgMatch(match.start(), match.end(), match.group(0), resolved[0], resolved[1]))
    for match in _TIME_ONLY_PATTERN.finditer(text):
        if any(f.start < match.end() and match.start() < f.end for f in found):
            continue
        try:
            moment = _resolve_time_only(match, ref)
        except (ValueError, OverflowError):
            continue
        if moment is not None:
            found.append(DtgMatch(match.start(), match.end(), match.group(0), moment, True))
    found.sort(key=lambda f: f.start)
    return found


def parse_dtg(
    s: str, reference: datetime, *, future_tolerance: timedelta = DEFAULT_FUTURE_TOLERANCE
) -> datetime | None:
    """The UTC time of a string that is one date-time group (surrounding whitespace aside)."""
    if not isinstance(s, str):
        return None
    stripped = s.strip()
    matches = find_dtgs(stripped, reference, future_tolerance=future_tolerance)
    if len(matches) != 1 or matches[0].start != 0 or matches[0].end != len(stripped):
        return None
    return matches[0].utc


def format_dtg(moment: datetime, *, zone: str = "Z", seconds: bool = False, year_digits: int = 2) -> str:
    """A date-time group for the moment in the given military time zone, e.g. '261430Z NOV 26'."""
    letter = zone.upper()
    if letter not in ZONE_OFFSET_HOURS:
        raise ValueError(f"not a military time-zone letter: {zone!r}")
    local = _as_utc(moment) + timedelta(hours=ZONE_OFFSET_HOURS[letter])
    time_part = local.strftime("%d%H%M%S" if seconds else "%d%H%M")
    year = f"{local.year:04d}" if year_digits == 4 else f"{local.year % 100:02d}"
    return f"{time_part}{letter} {_ENGLISH_MONTHS[local.month - 1]} {year}"


def staleness_s(observed: datetime, now: datetime) -> float:
    """Seconds from the observation to now; negative when the observation lies in the future."""
    return (_as_utc(now) - _as_utc(observed)).total_seconds()


def short_dtg(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d%H%MZ")
