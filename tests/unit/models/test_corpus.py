"""The synthetic corpus: deterministic, labelled consistently, and with an evaluation split that differs from training."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from models.recipe import corpus
from models.recipe import phrasebook as pb
from models.recipe import registers as rg

TRAIN = list(corpus.generate(1500, 17, "train"))
EVAL = list(corpus.generate(600, 9001, "eval"))


def test_same_arguments_same_reports() -> None:
    again = list(corpus.generate(300, 17, "train"))
    assert [r.to_json() for r in again] == [r.to_json() for r in TRAIN[:300]]
    assert [r.text for r in corpus.generate(50, 18, "train")] != [r.text for r in TRAIN[:50]]


@pytest.mark.parametrize("reports", [TRAIN, EVAL], ids=["train", "eval"])
def test_labels_and_spans_are_well_formed(reports: list[corpus.SyntheticReport]) -> None:
    for r in reports:
        assert r.category in corpus.CATEGORIES and r.precedence in corpus.PRECEDENCES
        assert r.language in corpus.LANGUAGES and r.format in corpus.FORMATS
        previous_end = -1
        for e in sorted(r.entities, key=lambda e: e.start):
            piece = r.text[e.start : e.end]
            assert e.label in corpus.ENTITY_LABELS
            assert piece and piece == piece.strip(), (r.template, piece)
            assert e.start >= previous_end, f"overlapping entities in {r.template}: {r.text!r}"
            previous_end = e.end
        assert corpus.SyntheticReport.from_json(r.to_json()) == r


def test_every_category_language_and_format_is_drawn() -> None:
    assert set(Counter(r.category for r in TRAIN)) == set(corpus.CATEGORIES)
    assert set(Counter(r.language for r in TRAIN)) == set(corpus.LANGUAGES)
    assert set(Counter(r.format for r in TRAIN)) == set(corpus.FORMATS)
    # Every routine situation in the phrasebook is used, not only the ones the generator names.
    routine_keys = {s.key for s in pb.SITUATIONS if s.category == "routine"}
    drawn = {r.template.split("/")[0] for r in corpus.generate(3000, 5, "train") if r.category == "routine"}
    assert routine_keys <= drawn


def test_grids_and_dtgs_parse_with_the_pipelines_own_parsers() -> None:
    from datetime import UTC, datetime, timedelta

    from operators.entities.dtg import parse_dtg
    from operators.entities.grid import parse_grid

    reference = datetime(2027, 12, 31, tzinfo=UTC)  # the corpus draws years 2024-2027

    grids = dtgs = 0
    for r in TRAIN[:600]:
        for e in r.entities:
            piece = r.text[e.start : e.end]
            if e.label == "GRID" and piece[0].isdigit():
                # Abbreviated grids ("FR 3959 0577") name no zone; the parser leaves those alone.
                grids += 1
                assert parse_grid(piece) is not None, piece
            elif e.label == "DTG":
                dtgs += 1
                assert parse_dtg(piece, reference, future_tolerance=timedelta(days=4000)) is not None, piece
    assert grids > 50 and dtgs > 50


def test_evaluation_split_uses_other_frames_and_held_out_towns() -> None:
    def skeleton(r: corpus.SyntheticReport) -> str:
        # The report with entity text blanked out: what is left is the frame plus the phrasing.
        text = r.text
        for e in sorted(r.entities, key=lambda e: -e.start):
            text = text[: e.start] + "#" + text[e.end :]
        return re.sub(r"\s+", " ", text).strip().lower()

    structured_train = {skeleton(r).split(":")[0] for r in TRAIN if r.format != "free_text"}
    structured_eval = {skeleton(r).split(":")[0] for r in EVAL if r.format != "free_text"}
    assert structured_train and structured_eval
    train_towns = {r.text[e.start : e.end].lower() for r in TRAIN for e in r.entities if e.label == "LOCATION"}
    eval_towns = {r.text[e.start : e.end].lower() for r in EVAL for e in r.entities if e.label == "LOCATION"}
    held_out = eval_towns - train_towns
    assert len(held_out) >= 10, "the evaluation split must name towns training never saw"


# ----------------------------------------------------------------------------------------- open-source registers

MIXED = list(corpus.generate(3000, 23, "train"))
MIXED_EVAL = list(corpus.generate(3000, 9001, "eval"))


def _is_register(r: corpus.SyntheticReport) -> bool:
    return "@" in r.template


def _register_frame(r: corpus.SyntheticReport) -> tuple[str, str, str]:
    # template: "<situation>@<register>/<frame index>"
    register, index = r.template.split("@")[1].split("/")
    return register, r.language, rg.REGISTER_FRAMES[register][r.language][int(index)]


@pytest.mark.parametrize("reports", [MIXED, MIXED_EVAL], ids=["train", "eval"])
def test_register_reports_in_every_language_at_the_intended_share(reports: list[corpus.SyntheticReport]) -> None:
    assert Counter(r.language for r in reports) == dict.fromkeys(corpus.LANGUAGES, 1000)
    for lang in corpus.LANGUAGES:
        share = sum(_is_register(r) for r in reports if r.language == lang) / 1000
        assert abs(share - corpus.REGISTER_SHARE) < 0.05, (lang, share)
    register_reports = [r for r in reports if _is_register(r)]
    assert {r.template.split("@")[1].split("/")[0] for r in register_reports} == set(rg.REGISTERS)
    # The category is drawn first, so register reports do not unbalance the categories.
    assert set(Counter(r.category for r in register_reports)) == set(corpus.CATEGORIES)
    per_category = Counter(r.category for r in reports)
    assert max(per_category.values()) < 1.4 * min(per_category.values()), per_category
    situations = {s.key: s for s in rg.REGISTER_SITUATIONS}
    for r in register_reports:
        situation = situations[r.template.split("@")[0]]
        assert (r.category, r.precedence, r.format) == (situation.category, situation.precedence, "free_text")
        assert r.template.split("@")[1].split("/")[0] in rg.SITUATION_REGISTERS[situation.key]
        assert "{" not in r.text and "⟦" not in r.text and "<<" not in r.text, r.template


@pytest.mark.parametrize("reports", [MIXED, MIXED_EVAL], ids=["train", "eval"])
def test_register_entity_spans_lie_in_the_text_with_clean_boundaries(reports: list[corpus.SyntheticReport]) -> None:
    spans = 0
    for r in filter(_is_register, reports):
        previous_end = -1
        for e in sorted(r.entities, key=lambda e: e.start):
            assert 0 <= e.start < e.end <= len(r.text), (r.template, e)
            piece = r.text[e.start : e.end]
            assert piece == piece.strip(), (r.template, piece)
            # Letters or digits at both ends; the corpus's approximate quantities ("~ 10", "12+") excepted.
            lead_ok = piece[0].isalnum() or (e.label == "QUANTITY" and piece[0] == "~")
            trail_ok = piece[-1].isalnum() or (e.label == "QUANTITY" and piece[-1] == "+")
            assert lead_ok and trail_ok, (r.template, e.label, piece, r.text)
            assert e.start >= previous_end, (r.template, r.text)
            previous_end = e.end
            spans += 1
    assert spans > 1000


def test_same_seed_gives_the_same_register_reports() -> None:
    again = list(corpus.generate(3000, 23, "train"))
    assert [r.to_json() for r in again] == [r.to_json() for r in MIXED]
    unseen = [r.to_json() for r in corpus.generate(300, 9001, "eval", phrasings="unseen")]
    assert unseen == [r.to_json() for r in corpus.generate(300, 9001, "eval", phrasings="unseen")]


def test_train_and_eval_share_no_register_frame() -> None:
    train_frames = {_register_frame(r) for r in MIXED if _is_register(r)}
    eval_frames = {_register_frame(r) for r in MIXED_EVAL if _is_register(r)}
    assert len(train_frames) > 100 and len(eval_frames) > 40
    assert train_frames.isdisjoint(eval_frames)
    # Every layout of a register and language is in exactly one split.
    for by_lang in rg.REGISTER_FRAMES.values():
        for frames in by_lang.values():
            train = set(corpus._held_out_indices(len(frames), "train"))
            held = set(corpus._held_out_indices(len(frames), "eval"))
            assert train and held and train.isdisjoint(held) and train | held == set(range(len(frames)))


def test_unseen_phrasings_hold_register_phrases_out_of_training() -> None:
    unseen = list(corpus.generate(600, 9001, "eval", phrasings="unseen"))
    assert sum(_is_register(r) for r in unseen) > 100
    assert all(r.phrasing == "unseen" for r in unseen)
    for situation in rg.REGISTER_SITUATIONS:
        for lang in corpus.LANGUAGES:
            seen = set(corpus._split_items(situation.phrases[lang], "train"))
            held = set(corpus._split_items(situation.phrases[lang], "eval"))
            assert seen and held and seen.isdisjoint(held), situation.key


def test_vocabulary_file_is_what_the_runtime_reads(tmp_path: Path) -> None:
    from operators.inference.session import VOCABULARY_NAME
    from operators.triage import vocabulary_coverage

    reports = MIXED[:600]
    path = tmp_path / VOCABULARY_NAME
    count = corpus.write_vocabulary(reports, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) > 1000
    assert lines == sorted(set(lines)) == corpus.vocabulary(reports)
    assert all(re.fullmatch(r"[^\W\d_]{4,}", w) and w == w.casefold() for w in lines)
    # Read as operators/inference/session.py reads it, every training text is fully covered.
    words = frozenset(w for w in path.read_text(encoding="utf-8").split() if w)
    assert all(vocabulary_coverage(r.text, words) == 1.0 for r in reports)
    assert vocabulary_coverage("Quarterly dividend guidance disappointed shareholders yesterday", words) < 0.5


def test_vocabulary_is_verified_and_loaded_with_the_model(tmp_path: Path) -> None:
    from models.recipe.export import write_manifest
    from operators.inference.manifest import ModelVerificationError
    from operators.inference.session import VOCABULARY_NAME, load_model

    default = Path(__file__).resolve().parents[3] / "models" / "default"
    if not (default / "manifest.json").is_file():
        pytest.skip("no shipped model to load")
    model_dir = tmp_path / "model"
    shutil.copytree(default, model_dir)
    corpus.write_vocabulary(MIXED[:300], model_dir / VOCABULARY_NAME)
    manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("files", None)
    assert VOCABULARY_NAME in write_manifest(model_dir, manifest)["files"]
    model = load_model(model_dir, providers="cpu")
    assert model.vocabulary == frozenset(corpus.vocabulary(MIXED[:300]))
    with (model_dir / VOCABULARY_NAME).open("a", encoding="utf-8") as out:
        out.write("tampered\n")
    with pytest.raises(ModelVerificationError):
        load_model(model_dir, providers="cpu")


EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"


def test_handwritten_training_sets_follow_the_declared_rule() -> None:
    names = {p.stem for p in corpus.handwritten_training_sets(EVAL_DIR)}
    assert {"dev_reports", "osd_en", "osd9_fr", f"osd{corpus.HANDWRITTEN_LAST_ROUND}_de"} <= names
    # Later development sets, the independent set and the check sets never train the model.
    assert not any(n.startswith("osc") for n in names)
    assert "independent_reports" not in names
    assert not any(
        re.match(r"osd(\d+)_", n) and int(re.match(r"osd(\d+)_", n).group(1)) > corpus.HANDWRITTEN_LAST_ROUND  # type: ignore[union-attr]
        for n in names
    )
    assert (EVAL_DIR / f"osd{corpus.HANDWRITTEN_LAST_ROUND + 1}_de.jsonl").is_file()


def test_handwritten_reports_carry_gold_labels_and_no_entity_target(tmp_path: Path) -> None:
    path = tmp_path / "osd1_en.jsonl"
    rows = [
        {
            "report_id": "a",
            "text": "Convoy seen near the bridge.",
            "format": "free_text",
            "gold_language": "en",
            "gold": {"category": "enemy_movement", "precedence_acceptable": ["IMMEDIATE", "PRIORITY"]},
        },
        {
            "report_id": "b",
            "text": "Ceremony at the barracks.",
            "gold": {"category": "routine", "precedence_acceptable": ["ROUTINE"]},
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = corpus.handwritten([path], repeat=2)
    assert [(r.category, r.precedence, r.language) for r in out] == [
        ("enemy_movement", "IMMEDIATE", "en"),
        ("enemy_movement", "IMMEDIATE", "en"),
        ("routine", "ROUTINE", "en"),
        ("routine", "ROUTINE", "en"),
    ]
    assert all(not r.ner_labelled and r.entities == () for r in out)
    assert corpus.SyntheticReport.from_json(out[0].to_json()) == out[0]
    bad = tmp_path / "osd2_en.jsonl"
    bad.write_text(json.dumps({"report_id": "c", "text": "x", "gold": {"category": "weather"}}) + "\n")
    with pytest.raises(ValueError, match="osd2_en.jsonl: c"):
        corpus.handwritten([bad])


def test_handwritten_text_gives_the_ner_loss_no_token() -> None:
    from models.recipe.train import IGNORE, bio_labels, encode_reports

    class Words:
        def encode_batch(self, texts: list[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
            out = []
            for text in texts:
                spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
                out.append(([5 + i for i in range(len(spans))], spans))
            return out

    text = "Tanks near Arlon at dawn"
    labelled = corpus.SyntheticReport(
        text, "en", "enemy_movement", "IMMEDIATE", (corpus.EntitySpan("LOCATION", 11, 16),), (), "free_text", "t"
    )
    unlabelled = corpus.SyntheticReport(
        text, "en", "enemy_movement", "IMMEDIATE", (), (), "free_text", "h", ner_labelled=False
    )
    enc = encode_reports(
        [labelled, unlabelled],
        Words(),  # type: ignore[arg-type]
        max_length=32,
        bos_id=1,
        categories=corpus.CATEGORIES,
        urgencies=corpus.PRECEDENCES,
        ner_labels=bio_labels(corpus.ENTITY_LABELS),
    )
    assert (enc.tags[0] != IGNORE).sum() == 5  # every word of the generated report has a target
    assert (enc.tags[1] == IGNORE).all() and len(enc.tags[1]) == len(enc.ids[1]) == 6
