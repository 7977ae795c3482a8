"""The one normalised tool spec every format is converted to."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from fncall.errors import DuplicateToolError, ToolDefinitionError
from fncall.tools.schema import normalize_parameters

# Dotted names are allowed: BFCL and OpenAPI tools are often called `math.factorial`.
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_MAX_NAME = 128


@dataclass(frozen=True)
class ToolSource:
    """How the tool's author wrote it, kept so a dialect whose native format matches can
    render the tool exactly as written (a Python signature, a BFCL doc, Trelis metadata).

    Attributes:
        format: ``python``, ``trelis``, ``openai``, ``llama-functions``, ``bfcl``,
            ``openapi``, ``mcp``, ``smolagents`` or ``pydantic``.
        document: The original JSON document of the tool, for JSON formats.
        signature: ``name(params)`` as ``inspect.signature`` prints it, for Python tools.
        docstring: The raw docstring, for Python tools.
    """

    format: str
    document: Mapping[str, Any] | None = None
    signature: str | None = None
    docstring: str | None = None


@dataclass(frozen=True, eq=False)
class Tool:
    """A function a model may call.

    Two tools are equal when their name, description, parameter schema, ``strict`` and
    ``requires_approval`` are equal; where they came from does not matter.

    Attributes:
        name: The function name the model writes.
        description: What the function does, for the model.
        parameters: JSON Schema of the arguments, ``{"type": "object", "properties": ...}``.
        strict: The OpenAI ``strict`` flag (all properties required, no extra ones).
        requires_approval: Ask an approval callback before executing it.
        func: The Python callable that implements it, when known.
        source: The tool as written in its original format.
    """

    name: str
    description: str
    parameters: dict[str, Any]
    strict: bool = False
    requires_approval: bool = False
    func: Callable[..., Any] | None = field(default=None, repr=False)
    source: ToolSource | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        check_tool_name(self.name, self.name)
        if not isinstance(self.description, str):
            raise ToolDefinitionError(self.name, "description", "must be a string")
        object.__setattr__(self, "parameters", normalize_parameters(self.parameters, self.name))

    @property
    def properties(self) -> dict[str, Any]:
        """Parameter name -> its schema, in declaration order."""
        return self.parameters.get("properties", {})

    @property
    def required(self) -> list[str]:
        """Names of the parameters a call must give."""
        return list(self.parameters.get("required", []))

    @property
    def defaults(self) -> dict[str, Any]:
        """Parameter name -> default value, for parameters that declare one."""
        return {n: s["default"] for n, s in self.properties.items() if "default" in s}

    def _key(self) -> tuple[Any, ...]:
        return (self.name, self.description, self.parameters, self.strict, self.requires_approval)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tool) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.name, self.description))

    def to_openai(self) -> dict[str, Any]:
        """This tool in OpenAI ``tools`` form."""
        function: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "parameters": self.parameters,
        }
        if self.strict:
            function["strict"] = True
        return {"type": "function", "function": function}


def check_tool_name(name: Any, label: str) -> None:
    """Raise ToolDefinitionError unless ``name`` is a usable function name."""
    if not isinstance(name, str) or not name:
        raise ToolDefinitionError(label, "name", "is missing or empty")
    if len(name) > _MAX_NAME or not _NAME.match(name):
        raise ToolDefinitionError(
            label, "name", "must be an identifier (letters, digits, '_', dots between parts)"
        )


class ToolSet(Mapping[str, Tool]):
    """An ordered collection of tools with unique names (a read-only mapping by name)."""

    def __init__(self, tools: Iterable[Tool] = ()) -> None:
        self._tools: dict[str, Tool] = {}
        for tool in tools:
            if not isinstance(tool, Tool):
                raise TypeError(f"ToolSet takes Tool objects, not {type(tool).__name__}")
            if tool.name in self._tools:
                raise DuplicateToolError(tool.name, "name", "two tools share this name")
            self._tools[tool.name] = tool

    def __getitem__(self, name: str) -> Tool:
        return self._tools[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tools)

    def __len__(self) -> int:
        return len(self._tools)

    def __repr__(self) -> str:
        return f"ToolSet({list(self._tools)})"

    @property
    def tools(self) -> list[Tool]:
        """The tools in the order they were given."""
        return list(self._tools.values())

    @cached_property
    def digest(self) -> str:
        """A digest of every tool's name, description and parameters, in order: what an
        index over the tools depends on. Computed once."""
        return _digest([(t.name, t.description, t.parameters) for t in self._tools.values()])

    @cached_property
    def fingerprint(self) -> str:
        """A digest of the names and parameter schemas, in order: what a compiled grammar
        depends on. A ToolSet is a snapshot; it is computed once."""
        return _digest([(t.name, t.parameters) for t in self._tools.values()])


def _digest(shapes: list[tuple[Any, ...]]) -> str:
    return hashlib.sha256(json.dumps(shapes, sort_keys=True, default=str).encode()).hexdigest()
