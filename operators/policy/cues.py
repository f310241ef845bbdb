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
    "negation": (-0.25, False),  # no IED, no enemy, rumour: the threat is denied
    "cleared": (-0.35, False),  # false alarm, all clear, turned out to be: the threat was checked and is not there
    "past_threat": (0.0, False),
    "ended": (-0.10, False),  # the fire has stopped, the enemy broke contact: the event is over
    "friendly": (-0.30, False),  # own, planned and announced air traffic: "weapons hold", "Keine Bekämpfung"
    "critical": (0.15, False),
    "summary": (-0.05, False),
    "no_impact": (-0.30, False),  # "no impact on the mission", "Keine Einschränkung der Einsatzbereitschaft"  # a periodic summary or assessment (INTSUM, Lagebeitrag): read, not acted on within the hour  # a shortage or a cut that stops a unit: "class III BLACK", "reicht nur noch 2 Std"  # a probable-FLASH cue in a sentence about an earlier day ("shelled yesterday")
    "historic": (-0.20, False),
    "earlier": (-0.05, False),  # yesterday, overnight: recent, and its effects may well last  # old, previously reported, no longer
    "uncertain": (-0.05, False),  # suspected, unconfirmed, no symptoms: real, but not established
}

FLASH_KINDS = frozenset(k for k, (_, flash) in KINDS.items() if flash)
DEESCALATING = frozenset(
    ("routine_marker", "negation", "cleared", "historic", "earlier", "uncertain", "ended", "friendly", "summary", "no_impact")
)
# Only these cancel the FLASH rule: an exercise or a denied threat. History alone does not
# ("the bridge shelled yesterday is being shelled again"); a FLASH cue in the same sentence as
# an earlier day, with nothing saying it goes on, becomes a past_threat instead.
FLASH_CANCELLING = frozenset(("routine_marker", "negation", "cleared", "friendly"))


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
    ("contact", "troops in contact", r"\bTIC\b|troops in contact|\bcontact[ ,!.]+contact\b|^\s*contact\b|in contact with|contact (?:front|left|right|rear)\b|taking [\w\s,-]{0,40}?fire|under (?:[\w-]+ ){0,2}(?:fire|attack)|being (?:shelled|attacked|engaged)|engaged by|pinned down|returning fire|ambush(?:ed)?\b(?! site)|firefight|exchange of fire|rounds impacting|impacts? (?:on|at|in) (?:the )?(?:FOB|base|camp|position|compound|our)|(?<!expect )(?<!risk of )(?<!threat of )\bIDF\b(?:[ ,!]+IDF)?|incoming rounds|mortar(?:ed| rounds| fire) (?:on|at|landing)|shelling (?:of )?(?:our|the FOB|the base|the camp)"),
    ("contact", "troops in contact", r"sous le feu|sous (?:des )?tirs|pris(?:e|es)? (?:à|a) partie|accroch(?:age|és?)|en contact avec|embuscade|échange de tirs|essuy(?:ons|ent|é) des tirs|nous tir(?:e|ent) dessus|tir(?:e|ent) sur nous|ripost(?:ons|ent)|tirs? indirects?|obus (?:tombés?|tombent)|impacts? sur (?:le|la|notre|nos)|attaqués?\b|(?:on|nous) pren(?:d|ons)\b[^.!?\n]{0,25}?\b(?:tirs|coups|obus|rafales)|\bau contact\b|attaque (?:de|contre) (?:notre|nos)"),
    ("contact", "troops in contact", r"unter (?:schwerem |direktem |feindlichem )?(?:Beschuss|Feuer)|Feindkontakt|Gefecht(?:skontakt)?\b|im Gefecht|beschossen|Hinterhalt|Feuergefecht|erwidern (?:das )?Feuer|Steilfeuer|\w*[Ee]inschläge? (?:im|in|auf|bei)|\w*[Bb]eschuss (?:auf|gegen) (?:unsere|eigene|uns)\b|angegriffen|beschieß\w* (?:unsere|uns)|wir werden (?:beschossen|angegriffen)"),
    # --- incoming air / missile
    ("incoming", "incoming air threat", r"\bincoming\b|(?:missiles?|rockets?|drones?|UAVs?|Shahed\w*|Geran\w*|Lancet|jets?|fighters?|bombers?|aircraft|helicopters?|helos?|Su-\d+|Ka-\d+|Mi-\d+|rounds)\b[^.!?\n]{0,80}?\binbound\b|missile launch(?:es)? detected|launch detected|air raid|air attack|take cover|air defen[cs]e (?:engaged|engaging|firing)|attack run"),
    ("incoming", "incoming air threat", r"(?:drones?|missiles?|roquettes?|avions?|aéronefs?|appareils?|hélicoptères?|hélicos?|chasseurs?|bombardiers?|Su-\d+|Shahed\w*|Lancet|Geran\w*|obus|munitions? rôdeuses?|kamikazes?)\b[^.!?\n]{0,80}?en approche|alerte aérienne|attaque aérienne|lancement de missiles?|aux abris|mise à l'abri|défense sol-air engagée|frappe imminente"),
    ("incoming", "incoming air threat", r"(?:Drohnen?|Flugkörper|Marschflugkörper|Raketen?|Kampfjets?|Kampfflugzeuge?|Flugzeuge?|Hubschrauber|Kampfhubschrauber|Bomber|Shahed\w*|Geran\w*|Lancet|Su-\d+|Ka-\d+|Mi-\d+)\b[^.!?\n]{0,80}?(?:im Anflug|anfliegend)|Luftalarm|Luftangriff|Raketenstart|Flugkörperstart|Deckung nehmen|(?:alle|sofort|geht|gehen|Kräfte)\b[^.!?\n]{0,20}in Deckung|Waffeneinsatz gegen (?:unsere|eigene)|Flugabwehr (?:feuert|im Einsatz)"),
    # munitions in flight over or towards friendly ground: an attack under way
    ("incoming", "incoming air threat", r"(?:cruise missiles?|ballistic missiles?|missiles? de croisière|missiles? balistiques?|Marschflugkörper|ballistische[rn]? (?:Flugkörper|Raketen?)|"
     r"Kalibr|Kh-\d+\w*|Shahed(?:-\d+)?|Geran(?:-\d)?|Lancet|kamikaze drones?|drones? kamikazes?|one-way attack (?:drones?|UAVs?)|OWA (?:drones?|UAVs?)|Kamikazedrohnen?|Einwegdrohnen?)"
     r"[^.!?\n]{0,60}?\b(?:heading|going for|flying (?:towards|over|W|E|N|S)|passing over|over(?:head| our| us)|towards|en direction|se dirige\w*|vers (?:nos|notre|Luxembourg|la ville)|"
     r"(?:in |mit )?Richtung|Kurs (?:auf|Richtung|West|Ost|Nord|Süd)|überfl\w+|über uns)"),
    # --- CBRN release
    ("cbrn_release", "CBRN release", r"(?:chemical|gas|nerve agent|chlorine|sarin|toxic|biological|radiolog\w*|radiation|nuclear) (?:attack|release|leak|cloud|contamination|agent detected|detected|exposure|rounds|shells)|nerve agent|blister agent|CBRN (?:alert|attack|release|incident)|NBC ?1|gas! gas! gas!|mask(?:s)? (?:up|on)|gone to masks|masking|MOPP ?4|M8 paper positive|pinpoint pupils|atropine"),
    ("cbrn_release", "CBRN release", r"(?:attaque|nuage|fuite|alerte|contamination|agent|obus|produits?) (?:chimiques?|toxiques?|biologiques?|radiologiques?|NRBC)|NRBC (?:alerte|attaque|incident)|alerte NRBC|gaz (?:toxique|de combat|moutarde)|agent neurotoxique|chlore|sarin|masques? (?:en place|mis|portés?)|port du masque"),
    ("cbrn_release", "CBRN release", r"Giftgas|\w*[Kk]ampfstoff\w*|Chlorgas|Sarin|Strahlung|radioaktiv\w*|chemische[rn]? (?:Angriff|Freisetzung|Wolke|Kampfstoffe?)|ABC[- ](?:Alarm|Angriff|Lage)|\bKontamination\b|Schutzmasken? (?:auf|aufgesetzt)"),
    # --- casualties
    ("casualties", "casualties", r"\b\d+\s*x?\s*(?:WIA|KIA|MIA|casualt(?:y|ies)|wounded|killed|injured|dead)\b|\b(?:WIA|KIA|casualties|wounded|killed|injured)\b|MEDEVAC|CASEVAC|9[- ]line|lads hit|men down|man down"),
    ("casualties", "casualties", r"\bblessés?\b|\btués?\b|\bmorts?\b|\bvictimes?\b|évacuation sanitaire|EVASAN|\bBLE\b|pertes"),
    ("casualties", "casualties", r"(?:Leicht|Schwer|Schwerst)?(?:verwundete?n?|verletzte?n?)|verletzt|\bTote\b|Gefallene?n?|Verluste|Ausfälle|Sanitätsevakuierung|MedEvac|Verwundetentransport"),
    # --- in progress
    ("in_progress", "in progress", r"\bongoing\b|in progress|right now|currently|as we speak|\bnow\b|so far"),
    ("in_progress", "in progress", r"en cours|actuellement|en ce moment"),
    ("in_progress", "in progress", r"\blaufend\b|\bläuft\b|\bandauernd\b|derzeit|\bjetzt\b|\bgerade\b|im Gange|bisher"),
    # --- imminent
    ("imminent", "imminent", r"imminent|about to|preparing to (?:attack|fire|cross|launch)|within (?:the next )?\d+ ?(?:min|minutes|hours?)|ETA \d+ ?min|\d+ min(?:ute)?s? out|expected (?:shortly|soon)|est(?:imated)?\.? \d+ ?min|\d+ ?min(?:ute)?s? (?:to|until|before) (?:reach|arrival|contact|impact)"),
    ("imminent", "imminent", r"imminente?|sur le point de|se prépare(?:nt)? à|dans (?:les )?\d+ ?(?:min|minutes|heures)|d'ici \d+ ?(?:min|minutes|h\b|heures)"),
    ("imminent", "imminent", r"unmittelbar bevorstehend|steht unmittelbar bevor|bereiten? (?:sich )?(?:zum|einen) (?:Angriff|Übergang)|in Kürze|in (?:ca\. )?\d+(?:[–-]\d+)? Minuten"),
    # --- support requests
    ("support_request", "support requested", r"request(?:ing|s)? (?:the )?(?:QRF|support|fire support|reinforcements?|CAS|immediate|MEDEVAC|assistance|backup)|need(?:s)? (?:QRF|support|backup|reinforcements?)|QRF (?:requested|launched|now)|appreciate the QRF"),
    ("support_request", "support requested", r"demand(?:e|ons) (?:d'urgence )?(?:appui|renforts?|QRF|soutien|évacuation)|besoin d'appui|appui feu demandé|renfort serait"),
    ("support_request", "support requested", r"(?:erbitten|fordern|benötigen) (?:dringend )?(?:Unterstützung|Verstärkung|Feuerunterstützung|QRF|Sanität)|Unterstützung (?:angefordert|wäre)|QRF sofort|[Bb]itte um sofortige|(?:erbitte|erbitten) \w+-?Unterstützung|dringend benötigt"),
    ("support_request", "urgent need", r"urgent(?:ly)? (?:need|require|request)\w*|ASAP|\burgent\b|priority (?:resupply|recovery|repair|support)|"
     r"\bcritique\b|besoin urgent|\burgence\b|\burgente?s?\b|en priorité|prioritaire|"
     r"dringend (?:benötigt|erforderlich|gebraucht)|(?:erbitten?|benötigen|brauchen|fordern) (?:\w+ )?dringend|dringende[rn]? (?:Unterstützung|Hilfe|Anforderung|Versorgung|Nachschub|Bedarf)|vorrangig\w*|[Ss]ofort\w* benötigt"),
    # --- routine markers
    ("routine_marker", "routine", r"\bNSTR\b|nothing (?:significant )?to report|\bexercise\b|\bdrill\b|training (?:serial|event|activity)|scheduled (?:maintenance|test)|\bsimulated\b|no change|all quiet|without incident|no incidents?\b"),
    ("routine_marker", "routine", r"\bRAS\b|rien à signaler|\bexercice\b|entraînement|simulée?s?|sans changement|sans incident"),
    ("routine_marker", "routine", r"\bKBV\b|keine besonderen Vorkommnisse|\bÜbung\b|Übungs\w*|simuliert\w*|unverändert|ohne (?:besondere )?(?:Vorkommnisse|Zwischenfälle)"),
    # --- negation (the threat itself is denied)
    ("negation", "not confirmed", r"\bno (?:IED|threat|enemy|hostile)\b|negative (?:result|contact)|not enemy|no link to"),
    ("negation", "not confirmed", r"\baucun(?:e)? (?:IED|EEI|menace|ennemi|danger)|pas d'(?:EEI|IED|ennemi)|pas de (?:menace|piège)|sans lien avec"),
    ("negation", "not confirmed", r"\bkein(?:e|en)? (?:IED|Sprengsatz|Bedrohung|Feind|Gefahr)\b"),
    # --- cleared: the threat was checked and is not there (false alarm, all clear, it was our own)
    ("cleared", "cleared", r"false alarm|turned out to be|(?:was|were) actually|positively identified as (?:FRIENDLY|friendly|own)|identified as friendly|CANCEL (?:my|previous|the)|cleared,? no|\ball clear\b|nothing suspicious|harmless|(?:it|they) (?:was|were) (?:only |just )?(?:a|an|our own|own|friendly)\b|stand down|stood down"),
    ("cleared", "cleared", r"fausse alerte|s'est avéré\w*|(?:était|étaient) en fait|identifiée?s? comme (?:amie?s?|nos)|levée de doute|rien de suspect|inoffensi\w*|il s'agissait d|fin d'alerte"),
    ("cleared", "cleared", r"Fehlalarm|stellte sich heraus|(?:war|waren) (?:in Wirklichkeit|tatsächlich) |als eigene\w* (?:Kräfte |Fahrzeuge |Luftfahrzeuge )?identifiziert|als erledigt|Entwarnung|gegenstandslos|harmlos|es handelte sich um"),
    # --- uncertain: the event is real but not established (it never cancels a FLASH rule on its own)
    ("uncertain", "not confirmed", r"rumou?rs?|not (?:yet )?confirmed|unconfirmed|awaiting confirmation|to be confirmed|\bTBC\b|suspect(?:ed)?\b|suspicious|possibl[ey]|unclear|unknown (?:substance|liquid|powder|cause|agent)|no symptoms|nobody (?:shows|has) symptoms|low[- ]level reading|weak reading"),
    ("uncertain", "not confirmed", r"rumeurs?|non confirmée?s?|pas (?:encore )?confirmée?s?|à confirmer|suspecte?s?\b|suspicion|éventuel\w*|inconnue?s?\b|aucun symptôme|personne ne présente de symptômes|niveau faible"),
    ("uncertain", "not confirmed", r"Gerüchte?|nicht bestätigt|unbestätigt|noch zu bestätigen|verdächtig\w*|Verdacht\w*|unklar\w*|unbekannte[rns]? (?:Substanz|Flüssigkeit|Pulver|Ursache|Stoff)|keine Symptome|schwache[rn]? Anzeige"),
    # --- ended: the contact is over (fire ceased, enemy broke contact, attack repulsed)
    ("ended", "contact ended", r"broke contact|(?:has |have )?withdrawn|withdrew|repulsed|(?:fire|firing|shelling) (?:has )?(?:ceased|stopped)|ceasefire|no (?:further|follow-up|follow-on) (?:fire|contact|attacks?|drones?)|contact (?:is )?over|after the (?:contact|firefight|attack|ambush|shelling)"),
    ("ended", "contact ended", r"(?:a|ont) décroché|repouss[ée]e?s?|tirs? (?:terminés?|ont cessé|cessés?)|fin des tirs|plus de tirs|(?:s'est|se sont) repliée?s?|après (?:l'accrochage|l'attaque|l'embuscade|les tirs|le bombardement)"),
    ("ended", "contact ended", r"(?:hat|haben) sich [^.!?\n]{0,25}abgesetzt|(?:Feind|Gegner|Angreifer)\w* (?:hat|haben|ist|sind) sich [^.!?\n]{0,25}zurückgezogen|zurückgeschlagen|abgewehrt|(?:Beschuss|Feuer|Feuerkampf)\w* (?:wurde |ist )?(?:eingestellt|beendet)|kein (?:weiteres |Folge)feuer|nach dem (?:Gefecht|Feuergefecht|Beschuss|Angriff|Hinterhalt)"),
    # --- friendly or planned air traffic, announced so that it is not engaged
    ("friendly", "friendly traffic", r"weapons (?:hold|tight)|do not engage|(?:planned|scheduled|coordinated) (?:flight|transit|air ?lift|movement)|squawking|\bFRIENDLY\b,|IFF (?:on|positive|valid)"),
    ("friendly", "friendly traffic", r"ne pas engager|NE PAS ENGAGER|(?:vol|transit) (?:planifié|programmé|coordonné)|planifié et coordonné"),
    ("friendly", "friendly traffic", r"[Kk]eine Bekämpfung|nicht bekämpfen|Waffen (?:halt|zurückhalten)|[Ee]igene[rn]? (?:Verlege|Transport|Versorgungs)?[Ff]lug|IFF (?:Mode \d )?(?:ein|an)\b"),
    # --- critical: a shortage or a cut that stops a unit
    ("critical", "critical shortage", r"\bcritical(?:ly)? (?:low|short|shortage)|(?:class (?:III|V)|fuel|ammo|ammunition|water) (?:is |at |state )?BLACK|\bBLACK on\b|run(?:s|ning)? dry|run(?:s|ning)? out of|immobile (?:NLT|by|within|in)|combat ineffective|no alternative route|impassable|(?:MSR|main supply route) (?:\w+ )?(?:cut|closed|blocked)"),
    ("critical", "critical shortage", r"rupture (?:imminente )?(?:de|d')|(?:carburant|munitions?|eau|gazole) (?:est )?critique|\bCRITIQUE\b|plus que (?:\d+|quelques) ?(?:h\b|heures?)|à sec\b|immobilisée?s? (?:avant|dans|d'ici|sous)|impraticable|aucun itinéraire de substitution|sans recomplètement"),
    ("critical", "critical shortage", r"(?:Munitions|Betriebsstoff|Kraftstoff|Treibstoff|Versorgungs)lage (?:\w+ )?kritisch|\bkritisch\b|reicht (?:nur )?noch (?:für )?(?:ca\. )?\d+|nur noch (?:ca\. )?\d+ ?(?:%|Std|Stunden)|fällt (?:[\w-]+ ){0,8}aus\b|(?:Hauptversorgungs(?:straße|weg)|Versorgungsweg|MSR|itinéraire principal|axe logistique)[^.!?\n]{0,40}(?:gesperrt|unterbrochen|nicht nutzbar|coupée?|bloquée?)|unpassierbar|nicht mehr (?:befahrbar|einsatzbereit|bewegungsfähig)|bewegungsunfähig|keine Ausweich\w*"),
    # --- periodic summaries and assessments
    ("summary", "periodic summary", r"\bI?NTSUM\b|\bISUM\b|(?:EW|G2|weekly|daily|intelligence) (?:summary|assessment)|period covered|"
     r"synthèse (?:du renseignement|hebdomadaire|quotidienne)|période (?:du|couverte)|Lagebeitrag|Berichtszeitraum|INTSUM-Auszug"),
    # --- more of the kinds above, as field reports phrase them
    ("contact", "troops in contact", r"\bKontakt[ ,!.]+Kontakt\b|Feuerkampf|sous (?:le |un |des )?(?:bombardements?|pilonnage|tirs? d'artillerie)"),
    ("incoming", "incoming air threat", r"missile warning|impact in (?:approx\.? |ca\.? )?\d+ ?(?:min|sec)|seek shelter|"
     r"alerte missiles?|impact (?:prévu|estimé|attendu) dans|rejoindre les abris|"
     r"Raketenwarnung|Raketenalarm|Einschlag in (?:ca\. )?\d+|Schutzr(?:ä|a)ume? aufsuchen|Start von \d+ (?:ballistischen )?(?:Flugkörpern|Raketen)"),
    ("cbrn_release", "CBRN release", r"detector (?:alarm )?positive|M8 (?:paper )?(?:positive|red|turned)|M9 tape|mustard|blister agent|"
     r"détecteur (?:\w+ )?positif|alerte gaz|vésicant\w*|ypérite|lewisite|"
     r"Nachweispapier (?:\w+ )?(?:rot|positiv|verfärbt)|Senfgas|Hautkampfstoff\w*|Schutzstufe 4|Kampfstoffwolke|Schwaden mit Geruch"),
    ("support_request", "support requested", r"bittet um (?:\w+ )?(?:Unterstützung|Hilfe)|asks? for (?:help|support|assistance)|requests? (?:help|support|assistance)|"
     r"demande (?:de |d')?(?:l')?(?:aide|appui|soutien|renfort)"),
    ("contact", "troops in contact", r"attaque en cours contre|Feuerüberfall|schieß\w* auf (?:eigene|unsere|uns)\b|greif\w* [^.!?\n]{0,40}(?:unsere|eigene|die Stellung)[^.!?\n]{0,40}\ban\b"),
    ("casualties", "casualties", r"\btrapped\b|unconscious|unresponsive|hypothermi\w*|ensevelis|coincés? sous|inconscient\w*|hypotherm\w*|"
     r"verschüttet|bewusstlos|nicht ansprechbar|unterkühlt\w*"),
    ("support_request", "urgent need", r"need (?:a )?(?:doctor|medic|ambulance)\w* (?:now|asap|immediately)|besoin immédiat|immédiatement|brauchen sofort|sofort (?:Arzt|Abtransport|Hilfe)"),
    ("critical", "critical shortage", r"cannot (?:conduct|execute|carry out|move|fight)|unable to (?:conduct|execute|carry out|move|fight)|ne pourr(?:a|ont) (?:pas|plus)|"
     r"(?:können|kann) [^.!?\n]{0,60}\bnicht (?:mehr )?(?:durchführen|fahren|verlegen|kämpfen)"),
    ("cleared", "cleared", r"\bnot enemy(?: action| EW| activity| fire)?\b|no enemy (?:air )?activity|closing the incident|incident closed|"
     r"n'en était pas (?:un|une)|alerte levée|levée de l'alerte|il ne s'agit pas d'une? (?:attaque|tir|frappe|bombardement)|"
     r"kein(?:e)? Feind(?:störung|beschuss|einwirkung)|(?:Alarm|Warnung|Sperrung) (?:\w+ ){0,6}aufgehoben|ist aufgehoben|es handelt sich nicht um"),
    ("negation", "not confirmed", r"\bno (?:CBRN |chemical )?(?:detection|strike|attack|trace)s?\b|aucune? (?:détection|frappe|attaque|trace)|kein(?:e)? (?:Messnachweis|Nachweis|Detektion)"),
    ("routine_marker", "routine", r"do not acknowledge|ne pas accuser réception|Ankündigung|controlled (?:detonation|demolition)|pétardement|Sprengung angekündigt|"
     r"(?:meeting|briefing) (?:is )?(?:postponed|moved)|réunion reportée|Besprechung\w* [^.!?\n]{0,100}verschoben"),
    ("no_impact", "no operational impact", r"no impact|no (?:further )?action (?:required|needed)|nothing requiring|aucun impact|sans impact|pas d'action requise|aucune action requise|"
     r"keine (?:Einschränkung|Auswirkung)\w*|kein Handlungsbedarf|Besonderheiten: keine"),
    ("summary", "periodic summary", r"Zusammenfassung|point de situation|\b24 ?(?:h|Std\.?|hrs?)\b \(|weekly|hebdomadaire|wöchentlich|quotidien|Tagesmeldung|daily return|log return"),
    # --- historic / stale
    ("historic", "earlier event", r"last (?:week|month|year)|previously reported|no longer|in (?:19|20)\d\d\b|(?:from|of) 19[0-4]\d\b|WWII|World War|Battle of the Bulge|historic(?:al)?"),
    ("earlier", "earlier event", r"(?<!since )yesterday|last night|overnight|during the night"),
    ("historic", "earlier event", r"la semaine dernière|déjà signalé|en (?:19|20)\d\d\b|de 19[0-4]\d\b|seconde guerre|historique"),
    ("earlier", "earlier event", r"(?<!depuis )\bhier (?:soir|matin|après-midi|midi|à|vers|entre|dans|au|en|après|avant|dès)\b|\bd'hier\b|(?<!depuis )(?<![Ww]ir sind )\bhier(?=[,.;])|la nuit dernière|cette nuit|dans la nuit"),
    ("historic", "earlier event", r"letzte Woche|bereits gemeldet|nicht mehr|im Jahr (?:19|20)\d\d|(?:von|aus) 19[0-4]\d\b|Weltkrieg\w*|historisch"),
    ("earlier", "earlier event", r"(?<!seit )\bgestern\b|letzte Nacht|heute Nacht|in der Nacht"),
]

