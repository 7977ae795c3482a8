"""Chat turns for agents (``fncall data synth --chat-share``): answers state every value of
the tool results they follow, conversations render in the chat dialect with system prompts,
follow-ups and tool results, the held-out split is untouched, and the held-out chat set is
scored by ``fncall eval`` (a plain answer must state the results' values)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from fncall.calls.call import ToolCall
from fncall.demo import QUERIES
from fncall.dialects import get_dialect
from fncall.errors import SynthError
from fncall.eval import load_eval_set
from fncall.eval.score import decode, score
from fncall.train.synth.chats import answer_for, result_for, result_values
from fncall.train.synth.dataset import SynthConfig, synthesize


def test_answers_state_every_value_of_their_results():
    rng = random.Random(3)
    errors = 0
    for _ in range(500):
        calls = [
            ToolCall("get_weather", {"city": rng.choice(["Paris", "Lima"]), "days": 3})
            for _ in range(rng.randint(1, 2))
        ]
        results = [(c, result_for(c, rng)) for c in calls]
        errors += sum("error" in r for _, r in results)
        answer = answer_for(results, rng)
        for _, result in results:
            json.dumps(result)  # results are JSON
            assert result_values(result), result
            for value in result_values(result):
                assert value in answer, (value, answer)
    assert 0 < errors < 200  # some results are errors, which the answer reports


@pytest.fixture(scope="module")
def chat_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("chats")
    config = SynthConfig(
        out=out, seed=5, train_examples=240, heldout_examples=40, group_size=4, chat_share=0.5
    )
    synthesize(config, progress=False)
    return out


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_share_of_groups_becomes_chat_turns(chat_data):
    records = _records(chat_data / "train.jsonl")
    chats = [r for r in records if r["category"].startswith("chat_")]
    single = [r for r in records if not r["category"].startswith("chat_")]
    assert chats and single
    kinds = {r["category"] for r in chats}
    assert kinds == {"chat_call", "chat_answer", "chat_no_fit"}
    hermes = get_dialect("hermes")
    for record in chats:
        assert record["prompt"].startswith("<|im_start|>system\nYou are a function calling")
        assert record["prompt"].endswith("<|im_start|>assistant\n")
        assert record["completion"].endswith("<|im_end|>")
        assert isinstance(record["group"], int)
        if record["category"] == "chat_answer":
            assert "<tool_response>" in record["prompt"]
            for value in record["answer_contains"]:
                assert value in record["completion"]
        if record["category"] == "chat_call":
            calls = hermes.parse(record["completion"], _tools(record)).calls
            assert [c.name for c in calls] == [r.split("(")[0] for r in record["reference"]]
    assert any("<|im_start|>system\n" in r["prompt"].split("<|im_end|>", 1)[1] for r in chats)
    follow_ups = [r for r in chats if r["prompt"].count("<|im_start|>user") > 1]
    assert follow_ups  # some turns come after an earlier exchange
    # one group's turns offer the same tools, so the trainer packs their shared prefix
    by_group: dict[int, list[dict]] = {}
    for record in chats:
        by_group.setdefault(record["group"], []).append(record)
    for group in by_group.values():
        assert len({json.dumps(r["tools"]) for r in group}) == 1


def _tools(record: dict):
    from fncall.tools import toolset
    from fncall.tools.formats import tools_from_json

    return toolset(tools_from_json(record["tools"]))


def test_the_held_out_split_is_the_same_with_chats(chat_data, tmp_path):
    plain = SynthConfig(out=tmp_path, seed=5, train_examples=240, heldout_examples=40)
    manifest = synthesize(plain, progress=False)
    # the demo's queries are the project's own test set: never trained on (the everyday
    # queries, the grounded one, and the agent's, the MCP server's and the large library's)
    assert manifest["excluded_queries"] == len(QUERIES) + 4
    held = (chat_data / "heldout.jsonl").read_bytes()
    assert held == (tmp_path / "heldout.jsonl").read_bytes()
    assert not (tmp_path / "heldout-chat.jsonl").exists()
    with pytest.raises(SynthError, match="not a multi-turn dialect"):
        synthesize(
            SynthConfig(out=tmp_path, chat_share=0.5, chat_dialect="nexusraven-v2"),
            progress=False,
        )
    with pytest.raises(SynthError, match="chat_share must be between 0 and 1"):
        synthesize(SynthConfig(out=tmp_path, chat_share=1.5), progress=False)


def test_held_out_chats_are_scored_by_the_values_an_answer_states(chat_data):
    entries = load_eval_set([chat_data / "heldout-chat.jsonl"])
    by_scoring = {e.scoring for e in entries}
    assert "states" in by_scoring and "exec" in by_scoring
    records = {r["id"]: r for r in _records(chat_data / "heldout-chat.jsonl")}
    hermes = get_dialect("hermes")
    for entry in entries:
        right = records[entry.id]["completion"].removesuffix("<|im_end|>")
        assert score(entry, decode(hermes, right, entry.tools)).valid, entry.id
        if entry.scoring == "states":
            assert entry.messages[-1]["role"] == "tool"
            vague = "Done, it all worked out."
            verdict = score(entry, decode(hermes, vague, entry.tools))
            assert not verdict.valid and "does not state" in verdict.errors[0]
