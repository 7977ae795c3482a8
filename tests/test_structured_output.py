"""Structured outputs: ``response_format`` (``json_object``, ``json_schema`` with
``strict``, a pydantic class) held by the grammar in Python and in the server, read by the
``openai`` SDK's ``parse`` and LangChain's ``with_structured_output``. The model is the tiny
random one: what is checked is that every answer fits its schema, not what it says."""

from __future__ import annotations

import json
from typing import Any, Literal

import openai
import pydantic
import pytest

from fncall import FunctionCaller, GrammarLimits, get_dialect
from fncall.calls.structured import read_structured_answer
from fncall.errors import CallValidationError, OutputParseError, ResponseFormatError
from fncall.request import ResponseFormat, resolve_response_format
from fncall.server import ServerConfig, ServerThread, create_app
from fncall.settings import CallerSettings
from tests.server_helpers import MODEL, WEATHER, chat, error_of, running_server

SMALL = GrammarLimits(max_string=8, max_items=3, max_integer_digits=3, max_calls=2)


class Contact(pydantic.BaseModel):
    """A person's contact details."""

    name: str = pydantic.Field(description="Full name", max_length=8)
    age: int = pydantic.Field(ge=0, le=120)
    kind: Literal["friend", "work"]
    email: str | None = None


def fits_contact(data: dict[str, Any]) -> bool:
    Contact.model_validate(data)
    return set(data) <= {"name", "age", "kind", "email"}


@pytest.mark.parametrize(
    "dialect", ["nexusraven-v2", "hermes", "llama-functions", "trelis-v2-llama"]
)
def test_every_answer_fits_the_schema_in_every_dialect(tiny_engine, dialect):
    caller = FunctionCaller(tiny_engine, dialect, limits=SMALL, max_tokens=160, temperature=1.0)
    for seed in range(4):
        response = caller.call("Who is Ana?", response_format=Contact, seed=seed)
        assert response.ok, (response.raw, response.error)
        assert isinstance(response.parsed, Contact) and fits_contact(json.loads(response.text))


def test_a_json_object_answer_or_a_call_when_tools_are_offered(tiny_engine):
    def get_weather(city: str) -> str:
        """Weather.

        Args:
            city: City.
        """
        return "sunny"

    caller = FunctionCaller(
        tiny_engine, "hermes", [get_weather], limits=SMALL, max_tokens=160, temperature=1.0
    )
    kinds = set()
    for seed in range(8):
        response = caller.call("x", response_format={"type": "json_object"}, seed=seed)
        assert response.ok, (response.raw, response.error)
        if response.calls:
            kinds.add("call")
        else:
            kinds.add("json")
            assert (
                isinstance(response.parsed, dict) and json.loads(response.text) == response.parsed
            )
    assert "json" in kinds  # auto: the model may answer; when it does, it is a JSON object
    only = caller.call("x", tool_choice="none", response_format={"type": "json_object"}, seed=1)
    assert only.ok and not only.calls and isinstance(only.parsed, dict)


def test_the_forms_of_a_response_format():
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}
    given = {
        "type": "json_schema",
        "json_schema": {"name": "thing", "schema": schema, "strict": True},
    }
    read = resolve_response_format(given)
    assert (read.name, read.strict, read.tool.required) == ("thing", True, ["a"])
    assert (
        resolve_response_format({"type": "text"}) is None and resolve_response_format(None) is None
    )
    assert resolve_response_format(schema).tool.required == ["a"]
    assert resolve_response_format(Contact).model is Contact
    assert resolve_response_format({"type": "json_object"}).schema is None
    described = {"name": "t", "description": "A thing.", "schema": schema}
    read = resolve_response_format({"type": "json_schema", "json_schema": described})
    assert read.tool.description == "A thing."  # kept, not dropped


@pytest.mark.parametrize(
    "given, field",
    [
        ({"type": "xml"}, "type"),
        ({"type": "json_schema"}, "json_schema"),
        ({"type": "json_schema", "json_schema": {"name": "x"}}, "json_schema.schema"),
        ({"type": "json_schema", "json_schema": {"schema": {"type": "array"}}},
         "json_schema.schema.type"),
        ({"type": "json_schema", "json_schema": {"schema": {"type": "object",
          "properties": {"a": {"type": "strin"}}}}}, "json_schema.schema.properties.a.type"),
        ({"type": "json_schema", "json_schema": {"schema": {"type": "object"}, "strict": "yes"}},
         "json_schema"),
        (int, "type"),
        ({"type": "json_schema", "json_schema": {"schema": {"type": "object"}, "examples": []}},
         "json_schema.examples"),
    ],
)  # fmt: skip
def test_a_bad_response_format_names_its_field(given, field):
    with pytest.raises(ResponseFormatError) as raised:
        resolve_response_format(given)
    assert raised.value.field == field


