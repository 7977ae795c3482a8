"""``fncall demo``: the bundled house model calls everyday tools; the calls are validated and
executed, the same outputs are scored by ``fncall eval``'s execution match; it works as an
agent (on the demo tools and on an MCP server's), gives a structured answer and picks tools
from a large library (:mod:`fncall.demo.agents`); the queries are answered again by beam
search, one request is shown with grounded strings, and outputs a model might write that
must not run are shown refused; last, a sample of the synthetic data the house model was
trained on.

The house model's outputs are generated on the spot (grammar-constrained; greedy, then by
beam search). The refused outputs at the end are recorded, not generated: a well-behaved
model does not write them, and the point is what fncall does when one does.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from fncall.caller import FunctionCaller, Response
from fncall.calls.call import ToolCall
from fncall.demo import agents, everyday
from fncall.errors import CallValidationError, MissingArgumentError, OutputParseError
from fncall.grammar.grounding import spans
from fncall.modeldir import read_metadata
from fncall.pipeline import read_output, render_prompt
from fncall.settings import CallerSettings
from fncall.tools import Tool, ToolSet, toolset

__all__ = ["demo_tools", "run"]

DIALECT = "nexusraven-v2"

# (user query, the right call; None: a plain answer)
QUERIES = [
    ("What's the weather like in Paris, in fahrenheit?",
     "get_weather(city='Paris', unit='fahrenheit')"),
    ("How much is 250 euros in dollars?",
     "convert_currency(amount=250, from_currency='EUR', to_currency='USD')"),
    ("Where is Tokyo exactly? I need its coordinates.", "get_coordinates(city='Tokyo')"),
    ("Set the bedroom thermostat to 19 degrees.",
     "set_thermostat(room='bedroom', temperature=19)"),
    ("weather in Seattle and in Tokyo please",
     "get_weather(city='Seattle'); get_weather(city='Tokyo')"),
    ("Email ana@example.com with the subject Build status",
     "send_email(to='ana@example.com', subject='Build status')"),
    ("Tell me a joke about compilers.", None),
]  # fmt: skip

GROUNDED_QUERY = "Email li.wei@example.org with the subject Quarterly report"

# Outputs a model might write that must not run (recorded, not generated)
REFUSED = [
    "Call: get_weather(city=__import__('os').system('echo pwned'))<bot_end>",
    "Call: convert_currency(amount=100, from_currency='USD')<bot_end>",
    "Call: book_flight(to='Paris')<bot_end>",
]


def _approve(call: ToolCall, tool: Tool) -> bool:
    print(f"    approval asked for {call.name}({json.dumps(call.arguments)}): approved by the demo")
    return True


def demo_tools() -> ToolSet:
    """The everyday tools the demo's queries are asked against."""
    return toolset(
        [
            everyday.get_weather,
            everyday.get_coordinates,
            everyday.convert_currency,
            everyday.set_thermostat,
            everyday.send_email,
        ]
    )


def run(out: TextIO | None = None, model: str | Path | None = None) -> int:
    """Run the demo with ``model`` (the house model by default), printing to ``out``
    (stdout by default). Returns an exit code."""
    write = (lambda s: print(s, file=out)) if out else print
    tools = demo_tools()
    caller = FunctionCaller(
        model, DIALECT, tools=tools, approve=_approve, timeout=5.0, max_tokens=96
    )
    source = "the bundled house model" if model is None else str(model)
    write(f"fncall demo: {source} ({DIALECT}) calling everyday tools; the calls are")
    write("validated, then executed. Outputs are generated now, grammar-constrained.")
    write("The house model is small and some calls below may be wrong (its measured accuracy")
    write("is in src/fncall/house/model/README.md); what fncall guarantees is that each one")
    write("names an offered tool with valid arguments, and nothing unvalidated runs.\n")
    prompt = render_prompt(DIALECT, tools, QUERIES[0][0])
    write(f"Prompt for the first query ({len(prompt)} characters), first lines:")
    for line in prompt.splitlines()[:10]:
        write(f"    {line}")
    write("    ...\n")
    outputs = []
    for query, _ in QUERIES:
        response = caller.call(query, execute=True)
        outputs.append(response.raw)
        write(f"user:   {query}")
        write(f"model:  {response.raw.strip()}")
        _show(response, write)
    _evaluate(tools, outputs, write)
    speaks = read_metadata(caller.settings.model).get("dialects", [])
    if agents.AGENT_DIALECT in speaks:
        agents.agent(caller, write)
        agents.mcp_server(caller, write)
    agents.structured(caller, write)
    agents.large_library(caller, write)
    _beams(caller, outputs, write)
    _grounded(caller, write)
    _refusals(tools, write)
    _served(caller, QUERIES[0][0], write)
    _synthetic_data(write)
    return 0


