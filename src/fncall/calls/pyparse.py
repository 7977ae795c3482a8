"""Safe parsing of Python-syntax calls (NexusRaven, BFCL) with :mod:`ast`.

Model output is never evaluated. The syntax tree is walked and only these nodes are
accepted: a call whose function is a (dotted) name of an offered tool, keyword and
positional arguments, and literal values (strings, numbers, booleans, ``None``, lists,
tuples, dicts with literal keys, a unary sign on a number). Everything else, attribute
access on a value, subscripts, operators, comprehensions, lambdas, f-strings, starred
arguments, is refused with :class:`~fncall.errors.UnsafeOutputError`.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any, Literal

from fncall.calls import limits
from fncall.calls.call import ToolCall
from fncall.errors import OutputParseError, UnknownFunctionError, UnsafeOutputError
from fncall.tools.signature import parameter_order
from fncall.tools.spec import Tool

CallForm = Literal["statements", "list"]


def parse_python_calls(
    source: str,
    tools: Mapping[str, Tool],
    *,
    form: CallForm = "statements",
    nested: bool = True,
    max_calls: int = limits.MAX_CALLS,
) -> list[ToolCall]:
    """Parse calls written in Python syntax.

    Args:
        source: ``f(a=1); g(b='x')`` (``form="statements"``) or ``[f(a=1), g(b='x')]``
            (``form="list"``).
        tools: The offered tools, which name positional arguments. A call of another
            name is returned as written, for validation to refuse, unless it passes
            positional arguments (only a tool can name them).
        nested: Whether an argument may itself be a call (``f(x=g(y=1))``).
        max_calls: Most top-level calls accepted.

    Raises:
        UnsafeOutputError: a construct other than a call with literal arguments.
        OutputParseError: not valid Python, or over a size bound.
        UnknownFunctionError: positional arguments to a function that was not offered.
    """
    limits.check_output_size(source)
    try:
        module = ast.parse(source.strip(), mode="exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise OutputParseError(_syntax_problem(exc), source) from None
    nodes = _call_nodes(module, form, source)
    if len(nodes) > max_calls:
        raise OutputParseError(f"{len(nodes)} calls given, at most {max_calls} allowed", source)
    reader = _Reader(tools, nested, source)
    return [reader.call(node, depth=0) for node in nodes]


def _syntax_problem(exc: BaseException) -> str:
    message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    if isinstance(exc, RecursionError | MemoryError) or "too many nested" in message:
        return "brackets nested deeper than the parser allows"
    if "Exceeds the limit" in message:  # CPython's cap on integer digits
        return f"integer literal longer than {limits.MAX_INT_DIGITS} digits"
    return f"not a valid Python call: {message}"


def _call_nodes(module: ast.Module, form: CallForm, source: str) -> list[ast.Call]:
    if form == "list":
        if len(module.body) != 1 or not isinstance(module.body[0], ast.Expr):
            raise OutputParseError("expected one list of calls, like [f(a=1), g(b=2)]", source)
        value = module.body[0].value
        elements = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
    else:
        elements = []
        for statement in module.body:
            if not isinstance(statement, ast.Expr):
                raise UnsafeOutputError(
                    f"only calls are allowed, found a {type(statement).__name__} statement",
                    source,
                )
            elements.append(statement.value)
    for element in elements:
        if not isinstance(element, ast.Call):
            raise UnsafeOutputError(f"expected a function call, found {_describe(element)}", source)
    return elements  # type: ignore[return-value]


def _describe(node: ast.AST) -> str:
    return f"{type(node).__name__} at column {getattr(node, 'col_offset', 0) + 1}"


class _Reader:
    """Turns accepted syntax nodes into values; refuses everything else."""

    def __init__(self, tools: Mapping[str, Tool], nested: bool, source: str) -> None:
        self.tools = tools
        self.nested = nested
        self.source = source
        self.items = 0

    def unsafe(self, message: str) -> UnsafeOutputError:
        return UnsafeOutputError(message, self.source)

    def call(self, node: ast.Call, depth: int) -> ToolCall:
        name = self.function_name(node.func)
        tool = self.tools.get(name)
        if tool is None and node.args:
            raise UnknownFunctionError(f"call to unknown function {name!r}", name)
        arguments: dict[str, Any] = {}
        order = parameter_order(tool) if tool is not None else ()
        for position, arg in enumerate(node.args):
            if isinstance(arg, ast.Starred):
                raise self.unsafe(f"starred argument in call to {name!r}")
            if position >= len(order):
                raise OutputParseError(
                    f"{name!r} takes at most {len(order)} positional arguments, got more",
                    self.source,
                )
            arguments[order[position]] = self.value(arg, depth + 1)
        for keyword in node.keywords:
            if keyword.arg is None:
                raise self.unsafe(f"**-unpacking in call to {name!r}")
            if keyword.arg in arguments:
                raise OutputParseError(
                    f"argument {keyword.arg!r} of {name!r} given twice", self.source
                )
            arguments[keyword.arg] = self.value(keyword.value, depth + 1)
        return ToolCall(name, arguments)

    def function_name(self, node: ast.expr) -> str:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            raise self.unsafe(f"called object is not a plain function name ({_describe(node)})")
        parts.append(node.id)
        return ".".join(reversed(parts))

    def value(self, node: ast.expr, depth: int) -> Any:
        if depth > limits.MAX_NESTING:
            raise OutputParseError(
                f"arguments nested deeper than {limits.MAX_NESTING} levels", self.source
            )
        self.items += 1
        if self.items > limits.MAX_CONTAINER_ITEMS:
            raise OutputParseError(
                f"more than {limits.MAX_CONTAINER_ITEMS} values in the arguments", self.source
            )
        if isinstance(node, ast.Constant):
            return self.constant(node.value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            operand = node.operand
            if isinstance(operand, ast.Constant) and _is_number(operand.value):
                number = self.constant(operand.value)
                return -number if isinstance(node.op, ast.USub) else number
            raise self.unsafe("a sign may only precede a number")
        if isinstance(node, ast.List | ast.Tuple):
            return [self.value(element, depth + 1) for element in node.elts]
        if isinstance(node, ast.Dict):
            out: dict[str, Any] = {}
            for key, item in zip(node.keys, node.values, strict=True):
                if key is None:
                    raise self.unsafe("**-unpacking inside a dict")
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise self.unsafe("dict keys must be string literals")
                if key.value in out:
                    raise OutputParseError(
                        f"key {key.value!r} appears twice in a dict", self.source
                    )
                out[key.value] = self.value(item, depth + 1)
            return out
        if isinstance(node, ast.Call):
            self.function_name(node.func)  # refuse a non-name callee before anything else
            if not self.nested:
                raise self.unsafe("nested calls are not allowed in this dialect")
            return self.call(node, depth + 1)
        if isinstance(node, ast.Name):
            raise self.unsafe(f"bare name {node.id!r} is not a literal (quote strings)")
        raise self.unsafe(f"{_describe(node)} is not a literal value")

    def constant(self, value: Any) -> Any:
        if not (value is None or isinstance(value, bool | int | float | str)):
            raise self.unsafe(f"{type(value).__name__} literals are not allowed")
        limits.check_scalar(value, self.source)
        return value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
