"""SPOT, CRI and Sofortmeldung layouts: list markers before labels, the 5W labels, joined slots."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operators.normalise.structured import (
    PIECE_SEPARATOR,
    StructuredReport,
    parse_structured,
)
from schemas.errors import Reason, Rejection


def _report(source: object) -> StructuredReport:
    result = parse_structured(source)
    assert isinstance(result, StructuredReport), result
    return result


def _rejection(source: object) -> Rejection:
    result = parse_structured(source)
    assert isinstance(result, Rejection), result
    return result


def _source_of(report: StructuredReport, text: str, slot: str) -> list[tuple[str, str]]:
    """(rendered character, source character) for every non-space character of a slot's rendering."""
    rendered = report.render()
    span = next(s for s in rendered.spans if s.slot == slot)
    assert span.source_index is not None
    return [
        (rendered.text[span.start + i], text[span.source_index[i]])
        for i in range(span.end - span.start)
        if not rendered.text[span.start + i].isspace()
    ]


# --- the layouts of the development data -------------------------------------------------------

NUMBERED_EN = (
    "SPOT REPORT\n"
    "1. DTG: 071900ZDEC26\n"
    "2. UNIT: 2 Engr Sqn recce team\n"
    "3. LOCATION: N17 road bridge over the Sûre, Diekirch, 32UKA9580027850\n"
    "4. ACTIVITY: bridge deck cracked after own prepared demolition charge partially detonated.\n"
    "5. ACTION: MSR BLUE diverted via Ettelbruck (N7). MP traffic post set up.\n"
    "6. REMARKS: repair est 36 hrs once bridging stores arrive."
)


def test_numbered_lines_with_labels() -> None:
    report = _report(NUMBERED_EN)
    assert (report.kind, report.language) == ("spot", "en")
    assert report.slots["time"] == "071900ZDEC26"
    # In a SPOT, the unit named above the SALUTE lines is the one reporting (FM 6-99 line 2).
    assert report.slots["reporting_unit"] == "2 Engr Sqn recce team"
    assert "unit" not in report.slots
    assert report.slots["location"] == "N17 road bridge over the Sûre, Diekirch, 32UKA9580027850"
    assert report.slots["activity"].startswith("bridge deck cracked")
    # ACTION and REMARKS both go to remarks; the second keeps its label.
    assert report.slots["remarks"] == (
        "MSR BLUE diverted via Ettelbruck (N7). MP traffic post set up."
        f"{PIECE_SEPARATOR}REMARKS: repair est 36 hrs once bridging stores arrive."
    )
    assert list(report.slots) == ["reporting_unit", "activity", "location", "time", "remarks"]


def test_numbered_5w_in_english() -> None:
    report = _report(
        "SPOT REPORT - AD Sect 2\n"
        "1) WHO: AD post 4\n"
        "2) WHAT: 2x Mi-24 low and fast, westbound along the Our valley, no engagement\n"
        "3) WHERE: passed 32UKA95567580 (Ouren) twd Weiswampach / St. Vith\n"
        "4) WHEN: 150710Z DEC 26\n"
        "5) REMARKS: prob escorting Mi-8 further E (heard, not seen)"
    )
    assert (report.kind, report.language) == ("spot", "en")
    assert dict(report.slots) == {
        "reporting_unit": "AD post 4",
        "activity": "2x Mi-24 low and fast, westbound along the Our valley, no engagement",
        "location": "passed 32UKA95567580 (Ouren) twd Weiswampach / St. Vith",
        "time": "150710Z DEC 26",
        "remarks": "prob escorting Mi-8 further E (heard, not seen)",
    }


def test_french_cri_with_dashed_numbers() -> None:
    text = (
        "COMPTE RENDU IMMÉDIAT\n"
        "1 – Qui : TC2 du GTIA Lorraine\n"
        "2 – Quoi : rupture imminente de carburant, stock de gazole à 12 % au dépôt\n"
        "3 – Où : dépôt logistique de Bettembourg, 32UKV903890\n"
        "4 – Quand : 111600ZDÉC26\n"
        "5 – Conséquences : les VBCI et les chars Leclerc ne pourront plus manœuvrer\n"
        "6 – Demande : livraison prioritaire d'au moins 60 m3 de gazole, escorte sur l'A3"
    )
    report = _report(text)
    assert (report.kind, report.language) == ("spot", "fr")
    assert dict(report.slots) == {
        "reporting_unit": "TC2 du GTIA Lorraine",
        "activity": "rupture imminente de carburant, stock de gazole à 12 % au dépôt",
        "location": "dépôt logistique de Bettembourg, 32UKV903890",
        "time": "111600ZDÉC26",
        "assessment": "les VBCI et les chars Leclerc ne pourront plus manœuvrer",
        "remarks": "livraison prioritaire d'au moins 60 m3 de gazole, escorte sur l'A3",
    }
    assert report.to_text().startswith("Unité émettrice: TC2 du GTIA Lorraine. Activité: rupture imminente")
    for slot, (start, end) in report.source_spans.items():
        assert text[start:end] == report.slots[slot]


