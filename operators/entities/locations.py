"""Place names in report text: gazetteer names found through a token index, then kept or dropped on evidence.

The index finds every name GeoNames and the theatre know, which includes "Nice", "Zug", "Post" and "Of".
A name is kept when the evidence says it is a place here:
  * case: a lower-case name is a word (only the theatre's own names match in any case, as field reports
    typed in lower case name them); an all-capital name of three letters or fewer is an acronym;
  * prominence: countries, regions, seas and rivers, the theatre's places and towns of STRONG_POPULATION
    people or more are kept as written;
  * common words (`data/common_words.json`: "Nice", "Mobile", "Zug", "Lage") need a locative word right
    before them ("in Nice", "bei Zug") and no article;
  * smaller towns need one of: a locative word or a direction before them, a region word beside them
    ("oblast de Kharkiv"), a dateline, a neighbour in a list of places, or their country named in the text
    (or being in the theatre's countries);
  * a title before a name makes it a person ("General Victoria"), and equipment names are not places.
Where a name has several entries, the one in a country the text already names wins ("Tapa" in Estonia).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

from operators.geo.gazetteer import COUNTRY, FEATURE, REGION, THEATRE, TOWN, Gazetteer
from operators.geo.place import Place, fold_name

STRONG_POPULATION: Final = 100_000

_TOKEN: Final = re.compile(r"\w+")
# What may stand between the words of one name: "St. Vith", "Narva-Jõesuu", "A6/E411", "d'Azov".
_JOIN: Final = re.compile(r"[ \t\-\u2010\u2011\u2013'\u2019./]{1,3}")

# Words after which a capitalised name is a place, in the three languages (the text before the name is
# matched at its end). Directions ("3 km NW", "ostwärts") count as locative.
_LOCATIVE: Final = re.compile(
    r"(?:^|[\s(/])(?:in|near|nr|vic|vicinity(?: of)?|at|around|outside|outskirts of|from|to|towards?|into|via|"
    r"through|across|over|beyond|inside|within|off|of the city of|city of|town of|village of|port of|region of|"
    r"north of|south of|east of|west of|(?-i:[NSEW]{1,3})(?: of)?|"
    r"northern|southern|eastern|western|central|"
    r"à|au|aux|en|dans|près de|pres de|proche de|vers|depuis|jusqu'à|sur|sous|entre|autour de|aux abords de|"
    r"au nord de|au sud de|à l'est de|à l'ouest de|au nord-est de|au nord-ouest de|au sud-est de|au sud-ouest de|"
    r"nord de|sud de|est de|ouest de|ville de|village de|commune de|localité de|port de|région de|"
    r"bei|nahe|nahe bei|in der Nähe von|im Raum|Raum|nach|aus|von|vor|um|über|zwischen|Richtung|gegenüber|"
    r"nördlich von|südlich von|östlich von|westlich von|nordöstlich von|nordwestlich von|südöstlich von|"
    r"südwestlich von|nördlich|südlich|östlich|westlich|ostwärts|westwärts|nordwärts|südwärts|"
    r"Stadt|Ort|Ortschaft|Dorf|Gemeinde|Hafen|Ortsrand|Ortsausgang|Ortseingang|Ortsteil|oberhalb|unterhalb|"
    r"jenseits|entlang|nördl\.|südl\.|östl\.|westl\.|"
    r"camp|base|FOB|COP|PB|OP|garrison|airfield|airport|route|road|highway|"
    r"champ de tir de|zone d'exercice|aéroport de|aérodrome de|base de|camp de|route de|pont de|"
    r"Lager|Feldlager|Kaserne|Flugplatz|Flughafen|Fliegerhorst|Truppenübungsplatz|Übungsplatz|"
    # the authority of a place, in a letterhead or a byline: "Landkreis Görlitz", "Feuerwehr Stade", "Mairie de Remoulins"
    r"Landkreis|Polizeidirektion|Polizeipräsidium|Polizeiinspektion|Polizei|Feuerwehr|Berufsfeuerwehr|Stadtverwaltung|"
    r"Hansestadt|Kreisverwaltung|Bezirksregierung|mairie de|préfecture de|sous-préfecture de|gendarmerie de|"
    r"pompiers de|police|fire brigade|fire service|city council|county council|mayor of|governor of|"
    r"(?:lieu|loc|location|place|position|ort|standort|zone|L)\s*[:\-–]|"
    r"and|or|et|ou|und|oder)\s*$",
    re.IGNORECASE,
)
# The weak members of the list above: enough for a small town in a list or after a direction, not for a
# common word ("and Post", "of Mission").
_WEAK_LOCATIVE: Final = frozenset({"and", "or", "et", "ou", "und", "oder", "of", "to", "from", "over", "en", "sur"})
_ELISION: Final = re.compile(r"(?:\b[dlDL]['’])$")
_ARTICLE: Final = re.compile(
    r"(?:^|\s)(?:the|a|an|der|die|das|dem|den|des|ein|eine|einer|einem|einen|zur|zum|im|am|vom|beim|"
    r"le|la|les|un|une|du)\s*$",
    re.IGNORECASE,
)
_TITLE: Final = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|General|Col|Colonel|Capt|Captain|Lt|Maj|Major|Sgt|Cpl|Pte|President|Minister|"
    r"Prime Minister|Secretary|Ambassador|Senator|Mayor|M|Mme|Mlle|Général|Colonel|Capitaine|Lieutenant|"
    r"Président|Ministre|Herr|Frau|Oberst|Hauptmann|Oberstleutnant|Generalleutnant|Generalmajor|Bürgermeister|"
    r"Bürgermeisterin|Präsident|Präsidentin|Minister|Ministerin|Sprecher|Sprecherin|spokesman|spokeswoman|"
    r"spokesperson|porte-parole|named|called|nommé|namens)\.?\s+$"
)
# A region word beside a town makes it a region's name and proves it a place ("Kharkiv oblast").
_REGION_AFTER: Final = re.compile(
    r"^\s*(?:oblast|region|regional|province|governorate|voivodeship|county|district|raion|krai|state|"
    r"area|river|valley|bridge|road bridge|crossing|Oblast|Gebiet|Region|Bezirk|Kreis|Provinz|Tal|Fluss|Brücke|FIR|"
    r"camp|port|harbour|harbor|air base|airbase|airfield|airport|airstrip|naval base|railhead|garrison|(?-i:AB)|Hafen|"
    r"Fliegerhorst)\b",
    re.IGNORECASE,
)
_AIRPORT_AFTER: Final = re.compile(r"^\s*(?:international )?(?:airport|airstrip)\b", re.IGNORECASE)
_NAME_BEFORE: Final = re.compile(r"(?:^|\s)[A-ZÀ-Þ][\w'’-]+\s+$")
_DATELINE: Final = re.compile(r"^\s*[,(–—-]")
# A header naming where a unit writes from: "BG Lituanie, Rukla – 081800ZAVR27", "PB Ansongo, 152230Z".
_BEFORE_DTG: Final = re.compile(r"^\s*[,–—-]?\s*\d{6}Z")
_SENTENCE_END: Final = re.compile(r"(?:^|[.!?:;|\n•*]\s*|\n\s*(?:\d+[.)]|[-–])\s*)$")


# Never places, whatever GeoNames says ("English", Indiana; "Police", Poland; "NATO"): languages and
# peoples, bodies, directions, function words. Folded.
_NEVER: Final = frozenset(
    fold_name(w)
    for w in [
        "English",
        "German",
        "French",
        "Russian",
        "Ukrainian",
        "Polish",
        "Lithuanian",
        "Latvian",
        "Estonian",
        "Belarusian",
        "Romanian",
        "Moldovan",
        "Turkish",
        "Greek",
        "Dutch",
        "Danish",
        "Swedish",
        "Finnish",
        "Norwegian",
        "Spanish",
        "Italian",
        "Portuguese",
        "American",
        "Canadian",
        "British",
        "European",
        "African",
        "Asian",
        "Arab",
        "Arabic",
        "Iranian",
        "Syrian",
        "Iraqi",
        "Israeli",
        "Kurdish",
        "Serbian",
        "Croatian",
        "Bosnian",
        "Albanian",
        "Hungarian",
        "Czech",
        "Slovak",
        "Austrian",
        "Swiss",
        "Belgian",
        "Luxembourgish",
        "Georgian",
        "Armenian",
        "Chinese",
        "Japanese",
        "Korean",
        "Indian",
        "Malian",
        "Chadian",
        "Sudanese",
        "Yemeni",
        "Houthi",
        "Irish",
        "Scottish",
        "Welsh",
        "Allied",
        "Soviet",
        "NATO",
        "OTAN",
        "Hamas",
        "UN",
        "ONU",
        "UNO",
        "EU",
        "UE",
        "OSCE",
        "OSZE",
        "OSCE",
        "IAEA",
        "AIEA",
        "IAEO",
        "OPCW",
        "OIAC",
        "OVCW",
        "ICRC",
        "CICR",
        "IKRK",
        "UNHCR",
        "HCR",
        "WHO",
        "OMS",
        "WFP",
        "PAM",
        "Police",
        "Polizei",
        "Army",
        "Armee",
        "Navy",
        "Corps",
        "Ministry",
        "Ministère",
        "Ministerium",
        "Defence",
        "Defense",
        "Défense",
        "Health",
        "Élysée",
        "North",
        "South",
        "East",
        "West",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "Nord",
        "Sud",
        "Est",
        "Ouest",
        "Süd",
        "Ost",
        "Norden",
        "Süden",
        "Osten",
        "Westen",
        "Nordost",
        "Nordwest",
        "Südost",
        "Südwest",
        "Nordosten",
        "Nordwesten",
        "Südosten",
        "Südwesten",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "September",
        "October",
        "December",
        "janvier",
        "février",
        "avril",
        "juin",
        "juillet",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "Januar",
        "Februar",
        "März",
        "Juni",
        "Juli",
        "Oktober",
        "Dezember",
        # German nouns and pronouns that GeoNames lists as other names of towns ("Türen", "Leck"), or that
        # stand after a locative in fixed phrases ("vor Ort", "in Brand", "in Ihren Wohnungen").
        "Türen",
        "Leck",
        "Ort",
        "Brand",
        "Bahn",
        "Ihren",
        "Ihre",
        "Ihrer",
    ]
)
# Ambiguous like common words: months that are also towns, and the phonetic alphabet (call signs, phase lines).
_AMBIGUOUS: Final = frozenset(
    fold_name(w)
    for w in [
        "May",
        "Mai",
        "Mars",
        "August",
        "Alpha",
        "Bravo",
        "Charlie",
        "Delta",
        "Echo",
        "Foxtrot",
        "Golf",
        "Hotel",
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
        "Yankee",
        "Zulu",
    ]
)
# A ship's name is not a place: "FS Bretagne", "FGS HESSEN", "MV NORTHERN STAR", and later "HESSEN" alone.
_SHIP: Final = re.compile(
    r"\b(?:FS|FGS|HMS|USS|HNLMS|HDMS|ORP|BNS|KNM|HSwMS|MV|M/V|MS|SS|RFS|INS|NRP|ESPS|ITS|TCG|HS|LNS|ENS|EML|"
    r"HMCS|HMAS|BAP|ARA|SPS|Fregatte|frégate|frigate|corvette|Korvette|destroyer|Zerstörer|tanker|pétrolier|"
    r"vraquier|Massengutfrachter|freighter|cargo)\s+((?:[A-ZÀ-Þ][\w'’-]*)(?:\s+[A-ZÀ-Þ][\w'’-]*){0,2})"
)


def _common_words() -> frozenset[str]:
    text = resources.files("operators.geo").joinpath("data", "common_words.json").read_text(encoding="utf-8")
    return frozenset(json.loads(text))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Folded one-word place names that are also ordinary words in English, French or German."""
    return _common_words()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, with the entry it resolves to and its normalised name."""

    start: int
    end: int
    place: Place
    normalized: str


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    key: str
    ids: tuple[int, ...]


# Words of reports repeat: their folded form is kept (bounded; the gazetteer folds its names itself).
_fold_word = lru_cache(maxsize=65536)(fold_name)


# Articles that begin some gazetteer names ("the Gulf", "la Manche"): a longer name that starts on the next
# word ("the Gulf of Finland") wins over the article's name.
_ARTICLES = frozenset({"the", "la", "le", "les", "l", "die", "der", "das", "den", "dem"})


def _longest_at(tokens: list[tuple[int, int, str]], i: int, text: str, gazetteer: Gazetteer) -> _Candidate | None:
    """The longest gazetteer name that starts at token `i` and crosses no comma or line."""
    start, _, first = tokens[i]
    if first not in gazetteer.first_tokens:
        return None
    best: _Candidate | None = None
    parts = [first]
    for j in range(i, min(len(tokens), i + gazetteer.max_tokens)):
        if j > i:
            if not _JOIN.fullmatch(text[tokens[j - 1][1] : tokens[j][0]]):
                break
            parts.append(tokens[j][2])
        key = " ".join(parts)
        ids = gazetteer.candidates(key)
        if ids:
            best = _Candidate(start, tokens[j][1], key, ids)
        if key not in gazetteer.prefixes:
            break  # no longer name begins with these words
    return best


def _candidates(text: str, gazetteer: Gazetteer) -> list[_Candidate]:
    """Longest gazetteer names, left to right, that do not cross a comma or a line."""
    tokens = [(m.start(), m.end(), _fold_word(m.group(0))) for m in _TOKEN.finditer(text)]
    out: list[_Candidate] = []
    i = 0
    while i < len(tokens):
        best = _longest_at(tokens, i, text, gazetteer)
        if best is not None and tokens[i][2] in _ARTICLES and i + 1 < len(tokens):
            after = _longest_at(tokens, i + 1, text, gazetteer)
            if after is not None and after.end > best.end:
                best = after  # "the Gulf of Finland", not "the Gulf" and "Finland"
        if best is None:
            i += 1
            continue
        out.append(best)
        while i < len(tokens) and tokens[i][0] < best.end:
            i += 1
    return out


def find_places(text: str, gazetteer: Gazetteer, is_equipment: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """Place names in `text` that the evidence supports (module docstring), in text order.

    `is_equipment` holds folded equipment names, which are never places ("Buk", "Grad", "Boxer").
    """
    if not isinstance(text, str) or not text:
        return []
    common = common_words()
    letters = "".join(filter(str.isalpha, text))
    shouting = len(letters) > 20 and sum(map(str.isupper, letters)) > 0.6 * len(letters)
    ships = {fold_name(n) for m in _SHIP.finditer(text) for n in (m.group(1), *m.group(1).split())}
    candidates = [c for c in _candidates(text, gazetteer) if c.key not in is_equipment and c.key not in ships]
    theatre = gazetteer.theatre.countries
    evidence = set(theatre)
    named: set[str] = set()  # countries the text itself names or implies, not the theatre's by default
    kept: dict[int, tuple[_Candidate, int]] = {}
    pending: list[_Candidate] = []
    # Pass 1: names that stand on their own; pass 2: small towns, with the countries pass 1 found.
    for c in candidates:
        verdict = _judge(text, c, gazetteer, common, shouting, strong_only=True)
        if verdict is True:
            entry = _choose(c.ids, gazetteer, evidence)
            kept[c.start] = (c, entry)
            evidence.add(gazetteer.places[entry].country)
            named.add(gazetteer.places[entry].country)
        elif verdict is None:
            pending.append(c)
    # Two small towns of one country side by side in a list anchor each other ("Jõhvi - Sillamäe - Narva-Jõesuu"):
    # two words that both happen to name villages of the same country are rarely listed together by chance.
    paired, countries = _listed_pairs(text, pending, gazetteer, common)
    evidence |= countries
    named |= countries
    changed = True
    while changed:  # a list of small towns is anchored by any one of them: "Orlivka–Isaccea"
        changed = False
        for c in pending:
            if c.start in kept:
                continue
            entry = _choose(c.ids, gazetteer, evidence)
            country = gazetteer.places[entry].country
            listed = c.start in paired or _beside_kept(text, c, [k for k, _ in kept.values()])
            if _judge(
                text,
                c,
                gazetteer,
                common,
                shouting,
                strong_only=False,
                listed=listed,
                in_known_country=country in evidence,
                in_named_country=country in named,
            ):
                kept[c.start] = (c, entry)
                changed = True
    return [
        PlaceMention(c.start, c.end, gazetteer.places[entry], gazetteer.label(entry))
        for c, entry in (kept[s] for s in sorted(kept))
    ]


def _choose(ids: Sequence[int], gazetteer: Gazetteer, evidence: set[str]) -> int:
    """The theatre's entry, else the most prominent entry in a country the text names, else the most prominent."""
    if gazetteer.tiers[ids[0]] == THEATRE:
        return ids[0]
    for i in ids:
        if gazetteer.places[i].country in evidence and gazetteer.tiers[i] <= TOWN:
            return i
    return ids[0]


