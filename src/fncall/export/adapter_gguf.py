"""LoRA adapters for llama.cpp: a peft adapter as a GGUF LoRA file, or merged into its base as
one GGUF model file.

llama.cpp applies a LoRA file (``general.type`` ``adapter``, ``adapter.type`` ``lora``) on
top of the base GGUF it was trained on: for each adapted weight ``blk.N.NAME.weight`` it
reads ``...weight.lora_a`` (peft's ``lora_A``, rank x inputs) and ``...weight.lora_b``
(``lora_B``, outputs x rank) and adds ``alpha / rank * B @ A``, the update peft makes. The
merged file instead folds that update into the base's weights, for llama.cpp, Ollama or LM
Studio users who load one file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import numpy as np

from fncall.errors import EngineError
from fncall.pretrained import BaseSource, adapter_base, cache_dir, file_sha256

MergedDtype = Literal["q8_0", "f16", "f32"]

# peft module name (after ``layers.N.self_attn.`` or ``layers.N.mlp.``) -> llama.cpp's name
_MODULES = {
    "q_proj": "attn_q",
    "k_proj": "attn_k",
    "v_proj": "attn_v",
    "o_proj": "attn_output",
    "gate_proj": "ffn_gate",
    "up_proj": "ffn_up",
    "down_proj": "ffn_down",
}
_KEY = re.compile(r"layers\.(\d+)\.(?:self_attn|mlp)\.(\w+)\.lora_([AB])\.weight$")


def _gguf() -> Any:
    try:
        import gguf
    except ImportError as exc:
        raise EngineError("GGUF adapters need the gguf package: pip install gguf") from exc
    return gguf


def gguf_base(adapter: Path) -> BaseSource:
    """The base GGUF file of an adapter directory.

    Raises:
        EngineError: the adapter's base is a model directory, not a GGUF file.
    """
    base = adapter_base(adapter)
    if not base.is_gguf:
        raise EngineError(
            f"{adapter} was trained on {base.path}, a model directory: llama.cpp needs the "
            "base as a GGUF file (train on the GGUF file, or convert the base first)"
        )
    return base


def _lora_pairs(adapter: Path) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], float]:
    """``{gguf weight name: (A, B)}`` of a peft adapter directory, and its alpha.

    Raises:
        EngineError: an adapter llama.cpp cannot apply as it is (rsLoRA, DoRA, per-module
            ranks, a layer outside attention and MLP projections) or a damaged one.
    """
    from safetensors.numpy import load_file

    config = json.loads((adapter / "adapter_config.json").read_text())
    unusual = ("use_rslora", "use_dora", "rank_pattern", "alpha_pattern")
    if any(config.get(key) for key in unusual):
        raise EngineError(
            f"{adapter}: rsLoRA, DoRA and per-module ranks or alphas are not expressible in "
            "a GGUF LoRA file"
        )
    halves: dict[str, dict[str, np.ndarray]] = {}
    for key, tensor in load_file(str(adapter / "adapter_model.safetensors")).items():
        match = _KEY.search(key)
        if match is None or match.group(2) not in _MODULES:
            raise EngineError(f"{adapter}: llama.cpp cannot apply the adapted tensor {key!r}")
        layer, module, half = match.groups()
        name = f"blk.{layer}.{_MODULES[module]}.weight"
        halves.setdefault(name, {})[half] = tensor.astype(np.float32)
    pairs = {}
    for name, found in halves.items():
        if set(found) != {"A", "B"}:
            raise EngineError(f"{adapter}: {name} lacks lora_A or lora_B")
        pairs[name] = (found["A"], found["B"])
    if not pairs:
        raise EngineError(f"{adapter}: the adapter holds no weights")
    return pairs, float(config["lora_alpha"])


def _field(reader: Any, key: str) -> Any:
    field = reader.fields.get(key)
    return None if field is None else field.contents()


def _permuter(reader: Any) -> Callable[[str, np.ndarray], np.ndarray]:
    """How a ``lora_b`` must be reordered for the base: llama.cpp's ``llama`` architecture
    keeps Q and K rows in another RoPE order than Hugging Face (see
    :func:`fncall.export.model_gguf._rope_permute`); other architectures take them as they are."""
    from fncall.export.model_gguf import _rope_permute

    arch = _field(reader, "general.architecture")
    if arch != "llama":
        return lambda name, b: b
    heads = int(_field(reader, "llama.attention.head_count"))
    kv_heads = int(_field(reader, "llama.attention.head_count_kv") or heads)

    def permute(name: str, b: np.ndarray) -> np.ndarray:
        if name.endswith("attn_q.weight"):
            return _rope_permute(b, heads)
        if name.endswith("attn_k.weight"):
            return _rope_permute(b, kv_heads)
        return b

    return permute


def _write_atomic(out_path: Path, write: Callable[[str], None]) -> Path:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=out_path.name, suffix=".tmp", dir=out_path.parent)
    os.close(fd)
    try:
        write(temporary)
        os.replace(temporary, out_path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return out_path


def export_lora_gguf(adapter: str | os.PathLike[str], out_path: str | os.PathLike[str]) -> Path:
    """Write the peft adapter in ``adapter`` as a GGUF LoRA file for its GGUF base.

    Raises:
        EngineError: the base is not a GGUF file, the adapter does not fit it (naming the
            tensor), or it cannot be expressed in GGUF.
    """
    gguf = _gguf()
    adapter = Path(adapter)
    base = gguf_base(adapter)
    pairs, alpha = _lora_pairs(adapter)
    reader = gguf.GGUFReader(str(base.path))
    arch = _field(reader, "general.architecture")
    shapes = {t.name: tuple(int(n) for n in t.shape) for t in reader.tensors}
    permute = _permuter(reader)
    for name, (a, b) in pairs.items():
        # GGUF lists a weight's shape inputs first: (inputs, outputs)
        if shapes.get(name) != (a.shape[1], b.shape[0]):
            raise EngineError(f"{adapter}: {name} does not fit the base {base.path.name}")

    def write(path: str) -> None:
        writer = gguf.GGUFWriter(path, arch)
        writer.add_string("general.type", "adapter")
        writer.add_string("adapter.type", "lora")
        writer.add_float32("adapter.lora.alpha", alpha)
        for name, (a, b) in sorted(pairs.items()):
            writer.add_tensor(f"{name}.lora_a", np.ascontiguousarray(a))
            writer.add_tensor(f"{name}.lora_b", np.ascontiguousarray(permute(name, b)))
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()

    return _write_atomic(Path(out_path), write)


def adapter_gguf(adapter: str | os.PathLike[str]) -> Path:
    """The adapter as a GGUF LoRA file in fncall's cache, written on first use (keyed by the
    adapter's bytes, so a retrained adapter is converted again)."""
    adapter = Path(adapter)
    target = cache_dir() / "adapters" / f"{_adapter_key(adapter)}.gguf"
    if not target.is_file():
        export_lora_gguf(adapter, target)
    return target


