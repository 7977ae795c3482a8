"""The ``fncall`` command line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tqdm import tqdm

from fncall import demo
from fncall import eval as evaluation
from fncall.caller import FunctionCaller
from fncall.calls.call import ToolCall
from fncall.dialects import get_dialect, list_dialects
from fncall.engines import load_engine
from fncall.errors import EvalRunError, FncallError, MissingArgumentError
from fncall.house import house_model
from fncall.pipeline import read_output, render_prompt
from fncall.tools import load_tools
from fncall.tools.spec import Tool
from fncall.train.model import ModelSize
from fncall.train.trainer import LORA_TARGETS

_GROUNDED_HELP = (
    "copy free-form string arguments from the request: each must be a span of its words "
    "(needs the grammar)"
)
_BEAMS_HELP = (
    "beam search width: above 1, answer with the likeliest whole output found (transformers "
    "engine; about that many times the compute)"
)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fncall",
        description="Turn open-weight language models into reliable function callers.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    render = commands.add_parser("render", help="print the exact prompt a dialect's model expects")
    render.add_argument("--dialect", required=True, help="dialect name (see `fncall dialects`)")
    render.add_argument("--tools", required=True, help="a .py module, a .json or an OpenAPI file")
    render.add_argument("--system", help="a system message, where the dialect has one")
    render.add_argument("query", help="the user's query")

    parse = commands.add_parser(
        "parse", help="read a model output on stdin and print the validated calls as JSON"
    )
    parse.add_argument("--dialect", required=True, help="dialect name (see `fncall dialects`)")
    parse.add_argument("--tools", required=True, help="a .py module, a .json or an OpenAPI file")

    call = commands.add_parser(
        "call", help="ask a model; print the validated calls (and results) as JSON"
    )
    call.add_argument(
        "--model", help="model directory, GGUF file or server URL (default: the house model)"
    )
    call.add_argument("--dialect", help="dialect name (default: the model directory's fncall.json)")
    call.add_argument("--tools", required=True, help="a .py module, a .json or an OpenAPI file")
    call.add_argument(
        "--engine",
        default="transformers",
        choices=["transformers", "llamacpp", "vllm", "openai"],
        help="generation engine (default: transformers, in-process)",
    )
    call.add_argument(
        "--tool-choice",
        default="auto",
        help="auto, none, required, or the name of the tool to call (default: auto)",
    )
    call.add_argument("--no-parallel", action="store_true", help="allow one call at most")
    call.add_argument(
        "--no-constrain", action="store_true", help="generate without a grammar (still validated)"
    )
    call.add_argument("--grounded", action="store_true", help=_GROUNDED_HELP)
    call.add_argument("--beams", type=int, default=1, help=_BEAMS_HELP)
    call.add_argument(
        "--retries", type=int, default=0, help="re-ask with the error this many times"
    )
    call.add_argument("--max-tokens", type=int, default=256)
    call.add_argument("--temperature", type=float, default=0.0)
    call.add_argument("--seed", type=int)
    call.add_argument("--system", help="a system message, where the dialect has one")
    call.add_argument(
        "--execute",
        action="store_true",
        help="run the calls (tools from a .py file); tools that need approval ask on the terminal",
    )
    call.add_argument("query", help="the user's query")

    _add_eval_parser(commands)
    _add_data_parser(commands)
    _add_train_parser(commands)
    _add_serve_parser(commands)
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
    commands.add_parser("dialects", help="list the dialects")
    demo_parser = commands.add_parser(
        "demo", help="the house model calls everyday tools: calls validated, executed, scored"
    )
    demo_parser.add_argument("--model", help="another model directory (default: the house model)")
    return parser


def _add_eval_parser(commands: argparse._SubParsersAction) -> None:
    ev = commands.add_parser(
        "eval",
        help="score a model on BFCL, NexusRaven or fncall sets (`fncall eval compare DIR...` "
        "puts runs side by side)",
        description="Score a model (or a file of its outputs) on evaluation sets. Results are "
        "appended per entry to OUT/results.jsonl, so an interrupted run resumes; "
        "OUT/summary.json and OUT/report.html are written at the end. "
        "`fncall eval compare DIR [DIR ...]` prints finished runs side by side.",
    )
    ev.add_argument(
        "--data",
        action="append",
        required=True,
        help="question file or folder (BFCL, NexusRaven or fncall JSONL); repeatable",
    )
    ev.add_argument(
        "--answers",
        action="append",
        default=[],
        help="BFCL possible_answer file or folder (default: possible_answer/ next to the data)",
    )
    ev.add_argument("--tools", help="functions of NexusRaven-style sets (.py module or JSON)")
    ev.add_argument(
        "--model",
        help="model or adapter directory, GGUF file or server URL (default: the house model)",
    )
    ev.add_argument(
        "--predictions", help="score these outputs instead ({'id', 'result'} JSON lines)"
    )
    ev.add_argument("--dialect", help="dialect name (default: the model directory's fncall.json)")
    ev.add_argument(
        "--engine", default="transformers", choices=["transformers", "llamacpp", "vllm", "openai"]
    )
    ev.add_argument("--no-constrain", action="store_true", help="generate without a grammar")
    ev.add_argument("--grounded", action="store_true", help=_GROUNDED_HELP)
    ev.add_argument("--retries", type=int, default=0, help="re-ask with the error this many times")
    ev.add_argument("--max-tokens", type=int, default=256)
    ev.add_argument("--temperature", type=float, default=0.0)
    ev.add_argument("--seed", type=int)
    ev.add_argument("--beams", type=int, default=1, help=_BEAMS_HELP)
    ev.add_argument("--limit", type=int, help="score at most N entries of each category")
    ev.add_argument("--batch-size", type=int, default=1, help="entries generated together")
    ev.add_argument("--out", required=True, help="folder for results and the report")
    ev.add_argument("--quiet", action="store_true", help="no progress bar")


def _add_data_parser(commands: argparse._SubParsersAction) -> None:
    data = commands.add_parser("data", help="make training data (`fncall data synth`)")
    actions = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    synth = actions.add_parser(
        "synth",
        help="generate refined synthetic function-calling data",
        description="Compose a tool universe from the built-in catalog, write queries and "
        "answers, refine them in counted stages and write OUT/train.jsonl, OUT/heldout.jsonl "
        "(tools never seen in training) and OUT/manifest.json. Deterministic in --seed.",
    )
    synth.add_argument("--out", required=True, help="output folder")
    synth.add_argument("--seed", type=int, default=0)
    synth.add_argument("--train", type=int, default=50_000, help="training examples to keep")
    synth.add_argument("--heldout", type=int, default=600, help="held-out examples to keep")
    synth.add_argument("--tools-per-intent", type=int, default=8)
    synth.add_argument(
        "--rename-rate",
        type=float,
        default=0.5,
        help="share of training examples whose tools get fresh names (so names are read "
        "from the prompt, not recalled)",
    )
    synth.add_argument(
        "--exclude",
        action="append",
        default=[],
        help="evaluation file or folder whose queries no example may overlap; repeatable",
    )
    synth.add_argument(
        "--group-size",
        type=int,
        default=1,
        help="make training examples in groups of up to this many consecutive ones that "
        "offer the same tools in the same order (one prompt up to the query) with different "
        "requests: this tool, another, two calls, none fits; each record gets a 'group' "
        "number for the trainer to pack a group into one sequence. 1 (the default) makes "
        "each example on its own; the held-out split is the same either way",
    )
    synth.add_argument(
        "--chat-share",
        type=float,
        default=0.0,
        help="share of training groups written as chat turns in --chat-dialect (system "
        "prompts, follow-ups, tool results and answers that state them) instead of "
        "nexusraven-v2; above 0 the held-out examples also go to heldout-chat.jsonl",
    )
    synth.add_argument(
        "--chat-dialect", default="hermes", help="the multi-turn dialect of chat turns"
    )
    synth.add_argument(
        "--procedural-intents",
        type=int,
        default=0,
        help="add about this many generated training-only intents (an action on a thing, "
        "with the catalog's slots: 'archive the ski pass SKP-20931 in Oslo') so a model "
        "practises reading tools it cannot have memorised; the held-out split is the same",
    )
    synth.add_argument("--quiet", action="store_true", help="no progress bars")


def _add_train_parser(commands: argparse._SubParsersAction) -> None:
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
        "--size", choices=ModelSize.SIZES, help="model shape from scratch (default: house)"
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


def _add_serve_parser(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve a model over an OpenAI-compatible API (/v1/chat/completions)",
        description="Serve a model over OpenAI's chat-completions API, so the openai SDK, "
        "LangChain and chat UIs can use it, with tool_choice enforced and every call "
        "validated. One JSON access-log line per request goes to stderr.",
    )
    serve.add_argument(
        "--model", help="model directory, GGUF file or server URL (default: the house model)"
    )
    serve.add_argument(
        "--dialect", help="dialect name (default: the model directory's fncall.json)"
    )
    serve.add_argument(
        "--engine",
        default="transformers",
        choices=["transformers", "llamacpp", "vllm", "openai"],
        help="generation engine (default: transformers, in-process)",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: loopback)"
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--api-key",
        default=os.environ.get("FNCALL_API_KEY"),
        help="require 'Authorization: Bearer KEY' on /v1/* (default: $FNCALL_API_KEY, else none)",
    )
    serve.add_argument("--model-name", help="the model id clients send (default: the model's name)")
    serve.add_argument("--max-batch", type=int, default=8, help="requests generated together")
    serve.add_argument(
        "--max-queue", type=int, default=64, help="requests that may wait; more get HTTP 429"
    )
    serve.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    serve.add_argument("--max-tokens", type=int, default=256, help="default max_tokens")
    serve.add_argument(
        "--max-tokens-limit", type=int, default=4096, help="largest max_tokens a request may ask"
    )
    serve.add_argument("--max-tools", type=int, default=128, help="most tools in one request")
    serve.add_argument(
        "--max-body-bytes", type=int, default=1_048_576, help="largest request body (HTTP 413)"
    )
    serve.add_argument(
        "--no-constrain", action="store_true", help="generate without a grammar (still validated)"
    )
    serve.add_argument("--grounded", action="store_true", help=_GROUNDED_HELP)
    serve.add_argument("--beams", type=int, default=1, help=_BEAMS_HELP)
    serve.add_argument(
        "--log-prompts", action="store_true", help="put messages and outputs in the access log"
    )
    serve.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a Host name to answer to besides loopback and --host (repeatable; '*' for any, "
        "'*.example.com' for subdomains); others get HTTP 400 (DNS rebinding)",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a web origin (https://app.example.com, or '*') whose pages may call the API "
        "(repeatable); other foreign Origin headers get HTTP 403",
    )


def _compare_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fncall eval compare", description="Print finished evaluation runs side by side."
    )
    parser.add_argument("runs", nargs="+", metavar="DIR", help="output folders of fncall eval")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``fncall`` command. Returns the exit code (1 for any error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:2] == ["eval", "compare"]:
        runs = _compare_parser().parse_args(argv[2:]).runs
        return _report_errors(lambda: _compare(runs))
    args = _build_parser().parse_args(argv)
    return _report_errors(lambda: _dispatch(args))


def _compare(runs: list[str]) -> int:
    print(evaluation.compare(runs))
    return 0


def _report_errors(action: Callable[[], int]) -> int:
    try:
        return action()
    except FncallError as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if isinstance(exc, MissingArgumentError):
            print(f"ask the user: {exc.clarification}", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "render":
        tools = load_tools(args.tools)
        sys.stdout.write(render_prompt(args.dialect, tools, args.query, system=args.system))
        sys.stdout.write("\n")
    elif args.command == "parse":
        tools = load_tools(args.tools)
        print(read_output(args.dialect, tools, sys.stdin.read()).to_json())
    elif args.command == "call":
        return _call(args)
    elif args.command == "eval":
        return _eval(args)
    elif args.command == "data":
        return _synth(args)
    elif args.command == "train":
        return _train(args)
    elif args.command == "serve":
        return _serve(args)
    elif args.command == "export":
        return _export(args)
    elif args.command == "dialects":
        for dialect in list_dialects():
            print(f"{dialect.name:<20} {dialect.summary}")
    elif args.command == "demo":
        return demo.run(model=args.model)
    return 0


def _export(args: argparse.Namespace) -> int:
    from fncall.engines.gguf_adapter import export_lora_gguf, export_merged_gguf
    from fncall.pretrained import is_adapter_dir

    if not is_adapter_dir(args.adapter):
        raise FncallError(f"{args.adapter} is not an adapter directory (no adapter_config.json)")
    if args.merged:
        written = export_merged_gguf(args.adapter, args.out, args.dtype or "q8_0")
    elif args.dtype:
        raise FncallError("--dtype applies to a merged export (--merged)")
    else:
        written = export_lora_gguf(args.adapter, args.out)
    print(f"wrote {written} ({written.stat().st_size / 2**20:.1f} MiB)")
    return 0


def _ask_on_terminal(call: ToolCall, tool: Tool) -> bool:
    arguments = ", ".join(f"{k}={v!r}" for k, v in call.arguments.items())
    print(f"run {call.name}({arguments})? [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _call(args: argparse.Namespace) -> int:
    tools = load_tools(args.tools)
    caller = FunctionCaller(
        args.model,
        args.dialect,
        tools,
        engine=args.engine,
        constrain=not args.no_constrain,
        grounded=args.grounded,
        retries=args.retries,
        system=args.system,
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        seed=args.seed,
        beams=args.beams,
        approve=_ask_on_terminal,
    )
    response = caller.call(
        args.query,
        tool_choice=args.tool_choice,
        parallel=not args.no_parallel,
        execute=args.execute,
    )
    print(json.dumps(response.to_dict(), indent=2, ensure_ascii=False))
    if response.error is not None:
        print(f"error: {type(response.error).__name__}: {response.error}", file=sys.stderr)
        return 1
    return 0


def _serve(args: argparse.Namespace) -> int:
    from fncall.server import ServerConfig, create_app, serve

    config = ServerConfig(
        model=args.model,
        dialect=args.dialect,
        engine=args.engine,
        constrain=not args.no_constrain,
        grounded=args.grounded,
        beams=args.beams,
        model_name=args.model_name,
        api_key=args.api_key,
        max_body_bytes=args.max_body_bytes,
        max_tools=args.max_tools,
        max_tokens_limit=args.max_tokens_limit,
        default_max_tokens=args.max_tokens,
        max_batch=args.max_batch,
        max_queue=args.max_queue,
        timeout=args.timeout,
        log_prompts=args.log_prompts,
        allowed_hosts=(*args.allowed_host, args.host),
        cors_origins=tuple(args.cors_origin),
    )
    app = create_app(config)
    access = logging.getLogger("fncall.server.access")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False
    state = app.state
    auth = "bearer token required" if config.api_key else "no auth"
    print(
        f"serving {state.model_name} ({state.caller.dialect.name}, {state.caller.engine.name}) "
        f"on http://{args.host}:{args.port}/v1 ({auth})",
        file=sys.stderr,
    )
    if not config.api_key and args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"warning: listening on {args.host} without an API key: anyone who can reach it "
            "can use the model (pass --api-key or set FNCALL_API_KEY)",
            file=sys.stderr,
        )
    if args.host in ("0.0.0.0", "::") and not args.allowed_host:
        print(
            f"warning: on {args.host}, requests must name this machine by a loopback address "
            "or an --allowed-host NAME (the name or address clients use); others get HTTP 400",
            file=sys.stderr,
        )
    serve(app, args.host, args.port)
    return 0


def _synth(args: argparse.Namespace) -> int:
    from fncall.train.synth.dataset import SynthConfig, synthesize

    config = SynthConfig(
        out=Path(args.out),
        seed=args.seed,
        train_examples=args.train,
        heldout_examples=args.heldout,
        tools_per_intent=args.tools_per_intent,
        rename_rate=args.rename_rate,
        exclude=[Path(p) for p in args.exclude],
        group_size=args.group_size,
        procedural_intents=args.procedural_intents,
        chat_share=args.chat_share,
        chat_dialect=args.chat_dialect,
    )
    manifest = synthesize(config, progress=not args.quiet)
    universe = manifest["universe"]
    print(
        f"{universe['distinct_tools']} tools over {universe['domains']} domains "
        f"({universe['heldout_tools']} held out); wrote {args.out}/train.jsonl, "
        f"heldout.jsonl, manifest.json"
    )
    for split, facts in manifest["splits"].items():
        stages = ", ".join(f"{s} -{v['dropped']}" for s, v in facts["stages"].items())
        print(f"{split}: {facts['examples']} examples kept ({stages})")
    return 0


def _train(args: argparse.Namespace) -> int:
    from fncall.train.heldout import HeldoutEvaluator
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
            raise FncallError(f"{' and '.join(given)} apply from scratch, not with --base")
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
        metadata={"dialect": dialect.name},
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


def _eval(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.model is not None and args.predictions is not None:
        raise EvalRunError("pass one of --model PATH and --predictions FILE, not both")
    if args.model is None and args.predictions is None:
        args.model = str(house_model())
    dialect = args.dialect
    if dialect is None:
        if args.model is None:
            raise EvalRunError("--predictions needs --dialect (the format the outputs are in)")
        dialect = FunctionCaller.dialect_of(args.model).name
    config = evaluation.EvalConfig(
        dialect=dialect,
        model=args.model,
        engine=args.engine,
        constrain=not args.no_constrain,
        grounded=args.grounded,
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        seed=args.seed,
        beams=args.beams,
        retries=args.retries,
        predictions=args.predictions,
    )
    entries = evaluation.load_eval_set(args.data, args.answers, args.tools)
    entries = evaluation.limit_per_category(entries, args.limit)
    store = evaluation.ResultStore(args.out, config)
    if store.set_aside:
        print(
            f"set aside {store.set_aside} damaged record(s) of {store.results_path} into "
            f"{store.damaged_path}; their entries run again",
            file=sys.stderr,
        )
    if args.predictions is not None:
        source: evaluation.OutputSource = evaluation.PredictionsSource(args.predictions)
    else:
        source = evaluation.ModelSource(load_engine(args.engine, args.model), config)
    done = sum(store.finished(e) for e in entries)
    progress = tqdm(
        total=len(entries), initial=done, disable=args.quiet, unit="entry", dynamic_ncols=True
    )
    scored = [store.records[e.id] for e in entries if store.finished(e)]

    def advance(records: list[dict]) -> None:
        scored.extend(records)
        progress.update(len(records))
        progress.set_postfix(acc=f"{sum(r['valid'] for r in scored) / len(scored):.1%}")

    try:
        records = evaluation.run_eval(
            entries, source, store, dialect, batch_size=args.batch_size, on_batch=advance
        )
    except KeyboardInterrupt:
        progress.close()
        print(
            f"interrupted: {store.saved()} results are saved in {store.results_path}; "
            "run the same command again to resume",
            file=sys.stderr,
        )
        return 130
    progress.close()
    summary = evaluation.summarize(records, asdict(config))
    evaluation.write_report(args.out, summary, records)
    print(evaluation.format_table(summary))
    print(f"\nreport: {Path(args.out) / 'report.html'} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
