"""The catalog synthetic function-calling data is composed from.

A :class:`Domain` (weather, email, flights, ...) holds :class:`Intent` objects. An intent
is one thing a user wants done, which many differently written tools can do: its
``names`` are function-name variants, its ``summaries`` description variants, and its
``slots`` the arguments by meaning. Each :class:`Slot` has several parameter-name
variants and a ``kind`` that says how values are generated and how a user mentions
them. ``queries`` are request templates: ``{key}`` is where a slot's value is mentioned.

A template that mentions an optional slot produces a call that passes it; a template that
does not, a call that leaves it to its default. A boolean slot's ``{key}`` becomes one of
its ``phrases`` (the argument is true) or nothing (the argument is left out).

The catalog itself is data: the YAML files in ``synth/domains/``, read by
:func:`load_domains`. Each file has a ``slots`` library (slots its intents share, by name)
and a ``domains`` list; an intent's slot is a library name, a library name with fields
changed (``{use: name, required: false}``), or a slot written out in full.
:func:`check_catalog` enforces the rules the generator relies on.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fncall.errors import SynthError

# kind -> what it is; the generator in values.py implements each one
VALUE_KINDS: Mapping[str, str] = {
    "text": "a short free-text value drawn from the slot's `examples` (5 or more)",
    "identifier": "a code shaped like the slot's `examples` (digits and capitals vary)",
    "enum": "one of the slot's `choices`; `aliases` say how users name each choice",
    "integer": "a whole number between `minimum` and `maximum`",
    "number": "a decimal number between `minimum` and `maximum`",
    "boolean": "true when the query says one of the slot's `phrases`",
    "city": "a city name",
    "country": "a country name",
    "person": "a person's full name",
    "email": "an email address",
    "phone": "a phone number",
    "date": "a calendar date, ISO YYYY-MM-DD in the call",
    "time": "a time of day, HH:MM (24 h) in the call",
    "url": "a web address",
    "domain": "an internet domain name",
    "ip_address": "an IPv4 address",
    "file_path": "a file path",
    "currency": "an ISO 4217 currency code (users say euros, EUR or €)",
    "language": "a language name",
    "airport": "an IATA airport code (users say the code or the city)",
    "cve": "a CVE identifier, CVE-YYYY-NNNNN",
}

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
_FUNCTION_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")


@dataclass(frozen=True)
class Slot:
    """One argument of an intent, by meaning.

    Attributes:
        key: The meaning, as templates name it (``{city}``); a Python identifier.
        kind: How values are made and mentioned (a key of :data:`VALUE_KINDS`).
        description: What the argument is, for docstrings.
        names: Parameter-name variants tools use for it; ``(key,)`` when empty.
        required: Whether every call passes it.
        default: The default of an optional slot (``None``: ``= None``).
        choices: The values of an ``enum`` slot.
        aliases: How users mention each enum choice (``{"fahrenheit": ("°F", ...)}``).
        examples: Values of a ``text`` slot, or sample codes of an ``identifier`` slot.
        minimum, maximum: Bounds of ``integer`` and ``number`` slots.
        many: The argument is a list of 1-4 such values.
        phrases: For a ``boolean`` slot, what a query says to make it true.
    """

    key: str
    kind: str
    description: str
    names: tuple[str, ...] = ()
    required: bool = True
    default: Any = None
    choices: tuple[str, ...] = ()
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    many: bool = False
    phrases: tuple[str, ...] = ()

    @property
    def parameter_names(self) -> tuple[str, ...]:
        """The parameter-name variants (``key`` when none are given)."""
        return self.names or (self.key,)


@dataclass(frozen=True)
class Intent:
    """One thing a user wants done.

    Attributes:
        names: Function-name variants (3 or more, unique in the catalog).
        summaries: One-line description variants (2 or more).
        slots: The arguments.
        queries: Request templates (8 or more) in varied styles: imperative, question,
            indirect, terse, polite.
    """

    names: tuple[str, ...]
    summaries: tuple[str, ...]
    slots: tuple[Slot, ...]
    queries: tuple[str, ...]


@dataclass(frozen=True)
class Domain:
    """A field of everyday tools (weather, email, flights)."""

    name: str
    intents: tuple[Intent, ...]


DOMAINS_DIR = Path(__file__).parent / "domains"
"""Where the catalog's YAML files are."""