def test_an_answer_is_parsed_and_validated_never_trusted():
    fmt = resolve_response_format(Contact)
    assert read_structured_answer('{"name": "Ana", "age": 3, "kind": "work"}', fmt) == Contact(
        name="Ana", age=3, kind="work"
    )
    with pytest.raises(OutputParseError, match="not the JSON object"):
        read_structured_answer("Ana is 3.", fmt)
    with pytest.raises(CallValidationError, match=r"answer\.age"):
        read_structured_answer('{"name": "Ana", "age": 300, "kind": "work"}', fmt)
    with pytest.raises(CallValidationError, match=r"answer\.extra"):
        read_structured_answer('{"name": "A", "age": 3, "kind": "work", "extra": 1}', fmt)
    assert read_structured_answer('{"x": [1]}', ResponseFormat()) == {"x": [1]}


def test_unconstrained_answers_are_still_held_to_the_schema(tiny_engine):
    caller = FunctionCaller(tiny_engine, "hermes", constrain=False, max_tokens=16)
    response = caller.call("Who?", response_format=Contact)
    assert not response.ok and response.parsed is None  # random text is no Contact
    assert isinstance(response.error, OutputParseError | CallValidationError)


# --- the server, through the clients -----------------------------------------------------


@pytest.fixture(scope="module")
def url(tiny_engine: Any) -> Any:
    """The tiny model in hermes, its strings and arrays short, so a free-form JSON object
    ends well within max_tokens."""
    settings = CallerSettings(dialect="hermes", limits=SMALL, max_tokens=400)
    with ServerThread(create_app(ServerConfig(settings, model_name=MODEL), tiny_engine)) as server:
        yield server.url


def test_the_openai_sdk_parses_a_schema_valid_answer(url):
    client = openai.OpenAI(base_url=f"{url}/v1", api_key="unused", max_retries=0, timeout=60)
    for seed in range(3):
        completion = client.chat.completions.parse(
            model=MODEL,
            messages=[{"role": "user", "content": "Who is Ana?"}],
            response_format=Contact,
            seed=seed,
            temperature=1.0,
        )
        message = completion.choices[0].message
        assert isinstance(message.parsed, Contact) and fits_contact(json.loads(message.content))
    # streamed: the deltas add up to the object (a schema with properties: a free-form
    # json_object may repeat a key, which the grammar cannot rule out and parsing refuses)
    schema = {"name": "Contact", "schema": Contact.model_json_schema()}
    streamed = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "x"}],
        response_format={"type": "json_schema", "json_schema": schema},
        stream=True,
    )
    text = "".join(chunk.choices[0].delta.content or "" for chunk in streamed if chunk.choices)
    assert fits_contact(json.loads(text))


def test_langchain_with_structured_output_gives_schema_valid_objects(url):
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(
        model=MODEL, base_url=f"{url}/v1", api_key="unused", max_retries=0, temperature=1.0
    )
    structured = llm.with_structured_output(Contact)  # LangChain's default: json_schema
    for seed in range(2):
        contact = structured.invoke("Who is Ana?", seed=seed)
        assert isinstance(contact, Contact)
    # json_mode holds the answer to a JSON object only: LangChain parses what it can
    loose = llm.with_structured_output(Contact, method="json_mode", include_raw=True)
    answer = loose.invoke("Reply in JSON: who is Ana?", seed=1)
    assert isinstance(json.loads(answer["raw"].content), dict)


@pytest.mark.parametrize(
    "response_format, param",
    [
        ({"type": "yaml"}, "response_format.type"),
        ({"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "string"}}},
         "response_format.json_schema.schema.type"),
        ({"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object",
          "properties": {"a": {"type": "string", "pattern": "(a+)+\\1"}}}}},
         "response_format.json_schema.schema.properties.a.pattern"),
    ],
)  # fmt: skip
def test_a_bad_response_format_is_a_400_naming_it(url, response_format, param):
    response = chat(
        url, {"messages": [{"role": "user", "content": "x"}], "response_format": response_format}
    )
    assert response.status_code == 400, response.text
    error = error_of(response)
    assert error["param"] == param and error["code"] == "invalid_response_format"


def test_a_response_format_larger_than_the_tool_limit_is_refused(tiny_engine):
    schema = {"type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(400)}}
    wanted = {"type": "json_schema", "json_schema": {"name": "x", "schema": schema}}
    body = {"messages": [{"role": "user", "content": "x"}], "tools": [WEATHER]}
    body["response_format"] = wanted
    with running_server(tiny_engine, "hermes", max_tool_chars=2000) as base:
        response = chat(base, body)
    assert response.status_code == 400 and error_of(response)["code"] == "response_format_too_large"
    assert get_dialect("hermes")  # the dialect registry is intact
