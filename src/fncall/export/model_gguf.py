"""Exporting a Llama-architecture model directory to GGUF, the file format llama.cpp loads.

The input is what :func:`fncall.train.model.save_model` writes: ``config.json``, safetensors
weights and a byte-level BPE ``tokenizer.json``. The output follows the conventions of
llama.cpp's own converter for the ``llama`` architecture, so llama.cpp computes the same
logits and splits text into the same tokens as ``transformers`` does for the same directory.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import numpy as np

from fncall.errors import EngineError

GGUFDtype = Literal["f32", "f16"]

INSTALL_HINT = "pip install 'fncall[llamacpp]'"

# HF Llama tensor name (after ``model.layers.{i}.``) -> llama.cpp tensor name (after ``blk.{i}.``)
_LAYER_TENSORS = {
    "input_layernorm.weight": "attn_norm.weight",
    "self_attn.q_proj.weight": "attn_q.weight",
    "self_attn.k_proj.weight": "attn_k.weight",
    "self_attn.v_proj.weight": "attn_v.weight",
    "self_attn.o_proj.weight": "attn_output.weight",
    "post_attention_layernorm.weight": "ffn_norm.weight",
    "mlp.gate_proj.weight": "ffn_gate.weight",
    "mlp.up_proj.weight": "ffn_up.weight",
    "mlp.down_proj.weight": "ffn_down.weight",
}
_GLOBAL_TENSORS = {
    "model.embed_tokens.weight": "token_embd.weight",
    "model.norm.weight": "output_norm.weight",
    "lm_head.weight": "output.weight",
}


def export_gguf(hf_dir: str | Path, out_path: str | Path, dtype: GGUFDtype = "f32") -> Path:
    """Convert the Llama model in ``hf_dir`` to a GGUF file at ``out_path``.

    Args:
        hf_dir: A directory with ``config.json``, ``*.safetensors`` and a byte-level BPE
            ``tokenizer.json``.
        out_path: The GGUF file to write (replaced if it exists; written whole or not at all).
        dtype: ``f32`` keeps the weights exact; ``f16`` halves the file. Norm weights stay
            ``f32`` either way, as llama.cpp expects.

    Returns:
        ``out_path``.

    Raises:
        EngineError: ``gguf`` is not installed, or the directory is missing, incomplete, or
            holds a model this exporter does not handle (another architecture, RoPE
            scaling, biases, a tokenizer that is not byte-level BPE).
    """
    try:
        import gguf
    except ImportError as exc:
        raise EngineError(f"exporting GGUF needs the gguf package: {INSTALL_HINT}") from exc
    if dtype not in ("f32", "f16"):
        raise EngineError(f"dtype must be 'f32' or 'f16', got {dtype!r}")
    hf_dir = Path(hf_dir)
    if not hf_dir.is_dir():
        raise EngineError(f"model directory {hf_dir} does not exist")
    hp = _hyperparameters(hf_dir)
    vocab = _vocabulary(hf_dir, hp["vocab_size"])

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=out_path.name, suffix=".tmp", dir=out_path.parent)
    os.close(fd)
    try:
        writer = gguf.GGUFWriter(tmp_name, "llama")
        _write_metadata(writer, gguf, hf_dir.name, hp, vocab, dtype)
        for name, tensor in _gguf_tensors(hf_dir, hp):
            if dtype == "f16" and tensor.ndim > 1:
                tensor = tensor.astype(np.float16)
            writer.add_tensor(name, tensor)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
        os.replace(tmp_name, out_path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return out_path


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise EngineError(f"{path} does not exist: not a model directory fncall can export")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EngineError(f"cannot read {path}: {exc}") from exc


def _hyperparameters(hf_dir: Path) -> dict[str, Any]:
    """The numbers llama.cpp needs, read from ``config.json``; anything the ``llama``
    architecture would silently compute differently is refused."""
    config = _read_json(hf_dir / "config.json")
    if config.get("model_type") != "llama":
        raise EngineError(
            f"{hf_dir}: only Llama-architecture models can be exported, "
            f"this one is {config.get('model_type')!r}"
        )
    # transformers 5 keeps RoPE settings in ``rope_parameters``; 4.x in ``rope_theta`` and
    # ``rope_scaling``.
    rope = config.get("rope_parameters") or {}
    scaling = config.get("rope_scaling") or {}
    scaled = {rope.get("rope_type"), scaling.get("rope_type"), scaling.get("type")}
    scaled -= {None, "default"}
    if scaled:
        raise EngineError(
            f"{hf_dir}: RoPE scaling {', '.join(map(repr, sorted(scaled)))} is not supported "
            "by the exporter"
        )
    if config.get("hidden_act", "silu") != "silu":
        raise EngineError(f"{hf_dir}: activation {config['hidden_act']!r} is not supported")
    for flag in ("attention_bias", "mlp_bias"):
        if config.get(flag):
            raise EngineError(f"{hf_dir}: models with {flag} are not supported by the exporter")
    try:
        heads = int(config["num_attention_heads"])
        hidden = int(config["hidden_size"])
        return {
            "vocab_size": int(config["vocab_size"]),
            "hidden": hidden,
            "layers": int(config["num_hidden_layers"]),
            "heads": heads,
            "kv_heads": int(config.get("num_key_value_heads") or heads),
            "head_dim": int(config.get("head_dim") or hidden // heads),
            "ffn": int(config["intermediate_size"]),
            "context": int(config.get("max_position_embeddings", 2048)),
            "rms_eps": float(config.get("rms_norm_eps", 1e-6)),
            "rope_theta": float(rope.get("rope_theta") or config.get("rope_theta") or 10000.0),
            "tied": bool(config.get("tie_word_embeddings", False)),
        }
    except KeyError as exc:
        raise EngineError(f"{hf_dir / 'config.json'} lacks {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise EngineError(f"{hf_dir / 'config.json'} has an invalid value: {exc}") from exc


def _vocabulary(hf_dir: Path, vocab_size: int) -> dict[str, Any]:
    """Tokens, token types, merges and special ids from ``tokenizer.json``."""
    from tokenizers import Tokenizer

    path = hf_dir / "tokenizer.json"
    spec = _read_json(path)
    model = spec.get("model") or {}
    pre = _llama_cpp_pre(spec.get("pre_tokenizer"))
    if model.get("type") != "BPE" or pre is None:
        raise EngineError(
            f"{path}: only byte-level BPE tokenizers (ByteLevel pre-tokenizer without a "
            "prefix space, optionally after splitting digits one by one) can be exported"
        )
    if spec.get("normalizer") is not None:
        raise EngineError(f"{path}: tokenizers with a normalizer cannot be exported")
    # BPE variants that llama.cpp's gpt2 tokenizer would not reproduce.
    variants = ("dropout", "continuing_subword_prefix", "end_of_word_suffix", "byte_fallback")
    used = [key for key in (*variants, "ignore_merges") if model.get(key)]
    if used:
        raise EngineError(f"{path}: BPE options llama.cpp does not reproduce: {', '.join(used)}")

    by_id: dict[int, str] = {int(i): token for token, i in model["vocab"].items()}
    added = {int(t["id"]): t for t in spec.get("added_tokens", [])}
    by_id.update({i: t["content"] for i, t in added.items()})
    if max(by_id) >= vocab_size:
        raise EngineError(
            f"{hf_dir}: the tokenizer has ids up to {max(by_id)} but the model only "
            f"{vocab_size} embeddings"
        )

    ids = _special_ids(hf_dir)
    control = {i for i in ids.values() if i is not None}
    tokens: list[str] = []
    types: list[int] = []
    for i in range(vocab_size):
        if i not in by_id:
            # llama.cpp needs one token per embedding row; rows past the tokenizer are unused.
            tokens.append(f"[PAD{i}]")
            types.append(5)  # UNUSED
        elif i in control:
            tokens.append(by_id[i])
            types.append(3)  # CONTROL: matched in prompts, never printed
        elif i in added:
            # Dialect markers (``<tool_call>``) are USER_DEFINED, not CONTROL: llama.cpp then
            # always keeps them whole and prints them, as ``transformers`` does, so a
            # dialect's parser sees them in the completion.
            tokens.append(by_id[i])
            types.append(4)  # USER_DEFINED
        else:
            tokens.append(by_id[i])
            types.append(1)  # NORMAL

    merges = [m if isinstance(m, str) else " ".join(m) for m in model.get("merges", [])]

    # Whether the tokenizer adds BOS/EOS itself is a property of its post-processor; asking
    # it is more reliable than reading flags that some versions ignore.
    tokenizer = Tokenizer.from_file(str(path))
    plain = tokenizer.encode("a", add_special_tokens=False).ids
    special = tokenizer.encode("a", add_special_tokens=True).ids
    add_bos = ids["bos"] is not None and special[:1] == [ids["bos"]] and plain[:1] != special[:1]
    add_eos = ids["eos"] is not None and special[-1:] == [ids["eos"]] and plain[-1:] != special[-1:]
    return {
        "tokens": tokens,
        "types": types,
        "merges": merges,
        "ids": ids,
        "pre": pre,
        "add_bos": add_bos,
        "add_eos": add_eos,
    }


def _llama_cpp_pre(pre_tokenizer: dict[str, Any] | None) -> str | None:
    """The llama.cpp pre-tokenizer that splits text exactly as ``pre_tokenizer`` does:
    ``gpt-2`` for a plain ByteLevel (the GPT-2 regex), ``starcoder`` for single digits split
    off first and then the GPT-2 regex (what fncall's own tokenizers do); ``None`` for any
    other."""
    if pre_tokenizer is None:
        return None
    steps = (
        pre_tokenizer.get("pretokenizers") or []
        if pre_tokenizer.get("type") == "Sequence"
        else [pre_tokenizer]
    )
    if not steps or not _is_plain_byte_level(steps[-1]):
        return None
    if len(steps) == 1:
        return "gpt-2"
    digits = steps[0]
    if len(steps) == 2 and digits.get("type") == "Digits" and digits.get("individual_digits"):
        return "starcoder"
    return None


def _is_plain_byte_level(step: dict[str, Any]) -> bool:
    return (
        step.get("type") == "ByteLevel"
        and not step.get("add_prefix_space", False)
        and step.get("use_regex", True)
    )


def _special_ids(hf_dir: Path) -> dict[str, int | None]:
    """BOS, EOS and PAD ids as ``config.json`` records them (they match the tokenizer in a
    directory written by :func:`fncall.train.model.save_model`)."""
    config = _read_json(hf_dir / "config.json")
    ids: dict[str, int | None] = {}
    for name in ("bos", "eos", "pad"):
        value = config.get(f"{name}_token_id")
        if isinstance(value, list):  # several EOS ids: the first is the canonical one
            value = value[0] if value else None
        ids[name] = None if value is None else int(value)
    return ids


def _write_metadata(
    writer: Any, gguf: Any, name: str, hp: dict[str, Any], vocab: dict[str, Any], dtype: str
) -> None:
    writer.add_name(name)
    writer.add_file_type(
        gguf.LlamaFileType.ALL_F32 if dtype == "f32" else gguf.LlamaFileType.MOSTLY_F16
    )
    writer.add_vocab_size(hp["vocab_size"])
    writer.add_context_length(hp["context"])
    writer.add_embedding_length(hp["hidden"])
    writer.add_block_count(hp["layers"])
    writer.add_feed_forward_length(hp["ffn"])
    writer.add_head_count(hp["heads"])
    writer.add_head_count_kv(hp["kv_heads"])
    writer.add_rope_dimension_count(hp["head_dim"])
    if hp["head_dim"] != hp["hidden"] // hp["heads"]:
        writer.add_key_length(hp["head_dim"])
        writer.add_value_length(hp["head_dim"])
    writer.add_rope_freq_base(hp["rope_theta"])
    writer.add_layer_norm_rms_eps(hp["rms_eps"])

    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre(vocab["pre"])
    writer.add_token_list(vocab["tokens"])
    writer.add_token_types(vocab["types"])
    writer.add_token_merges(vocab["merges"])
    ids = vocab["ids"]
    if ids["bos"] is not None:
        writer.add_bos_token_id(ids["bos"])
    if ids["eos"] is not None:
        writer.add_eos_token_id(ids["eos"])
    if ids["pad"] is not None:
        writer.add_pad_token_id(ids["pad"])
    writer.add_add_bos_token(vocab["add_bos"])
    writer.add_add_eos_token(vocab["add_eos"])


def _rope_permute(weight: np.ndarray, heads: int) -> np.ndarray:
    """Reorder the rows of a Q or K projection from HF's RoPE layout to llama.cpp's.

    HF rotates the first half of each head's dimensions against the second half
    (``rotate_half``); llama.cpp's ``llama`` architecture rotates adjacent pairs. Row
    ``half * d/2 + j`` of each head therefore moves to row ``2 * j + half``.
    """
    rows = weight.shape[0]
    return (
        weight.reshape(heads, 2, rows // heads // 2, *weight.shape[1:])
        .swapaxes(1, 2)
        .reshape(weight.shape)
    )


def _gguf_tensors(hf_dir: Path, hp: dict[str, Any]) -> Iterator[tuple[str, np.ndarray]]:
    """``(gguf name, float32 array)`` for every weight, permuted where llama.cpp needs it."""
    seen: set[str] = set()
    for hf_name, tensor in _safetensors(hf_dir):
        if hf_name.endswith("rotary_emb.inv_freq"):
            continue  # recomputed by llama.cpp from rope_freq_base
        if hf_name == "lm_head.weight" and hp["tied"]:
            continue  # llama.cpp reuses token_embd when output is absent
        name = _gguf_name(hf_name)
        if name is None:
            raise EngineError(f"{hf_dir}: unexpected tensor {hf_name!r} in a Llama model")
        if name.endswith("attn_q.weight"):
            tensor = _rope_permute(tensor, hp["heads"])
        elif name.endswith("attn_k.weight"):
            tensor = _rope_permute(tensor, hp["kv_heads"])
        seen.add(name)
        yield name, tensor
    expected = {"token_embd.weight", "output_norm.weight"}
    expected |= {f"blk.{i}.{n}" for i in range(hp["layers"]) for n in _LAYER_TENSORS.values()}
    if not hp["tied"]:
        expected.add("output.weight")
    missing = sorted(expected - seen)
    if missing:
        raise EngineError(f"{hf_dir}: weights are missing: {', '.join(missing[:5])}")


def _gguf_name(hf_name: str) -> str | None:
    if hf_name in _GLOBAL_TENSORS:
        return _GLOBAL_TENSORS[hf_name]
    prefix = "model.layers."
    if hf_name.startswith(prefix):
        layer, _, rest = hf_name[len(prefix) :].partition(".")
        if layer.isdigit() and rest in _LAYER_TENSORS:
            return f"blk.{layer}.{_LAYER_TENSORS[rest]}"
    return None


def _safetensors(hf_dir: Path) -> Iterator[tuple[str, np.ndarray]]:
    """Every tensor of the directory's safetensors files, as float32 numpy arrays."""
    import torch
    from safetensors import safe_open

    files = sorted(hf_dir.glob("*.safetensors"))
    if not files:
        raise EngineError(f"{hf_dir}: no *.safetensors weights found")
    for file in files:
        with safe_open(str(file), framework="pt") as f:
            for name in f.keys():  # noqa: SIM118 - safe_open handles are not iterable
                yield name, f.get_tensor(name).to(torch.float32).numpy()
