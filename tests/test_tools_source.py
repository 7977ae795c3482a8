"""Tools read from Python source text without running it, and written back as source."""

import inspect
import json
import keyword
import string
import sys
import textwrap
import typing
from pathlib import Path
from typing import Annotated, Any, Dict, List, Literal, Optional, Tuple, Union  # noqa: UP035

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fncall.dialects import get_dialect
from fncall.errors import PromptError, ToolDefinitionError, ToolFormatError
from fncall.tools import load_tools, tool_from_source, tools_from_json, tools_from_source
from fncall.tools.callables import tool_from_callable
from fncall.tools.formats import detect_format, tool_from_json
from fncall.tools.source import python_source
from fncall.tools.spec import Tool

# --- a dozen tools, each defined normally here; their source text is read back below -----


def get_weather(city: str, unit: str = "celsius") -> str:
    """Get the current weather in a city.

    Args:
        city: The city, e.g. "Paris".
        unit (str): Temperature unit. Defaults to 'celsius'.
    """


def search_docs(query: str, limit: int = 10, exact: bool = False, threshold: float = 0.5):
    """Search the documentation.

    Returns the best matching pages first.

    Parameters
    ----------
    query : str
        What to look for.
    limit : int
        How many pages at most.
    exact : bool
        Match the words exactly.
    threshold : float
        Minimum score in [0, 1].
    """


def tag_items(items: list[int], tags: list[str] | None = None) -> None:
    """Tag some items.

    :param items: The item ids.
    :param tags: The tags to add; none removes all.
    """


def set_mode(mode: Literal["a", "b"] = "a", level: Literal[1, 2, 3] = 2):
    """Switch the device mode. Takes effect at once."""
    pass


def legacy_typing(
    ids: List[int],  # noqa: UP006
    meta: Dict[str, Any],  # noqa: UP006
    note: Optional[str] = None,  # noqa: UP045
    pair: Tuple[int, str] = (1, "a"),  # noqa: UP006
):
    """Old-style typing names.

    Args:
        ids: Identifiers.
        meta: Free-form metadata.
        note: An optional note.
        pair: A number and a label.
    """


def unions(
    x: Union[int, str],  # noqa: UP007
    y: Union[int, str, None] = None,  # noqa: UP007
    z: int | str | None = 3,
):
    """Unions written three ways."""


def tuples_and_dicts(
    point: tuple[float, float],
    rest: tuple[int, ...] = (),
    table: dict[str, list[int]] = {"a": [1, 2]},  # noqa: B006
    plain: dict = {},  # noqa: B006
    bare: list = [],  # noqa: B006
):
    """Containers.

    Args:
        point: x and y.
        rest: More numbers.
    """


def untyped(a, b=3, c: Any = None, d=-1.5, e='it\'s "quoted"\n'):
    """No annotations at all (and an Any)."""


def qualified(
    a: typing.Optional[typing.List[str]] = None,  # noqa: UP006, UP045
    b: typing.Literal["x", "y"] = "x",
    c: typing.Any = None,
    d: typing.Union[int, None] = None,  # noqa: UP007
):
    """Qualified typing names.

    Args:
        a: Some strings.
        b: A choice.
    """


def annotated(count: Annotated[int, "How many."], flag: bool = True):
    """Counts things.

    Args:
        count: Overridden by the Annotated text.
        flag: A flag.
    """


def kinds(a: int, /, b: str, *, c: bool = True, d: float = 1e-3) -> dict[str, Any]:
    """Positional-only, ordinary and keyword-only parameters."""


def no_docstring(x: dict[str, list[int]], y: "list[str]", z: "Optional[int]" = None) -> None:  # noqa: UP045
    pass


async def fetch_url(url: str, timeout: float = 10.0) -> bytes:
    r"""Fetch a URL matching ^https?://\S+ (a docstring with backslashes).

    Args:
        url: The address.
        timeout: Seconds to wait.
    """
    return b""


def sets_and_none(ids: set[int], empty: None = None, data: bytes = b"x"):
    """Sets, a None annotation and bytes.

    Args:
        ids: Unique ids.
    """


