"""Deterministic generator of synthetic EN/FR/DE field reports labelled with category, precedence and entities.

The training and evaluation splits use different seeds, different report frames, held-out phrasings,
held-out place names and held-out surnames, so evaluation measures more than memorised templates.

About `REGISTER_SHARE` of the reports (per category) are open-source and official material from other theatres
(wire copy, statements, advisories, NOTAMs, humanitarian updates, field reports abroad...): their situations,
layouts and world vocabularies live in `models.recipe.registers`; their template ids read
"<situation>@<register>/<layout index>".
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Literal

import mgrs

from models.recipe import phrasebook as pb
from models.recipe import registers
from operators.entities.equipment import EQUIPMENT, Equipment
from operators.geo.places import PLACES, Place
from schemas.vocab import CATEGORIES as _CATEGORIES
from schemas.vocab import LANGUAGES as _LANGUAGES
from schemas.vocab import Precedence

Split = Literal["train", "eval"]

# The contracts' own vocabularies: the model's labels are the pipeline's labels.
LANGUAGES: tuple[str, ...] = _LANGUAGES
CATEGORIES: tuple[str, ...] = _CATEGORIES
PRECEDENCES: tuple[str, ...] = tuple(p.value for p in Precedence)
ENTITY_LABELS: tuple[str, ...] = ("UNIT", "EQUIPMENT", "LOCATION", "GRID", "DTG", "QUANTITY", "PERSON", "ORG")
FORMATS: tuple[str, ...] = ("free_text", "salute", "spot")

# 100 km squares that cover Luxembourg and its borders; grids outside them are resampled.
GRID_SQUARES: frozenset[str] = frozenset(
    {"31UGR", "31UGS", "31UFR", "31UFS", "32ULA", "32ULB", "32UKA", "32UKB", "31UGQ", "32UKV", "32ULV"}
)
_AO_BOX = (49.45, 50.45, 5.72, 6.62)  # lat min, lat max, lon min, lon max


@dataclass(frozen=True, slots=True)
class EntitySpan:
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SyntheticReport:
    text: str
    language: str
    category: str
    precedence: str
    entities: tuple[EntitySpan, ...]
    cues: tuple[str, ...]
    format: str
    template: str  # situation key and frame id, so errors can be traced to the template that made them
    phrasing: str = "seen"  # "unseen": the event wording was held out of training
    ner_labelled: bool = True  # False: hand-written development text, whose gold names no entity spans

    def to_json(self) -> str:
        record = asdict(self)
        record["entities"] = [[e.label, e.start, e.end] for e in self.entities]
        return json.dumps(record, ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> SyntheticReport:
        raw = json.loads(line)
        raw["entities"] = tuple(EntitySpan(str(label), int(s), int(e)) for label, s, e in raw["entities"])
        raw["cues"] = tuple(raw["cues"])
        return cls(**raw)


@dataclass(slots=True)
class _Seg:
    text: str
    label: str | None = None


# ----------------------------------------------------------------------------------------- vocabularies


@dataclass(frozen=True, slots=True)
class _PlaceName:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class _Vocab:
    """Entity vocabularies for one split; names held out of training appear only in evaluation."""

    towns: tuple[_PlaceName, ...]
    roads: tuple[_PlaceName, ...]
    rivers: tuple[_PlaceName, ...]
    bridges: tuple[_PlaceName, ...]
    areas: tuple[_PlaceName, ...]
    airfields: tuple[_PlaceName, ...]
    surnames: tuple[str, ...]
    equipment: dict[str, tuple[tuple[str, bool], ...]] = field(default_factory=dict)  # slot -> (name, generic)


def _gazetteer() -> tuple[tuple[Equipment, ...], tuple[Place, ...]]:
    # The shared gazetteer is the single source of truth for kit and places; the recipe only adds
    # language knowledge (which generic word is English, French or German).
    return EQUIPMENT, PLACES


def _strip_qualifier(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


_NOT_EQUIPMENT: frozenset[str] = frozenset(
    {
        "AK-74",
        "AK74",
        "AK-12",
        "AK-47",
        "Kalashnikov",
        "PKM",
        "PK machine gun",
        "PKP Pecheneg",
        "SVD",
        "Dragunov",
        "DShK",
        "NSV",
        "Kord",
        "machine gun",
        "MG",
        "HMG",
        "Maschinengewehr",
        "mitrailleuse",
        "sniper",
        "sniper rifle",
        "Scharfschütze",
        "tireur d'élite",
        "vehicle",
        "vehicles",
        "veh",
        "vehs",
        "Fahrzeug",
        "Fahrzeuge",
        "Kfz",
        "véhicule",
        "véhicules",
    }
)

_EQUIPMENT_SLOTS: dict[str, tuple[str, ...]] = {
    "eq_armour": ("tank", "ifv", "apc"),
    "eq_light": ("apc", "vehicle", "ifv"),
    "eq_veh": ("other",),
    "eq_arty": ("artillery", "mlrs"),
    "eq_arms": ("small_arms",),
    "eq_atgm": ("missile:atgm",),
    "eq_missile": ("missile:strike",),
    "eq_uav": ("uav",),
    "eq_air": ("aircraft", "helicopter"),
    "eq_ew": ("ew",),
}


def _equipment_pools(lang: str) -> dict[str, tuple[tuple[str, bool], ...]]:
    items, _ = _gazetteer()
    generic_ok = set(pb.GENERIC_WORDS[lang])
    pools: dict[str, list[tuple[str, bool]]] = {slot: [] for slot in _EQUIPMENT_SLOTS}
    for item in items:
        kind = str(item.kind)
        if kind == "missile":
            kind = "missile:strike" if item.severity >= 4 else "missile:atgm"
        generic = item.generic
        names: tuple[str, ...] = item.names
        if generic:
            # Only words of this language, so a French report does not say "Kampfpanzer".
            names = tuple(n for n in names if n in generic_ok)
        for slot, kinds in _EQUIPMENT_SLOTS.items():
            if kind in kinds:
                pools[slot].extend((n, generic) for n in names)
    pools["eq_friendly"] = [(n, n in ("truck", "vehicle")) for n in pb.FRIENDLY_EQUIPMENT]
    if lang != "en":
        local = {"fr": ("camion", "véhicule"), "de": ("Lkw", "Fahrzeug")}[lang]
        pools["eq_friendly"] = [(n, g) for n, g in pools["eq_friendly"] if not g] + [(n, True) for n in local]
    for slot, names in pools.items():
        if not names:
            raise RuntimeError(f"gazetteer has no equipment for slot {slot!r} in {lang}")
    return {slot: tuple(names) for slot, names in pools.items()}


@lru_cache(maxsize=8)
def _vocab(split: Split, lang: str) -> _Vocab:
    _, places = _gazetteer()

    def names_of(kinds: tuple[str, ...], hold_out: bool) -> tuple[_PlaceName, ...]:
        chosen = [p for p in places if p.kind in kinds]
        out: list[_PlaceName] = []
        for i, place in enumerate(chosen):
            # Every sixth town is kept for evaluation only: NER must find places it never saw.
            held = hold_out and i % 6 == 5
            if (split == "eval") != held and hold_out:
                continue
            lat, lon = place.lat, place.lon
            for name in place.names:
                out.append(_PlaceName(_strip_qualifier(str(name)), lat, lon))
        return tuple(out)

    surnames = tuple(s for i, s in enumerate(pb.SURNAMES) if (i % 5 == 4) == (split == "eval"))
    return _Vocab(
        towns=names_of(("town", "crossing"), hold_out=True),
        roads=names_of(("road",), hold_out=False),
        rivers=names_of(("river",), hold_out=False),
        bridges=names_of(("bridge",), hold_out=False),
        areas=names_of(("area", "forest", "hill"), hold_out=False),
        airfields=names_of(("airfield",), hold_out=False),
        surnames=surnames,
        equipment=_equipment_pools(lang),
    )


# ----------------------------------------------------------------------------------------- frames

# Frame syntax on top of the phrase syntax: <<...>> is optional (kept with probability 0.5);
# {Event}/{Addon} are capitalised forms. Training and evaluation frames never overlap.
_FRAMES: dict[str, dict[Split, tuple[str, ...]]] = {
    "en": {
        "train": (
            "<<{header}\n>><<{when} >><<{from}: >>{Event}<< {where}>>.<< {Addon}.>>",
            "{who} reports {event}<< {where}>><< at {time}>>.<< {Addon}.>><< {close}>>",
            "{Event}, {where}, {when}.<< {Addon}.>>",
            "{when} - {who} - {event} - {where}<< - {addon}>>",
            "{from}\n{when}\n{Event}\n{where}<<\n{Addon}>>",
            "sitrep {who}: {event}<< {where}>>. <<{addon}>>",
            "{Event}.<< {Addon}.>>",
            "{event} {where} {when}<< {addon}>>",
            "{from} {when}: {Event}. {Where}.",
            "{Event} ({where}, {when})<< - {who}>>",
            "INCREP {when}\nWHAT: {Event}\nWHERE: {where}\nWHO: {who}",
            "{when}\n{Event}.<< {Addon}.>>",
            "{header}: {event} {where}",
            "At {time}, {event}.<< {Addon}.>>",
            "UPDATE: {event}<<, {where}>><<, {addon}>>",
            "{who}: {event}; {addon}; {where}",
        ),
        "eval": (
            "Report from {who} at {time}: {event} {where}.<< {Addon}.>>",
            "{where}: {event} ({when}).<< {addon}>>",
            "MSG {when} // {who} // {event} // {addon}",
            "{Event}. Reported by {who}, {when}. Location {where}.",
        ),
    },
    "fr": {
        "train": (
            "<<{header}\n>><<{when} >><<{who} : >>{Event}<< {where}>>.<< {Addon}.>>",
            "{who} rend compte : {event}<< {where}>><< à {time}>>.<< {Addon}.>><< {close}>>",
            "{Event}, {where}, {when}.<< {Addon}.>>",
            "{when} - {who} - {event} - {where}<< - {addon}>>",
            "{from}\n{when}\n{Event}\n{where}<<\n{Addon}>>",
            "CR {who} : {event}<< {where}>>. <<{addon}>>",
            "{Event}.<< {Addon}.>>",
            "{event} {where} {when}<< {addon}>>",
            "{from} {when} : {Event}. {Where}.",
            "{Event} ({where}, {when})<< - {who}>>",
            "CR INCIDENT {when}\nQUOI : {Event}\nOÙ : {where}\nQUI : {who}",
            "{when}\n{Event}.<< {Addon}.>>",
            "{header} : {event} {where}",
            "À {time}, {event}.<< {Addon}.>>",
            "MISE À JOUR : {event}<<, {where}>><<, {addon}>>",
            "{who} : {event} ; {addon} ; {where}",
        ),
        "eval": (
            "Compte rendu de {who} à {time} : {event} {where}.<< {Addon}.>>",
            "{where} : {event} ({when}).<< {addon}>>",
            "MSG {when} // {who} // {event} // {addon}",
            "{Event}. Signalé par {who}, {when}. Lieu {where}.",
        ),
    },
    "de": {
        "train": (
            "<<{header}\n>><<{when} >><<{from}: >>{Event}<< {where}>>.<< {Addon}.>>",
            "{who} meldet {event}<< {where}>><< um {time}>>.<< {Addon}.>><< {close}>>",
            "{Event}, {where}, {when}.<< {Addon}.>>",
            "{when} - {who} - {event} - {where}<< - {addon}>>",
            "{from}\n{when}\n{Event}\n{where}<<\n{Addon}>>",
            "Lagemeldung {who}: {event}<< {where}>>. <<{addon}>>",
            "{Event}.<< {Addon}.>>",
            "{event} {where} {when}<< {addon}>>",
            "{from} {when}: {Event}. {Where}.",
            "{Event} ({where}, {when})<< - {who}>>",
            "VORFALLMELDUNG {when}\nWAS: {Event}\nWO: {where}\nWER: {who}",
            "{when}\n{Event}.<< {Addon}.>>",
            "{header}: {event} {where}",
            "Um {time} {event}.<< {Addon}.>>",
            "NACHTRAG: {event}<<, {where}>><<, {addon}>>",
            "{who}: {event}; {addon}; {where}",
        ),
        "eval": (
            "Meldung von {who} um {time}: {event} {where}.<< {Addon}.>>",
            "{where}: {event} ({when}).<< {addon}>>",
            "MSG {when} // {who} // {event} // {addon}",
            "{Event}. Gemeldet durch {who}, {when}. Ort {where}.",
        ),
    },
}

_SALUTE: dict[str, dict[Split, tuple[str, ...]]] = {
    "en": {
        "train": (
            "SALUTE\nS: {size}\nA: {event}\nL: {where_s}\nU: {eunit_s}\nT: {when}\nE: {equip_s}",
            "<<{header} >>SALUTE REPORT {who}\nSize: {size}\nActivity: {event}\nLocation: {where_s}\nUnit: {eunit_s}\nTime: {when}\nEquipment: {equip_s}",
            "SALUTE fm {who}: S - {size} / A - {event} / L - {where_s} / U - {eunit_s} / T - {when} / E - {equip_s}",
            "<<{header}\n>>s: {size}\na: {event}\nl: {where_s}\nu: {eunit_s}\nt: {when}\ne: {equip_s}<<\n{Addon}>>",
        ),
        "eval": (
            "SIZE - {size}; ACTIVITY - {event}; LOCATION - {where_s}; UNIT - {eunit_s}; TIME - {when}; EQUIPMENT - {equip_s}",
        ),
    },
    "fr": {
        "train": (
            "SALUTE\nS : {size}\nA : {event}\nL : {where_s}\nU : {eunit_s}\nT : {when}\nE : {equip_s}",
            "<<{header} >>CR SALUTE {who}\nVolume : {size}\nActivité : {event}\nLieu : {where_s}\nUnité : {eunit_s}\nHeure : {when}\nÉquipement : {equip_s}",
            "SALUTE\nTAILLE : {size}\nACTIVITÉ : {event}\nLIEU : {where_s}\nUNITÉ : {eunit_s}\nHEURE : {when}\nÉQUIPEMENT : {equip_s}<<\n{Addon}>>",
            "CR SALUTE de {who} : S. {size} / A. {event} / L. {where_s} / U. {eunit_s} / T. {when} / E. {equip_s}",
        ),
        "eval": (
            "EFFECTIF - {size} | ACTIVITÉ - {event} | LIEU - {where_s} | UNITÉ - {eunit_s} | HEURE - {when} | MATÉRIEL - {equip_s}",
        ),
    },
    "de": {
        "train": (
            "SALUTE\nS: {size}\nA: {event}\nL: {where_s}\nU: {eunit_s}\nT: {when}\nE: {equip_s}",
            "<<{header} >>SALUTE-Meldung {who}\nStärke: {size}\nTätigkeit: {event}\nOrt: {where_s}\nEinheit: {eunit_s}\nZeit: {when}\nAusrüstung: {equip_s}",
            "SALUTE\nSTÄRKE: {size}\nTÄTIGKEIT: {event}\nORT: {where_s}\nEINHEIT: {eunit_s}\nZEIT: {when}\nAUSRÜSTUNG: {equip_s}<<\n{Addon}>>",
            "SALUTE von {who}: S {size} / A {event} / L {where_s} / U {eunit_s} / T {when} / E {equip_s}",
        ),
        "eval": (
            "STÄRKE - {size}; TÄTIGKEIT - {event}; ORT - {where_s}; EINHEIT - {eunit_s}; ZEIT - {when}; AUSRÜSTUNG - {equip_s}",
        ),
    },
}

_SPOT: dict[str, dict[Split, tuple[str, ...]]] = {
    "en": {
        "train": (
            "SPOT REPORT\nLINE 1 - DTG: {dtg}\nLINE 2 - UNIT: {who}\nLINE 3 - LOCATION: {grid}\nLINE 4 - ACTIVITY: {event}\nLINE 5 - ACTION: {addon}",
            "<<{header}\n>>SPOT\n(1) {dtg}\n(2) {who}\n(3) {grid}<< ({loc})>>\n(4) {event}\n(5) {addon}",
            "SPOT - {who} - {dtg} - {grid} - {event} - {addon}",
            "SPOTREP\nA. {dtg}\nB. {who}\nC. {grid}\nD. {event}\nE. {addon}",
        ),
        "eval": ("SPOTREP 1) {dtg} 2) {who} 3) {grid} 4) {event} 5) {addon}",),
    },
    "fr": {
        "train": (
            "COMPTE RENDU SPOT\nLIGNE 1 - GDH : {dtg}\nLIGNE 2 - UNITÉ : {who}\nLIGNE 3 - LIEU : {grid}\nLIGNE 4 - ACTIVITÉ : {event}\nLIGNE 5 - MESURES : {addon}",
            "<<{header}\n>>CRI\nGDH : {dtg}\nQUI : {who}\nOÙ : {grid}<< ({loc})>>\nQUOI : {event}\nMESURES : {addon}",
            "COMPTE RENDU IMMÉDIAT - {who} - {dtg} - {grid} - {event} - {addon}",
            "CRI\nA. {dtg}\nB. {who}\nC. {grid}\nD. {event}\nE. {addon}",
        ),
        "eval": ("SPOTREP 1) {dtg} 2) {who} 3) {grid} 4) {event} 5) {addon}",),
    },
    "de": {
        "train": (
            "SPOT-MELDUNG\nZEILE 1 - DTG: {dtg}\nZEILE 2 - EINHEIT: {who}\nZEILE 3 - ORT: {grid}\nZEILE 4 - TÄTIGKEIT: {event}\nZEILE 5 - MASSNAHMEN: {addon}",
            "<<{header}\n>>SOFORTMELDUNG\nWann: {dtg}\nWer: {who}\nWo: {grid}<< ({loc})>>\nWas: {event}\nMaßnahmen: {addon}",
            "SPOTREP - {who} - {dtg} - {grid} - {event} - {addon}",
            "Sofortmeldung\n(1) {dtg}\n(2) {who}\n(3) {grid}\n(4) {event}\n(5) {addon}",
        ),
        "eval": ("SPOTREP 1) {dtg} 2) {who} 3) {grid} 4) {event} 5) {addon}",),
    },
}

_WHERE: dict[str, tuple[str, ...]] = {
    "en": (
        "vic {loc}",
        "at {grid}",
        "GR {grid}",
        "near {loc} ({grid})",
        "{loc} area, grid {grid}",
        "MGRS {grid}",
        "grid {grid}",
        "in {loc}",
        "at {loc}",
    ),
    "fr": (
        "vers {loc}",
        "au point {grid}",
        "coord {grid}",
        "près de {loc} ({grid})",
        "secteur {loc}, carroyage {grid}",
        "MGRS {grid}",
        "à {loc}",
        "à hauteur de {loc}",
    ),
    "de": (
        "bei {loc}",
        "bei {grid}",
        "UTMREF {grid}",
        "nahe {loc} ({grid})",
        "Raum {loc}, Koordinate {grid}",
        "MGRS {grid}",
        "in {loc}",
        "im Raum {loc}",
    ),
}
_WHERE_SALUTE: tuple[str, ...] = ("{grid}", "{loc} {grid}", "{grid} ({loc})", "{loc}")
_WHO: tuple[str, ...] = ("{unit}", "{unit}", "{unit}", "{person}, {unit}", "{unit} ({person})")
_FROM: dict[str, tuple[str, ...]] = {
    "en": ("FROM {unit}", "FROM: {unit}", "{unit}", "{person}, {unit}"),
    "fr": ("DE {unit}", "DE : {unit}", "{unit}", "{person}, {unit}"),
    "de": ("VON {unit}", "VON: {unit}", "{unit}", "{person}, {unit}"),
}
_WHEN: tuple[str, ...] = ("{dtg}", "{dtg}", "{time}")
_CLOSE: dict[str, tuple[str, ...]] = {
    "en": ("OUT", "over", "END", "Out."),
    "fr": ("FIN", "TERMINÉ", "fin du message"),
    "de": ("ENDE", "Ende der Meldung", "Ende"),
}
_HEADER: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "FLASH": ("FLASH", "FLASH FLASH", "PREC: FLASH"),
        "IMMEDIATE": ("IMMEDIATE", "PREC: IMMEDIATE", "O O O"),
        "PRIORITY": ("PRIORITY", "PREC: PRIORITY"),
        "ROUTINE": ("ROUTINE", "PREC: ROUTINE"),
    },
    "fr": {
        "FLASH": ("FLASH", "PRÉCÉDENCE : FLASH"),
        "IMMEDIATE": ("IMMÉDIAT", "URGENT", "PRÉCÉDENCE : IMMÉDIAT"),
        "PRIORITY": ("PRIORITAIRE", "PRÉCÉDENCE : PRIORITAIRE"),
        "ROUTINE": ("ROUTINE", "PRÉCÉDENCE : ROUTINE"),
    },
    "de": {
        "FLASH": ("BLITZ", "FLASH", "Vorrang: BLITZ"),
        "IMMEDIATE": ("SOFORT", "Vorrang: SOFORT"),
        "PRIORITY": ("VORRANG", "Vorrang: PRIORITY"),
        "ROUTINE": ("ROUTINE", "Vorrang: ROUTINE"),
    },
}
_UNKNOWN: dict[str, tuple[str, ...]] = {
    "en": ("unknown", "unk", "UNK", "n/a"),
    "fr": ("inconnue", "inconnu", "NC"),
    "de": ("unbekannt", "unbek.", "k.A."),
}
_NONE_SEEN: dict[str, tuple[str, ...]] = {
    "en": ("small arms", "none seen", "unk"),
    "fr": ("armement léger", "non observé"),
    "de": ("Handwaffen", "nicht erkannt"),
}
_OTHERWISE: dict[str, tuple[str, ...]] = {
    "en": ("otherwise NSTR", "rest NSTR"),
    "fr": ("RAS par ailleurs", "pour le reste RAS"),
    "de": ("sonst KBV", "ansonsten KBV"),
}

# Shorthand that terse writers use; applied to plain words only, never to entity text.
_SHORTHAND: dict[str, dict[str, str]] = {
    "en": {
        "moving": "mvg",
        "vicinity": "vic",
        "request": "req",
        "requests": "reqs",
        "approximately": "approx",
        "enemy": "en",
        "vehicles": "vehs",
        "with": "w/",
        "and": "&",
        "towards": "twd",
        "observed": "obs",
        "personnel": "pers",
        "casualties": "cas",
        "position": "posn",
        "reinforcement": "reinf",
        "continuing": "cont",
        "report": "rpt",
        "battalion": "bn",
        "company": "coy",
        "platoon": "pl",
        "north": "N",
        "south": "S",
        "east": "E",
        "west": "W",
    },
    "fr": {
        "véhicules": "véh",
        "direction": "dir.",
        "environ": "env.",
        "ennemi": "ENI",
        "ennemie": "ENI",
        "ennemis": "ENI",
        "compagnie": "cie",
        "section": "sect",
        "demande": "dde",
        "position": "pos",
        "observé": "obs",
        "blessés": "BLE",
        "avec": "av.",
        "kilomètres": "km",
        "heures": "h",
    },
    "de": {
        "Richtung": "Ri",
        "Fahrzeuge": "Kfz",
        "Kompanie": "Kp",
        "ungefähr": "ca.",
        "Feind": "Fd",
        "Stellung": "Stlg",
        "Beobachtung": "Beob",
        "beobachtet": "beob.",
        "Verwundete": "Verw",
        "und": "u.",
        "mit": "m.",
        "Meldung": "Mldg",
        "Bataillon": "Btl",
        "Verstärkung": "Verst",
    },
}

# Neighbouring keys for substitution typos (QWERTY and AZERTY/QWERTZ differences are ignored).
_KEY_NEIGHBOURS: dict[str, str] = {
    "a": "sqwz",
    "b": "vghn",
    "c": "xdfv",
    "d": "serfcx",
    "e": "wsdr",
    "f": "drtgvc",
    "g": "ftyhbv",
    "h": "gyujnb",
    "i": "ujko",
    "j": "huikmn",
    "k": "jiolm",
    "l": "kop",
    "m": "njk",
    "n": "bhjm",
    "o": "iklp",
    "p": "ol",
    "q": "wa",
    "r": "edft",
    "s": "awedxz",
    "t": "rfgy",
    "u": "yhji",
    "v": "cfgb",
    "w": "qase",
    "x": "zsdc",
    "y": "tghu",
    "z": "asx",
}


# ----------------------------------------------------------------------------------------- generator

_TOKEN = re.compile(r"\{(\w+)\}|\[([^\[\]]*)\]|<<(.*?)>>", re.DOTALL)


class _ReportBuilder:
    """Expands one report's templates, caching slot values so repeated slots name the same thing."""

    def __init__(self, rng: random.Random, lang: str, split: Split, vocab: _Vocab) -> None:
        self.rng = rng
        self.lang = lang
        self.split = split
        self.vocab = vocab
        self.cache: dict[str, list[_Seg]] = {}
        self.qty_value = 1
        self.place: _PlaceName | None = None
        self.precedence = "ROUTINE"
        self.event: list[_Seg] = []
        self.addon_key: tuple[str, ...] = ()
        self.first_equipment: list[_Seg] | None = None
        self.had_header = False
        self.slots: dict[str, Callable[[], list[_Seg]]] = {
            "unit2": self._unit,
            "qty": self._qty,
            "n": self._n,
            "n2": self._n,
            "k": self._k,
            "k2": self._k,
            "loc": self._loc,
            "loc2": self._loc,
            "road": lambda: self._named("LOCATION", self.vocab.roads),
            "river": lambda: self._named("LOCATION", self.vocab.rivers),
            "bridge": lambda: self._named("LOCATION", self.vocab.bridges),
            "area": lambda: self._named("LOCATION", self.vocab.areas),
            "airfield": lambda: self._named("LOCATION", self.vocab.airfields),
            "grid": self._grid,
            "dtg": self._dtg,
            "time": self._time,
            "unit": self._unit,
            "eunit": self._eunit,
            "person": self._person,
            "org": lambda: self._org(pb.ORGS_AID + pb.ORGS_OTHER),
            "police": lambda: self._org(pb.ORGS_POLICE),
            "cert": lambda: self._org(pb.ORGS_CYBER),
            "dir": lambda: [_Seg(self.rng.choice(pb.DIRECTIONS[self.lang]))],
            "cas": lambda: self.expand(self.rng.choice(pb.CASUALTIES[self.lang])),
            "exname": lambda: [_Seg(self.rng.choice(pb.EXERCISE_NAMES))],
            "event": lambda: list(self.event),
            "Event": lambda: _capitalise(list(self.event)),
            "addon": self._addon,
            "Addon": lambda: _capitalise(self._addon()),
            "where": self._where,
            "Where": lambda: _capitalise(self._where()),
            "where_s": lambda: self.expand(self.rng.choice(_WHERE_SALUTE)),
            "who": lambda: self.expand(self.rng.choice(_WHO)),
            "from": lambda: self.expand(self.rng.choice(_FROM[self.lang])),
            "when": lambda: self.expand(self.rng.choice(_WHEN)),
            "close": lambda: [_Seg(self.rng.choice(_CLOSE[self.lang]))],
            "header": self._header,
            "size": self._size,
            "equip_s": self._equip_s,
            "eunit_s": self._eunit_s,
        }
        for slot in _EQUIPMENT_SLOTS:
            self.slots[slot] = lambda slot=slot: self._equipment(slot)
        self.slots["eq_friendly"] = lambda: self._equipment("eq_friendly")

    # ------------------------------------------------------------------ template expansion

    def expand(self, template: str) -> list[_Seg]:
        out: list[_Seg] = []
        pos = 0
        for match in _TOKEN.finditer(template):
            out.append(_Seg(template[pos : match.start()]))
            slot, alternatives, optional = match.groups()
            if slot is not None:
                out.extend(self.slot(slot))
            elif alternatives is not None:
                out.extend(self.expand(self.rng.choice(alternatives.split("|"))))
            elif self.rng.random() < 0.5:
                out.extend(self.expand(optional))
            pos = match.end()
        out.append(_Seg(template[pos:]))
        return [s for s in out if s.text]

    def slot(self, name: str) -> list[_Seg]:
        # Re-using a slot's value keeps a report coherent: the place in the event and the place in the
        # location line are the same; "loc2"/"n2" exist for a deliberately different second value.
        cacheable = name not in (
            "event",
            "Event",
            "addon",
            "Addon",
            "where",
            "who",
            "from",
            "when",
            "dir",
            "cas",
            "header",
            "close",
            "k",
            "k2",
        )
        if cacheable and name in self.cache:
            return [_Seg(s.text, s.label) for s in self.cache[name]]
        segs = self.slots[name]()
        if cacheable:
            self.cache[name] = [_Seg(s.text, s.label) for s in segs]
        return segs

    # ------------------------------------------------------------------ entity slots

    def _number(self, lo: int, hi: int) -> tuple[int, str]:
        rng = self.rng
        value = rng.randint(lo, hi) if rng.random() < 0.7 else rng.randint(lo, max(lo, hi * 4))
        roll = rng.random()
        if roll < 0.12 and value <= 12:
            return value, pb.NUMBER_WORDS[self.lang][value - 1]
        if roll < 0.24 and value >= 5:
            value = max(5, round(value / 5) * 5)
            return value, f"{rng.choice(pb.APPROX[self.lang])} {value}"
        if roll < 0.28:
            return value, f"{value}+"
        return value, str(value)

    def _qty(self) -> list[_Seg]:
        value, text = self._number(1, 12)
        self.qty_value = value
        roll = self.rng.random()
        if text.isdigit() and roll < 0.3:
            text = f"{text}x" if roll < 0.22 else f"{text} x"
        return [_Seg(text, "QUANTITY")]

    def _n(self) -> list[_Seg]:
        _, text = self._number(1, 30)
        return [_Seg(text, "QUANTITY")]

    def _k(self) -> list[_Seg]:
        # Casualty counts are small; a platoon does not report thirty wounded.
        value = self.rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 6))
        words = pb.NUMBER_WORDS[self.lang]
        return [_Seg(words[value - 1] if self.rng.random() < 0.1 else str(value), "QUANTITY")]

    def _equipment(self, slot: str) -> list[_Seg]:
        name, generic = self.rng.choice(self.vocab.equipment[slot])
        if generic and self.qty_value > 1 and name in pb.PLURALS and self.rng.random() < 0.85:
            name = pb.PLURALS[name]
        # Annotation convention: small arms, machine guns and the bare word "vehicle" are not equipment.
        label = None if name in _NOT_EQUIPMENT else "EQUIPMENT"
        segs = [_Seg(name, label)]
        if self.first_equipment is None:
            self.first_equipment = segs
        return segs

    def _named(self, label: str, pool: Sequence[_PlaceName]) -> list[_Seg]:
        place = self.rng.choice(pool)
        self.place = self.place or place
        return [_Seg(place.name, label)]

    def _loc(self) -> list[_Seg]:
        if self.split == "train" and self.rng.random() < 0.5:
            # Invented village names teach "a place name goes here" instead of a list of names.
            place = _PlaceName(_pseudo_town(self.rng, self.lang), *_random_ao_point(self.rng))
            self.place = self.place or place
            return [_Seg(place.name, "LOCATION")]
        place = self.rng.choice(self.vocab.towns)
        self.place = self.place or place
        return [_Seg(place.name, "LOCATION")]

    def _grid(self) -> list[_Seg]:
        return [_Seg(_grid_text(self.rng, self.place), "GRID")]

    def _dtg(self) -> list[_Seg]:
        text, is_dtg = _dtg_text(self.rng, self.lang, full=True)
        return [_Seg(text, "DTG" if is_dtg else None)]

    def _time(self) -> list[_Seg]:
        text, is_dtg = _dtg_text(self.rng, self.lang, full=False)
        return [_Seg(text, "DTG" if is_dtg else None)]

    def _unit(self) -> list[_Seg]:
        return [_Seg(_unit_text(self.rng, self.lang, pb.UNIT_PATTERNS[self.lang]), "UNIT")]

    def _eunit(self) -> list[_Seg]:
        return [_Seg(_unit_text(self.rng, self.lang, pb.ENEMY_UNITS[self.lang]), "UNIT")]

    def _person(self) -> list[_Seg]:
        rng = self.rng
        surname = (
            _pseudo_surname(rng) if self.split == "train" and rng.random() < 0.4 else rng.choice(self.vocab.surnames)
        )
        rank = rng.choice(pb.RANKS[self.lang])
        form = rng.random()
        if form < 0.55:
            text = f"{rank} {surname}"
        elif form < 0.8:
            text = f"{rank} {rng.choice(pb.GIVEN_NAMES)} {surname}"
        elif form < 0.9:
            text = f"{rng.choice(pb.GIVEN_NAMES)} {surname}"
        else:
            text = f"{rank} {surname.upper()}"
        return [_Seg(text, "PERSON")]

    def _org(self, pool: Sequence[str]) -> list[_Seg]:
        name = self.rng.choice(pool)
        if name.startswith("the "):
            return [_Seg("the "), _Seg(name[4:], "ORG")]
        return [_Seg(name, "ORG")]

    # ------------------------------------------------------------------ frame slots

    def _addon(self) -> list[_Seg]:
        rng = self.rng
        if self.addon_key and rng.random() < 0.8:
            key = rng.choice(self.addon_key)
            return self.expand(rng.choice(pb.ADDONS[key][self.lang]))
        return self.expand(rng.choice(_OTHERWISE[self.lang] + _CLOSE[self.lang]))

    def _where(self) -> list[_Seg]:
        options = _WHERE[self.lang]
        if "loc" in self.cache and self.rng.random() < 0.7:
            # The event already named the town; a grid adds information, the town again would not.
            options = tuple(o for o in options if "{loc}" not in o)
        return self.expand(self.rng.choice(options))

    def _header(self) -> list[_Seg]:
        self.had_header = True
        return [_Seg(self.rng.choice(_HEADER[self.lang][self.precedence]))]

    def _size(self) -> list[_Seg]:
        if "qty" in self.cache:
            return self.slot("qty")
        if self.rng.random() < 0.5:
            unit = {"en": " pax", "fr": " pax", "de": " Mann"}[self.lang]
            return self.slot("n") + [_Seg(unit)]
        return [_Seg(self.rng.choice(_UNKNOWN[self.lang]))]

    def _equip_s(self) -> list[_Seg]:
        if self.first_equipment is not None:
            return [_Seg(s.text, s.label) for s in self.first_equipment]
        return [_Seg(self.rng.choice(_NONE_SEEN[self.lang]))]

    def _eunit_s(self) -> list[_Seg]:
        if "eunit" in self.cache or self.rng.random() < 0.3:
            return self.slot("eunit")
        return [_Seg(self.rng.choice(_UNKNOWN[self.lang]))]