def _show(response: Response, write: Callable[[str], None]) -> None:
    if isinstance(response.error, MissingArgumentError):
        write(f"  -> missing argument; ask the user: {response.error.clarification}\n")
    elif response.error is not None:
        write(f"  -> not used: {type(response.error).__name__}: {response.error}\n")
    elif not response.calls:
        write(f"  -> plain answer: {response.text}\n")
    else:
        for result in response.results:
            call = json.dumps(result.call.to_dict()["arguments"], ensure_ascii=False)
            if result.ok:
                write(f"  -> {result.call.name}({call}) = {result.value!r}")
            else:
                write(f"  -> {result.call.name}({call}) failed: {result.error}")
        write("")


def _evaluate(tools: ToolSet, outputs: list[str], write: Callable[[str], None]) -> None:
    """Score the outputs with ``fncall eval``'s machinery (execution match)."""
    write("Evaluation (fncall eval): the outputs above scored against reference calls by")
    write("execution match, as NexusRaven scored its benchmarks:\n")
    records, table = _scored(tools, outputs)
    for record in records:
        write(f"  {record['id']}: {_verdict(record)}")
    write("")
    write("\n".join(f"  {line}" for line in table.splitlines()[:3]) + "\n")


def _scored(tools: ToolSet, outputs: list[str], beams: int = 1) -> tuple[list[dict], str]:
    """``outputs`` (one per query) scored by ``fncall eval``: the records and the table."""
    from fncall import eval as evaluation

    offered = [tool.to_openai() for tool in tools.values()]
    with tempfile.TemporaryDirectory() as folder:
        data, predictions = Path(folder) / "demo.jsonl", Path(folder) / "outputs.jsonl"
        rows = [
            {"id": f"demo_{i}", "query": query, "tools": offered, "reference": reference}
            for i, (query, reference) in enumerate(QUERIES)
        ]
        data.write_text("".join(json.dumps(row) + "\n" for row in rows))
        lines = [{"id": r["id"], "result": o} for r, o in zip(rows, outputs, strict=True)]
        predictions.write_text("".join(json.dumps(line) + "\n" for line in lines))
        config = evaluation.EvalConfig(
            CallerSettings(dialect=DIALECT, beams=beams), predictions=str(predictions)
        )
        records = evaluation.run_eval(
            evaluation.load_eval_set([data]),
            evaluation.PredictionsSource(predictions),
            evaluation.ResultStore(Path(folder) / "run", config),
            DIALECT,
        )
    return records, evaluation.format_table(evaluation.summarize(records, config.record()))


def _verdict(record: dict) -> str:
    return "correct" if record["valid"] else record["error_type"]


def _variant(caller: FunctionCaller, **options: Any) -> FunctionCaller:
    """A caller on the same engine and tools with other options (the model loads once)."""
    settings = replace(caller.settings, **options)
    return FunctionCaller.from_settings(settings, caller.tools, engine=caller.engine)


def _beams(caller: FunctionCaller, greedy: list[str], write: Callable[[str], None]) -> None:
    """The same queries by beam search (``beams=4``), in one batch, scored the same way."""
    width = 4
    searching = _variant(caller, beams=width)
    write(f"With beams={width} (--beams {width}), the {width} likeliest partial outputs are")
    write("kept and the likeliest complete one answers: the same queries, in one batch:\n")
    outputs = [r.raw for r in searching.call_many([query for query, _ in QUERIES])]
    records, table = _scored(caller.tools, outputs, width)
    for output, before, record in zip(outputs, greedy, records, strict=True):
        change = "as greedy" if output == before else "changed"
        write(f"beam:   {output.strip()}   [{change}: {_verdict(record)}]")
    write("")
    write("\n".join(f"  {line}" for line in table.splitlines()[:3]) + "\n")


def _grounded(caller: FunctionCaller, write: Callable[[str], None]) -> None:
    """The same engine with ``grounded=True``: string arguments can only be copied."""
    grounded = _variant(caller, grounded=True)
    write("With grounded=True (--grounded), a string argument can only be a span of the")
    write("request's words, so an address or a name is copied, never nearly copied:\n")
    response = grounded.call(GROUNDED_QUERY)
    write(f"user:   {GROUNDED_QUERY}")
    write(f"model:  {response.raw.strip()}")
    # parsed again: validation fills in defaults the model did not write
    calls = grounded.dialect.parse(response.raw, grounded.tools).calls
    written = [v for call in calls for v in call.arguments.values() if isinstance(v, str)]
    all_spans = set(written) <= set(spans(GROUNDED_QUERY))
    write(f"  -> strings written: {written}; all spans of the request: {all_spans}\n")


