"""The synthetic-data catalog and value generators: the rules the generator relies on."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fncall.errors import SynthError
from fncall.train.synth.catalog import (
    VALUE_KINDS,
    Domain,
    Intent,
    Slot,
    catalog_domains,
    check_catalog,
    load_domains,
)
from fncall.train.synth.values import ValueMaker, number_words, surface_forms
from tests.bfcl_data import bfcl_entries, require_bfcl


def _all_slots() -> list[Slot]:
    return [slot for d in catalog_domains() for i in d.intents for slot in i.slots]


def test_the_catalog_is_sound_and_broad():
    assert check_catalog(catalog_domains()) == []
    assert len(catalog_domains()) >= 40
    intents = [i for d in catalog_domains() for i in d.intents]
    names = [n for i in intents for n in i.names]
    assert len(intents) >= 240 and len(names) >= 800
    kinds = {slot.kind for slot in _all_slots()}
    assert kinds >= {"text", "enum", "integer", "number", "boolean", "date", "email", "city"}


CATALOG_FILE = """\
slots:
  city: {key: city, kind: city, description: The city., names: [city, location]}
domains:
- name: weather
  intents:
  - names: [get_weather, weather_now, current_weather]
    summaries: [Current weather., The weather now.]
    slots:
    - city
    - {use: city, key: town, required: false}
    - {key: days, kind: integer, description: Days ahead., minimum: 1, maximum: 7}
    queries: ['Weather in {city}?']
"""


def test_a_catalog_file_loads_with_shared_and_changed_slots(tmp_path):
    path = tmp_path / "weather.yaml"
    path.write_text(CATALOG_FILE)
    (domain,) = load_domains([path])
    city, town, days = domain.intents[0].slots
    assert city == Slot("city", "city", "The city.", names=("city", "location"))
    assert town == Slot("town", "city", "The city.", names=("city", "location"), required=False)
    assert (days.minimum, days.maximum, days.names) == (1, 7, ())
    assert domain.intents[0].queries == ("Weather in {city}?",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("- city\n", "- capital\n"), r"domains\[0\]\.intents\[0\]\.slots\[0\]: no slot 'capital'"),
        (("minimum: 1", "minimum: 1, minimal: 2"), r"slots\[2\]: unknown field 'minimal'"),
        (("description: The city., ", ""), r"slots\.city: missing field 'description'"),
        (
            ("queries: ['Weather in {city}?']", "queries: 3"),
            r"intents\[0\]\.queries: expected a list",
        ),
        (("- name: weather", "- name: [weather"), r"not valid YAML"),
    ],
)
def test_a_broken_catalog_file_is_refused_naming_the_place(tmp_path, change, message):
    path = tmp_path / "weather.yaml"
    path.write_text(CATALOG_FILE.replace(*change))
    with pytest.raises(SynthError, match=message) as caught:
        load_domains([path])
    assert str(path) in str(caught.value)


def test_the_catalog_uses_no_bfcl_function_name():
    require_bfcl()
    reserved = [t for e in bfcl_entries() for t in e.tools]
    assert reserved and check_catalog(catalog_domains(), reserved) == []


def test_check_catalog_names_each_broken_rule():
    city = Slot("city", "city", "The city.")
    bad = Intent(
        names=("Get-Weather", "w2"),
        summaries=("One.",),
        slots=(city, Slot("n", "integer", "N.", required=False), Slot("f", "boolean", "F.")),
        queries=("weather {city} {city}", "weather {town}"),
    )
    problems = "\n".join(check_catalog([Domain("d", (bad,)), Domain("d", ())], ["w2"]))
    for expected in (
        "appears twice",
        "not snake_case",
        "evaluation-set function name",
        "3 or more name variants",
        "2 or more summaries",
        "8 or more query templates",
        "unknown slot 'town'",
        "must mention required 'city' once",
        "needs minimum < maximum",
        "a boolean is optional",
        "optional 'n' must be mentioned by some templates",
    ):
        assert expected in problems


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_all_slots()), st.integers(0, 2**32 - 1))
def test_every_value_is_mentioned_in_a_traceable_form(slot, seed):
    value, text = ValueMaker(random.Random(seed)).make(slot)
    forms = surface_forms(slot, value)
    if slot.many:
        assert isinstance(value, list) and 1 <= len(value) <= 3
        assert all(any(f in text for f in surface_forms(slot, [v])) for v in value)
    else:
        assert text in forms
    if slot.kind == "enum":
        assert set(value if slot.many else [value]) <= set(slot.choices)
    if slot.kind in ("integer", "number") and not slot.many:
        assert slot.minimum <= value <= slot.maximum


def test_the_same_seed_gives_the_same_values():
    slots = _all_slots()[:80]
    makers = ValueMaker(random.Random(7)), ValueMaker(random.Random(7))
    first, again = ([maker.make(s) for s in slots] for maker in makers)
    assert first == again
    assert first != [ValueMaker(random.Random(8)).make(s) for s in slots]


def test_number_words():
    assert [number_words(n) for n in (0, 7, 21, 300, 342, 5000)] == [
        "zero",
        "seven",
        "twenty-one",
        "three hundred",
        "three hundred forty-two",
        "five thousand",
    ]
    assert number_words(1200) is None and number_words(-1) is None
    assert set(VALUE_KINDS) >= {"identifier", "currency", "airport", "cve"}
