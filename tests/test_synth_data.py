"""Synthetic data: the tool universe, queries, refinement stages and ``fncall data synth``."""

from __future__ import annotations

import itertools
import json
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fncall.calls.call import ToolCall
from fncall.cli import main
from fncall.errors import SynthError
from fncall.retrieval import load_demos
from fncall.tools import tools_from_json
from fncall.train.synth.catalog import catalog_domains, placeholders
from fncall.train.synth.dataset import SynthConfig, synthesize
from fncall.train.synth.examples import CATEGORY_WEIGHTS, ExampleMaker
from fncall.train.synth.queries import fill
from fncall.train.synth.refine import OVERLAP_WORDS, Refinery, words
from fncall.train.synth.universe import DOCSTRING_STYLES, build_universe
from fncall.train.synth.values import ValueMaker, surface_forms
from tests.bfcl_data import BFCL_DIR, bfcl_entries, needs_bfcl


@pytest.fixture(scope="module")
def universe():
    return build_universe(catalog_domains(), seed=3)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    manifest = synthesize(
        SynthConfig(out=out, seed=11, train_examples=400, heldout_examples=120), progress=False
    )
    return out, manifest


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    """``dataset``'s settings, but training examples in groups of up to four, and
    procedural intents among them."""
    out = tmp_path_factory.mktemp("grouped")
    config = SynthConfig(
        out=out,
        seed=11,
        train_examples=200,
        heldout_examples=120,
        group_size=4,
        procedural_intents=60,
        demos=150,
    )
    return out, synthesize(config, progress=False)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_the_universe_is_large_varied_and_loadable(universe):
    assert len({t.source for t in universe}) >= 2000
    assert len({t.domain for t in universe}) >= 40
    assert {t.style for t in universe} == set(DOCSTRING_STYLES)
    sources = " ".join(t.source for t in universe)
    for form in ("Literal[", "Optional[", "| None", "list[", "List[", ": bool = False"):
        assert form in sources
    for composed in universe[:: len(universe) // 50]:
        # the source a data file carries loads back to the same tool
        (again,) = tools_from_json([{"python": composed.source}])
        assert again == composed.tool
        assert set(composed.tool.properties) == set(composed.params.values())


def test_the_universe_follows_the_seed(universe):
    sources = [t.source for t in universe]
    assert [t.source for t in build_universe(catalog_domains(), seed=3)] == sources
    assert [t.source for t in build_universe(catalog_domains(), seed=4)] != sources


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), pick=st.integers(0, 10**6))
def test_noise_never_touches_a_value(seed, pick):
    intents = [i for d in catalog_domains() for i in d.intents]
    intent = intents[pick % len(intents)]
    template = intent.queries[pick % len(intent.queries)]
    rng = random.Random(seed)
    query = fill(intent, template, ValueMaker(rng), rng, noise=1.0)
    slots = {s.key: s for s in intent.slots}
    for key, mention in query.mentions.items():
        assert mention in query.text
        assert mention in surface_forms(slots[key], query.values[key]) or slots[key].many
    said = {k for k in placeholders(template) if slots[k].kind != "boolean"}
    assert said <= set(query.values)


def test_each_category_gives_the_answer_it_promises(universe):
    maker = ExampleMaker(universe, universe, universe, ["hello there"], random.Random(5))
    for category in CATEGORY_WEIGHTS:
        for _ in range(30):
            example = maker.make(category)
            names = [t.tool.name for t in example.tools]
            assert len(names) == len(set(names)) and 1 <= len(names) <= 8
            assert len({t.intent_id for t in example.tools}) == len(names)
            if category == "irrelevance":
                assert not example.calls and example.answer
                assert not set(example.intents) & {t.intent_id for t in example.tools}
                continue
            assert {c.name for c in example.calls} <= set(names)
            assert len(example.calls) == (2 if category == "parallel" else 1)
            if category == "simple":
                assert len(names) == 1
            if category == "nested":
                (call,) = example.calls
                assert any(isinstance(v, ToolCall) for v in call.arguments.values())


