"""A run survives its entries: an entry whose prompt cannot be made or does not fit the
model fails alone, damaged results are set aside, paths name one configuration however
they are written, and an interruption counts what is on disk."""

from __future__ import annotations

import html
import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from fncall.cli import main
from fncall.engines.base import Engine, Generation, GenerationRequest
from fncall.errors import ContextLengthError, EngineError, FncallError, GrammarError
from fncall.eval import EvalConfig, ModelSource, ResultStore, load_eval_set, run_eval
from fncall.eval.runner import DAMAGED_FILE, RESULTS_FILE
from fncall.settings import CallerSettings

LIGHT = {
    "type": "function",
    "function": {
        "name": "set_light",
        "description": "Switch a light on or off.",
        "parameters": {
            "type": "object",
            "properties": {"room": {"type": "string"}, "on": {"type": "boolean"}},
            "required": ["room", "on"],
        },
    },
}
# thousands of tokens: more than the tiny model's 4,096 positions
LONG_QUERY = "Lights on in " + ", ".join(f"room {i} or hall {i * 7}" for i in range(2500))


def _row(entry_id: str, query: str, reference: str | None = None, **extra) -> dict:
    return {"id": entry_id, "query": query, "tools": [LIGHT], "reference": reference, **extra}


def _write_set(path: Path, rows: Sequence[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _mixed_set(path: Path) -> Path:
    """Two ordinary entries, one too long for the model, one conversation whose earlier
    call is broken (its arguments are no JSON object), and a no-call entry."""
    return _write_set(
        path,
        [
            _row("home_0", "Lights on in the kitchen", "set_light(room='kitchen', on=True)"),
            _row("home_1", LONG_QUERY, "set_light(room='room 1', on=True)"),
            _row(
                "home_2",
                "",
                "set_light(room='hall', on=True)",
                messages=[
                    {"role": "user", "content": "Lights on in the hall"},
                    {
                        "role": "assistant",
                        "tool_calls": [{"function": {"name": "set_light", "arguments": "{hall"}}],
                    },
                    {"role": "tool", "content": "done"},
                    {"role": "user", "content": "And the porch"},
                ],
            ),
            _row("home_3", "Switch off the bedroom light", "set_light(room='bedroom', on=False)"),
            _row("chat_0", "Tell me a joke"),
        ],
    )


def _records(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, (out / RESULTS_FILE).read_text().splitlines())}


def test_entries_that_cannot_be_run_fail_alone_and_the_rest_is_scored(
    tiny_model_dir, tmp_path, capsys
):
    data = _mixed_set(tmp_path / "home.jsonl")
    common = ["eval", "--data", str(data), "--model", str(tiny_model_dir), "--quiet"]
    common += ["--max-tokens", "20"]
    out = tmp_path / "batched"
    # all five in one batch: the two bad entries must not fail the other three
    assert main([*common, "--batch-size", "5", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    records = _records(out)
    assert len(records) == 5

    too_long, conversation = records["home_1"], records["home_2"]
    assert too_long["error"] == too_long["error_type"] == "ContextLengthError"
    assert "exceeds the model's 4096 positions" in too_long["errors"][0]
    assert conversation["error"] == conversation["error_type"] == "PromptError"
    assert "(set_light): arguments must be a JSON object" in conversation["errors"][0]
    for failed in (too_long, conversation):
        assert failed["valid"] is False and failed["raw"] == "" and failed["attempts"] == 0
    for entry_id in ("home_0", "home_3", "chat_0"):
        ran = records[entry_id]
        assert ran["error"] is None
        assert ran["completion_tokens"] > 0 and ran["latency_s"] > 0 and ran["attempts"] == 1

    summary = json.loads((out / "summary.json").read_text())
    assert summary["n"] == 5
    assert summary["not_run"] == 2
    assert summary["not_run_by_error"] == {"ContextLengthError": 1, "PromptError": 1}
    assert summary["by_category"]["home"]["n"] == 4
    assert summary["overall_accuracy"] == sum(r["valid"] for r in records.values()) / 5
    assert summary["error_types"]["PromptError"] == 1
    assert "not run (counted as failed)  2 (ContextLengthError 1, PromptError 1)" in printed
    page = html.unescape((out / "report.html").read_text())
    assert "(set_light): arguments must be a JSON object" in page
    # each failure with its question and what a right answer is
    assert "<th>question</th><th>expected</th>" in page
    assert "set_light(room='room 1', on=True)" in page and LONG_QUERY[:200] in page

    # the good entries' outputs do not depend on sharing a batch with the bad ones
    alone = tmp_path / "alone"
    assert main([*common, "--batch-size", "1", "--out", str(alone)]) == 0
    for entry_id, record in _records(alone).items():
        assert record["raw"] == records[entry_id]["raw"]
        assert record["error"] == records[entry_id]["error"]

    # resuming keeps the failures as they are: the same configuration fails them the same way
    before = (out / RESULTS_FILE).read_bytes()
    assert main([*common, "--batch-size", "5", "--out", str(out)]) == 0
    assert (out / RESULTS_FILE).read_bytes() == before
    assert json.loads((out / "summary.json").read_text())["not_run"] == 2


class _Wrapped(Engine):
    """The tiny model behind an engine that finds out about one request only when it gets
    the batch (as vLLM or a server does a prompt's length, or an engine a grammar it cannot
    compile): it refuses a batch holding a prompt longer than ``max_chars`` with
    ``refusal``, or, when ``broken``, every batch."""

    name = "wrapped"

    def __init__(
        self,
        inner: Engine,
        max_chars: int = 10**9,
        refusal: type[FncallError] = ContextLengthError,
        broken: bool = False,
    ) -> None:
        self.inner, self.max_chars, self.refusal, self.broken = inner, max_chars, refusal, broken
        self.batches: list[int] = []

    def generate(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        self.batches.append(len(requests))
        if self.broken:
            raise EngineError("the model server went away")
        longest = max(len(r.prompt) for r in requests)
        if longest > self.max_chars:
            raise self.refusal(f"a prompt of {longest} characters does not fit")
        return self.inner.generate(requests)


@pytest.mark.parametrize("refusal", [ContextLengthError, GrammarError])
def test_a_batch_refused_for_one_entry_runs_the_others_and_a_broken_engine_stops(
    refusal, tiny_engine, tmp_path
):
    entries = load_eval_set([_mixed_set(tmp_path / "home.jsonl")])
    entries = [e for e in entries if e.id != "home_2"]  # the conversation entry
    config = EvalConfig(CallerSettings(dialect="nexusraven-v2", max_tokens=12))
    engine = _Wrapped(tiny_engine, max_chars=5000, refusal=refusal)
    store = ResultStore(tmp_path / "run", config)
    records = run_eval(entries, ModelSource(config, engine), store, "nexusraven-v2", batch_size=4)
    by_id = {r["id"]: r for r in records}
    assert by_id["home_1"]["error"] == refusal.__name__
    assert "does not fit" in by_id["home_1"]["errors"][0]
    assert all(by_id[i]["error"] is None and by_id[i]["raw"] for i in ("home_0", "home_3"))
    assert engine.batches == [4, 1, 1, 1, 1]  # refused whole, then entry by entry
    assert len(_records(tmp_path / "run")) == 4

    broken = _Wrapped(tiny_engine, broken=True)
    store = ResultStore(tmp_path / "broken", config)
    with pytest.raises(EngineError, match="went away"):
        run_eval(entries, ModelSource(config, broken), store, "nexusraven-v2", batch_size=2)
    assert broken.batches == [2]  # the first failure stops the run
    assert not (tmp_path / "broken" / RESULTS_FILE).exists()


def _predicted_set(tmp_path: Path, n: int = 6) -> tuple[Path, Path]:
    rows = [_row(f"home_{i}", f"Lights on in room {i}", f"set_light(room='r{i}', on=True)")
            for i in range(n)]  # fmt: skip
    data = _write_set(tmp_path / "home.jsonl", rows)
    predictions = tmp_path / "predictions.jsonl"
    with predictions.open("w") as f:
        for i in range(n):
            call = {"name": "set_light", "arguments": {"room": f"r{i}", "on": True}}
            text = f"<tool_call>\n{json.dumps(call)}\n</tool_call>"
            f.write(json.dumps({"id": f"home_{i}", "result": text}) + "\n")
    return data, predictions


def test_damaged_records_anywhere_are_set_aside_and_only_their_entries_run_again(tmp_path, capsys):
    data, predictions = _predicted_set(tmp_path)
    out = tmp_path / "run"
    args = ["eval", "--data", str(data), "--predictions", str(predictions)]
    args += ["--dialect", "hermes", "--quiet", "--out", str(out)]
    assert main(args) == 0
    results = out / RESULTS_FILE
    lines = results.read_bytes().splitlines(keepends=True)
    assert len(lines) == 6

    garbled = b'{"id": "home_2", "digest": "\xff\xfe\x00 cut'  # not UTF-8, not JSON
    fieldless = b'{"id": "home_4", "raw": "no scores"}'  # JSON, but no whole result
    typed = lines[0].replace(b'"latency_s": 0.0', b'"latency_s": "fast"')
    assert typed != lines[0]
    damaged = [typed.rstrip(b"\n"), garbled, fieldless]
    # damaged in place of the 1st, 3rd and 5th records, and a blank line
    mixed = [damaged[0], lines[1], garbled, lines[3], b"", fieldless, lines[5]]
    results.write_bytes(b"".join(line.rstrip(b"\n") + b"\n" for line in mixed))
    capsys.readouterr()
    assert main(args) == 0
    err = capsys.readouterr().err
    assert f"set aside 3 damaged record(s) of {results} into {out / DAMAGED_FILE}" in err
    # the bytes as they were, one record a line
    assert (out / DAMAGED_FILE).read_bytes() == b"".join(d + b"\n" for d in damaged)
    after = results.read_bytes().splitlines(keepends=True)
    # the good records stay as they were, in order; only the three damaged entries ran again
    assert after[:3] == [lines[1], lines[3], lines[5]]
    assert [json.loads(line)["id"] for line in after[3:]] == ["home_0", "home_2", "home_4"]
    assert after[3:] == [lines[0], lines[2], lines[4]]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["n"] == 6 and summary["overall_accuracy"] == 1.0

    # nothing damaged now: no message, and the side file is left as it is
    assert main(args) == 0
    assert "set aside" not in capsys.readouterr().err
    assert (out / DAMAGED_FILE).read_bytes() == b"".join(d + b"\n" for d in damaged)
    # damage found later is added after what was set aside before
    results.write_bytes(b"[1, 2]\n" + results.read_bytes())
    assert main(args) == 0
    assert "set aside 1 damaged record(s)" in capsys.readouterr().err
    assert (out / DAMAGED_FILE).read_bytes().endswith(b"\n[1, 2]\n")
    assert (out / DAMAGED_FILE).read_bytes().startswith(damaged[0])
    assert len(results.read_bytes().splitlines()) == 6


def test_paths_written_differently_name_the_same_configuration(
    tiny_model_dir, tmp_path, monkeypatch, capsys
):
    data, predictions = _predicted_set(tmp_path, n=2)
    model_args = ["--max-tokens", "8", "--quiet"]
    out = tmp_path / "model-run"
    absolute = str(tiny_model_dir.resolve())
    assert main(["eval", "--data", str(data), "--model", absolute, *model_args,
                 "--out", str(out)]) == 0  # fmt: skip
    stored = json.loads((out / "config.json").read_text())
    assert stored["model"] == absolute
    before = (out / RESULTS_FILE).read_bytes()

    monkeypatch.chdir(tiny_model_dir.parent)
    link = tmp_path / "linked-model"
    link.symlink_to(tiny_model_dir, target_is_directory=True)
    for given in (tiny_model_dir.name, f"{tiny_model_dir.name}/", f"./{tiny_model_dir.name}",
                  str(link)):  # fmt: skip
        capsys.readouterr()
        assert main(["eval", "--data", str(data), "--model", given, *model_args,
                     "--out", str(out)]) == 0, capsys.readouterr().err  # fmt: skip
        assert (out / RESULTS_FILE).read_bytes() == before  # resumed: nothing ran again

    # another model directory, though the same weights, is another configuration
    copy = tmp_path / "copied-model"
    shutil.copytree(tiny_model_dir, copy)
    capsys.readouterr()
    assert main(["eval", "--data", str(data), "--model", str(copy), *model_args,
                 "--out", str(out)]) == 1  # fmt: skip
    assert "EvalRunError" in (err := capsys.readouterr().err) and "differs in model" in err

    # a predictions file given relative to the folder it is in, then absolute
    monkeypatch.chdir(tmp_path)
    scored = tmp_path / "scored"
    for given in (predictions.name, str(predictions)):
        assert main(["eval", "--data", str(data), "--predictions", given, "--dialect",
                     "hermes", "--quiet", "--out", str(scored)]) == 0  # fmt: skip
    assert len((scored / RESULTS_FILE).read_text().splitlines()) == 2


def test_an_interrupted_run_counts_the_results_on_disk(tiny_model_dir, tmp_path, capsys):
    rows = [_row(f"home_{i}", f"Lights on in room {i}") for i in range(300)]
    data = _write_set(tmp_path / "home.jsonl", rows)
    out = tmp_path / "run"
    args = ["eval", "--data", str(data), "--model", str(tiny_model_dir), "--max-tokens", "24",
            "--quiet", "--out", str(out)]  # fmt: skip
    assert main([*args, "--limit", "3"]) == 0
    # home_0 changed since: its stale record stays on disk next to the new one
    rows[0] = _row("home_0", "Lights off in room 0")
    _write_set(data, rows)

    process = subprocess.Popen(
        [sys.executable, "-m", "fncall.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # an ignored SIGINT is inherited, and Python then never raises KeyboardInterrupt:
        # the run must get Ctrl-C as a user's would, whatever ran in this process before
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    results = out / RESULTS_FILE
    deadline = time.monotonic() + 300
    while results.read_text().count("\n") < 6 and process.poll() is None:
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    said = next(line for line in err.splitlines() if line.startswith("interrupted: "))
    saved = int(said.split()[1])
    text = results.read_text()
    whole = text[: text.rfind("\n") + 1].splitlines()
    assert saved == len(whole) and saved >= 6
    assert len({json.loads(line)["id"] for line in whole}) == saved - 1  # home_0 twice
    assert f"saved in {results}" in said


def test_the_expected_answer_of_each_kind_of_entry_in_words():
    from fncall.eval.data import EvalEntry
    from fncall.eval.report import expected_of, question_of
    from fncall.tools.spec import ToolSet

    def entry(**fields) -> EvalEntry:
        messages = [{"role": "system", "content": "s"}, {"role": "user", "content": "Area?"}]
        return EvalEntry("e", "simple", messages, ToolSet(), [], **fields)

    ast = entry(scoring="ast", ground_truth=[{"area": {"base": [10], "unit": ["cm", ""]}}])
    assert expected_of(ast) == "area(base=10, unit='cm' | '')" and question_of(ast) == "Area?"
    two = entry(scoring="ast", ground_truth=[{"f": {}}, {"g": {"x": [1]}}])
    assert expected_of(two) == "f(); g(x=1) (any order)"
    assert expected_of(entry(scoring="no_call")).startswith("no call")
    assert expected_of(entry(scoring="states", expected_text=["14", "rain"])).endswith("14, rain")
