"""The theatre: the customer's own places (towns, rivers, roads, named sites), MGRS zones and areas of interest.

A theatre is data, not code: one JSON file (see `data/luxembourg.theatre.json`, the default) so that a
customer replaces it by configuration. Its places outrank the world gazetteer: a theatre's "Our" is a river.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from operators.geo.place import PLACE_KINDS, Place

DEFAULT_THEATRE = "luxembourg.theatre.json"


class TheatreError(ValueError):
    """A theatre file that cannot be read or does not have the documented shape."""


@dataclass(frozen=True, slots=True)
class TheatreArea:
    """An area of interest: reports inside it are raised (same fields as prioritise.AreaOfInterest)."""

    name: str
    lat: float
    lon: float
    radius_km: float


@dataclass(frozen=True, slots=True)
class Theatre:
    name: str
    version: str
    default_mgrs_zone: str
    mgrs_zones: tuple[str, ...]
    areas: tuple[TheatreArea, ...]
    places: tuple[Place, ...]
    # Countries the theatre's places lie in: towns there are expected in reports (computed once).
    countries: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "countries", frozenset(p.country for p in self.places))


def _place(row: dict[str, Any]) -> Place:
    kind = str(row["kind"])
    if kind not in PLACE_KINDS:
        raise TheatreError(f"place {row.get('name')!r}: unknown kind {kind!r} (one of {', '.join(PLACE_KINDS)})")
    alt = row.get("alt_names", [])
    if not isinstance(alt, list) or not all(isinstance(a, str) and a.strip() for a in alt):
        raise TheatreError(f"place {row.get('name')!r}: alt_names must be a list of names")
    return Place(str(row["name"]), float(row["lat"]), float(row["lon"]), str(row["country"]), kind, tuple(alt))


def parse_theatre(data: Any) -> Theatre:
    """A Theatre from the decoded JSON document; TheatreError names what is wrong."""
    try:
        mgrs = data.get("mgrs", {})
        return Theatre(
            name=str(data["name"]),
            version=str(data.get("version", data["name"])),
            default_mgrs_zone=str(mgrs.get("default_zone", "")),
            mgrs_zones=tuple(str(z) for z in mgrs.get("zones", [])),
            areas=tuple(
                TheatreArea(str(a["name"]), float(a["lat"]), float(a["lon"]), float(a["radius_km"]))
                for a in data.get("areas_of_interest", [])
            ),
            places=tuple(_place(row) for row in data["places"]),
        )
    except TheatreError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TheatreError(f"not a theatre document: {exc!r}") from None


def load_theatre(path: Path | str | None = None) -> Theatre:
    """The theatre in `path`, or the packaged Luxembourg theatre when `path` is None."""
    if path is None:
        return _default_theatre()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TheatreError(f"{path}: {exc}") from None
    try:
        return parse_theatre(data)
    except TheatreError as exc:
        raise TheatreError(f"{path}: {exc}") from None


@lru_cache(maxsize=1)
def _default_theatre() -> Theatre:
    text = resources.files("operators.geo").joinpath("data", DEFAULT_THEATRE).read_text(encoding="utf-8")
    return parse_theatre(json.loads(text))
