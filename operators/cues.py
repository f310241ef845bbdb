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
    "uncertain": (-0.05, False),  # suspected, unconfirmed, no symptoms: real, but not established
}

FLASH_KINDS = frozenset(k for k, (_, flash) in KINDS.items() if flash)
DEESCALATING = frozenset(("routine_marker", "negation", "historic", "uncertain"))
# Only these cancel the FLASH rule: an exercise or a denied threat. History alone does not
# ("the bridge shelled yesterday is being shelled again").
FLASH_CANCELLING = frozenset(("routine_marker", "negation"))


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
    # --- contact / under attack now (direct and indirect fire on friendly forces)
    ("contact", "troops in contact", r"\bTIC\b|troops in contact|\bcontact[ ,!.]+contact\b|^\s*contact\b|in contact with|contact (?:front|left|right|rear)\b|taking [\w\s,-]{0,40}?fire|under (?:[\w-]+ ){0,2}(?:fire|attack)|being (?:shelled|attacked|engaged)|engaged by|pinned down|returning fire|ambush(?:ed)?\b(?! site)|firefight|exchange of fire|rounds impacting|impacts? (?:on|at|in) (?:the )?(?:FOB|base|camp|position|compound|our)|\bIDF\b(?:[ ,!]+IDF)?|incoming rounds|mortar(?:ed| rounds| fire) (?:on|at|landing)|shelling (?:of )?(?:our|the FOB|the base|the camp)"),
    ("contact", "troops in contact", r"sous le feu|sous (?:des )?tirs|pris(?:e|es)? (?:à|a) partie|accroch(?:age|és?)|en contact avec|embuscade|échange de tirs|essuy(?:ons|ent|é) des tirs|nous tir(?:e|ent) dessus|tir(?:e|ent) sur nous|ripost(?:ons|ent)|tirs? indirects?|obus (?:tombés?|tombent)|impacts? sur (?:le|la|notre|nos)|attaqués?\b"),
    ("contact", "troops in contact", r"unter (?:schwerem |direktem |feindlichem )?(?:Beschuss|Feuer)|Feindkontakt|Gefecht(?:skontakt)?\b|im Gefecht|beschossen|Hinterhalt|Feuergefecht|erwidern (?:das )?Feuer|Steilfeuer|Einschläge? (?:im|in|auf|bei)|angegriffen"),
    # --- incoming air / missile
    ("incoming", "incoming air threat", r"\bincoming\b|\binbound\b|missile launch(?:es)? detected|launch detected|air raid|air attack|take cover|air defen[cs]e (?:engaged|engaging|firing)|attack run"),
    ("incoming", "incoming air threat", r"en approche|alerte aérienne|attaque aérienne|lancement de missiles?|aux abris|mise à l'abri|défense sol-air engagée|frappe imminente"),
    ("incoming", "incoming air threat", r"im Anflug|anfliegende?n?\b|Luftalarm|Luftangriff|Raketenstart|Flugkörperstart|Deckung nehmen|in Deckung|Waffeneinsatz gegen (?:unsere|eigene)|Flugabwehr (?:feuert|im Einsatz)"),
    # --- CBRN release
    ("cbrn_release", "CBRN release", r"(?:chemical|gas|nerve agent|chlorine|sarin|toxic|biological|radiolog\w*|radiation|nuclear) (?:attack|release|leak|cloud|contamination|agent detected|detected|exposure|rounds|shells)|nerve agent|blister agent|CBRN (?:alert|attack|release|incident)|NBC ?1|gas! gas! gas!|mask(?:s)? (?:up|on)|gone to masks|masking|MOPP ?4|M8 paper positive|pinpoint pupils|atropine"),
    ("cbrn_release", "CBRN release", r"(?:attaque|nuage|fuite|alerte|contamination|agent|obus|produits?) (?:chimiques?|toxiques?|biologiques?|radiologiques?|NRBC)|NRBC (?:alerte|attaque|incident)|alerte NRBC|gaz (?:toxique|de combat|moutarde)|agent neurotoxique|chlore|sarin|masques? (?:en place|mis|portés?)|port du masque"),
    ("cbrn_release", "CBRN release", r"Giftgas|Kampfstoff|Chlorgas|Sarin|Nervenkampfstoff|Strahlung|radioaktiv\w*|chemische[rn]? (?:Angriff|Freisetzung|Wolke|Kampfstoffe?)|ABC[- ](?:Alarm|Angriff|Lage)|Kontamination|Schutzmasken? (?:auf|aufgesetzt)"),
    # --- casualties
    ("casualties", "casualties", r"\b\d+\s*x?\s*(?:WIA|KIA|MIA|casualt(?:y|ies)|wounded|killed|injured|dead)\b|\b(?:WIA|KIA|casualties|wounded|killed|injured)\b|MEDEVAC|CASEVAC|9[- ]line|lads hit|men down|man down"),
    ("casualties", "casualties", r"\bblessés?\b|\btués?\b|\bmorts?\b|\bvictimes?\b|évacuation sanitaire|EVASAN|\bBLE\b|pertes"),
    ("casualties", "casualties", r"(?:Leicht|Schwer)?(?:verwundete?n?|verletzte?n?)|verletzt|\bTote\b|Gefallene?n?|Verluste|Ausfälle|Sanitätsevakuierung|MedEvac|Verwundetentransport"),
    # --- in progress
    ("in_progress", "in progress", r"\bongoing\b|in progress|right now|currently|as we speak|\bnow\b|so far"),
    ("in_progress", "in progress", r"en cours|actuellement|en ce moment"),
    ("in_progress", "in progress", r"\blaufend\b|\bläuft\b|\bandauernd\b|derzeit|\bjetzt\b|\bgerade\b|im Gange|bisher"),
    # --- imminent
    ("imminent", "imminent", r"imminent|about to|preparing to (?:attack|fire|cross|launch)|within (?:the next )?\d+ ?(?:min|minutes|hours?)|ETA \d+ ?min|\d+ min(?:ute)?s? out|expected (?:shortly|soon)"),
    ("imminent", "imminent", r"imminente?|sur le point de|se prépare(?:nt)? à|dans (?:les )?\d+ ?(?:min|minutes|heures)"),
    ("imminent", "imminent", r"unmittelbar bevorstehend|steht unmittelbar bevor|bereiten? (?:sich )?(?:zum|einen) (?:Angriff|Übergang)|in Kürze|in (?:ca\. )?\d+(?:[–-]\d+)? Minuten"),
    # --- support requests
    ("support_request", "support requested", r"request(?:ing|s)? (?:the )?(?:QRF|support|fire support|reinforcements?|CAS|immediate|MEDEVAC|assistance|backup)|need(?:s)? (?:QRF|support|backup|reinforcements?)|QRF (?:requested|launched|now)|appreciate the QRF"),
    ("support_request", "support requested", r"demand(?:e|ons) (?:d'urgence )?(?:appui|renforts?|QRF|soutien|évacuation)|besoin d'appui|appui feu demandé|renfort serait"),
    ("support_request", "support requested", r"(?:erbitten|fordern|benötigen) (?:dringend )?(?:Unterstützung|Verstärkung|Feuerunterstützung|QRF|Sanität)|Unterstützung (?:angefordert|wäre)|QRF sofort|[Bb]itte um sofortige|(?:erbitte|erbitten) \w+-?Unterstützung|dringend benötigt"),
    ("support_request", "urgent need", r"\bcritical(?:ly)? (?:low|short|shortage)|urgent(?:ly)? (?:need|require|request)\w*|ASAP|\burgent\b|priority (?:resupply|recovery|repair|support)|no alternative route|"
     r"\bcritique\b|besoin urgent|\burgence\b|\burgente?s?\b|en priorité|sans recomplètement|aucun itinéraire de substitution|"
     r"\bkritisch\b|[Mm]unitionslage kritisch|reicht (?:nur|noch|keine) |\bdringend\w*|vorrangig\w*|keine Ausweich\w*"),
    # --- routine markers
    ("routine_marker", "routine", r"\bNSTR\b|nothing (?:significant )?to report|\bexercise\b|\bdrill\b|training (?:serial|event|activity)|scheduled (?:maintenance|test)|\bsimulated\b|no change|all quiet"),
    ("routine_marker", "routine", r"\bRAS\b|rien à signaler|\bexercice\b|entraînement|simulée?s?|sans changement"),
    ("routine_marker", "routine", r"\bKBV\b|keine besonderen Vorkommnisse|\bÜbung\b|Übungs\w*|simuliert\w*|unverändert"),
    # --- negation / false alarm (the threat itself is denied)
    ("negation", "not confirmed", r"\bno (?:IED|threat|contact|enemy|hostile)\b|false alarm|rumou?r|turned out to be|negative (?:result|contact)|cleared,? no|\ball clear\b|not enemy|no link to|nothing suspicious|harmless|(?:it|they) (?:was|were) (?:only |just )?(?:a|an|our own|own|friendly)\b"),
    ("negation", "not confirmed", r"\baucun(?:e)? (?:IED|EEI|menace|contact|ennemi|danger)|fausse alerte|rumeur|s'est avéré|levée de doute|rien de suspect|inoffensi\w*|sans lien avec|il s'agissait d"),
    ("negation", "not confirmed", r"\bkein(?:e|en)? (?:IED|Sprengsatz|Bedrohung|Feindkontakt|Feind|Gefahr)\b|Fehlalarm|Gerücht|stellte sich heraus|Entwarnung|gegenstandslos|harmlos|es handelte sich um"),
    # --- uncertain: the event is real but not established (it never cancels a FLASH rule on its own)
    ("uncertain", "not confirmed", r"not (?:yet )?confirmed|unconfirmed|awaiting confirmation|to be confirmed|\bTBC\b|suspect(?:ed)?\b|suspicious|possibl[ey]|unclear|unknown (?:substance|liquid|powder|cause|agent)|no symptoms|nobody (?:shows|has) symptoms|low[- ]level reading|weak reading"),
    ("uncertain", "not confirmed", r"non confirmée?s?|pas (?:encore )?confirmée?s?|à confirmer|suspecte?s?\b|suspicion|éventuel\w*|inconnue?s?\b|aucun symptôme|personne ne présente de symptômes|niveau faible"),
    ("uncertain", "not confirmed", r"nicht bestätigt|unbestätigt|noch zu bestätigen|verdächtig\w*|Verdacht\w*|unklar\w*|unbekannte[rns]? (?:Substanz|Flüssigkeit|Pulver|Ursache|Stoff)|keine Symptome|schwache[rn]? Anzeige"),
    # --- historic / stale
    ("historic", "earlier event", r"last (?:week|month|year)|previously reported|no longer|in (?:19|20)\d\d\b|historic(?:al)?|yesterday"),
    ("historic", "earlier event", r"la semaine dernière|déjà signalé|en (?:19|20)\d\d\b|\bhier\b|historique"),
    ("historic", "earlier event", r"letzte Woche|bereits gemeldet|nicht mehr|im Jahr (?:19|20)\d\d|\bgestern\b|historisch"),
]

