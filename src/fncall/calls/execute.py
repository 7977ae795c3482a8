"""Running validated calls against registered Python callables.

Only calls that pass validation run. Nested calls run innermost first and their results
are validated against the outer parameter's schema before the outer call runs. Several
calls run in order; each gets its own :class:`CallResult` with the value or the error,
so one failure never hides the others.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fncall.calls.call import ToolCall
from fncall.calls.validate import validate_call
from fncall.errors import (
    ApprovalDeniedError,
    ExecutionError,
    FncallError,
    ToolNotRegisteredError,
    ToolRaisedError,
    ToolTimeoutError,
)
from fncall.tools.callables import to_python_arguments
from fncall.tools.spec import Tool, ToolSet

Approver = Callable[[ToolCall, Tool], bool]


@dataclass(frozen=True)
class CallResult:
    """The outcome of one call: ``value`` when it ran, ``error`` when it did not.

    Attributes:
        call: The call as validated (defaults filled, nested calls replaced by results).
        value: What the tool returned.
        error: Why there is no value: a validation, approval, timeout or tool error.
    """

    call: ToolCall
    value: Any = None
    error: FncallError | None = None

    @property
    def ok(self) -> bool:
        """True when the call ran and returned."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (the value is passed through as is)."""
        if self.error is None:
            return {"call": self.call.to_dict(), "result": self.value}
        return {
            "call": self.call.to_dict(),
            "error": {"type": type(self.error).__name__, "message": str(self.error)},
        }


class Executor:
    """Runs calls against a registry of callables.

    Args:
        tools: The tools calls are validated against.
        functions: Name -> callable, for tools that carry no ``func`` of their own.
        timeout: Seconds a single call may run (``None``: no limit). A call past its limit
            is reported as :class:`ToolTimeoutError`; Python cannot stop a thread, so the
            tool keeps running in the background until it returns.
        approve: Asked before running a tool marked ``requires_approval``; without it such
            tools are denied.
    """

    def __init__(
        self,
        tools: ToolSet | Iterable[Tool],
        functions: Mapping[str, Callable[..., Any]] | None = None,
        *,
        timeout: float | None = 30.0,
        approve: Approver | None = None,
    ) -> None:
        self.tools = tools if isinstance(tools, ToolSet) else ToolSet(tools)
        self.functions = dict(functions or {})
        unknown = set(self.functions) - set(self.tools)
        if unknown:
            raise ToolNotRegisteredError(
                f"functions given for tools not offered: {', '.join(sorted(unknown))}",
                sorted(unknown)[0],
            )
        self.timeout = timeout
        self.approve = approve

    def run(self, calls: list[ToolCall]) -> list[CallResult]:
        """Run calls in order; every call gets a result, failed or not."""
        return [self.run_one(call) for call in calls]

    def run_one(self, call: ToolCall) -> CallResult:
        """Validate and run one call, nested calls first."""
        try:
            validated = validate_call(call, self.tools)  # the whole tree, before any of it runs
            if call.nested_calls():  # inner results are checked against the outer parameters
                resolved = ToolCall(call.name, self._resolve(call.arguments))
                validated = validate_call(resolved, self.tools)
        except FncallError as exc:
            return CallResult(call, error=exc)
        try:
            return CallResult(validated, value=self._invoke(validated))
        except FncallError as exc:
            return CallResult(validated, error=exc)

    def _resolve(self, value: Any) -> Any:
        if isinstance(value, ToolCall):
            inner = self.run_one(value)
            if inner.error is not None:
                raise ExecutionError(
                    f"nested call {value.name}() failed: {inner.error}", value.name
                ) from inner.error
            return inner.value
        if isinstance(value, dict):
            return {k: self._resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._resolve(v) for v in value]
        return value

    def _invoke(self, call: ToolCall) -> Any:
        tool = self.tools[call.name]
        function = self.functions.get(call.name) or tool.func
        if function is None:
            raise ToolNotRegisteredError(f"no callable registered for {call.name!r}", call.name)
        if tool.requires_approval:
            approved = self._approved(call, tool)
            if not approved:
                reason = "denied" if self.approve else "needs approval and no approver is set"
                raise ApprovalDeniedError(f"{call.name}() {reason}", call.name)
        arguments = call.arguments
        if tool.func is not None and function is tool.func:
            arguments = to_python_arguments(tool, arguments)
        args, kwargs = _bind(function, arguments)
        return self._with_timeout(call.name, function, args, kwargs)

    def _approved(self, call: ToolCall, tool: Tool) -> bool:
        if self.approve is None:
            return False
        try:
            return self.approve(call, tool) is True
        except Exception as exc:  # a broken approver denies; it must not hide other results
            raise ApprovalDeniedError(
                f"{call.name}() not approved: the approval callback raised "
                f"{type(exc).__name__}: {exc}",
                call.name,
            ) from exc

    def _with_timeout(
        self, name: str, function: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]
    ) -> Any:
        if self.timeout is None:
            return _call_tool(name, function, args, kwargs)
        box: dict[str, Any] = {}

        def target() -> None:
            try:
                box["value"] = _call_tool(name, function, args, kwargs)
            except ToolRaisedError as exc:
                box["error"] = exc

        # A daemon thread: a tool that never returns must not keep the process alive.
        worker = threading.Thread(target=target, name=f"fncall-{name}", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise ToolTimeoutError(f"{name}() ran longer than {self.timeout} s", name)
        if "error" in box:
            raise box["error"]
        if "value" not in box:
            raise ExecutionError(f"{name}() ended without returning", name)
        return box["value"]


def jsonable(value: Any) -> Any:
    """A tool's return value as JSON-ready data: lists, tuples and dicts recursively (keys as
    strings), scalars as they are, anything else as its ``repr``."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return repr(value)


def _call_tool(
    name: str, function: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]
) -> Any:
    try:
        return function(*args, **kwargs)
    except (Exception, SystemExit) as exc:  # the tool's own failure is a result, not a crash
        raise ToolRaisedError(f"{name}() raised {type(exc).__name__}: {exc}", name, exc) from exc


def _bind(function: Callable[..., Any], arguments: dict[str, Any]) -> tuple[list[Any], dict]:
    """Split arguments so positional-only parameters are passed by position."""
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return [], dict(arguments)
    args: list[Any] = []
    kwargs = dict(arguments)
    for name, parameter in parameters.items():
        if parameter.kind is not inspect.Parameter.POSITIONAL_ONLY:
            break
        if name not in kwargs:
            break
        args.append(kwargs.pop(name))
    return args, kwargs
