"""Fine-tuning the dense retriever: all-MiniLM-L6-v2 taught to match requests to the tools
that answer them, from a synthetic training split, as a small LoRA adapter.

Each training record with calls (``fncall data synth``'s ``train.jsonl``) gives a query,
one tool it calls (the positive) and up to ``hard`` tools it offers but does not call (hard
negatives: the near misses shown beside the right tool). The loss is a softmax over every
positive and hard negative in the batch for each query (multiple-negatives ranking); the
encoder's mean pooling and normalisation are kept, and only LoRA weights on the attention
projections train. The held-out intents of the split are never seen, so a retriever
measured on them is measured on tools it did not train on.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from fncall.errors import ConfigurationError, EvalDataError, FncallError
from fncall.retrieval.text import tool_text
from fncall.tools import toolset

BASE = "sentence-transformers/all-MiniLM-L6-v2"
MANIFEST = "fncall-retriever.json"


@dataclass
class RetrieverConfig:
    """How to fine-tune.

    Attributes:
        data: A ``train.jsonl`` of ``fncall data synth``.
        out: Where the adapter is written.
        examples: Records (with calls) trained on, the first in file order.
        batch: Queries a step.
        hard: Hard negatives a query.
        lr: AdamW's learning rate.
        rank: The LoRA rank.
        scale: The similarity scale of the softmax (its inverse temperature).
        max_length: Tokens a text is cut to.
        seed: Shuffling and dropout.
    """

    data: Path
    out: Path
    examples: int = 12_000
    batch: int = 32
    hard: int = 2
    lr: float = 3e-4
    rank: int = 16
    scale: float = 20.0
    max_length: int = 128
    seed: int = 0


def read_pairs(
    path: Path, limit: int, hard: int, rng: random.Random
) -> list[tuple[str, str, list[str]]]:
    """``(query, positive tool text, hard negative texts)`` of the first ``limit`` records of
    ``path`` that call a tool (chat records, which have no single query, are passed over).

    Raises:
        EvalDataError: an unreadable file, or a line that is not a training record.
    """
    out: list[tuple[str, str, list[str]]] = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvalDataError(f"{path}: cannot read: {exc}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if len(out) == limit:
                break
            where = f"{path}, line {number}"
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise EvalDataError(f"{where}: not valid JSON ({exc})") from None
            if not isinstance(record, dict):
                raise EvalDataError(f"{where}: expected a JSON object")
            if not record.get("reference") or "query" not in record:
                continue  # no call, or a chat record
            query, tools, reference = record["query"], record.get("tools"), record["reference"]
            if not (
                isinstance(query, str)
                and isinstance(tools, list)
                and isinstance(reference, list)
                and all(isinstance(r, str) for r in reference)
            ):
                raise EvalDataError(
                    f"{where}: expected fncall data synth's query (text), tools (a list) and "
                    "reference (a list of calls as text)"
                )
            try:
                offered = toolset(tools)
            except FncallError as exc:
                raise EvalDataError(f"{where}: {exc}") from None
            called = {ref.split("(", 1)[0].strip() for ref in reference}
            positives = [t for t in offered.tools if t.name in called]
            others = [t for t in offered.tools if t.name not in called]
            if not positives:
                continue
            rng.shuffle(others)
            positive = rng.choice(positives)
            out.append((query, tool_text(positive), [tool_text(t) for t in others[:hard]]))
    return out


def train_retriever(config: RetrieverConfig, progress: bool = True) -> dict[str, Any]:
    """Fine-tune and write the adapter and its manifest to ``config.out``; the manifest.

    Raises:
        ConfigurationError: a setting out of range, or no record with calls.
    """
    import torch
    from peft import LoraConfig, get_peft_model
    from tqdm import tqdm

    from fncall.retrieval.dense import load_encoder

    if config.batch < 2 or config.examples < config.batch or config.hard < 0:
        raise ConfigurationError("need batch >= 2, examples >= batch and hard >= 0")
    rng = random.Random(config.seed)
    torch.manual_seed(config.seed)
    pairs = read_pairs(Path(config.data), config.examples, config.hard, rng)
    if len(pairs) < config.batch:
        raise ConfigurationError(f"{config.data}: {len(pairs)} records with calls, too few")
    rng.shuffle(pairs)
    model = load_encoder(adapter=None)
    model.max_seq_length = config.max_length
    lora = LoraConfig(
        r=config.rank,
        lora_alpha=2 * config.rank,
        lora_dropout=0.1,
        target_modules=["query", "key", "value"],
    )
    transformer = model[0]
    peft_model = get_peft_model(transformer.model, lora)
    transformer.model = peft_model
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=config.lr)
    steps = len(pairs) // config.batch
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=config.lr, total_steps=steps, pct_start=0.1
    )
    model.train()
    losses: list[float] = []
    began = time.perf_counter()
    for step in tqdm(range(steps), disable=not progress, desc="retriever", unit="step"):
        batch = pairs[step * config.batch : (step + 1) * config.batch]
        queries = _embed(model, [q for q, _, _ in batch])
        # positives first (query i's is column i), then every hard negative
        texts = [p for _, p, _ in batch] + [n for _, _, ns in batch for n in ns]
        logits = config.scale * queries @ _embed(model, texts).T
        # another copy of a query's own tool is not a wrong answer to it
        same = torch.tensor([[t == p and j != i for j, t in enumerate(texts)]
                             for i, (_, p, _) in enumerate(batch)])  # fmt: skip
        logits = logits.masked_fill(same, float("-inf"))
        loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()
        losses.append(loss.item())
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    peft_model.peft_config["default"].base_model_name_or_path = BASE
    peft_model.save_pretrained(str(out), save_embedding_layers=False)
    (out / "README.md").unlink(missing_ok=True)  # peft's model-card template, unfilled
    tail = max(1, steps // 10)
    manifest = {
        "base": BASE,
        "config": {**asdict(config), "data": str(config.data), "out": str(config.out)},
        "data_sha256": hashlib.sha256(Path(config.data).read_bytes()).hexdigest(),
        "pairs": len(pairs),
        "steps": steps,
        "loss_first": sum(losses[:tail]) / tail,
        "loss_last": sum(losses[-tail:]) / tail,
        "seconds": round(time.perf_counter() - began, 1),
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _embed(model: Any, texts: list[str]) -> Any:
    features = model.preprocess(texts)
    return model(features)["sentence_embedding"]