FUNCTIONS = [
    get_weather,
    search_docs,
    tag_items,
    set_mode,
    legacy_typing,
    unions,
    tuples_and_dicts,
    untyped,
    qualified,
    annotated,
    kinds,
    no_docstring,
    fetch_url,
    sets_and_none,
]


def source_of(func: Any) -> str:
    return textwrap.dedent(inspect.getsource(func))


def defined(source: str) -> Any:
    """The function ``source`` defines, made by running it (trusted test text only)."""
    namespace: dict[str, Any] = {}
    exec("import typing\nfrom typing import *\n" + source, namespace)
    return namespace[source.lstrip()[len("def ") : source.lstrip().index("(")]]


@pytest.mark.parametrize("func", FUNCTIONS, ids=lambda f: f.__name__)
def test_source_tool_equals_callable_tool(func: Any) -> None:
    from_source = tool_from_source(source_of(func))
    from_callable = tool_from_callable(func)
    assert from_source == from_callable
    assert from_source.parameters == from_callable.parameters  # (== checks it; shown on failure)
    assert from_source.source is not None and from_callable.source is not None
    assert from_source.source.format == "python"
    assert from_source.source.signature == from_callable.source.signature
    assert from_source.source.docstring == from_callable.source.docstring == func.__doc__
    assert from_source.func is None


@pytest.mark.parametrize("func", FUNCTIONS, ids=lambda f: f.__name__)
def test_round_trip_through_python_source(func: Any) -> None:
    tool = tool_from_source(source_of(func))
    again = tool_from_source(python_source(tool))
    assert again == tool
    assert again.source == tool.source
    # A tool built from the callable writes the same text.
    assert python_source(tool_from_callable(func)) == python_source(tool)


def test_signature_texts_match_inspect() -> None:
    expected = {
        get_weather: "get_weather(city: str, unit: str = 'celsius') -> str",
        tag_items: "tag_items(items: list[int], tags: list[str] | None = None) -> None",
        set_mode: "set_mode(mode: Literal['a', 'b'] = 'a', level: Literal[1, 2, 3] = 2)",
        kinds: (
            "kinds(a: int, /, b: str, *, c: bool = True, d: float = 0.001) -> dict[str, typing.Any]"
        ),
        no_docstring: (
            "no_docstring(x: dict[str, list[int]], y: list[str], z: Optional[int] = None) -> None"
        ),
    }
    for func, text in expected.items():
        tool = tool_from_source(source_of(func))
        assert tool.source is not None and tool.source.signature == text


def test_literal_strings_written_directly() -> None:
    source = '''
def get_weather(city: str, unit: str = 'celsius'):
    """Get the weather.

    Args:
        city: The city.
        unit: celsius or fahrenheit.
    """
    ...
'''
    tool = tool_from_source(source)
    assert tool == Tool(
        name="get_weather",
        description="Get the weather.",
        parameters={
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "The city."},
                "unit": {
                    "type": "string",
                    "description": "celsius or fahrenheit.",
                    "default": "celsius",
                },
            },
            "required": ["city"],
        },
    )
    assert tool.source is not None
    assert tool.source.signature == "get_weather(city: str, unit: str = 'celsius')"
    assert tool.source.docstring == defined(source).__doc__
    if sys.version_info < (3, 13):  # later compilers dedent __doc__, and so does the loader
        assert tool.source.docstring == (
            "Get the weather.\n\n    Args:\n        city: The city.\n"
            "        unit: celsius or fahrenheit.\n    "
        )


def test_tools_from_source_in_order_skipping_private_and_other_statements() -> None:
    source = (
        "import os\n"
        "X = 1\n"
        "def b(x: int):\n    'B.'\n"
        "def _helper():\n    pass\n"
        "class Thing:\n    def method(self, y: str): ...\n"
        "async def a(y: str):\n    'A.'\n"
    )
    tools = tools_from_source(source)
    assert [t.name for t in tools] == ["b", "a"]
    assert tools[0].description == "B." and tools[1].required == ["y"]


