"""The llama.cpp engine: a GGUF model run in-process through ``llama-cpp-python``.

The decoding loop is fncall's own, over :meth:`llama_cpp.Llama.eval` and the context's
logits, as in the transformers engine: grammars are applied as llguidance token masks (one
constrained-decoding implementation for both local engines; llama.cpp's GBNF sampler walks
the whole vocabulary for every token, 3.2x the unconstrained time at Gemma's 262k), tokens
the grammar forces are evaluated in one pass, the longest prefix already in the context (a
repeated tool block) is kept, and a generation ends exactly at ``max_tokens`` or at the
earliest stop string in the text.
"""

from __future__ import annotations

import codecs
import contextlib
import ctypes
import inspect
import os
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from fncall.engines.base import Engine, Generation, GenerationRequest
from fncall.engines.prefix_cache import MIN_NEW_TOKENS, PrefixCache
from fncall.errors import ConfigurationError, ContextLengthError, EngineError
from fncall.grammar.matcher import TokenMasker, consume, is_text_marker

INSTALL_HINT = "pip install 'fncall[llamacpp]'"


class LlamaCppEngine(Engine):
    """Completes prompts with a GGUF model through llama.cpp.

    Prompts are tokenized with special tokens recognised (``<s>`` in a prompt is the BOS
    token, not three characters), with the BOS token in front where the model's tokenizer
    adds one (``tokenizer.ggml.add_bos_token``), as transformers does. Grammars are
    llguidance masks over the GGUF's vocabulary (see :mod:`fncall.grammar.matcher`).

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
        fast_forward: Where the grammar allows one continuation only (call syntax, the rest
            of a tool name), evaluate its tokens in one pass instead of sampling each.
        prefix_cache_bytes: Memory for saved context states of recent prompts, so a request
            that shares a prefix with one of them (another tool set used before) evaluates
            only the rest; the prefix of the prompt just before is reused in any case. 0
            keeps none.
        **kw: Passed on to :class:`llama_cpp.Llama` (for example ``type_k``/``type_v``).

    Attributes:
        forward_passes: Decoding passes made so far (prompt evaluation not counted).
        forced_tokens: Tokens the grammar forced, evaluated in those passes without a pass
            of their own.
        reused_prompt_tokens: Prompt tokens found already evaluated, in the context or a
            kept state, so not evaluated again.

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
        fast_forward: bool = True,
        prefix_cache_bytes: int = 256 * 2**20,
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
        self._vocab = llama_cpp.llama_model_get_vocab(self._llm.model)
        self._n_vocab = self._llm.n_vocab()
        self._masker: TokenMasker | None = None
        self._pieces: list[bytes] = []
        self._stop_ids: dict[tuple[str, ...], tuple[frozenset[int], frozenset[int]]] = {}
        self.fast_forward = fast_forward
        self.forward_passes = 0
        self.forced_tokens = 0
        self.reused_prompt_tokens = 0
        self.prefix_states: PrefixCache[Any] = PrefixCache(prefix_cache_bytes)
        # One llama.cpp context serves one sequence at a time.
        self._lock = threading.Lock()

    def generate(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Complete every request, one after another, in order."""
        self.check(requests)
        matchers = [self.masker.matcher(r.grammar) if r.grammar else None for r in requests]
        with self._lock:
            return [self._complete(r, m) for r, m in zip(requests, matchers, strict=True)]

    def tokenize(self, text: str) -> list[int]:
        """The ids llama.cpp gives ``text`` as a prompt (special tokens recognised, and the
        BOS token in front where the model's tokenizer adds one, as transformers does)."""
        return self._llm.tokenize(text.encode("utf-8"), add_bos=True, special=True)

    def close(self) -> None:
        """Free the model and its context."""
        self._llm.close()

    @property
    def masker(self) -> TokenMasker:
        """Grammar masks over this model's vocabulary (built on the first constrained
        request: about a second for 262k tokens)."""
        if self._masker is None:
            table, self._pieces = _token_table(self._llama_cpp, self._vocab)
            self._masker = TokenMasker(table, self._n_vocab)
        return self._masker

    def _stop_starts(self, stop: tuple[str, ...]) -> tuple[frozenset[int], frozenset[int]]:
        """Tokens that are a whole stop string, and tokens whose text begins one (see
        :meth:`TransformersEngine.stop_start_ids
        <fncall.engines.transformers.TransformersEngine.stop_start_ids>`)."""
        if stop not in self._stop_ids:
            self.masker  # noqa: B018 - the token pieces come with the token table
            wanted = [s.encode("utf-8") for s in stop if s]
            whole = frozenset(t for t, p in enumerate(self._pieces) if p in wanted)
            starts = frozenset(
                t for t, p in enumerate(self._pieces) if p and any(s.startswith(p) for s in wanted)
            )
            self._stop_ids[stop] = (whole, starts | whole)
        return self._stop_ids[stop]

    def _prefill(self, prompt: list[int]) -> None:
        """Bring the context to ``prompt``: keep the longest prefix already evaluated (the
        tool block of a repeated request), in the context or in a kept state of an earlier
        prompt (another tool set), evaluate the rest, at least one token so the logits are
        fresh; then keep the state of a prompt that was mostly new."""
        llm = self._llm
        shared = 0
        for held, wanted in zip(llm.input_ids[: llm.n_tokens].tolist(), prompt, strict=False):
            if held != wanted:
                break
            shared += 1
        shared = min(shared, len(prompt) - 1)
        lib = self._llama_cpp
        memory = lib.llama_get_memory(llm.ctx)
        kept, state = self.prefix_states.longest(prompt, len(prompt) - 1)
        if state is not None and kept >= shared + MIN_NEW_TOKENS:
            saved, tokens = state
            lib.llama_memory_seq_rm(memory, 0, -1, -1)
            if lib.llama_state_seq_set_data(llm.ctx, saved, len(saved), 0):
                llm.input_ids[: len(tokens)] = tokens
                shared = kept
            else:
                shared = 0
        # A sliding-window cache that has dropped early positions cannot be cut back to a
        # prefix (llama-cpp-python's default keeps the full window, so this is rare).
        if shared and (
            not lib.llama_memory_seq_rm(memory, 0, shared, -1)
            or lib.llama_memory_seq_pos_min(memory, 0) > 0
        ):
            lib.llama_memory_clear(memory, True)
            shared = 0
        llm.n_tokens = shared
        self.reused_prompt_tokens += shared
        llm.eval(prompt[shared:])
        if self.prefix_states.wants(len(prompt), shared):
            self._save_state(prompt)

    def _save_state(self, prompt: list[int]) -> None:
        """Keep the context's cache of ``prompt`` (its one sequence's keys and values only:
        ``Llama.save_state`` would also copy a row of logits per token, 1 MB each here)."""
        lib, ctx = self._llama_cpp, self._llm.ctx
        size = lib.llama_state_seq_get_size(ctx, 0)
        buffer = (ctypes.c_uint8 * size)()
        written = lib.llama_state_seq_get_data(ctx, buffer, size, 0)
        if written:
            saved = (
                (ctypes.c_uint8 * written).from_buffer_copy(buffer) if written < size else buffer
            )
            self.prefix_states.add(prompt, (saved, list(prompt)), written)

    def _sampler(self, request: GenerationRequest, allowed: list[np.ndarray | None]) -> Any:
        """llama.cpp's own sampler chain for one sampled generation, so a seed draws what it
        draws on a llama.cpp server: the mask in ``allowed[0]`` first, then only
        temperature and top_p (llama-cpp-python's top_k 40 and min_p 0.05 are off)."""

        def mask(_: Any, logits: np.ndarray) -> np.ndarray:
            if allowed[0] is not None:
                logits[~allowed[0][: len(logits)]] = -np.inf
            return logits

        sampling = request.sampling
        seed = self._llama_cpp.LLAMA_DEFAULT_SEED if sampling.seed is None else sampling.seed
        self._llm.set_seed(seed & 0xFFFFFFFF)
        return self._llm._init_sampler(  # one chain: its random state carries token to token
            temp=sampling.temperature,
            top_p=sampling.top_p,
            top_k=0,
            min_p=0.0,
            typical_p=1.0,
            repeat_penalty=1.0,
            frequency_penalty=0.0,
            presence_penalty=0.0,
            logits_processor=[mask],
        )

    def _logits(self) -> np.ndarray:
        """The next-token logits after the last evaluated token (a copy)."""
        pointer = self._llama_cpp.llama_get_logits_ith(self._llm.ctx, -1)
        return np.ctypeslib.as_array(pointer, shape=(self._n_vocab,)).copy()

    def _complete(self, request: GenerationRequest, matcher: Any) -> Generation:
        sampling = request.sampling
        prompt = self.tokenize(request.prompt)
        if not prompt:
            raise EngineError("the prompt is empty: there is nothing to continue")
        room = self._llm.n_ctx() - len(prompt)
        if room < 1:
            raise ContextLengthError(
                f"the prompt has {len(prompt)} tokens; the context window "
                f"({self._llm.n_ctx()}) leaves no room to generate"
            )
        budget = min(sampling.max_tokens, room)
        whole, starts = self._stop_starts(request.stop) if matcher is not None else ((), ())
        start_ids = np.fromiter(starts, dtype=np.intp, count=len(starts))
        run = _Run(request, budget, self._llm.detokenize)
        allowed: list[np.ndarray | None] = [None]  # this step's mask, for the sampler
        sampler = self._sampler(request, allowed) if sampling.temperature > 0 else None
        self._prefill(prompt)
        while True:
            if matcher is not None:
                allowed[0] = self.masker.allowed([matcher])[0]
                if matcher.is_accepting():
                    allowed[0][start_ids] = True
            if sampler is not None:
                token = sampler.sample(self._llm._ctx, -1)
            else:
                logits = self._logits()
                if allowed[0] is not None:
                    logits[~allowed[0]] = -np.inf
                token = int(np.argmax(logits))
            if self._llama_cpp.llama_vocab_is_eog(self._vocab, token):
                run.finish = "stop"
                break
            if matcher is not None and token in starts and not matcher.validate_tokens([token]):
                # the stop string the model began, where the grammar has no place for it
                run.finish = "stop"
                if token in whole:
                    run.tokens.append(token)  # counted; its text is the stop string
                break
            fed = [token]
            over = run.take(token, matcher)
            if not over and self.fast_forward and matcher is not None:
                for forced in matcher.compute_ff_tokens():
                    fed.append(forced)
                    self.forced_tokens += 1
                    if over := run.take(forced, matcher):
                        break
            if over:
                break
            self.forward_passes += 1
            self._llm.eval(fed)
        return run.generation(len(prompt))


