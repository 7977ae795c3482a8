"""NexusRaven-V2-13B.

Prompt: the model card's quickstart template: a newline, then per tool ``Function:`` and the
``def`` line with its docstring indented under it, a blank line between tools, then
``User Query: {query}<human_end>`` and a blank line. (The evaluation notebook leaves the
docstring unindented and the pip client drops the trailing newlines; the card wins.)

Output: ``Call: <calls><bot_end>``, optionally followed by ``Thought: ...``; generation stops
at ``<bot_end>``. Calls may nest (``f(x=g(y=1))``) and several are separated by ``;``.
Anything that does not start with ``Call:`` is a plain-text answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from fncall.calls.call import ParsedOutput, ToolCall
from fncall.calls.pyformat import format_python_call
from fncall.calls.pyparse import parse_python_calls
from fncall.dialects import register
from fncall.dialects.base import Dialect, PromptInput
from fncall.errors import OutputParseError
from fncall.grammar.call_syntax import CallGrammar
from fncall.grammar.ir import ANY_CHAR, Node, Rep, chars, opt, seq
from fncall.grammar.values import ValueSyntax
from fncall.tools.signature import check_python_names, python_docstring, python_signature
from fncall.tools.spec import Tool, ToolSet

_MARKER = "Call:"
_END = "<bot_end>"


def function_block(tool: Tool) -> str:
    """``Function:`` and the tool as an indented ``def`` with its docstring."""
    doc = "\n".join(
        f"    {line}" if line else "" for line in python_docstring(tool, dedent=True).split("\n")
    )
    return f'Function:\ndef {python_signature(tool)}:\n    """\n{doc}\n    """\n'


@register
class NexusRavenV2(Dialect):
    name = "nexusraven-v2"
    summary = "NexusRaven-V2-13B: Python defs with docstrings in, 'Call: f(x=g(y=1)); h()' out"
    stop = (_END,)
    markers = ("<human_end>", _END)
    supports_parallel = True
    supports_nested = True
    supports_system = False
    value_syntax = ValueSyntax(python=True)
    text_avoid = rf"\s*{_MARKER}"
    text_approximation = opt(seq(chars(" \t\n\rC", negated=True), Rep(ANY_CHAR, 0, None)))

    def build_prompt(self, given: PromptInput) -> str:
        check_python_names(given.tools.values(), self.name)
        query = given.query
        blocks = "".join(f"{function_block(tool)}\n" for tool in given.tools.values())
        return f"\n{blocks}User Query: {query}<human_end>\n\n"

    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        stripped = output.lstrip()
        if not stripped.startswith(_MARKER):
            return ParsedOutput([], output.replace(_END, "").strip(), output)
        section = stripped[len(_MARKER) :].split(_END, 1)[0].split("\nThought:", 1)[0].strip()
        if not section:
            raise OutputParseError(f"nothing follows {_MARKER!r}", output)
        return ParsedOutput(parse_python_calls(section, tools, nested=True), "", output)

    def call_grammar(self, g: CallGrammar) -> Node:
        check_python_names(g.callable_tools, self.name)
        inner = g.any_tool("inner_call", g.python_call)
        outer = g.any_tool("call", lambda tool: g.python_call(tool, nested_call=inner))
        return seq(f"{_MARKER} ", g.repeated(outer, "; "))

    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        self.check_calls(calls)
        return f"{_MARKER} " + "; ".join(format_python_call(call) for call in calls)
