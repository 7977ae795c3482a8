"""Logits for the few vocabulary rows a grammar allows give the outputs that logits for every
row give: greedy (where a step may end inside a token that runs on into the stop string),
sampled, and batched beside a request without a grammar."""

from __future__ import annotations

from fncall import FunctionCaller
from fncall.demo import demo_tools
from fncall.engines.base import GenerationRequest, Sampling
from fncall.engines.transformers import TransformersEngine
from tests.engine_fixtures import call_grammar

QUERIES = ["Weather in Paris?", "Convert 100 USD to EUR", "Email bob@example.com", "Hi there"]


def _outputs(engine: TransformersEngine) -> list:
    outputs = []
    for dialect in ("nexusraven-v2", "hermes"):
        for constrain in (True, False):
            caller = FunctionCaller(
                engine, dialect, demo_tools(), max_tokens=40, constrain=constrain
            )
            outputs += [r.raw for r in caller.call_many(QUERIES)]
            outputs += [r.raw for r in caller.call_many(QUERIES, temperature=0.9, seed=5)]
            outputs += [caller.call(QUERIES[0], tool_choice="required").raw]
    mixed = [
        GenerationRequest("Call the weather tool:", sampling=Sampling(20), grammar=call_grammar()),
        GenerationRequest("Call the weather tool:", sampling=Sampling(20)),
    ]
    return outputs + engine.generate(mixed)


def test_sparse_logits_change_no_output(tiny_model_dir):
    dense = TransformersEngine(tiny_model_dir, device="cpu", sparse_head=False)
    sparse = TransformersEngine(tiny_model_dir, device="cpu")
    assert sparse.head.separable
    assert _outputs(sparse) == _outputs(dense)
    assert sparse.sparse_steps > 20 and dense.sparse_steps == 0
