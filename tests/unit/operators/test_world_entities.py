"""The world gazetteer, the place matcher's precision rules, the theatre loader and the wider equipment catalogue."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from operators.entities.equipment import CATALOGUE, EQUIPMENT, lookup_equipment, match_equipment, reported
from operators.entities.extract import build_nlp, extract
from operators.entities.locations import find_places
from operators.geo.gazetteer import default_gazetteer
from operators.geo.places import PLACES, lookup_place
from operators.geo.theatre import TheatreError, load_theatre

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def places_in(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_places(text, default_gazetteer())]


@pytest.mark.parametrize(
    ("variant", "name", "country"),
    [
        ("Charkiw", "Kharkiv", "UA"),
        ("Kharkov", "Kharkiv", "UA"),
        ("Kharkiv", "Kharkiv", "UA"),
        ("Köln", "Köln", "DE"),
        ("Cologne", "Köln", "DE"),
        ("Mayence", "Mainz", "DE"),
        ("Lemberg", "Lviv", "UA"),
        ("Lwów", "Lviv", "UA"),
        ("Odessa", "Odesa", "UA"),
        ("Kiew", "Kyiv", "UA"),
        ("Warschau", "Warsaw", "PL"),
        ("Allemagne", "Germany", "DE"),
        ("Deutschland", "Germany", "DE"),
        ("Royaume-Uni", "United Kingdom", "GB"),
        ("Biélorussie", "Belarus", "BY"),
        ("mer Noire", "Black Sea", ""),
        ("Schwarzes Meer", "Black Sea", ""),
        ("Rhin", "Rhine", "DE"),
        ("Rhein", "Rhine", "DE"),
        ("Dniepr", "Dnipro", "UA"),
        ("Bavière", "Bavaria", "DE"),
    ],
)
def test_world_names_in_three_languages(variant: str, name: str, country: str) -> None:
    place = lookup_place(variant)
    assert place is not None and place.name == name and place.country == country


@pytest.mark.parametrize("form", ["Kharkiv oblast", "oblast de Kharkiv", "Oblast Charkiw", "Kharkov region"])
def test_oblast_forms_resolve_to_the_region(form: str) -> None:
    place = lookup_place(form)
    assert place is not None and place.kind == "region" and place.name == "Kharkiv Oblast"
    assert 48.5 < place.lat < 51 and 34 < place.lon < 39


def test_theatre_names_keep_their_meaning() -> None:
    our, lux = lookup_place("Our"), lookup_place("Luxembourg")
    assert our is not None and our.kind == "river"
    assert lux is not None and lux.kind == "town" and lux.country == "LU"
    gao = lookup_place("Gao, BF")
    assert gao is not None and gao.country == "BF"


def test_places_found_in_running_text() -> None:
    text = "Strikes on Kharkiv and in the oblast de Zaporijia overnight; convoy seen near Pabradė, Lithuania."
    found = places_in(text)
    assert "Kharkiv" in found and "Pabradė" in found and "Lithuania" in found
    assert any("Zaporijia" in f for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Nice work by the team, the Mobile unit will Split the load at the Bar.",
        "Our patrol returned. Post office closed. Mission accomplished in May.",
        "Der Zug bezog Stellung, die Lage ist ruhig, Post wird verteilt.",
        "0745Z Meldung Küche: Frühstück verspätet. Die Tür zur Köchin klemmt.",
        "The Russian and Ukrainian delegations met; NATO said English and German texts agree.",
        "Convoy LIMA 3 ambushed, callsign VICTOR 2 in support, ETA 10 min.",
        "A Karakurt-class corvette and a Murmansk-BN station were seen.",
    ],
)
def test_common_words_are_not_places(text: str) -> None:
    assert places_in(text) == []


def test_german_towns_the_german_word_list_carries_as_proper_nouns_are_places() -> None:
    """The German word list carries Wilhelmshaven and Lüneburg as proper nouns only (no plural, no stem): they are
    towns, not common words; "Küche" (a Chinese city's alternate name "Kuche") stays a kitchen."""
    assert places_in("Am Montag verlässt eine Fregatte den Hafen von Wilhelmshaven.") == ["Wilhelmshaven"]
    assert "Lüneburg" in places_in("Das Bataillon verlegt von Lüneburg nach Munster.")


def test_towns_in_the_news_are_places_even_where_a_dictionary_lists_the_word() -> None:
    # "gaza" is a French verb form and "muscat" a grape; Hamas is no place (GeoNames has it as Hamm's alternate name).
    assert places_in("Israeli strikes in Gaza killed 20 people overnight.") == ["Gaza"]
    assert places_in("The frigate called at Muscat on Monday.") == ["Muscat"]
    # A small town before "airport" or "naval base" is the place the airport is named after.
    assert places_in("Kirkenes airport tower reports the same since 1050Z.") == ["Kirkenes"]
    assert places_in("Die Hamas meldete Angriffe.") == []


def test_common_word_town_needs_locative_and_its_country() -> None:
    assert places_in("The summit in Nice, France, ended.") == ["Nice", "France"]
    assert places_in("That was nice. Nice one.") == []


def test_adjectives_and_organisations() -> None:
    found = places_in("Officials of the Kharkiv regional administration said Russian drones hit the city.")
    assert found == ["Kharkiv"]


def test_the_name_scan_stops_where_no_longer_name_begins() -> None:
    """`_candidates` stops lengthening a run of words once it begins no name of the index; on every
    development text it finds what the scan without that cut finds."""
    import dataclasses

    from operators.entities.locations import _candidates

    class Everything:
        def __contains__(self, key: object) -> bool:
            return True

    gazetteer = default_gazetteer()
    uncut = dataclasses.replace(gazetteer, prefixes=Everything())
    assert "bosnia and" in gazetteer.prefixes and "bosnia and herzegovina" not in gazetteer.prefixes
    texts = [
        json.loads(line)["text"]
        for path in sorted(Path("tests/eval").glob("osd*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    texts += ["Bosnia and Herzegovina, Bosnia and", "Sankt Wendel bei St. Vith", "Nova Kakhovka und Kakhovka"]
    found = 0
    for text in texts:
        expected = _candidates(text, uncut)
        assert _candidates(text, gazetteer) == expected, text
        found += len(expected)
    assert len(texts) > 1000 and found > 5000


def test_ship_names_are_not_places() -> None:
    assert places_in("FGS HESSEN reports a contact. HESSEN closes in.") == []


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("MELDUNG NACH BESCHUSS 280240ZNOV26\nVON: OPZ KONTINGENT ERBIL\n1. 0212Z BESCHUSS DES LAGERS", "ERBIL"),
        ("2 X CORVETTES\nA: SAILED FROM BALTIYSK 150420Z IN COMPANY, COURSE 010", "BALTIYSK"),
        ("9 X SHAHED ATTACKING IZMAIL PORT ACROSS THE RIVER. ONE UAV DOWN", "IZMAIL"),
        ("CREW SHORTAGE ON OPERATOR SIDE. NEW ETA ORZYSZ RAILHEAD 2 DAYS LATE", "ORZYSZ"),
        ("ITINÉRAIRE LOGISTIQUE PRINCIPAL BRAȘOV – CINCU\n1. Pont de Voila coupé", "CINCU"),
    ],
)
def test_small_towns_in_capital_letters_with_their_evidence(text: str, town: str) -> None:
    # A paragraph number on the next line or a DTG after the name is no "LIMA 3"; a port, a camp or a
    # railhead after it is a site of the town.
    assert town in [text[p.start : p.end] for p in find_places(text, default_gazetteer())]


def test_a_number_after_a_name_on_the_same_line_still_makes_it_a_call_sign() -> None:
    assert places_in("Malte: le relais Mosta 2 est en veille.") == ["Malte"]
    assert places_in("Malte: le relais Mosta est en veille.") == ["Malte", "Mosta"]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Die Kampfgruppe verlegt von Rukla nach Rūdninkai.", "Rukla"),
        ("SPOTREP FROM: TRG TEAM 4, AIN AL-ASAD AB, IRAQ", "AIN AL-ASAD"),
        ("Queue of lorries at the Jarinje crossing since dawn.", "Jarinje"),
        ("Ein Verband lief gestern durch den Großen Belt.", "Großen Belt"),
        ("Die Bundesregierung hat den Niederlanden Hilfe zugesagt.", "Niederlanden"),
    ],
)
def test_bases_crossings_and_straits_that_town_lists_lack(text: str, site: str) -> None:
    assert site in places_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Die Polizei forderte auf, Fenster und Türen geschlossen zu halten; das Leck ist abgedichtet.",
        "Die Fachleute vor Ort in Charkiw meldeten, die Isolierung geriet in Brand.",
        "Ukraine: Bleiben Sie in Ihren Wohnungen.",
        "Nebel, -2 °C, Straßen Richtung Grenze glatt.",
    ],
)
def test_german_nouns_that_geonames_lists_as_towns_are_not_places(text: str) -> None:
    found = places_in(text)
    assert not {"Türen", "Leck", "Ort", "Brand", "Ihren", "Straßen"} & set(found), found


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Vigilance orange : Marne, Aube, Haute-Marne, Meuse.", "Haute-Marne"),
        ("Coupures de courant dans le Finistère et les Côtes-d'Armor.", "Finistère"),
        ("Starkregen in den Kantonen Aargau und Thurgau.", "Thurgau"),
        ("Dans le Centre-Nord, les routes sont coupées.", "Centre-Nord"),
    ],
)
def test_french_departments_and_swiss_cantons(text: str, region: str) -> None:
    assert region in places_in(text)


