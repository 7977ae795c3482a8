"""Tools built from Python callables: schemas, docstrings, decorator, modules, conversion."""

import datetime
import enum
import json
import textwrap
import types
from typing import Annotated, Any, Literal, Optional

import pytest
from pydantic import BaseModel, Field

from fncall.errors import ArgumentTypeError, ToolDefinitionError, ToolFormatError
from fncall.tools.callables import (
    argument_adapters,
    load_python_tools,
    to_python_arguments,
    tool,
    tool_from_callable,
    tools_from_module,
)
from fncall.tools.spec import Tool


class Color(enum.Enum):
    RED = "red"
    GREEN = "green"


class Address(BaseModel):
    street: str
    title: str = "home"  # a field literally named "title" must survive title-stripping


class Person(BaseModel):
    name: str
    address: Address
    previous: Address | None = None


class Opaque:
    """A plain class pydantic has no schema for."""


def schema_of(annotation: Any) -> dict[str, Any]:
    """The property schema produced for one parameter annotated ``annotation``."""

    def probe(x):  # annotation attached below so each test can pick its own
        pass

    probe.__annotations__ = {"x": annotation}
    return tool_from_callable(probe).properties["x"]


def walk_keys(node: Any) -> set[str]:
    """Every dict key anywhere in a JSON-like value."""
    if isinstance(node, dict):
        return set(node).union(*(walk_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(walk_keys(v) for v in node))
    return set()


# --- one test per annotation kind --------------------------------------------------------


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        (str, {"type": "string"}),
        (int, {"type": "integer"}),
        (float, {"type": "number"}),
        (bool, {"type": "boolean"}),
    ],
)
def test_scalar_annotations(annotation: Any, expected: dict[str, Any]) -> None:
    assert schema_of(annotation) == expected


def test_literal() -> None:
    assert schema_of(Literal["a", "b"]) == {"enum": ["a", "b"], "type": "string"}


def test_enum_has_values_and_no_title() -> None:
    assert schema_of(Color) == {"enum": ["red", "green"], "type": "string"}


def test_optional_scalar_becomes_type_union() -> None:
    assert schema_of(Optional[int]) == {"type": ["integer", "null"]}  # noqa: UP045
    assert schema_of(int | None) == {"type": ["integer", "null"]}


def test_optional_enum_adds_null_to_enum() -> None:
    assert schema_of(Color | None) == {"enum": ["red", "green", None], "type": ["string", "null"]}


def test_optional_literal_const_becomes_enum() -> None:
    assert schema_of(Literal["a"] | None) == {"enum": ["a", None], "type": ["string", "null"]}


def test_union_of_plain_types() -> None:
    assert schema_of(int | str | None) == {"type": ["integer", "string", "null"]}


def test_untyped_literal_union_with_null() -> None:
    assert schema_of(Literal[1, "x"] | None) == {"enum": [1, "x", None]}


def test_optional_list_with_constraints_keeps_items() -> None:
    assert schema_of(list[int] | None) == {"items": {"type": "integer"}, "type": ["array", "null"]}


def test_union_that_cannot_fold_stays_any_of() -> None:
    assert schema_of(list[int] | str | None) == {
        "anyOf": [
            {"items": {"type": "integer"}, "type": "array"},
            {"type": "string"},
            {"type": "null"},
        ]
    }


def test_list() -> None:
    assert schema_of(list[str]) == {"items": {"type": "string"}, "type": "array"}


def test_tuple() -> None:
    assert schema_of(tuple[int, str]) == {
        "maxItems": 2,
        "minItems": 2,
        "prefixItems": [{"type": "integer"}, {"type": "string"}],
        "type": "array",
    }


def test_dict() -> None:
    assert schema_of(dict) == {"additionalProperties": True, "type": "object"}
    assert schema_of(dict[str, float]) == {
        "additionalProperties": {"type": "number"},
        "type": "object",
    }


def test_nested_model_is_inlined_without_refs_or_titles() -> None:
    schema = schema_of(Person)
    address = {
        "properties": {
            "street": {"type": "string"},
            "title": {"default": "home", "type": "string"},
        },
        "required": ["street"],
        "type": "object",
    }
    assert schema == {
        "properties": {
            "name": {"type": "string"},
            "address": address,
            "previous": {**address, "type": ["object", "null"], "default": None},
        },
        "required": ["name", "address"],
        "type": "object",
    }
    keys = walk_keys(schema)
    assert "$ref" not in keys and "$defs" not in keys
    # The only "title" left is the property of that name, not pydantic's labels.
    assert "title" in schema["properties"]["address"]["properties"]
    assert "title" not in schema["properties"]["address"]