@functools.cache
def catalog_domains() -> tuple[Domain, ...]:
    """The catalog: every domain of the YAML files in :data:`DOMAINS_DIR`, files in name
    order (read once per process)."""
    return load_domains(sorted(DOMAINS_DIR.glob("*.yaml")))


def load_domains(paths: Iterable[Path]) -> tuple[Domain, ...]:
    """Read catalog files (the format is in this module's docstring).

    Raises:
        SynthError: a file is not valid YAML or breaks the format, naming the file and the
            place (the catalog's content rules are :func:`check_catalog`'s).
    """
    domains: list[Domain] = []
    for path in paths:
        try:
            document = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except yaml.YAMLError as exc:
            raise SynthError(f"{path}: not valid YAML ({exc})") from exc
        domains += _read_file(document, str(path))
    return tuple(domains)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SLOT_FIELDS = {f.name: f for f in dataclasses.fields(Slot)}
_TUPLES = ("names", "choices", "examples", "phrases")


def _read_file(document: Any, where: str) -> list[Domain]:
    _expect_keys(document, {"slots", "domains"}, {"domains"}, where)
    library = {
        name: _read_slot(entry, f"{where}: slots.{name}")
        for name, entry in _mapping(document.get("slots", {}), f"{where}: slots").items()
    }
    domains = []
    for d, entry in enumerate(_list(document["domains"], f"{where}: domains")):
        place = f"{where}: domains[{d}]"
        _expect_keys(entry, {"name", "intents"}, {"name", "intents"}, place)
        intents = []
        for i, intent in enumerate(_list(entry["intents"], f"{place}.intents")):
            at = f"{place}.intents[{i}]"
            fields = {"names", "summaries", "slots", "queries"}
            _expect_keys(intent, fields, fields, at)
            slots = [
                _slot_entry(slot, library, f"{at}.slots[{n}]")
                for n, slot in enumerate(_list(intent["slots"], f"{at}.slots"))
            ]
            intents.append(
                Intent(
                    names=_strings(intent["names"], f"{at}.names"),
                    summaries=_strings(intent["summaries"], f"{at}.summaries"),
                    slots=tuple(slots),
                    queries=_strings(intent["queries"], f"{at}.queries"),
                )
            )
        domains.append(Domain(str(entry["name"]), tuple(intents)))
    return domains


def _slot_entry(entry: Any, library: Mapping[str, Slot], where: str) -> Slot:
    if isinstance(entry, str) or (isinstance(entry, dict) and "use" in entry):
        name = entry if isinstance(entry, str) else entry["use"]
        if name not in library:
            raise SynthError(f"{where}: no slot {name!r} in this file's slots")
        if isinstance(entry, str):
            return library[name]
        changes = {k: v for k, v in entry.items() if k != "use"}
        _expect_keys(changes, set(_SLOT_FIELDS), set(), where)
        return dataclasses.replace(library[name], **_slot_values(changes))
    return _read_slot(entry, where)


def _read_slot(entry: Any, where: str) -> Slot:
    _expect_keys(entry, set(_SLOT_FIELDS), {"key", "kind", "description"}, where)
    return Slot(**_slot_values(entry))


def _slot_values(entry: Mapping[str, Any]) -> dict[str, Any]:
    values = dict(entry)
    for name in _TUPLES:
        if name in values:
            values[name] = tuple(values[name])
    if "aliases" in values:
        values["aliases"] = {choice: tuple(said) for choice, said in values["aliases"].items()}
    return values