def test_small_town_needs_evidence() -> None:
    assert "Tapa" in places_in("Estonia: the battle group at Tapa reports nothing.")
    assert places_in("Tapa") == []


def test_entity_step_reports_world_places_and_kit(nlp) -> None:
    text = "Iskander-M and Kh-101 strikes on Odesa; 3 Angriffsdrohnen over the Black Sea; HIMARS near Lemberg."
    (found,) = extract(nlp, [text], [NOW])
    got = {(f.label, f.text) for f in found}
    for expected in [
        ("EQUIPMENT", "Iskander-M"),
        ("EQUIPMENT", "Kh-101"),
        ("EQUIPMENT", "Angriffsdrohnen"),
        ("EQUIPMENT", "HIMARS"),
        ("LOCATION", "Odesa"),
        ("LOCATION", "Black Sea"),
        ("LOCATION", "Lemberg"),
    ]:
        assert expected in got
    lemberg = next(f for f in found if f.text == "Lemberg")
    assert lemberg.normalized == "Lviv"


@pytest.mark.parametrize(
    ("text", "site", "normalized"),
    [
        ("Soldaten aus der Andreas-Hofer-Kaserne in Absam.", "Andreas-Hofer-Kaserne", "Andreas-Hofer-Kaserne"),
        ("RAF AKROTIRI OPS. ALL CLEAR 170540Z.", "RAF AKROTIRI", "RAF AKROTIRI"),
        ("Two destroyers left Naval Station Norfolk on Monday.", "Naval Station Norfolk", "Norfolk"),
        ("Die Soldaten kehrten zum Fliegerhorst Wunstorf zurück.", "Fliegerhorst Wunstorf", "Wunstorf"),
        ("Camp Castor, Schießbahn 2, seit 0847Z.", "Camp Castor", "Camp Castor"),
        ("moving W along the wadi track towards PB FALCON, now 6 km out", "PB FALCON", "PB FALCON"),
        ("Troops paraded at Wellington Barracks.", "Wellington Barracks", "Wellington Barracks"),
    ],
)
def test_named_military_sites_are_locations(nlp, text: str, site: str, normalized: str) -> None:
    """The site is the mention; a place the finder accepts inside it locates it, no other lookup does."""
    (found,) = extract(nlp, [text], [NOW])
    locations = [(f.text, f.normalized) for f in found if f.label == "LOCATION"]
    assert (site, normalized) in locations
    assert not any(t != site and t in site for t, _ in locations)  # no place inside the site on its own


