"""Tools written as plain Python functions.

A function's signature becomes the parameter schema (pydantic turns each annotation into
JSON Schema) and its docstring becomes the descriptions, so ``def f(city: str)`` with a
Google, NumPy or reST docstring is a complete tool definition.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
import typing
from collections.abc import Callable
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any, TypeVar, overload

import docstring_parser
import pydantic
from pydantic.fields import FieldInfo
from pydantic_core import to_jsonable_python

from fncall._pyfile import import_file
from fncall.errors import ArgumentTypeError, ToolDefinitionError, ToolFormatError
from fncall.tools.schema import inline_refs, map_schema
from fncall.tools.spec import Tool, ToolSource

F = TypeVar("F", bound=Callable[..., Any])

_ATTR = "__fncall_tool__"
_VARIADIC = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
# Keywords that only annotate: they can sit next to a merged type union without changing
# what validates.
_ANNOTATIONS = frozenset({"description", "default", "examples", "deprecated", "title"})


@overload
def tool(func: F, /) -> F: ...
@overload
def tool(
    *, name: str | None = None, description: str | None = None, requires_approval: bool = False
) -> Callable[[F], F]: ...
def tool(
    func: Any = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
    requires_approval: bool = False,
) -> Any:
    """Mark a function as a tool: ``@tool`` or ``@tool(requires_approval=True, ...)``.

    The function is returned unchanged (still callable as before) with its Tool attached as
    ``func.__fncall_tool__``, which ``tool_from_callable`` and ``tools_from_module`` pick up.
    """

    def attach(f: F) -> F:
        setattr(f, _ATTR, _build(f, name, description, requires_approval))
        return f

    return attach if func is None else attach(func)


def tool_from_callable(
    func: Callable[..., Any],
    *,
    name: str | None = None,
    description: str | None = None,
    requires_approval: bool = False,
) -> Tool:
    """Build a Tool from a Python callable's signature, type hints and docstring.

    If ``func`` was decorated with ``@tool``, the decorator's options are kept (explicit
    arguments here override them).

    Raises:
        ToolDefinitionError: for ``*args``/``**kwargs`` or an annotation with no JSON Schema.
    """
    attached = getattr(func, _ATTR, None)
    if not isinstance(attached, Tool):
        return _build(func, name, description, requires_approval)
    # A bound method sees its function's attribute, but must lose `self`: rebuild it.
    if attached.func is func and name is None and description is None and not requires_approval:
        return attached
    return _build(
        func,
        name or attached.name,
        attached.description if description is None else description,
        requires_approval or attached.requires_approval,
    )


def _build(
    func: Callable[..., Any], name: str | None, description: str | None, requires_approval: bool
) -> Tool:
    name = name or getattr(func, "__name__", type(func).__name__)
    signature = inspect.signature(func)
    hints = _type_hints(func, signature, name)
    source = ToolSource(
        format="python", signature=f"{name}{_signature_text(func)}", docstring=func.__doc__
    )
    return assemble_tool(
        name,
        signature,
        hints,
        source,
        description=description,
        requires_approval=requires_approval,
        func=func,
    )


def assemble_tool(
    name: str,
    signature: inspect.Signature,
    hints: dict[str, Any],
    source: ToolSource,
    *,
    description: str | None = None,
    requires_approval: bool = False,
    func: Callable[..., Any] | None = None,
) -> Tool:
    """The Tool for a signature whose annotations are resolved to ``hints``.

    Shared by callables and by :mod:`fncall.tools.source`, which reads the signature from
    source text instead of a live function. ``source.docstring`` supplies the descriptions.

    Raises:
        ToolDefinitionError: for ``*args``/``**kwargs`` or a hint with no JSON Schema.
    """
    doc = _parse_doc(source.docstring)
    param_docs = {p.arg_name: p.description for p in doc.params if p.description}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for pname, param in signature.parameters.items():
        field = f"parameters.properties.{pname}"
        if param.kind in _VARIADIC:
            star = "*" if param.kind is inspect.Parameter.VAR_POSITIONAL else "**"
            raise ToolDefinitionError(
                name, field, f"{star}{pname} cannot be filled by a model; name each parameter"
            )
        hint = hints.get(pname, Any)
        schema = schema_of_type(hint, name, field)
        text = _annotated_description(hint) or param_docs.get(pname)
        if text:
            schema["description"] = text
        if param.default is inspect.Parameter.empty:
            required.append(pname)
        elif (value := _json_default(param.default)) is not _NO_DEFAULT:
            schema["default"] = value
        properties[pname] = schema
    if description is None:
        description = "\n\n".join(
            part for part in (doc.short_description, doc.long_description) if part
        )
    parameters: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        parameters["required"] = required
    return Tool(
        name=name,
        description=description,
        parameters=parameters,
        requires_approval=requires_approval,
        func=func,
        source=source,
    )


def _type_hints(
    func: Callable[..., Any], signature: inspect.Signature, tool_name: str
) -> dict[str, Any]:
    """Resolve each parameter's annotation on its own, so an error names the parameter."""
    target = inspect.unwrap(func)
    globalns = getattr(target, "__globals__", None)
    if globalns is None:  # a callable instance: its hints live on __call__
        globalns = getattr(type(func).__call__, "__globals__", {})
    hints: dict[str, Any] = {}
    for pname, param in signature.parameters.items():
        if param.annotation is inspect.Parameter.empty:
            continue
        holder = SimpleNamespace(__annotations__={pname: param.annotation})
        try:
            hints.update(typing.get_type_hints(holder, globalns, include_extras=True))
        except Exception as exc:
            raise ToolDefinitionError(
                tool_name,
                f"parameters.properties.{pname}",
                f"cannot resolve annotation {param.annotation!r}: {exc}",
            ) from exc
    return hints


