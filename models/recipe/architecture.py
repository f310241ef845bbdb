"""The project's multi-head Mistral: one (optionally bidirectional) trunk, category + urgency + BIO heads, one forward pass.

Stored as an ordinary Hugging Face checkpoint (config.json + safetensors) with `architectures: ["MistralForReportTriage"]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import nn
from transformers import MistralConfig, MistralModel, MistralPreTrainedModel
from transformers.utils import ModelOutput

ARCHITECTURE = "MistralForReportTriage"


def triage_config(
    *,
    vocab_size: int,
    category_labels: Sequence[str],
    urgency_labels: Sequence[str],
    ner_labels: Sequence[str],
    hidden_size: int,
    num_layers: int,
    num_heads: int,
    num_kv_heads: int,
    intermediate_size: int,
    max_length: int,
    pad_token_id: int,
    bidirectional: bool = True,
) -> MistralConfig:
    """A MistralConfig carrying the triage heads' labels; unknown keys survive save/load in config.json."""
    config = MistralConfig(
        vocab_size=vocab_size,
        hidden_size=hidden_size,
        intermediate_size=intermediate_size,
        num_hidden_layers=num_layers,
        num_attention_heads=num_heads,
        num_key_value_heads=num_kv_heads,
        max_position_embeddings=max_length,
        sliding_window=None,  # reports are far shorter than any window; None keeps one plain mask path
        pad_token_id=pad_token_id,
        bos_token_id=1,
        eos_token_id=2,
        tie_word_embeddings=False,
        architectures=[ARCHITECTURE],
    )
    config.triage_category_labels = list(category_labels)
    config.triage_urgency_labels = list(urgency_labels)
    config.triage_ner_labels = list(ner_labels)
    config.triage_bidirectional = bool(bidirectional)
    config.triage_pooling = "mean"
    return config


@dataclass
class TriageOutput(ModelOutput):
    category_logits: torch.Tensor | None = None
    urgency_logits: torch.Tensor | None = None
    ner_logits: torch.Tensor | None = None


class MistralForReportTriage(MistralPreTrainedModel):
    """Mistral trunk + mean-pooled category and urgency heads + a per-token BIO head."""

    def __init__(self, config: MistralConfig) -> None:
        super().__init__(config)
        self.model = MistralModel(config)
        self.bidirectional = bool(getattr(config, "triage_bidirectional", True))
        if self.bidirectional:
            # Mistral's attention reads `is_causal` when no mask is given; we always give a padding-only
            # mask, but clearing the flag keeps the layers honest if a backend consults it.
            for layer in self.model.layers:
                layer.self_attn.is_causal = False
        hidden = config.hidden_size
        self.category_head = nn.Linear(hidden, len(config.triage_category_labels))
        self.urgency_head = nn.Linear(hidden, len(config.triage_urgency_labels))
        self.ner_head = nn.Linear(hidden, len(config.triage_ner_labels))
        self.post_init()

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> TriageOutput:
        if self.bidirectional:
            # A 4-D additive mask is passed through Mistral's mask builder unchanged (it returns early on
            # 4-D input), which turns the causal decoder into a bidirectional encoder without patching it.
            dtype = self.model.embed_tokens.weight.dtype
            keep = attention_mask[:, None, None, :].to(dtype)
            mask = (1.0 - keep) * torch.finfo(dtype).min
            hidden = self.model(input_ids=input_ids, attention_mask=mask).last_hidden_state
        else:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
        return TriageOutput(
            category_logits=self.category_head(pooled),
            urgency_logits=self.urgency_head(pooled),
            ner_logits=self.ner_head(hidden),
        )
