"""The web chat page: its API (``/v1/fncall/toolsets``, ``/v1/fncall/execute``, ``/v1/fncall/
info``, the page and its assets) over HTTP, and the page itself in Debian's headless Chromium
against the real server (the tiny random model, hermes dialect, behind an API key).

Screenshots go to ``build/test-artifacts/webchat-*.png``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from fncall.demo import everyday
from fncall.grammar.values import GrammarLimits
from fncall.retrieval import ToolIndex
from fncall.server import ServerConfig, ServerThread, create_app
from fncall.server.webchat import STATIC
from fncall.settings import CallerSettings
from fncall.tools.callables import tools_from_module
from fncall.tools.spec import ToolSet

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the browser fixture fails, saying how to install it
    expect = sync_playwright = None

KEY = "sk-webchat-test"
AUTH = {"Authorization": f"Bearer {KEY}"}
# Short strings and few items: a random model's calls fit in the token budget.
SMALL = GrammarLimits(max_string=8, max_items=3, max_integer_digits=3, max_calls=2)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "build" / "test-artifacts"
TIMEOUT_MS = 60_000  # a model answer on a busy 2-core machine


def _serve(engine: Any, dialect: str) -> ServerThread:
    settings = CallerSettings(dialect=dialect, limits=SMALL, max_tokens=96)
    config = ServerConfig(settings, model_name="tiny", api_key=KEY)
    return ServerThread(create_app(config, engine))


@pytest.fixture(scope="module")
def server(tiny_engine: Any) -> Iterator[str]:
    """The real server, hermes dialect (multi-turn), behind an API key."""
    with _serve(tiny_engine, "hermes") as thread:
        yield thread.url


def execute(url: str, body: Any, headers: dict[str, str] = AUTH) -> httpx.Response:
    """POST ``body`` to /v1/fncall/execute."""
    return httpx.post(f"{url}/v1/fncall/execute", json=body, headers=headers, timeout=30)


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The error of an OpenAI-shaped error response (checking the shape)."""
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"message", "type", "param", "code"}
    return body["error"]


# --- the page's API -------------------------------------------------------------------------


def test_toolsets_list_the_demo_set_as_openai_tools(server):
    assert httpx.get(f"{server}/v1/fncall/toolsets").status_code == 401  # /v1/* needs the key
    body = httpx.get(f"{server}/v1/fncall/toolsets", headers=AUTH).json()
    assert body["object"] == "list"
    [demo] = body["data"]
    assert demo["id"] == "everyday" and demo["name"] and demo["description"]
    assert demo["executable"] is True
    expected = [tool.to_openai() for tool in tools_from_module(everyday)]
    assert demo["tools"] == expected
    assert all(t["type"] == "function" and t["function"]["parameters"] for t in demo["tools"])


def test_info_says_the_dialect_and_how_it_renders_conversations(server):
    body = httpx.get(f"{server}/v1/fncall/info", headers=AUTH).json()
    assert body["model"] == "tiny" and body["dialect"] == "hermes"
    assert body["conversation"] == "native"


def test_execute_runs_a_demo_tool_after_validation(server):
    ok = execute(
        server, {"toolset": "everyday", "name": "get_weather", "arguments": {"city": "Paris"}}
    )
    assert ok.status_code == 200
    body = ok.json()
    assert body["ok"] is True and body["arguments"] == {"city": "Paris", "unit": "celsius"}
    assert body["result"] == {"city": "Paris", "temperature": 17.5, "unit": "celsius"}
    assert json.loads(body["content"]) == body["result"]
    # arguments as an OpenAI tool_call sends them (a JSON string); the toolset defaults
    text = execute(
        server, {"name": "set_thermostat", "arguments": '{"room": "kitchen", "temperature": 21}'}
    )
    assert text.json()["content"] == "kitchen thermostat set to 21 °C"
    # approving in the page is the approval a tool marked requires_approval needs
    mail = execute(server, {"name": "send_email", "arguments": {"to": "a@b.co", "subject": "Hi"}})
    assert mail.json()["ok"] is True and mail.json()["result"].startswith("email to a@b.co")


def test_a_tool_that_raises_is_a_result_the_model_sees(server):
    response = execute(server, {"name": "get_weather", "arguments": {"city": "Atlantis"}})
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is False and body["error"]["type"] == "ToolRaisedError"
    assert "no weather station for 'Atlantis'" in body["error"]["message"]
    assert json.loads(body["content"]) == {"error": body["error"]["message"]}


