"""Load time of the house model (or another adapter), cold and warm, in both local engines.

Cold: an empty fncall cache, so the base GGUF is assembled from its package, dequantised by
transformers and written to the cache (transformers), or the adapter merged into it as one
f16 GGUF file (llama.cpp's default) or converted to a GGUF LoRA file (``merge=False``). Warm:
the same load again, everything read from the cache. Each load runs in a fresh process
(``python -c``), so imports count as a user would wait for them.

    .venv/bin/python benchmarks/house_load.py [--model DIR] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

LOAD = {
    "transformers": "from fncall.engines import load_engine; load_engine('transformers', {m!r})",
    "llamacpp": "from fncall.engines import load_engine; load_engine('llamacpp', {m!r})",
    "llamacpp merge=False": (
        "from fncall.engines import load_engine; load_engine('llamacpp', {m!r}, merge=False)"
    ),
}


def _timed(code: str, cache: str) -> float:
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        env={**os.environ, "FNCALL_CACHE": cache},
        capture_output=True,
    )
    return time.perf_counter() - began


def main() -> None:
    from fncall.house import house_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="adapter directory (default: the house model)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    model = args.model or str(house_model())
    for engine, template in LOAD.items():
        code = template.format(m=model)
        with tempfile.TemporaryDirectory(prefix="fncall-cache-") as cache:
            cold = _timed(code, cache)
            warm = [_timed(code, cache) for _ in range(args.repeats)]
        print(
            f"{engine}: cold {cold:.1f} s (empty cache), warm median {statistics.median(warm):.1f}"
            f" s over {len(warm)} loads (each a fresh process, imports included)"
        )


if __name__ == "__main__":
    main()