def test_tool_from_source_takes_one_public_def_beside_private_helpers() -> None:
    tool = tool_from_source("def _h(): pass\ndef f(x: int):\n    'F.'\n")
    assert tool.name == "f"


# --- JSON items and files ----------------------------------------------------------------


def test_json_python_item() -> None:
    item = {"python": source_of(get_weather)}
    assert detect_format(item) == "python"
    tool = tool_from_json(item)
    assert tool == tool_from_callable(get_weather)
    assert tool.source == tool_from_source(source_of(get_weather)).source


def test_json_list_mixes_python_with_other_formats() -> None:
    document = {
        "tools": [
            {"python": source_of(set_mode)},
            {"type": "function", "function": {"name": "ping", "parameters": {}}},
            {"python": source_of(tag_items)},
        ]
    }
    tools = tools_from_json(document)
    assert [t.name for t in tools] == ["set_mode", "ping", "tag_items"]
    assert tools[0] == tool_from_callable(set_mode)
    assert tools[2] == tool_from_callable(tag_items)


def test_load_tools_reads_python_items_from_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "tools.json"
    items = [{"python": source_of(f)} for f in (get_weather, search_docs, kinds)]
    path.write_text(json.dumps(items), encoding="utf-8")
    tools = load_tools(path)
    assert list(tools) == ["get_weather", "search_docs", "kinds"]
    assert tools.tools == [tool_from_callable(f) for f in (get_weather, search_docs, kinds)]


def test_json_python_item_errors_are_typed_and_located() -> None:
    with pytest.raises(ToolDefinitionError) as info:
        tools_from_json([{"python": 5}])
    assert info.value.tool == "#0" and info.value.field == "python"
    with pytest.raises(ToolFormatError, match=r"tool #1: .*exactly one public function"):
        tools_from_json([{"python": source_of(get_weather)}, {"python": "x = 1"}])
    with pytest.raises(ToolFormatError, match=r"tool #0: tool 'f', parameter 'when'"):
        tools_from_json([{"python": "def f(when=now()): ..."}])


# --- nothing is executed -----------------------------------------------------------------


def test_top_level_code_and_bodies_are_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    source = f"""
import os; os.system("touch {marker}")
open({str(marker)!r}, "w").close()

@open({str(marker)!r}, "w")
def f(x: int) -> "Weather":
    '''Doc.'''
    open({str(marker)!r}, "w").close()

class C(open({str(marker)!r}, "w")):
    pass
"""
    tool = tool_from_source(source)
    assert tool.name == "f" and tool.required == ["x"]
    assert not marker.exists()


@pytest.mark.parametrize(
    "template",
    [
        "def f(path=open({p!r}, 'w')): ...",
        "def f(path=__import__('os').system('touch ' + {p!r})): ...",
        "def f(path: open({p!r}, 'w')): ...",
        "def f(path: list[open({p!r}, 'w')]): ...",
        "def f(path: Literal[open({p!r}, 'w')]): ...",
        "def f(path: Annotated[int, open({p!r}, 'w')]): ...",
        "def f(path: \"open({p!r}, 'w')\"): ...",
        "def f(path: int = (lambda: open({p!r}, 'w'))()): ...",
    ],
)
def test_code_in_defaults_and_annotations_is_refused_not_run(tmp_path: Path, template: str) -> None:
    target = tmp_path / "x"
    with pytest.raises(ToolFormatError, match=r"tool 'f', parameter 'path'"):
        tool_from_source(template.format(p=str(target)))
    assert not target.exists()


@pytest.mark.parametrize(
    "template",
    ["def f(a: int) -> open({p!r}, 'w'): ...", "def f(a: int) -> \"open({p!r}, 'w')\": ..."],
)
def test_return_annotation_with_code_is_refused_not_run(tmp_path: Path, template: str) -> None:
    target = tmp_path / "x"
    with pytest.raises(ToolFormatError, match=r"tool 'f': return annotation"):
        tool_from_source(template.format(p=str(target)))
    assert not target.exists()