def test_german_lettered_items() -> None:
    report = _report(
        "SOFORTMELDUNG Logistik\n"
        "a) Zeit: 171400Z\n"
        "b) Ort: Feldtanklager Mersch, 32U KA 9153 1476\n"
        "c) Ereignis: Betankungsanlage ausgefallen (Pumpendefekt), Diesel nur noch aus Kanistern\n"
        "d) Auswirkung: Betankung der Boxer-Kompanie verzögert sich um ca. 6 Std.\n"
        "e) Maßnahme: Ersatzpumpe aus Bettembourg angefordert"
    )
    # "a)" and "e)" count the list here; they are not the SALUTE letters A and E.
    assert (report.kind, report.language) == ("spot", "de")
    assert dict(report.slots) == {
        "activity": "Betankungsanlage ausgefallen (Pumpendefekt), Diesel nur noch aus Kanistern",
        "location": "Feldtanklager Mersch, 32U KA 9153 1476",
        "time": "171400Z",
        "assessment": "Betankung der Boxer-Kompanie verzögert sich um ca. 6 Std.",
        "remarks": "Ersatzpumpe aus Bettembourg angefordert",
    }
    assert "equipment" not in report.slots


def test_french_slashed_letters() -> None:
    report = _report(
        "SPOTREP LOG\n"
        "A/ Unité : GTIA 2 / escadron Jaguar\n"
        "B/ Heure : 122200ZDEC26\n"
        "C/ Lieu : 32U LV 03 88 (Mondorf)\n"
        "D/ Situation : CARBURANT CRITIQUE, réserve 15 % pour 12 Jaguar et 6 Griffon\n"
        "E/ Le camion-citerne prévu n'est pas arrivé (A13 coupée)\n"
        "F/ Demande : ravitaillement avant 0400Z sinon escadron immobilisé"
    )
    assert (report.kind, report.language) == ("spot", "fr")
    assert report.slots["reporting_unit"] == "GTIA 2 / escadron Jaguar"
    assert report.slots["time"] == "122200ZDEC26"
    assert report.slots["location"] == "32U LV 03 88 (Mondorf)"
    # An item without a label belongs to the item above it.
    assert report.slots["activity"] == (
        "CARBURANT CRITIQUE, réserve 15 % pour 12 Jaguar et 6 Griffon\n"
        "E/ Le camion-citerne prévu n'est pas arrivé (A13 coupée)"
    )
    assert report.slots["remarks"] == "ravitaillement avant 0400Z sinon escadron immobilisé"


BULLETED_FR = {
    "reporting_unit": "section de protection, quartier Kirchberg",
    "activity": "sac à dos abandonné devant l'entrée du bâtiment de l'état-major de liaison",
    "location": "Kirchberg, Luxembourg, 32UKA94910114",
    "time": "découvert à 0745Z, levée de doute à 0840Z",
    "narrative": "sac appartenant à un étudiant, contenu inoffensif. Fin d'alerte.",
}


def test_french_bullets() -> None:
    report = _report(
        "COMPTE RENDU IMMÉDIAT\n"
        "- Qui : section de protection, quartier Kirchberg\n"
        "- Quoi : sac à dos abandonné devant l'entrée du bâtiment de l'état-major de liaison\n"
        "- Où : Kirchberg, Luxembourg, 32UKA94910114\n"
        "- Quand : découvert à 0745Z, levée de doute à 0840Z\n"
        "- Résultat : sac appartenant à un étudiant, contenu inoffensif. Fin d'alerte."
    )
    assert (report.kind, report.language, dict(report.slots)) == ("spot", "fr", BULLETED_FR)


