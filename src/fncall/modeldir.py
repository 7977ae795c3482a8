"""A model directory's fncall metadata (``fncall.json``): which dialect the model speaks and
how it was made, so ``fncall call --model DIR`` needs no ``--dialect``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fncall.errors import ConfigurationError

METADATA_FILE = "fncall.json"


def read_metadata(directory: str | Path) -> dict[str, Any]:
    """The metadata of a model directory (empty when it has none, or is not a directory).

    Raises:
        ConfigurationError: a ``fncall.json`` that is not a JSON object.
    """
    path = Path(directory) / METADATA_FILE
    if not path.is_file():
        return {}
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigurationError(f"{path}: unreadable ({exc})") from None
    if not isinstance(metadata, dict):
        raise ConfigurationError(f"{path}: must be a JSON object")
    return metadata


def write_metadata(directory: str | Path, metadata: dict[str, Any]) -> None:
    """Write ``metadata`` as the directory's ``fncall.json``."""
    (Path(directory) / METADATA_FILE).write_text(json.dumps(metadata, indent=2) + "\n")
