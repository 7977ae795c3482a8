"""A bounded load test of ``fncall serve`` on loopback.

Starts the server itself (a ``fncall serve`` subprocess), then runs ``--clients`` concurrent
clients for ``--seconds``; each sends chat completions back to back and then stops. Every
request offers one tool whose name carries a nonce unique to that request, with
``tool_choice: "required"``, so the call in the answer must name the client's own tool: an
answer delivered to the wrong client would be caught. One request in four is streamed.

Prints requests per second, p50/p95 latency, the status counts, 5xx and misdelivered
answers (both must be zero), and how many access-log lines the server wrote.

    .venv/bin/python benchmarks/server_load.py [--clients 32] [--seconds 60]
        [--model DIR --dialect NAME] [--max-batch 8] [--max-tokens 128]

Without ``--model`` it serves the bundled house model when there is one, else a tiny
random-weight model built like the tests' (``hermes`` dialect).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from fncall.demo import everyday
from fncall.dialects import list_dialects
from fncall.errors import EngineError
from fncall.house import house_model
from fncall.tools import toolset
from fncall.tools.callables import tools_from_module
from fncall.train.model import random_model

MARKERS = ("<bot_end>", "<human_end>", "<|im_start|>", "<|im_end|>", "<tool_call>", "</tool_call>")
MODEL_NAME = "bench"


def tiny_model(directory: Path) -> Path:
    """The tests' tiny random model: 2 layers, a 1,000-token tokenizer that knows every
    dialect's markers."""
    tools = toolset(tools_from_module(everyday))
    texts = []
    for dialect in list_dialects():
        try:
            texts.append(dialect.render(tools, "What is the weather in Paris, in celsius?"))
        except Exception:  # dialects that cannot render these tools
            continue
    texts.append("".join(chr(c) for c in range(32, 127)) * 2)
    return random_model(directory, texts * 4, 1000, MARKERS, metadata={"dialect": "hermes"})


def served_model(
    model: str | None, dialect: str | None, scratch: Path
) -> tuple[str, str | None, str]:
    """(model, dialect, label) to serve: the one given, else the house model, else a tiny
    random model made in ``scratch``."""
    if model is not None:
        return model, dialect, model
    try:
        return str(house_model()), dialect, "house model"
    except EngineError:
        return str(tiny_model(scratch / "tiny")), dialect or "hermes", "tiny random model (hermes)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request_body(nonce: str, stream: bool, max_tokens: int) -> dict[str, Any]:
    """A request only the client that sent it can be the answer to."""
    return {
        "model": MODEL_NAME,
        "messages": [{"role": "user", "content": f"Look up {nonce}."}],
        "tools": [
            {
                "type": "function",
                "function": {
                    "name": f"lookup_{nonce}",
                    "description": "Look a key up.",
                    "parameters": {
                        "type": "object",
                        "properties": {"key": {"type": "string", "maxLength": 8}},
                        "required": ["key"],
                    },
                },
            }
        ],
        "tool_choice": "required",
        "max_tokens": max_tokens,
        "temperature": 0.7,
        "seed": int(nonce[:8], 16),
        "user": nonce,
        "stream": stream,
    }


def called_name(response: httpx.Response, streamed_lines: list[str] | None) -> str | None:
    """The name of the first call in an answer (streamed or not)."""
    if streamed_lines is None:
        calls = response.json()["choices"][0]["message"].get("tool_calls") or []
        return calls[0]["function"]["name"] if calls else None
    for line in streamed_lines:
        if line.startswith("data: {"):
            data = json.loads(line[6:])
            for choice in data.get("choices", []):
                for call in choice["delta"].get("tool_calls") or []:
                    if call.get("function", {}).get("name"):
                        return call["function"]["name"]
    return None


async def client(
    http: httpx.AsyncClient, number: int, stop_at: float, max_tokens: int, tally: dict[str, Any]
) -> None:
    sent = 0
    while time.monotonic() < stop_at:
        nonce = secrets.token_hex(4)
        stream = sent % 4 == 3
        body = request_body(nonce, stream, max_tokens)
        started = time.perf_counter()
        try:
            if stream:
                async with http.stream("POST", "/v1/chat/completions", json=body) as response:
                    lines = [line async for line in response.aiter_lines()]
                    if response.status_code != 200:
                        await response.aread()
            else:
                response = await http.post("/v1/chat/completions", json=body)
                lines = None
        except httpx.HTTPError as exc:
            tally["transport_errors"].append(f"client {number}: {type(exc).__name__}: {exc}")
            sent += 1
            continue
        tally["latencies"].append(time.perf_counter() - started)
        tally["status"][response.status_code] += 1
        if response.status_code == 200:
            name = called_name(response, lines)
            if name is None:
                tally["no_call"] += 1  # cut by max_tokens: finish_reason length
            elif name != f"lookup_{nonce}":
                tally["misdelivered"].append(f"client {number} got {name}, sent {nonce}")
        sent += 1


