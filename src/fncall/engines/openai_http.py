"""The OpenAI-compatible HTTP engine: any server with ``POST /v1/completions``.

The prompt is sent as raw text to the completions endpoint (not chat), so the dialect's
rendering is what the model sees. Grammars go in the server's own request field, because
the OpenAI API has none:

- ``llamacpp``: llama.cpp's ``llama-server`` and llama-cpp-python's server read GBNF from
  ``"grammar"``;
- ``vllm``: vLLM reads a Lark grammar from ``"structured_outputs": {"grammar": ...}`` (its
  ``guidance`` backend, llguidance, takes the Lark syntax fncall renders);
- ``none``: a server with no grammar support; requests that carry a grammar are refused.

The same setting names the server family whose sampling defaults are switched off, so only
``temperature`` and ``top_p`` shape sampling and temperature 0 is plain argmax (llama-cpp-
python's server otherwise applies ``top_k`` 40, ``min_p`` 0.05 and a 1.1 repeat penalty).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar, Literal

import httpx

from fncall.engines.base import Engine, FinishReason, Generation, GenerationRequest
from fncall.errors import ConfigurationError, EngineError

GrammarField = Literal["llamacpp", "vllm", "none"]

_NEUTRAL_SAMPLING: dict[str, dict[str, Any]] = {
    "llamacpp": {"top_k": 0, "min_p": 0.0, "repeat_penalty": 1.0},
    # vLLM reads -1 as "no top-k" in every version (newer ones also accept 0).
    "vllm": {"top_k": -1, "min_p": 0.0, "repetition_penalty": 1.0},
    "none": {},
}

# Servers name the ways a completion ends differently (TGI: eos_token, stop_sequence).
_FINISH_REASONS: dict[str, FinishReason] = {
    "stop": "stop",
    "eos": "stop",
    "eos_token": "stop",
    "stop_sequence": "stop",
    "length": "length",
}


class OpenAIEngine(Engine):
    """Completes prompts through an OpenAI-compatible server.

    Args:
        model: The API base URL, e.g. ``http://127.0.0.1:8080/v1`` (requests go to
            ``<model>/completions``).
        model_name: The ``model`` field of each request; omitted when ``None`` (servers that
            serve one model use it).
        api_key: Sent as ``Authorization: Bearer <api_key>`` when given.
        grammar_field: Where the grammar goes: ``llamacpp``, ``vllm`` or ``none``.
        timeout: Seconds to wait for each response.
        concurrency: Requests of one batch in flight at once.

    Raises:
        ConfigurationError: an invalid option (the server is first contacted by
            :meth:`generate`).
    """

    name: ClassVar[str] = "openai"

    def __init__(
        self,
        model: str,
        model_name: str | None = None,
        api_key: str | None = None,
        grammar_field: GrammarField = "llamacpp",
        timeout: float = 60.0,
        concurrency: int = 4,
    ) -> None:
        if not isinstance(model, str) or not model.startswith(("http://", "https://")):
            raise ConfigurationError(
                f"the openai engine needs the server's base URL, such as "
                f"http://127.0.0.1:8080/v1; got {model!r}"
            )
        if grammar_field not in _NEUTRAL_SAMPLING:
            raise ConfigurationError(
                f"grammar_field must be 'llamacpp', 'vllm' or 'none', got {grammar_field!r}"
            )
        if not isinstance(concurrency, int) or concurrency < 1:
            raise ConfigurationError(f"concurrency must be a positive integer, got {concurrency!r}")
        if not isinstance(timeout, int | float) or timeout <= 0:
            raise ConfigurationError(
                f"timeout must be a positive number of seconds, got {timeout!r}"
            )
        self.url = model.rstrip("/") + "/completions"
        self.path = model
        self.model_name = model_name
        self.grammar_field = grammar_field
        self.concurrency = concurrency
        # Per instance: whether grammars are possible depends on the server, not the class.
        self.supports_grammar = grammar_field != "none"  # type: ignore[misc]
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            timeout=timeout,
            headers=headers,
            limits=httpx.Limits(max_connections=concurrency),
        )

    def generate(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Send the requests, up to ``concurrency`` at once, and return results in order.

        Raises:
            EngineError: the first failure, naming the URL and the server's message.
        """
        self.check(requests)
        if len(requests) <= 1 or self.concurrency == 1:
            results = [self._complete(r) for r in requests]
        else:
            with ThreadPoolExecutor(max_workers=min(self.concurrency, len(requests))) as pool:
                futures = [pool.submit(self._complete, r) for r in requests]
                try:
                    results = [f.result() for f in futures]
                except BaseException:
                    for future in futures:
                        future.cancel()
                    raise
        self.deliver_text(requests, results)
        return results

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def payload(self, request: GenerationRequest) -> dict[str, Any]:
        """The JSON body sent for ``request``."""
        sampling = request.sampling
        body: dict[str, Any] = {
            "prompt": request.prompt,
            "max_tokens": sampling.max_tokens,
            "temperature": sampling.temperature,
            "top_p": sampling.top_p,
            "stream": False,
            **_NEUTRAL_SAMPLING[self.grammar_field],
        }
        if self.model_name is not None:
            body["model"] = self.model_name
        if sampling.seed is not None:
            body["seed"] = sampling.seed
        if request.stop:
            body["stop"] = list(request.stop)
        if request.grammar is not None:
            if self.grammar_field == "llamacpp":
                body["grammar"] = request.grammar.gbnf
            elif self.grammar_field == "vllm":
                body["structured_outputs"] = {"grammar": request.grammar.lark}
        return body

    def _complete(self, request: GenerationRequest) -> Generation:
        try:
            response = self._client.post(self.url, json=self.payload(request))
        except httpx.TimeoutException as exc:
            raise EngineError(f"{self.url}: no response in time ({exc})") from exc
        except httpx.HTTPError as exc:
            raise EngineError(f"{self.url}: request failed: {exc}") from exc
        if response.status_code >= 400:
            raise EngineError(
                f"{self.url}: HTTP {response.status_code}: {_server_message(response)}"
            )
        try:
            data = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise EngineError(
                f"{self.url}: the response is not JSON: {_excerpt(response.text)}"
            ) from exc
        return _generation(self.url, data)


