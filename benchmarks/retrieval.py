"""Tool retrieval: does the right tool come up, and how fast?

Recall@k (every right tool of a request within the first k) for BM25, dense and fused
retrieval on two libraries:

- **synthetic**: the whole synthetic tool universe (``fncall data synth``'s, 2,600+ tools,
  the seed and tools per intent of the held-out file's manifest) with the held-out queries;
  a tool is right when it implements an intent the query asks for (each intent is written
  as up to 8 differently named tools, any of which answers);
- **synthetic-1**: the same with one tool an intent (its first), as a real library holds
  one function per job: what is left once near-copies no longer crowd the first five;
- **bfcl**: every function of ``../shared/bfcl`` pooled into one library, with BFCL's
  questions (the functions each question's answer calls).

Then index build time and query latency (p50/p95) at 1k and 10k tools (the synthetic
library, copied under new names to reach 10k). BFCL functions of one name are pooled once
(the first kept). 2 CPU cores.

    .venv/bin/python benchmarks/retrieval.py [--heldout HELDOUT.jsonl]
        [--bfcl ../shared/bfcl] [--limit 600] [--base-retriever]

Without ``--heldout``, the held-out split of ``fncall data synth --seed 0`` is made first
(as ``benchmarks/house_decline.py`` makes it). ``--base-retriever`` ranks with the base
all-MiniLM-L6-v2, without fncall's adapter (the figures before it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from house_decline import heldout

from fncall.retrieval import METHODS, ToolIndex, dense
from fncall.tools import tools_from_json
from fncall.tools.spec import Tool, ToolSet
from fncall.train.synth.catalog import catalog_domains
from fncall.train.synth.universe import build_universe

KS = (1, 3, 5, 10)
INTENT: dict[str, str] = {}
"""Synthetic tool name -> its intent (what a right tool is, in that library)."""


def pooled(tools: list[Tool]) -> ToolSet:
    """One tool a name, the first kept."""
    seen: dict[str, Tool] = {}
    for tool in tools:
        seen.setdefault(tool.name, tool)
    return ToolSet(seen.values())


def synthetic(
    heldout: Path, limit: int, one_per_intent: bool = False
) -> tuple[ToolSet, list[tuple[str, set[str]]]]:
    """The universe (tools of one name told apart by a suffix; with ``one_per_intent``
    only each intent's first), and each held-out query with the intents it asks for: a tool
    of the right intent is a right tool, whichever of the intent's differently written
    tools it is."""
    manifest = json.loads((heldout.parent / "manifest.json").read_text())["config"]
    universe = build_universe(catalog_domains(), manifest["seed"], manifest["tools_per_intent"])
    tools: list[Tool] = []
    names: set[str] = set()
    intents: set[str] = set()
    for composed in universe:
        if one_per_intent and composed.intent_id in intents:
            continue
        intents.add(composed.intent_id)
        name, n = composed.tool.name, 1
        while name in names:
            n += 1
            name = f"{composed.tool.name}_{n}"
        names.add(name)
        INTENT[name] = composed.intent_id
        tools.append(Tool(name, composed.tool.description, composed.tool.parameters))
    queries = []
    for line in heldout.read_text().splitlines():
        record = json.loads(line)
        if record.get("reference") and record.get("intents") and len(queries) < limit:
            queries.append((record["query"], set(record["intents"])))
    return ToolSet(tools), queries


def bfcl(folder: Path) -> tuple[ToolSet, list[tuple[str, set[str]]]]:
    tools, queries = [], []
    for path in sorted(folder.glob("BFCL_v4_*.json")):
        answers = {}
        answer_file = folder / "possible_answer" / path.name
        if answer_file.exists():
            for line in answer_file.read_text().splitlines():
                record = json.loads(line)
                answers[record["id"]] = {name for call in record["ground_truth"] for name in call}
        for line in path.read_text().splitlines():
            record = json.loads(line)
            tools.extend(tools_from_json(record["function"]))
            if record["id"] in answers:
                turn = record["question"][0]
                users = [m["content"] for m in turn if m["role"] == "user"]
                queries.append((users[-1], answers[record["id"]]))
    return pooled(tools), queries


def recall(
    index: ToolIndex, queries: list[tuple[str, set[str]]], meaning: dict[str, str]
) -> dict[int, float]:
    """The share of queries whose right tools (or intents, by ``meaning``) are all in the
    first k found."""
    hits = dict.fromkeys(KS, 0)
    for query, right in queries:
        found = [meaning.get(t.name, t.name) for t in index.search(query, max(KS))]
        for k in KS:
            hits[k] += right <= set(found[:k])
    return {k: hits[k] / len(queries) for k in KS}


def latency(tools: ToolSet, queries: list[str], method: str) -> tuple[float, float, float]:
    began = time.perf_counter()
    index = ToolIndex(tools, method)  # type: ignore[arg-type]
    build = time.perf_counter() - began
    times = []
    for query in queries:
        began = time.perf_counter()
        index.search(query, 5)
        times.append(time.perf_counter() - began)
    times.sort()
    return build, statistics.median(times), times[int(len(times) * 0.95)]


def copies(tools: ToolSet, size: int) -> ToolSet:
    out: list[Tool] = []
    round_ = 0
    while len(out) < size:
        for tool in tools.values():
            if len(out) == size:
                break
            name = tool.name if round_ == 0 else f"{tool.name}_v{round_}"
            out.append(Tool(name, tool.description, tool.parameters))
        round_ += 1
    return ToolSet(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", type=Path, help="a held-out JSONL of fncall data synth")
    parser.add_argument("--bfcl", type=Path, default=Path("../shared/bfcl"))
    parser.add_argument("--limit", type=int, default=600, help="held-out queries at most")
    parser.add_argument(
        "--base-retriever",
        action="store_true",
        help="rank with the base all-MiniLM-L6-v2, without fncall's adapter",
    )
    args = parser.parse_args()
    if args.base_retriever:
        dense.ADAPTER = Path("/nonexistent/fncall-adapter")  # read when the encoder loads
    dense.encoder()  # loaded once, before anything is timed
    with tempfile.TemporaryDirectory() as tmp:
        data = args.heldout or heldout(Path(tmp))
        libraries = {
            "synthetic": synthetic(data, args.limit),
            "synthetic-1": synthetic(data, args.limit, one_per_intent=True),
        }
    if args.bfcl.exists():
        libraries["bfcl"] = bfcl(args.bfcl)
    print("| library | tools | queries | method | " + " | ".join(f"R@{k}" for k in KS) + " |")
    print("|---|---:|---:|---|" + "---:|" * len(KS))
    for name, (tools, queries) in libraries.items():
        for method in METHODS:
            meaning = INTENT if name.startswith("synthetic") else {}
            figures = recall(ToolIndex(tools, method), queries, meaning)
            cells = " | ".join(f"{figures[k]:.3f}" for k in KS)
            print(f"| {name} | {len(tools)} | {len(queries)} | {method} | {cells} |")
    tools, queries = libraries["synthetic"]
    texts = [q for q, _ in queries][:200]
    print("\n| tools | method | build (s) | query p50 (ms) | query p95 (ms) |")
    print("|---:|---|---:|---:|---:|")
    for size in (1_000, 10_000):
        library = copies(tools, size)
        for method in METHODS:
            build, p50, p95 = latency(library, texts, method)
            print(f"| {size:,} | {method} | {build:.2f} | {p50 * 1e3:.2f} | {p95 * 1e3:.2f} |")


if __name__ == "__main__":
    main()
