"""Training loop for the multi-head triage Mistral on the synthetic corpus (CPU, deterministic given a seed).

Tokenisation goes through `operators.inference`'s tokenizer so training and inference see identical ids and offsets.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from models.recipe.architecture import MistralForReportTriage
from models.recipe.corpus import SyntheticReport
from operators.inference.tokenizers import ReportTokenizer

IGNORE = -100


@dataclass(frozen=True, slots=True)
class EncodedSet:
    ids: list[np.ndarray]
    tags: list[np.ndarray]
    category: np.ndarray
    urgency: np.ndarray


@dataclass(frozen=True, slots=True)
class TrainSettings:
    steps: int = 2400
    batch_size: int = 32
    learning_rate: float = 2e-3
    warmup_steps: int = 150
    weight_decay: float = 0.01
    seed: int = 1234
    threads: int = 2
    max_seconds: float = 900.0  # a safety stop on a slow or shared machine; logged when it triggers
    token_noise: float = 0.1  # share of input tokens replaced by random ids (labels kept)
    loss_weights: tuple[float, float, float] = (1.0, 1.0, 1.0)  # category, urgency, NER (0 trains a head out)
    device: str = "cpu"  # the shipped build trains on CPU; "cuda" only speeds up one-off measurements
    time_budget_s: float | None = None  # if set, the step count is fitted to this budget after step 30


def bio_labels(entity_labels: Sequence[str]) -> list[str]:
    return ["O", *(f"{prefix}-{label}" for label in entity_labels for prefix in ("B", "I"))]


def encode_reports(
    reports: Sequence[SyntheticReport],
    tokenizer: ReportTokenizer,
    *,
    max_length: int,
    bos_id: int,
    categories: Sequence[str],
    urgencies: Sequence[str],
    ner_labels: Sequence[str],
) -> EncodedSet:
    tag_index = {t: i for i, t in enumerate(ner_labels)}
    cat_index = {c: i for i, c in enumerate(categories)}
    urg_index = {u: i for i, u in enumerate(urgencies)}
    room = max_length - 1
    ids_out: list[np.ndarray] = []
    tags_out: list[np.ndarray] = []
    for report, (ids, offsets) in zip(reports, tokenizer.encode_batch([r.text for r in reports])):
        ids, offsets = ids[:room], offsets[:room]
        tags = [IGNORE]  # BOS carries no tag
        entities = sorted(report.entities, key=lambda e: e.start)
        if not report.ner_labelled:
            # Hand-written text without entity spans: no token may teach the NER head "O".
            ids_out.append(np.asarray([bos_id, *ids], dtype=np.int64))
            tags_out.append(np.full(len(ids) + 1, IGNORE, dtype=np.int64))
            continue
        for start, end in offsets:
            if end <= start:
                tags.append(IGNORE)  # zero-width pieces are skipped by decode_entities too
                continue
            tag = tag_index["O"]
            for entity in entities:
                if start < entity.end and end > entity.start:
                    # A token that contains the entity's first character begins it.
                    prefix = "B" if start <= entity.start else "I"
                    tag = tag_index[f"{prefix}-{entity.label}"]
                    break
            tags.append(tag)
        ids_out.append(np.asarray([bos_id, *ids], dtype=np.int64))
        tags_out.append(np.asarray(tags, dtype=np.int64))
    return EncodedSet(
        ids=ids_out,
        tags=tags_out,
        category=np.asarray([cat_index[r.category] for r in reports], dtype=np.int64),
        urgency=np.asarray([urg_index[r.precedence] for r in reports], dtype=np.int64),
    )


def _batches(data: EncodedSet, batch_size: int, rng: random.Random) -> list[list[int]]:
    # Length bucketing: sort inside shuffled pools of 50 batches, so each batch pads little but the order
    # of batches stays random.
    order = list(range(len(data.ids)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches: list[list[int]] = []
    for i in range(0, len(order), pool):
        chunk = sorted(order[i : i + pool], key=lambda j: len(data.ids[j]))
        batches.extend(chunk[k : k + batch_size] for k in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def collate(data: EncodedSet, index: Sequence[int], pad_id: int) -> dict[str, torch.Tensor]:
    width = max(len(data.ids[i]) for i in index)
    ids = np.full((len(index), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(index), width), dtype=np.int64)
    tags = np.full((len(index), width), IGNORE, dtype=np.int64)
    for row, i in enumerate(index):
        n = len(data.ids[i])
        ids[row, :n] = data.ids[i]
        mask[row, :n] = 1
        tags[row, :n] = data.tags[i]
    return {
        "input_ids": torch.from_numpy(ids),
        "attention_mask": torch.from_numpy(mask),
        "tags": torch.from_numpy(tags),
        "category": torch.from_numpy(data.category[list(index)]),
        "urgency": torch.from_numpy(data.urgency[list(index)]),
    }


def train(
    model: MistralForReportTriage,
    data: EncodedSet,
    settings: TrainSettings,
    pad_id: int,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Train in place; returns a short summary (steps run, seconds, final losses)."""
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    rng = random.Random(settings.seed)
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        # Norm gains and biases are not weight-decayed; neither is the embedding, which is sparse in use.
        (no_decay if param.ndim < 2 or "embed" in name or "norm" in name else decay).append(param)
    optimiser = torch.optim.AdamW(
        [{"params": decay, "weight_decay": settings.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=settings.learning_rate,
        betas=(0.9, 0.98),
    )

    total = settings.steps
    clock: dict[str, float] = {"start": time.monotonic()}

    def progress_at(step: int) -> float:
        if settings.time_budget_s:
            # Time-based cosine: on a busy machine fewer steps run, but the learning rate still anneals to
            # its floor exactly when the budget ends (stopping a step-based schedule early would not).
            return (time.monotonic() - clock["start"]) / settings.time_budget_s
        return (step - settings.warmup_steps) / max(1, total - settings.warmup_steps)

    def lr_at(step: int) -> float:
        if step < settings.warmup_steps:
            return (step + 1) / settings.warmup_steps
        return 0.05 + 0.95 * 0.5 * (1.0 + math.cos(math.pi * min(1.0, max(0.0, progress_at(step)))))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, lr_at)
    ce = nn.CrossEntropyLoss()
    ce_tags = nn.CrossEntropyLoss(ignore_index=IGNORE)
    noise_gen = torch.Generator().manual_seed(settings.seed)
    vocab = int(model.config.vocab_size)
    model.to(settings.device)
    model.train()
    started = time.monotonic()
    step = 0
    running = {"category": 0.0, "urgency": 0.0, "ner": 0.0}
    stopped_early = False
    clock["start"] = started
    while step < total:
        for index in _batches(data, settings.batch_size, rng):
            if step >= total:
                break
            if settings.time_budget_s and time.monotonic() - started >= settings.time_budget_s:
                total = step  # the budget is spent and the learning rate is at its floor: done
                break
            if time.monotonic() - started > settings.max_seconds:
                stopped_early = True
                log(f"train: time budget of {settings.max_seconds:.0f}s reached at step {step}")
                break
            batch = collate(data, index, pad_id)
            if settings.token_noise > 0:
                # Random token replacement: the templates are few, so without it the model memorises
                # whole phrasings instead of learning which words matter, and fails on new wording.
                ids = batch["input_ids"]
                hit = torch.rand(ids.shape, generator=noise_gen) < settings.token_noise
                hit &= batch["attention_mask"].bool()
                hit[:, 0] = False
                ids[hit] = torch.randint(3, vocab, (int(hit.sum()),), generator=noise_gen)
            batch = {k: v.to(settings.device) for k, v in batch.items()}
            out = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
            loss_cat = ce(out.category_logits, batch["category"])
            loss_urg = ce(out.urgency_logits, batch["urgency"])
            flat_tags = batch["tags"].reshape(-1)
            if bool((flat_tags != IGNORE).any()):
                loss_ner = ce_tags(out.ner_logits.reshape(-1, out.ner_logits.shape[-1]), flat_tags)
            else:  # a batch of hand-written text only (long texts bucket together): no NER target at all
                loss_ner = out.ner_logits.sum() * 0.0
            w_cat, w_urg, w_ner = settings.loss_weights
            loss = w_cat * loss_cat + w_urg * loss_urg + w_ner * loss_ner
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            for key, value in (("category", loss_cat), ("urgency", loss_urg), ("ner", loss_ner)):
                running[key] = 0.98 * running[key] + 0.02 * float(value.detach()) if step else float(value.detach())
            step += 1
            if step % 200 == 0 or step == total:
                elapsed = time.monotonic() - started
                log(
                    f"train: step {step}/{total} {elapsed:.0f}s loss cat {running['category']:.3f} "
                    f"urg {running['urgency']:.3f} ner {running['ner']:.3f}"
                )
        if stopped_early:
            break
    model.to("cpu")
    model.eval()
    return {
        "steps": float(step),
        "seconds": round(time.monotonic() - started, 1),
        "stopped_early": float(stopped_early),
        **{f"loss_{k}": round(v, 4) for k, v in running.items()},
    }
