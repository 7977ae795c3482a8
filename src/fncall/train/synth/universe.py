"""Tool universes: many differently written Python tools composed from the catalog's intents.

One intent (``get the weather in a city``) becomes several tools that a model must read
rather than memorise: the function name, summary, parameter names, which optional
parameters exist, type hints (``Literal`` or plain ``str`` with the choices in prose,
``Optional[int]`` or ``int | None``, sometimes no hints at all) and the docstring style
(Google, NumPy, reST or a plain sentence) all vary. Each tool is written as Python source
and read back with :func:`fncall.tools.source.tool_from_source`, the loader users' data
files go through, so what the model is trained on is exactly what it is later shown.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fncall.tools.source import tool_from_source
from fncall.tools.spec import Tool
from fncall.train.synth.catalog import Domain, Intent, Slot

DOCSTRING_STYLES = ("google", "numpy", "rest", "plain")
_STYLE_WEIGHTS = (5, 2, 2, 1)

_PYTHON_TYPE = {"integer": "int", "number": "float", "boolean": "bool"}
# Formats a model must convert a mention into; saying them in the docstring is what makes
# "March 3rd" -> '2025-03-03' learnable from the tool alone.
_FORMAT_NOTE = {
    "date": "YYYY-MM-DD",
    "time": "HH:MM, 24-hour",
    "currency": "ISO 4217 code such as 'EUR'",
    "airport": "IATA airport code",
}


@dataclass(frozen=True, eq=False)
class UniverseTool:
    """One composed tool and what it was composed from.

    Attributes:
        tool: The tool, as loaded from ``source``.
        source: Its Python source: a ``def`` with a docstring and an empty body.
        domain: The catalog domain's name.
        intent: The intent it implements.
        intent_id: ``domain/first-name-variant``, stable across seeds.
        params: Slot key -> parameter name, for the slots this tool takes.
        style: The docstring style.
    """

    tool: Tool
    source: str
    domain: str
    intent: Intent
    intent_id: str
    params: Mapping[str, str]
    style: str

    def slot(self, key: str) -> Slot:
        """The intent's slot named ``key``."""
        return next(s for s in self.intent.slots if s.key == key)


def intent_id(domain: Domain, intent: Intent) -> str:
    """The stable id of an intent: ``weather/current_weather_report``."""
    return f"{domain.name}/{intent.names[0]}"


def build_universe(
    domains: Iterable[Domain], seed: int, tools_per_intent: int = 8
) -> list[UniverseTool]:
    """Compose up to ``tools_per_intent`` distinct tools for every intent of ``domains``.

    Deterministic in ``seed``. Tools of one intent differ in at least one of name,
    parameters, hints and docstring; an intent with few variation points gives fewer.
    """
    rng = random.Random(seed)
    universe: list[UniverseTool] = []
    for domain in domains:
        for intent in domain.intents:
            seen: set[str] = set()
            for _ in range(tools_per_intent * 4):
                if len(seen) == tools_per_intent:
                    break
                composed = compose_tool(domain, intent, rng)
                if composed.source not in seen:
                    seen.add(composed.source)
                    universe.append(composed)
    return universe


def compose_tool(domain: Domain, intent: Intent, rng: random.Random) -> UniverseTool:
    """One randomly written tool for ``intent``."""
    name = rng.choice(intent.names)
    summary = rng.choice(intent.summaries)
    slots = [s for s in intent.slots if s.required or rng.random() < 0.65]
    params: dict[str, str] = {}
    for slot in slots:
        free = [n for n in slot.parameter_names if n not in params.values()]
        params[slot.key] = rng.choice(free or [f"{slot.key}_value"])
    hinted = rng.random() > 0.1
    literal_enums = rng.random() < 0.6
    modern = rng.random() < 0.5  # `list[str]`, `int | None` rather than `List`, `Optional`
    style = rng.choices(DOCSTRING_STYLES, _STYLE_WEIGHTS)[0]
    # Python wants parameters without defaults first.
    ordered = [s for s in slots if s.required] + [s for s in slots if not s.required]
    parameters = [
        _parameter(slot, params[slot.key], hinted, literal_enums, modern) for slot in ordered
    ]
    notes = [(params[s.key], _type_text(s), _describe(s, literal_enums)) for s in ordered]
    docstring = _docstring(summary, notes, style, rng)
    source = f'def {name}({", ".join(parameters)}):\n    """{docstring}"""\n'
    return UniverseTool(
        tool=tool_from_source(source),
        source=source,
        domain=domain.name,
        intent=intent,
        intent_id=intent_id(domain, intent),
        params=params,
        style=style,
    )


def _scalar_hint(slot: Slot, literal_enums: bool) -> str:
    if slot.kind == "enum" and literal_enums:
        return "Literal[" + ", ".join(repr(c) for c in slot.choices) + "]"
    return _PYTHON_TYPE.get(slot.kind, "str")


def _hint(slot: Slot, literal_enums: bool, modern: bool) -> str:
    scalar = _scalar_hint(slot, literal_enums)
    if slot.many:
        return f"list[{scalar}]" if modern else f"List[{scalar}]"
    return scalar


def _parameter(slot: Slot, name: str, hinted: bool, literal_enums: bool, modern: bool) -> str:
    hint = _hint(slot, literal_enums, modern)
    if slot.required:
        return f"{name}: {hint}" if hinted else name
    if slot.kind == "boolean":
        return f"{name}: bool = False" if hinted else f"{name}=False"
    if slot.default is None:
        optional = f"{hint} | None" if modern else f"Optional[{hint}]"
        return f"{name}: {optional} = None" if hinted else f"{name}=None"
    default = repr(slot.default)
    return f"{name}: {hint} = {default}" if hinted else f"{name}={default}"


def _type_text(slot: Slot) -> str:
    scalar = "str" if slot.kind == "enum" else _PYTHON_TYPE.get(slot.kind, "str")
    return f"list of {scalar}" if slot.many else scalar


def _describe(slot: Slot, literal_enums: bool) -> str:
    text = slot.description.rstrip(".") + "."
    if slot.kind in _FORMAT_NOTE:
        text = f"{text[:-1]} ({_FORMAT_NOTE[slot.kind]})."
    if slot.kind == "enum" and not literal_enums:
        text += " One of " + ", ".join(repr(c) for c in slot.choices) + "."
    if slot.kind in ("integer", "number") and slot.minimum is not None:
        text += f" From {slot.minimum:g} to {slot.maximum:g}."
    if not slot.required and slot.default is not None and slot.kind != "boolean":
        text += f" Defaults to {slot.default!r}."
    return text


def _docstring(
    summary: str, notes: list[tuple[str, str, str]], style: str, rng: random.Random
) -> str:
    lines = [summary]
    if notes and style == "google":
        typed = rng.random() < 0.6
        lines += ["", "Args:"]
        lines += [f"    {n} ({t}): {d}" if typed else f"    {n}: {d}" for n, t, d in notes]
    elif notes and style == "numpy":
        lines += ["", "Parameters", "----------"]
        for name, kind, description in notes:
            lines += [f"{name} : {kind}", f"    {description}"]
    elif notes and style == "rest":
        lines.append("")
        for name, kind, description in notes:
            lines.append(f":param {name}: {description}")
            lines.append(f":type {name}: {kind}")
    elif notes:
        lines += ["", " ".join(f"`{n}`: {d}" for n, _, d in notes)]
    indented = [f"    {line}" if line else "" for line in lines[1:]]
    return "\n".join([lines[0], *indented, "    "])