class _Run:
    """One generation's output as it grows: its tokens and text, heard by the listener, cut at
    the earliest stop string or at the budget."""

    def __init__(self, request: GenerationRequest, budget: int, detokenize: Any) -> None:
        self.request, self.budget, self.detokenize = request, budget, detokenize
        self.stops = [s.encode("utf-8") for s in request.stop if s]
        self.tokens: list[int] = []
        self.text = b""
        self.finish = "length"
        # A token may end inside a UTF-8 character: the listener hears whole characters only.
        self.pieces = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def take(self, token: int, matcher: Any) -> bool:
        """Add ``token`` (advancing the grammar, if any); whether the generation is over."""
        self.tokens.append(token)
        piece = self.detokenize([token])
        self.text += piece
        listen = self.request.on_text
        if listen is not None and (decoded := self.pieces.decode(piece)):
            listen(decoded)
        if matcher is not None:
            consume(matcher, token)
        cut = _first_stop(self.text, self.stops)
        if cut is not None:
            self.text, self.finish = self.text[:cut], "stop"
            return True
        if matcher is not None and matcher.is_stopped():
            self.finish = "stop"  # the grammar is complete: nothing may follow
            return True
        if len(self.tokens) >= self.budget:
            return True
        return self.request.cancelled is not None and self.request.cancelled()

    def generation(self, prompt_tokens: int) -> Generation:
        """The finished generation."""
        return Generation(
            text=self.text.decode("utf-8", errors="replace"),
            finish_reason=self.finish,  # type: ignore[arg-type]
            prompt_tokens=prompt_tokens,
            completion_tokens=len(self.tokens),
        )


