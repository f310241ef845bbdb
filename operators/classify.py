"""Category with calibrated scores: the model's probabilities combined with term evidence.

The model reads context; the term lexicon (English, French, German) knows vocabulary the model
may never have seen in training. They are combined in log space,
    score(c) ∝ p_model(c) ** MODEL_WEIGHT · exp(TERM_WEIGHT · min(evidence(c), EVIDENCE_CAP)),
and renormalised, so a confident model is not overruled by one word, and a report full of
jamming vocabulary is not called an enemy movement because the model is unsure. Each term that
counted is returned as evidence with its span. The weights were chosen on the development sets (the
demo samples, labelled in tests/eval/dev_categories.json, and tests/eval/dev_reports.jsonl), never on
the independent set.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from operators.policy.cues import negated
from schemas.vocab import CATEGORIES

MODEL_WEIGHT = 0.5
TERM_WEIGHT = 2.5
EVIDENCE_CAP = 4.0

# (category, weight, pattern). Patterns are matched case-insensitively; \b on both ends unless the
# pattern is a German compound stem, which carries its own boundaries.
_TERMS: list[tuple[str, float, str]] = [
    # enemy movement: forces moving, massing, crossing, digging in
    ("enemy_movement", 1.0, r"column|convoy|moving (?:north|south|east|west|N|S|E|W|NE|NW|SE|SW)\w*|advancing|advance|mov(?:ing)? [NSEW]{1,2}\b|"
     r"massing|assembly area|dug in|digging in|reconnaissance|recce|troop movement|armou?red vehicles?|dismounts?|crossing the|bridging"),
    ("enemy_movement", 1.0, r"colonne|convoi|se dépla\w+|progress(?:e|ent|ion)|avance(?:nt)?|en mouvement|rassemblement|regroupement|"
     r"reconnaissance|blindés|franchissement|se dirige(?:nt)?|faisant route"),
    ("enemy_movement", 1.0, r"Kolonne|Konvoi|bewegt sich|bewegen sich|Vormarsch|vorrück\w*|Marsch\w*|Bereitstellung|Aufklärung|"
     r"Truppenbewegung|gepanzerte|Übersetz\w*|setz(?:t|en) über|übergesetzt|Brückenkopf|Richtung (?:Nord|Süd|Ost|West)\w*|fahren in Richtung|"
     r"Verteidigungsstellung\w*|eingegraben\w*|Panzergr(?:ä|a)ben|Minensperre\w*|Feldbefestigung\w*"),
    ("enemy_movement", 1.0, r"defensive positions|entrench\w*|dug-in|anti-?tank ditch\w*|minefields?|fortif\w*|bridgehead|"
     r"positions défensives|retranch\w*|fossés? antichars?|champs? de mines|tête de pont|s'enterre\w*"),
    # attack on friendly forces
    ("attack", 1.2, r"ambush\w*|IED|VBIED|sniper|small arms fire|RPG|mortar\w*|shell(?:ing|ed)|artillery fire|IDF|under fire|"
     r"engaged|firefight|sabotage\w*|attack(?:ed|s)? (?:on|against) (?:our|friendly|the (?:FOB|base|checkpoint|patrol|convoy))|"
     r"rocket attack|grenade|explosion hit|casualties|WIA|KIA|troops in contact|TIC"),
    ("attack", 1.2, r"salves?|obusiers?|embuscade|EEI|engin explosif|tireur d'élite|tirs?|obus|mortier|roquettes?|artillerie|sabotage|attaque contre|"
     r"pris à partie|blessés|tués|explosion"),
    ("attack", 1.2, r"Hinterhalt|Sprengfalle|Sprengsatz|USBV|Scharfschütze|Beschuss|beschossen|Mörser\w*|Artilleriefeuer|Granat\w*|"
     r"Raketenangriff|Sabotage|Anschlag|Feuergefecht|Verwundete|Gefallene|Steilfeuer|Einschläge"),
    # air activity
    ("air_activity", 1.2, r"drones?|UAVs?|UAS|quadcopter|loitering munition|helicopters?|helo|aircraft|fighter|jets?|air ?strike|"
     r"air raid|missiles?|cruise missile|ballistic|overflight|flying|low level|airspace|MANPADS|air defen[cs]e|Shahed|Orlan|Lancet|"
     r"Ka-52|Mi-\d+|Su-\d+|Geran"),
    ("air_activity", 1.2, r"drones?|hélicoptères?|avions?|chasseurs?|frappe aérienne|alerte aérienne|missiles?|survol\w*|"
     r"basse altitude|espace aérien|défense sol-air|munition rôdeuse"),
    ("air_activity", 1.2, r"Drohnen?\w*|Hubschrauber|Helikopter|Flugzeug\w*|Kampfjet\w*|Luftangriff|Luftalarm|Marschflugkörper|"
     r"Raketen?|Überflug|Tiefflug|Luftraum|Flugabwehr|Kampfhubschrauber"),
    # CBRN
    ("cbrn", 1.5, r"CBRN|NBC|chemical|biological|radiolog\w*|radiation|nuclear|nerve agent|blister|chlorine|sarin|toxic|"
     r"contaminat\w*|decontaminat\w*|dosimeter|detector|M8 paper|gas mask|masks?|MOPP|anthrax|pathogen"),
    ("cbrn", 1.5, r"NRBC|chimique|biologique|radiologique|nucléaire|neurotoxique|chlore|toxique|contamin\w*|décontamin\w*|"
     r"dosimètre|masques? à gaz|masques?"),
    ("cbrn", 1.5, r"ABC|chemisch\w*|biologisch\w*|radiolog\w*|Strahlung|nuklear\w*|Kampfstoff\w*|Chlorgas|Giftgas|giftig\w*|"
     r"Kontamin\w*|Dekontamin\w*|Entgiftung|Dosimeter|Schutzmaske\w*|Atemschutz"),
    # logistics and infrastructure
    ("logistics_infrastructure", 1.0, r"bridge|road (?:closed|blocked|damaged)|route (?:closed|blocked)|supply|resupply|fuel|POL|ammunition|"
     r"depot|railway|rail|power (?:line|station|outage|cut)|substation|pylon|water (?:supply|plant)|dam|pipeline|logistic\w*|"
     r"convoy delayed|crater|culvert|infrastructure|damaged|collapsed|blackout|outage|MSR|ASR"),
    ("logistics_infrastructure", 1.0, r"pont|route (?:coupée|bloquée|endommagée)|ravitaillement|carburant|munitions|dépôt|voie ferrée|"
     r"ligne électrique|poste électrique|coupure|barrage|pipeline|logistique|infrastructure|endommagé\w*|effondré\w*|cratère"),
    ("logistics_infrastructure", 1.0, r"Brücke(?!nkopf)\w*|Straße gesperrt|gesperrt|Nachschub|Versorgung\w*|Treibstoff|Kraftstoff|Munition\w*|"
     r"Depot|Bahn\w*|Stromleitung|Umspannwerk|Stromausfall|Talsperre|Staudamm|Pipeline|Logistik|Infrastruktur|beschädigt|eingestürzt|Krater"),
    # cyber and electronic warfare
    ("cyber_ew", 1.5, r"jamm\w*|spoof\w*|GPS|GNSS|electronic warfare|\bEW\b|interference|radio (?:silence|outage)|comms? (?:down|degraded|lost)|"
     r"cyber\w*|malware|ransomware|phishing|hack\w*|network intrusion|DDoS|SATCOM|signal loss|frequency|direction finding"),
    ("cyber_ew", 1.5, r"brouill(?!ard)\w*|leurr\w*|guerre électronique|interférences?|perte (?:de )?(?:signal|liaison|GPS)|cyber\w*|"
     r"logiciel malveillant|rançongiciel|piratage|intrusion|hameçonnage|transmissions? (?:coupées|perturbées)"),
    ("cyber_ew", 1.5, r"Störsender|gestört\w*|Störung\w*|Spoofing|elektronische Kampfführung|\bEloKa\b|Funk(?:ausfall|störung|verbindung)|"
     r"Cyber\w*|Schadsoftware|Hacker\w*|Angriff auf (?:das )?Netz\w*|Signalverlust|GPS-\w*"),
    # civil and humanitarian
    ("civil_humanitarian", 1.2, r"refugees?|displaced|IDPs?|civilians?|evacuees?|humanitarian|aid|food|shelter|medical supplies|"
     r"families|children|hospital|NGO|Red Cross|ICRC|looting|protest\w*|crowd|population|residents?|villagers?|checkpoint queue"),
    ("civil_humanitarian", 1.2, r"réfugiés?|déplacés?|civils?|évacués?|humanitaire|aide|nourriture|vivres|abris?|familles|enfants|"
     r"hôpital|ONG|Croix-Rouge|pillage|manifest\w*|foule|population|habitants?"),
    ("civil_humanitarian", 1.2, r"Flüchtling\w*|Vertriebene\w*|Zivilist\w*|Zivilbevölkerung|humanitär\w*|Hilfsgüter|Lebensmittel|"
     r"Unterkunft|Notunterkunft|Familien|Kinder|Krankenhaus|Rotes Kreuz|Plünderung\w*|Demonstration\w*|Menschenmenge|Bevölkerung|Einwohner"),
    # civilians as the victims: patients, care homes, people trapped in rubble
    ("civil_humanitarian", 1.2, r"patients|care homes?|trapped|buried|homeless|fleeing|exodus|fuyant|fuient|afflux|exode|"
     r"Fluchtbewegung\w*|flüchten\w*|fliehen\w*|Bewohner\w*|bettlägerig\w*|maisons? de retraite|EHPAD|ensevelis|sans-abri|"
     r"Patienten|Altenheim\w*|Pflegeheim\w*|verschüttet|obdachlos\w*"),
    # routine
    ("routine", 1.3, r"NSTR|nothing (?:significant )?to report|all quiet|quiet|no change|routine|exercise|drill|training|"
     r"scheduled|maintenance|admin\w*|handover|shift change|report (?:as )?planned|status report|no activity(?! \w*(?:offensive|hostile))|negative"),
    # a threat that was checked and is not there: a false alarm is routine, whatever it first looked like
    ("routine", 1.3, r"false alarm|all clear|no enemy|not enemy|nothing suspicious|harmless|levée de doute|fausse alerte|"
     r"rien de suspect|inoffensi\w*|Fehlalarm|Entwarnung|kein Feind|gegenstandslos|harmlos"),
    # administration, weather and status reports with nothing wrong; corrections of an earlier alarm
    ("routine", 1.3, r"weather (?:forecast|report|update|outlook)|forecast|leave (?:requests?|applications?|passes?)|duty roster|"
     r"frequency (?:change|plan)|callsigns? (?:and|&) frequenc\w*|SOI|CEOI|PERSTAT|no critical items|turned out to be|"
     r"was actually|identified as (?:FRIENDLY|friendly|own)|CANCEL my|"
     r"bulletin météo|météo|prévisions? météo|demandes? de permission|permissions?|tableau de service|plan de fréquences|"
     r"indicatifs|état des effectifs|CR de situation|conformes?|sans objet|sans incident|s'est avéré\w*|était en fait|il s'agissait|"
     r"Wetter(?:bericht|vorhersage|meldung|lage|prognose)\w*|Vorhersage|Urlaub\w*|Dienstplan|Frequenzplan|Rufnamen\w*|Schlüsselperiode|Zustandsmeldung|Stärkemeldung|"
     r"LOGSTAT|Versorgungsmeldung|Materialstand|état logistique|note de service|avis à toutes les unités|Ankündigung|"
     r"battle rhythm|R&R|welfare|parcels|METOC|visit by|reminder|visite du|rappel|tenue de campagne|Morgenlage|Teilnehmerkreis|"
     r"Vortragsfolien|Fristenarbeiten|Bordb(?:ü|u)ch\w*|Erinnerung|"
     r"(?:Lage)?[Bb]esprechung|réunion|meeting (?:postponed|moved)|mail (?:collection|distribution)|courrier|vaccination|Impfung\w*|"
     r"keine Engpässe|stellte sich heraus|es handelte sich um|als erledigt|Vernichtungsprotokoll|quittieren"),
    ("routine", 1.3, r"RAS|rien à signaler|calme|sans changement|routine|exercice|entraînement|maintenance|relève|"
     r"administrati\w*|compte rendu|aucune activité(?! offensive| hostile| ennemie)"),
    ("routine", 1.3, r"KBV|keine besonderen Vorkommnisse|ruhig|unverändert|Routine|Übung\w*|Ausbildung|Wartung|Wachablösung|"
     r"Ablösung|Verwaltung\w*|Lagemeldung|keine (?:Aktivität|Aktivitäten)(?! des Feindes)"),
]

# Broad vocabulary: words that lean towards a category without settling it (a field report's own
# jargon in each language: "repli", "Stellungswechsel", "Trafo", "Spürpanzer", "levée de doute").
# They weigh less than the specific terms above, so they decide only when nothing specific is said.
BROAD_WEIGHT = 0.5
_BROAD: list[tuple[str, str]] = [
    ("enemy_movement", r"repositioning|redeploy\w*|withdraw\w*|withdrawal|infiltrat\w*|occupying|establishing positions|"
     r"regroup\w*|build-?up|concentration of|forward elements|OPFOR|hostile (?:forces|troops|patrol)|enemy (?:forces|troops|patrol|"
     r"infantry|column|armou?r|vehicles|elements)|en route|heading (?:north|south|east|west|[NSEW]{1,2})\b|sighted|spotted|"
     r"se repli\w*|repli|s'infiltr\w*|infiltration|s'install\w*|occupe(?:nt)?|patrouille ennemie|en marche|faisant mouvement|"
     r"déplacement|se regroup\w*|concentration|éléments ennemis|forces ennemies|ENI|repéré\w*|aperçu\w*|"
     r"verleg\w*|Verlegung|sickert|Infiltration|bezieht Stellung|beziehen Stellung|Stellungswechsel|setzt sich ab|Rückzug|"
     r"zieht sich zurück|Ansammlung|Feindkräfte|feindlich\w*|gegnerisch\w*|Schlauchboot\w*|Pionier\w*|embarcations?|sapeurs ennemis|ennemie?s?|Feindbewegung\w*|Spähtrupp\w*|Vorhut|gesichtet|Marschkolonne"),
    ("attack", r"shots? fired|fired (?:up)?on|hit by|struck by|hit our|struck our|touché notre|a frappé (?:notre|nos)|traf (?:unser\w*|eigene\w*)|detonat\w*|blast|mine strike|booby.?trap\w*|ATGM|anti-?tank|"
     r"raid|assault|harass\w*|attack\w*|rafales?|pris sous le feu|bombard\w*|pilonn\w*|engin explosif improvisé|mines?|"
     r"piégé\w*|détonation|assaut|harcèlement|lance-roquettes|antichar|touchés?|attaque\w*|"
     r"Angriff\w*|Überfall|Feuerüberfall|Artilleriebeschuss|Detonation|Explosion|Sprengung|Minen?|Panzerfaust|Panzerabwehr\w*|"
     r"Schüsse|Feuerstoß|getroffen|Treffer|Handgranate\w*"),
    ("air_activity", r"bomber|rotary wing|fixed wing|sorties?|FPV|air threat|SAM|intercept\w*|shot down|"
     r"aéronefs?|appareils?|hélicos?|bombardiers?|interception|abattu\w*|vol stationnaire|"
     r"Luftfahrzeug\w*|Flieger|Kampfflugzeug\w*|Bomber|Flugkörper\w*|überflieg\w*|überflog\w*|Heli|Quadrokopter|Kamikazedrohne\w*|"
     r"abgeschossen|Abfang\w*"),
    ("cbrn", r"detector alarm|Geiger|irritat\w*|coughing|eyes? burning|yellow(?:ish)? (?:cloud|smoke)|suspicious (?:powder|substance)|"
     r"détecteur|irritations?|toux|yeux|odeur|nuage|poudre suspecte|substance suspecte|radioactiv\w*|irradi\w*|"
     r"Spürpanzer|ABC-\w+|Detektor\w*|Messgerät|Geigerzähler|Strahlen\w*|Husten|Augenreizung|Atemnot|Gaswolke|verdächtige\w* (?:Pulver|Substanz)"),
    ("logistics_infrastructure", r"roads?|routes?|axis|fuel|diesel|water (?:point|treatment)|electricity|power|transformer|grid outage|"
     r"shortage|stocks?|spare parts|recovery|breakdown|levee|flood\w*|landslide|"
     r"axes?|itinéraires?|gazole|gasoil|essence|eau potable|station d'épuration|électricité|courant|transformateur|pylônes?|gare|"
     r"approvisionn\w*|pénurie|stocks?|pièces détachées|dépannage|panne|digue|inondation|éboulement|"
     r"Straßen?|Route\w*|Strecke\w*|Diesel|Betriebsstoff\w*|Wasserversorgung|Kläranlage|Strom\w*|Trafo|Hochspannung\w*|Mast\w*|"
     r"Gleis\w*|Bahnhof|Engpass|Knappheit|Lager\w*|Ersatzteil\w*|Panne|Bergung|Deich|Hochwasser|Überschwemmung|Erdrutsch"),
    ("cyber_ew", r"radar|frequenc\w*|network\w*|servers?|IT systems?|systems?|virus|trojan|password\w*|accounts?|e-?mails?|data|"
     r"leak\w*|encrypted|SIGINT|emitter\w*|"
     r"GPS|GNSS|spoofing|parasit\w*|saturation|goniométrie|radio\w*|fréquences?|réseaux?|serveurs?|informatique|systèmes?|virus|"
     r"pirat\w*|phishing|courriels?|mot de passe|comptes?|DDoS|déni de service|messagerie|données|émetteurs?|"
     r"Frequenz\w*|Radar|Peilung|Netz\w*|Server|IT|Rechner|System\w*|Virus|Trojaner|Phishing|E-Mails?|Passw(?:ö|o)rt\w*|Konto|"
     r"Zugang|Eindring\w*|Datenabfluss|Daten\w*|verschlüsselt|Sender"),
    ("civil_humanitarian", r"mayor|town hall|police|fire brigade|school|church|riot\w*|unrest|queues?|distribution|"
     r"reception cent(?:re|er)|evacuat\w*|"
     r"population|habitants?|villageois|exode|évacu\w*|CICR|maire|mairie|préfecture|gendarmerie|police|pompiers|CGDIS|SAMU|"
     r"urgences|école|église|émeutes?|rassemblement|vivres|distribution|hébergement|centre d'accueil|"
     r"Anwohner\w*|Dorfbewohner|Evakuier\w*|NGO|DRK|Bürgermeister\w*|Gemeinde|Polizei|Feuerwehr|THW|Rettungsdienst|Klinik|"
     r"Schule|Kirche|Krawall\w*|Ausschreitung\w*|Verteilung|Aufnahmestelle|Bürger\w*"),
    ("routine", r"nothing significant|uneventful|no incidents?|simulated|false alarm|all clear|harmless|relief in place|"
     r"as planned|radio check|comms check|SITREP|commemoration|ceremony|WWII|World War|unexploded|"
     r"R\.A\.S\.?|rien de particulier|situation calme|sans incident|simulé\w*|fausse alerte|levée de doute|inoffensi\w*|"
     r"comme prévu|essai radio|point de situation|commémoration|cérémonie|seconde guerre|"
     r"nichts Besonderes|Lage ruhig|unauffällig|ohne Befund|simuliert\w*|Fehlalarm|Entwarnung|harmlos|planmäßig|Funkprobe|"
     r"Gedenk\w*|Zeremonie|Weltkrieg\w*|Blindgänger|Battle of the Bulge|(?:de|from|von|aus|of) 194[0-5]"),
]
if BROAD_WEIGHT > 0:
    _TERMS += [(cat, BROAD_WEIGHT, pattern) for cat, pattern in _BROAD]

_COMPILED = [(cat, w, re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.IGNORECASE)) for cat, w, p in _TERMS]


@dataclass(frozen=True, slots=True)
class Term:
    category: str
    weight: float
    start: int
    end: int
    text: str


def find_terms(text: str) -> list[Term]:
    """Category terms in the text; a span counts once per category (the first pattern that finds it).

    A term right after a negation ("no jamming", "not enemy EW", "kein IED") does not vote, except
    for routine, whose own terms are often negative ("no change", "keine Aktivität").
    """
    found: list[Term] = []
    for category, weight, rx in _COMPILED:
        for m in rx.finditer(text):
            if category != "routine" and negated(text, m.start()):
                continue
            if any(t.category == category and t.start < m.end() and m.start() < t.end for t in found):
                continue
            found.append(Term(category, weight, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda t: t.start)
    return found


def evidence(terms: Sequence[Term]) -> dict[str, float]:
    """Per category: the sum of its term weights, with diminishing returns for repeats of one word."""
    seen: dict[tuple[str, str], int] = {}
    totals = {c: 0.0 for c in CATEGORIES}
    for t in terms:
        key = (t.category, t.text.lower())
        seen[key] = seen.get(key, 0) + 1
        totals[t.category] += t.weight / seen[key]
    return totals


def combine(model_probs: Mapping[str, float], terms: Sequence[Term]) -> dict[str, float]:
    """Calibrated category scores from the model's probabilities and the term evidence."""
    ev = evidence(terms)
    logits = {}
    for c in CATEGORIES:
        p = max(float(model_probs.get(c, 0.0)), 1e-6) if model_probs else 1.0 / len(CATEGORIES)
        logits[c] = MODEL_WEIGHT * math.log(p) + TERM_WEIGHT * min(ev[c], EVIDENCE_CAP)
    top = max(logits.values())
    exp = {c: math.exp(v - top) for c, v in logits.items()}
    total = sum(exp.values())
    return {c: round(v / total, 4) for c, v in exp.items()}


def choose_category(category_scores: Mapping[str, float]) -> str:
    """The category with the highest combined score; routine when there are no scores."""
    category = max(category_scores, key=category_scores.__getitem__) if category_scores else "routine"
    return category if category in CATEGORIES else "routine"