# Route-like lists only ("Ādaži – Rēzekne – Zilupe"): a list after commas is as often one of surnames ("Blessés :
# Dupont, Lambert, Girard"), and surnames are villages somewhere.
_LIST_SEPARATOR: Final = re.compile(r"\s*(?:/|-|–|—)\s*")


def _listed_pairs(
    text: str, pending: Sequence[_Candidate], gazetteer: Gazetteer, common: frozenset[str]
) -> tuple[set[int], set[str]]:
    """Neighbours in a route-like list ("A - B", "A – B", "A/B") that are both towns of one country, by name: their
    starts, and those countries. Common words, acronyms and names glued into compounds take no part."""

    def town_countries(c: _Candidate) -> set[str]:
        surface = text[c.start : c.end]
        if c.key in common or c.key in _AMBIGUOUS or c.key in _NEVER or not surface[0].isupper():
            return set()
        if surface.isupper() and len(c.key.replace(" ", "")) <= 3:
            return set()
        return {gazetteer.places[i].country for i in c.ids if gazetteer.tiers[i] == TOWN}

    ordered = sorted(pending, key=lambda c: c.start)
    paired: set[int] = set()
    countries: set[str] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.end > b.start or not _LIST_SEPARATOR.fullmatch(text[a.end : b.start]) or a.key == b.key:
            continue
        shared = town_countries(a) & town_countries(b)
        if shared and not _in_compound(text, a) and not _in_compound(text, b):
            paired |= {a.start, b.start}
            countries |= shared
    return paired, countries


