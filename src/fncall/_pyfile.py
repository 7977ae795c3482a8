"""Importing a user's ``.py`` file by path (their tools, their dialects)."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from types import ModuleType

from fncall.errors import FncallError

_module_ids = itertools.count()


def import_file(path: Path, what: str, error: type[FncallError]) -> ModuleType:
    """Import the Python file at ``path`` as a fresh module (registered in ``sys.modules``
    while it runs, so dataclasses and pydantic can resolve its names).

    Args:
        path: The file.
        what: What the file is, for messages (``"Python tools file"``).
        error: The error to raise, naming ``what`` and ``path``.

    Raises:
        error: the file is missing, is not Python, or importing it raised.
    """
    if not path.is_file():
        raise error(f"{what} not found: {path}")
    name = f"fncall_user_{next(_module_ids)}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise error(f"cannot import {path} as Python (expected a .py file)")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as exc:
        del sys.modules[name]
        raise error(f"importing {what} {path} failed: {type(exc).__name__}: {exc}") from exc
    return module
