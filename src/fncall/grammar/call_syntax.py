"""Building blocks for a dialect's grammar: argument lists, calls, repetition of calls and the
choice between calls and a plain answer. Each dialect file puts these together in its own
call syntax (see ``Dialect.call_grammar``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fncall.errors import GrammarError
from fncall.grammar.ir import EMPTY, Grammar, GrammarBuilder, Node, alt, rep, seq
from fncall.grammar.values import GrammarLimits, ValueCompiler, ValueSyntax
from fncall.request import ToolChoice
from fncall.tools.spec import Tool, ToolSet


class CallGrammar:
    """One grammar under construction for a tool set and a ``tool_choice``.

    Attributes:
        tools: The offered tools.
        choice: What the answer may be.
        limits: Bounds on strings, arrays, numbers and calls.
        values: Compiles argument schemas to value rules in this grammar's syntax; with
            ``grounded_in``, free-form strings are spans of those texts.
    """

    def __init__(
        self,
        tools: ToolSet,
        choice: ToolChoice,
        limits: GrammarLimits,
        syntax: ValueSyntax,
        grounded_in: Sequence[str] | None = None,
    ) -> None:
        self.tools = tools
        self.choice = choice
        self.limits = limits
        self.builder = GrammarBuilder()
        self.values = ValueCompiler(self.builder, syntax, limits, grounded_in)

    @property
    def callable_tools(self) -> list[Tool]:
        """The tools a call may name under ``tool_choice``."""
        return [self.tools[name] for name in self.choice.callable_tools(self.tools)]

    def any_tool(self, hint: str, build: Callable[[Tool], Node]) -> Node:
        """One rule: a call of any callable tool, each written by ``build``."""
        return self.builder.rule(hint, alt(*(build(tool) for tool in self.callable_tools)))

    def python_arguments(self, tool: Tool, nested_call: Node | None = None) -> Node:
        """``a=1, b='x'`` in declared order, optional arguments skippable; with
        ``nested_call``, any argument may instead be that call."""
        members = []
        for name, schema in tool.properties.items():
            value = self.values.value(schema)
            if nested_call is not None:
                value = alt(value, nested_call)
            members.append((seq(f"{name}=", value), name in tool.required))
        return self.values.members(members, ", ")

    def python_call(self, tool: Tool, nested_call: Node | None = None) -> Node:
        """``name(a=1, b='x')``."""
        return seq(f"{tool.name}(", self.python_arguments(tool, nested_call), ")")

    def keyed_arguments(self, tool: Tool, *, sort: bool = False) -> Node:
        """``key:value`` members in the value syntax (``a:1,b:<escape>x<escape>``), in
        declared order or sorted by name, optional ones skippable."""
        names = sorted(tool.properties) if sort else list(tool.properties)
        members = [
            (
                seq(self.values.key(name), self.values.value(tool.properties[name])),
                name in tool.required,
            )
            for name in names
        ]
        return self.values.members(members, self.values.syntax.item_separator)

    def json_arguments(self, tool: Tool) -> Node:
        """The arguments as a JSON object, properties in declared order. Only declared
        arguments are accepted (validation refuses any other), even with none declared."""
        return self.values.value({**tool.parameters, "additionalProperties": False})

    def repeated(self, call: Node, separator: str) -> Node:
        """One call, or several separated by ``separator`` when ``tool_choice`` allows."""
        most = self.choice.max_calls or self.limits.max_calls
        return seq(call, rep(seq(separator, call), 0, most - 1)) if most > 1 else call

    def build(self, calls: Node | None, text: Node) -> Grammar:
        """The whole grammar: calls, a plain answer (free text, or a JSON object where a
        response format asks for one), or either, as ``tool_choice`` says."""
        options = []
        if self.choice.allows_calls:
            if calls is None or not self.callable_tools:
                raise GrammarError("tool_choice asks for a call but no tool can be called")
            # One rule, so Lark makes the whole call path one lexeme: beside a free-text
            # lexeme, a lexer that matched "[" alone would commit to the text instead.
            options.append(self.builder.rule("calls", calls))
        if self.choice.allows_text:
            options.append(text)
        return self.builder.build(alt(*options) if options else EMPTY)