def _beside_kept(text: str, c: _Candidate, kept: Sequence[_Candidate]) -> bool:
    """In a list with a kept place: "Tallinn, Tapa and Narva", "Gao (Mali)"."""
    for k in kept:
        between = text[k.end : c.start] if k.end <= c.start else text[c.end : k.start]
        if len(between) <= 7 and re.fullmatch(
            r"\s*(?:,|;|/|\(|\)|and|et|und|or|ou|oder|-|–|—)?\s*(?:and|et|und)?\s*", between
        ):
            return True
    return False


def _judge(
    text: str,
    c: _Candidate,
    gazetteer: Gazetteer,
    common: frozenset[str],
    shouting: bool,
    *,
    strong_only: bool,
    listed: bool = False,
    in_known_country: bool = False,
    in_named_country: bool = False,
) -> bool | None:
    """True: a place; False: not one; None: undecided on its own (pass 1 only)."""
    surface = text[c.start : c.end]
    best = c.ids[0]
    tier = gazetteer.tiers[best]
    place = gazetteer.places[best]
    before = text[max(0, c.start - 40) : c.start]
    if tier != THEATRE and c.key in _NEVER:
        return False
    if not any(ch.isupper() for ch in surface):
        # Lower case: only the theatre's own names, as field reports typed in lower case use them.
        return tier == THEATRE and c.key not in common and len(c.key) >= 4
    if tier == TOWN and (not surface[0].isupper() or len(c.key.split()[0]) == 1):
        return False  # "la Défense" in "ministère de la Défense", "O de" (ouest de)
    if surface.isupper() and len(c.key.replace(" ", "")) <= 3 and tier != THEATRE:
        return False  # an acronym: "ETA", "SAR", "BO" in a NOTAM
    if _TITLE.search(before):
        return False
    after = text[c.end : c.end + 20]
    if tier != THEATRE and _in_compound(text, c):
        return False  # "Murmansk-BN", "Karakurt-class": a modifier in a name of something else
    if tier in (COUNTRY, REGION, FEATURE) or (tier == THEATRE and c.key not in common and c.key not in _AMBIGUOUS):
        return True  # what the rest would conclude for these, without reading the words around the name
    elision = _ELISION.search(before) is not None
    locative = _LOCATIVE.search(before)
    strong_locative = elision or (locative is not None and locative.group(0).strip().lower() not in _WEAK_LOCATIVE)
    region_word = _REGION_AFTER.match(after) is not None
    if region_word and _AIRPORT_AFTER.match(after) and _NAME_BEFORE.search(before):
        region_word = False  # "John Wayne airport", "Ninoy Aquino airport": a person's name, not the town
    # "LIMA 3", "Gate 2", "Kanal 16"; not a paragraph number on the next line nor a DTG ("ERBIL\n1.", "BALTIYSK 150420Z")
    numbered = re.match(r"[ \t]?\d", after) is not None and not _BEFORE_DTG.match(after) and not strong_locative
    if c.key in common and "ß" in surface and not any("ß" in n for n in (place.name, *place.alt_names)):
        return False  # "Straßen" is the German word; the commune is written "Strassen"
    if tier == THEATRE and (c.key in common or c.key in _AMBIGUOUS):
        # The theatre's own names are curated: capitalised mid-sentence, "Trier" and "Perl" are the towns.
        if place.kind in ("river", "area", "forest", "hill") and (_ARTICLE.search(before) or elision or region_word):
            return True  # "the Our", "über die Our", "l'Our", "Our valley"
        if _ARTICLE.search(before) or numbered:
            return False
        return strong_locative or region_word or not _sentence_start(text, c.start, before)
    if tier == TOWN and (c.key in common or c.key in _AMBIGUOUS):
        # "in Nice" is a place when France is in the text; "in Reserve", "nach Osten", "über See" are not.
        if strong_only:
            return None
        header = _BEFORE_DTG.match(after) is not None
        return (
            (strong_locative or header)
            and in_named_country
            and not numbered
            and not _ARTICLE.search(before)
            and (header or strong_locative or not _sentence_start(text, c.start, before))
        )
    if numbered and tier == TOWN:
        return False
    if tier in (THEATRE, COUNTRY, REGION, FEATURE) or place.population >= STRONG_POPULATION:
        return True
    # A small town.
    if _ARTICLE.search(before):
        return False
    if (
        locative
        or region_word
        or listed
        or _BEFORE_DTG.match(after)
        or _DATELINE.match(after)
        and _line_start(text, c.start)
    ):
        return True
    if strong_only:
        return None
    if in_named_country:
        return not _followed_by_name(after)  # its country is in the text: "Djibo reste sous blocus"
    return in_known_country and not _sentence_start(text, c.start, before) and not _followed_by_name(after)


