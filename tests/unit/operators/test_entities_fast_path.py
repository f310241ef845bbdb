"""`extract` skips spaCy's tokeniser for the pipeline `build_nlp` builds (operators/entities/extract.py,
`_standard`, `_aligned`); `extract_with_spacy` runs the pipeline itself and is the reference. The two must
give the same entities: on every development text, with and without model spans (spans on words, on
whitespace, at and just past both ends of the text), and on generated texts. Any other pipeline must go
through spaCy."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import operators.entities.extract as extract_module
from operators.entities.equipment import CATALOGUE
from operators.entities.extract import MODEL_MIN_CONFIDENCE, Found, build_nlp, extract, extract_with_spacy

EVAL = Path(__file__).resolve().parents[2] / "eval"
TEXTS = [
    json.loads(line)["text"]
    for path in sorted(EVAL.glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
LABELS = ("LOCATION", "EQUIPMENT", "QUANTITY", "UNIT", "PERSON", "ORG", "GRID", "DTG")
ModelSpan = tuple[str, int, int, float]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _outcome(run: Callable[..., list[list[Found]]], nlp: Language, *args: Any) -> object:
    """The entities, or the exception's type and message."""
    try:
        return run(nlp, *args)
    except Exception as exc:
        return type(exc).__name__, str(exc)


def _same(nlp: Language, texts: Sequence[str], refs: Sequence[datetime], spans: Any = None) -> None:
    fast = _outcome(extract, nlp, texts, refs, spans)
    assert fast == _outcome(extract_with_spacy, nlp, texts, refs, spans)


def test_the_development_texts_are_here() -> None:
    assert len(TEXTS) > 1000 and all(isinstance(t, str) and t for t in TEXTS)


# ----------------------------------------------------------------------------------------- model spans


def _model_spans(text: str) -> list[ModelSpan]:
    """Spans a model might give for a text: its capitalised words and numbers under every label (above and
    below the confidence floor), its whitespace runs, and spans at and just past both ends."""
    n = len(text)
    spans: list[ModelSpan] = []
    for i, m in enumerate(re.finditer(r"[A-ZÄÖÜÉ][\w'-]+(?: [A-ZÄÖÜÉ][\w'-]+)?|\d+(?:[.,]\d+)?\s?\w*", text)):
        confidence = (0.97, MODEL_MIN_CONFIDENCE, 0.5, 0.8)[i % 4]
        spans.append((LABELS[i % len(LABELS)], m.start(), m.end(), confidence))
    for i, m in enumerate(re.finditer(r"\s+", text)):
        spans.append((LABELS[i % 6], m.start(), m.end(), 0.9))  # whitespace only
        spans.append(("PERSON", m.start(), m.end() + 1, 0.9))  # from a space into the next word
    for start, end in [(0, 1), (0, n), (n - 1, n), (n, n), (n, n + 1), (n - 1, n + 1), (0, 0), (n - 2, n - 1)]:
        spans.append(("ORG", start, end, 0.9))
        spans.append(("LOCATION", start, end, 0.9))
    return spans


def test_every_development_text_without_model_spans(nlp: Language) -> None:
    assert extract(nlp, TEXTS, [NOW] * len(TEXTS)) == extract_with_spacy(nlp, TEXTS, [NOW] * len(TEXTS))


def test_every_development_text_with_model_spans(nlp: Language) -> None:
    spans = [_model_spans(text) for text in TEXTS]
    fast = extract(nlp, TEXTS, [NOW] * len(TEXTS), spans)
    assert fast == extract_with_spacy(nlp, TEXTS, [NOW] * len(TEXTS), spans)
    # The model's spans take part: some are kept, so the comparison covers them.
    assert sum(f.source == "model" for found in fast for f in found) > 100


# ----------------------------------------------------------------------------------------- generated texts

_FRAGMENTS = [t[i : i + 60] for t in TEXTS[::7] for i in range(0, len(t), 45)]
_WHITESPACE = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " \n ", "\r\n", "\u00a0", "\u2009", "\u3000"])
_PIECE = st.one_of(
    st.sampled_from(_FRAGMENTS),
    st.sampled_from(["Wiltz", "3 T-72", "32U LA 2530 3540", "061412ZDEC26", "B50", "vic Ettelbruck", "12x BMP-2"]),
    _WHITESPACE,
    st.text(st.characters(codec="utf-8"), max_size=6),
)
_TEXT = st.lists(_PIECE, max_size=6).map("".join)


@st.composite
def _spans_for(draw: st.DrawFn, text: str) -> list[ModelSpan]:
    n = len(text)
    edges = sorted({0, 1, n - 1, n, n + 1} | {m.start() for m in re.finditer(r"\s", text)})
    position = st.one_of(st.sampled_from(edges), st.integers(0, n + 1))
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.one_of(position, st.just(-1)))
        end = max(start, draw(st.one_of(st.sampled_from([start, start + 1]), position)))
        label = draw(st.sampled_from(LABELS))
        spans.append((label, start, end, draw(st.sampled_from([0.3, MODEL_MIN_CONFIDENCE, 0.9, 1.0]))))
    return spans


