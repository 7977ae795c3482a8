"""Hermes (NousResearch) tool calling in ChatML.

Prompt: the Hermes 3 ``tool_use`` chat template as Hugging Face renders it: a system turn
listing the tools inside ``<tools>`` (one ``{"type": "function", ...}`` per line, the
description prefixed with a Python-style signature and an ``Args:`` list, as the template
writes it), the pydantic schema of a call, and the ``<tool_call>`` instructions. A caller's
system message becomes a second system turn. Earlier calls render as ``<tool_call>`` blocks
and tool results as ``<tool_response>`` blocks in a ``tool`` turn. The tokenizer adds the
BOS token; it is not part of the text.

Output: one or more ``<tool_call>{"name": ..., "arguments": {...}}</tool_call>`` blocks;
text outside them is content.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from fncall.calls.call import ParsedOutput, ToolCall
from fncall.calls.jsonparse import decode_arguments, decode_json_object
from fncall.dialects import register
from fncall.dialects.base import Dialect, PromptInput, history_calls
from fncall.errors import OutputParseError
from fncall.grammar.call_syntax import CallGrammar
from fncall.grammar.ir import Node, Rep, chars, seq
from fncall.tools.spec import Tool, ToolSet

_HEADER = (
    "<|im_start|>system\nYou are a function calling AI model. You are provided with function "
    "signatures within <tools></tools> XML tags. You may call one or more functions to assist "
    "with the user query. Don't make assumptions about what values to plug into functions. "
    "Here are the available tools: <tools> "
)
_FOOTER = (
    " </tools>Use the following pydantic model json schema for each tool call you will make: "
    '{"properties": {"name": {"title": "Name", "type": "string"}, "arguments": {"title": '
    '"Arguments", "type": "object"}}, "required": ["name", "arguments"], "title": '
    '"FunctionCall", "type": "object"}}\nFor each function call return a json object with '
    "function name and arguments within <tool_call></tool_call> XML tags as follows:\n"
    '<tool_call>\n{"name": <function-name>, "arguments": <args-dict>}\n</tool_call>'
    "<|im_end|>\n"
)
_BLOCK = re.compile(r"<tool_call>(.*?)(?:</tool_call>|$)", re.DOTALL)
_BASIC = {"string": "str", "number": "float", "integer": "int", "boolean": "bool"}


def _python_type(schema: dict[str, Any]) -> str:
    """The template's ``json_to_python_type`` macro."""
    kind = schema.get("type")
    if isinstance(kind, list):
        return "Union[" + ",".join(_python_type({"type": k}) for k in kind) + "]"
    if kind in _BASIC:
        return _BASIC[kind]
    if kind == "array":
        return f"list[{_python_type(schema.get('items', {}))}]"
    if kind == "object":
        extra = schema.get("additionalProperties")
        return f"dict[str, {_python_type(extra)}]" if isinstance(extra, dict) else "dict"
    return "Any"


def _tool_line(tool: Tool) -> str:
    signature = ", ".join(f"{n}: {_python_type(s)}" for n, s in tool.properties.items())
    description = f"{tool.name}({signature}) - {tool.description}"
    described = [(n, s) for n, s in tool.properties.items() if s.get("description")]
    if described:
        description += "\n\n    Args:\n" + "".join(
            f"        {n}({_python_type(s)}): {str(s['description']).strip()}" for n, s in described
        )
    parameters = json.dumps(tool.parameters if tool.properties else {}, ensure_ascii=False)
    return (
        f'{{"type": "function", "function": {{"name": "{tool.name}", "description": '
        f'"{description}", "parameters": {parameters}}}}}'
    )


def _call_block(name: str, arguments: Any) -> str:
    args = arguments if isinstance(arguments, str) else json.dumps(arguments, ensure_ascii=False)
    # JSON's "\/" escape keeps a closing tag inside a string from ending the block early.
    args = args.replace("</tool_call>", "<\\/tool_call>")
    return f'<tool_call>\n{{"name": "{name}", "arguments": {args}}}\n</tool_call>'


@register
class Hermes(Dialect):
    name = "hermes"
    summary = "Hermes / Qwen ChatML: <tools> in the system turn, <tool_call>{json}</tool_call> out"
    stop = ("<|im_end|>",)
    supports_parallel = True
    text_avoid = "(?s:.*)<tool_call>"
    text_approximation = Rep(chars("<", negated=True), 0, None)
    multi_turn = True

    def build_prompt(self, given: PromptInput) -> str:
        out = [_HEADER, "\n".join(_tool_line(t) for t in given.tools.values()), _FOOTER]
        if given.system:
            out.append(f"<|im_start|>system\n{given.system}<|im_end|>\n")
        turns = given.turns
        for i, message in enumerate(turns):
            role = message["role"]
            last = i == len(turns) - 1
            if role == "tool":
                if i == 0 or turns[i - 1]["role"] != "tool":
                    out.append("<|im_start|>tool\n")
                out.append(f"<tool_response>\n{message.get('content') or ''}\n</tool_response>")
                if not last:
                    out.append("\n")
                if last or turns[i + 1]["role"] != "tool":
                    out.append("<|im_end|>")
            elif role == "assistant" and message.get("tool_calls"):
                blocks = "".join(
                    f"\n{_call_block(c.name, c.to_dict()['arguments'])}"
                    for c in history_calls(message)
                )
                text = message.get("content") or ""
                out.append(f"<|im_start|>assistant{text and chr(10) + text}{blocks}<|im_end|>\n")
            else:
                out.append(f"<|im_start|>{role}\n{message.get('content') or ''}<|im_end|>\n")
        out.append("<|im_start|>assistant\n")
        return "".join(out)

    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        calls = []
        for match in _BLOCK.finditer(output):
            obj = decode_json_object(match.group(1), output, where="a <tool_call> block")
            name = obj.get("name")
            if not isinstance(name, str) or not ({"arguments", "parameters"} & set(obj)):
                raise OutputParseError('a <tool_call> needs "name" and "arguments"', output)
            arguments = obj.get("arguments", obj.get("parameters"))
            calls.append(ToolCall(name, decode_arguments(arguments, name, output)))
        return ParsedOutput(calls, _BLOCK.sub("", output).strip(), output)

    def call_grammar(self, g: CallGrammar) -> Node:
        def call(tool: Tool) -> Node:
            head = f'<tool_call>\n{{"name": {json.dumps(tool.name)}, "arguments": '
            return seq(head, g.json_arguments(tool), "}\n</tool_call>")

        return g.repeated(g.any_tool("call", call), "\n")

    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        self.check_calls(calls)
        return "\n".join(_call_block(c.name, c.arguments) for c in calls)
