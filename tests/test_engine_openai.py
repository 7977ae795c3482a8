"""The OpenAI-compatible HTTP engine against a real llama-cpp-python server on loopback
(skipped without llama-cpp-python[server]).

The server runs the tiny GGUF model of :mod:`tests.engine_fixtures`; its answers are compared
with the in-process llama.cpp engine on the same file. Failure modes a real server cannot
be made to produce on demand (a body that is not JSON, a completion without choices) come
from a small stdlib HTTP server that answers with fixed bytes.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from transformers import PreTrainedTokenizerFast

from fncall.engines import GenerationRequest, Sampling, load_engine
from fncall.engines.llamacpp import LlamaCppEngine
from fncall.engines.openai_http import OpenAIEngine
from fncall.errors import ConfigurationError, EngineError
from fncall.grammar.ir import Grammar, Rep, chars
from tests.engine_fixtures import (
    CALL_PATTERN,
    TinyModel,
    call_grammar,
    tiny_model,  # noqa: F401 - a fixture
)

N_CTX = 256
PROMPTS = ["the weather in Paris", 'get_weather(city="Ber']


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tiny_model: TinyModel, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: F811
    """``python -m llama_cpp.server`` serving the tiny model; yields its base URL."""
    pytest.importorskip("llama_cpp.server.app", reason="needs llama-cpp-python[server]")
    port = free_port()
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(tiny_model.gguf),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(N_CTX),
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        wait_until_up(base, process, log_path)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(base: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            if httpx.get(f"{base}/models", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the server did not answer within 60 s:\n{log_path.read_text()}")


@pytest.fixture(scope="module")
def engine(server: str) -> Iterator[OpenAIEngine]:
    with OpenAIEngine(server, grammar_field="llamacpp", timeout=30) as engine:
        yield engine


@pytest.fixture(scope="module")
def local(tiny_model: TinyModel) -> Iterator[LlamaCppEngine]:  # noqa: F811
    pytest.importorskip("llama_cpp")
    with LlamaCppEngine(str(tiny_model.gguf), n_ctx=N_CTX) as engine:
        yield engine


@pytest.fixture(scope="module")
def tokenizer(tiny_model: TinyModel) -> PreTrainedTokenizerFast:  # noqa: F811
    return PreTrainedTokenizerFast.from_pretrained(str(tiny_model.hf_dir))


def greedy(prompt: str, max_tokens: int, **kw: object) -> GenerationRequest:
    return GenerationRequest(prompt, sampling=Sampling(max_tokens=max_tokens), **kw)


# --- a real server -----------------------------------------------------------------------


@pytest.mark.parametrize("prompt", PROMPTS)
def test_greedy_completion_matches_the_in_process_engine(
    engine: OpenAIEngine,
    local: LlamaCppEngine,
    tokenizer: PreTrainedTokenizerFast,
    prompt: str,
) -> None:
    [remote] = engine.generate([greedy(prompt, 12)])
    assert remote == local.generate([greedy(prompt, 12)])[0]
    assert remote.prompt_tokens == len(tokenizer.encode(prompt))
    assert remote.finish_reason == "length"
    assert remote.completion_tokens == 12


def test_sampling_matches_the_in_process_engine(
    engine: OpenAIEngine, local: LlamaCppEngine
) -> None:
    # The server would otherwise sample from its own defaults (top_k 40, min_p 0.05, repeat
    # penalty 1.1) rather than the plain temperature/top_p distribution. The grammar keeps
    # the text ASCII, which both sides decode alike.
    letters = Grammar({"start": Rep(chars("a-z "), 24, 24)})
    requests = [
        GenerationRequest("the", sampling=Sampling(64, temperature=1.0, seed=s), grammar=letters)
        for s in range(4)
    ]
    remote = engine.generate(requests)
    assert remote == local.generate(requests)
    assert len({g.text for g in remote}) == len(requests)


def test_stop_string_ends_the_completion(engine: OpenAIEngine) -> None:
    [free] = engine.generate([greedy(PROMPTS[1], 12)])
    assert free.text.startswith("BerBer"), free.text  # what the stop below relies on
    [cut] = engine.generate([greedy(PROMPTS[1], 12, stop=("rB",))])
    assert cut.text == "Be"
    assert cut.finish_reason == "stop"
    assert cut.completion_tokens < free.completion_tokens


def test_grammar_goes_to_the_server(engine: OpenAIEngine) -> None:
    grammar = call_grammar()
    requests = [
        GenerationRequest("Call:", sampling=Sampling(64, temperature=1.0, seed=s), grammar=grammar)
        for s in range(6)
    ]
    generations = engine.generate(requests)
    for generation in generations:
        assert CALL_PATTERN.fullmatch(generation.text), generation.text
        assert generation.finish_reason == "stop"
    free = engine.generate([GenerationRequest(r.prompt, sampling=r.sampling) for r in requests])
    assert not any(CALL_PATTERN.fullmatch(g.text) for g in free)


def test_concurrent_batch_comes_back_in_order(engine: OpenAIEngine) -> None:
    requests = [greedy(PROMPTS[i % 2], n) for i, n in enumerate((7, 2, 5, 3, 6, 1))]
    batch = engine.generate(requests)
    assert [g.completion_tokens for g in batch] == [7, 2, 5, 3, 6, 1]
    assert batch == [engine.generate([r])[0] for r in requests]


def test_registry_builds_the_engine(server: str) -> None:
    with load_engine("openai", server, concurrency=2) as engine:
        assert engine.generate([greedy("the", 2)])[0].completion_tokens == 2


def test_server_side_error_carries_the_servers_message(engine: OpenAIEngine, server: str) -> None:
    with pytest.raises(EngineError) as error:
        engine.generate([greedy("the weather " * 200, 4)])
    message = str(error.value)
    assert f"{server}/completions" in message
    assert "HTTP 400" in message
    assert "maximum context length" in message


def test_wrong_path_is_a_404_error(server: str) -> None:
    with (
        OpenAIEngine(server.removesuffix("/v1") + "/nope") as engine,
        pytest.raises(EngineError, match=r"nope/completions: HTTP 404: Not Found"),
    ):
        engine.generate([greedy("the", 1)])


def test_closed_port_is_an_engine_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with OpenAIEngine(url) as engine, pytest.raises(EngineError, match="request failed") as error:
        engine.generate([greedy("the", 1)])
    assert url in str(error.value)


# --- what is sent, and answers a real server would not give ------------------------------


class FixedServer:
    """Answers every POST with ``answer(request body)``, a fixed status and body by default,
    and records the bodies it got and the most requests it was handling at once."""

    def __init__(
        self,
        status: int = 200,
        body: bytes = b"",
        answer: Callable[[dict], tuple[int, bytes]] | None = None,
    ) -> None:
        self.received: list[dict] = []
        self.most_in_flight = 0
        in_flight = 0
        lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                nonlocal in_flight
                request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with lock:
                    outer.received.append(request)
                    in_flight += 1
                    outer.most_in_flight = max(outer.most_in_flight, in_flight)
                try:
                    code, data = answer(request) if answer else (status, body)
                finally:
                    with lock:
                        in_flight -= 1
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> FixedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


OK_BODY = json.dumps(
    {
        "choices": [{"text": "hi", "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1},
    }
).encode()


def test_batches_run_concurrently_within_the_bound_and_return_in_order() -> None:
    def echo_slowly(request: dict) -> tuple[int, bytes]:
        time.sleep(0.05 * (8 - int(request["prompt"])))  # later prompts finish first
        choice = {"text": request["prompt"], "finish_reason": "stop"}
        usage = {"prompt_tokens": 1, "completion_tokens": 1}
        return 200, json.dumps({"choices": [choice], "usage": usage}).encode()

    prompts = [str(i) for i in range(8)]
    with FixedServer(answer=echo_slowly) as fake, OpenAIEngine(fake.url, concurrency=3) as engine:
        generations = engine.generate([GenerationRequest(p) for p in prompts])
    assert [g.text for g in generations] == prompts
    assert fake.most_in_flight == 3


def test_vllm_gets_the_lark_grammar_and_neutral_sampling() -> None:
    grammar = call_grammar()
    request = GenerationRequest(
        "p", stop=("\n",), sampling=Sampling(9, temperature=0.5, seed=4), grammar=grammar
    )
    with (
        FixedServer(200, OK_BODY) as fake,
        OpenAIEngine(fake.url, model_name="m", grammar_field="vllm") as engine,
    ):
        [generation] = engine.generate([request])
    assert generation.text == "hi"
    assert (generation.prompt_tokens, generation.completion_tokens) == (3, 1)
    [body] = fake.received
    assert body["structured_outputs"] == {"grammar": grammar.lark}
    assert "grammar" not in body
    assert body["model"] == "m"
    assert body["prompt"] == "p"
    assert body["stop"] == ["\n"]
    assert (body["max_tokens"], body["temperature"], body["seed"]) == (9, 0.5, 4)
    assert (body["top_k"], body["min_p"], body["repetition_penalty"]) == (-1, 0.0, 1.0)


def test_no_grammar_field_refuses_grammar_requests() -> None:
    with FixedServer(200, OK_BODY) as fake, OpenAIEngine(fake.url, grammar_field="none") as engine:
        assert not engine.supports_grammar
        with pytest.raises(EngineError, match="grammar"):
            engine.generate([GenerationRequest("p", grammar=call_grammar())])
        assert engine.generate([GenerationRequest("p")])[0].text == "hi"
    assert OpenAIEngine(fake.url).supports_grammar  # per instance, not per class


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (200, b"<html>oops</html>", "not JSON: <html>oops</html>"),
        (200, b'{"choices": []}', "no choices"),
        (200, b'{"choices": [{"text": "x", "finish_reason": "stop"}]}', "no token counts"),
        (200, b'{"choices": [{"text": "x", "finish_reason": "abort"}]}', "'abort'"),
        (500, b'{"error": {"message": "CUDA out of memory"}}', "HTTP 500: CUDA out of memory"),
        (503, b"upstream down", "HTTP 503: upstream down"),
    ],
)
def test_malformed_answers_are_engine_errors(status: int, body: bytes, message: str) -> None:
    with (
        FixedServer(status, body) as fake,
        OpenAIEngine(fake.url) as engine,
        pytest.raises(EngineError, match=re.escape(message)) as error,
    ):
        engine.generate([GenerationRequest("p")])
    assert str(error.value).startswith(f"{fake.url}/completions: ")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"model": "127.0.0.1:8080"}, "base URL"),
        ({"model": "http://x/v1", "grammar_field": "xgrammar"}, "grammar_field"),
        ({"model": "http://x/v1", "concurrency": 0}, "concurrency"),
        ({"model": "http://x/v1", "timeout": 0}, "timeout"),
    ],
)
def test_invalid_options(options: dict, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        OpenAIEngine(**options)
