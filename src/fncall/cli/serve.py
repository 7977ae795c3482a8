"""``fncall serve``: a model behind an OpenAI-compatible API, with a web chat page."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from fncall.cli._options import MCP_HELP, caller_settings, decoding_options, model_options

if TYPE_CHECKING:
    from fncall.server import ServerConfig, Toolset


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``serve``."""
    serve = commands.add_parser(
        "serve",
        help="serve a model over an OpenAI-compatible API (/v1/chat/completions)",
        description="Serve a model over OpenAI's chat-completions API, so the openai SDK, "
        "LangChain and chat UIs can use it, with tool_choice enforced and every call "
        "validated. The sampling options are the defaults of requests that give none. One "
        "JSON access-log line per request goes to stderr.",
        parents=[
            model_options("model directory, GGUF file or server URL"),
            decoding_options(),
        ],
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: loopback)"
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--api-key",
        default=os.environ.get("FNCALL_API_KEY"),
        help="require 'Authorization: Bearer KEY' on /v1/* (default: $FNCALL_API_KEY, else none)",
    )
    serve.add_argument("--model-name", help="the model id clients send (default: the model's name)")
    serve.add_argument("--max-batch", type=int, default=8, help="requests generated together")
    serve.add_argument(
        "--max-queue", type=int, default=64, help="requests that may wait; more get HTTP 429"
    )
    serve.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    serve.add_argument(
        "--max-tokens-limit", type=int, default=4096, help="largest max_tokens a request may ask"
    )
    serve.add_argument("--max-tools", type=int, default=128, help="most tools in one request")
    serve.add_argument(
        "--max-body-bytes", type=int, default=1_048_576, help="largest request body (HTTP 413)"
    )
    serve.add_argument(
        "--log-prompts", action="store_true", help="put messages and outputs in the access log"
    )
    serve.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a Host name to answer to besides loopback and --host (repeatable; '*' for any, "
        "'*.example.com' for subdomains); others get HTTP 400 (DNS rebinding)",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a web origin (https://app.example.com, or '*') whose pages may call the API "
        "(repeatable); other foreign Origin headers get HTTP 403",
    )
    serve.add_argument(
        "--tools",
        metavar="FILE",
        help="a tool library (Python module, JSON, OpenAPI, ...) that requests without "
        "tools draw from, each offered the --retrieve K that fit it; the web page offers it",
    )
    serve.add_argument(
        "--mcp",
        action="append",
        default=[],
        metavar="COMMAND_OR_URL",
        help=f"{MCP_HELP}; the web page offers its tools and the server runs each call the "
        "user approves there",
    )
    serve.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    from fncall.server import ServerConfig, create_app

    library = None
    if args.tools:
        from fncall.tools import load_tools

        library = load_tools(args.tools)
    config = ServerConfig(
        caller=caller_settings(args),
        model_name=args.model_name,
        api_key=args.api_key,
        max_body_bytes=args.max_body_bytes,
        max_tools=args.max_tools,
        max_tokens_limit=args.max_tokens_limit,
        max_batch=args.max_batch,
        max_queue=args.max_queue,
        timeout=args.timeout,
        log_prompts=args.log_prompts,
        allowed_hosts=(*args.allowed_host, args.host),
        cors_origins=tuple(args.cors_origin),
        library=library,
    )
    with ExitStack() as stack:
        toolsets: list[Toolset] = []
        for target in args.mcp:
            toolsets.append(_mcp_toolset(target, stack, {t.id for t in toolsets}))
        app = create_app(config, toolsets=toolsets)
        _serve(app, config, args)
    return 0


def _mcp_toolset(target: str, stack: ExitStack, taken: set[str]) -> Toolset:
    """An MCP server's tools as a tool set of the web page (its id unlike those ``taken``:
    two servers may share a name)."""
    from fncall.server import Toolset
    from fncall.tools.mcp_servers import McpServer
    from fncall.tools.spec import ToolSet

    server = stack.enter_context(McpServer(target))
    toolset_id, n = f"mcp-{server.name}", 1
    while toolset_id in taken:
        n += 1
        toolset_id = f"mcp-{server.name}-{n}"
    return Toolset(
        toolset_id,
        f"{server.name} (MCP)",
        f"The tools of the MCP server {target}.",
        ToolSet(server.tools),
    )


def _serve(app: Any, config: ServerConfig, args: argparse.Namespace) -> None:
    from fncall.server import serve

    access = logging.getLogger("fncall.server.access")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False
    state = app.state
    auth = "bearer token required" if config.api_key else "no auth"
    print(
        f"serving {state.model_name} ({state.caller.dialect.name}, {state.caller.engine.name}) "
        f"on http://{args.host}:{args.port}/v1 ({auth})",
        file=sys.stderr,
    )
    if not config.api_key and args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"warning: listening on {args.host} without an API key: anyone who can reach it "
            "can use the model (pass --api-key or set FNCALL_API_KEY)",
            file=sys.stderr,
        )
    if args.host in ("0.0.0.0", "::") and not args.allowed_host:
        print(
            f"warning: on {args.host}, requests must name this machine by a loopback address "
            "or an --allowed-host NAME (the name or address clients use); others get HTTP 400",
            file=sys.stderr,
        )
    serve(app, args.host, args.port)