_TOWN_PARTS = {
    "stem": (
        "Ober",
        "Nieder",
        "Kirch",
        "Berg",
        "Wald",
        "Roll",
        "Mar",
        "Heis",
        "Lint",
        "Bour",
        "Schand",
        "Fels",
        "Hoff",
        "Gonder",
        "Eisch",
        "Weil",
        "Mont",
        "Aube",
        "Val",
        "Gren",
        "Tren",
        "Bell",
        "Lux",
        "Sel",
        "Hes",
        "Gos",
        "Kop",
        "Lell",
        "Nom",
        "Bein",
        "Dal",
        "Flax",
        "Gil",
        "Haller",
        "Ingel",
        "Kal",
        "Lor",
        "Mach",
        "Nat",
        "Oll",
        "Pratz",
        "Quint",
        "Rei",
        "Saul",
        "Tand",
        "Ulf",
        "Vich",
        "Wemp",
        "Zol",
        "Asch",
        "Bur",
        "Cors",
        "Dom",
        "Erp",
        "Fouh",
        "Gérou",
        "Hatt",
        "Jam",
        "Liv",
        "Mess",
        "Neuv",
        "Orv",
        "Pier",
    ),
    "en": (
        "ange",
        "ingen",
        "court",
        "bach",
        "dorf",
        "heim",
        "ville",
        "scheid",
        "weiler",
        "hausen",
        "ange-sur-Sûre",
        "en",
        "er",
        "ich",
        "ach",
        "eng",
        "ert",
        "ler",
        "a",
        "y",
        "ster",
        "ignies",
    ),
    "fr": (
        "ange",
        "court",
        "ville",
        "mont",
        "fontaine",
        "-les-Bains",
        "-sur-Moselle",
        "val",
        "ancourt",
        "ois",
        "ière",
        "ancy",
        "erange",
        "-la-Grande",
        "-le-Château",
        "ieux",
        "ay",
        "ot",
    ),
    "de": (
        "ingen",
        "bach",
        "dorf",
        "heim",
        "scheid",
        "weiler",
        "hausen",
        "feld",
        "born",
        "rath",
        "ich",
        "en",
        "hof",
        "kirchen",
        "brück",
        "stein",
        "burg",
        "au",
        "tal",
        "roth",
    ),
}
_NAME_PARTS = (
    ("Kess", "Mar", "Vog", "Lind", "Ber", "Hau", "Fran", "Gil", "Pet", "Mor", "Dub", "Sch", "Wil", "Kra", "Lor"),
    ("ler", "chand", "t", "ner", "ger", "bert", "ois", "son", "rin", "eau", "mitz", "helm", "mer", "ange", "otte"),
)


