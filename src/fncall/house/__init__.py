"""The house model: fncall's own small function-calling model, trained from scratch by
``fncall data synth`` and ``fncall train`` and bundled in the package, so everything runs
offline on a fresh machine. It speaks the ``nexusraven-v2`` dialect; its model card is
``model/README.md`` next to this file.
"""

from __future__ import annotations

from pathlib import Path

from fncall.errors import EngineError

MODEL_DIR = Path(__file__).parent / "model"


def house_model() -> Path:
    """The bundled model's directory (what ``FunctionCaller()`` and ``fncall call`` use when no
    model is given).

    Raises:
        EngineError: the weights are missing (a damaged installation).
    """
    if not (MODEL_DIR / "model.safetensors").is_file():
        raise EngineError(f"the bundled house model is missing from {MODEL_DIR}; reinstall fncall")
    return MODEL_DIR
