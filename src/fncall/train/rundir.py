"""The run folder: its configuration, atomic checkpoints, and the log a resumed run rewinds.

Every write is whole or absent: a directory is filled beside its place and swapped in
(:func:`replace_dir`), a file is written beside its place and renamed over it, so a run
killed at any moment resumes from its last checkpoint.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import MISSING
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch

from fncall.errors import TrainError

if TYPE_CHECKING:
    from fncall.train.trainee import Trainee
    from fncall.train.trainer import TrainConfig

RESUMABLE = ("max_steps", "eval_every", "save_every", "log_every", "threads", "metadata", "device")
"""Configuration fields that may change when a run is resumed (to extend it, to log, save or
evaluate more or less often, to move it to another device); ``out`` is where the run is, so it
is never compared either. (A resumed run is bit-identical to an uninterrupted one only with the
same threads and device.)"""


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


def write_atomic(path: Path, data: bytes) -> None:
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
        # a field newer than the recorded run counts as recorded with its default
        defaults = {
            f.name: f.default for f in dataclasses.fields(config) if f.default is not MISSING
        }
        defaults = json.loads(json.dumps(defaults, default=str))
        for name in sorted(set(recorded) | set(current)):
            if name in (*RESUMABLE, "out", "data"):
                continue
            if recorded.get(name, defaults.get(name)) == current.get(name):
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
    write_atomic(config.out / "config.json", (json.dumps(current, indent=2) + "\n").encode())


def save_checkpoint(
    out: Path,
    weights: dict[str, torch.Tensor],
    optimizer: torch.optim.Optimizer,
    state: dict[str, Any],
) -> None:
    """Write the trained ``weights``, the optimiser, the RNG state and ``state`` (step, tokens,
    position in the data…) to ``out/checkpoint``, atomically."""

    def write(directory: Path) -> None:
        torch.save(weights, directory / "model.pt")
        torch.save(optimizer.state_dict(), directory / "optimizer.pt")
        torch.save({"torch": torch.get_rng_state()}, directory / "rng.pt")
        (directory / "state.json").write_text(json.dumps(state, indent=2) + "\n")

    replace_dir(out / "checkpoint", write)


def load_checkpoint(
    out: Path, trainee: Trainee, optimizer: torch.optim.Optimizer
) -> dict[str, Any] | None:
    """Restore ``out/checkpoint`` into ``trainee``, ``optimizer`` and the RNG; its state, or
    None when there is no checkpoint."""
    directory = out / "checkpoint"
    recover_dir(directory)
    if not directory.is_dir():
        return None
    device = trainee.device
    trainee.load_weights(torch.load(directory / "model.pt", device, weights_only=True))
    optimizer.load_state_dict(torch.load(directory / "optimizer.pt", device, weights_only=True))
    torch.set_rng_state(torch.load(directory / "rng.pt", weights_only=True)["torch"])
    return json.loads((directory / "state.json").read_text())


def rewind_log(path: Path, step: int) -> None:
    """Drop log lines past ``step``: steps after the last checkpoint are trained again."""
    if not path.is_file():
        return
    kept = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            if json.loads(line).get("step", 0) <= step:
                kept.append(line + "\n")
    write_atomic(path, "".join(kept).encode())


def logged_evals(path: Path) -> list[dict[str, Any]]:
    """Every evaluation ``log.jsonl`` records, ``{"step": int, **metrics}``."""
    if not path.is_file():
        return []
    evals = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            entry = json.loads(line)
            if isinstance(entry.get("eval"), dict):
                evals.append({"step": entry["step"], **entry["eval"]})
    return evals
