"""Entities: a spaCy pipeline hosting rule components (GRID, DTG, EQUIPMENT, LOCATION, QUANTITY)
and the ONNX Mistral NER as a component, with one documented merge policy.

Merge policy (`triage_merge`), highest first; a lower-ranked span that overlaps a kept one is dropped:
  1. GRID and DTG from the validating parsers (a grid that decodes, a date that exists);
  2. EQUIPMENT from the curated catalogue and LOCATION from the gazetteer (known names);
  3. QUANTITY from the patterns;
  4. the model's spans (UNIT, PERSON, ORG, and LOCATION / EQUIPMENT / QUANTITY names the lists lack),
     kept only at a mean token confidence of at least MODEL_MIN_CONFIDENCE. The model's GRID and
     DTG spans are never kept: a grid or date the parsers cannot validate is not evidence.
Within a rank, longer spans win. Build the pipeline once with `build_nlp()` and pass it in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from operators.entities.dtg import find_dtgs
from operators.entities.equipment import lookup_equipment, match_equipment, reported
from operators.entities.grid import find_grids
from operators.entities.locations import find_places, plausible_name
from operators.geo.gazetteer import COUNTRY, REGION, Gazetteer, gazetteer_for
from operators.geo.place import fold_name
from operators.geo.theatre import load_theatre

MODEL_MIN_CONFIDENCE = 0.55
RANK = {"parser": 0, "catalogue": 1, "pattern": 2, "model": 3}

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|"
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|"
    "ein|eine|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|dutzend"
)
# Their first letters, tested before the alternation: most words of a report fail on one character class
# instead of forty case-insensitive literals (a fifth of the entity step's regex time).
_NUMBER_INITIALS = "".join(sorted({w[0] for w in _NUMBER_WORDS.split("|")}))
_QUANTITY = re.compile(
    rf"\b(?:\d{{1,4}}\s?x(?=[\s\d]|\b)|\d{{1,4}}(?:\s?-\s?\d{{1,4}})?\s?(?:x\s?)?(?:pax|PAX|personnel|persons|people|men|soldiers|troops|"
    rf"vehicles?|véhicules?|Fahrzeuge?n?|Soldaten|Personen|Mann|hommes|personnes|civils|civilians|Zivilisten|"
    rf"WIA|KIA|MIA|wounded|killed|blessés?|tués?|morts?|Verwundete?n?|Tote|Verletzte?n?|"
    rf"tanks?|chars?|Panzer|trucks?|camions?|Lkw|LKW|drones?|Drohnen?|rounds?|obus|Granaten|"
    rf"aircraft|avions?|Flugzeuge?|helicopters?|hélicoptères?|Hubschrauber|families|familles|Familien)\b|"
    rf"(?=[{_NUMBER_INITIALS}])(?:{_NUMBER_WORDS})\s(?=(?:[A-Z]{{2,}}|T-|BMP|BTR|tanks?|chars?|Panzer|trucks?|camions?|drones?|Drohnen|vehicles?|véhicules|Fahrzeuge|soldiers|soldats|Soldaten|pax)))",
    re.IGNORECASE,
)

# Road numbers: N7, E411, A31, B51, CR123, L150, D918, and further afield RN17 (France, Sahel), DN1 and
# DJ105 (Romania), DK61 (Poland); M-roads (Ukraine, Belarus, Balkans) only after an article or a road word,
# as "M1", "M2" and "M8" are also kit.
_ROAD = re.compile(
    r"(?<![\w-])(?:N\d{1,3}|E\d{2,3}|A\d{1,2}|B\d{2,3}|CR\s?\d{2,3}|L\d{3}|D\d{2,4}|RN\d{1,3}|DN\d{1,3}[A-Z]?|"
    r"DJ\d{2,4}|DK\d{1,3}|(?:(?<=the )|(?<=la )|(?<=le )|(?<=de )|(?<=der )|(?<=die )|(?<=route )|(?<=road )|"
    r"(?<=highway )|(?<=Straße ))M-?\d{1,2})(?![\w-])"
)
# Named military sites: a name glued to "-Kaserne" ("Andreas-Hofer-Kaserne"), or a site word and its name
# ("RAF Akrotiri", "Camp Castor", "PB FALCON", "Fort Hood", "Fliegerhorst Laage"), or a name and "Barracks".
# Not "OP": an observation post or an operation ("OP IMPACT").
# The name alone may be a town of the gazetteer ("Akrotiri"): the site is the mention, normalised to the place
# the place finder accepts inside it, else to itself ("OP HARROW" in Syria is not Harrow).
_SITE = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][\wäöüß]*\.?-)+Kaserne\b"
    r"|\b(?:RAF|Camp|Fort|FOB|COP|PB|Patrol Base|Forward Operating Base|Naval Station|Air Base|"
    r"Feldlager|Fliegerhorst|Flugplatz|Truppenübungsplatz|Marinestützpunkt)"
    r" (?P<name>[A-ZÄÖÜ][a-zäöüß][a-zäöüß'’-]*(?: [A-ZÄÖÜ][a-zäöüß][a-zäöüß'’-]*)?)\b"
    # In capitals only after an abbreviation: "CAMP GATE" is a gate, "OP IMPACT" an operation.
    r"|\b(?:RAF|FOB|COP|PB) (?P<caps>[A-Z]{3,})\b"
    r"|\b(?P<before>[A-Z][a-z][a-z'’-]*(?: [A-Z][a-z][a-z'’-]*)?) Barracks\b"
)
# Words after a site word that name a unit, a service or kit, not a site ("RAF Regiment", "Camp Commandant").
_NOT_SITE_NAMES = frozenset(
    {
        "regiment",
        "police",
        "command",
        "squadron",
        "group",
        "wing",
        "reserve",
        "support",
        "personnel",
        "aircraft",
        "jet",
        "jets",
        "fighter",
        "fighters",
        "pilot",
        "pilots",
        "station",
        "commandant",
        "staff",
        "crew",
        "crews",
        "team",
        "teams",
        "forces",
        "force",
        "officer",
        "officers",
        "headquarters",
        "sergeant",
        "chief",
    }
)
# A country or region in the German genitive ("Serbiens Präsident", "Österreichs Bundesheer").
_GENITIVE = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}s\b")
# A compass word glued to a country or region: "Westukraine", "Ostukraine", "Südtirol", "Nordsyrien".
_COMPASS = re.compile(r"\b(?:Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Zentral|Mittel)(?P<stem>[a-zäöü]{4,})\b")

# German landscape and district names the gazetteer lacks: a capitalised compound ending in a landscape word
# ("Rothaargebirge", "Hochsauerlandkreis", "Albulatal", "Prättigau", "Vulkaneifel", "Nordfriesland",
# "Schwielowsee"), or an "-er" adjective before one ("Lüneburger Heide", "Zürcher Oberland", "Eckernförder
# Bucht"). Common nouns with the same endings are listed: what is left is a name.
_DE_LANDSCAPE = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß]+er\s(?:Heide|Bucht|Oberland|Unterland|Seenplatte|Alb|Förde|Marsch|Becken|"
    r"Bergland|Hügelland|Tiefland|Land|Wald|See|Tal|Schweiz)|"
    r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:kreis|gebirge|tal|gau|see|bucht|land|eifel|förde|heide))(?![\w-])"
)
_DE_LANDSCAPE_COMMON = frozenset(
    {
        # -land
        "ausland",
        "inland",
        "umland",
        "hinterland",
        "binnenland",
        "bergland",
        "flachland",
        "festland",
        "heimatland",
        "vaterland",
        "mutterland",
        "bundesland",
        "nachbarland",
        "partnerland",
        "mitgliedsland",
        "gastland",
        "drittland",
        "einsatzland",
        "herkunftsland",
        "zielland",
        "transitland",
        "aufnahmeland",
        "grenzland",
        "hochland",
        "tiefland",
        "ackerland",
        "weideland",
        "küstenland",
        "geberland",
        "empfängerland",
        "lieferland",
        "exportland",
        "importland",
        "industrieland",
        "schwellenland",
        "entwicklungsland",
        "sumpfland",
        "grünland",
        "brachland",
        "bauland",
        "neuland",
        "kernland",
        "wunderland",
        "märchenland",
        "traumland",
        "hügelland",
        "moorland",
        "waldland",
        "niemandsland",
        "abendland",
        "morgenland",
        "erstaufnahmeland",
        "anrainerland",
        "teilnehmerland",
        "truppenstellerland",
        # -kreis
        "landkreis",
        "sperrkreis",
        "teilnehmerkreis",
        "stadtkreis",
        "wahlkreis",
        "freundeskreis",
        "familienkreis",
        "bekanntenkreis",
        "führungskreis",
        "personenkreis",
        "kundenkreis",
        "leserkreis",
        "arbeitskreis",
        "gesprächskreis",
        "beraterkreis",
        "expertenkreis",
        "verwandtenkreis",
        "umkreis",
        "teufelskreis",
        "regelkreis",
        "landeskreis",
        "gefahrenkreis",
        "radiuskreis",
        # -tal, -see, -gebirge, -gau, -bucht, -heide
        "digital",
        "total",
        "frontal",
        "hospital",
        "dental",
        "horizontal",
        "vital",
        "trockental",
        "stausee",
        "badesee",
        "baggersee",
        "binnensee",
        "tiefsee",
        "hochsee",
        "übersee",
        "hochgebirge",
        "mittelgebirge",
        "faltengebirge",
        "grenzgebirge",
        "hafenbucht",
        "meeresbucht",
    }
)
# Endings that make a common noun of any compound ("Kundenportal", "Regionalspital", "Entscheide").
_DE_LANDSCAPE_COMMON_ENDS = ("portal", "spital", "scheide", "kapital", "quartal", "stromkreis")


# A capitalised name after a locative word, for places the gazetteer lacks ("vic Bollendorf",
# "près de Rosport", "bei Ralingen"). No coordinates: it names, it does not locate. German capitalises
# every noun, so German reports get only the words that introduce places ("bei", "im Raum"), not "in",
# "nach", "aus" or "von" ("nach Angaben", "aus Richtung", "in Deckung").
_NAME = (
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-Žș-ț][a-zà-öø-ÿßā-žș-ț]{2,}(?:[-‑][A-ZÀ-ÖØ-ÞĀ-Ž]?[a-zà-öø-ÿßā-žș-ț]+)*"
    r"(?:\s(?:an der|sur|sous|am|an|bei|les|la|le)\s[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿßā-žș-ț]+)?)"
)
_LOCATIVE_WORDS = {
    "en": r"vic|vicinity of|near|nr|outside|outskirts of|north of|south of|east of|west of|NE of|NW of|SE of|SW of|"
    r"towards?|from|at|in|into|through|via|between|route",
    "fr": r"près de|à|vers|depuis|de|d['’]|entre|au nord de|au sud de|à l'est de|à l'ouest de|sortie de|"
    r"aux abords de|via|carrefour|route",
    "de": r"bei|nahe|nördlich von|südlich von|östlich von|westlich von|Richtung|zwischen|Ortsausgang|Ortseingang|"
    r"Ortsteil|Raum|im Raum|über|oberhalb|unterhalb|nördl\.|südl\.|östl\.|westl\.|ostwärts|westwärts|entlang",
}
_LOCATIVE = {
    lang: re.compile(rf"(?:(?:\b(?:{words})|\bd['’])\s*){_NAME}" if lang == "fr" else rf"\b(?:{words})\s+{_NAME}")
    for lang, words in _LOCATIVE_WORDS.items()
}
_NOT_PLACES = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "Our",
        "Their",
        "His",
        "Her",
        "Its",
        "Enemy",
        "Friendly",
        "Contact",
        "Grid",
        "Time",
        "Location",
        "Unit",
        "Activity",
        "Size",
        "Equipment",
        "Remarks",
        "Report",
        "Patrol",
        "Platoon",
        "Company",
        "Squadron",
        "Battalion",
        "Regiment",
        "Brigade",
        "Section",
        "Team",
        "Troop",
        "Base",
        "Zero",
        "Sunray",
        "Alpha",
        "Bravo",
        "Charlie",
        "Delta",
        "Echo",
        "Foxtrot",
        "Golf",
        "Hotel",
        "India",
        "Juliet",
        "Kilo",
        "Lima",
        "Mike",
        "November",
        "Oscar",
        "Papa",
        "Quebec",
        "Romeo",
        "Sierra",
        "Tango",
        "Uniform",
        "Victor",
        "Whiskey",
        "Xray",
        "Yankee",
        "Zulu",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Der",
        "Die",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Einer",
        "Le",
        "La",
        "Les",
        "Un",
        "Une",
        "Des",
        "Du",
        "Nous",
        "Ils",
        "Elles",
        "Wir",
        "Sie",
        "Ihr",
        "Uns",
        "Unsere",
        "Unser",
        "Feind",
        "Richtung",
        "Stellung",
        "Zug",
        "Kompanie",
        "Bataillon",
        "Brigade",
        "Abschnitt",
        "Lage",
        "Meldung",
        "Section",
        "Compagnie",
        "Bataillon",
        "Secteur",
        "Janvier",
        "Février",
        "Mars",
        "Avril",
        "Mai",
        "Juin",
        "Juillet",
        "Août",
        "Septembre",
        "Octobre",
        "Novembre",
        "Décembre",
        "Januar",
        "Februar",
        "März",
        "April",
        "Juni",
        "Juli",
        "Oktober",
        "Dezember",
    ]
)

if not Doc.has_extension("reference"):
    Doc.set_extension("reference", default=None)
if not Doc.has_extension("model_spans"):
    Doc.set_extension("model_spans", default=())


@dataclass(frozen=True, slots=True)
class Found:
    """An entity in the report text, with its normalised value and which source found it."""

    label: str
    start: int
    end: int
    text: str
    normalized: str | None
    source: str
    confidence: float = 1.0


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _user_data(doc: Doc) -> dict[Any, Any]:
    """The doc's user data, keyed by tuples as spaCy documents (its stubs say str keys)."""
    return cast(dict[Any, Any], doc.user_data)