def _in_compound(text: str, c: _Candidate) -> bool:
    """The name glued by a hyphen to a lower-case or all-capital word; "Trier-West" is a district, kept."""
    after = re.match(r"[-\u2010\u2011](\w+)", text[c.end : c.end + 30])
    if after and (after.group(1)[0].islower() or after.group(1).isupper() or after.group(1)[0].isdigit()):
        return True
    before = re.search(r"(\w+)[-\u2010\u2011]$", text[max(0, c.start - 30) : c.start])
    return before is not None and before.group(1)[0].islower()


def _sentence_start(text: str, start: int, before: str) -> bool:
    return not text[max(0, start - 40) : start].strip() and start < 40 or _SENTENCE_END.search(before) is not None


def _line_start(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t*-•")


def _followed_by_name(after: str) -> bool:
    """A capitalised word right after a small town's name: part of a person's or body's name ("Olena Petrenko")."""
    return re.match(r"^\s[A-ZÀ-Þ][a-zà-ÿ]", after) is not None


_DEMONYM: Final = re.compile(r"(?:ian|ish|ese|ean|ans)$")
_GERMAN_NOUN: Final = re.compile(
    r"(?:ung|ungen|heit|keit|schaft|tion|tät|nis|ment|lage|stellung|bereich|gebiet|raum|ufer|rand|ern|en)$"
)


def plausible_name(name: str, gazetteer: Gazetteer, language: str = "en") -> bool:
    """Whether a name that no list confirms may still be a place: capitalised, not a known word or people,
    not numbered. German nouns are capitalised, so in German a name must not end like one ("-ung", "-en")."""
    words = name.split()
    if not words or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    key = fold_name(name)
    if key in _NEVER or key in _AMBIGUOUS or key in common_words() or _DEMONYM.search(key):
        return False
    if any(not w[0].isupper() and w not in ("am", "an", "der", "de", "la", "le", "sur", "sous", "les") for w in words):
        return False
    return not (language == "de" and _GERMAN_NOUN.search(key) and gazetteer.lookup(name) is None)
