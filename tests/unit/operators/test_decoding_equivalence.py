"""decode_entities decides every word of a whole batch in numpy (operators/inference/decoding.py); the
decisions and confidences must be exactly those of the per-text, word-by-word loop it replaced. The
replaced loop is written out below as the oracle and both are compared on generated batches: random
float32 scores (with ties), words of one to many subword pieces (past the length where numpy stops summing
in order), zero-width and out-of-range pieces, list markers, separators and line breaks between pieces,
texts without pieces, and entities that end one text right before the next text begins."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from operators.inference.decoding import _SEQUENTIAL_SUM, decode_entities
from operators.inference.model import EntitySpan, Predictions

# ----------------------------------------------------------------------------------------- the oracle
# The implementation before the numpy rewrite, unchanged but for names.

_LEADING_JUNK = " \t\r\n([{\"'«„“‘<"
_TRAILING_JUNK = " \t\r\n.,;:!?)]}\"'»“”’>"
_LIST_MARKER = re.compile(r"(?:\d{1,2}|[A-Za-z])\)")
_SEPARATORS = frozenset(",;()[]{}<>|/")


def _take(probs: NDArray[np.float32], index: NDArray[np.int64]) -> NDArray[np.float32]:
    taken = np.take(probs, np.maximum(index, 0), axis=-1)
    return np.where(index >= 0, taken, 0.0).astype(np.float32)


def _words(text: str, offsets: NDArray[np.int64]) -> list[list[int]]:
    words: list[list[int]] = []
    previous_end, previous_separator = -1, False
    for i, (start, end) in enumerate(offsets.tolist()):
        if end <= start:
            continue
        separator = all(ch in _SEPARATORS for ch in text[start:end])
        if not words or start > previous_end or separator or previous_separator:
            words.append([i])
        else:
            words[-1].append(i)
        previous_end, previous_separator = end, separator
    return words


def _is_list_marker(text: str, offsets: NDArray[np.int64], word: list[int]) -> bool:
    start, end = int(offsets[word[0]][0]), int(offsets[word[-1]][1])
    while start < end and text[start].isspace():
        start += 1
    if start > 0 and not text[start - 1].isspace():
        return False
    return _LIST_MARKER.fullmatch(text, start, min(len(text), end + 1)) is not None


def _append_span(spans: list[EntitySpan], text: str, current: tuple[str, int, int, list[float]]) -> None:
    kind, start, end, scores = current
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while end > start and text[end - 1] in _TRAILING_JUNK:
        end -= 1
    if end > start:
        spans.append(EntitySpan(kind, start, end, text[start:end], sum(scores) / len(scores)))


def reference_decode(predictions: Predictions, texts: Sequence[str]) -> list[list[EntitySpan]]:
    names = predictions.ner_labels
    kinds = sorted({name.split("-", 1)[1] for name in names if "-" in name})
    begin_idx = np.asarray([names.index(f"B-{k}") if f"B-{k}" in names else -1 for k in kinds])
    inside_idx = np.asarray([names.index(f"I-{k}") if f"I-{k}" in names else -1 for k in kinds])
    outside = names.index("O") if "O" in names else -1
    result: list[list[EntitySpan]] = []
    for text, probs, offsets in zip(texts, predictions.token_probs, predictions.token_offsets):
        spans: list[EntitySpan] = []
        if probs.shape[0] == 0 or not kinds:
            result.append(spans)
            continue
        kind_p = _take(probs, begin_idx) + _take(probs, inside_idx)
        o_p = probs[:, outside] if outside >= 0 else np.zeros(probs.shape[0], dtype=np.float32)
        current: tuple[str, int, int, list[float]] | None = None
        for word in _words(text, offsets):
            first = word[0]
            if len(word) == 1:
                scores, o_score = kind_p[first], float(o_p[first])
            else:
                scores, o_score = kind_p[word].mean(axis=0), float(o_p[word].mean())
            best = int(scores.argmax())
            if scores[best] <= o_score or _is_list_marker(text, offsets, word):
                if current is not None:
                    _append_span(spans, text, current)
                current = None
                continue
            kind = kinds[best]
            start, end = int(offsets[first][0]), int(offsets[word[-1]][1])
            inside = _take(probs[first], inside_idx[best : best + 1])[0]
            continues = (
                current is not None
                and current[0] == kind
                and "\n" not in text[current[2] : start]
                and inside >= _take(probs[first], begin_idx[best : best + 1])[0]
            )
            if continues and current is not None:
                current = (kind, current[1], end, [*current[3], float(scores[best])])
            else:
                if current is not None:
                    _append_span(spans, text, current)
                current = (kind, start, end, [float(scores[best])])
        if current is not None:
            _append_span(spans, text, current)
        result.append(spans)
    return result


# ----------------------------------------------------------------------------------------- generated inputs

KINDS = ("LOCATION", "EQUIPMENT", "QUANTITY", "UNIT")
# Values that tie often (equal scores, O equal to the best kind, B equal to I), and exact zeros.
TIES = np.asarray([0.0, 0.1, 0.125, 0.25, 0.3, 0.5, 1.0 / 3.0, 0.7, 1.0], dtype=np.float32)

# Text pieces: words (long ones are cut into many subword pieces), separators, list markers, spaces.
_PIECES = st.one_of(
    st.sampled_from(["Wiltz", "Gréiwemaacher", "Ettelbruck-Nord", "T-72B3", "BMP-2", "Pabradė", "3", "12x"]),
    st.sampled_from(["Schützenpanzerbataillonskommandeur", "Aufklärungsfahrzeugkolonne", "abcdefghijklmnop"]),
    st.sampled_from([",", ";", "(", ")", "[", "]", "/", "|", ",)", "(,", ".", "'", "«", "»", ":"]),
    st.sampled_from(["1)", "2)", "b)", "Z)", "12)", "123)", "a)b", "(3)"]),
    st.sampled_from([" ", "  ", "\n", " \n ", "\t", "\r\n"]),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=4),
)


@st.composite
def _sample(draw: st.DrawFn) -> tuple[str, NDArray[np.int64]]:
    """A text and its pieces' offsets."""
    text = "".join(draw(st.lists(_PIECES, max_size=14)))
    offsets: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        if text[i].isspace() and draw(st.booleans()):  # whitespace: skipped, or a piece's leading space
            i += 1
            continue
        step = draw(st.integers(1, 3))
        offsets.append((i, min(len(text), i + step)))
        if draw(st.integers(0, 9)) == 0:  # a zero-width piece (byte fallback, bare "▁")
            offsets.append((offsets[-1][1], offsets[-1][1]))
        i += step
    if offsets and draw(st.integers(0, 5)) == 0:  # odd offsets: out of order, past the end, reversed
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(offsets)))
            start = draw(st.integers(0, len(text) + 2))
            offsets.insert(at, (start, start + draw(st.integers(-2, 4))))
    return text, np.asarray(offsets, dtype=np.int64).reshape(-1, 2)