def _add(doc: Doc, group: str, found: Found) -> None:
    span = _span(doc, found.start, found.end, found.label)
    if span is None:
        return
    _user_data(doc).setdefault(("triage", "found"), []).append(found)
    cast(Any, doc.spans).setdefault(group, []).append(span)


@Language.factory("triage_rules", default_config={"theatre_file": ""})
def _make_rules(nlp: Language, name: str, theatre_file: str) -> RuleEntities:
    return RuleEntities(gazetteer_for(load_theatre(theatre_file or None)))


class RuleEntities:
    """GRID and DTG from the validating parsers, EQUIPMENT and LOCATION from the lists, QUANTITY."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        # Its own token index rather than a PhraseMatcher: 400,000 names, and French elision glues
        # "d'Ettelbruck" into one spaCy token.
        self.gazetteer = gazetteer
        self.equipment_keys = _equipment_keys()

    def __call__(self, doc: Doc) -> Doc:
        for found in self.find(doc.text, doc._.reference):
            _add(doc, "rules", found)
        return doc

    def find(self, text: str, reference: object) -> list[Found]:
        """The rule entities of a text, in the order the component adds them."""
        out: list[Found] = []
        add = out.append
        for g in find_grids(text):
            add(Found("GRID", g.start, g.end, g.raw, g.normalized, "parser"))
        if isinstance(reference, datetime):
            for d in find_dtgs(text, reference):
                add(Found("DTG", d.start, d.end, d.raw, d.utc.isoformat().replace("+00:00", "Z"), "parser"))
        for start, end, canonical in match_equipment(text):
            if reported(text[start:end], canonical) and not _AMMUNITION.match(text, end):
                add(Found("EQUIPMENT", start, end, text[start:end], canonical, "catalogue"))
        for m in _GERMAN_HEAD.finditer(text):
            add(Found("EQUIPMENT", m.start(), m.end(), m.group(0), _head(m.group("head")), "pattern"))
        for m in _CLASS.finditer(text):
            add(Found("EQUIPMENT", m.start(), m.end(), m.group(0), m.group(0), "pattern"))
        for start, end in _ships(text):
            add(Found("EQUIPMENT", start, end, text[start:end], text[start:end], "catalogue"))
        sites = self._sites(text)
        for p in find_places(text, self.gazetteer, self.equipment_keys):
            site = next((i for i, s in enumerate(sites) if s.start <= p.start and p.end <= s.end), None)
            if site is None:
                add(Found("LOCATION", p.start, p.end, text[p.start : p.end], p.normalized, "catalogue"))
            elif sites[site].normalized == sites[site].text:
                # "RAF Akrotiri": the site is the mention, the place the finder accepted in it locates it.
                sites[site] = replace(sites[site], normalized=p.normalized)
        out.extend(sites)
        for m in _ROAD.finditer(text):
            add(Found("LOCATION", m.start(), m.end(), m.group(0), m.group(0).replace(" ", ""), "pattern"))
        language = _language(text)
        if language == "de":
            out.extend(self._german_compounds(text))
            out.extend(self._german_landscapes(text))
        for m in _LOCATIVE[language].finditer(text):
            name = m.group("name")
            if name.split()[0] in _NOT_PLACES or lookup_equipment(name) is not None:
                continue
            if not plausible_name(name, self.gazetteer, language) or re.match(r"\s?\d", text[m.end() : m.end() + 2]):
                continue
            place = self.gazetteer.lookup(name)
            add(Found("LOCATION", m.start("name"), m.end("name"), name, place.name if place else None, "pattern"))
        for m in _QUANTITY.finditer(text):
            add(Found("QUANTITY", m.start(), m.end(), m.group(0).strip(), _quantity_value(m.group(0)), "pattern"))
        return out

    def _sites(self, text: str) -> list[Found]:
        """Named military sites (`_SITE`), normalised to themselves."""
        out: list[Found] = []
        for m in _SITE.finditer(text):
            name = m.group("name") or m.group("caps") or m.group("before")
            if name is not None and (name.split()[0].lower() in _NOT_SITE_NAMES or lookup_equipment(name) is not None):
                continue
            out.append(Found("LOCATION", m.start(), m.end(), m.group(0), m.group(0), "pattern"))
        return out

    def _german_compounds(self, text: str) -> list[Found]:
        """Countries and regions in German forms the gazetteer does not list: the genitive ("Serbiens") and
        compass compounds ("Westukraine"). Only where the word itself is not a name of the gazetteer."""
        out: list[Found] = []
        for m, stem in [(m, m.group(0)[:-1]) for m in _GENITIVE.finditer(text)] + [
            (m, m.group("stem")) for m in _COMPASS.finditer(text)
        ]:
            if self.gazetteer.candidates(fold_name(m.group(0))):
                continue  # a name in its own right ("Paris", "Westfalen"): the place finder's call
            ids = self.gazetteer.candidates(fold_name(stem))
            if ids and self.gazetteer.tiers[ids[0]] in (COUNTRY, REGION):
                place = self.gazetteer.places[ids[0]]
                out.append(Found("LOCATION", m.start(), m.end(), m.group(0), place.name, "pattern"))
        return out

    def _german_landscapes(self, text: str) -> list[Found]:
        """German landscape and district names (`_DE_LANDSCAPE`) that are not common nouns, normalised to the
        gazetteer's entry where it has one (it lists some districts the place finder wants more evidence for)."""
        out: list[Found] = []
        for m in _DE_LANDSCAPE.finditer(text):
            name = m.group(0)
            last = name.split()[-1].lower()
            if " " not in name and (last in _DE_LANDSCAPE_COMMON or last.endswith(_DE_LANDSCAPE_COMMON_ENDS)):
                continue
            place = self.gazetteer.lookup(name)
            out.append(Found("LOCATION", m.start(), m.end(), name, place.name if place else name, "pattern"))
        return out


