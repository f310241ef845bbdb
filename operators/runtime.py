"""ONNX Runtime inference for the triage models: verify a model directory, load it once, predict in batches.

No torch here: `predict` is batched and side-effect free; `decode_entities` and `decode_labels` turn scores into labels.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from numpy.typing import NDArray

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT_VERSION = 1
DEFAULT_BATCH_SIZE = 64
# Padded tokens per ONNX Runtime call. Splitting a length-sorted batch at this budget keeps padding low
# (short reports run together, long ones in smaller groups) for far less than one call costs.
DEFAULT_MAX_BATCH_TOKENS = 1024

ProviderChoice = Literal["auto", "cpu", "cuda", "tensorrt"]

_TRT = "TensorrtExecutionProvider"
_CUDA = "CUDAExecutionProvider"
_CPU = "CPUExecutionProvider"
# Preference order per choice. An explicit GPU choice keeps CPU last because ONNX Runtime places the
# few ops a GPU provider lacks on CPU; "auto" may end on CPU alone.
_PROVIDER_CHAINS: Mapping[str, tuple[str, ...]] = {
    "auto": (_TRT, _CUDA, _CPU),
    "tensorrt": (_TRT, _CUDA, _CPU),
    "cuda": (_CUDA, _CPU),
    "cpu": (_CPU,),
}
# Characters trimmed from the ends of an entity: a subword token can carry the punctuation after a word.
_LEADING_JUNK = " \t\r\n([{\"'«„“‘<"
_TRAILING_JUNK = " \t\r\n.,;:!?)]}\"'»“”’>"


class ModelError(Exception):
    """Root of the model runtime's errors."""


class ModelVerificationError(ModelError):
    """A model directory does not match its manifest; the message names the file."""

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(f"{file}: {problem}")
        self.file = file
        self.problem = problem


class ProviderUnavailableError(ModelError):
    """The execution provider asked for explicitly cannot run on this machine."""


# ----------------------------------------------------------------------------------------- manifest


@dataclass(frozen=True, slots=True)
class TokenizerSpec:
    kind: Literal["sentencepiece", "tekken", "hf_tokenizers"]
    file: str
    add_bos: bool
    bos_id: int
    pad_id: int
    vocab_size: int


@dataclass(frozen=True, slots=True)
class GraphSpec:
    file: str
    external_data: tuple[str, ...]
    opset: int
    precision: str
    inputs: tuple[str, ...]
    outputs: Mapping[str, str]  # head ("category", "urgency", "ner") -> graph output name


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str
    version: str
    graph: GraphSpec
    tokenizer: TokenizerSpec
    max_length: int
    category_labels: tuple[str, ...]
    urgency_labels: tuple[str, ...]
    ner_labels: tuple[str, ...]
    files: Mapping[str, str]  # relative path -> sha256
    raw: Mapping[str, Any] = field(repr=False)  # the whole document: metrics, parity, data description

    @property
    def model_sha256(self) -> str:
        """Identity of the model for provenance (`schemas.ModelRef`): the graph file's digest."""
        return self.files[self.graph.file]