def _pseudo_town(rng: random.Random, lang: str) -> str:
    stem = rng.choice(_TOWN_PARTS["stem"])
    if rng.random() < 0.25:  # two-part stems ("Kopstal", "Hesperange") make longer, rarer names
        stem += rng.choice(_TOWN_PARTS["stem"]).lower()
    name = stem + rng.choice(_TOWN_PARTS[lang] + _TOWN_PARTS["en"])
    roll = rng.random()
    if roll < 0.12:
        return f"{rng.choice(('Saint-', 'Bad ', 'Klein-', 'Groß-', 'Petit-', 'Nieder-', 'Ober', 'Mont-'))}{name}"
    if roll < 0.18:
        return f"{name}-{rng.choice(('sur-Sûre', 'an der Mosel', 'les-Bains', 'Plage', 'Village', 'Ost'))}"
    return name


def _pseudo_surname(rng: random.Random) -> str:
    return rng.choice(_NAME_PARTS[0]) + rng.choice(_NAME_PARTS[1])


def _random_ao_point(rng: random.Random) -> tuple[float, float]:
    return rng.uniform(_AO_BOX[0], _AO_BOX[1]), rng.uniform(_AO_BOX[2], _AO_BOX[3])


def _capitalise(segs: list[_Seg]) -> list[_Seg]:
    if segs and segs[0].text:
        first = segs[0]
        segs[0] = _Seg(first.text[0].upper() + first.text[1:], first.label)
    return segs


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _unit_text(rng: random.Random, lang: str, patterns: Sequence[str]) -> str:
    num = rng.randint(1, 9)
    values = {
        "ord": _ordinal_en(rng.choice((1, 2, 3, 4, 5, 11, 12, 21, 23, 52, 173))),
        "num": str(num),
        "num2": str(rng.randint(1, 4)),
        "letter": rng.choice("ABCDS"),
        "regt": rng.choice(pb.REGIMENTS_EN),
        "ordfr": rng.choice(("1er", "1re", "2e", "3e", "4e", "5e", "13e", "16e", "35e", "152e")),
        "ordfr2": rng.choice(("1er", "2e", "3e", "16e", "35e", "92e")),
        "regtfr": rng.choice(pb.REGIMENTS_FR),
        "regtde": rng.choice(pb.REGIMENTS_DE),
        "bn": str(rng.choice((292, 371, 393, 401, 413, 122, 131, 801))),
        "name": rng.choice(pb.NAMES_CALL),
        "callsign": f"{rng.choice(pb.CALLSIGNS)} {rng.choice(('1', '2', '3', '1-1', '2-3', '3-1', '6', '10', '22'))}",
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], rng.choice(patterns))


