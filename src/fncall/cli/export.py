"""``fncall export``: an adapter for llama.cpp, as a GGUF LoRA file or merged into one GGUF
model file."""

from __future__ import annotations

import argparse

from fncall.errors import ConfigurationError


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``export``."""
    export = commands.add_parser(
        "export",
        help="write an adapter for llama.cpp: a GGUF LoRA file, or merged into one GGUF model",
        description="Write the adapter directory that `fncall train --base` made (its base a "
        "GGUF file or a registered base) as a GGUF LoRA file for llama.cpp's --lora, or with "
        "--merged as one GGUF model file, the adapter folded into the base's weights, for "
        "llama.cpp, Ollama or LM Studio.",
    )
    export.add_argument("adapter", help="the adapter directory")
    export.add_argument("--out", required=True, help="the .gguf file to write")
    export.add_argument("--merged", action="store_true", help="one model file, adapter merged")
    export.add_argument(
        "--dtype",
        choices=["q8_0", "f16", "f32"],
        help="with --merged: how the weights the adapter changes are stored (default q8_0)",
    )
    export.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the file and say where."""
    from fncall.export.adapter_gguf import export_lora_gguf, export_merged_gguf
    from fncall.pretrained import is_adapter_dir

    if not is_adapter_dir(args.adapter):
        raise ConfigurationError(
            f"{args.adapter} is not an adapter directory (no adapter_config.json)"
        )
    if args.merged:
        written = export_merged_gguf(args.adapter, args.out, args.dtype or "q8_0")
    elif args.dtype:
        raise ConfigurationError("--dtype applies to a merged export (--merged)")
    else:
        written = export_lora_gguf(args.adapter, args.out)
    print(f"wrote {written} ({written.stat().st_size / 2**20:.1f} MiB)")
    return 0
