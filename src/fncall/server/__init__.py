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
:mod:`~fncall.server.service` (what the generating routes share),
:mod:`~fncall.server.app` (the chat routes), :mod:`~fncall.server.responses` (the
Responses API), :mod:`~fncall.server.completions` (raw completions),
:mod:`~fncall.server.webchat` (the page and its tool sets) and
:mod:`~fncall.server.launch` (uvicorn).
"""

from fncall.server.app import create_app
from fncall.server.config import ServerConfig
from fncall.server.launch import ServerThread, serve
from fncall.server.webchat import Toolset

__all__ = ["ServerConfig", "ServerThread", "Toolset", "create_app", "serve"]