@st.composite
def predictions(draw: st.DrawFn) -> tuple[Predictions, list[str]]:
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=0, max_size=4, unique=True))
    tags = [f"{p}-{k}" for k in kinds for p in "BI" if draw(st.integers(0, 7)) > 0]
    if draw(st.integers(0, 7)) > 0:
        tags.append("O")
    tags = draw(st.permutations(tags))
    samples = draw(st.lists(_sample(), min_size=1, max_size=6))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    mode = draw(st.sampled_from(["random", "ties", "mixed", "peaked"]))
    texts, all_probs, all_offsets = [], [], []
    for text, offsets in samples:
        shape = (offsets.shape[0], len(tags))
        probs = rng.random(shape, dtype=np.float32)
        if mode == "ties":
            probs = rng.choice(TIES, size=shape)
        elif mode == "mixed":
            probs = np.where(rng.random(shape) < 0.5, probs, rng.choice(TIES, size=shape)).astype(np.float32)
        elif mode == "peaked" and len(tags):  # softmax-like rows, one tag per piece clearly ahead
            probs = rng.dirichlet(np.full(len(tags), 0.3), size=shape[0]).astype(np.float32)
        texts.append(text)
        all_probs.append(probs.astype(np.float32))
        all_offsets.append(offsets)
    n = len(texts)
    return (
        Predictions(
            category_labels=(),
            urgency_labels=(),
            ner_labels=tuple(tags),
            category_probs=np.zeros((n, 0), np.float32),
            urgency_probs=np.zeros((n, 0), np.float32),
            token_tags=tuple(p.argmax(-1) if p.shape[1] else np.zeros(p.shape[0], np.int64) for p in all_probs),
            token_probs=tuple(all_probs),
            token_offsets=tuple(all_offsets),
            truncated=np.zeros(n, dtype=np.bool_),
        ),
        texts,
    )


# ----------------------------------------------------------------------------------------- the tests


def _outcome(decode: Callable[..., list[list[EntitySpan]]], preds: Predictions, texts: list[str]) -> object:
    """The spans, or the exception's type and message (offsets past the end of a text fail alike)."""
    try:
        return decode(preds, texts)
    except Exception as exc:
        return type(exc).__name__, str(exc)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(predictions())
def test_decode_entities_is_the_word_by_word_loop(case: tuple[Predictions, list[str]]) -> None:
    preds, texts = case
    assert _outcome(decode_entities, preds, texts) == _outcome(reference_decode, preds, texts)


