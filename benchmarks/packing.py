"""Training throughput with and without sibling groups packed into one sequence.

Synthesizes the same number of training examples ungrouped (``--group-size 1``) and in
groups (``--group-size 4``), then runs ``fncall train`` for ``--steps`` steps on each from
the bundled house model, as the house model is trained (bf16, 8,192-token batches,
completion loss only). Prints tokens per example, tokens/s and examples/s for both, and
checks on the first groups that the packed loss equals the loss of the same examples one
by one.

    .venv/bin/python benchmarks/packing.py [--examples 4000] [--steps 60] [--threads 2]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, PreTrainedTokenizerFast

from fncall.house import SCRATCH_DIR as MODEL_DIR
from fncall.train.data import load_examples, make_batch, tokenize_examples
from fncall.train.loss import completion_loss
from fncall.train.model import ModelSize
from fncall.train.synth.dataset import SynthConfig, synthesize
from fncall.train.trainer import TrainConfig, train


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=4000)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    tokenizer = PreTrainedTokenizerFast.from_pretrained(str(MODEL_DIR))

    with tempfile.TemporaryDirectory() as tmp:
        for group_size in (1, 4):
            out = Path(tmp) / f"group-{group_size}"
            synthesize(
                SynthConfig(out, train_examples=args.examples, heldout_examples=0,
                            group_size=group_size),
                progress=False,
            )  # fmt: skip
            examples = load_examples(out / "train.jsonl")
            data = tokenize_examples(examples, tokenizer)
            per_example = data.ids.size / len(examples)
            result = train(
                TrainConfig(
                    data=out / "train.jsonl", out=out / "run", size=ModelSize.house(),
                    init=MODEL_DIR, max_steps=args.steps, warmup_steps=10, lr=1e-4,
                    min_lr=1e-4, eval_every=10**9, threads=args.threads,
                ),
                progress=False,
            )  # fmt: skip
            print(
                f"group size {group_size}: {len(data)} sequences, {per_example:.0f} tokens per "
                f"example; {result.tokens_per_s:,.0f} tokens/s = "
                f"{result.tokens_per_s / per_example:.1f} examples/s over {result.steps} steps"
            )
        packed_equals_alone(examples[:40], tokenizer)


def packed_equals_alone(examples: list, tokenizer: PreTrainedTokenizerFast) -> None:
    """The loss of ``examples`` packed by group and one by one, on the bundled model."""
    model = AutoModelForCausalLM.from_pretrained(str(MODEL_DIR), dtype=torch.float32)
    packed = tokenize_examples(examples, tokenizer)
    alone = tokenize_examples([example[:2] for example in examples], tokenizer)
    pad = tokenizer.pad_token_id
    with torch.no_grad():
        together = completion_loss(model, make_batch(packed, range(len(packed)), pad))
        apart = completion_loss(model, make_batch(alone, range(len(alone)), pad))
    print(
        f"loss of {len(examples)} examples, float32: packed in {len(packed)} sequences "
        f"{together.item():.6f}, one by one {apart.item():.6f}"
    )


if __name__ == "__main__":
    main()