def _generation(url: str, data: Any) -> Generation:
    """The one completion in a response body, checked field by field."""
    if not isinstance(data, dict):
        raise EngineError(f"{url}: expected a JSON object, got {_excerpt(json.dumps(data))}")
    if data.get("error"):
        raise EngineError(f"{url}: the server reported an error: {_error_text(data['error'])}")
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise EngineError(f"{url}: the response has no choices: {_excerpt(json.dumps(data))}")
    choice = choices[0]
    text = choice.get("text")
    if not isinstance(text, str):
        raise EngineError(
            f"{url}: the response's choice has no text: {_excerpt(json.dumps(choice))}"
        )
    reason = choice.get("finish_reason")
    if reason not in _FINISH_REASONS:
        raise EngineError(f"{url}: the server ended generation with finish_reason {reason!r}")
    usage = data.get("usage")
    counts = [usage.get(k) if isinstance(usage, dict) else None for k in _USAGE_KEYS]
    if not all(isinstance(c, int) for c in counts):
        raise EngineError(f"{url}: the response has no token counts (usage): {usage!r}")
    return Generation(
        text=text,
        finish_reason=_FINISH_REASONS[reason],
        prompt_tokens=counts[0],
        completion_tokens=counts[1],
    )


_USAGE_KEYS = ("prompt_tokens", "completion_tokens")


def _server_message(response: httpx.Response) -> str:
    """The server's own words about a failed request: ``error.message`` (OpenAI, llama.cpp,
    vLLM), FastAPI's ``detail``, or the body itself."""
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _excerpt(response.text) or response.reason_phrase
    if isinstance(body, dict):
        if body.get("error"):
            return _error_text(body["error"])
        for key in ("detail", "message"):
            if key in body:
                value = body[key]
                return value if isinstance(value, str) else json.dumps(value)
    return _excerpt(json.dumps(body))


def _error_text(error: Any) -> str:
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return error["message"]
    return error if isinstance(error, str) else json.dumps(error)


def _excerpt(text: str, limit: int = 500) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"
