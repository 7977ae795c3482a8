"""fncall: turn open-weight language models into reliable function callers.

The pieces, each in its own sub-package:

- :mod:`fncall.tools`: tools from Python callables, JSON formats and OpenAPI, as one spec.
- :mod:`fncall.dialects`: each model family's prompt, stop sequences and call syntax.
- :mod:`fncall.calls`: safe parsing, validation and execution of calls.
- :mod:`fncall.grammar`: grammars compiled from tools, so decoding can only produce valid calls.
- :mod:`fncall.engines`: generation engines (transformers, llama.cpp, vLLM, HTTP servers).
- :mod:`fncall.eval`: evaluation faithful to BFCL and NexusRaven, resumable, with reports.
- :mod:`fncall.server`: an OpenAI-compatible server with a web chat page.
- :mod:`fncall.retrieval`: the few tools a request needs, from libraries of thousands.
- :mod:`fncall.train`: the training pipeline and its synthetic data (:mod:`fncall.train.synth`).
- :mod:`fncall.house`: the bundled house model; :mod:`fncall.export`: GGUF files for llama.cpp.
- :mod:`fncall.cli`: the ``fncall`` command; :mod:`fncall.demo`: ``make demo``.
- :class:`FunctionCaller`: all of it together, set up by keywords or by one
  :class:`~fncall.settings.CallerSettings` value (as the CLI, evaluation and server do).
- :class:`Agent` (:mod:`fncall.agent`): the loop of calls, results and an answer
  (:meth:`FunctionCaller.chat`).

What ``__all__`` lists, here and in each sub-package, is the API; other names may change.
"""

from fncall.agent import Agent, AgentRun
from fncall.caller import FunctionCaller, PreparedCall, Response
from fncall.calls import CallResult, Executor, ParsedOutput, ToolCall, validate_call, validate_calls
from fncall.dialects import Demonstration, Dialect, get_dialect, list_dialects
from fncall.errors import FncallError
from fncall.grammar.values import GrammarLimits
from fncall.pipeline import read_output, render_prompt
from fncall.request import CallRequest, ToolChoice
from fncall.settings import CallerSettings
from fncall.tools import Tool, ToolSet, load_tools, tool, tool_from_callable, toolset

__version__ = "0.1.0"

__all__ = [
    "Agent",
    "AgentRun",
    "CallRequest",
    "CallResult",
    "CallerSettings",
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