def test_renamed_examples_offer_fresh_names_and_call_them(universe):
    known = {t.tool.name for t in universe}
    maker = ExampleMaker(universe, universe, universe, ["hi"], random.Random(2), rename_rate=1.0)
    for category in CATEGORY_WEIGHTS:
        for _ in range(20):
            example = maker.make(category)
            names = [t.tool.name for t in example.tools]
            assert len(set(names)) == len(names) and not set(names) & known
            for tool in example.tools:  # the spec and the prompt's source agree
                assert tool.source.startswith(f"def {tool.tool.name}(")
                assert tools_from_json([{"python": tool.source}])[0] == tool.tool
            called = {c.name for c in example.calls} | {
                n.name for c in example.calls for n in c.nested_calls()
            }
            assert called <= set(names)
            assert {t.tool.name for t in example.targets} <= set(names)
    plain = ExampleMaker(universe, universe, universe, ["hi"], random.Random(2))
    assert all({t.tool.name for t in plain.make().tools} <= known for _ in range(50))


def test_refinement_drops_each_kind_of_bad_example(universe):
    maker = ExampleMaker(universe, universe, universe, ["hello"], random.Random(9))
    refinery = Refinery(["please tell me the weather in the lovely city of Oslo today"])
    good = next(e for e in iter(lambda: maker.make("simple"), None) if e.calls[0].arguments)
    assert refinery.keep(good, "answer")
    assert not refinery.keep(good, "answer")  # the same again
    call = good.calls[0]
    name, _value = next(iter(call.arguments.items()))
    schema = good.tools[0].tool.properties[name]
    made_up = "Zanzibar-9" if schema.get("type") == "string" else 987654
    ungrounded = replace(good, calls=(ToolCall(call.name, {**call.arguments, name: made_up}),))
    wrong_type = replace(good, calls=(ToolCall(call.name, {**call.arguments, name: [[1]]}),))
    unknown = replace(good, calls=(ToolCall(call.name, {**call.arguments, "zzz": 1}),))
    overlapping = replace(
        good, query=good.query + " Hey, please tell me the weather in the lovely city of Oslo today"
    )
    assert not refinery.keep(ungrounded, "a2")
    assert not refinery.keep(wrong_type, "a3")
    assert not refinery.keep(unknown, "a4")
    assert not refinery.keep(overlapping, "a5")
    report = refinery.report()
    assert report["duplicates"]["reasons"] == {"repeated query and answer": 1}
    assert sum(report["schema"]["reasons"].values()) == 2
    assert report["grounding"]["dropped"] == 1
    assert report["eval_overlap"]["reasons"] == {
        f"shares {OVERLAP_WORDS} words with an evaluation query": 1
    }
    assert report["schema"]["passed"] == 4  # good twice, ungrounded, overlapping


@pytest.mark.parametrize("data", ["dataset", "grouped"])
def test_the_dataset_keeps_heldout_tools_out_of_training(data, request):
    out, manifest = request.getfixturevalue(data)
    train, heldout = _records(out / "train.jsonl"), _records(out / "heldout.jsonl")
    assert len(train) == manifest["config"]["train_examples"] and len(heldout) == 120
    held = set(manifest["universe"]["heldout_intents"])
    assert len(held) >= 40
    held_names = {
        name
        for d in catalog_domains()
        for i in d.intents
        if f"{d.name}/{i.names[0]}" in held
        for name in i.names
    }
    train_text = "\n".join(r["prompt"] + r["completion"] for r in train)
    assert not [n for n in held_names if re.search(rf"\b{n}\(", train_text)]
    heldout_calls = " ".join(c for r in heldout for c in r["reference"] or [])
    assert [n for n in held_names if f"{n}(" in heldout_calls]
    assert not {r["query"] for r in train} & {r["query"] for r in heldout}
    assert {r["category"] for r in train} == set(CATEGORY_WEIGHTS)


@pytest.mark.parametrize("data", ["dataset", "grouped"])
def test_the_manifest_counts_add_up(data, request):
    _out, manifest = request.getfixturevalue(data)
    for _split, facts in manifest["splits"].items():
        stages = facts["stages"]
        assert stages["eval_overlap"]["passed"] == facts["examples"]
        for before, after in zip(list(stages), list(stages)[1:], strict=False):
            assert stages[before]["passed"] == stages[after]["passed"] + stages[after]["dropped"]
        assert sum(facts["categories"].values()) == facts["examples"]
        assert sum(facts["domains"].values()) == facts["examples"]
    assert manifest["universe"]["distinct_tools"] >= 2000


