"""Typed errors. Every user mistake raises one of these, naming what was wrong.

The hierarchy mirrors the pipeline: a tool definition, a model's output, a call's
arguments, and running the call each fail in their own way, so callers can catch
exactly the stage they care about (``except CallValidationError``) or everything
(``except FncallError``)::

    FncallError
    ├── ConfigurationError        a bad setting: a value out of range, an unknown engine,
    │                             option or device, an empty API key
    ├── ToolDefinitionError       a tool description is malformed
    │   └── DuplicateToolError
    ├── ToolFormatError           a tools file in no format fncall reads
    ├── UnknownDialectError
    ├── PromptError               a conversation the dialect cannot render
    ├── ToolChoiceError           a tool_choice the offered tools cannot satisfy
    ├── ResponseFormatError       a response_format that is no JSON object schema
    ├── GrammarError              a schema the grammar compiler cannot express
    ├── EngineError               an engine that cannot load or do what was asked
    │   └── ContextLengthError
    ├── OutputParseError          a model output that is not a call nor an answer
    │   ├── UnsafeOutputError
    │   └── TruncatedOutputError
    ├── CallValidationError       a parsed call that does not fit the offered tools
    │   ├── UnknownFunctionError
    │   ├── UnknownArgumentError
    │   ├── MissingArgumentError
    │   ├── ArgumentTypeError
    │   ├── EnumViolationError
    │   └── ConstraintViolationError
    ├── ExecutionError            running a validated call failed
    │   ├── ToolNotRegisteredError
    │   ├── ApprovalDeniedError
    │   ├── ToolTimeoutError
    │   └── ToolRaisedError
    ├── EvalDataError, EvalRunError
    ├── SynthError
    └── TrainError
"""

from __future__ import annotations


class FncallError(Exception):
    """Base class of every error fncall raises on purpose."""


class ConfigurationError(FncallError, ValueError):
    """A setting is wrong before anything runs: a value out of range (``max_tokens``,
    ``temperature``, a server limit), an unknown engine, engine option, dtype or device,
    an empty API key."""


# --- tools -----------------------------------------------------------------------------


class ToolDefinitionError(FncallError, ValueError):
    """A tool description is malformed.

    Attributes:
        tool: The tool's name, or ``"#<index>"`` when it has no usable name.
        field: Dotted path of the offending field (``"parameters.properties.city.type"``).
    """

    def __init__(self, tool: str, field: str, message: str) -> None:
        self.tool = tool
        self.field = field
        self.reason = message
        super().__init__(f"tool {tool!r}, field {field!r}: {message}")


class DuplicateToolError(ToolDefinitionError):
    """Two tools in one tool set share a name."""


class ToolFormatError(FncallError, ValueError):
    """A tools file or document is in no format fncall recognises."""


# --- dialects ----------------------------------------------------------------------------


class UnknownDialectError(FncallError, KeyError):
    """No dialect is registered under the requested name."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        super().__init__(f"unknown dialect {name!r}; known dialects: {', '.join(known)}")

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return self.args[0]


class PromptError(FncallError, ValueError):
    """A prompt cannot be rendered (e.g. a message role the dialect has no syntax for)."""


# --- model output ------------------------------------------------------------------------


class OutputParseError(FncallError, ValueError):
    """A model output attempted a call but is not a well-formed one.

    Attributes:
        output: The text that failed to parse (kept whole: nothing is lost).
    """

    def __init__(self, message: str, output: str = "") -> None:
        self.output = output
        self.reason = message
        super().__init__(message)


class UnsafeOutputError(OutputParseError):
    """A model output contains code that is not a plain call with literal arguments."""


class TruncatedOutputError(OutputParseError):
    """Generation stopped at its token limit before the output was complete; whatever it
    holds is never returned as a call.

    Attributes:
        output: The text generated before the limit.
    """


# --- generation ------------------------------------------------------------------------


class ToolChoiceError(FncallError, ValueError):
    """A ``tool_choice`` that cannot be honoured with the offered tools (a tool that is not
    offered, ``required`` with no tools, an unknown mode)."""


class ResponseFormatError(FncallError, ValueError):
    """A ``response_format`` fncall cannot hold an answer to: not ``text``,
    ``json_object`` or a ``json_schema`` whose schema describes a JSON object.

    Attributes:
        field: Dotted path of the offending field (``"json_schema.schema.type"``).
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"response_format.{field}: {message}")


class GrammarError(FncallError, ValueError):
    """A tool schema that the grammar compiler cannot express; pass ``constrain=False`` to
    generate without a grammar (outputs are still validated)."""


class EngineError(FncallError, RuntimeError):
    """A generation engine cannot be loaded or cannot do what was asked (a model directory
    that does not exist, an engine whose optional package is not installed, a server that
    answers with an error)."""


class ContextLengthError(EngineError):
    """A prompt, with the tokens asked for, does not fit the model's context window: a
    property of the request, not a fault of the engine."""


# --- validation --------------------------------------------------------------------------


class CallValidationError(FncallError, ValueError):
    """A parsed call does not fit the offered tools.

    Attributes:
        function: Name of the called function.
        argument: Dotted path of the offending argument, if any.
    """

    def __init__(self, message: str, function: str, argument: str | None = None) -> None:
        self.function = function
        self.argument = argument
        self.reason = message
        super().__init__(message)


class UnknownFunctionError(CallValidationError):
    """The call names a function that was not offered."""


class UnknownArgumentError(CallValidationError):
    """The call passes an argument the function does not declare."""


class MissingArgumentError(CallValidationError):
    """A required argument is missing.

    Attributes:
        clarification: A question the caller can show the user to obtain the value.
    """

    def __init__(self, message: str, function: str, argument: str, clarification: str) -> None:
        self.clarification = clarification
        super().__init__(message, function, argument)


class ArgumentTypeError(CallValidationError):
    """An argument has the wrong JSON type."""


class EnumViolationError(CallValidationError):
    """An argument is not one of the allowed values."""


class ConstraintViolationError(CallValidationError):
    """An argument breaks a bound of its schema (length, range, pattern, item count)."""


# --- execution ---------------------------------------------------------------------------


class ExecutionError(FncallError, RuntimeError):
    """Running a validated call did not produce a result."""

    def __init__(self, message: str, function: str) -> None:
        self.function = function
        super().__init__(message)


class ToolNotRegisteredError(ExecutionError):
    """No callable is registered for a validated call."""


class ApprovalDeniedError(ExecutionError):
    """A tool that needs approval was not approved."""


class ToolTimeoutError(ExecutionError):
    """A tool ran past its time limit."""


class ToolRaisedError(ExecutionError):
    """The tool itself raised; the original exception is ``__cause__`` and ``.exception``."""

    def __init__(self, message: str, function: str, exception: BaseException) -> None:
        self.exception = exception
        super().__init__(message, function)


# --- evaluation --------------------------------------------------------------------------


class EvalDataError(FncallError, ValueError):
    """An evaluation file or entry is malformed; the message names the file, the entry and
    the field."""


class EvalRunError(FncallError, RuntimeError):
    """An evaluation run cannot go ahead as asked (an output folder that holds another
    configuration's results, a category fncall cannot score)."""


class SynthError(FncallError, ValueError):
    """Synthetic data cannot be generated as asked: a bad setting, an unreadable
    evaluation set to keep apart from, or a catalog that breaks its rules."""


# --- training ----------------------------------------------------------------------------


class TrainError(FncallError, ValueError):
    """A training run cannot go ahead as asked: a data file that is missing, empty or malformed
    (the message names the file and line), a run directory that holds a run of another
    configuration (the message names the field), or a configuration value out of range."""