# Function words that tell the three languages apart well enough to pick the locative words; a tenth of
# the cost of the full language detector, which the entity step would otherwise run again per report.
_FUNCTION_WORDS = re.compile(
    r"\b(?:(?P<de>der|die|das|und|nicht|mit|ist|wird|wurde|den|dem|des|ein|eine|auf|im|zur|zum)|"
    r"(?P<fr>le|la|les|et|du|des|une|est|sur|dans|pour|au|aux|sont|été)|"
    r"(?P<en>the|and|of|is|was|were|with|for|on|are|has|have|by))\b",
    re.IGNORECASE,
)


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def _function_word(word: str) -> str | None:
    """The language of a whole word that is one of the function words, else None."""
    m = _FUNCTION_WORDS.fullmatch(word)
    return m.lastgroup if m else None


def _language(text: str) -> str:
    # The function words are whole words, so each one is exactly one run of word characters: the same
    # counts as searching the text with the regex, with each distinct word judged once per process.
    counts = {"en": 0, "fr": 0, "de": 0}
    for word in _WORD.findall(text):
        lang = _function_word(word)
        if lang is not None:
            counts[lang] += 1
    return max(counts, key=lambda lang: (counts[lang], lang == "en"))


def _equipment_keys() -> frozenset[str]:
    from operators.entities.equipment import CATALOGUE

    return frozenset(fold_name(n) for item in CATALOGUE for n in item.names)


