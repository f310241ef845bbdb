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
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from operators.entities.dtg import find_dtgs
from operators.entities.equipment import lookup_equipment, match_equipment
from operators.entities.grid import find_grids
from operators.geo.places import PLACES, lookup_place

MODEL_MIN_CONFIDENCE = 0.55
RANK = {"parser": 0, "catalogue": 1, "pattern": 2, "model": 3}

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|"
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|"
    "ein|eine|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|dutzend"
)
_QUANTITY = re.compile(
    rf"\b(?:\d{{1,4}}\s?x(?=[\s\d]|\b)|\d{{1,4}}(?:\s?-\s?\d{{1,4}})?\s?(?:x\s?)?(?:pax|PAX|personnel|persons|people|men|soldiers|troops|"
    rf"vehicles?|véhicules?|Fahrzeuge?n?|Soldaten|Personen|Mann|hommes|personnes|civils|civilians|Zivilisten|"
    rf"WIA|KIA|MIA|wounded|killed|blessés?|tués?|morts?|Verwundete?n?|Tote|Verletzte?n?|"
    rf"tanks?|chars?|Panzer|trucks?|camions?|Lkw|LKW|drones?|Drohnen?|rounds?|obus|Granaten|"
    rf"aircraft|avions?|Flugzeuge?|helicopters?|hélicoptères?|Hubschrauber|families|familles|Familien)\b|"
    rf"(?:{_NUMBER_WORDS})\s(?=(?:[A-Z]{{2,}}|T-|BMP|BTR|tanks?|chars?|Panzer|trucks?|camions?|drones?|Drohnen|vehicles?|véhicules|Fahrzeuge|soldiers|soldats|Soldaten|pax)))",
    re.IGNORECASE,
)

