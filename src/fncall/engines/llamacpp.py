"""The llama.cpp engine: a GGUF model run in-process through ``llama-cpp-python``.

Generation is a loop over :meth:`llama_cpp.Llama.generate` rather than ``create_completion``,
because ``create_completion`` may run a few tokens past ``max_tokens`` while a UTF-8
character is incomplete and cuts at the first stop string in list order rather than the
earliest one in the text; both matter for honest ``length`` reports and stop semantics.
"""

from __future__ import annotations

import codecs
import contextlib
import inspect
import os
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from fncall._lru import LruCache
from fncall.engines.base import Engine, Generation, GenerationRequest
from fncall.errors import ConfigurationError, ContextLengthError, EngineError

INSTALL_HINT = "pip install 'fncall[llamacpp]'"
GRAMMAR_CACHE_SIZE = 256
"""Compiled grammars one engine keeps (grounded ones differ with every request)."""
GRAMMAR_CACHE_BYTES = 512 * 2**20
"""Memory those compiled grammars may hold, counted as 80 bytes per character of GBNF."""


class LlamaCppEngine(Engine):
    """Completes prompts with a GGUF model through llama.cpp.

    Prompts are tokenized with special tokens recognised (``<s>`` in a prompt is the BOS
    token, not three characters), with the BOS token in front where the model's tokenizer
    adds one (``tokenizer.ggml.add_bos_token``), as transformers does. Grammars are
    passed to llama.cpp as GBNF and compiled once per distinct grammar text.

    Args:
        model: Path of a ``.gguf`` file (see :func:`fncall.export.model_gguf.export_gguf`), a
            registered base name, or an adapter directory trained on a GGUF base (converted
            once into fncall's cache as ``merge`` says; see
            :mod:`fncall.export.adapter_gguf`).
        n_ctx: Context window in tokens; prompt plus completion must fit.
        n_threads: CPU threads (``None``: llama.cpp's default).
        n_gpu_layers: Layers offloaded to a GPU when llama.cpp was built with one.
        repack: Let llama.cpp repack weights for the CPU's matrix extensions (AMX). Off by
            default: with llama-cpp-python 0.3.36 on an AMX CPU, generating from a Q4_K_M
            Gemma 3 file with repacked weights crashes the process (a segmentation fault),
            and a LoRA adapter cannot use repacked weights anyway.
        merge: Run an adapter directory merged into its base, the weights it changes stored
            as f16 (one file, written once into fncall's cache). With ``False`` the base
            GGUF is loaded as it is and the adapter applied as a GGUF LoRA file: faster on
            quantised weights (house model, one everyday call on 2 cores: p50 1.30 s
            against 1.69 s), but llama.cpp rounds activations to 8 bits where they meet
            quantised weights, so its greedy output matches the transformers engine's on
            86.5% of 200 held-out prompts, against 97.5% merged
            (``benchmarks/engine_agreement.py``).
        **kw: Passed on to :class:`llama_cpp.Llama` (for example ``type_k``/``type_v``).

    Raises:
        EngineError: llama-cpp-python is not installed, or the file does not exist or
            llama.cpp cannot load it.
    """

    name: ClassVar[str] = "llamacpp"
    streams_text: ClassVar[bool] = True

    def __init__(
        self,
        model: str,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        n_gpu_layers: int = 0,
        repack: bool = False,
        merge: bool = True,
        **kw: Any,
    ) -> None:
        try:
            import llama_cpp
        except ImportError as exc:
            raise EngineError(
                f"the llamacpp engine needs llama-cpp-python: {INSTALL_HINT}"
            ) from exc
        path, lora = _model_files(model, merge)
        # Llama() swallows unknown keywords; a misspelt option must not pass unnoticed.
        known = inspect.signature(llama_cpp.Llama.__init__).parameters
        unknown = sorted(k for k in kw if k not in known or k in ("self", "kwargs"))
        if unknown:
            raise ConfigurationError(f"unknown llamacpp engine option(s): {', '.join(unknown)}")
        self._llama_cpp = llama_cpp
        self.path = model
        try:
            with _model_params(llama_cpp, use_extra_bufts=repack), _captured_stderr() as log:
                self._llm = llama_cpp.Llama(
                    model_path=str(path),
                    n_ctx=n_ctx,
                    n_threads=n_threads,
                    n_gpu_layers=n_gpu_layers,
                    lora_path=lora,
                    verbose=False,
                    **kw,
                )
        except (ValueError, RuntimeError, OSError) as exc:
            raise EngineError(
                f"llama.cpp cannot load {model} ({exc}; {_last_lines(log[0])}): not a GGUF "
                "file, or a model this build of llama.cpp does not support"
            ) from exc
        except TypeError as exc:
            raise ConfigurationError(f"invalid llamacpp engine option value: {exc}") from exc
        self._grammars: LruCache[str, Any] = LruCache(
            GRAMMAR_CACHE_SIZE, max_bytes=GRAMMAR_CACHE_BYTES, weigh=lambda gbnf, _: 80 * len(gbnf)
        )
        # One llama.cpp context serves one sequence at a time.
        self._lock = threading.Lock()

    def generate(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Complete every request, one after another, in order."""
        self.check(requests)
        grammars = [self._grammar(r.grammar.gbnf) if r.grammar else None for r in requests]
        with self._lock:
            return [self._complete(r, g) for r, g in zip(requests, grammars, strict=True)]

    def tokenize(self, text: str) -> list[int]:
        """The ids llama.cpp gives ``text`` as a prompt (special tokens recognised, and the
        BOS token in front where the model's tokenizer adds one, as transformers does)."""
        return self._llm.tokenize(text.encode("utf-8"), add_bos=True, special=True)

    def close(self) -> None:
        """Free the model and its context."""
        self._llm.close()

    def _grammar(self, gbnf: str) -> Any:
        """The compiled grammar for ``gbnf``, checked once and then cached."""
        return self._grammars.get(gbnf, lambda: self._compile_grammar(gbnf))

    def _compile_grammar(self, gbnf: str) -> Any:
        self._validate_grammar(gbnf)
        return self._llama_cpp.LlamaGrammar.from_string(gbnf, verbose=False)

    def _validate_grammar(self, gbnf: str) -> None:
        # LlamaGrammar.from_string only stores the text; llama-cpp-python would later hand a
        # NULL sampler to llama.cpp for a grammar that does not parse and crash the process.
        # Building the sampler here turns that into an error, with llama.cpp's own message
        # (which it prints on stderr).
        lib = self._llama_cpp
        vocab = lib.llama_model_get_vocab(self._llm.model)
        with _captured_stderr() as log:
            sampler = lib.llama_sampler_init_grammar(vocab, gbnf.encode("utf-8"), b"root")
        if not sampler:
            detail = _grammar_error("".join(log))
            raise EngineError(f"llama.cpp cannot parse the grammar: {detail}\n{gbnf}")
        lib.llama_sampler_free(sampler)

    def _complete(self, request: GenerationRequest, grammar: Any) -> Generation:
        llm, sampling = self._llm, request.sampling
        prompt = self.tokenize(request.prompt)
        if not prompt:
            raise EngineError("the prompt is empty: there is nothing to continue")
        room = llm.n_ctx() - len(prompt)
        if room < 1:
            raise ContextLengthError(
                f"the prompt has {len(prompt)} tokens; the context window ({llm.n_ctx()}) "
                "leaves no room to generate"
            )
        budget = min(sampling.max_tokens, room)
        seed = self._llama_cpp.LLAMA_DEFAULT_SEED if sampling.seed is None else sampling.seed
        llm.set_seed(seed & 0xFFFFFFFF)
        stops = [s.encode("utf-8") for s in request.stop if s]
        is_eog = self._llama_cpp.llama_vocab_is_eog
        vocab = self._llama_cpp.llama_model_get_vocab(llm.model)

        completion: list[int] = []
        text = b""
        finish = "length"
        listen = request.on_text
        # A token may end inside a UTF-8 character: the listener hears whole characters only.
        pieces = codecs.getincrementaldecoder("utf-8")(errors="replace")
        # Only temperature and top_p shape the distribution: llama-cpp-python's defaults
        # (top_k 40, min_p 0.05) are switched off, so temperature 0 is plain argmax and
        # sampled decoding matches the other engines.
        for token in llm.generate(
            prompt,
            temp=sampling.temperature,
            top_p=sampling.top_p,
            top_k=0,
            min_p=0.0,
            typical_p=1.0,
            repeat_penalty=1.0,
            frequency_penalty=0.0,
            presence_penalty=0.0,
            grammar=grammar,
        ):
            if is_eog(vocab, token):
                finish = "stop"
                break
            completion.append(token)
            piece = llm.detokenize([token])
            text += piece
            if listen is not None and (decoded := pieces.decode(piece)):
                listen(decoded)
            cut = _first_stop(text, stops)
            if cut is not None:
                text, finish = text[:cut], "stop"
                break
            if len(completion) >= budget:
                break
            if request.cancelled is not None and request.cancelled():
                break  # abandoned: reported as cut at max_tokens
        return Generation(
            text=text.decode("utf-8", errors="replace"),
            finish_reason=finish,  # type: ignore[arg-type]
            prompt_tokens=len(prompt),
            completion_tokens=len(completion),
        )


_PARAMS_LOCK = threading.Lock()


@contextlib.contextmanager
def _model_params(llama_cpp: Any, **fields: Any) -> Iterator[None]:
    """Set model-loading fields that :class:`llama_cpp.Llama` has no argument for, by
    amending the defaults it starts from while one model loads."""
    module = sys.modules[llama_cpp.Llama.__module__].llama_cpp
    defaults = module.llama_model_default_params

    def amended() -> Any:
        params = defaults()
        for name, value in fields.items():
            setattr(params, name, value)
        return params

    with _PARAMS_LOCK:
        module.llama_model_default_params = amended
        try:
            yield
        finally:
            module.llama_model_default_params = defaults


def _model_files(model: str, merge: bool) -> tuple[Path, str | None]:
    """The GGUF file to load for ``model`` and the GGUF LoRA file to apply (or None)."""
    from fncall.pretrained import BASES, is_adapter_dir, resolve_base

    if is_adapter_dir(model):
        from fncall.export.adapter_gguf import adapter_gguf, gguf_base, merged_gguf

        if merge:
            return merged_gguf(model, "f16"), None
        return gguf_base(Path(model)).path, str(adapter_gguf(model))
    if model in BASES:
        return resolve_base(model).path, None
    path = Path(model)
    if not path.is_file():
        raise EngineError(f"GGUF model file {model} does not exist")
    return path, None


def _first_stop(text: bytes, stops: list[bytes]) -> int | None:
    """Where the earliest stop string starts in ``text``, if any does."""
    found = [i for i in (text.find(s) for s in stops) if i >= 0]
    return min(found) if found else None


def _grammar_error(log: str) -> str:
    for line in log.splitlines():
        if "error parsing grammar:" in line:
            return line.split("error parsing grammar:", 1)[1].strip()
    return _last_lines(log) or "no details from llama.cpp"


def _last_lines(log: str, n: int = 3) -> str:
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    return " | ".join(lines[-n:])


@contextlib.contextmanager
def _captured_stderr() -> Iterator[list[str]]:
    """Collect what is written to file descriptor 2 (llama.cpp reports grammar errors with
    ``fprintf``, out of Python's reach); the text is in the yielded list once the block ends."""
    captured: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 2)
        try:
            yield captured
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            captured.append(capture.read().decode("utf-8", errors="replace"))
