"""The house models, bundled in the package so that everything runs offline.

- ``model/``: the default, a LoRA adapter that fncall's own pipeline (``fncall data synth``,
  ``fncall train --base gemma-3-270m``) fine-tuned on Gemma 3 270M. The base comes from the
  ``fncall[house]`` extra; the adapter, its ``fncall.json`` and its model card
  (``model/README.md``, with the Gemma licence notice) are here.
- ``scratch/``: the 3.2M-parameter model the same pipeline trained from scratch
  (Apache-2.0, no base needed): weak, but small and quick, as a fixture.
"""

from __future__ import annotations

from pathlib import Path

from fncall.errors import EngineError

MODEL_DIR = Path(__file__).parent / "model"
SCRATCH_DIR = Path(__file__).parent / "scratch"

__all__ = ["MODEL_DIR", "SCRATCH_DIR", "house_model", "scratch_model"]


def house_model() -> Path:
    """The default model's directory (what ``FunctionCaller()``, ``fncall call``, ``eval``,
    ``serve`` and ``demo`` use when no model is given).

    Raises:
        EngineError: the adapter is missing (a damaged installation).
    """
    if not (MODEL_DIR / "adapter_model.safetensors").is_file():
        raise EngineError(f"the bundled house model is missing from {MODEL_DIR}; reinstall fncall")
    return MODEL_DIR


def scratch_model() -> Path:
    """The small model trained from scratch (no base needed).

    Raises:
        EngineError: its weights are missing (a damaged installation).
    """
    if not (SCRATCH_DIR / "model.safetensors").is_file():
        raise EngineError(f"the bundled scratch model is missing from {SCRATCH_DIR}")
    return SCRATCH_DIR