def test_annotated_string_description() -> None:
    assert schema_of(Annotated[int, "How many."]) == {"type": "integer", "description": "How many."}


def test_annotated_field_description_and_constraints() -> None:
    assert schema_of(Annotated[int, Field(description="How many.", ge=1)]) == {
        "type": "integer",
        "minimum": 1,
        "description": "How many.",
    }


def test_unannotated_and_any_are_any_type() -> None:
    assert schema_of(Any) == {}

    def f(x):
        pass

    assert tool_from_callable(f).properties == {"x": {}}


def test_dates() -> None:
    assert schema_of(datetime.date) == {"format": "date", "type": "string"}
    assert schema_of(datetime.datetime) == {"format": "date-time", "type": "string"}


# --- docstrings --------------------------------------------------------------------------


def google(radius: float, height: float) -> float:
    """Compute a cylinder's volume.

    Uses pi r squared h.

    Args:
        radius: The radius of the base.
        height: The height
            of the cylinder.
        depth: Not a parameter; ignored.

    Returns:
        The volume.
    """
    return 3.14159 * radius**2 * height


def numpy(radius: float, height: float) -> float:
    """Compute a cylinder's volume.

    Uses pi r squared h.

    Parameters
    ----------
    radius : float
        The radius of the base.
    height : float
        The height
        of the cylinder.
    depth : float
        Not a parameter; ignored.

    Returns
    -------
    float
        The volume.
    """
    return 3.14159 * radius**2 * height


def rest(radius: float, height: float) -> float:
    """Compute a cylinder's volume.

    Uses pi r squared h.

    :param radius: The radius of the base.
    :param height: The height
        of the cylinder.
    :param depth: Not a parameter; ignored.
    :returns: The volume.
    """
    return 3.14159 * radius**2 * height


@pytest.mark.parametrize("func", [google, numpy, rest], ids=["google", "numpy", "rest"])
def test_docstring_styles_agree(func: Any) -> None:
    t = tool_from_callable(func)
    assert t.description == "Compute a cylinder's volume.\n\nUses pi r squared h."
    assert t.parameters == {
        "type": "object",
        "properties": {
            "radius": {"type": "number", "description": "The radius of the base."},
            "height": {"type": "number", "description": "The height\nof the cylinder."},
        },
        "required": ["radius", "height"],
    }
    assert t.source is not None and t.source.docstring == func.__doc__  # raw, not cleaned


def test_annotated_description_beats_docstring() -> None:
    def f(x: Annotated[int, "From the annotation."]) -> None:
        """Do it.

        Args:
            x: From the docstring.
        """

    assert tool_from_callable(f).properties["x"]["description"] == "From the annotation."


def test_no_docstring_gives_empty_description() -> None:
    def f(x: int) -> None:
        pass

    t = tool_from_callable(f)
    assert t.description == ""
    assert t.source is not None and t.source.docstring is None


def test_description_and_name_overrides() -> None:
    t = tool_from_callable(google, name="volume", description="Volume.")
    assert (t.name, t.description) == ("volume", "Volume.")
    assert (
        t.source is not None
        and t.source.signature == "volume(radius: float, height: float) -> float"
    )


# --- signature, defaults, required -------------------------------------------------------


def cylinder_volume(radius, height):
    return 3.14159 * radius**2 * height


def test_signature_leaves_out_own_module() -> None:
    def f(color: Color, when: datetime.date) -> None:
        pass

    t = tool_from_callable(f)
    assert t.source is not None
    assert t.source.signature == "f(color: Color, when: datetime.date) -> None"


def test_source_signature_and_func() -> None:
    t = tool_from_callable(cylinder_volume)
    assert t.source is not None
    assert t.source.format == "python"
    assert t.source.signature == "cylinder_volume(radius, height)"
    assert t.func is cylinder_volume
    assert t.required == ["radius", "height"]


