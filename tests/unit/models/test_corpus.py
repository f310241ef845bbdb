"""The synthetic corpus: deterministic, labelled consistently, and with an evaluation split that differs from training."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from models.recipe import corpus
from models.recipe import phrasebook as pb

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
    from datetime import datetime, timedelta, timezone

    from operators.entities.dtg import parse_dtg
    from operators.entities.grid import parse_grid

    reference = datetime(2027, 12, 31, tzinfo=timezone.utc)  # the corpus draws years 2024-2027

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