def test_unknown_return_annotation_is_kept_as_written() -> None:
    tool = tool_from_source("def f(a: int) -> WeatherReport:\n    'Doc.'\n")
    assert tool.source is not None and tool.source.signature == "f(a: int) -> WeatherReport"
    tool = tool_from_source("def f(a: int) -> 'models.Report':\n    'Doc.'\n")
    assert tool.source is not None and tool.source.signature == "f(a: int) -> models.Report"


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "error", "fragments"),
    [
        ("def f(place: Place): ...", ToolFormatError, ["'f'", "'place'", "unknown name 'Place'"]),
        (
            "def f(when=datetime.now()): ...",
            ToolFormatError,
            ["'f'", "'when'", "'datetime.now()' is not a literal"],
        ),
        ("def f(n=DEFAULT): ...", ToolFormatError, ["'f'", "'n'", "not a literal"]),
        ("def f(n=1 + 2): ...", ToolFormatError, ["'f'", "'n'", "not a literal"]),
        ("def f(x: os.PathLike): ...", ToolFormatError, ["'x'", "unknown name 'os.PathLike'"]),
        ("def f(x: t.Optional[int]): ...", ToolFormatError, ["'x'", "'t.Optional'"]),
        ("def f(x: list['int']): ...", ToolFormatError, ["'x'", "quote the whole annotation"]),
        ("def f(x: Literal[1.5]): ...", ToolFormatError, ["'x'", "Literal takes"]),
        ("def f(x: Literal[A.B]): ...", ToolFormatError, ["'x'", "Literal takes constants"]),
        ("def f(x: int[str]): ...", ToolFormatError, ["'x'", "int takes no [...]"]),
        ("def f(x: list[...]): ...", ToolFormatError, ["'x'", "only allowed in tuple"]),
        ("def f(x: Optional[int, str]): ...", ToolFormatError, ["'x'", "Optional"]),
        ("def f(x: int | 3): ...", ToolFormatError, ["'x'", "3 is not a type"]),
        ("def f(x: Callable[[int], str]): ...", ToolFormatError, ["'x'", "'Callable'"]),
        ("def f(x: 'not valid ('): ...", ToolFormatError, ["'x'", "not an expression"]),
        ("def f(a, a): ...", ToolFormatError, ["'f'", "duplicate parameter name: 'a'"]),
        ("def f[T](x: T): ...", ToolFormatError, []),  # 3.12+ syntax; a SyntaxError on 3.11
        (
            "def f(*args: int): ...",
            ToolDefinitionError,
            ["'f'", "properties.args'", "*args cannot be filled"],
        ),
        (
            "def f(x: int, **kw): ...",
            ToolDefinitionError,
            ["'f'", "properties.kw'", "**kw cannot be filled"],
        ),
        (
            "def f(x: dict[int]): ...",
            ToolDefinitionError,
            ["'f'", "properties.x'", "no JSON Schema"],
        ),
    ],
)
def test_refusals_are_typed_and_name_function_and_parameter(
    source: str, error: type[Exception], fragments: list[str]
) -> None:
    with pytest.raises(error) as info:
        tool_from_source(source)
    assert type(info.value) is error
    for fragment in fragments:
        assert fragment in str(info.value)


def test_callable_refuses_a_one_argument_dict_the_same_way() -> None:
    # The ToolDefinitionError above is callables.py's own, for the same function written out.
    def f(x: dict[int]): ...  # type: ignore[type-arg]

    with pytest.raises(ToolDefinitionError) as from_callable:
        tool_from_callable(f)
    with pytest.raises(ToolDefinitionError) as from_source:
        tool_from_source("def f(x: dict[int]): ...")
    assert str(from_source.value) == str(from_callable.value)


@pytest.mark.parametrize(
    ("source", "match"),
    [
        ("", "no public top-level function"),
        ("x = 1\nclass C: pass\n", "no public top-level function"),
        ("def _private(): pass", "no public top-level function"),
        ("def f(:", "not valid Python"),
        ("def f(x):\n\treturn\n        x\n", "not valid Python"),
        ("def f(): pass\x00", "cannot be parsed|not valid Python"),
        ("def f(): pass\ndef f(): pass\n", "'f' more than once"),
    ],
)
def test_source_level_refusals(source: str, match: str) -> None:
    with pytest.raises(ToolFormatError, match=match):
        tools_from_source(source)


