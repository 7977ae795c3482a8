"""The training loop: a small function-calling model from scratch, nanoGPT-style.

Read it top to bottom: the configuration, the data (load, tokenise once into a cache, batch by
length), the loss, the optimiser and its schedule, the run directory (config check,
checkpoints, exports), then :func:`train`, which ties them together.

A run directory (``config.out``) holds::

    config.json        the configuration (a resumed run must match it)
    tokenizer/         trained once on the data, reused on resume
    tokens-<key>.npz   the tokenised dataset, keyed by data digest and tokenizer
    checkpoint/        model, optimiser, RNG state and position in the data (atomic)
    model/             the latest exported model (safetensors, tokenizer, fncall.json)
    log.jsonl          one line per ``log_every`` steps, and one per evaluation
    loss.png           the loss curve, redrawn at each evaluation
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import math
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import torch
import torch.nn.functional as F
from safetensors.torch import load_file
from tqdm.auto import tqdm
from transformers import LlamaForCausalLM, PreTrainedTokenizerFast

from fncall.errors import TrainError
from fncall.train.model import ModelSize, build_model, save_model
from fncall.train.plot import plot_loss
from fncall.train.tokenizer import save_tokenizer, train_tokenizer

IGNORE = -100
"""The label of positions that carry no loss (prompt and padding)."""

TOKENS_FORMAT = 3
"""The layout of the ``tokens-<key>.npz`` cache (part of its key): caches of another layout
are not read, and the data is tokenised again."""

RESUMABLE = ("max_steps", "eval_every", "save_every", "log_every", "threads", "metadata", "device")
"""Configuration fields that may change when a run is resumed (to extend it, to log, save or
evaluate more or less often, to move it to another device); ``out`` is where the run is, so it
is never compared either. (A resumed run is bit-identical to an uninterrupted one only with the
same threads and device.)"""


# --- configuration -----------------------------------------------------------------------


@dataclass
class TrainConfig:
    """What to train, on what, and how.

    Attributes:
        data: Training JSONL, one ``{"prompt": str, "completion": str}`` per line, the
            completion ending with the dialect's stop marker; consecutive lines with one
            ``"group"`` value (examples offering the same tools) are packed and trained as
            one sequence (see :class:`TokenizedData`). Other fields are ignored.
        out: The run directory (created; a run found there is resumed).
        size: The model's shape.
        vocab_size: Tokenizer vocabulary (fewer if the data cannot fill it).
        special_tokens: Dialect markers the tokenizer keeps whole (e.g. ``<bot_end>``).
        max_length: Sequences (an example's prompt, completion and EOS, or a packed group)
            longer than this many tokens are skipped and their examples counted, never
            truncated.
        batch_tokens: Token budget of one optimiser step, padding included; an example
            longer than the budget makes a batch by itself.
        lr: Peak learning rate, reached after ``warmup_steps``.
        min_lr: Learning rate at ``max_steps`` (cosine decay from ``lr``).
        warmup_steps: Steps of linear warmup.
        max_steps: Optimiser steps in all. Raising it extends a finished run; the cosine
            then stretches to the new end.
        weight_decay: AdamW decay of the matrices (not of norms or embeddings).
        grad_clip: Gradient norm clip (0 for none).
        seed: Model initialisation and data order.
        eval_every: Steps between exports to ``out/model`` (and ``evaluate`` calls).
        save_every: Steps between checkpoints.
        log_every: Steps between ``log.jsonl`` lines.
        threads: ``torch.set_num_threads`` (None: leave torch's default).
        dtype: ``"bfloat16"`` (autocast; weights and optimiser stay float32) or
            ``"float32"``. bfloat16 is about 1.6-1.9x faster on CPUs with AMX or
            AVX512-BF16; on older CPUs float32 may be faster.
        pad_multiple: Batches are padded to a width that is a multiple of this (at most
            ``max_length``), and the LM head's row count rounded up to one: every new matrix
            shape costs CPU kernels a setup (milliseconds per matmul in bfloat16, a second or
            more per step for a small model), so few distinct shapes pay for a little padding.
        prompt_loss_weight: The weight of each prompt token's loss beside a completion
            token's 1.0. 0 trains on completions only; a little weight lets a model trained
            from scratch learn to read and copy from prompts far sooner, because prompts hold
            most of the tokens (and repeat parameter names between signature and docstring).
        device: ``"cpu"``, or e.g. ``"cuda"``.
        init: A model directory to start from instead of random weights (fine-tuning, or
            training on in stages with new data): its tokenizer and weights are taken, and
            ``size`` must be its shape.
        metadata: Written into the exported model's ``fncall.json`` (e.g. its dialect),
            with the facts of the run under ``"training"``.
    """

    data: Path
    out: Path
    size: ModelSize
    vocab_size: int = 4096
    special_tokens: tuple[str, ...] = ()
    max_length: int = 1024
    batch_tokens: int = 8192
    lr: float = 2e-3
    min_lr: float = 2e-4
    warmup_steps: int = 100
    max_steps: int = 2000
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    seed: int = 0
    eval_every: int = 500
    save_every: int = 100
    log_every: int = 10
    threads: int | None = None
    dtype: str = "bfloat16"
    pad_multiple: int = 64
    prompt_loss_weight: float = 0.0
    device: str = "cpu"
    init: Path | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data, self.out = Path(self.data), Path(self.out)
        self.init = None if self.init is None else Path(self.init)
        self.special_tokens = tuple(self.special_tokens)
        for name in ("vocab_size", "max_length", "batch_tokens", "max_steps"):
            if getattr(self, name) < 1:
                raise TrainError(f"{name} must be at least 1, not {getattr(self, name)}")
        if not 0 <= self.prompt_loss_weight <= 1:
            raise TrainError(f"prompt_loss_weight must be in [0, 1], got {self.prompt_loss_weight}")
        for name in ("eval_every", "save_every", "log_every", "pad_multiple"):
            if getattr(self, name) < 1:
                raise TrainError(f"{name} must be at least 1, not {getattr(self, name)}")
        for name in ("lr", "min_lr", "warmup_steps", "weight_decay", "grad_clip"):
            if getattr(self, name) < 0:
                raise TrainError(f"{name} must not be negative, not {getattr(self, name)}")
        if self.dtype not in ("float32", "bfloat16"):
            raise TrainError(f"dtype must be 'float32' or 'bfloat16', not {self.dtype!r}")
        if self.max_length > self.size.max_positions:
            raise TrainError(
                f"max_length {self.max_length} exceeds the model's "
                f"max_positions {self.size.max_positions}"
            )

    def to_json(self) -> dict[str, Any]:
        """The configuration as JSON values (paths as strings, the size as a dict)."""
        return json.loads(json.dumps(dataclasses.asdict(self), default=str))


@dataclass
class TrainResult:
    """What a run produced.

    Attributes:
        model_dir: The exported model (``out/model``).
        steps: Optimiser steps taken in all (this session and those before it).
        tokens: Tokens trained on in all (padding not counted).
        final_loss: Mean completion loss over the last ``log_every`` steps.
        skipped_examples: Examples in sequences longer than ``max_length``.
        evals: Every evaluation so far, ``{"step": int, **metrics}``.
        tokens_per_s: Training throughput of this session (optimiser steps only; exports,
            evaluations and checkpoints not counted), 0.0 if it took no step.
        parameters: The model's parameter count.
    """

    model_dir: Path
    steps: int
    tokens: int
    final_loss: float
    skipped_examples: int
    evals: list[dict[str, Any]]
    tokens_per_s: float = 0.0
    parameters: int = 0


# --- data --------------------------------------------------------------------------------


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class TrainingExample(NamedTuple):
    """One training record: the prompt, the completion, and the group it belongs to (None
    for none). Consecutive records of one group are packed into one sequence (see
    :class:`TokenizedData`)."""

    prompt: str
    completion: str
    group: int | str | None = None


def load_examples(path: Path) -> list[TrainingExample]:
    """The examples of a training JSONL file (blank lines skipped): ``prompt`` and
    ``completion`` strings, and an optional ``group`` (an integer or string shared by
    consecutive records that offer the same tools; ``fncall data synth --group-size``).

    Raises:
        TrainError: The file is missing, empty, not UTF-8 or not JSONL, or a record lacks a
            ``prompt`` or ``completion`` string or has a ``group`` that is neither an
            integer nor a string; the message names the file and line.
    """
    if not path.is_file():
        raise TrainError(f"{path}: no such data file")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TrainError(f"{path}, line {line}: not UTF-8 text") from None
    examples = []
    # split on newlines only: JSON strings may hold U+2028 and friends, which splitlines cuts
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise TrainError(f"{path}, line {number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise TrainError(f"{path}, line {number}: not a JSON object")
        for key in ("prompt", "completion"):
            if not isinstance(record.get(key), str):
                raise TrainError(f"{path}, line {number}: no {key!r} string")
        group = record.get("group")
        if group is not None and (isinstance(group, bool) or not isinstance(group, int | str)):
            raise TrainError(f"{path}, line {number}: 'group' must be an integer or a string")
        examples.append(TrainingExample(record["prompt"], record["completion"], group))
    if not examples:
        raise TrainError(f"{path}: no examples (the file is empty)")
    return examples


@dataclass
class TokenizedData:
    """The training sequences as token ids.

    A sequence is one example (its prompt, completion and EOS), or a group of examples that
    share a prompt prefix, packed: the shared prefix once, then for each example the rest of
    its prompt, its completion and EOS, as a *branch* that attends to the prefix and to
    itself only, at the positions it has in its own example. Each example is trained exactly
    as if alone, and the prefix (the tool block, most of a function-calling prompt) is
    computed once for the group.

    Attributes:
        ids: All sequences' ids end to end (int32).
        offsets: Sequence ``i`` is ``ids[offsets[i]:offsets[i + 1]]`` (int64, one longer).
        completion: Per token, whether it is a completion token (bool).
        branch: Per token, 0 on the shared prefix (the whole of an ungrouped example), ``k``
            on the ``k``-th example's branch (int32). A token's position in its own example
            follows from it (:func:`make_batch`).
        examples: Per sequence, how many examples it holds (int32).
    """

    ids: np.ndarray
    offsets: np.ndarray
    completion: np.ndarray
    branch: np.ndarray
    examples: np.ndarray

    def __len__(self) -> int:
        return len(self.examples)

    @property
    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)


def _common_prefix(sequences: Sequence[list[int]]) -> int:
    """How many leading ids all of ``sequences`` share."""
    shortest = min(len(s) for s in sequences)
    for index in range(shortest):
        if any(s[index] != sequences[0][index] for s in sequences):
            return index
    return shortest


def tokenize_examples(
    examples: Sequence[TrainingExample | tuple[str, str]], tokenizer: PreTrainedTokenizerFast
) -> TokenizedData:
    """Tokenise prompts as the engines do at inference (``tokenizer(prompt)``) and completions
    without special tokens, then join them with EOS after the completion: the boundary
    between prompt and completion is exact, and generation learns to stop. Consecutive
    examples of one group become one packed sequence (see :class:`TokenizedData`); the prefix
    they share is found on token ids, so each branch continues it exactly."""
    examples = [TrainingExample(*example) for example in examples]
    prompts = tokenizer([e.prompt for e in examples])["input_ids"]
    completions = tokenizer([e.completion for e in examples], add_special_tokens=False)["input_ids"]
    eos = tokenizer.eos_token_id
    ids: list[int] = []
    completion: list[bool] = []
    branch: list[int] = []
    offsets, counts = [0], []
    start = 0
    while start < len(examples):
        end = start + 1
        group = examples[start].group
        while end < len(examples) and group is not None and examples[end].group == group:
            end += 1
        members = range(start, end)
        shared = _common_prefix([prompts[i] for i in members]) if end - start > 1 else 0
        ids += prompts[start][:shared]
        completion += [False] * shared
        branch += [0] * shared
        for number, i in enumerate(members, 1 if end - start > 1 else 0):
            rest = prompts[i][shared:] + completions[i] + [eos]
            ids += rest
            completion += [False] * (len(prompts[i]) - shared) + [True] * (len(completions[i]) + 1)
            branch += [number] * len(rest)
        offsets.append(len(ids))
        counts.append(end - start)
        start = end
    return TokenizedData(
        np.array(ids, dtype=np.int32),
        np.array(offsets, dtype=np.int64),
        np.array(completion, dtype=bool),
        np.array(branch, dtype=np.int32),
        np.array(counts, dtype=np.int32),
    )


def epoch_batches(
    lengths: np.ndarray, batch_tokens: int, seed: int, epoch: int
) -> list[np.ndarray]:
    """One epoch's batches, as arrays of indices into ``lengths``.

    The examples are shuffled (by ``seed`` and ``epoch``), cut into buckets of about fifty
    batches' worth, each bucket sorted by length and cut into batches whose padded size
    (count times the longest) fits ``batch_tokens``; the batches are then shuffled too. Close
    lengths share a batch, so little compute goes to padding, and the order still varies.
    """
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(len(lengths))
    bucket = max(1, 50 * batch_tokens // max(1, int(lengths.mean())))
    batches: list[np.ndarray] = []
    for start in range(0, len(order), bucket):
        chunk = order[start : start + bucket]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        first = 0
        for end in range(1, len(chunk)):
            # sorted by length: if chunk[end] joins the batch, it is the longest in it
            if lengths[chunk[end]] * (end + 1 - first) > batch_tokens:
                batches.append(chunk[first:end])
                first = end
        batches.append(chunk[first:])
    return [batches[i] for i in rng.permutation(len(batches))]


def round_up(length: int | np.ndarray, multiple: int) -> Any:
    """``length`` rounded up to a multiple of ``multiple``."""
    return -(-length // multiple) * multiple


def make_batch(
    data: TokenizedData, indices: Sequence[int], pad_id: int, width: int | None = None
) -> dict[str, torch.Tensor]:
    """The sequences at ``indices``, right-padded to ``width`` columns (by default as wide as
    the longest), as tensors:

    - ``input_ids``;
    - ``labels``: the ids themselves on completion and EOS, :data:`IGNORE` on prompt and
      padding;
    - ``attention_mask``: 1 on real tokens;
    - ``position_ids``: each token's position in its own example;
    - ``branch``: as in :class:`TokenizedData`, -1 on padding;
    - ``previous``: the column of the token before each one in its own example, whose hidden
      state predicts it (for a branch's first token, the prefix's last), -1 for none.
    """
    lengths = [int(data.offsets[i + 1] - data.offsets[i]) for i in indices]
    shape = (len(indices), max(*lengths, width or 0))
    input_ids = np.full(shape, pad_id, dtype=np.int64)
    labels = np.full(shape, IGNORE, dtype=np.int64)
    attention_mask = np.zeros(shape, dtype=np.int64)
    position_ids = np.zeros(shape, dtype=np.int64)
    branch = np.full(shape, -1, dtype=np.int64)
    previous = np.full(shape, -1, dtype=np.int64)
    for row, (i, length) in enumerate(zip(indices, lengths, strict=True)):
        span = slice(data.offsets[i], data.offsets[i + 1])
        ids, branches = data.ids[span], data.branch[span].astype(np.int64)
        input_ids[row, :length] = ids
        labels[row, :length] = np.where(data.completion[span], ids, IGNORE)
        attention_mask[row, :length] = 1
        branch[row, :length] = branches
        columns = np.arange(length)
        prefix = int((branches == 0).sum())
        starts = np.diff(branches, prepend=-1) != 0  # the prefix's first column, each branch's
        run_start = np.maximum.accumulate(np.where(starts, columns, 0))
        # a branch continues its example from the end of the prefix, wherever it is packed
        position_ids[row, :length] = columns - run_start + np.where(branches > 0, prefix, 0)
        before = columns - 1
        after_branch = np.concatenate(([0], branches[:-1])) > 0
        before[starts & after_branch] = prefix - 1  # a branch follows the prefix, not another
        previous[row, :length] = before
    arrays = {
        "input_ids": input_ids,
        "labels": labels,
        "attention_mask": attention_mask,
        "position_ids": position_ids,
        "branch": branch,
        "previous": previous,
    }
    return {name: torch.from_numpy(array) for name, array in arrays.items()}


def branch_attention_mask(branch: torch.Tensor) -> torch.Tensor:
    """The attention of packed sequences (``branch`` as :func:`make_batch` gives it): each
    token sees the tokens before it on the shared prefix and on its own branch. Boolean,
    ``(batch, 1, width, width)``, True where attention is allowed (what SDPA takes)."""
    width = branch.shape[1]
    causal = torch.ones(width, width, dtype=torch.bool, device=branch.device).tril()
    query, key = branch[:, :, None], branch[:, None, :]
    return (causal & ((key == 0) | (key == query)))[:, None]


# --- loss, optimiser, schedule -----------------------------------------------------------


def completion_loss(
    model: LlamaForCausalLM,
    batch: dict[str, torch.Tensor],
    multiple: int = 1,
    prompt_weight: float = 0.0,
) -> torch.Tensor:
    """Mean cross-entropy of the labelled (completion) tokens of ``batch`` (as
    :func:`make_batch` makes it); with ``prompt_weight`` > 0, prompt tokens count too, each
    with that weight.

    The LM head runs only on the positions that carry a loss (plus a few others, to make their
    count a multiple of ``multiple``): function-calling prompts are long and completions short,
    so completion-only training skips most of the head's work. Padding is on the right, so
    causal attention never lets a real token see it: batches without packed groups need no
    mask, and attention keeps its fast causal kernel.
    """
    inputs: dict[str, Any] = {"input_ids": batch["input_ids"], "use_cache": False}
    if bool((batch["branch"] > 0).any()):
        inputs["attention_mask"] = branch_attention_mask(batch["branch"])
        inputs["position_ids"] = batch["position_ids"]
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
    losses = F.cross_entropy(logits.float(), targets[rows], ignore_index=IGNORE, reduction="none")
    return (losses * weights[rows]).sum() / weights[rows].sum()


def make_optimizer(model: torch.nn.Module, config: TrainConfig) -> torch.optim.AdamW:
    """AdamW that decays the weight matrices only (not norms, embeddings or biases)."""
    decay, keep = [], []
    for name, parameter in model.named_parameters():
        (decay if parameter.ndim >= 2 and "embed" not in name else keep).append(parameter)
    groups = [
        {"params": decay, "weight_decay": config.weight_decay},
        {"params": keep, "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(groups, lr=config.lr, betas=(0.9, 0.95), eps=1e-8)


def learning_rate(step: int, config: TrainConfig) -> float:
    """The rate for optimiser step ``step`` (counted from 0): a linear warmup to ``lr`` over
    ``warmup_steps``, then a cosine down to ``min_lr`` at ``max_steps``."""
    if step < config.warmup_steps:
        return config.lr * (step + 1) / config.warmup_steps
    if step >= config.max_steps:
        return config.min_lr
    progress = (step - config.warmup_steps) / max(1, config.max_steps - config.warmup_steps)
    return config.min_lr + 0.5 * (1 + math.cos(math.pi * progress)) * (config.lr - config.min_lr)


# --- the run directory ---------------------------------------------------------------------


def replace_dir(target: Path, write: Callable[[Path], Any]) -> Path:
    """Fill a fresh directory beside ``target`` with ``write`` and swap it in, so that a kill
    at any moment leaves a whole directory: the new one, the old one, or (killed between the
    two renames) the old one as ``<target>.old``, which :func:`recover_dir` puts back."""
    temporary = target.with_name(target.name + ".tmp")
    old = target.with_name(target.name + ".old")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    write(temporary)
    if target.exists():
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    temporary.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def recover_dir(target: Path) -> None:
    """Put back a directory that :func:`replace_dir` was swapping out when it was killed."""
    old = target.with_name(target.name + ".old")
    if not target.exists() and old.is_dir():
        old.rename(target)


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def check_config(config: TrainConfig, digest: str) -> bool:
    """Refuse to resume a run of another configuration; True if ``out/config.json`` records
    this one (with the data's digest), False if it records none.

    Raises:
        TrainError: ``out/config.json`` differs in a field besides :data:`RESUMABLE`; the
            message names it. The data file counts as changed when its content does.
    """
    current = {**config.to_json(), "data_sha256": digest}
    path = config.out / "config.json"
    if path.is_file():
        recorded = json.loads(path.read_text())
        for name in sorted(set(recorded) | set(current)):
            if name in (*RESUMABLE, "out", "data"):
                continue
            if recorded.get(name) == current.get(name):
                continue
            if name == "data_sha256":
                what = (
                    f"data: {config.data} is not the file it was trained on (its content changed)"
                )
            else:
                what = f"{name}: {recorded.get(name)!r} there, {current.get(name)!r} now"
            raise TrainError(
                f"{config.out} holds a run of another configuration, field {what}; only "
                f"{', '.join(RESUMABLE)} may change when a run resumes "
                "(use another out directory for a new run)"
            )
        return True
    return False


def record_config(config: TrainConfig, digest: str) -> None:
    """Write the configuration, with the data's digest, to ``out/config.json``."""
    config.out.mkdir(parents=True, exist_ok=True)
    current = {**config.to_json(), "data_sha256": digest}
    _write_atomic(config.out / "config.json", (json.dumps(current, indent=2) + "\n").encode())


def load_or_train_tokenizer(
    config: TrainConfig, examples: Callable[[], list[TrainingExample]]
) -> PreTrainedTokenizerFast:
    """The run's tokenizer: ``out/tokenizer`` if there is one, else ``config.init``'s, else
    trained on the prompts and completions of the data; saved there.

    Raises:
        TrainError: ``config.init`` has no tokenizer.
    """
    directory = config.out / "tokenizer"
    recover_dir(directory)
    if not directory.is_dir():
        if config.init is not None:
            if not (config.init / "tokenizer.json").is_file():
                raise TrainError(f"init: {config.init} has no tokenizer.json (not a model dir?)")
            tokenizer = PreTrainedTokenizerFast.from_pretrained(str(config.init))
        else:
            texts = [text for example in examples() for text in example[:2]]
            tokenizer = train_tokenizer(texts, config.vocab_size, config.special_tokens)
        replace_dir(directory, lambda d: save_tokenizer(tokenizer, d))
    return PreTrainedTokenizerFast.from_pretrained(str(directory))


def load_or_tokenize(
    config: TrainConfig,
    digest: str,
    tokenizer_dir: Path,
    tokenizer: PreTrainedTokenizerFast,
    examples: Callable[[], list[TrainingExample]],
) -> TokenizedData:
    """The tokenised dataset from ``out/tokens-<key>.npz`` (the key hashes the data and the
    tokenizer), tokenising and writing it first if it is not there."""
    key = hashlib.sha256(
        f"{TOKENS_FORMAT}:{digest}:{file_digest(tokenizer_dir / 'tokenizer.json')}".encode()
    ).hexdigest()[:16]
    path = config.out / f"tokens-{key}.npz"
    if path.is_file():
        with np.load(path) as arrays:
            return TokenizedData(**{name: arrays[name] for name in arrays.files})
    data = tokenize_examples(examples(), tokenizer)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as file:
        np.savez(file, **dataclasses.asdict(data))
    os.replace(temporary, path)
    return data


def save_checkpoint(
    out: Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer, state: dict[str, Any]
) -> None:
    """Write model, optimiser, RNG state and ``state`` (step, tokens, position in the data…)
    to ``out/checkpoint``, atomically."""

    def write(directory: Path) -> None:
        torch.save(model.state_dict(), directory / "model.pt")
        torch.save(optimizer.state_dict(), directory / "optimizer.pt")
        torch.save({"torch": torch.get_rng_state()}, directory / "rng.pt")
        (directory / "state.json").write_text(json.dumps(state, indent=2) + "\n")

    replace_dir(out / "checkpoint", write)


def load_initial_weights(model: torch.nn.Module, directory: Path) -> None:
    """Copy the safetensors weights of the model directory ``directory`` into ``model``.

    Raises:
        TrainError: no weights there, or weights of another shape (naming the tensor).
    """
    files = sorted(directory.glob("*.safetensors"))
    if not files:
        raise TrainError(f"init: {directory} has no .safetensors weights")
    weights: dict[str, torch.Tensor] = {}
    for file in files:
        weights.update(load_file(str(file)))
    own = model.state_dict()
    for name, tensor in own.items():
        found = weights.get(name)
        if found is None and name == "lm_head.weight":
            continue  # tied to the embeddings, so not stored
        if found is None or found.shape != tensor.shape:
            shape = "missing" if found is None else f"shape {tuple(found.shape)}"
            raise TrainError(
                f"init: {directory} does not fit this model size: {name} is {shape}, the "
                f"model needs {tuple(tensor.shape)} (pass the size it was trained with)"
            )
    model.load_state_dict({k: v for k, v in weights.items() if k in own}, strict=False)


def load_checkpoint(
    out: Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer
) -> dict[str, Any] | None:
    """Restore ``out/checkpoint`` into ``model``, ``optimizer`` and the RNG; its state, or
    None when there is no checkpoint."""
    directory = out / "checkpoint"
    recover_dir(directory)
    if not directory.is_dir():
        return None
    device = next(model.parameters()).device
    model.load_state_dict(torch.load(directory / "model.pt", device, weights_only=True))
    optimizer.load_state_dict(torch.load(directory / "optimizer.pt", device, weights_only=True))
    torch.set_rng_state(torch.load(directory / "rng.pt", weights_only=True)["torch"])
    return json.loads((directory / "state.json").read_text())


def _rewind_log(path: Path, step: int) -> None:
    """Drop log lines past ``step``: steps after the last checkpoint are trained again."""
    if not path.is_file():
        return
    kept = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            if json.loads(line).get("step", 0) <= step:
                kept.append(line + "\n")
    _write_atomic(path, "".join(kept).encode())


# SIGTERM is how a scheduler or a closing session ends a job: it stops training as Ctrl-C does
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _hold_interrupts() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the model and optimiser change, so that a stop never
    leaves them half-updated: it is raised as KeyboardInterrupt as soon as they agree again.
    (Only the main thread can handle signals; elsewhere this holds nothing.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {
        s: signal.signal(s, lambda number, frame: received.append(number)) for s in _STOP_SIGNALS
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
    if received:
        raise KeyboardInterrupt


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt while training, so that it too saves a checkpoint
    (by default SIGTERM ends the process at once and loses the steps since the last one)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


# --- training ------------------------------------------------------------------------------


def train(
    config: TrainConfig,
    evaluate: Callable[[Path], dict[str, float]] | None = None,
    progress: bool = True,
) -> TrainResult:
    """Train (or resume training) a model as ``config`` says; see the module docstring for
    what the run directory holds.

    Every ``eval_every`` steps and at the end the model is exported to ``out/model`` and, if
    ``evaluate`` is given, ``evaluate(out / "model")``'s metrics are logged. Ctrl-C or
    SIGTERM saves a checkpoint and raises KeyboardInterrupt; running again resumes exactly
    where it stopped (the same weights as a run that was never stopped).

    Raises:
        TrainError: Bad data (naming file and line), a run directory holding another
            configuration (naming the field), or no example within ``max_length``.
    """
    out = config.out
    if config.threads is not None:
        torch.set_num_threads(config.threads)
    if not config.data.is_file():
        raise TrainError(f"{config.data}: no such data file")
    digest = file_digest(config.data)
    resuming = check_config(config, digest)

    parsed: list[list[TrainingExample]] = []

    def examples() -> list[TrainingExample]:  # parsed at most once, and only if needed
        if not parsed:
            parsed.append(load_examples(config.data))
        return parsed[0]

    if not resuming:
        examples()  # a new run: check the data before recording anything
    record_config(config, digest)

    tokenizer = load_or_train_tokenizer(config, examples)
    data = load_or_tokenize(config, digest, out / "tokenizer", tokenizer, examples)
    lengths = data.lengths
    kept = np.flatnonzero(lengths <= config.max_length)
    widths = np.minimum(round_up(lengths, config.pad_multiple), config.max_length)
    skipped = int(data.examples.sum() - data.examples[kept].sum())
    if not len(kept):
        raise TrainError(
            f"{config.data}: none of its {len(data)} sequences fits in max_length "
            f"{config.max_length} tokens (the shortest has {int(lengths.min())})"
        )

    device = torch.device(config.device)
    model = build_model(tokenizer, config.size, seed=config.seed).to(device)
    model.train()
    parameters = sum(p.numel() for p in model.parameters())
    optimizer = make_optimizer(model, config)
    torch.manual_seed(config.seed)
    state = load_checkpoint(out, model, optimizer)
    if state is None and config.init is not None:
        load_initial_weights(model, config.init)
    state = state or {
        "step": 0,
        "tokens": 0,
        "epoch": 0,
        "position": 0,
        "elapsed_s": 0.0,
        "loss": float("nan"),
        "last_eval": -1,
    }
    log_path = out / "log.jsonl"
    _rewind_log(log_path, state["step"])
    evals = _logged_evals(log_path)
    saved_step = state["step"]
    bfloat16 = config.dtype == "bfloat16"

    def log(entry: dict[str, Any]) -> None:
        with log_path.open("a", encoding="utf-8") as file:
            file.write(json.dumps(entry) + "\n")

    def checkpoint() -> None:
        nonlocal saved_step
        save_checkpoint(out, model, optimizer, state)
        saved_step = state["step"]

    def export_and_evaluate() -> None:
        metadata = {
            **config.metadata,
            "training": {
                "steps": state["step"],
                "tokens": state["tokens"],
                "final_loss": state["loss"],
                "parameters": parameters,
                "data": config.data.name,
                "data_sha256": digest,
                "examples": int(data.examples[kept].sum()),
                "skipped_examples": skipped,
                "size": dataclasses.asdict(config.size),
                "dtype": config.dtype,
            },
        }
        replace_dir(out / "model", lambda d: save_model(model, tokenizer, d, metadata))
        if evaluate is not None:
            metrics = evaluate(out / "model")
            log({"step": state["step"], "eval": metrics})
            evals.append({"step": state["step"], **metrics})
        state["last_eval"] = state["step"]
        plot_loss(log_path, out / "loss.png")

    bar = tqdm(total=config.max_steps, initial=state["step"], disable=not progress, unit="step")
    plan_epoch, plan = -1, []
    window_loss, window_steps, window_tokens, window_time = 0.0, 0, 0, 0.0
    session_tokens, session_time = 0, 0.0
    started = time.perf_counter() - state["elapsed_s"]
    with _terminate_as_interrupt():
        try:
            while state["step"] < config.max_steps:
                if plan_epoch != state["epoch"]:
                    plan_epoch = state["epoch"]
                    plan = epoch_batches(widths[kept], config.batch_tokens, config.seed, plan_epoch)
                indices = kept[plan[state["position"]]]
                width = int(widths[indices].max())
                batch = make_batch(data, indices, tokenizer.pad_token_id, width)
                batch = {name: tensor.to(device) for name, tensor in batch.items()}
                batch_tokens = int(batch["attention_mask"].sum())
                lr = learning_rate(state["step"], config)

                tick = time.perf_counter()
                with torch.autocast(device.type, torch.bfloat16, enabled=bfloat16):
                    loss = completion_loss(
                        model, batch, config.pad_multiple, config.prompt_loss_weight
                    )
                loss.backward()
                with _hold_interrupts():  # from here to the end of the block, all or nothing
                    if config.grad_clip > 0:
                        torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_clip)
                    for group in optimizer.param_groups:
                        group["lr"] = lr
                    optimizer.step()
                    optimizer.zero_grad(set_to_none=True)
                    state["step"] += 1
                    state["tokens"] += batch_tokens
                    state["position"] += 1
                    if state["position"] == len(plan):
                        state["epoch"], state["position"] = state["epoch"] + 1, 0
                step_loss = loss.item()
                took = time.perf_counter() - tick

                window_loss, window_steps = window_loss + step_loss, window_steps + 1
                window_tokens, window_time = window_tokens + batch_tokens, window_time + took
                session_tokens, session_time = session_tokens + batch_tokens, session_time + took
                state["elapsed_s"] = time.perf_counter() - started
                bar.update(1)
                bar.set_postfix(
                    loss=f"{step_loss:.3f}",
                    tok_s=f"{window_tokens / window_time:.0f}",
                    lr=f"{lr:.2e}",
                )

                step = state["step"]
                if step % config.log_every == 0 or step == config.max_steps:
                    state["loss"] = window_loss / window_steps
                    log(
                        {
                            "step": step,
                            "loss": round(state["loss"], 6),
                            "lr": lr,
                            "tokens": state["tokens"],
                            "tokens_per_s": round(window_tokens / window_time, 1),
                            "elapsed_s": round(state["elapsed_s"], 3),
                        }
                    )
                    window_loss, window_steps, window_tokens, window_time = 0.0, 0, 0, 0.0
                if step % config.save_every == 0:
                    checkpoint()
                if step % config.eval_every == 0:
                    export_and_evaluate()
            final_eval = state["last_eval"] != state["step"] or not (out / "model").is_dir()
            if final_eval:
                export_and_evaluate()
            if final_eval or saved_step != state["step"]:
                checkpoint()  # also records last_eval, so that a rerun does not evaluate again
        except KeyboardInterrupt:
            if saved_step != state["step"]:
                checkpoint()
            bar.write(
                f"interrupted: checkpoint at step {state['step']} in {out}; run again to resume"
            )
            raise
        finally:
            bar.close()

    return TrainResult(
        model_dir=out / "model",
        steps=state["step"],
        tokens=state["tokens"],
        final_loss=state["loss"],
        skipped_examples=skipped,
        evals=evals,
        tokens_per_s=session_tokens / session_time if session_time else 0.0,
        parameters=parameters,
    )


def _logged_evals(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    evals = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            entry = json.loads(line)
            if isinstance(entry.get("eval"), dict):
                evals.append({"step": entry["step"], **entry["eval"]})
    return evals
