"""The error tree drawn at the top of ``fncall/errors.py`` is the real one."""

from __future__ import annotations

import inspect
import re

import fncall.errors as errors


def test_the_drawn_error_tree_matches_the_classes():
    drawn: dict[str, str] = {}  # class -> parent, as drawn
    parents: list[str] = []
    for line in errors.__doc__.splitlines():
        match = re.match(r"^    ((?:│   |    )*)(?:├── |└── )?([A-Z]\w+(?:, [A-Z]\w+)*)", line)
        if not match or not match.group(2).endswith("Error"):
            continue
        depth = len(match.group(1)) // 4 + (0 if match.group(2) == "FncallError" else 1)
        del parents[depth:]
        for name in match.group(2).split(", "):
            drawn[name] = parents[-1] if parents else "Exception"
        parents.append(match.group(2).split(", ")[-1])
    real = {
        name: next(
            b.__name__ for b in cls.__bases__ if b is Exception or issubclass(b, errors.FncallError)
        )
        for name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.FncallError)
    }
    assert drawn == real
