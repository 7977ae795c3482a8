"""Llama-2-7b-chat functions (marclove/llama_functions).

Prompt: a Llama 2 chat turn whose system block holds an ``<<API>>`` block: a fixed
instruction (its "respond with a the" typo included, as the training data has it), then
``{"functions": [...]}`` as compact JSON in a code fence. Each function has ``name``,
``description`` and ``parameters`` as a list of ``{description, name, optional, type}``
(keys sorted, as in the data). The card publishes no template; this is rebuilt from a row
of the training data. A caller's system message follows ``<</API>>``.

Output: `` {"function_call": {"name": ..., "arguments": {...}}} ``; anything else is a plain
answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from fncall.calls.call import ParsedOutput, ToolCall
from fncall.calls.jsonparse import parse_json_calls
from fncall.dialects import register
from fncall.dialects.base import Dialect, PromptInput
from fncall.errors import OutputParseError
from fncall.grammar.call_syntax import CallGrammar
from fncall.grammar.ir import Node, Rep, chars, seq
from fncall.grammar.values import ValueSyntax
from fncall.tools.formats import to_llama_functions
from fncall.tools.spec import Tool, ToolSet

_INSTRUCTION = (
    "You may answer by calling one of the following functions. If you can infer a function's "
    "required arguments, respond with a the function name and arguments. If multiple functions "
    "can be called, pick the one that best answers the question."
)
_OPENER = re.compile(r"""\{\s*["']function_call["']\s*:""")


def _envelope(obj: dict[str, Any], output: str) -> tuple[Any, Any] | None:
    if "function_call" not in obj:
        return None
    call = obj["function_call"]
    if not isinstance(call, dict) or "arguments" not in call:
        raise OutputParseError('"function_call" must hold "name" and "arguments"', output)
    return call.get("name"), call["arguments"]


def _function_document(tool: Any) -> dict[str, Any]:
    document = to_llama_functions(tool)
    parameters = [dict(sorted(p.items())) for p in document.get("parameters", [])]
    return {**document, "parameters": parameters}


@register
class LlamaFunctions(Dialect):
    name = "llama-functions"
    summary = "Llama-2-7b-chat functions: <<API>> block in <<SYS>>, {'function_call': ...} out"
    stop = ("</s>",)
    value_syntax = ValueSyntax(item_separator=",", key_separator=":")
    text_avoid = r"""(?s:.*)\{\s*["']function_call["']\s*:"""
    text_approximation = Rep(chars("{", negated=True), 0, None)

    def build_prompt(self, given: PromptInput) -> str:
        query = given.query.strip()
        functions = {"functions": [_function_document(t) for t in given.tools.values()]}
        listing = json.dumps(functions, separators=(",", ":"), ensure_ascii=False)
        extra = f"{given.system.strip()}\n" if given.system else ""
        return (
            f"[INST] <<SYS>>\n<<API>>\n{_INSTRUCTION}\n\n```\n{listing}\n```\n<</API>>\n"
            f"{extra}<</SYS>>\n\n{query} [/INST]"
        )

    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        return parse_json_calls(output, tools, _envelope, _OPENER)

    def call_grammar(self, g: CallGrammar) -> Node:
        def call(tool: Tool) -> Node:
            head = f'{{"function_call":{{"name":{json.dumps(tool.name)},"arguments":'
            return seq(head, g.json_arguments(tool), "}}")

        return seq(" ", g.any_tool("call", call), " ")

    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        self.check_calls(calls)
        call = {"function_call": {"name": calls[0].name, "arguments": calls[0].arguments}}
        return f" {json.dumps(call, separators=(',', ':'), ensure_ascii=False)} "
