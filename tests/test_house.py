"""The bundled house model, on its real base (Gemma 3 270M from the ``fncall[house]`` extra):
what it is, and that both local engines run it offline with the same answers. The few tests
here that load the real base; the rest of the suite runs on tiny models."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fncall import FunctionCaller
from fncall.demo import demo_tools
from fncall.engines.base import GenerationRequest, Sampling
from fncall.house import MODEL_DIR, house_model, scratch_model
from fncall.modeldir import read_metadata
from fncall.pretrained import BASES, HOUSE_BASE, adapter_base, is_adapter_dir

QUERY = "What's the weather like in Paris, in fahrenheit?"


def test_the_house_model_is_an_adapter_on_the_registered_base():
    assert house_model() == MODEL_DIR and is_adapter_dir(MODEL_DIR)
    metadata = read_metadata(MODEL_DIR)
    package = pytest.importorskip(BASES[HOUSE_BASE].package)
    assert metadata["base"] == {"name": HOUSE_BASE, "sha256": package.EXPECTED_SHA256}
    assert metadata["dialect"] in metadata["dialects"]
    assert {"hermes", "nexusraven-v2"} <= set(metadata["dialects"])
    # small enough to ship, with the licence terms of its base
    shipped = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert shipped < 50 * 2**20
    assert "Gemma Terms of Use" in (MODEL_DIR / "NOTICE").read_text()
    assert (MODEL_DIR / "GEMMA_TERMS.html").is_file()
    card = (MODEL_DIR / "README.md").read_text()
    assert "Gemma Terms of Use" in card and "Prohibited Use Policy" in card
    assert adapter_base(MODEL_DIR).sha256 == package.EXPECTED_SHA256
    assert (scratch_model() / "model.safetensors").is_file()  # the small model stays


@pytest.fixture(scope="module")
def house_caller():
    """The default caller: no model given means the house model."""
    return FunctionCaller(tools=demo_tools(), max_tokens=64)


def test_the_default_caller_runs_the_house_model(house_caller):
    response = house_caller.call(QUERY, tool_choice="required")
    assert response.ok and response.calls, response.error
    assert response.calls[0].name in house_caller.tools


def test_llama_cpp_runs_the_house_model_as_transformers_does(house_caller):
    pytest.importorskip("llama_cpp")
    from fncall.engines import load_engine

    llama = load_engine("llamacpp", str(house_model()))
    prompt = house_caller.dialect.render(house_caller.tools, QUERY)
    request = GenerationRequest(prompt, house_caller.dialect.stop, Sampling(max_tokens=48))
    bare = load_engine("llamacpp", HOUSE_BASE).generate([request])[0].text
    tuned = llama.generate([request])[0].text
    assert tuned == house_caller.engine.generate([request])[0].text
    assert tuned != bare  # the adapter is applied
    calls = house_caller.dialect.parse(tuned, house_caller.tools).calls
    assert json.dumps([c.name for c in calls]) == '["get_weather"]'


def get_weather(city: str) -> dict:
    """Get the current weather in a city.

    Args:
        city: The city name.
    """
    return {"city": city, "temperature_c": 14, "conditions": "light rain"}


def test_the_house_model_completes_a_two_step_task_as_an_agent(house_caller):
    """A call in its dialect, the result back in its conversation dialect (hermes), an
    answer that states what the result holds."""
    caller = FunctionCaller(house_caller.engine, tools=[get_weather], max_tokens=64)
    run = caller.chat("What's the weather in Lyon right now?")
    kinds = [type(e).__name__ for e in run.events]
    assert kinds == ["CallsMade", "ToolResult", "Answered"], run.events
    assert run.events[0].calls[0].arguments == {"city": "Lyon"}
    assert "14" in run.answer and "light rain" in run.answer
    roles = [m["role"] for m in run.messages]
    assert roles == ["user", "assistant", "tool", "assistant"]


# --- the house model behind the server, driven by the clients agents use -------------------

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Get the current weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string", "description": "The city name."}},
            "required": ["city"],
        },
    },
}
RESULT = '{"city": "Lyon", "temperature_c": 14, "conditions": "light rain"}'
QUESTION = "What's the weather in Lyon right now?"


@pytest.fixture(scope="module")
def house_url(house_caller):
    from fncall.server import ServerConfig, ServerThread, create_app
    from fncall.settings import CallerSettings

    config = ServerConfig(CallerSettings(max_tokens=96), model_name="house")
    with ServerThread(create_app(config, house_caller.engine)) as server:
        yield server.url


def test_an_openai_sdk_loop_completes_a_two_step_task(house_url):
    import openai

    client = openai.OpenAI(base_url=f"{house_url}/v1", api_key="x", max_retries=0, timeout=120)
    messages = [{"role": "user", "content": QUESTION}]
    first = client.chat.completions.create(model="house", messages=messages, tools=[WEATHER_TOOL])
    [call] = first.choices[0].message.tool_calls
    assert call.function.name == "get_weather" and json.loads(call.function.arguments) == {
        "city": "Lyon"
    }
    messages += [first.choices[0].message.model_dump(exclude_none=True)]
    messages += [{"role": "tool", "tool_call_id": call.id, "content": RESULT}]
    second = client.chat.completions.create(model="house", messages=messages, tools=[WEATHER_TOOL])
    answer = second.choices[0].message
    assert not answer.tool_calls and "14" in answer.content and "light rain" in answer.content


def test_a_langchain_agent_loop_completes_a_two_step_task(house_url):
    from langchain_core.messages import HumanMessage, ToolMessage
    from langchain_core.tools import tool
    from langchain_openai import ChatOpenAI

    @tool
    def get_weather(city: str) -> str:
        """Get the current weather in a city."""
        return RESULT

    llm = ChatOpenAI(model="house", base_url=f"{house_url}/v1", api_key="x", max_retries=0)
    agent = llm.bind_tools([get_weather])
    messages: list[Any] = [HumanMessage(QUESTION)]
    for _ in range(3):  # the loop every LangChain agent runs
        reply = agent.invoke(messages)
        messages.append(reply)
        if not reply.tool_calls:
            break
        for call in reply.tool_calls:
            messages.append(ToolMessage(get_weather.invoke(call["args"]), tool_call_id=call["id"]))
    kinds = [type(m).__name__ for m in messages]
    assert kinds == ["HumanMessage", "AIMessage", "ToolMessage", "AIMessage"]
    assert messages[1].tool_calls[0]["args"] == {"city": "Lyon"}
    assert "14" in messages[-1].content and "light rain" in messages[-1].content


def test_the_responses_api_gives_a_call_then_an_answer_from_its_output(house_url):
    import openai

    client = openai.OpenAI(base_url=f"{house_url}/v1", api_key="x", max_retries=0, timeout=120)
    tool = {"type": "function", **WEATHER_TOOL["function"]}
    first = client.responses.create(model="house", input=QUESTION, tools=[tool])
    [call] = [item for item in first.output if item.type == "function_call"]
    assert call.name == "get_weather" and json.loads(call.arguments) == {"city": "Lyon"}
    output = {"type": "function_call_output", "call_id": call.call_id, "output": RESULT}
    second = client.responses.create(
        model="house", previous_response_id=first.id, input=[output], tools=[tool]
    )
    assert "14" in second.output_text and "light rain" in second.output_text


def test_with_structured_output_gives_schema_valid_objects(house_url):
    import pydantic
    from langchain_openai import ChatOpenAI

    class Contact(pydantic.BaseModel):
        name: str = pydantic.Field(description="Full name")
        email: str = pydantic.Field(description="Email address")

    llm = ChatOpenAI(model="house", base_url=f"{house_url}/v1", api_key="x", max_retries=0)
    contact = llm.with_structured_output(Contact).invoke(
        "Extract the contact: Maria Lopez, maria.lopez@example.com, lives in Seville."
    )
    assert contact == Contact(name="Maria Lopez", email="maria.lopez@example.com")


def test_an_mcp_servers_tool_is_listed_called_and_answered_from(house_caller):
    import sys

    from fncall.tools.mcp_servers import McpServer

    with McpServer(f"{sys.executable} -m fncall.demo.mcp_notes") as server:
        weather = [t for t in server.tools if t.name == "get_weather"]
        caller = FunctionCaller(house_caller.engine, tools=weather, max_tokens=64)
        run = caller.chat(QUESTION)
    assert [type(e).__name__ for e in run.events] == ["CallsMade", "ToolResult", "Answered"]
    assert json.loads(run.results[0].content)["conditions"] == "light rain"
    assert "14" in run.answer and "light rain" in run.answer