def _expect_keys(entry: Any, allowed: set[str], required: set[str], where: str) -> None:
    _mapping(entry, where)
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise SynthError(f"{where}: unknown field {unknown[0]!r}")
    missing = sorted(required - set(entry))
    if missing:
        raise SynthError(f"{where}: missing field {missing[0]!r}")


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SynthError(f"{where}: expected a mapping, not {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise SynthError(f"{where}: expected a list, not {type(value).__name__}")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    items = _list(value, where)
    for item in items:
        if not isinstance(item, str):
            raise SynthError(f"{where}: {item!r} is not a string")
    return tuple(items)


def placeholders(template: str) -> list[str]:
    """The ``{key}`` placeholders of a template, in order."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def check_catalog(domains: Iterable[Domain], reserved_names: Iterable[str] = ()) -> list[str]:
    """Every broken rule of the catalog, in words (an empty list when it is sound).

    Args:
        domains: The catalog.
        reserved_names: Function names the catalog may not use (those of evaluation sets).
    """
    problems: list[str] = []
    reserved = set(reserved_names)
    seen_domains: set[str] = set()
    seen_names: dict[str, str] = {}
    for domain in domains:
        if domain.name in seen_domains:
            problems.append(f"domain {domain.name!r} appears twice")
        seen_domains.add(domain.name)
        for intent in domain.intents:
            where = f"{domain.name}/{intent.names[0] if intent.names else '?'}"
            for name in intent.names:
                if not _FUNCTION_NAME.match(name):
                    problems.append(f"{where}: function name {name!r} is not snake_case")
                if name in seen_names:
                    problems.append(f"{where}: {name!r} is also used in {seen_names[name]}")
                if name in reserved:
                    problems.append(f"{where}: {name!r} is an evaluation-set function name")
                seen_names[name] = where
            problems += _check_intent(intent, where)
    return problems


def _check_intent(intent: Intent, where: str) -> list[str]:
    problems = []
    if len(intent.names) < 3:
        problems.append(f"{where}: needs 3 or more name variants")
    if len(intent.summaries) < 2:
        problems.append(f"{where}: needs 2 or more summaries")
    if len(intent.queries) < 8:
        problems.append(f"{where}: needs 8 or more query templates")
    keys = [slot.key for slot in intent.slots]
    if len(set(keys)) != len(keys):
        problems.append(f"{where}: slot keys repeat")
    for slot in intent.slots:
        problems += [f"{where}, slot {slot.key!r}: {p}" for p in _check_slot(slot)]
    for template in intent.queries:
        found = placeholders(template)
        for key in found:
            if key not in keys:
                problems.append(f"{where}: template {template!r} names unknown slot {key!r}")
        for slot in intent.slots:
            if slot.required and found.count(slot.key) != 1:
                problems.append(
                    f"{where}: template {template!r} must mention required {slot.key!r} once"
                )
    for slot in intent.slots:
        if slot.required:
            continue
        mentioned = sum(slot.key in placeholders(t) for t in intent.queries)
        if mentioned == 0 or mentioned == len(intent.queries):
            problems.append(
                f"{where}: optional {slot.key!r} must be mentioned by some templates, not all"
            )
    return problems


def _check_slot(slot: Slot) -> list[str]:
    problems = []
    if slot.kind not in VALUE_KINDS:
        problems.append(f"unknown kind {slot.kind!r}")
    for name in (slot.key, *slot.parameter_names):
        if not _IDENTIFIER.match(name):
            problems.append(f"{name!r} is not a snake_case identifier")
    if not slot.description:
        problems.append("no description")
    if slot.kind == "enum":
        if len(slot.choices) < 2:
            problems.append("an enum needs 2 or more choices")
        if not slot.required and slot.default is not None and slot.default not in slot.choices:
            problems.append(f"default {slot.default!r} is not a choice")
        for choice in slot.aliases:
            if choice not in slot.choices:
                problems.append(f"alias for {choice!r}, which is not a choice")
    if slot.kind in ("text", "identifier") and len(slot.examples) < 5:
        problems.append(f"a {slot.kind} slot needs 5 or more examples")
    bounded = slot.minimum is not None and slot.maximum is not None
    if slot.kind in ("integer", "number") and not (bounded and slot.minimum < slot.maximum):
        problems.append("needs minimum < maximum")
    boolean_ok = not slot.required and slot.default is False and len(slot.phrases) >= 2
    if slot.kind == "boolean" and not boolean_ok:
        problems.append("a boolean is optional, defaults to False and has 2+ phrases")
    return problems
