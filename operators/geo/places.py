"""The gazetteer's public face: the Place record, name folding, the default theatre's places and name lookup.

`PLACES` is the packaged theatre's own list (Luxembourg and its neighbours, `data/luxembourg.theatre.json`),
which the training-data recipe draws from; `lookup_place` also knows the world (`gazetteer.py`).
"""

from __future__ import annotations

from operators.geo.gazetteer import default_gazetteer
from operators.geo.place import PLACE_KINDS, Place, PlaceKind, fold_name
from operators.geo.theatre import load_theatre

__all__ = ["PLACES", "PLACE_KINDS", "Place", "PlaceKind", "fold_name", "lookup_place"]

PLACES: tuple[Place, ...] = load_theatre(None).places


def lookup_place(name: str) -> Place | None:
    """The place with this name or alternate name, ignoring case, accents and punctuation: the default
    theatre's first, then countries, regions, features and the most populous town ("Name, CC" picks a country).
    Builds the world gazetteer on first use (a few seconds, once per process)."""
    if not isinstance(name, str) or not name.strip():
        return None
    return default_gazetteer().lookup(name)
