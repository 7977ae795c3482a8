"""How a server is set up: the model, its limits and its protections."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fncall.errors import ConfigurationError
from fncall.settings import CallerSettings
from fncall.tools.spec import ToolSet


@dataclass(frozen=True)
class ServerConfig:
    """Settings of ``fncall serve`` / :func:`fncall.server.create_app`.

    Attributes:
        caller: The model, its dialect and engine, and how it decodes (see
            :class:`fncall.settings.CallerSettings`); its sampling is that of a request that
            gives none (``temperature`` 0, greedy, which function calling wants where
            OpenAI's own default is 1), and with ``beams`` above 1 a request that asks for
            a temperature above 0 is refused.
        model_name: The model id clients send and ``/v1/models`` lists (``None``: the
            model directory's or file's name).
        api_key: When set, every ``/v1/*`` request needs ``Authorization: Bearer <key>``.
        max_body_bytes: Largest request body; larger ones get 413.
        max_tools: Most tools (or legacy functions) in one request.
        max_prompt_tokens: Longest rendered prompt, in tokens (where the engine can count).
        max_tokens_limit: Largest ``max_tokens`` a request may ask for.
        max_batch: Requests generated together on the engine.
        max_queue: Requests that may wait for the engine; more get 429.
        timeout: Seconds a request may take from arrival to its answer; past it, 504.
        log_prompts: Put messages and outputs in the access log (off: ids, timings and
            token counts only).
        allowed_hosts: ``Host`` names the server answers to besides loopback ones
            (``localhost``, ``127.0.0.1``, ``::1``) and the address it is bound to; ``*``
            is any host, ``*.example.com`` any subdomain. Others are refused (DNS
            rebinding).
        cors_origins: Browser origins (``https://app.example.com``, or ``*``) that may call
            the API from their pages; other foreign ``Origin`` headers are refused.
        max_tool_chars: Most characters of tool definitions (names, descriptions, schemas,
            ``$ref`` pointers inlined) in one request.
        header_timeout: Seconds a connection may take to send a request's headers.
        body_timeout: Seconds a request may take to send its body.
        max_connections: Open connections at once; more are closed as they arrive.
        library: Tools a request that brings none (no ``tools``, no ``functions``) is
            offered, narrowed to the ``caller.retrieve`` that fit it best where that is set
            (a ``tool_choice`` naming a library tool keeps it in the offer). A request with
            its own tools, even ``[]``, keeps them.
    """

    caller: CallerSettings = field(default_factory=CallerSettings)
    model_name: str | None = None
    api_key: str | None = None
    max_body_bytes: int = 1_048_576
    max_tools: int = 128
    max_prompt_tokens: int = 8192
    max_tokens_limit: int = 4096
    max_batch: int = 8
    max_queue: int = 64
    timeout: float = 120.0
    log_prompts: bool = False
    allowed_hosts: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    max_tool_chars: int = 1_000_000
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    max_connections: int = 1024
    library: ToolSet | None = None

    def __post_init__(self) -> None:
        for name in (
            "max_body_bytes",
            "max_tools",
            "max_prompt_tokens",
            "max_tokens_limit",
            "max_batch",
            "max_tool_chars",
            "max_connections",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigurationError(
                    f"server setting {name} must be a positive integer, got {value!r}"
                )
        if not isinstance(self.max_queue, int) or self.max_queue < 0:
            raise ConfigurationError(
                f"server setting max_queue must be 0 or more, got {self.max_queue!r}"
            )
        if self.caller.max_tokens > self.max_tokens_limit:
            raise ConfigurationError(
                f"the default max_tokens ({self.caller.max_tokens}) exceeds max_tokens_limit "
                f"({self.max_tokens_limit})"
            )
        for name in ("timeout", "header_timeout", "body_timeout"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not value > 0:
                raise ConfigurationError(f"server setting {name} must be positive, got {value!r}")
        for origin in self.cors_origins:
            if origin != "*" and (
                not origin.startswith(("http://", "https://")) or origin.count("/") != 2
            ):
                raise ConfigurationError(
                    f"CORS origin {origin!r} must be scheme://host[:port] (no path) or *"
                )
        library = self.library
        if library is not None and self.caller.retrieve is None and len(library) > self.max_tools:
            raise ConfigurationError(
                f"a library of {len(library)} tools is more than a request may offer "
                f"({self.max_tools}); set retrieve (--retrieve K) to offer each request "
                "the K that fit it"
            )
        if self.api_key is not None and not self.api_key.strip():
            raise ConfigurationError("an empty API key would protect nothing; give a key or none")

    def served_model_name(self, fallback: str | Path) -> str:
        """The model id: ``model_name``, else the model's file or directory name."""
        if self.model_name:
            return self.model_name
        text = str(fallback).rstrip("/")
        if text.startswith(("http://", "https://")):
            return text
        return Path(text).name or text
