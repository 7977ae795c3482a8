"""Dialects: one file per model family, registered by name.

Every module in this package is imported on first use, so adding a model family means
adding one file that defines a :class:`Dialect` subclass decorated with :func:`register`.

A dialect can live outside fncall too, in one file of the user's own:

- an installed package declares its module in the ``fncall.dialects`` entry-point group
  (``[project.entry-points."fncall.dialects"] my-family = "my_package.my_dialect"``); it is
  imported with fncall's own dialects, so every command (``fncall call --dialect ...``,
  ``fncall serve``) knows it;
- or a script imports a file by path with :func:`import_dialects`.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
from collections.abc import Callable
from pathlib import Path

from fncall._pyfile import import_file
from fncall.dialects.base import Demonstration, Dialect, Message, split_messages
from fncall.errors import ConfigurationError, UnknownDialectError

__all__ = [
    "ENTRY_POINT_GROUP",
    "Demonstration",
    "Dialect",
    "Message",
    "get_dialect",
    "import_dialects",
    "list_dialects",
    "register",
    "split_messages",
]

ENTRY_POINT_GROUP = "fncall.dialects"
"""The entry-point group whose modules are imported as dialects."""

_REGISTRY: dict[str, Dialect] = {}
_loaded = False
_failure: ConfigurationError | None = None


def register(cls: type[Dialect]) -> type[Dialect]:
    """Class decorator: make a dialect available under ``cls.name``.

    Raises:
        ConfigurationError: a dialect of that name is registered already.
    """
    if cls.name in _REGISTRY:
        raise ConfigurationError(f"dialect {cls.name!r} registered twice")
    _REGISTRY[cls.name] = cls()
    return cls


def import_dialects(path: str | Path) -> list[str]:
    """Import the Python file at ``path``, whose :func:`register`-decorated classes become
    dialects; returns their names.

    Raises:
        ConfigurationError: the file does not exist or fails to import (naming the error),
            or a dialect it registers is known already.
    """
    _load_all()
    before = set(_REGISTRY)
    import_file(Path(path), "dialect file", ConfigurationError)
    return sorted(set(_REGISTRY) - before)


def _load_all() -> None:
    global _loaded, _failure
    if _failure is not None:  # a broken plugin fails every lookup, not only the first
        raise _failure
    if not _loaded:
        _loaded = True
        for module in pkgutil.iter_modules(__path__):
            if module.name != "base" and not module.name.startswith("_"):
                importlib.import_module(f"{__name__}.{module.name}")
        for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            try:
                _import(entry.load, f"entry point {entry.name} = {entry.value}")
            except ConfigurationError as exc:
                _failure = exc
                raise


def _import(load: Callable[[], object], what: str) -> None:
    try:
        load()
    except ConfigurationError:
        raise
    except Exception as exc:  # a plugin's own failure, whatever it is, named with its source
        raise ConfigurationError(
            f"the dialects of {what} failed to import: {type(exc).__name__}: {exc}"
        ) from exc


def get_dialect(name: str) -> Dialect:
    """The dialect registered under ``name``.

    Raises:
        UnknownDialectError: listing the known names.
    """
    _load_all()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownDialectError(name, sorted(_REGISTRY)) from None


def list_dialects() -> list[Dialect]:
    """All registered dialects, sorted by name."""
    _load_all()
    return [_REGISTRY[n] for n in sorted(_REGISTRY)]
