"""MGRS grid references in free text: find them, validate them with `mgrs`, normalise, convert.

Every function here is total: malformed input yields no match, never an exception.
"""

from __future__ import annotations

import math
import re
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import mgrs

MIN_DIGITS: Final = 2
MAX_DIGITS: Final = 10

# Three letters that spell a month make "15MAR2026" or "01 JAN 26" look like a grid; real grids
# with such letters exist, but in field reports the date reading is the likely one.
_MONTH_LETTERS: Final = frozenset(
    {
        "JAN",
        "FEB",
        "MAR",
        "APR",
        "MAY",
        "JUN",
        "JUL",
        "AUG",
        "SEP",
        "OCT",
        "NOV",
        "DEC",
        "FEV",
        "AVR",
        "MAI",
        "JUI",
        "AOU",
        "DEZ",
        "OKT",
        "MRZ",
    }
)

# Whitespace within a line only: a grid never spans lines, and a reference that ends one
# labelled line must not borrow digits from the next.
_SP = r"[^\S\r\n]"
# Some writers separate every part with hyphens ("32U-LA-219-155"); a hyphen then joins the parts
# the way a space would.
_GAP = rf"(?:{_SP}|-)"
_GRID_PATTERN: Final = re.compile(
    r"(?<![0-9A-Za-z-])"
    r"(?P<zone>[1-5][0-9]|60|0?[1-9])"
    rf"{_GAP}?"
    r"(?P<band>[C-HJ-NP-Xc-hj-np-x])"
    rf"{_GAP}?"
    r"(?P<square>[A-HJ-NP-Za-hj-np-z][A-HJ-NP-Va-hj-np-v])"
    r"(?:"
    rf"{_GAP}?(?P<east>[0-9]{{1,5}})(?:{_SP}+|-)(?P<north>[0-9]{{1,5}})(?![0-9A-Za-z])"
    r"|"
    rf"{_GAP}?(?P<digits>[0-9]{{{MIN_DIGITS},{MAX_DIGITS}}})(?![0-9A-Za-z])"
    r")"
)


@dataclass(frozen=True, slots=True)
class GridMatch:
    start: int
    end: int
    raw: str
    normalized: str
    lat: float
    lon: float
    precision_m: int  # side of the grid square the reference names; lat/lon is its centre


_converter: Final = mgrs.MGRS()
# catch_warnings swaps process-wide state; the lock keeps two of our own calls from interleaving.
_convert_lock: Final = threading.Lock()


def precision_m(digit_count: int) -> int:
    """Side in metres of the square named by a reference with this many easting+northing digits."""
    return int(10 ** (5 - digit_count // 2))


# A pure function of the reference, and the costliest step of reading one (the warning filter is swapped
# under a lock): the entity step and the location step read each report's references, repeats are common.
@lru_cache(maxsize=16384)
def _to_lat_lon(compact: str) -> tuple[float, float] | None:
    # mgrs reports a band letter that disagrees with the northing only as a RuntimeWarning
    # ("Latitude Warning"); such a reference is as wrong as one it refuses outright.
    with _convert_lock, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            lat, lon = _converter.toLatLon(compact)
        except Exception:  # mgrs raises its own error type and, on odd input, ValueError
            return None
    # Only mgrs's own warnings count: another thread may warn while the filter is swapped.
    if any("MGRS" in str(w.message) for w in caught):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return float(lat), float(lon)


def _build(match: re.Match[str], offset: int = 0) -> GridMatch | None:
    zone_text, band, square = match.group("zone"), match.group("band"), match.group("square")
    letters = band + square
    # "2xBM21" (two BM-21s) reads as zone 2, band X: quantities glued to equipment names mix
    # case, while real references are written in one case.
    if not (letters.isupper() or letters.islower()):
        return None
    letters = letters.upper()
    if letters in _MONTH_LETTERS:
        return None
    end = match.end()
    digits = match.group("digits")
    if digits is None:
        easting, northing = match.group("east"), match.group("north")
        if len(easting) == len(northing):
            digits = easting + northing
        elif len(easting) % 2 == 0 and len(easting) >= MIN_DIGITS:
            # "31U GR 1033 2 tanks": the second number is not part of the reference.
            digits = easting
            end = match.end("east")
        else:
            return None
    if len(digits) % 2:
        return None
    zone = int(zone_text)
    half = len(digits) // 2
    compact = f"{zone:02d}{letters}{digits}"
    position = _to_lat_lon(compact)
    if position is None:
        return None
    normalized = f"{zone}{letters[0]} {letters[1:]} {digits[:half]} {digits[half:]}"
    start = match.start()
    return GridMatch(
        start=start + offset,
        end=end + offset,
        raw=match.string[start:end],
        normalized=normalized,
        lat=position[0],
        lon=position[1],
        precision_m=precision_m(len(digits)),
    )


def find_grids(text: str) -> list[GridMatch]:
    """Every valid MGRS reference in the text, in order, with offsets into the text."""
    if not isinstance(text, str):
        return []
    found: list[GridMatch] = []
    for match in _GRID_PATTERN.finditer(text):
        grid = _build(match)
        if grid is not None:
            found.append(grid)
    return found


def parse_grid(s: str) -> GridMatch | None:
    """The reference that makes up the whole string (surrounding whitespace aside), if valid."""
    if not isinstance(s, str):
        return None
    stripped = s.strip()
    match = _GRID_PATTERN.fullmatch(stripped)
    if match is None:
        return None
    grid = _build(match, offset=s.find(stripped) if stripped else 0)
    if grid is None or grid.end - grid.start != len(stripped):
        return None
    return grid


def format_grid(lat: float, lon: float, digits: int = 8) -> str | None:
    """Canonical reference ("31U GR 1033 3897") for a position, or None outside MGRS/UTM coverage."""
    if digits % 2 or not MIN_DIGITS <= digits <= MAX_DIGITS:
        return None
    try:
        if not (math.isfinite(lat) and math.isfinite(lon)) or not -80.0 <= lat < 84.0:
            return None
        # Warnings are muted: parse_grid below re-validates whatever comes back.
        with _convert_lock, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compact = _converter.toMGRS(lat, lon, MGRSPrecision=digits // 2)
    except Exception:  # lat/lon of the wrong type, or mgrs refusing the position
        return None
    if isinstance(compact, bytes):
        compact = compact.decode("ascii")
    grid = parse_grid(str(compact))
    return grid.normalized if grid is not None else None
