"""The house model with a large library: retrieval against the oracle offer, and with
retrieved demonstrations.

Held-out examples of ``fncall data synth --seed 0`` (``--per-category`` of each category),
scored by ``fncall eval`` in five runs:

- **oracle**: each example offered its own tools (the held-out split as written);
- **library, k=5**: each example offered a 500-tool library through fused retrieval
  (``--retrieve 5``): its own tools, shuffled among tools of every other intent of the
  synthetic universe (never another variant of an intent it asks for: a real library does
  not hold eight copies of one function);
- **+1 / +3 demonstrations** (``--demos-k``) from a training-intent pool (made as
  ``fncall data synth --demos`` makes it): what the issue asks for, though its
  demonstrations reach a held-out prompt only through a distractor tool it offers;
- **+3 demonstrations from a library pool**: demonstrations written for the held-out
  tools themselves (as a user writes them for their own library), their queries kept
  apart from every held-out query by the synthesizer's overlap rule.

Prints a table of accuracy, right tools retrieved and demonstrations per prompt, and, for
the examples whose right tools were all retrieved, how many the model gets right from the
library's five against the oracle offer. ``--base-retriever`` ranks with the base
all-MiniLM-L6-v2 instead of fncall's adapter (the figures before it; give another
``--out``).

    .venv/bin/python benchmarks/retrieval_house.py [--per-category 40] [--out build/retrieval-house]

Runs resume from ``--out`` (``fncall eval``'s results store).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

from house_decline import heldout

from fncall.eval.evaluate import evaluate
from fncall.eval.runner import EvalConfig
from fncall.retrieval import dense
from fncall.settings import CallerSettings
from fncall.train.synth.catalog import catalog_domains
from fncall.train.synth.dataset import write_demos
from fncall.train.synth.universe import build_universe

LIBRARY = 500
K = 5
NO_ADAPTER = Path("/nonexistent/fncall-adapter")


def splits(data: Path, out: Path, per_category: int, seed: int = 0) -> tuple[Path, Path]:
    """The first ``per_category`` records of each category of ``data`` as they are (the
    oracle offer), and with each record's tools grown into a library of :data:`LIBRARY`."""
    manifest = json.loads((data.parent / "manifest.json").read_text())
    universe = build_universe(catalog_domains(), seed, manifest["config"]["tools_per_intent"])
    taken: Counter[str] = Counter()
    records = []
    for line in data.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        taken[record["category"]] += 1
        if taken[record["category"]] <= per_category:
            records.append(record)
    oracle, path = out / "heldout-oracle.jsonl", out / "heldout-library.jsonl"
    oracle.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            rng = random.Random(f"{seed}:{record['id']}")
            own = [t["python"] for t in record["tools"]]
            names = {_name(source) for source in own}
            asked = set(record["intents"])
            pool = [t for t in universe if t.intent_id not in asked and t.tool.name not in names]
            rng.shuffle(pool)
            library = list(own)
            for tool in pool:
                if len(library) == LIBRARY:
                    break
                if tool.tool.name not in names:
                    names.add(tool.tool.name)
                    library.append(tool.source)
            rng.shuffle(library)
            record["tools"] = [{"python": source} for source in library]
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return oracle, path


def _name(source: str) -> str:
    return source.split("def ", 1)[1].split("(", 1)[0]


def demo_pools(data: Path, out: Path, seed: int = 0) -> dict[str, Path]:
    """The training-intent pool and the library pool (held-out tools, other queries)."""
    manifest = json.loads((data.parent / "manifest.json").read_text())
    universe = build_universe(catalog_domains(), seed, manifest["config"]["tools_per_intent"])
    held = set(manifest["universe"]["heldout_intents"])
    queries = [json.loads(line)["query"] for line in data.read_text().splitlines()]
    pools = {
        "training": [t for t in universe if t.intent_id not in held],
        "library": [t for t in universe if t.intent_id in held],
    }
    paths = {}
    for name, tools in pools.items():
        paths[name] = out / f"demos-{name}.jsonl"
        if not paths[name].exists():
            rng = random.Random(f"{seed}:benchmark-demos:{name}")
            write_demos(paths[name], tools, 2_000, rng, avoid=queries)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-category", type=int, default=40)
    parser.add_argument("--out", type=Path, default=Path("build/retrieval-house"))
    parser.add_argument(
        "--base-retriever",
        action="store_true",
        help="rank with the base all-MiniLM-L6-v2, without fncall's adapter (another --out)",
    )
    args = parser.parse_args()
    if args.base_retriever:
        dense.ADAPTER = NO_ADAPTER  # read when the encoder first loads
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.out / "synth" / "heldout.jsonl"
    if not data.exists():
        heldout(data.parent)
    oracle, library = splits(data, args.out, args.per_category)
    pools = demo_pools(data, args.out)
    runs = {
        "oracle": (oracle, CallerSettings()),
        f"library, k={K}": (library, CallerSettings(retrieve=K)),
        "+1 demonstration (training pool)": (
            library,
            CallerSettings(retrieve=K, demos=str(pools["training"]), demos_k=1),
        ),
        "+3 demonstrations (training pool)": (
            library,
            CallerSettings(retrieve=K, demos=str(pools["training"]), demos_k=3),
        ),
        "+3 demonstrations (library pool)": (
            library,
            CallerSettings(retrieve=K, demos=str(pools["library"]), demos_k=3),
        ),
    }
    rows, folders = [], {}
    for name, (path, settings) in runs.items():
        folders[name] = args.out / re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        summary = evaluate(EvalConfig(settings), [path], folders[name])
        rows.append((name, summary))
    print("\n| run | n | accuracy | right tools retrieved | demonstrations a prompt | "
          "p50 latency |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for name, summary in rows:
        retrieval = summary["retrieval"] or {}
        demos = summary["demonstrations"] or {}
        right = retrieval.get("right_tools_offered")
        print(
            f"| {name} | {summary['n']} | {summary['overall_accuracy']:.3f} | "
            f"{'-' if right is None else f'{right:.3f}'} | "
            f"{demos.get('mean', 0):.2f} | {summary['latency_s']['p50']:.2f} s |"
        )
    print("\nper category (accuracy):")
    categories = sorted(rows[0][1]["by_category"])
    print("| run | " + " | ".join(categories) + " |")
    print("|---|" + "---:|" * len(categories))
    for name, summary in rows:
        cells = " | ".join(f"{summary['by_category'][c]['accuracy']:.3f}" for c in categories)
        print(f"| {name} | {cells} |")
    _where_retrieved(folders["oracle"], folders[f"library, k={K}"])


def _where_retrieved(oracle: Path, library: Path) -> None:
    """Per category, on the examples whose right tools were all retrieved: how many the
    model gets right from the library's five, and from the oracle offer."""
    right = {r["id"]: r["valid"] for r in _results(oracle)}
    counts: dict[str, list[int]] = {}
    for record in _results(library):
        if record.get("right_tools_offered"):
            slot = counts.setdefault(record["category"], [0, 0, 0])
            slot[0] += 1
            slot[1] += record["valid"]
            slot[2] += right[record["id"]]
    print("\nwhere every right tool was retrieved: right with the library's five / the oracle")
    for category, (n, library_right, oracle_right) in sorted(counts.items()):
        print(f"{category}: {library_right} / {oracle_right} of {n}")


def _results(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "results.jsonl").read_text().splitlines()]


if __name__ == "__main__":
    main()
