"""``fncall serve`` under hostile clients, on loopback: half the clients send valid requests,
a quarter send the hostile bodies of issue 19 (regex bombs, ``$ref`` fan-outs, lone
surrogates, cross-site and rebinding requests, deep JSON), a quarter are slow clients
(partial headers, or a body that never finishes), each for ``--seconds``, then stop.

Prints, for valid requests: count, p50/p95 latency, 5xx; for hostile ones: count, the
statuses, 5xx (must be 0) and the slowest answer; for slow clients: how long the server
held each connection; and the server's RSS before and after.

    .venv/bin/python benchmarks/server_hostile.py [--clients 32] [--seconds 60] [--model DIR]
    .venv/bin/python benchmarks/server_hostile.py --alone   # each hostile request once, idle
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from server_load import MODEL_NAME, free_port, request_body, served_model, wait_until_up

HOSTILE = (
    "pattern ^(.+)+X$, minLength 40",
    "$ref fan-out, 20 levels",
    "pattern '('",
    "lone surrogate in a message",
    "lone surrogate as the model",
    "text/plain with a foreign Origin",
    "rebinding Host",
    "5,000-deep JSON",
)


def _tool(parameters: dict[str, Any]) -> dict[str, Any]:
    return {"type": "function", "function": {"name": "f", "parameters": parameters}}


def _fan_out(levels: int) -> dict[str, Any]:
    defs: dict[str, Any] = {"l0": {"type": "string"}}
    for i in range(1, levels + 1):
        ref = {"$ref": f"#/$defs/l{i - 1}"}
        defs[f"l{i}"] = {"type": "object", "properties": {"a": ref, "b": ref}}
    return {"type": "object", "properties": {"x": {"$ref": f"#/$defs/l{levels}"}}, "$defs": defs}


def hostile_requests() -> list[tuple[bytes, dict[str, str]]]:
    """(body, headers) pairs, each a client's attack or mistake (in :data:`HOSTILE` order)."""
    user = [{"role": "user", "content": "What is the weather in Paris?"}]
    bomb = {"type": "string", "pattern": "^(.+)+X$", "minLength": 40, "maxLength": 48}
    bodies: list[Any] = [
        {"messages": user, "tools": [_tool({"type": "object", "properties": {"x": bomb}})],
         "tool_choice": "required"},
        {"messages": user, "tools": [_tool(_fan_out(20))]},
        {"messages": user, "tools": [_tool({"type": "object", "properties": {
            "x": {"type": "string", "pattern": "("}}})]},
        {"messages": [{"role": "user", "content": "\ud800"}]},
        {"messages": user, "model": "\ud800"},
    ]  # fmt: skip
    json_headers = {"content-type": "application/json"}
    out = [(json.dumps({"model": MODEL_NAME, **b}).encode(), json_headers) for b in bodies]
    valid = json.dumps({"model": MODEL_NAME, "messages": user}).encode()
    out += [
        (valid, {"content-type": "text/plain", "origin": "http://evil.example"}),
        (valid, {**json_headers, "host": "rebind.attacker.example"}),
        (b"[" * 5000 + b"]" * 5000, json_headers),
    ]
    return out


async def valid_client(http: httpx.AsyncClient, stop_at: float, tally: dict[str, Any]) -> None:
    while time.monotonic() < stop_at:
        nonce = secrets.token_hex(4)
        started = time.perf_counter()
        response = await http.post("/v1/chat/completions", json=request_body(nonce, False, 32))
        tally["valid_latency"].append(time.perf_counter() - started)
        tally["valid_status"][response.status_code] += 1


async def hostile_client(
    http: httpx.AsyncClient, number: int, stop_at: float, tally: dict[str, Any]
) -> None:
    requests = hostile_requests()
    sent = number
    while time.monotonic() < stop_at:
        body, headers = requests[sent % len(requests)]
        started = time.perf_counter()
        response = await http.post("/v1/chat/completions", content=body, headers=headers)
        tally["hostile_latency"].append(time.perf_counter() - started)
        status = response.status_code
        if status >= 500 and response.json()["error"]["type"] == "model_error":
            status = "500 model_error"  # the model's output failed validation: documented
        tally["hostile_status"][status] += 1
        sent += 1