_MGRS = mgrs.MGRS()


def _grid_text(rng: random.Random, near: _PlaceName | None) -> str:
    for _ in range(20):
        if near is not None and rng.random() < 0.8:
            lat = near.lat + rng.uniform(-0.04, 0.04)
            lon = near.lon + rng.uniform(-0.06, 0.06)
        else:
            lat = rng.uniform(_AO_BOX[0], _AO_BOX[1])
            lon = rng.uniform(_AO_BOX[2], _AO_BOX[3])
        raw = str(_MGRS.toMGRS(lat, lon, MGRSPrecision=5))
        if raw[:5] in GRID_SQUARES:
            break
        near = None  # the named place is outside the AO squares: fall back to a grid inside them
    zone, square, east, north = raw[:3], raw[3:5], raw[5:10], raw[10:15]
    digits = rng.choice((5, 5, 4, 3))
    e, n = east[:digits], north[:digits]
    style = rng.randrange(8)
    if style == 0:
        return f"{zone}{square}{e}{n}"
    if style == 1:
        return f"{zone} {square} {e} {n}"
    if style == 2:
        return f"{zone} {square} {e}{n}"
    if style == 3:
        return f"{zone}{square} {e} {n}"
    if style == 4:
        return f"{square} {e} {n}"
    if style == 5:
        return f"{square}{e}{n}"
    if style == 6:
        return f"{zone}{square} {e}{n}"
    return f"{zone.lower()}{square.lower()}{e}{n}" if rng.random() < 0.5 else f"{zone}-{square}-{e}-{n}"


