"""One ONNX Runtime session with its tokenizer and labels: batched, side-effect-free prediction."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from operators.inference.manifest import Manifest
from operators.inference.tokenizers import ReportTokenizer

DEFAULT_BATCH_SIZE = 64
# Padded tokens per ONNX Runtime call. Splitting a length-sorted batch at this budget keeps padding low
# (short reports run together, long ones in smaller groups) for far less than one call costs.
DEFAULT_MAX_BATCH_TOKENS = 1024


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
        self.vocabulary: frozenset[str] | None = None  # the training corpus's words, when the model ships them
        self._output_names = list(manifest.graph.outputs.values())
        self._heads = list(manifest.graph.outputs.keys())
        # Padded widths rounded up to a multiple of 8 on accelerators, which specialise kernels per shape;
        # on the CPU provider the rounding is only padding (about 3% of the model's time on bench reports).
        self.pad_multiple: int = 1 if self.providers[:1] == ("CPUExecutionProvider",) else 8

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
        self,
        texts: Sequence[str],
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
    ) -> Predictions:
        """Scores for every text, in input order.

        Texts are sorted by token length and cut into micro-batches of at most `batch_size` texts and about
        `max_batch_tokens` padded tokens, so little compute goes to padding.
        """
        if batch_size < 1 or max_batch_tokens < 1:
            raise ValueError("batch_size and max_batch_tokens must be at least 1")
        n = len(texts)
        ids, offsets, truncated = self.encode(texts)
        n_cat, n_urg, n_ner = (
            len(self.manifest.category_labels),
            len(self.manifest.urgency_labels),
            len(self.manifest.ner_labels),
        )
        category = np.zeros((n, n_cat if "category" in self._heads else 0), dtype=np.float32)
        urgency = np.zeros((n, n_urg if "urgency" in self._heads else 0), dtype=np.float32)
        tags: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)] * n
        tag_probs: list[NDArray[np.float32]] = [np.zeros((0, n_ner), dtype=np.float32)] * n
        has_ner = "ner" in self._heads
        bos = 1 if self.manifest.tokenizer.add_bos else 0

        for chunk in _micro_batches(sorted(range(n), key=lambda i: len(ids[i])), ids, batch_size, max_batch_tokens):
            width = max(len(ids[i]) for i in chunk)
            width = max(1, int(math.ceil(width / self.pad_multiple) * self.pad_multiple))
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
        token_offsets = tuple(np.asarray(o[bos:], dtype=np.int64).reshape(-1, 2) for o in offsets)
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
