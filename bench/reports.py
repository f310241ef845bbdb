"""A small seeded generator of field reports (EN, FR, DE) that every benchmark stage shares.

Reports are built from templates with slots (places, grids, date-time groups, equipment, units) so
that lengths (about 140 to 560 characters, 300 on average), formats and categories vary like the samples in
`demo/samples/reports.jsonl`. The same seed gives the same reports; only `report_id` and
`received_at` change between the stages that need fresh ids or the send time.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

LANGUAGES = ("en", "fr", "de")
CLASSIFICATIONS = ("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET")

# (name, MGRS grid) of places the gazetteer knows, so that geolocation does real work.
_PLACES = (
    ("Diekirch", "32U KA 9612 2851"),
    ("Ettelbruck", "32U KA 9181 2564"),
    ("Wiltz", "31U GR 1033 3897"),
    ("Clervaux", "32U KA 8700 4890"),
    ("Vianden", "32U LA 0290 3110"),
    ("Echternach", "32U LA 1460 2100"),
    ("Mersch", "32U KA 9145 1474"),
    ("Bitburg", "32U LA 2252 3868"),
    ("Trier", "32U LA 3000 1570"),
    ("Bastogne", "31U FR 9460 3980"),
    ("Arlon", "31U GR 0314 0720"),
    ("Irrel", "32U LA 1739 2449"),
    ("Remich", "32U LA 2040 9010"),
    ("Houffalize", "31U FR 9945 5714"),
)
_ROADS = ("N7", "N10", "N15", "N17", "B51", "B257", "E420", "A1")
_CALLSIGNS = ("VIKING 3", "HAWK 24", "RENARD 2", "SANGLIER 1", "WOLF 3", "ELCH 4", "LYNX 1", "GECKO 2", "TIGRE 0")
_UNITS = {
    "en": ("B Coy, LUX Inf Bn", "Recce Pl, LUX Inf Bn", "Log Coy, 1 Sust Bn", "CBRN Pl, Bde HQ"),
    "fr": ("Peloton de reconnaissance, Bataillon luxembourgeois", "2e compagnie, 1er RI", "Groupement logistique"),
    "de": ("3./Jägerbataillon 292", "Aufklärungszug, Panzergrenadierbataillon 112", "Logistikbataillon 461"),
}
_EQUIPMENT = ("BMP-2", "T-72B3", "BTR-82A", "2S19 Msta", "Shahed-136", "Orlan-10", "Ka-52", "Su-34", "BRDM-2", "Tor-M2")
_MONTHS = ("NOV", "DEC")

# Sentences per language and kind; {slots} are filled by _Filler. Several are joined into one report.
_OPENERS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "contact": (
            "TIC. {callsign} in contact since {dtg}, engaged by SAF and RPG from treeline at {grid}, {km} km N of {place}.",
            "FLASH FLASH FLASH. {callsign} ambushed on {road} vic {place} at {dtg}, {n} WIA, request QRF and MEDEVAC.",
        ),
        "movement": (
            "{n}x {equipment} moving {direction} on {road} vic {place} at {dtg}, approx {speed} km/h, {spacing} m spacing.",
            "Enemy column of approx {n2} vehicles incl. {equipment} observed at {grid} heading {direction} towards {place}.",
        ),
        "air": (
            "AIR RAID WARNING RED. {n}x {equipment} tracked {direction}-bound at low level passing {grid} ({place}) at {dtg}.",
            "UAV ({equipment}) orbiting over {place} since {dtg}, altitude approx {alt} m, assessed targeting for IDF.",
        ),
        "cbrn": ("Suspected CBRN incident at {place} ({grid}) at {dtg}: {n} pax coughing, masks on, area cordoned.",),
        "logistics": (
            "Log convoy {callsign} ({n}x DROPS, {n}x fuel tankers) halted at {grid}, {place}, at {dtg}; {road} impassable.",
            "LOGSTAT as of {dtg}. Class III diesel {pct} pct, Class V {pct2} pct, {n} veh non-mission-capable.",
        ),
        "cyber": (
            "EW. Since {dtg} all GNSS receivers vic {place} show loss of lock or false positions, comms degraded.",
        ),
        "civil": (
            "CIMIC: approx {n3} displaced persons arriving at {place}, shelter and water required, local authorities overwhelmed.",
        ),
        "routine": (
            "OP {callsign} sitrep {dtg}: NSTR. Fog, vis {alt} m. No traffic on {road} vic {place}.",
            "ADMIN. PERSTAT {unit} as of {dtg}: strength {n3} of {n4}. Mail collection at Bn HQ {place} daily.",
        ),
    },
    "fr": {
        "contact": (
            "TIC TIC TIC. {callsign} pris à partie depuis {dtg} par tirs directs depuis la lisière est de {place} ({grid}), {n} blessés.",
        ),
        "movement": (
            "{n} {equipment} en progression vers le {direction_fr} sur la {road} à hauteur de {place} à {dtg}.",
            "Colonne ennemie d'environ {n2} véhicules dont des {equipment} observée en {grid}, direction {place}.",
        ),
        "air": (
            "ALERTE AÉRIENNE. {n} {equipment} détectés à {dtg} en approche à basse altitude à {km} km au nord-est de {place}.",
        ),
        "cbrn": (
            "ALERTE NRBC. À {dtg}, {n} obus tombés sur le cantonnement à {place} ({grid}), odeur suspecte, masques mis.",
        ),
        "logistics": (
            "URGENCE LOGISTIQUE. Situation munitions au {dtg} : {pct} % ; carburant {pct2} % ; pont de la {road} près de {place} coupé.",
        ),
        "cyber": (
            "GE - Brouillage et leurrage GNSS constatés depuis {dtg} sur toute la zone de {place}, positions décalées de {km} km.",
        ),
        "civil": (
            "Le bourgmestre de {place} signale qu'environ {n3} habitants sont isolés sans électricité ni chauffage depuis {n} h.",
        ),
        "routine": (
            "Point de situation du poste d'observation {callsign}, secteur {place}, période jusqu'à {dtg} : RAS. Visibilité {alt} m.",
        ),
    },
    "de": {
        "contact": (
            "FEINDKONTAKT! {callsign} seit {dtg} am Ortseingang {place} an der {road}, {grid}, aus dem Hinterhalt angegriffen, {n} Verwundete.",
        ),
        "movement": (
            "{n}x {equipment} im Marsch auf der {road} von {place} Richtung {direction_de}, Abstände ca. {spacing} m, Stand {dtg}.",
            "Feindliche Kolonne mit ca. {n2} Fahrzeugen, darunter {equipment}, bei {grid} gesichtet, Marschrichtung {place}.",
        ),
        "air": (
            "LUFTALARM! {n}x Einwegdrohnen Typ {equipment} im Anflug, Überflug {place} {grid} um {dtg}, Höhe ca. {alt} m.",
        ),
        "cbrn": (
            "ABC-Verdacht: Bei {place} ({grid}) um {dtg} {n} Metallkanister mit unbekannter Flüssigkeit gefunden, Bereich abgesperrt.",
        ),
        "logistics": (
            "Versorgungsmeldung (LOGSTAT) {unit}, Stand {dtg}: Betriebsstoff Diesel {pct} %, Munition {pct2} %, Brücke bei {place} gesperrt.",
        ),
        "cyber": (
            "EloKa-Lage: Seit {dtg} Breitbandstörung im VHF-Bereich im gesamten Raum {place}, Sprechfunk unbrauchbar.",
        ),
        "civil": (
            "Zivile Lage {place}: Nach Beschuss in der Nacht müssen ca. {n3} Bewohner evakuiert werden, Notunterkünfte fehlen.",
        ),
        "routine": (
            "Lagemeldung {unit} Versorgungspunkt {place} ({grid}) bis {dtg}: KBV. Alle Posten besetzt, Streifen planmäßig durchgeführt.",
        ),
    },
}
_FOLLOW_UPS = {
    "en": (
        "Will continue to observe and report.",
        "Weather: fog, vis {alt} m, -2 C.",
        "Next report {dtg}.",
        "Source is a local farmer via police, not corroborated.",
        "Own forces: {n} veh operational, comms via HF only.",
        "Request ISR coverage of {road} between {place} and {place2}.",
    ),
    "fr": (
        "Continuons l'observation.",
        "Météo : brouillard, visibilité {alt} m.",
        "Prochain compte rendu à {dtg}.",
        "Source : gendarmerie locale, non recoupé.",
        "Demandons appui ISR sur la {road} entre {place} et {place2}.",
    ),
    "de": (
        "Beobachtung wird fortgesetzt.",
        "Wetter: Nebel, Sicht {alt} m, -2 °C.",
        "Nächste Meldung {dtg}.",
        "Quelle: örtliche Polizei, nicht bestätigt.",
        "Erbitten Luftaufklärung der {road} zwischen {place} und {place2}.",
    ),
}
_SALUTE_HEADINGS = {"en": "SALUTE REPORT", "fr": "COMPTE RENDU SALUTE", "de": "SALUTE-MELDUNG"}
_SALUTE_LINES = {
    "en": (
        "approx {n2} vehicles incl. {n}x {equipment}",
        "moving {direction} in column on {road}",
        "{grid}, vic {place}",
        "unknown, assessed recce element",
        "{dtg}",
        "{equipment}, trucks",
    ),
    "fr": (
        "environ {n2} véhicules dont {n} {equipment}",
        "progression en colonne vers le {direction_fr}",
        "{grid}, {place}",
        "inconnue, probablement reconnaissance",
        "{dtg}",
        "{equipment}, camions",
    ),
    "de": (
        "ca. {n2} Fahrzeuge, davon {n}x {equipment}",
        "Marsch Richtung {direction_de} auf der {road}",
        "{grid}, bei {place}",
        "unbekannt, vermutlich Aufklärung",
        "{dtg}",
        "{equipment}, Lkw",
    ),
}


@dataclass(frozen=True)
class BenchReport:
    """One report as a JSON object without `received_at`, which producers set when they send."""

    fields: dict[str, Any]
    language: str = ""  # the language it was written in, declared in `fields` or not

    @property
    def report_id(self) -> str:
        return str(self.fields["report_id"])

    def payload(self, report_id: str | None = None, received_at: datetime | None = None) -> bytes:
        """The wire form: UTF-8 JSON, optionally with a new id and `received_at` (RFC 3339, UTC)."""
        obj = dict(self.fields)
        if report_id is not None:
            obj["report_id"] = report_id
        obj["received_at"] = (received_at or datetime.now(UTC)).isoformat()
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")


class _Filler:
    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng = rng
        self.language = language
        place, grid = rng.choice(_PLACES)
        self.values = {
            "place": place,
            "place2": rng.choice(_PLACES)[0],
            "grid": grid,
            "road": rng.choice(_ROADS),
            "callsign": rng.choice(_CALLSIGNS),
            "unit": rng.choice(_UNITS[language]),
            "equipment": rng.choice(_EQUIPMENT),
            "dtg": f"{rng.randint(1, 28):02d}{rng.randint(0, 23):02d}{rng.choice((0, 15, 30, 45)):02d}Z"
            f"{rng.choice(_MONTHS)}26",
            "n": rng.randint(1, 9),
            "n2": rng.randint(5, 40),
            "n3": rng.randint(40, 1500),
            "n4": rng.randint(1500, 1800),
            "km": rng.randint(1, 30),
            "speed": rng.choice((10, 20, 30, 40)),
            "spacing": rng.choice((25, 50, 100)),
            "alt": rng.choice((100, 200, 500, 1500)),
            "pct": rng.randint(5, 95),
            "pct2": rng.randint(5, 95),
            "direction": rng.choice(("N", "S", "E", "W", "NE", "SW")),
            "direction_fr": rng.choice(("nord", "sud", "est", "ouest")),
            "direction_de": rng.choice(("Norden", "Süden", "Osten", "Westen")),
        }

    def fill(self, template: str) -> str:
        return template.format(**self.values)


def generate(count: int, seed: int = 20261126) -> list[BenchReport]:
    """`count` reports, a third per language, mixed formats and categories; deterministic for a seed."""
    rng = random.Random(seed)
    reports: list[BenchReport] = []
    for i in range(count):
        language = LANGUAGES[i % len(LANGUAGES)]
        filler = _Filler(rng, language)
        kind = rng.choice(sorted(_OPENERS[language]))
        fmt = rng.choices(("free_text", "salute", "sitrep"), weights=(7, 2, 1))[0]
        if fmt == "salute":
            lines = [filler.fill(line) for line in _SALUTE_LINES[language]]
            text = _SALUTE_HEADINGS[language] + "\n" + "\n".join(f"{k}: {v}" for k, v in zip("SALUTE", lines))
        else:
            sentences = [filler.fill(rng.choice(_OPENERS[language][kind]))]
            if rng.random() < 0.5:
                sentences.append(filler.fill(rng.choice(_OPENERS[language][rng.choice(sorted(_OPENERS[language]))])))
            for follow_up in rng.sample(_FOLLOW_UPS[language], rng.randint(2, len(_FOLLOW_UPS[language]))):
                sentences.append(filler.fill(follow_up))
            text = " ".join(sentences)
        fields: dict[str, Any] = {
            "report_id": f"bench-{seed}-{i:06d}",
            "classification": rng.choice(CLASSIFICATIONS),
            "source": {
                "unit": filler.values["unit"],
                "callsign": filler.values["callsign"],
                "reliability": rng.choice("ABCDEF"),
            },
            "credibility": rng.randint(1, 6),
            "format": fmt,
            "dtg": filler.values["dtg"],
            "text": text,
        }
        # Half the reports declare their language, half leave it to detection, as producers do.
        if rng.random() < 0.5:
            fields["language"] = language
        reports.append(BenchReport(fields, language))
    return reports


# --------------------------------------------------------------------------------------- FLASH and routine

# FLASH texts: our own forces, happening now (troops in contact, incoming missiles and drones, chemical
# release, ambushes, artillery on a position, an assault about to overrun it), ten per language. Every one
# must be flagged by the policy's urgency screen (tests/unit/bench/test_flash.py checks it).
_FLASH_TEXTS: dict[str, tuple[str, ...]] = {
    "en": (
        "TIC. {callsign} in contact now at {grid} vic {place}, taking heavy SAF and RPG fire from the treeline, "
        "{n} WIA, request immediate QRF and MEDEVAC.",
        "TROOPS IN CONTACT. {unit} under direct fire at the checkpoint on {road} near {place} since {dtg}, enemy "
        "dismounts {km} km east, request fire support now.",
        "INCOMING! {n}x ballistic missiles inbound towards {place}, impact expected within 2 min, all units take "
        "cover. Grid {grid}.",
        "AIR RAID WARNING RED. {n}x {equipment} one-way attack drones inbound on {place} at low level, ETA 3 min, "
        "engage with all available air defence.",
        "GAS GAS GAS. Chemical release at {place} ({grid}) at {dtg}, {n} casualties with nerve agent symptoms, "
        "MOPP 4 now, CBRN Pl requested.",
        "{callsign} ambushed on {road} {km} km S of {place}, IED strike on the lead vehicle, {n} KIA {n} WIA, still "
        "under fire, request MEDEVAC and QRF immediately.",
        "Our position at {place} is under artillery fire right now, rounds impacting every minute, {n} casualties, "
        "request counter-battery fire.",
        "TIC. {unit} at {grid} under enemy assault now, {n2} infantry with {equipment} support, position about to "
        "be overrun, request immediate CAS.",
        "Missile strike imminent: {n}x cruise missiles tracked heading for the bridge at {place}, ETA 90 seconds, "
        "clear the area now.",
        "Chlorine cloud drifting over {place} from a hit storage site, {n} soldiers of {unit} down with respiratory "
        "distress, evacuate downwind now.",
    ),
    "fr": (
        "TIC. {callsign} pris à partie en ce moment à {place} ({grid}) par des tirs d'armes légères et de RPG, {n} "
        "blessés, demandons QRF et évacuation sanitaire immédiate.",
        "Troupes au contact ! La {unit} est sous le feu ennemi au carrefour de la {road} près de {place}, demandons "
        "appui feu immédiat.",
        "ALERTE MISSILES. {n} missiles balistiques en approche vers {place}, impact dans 2 minutes, toutes les "
        "unités aux abris.",
        "ALERTE AÉRIENNE ROUGE. {n} drones {equipment} en approche à basse altitude sur {place}, arrivée dans 3 "
        "minutes.",
        "ALERTE NRBC. Attaque chimique en cours à {place} ({grid}), {n} soldats présentent des symptômes d'agent "
        "neurotoxique, masques et tenues de protection immédiatement.",
        "Embuscade en cours sur la {road} à {km} km au sud de {place} : IED sur le véhicule de tête, {n} tués, {n} "
        "blessés, toujours sous le feu.",
        "Notre position à {place} est actuellement sous le feu de l'artillerie ennemie, {n} blessés graves, "
        "demandons tir de contre-batterie.",
        "TIC. {unit} : assaut ennemi en cours en {grid}, nous sommes sous le feu, position sur le point d'être "
        "submergée, demandons appui aérien rapproché.",
        "Nuage de chlore sur {place} après une frappe sur un dépôt, {n} militaires intoxiqués, évacuation immédiate.",
        "{callsign} : accrochage en cours ! Nous sommes pris à partie par des tirs nourris depuis la lisière nord de "
        "{place}, nous ripostons, {n} blessés.",
    ),
    "de": (
        "FEINDKONTAKT! {callsign} liegt seit {dtg} bei {place} ({grid}) unter Beschuss aus Handwaffen und "
        "Panzerfäusten, {n} Verwundete, fordern sofort QRF und MedEvac.",
        "Truppen im Gefecht: {unit} wird am Kontrollpunkt an der {road} bei {place} angegriffen, fordern sofortige "
        "Feuerunterstützung.",
        "RAKETENALARM! {n}x ballistische Raketen im Anflug auf {place}, Einschlag in 2 Minuten, alle Kräfte in "
        "Deckung.",
        "LUFTALARM! {n}x Kamikazedrohnen Typ {equipment} im Anflug auf {place}, Höhe ca. {alt} m, Ankunft in 3 "
        "Minuten.",
        "ABC-ALARM! Chemischer Kampfstoff bei {place} ({grid}) freigesetzt, {n} Soldaten mit Vergiftungssymptomen, "
        "sofort Schutzmaske und Schutzanzug.",
        "Hinterhalt auf der {road} {km} km südlich {place}: IED gegen das Führungsfahrzeug, {n} Gefallene, {n} "
        "Verwundete, weiterhin unter Feuer.",
        "Unsere Stellung bei {place} liegt gerade unter Artilleriebeschuss, Einschläge im Minutentakt, {n} "
        "Schwerverwundete, fordern Konterbatteriefeuer.",
        "Feindlicher Angriff auf {unit} bei {grid} läuft, wir stehen im Gefecht, Stellung droht überrannt zu "
        "werden, fordern sofort Luftnahunterstützung.",
        "Chlorgaswolke über {place} nach Treffer auf ein Lager, {n} Soldaten vergiftet, sofortige Räumung.",
        "{callsign}: Feuerkampf! Starker Beschuss vom Waldrand nördlich {place}, wir erwidern das Feuer, {n} "
        "Verwundete.",
    ),
}


def _fields(
    report_id: str, rng: random.Random, filler: _Filler, language: str, fmt: str, text: str, classification: str
) -> dict[str, Any]:
    # The sender of a FLASH report is one of our own units: a reliable source, its report confirmed.
    fields: dict[str, Any] = {
        "report_id": report_id,
        "classification": classification,
        "source": {
            "unit": filler.values["unit"],
            "callsign": filler.values["callsign"],
            "reliability": rng.choice("AB"),
        },
        "credibility": rng.randint(1, 2),
        "format": fmt,
        "dtg": filler.values["dtg"],
        "text": text,
    }
    if rng.random() < 0.5:
        fields["language"] = language
    return fields


def flash(count: int, seed: int = 20261127) -> list[BenchReport]:
    """`count` FLASH reports: the 30 texts above in turn (a third per language), each with its own places,
    units, call signs and numbers, the four classifications in turn; deterministic for a seed."""
    rng = random.Random(seed)
    texts = [
        (lang, t)
        for i in range(max(len(v) for v in _FLASH_TEXTS.values()))
        for lang in LANGUAGES
        for t in _FLASH_TEXTS[lang][i : i + 1]
    ]
    out: list[BenchReport] = []
    for i in range(count):
        language, template = texts[i % len(texts)]
        filler = _Filler(rng, language)
        fields = _fields(
            f"flash-{seed}-{i:06d}",
            rng,
            filler,
            language,
            "free_text",
            filler.fill(template),
            CLASSIFICATIONS[i % len(CLASSIFICATIONS)],
        )
        out.append(BenchReport(fields, language))
    return out


def routine(count: int, seed: int = 20261126, screen: Any = None, distinct: int | None = None) -> list[BenchReport]:
    """`count` reports of `generate` that the urgency screen leaves in the bulk lane, a third per language
    (in turn), every classification. `screen(text) -> bool` is the policy's screen (default: the shipped
    policy's). At most `distinct` different reports are drawn (screening costs about 0.3 ms a report); the
    rest repeat them in order, with their own ids, so a 50,000-report backlog is ready in seconds."""
    if screen is None:
        from operators.policy.engine import default

        screen = default().screen
    wanted = count if distinct is None else min(count, distinct)
    pools: dict[str, list[BenchReport]] = {lang: [] for lang in LANGUAGES}
    per_language = -(-wanted // len(LANGUAGES))
    batch_seed = seed
    while any(len(p) < per_language for p in pools.values()):
        for report in generate(max(3 * wanted, 300), batch_seed):
            pool = pools[report.language]
            if len(pool) < per_language and not screen(report.fields["text"]):
                pool.append(report)
        batch_seed += 1
    drawn = [pools[LANGUAGES[i % len(LANGUAGES)]][i // len(LANGUAGES)] for i in range(wanted)]
    out = []
    for i in range(count):
        report = drawn[i % wanted]
        out.append(BenchReport({**report.fields, "report_id": f"routine-{seed}-{i:06d}"}, report.language))
    return out
