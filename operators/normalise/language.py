"""Language of short field reports, restricted to English, French and German.

A lexicon and orthography scorer tuned for terse, abbreviation-heavy military text; place names
from the gazetteer are ignored because they say nothing about the writer's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Final, Literal

from operators.geo.places import PLACES, fold_name

LanguageCode = Literal["en", "fr", "de"]
LANGUAGES: Final[tuple[LanguageCode, ...]] = ("en", "fr", "de")
FALLBACK: Final[LanguageCode] = "en"

# Function words, military vocabulary and report abbreviations, written without accents because
# reports typed in capitals or on foreign keyboards drop them. A word in two lists counts half.
_LEXICON_TEXT: Final[Mapping[LanguageCode, str]] = {
    "en": """
        the a an and or of to in on at by for from with without into onto toward towards near
        is are was were be been being has have had will would can could should may might must
        not no this that these those there their they them it its he she we our us you his her
        who which what where when how all some any several many few more most about over under
        between through along across behind ahead after before since until while also then than
        very just still only new last first one two three four five six seven eight nine ten
        north south east west northeast northwest southeast southwest northern southern eastern
        western enemy hostile troops tank tanks vehicle vehicles moving movement moved convoy
        observed spotted reported sighted seen heard position positions artillery fire firing
        fired shelling attack attacking attacked strike strikes heading road bridge river village
        town forest woods wood treeline hill contact casualties wounded killed dead infantry
        platoon company battalion brigade regiment squad section unknown estimated dug digging
        defensive assembly area request requesting support air drone drones helicopter
        helicopters launch launched destroyed damaged crossing crossed advancing withdrawing
        retreating resupply ammunition fuel truck trucks checkpoint patrol sniper mortar rounds
        incoming heavy light small large static stationary parked hidden camouflaged concealed
        building buildings house church school factory station airport railway train column
        engaged engaging friendly personnel soldiers men armoured armored outskirts junction
        outpost sector hours minutes approximately around located setting up deployed
        preparing probable possible likely vicinity direction moving travelling traveling
        observation post report time size activity equipment location unit grid jammer jamming
        fighting vehicle carrier launcher launchers rocket rockets shells impact impacts
        explosions explosion flying overhead loitering munition munitions target targets
        vic obs eny unk approx pax coy bn bde plt msn hrs est wia kia rpt atk mvmt veh vehs
        arty inf recce sqn tgt sitrep spotrep req fwd ldr cdr medevac casevac nfi nstr eta etd
        along track suspected smoke visible lost comms civilians leaving border warning avoid
        pulled back disembarking traffic circling valley farm regrouping dusk delayed blown way
        massing ridge line main mines minefield tower roof field fields wounded evacuate
        poss prob sigs
    """,
    "fr": """
        le la les un une des du de et ou a au aux en dans sur sous par pour avec sans vers pres
        depuis entre chez contre est sont etait etaient ont ete etre avoir sera seront ce cet
        cette ces qui que quoi dont il ils elle elles nous vous on se leur leurs son sa ses notre
        nos pas ne plus moins tres aussi environ deux trois quatre cinq six sept huit neuf dix
        nord sud ouest ennemi ennemis ennemie ennemies char chars blinde blindes blindee blindees
        vehicule vehicules camion camions colonne mouvement observe observes observee observees
        signale signales signalee repere reperes reperee position positions artillerie tirs tir
        feu frappe frappes attaque attaquent attaques pont riviere village ville foret bois
        colline route carrefour contact blesses blesse tues tue morts infanterie section
        compagnie bataillon brigade regiment unite inconnue inconnu estime estimes estimee
        retranches defensive zone rassemblement demande appui aerien aerienne drone drones
        helicoptere helicopteres lancement lance lances detruit detruits detruite endommage
        endommages franchissement franchi progressent progression avance repli ravitaillement
        munitions carburant poste patrouille tireur mortier obus entendu entendus vu vus heures
        peripherie sortie secteur soldats hommes stationnes stationnaires camoufles batiment
        batiments maison eglise ecole usine gare aeroport voie ferree direction dirigeant
        dirigent semble semblent plusieurs quelques nombreux importante important lourd lourds
        leger legers lisiere bord sortie axe franchissant embusques installe installes
        preparation probable probablement heure taille activite lieu equipement roquettes
        roquette brouilleur munition rodeuse cible cibles survol survolant tirant tire
        long chemin fumee perte liaison civils quittent frontiere alerte cours eviter replie
        debarquant circulation dense vallee tournant dessus ferme derriere jusqu soir aucun
        principale retarde crete masses mines champ tour toit champs evacuation
        eni env cie btn rgt sct dir qg pc
    """,
    "de": """
        der die das den dem des ein eine einer eines einem einen und oder aber in im am an auf
        aus bei mit nach von vom zu zum zur uber unter vor hinter neben zwischen durch gegen ohne
        um ist sind war waren wird werden wurde wurden hat haben hatte kann konnen nicht kein
        keine diese dieser dieses es er sie wir ihr sich sein seine ihre auch noch schon sehr
        etwa rund zwei drei vier funf sechs sieben acht neun zehn nord norden sud suden ost osten
        west westen nordlich sudlich ostlich westlich richtung feind feindliche feindlicher
        feindliches feindlichen panzer kampfpanzer schutzenpanzer fahrzeuge fahrzeug lkw kolonne
        bewegung bewegen bewegt beobachtet gemeldet gesichtet erkannt aufgeklart stellung
        stellungen artillerie beschuss feuer angriff greifen brucke fluss dorf stadt wald hohe
        hugel strasse kreuzung kontakt verwundete verwundet tote gefallen infanterie zug
        kompanie bataillon brigade einheit unbekannt geschatzt eingegraben verteidigung raum
        bereitstellung anforderung unterstutzung luft drohne drohnen hubschrauber rakete
        raketen abgefeuert zerstort beschadigt ubergang uberquert vorrucken ruckzug versorgung
        munition kraftstoff treibstoff posten kontrollpunkt scharfschutze morser granaten
        einschlag einschlage explosionen gehort gesehen uhr minuten stadtrand ortsrand
        ortschaft abschnitt personal soldaten manner getarnt gebaude haus kirche schule fabrik
        bahnhof flughafen bahnlinie mehrere einige viele schwere schwer leichte leicht
        vermutlich wahrscheinlich starke tatigkeit ort zeit ausrustung meldung vormarsch
        bewegen fahren fahrt marsch fahrtrichtung ausgang eingang ortsausgang ortseingang
        waldrand hoch uberflug storsender beschossen geschutz geschutze haubitze
        gegner entlang vermutet sichtbar verloren gesprengt grenze weg weges tal verkehr stark
        starker verbindung nachschub rauch zivilisten verlassen ab sammelt kreist moglich minen
        turm dach feld felder evakuierung
        btl kp zg pz fzg kfz rtg gem bzw usw vmtl ca
    """,
}

# Spelling that only one of the three languages uses. Weights are smaller than a lexicon hit:
# a cue fires on names and loanwords too.
_CHAR_CUES: Final[Mapping[LanguageCode, tuple[str, ...]]] = {
    "fr": ("é", "è", "ê", "à", "ç", "ù", "œ", "â", "î", "ô", "û"),
    "de": ("ß", "ä", "ö", "ü"),
    "en": (),
}
_SUFFIX_CUES: Final[Mapping[LanguageCode, tuple[str, ...]]] = {
    "en": ("ing", "ght", "ly", "ed", "ness"),
    "fr": ("eau", "eaux", "aux", "ees", "ette", "ique", "eur", "eurs"),
    "de": ("ung", "ungen", "heit", "keit", "lich", "isch", "chen", "schaft"),
}
_INFIX_CUES: Final[Mapping[LanguageCode, tuple[str, ...]]] = {
    "en": ("th", "wh", "oo", "ea"),
    "fr": ("qu", "oux", "ai"),
    "de": ("sch", "cht", "tz", "pf", "ei"),
}
_LEXICON_WEIGHT: Final = 1.0
_ELISION_WEIGHT: Final = 1.0
_CHAR_WEIGHT: Final = 0.6
_SUFFIX_WEIGHT: Final = 0.25
_INFIX_WEIGHT: Final = 0.15
_FRENCH_ELISIONS: Final = frozenset({"l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu"})

_TOKEN: Final = re.compile(r"[^\W\d_]+")
_APOSTROPHES: Final = frozenset("'\u2019")


@lru_cache(maxsize=65536)  # words repeat from report to report; a few MB at most
def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ß", "ss")


def _build_lexicon() -> dict[str, tuple[tuple[LanguageCode, float], ...]]:
    owners: dict[str, list[LanguageCode]] = {}
    for language, words in _LEXICON_TEXT.items():
        for word in words.split():
            langs = owners.setdefault(word, [])
            if language not in langs:
                langs.append(language)
    return {word: tuple((lang, _LEXICON_WEIGHT / len(langs)) for lang in langs) for word, langs in owners.items()}


_LEXICON: Final = _build_lexicon()


def _build_place_tokens() -> tuple[frozenset[tuple[str, ...]], int]:
    names: set[tuple[str, ...]] = set()
    for place in PLACES:
        for name in place.names:
            tokens = tuple(_TOKEN.findall(fold_name(name)))
            if tokens:
                names.add(tokens)
    return frozenset(names), max(len(n) for n in names)


_PLACE_TOKENS, _LONGEST_PLACE = _build_place_tokens()
_PLACE_FIRST: Final = frozenset(name[0] for name in _PLACE_TOKENS)


@lru_cache(maxsize=65536)
def _cue_weights(word: str) -> tuple[tuple[LanguageCode, float], ...]:
    """The character, suffix and infix evidence of a word outside the lexicon, in the order it is added."""
    weights: list[tuple[LanguageCode, float]] = []
    for language in LANGUAGES:
        for ch in _CHAR_CUES[language]:
            if ch in word:
                weights.append((language, _CHAR_WEIGHT))
                break
    plain = _strip_accents(word)
    if len(plain) < 4:
        return tuple(weights)
    for language in LANGUAGES:
        if any(plain.endswith(suffix) for suffix in _SUFFIX_CUES[language]):
            weights.append((language, _SUFFIX_WEIGHT))
        for infix in _INFIX_CUES[language]:
            if infix in plain:
                weights.append((language, _INFIX_WEIGHT))
    return tuple(weights)


def _cue_scores(word: str, scores: dict[LanguageCode, float]) -> None:
    for language, weight in _cue_weights(word):
        scores[language] += weight


def language_scores(text: str) -> dict[LanguageCode, float]:
    """Evidence per language; all zero when the text offers none."""
    scores: dict[LanguageCode, float] = {"en": 0.0, "fr": 0.0, "de": 0.0}
    if not isinstance(text, str):
        return scores
    matches = list(_TOKEN.finditer(text.casefold()))
    words = [_strip_accents(m.group(0)) for m in matches]
    i = 0
    while i < len(matches):
        # Skip gazetteer places, longest name first: "Esch-sur-Alzette" is not French evidence.
        skipped = 0
        for length in range(min(_LONGEST_PLACE, len(words) - i) if words[i] in _PLACE_FIRST else 0, 0, -1):
            if tuple(words[i : i + length]) in _PLACE_TOKENS:
                skipped = length
                break
        if skipped:
            i += skipped
            continue
        match, word = matches[i], words[i]
        i += 1
        followed_by_apostrophe = match.end() < len(text) and text[match.end()] in _APOSTROPHES
        if followed_by_apostrophe and word in _FRENCH_ELISIONS:
            scores["fr"] += _ELISION_WEIGHT
            continue
        if word in ("s", "t") and match.start() > 0 and text[match.start() - 1] in _APOSTROPHES:
            scores["en"] += _ELISION_WEIGHT  # "enemy's", "didn't"
            continue
        if len(word) == 1 and word not in _LEXICON:
            continue  # grid letters, unit designators
        known = _LEXICON.get(word)
        if known is None:
            _cue_scores(match.group(0), scores)
            continue
        for language, weight in known:
            scores[language] += weight
    return scores


def detect_language(text: str) -> tuple[LanguageCode, float]:
    """Most likely of en/fr/de and the share of the evidence behind it; ("en", 0.0) without evidence."""
    scores = language_scores(text)
    total = sum(scores.values())
    if total <= 0.0:
        return FALLBACK, 0.0
    # Ties go to English, the fallback.
    best = max(LANGUAGES, key=lambda lang: (scores[lang], lang == FALLBACK))
    return best, scores[best] / total


def detect_languages(texts: Iterable[str]) -> list[tuple[LanguageCode, float]]:
    """Batch form of `detect_language`, one result per text, in order."""
    return [detect_language(text) for text in texts]
