"""Urgency and de-escalation cues in English, French and German, found with evidence spans.

Each cue has a kind, a weight towards the priority score and an English gloss for the summary.
Kinds marked `flash` in FLASH_KINDS make a report a probable FLASH (the rule layer guards those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

# kind -> (weight, flash?)
KINDS: dict[str, tuple[float, bool]] = {
    "contact": (0.30, True),  # troops in contact, under fire, ambush in progress
    "incoming": (0.30, True),  # incoming missiles, drones, air attack
    "cbrn_release": (0.35, True),  # chemical, biological, radiological release
    "casualties": (0.15, False),
    "in_progress": (0.10, False),
    "imminent": (0.10, False),
    "support_request": (0.10, False),
    "routine_marker": (-0.35, False),  # exercise, drill, NSTR, nothing to report
    "negation": (-0.25, False),  # no IED found, false alarm, rumour disproved
    "historic": (-0.20, False),  # old, previously reported, no longer
}

FLASH_KINDS = frozenset(k for k, (_, flash) in KINDS.items() if flash)
DEESCALATING = frozenset(("routine_marker", "negation", "historic"))


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    gloss: str
    start: int
    end: int
    text: str

    @property
    def weight(self) -> float:
        return KINDS[self.kind][0]


# (kind, English gloss, pattern). Patterns are matched case-insensitively on word boundaries.
_LEXICON: list[tuple[str, str, str]] = [
    # --- contact / under attack now
    ("contact", "troops in contact", r"\bTIC\b|troops in contact|in contact with|contact (?:front|left|right|rear)\b|taking (?:heavy |small[- ]arms |effective )?fire|under (?:heavy |direct |effective |indirect |mortar |artillery )?(?:fire|attack)|being (?:shelled|attacked|engaged)|engaged by|ambush(?:ed)?\b(?! site)|firefight|exchange of fire"),
    ("contact", "troops in contact", r"sous le feu|sous (?:des )?tirs|pris(?:e|es)? (?:à|a) partie|accroch(?:age|és?)|en contact avec|embuscade en cours|tombés? dans une embuscade|échange de tirs|essuy(?:ons|ent|é) des tirs|attaqués?\b"),
    ("contact", "troops in contact", r"unter (?:schwerem |direktem )?(?:Beschuss|Feuer)|Feindkontakt|Gefecht(?:skontakt)?\b|im Gefecht|beschossen|Hinterhalt|Feuergefecht|angegriffen|werden angegriffen"),
    # --- incoming air / missile
    ("incoming", "incoming air threat", r"\bincoming\b|inbound (?:missiles?|drones?|rockets?|aircraft|UAVs?)|missile launch(?:es)? detected|launch detected|air raid|air attack|take cover"),
    ("incoming", "incoming air threat", r"missiles? en approche|drones? en approche|tirs? de missiles?|alerte aérienne|attaque aérienne|lancement de missiles?|mise à l'abri"),
    ("incoming", "incoming air threat", r"im Anflug|anfliegende?n? (?:Drohnen?|Raketen?|Flugkörper)|Luftalarm|Luftangriff|Raketenstart|Flugkörperstart|in Deckung"),
    # --- CBRN release
    ("cbrn_release", "CBRN release", r"(?:chemical|gas|nerve agent|chlorine|sarin|toxic|biological|radiolog\w*|radiation|nuclear) (?:attack|release|leak|cloud|contamination|agent detected|detected|exposure)|CBRN (?:alert|attack|release|incident)|gas! gas! gas!|mask up|MOPP ?4"),
    ("cbrn_release", "CBRN release", r"(?:attaque|nuage|fuite|alerte|contamination|agent) (?:chimique|toxique|biologique|radiologique|NRBC)|NRBC (?:alerte|attaque|incident)|gaz (?:toxique|de combat)|chlore|sarin|port du masque"),
    ("cbrn_release", "CBRN release", r"(?:Giftgas|Kampfstoff|Chlorgas|Sarin|Strahlung|radioaktiv\w*|chemische[rn]? (?:Angriff|Freisetzung|Wolke)|ABC-(?:Alarm|Angriff|Lage))|ABC[- ]Alarm|Kontamination|Schutzmaske"),
    # --- casualties
    ("casualties", "casualties", r"\b\d+\s*x?\s*(?:WIA|KIA|MIA|casualt(?:y|ies)|wounded|killed|injured|dead)\b|\b(?:WIA|KIA|casualties|wounded|killed|injured)\b|MEDEVAC|CASEVAC|9[- ]line"),
    ("casualties", "casualties", r"\bblessés?\b|\btués?\b|\bmorts?\b|\bvictimes?\b|évacuation sanitaire|EVASAN"),
    ("casualties", "casualties", r"Verwundete?n?|Verletzte?n?|\bTote\b|Gefallene?n?|Verluste|Sanitätsevakuierung|MedEvac"),
    # --- in progress
    ("in_progress", "in progress", r"\bongoing\b|in progress|right now|currently|as we speak|\bnow\b"),
    ("in_progress", "in progress", r"en cours|actuellement|en ce moment"),
    ("in_progress", "in progress", r"\blaufend\b|\bandauernd\b|derzeit|\bjetzt\b|\bgerade\b|im Gange"),
    # --- imminent
    ("imminent", "imminent", r"imminent|about to|preparing to (?:attack|fire|cross|launch)|within (?:the next )?\d+ ?(?:min|minutes|hours?)|expected (?:shortly|soon)"),
    ("imminent", "imminent", r"imminente?|sur le point de|se prépare(?:nt)? à|dans les \d+ (?:min|minutes|heures)"),
    ("imminent", "imminent", r"unmittelbar bevorstehend|steht unmittelbar bevor|bereiten? (?:sich )?(?:zum|einen) (?:Angriff|Übergang)|in Kürze"),
    # --- support requests
    ("support_request", "support requested", r"request(?:ing|s)? (?:QRF|support|fire support|reinforcements?|CAS|immediate|MEDEVAC|assistance|backup)|need(?:s)? (?:QRF|support|backup|reinforcements?)|QRF (?:requested|launched)"),
    ("support_request", "support requested", r"demand(?:e|ons) (?:appui|renforts?|QRF|soutien|évacuation)|besoin d'appui|appui feu demandé"),
    ("support_request", "support requested", r"(?:erbitten|fordern|benötigen) (?:dringend )?(?:Unterstützung|Verstärkung|Feuerunterstützung|QRF|Sanität)|Unterstützung angefordert"),
    # --- routine markers
    ("routine_marker", "routine", r"\bNSTR\b|nothing (?:significant )?to report|\bexercise\b|\bdrill\b|training (?:serial|event|activity)|scheduled (?:maintenance|test)|\bsimulated\b|no change|all quiet|\bquiet\b"),
    ("routine_marker", "routine", r"\bRAS\b|rien à signaler|\bexercice\b|entraînement|simulé|\bcalme\b|sans changement"),
    ("routine_marker", "routine", r"\bKBV\b|keine besonderen Vorkommnisse|\bÜbung\b|Übungs\w*|Ausbildung|simuliert|\bruhig\b|unverändert"),
    # --- negation / false alarm
    ("negation", "not confirmed", r"\bno (?:IED|threat|contact|casualties|damage|enemy|movement|sign)\b|false alarm|not confirmed|unconfirmed|rumou?r|turned out to be|negative (?:result|contact)|cleared,? no"),
    ("negation", "not confirmed", r"\baucun(?:e)? (?:IED|EEI|menace|contact|victime|dégât)|fausse alerte|non confirmée?|rumeur|s'est avéré"),
    ("negation", "not confirmed", r"\bkein(?:e|en)? (?:IED|Sprengsatz|Bedrohung|Feindkontakt|Verluste|Schäden)|Fehlalarm|nicht bestätigt|unbestätigt|Gerücht|stellte sich heraus"),
    # --- historic / stale
    ("historic", "earlier event", r"last (?:week|month|year)|previously reported|no longer|in \d{4}|historic(?:al)?|yesterday"),
    ("historic", "earlier event", r"la semaine dernière|déjà signalé|ne .{0,20}plus|\bhier\b|historique"),
    ("historic", "earlier event", r"letzte Woche|bereits gemeldet|nicht mehr|\bgestern\b|historisch"),
]

_COMPILED = [(kind, gloss, re.compile(pattern, re.IGNORECASE)) for kind, gloss, pattern in _LEXICON]


def find_cues(text: str) -> list[Cue]:
    """Every cue in `text`, leftmost first; overlapping matches of the same kind are kept once."""
    found: list[Cue] = []
    for kind, gloss, rx in _COMPILED:
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append(Cue(kind, gloss, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Cue] = []
    for cue in found:
        if any(k.kind == cue.kind and k.start < cue.end and cue.start < k.end for k in kept):
            continue
        kept.append(cue)
    return kept


def kinds(cues: Iterable[Cue]) -> set[str]:
    return {c.kind for c in cues}
