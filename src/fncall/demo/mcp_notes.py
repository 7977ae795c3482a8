"""A small MCP server, for ``make demo``, the README's tour and the tests: notes kept in
memory, a weather lookup with structured output, a tool with a dash in its name, a
destructive tool and one that fails. ``python -m fncall.demo.mcp_notes`` serves it over
stdio, ``--http PORT`` over streamable HTTP (needs the ``mcp`` extra)."""

from __future__ import annotations

import sys

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations
from pydantic import BaseModel

port = int(sys.argv[sys.argv.index("--http") + 1]) if "--http" in sys.argv else 8000
server = FastMCP("notes", host="127.0.0.1", port=port, log_level="WARNING")
NOTES: dict[str, str] = {"groceries": "eggs, milk"}


class Weather(BaseModel):
    city: str
    temperature_c: float
    conditions: str


@server.tool()
def get_weather(city: str) -> Weather:
    """Get the current weather in a city.

    Args:
        city: The city name.
    """
    return Weather(city=city, temperature_c=14.0, conditions="light rain")


@server.tool(name="read-note")
def read_note(title: str) -> str:
    """Read a note by its title."""
    return NOTES.get(title, f"no note called {title}")


@server.tool(annotations=ToolAnnotations(destructiveHint=True))
def delete_note(title: str) -> str:
    """Delete a note."""
    NOTES.pop(title, None)
    return f"deleted {title}"


@server.tool()
def broken(reason: str) -> str:
    """Always fails."""
    raise ValueError(f"it broke: {reason}")


if __name__ == "__main__":
    server.run("streamable-http" if "--http" in sys.argv else "stdio")