_ACCENTED_MONTHS = {"FEVR": "FÉVR", "AOUT": "AOÛT", "DEC": "DÉC", "MRZ": "MÄR"}


def _dtg_text(rng: random.Random, lang: str, full: bool) -> tuple[str, bool]:
    """(text, is_dtg). Zulu date-time groups and Zulu times are DTGs; local clock times are not."""
    day, hour, minute = (
        rng.randint(1, 28),
        rng.randint(0, 23),
        rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50, rng.randint(0, 59))),
    )
    month = rng.randrange(12)
    year = rng.choice((24, 25, 26, 27))
    hhmm = f"{hour:02d}{minute:02d}"
    mon = pb.MONTHS[lang][month]
    if mon in _ACCENTED_MONTHS and rng.random() < 0.5:
        mon = _ACCENTED_MONTHS[mon]
    if full:
        style = rng.randrange(7)
        if style == 0:
            return f"{day:02d}{hhmm}Z{mon}{year}", True
        if style == 1:
            return f"{day:02d}{hhmm}Z {mon} {year}", True
        if style == 2:
            return f"{day:02d} {hhmm}Z {mon} {year}", True
        if style == 3:
            return f"{day:02d}{hhmm}Z{mon.lower() if rng.random() < 0.3 else mon}20{year}", True
        if style in (4, 5):
            return f"{day:02d}{hhmm}Z", True
        return f"{day:02d}{hhmm}Z{mon}", True
    style = rng.randrange(6)
    if style < 3:
        return (f"{hhmm}Z" if style < 2 else f"{hhmm} Z"), True
    # Local clock times: written often, but they are not date-time groups.
    if lang == "fr":
        return (f"{hour:02d}h{minute:02d}" if style == 3 else f"{hour}h{minute:02d} heure locale"), False
    if lang == "de":
        return (f"{hour:02d}:{minute:02d} Uhr" if style == 3 else f"{hour:02d}.{minute:02d} Uhr Ortszeit"), False
    return (f"{hhmm}hrs" if style == 3 else f"{hhmm} local"), False