@pytest.mark.parametrize(
    "text",
    [
        (
            "Qui : section de protection, quartier Kirchberg | Quoi : sac à dos abandonné devant l'entrée du "
            "bâtiment de l'état-major de liaison | Où : Kirchberg, Luxembourg, 32UKA94910114 | Quand : découvert à "
            "0745Z, levée de doute à 0840Z | Résultat : sac appartenant à un étudiant, contenu inoffensif. Fin d'alerte."
        ),
        (
            "CRI | - Qui : section de protection, quartier Kirchberg | - Quoi : sac à dos abandonné devant l'entrée "
            "du bâtiment de l'état-major de liaison | - Où : Kirchberg, Luxembourg, 32UKA94910114 | - Quand : découvert "
            "à 0745Z, levée de doute à 0840Z | - Résultat : sac appartenant à un étudiant, contenu inoffensif. Fin "
            "d'alerte."
        ),
        (
            "1) Qui : section de protection, quartier Kirchberg | 2) Quoi : sac à dos abandonné devant l'entrée du "
            "bâtiment de l'état-major de liaison | 3) Où : Kirchberg, Luxembourg, 32UKA94910114 | 4) Quand : découvert "
            "à 0745Z, levée de doute à 0840Z | 5) Résultat : sac appartenant à un étudiant, contenu inoffensif. Fin "
            "d'alerte."
        ),
    ],
)
def test_one_line_with_bars(text: str) -> None:
    report = _report(text)
    assert (report.kind, report.language, dict(report.slots)) == ("spot", "fr", BULLETED_FR)
    for slot, (start, end) in report.source_spans.items():
        assert text[start:end] == report.slots[slot]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            (
                "SPOT REPORT\nTIME: 140815ZDEC26\nPLACE: Diekirch, hospital area\nWHAT: several artillery shells landed "
                "on the civilian hospital\nWHY: unknown\nHOW: indirect fire from the E"
            ),
            "en",
            {
                "time": "140815ZDEC26",
                "location": "Diekirch, hospital area",
                "activity": "several artillery shells landed on the civilian hospital\nHOW: indirect fire from the E",
                "assessment": "unknown",
            },
        ),
        (
            (
                "SPOTREP\n1. DTG: 030655ZDEC26\n2. LOC: 32U LA 1420 1935, wood line W of Echternach\n3. OBS: 4 x dead "
                "cattle\n4. DET: M8 paper negative\n5. ACTION: patrol in MOPP 4\n6. ASSESSMENT: POSS chem contamination"
            ),
            "en",
            {
                "time": "030655ZDEC26",
                "location": "32U LA 1420 1935, wood line W of Echternach",
                "activity": "4 x dead cattle",
                "narrative": "M8 paper negative",
                "remarks": "patrol in MOPP 4",
                "assessment": "POSS chem contamination",
            },
        ),
        (
            (
                "CRI – compte rendu immédiat\nÉmetteur : peloton de reconnaissance\nQUOI : colonne blindée ennemie\n"
                "OÙ : pont de Merzig\nGDH : 081030ZDÉC26\nATTITUDE : en mouvement vers l'ouest\n"
                "ACTION ENTREPRISE : observation maintenue\nBILAN : néant"
            ),
            "fr",
            {
                "reporting_unit": "peloton de reconnaissance",
                "activity": "colonne blindée ennemie\nATTITUDE : en mouvement vers l'ouest",
                "location": "pont de Merzig",
                "time": "081030ZDÉC26",
                "remarks": "observation maintenue",
                "narrative": "néant",
            },
        ),
        (
            (
                "CRI NRBC\nQui : poste de contrôle\nQuoi : alarme du détecteur chimique AP4C\nOù : barrage sur la N3\n"
                "Quand : 121420Z\nMesures : port du masque\nDemande : équipe d'identification NRBC\n"
                "Pertes : aucune"
            ),
            "fr",
            {
                "reporting_unit": "poste de contrôle",
                "activity": "alarme du détecteur chimique AP4C",
                "location": "barrage sur la N3",
                "time": "121420Z",
                "remarks": "port du masque\nDemande : équipe d'identification NRBC",
                "narrative": "aucune",
            },
        ),
        (
            (
                "SOFORTMELDUNG\nWer: Spähtrupp 3\nWas: feindliche mechanisierte Kräfte\nWo: auf der B257\n"
                "Wann: 121015ZDEZ26\nLage: Marsch Richtung Südwest\nBeurteilung: Vorstoß auf Echternach"
            ),
            "de",
            {
                "reporting_unit": "Spähtrupp 3",
                "activity": "feindliche mechanisierte Kräfte\nLage: Marsch Richtung Südwest",
                "location": "auf der B257",
                "time": "121015ZDEZ26",
                "assessment": "Vorstoß auf Echternach",
            },
        ),
        (
            (
                "SPOTREP ABC\nZeit: 151210Z\nOrt: Güterbahnhof Bettembourg\nEreignis: Kesselwagen undicht\n"
                "Maßnahmen: Absperrung 300 m\nAnforderung: ABC-Abwehrzug\nBedarf: Schutzmasken\n"
                "Verluste: 2 Eisenbahner verletzt\nAuswirkung: Bahnhof gesperrt"
            ),
            "de",
            {
                "time": "151210Z",
                "location": "Güterbahnhof Bettembourg",
                "activity": "Kesselwagen undicht",
                "remarks": "Absperrung 300 m\nAnforderung: ABC-Abwehrzug\nBedarf: Schutzmasken",
                "narrative": "2 Eisenbahner verletzt",
                "assessment": "Bahnhof gesperrt",
            },
        ),
    ],
)
def test_5w_and_heading_labels(text: str, language: str, expected: dict[str, str]) -> None:
    report = _report(text)
    assert (report.kind, report.language, dict(report.slots)) == ("spot", language, expected)