# "Grad rockets", "122mm obus": the name of a launcher before a word for ammunition is the ammunition.
_AMMUNITION = re.compile(
    r"\s*(?:rockets?|roquettes?|Raketen|rounds?|shells?|obus|Granaten|Munition|ammunition|munitions)\b", re.IGNORECASE
)
# German compounds whose head is kit are kit ("Angriffsdrohnen", "Transporthubschrauber"); those where it is a
# modifier are not ("Drohnenangriff"). Heads in their inflected forms, mapped to the catalogue's generic entry.
_HEADS = {
    "drohne": "UAV",
    "panzer": "MBT",
    "hubschrauber": "helicopter",
    "rakete": "missile",
    "flugkörper": "missile",
    "haubitze": "artillery",
    "flugzeug": "aircraft",
    "kampfjet": "combat aircraft",
    "lastwagen": "truck",
    "lkw": "truck",
    "fregatte": "frigate",
    "korvette": "corvette",
    "schiff": "warship",
    "boot": "patrol boat",
    "werfer": "MLRS",
    "transporter": "truck",
}


def _head(head: str) -> str:
    return next(canonical for stem, canonical in _HEADS.items() if head.lower().startswith(stem))


_GERMAN_HEAD = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]{2,}(?P<head>drohnen?|panzern?|hubschraubern?|raketen?|flugkörpern?|haubitzen?|flugzeuge?n?|"
    r"kampfjets?|lastwagen|lkws?|fregatten?|korvetten?|schiffe?n?|boote?n?|werfern?|transportern?)\b"
)
# "Karakurt-class corvettes", "Kilo-class submarine".
_CLASS = re.compile(
    r"\b[A-Z][\w-]*-class\s+(?:corvettes?|frigates?|submarines?|destroyers?|cruisers?|landing ships?|"
    r"patrol (?:ships?|boats?)|ships?|vessels?)\b"
)
_SHIP_PREFIX = re.compile(
    r"\b(?:FS|FGS|HMS|USS|HNLMS|HDMS|ORP|BNS|KNM|HSwMS|RFS|INS|NRP|ESPS|ITS|TCG|LNS|ENS|EML|HMCS|HMAS|SPS)"
    r"\s+(?P<name>[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,2})"
)