async def run_load(url: str, clients: int, seconds: float, max_tokens: int) -> dict[str, Any]:
    tally: dict[str, Any] = {
        "latencies": [],
        "status": collections.Counter(),
        "misdelivered": [],
        "transport_errors": [],
        "no_call": 0,
    }
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as http:
        started = time.monotonic()
        stop_at = started + seconds
        await asyncio.gather(*(client(http, i, stop_at, max_tokens, tally) for i in range(clients)))
        tally["elapsed"] = time.monotonic() - started
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: house model, else tiny)")
    parser.add_argument("--dialect", help="dialect (default: the model's fncall.json)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-batch", type=int, default=8)
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        model, dialect, label = served_model(args.model, args.dialect, Path(scratch))
        port = free_port()
        command = [
            sys.executable, "-m", "fncall.cli", "serve", "--model", model, "--port", str(port),
            "--model-name", MODEL_NAME, "--max-batch", str(args.max_batch),
            "--max-queue", str(max(64, args.clients)), "--max-tokens", str(args.max_tokens),
            "--max-tokens-limit", str(args.max_tokens),
        ]  # fmt: skip
        if dialect:
            command += ["--dialect", dialect]
        log_path = Path(scratch) / "access.log"
        url = f"http://127.0.0.1:{port}"
        with open(log_path, "w") as log:
            server = subprocess.Popen(command, stderr=log, env={**os.environ})
            try:
                wait_until_up(url, server, log_path)
                tally = asyncio.run(run_load(url, args.clients, args.seconds, args.max_tokens))
            finally:
                server.terminate()
                server.wait(30)
        access_lines = [
            json.loads(line)
            for line in log_path.read_text().splitlines()
            if line.startswith('{"ts"')
        ]
    report(tally, access_lines, args, label)
    bad = tally["misdelivered"] or tally["transport_errors"]
    return 1 if bad or any(s >= 500 for s in tally["status"]) else 0


def wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not come up in 120 s")


def report(tally: dict[str, Any], access: list[dict[str, Any]], args: Any, label: str) -> None:
    latencies = sorted(tally["latencies"])
    done = len(latencies)
    cuts = statistics.quantiles(latencies, n=100) if done >= 2 else [float("nan")] * 99
    chat_lines = [a for a in access if a.get("path") == "/v1/chat/completions"]
    figures = {
        "model": label,
        "clients": args.clients,
        "seconds": round(tally["elapsed"], 1),
        "max_batch": args.max_batch,
        "max_tokens": args.max_tokens,
        "requests": done,
        "rps": round(done / tally["elapsed"], 2),
        "p50_ms": round(cuts[49] * 1000, 1),
        "p95_ms": round(cuts[94] * 1000, 1),
        "status": {str(k): v for k, v in sorted(tally["status"].items())},
        "5xx": sum(v for k, v in tally["status"].items() if k >= 500),
        "misdelivered": len(tally["misdelivered"]),
        "transport_errors": len(tally["transport_errors"]),
        "answers_cut_by_max_tokens": tally["no_call"],
        "access_log_lines": len(chat_lines),
    }
    print(
        f"{label}: {args.clients} clients for {figures['seconds']} s, batch {args.max_batch}, "
        f"max_tokens {args.max_tokens}"
    )
    print(
        f"  {done} requests, {figures['rps']} req/s, p50 {figures['p50_ms']} ms, "
        f"p95 {figures['p95_ms']} ms"
    )
    print(
        f"  status {figures['status']}, 5xx {figures['5xx']}, misdelivered "
        f"{figures['misdelivered']}, transport errors {figures['transport_errors']}, "
        f"cut by max_tokens {figures['answers_cut_by_max_tokens']}, "
        f"access-log lines {figures['access_log_lines']}"
    )
    for problem in (tally["misdelivered"] + tally["transport_errors"])[:5]:
        print(f"  ! {problem}")
    print(json.dumps(figures))


if __name__ == "__main__":
    sys.exit(main())
