"""The training loop, nanoGPT-style: a small function-calling model from scratch, or a LoRA
adapter on a pretrained base.

Read it top to bottom: the configuration, the optimiser and its schedule, stopping safely,
then :func:`train`, which ties them together. The data (load, tokenise once into a cache,
pack, batch by length) is in :mod:`fncall.train.data`, the loss in :mod:`fncall.train.loss`,
the run folder and its checkpoints in :mod:`fncall.train.rundir`, and what is trained (a
model from scratch, or a base with an adapter) in :mod:`fncall.train.trainee`.

A run directory (``config.out``) holds::

    config.json        the configuration (a resumed run must match it)
    tokenizer/         trained once on the data, reused on resume (from scratch only)
    tokens-<key>.npz   the tokenised dataset, keyed by data digest and tokenizer
    checkpoint/        trained weights, optimiser, RNG state and position in the data (atomic)
    model/             the latest export: a model directory, or an adapter directory
    log.jsonl          one line per ``log_every`` steps, and one per evaluation
    loss.png           the loss curve, redrawn at each evaluation
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from tqdm.auto import tqdm

from fncall.errors import TrainError
from fncall.pretrained import file_sha256
from fncall.train.choices import LORA_TARGETS
from fncall.train.data import (
    TrainingExample,
    epoch_batches,
    load_examples,
    load_or_tokenize,
    make_batch,
    round_up,
)
from fncall.train.loss import completion_loss
from fncall.train.model import ModelSize
from fncall.train.plot import plot_loss
from fncall.train.rundir import (
    check_config,
    load_checkpoint,
    logged_evals,
    record_config,
    replace_dir,
    rewind_log,
    save_checkpoint,
)
from fncall.train.trainee import check_base, make_trainee

# --- configuration -----------------------------------------------------------------------


@dataclass
class TrainConfig:
    """What to train, on what, and how.

    Attributes:
        data: Training JSONL, one ``{"prompt": str, "completion": str}`` per line, the
            completion ending with the dialect's stop marker; consecutive lines with one
            ``"group"`` value (examples offering the same tools) are packed and trained as
            one sequence (see :class:`~fncall.train.data.TokenizedData`). Other fields are ignored.
        out: The run directory (created; a run found there is resumed).
        size: The model's shape, to train from scratch (not with ``base``).
        base: A pretrained causal LM to fine-tune instead: a registered name
            (``gemma-3-270m``), a GGUF file or a Hugging Face model directory (see
            :mod:`fncall.pretrained`). Its tokenizer is used, and a LoRA adapter is trained.
        lora_rank: The adapter's rank (with ``base``).
        lora_alpha: The adapter's scale numerator (the update is ``alpha / rank * B @ A``).
        lora_targets: The base's layers (module names) that carry the adapter.
        full_finetune: With ``base``: train every weight but the embedding (and the LM head
            tied to it) instead of an adapter; for GPU runs.
        vocab_size: Tokenizer vocabulary, from scratch (fewer if the data cannot fill it).
        special_tokens: Dialect markers a tokenizer trained from scratch keeps whole (e.g.
            ``<bot_end>``).
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
        init: A model to start from instead of fresh weights (training on in stages with
            new data): from scratch, a model directory of shape ``size`` (its tokenizer and
            weights are taken); with ``base``, an adapter directory of this base, rank and
            targets.
        metadata: Written into the exported model's ``fncall.json`` (e.g. its dialect),
            with the facts of the run under ``"training"``.
    """

    data: Path
    out: Path
    size: ModelSize | None = None
    base: str | None = None
    lora_rank: int = 16
    lora_alpha: int = 32
    lora_targets: tuple[str, ...] = LORA_TARGETS
    full_finetune: bool = False
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
        self.lora_targets = tuple(self.lora_targets)
        if self.base is None and self.size is None:
            raise TrainError("a size is needed to train from scratch (or a base to fine-tune)")
        if self.base is not None:
            if self.size is not None or self.special_tokens:
                raise TrainError(
                    "size and special_tokens describe a model trained from scratch; "
                    f"the base {self.base!r} has its own shape and tokenizer"
                )
            if not self.lora_targets:
                raise TrainError("lora_targets: name at least one layer for the adapter")
        elif self.full_finetune:
            raise TrainError("full_finetune needs a base")
        for name in ("vocab_size", "max_length", "batch_tokens", "max_steps", "lora_rank"):
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
        if self.size is not None and self.max_length > self.size.max_positions:
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
        parameters: The model's parameter count (the base's included).
        trainable_parameters: How many of them were trained.
    """

    model_dir: Path
    steps: int
    tokens: int
    final_loss: float
    skipped_examples: int
    evals: list[dict[str, Any]]
    tokens_per_s: float = 0.0
    parameters: int = 0
    trainable_parameters: int = 0