def _ships(text: str) -> list[tuple[int, int]]:
    """Warships named with their navy's prefix ("FGS HESSEN", "FS Bretagne"), and the name alone later on."""
    spans = [(m.start(), m.end()) for m in _SHIP_PREFIX.finditer(text)]
    for name in {m.group("name") for m in _SHIP_PREFIX.finditer(text)}:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(a <= m.start() < b for a, b in spans):
                spans.append((m.start(), m.end()))
    return spans


def _quantity_value(raw: str) -> str | None:
    digits = re.match(r"\s*(\d{1,4})", raw)
    return digits.group(1) if digits else None


# Units of measure the model sometimes tags as equipment ("mvg W at 20 kph"): never equipment.
_MEASURE = re.compile(
    r"(?:\d+(?:[.,]\d+)?\s*)?(?:kph|km/h|kmh|mph|kts?|knots?|km|m|min|mins|h|hrs?|Std\.?|%|pct|AGL|MSL|ft|mm|cm|"
    r"µSv/h|mSv/h|t|l|MHz|kHz|GHz)",
    re.IGNORECASE,
)


@Language.factory("triage_model_ner", default_config={"theatre_file": ""})
def _make_model_ner(nlp: Language, name: str, theatre_file: str) -> ModelEntities:
    return ModelEntities(gazetteer_for(load_theatre(theatre_file or None)))