def test_defaults_and_required() -> None:
    sentinel = object()

    def f(
        a: int,
        b: str = "x",
        c: int | None = None,
        color: Color = Color.GREEN,
        when: datetime.date = datetime.date(2024, 5, 1),
        pair: tuple[int, int] = (1, 2),
        obj: Any = sentinel,
        ratio: float = float("nan"),
        *,
        z: bool,
    ) -> None:
        pass

    t = tool_from_callable(f)
    assert t.required == ["a", "z"]
    assert t.defaults == {
        "b": "x",
        "c": None,
        "color": "green",
        "when": "2024-05-01",
        "pair": [1, 2],
    }
    assert t.properties["obj"] == {}  # optional, but an object is no JSON default
    assert t.properties["ratio"] == {"type": "number"}  # NaN is not JSON either
    json.dumps(t.parameters, allow_nan=False)  # the whole schema is strict JSON


def test_positional_only_kept_in_order() -> None:
    def f(a: int, /, b: int, *, c: int) -> None:
        pass

    assert list(tool_from_callable(f).properties) == ["a", "b", "c"]


def test_bound_method_skips_self() -> None:
    class Calculator:
        def add(self, a: int, b: int) -> int:
            """Add two numbers."""
            return a + b

    t = tool_from_callable(Calculator().add)
    assert list(t.properties) == ["a", "b"]
    assert t.source is not None and t.source.signature == "add(a: int, b: int) -> int"


# --- rejected definitions ----------------------------------------------------------------


def test_var_positional_rejected() -> None:
    def f(x: int, *args: int) -> None:
        pass

    with pytest.raises(ToolDefinitionError) as info:
        tool_from_callable(f)
    assert info.value.tool == "f"
    assert info.value.field == "parameters.properties.args"


def test_var_keyword_rejected() -> None:
    def f(**options: Any) -> None:
        pass

    with pytest.raises(ToolDefinitionError) as info:
        tool_from_callable(f)
    assert (info.value.tool, info.value.field) == ("f", "parameters.properties.options")


def test_unsupported_annotation_rejected() -> None:
    def f(thing: Opaque) -> None:
        pass

    with pytest.raises(ToolDefinitionError) as info:
        tool_from_callable(f, name="uses_opaque")
    assert info.value.tool == "uses_opaque"
    assert info.value.field == "parameters.properties.thing"
    assert "Opaque" in info.value.reason


def test_recursive_model_rejected() -> None:
    class Node(BaseModel):
        children: list["Node"] = []

    def f(tree: Node) -> None:
        pass

    with pytest.raises(ToolDefinitionError) as info:
        tool_from_callable(f)
    assert info.value.field.startswith("parameters.properties.tree")


# --- decorator ---------------------------------------------------------------------------


def test_bare_decorator_keeps_function_callable() -> None:
    @tool
    def add(a: int, b: int) -> int:
        """Add two numbers."""
        return a + b

    assert add(2, 3) == 5
    attached = add.__fncall_tool__
    assert isinstance(attached, Tool)
    assert tool_from_callable(add) is attached
    assert attached.description == "Add two numbers."
    assert attached.requires_approval is False


def test_decorator_with_options() -> None:
    @tool(name="remove_file", requires_approval=True)
    def delete(path: str) -> str:
        """Delete a file."""
        return f"deleted {path}"

    assert delete("a.txt") == "deleted a.txt"
    t = tool_from_callable(delete)
    assert t is delete.__fncall_tool__
    assert (t.name, t.requires_approval) == ("remove_file", True)
    assert t.source is not None and t.source.signature == "remove_file(path: str) -> str"


def test_requires_approval_without_decorator() -> None:
    assert tool_from_callable(cylinder_volume, requires_approval=True).requires_approval
    assert not tool_from_callable(cylinder_volume).requires_approval


def test_decorated_method_bound_loses_self_keeps_options() -> None:
    class Files:
        @tool(requires_approval=True)
        def delete(self, path: str) -> None:
            """Delete a file."""

    t = tool_from_callable(Files().delete)
    assert list(t.properties) == ["path"]
    assert t.requires_approval is True


@tool
def decorated_elsewhere(n: int) -> int:
    return n


# --- modules and files -------------------------------------------------------------------