def _refusals(tools: ToolSet, write: Callable[[str], None]) -> None:
    write("Outputs that must not run (RECORDED, not generated): what fncall does with them.\n")
    for output in REFUSED:
        write(f"model:  {output}   [recorded]")
        try:
            read_output(DIALECT, tools, output)
        except MissingArgumentError as exc:
            write(f"  -> missing argument; ask the user: {exc.clarification}\n")
        except (OutputParseError, CallValidationError) as exc:
            write(f"  -> refused, nothing ran: {type(exc).__name__}: {exc}\n")


def _served(caller: FunctionCaller, query: str, write: Callable[[str], None]) -> None:
    """The same model behind ``fncall serve``: one OpenAI-style request on loopback."""
    import httpx

    from fncall.server import ServerConfig, ServerThread, create_app

    write("The same model behind the OpenAI-compatible server (fncall serve), on loopback:\n")
    app = create_app(ServerConfig(caller.settings, model_name="fncall-house"), caller.engine)
    request = {
        "model": "fncall-house",
        "messages": [{"role": "user", "content": query}],
        "tools": [tool.to_openai() for tool in caller.tools.values()],
        "tool_choice": "required",
    }
    # What a hostile client gets: a pattern with a backreference (no linear-time engine can
    # run one), and a cross-site form post from a page elsewhere.
    bomb = {"type": "string", "pattern": "^(a+)\\1$"}
    hostile = [
        (
            "a tool whose pattern has a backreference",
            json.dumps({**request, "tools": [_tool_with_parameter(bomb)]}).encode(),
            {"content-type": "application/json"},
        ),
        (
            "a form post from http://evil.example",
            json.dumps(request).encode(),
            {"content-type": "text/plain", "origin": "http://evil.example"},
        ),
    ]
    with ServerThread(app) as server:
        url = f"{server.url}/v1/chat/completions"
        reply = httpx.post(url, json=request, timeout=60)
        refusals = [
            (what, httpx.post(url, content=body, headers=headers, timeout=60))
            for what, body, headers in hostile
        ]
    choice = reply.json()["choices"][0]
    write(f"  POST {url}  (tool_choice: required) -> {reply.status_code}")
    for call in choice["message"]["tool_calls"]:
        write(f"  tool_calls: {call['function']['name']} {call['function']['arguments']}")
    write(f"  finish_reason: {choice['finish_reason']}")
    for what, refusal in refusals:
        error = refusal.json()["error"]
        write(f"  {what} -> {refusal.status_code} {error['code']}: {error['message']}")
    write("")


def _tool_with_parameter(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": "lookup",
            "description": "Look a code up.",
            "parameters": {"type": "object", "properties": {"code": schema}},
        },
    }


def _synthetic_data(write: Callable[[str], None]) -> None:
    """A few examples of the synthetic training data the house model is made from."""
    from fncall.train.synth.dataset import SynthConfig, synthesize
    from fncall.train.synth.procedural import DOMAIN_PREFIX

    write(
        "Synthetic training data (fncall data synth --group-size 4 --procedural-intents 60), "
        "a small sample with seed 0:\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        config = SynthConfig(
            out=Path(folder),
            train_examples=40,
            heldout_examples=10,
            group_size=4,
            procedural_intents=60,
        )
        manifest = synthesize(config, progress=False)
        lines = (Path(folder) / "train.jsonl").read_text().splitlines()
    universe = manifest["universe"]
    write(
        f"  {universe['distinct_tools']} tools over {universe['domains']} domains, "
        f"{universe['heldout_tools']} of them held out (never trained on), and "
        f"{universe['procedural_tools']} tools of {universe['procedural_intents']} generated "
        "intents for training only"
    )
    stages = manifest["splits"]["train"]["stages"]
    write("  refinement: " + ", ".join(f"{k} -{v['dropped']}" for k, v in stages.items()))
    records = [json.loads(line) for line in lines]
    first = [r for r in records if r["group"] == records[0]["group"]]
    names = [re.search(r"def (\w+)\(", tool["python"]).group(1) for tool in first[0]["tools"]]
    write(f"  one group: {len(first)} requests offered the same tools ({', '.join(names)})")
    for record in first:
        write(f"  [{record['category']}] {record['query']}")
        write(f"      -> {record['completion']}")
    generated = next(r for r in records if r["domain"].startswith(DOMAIN_PREFIX))
    write(f"  a generated intent: [{generated['category']}] {generated['query']}")
    write(f"      -> {generated['completion']}")
    write("")