# ----------------------------------------------------------------------------------------- noise


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:
        return word[:i] + word[i + 1 :]
    if op == 2:
        return word[:i] + word[i] + word[i:]
    neighbours = _KEY_NEIGHBOURS.get(word[i].lower())
    return word[:i] + rng.choice(neighbours) + word[i + 1 :] if neighbours else word


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _noise_plain(text: str, rng: random.Random, lang: str, terse: bool, typo_rate: float) -> str:
    shorthand = _SHORTHAND[lang]

    def word(match: re.Match[str]) -> str:
        w = match.group(0)
        if terse and w.lower() in shorthand and rng.random() < 0.6:
            return shorthand[w.lower()]
        if rng.random() < typo_rate:
            return _typo(w, rng)
        return w

    text = _WORD.sub(word, text)
    if rng.random() < 0.05:
        text = text.replace(", ", ",", 1)
    if rng.random() < 0.05:
        text = text.replace(" ", "  ", 1)
    return text


def _apply_case(text: str, mode: str) -> str:
    if mode == "upper":
        return text.upper()
    if mode == "lower":
        return text.lower()
    return text


# ----------------------------------------------------------------------------------------- public API

_SITUATIONS = {s.key: s for s in pb.SITUATIONS}
_BY_CATEGORY: dict[str, tuple[pb.Situation, ...]] = {
    c: tuple(s for s in pb.SITUATIONS if s.category == c) for c in CATEGORIES
}


# Open-source registers (wire copy, statements, advisories, NOTAMs, field reports abroad...): after the
# category is drawn, this share of reports comes from that category's register situations.
REGISTER_SHARE = 0.3
_REGISTERS_BY_CATEGORY: dict[str, tuple[pb.Situation, ...]] = {
    c: tuple(s for s in registers.REGISTER_SITUATIONS if s.category == c) for c in CATEGORIES
}
# Register layouts that read like our own terse messages (shorthand noise suits them, not wire copy).
_TERSE_REGISTERS = frozenset({"field_abroad"})

_ROUTINE_WEIGHTS = {"rt_nstr": 3, "rt_admin": 2, "rt_false_alarm": 3, "exercise": 3}  # other rt_* situations: 2


def _split_items(items: Sequence[str], split: Split, every: int = 4) -> tuple[str, ...]:
    # Every `every`-th phrasing is evaluation-only; the rest train. Deterministic, so the two splits
    # never share a phrasing however many reports are drawn.
    chosen = tuple(p for i, p in enumerate(items) if (i % every == every - 1) == (split == "eval"))
    return chosen or tuple(items)