def test_joined_slot_keeps_source_offsets() -> None:
    text = (
        "SPOT REPORT\nWHAT: artillery on Diekirch\nWHERE: Diekirch, hospital area\nACTION: own med Pl\n"
        "supporting CGDIS\nREQUEST: more ambulances from Ettelbruck"
    )
    report = _report(text)
    assert report.slots["remarks"] == "own med Pl\nsupporting CGDIS\nREQUEST: more ambulances from Ettelbruck"
    assert "remarks" not in report.source_spans  # no one stretch of the source holds it
    assert [text[a:b] for a, b in report.source_pieces["remarks"]] == [
        "own med Pl\nsupporting CGDIS",
        "REQUEST: more ambulances from Ettelbruck",
    ]
    rendered = report.render()
    assert "Remarks: own med Pl supporting CGDIS REQUEST: more ambulances from Ettelbruck." in rendered.text
    start = rendered.text.index("Ettelbruck")
    source = rendered.to_source(start, start + len("Ettelbruck"))
    assert source is not None and text[source[0] : source[1]] == "Ettelbruck"
    assert all(a == b for a, b in _source_of(report, text, "remarks"))


def test_preamble_under_a_title_is_kept() -> None:
    text = (
        "CRI GE\n"
        "1. Brouillage GNSS constaté depuis 0530Z sur la zone Ettelbruck\n"
        "2. Effets : perte de la position GPS sur les récepteurs véhicules\n"
        "4. Mesures : navigation à la carte et boussole\n"
        "5. Demande : localisation de l'émetteur"
    )
    report = _report(text)
    assert report.kind == "spot"
    assert report.slots["assessment"] == "perte de la position GPS sur les récepteurs véhicules"
    assert report.slots["remarks"] == (
        "1. Brouillage GNSS constaté depuis 0530Z sur la zone Ettelbruck\n"
        "Mesures : navigation à la carte et boussole\n"
        "Demande : localisation de l'émetteur"
    )
    assert all(a == b for a, b in _source_of(report, text, "remarks"))
    # A labelled REMARKS line after such text keeps its label too.
    report = _report("SPOTREP\nPatrol 3 sends:\nS: 2 tanks\nRMKS: more later")
    assert report.kind == "spot"
    assert report.slots["remarks"] == "Patrol 3 sends:\nRMKS: more later"


# --- what the unit word means --------------------------------------------------------------------


