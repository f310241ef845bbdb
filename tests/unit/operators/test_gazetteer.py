"""Reference data: coverage, consistency of names and coordinates, and the lookups."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest

from operators.entities.equipment import (
    EQUIPMENT,
    EQUIPMENT_KINDS,
    SEVERITY_MAX,
    SEVERITY_MIN,
    lookup_equipment,
    match_equipment,
)
from operators.geo.places import PLACE_KINDS, PLACES, Place, fold_name, lookup_place


def _km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _place(name: str) -> Place:
    place = lookup_place(name)
    assert place is not None, name
    return place


def test_catalogue_sizes() -> None:
    assert len(EQUIPMENT) >= 60
    assert len(PLACES) >= 80


def test_equipment_entries_are_well_formed() -> None:
    for item in EQUIPMENT:
        assert item.kind in EQUIPMENT_KINDS
        assert SEVERITY_MIN <= item.severity <= SEVERITY_MAX
        assert item.canonical.strip() == item.canonical
        assert all(alias.strip() == alias and alias for alias in item.aliases)


def test_no_equipment_name_belongs_to_two_entries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for item in EQUIPMENT:
        for name in item.names:
            owners[fold_name(name).replace(" ", "")].add(item.canonical)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_no_place_name_belongs_to_two_places() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for place in PLACES:
        for name in place.names:
            owners[fold_name(name)].add(place.name)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_places_lie_in_the_area_of_operations() -> None:
    for place in PLACES:
        assert place.kind in PLACE_KINDS
        assert place.country in ("LU", "BE", "FR", "DE")
        assert 48.5 <= place.lat <= 51.0, place.name
        assert 4.5 <= place.lon <= 8.0, place.name


def test_luxembourg_places_lie_in_luxembourg() -> None:
    # The Grand Duchy spans roughly 49.44-50.19 N, 5.73-6.53 E.
    for place in PLACES:
        if place.country == "LU" and place.kind == "town":
            assert 49.44 <= place.lat <= 50.19 and 5.73 <= place.lon <= 6.53, place.name


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Luxembourg", "Trier", 35, 45),
        ("Luxembourg", "Metz", 50, 60),
        ("Luxembourg", "Arlon", 20, 28),
        ("Ettelbruck", "Diekirch", 3, 6),
        ("Bastogne", "Wiltz", 13, 19),
        ("Trier", "Bitburg", 25, 32),
        ("Saarbrücken", "Metz", 55, 65),
    ],
)
def test_known_distances(a: str, b: str, low: float, high: float) -> None:
    assert low <= _km(_place(a), _place(b)) <= high


@pytest.mark.parametrize(
    ("variant", "name"),
    [
        ("Lëtzebuerg", "Luxembourg"),
        ("luxemburg", "Luxembourg"),
        ("ESCH-UELZECHT", "Esch-sur-Alzette"),
        ("esch sur alzette", "Esch-sur-Alzette"),
        ("Ettelbréck", "Ettelbruck"),
        ("ettelbrück", "Ettelbruck"),
        ("Wolz", "Wiltz"),
        ("Klierf", "Clervaux"),
        ("sankt-vith", "St. Vith"),
        ("St Vith", "St. Vith"),
        ("Sauer", "Sûre"),
        ("sure", "Sûre"),
        ("Mosel", "Moselle"),
        ("Uelzecht", "Alzette"),
        ("  Trèves ", "Trier"),
        ("SAARBRUCKEN", "Saarbrücken"),
        ("Diedenhofen", "Thionville"),
        ("Müllerthal", "Mullerthal"),
    ],
)
def test_lookup_place_ignores_case_accents_and_punctuation(variant: str, name: str) -> None:
    assert _place(variant).name == name


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Our", "river"),
        ("Moselle", "river"),
        ("Alzette", "river"),
        ("Sûre", "river"),
        ("N7", "road"),
        ("B51", "road"),
        ("E411", "road"),
        ("A1", "road"),
        ("A3", "road"),
        ("A4", "road"),
        ("A6", "road"),
        ("A7", "road"),
        ("Ardennes", "area"),
        ("Eifel", "area"),
        ("Hunsrück", "area"),
        ("Mullerthal", "area"),
        ("Bastogne", "town"),
        ("Malmedy", "town"),
        ("Houffalize", "town"),
        ("Longwy", "town"),
        ("Prüm", "town"),
        ("Grevenmacher", "town"),
    ],
)
def test_required_places_are_present(name: str, kind: str) -> None:
    assert _place(name).kind == kind


def test_lookup_place_misses() -> None:
    assert (
        lookup_place("Xyzzyquorthville") is None
    )  # "Atlantis" is a real town (Western Cape) since the world gazetteer
    assert lookup_place("") is None
    assert lookup_place(42) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("T-72B3", "T-72B3"),
        ("T72B3", "T-72B3"),
        ("T-72", "T-72"),
        ("BMP2", "BMP-2"),
        ("BMP-2", "BMP-2"),
        ("BTR-82A", "BTR-82A"),
        ("2S19 Msta", "2S19 Msta-S"),
        ("Msta-S", "2S19 Msta-S"),
        ("BM-21 Grad", "BM-21 Grad"),
        ("Grad", "BM-21 Grad"),
        ("Shahed-136", "Shahed-136"),
        ("Geran-2", "Shahed-136"),
        ("Orlan-10", "Orlan-10"),
        ("Ka-52", "Ka-52"),
        ("Alligator", "Ka-52"),
        ("Su-34", "Su-34"),
        ("Lancet", "Lancet"),
        ("Iskander", "Iskander-M"),
        ("Tor-M2", "Tor-M2"),
        ("Pantsir-S1", "Pantsir-S1"),
        ("TOS-1A", "TOS-1A"),
        ("MT-LB", "MT-LB"),
        ("Kamaz", "Kamaz"),
        ("Mi-8", "Mi-8"),
        ("Mi-24", "Mi-24"),
        ("Zala", "Zala"),
        ("Krasukha-4", "Krasukha-4"),
        ("Leer-3", "Leer-3"),
        ("Pole-21", "Pole-21"),
        ("RPG-7", "RPG-7"),
        ("Kornet", "Kornet"),
        ("ATGM", "ATGM"),
        ("MBT", "MBT"),
        ("APC", "APC"),
        ("IFV", "IFV"),
        ("MLRS", "MLRS"),
        ("UAV", "UAV"),
        ("drone", "UAV"),
        ("Drohne", "UAV"),
        ("SPG", "SPG"),
        ("truck", "truck"),
        ("Lkw", "truck"),
        ("camion", "truck"),
        ("Kampfpanzer", "MBT"),
        ("char", "MBT"),
        ("blindé", "AFV"),
    ],
)
def test_brief_aliases_resolve(surface: str, canonical: str) -> None:
    item = lookup_equipment(surface)
    assert item is not None and item.canonical == canonical
    assert match_equipment(f"obs {surface} vic bridge") == [(4, 4 + len(surface), canonical)]


def test_match_equipment_in_running_text() -> None:
    text = "2x T-72B3 and 3xBMP2s with a t 72, BM-21 grad; Drohnen über Trier; 2 camions"
    found = [(text[s:e], c) for s, e, c in match_equipment(text)]
    assert found == [
        ("T-72B3", "T-72B3"),
        ("BMP2s", "BMP-2"),
        ("t 72", "T-72"),
        ("BM-21 grad", "BM-21 Grad"),
        ("Drohnen", "UAV"),
        ("camions", "truck"),
    ]


def test_short_acronyms_need_capitals() -> None:
    assert match_equipment("a new sam and an mg") == []
    assert [c for _, _, c in match_equipment("NEW SAM AND AN MG")] == ["SAM", "machine gun"]


def test_match_equipment_is_total() -> None:
    assert match_equipment("") == []
    assert match_equipment(None) == []  # type: ignore[arg-type]
    assert lookup_equipment("nothing") is None
