"""Dialects from outside fncall: an installed package's entry point, or a file by path.

Each case runs in a fresh interpreter, so the dialects it adds never reach other tests."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

TOY = textwrap.dedent(
    """
    from fncall.dialects import register
    from fncall.dialects.hermes import Hermes

    @register
    class Toy(Hermes):
        name = "toy-hermes"
    """
)
LOOKUP = (
    "from fncall.dialects import get_dialect, list_dialects\n"
    "print(get_dialect('toy-hermes').render([], 'hi') == get_dialect('hermes').render([], 'hi'),"
    " len(list_dialects()))"
)


def _python(code: str, path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(path)} if path else {}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def _installed(tmp_path: Path, module: str) -> Path:
    """A package on ``tmp_path`` that declares ``toy_dialect`` as a fncall dialect."""
    (tmp_path / "toy_dialect.py").write_text(module)
    info = tmp_path / "toy_dialect-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-dialect\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[fncall.dialects]\ntoy = toy_dialect\n")
    return tmp_path


def test_an_installed_package_adds_a_dialect_by_entry_point(tmp_path):
    builtin = _python("from fncall.dialects import list_dialects; print(len(list_dialects()))")
    run = _python(LOOKUP, _installed(tmp_path, TOY))
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", str(int(builtin.stdout) + 1)]


def test_a_broken_plugin_is_named_on_every_lookup(tmp_path):
    path = _installed(tmp_path, "raise RuntimeError('no GPU here')\n")
    code = (
        "from fncall.dialects import get_dialect\n"
        "from fncall.errors import ConfigurationError\n"
        "for _ in range(2):\n"
        "    try:\n"
        "        get_dialect('hermes')\n"
        "    except ConfigurationError as exc:\n"
        "        print(exc)\n"
    )
    run = _python(code, path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and lines[0] == lines[1]
    assert "entry point toy = toy_dialect" in lines[0]
    assert "RuntimeError: no GPU here" in lines[0]


def test_a_file_adds_a_dialect_by_path(tmp_path):
    (tmp_path / "mine.py").write_text(TOY)
    code = (
        "from fncall.dialects import import_dialects\n"
        f"print(import_dialects({str(tmp_path / 'mine.py')!r}))\n"
        "from fncall.errors import ConfigurationError\n"
        "try:\n"
        f"    import_dialects({str(tmp_path / 'mine.py')!r})\n"
        "except ConfigurationError as exc:\n"
        "    print(exc)\n"
        "try:\n"
        "    import_dialects('/nonexistent/d.py')\n"
        "except ConfigurationError as exc:\n"
        "    print(exc)\n"
    )
    run = _python(code)
    assert run.returncode == 0, run.stderr
    added, twice, missing = run.stdout.splitlines()
    assert added == "['toy-hermes']"
    assert twice.endswith("failed: ConfigurationError: dialect 'toy-hermes' registered twice")
    assert missing == "dialect file not found: /nonexistent/d.py"