def test_tool_from_source_wants_exactly_one_def() -> None:
    with pytest.raises(ToolFormatError, match="exactly one public function, found 'a', 'b'"):
        tool_from_source("def a(): pass\ndef b(): pass\n")
    with pytest.raises(ToolFormatError, match="found none"):
        tool_from_source("import os")
    with pytest.raises(ToolFormatError, match="must be a string"):
        tool_from_source(b"def f(): pass")  # type: ignore[arg-type]


def test_deeply_nested_annotation_is_refused_cleanly() -> None:
    deep = "list[" * 150 + "int" + "]" * 150
    try:
        tool = tool_from_source(f"def f(x: {deep}): ...")
    except (ToolFormatError, ToolDefinitionError):
        return
    assert tool.name == "f"


# --- writing tools that did not come from Python -----------------------------------------


def test_json_tool_round_trips_where_types_allow() -> None:
    tool = Tool(
        name="book_flight",
        description="Book a flight.\n\nPays with the stored card.",
        parameters={
            "type": "object",
            "properties": {
                "origin": {"type": "string", "description": "IATA code, e.g. 'SFO'."},
                "seats": {"type": "integer", "description": "How many.", "default": 1},
                "price_cap": {"type": ["number", "null"], "default": None},
                "cabin": {"type": "string", "enum": ["economy", "business"]},
                "refundable": {"type": "boolean", "description": "Line one.\nLine two."},
                "tags": {"type": "array", "items": {"type": "string"}, "default": []},
                "anything": {"description": "Any value."},
            },
            "required": ["origin", "cabin", "refundable", "anything"],
        },
    )
    text = python_source(tool)
    assert text.startswith(
        "def book_flight(origin: str, cabin: Literal['economy', 'business'], refundable: bool, "
        "anything, seats: int = 1, price_cap: float | None = None, tags: list[str] = []):\n"
    )
    assert tool_from_source(text) == tool


def test_json_tool_without_description_keeps_parameter_descriptions() -> None:
    tool = Tool(
        name="g",
        description="",
        parameters={
            "type": "object",
            "properties": {"x": {"type": "integer", "description": "The x."}},
            "required": ["x"],
        },
    )
    assert python_source(tool) == (
        'def g(x: int):\n    """\n    Args:\n        x (int): The x.\n    """\n'
    )
    assert tool_from_source(python_source(tool)) == tool


def test_json_tool_without_properties_or_description() -> None:
    tool = Tool(name="ping", description="", parameters={"type": "object", "properties": {}})
    assert python_source(tool) == "def ping():\n    ...\n"
    assert tool_from_source(python_source(tool)) == tool


def test_json_tool_round_trip_limits_are_as_documented() -> None:
    optional_without_default = Tool(
        name="f",
        description="F.",
        parameters={"type": "object", "properties": {"x": {"type": "string"}}},
    )
    back = tool_from_source(python_source(optional_without_default))
    assert back.properties["x"] == {"type": "string", "default": None}  # written `x: str = None`
    assert back != optional_without_default

    constrained = Tool(
        name="g",
        description="G.",
        parameters={
            "type": "object",
            "properties": {"n": {"type": "integer", "minimum": 1}},
            "required": ["n"],
        },
    )
    assert tool_from_source(python_source(constrained)).properties["n"] == {"type": "integer"}


def test_python_source_refuses_names_python_cannot_write() -> None:
    dotted = Tool(name="math.factorial", description="", parameters={"type": "object"})
    with pytest.raises(ToolFormatError, match=r"'math\.factorial'"):
        python_source(dotted)
    keyword_param = Tool(
        name="f",
        description="",
        parameters={"type": "object", "properties": {"from": {"type": "string"}}},
    )
    with pytest.raises(ToolFormatError, match="parameter 'from'"):
        python_source(keyword_param)