@pytest.mark.parametrize(
    ("body", "status", "param", "code", "says"),
    [
        ({"name": "rm_rf"}, 404, "name", "tool_not_found", "has no tool 'rm_rf'"),
        (
            {"toolset": "mine", "name": "x"},
            404,
            "toolset",
            "toolset_not_found",
            "no tool set 'mine'",
        ),
        ({"arguments": {}}, 400, "name", None, "'name' is required"),
        (
            {"name": "get_weather", "arguments": {}},
            400,
            "arguments.city",
            "missing_argument",
            "city",
        ),
        (
            {"name": "get_weather", "arguments": {"city": "Paris", "town": "x"}},
            400,
            "arguments.town",
            "unknown_argument",
            "town",
        ),
        (
            {"name": "get_weather", "arguments": {"city": 3}},
            400,
            "arguments.city",
            "invalid_type",
            "string",
        ),
        (
            {"name": "get_weather", "arguments": {"city": "Paris", "unit": "kelvin"}},
            400,
            "arguments.unit",
            "invalid_value",
            "'kelvin'",
        ),
        (
            {"name": "get_weather", "arguments": "{city"},
            400,
            "arguments",
            "invalid_arguments",
            "not valid JSON",
        ),
        (
            {"name": "get_weather", "arguments": [1]},
            400,
            "arguments",
            "invalid_arguments",
            "an array",
        ),
        ([1, 2], 400, None, "invalid_json", "must be a JSON object"),
    ],
)
def test_execute_refuses_bad_input_naming_what_was_wrong(server, body, status, param, code, says):
    response = execute(server, body)
    assert response.status_code == status
    error = error_of(response)
    assert error["type"] == "invalid_request_error"
    assert (error["param"], error["code"]) == (param, code)
    assert says in error["message"]


def test_execute_needs_the_key_and_a_json_body(server):
    assert execute(server, {"name": "get_weather"}, headers={}).status_code == 401
    headers = {**AUTH, "content-type": "application/json"}
    response = httpx.post(f"{server}/v1/fncall/execute", content=b"{nope", headers=headers)
    assert response.status_code == 400 and "could not parse" in error_of(response)["message"]
    response = httpx.post(f"{server}/v1/fncall/execute", content=b"{}", headers=AUTH)
    assert response.status_code == 415 and "application/json" in error_of(response)["message"]


def test_the_page_and_its_assets_are_public_and_self_contained(server):
    page = httpx.get(server)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("app.js", "api.js", "tools.js", "ui.js", "style.css"):
        assert httpx.get(f"{server}/webchat/{name}").status_code == 200, name
    for name in ("..%2Fwebchat.py", ".hidden", "nope.js", "webchat.py"):
        assert httpx.get(f"{server}/webchat/{name}").status_code == 404, name
    # no CDN, no web fonts: the page works offline
    for path in STATIC.iterdir():
        assert not re.search(r"https?://|url\(|@import", path.read_text()), path.name


# --- the page in Chromium ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright (no downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"the web chat test needs Debian's chromium at {CHROMIUM}: install it with "
            "`apt-get install -y --no-install-recommends chromium` (`make test` does, as root)",
            pytrace=False,
        )
    if sync_playwright is None:
        pytest.fail(
            "the web chat test needs Playwright for Python: .venv/bin/pip install -e '.[dev]' "
            "(never `playwright install`: the test uses Debian's chromium)",
            pytrace=False,
        )
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """A browser tab on the page, recording what it sends to /v1/chat/completions and any
    uncaught script error."""

    def __init__(self, browser: Any, url: str, key: str | None = KEY) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 860})
        self.context.set_default_timeout(TIMEOUT_MS)
        if key:
            self.context.add_init_script(
                f"localStorage.setItem('fncall.apiKey', {json.dumps(key)})"
            )
        self.tab = self.context.new_page()
        self.requests: list[dict[str, Any]] = []
        self.script_errors: list[str] = []
        self.tab.on("pageerror", lambda error: self.script_errors.append(str(error)))
        self.tab.on("request", self._record)
        self.tab.goto(url)

    def _record(self, request: Any) -> None:
        if request.url.endswith("/v1/chat/completions"):
            self.requests.append(json.loads(request.post_data))

    def send(self, text: str, tool_choice: str) -> Any:
        """Send a message; the first proposed call's card."""
        self.tab.select_option("#tool-choice", tool_choice)
        self.tab.fill("#message", text)
        self.tab.click("#send")
        self.tab.locator(".card.call, .message.error").first.wait_for()
        errors = self.tab.locator(".message.error")
        assert errors.count() == 0, errors.all_inner_texts()
        return self.tab.locator(".card.call").first

    def wait_for_answer(self) -> Any:
        """The model's answer, once every call is answered and the model is done."""
        self.tab.wait_for_function(
            "() => !document.querySelector('[aria-busy]')"
            " && !document.querySelector('#send').disabled"
        )
        return self.tab.locator(".message.assistant").last

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.tab.screenshot(path=str(ARTIFACTS / f"webchat-{name}.png"), full_page=True)

    def close(self) -> None:
        """Close the tab; no script error may have escaped the page."""
        self.context.close()
        assert not self.script_errors, self.script_errors


