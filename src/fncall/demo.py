"""``fncall demo``: render -> parse -> validate -> execute on example tools, the same
outputs scored by ``fncall eval``'s execution match, then grammar-constrained generation.

No model is bundled yet, so the first part's model outputs were written down in advance
(recorded), not generated, and the second part generates with a random-weight model built on
the spot: its arguments are nonsense, but every constrained output is a valid call, which is
the point shown. The demo says both things in its output.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from fncall.calls.call import ToolCall
from fncall.calls.execute import Executor
from fncall.errors import CallValidationError, MissingArgumentError, OutputParseError
from fncall.examples import everyday
from fncall.grammar.values import GrammarLimits
from fncall.pipeline import read_output, render_prompt
from fncall.tools import Tool, ToolSet, toolset

DIALECT = "nexusraven-v2"

# (user query, recorded model output in the nexusraven-v2 dialect); REFERENCES holds the
# right call for each query (None: no call), for the evaluation part
RECORDED = [
    (
        "What's the weather like in Paris, in fahrenheit?",
        "Call: get_weather(city='Paris', unit='fahrenheit')<bot_end>",
    ),
    (
        "How much is 250 euros in dollars?",
        "Call: convert_currency(amount=250, from_currency='EUR', to_currency='USD')<bot_end>",
    ),
    (
        "Set the bedroom to 19 degrees and the kitchen to 21.",
        "Call: set_thermostat(room='bedroom', temperature=19); "
        "set_thermostat(room='kitchen', temperature=21)<bot_end>",
    ),
    (
        "Email ana@example.com that the build is green.",
        "Call: send_email(to='ana@example.com', subject='Build status', "
        "body='The build is green.')<bot_end>",
    ),
    (
        "Convert 100 dollars to pounds for me",
        "Call: convert_currency(amount=100, from_currency='USD')<bot_end>",
    ),
    (
        "Tell me the weather in Tokyo",
        "Call: get_weather(city=__import__('os').system('echo pwned'))<bot_end>",
    ),
    (
        "Tell me a joke about compilers.",
        "Why did the compiler break up with the linker? Too many unresolved references.<bot_end>",
    ),
]


def _approve(call: ToolCall, tool: Tool) -> bool:
    print(f"    approval asked for {call.name}({json.dumps(call.arguments)}): approved by the demo")
    return True


def run(out: TextIO | None = None) -> int:
    """Run the demo, printing to ``out`` (stdout by default). Returns an exit code."""
    write = (lambda s: print(s, file=out)) if out else print
    tools = toolset(
        [
            everyday.get_weather,
            everyday.convert_currency,
            everyday.set_thermostat,
            everyday.send_email,
        ]
    )
    executor = Executor(tools, approve=_approve, timeout=5.0)
    write("fncall demo: render -> parse -> validate -> execute, dialect " + DIALECT)
    write("NOTE: no model is bundled yet. The model outputs below are RECORDED examples,")
    write("      not generated; parsing, validation and execution are real.\n")
    prompt = render_prompt(DIALECT, tools, RECORDED[0][0])
    write(f"Prompt for the first query ({len(prompt)} characters), first lines:")
    for line in prompt.splitlines()[:12]:
        write(f"    {line}")
    write("    ...\n")
    for query, output in RECORDED:
        write(f"user:   {query}")
        write(f"model:  {output}   [recorded]")
        try:
            parsed = read_output(DIALECT, tools, output)
        except MissingArgumentError as exc:
            write(f"  -> missing argument; ask the user: {exc.clarification}\n")
            continue
        except (OutputParseError, CallValidationError) as exc:
            write(f"  -> refused, nothing ran: {type(exc).__name__}: {exc}\n")
            continue
        if not parsed.is_call:
            write(f"  -> plain answer: {parsed.text}\n")
            continue
        for result in executor.run(parsed.calls):
            call = json.dumps(result.call.to_dict()["arguments"], ensure_ascii=False)
            if result.ok:
                write(f"  -> {result.call.name}({call}) = {result.value!r}")
            else:
                write(f"  -> {result.call.name}({call}) failed: {result.error}")
        write("")
    _evaluate(tools, write)
    _constrained(tools, write)
    _synthetic_data(write)
    return 0


REFERENCES = [
    "get_weather(city='Paris', unit='fahrenheit')",
    "convert_currency(amount=250, from_currency='EUR', to_currency='USD')",
    "set_thermostat(room='bedroom', temperature=19); "
    "set_thermostat(room='kitchen', temperature=21)",
    "send_email(to='ana@example.com', subject='Build status', body='The build is green.')",
    "convert_currency(amount=100, from_currency='USD', to_currency='GBP')",
    "get_weather(city='Tokyo')",
    None,
]


def _evaluate(tools: ToolSet, write: Callable[[str], None]) -> None:
    """Score the recorded outputs with ``fncall eval``'s machinery (execution match)."""
    from fncall import eval as evaluation

    write("Evaluation (fncall eval): the recorded outputs scored against reference calls")
    write("by execution match, as NexusRaven scored its benchmarks:\n")
    offered = [tool.to_openai() for tool in tools.values()]
    with tempfile.TemporaryDirectory() as folder:
        data, predictions = Path(folder) / "demo.jsonl", Path(folder) / "outputs.jsonl"
        rows = [
            {"id": f"demo_{i}", "query": query, "tools": offered, "reference": reference}
            for i, ((query, _), reference) in enumerate(zip(RECORDED, REFERENCES, strict=True))
        ]
        data.write_text("".join(json.dumps(row) + "\n" for row in rows))
        outputs = [
            {"id": r["id"], "result": out} for r, (_, out) in zip(rows, RECORDED, strict=True)
        ]
        predictions.write_text("".join(json.dumps(o) + "\n" for o in outputs))
        config = evaluation.EvalConfig(DIALECT, predictions=str(predictions))
        records = evaluation.run_eval(
            evaluation.load_eval_set([data]),
            evaluation.PredictionsSource(predictions),
            evaluation.ResultStore(Path(folder) / "run", config),
            DIALECT,
        )
    for record in records:
        verdict = "correct" if record["valid"] else record["error_type"]
        write(f"  {record['id']}: {verdict}")
    write("")
    table = evaluation.format_table(evaluation.summarize(records, asdict(config)))
    write("\n".join(f"  {line}" for line in table.splitlines()[:3]) + "\n")