@pytest.mark.parametrize(
    "docstring",
    [
        'Ends with a quote "',
        'Has """ inside',
        "Has ''' and \"\"\" both",
        "Backslash \\n literal and \\d",
        "Ends with a backslash \\",
        "Tab\tand\rcarriage return",
        "  Leading spaces and trailing newline\n",
    ],
)
def test_awkward_docstrings_are_written_verbatim(docstring: str) -> None:
    source = f"def f(x: int):\n    {docstring!r}\n"
    tool = tool_from_source(source)
    assert tool.source is not None and tool.source.docstring == defined(source).__doc__
    again = tool_from_source(python_source(tool))
    assert again.source == tool.source and again == tool


# --- property: generated signatures read the same as the functions defined --------------

ANNOTATIONS = [
    None,
    "str",
    "int",
    "float",
    "bool",
    "Any",
    "list[str]",
    "List[int]",
    "dict[str, int]",
    "Dict[str, Any]",
    "tuple[int, str]",
    "tuple[float, ...]",
    "Optional[str]",
    "int | None",
    "Union[int, str]",
    "Literal['a', 'b']",
    "Literal[1, 2]",
    "typing.Optional[int]",
    "list[str] | None",
    "dict",
    "list",
]
LITERALS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(string.printable, max_size=8),
    st.lists(st.integers(0, 9), max_size=3),
)
NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True).filter(
    lambda n: not keyword.iskeyword(n)
)
WORDS = st.text(string.ascii_letters + string.digits + " ,.'-", min_size=1, max_size=30).map(
    str.strip
)


@st.composite
def function_sources(draw: st.DrawFn) -> str:
    names = draw(st.lists(NAMES, min_size=0, max_size=5, unique=True))
    first_default = draw(st.integers(0, len(names)))
    params, docs = [], []
    for i, name in enumerate(names):
        annotation = draw(st.sampled_from(ANNOTATIONS))
        text = f"{name}: {annotation}" if annotation else name
        if i >= first_default:
            text += f" = {draw(LITERALS)!r}"
        params.append(text)
        if description := draw(WORDS):
            docs.append(f"        {name}: {description}")
    summary = draw(WORDS) or "Do it."
    style = draw(st.sampled_from(["google", "plain", "none"]))
    if style == "google" and docs:
        body = f'    """{summary}\n\n    Args:\n' + "\n".join(docs) + '\n    """\n'
    elif style == "none":
        body = "    pass\n"
    else:
        body = f"    {summary!r}\n"
    name = draw(NAMES)
    return f"def {name}({', '.join(params)}):\n{body}"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(function_sources())
def test_generated_sources_match_their_definitions(source: str) -> None:
    func = defined(source)
    from_source = tool_from_source(source)
    from_callable = tool_from_callable(func)
    assert from_source == from_callable
    assert from_source.source == from_callable.source
    assert tool_from_source(python_source(from_source)) == from_source


@pytest.mark.parametrize(
    ("name", "parameter", "problem"),
    [
        ("lambda", "city", "tool 'lambda'"),
        ("get_weather", "class", "parameter 'class' of tool 'get_weather'"),
        ("get_weather", "from-date", "parameter 'from-date' of tool 'get_weather'"),
        ("math.class", "x", "tool 'math.class'"),
    ],
)
def test_one_rule_says_what_python_syntax_cannot_name(name, parameter, problem):
    tool = Tool(name, "", {"type": "object", "properties": {parameter: {"type": "string"}}})
    for dialect in ("nexusraven-v2", "bfcl-python"):  # calls in Python syntax
        with pytest.raises(PromptError, match=f"which cannot name {problem}$"):
            get_dialect(dialect).render([tool], "hi")
    with pytest.raises(ToolFormatError, match=f"^{problem} cannot be written as a Python def"):
        python_source(tool)


def test_a_dotted_tool_is_called_in_python_syntax_but_not_written_as_a_def():
    tool = Tool("math.factorial", "", {"type": "object", "properties": {"n": {"type": "integer"}}})
    assert "math.factorial" in get_dialect("bfcl-python").render([tool], "hi")
    with pytest.raises(ToolFormatError, match=r"^tool 'math\.factorial' cannot be written"):
        python_source(tool)