def schema_of_type(hint: Any, tool_name: str, field: str) -> dict[str, Any]:
    """The JSON Schema of a type annotation, references inlined and pydantic's titles
    dropped (``{}`` for ``Any``).

    Raises:
        ToolDefinitionError: naming ``field`` of ``tool_name``, for a type with no schema.
    """
    if hint is Any:
        return {}
    try:
        raw = pydantic.TypeAdapter(hint).json_schema()
    except Exception as exc:
        # pydantic's messages run on with advice about model_config; the first sentence is
        # the part that applies here.
        reason = str(exc).split(". ")[0].splitlines()[0] if str(exc) else type(exc).__name__
        raise ToolDefinitionError(
            tool_name,
            field,
            f"annotation {inspect.formatannotation(hint)} has no JSON Schema form ({reason}); "
            "use str, int, float, bool, Literal, an Enum, list, tuple, dict or a pydantic model",
        ) from exc
    return _clean(inline_refs(raw, root=raw, tool=tool_name, path=field))


def _clean(schema: Any) -> Any:
    """Drop pydantic's generated titles and fold ``X | None`` unions where lossless."""
    return map_schema(
        schema, lambda node: _fold_union({k: v for k, v in node.items() if k != "title"})
    )


def _fold_union(schema: dict[str, Any]) -> dict[str, Any]:
    branches = schema.get("anyOf")
    rest = {k: v for k, v in schema.items() if k != "anyOf"}
    if not isinstance(branches, list) or not set(rest) <= _ANNOTATIONS:
        return schema
    if all(set(b) == {"type"} and isinstance(b["type"], str) for b in branches):
        types = list(dict.fromkeys(b["type"] for b in branches))
        return {"type": types if len(types) > 1 else types[0], **rest}
    others = [b for b in branches if b != {"type": "null"}]
    if len(others) != 1 or len(others) == len(branches):
        return schema
    other = others[0]
    # Keywords that constrain every JSON type would change meaning once null joins in.
    if any(k in other for k in ("anyOf", "oneOf", "allOf", "not", "if", "$ref")):
        return schema
    merged = dict(other)
    if "const" in merged:
        merged["enum"] = [merged.pop("const")]
    if "enum" in merged and None not in merged["enum"]:
        merged["enum"] = [*merged["enum"], None]
    types = merged.get("type")
    if types is None and "enum" not in merged:
        return schema  # `{...} | None` with no type to extend: keep the anyOf
    if types is not None:
        types = types if isinstance(types, list) else [types]
        merged["type"] = types if "null" in types else [*types, "null"]
    return {**merged, **rest}


def _annotated_description(hint: Any) -> str | None:
    if typing.get_origin(hint) is not typing.Annotated:
        return None
    for meta in reversed(hint.__metadata__):
        if isinstance(meta, str):
            return meta
        if isinstance(meta, FieldInfo) and meta.description:
            return meta.description
    return None


