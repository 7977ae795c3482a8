"""fncall: turn open-weight language models into reliable function callers.

The pieces, each in its own sub-package:

- :mod:`fncall.tools`: tools from Python callables, JSON formats and OpenAPI, as one spec.
- :mod:`fncall.dialects`: each model family's prompt, stop sequences and call syntax.
- :mod:`fncall.calls`: safe parsing, validation and execution of calls.
- :mod:`fncall.grammar`: grammars compiled from tools, so decoding can only produce valid calls.
- :mod:`fncall.engines`: generation engines (transformers, llama.cpp, vLLM, HTTP servers).
- :class:`FunctionCaller`: all of it together.
"""

from fncall.caller import FunctionCaller, PreparedCall, Response
from fncall.calls import CallResult, Executor, ParsedOutput, ToolCall, validate_call, validate_calls
from fncall.dialects import Demonstration, Dialect, get_dialect, list_dialects
from fncall.errors import FncallError
from fncall.grammar.values import GrammarLimits
from fncall.pipeline import read_output, render_prompt
from fncall.request import CallRequest, ToolChoice
from fncall.tools import Tool, ToolSet, load_tools, tool, tool_from_callable, toolset

__version__ = "0.1.0"

__all__ = [
    "CallRequest",
    "CallResult",
    "Demonstration",
    "Dialect",
    "Executor",
    "FncallError",
    "FunctionCaller",
    "GrammarLimits",
    "ParsedOutput",
    "PreparedCall",
    "Response",
    "Tool",
    "ToolCall",
    "ToolChoice",
    "ToolSet",
    "get_dialect",
    "list_dialects",
    "load_tools",
    "read_output",
    "render_prompt",
    "tool",
    "tool_from_callable",
    "toolset",
    "validate_call",
    "validate_calls",
]