@pytest.mark.parametrize(
    "text",
    [
        "RAF Typhoon jets and the RAF Regiment deployed.",
        "OP IMPACT continues; CAMP GATE CLOSED; CAMP ATTACKED AT 0400Z.",
        "Le camp d'entraînement; un fort dispositif; Fort de ses succès, il part.",
    ],
)
def test_words_that_look_like_sites_are_not(nlp, text: str) -> None:
    (found,) = extract(nlp, [text], [NOW])
    words = ("RAF", "OP ", "CAMP", "camp", "Fort", "fort")
    assert not [f.text for f in found if f.label == "LOCATION" and any(w in f.text for w in words)]


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Serbiens Präsident hat die Armee in Alarmbereitschaft versetzt.", "Serbiens", "Serbia"),
        ("Österreichs Bundesheer entsendet Pioniere in die Region.", "Österreichs", "Austria"),
        ("Angriffe auf Ziele in der Westukraine.", "Westukraine", "Ukraine"),
        ("Lieferungen in die Ostukraine.", "Ostukraine", "Ukraine"),
        ("Luftschläge im Nordirak.", "Nordirak", "Iraq"),
    ],
)
def test_german_genitive_and_compass_forms_of_countries(nlp, text: str, mention: str, country: str) -> None:
    (found,) = extract(nlp, [text], [NOW])
    assert ("LOCATION", mention, country) in {(f.label, f.text, f.normalized) for f in found}