_NO_DEFAULT = object()


def _json_default(value: Any) -> Any:
    try:
        # pydantic's encoder gives enum values, ISO dates and lists for tuples and raises on
        # arbitrary objects; the strict round trip also rejects NaN and infinities.
        return json.loads(json.dumps(to_jsonable_python(value), allow_nan=False))
    except (TypeError, ValueError):  # PydanticSerializationError is a ValueError
        return _NO_DEFAULT


def _parse_doc(doc: str | None) -> docstring_parser.Docstring:
    try:
        return docstring_parser.parse(doc or "")
    except docstring_parser.ParseError:
        # A docstring that looks structured but is not still describes the tool.
        fallback = docstring_parser.Docstring()
        fallback.short_description = inspect.cleandoc(doc or "")
        return fallback


def _signature_text(func: Callable[..., Any]) -> str:
    # Under `from __future__ import annotations` the plain form prints `x: 'int'`.
    try:
        text = str(inspect.signature(func, eval_str=True))
    except Exception:
        text = str(inspect.signature(func))
    # Like help(), leave out the function's own module: a prompt should read `place: Place`,
    # not `place: fncall_user_tools_0_weather.Place`.
    module = getattr(func, "__module__", None)
    return re.sub(rf"(?<![\w.]){re.escape(module)}\.", "", text) if module else text


def tools_from_module(module: ModuleType) -> list[Tool]:
    """The tools a module defines: its public functions in source order, plus every
    object in it decorated with ``@tool`` (private or imported ones included)."""
    found: dict[int, tuple[float, Any]] = {}
    for attr, obj in vars(module).items():
        own = inspect.isfunction(obj) and obj.__module__ == module.__name__
        if (own and not attr.startswith("_")) or isinstance(getattr(obj, _ATTR, None), Tool):
            code = getattr(inspect.unwrap(obj), "__code__", None)
            line = code.co_firstlineno if own and code else float("inf")
            found.setdefault(id(obj), (line, obj))
    ordered = sorted(found.values(), key=lambda item: item[0])  # stable: ties keep dict order
    return [tool_from_callable(obj) for _, obj in ordered]


def load_python_tools(path: str | Path) -> list[Tool]:
    """Import a ``.py`` file and return ``tools_from_module`` of it.

    Raises:
        ToolFormatError: the file is missing or importing it raised.
    """
    module = import_file(Path(path), "Python tools file", ToolFormatError)
    return tools_from_module(module)


def argument_adapters(func: Callable[..., Any]) -> dict[str, pydantic.TypeAdapter[Any]]:
    """Parameter name -> a TypeAdapter for its annotation (unannotated ones are absent)."""
    try:
        hash(func)
    except TypeError:  # an unhashable callable object: build without the cache
        return _cached_adapters.__wrapped__(func)
    return dict(_cached_adapters(func))  # a copy, so callers cannot alter the cache


@functools.lru_cache(maxsize=512)
def _cached_adapters(func: Callable[..., Any]) -> dict[str, pydantic.TypeAdapter[Any]]:
    signature = inspect.signature(func)
    name = getattr(func, "__name__", type(func).__name__)
    hints = _type_hints(func, signature, name)
    return {p: pydantic.TypeAdapter(h) for p, h in hints.items() if h is not Any}


def to_python_arguments(tool: Tool, arguments: dict[str, Any]) -> dict[str, Any]:
    """Turn validated JSON arguments into the values ``tool.func`` expects.

    Enum members come from their values, pydantic models from dicts, tuples from lists and
    dates from ISO strings. Arguments without an annotation pass through unchanged, as do
    all of them when the tool has no ``func``.

    Raises:
        ArgumentTypeError: an argument does not convert to its annotated type.
    """
    if tool.func is None:
        return dict(arguments)
    adapters = argument_adapters(tool.func)
    converted: dict[str, Any] = {}
    for pname, value in arguments.items():
        adapter = adapters.get(pname)
        if adapter is None:
            converted[pname] = value
            continue
        try:
            converted[pname] = adapter.validate_python(value)
        except pydantic.ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in (pname, *first["loc"]))
            raise ArgumentTypeError(
                f"argument {where!r} of {tool.name!r} cannot be converted: {first['msg']}",
                function=tool.name,
                argument=pname,
            ) from exc
    return converted
