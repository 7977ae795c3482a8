"""``fncall eval`` end to end: a real (tiny, random) model on BFCL's five categories,
results appended per entry, resumption, reports and comparison."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from fncall.cli import main
from fncall.dialects import get_dialect
from fncall.eval.report import summarize
from tests.bfcl_data import BFCL_DIR, CATEGORIES, bfcl_entries, needs_bfcl, truth_calls

pytestmark = needs_bfcl


def _eval(*args: str) -> int:
    return main(["eval", "--data", str(BFCL_DIR), "--quiet", *args])


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_a_model_run_scores_every_category_resumes_and_reports(tiny_model_dir, tmp_path, capsys):
    out = tmp_path / "run"
    model = ["--model", str(tiny_model_dir), "--max-tokens", "40", "--limit", "2"]
    assert _eval(*model, "--out", str(out)) == 0
    printed = capsys.readouterr().out
    results = out / "results.jsonl"
    records = [json.loads(line) for line in _lines(results)]
    assert len(records) == 10
    assert sorted({r["category"] for r in records}) == sorted(CATEGORIES)
    for record in records:
        assert record["raw"] is not None and record["latency_s"] > 0
        assert record["completion_tokens"] <= 40
    summary = json.loads((out / "summary.json").read_text())
    assert summary["n"] == 10
    assert summary["by_category"].keys() == set(CATEGORIES)
    assert all(slot["n"] == 2 for slot in summary["by_category"].values())
    assert summary["overall_accuracy"] == sum(r["valid"] for r in records) / 10
    assert summary["latency_s"]["p50"] > 0 and summary["tokens_per_second"] > 0
    # constrained decoding: whatever completed within max_tokens is a valid call
    for record in records:
        if record["calls"]:
            assert record["valid_call"] and not record["hallucinated"]
    for category in CATEGORIES:
        assert category in printed
    assert "report.html" in printed

    page = _Tags()
    page.feed((out / "report.html").read_text())
    assert page.tags.count("svg") == 3  # accuracy, error types, latency
    assert "Accuracy per category" in "".join(page.text)
    assert not any(t in page.tags for t in ("script", "link", "img"))  # self-contained

    # an identical rerun reuses every finished entry
    before = results.read_bytes()
    assert _eval(*model, "--out", str(out)) == 0
    assert results.read_bytes() == before

    # an interrupted run (six results, then a line cut short) finishes the rest only
    results.write_text("\n".join(_lines(results)[:6]) + '\n{"id": "parallel_0", "cat')
    assert _eval(*model, "--out", str(out)) == 0
    finished = [json.loads(line) for line in _lines(results)]
    assert len(finished) == 10
    assert sorted(r["id"] for r in finished) == sorted(r["id"] for r in records)
    assert finished[:6] == records[:6]

    # a damaged line in the middle is set aside, never silently dropped nor fatal
    lines = _lines(results)
    results.write_text("\n".join([*lines[:3], '{"id": 1}', *lines[3:]]) + "\n")
    capsys.readouterr()
    assert _eval(*model, "--out", str(out)) == 0
    assert "set aside 1 damaged record" in capsys.readouterr().err
    assert (out / "results.damaged.jsonl").read_text() == '{"id": 1}\n'
    assert _lines(results) == lines

    # another configuration may not write into this folder
    capsys.readouterr()
    assert _eval("--model", str(tiny_model_dir), "--max-tokens", "41", "--out", str(out)) == 1
    assert "differs in max_tokens" in capsys.readouterr().err


def _predictions(path: Path, dialect: str, wrong_name: bool = False) -> Path:
    writer = get_dialect(dialect)
    with path.open("w") as f:
        for entry in bfcl_entries():
            if entry.scoring == "ast":
                calls = truth_calls(entry)
                if wrong_name:
                    calls[0] = type(calls[0])("not_offered", calls[0].arguments)
                text = writer.format_calls(calls)
            else:
                text = "No function fits this request."
            f.write(json.dumps({"id": entry.id, "result": text}) + "\n")
    return path


def test_scoring_predictions_and_comparing_runs(tmp_path, capsys):
    right = _predictions(tmp_path / "right.jsonl", "bfcl-python")
    wrong = _predictions(tmp_path / "wrong.jsonl", "bfcl-python", wrong_name=True)
    for name, predictions in (("truth", right), ("renamed", wrong)):
        args = ["--predictions", str(predictions), "--dialect", "bfcl-python"]
        assert _eval(*args, "--out", str(tmp_path / name)) == 0
    truth = json.loads((tmp_path / "truth" / "summary.json").read_text())
    assert truth["overall_accuracy"] == 1.0 and truth["bfcl_non_live_ast_summary"] == 1.0
    assert truth["irrelevance_rate"] == 1.0 and truth["hallucinated_function_rate"] == 0
    renamed = json.loads((tmp_path / "renamed" / "summary.json").read_text())
    assert renamed["by_category"]["irrelevance"]["accuracy"] == 1.0
    assert renamed["by_category"]["simple_python"]["accuracy"] == 0.0
    assert renamed["hallucinated_function_rate"] == 1000 / 1240
    assert renamed["error_types"]["simple_function_checker:wrong_func_name"] == 600
    capsys.readouterr()

    assert main(["eval", "compare", str(tmp_path / "truth"), str(tmp_path / "renamed")]) == 0
    table = capsys.readouterr().out
    overall = next(line for line in table.splitlines() if line.startswith("overall"))
    assert overall.split()[1:] == ["100.0%", "19.4%"]  # 240 irrelevance of 1240

    assert main(["eval", "compare", str(tmp_path / "nothing-here")]) == 1
    assert "no readable summary" in capsys.readouterr().err


def test_run_settings_are_recorded_and_older_runs_read_as_the_defaults(
    tiny_model_dir, tmp_path, capsys
):
    newer = tmp_path / "grounded"
    model = ["--model", str(tiny_model_dir), "--max-tokens", "40", "--limit", "1"]
    assert _eval(*model, "--grounded", "--beams", "2", "--out", str(newer)) == 0
    for recorded in (
        json.loads((newer / "config.json").read_text()),
        json.loads((newer / "summary.json").read_text())["config"],
    ):
        assert recorded["grounded"] is True and recorded["beams"] == 2

    # a run from before the settings existed: its summary and config.json lack them
    older = tmp_path / "older"
    predictions = ["--predictions", str(_predictions(tmp_path / "p.jsonl", "bfcl-python"))]
    run_older = [*predictions, "--dialect", "bfcl-python", "--limit", "1", "--out", str(older)]
    assert _eval(*run_older) == 0
    for name in ("config.json", "summary.json"):
        data = json.loads((older / name).read_text())
        config = data if name == "config.json" else data["config"]
        del config["grounded"], config["beams"]
        (older / name).write_text(json.dumps(data))
        if name == "config.json":
            assert _eval(*run_older) == 0  # resumed, not refused as another configuration
    capsys.readouterr()
    assert main(["eval", "compare", str(newer), str(older)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert next(line for line in table if line.startswith("grounded")).split()[1:] == [
        "True",
        "False",
    ]
    assert next(line for line in table if line.startswith("beams")).split()[1:] == ["2", "1"]


def test_eval_refuses_unclear_requests(tmp_path, capsys):
    both = ["--model", "m", "--predictions", "p.jsonl", "--dialect", "hermes"]
    assert _eval(*both, "--out", str(tmp_path / "x")) == 1
    assert "a model (--model) or a predictions file (--predictions), not both" in (
        capsys.readouterr().err
    )
    assert _eval("--predictions", "p.jsonl", "--out", str(tmp_path / "x")) == 1
    assert "the dialect its outputs are in (--dialect)" in capsys.readouterr().err
    truth = ["--predictions", "p.jsonl", "--dialect", "hermes", "--out", str(tmp_path / "y")]
    assert _eval(*truth, "--limit", "0") == 1
    assert "limit per category must be 1 or more" in capsys.readouterr().err


def test_summary_fields_are_fractions_over_scored_entries():
    records = [
        {"category": "irrelevance", "scoring": "no_call", "valid": True, "attempted_call": False,
         "valid_call": False, "hallucinated": [], "error_type": None, "latency_s": 1.0,
         "completion_tokens": 4, "generate_s": 1.0},
        {"category": "simple_python", "scoring": "ast", "valid": False, "attempted_call": True,
         "valid_call": True, "hallucinated": ["x"], "error_type": "type_error:simple",
         "latency_s": 3.0, "completion_tokens": 8, "generate_s": 1.0},
    ]  # fmt: skip
    summary = summarize(records, {"dialect": "bfcl-python"})
    assert summary["overall_accuracy"] == 0.5
    assert summary["irrelevance_rate"] == 1.0
    assert summary["valid_call_rate"] == 1.0
    assert summary["hallucinated_function_rate"] == 0.5
    assert summary["bfcl_non_live_ast_summary"] is None  # multiple/parallel did not run
    assert summary["tokens_per_second"] == 6.0
    assert summary["latency_s"]["p50"] == 2.0
    assert summary["error_types"] == {"type_error:simple": 1}


def test_a_run_with_retrieval_and_demonstrations_reports_both(tiny_model_dir, tmp_path, capsys):
    from fncall.calls.pyformat import format_python_call

    entries = [e for e in bfcl_entries() if e.category == "multiple"][:3]
    own = entries[0]
    call = "; ".join(format_python_call(c) for c in truth_calls(own))
    with (tmp_path / "demos.jsonl").open("w") as f:
        for query in (own.messages[-1]["content"], "Same kind of request: " + call):
            f.write(json.dumps({"query": query, "call": call, "tools": own.docs}) + "\n")
    out = tmp_path / "run"
    data = BFCL_DIR / "BFCL_v4_multiple.json"
    answers = BFCL_DIR / "possible_answer" / "BFCL_v4_multiple.json"
    run = ["eval", "--data", str(data), "--answers", str(answers), "--out", str(out), "--quiet",
           "--model", str(tiny_model_dir), "--max-tokens", "24", "--limit", "3",
           "--retrieve", "1", "--retrieval", "bm25", "--demos", str(tmp_path / "demos.jsonl"),
           "--demos-k", "2"]  # fmt: skip
    assert main(run) == 0
    records = {r["id"]: r for r in map(json.loads, _lines(out / "results.jsonl"))}
    assert [len(records[e.id]["offered"]) for e in entries] == [1, 1, 1]
    for entry in entries:
        wanted = {name for call in entry.ground_truth for name in call}
        assert records[entry.id]["right_tools_offered"] == (
            wanted <= {*records[entry.id]["offered"]}
        )
    first = records[own.id]
    assert first["own_demo_left_out"] and not records[entries[1].id]["own_demo_left_out"]
    # the paraphrase is shown where its tool is offered; its own query never is
    assert first["demonstrations"] == (1 if first["right_tools_offered"] else 0)
    summary = json.loads((out / "summary.json").read_text())
    hits = [records[e.id]["right_tools_offered"] for e in entries]
    assert summary["retrieval"] == {"entries": 3, "right_tools_offered": sum(hits) / 3}
    assert summary["demonstrations"]["own_query_left_out"] == 1
    # another store under the same name makes another configuration
    with (tmp_path / "demos.jsonl").open("a") as f:
        f.write(json.dumps({"query": "Once more: " + call, "call": call, "tools": own.docs}) + "\n")
    capsys.readouterr()
    assert main(run) == 1 and "demos_sha256" in capsys.readouterr().err