# --- optimiser and schedule ----------------------------------------------------------------


def make_optimizer(
    parameters: Iterator[tuple[str, torch.nn.Parameter]], config: TrainConfig
) -> torch.optim.AdamW:
    """AdamW over the named ``parameters`` that decays the weight matrices only (not norms,
    embeddings or biases)."""
    decay, keep = [], []
    for name, parameter in parameters:
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


# --- stopping safely ----------------------------------------------------------------------


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
    digest = file_sha256(config.data)
    resuming = check_config(config, digest)

    parsed: list[list[TrainingExample]] = []

    def examples() -> list[TrainingExample]:  # parsed at most once, and only if needed
        if not parsed:
            parsed.append(load_examples(config.data))
        return parsed[0]

    if not resuming:
        examples()  # a new run: check the data and the base before recording anything
        if config.base is not None:
            check_base(config.base)
    record_config(config, digest)

    trainee = make_trainee(config, examples)
    tokenizer, model = trainee.tokenizer, trainee.model
    data = load_or_tokenize(out, digest, trainee.tokenizer_file, tokenizer, examples)
    lengths = data.lengths
    kept = np.flatnonzero(lengths <= config.max_length)
    widths = np.minimum(round_up(lengths, config.pad_multiple), config.max_length)
    skipped = int(data.examples.sum() - data.examples[kept].sum())
    if not len(kept):
        raise TrainError(
            f"{config.data}: none of its {len(data)} sequences fits in max_length "
            f"{config.max_length} tokens (the shortest has {int(lengths.min())})"
        )

    device = trainee.device
    model.train()
    optimizer = make_optimizer(trainee.named_trainable(), config)
    trained = [parameter for _, parameter in trainee.named_trainable()]
    torch.manual_seed(config.seed)
    state = load_checkpoint(out, trainee, optimizer)
    if state is None and config.init is not None:
        trainee.start(config.init)
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
    rewind_log(log_path, state["step"])
    evals = logged_evals(log_path)
    saved_step = state["step"]
    bfloat16 = config.dtype == "bfloat16"

    def log(entry: dict[str, Any]) -> None:
        with log_path.open("a", encoding="utf-8") as file:
            file.write(json.dumps(entry) + "\n")

    def checkpoint() -> None:
        nonlocal saved_step
        save_checkpoint(out, trainee.weights(), optimizer, state)
        saved_step = state["step"]

    def export_and_evaluate() -> None:
        metadata = {
            **config.metadata,
            "training": {
                "steps": state["step"],
                "tokens": state["tokens"],
                "final_loss": state["loss"],
                "parameters": trainee.parameters,
                "trainable_parameters": trainee.trainable_parameters,
                "data": config.data.name,
                "data_sha256": digest,
                "examples": int(data.examples[kept].sum()),
                "skipped_examples": skipped,
                **_shape(config),
                "dtype": config.dtype,
            },
        }
        replace_dir(out / "model", lambda d: trainee.export(d, metadata))
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
                        torch.nn.utils.clip_grad_norm_(trained, config.grad_clip)
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
        parameters=trainee.parameters,
        trainable_parameters=trainee.trainable_parameters,
    )


def _shape(config: TrainConfig) -> dict[str, Any]:
    """What the exported metadata records of the model's shape."""
    if config.size is not None:
        return {"size": dataclasses.asdict(config.size)}
    if config.full_finetune:
        return {"full_finetune": True}
    return {
        "lora": {
            "rank": config.lora_rank,
            "alpha": config.lora_alpha,
            "targets": list(config.lora_targets),
        }
    }