def test_tools_from_module(tmp_path: Any) -> None:
    source = tmp_path / "weather.py"
    source.write_text(
        textwrap.dedent(
            '''
            from __future__ import annotations

            from pydantic import BaseModel

            from fncall.tools.callables import tool


            class Place(BaseModel):
                city: str


            def get_weather(place: Place, unit: str = "celsius") -> str:
                """Current weather.

                Args:
                    place: Where.
                """
                return "sunny"


            def _helper() -> None:
                pass


            def get_time(zone: str | None = None) -> str:
                """Current time."""
                return "noon"


            @tool(requires_approval=True)
            def _secret(x: int) -> int:
                return x
            '''
        )
    )
    tools = load_python_tools(source)
    assert [t.name for t in tools] == ["get_weather", "get_time", "_secret"]
    weather, clock, secret = tools
    assert weather.properties["place"] == {
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
        "type": "object",
        "description": "Where.",
    }
    assert weather.source is not None
    assert weather.source.signature == "get_weather(place: Place, unit: str = 'celsius') -> str"
    assert clock.properties["zone"] == {"type": ["string", "null"], "default": None}
    assert secret.requires_approval
    # The loaded functions are real and convertible arguments work on them.
    args = to_python_arguments(weather, {"place": {"city": "Paris"}})
    assert weather.func is not None and weather.func(**args) == "sunny"


def test_tools_from_module_order_and_selection() -> None:
    module = types.ModuleType("fncall_test_fake_tools")
    source = """
        from os.path import join  # public, but defined elsewhere: not a tool


        def second_defined_first_listed(x: int) -> int:
            return x


        def _private(x: int) -> int:
            return x


        def later(y: str) -> str:
            return y


        alias = second_defined_first_listed  # the same function again: listed once
        class NotAFunction:
            pass
        """
    exec(textwrap.dedent(source), module.__dict__)
    module.imported_tool = decorated_elsewhere  # carries __fncall_tool__: included, last
    names = [t.name for t in tools_from_module(module)]
    assert names == ["second_defined_first_listed", "later", "decorated_elsewhere"]


def test_missing_file(tmp_path: Any) -> None:
    with pytest.raises(ToolFormatError, match="not found"):
        load_python_tools(tmp_path / "nope.py")


def test_import_error_is_format_error(tmp_path: Any) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("import no_such_module_for_fncall_tests\n")
    with pytest.raises(ToolFormatError) as info:
        load_python_tools(broken)
    assert "broken.py" in str(info.value)
    assert "no_such_module_for_fncall_tests" in str(info.value)
    assert isinstance(info.value.__cause__, ImportError)


def test_syntax_error_is_format_error(tmp_path: Any) -> None:
    broken = tmp_path / "syntax.py"
    broken.write_text("def f(:\n")
    with pytest.raises(ToolFormatError, match=r"syntax\.py"):
        load_python_tools(broken)


# --- argument conversion -----------------------------------------------------------------


def book(
    who: Person,
    color: Color,
    span: tuple[int, int],
    day: datetime.date,
    note,
    extra: Color | None = None,
) -> str:
    return f"{who.name} {color.value} {span} {day.isoformat()} {note} {extra}"


def test_to_python_arguments_round_trip() -> None:
    t = tool_from_callable(book)
    args = to_python_arguments(
        t,
        {
            "who": {"name": "Ada", "address": {"street": "Main"}},
            "color": "red",
            "span": [1, 3],
            "day": "2024-02-29",
            "note": {"anything": [1]},
            "extra": None,
        },
    )
    assert args["who"] == Person(name="Ada", address=Address(street="Main"))
    assert args["color"] is Color.RED
    assert args["span"] == (1, 3)
    assert args["day"] == datetime.date(2024, 2, 29)
    assert args["note"] == {"anything": [1]}  # unannotated: passed through
    assert args["extra"] is None
    assert book(**args) == "Ada red (1, 3) 2024-02-29 {'anything': [1]} None"


def test_to_python_arguments_failure() -> None:
    t = tool_from_callable(book)
    with pytest.raises(ArgumentTypeError) as info:
        to_python_arguments(t, {"color": "blue"})
    assert (info.value.function, info.value.argument) == ("book", "color")
    assert "color" in str(info.value)


def test_argument_adapters_are_cached_and_skip_unannotated() -> None:
    first = argument_adapters(book)
    assert set(first) == {"who", "color", "span", "day", "extra"}
    first.clear()  # a caller's copy: the cache is unaffected
    assert set(argument_adapters(book)) == {"who", "color", "span", "day", "extra"}
    assert argument_adapters(book)["day"] is argument_adapters(book)["day"]
