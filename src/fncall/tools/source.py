"""Tools written as Python source text, read without running it.

Data files (eval sets, synthetic training data) can carry NexusRaven-style tools as the text
of a ``def`` with a docstring. :func:`tools_from_source` reads that text with :mod:`ast`
only: nothing in it is executed, evaluated or imported. Each annotation is mapped onto a real
typing object from a fixed list and each default must be a literal, so the result is the
same Tool that :func:`fncall.tools.callables.tool_from_callable` builds for the function
defined normally (same schema, description, signature text and docstring).

Annotations understood, bare or as ``typing.X``: ``str``, ``int``, ``float``, ``bool``,
``bytes``, ``None``, ``list``/``List``, ``dict``/``Dict``, ``tuple``/``Tuple``,
``set``/``Set``, ``frozenset``/``FrozenSet``, each with or without ``[...]``, ``Optional``,
``Union``, ``X | Y``, ``Literal`` of constants, ``Annotated`` with literal metadata,
``Any``, and quoted (string) forms of these. A return annotation only shows in the signature
text, so one outside the list is kept as written.

:func:`python_source` writes a Tool back as such text.
"""

from __future__ import annotations

import ast
import inspect
import types
import typing
from typing import Any

from fncall.errors import ToolDefinitionError, ToolFormatError
from fncall.tools.callables import assemble_tool
from fncall.tools.spec import Tool, ToolSource

_TYPES: dict[str, Any] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "bytes": bytes,
    "list": list,
    "dict": dict,
    "tuple": tuple,
    "set": set,
    "frozenset": frozenset,
    "NoneType": types.NoneType,  # how inspect prints None inside Union[...]
}
_TYPING: dict[str, Any] = {
    "Any": typing.Any,
    "Optional": typing.Optional,
    "Union": typing.Union,
    "Literal": typing.Literal,
    "Annotated": typing.Annotated,
    "List": typing.List,  # noqa: UP006 - the names the source may use
    "Dict": typing.Dict,  # noqa: UP006
    "Tuple": typing.Tuple,  # noqa: UP006
    "Set": typing.Set,  # noqa: UP006
    "FrozenSet": typing.FrozenSet,  # noqa: UP006
}
_MODULES = ("typing", "typing_extensions")
_LITERAL_VALUES = (str, bytes, int, bool, type(None))  # bool is an int; listed for clarity
_SUPPORTED = (
    "str, int, float, bool, bytes, None, list, dict, tuple, set, frozenset (optionally "
    "subscripted), Optional, Union, X | Y, Literal of constants, Annotated or Any"
)
# What ast.literal_eval and typing raise on input they refuse.
_REFUSED = (ValueError, TypeError, SyntaxError, MemoryError, RecursionError)
_GENERICS = (
    list,
    dict,
    tuple,
    set,
    frozenset,
    *(_TYPING[n] for n in ("Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet")),
)
# What a return annotation kept as written may contain: names, dotted names, subscripts,
# `X | Y` and constants (`Callable[[int], str]`, `tuple[int, ...]`, `Literal['a']`).
_TYPE_LIKE = (
    ast.Name,
    ast.Attribute,
    ast.Subscript,
    ast.Tuple,
    ast.List,
    ast.Constant,
    ast.BinOp,
    ast.BitOr,
    ast.Load,
)
_FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


class _Refused(Exception):
    """An annotation or default outside what source tools may use (message: why)."""


def tools_from_source(source: str) -> list[Tool]:
    """The tools defined by Python source text, without running any of it.

    Every top-level ``def`` (or ``async def``) whose name does not start with ``_`` becomes a
    Tool, in source order; function bodies, decorators and all other statements are ignored.

    Raises:
        ToolFormatError: the text is not Python, defines no public function, defines one
            twice, or uses an annotation or default that is not allowed (the message names
            the function, the parameter and what was wrong).
        ToolDefinitionError: where ``tool_from_callable`` would raise it for the same
            function (``*args``, ``**kwargs``, an annotation without a JSON Schema).
    """
    nodes = _public_defs(source)
    if not nodes:
        raise ToolFormatError("Python tool source defines no public top-level function")
    seen: set[str] = set()
    for node in nodes:
        if node.name in seen:
            raise ToolFormatError(f"Python tool source defines {node.name!r} more than once")
        seen.add(node.name)
    return [_tool(node) for node in nodes]


