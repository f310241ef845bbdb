"""Regenerates `data/common_words.json`: one-word place names that are also ordinary words in English,
French or German ("Nice", "Mobile", "Zug", "Lage", "Marche"), so that the matcher asks for more evidence.

A development tool, run when the gazetteer's sources change; the pipeline only reads the JSON. It reads
word lists such as Debian's `wamerican`, `wfrench` and `wngerman` (`/usr/share/dict/...`)::

    python -m operators.geo.make_common_words /usr/share/dict/american-english \
        /usr/share/dict/french /usr/share/dict/ngerman

English and French words count only in lower case (capitalised entries there are names); German nouns
are capitalised, so every German entry counts, except names of places of 100,000 people or more, which
the German list carries as proper nouns (Berlin, Köln) and which reports mean as places. Countries,
regions, seas and towns of a million people or more are never listed ("paris" is a French word too).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from operators.geo.gazetteer import THEATRE, TOWN, default_gazetteer
from operators.geo.place import fold_name

BIG_TOWN = 100_000
WORLD_CITY = 1_000_000
OUT = Path(__file__).with_name("data") / "common_words.json"


def _words(path: str, lowercase_only: bool) -> set[str]:
    lines = Path(path).read_text(encoding="utf-8", errors="replace").split()
    return {fold_name(w) for w in lines if w.isalpha() and (w.islower() or not lowercase_only)}


def _stop_words() -> set[str]:
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return {fold_name(w) for w in (*EN, *FR, *DE)}


def main(english: str, french: str, german: str) -> None:
    gazetteer = default_gazetteer()
    words = _words(english, True) | _words(french, True) | _stop_words()
    german_words = _words(german, False)
    common = set()
    for key, ids in gazetteer.index.items():
        if " " in key or len(key) < 2:
            continue
        places = [gazetteer.places[i] for i in ids]
        if gazetteer.tiers[ids[0]] not in (THEATRE, TOWN) or places[0].population >= WORLD_CITY:
            continue  # countries, seas and cities like Paris ("paris", bets) are places whatever the word
        if key in words or (key in german_words and all(p.population < BIG_TOWN for p in places)):
            common.add(key)
    OUT.write_text(json.dumps(sorted(common), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(common)} common words written to {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
