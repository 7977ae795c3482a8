"""BFCL's default prompted format ("python" return format, JSON function docs).

Prompt: BFCL's default system prompt, byte for byte as its current ``formulate_system_prompt``
assembles it (including its missing space after "functions." and double space before "You
SHOULD NOT"), with the function docs as ``json.dumps(docs, indent=4)`` after BFCL's
" Note that the provided function is in Python 3 syntax." is appended to each description.
A caller's system message follows BFCL's prompt after a blank line, as BFCL does. BFCL wraps
this in each model's own chat template; fncall uses ChatML, the template of the Qwen and
Hermes families that most small open models share. Earlier calls are assistant turns in this
format, and tool results a user turn of ``<tool_response>`` blocks, as the Qwen 2.5 template
writes them (consecutive results share one turn).

Output: ``[func_name1(a=1, b='x'), func_name2(c=2)]``. As BFCL's decoder does, surrounding
backticks and whitespace are stripped and a bare call gets its brackets. Output that opens
like a call (``[name(`` or ``name(``) is parsed strictly; anything else is a plain answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from fncall.calls.call import ParsedOutput, ToolCall
from fncall.calls.pyformat import format_python_call
from fncall.calls.pyparse import parse_python_calls
from fncall.dialects import register
from fncall.dialects.base import Dialect, PromptInput, history_calls
from fncall.grammar.call_syntax import CallGrammar
from fncall.grammar.ir import Node, Rep, chars, seq
from fncall.grammar.values import ValueSyntax
from fncall.tools.formats import to_bfcl
from fncall.tools.signature import check_python_names
from fncall.tools.spec import Tool, ToolSet

PYTHON_NOTE = " Note that the provided function is in Python 3 syntax."
SYSTEM_PROMPT = (
    "You are an expert in composing functions.You are given a question and a set of possible "
    "functions. Based on the question, you will need to make one or more function/tool calls to "
    "achieve the purpose. If none of the functions can be used, point it out. If the given "
    "question lacks the parameters required by the function, also point it out.\n\n"
    "You should only return the function calls in your response.\n\n"
    "If you decide to invoke any of the function(s), you MUST put it in the format of "
    "[func_name1(params_name1=params_value1, params_name2=params_value2...), func_name2(params)]."
    "  You SHOULD NOT include any other text in the response.\n\n"
    "At each turn, you should try your best to complete the tasks requested by the user within "
    "the current turn. Continue to output functions to call until you have fulfilled the user's "
    "request to the best of your ability. Once you have no more functions to call, the system "
    "will consider the current turn complete and proceed to the next turn or task.\n\n"
    "Here is a list of functions in json format that you can invoke.\n{functions}\n"
)
# An answer that opens like a call is an attempted call: parse it strictly rather than pass
# a malformed one off as text.
_CALL_START = re.compile(r"^(\[\s*)?[A-Za-z_][\w.]*\(")


def _doc_with_note(tool: Tool) -> dict[str, Any]:
    doc = to_bfcl(tool)
    return {**doc, "description": f"{doc.get('description', '')}{PYTHON_NOTE}"}


def system_prompt(tools: ToolSet) -> str:
    """BFCL's default system prompt for these tools."""
    docs = json.dumps([_doc_with_note(t) for t in tools.values()], indent=4)
    return SYSTEM_PROMPT.format(functions=docs)


@register
class BfclPython(Dialect):
    name = "bfcl-python"
    summary = "BFCL's prompted format: functions as JSON in the system prompt, [f(a=1), g()] out"
    stop = ("<|im_end|>",)
    supports_parallel = True
    multi_turn = True
    value_syntax = ValueSyntax(python=True)
    # what extract() would read as the start of a call list
    text_avoid = r"[\s`]*(?:python\n\s*)?(?:\[\s*)?[A-Za-z_][\w.]*\("
    text_approximation = Rep(chars("([`", negated=True), 0, None)

    def build_prompt(self, given: PromptInput) -> str:
        check_python_names(given.tools.values(), self.name)
        prompt = system_prompt(given.tools)
        if given.system:
            prompt = f"{prompt}\n\n{given.system}"
        out = [f"<|im_start|>system\n{prompt}<|im_end|>\n"]
        turns = given.turns
        for i, message in enumerate(turns):
            role, content = message["role"], message.get("content") or ""
            if role == "tool":
                opens = i == 0 or turns[i - 1]["role"] != "tool"
                closes = i == len(turns) - 1 or turns[i + 1]["role"] != "tool"
                out.append("<|im_start|>user" if opens else "")
                out.append(f"\n<tool_response>\n{content}\n</tool_response>")
                out.append("<|im_end|>\n" if closes else "")
            elif message.get("tool_calls"):
                calls = self.format_calls(history_calls(message))
                said = f"{content}\n" if content else ""
                out.append(f"<|im_start|>assistant\n{said}{calls}<|im_end|>\n")
            else:
                out.append(f"<|im_start|>{role}\n{content}<|im_end|>\n")
        out.append("<|im_start|>assistant\n")
        return "".join(out)

    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        text = output.strip().strip("`").strip()
        if text.startswith("python\n"):  # a ```python fence
            text = text[len("python\n") :].strip()
        if text in ("[]", ""):
            return ParsedOutput([], "" if text == "[]" else output.strip(), output)
        start = _CALL_START.match(text)
        if start is None:
            return ParsedOutput([], output.strip(), output)
        listed = text if start.group(1) else f"[{text}]"
        calls = parse_python_calls(listed, tools, form="list", nested=False)
        return ParsedOutput(calls, "", output)

    def call_grammar(self, g: CallGrammar) -> Node:
        check_python_names(g.callable_tools, self.name)
        return seq("[", g.repeated(g.any_tool("call", g.python_call), ", "), "]")

    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        self.check_calls(calls)
        return "[" + ", ".join(format_python_call(c) for c in calls) + "]"