def test_unit_word_in_a_spot() -> None:
    # Below a SALUTE line it is the observed unit, as is every unit in a SALUTE.
    assert _report("SPOTREP\nSIZE: 2 tanks\nUNIT: unk\nWHERE: Wiltz").slots["unit"] == "unk"
    assert _report("SALUTE\nUNIT: 3 Coy\nSIZE: 2 tanks").slots["unit"] == "3 Coy"
    assert _report("UNIT: 3 Coy\nSIZE: 2 tanks").slots["unit"] == "3 Coy"
    # The letter U is always the SALUTE unit; so are numbered SPOT lines, whose number decides.
    assert _report("SPOT REPORT\nU: unk\nS: 2 tanks").slots["unit"] == "unk"
    assert _report("LINE 6 - UNIT: unk\nLINE 3 - SIZE: 2").slots["unit"] == "unk"
    # Above the SALUTE lines, both the reporting and the observed unit.
    both = _report("SPOTREP\n1. UNIT: B/2-8 IN\n2. SIZE: 2 tanks\n3. UNIT: unk")
    assert (both.slots["reporting_unit"], both.slots["unit"]) == ("B/2-8 IN", "unk")
    # An explicit reporting unit leaves UNIT alone.
    explicit = _report("SPOTREP\nWHO: OP 3\nUNIT: unk\nSIZE: 2 tanks")
    assert (explicit.slots["reporting_unit"], explicit.slots["unit"]) == ("OP 3", "unk")


def test_who_below_the_salute_lines_is_the_actor() -> None:
    report = _report(
        "CRI n°4 – PC 2e Cie\n"
        "1. Quoi : attaque en cours contre notre point de contrôle du pont de Wasserbillig\n"
        "2. Où : 32U LA 19 11, confluence Moselle / Sûre, rive ouest\n"
        "3. Quand : depuis 161950ZDEC26, toujours en cours\n"
        "4. Qui : env. 20 fantassins ennemis appuyés par 2 BMP-2\n"
        "6. Action : section en défense ferme, demandons QRF et appui mortier 120"
    )
    assert report.kind == "spot"
    assert report.slots["unit"] == "env. 20 fantassins ennemis appuyés par 2 BMP-2"
    assert "reporting_unit" not in report.slots
    # Named as the sender, it is the sender wherever it stands.
    assert _report("Quoi : attaque\nOù : Wasserbillig\nÉmetteur : PC 2e Cie").slots["reporting_unit"] == "PC 2e Cie"


def test_german_reporter_labels() -> None:
    report = _report(
        "SOFORTMELDUNG – FEINDBERÜHRUNG\n"
        "1. Meldender: PzGrenZg Wallendorf\n"
        "2. Zeit: 150432Z DEZ 26\n"
        "3. Ort: Brücke Wallendorf, 32U LA 052 271\n"
        "4. Lage: Feind greift mit ca. 2 Kp und Schützenpanzern über die Sauer an\n"
        "5. Verluste: 1 Gefallener, 3 Verwundete (vorläufig)"
    )
    assert (report.kind, report.language) == ("spot", "de")
    assert report.slots["reporting_unit"] == "PzGrenZg Wallendorf"
    assert report.slots["narrative"] == "1 Gefallener, 3 Verwundete (vorläufig)"
    assert (
        _report("1. Wer meldet: BeobPosten Kranich\n2. Was: Aufklärungstrupp Feind").slots["reporting_unit"]
        == "BeobPosten Kranich"
    )


# --- SALUTE letters and list markers -------------------------------------------------------------


def test_salute_letters_with_slashes_and_periods() -> None:
    report = _report("S/ 1 cie renforcée\nA/ franchissement de la Moselle\nL/ 32U LV 1240 9820\nE/ PMP, 4 T-90M")
    assert dict(report.slots) == {
        "size": "1 cie renforcée",
        "activity": "franchissement de la Moselle",
        "location": "32U LV 1240 9820",
        "equipment": "PMP, 4 T-90M",
    }
    assert dict(_report("S. 2 tanks\nA. static\nT. 0800Z").slots) == {
        "size": "2 tanks",
        "activity": "static",
        "time": "0800Z",
    }


def test_words_that_look_like_markers() -> None:
    report = _report("S: 2 tanks\nA: moving\nA/C overhead, U.S. markings\nT-72 seen")
    assert report.slots["activity"] == "moving\nA/C overhead, U.S. markings\nT-72 seen"


