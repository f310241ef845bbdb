"""Open-source and official registers for the synthetic corpus: situations, frames and world vocabularies in EN/FR/DE.

The field-report phrasebook (`models.recipe.phrasebook`) only knows terse reports from the Luxembourg
theatre. This module adds the other material a defence ministry's intelligence cell reads: wire copy,
ministry and general-staff statements, inspectorate findings, CERT advisories, NOTAMs and GNSS notices,
UN/NGO humanitarian updates, army press releases, weather warnings, analyses, relayed social-media posts,
and field reports of our own forces in other theatres (Baltics, Poland, Romania, Sahel, Red Sea, Balkans,
Iraq). `models.recipe.registers_extra` adds eleven more registers, merged at the end of this module: live
tickers, parliamentary answers, municipal notices, operator notices, maritime bulletins, fact-checks,
interviews, embassy advice, think-tank papers, intercept summaries, sanctions and court notices. All text
is original; events are invented, place and equipment names are real.

Labelling policy (the same as tests/eval/AUTHORING_OSINT.md)
- The category is what the item is about, not the words it contains: an exercise is `routine` whatever
  its scenario; a strike that hit something is `attack`, its consequence (power cut, destroyed bridge) is
  `logistics_infrastructure`, civilians hurt or displaced in a humanitarian update are
  `civil_humanitarian`; interceptions, alerts and airspace closures are `air_activity`; GNSS
  interference and jamming are `cyber_ew`.
- FLASH only when our own forces or territory are under attack now or an attack on them is minutes
  away (contact, inbound missiles or drones, CBRN release now): only in `os_field_*` situations.
- IMMEDIATE: a strike on our own forces that has just ended, an enemy force closing on our forces, an
  attack on our own networks under way, a suspected CBRN release near our forces, an attack happening
  now in the theatre relayed by a channel or named as still going on in a statement.
- PRIORITY: accounts of events that are over (hours to months ago), findings, statements, advisories,
  humanitarian updates, warnings, airspace notices with operational impact, trials.
- ROUTINE: ceremonies, oaths, changes of command, appointments, visits, announced or completed
  exercises, recruitment, procurement, museums, anniversaries, ordinary weather, background and history,
  periodic humanitarian figures.

Contents
- `REGISTER_SITUATIONS`: `phrasebook.Situation`s keyed `os_<register>_<name>` (the register in the key is
  the situation's home register; `SITUATION_REGISTERS` lists every register whose frames suit it).
- `REGISTER_FRAMES[register][lang]`: layouts that carry `{event}` or `{Event}` (capitalised).
- `SITUATION_THEATRES[key]`: the theatres a situation's places are drawn from.
- World vocabularies: `WORLD_PLACES` ((en, fr, de) names), `WORLD_EQUIPMENT` ((kind, lang, name)),
  `AGENCIES` ((kind, lang, name)), `DATES_PAST` (per language) and the other `w_` slot pools.

Template syntax (as in the phrasebook; corpus.py's `_ReportBuilder.expand` reads it): `{slot}`, `[a|b|c]`
(one alternative) and, in frames only, `<<...>>` (optional part). Literal square brackets are impossible
in templates; where a layout needs them (social tags) a `w_` slot supplies them. Phrases use these corpus
slots only: {qty} {n} {n2} {k} {k2} {dtg} {time} {unit} {unit2} {eunit} {person} {org} {cert} {dir} {cas}
{exname} {who} {from} {when} {close} {header} {addon} {Addon} {event} {Event} and the eq_* slots (see
`CORPUS_SLOTS`). They never use {loc} {loc2} {road} {river} {bridge} {area} {airfield} {grid} {where}
{police}: those are Luxembourg places.

`w_` slots (this module fills them; see `fill`). Entity labels:
    LOCATION  w_city w_dl w_region w_in_region w_country w_in_country w_the_country w_de_country w_near_city
              w_de_city w_sea w_in_sea w_river w_on_river w_island w_near_island w_base w_at_base w_fir
              (only the place name inside the value, e.g. "Riga" in "Riga FIR (EVRR)")
              w_mission (only the place inside, e.g. "Lithuania" in "eFP Lithuania"; most have none)
    EQUIPMENT w_drones w_a_drone w_recon_uav w_missiles w_a_missile w_jets w_jets_own w_helis w_ad w_ad_enemy
              w_arty w_armour w_ships w_a_ship w_own_ship w_ew w_proc w_museum_eq w_trucks
              (the article in w_a_drone, w_a_missile, w_a_ship, w_own_ship, w_museum_eq is outside the span)
    DTG       w_utc ("0600Z")
    QUANTITY  w_num w_big
    PERSON    w_officer (rank and name; a French article stays outside)
    ORG       w_mod w_mod_h w_army w_army_h w_airforce w_cw_body w_nuc_body w_cert_body w_cert_h w_un_body
              w_un_h w_met_body w_think w_wire (articles outside the span; drop the label if ORG is unwanted)
    none      w_date w_date_old w_date_future w_dateline w_year w_years w_anniv w_local_time w_official
              w_channel w_tag w_tlp w_cve w_product w_sector w_actor w_coord w_radius w_alt w_notam_id
              w_notam_from w_notam_to w_fir_code w_pct w_wind w_snow w_rain w_temp w_heat w_wx_level
              w_exname_alarm w_bg w_stmt_filler w_hum_filler w_adv_filler w_since w_docno
Slot-name forms: a trailing digit draws a second, different value from the same pool ({w_city2},
{w_fir3}); an upper-case first letter after `w_` capitalises the value ({w_Mod}); an all-upper-case name
upper-cases it ({w_DL}, {w_FIR}); `w_de_<pool>` puts French "de "/"d'" (elided), English "of ", German
"von " before the value ({w_de_missiles} -> "d'Iskander-M"). German agency, product and article-bearing
equipment values are nominative (or accusative of feminine/neuter nouns): German phrases use them only as
subjects or direct objects. Values are theatre-aware: `new_state` picks one theatre per report (from
`SITUATION_THEATRES`), places, FIRs, coordinates, missions, Russian or Middle-East kit and temperatures are
drawn from it, and two slots of one report never name the same place unless they are the same slot.
{w_fir_code} gives the ICAO code of the first FIR drawn; {w_notam_to} comes after {w_notam_from}.

Wiring into corpus._one (a sketch; `SlotState` lives for one report):
    state = registers.new_state(situation.key, rng)
    for name in registers.w_slot_names():
        builder.slots[name] = lambda name=name: [corpus._Seg(t, lab) for t, lab in
                                                  registers.fill(name, lang, rng, state, split)]
    builder.event = builder.expand(rng.choice(situation.phrases[lang]))
    register = rng.choice(registers.SITUATION_REGISTERS[situation.key])
    segs = builder.expand(rng.choice(registers.REGISTER_FRAMES[register][lang]))
tests/unit/models/test_registers.py does exactly this for every phrase (test_every_template_expands...).
`fill(..., split="eval")` keeps one place in six (per pool) for evaluation only, as corpus.py does with towns.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache, partial

from models.recipe import registers_extra as _extra
from models.recipe.phrasebook import MONTH_NAMES, Situation

Lang = str
LANGS: tuple[Lang, ...] = ("en", "fr", "de")

REGISTERS: tuple[str, ...] = (
    "wire",
    "statement",
    "finding",
    "advisory",
    "notam",
    "humanitarian",
    "press_release",
    "weather",
    "analysis",
    "social",
    "field_abroad",
    *_extra.REGISTERS,
)
THEATRES: tuple[str, ...] = (
    "ukraine",
    "baltics",
    "poland",
    "romania",
    "sahel",
    "red_sea",
    "balkans",
    "iraq",
    "western",
)
FIELD_THEATRES: tuple[str, ...] = ("baltics", "poland", "romania", "sahel", "red_sea", "balkans", "iraq")

# Corpus slots that register templates may use (all are world-agnostic); every other non-`w_` slot of
# corpus.py names a Luxembourg place or belongs to the SALUTE/SPOT layouts.
CORPUS_SLOTS: frozenset[str] = frozenset(
    {
        "qty",
        "n",
        "n2",
        "k",
        "k2",
        "dtg",
        "time",
        "unit",
        "unit2",
        "eunit",
        "person",
        "org",
        "cert",
        "dir",
        "cas",
        "exname",
        "who",
        "from",
        "when",
        "close",
        "header",
        "addon",
        "Addon",
        "event",
        "Event",
        "eq_armour",
        "eq_light",
        "eq_veh",
        "eq_arty",
        "eq_atgm",
        "eq_missile",
        "eq_uav",
        "eq_air",
        "eq_ew",
        "eq_friendly",
    }
)

# ============================================================================================ places
# Names may list spelling variants separated by "|" (one is drawn). In the "in/near" forms, ⟦...⟧ marks the
# part that is the entity; the rest is plain text.

_CITIES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "ukraine": (
        ("Kyiv", "Kiev|Kyiv", "Kiew|Kyjiw"),
        ("Kharkiv|Kharkov", "Kharkiv|Kharkov", "Charkiw|Charkow"),
        ("Odesa|Odessa", "Odessa", "Odessa"),
        ("Lviv", "Lviv|Lvov", "Lwiw|Lemberg"),
        ("Dnipro", "Dnipro", "Dnipro"),
        ("Zaporizhzhia", "Zaporijjia|Zaporijia", "Saporischschja"),
        ("Kherson", "Kherson", "Cherson"),
        ("Mykolaiv", "Mykolaïv", "Mykolajiw"),
        ("Sumy", "Soumy", "Sumy"),
        ("Chernihiv", "Tchernihiv", "Tschernihiw"),
        ("Poltava", "Poltava", "Poltawa"),
        ("Kryvyi Rih", "Kryvyï Rih", "Krywyj Rih"),
        ("Vinnytsia", "Vinnytsia", "Winnyzja"),
        ("Izmail", "Izmaïl", "Ismajil"),
        ("Kramatorsk", "Kramatorsk", "Kramatorsk"),
        ("Sloviansk", "Sloviansk", "Slowjansk"),
        ("Pokrovsk", "Pokrovsk", "Pokrowsk"),
        ("Kupiansk", "Koupiansk", "Kupjansk"),
        ("Kostiantynivka", "Kostiantynivka", "Kostjantyniwka"),
        ("Uzhhorod", "Oujhorod", "Uschhorod"),
        ("Chernivtsi", "Tchernivtsi", "Czernowitz|Tscherniwzi"),
        ("Ivano-Frankivsk", "Ivano-Frankivsk", "Iwano-Frankiwsk"),
        ("Rivne", "Rivne", "Riwne"),
        ("Lutsk", "Loutsk", "Luzk"),
        ("Zhytomyr", "Jytomyr", "Schytomyr"),
        ("Kremenchuk", "Krementchouk", "Krementschuk"),
        ("Bila Tserkva", "Bila Tserkva", "Bila Zerkwa"),
        ("Enerhodar", "Enerhodar", "Enerhodar"),
        ("Nikopol", "Nikopol", "Nikopol"),
        ("Belgorod", "Belgorod", "Belgorod"),
        ("Kursk", "Koursk", "Kursk"),
        ("Bryansk", "Briansk", "Brjansk"),
        ("Rostov-on-Don", "Rostov-sur-le-Don", "Rostow am Don"),
        ("Voronezh", "Voronej", "Woronesch"),
        ("Novorossiysk", "Novorossiisk", "Noworossijsk"),
        ("Sevastopol", "Sébastopol", "Sewastopol"),
        ("Kerch", "Kertch", "Kertsch"),
        ("Taganrog", "Taganrog", "Taganrog"),
        ("Moscow", "Moscou", "Moskau"),
        ("Donetsk", "Donetsk", "Donezk"),
        ("Luhansk", "Louhansk", "Luhansk"),
        ("Mariupol", "Marioupol", "Mariupol"),
        ("Melitopol", "Melitopol", "Melitopol"),
        ("Berdiansk", "Berdiansk", "Berdjansk"),
    ),
    "baltics": (
        ("Vilnius", "Vilnius", "Vilnius|Wilna"),
        ("Kaunas", "Kaunas", "Kaunas"),
        ("Klaipėda|Klaipeda", "Klaipėda", "Klaipėda|Memel"),
        ("Šiauliai|Siauliai", "Šiauliai", "Šiauliai|Schaulen"),
        ("Rukla", "Rukla", "Rukla"),
        ("Pabradė|Pabrade", "Pabradė", "Pabradė"),
        ("Riga", "Riga", "Riga"),
        ("Daugavpils", "Daugavpils", "Daugavpils|Dünaburg"),
        ("Rēzekne|Rezekne", "Rēzekne", "Rēzekne"),
        ("Ādaži|Adazi", "Ādaži", "Ādaži"),
        ("Liepāja|Liepaja", "Liepāja", "Liepāja|Libau"),
        ("Tallinn", "Tallinn", "Tallinn|Reval"),
        ("Tapa", "Tapa", "Tapa"),
        ("Narva", "Narva", "Narva"),
        ("Tartu", "Tartu", "Tartu|Dorpat"),
        ("Pärnu", "Pärnu", "Pärnu"),
        ("Kaliningrad", "Kaliningrad", "Kaliningrad|Königsberg"),
        ("Baltiysk", "Baltiïsk", "Baltijsk"),
        ("Minsk", "Minsk", "Minsk"),
        ("Grodno|Hrodna", "Grodno", "Grodno|Hrodna"),
        ("Vitebsk", "Vitebsk", "Witebsk"),
        ("Pskov", "Pskov", "Pskow"),
        ("Saint Petersburg", "Saint-Pétersbourg", "Sankt Petersburg"),
    ),
    "poland": (
        ("Warsaw", "Varsovie", "Warschau"),
        ("Rzeszów|Rzeszow", "Rzeszów", "Rzeszów"),
        ("Lublin", "Lublin", "Lublin"),
        ("Białystok|Bialystok", "Białystok", "Białystok|Bialystok"),
        ("Przemyśl|Przemysl", "Przemyśl", "Przemyśl"),
        ("Suwałki|Suwalki", "Suwałki", "Suwałki"),
        ("Gdańsk|Gdansk", "Gdańsk|Dantzig", "Danzig|Gdańsk"),
        ("Kraków|Krakow", "Cracovie", "Krakau"),
        ("Wrocław|Wroclaw", "Wrocław", "Breslau|Wrocław"),
        ("Poznań|Poznan", "Poznań", "Posen|Poznań"),
        ("Łódź|Lodz", "Łódź", "Lodz|Łódź"),
        ("Hrubieszów", "Hrubieszów", "Hrubieszów"),
        ("Chełm|Chelm", "Chełm", "Chełm|Cholm"),
        ("Terespol", "Terespol", "Terespol"),
        ("Zamość|Zamosc", "Zamość", "Zamość"),
        ("Olsztyn", "Olsztyn", "Allenstein|Olsztyn"),
        ("Bydgoszcz", "Bydgoszcz", "Bromberg|Bydgoszcz"),
        ("Szczecin", "Szczecin", "Stettin"),
        ("Brest", "Brest-Litovsk", "Brest"),
    ),
    "romania": (
        ("Bucharest", "Bucarest", "Bukarest"),
        ("Constanța|Constanta", "Constanța|Constanta", "Constanța|Konstanza"),
        ("Galați|Galati", "Galați", "Galați|Galatz"),
        ("Tulcea", "Tulcea", "Tulcea"),
        ("Brăila|Braila", "Brăila", "Brăila"),
        ("Iași|Iasi", "Iași", "Iași|Jassy"),
        ("Cluj-Napoca", "Cluj-Napoca", "Cluj-Napoca|Klausenburg"),
        ("Sulina", "Sulina", "Sulina"),
        ("Isaccea", "Isaccea", "Isaccea"),
        ("Plauru", "Plauru", "Plauru"),
        ("Chișinău|Chisinau", "Chișinău|Chisinau", "Chișinău|Kischinau"),
        ("Bălți|Balti", "Bălți", "Bălți|Belz"),
        ("Tiraspol", "Tiraspol", "Tiraspol"),
        ("Varna", "Varna", "Warna"),
        ("Burgas", "Bourgas", "Burgas"),
        ("Mangalia", "Mangalia", "Mangalia"),
        ("Reni", "Reni", "Reni"),
    ),
    "sahel": (
        ("Bamako", "Bamako", "Bamako"),
        ("Gao", "Gao", "Gao"),
        ("Timbuktu", "Tombouctou", "Timbuktu"),
        ("Mopti", "Mopti", "Mopti"),
        ("Ménaka|Menaka", "Ménaka", "Ménaka"),
        ("Kidal", "Kidal", "Kidal"),
        ("Niamey", "Niamey", "Niamey"),
        ("Agadez", "Agadez", "Agadez"),
        ("Tillabéri|Tillaberi", "Tillabéri", "Tillabéri"),
        ("Ouallam", "Ouallam", "Ouallam"),
        ("Ouagadougou", "Ouagadougou", "Ouagadougou"),
        ("Djibo", "Djibo", "Djibo"),
        ("Dori", "Dori", "Dori"),
        ("Kaya", "Kaya", "Kaya"),
        ("N'Djamena", "N'Djamena", "N'Djamena"),
        ("Abéché|Abeche", "Abéché", "Abéché"),
        ("Nouakchott", "Nouakchott", "Nouakchott"),
        ("Ansongo", "Ansongo", "Ansongo"),
        ("Tessalit", "Tessalit", "Tessalit"),
        ("Douentza", "Douentza", "Douentza"),
    ),
    "red_sea": (
        ("Hodeidah", "Hodeïda", "Hodeida"),
        ("Sanaa", "Sanaa", "Sanaa"),
        ("Aden", "Aden", "Aden"),
        ("Mokha|Mocha", "Moka", "Mokka|Mokha"),
        ("Djibouti", "Djibouti", "Dschibuti"),
        ("Port Sudan", "Port-Soudan", "Port Sudan"),
        ("Jeddah", "Djeddah", "Dschidda"),
        ("Massawa", "Massaoua", "Massawa"),
        ("Eilat", "Eilat", "Eilat"),
        ("Assab", "Assab", "Assab"),
        ("Berbera", "Berbera", "Berbera"),
        ("Suez", "Suez", "Sues|Suez"),
        ("Salif", "Salif", "Salif"),
        ("Ras Isa", "Ras Issa", "Ras Isa"),
        ("Taiz", "Taëz", "Tais"),
        ("Marib", "Marib", "Marib"),
        ("Mukalla", "Moukalla", "Mukalla"),
    ),
    "balkans": (
        ("Pristina", "Pristina", "Pristina|Priština"),
        ("Mitrovica", "Mitrovica", "Mitrovica"),
        ("Zvečan|Zvecan", "Zvečan", "Zvečan"),
        ("Leposavić|Leposavic", "Leposavić", "Leposavić"),
        ("Jarinje", "Jarinje", "Jarinje"),
        ("Gjilan", "Gjilan", "Gjilan|Gnjilane"),
        ("Prizren", "Prizren", "Prizren"),
        ("Peja|Peć", "Peja", "Peja|Peć"),
        ("Belgrade", "Belgrade", "Belgrad"),
        ("Sarajevo", "Sarajevo", "Sarajevo"),
        ("Banja Luka", "Banja Luka", "Banja Luka"),
        ("Mostar", "Mostar", "Mostar"),
        ("Tuzla", "Tuzla", "Tuzla"),
        ("Skopje", "Skopje", "Skopje"),
        ("Podgorica", "Podgorica", "Podgorica"),
        ("Novi Pazar", "Novi Pazar", "Novi Pazar"),
        ("Raška|Raska", "Raška", "Raška"),
        ("Brčko|Brcko", "Brčko", "Brčko"),
    ),
    "iraq": (
        ("Baghdad", "Bagdad", "Bagdad"),
        ("Erbil", "Erbil", "Erbil"),
        ("Mosul", "Mossoul", "Mossul"),
        ("Kirkuk", "Kirkouk", "Kirkuk"),
        ("Basra", "Bassora", "Basra"),
        ("Sulaymaniyah", "Souleimaniye", "Sulaimaniyya"),
        ("Tikrit", "Tikrit", "Tikrit"),
        ("Ramadi", "Ramadi", "Ramadi"),
        ("Fallujah", "Falloujah", "Falludscha"),
        ("Al-Qaim|Al Qaim", "Al-Qaïm", "al-Qaim"),
        ("Deir ez-Zor", "Deir ez-Zor", "Deir ez-Zor"),
        ("Hasakah", "Hassaké", "Hasaka"),
        ("Qamishli", "Qamichli", "Qamischli"),
        ("Duhok|Dohuk", "Dohuk", "Dohuk"),
        ("Sinjar", "Sinjar", "Sindschar"),
        ("Amman", "Amman", "Amman"),
    ),
    "western": (
        ("Berlin", "Berlin", "Berlin"),
        ("Cologne", "Cologne", "Köln"),
        ("Mainz", "Mayence", "Mainz"),
        ("Munich", "Munich", "München"),
        ("Hamburg", "Hambourg", "Hamburg"),
        ("Leipzig", "Leipzig", "Leipzig"),
        ("Frankfurt", "Francfort", "Frankfurt"),
        ("Paris", "Paris", "Paris"),
        ("Lyon", "Lyon", "Lyon"),
        ("Marseille", "Marseille", "Marseille"),
        ("Strasbourg", "Strasbourg", "Straßburg"),
        ("Brussels", "Bruxelles", "Brüssel"),
        ("Antwerp", "Anvers", "Antwerpen"),
        ("The Hague", "La Haye", "Den Haag"),
        ("Rotterdam", "Rotterdam", "Rotterdam"),
        ("London", "Londres", "London"),
        ("Vienna", "Vienne", "Wien"),
        ("Prague", "Prague", "Prag"),
        ("Koblenz", "Coblence", "Koblenz"),
        ("Trier", "Trèves", "Trier"),
        ("Metz", "Metz", "Metz"),
        ("Aachen", "Aix-la-Chapelle", "Aachen"),
        ("Münster|Munster", "Münster", "Münster"),
        ("Dresden", "Dresde", "Dresden"),
        ("Lille", "Lille", "Lille|Ryssel"),
        ("Verdun", "Verdun", "Verdun"),
    ),
}

# Regions named with a region word ("the Kharkiv region", "la région de Kharkiv", "das Gebiet Charkiw").
_REGIONS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "ukraine": (
        ("Kharkiv", "Kharkiv", "Charkiw"),
        ("Donetsk", "Donetsk", "Donezk"),
        ("Luhansk", "Louhansk", "Luhansk"),
        ("Zaporizhzhia", "Zaporijjia", "Saporischschja"),
        ("Kherson", "Kherson", "Cherson"),
        ("Sumy", "Soumy", "Sumy"),
        ("Dnipropetrovsk", "Dnipropetrovsk", "Dnipropetrowsk"),
        ("Odesa", "Odessa", "Odessa"),
        ("Mykolaiv", "Mykolaïv", "Mykolajiw"),
        ("Chernihiv", "Tchernihiv", "Tschernihiw"),
        ("Poltava", "Poltava", "Poltawa"),
        ("Kursk", "Koursk", "Kursk"),
        ("Belgorod", "Belgorod", "Belgorod"),
        ("Bryansk", "Briansk", "Brjansk"),
    ),
    "baltics": (
        ("Vitebsk", "Vitebsk", "Witebsk"),
        ("Grodno", "Grodno", "Grodno"),
        ("Pskov", "Pskov", "Pskow"),
        ("Kaliningrad", "Kaliningrad", "Kaliningrad"),
        ("Ida-Viru", "Ida-Viru", "Ida-Viru"),
    ),
    "poland": (("Lublin", "Lublin", "Lublin"), ("Podlaskie", "Podlachie", "Podlachien"), ("Brest", "Brest", "Brest")),
    "romania": (
        ("Tulcea", "Tulcea", "Tulcea"),
        ("Constanța", "Constanța", "Constanța"),
        ("Galați", "Galați", "Galați"),
        ("Odesa", "Odessa", "Odessa"),
    ),
    "sahel": (
        ("Ménaka", "Ménaka", "Ménaka"),
        ("Tillabéri", "Tillabéri", "Tillabéri"),
        ("Gao", "Gao", "Gao"),
        ("Mopti", "Mopti", "Mopti"),
        ("Timbuktu", "Tombouctou", "Timbuktu"),
        ("Sahel", "Sahel", "Sahel"),
    ),
    "red_sea": (
        ("Hodeidah", "Hodeïda", "Hodeida"),
        ("Taiz", "Taëz", "Tais"),
        ("Marib", "Marib", "Marib"),
        ("Red Sea", "mer Rouge", "Rotes Meer"),
    ),
    "balkans": (("Mitrovica", "Mitrovica", "Mitrovica"), ("Raška", "Raška", "Raška"), ("Pčinja", "Pčinja", "Pčinja")),
    "iraq": (
        ("Anbar", "Anbar", "Anbar"),
        ("Nineveh", "Ninive", "Ninawa"),
        ("Diyala", "Diyala", "Diyala"),
        ("Salahuddin", "Salah ad-Din", "Salah ad-Din"),
        ("Kirkuk", "Kirkouk", "Kirkuk"),
        ("Deir ez-Zor", "Deir ez-Zor", "Deir ez-Zor"),
    ),
    "western": (),
}

# Regions used as names on their own, with their "in" forms: (en, fr, de, en_in, fr_in, de_in).
_NAMED_REGIONS: dict[str, tuple[tuple[str, str, str, str, str, str], ...]] = {
    "ukraine": (
        ("Donbas", "Donbass", "Donbass", "in the ⟦Donbas⟧", "dans le ⟦Donbass⟧", "im ⟦Donbass⟧"),
        ("Crimea", "Crimée", "Krim", "in ⟦Crimea⟧", "en ⟦Crimée⟧", "auf der ⟦Krim⟧"),
        (
            "Kinburn Spit",
            "flèche de Kinbourn",
            "Kinburn-Nehrung",
            "on the ⟦Kinburn Spit⟧",
            "sur la ⟦flèche de Kinbourn⟧",
            "auf der ⟦Kinburn-Nehrung⟧",
        ),
    ),
    "baltics": (
        ("Latgale", "Latgale", "Lettgallen", "in ⟦Latgale⟧", "en ⟦Latgale⟧", "in ⟦Lettgallen⟧"),
        ("Courland", "Courlande", "Kurland", "in ⟦Courland⟧", "en ⟦Courlande⟧", "in ⟦Kurland⟧"),
    ),
    "poland": (
        (
            "Suwałki Gap",
            "trouée de Suwałki",
            "Suwałki-Lücke",
            "in the ⟦Suwałki Gap⟧",
            "dans la ⟦trouée de Suwałki⟧",
            "in der ⟦Suwałki-Lücke⟧",
        ),
        ("Masuria", "Mazurie", "Masuren", "in ⟦Masuria⟧", "en ⟦Mazurie⟧", "in ⟦Masuren⟧"),
        (
            "Subcarpathia",
            "Basses-Carpates",
            "Karpatenvorland",
            "in ⟦Subcarpathia⟧",
            "dans les ⟦Basses-Carpates⟧",
            "im ⟦Karpatenvorland⟧",
        ),
    ),
    "romania": (
        ("Dobruja", "Dobroudja", "Dobrudscha", "in ⟦Dobruja⟧", "en ⟦Dobroudja⟧", "in der ⟦Dobrudscha⟧"),
        (
            "Danube Delta",
            "delta du Danube",
            "Donaudelta",
            "in the ⟦Danube Delta⟧",
            "dans le ⟦delta du Danube⟧",
            "im ⟦Donaudelta⟧",
        ),
        (
            "Transnistria",
            "Transnistrie",
            "Transnistrien",
            "in ⟦Transnistria⟧",
            "en ⟦Transnistrie⟧",
            "in ⟦Transnistrien⟧",
        ),
    ),
    "sahel": (
        (
            "Liptako-Gourma",
            "Liptako-Gourma",
            "Liptako-Gourma",
            "in ⟦Liptako-Gourma⟧",
            "dans le ⟦Liptako-Gourma⟧",
            "im ⟦Liptako-Gourma⟧",
        ),
        ("Sahel", "Sahel", "Sahel", "in the ⟦Sahel⟧", "au ⟦Sahel⟧", "im ⟦Sahel⟧"),
    ),
    "red_sea": (
        (
            "Tihama",
            "Tihama",
            "Tihama",
            "in the ⟦Tihama⟧ plain",
            "dans la plaine de la ⟦Tihama⟧",
            "in der ⟦Tihama⟧-Ebene",
        ),
    ),
    "balkans": (
        ("Sandžak", "Sandjak", "Sandschak", "in ⟦Sandžak⟧", "dans le ⟦Sandjak⟧", "im ⟦Sandschak⟧"),
        (
            "Preševo Valley",
            "vallée de Preševo",
            "Preševo-Tal",
            "in the ⟦Preševo Valley⟧",
            "dans la ⟦vallée de Preševo⟧",
            "im ⟦Preševo-Tal⟧",
        ),
    ),
    "iraq": (
        (
            "Kurdistan Region",
            "Kurdistan irakien",
            "Kurdistan",
            "in the ⟦Kurdistan Region⟧",
            "au ⟦Kurdistan irakien⟧",
            "in ⟦Kurdistan⟧",
        ),
        (
            "Nineveh Plains",
            "plaine de Ninive",
            "Ninive-Ebene",
            "on the ⟦Nineveh Plains⟧",
            "dans la ⟦plaine de Ninive⟧",
            "in der ⟦Ninive-Ebene⟧",
        ),
    ),
    "western": (
        ("Bavaria", "Bavière", "Bayern", "in ⟦Bavaria⟧", "en ⟦Bavière⟧", "in ⟦Bayern⟧"),
        (
            "Rhineland-Palatinate",
            "Rhénanie-Palatinat",
            "Rheinland-Pfalz",
            "in ⟦Rhineland-Palatinate⟧",
            "en ⟦Rhénanie-Palatinat⟧",
            "in ⟦Rheinland-Pfalz⟧",
        ),
        ("Saxony", "Saxe", "Sachsen", "in ⟦Saxony⟧", "en ⟦Saxe⟧", "in ⟦Sachsen⟧"),
        ("Lorraine", "Lorraine", "Lothringen", "in ⟦Lorraine⟧", "en ⟦Lorraine⟧", "in ⟦Lothringen⟧"),
        ("Alsace", "Alsace", "Elsass", "in ⟦Alsace⟧", "en ⟦Alsace⟧", "im ⟦Elsass⟧"),
        ("Brittany", "Bretagne", "Bretagne", "in ⟦Brittany⟧", "en ⟦Bretagne⟧", "in der ⟦Bretagne⟧"),
        ("Flanders", "Flandre", "Flandern", "in ⟦Flanders⟧", "en ⟦Flandre⟧", "in ⟦Flandern⟧"),
        ("Eifel", "Eifel", "Eifel", "in the ⟦Eifel⟧", "dans l'⟦Eifel⟧", "in der ⟦Eifel⟧"),
    ),
}

# Countries: (en, fr, de, French article "la"/"le"/"l'"/"les", German article ""/"die"/"der").
_COUNTRIES: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "ukraine": (
        ("Ukraine", "Ukraine", "Ukraine", "l'", "die"),
        ("Russia", "Russie", "Russland", "la", ""),
        ("Belarus", "Biélorussie", "Belarus", "la", ""),
    ),
    "baltics": (
        ("Lithuania", "Lituanie", "Litauen", "la", ""),
        ("Latvia", "Lettonie", "Lettland", "la", ""),
        ("Estonia", "Estonie", "Estland", "l'", ""),
        ("Belarus", "Biélorussie", "Belarus", "la", ""),
        ("Russia", "Russie", "Russland", "la", ""),
        ("Finland", "Finlande", "Finnland", "la", ""),
    ),
    "poland": (
        ("Poland", "Pologne", "Polen", "la", ""),
        ("Belarus", "Biélorussie", "Belarus", "la", ""),
        ("Ukraine", "Ukraine", "Ukraine", "l'", "die"),
        ("Lithuania", "Lituanie", "Litauen", "la", ""),
    ),
    "romania": (
        ("Romania", "Roumanie", "Rumänien", "la", ""),
        ("Moldova", "Moldavie", "Republik Moldau", "la", "die"),
        ("Bulgaria", "Bulgarie", "Bulgarien", "la", ""),
        ("Ukraine", "Ukraine", "Ukraine", "l'", "die"),
    ),
    "sahel": (
        ("Mali", "Mali", "Mali", "le", ""),
        ("Niger", "Niger", "Niger", "le", "der"),
        ("Burkina Faso", "Burkina Faso", "Burkina Faso", "le", ""),
        ("Chad", "Tchad", "Tschad", "le", "der"),
        ("Mauritania", "Mauritanie", "Mauretanien", "la", ""),
    ),
    "red_sea": (
        ("Yemen", "Yémen", "Jemen", "le", "der"),
        ("Djibouti", "Djibouti", "Dschibuti", "le", ""),
        ("Eritrea", "Érythrée", "Eritrea", "l'", ""),
        ("Egypt", "Égypte", "Ägypten", "l'", ""),
        ("Saudi Arabia", "Arabie saoudite", "Saudi-Arabien", "l'", ""),
        ("Sudan", "Soudan", "Sudan", "le", "der"),
    ),
    "balkans": (
        ("Kosovo", "Kosovo", "Kosovo", "le", "der"),
        ("Serbia", "Serbie", "Serbien", "la", ""),
        ("Bosnia and Herzegovina", "Bosnie-Herzégovine", "Bosnien und Herzegowina", "la", ""),
        ("North Macedonia", "Macédoine du Nord", "Nordmazedonien", "la", ""),
        ("Montenegro", "Monténégro", "Montenegro", "le", ""),
    ),
    "iraq": (
        ("Iraq", "Irak", "Irak", "l'", "der"),
        ("Syria", "Syrie", "Syrien", "la", ""),
        ("Jordan", "Jordanie", "Jordanien", "la", ""),
        ("Iran", "Iran", "Iran", "l'", "der"),
        ("Kuwait", "Koweït", "Kuwait", "le", ""),
    ),
    "western": (
        ("Germany", "Allemagne", "Deutschland", "l'", ""),
        ("France", "France", "Frankreich", "la", ""),
        ("Belgium", "Belgique", "Belgien", "la", ""),
        ("Austria", "Autriche", "Österreich", "l'", ""),
        ("Czech Republic", "République tchèque", "Tschechien", "la", ""),
        ("Luxembourg", "Luxembourg", "Luxemburg", "le", ""),
    ),
}

# Seas, gulfs, straits: (en, fr, de, en_in, fr_in, de_in).
_SEAS: dict[str, tuple[tuple[str, str, str, str, str, str], ...]] = {
    "ukraine": (
        ("Black Sea", "mer Noire", "Schwarzes Meer", "in the ⟦Black Sea⟧", "en ⟦mer Noire⟧", "im ⟦Schwarzen Meer⟧"),
        (
            "Sea of Azov",
            "mer d'Azov",
            "Asowsches Meer",
            "in the ⟦Sea of Azov⟧",
            "en ⟦mer d'Azov⟧",
            "im ⟦Asowschen Meer⟧",
        ),
        (
            "Kerch Strait",
            "détroit de Kertch",
            "Straße von Kertsch",
            "in the ⟦Kerch Strait⟧",
            "dans le ⟦détroit de Kertch⟧",
            "in der ⟦Straße von Kertsch⟧",
        ),
    ),
    "baltics": (
        ("Baltic Sea", "mer Baltique", "Ostsee", "in the ⟦Baltic Sea⟧", "en ⟦mer Baltique⟧", "in der ⟦Ostsee⟧"),
        (
            "Gulf of Finland",
            "golfe de Finlande",
            "Finnischer Meerbusen",
            "in the ⟦Gulf of Finland⟧",
            "dans le ⟦golfe de Finlande⟧",
            "im ⟦Finnischen Meerbusen⟧",
        ),
        (
            "Gulf of Riga",
            "golfe de Riga",
            "Rigaer Bucht",
            "in the ⟦Gulf of Riga⟧",
            "dans le ⟦golfe de Riga⟧",
            "in der ⟦Rigaer Bucht⟧",
        ),
    ),
    "poland": (
        ("Baltic Sea", "mer Baltique", "Ostsee", "in the ⟦Baltic⟧", "dans la ⟦Baltique⟧", "in der ⟦Ostsee⟧"),
        (
            "Bay of Gdańsk",
            "baie de Gdańsk",
            "Danziger Bucht",
            "in the ⟦Bay of Gdańsk⟧",
            "dans la ⟦baie de Gdańsk⟧",
            "in der ⟦Danziger Bucht⟧",
        ),
    ),
    "romania": (
        ("Black Sea", "mer Noire", "Schwarzes Meer", "in the ⟦Black Sea⟧", "en ⟦mer Noire⟧", "im ⟦Schwarzen Meer⟧"),
    ),
    "sahel": (),
    "red_sea": (
        ("Red Sea", "mer Rouge", "Rotes Meer", "in the ⟦Red Sea⟧", "en ⟦mer Rouge⟧", "im ⟦Roten Meer⟧"),
        (
            "Gulf of Aden",
            "golfe d'Aden",
            "Golf von Aden",
            "in the ⟦Gulf of Aden⟧",
            "dans le ⟦golfe d'Aden⟧",
            "im ⟦Golf von Aden⟧",
        ),
        (
            "Bab el-Mandeb",
            "Bab el-Mandeb",
            "Bab al-Mandab",
            "in the ⟦Bab el-Mandeb⟧ strait",
            "dans le détroit de ⟦Bab el-Mandeb⟧",
            "in der Meerenge ⟦Bab al-Mandab⟧",
        ),
        (
            "Arabian Sea",
            "mer d'Arabie",
            "Arabisches Meer",
            "in the ⟦Arabian Sea⟧",
            "en ⟦mer d'Arabie⟧",
            "im ⟦Arabischen Meer⟧",
        ),
        (
            "Suez Canal",
            "canal de Suez",
            "Suezkanal",
            "in the ⟦Suez Canal⟧",
            "dans le ⟦canal de Suez⟧",
            "im ⟦Suezkanal⟧",
        ),
    ),
    "balkans": (("Adriatic", "Adriatique", "Adria", "in the ⟦Adriatic⟧", "dans l'⟦Adriatique⟧", "in der ⟦Adria⟧"),),
    "iraq": (
        (
            "Persian Gulf",
            "golfe Persique",
            "Persischer Golf",
            "in the ⟦Persian Gulf⟧",
            "dans le ⟦golfe Persique⟧",
            "im ⟦Persischen Golf⟧",
        ),
        (
            "Mediterranean",
            "Méditerranée",
            "Mittelmeer",
            "in the eastern ⟦Mediterranean⟧",
            "en ⟦Méditerranée⟧ orientale",
            "im östlichen ⟦Mittelmeer⟧",
        ),
    ),
    "western": (
        ("North Sea", "mer du Nord", "Nordsee", "in the ⟦North Sea⟧", "en ⟦mer du Nord⟧", "in der ⟦Nordsee⟧"),
        ("English Channel", "Manche", "Ärmelkanal", "in the ⟦English Channel⟧", "dans la ⟦Manche⟧", "im ⟦Ärmelkanal⟧"),
    ),
}

# Rivers: (en, fr, de, French article, German article "der"/"die").
_RIVERS: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "ukraine": (
        ("Dnipro", "Dniepr", "Dnipro|Dnepr", "le", "der"),
        ("Siverskyi Donets", "Donets", "Siwerskyj Donez", "le", "der"),
        ("Oskil", "Oskil", "Oskil", "l'", "der"),
        ("Desna", "Desna", "Desna", "la", "die"),
        ("Inhulets", "Inhoulets", "Inhulez", "l'", "der"),
    ),
    "baltics": (
        ("Daugava", "Daugava", "Düna|Daugava", "la", "die"),
        ("Narva", "Narva", "Narva", "la", "die"),
        ("Neman", "Niémen", "Memel|Neman", "le", "die"),
    ),
    "poland": (
        ("Vistula", "Vistule", "Weichsel", "la", "die"),
        ("Bug", "Boug", "Bug", "le", "der"),
        ("Narew", "Narew", "Narew", "la", "der"),
    ),
    "romania": (
        ("Danube", "Danube", "Donau", "le", "die"),
        ("Prut", "Prut", "Pruth", "le", "der"),
        ("Dniester", "Dniestr", "Dnister", "le", "der"),
    ),
    "sahel": (("Niger", "Niger", "Niger", "le", "der"),),
    "red_sea": (),
    "balkans": (
        ("Ibar", "Ibar", "Ibar", "l'", "der"),
        ("Drina", "Drina", "Drina", "la", "die"),
        ("Sava", "Save", "Save", "la", "die"),
    ),
    "iraq": (("Euphrates", "Euphrate", "Euphrat", "l'", "der"), ("Tigris", "Tigre", "Tigris", "le", "der")),
    "western": (
        ("Rhine", "Rhin", "Rhein", "le", "der"),
        ("Moselle", "Moselle", "Mosel", "la", "die"),
        ("Elbe", "Elbe", "Elbe", "l'", "die"),
        ("Meuse", "Meuse", "Maas", "la", "die"),
    ),
}

# Islands: (en, fr, de, en_near, fr_near, de_near).
_ISLANDS: dict[str, tuple[tuple[str, str, str, str, str, str], ...]] = {
    "ukraine": (
        (
            "Snake Island",
            "île aux Serpents",
            "Schlangeninsel",
            "off ⟦Snake Island⟧",
            "au large de l'⟦île aux Serpents⟧",
            "vor der ⟦Schlangeninsel⟧",
        ),
    ),
    "baltics": (
        ("Gotland", "Gotland", "Gotland", "off ⟦Gotland⟧", "au large de ⟦Gotland⟧", "vor ⟦Gotland⟧"),
        ("Saaremaa", "Saaremaa", "Saaremaa|Ösel", "off ⟦Saaremaa⟧", "au large de ⟦Saaremaa⟧", "vor ⟦Saaremaa⟧"),
        ("Bornholm", "Bornholm", "Bornholm", "off ⟦Bornholm⟧", "au large de ⟦Bornholm⟧", "vor ⟦Bornholm⟧"),
        ("Hiiumaa", "Hiiumaa", "Hiiumaa|Dagö", "off ⟦Hiiumaa⟧", "au large de ⟦Hiiumaa⟧", "vor ⟦Hiiumaa⟧"),
    ),
    "poland": (("Bornholm", "Bornholm", "Bornholm", "off ⟦Bornholm⟧", "au large de ⟦Bornholm⟧", "vor ⟦Bornholm⟧"),),
    "romania": (
        (
            "Snake Island",
            "île aux Serpents",
            "Schlangeninsel",
            "off ⟦Snake Island⟧",
            "au large de l'⟦île aux Serpents⟧",
            "vor der ⟦Schlangeninsel⟧",
        ),
    ),
    "sahel": (),
    "red_sea": (
        ("Kamaran", "Kamaran", "Kamaran", "off ⟦Kamaran⟧", "au large de ⟦Kamaran⟧", "vor ⟦Kamaran⟧"),
        ("Perim", "Périm", "Perim", "off ⟦Perim⟧", "au large de ⟦Périm⟧", "vor ⟦Perim⟧"),
        ("Socotra", "Socotra", "Sokotra", "off ⟦Socotra⟧", "au large de ⟦Socotra⟧", "vor ⟦Sokotra⟧"),
        (
            "Hanish Islands",
            "îles Hanish",
            "Hanisch-Inseln",
            "near the ⟦Hanish Islands⟧",
            "près des ⟦îles Hanish⟧",
            "bei den ⟦Hanisch-Inseln⟧",
        ),
    ),
    "balkans": (),
    "iraq": (),
    "western": (
        ("Heligoland", "Heligoland", "Helgoland", "off ⟦Heligoland⟧", "au large d'⟦Heligoland⟧", "vor ⟦Helgoland⟧"),
    ),
}

# Bases and airfields: (en, fr, de, kind) with kind "air" (air base), "camp" or "named" (the name says what it is).
_BASES: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "ukraine": (
        ("Engels", "Engels", "Engels", "air"),
        ("Morozovsk", "Morozovsk", "Morosowsk", "air"),
        ("Saky", "Saky", "Saky", "air"),
        ("Belbek", "Belbek", "Belbek", "air"),
        ("Millerovo", "Millerovo", "Millerowo", "air"),
        ("Starokostiantyniv", "Starokostiantyniv", "Starokostjantyniw", "air"),
        ("Myrhorod", "Myrhorod", "Myrhorod", "air"),
    ),
    "baltics": (
        ("Šiauliai", "Šiauliai", "Šiauliai", "air"),
        ("Ämari", "Ämari", "Ämari", "air"),
        ("Lielvārde", "Lielvārde", "Lielvārde", "air"),
        ("Ādaži", "Ādaži", "Ādaži", "camp"),
        ("Rukla", "Rukla", "Rukla", "camp"),
        ("Tapa", "Tapa", "Tapa", "camp"),
        ("Pabradė", "Pabradė", "Pabradė", "camp"),
    ),
    "poland": (
        ("Łask", "Łask", "Łask", "air"),
        ("Rzeszów-Jasionka", "Rzeszów-Jasionka", "Rzeszów-Jasionka", "air"),
        ("Powidz", "Powidz", "Powidz", "air"),
        ("Orzysz", "Orzysz", "Orzysz", "camp"),
        ("Bemowo Piskie", "Bemowo Piskie", "Bemowo Piskie", "camp"),
    ),
    "romania": (
        ("Mihail Kogălniceanu", "Mihail Kogălniceanu", "Mihail Kogălniceanu", "air"),
        ("Câmpia Turzii", "Câmpia Turzii", "Câmpia Turzii", "air"),
        ("Cincu", "Cincu", "Cincu", "camp"),
        ("Smârdan", "Smârdan", "Smârdan", "camp"),
    ),
    "sahel": (
        ("Gao", "Gao", "Gao", "camp"),
        ("Ménaka", "Ménaka", "Ménaka", "camp"),
        ("Niamey", "Niamey", "Niamey", "air"),
        ("Tessalit", "Tessalit", "Tessalit", "camp"),
        ("Ouallam", "Ouallam", "Ouallam", "camp"),
        ("Madama", "Madama", "Madama", "camp"),
    ),
    "red_sea": (
        ("Djibouti", "Djibouti", "Dschibuti", "camp"),
        ("Berbera", "Berbera", "Berbera", "air"),
        ("Port Sudan", "Port-Soudan", "Port Sudan", "camp"),
    ),
    "balkans": (
        ("Camp Bondsteel", "Camp Bondsteel", "Camp Bondsteel", "named"),
        ("Film City", "Film City", "Film City", "named"),
        ("Novo Selo", "Novo Selo", "Novo Selo", "camp"),
        ("Butmir", "Butmir", "Butmir", "camp"),
    ),
    "iraq": (
        ("Ain al-Asad", "Aïn al-Assad", "Ain al-Asad", "air"),
        ("Erbil", "Erbil", "Erbil", "air"),
        ("Harir", "Harir", "Harir", "air"),
        ("Al-Tanf", "Al-Tanf", "al-Tanf", "camp"),
        ("Taji", "Taji", "Tadschi|Taji", "camp"),
        ("Union III", "Union III", "Union III", "camp"),
    ),
    "western": (
        ("Ramstein", "Ramstein", "Ramstein", "air"),
        ("Grafenwöhr", "Grafenwöhr", "Grafenwöhr", "camp"),
        ("Mourmelon", "Mourmelon", "Mourmelon", "camp"),
        ("Büchel", "Büchel", "Büchel", "air"),
        ("Spangdahlem", "Spangdahlem", "Spangdahlem", "air"),
        ("Munster", "Munster", "Munster", "camp"),
    ),
}

# Flight-information regions: (en, fr, de, ICAO code).
_FIRS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "ukraine": (
        ("Kyiv", "Kiev|Kyiv", "Kiew|Kyiv", "UKBV"),
        ("Lviv", "Lviv", "Lwiw|Lviv", "UKLV"),
        ("Dnipro", "Dnipro", "Dnipro", "UKDV"),
        ("Odesa", "Odessa", "Odessa", "UKOV"),
        ("Simferopol", "Simferopol", "Simferopol", "UKFV"),
        ("Rostov-na-Donu|Rostov", "Rostov", "Rostow|Rostov", "URRV"),
        ("Moscow", "Moscou", "Moskau", "UUWV"),
    ),
    "baltics": (
        ("Riga", "Riga", "Riga", "EVRR"),
        ("Vilnius", "Vilnius", "Vilnius", "EYVL"),
        ("Tallinn", "Tallinn", "Tallinn", "EETT"),
        ("Kaliningrad", "Kaliningrad", "Kaliningrad", "UMKK"),
        ("Minsk", "Minsk", "Minsk", "UMMV"),
        ("Finland|Helsinki", "Finlande", "Finnland", "EFIN"),
    ),
    "poland": (
        ("Warszawa|Warsaw", "Varsovie|Warszawa", "Warschau|Warszawa", "EPWW"),
        ("Vilnius", "Vilnius", "Vilnius", "EYVL"),
        ("Kaliningrad", "Kaliningrad", "Kaliningrad", "UMKK"),
        ("Minsk", "Minsk", "Minsk", "UMMV"),
        ("Lviv", "Lviv", "Lwiw", "UKLV"),
    ),
    "romania": (
        ("Bucuresti|Bucharest", "Bucarest|Bucuresti", "Bukarest|Bucuresti", "LRBB"),
        ("Chisinau", "Chisinau", "Chisinau", "LUUU"),
        ("Sofia", "Sofia", "Sofia", "LBSR"),
        ("Odesa", "Odessa", "Odessa", "UKOV"),
        ("Budapest", "Budapest", "Budapest", "LHCC"),
        ("Ankara", "Ankara", "Ankara", "LTAA"),
    ),
    "sahel": (
        ("Niamey", "Niamey", "Niamey", "DRRR"),
        ("N'Djamena", "N'Djamena", "N'Djamena", "FTTT"),
        ("Dakar", "Dakar", "Dakar", "GOOO"),
        ("Algiers", "Alger", "Algier", "DAAA"),
    ),
    "red_sea": (
        ("Sanaa", "Sanaa", "Sanaa", "OYSC"),
        ("Jeddah", "Djeddah", "Dschidda|Jeddah", "OEJD"),
        ("Asmara", "Asmara", "Asmara", "HHAA"),
        ("Cairo", "Le Caire", "Kairo", "HECC"),
        ("Khartoum", "Khartoum", "Khartum", "HSSS"),
    ),
    "balkans": (
        ("Beograd|Belgrade", "Belgrade|Beograd", "Belgrad|Beograd", "LYBA"),
        ("Skopje", "Skopje", "Skopje", "LWSS"),
        ("Sarajevo", "Sarajevo", "Sarajevo", "LQSB"),
        ("Zagreb", "Zagreb", "Zagreb", "LDZO"),
    ),
    "iraq": (
        ("Baghdad", "Bagdad", "Bagdad", "ORBB"),
        ("Damascus", "Damas", "Damaskus", "OSTT"),
        ("Tehran", "Téhéran", "Teheran", "OIIX"),
        ("Ankara", "Ankara", "Ankara", "LTAA"),
        ("Amman", "Amman", "Amman", "OJAC"),
    ),
    "western": (
        ("Langen", "Langen", "Langen", "EDGG"),
        ("Bremen", "Brême|Bremen", "Bremen", "EDWW"),
        ("Munich|München", "Munich", "München", "EDMM"),
        ("Paris", "Paris", "Paris", "LFFF"),
        ("Reims", "Reims", "Reims", "LFEE"),
        ("Brussels", "Bruxelles", "Brüssel", "EBBU"),
    ),
}

# Field missions of our own forces (the place inside, if any, is the entity).
_MISSIONS: dict[str, tuple[str, ...]] = {
    "baltics": ("eFP BG ⟦Lithuania⟧", "eFP ⟦Latvia⟧", "eFP ⟦Estonia⟧", "BAP DET ⟦Šiauliai⟧", "eFP BG"),
    "poland": ("eFP BG ⟦Poland⟧", "FLF ⟦Poland⟧", "TF EAST", "eFP BG"),
    "romania": ("FLF ⟦Romania⟧", "MN BG ⟦Romania⟧", "TF AIGLE", "BG SOUTH-EAST"),
    "sahel": ("TF SAHEL", "CONT ⟦NIGER⟧", "MTT ⟦Ouallam⟧", "TF DESERT"),
    "red_sea": ("TF 153", "OP ASPIDES", "CTF RED SEA", "EUNAVFOR"),
    "balkans": ("KFOR", "KFOR RC-E", "EUFOR ALTHEA", "LMT ⟦Mitrovica⟧"),
    "iraq": ("NMI", "OIR", "TF ⟦ERBIL⟧", "TF TIGRIS"),
}

_THEATRE_BOX: dict[str, tuple[float, float, float, float]] = {  # lat min, lat max, lon min, lon max
    "ukraine": (45.0, 52.0, 22.5, 40.0),
    "baltics": (54.0, 59.5, 21.0, 28.0),
    "poland": (49.2, 54.5, 14.5, 24.0),
    "romania": (43.7, 48.2, 22.5, 30.5),
    "sahel": (11.0, 20.0, -5.0, 22.0),
    "red_sea": (11.5, 28.0, 32.0, 45.0),
    "balkans": (41.0, 45.5, 18.5, 22.9),
    "iraq": (29.5, 37.0, 39.0, 48.0),
    "western": (47.5, 54.0, 2.0, 14.0),
}

_VOWELS = tuple("AEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŒaeiouyàâäéèêëîïôöûüœ")


def _fr_de(name: str) -> str:
    """French "de"/"d'" before a name (elision before a vowel)."""
    return "d'" if name.startswith(_VOWELS) else "de "


def _variants(field_value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in field_value.split("|"))


def _first(field_value: str) -> str:
    return _variants(field_value)[0]


# The flat list the brief asks for: every place, (en, fr, de), first spelling of each; variants in _CITIES etc.
def _world_places() -> tuple[tuple[str, str, str], ...]:
    seen: dict[tuple[str, str, str], None] = {}
    for table in (_CITIES, _REGIONS):
        for entries in table.values():
            for en, fr, de in entries:
                seen[(_first(en), _first(fr), _first(de))] = None
    for table6 in (_NAMED_REGIONS, _SEAS, _ISLANDS):
        for entries6 in table6.values():
            for entry in entries6:
                seen[(_first(entry[0]), _first(entry[1]), _first(entry[2]))] = None
    for table5 in (_COUNTRIES, _RIVERS):
        for entries5 in table5.values():
            for entry5 in entries5:
                seen[(_first(entry5[0]), _first(entry5[1]), _first(entry5[2]))] = None
    for table4 in (_BASES, _FIRS):
        for entries4 in table4.values():
            for entry4 in entries4:
                seen[(_first(entry4[0]), _first(entry4[1]), _first(entry4[2]))] = None
    return tuple(seen)


WORLD_PLACES: tuple[tuple[str, str, str], ...] = _world_places()

# ============================================================================================ equipment
# Per language; a value is bare (the whole value is the span) or carries ⟦...⟧ around the span. Named Russian
# systems are drawn only in the European theatres, Middle-East kit only in the Red Sea and Iraq theatres.
_RU = ("ukraine", "baltics", "poland", "romania", "western")
_ME = ("red_sea", "iraq")
_ANY: tuple[str, ...] = ()

_EQUIPMENT: dict[str, dict[Lang, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]] = {
    # pool -> lang -> ((theatres, values), ...)
    "w_drones": {
        "en": (
            (
                _ANY,
                ("drones", "attack drones", "kamikaze drones", "one-way attack drones", "strike drones", "FPV drones"),
            ),
            (_RU, ("Shahed-136", "Shahed drones", "Geran-2", "Lancet", "Gerbera decoys")),
            (_ME, ("Shahed-136", "Samad-3", "Shahed-type drones")),
        ),
        "fr": (
            (_ANY, ("drones", "drones d'attaque", "drones kamikazes", "drones explosifs", "drones FPV")),
            (_RU, ("Shahed-136", "drones Shahed", "Geran-2", "Lancet", "leurres Gerbera")),
            (_ME, ("Shahed-136", "Samad-3", "drones de type Shahed")),
        ),
        "de": (
            (_ANY, ("Drohnen", "Angriffsdrohnen", "Kamikazedrohnen", "Kampfdrohnen", "FPV-Drohnen")),
            (_RU, ("Shahed-136", "Shahed-Drohnen", "Geran-2", "Lancet", "Gerbera-Täuschdrohnen")),
            (_ME, ("Shahed-136", "Samad-3", "Drohnen vom Typ Shahed")),
        ),
    },
    "w_a_drone": {
        "en": (
            (_ANY, ("a ⟦drone⟧", "an ⟦attack drone⟧", "a ⟦kamikaze drone⟧", "an ⟦FPV drone⟧")),
            (_RU, ("a ⟦Shahed-136⟧", "a ⟦Geran-2⟧", "a ⟦Lancet⟧", "an ⟦Orlan-10⟧")),
            (_ME, ("a ⟦Shahed-136⟧", "a ⟦Samad-3⟧")),
        ),
        "fr": (
            (_ANY, ("un ⟦drone⟧", "un ⟦drone d'attaque⟧", "un ⟦drone kamikaze⟧", "un ⟦drone FPV⟧")),
            (_RU, ("un ⟦Shahed-136⟧", "un ⟦Geran-2⟧", "un ⟦drone Lancet⟧", "un ⟦Orlan-10⟧")),
            (_ME, ("un ⟦Shahed-136⟧", "un ⟦Samad-3⟧")),
        ),
        "de": (
            (_ANY, ("eine ⟦Drohne⟧", "eine ⟦Angriffsdrohne⟧", "eine ⟦Kamikazedrohne⟧", "eine ⟦FPV-Drohne⟧")),
            (_RU, ("eine ⟦Shahed-136⟧", "eine ⟦Geran-2⟧", "eine ⟦Lancet⟧", "eine ⟦Orlan-10⟧")),
            (_ME, ("eine ⟦Shahed-136⟧", "eine ⟦Samad-3⟧")),
        ),
    },
    "w_recon_uav": {
        "en": (
            (_ANY, ("reconnaissance drones", "surveillance drones", "small quadcopters")),
            (_RU, ("Orlan-10", "Orlan-30", "ZALA", "Supercam")),
            (_ME, ("Mohajer-6",)),
            (("sahel",), ("Bayraktar TB2",)),
        ),
        "fr": (
            (_ANY, ("drones de reconnaissance", "drones de surveillance", "petits quadricoptères")),
            (_RU, ("Orlan-10", "Orlan-30", "ZALA", "Supercam")),
            (_ME, ("Mohajer-6",)),
            (("sahel",), ("Bayraktar TB2",)),
        ),
        "de": (
            (_ANY, ("Aufklärungsdrohnen", "Überwachungsdrohnen", "kleine Quadrokopter")),
            (_RU, ("Orlan-10", "Orlan-30", "ZALA", "Supercam")),
            (_ME, ("Mohajer-6",)),
            (("sahel",), ("Bayraktar TB2",)),
        ),
    },
    "w_missiles": {
        "en": (
            (_ANY, ("missiles", "cruise missiles", "ballistic missiles")),
            (_RU, ("Iskander-M", "Kalibr", "Kh-101", "Kh-22", "Kh-59", "Kinzhal", "Oniks", "S-300")),
            (_ME, ("anti-ship missiles", "anti-ship ballistic missiles", "Fateh-110")),
        ),
        "fr": (
            (_ANY, ("missiles", "missiles de croisière", "missiles balistiques")),
            (_RU, ("Iskander-M", "Kalibr", "Kh-101", "Kh-22", "Kh-59", "Kinjal|Kinzhal", "Onyx|Oniks", "S-300")),
            (_ME, ("missiles antinavires", "missiles balistiques antinavires", "Fateh-110")),
        ),
        "de": (
            (_ANY, ("Raketen", "Marschflugkörper", "ballistische Raketen", "Flugkörper")),
            (
                _RU,
                (
                    "Iskander-M",
                    "Kalibr",
                    "Ch-101|Kh-101",
                    "Ch-22|Kh-22",
                    "Ch-59",
                    "Kinschal|Kinzhal",
                    "Onyx|Oniks",
                    "S-300",
                ),
            ),
            (_ME, ("Seezielflugkörper", "ballistische Anti-Schiff-Raketen", "Fateh-110")),
        ),
    },
    "w_a_missile": {
        "en": (
            (_ANY, ("a ⟦cruise missile⟧", "a ⟦ballistic missile⟧", "a ⟦missile⟧")),
            (_RU, ("an ⟦Iskander-M⟧", "a ⟦Kh-101⟧", "a ⟦Kalibr⟧", "a ⟦Kinzhal⟧")),
            (_ME, ("an ⟦anti-ship missile⟧", "an ⟦anti-ship ballistic missile⟧")),
        ),
        "fr": (
            (_ANY, ("un ⟦missile de croisière⟧", "un ⟦missile balistique⟧", "un ⟦missile⟧")),
            (_RU, ("un ⟦Iskander-M⟧", "un ⟦Kh-101⟧", "un ⟦Kalibr⟧", "un ⟦Kinjal⟧")),
            (_ME, ("un ⟦missile antinavire⟧", "un ⟦missile balistique antinavire⟧")),
        ),
        "de": (
            (_ANY, ("eine ⟦Rakete⟧", "eine ⟦ballistische Rakete⟧", "eine ⟦Lenkrakete⟧")),
            (_RU, ("eine ⟦Iskander-M⟧", "eine ⟦Ch-101⟧", "eine ⟦Kalibr⟧", "eine ⟦Kinschal⟧")),
            (_ME, ("eine ⟦Anti-Schiff-Rakete⟧", "eine ⟦ballistische Anti-Schiff-Rakete⟧")),
        ),
    },
    "w_jets": {
        "en": (
            (_ANY, ("fighter jets", "bombers", "combat aircraft")),
            (
                _RU,
                ("Su-34", "Su-35", "Su-30SM", "Su-25", "MiG-31K", "Tu-95MS", "Tu-22M3", "Tu-160", "strategic bombers"),
            ),
        ),
        "fr": (
            (_ANY, ("avions de chasse", "bombardiers", "avions de combat")),
            (
                _RU,
                (
                    "Su-34",
                    "Su-35",
                    "Su-30SM",
                    "Su-25",
                    "MiG-31K",
                    "Tu-95MS",
                    "Tu-22M3",
                    "Tu-160",
                    "bombardiers stratégiques",
                ),
            ),
        ),
        "de": (
            (_ANY, ("Kampfjets", "Bomber", "Kampfflugzeuge")),
            (
                _RU,
                (
                    "Su-34",
                    "Su-35",
                    "Su-30SM",
                    "Su-25",
                    "MiG-31K",
                    "Tu-95MS",
                    "Tu-22M3",
                    "Tu-160",
                    "strategische Bomber",
                ),
            ),
        ),
    },
    "w_jets_own": {
        "en": (
            (
                _ANY,
                (
                    "F-16",
                    "F-35",
                    "F-35A",
                    "Rafale",
                    "Eurofighter",
                    "Eurofighter Typhoon",
                    "Gripen",
                    "F/A-18",
                    "fighter jets",
                    "interceptors",
                ),
            ),
        ),
        "fr": (
            (
                _ANY,
                (
                    "F-16",
                    "F-35",
                    "F-35A",
                    "Rafale",
                    "Eurofighter",
                    "Eurofighter Typhoon",
                    "Gripen",
                    "F/A-18",
                    "avions de chasse",
                    "chasseurs",
                    "intercepteurs",
                ),
            ),
        ),
        "de": (
            (
                _ANY,
                (
                    "F-16",
                    "F-35",
                    "F-35A",
                    "Rafale",
                    "Eurofighter",
                    "Eurofighter Typhoon",
                    "Gripen",
                    "F/A-18",
                    "Kampfjets",
                    "Abfangjäger",
                ),
            ),
        ),
    },
    "w_helis": {
        "en": (
            (_ANY, ("helicopters", "attack helicopters", "transport helicopters")),
            (_RU, ("Mi-8", "Ka-52", "Mi-24", "Mi-28", "Mi-35")),
        ),
        "fr": (
            (_ANY, ("hélicoptères", "hélicoptères d'attaque", "hélicoptères de transport")),
            (_RU, ("Mi-8", "Ka-52", "Mi-24", "Mi-28", "Mi-35")),
        ),
        "de": (
            (_ANY, ("Hubschrauber", "Kampfhubschrauber", "Transporthubschrauber")),
            (_RU, ("Mi-8", "Ka-52", "Mi-24", "Mi-28", "Mi-35")),
        ),
    },
    "w_ad": {
        "en": (
            (
                _ANY,
                (
                    "Patriot",
                    "IRIS-T",
                    "IRIS-T SLM",
                    "NASAMS",
                    "SAMP/T",
                    "Gepard",
                    "Skyranger",
                    "air-defence systems",
                    "surface-to-air missile systems",
                    "anti-aircraft guns",
                ),
            ),
            (_ME, ("Aster 30", "SM-2")),
        ),
        "fr": (
            (
                _ANY,
                (
                    "Patriot",
                    "IRIS-T",
                    "IRIS-T SLM",
                    "NASAMS",
                    "SAMP/T",
                    "Gepard",
                    "Skyranger",
                    "systèmes de défense aérienne",
                    "systèmes sol-air",
                    "canons antiaériens",
                ),
            ),
            (_ME, ("Aster 30", "SM-2")),
        ),
        "de": (
            (
                _ANY,
                (
                    "Patriot",
                    "IRIS-T",
                    "IRIS-T SLM",
                    "NASAMS",
                    "SAMP/T",
                    "Gepard",
                    "Skyranger",
                    "Flugabwehrsysteme",
                    "Flugabwehrraketensysteme",
                    "Flugabwehrkanonen",
                ),
            ),
            (_ME, ("Aster 30", "SM-2")),
        ),
    },
    "w_ad_enemy": {
        "en": (
            (_ANY, ("air-defence systems", "surface-to-air missile systems")),
            (_RU, ("S-300", "S-400", "Pantsir-S1", "Buk-M2", "Tor-M2")),
        ),
        "fr": (
            (_ANY, ("systèmes de défense aérienne", "systèmes sol-air")),
            (_RU, ("S-300", "S-400", "Pantsir-S1", "Bouk-M2|Buk-M2", "Tor-M2")),
        ),
        "de": (
            (_ANY, ("Flugabwehrsysteme", "Flugabwehrraketensysteme")),
            (_RU, ("S-300", "S-400", "Panzir-S1|Pantsir-S1", "Buk-M2", "Tor-M2")),
        ),
    },
    "w_arty": {
        "en": (
            (_ANY, ("howitzers", "rocket launchers", "multiple rocket launchers", "self-propelled guns", "mortars")),
            (_RU, ("2S19 Msta-S", "2S7 Pion", "BM-21 Grad", "BM-27 Uragan", "TOS-1A", "Tornado-S", "2S1 Gvozdika")),
        ),
        "fr": (
            (_ANY, ("obusiers", "lance-roquettes", "lance-roquettes multiples", "canons automoteurs", "mortiers")),
            (_RU, ("2S19 Msta-S", "2S7 Pion", "BM-21 Grad", "BM-27 Ouragan", "TOS-1A", "Tornado-S", "2S1 Gvozdika")),
        ),
        "de": (
            (_ANY, ("Haubitzen", "Raketenwerfer", "Mehrfachraketenwerfer", "Panzerhaubitzen", "Mörser")),
            (_RU, ("2S19 Msta-S", "2S7 Pion", "BM-21 Grad", "BM-27 Uragan", "TOS-1A", "Tornado-S", "2S1 Gwosdika")),
        ),
    },
    "w_armour": {
        "en": (
            (_ANY, ("tanks", "armoured vehicles", "infantry fighting vehicles", "armoured personnel carriers")),
            (_RU, ("T-72B3", "T-80BVM", "T-90M", "BMP-2", "BMP-3", "BTR-82A", "MT-LB", "BMD-4M")),
            (("sahel", "iraq", "red_sea"), ("technicals", "armed pick-ups")),
        ),
        "fr": (
            (_ANY, ("chars", "blindés", "véhicules blindés", "véhicules de combat d'infanterie", "chars de combat")),
            (_RU, ("T-72B3", "T-80BVM", "T-90M", "BMP-2", "BMP-3", "BTR-82A", "MT-LB", "BMD-4M")),
            (("sahel", "iraq", "red_sea"), ("technicals", "pick-up armés")),
        ),
        "de": (
            (_ANY, ("Kampfpanzer", "Panzer", "Schützenpanzer", "Transportpanzer", "gepanzerte Fahrzeuge")),
            (_RU, ("T-72B3", "T-80BWM", "T-90M", "BMP-2", "BMP-3", "BTR-82A", "MT-LB", "BMD-4M")),
            (("sahel", "iraq", "red_sea"), ("Technicals", "bewaffnete Pick-ups")),
        ),
    },
    "w_ships": {
        "en": (
            (
                _ANY,
                ("warships", "frigates", "corvettes", "landing ships", "submarines", "missile boats", "patrol boats"),
            ),
            (
                _RU,
                (
                    "Kilo-class submarines",
                    "Ropucha-class landing ships",
                    "Buyan-M corvettes",
                    "Admiral Grigorovich-class frigates",
                    "Karakurt-class corvettes",
                ),
            ),
            (_ME, ("fast attack craft", "uncrewed surface vessels")),
        ),
        "fr": (
            (
                _ANY,
                (
                    "navires de guerre",
                    "frégates",
                    "corvettes",
                    "navires de débarquement",
                    "sous-marins",
                    "vedettes lance-missiles",
                    "patrouilleurs",
                ),
            ),
            (
                _RU,
                (
                    "sous-marins de classe Kilo",
                    "navires de débarquement de classe Ropoucha",
                    "corvettes Buyan-M",
                    "frégates de classe Amiral Grigorovitch",
                    "corvettes de classe Karakourt",
                ),
            ),
            (_ME, ("vedettes d'attaque rapides", "drones de surface")),
        ),
        "de": (
            (
                _ANY,
                (
                    "Kriegsschiffe",
                    "Fregatten",
                    "Korvetten",
                    "Landungsschiffe",
                    "U-Boote",
                    "Raketenschnellboote",
                    "Patrouillenboote",
                ),
            ),
            (
                _RU,
                (
                    "U-Boote der Kilo-Klasse",
                    "Landungsschiffe der Ropucha-Klasse",
                    "Korvetten der Bujan-M-Klasse",
                    "Fregatten der Admiral-Grigorowitsch-Klasse",
                    "Korvetten der Karakurt-Klasse",
                ),
            ),
            (_ME, ("Schnellboote", "Überwasserdrohnen")),
        ),
    },
    "w_a_ship": {
        "en": (
            (
                _ANY,
                (
                    "a ⟦frigate⟧",
                    "a ⟦corvette⟧",
                    "a ⟦landing ship⟧",
                    "a ⟦submarine⟧",
                    "a ⟦missile boat⟧",
                    "a ⟦patrol ship⟧",
                ),
            ),
            (_RU, ("a ⟦Kilo-class submarine⟧", "a ⟦Buyan-M corvette⟧")),
            (_ME, ("an ⟦uncrewed surface vessel⟧", "a ⟦fast attack craft⟧")),
        ),
        "fr": (
            (
                _ANY,
                (
                    "une ⟦frégate⟧",
                    "une ⟦corvette⟧",
                    "un ⟦navire de débarquement⟧",
                    "un ⟦sous-marin⟧",
                    "une ⟦vedette lance-missiles⟧",
                    "un ⟦patrouilleur⟧",
                ),
            ),
            (_RU, ("un ⟦sous-marin de classe Kilo⟧", "une ⟦corvette Buyan-M⟧")),
            (_ME, ("un ⟦drone de surface⟧", "une ⟦vedette rapide⟧")),
        ),
        "de": (
            (
                _ANY,
                (
                    "eine ⟦Fregatte⟧",
                    "eine ⟦Korvette⟧",
                    "ein ⟦Landungsschiff⟧",
                    "ein ⟦U-Boot⟧",
                    "ein ⟦Kriegsschiff⟧",
                    "ein ⟦Raketenschnellboot⟧",
                ),
            ),
            (_RU, ("ein ⟦U-Boot der Kilo-Klasse⟧", "eine ⟦Korvette der Bujan-M-Klasse⟧")),
            (_ME, ("eine ⟦Überwasserdrohne⟧", "ein ⟦Schnellboot⟧")),
        ),
    },
    "w_own_ship": {
        "en": (
            (_ANY, ("the ⟦frigate⟧", "the ⟦air-defence frigate⟧", "the ⟦destroyer⟧", "the ⟦multi-mission frigate⟧")),
        ),
        "fr": (
            (_ANY, ("la ⟦frégate⟧", "la ⟦frégate de défense aérienne⟧", "la ⟦frégate multimissions⟧", "la ⟦FREMM⟧")),
        ),
        "de": ((_ANY, ("die ⟦Fregatte⟧", "die ⟦Flugabwehrfregatte⟧", "die ⟦Mehrzweckfregatte⟧")),),
    },
    "w_ew": {
        "en": (
            (_ANY, ("jammers", "electronic-warfare systems", "EW systems")),
            (_RU, ("Krasukha-4", "R-330Zh Zhitel", "Leer-3", "Borisoglebsk-2", "Pole-21", "Tirada-2", "Murmansk-BN")),
        ),
        "fr": (
            (_ANY, ("brouilleurs", "systèmes de guerre électronique")),
            (
                _RU,
                (
                    "Krasukha-4",
                    "R-330Zh Jitel|R-330Zh Zhitel",
                    "Leer-3",
                    "Borissoglebsk-2",
                    "Pole-21",
                    "Tirada-2",
                    "Mourmansk-BN",
                ),
            ),
        ),
        "de": (
            (_ANY, ("Störsender", "Systeme der elektronischen Kampfführung", "EloKa-Systeme")),
            (
                _RU,
                (
                    "Krasucha-4|Krasukha-4",
                    "R-330Zh Schitel|R-330Zh Zhitel",
                    "Leer-3",
                    "Borissoglebsk-2",
                    "Pole-21",
                    "Tirada-2",
                    "Murmansk-BN",
                ),
            ),
        ),
    },
    "w_trucks": {
        "en": ((_ANY, ("trucks", "lorries", "military trucks", "fuel trucks")),),
        "fr": ((_ANY, ("camions", "poids lourds", "camions militaires", "camions-citernes")),),
        "de": ((_ANY, ("Lkw", "Lastwagen", "Militär-Lkw", "Tanklaster")),),
    },
    "w_proc": {
        "en": (
            (
                _ANY,
                (
                    "CAESAR",
                    "PzH 2000",
                    "Leopard 2A8",
                    "Leopard 2A6",
                    "IRIS-T SLM",
                    "Patriot",
                    "NASAMS",
                    "HIMARS",
                    "Boxer",
                    "CV90",
                    "Piranha 5",
                    "F-35A",
                    "Rafale",
                    "A400M",
                    "NH90",
                    "H145M",
                    "Skyranger 30",
                    "RCH 155",
                    "Puma",
                    "Griffon",
                    "Serval",
                    "Jaguar",
                    "self-propelled howitzers",
                    "armoured vehicles",
                    "transport helicopters",
                    "air-defence systems",
                    "reconnaissance drones",
                ),
            ),
        ),
        "fr": (
            (
                _ANY,
                (
                    "CAESAR",
                    "PzH 2000",
                    "Leopard 2A8",
                    "Leopard 2A6",
                    "IRIS-T SLM",
                    "Patriot",
                    "NASAMS",
                    "HIMARS",
                    "Boxer",
                    "CV90",
                    "Piranha 5",
                    "F-35A",
                    "Rafale",
                    "A400M",
                    "NH90",
                    "H145M",
                    "Skyranger 30",
                    "RCH 155",
                    "Puma",
                    "Griffon",
                    "Serval",
                    "Jaguar",
                    "canons automoteurs",
                    "véhicules blindés",
                    "hélicoptères de transport",
                    "systèmes de défense aérienne",
                    "drones de reconnaissance",
                ),
            ),
        ),
        "de": (
            (
                _ANY,
                (
                    "CAESAR",
                    "PzH 2000",
                    "Leopard 2A8",
                    "Leopard 2A6",
                    "IRIS-T SLM",
                    "Patriot",
                    "NASAMS",
                    "HIMARS",
                    "Boxer",
                    "CV90",
                    "Piranha 5",
                    "F-35A",
                    "Rafale",
                    "A400M",
                    "NH90",
                    "H145M",
                    "Skyranger 30",
                    "RCH 155",
                    "Puma",
                    "Griffon",
                    "Serval",
                    "Jaguar",
                    "Radhaubitzen",
                    "Schützenpanzer",
                    "Transporthubschrauber",
                    "Flugabwehrsysteme",
                    "Aufklärungsdrohnen",
                ),
            ),
        ),
    },
    "w_museum_eq": {
        "en": (
            (
                _ANY,
                (
                    "a ⟦V-2 rocket⟧",
                    "a ⟦Scud missile⟧",
                    "a ⟦T-34 tank⟧",
                    "a ⟦MiG-21⟧",
                    "an ⟦SS-20 missile⟧",
                    "a ⟦Leopard 1⟧",
                    "a ⟦Sherman tank⟧",
                    "a ⟦Pershing II missile⟧",
                    "an ⟦S-75 launcher⟧",
                    "a ⟦Starfighter⟧",
                ),
            ),
        ),
        "fr": (
            (
                _ANY,
                (
                    "une ⟦fusée V2⟧",
                    "un ⟦missile Scud⟧",
                    "un ⟦char T-34⟧",
                    "un ⟦MiG-21⟧",
                    "un ⟦missile SS-20⟧",
                    "un ⟦Leopard 1⟧",
                    "un ⟦char Sherman⟧",
                    "un ⟦missile Pershing II⟧",
                    "un ⟦lanceur S-75⟧",
                    "un ⟦Starfighter⟧",
                ),
            ),
        ),
        "de": (
            (
                _ANY,
                (
                    "eine ⟦V2-Rakete⟧",
                    "eine ⟦Scud-Rakete⟧",
                    "eine ⟦MiG-21⟧",
                    "eine ⟦SS-20-Rakete⟧",
                    "eine ⟦Pershing-II-Rakete⟧",
                    "ein ⟦Flugabwehrsystem S-75⟧",
                    "ein ⟦Kampfflugzeug vom Typ Starfighter⟧",
                    "ein ⟦Jagdflugzeug MiG-21⟧",
                ),
            ),
        ),
    },
}


def _strip_markers(value: str) -> str:
    return value.replace("⟦", "").replace("⟧", "")


def _world_equipment() -> tuple[tuple[str, str, str], ...]:
    out: dict[tuple[str, str, str], None] = {}
    for pool, by_lang in _EQUIPMENT.items():
        for lang, groups in by_lang.items():
            for _, values in groups:
                for value in values:
                    for variant in _variants(value):
                        spans = re.findall(r"⟦(.*?)⟧", variant) or [variant]
                        for span in spans:
                            out[(pool[2:], lang, span)] = None
    return tuple(out)


# (kind, lang, name): every equipment name the templates can produce, bare (no article), for the gazetteer.
WORLD_EQUIPMENT: tuple[tuple[str, str, str], ...] = _world_equipment()

# ============================================================================================ agencies
# Invented or generic bodies. Values with an article carry ⟦...⟧ around the name; German values are nominative.
_AGENCY_POOLS: dict[str, dict[Lang, tuple[str, ...]]] = {
    "w_mod": {
        "en": (
            "the ⟦defence ministry⟧",
            "the ⟦Ministry of Defence⟧",
            "the ⟦general staff⟧",
            "the ⟦joint forces command⟧",
            "the ⟦armed forces' general staff⟧",
            "the press service of the ⟦defence ministry⟧",
            "the ⟦operational command⟧",
        ),
        "fr": (
            "le ⟦ministère de la Défense⟧",
            "l'⟦état-major général⟧",
            "l'⟦état-major des armées⟧",
            "le ⟦commandement des forces unifiées⟧",
            "le service de presse du ⟦ministère de la Défense⟧",
            "le ⟦commandement opérationnel⟧",
        ),
        "de": (
            "das ⟦Verteidigungsministerium⟧",
            "der ⟦Generalstab⟧",
            "das ⟦Einsatzführungskommando⟧",
            "das ⟦Kommando der Streitkräfte⟧",
            "die Pressestelle des ⟦Verteidigungsministeriums⟧",
            "das ⟦Operative Kommando⟧",
        ),
    },
    "w_mod_h": {
        "en": (
            "MINISTRY OF DEFENCE",
            "GENERAL STAFF OF THE ARMED FORCES",
            "JOINT FORCES COMMAND",
            "DEFENCE MINISTRY PRESS OFFICE",
            "OPERATIONAL COMMAND SOUTH",
        ),
        "fr": (
            "MINISTÈRE DE LA DÉFENSE",
            "ÉTAT-MAJOR GÉNÉRAL DES ARMÉES",
            "COMMANDEMENT DES FORCES CONJOINTES",
            "SERVICE DE PRESSE DU MINISTÈRE DE LA DÉFENSE",
        ),
        "de": (
            "VERTEIDIGUNGSMINISTERIUM",
            "GENERALSTAB DER STREITKRÄFTE",
            "EINSATZFÜHRUNGSKOMMANDO",
            "PRESSE- UND INFORMATIONSSTAB",
            "OPERATIVES KOMMANDO SÜD",
        ),
    },
    "w_army": {
        "en": ("the ⟦Army⟧", "the ⟦Land Forces⟧", "the ⟦Land Component⟧", "the ⟦army⟧"),
        "fr": ("l'⟦armée de Terre⟧", "la ⟦composante terrestre⟧", "les ⟦forces terrestres⟧"),
        "de": ("das ⟦Heer⟧", "die ⟦Landstreitkräfte⟧", "die ⟦Landkomponente⟧"),
    },
    "w_army_h": {
        "en": (
            "ARMY PRESS OFFICE",
            "LAND FORCES COMMAND - PUBLIC AFFAIRS",
            "ARMY PUBLIC INFORMATION",
            "LAND COMPONENT - MEDIA OFFICE",
        ),
        "fr": (
            "ARMÉE DE TERRE - SERVICE DE PRESSE",
            "COMMANDEMENT DES FORCES TERRESTRES - COMMUNICATION",
            "BUREAU DE PRESSE DE L'ARMÉE DE TERRE",
        ),
        "de": (
            "PRESSE- UND INFORMATIONSZENTRUM DES HEERES",
            "KOMMANDO HEER - PRESSESTELLE",
            "HEER - ÖFFENTLICHKEITSARBEIT",
        ),
    },
    "w_airforce": {
        "en": (
            "the ⟦air force command⟧",
            "the ⟦air force⟧",
            "the ⟦air operations centre⟧",
            "the ⟦air defence command⟧",
        ),
        "fr": (
            "le ⟦commandement de l'armée de l'air⟧",
            "l'⟦armée de l'air⟧",
            "le ⟦centre des opérations aériennes⟧",
            "le ⟦commandement de la défense aérienne⟧",
        ),
        "de": (
            "das ⟦Kommando der Luftstreitkräfte⟧",
            "die ⟦Luftwaffe⟧",
            "das ⟦Luftoperationszentrum⟧",
            "das ⟦Kommando Luftverteidigung⟧",
        ),
    },
    "w_cw_body": {
        "en": (
            "the ⟦chemical-weapons inspectorate⟧",
            "the ⟦international chemical-weapons watchdog⟧",
            "the ⟦inspectorate's fact-finding mission⟧",
            "the ⟦chemical-weapons monitoring body⟧",
        ),
        "fr": (
            "l'⟦inspection des armes chimiques⟧",
            "l'⟦organisme international de contrôle des armes chimiques⟧",
            "la ⟦mission d'établissement des faits⟧ de l'inspection",
            "l'⟦organe de surveillance des armes chimiques⟧",
        ),
        "de": (
            "die ⟦Chemiewaffen-Inspektion⟧",
            "die ⟦internationale Chemiewaffenbehörde⟧",
            "die ⟦Erkundungsmission⟧ der Inspektion",
            "die ⟦Kontrollbehörde für Chemiewaffen⟧",
        ),
    },
    "w_nuc_body": {
        "en": (
            "the ⟦nuclear safety agency⟧",
            "the ⟦international atomic watchdog⟧",
            "the ⟦nuclear regulator⟧",
            "the ⟦atomic energy agency⟧",
        ),
        "fr": (
            "l'⟦agence de sûreté nucléaire⟧",
            "l'⟦autorité de sûreté nucléaire⟧",
            "l'⟦agence internationale de l'énergie atomique⟧",
            "le ⟦régulateur nucléaire⟧",
        ),
        "de": (
            "die ⟦Atomaufsichtsbehörde⟧",
            "die ⟦internationale Atomenergiebehörde⟧",
            "die ⟦nationale Atomaufsicht⟧",
            "die ⟦Behörde für nukleare Sicherheit⟧",
        ),
    },
    "w_cert_body": {
        "en": (
            "the ⟦national cyber-security centre⟧",
            "the ⟦government CERT⟧",
            "the ⟦national CSIRT⟧",
            "the ⟦cyber-security agency⟧",
            "the ⟦defence CERT⟧",
        ),
        "fr": (
            "le ⟦centre national de cybersécurité⟧",
            "le ⟦CERT gouvernemental⟧",
            "l'⟦agence nationale de cybersécurité⟧",
            "le ⟦CSIRT national⟧",
            "le ⟦CERT des armées⟧",
        ),
        "de": (
            "das ⟦nationale Cybersicherheitszentrum⟧",
            "das ⟦Regierungs-CERT⟧",
            "die ⟦Cybersicherheitsbehörde⟧",
            "das ⟦nationale CSIRT⟧",
            "das ⟦CERT der Bundeswehr⟧",
        ),
    },
    "w_cert_h": {
        "en": ("NATIONAL CYBER-SECURITY CENTRE", "GOVERNMENT CERT", "NATIONAL CSIRT", "DEFENCE CERT"),
        "fr": ("CENTRE NATIONAL DE CYBERSÉCURITÉ", "CERT GOUVERNEMENTAL", "CSIRT NATIONAL", "CERT DES ARMÉES"),
        "de": ("NATIONALES CYBERSICHERHEITSZENTRUM", "REGIERUNGS-CERT", "NATIONALES CSIRT", "CERT DER STREITKRÄFTE"),
    },
    "w_un_body": {
        "en": (
            "the ⟦UN humanitarian office⟧",
            "the ⟦UN refugee agency⟧",
            "the ⟦World Food Programme⟧",
            "the ⟦UN children's agency⟧",
            "the ⟦humanitarian country team⟧",
            "a ⟦consortium of aid agencies⟧",
        ),
        "fr": (
            "le ⟦bureau humanitaire de l'ONU⟧",
            "l'⟦agence de l'ONU pour les réfugiés⟧",
            "le ⟦Programme alimentaire mondial⟧",
            "l'⟦agence onusienne pour l'enfance⟧",
            "l'⟦équipe humanitaire pays⟧",
            "un ⟦collectif d'ONG⟧",
        ),
        "de": (
            "das ⟦UN-Nothilfebüro⟧",
            "das ⟦UN-Flüchtlingshilfswerk⟧",
            "das ⟦Welternährungsprogramm⟧",
            "das ⟦UN-Kinderhilfswerk⟧",
            "das ⟦humanitäre Länderteam⟧",
            "ein ⟦Bündnis von Hilfsorganisationen⟧",
        ),
    },
    "w_un_h": {
        "en": ("UN HUMANITARIAN OFFICE", "UN REFUGEE AGENCY", "HUMANITARIAN COUNTRY TEAM", "NGO COORDINATION FORUM"),
        "fr": (
            "BUREAU HUMANITAIRE DE L'ONU",
            "AGENCE DE L'ONU POUR LES RÉFUGIÉS",
            "ÉQUIPE HUMANITAIRE PAYS",
            "FORUM DE COORDINATION DES ONG",
        ),
        "de": ("UN-NOTHILFEBÜRO", "UN-FLÜCHTLINGSHILFSWERK", "HUMANITÄRES LÄNDERTEAM", "KOORDINIERUNGSFORUM DER NGO"),
    },
    "w_met_body": {
        "en": (
            "the ⟦national weather service⟧",
            "the ⟦meteorological office⟧",
            "the ⟦state weather agency⟧",
            "the ⟦military weather cell⟧",
        ),
        "fr": (
            "le ⟦service météorologique national⟧",
            "l'⟦institut météorologique⟧",
            "l'⟦agence météorologique⟧",
            "la ⟦cellule météo des armées⟧",
        ),
        "de": (
            "der ⟦nationale Wetterdienst⟧",
            "der ⟦Wetterdienst⟧",
            "das ⟦meteorologische Institut⟧",
            "der ⟦Geoinformationsdienst der Bundeswehr⟧",
        ),
    },
    "w_think": {
        "en": (
            "the ⟦Institute for Strategic Assessment⟧",
            "the ⟦Centre for Defence Studies⟧",
            "the ⟦Security Policy Forum⟧",
            "the ⟦Council on Military Affairs⟧",
            "a ⟦defence research institute⟧",
        ),
        "fr": (
            "l'⟦Institut d'analyse stratégique⟧",
            "le ⟦Centre d'études de défense⟧",
            "le ⟦Forum de politique de sécurité⟧",
            "l'⟦Observatoire des conflits⟧",
            "un ⟦institut de recherche sur la défense⟧",
        ),
        "de": (
            "das ⟦Institut für Strategische Analyse⟧",
            "das ⟦Zentrum für Verteidigungsstudien⟧",
            "das ⟦Forum Sicherheitspolitik⟧",
            "die ⟦Stiftung für Konfliktforschung⟧",
            "ein ⟦wehrwissenschaftliches Institut⟧",
        ),
    },
    "w_wire": {
        "en": (
            "Continental Press",
            "Eurowire",
            "Northern News Agency",
            "Meridian News",
            "Transatlantic Wire",
            "CP",
            "NNA",
        ),
        "fr": (
            "Agence Continentale de Presse",
            "Europresse",
            "Agence Méridien",
            "Dépêches Internationales",
            "ACP",
            "AMP",
        ),
        "de": (
            "Kontinentaler Pressedienst",
            "Europäische Nachrichtenagentur",
            "Meridian-Nachrichten",
            "Nordpress",
            "KPD",
            "ENA",
        ),
    },
}


def _agencies() -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    for pool, by_lang in _AGENCY_POOLS.items():
        for lang, values in by_lang.items():
            out.extend((pool[2:], lang, _strip_markers(v)) for v in values)
    return tuple(out)


# (kind, lang, name as written, article included).
AGENCIES: tuple[tuple[str, str, str], ...] = _agencies()

# ============================================================================================ dates and times
_WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
_MONTHS = MONTH_NAMES  # the phrasebook's month names in the three languages
_DAY_MONTHS = (
    (3, 2),
    (12, 2),
    (1, 0),
    (27, 10),
    (8, 6),
    (19, 4),
    (30, 8),
    (14, 11),
    (5, 1),
    (22, 9),
    (17, 3),
    (2, 5),
    (25, 7),
    (9, 11),
)


def _fr_day(day: int) -> str:
    return "1er" if day == 1 else str(day)


def _dates_past() -> dict[Lang, tuple[str, ...]]:
    en, fr, de = [], [], []
    for i, (wd_en, wd_fr, wd_de) in enumerate(zip(*_WEEKDAYS.values(), strict=True)):
        nxt_en, nxt_fr, nxt_de = (_WEEKDAYS[lang][(i + 1) % 7] for lang in LANGS)
        en += [
            f"on {wd_en}",
            f"late on {wd_en}",
            f"early on {wd_en}",
            f"overnight into {nxt_en}",
            f"on {wd_en} evening",
            f"in the early hours of {nxt_en}",
        ]
        fr += [
            wd_fr,
            f"{wd_fr} soir",
            f"dans la nuit de {wd_fr} à {nxt_fr}",
            f"tôt {wd_fr} matin",
            f"{wd_fr} en fin de journée",
        ]
        de += [
            f"am {wd_de}",
            f"am {wd_de}abend",
            f"in der Nacht zum {nxt_de}",
            f"am frühen {wd_de}morgen",
            f"am späten {wd_de}",
        ]
    for day, month in _DAY_MONTHS:
        en += [f"on {day} {_MONTHS['en'][month]}", f"on {_MONTHS['en'][month]} {day}"]
        fr.append(f"le {_fr_day(day)} {_MONTHS['fr'][month]}")
        de.append(f"am {day}. {_MONTHS['de'][month]}")
    en += [
        "overnight",
        "last night",
        "last week",
        "earlier this week",
        "at the weekend",
        "yesterday",
        "this morning",
        "during the night",
    ]
    fr += [
        "dans la nuit",
        "la nuit dernière",
        "la semaine dernière",
        "en début de semaine",
        "ce week-end",
        "hier",
        "ce matin",
        "au cours de la nuit",
    ]
    de += [
        "in der Nacht",
        "vergangene Nacht",
        "vergangene Woche",
        "Anfang der Woche",
        "am Wochenende",
        "gestern",
        "heute Morgen",
        "im Laufe der Nacht",
    ]
    return {"en": tuple(en), "fr": tuple(fr), "de": tuple(de)}


# Past dates for accounts ("on Tuesday", "overnight", "on 12 March"), per language. Not DTGs: no entity.
DATES_PAST: dict[Lang, tuple[str, ...]] = _dates_past()


def _dates_since() -> dict[Lang, tuple[str, ...]]:
    """Starting points ("since Tuesday", "depuis le 3 mars", "seit dem 3. März"): w_date reads wrongly after
    since/depuis/seit ("since on Tuesday", "seit am Dienstag")."""
    en = [f"since {wd}" for wd in _WEEKDAYS["en"]]
    fr = [f"depuis {wd}" for wd in _WEEKDAYS["fr"]]
    de = [f"seit {wd}" for wd in _WEEKDAYS["de"]]
    for day, month in _DAY_MONTHS:
        en.append(f"since {day} {_MONTHS['en'][month]}")
        fr.append(f"depuis le {_fr_day(day)} {_MONTHS['fr'][month]}")
        de.append(f"seit dem {day}. {_MONTHS['de'][month]}")
    en += ["since last week", "since the weekend", "since yesterday", "since early this month"]
    fr += ["depuis la semaine dernière", "depuis le week-end", "depuis hier", "depuis le début du mois"]
    de += ["seit vergangener Woche", "seit dem Wochenende", "seit gestern", "seit Anfang des Monats"]
    return {"en": tuple(en), "fr": tuple(fr), "de": tuple(de)}


_YEARS_PAST = ("2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025")


def _dates_old() -> dict[Lang, tuple[str, ...]]:
    en = [
        "last spring",
        "last autumn",
        "in the summer",
        "several months ago",
        "months earlier",
        "two years ago",
        "last year",
        "eighteen months ago",
        "earlier this year",
        "in the first weeks of the war",
    ]
    fr = [
        "au printemps dernier",
        "l'automne dernier",
        "cet été",
        "il y a plusieurs mois",
        "quelques mois plus tôt",
        "il y a deux ans",
        "l'an dernier",
        "il y a dix-huit mois",
        "plus tôt cette année",
        "dans les premières semaines de la guerre",
    ]
    de = [
        "im vergangenen Frühjahr",
        "im letzten Herbst",
        "im Sommer",
        "vor mehreren Monaten",
        "Monate zuvor",
        "vor zwei Jahren",
        "im vergangenen Jahr",
        "vor anderthalb Jahren",
        "Anfang des Jahres",
        "in den ersten Kriegswochen",
    ]
    for i, year in enumerate(_YEARS_PAST[4:]):
        month = (i * 5) % 12
        en += [f"in {_MONTHS['en'][month]} {year}", f"in {year}"]
        fr += [f"en {_MONTHS['fr'][month]} {year}", f"en {year}"]
        de += [f"im {_MONTHS['de'][month]} {year}", f"im Jahr {year}"]
    return {"en": tuple(en), "fr": tuple(fr), "de": tuple(de)}


def _dates_future() -> dict[Lang, tuple[str, ...]]:
    en = ["next week", "later this month", "in the coming days", "next month", "from next Monday", "this weekend"]
    fr = [
        "la semaine prochaine",
        "d'ici la fin du mois",
        "dans les prochains jours",
        "le mois prochain",
        "à partir de lundi prochain",
        "ce week-end",
    ]
    de = [
        "nächste Woche",
        "noch in diesem Monat",
        "in den kommenden Tagen",
        "im nächsten Monat",
        "ab kommendem Montag",
        "an diesem Wochenende",
    ]
    for wd_en, wd_fr, wd_de in zip(*_WEEKDAYS.values(), strict=True):
        en += [f"on {wd_en}", f"from {wd_en}"]
        fr += [f"{wd_fr} prochain", f"à partir de {wd_fr}"]
        de += [f"am kommenden {wd_de}", f"ab {wd_de}"]
    for day, month in _DAY_MONTHS[:8]:
        end = min(day + 9, 28)
        en += [f"from {day} {_MONTHS['en'][month]}", f"between {day} and {end} {_MONTHS['en'][month]}"]
        fr += [
            f"à partir du {_fr_day(day)} {_MONTHS['fr'][month]}",
            f"du {_fr_day(day)} au {end} {_MONTHS['fr'][month]}",
        ]
        de += [f"ab dem {day}. {_MONTHS['de'][month]}", f"vom {day}. bis {end}. {_MONTHS['de'][month]}"]
    return {"en": tuple(en), "fr": tuple(fr), "de": tuple(de)}


def _datelines() -> dict[Lang, tuple[str, ...]]:
    en, fr, de = [], [], []
    for day in (1, 3, 4, 7, 9, 11, 12, 15, 18, 21, 23, 26, 28):
        for month in (0, 2, 3, 5, 8, 10, 11):
            if (day + month) % 3:
                continue
            en += [f"{_MONTHS['en'][month]} {day}", f"{day} {_MONTHS['en'][month]}"]
            fr.append(f"{_fr_day(day)} {_MONTHS['fr'][month]}")
            de.append(f"{day}. {_MONTHS['de'][month]}")
    return {"en": tuple(en), "fr": tuple(fr), "de": tuple(de)}


def _utc_times() -> tuple[str, ...]:
    return tuple(f"{h:02d}{m:02d}Z" for h in range(24) for m in (0, 30) if (h + m // 30) % 2 == 0 or m == 0)


def _notam_times() -> tuple[str, ...]:
    rng = random.Random("notam-times")
    out = []
    for _ in range(40):
        out.append(
            f"{rng.choice((25, 26, 27))}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.choice((0, 4, 5, 6, 8, 12, 16, 20, 22)):02d}"
            f"{rng.choice(('00', '30', '59'))}"
        )
    return tuple(out)


def _notam_ids() -> tuple[str, ...]:
    rng = random.Random("notam-ids")
    return tuple(f"{rng.choice('ABCDEGMW')}{rng.randint(100, 4999):04d}/{rng.choice((25, 26, 27))}" for _ in range(40))


def _coords() -> tuple[tuple[str, str], ...]:
    """(theatre, coordinate) in NOTAM styles; lat/lon is not MGRS, so no GRID entity."""
    rng = random.Random("coords")
    out: list[tuple[str, str]] = []
    for theatre, (la0, la1, lo0, lo1) in _THEATRE_BOX.items():
        for i in range(16):
            lat, lon = rng.uniform(la0, la1), rng.uniform(lo0, lo1)
            ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
            lat, lon = abs(lat), abs(lon)
            ld, lm, od, om = int(lat), int((lat % 1) * 60), int(lon), int((lon % 1) * 60)
            style = i % 4
            if style == 0:
                text = f"{ld:02d}{lm:02d}{ns}{od:03d}{om:02d}{ew}"
            elif style == 1:
                text = f"{ns}{ld:02d}°{lm:02d}' {ew}{od:03d}°{om:02d}'"
            elif style == 2:
                text = f"{ld:02d} {lm:02d}{ns} {od:03d} {om:02d}{ew}"
            else:
                text = f"{ld:02d}{lm:02d}{rng.randint(0, 59):02d}{ns} {od:03d}{om:02d}{rng.randint(0, 59):02d}{ew}"
            out.append((theatre, text))
    return tuple(out)


def _cves() -> tuple[str, ...]:
    rng = random.Random("cves")
    return tuple(f"CVE-{rng.choice((2025, 2026, 2027))}-{rng.randint(1000, 49999)}" for _ in range(40))


def _officers() -> dict[Lang, tuple[str, ...]]:
    given = ("Anna", "Marc", "Julia", "Tomas", "Elena", "Pieter", "Sara", "Henrik", "Laura", "Jan", "Ines", "Paul")
    surnames = (
        "Berger",
        "Lindqvist",
        "Moreau",
        "Kowalczyk",
        "Vidal",
        "Hartmann",
        "Rossi",
        "Novák",
        "Dumont",
        "Keller",
        "Olsen",
        "Marchetti",
        "Lefort",
        "Brandt",
        "Sørensen",
        "Petit",
        "Janssens",
        "Wolff",
    )
    en_ranks = (
        "Colonel",
        "Lieutenant Colonel",
        "Brigadier General",
        "Major General",
        "Brigadier",
        "Commander",
        "Captain",
    )
    fr_ranks = (
        "colonel",
        "lieutenant-colonel",
        "général de brigade",
        "général de division",
        "capitaine de vaisseau",
        "général",
    )
    de_ranks = ("Oberst", "Oberstleutnant", "Brigadegeneral", "Generalmajor", "Kapitän zur See", "Generalleutnant")
    en, fr, de = [], [], []
    for i, surname in enumerate(surnames):
        name = f"{given[i % len(given)]} {surname}" if i % 3 else surname
        en.append(f"{en_ranks[i % len(en_ranks)]} {name}")
        fr.append(f"{fr_ranks[i % len(fr_ranks)]} {surname}")  # "le colonel Moreau": the article stays in the phrase
        de.append(f"{de_ranks[i % len(de_ranks)]} {name}")
    return {"en": tuple(en), "fr": tuple(fr), "de": tuple(de)}


def _big_numbers() -> dict[Lang, tuple[str, ...]]:
    values = (
        140,
        260,
        350,
        480,
        720,
        1200,
        1850,
        2300,
        3800,
        5600,
        7400,
        9100,
        12400,
        18000,
        26500,
        40000,
        63000,
        110000,
        250000,
    )

    def fmt(v: int, sep: str) -> str:
        return f"{v:,}".replace(",", sep)

    return {
        "en": tuple(fmt(v, ",") for v in values),
        "fr": tuple(fmt(v, " ") for v in values),
        "de": tuple(fmt(v, ".") for v in values),
    }


def _small_numbers() -> dict[Lang, tuple[str, ...]]:
    digits = tuple(
        str(v)
        for v in (
            2,
            3,
            4,
            5,
            6,
            7,
            8,
            9,
            11,
            12,
            14,
            16,
            18,
            21,
            23,
            26,
            29,
            32,
            35,
            38,
            41,
            44,
            48,
            52,
            57,
            63,
            70,
            84,
        )
    )
    words = {
        "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"),
        "fr": ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze"),
        "de": ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf"),
    }
    return {lang: digits + words[lang] for lang in LANGS}


# ============================================================================================ other plain pools
_PLAIN_POOLS: dict[str, dict[Lang, tuple[str, ...]]] = {
    "w_official": {
        "en": (
            "a defence ministry spokesman",
            "a spokeswoman for the general staff",
            "the regional governor",
            "a senior military official",
            "the head of the regional military administration",
            "an air force spokesman",
            "a local official",
            "the mayor",
            "a police spokesperson",
            "a navy spokesman",
            "a diplomat familiar with the matter",
        ),
        "fr": (
            "un porte-parole du ministère",
            "une porte-parole de l'état-major",
            "le gouverneur de la région",
            "un haut gradé",
            "le chef de l'administration militaire régionale",
            "un porte-parole de l'armée de l'air",
            "un responsable local",
            "le maire",
            "une porte-parole de la police",
            "un porte-parole de la marine",
            "un diplomate au fait du dossier",
        ),
        "de": (
            "ein Sprecher des Verteidigungsministeriums",
            "eine Sprecherin des Generalstabs",
            "der Gouverneur der Region",
            "ein hoher Offizier",
            "der Leiter der regionalen Militärverwaltung",
            "ein Sprecher der Luftwaffe",
            "ein örtlicher Beamter",
            "der Bürgermeister",
            "eine Polizeisprecherin",
            "ein Marinesprecher",
            "ein mit dem Vorgang vertrauter Diplomat",
        ),
    },
    "w_channel": {
        "en": (
            "a local Telegram channel",
            "a military blogger",
            "an anonymous channel with some 200,000 subscribers",
            "a residents' group chat",
            "an account that posts front-line footage",
            "a regional news channel",
            "a channel close to the armed group",
            "a user who says he lives nearby",
        ),
        "fr": (
            "une chaîne Telegram locale",
            "un blogueur militaire",
            "une chaîne anonyme suivie par quelque 200 000 abonnés",
            "un groupe de discussion d'habitants",
            "un compte qui publie des images du front",
            "une chaîne d'information régionale",
            "une chaîne proche du groupe armé",
            "un internaute qui dit habiter à proximité",
        ),
        "de": (
            "ein lokaler Telegram-Kanal",
            "ein Militärblogger",
            "ein anonymer Kanal mit rund 200.000 Abonnenten",
            "ein Anwohner-Chat",
            "ein Konto mit Videos von der Front",
            "ein regionaler Nachrichtenkanal",
            "ein Kanal aus dem Umfeld der bewaffneten Gruppe",
            "ein Nutzer aus der Nachbarschaft",
        ),
    },
    "w_tag": {
        "en": (
            "[Telegram channel, unverified]",
            "[relayed by OSINT cell - unverified]",
            "[social media, not confirmed]",
            "[translated from Russian, unverified]",
            "[X post, authenticity not established]",
            "[monitoring team relay - treat with caution]",
            "[video, geolocation pending]",
        ),
        "fr": (
            "[chaîne Telegram, non vérifié]",
            "[relayé par la cellule OSINT - non confirmé]",
            "[réseaux sociaux, non confirmé]",
            "[traduit du russe, non vérifié]",
            "[publication X, authenticité non établie]",
            "[relais de l'équipe de veille - à prendre avec précaution]",
            "[vidéo, géolocalisation en cours]",
        ),
        "de": (
            "[Telegram-Kanal, unbestätigt]",
            "[weitergeleitet von der OSINT-Zelle, nicht verifiziert]",
            "[soziale Medien, nicht bestätigt]",
            "[aus dem Russischen übersetzt, unbestätigt]",
            "[X-Beitrag, Echtheit ungeklärt]",
            "[Weiterleitung Monitoring-Team - mit Vorsicht behandeln]",
            "[Video, Geolokalisierung läuft]",
        ),
    },
    "w_tlp": dict.fromkeys(LANGS, ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:WHITE")),
    "w_product": {
        "en": (
            "a widely used VPN gateway",
            "a popular remote-access appliance",
            "an open-source mail server",
            "a file-transfer product used by many firms",
            "the firmware of several firewall models",
            "a content-management system common in municipalities",
            "an industrial control gateway",
            "a help-desk platform",
            "a video-conferencing client",
        ),
        "fr": (
            "une passerelle VPN très répandue",
            "un boîtier d'accès distant courant",
            "un serveur de messagerie libre",
            "un logiciel de transfert de fichiers utilisé par de nombreuses entreprises",
            "un micrologiciel de pare-feu très répandu",
            "un système de gestion de contenu répandu dans les communes",
            "une passerelle de contrôle industriel",
            "une plateforme d'assistance",
            "un client de visioconférence",
        ),
        # German values without article, dative-safe ("in VPN-Gateways eines großen Herstellers").
        "de": (
            "VPN-Gateways eines großen Herstellers",
            "Fernzugriffs-Appliances",
            "Mailserver-Software aus dem Open-Source-Bereich",
            "Dateitransfer-Software vieler Firmen",
            "Firewall-Firmware mehrerer Hersteller",
            "Redaktionssoftware vieler Kommunen",
            "Gateways für Industriesteuerungen",
            "Helpdesk-Software",
            "Videokonferenz-Software",
        ),
    },
    "w_sector": {
        "en": (
            "energy companies",
            "hospitals",
            "municipal administrations",
            "logistics firms",
            "defence suppliers",
            "rail operators",
            "airports",
            "water utilities",
            "government ministries",
            "telecom providers",
        ),
        "fr": (
            "les énergéticiens",
            "les hôpitaux",
            "les collectivités",
            "les entreprises de logistique",
            "les fournisseurs de la défense",
            "les opérateurs ferroviaires",
            "les aéroports",
            "les services des eaux",
            "les ministères",
            "les opérateurs télécoms",
        ),
        "de": (
            "Energieversorger",
            "Krankenhäuser",
            "Kommunalverwaltungen",
            "Logistikunternehmen",
            "Rüstungszulieferer",
            "Bahnbetreiber",
            "Flughäfen",
            "Wasserversorger",
            "Bundesministerien",
            "Telekommunikationsanbieter",
        ),
    },
    "w_actor": dict.fromkeys(
        LANGS,
        ("GREY OWL", "STORM-BEAR", "COLD HARBOUR", "UNC-774", "NIGHT FERRY", "TA-219", "IRON CHAPEL", "BLUE LANTERN"),
    ),
    "w_radius": dict.fromkeys(
        LANGS, ("5NM", "10NM", "15NM", "20NM", "25NM", "30NM", "40NM", "50NM", "10 NM", "25 NM", "60NM")
    ),
    "w_alt": dict.fromkeys(
        LANGS,
        (
            "SFC - FL660",
            "GND - UNL",
            "SFC-FL195",
            "FL100 - FL450",
            "GND - 1000FT AGL",
            "SFC - 5000FT AMSL",
            "FL245-FL660",
            "SFC - FL100",
        ),
    ),
    "w_pct": {
        "en": ("10%", "15%", "20 per cent", "30%", "40 per cent", "60%", "70%", "80 per cent"),
        "fr": ("10 %", "15 %", "20 %", "30 %", "40 %", "60 %", "70 %", "80 %"),
        "de": ("10 Prozent", "15 Prozent", "20 %", "30 Prozent", "40 %", "60 Prozent", "70 %", "80 Prozent"),
    },
    "w_wind": dict.fromkeys(LANGS, ("90 km/h", "100 km/h", "110 km/h", "120 km/h", "130 km/h", "140 km/h")),
    "w_snow": dict.fromkeys(LANGS, ("20 cm", "30 cm", "40 cm", "50 cm", "70 cm")),
    "w_rain": dict.fromkeys(LANGS, ("60 mm", "80 mm", "100 mm", "120 mm", "150 mm")),
    "w_wx_level": {
        "en": ("a yellow warning", "an amber warning", "an orange warning", "a red warning"),
        "fr": ("une vigilance jaune", "une vigilance orange", "une vigilance rouge"),
        "de": (
            "eine Warnung der Stufe 2",
            "eine Warnung der Stufe 3",
            "eine Unwetterwarnung der Stufe 4",
            "eine amtliche Unwetterwarnung",
        ),
    },
    "w_exname_alarm": {
        "en": (
            "TOXIC RAIN",
            "SARIN SHADOW",
            "DIRTY BOMB",
            "NERVE STRIKE",
            "DEADLY HAZE",
            "CHLORINE DAWN",
            "NUCLEAR NIGHT",
            "BLACK PLAGUE",
            "POISON ARROW",
            "MUSTARD SEED",
        ),
        "fr": (
            "TOXIC RAIN",
            "SARIN SHADOW",
            "PLUIE TOXIQUE",
            "NUAGE MORTEL",
            "CHLORE NOIR",
            "AUBE NUCLÉAIRE",
            "PESTE NOIRE",
            "FLÈCHE EMPOISONNÉE",
            "DIRTY BOMB",
        ),
        "de": (
            "TOXIC RAIN",
            "SARIN SHADOW",
            "GIFTWOLKE",
            "TODESSTAUB",
            "SARINREGEN",
            "CHLORNEBEL",
            "ATOMNACHT",
            "SCHWARZE PEST",
            "GIFTPFEIL",
            "DIRTY BOMB",
        ),
    },
    "w_year": dict.fromkeys(
        LANGS,
        (
            "1944",
            "1945",
            "1956",
            "1968",
            "1995",
            "1999",
            "2004",
            "2008",
            "2011",
            "2014",
            "2015",
            "2016",
            "2017",
            "2019",
        ),
    ),
    "w_years": {  # German values are dative, for "vor {w_years}"
        "en": (
            "ten years",
            "twenty years",
            "five years",
            "80 years",
            "thirty years",
            "two decades",
            "25 years",
            "fifteen years",
        ),
        "fr": ("dix ans", "vingt ans", "cinq ans", "80 ans", "trente ans", "deux décennies", "25 ans", "quinze ans"),
        "de": (
            "zehn Jahren",
            "zwanzig Jahren",
            "fünf Jahren",
            "80 Jahren",
            "dreißig Jahren",
            "zwei Jahrzehnten",
            "25 Jahren",
            "fünfzehn Jahren",
        ),
    },
    "w_anniv": {
        "en": ("10th", "20th", "25th", "30th", "80th", "fifth", "tenth", "15th"),
        "fr": ("10e", "20e", "25e", "30e", "80e", "cinquième", "dixième", "15e"),
        "de": ("10.", "20.", "25.", "30.", "80.", "fünften", "zehnten", "15."),
    },
    "w_local_time": {
        "en": (
            "around 04:00 local time",
            "shortly after midnight",
            "just before dawn",
            "at about 22:30 local time",
            "in the early afternoon",
            "at around 3 a.m.",
            "late in the evening",
        ),
        "fr": (
            "vers 4 heures du matin",
            "peu après minuit",
            "juste avant l'aube",
            "vers 22h30 heure locale",
            "en début d'après-midi",
            "vers 3 heures",
            "tard dans la soirée",
        ),
        "de": (
            "gegen 4 Uhr morgens",
            "kurz nach Mitternacht",
            "kurz vor Sonnenaufgang",
            "gegen 22.30 Uhr Ortszeit",
            "am frühen Nachmittag",
            "gegen 3 Uhr",
            "am späten Abend",
        ),
    },
    "w_bg": {
        "en": (
            "The claims could not be independently verified",
            "Officials gave no further details",
            "The area has seen similar incidents in recent months",
            "Neither side commented on casualty figures",
            "It was not immediately clear what had been targeted",
            "Earlier reports had given a lower figure",
            "Independent observers were not able to reach the site",
            "The ministry did not respond to a request for comment",
            "Further details were published on the ministry's website",
            "A spokesperson said more information would follow",
        ),
        "fr": (
            "Ces affirmations n'ont pas pu être vérifiées de source indépendante",
            "Les autorités n'ont pas donné plus de détails",
            "La zone a connu des incidents similaires ces derniers mois",
            "Aucune des deux parties n'a commenté le bilan",
            "On ignorait dans l'immédiat quelle était la cible",
            "Un premier bilan faisait état d'un chiffre inférieur",
            "Les observateurs indépendants n'ont pas pu accéder au site",
            "Le ministère n'a pas répondu aux sollicitations",
            "D'autres détails ont été publiés sur le site du ministère",
            "Un porte-parole a indiqué que d'autres informations suivraient",
        ),
        "de": (
            "Die Angaben ließen sich nicht unabhängig überprüfen",
            "Weitere Einzelheiten nannten die Behörden nicht",
            "In der Gegend hat es in den vergangenen Monaten ähnliche Vorfälle gegeben",
            "Zu Opferzahlen äußerte sich keine Seite",
            "Was genau das Ziel war, blieb zunächst unklar",
            "Frühere Meldungen hatten eine niedrigere Zahl genannt",
            "Unabhängige Beobachter konnten den Ort nicht erreichen",
            "Das Ministerium ließ eine Anfrage unbeantwortet",
            "Weitere Einzelheiten veröffentlichte das Ministerium auf seiner Website",
            "Ein Sprecher kündigte weitere Informationen an",
        ),
    },
    "w_stmt_filler": {
        "en": (
            "The situation in the other sectors remains under control",
            "The information is being updated",
            "Units remain at their assigned readiness",
            "Further details will be published in the next update",
            "The population is urged to follow the instructions of the authorities",
            "Losses among the personnel are being clarified",
        ),
        "fr": (
            "La situation dans les autres secteurs reste sous contrôle",
            "L'information est en cours de mise à jour",
            "Les unités restent au niveau d'alerte fixé",
            "Des précisions seront données lors du prochain point",
            "La population est invitée à suivre les consignes des autorités",
            "Les pertes parmi le personnel sont en cours de vérification",
        ),
        "de": (
            "Die Lage in den übrigen Abschnitten bleibt unter Kontrolle",
            "Die Informationen werden fortlaufend aktualisiert",
            "Die Einheiten verbleiben in der befohlenen Bereitschaft",
            "Weitere Einzelheiten folgen mit der nächsten Lageinformation",
            "Die Bevölkerung wird gebeten, den Anweisungen der Behörden zu folgen",
            "Verluste beim Personal werden geklärt",
        ),
    },
    "w_hum_filler": {
        "en": (
            "Humanitarian partners continue to scale up the response",
            "Funding covers less than half of the requirements",
            "Access remains restricted in several districts",
            "Figures are provisional and will be revised",
            "Partners are asked to share updated data by Friday",
            "Winter needs are rising",
        ),
        "fr": (
            "Les partenaires humanitaires poursuivent le renforcement de la réponse",
            "Les financements couvrent moins de la moitié des besoins",
            "L'accès reste limité dans plusieurs districts",
            "Les chiffres sont provisoires et seront révisés",
            "Les partenaires sont priés de transmettre leurs données d'ici vendredi",
            "Les besoins liés à l'hiver augmentent",
        ),
        "de": (
            "Die humanitären Partner bauen die Hilfe weiter aus",
            "Die Finanzierung deckt weniger als die Hälfte des Bedarfs",
            "In mehreren Bezirken bleibt der Zugang eingeschränkt",
            "Die Zahlen sind vorläufig und werden überarbeitet",
            "Die Partner werden gebeten, aktuelle Daten bis Freitag zu übermitteln",
            "Der Winterbedarf steigt",
        ),
    },
    "w_adv_filler": {
        "en": (
            "Apply the vendor's updates without delay",
            "Review logs for the indicators listed in the annex",
            "Report any suspicious activity to your CERT",
            "Restrict management interfaces to trusted networks",
            "Enforce multi-factor authentication on all remote access",
            "Reset credentials that may have been exposed",
        ),
        "fr": (
            "Appliquez sans délai les correctifs de l'éditeur",
            "Recherchez dans les journaux les indicateurs listés en annexe",
            "Signalez toute activité suspecte à votre CERT",
            "Limitez les interfaces d'administration aux réseaux de confiance",
            "Imposez l'authentification multifacteur pour tout accès distant",
            "Renouvelez les identifiants susceptibles d'avoir été exposés",
        ),
        "de": (
            "Spielen Sie die Updates des Herstellers umgehend ein",
            "Prüfen Sie die Protokolle auf die im Anhang genannten Indikatoren",
            "Melden Sie verdächtige Aktivitäten Ihrem CERT",
            "Beschränken Sie Verwaltungsschnittstellen auf vertrauenswürdige Netze",
            "Erzwingen Sie Mehrfaktor-Authentisierung für jeden Fernzugriff",
            "Setzen Sie möglicherweise offengelegte Zugangsdaten zurück",
        ),
    },
    "w_date": _dates_past(),
    "w_since": _dates_since(),
    # Numbers of bulletins and press releases: plain text, not a QUANTITY.
    "w_docno": dict.fromkeys(LANGS, ("4", "7", "12", "19", "23", "31", "46", "58", "73", "102", "117", "148", "203")),
    "w_date_old": _dates_old(),
    "w_date_future": _dates_future(),
    "w_dateline": _datelines(),
    "w_notam_id": {lang: _notam_ids() for lang in LANGS},
    "w_notam_from": {lang: _notam_times() for lang in LANGS},
    "w_notam_to": {lang: _notam_times() for lang in LANGS},
    "w_cve": {lang: _cves() for lang in LANGS},
}

# ============================================================================================ pools and filling


@dataclass(frozen=True, slots=True)
class _Entry:
    item: str  # identity for no-repeat and hold-out ("city:ukraine:3")
    theatres: tuple[str, ...]  # empty: any theatre
    choices: tuple[str, ...]  # renderings, ⟦...⟧ marks the span where only part of it is the entity
    held_out: bool = False  # kept for the evaluation split


@dataclass(frozen=True, slots=True)
class _Pool:
    label: str | None
    entries: dict[Lang, tuple[_Entry, ...]]
    whole: bool = True  # an unmarked value is entirely the entity; False: only ⟦...⟧ parts are


def _place_pool(
    rows: Mapping[str, tuple[tuple[str, ...], ...]],
    render: Mapping[Lang, Callable[[tuple[str, ...]], Iterable[str]]],
    kind: str,
) -> dict[Lang, tuple[_Entry, ...]]:
    out: dict[Lang, list[_Entry]] = {lang: [] for lang in LANGS}
    for theatre, entries in rows.items():
        for i, row in enumerate(entries):
            for lang in LANGS:
                choices = tuple(render[lang](row))
                out[lang].append(_Entry(f"{kind}:{theatre}:{i}", (theatre,), choices, held_out=i % 6 == 5))
    return {lang: tuple(v) for lang, v in out.items()}


_L = {"en": 0, "fr": 1, "de": 2}


def _names(row: tuple[str, ...], lang: Lang) -> tuple[str, ...]:
    return _variants(row[_L[lang]])


def _pick(row: tuple[str, ...], index: int) -> list[str]:
    return [row[index]]


def _in_region(row: tuple[str, ...], lang: Lang, theatre_words: bool) -> list[str]:
    out: list[str] = []
    for name in _names(row, lang):
        if lang == "en":
            out += [f"in the ⟦{name}⟧ region", f"in the ⟦{name}⟧ area"] + (
                [f"in ⟦{name}⟧ oblast", f"in the ⟦{name}⟧ oblast"] if theatre_words else []
            )
        elif lang == "fr":
            out += [f"dans la région {_fr_de(name)}⟦{name}⟧"] + (
                [f"dans l'oblast {_fr_de(name)}⟦{name}⟧"] if theatre_words else []
            )
        else:
            out += [f"in der Region ⟦{name}⟧", f"im Raum ⟦{name}⟧"] + (
                [f"im Gebiet ⟦{name}⟧", f"in der Oblast ⟦{name}⟧"] if theatre_words else []
            )
    return out


_FR_IN = {"la": "en ", "l'": "en ", "le": "au ", "les": "aux "}
_FR_OF = {"la": "de la ", "l'": "de l'", "le": "du ", "les": "des "}
_FR_THE = {"la": "la ", "l'": "l'", "le": "le ", "les": "les "}
_DE_IN = {"": "in ", "die": "in der ", "der": "im "}
_DE_THE = {"": "", "die": "die ", "der": "der "}


def _build_place_pools() -> dict[str, _Pool]:
    pools: dict[str, _Pool] = {}
    bare = {lang: partial(_names, lang=lang) for lang in LANGS}
    pools["w_city"] = _Pool("LOCATION", _place_pool(_CITIES, bare, "city"))
    pools["w_dl"] = pools["w_city"]
    pools["w_near_city"] = _Pool(
        "LOCATION",
        _place_pool(
            _CITIES,
            {
                "en": lambda row: [
                    f"{p} ⟦{n}⟧" for n in _names(row, "en") for p in ("near", "outside", "on the outskirts of")
                ],
                "fr": lambda row: [
                    f"{p} {_fr_de(n)}⟦{n}⟧"
                    for n in _names(row, "fr")
                    for p in ("près", "aux abords", "dans la banlieue")
                ],
                "de": lambda row: [
                    f"{p} ⟦{n}⟧"
                    for n in _names(row, "de")
                    for p in ("bei", "nahe", "am Stadtrand von", "in der Nähe von")
                ],
            },
            "city",
        ),
    )
    pools["w_de_city"] = _Pool(
        "LOCATION",
        _place_pool(
            _CITIES,
            {
                "en": lambda row: [f"of ⟦{n}⟧" for n in _names(row, "en")],
                "fr": lambda row: [f"{_fr_de(n)}⟦{n}⟧" for n in _names(row, "fr")],
                "de": lambda row: [f"von ⟦{n}⟧" for n in _names(row, "de")],
            },
            "city",
        ),
    )
    region_rows = {t: _REGIONS[t] for t in THEATRES}
    pools["w_region"] = _Pool(
        "LOCATION",
        {
            lang: _place_pool(region_rows, bare, "region")[lang] + _place_pool(_NAMED_REGIONS, bare, "nregion")[lang]
            for lang in LANGS
        },
    )
    in_region = _place_pool(
        region_rows, {lang: partial(_in_region, lang=lang, theatre_words=False) for lang in LANGS}, "region"
    )
    in_oblast = {
        lang: tuple(
            _Entry(
                e.item,
                e.theatres,
                tuple(_in_region(_REGIONS["ukraine"][int(e.item.split(":")[2])], lang, True)),
                e.held_out,
            )
            if "ukraine" in e.theatres
            else e
            for e in in_region[lang]
        )
        for lang in LANGS
    }
    named_in = _place_pool(_NAMED_REGIONS, {lang: partial(_pick, index=3 + _L[lang]) for lang in LANGS}, "nregion")
    pools["w_in_region"] = _Pool("LOCATION", {lang: in_oblast[lang] + named_in[lang] for lang in LANGS})
    pools["w_country"] = _Pool("LOCATION", _place_pool(_COUNTRIES, bare, "country"))
    pools["w_in_country"] = _Pool(
        "LOCATION",
        _place_pool(
            _COUNTRIES,
            {
                "en": lambda row: [f"in ⟦{row[0]}⟧"],
                "fr": lambda row: [f"{_FR_IN[row[3]]}⟦{row[1]}⟧"],
                "de": lambda row: [f"{_DE_IN[row[4]]}⟦{row[2]}⟧"],
            },
            "country",
        ),
    )
    pools["w_the_country"] = _Pool(
        "LOCATION",
        _place_pool(
            _COUNTRIES,
            {
                "en": lambda row: [f"⟦{row[0]}⟧"],
                "fr": lambda row: [f"{_FR_THE[row[3]]}⟦{row[1]}⟧"],
                "de": lambda row: [f"{_DE_THE[row[4]]}⟦{row[2]}⟧"],
            },
            "country",
        ),
    )
    pools["w_de_country"] = _Pool(
        "LOCATION",
        _place_pool(
            _COUNTRIES,
            {
                "en": lambda row: [f"of ⟦{row[0]}⟧"],
                "fr": lambda row: [f"{_FR_OF[row[3]]}⟦{row[1]}⟧"],
                "de": lambda row: [
                    f"von ⟦{row[2]}⟧"
                    if not row[4]
                    else ("der ⟦" + row[2] + "⟧" if row[4] == "die" else "des ⟦" + row[2] + "⟧")
                ],
            },
            "country",
        ),
    )
    pools["w_sea"] = _Pool("LOCATION", _place_pool(_SEAS, bare, "sea"))
    pools["w_in_sea"] = _Pool(
        "LOCATION", _place_pool(_SEAS, {lang: partial(_pick, index=3 + _L[lang]) for lang in LANGS}, "sea")
    )
    pools["w_river"] = _Pool("LOCATION", _place_pool(_RIVERS, bare, "river"))
    pools["w_on_river"] = _Pool(
        "LOCATION",
        _place_pool(
            _RIVERS,
            {
                "en": lambda row: [f"{p} the ⟦{n}⟧" for n in _names(row, "en") for p in ("on", "along")],
                "fr": lambda row: [f"sur {_FR_THE[row[3]]}⟦{n}⟧" for n in _names(row, "fr")],
                "de": lambda row: [f"{'an der' if row[4] == 'die' else 'am'} ⟦{n}⟧" for n in _names(row, "de")],
            },
            "river",
        ),
    )
    pools["w_island"] = _Pool("LOCATION", _place_pool(_ISLANDS, bare, "island"))
    pools["w_near_island"] = _Pool(
        "LOCATION", _place_pool(_ISLANDS, {lang: partial(_pick, index=3 + _L[lang]) for lang in LANGS}, "island")
    )
    pools["w_base"] = _Pool("LOCATION", _place_pool(_BASES, bare, "base"))
    pools["w_at_base"] = _Pool(
        "LOCATION",
        _place_pool(
            _BASES,
            {
                "en": lambda row: (
                    [
                        f"at ⟦{n}⟧"
                        if row[3] == "named"
                        else (f"at ⟦{n}⟧ air base" if row[3] == "air" else f"at the ⟦{n}⟧ camp")
                        for n in _names(row, "en")
                    ]
                    + ([f"at the ⟦{n}⟧ base" for n in _names(row, "en")] if row[3] != "named" else [])
                ),
                "fr": lambda row: (
                    [
                        f"à ⟦{n}⟧"
                        if row[3] == "named"
                        else (
                            f"sur la base aérienne {_fr_de(n)}⟦{n}⟧" if row[3] == "air" else f"au camp {_fr_de(n)}⟦{n}⟧"
                        )
                        for n in _names(row, "fr")
                    ]
                    + ([f"sur la base {_fr_de(n)}⟦{n}⟧" for n in _names(row, "fr")] if row[3] != "named" else [])
                ),
                "de": lambda row: (
                    [
                        f"in ⟦{n}⟧"
                        if row[3] == "named"
                        else (f"auf dem Fliegerhorst ⟦{n}⟧" if row[3] == "air" else f"im Lager ⟦{n}⟧")
                        for n in _names(row, "de")
                    ]
                    + ([f"auf dem Stützpunkt ⟦{n}⟧" for n in _names(row, "de")] if row[3] != "named" else [])
                ),
            },
            "base",
        ),
    )
    pools["w_fir"] = _Pool(
        "LOCATION",
        _place_pool(
            _FIRS,
            {
                "en": lambda row: [
                    c
                    for n in _names(row, "en")
                    for c in (f"⟦{n}⟧ FIR", f"⟦{n}⟧ FIR ({row[3]})", f"{row[3]} (⟦{n}⟧ FIR)")
                ],
                "fr": lambda row: [
                    c
                    for n in _names(row, "fr")
                    for c in (f"FIR ⟦{n}⟧", f"FIR {_fr_de(n)}⟦{n}⟧ ({row[3]})", f"{row[3]} (FIR ⟦{n}⟧)")
                ],
                "de": lambda row: [
                    c
                    for n in _names(row, "de")
                    for c in (
                        f"FIR ⟦{n}⟧",
                        f"FIR ⟦{n}⟧ ({row[3]})",
                        f"{row[3]} (FIR ⟦{n}⟧)",
                        f"Fluginformationsgebiet ⟦{n}⟧",
                    )
                ],
            },
            "fir",
        ),
    )
    pools["w_fir_code"] = _Pool(None, _place_pool(_FIRS, {lang: partial(_pick, index=3) for lang in LANGS}, "fir"))
    pools["w_mission"] = _Pool(
        "LOCATION",
        {
            lang: tuple(_Entry(f"mission:{t}:{i}", (t,), (m,)) for t, ms in _MISSIONS.items() for i, m in enumerate(ms))
            for lang in LANGS
        },
        whole=False,
    )
    pools["w_coord"] = _Pool(
        None, {lang: tuple(_Entry(f"coord:{i}", (t,), (c,)) for i, (t, c) in enumerate(_coords())) for lang in LANGS}
    )
    return pools


def _simple_pool(label: str | None, by_lang: Mapping[Lang, tuple[str, ...]], name: str) -> _Pool:
    return _Pool(
        label, {lang: tuple(_Entry(f"{name}:{i}", (), (v,)) for i, v in enumerate(by_lang[lang])) for lang in LANGS}
    )


def _build_pools() -> dict[str, _Pool]:
    pools = _build_place_pools()
    for name, groups in _EQUIPMENT.items():
        pools[name] = _Pool(
            "EQUIPMENT",
            {
                lang: tuple(
                    _Entry(f"{name}:{g}:{i}", theatres, _variants(v))
                    for g, (theatres, values) in enumerate(groups[lang])
                    for i, v in enumerate(values)
                )
                for lang in LANGS
            },
        )
    for name, agencies in _AGENCY_POOLS.items():
        pools[name] = _simple_pool("ORG", agencies, name)
    for name, plain in _PLAIN_POOLS.items():
        pools[name] = _simple_pool(None, plain, name)
    pools["w_utc"] = _simple_pool("DTG", {lang: _utc_times() for lang in LANGS}, "w_utc")
    # Temperatures depend on the theatre: no 45 °C in Riga, no -25 °C in Gao.
    hot, cold = ("sahel", "red_sea", "iraq"), tuple(t for t in THEATRES if t not in ("sahel", "red_sea", "iraq"))
    for name, table in (
        (
            "w_temp",
            (
                (cold, ("-12 °C", "-15 °C", "-18 °C", "-21 °C", "-25 °C", "-28 °C")),
                (hot, ("6 °C", "4 °C", "2 °C", "-1 °C")),
            ),
        ),
        ("w_heat", ((cold, ("33 °C", "35 °C", "36 °C", "38 °C")), (hot, ("44 °C", "46 °C", "48 °C", "50 °C")))),
    ):
        pools[name] = _Pool(
            None,
            {
                lang: tuple(
                    _Entry(f"{name}:{g}:{i}", ts, (v,)) for g, (ts, vs) in enumerate(table) for i, v in enumerate(vs)
                )
                for lang in LANGS
            },
        )
    pools["w_num"] = _simple_pool("QUANTITY", _small_numbers(), "w_num")
    pools["w_big"] = _simple_pool("QUANTITY", _big_numbers(), "w_big")
    pools["w_officer"] = _simple_pool("PERSON", _officers(), "w_officer")
    return pools


_POOLS: dict[str, _Pool] = _build_pools()

# Entity label of each slot pool (None: plain text).
SLOT_LABELS: dict[str, str | None] = {name: pool.label for name, pool in _POOLS.items()}

_SLOT_NAME = re.compile(r"^w_([A-Za-z_]*?[A-Za-z])(\d*)$")


def _resolve(slot: str) -> tuple[str, bool, str, str] | None:
    """(pool, with "de" prefix, digits, stem) for a `w_` slot name, or None when no pool matches."""
    match = _SLOT_NAME.match(slot)
    if not match:
        return None
    stem, digits = match.group(1), match.group(2)
    pool = "w_" + stem.lower()
    if pool in _POOLS:
        return pool, False, digits, stem
    if stem.lower().startswith("de_") and "w_" + stem[3:].lower() in _POOLS:
        # Derived form "w_de_<pool>": French "de "/"d'" (elided), English "of ", German "von " before the value.
        return "w_" + stem[3:].lower(), True, digits, stem
    return None


def pool_of(slot: str) -> str | None:
    """The pool a `w_` slot name draws from ("w_Mod" -> "w_mod", "w_city2" -> "w_city", "w_FIR" -> "w_fir",
    "w_de_missiles" -> "w_missiles"), or None."""
    resolved = _resolve(slot)
    return resolved[0] if resolved else None


def vocabulary(slot: str, lang: Lang) -> tuple[str, ...]:
    """Every rendering a slot can produce in a language, markers removed."""
    resolved = _resolve(slot)
    if resolved is None:
        raise KeyError(slot)
    pool, with_de = resolved[0], resolved[1]
    values = tuple(_strip_markers(c) for e in _POOLS[pool].entries[lang] for c in e.choices)
    return tuple(_de_prefix(v, lang) + v for v in values) if with_de else values


def _de_prefix(text: str, lang: Lang) -> str:
    return {"en": "of ", "de": "von "}.get(lang) or _fr_de(text)


@dataclass(slots=True)
class SlotState:
    """Per-report memory: the theatre, the values drawn so far (so a slot repeats its value), items used."""

    theatre: str | None = None
    cache: dict[str, tuple[tuple[str, str | None], ...]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    linked: dict[str, str] = field(default_factory=dict)
    category: str | None = None  # the situation's category: some filler sentences suit only some categories


def new_state(situation_key: str | None, rng: random.Random) -> SlotState:
    theatres = SITUATION_THEATRES.get(situation_key or "", THEATRES)  # defined with the situations below
    return SlotState(theatre=rng.choice(theatres), category=_CATEGORY_OF.get(situation_key or ""))


_INCIDENTS = frozenset(
    {"enemy_movement", "attack", "air_activity", "cbrn", "logistics_infrastructure", "cyber_ew", "civil_humanitarian"}
)
# Filler sentences (by item, the same index in every language) that only some categories can carry: wire copy
# about a change of command does not end "It was not immediately clear what had been targeted". Items not
# listed suit every category.
_FILLER_SCOPES: dict[str, frozenset[str]] = {
    "w_bg:0": _INCIDENTS,  # the claims could not be independently verified
    "w_bg:2": _INCIDENTS,  # similar incidents in recent months
    "w_bg:3": frozenset({"attack", "air_activity"}),  # neither side commented on casualty figures
    "w_bg:4": frozenset({"attack", "air_activity"}),  # not immediately clear what had been targeted
    "w_bg:5": _INCIDENTS,  # earlier reports had given a lower figure
    "w_bg:6": _INCIDENTS,  # independent observers could not reach the site
    "w_stmt_filler:5": frozenset({"attack", "air_activity", "cbrn"}),  # losses among the personnel
}


def _segments(value: str, label: str | None, whole: bool = True) -> list[tuple[str, str | None]]:
    if "⟦" not in value:
        return [(value, label if whole else None)]
    out: list[tuple[str, str | None]] = []
    for i, part in enumerate(re.split(r"[⟦⟧]", value)):
        if part:
            out.append((part, label if i % 2 == 1 else None))
    return out


@lru_cache(maxsize=4096)
def _candidates(
    pool_name: str, lang: Lang, theatre: str | None, category: str | None, split: str
) -> tuple[_Entry, ...]:
    """The entries a slot may draw from for a theatre, a category and a split (before no-repeat)."""
    entries = _POOLS[pool_name].entries[lang]
    if theatre is not None:
        local = [e for e in entries if theatre in e.theatres]
        generic = [e for e in entries if not e.theatres]
        if local or generic:
            entries = tuple(local + generic)
    if category is not None:
        entries = tuple(e for e in entries if category in _FILLER_SCOPES.get(e.item, (category,))) or entries
    by_split = (
        [e for e in entries if e.held_out == (split == "eval")] if any(e.held_out for e in entries) else list(entries)
    )
    return tuple(by_split or entries)


def _draw(pool_name: str, lang: Lang, rng: random.Random, state: SlotState, split: str) -> _Entry:
    candidates = _candidates(pool_name, lang, state.theatre, state.category, split)
    # Items are shared by the forms of one place ("city:ukraine:3" in w_city, w_near_city, w_dl...), so two
    # slots of one report never name the same place unless they are the same slot.
    fresh = [e for e in candidates if e.item not in state.used] or candidates
    entry = rng.choice(fresh)
    state.used.add(entry.item)
    return entry


def _notam_to(start: str, rng: random.Random) -> str:
    try:
        begin = datetime.strptime(start, "%y%m%d%H%M")
    except ValueError:
        return start
    end = begin + timedelta(days=rng.choice((0, 1, 2, 3, 5, 7, 14, 30)), hours=rng.choice((2, 4, 6, 10, 12)))
    return end.strftime("%y%m%d%H%M")


def fill(
    slot: str, lang: Lang, rng: random.Random, state: SlotState | None = None, split: str = "train"
) -> list[tuple[str, str | None]]:
    """Segments (text, entity label or None) for one `w_` slot; the same slot in one state repeats its value."""
    resolved = _resolve(slot)
    if resolved is None:
        raise KeyError(f"unknown register slot {slot!r}")
    pool_name, with_de, digits, stem = resolved
    state = state if state is not None else SlotState()
    key = pool_name + digits
    if key not in state.cache:
        pool = _POOLS[pool_name]
        if pool_name == "w_fir_code" and "fir" in state.linked:
            text = state.linked["fir"]
        elif pool_name == "w_notam_to" and "notam_from" in state.linked:
            text = _notam_to(state.linked["notam_from"], rng)
        else:
            entry = _draw(pool_name, lang, rng, state, split)
            text = rng.choice(entry.choices)
            if pool_name in ("w_fir", "w_fir_code") and "fir" not in state.linked:
                theatre, index = entry.item.split(":")[1:]
                state.linked["fir"] = _FIRS[theatre][int(index)][3]
            if pool_name == "w_notam_from":
                state.linked["notam_from"] = text
            if pool_name == "w_dl" and rng.random() < 0.6:
                text = text.upper()
        state.cache[key] = tuple(_segments(text, pool.label, pool.whole))
    segs = list(state.cache[key])
    if with_de and segs:
        segs.insert(0, (_de_prefix(segs[0][0], lang), None))
    if stem.isupper():
        segs = [(t.upper(), lab) for t, lab in segs]
    elif stem[0].isupper() and segs:
        t, lab = segs[0]
        segs[0] = (t[:1].upper() + t[1:], lab)
    return segs


_SLOT = re.compile(r"\{(\w+)\}")


def slots_in(template: str) -> set[str]:
    return set(_SLOT.findall(template))


# A phrase or frame that names its source. corpus.py puts an attributed event only in a frame that adds no
# source of its own: "..., the ministry said, according to the mayor" reads as a template seam.
_ATTRIBUTION: dict[Lang, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:said|says|according to|told|reports that|reported that|claims|claimed)\b|\breports:", re.IGNORECASE
    ),
    "fr": re.compile(
        r"\b(?:selon|d'après|a déclaré|a indiqué|ont indiqué|a affirmé|affirme|a annoncé|a précisé|rapporte|"
        r"indique|fait état|notent? (?:le|la|les|un|une))\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:laut|zufolge|sagte|sagten|sagt|teilte|teilten|mitteilte|teilt mit|hieß es|erklärte|erklärten|"
        r"berichtet|berichtete|berichten|nach eigenen Angaben|meldet|meldete)\b",
        re.IGNORECASE,
    ),
}


def attributes(template: str, lang: Lang) -> bool:
    """Whether a phrase or frame (its literal text, slots aside) names a source ("officials said", "selon")."""
    return bool(_ATTRIBUTION[lang].search(_SLOT.sub(" ", template)))


# ============================================================================================ situations
# Keys: os_<home register>_<name>; os_field_* are field reports of our own forces abroad (the only FLASH).
# Phrases end without a full stop (frames add it). French phrases put "de" before a slot only through the
# w_de_* forms (elision); German phrases use agency and equipment slots only as subjects or accusative objects.

_EM: tuple[Situation, ...] = (
    Situation(
        "os_wire_buildup",
        "enemy_movement",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "satellite images taken {w_date} show rows of {w_armour} and {w_arty} parked {w_near_city}, some 40 km from the border",
                "{w_mod} said it had tracked a build-up of {w_num} battalion tactical groups {w_in_region} over the past week",
                "new field camps have appeared {w_near_city}, where commercial imagery shows {w_armour} lined up under netting",
                "{w_official} told reporters that {w_num} trainloads of {w_armour} had arrived {w_near_city} since the start of the month",
                "the number of troops massed {w_in_region} has roughly doubled since last month, according to {w_mod}",
                "officials described the movements {w_in_region} as 'significant, though not yet offensive in character'",
                "residents filmed long columns of {w_armour} rolling through {w_city} {w_date}, heading towards the border",
                "units pulled back from the front earlier this year have been moved {w_in_region}, bringing {w_arty} with them, {w_mod} reported",
                "field hospitals and fuel dumps have been set up {w_near_city}, a sign the build-up is meant to last, {w_think} wrote in a note to clients",
                "{w_ad_enemy} and {w_helis} were brought forward {w_in_region} during the week, two officials said",
                "a senior officer, speaking on condition of anonymity, put the force gathered {w_near_city} at 'well over' {w_big} troops",
                "{w_mod} said {w_date} it had seen no sign of the announced pull-back; the units {w_in_region} were still in place",
                "troops from {w_num} divisions have moved into assembly areas {w_near_city}; the build-up was first spotted {w_date}",
            ),
            "fr": (
                "des images satellites prises {w_date} montrent des rangées de {w_armour} stationnés {w_near_city}, à une quarantaine de kilomètres de la frontière",
                "{w_mod} affirme avoir suivi la concentration de {w_num} groupements tactiques {w_in_region} au cours de la semaine écoulée",
                "de nouveaux camps sont apparus {w_near_city}, où l'imagerie commerciale montre des {w_armour} alignés sous des filets de camouflage",
                "selon {w_official}, {w_num} trains chargés de {w_armour} sont arrivés {w_near_city} depuis le début du mois",
                "les effectifs massés {w_in_region} ont pratiquement doublé en un mois, selon {w_mod}",
                "les responsables qualifient les mouvements observés {w_in_region} d'« importants, mais pas encore offensifs »",
                "des habitants ont filmé {w_date} de longues colonnes de {w_armour} traversant {w_city} en direction de la frontière",
                "des unités retirées du front plus tôt dans l'année ont été redéployées {w_in_region} avec leurs {w_arty}, indique {w_mod}",
                "hôpitaux de campagne et dépôts de carburant ont été installés {w_near_city}, signe que le dispositif doit durer, note {w_think}",
                "des {w_ad_enemy} et des {w_helis} ont été avancés {w_in_region} dans la semaine, selon deux responsables",
                "un officier supérieur, sous couvert d'anonymat, évalue la force rassemblée {w_near_city} à « bien plus » de {w_big} hommes",
                "{w_mod} n'a constaté {w_date} aucun signe du retrait annoncé : les unités {w_in_region} sont toujours en place",
                "des troupes issues de {w_num} divisions ont rejoint des zones de regroupement {w_near_city} ; la concentration avait été repérée {w_date}",
            ),
            "de": (
                "Satellitenbilder vom {w_dateline} zeigen Reihen von Fahrzeugen, darunter {w_armour} und {w_arty}, {w_near_city}, etwa 40 km vor der Grenze",
                "{w_mod} verfolgt nach eigenen Angaben seit einer Woche den Aufmarsch von {w_num} taktischen Bataillonsgruppen {w_in_region}",
                "{w_near_city} sind neue Feldlager entstanden; kommerzielle Aufnahmen zeigen {w_armour} unter Tarnnetzen",
                "seit Monatsbeginn seien {w_num} Güterzüge mit Militärgerät {w_near_city} eingetroffen, sagte {w_official}",
                "die Zahl der {w_in_region} zusammengezogenen Soldaten hat sich binnen eines Monats fast verdoppelt, teilte {w_mod} mit",
                "die Bewegungen {w_in_region} seien „erheblich, aber noch nicht offensiv“, hieß es aus Regierungskreisen",
                "Anwohner filmten {w_date} lange Kolonnen, darunter {w_armour}, die durch {w_city} in Richtung Grenze fuhren",
                "Verbände, die Anfang des Jahres von der Front abgezogen wurden, sind nun {w_in_region} stationiert; auch {w_arty} wurden verlegt, meldete {w_mod}",
                "{w_near_city} wurden Feldlazarette und Treibstofflager eingerichtet – ein Zeichen, dass der Aufmarsch von Dauer sein soll, schreibt {w_think}",
                "im Laufe der Woche wurden auch {w_ad_enemy} und {w_helis} {w_in_region} nach vorne gezogen, sagten zwei Beamte",
                "ein hoher Offizier bezifferte die {w_near_city} versammelten Kräfte auf „deutlich mehr als“ {w_big} Soldaten",
                "von dem angekündigten Rückzug sei nichts zu sehen, die Verbände {w_in_region} stünden weiter bereit, erklärte {w_mod} {w_date}",
                "Truppen aus {w_num} Divisionen haben Bereitstellungsräume {w_near_city} bezogen; der Aufmarsch war {w_date} erstmals aufgefallen",
            ),
        },
    ),
    Situation(
        "os_statement_naval",
        "enemy_movement",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "{w_num} {w_ships} left port {w_date} and are now {w_in_sea}, {w_mod} said",
                "the navy reported {w_a_ship} and {w_num} support vessels sailing {w_near_island} {w_date}, shadowed by our navy",
                "{w_num} {w_ships} carrying up to {w_num2} {w_missiles} were on station {w_in_sea} this morning, according to {w_mod}",
                "{w_a_ship} transited {w_in_sea} overnight on a northerly course; it is the third such passage this month",
                "the enemy fleet has dispersed its {w_ships} away from {w_city} after recent strikes, officials said, and most now sit further east",
                "{w_mod} said {w_date} it was monitoring {w_a_ship} that had switched off its transponder {w_near_island}",
                "naval activity {w_in_sea}: {w_num} surface combatants and {w_a_ship} tracked during the past 24 hours, no launches recorded",
                "two {w_ships} were seen leaving {w_city} {w_date}, apparently heading for exercise areas {w_in_sea}",
                "'The group is moving slowly and keeping its distance,' the spokesman said of the {w_num} {w_ships} spotted {w_near_island}",
                "a maritime patrol flight located {w_num} {w_ships} with their escorts {w_in_sea} {w_date}; they were steaming south at low speed",
                "{w_Mod} reports that the number of carriers of {w_missiles} at sea has risen to {w_num}, up from two a week ago",
                "{w_a_ship} with a tug was reported {w_near_island} {w_date}, in what officials called an unusual redeployment",
            ),
            "fr": (
                "{w_num} {w_ships} ont appareillé {w_date} et se trouvent désormais {w_in_sea}, selon {w_mod}",
                "la marine signale {w_a_ship} et {w_num} bâtiments de soutien naviguant {w_near_island} {w_date}, suivis par notre marine",
                "{w_num} {w_ships} pouvant emporter jusqu'à {w_num2} {w_missiles} étaient en position {w_in_sea} ce matin, d'après {w_mod}",
                "{w_a_ship} a transité {w_in_sea} dans la nuit, cap au nord ; c'est le troisième passage de ce type ce mois-ci",
                "après les frappes récentes, la flotte adverse a éloigné ses {w_ships} {w_de_city} ; la plupart stationnent désormais plus à l'est",
                "{w_mod} indique {w_date} surveiller {w_a_ship} qui a coupé son transpondeur {w_near_island}",
                "activité navale {w_in_sea} : {w_num} bâtiments de surface et {w_a_ship} suivis ces dernières 24 heures, aucun tir constaté",
                "deux {w_ships} ont quitté {w_city} {w_date}, apparemment vers des zones d'exercice {w_in_sea}",
                "« Le groupe progresse lentement et garde ses distances », a déclaré le porte-parole au sujet des {w_num} {w_ships} repérés {w_near_island}",
                "un avion de patrouille maritime a localisé {w_date} {w_num} {w_ships} et leur escorte {w_in_sea}, faisant route au sud à faible vitesse",
                "{w_Mod} fait état de {w_num} porteurs {w_de_missiles} en mer, contre deux il y a une semaine",
                "{w_a_ship} accompagné d'un remorqueur a été signalé {w_near_island} {w_date}, un redéploiement jugé inhabituel",
            ),
            "de": (
                "{w_num} {w_ships} sind {w_date} ausgelaufen und befinden sich jetzt {w_in_sea}, teilte {w_mod} mit",
                "die Marine meldet {w_date} {w_a_ship} und {w_num} Versorgungsschiffe {w_near_island}, beobachtet von unserer Marine",
                "heute Morgen standen {w_num} {w_ships} {w_in_sea}; sie können zusammen bis zu {w_num2} {w_missiles} tragen, erklärte {w_mod}",
                "{w_a_ship} hat in der Nacht {w_in_sea} mit Nordkurs durchfahren; es ist die dritte solche Passage in diesem Monat",
                "nach den jüngsten Angriffen hat die gegnerische Flotte ihre Schiffe aus dem Hafen von {w_city} abgezogen, die meisten liegen nun weiter östlich",
                "{w_mod} beobachtet nach eigenen Angaben {w_a_ship} mit abgeschaltetem Transponder {w_near_island}",
                "Marinelage {w_in_sea}: {w_num} Überwassereinheiten und {w_a_ship} in den letzten 24 Stunden erfasst, keine Starts",
                "zwei {w_ships} verließen {w_date} {w_city}, offenbar in Richtung der Übungsgebiete {w_in_sea}",
                "„Der Verband bewegt sich langsam und hält Abstand“, sagte der Sprecher über die {w_num} {w_ships} {w_near_island}",
                "ein Seefernaufklärer hat {w_date} {w_num} {w_ships} samt Begleitschutz {w_in_sea} geortet, mit langsamer Fahrt nach Süden",
                "{w_mod} zählt {w_num} Träger von Seezielwaffen auf See, vor einer Woche waren es zwei",
                "{w_a_ship} wurde {w_date} mit einem Schlepper {w_near_island} gemeldet, eine aus Sicht der Behörden ungewöhnliche Verlegung",
            ),
        },
    ),
    Situation(
        "os_social_column",
        "enemy_movement",
        "PRIORITY",
        ("live", "unverified"),
        {
            "en": (
                "column of {w_armour} passing through {w_city} right now, at least {w_num} vehicles, heading {dir}",
                "video posted a few minutes ago shows {w_armour} on the main road out of {w_city}; the poster says 'they have been driving past for twenty minutes'",
                "locals report {w_num} {w_armour} and {w_trucks} queueing at the rail yard {w_near_city} this evening",
                "'{w_Armour} on our street, no markings, going towards the bridge' - message shared by {w_channel}",
                "long convoy {w_near_city} now, lights off, moving slowly {dir}; channel claims {w_num} {w_arty} among them",
                "{w_channel} says troops are unloading {w_armour} from flatcars at the station in {w_city} at this moment",
                "post: columns with {w_helis} overhead moving along the river road {w_in_region}, source unclear",
                "a user in {w_city} writes that military traffic has not stopped since the afternoon and the shops have closed",
                "footage of {w_num} {w_armour} crossing a bridge {w_on_river}, filmed from a balcony, date and place not confirmed",
                "new: {w_channel} reports {w_ships} leaving the harbour of {w_city} in the last hour",
                "'At least fifty {w_trucks}, some with {w_ad_enemy} on them, just passed the petrol station' - unverified post from {w_city}",
                "photos appear to show {w_armour} with fresh white markings gathering {w_near_city}; geolocation still pending",
            ),
            "fr": (
                "colonne de {w_armour} en train de traverser {w_city}, au moins {w_num} véhicules, direction {dir}",
                "une vidéo publiée il y a quelques minutes montre des {w_armour} sur la route principale à la sortie {w_de_city} ; « ça fait vingt minutes qu'ils passent », écrit l'auteur",
                "des habitants signalent ce soir {w_num} {w_armour} et des {w_trucks} en attente à la gare de triage {w_near_city}",
                "« Des {w_armour} dans notre rue, sans marquage, vers le pont » – message relayé par {w_channel}",
                "long convoi {w_near_city} en ce moment, tous feux éteints, vers le {dir} ; la chaîne évoque {w_num} {w_arty}",
                "{w_channel} affirme que des militaires déchargent en ce moment des {w_armour} de wagons plats à la gare {w_de_city}",
                "publication : colonnes survolées par des {w_helis} le long de la route du fleuve {w_in_region}, source incertaine",
                "un internaute {w_de_city} écrit que le trafic militaire n'a pas cessé depuis l'après-midi et que les magasins ont fermé",
                "images de {w_num} {w_armour} franchissant un pont {w_on_river}, filmées depuis un balcon, date et lieu non confirmés",
                "nouveau : {w_channel} signale des {w_ships} quittant le port {w_de_city} au cours de la dernière heure",
                "« Au moins cinquante {w_trucks}, certains avec des {w_ad_enemy}, viennent de passer la station-service » – message non vérifié depuis {w_city}",
                "des photos semblent montrer des {w_armour} portant de nouveaux marquages blancs regroupés {w_near_city} ; géolocalisation en cours",
            ),
            "de": (
                "Kolonne fährt gerade durch {w_city}: {w_armour}, mindestens {w_num} Fahrzeuge, Richtung {dir}",
                "vor wenigen Minuten gepostetes Video zeigt {w_armour} auf der Ausfallstraße von {w_city}; „die fahren seit zwanzig Minuten vorbei“, schreibt der Nutzer",
                "Anwohner melden heute Abend {w_num} {w_armour} und {w_trucks}, die am Güterbahnhof {w_near_city} warten",
                "„{w_Armour} in unserer Straße, ohne Kennung, Richtung Brücke“ – Nachricht, die {w_channel} geteilt hat",
                "langer Konvoi {w_near_city}, ohne Licht, fährt langsam nach {dir}; der Kanal spricht von {w_num} {w_arty}",
                "{w_channel} berichtet, am Bahnhof von {w_city} würden gerade {w_armour} von Flachwagen abgeladen",
                "Beitrag: Kolonnen auf der Uferstraße {w_in_region}, darüber {w_helis}, Quelle unklar",
                "ein Nutzer aus {w_city} schreibt, der Militärverkehr reiße seit dem Nachmittag nicht ab, die Geschäfte hätten geschlossen",
                "Aufnahmen von {w_num} {w_armour}, die eine Brücke {w_on_river} überqueren, von einem Balkon gefilmt, Datum und Ort unbestätigt",
                "neu: {w_channel} meldet {w_ships}, die in der letzten Stunde den Hafen von {w_city} verlassen haben",
                "„Mindestens fünfzig {w_trucks} sind gerade an der Tankstelle vorbei, auf einigen standen {w_ad_enemy}“ – unbestätigter Beitrag aus {w_city}",
                "Fotos zeigen offenbar {w_armour} mit frischen weißen Markierungen, die sich {w_near_city} sammeln; Geolokalisierung läuft",
            ),
        },
    ),
    Situation(
        "os_analysis_history_moves",
        "enemy_movement",
        "ROUTINE",
        ("background",),
        {
            "en": (
                "a look back at how the armoured divisions were shifted {w_in_region} {w_date_old}, and what that tells us about rail capacity",
                "background: since {w_year}, the other side has regularly staged large autumn manoeuvres {w_near_city}, moving {w_armour} by rail over several weeks",
                "the paper traces the redeployment of {w_ships} away from {w_city} since {w_year} and argues the fleet's posture has become defensive",
                "historical note: the last comparable concentration of forces {w_in_region} dates from {w_year}, when {w_num} brigades were moved in over a month",
                "{w_think} has published a study of force movements {w_in_region} between {w_year} and today; it finds that build-ups took six to eight weeks",
                "our assessment of the long-term trend: fewer {w_armour}, more {w_arty} and {w_drones} in the units stationed {w_near_city}",
                "this backgrounder explains the garrison structure {w_in_region} and why units there rotate every six months",
                "review of open sources on the reconstitution of the divisions withdrawn {w_date_old}: most remain below strength",
                "in {w_year} a similar movement was announced as an exercise and ended with the troops going home; the article compares the two episodes",
                "the chapter on logistics describes how forces are usually brought {w_in_region}: by rail to {w_city}, then by road over the last 100 km",
                "long read: thirty years of naval deployments {w_in_sea}, and the pattern of spring and autumn rotations",
                "the authors argue that troop movements {w_in_region} have followed the training calendar for a decade and should not be read as preparations for an offensive",
            ),
            "fr": (
                "retour sur le redéploiement des divisions blindées {w_in_region} {w_date_old} et sur ce qu'il révèle des capacités ferroviaires",
                "contexte : depuis {w_year}, l'autre camp organise chaque automne de grandes manœuvres {w_near_city}, acheminant ses {w_armour} par rail pendant plusieurs semaines",
                "l'étude retrace le repli des {w_ships} {w_de_city} depuis {w_year} et conclut à une posture navale devenue défensive",
                "rappel historique : la dernière concentration comparable {w_in_region} remonte à {w_year}, quand {w_num} brigades avaient été acheminées en un mois",
                "{w_think} publie une étude des mouvements de forces {w_in_region} de {w_year} à nos jours : les montées en puissance ont pris six à huit semaines",
                "notre analyse de la tendance de fond : moins de {w_armour}, davantage {w_de_arty} et de {w_drones} dans les unités stationnées {w_near_city}",
                "cette note de contexte présente l'organisation des garnisons {w_in_region} et la relève semestrielle des unités",
                "synthèse des sources ouvertes sur la reconstitution des divisions retirées {w_date_old} : la plupart restent en sous-effectif",
                "en {w_year}, un mouvement similaire avait été présenté comme un exercice avant le retour des troupes en caserne ; l'article compare les deux épisodes",
                "le chapitre logistique décrit l'acheminement habituel des forces {w_in_region} : par rail jusqu'à {w_city}, puis par la route sur les 100 derniers kilomètres",
                "dossier : trente ans de déploiements navals {w_in_sea} et le rythme des rotations de printemps et d'automne",
                "selon les auteurs, les mouvements de troupes {w_in_region} suivent depuis dix ans le calendrier d'instruction et ne préparent pas une offensive",
            ),
            "de": (
                "Rückblick: wie die Panzerdivisionen {w_date_old} {w_in_region} verlegt wurden und was das über die Bahnkapazitäten verrät",
                "Hintergrund: seit {w_year} hält die Gegenseite jeden Herbst große Manöver {w_near_city} ab und bringt dafür über Wochen Gerät per Bahn heran",
                "die Studie zeichnet den Abzug der Flotte aus {w_city} seit {w_year} nach und hält ihre Aufstellung inzwischen für defensiv",
                "historische Einordnung: die letzte vergleichbare Truppenkonzentration {w_in_region} gab es {w_year}, als binnen eines Monats {w_num} Brigaden verlegt wurden",
                "{w_think} hat eine Untersuchung der Truppenbewegungen {w_in_region} seit {w_year} veröffentlicht; ein Aufmarsch dauerte demnach sechs bis acht Wochen",
                "unsere Bewertung des langfristigen Trends: in den {w_near_city} stationierten Verbänden weniger {w_armour}, mehr {w_arty} und {w_drones}",
                "dieses Hintergrundpapier erläutert die Garnisonsstruktur {w_in_region} und den halbjährlichen Wechsel der Einheiten",
                "Auswertung offener Quellen zur Wiederaufstellung der {w_date_old} abgezogenen Divisionen: die meisten sind weiter unterbesetzt",
                "{w_year} wurde eine ähnliche Verlegung als Übung angekündigt und endete mit der Rückkehr der Truppen; der Beitrag vergleicht beide Fälle",
                "das Kapitel zur Logistik beschreibt den üblichen Weg der Kräfte {w_in_region}: per Bahn bis {w_city}, die letzten 100 km auf der Straße",
                "ausführlicher Beitrag: dreißig Jahre Marineeinsätze {w_in_sea} und der Rhythmus der Frühjahrs- und Herbstrotationen",
                "die Autoren argumentieren, dass die Truppenbewegungen {w_in_region} seit zehn Jahren dem Ausbildungskalender folgen und keine Offensive vorbereiten",
            ),
        },
    ),
    Situation(
        "os_field_advance",
        "enemy_movement",
        "IMMEDIATE",
        ("enemy_closing", "own_forces"),
        {
            "en": (
                "{qty} {eq_armour} moving {dir} towards our screen line {w_near_city}, ETA at our positions less than 1 hr",
                "obs enemy column, {w_num} {w_armour}, crossing the border {w_near_city} and heading for our FOB",
                "{eunit} elements advancing on {w_city}; lead vehicles 5 km from our forward platoon, closing",
                "armed group convoy of {w_num} {w_armour} and motorbikes approaching the camp from the {dir}, dust visible, about 20 min out",
                "en mech coy ({qty} {eq_armour}) has crossed the river ({w_river}) and is moving on our blocking position",
                "{w_num} {w_armour} massing at the crossing {w_near_city}, engines running, turrets towards our OP; attack likely within the hour",
                "recce reports enemy battle group, at least {w_num} {w_armour}, bypassing {w_city} to reach our left flank",
                "unknown armed men in {w_num} {w_armour} heading straight for the patrol base {w_near_city}, no answer to warning signals",
                "large force with {w_arty} moving up behind the lead {w_armour}; our OP {w_near_city} has them at 3 km and closing",
                "column spotted on our surveillance feed on the main road {w_near_city}: {qty} {eq_armour}, {qty} {w_trucks}, direction our positions",
                "enemy infantry on foot and {w_num} {w_armour} advancing through the forest edge {w_near_city}, about 2 km from our lines",
                "{eunit} has started moving out of its assembly area {w_in_region} towards our sector, lead elements already at {w_city}",
            ),
            "fr": (
                "{qty} {eq_armour} en mouvement vers le {dir} en direction de notre ligne d'écran {w_near_city}, à moins d'une heure de nos positions",
                "obs colonne ENI, {w_num} {w_armour}, franchissant la frontière {w_near_city} en direction de notre base avancée",
                "éléments du {eunit} progressant vers {w_city} ; véhicules de tête à 5 km de notre section avancée, se rapprochent",
                "convoi d'un groupe armé, {w_num} {w_armour} et des motos, approchant du camp par le {dir}, nuage de poussière visible, env. 20 min",
                "cie méca ENI ({qty} {eq_armour}) a franchi le fleuve ({w_river}) et marche sur notre position de blocage",
                "{w_num} {w_armour} regroupés au point de passage {w_near_city}, moteurs tournants, tourelles vers notre PO ; attaque probable dans l'heure",
                "la reco signale un groupement ENI d'au moins {w_num} {w_armour} qui contourne {w_city} pour atteindre notre flanc gauche",
                "individus armés à bord de {w_num} {w_armour} se dirigeant droit sur la base de patrouille {w_near_city}, aucune réponse aux signaux",
                "force importante avec {w_arty} montant derrière les {w_armour} de tête ; notre PO {w_near_city} les a à 3 km, en approche",
                "colonne repérée par nos capteurs sur l'axe principal {w_near_city} : {qty} {eq_armour}, {qty} {w_trucks}, direction nos positions",
                "infanterie ENI à pied et {w_num} {w_armour} progressant en lisière de forêt {w_near_city}, à env. 2 km de nos lignes",
                "le {eunit} a quitté sa zone de regroupement {w_in_region} vers notre secteur, éléments de tête déjà à {w_city}",
            ),
            "de": (
                "{qty} {eq_armour} in Bewegung nach {dir} auf unsere Sicherungslinie {w_near_city}, weniger als 1 Std bis zu unseren Stellungen",
                "Feindkolonne beobachtet, {w_num} {w_armour}, überschreitet die Grenze {w_near_city} mit Richtung auf unser Feldlager",
                "Teile {eunit} gehen auf {w_city} vor; Spitze 5 km vor unserem vorgeschobenen Zug, nähert sich",
                "Konvoi einer bewaffneten Gruppe, {w_num} {w_armour} und Motorräder, nähert sich dem Lager aus {dir}, Staubwolke sichtbar, ca. 20 Min",
                "mech. Feindkompanie ({qty} {eq_armour}) hat den Fluss überschritten ({w_river}) und geht auf unsere Sperrstellung vor",
                "{w_num} {w_armour} sammeln sich am Übergang {w_near_city}, Motoren laufen, Türme auf unseren Beobachtungsposten gerichtet; Angriff binnen einer Stunde wahrscheinlich",
                "Aufklärung meldet feindliche Kampfgruppe, mindestens {w_num} {w_armour}, die {w_city} umgeht, um unsere linke Flanke zu erreichen",
                "unbekannte Bewaffnete in {w_num} Fahrzeugen halten direkt auf die Patrouillenbasis {w_near_city} zu, keine Reaktion auf Warnzeichen",
                "starke Kräfte rücken hinter der Spitze nach, darunter {w_arty}; unser Beobachtungsposten {w_near_city} hat sie auf 3 km, Abstand nimmt ab",
                "von unserer Aufklärung erfasste Kolonne auf der Hauptstraße {w_near_city}: {qty} {eq_armour}, {qty} {w_trucks}, Richtung eigene Stellungen",
                "feindliche Infanterie zu Fuß und {w_num} {w_armour} gehen am Waldrand {w_near_city} vor, ca. 2 km vor unseren Linien",
                "{eunit} hat den Bereitstellungsraum {w_in_region} verlassen und bewegt sich auf unseren Abschnitt zu, Spitze bereits in {w_city}",
            ),
        },
        ("observe", "request_fires", "request_support"),
    ),
    Situation(
        "os_field_recce",
        "enemy_movement",
        "PRIORITY",
        ("enemy_small",),
        {
            "en": (
                "{n} pax with binoculars watching our camp from the ridge {w_near_city}, left {dir} after 10 min",
                "single {eq_light} parked across the border {w_near_city}, crew observing our patrol route, no hostile act",
                "small recce team (approx {n} pax) seen near the fence {w_at_base}, withdrew before our QRF arrived",
                "{w_recon_uav} loitering over the patrol base {w_near_city} for 20 min, high altitude, then flew off {dir}",
                "fresh tyre tracks and a cut in the border fence found {w_near_city}; small party crossed overnight, direction unknown",
                "{n} men on motorbikes followed our convoy for 3 km {w_near_city}, turned back at the checkpoint",
                "pickup with {n} armed men stationary on the hill east of {w_city}, watching the road, no movement towards us",
                "two unknown persons photographing the entrance {w_at_base}; they left in a car heading {dir}",
                "enemy OP suspected on the water tower {w_near_city}, optics reflections seen twice, no weapons seen",
                "{qty} {eq_light} seen refuelling in {w_city}, crews relaxed, no sign of movement towards our sector",
                "patrol found an abandoned hide with fresh rations and a radio battery {w_near_city}, used within the last day",
                "local elders report {n} strangers asking about our patrol times in {w_city} yesterday",
            ),
            "fr": (
                "{n} individus avec jumelles observant notre camp depuis la crête {w_near_city}, repartis vers le {dir} au bout de 10 min",
                "un {eq_light} isolé stationné de l'autre côté de la frontière {w_near_city}, équipage observant notre itinéraire de patrouille, aucun acte hostile",
                "petite équipe de reco (env. {n} pax) vue près du grillage {w_at_base}, repliée avant l'arrivée de la QRF",
                "{w_recon_uav} en orbite au-dessus de la base de patrouille {w_near_city} pendant 20 min, haute altitude, puis parti vers le {dir}",
                "traces de pneus récentes et grillage frontalier découpé {w_near_city} ; petit groupe passé dans la nuit, direction inconnue",
                "{n} hommes à moto ont suivi notre convoi sur 3 km {w_near_city}, demi-tour au checkpoint",
                "pick-up avec {n} hommes armés à l'arrêt sur la colline à l'est {w_de_city}, surveillent la route, aucun mouvement vers nous",
                "deux inconnus photographiant l'entrée {w_at_base} ; repartis en voiture vers le {dir}",
                "observatoire ENI suspecté sur le château d'eau {w_near_city}, reflets d'optique vus deux fois, pas d'armes vues",
                "{qty} {eq_light} vus en train de faire le plein à {w_city}, équipages détendus, aucun mouvement vers notre secteur",
                "la patrouille a trouvé une cache abandonnée avec rations fraîches et batterie radio {w_near_city}, utilisée dans les dernières 24 h",
                "les anciens du village signalent {n} inconnus qui se renseignaient hier à {w_city} sur les horaires de nos patrouilles",
            ),
            "de": (
                "{n} Personen mit Ferngläsern beobachten unser Lager vom Höhenrücken {w_near_city}, nach 10 Min Richtung {dir} abgezogen",
                "einzelnes {eq_light} jenseits der Grenze {w_near_city} abgestellt, Besatzung beobachtet unsere Patrouillenstrecke, keine feindselige Handlung",
                "kleiner Spähtrupp (ca. {n} Mann) am Zaun {w_at_base} gesehen, vor Eintreffen der QRF ausgewichen",
                "{w_recon_uav} kreisten 20 Min in großer Höhe über der Patrouillenbasis {w_near_city}, dann Abflug Richtung {dir}",
                "frische Reifenspuren und aufgeschnittener Grenzzaun {w_near_city}; kleine Gruppe in der Nacht übergetreten, Richtung unbekannt",
                "{n} Männer auf Motorrädern folgten unserem Konvoi 3 km {w_near_city}, kehrten am Checkpoint um",
                "Pick-up mit {n} Bewaffneten steht auf dem Hügel östlich {w_city}, beobachtet die Straße, keine Bewegung auf uns zu",
                "zwei Unbekannte fotografierten die Einfahrt {w_at_base}; mit Pkw Richtung {dir} weggefahren",
                "feindlicher Beobachtungsposten auf dem Wasserturm {w_near_city} vermutet, zweimal Optikreflexe, keine Waffen erkannt",
                "{qty} {eq_light} tanken in {w_city}, Besatzungen entspannt, keine Bewegung in unseren Abschnitt",
                "Patrouille fand verlassenes Versteck mit frischer Verpflegung und Funkbatterie {w_near_city}, innerhalb des letzten Tages genutzt",
                "Dorfälteste melden {n} Fremde, die sich gestern in {w_city} nach unseren Patrouillenzeiten erkundigt haben",
            ),
        },
        ("observe",),
    ),
)

_AT: tuple[Situation, ...] = (
    Situation(
        "os_wire_strike_account",
        "attack",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "a strike on an apartment block in {w_city} {w_date} killed at least {w_num} people, regional officials said",
                "{w_missiles} hit the port area of {w_city} overnight, damaging grain silos and a warehouse; no casualties were reported",
                "{w_official} said {w_num} {w_drones} struck an industrial site {w_near_city} {w_date}, starting a fire that burned for hours",
                "the attack {w_date} on a railway depot {w_in_region} wounded {w_num} workers and destroyed several locomotives",
                "an energy facility {w_in_region} was hit {w_date} by {w_a_missile}, the operator said, adding that repairs would take weeks",
                "the shelling of a market in {w_city} {w_date} left {w_num} dead and dozens wounded, prosecutors said as they opened an investigation",
                "{w_drones} struck a fuel depot {w_near_city} {w_date}; footage verified by the agency shows a large fireball",
                "strikes {w_date} on a military airfield {w_near_city} destroyed at least {w_num} {w_jets} on the ground, according to satellite imagery",
                "rocket fire on {w_city} {w_date} hit a school and two residential buildings; emergency services said the search for survivors had ended",
                "{w_mod} confirmed that {w_a_drone} hit a barracks {w_in_region} {w_date}, but gave no casualty figures",
                "the overnight raid {w_date} targeted a command post {w_near_city}, both sides acknowledged, though their accounts of the damage differ",
                "a car bomb exploded outside a police station in {w_city} {w_date}, killing {w_num} officers; no group has claimed responsibility",
                "after the strike on {w_city} {w_date}, the governor described 'a night nobody here will forget'",
            ),
            "fr": (
                "une frappe sur un immeuble d'habitation {w_de_city} a fait au moins {w_num} morts {w_date}, selon les autorités régionales",
                "des {w_missiles} ont touché la zone portuaire {w_de_city} dans la nuit, endommageant des silos à grain et un entrepôt ; aucune victime signalée",
                "selon {w_official}, {w_num} {w_drones} ont frappé un site industriel {w_near_city} {w_date}, provoquant un incendie qui a duré des heures",
                "l'attaque menée {w_date} contre un dépôt ferroviaire {w_in_region} a blessé {w_num} employés et détruit plusieurs locomotives",
                "une installation énergétique {w_in_region} a été touchée {w_date} par {w_a_missile}, a indiqué l'opérateur, qui prévoit des semaines de réparations",
                "le bombardement d'un marché {w_de_city} {w_date} a fait {w_num} morts et des dizaines de blessés ; le parquet a ouvert une enquête",
                "des {w_drones} ont frappé un dépôt de carburant {w_near_city} {w_date} ; des images vérifiées par l'agence montrent une immense boule de feu",
                "des frappes {w_date} sur un aérodrome militaire {w_near_city} ont détruit au sol au moins {w_num} {w_jets}, d'après l'imagerie satellite",
                "des tirs de roquettes sur {w_city} {w_date} ont touché une école et deux immeubles ; les secours ont mis fin aux recherches",
                "{w_mod} a confirmé qu'{w_a_drone} avait touché une caserne {w_in_region} {w_date}, sans donner de bilan",
                "le raid de la nuit visait un poste de commandement {w_near_city}, reconnaissent les deux camps, dont les bilans divergent",
                "une voiture piégée a explosé {w_date} devant un commissariat {w_de_city}, tuant {w_num} policiers ; l'attentat n'a pas été revendiqué",
                "après la frappe sur {w_city} {w_date}, le gouverneur a évoqué « une nuit que personne ici n'oubliera »",
            ),
            "de": (
                "bei einem Angriff auf ein Wohnhaus in {w_city} sind {w_date} mindestens {w_num} Menschen getötet worden, teilten die Regionalbehörden mit",
                "in der Nacht schlugen {w_missiles} im Hafengebiet von {w_city} ein und beschädigten Getreidesilos und eine Lagerhalle; Opfer wurden nicht gemeldet",
                "{w_num} {w_drones} trafen {w_date} ein Industriegelände {w_near_city} und lösten einen stundenlangen Brand aus, sagte {w_official}",
                "der Angriff auf ein Bahndepot {w_in_region} {w_date} verletzte {w_num} Arbeiter und zerstörte mehrere Lokomotiven",
                "{w_date} traf {w_a_missile} eine Energieanlage {w_in_region}; die Reparatur werde Wochen dauern, so der Betreiber",
                "beim Beschuss eines Marktes in {w_city} {w_date} starben {w_num} Menschen, Dutzende wurden verletzt; die Staatsanwaltschaft ermittelt",
                "{w_drones} trafen {w_date} ein Treibstofflager {w_near_city}; von der Agentur geprüfte Aufnahmen zeigen einen großen Feuerball",
                "Angriffe auf einen Militärflugplatz {w_near_city} zerstörten {w_date} laut Satellitenbildern mindestens {w_num} {w_jets} am Boden",
                "Raketenbeschuss auf {w_city} traf {w_date} eine Schule und zwei Wohnhäuser; die Rettungskräfte haben die Suche nach Überlebenden eingestellt",
                "{w_mod} bestätigte, dass {w_a_drone} {w_date} eine Kaserne {w_in_region} getroffen hat, nannte aber keine Opferzahlen",
                "Ziel des nächtlichen Angriffs war ein Gefechtsstand {w_near_city}, räumen beide Seiten ein; ihre Angaben zu den Schäden gehen auseinander",
                "vor einer Polizeiwache in {w_city} explodierte {w_date} eine Autobombe, {w_num} Beamte kamen ums Leben; ein Bekennerschreiben gibt es nicht",
                "nach dem Angriff auf {w_city} {w_date} sprach der Gouverneur von „einer Nacht, die hier niemand vergessen wird“",
            ),
        },
    ),
    Situation(
        "os_statement_overnight",
        "attack",
        "PRIORITY",
        ("account", "list"),
        {
            "en": (
                "overnight the enemy attacked with {w_num} {w_drones} and {w_num2} {w_missiles}; impacts were recorded {w_in_region} and {w_near_city}",
                "in the past 24 hours the enemy carried out {w_num} air strikes and fired {w_big} rounds at our positions and at settlements {w_in_region}",
                "during the night, strikes hit energy and transport infrastructure {w_in_region}; {w_num} civilians were injured",
                "summary of last night: {w_num} {w_drones} launched, impacts in {w_city} and {w_city2}, a fire at a warehouse has been put out",
                "the enemy shelled {w_num} localities {w_in_region} yesterday, damaging homes, a school and a water pumping station",
                "1) {w_near_city}: {w_num} guided bombs dropped on residential areas; 2) {w_city2}: {w_drones} hit a logistics company; 3) no casualties among military personnel",
                "last night's attack involved {w_missiles} launched from {w_jets} {w_in_sea} and from ground launchers; the main targets were power facilities",
                "over the past day there were {w_num} combat engagements along the front, most of them {w_near_city}",
                "{w_Mod} reports that strikes {w_date} damaged a gas installation {w_in_region} and several private houses",
                "the enemy again attacked {w_city} with {w_drones} during the night; debris fell in three districts and a kindergarten was damaged",
                "as a result of the night attack, {w_num} high-rise buildings in {w_city} were damaged; {w_num2} people received medical help",
                "yesterday the enemy used {w_num} {w_drones} against border villages {w_in_region}; a farm and a bus were hit",
            ),
            "fr": (
                "dans la nuit, l'ennemi a attaqué avec {w_num} {w_drones} et {w_num2} {w_missiles} ; des impacts ont été relevés {w_in_region} et {w_near_city}",
                "au cours des dernières 24 heures, l'ennemi a mené {w_num} frappes aériennes et tiré {w_big} obus sur nos positions et des localités {w_in_region}",
                "cette nuit, des frappes ont touché des infrastructures énergétiques et de transport {w_in_region} ; {w_num} civils ont été blessés",
                "bilan de la nuit : {w_num} {w_drones} lancés, impacts à {w_city} et {w_city2}, un incendie dans un entrepôt a été maîtrisé",
                "l'ennemi a bombardé hier {w_num} localités {w_in_region}, endommageant des maisons, une école et une station de pompage",
                "1) {w_near_city} : {w_num} bombes guidées larguées sur des quartiers résidentiels ; 2) {w_city2} : des {w_drones} ont touché une entreprise de logistique ; 3) aucune perte parmi les militaires",
                "l'attaque de la nuit a mobilisé des {w_missiles} tirés depuis des {w_jets} et depuis des lanceurs terrestres ; les principales cibles étaient des installations électriques",
                "au cours de la journée écoulée, {w_num} affrontements ont eu lieu le long du front, la plupart {w_near_city}",
                "{w_Mod} indique que les frappes {w_date} ont endommagé une installation gazière {w_in_region} et plusieurs maisons",
                "l'ennemi a de nouveau visé {w_city} avec des {w_drones} pendant la nuit ; des débris sont tombés dans trois quartiers et une crèche a été endommagée",
                "à la suite de l'attaque nocturne, {w_num} immeubles {w_de_city} ont été endommagés ; {w_num2} personnes ont reçu des soins",
                "hier, l'ennemi a utilisé {w_num} {w_drones} contre des villages frontaliers {w_in_region} ; une ferme et un autobus ont été touchés",
            ),
            "de": (
                "in der Nacht griff der Feind mit {w_num} {w_drones} und {w_num2} {w_missiles} an; Einschläge wurden {w_in_region} und {w_near_city} registriert",
                "in den vergangenen 24 Stunden flog der Feind {w_num} Luftangriffe und feuerte {w_big} Geschosse auf unsere Stellungen und Ortschaften {w_in_region}",
                "in der Nacht trafen Angriffe Energie- und Verkehrsinfrastruktur {w_in_region}; {w_num} Zivilisten wurden verletzt",
                "Bilanz der Nacht: {w_num} {w_drones} gestartet, Einschläge in {w_city} und {w_city2}, ein Brand in einer Lagerhalle ist gelöscht",
                "der Feind beschoss gestern {w_num} Ortschaften {w_in_region} und beschädigte Wohnhäuser, eine Schule und ein Pumpwerk",
                "1) {w_near_city}: {w_num} gelenkte Bomben auf Wohngebiete; 2) {w_city2}: {w_drones} trafen ein Logistikunternehmen; 3) keine Verluste beim militärischen Personal",
                "beim nächtlichen Angriff kamen {w_missiles} zum Einsatz; {w_jets} und Bodenstarter feuerten sie ab; Hauptziele waren Energieanlagen",
                "im Laufe des vergangenen Tages kam es entlang der Front zu {w_num} Gefechten, die meisten {w_near_city}",
                "{w_Mod} meldet, dass die Angriffe {w_date} eine Gasanlage {w_in_region} und mehrere Privathäuser beschädigt haben",
                "der Feind griff {w_city} in der Nacht erneut mit {w_drones} an; Trümmer fielen in drei Stadtteilen, ein Kindergarten wurde beschädigt",
                "infolge des nächtlichen Angriffs wurden in {w_city} {w_num} Hochhäuser beschädigt; {w_num2} Personen wurden medizinisch versorgt",
                "gestern setzte der Feind {w_num} {w_drones} gegen Grenzdörfer {w_in_region} ein; ein Bauernhof und ein Bus wurden getroffen",
            ),
        },
    ),
    Situation(
        "os_statement_ongoing",
        "attack",
        "IMMEDIATE",
        ("account", "live"),
        {
            "en": (
                "last night {w_num} {w_drones} were launched at {w_city}; strikes hit two substations. At this hour the attack on {w_city2} is still under way",
                "overnight summary follows below; note that {w_city} is under attack by {w_missiles} at this moment and residents must stay in shelters",
                "the enemy struck {w_near_city} at dawn; a second wave of {w_drones} is now approaching {w_city2}, air-defence units are engaged",
                "yesterday's shelling of {w_city} killed {w_num} people. The bombardment of the northern districts has resumed and is continuing",
                "strikes on port facilities {w_in_region} overnight are listed below. UPDATE: explosions are being heard in {w_city} right now, the alert remains in force",
                "in the past day, {w_num} localities were shelled. The attack on {w_city} that began an hour ago is ongoing; emergency services cannot yet reach the area",
                "results of the night: {w_num} {w_drones} and {w_num2} {w_missiles} launched. The enemy is currently attacking {w_in_region} with {w_jets}",
                "'The attack has not stopped,' the regional head said; {w_city} has been under fire since early morning, after the strikes {w_date}",
                "two waves of {w_drones} overnight; a third group is at this moment {w_in_region}, heading west",
                "{w_Mod}: overnight losses and damage are being assessed. Fighting for the outskirts of {w_city} continues at this hour",
                "previous strikes on {w_city} caused power cuts; a new attack with {w_missiles} on the city is in progress, details to follow",
                "the attack on the industrial zone of {w_city} continues for a third hour; earlier, {w_num} strikes hit {w_in_region}",
            ),
            "fr": (
                "la nuit dernière, {w_num} {w_drones} ont été lancés sur {w_city} ; deux postes électriques touchés. À cette heure, l'attaque sur {w_city2} se poursuit",
                "le bilan de la nuit figure ci-dessous ; {w_city} est en ce moment même visée par une attaque {w_de_missiles}, les habitants doivent rester aux abris",
                "l'ennemi a frappé {w_near_city} à l'aube ; une deuxième vague de {w_drones} approche actuellement {w_de_city2}, la défense aérienne est engagée",
                "les bombardements d'hier sur {w_city} ont fait {w_num} morts. Les tirs sur les quartiers nord ont repris et se poursuivent",
                "les frappes de la nuit sur les installations portuaires {w_in_region} sont détaillées ci-dessous. MISE À JOUR : des explosions retentissent en ce moment à {w_city}, l'alerte est maintenue",
                "au cours de la journée écoulée, {w_num} localités ont été bombardées. L'attaque sur {w_city}, commencée il y a une heure, est toujours en cours ; les secours ne peuvent pas encore accéder au secteur",
                "bilan de la nuit : {w_num} {w_drones} et {w_num2} {w_missiles} lancés. L'ennemi attaque actuellement {w_in_region} avec des {w_jets}",
                "« L'attaque n'a pas cessé », a déclaré le chef de la région ; {w_city} est sous le feu depuis le petit matin, après les frappes {w_date}",
                "deux vagues de {w_drones} dans la nuit ; un troisième groupe se trouve en ce moment {w_in_region}, cap à l'ouest",
                "{w_Mod} : les pertes et dégâts de la nuit sont en cours d'évaluation. Les combats pour la périphérie {w_de_city} se poursuivent à cette heure",
                "les frappes précédentes sur {w_city} avaient provoqué des coupures de courant ; une nouvelle attaque {w_de_missiles} contre la ville est en cours, précisions à suivre",
                "l'attaque contre la zone industrielle {w_de_city} dure depuis trois heures ; auparavant, {w_num} frappes avaient touché {w_in_region}",
            ),
            "de": (
                "in der Nacht wurden {w_num} {w_drones} auf {w_city} gestartet, zwei Umspannwerke wurden getroffen. Derzeit dauert der Angriff auf {w_city2} noch an",
                "die Übersicht der Nacht folgt unten; {w_city} steht in diesem Moment unter Raketenbeschuss, die Bewohner müssen in den Schutzräumen bleiben",
                "der Feind griff im Morgengrauen {w_near_city} an; eine zweite Welle {w_drones} nähert sich jetzt {w_city2}, die Luftverteidigung ist im Einsatz",
                "beim gestrigen Beschuss von {w_city} starben {w_num} Menschen. Der Beschuss der nördlichen Stadtteile hat wieder eingesetzt und hält an",
                "die nächtlichen Angriffe auf Hafenanlagen {w_in_region} sind unten aufgeführt. AKTUALISIERUNG: in {w_city} sind gerade Explosionen zu hören, der Alarm bleibt bestehen",
                "im Laufe des Tages wurden {w_num} Ortschaften beschossen. Der vor einer Stunde begonnene Angriff auf {w_city} dauert an; die Rettungskräfte kommen noch nicht hinein",
                "Ergebnis der Nacht: {w_num} {w_drones} und {w_num2} {w_missiles} gestartet. Derzeit greifen {w_jets} {w_in_region} an",
                "„Der Angriff hat nicht aufgehört“, sagte der Leiter der Region; {w_city} liegt seit dem frühen Morgen unter Feuer, nach den Angriffen {w_date}",
                "zwei Wellen {w_drones} in der Nacht; eine dritte Gruppe befindet sich gerade {w_in_region} mit Westkurs",
                "{w_Mod}: die Verluste und Schäden der Nacht werden erfasst. Die Kämpfe um die Außenbezirke von {w_city} dauern zur Stunde an",
                "frühere Angriffe auf {w_city} hatten Stromausfälle verursacht; ein neuer Raketenangriff auf die Stadt läuft, Einzelheiten folgen",
                "der Angriff auf das Industriegebiet von {w_city} dauert seit drei Stunden an; zuvor hatten {w_num} Einschläge {w_in_region} getroffen",
            ),
        },
    ),
    Situation(
        "os_wire_trial",
        "attack",
        "PRIORITY",
        ("trial", "past"),
        {
            "en": (
                "the trial of three men accused of planting a parcel bomb at a logistics hub {w_near_city} {w_date_old} opened on Monday",
                "a court in {w_city} sentenced a former soldier to 14 years for his part in the bombing of a rail line {w_date_old}",
                "prosecutors told the court the defendants had been paid to set fire to warehouses storing aid for the front",
                "a witness described the moment the device went off: 'There was a flash, then the windows came in'",
                "judges in {w_city} heard that the suspects scouted the depot for weeks before the sabotage attack {w_date_old}",
                "the verdict in the case of the arson attack on an arms factory {w_in_country} is expected next month",
                "defence lawyers argued that their client had 'no idea what was in the package' he carried to {w_city}",
                "the appeal hearing over the {w_year} market bombing in {w_city} was adjourned after a key witness failed to appear",
                "a man accused of spying on {w_at_base} and passing photographs to a foreign service went on trial {w_date}",
                "the court ruled that the explosion at the ammunition plant {w_near_city} {w_date_old} was deliberate and convicted two employees",
                "closing arguments were heard {w_date} in the trial over the attack on a power line {w_in_region}; the state asks for life sentences",
                "{w_num} defendants stand accused of planning attacks with {w_drones} on military trains passing through {w_city}",
            ),
            "fr": (
                "le procès de trois hommes accusés d'avoir déposé un colis piégé dans une plateforme logistique {w_near_city} {w_date_old} s'est ouvert lundi",
                "un tribunal {w_de_city} a condamné un ancien militaire à 14 ans de prison pour sa participation au sabotage d'une voie ferrée {w_date_old}",
                "selon l'accusation, les prévenus avaient été payés pour incendier des entrepôts stockant de l'aide destinée au front",
                "un témoin a raconté l'instant de l'explosion : « Il y a eu un éclair, puis les vitres ont volé »",
                "les juges {w_de_city} ont appris que les suspects avaient repéré le dépôt pendant des semaines avant le sabotage {w_date_old}",
                "le verdict dans l'affaire de l'incendie criminel d'une usine d'armement {w_in_country} est attendu le mois prochain",
                "la défense soutient que son client « ignorait tout du contenu » du colis qu'il avait transporté à {w_city}",
                "l'audience d'appel sur l'attentat de {w_year} contre le marché {w_de_city} a été renvoyée, un témoin clé ne s'étant pas présenté",
                "un homme accusé d'avoir espionné le personnel stationné {w_at_base} et transmis des photos à un service étranger comparaît {w_since}",
                "le tribunal a jugé que l'explosion de l'usine de munitions {w_near_city} {w_date_old} était intentionnelle et a condamné deux employés",
                "les plaidoiries ont eu lieu {w_date} dans le procès de l'attaque contre une ligne électrique {w_in_region} ; le parquet requiert la perpétuité",
                "{w_num} prévenus sont accusés d'avoir préparé des attaques de {w_drones} contre des trains militaires traversant {w_city}",
            ),
            "de": (
                "am Montag begann der Prozess gegen drei Männer, die {w_date_old} eine Paketbombe in einem Logistikzentrum {w_near_city} deponiert haben sollen",
                "ein Gericht in {w_city} verurteilte einen ehemaligen Soldaten wegen seiner Beteiligung am Anschlag auf eine Bahnstrecke {w_date_old} zu 14 Jahren Haft",
                "laut Anklage wurden die Beschuldigten dafür bezahlt, Lagerhallen mit Hilfsgütern für die Front in Brand zu setzen",
                "eine Zeugin schilderte den Moment der Explosion: „Erst ein Blitz, dann flogen die Scheiben herein“",
                "vor Gericht in {w_city} wurde bekannt, dass die Verdächtigen das Depot wochenlang ausgespäht hatten, bevor sie {w_date_old} zuschlugen",
                "das Urteil im Verfahren um den Brandanschlag auf eine Rüstungsfabrik {w_in_country} wird für nächsten Monat erwartet",
                "die Verteidigung erklärte, ihr Mandant habe „keine Ahnung gehabt, was in dem Paket war“, das er nach {w_city} brachte",
                "die Berufungsverhandlung zum Anschlag auf den Markt von {w_city} im Jahr {w_year} wurde vertagt, weil ein wichtiger Zeuge fehlte",
                "{w_since} steht ein Mann vor Gericht, der Soldaten {w_at_base} ausgespäht und Fotos an einen fremden Dienst weitergegeben haben soll",
                "das Gericht befand, dass die Explosion in der Munitionsfabrik {w_near_city} {w_date_old} vorsätzlich herbeigeführt wurde, und verurteilte zwei Mitarbeiter",
                "{w_date} wurden im Prozess um den Anschlag auf eine Stromtrasse {w_in_region} die Plädoyers gehalten; die Anklage fordert lebenslange Haft",
                "{w_num} Angeklagten wird vorgeworfen, Drohnenangriffe auf Militärzüge bei der Durchfahrt durch {w_city} geplant zu haben",
            ),
        },
    ),
    Situation(
        "os_wire_shipping",
        "attack",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "a bulk carrier was struck by {w_a_missile} {w_in_sea} {w_date}, its operator said; the crew put out a fire and the ship continued to port",
                "maritime security agencies said a tanker reported an explosion near its hull {w_near_island} {w_date}; nobody was hurt",
                "{w_drones} targeted a container ship {w_in_sea} overnight; the vessel was hit on the bridge and {w_num} crew were injured",
                "the group claimed responsibility for the attack {w_date} on a cargo ship {w_in_sea}, saying it had used {w_missiles}",
                "a merchant vessel came under fire from a small boat {w_near_island} {w_date}; the security team aboard returned fire and the boat withdrew",
                "the crew of a fertiliser carrier abandoned ship after it was hit twice {w_in_sea} {w_date}; a passing vessel rescued them",
                "{w_num} {w_drones} and {w_a_missile} were fired at shipping {w_in_sea} {w_date}; one hit a tanker, the others fell into the sea",
                "insurers raised war-risk premiums after the latest attack on a freighter {w_in_sea}, the third this month",
                "an explosive-laden {w_a_ship} rammed a tanker off {w_city} {w_date}, damaging its cargo holds; no oil spill has been confirmed",
                "the shipping company said its vessel had been struck 'by an unknown projectile' {w_in_sea} {w_date} and was diverting",
                "a grain ship leaving {w_city} was damaged by a mine {w_in_sea} {w_date}; the port authority said traffic had resumed",
                "naval forces confirmed {w_date} that a car carrier hit {w_in_sea} had sunk after drifting for a week",
            ),
            "fr": (
                "un vraquier a été touché par {w_a_missile} {w_in_sea} {w_date}, selon son armateur ; l'équipage a éteint l'incendie et le navire a poursuivi sa route",
                "les agences de sûreté maritime indiquent qu'un pétrolier a signalé une explosion près de sa coque {w_near_island} {w_date} ; aucun blessé",
                "des {w_drones} ont visé un porte-conteneurs {w_in_sea} dans la nuit ; la passerelle a été touchée et {w_num} marins blessés",
                "le groupe a revendiqué l'attaque {w_date} contre un cargo {w_in_sea}, affirmant avoir utilisé des {w_missiles}",
                "un navire marchand a essuyé des tirs venant d'une petite embarcation {w_near_island} {w_date} ; l'équipe de sûreté a riposté et l'embarcation s'est éloignée",
                "l'équipage d'un transporteur d'engrais a abandonné le navire après deux impacts {w_in_sea} {w_date} ; un bâtiment de passage l'a recueilli",
                "{w_num} {w_drones} et {w_a_missile} ont été tirés contre des navires {w_in_sea} {w_date} ; l'un a touché un pétrolier, les autres sont tombés en mer",
                "les assureurs ont relevé leurs primes de risque de guerre après la dernière attaque contre un cargo {w_in_sea}, la troisième du mois",
                "{w_a_ship} chargé d'explosifs a percuté un pétrolier au large {w_de_city} {w_date}, endommageant ses citernes ; aucune marée noire confirmée",
                "l'armateur indique que son navire a été frappé « par un projectile inconnu » {w_in_sea} {w_date} et qu'il se déroute",
                "un céréalier quittant {w_city} a été endommagé par une mine {w_in_sea} {w_date} ; selon le port, le trafic a repris",
                "les forces navales ont confirmé {w_date} qu'un transporteur de voitures touché {w_in_sea} avait coulé après une semaine à la dérive",
            ),
            "de": (
                "{w_date} traf {w_a_missile} einen Massengutfrachter {w_in_sea}, teilte die Reederei mit; die Crew löschte einen Brand, das Schiff fuhr weiter",
                "nach Angaben von Seesicherheitsbehörden meldete ein Tanker {w_date} eine Explosion nahe dem Rumpf {w_near_island}; verletzt wurde niemand",
                "{w_drones} griffen in der Nacht ein Containerschiff {w_in_sea} an; die Brücke wurde getroffen, {w_num} Seeleute wurden verletzt",
                "die Gruppe bekannte sich zu dem Angriff {w_date} auf einen Frachter {w_in_sea} und erklärte, sie habe {w_missiles} eingesetzt",
                "ein Handelsschiff wurde {w_date} {w_near_island} von einem kleinen Boot aus beschossen; das Sicherheitsteam an Bord erwiderte das Feuer",
                "die Besatzung eines Düngemittelfrachters ging von Bord, nachdem das Schiff {w_date} {w_in_sea} zweimal getroffen worden war",
                "{w_date} wurden {w_num} {w_drones} auf Schiffe {w_in_sea} abgefeuert; eine traf einen Tanker, die übrigen stürzten ins Meer",
                "nach dem jüngsten Angriff auf einen Frachter {w_in_sea}, dem dritten in diesem Monat, erhöhten die Versicherer die Kriegsrisikoprämien",
                "{w_a_ship} mit Sprengstoff rammte {w_date} vor {w_city} einen Tanker und beschädigte dessen Ladetanks; ein Ölaustritt ist nicht bestätigt",
                "die Reederei erklärte, ihr Schiff sei {w_date} {w_in_sea} „von einem unbekannten Geschoss“ getroffen worden und ändere den Kurs",
                "ein Getreidefrachter wurde nach dem Auslaufen aus {w_city} {w_date} {w_in_sea} durch eine Mine beschädigt; der Verkehr läuft laut Hafen wieder",
                "Marinekräfte bestätigten {w_date}, dass ein {w_in_sea} getroffener Autotransporter nach einer Woche Treiben gesunken ist",
            ),
        },
    ),
    Situation(
        "os_wire_base_attack",
        "attack",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "a base housing European troops {w_near_city} was hit by rockets {w_date}; the ministry said no soldiers were hurt",
                "{w_num} {w_drones} were launched at {w_base} air base {w_date}; two were shot down and one damaged a hangar, officials said",
                "an armed group claimed an attack with indirect fire on the international camp {w_near_city}, which caused 'minor damage' according to the mission",
                "the defence ministry confirmed that {w_num} of its soldiers were slightly wounded when a roadside bomb hit their convoy {w_near_city} {w_date}",
                "rockets fell inside the perimeter {w_at_base} {w_date} without causing casualties, a coalition spokesman said",
                "the attack on the joint base {w_near_city} was the fourth this month; no group has yet claimed it",
                "{w_official} said soldiers of the national contingent took shelter when {w_a_drone} struck near their quarters {w_at_base}",
                "a vehicle carrying peacekeepers hit a mine {w_near_city} {w_date}; {w_num} were evacuated by air, the mission said",
                "French, German and Belgian troops {w_at_base} were unhurt after the rocket attack {w_date}, their governments said",
                "gunmen opened fire on a training team's convoy {w_near_city} {w_date}; the soldiers returned fire and the attackers fled",
                "the mission said the attack on its camp {w_near_city} {w_date} 'will not change our commitment'",
                "{w_date}, rockets struck a logistics base used by the coalition {w_in_country}, damaging fuel storage",
            ),
            "fr": (
                "une base abritant des troupes européennes {w_near_city} a été visée par des roquettes {w_date} ; aucun soldat n'a été blessé, selon le ministère",
                "{w_num} {w_drones} ont été lancés contre la base {w_de_base} {w_date} ; deux ont été abattus et un a endommagé un hangar",
                "un groupe armé a revendiqué une attaque aux obus contre le camp international {w_near_city}, qui n'a causé que des « dégâts mineurs » selon la mission",
                "le ministère des Armées a confirmé que {w_num} de ses soldats avaient été légèrement blessés lorsqu'un engin explosif a touché leur convoi {w_near_city} {w_date}",
                "des roquettes sont tombées dans l'enceinte {w_at_base} {w_date} sans faire de victimes, a indiqué un porte-parole de la coalition",
                "l'attaque contre la base commune {w_near_city} est la quatrième ce mois-ci ; elle n'a pas encore été revendiquée",
                "selon {w_official}, les soldats du contingent national se sont mis à l'abri quand {w_a_drone} a frappé près de leurs quartiers {w_at_base}",
                "un véhicule de Casques bleus a sauté sur une mine {w_near_city} {w_date} ; {w_num} d'entre eux ont été évacués par voie aérienne",
                "les soldats français, allemands et belges stationnés {w_at_base} sont sains et saufs après l'attaque à la roquette survenue {w_date}",
                "des hommes armés ont ouvert le feu sur le convoi d'une équipe de formation {w_near_city} {w_date} ; les soldats ont riposté et les assaillants ont fui",
                "la mission a déclaré que l'attaque contre son camp {w_near_city} {w_date} « ne changera rien à notre engagement »",
                "{w_date}, des roquettes ont frappé une base logistique de la coalition {w_in_country}, endommageant des réservoirs de carburant",
            ),
            "de": (
                "ein Stützpunkt mit europäischen Soldaten {w_near_city} lag {w_date} unter Raketenbeschuss; verletzt wurde laut Ministerium niemand",
                "{w_date} wurden {w_num} {w_drones} auf den Stützpunkt {w_base} gestartet; zwei wurden abgeschossen, eine beschädigte einen Hangar",
                "eine bewaffnete Gruppe bekannte sich zu einem Mörserangriff auf das internationale Lager {w_near_city}, der laut Mission „geringe Schäden“ verursachte",
                "das Verteidigungsministerium bestätigte, dass {w_num} Soldaten leicht verletzt wurden, als {w_date} eine Sprengfalle ihren Konvoi {w_near_city} traf",
                "{w_date} schlugen Geschosse innerhalb des Geländes ein ({w_at_base}), ohne Opfer zu fordern, sagte ein Sprecher der Koalition",
                "der Angriff auf den gemeinsamen Stützpunkt {w_near_city} war der vierte in diesem Monat; ein Bekenntnis liegt noch nicht vor",
                "die Soldaten des nationalen Kontingents gingen in Deckung, als {w_a_drone} nahe ihrer Unterkünfte einschlug ({w_at_base}), sagte {w_official}",
                "ein Fahrzeug mit Blauhelmen fuhr {w_date} {w_near_city} auf eine Mine; {w_num} Soldaten wurden ausgeflogen, teilte die Mission mit",
                "die französischen, deutschen und belgischen Soldaten {w_at_base} blieben bei dem Raketenangriff {w_date} unverletzt",
                "Bewaffnete beschossen {w_date} {w_near_city} den Konvoi eines Ausbildungsteams; die Soldaten erwiderten das Feuer, die Angreifer flohen",
                "der Angriff auf das Lager {w_near_city} {w_date} werde „an unserem Engagement nichts ändern“, erklärte die Mission",
                "{w_date} trafen Geschosse einen Logistikstützpunkt der Koalition {w_in_country} und beschädigten Treibstofftanks",
            ),
        },
    ),
    Situation(
        "os_field_base_attack",
        "attack",
        "IMMEDIATE",
        ("attack_over", "own_forces"),
        {
            "en": (
                "IDF attack on the camp {w_near_city} ended at {time}, {n} impacts inside the perimeter, no friendly cas, damage to the vehicle park",
                "{w_a_drone} struck the hangar {w_at_base} at {time}; fire under control, all pers accounted for",
                "rocket attack on FOB over, {n} rounds landed, {cas}, POO assessed {dir} of {w_city}",
                "convoy hit by IED {w_near_city} 20 min ago, one vehicle destroyed, {cas}, cordon in place",
                "ambush on the patrol {w_near_city} is over, attackers withdrew {dir} on motorbikes, {cas}",
                "the strike on our logistic base {w_near_city} has stopped; fuel bladder burning, no casualties reported so far",
                "sentry post at the main gate {w_at_base} hit by small-arms fire and a grenade at {time}; attackers gone, {cas}",
                "{n} {w_drones} engaged over the camp, one got through and hit the dining facility, {cas}, all clear now",
                "indirect fire on the airfield {w_at_base} ceased at {time}; runway cratered, two aircraft damaged, no injuries",
                "VBIED detonated at the outer checkpoint {w_near_city} at {time}, barrier held, {cas}, area secured",
                "complex attack on the patrol base {w_near_city} repelled, enemy broke contact {dir}, {cas}, ammo resupply needed",
                "OP {w_near_city} hit by {w_drones} at dawn, OP destroyed, crew withdrew, {cas}",
            ),
            "fr": (
                "tirs indirects sur le camp {w_near_city} terminés à {time}, {n} impacts dans l'enceinte, pas de pertes amies, parc véhicules endommagé",
                "{w_a_drone} a frappé le hangar {w_at_base} à {time} ; incendie maîtrisé, tout le personnel présent",
                "attaque à la roquette sur la base avancée terminée, {n} impacts, {cas}, point de départ estimé au {dir} {w_de_city}",
                "convoi touché par un EEI {w_near_city} il y a 20 min, un véhicule détruit, {cas}, bouclage en place",
                "embuscade contre la patrouille {w_near_city} terminée, les assaillants se sont repliés vers le {dir} à moto, {cas}",
                "la frappe sur notre base logistique {w_near_city} a cessé ; citerne souple en feu, aucune victime signalée pour l'instant",
                "poste de garde de l'entrée principale {w_at_base} pris sous des tirs et une grenade à {time} ; assaillants partis, {cas}",
                "{n} {w_drones} engagés au-dessus du camp, un est passé et a touché le réfectoire, {cas}, fin d'alerte",
                "tirs indirects sur l'aérodrome {w_at_base} terminés à {time} ; piste endommagée, deux aéronefs abîmés, pas de blessés",
                "véhicule piégé déclenché au checkpoint extérieur {w_near_city} à {time}, la barrière a tenu, {cas}, zone sécurisée",
                "attaque complexe contre la base de patrouille {w_near_city} repoussée, l'ennemi a rompu le contact vers le {dir}, {cas}, besoin de recomplètement munitions",
                "PO {w_near_city} frappé par des {w_drones} à l'aube, PO détruit, équipage replié, {cas}",
            ),
            "de": (
                "Steilfeuerangriff auf das Lager {w_near_city} um {time} beendet, {n} Einschläge im Gelände, keine eigenen Verluste, Schäden am Fahrzeugpark",
                "{w_a_drone} traf um {time} den Hangar ({w_at_base}); Brand unter Kontrolle, Personal vollzählig",
                "Raketenangriff auf das Feldlager vorbei, {n} Einschläge, {cas}, Abschussort vermutlich im {dir} von {w_city}",
                "Konvoi vor 20 Min {w_near_city} von Sprengfalle getroffen, ein Fahrzeug zerstört, {cas}, Absperrung steht",
                "Hinterhalt auf die Patrouille {w_near_city} beendet, Angreifer auf Motorrädern nach {dir} abgesetzt, {cas}",
                "der Angriff auf unsere Logistikbasis {w_near_city} hat aufgehört; ein Kraftstoffbehälter brennt, bisher keine Verletzten",
                "Wache am Haupttor ({w_at_base}) um {time} mit Handwaffen und Handgranate angegriffen; Angreifer weg, {cas}",
                "{n} {w_drones} über dem Lager bekämpft, eine kam durch und traf die Truppenküche, {cas}, inzwischen Entwarnung",
                "Steilfeuer auf den Flugplatz ({w_at_base}) um {time} eingestellt; Piste mit Kratern, zwei Luftfahrzeuge beschädigt, keine Verletzten",
                "Autobombe um {time} am äußeren Checkpoint {w_near_city} detoniert, Sperre hat gehalten, {cas}, Bereich gesichert",
                "komplexer Angriff auf die Patrouillenbasis {w_near_city} abgewehrt, Feind hat sich nach {dir} gelöst, {cas}, Munitionsnachschub nötig",
                "Beobachtungsposten {w_near_city} im Morgengrauen von {w_drones} getroffen, Posten zerstört, Besatzung ausgewichen, {cas}",
            ),
        },
        ("request_eod",),
    ),
    Situation(
        "os_field_contact",
        "attack",
        "FLASH",
        ("in_progress", "own_forces"),
        {
            "en": (
                "TIC TIC TIC, patrol under fire {w_near_city}, small arms and rockets from the treeline {dir}, returning fire",
                "convoy ambushed {w_near_city} NOW, lead vehicle hit, {cas}, still in contact",
                "camp under rocket attack {w_at_base}, impacts inside the wire, all pers to shelters",
                "contact front, {n} enemy firing from the compound {w_near_city}, we are pinned down, need QRF",
                "we are being engaged by {eq_armour} from across the border {w_near_city}, taking fire, {cas}",
                "checkpoint {w_near_city} attacked by armed men in two pickups, firefight ongoing",
                "complex attack on the patrol base {w_near_city} in progress, VBIED at the gate followed by gunfire",
                "under indirect and MG fire at the river crossing {w_near_city}, cannot move, {cas}",
                "sabotage team engaged our guard {w_at_base}, shots exchanged, they are inside the fence line",
                "OP {w_near_city} under sustained attack from {dir}, ammunition running low, request immediate support",
                "patrol caught in crossfire in the market of {w_city}, still in contact, civilians fleeing",
                "IED strike and small-arms fire on our column {w_near_city}, {cas}, engaging the firing point",
            ),
            "fr": (
                "TIC TIC TIC, patrouille sous le feu {w_near_city}, armes légères et roquettes depuis la lisière au {dir}, nous ripostons",
                "convoi pris en embuscade {w_near_city} EN CE MOMENT, véhicule de tête touché, {cas}, toujours au contact",
                "camp sous attaque à la roquette {w_at_base}, impacts dans l'enceinte, tout le personnel aux abris",
                "contact devant, {n} ennemis tirant depuis l'enceinte {w_near_city}, nous sommes cloués au sol, demande QRF",
                "nous sommes pris à partie par des {eq_armour} depuis l'autre côté de la frontière {w_near_city}, sous le feu, {cas}",
                "checkpoint {w_near_city} attaqué par des hommes armés à bord de deux pick-up, échange de tirs en cours",
                "attaque complexe contre la base de patrouille {w_near_city} en cours, véhicule piégé à l'entrée suivi de tirs",
                "sous tirs indirects et de mitrailleuse au point de franchissement {w_near_city}, impossible de bouger, {cas}",
                "équipe de sabotage au contact de notre garde {w_at_base}, échanges de tirs, ils sont à l'intérieur du grillage",
                "PO {w_near_city} sous attaque soutenue depuis le {dir}, munitions presque épuisées, demande appui immédiat",
                "patrouille prise entre deux feux sur le marché {w_de_city}, toujours au contact, les civils fuient",
                "EEI et tirs d'armes légères sur notre colonne {w_near_city}, {cas}, nous engageons le poste de tir",
            ),
            "de": (
                "FEINDKONTAKT, Patrouille {w_near_city} unter Beschuss, Handwaffen und Panzerabwehrfeuer vom Waldrand im {dir}, erwidern Feuer",
                "Konvoi {w_near_city} JETZT im Hinterhalt, Spitzenfahrzeug getroffen, {cas}, weiterhin im Gefecht",
                "Lager unter Raketenbeschuss ({w_at_base}), Einschläge innerhalb des Zauns, alle in die Schutzräume",
                "Kontakt vorne, {n} Feinde schießen aus dem Gehöft {w_near_city}, wir liegen fest, fordern QRF an",
                "wir werden von {eq_armour} jenseits der Grenze {w_near_city} bekämpft, unter Feuer, {cas}",
                "Checkpoint {w_near_city} von Bewaffneten in zwei Pick-ups angegriffen, Feuergefecht läuft",
                "komplexer Angriff auf die Patrouillenbasis {w_near_city} im Gange, Autobombe am Tor, danach Gewehrfeuer",
                "unter Mörser- und MG-Feuer am Übergang {w_near_city}, keine Bewegung möglich, {cas}",
                "Sabotagetrupp im Feuergefecht mit unserer Wache ({w_at_base}), sie sind innerhalb des Zauns",
                "Beobachtungsposten {w_near_city} unter anhaltendem Angriff aus {dir}, Munition geht aus, erbitte sofortige Unterstützung",
                "Patrouille auf dem Markt von {w_city} im Kreuzfeuer, weiterhin im Gefecht, Zivilisten fliehen",
                "Sprengfalle und Handwaffenfeuer auf unsere Kolonne {w_near_city}, {cas}, bekämpfen die Feuerstellung",
            ),
        },
        ("request_support", "casualties_maybe"),
    ),
    Situation(
        "os_social_live_strike",
        "attack",
        "IMMEDIATE",
        ("live", "unverified"),
        {
            "en": (
                "explosions in {w_city} right now, at least {w_num} so far, residents filming smoke over the eastern districts",
                "'They are hitting the port again, the whole street is shaking' - post from {w_city} a few minutes ago",
                "live stream shows fire at what looks like the oil depot {w_near_city}; new blasts every few minutes",
                "{w_channel} reports {w_drones} hitting the power plant {w_near_city} at this moment",
                "strike with {w_missiles} on {w_city} under way, sirens still sounding, first images show a building on fire",
                "multiple strikes reported now {w_in_region}, channel says the airfield is burning",
                "residents of {w_city}: 'it started ten minutes ago and it hasn't stopped'; heavy shelling of the centre",
                "unconfirmed: car bomb just went off near the government building in {w_city}, gunfire heard afterwards",
                "rockets are landing near the coalition base {w_near_city} right now, according to {w_channel}",
                "ongoing attack by {w_drones} on {w_city}, several hits in residential blocks, ambulances on their way",
                "video from minutes ago: shelling of the railway station in {w_city}, people running for cover",
                "{w_channel}: 'second wave hitting the industrial zone now'; no official confirmation",
            ),
            "fr": (
                "explosions à {w_city} en ce moment, au moins {w_num} pour l'instant, des habitants filment de la fumée sur les quartiers est",
                "« Ils frappent encore le port, toute la rue tremble » – message publié depuis {w_city} il y a quelques minutes",
                "un direct montre un incendie sur ce qui ressemble au dépôt pétrolier {w_near_city} ; nouvelles détonations toutes les quelques minutes",
                "{w_channel} signale des {w_drones} frappant en ce moment la centrale {w_near_city}",
                "frappe {w_de_missiles} en cours sur {w_city}, les sirènes retentissent toujours, premières images d'un immeuble en feu",
                "plusieurs frappes signalées en ce moment {w_in_region}, la chaîne affirme que l'aérodrome brûle",
                "habitants {w_de_city} : « ça a commencé il y a dix minutes et ça ne s'arrête pas » ; bombardement intense du centre",
                "non confirmé : une voiture piégée vient d'exploser près du siège du gouvernement à {w_city}, des tirs ont suivi",
                "des roquettes tombent en ce moment près de la base de la coalition {w_near_city}, selon {w_channel}",
                "attaque de {w_drones} en cours sur {w_city}, plusieurs impacts sur des immeubles, les ambulances arrivent",
                "vidéo d'il y a quelques minutes : bombardement de la gare {w_de_city}, des gens courent se mettre à l'abri",
                "{w_channel} : « deuxième vague en train de frapper la zone industrielle » ; aucune confirmation officielle",
            ),
            "de": (
                "gerade Explosionen in {w_city}, bisher mindestens {w_num}, Anwohner filmen Rauch über den östlichen Stadtteilen",
                "„Sie greifen wieder den Hafen an, die ganze Straße bebt“ – Beitrag aus {w_city} vor wenigen Minuten",
                "Livestream zeigt Feuer in einem Objekt, das wie das Öllager {w_near_city} aussieht; alle paar Minuten neue Detonationen",
                "{w_channel} meldet {w_drones}, die in diesem Moment das Kraftwerk {w_near_city} treffen",
                "Raketenangriff auf {w_city} läuft, Sirenen heulen noch, erste Bilder zeigen ein brennendes Gebäude",
                "derzeit mehrere Einschläge {w_in_region} gemeldet, laut Kanal brennt der Flugplatz",
                "Bewohner von {w_city}: „Es hat vor zehn Minuten angefangen und hört nicht auf“; schwerer Beschuss des Zentrums",
                "unbestätigt: vor dem Regierungsgebäude in {w_city} ist gerade eine Autobombe explodiert, danach Schüsse",
                "{w_channel} meldet gerade Einschläge nahe dem Koalitionsstützpunkt {w_near_city}",
                "laufender Drohnenangriff auf {w_city}, mehrere Treffer in Wohnblocks, Krankenwagen unterwegs",
                "Video von vor wenigen Minuten: Beschuss des Bahnhofs von {w_city}, Menschen rennen in Deckung",
                "{w_channel}: „zweite Welle trifft gerade das Industriegebiet“; keine offizielle Bestätigung",
            ),
        },
    ),
)

_AIR: tuple[Situation, ...] = (
    Situation(
        "os_notam_closure",
        "air_activity",
        "PRIORITY",
        ("notice",),
        {
            "en": (
                "AIRSPACE CLOSED TO ALL CIVIL FLIGHTS WITHIN {w_FIR} DUE TO MILITARY ACTIVITY. {w_ALT}",
                "TEMPORARY RESTRICTED AREA ACTIVATED, RADIUS {w_radius} CENTRED ON {w_coord}, {w_ALT}. FLIGHTS SUBJECT TO PRIOR PERMISSION",
                "DANGER AREA ESTABLISHED {w_IN_SEA}: LIVE FIRING AND LAUNCHES OF {w_MISSILES} POSSIBLE. {w_alt}. OPERATORS TO AVOID",
                "ALL AIRPORTS {w_IN_COUNTRY} CLOSED UNTIL FURTHER NOTICE. ROUTES ACROSS {w_FIR} NOT AVAILABLE",
                "the aviation authority has closed the airspace over the eastern part of {w_the_country} {w_date_future}; overflights are rerouted via {w_fir2}",
                "PROHIBITED AREA WITHIN {w_radius} OF {w_coord} {w_ALT} DUE TO AIR DEFENCE ACTIVITY. EXPECT SHORT-NOTICE CLOSURES",
                "airlines are advised not to operate below FL320 in {w_fir} after the launch of {w_missiles} across the region",
                "AIRPORT {w_CITY} CLOSED FOR ALL TRAFFIC EXCEPT STATE AND MEDEVAC FLIGHTS. {w_alt}",
                "RESTRICTED AREA ACTIVE DAILY {w_utc}-{w_utc2} BTN {w_coord} AND {w_coord2}. MIL ACFT ONLY",
                "the corridor between {w_fir} and {w_fir2} will be closed at night; civil traffic must file routes further west",
                "AIRSPACE RESERVATION FOR MILITARY OPS {w_NEAR_CITY}: {w_ALT}, RADIUS {w_radius}. VFR FLIGHTS PROHIBITED",
                "due to possible hostile activity, the airspace {w_in_sea} is closed to civil aviation; operators should plan alternative routes via {w_fir}",
            ),
            "fr": (
                "espace aérien fermé à tous les vols civils dans la {w_fir} en raison d'activités militaires, {w_alt}",
                "zone réglementée temporaire activée : rayon de {w_radius} autour de {w_coord}, {w_alt} ; vols soumis à autorisation préalable",
                "zone dangereuse créée {w_in_sea} : tirs réels et lancements {w_de_missiles} possibles, {w_alt} ; les exploitants doivent l'éviter",
                "tous les aéroports sont fermés {w_in_country} jusqu'à nouvel ordre ; les routes traversant la {w_fir} ne sont pas disponibles",
                "l'autorité de l'aviation civile a fermé l'espace aérien de la partie orientale du pays {w_date_future} ; les survols sont déroutés via la {w_fir2}",
                "zone interdite dans un rayon de {w_radius} autour de {w_coord}, {w_alt}, en raison de l'activité de la défense aérienne ; fermetures à bref préavis possibles",
                "il est recommandé aux compagnies de ne pas voler sous le FL320 dans la {w_fir} après les tirs {w_de_missiles} dans la région",
                "aéroport {w_de_city} fermé à tout trafic sauf vols d'État et évacuations sanitaires, {w_alt}",
                "zone réglementée active chaque jour de {w_utc} à {w_utc2} entre {w_coord} et {w_coord2}, réservée aux aéronefs militaires",
                "le couloir entre la {w_fir} et la {w_fir2} sera fermé la nuit ; le trafic civil doit déposer des routes plus à l'ouest",
                "réservation d'espace aérien pour opérations militaires {w_near_city} : {w_alt}, rayon {w_radius}, vols VFR interdits",
                "en raison d'une possible activité hostile, l'espace aérien {w_in_sea} est fermé à l'aviation civile ; prévoir des routes de dégagement via la {w_fir}",
            ),
            "de": (
                "Luftraum in der {w_fir} wegen militärischer Aktivitäten für alle zivilen Flüge gesperrt, {w_alt}",
                "zeitweiliges Flugbeschränkungsgebiet aktiviert: Radius {w_radius} um {w_coord}, {w_alt}; Flüge nur mit vorheriger Genehmigung",
                "Gefahrengebiet {w_in_sea} eingerichtet: Scharfschießen und Flugkörperstarts möglich, {w_alt}; Luftfahrzeugbetreiber sollen es meiden",
                "alle Flughäfen {w_in_country} bis auf Weiteres geschlossen; Strecken durch die {w_fir} nicht verfügbar",
                "die Luftfahrtbehörde sperrt {w_date_future} den Luftraum über dem Osten des Landes; Überflüge werden über die {w_fir2} umgeleitet",
                "Luftsperrgebiet im Umkreis von {w_radius} um {w_coord}, {w_alt}, wegen Aktivität der Luftverteidigung; kurzfristige Sperrungen möglich",
                "Fluggesellschaften wird empfohlen, in der {w_fir} nicht unterhalb FL320 zu fliegen, nachdem in der Region {w_missiles} gestartet wurden",
                "Flughafen {w_city} für jeglichen Verkehr geschlossen, ausgenommen Staats- und Ambulanzflüge, {w_alt}",
                "Flugbeschränkungsgebiet täglich von {w_utc} bis {w_utc2} zwischen {w_coord} und {w_coord2} aktiv, nur für Militärluftfahrzeuge",
                "der Korridor zwischen der {w_fir} und der {w_fir2} wird nachts gesperrt; ziviler Verkehr muss weiter westlich planen",
                "Luftraumreservierung für militärische Einsätze {w_near_city}: {w_alt}, Radius {w_radius}, Sichtflüge verboten",
                "wegen möglicher feindlicher Aktivität ist der Luftraum {w_in_sea} für die Zivilluftfahrt gesperrt; Ausweichrouten über die {w_fir} planen",
            ),
        },
    ),
    Situation(
        "os_notam_drone_restriction",
        "air_activity",
        "ROUTINE",
        ("notice",),
        {
            "en": (
                "flights of unmanned aircraft are prohibited within {w_radius} of {w_city} city centre {w_date_future} during the national parade",
                "TEMPORARY RESTRICTION: NO UNMANNED ACFT OPS WITHIN 5KM OF {w_BASE} MIL INSTALLATION, SFC-1000FT AGL",
                "model aircraft and unmanned aircraft may not be flown near the summit venue in {w_city} {w_date_future}; police will enforce the ban",
                "the restricted zone for unmanned aircraft around the {w_base} base has been extended until the end of the year",
                "NO-FLY ZONE FOR UNMANNED ACFT AROUND {w_CITY} STADIUM {w_utc}-{w_utc2} ON MATCH DAYS",
                "recreational flying of unmanned aircraft is suspended along the border strip {w_in_region} until further notice",
                "during the air show {w_date_future}, a temporary restricted area with radius {w_radius} will be active around the airfield of {w_city}",
                "operators of unmanned aircraft must register flights in the controlled zone of {w_city} 24 hours in advance",
                "geo-zone update: new permanent exclusion zone over the power plant {w_near_city}, {w_alt}",
                "reminder: flying unmanned aircraft over military barracks is prohibited; the notice for {w_city} remains valid",
                "AERIAL WORK AND UNMANNED ACFT FLIGHTS PROHIBITED IN TEMPORARY AREA CENTRED {w_coord}, RADIUS {w_radius}, FOR VIP VISIT",
                "the airspace ban for unmanned aircraft over the harbour of {w_city} will be lifted {w_date_future}",
            ),
            "fr": (
                "les vols d'aéronefs sans équipage sont interdits dans un rayon de {w_radius} autour du centre {w_de_city} {w_date_future}, pendant le défilé national",
                "restriction temporaire : aucune activité d'aéronefs sans équipage à moins de 5 km de l'emprise militaire {w_de_base}, du sol à 1000 ft",
                "aéromodèles et aéronefs sans équipage interdits près du lieu du sommet à {w_city} {w_date_future} ; la police fera respecter l'interdiction",
                "la zone d'interdiction pour les aéronefs sans équipage autour de la base {w_de_base} est prolongée jusqu'à la fin de l'année",
                "zone d'interdiction de vol pour aéronefs sans équipage autour du stade {w_de_city} de {w_utc} à {w_utc2} les jours de match",
                "les vols de loisir d'aéronefs sans équipage sont suspendus le long de la bande frontalière {w_in_region} jusqu'à nouvel ordre",
                "pendant le meeting aérien {w_date_future}, une zone réglementée temporaire de {w_radius} de rayon sera active autour de l'aérodrome {w_de_city}",
                "les télépilotes doivent déclarer leurs vols dans la zone contrôlée {w_de_city} 24 heures à l'avance",
                "mise à jour des géozones : nouvelle zone d'exclusion permanente au-dessus de la centrale {w_near_city}, {w_alt}",
                "rappel : le survol des casernes par des aéronefs sans équipage est interdit ; l'avis concernant {w_city} reste en vigueur",
                "travail aérien et vols d'aéronefs sans équipage interdits dans la zone temporaire centrée sur {w_coord}, rayon {w_radius}, pour une visite officielle",
                "l'interdiction de survol du port {w_de_city} par des aéronefs sans équipage sera levée {w_date_future}",
            ),
            "de": (
                "der Betrieb unbemannter Luftfahrzeuge ist {w_date_future} während der Parade im Umkreis von {w_radius} um die Innenstadt von {w_city} verboten",
                "zeitweilige Beschränkung: kein Betrieb unbemannter Luftfahrzeuge im Umkreis von 5 km um die militärische Anlage {w_base}, vom Boden bis 1000 ft",
                "Flugmodelle und unbemannte Luftfahrzeuge dürfen {w_date_future} nicht in der Nähe des Gipfeltreffens in {w_city} fliegen; die Polizei setzt das Verbot durch",
                "das Flugverbotsgebiet für unbemannte Luftfahrzeuge {w_at_base} wird bis zum Jahresende verlängert",
                "Flugverbotszone für unbemannte Luftfahrzeuge rund um das Stadion in {w_city}, {w_utc} bis {w_utc2} an Spieltagen",
                "Freizeitflüge mit Drohnenfluggeräten sind im Grenzstreifen {w_in_region} bis auf Weiteres ausgesetzt",
                "während der Flugschau {w_date_future} gilt um den Flugplatz {w_city} ein zeitweiliges Flugbeschränkungsgebiet mit {w_radius} Radius",
                "Drohnenpiloten müssen Flüge in der Kontrollzone von {w_city} 24 Stunden im Voraus anmelden",
                "Aktualisierung der Geozonen: neue dauerhafte Ausschlusszone über dem Kraftwerk {w_near_city}, {w_alt}",
                "zur Erinnerung: Drohnenflüge über Kasernen sind verboten; die Bekanntmachung für {w_city} gilt weiter",
                "Arbeitsflüge und Drohnenflüge im zeitweiligen Gebiet um {w_coord}, Radius {w_radius}, wegen eines Staatsbesuchs verboten",
                "das Flugverbot für unbemannte Luftfahrzeuge über dem Hafen von {w_city} wird {w_date_future} aufgehoben",
            ),
        },
    ),
    Situation(
        "os_statement_intercepts",
        "air_activity",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "overnight the enemy launched {w_num} {w_drones} and {w_num2} {w_missiles}; air-defence units shot down most of them over the {w_region} region",
                "{w_airforce} reports that most of the {w_num2} {w_drones} launched during the night were intercepted; the rest were lost to electronic countermeasures",
                "{w_jets} launched {w_missiles} from over the {w_sea} {w_date}; {w_jets_own} and mobile fire groups were active until morning",
                "from 18:00 yesterday the enemy attacked with {w_drones} from several directions; {w_ad} units destroyed {w_num} targets",
                "{w_Airforce} confirmed the downing of {w_a_missile} {w_near_city} {w_date}; debris fell on farmland",
                "air raid alerts lasted more than six hours {w_in_region} overnight as waves of {w_drones} crossed the border",
                "a reconnaissance flight of {w_recon_uav} was tracked along the front line {w_date}; two were shot down",
                "{w_num} {w_jets} were detected in the air {w_date}; {w_Airforce} said the aircraft stayed outside our airspace",
                "the intercept rate last night was lower than usual, {w_official} said, because the enemy used decoys alongside {w_drones}",
                "an air-defence battery with {w_ad} {w_near_city} engaged targets for the first time {w_date}, according to the air force",
                "{w_Mod} says {w_num} {w_missiles} were fired at the capital {w_date}; all were intercepted before reaching the city",
                "our {w_jets_own} flew {w_num} sorties yesterday to intercept {w_drones} over the south",
            ),
            "fr": (
                "dans la nuit, l'ennemi a lancé {w_num} {w_drones} et {w_num2} {w_missiles} ; la défense aérienne en a abattu la plupart {w_in_region}",
                "{w_airforce} indique que la plupart des {w_num2} {w_drones} lancés cette nuit ont été interceptés ; les autres ont été neutralisés par brouillage",
                "des {w_jets} ont tiré des {w_missiles} {w_in_sea} {w_date} ; des {w_jets_own} et des groupes de tir mobiles ont été actifs jusqu'au matin",
                "depuis 18 heures hier, l'ennemi attaque avec des {w_drones} depuis plusieurs directions ; les {w_ad} ont détruit {w_num} cibles",
                "{w_airforce} a confirmé la destruction {w_de_a_missile} {w_near_city} {w_date} ; les débris sont tombés dans des champs",
                "les alertes aériennes ont duré plus de six heures {w_in_region} cette nuit, au passage de vagues successives de {w_drones}",
                "un vol de reconnaissance {w_de_recon_uav} a été suivi le long de la ligne de front {w_date} ; deux appareils ont été abattus",
                "{w_num} {w_jets} ont été détectés en vol {w_date} ; selon {w_airforce}, les appareils sont restés hors de notre espace aérien",
                "le taux d'interception a été plus faible que d'habitude la nuit dernière, selon {w_official}, l'ennemi ayant mêlé des leurres à ses {w_drones}",
                "une batterie équipée {w_de_ad} {w_near_city} a engagé des cibles pour la première fois {w_date}, selon l'armée de l'air",
                "{w_mod} affirme que {w_num} {w_missiles} ont été tirés sur la capitale {w_date} ; tous ont été interceptés avant d'atteindre la ville",
                "nos {w_jets_own} ont effectué hier {w_num} sorties pour intercepter des {w_drones} au-dessus du sud",
            ),
            "de": (
                "in der Nacht startete der Feind {w_num} {w_drones} und {w_num2} {w_missiles}; die Luftverteidigung schoss die meisten {w_in_region} ab",
                "{w_airforce} meldet, dass in der Nacht die meisten der {w_num2} gestarteten {w_drones} abgefangen wurden; die übrigen gingen durch elektronische Abwehr verloren",
                "{w_date} feuerten {w_jets} über dem Meer ({w_in_sea}) {w_missiles} ab; {w_jets_own} und mobile Feuergruppen waren bis zum Morgen im Einsatz",
                "seit gestern 18 Uhr greift der Feind aus mehreren Richtungen mit {w_drones} an; {w_ad} zerstörten {w_num} Ziele",
                "{w_airforce} bestätigte, dass {w_a_missile} {w_near_city} {w_date} abgeschossen wurde; Trümmer fielen auf Ackerland",
                "der Luftalarm dauerte in der Nacht {w_in_region} über sechs Stunden, während {w_drones} in mehreren Wellen die Grenze überflogen",
                "{w_recon_uav} wurden {w_date} bei einem Aufklärungsflug entlang der Front verfolgt; zwei wurden abgeschossen",
                "{w_date} wurden {w_num} {w_jets} in der Luft erfasst; sie blieben nach Angaben der Luftwaffe außerhalb unseres Luftraums",
                "die Abfangquote war in der vergangenen Nacht niedriger als sonst, sagte {w_official}, weil der Feind neben {w_drones} auch Täuschkörper einsetzte",
                "eine Flugabwehrbatterie {w_near_city} ({w_ad}) hat {w_date} erstmals Ziele bekämpft, teilte die Luftwaffe mit",
                "{w_mod} erklärt, {w_date} seien {w_num} {w_missiles} auf die Hauptstadt abgefeuert worden; alle wurden vor Erreichen der Stadt abgefangen",
                "unsere {w_jets_own} flogen gestern {w_num} Einsätze, um {w_drones} über dem Süden abzufangen",
            ),
        },
    ),
    Situation(
        "os_wire_airspace_violation",
        "air_activity",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "{w_the_country} scrambled {w_jets_own} {w_date} after {w_a_drone} entered its airspace {w_near_city} during an attack on a neighbouring port",
                "debris of {w_a_drone} was found in a field {w_near_city} {w_date}, the interior ministry said; the area has been cordoned off",
                "allied {w_jets_own} shot down several objects that crossed into the airspace {w_in_region} overnight, officials said",
                "the foreign ministry summoned the ambassador after {w_a_missile} crossed the border for three minutes {w_date} before leaving again",
                "air surveillance tracked an unidentified object flying from the east {w_date}; it disappeared {w_near_city} and searches are under way",
                "residents reported a loud bang and a fire {w_near_city}; officials later confirmed that parts of {w_a_drone} had fallen there",
                "{w_jets} approached the border over the {w_sea} without flight plans or transponders {w_date} and were escorted by {w_jets_own}",
                "it was the {w_anniv} airspace violation this year, {w_official} said, adding that none of the objects had been armed",
                "search teams looked for hours for {w_a_drone} that had strayed into the country {w_in_region}",
                "{w_the_country} will deploy additional {w_ad} near the border after the incursion {w_date}, the defence minister said",
                "NATO said its air policing {w_jets_own} had intercepted {w_num} {w_jets} over the {w_sea} in a week, all flying with transponders off",
                "a farmer {w_near_city} found the wreck of {w_a_drone} in his barn {w_date}; police said it carried no warhead",
            ),
            "fr": (
                "{w_the_country} a fait décoller des {w_jets_own} {w_date} après l'intrusion {w_de_a_drone} dans son espace aérien {w_near_city}, lors d'une attaque contre un port voisin",
                "les débris {w_de_a_drone} ont été retrouvés dans un champ {w_near_city} {w_date}, selon le ministère de l'Intérieur ; le secteur est bouclé",
                "des {w_jets_own} alliés ont abattu plusieurs objets entrés dans l'espace aérien {w_in_region} au cours de la nuit",
                "le ministère des Affaires étrangères a convoqué l'ambassadeur après le passage {w_de_a_missile} au-dessus de la frontière pendant trois minutes {w_date}",
                "la surveillance aérienne a suivi {w_date} un objet non identifié venant de l'est ; il a disparu {w_near_city} et des recherches sont en cours",
                "des habitants ont entendu une forte détonation {w_near_city} ; les autorités ont ensuite confirmé la chute de fragments {w_de_a_drone}",
                "des {w_jets} se sont approchés de la frontière {w_in_sea} {w_date} sans plan de vol ni transpondeur, escortés par des {w_jets_own}",
                "il s'agit de la {w_anniv} violation de l'espace aérien cette année, a précisé {w_official}, ajoutant qu'aucun des engins n'était armé",
                "des équipes de recherche ont cherché pendant des heures {w_a_drone} égaré {w_in_region}",
                "{w_the_country} va déployer des {w_ad} supplémentaires près de la frontière après l'incursion {w_date}, a annoncé le ministre",
                "l'OTAN indique que ses {w_jets_own} de police du ciel ont intercepté {w_num} {w_jets} {w_in_sea} en une semaine, tous sans transpondeur",
                "un agriculteur {w_near_city} a découvert {w_date} l'épave {w_de_a_drone} dans sa grange ; selon la police, il ne portait pas de charge",
            ),
            "de": (
                "{w_the_country} ließ {w_date} {w_jets_own} aufsteigen, nachdem {w_a_drone} bei einem Angriff auf einen Nachbarhafen {w_near_city} in den Luftraum eingedrungen war",
                "{w_a_drone} ist {w_date} auf einem Feld {w_near_city} abgestürzt, teilte das Innenministerium mit; der Bereich ist abgesperrt",
                "verbündete {w_jets_own} haben in der Nacht mehrere Objekte abgeschossen, die {w_in_region} in den Luftraum eingeflogen waren",
                "das Außenministerium bestellte den Botschafter ein, nachdem {w_a_missile} {w_date} drei Minuten lang über der Grenze geflogen war",
                "die militärische Luftraumüberwachung verfolgte {w_date} ein unbekanntes Objekt aus östlicher Richtung; es verschwand {w_near_city}, die Suche läuft",
                "Anwohner meldeten einen lauten Knall und ein Feuer {w_near_city}; später bestätigten die Behörden, dass dort {w_a_drone} niedergegangen war",
                "{w_jets} näherten sich {w_date} über dem Meer ({w_in_sea}) ohne Flugplan und Transponder der Grenze; {w_jets_own} begleiteten sie",
                "es sei in diesem Jahr bereits zum {w_anniv} Mal zu einer Luftraumverletzung gekommen, sagte {w_official}; keines der Objekte sei bewaffnet gewesen",
                "stundenlang wurde {w_in_region} nach einem Flugobjekt gesucht; es handelte sich um {w_a_drone}",
                "nach dem Eindringen {w_date} will {w_the_country} zusätzliche {w_ad} an der Grenze aufstellen, sagte der Verteidigungsminister",
                "die NATO teilte mit, ihre {w_jets_own} der Luftraumüberwachung hätten binnen einer Woche {w_num} {w_jets} {w_in_sea} abgefangen",
                "ein Landwirt {w_near_city} fand {w_date} {w_a_drone} zertrümmert in seiner Scheune; laut Polizei ohne Sprengkopf",
            ),
        },
    ),
    Situation(
        "os_social_air_alert",
        "air_activity",
        "IMMEDIATE",
        ("live", "unverified"),
        {
            "en": (
                "air raid alert {w_in_region}, group of {w_drones} heading towards {w_city}, ETA about 15 min",
                "monitoring channels: {w_jets} airborne, possible launch of {w_missiles} within minutes, take cover",
                "{w_drones} spotted over {w_city} right now, flying low towards the west; air-defence fire heard",
                "'fast target from the south towards {w_city}' - alert posted by {w_channel}",
                "new wave: {w_num} {w_drones} entered the airspace {w_in_region} in the last ten minutes, direction {dir}",
                "sirens {w_in_region}; channels report {w_a_missile} inbound to the {w_city} area",
                "alert for the whole east: {w_jets} in the air, threat of {w_missiles}; residents told to go to shelters",
                "motorbike-like engine noise over {w_city}, {w_channel} says {w_drones} are circling the city now",
                "air-defence activity over {w_city} at this moment, tracer fire visible from the left bank",
                "{w_channel}: 'several {w_drones} turning north towards {w_city2}, stay in shelters'",
                "ballistic threat {w_in_region}: launches detected from the north, impact expected in under five minutes",
                "alert for {w_drones} still in force {w_in_region}; last targets reported {w_near_city} two minutes ago",
            ),
            "fr": (
                "alerte aérienne {w_in_region}, groupe de {w_drones} en direction {w_de_city}, arrivée dans 15 min environ",
                "chaînes de veille : {w_jets} en vol, tirs {w_de_missiles} possibles dans les minutes qui viennent, mettez-vous à l'abri",
                "des {w_drones} survolent {w_city} en ce moment, à basse altitude vers l'ouest ; tirs de défense aérienne entendus",
                "« cible rapide du sud vers {w_city} » – alerte publiée par {w_channel}",
                "nouvelle vague : {w_num} {w_drones} sont entrés {w_in_region} ces dix dernières minutes, direction {dir}",
                "sirènes {w_in_region} ; les chaînes signalent {w_a_missile} en approche du secteur {w_de_city}",
                "alerte pour tout l'est : {w_jets} en vol, menace {w_de_missiles} ; les habitants doivent rejoindre les abris",
                "bruit de moteur de mobylette au-dessus {w_de_city}, {w_channel} affirme que des {w_drones} tournent au-dessus de la ville",
                "défense aérienne active au-dessus {w_de_city} en ce moment, traçantes visibles depuis la rive gauche",
                "{w_channel} : « plusieurs {w_drones} virent au nord vers {w_city2}, restez aux abris »",
                "menace balistique {w_in_region} : tirs détectés depuis le nord, impact attendu dans moins de cinq minutes",
                "alerte aux {w_drones} toujours en vigueur {w_in_region} ; dernières cibles signalées {w_near_city} il y a deux minutes",
            ),
            "de": (
                "Luftalarm {w_in_region}, Gruppe {w_drones} im Anflug auf {w_city}, ca. 15 Min",
                "Monitoring-Kanäle: {w_jets} in der Luft, {w_missiles} könnten in den nächsten Minuten starten, Schutz suchen",
                "{w_drones} gerade über {w_city}, tief fliegend Richtung Westen; Abwehrfeuer zu hören",
                "„schnelles Ziel aus Süden Richtung {w_city}“ – so warnt {w_channel}",
                "neue Welle: {w_num} {w_drones} sind in den letzten zehn Minuten {w_in_region} eingeflogen, Richtung {dir}",
                "Sirenen {w_in_region}; Kanäle melden {w_a_missile} im Anflug auf den Raum {w_city}",
                "Alarm für den ganzen Osten: {w_jets} in der Luft, Gefahr durch {w_missiles}; Bewohner sollen in die Schutzräume",
                "Mopedgeräusch über {w_city}; {w_channel} meldet, dass gerade {w_drones} über der Stadt kreisen",
                "Luftverteidigung über {w_city} gerade aktiv, Leuchtspur vom linken Ufer aus sichtbar",
                "{w_channel}: „mehrere {w_drones} drehen nach Norden Richtung {w_city2}, in den Schutzräumen bleiben“",
                "ballistische Bedrohung {w_in_region}: Starts aus Norden erkannt, Einschlag in weniger als fünf Minuten erwartet",
                "Drohnenalarm {w_in_region} weiterhin aktiv; letzte Ziele vor zwei Minuten {w_near_city} gemeldet",
            ),
        },
    ),
    Situation(
        "os_field_inbound",
        "air_activity",
        "FLASH",
        ("incoming", "own_forces"),
        {
            "en": (
                "AIR RAID, {w_num} {w_drones} inbound to the camp {w_near_city}, ETA 3 min, all pers to bunkers",
                "{w_own_ship} tracking {w_num} {w_drones} and {w_a_missile} inbound, engaging now",
                "incoming {w_missiles}, impact expected {w_at_base} within 2 min, take cover",
                "radar contact: {w_a_drone} heading straight for our FOB {w_near_city}, counter-drone team engaging",
                "{w_drones} swarm over the perimeter {w_at_base} NOW, {w_ad} firing",
                "ship under air attack {w_in_sea}, {w_num} {w_drones} inbound from the {dir}, engaging with guns and {w_ad}",
                "ballistic launch detected, predicted impact area is our camp {w_near_city}, 90 seconds",
                "{w_a_drone} diving on our convoy {w_near_city}, taking evasive action",
                "multiple air tracks closing on the task group {w_in_sea}, weapons free, all hands to action stations",
                "{w_recon_uav} over the OP and {w_drones} following, strike imminent on our position {w_near_city}",
                "air threat warning red {w_at_base}: {w_num} fast movers inbound, shelters NOW",
                "{w_own_ship} engaging {w_a_missile} at close range {w_near_island}, a second one inbound",
            ),
            "fr": (
                "ALERTE AÉRIENNE, {w_num} {w_drones} en approche du camp {w_near_city}, arrivée 3 min, tout le personnel aux abris",
                "{w_own_ship} suit {w_num} {w_drones} et {w_a_missile} en approche, engagement en cours",
                "{w_missiles} en approche, impact attendu {w_at_base} sous 2 min, à l'abri",
                "contact radar : {w_a_drone} droit sur notre base avancée {w_near_city}, lutte anti-drones engagée",
                "essaim de {w_drones} au-dessus de l'enceinte {w_at_base} EN CE MOMENT, {w_ad} en action",
                "bâtiment sous attaque aérienne {w_in_sea}, {w_num} {w_drones} en approche par le {dir}, engagés au canon et avec les {w_ad}",
                "tir balistique détecté, zone d'impact prévue sur notre camp {w_near_city}, 90 secondes",
                "{w_a_drone} plonge sur notre convoi {w_near_city}, manœuvre d'évitement",
                "plusieurs pistes aériennes convergent sur le groupe naval {w_in_sea}, tir libre, postes de combat",
                "{w_recon_uav} au-dessus du PO et {w_drones} derrière, frappe imminente sur notre position {w_near_city}",
                "alerte menace aérienne rouge {w_at_base} : {w_num} cibles rapides en approche, aux abris MAINTENANT",
                "{w_own_ship} engage {w_a_missile} à courte portée {w_near_island}, second tir en approche",
            ),
            "de": (
                "LUFTALARM, {w_num} {w_drones} im Anflug auf das Lager {w_near_city}, 3 Min, alle in die Bunker",
                "{w_own_ship} verfolgt {w_num} anfliegende Ziele, darunter {w_a_missile}, Bekämpfung läuft",
                "{w_missiles} im Anflug ({w_at_base}), Einschlag in unter 2 Min erwartet, Deckung",
                "Radarkontakt: {w_a_drone} hält direkt auf unser Feldlager {w_near_city} zu, Drohnenabwehr bekämpft",
                "Schwarm {w_drones} JETZT über dem Gelände ({w_at_base}), Abwehrfeuer läuft",
                "Schiff unter Luftangriff {w_in_sea}, {w_num} {w_drones} im Anflug aus {dir}, Bekämpfung durch Geschütze und {w_ad}",
                "ballistischer Start erkannt, vorausberechneter Einschlag in unserem Lager {w_near_city}, 90 Sekunden",
                "{w_a_drone} stürzt auf unseren Konvoi {w_near_city} herab, Ausweichmanöver",
                "mehrere Luftziele nähern sich dem Verband {w_in_sea}, Waffen frei, alle Mann auf Gefechtsstationen",
                "{w_recon_uav} über dem Posten und {w_drones} dahinter, Angriff auf unsere Stellung {w_near_city} unmittelbar bevorstehend",
                "Luftbedrohung ROT ({w_at_base}): {w_num} schnelle Ziele im Anflug, sofort in die Schutzräume",
                "{w_own_ship} bekämpft {w_a_missile} auf kurze Distanz {w_near_island}, ein zweites Ziel im Anflug",
            ),
        },
        ("request_support",),
    ),
)

_CBRN: tuple[Situation, ...] = (
    Situation(
        "os_finding_chemical",
        "cbrn",
        "PRIORITY",
        ("finding", "past"),
        {
            "en": (
                "{w_cw_body} concluded that chlorine was used as a weapon in the attack on {w_city} {w_date_old}",
                "the fact-finding report confirms the presence of a riot-control agent in samples collected {w_near_city} {w_date_old}",
                "inspectors found 'reasonable grounds to believe' that a toxic chemical was released from a cylinder that hit a residential building in {w_city}",
                "laboratory analysis by two designated labs identified sarin breakdown products in soil taken {w_near_city}, the report says",
                "{w_cw_body} was unable to attribute responsibility but said the munition that struck the position {w_in_region} contained CS",
                "after a nine-month investigation, the inspectorate reported that the incident {w_near_city} {w_date_old} involved a nerve agent",
                "the report on the incident {w_date_old} notes symptoms consistent with exposure to an organophosphate among {w_num} patients treated in {w_city}",
                "a summary of the findings was circulated to member states {w_date}; the full report, including chain-of-custody details, remains restricted",
                "the inspectorate said the samples from {w_city} showed no trace of a scheduled chemical, contrary to earlier allegations",
                "in its finding, {w_cw_body} states that grenades dropped from {w_drones} on trenches {w_in_region} contained a tear gas",
                "investigators interviewed {w_num} witnesses and examined the remains of two gas canisters found in {w_city}",
                "the agency's experts confirmed that the soldier poisoned {w_in_country} {w_date_old} had been exposed to a military-grade agent",
            ),
            "fr": (
                "{w_cw_body} a conclu que du chlore avait été utilisé comme arme lors de l'attaque contre {w_city} {w_date_old}",
                "le rapport de la mission d'établissement des faits confirme la présence d'un agent antiémeute dans des échantillons prélevés {w_near_city} {w_date_old}",
                "les inspecteurs ont trouvé des « motifs raisonnables de penser » qu'un produit chimique toxique s'est échappé d'une bonbonne tombée sur un immeuble {w_de_city}",
                "l'analyse de deux laboratoires désignés a identifié des produits de dégradation du sarin dans la terre prélevée {w_near_city}, indique le rapport",
                "{w_cw_body} n'a pas pu attribuer la responsabilité mais estime que la munition tombée sur la position {w_in_region} contenait du CS",
                "au terme de neuf mois d'enquête, l'inspection conclut que l'incident survenu {w_near_city} {w_date_old} impliquait un agent neurotoxique",
                "le rapport sur l'incident {w_date_old} relève chez {w_num} patients soignés à {w_city} des symptômes compatibles avec une exposition à un organophosphoré",
                "une synthèse des conclusions a été transmise aux États membres {w_date} ; le rapport complet, avec la chaîne de traçabilité, reste confidentiel",
                "selon l'inspection, les échantillons {w_de_city} ne contenaient aucune substance inscrite, contrairement aux accusations antérieures",
                "dans ses conclusions, {w_cw_body} indique que les grenades larguées par des {w_drones} sur des tranchées {w_in_region} contenaient un gaz lacrymogène",
                "les enquêteurs ont entendu {w_num} témoins et examiné les restes de deux cartouches de gaz retrouvées à {w_city}",
                "les experts de l'agence ont confirmé que le militaire empoisonné {w_in_country} {w_date_old} avait été exposé à un agent de qualité militaire",
            ),
            "de": (
                "{w_cw_body} kam zu dem Schluss, dass beim Angriff auf {w_city} {w_date_old} Chlor als Waffe eingesetzt wurde",
                "der Bericht der Untersuchungsmission bestätigt einen Reizstoff in Proben, die {w_date_old} {w_near_city} genommen wurden",
                "die Inspektoren fanden „hinreichende Gründe“ für die Annahme, dass aus einem Behälter, der ein Wohnhaus in {w_city} traf, eine giftige Chemikalie austrat",
                "zwei benannte Labore wiesen in Bodenproben {w_near_city} Abbauprodukte von Sarin nach, heißt es in dem Bericht",
                "{w_cw_body} konnte keine Verantwortung zuweisen, stellte aber fest, dass die Munition, die die Stellung {w_in_region} traf, CS enthielt",
                "nach neunmonatiger Untersuchung berichtet die Inspektion, dass bei dem Vorfall {w_near_city} {w_date_old} ein Nervenkampfstoff im Spiel war",
                "der Bericht über den Vorfall {w_date_old} nennt bei {w_num} in {w_city} behandelten Patienten Symptome, die zu einer Organophosphat-Vergiftung passen",
                "eine Zusammenfassung der Ergebnisse ging {w_date} an die Mitgliedstaaten; der vollständige Bericht samt Nachweiskette bleibt eingestuft",
                "die Proben aus {w_city} enthielten laut Inspektion keine gelistete Chemikalie – anders als zuvor behauptet",
                "in ihrem Befund hält {w_cw_body} fest, dass von {w_drones} über Schützengräben {w_in_region} abgeworfene Granaten ein Tränengas enthielten",
                "die Ermittler befragten {w_num} Zeugen und untersuchten die Reste zweier Gaskartuschen, die in {w_city} gefunden wurden",
                "die Fachleute der Behörde bestätigten, dass der {w_date_old} {w_in_country} vergiftete Soldat einem militärischen Kampfstoff ausgesetzt war",
            ),
        },
    ),
    Situation(
        "os_finding_nuclear",
        "cbrn",
        "PRIORITY",
        ("finding",),
        {
            "en": (
                "{w_nuc_body} reports that the nuclear plant near {w_city} lost its last external power line {w_date} and ran on diesel generators for eleven hours",
                "the agency's team at the site heard several explosions {w_date} and saw damage to a building housing spent fuel; radiation levels remained normal",
                "{w_nuc_body} says staffing at the plant has fallen to a level that 'cannot be sustained', with operators working double shifts",
                "{w_a_drone} hit the roof of a reactor training centre at the plant {w_date}, the agency said, calling it 'a dangerous precedent'",
                "inspectors found anti-personnel mines between the inner and outer perimeter fences, in breach of safety standards",
                "the plant's cooling pond level has dropped after the dam upstream was destroyed; {w_nuc_body} considers it sufficient for now",
                "monitoring stations {w_in_region} recorded no increase in gamma dose rates after the fire reported near the plant {w_date}",
                "the agency's latest update lists several of the seven safety pillars as compromised at the site",
                "a transformer at the substation feeding the plant was damaged by shelling {w_date}; repairs took two days",
                "{w_nuc_body} was not given access to the turbine halls during its last rotation and could not verify reports of military equipment stored there",
                "the regulator found that the research reactor in {w_city} was shut down safely before the strikes {w_date} and that no material was released",
                "samples taken by the agency team {w_near_city} showed radiation within natural background levels",
            ),
            "fr": (
                "{w_nuc_body} indique que la centrale nucléaire proche {w_de_city} a perdu sa dernière ligne électrique externe {w_date} et a fonctionné onze heures sur groupes diesel",
                "l'équipe de l'agence sur place a entendu plusieurs explosions {w_date} et constaté des dégâts sur un bâtiment abritant du combustible usé ; la radioactivité est restée normale",
                "{w_nuc_body} estime que les effectifs de la centrale sont tombés à un niveau « intenable », les opérateurs enchaînant des doubles postes",
                "{w_a_drone} a touché le toit d'un centre de formation de la centrale {w_date}, selon l'agence, qui parle d'« un précédent dangereux »",
                "les inspecteurs ont relevé des mines antipersonnel entre les clôtures intérieure et extérieure, contrairement aux normes de sûreté",
                "le niveau du bassin de refroidissement a baissé après la destruction du barrage en amont ; {w_nuc_body} le juge suffisant pour l'instant",
                "les stations de surveillance {w_in_region} n'ont enregistré aucune hausse du débit de dose gamma après l'incendie signalé près de la centrale {w_date}",
                "le dernier point de l'agence considère que plusieurs des sept piliers de la sûreté sont compromis sur le site",
                "un transformateur du poste alimentant la centrale a été endommagé par des bombardements {w_date} ; la réparation a pris deux jours",
                "{w_nuc_body} n'a pas eu accès aux salles des machines lors de sa dernière rotation et n'a pas pu vérifier la présence de matériel militaire",
                "le régulateur a constaté que le réacteur de recherche {w_de_city} avait été mis à l'arrêt en sûreté avant les frappes {w_date}, sans aucun rejet",
                "les prélèvements de l'équipe de l'agence {w_near_city} montrent une radioactivité dans les limites du bruit de fond naturel",
            ),
            "de": (
                "{w_nuc_body} berichtet, dass das Kernkraftwerk bei {w_city} {w_date} seine letzte externe Stromleitung verlor und elf Stunden mit Notstromdieseln lief",
                "das Team der Behörde vor Ort hörte {w_date} mehrere Explosionen und sah Schäden an einem Gebäude mit abgebrannten Brennelementen; die Strahlenwerte blieben normal",
                "{w_Nuc_body} meldet, die Personalstärke im Kraftwerk sei auf ein „nicht tragbares“ Niveau gesunken, das Bedienpersonal arbeite Doppelschichten",
                "{w_a_drone} traf {w_date} das Dach eines Schulungszentrums des Kraftwerks, teilte die Behörde mit und sprach von einem „gefährlichen Präzedenzfall“",
                "die Inspektoren fanden Antipersonenminen zwischen innerem und äußerem Zaun, ein Verstoß gegen die Sicherheitsstandards",
                "der Wasserstand im Kühlteich ist nach der Zerstörung des Staudamms flussaufwärts gesunken; {w_nuc_body} hält ihn vorerst für ausreichend",
                "Messstationen {w_in_region} verzeichneten nach dem {w_date} gemeldeten Brand nahe dem Kraftwerk keinen Anstieg der Gamma-Ortsdosisleistung",
                "im jüngsten Lagebericht der Behörde gelten mehrere der sieben Säulen der nuklearen Sicherheit am Standort als beeinträchtigt",
                "ein Transformator im Umspannwerk, das das Kraftwerk versorgt, wurde {w_date} durch Beschuss beschädigt; die Reparatur dauerte zwei Tage",
                "{w_nuc_body} erhielt bei der letzten Rotation keinen Zugang zu den Turbinenhallen und konnte Berichte über dort abgestelltes Militärgerät nicht prüfen",
                "die Aufsicht stellte fest, dass der Forschungsreaktor in {w_city} vor den Angriffen {w_date} sicher abgeschaltet worden war und nichts austrat",
                "Proben des Behördenteams {w_near_city} zeigten Strahlung im Bereich der natürlichen Hintergrundwerte",
            ),
        },
    ),
    Situation(
        "os_wire_cbrn_allegation",
        "cbrn",
        "PRIORITY",
        ("account", "allegation"),
        {
            "en": (
                "{w_mod} accused the enemy of dropping grenades filled with tear gas on positions {w_in_region} {w_date}, saying {w_num} soldiers were treated",
                "ammonia leaked from a chemical plant {w_near_city} after it was shelled {w_date}; residents were told to keep windows shut",
                "a soldier quoted by the agency said the gas 'came down like fog into the trench' and made his eyes burn",
                "officials reported {w_big} cases of chemical-munition use since the start of the war, most involving riot-control agents",
                "the other side denied using banned substances {w_in_region} and said the allegations were 'staged'",
                "hospitals in {w_city} admitted {w_num} people with breathing problems after smoke from a burning chlorine store drifted over the town {w_date}",
                "samples from the front {w_near_city} have been sent to an accredited laboratory abroad, {w_official} said",
                "local authorities declared an emergency {w_in_region} after a rail tanker carrying acid was hit {w_date}",
                "reports that a toxic substance was used in the fighting for {w_city} {w_date} could not be verified, the agency said",
                "{w_the_country} has asked the chemical-weapons inspectorate to investigate what it called a 'systematic' use of irritants on the front",
                "the regional governor said a cloud of nitric acid vapour formed after a strike on a fertiliser plant {w_near_city}; no deaths were reported",
                "a military medic described treating soldiers with 'classic signs of chemical exposure' after the assault {w_near_city}",
            ),
            "fr": (
                "{w_mod} accuse l'ennemi d'avoir largué {w_date} des grenades lacrymogènes sur des positions {w_in_region}, {w_num} soldats ayant dû être soignés",
                "de l'ammoniac s'est échappé d'une usine chimique {w_near_city} bombardée {w_date} ; les habitants ont reçu l'ordre de garder les fenêtres fermées",
                "un soldat cité par l'agence raconte que le gaz « descendait comme du brouillard dans la tranchée » et lui brûlait les yeux",
                "les autorités recensent {w_big} cas d'emploi de munitions chimiques depuis le début de la guerre, pour la plupart des agents antiémeute",
                "l'autre camp nie tout usage de substances interdites {w_in_region} et parle d'accusations « montées de toutes pièces »",
                "les hôpitaux {w_de_city} ont admis {w_num} personnes souffrant de troubles respiratoires après le passage {w_date} des fumées d'un stock de chlore en feu",
                "des échantillons prélevés sur le front {w_near_city} ont été envoyés à un laboratoire accrédité à l'étranger, selon {w_official}",
                "les autorités ont décrété l'état d'urgence {w_in_region} après qu'un wagon-citerne d'acide a été touché {w_date}",
                "les informations sur l'emploi d'une substance toxique lors des combats pour {w_city} {w_date} n'ont pas pu être vérifiées, précise l'agence",
                "{w_the_country} a demandé à l'inspection des armes chimiques d'enquêter sur un recours « systématique » aux irritants sur le front",
                "selon le gouverneur, un nuage de vapeurs d'acide nitrique s'est formé après une frappe sur une usine d'engrais {w_near_city} ; aucun mort signalé",
                "un infirmier militaire dit avoir soigné des soldats présentant « tous les signes d'une exposition chimique » après l'assaut {w_near_city}",
            ),
            "de": (
                "{w_mod} wirft dem Feind vor, {w_date} Tränengasgranaten über Stellungen {w_in_region} abgeworfen zu haben; {w_num} Soldaten wurden behandelt",
                "aus einem {w_date} beschossenen Chemiewerk {w_near_city} trat Ammoniak aus; die Bewohner sollten die Fenster geschlossen halten",
                "ein von der Agentur zitierter Soldat sagte, das Gas sei „wie Nebel in den Graben gesunken“ und habe in den Augen gebrannt",
                "die Behörden zählen seit Kriegsbeginn {w_big} Fälle des Einsatzes chemischer Munition, meist mit Reizstoffen",
                "die Gegenseite bestritt den Einsatz verbotener Stoffe {w_in_region} und sprach von „inszenierten“ Vorwürfen",
                "Krankenhäuser in {w_city} nahmen {w_num} Menschen mit Atemproblemen auf, nachdem {w_date} Rauch aus einem brennenden Chlorlager über die Stadt gezogen war",
                "Proben von der Front {w_near_city} wurden an ein akkreditiertes Labor im Ausland geschickt, sagte {w_official}",
                "die Behörden riefen {w_in_region} den Notstand aus, nachdem {w_date} ein Kesselwagen mit Säure getroffen worden war",
                "Berichte über den Einsatz eines giftigen Stoffes bei den Kämpfen um {w_city} {w_date} ließen sich nicht überprüfen, so die Agentur",
                "{w_the_country} hat die Chemiewaffen-Inspektion ersucht, den „systematischen“ Einsatz von Reizstoffen an der Front zu untersuchen",
                "nach einem Angriff auf ein Düngemittelwerk {w_near_city} bildete sich laut Gouverneur eine Wolke aus Salpetersäuredampf; Tote gab es nicht",
                "ein Sanitäter berichtete, er habe nach dem Sturmangriff {w_near_city} Soldaten mit „typischen Zeichen einer chemischen Exposition“ behandelt",
            ),
        },
    ),
    Situation(
        "os_analysis_cbrn",
        "cbrn",
        "ROUTINE",
        ("background",),
        {
            "en": (
                "background paper: the history of chemical-weapons use {w_in_country} since {w_year} and the limits of international verification",
                "this note explains the difference between riot-control agents and scheduled chemicals, and why the distinction matters on the battlefield",
                "{w_think} reviews the destruction of declared chemical stockpiles over the past decades and the gaps that remain",
                "a primer on nuclear-plant safety in war zones: off-site power, cooling water and staff, the three things to watch",
                "the study looks back at the {w_year} attack {w_near_city} and at how long it took investigators to reach the site",
                "historical overview of radiological incidents in the region since {w_year}, none of which led to a measurable public dose",
                "our CBRN desk summarises how the inspectorate works: requests, fact-finding missions, sampling, and the role of designated laboratories",
                "the chapter compares the chlorine attacks of {w_year} with the industrial accidents caused by strikes on chemical plants",
                "long-read: why dirty-bomb scares recur in every conflict and why experts consider the real risk low",
                "lessons from {w_year}: the medical response to nerve-agent casualties and the stocks of antidote hospitals need",
                "the report assesses the other side's chemical-defence units, their training and the kit they field, based on open sources",
                "an explainer on how radiation monitoring networks {w_in_region} report data and what the usual background values are",
            ),
            "fr": (
                "note de contexte : l'historique de l'emploi d'armes chimiques {w_in_country} depuis {w_year} et les limites de la vérification internationale",
                "cette note explique la différence entre agents antiémeute et produits chimiques inscrits, et pourquoi elle compte sur le champ de bataille",
                "{w_think} revient sur la destruction des stocks chimiques déclarés au fil des décennies et sur les lacunes qui subsistent",
                "les bases de la sûreté nucléaire en zone de guerre : alimentation électrique externe, eau de refroidissement et personnel",
                "l'étude revient sur l'attaque de {w_year} {w_near_city} et sur le temps qu'il a fallu aux enquêteurs pour accéder au site",
                "panorama historique des incidents radiologiques dans la région depuis {w_year}, dont aucun n'a entraîné de dose mesurable pour la population",
                "notre cellule NRBC résume le fonctionnement de l'inspection : saisines, missions d'établissement des faits, prélèvements et laboratoires désignés",
                "le chapitre compare les attaques au chlore de {w_year} aux accidents industriels causés par des frappes sur des usines chimiques",
                "grand format : pourquoi la peur de la bombe sale revient à chaque conflit et pourquoi les experts jugent le risque réel faible",
                "les leçons de {w_year} : la prise en charge médicale des victimes de neurotoxiques et les stocks d'antidotes nécessaires",
                "le rapport évalue les unités de défense chimique adverses, leur instruction et leurs équipements, à partir de sources ouvertes",
                "fiche explicative sur la publication des données des réseaux de surveillance radiologique {w_in_region} et les valeurs de fond habituelles",
            ),
            "de": (
                "Hintergrundpapier: die Geschichte des Chemiewaffeneinsatzes {w_in_country} seit {w_year} und die Grenzen internationaler Überprüfung",
                "dieser Vermerk erklärt den Unterschied zwischen Reizstoffen und gelisteten Chemikalien und warum er auf dem Gefechtsfeld wichtig ist",
                "{w_think} blickt auf die Vernichtung der deklarierten Chemiewaffenbestände in den letzten Jahrzehnten und die verbleibenden Lücken",
                "Grundlagen der nuklearen Sicherheit im Krieg: externe Stromversorgung, Kühlwasser und Personal",
                "die Studie blickt auf den Angriff von {w_year} {w_near_city} zurück und darauf, wie lange die Ermittler brauchten, um den Ort zu erreichen",
                "historischer Überblick über radiologische Vorfälle in der Region seit {w_year}; keiner führte zu einer messbaren Dosis für die Bevölkerung",
                "unser ABC-Referat fasst zusammen, wie die Inspektion arbeitet: Ersuchen, Untersuchungsmissionen, Probenahme und benannte Labore",
                "das Kapitel vergleicht die Chlorangriffe von {w_year} mit Industrieunfällen nach Angriffen auf Chemiewerke",
                "ausführlich: warum die Angst vor der schmutzigen Bombe in jedem Konflikt wiederkehrt und Fachleute das tatsächliche Risiko gering halten",
                "Lehren aus {w_year}: die medizinische Versorgung von Nervenkampfstoff-Opfern und die nötigen Antidot-Vorräte der Krankenhäuser",
                "der Bericht bewertet auf Basis offener Quellen die ABC-Abwehrtruppe der Gegenseite, ihre Ausbildung und Ausrüstung",
                "Erklärstück: wie die Strahlenmessnetze {w_in_region} ihre Daten veröffentlichen und welche Hintergrundwerte üblich sind",
            ),
        },
    ),
    Situation(
        "os_field_cbrn_suspected",
        "cbrn",
        "IMMEDIATE",
        ("cbrn_suspected", "own_forces"),
        {
            "en": (
                "after the impacts {w_near_city}, {n} soldiers report burning eyes and coughing, cause unknown, masks on",
                "detector gave a short alarm at the OP {w_near_city}, no symptoms, CBRN recce requested",
                "unknown white cloud drifting towards the camp {w_at_base} after an explosion at the factory upwind",
                "patrol found leaking drums with a strong smell in a farm {w_near_city}; {n} pax with headaches, area cordoned",
                "shell landed with a dull pop and no blast {w_near_city}, oily liquid on the ground, possible agent",
                "dead birds and livestock around the well {w_near_city}, locals report vomiting, suspect contamination",
                "{w_a_drone} dropped a canister on our trench {w_near_city}; gas with pepper smell, {n} pers coughing",
                "radiation pager alarm on a vehicle returning from {w_city}, reading low but above background",
                "strange sweet smell at the checkpoint {w_near_city} after the rocket impacts, {n} soldiers dizzy",
                "orange smoke from a burning chemical plant {w_near_city} blowing towards our positions, masking as a precaution",
                "detection paper changed colour on the vehicle hull {w_near_city}; unconfirmed, awaiting CBRN team",
                "symptoms like pinpoint pupils reported in {n} pax after the shelling {w_near_city}; MEDEVAC and decon requested",
            ),
            "fr": (
                "après les impacts {w_near_city}, {n} soldats signalent des yeux qui brûlent et une toux, cause inconnue, masques en place",
                "alarme brève du détecteur au PO {w_near_city}, pas de symptômes, demande reco NRBC",
                "nuage blanc inconnu dérivant vers le camp {w_at_base} après une explosion à l'usine au vent",
                "la patrouille a trouvé des fûts qui fuient avec une forte odeur dans une ferme {w_near_city} ; {n} pax avec maux de tête, zone bouclée",
                "obus tombé avec un bruit sourd sans explosion {w_near_city}, liquide huileux au sol, agent possible",
                "oiseaux et bétail morts autour du puits {w_near_city}, les habitants vomissent, contamination suspectée",
                "{w_a_drone} a largué une cartouche sur notre tranchée {w_near_city} ; gaz à odeur poivrée, {n} pers toussent",
                "alarme du dosimètre sur un véhicule revenant {w_de_city}, valeur faible mais au-dessus du bruit de fond",
                "odeur sucrée étrange au checkpoint {w_near_city} après les impacts de roquettes, {n} soldats pris de vertiges",
                "fumée orange d'une usine chimique en feu {w_near_city} poussée vers nos positions, port du masque par précaution",
                "le papier détecteur a changé de couleur sur la caisse du véhicule {w_near_city} ; non confirmé, attente équipe NRBC",
                "pupilles rétrécies signalées chez {n} pax après le bombardement {w_near_city} ; demande EVASAN et décontamination",
            ),
            "de": (
                "nach den Einschlägen {w_near_city} melden {n} Soldaten brennende Augen und Husten, Ursache unbekannt, Masken auf",
                "kurzer Detektoralarm am Beobachtungsposten {w_near_city}, keine Symptome, ABC-Erkundung angefordert",
                "unbekannte weiße Wolke treibt nach einer Explosion im Werk in Windrichtung auf das Lager zu ({w_at_base})",
                "Patrouille fand undichte Fässer mit starkem Geruch auf einem Hof {w_near_city}; {n} Mann mit Kopfschmerzen, Bereich abgesperrt",
                "Granate {w_near_city} mit dumpfem Knall ohne Detonation eingeschlagen, öliger Film am Boden, möglicher Kampfstoff",
                "tote Vögel und Nutztiere um den Brunnen {w_near_city}, Anwohner erbrechen, Verdacht auf Kontamination",
                "{w_a_drone} warf einen Behälter über unserem Graben {w_near_city} ab; Gas mit Pfeffergeruch, {n} Soldaten husten",
                "Dosiswarner schlägt an einem Fahrzeug an, das aus {w_city} zurückkehrt; Wert gering, aber über Hintergrund",
                "seltsamer süßlicher Geruch am Checkpoint {w_near_city} nach den Raketeneinschlägen, {n} Soldaten schwindelig",
                "orangefarbener Rauch aus einem brennenden Chemiewerk {w_near_city} zieht auf unsere Stellungen, Masken vorsorglich auf",
                "Nachweispapier am Fahrzeug {w_near_city} hat sich verfärbt; unbestätigt, warten auf ABC-Trupp",
                "stecknadelkopfgroße Pupillen bei {n} Soldaten nach dem Beschuss {w_near_city}; MedEvac und Dekontamination angefordert",
            ),
        },
        ("casualties_maybe",),
    ),
    Situation(
        "os_field_gas",
        "cbrn",
        "FLASH",
        ("cbrn_confirmed", "own_forces"),
        {
            "en": (
                "GAS GAS GAS at the camp {w_near_city}, detectors positive, all pers MOPP 4",
                "chemical attack on our position {w_near_city} NOW, {n} soldiers down with convulsions",
                "nerve agent confirmed by two detectors at the FOB {w_at_base}, casualties, decon under way",
                "chlorine cloud over our trenches {w_near_city}, men choking, pulling back upwind",
                "CBRN release at the checkpoint {w_near_city}: shells burst with liquid spray, {n} pax with symptoms",
                "radiological alarm across the camp {w_at_base}, dose rate rising fast, sheltering in place",
                "gas shells landing on the patrol base {w_near_city} right now, masks on, {cas}",
                "blister agent on vehicles and kit after the attack {w_near_city}, soldiers with skin burns",
                "{w_drones} dropping gas canisters on our OP {w_near_city} at this moment, {n} casualties",
                "toxic release after a strike on the chemical store next to our camp {w_near_city}, cloud over the lines, full protection",
                "detectors positive for G-agent at the gate {w_at_base}, {cas}, CBRN team in MOPP 4",
                "mass casualty chemical event at the FOB {w_near_city}, request immediate decon and MEDEVAC",
            ),
            "fr": (
                "ALERTE GAZ au camp {w_near_city}, détecteurs positifs, tout le personnel en tenue NRBC",
                "attaque chimique sur notre position {w_near_city} EN CE MOMENT, {n} soldats à terre avec convulsions",
                "neurotoxique confirmé par deux détecteurs à la base avancée {w_at_base}, victimes, décontamination en cours",
                "nuage de chlore sur nos tranchées {w_near_city}, les hommes suffoquent, repli au vent",
                "rejet NRBC au checkpoint {w_near_city} : obus éclatant en projetant un liquide, {n} pax avec symptômes",
                "alarme radiologique sur tout le camp {w_at_base}, débit de dose en forte hausse, confinement",
                "obus à gaz tombant en ce moment sur la base de patrouille {w_near_city}, masques en place, {cas}",
                "vésicant sur les véhicules et les équipements après l'attaque {w_near_city}, soldats brûlés à la peau",
                "des {w_drones} larguent en ce moment des cartouches de gaz sur notre PO {w_near_city}, {n} victimes",
                "rejet toxique après une frappe sur le stock chimique voisin du camp {w_near_city}, nuage sur nos lignes, protection maximale",
                "détecteurs positifs à l'agent G à l'entrée {w_at_base}, {cas}, équipe NRBC en tenue complète",
                "afflux massif de victimes chimiques à la base avancée {w_near_city}, demande décontamination et EVASAN immédiates",
            ),
            "de": (
                "GAS GAS GAS im Lager {w_near_city}, Detektoren positiv, alle ABC-Schutzstufe 4",
                "Chemieangriff auf unsere Stellung {w_near_city} JETZT, {n} Soldaten mit Krämpfen am Boden",
                "Nervenkampfstoff von zwei Detektoren bestätigt im Feldlager ({w_at_base}), Verletzte, Dekontamination läuft",
                "Chlorwolke über unseren Gräben {w_near_city}, Soldaten ersticken fast, Ausweichen gegen den Wind",
                "ABC-Freisetzung am Checkpoint {w_near_city}: Granaten zerplatzen mit Flüssigkeitsnebel, {n} Mann mit Symptomen",
                "Strahlenalarm im ganzen Lager ({w_at_base}), Dosisleistung steigt schnell, Schutz in Gebäuden",
                "Gasgranaten schlagen gerade in der Patrouillenbasis {w_near_city} ein, Masken auf, {cas}",
                "Hautkampfstoff an Fahrzeugen und Ausrüstung nach dem Angriff {w_near_city}, Soldaten mit Hautverätzungen",
                "{w_drones} werfen gerade Gasbehälter über unserem Posten {w_near_city} ab, {n} Verletzte",
                "Giftstofffreisetzung nach Treffer im Chemielager neben unserem Lager {w_near_city}, Wolke über den Linien, volle Schutzausstattung",
                "Detektoren positiv auf G-Kampfstoff am Tor ({w_at_base}), {cas}, ABC-Trupp in Schutzstufe 4",
                "Massenanfall chemisch Verletzter im Feldlager {w_near_city}, erbitte sofort Dekontamination und MedEvac",
            ),
        },
        (),
    ),
)

_LOG: tuple[Situation, ...] = (
    Situation(
        "os_statement_power",
        "logistics_infrastructure",
        "PRIORITY",
        ("account", "consequence"),
        {
            "en": (
                "after last night's strikes, {w_big} households {w_in_region} are without electricity; repair crews are working on two damaged substations",
                "the grid operator has introduced rolling blackouts of four hours in {w_city} and {w_city2} because of damage to generating capacity",
                "water supply in {w_city} has been cut after the pumping station lost power; tankers are delivering drinking water to the districts",
                "the thermal power plant {w_near_city} has stopped working after being hit {w_date}; restoring it will take months",
                "the energy ministry says {w_pct} of the region's generating capacity is out of service following the attacks {w_date}",
                "rail traffic on the line through {w_city} is suspended because the traction substation was destroyed; passengers are taken on by bus",
                "the gas distribution network {w_in_region} was damaged in {w_num} places; supply to industry has been restricted",
                "heating has been restored to {w_pct} of buildings in {w_city} after the boiler house damaged {w_date} was repaired",
                "the port of {w_city} is working at reduced capacity: two berths and a grain terminal were damaged in the strikes",
                "mobile networks are unstable {w_in_region} because of power cuts; operators have switched base stations to batteries",
                "a fire at the fuel depot {w_near_city}, hit {w_date}, is still burning; supply of diesel to filling stations in the region is limited",
                "hospitals in {w_city} are running on generators; the operator expects grid power to return within 48 hours",
            ),
            "fr": (
                "après les frappes de la nuit, {w_big} foyers sont privés d'électricité {w_in_region} ; les équipes réparent deux postes endommagés",
                "le gestionnaire du réseau impose des coupures tournantes de quatre heures à {w_city} et {w_city2} en raison des dégâts sur la production",
                "l'eau est coupée à {w_city} depuis que la station de pompage n'est plus alimentée ; des citernes distribuent de l'eau potable dans les quartiers",
                "la centrale thermique {w_near_city} est à l'arrêt après avoir été touchée {w_date} ; sa remise en service prendra des mois",
                "le ministère de l'Énergie estime que {w_pct} des capacités de production de la région sont hors service après les attaques {w_date}",
                "le trafic ferroviaire est interrompu sur la ligne traversant {w_city}, la sous-station de traction ayant été détruite ; des bus prennent le relais",
                "le réseau de distribution de gaz {w_in_region} a été endommagé en {w_num} endroits ; l'approvisionnement de l'industrie est restreint",
                "le chauffage est rétabli dans {w_pct} des immeubles {w_de_city} après la réparation de la chaufferie touchée {w_date}",
                "le port {w_de_city} fonctionne au ralenti : deux quais et un terminal céréalier ont été endommagés par les frappes",
                "les réseaux mobiles sont instables {w_in_region} à cause des coupures ; les opérateurs ont basculé les antennes sur batteries",
                "l'incendie du dépôt de carburant {w_near_city}, touché {w_date}, n'est pas éteint ; la livraison de gazole aux stations de la région est limitée",
                "les hôpitaux {w_de_city} fonctionnent sur groupes électrogènes ; l'opérateur prévoit un retour du réseau sous 48 heures",
            ),
            "de": (
                "nach den Angriffen der vergangenen Nacht sind {w_in_region} {w_big} Haushalte ohne Strom; Reparaturtrupps arbeiten an zwei beschädigten Umspannwerken",
                "der Netzbetreiber hat in {w_city} und {w_city2} vierstündige Abschaltungen im Wechsel eingeführt, weil Erzeugungskapazität beschädigt ist",
                "in {w_city} ist die Wasserversorgung ausgefallen, nachdem das Pumpwerk keinen Strom mehr hatte; Tankwagen liefern Trinkwasser in die Stadtteile",
                "das Wärmekraftwerk {w_near_city} steht still, seit es {w_date} getroffen wurde; die Instandsetzung wird Monate dauern",
                "nach Angaben des Energieministeriums sind nach den Angriffen {w_date} {w_pct} der Erzeugungskapazität der Region außer Betrieb",
                "der Zugverkehr auf der Strecke durch {w_city} ist eingestellt, weil das Bahnstromunterwerk zerstört wurde; Fahrgäste fahren mit Bussen weiter",
                "das Gasverteilnetz {w_in_region} wurde an {w_num} Stellen beschädigt; die Versorgung der Industrie ist eingeschränkt",
                "in {w_pct} der Gebäude von {w_city} gibt es wieder Heizung, nachdem das {w_date} getroffene Heizwerk repariert wurde",
                "der Hafen von {w_city} arbeitet mit verminderter Kapazität: zwei Liegeplätze und ein Getreideterminal wurden beschädigt",
                "die Mobilfunknetze {w_in_region} sind wegen der Stromausfälle instabil; die Betreiber haben die Sendemasten auf Batterie umgestellt",
                "der Brand im {w_date} getroffenen Treibstofflager {w_near_city} ist noch nicht gelöscht; die Dieselversorgung der Tankstellen ist begrenzt",
                "die Krankenhäuser in {w_city} laufen mit Notstrom; der Betreiber rechnet binnen 48 Stunden mit der Rückkehr des Netzstroms",
            ),
        },
    ),
    Situation(
        "os_weather_damage",
        "logistics_infrastructure",
        "PRIORITY",
        ("weather", "damage"),
        {
            "en": (
                "storm damage {w_in_region}: the bridge {w_near_city} is closed after the river undermined a pier, and power lines are down on the main road",
                "heavy rain of up to {w_rain} has flooded the railway line south of {w_city}; services are suspended until the embankment is checked",
                "gusts of {w_wind} overnight brought down trees on {w_num} roads {w_in_region} and left {w_big} homes without power",
                "the ice storm snapped pylons on the high-voltage line feeding {w_city}; the operator expects repairs to take several days",
                "snowdrifts of {w_snow} have closed the pass road {w_near_city}; supply convoys are being rerouted",
                "a landslide after days of rain has cut the only road to {w_city}; engineers are clearing it",
                "flood water has reached the fuel depot {w_near_city}; stocks have been moved to higher ground",
                "the port of {w_city} is closed after the storm damaged cranes and a breakwater; ships are waiting offshore",
                "heat of {w_heat} caused rails to buckle {w_near_city} and a power transformer to fail, {w_met_body} and the rail operator said",
                "the storm {w_date} buried sections of the supply route {w_near_city} under mud and debris; it will reopen once graders have cleared it",
                "rising water on the river {w_near_city} forced the closure of the temporary crossing; the alternative route adds four hours",
                "black ice and freezing rain caused the collapse of a roof at the logistics hub {w_near_city}; no one was hurt",
            ),
            "fr": (
                "dégâts dus à la tempête {w_in_region} : le pont {w_near_city} est fermé après l'affouillement d'une pile, et des lignes électriques sont tombées sur la route principale",
                "des pluies atteignant {w_rain} ont inondé la voie ferrée au sud {w_de_city} ; la circulation est suspendue jusqu'à l'inspection du remblai",
                "des rafales de {w_wind} ont abattu des arbres sur {w_num} routes {w_in_region} cette nuit et privé {w_big} foyers d'électricité",
                "la tempête de verglas a brisé des pylônes de la ligne à haute tension qui alimente {w_city} ; l'opérateur prévoit plusieurs jours de travaux",
                "des congères de {w_snow} ont fermé la route du col {w_near_city} ; les convois de ravitaillement sont déviés",
                "un glissement de terrain consécutif à plusieurs jours de pluie a coupé l'unique route menant à {w_city} ; le génie la dégage",
                "l'eau de crue a atteint le dépôt de carburant {w_near_city} ; les stocks ont été déplacés en hauteur",
                "le port {w_de_city} est fermé après que la tempête a endommagé des grues et une digue ; des navires attendent au large",
                "une chaleur de {w_heat} a déformé des rails {w_near_city} et provoqué la panne d'un transformateur, selon {w_met_body} et l'exploitant ferroviaire",
                "l'orage {w_date} a recouvert de boue des tronçons de l'itinéraire logistique {w_near_city} ; il rouvrira après le passage des niveleuses",
                "la montée des eaux du fleuve {w_near_city} a entraîné la fermeture du franchissement provisoire ; l'itinéraire de substitution rallonge le trajet de quatre heures",
                "verglas et pluie verglaçante ont fait s'effondrer un toit de la plateforme logistique {w_near_city} ; pas de blessés",
            ),
            "de": (
                "Sturmschäden {w_in_region}: die Brücke {w_near_city} ist gesperrt, weil der Fluss einen Pfeiler unterspült hat, und an der Hauptstraße liegen Stromleitungen am Boden",
                "Starkregen mit bis zu {w_rain} hat die Bahnstrecke südlich von {w_city} überflutet; der Verkehr ruht, bis der Damm geprüft ist",
                "Böen von {w_wind} haben in der Nacht auf {w_num} Straßen {w_in_region} Bäume umgerissen; {w_big} Haushalte sind ohne Strom",
                "der Eisregen hat Masten der Hochspannungsleitung nach {w_city} geknickt; der Betreiber rechnet mit mehreren Tagen Reparatur",
                "Schneeverwehungen von {w_snow} haben die Passstraße {w_near_city} geschlossen; Versorgungskonvois werden umgeleitet",
                "ein Erdrutsch nach tagelangem Regen hat die einzige Straße nach {w_city} verschüttet; Pioniere räumen sie",
                "das Hochwasser hat das Treibstofflager {w_near_city} erreicht; die Bestände wurden auf höher gelegene Flächen gebracht",
                "der Hafen von {w_city} ist geschlossen, nachdem der Sturm Kräne und eine Mole beschädigt hat; Schiffe warten auf Reede",
                "Hitze von {w_heat} hat {w_near_city} Gleise verformt und einen Transformator ausfallen lassen, teilten {w_met_body} und der Bahnbetreiber mit",
                "das Unwetter {w_date} hat Abschnitte der Versorgungsroute {w_near_city} mit Schlamm bedeckt; sie wird nach dem Räumen wieder freigegeben",
                "das steigende Wasser am Fluss {w_near_city} erzwang die Sperrung der Behelfsbrücke; die Ausweichstrecke kostet vier Stunden",
                "Glatteis und gefrierender Regen ließen ein Dach im Logistikzentrum {w_near_city} einstürzen; verletzt wurde niemand",
            ),
        },
    ),
    Situation(
        "os_wire_infra",
        "logistics_infrastructure",
        "PRIORITY",
        ("account", "consequence"),
        {
            "en": (
                "the road bridge {w_near_city}, damaged in a strike {w_date}, has been closed to heavy traffic, cutting the main supply route to the south",
                "an undersea power cable {w_in_sea} stopped working {w_date}; the operator suspects it was damaged by a ship's anchor",
                "grain exports from {w_city} have slowed sharply after port cranes were damaged; only two ships loaded this week",
                "the rail link between {w_city} and {w_city2} reopened {w_date} after engineers replaced a section destroyed by sabotage",
                "a gas pipeline {w_in_sea} was found leaking {w_date}; the operator reduced pressure and sent a survey vessel",
                "fuel prices rose {w_in_country} after the refinery {w_near_city} halted production following the attack",
                "shipping companies have rerouted their vessels on the long route around the continent, adding two weeks to voyages, after the attacks {w_in_sea}",
                "damage to the dam {w_near_city} has lowered the reservoir, threatening water supply and irrigation downstream",
                "the border crossing {w_near_city} was closed to heavy goods traffic for the third day; more than {w_big} {w_trucks} are waiting",
                "the operator said the fibre-optic cable linking the islands was cut {w_date}; traffic was moved to a backup satellite link",
                "a freight train derailed {w_near_city} {w_date} after a rail was removed; police are treating it as sabotage",
                "repairs to the locks on the canal {w_near_city} will take until spring, the waterways authority said",
            ),
            "fr": (
                "le pont routier {w_near_city}, endommagé par une frappe {w_date}, est fermé à la circulation lourde, coupant le principal axe de ravitaillement vers le sud",
                "un câble électrique immergé {w_in_sea} ne fonctionne plus {w_since} ; l'exploitant soupçonne l'ancre d'un navire",
                "les exportations de céréales depuis {w_city} ont fortement ralenti après les dégâts subis par les grues du port ; seuls deux navires ont chargé cette semaine",
                "la liaison ferroviaire entre {w_city} et {w_city2} a rouvert {w_date} après le remplacement d'un tronçon détruit par un sabotage",
                "une fuite a été détectée {w_date} sur un gazoduc {w_in_sea} ; l'exploitant a réduit la pression et envoyé un navire d'inspection",
                "les prix des carburants ont grimpé {w_in_country} après l'arrêt de la raffinerie {w_near_city} à la suite de l'attaque",
                "les armateurs empruntent désormais la longue route contournant le continent, soit deux semaines de trajet supplémentaires, après les attaques {w_in_sea}",
                "les dégâts au barrage {w_near_city} ont fait baisser le réservoir, menaçant l'eau potable et l'irrigation en aval",
                "le poste-frontière {w_near_city} est fermé au trafic de marchandises pour le troisième jour ; plus de {w_big} {w_trucks} attendent",
                "l'opérateur indique que le câble en fibre optique reliant les îles a été sectionné {w_date} ; le trafic passe par une liaison satellite de secours",
                "un train de marchandises a déraillé {w_near_city} {w_date} après le retrait d'un rail ; la police privilégie la piste du sabotage",
                "la réparation des écluses du canal {w_near_city} durera jusqu'au printemps, selon l'autorité des voies navigables",
            ),
            "de": (
                "die {w_date} bei einem Angriff beschädigte Straßenbrücke {w_near_city} ist für Schwerverkehr gesperrt; damit ist die wichtigste Versorgungsroute nach Süden unterbrochen",
                "ein Unterseestromkabel {w_in_sea} ist {w_since} ausgefallen; der Betreiber vermutet Schäden durch einen Schiffsanker",
                "die Getreideausfuhr aus {w_city} ist nach Schäden an den Hafenkränen stark eingebrochen; diese Woche wurden nur zwei Schiffe beladen",
                "die Bahnverbindung zwischen {w_city} und {w_city2} ist {w_since} wieder offen, nachdem ein durch Sabotage zerstörter Abschnitt ersetzt wurde",
                "an einer Gasleitung {w_in_sea} wurde {w_date} ein Leck entdeckt; der Betreiber senkte den Druck und schickte ein Vermessungsschiff",
                "die Kraftstoffpreise {w_in_country} sind gestiegen, nachdem die Raffinerie {w_near_city} nach dem Angriff die Produktion eingestellt hat",
                "nach den Angriffen {w_in_sea} schicken Reedereien ihre Schiffe auf den langen Umweg um den Kontinent, die Fahrt dauert zwei Wochen länger",
                "die Schäden am Staudamm {w_near_city} haben den Stausee sinken lassen; Trinkwasser und Bewässerung flussabwärts sind gefährdet",
                "der Grenzübergang {w_near_city} ist den dritten Tag für den Güterverkehr gesperrt; mehr als {w_big} Fahrzeuge warten",
                "das Glasfaserkabel zu den Inseln wurde {w_date} durchtrennt, teilte der Betreiber mit; der Verkehr läuft über eine Satellitenreserve",
                "ein Güterzug entgleiste {w_date} {w_near_city}, nachdem eine Schiene entfernt worden war; die Polizei geht von Sabotage aus",
                "die Reparatur der Schleusen am Kanal {w_near_city} wird bis zum Frühjahr dauern, teilte die Wasserstraßenverwaltung mit",
            ),
        },
    ),
    Situation(
        "os_field_route",
        "logistics_infrastructure",
        "PRIORITY",
        ("route_problem",),
        {
            "en": (
                "MSR between {w_city} and {w_city2} impassable after flash floods, convoy held at the last checkpoint",
                "bridge {w_near_city} assessed unsafe for vehicles over 20 t, recommend alternative route via {w_city2}",
                "fuel resupply for the FOB {w_near_city} delayed 48 hrs, stocks at 2 days of supply",
                "road {w_near_city} blocked by burnt-out {w_trucks} from last week's ambush, engineers requested",
                "rail ramp at {w_city} damaged, unloading of our vehicles moved to {w_city2}, 6 hrs delay",
                "water purification unit at the camp {w_near_city} u/s, bottled water for 3 days remaining",
                "ferry over the river ({w_river}) not running because of low water, convoy waiting on the near bank",
                "culvert on the supply route {w_near_city} washed away, route closed to wheeled vehicles",
                "generator failure at the OP {w_near_city}, running on batteries, request replacement on next convoy",
                "airstrip {w_near_city} closed after rains softened the runway, resupply flight cancelled",
                "spare parts for our {eq_friendly} stuck in customs at {w_city} for a week, availability dropping",
                "power cut in {w_city} affecting our liaison office, running on generator, fuel for 24 hrs",
            ),
            "fr": (
                "itinéraire principal entre {w_city} et {w_city2} impraticable après des crues subites, convoi retenu au dernier checkpoint",
                "pont {w_near_city} jugé dangereux au-delà de 20 t, itinéraire de substitution proposé par {w_city2}",
                "ravitaillement en carburant de la base avancée {w_near_city} retardé de 48 h, stocks à 2 jours",
                "route {w_near_city} bloquée par des {w_trucks} incendiés lors de l'embuscade de la semaine dernière, demande génie",
                "quai ferroviaire {w_de_city} endommagé, débarquement de nos véhicules reporté à {w_city2}, 6 h de retard",
                "unité de traitement d'eau du camp {w_near_city} HS, reste 3 jours d'eau en bouteille",
                "bac sur le fleuve ({w_river}) arrêté à cause des basses eaux, convoi en attente sur la rive",
                "buse de l'itinéraire logistique {w_near_city} emportée, itinéraire fermé aux véhicules à roues",
                "panne du groupe électrogène au PO {w_near_city}, fonctionnement sur batteries, demande remplacement au prochain convoi",
                "piste d'aviation {w_near_city} fermée après que la pluie a détrempé la bande, vol de ravitaillement annulé",
                "pièces détachées pour nos {eq_friendly} bloquées en douane à {w_city} depuis une semaine, disponibilité en baisse",
                "coupure de courant à {w_city} touchant notre bureau de liaison, fonctionnement sur groupe, carburant pour 24 h",
            ),
            "de": (
                "Hauptversorgungsstraße zwischen {w_city} und {w_city2} nach Sturzfluten unpassierbar, Konvoi am letzten Checkpoint angehalten",
                "Brücke {w_near_city} für Fahrzeuge über 20 t als unsicher bewertet, Ausweichroute über {w_city2} empfohlen",
                "Kraftstoffversorgung des Feldlagers {w_near_city} verzögert sich um 48 Std, Bestand für 2 Tage",
                "Straße {w_near_city} durch ausgebrannte {w_trucks} vom Hinterhalt letzte Woche blockiert, Pioniere angefordert",
                "Verladerampe in {w_city} beschädigt, Entladung unserer Fahrzeuge nach {w_city2} verlegt, 6 Std Verzug",
                "Wasseraufbereitung im Lager {w_near_city} ausgefallen, Flaschenwasser für 3 Tage vorhanden",
                "Fähre über den Fluss ({w_river}) wegen Niedrigwasser außer Betrieb, Konvoi wartet am diesseitigen Ufer",
                "Durchlass an der Versorgungsroute {w_near_city} weggespült, Strecke für Radfahrzeuge gesperrt",
                "Aggregat am Beobachtungsposten {w_near_city} ausgefallen, Betrieb auf Batterie, erbitte Ersatz mit nächstem Konvoi",
                "Behelfsflugplatz {w_near_city} nach Regen aufgeweicht und gesperrt, Versorgungsflug gestrichen",
                "Ersatzteile für unsere {eq_friendly} hängen seit einer Woche im Zoll in {w_city} fest, Einsatzbereitschaft sinkt",
                "Stromausfall in {w_city} betrifft unser Verbindungsbüro, Betrieb mit Aggregat, Kraftstoff für 24 Std",
            ),
        },
        (),
    ),
)

_CYBER: tuple[Situation, ...] = (
    Situation(
        "os_advisory_vuln",
        "cyber_ew",
        "PRIORITY",
        ("advisory",),
        {
            "en": (
                "a critical vulnerability ({w_cve}) in {w_product} is being actively exploited; attackers can run code without logging in",
                "{w_cert_body} warns that {w_cve} affects {w_product} and that exploit code has been published",
                "vendor patches for {w_cve} are available; unpatched systems exposed to the internet should be considered compromised",
                "we have observed mass scanning for {w_cve} {w_since}; several {w_sector} reported intrusion attempts",
                "a flaw in {w_product} ({w_cve}, CVSS 9.8) allows attackers to bypass authentication; a workaround is described below",
                "{w_cert_body} has added {w_cve} to its list of vulnerabilities known to be exploited and asks operators to patch within 72 hours",
                "the vulnerability in {w_product} was used {w_date} to plant web shells on servers of {w_sector}",
                "update: the earlier fix for {w_cve} was incomplete; a second patch has been released and must also be applied",
                "several {w_sector} found backdoors on devices running {w_product} even after patching; a full rebuild is recommended",
                "{w_cve} lets a remote user read arbitrary files; proof-of-concept code has appeared on public forums",
                "the advisory covers three related flaws in {w_product}; the most severe, {w_cve}, is rated critical",
                "exploitation of {w_cve} by the group tracked as {w_actor} has been confirmed; indicators are listed in the annex",
            ),
            "fr": (
                "une vulnérabilité critique ({w_cve}) affectant {w_product} est activement exploitée ; elle permet d'exécuter du code sans authentification",
                "{w_cert_body} alerte sur la vulnérabilité {w_cve} touchant {w_product}, pour laquelle un code d'exploitation a été publié",
                "les correctifs de l'éditeur pour {w_cve} sont disponibles ; tout système exposé sur Internet et non corrigé doit être considéré comme compromis",
                "des balayages massifs visant {w_cve} sont observés {w_since} ; plusieurs acteurs parmi {w_sector} signalent des tentatives d'intrusion",
                "une faille dans {w_product} ({w_cve}, CVSS 9,8) permet de contourner l'authentification ; un contournement est décrit ci-dessous",
                "{w_cert_body} a ajouté {w_cve} à sa liste des vulnérabilités exploitées et demande une correction sous 72 heures",
                "la vulnérabilité {w_de_product} a servi {w_date} à déposer des webshells sur des serveurs ; cibles : {w_sector}",
                "mise à jour : le premier correctif de {w_cve} était incomplet ; un second correctif a été publié et doit aussi être appliqué",
                "plusieurs organismes parmi {w_sector} ont trouvé des portes dérobées sur des équipements utilisant {w_product} malgré la correction ; une réinstallation complète est recommandée",
                "{w_cve} permet à un utilisateur distant de lire des fichiers arbitraires ; une preuve de concept circule sur des forums publics",
                "l'avis porte sur trois failles liées dans {w_product} ; la plus grave, {w_cve}, est jugée critique",
                "l'exploitation de {w_cve} par le groupe suivi sous le nom {w_actor} est confirmée ; les indicateurs figurent en annexe",
            ),
            "de": (
                "eine kritische Schwachstelle ({w_cve}) in {w_product} wird aktiv ausgenutzt; Angreifer können ohne Anmeldung Code ausführen",
                "{w_cert_body} warnt, dass {w_cve} {w_product} betrifft und bereits Exploit-Code veröffentlicht wurde",
                "Herstellerpatches für {w_cve} sind verfügbar; ungepatchte, aus dem Internet erreichbare Systeme sind als kompromittiert zu betrachten",
                "{w_since} beobachten wir massenhafte Scans nach {w_cve}; mehrere Betroffene, darunter {w_sector}, meldeten Einbruchsversuche",
                "eine Lücke in {w_product} ({w_cve}, CVSS 9,8) erlaubt das Umgehen der Authentisierung; eine Übergangslösung ist unten beschrieben",
                "{w_cert_body} hat {w_cve} in die Liste ausgenutzter Schwachstellen aufgenommen und fordert die Betreiber auf, binnen 72 Stunden zu patchen",
                "die Schwachstelle in {w_product} wurde {w_date} genutzt, um Webshells auf Servern abzulegen; betroffen sind {w_sector}",
                "Aktualisierung: der erste Patch für {w_cve} war unvollständig; ein zweiter Patch ist erschienen und muss ebenfalls eingespielt werden",
                "mehrere Einrichtungen fanden trotz Patch Hintertüren auf Geräten mit {w_product}; eine vollständige Neuinstallation wird empfohlen",
                "{w_cve} erlaubt entfernten Nutzern das Auslesen beliebiger Dateien; ein Proof of Concept kursiert in öffentlichen Foren",
                "die Warnung betrifft drei zusammenhängende Lücken in {w_product}; die schwerste, {w_cve}, gilt als kritisch",
                "die Ausnutzung von {w_cve} durch die als {w_actor} geführte Gruppe ist bestätigt; Indikatoren stehen im Anhang",
            ),
        },
    ),
    Situation(
        "os_advisory_campaign",
        "cyber_ew",
        "PRIORITY",
        ("advisory", "campaign"),
        {
            "en": (
                "a phishing campaign impersonating the defence ministry's HR office is targeting {w_sector}; the emails carry a malicious document",
                "{w_since}, a wave of DDoS attacks has hit websites of {w_sector} {w_in_country}; most sites were back within hours",
                "{w_cert_body} reports a campaign by {w_actor} using fake job offers to install remote-access malware on employees' laptops",
                "hacktivists have announced further DDoS attacks on transport and banking sites this week; their earlier wave caused short outages",
                "text messages pretending to come from a parcel service are spreading spyware among soldiers' families, the advisory warns",
                "the campaign abuses compromised email accounts of municipalities to send invoices with links to a credential-harvesting page",
                "data stolen from a logistics contractor, including names of drivers and delivery schedules, was published on a leak site {w_date}",
                "{w_actor} has been observed wiping servers at {w_sector} after first gaining access through stolen VPN credentials",
                "a fake app imitating an air-raid alert service steals contacts and location data; it has been downloaded {w_big} times",
                "the advisory describes password-spraying against cloud mail accounts of {w_sector}, peaking at night",
                "ransomware has encrypted systems at {w_num} hospitals {w_in_region}; patient care continues on paper",
                "{w_cert_body} warns of QR codes on posters near barracks that lead to a cloned login page",
            ),
            "fr": (
                "une campagne d'hameçonnage usurpant le service RH du ministère de la Défense vise {w_sector} ; les courriels contiennent un document piégé",
                "{w_since}, une vague d'attaques DDoS frappe des sites web {w_in_country}, visant {w_sector} ; la plupart ont été rétablis en quelques heures",
                "{w_cert_body} signale une campagne {w_de_actor} utilisant de fausses offres d'emploi pour installer un logiciel d'accès à distance sur les ordinateurs des salariés",
                "des hacktivistes annoncent de nouvelles attaques DDoS contre des sites de transport et de banque cette semaine ; la vague précédente avait causé de brèves coupures",
                "des SMS se faisant passer pour un service de livraison répandent un logiciel espion parmi les familles de militaires, avertit l'avis",
                "la campagne détourne des comptes de messagerie compromis de communes pour envoyer des factures renvoyant vers une page de vol d'identifiants",
                "des données volées chez un sous-traitant logistique, dont les noms des chauffeurs et les plannings de livraison, ont été publiées sur un site de fuite {w_date}",
                "{w_actor} a été observé en train d'effacer des serveurs chez {w_sector} après s'être introduit grâce à des identifiants VPN volés",
                "une fausse application imitant un service d'alerte aérienne vole contacts et données de localisation ; elle a été téléchargée {w_big} fois",
                "l'avis décrit des attaques par pulvérisation de mots de passe contre des messageries en ligne, visant {w_sector}, surtout la nuit",
                "un rançongiciel a chiffré les systèmes de {w_num} hôpitaux {w_in_region} ; les soins se poursuivent sur papier",
                "{w_cert_body} met en garde contre des QR codes affichés près des casernes qui mènent à une page de connexion clonée",
            ),
            "de": (
                "eine Phishing-Kampagne, die sich als Personalabteilung des Verteidigungsministeriums ausgibt, richtet sich gegen {w_sector}; die Mails enthalten ein präpariertes Dokument",
                "{w_since} trifft eine DDoS-Welle die Webseiten von Betroffenen {w_in_country}, darunter {w_sector}; die meisten Seiten waren binnen Stunden wieder erreichbar",
                "{w_cert_body} meldet eine Kampagne von {w_actor}, die mit gefälschten Stellenangeboten Fernzugriffs-Schadsoftware auf Mitarbeiterlaptops bringt",
                "Hacktivisten kündigen für diese Woche weitere DDoS-Angriffe auf Verkehrs- und Bankseiten an; ihre letzte Welle verursachte kurze Ausfälle",
                "SMS, die angeblich von einem Paketdienst stammen, verbreiten Spionagesoftware unter Angehörigen von Soldaten, warnt die Meldung",
                "die Kampagne missbraucht kompromittierte Postfächer von Kommunen, um Rechnungen mit Links auf eine Seite zum Abgreifen von Zugangsdaten zu versenden",
                "bei einem Logistikdienstleister gestohlene Daten, darunter Namen von Fahrern und Lieferpläne, wurden {w_date} auf einer Leak-Seite veröffentlicht",
                "{w_actor} hat nach einem Einstieg über gestohlene VPN-Zugangsdaten Server gelöscht; betroffen sind {w_sector}",
                "eine gefälschte App, die einen Luftalarmdienst nachahmt, stiehlt Kontakte und Standortdaten; sie wurde {w_big} Mal heruntergeladen",
                "die Warnung beschreibt Password-Spraying gegen Cloud-Postfächer, vor allem nachts; Ziel sind {w_sector}",
                "Ransomware hat die Systeme von {w_num} Krankenhäusern {w_in_region} verschlüsselt; die Versorgung läuft auf Papier weiter",
                "{w_cert_body} warnt vor QR-Codes auf Plakaten in der Nähe von Kasernen, die auf eine nachgebaute Anmeldeseite führen",
            ),
        },
    ),
    Situation(
        "os_advisory_own_network",
        "cyber_ew",
        "IMMEDIATE",
        ("live", "own_network"),
        {
            "en": (
                "ongoing intrusion on the ministry network: an attacker is moving laterally from a compromised mail server, isolate affected segments now",
                "ransomware is executing on file servers of the logistics command at this moment; disconnect shares and do not reboot",
                "our VPN concentrators are under a DDoS attack that started 20 minutes ago; remote access for deployed units is degraded",
                "active exfiltration detected from the personnel database towards an external host; the link has been blocked, analysis continues",
                "a wiper is spreading through the domain of the regional command; all admins must disable the listed accounts immediately",
                "{w_cert_body}: attack in progress against our email gateway, malicious messages are being delivered internally, do not open attachments",
                "unauthorised logins with a service account are being observed now on the barracks access-control system; account locked, sessions being killed",
                "defacement of the armed forces' public website is under way; the site is being taken offline",
                "the incident response team confirms an intruder with domain-admin rights on the training network at this hour",
                "alert for all units: fake instructions are being sent right now from a hijacked internal account in the name of the chief of staff",
                "credential-stuffing against the soldiers' self-service portal is ongoing, {w_big} attempts in the last hour; MFA enforced",
                "live incident: the command and control application at HQ is not responding after malicious activity on the database server",
            ),
            "fr": (
                "intrusion en cours sur le réseau du ministère : un attaquant progresse latéralement depuis un serveur de messagerie compromis, isolez immédiatement les segments touchés",
                "un rançongiciel s'exécute en ce moment sur les serveurs de fichiers du commandement logistique ; déconnectez les partages et ne redémarrez pas",
                "nos concentrateurs VPN subissent une attaque DDoS commencée il y a 20 minutes ; l'accès distant des unités déployées est dégradé",
                "exfiltration active détectée depuis la base de données du personnel vers un hôte externe ; le flux est bloqué, l'analyse se poursuit",
                "un effaceur se propage dans le domaine du commandement régional ; tous les administrateurs doivent désactiver sans délai les comptes listés",
                "{w_cert_body} : attaque en cours contre notre passerelle de messagerie, des messages malveillants sont distribués en interne, n'ouvrez pas les pièces jointes",
                "des connexions non autorisées avec un compte de service sont observées en ce moment sur le contrôle d'accès des casernes ; compte verrouillé, sessions coupées",
                "défiguration du site public des armées en cours ; le site est en train d'être mis hors ligne",
                "l'équipe de réponse à incident confirme la présence d'un intrus doté des droits d'administrateur de domaine sur le réseau d'instruction à cette heure",
                "alerte à toutes les unités : de fausses consignes sont envoyées en ce moment depuis un compte interne détourné au nom du chef d'état-major",
                "attaque par bourrage d'identifiants en cours contre le portail libre-service des militaires, {w_big} tentatives en une heure ; MFA imposée",
                "incident en cours : l'application de commandement du QG ne répond plus après une activité malveillante sur le serveur de base de données",
            ),
            "de": (
                "laufender Einbruch ins Ministeriumsnetz: ein Angreifer bewegt sich von einem kompromittierten Mailserver seitwärts, betroffene Segmente sofort isolieren",
                "auf den Dateiservern des Logistikkommandos läuft gerade Ransomware; Freigaben trennen und nicht neu starten",
                "unsere VPN-Konzentratoren stehen seit 20 Minuten unter DDoS-Angriff; der Fernzugriff der Einsatzkontingente ist eingeschränkt",
                "aktive Ausleitung von Daten aus der Personaldatenbank an einen externen Rechner erkannt; Verbindung gesperrt, Analyse läuft",
                "ein Wiper breitet sich in der Domäne des Regionalkommandos aus; alle Administratoren müssen die gelisteten Konten sofort deaktivieren",
                "{w_cert_body}: Angriff auf unser Mail-Gateway im Gange, schädliche Nachrichten werden intern zugestellt, keine Anhänge öffnen",
                "unberechtigte Anmeldungen mit einem Dienstkonto am Zutrittssystem der Kasernen werden gerade beobachtet; Konto gesperrt, Sitzungen werden beendet",
                "die öffentliche Webseite der Streitkräfte wird gerade verunstaltet; die Seite wird vom Netz genommen",
                "das Incident-Response-Team bestätigt zur Stunde einen Eindringling mit Domänen-Admin-Rechten im Ausbildungsnetz",
                "Warnung an alle Einheiten: über ein gekapertes internes Konto werden gerade falsche Weisungen im Namen des Stabschefs verschickt",
                "laufendes Credential Stuffing gegen das Selbstbedienungsportal der Soldaten, {w_big} Versuche in der letzten Stunde; MFA erzwungen",
                "laufender Vorfall: die Führungsanwendung im Hauptquartier reagiert nach schädlichen Aktivitäten auf dem Datenbankserver nicht mehr",
            ),
        },
        ("cyber_action",),
    ),
    Situation(
        "os_notam_gnss",
        "cyber_ew",
        "PRIORITY",
        ("notice", "gnss"),
        {
            "en": (
                "GNSS INTERFERENCE REPORTED IN {w_FIR}, {w_FIR2} AND {w_FIR3}. {w_ALT}. ACFT MAY EXPERIENCE LOSS OF GPS SIGNAL OR FALSE POSITION",
                "GPS JAMMING ACTIVE WITHIN {w_radius} OF {w_coord}. RNP APPROACHES AT {w_CITY} NOT AVAILABLE. EXPECT CONVENTIONAL PROCEDURES",
                "GNSS SIGNAL UNRELIABLE IN AREA BOUNDED BY {w_coord}, {w_coord2} AND {w_coord3} DUE TO INTERFERENCE, {w_alt}",
                "crews operating in {w_fir} and {w_fir2} continue to report GNSS outages and spoofed positions; operators should brief crews on reversion procedures",
                "POSSIBLE GNSS SPOOFING {w_IN_SEA}. SHIPS AND ACFT REPORT POSITIONS SHIFTED BY UP TO 30NM",
                "the aviation safety agency has extended its bulletin on GNSS interference around {w_sea} and in {w_fir} until the end of the season",
                "GNSS JAMMING TEST {w_utc}-{w_utc2} DAILY WITHIN {w_radius} OF {w_coord}. ALL ACFT ADVISED",
                "GNSS degradation is affecting ADS-B surveillance in {w_fir}; controllers may request radar vectors",
                "INTERFERENCE TO GNSS AND SATCOM FREQUENCIES REPORTED OVER {w_CITY} AND {w_CITY2}. USE OF ALTERNATIVE NAV MEANS RECOMMENDED",
                "{w_since}, more than {w_big} flights in {w_fir} have reported GPS anomalies; no safety occurrence has been recorded",
                "GNSS RAIM OUTAGES AND JAMMING EXPECTED IN {w_FIR} DURING MILITARY ACTIVITY, {w_ALT}",
                "notice to mariners and airmen: persistent jamming of satellite navigation {w_in_sea}; cross-check positions with other means",
            ),
            "fr": (
                "brouillage GNSS signalé dans la {w_fir}, la {w_fir2} et la {w_fir3}, {w_alt} ; les aéronefs peuvent perdre le signal GPS ou afficher une position erronée",
                "brouillage GPS actif dans un rayon de {w_radius} autour de {w_coord} ; approches RNP à {w_city} indisponibles, procédures conventionnelles",
                "signal GNSS peu fiable dans la zone délimitée par {w_coord}, {w_coord2} et {w_coord3} en raison d'interférences, {w_alt}",
                "les équipages opérant dans la {w_fir} et la {w_fir2} signalent toujours des pertes GNSS et des positions leurrées ; briefer les équipages sur les procédures de repli",
                "leurrage GNSS possible {w_in_sea} : navires et aéronefs signalent des positions décalées jusqu'à 30 NM",
                "l'agence de la sécurité aérienne prolonge jusqu'à la fin de la saison son bulletin sur les interférences GNSS dans la {w_fir}",
                "essai de brouillage GNSS tous les jours de {w_utc} à {w_utc2} dans un rayon de {w_radius} autour de {w_coord}, information de tous les aéronefs",
                "la dégradation GNSS affecte la surveillance ADS-B dans la {w_fir} ; les contrôleurs peuvent donner des guidages radar",
                "interférences sur les fréquences GNSS et satellitaires signalées au-dessus {w_de_city} et {w_city2} ; emploi de moyens de navigation alternatifs recommandé",
                "{w_since}, plus de {w_big} vols dans la {w_fir} ont signalé des anomalies GPS ; aucun événement de sécurité enregistré",
                "indisponibilités RAIM et brouillage GNSS attendus dans la {w_fir} pendant l'activité militaire, {w_alt}",
                "avis aux navigateurs et aux navigants : brouillage persistant de la navigation par satellite {w_in_sea} ; recouper les positions par d'autres moyens",
            ),
            "de": (
                "GNSS-Störungen gemeldet in der {w_fir}, der {w_fir2} und der {w_fir3}, {w_alt}; Luftfahrzeuge können das GPS-Signal verlieren oder falsche Positionen anzeigen",
                "GPS-Störsender aktiv im Umkreis von {w_radius} um {w_coord}; RNP-Anflüge in {w_city} nicht verfügbar, konventionelle Verfahren",
                "GNSS-Signal in dem durch {w_coord}, {w_coord2} und {w_coord3} begrenzten Gebiet wegen Störungen unzuverlässig, {w_alt}",
                "Besatzungen in der {w_fir} und der {w_fir2} melden weiterhin GNSS-Ausfälle und verfälschte Positionen; Rückfallverfahren sind zu briefen",
                "mögliches GNSS-Spoofing {w_in_sea}: Schiffe und Luftfahrzeuge melden Positionsversätze von bis zu 30 NM",
                "die Flugsicherheitsbehörde verlängert ihr Bulletin zu GNSS-Störungen in der {w_fir} bis zum Saisonende",
                "GNSS-Störtest täglich von {w_utc} bis {w_utc2} im Umkreis von {w_radius} um {w_coord}, alle Luftfahrzeuge informiert",
                "die GNSS-Beeinträchtigung stört die ADS-B-Überwachung in der {w_fir}; Lotsen können Radarführung anordnen",
                "Störungen auf GNSS- und Satellitenfrequenzen über {w_city} und {w_city2} gemeldet; alternative Navigationsmittel empfohlen",
                "{w_since} haben mehr als {w_big} Flüge in der {w_fir} GPS-Anomalien gemeldet; ein Sicherheitsereignis gab es nicht",
                "RAIM-Ausfälle und GNSS-Störungen während militärischer Aktivität in der {w_fir} erwartet, {w_alt}",
                "Hinweis für See- und Luftfahrt: anhaltende Störung der Satellitennavigation {w_in_sea}; Positionen mit anderen Mitteln abgleichen",
            ),
        },
    ),
    Situation(
        "os_wire_jamming",
        "cyber_ew",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "an airliner bound for {w_city} turned back {w_date} after its GPS signal was jammed for most of the flight, the airline said",
                "officials {w_in_country} blamed {w_ew} based {w_near_city} for months of satellite-navigation disruption {w_in_sea}",
                "fishing boats {w_in_sea} reported their plotters showing them on land {w_date}, a typical sign of spoofing, coast guards said",
                "the transport ministry counted {w_big} cases of GNSS interference affecting aircraft last month, a record",
                "the airport of {w_city} was closed for two hours {w_date} after interference knocked out the approach system, officials said",
                "a ministerial plane lost GPS while approaching {w_city} {w_date} and landed using ground-based aids",
                "the jamming has also hit farmers {w_in_region}, whose GPS-guided tractors stopped working, local media reported",
                "signals intelligence traced the spoofing {w_in_sea} to a transmitter near the port of {w_city}, {w_official} said",
                "mobile networks along the border {w_in_region} suffered outages {w_date} that the operator attributed to deliberate interference",
                "ships' AIS positions were shown circling over the airport of {w_city} {w_date}, a sign of coordinated spoofing",
                "the regulator said interference with satellite signals had become 'a daily reality' {w_in_sea} and urged crews to report every case",
                "a delivery service using unmanned aircraft {w_near_city} suspended operations {w_date} after repeated loss of navigation signal",
            ),
            "fr": (
                "un avion de ligne à destination {w_de_city} a fait demi-tour {w_date} après un brouillage de son GPS pendant la majeure partie du vol, selon la compagnie",
                "les autorités {w_de_country} mettent en cause des {w_ew} basés {w_near_city} dans des mois de perturbations de la navigation par satellite",
                "des bateaux de pêche {w_in_sea} ont vu leurs traceurs les placer à terre {w_date}, signe typique de leurrage, selon les garde-côtes",
                "le ministère des Transports a recensé {w_big} cas d'interférences GNSS touchant des avions le mois dernier, un record",
                "l'aéroport {w_de_city} a été fermé deux heures {w_date} après que des interférences ont neutralisé le système d'approche",
                "un avion ministériel a perdu son GPS en approche {w_de_city} {w_date} et s'est posé grâce aux aides au sol",
                "le brouillage touche aussi des agriculteurs {w_in_region}, dont les tracteurs guidés par GPS se sont arrêtés, rapportent les médias locaux",
                "le renseignement électromagnétique a localisé la source du leurrage {w_in_sea} près du port {w_de_city}, a déclaré {w_official}",
                "les réseaux mobiles le long de la frontière {w_in_region} ont connu des pannes {w_date}, attribuées par l'opérateur à un brouillage délibéré",
                "les positions AIS de navires sont apparues en cercle au-dessus de l'aéroport {w_de_city} {w_date}, signe d'un leurrage coordonné",
                "le régulateur estime que les interférences sur les signaux satellitaires sont devenues « quotidiennes » {w_in_sea} et demande aux équipages de tout signaler",
                "un service de livraison par aéronefs sans équipage {w_near_city} a suspendu ses vols {w_date} après des pertes répétées du signal de navigation",
            ),
            "de": (
                "ein Verkehrsflugzeug nach {w_city} kehrte {w_date} um, nachdem sein GPS-Signal fast den ganzen Flug über gestört war, teilte die Airline mit",
                "die Behörden {w_in_country} machen {w_near_city} stationierte {w_ew} für monatelange Störungen der Satellitennavigation verantwortlich",
                "Fischerboote {w_in_sea} sahen sich {w_date} auf ihren Kartenplottern an Land, ein typisches Zeichen für Spoofing, so die Küstenwache",
                "das Verkehrsministerium zählte im vergangenen Monat {w_big} Fälle von GNSS-Störungen bei Flugzeugen, ein Rekord",
                "der Flughafen {w_city} war {w_date} zwei Stunden geschlossen, nachdem Störungen das Anflugsystem lahmgelegt hatten",
                "eine Regierungsmaschine verlor {w_date} im Anflug auf {w_city} das GPS und landete mithilfe bodengestützter Navigationshilfen",
                "die Störungen treffen auch Landwirte {w_in_region}, deren GPS-gesteuerte Traktoren stehen blieben, berichten Lokalmedien",
                "die Fernmeldeaufklärung ortete die Quelle des Spoofings {w_in_sea} nahe dem Hafen von {w_city}, sagte {w_official}",
                "die Mobilfunknetze an der Grenze {w_in_region} fielen {w_date} aus; der Betreiber spricht von absichtlichen Störungen",
                "AIS-Positionen von Schiffen kreisten {w_date} scheinbar über dem Flughafen {w_city}, ein Hinweis auf koordiniertes Spoofing",
                "Störungen von Satellitensignalen seien {w_in_sea} „Alltag“ geworden, erklärte die Aufsichtsbehörde und bat Besatzungen, jeden Fall zu melden",
                "ein Drohnenlieferdienst {w_near_city} stellte {w_date} den Betrieb ein, nachdem das Navigationssignal wiederholt ausgefallen war",
            ),
        },
    ),
    Situation(
        "os_field_jamming",
        "cyber_ew",
        "IMMEDIATE",
        ("ew_active", "own_forces"),
        {
            "en": (
                "all VHF nets jammed at the FOB {w_near_city} since {time}, barrage noise, switching to SATCOM",
                "GPS spoofing on our vehicles {w_near_city}, positions jumping 10 km, navigation by map only",
                "our {w_recon_uav} lost link and crashed {w_near_city}, strong jamming from the {dir}",
                "{w_ew} assessed active across the border {w_near_city}, our HF and GNSS degraded",
                "false voice transmissions on the company net imitating our callsigns, ordering a withdrawal; ignored",
                "satphones unusable at the patrol base {w_near_city} for the last hour, suspected jamming source nearby",
                "counter-drone system of the camp {w_at_base} not effective, enemy link hopping frequencies",
                "the ship {w_in_sea} reports heavy noise jamming on all radar bands, tracks lost",
                "direction-finding puts the emitter 4 km {dir} of our OP {w_near_city}, request permission to target",
                "blue-force tracker showing our convoy in the sea, spoofing {w_near_city}, reverting to voice reports",
                "cell network down around {w_city} and our tactical radios degraded, likely deliberate jamming",
                "GNSS timing lost on the air-defence sensors {w_at_base}, running on internal clocks",
            ),
            "fr": (
                "tous les réseaux VHF brouillés à la base avancée {w_near_city} depuis {time}, bruit de barrage, bascule sur SATCOM",
                "leurrage GPS sur nos véhicules {w_near_city}, positions qui sautent de 10 km, navigation à la carte uniquement",
                "notre {w_recon_uav} a perdu la liaison et s'est écrasé {w_near_city}, fort brouillage venant du {dir}",
                "{w_ew} estimés actifs de l'autre côté de la frontière {w_near_city}, HF et GNSS dégradés",
                "fausses transmissions sur le réseau de compagnie imitant nos indicatifs et ordonnant un repli ; ignorées",
                "téléphones satellites inutilisables à la base de patrouille {w_near_city} depuis une heure, source de brouillage probable à proximité",
                "le système anti-drones du camp {w_at_base} inefficace, la liaison adverse saute de fréquence",
                "le bâtiment {w_in_sea} signale un brouillage de bruit sur toutes les bandes radar, pistes perdues",
                "la radiogoniométrie place l'émetteur à 4 km au {dir} de notre PO {w_near_city}, demande autorisation de traiter",
                "le suivi des forces amies montre notre convoi en mer, leurrage {w_near_city}, retour aux comptes rendus phonie",
                "réseau cellulaire coupé autour {w_de_city} et radios tactiques dégradées, brouillage délibéré probable",
                "perte de la référence de temps GNSS sur les capteurs de défense aérienne {w_at_base}, fonctionnement sur horloge interne",
            ),
            "de": (
                "alle UKW-Netze im Feldlager {w_near_city} seit {time} gestört, Rauschsperre, Wechsel auf SATCOM",
                "GPS-Spoofing an unseren Fahrzeugen {w_near_city}, Positionen springen um 10 km, Navigation nur nach Karte",
                "unsere {w_recon_uav} haben die Verbindung verloren und sind {w_near_city} abgestürzt, starke Störung aus {dir}",
                "{w_ew} jenseits der Grenze {w_near_city} vermutlich aktiv, unser KW und GNSS beeinträchtigt",
                "falsche Sprechfunksprüche im Kompanienetz mit unseren Rufnamen, befehlen Rückzug; ignoriert",
                "Satellitentelefone an der Patrouillenbasis {w_near_city} seit einer Stunde unbrauchbar, Störer in der Nähe vermutet",
                "Drohnenabwehr des Lagers ({w_at_base}) wirkungslos, gegnerische Verbindung springt zwischen Frequenzen",
                "das Schiff {w_in_sea} meldet starkes Rauschstören auf allen Radarbändern, Ziele verloren",
                "Peilung verortet den Störer 4 km im {dir} unseres Postens {w_near_city}, erbitte Freigabe zur Bekämpfung",
                "Blue Force Tracker zeigt unseren Konvoi im Meer, Spoofing {w_near_city}, zurück auf Sprechfunkmeldungen",
                "Mobilfunknetz um {w_city} ausgefallen und Gefechtsfunk beeinträchtigt, vermutlich gezielte Störung",
                "GNSS-Zeitreferenz an den Flugabwehrradaren ({w_at_base}) verloren, Betrieb mit interner Uhr",
            ),
        },
        ("ew_action",),
    ),
)

_CIV: tuple[Situation, ...] = (
    Situation(
        "os_hum_displacement",
        "civil_humanitarian",
        "PRIORITY",
        ("humanitarian",),
        {
            "en": (
                "an estimated {w_big} people have fled {w_in_region} {w_since}, most of them to {w_city}, where collective centres are full",
                "{w_un_body} reports new displacement from frontline villages {w_near_city}; families arrive with few belongings and many elderly need care",
                "reception centres in {w_city} registered {w_big} arrivals in the past week, double the previous week",
                "partners warn that shelters {w_in_region} lack heating as temperatures fall; {w_pct} of sites have no functioning generator",
                "evacuation of residents from {w_city} continues under fire; volunteers moved {w_num} bedridden people {w_date}",
                "displacement has been reported from at least {w_num} localities {w_in_region} after renewed fighting; access for partners is limited",
                "the number of internally displaced people {w_in_country} has passed {w_big}, according to the latest registration data",
                "families sheltering in schools {w_near_city} must leave before the school year starts; no alternative accommodation has been found",
                "{w_un_body} says {w_big} people crossed the border from {w_the_country} in three days, mainly women and children",
                "in {w_city}, people displaced from the east sleep in a sports hall where water and sanitation are insufficient",
                "the camp {w_near_city}, built for {w_big} people, now holds nearly twice that number after new arrivals from front-line villages {w_in_region}",
                "partners report cases of family separation during the evacuation of {w_city}; a tracing desk has opened at the train station",
            ),
            "fr": (
                "environ {w_big} personnes ont fui {w_in_region} {w_since}, la plupart vers {w_city}, où les centres collectifs sont pleins",
                "{w_un_body} signale de nouveaux déplacements depuis les villages de la ligne de front {w_near_city} ; les familles arrivent démunies et de nombreuses personnes âgées ont besoin de soins",
                "les centres d'accueil {w_de_city} ont enregistré {w_big} arrivées la semaine dernière, le double de la semaine précédente",
                "les partenaires alertent sur l'absence de chauffage dans les abris {w_in_region} alors que les températures baissent ; {w_pct} des sites n'ont pas de groupe électrogène en état",
                "l'évacuation des habitants {w_de_city} se poursuit sous le feu ; des bénévoles ont transporté {w_num} personnes alitées {w_date}",
                "des déplacements sont signalés depuis au moins {w_num} localités {w_in_region} après la reprise des combats ; l'accès des partenaires est limité",
                "le nombre de déplacés internes {w_in_country} dépasse désormais {w_big}, selon les dernières données d'enregistrement",
                "les familles hébergées dans des écoles {w_near_city} doivent partir avant la rentrée ; aucune solution de relogement n'a été trouvée",
                "selon {w_un_body}, {w_big} personnes ont franchi la frontière en trois jours, surtout des femmes et des enfants",
                "à {w_city}, des déplacés venus de l'est dorment dans un gymnase où l'eau et l'assainissement sont insuffisants",
                "le camp {w_near_city}, conçu pour {w_big} personnes, en accueille presque le double après de nouvelles arrivées {w_in_region}",
                "les partenaires signalent des séparations familiales lors de l'évacuation {w_de_city} ; un bureau de recherche de proches a ouvert à la gare",
            ),
            "de": (
                "schätzungsweise {w_big} Menschen sind {w_since} {w_in_region} geflohen, die meisten nach {w_city}, wo die Sammelunterkünfte voll sind",
                "{w_un_body} meldet neue Vertreibungen aus frontnahen Dörfern {w_near_city}; Familien kommen mit wenig Habe an, viele Ältere brauchen Pflege",
                "die Aufnahmezentren in {w_city} registrierten in der vergangenen Woche {w_big} Ankünfte, doppelt so viele wie in der Woche davor",
                "die Partner warnen, dass Notunterkünfte {w_in_region} bei sinkenden Temperaturen nicht beheizt sind; {w_pct} der Standorte haben kein funktionierendes Aggregat",
                "die Evakuierung der Bewohner von {w_city} geht unter Beschuss weiter; Freiwillige brachten {w_date} {w_num} bettlägerige Menschen in Sicherheit",
                "aus mindestens {w_num} Ortschaften {w_in_region} werden nach erneuten Kämpfen Vertreibungen gemeldet; der Zugang für Helfer ist eingeschränkt",
                "die Zahl der Binnenvertriebenen {w_in_country} hat laut den jüngsten Registrierungsdaten {w_big} überschritten",
                "Familien, die in Schulen {w_near_city} untergebracht sind, müssen vor Schuljahresbeginn ausziehen; Ersatzunterkünfte fehlen",
                "{w_un_body} meldet, binnen drei Tagen hätten {w_big} Menschen die Grenze überquert, vor allem Frauen und Kinder",
                "in {w_city} schlafen Vertriebene aus dem Osten in einer Sporthalle, in der Wasser und sanitäre Anlagen nicht ausreichen",
                "das für {w_big} Menschen gebaute Lager {w_near_city} ist nach neuen Ankünften {w_in_region} fast doppelt belegt",
                "Helfer melden getrennte Familien bei der Evakuierung von {w_city}; am Bahnhof wurde ein Suchdienst eingerichtet",
            ),
        },
    ),
    Situation(
        "os_hum_periodic",
        "civil_humanitarian",
        "ROUTINE",
        ("periodic",),
        {
            "en": (
                "weekly figures: {w_big} people reached with food assistance, {w_num} convoys delivered, funding at {w_pct} of the annual appeal",
                "monthly dashboard {w_in_country}: {w_big} registered refugees, {w_big2} people in collective centres, figures as of the end of last month",
                "the quarterly update lists {w_num} partners active {w_in_region} and {w_big} beneficiaries of cash assistance",
                "humanitarian snapshot: needs unchanged since the last update; no new displacement recorded in the reporting period",
                "{w_un_body} publishes its regular situation report; key figures are in the table below and will next be updated in two weeks",
                "cumulative data since the start of the year: {w_big} people assisted with shelter repairs, {w_big2} with winter kits",
                "the response plan is {w_pct} funded; the next funding review is scheduled for the end of the quarter",
                "operational presence map updated: {w_num} organisations working {w_in_region}, mostly in health and water",
                "the cluster meeting {w_date} reviewed the monthly indicators; minutes are attached",
                "school attendance in displacement sites {w_near_city} stands at {w_pct}, similar to last month",
                "weekly epidemiological bulletin: no unusual increase in diarrhoeal disease in the camps {w_near_city}",
                "the partners' 3W matrix for {w_city} has been updated with data received up to {w_dateline}",
            ),
            "fr": (
                "chiffres de la semaine : {w_big} personnes ont reçu une aide alimentaire, {w_num} convois livrés, financement à {w_pct} de l'appel annuel",
                "tableau de bord mensuel {w_in_country} : {w_big} réfugiés enregistrés, {w_big2} personnes en centres collectifs, données arrêtées à la fin du mois dernier",
                "le point trimestriel recense {w_num} partenaires actifs {w_in_region} et {w_big} bénéficiaires d'aide monétaire",
                "aperçu humanitaire : besoins inchangés depuis le dernier point ; aucun nouveau déplacement sur la période",
                "{w_un_body} publie son rapport de situation régulier ; les chiffres clés figurent dans le tableau ci-dessous, prochaine mise à jour dans deux semaines",
                "données cumulées depuis le début de l'année : {w_big} personnes aidées pour la réparation d'abris, {w_big2} ont reçu des kits d'hiver",
                "le plan de réponse est financé à {w_pct} ; le prochain examen des financements est prévu en fin de trimestre",
                "carte de présence opérationnelle mise à jour : {w_num} organisations {w_in_region}, surtout en santé et en eau",
                "la réunion du cluster {w_date} a passé en revue les indicateurs mensuels ; le compte rendu est joint",
                "le taux de scolarisation sur les sites de déplacés {w_near_city} est de {w_pct}, comme le mois dernier",
                "bulletin épidémiologique hebdomadaire : pas de hausse inhabituelle des maladies diarrhéiques dans les camps {w_near_city}",
                "la matrice 3W des partenaires pour {w_city} a été mise à jour avec les données reçues jusqu'au {w_dateline}",
            ),
            "de": (
                "Wochenzahlen: {w_big} Menschen mit Nahrungsmittelhilfe erreicht, {w_num} Konvois zugestellt, Finanzierung bei {w_pct} des Jahresaufrufs",
                "monatliches Dashboard {w_in_country}: {w_big} registrierte Geflüchtete, {w_big2} Menschen in Sammelunterkünften, Stand Ende letzten Monats",
                "die Quartalsübersicht nennt {w_num} aktive Partner {w_in_region} und {w_big} Empfänger von Bargeldhilfe",
                "humanitärer Überblick: Bedarf seit der letzten Ausgabe unverändert; im Berichtszeitraum keine neuen Vertreibungen",
                "{w_un_body} veröffentlicht den regelmäßigen Lagebericht; die Kennzahlen stehen in der Tabelle unten, nächste Aktualisierung in zwei Wochen",
                "kumulierte Daten seit Jahresbeginn: {w_big} Menschen bei Unterkunftsreparaturen unterstützt, {w_big2} mit Winterpaketen",
                "der Hilfsplan ist zu {w_pct} finanziert; die nächste Finanzierungsprüfung ist zum Quartalsende angesetzt",
                "Karte der operativen Präsenz aktualisiert: {w_num} Organisationen {w_in_region}, vor allem in Gesundheit und Wasser",
                "das Cluster-Treffen {w_date} hat die Monatsindikatoren besprochen; das Protokoll liegt bei",
                "der Schulbesuch in den Vertriebenenunterkünften {w_near_city} liegt bei {w_pct}, ähnlich wie im Vormonat",
                "wöchentliches epidemiologisches Bulletin: kein ungewöhnlicher Anstieg von Durchfallerkrankungen in den Lagern {w_near_city}",
                "die 3W-Matrix der Partner für {w_city} wurde mit den bis zum {w_dateline} eingegangenen Daten aktualisiert",
            ),
        },
    ),
    Situation(
        "os_hum_convoy",
        "civil_humanitarian",
        "PRIORITY",
        ("humanitarian", "aid"),
        {
            "en": (
                "an inter-agency convoy of {w_num} {w_trucks} reached {w_city} {w_date} with food, medicine and hygiene kits for {w_big} people",
                "the convoy to {w_city} was turned back at a checkpoint {w_near_city}; partners are negotiating new access",
                "aid deliveries {w_in_region} have been suspended after a warehouse used by partners was damaged {w_date}",
                "a humanitarian corridor from {w_city} opened for four hours {w_date}; {w_big} civilians left by bus",
                "{w_un_body} says its convoy was shelled on the approach to {w_city}; no staff were injured but one vehicle was lost",
                "partners delivered drinking water by tanker to {w_num} villages {w_near_city} where the network has been cut",
                "mobile clinics resumed visits to frontline communities {w_in_region} after a two-week pause",
                "a shipment of medical supplies for {w_num} hospitals arrived in {w_city}; distribution begins tomorrow",
                "access to {w_city} remains blocked for a second month; food stocks there are estimated to last ten days",
                "a boat carrying aid crossed the river ({w_river}) and reached the villages on the far bank {w_date}, the first delivery since the bridge was destroyed",
                "the cross-border aid operation through {w_city} will continue for another six months, partners were told",
                "the distribution in {w_city} was disrupted {w_date} when crowds overran the site; organisers paused it for safety",
            ),
            "fr": (
                "un convoi inter-agences de {w_num} {w_trucks} est arrivé à {w_city} {w_date} avec des vivres, des médicaments et des kits d'hygiène pour {w_big} personnes",
                "le convoi pour {w_city} a été refoulé à un checkpoint {w_near_city} ; les partenaires négocient un nouvel accès",
                "les livraisons d'aide {w_in_region} sont suspendues après que {w_date} un entrepôt des partenaires a été endommagé",
                "un couloir humanitaire depuis {w_city} a été ouvert pendant quatre heures {w_date} ; {w_big} civils sont partis en bus",
                "{w_un_body} indique que son convoi a été pris sous des tirs à l'approche {w_de_city} ; aucun employé blessé, mais un véhicule perdu",
                "les partenaires ont livré de l'eau potable par citerne à {w_num} villages {w_near_city} privés de réseau",
                "les cliniques mobiles ont repris leurs tournées dans les communes proches du front {w_in_region} après deux semaines d'interruption",
                "une cargaison de fournitures médicales pour {w_num} hôpitaux est arrivée à {w_city} ; la distribution commence demain",
                "l'accès à {w_city} reste bloqué pour le deuxième mois ; les stocks de vivres sur place dureraient dix jours",
                "un bateau transportant de l'aide a traversé le fleuve ({w_river}) et atteint les villages de l'autre rive {w_date}, première livraison depuis la destruction du pont",
                "l'opération d'aide transfrontalière passant par {w_city} est prolongée de six mois, ont appris les partenaires",
                "la distribution à {w_city} a été perturbée {w_date} par une foule qui a envahi le site ; les organisateurs l'ont interrompue par sécurité",
            ),
            "de": (
                "ein Konvoi mehrerer Organisationen mit {w_num} Fahrzeugen erreichte {w_date} {w_city} mit Lebensmitteln, Medikamenten und Hygienesets für {w_big} Menschen",
                "der Konvoi nach {w_city} wurde an einem Checkpoint {w_near_city} zurückgewiesen; die Partner verhandeln über neuen Zugang",
                "die Hilfslieferungen {w_in_region} sind ausgesetzt, nachdem {w_date} ein Lager der Partner beschädigt wurde",
                "ein humanitärer Korridor aus {w_city} war {w_date} vier Stunden geöffnet; {w_big} Zivilisten verließen die Stadt mit Bussen",
                "{w_un_body} teilt mit, ihr Konvoi sei auf dem Weg nach {w_city} beschossen worden; verletzt wurde niemand, ein Fahrzeug ging verloren",
                "die Partner brachten Trinkwasser per Tankwagen in {w_num} Dörfer {w_near_city}, deren Netz unterbrochen ist",
                "mobile Kliniken haben die Besuche in frontnahen Gemeinden {w_in_region} nach zweiwöchiger Pause wieder aufgenommen",
                "eine Lieferung medizinischer Güter für {w_num} Krankenhäuser ist in {w_city} eingetroffen; die Verteilung beginnt morgen",
                "der Zugang nach {w_city} bleibt den zweiten Monat blockiert; die Lebensmittelvorräte dort reichen schätzungsweise zehn Tage",
                "ein Boot mit Hilfsgütern überquerte den Fluss ({w_river}) und erreichte {w_date} die Dörfer am anderen Ufer, die erste Lieferung seit der Zerstörung der Brücke",
                "der grenzüberschreitende Hilfseinsatz über {w_city} wird um sechs Monate verlängert, wurde den Partnern mitgeteilt",
                "die Verteilung in {w_city} wurde {w_date} gestört, als eine Menschenmenge das Gelände stürmte; die Organisatoren unterbrachen sie",
            ),
        },
    ),
    Situation(
        "os_hum_casualties",
        "civil_humanitarian",
        "PRIORITY",
        ("humanitarian", "civilian_casualties"),
        {
            "en": (
                "at least {w_num} civilians, including children, were killed and {w_big} injured {w_in_region} during the reporting period, mostly by shelling",
                "the human rights monitoring mission verified {w_big} civilian deaths last month, the highest monthly toll this year",
                "hospitals in {w_city} are overwhelmed after the strikes {w_date}; surgeons are working around the clock and blood stocks are low",
                "{w_un_body} condemned the strike on a bus station in {w_city} that killed {w_num} civilians waiting for evacuation",
                "civilian casualties {w_in_region} rose sharply this week, with {w_num} people killed in a single attack on a market",
                "the health cluster reports {w_num} attacks on medical facilities since the start of the month, including a maternity ward in {w_city}",
                "landmines and unexploded ordnance killed {w_num} civilians {w_near_city} in the past week, most of them farmers",
                "among the victims of the strike on {w_city} {w_date} were {w_num} aid volunteers distributing food",
                "partners report a surge in trauma cases at the field hospital {w_near_city}; {w_num} of the wounded were children",
                "rescue workers recovered {w_num} bodies from the rubble of a residential building in {w_city}; {w_num2} people remain missing",
                "the number of civilians killed {w_in_country} since the start of the escalation now exceeds {w_big}, according to verified data",
                "a strike on a displacement site {w_near_city} killed {w_num} people and destroyed tents housing {w_big} others",
            ),
            "fr": (
                "au moins {w_num} civils, dont des enfants, ont été tués et {w_big} blessés {w_in_region} au cours de la période, surtout par des bombardements",
                "la mission de surveillance des droits humains a vérifié {w_big} morts civils le mois dernier, le bilan mensuel le plus lourd de l'année",
                "les hôpitaux {w_de_city} sont débordés après les frappes {w_date} ; les chirurgiens travaillent sans relâche et les stocks de sang sont bas",
                "{w_un_body} a condamné la frappe sur une gare routière {w_de_city} qui a tué {w_num} civils attendant une évacuation",
                "les pertes civiles {w_in_region} ont fortement augmenté cette semaine : {w_num} personnes ont été tuées dans une seule attaque contre un marché",
                "le cluster santé recense {w_num} attaques contre des structures médicales depuis le début du mois, dont une maternité {w_de_city}",
                "mines et munitions non explosées ont tué {w_num} civils {w_near_city} la semaine dernière, pour la plupart des agriculteurs",
                "parmi les victimes de la frappe {w_date} sur {w_city} figurent {w_num} bénévoles qui distribuaient de la nourriture",
                "les partenaires signalent un afflux de traumatisés à l'hôpital de campagne {w_near_city} ; {w_num} des blessés sont des enfants",
                "les secouristes ont retiré {w_num} corps des décombres d'un immeuble {w_de_city} ; {w_num2} personnes sont toujours portées disparues",
                "le nombre de civils tués {w_in_country} depuis le début de l'escalade dépasse désormais {w_big}, selon des données vérifiées",
                "une frappe sur un site de déplacés {w_near_city} a tué {w_num} personnes et détruit les tentes de {w_big} autres",
            ),
            "de": (
                "im Berichtszeitraum wurden {w_in_region} mindestens {w_num} Zivilisten getötet, darunter Kinder, und {w_big} verletzt, meist durch Beschuss",
                "die Menschenrechtsbeobachtungsmission hat im vergangenen Monat {w_big} zivile Todesopfer verifiziert, so viele wie noch nie in diesem Jahr",
                "die Krankenhäuser in {w_city} sind nach den Angriffen {w_date} überlastet; Chirurgen arbeiten rund um die Uhr, Blutkonserven werden knapp",
                "{w_un_body} verurteilte den Angriff auf einen Busbahnhof in {w_city}, bei dem {w_num} auf ihre Evakuierung wartende Zivilisten starben",
                "die Zahl ziviler Opfer {w_in_region} ist diese Woche stark gestiegen; bei einem einzigen Angriff auf einen Markt starben {w_num} Menschen",
                "das Gesundheitscluster zählt seit Monatsbeginn {w_num} Angriffe auf medizinische Einrichtungen, darunter eine Geburtsstation in {w_city}",
                "Minen und Blindgänger töteten in der vergangenen Woche {w_near_city} {w_num} Zivilisten, die meisten Landwirte",
                "unter den Opfern des Angriffs auf {w_city} {w_date} waren {w_num} freiwillige Helfer, die Lebensmittel verteilten",
                "Partner melden einen starken Anstieg von Verletzten im Feldkrankenhaus {w_near_city}; {w_num} der Verwundeten sind Kinder",
                "Rettungskräfte bargen {w_num} Tote aus den Trümmern eines Wohnhauses in {w_city}; {w_num2} Menschen werden noch vermisst",
                "die Zahl der seit Beginn der Eskalation {w_in_country} getöteten Zivilisten übersteigt nach verifizierten Daten inzwischen {w_big}",
                "ein Angriff auf eine Vertriebenenunterkunft {w_near_city} tötete {w_num} Menschen und zerstörte die Zelte von {w_big} weiteren",
            ),
        },
    ),
    Situation(
        "os_wire_protest",
        "civil_humanitarian",
        "PRIORITY",
        ("account",),
        {
            "en": (
                "thousands of people protested in {w_city} {w_date} against the government's handling of the border crisis; police used tear gas",
                "demonstrators blocked the main road {w_near_city} for several hours {w_date}, demanding the release of detained activists",
                "clashes between rival groups in {w_city} left {w_num} people injured, including {w_num2} police officers, officials said",
                "farmers drove tractors into the centre of {w_city} to protest against cheap imports; traffic was paralysed",
                "the protest outside the parliament in {w_city} ended peacefully {w_date}",
                "residents {w_near_city} blocked access to the base in protest against night flights, the mayor said",
                "a crowd set fire to cars outside the municipal building in {w_city} after disputed local elections",
                "police arrested {w_num} people during an unauthorised rally in {w_city}; organisers say more protests are planned",
                "hauliers have been blocking the border crossing {w_near_city} for a week; a queue of {w_big} {w_trucks} has formed",
                "students occupied the university in {w_city} {w_date}; the rector called for calm",
                "peacekeepers were deployed to separate protesters from police at the bridge in {w_city}, the mission said",
                "the demonstrations that began in {w_city} {w_date} have spread to {w_num} other towns, according to local media",
            ),
            "fr": (
                "des milliers de personnes ont manifesté à {w_city} {w_date} contre la gestion de la crise frontalière ; la police a utilisé du gaz lacrymogène",
                "des manifestants ont bloqué la route principale {w_near_city} pendant plusieurs heures {w_date} pour réclamer la libération de militants",
                "des heurts entre groupes rivaux à {w_city} ont fait {w_num} blessés, dont {w_num2} policiers, selon les autorités",
                "des agriculteurs sont entrés en tracteur dans le centre {w_de_city} pour protester contre les importations à bas prix ; la circulation est paralysée",
                "la manifestation devant le parlement à {w_city} s'est terminée dans le calme tard dans la soirée",
                "des habitants {w_near_city} ont bloqué l'accès à la base pour protester contre les vols de nuit, selon le maire",
                "une foule a incendié des voitures devant la mairie {w_de_city} après des élections locales contestées",
                "la police a interpellé {w_num} personnes lors d'un rassemblement non autorisé à {w_city} ; les organisateurs annoncent d'autres manifestations",
                "des routiers bloquent le poste-frontière {w_near_city} depuis une semaine ; une file de {w_big} {w_trucks} s'est formée",
                "des étudiants ont occupé l'université {w_de_city} {w_date} ; le recteur a appelé au calme",
                "des soldats de la paix ont été déployés pour séparer manifestants et policiers sur le pont {w_de_city}, selon la mission",
                "les manifestations commencées à {w_city} {w_date} se sont étendues à {w_num} autres villes, selon la presse locale",
            ),
            "de": (
                "Tausende protestierten {w_date} in {w_city} gegen den Umgang der Regierung mit der Grenzkrise; die Polizei setzte Tränengas ein",
                "Demonstranten blockierten {w_date} stundenlang die Hauptstraße {w_near_city} und forderten die Freilassung inhaftierter Aktivisten",
                "bei Zusammenstößen rivalisierender Gruppen in {w_city} wurden {w_num} Menschen verletzt, darunter {w_num2} Polizisten",
                "Landwirte fuhren mit Traktoren ins Zentrum von {w_city}, um gegen Billigimporte zu protestieren; der Verkehr brach zusammen",
                "der Protest vor dem Parlament in {w_city} endete am späten Abend friedlich",
                "Anwohner {w_near_city} blockierten aus Protest gegen Nachtflüge die Zufahrt zum Stützpunkt, sagte der Bürgermeister",
                "nach umstrittenen Kommunalwahlen zündete eine Menschenmenge vor dem Rathaus von {w_city} Autos an",
                "die Polizei nahm bei einer nicht genehmigten Kundgebung in {w_city} {w_num} Menschen fest; die Veranstalter kündigen weitere Proteste an",
                "Fernfahrer blockieren seit einer Woche den Grenzübergang {w_near_city}; es hat sich ein Stau von {w_big} {w_trucks} gebildet",
                "Studierende besetzten {w_date} die Universität in {w_city}; der Rektor rief zur Ruhe auf",
                "Friedenssoldaten wurden eingesetzt, um Demonstranten und Polizei an der Brücke in {w_city} zu trennen, teilte die Mission mit",
                "die {w_date} in {w_city} begonnenen Demonstrationen haben sich laut Lokalmedien auf {w_num} weitere Städte ausgeweitet",
            ),
        },
    ),
    Situation(
        "os_field_civ",
        "civil_humanitarian",
        "PRIORITY",
        ("civil",),
        {
            "en": (
                "approx {w_num} displaced families arrived at the camp gate {w_near_city}, asking for water and shelter, calm",
                "crowd of {n} civilians at the checkpoint {w_near_city} trying to cross to {w_city}, mostly women and children",
                "local hospital in {w_city} asks for medical supplies, running out of dressings and antibiotics",
                "village elders {w_near_city} report armed men took livestock and food last night, villagers fleeing {dir}",
                "demonstration of approx {w_big} people outside the base {w_near_city}, peaceful, stones thrown once",
                "CIMIC team reports wells dry in {w_num} villages {w_near_city}, population moving towards {w_city}",
                "refugee column on the road {w_near_city}, some injured, request guidance on medical support",
                "market in {w_city} closed after threats, shops looted overnight, population afraid",
                "school {w_near_city} now used as shelter for {w_num} families fleeing the fighting",
                "aid workers stopped at our checkpoint {w_near_city} say their convoy was robbed {dir} of {w_city}",
                "power and water cut in {w_city} for 3 days, people collecting water from the river",
                "locals report {n} civilians wounded by a mine on the track {w_near_city}, brought to our medical post",
            ),
            "fr": (
                "env. {w_num} familles déplacées arrivées à l'entrée du camp {w_near_city}, demandent eau et abri, calme",
                "foule de {n} civils au checkpoint {w_near_city} cherchant à passer vers {w_city}, surtout des femmes et des enfants",
                "l'hôpital local {w_de_city} demande du matériel médical, pansements et antibiotiques presque épuisés",
                "les anciens du village {w_near_city} signalent que des hommes armés ont pris bétail et vivres cette nuit, les habitants fuient vers le {dir}",
                "manifestation d'environ {w_big} personnes devant la base {w_near_city}, pacifique, un jet de pierres",
                "l'équipe CIMIC signale des puits à sec dans {w_num} villages {w_near_city}, la population se déplace vers {w_city}",
                "colonne de réfugiés sur la route {w_near_city}, quelques blessés, demande consignes pour soutien médical",
                "marché {w_de_city} fermé après des menaces, boutiques pillées dans la nuit, population inquiète",
                "école {w_near_city} transformée en abri pour {w_num} familles fuyant les combats",
                "des humanitaires arrêtés à notre checkpoint {w_near_city} disent avoir été dévalisés au {dir} {w_de_city}",
                "eau et électricité coupées à {w_city} depuis 3 jours, les habitants puisent l'eau au fleuve",
                "les habitants signalent {n} civils blessés par une mine sur la piste {w_near_city}, amenés à notre poste médical",
            ),
            "de": (
                "ca. {w_num} vertriebene Familien am Lagertor {w_near_city} eingetroffen, bitten um Wasser und Unterkunft, ruhig",
                "Menschenmenge von {n} Zivilisten am Checkpoint {w_near_city} will nach {w_city} durch, überwiegend Frauen und Kinder",
                "örtliches Krankenhaus in {w_city} bittet um Sanitätsmaterial, Verbandsstoffe und Antibiotika gehen aus",
                "Dorfälteste {w_near_city} melden, Bewaffnete hätten in der Nacht Vieh und Lebensmittel mitgenommen, Bewohner fliehen nach {dir}",
                "Demonstration mit ca. {w_big} Personen vor dem Stützpunkt {w_near_city}, friedlich, einmal Steinwurf",
                "CIMIC-Team meldet ausgetrocknete Brunnen in {w_num} Dörfern {w_near_city}, Bevölkerung zieht Richtung {w_city}",
                "Flüchtlingskolonne auf der Straße {w_near_city}, einige Verletzte, erbitte Weisung zur sanitätsdienstlichen Unterstützung",
                "Markt in {w_city} nach Drohungen geschlossen, Geschäfte in der Nacht geplündert, Bevölkerung verängstigt",
                "Schule {w_near_city} dient jetzt als Unterkunft für {w_num} Familien, die vor den Kämpfen fliehen",
                "an unserem Checkpoint {w_near_city} angehaltene Helfer berichten, ihr Konvoi sei im {dir} von {w_city} ausgeraubt worden",
                "Strom und Wasser in {w_city} seit 3 Tagen ausgefallen, Menschen holen Wasser aus dem Fluss",
                "Einheimische melden {n} durch eine Mine verletzte Zivilisten auf dem Weg {w_near_city}, zu unserer Sanitätsstation gebracht",
            ),
        },
        ("civ_action",),
    ),
)

_RT: tuple[Situation, ...] = (
    Situation(
        "os_press_ceremony",
        "routine",
        "ROUTINE",
        ("ceremony", "commemoration"),
        {
            "en": (
                "a ceremony was held {w_date} in {w_city} to honour the {w_num} soldiers of {unit} killed in action {w_date_old}",
                "wreaths were laid at the memorial {w_at_base} to mark {w_years} since the deadly ambush in which {w_num} of our peacekeepers died",
                "families, veterans and serving soldiers gathered in {w_city} to remember the fallen of the {w_year} mission; the bugler sounded the Last Post",
                "{w_army} will commemorate the soldiers killed by a roadside bomb {w_date_old} with a service {w_date_future}",
                "the names of {w_num} soldiers who died on operations were added to the national memorial in the presence of the minister",
                "at a remembrance parade in {w_city}, {w_officer} recalled the 'terrible night' when the camp came under rocket fire in {w_year}",
                "a minute's silence was observed across all barracks at 11:00 in memory of the victims of the {w_year} bombing",
                "{unit} unveiled a plaque {w_at_base} for the aircrew lost in {w_year}",
                "veterans of the {w_year} deployment marched through {w_city} {w_date}; the ceremony ended with a flypast",
                "the regiment held its annual remembrance day {w_date}, honouring comrades killed in the attack on their convoy {w_year}",
                "a memorial service for the {w_num} victims of the ammunition depot explosion of {w_year} took place {w_near_city}",
                "{w_army} invites the public to the wreath-laying at the war cemetery of {w_city} {w_date_future}",
            ),
            "fr": (
                "une cérémonie s'est tenue {w_date} à {w_city} en hommage aux {w_num} soldats de l'unité {unit} morts au combat {w_date_old}",
                "des gerbes ont été déposées au monument {w_at_base} pour marquer les {w_years} de l'embuscade meurtrière où {w_num} de nos Casques bleus ont péri",
                "familles, anciens combattants et militaires d'active se sont réunis à {w_city} en mémoire des morts de la mission de {w_year} ; le clairon a sonné aux morts",
                "{w_army} rendra hommage {w_date_future} aux soldats tués par un engin explosif {w_date_old}",
                "les noms de {w_num} militaires morts en opération ont été inscrits sur le monument national en présence du ministre",
                "lors d'une prise d'armes à {w_city}, le {w_officer} a évoqué la « nuit terrible » où le camp avait été visé par des roquettes en {w_year}",
                "une minute de silence a été observée à 11 heures dans toutes les casernes en mémoire des victimes de l'attentat de {w_year}",
                "l'unité {unit} a dévoilé une plaque {w_at_base} à la mémoire de l'équipage disparu en vol en {w_year}",
                "les vétérans du déploiement de {w_year} ont défilé dans {w_city} {w_date} ; la cérémonie s'est achevée par un passage aérien",
                "le régiment a célébré {w_date} sa journée du souvenir, en hommage aux camarades tués dans l'attaque de leur convoi en {w_year}",
                "une cérémonie à la mémoire des {w_num} victimes de l'explosion du dépôt de munitions de {w_year} a eu lieu {w_near_city}",
                "{w_army} invite le public au dépôt de gerbes au cimetière militaire {w_de_city} {w_date_future}",
            ),
            "de": (
                "{w_date} wurde in {w_city} der {w_num} Soldaten der Einheit {unit} gedacht, die {w_date_old} im Einsatz gefallen sind",
                "am Ehrenmal {w_at_base} wurden Kränze niedergelegt; vor {w_years} starben {w_num} unserer Friedenssoldaten in einem Hinterhalt",
                "Angehörige, Veteranen und aktive Soldaten gedachten in {w_city} der Gefallenen des Einsatzes von {w_year}; ein Trompeter spielte das Lied vom guten Kameraden",
                "{w_army} gedenkt {w_date_future} mit einer Andacht der Soldaten, die {w_date_old} durch eine Sprengfalle getötet wurden",
                "die Namen von {w_num} im Einsatz gestorbenen Soldaten wurden in Anwesenheit der Ministerin in das nationale Ehrenmal aufgenommen",
                "beim Gedenkappell in {w_city} erinnerte {w_officer} an die „schreckliche Nacht“, in der das Lager {w_year} unter Raketenbeschuss lag",
                "in allen Kasernen wurde um 11 Uhr eine Schweigeminute für die Opfer des Anschlags von {w_year} eingelegt",
                "die Einheit {unit} enthüllte {w_at_base} eine Gedenktafel für die {w_year} verunglückte Hubschrauberbesatzung",
                "Veteranen des Einsatzes von {w_year} marschierten {w_date} durch {w_city}; die Feier endete mit einem Überflug",
                "das Bataillon beging {w_date} seinen jährlichen Gedenktag für die Kameraden, die {w_year} beim Angriff auf ihren Konvoi fielen",
                "{w_near_city} fand eine Gedenkfeier für die {w_num} Opfer der Explosion im Munitionsdepot von {w_year} statt",
                "{w_army} lädt die Öffentlichkeit {w_date_future} zur Kranzniederlegung auf dem Soldatenfriedhof von {w_city} ein",
            ),
        },
    ),
    Situation(
        "os_press_oath",
        "routine",
        "ROUTINE",
        ("ceremony", "oath"),
        {
            "en": (
                "{w_num} recruits of {unit} took their oath {w_date} on the market square of {w_city}, watched by families and the mayor",
                "the pledge ceremony for the new intake will take place {w_at_base} {w_date_future}; the public is welcome",
                "after three months of basic training, {w_big} young soldiers swore allegiance in {w_city} in the presence of {w_officer}",
                "{w_army} held a public swearing-in in front of the town hall of {w_city}; a small group of protesters stood at a distance",
                "volunteers completing their military service pledged {w_date} to 'defend the country with all their strength'",
                "the oath-taking of the reservist battalion was moved indoors because of the weather",
                "cadets of the officer school took their oath {w_date}; the best graduate received the sword of honour",
                "{w_num} recruits, many of them women, were sworn in {w_at_base}; the band of {unit} played",
                "the swearing-in of new soldiers in {w_city} will be broadcast live on the army's channels {w_date_future}",
                "recruits from {w_num} countries serving in the multinational battalion took their oath together for the first time",
                "parents travelled to {w_city} to watch their sons and daughters make their solemn pledge",
                "the ceremony ended with a march past and an open day with static displays of {w_proc}",
            ),
            "fr": (
                "{w_num} recrues de l'unité {unit} ont prêté serment {w_date} sur la place du marché {w_de_city}, devant les familles et le maire",
                "la cérémonie de présentation au drapeau du nouveau contingent aura lieu {w_at_base} {w_date_future} ; elle est ouverte au public",
                "après trois mois de formation initiale, {w_big} jeunes soldats ont prêté serment à {w_city} en présence du {w_officer}",
                "{w_army} a organisé une prestation de serment publique devant l'hôtel de ville {w_de_city} ; quelques opposants se tenaient à l'écart",
                "les volontaires achevant leur service militaire ont juré {w_date} de « défendre le pays de toutes leurs forces »",
                "la prestation de serment du bataillon de réserve a été déplacée en salle en raison de la météo",
                "les élèves officiers ont prêté serment {w_date} ; le major de promotion a reçu le sabre d'honneur",
                "{w_num} recrues, dont de nombreuses femmes, ont prêté serment {w_at_base} ; la musique de l'unité {unit} a joué",
                "la prestation de serment des nouveaux soldats à {w_city} sera retransmise en direct sur les réseaux de l'armée {w_date_future}",
                "des recrues de {w_num} pays servant dans le bataillon multinational ont prêté serment ensemble pour la première fois",
                "des parents ont fait le voyage jusqu'à {w_city} pour assister à l'engagement solennel de leurs enfants",
                "la cérémonie s'est achevée par un défilé et une journée portes ouvertes avec exposition statique {w_de_proc}",
            ),
            "de": (
                "{w_num} Rekruten der Einheit {unit} legten {w_date} auf dem Marktplatz von {w_city} ihr Gelöbnis ab, im Beisein der Familien und des Bürgermeisters",
                "das feierliche Gelöbnis der neuen Rekruten findet {w_date_future} statt ({w_at_base}); Besucher sind willkommen",
                "nach drei Monaten Grundausbildung legten {w_big} junge Soldaten in {w_city} im Beisein von {w_officer} das Gelöbnis ab",
                "{w_army} hielt ein öffentliches Gelöbnis vor dem Rathaus von {w_city} ab; eine kleine Gruppe protestierte in einiger Entfernung",
                "Freiwillig Wehrdienstleistende gelobten {w_date}, „das Land mit aller Kraft zu verteidigen“",
                "das Gelöbnis des Reservebataillons wurde wegen des Wetters in die Halle verlegt",
                "die Offizieranwärter legten {w_date} ihren Eid ab; der Lehrgangsbeste erhielt den Ehrensäbel",
                "{w_num} Rekruten, darunter viele Frauen, wurden vereidigt ({w_at_base}); es spielte das Musikkorps",
                "das Gelöbnis der neuen Soldaten in {w_city} wird {w_date_future} live auf den Kanälen der Streitkräfte übertragen",
                "erstmals legten Rekruten aus {w_num} Nationen im multinationalen Bataillon gemeinsam ihr Gelöbnis ab",
                "Eltern reisten nach {w_city}, um das feierliche Gelöbnis ihrer Söhne und Töchter mitzuerleben",
                "die Feier endete mit einem Vorbeimarsch und einem Tag der offenen Tür; ausgestellt waren {w_proc}",
            ),
        },
    ),
    Situation(
        "os_press_command",
        "routine",
        "ROUTINE",
        ("change_of_command", "appointment"),
        {
            "en": (
                "{w_officer} handed over command of {unit} to {w_officer2} at a parade {w_at_base} {w_date}",
                "the defence minister has appointed {w_officer} as the new chief of the joint operations staff, effective {w_date_future}",
                "change of command at the multinational battlegroup {w_in_country}: {w_officer} takes over after a six-month rotation",
                "{w_officer} becomes the youngest officer ever to command an armoured brigade",
                "the cabinet approved the nomination of {w_officer} as military representative to the alliance",
                "{unit} has a new commanding officer: {w_officer} assumed command {w_date} in {w_city}",
                "in a brief ceremony, {w_officer} took over as contingent commander of the training mission {w_in_country}",
                "{w_officer} retires after 38 years of service and hands the regiment to {w_officer2}",
                "the government named {w_officer} head of the new cyber command, which will be set up in {w_city}",
                "the handover of the air policing detachment {w_at_base} from the outgoing to the incoming rotation took place {w_date}",
                "new appointments in the general staff: {w_officer} moves to operations, {w_officer2} to logistics",
                "{w_officer}, until now deputy commander, will take over the division {w_date_future}",
            ),
            "fr": (
                "le {w_officer} a transmis le commandement de l'unité {unit} au {w_officer2} lors d'une prise d'armes {w_at_base} {w_date}",
                "le ministre a nommé le {w_officer} chef de l'état-major des opérations interarmées ; prise de fonctions {w_date_future}",
                "passation de commandement au groupement tactique multinational {w_in_country} : le {w_officer} prend la relève après une rotation de six mois",
                "le {w_officer} prend la tête d'une brigade blindée, une première dans l'histoire de l'armée",
                "le conseil des ministres a approuvé la nomination du {w_officer} comme représentant militaire auprès de l'Alliance",
                "l'unité {unit} a un nouveau chef de corps : le {w_officer} a pris son commandement {w_date} à {w_city}",
                "lors d'une brève cérémonie, le {w_officer} a pris le commandement du contingent de la mission de formation {w_in_country}",
                "le {w_officer} quitte le service après 38 ans et confie le régiment au {w_officer2}",
                "le gouvernement a nommé le {w_officer} à la tête du nouveau commandement cyber, qui sera installé à {w_city}",
                "la relève du détachement de police du ciel {w_at_base} entre les rotations sortante et entrante a eu lieu {w_date}",
                "nouvelles nominations à l'état-major : le {w_officer} rejoint les opérations, le {w_officer2} la logistique",
                "le {w_officer}, jusqu'ici commandant en second, dirigera la division {w_date_future}",
            ),
            "de": (
                "{w_officer} übergab {w_date} bei einem Appell ({w_at_base}) das Kommando über die Einheit {unit} an {w_officer2}",
                "der Verteidigungsminister hat {w_officer} zum neuen Chef des Stabes für gemeinsame Operationen ernannt; die Ernennung gilt {w_date_future}",
                "Kommandowechsel bei der multinationalen Kampfgruppe {w_in_country}: {w_officer} übernimmt nach sechsmonatiger Rotation",
                "mit {w_officer} führt der jüngste Offizier in der Geschichte der Landstreitkräfte eine Panzerbrigade",
                "das Kabinett billigte die Ernennung von {w_officer} zum Militärischen Vertreter beim Bündnis",
                "die Einheit {unit} hat einen neuen Kommandeur: {w_officer} übernahm {w_date} in {w_city} das Kommando",
                "in einer kurzen Zeremonie übernahm {w_officer} die Führung des Kontingents der Ausbildungsmission {w_in_country}",
                "{w_officer} geht nach 38 Dienstjahren in den Ruhestand und übergibt das Regiment an {w_officer2}",
                "die Regierung ernannte {w_officer} zum Leiter des neuen Cyberkommandos, das in {w_city} aufgestellt wird",
                "die Übergabe des Luftraumüberwachungs-Kontingents {w_at_base} von der abziehenden an die neue Rotation fand {w_date} statt",
                "neue Verwendungen im Generalstab: {w_officer} wechselt in die Operationsabteilung, {w_officer2} in die Logistik",
                "{w_officer}, bislang stellvertretender Kommandeur, führt die Division {w_date_future}",
            ),
        },
    ),
    Situation(
        "os_press_exercise",
        "routine",
        "ROUTINE",
        ("exercise",),
        {
            "en": (
                "exercise {w_exname_alarm} begins {w_date_future} {w_near_city}: units will train the response to a simulated chemical attack on a port",
                "more than {w_big} troops from {w_num} nations will take part in exercise {exname} {w_in_country} from next week; residents may notice convoys",
                "exercise {exname} ended {w_date}; {unit} practised a river crossing ({w_river}) under simulated enemy fire",
                "the scenario of exercise {w_exname_alarm} assumes a dirty-bomb explosion in the city centre of {w_city}; no real hazard exists",
                "during the drill at {w_city} airport, actors played casualties of a simulated strike by {w_a_drone}; the airport remained open",
                "{w_army} announces live firing with {w_proc} at the ranges {w_near_city} {w_date_future}; residents are asked to respect the closures",
                "the command post exercise rehearsed a massive attack with {w_missiles} on the capital; it was a planning exercise only",
                "{w_num} {w_jets_own} will fly low-level training sorties {w_in_region} {w_date_future}; noise is expected",
                "the naval exercise {w_in_sea} with {w_num} ships from allied navies was completed as planned",
                "exercise {exname}: 'enemy' forces played by {unit} will 'attack' the bridges {w_near_city} at night, the army warns",
                "a large-scale evacuation drill for a simulated nuclear-plant accident took place in {w_city} {w_date}",
                "the alliance's annual nuclear deterrence exercise started {w_date}; no live weapons are used",
            ),
            "fr": (
                "l'exercice {w_exname_alarm} débute {w_date_future} {w_near_city} : les unités s'entraîneront à répondre à une attaque chimique simulée contre un port",
                "plus de {w_big} militaires de {w_num} pays participeront à l'exercice {exname} {w_in_country} à partir de la semaine prochaine ; des convois seront visibles",
                "l'exercice {exname} s'est achevé {w_date} ; l'unité {unit} s'est entraîné au franchissement d'un fleuve ({w_river}) sous le feu ennemi simulé",
                "le scénario de l'exercice {w_exname_alarm} suppose l'explosion d'une bombe sale dans le centre {w_de_city} ; il n'existe aucun danger réel",
                "pendant l'exercice à l'aéroport {w_de_city}, des figurants ont joué les victimes d'une frappe simulée {w_de_a_drone} ; l'aéroport est resté ouvert",
                "{w_army} annonce des tirs réels avec des {w_proc} sur les champs de tir {w_near_city} {w_date_future} ; merci de respecter les interdictions d'accès",
                "l'exercice de poste de commandement portait sur une attaque massive {w_de_missiles} contre la capitale ; il s'agissait uniquement d'un exercice de planification",
                "{w_num} {w_jets_own} effectueront des vols d'entraînement à basse altitude {w_in_region} {w_date_future} ; des nuisances sonores sont à prévoir",
                "l'exercice naval {w_in_sea} réunissant {w_num} bâtiments de marines alliées s'est terminé comme prévu",
                "exercice {exname} : les forces « ennemies » jouées par l'unité {unit} « attaqueront » de nuit les ponts {w_near_city}, prévient l'armée",
                "un exercice d'évacuation de grande ampleur simulant un accident nucléaire a eu lieu à {w_city} {w_date}",
                "l'exercice annuel de dissuasion nucléaire de l'Alliance a commencé {w_date} ; aucune arme réelle n'est employée",
            ),
            "de": (
                "die Übung {w_exname_alarm} beginnt {w_date_future} {w_near_city}: Einheiten üben die Reaktion auf einen simulierten Chemieangriff auf einen Hafen",
                "mehr als {w_big} Soldaten aus {w_num} Nationen nehmen ab nächster Woche an der Übung {exname} {w_in_country} teil; Anwohner werden Kolonnen bemerken",
                "die Übung {exname} endete {w_date}; die Einheit {unit} übte einen Flussübergang ({w_river}) unter simuliertem Feindfeuer",
                "das Szenario der Übung {w_exname_alarm} geht von einer schmutzigen Bombe im Zentrum von {w_city} aus; eine reale Gefahr besteht nicht",
                "bei der Übung am Flughafen {w_city} spielten Darsteller Verletzte eines simulierten Drohnenangriffs; der Flughafen blieb geöffnet",
                "{w_army} kündigt scharfes Schießen auf den Übungsplätzen {w_near_city} an, {w_date_future}; beteiligt sind {w_proc}, Sperrungen sind zu beachten",
                "die Stabsrahmenübung spielte einen massiven Raketenangriff auf die Hauptstadt durch; es handelte sich nur um eine Planungsübung",
                "{w_num} {w_jets_own} fliegen {w_date_future} Tiefflugübungen {w_in_region}; mit Fluglärm ist zu rechnen",
                "die Marineübung {w_in_sea} mit {w_num} Schiffen verbündeter Marinen wurde planmäßig beendet",
                "Übung {exname}: die von der Einheit {unit} gestellten „Feindkräfte“ werden nachts die Brücken {w_near_city} „angreifen“, warnt das Heer",
                "in {w_city} fand {w_date} eine groß angelegte Evakuierungsübung für einen simulierten Störfall im Kernkraftwerk statt",
                "die jährliche Übung des Bündnisses zur nuklearen Abschreckung hat {w_date} begonnen; scharfe Waffen kommen nicht zum Einsatz",
            ),
        },
    ),
    Situation(
        "os_press_recruitment",
        "routine",
        "ROUTINE",
        ("recruitment",),
        {
            "en": (
                "join the fight for your country: {w_army} is recruiting remote pilots, medics and mechanics in {w_city}",
                "the army's new campaign, 'Be the shield', aims to attract {w_big} volunteers this year",
                "open day {w_at_base} {w_date_future}: meet our soldiers, try the simulators and talk to the careers team",
                "{w_army} is looking for cyber specialists; 'the front line is also in your laptop', the poster reads",
                "recruitment figures rose by {w_pct} in the first half of the year, the personnel office said",
                "a careers fair in {w_city} {w_date_future} will present jobs in the armed forces, from pilots to cooks",
                "reservists can now sign up online; training weekends start {w_date_future} {w_near_city}",
                "'Ready to hit hard?' - the slogan of the new recruitment video for the armoured corps drew criticism online",
                "the navy is offering bonuses to engineers who sign up for six years",
                "school leavers {w_in_region} can apply for a paid gap year in the army until {w_dateline}",
                "{w_army} will send recruiting teams to {w_num} towns this summer, starting in {w_city}",
                "the new voluntary military service attracted {w_big} applications in its first month",
            ),
            "fr": (
                "rejoignez le combat pour votre pays : {w_army} recrute à {w_city} des télépilotes, des infirmiers et des mécaniciens",
                "la nouvelle campagne de l'armée, « Soyez le bouclier », vise à attirer {w_big} volontaires cette année",
                "journée portes ouvertes {w_at_base} {w_date_future} : rencontrez nos soldats, essayez les simulateurs et parlez avec l'équipe de recrutement",
                "{w_army} recherche des spécialistes cyber ; « la ligne de front passe aussi par votre ordinateur », dit l'affiche",
                "le recrutement a progressé de {w_pct} au premier semestre, selon la direction des ressources humaines",
                "un salon des métiers à {w_city} {w_date_future} présentera les emplois des armées, de pilote à cuisinier",
                "les réservistes peuvent désormais s'inscrire en ligne ; les week-ends d'instruction commencent {w_date_future} {w_near_city}",
                "« Prêts à frapper fort ? » : le slogan du nouveau clip de recrutement de l'arme blindée a suscité des critiques en ligne",
                "la marine propose des primes aux ingénieurs qui s'engagent pour six ans",
                "les bacheliers {w_in_region} peuvent postuler jusqu'au {w_dateline} à une année de césure rémunérée dans l'armée",
                "{w_army} enverra cet été des équipes de recrutement dans {w_num} villes, en commençant par {w_city}",
                "le nouveau service militaire volontaire a reçu {w_big} candidatures le premier mois",
            ),
            "de": (
                "Kämpf mit für dein Land: {w_army} sucht in {w_city} Drohnenpiloten, Sanitäter und Mechaniker",
                "die neue Kampagne der Streitkräfte, „Sei der Schild“, soll in diesem Jahr {w_big} Freiwillige gewinnen",
                "Tag der offenen Tür {w_at_base} {w_date_future}: Soldaten treffen, Simulatoren ausprobieren, mit der Karriereberatung sprechen",
                "{w_army} sucht Cyberspezialisten; „die Front verläuft auch durch deinen Laptop“, heißt es auf dem Plakat",
                "die Bewerberzahlen stiegen im ersten Halbjahr um {w_pct}, teilte das Personalamt mit",
                "eine Karrieremesse in {w_city} stellt {w_date_future} Berufe in den Streitkräften vor, vom Piloten bis zum Koch",
                "Reservisten können sich jetzt online melden; die Ausbildungswochenenden beginnen {w_date_future} {w_near_city}",
                "„Bereit, hart zuzuschlagen?“ – der Slogan des neuen Werbevideos der Panzertruppe stieß im Netz auf Kritik",
                "die Marine bietet Ingenieuren, die sich für sechs Jahre verpflichten, eine Prämie",
                "Schulabgänger {w_in_region} können sich bis zum {w_dateline} für ein bezahltes Orientierungsjahr in der Truppe bewerben",
                "{w_army} schickt diesen Sommer Karriereteams in {w_num} Städte, beginnend in {w_city}",
                "der neue freiwillige Wehrdienst verzeichnete im ersten Monat {w_big} Bewerbungen",
            ),
        },
    ),
    Situation(
        "os_press_procurement",
        "routine",
        "ROUTINE",
        ("procurement",),
        {
            "en": (
                "the ministry has signed a contract for {w_num} {w_proc}, with deliveries due to start in two years",
                "parliament's budget committee approved the purchase of {w_proc} worth {w_big} million",
                "the first {w_proc} ordered last year were handed over to {unit} {w_date} at a ceremony {w_at_base}",
                "{w_army} will replace its ageing fleet with {w_num} {w_proc}; the tender attracted three bidders",
                "the government plans to double ammunition production and to buy more {w_proc} over the next five years",
                "{w_num} {w_proc} will be built under licence in {w_city}, creating some {w_big} jobs",
                "the procurement agency has cancelled the rotary-wing programme because of delays and cost overruns",
                "a framework agreement for {w_proc} was signed jointly with {w_num} partner nations to cut costs",
                "training of the crews for the new {w_proc} begins {w_date_future}",
                "the defence ministry confirmed an order for spare parts and maintenance for its {w_proc}",
                "deliveries of {w_proc} are running six months late, the audit office found",
                "the army presented the first prototype of its new {w_proc} at the trade fair in {w_city}",
            ),
            "fr": (
                "le ministère a signé un contrat pour {w_num} {w_proc}, dont les livraisons doivent commencer dans deux ans",
                "la commission des finances du parlement a approuvé l'achat {w_de_proc} pour un montant de {w_big} millions",
                "les premiers {w_proc} commandés l'an dernier ont été remis à l'unité {unit} {w_date} lors d'une cérémonie {w_at_base}",
                "{w_army} remplacera sa flotte vieillissante par {w_num} {w_proc} ; l'appel d'offres a attiré trois candidats",
                "le gouvernement prévoit de doubler la production de munitions et d'acquérir davantage {w_de_proc} sur cinq ans",
                "{w_num} {w_proc} seront construits sous licence à {w_city}, ce qui créera quelque {w_big} emplois",
                "l'agence d'acquisition a annulé le programme d'aéronefs à voilure tournante en raison de retards et de surcoûts",
                "un accord-cadre pour des {w_proc} a été signé conjointement avec {w_num} pays partenaires afin de réduire les coûts",
                "la formation des équipages des nouveaux {w_proc} commence {w_date_future}",
                "le ministère a confirmé une commande de pièces détachées et de maintenance pour ses {w_proc}",
                "les livraisons {w_de_proc} accusent six mois de retard, constate la Cour des comptes",
                "l'armée a présenté le premier prototype de ses nouveaux {w_proc} au salon {w_de_city}",
            ),
            "de": (
                "das Ministerium hat einen Vertrag über {w_num} {w_proc} unterzeichnet; die Auslieferung soll in zwei Jahren beginnen",
                "der Haushaltsausschuss des Parlaments billigte die Beschaffung der {w_proc} im Wert von {w_big} Millionen",
                "die ersten im vergangenen Jahr bestellten {w_proc} wurden {w_date} bei einem Festakt ({w_at_base}) an die Einheit {unit} übergeben",
                "{w_army} ersetzt die veraltete Flotte durch {w_num} {w_proc}; an der Ausschreibung beteiligten sich drei Bieter",
                "die Regierung will die Munitionsproduktion verdoppeln und in den nächsten fünf Jahren mehr {w_proc} beschaffen",
                "{w_num} {w_proc} sollen in Lizenz in {w_city} gebaut werden, das schafft rund {w_big} Arbeitsplätze",
                "die Beschaffungsbehörde hat das Hubschrauberprogramm wegen Verzögerungen und Kostensteigerungen gestoppt",
                "gemeinsam mit {w_num} Partnerstaaten wurde ein Rahmenvertrag über {w_proc} geschlossen, um Kosten zu senken",
                "die Ausbildung der Besatzungen für die neuen {w_proc} beginnt {w_date_future}",
                "das Verteidigungsministerium bestätigte einen Auftrag über Ersatzteile und Wartung für seine {w_proc}",
                "die Auslieferung der {w_proc} liegt sechs Monate hinter dem Zeitplan, stellte der Rechnungshof fest",
                "das Heer stellte auf der Messe in {w_city} den ersten Prototyp seiner neuen {w_proc} vor",
            ),
        },
    ),
    Situation(
        "os_press_visit",
        "routine",
        "ROUTINE",
        ("visit",),
        {
            "en": (
                "the defence minister visited our contingent {w_in_country} {w_date} and thanked the soldiers for their service",
                "the chief of defence will travel to {w_city} {w_date_future} to meet the commanders of the multinational brigade",
                "a parliamentary delegation visited {unit} {w_at_base} and was briefed on the mission",
                "the president spent Christmas with the troops deployed {w_in_country}",
                "the allied defence ministers' visit to {w_city} included a tour of the new training centre",
                "{w_officer} welcomed the visiting head of state {w_at_base} with military honours",
                "during her visit {w_in_country}, the minister announced additional funding for the training mission",
                "a group of journalists will accompany the minister on her trip to {w_city} {w_date_future}",
                "the army chief met local authorities in {w_city} to discuss the planned expansion of the garrison",
                "students of the defence college visited {w_at_base} as part of their study trip",
                "the prime minister inspected the border fortifications {w_in_region} {w_date}",
                "the visit of the commander of allied land forces to {unit} is scheduled for {w_dateline}",
            ),
            "fr": (
                "la ministre des Armées a rendu visite à notre contingent {w_in_country} {w_date} et remercié les soldats pour leur engagement",
                "le chef d'état-major se rendra à {w_city} {w_date_future} pour rencontrer les commandants de la brigade multinationale",
                "une délégation parlementaire a rendu visite à l'unité {unit} {w_at_base} et a été informée de la mission",
                "le président a passé Noël avec les troupes déployées {w_in_country}",
                "la visite des ministres de la Défense alliés à {w_city} comprenait celle du nouveau centre d'entraînement",
                "le {w_officer} a accueilli avec les honneurs militaires le chef d'État en visite {w_at_base}",
                "lors de sa visite {w_in_country}, la ministre a annoncé des crédits supplémentaires pour la mission de formation",
                "un groupe de journalistes accompagnera la ministre lors de son déplacement à {w_city} {w_date_future}",
                "le chef d'état-major de l'armée de Terre a rencontré les élus {w_de_city} au sujet de l'extension prévue de la garnison",
                "les élèves de l'école de guerre ont visité la base {w_de_base} dans le cadre de leur voyage d'études",
                "le Premier ministre a inspecté les fortifications frontalières {w_in_region} {w_date}",
                "la visite du commandant des forces terrestres alliées à l'unité {unit} est prévue le {w_dateline}",
            ),
            "de": (
                "die Verteidigungsministerin besuchte {w_date} unser Kontingent {w_in_country} und dankte den Soldaten für ihren Dienst",
                "der Generalinspekteur reist {w_date_future} nach {w_city}, um die Kommandeure der multinationalen Brigade zu treffen",
                "eine Abgeordnetendelegation besuchte die Einheit {unit} ({w_at_base}) und ließ sich über den Einsatz unterrichten",
                "der Bundespräsident verbrachte Weihnachten bei den {w_in_country} eingesetzten Soldaten",
                "zum Besuch der verbündeten Verteidigungsminister in {w_city} gehörte eine Besichtigung des neuen Ausbildungszentrums",
                "{w_officer} empfing das Staatsoberhaupt {w_at_base} mit militärischen Ehren",
                "bei ihrem Besuch {w_in_country} kündigte die Ministerin zusätzliche Mittel für die Ausbildungsmission an",
                "eine Gruppe von Journalisten begleitet die Ministerin {w_date_future} auf ihrer Reise nach {w_city}",
                "der Inspekteur des Heeres traf die Kommunalpolitik in {w_city}, um den geplanten Ausbau des Standorts zu besprechen",
                "Lehrgangsteilnehmer der Führungsakademie besuchten im Rahmen ihrer Studienreise den Stützpunkt {w_base}",
                "der Regierungschef besichtigte {w_date} die Grenzbefestigungen {w_in_region}",
                "der Besuch des Befehlshabers der verbündeten Landstreitkräfte bei der Einheit {unit} ist für den {w_dateline} geplant",
            ),
        },
    ),
    Situation(
        "os_weather_forecast",
        "routine",
        "ROUTINE",
        ("forecast",),
        {
            "en": (
                "{w_met_body} has issued {w_wx_level} for strong winds {w_in_region} {w_date_future}, with gusts up to {w_wind}",
                "snowfall of {w_snow} is expected over the high ground {w_near_city} from tonight; roads may be slippery",
                "forecast for the coming days: dry and cold, night temperatures down to {w_temp}, light winds",
                "{w_wx_level} for heat is in force {w_in_region}; maximum temperatures of {w_heat} are expected until the weekend",
                "fog will limit visibility to under 200 m in the valleys {w_near_city} during the morning hours",
                "thunderstorms with heavy rain and hail are likely {w_in_region} this afternoon",
                "{w_met_body}: a storm front is expected to reach {w_city} tomorrow; visibility will drop sharply",
                "sea state {w_in_sea} will rise to 5 metres with the passing storm; small craft should stay in port",
                "the outlook for next week is unsettled, with rain on most days and temperatures close to the seasonal average",
                "frost and black ice are forecast on roads {w_in_region} overnight",
                "the weather warning for {w_city} has been downgraded; winds are easing",
                "period of extreme cold expected {w_date_future}: minimum temperatures around {w_temp} {w_near_city}",
            ),
            "fr": (
                "{w_met_body} a émis {w_wx_level} vents violents {w_in_region} {w_date_future}, avec des rafales jusqu'à {w_wind}",
                "des chutes de neige de {w_snow} sont attendues sur les hauteurs {w_near_city} à partir de ce soir ; routes glissantes possibles",
                "prévisions pour les prochains jours : temps sec et froid, minimales jusqu'à {w_temp}, vent faible",
                "{w_wx_level} canicule est en vigueur {w_in_region} ; des maximales de {w_heat} sont attendues jusqu'au week-end",
                "le brouillard limitera la visibilité à moins de 200 m dans les vallées {w_near_city} en matinée",
                "des orages avec fortes pluies et grêle sont probables {w_in_region} cet après-midi",
                "{w_met_body} : un front orageux devrait atteindre {w_city} demain ; la visibilité chutera fortement",
                "l'état de la mer {w_in_sea} montera à 5 mètres au passage de la tempête ; les petites embarcations doivent rester au port",
                "tendance pour la semaine prochaine : temps instable, pluie la plupart des jours, températures proches des normales",
                "gel et verglas sont prévus sur les routes {w_in_region} cette nuit",
                "la vigilance météo pour {w_city} a été abaissée ; le vent faiblit",
                "épisode de grand froid attendu {w_date_future} : minimales autour de {w_temp} {w_near_city}",
            ),
            "de": (
                "{w_met_body} hat {w_wx_level} vor Sturmböen {w_in_region} herausgegeben, gültig {w_date_future}, Böen bis {w_wind}",
                "ab heute Abend werden im Bergland {w_near_city} {w_snow} Neuschnee erwartet; Straßen können glatt sein",
                "Vorhersage für die kommenden Tage: trocken und kalt, nachts bis {w_temp}, schwacher Wind",
                "{w_in_region} gilt eine Hitzewarnung; bis zum Wochenende werden Höchstwerte von {w_heat} erwartet",
                "Nebel begrenzt in den Tälern {w_near_city} am Vormittag die Sicht auf unter 200 m",
                "am Nachmittag sind {w_in_region} Gewitter mit Starkregen und Hagel wahrscheinlich",
                "{w_met_body}: eine Sturmfront soll morgen {w_city} erreichen; die Sicht wird stark zurückgehen",
                "der Seegang {w_in_sea} steigt mit dem Sturm auf 5 Meter; kleine Boote sollen im Hafen bleiben",
                "Aussichten für die nächste Woche: wechselhaft, an den meisten Tagen Regen, Temperaturen um den jahreszeitlichen Durchschnitt",
                "in der Nacht wird {w_in_region} Frost und Glätte auf den Straßen erwartet",
                "die Wetterwarnung für {w_city} wurde herabgestuft; der Wind lässt nach",
                "strenger Frost erwartet {w_date_future}: Tiefstwerte um {w_temp} {w_near_city}",
            ),
        },
    ),
    Situation(
        "os_wire_anniversary",
        "routine",
        "ROUTINE",
        ("anniversary",),
        {
            "en": (
                "{w_city} marked the {w_anniv} anniversary of the {w_year} bombing of its railway station with a silent march {w_date}",
                "survivors of the siege of {w_city} gathered {w_date} to remember the victims, {w_years} after the town was shelled for months",
                "on the {w_anniv} anniversary of the strike on the theatre in {w_city}, the names of the dead were read aloud",
                "church bells rang across {w_city} at the hour the chemical attack took place in {w_year}",
                "the anniversary of the massacre {w_near_city} was commemorated by relatives and the foreign diplomatic corps",
                "{w_years} after the airliner was shot down over the {w_region} region, families renewed their call for justice",
                "a documentary marking the {w_anniv} anniversary of the siege premiered in {w_city} {w_date}",
                "schools in {w_city} held a minute's silence to mark the day the market was bombed in {w_year}",
                "on the anniversary of the invasion, the capital's main square filled with candles and flags",
                "veterans and historians met in {w_city} for a conference on the {w_year} battle",
                "the town of {w_city} unveiled a memorial to the {w_num} civilians killed by the car bomb of {w_year}",
                "the anniversary of the ferry sinking {w_in_sea} passed quietly, with a wreath laid at sea",
            ),
            "fr": (
                "{w_city} a marqué par une marche silencieuse {w_date} le {w_anniv} anniversaire de l'attentat de {w_year} contre sa gare",
                "des survivants du siège {w_de_city} se sont réunis {w_date} en mémoire des victimes, {w_years} après des mois de bombardements",
                "pour le {w_anniv} anniversaire de la frappe sur le théâtre {w_de_city}, les noms des morts ont été lus à voix haute",
                "les cloches ont sonné dans tout {w_city} à l'heure de l'attaque chimique de {w_year}",
                "l'anniversaire du massacre {w_near_city} a été commémoré par les proches des victimes et le corps diplomatique",
                "{w_years} après que l'avion de ligne a été abattu {w_in_region}, les familles réclament toujours justice",
                "un documentaire pour le {w_anniv} anniversaire du siège a été projeté en avant-première à {w_city} {w_date}",
                "les écoles {w_de_city} ont observé une minute de silence pour le jour où le marché avait été bombardé en {w_year}",
                "pour l'anniversaire de l'invasion, la place principale de la capitale s'est couverte de bougies et de drapeaux",
                "anciens combattants et historiens se sont réunis à {w_city} pour un colloque sur la bataille de {w_year}",
                "la ville {w_de_city} a inauguré un mémorial aux {w_num} civils tués par la voiture piégée de {w_year}",
                "l'anniversaire du naufrage du ferry {w_in_sea} est passé discrètement, avec une gerbe déposée en mer",
            ),
            "de": (
                "{w_city} beging {w_date} mit einem Schweigemarsch den {w_anniv} Jahrestag des Anschlags auf seinen Bahnhof im Jahr {w_year}",
                "Überlebende der Belagerung von {w_city} gedachten {w_date} der Opfer des monatelangen Beschusses vor {w_years}",
                "zum {w_anniv} Jahrestag des Raketenangriffs auf das Theater in {w_city} wurden die Namen der Toten verlesen",
                "in ganz {w_city} läuteten die Glocken zur Stunde des Chemieangriffs von {w_year}",
                "Angehörige und das diplomatische Korps gedachten des Massakers {w_near_city} am Jahrestag",
                "vor {w_years} wurde das Passagierflugzeug {w_in_region} abgeschossen; die Familien fordern weiter Gerechtigkeit",
                "eine Dokumentation zum {w_anniv} Jahrestag der Belagerung feierte {w_date} in {w_city} Premiere",
                "die Schulen in {w_city} legten eine Schweigeminute für den Tag ein, an dem der Markt {w_year} bombardiert wurde",
                "am Jahrestag der Invasion füllte sich der Hauptplatz der Hauptstadt mit Kerzen und Fahnen",
                "Veteranen und Historiker trafen sich in {w_city} zu einer Tagung über die Schlacht von {w_year}",
                "die Stadt {w_city} weihte ein Denkmal für die {w_num} Zivilisten ein, die {w_year} durch eine Autobombe starben",
                "der Jahrestag des Fährunglücks {w_in_sea} verging still, mit einem Kranz, der auf See niedergelegt wurde",
            ),
        },
    ),
    Situation(
        "os_press_museum",
        "routine",
        "ROUTINE",
        ("museum",),
        {
            "en": (
                "the military history museum in {w_city} has added {w_museum_eq} to its outdoor exhibition",
                "visitors to the open day {w_at_base} can climb into {w_museum_eq} restored by volunteers",
                "a restored {w_museum_eq} will be transported through {w_city} {w_date_future} on its way to the museum; expect traffic delays",
                "the exhibition 'Arsenal of the Cold War' opens {w_date_future} in {w_city}; its centrepiece is {w_museum_eq}",
                "{w_museum_eq} that stood at the barracks gate for decades has been moved to the regimental museum",
                "schoolchildren visited the armour museum {w_near_city} as part of a history project",
                "the museum is appealing for photographs of the air base {w_near_city} from the years when it housed nuclear-capable units",
                "a crane lifted {w_museum_eq} onto its new plinth in front of the museum in {w_city}",
                "the collection now includes the wreck of {w_museum_eq} recovered from the lake {w_near_city}",
                "guided tours of the former launch bunker {w_near_city} resume in spring",
                "an exhibition on the {w_year} war opened in {w_city}, featuring uniforms, letters and {w_museum_eq}",
                "the museum's night of military history {w_date_future} will include a demonstration of historic field kitchens",
            ),
            "fr": (
                "le musée d'histoire militaire {w_de_city} a ajouté {w_museum_eq} à son exposition en plein air",
                "les visiteurs de la journée portes ouvertes {w_at_base} pourront découvrir {w_museum_eq}, restauration réalisée par des bénévoles",
                "après restauration, {w_museum_eq} traversera {w_city} {w_date_future} pour rejoindre le musée ; perturbations de la circulation à prévoir",
                "l'exposition « Arsenaux de la guerre froide » ouvre {w_date_future} à {w_city} ; sa pièce maîtresse est {w_museum_eq}",
                "{w_museum_eq} qui trônait depuis des décennies à l'entrée de la caserne a rejoint le musée du régiment",
                "des écoliers ont visité le musée de l'arme blindée {w_near_city} dans le cadre d'un projet d'histoire",
                "le musée recherche des photos de la base aérienne {w_near_city} à l'époque où elle accueillait des unités à capacité nucléaire",
                "une grue a hissé {w_museum_eq} sur son nouveau socle devant le musée {w_de_city}",
                "la collection compte désormais l'épave {w_de_museum_eq}, repêchée dans le lac {w_near_city}",
                "les visites guidées de l'ancien bunker de tir {w_near_city} reprendront au printemps",
                "une exposition sur la guerre de {w_year} a ouvert à {w_city}, avec uniformes, lettres et {w_museum_eq}",
                "la nuit de l'histoire militaire du musée {w_date_future} proposera une démonstration de cuisines de campagne anciennes",
            ),
            "de": (
                "das Militärhistorische Museum in {w_city} hat seine Freiluftausstellung um {w_museum_eq} erweitert",
                "beim Tag der offenen Tür {w_at_base} können Besucher {w_museum_eq} besichtigen, von Ehrenamtlichen restauriert",
                "nach der Restaurierung wird {w_museum_eq} {w_date_future} durch {w_city} zum Museum gebracht; mit Verkehrsbehinderungen ist zu rechnen",
                "die Ausstellung „Arsenale des Kalten Krieges“ öffnet {w_date_future} in {w_city}; Herzstück ist {w_museum_eq}",
                "{w_museum_eq} stand jahrzehntelang am Kasernentor und ist nun ins Regimentsmuseum umgezogen",
                "Schüler besuchten im Rahmen eines Geschichtsprojekts das Panzermuseum {w_near_city}",
                "das Museum sucht Fotos vom Fliegerhorst {w_near_city} aus der Zeit, als dort nuklearfähige Einheiten stationiert waren",
                "ein Kran hob {w_museum_eq} auf den neuen Sockel vor dem Museum in {w_city}",
                "zur Sammlung gehört nun auch {w_museum_eq}, als Wrack aus dem See {w_near_city} geborgen",
                "die Führungen durch den ehemaligen Raketenbunker {w_near_city} beginnen im Frühjahr wieder",
                "in {w_city} wurde eine Ausstellung über den Krieg von {w_year} eröffnet, mit Uniformen, Briefen und {w_museum_eq}",
                "die Nacht der Militärgeschichte im Museum {w_date_future} bietet eine Vorführung historischer Feldküchen",
            ),
        },
    ),
    Situation(
        "os_field_nstr",
        "routine",
        "ROUTINE",
        ("nothing_significant",),
        {
            "en": (
                "patrol {w_near_city} complete, NSTR, all call signs back in camp",
                "OP {w_near_city} quiet overnight, only local traffic on the border road",
                "night at the FOB {w_near_city} without incident, generator test done as scheduled",
                "convoy from {w_city} arrived on time, no incidents on the route",
                "border patrol {w_in_region} completed, fence intact, nothing observed",
                "market day in {w_city} passed calmly, CIMIC team held routine meeting with the mayor",
                "maritime patrol {w_in_sea} completed, only merchant traffic observed",
                "planned radio check with the liaison team in {w_city} loud and clear",
                "range day {w_near_city} completed, all weapons accounted for",
                "weekly key leader engagement in {w_city} held, no concerns raised",
                "handover to the incoming rotation at the camp {w_near_city} complete",
                "quiet day {w_at_base}, only admin movements and resupply as planned",
            ),
            "fr": (
                "patrouille {w_near_city} terminée, RAS, tous les indicatifs rentrés au camp",
                "PO {w_near_city} calme dans la nuit, seulement du trafic local sur la route frontalière",
                "nuit sans incident à la base avancée {w_near_city}, essai du groupe électrogène effectué comme prévu",
                "convoi parti {w_de_city} arrivé à l'heure, aucun incident sur l'itinéraire",
                "patrouille frontalière {w_in_region} terminée, clôture intacte, rien observé",
                "jour de marché à {w_city} sans incident, l'équipe CIMIC a tenu sa réunion de routine avec le maire",
                "patrouille maritime {w_in_sea} terminée, uniquement du trafic marchand",
                "essai radio programmé avec l'équipe de liaison {w_de_city} bien reçu",
                "séance de tir {w_near_city} terminée, armement au complet",
                "rencontre hebdomadaire avec les autorités {w_de_city} tenue, aucune préoccupation exprimée",
                "relève par la rotation entrante au camp {w_near_city} terminée",
                "journée calme {w_at_base}, seulement mouvements administratifs et ravitaillement prévu",
            ),
            "de": (
                "Patrouille {w_near_city} beendet, KBV, alle Rufnamen zurück im Lager",
                "Beobachtungsposten {w_near_city} in der Nacht ruhig, nur örtlicher Verkehr auf der Grenzstraße",
                "Nacht im Feldlager {w_near_city} ohne Vorkommnisse, Aggregatetest planmäßig durchgeführt",
                "Konvoi aus {w_city} pünktlich eingetroffen, keine Vorkommnisse auf der Strecke",
                "Grenzpatrouille {w_in_region} beendet, Zaun intakt, nichts beobachtet",
                "Markttag in {w_city} ruhig verlaufen, CIMIC-Team hatte Routinetreffen mit dem Bürgermeister",
                "Seepatrouille {w_in_sea} beendet, nur Handelsverkehr beobachtet",
                "geplante Funkprobe mit dem Verbindungsteam in {w_city} laut und klar",
                "Schießtag {w_near_city} beendet, Waffen vollzählig",
                "wöchentliches Gespräch mit den Entscheidungsträgern in {w_city} geführt, keine Anliegen",
                "Übergabe an die neue Rotation im Lager {w_near_city} abgeschlossen",
                "ruhiger Tag {w_at_base}, nur Verwaltungsbewegungen und planmäßige Versorgung",
            ),
        },
    ),
)

REGISTER_SITUATIONS: tuple[Situation, ...] = _EM + _AT + _AIR + _CBRN + _LOG + _CYBER + _CIV + _RT + _extra.SITUATIONS
_CATEGORY_OF: dict[str, str] = {s.key: s.category for s in REGISTER_SITUATIONS}

# ============================================================================================ frames
# Each frame carries {event} or {Event}; <<...>> is optional (corpus.py keeps it with probability 0.5).
REGISTER_FRAMES: dict[str, dict[Lang, tuple[str, ...]]] = {
    "wire": {
        "en": (
            "{w_DL}, {w_dateline} ({w_wire}) - {Event}.<< {w_bg}.>>",
            "{w_DL} ({w_wire}) - {Event}, officials said.<< {w_bg}.>>",
            "{w_DL}, {w_dateline} - {Event}. {w_bg}.<<\n\nReporting by the {w_wire} desk; editing by the night team>>",
            "URGENT: {Event}\n\n{w_DL}, {w_dateline} ({w_wire}) - More to follow.",
            "{w_wire} | {w_dateline}\n{Event}. {w_Official2} confirmed the information<< {w_date}>>.",
            "{w_DL}, {w_dateline} ({w_wire}) - {Event}, according to {w_official2}. {w_bg}.",
            "BACKGROUND / {w_DL}: {Event}.",
            "{Event} ({w_wire}, {w_dateline}).<< {w_bg}.>>",
            "UPDATE 2-{w_DL}, {w_dateline} ({w_wire}) - {Event}.<< Adds detail in paragraph 3.>>",
        ),
        "fr": (
            "{w_DL}, {w_dateline} ({w_wire}) - {Event}.<< {w_bg}.>>",
            "{w_DL} ({w_wire}) - {Event}, selon des responsables.<< {w_bg}.>>",
            "{w_DL}, {w_dateline} - {Event}. {w_bg}.<<\n\nAvec le service étranger {w_de_wire}>>",
            "URGENT : {Event}\n\n{w_DL}, {w_dateline} ({w_wire}) - Suite à venir.",
            "{w_wire} | {w_dateline}\n{Event}. {w_Official2} a confirmé l'information<< {w_date}>>.",
            "{w_DL}, {w_dateline} ({w_wire}) - {Event}, selon {w_official2}. {w_bg}.",
            "CONTEXTE / {w_DL} : {Event}.",
            "{Event} ({w_wire}, {w_dateline}).<< {w_bg}.>>",
            "MISE À JOUR - {w_DL}, {w_dateline} ({w_wire}) - {Event}.<< Ajoute des précisions.>>",
        ),
        "de": (
            "{w_DL}, {w_dateline} ({w_wire}) - {Event}.<< {w_bg}.>>",
            "{w_DL} ({w_wire}) - {Event}, hieß es von offizieller Seite.<< {w_bg}.>>",
            "{w_DL}, {w_dateline} - {Event}. {w_bg}.<<\n\nMit Material der Agentur {w_wire}>>",
            "EIL: {Event}\n\n{w_DL}, {w_dateline} ({w_wire}) - Weitere Einzelheiten folgen.",
            "{w_wire} | {w_dateline}\n{Event}. {w_Official2} bestätigte die Angaben<< {w_date}>>.",
            "{w_DL}, {w_dateline} ({w_wire}) - {Event}, sagte {w_official2}. {w_bg}.",
            "HINTERGRUND / {w_DL}: {Event}.",
            "{Event} ({w_wire}, {w_dateline}).<< {w_bg}.>>",
            "AKTUALISIERUNG - {w_DL}, {w_dateline} ({w_wire}) - {Event}.<< Ergänzt um Einzelheiten.>>",
        ),
    },
    "statement": {
        "en": (
            "{w_mod_h} - PRESS RELEASE\n{w_dateline}\n\n{Event}.<< {w_stmt_filler}.>>",
            "Operational update as of 08:00, {w_dateline}:\n1. {Event}.\n2. {w_stmt_filler}.",
            "Statement by the ministry's spokesperson: '{Event}.'",
            "Key points:\n- {Event}\n- {w_stmt_filler}",
            "(Unofficial translation) {w_Mod2} reports: {event}.",
            "{w_mod_h}\nDaily update\n{Event}.<< {w_stmt_filler}.>>",
            "According to {w_mod2}, {event}.",
            "COMMUNIQUÉ No. {w_docno}\n{Event}. {w_stmt_filler}.",
            "The spokesman told the daily briefing: \"{Event}. As I said yesterday, 'we will not comment on our own losses.'\"",
        ),
        "fr": (
            "{w_mod_h} - COMMUNIQUÉ DE PRESSE\n{w_dateline}\n\n{Event}.<< {w_stmt_filler}.>>",
            "Point de situation à 8 heures, {w_dateline} :\n1. {Event}.\n2. {w_stmt_filler}.",
            "Déclaration du porte-parole : « {Event}. »",
            "Points clés :\n- {Event}\n- {w_stmt_filler}",
            "(Traduction non officielle) Selon {w_mod2}, {event}.",
            "{w_mod_h}\nPoint quotidien\n{Event}.<< {w_stmt_filler}.>>",
            "Selon {w_mod2}, {event}.",
            "COMMUNIQUÉ N° {w_docno}\n{Event}. {w_stmt_filler}.",
            'Le porte-parole a déclaré lors du point presse : « {Event}. Comme je l\'ai dit hier, "nous ne commentons pas nos propres pertes". »',
        ),
        "de": (
            "{w_mod_h} - PRESSEMITTEILUNG\n{w_dateline}\n\n{Event}.<< {w_stmt_filler}.>>",
            "Lageinformation, Stand 08:00 Uhr, {w_dateline}:\n1. {Event}.\n2. {w_stmt_filler}.",
            "Erklärung des Sprechers: „{Event}.“",
            "Die wichtigsten Punkte:\n- {Event}\n- {w_stmt_filler}",
            "(Nichtamtliche Übersetzung) {w_Mod2} teilt mit: {event}.",
            "{w_mod_h}\nTägliche Lageinformation\n{Event}.<< {w_stmt_filler}.>>",
            "Wie {w_mod2} mitteilte, gilt: {event}.",
            "MITTEILUNG Nr. {w_docno}\n{Event}. {w_stmt_filler}.",
            "Der Sprecher sagte in der Pressekonferenz: „{Event}. Wie gestern gesagt: ‚Zu eigenen Verlusten äußern wir uns nicht.‘“",
        ),
    },
    "finding": {
        "en": (
            "REPORT OF THE FACT-FINDING MISSION\nSummary of findings\n{Event}.",
            "{w_Cw_body} - Note by the Technical Secretariat\n{w_dateline}\n\n1. {Event}.\n2. The mission's conclusions are based on interviews, samples and open-source material.",
            "Findings (extract): {event}.",
            "Conclusion: {Event}. The report was transmitted to the member states.",
            "{w_Nuc_body} - Update {w_docno}\n{Event}.",
            "Investigation report, section 4 'Analysis': {Event}.",
            "Executive summary\n- {Event}\n- Confidence level: high",
            'The investigators state: "{Event}."',
        ),
        "fr": (
            "RAPPORT DE LA MISSION D'ÉTABLISSEMENT DES FAITS\nRésumé des conclusions\n{Event}.",
            "Note du secrétariat technique - {w_dateline}\n\n1. {Event}.\n2. Les conclusions reposent sur des entretiens, des prélèvements et des sources ouvertes.",
            "Conclusions (extrait) : {event}.",
            "Conclusion : {Event}. Le rapport a été transmis aux États membres.",
            "Point n° {w_docno} de l'agence\n{Event}.",
            "Rapport d'enquête, section 4 « Analyse » : {Event}.",
            "Résumé\n- {Event}\n- Niveau de confiance : élevé",
            "Les enquêteurs écrivent : « {Event}. »",
        ),
        "de": (
            "BERICHT DER UNTERSUCHUNGSMISSION\nZusammenfassung der Ergebnisse\n{Event}.",
            "Vermerk des Technischen Sekretariats - {w_dateline}\n\n1. {Event}.\n2. Die Schlussfolgerungen beruhen auf Befragungen, Proben und offenen Quellen.",
            "Ergebnisse (Auszug): {event}.",
            "Schlussfolgerung: {Event}. Der Bericht wurde den Mitgliedstaaten übermittelt.",
            "Lagebericht Nr. {w_docno} der Behörde\n{Event}.",
            "Untersuchungsbericht, Abschnitt 4 „Analyse“: {Event}.",
            "Kurzfassung\n- {Event}\n- Vertrauensgrad: hoch",
            "Die Ermittler halten fest: „{Event}.“",
        ),
    },
    "advisory": {
        "en": (
            "{w_tlp}\n{w_cert_h} - SECURITY ADVISORY\n\nSummary: {Event}.\nRecommendation: {w_adv_filler}.",
            "ALERT | {w_dateline}\n{Event}.\n\nActions:\n1. {w_adv_filler}.\n2. {w_adv_filler2}.",
            "{w_tlp} - Threat bulletin: {event}.",
            "({w_tlp}) {Event}. {w_adv_filler}.",
            "Advisory relayed by {cert}: {Event}.<< {w_adv_filler}.>>",
            "{w_cert_h}\nStatus: update\n{Event}.",
            "Subject: security notice of {w_dateline}\n\nDear partners,\n{Event}. {w_adv_filler}.\n\nKind regards, the duty team",
            "{w_tlp}\nKey findings\n- {Event}\n- {w_adv_filler}",
        ),
        "fr": (
            "{w_tlp}\n{w_cert_h} - AVIS DE SÉCURITÉ\n\nRésumé : {Event}.\nRecommandation : {w_adv_filler}.",
            "ALERTE | {w_dateline}\n{Event}.\n\nActions :\n1. {w_adv_filler}.\n2. {w_adv_filler2}.",
            "{w_tlp} - Bulletin de menace : {event}.",
            "({w_tlp}) {Event}. {w_adv_filler}.",
            "Avis relayé par {cert} : {Event}.<< {w_adv_filler}.>>",
            "{w_cert_h}\nStatut : mise à jour\n{Event}.",
            "Objet : avis de sécurité du {w_dateline}\n\nChers partenaires,\n{Event}. {w_adv_filler}.\n\nCordialement, l'équipe de permanence",
            "{w_tlp}\nPoints clés\n- {Event}\n- {w_adv_filler}",
        ),
        "de": (
            "{w_tlp}\n{w_cert_h} - SICHERHEITSHINWEIS\n\nZusammenfassung: {Event}.\nEmpfehlung: {w_adv_filler}.",
            "WARNUNG | {w_dateline}\n{Event}.\n\nMaßnahmen:\n1. {w_adv_filler}.\n2. {w_adv_filler2}.",
            "{w_tlp} - Bedrohungsbulletin: {event}.",
            "({w_tlp}) {Event}. {w_adv_filler}.",
            "Warnung weitergeleitet von {cert}: {Event}.<< {w_adv_filler}.>>",
            "{w_cert_h}\nStatus: Aktualisierung\n{Event}.",
            "Betreff: Sicherheitshinweis vom {w_dateline}\n\nLiebe Partner,\n{Event}. {w_adv_filler}.\n\nMit freundlichen Grüßen, das Lageteam",
            "{w_tlp}\nWichtigste Erkenntnisse\n- {Event}\n- {w_adv_filler}",
        ),
    },
    "notam": {
        lang: (
            "{w_notam_id} NOTAMN\nQ) {w_fir_code}/QRTCA/IV/BO/W/000/660/{w_coord}\nA) {w_fir_code} B) {w_notam_from} C) {w_notam_to}\nE) {Event}",
            "{w_notam_id} NOTAMR\nA) {w_fir_code}\nB) {w_notam_from}\nC) {w_notam_to} EST\nE) {Event}\nF) SFC G) UNL",
            "({w_notam_id} NOTAMN A) {w_fir_code} B) {w_notam_from} C) PERM E) {Event})",
            "{w_notam_id}\nA) {w_fir_code} B) {w_notam_from} C) {w_notam_to}\nD) DAILY {w_utc}-{w_utc2}\nE) {Event}",
            "AIRSPACE NOTICE {w_docno}/{w_notam_id}\n{Event}.\nValid {w_notam_from} - {w_notam_to}",
            {
                "en": "Aviation safety information bulletin\nSubject: {event}\nApplicability: until further notice\n{Event}.",
                "fr": "Bulletin d'information sur la sécurité aérienne\nObjet : {event}\nApplicabilité : jusqu'à nouvel ordre\n{Event}.",
                "de": "Sicherheitsinformation für die Luftfahrt\nBetreff: {event}\nGültigkeit: bis auf Weiteres\n{Event}.",
            }[lang],
            {
                "en": "Notice to airmen (plain language): {Event}. Validity {w_notam_from} to {w_notam_to}.",
                "fr": "Avis aux navigants (texte clair) : {Event}. Validité du {w_notam_from} au {w_notam_to}.",
                "de": "Nachricht für Luftfahrer (Klartext): {Event}. Gültig von {w_notam_from} bis {w_notam_to}.",
            }[lang],
            {
                "en": "NAV WARNING {w_docno}/{w_notam_id}\n{Event}\nCANCEL THIS MSG {w_notam_to}",
                "fr": "AVERTISSEMENT DE NAVIGATION {w_docno}/{w_notam_id}\n{Event}\nANNULER CE MESSAGE {w_notam_to}",
                "de": "NAVIGATIONSWARNUNG {w_docno}/{w_notam_id}\n{Event}\nDIESE MELDUNG ANNULLIEREN {w_notam_to}",
            }[lang],
        )
        for lang in LANGS
    },
    "humanitarian": {
        "en": (
            "{w_un_h} - SITUATION UPDATE No. {w_docno}\n{w_dateline}\n\nHighlights\n- {Event}\n- {w_hum_filler}",
            "Flash update: {Event}.<< {w_hum_filler}.>>",
            "Humanitarian situation report, reporting period ending {w_dateline}\n1. {Event}.\n2. {w_hum_filler}.",
            "{w_Un_body2} reports that {event}.",
            "Key figures and developments:\n{Event}. {w_hum_filler}.",
            "From the field ({w_un_h}): {Event}.",
            "Partners' update, {w_dateline}: {event}.<< {w_hum_filler}.>>",
            "Situation overview\n{Event}.\n\nResponse\n{w_hum_filler}.",
        ),
        "fr": (
            "{w_un_h} - POINT DE SITUATION N° {w_docno}\n{w_dateline}\n\nFaits saillants\n- {Event}\n- {w_hum_filler}",
            "Mise à jour flash : {Event}.<< {w_hum_filler}.>>",
            "Rapport de situation humanitaire, période se terminant le {w_dateline}\n1. {Event}.\n2. {w_hum_filler}.",
            "Selon {w_un_body2}, {event}.",
            "Chiffres clés et évolutions :\n{Event}. {w_hum_filler}.",
            "Du terrain ({w_un_h}) : {Event}.",
            "Point des partenaires, {w_dateline} : {event}.<< {w_hum_filler}.>>",
            "Aperçu de la situation\n{Event}.\n\nRéponse\n{w_hum_filler}.",
        ),
        "de": (
            "{w_un_h} - LAGEBERICHT Nr. {w_docno}\n{w_dateline}\n\nDas Wichtigste\n- {Event}\n- {w_hum_filler}",
            "Kurzmeldung: {Event}.<< {w_hum_filler}.>>",
            "Humanitärer Lagebericht, Berichtszeitraum bis {w_dateline}\n1. {Event}.\n2. {w_hum_filler}.",
            "{w_Un_body2} berichtet: {event}.",
            "Kennzahlen und Entwicklungen:\n{Event}. {w_hum_filler}.",
            "Aus dem Einsatzgebiet ({w_un_h}): {Event}.",
            "Partner-Update, {w_dateline}: {event}.<< {w_hum_filler}.>>",
            "Lageüberblick\n{Event}.\n\nHilfe\n{w_hum_filler}.",
        ),
    },
    "press_release": {
        "en": (
            "{w_army_h}\nPRESS RELEASE - {w_dateline}\n\n{Event}.<<\n\nMedia enquiries: press office, 24/7>>",
            "{w_mod_h} - NEWS\n{Event}.",
            "{w_DL}, {w_dateline} - {Event}.<< Photos are available on request.>>",
            "For immediate release\n{Event}.\n###",
            "News from the garrison: {event}.",
            "Press information No. {w_docno}: {Event}.",
            "{w_army_h}\nSubject: information for the media\n{Event}.",
            "Media advisory - {w_dateline}\n{Event}. Accreditation closes two days before.",
        ),
        "fr": (
            "{w_army_h}\nCOMMUNIQUÉ DE PRESSE - {w_dateline}\n\n{Event}.<<\n\nContact presse : bureau de presse, 24 h/24>>",
            "{w_mod_h} - ACTUALITÉS\n{Event}.",
            "{w_DL}, {w_dateline} - {Event}.<< Photos disponibles sur demande.>>",
            "Pour diffusion immédiate\n{Event}.\n###",
            "Nouvelles de la garnison : {event}.",
            "Information presse n° {w_docno} : {Event}.",
            "{w_army_h}\nObjet : information presse\n{Event}.",
            "Avis aux médias - {w_dateline}\n{Event}. Accréditations closes deux jours avant.",
        ),
        "de": (
            "{w_army_h}\nPRESSEMITTEILUNG - {w_dateline}\n\n{Event}.<<\n\nPresseanfragen: Pressestelle, rund um die Uhr>>",
            "{w_mod_h} - AKTUELLES\n{Event}.",
            "{w_DL}, {w_dateline} - {Event}.<< Fotos auf Anfrage.>>",
            "Zur sofortigen Veröffentlichung\n{Event}.\n###",
            "Neues aus dem Standort: {event}.",
            "Presseinformation Nr. {w_docno}: {Event}.",
            "{w_army_h}\nBetreff: Information für die Medien\n{Event}.",
            "Medienhinweis - {w_dateline}\n{Event}. Akkreditierung bis zwei Tage vorher.",
        ),
    },
    "weather": {
        "en": (
            "WEATHER WARNING\nIssued by {w_met_body}, {w_dateline}\n{Event}.",
            "Forecast: {event}.",
            "{w_Met_body2} - {Event}.<< Next update at 18:00.>>",
            "METOC brief {w_dateline}: {Event}.",
            "Severe weather bulletin No. {w_docno}\n{Event}.\nImpact: possible disruption to travel.",
            "Weather outlook\n- {Event}\n- Further details on the service's website",
            "Met update for planners: {event}.",
            "WX: {Event}.",
        ),
        "fr": (
            "AVERTISSEMENT MÉTÉO\nÉmis par {w_met_body}, {w_dateline}\n{Event}.",
            "Prévisions : {event}.",
            "{w_Met_body2} - {Event}.<< Prochaine mise à jour à 18 heures.>>",
            "Point météo {w_dateline} : {Event}.",
            "Bulletin d'intempéries n° {w_docno}\n{Event}.\nConséquences : perturbations possibles des déplacements.",
            "Tendance météo\n- {Event}\n- Plus de détails sur le site du service",
            "Point météo pour les planificateurs : {event}.",
            "MÉTÉO : {Event}.",
        ),
        "de": (
            "WETTERWARNUNG\nHerausgeber: {w_met_body}, {w_dateline}\n{Event}.",
            "Vorhersage: {event}.",
            "{w_Met_body2} - {Event}.<< Nächste Aktualisierung um 18 Uhr.>>",
            "Wetterberatung {w_dateline}: {Event}.",
            "Unwetterbericht Nr. {w_docno}\n{Event}.\nAuswirkungen: Behinderungen im Verkehr möglich.",
            "Wetteraussichten\n- {Event}\n- Weitere Einzelheiten auf der Seite des Dienstes",
            "Wetterinfo für die Planung: {event}.",
            "WETTER: {Event}.",
        ),
    },
    "analysis": {
        "en": (
            "ANALYSIS - {Event}.<< The views expressed are the author's own.>>",
            "{w_Think} - Commentary\n{Event}.",
            "Background note ({w_dateline}): {event}.",
            "Assessment\n1. {Event}.\n2. We assess with moderate confidence that the trend will continue.",
            "Why it matters: {event}.",
            "From our archive: {Event}.",
            "Key judgements\n- {Event}\n- Information gaps remain.",
            "Reading list annotation: {Event}.",
        ),
        "fr": (
            "ANALYSE - {Event}.<< Les opinions exprimées n'engagent que l'auteur.>>",
            "{w_Think} - Commentaire\n{Event}.",
            "Note de contexte ({w_dateline}) : {event}.",
            "Évaluation\n1. {Event}.\n2. Nous estimons avec une confiance modérée que la tendance se poursuivra.",
            "Pourquoi c'est important : {event}.",
            "Dans nos archives : {Event}.",
            "Principaux jugements\n- {Event}\n- Des lacunes d'information subsistent.",
            "Fiche de lecture : {Event}.",
        ),
        "de": (
            "ANALYSE - {Event}.<< Der Beitrag gibt die Meinung des Autors wieder.>>",
            "{w_Think} - Kommentar\n{Event}.",
            "Hintergrundvermerk ({w_dateline}): {event}.",
            "Bewertung\n1. {Event}.\n2. Wir gehen mit mittlerer Sicherheit davon aus, dass sich der Trend fortsetzt.",
            "Warum das wichtig ist: {event}.",
            "Aus dem Archiv: {Event}.",
            "Kernaussagen\n- {Event}\n- Es bestehen Informationslücken.",
            "Leseempfehlung: {Event}.",
        ),
    },
    "social": {
        "en": (
            "{w_tag}\n{Event}",
            '{w_tag} Post by {w_channel2}: "{Event}"',
            "OSINT relay {w_dateline}: {w_channel2} writes: {event}. {w_tag}",
            "{w_tag}\nTranslated post: '{Event}'",
            "{Event} {w_tag}",
            "Monitoring team: {event}. Source: {w_channel2}. Reliability F6.",
            "{w_tag} {w_channel2} (reposted {w_num9} times): {Event}!!",
            "Relay from social media, not confirmed - {Event}.",
        ),
        "fr": (
            "{w_tag}\n{Event}",
            "{w_tag} Publication {w_de_channel2} : « {Event} »",
            "Relais OSINT {w_dateline} : {w_channel2} écrit : {event}. {w_tag}",
            "{w_tag}\nMessage traduit : « {Event} »",
            "{Event} {w_tag}",
            "Équipe de veille : {event}. Source : {w_channel2}. Fiabilité F6.",
            "{w_tag} {w_channel2} (partagé {w_num9} fois) : {Event} !!",
            "Relayé depuis les réseaux sociaux, non confirmé - {Event}.",
        ),
        "de": (
            "{w_tag}\n{Event}",
            "{w_tag} Beitrag, Quelle: {w_channel2}: „{Event}“",
            "OSINT-Weiterleitung {w_dateline}: {w_channel2} schreibt: {event}. {w_tag}",
            "{w_tag}\nÜbersetzter Beitrag: „{Event}“",
            "{Event} {w_tag}",
            "Monitoring-Team: {event}. Quelle: {w_channel2}. Zuverlässigkeit F6.",
            "{w_tag} {w_channel2} ({w_num9}-mal geteilt): {Event}!!",
            "Weitergeleitet aus sozialen Medien, unbestätigt - {Event}.",
        ),
    },
    "field_abroad": {
        "en": (
            "{w_mission} // {from} // {when}\n{Event}.<< {Addon}.>>",
            "<<{header}\n>>{w_mission} - {who}: {event}.<< {addon}>>",
            "{when} {w_MISSION} {Event}.",
            "SITREP {w_mission} {when}\n1. {Event}.\n2. {addon}.",
            "{who} ({w_mission}) reports {event}<< at {time}>>.<< {Addon}.>>",
            "{w_mission} INCREP\nWHEN: {when}\nWHAT: {Event}\nACTION: {addon}",
            "{Event}. {w_mission}, {when}.<< {close}>>",
            "FROM {unit} ({w_mission}) TO JOC: {event}. {close}",
            "<<{header} - >>{Event} - {who} - {when}",
        ),
        "fr": (
            "{w_mission} // {from} // {when}\n{Event}.<< {Addon}.>>",
            "<<{header}\n>>{w_mission} - {who} : {event}.<< {addon}>>",
            "{when} {w_MISSION} {Event}.",
            "CR DE SITUATION {w_mission} {when}\n1. {Event}.\n2. {addon}.",
            "{who} ({w_mission}) rend compte : {event}<< à {time}>>.<< {Addon}.>>",
            "{w_mission} CR INCIDENT\nQUAND : {when}\nQUOI : {Event}\nMESURES : {addon}",
            "{Event}. {w_mission}, {when}.<< {close}>>",
            "DE {unit} ({w_mission}) À CPCO : {event}. {close}",
            "<<{header} - >>{Event} - {who} - {when}",
        ),
        "de": (
            "{w_mission} // {from} // {when}\n{Event}.<< {Addon}.>>",
            "<<{header}\n>>{w_mission} - {who}: {event}.<< {addon}>>",
            "{when} {w_MISSION} {Event}.",
            "LAGEMELDUNG {w_mission} {when}\n1. {Event}.\n2. {addon}.",
            "{who} ({w_mission}) meldet: {event}<< um {time}>>.<< {Addon}.>>",
            "{w_mission} VORFALLMELDUNG\nWANN: {when}\nWAS: {Event}\nMASSNAHMEN: {addon}",
            "{Event}. {w_mission}, {when}.<< {close}>>",
            "VON {unit} ({w_mission}) AN EFK: {event}. {close}",
            "<<{header} - >>{Event} - {who} - {when}",
        ),
    },
}

# Every register whose frames suit a situation (the first is its home register).
SITUATION_REGISTERS: dict[str, tuple[str, ...]] = {
    "os_wire_buildup": ("wire", "statement", "analysis"),
    "os_statement_naval": ("statement", "wire"),
    "os_social_column": ("social",),
    "os_analysis_history_moves": ("analysis",),
    "os_field_advance": ("field_abroad",),
    "os_field_recce": ("field_abroad",),
    "os_wire_strike_account": ("wire", "statement"),
    "os_statement_overnight": ("statement", "wire"),
    "os_statement_ongoing": ("statement",),
    "os_wire_trial": ("wire",),
    "os_wire_shipping": ("wire",),
    "os_wire_base_attack": ("wire", "statement"),
    "os_field_base_attack": ("field_abroad",),
    "os_field_contact": ("field_abroad",),
    "os_social_live_strike": ("social",),
    "os_notam_closure": ("notam",),
    "os_notam_drone_restriction": ("notam", "press_release"),
    "os_statement_intercepts": ("statement", "wire"),
    "os_wire_airspace_violation": ("wire", "statement"),
    "os_social_air_alert": ("social",),
    "os_field_inbound": ("field_abroad",),
    "os_finding_chemical": ("finding", "wire"),
    "os_finding_nuclear": ("finding", "wire"),
    "os_wire_cbrn_allegation": ("wire", "statement"),
    "os_analysis_cbrn": ("analysis",),
    "os_field_cbrn_suspected": ("field_abroad",),
    "os_field_gas": ("field_abroad",),
    "os_statement_power": ("statement", "wire"),
    "os_weather_damage": ("weather", "wire"),
    "os_wire_infra": ("wire",),
    "os_field_route": ("field_abroad",),
    "os_advisory_vuln": ("advisory",),
    "os_advisory_campaign": ("advisory",),
    "os_advisory_own_network": ("advisory",),
    "os_notam_gnss": ("notam",),
    "os_wire_jamming": ("wire",),
    "os_field_jamming": ("field_abroad",),
    "os_hum_displacement": ("humanitarian", "wire"),
    "os_hum_periodic": ("humanitarian",),
    "os_hum_convoy": ("humanitarian", "wire"),
    "os_hum_casualties": ("humanitarian", "wire"),
    "os_wire_protest": ("wire",),
    "os_field_civ": ("field_abroad",),
    "os_press_ceremony": ("press_release", "wire"),
    "os_press_oath": ("press_release",),
    "os_press_command": ("press_release", "wire"),
    "os_press_exercise": ("press_release", "wire"),
    "os_press_recruitment": ("press_release",),
    "os_press_procurement": ("press_release", "wire"),
    "os_press_visit": ("press_release", "wire"),
    "os_weather_forecast": ("weather",),
    "os_wire_anniversary": ("wire", "press_release"),
    "os_press_museum": ("press_release",),
    "os_field_nstr": ("field_abroad",),
}

_EUROPE = ("ukraine", "baltics", "poland", "romania")
SITUATION_THEATRES: dict[str, tuple[str, ...]] = {
    "os_wire_buildup": _EUROPE,
    "os_statement_naval": ("ukraine", "baltics", "red_sea"),
    "os_social_column": ("ukraine", "baltics", "sahel", "iraq"),
    "os_analysis_history_moves": _EUROPE,
    "os_wire_strike_account": ("ukraine", "ukraine", "iraq", "red_sea"),
    "os_statement_overnight": ("ukraine",),
    "os_statement_ongoing": ("ukraine",),
    "os_wire_trial": ("western", "poland", "baltics", "balkans"),
    "os_wire_shipping": ("red_sea", "red_sea", "ukraine"),
    "os_wire_base_attack": ("iraq", "sahel"),
    "os_social_live_strike": ("ukraine", "iraq"),
    "os_notam_closure": ("ukraine", "baltics", "poland", "romania", "red_sea", "iraq", "western"),
    "os_notam_drone_restriction": ("western", "poland", "baltics", "romania"),
    "os_statement_intercepts": ("ukraine",),
    "os_wire_airspace_violation": ("poland", "romania", "baltics"),
    "os_social_air_alert": ("ukraine",),
    "os_finding_chemical": ("ukraine", "iraq", "western"),
    "os_finding_nuclear": ("ukraine",),
    "os_wire_cbrn_allegation": ("ukraine", "iraq"),
    "os_analysis_cbrn": ("iraq", "ukraine", "western"),
    "os_statement_power": ("ukraine",),
    "os_weather_damage": THEATRES,
    "os_wire_infra": ("ukraine", "romania", "poland", "baltics", "red_sea"),
    "os_advisory_vuln": THEATRES,
    "os_advisory_campaign": ("western", "poland", "baltics", "romania", "ukraine"),
    "os_advisory_own_network": THEATRES,
    "os_notam_gnss": ("baltics", "baltics", "poland", "romania", "iraq", "red_sea"),
    "os_wire_jamming": ("baltics", "poland", "romania", "red_sea"),
    "os_hum_displacement": ("ukraine", "sahel", "iraq", "red_sea"),
    "os_hum_periodic": ("ukraine", "sahel", "iraq", "red_sea", "balkans"),
    "os_hum_convoy": ("ukraine", "sahel", "red_sea", "iraq"),
    "os_hum_casualties": ("ukraine", "sahel", "red_sea", "iraq"),
    "os_wire_protest": ("balkans", "western", "baltics", "romania", "iraq"),
    "os_press_ceremony": ("western", "baltics", "poland", "romania", "balkans"),
    "os_press_oath": ("western", "baltics", "poland", "romania"),
    "os_press_command": ("western", "baltics", "poland", "romania", "sahel", "iraq", "balkans"),
    "os_press_exercise": ("western", "baltics", "poland", "romania"),
    "os_press_recruitment": ("western", "baltics", "poland", "romania"),
    "os_press_procurement": ("western", "poland", "baltics", "romania"),
    "os_press_visit": ("western", "baltics", "poland", "romania", "sahel", "iraq", "balkans"),
    "os_weather_forecast": THEATRES,
    "os_wire_anniversary": ("ukraine", "balkans", "iraq"),
    "os_press_museum": ("western", "western", "poland", "baltics"),
    # field reports of our own forces abroad
    "os_field_advance": ("baltics", "poland", "romania", "sahel", "iraq"),
    "os_field_recce": FIELD_THEATRES,
    "os_field_base_attack": ("iraq", "sahel"),
    "os_field_contact": ("sahel", "iraq", "balkans", "baltics"),
    "os_field_inbound": ("red_sea", "iraq"),
    "os_field_cbrn_suspected": ("baltics", "poland", "iraq", "sahel"),
    "os_field_gas": ("baltics", "poland", "iraq"),
    "os_field_route": ("sahel", "baltics", "balkans", "iraq", "romania", "poland"),
    "os_field_jamming": ("baltics", "poland", "romania", "red_sea", "iraq"),
    "os_field_civ": ("sahel", "iraq", "balkans", "romania"),
    "os_field_nstr": FIELD_THEATRES,
}

# the eleven registers of `models.recipe.registers_extra`: their frames, their own situations, and the
# situations above that they also wrap (appended after the home register)
REGISTER_FRAMES.update(_extra.FRAMES)
SITUATION_REGISTERS.update({k: (*SITUATION_REGISTERS[k], *more) for k, more in _extra.EXTRA_REGISTERS.items()})
SITUATION_REGISTERS.update(_extra.SITUATION_REGISTERS)
SITUATION_THEATRES.update(_extra.SITUATION_THEATRES)


def situation_register(key: str) -> str:
    """The home register of a situation."""
    return SITUATION_REGISTERS[key][0]


def all_templates() -> list[tuple[str, Lang, str]]:
    """(where, lang, template) for every phrase and frame of the module."""
    out: list[tuple[str, Lang, str]] = []
    for situation in REGISTER_SITUATIONS:
        for lang, phrases in situation.phrases.items():
            out.extend((situation.key, lang, p) for p in phrases)
    for register, by_lang in REGISTER_FRAMES.items():
        for lang, frames in by_lang.items():
            out.extend((f"frame:{register}", lang, f) for f in frames)
    return out


def w_slot_names() -> set[str]:
    """Every `w_` slot name that the module's templates use (the names to register in the builder)."""
    return {s for _, _, t in all_templates() for s in slots_in(t) if s.startswith("w_")}
