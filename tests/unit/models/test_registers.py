"""Open-source register templates: complete, labelled by the policy, and expandable by the corpus builder."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from models.recipe import corpus
from models.recipe import phrasebook as pb
from models.recipe import registers as rg

SITUATIONS = {s.key: s for s in rg.REGISTER_SITUATIONS}
TEMPLATES = rg.all_templates()
BUILDER_SLOTS = set(corpus._ReportBuilder(random.Random(0), "en", "train", corpus._vocab("train", "en")).slots)

# Generic equipment nouns that must come from a slot (so that they are labelled EQUIPMENT), never literal text.
FORBIDDEN_WORDS = {
    "en": (
        "drone",
        "drones",
        "UAV",
        "UAVs",
        "missile",
        "missiles",
        "tank",
        "tanks",
        "helicopter",
        "helicopters",
        "helos",
        "fighter jet",
        "fighter jets",
        "warship",
        "warships",
        "frigate",
        "frigates",
        "corvette",
        "corvettes",
        "submarine",
        "submarines",
        "howitzer",
        "howitzers",
        "bomber",
        "bombers",
        "truck",
        "trucks",
        "lorry",
        "lorries",
        "jammer",
        "jammers",
        "RPG",
        "C-RAM",
        "mortar",
        "interceptors",
        "artillery",
    ),
    "fr": (
        "drone",
        "drones",
        "missile",
        "missiles",
        "char",
        "chars",
        "hélicoptère",
        "hélicoptères",
        "frégate",
        "frégates",
        "corvette",
        "corvettes",
        "sous-marin",
        "sous-marins",
        "navires de guerre",
        "obusier",
        "obusiers",
        "bombardier",
        "bombardiers",
        "blindé",
        "blindés",
        "camion",
        "camions",
        "poids lourds",
        "brouilleur",
        "brouilleurs",
        "patrouilleur",
        "mortier",
        "intercepteurs",
        "artillerie",
        "DCA",
    ),
    "de": (
        "Drohne",
        "Drohnen",
        "Rakete",
        "Raketen",
        "Marschflugkörper",
        "Flugkörper",
        "Panzer",
        "Kampfpanzer",
        "Hubschrauber",
        "Kampfjet",
        "Kampfjets",
        "Kampfflugzeug",
        "Kampfflugzeuge",
        "Bomber",
        "Fregatte",
        "Fregatten",
        "Korvette",
        "Korvetten",
        "U-Boot",
        "U-Boote",
        "Kriegsschiff",
        "Kriegsschiffe",
        "Haubitze",
        "Haubitzen",
        "Störsender",
        "Lkw",
        "Lastwagen",
        "Abfangjäger",
        "Patrouillenschiff",
        "Mörser",
        "Flugabwehr",
        "Artillerie",
        "Panzerfaust",
    ),
}


def _strip_slots(template: str) -> str:
    return re.sub(r"\{\w+\}", " ", template)


def test_enough_situations_covering_every_category_and_register() -> None:
    assert len(rg.REGISTER_SITUATIONS) >= 40
    assert len(SITUATIONS) == len(rg.REGISTER_SITUATIONS), "duplicate situation keys"
    assert {s.category for s in rg.REGISTER_SITUATIONS} == set(corpus.CATEGORIES)
    homes = {rg.situation_register(k) for k in SITUATIONS}
    assert homes == set(rg.REGISTERS)
    assert set(rg.SITUATION_REGISTERS) == set(SITUATIONS)
    assert set(rg.SITUATION_THEATRES) == set(SITUATIONS)
    for key, registers in rg.SITUATION_REGISTERS.items():
        assert registers and set(registers) <= set(rg.REGISTERS), key
        assert (registers == ("field_abroad",)) == key.startswith("os_field_"), key
    for key, theatres in rg.SITUATION_THEATRES.items():
        assert theatres and set(theatres) <= set(rg.THEATRES), key


@pytest.mark.parametrize("key", sorted(SITUATIONS))
def test_situation_is_complete_and_labelled_by_the_policy(key: str) -> None:
    s = SITUATIONS[key]
    assert key.startswith("os_")
    assert s.category in corpus.CATEGORIES
    assert s.precedence in corpus.PRECEDENCES
    assert s.cues and all(re.fullmatch(r"[a-z_]+", c) for c in s.cues)
    assert set(s.phrases) == set(corpus.LANGUAGES)
    for lang, phrases in s.phrases.items():
        assert len(phrases) >= 12, (key, lang, len(phrases))
        assert len(set(phrases)) == len(phrases), (key, lang)
    # Only our own forces abroad can be under attack now: FLASH exists only in field situations.
    if s.precedence == "FLASH":
        assert key.startswith("os_field_")
    for addon in s.addons:
        assert addon in pb.ADDONS
        for lang in corpus.LANGUAGES:
            for text in pb.ADDONS[addon][lang]:
                assert rg.slots_in(text) <= rg.CORPUS_SLOTS, (key, addon, text)


def test_policy_precedences() -> None:
    by_cue = {k: set(s.cues) for k, s in SITUATIONS.items()}
    for key, s in SITUATIONS.items():
        cues = by_cue[key]
        if s.category == "routine" and not key.startswith("os_field_"):
            assert s.precedence == "ROUTINE", key
        if cues & {"finding", "advisory", "trial"} and "live" not in cues:
            assert s.precedence == "PRIORITY", key
        if "live" in cues:
            assert s.precedence in ("IMMEDIATE", "PRIORITY"), key
        if {"ceremony", "exercise", "recruitment", "procurement", "background", "periodic", "museum"} & cues:
            assert s.precedence == "ROUTINE", key
    assert SITUATIONS["os_advisory_own_network"].precedence == "IMMEDIATE"
    assert SITUATIONS["os_statement_ongoing"].precedence == "IMMEDIATE"
    assert SITUATIONS["os_wire_base_attack"].precedence == "PRIORITY"
    assert SITUATIONS["os_field_base_attack"].precedence == "IMMEDIATE"


def test_every_slot_is_filled_by_corpus_or_by_a_register_vocabulary() -> None:
    assert rg.CORPUS_SLOTS <= BUILDER_SLOTS, rg.CORPUS_SLOTS - BUILDER_SLOTS
    for where, lang, template in TEMPLATES:
        for slot in rg.slots_in(template):
            if slot.startswith("w_"):
                assert rg.pool_of(slot) is not None, (where, slot)
                values = rg.vocabulary(slot, lang)
                assert values and all(v.strip() for v in values), (where, slot, lang)
            else:
                assert slot in rg.CORPUS_SLOTS, (where, lang, slot, template)


def test_brackets_balance_and_frames_carry_the_event() -> None:
    for where, _lang, template in TEMPLATES:
        depth = 0
        for ch in template:
            depth += {"[": 1, "]": -1}.get(ch, 0)
            assert 0 <= depth <= 1, (where, template)
        assert depth == 0, (where, template)
        assert template.count("<<") == template.count(">>"), (where, template)
        assert template.count("{") == template.count("}"), (where, template)
        assert "⟦" not in template and "⟧" not in template
        if where.startswith("frame:"):
            assert "{event}" in template or "{Event}" in template, (where, template)
        else:
            assert not template.endswith((".", " ")), (where, template)
    for register in rg.REGISTERS:
        for lang in corpus.LANGUAGES:
            frames = rg.REGISTER_FRAMES[register][lang]
            assert len(frames) >= 8 and len(set(frames)) == len(frames), (register, lang)


def test_no_phrase_is_duplicated_anywhere() -> None:
    counts = Counter((lang, t) for where, lang, t in TEMPLATES if not where.startswith("frame:"))
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("lang", corpus.LANGUAGES)
def test_equipment_and_places_come_from_slots(lang: str) -> None:
    words = FORBIDDEN_WORDS[lang]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    offenders = []
    for where, tlang, template in TEMPLATES:
        if tlang == lang:
            found = pattern.findall(_strip_slots(template))
            if found:
                offenders.append((where, found, template))
    for pool in (
        "w_bg",
        "w_stmt_filler",
        "w_hum_filler",
        "w_adv_filler",
        "w_official",
        "w_channel",
        "w_tag",
        "w_product",
    ):
        for value in rg.vocabulary(pool, lang):
            if pattern.search(value):
                offenders.append((pool, value))
    assert offenders == []


def test_language_specific_grammar_of_slots() -> None:
    vowel_start = re.compile(r"^[AEIOUYÀÂÉÈÊÎÔaeiouyàâéèêîô]")  # h is aspirated in these names
    for where, lang, template in TEMPLATES:
        if lang == "fr":
            # "de"/"d'" before a slot only through the w_de_* forms, unless every value starts with a consonant.
            for match in re.finditer(r"(?:\b[dD]e |\b[dD]')\{(w_\w+)\}", template):
                slot = match.group(1)
                if rg.pool_of(slot) and not slot.lower().startswith("w_de_"):
                    assert not any(vowel_start.match(v) for v in rg.vocabulary(slot, "fr")), (where, slot, template)
            assert not re.search(
                r"\b(?:à|de|du|au) \{w_(?:mod|army|airforce|cw_body|nuc_body|cert_body|un_body|met_body|think)\}",
                template,
            ), (where, template)
        if lang == "en":
            assert not re.search(r"\b(?:a|an) \{w_", template, re.IGNORECASE), (where, template)
        if lang == "de":
            dative = r"\b(?:mit|von|aus|bei|nach|zu|seit|zwischen|laut|zufolge) \{w_(?:armour|jets|helis|ships|arty|ew|ad|ad_enemy|missiles|proc|mod|army|airforce|cw_body|nuc_body|cert_body|un_body|met_body|think|a_drone|a_missile|a_ship|own_ship|museum_eq|channel|official|wire|jets_own|recon_uav)\}"
            assert not re.search(dative, template), (where, template)


def test_fill_labels_spans_and_keeps_a_report_coherent() -> None:
    rng = random.Random(5)
    for key in SITUATIONS:
        for lang in corpus.LANGUAGES:
            state = rg.new_state(key, rng)
            first = rg.fill("w_city", lang, rng, state)
            assert rg.fill("w_city", lang, rng, state) == first
            assert rg.fill("w_CITY", lang, rng, state) == [(t.upper(), lab) for t, lab in first]
            second = rg.fill("w_city2", lang, rng, state)
            assert second != first
    for name, label in rg.SLOT_LABELS.items():
        for lang in corpus.LANGUAGES:
            for split in ("train", "eval"):
                segs = rg.fill(name, lang, random.Random(1), rg.SlotState(theatre="baltics"), split)
                assert "".join(t for t, _ in segs).strip()
                for text, seg_label in segs:
                    assert seg_label in (None, label)
                    if seg_label:
                        assert text == text.strip() and text, (name, lang, segs)
                if label in ("LOCATION", "EQUIPMENT", "DTG", "QUANTITY", "PERSON"):
                    assert any(lab == label for _, lab in segs) or name in ("w_mission", "w_coord"), (name, lang, segs)
    # FIR code and NOTAM validity are tied to the FIR and start time already drawn.
    state = rg.SlotState(theatre="baltics")
    fir = "".join(t for t, _ in rg.fill("w_fir", "en", random.Random(3), state))
    code = rg.fill("w_fir_code", "en", random.Random(4), state)[0][0]
    assert code in {row[3] for row in rg._FIRS["baltics"]}
    assert any(code == row[3] and any(n in fir for n in row[0].split("|")) for row in rg._FIRS["baltics"])
    start = rg.fill("w_notam_from", "en", random.Random(3), state)[0][0]
    assert rg.fill("w_notam_to", "en", random.Random(3), state)[0][0] >= start
    # The derived French "de" form elides before a vowel.
    assert rg.fill("w_de_city", "fr", random.Random(0), rg.SlotState(theatre="red_sea"))[0][0] in ("de ", "d'")
    assert rg._fr_de("Odessa") == "d'" and rg._fr_de("Kharkiv") == "de "


def test_vocabulary_sizes() -> None:
    assert len(rg.WORLD_PLACES) >= 250
    assert all(len(p) == 3 and all(p) for p in rg.WORLD_PLACES)
    names = {p[0] for p in rg.WORLD_PLACES}
    for needed in (
        "Kharkiv",
        "Odesa",
        "Lviv",
        "Black Sea",
        "Gulf of Aden",
        "Riga",
        "Gao",
        "Hodeidah",
        "Mitrovica",
        "Erbil",
    ):
        assert needed in names
    fr_de = {p[0]: p for p in rg.WORLD_PLACES}
    assert fr_de["Black Sea"] == ("Black Sea", "mer Noire", "Schwarzes Meer")
    assert fr_de["Gulf of Aden"][1:] == ("golfe d'Aden", "Golf von Aden")
    equipment = {name for _, _, name in rg.WORLD_EQUIPMENT}
    for needed in (
        "Iskander-M",
        "Kalibr",
        "Kh-101",
        "Shahed-136",
        "Geran-2",
        "Lancet",
        "Orlan-10",
        "S-300",
        "S-400",
        "Patriot",
        "IRIS-T",
        "NASAMS",
        "HIMARS",
        "CAESAR",
        "PzH 2000",
        "Leopard 2A6",
        "Bayraktar TB2",
        "Su-34",
        "Tu-95MS",
        "Mi-8",
        "Ka-52",
        "frigates",
        "drones",
        "Drohnen",
        "Flugkörper",
        "missiles",
    ):
        assert needed in equipment, needed
    assert len(rg.AGENCIES) >= 60
    assert all(len(rg.DATES_PAST[lang]) >= 20 for lang in corpus.LANGUAGES)


def _builder(lang: str, rng: random.Random, key: str, split: corpus.Split = "train") -> corpus._ReportBuilder:
    builder = corpus._ReportBuilder(rng, lang, split, corpus._vocab(split, lang))
    state = rg.new_state(key, rng)
    for name in rg.w_slot_names():
        builder.slots[name] = lambda name=name: [
            corpus._Seg(t, lab) for t, lab in rg.fill(name, lang, rng, state, split)
        ]
    return builder


@pytest.mark.parametrize("lang", corpus.LANGUAGES)
def test_every_template_expands_with_the_corpus_builder(lang: str) -> None:
    rng = random.Random(11)
    for key, s in SITUATIONS.items():
        for phrase in s.phrases[lang]:
            for register in rg.SITUATION_REGISTERS[key]:
                builder = _builder(lang, rng, key)
                builder.precedence = s.precedence
                builder.addon_key = s.addons
                builder.event = builder.expand(phrase)
                frame = rng.choice(rg.REGISTER_FRAMES[register][lang])
                segs = builder.expand(frame)
                text, entities = corpus._render(segs, random.Random(0), lang, terse=False)
                assert "{" not in text and "⟦" not in text and "⟧" not in text, (key, text)
                for e in entities:
                    piece = text[e.start : e.end]
                    assert piece and piece == piece.strip(), (key, piece, text)


def test_attribution_is_recognised_in_phrases_and_frames() -> None:
    assert rg.attributes("{w_mod} said {w_date} it was monitoring {w_a_ship}", "en")
    assert rg.attributes("des roquettes sont tombées, selon {w_channel}", "fr")
    assert rg.attributes("{w_mod} beobachtet nach eigenen Angaben {w_a_ship}", "de")
    assert not rg.attributes("{w_DL}, {w_dateline} ({w_wire}) - {Event}.<< {w_bg}.>>", "en")
    for lang in corpus.LANGUAGES:
        for register in ("wire", "statement"):
            frames = rg.REGISTER_FRAMES[register][lang]
            assert any(rg.attributes(f, lang) for f in frames) and not all(rg.attributes(f, lang) for f in frames)


def test_incident_fillers_stay_out_of_routine_items() -> None:
    incident_only = {item for item, scope in rg._FILLER_SCOPES.items() if "routine" not in scope}
    for lang in corpus.LANGUAGES:
        texts = {rg._POOLS["w_bg"].entries[lang][int(i.split(":")[1])].choices[0] for i in incident_only if "w_bg" in i}
        for seed in range(200):
            rng = random.Random(seed)
            state = rg.new_state("os_press_ceremony", rng)
            assert state.category == "routine"
            assert rg.fill("w_bg", lang, rng, state)[0][0] not in texts
        attack = {
            rg.fill("w_bg", lang, random.Random(s), rg.new_state("os_wire_base_attack", random.Random(s)))[0][0]
            for s in range(200)
        }
        assert attack & texts


def test_since_and_document_numbers_read_right() -> None:
    starts = {"en": "since ", "fr": "depuis ", "de": "seit "}
    for lang in corpus.LANGUAGES:
        assert all(v.startswith(starts[lang]) for v in rg.vocabulary("w_since", lang))
        assert rg.SLOT_LABELS["w_docno"] is None and rg.SLOT_LABELS["w_since"] is None
    for where, _lang, template in TEMPLATES:
        # "since on Monday", "seit am Montag", "the strikes of on Monday": w_date carries its own preposition.
        assert not re.search(r"\b(?:since|of|depuis|seit|from|vom)\s+\{w_date\}|\{w_date\}'s", template), (
            where,
            template,
        )
        if where.startswith("frame:"):
            assert not re.search(
                r"(?:No\.|N°|n°|Nr\.|NOTICE|WARNING|AVERTISSEMENT DE NAVIGATION|NAVIGATIONSWARNUNG) \{w_num\}", template
            )
