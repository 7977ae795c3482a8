"""NexusRaven-13B (v1).

Prompt: the builder NexusRaven's evaluation and its LangChain example use (the model card
points to that example): ``<human>:`` then one ``OPTION:`` block per tool with the
signature between ``<func_start>``/``<func_end>`` and the docstring between
``<docstring_start>``/``<docstring_end>``, then ``User Query: Question: ...``. The
readme's variant without a blank line before the first ``OPTION`` was not used for the
published numbers. Few-shot demonstrations go in the documented slot between
``User Query:`` and ``Question:``.

Output: ``Initial Answer: <call>`` then ``Reflection: ...``; generation stops at
``\\nReflection:`` and the initial answer is the call. v1 calls one function with literal
arguments.
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
from fncall.grammar.ir import Node, Rep, chars, seq
from fncall.grammar.values import ValueSyntax
from fncall.tools.signature import check_python_names, python_docstring, python_signature
from fncall.tools.spec import ToolSet

_MARKER = "Initial Answer:"
_INSTRUCTION = (
    "Please pick a function from the above options that best answers the user query and fill "
    "in the appropriate arguments."
)


@register
class NexusRavenV1(Dialect):
    name = "nexusraven-v1"
    summary = "NexusRaven-13B: OPTION/<func_start> blocks in, 'Initial Answer: f(...)' out"
    stop = ("\nReflection:",)
    supports_system = False
    supports_demonstrations = True
    value_syntax = ValueSyntax(python=True)
    text_avoid = f"(?s:.*){_MARKER}"
    text_approximation = Rep(chars(":", negated=True), 0, None)

    def build_prompt(self, given: PromptInput) -> str:
        check_python_names(given.tools.values(), self.name)
        query = given.query
        options = "".join(
            f"\nOPTION:\n<func_start>def {python_signature(tool)}<func_end>\n"
            f'<docstring_start>\n"""\n{python_docstring(tool)}\n"""\n<docstring_end>\n'
            for tool in given.tools.values()
        )
        question = f"Question: {query}"
        if given.demonstrations:
            examples = "".join(
                f"Example: {d.query} Answer: {d.answer}. " for d in given.demonstrations
            )
            question = f"{examples}Now, please answer this question. {question}"
        return f"\n<human>:\n{options}\nUser Query: {question}\n\n{_INSTRUCTION}<human_end>"

    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        start = output.find(_MARKER)
        if start == -1:
            return ParsedOutput([], output.strip(), output)
        section = output[start + len(_MARKER) :].split("\nReflection:", 1)[0].strip()
        if not section:
            raise OutputParseError(f"nothing follows {_MARKER!r}", output)
        calls = parse_python_calls(section, tools, nested=False, max_calls=1)
        return ParsedOutput(calls, "", output)

    def call_grammar(self, g: CallGrammar) -> Node:
        check_python_names(g.callable_tools, self.name)
        return seq(f"{_MARKER} ", g.any_tool("call", g.python_call))

    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        self.check_calls(calls)
        return f"{_MARKER} {format_python_call(calls[0])}"