@pytest.fixture
def page(browser, server) -> Iterator[Page]:
    tab = Page(browser, server)
    yield tab
    tab.close()


def _tool_messages(request: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for m in request["messages"] if m["role"] == "tool"]


def test_round_trip_approve_run_and_answer(page, server):
    tab = page.tab
    expect(tab.locator("#model-info")).to_have_text(
        re.compile(r"Model tiny · dialect hermes \(conversations native\)")
    )
    tab.select_option("#toolset", "everyday")
    expect(tab.locator("#tools")).to_contain_text("get_weather")
    card = page.send("What is the weather in Paris?", "required")
    name = card.locator(".name").inner_text()
    assert name in {t.name for t in tools_from_module(everyday)}
    arguments = json.loads(card.locator(".arguments").inner_text())  # pretty-printed JSON
    call_id = card.get_attribute("data-call-id")
    assert (
        call_id and page.requests[-1]["tool_choice"] == "required" and page.requests[-1]["stream"]
    )

    tab.select_option("#tool-choice", "none")
    card.get_by_role("button", name=f"Approve {name}").click()
    expect(card).to_have_attribute("data-state", "approved")
    # the random model's arguments may be nonsense: a result or the tool's error, shown either way
    expect(card.locator(".outcome")).to_contain_text(re.compile("Result|Tool error|did not run"))
    answer = page.wait_for_answer()
    expect(answer.locator(".text")).to_be_visible()
    page.screenshot("round-trip")

    # what the tool said went back to the model, under the call's id, with tool_choice none
    direct = execute(server, {"name": name, "arguments": arguments})
    expected = direct.json()["content"] if direct.status_code == 200 else None
    [tool_message] = _tool_messages(page.requests[-1])
    assert tool_message["tool_call_id"] == call_id and page.requests[-1]["tool_choice"] == "none"
    if expected is not None:
        assert tool_message["content"] == expected
    else:
        message = error_of(direct)["message"]
        assert json.loads(tool_message["content"]) == {"error": message}
        expect(card.locator(".error-message")).to_have_text(message)
    expect(tab.locator("#send")).to_be_enabled()


def test_reject_tells_the_model_and_gets_an_answer_without_streaming(page):
    page.tab.uncheck("#stream")
    card = page.send("Convert 10 EUR to USD", "required")
    name = card.locator(".name").inner_text()
    expect(page.tab.locator("#send")).to_be_disabled()  # calls first
    expect(page.tab.locator("#composer-hint")).to_contain_text("Approve or reject")
    page.tab.select_option("#tool-choice", "none")
    card.get_by_role("button", name=f"Reject {name}").click()
    expect(card).to_have_attribute("data-state", "rejected")
    page.wait_for_answer()
    [tool_message] = _tool_messages(page.requests[-1])
    assert "rejected" in tool_message["content"] and page.requests[-1]["stream"] is False
    page.screenshot("reject")