def _constrained(tools: ToolSet, write: Callable[[str], None]) -> None:
    """Generate with and without the grammar on a random-weight model."""
    from transformers.utils import logging

    from fncall.caller import FunctionCaller
    from fncall.train.model import random_model

    logging.disable_progress_bar()
    write("Grammar-constrained generation. NOTE: the model is a RANDOM-WEIGHT model built")
    write("just now (the trained house model comes later): its arguments are nonsense. The")
    write("grammar still makes every complete output a valid call to one of the tools.\n")
    queries = [query for query, _ in RECORDED[:4]]
    corpus = [render_prompt(DIALECT, tools, q) for q in queries] * 4
    with tempfile.TemporaryDirectory() as directory:
        random_model(directory, corpus, 600, ("<bot_end>", "<human_end>"))
        for constrain in (True, False):
            caller = FunctionCaller(
                directory,
                DIALECT,
                tools,
                constrain=constrain,
                limits=GrammarLimits(max_string=12, max_integer_digits=4, max_calls=2),
                max_tokens=200,
                temperature=1.0,
            )
            responses = [
                caller.call(query, tool_choice="required", seed=seed)
                for seed, query in enumerate(queries)
            ]
            usable = sum(r.ok for r in responses)
            write(
                f"{'with' if constrain else 'without'} the grammar: {usable}/{len(queries)} usable"
            )
            for response in responses:
                outcome = "valid call" if response.ok else type(response.error).__name__
                write(f"  {response.raw[:90]!r:<94} -> {outcome}")
            write("")


def _synthetic_data(write: Callable[[str], None]) -> None:
    """A few examples of the synthetic training data the house model is made from."""
    from fncall.train.synth.dataset import SynthConfig, synthesize

    write("Synthetic training data (fncall data synth), a small sample with seed 0:\n")
    with tempfile.TemporaryDirectory() as folder:
        config = SynthConfig(out=Path(folder), train_examples=40, heldout_examples=10)
        manifest = synthesize(config, progress=False)
        lines = (Path(folder) / "train.jsonl").read_text().splitlines()
    universe = manifest["universe"]
    write(
        f"  {universe['distinct_tools']} tools over {universe['domains']} domains, "
        f"{universe['heldout_tools']} of them held out (never trained on)"
    )
    stages = manifest["splits"]["train"]["stages"]
    write("  refinement: " + ", ".join(f"{k} -{v['dropped']}" for k, v in stages.items()))
    for line in lines[:4]:
        record = json.loads(line)
        tools = len(record["tools"])
        write(f"  [{record['category']}, {tools} tool(s) offered] {record['query']}")
        write(f"      -> {record['completion']}")
    write("")