def generate(
    count: int, seed: int, split: Split = "train", phrasings: Literal["seen", "unseen"] = "seen"
) -> Iterator[SyntheticReport]:
    """Yield `count` reports; the same arguments always yield the same reports.

    `split="eval"` changes seed stream, report frames, exercise wrappers, calm openers, towns and surnames.
    `phrasings="unseen"` additionally draws each event from the phrasings kept out of training (stress test).
    """
    rng = random.Random(f"{split}:{phrasings}:{seed}")
    phrase_split: Split = "eval" if phrasings == "unseen" else "train"
    for index in range(count):
        yield _one(rng, split, index, phrase_split)


def _one(rng: random.Random, split: Split, index: int, phrase_split: Split) -> SyntheticReport:
    lang = LANGUAGES[index % len(LANGUAGES)]  # balanced languages, so per-language metrics are comparable
    vocab = _vocab(split, lang)
    builder = _ReportBuilder(rng, lang, split, vocab)
    category = rng.choice(CATEGORIES)
    if _REGISTERS_BY_CATEGORY[category] and rng.random() < REGISTER_SHARE:
        situation = rng.choice(_REGISTERS_BY_CATEGORY[category])
        return _register_report(rng, split, lang, builder, situation, phrase_split)
    cues: list[str] = []
    if category == "routine":
        kinds = [s.key for s in _BY_CATEGORY["routine"]] + ["exercise"]
        kind = rng.choices(kinds, weights=[_ROUTINE_WEIGHTS.get(k, 2) for k in kinds])[0]
    else:
        kind = rng.choice(_BY_CATEGORY[category]).key
    if kind == "exercise":
        source = _SITUATIONS[rng.choice(pb.EXERCISE_SOURCES)]
        wrapper = rng.choice(_split_items(pb.EXERCISE_WRAPPERS[lang], split, every=3))
        builder.event = builder.expand(rng.choice(_split_items(source.phrases[lang], phrase_split)))
        builder.event = _wrap(builder, wrapper)
        precedence, cues, situation_key = "ROUTINE", ["exercise"], f"exercise:{source.key}"
        builder.addon_key = ()
    else:
        situation = _SITUATIONS[kind]
        if phrase_split == "train" and rng.random() < 0.25:
            keyword = rng.choice(pb.KEYWORD_EVENTS[situation.key][lang])
            builder.event = builder.expand(rng.choice(pb.KEYWORD_FRAMES[lang]).replace("{kw}", keyword))
        else:
            builder.event = builder.expand(rng.choice(_split_items(situation.phrases[lang], phrase_split)))
        precedence, situation_key = situation.precedence, situation.key
        cues = list(situation.cues)
        builder.addon_key = situation.addons
        if category != "routine" and rng.random() < 0.12:
            # The "reverse" case: routine words first, the real event after them.
            calm = builder.expand(rng.choice(_split_items(pb.CALM_OPENERS[lang], split, every=3)))
            builder.event = calm + [_Seg(" ")] + builder.event
            cues.append("calm_opener")
    builder.precedence = precedence

    fmt = "free_text"
    roll = rng.random()
    salute_ok = category in ("enemy_movement", "attack", "air_activity") or kind in ("exercise", "rt_false_alarm")
    if salute_ok and roll < 0.25:
        fmt, frames = "salute", _SALUTE[lang][split]
    elif roll > 0.88:
        fmt, frames = "spot", _SPOT[lang][split]
    else:
        frames = _FRAMES[lang][split]
    frame_index = rng.randrange(len(frames))
    frame = frames[frame_index]
    if split == "train" and fmt == "free_text" and rng.random() < 0.45:
        # Fields in random order, with random separators and labels: structure the fixed frames lack.
        frame, frame_index = _shuffled_frame(rng, lang), 99
    segs = builder.expand(frame)
    if builder.had_header:
        cues.append("header")

    text, entities = _render(segs, rng, lang, terse=frame_index in (3, 5, 7, 13) or fmt != "free_text")
    return SyntheticReport(
        text=text,
        language=lang,
        category=category,
        precedence=precedence,
        entities=entities,
        cues=tuple(cues),
        format=fmt,
        template=f"{situation_key}/{fmt}{frame_index}",
        phrasing="unseen" if phrase_split == "eval" else "seen",
    )


@lru_cache(maxsize=8192)
def _w_slots_in(template: str) -> tuple[str, ...]:
    return tuple(sorted(name for name in registers.slots_in(template) if name.startswith("w_")))


def _register_slot(name: str, lang: str, rng: random.Random, state: registers.SlotState, split: Split) -> list[_Seg]:
    return [_Seg(t, lab) for t, lab in registers.fill(name, lang, rng, state, split)]


def _held_out_indices(count: int, split: Split, every: int = 4) -> tuple[int, ...]:
    # The indices `_split_items` would keep, so a drawn frame keeps its position in the template id.
    return tuple(int(i) for i in _split_items(tuple(str(i) for i in range(count)), split, every))


def _register_report(
    rng: random.Random,
    split: Split,
    lang: str,
    builder: _ReportBuilder,
    situation: pb.Situation,
    phrase_split: Split,
) -> SyntheticReport:
    """An open-source register report: the situation's event inside one of its registers' layouts."""
    # One state per report: the theatre, and the world values drawn so far (a slot repeats its value).
    state = registers.new_state(situation.key, rng)

    def bind(template: str) -> str:
        # The `w_` slots this template names, filled from the register vocabularies (binding only those
        # a template uses keeps generation fast; the values and the random stream are the same).
        for name in _w_slots_in(template):
            if name not in builder.slots:
                builder.slots[name] = partial(_register_slot, name, lang, rng, state, split)
        return template

    builder.precedence = situation.precedence
    builder.addon_key = situation.addons
    phrase = rng.choice(_split_items(situation.phrases[lang], phrase_split))
    builder.event = builder.expand(bind(phrase))
    register = rng.choice(registers.SITUATION_REGISTERS[situation.key])
    frames = registers.REGISTER_FRAMES[register][lang]
    indices = _held_out_indices(len(frames), split)  # one layout in four is evaluation-only
    if registers.attributes(phrase, lang):
        # An event that names its source goes into a layout that does not add another one.
        indices = tuple(i for i in indices if not registers.attributes(frames[i], lang)) or indices
    frame_index = rng.choice(indices)
    segs = builder.expand(bind(frames[frame_index]))
    cues = list(situation.cues)
    if builder.had_header:
        cues.append("header")
    text, entities = _render(segs, rng, lang, terse=register in _TERSE_REGISTERS)
    return SyntheticReport(
        text=text,
        language=lang,
        category=situation.category,
        precedence=situation.precedence,
        entities=entities,
        cues=tuple(cues),
        format="free_text",
        template=f"{situation.key}@{register}/{frame_index}",
        phrasing="unseen" if phrase_split == "eval" else "seen",
    )


_FIELD_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "when": ("DTG:", "Time:", "TOR", "At", "DTG"),
        "who": ("FROM", "Unit:", "Source:", "Callsign", "SRC:"),
        "where": ("LOC:", "Location:", "Grid:", "Posn", "Vic"),
        "addon": ("Action:", "Remarks:", "Req:"),
    },
    "fr": {
        "when": ("GDH :", "Heure :", "À", "GDH"),
        "who": ("DE", "Unité :", "Source :", "Indicatif"),
        "where": ("Lieu :", "Position :", "Coord :", "Secteur"),
        "addon": ("Mesures :", "Remarques :", "Demande :"),
    },
    "de": {
        "when": ("DTG:", "Zeit:", "Um", "Zeitpunkt:"),
        "who": ("VON", "Einheit:", "Quelle:", "Rufname"),
        "where": ("Ort:", "Lage:", "Koord:", "Raum"),
        "addon": ("Maßnahmen:", "Bemerkung:", "Anforderung:"),
    },
}
_SEPARATORS_BY_STYLE = (". ", " - ", " // ", "; ", "\n", " | ", ", ", " ")
_RADIO = {
    "en": ("{unit2} this is {unit}, {event}, over", "{unit}: {Event}. How copy, over"),
    "fr": ("{unit2} ici {unit}, {event}, parlez", "{unit} : {Event}. Comment reçu, parlez"),
    "de": ("{unit2} hier {unit}, {event}, kommen", "{unit}: {Event}. Wie verstanden, kommen"),
}