def tool_from_source(source: str) -> Tool:
    """The one tool defined by Python source text (see :func:`tools_from_source`).

    Private helpers (names starting with ``_``) may sit beside it and are ignored.

    Raises:
        ToolFormatError: the text does not define exactly one public function, or as for
            :func:`tools_from_source`.
        ToolDefinitionError: as for :func:`tools_from_source`.
    """
    nodes = _public_defs(source)
    if len(nodes) != 1:
        names = ", ".join(repr(node.name) for node in nodes) or "none"
        raise ToolFormatError(
            f"Python tool source must define exactly one public function, found {names}"
        )
    return _tool(nodes[0])


def python_source(tool: Tool) -> str:
    """The tool as the text of a Python ``def`` with a docstring and an empty body.

    A tool written in Python keeps its own signature and its docstring verbatim, so
    ``tool_from_source(python_source(t)) == t`` whenever its signature uses only the
    annotations :func:`tools_from_source` understands and literal defaults (one with an
    Enum, a pydantic model or a date in its signature is written as ``inspect`` prints it,
    which :func:`tools_from_source` refuses), and its description is its docstring's (not a
    ``description=`` given to ``tool_from_callable``). ``requires_approval`` and ``strict``
    have no place in a ``def`` and are not written.

    Any other tool gets the signature of :func:`fncall.tools.signature.python_signature` and a
    Google-style docstring (description, then ``Args:``). That round trip holds for
    parameters typed ``string``, ``integer``, ``number`` or ``boolean`` (optionally with
    ``null``), ``enum`` lists of constants that state their ``type``, arrays of those
    (with ``items``) and untyped parameters, each carrying only ``type``/``items``/``enum``/
    ``description``/``default``, when every parameter is required or has a default and the
    description is paragraphs of text (its first paragraph one line). It does not hold for
    other schema keywords (``minimum``, ``format``, nested objects...), for an optional
    parameter without a default (written ``= None``, so it comes back with
    ``"default": null``) or for ``{"type": "object"}`` (comes back as ``dict`` with
    ``additionalProperties``).

    Raises:
        ToolFormatError: the tool's name or a parameter name cannot be a Python identifier
            (a dotted name such as ``math.factorial``, a keyword).
    """
    # Imported here: signature.py pulls in fncall.calls, which imports fncall.tools back.
    from fncall.tools.signature import python_signature

    _check_writable(tool)
    is_python = tool.source is not None and tool.source.format == "python"
    if is_python and tool.source is not None and tool.source.signature:
        docstring = tool.source.docstring
    else:
        docstring = _google_docstring(tool)
    body = _docstring_literal(docstring) if docstring else "..."
    return f"def {python_signature(tool)}:\n    {body}\n"


# --- reading ------------------------------------------------------------------------------


def _public_defs(source: str) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    if not isinstance(source, str):
        raise ToolFormatError(f"Python tool source must be a string, not {type(source).__name__}")
    try:
        module = ast.parse(source, "<tool source>")
    except SyntaxError as exc:
        raise ToolFormatError(
            f"Python tool source is not valid Python: {exc.msg} (line {exc.lineno})"
        ) from exc
    except (ValueError, MemoryError, RecursionError) as exc:  # NUL bytes, absurd nesting
        raise ToolFormatError(f"Python tool source cannot be parsed: {exc}") from exc
    return [
        node
        for node in module.body
        if isinstance(node, _FunctionNode) and not node.name.startswith("_")
    ]