def _one_word(n_pieces: int, tags: tuple[str, ...], probs: NDArray[np.float32]) -> tuple[Predictions, list[str]]:
    text = "x" * n_pieces + " end"
    offsets = np.asarray([(i, i + 1) for i in range(n_pieces)] + [(n_pieces + 1, n_pieces + 4)], np.int64)
    preds = Predictions(
        category_labels=(),
        urgency_labels=(),
        ner_labels=tags,
        category_probs=np.zeros((1, 0), np.float32),
        urgency_probs=np.zeros((1, 0), np.float32),
        token_tags=(probs.argmax(-1),),
        token_probs=(probs,),
        token_offsets=(offsets,),
        truncated=np.zeros(1, dtype=np.bool_),
    )
    return preds, [text]


@pytest.mark.parametrize("tags", [("O", "B-LOCATION", "I-LOCATION"), ("O", "B-LOCATION", "I-LOCATION", "B-UNIT")])
@pytest.mark.parametrize("n_pieces", [2, _SEQUENTIAL_SUM, _SEQUENTIAL_SUM + 1, 9, 16, 17, 40])
def test_long_words_average_exactly_as_numpy_mean_does(n_pieces: int, tags: tuple[str, ...]) -> None:
    """A word of many pieces: its mean score (the span's confidence) is numpy's `.mean()` to the last bit,
    for one entity kind (a column: numpy sums it pairwise past 8 items) and for several (rows in order)."""
    rng = np.random.default_rng(n_pieces)
    for _ in range(50):
        probs = rng.random((n_pieces + 1, len(tags)), dtype=np.float32)
        probs[:n_pieces, 0] = 0.0  # O never wins: the word is one entity whose confidence is its mean
        probs[n_pieces] = 0.0
        probs[n_pieces, 0] = 1.0  # and the last word is outside
        preds, texts = _one_word(n_pieces, tags, probs)
        [spans] = decode_entities(preds, texts)
        [expected] = reference_decode(preds, texts)
        assert spans == expected
        assert spans[0].start == 0 and spans[0].end == n_pieces


@pytest.mark.parametrize("tags", [("O", "B-LOCATION", "I-LOCATION"), ("O", "B-LOCATION", "I-LOCATION", "B-UNIT")])
@pytest.mark.parametrize("n_pieces", [2, _SEQUENTIAL_SUM, _SEQUENTIAL_SUM + 1, 9, 16, 17, 40])
def test_long_words_weigh_entity_against_outside_as_numpy_mean_does(n_pieces: int, tags: tuple[str, ...]) -> None:
    """The O score is the B-LOCATION score in another order: equal in exact arithmetic, so the decision for
    the word (entity or not) rests on the last bit of each float32 mean."""
    rng = np.random.default_rng(1000 + n_pieces)
    decided = set()
    for _ in range(60):
        probs = np.zeros((n_pieces + 1, len(tags)), dtype=np.float32)
        probs[:n_pieces, 1] = rng.random(n_pieces, dtype=np.float32)
        probs[:n_pieces, 0] = rng.permutation(probs[:n_pieces, 1])
        probs[n_pieces, 0] = 1.0
        preds, texts = _one_word(n_pieces, tags, probs)
        [spans] = decode_entities(preds, texts)
        assert [spans] == reference_decode(preds, texts)
        decided.add(bool(spans))
    if n_pieces > 2:
        assert decided == {True, False}  # the rounding decides both ways: the check has teeth


def test_a_lone_surrogate_in_a_text_is_decoded_like_any_character() -> None:
    """JSON may carry a lone surrogate ("\\ud800"); the batch's separator test reads code points."""
    texts = ["Wiltz \ud800 (Bastogne)", "\ud800Ettelbruck"]
    offsets = [np.asarray([(0, 5), (6, 7), (8, 9), (9, 17), (17, 18)]), np.asarray([(0, 1), (1, 11)])]
    rng = np.random.default_rng(7)
    tags = ("O", "B-LOCATION", "I-LOCATION")
    probs = tuple(rng.dirichlet(np.full(3, 0.3), size=o.shape[0]).astype(np.float32) for o in offsets)
    preds = Predictions(
        category_labels=(),
        urgency_labels=(),
        ner_labels=tags,
        category_probs=np.zeros((2, 0), np.float32),
        urgency_probs=np.zeros((2, 0), np.float32),
        token_tags=tuple(p.argmax(-1) for p in probs),
        token_probs=probs,
        token_offsets=tuple(offsets),
        truncated=np.zeros(2, dtype=np.bool_),
    )
    assert decode_entities(preds, texts) == reference_decode(preds, texts)
