"""``fncall serve``: an OpenAI-compatible chat-completions server for any fncall model, with
the guarantees peer servers lack: ``tool_choice`` enforced by the grammar, only validated
calls returned (streamed or not), and a 4xx naming the field for anything unsupported
instead of a silent fallback.

Modules: :mod:`~fncall.server.protocol` (the request, strictly read),
:mod:`~fncall.server.translate` (OpenAI requests to fncall's),
:mod:`~fncall.server.answers` (fncall answers and errors to OpenAI's JSON),
:mod:`~fncall.server.scheduler` (the engine's worker thread and queue),
:mod:`~fncall.server.gate` and :mod:`~fncall.server.stream` (streaming),
:mod:`~fncall.server.guards` (auth, body size), :mod:`~fncall.server.accesslog`,
:mod:`~fncall.server.app` (the routes) and :mod:`~fncall.server.launch` (uvicorn).
"""

from fncall.server.app import create_app
from fncall.server.config import ServerConfig
from fncall.server.launch import ServerThread, serve

__all__ = ["ServerConfig", "ServerThread", "create_app", "serve"]
