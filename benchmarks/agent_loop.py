"""The house model as an agent: the demo's everyday queries through ``FunctionCaller.chat``
(a call in ``nexusraven-v2``, the results back in ``hermes``, an answer), on the demo tools,
which run offline.

Per query: the calls made, whether the first step's calls are the right ones (the demo's
reference, compared as validated calls), whether the run ended with an answer, and whether
that answer states every scalar value the tools returned. Greedy, 2 CPU cores.

    .venv/bin/python benchmarks/agent_loop.py [--engine transformers|llamacpp]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from fncall import FunctionCaller
from fncall.agent import CallsMade
from fncall.calls.validate import validate_calls
from fncall.demo import QUERIES, demo_tools
from fncall.eval.execmatch import parse_reference


def scalars(value: Any) -> list[str]:
    """The scalar values of a tool's result, as text an answer would state."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in scalars(v)]
    if isinstance(value, list):
        return [s for v in value for s in scalars(v)]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="transformers")
    args = parser.parse_args()
    tools = demo_tools()
    caller = FunctionCaller(tools=tools, engine=args.engine, max_tokens=96)
    caller.chat("warm-up: what is the weather in Paris?")
    rows, right, answered, stated, seconds = [], 0, 0, 0, []
    for query, reference in QUERIES:
        began = time.perf_counter()
        run = caller.chat(query, max_steps=4)
        seconds.append(time.perf_counter() - began)
        first = next((e for e in run.events if isinstance(e, CallsMade)), None)
        made = list(first.calls) if first else []
        wanted = (
            validate_calls(parse_reference(reference, tools, query), tools) if reference else []
        )
        ok = [c.to_dict() for c in made] == [c.to_dict() for c in wanted]
        values = [s for r in run.results if r.result.ok for s in scalars(r.result.value)]
        says_all = run.answer is not None and all(v in run.answer for v in values)
        right += ok
        answered += run.answer is not None
        stated += says_all and bool(values)
        rows.append((query, [c.name for c in made], ok, run.answer, values, says_all))
    for query, names, ok, answer, values, says_all in rows:
        print(f"- {query}\n  calls {names} right={ok}; values {values}\n  answer: {answer!r}")
        print(f"  states every value: {says_all}")
    with_results = sum(1 for row in rows if row[4])
    seconds.sort()
    print(
        f"\n{len(QUERIES)} queries ({args.engine}): right calls {right}/{len(QUERIES)}, "
        f"ended with an answer {answered}/{len(QUERIES)}, answers stating every value of "
        f"the results {stated}/{with_results}; p50 {seconds[len(seconds) // 2]:.2f} s a run"
    )


if __name__ == "__main__":
    main()
