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

    The whole batch is decided at once: the texts' pieces are laid end to end and every word of every
    text is scored by the same few numpy operations (per text they cost more in overhead than in work).
    Only the words that an entity kind wins are visited one by one, to build the spans.
    """
    if len(texts) != len(predictions):
        raise ValueError(f"{len(texts)} texts for {len(predictions)} predictions")
    names = predictions.ner_labels
    kinds = sorted({name.split("-", 1)[1] for name in names if "-" in name})
    result: list[list[EntitySpan]] = [[] for _ in texts]
    used = [i for i, probs in enumerate(predictions.token_probs) if probs.shape[0] > 0]
    if not kinds or not used:
        return result
    begin_idx = np.asarray([names.index(f"B-{k}") if f"B-{k}" in names else -1 for k in kinds])
    inside_idx = np.asarray([names.index(f"I-{k}") if f"I-{k}" in names else -1 for k in kinds])
    outside = names.index("O") if "O" in names else -1
    for i in used:
        if predictions.token_offsets[i].shape[0] != predictions.token_probs[i].shape[0]:
            raise ValueError(
                f"text {i}: {predictions.token_offsets[i].shape[0]} offsets for "
                f"{predictions.token_probs[i].shape[0]} token scores"
            )
    probs = np.concatenate([predictions.token_probs[i] for i in used])
    offsets = np.concatenate([predictions.token_offsets[i].reshape(-1, 2) for i in used])
    owner = np.repeat(np.arange(len(used)), [predictions.token_probs[i].shape[0] for i in used])
    used_texts = [texts[i] for i in used]
    tokens, first_pos, lengths = _words(used_texts, offsets, owner)
    if first_pos.shape[0] == 0:
        return result

    # Per token: probability of each entity kind (B+I) and of O.
    begin_p = _take(probs, begin_idx)
    inside_p = _take(probs, inside_idx)
    kind_p = begin_p + inside_p
    o_p = probs[:, outside] if outside >= 0 else np.zeros(probs.shape[0], dtype=np.float32)
    firsts = tokens[first_pos]
    lasts = tokens[first_pos + lengths - 1]
    scores, o_scores = _word_means(kind_p, o_p, tokens, first_pos, lengths)
    best = scores.argmax(axis=1)
    top = scores[np.arange(first_pos.shape[0]), best]
    entity_words = np.flatnonzero(~(top <= o_scores))
    if entity_words.shape[0] == 0:
        return result
    prefers_inside = (inside_p[firsts, best] >= begin_p[firsts, best]).tolist()
    best_list: list[int] = best.tolist()
    top_list: list[float] = top.tolist()
    starts: list[int] = offsets[firsts, 0].tolist()
    ends: list[int] = offsets[lasts, 1].tolist()
    word_owner: list[int] = owner[firsts].tolist()

    current: tuple[str, int, int, list[float]] | None = None
    previous, text_at = -2, -1
    text, spans = "", result[0]
    # Only the words where an entity kind beats O; a word between two of them, or a new text, ends the
    # open entity.
    for w in entity_words.tolist():
        if word_owner[w] != text_at:
            if current is not None:
                _append_span(spans, text, current)
            current = None
            text_at = word_owner[w]
            text, spans = used_texts[text_at], result[used[text_at]]
        elif current is not None and w != previous + 1:
            _append_span(spans, text, current)
            current = None
        previous = w
        start, end = starts[w], ends[w]
        if _is_list_marker(text, start, end):
            if current is not None:
                _append_span(spans, text, current)
            current = None
            continue
        kind = kinds[best_list[w]]
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
    return result


# numpy's float32 sum of a 1-D array adds its items one after the other up to this many (pairwise beyond).
_SEQUENTIAL_SUM = 7


def _word_means(
    kind_p: NDArray[np.float32],
    o_p: NDArray[np.float32],
    tokens: NDArray[np.int64],
    first_pos: NDArray[np.int64],
    lengths: NDArray[np.int64],
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """Per word, its pieces' mean kind scores and O score, with the float32 arithmetic of `.mean()` (items
    added in order, then divided by the count), so every decision is that of a word-by-word loop."""
    longest = int(lengths.max())
    if longest == 1:
        return kind_p[tokens[first_pos]], o_p[tokens[first_pos]]
    # The first pieces of every word side by side (a zero row where a word has fewer), added one column
    # after the other: x + 0.0 is x, so each word's sum is its own pieces' sum, in order.
    width = min(longest, _SEQUENTIAL_SUM)
    column = np.arange(width)
    at = np.minimum(first_pos[:, None] + column, tokens.shape[0] - 1)
    index = np.where(column < lengths[:, None], tokens[at], kind_p.shape[0])
    kind_rows = np.concatenate([kind_p, np.zeros((1, kind_p.shape[1]), dtype=kind_p.dtype)])[index]
    o_rows = np.append(o_p, np.float32(0.0))[index]
    scores = kind_rows[:, 0]
    o_scores = o_rows[:, 0]
    for j in range(1, width):
        scores = scores + kind_rows[:, j]
        o_scores = o_scores + o_rows[:, j]
    several = lengths > 1
    counts = lengths.astype(np.float32)
    scores[several] = scores[several] / counts[several, None]
    o_scores[several] = o_scores[several] / counts[several]
    for r in np.flatnonzero(lengths > _SEQUENTIAL_SUM).tolist():
        # numpy sums long runs pairwise: a 1-D run, and a (pieces, 1) column when there is one entity kind
        pieces = tokens[first_pos[r] : first_pos[r] + lengths[r]]
        scores[r] = kind_p[pieces].mean(axis=0)
        o_scores[r] = o_p[pieces].mean()
    return scores, o_scores


_LIST_MARKER = re.compile(r"(?:\d{1,2}|[A-Za-z])\)")


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """A line or field number such as "2)" or "b)" (the word plus a closing bracket) is never entity text."""
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
_SEPARATOR_TABLE = np.zeros(128, dtype=np.bool_)
_SEPARATOR_TABLE[[ord(c) for c in _SEPARATORS]] = True


def _words(
    texts: Sequence[str], offsets: NDArray[np.int64], owner: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    """Pieces grouped into words: split at whitespace and at separator punctuation pieces.

    `offsets` are the pieces of all `texts` end to end, `owner` the text of each. Returns the pieces that
    belong to a word (zero-width ones, byte fallback or a bare "▁", belong to none), and per word the
    position of its first piece in that array and its number of pieces: word w is
    `tokens[first[w] : first[w] + length[w]]`. A piece opens a word at the start of a text, after a gap,
    and when it or the previous piece is all separator characters.
    """
    empty = np.zeros(0, dtype=np.int64)
    tokens = np.flatnonzero(offsets[:, 1] > offsets[:, 0])
    if tokens.shape[0] == 0:
        return empty, empty, empty
    sizes = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    bases = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(sizes[:-1], out=bases[1:])
    whose = owner[tokens]
    size, base = sizes[whose], bases[whose]
    # A piece's characters as slicing sees them: cut at the end of its own text.
    s = np.minimum(offsets[tokens, 0], size) + base
    e = np.minimum(offsets[tokens, 1], size) + base
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4")
    separator_char = _SEPARATOR_TABLE[np.minimum(codes, 127)] & (codes < 128)
    # Characters that are not separators, counted up to each position: a piece is a separator when it has none.
    others = np.zeros(codes.shape[0] + 1, dtype=np.int64)
    np.cumsum(~separator_char, out=others[1:])
    separator = others[e] - others[s] == 0
    opens = np.ones(tokens.shape[0], dtype=np.bool_)
    opens[1:] = (
        (whose[1:] != whose[:-1]) | (offsets[tokens[1:], 0] > offsets[tokens[:-1], 1]) | separator[1:] | separator[:-1]
    )
    first = np.flatnonzero(opens)
    lengths = np.diff(np.append(first, tokens.shape[0]))
    return tokens, first, lengths


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