@st.composite
def _batch(draw: st.DrawFn) -> tuple[list[str], list[datetime], list[list[ModelSpan]] | None]:
    texts = draw(st.lists(_TEXT, min_size=1, max_size=3))
    if draw(st.booleans()):
        texts = [draw(_WHITESPACE) + t + draw(_WHITESPACE) for t in texts]  # leading and trailing whitespace
    refs = [draw(st.sampled_from([NOW, datetime(2027, 3, 14, 6, 15, tzinfo=UTC)])) for _ in texts]
    spans = [draw(_spans_for(t)) for t in texts] if draw(st.booleans()) else None
    return texts, refs, spans


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_batch())
def test_generated_texts_and_spans(nlp: Language, batch: Any) -> None:
    texts, refs, spans = batch
    _same(nlp, texts, refs, spans)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n", "  \n", "Wiltz", " Wiltz", "Wiltz ", "\nWiltz\n", "3 T-72 vic Wiltz  ", "a  b", " \n a \n"],
)
def test_edge_texts_with_spans_at_every_offset(nlp: Language, text: str) -> None:
    """Every span (start, end) with -1 <= start <= end <= len + 1, under a label the model keeps."""
    n = len(text)
    spans = [("PERSON", s, e, 0.9) for s in range(-1, n + 2) for e in range(s, n + 2)]
    for one in spans:
        _same(nlp, [text], [NOW], [[one]])
    _same(nlp, [text], [NOW], [spans])


# ----------------------------------------------------------------------------------------- which path


@pytest.fixture
def no_spacy_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the calls of `extract_with_spacy` made through `extract`."""
    calls: list[int] = []
    reference = extract_module.extract_with_spacy

    def counted(*args: Any, **kwargs: Any) -> list[list[Found]]:
        calls.append(1)
        return reference(*args, **kwargs)

    monkeypatch.setattr(extract_module, "extract_with_spacy", counted)
    yield calls


def test_the_standard_pipeline_takes_the_fast_path(nlp: Language, no_spacy_path: list[int]) -> None:
    found = extract(nlp, ["3 T-72 vic Wiltz at 061412ZDEC26"], [NOW])
    assert found and found[0] and no_spacy_path == []


def test_a_pipeline_with_another_pipe_goes_through_spacy(nlp: Language, no_spacy_path: list[int]) -> None:
    marker = Found("UNIT", 0, 1, "3", None, "probe")
    seen: list[str] = []

    def probe(doc: Doc) -> Doc:
        seen.append(doc.text)
        user_data = cast(dict[Any, Any], doc.user_data)  # keyed by tuples, as the pipeline keys it
        user_data[("triage", "entities")] = [*user_data.get(("triage", "entities"), []), marker]
        return doc

    if not Language.has_factory("probe_entities"):
        Language.component("probe_entities", func=probe)
    nlp.add_pipe("probe_entities")
    try:
        (found,) = extract(nlp, ["3 T-72 vic Wiltz"], [NOW])
    finally:
        nlp.remove_pipe("probe_entities")
    assert no_spacy_path == [1]
    assert found[-1] == marker and seen == ["3 T-72 vic Wiltz"]
    assert found[:-1] == extract(nlp, ["3 T-72 vic Wiltz"], [NOW])[0]


def test_a_pipeline_with_another_tokenizer_goes_through_spacy(nlp: Language, no_spacy_path: list[int]) -> None:
    standard = nlp.tokenizer
    tokenized: list[str] = []

    def tokenizer(text: str) -> Doc:
        tokenized.append(text)
        return standard(text)

    nlp.tokenizer = tokenizer
    try:
        found = extract(nlp, ["3 T-72 vic Wiltz"], [NOW])
    finally:
        nlp.tokenizer = standard
    assert no_spacy_path == [1] and tokenized == ["3 T-72 vic Wiltz"]
    assert found == extract(nlp, ["3 T-72 vic Wiltz"], [NOW])


def test_a_text_too_long_fails_alike(nlp: Language) -> None:
    limit = nlp.max_length
    nlp.max_length = 10
    try:
        fast = _outcome(extract, nlp, ["Wiltz", "3 T-72 vic Wiltz"], [NOW, NOW])
        assert fast == _outcome(extract_with_spacy, nlp, ["Wiltz", "3 T-72 vic Wiltz"], [NOW, NOW])
    finally:
        nlp.max_length = limit
    assert isinstance(fast, tuple) and fast[0] == "ValueError"


# The equipment regex groups its aliases by first letter (operators/entities/equipment.py,
# `_grouped_alternatives`); the flat alternation it replaces is the reference.
_FLAT: re.Pattern[str] | None = None


def _equipment_matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def _flat_equipment_pattern() -> re.Pattern[str]:
    from operators.entities import equipment

    global _FLAT
    if _FLAT is None:
        _FLAT = equipment._compile_equipment_pattern(equipment.CATALOGUE, grouped=False)
    return _FLAT


def test_the_grouped_equipment_regex_matches_as_the_flat_one_on_every_development_text() -> None:
    from operators.entities import equipment

    assert equipment._EQUIPMENT_PATTERN.pattern != _flat_equipment_pattern().pattern  # the grouped form is in use
    for text in TEXTS:
        assert _equipment_matches(equipment._EQUIPMENT_PATTERN, text) == _equipment_matches(
            _flat_equipment_pattern(), text
        ), text


_ALIASES = sorted({name for item in CATALOGUE for name in item.names})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_ALIASES),
            st.sampled_from(_ALIASES).map(str.upper),
            st.sampled_from(_ALIASES).map(str.lower),
            st.sampled_from(["2x", "3X", " ", "-", "s ", "S", ", ", "x", "ſ", "K", "İ", "é", "\n"]),
            st.text(max_size=6),
        ),
        max_size=12,
    ).map("".join)
)
def test_the_grouped_equipment_regex_matches_as_the_flat_one_on_generated_texts(text: str) -> None:
    from operators.entities import equipment

    assert _equipment_matches(equipment._EQUIPMENT_PATTERN, text) == _equipment_matches(_flat_equipment_pattern(), text)
