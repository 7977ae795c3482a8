"""Execution match, as NexusRaven scored its benchmarks (``raven/eval/evaluator.py`` and
the V2 notebooks), without executing anything.

NexusRaven ran both the model's call and the reference against dummy functions. Each
dummy recorded its name and its bound arguments, with defaults filled in, and a sample
was correct when the two records were equal. So positional and keyword arguments count
the same, argument order does not matter, and an omitted argument equals its default.
Here the binding is done from the tool's signature instead of by running a dummy:

- Positional arguments bind in the signature's order.
- Defaults fill in what was omitted. An optional parameter with no default gets ``None``,
  as in the dummies' signatures.
- A call with a missing required argument or an unknown argument fails, as the dummy's
  ``TypeError`` did.
- A nested call, ``f(x=g(y=1))``, records ``g`` first, then ``f``, with ``x`` bound to
  ``g``'s record. That is the order in which Python would have run them.
- Records are compared with Python equality (``2 == 2.0``).
- For several calls, order matters. NexusRaven insisted on this because its APIs are
  stateful. A correct set of calls in the wrong order gets its own error type.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fncall.calls.call import ToolCall
from fncall.calls.pyparse import parse_python_calls
from fncall.errors import EvalDataError, FncallError
from fncall.eval.bfcl import PASS, Check, fail
from fncall.tools.signature import parameter_order
from fncall.tools.spec import Tool


@dataclass(frozen=True)
class Record:
    """What a dummy function recorded: its name and every parameter's bound value."""

    name: str
    arguments: tuple[tuple[str, Any], ...]

    def __repr__(self) -> str:
        inside = ", ".join(f"{k}={v!r}" for k, v in self.arguments)
        return f"{self.name}({inside})"


class _BindError(Exception):
    def __init__(self, error_type: str, message: str) -> None:
        self.error_type = error_type
        super().__init__(message)


def parse_reference(source: str, tools: Mapping[str, Tool], where: str) -> list[ToolCall]:
    """Read a reference answer, written as Python calls, into calls of the offered tools.

    A reference may assign its result (``r = nvdlib.searchCPE(...)``, as NexusRaven's
    CVE/CPE set does), may hold several calls (one per line or separated by ``;``), and
    may qualify a tool's name with a module (``nvdlib.searchCPE`` for the tool
    ``searchCPE``). Nothing in it is executed.

    Raises:
        EvalDataError: a reference that is not calls of the offered tools with literal
            arguments; the message says which entry (``where``).
    """
    try:
        module = ast.parse(source.strip())
    except SyntaxError as exc:
        raise EvalDataError(f"{where}: reference {source!r} is not Python: {exc.msg}") from None
    statements = []
    for statement in module.body:
        value = statement.value if isinstance(statement, ast.Assign | ast.Expr) else statement
        for node in ast.walk(value):
            if isinstance(node, ast.Call):
                node.func = _offered_name(node.func, tools)
        statements.append(ast.unparse(value))
    try:
        calls = parse_python_calls("\n".join(statements), tools, form="statements")
        record_calls(calls, tools)
    except (FncallError, _BindError) as exc:
        raise EvalDataError(f"{where}: reference {source!r}: {exc}") from None
    return calls


def _offered_name(func: ast.expr, tools: Mapping[str, Tool]) -> ast.expr:
    """``module.tool`` becomes ``tool`` when only the short name is offered."""
    if isinstance(func, ast.Attribute) and ast.unparse(func) not in tools and func.attr in tools:
        return ast.Name(id=func.attr, ctx=ast.Load())
    return func


def record_calls(calls: Sequence[ToolCall], tools: Mapping[str, Tool]) -> list[Record]:
    """What the dummies would have recorded for these calls, in execution order.

    Raises:
        _BindError: a call the dummy would have refused with a ``TypeError`` (references
            are checked when read, so only a model's calls can fail).
    """
    records: list[Record] = []
    for call in calls:
        _record(call, tools, records)
    return records


def _record(call: ToolCall, tools: Mapping[str, Tool], records: list[Record]) -> Record:
    tool = tools.get(call.name)
    if tool is None:
        raise _BindError("exec:wrong_func_name", f"{call.name!r} is not an offered function")
    unknown = [name for name in call.arguments if name not in tool.properties]
    if unknown:
        raise _BindError(
            "exec:unexpected_param", f"{call.name}() got an unexpected argument {unknown[0]!r}"
        )
    missing = [name for name in tool.required if name not in call.arguments]
    if missing:
        raise _BindError(
            "exec:missing_required", f"{call.name}() is missing the argument {missing[0]!r}"
        )
    defaults = tool.defaults
    bound = []
    for name in parameter_order(tool):
        value = call.arguments[name] if name in call.arguments else defaults.get(name)
        bound.append((name, _resolve(value, tools, records)))
    record = Record(call.name, tuple(bound))
    records.append(record)
    return record


def _resolve(value: Any, tools: Mapping[str, Tool], records: list[Record]) -> Any:
    if isinstance(value, ToolCall):
        return _record(value, tools, records)
    if isinstance(value, list):
        return [_resolve(v, tools, records) for v in value]
    if isinstance(value, dict):
        return {k: _resolve(v, tools, records) for k, v in value.items()}
    return value


def execution_match(
    calls: Sequence[ToolCall], reference: Sequence[ToolCall], tools: Mapping[str, Tool]
) -> Check:
    """Compare the model's calls with the reference calls by what dummies would record.

    Error types: ``exec:wrong_func_name``, ``exec:unexpected_param``,
    ``exec:missing_required`` (the model's call could not have run),
    ``exec:wrong_count``, ``exec:wrong_order`` (the right calls, another order) and
    ``exec:value_mismatch``.
    """
    expected = record_calls(reference, tools)
    try:
        given = record_calls(calls, tools)
    except _BindError as exc:
        return fail(exc.error_type, str(exc))
    if given == expected:
        return PASS
    if len(given) != len(expected):
        return fail(
            "exec:wrong_count", f"{len(given)} calls ran, the reference runs {len(expected)}"
        )
    if sorted(map(repr, given)) == sorted(map(repr, expected)):
        return fail("exec:wrong_order", f"calls ran in the order {given}, expected {expected}")
    if [r.name for r in given] != [r.name for r in expected]:
        return fail("exec:wrong_func_name", f"called {given}, expected {expected}")
    return fail("exec:value_mismatch", f"recorded {given}, expected {expected}")
