"""Execution match (NexusRaven's scoring) and the evaluation-set readers."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from fncall.dialects import get_dialect
from fncall.errors import EvalDataError, EvalRunError
from fncall.eval.data import category_of, load_eval_set
from fncall.eval.score import decode, score

FUNCTIONS = '''
def vt_get_domain_report(domain: str, x_apikey: str, relationships: list | None = None):
    """Get a domain's VirusTotal report.

    Args:
        domain: The domain.
        x_apikey: The API key.
        relationships: Relationships to include.
    """


def searchCPE(keywordSearch: str | None = None, limit: int | None = None, exact: bool = False):
    """Search the CPE dictionary.

    Args:
        keywordSearch: Words to search for.
        limit: Most results.
        exact: Exact match only.
    """


def get_coordinates(city: str):
    """Coordinates of a city.

    Args:
        city: The city.
    """


def get_weather(coordinates: list, unit: str = "celsius"):
    """Weather at some coordinates.

    Args:
        coordinates: Latitude and longitude.
        unit: celsius or fahrenheit.
    """
'''


@pytest.fixture
def raven_set(tmp_path: Path) -> tuple[Path, Path]:
    functions = tmp_path / "functions.py"
    functions.write_text(FUNCTIONS)
    queries = tmp_path / "security_queries.json"
    queries.write_text(
        json.dumps(
            [
                {
                    "query": "Report on cloudflare.com, key my_api",
                    "reference": 'vt_get_domain_report(domain = "cloudflare.com", '
                    'x_apikey = "my_api")',
                },
                {
                    "query": "Two CPEs for Microsoft Exchange 2010",
                    "reference": "r = nvdlib.searchCPE(keywordSearch = 'Microsoft Exchange 2010', "
                    "limit = 2)",
                },
                {
                    "query": "Weather in Paris",
                    "reference": "get_weather(coordinates=get_coordinates(city='Paris'))",
                },
                {
                    "query": "Report on a.com then b.com, key k",
                    "reference": "vt_get_domain_report('a.com', 'k'); "
                    "vt_get_domain_report('b.com', 'k')",
                },
            ]
        )
    )
    return queries, functions


def _verdicts(raven_set, outputs: list[str]) -> list:
    entries = load_eval_set([raven_set[0]], tools=raven_set[1])
    reader = get_dialect("nexusraven-v2")
    return [score(e, decode(reader, o, e.tools)) for e, o in zip(entries, outputs, strict=True)]


def test_reference_entries_read_with_their_category_and_calls(raven_set):
    entries = load_eval_set([raven_set[0]], tools=raven_set[1])
    assert [e.id for e in entries] == [f"security_queries_{i}" for i in range(4)]
    assert {e.category for e in entries} == {"security_queries"}
    assert all(e.scoring == "exec" for e in entries)
    # "r = nvdlib.searchCPE(...)" is the offered searchCPE
    assert entries[1].reference[0].name == "searchCPE"


def test_positional_keyword_and_default_forms_all_match(raven_set):
    verdicts = _verdicts(
        raven_set,
        [
            "Call: vt_get_domain_report('cloudflare.com', x_apikey='my_api', relationships=None)",
            "Call: searchCPE(limit=2.0, keywordSearch='Microsoft Exchange 2010', exact=False)",
            "Call: get_weather(coordinates=get_coordinates(city='Paris'), unit='celsius')",
            "Call: vt_get_domain_report(domain='a.com', x_apikey='k'); "
            "vt_get_domain_report(x_apikey='k', domain='b.com')",
        ],
    )
    assert [v.error_type for v in verdicts] == [None] * 4


def test_mismatches_get_their_error_types(raven_set):
    verdicts = _verdicts(
        raven_set,
        [
            "Call: vt_get_domain_report(domain='cloudflare.org', x_apikey='my_api')",
            "Call: searchCPE(keywordSearch='Microsoft Exchange 2010', limit=2, verbose=True)",
            "Call: get_weather(unit='celsius')",
            "Call: vt_get_domain_report('b.com', 'k'); vt_get_domain_report('a.com', 'k')",
        ],
    )
    assert [v.error_type for v in verdicts] == [
        "exec:value_mismatch",
        "exec:unexpected_param",
        "exec:missing_required",
        "exec:wrong_order",
    ]
    more = _verdicts(
        raven_set,
        [
            "Call: searchCPE(keywordSearch='cloudflare.com')",
            "I cannot help with that.",
            "Call: get_weather(coordinates=[48.8, 2.3])",  # the nested call is not made
            "Call: vt_get_domain_report('a.com', 'k')",
        ],
    )
    assert [v.error_type for v in more] == [
        "exec:wrong_func_name",
        "exec:no_call",
        "exec:wrong_count",
        "exec:wrong_count",
    ]


def test_fncall_sets_carry_their_own_tools_and_null_references(tmp_path):
    tool = {
        "type": "function",
        "function": {
            "name": "set_light",
            "description": "Switch a light.",
            "parameters": {
                "type": "object",
                "properties": {"room": {"type": "string"}, "on": {"type": "boolean"}},
                "required": ["room", "on"],
            },
        },
    }
    data = tmp_path / "home.jsonl"
    rows = [
        {
            "id": "home_0",
            "query": "Lights on in the kitchen",
            "tools": [tool],
            "reference": "set_light(room='kitchen', on=True)",
        },
        {"id": "chat_0", "query": "Tell me a joke", "tools": [tool], "reference": None},
    ]
    data.write_text("\n".join(json.dumps(r) for r in rows))
    home, chat = load_eval_set([data])
    assert (home.category, home.scoring, chat.category, chat.scoring) == (
        "home",
        "exec",
        "chat",
        "no_call",
    )
    hermes = get_dialect("hermes")
    call = {"name": "set_light", "arguments": {"room": "kitchen", "on": True}}
    output = f"<tool_call>\n{json.dumps(call)}\n</tool_call>"
    assert score(home, decode(hermes, output, home.tools)).valid
    assert score(chat, decode(hermes, "Why did the ...", chat.tools)).valid
    assert not score(chat, decode(hermes, output, chat.tools)).valid


def test_category_comes_from_the_field_then_the_id_then_the_file():
    assert category_of({"id": "simple_python_3", "category": "mine"}, "f") == "mine"
    assert category_of({"id": "simple_python_3"}, "f") == "simple_python"
    assert category_of({"id": "live_simple_0-0-0"}, "f") == "live_simple"
    assert category_of({"id": "parallel_multiple_0"}, "f") == "parallel_multiple"
    assert category_of({"id": "no-number"}, "file_stem") == "file_stem"


def _write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip())
    return path


def test_bad_sets_get_clear_errors(tmp_path, raven_set):
    question = {
        "id": "simple_python_0",
        "question": [[{"role": "user", "content": "hi"}]],
        "function": [
            {"name": "f", "description": "", "parameters": {"type": "dict", "properties": {}}}
        ],
    }
    bfcl = _write(tmp_path / "q.json", json.dumps(question) + "\n{broken\n")
    with pytest.raises(EvalDataError, match=r"q.json, line 2: not valid JSON"):
        load_eval_set([bfcl])
    bfcl.write_text(json.dumps(question))
    with pytest.raises(EvalDataError, match="no possible answer for this id"):
        load_eval_set([bfcl])
    answers = _write(
        tmp_path / "a.json", json.dumps({"id": "simple_python_0", "ground_truth": [{"g": {}}]})
    )
    with pytest.raises(EvalDataError, match="'g', which is not offered"):
        load_eval_set([bfcl], [answers])
    java = _write(tmp_path / "j.json", json.dumps({**question, "id": "simple_java_0"}))
    with pytest.raises(EvalRunError, match="Java"):
        load_eval_set([java])
    with pytest.raises(EvalDataError, match="pass them with --tools"):
        load_eval_set([raven_set[0]])
    with pytest.raises(EvalDataError, match="also appears in"):
        load_eval_set([raven_set[0], raven_set[0]], tools=raven_set[1])
    bad_reference = _write(
        tmp_path / "r.json", json.dumps([{"query": "q", "reference": "os.system('rm')"}])
    )
    with pytest.raises(EvalDataError, match="r_0: reference"):
        load_eval_set([bad_reference], tools=raven_set[1])
    unknown = _write(tmp_path / "u.json", json.dumps([{"hello": 1}]))
    with pytest.raises(EvalDataError, match="expected BFCL's"):
        load_eval_set([unknown])
    with pytest.raises(EvalDataError, match="no such file"):
        load_eval_set([tmp_path / "missing.json"])