def test_custom_tools_are_checked_and_their_results_typed_by_the_user(page, server):
    tab = page.tab
    tab.select_option("#toolset", "custom")
    editor, problems = tab.locator("#custom-tools"), tab.locator("#custom-errors")
    editor.fill('[{"type": "function", "function": {"name": "lookup_order",')
    expect(problems).to_contain_text("Not valid JSON")
    expect(editor).to_have_attribute("aria-invalid", "true")
    expect(tab.locator("#send")).to_be_disabled()
    page.screenshot("custom-malformed")
    editor.fill('{"name": "lookup_order"}')
    expect(problems).to_contain_text("must be a JSON array of tools")
    editor.fill('[{"type": "function", "function": {"name": "bad name"}}, 3]')
    expect(problems).to_contain_text("tools[0].function.name")
    expect(problems).to_contain_text("tools[1]: must be an object, not a number")

    # a shape the page accepts but the server refuses: the server's message, verbatim
    odd = [
        {
            "type": "function",
            "function": {
                "name": "odd",
                "parameters": {"type": "object", "properties": {"x": {"type": "frobnicate"}}},
            },
        }
    ]
    editor.fill(json.dumps(odd))
    expect(problems).to_be_empty()
    tab.fill("#message", "hello")
    tab.click("#send")
    refused = httpx.post(
        f"{server}/v1/chat/completions",
        json={
            "model": "tiny",
            "messages": [{"role": "user", "content": "hello"}],
            "tools": odd,
            "tool_choice": "auto",
            "stream": True,
        },
        headers=AUTH,
    )
    assert refused.status_code == 400
    expect(tab.locator(".message.error .error-message")).to_have_text(error_of(refused)["message"])
    expect(tab.locator("#message")).to_have_value("hello")  # back in the box, to try again

    order = {"type": "string", "maxLength": 6}
    lookup = {
        "name": "lookup_order",
        "parameters": {
            "type": "object",
            "properties": {"order_id": order},
            "required": ["order_id"],
        },
    }
    editor.fill(json.dumps([{"type": "function", "function": lookup}]))
    expect(problems).to_be_empty()
    tab.click("#new-chat")
    card = page.send("Where is order 42?", "function:lookup_order")
    expect(card.locator(".name")).to_have_text("lookup_order")
    tab.select_option("#tool-choice", "none")
    card.get_by_role("button", name="Approve lookup_order").click()
    card.get_by_label("Result of lookup_order").fill("Shipped on Monday")
    card.get_by_role("button", name="Send result").click()
    page.wait_for_answer()
    [tool_message] = _tool_messages(page.requests[-1])
    assert tool_message["content"] == "Shipped on Monday"
    assert page.requests[-1]["tools"] == [{"type": "function", "function": lookup}]
    page.screenshot("custom")


def test_a_missing_or_wrong_key_is_asked_for_then_everything_loads(browser, server):
    page = Page(browser, server, key=None)
    tab = page.tab
    prompt = tab.locator("#key-needed")
    expect(prompt).to_contain_text("This server needs an API key")
    expect(tab.locator("#api-key")).to_be_focused()
    expect(tab.locator("#model-info")).to_have_text("Waiting for the API key.")
    expect(tab.locator(".message.error")).to_have_count(0)  # a prompt, not red boxes
    tab.fill("#api-key", "sk-wrong")
    tab.locator("#api-key").press("Tab")
    expect(prompt).to_contain_text("The server refused this key (Incorrect API key provided")
    tab.fill("#api-key", KEY)
    tab.locator("#api-key").press("Tab")  # change: saved, and everything reloaded
    expect(tab.locator("#model-info")).to_contain_text("dialect hermes")
    expect(prompt).to_be_hidden()
    expect(tab.locator("#toolset option")).to_have_count(2)  # everyday and custom
    expect(tab.locator("#tools")).to_contain_text("get_weather")
    expect(tab.locator(".message.error")).to_have_count(0)
    tab.reload()
    expect(tab.locator("#api-key")).to_have_value(KEY)
    expect(tab.locator("#model-info")).to_contain_text("dialect hermes")
    expect(tab.locator(".message.error")).to_have_count(0)
    page.close()


def test_a_conversation_goes_on_over_several_questions(page):
    tab = page.tab
    expect(tab.locator("#tools")).to_contain_text("get_weather")
    cards = tab.locator(".card.call")
    for turn, question in enumerate(["Weather in Paris?", "And in Tokyo?"], start=1):
        before = cards.count()
        page.send(question, "required")
        expect(cards).not_to_have_count(before)  # this turn's calls, not the last turn's
        tab.select_option("#tool-choice", "none")
        approve = tab.locator("button.approve")
        while approve.count():
            approve.first.click()
        answer = page.wait_for_answer()
        expect(answer.locator(".text")).to_be_visible()
        expect(tab.locator(".message.error")).to_have_count(0)
        expect(tab.locator("#send")).to_be_enabled()
        asked = [m["content"] for m in page.requests[-1]["messages"] if m["role"] == "user"]
        assert asked == ["Weather in Paris?", "And in Tokyo?"][:turn]
    # the second answer was asked with the whole conversation: both calls, both results
    last = page.requests[-1]["messages"]
    assert [m["role"] for m in last].count("tool") >= 2
    assert sum(1 for m in last if m["role"] == "assistant" and m.get("tool_calls")) == 2
    page.screenshot("conversation")