class ModelEntities:
    """Hosts the ONNX Mistral NER: the model runs batched before the pipeline (one pass for all
    heads); its spans arrive in `doc._.model_spans` as (label, start, end, confidence)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        for found in self.find(doc.text, doc._.model_spans):
            _add(doc, "model", found)
        return doc

    def find(self, text: str, model_spans: Iterable[tuple[str, int, int, float]]) -> list[Found]:
        """The model's spans that the merge policy may keep, in the order the component adds them."""
        out: list[Found] = []
        for label, start, end, confidence in model_spans:
            if label in ("GRID", "DTG") or confidence < MODEL_MIN_CONFIDENCE:
                continue
            if label == "EQUIPMENT" and _MEASURE.fullmatch(text[start:end].strip()):
                continue
            normalized = None
            if label == "LOCATION":
                # The model was trained on the Luxembourg theatre only: elsewhere most of its LOCATION
                # spans are nouns ("Waldrand", "border"). Keep those the gazetteer knows or that read as names.
                place = self.gazetteer.lookup(text[start:end])
                if place is None and not plausible_name(text[start:end].strip(), self.gazetteer, "de"):
                    continue
                normalized = place.name if place else None
            out.append(Found(label, start, end, text[start:end], normalized, "model", confidence))
        return out


@Language.factory("triage_merge")
def _make_merge(nlp: Language, name: str) -> MergeEntities:
    return MergeEntities()


