"""The vLLM engine: batched generation on CUDA GPUs with vLLM's offline ``LLM`` class.

Grammars go to vLLM's ``guidance`` structured-outputs backend, which is llguidance, the
library fncall uses on CPU; so the Lark text that :attr:`Grammar.lark` renders means the
same thing on both paths. vLLM is imported only when an engine is created, so fncall
installs and imports on machines without it.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from fncall.engines.base import Engine, Generation, GenerationRequest
from fncall.errors import EngineError

INSTALL_HINT = "pip install 'fncall[vllm]' on a machine with a CUDA GPU"


class VLLMEngine(Engine):
    """Generation with vLLM (``LLM.generate``), one call per batch of requests.

    Args:
        model: A local model directory (``config.json``, weights, tokenizer), as
            :func:`fncall.train.model.save_model` writes it.
        tensor_parallel_size: GPUs that split each layer (usually the GPUs of one node).
        pipeline_parallel_size: Stages the layers are split into (usually the nodes).
        load_format: How vLLM reads weights; ``"dummy"`` gives random weights without
            reading any, which is enough to test a pipeline.
        dtype: Weight and activation dtype (``"auto"``: from the model's config).
        gpu_memory_utilization: Share of each GPU's memory vLLM may take (weights and KV
            cache).
        max_model_len: Longest prompt plus completion, in tokens (``None``: the model's).
        seed: Seed of vLLM's random state; requests with their own seed are repeatable.
        **llm_kwargs: Passed on to ``vllm.LLM`` (``enforce_eager``,
            ``distributed_executor_backend``, ``structured_outputs_config``, ...).

    Scaling out: on one node with several GPUs set ``tensor_parallel_size`` to their count.
    Across nodes, start a Ray cluster (``ray start --head`` on one node, ``ray start
    --address=<head-ip>:6379`` on the others, with the same Python environment and the model
    directory at the same path everywhere), then on the head node::

        VLLMEngine(path, tensor_parallel_size=8, pipeline_parallel_size=2,
                   distributed_executor_backend="ray")

    for two nodes of eight GPUs. The fncall code is the same for one GPU and for many.
    """

    name: ClassVar[str] = "vllm"

    def __init__(
        self,
        model: str,
        tensor_parallel_size: int = 1,
        pipeline_parallel_size: int = 1,
        load_format: str = "auto",
        dtype: str = "auto",
        gpu_memory_utilization: float = 0.9,
        max_model_len: int | None = None,
        seed: int = 0,
        **llm_kwargs: Any,
    ) -> None:
        try:
            from vllm import LLM, SamplingParams
            from vllm.sampling_params import StructuredOutputsParams
        except ImportError as exc:
            raise EngineError(
                f"the vllm engine needs the vllm package ({exc}); {INSTALL_HINT}"
            ) from exc
        if not Path(model).is_dir():
            raise EngineError(
                f"model directory {model!r} does not exist (the vllm engine loads a local "
                "model directory with config.json, weights and a tokenizer)"
            )
        self.path = model
        self._sampling_params = SamplingParams
        self._structured_outputs_params = StructuredOutputsParams
        # guidance = llguidance, the same grammar semantics as fncall's CPU path; "auto"
        # would try xgrammar first, which reads Lark only through a lossy conversion.
        # fncall's Lark grammars spell out every space themselves (no %ignore), so
        # disable_any_whitespace only matters for JSON schemas, where it keeps them compact.
        llm_kwargs.setdefault(
            "structured_outputs_config", {"backend": "guidance", "disable_any_whitespace": True}
        )
        try:
            self._llm: Any = LLM(
                model=str(model),
                tensor_parallel_size=tensor_parallel_size,
                pipeline_parallel_size=pipeline_parallel_size,
                load_format=load_format,
                dtype=dtype,
                gpu_memory_utilization=gpu_memory_utilization,
                max_model_len=max_model_len,
                seed=seed,
                **llm_kwargs,
            )
        # vLLM fails to load with many exception types (config validation, CUDA, files);
        # callers get one error that says which model and why.
        except Exception as exc:
            raise EngineError(f"vLLM could not load {model!r}: {exc}") from exc

    def _params(self, request: GenerationRequest) -> Any:
        """The ``SamplingParams`` of one request."""
        sampling = request.sampling
        structured = None
        if request.grammar is not None:
            structured = self._structured_outputs_params(grammar=request.grammar.lark)
        return self._sampling_params(
            max_tokens=sampling.max_tokens,
            temperature=sampling.temperature,
            top_p=sampling.top_p,
            seed=sampling.seed,
            stop=list(request.stop) or None,
            structured_outputs=structured,
            # Dialect markers (<tool_call>, <bot_end>) are often special tokens, and the
            # parser needs them in the text; EOS never appears (vLLM leaves out the token
            # that stopped generation).
            skip_special_tokens=False,
            spaces_between_special_tokens=False,
        )

    def generate(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Complete every request in one ``LLM.generate`` call; results in request order.

        Raises:
            EngineError: vLLM rejected a request (a grammar llguidance cannot compile, a
                prompt longer than ``max_model_len``) or failed while generating.
        """
        self.check(requests)
        if not requests:
            return []
        if self._llm is None:
            raise EngineError("the vllm engine is closed")
        params = [self._params(request) for request in requests]
        try:
            outputs = self._llm.generate(
                [request.prompt for request in requests], params, use_tqdm=False
            )
        # vLLM validates every request (grammars included) before it generates anything and
        # raises ValueError (VLLMValidationError) naming the problem; nothing has run then.
        except ValueError as exc:
            raise EngineError(f"vLLM rejected the batch: {exc}") from exc
        except RuntimeError as exc:
            raise EngineError(f"vLLM failed while generating: {exc}") from exc
        generations = []
        for output in outputs:  # LLM.generate returns outputs in prompt order
            completion = output.outputs[0]
            generations.append(
                Generation(
                    text=completion.text,
                    finish_reason="length" if completion.finish_reason == "length" else "stop",
                    prompt_tokens=len(output.prompt_token_ids or ()),
                    completion_tokens=len(completion.token_ids),
                )
            )
        self.deliver_text(requests, generations)
        return generations

    def close(self) -> None:
        """Drop the vLLM engine; its worker processes and GPU memory are released when it
        is collected."""
        self._llm = None
        gc.collect()