def test_synth_is_deterministic(dataset, tmp_path):
    out, manifest = dataset
    again = synthesize(
        SynthConfig(out=tmp_path, seed=11, train_examples=400, heldout_examples=120),
        progress=False,
    )
    assert again["splits"] == manifest["splits"]
    assert (tmp_path / "train.jsonl").read_bytes() == (out / "train.jsonl").read_bytes()


@pytest.mark.parametrize("data", ["dataset", "grouped"])
def test_every_target_completion_scores_full_marks(data, request, tmp_path, capsys):
    """The reference answers, as the model is trained to write them, pass fncall eval."""
    out, _ = request.getfixturevalue(data)
    for split in ("heldout", "train"):
        records = _records(out / f"{split}.jsonl")
        predictions = tmp_path / f"{split}-predictions.jsonl"
        predictions.write_text(
            "".join(json.dumps({"id": r["id"], "result": r["completion"]}) + "\n" for r in records)
        )
        run = tmp_path / f"run-{split}"
        args = ["eval", "--data", str(out / f"{split}.jsonl"), "--predictions", str(predictions)]
        assert main([*args, "--dialect", "nexusraven-v2", "--out", str(run), "--quiet"]) == 0
        summary = json.loads((run / "summary.json").read_text())
        assert summary["overall_accuracy"] == 1.0, summary
        assert summary["n"] == len(records)


def test_training_groups_share_their_prompt_and_differ_in_their_answers(grouped):
    out, manifest = grouped
    train = _records(out / "train.jsonl")
    groups = [list(g) for _, g in itertools.groupby(train, key=lambda r: r["group"])]
    assert [g[0]["group"] for g in groups] == list(range(len(groups)))
    assert manifest["splits"]["train"]["groups"] == len(groups) < len(train)
    for group in groups:
        assert 1 <= len(group) <= 4
        assert all(r["tools"] == group[0]["tools"] for r in group)
        assert len({r["prompt"].split("User Query:")[0] for r in group}) == 1
        assert len({r["query"] for r in group}) == len(group)
    categories = [{r["category"] for r in g} for g in groups]
    assert sum(len(c) > 1 for c in categories) > len(groups) // 2
    assert sum("irrelevance" in c for c in categories) > len(groups) // 2
    several_tools = [c for g, c in zip(groups, categories, strict=True) if len(g[0]["tools"]) > 1]
    assert several_tools and all("simple" not in c for c in several_tools)
    assert sum("multiple" in c for c in several_tools) > len(several_tools) // 2


def test_grouping_and_procedural_intents_leave_heldout_and_ungrouped_data_alone(dataset, grouped):
    (out, manifest), (grouped_out, grouped_manifest) = dataset, grouped
    assert grouped_manifest["universe"]["procedural_intents"] >= 60
    procedural = [
        r for r in _records(grouped_out / "train.jsonl") if r["domain"].startswith("procedural_")
    ]
    assert len(procedural) >= 20
    heldout = (out / "heldout.jsonl").read_bytes()
    assert (grouped_out / "heldout.jsonl").read_bytes() == heldout
    assert grouped_manifest["splits"]["heldout"] == manifest["splits"]["heldout"]
    assert not any("group" in r for r in _records(out / "train.jsonl"))
    assert "groups" not in manifest["splits"]["train"]
    assert manifest["config"]["group_size"] == 1


def test_the_demonstration_pool_shows_training_intents_only(grouped):
    out, manifest = grouped
    demos = load_demos(out / "demos.jsonl")  # every line a valid demonstration
    records = _records(out / "demos.jsonl")
    assert len(demos) == len(records) == 150 == manifest["splits"]["demos"]["examples"]
    held = set(manifest["universe"]["heldout_intents"])
    assert not [r for r in records if set(r["intents"]) & held]
    assert not {r["query"] for r in records} & {r["query"] for r in _records(out / "heldout.jsonl")}
    assert {d.names <= set(d.tools) for d in demos} == {True}
    assert any(len(d.calls) == 2 for d in demos)  # parallel requests are demonstrated too


