"""The bundled house model, on its real base (Gemma 3 270M from the ``fncall[house]`` extra):
what it is, and that both local engines run it offline with the same answers. The few tests
here that load the real base; the rest of the suite runs on tiny models."""

from __future__ import annotations

import json

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