def sha256_file(path: Path, chunk_size: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while block := src.read(chunk_size):
            digest.update(block)
    return digest.hexdigest()


def parse_manifest(document: Mapping[str, Any]) -> Manifest:
    """Manifest from its JSON document; raises ModelVerificationError naming manifest.json when malformed."""
    try:
        if int(document["format_version"]) != MANIFEST_FORMAT_VERSION:
            raise ModelVerificationError(
                MANIFEST_NAME, f"format_version {document['format_version']} is not {MANIFEST_FORMAT_VERSION}"
            )
        graph, tok, labels = document["graph"], document["tokenizer"], document["labels"]
        files = {str(k): str(v) for k, v in document["files"].items()}
        manifest = Manifest(
            name=str(document["name"]),
            version=str(document["version"]),
            graph=GraphSpec(
                file=str(graph["file"]),
                external_data=tuple(str(f) for f in graph.get("external_data", ())),
                opset=int(graph["opset"]),
                precision=str(graph.get("precision", "fp32")),
                inputs=tuple(str(i) for i in graph["inputs"]),
                outputs={str(k): str(v) for k, v in graph["outputs"].items()},
            ),
            tokenizer=TokenizerSpec(
                kind=tok["kind"],
                file=str(tok["file"]),
                add_bos=bool(tok["add_bos"]),
                bos_id=int(tok["bos_id"]),
                pad_id=int(tok["pad_id"]),
                vocab_size=int(tok["vocab_size"]),
            ),
            max_length=int(document["max_length"]),
            category_labels=tuple(str(x) for x in labels.get("category", ())),
            urgency_labels=tuple(str(x) for x in labels.get("urgency", ())),
            ner_labels=tuple(str(x) for x in labels.get("ner", ())),
            files=files,
            raw=dict(document),
        )
    except ModelVerificationError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelVerificationError(MANIFEST_NAME, f"malformed manifest ({type(exc).__name__}: {exc})") from None
    if manifest.tokenizer.kind not in ("sentencepiece", "tekken", "hf_tokenizers"):
        raise ModelVerificationError(MANIFEST_NAME, f"unknown tokenizer kind {manifest.tokenizer.kind!r}")
    for needed in (manifest.graph.file, manifest.tokenizer.file, *manifest.graph.external_data):
        if needed not in manifest.files:
            raise ModelVerificationError(needed, "used by the model but has no sha256 in manifest.json")
    return manifest


def verify_model_dir(path: str | Path) -> Manifest:
    """Check every file listed in the manifest against its sha256; raise ModelVerificationError naming the first bad one."""
    root = Path(path)
    manifest_path = root / MANIFEST_NAME
    if not manifest_path.is_file():
        raise ModelVerificationError(MANIFEST_NAME, f"missing in {root}")
    try:
        document = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelVerificationError(MANIFEST_NAME, f"unreadable ({exc})") from None
    if not isinstance(document, dict):
        raise ModelVerificationError(MANIFEST_NAME, "is not a JSON object")
    manifest = parse_manifest(document)
    for relative, expected in sorted(manifest.files.items()):
        target = (root / relative).resolve()
        # A manifest must not make us hash (or later load) files outside its own directory.
        if root.resolve() not in target.parents:
            raise ModelVerificationError(relative, "path points outside the model directory")
        if not target.is_file():
            raise ModelVerificationError(relative, "listed in manifest.json but missing")
        actual = sha256_file(target)
        if actual != expected:
            raise ModelVerificationError(
                relative, f"sha256 mismatch: manifest.json has {expected[:16]}…, file has {actual[:16]}…"
            )
    return manifest


# ----------------------------------------------------------------------------------------- tokenizers


class ReportTokenizer(Protocol):
    """Ids and character offsets (start, end) into the original text, without special tokens."""

    def encode_batch(self, texts: Sequence[str]) -> list[tuple[list[int], list[tuple[int, int]]]]: ...


class SentencePieceReportTokenizer:
    """Mistral SentencePiece tokenizer (v1/v2/v3/v7) loaded by mistral-common, with character offsets."""

    def __init__(self, file: Path) -> None:
        from mistral_common.tokens.tokenizers.base import TokenizerVersion
        from mistral_common.tokens.tokenizers.sentencepiece import SentencePieceTokenizer
        from sentencepiece import SentencePieceProcessor

        try:
            self.mistral = SentencePieceTokenizer(file)
        except Exception:  # noqa: BLE001 - the version suffix is optional in customer checkpoints
            self.mistral = SentencePieceTokenizer(file, tokenizer_version=TokenizerVersion.v1)
        # The same file through sentencepiece directly: mistral-common does not expose offsets, and the
        # ids are identical because mistral-common delegates encoding to this very processor.
        self._offsets = SentencePieceProcessor(model_file=str(file))
        self.vocab_size = int(self.mistral.n_words)
        self.bos_id = int(self.mistral.bos_id)

    def encode_batch(self, texts: Sequence[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
        results = self._offsets.encode(list(texts), return_type="offset_mapping")
        return [(list(r["ids"]), _trim_offsets(text, r["offsets"])) for text, r in zip(texts, results)]


class TekkenReportTokenizer:
    """Mistral Tekken (tiktoken-based) tokenizer from mistral-common; offsets from each token's bytes."""

    def __init__(self, file: Path) -> None:
        from mistral_common.tokens.tokenizers.tekken import Tekkenizer

        self.mistral = Tekkenizer.from_file(file)
        self.vocab_size = int(self.mistral.n_words)
        self.bos_id = int(self.mistral.bos_id)

    def encode_batch(self, texts: Sequence[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
        out: list[tuple[list[int], list[tuple[int, int]]]] = []
        for text in texts:
            ids = self.mistral.encode(text, bos=False, eos=False)
            char_of_byte = _byte_to_char_index(text)
            offsets: list[tuple[int, int]] = []
            pos = 0
            for token in ids:
                width = len(self.mistral.id_to_byte_piece(token))
                offsets.append((char_of_byte[pos][0], char_of_byte[pos + width][1]))
                pos += width
            out.append((ids, _trim_offsets(text, offsets)))
        return out


class HFReportTokenizer:
    """A checkpoint's own tokenizer.json, through the `tokenizers` library."""

    def __init__(self, file: Path) -> None:
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(file))
        self.vocab_size = int(self.tokenizer.get_vocab_size(with_added_tokens=True))
        bos = self.tokenizer.token_to_id("<s>")
        self.bos_id = int(bos) if bos is not None else 1

    def encode_batch(self, texts: Sequence[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [(list(e.ids), _trim_offsets(t, list(e.offsets))) for t, e in zip(texts, encodings)]


def load_tokenizer(model_dir: str | Path, spec: TokenizerSpec) -> ReportTokenizer:
    """The tokenizer a manifest names, from the model directory only (nothing is fetched)."""
    file = Path(model_dir) / spec.file
    if spec.kind == "sentencepiece":
        return SentencePieceReportTokenizer(file)
    if spec.kind == "tekken":
        return TekkenReportTokenizer(file)
    return HFReportTokenizer(file)


def _byte_to_char_index(text: str) -> list[tuple[int, int]]:
    # For each byte position: (char containing or starting at it, first char boundary at or after it),
    # so a token that splits a multi-byte character still maps to whole characters.
    table: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        width = len(char.encode("utf-8"))
        table.append((index, index))
        table.extend((index, index + 1) for _ in range(width - 1))
    table.append((len(text), len(text)))
    return table


def _trim_offsets(text: str, offsets: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    # SentencePiece glues the preceding space to a word ("▁Diekirch" covers " Diekirch"); entity spans
    # must start on the word, so leading whitespace is moved out of every token's span.
    trimmed: list[tuple[int, int]] = []
    for start, end in offsets:
        while start < end and text[start].isspace():
            start += 1
        trimmed.append((start, end))
    return trimmed


# ----------------------------------------------------------------------------------------- predictions


@dataclass(frozen=True, slots=True)
class Predictions:
    """Scores for a batch of texts, in input order. Heads the model lacks have zero-width arrays."""

    category_labels: tuple[str, ...]
    urgency_labels: tuple[str, ...]
    ner_labels: tuple[str, ...]
    category_probs: NDArray[np.float32]  # (n_texts, n_categories)
    urgency_probs: NDArray[np.float32]  # (n_texts, n_urgency)
    token_tags: tuple[NDArray[np.int64], ...]  # per text: most likely NER tag id per token kept after truncation
    token_probs: tuple[NDArray[np.float32], ...]  # per text: (n_tokens, n_tags) tag probabilities
    token_offsets: tuple[NDArray[np.int64], ...]  # per text: (n_tokens, 2) character start/end in the text
    truncated: NDArray[np.bool_]  # (n_texts,) True where tokens past max_length were dropped

    def __len__(self) -> int:
        return int(self.truncated.shape[0])


@dataclass(frozen=True, slots=True)
class EntitySpan:
    label: str
    start: int
    end: int
    text: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Judgement:
    category: str | None
    category_score: float
    urgency: str | None
    urgency_score: float


def _softmax(logits: NDArray[np.float32], axis: int = -1) -> NDArray[np.float32]:
    shifted = logits - logits.max(axis=axis, keepdims=True)
    exp = np.exp(shifted)
    result: NDArray[np.float32] = (exp / exp.sum(axis=axis, keepdims=True)).astype(np.float32)
    return result


class TriageModel:
    """One ONNX Runtime session, its tokenizer and labels; build with `load_model`, reuse for every batch."""

    def __init__(
        self,
        manifest: Manifest,
        session: Any,
        tokenizer: ReportTokenizer,
        model_dir: Path,
    ) -> None:
        self.manifest = manifest
        self.session = session
        self.tokenizer = tokenizer
        self.model_dir = model_dir
        self.providers: tuple[str, ...] = tuple(session.get_providers())
        self._output_names = list(manifest.graph.outputs.values())
        self._heads = list(manifest.graph.outputs.keys())

    @property
    def max_length(self) -> int:
        return self.manifest.max_length

    def encode(self, texts: Sequence[str]) -> tuple[list[list[int]], list[list[tuple[int, int]]], list[bool]]:
        """Token ids (with BOS when the model wants one) and offsets, truncated to max_length."""
        spec = self.manifest.tokenizer
        room = self.manifest.max_length - (1 if spec.add_bos else 0)
        ids_out: list[list[int]] = []
        offsets_out: list[list[tuple[int, int]]] = []
        truncated: list[bool] = []
        for ids, offsets in self.tokenizer.encode_batch(texts):
            truncated.append(len(ids) > room)
            ids, offsets = ids[:room], offsets[:room]
            if spec.add_bos:
                ids = [spec.bos_id, *ids]
                offsets = [(0, 0), *offsets]
            ids_out.append(ids)
            offsets_out.append(offsets)
        return ids_out, offsets_out, truncated

    def predict(
        self, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE, max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS
    ) -> Predictions:
        """Scores for every text, in input order.

        Texts are sorted by token length and cut into micro-batches of at most `batch_size` texts and about
        `max_batch_tokens` padded tokens, so little compute goes to padding.
        """
        if batch_size < 1 or max_batch_tokens < 1:
            raise ValueError("batch_size and max_batch_tokens must be at least 1")
        n = len(texts)
        ids, offsets, truncated = self.encode(texts)
        n_cat, n_urg, n_ner = (len(self.manifest.category_labels), len(self.manifest.urgency_labels), len(self.manifest.ner_labels))
        category = np.zeros((n, n_cat if "category" in self._heads else 0), dtype=np.float32)
        urgency = np.zeros((n, n_urg if "urgency" in self._heads else 0), dtype=np.float32)
        tags: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)] * n
        tag_probs: list[NDArray[np.float32]] = [np.zeros((0, n_ner), dtype=np.float32)] * n
        has_ner = "ner" in self._heads
        bos = 1 if self.manifest.tokenizer.add_bos else 0

        for chunk in _micro_batches(sorted(range(n), key=lambda i: len(ids[i])), ids, batch_size, max_batch_tokens):
            width = max(len(ids[i]) for i in chunk)
            # Rounded to a multiple of 8: fewer distinct shapes for GPU providers that specialise on them.
            width = max(1, int(math.ceil(width / 8.0) * 8))
            input_ids = np.full((len(chunk), width), self.manifest.tokenizer.pad_id, dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                input_ids[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            outputs = self.session.run(self._output_names, {"input_ids": input_ids, "attention_mask": mask})
            by_head = dict(zip(self._heads, outputs))
            if "category" in by_head:
                category[chunk] = _softmax(np.asarray(by_head["category"], dtype=np.float32))
            if "urgency" in by_head:
                urgency[chunk] = _softmax(np.asarray(by_head["urgency"], dtype=np.float32))
            if has_ner:
                probs = _softmax(np.asarray(by_head["ner"], dtype=np.float32))
                best = probs.argmax(-1)
                for row, i in enumerate(chunk):
                    length = len(ids[i])
                    tags[i] = best[row, bos:length].astype(np.int64)
                    tag_probs[i] = probs[row, bos:length]
        token_offsets = tuple(
            np.asarray(o[bos:], dtype=np.int64).reshape(-1, 2) for o in offsets
        )
        return Predictions(
            category_labels=self.manifest.category_labels,
            urgency_labels=self.manifest.urgency_labels,
            ner_labels=self.manifest.ner_labels,
            category_probs=category,
            urgency_probs=urgency,
            token_tags=tuple(tags),
            token_probs=tuple(tag_probs),
            token_offsets=token_offsets,
            truncated=np.asarray(truncated, dtype=np.bool_),
        )


def _micro_batches(order: list[int], ids: Sequence[Sequence[int]], batch_size: int, max_tokens: int) -> list[list[int]]:
    """Consecutive runs of the length-sorted indices, each within the text and padded-token budgets."""
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        # Sorted ascending, so the newest text sets the padded width of the whole run.
        if current and (len(current) >= batch_size or (len(current) + 1) * len(ids[i]) > max_tokens):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


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


# ----------------------------------------------------------------------------------------- loading


def _session_options(intra_op_threads: int | None) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.inter_op_num_threads = 1
    if intra_op_threads is not None:
        options.intra_op_num_threads = int(intra_op_threads)
    # Spinning threads burn the cores the event loop and the Kafka clients need between batches.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # provider fallbacks are reported through TriageModel.providers instead
    return options


def _nvidia_driver_present() -> bool:
    import ctypes

    try:
        ctypes.CDLL("libcuda.so.1")
    except OSError:
        return False
    return True


def _create_session(graph: Path, choice: str, intra_op_threads: int | None) -> Any:
    import onnxruntime as ort

    if choice not in _PROVIDER_CHAINS:
        raise ValueError(f"providers must be one of {', '.join(_PROVIDER_CHAINS)}, not {choice!r}")
    available = set(ort.get_available_providers())
    if choice == "auto" and not _nvidia_driver_present():
        # The GPU build lists GPU providers even without a GPU, and trying them prints errors
        # (to stdout, where `triage batch -` writes its results): go straight to CPU.
        available &= {_CPU}
    chain = [p for p in _PROVIDER_CHAINS[choice] if p in available]
    wanted = _PROVIDER_CHAINS[choice][0]
    if choice != "auto" and wanted not in available:
        raise ProviderUnavailableError(
            f"{wanted} is not in this onnxruntime build (available: {', '.join(sorted(available))})"
        )
    errors: list[str] = []
    while chain:
        try:
            session = ort.InferenceSession(str(graph), sess_options=_session_options(intra_op_threads), providers=chain)
        except Exception as exc:  # noqa: BLE001 - any provider failure means: try the next one
            errors.append(f"{chain[0]}: {exc}")
            chain = chain[1:]
            continue
        # ONNX Runtime silently drops a provider whose libraries fail to load; an explicit choice must not
        # quietly become CPU.
        if choice != "auto" and wanted not in session.get_providers():
            raise ProviderUnavailableError(
                f"{wanted} failed to initialise (session runs on {', '.join(session.get_providers())})"
            )
        return session
    raise ProviderUnavailableError("no execution provider could load the model: " + "; ".join(errors))


def load_model(
    path: str | Path,
    providers: ProviderChoice | str = "auto",
    intra_op_threads: int | None = None,
) -> TriageModel:
    """Verify the directory against its manifest, then build the one session and the tokenizer."""
    root = Path(path)
    manifest = verify_model_dir(root)
    session = _create_session(root / manifest.graph.file, providers, intra_op_threads)
    graph_outputs = {o.name for o in session.get_outputs()}
    for head, name in manifest.graph.outputs.items():
        if name not in graph_outputs:
            raise ModelVerificationError(manifest.graph.file, f"has no output {name!r} for the {head} head")
    tokenizer = load_tokenizer(root, manifest.tokenizer)
    return TriageModel(manifest, session, tokenizer, root)
