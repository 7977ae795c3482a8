"""Does the house model's first token tell no-fit queries from the others?

For each category of the held-out split (``fncall data synth --seed 0 --heldout 600``,
made here unless ``--data`` names it), the mean probability of the first token of the
no-fit answer (``None``) and of a call (``Call``) after the prompt, and how often
``None`` is the likelier: a model that cannot tell a no-fit query gives ``irrelevance``
no more ``None`` than the categories a tool fits.

    .venv/bin/python benchmarks/house_decline.py [--model DIR] [--data HELDOUT.jsonl]
        [--per-category 40]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

import torch

from fncall.house import MODEL_DIR
from fncall.pretrained import load_model
from fncall.train.synth.dataset import SynthConfig, synthesize
from fncall.train.synth.examples import NO_FIT_ANSWER


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(MODEL_DIR))
    parser.add_argument("--data", help="held-out JSONL (default: synthesized, seed 0)")
    parser.add_argument("--per-category", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(args.data) if args.data else heldout(Path(tmp))
        by_category = defaultdict(list)
        for line in data.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if len(by_category[record["category"]]) < args.per_category:
                by_category[record["category"]].append(record["prompt"])

    model, tokenizer = load_model(args.model, dtype=torch.float32)  # an adapter, merged
    model.eval()
    decline = tokenizer(NO_FIT_ANSWER, add_special_tokens=False).input_ids[0]
    call = tokenizer("Call:", add_special_tokens=False).input_ids[0]
    print(
        f"first tokens: decline {tokenizer.decode([decline])!r}, call {tokenizer.decode([call])!r}"
    )
    for category, prompts in sorted(by_category.items()):
        pairs = []
        for prompt in prompts:
            with torch.no_grad():
                ids = tokenizer(prompt, return_tensors="pt").input_ids
                probabilities = model(ids).logits[0, -1].softmax(-1)
            pairs.append((probabilities[decline].item(), probabilities[call].item()))
        mean_decline = sum(p for p, _ in pairs) / len(pairs)
        mean_call = sum(p for _, p in pairs) / len(pairs)
        likelier = sum(p > q for p, q in pairs)
        print(
            f"{category:<12} n={len(pairs):<3} P(decline) {mean_decline:.3f}  "
            f"P(call) {mean_call:.3f}  decline likelier {likelier}/{len(pairs)}"
        )


def heldout(directory: Path) -> Path:
    """The held-out split of ``fncall data synth --seed 0`` (made first, so the training
    split's size does not change it)."""
    synthesize(SynthConfig(directory, seed=0, train_examples=1, heldout_examples=600), False)
    return directory / "heldout.jsonl"


if __name__ == "__main__":
    main()