def _tool(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Tool:
    try:
        return _read(node)
    except RecursionError:  # an expression ast.parse accepted but too deep to walk
        raise ToolFormatError(f"tool {node.name!r}: an expression is nested too deeply") from None


def _read(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Tool:
    name = node.name
    if getattr(node, "type_params", None):  # def f[T](...), Python 3.12+
        raise ToolFormatError(f"tool {name!r}: type parameters are not supported")
    parameters, hints = _parameters(node)
    try:
        returns = _return_annotation(node.returns)
    except ToolFormatError as exc:
        raise ToolFormatError(f"tool {name!r}: {exc}") from None
    try:
        signature = inspect.Signature(parameters, return_annotation=returns)
    except ValueError as exc:  # e.g. a parameter name given twice, which ast.parse allows
        raise ToolFormatError(f"tool {name!r}: invalid signature: {exc}") from exc
    source = ToolSource(
        format="python", signature=f"{name}{signature}", docstring=_runtime_docstring(node)
    )
    return assemble_tool(name, signature, hints, source)


def _parameters(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
) -> tuple[list[inspect.Parameter], dict[str, Any]]:
    spec = node.args
    P = inspect.Parameter
    positional = [*spec.posonlyargs, *spec.args]
    # Defaults belong to the last positional parameters; kw_defaults pair with kwonlyargs.
    defaults = [None] * (len(positional) - len(spec.defaults)) + list(spec.defaults)
    kinds = [P.POSITIONAL_ONLY] * len(spec.posonlyargs) + [P.POSITIONAL_OR_KEYWORD] * len(spec.args)
    ordered: list[tuple[ast.arg, inspect._ParameterKind, ast.expr | None]] = list(
        zip(positional, kinds, defaults, strict=True)
    )
    if spec.vararg:
        ordered.append((spec.vararg, P.VAR_POSITIONAL, None))
    ordered += zip(
        spec.kwonlyargs, [P.KEYWORD_ONLY] * len(spec.kwonlyargs), spec.kw_defaults, strict=True
    )
    if spec.kwarg:
        ordered.append((spec.kwarg, P.VAR_KEYWORD, None))

    parameters: list[inspect.Parameter] = []
    hints: dict[str, Any] = {}
    for arg, kind, default_node in ordered:
        where = f"tool {node.name!r}, parameter {arg.arg!r}"
        annotation: Any = P.empty
        if arg.annotation is not None:
            try:
                annotation = hints[arg.arg] = _hint(arg.annotation, top=True)
            except _Refused as exc:
                raise ToolFormatError(
                    f"{where}: annotation {_text(arg.annotation)!r} is not allowed ({exc}); "
                    f"use {_SUPPORTED}"
                ) from None
        default = P.empty if default_node is None else _default(default_node, where)
        if kind in (P.VAR_POSITIONAL, P.VAR_KEYWORD):
            star = "*" if kind is P.VAR_POSITIONAL else "**"
            raise ToolDefinitionError(
                node.name,
                f"parameters.properties.{arg.arg}",
                f"{star}{arg.arg} cannot be filled by a model; name each parameter",
            )
        parameters.append(P(arg.arg, kind, default=default, annotation=annotation))
    return parameters, hints


def _default(node: ast.expr, where: str) -> Any:
    try:
        return ast.literal_eval(node)
    except _REFUSED:
        raise ToolFormatError(
            f"{where}: default {_text(node)!r} is not a literal; a tool read from source may "
            "only default to None, True/False, a number, a string, or a list, tuple, dict or "
            "set of those"
        ) from None


def _hint(node: ast.expr, top: bool = False) -> Any:
    """The typing object an annotation node denotes, from the fixed list only."""
    if isinstance(node, ast.Constant):
        if node.value is None:
            return None
        if isinstance(node.value, str):
            if not top:  # inspect would print `list['int']`, which no source tool matches
                raise _Refused("quote the whole annotation, not a part of it")
            try:  # a quoted annotation: `x: "list[str]"`
                inner = ast.parse(node.value.strip(), mode="eval").body
            except _REFUSED:
                raise _Refused(f"{node.value!r} is not an expression") from None
            return _hint(inner)
        raise _Refused(f"{node.value!r} is not a type")
    if isinstance(node, ast.Name | ast.Attribute):
        return _named(node)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _hint(node.left), _hint(node.right)
        try:
            return left | right
        except TypeError:
            raise _Refused(f"{_text(node)} is not a union of types") from None
    if isinstance(node, ast.Subscript):
        return _subscript(node)
    raise _Refused(f"{_text(node)} is not a type name")


def _named(node: ast.Name | ast.Attribute) -> Any:
    if isinstance(node, ast.Name):
        if node.id in _TYPES:
            return _TYPES[node.id]
        if node.id in _TYPING:
            return _TYPING[node.id]
        raise _Refused(f"unknown name {node.id!r}")
    dotted = _text(node)
    module, _, attr = dotted.rpartition(".")
    if module in _MODULES and attr in _TYPING:
        return _TYPING[attr]
    if module == "builtins" and attr in _TYPES:
        return _TYPES[attr]
    raise _Refused(f"unknown name {dotted!r}")


def _subscript(node: ast.Subscript) -> Any:
    origin = _hint(node.value)
    several = isinstance(node.slice, ast.Tuple)
    elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if origin is typing.Literal:
        args = [_literal_value(e) for e in elements]
    elif origin is typing.Annotated:
        if not several or not elements:
            raise _Refused("Annotated takes a type and metadata")
        args = [_hint(elements[0])] + [_metadata(e) for e in elements[1:]]
    elif origin in _GENERICS:
        args = [_element(e, origin) for e in elements]
    else:
        raise _Refused(f"{_text(node.value)} takes no [...]")
    try:
        return origin[tuple(args)] if several else origin[args[0]]
    except (TypeError, ValueError) as exc:
        raise _Refused(f"{_text(node)}: {exc}") from None


def _element(node: ast.expr, origin: Any) -> Any:
    """A type argument; ``...`` is allowed where tuple[X, ...] means it."""
    if isinstance(node, ast.Constant) and node.value is Ellipsis:
        if origin in (tuple, typing.Tuple):  # noqa: UP006
            return ...
        raise _Refused("... is only allowed in tuple[X, ...]")
    return _hint(node)


def _literal_value(node: ast.expr) -> Any:
    try:
        value = ast.literal_eval(node)
    except _REFUSED:
        raise _Refused(f"Literal takes constants, not {_text(node)}") from None
    if not isinstance(value, _LITERAL_VALUES):
        raise _Refused(f"Literal takes str, bytes, int, bool or None, not {_text(node)}")
    return value


def _metadata(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except _REFUSED:
        raise _Refused(f"Annotated metadata must be literals, not {_text(node)}") from None


def _return_annotation(node: ast.expr | None) -> Any:
    """The return annotation for the signature text: a known type, else the text as written
    when it reads as a type (names, subscripts, ``|``), since it does not affect the schema.

    Raises:
        ToolFormatError: anything else (a call, arithmetic, a lambda...).
    """
    if node is None:
        return inspect.Signature.empty
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:  # `-> "Weather"` prints as `-> Weather`, as inspect's eval_str does
            node = ast.parse(node.value.strip(), mode="eval").body
        except _REFUSED:
            raise ToolFormatError(f"return annotation {node.value!r} is not a type") from None
    try:
        return _hint(node)
    except _Refused:
        pass
    if not all(isinstance(n, _TYPE_LIKE) for n in ast.walk(node)):
        raise ToolFormatError(f"return annotation {_text(node)!r} is not a type expression")
    try:
        return _AsWritten(ast.unparse(node))
    except RecursionError:
        raise ToolFormatError("return annotation is nested too deeply") from None


class _AsWritten:
    """An annotation inspect prints exactly as the source wrote it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _text(node: ast.AST) -> str:
    try:
        return ast.unparse(node)
    except RecursionError:
        return "<expression nested too deeply>"


def _runtime_docstring(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The docstring as the function's ``__doc__`` would hold it.

    ``ast.get_docstring(clean=False)`` gives the literal; Python 3.13 and later compilers
    also strip its indentation when they store ``__doc__``. To match that exactly, this
    compiles a stub function whose only statement is the docstring (nothing of the user's
    source is compiled) and reads the stub's ``__doc__``: creating a function object from
    compiled code runs none of it.
    """
    raw = ast.get_docstring(node, clean=False)
    if raw is None:
        return None
    stub = ast.FunctionDef(
        name="stub",
        args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]),
        body=[ast.Expr(ast.Constant(raw))],
        decorator_list=[],
        returns=None,
        type_params=[],
    )
    module = ast.fix_missing_locations(ast.Module(body=[stub], type_ignores=[]))
    code = compile(module, "<docstring>", "exec", dont_inherit=True)
    inner = next(c for c in code.co_consts if isinstance(c, types.CodeType))
    return types.FunctionType(inner, {}).__doc__


# --- writing ------------------------------------------------------------------------------


def _check_writable(tool: Tool) -> None:
    from fncall.tools.signature import python_name_problem  # as in python_source

    problem = python_name_problem(tool, dotted=False)
    if problem is not None:
        raise ToolFormatError(
            f"{problem} cannot be written as a Python def: not an identifier, or a keyword"
        )


def _google_docstring(tool: Tool) -> str:
    """A Google-style docstring for a tool not written in Python, laid out as a def's body
    (continuation lines indented, entries under ``Args:`` indented once more)."""
    from fncall.tools.signature import python_docstring

    lines = python_docstring(tool, indent_args=True).split("\n")
    if tool.properties and not tool.description.strip():
        # The docstring opens on a line of its own, so that `Args:` shares the indentation
        # of its entries' parent, as Google style wants.
        lines.insert(0, "")
    if len(lines) <= 1:
        return "".join(lines)
    indented = [lines[0]] + [f"    {line}".rstrip() for line in lines[1:]]
    return "\n".join(indented) + "\n    "


def _docstring_literal(text: str) -> str:
    """A string literal for a docstring: triple-quoted where that reads back exactly."""
    candidates = []
    if "\\" not in text:
        candidates += [f'"""{text}"""', f"'''{text}'''"]
    candidates += [f'r"""{text}"""', f"r'''{text}'''"]
    for literal in candidates:
        try:
            if ast.literal_eval(literal) == text:
                return literal
        except (SyntaxError, ValueError):
            continue
    return repr(text)
