"""Procedural intents: generated actions on things, for reading practice."""

from __future__ import annotations

import pytest

from fncall.errors import SynthError
from fncall.train.synth.catalog import catalog_domains, check_catalog, placeholders
from fncall.train.synth.dataset import SynthConfig, synthesize
from fncall.train.synth.procedural import ACTIONS, DOMAIN_PREFIX, procedural_domains

_NAMES = {name for d in catalog_domains() for intent in d.intents for name in intent.names}


@pytest.fixture(scope="module")
def generated():
    return procedural_domains(5, 200, catalog_domains())


def test_procedural_intents_keep_the_catalog_rules_and_avoid_its_names(generated):
    intents = [intent for domain in generated for intent in domain.intents]
    assert 200 <= len(intents) < 206
    assert check_catalog(catalog_domains() + generated) == []
    assert all(domain.name.startswith(DOMAIN_PREFIX) for domain in generated)
    names = {name for intent in intents for name in intent.names}
    assert not names & _NAMES
    assert len(names) == 3 * len(intents)


def test_procedural_intents_are_asked_for_with_their_own_verbs(generated):
    """Each template says one of its action's phrases, and the intent's names carry one of
    its stems, so the verb links query to tool."""
    stems = [stem for action in ACTIONS for stem in action.stems]
    assert len(set(stems)) == len(stems)
    for domain in generated:
        for intent in domain.intents:
            (action,) = {a for a in ACTIONS for name in intent.names if _stem(name) in a.stems}
            for template in intent.queries:
                assert any(phrase in template for phrase in action.phrases), template
            for slot in intent.slots:
                said = sum(slot.key in placeholders(t) for t in intent.queries)
                assert said == len(intent.queries) if slot.required else said > 0


def _stem(name: str) -> str:
    """The action stem of a procedural name: ``get_x``, ``x_get`` or ``get_x_record``."""
    words = name.split("_")
    return words[0] if any(words[0] in a.stems for a in ACTIONS) else words[-1]


def test_procedural_intents_of_a_thing_differ_in_action(generated):
    for domain in generated:
        verbs = [intent.names[0] for intent in domain.intents]
        assert len(set(verbs)) == len(verbs) >= 1
    assert len(generated) >= 200 // 5


def test_procedural_domains_follow_the_seed(generated):
    assert procedural_domains(5, 200, catalog_domains()) == generated
    assert procedural_domains(6, 200, catalog_domains()) != generated
    assert procedural_domains(5, 0, catalog_domains()) == ()


def test_procedural_intents_must_not_be_negative_or_too_many(tmp_path):
    with pytest.raises(SynthError, match="procedural_intents must be >= 0, got -1"):
        synthesize(SynthConfig(out=tmp_path, procedural_intents=-1), progress=False)
    with pytest.raises(SynthError, match=r"only [\d,]+ procedural intents can be made, "):
        synthesize(SynthConfig(out=tmp_path, procedural_intents=10**6), progress=False)