def _compile() -> list[tuple[str, str, re.Pattern[str]]]:
    # One alternation per kind (all three languages): a third of the regex passes per text. A cue
    # starts a word: "unverletzt" is not "verletzt", "ausgefallen" not "gefallen", "impossible" not
    # "possible" (and the alternation is not tried inside words, which makes it about 3x faster).
    # German compounds whose head is the cue say so with a leading \w* ("Nervenkampfstoff").
    grouped: dict[tuple[str, str], list[str]] = {}
    for kind, gloss, pattern in _LEXICON:
        grouped.setdefault((kind, gloss), []).append(f"(?:{pattern})")
    return [
        (kind, gloss, re.compile(r"(?<!\w)(?:" + "|".join(patterns) + ")", re.IGNORECASE | re.MULTILINE))
        for (kind, gloss), patterns in grouped.items()
    ]


_COMPILED = _compile()


# A cue that a negation directly precedes says the opposite: "no casualties", "keine Verletzten",
# "pas de blessés", "aucun blessé", "sans victimes", "nil WIA", "0 KIA". Such a cue is dropped.
_NEGATED_KINDS = frozenset(("casualties", "contact", "incoming", "cbrn_release", "critical"))
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
    return [_dated(text, cue, kept) for cue in kept]


_SENTENCE_END = re.compile(r"[.!?;|\n]")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or report line) around text[start:end]."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _dated(text: str, cue: Cue, cues: list[Cue]) -> Cue:
    """A probable-FLASH cue in a sentence about an earlier day ("the N11 was under fire yesterday"),
    with nothing in that sentence saying it goes on, is a past threat: evidence, not a FLASH."""
    if cue.kind not in FLASH_KINDS:
        return cue
    lo, hi = _sentence(text, cue.start, cue.end)
    inside = [c.kind for c in cues if lo <= c.start < hi]
    if ("historic" in inside or "earlier" in inside) and "in_progress" not in inside:
        return Cue("past_threat", f"{cue.gloss} (earlier)", cue.start, cue.end, cue.text)
    return cue


def kinds(cues: Iterable[Cue]) -> set[str]:
    return {c.kind for c in cues}
