"""The agent loop on a real (tiny, random) model: every call it makes is validated, run,
approved where needed, and its result goes back as a tool message; the run ends with an
answer or says why not."""

from __future__ import annotations

import json

import pytest

from fncall import Agent, FunctionCaller, GrammarLimits, ToolCall, tool
from fncall.agent import MAX_RESULT_CHARS, Answered, CallsMade, Stopped, ToolResult, result_content
from fncall.calls.execute import CallResult
from fncall.errors import ConfigurationError, ToolRaisedError

RAN: list[tuple[str, str]] = []


def get_weather(city: str) -> dict:
    """Get the weather in a city.

    Args:
        city: The city.
    """
    RAN.append(("get_weather", city))
    return {"city": city, "temperature_c": 14}


@tool(requires_approval=True)
def delete_note(title: str) -> str:
    """Delete a note.

    Args:
        title: The note's title.
    """
    RAN.append(("delete_note", title))
    return f"deleted {title}"


SMALL = GrammarLimits(max_string=8, max_items=3, max_integer_digits=3, max_calls=2)


def _caller(engine, *tools, **options) -> FunctionCaller:
    """The tiny model in hermes, sampling, its calls short enough to finish in 120 tokens."""
    return FunctionCaller(
        engine, "hermes", list(tools), limits=SMALL, max_tokens=120, temperature=1.0, **options
    )


def test_a_step_runs_the_calls_and_feeds_their_results_back(tiny_engine):
    RAN.clear()
    caller = _caller(tiny_engine, get_weather, seed=1)
    run = caller.chat("Weather in Paris?", tool_choice="required", max_steps=1)
    made, *results, stopped = run.events
    assert isinstance(made, CallsMade) and made.step == 1 and len(made.ids) == len(made.calls)
    assert [type(e) for e in results] == [ToolResult] * len(made.calls)
    assert isinstance(stopped, Stopped) and stopped.reason == "max_steps" and run.answer is None
    # the functions ran with the validated arguments, and what they returned went back
    assert [("get_weather", c.arguments["city"]) for c in made.calls] == RAN
    user, assistant, *tool_messages = run.messages
    assert user == {"role": "user", "content": "Weather in Paris?"}
    assert [c["id"] for c in assistant["tool_calls"]] == list(made.ids)
    for message, result, call in zip(tool_messages, results, made.calls, strict=True):
        assert message["tool_call_id"] == result.call_id and message["name"] == "get_weather"
        city = call.arguments["city"]
        assert json.loads(message["content"]) == {"city": city, "temperature_c": 14}
        assert result.approval == "not needed"
    # the conversation goes on: the next turn's call ids do not repeat this turn's
    more = [*run.messages, {"role": "user", "content": "And in Oslo?"}]
    again = caller.chat(more, tool_choice="required", max_steps=1)
    assert again.messages[: len(more)] == more
    assert not set(made.ids) & set(again.events[0].ids)


def test_a_run_goes_on_until_the_model_answers_or_the_step_limit(tiny_engine):
    caller = _caller(tiny_engine, get_weather, seed=3)
    run = caller.chat("Weather in Paris?", tool_choice="required", max_steps=4)
    last = run.events[-1]
    assert isinstance(last, Answered | Stopped)
    steps = [e.step for e in run.events]
    assert steps == sorted(steps) and max(steps) <= 4
    if isinstance(last, Answered):  # its text closes the conversation
        assert run.answer == last.text and run.messages[-1] == {
            "role": "assistant",
            "content": last.text,
        }
    # the same events, one at a time, from the same seed
    again = list(Agent(caller, max_steps=4).events("Weather in Paris?", tool_choice="required"))
    assert again == run.events


@pytest.mark.parametrize("answer", [True, False, None])
def test_a_tool_that_needs_approval_runs_only_when_approved(tiny_engine, answer):
    RAN.clear()
    approve = None if answer is None else (lambda call, tool: answer)
    caller = _caller(tiny_engine, delete_note, seed=2, approve=approve)
    run = caller.chat("Delete my note 'groceries'", tool_choice="required", max_steps=1)
    results = run.results
    assert results
    for result in results:
        if answer:
            assert result.approval == "approved" and result.content.startswith("deleted ")
        else:
            assert result.approval == "rejected" and "ApprovalDeniedError" in result.content
            said = "denied" if answer is False else "needs approval and no approver is set"
            assert said in json.loads(result.content)["error"]
    assert len(RAN) == (len(results) if answer else 0)


def test_what_the_model_reads_of_a_result():
    call = ToolCall("f", {})
    assert result_content(CallResult(call, value="plain text")) == "plain text"
    assert result_content(CallResult(call, value={"a": (1, 2)})) == '{"a": [1, 2]}'
    failed = CallResult(call, error=ToolRaisedError("f() raised KeyError: 'x'", "f", KeyError()))
    assert json.loads(result_content(failed)) == {
        "error": "ToolRaisedError: f() raised KeyError: 'x'"
    }
    long = result_content(CallResult(call, value="x" * (MAX_RESULT_CHARS + 10)))
    assert long.endswith("... (10 more characters cut)") and len(long) < MAX_RESULT_CHARS + 40


def test_a_step_limit_below_one_is_refused(tiny_engine):
    with pytest.raises(ConfigurationError, match="max_steps"):
        Agent(_caller(tiny_engine, get_weather), max_steps=0)
