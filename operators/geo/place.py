"""The place record shared by the theatre data and the world gazetteer, and the name key used to compare names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal, get_args

# Theatre kinds first (the Luxembourg data uses them); the world gazetteer adds the rest. A populated
# place is a "town" whatever its size, so code that prefers towns to rivers treats both sources alike.
PlaceKind = Literal[
    "town",
    "river",
    "bridge",
    "road",
    "crossing",
    "hill",
    "forest",
    "area",
    "airfield",
    "country",
    "region",
    "sea",
    "lake",
    "mountains",
    "island",
    "base",
    "continent",
]
PLACE_KINDS: tuple[PlaceKind, ...] = get_args(PlaceKind)


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with one representative point (WGS84). `country` is the ISO 3166 alpha-2 code ("" for seas)."""

    name: str
    lat: float
    lon: float
    country: str
    kind: PlaceKind
    alt_names: tuple[str, ...] = ()
    population: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.alt_names)


# Hyphens and dashes of every kind, apostrophes, dots and slashes all separate words in names.
_FOLD_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2013\u2014'\u2019.\u00b7/_]+")


# Letters NFKD does not decompose ("ł" in Białystok, "ø", "đ") fold by hand; modifier letters separate.
_EXTRA_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ʼ": " ", "ʻ": " "}
)


def fold_name(name: str) -> str:
    """Key that makes 'St. Vith', 'st vith' and 'Sankt-Vith' style variants comparable."""
    folded = name.casefold()
    if not folded.isascii():
        # The gazetteer folds a million names at start-up: the ASCII path skips normalisation.
        decomposed = unicodedata.normalize("NFKD", folded.translate(_EXTRA_FOLDS))
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _FOLD_SEPARATORS.sub(" ", folded).strip()