def test_a_single_turn_dialect_answers_from_the_tool_result_folded_in(browser, tiny_engine):
    with _serve(tiny_engine, "nexusraven-v2") as thread:
        page = Page(browser, thread.url)
        expect(page.tab.locator("#model-info")).to_contain_text(
            "conversations folded into the query"
        )
        card = page.send("Weather in Paris?", "required")
        page.tab.select_option("#tool-choice", "none")
        approve = page.tab.locator("button.approve")
        while approve.count():  # nexusraven-v2 may make several calls
            approve.first.click()
        expect(card.locator(".outcome")).not_to_be_empty()
        answer = page.wait_for_answer()
        expect(answer.locator(".text")).to_be_visible()
        expect(page.tab.locator(".message.error")).to_have_count(0)
        assert _tool_messages(page.requests[-1])  # the results went back to the model
        page.screenshot("single-turn")
        page.close()


def test_the_servers_library_is_drawn_from_and_run_by_the_server(browser, tiny_engine):
    library = ToolSet(tools_from_module(everyday))
    settings = CallerSettings(
        dialect="hermes", limits=SMALL, max_tokens=96, retrieve=2, retrieval="bm25"
    )
    config = ServerConfig(settings, model_name="tiny", api_key=KEY, library=library)
    with ServerThread(create_app(config, tiny_engine)) as thread:
        page = Page(browser, thread.url)
        page.tab.select_option("#toolset", "library")
        expect(page.tab.locator("#toolset-description")).to_have_text(
            f"The server's library of {len(library)} tools; each message is offered the 2 "
            "that fit it best."
        )
        card = page.send("What is the weather in Paris?", "required")
        assert "tools" not in page.requests[-1]  # the server offers what fits
        name = card.locator(".name").inner_text()
        offered = ToolIndex(library, "bm25").offer("What is the weather in Paris?", 2)
        assert name in offered
        page.tab.select_option("#tool-choice", "none")
        card.get_by_role("button", name=f"Approve {name}").click()
        # run by the server (a result or the tool's own error), not typed in by the user
        expect(card.locator(".outcome")).to_contain_text(re.compile("Result|Tool error"))
        page.wait_for_answer()
        assert _tool_messages(page.requests[-1])
        page.close()


def _sse(*chunks: dict[str, Any]) -> str:
    return "".join(f"data: {json.dumps(chunk)}\r\n\r\n" for chunk in chunks) + "data: [DONE]\n\n"


def test_streamed_text_and_a_mid_stream_error_are_rendered(page):
    """The random model's text is always cut (so the server sends none): canned streams show
    how the page assembles text deltas and shows an error event sent inside a stream."""

    def delta(**fields: Any) -> dict[str, Any]:
        return {"choices": [{"index": 0, "delta": fields, "finish_reason": None}]}

    answers = [
        _sse(
            delta(role="assistant", content=""),
            delta(content="Paris is "),
            delta(content="17.5 °C."),
        ),
        _sse(
            delta(content="Half"),
            {
                "error": {
                    "message": "The request timed out after 1 s.",
                    "type": "server_error",
                    "param": None,
                    "code": "timeout",
                }
            },
        ),
    ]
    page.tab.route(
        "**/v1/chat/completions",
        lambda route: route.fulfill(
            status=200, content_type="text/event-stream", body=answers.pop(0)
        ),
    )
    page.tab.fill("#message", "Weather in Paris?")
    page.tab.click("#send")
    answer = page.wait_for_answer()
    expect(answer.locator(".text")).to_have_text("Paris is 17.5 °C.")
    page.tab.fill("#message", "And in Tokyo?")
    page.tab.click("#send")
    error = page.tab.locator(".message.error")
    expect(error.locator(".error-message")).to_have_text("The request timed out after 1 s.")
    expect(error.locator(".facts")).to_have_text(
        "sent in the stream · type: server_error · code: timeout"
    )
    expect(page.tab.locator(".message.assistant .text").last).to_have_text("Half")  # kept
    expect(page.tab.locator("#message")).to_have_value("And in Tokyo?")
