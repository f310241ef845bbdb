"""Curated reference data for the area of operations: military equipment and named places.

Typed constants plus small lookups; the spaCy entity component builds its patterns from these.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

EquipmentKind = Literal[
    "tank",
    "ifv",
    "apc",
    "artillery",
    "mlrs",
    "air_defence",
    "aircraft",
    "helicopter",
    "uav",
    "missile",
    "ew",
    "vehicle",
    "small_arms",
    "other",
]
EQUIPMENT_KINDS: tuple[EquipmentKind, ...] = get_args(EquipmentKind)

PlaceKind = Literal["town", "river", "bridge", "road", "crossing", "hill", "forest", "area", "airfield"]
PLACE_KINDS: tuple[PlaceKind, ...] = get_args(PlaceKind)

Country = Literal["LU", "BE", "FR", "DE"]

# Severity hint, 1 (logistics, small arms) to 5 (ballistic missiles, thermobaric MLRS):
# a prior for prioritisation, not a threat assessment.
SEVERITY_MIN = 1
SEVERITY_MAX = 5


@dataclass(frozen=True, slots=True)
class Equipment:
    canonical: str
    kind: EquipmentKind
    severity: int
    aliases: tuple[str, ...] = ()
    generic: bool = False  # a class of equipment ("tank") rather than a model ("T-72B3")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.aliases)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    country: Country
    kind: PlaceKind
    alt_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.alt_names)


def _eq(canonical: str, kind: EquipmentKind, severity: int, *aliases: str) -> Equipment:
    return Equipment(canonical, kind, severity, aliases)


def _generic(canonical: str, kind: EquipmentKind, severity: int, *aliases: str) -> Equipment:
    return Equipment(canonical, kind, severity, aliases, generic=True)


EQUIPMENT: tuple[Equipment, ...] = (
    # Main battle tanks. The bare family name is its own entry so that "T-72" is not
    # silently upgraded to the B3 variant.
    _eq("T-72B3", "tank", 4, "T72B3", "T-72 B3", "T-72B3M", "T72B3M"),
    _eq("T-72", "tank", 4, "T72", "T-72A", "T-72B", "T-72AV", "T-72AMT"),
    _eq("T-80BV", "tank", 4, "T-80", "T80", "T-80BVM", "T-80U", "T80BV"),
    _eq("T-90M", "tank", 4, "T-90", "T90", "T90M", "T-90A", "Proryv"),
    _eq("T-64BV", "tank", 4, "T-64", "T64", "T64BV"),
    _eq("T-62M", "tank", 3, "T-62", "T62", "T62M"),
    _eq("T-55", "tank", 3, "T55"),
    _eq("Leopard 2", "tank", 4, "Leopard 2A4", "Leopard 2A6", "Leopard 2A7", "Leo 2", "Leo2"),
    _eq("Leopard 1", "tank", 3, "Leopard 1A5", "Leo 1", "Leo1"),
    _eq("M1 Abrams", "tank", 4, "Abrams", "M1A1", "M1A2"),
    _eq("Challenger 2", "tank", 4, "CR2"),
    _eq("Leclerc", "tank", 4, "AMX-56"),
    # Infantry fighting vehicles
    _eq("BMP-1", "ifv", 3, "BMP1", "BMP-1AM"),
    _eq("BMP-2", "ifv", 3, "BMP2", "BMP-2M"),
    _eq("BMP-3", "ifv", 3, "BMP3"),
    _eq("BMD-4M", "ifv", 3, "BMD-4", "BMD4", "BMD-2", "BMD2"),
    _eq("M2 Bradley", "ifv", 3, "Bradley", "M2A2"),
    _eq("CV90", "ifv", 3, "CV9040", "CV9035", "Stridsfordon 90"),
    _eq("Marder", "ifv", 3, "Marder 1A3", "Schützenpanzer Marder"),
    _eq("Puma", "ifv", 3, "Schützenpanzer Puma"),
    _eq("VBCI", "ifv", 3),
    # Armoured personnel carriers
    _eq("BTR-82A", "apc", 2, "BTR82A", "BTR-82", "BTR82"),
    _eq("BTR-80", "apc", 2, "BTR80"),
    _eq("BTR-70", "apc", 2, "BTR70"),
    _eq("MT-LB", "apc", 2, "MTLB", "MT-LBu"),
    _eq("M113", "apc", 2),
    _eq("VAB", "apc", 2),
    _eq("Boxer", "apc", 2, "GTK Boxer"),
    _eq("Fuchs", "apc", 2, "TPz Fuchs", "Transportpanzer Fuchs"),
    # Tube artillery
    _eq("2S19 Msta-S", "artillery", 3, "2S19", "Msta-S", "Msta", "2S19 Msta", "2S19M2"),
    _eq("2S1 Gvozdika", "artillery", 3, "2S1", "Gvozdika"),
    _eq("2S3 Akatsiya", "artillery", 3, "2S3", "Akatsiya", "Akatsia"),
    _eq("2S7 Pion", "artillery", 4, "2S7", "2S7M Malka", "Malka"),
    _eq("2A65 Msta-B", "artillery", 3, "2A65", "Msta-B"),
    _eq("2A36 Giatsint-B", "artillery", 3, "2A36", "Giatsint-B", "Giatsint"),
    _eq("D-30", "artillery", 3, "D30", "2A18"),
    _eq("M777", "artillery", 3),
    _eq("PzH 2000", "artillery", 3, "PzH2000", "Panzerhaubitze 2000"),
    _eq("CAESAR", "artillery", 3, "Caesar howitzer"),
    _eq("2S4 Tyulpan", "artillery", 4, "2S4", "Tyulpan"),
    # Rocket artillery
    _eq("BM-21 Grad", "mlrs", 4, "BM-21", "BM21", "Grad", "9K51"),
    _eq("BM-27 Uragan", "mlrs", 4, "BM-27", "BM27", "Uragan"),
    _eq("BM-30 Smerch", "mlrs", 4, "BM-30", "BM30", "Smerch"),
    _eq("Tornado-G", "mlrs", 4, "Tornado G", "9K51M"),
    _eq("TOS-1A", "mlrs", 5, "TOS-1", "TOS1A", "TOS1", "Solntsepyok", "Buratino"),
    _eq("HIMARS", "mlrs", 4, "M142"),
    _eq("M270", "mlrs", 4, "M270 MLRS", "MARS II"),
    # Air defence. "Tor" alone is left out: it is an everyday German word (gate, goal).
    _eq("Tor-M2", "air_defence", 3, "Tor-M1", "Tor M2", "9K332", "9K331", "SA-15"),
    _eq("Pantsir-S1", "air_defence", 3, "Pantsir", "Pantsyr", "Pantsir-S", "96K6", "SA-22"),
    _eq("Buk-M2", "air_defence", 3, "Buk", "Buk-M1", "Buk-M3", "9K37", "SA-11", "SA-17"),
    _eq("S-300", "air_defence", 4, "S300", "S-300PS", "S-300V", "SA-10", "SA-20"),
    _eq("S-400", "air_defence", 4, "S400", "Triumf", "SA-21"),
    _eq("Strela-10", "air_defence", 2, "9K35", "SA-13"),
    _eq("Osa-AKM", "air_defence", 2, "9K33", "9K33 Osa", "SA-8"),
    _eq("ZSU-23-4 Shilka", "air_defence", 2, "ZSU-23-4", "Shilka"),
    _eq("ZU-23-2", "air_defence", 2, "ZU-23"),
    _eq("Igla", "air_defence", 2, "9K38", "SA-18", "Igla-S", "Verba"),
    _eq("Stinger", "air_defence", 2, "FIM-92"),
    _eq("Gepard", "air_defence", 2, "Flakpanzer Gepard"),
    _eq("Patriot", "air_defence", 4, "MIM-104", "PAC-3"),
    _eq("IRIS-T SLM", "air_defence", 3, "IRIS-T"),
    # Fixed-wing aircraft
    _eq("Su-34", "aircraft", 4, "Su34", "Fullback"),
    _eq("Su-25", "aircraft", 4, "Su25", "Frogfoot", "Grach"),
    _eq("Su-35", "aircraft", 4, "Su35", "Su-35S", "Flanker-E"),
    _eq("Su-24", "aircraft", 4, "Su24", "Su-24M", "Fencer"),
    _eq("MiG-29", "aircraft", 4, "MiG29", "Fulcrum"),
    _eq("MiG-31", "aircraft", 4, "MiG31", "MiG-31K", "Foxhound"),
    _eq("Tu-22M3", "aircraft", 5, "Tu-22M", "Backfire"),
    _eq("F-16", "aircraft", 4, "F16", "Fighting Falcon"),
    # Helicopters
    _eq("Ka-52", "helicopter", 4, "Ka52", "Alligator", "Hokum-B", "Ka-52M"),
    _eq("Mi-8", "helicopter", 3, "Mi8", "Mi-8MTV", "Mi-8AMTSh", "Mi-17", "Mi17"),
    _eq("Mi-24", "helicopter", 4, "Mi24", "Mi-35", "Mi-35M", "Hind"),
    _eq("Mi-28", "helicopter", 4, "Mi28", "Mi-28N", "Mi-28NM"),
    # Uncrewed aircraft and loitering munitions
    _eq("Orlan-10", "uav", 2, "Orlan 10", "Orlan10", "Orlan"),
    _eq("Zala", "uav", 2, "ZALA 421", "Zala 421-16E", "ZALA 421-16"),
    _eq("Supercam", "uav", 2, "Supercam S350", "SuperCam"),
    _eq("Eleron-3", "uav", 2, "Eleron", "Eleron-3SV"),
    _eq("Lancet", "uav", 3, "Lancet-3", "Izdeliye 52", "ZALA Lancet"),
    _eq("Shahed-136", "uav", 4, "Shahed", "Shahed 136", "Geran-2", "Geran 2", "Geran"),
    _eq("Bayraktar TB2", "uav", 3, "Bayraktar", "TB2"),
    _eq("FPV drone", "uav", 3, "FPV", "FPV-Drohne", "drone FPV"),
    # Missiles and guided weapons
    _eq("Iskander-M", "missile", 5, "Iskander", "9K720", "SS-26"),
    _eq("Kalibr", "missile", 5, "3M-14", "SS-N-30"),
    _eq("Kh-101", "missile", 5, "Kh101", "X-101"),
    _eq("Kinzhal", "missile", 5, "Kh-47M2"),
    _eq("Tochka-U", "missile", 5, "Tochka", "SS-21"),
    _eq("Kornet", "missile", 3, "9M133", "AT-14", "Kornet-E"),
    _eq("Konkurs", "missile", 3, "9M113", "AT-5"),
    _eq("Javelin", "missile", 3, "FGM-148"),
    _eq("NLAW", "missile", 3),
    # Electronic warfare
    _eq("Krasukha-4", "ew", 3, "Krasukha", "1L269"),
    _eq("Leer-3", "ew", 3, "RB-341V", "Leer 3"),
    _eq("Pole-21", "ew", 3, "Pole 21", "Pole-21E"),
    _eq("Zhitel", "ew", 3, "R-330Zh"),
    _eq("Borisoglebsk-2", "ew", 3, "RB-301B"),
    # Soft-skinned vehicles
    _eq("Kamaz", "vehicle", 1, "KamAZ-4310", "Kamaz-5350", "Kamaz truck", "KamAZ-43118"),
    _eq("Ural-4320", "vehicle", 1, "Ural truck", "Ural"),
    _eq("GAZ Tigr", "vehicle", 2, "Tigr", "GAZ-2330"),
    _eq("UAZ-469", "vehicle", 1, "UAZ", "UAZ-452", "Bukhanka"),
    _eq("HMMWV", "vehicle", 1, "Humvee"),
    _eq("MTU-72", "vehicle", 2, "MTU-20", "bridge layer", "Brückenlegepanzer", "poseur de pont"),
    _eq("PMP pontoon bridge", "other", 3, "PMP", "pontoon bridge", "Pontonbrücke", "pont flottant"),
    # Small arms and crew-served weapons
    _eq("RPG-7", "small_arms", 1, "RPG7", "RPG"),
    _eq("AK-74", "small_arms", 1, "AK74", "AK-12", "AK-47", "Kalashnikov"),
    _eq("PKM", "small_arms", 1, "PK machine gun", "PKP Pecheneg"),
    _eq("SVD", "small_arms", 1, "Dragunov"),
    _eq("AGS-17", "small_arms", 2, "AGS-30", "Plamya"),
    _eq("DShK", "small_arms", 1, "NSV", "Kord"),
    # Generic classes, in English, French and German
    _generic(
        "MBT", "tank", 4, "tank", "main battle tank", "Kampfpanzer", "Panzer", "char", "char de combat",
        "char d'assaut",
    ),
    _generic(
        "IFV", "ifv", 3, "infantry fighting vehicle", "Schützenpanzer", "SPz", "VCI",
        "véhicule de combat d'infanterie",
    ),
    _generic(
        "APC", "apc", 2, "armoured personnel carrier", "armored personnel carrier", "Transportpanzer", "TPz", "VTT",
        "véhicule de transport de troupes",
    ),
    _generic(
        "AFV", "vehicle", 3, "armoured vehicle", "armored vehicle", "Radpanzer", "gepanzertes Fahrzeug", "blindé",
        "véhicule blindé",
    ),
    _generic(
        "MLRS", "mlrs", 4, "MRL", "multiple rocket launcher", "rocket launcher", "Mehrfachraketenwerfer",
        "Raketenwerfer",
        "LRM", "lance-roquettes multiple", "lance-roquettes",
    ),
    _generic(
        "SPG", "artillery", 3, "SPH", "self-propelled gun", "self-propelled howitzer", "Panzerhaubitze",
        "canon automoteur", "obusier automoteur",
    ),
    _generic(
        "artillery", "artillery", 3, "arty", "howitzer", "Artillerie", "Haubitze", "Geschütz", "obusier",
        "pièce d'artillerie",
    ),
    _generic("mortar", "artillery", 2, "Mörser", "Granatwerfer", "mortier"),
    _generic(
        "SAM", "air_defence", 3, "air defence", "air defense", "MANPADS", "Flugabwehr", "Fliegerabwehr",
        "Flugabwehrsystem", "défense aérienne", "DCA", "sol-air",
    ),
    _generic(
        "combat aircraft", "aircraft", 4, "fighter jet", "jet", "Kampfflugzeug", "Kampfjet", "avion de chasse",
        "avion de combat",
    ),
    _generic("helicopter", "helicopter", 3, "helo", "heli", "Hubschrauber", "Helikopter", "hélicoptère"),
    _generic(
        "UAV", "uav", 2, "UAS", "RPAS", "drone", "Drohne", "Drohnen", "quadcopter", "Quadrokopter", "quadricoptère",
    ),
    _generic(
        "loitering munition", "uav", 3, "kamikaze drone", "Kamikazedrohne", "munition rôdeuse", "Loitering Munition",
    ),
    _generic(
        "missile", "missile", 4, "cruise missile", "ballistic missile", "Rakete", "Marschflugkörper",
        "ballistische Rakete", "missile de croisière", "missile balistique",
    ),
    _generic("ATGM", "missile", 3, "anti-tank missile", "Panzerabwehrlenkwaffe", "PALR", "missile antichar"),
    _generic(
        "EW", "ew", 3, "electronic warfare", "jammer", "jamming station", "Störsender", "elektronische Kampfführung",
        "brouilleur", "guerre électronique",
    ),
    _generic("radar", "other", 2, "Radargerät", "Radaranlage"),
    _generic("truck", "vehicle", 1, "lorry", "Lkw", "Lastwagen", "Lastkraftwagen", "camion"),
    _generic("vehicle", "vehicle", 1, "veh", "vehs", "Fahrzeug", "Fahrzeuge", "Kfz", "véhicule", "véhicules"),
    _generic("machine gun", "small_arms", 1, "MG", "HMG", "Maschinengewehr", "mitrailleuse"),
    _generic("sniper", "small_arms", 1, "sniper rifle", "Scharfschütze", "tireur d'élite"),
    _generic("grenade launcher", "small_arms", 1, "Granatwerfer-MG", "lance-grenades", "RPG launcher"),
    # Reconnaissance, CBRN and NATO vehicles and drones often named in field reports.
    _eq("BRDM-2", "apc", 2, "BRDM2", "BRDM"),
    _generic("BTR", "apc", 2, "BTRs"),
    _eq("TMS-65", "other", 2, "TMS-65M", "TMS65"),
    _eq("RKhM-6", "other", 2, "RKhM-4", "RKhM", "RKHM-6", "Povozka"),
    _eq("ATF Dingo", "vehicle", 1, "Dingo", "Dingo 2"),
    _eq("Fennek", "vehicle", 1, "Fennek LGS"),
    _eq("Wiesel", "ifv", 2, "Wiesel 1", "Wiesel 2"),
    _eq("Griffon", "apc", 2, "VBMR Griffon"),
    _eq("RQ-11 Raven", "uav", 1, "Raven", "RQ-11"),
    _eq("Heron", "uav", 2, "Heron TP", "Heron 1"),
    _generic("towed gun", "artillery", 3, "towed guns", "towed howitzer", "canon tracté", "gezogene Haubitze"),
)


def _place(
    name: str, lat: float, lon: float, country: Country, kind: PlaceKind, *alt_names: str
) -> Place:
    return Place(name, lat, lon, country, kind, alt_names)


# Coordinates are WGS84 decimal degrees. Towns sit on their centre; rivers, roads, forests and
# areas on one representative point inside the area of operations, not a centroid.
PLACES: tuple[Place, ...] = (
    # Luxembourg: towns
    _place(
        "Luxembourg", 49.6116, 6.1319, "LU", "town", "Lëtzebuerg", "Luxemburg", "Luxembourg City", "Luxembourg-Ville",
        "Stadt Luxemburg",
    ),
    _place(
        "Esch-sur-Alzette", 49.4958, 5.9806, "LU", "town", "Esch-Uelzecht", "Esch an der Alzette", "Esch/Alzette",
        "Esch",
    ),
    _place("Differdange", 49.5242, 5.8914, "LU", "town", "Déifferdeng", "Differdingen"),
    _place("Dudelange", 49.4806, 6.0875, "LU", "town", "Diddeleng", "Düdelingen"),
    _place("Ettelbruck", 49.8475, 6.1042, "LU", "town", "Ettelbréck", "Ettelbrück"),
    _place("Diekirch", 49.8681, 6.1597, "LU", "town", "Dikrech"),
    _place("Wiltz", 49.9661, 5.9322, "LU", "town", "Wolz"),
    _place("Clervaux", 50.0547, 6.0314, "LU", "town", "Klierf", "Clerf"),
    _place("Vianden", 49.9350, 6.2089, "LU", "town", "Veianen"),
    _place("Echternach", 49.8117, 6.4217, "LU", "town", "Iechternach"),
    _place("Remich", 49.5450, 6.3667, "LU", "town", "Réimech"),
    _place("Grevenmacher", 49.6800, 6.4400, "LU", "town", "Gréiwemaacher", "Maacher"),
    _place("Mersch", 49.7489, 6.1061, "LU", "town", "Miersch"),
    _place("Redange-sur-Attert", 49.7642, 5.8889, "LU", "town", "Redange", "Réiden", "Redingen"),
    _place("Capellen", 49.6456, 5.9903, "LU", "town", "Kapellen"),
    _place("Mamer", 49.6275, 6.0233, "LU", "town", "Mamer"),
    _place("Schengen", 49.4700, 6.3650, "LU", "town"),
    _place("Mondorf-les-Bains", 49.5050, 6.2811, "LU", "town", "Munneref", "Bad Mondorf", "Mondorf"),
    _place("Steinfort", 49.6614, 5.9183, "LU", "town", "Stengefort"),
    _place("Troisvierges", 50.1211, 6.0025, "LU", "town", "Ëlwen", "Ulflingen"),
    _place("Bettembourg", 49.5186, 6.1025, "LU", "town", "Beetebuerg", "Bettemburg"),
    _place("Pétange", 49.5583, 5.8806, "LU", "town", "Péiteng", "Petingen"),
    _place("Rodange", 49.5450, 5.8408, "LU", "town", "Rodingen"),
    _place("Bascharage", 49.5700, 5.9100, "LU", "town", "Nidderkäerjeng", "Niederkerschen"),
    _place("Hosingen", 50.0125, 6.0917, "LU", "town", "Housen"),
    _place("Beaufort", 49.8353, 6.2914, "LU", "town", "Beefort", "Befort"),
    _place("Larochette", 49.7861, 6.2186, "LU", "town", "Fiels", "Fels"),
    _place("Wasserbillig", 49.7150, 6.5000, "LU", "town", "Waasserbëlleg"),
    _place("Mertert", 49.7017, 6.4814, "LU", "town", "Mäertert"),
    _place("Junglinster", 49.7117, 6.2531, "LU", "town", "Jonglënster"),
    _place("Esch-sur-Sûre", 49.9111, 5.9361, "LU", "town", "Esch-Sauer", "Esch an der Sauer"),
    _place("Bourscheid", 49.9089, 6.0650, "LU", "town", "Buerschent"),
    _place("Strassen", 49.6200, 6.0733, "LU", "town", "Stroossen"),
    _place("Bertrange", 49.6111, 6.0500, "LU", "town", "Bartreng", "Bartringen"),
    _place("Walferdange", 49.6631, 6.1317, "LU", "town", "Walfer", "Walferdingen"),
    _place("Schifflange", 49.5067, 6.0122, "LU", "town", "Schëffleng", "Schifflingen"),
    _place("Rumelange", 49.4600, 6.0300, "LU", "town", "Rëmeleng", "Rümelingen"),
    _place("Wormeldange", 49.6100, 6.4050, "LU", "town", "Wuermer", "Wormeldingen"),
    _place("Consdorf", 49.7800, 6.3400, "LU", "town", "Konsdref"),
    _place("Weiswampach", 50.1397, 6.0753, "LU", "town", "Wäiswampich"),
    _place("Colmar-Berg", 49.8108, 6.0917, "LU", "town", "Colmer-Bierg"),
    _place("Bissen", 49.7872, 6.0661, "LU", "town", "Biissen"),
    _place("Heiderscheid", 49.8772, 5.9931, "LU", "town", "Heischent"),
    _place("Kautenbach", 49.9525, 6.0194, "LU", "town", "Kautebaach"),
    _place("Stolzembourg", 49.9667, 6.1667, "LU", "town", "Stolzebuerg", "Stolzemburg"),
    _place("Sanem", 49.5475, 5.9289, "LU", "town", "Suessem", "Sassenheim"),
    # Belgium: Luxembourg province, Liège province and the East Cantons
    _place("Arlon", 49.6833, 5.8167, "BE", "town", "Aarlen", "Arel"),
    _place("Bastogne", 50.0036, 5.7192, "BE", "town", "Bastenaken", "Baaschtnech", "Bastnach"),
    _place("Houffalize", 50.1333, 5.7889, "BE", "town"),
    _place("St. Vith", 50.2806, 6.1278, "BE", "town", "Sankt Vith", "Saint-Vith", "St Vith", "Sankt-Vith"),
    _place("Malmedy", 50.4250, 6.0275, "BE", "town", "Malmünd"),
    _place("Liège", 50.6326, 5.5797, "BE", "town", "Luik", "Lüttich"),
    _place("Marche-en-Famenne", 50.2278, 5.3444, "BE", "town", "Marche"),
    _place("Neufchâteau", 49.8411, 5.4356, "BE", "town"),
    _place("Libramont", 49.9203, 5.3797, "BE", "town", "Libramont-Chevigny"),
    _place("La Roche-en-Ardenne", 50.1836, 5.5756, "BE", "town", "La Roche"),
    _place("Vielsalm", 50.2833, 5.9167, "BE", "town"),
    _place("Virton", 49.5667, 5.5333, "BE", "town"),
    _place("Athus", 49.5639, 5.8369, "BE", "town"),
    _place("Martelange", 49.8319, 5.7378, "BE", "town", "Martelingen"),
    _place("Habay-la-Neuve", 49.7281, 5.6469, "BE", "town", "Habay"),
    _place("Spa", 50.4922, 5.8633, "BE", "town"),
    _place("Verviers", 50.5900, 5.8625, "BE", "town"),
    _place("Eupen", 50.6283, 6.0361, "BE", "town", "Néau"),
    _place("Stavelot", 50.3950, 5.9319, "BE", "town", "Stablo"),
    _place("Büllingen", 50.4089, 6.2544, "BE", "town", "Bullange"),
    _place("Bütgenbach", 50.4253, 6.2047, "BE", "town", "Butgenbach"),
    _place("Elsenborn", 50.4642, 6.2167, "BE", "town", "Camp Elsenborn"),
    _place("Burg-Reuland", 50.1986, 6.1369, "BE", "town"),
    _place("Gouvy", 50.1906, 5.9436, "BE", "town"),
    _place("Bouillon", 49.7939, 5.0678, "BE", "town"),
    _place("Namur", 50.4669, 4.8675, "BE", "town", "Namen"),
    _place("Dinant", 50.2606, 4.9122, "BE", "town"),
    # France: Lorraine and the Ardennes border
    _place("Metz", 49.1194, 6.1757, "FR", "town"),
    _place("Thionville", 49.3579, 6.1683, "FR", "town", "Diedenhofen", "Diddenuewen"),
    _place("Longwy", 49.5197, 5.7606, "FR", "town", "Lonkech"),
    _place("Nancy", 48.6921, 6.1844, "FR", "town"),
    _place("Verdun", 49.1600, 5.3844, "FR", "town"),
    _place("Sarreguemines", 49.1100, 7.0683, "FR", "town", "Saargemünd"),
    _place("Forbach", 49.1878, 6.8961, "FR", "town"),
    _place("Saint-Avold", 49.1044, 6.7061, "FR", "town", "St-Avold", "Sankt Avold"),
    _place("Sierck-les-Bains", 49.4411, 6.3589, "FR", "town", "Sierck"),
    _place("Hayange", 49.3278, 6.0631, "FR", "town", "Hayingen"),
    _place("Yutz", 49.3583, 6.1892, "FR", "town", "Jeutz"),
    _place("Audun-le-Tiche", 49.4722, 5.9550, "FR", "town", "Deutsch-Oth"),
    _place("Villerupt", 49.4672, 5.9294, "FR", "town"),
    _place("Briey", 49.2486, 5.9394, "FR", "town", "Val de Briey"),
    _place("Bouzonville", 49.2919, 6.5339, "FR", "town", "Busendorf"),
    _place("Cattenom", 49.4064, 6.2425, "FR", "town", "Kattenhofen"),
    _place("Montmédy", 49.5203, 5.3664, "FR", "town"),
    _place("Pont-à-Mousson", 48.9053, 6.0547, "FR", "town"),
    _place("Sedan", 49.7019, 4.9403, "FR", "town"),
    # Germany: Trier, Eifel, Saarland, Hunsrück and the Palatinate
    _place("Trier", 49.7499, 6.6371, "DE", "town", "Trèves", "Tréier"),
    _place("Bitburg", 49.9747, 6.5256, "DE", "town"),
    _place("Prüm", 50.2075, 6.4236, "DE", "town"),
    _place("Saarbrücken", 49.2402, 6.9969, "DE", "town", "Sarrebruck"),
    _place("Saarlouis", 49.3136, 6.7514, "DE", "town", "Sarrelouis"),
    _place("Merzig", 49.4433, 6.6364, "DE", "town"),
    _place("Perl", 49.4717, 6.3925, "DE", "town"),
    _place("Konz", 49.7000, 6.5833, "DE", "town"),
    _place("Saarburg", 49.6078, 6.5500, "DE", "town"),
    _place("Wittlich", 49.9869, 6.8897, "DE", "town"),
    _place("Daun", 50.1986, 6.8306, "DE", "town"),
    _place("Gerolstein", 50.2239, 6.6614, "DE", "town"),
    _place("Echternacherbrück", 49.8111, 6.4300, "DE", "town"),
    _place("Irrel", 49.8453, 6.4603, "DE", "town"),
    _place("Wallendorf", 49.8731, 6.2850, "DE", "town"),
    _place("Neuerburg", 49.9469, 6.2972, "DE", "town"),
    _place("Dasburg", 50.0486, 6.1317, "DE", "town"),
    _place("Speicher", 49.9353, 6.6417, "DE", "town"),
    _place("Hermeskeil", 49.6561, 6.9469, "DE", "town"),
    _place("Idar-Oberstein", 49.7114, 7.3131, "DE", "town"),
    _place("Baumholder", 49.6167, 7.3333, "DE", "town"),
    _place("Kaiserslautern", 49.4447, 7.7689, "DE", "town"),
    _place("Bernkastel-Kues", 49.9161, 7.0711, "DE", "town"),
    _place("Zweibrücken", 49.2492, 7.3611, "DE", "town", "Deux-Ponts"),
    _place("Homburg", 49.3264, 7.3386, "DE", "town"),
    _place("Völklingen", 49.2500, 6.8500, "DE", "town"),
    _place("Mettlach", 49.4944, 6.5950, "DE", "town"),
    _place("St. Wendel", 49.4667, 7.1667, "DE", "town", "Sankt Wendel", "St Wendel"),
    _place("Koblenz", 50.3597, 7.5978, "DE", "town", "Coblence"),
    _place("Aachen", 50.7753, 6.0839, "DE", "town", "Aix-la-Chapelle"),
    # Rivers
    _place("Sûre", 49.8690, 6.1600, "LU", "river", "Sauer", "Sûre river", "Sauer river"),
    _place("Our", 49.9340, 6.2050, "LU", "river", "Uer", "Our river"),
    _place("Moselle", 49.5450, 6.3700, "LU", "river", "Mosel", "Musel", "Moselle river"),
    _place("Alzette", 49.7480, 6.1040, "LU", "river", "Uelzecht", "Alzig", "Alzette river"),
    _place("Attert", 49.7700, 5.9800, "LU", "river", "Attert river"),
    _place("Saar", 49.2330, 6.9900, "DE", "river", "Sarre", "Saar river"),
    _place("Ourthe", 50.1830, 5.5750, "BE", "river", "Ourthe river"),
    _place("Amblève", 50.3930, 5.9300, "BE", "river", "Amel", "Ambleve river"),
    _place("Semois", 49.7940, 5.0680, "BE", "river", "Semoy", "Semois river"),
    _place("Meuse", 50.6330, 5.5750, "BE", "river", "Maas", "Meuse river"),
    _place("Kyll", 49.9800, 6.5700, "DE", "river", "Kyll river"),
    # Bridges
    _place("Pont Adolphe", 49.6097, 6.1264, "LU", "bridge", "Adolphe Bridge", "Adolphe-Brücke", "Al Bréck"),
    _place(
        "Grand Duchess Charlotte Bridge", 49.6147, 6.1386, "LU", "bridge", "Red Bridge",
        "Pont Grande-Duchesse Charlotte", "Rout Bréck", "Rote Brücke",
    ),
    _place("Schengen bridge", 49.4700, 6.3700, "LU", "bridge", "pont de Schengen", "Moselbrücke Schengen"),
    _place("Remich bridge", 49.5460, 6.3700, "LU", "bridge", "pont de Remich", "Moselbrücke Remich"),
    _place("Grevenmacher bridge", 49.6798, 6.4447, "LU", "bridge", "pont de Grevenmacher", "Moselbrücke Grevenmacher"),
    _place("Echternach bridge", 49.8122, 6.4256, "LU", "bridge", "pont d'Echternach", "Sauerbrücke Echternach"),
    _place("Vianden bridge", 49.9348, 6.2085, "LU", "bridge", "pont de Vianden", "Ourbrücke Vianden"),
    _place("Dasburg bridge", 50.0489, 6.1314, "DE", "bridge", "Ourbrücke Dasburg"),
    _place("Wallendorf bridge", 49.8733, 6.2847, "DE", "bridge", "Sauerbrücke Wallendorf"),
    # Border crossings on the motorways
    _place("Sterpenich crossing", 49.6553, 5.8833, "BE", "crossing", "Sterpenich", "A6/E411 border"),
    _place("Zoufftgen crossing", 49.4600, 6.1300, "FR", "crossing", "Zoufftgen", "A3/A31 border"),
    _place("Wasserbillig crossing", 49.7175, 6.5000, "LU", "crossing", "A1/A64 border", "Wasserbillig border"),
    _place("Schengen crossing", 49.4690, 6.3680, "LU", "crossing", "A13/A8 border", "Schengen border"),
    # Roads
    _place("N7", 49.8500, 6.1000, "LU", "road", "N 7", "route nationale 7"),
    _place("N15", 49.9000, 5.9000, "LU", "road", "N 15"),
    _place("A1 (Luxembourg)", 49.6600, 6.3300, "LU", "road", "A1", "autoroute de Trèves"),
    _place("A3 (Luxembourg)", 49.5200, 6.1100, "LU", "road", "A3", "autoroute de Dudelange"),
    _place("A4 (Luxembourg)", 49.5500, 6.0300, "LU", "road", "A4", "autoroute d'Esch"),
    _place("A6 (Luxembourg)", 49.6400, 5.9800, "LU", "road", "A6", "autoroute d'Arlon"),
    _place("A7 (Luxembourg)", 49.7300, 6.1000, "LU", "road", "A7", "route du Nord"),
    _place("A13 (Luxembourg)", 49.5000, 6.2000, "LU", "road", "A13", "Collectrice du Sud"),
    _place("E411", 49.7200, 5.6400, "BE", "road", "E 411", "E-411"),
    _place("E25", 50.0000, 5.7200, "BE", "road", "E 25", "E-25"),
    _place("N4 (Belgium)", 49.8500, 5.6600, "BE", "road", "N4"),
    _place("A31 (France)", 49.3600, 6.1700, "FR", "road", "A31"),
    _place("B51", 49.9000, 6.5700, "DE", "road", "B 51", "Bundesstraße 51"),
    _place("A64 (Germany)", 49.7300, 6.5500, "DE", "road", "A64"),
    _place("A60 (Germany)", 50.0500, 6.4700, "DE", "road", "A60"),
    # Hills and high ground
    _place("Kneiff", 50.1583, 6.0292, "LU", "hill", "Kneif"),
    _place("Buurgplaatz", 50.1600, 6.0333, "LU", "hill", "Burgplatz"),
    _place("Signal de Botrange", 50.5014, 6.0931, "BE", "hill", "Botrange"),
    _place("Baraque de Fraiture", 50.2556, 5.7267, "BE", "hill", "Fraiture"),
    _place("Schwarzer Mann", 50.2500, 6.3500, "DE", "hill"),
    _place("Erbeskopf", 49.7306, 7.0883, "DE", "hill"),
    _place("Mont Saint-Quentin", 49.1170, 6.1280, "FR", "hill", "Saint-Quentin"),
    # Forests and areas
    _place("Ardennes", 50.1000, 5.6000, "BE", "area", "Ardennen", "Ardenne"),
    _place("Eifel", 50.3000, 6.7000, "DE", "area"),
    _place("Hunsrück", 49.8500, 7.2000, "DE", "area", "Hunsruck"),
    _place(
        "Mullerthal", 49.8000, 6.3200, "LU", "area", "Müllerthal", "Mëllerdall", "Little Switzerland",
        "Petite Suisse luxembourgeoise",
    ),
    _place("Oesling", 50.0000, 6.0000, "LU", "area", "Éislek", "Ösling"),
    _place("Gutland", 49.7000, 6.1500, "LU", "area", "Guttland", "Bon Pays"),
    _place("Minett", 49.5000, 5.9800, "LU", "area", "Terres Rouges", "Land of the Red Rocks"),
    _place("Hautes Fagnes", 50.5000, 6.0800, "BE", "area", "Hohes Venn", "High Fens"),
    _place("Schnee Eifel", 50.2500, 6.3800, "DE", "forest", "Schneifel", "Schnee-Eifel"),
    _place("Grünewald", 49.6600, 6.1800, "LU", "forest", "Gréngewald", "Forêt du Grünewald"),
    _place("Forêt d'Anlier", 49.7800, 5.6200, "BE", "forest", "Anlier forest", "Anlierer Wald"),
    _place("Hürtgenwald", 50.7100, 6.3600, "DE", "forest", "Hürtgen Forest", "forêt de Hürtgen"),
    _place("Pfälzerwald", 49.3000, 7.8000, "DE", "forest", "Palatinate Forest", "forêt du Palatinat"),
    # Airfields
    _place("Luxembourg Airport", 49.6233, 6.2044, "LU", "airfield", "Findel", "ELLX", "aéroport de Luxembourg"),
    _place("Spangdahlem Air Base", 49.9727, 6.6925, "DE", "airfield", "Spangdahlem", "Spangdahlem AB", "ETAD"),
    _place("Ramstein Air Base", 49.4369, 7.6003, "DE", "airfield", "Ramstein", "Ramstein AB", "ETAR"),
    _place("Liège Airport", 50.6374, 5.4432, "BE", "airfield", "Bierset", "EBLG"),
    _place("Saarbrücken Airport", 49.2146, 7.1095, "DE", "airfield", "Ensheim", "EDDR"),
)


# Hyphens and dashes of every kind, apostrophes, dots and slashes all separate words in names.
_FOLD_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2013\u2014'\u2019.\u00b7/_]+")


def fold_name(name: str) -> str:
    """Key that makes 'St. Vith', 'st vith' and 'Sankt-Vith' style variants comparable."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _FOLD_SEPARATORS.sub(" ", stripped).strip()