class MergeEntities:
    """Applies the merge policy in the module docstring and sets `doc.ents`."""

    def __call__(self, doc: Doc) -> Doc:
        found: list[Found] = _user_data(doc).get(("triage", "found"), [])
        kept = merge(found)
        _user_data(doc)[("triage", "entities")] = kept
        ents = []
        taken: set[int] = set()
        for f in kept:
            span = _span(doc, f.start, f.end, f.label)
            if span is not None and not taken.intersection(range(span.start, span.end)):
                ents.append(span)
                taken.update(range(span.start, span.end))
        doc.ents = sorted(ents, key=lambda s: s.start)
        return doc


def merge(found: Iterable[Found]) -> list[Found]:
    ordered = sorted(found, key=lambda f: (RANK[f.source], -(f.end - f.start), f.start))
    kept: list[Found] = []
    for f in ordered:
        if any(k.start < f.end and f.start < k.end for k in kept):
            continue
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def build_nlp(theatre_file: str | None = None) -> Language:
    """The entity pipeline for a theatre (a JSON file, see operators/geo/theatre.py; None: the packaged
    Luxembourg theatre). Build once and pass it in: the world gazetteer takes a few seconds to index."""
    config = {"theatre_file": str(theatre_file or "")}
    nlp = spacy.blank("xx")
    nlp.add_pipe("triage_rules", config=config)
    nlp.add_pipe("triage_model_ner", config=config)
    nlp.add_pipe("triage_merge")
    return nlp