def _compile() -> list[tuple[str, str, re.Pattern[str]]]:
    # One alternation per kind (all three languages): a third of the regex passes per text.
    grouped: dict[tuple[str, str], list[str]] = {}
    for kind, gloss, pattern in _LEXICON:
        grouped.setdefault((kind, gloss), []).append(f"(?:{pattern})")
    return [
        (kind, gloss, re.compile("|".join(patterns), re.IGNORECASE | re.MULTILINE))
        for (kind, gloss), patterns in grouped.items()
    ]


_COMPILED = _compile()


# A cue that a negation directly precedes says the opposite: "no casualties", "keine Verletzten",
# "pas de blessés", "aucun blessé", "sans victimes", "nil WIA", "0 KIA". Such a cue is dropped.
_NEGATED_KINDS = frozenset(("casualties", "contact", "incoming", "cbrn_release"))
NEGATOR_BEFORE = re.compile(
    # the negator, then at most one more word ("no friendly casualties", "keine eigenen Verluste")
    r"(?:\b(?:no|not|nil|zero|without|keine?[nrs]?|nicht|ohne|pas de|pas d'|aucune?s?|sans|ni)|(?<![\d.,])0)"
    r"\s*(?:x\s*)?(?:[^\W\d]+\s+)?$",
    re.IGNORECASE,
)
NEGATION_WINDOW = 24


_ZERO_COUNT = re.compile(r"0+\s*x?\s*\D")


# A field answered with nothing: "casualties: nil", "Dégâts / victimes : néant", "Verluste: keine".
_NIL_AFTER = re.compile(r"\s*[:=-]\s*(?:nil|none|negative|neg|néant|aucune?s?|keine|0)\b", re.IGNORECASE)


def negated(text: str, start: int, end: int | None = None) -> bool:
    """Whether a negation ("no", "keine", "pas de", "aucun", "0") directly precedes position `start`
    or, with `end`, a nil answer ("victimes : néant") directly follows the span."""
    if _ZERO_COUNT.match(text, start):  # "0 KIA", "0x WIA"
        return True
    if end is not None and _NIL_AFTER.match(text, end):
        return True
    before = text[max(0, start - NEGATION_WINDOW) : start]
    return NEGATOR_BEFORE.search(before) is not None


def find_cues(text: str) -> list[Cue]:
    """Every cue in `text`, leftmost first; overlapping matches of the same kind are kept once."""
    found: list[Cue] = []
    for kind, gloss, rx in _COMPILED:
        for m in rx.finditer(text):
            if m.end() > m.start() and not (kind in _NEGATED_KINDS and negated(text, m.start(), m.end())):
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