# --- what stays rejected --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Numbered SPOT lines without labels: their authors do not keep the FM 6-99 line order.
        (
            "SPOTREP\n1. 141155ZDEC26\n2. 32U LA 2981 1352 (Trier-West, Moselle bridges)\n"
            "3. column of approx 25 vehicles crossing to the W bank\n4. moving W on B51 twd Konz / Wasserbillig, speed ~20 km/h"
        ),
        "SOFORTMELDUNG\n1. 150645ZDEZ26\n2. Feldlager Findel\n3. Luftalarm ausgelöst nach Radarkontakt",
        # Lettered the same way: "A." and "E." count the list and are not the SALUTE letters.
        (
            "SPOTREP (civil)\nA. 091450ZDEC26\nB. Police / CIMIC Grevenmacher\nC. 32ULA19450870\n"
            "D. 3 children walked into field\nE. Field not on our obstacle overlay"
        ),
        # Prose, and prose with a single label.
        "Where: unknown, the patrol lost contact.",
        "We saw the column. - What: tanks, we think. Then it left.",
        "1. We left at dawn.\n2. Nothing seen.\n3. Back by noon.",
        "Un cri entendu vers 0300Z près du poste.",
    ],
)
def test_unlabelled_lists_and_prose_are_rejected(text: str) -> None:
    assert _rejection(text).reason == Reason.SALUTE_UNPARSEABLE


def test_labels_in_prose_need_two_slots() -> None:
    report = _report("Where: unknown\nWhen: last night")
    assert dict(report.slots) == {"location": "unknown", "time": "last night"}
    assert _rejection("WHAT: tanks\nSITUATION: static").reason == Reason.SALUTE_UNPARSEABLE  # one slot only


def test_lower_case_cri_is_not_a_title() -> None:
    report = _report("Un cri entendu\nQui : sentinelle\nOù : poste 2")
    assert report.slots["remarks"] == "Un cri entendu"
    assert _report("CRI\nQui : sentinelle\nOù : poste 2").slots.get("remarks") is None


@pytest.mark.parametrize(
    "text",
    [
        "S: 2 tanks\nSIZE: 3 tanks\nA: moving",  # two names of the slot itself
        "1. WHERE: Wiltz\n2. LOCATION: Diekirch\n3. LIEU: Ettelbruck\n4. WHAT: x",
    ],
)
def test_a_slot_named_twice_is_a_duplicate(text: str) -> None:
    assert _rejection(text).reason == Reason.SALUTE_DUPLICATE_SLOT


def test_dict_with_5w_keys() -> None:
    report = _report({"who": "OP 3", "what": "2 tanks", "situation": "static", "where": "Wiltz"})
    assert report.kind == "spot"
    assert dict(report.slots) == {
        "reporting_unit": "OP 3",
        "activity": f"2 tanks{PIECE_SEPARATOR}situation: static",
        "location": "Wiltz",
    }
    assert _rejection({"size": "a", "strength": "b"}).reason == Reason.SALUTE_DUPLICATE_SLOT


# --- properties ----------------------------------------------------------------------------------

# Labels as authors write them, by the slot they fill.
_WRITTEN: dict[str, list[str]] = {
    "reporting_unit": ["WHO", "Qui", "Wer", "Émetteur", "QUI"],
    "activity": ["WHAT", "Quoi", "Was", "Ereignis", "OBS", "Situation", "Lage", "ACTIVITY"],
    "location": ["WHERE", "PLACE", "Où", "Wo", "LOC", "Lieu", "Ort"],
    "time": ["WHEN", "Quand", "Wann", "GDH", "DTG", "Zeit"],
    "remarks": ["REQUEST", "Demande", "Maßnahmen", "Bedarf", "ACTION", "Mesures"],
    "assessment": ["Conséquences", "Auswirkung", "WHY", "CONSEQUENCES"],
    "narrative": ["RESULT", "Bilan", "Verluste", "Résultat"],
}
_WHO = {"WHO", "Qui", "Wer", "QUI"}
_MARKERS = ["{n}. ", "{n}) ", "{n} – ", "{n} - ", "{a}) ", "{A}/ ", "{A}. ", "- ", "• ", ""]
_TITLES = ["", "SPOTREP\n", "CRI – compte rendu immédiat\n", "SOFORTMELDUNG\n", "SPOT REPORT | "]

# A value that opens with a label of its own ("LOC: ...") reads as a repeated label; leave those out.
_LABEL_SHAPED = re.compile(r"[^\W\d_][\w'\u2019 ./]{0,39}?[ \t]*(?:[:=)]|[-\u2013\u2014.](?=[ \t]))")
_value = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=";|"),
        min_size=1,
        max_size=30,
    )
    .map(lambda v: " ".join(v.split()))
    .filter(lambda v: bool(v) and _LABEL_SHAPED.match(v) is None)
)


