"""Each package says what its API is (``__all__``), every name it lists resolves, and the
heavy packages say it without importing torch or gguf."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

import fncall

PACKAGES = sorted(
    info.name
    for info in pkgutil.walk_packages(fncall.__path__, "fncall.")
    if info.ispkg and not info.name.startswith("fncall.house.")
)


def test_the_packages_are_the_architecture():
    concepts = ["calls", "dialects", "engines", "grammar", "tools", "eval", "server", "train"]
    assert {f"fncall.{name}" for name in concepts} <= set(PACKAGES)


@pytest.mark.parametrize("name", ["fncall", *PACKAGES])
def test_every_package_lists_its_api_and_every_name_resolves(name):
    package = importlib.import_module(name)
    assert package.__doc__, f"{name} says what it is"
    assert package.__all__, f"{name} lists its API"
    for exported in package.__all__:
        assert getattr(package, exported) is not None, f"{name}.{exported}"
    with pytest.raises(AttributeError, match="has no attribute"):
        package.not_a_name_it_has  # noqa: B018


def test_heavy_packages_load_their_api_only_when_used():
    code = (
        "import sys, fncall.train, fncall.train.synth, fncall.export;"
        "print(sorted(m for m in ('torch', 'gguf', 'peft') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
