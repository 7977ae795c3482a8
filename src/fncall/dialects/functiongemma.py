"""FunctionGemma: Google's function-calling fine-tune of Gemma 3 270M.

Prompt, as its official chat template renders it: a ``developer`` turn holding the system
message (Google's "You are a model that can do function calling with the following
functions" where none is given, and after a given one that lacks it) and one
``<start_function_declaration>declaration:NAME{description:<escape>...<escape>,
parameters:{properties:{...},required:[...],type:<escape>OBJECT<escape>}}
<end_function_declaration>`` per tool: property keys sorted, types in capitals, strings
between ``<escape>`` tokens. Then Gemma's ``<start_of_turn>user`` / ``model`` turns. An
earlier call is ``<start_function_call>call:NAME{key:value,...}<end_function_call>`` in the
model's turn, its results follow in the same turn as
``<start_function_response>response:NAME{value:<escape>...<escape>}<end_function_response>``,
and the model answers on in that turn. (BFCL's handler for this model drops the
``parameters:{...}`` wrapper; the official template has it.) The tokenizer adds BOS.

Output: one or more ``<start_function_call>call:NAME{...}<end_function_call>`` blocks, or
text; generation stops at ``<end_of_turn>`` or ``<start_function_response>`` (where the
template hands over to the tool). Argument values: strings between ``<escape>`` tokens,
written raw, numbers, ``true``/``false``, ``None``, ``[...]`` lists and ``{key:value}``
objects with bare keys, keys in sorted order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from fncall.calls import limits
from fncall.calls.call import ParsedOutput, ToolCall
from fncall.dialects import register
from fncall.dialects.base import Dialect, PromptInput, history_calls
from fncall.errors import OutputParseError
from fncall.grammar.call_syntax import CallGrammar
from fncall.grammar.ir import Node, Rep, chars, seq
from fncall.grammar.values import BARE_KEY, ValueSyntax
from fncall.tools.spec import Tool, ToolSet

ESCAPE = "<escape>"
DEVELOPER = "You are a model that can do function calling with the following functions"
_CALL_OPEN, _CALL_CLOSE = "<start_function_call>call:", "<end_function_call>"
_RESPONSE_OPEN, _RESPONSE_CLOSE = "<start_function_response>", "<end_function_response>"
_END_TURN = "<end_of_turn>"
_CALL = re.compile(r"<start_function_call>call:([A-Za-z_][\w.]*)\{")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")

SYNTAX = ValueSyntax(
    item_separator=",", key_separator=":", string_delimiter=ESCAPE, null_literal="None"
)
_text = SYNTAX.literal


def _properties(properties: dict[str, Any]) -> str:
    """The template's ``format_parameters``: each property's description, enum, items,
    nested properties and type, keys sorted."""
    out = []
    for name, schema in sorted(properties.items()):
        schema = schema if isinstance(schema, dict) else {}  # `true`: any value
        parts = []
        if schema.get("description"):
            parts.append(f"description:{_text(str(schema['description']))}")
        kind = _type_name(schema)
        if kind == "STRING" and schema.get("enum"):
            parts.append(f"enum:{_text(list(schema['enum']))}")
        if kind == "ARRAY" and isinstance(schema.get("items"), dict) and schema["items"]:
            parts.append(f"items:{{{_items(schema['items'])}}}")
        if kind == "OBJECT" and isinstance(schema.get("properties"), dict):
            parts.append(f"properties:{{{_properties(schema['properties'])}}}")
            if schema.get("required"):
                parts.append(f"required:{_text(list(schema['required']))}")
        parts.append(f"type:{_text(kind)}")
        out.append(f"{name}:{{{','.join(parts)}}}")
    return ",".join(out)


def _items(items: dict[str, Any]) -> str:
    parts = []
    for key, value in sorted(items.items()):
        if key == "properties" and isinstance(value, dict):
            parts.append(f"properties:{{{_properties(value)}}}")
        elif key == "type":
            types = value if isinstance(value, list) else [value]
            upper = [str(t).upper() for t in types]
            parts.append(f"type:{_text(upper if isinstance(value, list) else upper[0])}")
        elif value is not None:
            parts.append(f"{key}:{_text(value)}")
    return ",".join(parts)


def _type_name(schema: dict[str, Any]) -> str:
    kind = schema.get("type", "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    return str(kind).upper()


def declaration(tool: Tool) -> str:
    """A tool as the template declares it."""
    parameters = tool.parameters
    inner = ""
    if tool.properties:
        inner += f"properties:{{{_properties(tool.properties)}}},"
    if tool.required:
        inner += f"required:{_text(tool.required)},"
    inner += f"type:{_text(str(parameters.get('type', 'object')).upper())}"
    return (
        f"<start_function_declaration>declaration:{tool.name}{{description:"
        f"{_text(tool.description)},parameters:{{{inner}}}}}<end_function_declaration>"
    )


def format_call(call: ToolCall) -> str:
    """One call as the model writes it."""
    arguments = ",".join(SYNTAX.key(k) + _text(v) for k, v in sorted(call.arguments.items()))
    return f"{_CALL_OPEN}{call.name}{{{arguments}}}{_CALL_CLOSE}"


class _Reader:
    """Reads FunctionGemma values in one pass (linear time, nesting bounded)."""

    def __init__(self, text: str, output: str) -> None:
        self.text, self.output, self.at = text, output, 0

    def fail(self, what: str) -> OutputParseError:
        return OutputParseError(f"FunctionGemma call: {what} at character {self.at}", self.output)

    def members(self, depth: int) -> dict[str, Any]:
        """``key:value,...`` up to the closing brace (consumed)."""
        out: dict[str, Any] = {}
        if self.text.startswith("}", self.at):
            self.at += 1
            return out
        while True:
            if self.text.startswith(ESCAPE, self.at):
                name = self.value(depth)  # a key that is no name is written as a string
            else:
                key = BARE_KEY.match(self.text, self.at)
                if key is None:
                    raise self.fail("expected a key")
                name, self.at = key.group(0), key.end()
            if not self.text.startswith(":", self.at):
                raise self.fail("expected ':' after a key")
            if len(out) >= limits.MAX_CONTAINER_ITEMS:
                raise self.fail(f"over {limits.MAX_CONTAINER_ITEMS:,} members")
            if name in out:
                raise self.fail(f"argument {name!r} given twice")
            self.at += 1
            out[name] = self.value(depth)
            if self.text.startswith(",", self.at):
                self.at += 1
            elif self.text.startswith("}", self.at):
                self.at += 1
                return out
            else:
                raise self.fail("expected ',' or '}'")

    def value(self, depth: int) -> Any:
        if depth > limits.MAX_NESTING:
            raise self.fail("values nested too deeply")
        text, at = self.text, self.at
        if text.startswith(ESCAPE, at):
            end = text.find(ESCAPE, at + len(ESCAPE))
            if end < 0:
                raise self.fail("a string is not closed")
            if end - at > limits.MAX_STRING_CHARS:
                raise self.fail(f"a string over {limits.MAX_STRING_CHARS:,} characters")
            self.at = end + len(ESCAPE)
            return text[at + len(ESCAPE) : end]
        for word, value in (("true", True), ("false", False), ("None", None), ("null", None)):
            if text.startswith(word, at):
                self.at = at + len(word)
                return value
        if text.startswith("{", at):
            self.at += 1
            return self.members(depth + 1)
        if text.startswith("[", at):
            self.at += 1
            items: list[Any] = []
            if text.startswith("]", self.at):
                self.at += 1
                return items
            while True:
                if len(items) >= limits.MAX_CONTAINER_ITEMS:
                    raise self.fail(f"over {limits.MAX_CONTAINER_ITEMS:,} items")
                items.append(self.value(depth + 1))
                if text.startswith(",", self.at):
                    self.at += 1
                elif text.startswith("]", self.at):
                    self.at += 1
                    return items
                else:
                    raise self.fail("expected ',' or ']'")
        number = _NUMBER.match(text, at)
        if number is None:
            raise self.fail("expected a value")
        if len(number.group(0)) > limits.MAX_INT_DIGITS:
            raise self.fail(f"a number over {limits.MAX_INT_DIGITS} characters")
        self.at = number.end()
        return json.loads(number.group(0))


@register
class FunctionGemma(Dialect):
    name = "functiongemma"
    summary = (
        "FunctionGemma (Gemma 3 270M): <start_function_declaration> in a developer turn, "
        "<start_function_call>call:f{a:<escape>x<escape>}<end_function_call> out"
    )
    stop = (_END_TURN, _RESPONSE_OPEN)
    markers = (
        "<start_function_declaration>", "<end_function_declaration>", "<start_function_call>",
        _CALL_CLOSE, _RESPONSE_OPEN, _RESPONSE_CLOSE, ESCAPE,
    )  # fmt: skip
    supports_parallel = True
    multi_turn = True
    value_syntax = SYNTAX
    text_avoid = "(?s:.*)<start_function_call>"
    text_approximation = Rep(chars("<", negated=True), 0, None)

    def build_prompt(self, given: PromptInput) -> str:
        system = (given.system or "").strip()
        developer = system if DEVELOPER in system else f"{system}\n{DEVELOPER}".lstrip("\n")
        declarations = "".join(declaration(tool) for tool in given.tools.values())
        out = [f"<start_of_turn>developer\n{developer}{declarations}{_END_TURN}\n"]
        turns = given.turns
        in_model_turn = False
        for i, message in enumerate(turns):
            role, content = message["role"], (message.get("content") or "").strip()
            if role == "tool":
                out.append(
                    f"{_RESPONSE_OPEN}response:{message.get('name') or 'unknown'}"
                    f"{{value:{_text(message.get('content') or '')}}}{_RESPONSE_CLOSE}"
                )
                continue
            if role == "assistant":
                if not in_model_turn:
                    out.append("<start_of_turn>model\n")
                out.append(content)
                out.extend(format_call(c) for c in history_calls(message))
                answered = i + 1 < len(turns) and turns[i + 1]["role"] == "tool"
                in_model_turn = answered
                if not answered:
                    out.append(f"{_END_TURN}\n")
                continue
            if in_model_turn:
                out.append(f"{_END_TURN}\n")
                in_model_turn = False
            out.append(f"<start_of_turn>{role}\n{content}{_END_TURN}\n")
        if not in_model_turn:
            out.append("<start_of_turn>model\n")
        return "".join(out)

    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        calls: list[ToolCall] = []
        pieces: list[str] = []
        at = 0
        while (found := _CALL.search(output, at)) is not None:
            pieces.append(output[at : found.start()])
            reader = _Reader(output, output)
            reader.at = found.end()
            arguments = reader.members(1)
            if not output.startswith(_CALL_CLOSE, reader.at):
                raise OutputParseError(f"a call is not closed with {_CALL_CLOSE}", output)
            calls.append(ToolCall(found.group(1), arguments))
            at = reader.at + len(_CALL_CLOSE)
        if "<start_function_call>" in output[at:]:
            raise OutputParseError("a <start_function_call> without a call", output)
        pieces.append(output[at:])
        return ParsedOutput(calls, "".join(pieces).strip(), output)

    def call_grammar(self, g: CallGrammar) -> Node:
        def call(tool: Tool) -> Node:
            arguments = g.keyed_arguments(tool, sort=True)
            return seq(f"{_CALL_OPEN}{tool.name}{{", arguments, f"}}{_CALL_CLOSE}")

        return g.repeated(g.any_tool("call", call), "")

    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        self.check_calls(calls)
        return "".join(format_call(call) for call in calls)