def _index_places(places: tuple[Place, ...]) -> dict[str, Place]:
    index: dict[str, Place] = {}
    # The primary name wins over another entry's alternate ("Esch" the town, not Esch-sur-Sûre).
    for place in places:
        index.setdefault(fold_name(place.name), place)
    for place in places:
        for alt in place.alt_names:
            index.setdefault(fold_name(alt), place)
    return index


_PLACE_INDEX: Mapping[str, Place] = _index_places(PLACES)


def lookup_place(name: str) -> Place | None:
    """The place with this name or alternate name, ignoring case, accents and punctuation."""
    if not isinstance(name, str):
        return None
    return _PLACE_INDEX.get(fold_name(name))


def _equipment_key(name: str) -> str:
    return fold_name(name).replace(" ", "")


def _index_equipment(items: tuple[Equipment, ...]) -> dict[str, Equipment]:
    index: dict[str, Equipment] = {}
    for item in items:
        for name in item.names:
            index.setdefault(_equipment_key(name), item)
    return index


_EQUIPMENT_INDEX: Mapping[str, Equipment] = _index_equipment(EQUIPMENT)


def lookup_equipment(name: str) -> Equipment | None:
    """The catalogue entry for a name or alias, ignoring case, accents, spaces and hyphens."""
    if not isinstance(name, str):
        return None
    return _EQUIPMENT_INDEX.get(_equipment_key(name))