_NUMBERING = ("{i}. ", "({i}) ", "{i} - ", "{a}) ", "{A}. ", "LINE {i}: ", "{i}/ ")


def _shuffled_frame(rng: random.Random, lang: str) -> str:
    if rng.random() < 0.12:
        return rng.choice(_RADIO[lang])
    fields = ["{Event}"]
    for name, slot in (("when", "{when}"), ("who", "{who}"), ("where", "{where}"), ("addon", "{addon}")):
        if rng.random() < 0.6:
            labelled = f"{rng.choice(_FIELD_LABELS[lang][name])} {slot}" if rng.random() < 0.4 else slot
            fields.append(labelled)
    rng.shuffle(fields)
    separator = rng.choice(_SEPARATORS_BY_STYLE)
    if rng.random() < 0.25:
        # Numbered fields, as in line-numbered formats: the numbers belong to no entity.
        marker = rng.choice(_NUMBERING)
        fields = [marker.format(i=i + 1, a="abcdefg"[i], A="ABCDEFG"[i]) + f for i, f in enumerate(fields)]
        separator = rng.choice(("\n", " ", "; ", "\n"))
    return separator.join(fields)


def _wrap(builder: _ReportBuilder, wrapper: str) -> list[_Seg]:
    inner = builder.event
    before, _, after = wrapper.partition("{event}")
    return builder.expand(before) + inner + builder.expand(after)


def _render(segs: list[_Seg], rng: random.Random, lang: str, terse: bool) -> tuple[str, tuple[EntitySpan, ...]]:
    case = rng.choices(("as_is", "upper", "lower"), weights=(72, 18, 10))[0]
    typo_rate = rng.choice((0.0, 0.0, 0.01, 0.03, 0.06))
    parts: list[str] = []
    entities: list[EntitySpan] = []
    pos = 0
    for seg in segs:
        text = seg.text
        if seg.label is None:
            text = _noise_plain(text, rng, lang, terse, typo_rate)
        elif seg.label in ("LOCATION", "PERSON", "UNIT", "ORG", "EQUIPMENT") and rng.random() < typo_rate / 2:
            text = " ".join(_typo(w, rng) for w in text.split(" "))
        text = _apply_case(text, case)
        if seg.label is not None:
            stripped = text.strip()
            if stripped:
                lead = len(text) - len(text.lstrip())
                entities.append(EntitySpan(seg.label, pos + lead, pos + lead + len(stripped)))
        parts.append(text)
        pos += len(text)
    text = "".join(parts)
    # Frames may leave doubled punctuation or blanks where an optional part was empty; tidy them
    # without moving entity offsets by only trimming the end.
    trimmed = text.rstrip()
    return trimmed, tuple(e for e in entities if e.end <= len(trimmed))


# The runtime's word pattern (operators/triage.py vocabulary_coverage): letters only, 4 or more, case-folded.
_VOCABULARY_WORD = re.compile(r"[^\W\d_]{4,}")


def vocabulary(reports: Iterable[SyntheticReport]) -> list[str]:
    """The case-folded words of 4 letters or more that occur in the reports, sorted (vocabulary.txt)."""
    words: set[str] = set()
    for report in reports:
        words.update(w.casefold() for w in _VOCABULARY_WORD.findall(report.text))
    return sorted(words)


def write_vocabulary(reports: Iterable[SyntheticReport], path: Path) -> int:
    """Write `vocabulary(reports)` one word a line; returns the number of words."""
    words = vocabulary(reports)
    path.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    return len(words)


def write_jsonl(reports: Sequence[SyntheticReport] | Iterator[SyntheticReport], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for report in reports:
            out.write(report.to_json() + "\n")
            count += 1
    return count


def read_jsonl(path: Path) -> list[SyntheticReport]:
    with path.open(encoding="utf-8") as src:
        return [SyntheticReport.from_json(line) for line in src if line.strip()]


# Hand-written development sets (tests/eval/<name>.jsonl) that also train the model, and the rule that picks
# them: the in-house sets and the open-source sets osd_* to osd35_* (model 1.2.0; 1.1.0 stopped at osd15_*).
# The sets written after them (osd36_* onwards) stay out of training so that they measure the model on
# hand-written text it never saw and fit the calibration; the independent set and the check sets (osc*)
# never train anything.
HANDWRITTEN_LAST_ROUND = 35
_HANDWRITTEN_NAME = re.compile(r"^(?:dev\d*_reports|osd(\d*)_(?:en|fr|de))$")


def handwritten_training_sets(directory: Path, last_round: int = HANDWRITTEN_LAST_ROUND) -> list[Path]:
    """The development sets under `directory` that train the model (up to osd<last_round>_*), sorted."""
    chosen = []
    for path in sorted(directory.glob("*.jsonl")):
        match = _HANDWRITTEN_NAME.match(path.stem)
        if match and (not match.group(1) or int(match.group(1)) <= last_round):
            chosen.append(path)
    return chosen


def handwritten(paths: Sequence[Path], repeat: int = 1) -> list[SyntheticReport]:
    """Hand-written development reports as training examples, each `repeat` times.

    They carry their gold category and their first acceptable precedence (the authors list the one they
    prefer first). Their gold lists entity strings, not spans, and not every entity kind, so they do not
    train the NER head (`ner_labelled=False`: every token is ignored by its loss).
    """
    out: list[SyntheticReport] = []
    for path in paths:
        with path.open(encoding="utf-8") as src:
            for line in src:
                if not line.strip():
                    continue
                row = json.loads(line)
                gold = row.get("gold") or {}
                accepted = gold.get("precedence_acceptable") or []
                if gold.get("category") not in CATEGORIES or not accepted or accepted[0] not in PRECEDENCES:
                    raise ValueError(f"{path.name}: {row.get('report_id')} has no usable gold category/precedence")
                out.extend(
                    SyntheticReport(
                        text=row["text"],
                        language=str(row.get("gold_language") or path.stem[-2:]),
                        category=gold["category"],
                        precedence=accepted[0],
                        entities=(),
                        cues=(),
                        format=str(row.get("format") or "free_text"),
                        template=f"handwritten:{path.stem}/{row['report_id']}",
                        ner_labelled=False,
                    )
                    for _ in range(repeat)
                )
    return out


def describe(train_count: int, eval_count: int, train_seed: int, eval_seed: int) -> dict[str, object]:
    """What the manifest records about the training data."""
    return {
        "generator": "models.recipe.corpus",
        "synthetic": True,
        "languages": list(LANGUAGES),
        "formats": list(FORMATS),
        "train": {"count": train_count, "seed": train_seed, "split": "train"},
        "eval": {
            "count": eval_count,
            "seed": eval_seed,
            "split": "eval",
            "differs_by": [
                "seed",
                "report frames (free text, SALUTE and SPOT layouts)",
                "one phrasing in four per situation (only in the 'unseen phrasing' stress test)",
                "exercise wrappers and calm openers",
                "one town name in six",
                "one surname in five",
                "one open-source register layout in four (wire, statements, advisories, NOTAMs...)",
                "one world place in six per register vocabulary",
            ],
        },
        "registers": {
            "generator": "models.recipe.registers",
            "share": REGISTER_SHARE,
            "kinds": list(registers.REGISTERS),
            "situations": len(registers.REGISTER_SITUATIONS),
        },
        "situations": sorted(
            {s.key for s in pb.SITUATIONS} | {s.key for s in registers.REGISTER_SITUATIONS} | {"exercise"}
        ),
    }
