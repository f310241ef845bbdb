"""Scores to labels: the category and urgency heads, and token tags to entity spans."""


from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from operators.inference.model import EntitySpan, Judgement, Predictions

# Characters trimmed from the ends of an entity: a subword token can carry the punctuation after a word.
_LEADING_JUNK = " \t\r\n([{\"'«„“‘<"
_TRAILING_JUNK = " \t\r\n.,;:!?)]}\"'»“”’>"


# ----------------------------------------------------------------------------------------- decoding


def decode_labels(predictions: Predictions) -> list[Judgement]:
    """Top category and urgency per text, with their probabilities (None where the head is absent)."""
    out: list[Judgement] = []
    for i in range(len(predictions)):
        cat, cat_p = _top(predictions.category_probs[i], predictions.category_labels)
        urg, urg_p = _top(predictions.urgency_probs[i], predictions.urgency_labels)
        out.append(Judgement(cat, cat_p, urg, urg_p))
    return out


def _top(probs: NDArray[np.float32], labels: Sequence[str]) -> tuple[str | None, float]:
    if probs.shape[0] == 0:
        return None, 0.0
    best = int(probs.argmax())
    return labels[best], float(probs[best])


def decode_entities(predictions: Predictions, texts: Sequence[str]) -> list[list[EntitySpan]]:
    """Token tag probabilities to character spans (label, start, end) of each input text.

    Decisions are per word, not per subword token: a word's type is the one its pieces agree on most
    (B- and I- probabilities pooled), and a word opens a new entity unless it continues the previous
    word's type and its first piece prefers I- over B-. Subword pieces then cannot split a name
    ("Gr" + "éiwemaacher") or start an entity in the middle of a word.
    """
    if len(texts) != len(predictions):
        raise ValueError(f"{len(texts)} texts for {len(predictions)} predictions")
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
        # Per token: probability of each entity kind (B+I) and of O.
        kind_p = _take(probs, begin_idx) + _take(probs, inside_idx)
        o_p = probs[:, outside] if outside >= 0 else np.zeros(probs.shape[0], dtype=np.float32)
        current: tuple[str, int, int, list[float]] | None = None
        for word in _words(text, offsets):
            first = word[0]
            if len(word) == 1:  # most words are one token: no mean to take
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
            continues = (
                current is not None
                and current[0] == kind
                and "\n" not in text[current[2] : start]  # an entity never runs over a line break
                and _take(probs[first], inside_idx[best : best + 1])[0] >= _take(probs[first], begin_idx[best : best + 1])[0]
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


_LIST_MARKER = re.compile(r"(?:\d{1,2}|[A-Za-z])\)")


def _is_list_marker(text: str, offsets: NDArray[np.int64], word: list[int]) -> bool:
    """A line or field number such as "2)" or "b)" (the word plus a closing bracket) is never entity text."""
    start, end = int(offsets[word[0]][0]), int(offsets[word[-1]][1])
    while start < end and text[start].isspace():
        start += 1
    if start > 0 and not text[start - 1].isspace():
        return False
    return _LIST_MARKER.fullmatch(text, start, min(len(text), end + 1)) is not None


def _take(probs: NDArray[np.float32], index: NDArray[np.int64]) -> NDArray[np.float32]:
    # A missing B-/I- tag (index -1) contributes probability 0.
    taken = np.take(probs, np.maximum(index, 0), axis=-1)
    result: NDArray[np.float32] = np.where(index >= 0, taken, 0.0).astype(np.float32)
    return result


_SEPARATORS = frozenset(",;()[]{}<>|/")


def _words(text: str, offsets: NDArray[np.int64]) -> list[list[int]]:
    """Token indices grouped into words: split at whitespace and at separator punctuation pieces."""
    words: list[list[int]] = []
    previous_end = -1
    previous_separator = False
    for i, (start, end) in enumerate(offsets.tolist()):
        if end <= start:
            continue  # zero-width pieces (byte fallback, bare "▁") belong to no word
        piece = text[start:end]
        separator = all(ch in _SEPARATORS for ch in piece)
        if not words or start > previous_end or separator or previous_separator:
            words.append([i])
        else:
            words[-1].append(i)
        previous_end, previous_separator = end, separator
    return words


def _append_span(spans: list[EntitySpan], text: str, current: tuple[str, int, int, list[float]]) -> None:
    kind, start, end, scores = current
    span = _clean_span(text, kind, start, end, sum(scores) / len(scores))
    if span is not None:
        spans.append(span)


def _clean_span(text: str, label: str, start: int, end: int, confidence: float) -> EntitySpan | None:
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while end > start and text[end - 1] in _TRAILING_JUNK:
        end -= 1
    if end <= start:
        return None
    return EntitySpan(label, start, end, text[start:end], confidence)
