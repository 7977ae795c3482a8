"""``fncall train``: fine-tune a pretrained model with LoRA, or train one from scratch."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from fncall.errors import ConfigurationError

LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
MODEL_SIZES = ("tiny", "house")


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``train``."""
    train = commands.add_parser(
        "train",
        help="fine-tune a pretrained model, or train one from scratch, on prompt/completion JSONL",
        description="Fine-tune a pretrained causal LM (--base: the house base gemma-3-270m, a "
        "GGUF file or a Hugging Face directory) with a LoRA adapter, or train a byte-level BPE "
        "tokenizer and a Llama model from scratch (no --base), on {prompt, completion} JSON "
        "lines (what `fncall data synth` writes), with the loss on completions (and prompts, "
        "with --prompt-loss-weight); --init goes on from a trained model or adapter. The run "
        "folder holds checkpoints: run the same command again to resume (raise --max-steps to "
        "extend). OUT/model is the exported model (an adapter directory with --base), "
        "OUT/loss.png the loss curve.",
    )
    train.add_argument("--data", required=True, help="training JSONL ({prompt, completion})")
    train.add_argument("--out", required=True, help="run folder")
    train.add_argument("--heldout", help="evaluation file scored at each --eval-every")
    train.add_argument("--heldout-per-category", type=int, default=10)
    train.add_argument("--dialect", default="nexusraven-v2", help="the format the data is in")
    train.add_argument(
        "--conversation-dialect",
        help="the multi-turn dialect of the data's chat turns (fncall data synth --chat-share): "
        "the model's format for conversations with tool results",
    )
    train.add_argument(
        "--base",
        help="pretrained model to fine-tune: gemma-3-270m (the house base), a .gguf file or a "
        "Hugging Face model directory (default: train from scratch)",
    )
    train.add_argument("--lora-rank", type=int, default=16, help="adapter rank (with --base)")
    train.add_argument("--lora-alpha", type=int, default=32, help="adapter alpha (with --base)")
    train.add_argument(
        "--lora-targets",
        default=",".join(LORA_TARGETS),
        help="comma-separated module names that carry the adapter (with --base)",
    )
    train.add_argument(
        "--full-finetune",
        action="store_true",
        help="with --base: train every weight but the embedding instead of an adapter (GPU)",
    )
    train.add_argument(
        "--size", choices=MODEL_SIZES, help="model shape from scratch (default: house)"
    )
    train.add_argument(
        "--init",
        help="model (or, with --base, adapter) directory to start from: training in stages",
    )
    train.add_argument("--vocab-size", type=int, help="tokenizer size from scratch (default 4096)")
    train.add_argument("--max-length", type=int, default=1024, help="longer examples are skipped")
    train.add_argument("--batch-tokens", type=int, default=8192, help="tokens per step")
    train.add_argument(
        "--lr", type=float, help="peak learning rate (default: 2e-3 from scratch, 5e-4 LoRA)"
    )
    train.add_argument(
        "--min-lr", type=float, help="final learning rate (default: a tenth of --lr)"
    )
    train.add_argument(
        "--prompt-loss-weight",
        type=float,
        default=0.0,
        help="weight of prompt tokens in the loss (default 0: completions only)",
    )
    train.add_argument("--warmup-steps", type=int, default=100)
    train.add_argument("--max-steps", type=int, default=2000)
    train.add_argument("--eval-every", type=int, default=500)
    train.add_argument("--save-every", type=int, default=100)
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--dtype", default="bfloat16", choices=["bfloat16", "float32"])
    train.add_argument("--threads", type=int, help="CPU threads (default: torch's choice)")
    train.add_argument("--device", default="cpu", help="cpu or cuda")
    train.add_argument("--quiet", action="store_true", help="no progress bar")
    train.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Train (or resume); 130 when interrupted, with the checkpoint saved."""
    from fncall.dialects import get_dialect
    from fncall.train.heldout import HeldoutEvaluator
    from fncall.train.model import ModelSize
    from fncall.train.trainer import TrainConfig, train

    dialect = get_dialect(args.dialect)
    if args.base is None:
        model: dict[str, Any] = {
            "size": getattr(ModelSize, args.size or "house")(),
            "vocab_size": args.vocab_size or 4096,
            "special_tokens": dialect.markers,
        }
        lr = args.lr or 2e-3
    else:
        given = [
            f"--{n.replace('_', '-')}"
            for n in ("size", "vocab_size")
            if getattr(args, n) is not None
        ]
        if given:
            raise ConfigurationError(f"{' and '.join(given)} apply from scratch, not with --base")
        model = {
            "base": args.base,
            "lora_rank": args.lora_rank,
            "lora_alpha": args.lora_alpha,
            "lora_targets": tuple(t.strip() for t in args.lora_targets.split(",") if t.strip()),
            "full_finetune": args.full_finetune,
        }
        lr = args.lr or (2e-5 if args.full_finetune else 5e-4)
    config = TrainConfig(
        data=Path(args.data),
        out=Path(args.out),
        **model,
        max_length=args.max_length,
        batch_tokens=args.batch_tokens,
        lr=lr,
        min_lr=args.min_lr if args.min_lr is not None else lr / 10,
        warmup_steps=args.warmup_steps,
        prompt_loss_weight=args.prompt_loss_weight,
        max_steps=args.max_steps,
        eval_every=args.eval_every,
        save_every=args.save_every,
        seed=args.seed,
        dtype=args.dtype,
        threads=args.threads,
        device=args.device,
        init=Path(args.init) if args.init else None,
        metadata=_metadata(dialect.name, args.conversation_dialect),
    )
    evaluate = None
    if args.heldout:
        evaluate = HeldoutEvaluator(args.heldout, args.heldout_per_category, dialect.name)
    try:
        result = train(config, evaluate, progress=not args.quiet)
    except KeyboardInterrupt:
        return 130  # train() has said where its checkpoint is
    print(
        f"{result.steps} steps, {result.tokens:,} tokens, final loss {result.final_loss:.4f}; "
        f"{result.trainable_parameters:,} of {result.parameters:,} parameters trained; "
        f"model in {result.model_dir}"
    )
    for figures in result.evals[-1:]:
        print("last evaluation: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    return 0


def _metadata(dialect: str, conversation: str | None) -> dict[str, Any]:
    """The model's ``fncall.json``: its dialect, and the one it reads conversations in."""
    from fncall.dialects import get_dialect

    if conversation is None:
        return {"dialect": dialect}
    if not get_dialect(conversation).multi_turn:
        raise ConfigurationError(f"--conversation-dialect {conversation} is single-turn")
    return {
        "dialect": dialect,
        "dialects": [dialect, conversation],
        "conversation_dialect": conversation,
    }
