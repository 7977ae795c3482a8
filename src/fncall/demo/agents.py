"""The demo's agent steps: the agent loop (a call, its result, an answer from it), an MCP
server's tool, a structured answer, and one request against a large tool library."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace

import pydantic

from fncall.agent import AgentRun, Answered, CallsMade, Stopped, ToolResult
from fncall.caller import FunctionCaller
from fncall.request import CallRequest

AGENT_QUERY = "What is the weather in Tokyo?"
AGENT_DIALECT = "hermes"
MCP_QUERY = "What's the weather in Lyon right now?"
CONTACT_TEXT = "Maria Lopez, maria.lopez@example.com, lives in Seville."
LIBRARY_QUERY = "How much is 250 euros in dollars?"

Write = Callable[[str], None]


class Contact(pydantic.BaseModel):
    """A person's contact details."""

    name: str = pydantic.Field(description="Full name")
    email: str = pydantic.Field(description="Email address")


def agent(caller: FunctionCaller, write: Write) -> None:
    """``FunctionCaller.chat`` in a chat dialect: the model calls a tool, the call runs, and
    it answers from the result."""
    chat = FunctionCaller.from_settings(
        replace(caller.settings, dialect=AGENT_DIALECT), caller.tools, engine=caller.engine,
        timeout=5.0,
    )  # fmt: skip
    write(f"As an agent ({AGENT_DIALECT}): a call, its result, then an answer from the result.\n")
    write(f"user:   {AGENT_QUERY}")
    run = chat.chat(AGENT_QUERY, max_steps=2)
    _show(run, write)


def mcp_server(caller: FunctionCaller, write: Write) -> None:
    """The same loop on an MCP server's tools (``fncall.demo.mcp_notes``, started here over
    stdio): listed through ``tools/list``, run through ``tools/call``."""
    from fncall.tools.mcp_servers import McpServer

    with McpServer(f"{sys.executable} -m fncall.demo.mcp_notes") as server:
        listed = ", ".join(tool.name for tool in server.tools)
        write(f"An MCP server's tools (--mcp), listed by the server: {listed}\n")
        weather = [tool for tool in server.tools if tool.name == "get_weather"]
        mcp = FunctionCaller.from_settings(caller.settings, weather, engine=caller.engine)
        write(f"user:   {MCP_QUERY}")
        _show(mcp.chat(MCP_QUERY, max_steps=2), write)


def structured(caller: FunctionCaller, write: Write) -> None:
    """A plain answer held by the grammar to a pydantic class (``response_format``)."""
    extractor = FunctionCaller.from_settings(caller.settings, engine=caller.engine)
    write("A structured answer (response_format=Contact, a pydantic class):\n")
    response = extractor.call(f"Extract the contact: {CONTACT_TEXT}", response_format=Contact)
    write(f"user:   Extract the contact: {CONTACT_TEXT}")
    write(f"model:  {response.raw}")
    write(f"  -> parsed: {response.parsed!r}\n")


def large_library(caller: FunctionCaller, write: Write) -> None:
    """One request against the demo tools among the synthetic ones (one tool a name):
    retrieval offers the model the three that fit best (``--retrieve 3``)."""
    from fncall.tools.spec import ToolSet
    from fncall.train.synth.catalog import catalog_domains
    from fncall.train.synth.universe import build_universe

    tools = {tool.name: tool for tool in caller.tools.values()}
    for composed in build_universe(catalog_domains(), seed=0):
        tools.setdefault(composed.tool.name, composed.tool)  # one tool a name
    library = ToolSet(tools.values())
    settings = replace(caller.settings, retrieve=3)  # fused: BM25 and embeddings
    retriever = FunctionCaller.from_settings(settings, library, engine=caller.engine)
    write(f"A large library ({len(library):,} tools): retrieval offers each request its best 3.\n")
    prepared = retriever.prepare(CallRequest(LIBRARY_QUERY))
    write(f"user:   {LIBRARY_QUERY}")
    write(f"  -> offered: {', '.join(prepared.tools)}")
    response = retriever.run([prepared])[0]
    write(f"model:  {response.raw.strip()}\n")


def _show(run: AgentRun, write: Write) -> None:
    """Each stage of a run, and whether the answer states what the tools returned."""
    for event in run.events:
        if isinstance(event, CallsMade):
            write("model:  " + "; ".join(_written(c.name, c.arguments) for c in event.calls))
        elif isinstance(event, ToolResult):
            write(f"tool:   {event.content}")
        elif isinstance(event, Answered):
            write(f"model:  {event.text}")
        elif isinstance(event, Stopped) and not run.results:
            write(f"  -> no call, so no result to answer from: {event.message}\n")
            return
    if not run.results:
        write(f"  -> no call, so no result to answer from: {run.answer}\n")
        return
    if run.answer is None:
        write(f"model:  (no answer: {run.events[-1]})")
    values = [
        v
        for r in run.results
        for v in (r.result.value.values() if isinstance(r.result.value, dict) else [])
    ]
    stated = [json.dumps(v) if not isinstance(v, str) else v for v in values]
    says = run.answer is not None and all(v in run.answer for v in stated)
    write(f"  -> states the result's values {stated}: {says}\n")


def _written(name: str, arguments: dict) -> str:
    return f"{name}({', '.join(f'{k}={v!r}' for k, v in arguments.items())})"
