"""operators.inference: the shipped default model loads, predicts in EN/FR/DE, and maps entities back to text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operators.inference.decoding import decode_entities, decode_labels
from operators.inference.model import Predictions, TriageModel
from operators.inference.session import ProviderUnavailableError, load_model
from operators.inference.tokenizers import SentencePieceReportTokenizer

DEFAULT = Path(__file__).resolve().parents[3] / "models" / "default"

REPORTS = [
    ("en", "261430ZNOV26 2nd Platoon observed 3x T-72B3 moving N on the N7 towards Diekirch, grid 32U LA 12345 67890."),
    ("en", "TIC at Ettelbruck, taking small arms fire, 2 WIA, request MEDEVAC."),
    ("en", "NSTR"),
    ("fr", "Brouillage GPS dans la zone de Wiltz depuis 0300Z, le 2e peloton est injoignable."),
    ("fr", "Environ 200 réfugiés arrivés à Arlon, besoin d'abri et d'eau. Croix-Rouge informée."),
    ("fr", "RAS"),
    ("de", "ABC-Alarm: Chlorwolke zieht aus Remich nach Osten, 4 Soldaten der 3. Kompanie mit Symptomen."),
    ("de", "Brücke bei Ettelbrück nicht befahrbar, Versorgungskonvoi umgeleitet über Mersch."),
    ("de", "KBV"),
]


@pytest.fixture(scope="module")
def model() -> TriageModel:
    return load_model(DEFAULT, providers="cpu", intra_op_threads=1)


def test_predict_shapes_and_probabilities(model: TriageModel) -> None:
    texts = [t for _, t in REPORTS]
    p = model.predict(texts)
    assert len(p) == len(texts)
    assert p.category_probs.shape == (len(texts), len(model.manifest.category_labels)) == (len(texts), 8)
    assert p.urgency_probs.shape == (len(texts), 4)
    np.testing.assert_allclose(p.category_probs.sum(axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(p.urgency_probs.sum(axis=1), 1.0, atol=1e-5)
    for text, tags, probs, offsets in zip(texts, p.token_tags, p.token_probs, p.token_offsets):
        assert tags.shape[0] == probs.shape[0] == offsets.shape[0] > 0
        assert probs.shape[1] == len(model.manifest.ner_labels)
        assert (offsets[:, 0] <= offsets[:, 1]).all()
        assert offsets.min() >= 0 and offsets.max() <= len(text)
        assert (np.diff(offsets[:, 0]) >= 0).all()  # tokens stay in text order
    assert not p.truncated.any()


def test_entities_map_back_to_the_input_text(model: TriageModel) -> None:
    texts = [t for _, t in REPORTS]
    entities = decode_entities(model.predict(texts), texts)
    for text, spans in zip(texts, entities):
        for span in spans:
            assert text[span.start : span.end] == span.text
            assert span.text == span.text.strip()
            assert span.label in {"UNIT", "EQUIPMENT", "LOCATION", "GRID", "DTG", "QUANTITY", "PERSON", "ORG"}
    first = {(s.label, s.text) for s in entities[0]}
    # A few unambiguous mentions that a working model must find in the first English report.
    assert ("EQUIPMENT", "T-72B3") in first
    assert ("GRID", "32U LA 12345 67890") in first
    assert ("DTG", "261430ZNOV26") in first


def test_labels_are_sensible_in_each_language(model: TriageModel) -> None:
    texts = [t for _, t in REPORTS]
    judged = decode_labels(model.predict(texts))
    by_text = dict(zip(texts, judged))
    assert by_text[REPORTS[1][1]].category == "attack"
    assert by_text[REPORTS[3][1]].category == "cyber_ew"
    assert by_text[REPORTS[6][1]].category == "cbrn"
    for lang_routine in ("NSTR", "RAS", "KBV"):
        assert by_text[lang_routine].category == "routine"
        assert by_text[lang_routine].urgency == "ROUTINE"


def test_bucketing_does_not_change_results(model: TriageModel) -> None:
    texts = [t for _, t in REPORTS]
    together = model.predict(texts, batch_size=4)
    alone = [model.predict([t]) for t in texts]
    for i, single in enumerate(alone):
        np.testing.assert_allclose(together.category_probs[i], single.category_probs[0], atol=1e-4)
        np.testing.assert_array_equal(together.token_offsets[i], single.token_offsets[0])


def test_cpu_micro_batches_are_padded_to_their_longest_text_only(
    model: TriageModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rounding widths up to 8 helps accelerators; on the CPU provider it would only be padding."""
    widths: list[tuple[int, int]] = []
    real = model.session

    class Spy:
        def run(self, names: list[str], feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
            widths.append((feeds["input_ids"].shape[1], int(feeds["attention_mask"].sum(axis=1).max())))
            return list(real.run(names, feeds))

    monkeypatch.setattr(model, "session", Spy())
    assert model.pad_multiple == 1
    texts = [t for _, t in REPORTS]
    model.predict(texts, batch_size=2)
    assert widths and all(width == longest for width, longest in widths)
    assert any(longest % 8 for _, longest in widths)  # a width that rounding would have changed


def test_truncation_is_flagged_and_bounded(model: TriageModel) -> None:
    long_text = "enemy column moving north on the N7 towards Diekirch. " * 80
    p = model.predict([long_text, "NSTR"])
    assert p.truncated.tolist() == [True, False]
    bos = 1 if model.manifest.tokenizer.add_bos else 0
    assert p.token_offsets[0].shape[0] == model.max_length - bos


def test_empty_inputs(model: TriageModel) -> None:
    assert len(model.predict([])) == 0
    p = model.predict([""])
    assert p.category_probs.shape == (1, 8)
    assert decode_entities(p, [""]) == [[]]


def test_provider_choice(model: TriageModel) -> None:
    assert model.providers[-1] == "CPUExecutionProvider"
    with pytest.raises(ValueError):
        load_model(DEFAULT, providers="tpu")


def test_explicit_gpu_provider_is_not_silently_cpu() -> None:
    import onnxruntime as ort

    if "CUDAExecutionProvider" not in ort.get_available_providers():
        with pytest.raises(ProviderUnavailableError):
            load_model(DEFAULT, providers="cuda")
        return
    try:
        gpu = load_model(DEFAULT, providers="cuda")
    except ProviderUnavailableError as exc:
        assert "CUDAExecutionProvider" in str(exc)  # a CUDA-enabled build on a machine without a usable GPU
    else:
        assert gpu.providers[0] == "CUDAExecutionProvider"


def test_auto_falls_back_to_a_working_provider() -> None:
    auto = load_model(DEFAULT, providers="auto", intra_op_threads=1)
    assert auto.providers
    assert len(auto.predict(["NSTR"])) == 1


# ------------------------------------------------------------------ decode_entities on hand-built scores

TAGS = ("O", "B-LOCATION", "I-LOCATION", "B-QUANTITY", "I-QUANTITY")


def _hand_built(text: str, pieces: list[tuple[int, int, str]]) -> Predictions:
    probs = np.full((len(pieces), len(TAGS)), 0.01, dtype=np.float32)
    for row, (_, _, tag) in enumerate(pieces):
        probs[row, TAGS.index(tag)] = 0.96
    return Predictions(
        category_labels=(),
        urgency_labels=(),
        ner_labels=TAGS,
        category_probs=np.zeros((1, 0), np.float32),
        urgency_probs=np.zeros((1, 0), np.float32),
        token_tags=(probs.argmax(-1),),
        token_probs=(probs,),
        token_offsets=(np.asarray([(s, e) for s, e, _ in pieces], dtype=np.int64).reshape(-1, 2),),
        truncated=np.zeros(1, dtype=np.bool_),
    )


def test_decode_joins_subword_pieces_and_trims_punctuation() -> None:
    text = "3 pax vic Gréiwemaacher, out"
    pieces = [
        (0, 1, "B-QUANTITY"),
        (2, 3, "O"),
        (3, 5, "O"),
        (6, 9, "O"),
        (10, 12, "B-LOCATION"),
        (12, 13, "B-LOCATION"),
        (13, 23, "I-LOCATION"),
        (23, 24, "O"),
        (25, 28, "O"),
    ]
    [spans] = decode_entities(_hand_built(text, pieces), [text])
    assert [(s.label, s.text) for s in spans] == [("QUANTITY", "3"), ("LOCATION", "Gréiwemaacher")]


def test_decode_inside_without_begin_and_zero_width_pieces() -> None:
    text = "near St. Vith"
    pieces = [(0, 4, "O"), (5, 5, "O"), (5, 8, "I-LOCATION"), (9, 13, "I-LOCATION")]
    [spans] = decode_entities(_hand_built(text, pieces), [text])
    assert [(s.label, s.start, s.end) for s in spans] == [("LOCATION", 5, 13)]


def test_decode_two_adjacent_entities_of_one_type() -> None:
    text = "Diekirch Vianden"
    pieces = [(0, 8, "B-LOCATION"), (9, 16, "B-LOCATION")]
    [spans] = decode_entities(_hand_built(text, pieces), [text])
    assert [s.text for s in spans] == ["Diekirch", "Vianden"]


def test_decode_never_runs_an_entity_into_a_list_marker_or_over_a_line_break() -> None:
    # The model tags the "2" of "2)" as the grid's continuation; a field number is never entity text.
    text = "1) Wiltz 2) 3 pax\nClervaux"
    pieces = [
        (0, 1, "O"),
        (1, 2, "O"),
        (3, 8, "B-LOCATION"),
        (9, 10, "I-LOCATION"),
        (10, 11, "O"),
        (12, 13, "B-QUANTITY"),
        (14, 17, "O"),
        (18, 26, "I-LOCATION"),
    ]
    [spans] = decode_entities(_hand_built(text, pieces), [text])
    assert [(s.label, s.text) for s in spans] == [("LOCATION", "Wiltz"), ("QUANTITY", "3"), ("LOCATION", "Clervaux")]
    # Without the bracket, "2" is an ordinary word and may continue the entity.
    text2 = "Wiltz 2 x"
    [spans2] = decode_entities(_hand_built(text2, [(0, 5, "B-LOCATION"), (6, 7, "I-LOCATION"), (8, 9, "O")]), [text2])
    assert [s.text for s in spans2] == ["Wiltz 2"]
    # Across a line break, an I- tag starts a new entity instead of joining the previous one.
    text3 = "Wiltz\nClervaux"
    [spans3] = decode_entities(_hand_built(text3, [(0, 5, "B-LOCATION"), (6, 14, "I-LOCATION")]), [text3])
    assert [s.text for s in spans3] == ["Wiltz", "Clervaux"]


# ------------------------------------------------------------------ tokenizer offsets


@pytest.fixture(scope="module")
def tokenizer() -> SentencePieceReportTokenizer:
    return SentencePieceReportTokenizer(DEFAULT / "tokenizer.model.v1")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_offsets_stay_inside_the_text(tokenizer: SentencePieceReportTokenizer, text: str) -> None:
    [(ids, offsets)] = tokenizer.encode_batch([text])
    assert len(ids) == len(offsets)
    last = 0
    for start, end in offsets:
        assert 0 <= start <= end <= len(text)
        assert start >= last or start == end
        last = max(last, start)
        assert not text[start:end][:1].isspace()


def test_tokenizer_is_mistral_32k(tokenizer: SentencePieceReportTokenizer) -> None:
    assert tokenizer.vocab_size == 32000
    assert tokenizer.bos_id == 1
    [(ids, _)] = tokenizer.encode_batch(["Véhicules à Échternach"])
    assert ids == tokenizer.mistral.encode("Véhicules à Échternach", bos=False, eos=False)


def test_batch_encoding_matches_mistral_common_text_by_text(tokenizer: SentencePieceReportTokenizer) -> None:
    # encode_batch encodes one text per call (cheaper than sentencepiece's list mode on few cores):
    # each text's ids are still mistral-common's, and a batch gives what its texts give one by one.
    texts = ["SPOTREP: 3x T-72B3 près de Kharkiv, 0630Z", "", "Übung in Grafenwöhr\n\tabgeschlossen", "  x  "]
    batch = tokenizer.encode_batch(texts)
    assert [ids for ids, _ in batch] == [tokenizer.mistral.encode(t, bos=False, eos=False) for t in texts]
    assert batch == [tokenizer.encode_batch([t])[0] for t in texts]


def test_tekken_offsets_cover_the_text() -> None:
    import mistral_common

    from operators.inference.tokenizers import TekkenReportTokenizer

    tekken = TekkenReportTokenizer(Path(mistral_common.__file__).parent / "data" / "tekken_240911.json")
    text = "Véhicules à Échternach 🚁, 32U LA 12345"
    [(ids, offsets)] = tekken.encode_batch([text])
    assert len(ids) == len(offsets)
    assert all(0 <= s <= e <= len(text) for s, e in offsets)
    # Byte pieces of one multi-byte character map to that whole character; dropping such repeats, the
    # pieces spell the text without its spaces.
    distinct = [text[s:e] for i, (s, e) in enumerate(offsets) if i == 0 or (s, e) != tuple(offsets[i - 1])]
    assert "".join(distinct) == text.replace(" ", "")