def _token_table(llama_cpp: Any, vocab: Any) -> tuple[Any, list[bytes]]:
    """llguidance's token table for a GGUF vocabulary (its end-of-generation tokens allowed
    where a grammar ends), and each token's bytes.

    Control tokens are special (llguidance never lets one match grammar text) except those
    that count as their text, as in :func:`fncall.grammar.matcher.is_text_marker`: a
    dialect marker such as ``<tool_call>`` must match the model's own marker token.
    """
    import llguidance

    size = 1024
    buffer = ctypes.create_string_buffer(size + 1)
    control = llama_cpp.LLAMA_TOKEN_ATTR_CONTROL
    user = llama_cpp.LLAMA_TOKEN_ATTR_USER_DEFINED
    pieces: list[bytes] = []
    table: list[bytes] = []
    eog: list[int] = []
    for token in range(llama_cpp.llama_vocab_n_tokens(vocab)):
        ends = bool(llama_cpp.llama_vocab_is_eog(vocab, token))
        if ends:
            eog.append(token)
        n = llama_cpp.llama_token_to_piece(vocab, token, buffer, size, 0, True)
        if n < 0:
            raise EngineError(f"token {token} of the model is longer than {size} bytes")
        piece = buffer.raw[:n]
        attr = llama_cpp.llama_vocab_get_attr(vocab, token)
        marker = attr & control or (attr & user and piece[:1] == b"<" and piece[-1:] == b">")
        text = piece.decode("utf-8", errors="replace")
        special = marker and (ends or not is_text_marker(text))
        pieces.append(b"" if attr & control and special else piece)
        table.append(b"\xff" + piece if special else piece)
    tokenize = ctypes.cast(llama_cpp.llama_cpp._lib.llama_tokenize, ctypes.c_void_p).value
    tokenizer = llguidance.LLTokenizer.from_llamacpp(
        tokens=table, vocab_ptr=vocab, tokenize_fptr=tokenize, eos_token=eog
    )
    return tokenizer, pieces


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
