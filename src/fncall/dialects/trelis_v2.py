"""The function-calling Llama 2 / Mistral / Zephyr / DeepSeek "v2" models (Trelis).

Prompt, exactly as the cards build it: ``<FUNCTIONS>`` + the tools' metadata
(``json.dumps(metadata, indent=4)``) + ``</FUNCTIONS>\\n\\n``, then the instruction markers
of the model's style around the user prompt, with the optional ``<<SYS>>`` block inside,
then ``\\n\\n``. Several tools are separated by a blank line, as in the cards' sample
function list.

Output: a JSON object ``{"function": ..., "arguments": {...}}``. As the cards ask, an
output with no JSON object is a plain answer and text around the JSON is tolerated.
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
from fncall.tools.formats import to_trelis
from fncall.tools.spec import Tool, ToolSet

_OPENER = re.compile(r"""\{\s*["']function["']\s*:""")


def _envelope(obj: dict[str, Any], output: str) -> tuple[Any, Any] | None:
    if "function" not in obj:
        return None
    if "arguments" not in obj:
        raise OutputParseError(f'the call to {obj["function"]!r} has no "arguments"', output)
    return obj["function"], obj["arguments"]


class _TrelisV2(Dialect):
    begin_instruction: str
    end_instruction: str
    text_avoid = r"""(?s:.*)\{\s*["']function["']\s*:"""
    text_approximation = Rep(chars("{", negated=True), 0, None)

    def build_prompt(self, given: PromptInput) -> str:
        query = given.query.strip()
        functions = "\n\n".join(json.dumps(to_trelis(t), indent=4) for t in given.tools.values())
        sys_block = f"<<SYS>>\n{given.system.strip()}\n<</SYS>>\n\n" if given.system else ""
        return (
            f"<FUNCTIONS>{functions.strip()}</FUNCTIONS>\n\n"
            f"{self.begin_instruction}{sys_block}{query}{self.end_instruction}\n\n"
        )

    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        return parse_json_calls(output, tools, _envelope, _OPENER)

    def call_grammar(self, g: CallGrammar) -> Node:
        def call(tool: Tool) -> Node:
            name = json.dumps(tool.name)
            return seq(f'{{"function": {name}, "arguments": ', g.json_arguments(tool), "}")

        return g.any_tool("call", call)

    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        self.check_calls(calls)
        return "\n".join(
            json.dumps({"function": c.name, "arguments": c.arguments}, ensure_ascii=False)
            for c in calls
        )


@register
class TrelisLlama(_TrelisV2):
    name = "trelis-v2-llama"
    summary = "Function-calling Llama 2 / Mistral v2: <FUNCTIONS> JSON + [INST], JSON call out"
    stop = ("</s>",)
    begin_instruction = "[INST] "
    end_instruction = " [/INST]"


@register
class TrelisDeepSeek(_TrelisV2):
    name = "trelis-v2-deepseek"
    summary = "Function-calling DeepSeek Coder v2: <FUNCTIONS> JSON + ### Instruction:"
    stop = ("<|EOT|>",)
    begin_instruction = "\n### Instruction:\n"
    end_instruction = "\n### Response:\n"


@register
class TrelisZephyr(_TrelisV2):
    name = "trelis-v2-zephyr"
    summary = "Function-calling Zephyr v2: <FUNCTIONS> JSON + <|user|>, JSON call out"
    stop = ("</s>",)
    begin_instruction = "<|user|>\n"
    end_instruction = "</s>\n<|assistant|>\n"