# Road numbers as signed in the region: N7, E411, A31, B51, CR123, L150, D918.
_ROAD = re.compile(r"(?<![\w-])(?:N\d{1,3}|E\d{2,3}|A\d{1,2}|B\d{2,3}|CR\s?\d{2,3}|L\d{3}|D\d{2,4})(?![\w-])")
# A capitalised name after a locative word, for places the gazetteer lacks ("vic Bollendorf",
# "près de Rosport", "bei Ralingen"). No coordinates: it names, it does not locate.
_LOCATIVE = re.compile(
    r"(?:(?:\bd['’]|\b(?:vic|vicinity of|of|near|outside|north of|south of|east of|west of|NE of|NW of|SE of|SW of|towards?|from|"
    r"at|in|into|through|via|between|and|près de|à|vers|depuis|de|entre|au nord de|au sud de|à l'est de|à l'ouest de|"
    r"sortie de|aux abords de|bei|nahe|nördlich von|südlich von|östlich von|westlich von|Richtung|nach|aus|in|von|"
    r"zwischen|Ortsausgang|Ortseingang|Raum)\s+))"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿß]{2,}(?:[-‑][A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿß]+)*(?:\s(?:an der|sur|sous|am|an|bei|les|la|le)\s[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿß]+)?)"
)
_NOT_PLACES = frozenset(
    "The This That These Those Our Their His Her Its Enemy Friendly Contact Grid Time Location Unit Activity Size "
    "Equipment Remarks Report Patrol Platoon Company Squadron Battalion Regiment Brigade Section Team Troop Base "
    "Zero Sunray Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike November Oscar Papa "
    "Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu January February March April May June July "
    "August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Der Die "
    "Das Den Dem Des Ein Eine Einer Le La Les Un Une Des Du Nous Ils Elles Wir Sie Ihr Uns Unsere Unser Feind "
    "Richtung Stellung Zug Kompanie Bataillon Brigade Abschnitt Lage Meldung Section Compagnie Bataillon Secteur "
    "Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre Januar Februar März "
    "April Juni Juli Oktober Dezember".split()
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


def _add(doc: Doc, group: str, found: Found) -> None:
    span = _span(doc, found.start, found.end, found.label)
    if span is None:
        return
    doc.user_data.setdefault(("triage", "found"), []).append(found)
    doc.spans.setdefault(group, []).append(span)


@Language.factory("triage_rules")
def _make_rules(nlp: Language, name: str) -> "RuleEntities":
    return RuleEntities(nlp)


class RuleEntities:
    """GRID and DTG from the validating parsers, EQUIPMENT and LOCATION from the lists, QUANTITY."""

    def __init__(self, nlp: Language) -> None:
        # A regex rather than a PhraseMatcher: French elision glues "d'Ettelbruck" into one token.
        names = sorted({n for p in PLACES for n in p.names}, key=len, reverse=True)
        self.places = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        for g in find_grids(text):
            _add(doc, "rules", Found("GRID", g.start, g.end, g.raw, g.normalized, "parser"))
        reference = doc._.reference
        if isinstance(reference, datetime):
            for d in find_dtgs(text, reference):
                _add(doc, "rules", Found("DTG", d.start, d.end, d.raw, d.utc.isoformat().replace("+00:00", "Z"), "parser"))
        for start, end, canonical in match_equipment(text):
            _add(doc, "rules", Found("EQUIPMENT", start, end, text[start:end], canonical, "catalogue"))
        for m in self.places.finditer(text):
            place = lookup_place(m.group(0))
            _add(doc, "rules", Found("LOCATION", m.start(), m.end(), m.group(0), place.name if place else None, "catalogue"))
        for m in _ROAD.finditer(text):
            _add(doc, "rules", Found("LOCATION", m.start(), m.end(), m.group(0), m.group(0).replace(" ", ""), "pattern"))
        for m in _LOCATIVE.finditer(text):
            name = m.group("name")
            if name.split()[0] in _NOT_PLACES or lookup_equipment(name) is not None:
                continue
            place = lookup_place(name)
            _add(doc, "rules", Found("LOCATION", m.start("name"), m.end("name"), name, place.name if place else None, "pattern"))
        for m in _QUANTITY.finditer(text):
            _add(doc, "rules", Found("QUANTITY", m.start(), m.end(), m.group(0).strip(), _quantity_value(m.group(0)), "pattern"))
        return doc


def _quantity_value(raw: str) -> str | None:
    digits = re.match(r"\s*(\d{1,4})", raw)
    return digits.group(1) if digits else None


# Units of measure the model sometimes tags as equipment ("mvg W at 20 kph"): never equipment.
_MEASURE = re.compile(
    r"(?:\d+(?:[.,]\d+)?\s*)?(?:kph|km/h|kmh|mph|kts?|knots?|km|m|min|mins|h|hrs?|Std\.?|%|pct|AGL|MSL|ft|mm|cm|"
    r"µSv/h|mSv/h|t|l|MHz|kHz|GHz)",
    re.IGNORECASE,
)


@Language.factory("triage_model_ner")
def _make_model_ner(nlp: Language, name: str) -> "ModelEntities":
    return ModelEntities()


class ModelEntities:
    """Hosts the ONNX Mistral NER: the model runs batched before the pipeline (one pass for all
    heads); its spans arrive in `doc._.model_spans` as (label, start, end, confidence)."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        for label, start, end, confidence in doc._.model_spans:
            if label in ("GRID", "DTG") or confidence < MODEL_MIN_CONFIDENCE:
                continue
            if label == "EQUIPMENT" and _MEASURE.fullmatch(text[start:end].strip()):
                continue
            normalized = None
            if label == "LOCATION":
                place = lookup_place(text[start:end])
                normalized = place.name if place else None
            _add(doc, "model", Found(label, start, end, text[start:end], normalized, "model", confidence))
        return doc


@Language.factory("triage_merge")
def _make_merge(nlp: Language, name: str) -> "MergeEntities":
    return MergeEntities()


class MergeEntities:
    """Applies the merge policy in the module docstring and sets `doc.ents`."""

    def __call__(self, doc: Doc) -> Doc:
        found: list[Found] = doc.user_data.get(("triage", "found"), [])
        kept = merge(found)
        doc.user_data[("triage", "entities")] = kept
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


def build_nlp() -> Language:
    """The entity pipeline; build once and pass it in (PhraseMatcher set-up takes a moment)."""
    nlp = spacy.blank("xx")
    nlp.add_pipe("triage_rules")
    nlp.add_pipe("triage_model_ner")
    nlp.add_pipe("triage_merge")
    return nlp


def extract(
    nlp: Language,
    texts: Sequence[str],
    references: Sequence[datetime],
    model_spans: Sequence[Sequence[tuple[str, int, int, float]]] | None = None,
) -> list[list[Found]]:
    """Entities per text, batch-first. `model_spans` come from the model's NER head, if any."""
    docs = []
    for i, text in enumerate(texts):
        doc = nlp.make_doc(text)
        doc._.reference = references[i]
        doc._.model_spans = tuple(model_spans[i]) if model_spans is not None else ()
        docs.append(doc)
    return [doc.user_data.get(("triage", "entities"), []) for doc in nlp.pipe(docs)]
