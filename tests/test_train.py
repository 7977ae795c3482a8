"""The training loop, on a real tiny Llama and a real tokenizer trained on the test data: loss
falls and the model learns its completions, labels cover completions only, a resumed run
matches an uninterrupted one, and bad data or a changed configuration is refused by name."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import load_file

from fncall.errors import TrainError
from fncall.modeldir import read_metadata
from fncall.train.data import (
    IGNORE,
    TrainingExample,
    epoch_batches,
    make_batch,
    tokenize_examples,
)
from fncall.train.loss import branch_attention_mask, completion_loss
from fncall.train.model import ModelSize
from fncall.train.plot import nice_ticks, plot_loss
from fncall.train.rundir import recover_dir, replace_dir
from fncall.train.tokenizer import train_tokenizer
from fncall.train.trainer import TrainConfig, _hold_interrupts, train

SPECIAL = ("<human_end>", "<bot_end>")
SIZE = ModelSize(
    hidden_size=64, layers=2, heads=4, kv_heads=2, intermediate_size=128, max_positions=256
)
FUNCTIONS = {
    "add": (
        "def add(a: int, b: int):\n    '''Add two numbers.'''",
        "add {a} and {b}",
        "add(a={a}, b={b})",
    ),
    "multiply": (
        "def multiply(x: int, y: int):\n    '''Multiply two numbers.'''",
        "what is {a} times {b}",
        "multiply(x={a}, y={b})",
    ),
    "get_weather": (
        "def get_weather(city: str):\n    '''The weather in a city.'''",
        "weather in {c}",
        "get_weather(city='{c}')",
    ),
}
CITIES = ("Paris", "Berlin", "Rome")


def records(distinct: int = 3, repeats: int = 4) -> list[dict[str, str]]:
    """``3 * distinct`` different prompt/completion pairs (one per function and argument set),
    each ``repeats`` times."""
    out = []
    for i in list(range(distinct)) * repeats:
        a, b, c = i + 1, 2 * i + 2, CITIES[i % len(CITIES)]
        for signature, query, call in FUNCTIONS.values():
            prompt = (
                f"Function:\n{signature}\n\nUser Query: {query.format(a=a, b=b, c=c)}"
                "<human_end>\n\n"
            )
            completion = f"Call: {call.format(a=a, b=b, c=c)}<bot_end>"
            out.append({"prompt": prompt, "completion": completion, "id": len(out)})
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def config(tmp: Path, data: Path, **changes) -> TrainConfig:
    settings = {
        "data": data,
        "out": tmp / "run",
        "size": SIZE,
        "vocab_size": 400,
        "special_tokens": SPECIAL,
        "max_length": 256,
        "batch_tokens": 2048,
        "lr": 1e-2,
        "min_lr": 1e-4,
        "warmup_steps": 5,
        "max_steps": 12,
        "weight_decay": 0.01,
        "eval_every": 1000,
        "save_every": 1000,
        "log_every": 1,
        "metadata": {"dialect": "nexusraven-v2"},
    }
    return TrainConfig(**{**settings, **changes})


def greedy(model_dir: Path, prompt: str) -> str:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    model = AutoModelForCausalLM.from_pretrained(model_dir, local_files_only=True)
    ids = tokenizer(prompt, return_tensors="pt").input_ids
    out = model.generate(
        ids, max_new_tokens=24, do_sample=False, pad_token_id=tokenizer.pad_token_id
    )
    return tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=False)


LONG_PROMPT = "Function:\n" + " ".join(str(n) for n in range(400))


@pytest.fixture(scope="module")
def overfit(tmp_path_factory: pytest.TempPathFactory):
    """100 float32 steps on 9 distinct examples (4 times each) plus one over-long example,
    evaluated (exact-match of greedy generation) at step 50 and at the end."""
    tmp = tmp_path_factory.mktemp("overfit")
    rows = records()
    data = write_jsonl(tmp / "train.jsonl", [*rows, {"prompt": LONG_PROMPT, "completion": "x"}])
    distinct = list({row["prompt"]: row for row in rows}.values())
    calls = []

    def evaluate(model_dir: Path) -> dict[str, float]:
        calls.append(model_dir)
        hits = sum(greedy(model_dir, r["prompt"]) == r["completion"] + "</s>" for r in distinct)
        return {"exact_match": hits / len(distinct)}

    cfg = config(tmp, data, max_steps=100, eval_every=50, log_every=5, dtype="float32")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        result = train(cfg, evaluate=evaluate, progress=False)
    return cfg, result, calls, distinct


def test_loss_falls_and_the_model_learns_its_completions(overfit):
    cfg, result, calls, distinct = overfit
    losses = [
        e["loss"]
        for e in map(json.loads, (cfg.out / "log.jsonl").read_text().splitlines())
        if "loss" in e
    ]
    assert len(losses) == 20
    assert losses[0] > 3 and losses[-1] < losses[0] / 10
    assert result.final_loss == pytest.approx(losses[-1], abs=1e-5)
    assert (result.steps, result.tokens) == (
        100,
        json.loads((cfg.out / "log.jsonl").read_text().splitlines()[-2])["tokens"],
    )
    assert result.tokens_per_s > 0 and result.parameters > 0
    # evaluate ran at step 50 and at the end, on the exported model
    assert calls == [cfg.out / "model"] * 2
    assert [e["step"] for e in result.evals] == [50, 100]
    assert result.evals[-1]["exact_match"] > 0
    reproduced = [
        r for r in distinct if greedy(result.model_dir, r["prompt"]) == r["completion"] + "</s>"
    ]
    assert reproduced, "greedy decoding reproduces no training completion"


def test_over_long_examples_are_skipped_and_counted(overfit):
    _, result, _, _ = overfit
    assert result.skipped_examples == 1
    assert read_metadata(result.model_dir)["training"]["skipped_examples"] == 1


def test_log_lines_carry_loss_lr_and_throughput(overfit):
    cfg, _, _, _ = overfit
    entries = [json.loads(line) for line in (cfg.out / "log.jsonl").read_text().splitlines()]
    steps = [e for e in entries if "loss" in e]
    assert [e["step"] for e in steps] == list(range(5, 101, 5))
    for entry in steps:
        assert set(entry) == {"step", "loss", "lr", "tokens", "tokens_per_s", "elapsed_s"}
        assert entry["tokens_per_s"] > 0 and 0 < entry["lr"] <= 1e-2
    assert [e["step"] for e in entries if "eval" in e] == [50, 100]
    assert steps[-1]["lr"] < steps[5]["lr"]  # cosine decay


def test_exported_model_loads_offline_with_metadata(overfit, monkeypatch):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    cfg, result, _, _ = overfit
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    directory = result.model_dir
    assert {"model.safetensors", "config.json", "tokenizer.json", "fncall.json"} <= {
        p.name for p in directory.iterdir()
    }
    model = AutoModelForCausalLM.from_pretrained(directory, local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(directory, local_files_only=True)
    assert model.config.vocab_size == len(tokenizer)
    assert tokenizer.convert_tokens_to_ids("<bot_end>") != tokenizer.unk_token_id
    assert len(tokenizer.encode("<bot_end>", add_special_tokens=False)) == 1
    metadata = read_metadata(directory)
    assert metadata["dialect"] == "nexusraven-v2"
    facts = metadata["training"]
    assert facts["steps"] == 100 and facts["tokens"] == result.tokens
    assert facts["final_loss"] == pytest.approx(result.final_loss)
    assert facts["parameters"] == sum(p.numel() for p in model.parameters()) == result.parameters
    assert facts["data_sha256"] == hashlib.sha256(cfg.data.read_bytes()).hexdigest()


def test_loss_png_is_drawn(overfit):
    cfg, _, _, _ = overfit
    with Image.open(cfg.out / "loss.png") as image:
        assert image.format == "PNG" and image.size == (800, 480)
        colours = image.convert("RGB").getcolors(1 << 20)
    assert len(colours) > 10
    background = max(colours)[1]
    assert background == (255, 255, 255)
    assert sum(count for count, colour in colours if colour != background) > 2000


def test_plot_from_points_with_evals(tmp_path):
    points = [(step, 5 * 0.95**step) for step in range(1, 201)]
    evals = [{"step": 100, "exact_match": 0.4}, {"step": 200, "exact_match": 0.9}]
    path = plot_loss(points, tmp_path / "curve.png", evals=evals, size=(640, 400))
    with Image.open(path) as image:
        assert image.size == (640, 400)
        pixels = np.asarray(image.convert("RGB"))
    red = int((pixels == (214, 39, 40)).all(axis=-1).sum())
    assert red > 20  # the eval metric's dots and line
    assert plot_loss([], tmp_path / "empty.png").is_file()  # no points yet: axes only
    assert nice_ticks(0.03, 4.7) == [0, 1, 2, 3, 4, 5]


def test_prompt_positions_are_labelled_ignore(tmp_path):
    rows = records(distinct=2, repeats=1)
    tokenizer = train_tokenizer(
        [t for r in rows for t in (r["prompt"], r["completion"])] * 3, 300, SPECIAL
    )
    data = tokenize_examples([(r["prompt"], r["completion"]) for r in rows], tokenizer)
    batch = make_batch(data, [0, 4, 2], tokenizer.pad_token_id, width=128)
    assert batch["input_ids"].shape == (3, 128)
    for row, index in enumerate([0, 4, 2]):
        prompt = tokenizer(rows[index]["prompt"])["input_ids"]
        completion = tokenizer(rows[index]["completion"], add_special_tokens=False)["input_ids"]
        expected = [*prompt, *completion, tokenizer.eos_token_id]
        n, p = len(expected), len(prompt)
        assert batch["input_ids"][row, :n].tolist() == expected
        assert batch["labels"][row, :p].tolist() == [IGNORE] * p
        assert batch["labels"][row, p:n].tolist() == expected[p:]
        assert batch["labels"][row, n:].tolist() == [IGNORE] * (128 - n)
        assert batch["input_ids"][row, n:].tolist() == [tokenizer.pad_token_id] * (128 - n)
        assert batch["attention_mask"][row].sum() == n
        assert tokenizer.decode(completion) == rows[index]["completion"]
    # the loss on completion rows alone, unmasked, is the usual masked full-sequence loss
    from fncall.train.model import build_model

    model = build_model(tokenizer, SIZE, seed=0)
    with torch.no_grad():
        ours = completion_loss(model, batch, multiple=16)
        plain = {name: batch[name] for name in ("input_ids", "labels", "attention_mask")}
        reference = model(**plain).loss
        # with weight 1 every real token counts: HF's loss with only padding masked
        everything = completion_loss(model, batch, multiple=16, prompt_weight=1.0)
        unmasked = batch["input_ids"].masked_fill(batch["attention_mask"] == 0, IGNORE)
        full_reference = model(input_ids=batch["input_ids"], labels=unmasked).loss
        half = completion_loss(model, batch, multiple=16, prompt_weight=0.5)
    assert ours.item() == pytest.approx(reference.item(), rel=1e-5)
    assert everything.item() == pytest.approx(full_reference.item(), rel=1e-5)
    assert min(ours, everything) < half < max(ours, everything)


def grouped_examples() -> list[TrainingExample]:
    """Three groups: one per function (its queries share the prompt up to the query), one of
    two identical prompts with different completions (nothing of either prompt is left for
    its branch), then an ungrouped example and a group of one."""
    rows = records(distinct=3, repeats=1)
    examples = [
        TrainingExample(r["prompt"], r["completion"], f"fn-{i % 3}")
        for i, r in sorted(enumerate(rows), key=lambda pair: pair[0] % 3)
    ]
    twin = rows[0]["prompt"]
    examples += [
        TrainingExample(twin, "Call: add(a=1, b=2)<bot_end>", 7),
        TrainingExample(twin, "Call: add(a=2, b=1)<bot_end>", 7),
        TrainingExample(rows[1]["prompt"], rows[1]["completion"]),
        TrainingExample(rows[2]["prompt"], rows[2]["completion"], "alone"),
    ]
    return examples


def test_a_packed_group_trains_each_example_as_if_alone():
    examples = grouped_examples()
    tokenizer = train_tokenizer([t for e in examples for t in e[:2]] * 3, 300, SPECIAL)
    packed = tokenize_examples(examples, tokenizer)
    alone = tokenize_examples([e[:2] for e in examples], tokenizer)
    assert packed.examples.tolist() == [3, 3, 3, 2, 1, 1] and len(alone) == len(examples)
    assert packed.ids.size < alone.ids.size - 3 * 10  # each group's prefix is stored once
    # every example's own tokens are its prefix and its branch, at its own positions
    batch = make_batch(packed, range(len(packed)), tokenizer.pad_token_id)
    for row, first in enumerate([0, 3, 6, 9, 11, 12]):
        branches = batch["branch"][row]
        for number in range(1, int(branches.max()) + 1):
            own = (branches == 0) | (branches == number)
            expected = alone.ids[alone.offsets[first + number - 1] : alone.offsets[first + number]]
            assert batch["input_ids"][row][own].tolist() == expected.tolist()
            assert batch["position_ids"][row][own].tolist() == list(range(len(expected)))
            # each token is predicted from the one before it in its own example
            columns = own.nonzero().squeeze(1)
            assert batch["previous"][row][columns].tolist() == [-1, *columns[:-1].tolist()]
    mask = branch_attention_mask(batch["branch"])[0, 0]
    first, second = ((batch["branch"][0] == k).nonzero().squeeze(1) for k in (1, 2))
    assert mask[second[0], : second[0] + 1].sum() == (batch["branch"][0] == 0).sum() + 1
    assert not mask[second][:, first].any() and mask[first][:, 0].all()

    from fncall.train.model import build_model

    model = build_model(tokenizer, SIZE, seed=0)
    with torch.no_grad():
        together = completion_loss(model, batch, multiple=16)
        apart = completion_loss(
            model, make_batch(alone, range(len(alone)), tokenizer.pad_token_id), multiple=16
        )
        # one batch of ungrouped sequences takes the fast causal path and agrees too
        plain = make_batch(packed, [4, 5], tokenizer.pad_token_id)
        assert not (plain["branch"] > 0).any()
        plain_alone = make_batch(alone, [11, 12], tokenizer.pad_token_id)
        assert completion_loss(model, plain).item() == pytest.approx(
            completion_loss(model, plain_alone).item(), rel=1e-6
        )
    assert together.item() == pytest.approx(apart.item(), rel=1e-5)


def test_grouped_data_trains_and_counts_examples(tmp_path):
    examples = grouped_examples()
    rows = [
        {"prompt": e.prompt, "completion": e.completion}
        | ({} if e.group is None else {"group": e.group})
        for e in examples
    ]
    data = write_jsonl(tmp_path / "grouped.jsonl", rows)
    result = train(config(tmp_path, data, max_steps=30, dtype="float32"), progress=False)
    log = (tmp_path / "run" / "log.jsonl").read_text().splitlines()
    losses = [e["loss"] for e in map(json.loads, log) if "loss" in e]
    assert losses[-1] < losses[0] / 2
    training = read_metadata(result.model_dir)["training"]
    assert (training["examples"], training["skipped_examples"]) == (len(rows), 0)


def test_epoch_batches_cover_every_example_within_the_budget():
    lengths = np.random.default_rng(1).integers(10, 200, size=500)
    for epoch in range(2):
        batches = epoch_batches(lengths, 1024, seed=3, epoch=epoch)
        assert sorted(np.concatenate(batches).tolist()) == list(range(500))
        for batch in batches:
            assert len(batch) * lengths[batch].max() <= 1024
        same = epoch_batches(lengths, 1024, seed=3, epoch=epoch)
        assert all(np.array_equal(a, b) for a, b in zip(batches, same, strict=True))
    first, second = (epoch_batches(lengths, 1024, 3, e) for e in (0, 1))
    assert not all(np.array_equal(a, b) for a, b in zip(first, second, strict=False))
    # an example longer than the budget makes a batch by itself
    assert [len(b) for b in epoch_batches(np.array([5000, 10]), 1024, 0, 0)] in ([1, 1],)


def _weights(model_dir: Path) -> dict[str, torch.Tensor]:
    return load_file(model_dir / "model.safetensors")


def _losses(out: Path) -> list[float]:
    lines = (out / "log.jsonl").read_text().splitlines()
    return [e["loss"] for e in map(json.loads, lines) if "loss" in e]


@pytest.mark.parametrize("dtype", ["bfloat16", "float32"])
def test_resume_gives_the_weights_of_an_uninterrupted_run(tmp_path, dtype):
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=4, repeats=2))
    straight = train(config(tmp_path / "a", data, dtype=dtype), progress=False)

    # Ctrl-C (here raised by the evaluation at step 5) saves a checkpoint, then resumes
    def interrupt(model_dir: Path) -> dict[str, float]:
        raise KeyboardInterrupt

    b = config(tmp_path / "b", data, dtype=dtype, eval_every=5)
    with pytest.raises(KeyboardInterrupt):
        train(b, evaluate=interrupt, progress=False)
    assert json.loads((b.out / "checkpoint" / "state.json").read_text())["step"] == 5
    resumed = train(config(tmp_path / "b", data, dtype=dtype), progress=True)

    # a crash at step 7 (no checkpoint then) goes back to the checkpoint of step 4
    def crash(model_dir: Path) -> dict[str, float]:
        raise RuntimeError("evaluation crashed")

    c = config(tmp_path / "c", data, dtype=dtype, save_every=4, eval_every=7)
    with pytest.raises(RuntimeError, match="crashed"):
        train(c, evaluate=crash, progress=False)
    assert len(_losses(c.out)) == 7
    crashed = train(config(tmp_path / "c", data, dtype=dtype), progress=False)

    expected = _weights(straight.model_dir)
    for result in (resumed, crashed):
        assert (result.steps, result.tokens) == (straight.steps, straight.tokens)
        weights = _weights(result.model_dir)
        assert weights.keys() == expected.keys()
        for name, tensor in expected.items():
            assert torch.equal(weights[name], tensor), name
    assert _losses(b.out) == _losses(c.out) == _losses(straight.model_dir.parent)

    # the tokenizer and the tokenised data were made once, not again on resume
    assert len(list(b.out.glob("tokens-*.npz"))) == 1


def test_a_run_can_start_from_a_trained_model(tmp_path):
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=2, repeats=2))
    first = train(config(tmp_path / "a", data, max_steps=4), progress=False)
    # lr 0 throughout: the second run's weights stay exactly those it started from
    second = train(
        config(tmp_path / "b", data, max_steps=1, lr=0.0, min_lr=0.0, init=first.model_dir),
        progress=False,
    )
    started, ended = _weights(first.model_dir), _weights(second.model_dir)
    assert started.keys() == ended.keys()
    assert all(torch.equal(started[k], ended[k]) for k in started)
    tokenizer = "tokenizer.json"
    assert (second.model_dir / tokenizer).read_text() == (first.model_dir / tokenizer).read_text()

    wrong = replace(SIZE, hidden_size=SIZE.hidden_size * 2)
    with pytest.raises(TrainError, match=r"does not fit this model size: model\.embed_tokens"):
        train(config(tmp_path / "c", data, size=wrong, init=first.model_dir), progress=False)
    with pytest.raises(TrainError, match=r"no tokenizer\.json"):
        train(config(tmp_path / "d", data, init=tmp_path), progress=False)


def test_finished_run_is_extended_or_left_alone(tmp_path):
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=2, repeats=2))
    cfg = config(tmp_path, data, max_steps=4, dtype="float32")
    train(cfg, progress=False)
    tokenizer_file = cfg.out / "tokenizer" / "tokenizer.json"
    made = tokenizer_file.stat().st_mtime_ns
    calls = []
    again = train(cfg, evaluate=lambda d: calls.append(d) or {}, progress=False)
    assert again.steps == 4 and calls == []  # nothing left to do: no step, no evaluation
    longer = train(
        config(tmp_path, data, max_steps=6, log_every=2, dtype="float32"), progress=False
    )
    assert longer.steps == 6
    assert tokenizer_file.stat().st_mtime_ns == made


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lr", 5e-3),
        ("size", ModelSize(hidden_size=32, heads=2, kv_heads=1)),
        ("special_tokens", ("<bot_end>",)),
        ("dtype", "bfloat16"),
    ],
)
def test_changed_configuration_is_refused_by_name(tmp_path, field, value):
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=1, repeats=2))
    train(config(tmp_path, data, max_steps=1, dtype="float32"), progress=False)
    with pytest.raises(TrainError, match=f"field {field}"):
        train(
            config(tmp_path, data, max_steps=2, **{"dtype": "float32", field: value}),
            progress=False,
        )


def test_changed_data_is_refused(tmp_path):
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=1, repeats=2))
    train(config(tmp_path, data, max_steps=1, dtype="float32"), progress=False)
    write_jsonl(data, records(distinct=2, repeats=1))
    with pytest.raises(TrainError, match=r"field data: .*train\.jsonl"):
        train(config(tmp_path, data, max_steps=2, dtype="float32"), progress=False)


GOOD = json.dumps({"prompt": "p", "completion": "c"})


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("", "no examples"),
        ("\n\n", "no examples"),
        (f"{GOOD}\n{{not json\n", "line 2: not JSON"),
        (f"{GOOD}\n\n[1, 2]\n", "line 3: not a JSON object"),
        (f'{GOOD}\n{{"prompt": "p"}}\n', "line 2: no 'completion' string"),
        ('{"prompt": 3, "completion": "c"}\n', "line 1: no 'prompt' string"),
        (f'{GOOD}\n{{"prompt": "p", "completion": "c", "group": [1]}}\n', "line 2: 'group'"),
    ],
)
def test_malformed_data_names_file_and_line(tmp_path, text, where):
    data = tmp_path / "bad.jsonl"
    data.write_text(text)
    with pytest.raises(TrainError, match=r"bad\.jsonl") as error:
        train(config(tmp_path, data), progress=False)
    assert where in str(error.value)
    assert not (tmp_path / "run" / "config.json").exists()  # nothing recorded for bad data


def test_missing_data_and_bad_settings(tmp_path):
    with pytest.raises(TrainError, match=r"nowhere\.jsonl: no such data file"):
        train(config(tmp_path, tmp_path / "nowhere.jsonl"), progress=False)
    with pytest.raises(TrainError, match="max_positions"):
        config(tmp_path, tmp_path / "x.jsonl", max_length=1000)
    with pytest.raises(TrainError, match="dtype"):
        config(tmp_path, tmp_path / "x.jsonl", dtype="float16")
    data = write_jsonl(tmp_path / "long.jsonl", [{"prompt": LONG_PROMPT, "completion": "x"}])
    with pytest.raises(TrainError, match="none of its 1 sequences fits"):
        train(config(tmp_path, data, max_length=64), progress=False)


def test_ctrl_c_is_held_until_the_update_is_whole():
    with pytest.raises(KeyboardInterrupt), _hold_interrupts():
        os.kill(os.getpid(), signal.SIGINT)
        finished = True  # reached: the interrupt waited for the block to end
    assert finished


def test_sigterm_is_held_too_and_stops_training_with_a_checkpoint(tmp_path):
    with pytest.raises(KeyboardInterrupt), _hold_interrupts():
        os.kill(os.getpid(), signal.SIGTERM)
        finished = True
    assert finished

    # a scheduler ending the job (SIGTERM, here sent at the evaluation of step 3) loses nothing
    def terminate(model_dir: Path) -> dict[str, float]:
        os.kill(os.getpid(), signal.SIGTERM)
        return {}

    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=4, repeats=2))
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt):
        train(config(tmp_path, data, eval_every=3), evaluate=terminate, progress=False)
    assert json.loads((tmp_path / "run" / "checkpoint" / "state.json").read_text())["step"] == 3
    assert signal.getsignal(signal.SIGTERM) is before  # the handler is put back


def test_fncall_train_stopped_by_sigterm_says_where_to_resume(tmp_path):
    import subprocess
    import sys
    import time

    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=4, repeats=2))
    command = [sys.executable, "-m", "fncall.cli", "train", "--data", str(data)]
    command += ["--out", str(tmp_path / "run"), "--size", "tiny", "--vocab-size", "300"]
    command += ["--max-length", "256", "--max-steps", "100000", "--quiet", "--threads", "1"]
    job = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = tmp_path / "run" / "log.jsonl"
    deadline = time.monotonic() + 300
    while not log.is_file() and job.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    job.send_signal(signal.SIGTERM)
    out, err = job.communicate(timeout=120)
    assert job.returncode == 130, err
    assert "interrupted: checkpoint at step" in out + err and "Traceback" not in err
    assert json.loads((tmp_path / "run" / "checkpoint" / "state.json").read_text())["step"] >= 10


def test_a_directory_swap_cut_short_leaves_a_whole_directory(tmp_path):
    target = tmp_path / "checkpoint"
    replace_dir(target, lambda d: (d / "state.json").write_text("1"))

    def killed(directory: Path) -> None:  # dies half-way through writing the new one
        (directory / "state.json").write_text("2")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        replace_dir(target, killed)
    assert (target / "state.json").read_text() == "1"
    # killed between the two renames: the old directory is put back
    target.rename(tmp_path / "checkpoint.old")
    recover_dir(target)
    assert (target / "state.json").read_text() == "1"
    replace_dir(target, lambda d: (d / "state.json").write_text("3"))
    assert (target / "state.json").read_text() == "3"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checkpoint"]  # no leftovers


def test_export_compact_halves_the_weights_and_keeps_the_metadata(tmp_path):
    from transformers import AutoModelForCausalLM

    from fncall.train.model import export_compact, random_model

    source = random_model(
        tmp_path / "full", ["def f(x): pass"] * 20, 300, metadata={"dialect": "nexusraven-v2"}
    )
    compact = export_compact(source, tmp_path / "compact")
    full_size = (source / "model.safetensors").stat().st_size
    assert (compact / "model.safetensors").stat().st_size < full_size * 0.6
    assert json.loads((compact / "fncall.json").read_text()) == {"dialect": "nexusraven-v2"}
    original = AutoModelForCausalLM.from_pretrained(str(source))
    loaded = AutoModelForCausalLM.from_pretrained(str(compact), dtype=torch.float32)
    for (name, a), (_, b) in zip(
        original.state_dict().items(), loaded.state_dict().items(), strict=True
    ):
        assert torch.equal(a.to(torch.bfloat16).float(), b), name