def test_group_size_must_be_positive(tmp_path):
    with pytest.raises(SynthError, match="group_size must be >= 1, got 0"):
        synthesize(SynthConfig(out=tmp_path, group_size=0), progress=False)


def test_data_synth_cli_reports_the_stages(tmp_path, capsys):
    args = ["data", "synth", "--out", str(tmp_path), "--train", "30", "--heldout", "10"]
    assert main([*args, "--seed", "2", "--group-size", "3", "--demos", "20", "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "train: 30 examples kept" in printed and "grounding -" in printed
    assert "demos: 20 examples kept" in printed and (tmp_path / "demos.jsonl").is_file()
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["config"]["group_size"] == 3 and manifest["splits"]["train"]["groups"] >= 10
    assert main(["data", "synth", "--out", str(tmp_path), "--train", "0", "--quiet"]) == 1
    assert "SynthError" in capsys.readouterr().err
    missing = ["--exclude", str(tmp_path / "nope.json")]
    assert main(["data", "synth", "--out", str(tmp_path), *missing, "--quiet"]) == 1
    assert "not found" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"query": "ok"}\nnot json\n')
    assert main(["data", "synth", "--out", str(tmp_path), "--exclude", str(broken)]) == 1
    assert "broken.jsonl, line 2: not valid JSON" in capsys.readouterr().err


@needs_bfcl
def test_no_training_query_overlaps_bfcl(tmp_path):
    manifest = synthesize(
        SynthConfig(
            out=tmp_path, seed=1, train_examples=300, heldout_examples=30, exclude=[BFCL_DIR]
        ),
        progress=False,
    )
    assert len(manifest["excluded_evaluation_sets"]) >= 5  # question files and answers
    grams = set()
    for entry in bfcl_entries():
        tokens = words(" ".join(m.get("content") or "" for m in entry.messages))
        grams.update(tuple(tokens[i : i + OVERLAP_WORDS]) for i in range(len(tokens)))
    for record in _records(tmp_path / "train.jsonl"):
        tokens = words(record["query"])
        assert not any(
            tuple(tokens[i : i + OVERLAP_WORDS]) in grams
            for i in range(len(tokens) - OVERLAP_WORDS + 1)
        )


def test_synth_train_and_heldout_eval_run_end_to_end(tmp_path, capsys):
    """The pipeline a user runs to make a model: data, a (tiny) training run with held-out
    evaluation, then the exported model answering through ``fncall call``."""
    data, run = tmp_path / "data", tmp_path / "run"
    assert main(["data", "synth", "--out", str(data), "--train", "60", "--heldout", "10"]) == 0
    args = ["train", "--data", str(data / "train.jsonl"), "--out", str(run), "--size", "tiny"]
    args += ["--heldout", str(data / "heldout.jsonl"), "--heldout-per-category", "1"]
    args += ["--max-steps", "4", "--eval-every", "4", "--batch-tokens", "4096", "--quiet"]
    assert main([*args, "--dtype", "float32", "--vocab-size", "600", "--warmup-steps", "1"]) == 0
    printed = capsys.readouterr().out
    assert "4 steps" in printed and "heldout_accuracy" in printed
    log = [json.loads(line) for line in (run / "log.jsonl").read_text().splitlines()]
    evals = [line["eval"] for line in log if "eval" in line]
    assert evals and 0.0 <= evals[-1]["heldout_accuracy"] <= 1.0
    metadata = json.loads((run / "model" / "fncall.json").read_text())
    assert metadata["dialect"] == "nexusraven-v2"
    tools = tmp_path / "tools.json"
    tools.write_text(json.dumps([{"python": "def ping(host: str):\n    '''Ping a host.'''\n"}]))
    call = ["call", "--model", str(run / "model"), "--tools", str(tools), "--max-tokens", "16"]
    main([*call, "--tool-choice", "required", "ping example.com"])
    response = json.loads(capsys.readouterr().out)
    # the model loads by its folder alone (dialect from fncall.json); under tool_choice
    # "required" even a 4-step model's output is the start of a call of `ping`
    assert response["raw"].startswith("Call: ping(host="), response