def test_german_words_ending_like_a_genitive_are_not_countries(nlp) -> None:
    text = "Wegen des Angriffs und des Einsatzes blieb die Westseite der Nordsee ruhig; Westfalen meldet nichts."
    (found,) = extract(nlp, [text], [NOW])
    got = {f.text for f in found if f.label == "LOCATION"}
    assert not got & {"Angriffs", "Einsatzes", "Westseite"}


def test_entity_step_leaves_out_what_the_conventions_exclude(nlp) -> None:
    text = "3 veh and an MG team, artillery fire and Grad rockets; Drohnenangriff on the depot."
    (found,) = extract(nlp, [text], [NOW])
    assert [f.text for f in found if f.label == "EQUIPMENT"] == []


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Kinzhal", "Kinzhal"),
        ("Kalibr", "Kalibr"),
        ("Kh-22", "Kh-22"),
        ("Geran-2", "Shahed-136"),
        ("S-400", "S-400"),
        ("Patriot", "Patriot"),
        ("IRIS-T", "IRIS-T SLM"),
        ("NASAMS", "NASAMS"),
        ("CAESAR", "CAESAR"),
        ("PzH 2000", "PzH 2000"),
        ("Leopard 2A6", "Leopard 2"),
        ("Bayraktar TB2", "Bayraktar TB2"),
        ("Su-35", "Su-35"),
        ("Tu-95MS", "Tu-95MS"),
        ("Tu-22M3", "Tu-22M3"),
        ("Ka-52", "Ka-52"),
        ("Pantsir", "Pantsir-S1"),
        ("Tor-M2", "Tor-M2"),
        ("Buk", "Buk-M2"),
        ("NH90", "NH90"),
        ("Skyranger", "Skyranger"),
        ("frigate", "frigate"),
        ("Fregatte", "frigate"),
        ("sous-marin", "submarine"),
        ("corvette", "corvette"),
        ("fighter jets", "fighter"),
        ("cruise missiles", "cruise missiles"),
        ("missiles de croisière", "cruise missiles"),
        ("Marschflugkörper", "missile"),
        ("air-defence systems", "air-defence system"),
        ("howitzers", "howitzers"),
    ],
)
def test_world_equipment(surface: str, canonical: str) -> None:
    item = lookup_equipment(surface)
    assert item is not None and item.canonical == canonical
    assert [c for _, _, c in match_equipment(f"saw {surface} today")] == [canonical]


def test_kit_that_is_also_a_word_matches_only_as_written() -> None:
    assert match_equipment("rafales de vent, a wolf and a hawk") == []
    assert [c for _, _, c in match_equipment("2 Rafale and a Wolf")] == ["Rafale", "Wolf"]


def test_reported_follows_the_gold_conventions() -> None:
    assert not reported("vehicles", "vehicle") and not reported("AK-74", "AK-74") and not reported("EW", "EW")
    assert reported("RPG", "RPG-7") and reported("tanks", "MBT")


def test_training_catalogue_is_unchanged_and_extended() -> None:
    # models/recipe/corpus.py draws from EQUIPMENT and PLACES: the shipped model's corpus must not move.
    assert len(EQUIPMENT) == 141 and CATALOGUE[: len(EQUIPMENT)] == EQUIPMENT
    assert len(CATALOGUE) > len(EQUIPMENT) + 100
    assert len(PLACES) == 186 and PLACES[0].name == "Luxembourg"


def test_default_theatre() -> None:
    theatre = load_theatre(None)
    assert theatre.places == PLACES and theatre.default_mgrs_zone == "31U" and "32U" in theatre.mgrs_zones
    assert theatre.areas and theatre.countries == {"LU", "BE", "FR", "DE"}