def _is_case_sensitive(alias: str) -> bool:
    # Short all-capital acronyms ("EW", "MG", "SAM", "VAB") collide with ordinary words when
    # case is ignored; reports written wholly in capitals still match them.
    return len(alias) <= 4 and alias.isalpha() and alias.isupper()


def _alias_pattern(alias: str) -> str:
    parts: list[str] = []
    previous = ""
    for ch in alias:
        if ch in "- ":
            parts.append(r"[-\s]?")
        else:
            # "T72", "T 72" and "T-72" are all written in the field.
            if previous.isalpha() and ch.isdigit():
                parts.append(r"[-\s]?")
            parts.append(re.escape(ch))
        previous = ch
    body = "".join(parts)
    return body if _is_case_sensitive(alias) else f"(?i:{body})"


def _compile_equipment_pattern(items: tuple[Equipment, ...]) -> re.Pattern[str]:
    aliases = sorted({name for item in items for name in item.names}, key=lambda a: (-len(a), a))
    alternatives = "|".join(_alias_pattern(a) for a in aliases)
    # A quantity prefix glued to the name ("2xT-72") is common shorthand, so "x" after a digit
    # counts as a boundary.
    return re.compile(rf"(?:(?<=\d[xX])|(?<!\w))(?:{alternatives})(?:s(?!\w)|(?!\w))")


_EQUIPMENT_PATTERN = _compile_equipment_pattern(EQUIPMENT)


def match_equipment(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping equipment mentions as (start, end, canonical name), in text order."""
    if not isinstance(text, str):
        return []
    found: list[tuple[int, int, str]] = []
    for match in _EQUIPMENT_PATTERN.finditer(text):
        surface = match.group(0)
        item = _EQUIPMENT_INDEX.get(_equipment_key(surface))
        if item is None and surface[-1:] in "sS":
            item = _EQUIPMENT_INDEX.get(_equipment_key(surface[:-1]))
        if item is not None:
            found.append((match.start(), match.end(), item.canonical))
    return found
