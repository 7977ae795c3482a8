"""The training loss: cross-entropy on completion tokens, the LM head run only where a loss
is taken, packed groups attending each to their own branch."""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F

from fncall.train.data import IGNORE, round_up


def branch_attention_mask(branch: torch.Tensor) -> torch.Tensor:
    """The attention of packed sequences (``branch`` as :func:`make_batch` gives it): each
    token sees the tokens before it on the shared prefix and on its own branch. Boolean,
    ``(batch, 1, width, width)``, True where attention is allowed (what SDPA takes)."""
    width = branch.shape[1]
    causal = torch.ones(width, width, dtype=torch.bool, device=branch.device).tril()
    query, key = branch[:, :, None], branch[:, None, :]
    return (causal & ((key == 0) | (key == query)))[:, None]


def packed_attention(
    config: Any, branch: torch.Tensor, positions: torch.Tensor
) -> torch.Tensor | dict[str, torch.Tensor]:
    """The attention mask of packed sequences for a model of ``config``: the branch mask,
    and for a model with sliding-window layers (Gemma 3) a second mask for those that also
    keeps each key within the window of the query's position in its own example, keyed by
    layer type as such models take it."""
    mask = branch_attention_mask(branch)
    window = getattr(config, "sliding_window", None)
    if not window or "sliding_attention" not in (getattr(config, "layer_types", None) or ()):
        return mask
    near = (positions[:, :, None] - positions[:, None, :]) < window
    return {"full_attention": mask, "sliding_attention": mask & near[:, None]}


def completion_loss(
    model: Any,
    batch: dict[str, torch.Tensor],
    multiple: int = 1,
    prompt_weight: float = 0.0,
) -> torch.Tensor:
    """Mean cross-entropy of the labelled (completion) tokens of ``batch`` (as
    :func:`make_batch` makes it) under ``model``, a causal LM with ``.model`` (hidden states)
    and ``.lm_head``; with ``prompt_weight`` > 0, prompt tokens count too, each with that
    weight.

    The LM head runs only on the positions that carry a loss (plus a few others, to make their
    count a multiple of ``multiple``): function-calling prompts are long and completions short,
    so completion-only training skips most of the head's work. Padding is on the right, so
    causal attention never lets a real token see it: batches without packed groups need no
    mask, and attention keeps its fast causal kernel.
    """
    inputs: dict[str, Any] = {"input_ids": batch["input_ids"], "use_cache": False}
    if bool((batch["branch"] > 0).any()):
        positions = batch["position_ids"]
        inputs["attention_mask"] = packed_attention(model.config, batch["branch"], positions)
        inputs["position_ids"] = positions
    hidden = model.model(**inputs).last_hidden_state
    width = hidden.shape[1]
    hidden = hidden.reshape(-1, hidden.shape[-1])
    previous = batch["previous"].reshape(-1)
    # the row of ``hidden`` that predicts each token (row 0 for those without one: weight 0)
    source = torch.arange(len(previous), device=previous.device) // width * width + previous
    source = torch.where(previous >= 0, source, 0)
    targets = batch["labels"].reshape(-1)
    completion = (targets != IGNORE) & (previous >= 0)
    weights = completion.float()
    if prompt_weight > 0:
        real = batch["attention_mask"].reshape(-1).bool()
        prompt = real & ~completion & (previous >= 0)
        targets = torch.where(prompt, batch["input_ids"].reshape(-1), targets)
        weights = weights + prompt.float() * prompt_weight
    counted = (weights > 0).nonzero().squeeze(1)
    extra = round_up(len(counted), multiple) - len(counted)
    rows = torch.cat([counted, (weights == 0).nonzero().squeeze(1)[:extra]])
    logits = model.lm_head(hidden[source[rows]])
    cap = getattr(model.config, "final_logit_softcapping", None)
    if cap:
        logits = torch.tanh(logits / cap) * cap
    losses = F.cross_entropy(logits.float(), targets[rows], ignore_index=IGNORE, reduction="none")
    return (losses * weights[rows]).sum() / weights[rows].sum()