async def slow_client(port: int, number: int, stop_at: float, tally: dict[str, Any]) -> None:
    while time.monotonic() < stop_at:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        started = time.monotonic()
        if number % 2:
            writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: ")
        else:
            writer.write(
                b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
            )
        await writer.drain()
        try:
            while await asyncio.wait_for(reader.read(4096), timeout=120):
                pass
        except (TimeoutError, ConnectionError):
            pass
        tally["held"].append(time.monotonic() - started)
        writer.close()


async def run(port: int, clients: int, seconds: float) -> dict[str, Any]:
    tally: dict[str, Any] = {
        "valid_latency": [],
        "valid_status": collections.Counter(),
        "hostile_latency": [],
        "hostile_status": collections.Counter(),
        "held": [],
    }
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    url = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as http:
        stop_at = time.monotonic() + seconds
        valid, hostile = clients // 2, clients // 4
        slow = clients - valid - hostile
        await asyncio.gather(
            *(valid_client(http, stop_at, tally) for _ in range(valid)),
            *(hostile_client(http, i, stop_at, tally) for i in range(hostile)),
            *(slow_client(port, i, stop_at, tally) for i in range(slow)),
        )
    return tally


def each_alone(port: int) -> int:
    """Each hostile request once, on an idle server: its status, code and time."""
    url = f"http://127.0.0.1:{port}/v1/chat/completions"
    for name, (body, headers) in zip(HOSTILE, hostile_requests(), strict=True):
        started = time.perf_counter()
        response = httpx.post(url, content=body, headers=headers, timeout=60)
        took = (time.perf_counter() - started) * 1000
        code = response.json().get("error", {}).get("code")
        print(f"{name:<36} {response.status_code} {code or '':<24} {took:6.0f} ms")
    return 0


def server_errors(tally: dict[str, Any]) -> int:
    """5xx answers that are not the model's own failure."""
    statuses = tally["valid_status"] + tally["hostile_status"]
    return sum(n for s, n in statuses.items() if isinstance(s, int) and s >= 500)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: house model, else tiny)")
    parser.add_argument("--dialect", help="dialect (default: the model's fncall.json)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--alone", action="store_true", help="send each hostile request once to an idle server"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        model, dialect, label = served_model(args.model, args.dialect, Path(scratch))
        port = free_port()
        command = [sys.executable, "-m", "fncall.cli", "serve", "--model", model,
                   "--port", str(port), "--model-name", MODEL_NAME, "--max-tokens", "32",
                   "--max-queue", "256"]  # fmt: skip
        if dialect:
            command += ["--dialect", dialect]
        log_path = Path(scratch) / "access.log"
        with open(log_path, "w") as log:
            server = subprocess.Popen(command, stderr=log, env={**os.environ})
            try:
                wait_until_up(f"http://127.0.0.1:{port}", server, log_path)
                if args.alone:
                    return each_alone(port)
                before = rss_mb(server.pid)
                tally = asyncio.run(run(port, args.clients, args.seconds))
                after = rss_mb(server.pid)
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=10).status_code
            finally:
                server.terminate()
                server.wait(30)
    report(tally, label, args, before, after, health)
    fives = server_errors(tally)
    return 1 if fives or health != 200 else 0


def report(
    tally: dict[str, Any], label: str, args: Any, before: float, after: float, health: int
) -> None:
    def pct(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0

    valid, hostile = tally["valid_latency"], tally["hostile_latency"]
    print(f"{label}, {args.clients} clients for {args.seconds:g} s on loopback")
    print(
        f"valid:   {len(valid)} requests, p50 {pct(valid, 50):.0f} ms, p95 {pct(valid, 95):.0f} "
        f"ms, statuses {dict(sorted(tally['valid_status'].items()))}"
    )
    print(
        f"hostile: {len(hostile)} requests, p95 {pct(hostile, 95):.0f} ms, slowest "
        f"{max(hostile, default=0) * 1000:.0f} ms, statuses "
        f"{dict(sorted(tally['hostile_status'].items(), key=str))}"
    )
    held = tally["held"]
    print(
        f"slow:    {len(held)} connections, held for at most {max(held, default=0):.1f} s "
        f"(median {statistics.median(held) if held else 0:.1f} s)"
    )
    fives = server_errors(tally)
    print(
        f"5xx other than model_error: {fives}; /health after: {health}; "
        f"server RSS {before:.0f} -> {after:.0f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