def test_custom_theatre_replaces_the_default(tmp_path: Path, nlp) -> None:
    path = tmp_path / "baltic.json"
    path.write_text(
        json.dumps(
            {
                "name": "Baltic",
                "mgrs": {"default_zone": "35V", "zones": ["35V", "35U"]},
                "areas_of_interest": [{"name": "Camp Tapa", "lat": 59.26, "lon": 25.96, "radius_km": 5}],
                "places": [
                    {
                        "name": "Camp Tapa",
                        "lat": 59.26,
                        "lon": 25.96,
                        "country": "EE",
                        "kind": "base",
                        "alt_names": ["Tapa camp"],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    theatre = load_theatre(path)
    assert theatre.default_mgrs_zone == "35V" and theatre.areas[0].radius_km == 5
    custom = build_nlp(str(path))
    (found,) = extract(custom, ["Contact at Camp Tapa, 3 tanks"], [NOW])
    assert ("LOCATION", "Camp Tapa") in [(f.label, f.text) for f in found]


@pytest.mark.parametrize(
    "document",
    [
        {"name": "x"},
        {"name": "x", "places": [{"name": "A", "lat": 1, "lon": 2, "country": "LU", "kind": "volcano"}]},
        {"name": "x", "places": [{"name": "A", "lat": "north", "lon": 2, "country": "LU", "kind": "town"}]},
    ],
)
def test_bad_theatre_files_are_refused(tmp_path: Path, document: object) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(TheatreError):
        load_theatre(path)
    with pytest.raises(TheatreError):
        load_theatre(tmp_path / "missing.json")


def test_the_authority_of_a_place_in_a_letterhead_names_the_place() -> None:
    # "Polizeidirektion", "Feuerwehr", "Mairie de" before a town are as good as "in": with its country in the
    # text (here through Kiel and Hamburg) a town whose name is also a word is kept.
    assert places_in("Polizeidirektion Flensburg – Pressemitteilung\nDrohnen über dem Hafen von Kiel.") == [
        "Flensburg",
        "Kiel",
    ]
    assert places_in("Feuerwehr Stade: Gasaustritt, Warnung auch für Hamburg") == ["Stade", "Hamburg"]
    assert places_in("Mairie de Remoulins – avis à la population") == ["Remoulins"]
    assert places_in("Polizeidirektion Zug – Pressemitteilung\nDrohnen über dem Hafen.") == []


@pytest.mark.parametrize(
    ("text", "landscape"),
    [
        ("Waldbrandgefahr im Rothaargebirge und im Siegerland.", "Rothaargebirge"),
        ("Der Hochsauerlandkreis hat den Katastrophenfall ausgerufen.", "Hochsauerlandkreis"),
        ("Lawinengefahr im Prättigau und im Albulatal.", "Albulatal"),
        ("Die Übung findet in der Lüneburger Heide statt.", "Lüneburger Heide"),
        ("Sperrgebiet in der Eckernförder Bucht ab Montag.", "Eckernförder Bucht"),
    ],
)
def test_german_landscape_and_district_names_are_places(nlp, text: str, landscape: str) -> None:
    (found,) = extract(nlp, [text], [NOW])
    assert landscape in [f.text for f in found if f.label == "LOCATION"]


def test_german_common_nouns_with_landscape_endings_are_not_places(nlp) -> None:
    text = (
        "Im Landkreis gilt ein Sperrkreis; das Portal des Spitals meldet für das Quartal Gäste aus dem Ausland, "
        "dem Nachbarland und dem Hinterland. Der Stausee und das Mittelgebirge bleiben gesperrt; die Bescheide folgen."
    )
    (found,) = extract(nlp, [text], [NOW])
    assert [f.text for f in found if f.label == "LOCATION"] == []


def test_a_longer_name_after_an_article_wins_over_the_articles_own_name(nlp) -> None:
    # "the Gulf" is the Persian Gulf; "the Gulf of Finland" is not that Gulf and Finland.
    (found,) = extract(nlp, ["Two frigates in the Gulf of Finland and the Gulf of Aden."], [NOW])
    assert [(f.text, f.normalized) for f in found if f.label == "LOCATION"] == [
        ("Gulf of Finland", "Gulf of Finland"),
        ("Gulf of Aden", "Gulf of Aden"),
    ]
    (alone,) = extract(nlp, ["Tanker attacked in the Gulf yesterday."], [NOW])
    assert [f.normalized for f in alone if f.label == "LOCATION"] == ["Persian Gulf"]


def test_two_small_towns_of_one_country_listed_side_by_side_anchor_each_other() -> None:
    # No country named, no locative word: the list itself is the evidence.
    found = places_in("2 Pl route familiarisation Jõhvi - Sillamäe - Narva-Jõesuu, nil issues.")
    assert {"Jõhvi", "Sillamäe", "Narva-Jõesuu"} <= set(found)
    # one such name alone is not enough, nor two towns of different countries side by side
    assert "Sillamäe" not in places_in("Roads gritted, Sillamäe depot closed for the day.")
    assert places_in("Ferry run Sillamäe - Ivangorod cancelled.") == []
