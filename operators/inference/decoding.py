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
        if probs.shape[0] == 0 or not kinds:
            result.append([])
            continue
        result.append(_decode_text(text, probs, offsets, kinds, begin_idx, inside_idx, outside))
    return result


# numpy's float32 sum of a 1-D array adds its items one after the other up to this many (pairwise beyond).
_SEQUENTIAL_SUM = 7


def _decode_text(
    text: str,
    probs: NDArray[np.float32],
    offsets: NDArray[np.int64],
    kinds: Sequence[str],
    begin_idx: NDArray[np.int64],
    inside_idx: NDArray[np.int64],
    outside: int,
) -> list[EntitySpan]:
    """One text's spans; every word decided at once in numpy, with the float32 arithmetic of a word's
    `.mean()` (items added in order, then divided by the count), so every decision is the same."""
    spans: list[EntitySpan] = []
    offset_list: list[list[int]] = offsets.tolist()
    words = _words(text, offset_list)
    if not words:
        return spans
    # Per token: probability of each entity kind (B+I) and of O.
    begin_p = _take(probs, begin_idx)
    inside_p = _take(probs, inside_idx)
    kind_p = begin_p + inside_p
    o_p = probs[:, outside] if outside >= 0 else np.zeros(probs.shape[0], dtype=np.float32)
    lengths = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    firsts = np.fromiter((w[0] for w in words), dtype=np.int64, count=len(words))
    scores = kind_p[firsts]
    o_scores = o_p[firsts]
    longest = int(lengths.max())
    if longest > 1:
        for j in range(1, longest):
            rows = np.flatnonzero(lengths > j)
            pieces = np.fromiter((words[r][j] for r in rows.tolist()), dtype=np.int64, count=rows.shape[0])
            scores[rows] = scores[rows] + kind_p[pieces]
            o_scores[rows] = o_scores[rows] + o_p[pieces]
        several = lengths > 1
        counts = lengths.astype(np.float32)
        scores[several] = scores[several] / counts[several, None]
        o_scores[several] = o_scores[several] / counts[several]
        for r in np.flatnonzero(lengths > _SEQUENTIAL_SUM).tolist():
            # numpy sums long runs pairwise: a 1-D run, and a (pieces, 1) column when there is one entity kind
            scores[r] = kind_p[words[r]].mean(axis=0)
            o_scores[r] = o_p[words[r]].mean()
    best = scores.argmax(axis=1)
    rows_all = np.arange(len(words))
    top = scores[rows_all, best]
    outside_wins = (top <= o_scores).tolist()
    prefers_inside = (inside_p[firsts, best] >= begin_p[firsts, best]).tolist()
    best_list: list[int] = best.tolist()
    top_list: list[float] = top.tolist()
    current: tuple[str, int, int, list[float]] | None = None
    for w, word in enumerate(words):
        if outside_wins[w] or _is_list_marker(text, offset_list, word):
            if current is not None:
                _append_span(spans, text, current)
            current = None
            continue
        b = best_list[w]
        kind = kinds[b]
        start, end = offset_list[word[0]][0], offset_list[word[-1]][1]
        continues = (
            current is not None
            and current[0] == kind
            and "\n" not in text[current[2] : start]  # an entity never runs over a line break
            and prefers_inside[w]
        )
        if continues and current is not None:
            current = (kind, current[1], end, [*current[3], top_list[w]])
        else:
            if current is not None:
                _append_span(spans, text, current)
            current = (kind, start, end, [top_list[w]])
    if current is not None:
        _append_span(spans, text, current)
    return spans


_LIST_MARKER = re.compile(r"(?:\d{1,2}|[A-Za-z])\)")


def _is_list_marker(text: str, offsets: Sequence[Sequence[int]], word: list[int]) -> bool:
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
_SEPARATOR_CHARS = "".join(sorted(_SEPARATORS))


def _words(text: str, offsets: Sequence[Sequence[int]]) -> list[list[int]]:
    """Token indices grouped into words: split at whitespace and at separator punctuation pieces."""
    words: list[list[int]] = []
    previous_end = -1
    previous_separator = False
    separators = _SEPARATOR_CHARS
    for i, (start, end) in enumerate(offsets):
        if end <= start:
            continue  # zero-width pieces (byte fallback, bare "▁") belong to no word
        separator = not text[start:end].strip(separators)  # every character a separator
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