def merged_gguf(adapter: str | os.PathLike[str], dtype: MergedDtype = "f16") -> Path:
    """The adapter merged into its base as one GGUF file in fncall's cache, written on first
    use (keyed by the adapter's bytes and ``dtype``; the base is checked by its SHA-256)."""
    adapter = Path(adapter)
    target = cache_dir() / "merged" / f"{_adapter_key(adapter)}-{dtype}.gguf"
    if not target.is_file():
        export_merged_gguf(adapter, target, dtype)
    return target


def _adapter_key(adapter: Path) -> str:
    key = file_sha256(adapter / "adapter_model.safetensors")[:16]
    return key + file_sha256(adapter / "adapter_config.json")[:8]


def export_merged_gguf(
    adapter: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    dtype: MergedDtype = "q8_0",
) -> Path:
    """Write the adapter's base with the adapter folded into its weights as one GGUF file.

    The weights the adapter changes are dequantised, updated and stored as ``dtype``
    (``q8_0`` keeps them within 0.1% at about a quarter of ``f32``'s size); every other
    tensor and all metadata (tokenizer included) are copied from the base unchanged.

    Raises:
        EngineError: as :func:`export_lora_gguf`, or an unknown ``dtype``.
    """
    gguf = _gguf()
    kinds = {
        "q8_0": gguf.GGMLQuantizationType.Q8_0,
        "f16": gguf.GGMLQuantizationType.F16,
        "f32": gguf.GGMLQuantizationType.F32,
    }
    if dtype not in kinds:
        raise EngineError(f"dtype must be one of {', '.join(kinds)}, not {dtype!r}")
    adapter = Path(adapter)
    base = gguf_base(adapter)
    pairs, alpha = _lora_pairs(adapter)
    reader = gguf.GGUFReader(str(base.path))
    arch = _field(reader, "general.architecture")
    permute = _permuter(reader)
    missing = sorted(set(pairs) - {t.name for t in reader.tensors})
    if missing:
        raise EngineError(f"{adapter}: {missing[0]} is not a weight of {base.path.name}")

    def write(path: str) -> None:
        writer = gguf.GGUFWriter(path, arch)
        for field in reader.fields.values():
            if field.name.startswith("GGUF.") or field.name == "general.architecture":
                continue
            kind = field.types[0]
            sub = field.types[-1] if kind == gguf.GGUFValueType.ARRAY else None
            writer.add_key_value(field.name, field.contents(), kind, sub_type=sub)
        for tensor in reader.tensors:
            if tensor.name not in pairs:
                writer.add_tensor(
                    tensor.name, tensor.data, raw_shape=tensor.data.shape,
                    raw_dtype=tensor.tensor_type,
                )  # fmt: skip
                continue
            a, b = pairs[tensor.name]
            weight = gguf.quants.dequantize(tensor.data, tensor.tensor_type).astype(np.float32)
            weight = weight + (alpha / a.shape[0]) * (permute(tensor.name, b) @ a)
            kind = kinds[dtype]
            if dtype == "q8_0":
                data = gguf.quants.quantize(weight, kind)
            else:
                data = weight.astype(np.float16 if dtype == "f16" else np.float32)
            writer.add_tensor(tensor.name, data, raw_shape=data.shape, raw_dtype=kind)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()

    return _write_atomic(Path(out_path), write)