# The pipeline `build_nlp` builds. Its spaCy tokens serve one purpose on the way to the entities: a span
# that `Doc.char_span` cannot align is dropped. spaCy's tokenizer loses no character (every character is
# in a token or its trailing space), so a span aligns exactly when it lies inside the text; `extract`
# applies that test directly and skips tokenisation for this pipeline (same entities, a fraction of the cost).
_STANDARD_PIPES = ["triage_rules", "triage_model_ner", "triage_merge"]


def _standard(nlp: Language) -> tuple[RuleEntities, ModelEntities] | None:
    if nlp.pipe_names != _STANDARD_PIPES or type(nlp.tokenizer) is not Tokenizer:
        return None
    rules, model = nlp.get_pipe("triage_rules"), nlp.get_pipe("triage_model_ner")
    if (
        type(rules) is not RuleEntities
        or type(model) is not ModelEntities
        or type(nlp.get_pipe("triage_merge")) is not MergeEntities
    ):
        return None
    return rules, model


def _aligned(found: Found, length: int) -> bool:
    """Whether `Doc.char_span(start, end, alignment_mode="expand")` finds tokens for the span in a text
    of `length` characters: its first and its last character lie inside the text."""
    return 0 <= found.start < length and 0 < found.end <= length


def extract(
    nlp: Language,
    texts: Sequence[str],
    references: Sequence[datetime],
    model_spans: Sequence[Sequence[tuple[str, int, int, float]]] | None = None,
) -> list[list[Found]]:
    """Entities per text, batch-first. `model_spans` come from the model's NER head, if any."""
    standard = _standard(nlp)
    if standard is not None:
        rules, model = standard
        out: list[list[Found]] = []
        for i, text in enumerate(texts):
            if len(text) > nlp.max_length:
                nlp.make_doc(text)  # raises what the pipeline raises for a text too long
            found = rules.find(text, references[i])
            if model_spans is not None:
                found += model.find(text, model_spans[i])
            length = len(text)
            out.append(merge([f for f in found if _aligned(f, length)]))
        return out
    return extract_with_spacy(nlp, texts, references, model_spans)


def extract_with_spacy(
    nlp: Language,
    texts: Sequence[str],
    references: Sequence[datetime],
    model_spans: Sequence[Sequence[tuple[str, int, int, float]]] | None = None,
) -> list[list[Found]]:
    """`extract` through the spaCy pipeline itself: any pipeline, the reference for the standard one."""
    docs = []
    for i, text in enumerate(texts):
        doc = nlp.make_doc(text)
        doc._.reference = references[i]
        doc._.model_spans = tuple(model_spans[i]) if model_spans is not None else ()
        docs.append(doc)
    return [_user_data(doc).get(("triage", "entities"), []) for doc in nlp.pipe(docs)]