def _marker(template: str, index: int) -> str:
    return template.format(n=index + 1, a="abcdefgh"[index], A="ABCDEFGH"[index])


@st.composite
def _layout(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    slots = draw(st.lists(st.sampled_from(sorted(_WRITTEN)), min_size=2, max_size=7, unique=True))
    marker = draw(st.sampled_from(_MARKERS))
    separator = draw(st.sampled_from(["\n", "\r\n", " | ", "\n\n"]))
    colon = draw(st.sampled_from([": ", " : ", ":"]))
    lines: list[str] = []
    expected: dict[str, str] = {}
    below_salute_lines = False
    for index, slot in enumerate(slots):
        label = draw(st.sampled_from(_WRITTEN[slot]))
        value = draw(_value)
        lines.append(f"{_marker(marker, index)}{label}{colon}{value}")
        # Below a SALUTE line, WHO asks who did it, not who reports it.
        expected["unit" if below_salute_lines and label in _WHO else slot] = value
        below_salute_lines = below_salute_lines or slot in ("activity", "location")
    return draw(st.sampled_from(_TITLES)) + separator.join(lines), expected


@settings(max_examples=300, deadline=None)
@given(_layout())
def test_layout_round_trip(layout: tuple[str, dict[str, str]]) -> None:
    text, expected = layout
    report = _report(text)
    assert dict(report.slots) == expected
    for slot, (start, end) in report.source_spans.items():
        assert text[start:end] == report.slots[slot]
    assert report.to_text() == _report(report.to_lines()).to_text()
    for language in ("en", "fr", "de"):
        again = _report(report.to_lines(language))  # type: ignore[arg-type]
        assert (again.kind, dict(again.slots)) == (report.kind, expected)


_junk_rows = st.lists(
    st.tuples(
        st.sampled_from([*_MARKERS, "LINE 2 - ", "{A} - ", "B) "]),
        st.sampled_from([*(w for words in _WRITTEN.values() for w in words), "UNIT", "S", "E", "x", "cri", ""]),
        st.sampled_from([":", " :", ")", " -", "/", ""]),
        st.text(max_size=12),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(_junk_rows, st.sampled_from(_TITLES))
def test_layout_shaped_junk_never_raises(rows: list[tuple[str, str, str, str]], title: str) -> None:
    text = title + "\n".join(f"{_marker(m, i)}{w}{d} {v}" for i, (m, w, d, v) in enumerate(rows))
    result = parse_structured(text)
    assert isinstance(result, (StructuredReport, Rejection))
    if isinstance(result, StructuredReport):
        assert "\n" not in result.to_text()
        for slot, (start, end) in result.source_spans.items():
            assert text[start:end] == result.slots[slot]
        for slot, pieces in result.source_pieces.items():
            assert PIECE_SEPARATOR.join(text[a:b] for a, b in pieces) == result.slots[slot]
        for slot in result.slots:
            assert all(a == b for a, b in _source_of(result, text, slot))
        assert isinstance(parse_structured(result.to_lines()), (StructuredReport, Rejection))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_keeps_offsets(text: str) -> None:
    result = parse_structured(text)
    if isinstance(result, StructuredReport):
        for slot, pieces in result.source_pieces.items():
            assert PIECE_SEPARATOR.join(text[a:b] for a, b in pieces) == result.slots[slot]
        for slot in result.slots:
            assert all(a == b for a, b in _source_of(result, text, slot))


def test_a_message_dtg_above_the_salute_lines_is_the_time_of_the_report() -> None:
    # osd12: "DTG:" in the message header and "T:" below were one slot named twice, and the report was
    # triaged as free text. The header DTG is when the report was sent; T is when the thing was seen.
    text = (
        "SALUTE - OVERFLIGHT\nFROM: FP CELL, TAPA\nDTG: 120710ZMAR26\nS: 2 X SMALL UAS\nA: LOOPS OVER THE CAMP\n"
        "L: 35V MF 4009 6724\nT: 112310Z TO 112342Z\nU: UNKNOWN\nE: NOT ENGAGED"
    )
    report = _report(text)
    assert report.slots["report_time"] == "120710ZMAR26" and report.slots["time"] == "112310Z TO 112342Z"
    # Two DTG-like lines among the SALUTE lines are still a slot named twice.
    assert _rejection("S: 2 tanks\nT: 0700Z\nA: moving\nDTG: 0710Z").reason == Reason.SALUTE_DUPLICATE_SLOT
