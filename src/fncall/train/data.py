"""Training data as the trainer sees it: examples read from JSONL, tokenised once into a
cache, packed by group, batched by length."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import torch
from transformers import PreTrainedTokenizerFast

from fncall.errors import TrainError
from fncall.pretrained import file_sha256

IGNORE = -100
"""The label of positions that carry no loss (prompt and padding)."""

TOKENS_FORMAT = 3
"""The layout of the ``tokens-<key>.npz`` cache (part of its key): caches of another layout
are not read, and the data is tokenised again."""


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


def load_or_tokenize(
    out: Path,
    digest: str,
    tokenizer_file: Path,
    tokenizer: PreTrainedTokenizerFast,
    examples: Callable[[], list[TrainingExample]],
) -> TokenizedData:
    """The tokenised dataset from ``out/tokens-<key>.npz`` (the key hashes the data, whose
    digest is ``digest``, and ``tokenizer_file``), tokenising ``examples()`` and writing it
    first if it is not there."""
    key = hashlib.sha256(
        f"{TOKENS_FORMAT}:{digest}:{file_sha256(tokenizer_file)}".encode()
    ).hexdigest()[:16]
    path = out / f"tokens-{key}.npz"
    if path.is_file():
        with np.load(path) as arrays:
            return TokenizedData(**{name: arrays[name] for name in arrays.files})
    data = tokenize_examples(examples(), tokenizer)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as file:
        np.savez(file, **dataclasses.asdict(data))
    os.replace(temporary, path)
    return data
