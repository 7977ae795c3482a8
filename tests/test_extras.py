"""The core runs without any extra, and a command that needs one names it.

Each case runs in a fresh interpreter in which the extras' packages cannot be imported
(``sys.modules[name] = None`` makes ``import name`` fail), as on a core-only install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fncall.demo import everyday
from fncall.extras import EXTRA_OF

EVERYDAY = Path(everyday.__file__)
BLOCK = f"import sys\nfor name in {sorted(EXTRA_OF)!r}:\n    sys.modules[name] = None\n"


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + code], capture_output=True, text=True, timeout=120
    )


def test_the_core_renders_parses_and_validates_without_extras():
    run = _python(
        "from fncall import FunctionCaller, read_output, render_prompt, toolset\n"
        "from fncall.tools import load_tools\n"
        "import fncall.engines.openai_http, fncall.cli\n"
        f"tools = load_tools({str(EVERYDAY)!r})\n"
        "assert 'get_weather' in render_prompt('hermes', tools, 'Weather in Paris?')\n"
        "parsed = read_output('nexusraven-v2', tools, \"Call: get_weather(city='Paris')\")\n"
        "print(parsed.calls[0].arguments)\n"
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "{'city': 'Paris', 'unit': 'celsius'}"


def test_a_command_that_needs_an_extra_names_it():
    cases = {
        "serve": "pip install 'fncall[server]'",
        "call --tools {tools} hi": "pip install 'fncall[transformers]'",
        "eval --data x --out y": "pip install 'fncall[eval]'",
    }
    for command, hint in cases.items():
        argv = command.format(tools=EVERYDAY).split()
        run = _python(f"from fncall.cli import main\nsys.exit(main({argv!r}))")
        assert run.returncode == 1, (command, run.stderr)
        assert run.stderr.startswith("error: ConfigurationError: this needs the "), run.stderr
        assert hint in run.stderr, (command, run.stderr)
