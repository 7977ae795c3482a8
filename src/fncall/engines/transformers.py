"""The embedded engine: a Hugging Face causal LM in this process, on CPU or GPU.

The decoding loop is written out here rather than delegated to ``model.generate`` so that
the per-token work is visible and small: one forward pass with the KV cache over the
whole batch, one grammar mask for the rows that have a grammar, sampling per row, and a
stop-string check on the newly decoded text only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import torch
from transformers import DynamicCache

from fncall.engines.base import Engine, Generation, GenerationRequest
from fncall.engines.output_head import OutputHead
from fncall.engines.prefix_cache import PrefixCache
from fncall.errors import ConfigurationError, ContextLengthError, EngineError
from fncall.grammar.matcher import TokenMasker, consume

SPARSE_HEAD_MAX = 16384
"""Most vocabulary rows a step computes logits for alone; with more, it computes all."""

Layers = list[tuple[torch.Tensor, torch.Tensor]]
"""A prompt's attention keys and values, per layer, of shape ``(heads, tokens, head_dim)``."""


@dataclass
class _Row:
    """The state of one request while the batch decodes."""

    request: GenerationRequest
    prompt_ids: list[int]
    matcher: Any = None
    reused: int = 0  # prompt tokens taken from the prefix cache
    generator: torch.Generator | None = None
    ids: list[int] = field(default_factory=list)
    done: bool = False
    finish: str = "length"
    # Streaming: the listener has heard the text of ids[:read_at], decoded from prefix_at
    # (a token of context, so merges and leading spaces come out as in the whole text);
    # sent counts the characters it has heard.
    prefix_at: int = 0
    read_at: int = 0
    sent: int = 0


@dataclass
class _Search:
    """One request's beam search: its live beams, their scores and the best endings so far."""

    row: _Row
    live: list[_Row]
    scores: list[float]
    best: _Row | None = None
    best_score: float = float("-inf")
    cut: _Row | None = None
    cut_score: float = float("-inf")
    over: bool = False

    @classmethod
    def start(cls, row: _Row) -> _Search:
        """A search from the prompt alone; beams are heard only once one has won."""
        quiet = replace(row.request, on_text=None)
        return cls(row, [_Row(quiet, row.prompt_ids, matcher=row.matcher)], [0.0])

    def answer(self) -> _Row:
        """The likeliest finished beam, else the likeliest one the budget cut."""
        return self.best or self.cut or self.live[0]


class TransformersEngine(Engine):
    """A local causal LM, generated in-process.

    Args:
        model: A Hugging Face model directory (safetensors + tokenizer), an adapter directory
            (a LoRA adapter and the base it names, merged at load), a GGUF file or a
            registered base name (see :mod:`fncall.pretrained`); nothing is ever downloaded.
        device: ``"auto"`` (CUDA when available), ``"cpu"`` or ``"cuda"``.
        dtype: ``"auto"`` (bfloat16 on GPU, float32 on CPU), ``"float32"``, ``"bfloat16"``
            or ``"float16"``.
        threads: CPU threads for torch (default: torch's choice).
        prefix_cache_bytes: Memory for the keys and values of recent prompts, so a request
            that repeats a prompt's prefix (the same tools and system prompt, a conversation
            one turn longer) evaluates only the rest (see
            :mod:`fncall.engines.prefix_cache`); 0 turns it off.
        sparse_head: Where the grammars of a step allow few tokens, compute logits for
            those vocabulary rows only (see :mod:`fncall.engines.output_head`); the
            outputs are the same.

    Attributes:
        reused_prompt_tokens: Prompt tokens taken from the prefix cache so far.
        sparse_steps: Decoding steps that computed logits for a few vocabulary rows only.
    """

    name = "transformers"
    streams_text = True
    supports_beams = True

    def __init__(
        self,
        model: str | os.PathLike[str],
        device: str = "auto",
        dtype: str = "auto",
        threads: int | None = None,
        prefix_cache_bytes: int = 512 * 2**20,
        sparse_head: bool = True,
    ) -> None:
        from fncall.pretrained import load_model

        path = Path(model)
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        if device == "cuda" and not torch.cuda.is_available():
            raise ConfigurationError("device 'cuda' was asked for but no CUDA GPU is available")
        if dtype == "auto":
            dtype = "bfloat16" if device == "cuda" else "float32"
        if dtype not in ("float32", "bfloat16", "float16"):
            raise ConfigurationError(f"unknown dtype {dtype!r}; use float32, bfloat16 or float16")
        if threads:
            torch.set_num_threads(threads)
        self.model, self.tokenizer = load_model(model, dtype=getattr(torch, dtype))
        if not getattr(self.tokenizer, "is_fast", False):
            raise EngineError(f"{path}: a fast tokenizer (tokenizer.json) is needed")
        self.model.to(device).eval()
        self.device = torch.device(device)
        self.path = str(path)
        self.eos_ids = self._eos_ids()
        self.pad_id = self.tokenizer.pad_token_id
        if self.pad_id is None:
            self.pad_id = next(iter(self.eos_ids))
        self.vocab_size = self.model.config.vocab_size
        self._masker: TokenMasker | None = None
        self.prefix_cache: PrefixCache[Layers] = PrefixCache(prefix_cache_bytes)
        self.head = OutputHead(self.model)
        self.sparse_head = sparse_head
        self.sparse_steps = 0
        self._hidden = torch.empty(0)
        self._texts: list[str] | None = None
        self._run_on: dict[tuple[str, ...], torch.Tensor] = {}
        self.reused_prompt_tokens = 0
        self._stop_token_ids: dict[tuple[str, ...], tuple[set[int], set[int]]] = {}

    def _eos_ids(self) -> set[int]:
        ids = self.model.generation_config.eos_token_id
        if ids is None:
            ids = self.model.config.eos_token_id
        if ids is None:
            ids = self.tokenizer.eos_token_id
        if ids is None:
            raise EngineError(f"{self.path}: the model has no end-of-sequence token")
        return set(ids) if isinstance(ids, list) else {ids}

    @property
    def masker(self) -> TokenMasker:
        """Grammar masks for this tokenizer (built on first constrained request)."""
        if self._masker is None:
            self._masker = TokenMasker.from_hf(
                self.tokenizer, self.vocab_size, sorted(self.eos_ids)
            )
        return self._masker

    def count_tokens(self, text: str) -> int:
        """Tokens ``text`` encodes to, as a prompt."""
        return len(self.tokenizer(text)["input_ids"])

    def stop_token_ids(self, stop: tuple[str, ...]) -> set[int]:
        """Single tokens whose text is a stop string (``<bot_end>``): allowed, like EOS,
        wherever the grammar may end."""
        return self._stop_ids(stop)[0]

    def stop_start_ids(self, stop: tuple[str, ...]) -> set[int]:
        """Tokens whose text begins a stop string (``<`` or ``<|`` of ``<|im_end|>``, which a
        tokenizer without the marker splits into pieces), whole stop tokens included.
        Wherever the grammar may end, each is allowed like EOS and, where the grammar has no
        place for it, ends the generation as the stop string would: the model was trained
        to write the stop string there, and the grammar cannot hold it."""
        return self._stop_ids(stop)[1]

    def _stop_ids(self, stop: tuple[str, ...]) -> tuple[set[int], set[int]]:
        if stop not in self._stop_token_ids:
            vocab = self.tokenizer.get_vocab()
            whole = {vocab[s] for s in stop if s in vocab}
            starts = {i for p, i in vocab.items() if p and any(s.startswith(p) for s in stop)}
            self._stop_token_ids[stop] = (whole, starts | whole)
        return self._stop_token_ids[stop]

    @torch.inference_mode()
    def generate(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Complete every request in one batch (see :class:`Engine`)."""
        self.check(requests)
        if not requests:
            return []
        rows = []
        for request in requests:
            ids = self.tokenizer(request.prompt)["input_ids"]
            if not ids:
                raise EngineError("an empty prompt cannot be completed")
            limit = self.model.config.max_position_embeddings
            if len(ids) + request.sampling.max_tokens > limit:
                raise ContextLengthError(
                    f"prompt ({len(ids)} tokens) plus max_tokens "
                    f"({request.sampling.max_tokens}) exceeds the model's {limit} positions"
                )
            row = _Row(request, ids)
            if request.grammar is not None:
                row.matcher = self.masker.matcher(request.grammar)
            if request.sampling.temperature > 0:
                row.generator = torch.Generator(device="cpu")
                seed = request.sampling.seed
                row.generator.manual_seed(seed if seed is not None else torch.seed())
            rows.append(row)
        self._decode([r for r in rows if r.request.sampling.beams == 1])
        self._beam_search([r for r in rows if r.request.sampling.beams > 1])
        return [self._result(row) for row in rows]

    def _decode(self, rows: list[_Row]) -> None:
        if not rows:
            return
        input_ids, mask, positions, cache = self._start(rows)
        steps = max(r.request.sampling.max_tokens for r in rows)
        for step in range(steps):
            allowed = self._allowed(rows)
            subset = self._subset(rows, allowed)
            logits = self._forward(input_ids, mask, positions, cache, subset)
            if step == 0:
                self._keep_prompts(rows, cache, mask)
            next_ids = self._choose(rows, logits, allowed, sparse=subset is not None)
            if all(r.done for r in rows):
                break
            input_ids = torch.tensor(next_ids, device=self.device).unsqueeze(1)
            mask = torch.cat([mask, torch.ones_like(mask[:, :1])], dim=1)
            positions = positions[:, -1:] + 1

    def _forward(
        self,
        input_ids: torch.Tensor,
        mask: torch.Tensor,
        positions: torch.Tensor,
        cache: Any,
        subset: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """One pass over the new columns; the next-token logits of each row (float32), only
        for the vocabulary rows in ``subset`` when given (the others -inf)."""
        inputs = {"input_ids": input_ids, "attention_mask": mask, "position_ids": positions}
        if self.head.separable:
            self._hidden = self.head.hidden(**inputs, cache=cache, use_cache=True)
            return self.head.logits(self._hidden, subset)
        # only the last position is sampled: logits over a prompt would cost positions x
        # vocabulary (4.9 GB and most of the prefill at Gemma's 262k)
        out = self.model(**inputs, cache=cache, use_cache=True, logits_to_keep=1)
        return out.logits[:, -1, :].float()

    def _subset(self, rows: list[_Row], allowed: torch.Tensor | None) -> torch.Tensor | None:
        """The vocabulary rows this step needs logits for, where they are few: every live
        row has a grammar, and together they allow at most :data:`SPARSE_HEAD_MAX` tokens
        (with, for a greedy row that may end inside a token, the tokens that run on into its
        stop string, which :meth:`_ends_within_token` looks at)."""
        if not self.sparse_head or not self.head.separable or allowed is None:
            return None
        live = [i for i, row in enumerate(rows) if not row.done]
        if not live or any(rows[i].matcher is None for i in live):
            return None
        needed = allowed[live].any(dim=0)
        for i in live:
            if self._may_end_within_token(rows[i]):
                needed |= self._run_on_ids(rows[i].request.stop)
        if int(needed.sum()) > SPARSE_HEAD_MAX:
            return None
        self.sparse_steps += 1
        return needed.nonzero().squeeze(1)

    def _run_on_ids(self, stop: tuple[str, ...]) -> torch.Tensor:
        """A (vocabulary,) mask of the tokens whose text runs on into a stop string: some
        proper suffix of it begins one."""
        if stop not in self._run_on:
            if self._texts is None:
                ids = [[i] for i in range(len(self.tokenizer))]
                self._texts = self.tokenizer.batch_decode(ids, skip_special_tokens=False)
            mask = torch.zeros(self.vocab_size, dtype=torch.bool, device=self.device)
            for token, text in enumerate(self._texts):
                if any(s.startswith(text[cut:]) for cut in range(1, len(text)) for s in stop):
                    mask[token] = True
            self._run_on[stop] = mask
        return self._run_on[stop]

    def _start(self, rows: list[_Row]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, Any]:
        """The batch's first pass: the ids, attention mask and positions still to evaluate,
        and a cache already holding the longest prefix of each prompt that the prefix cache
        has (at least its last token is evaluated, for fresh logits).

        Each row's tokens stay contiguous and right-aligned, padding only before them, as in
        a batch without reuse: the reused states end where the evaluated tokens begin, so a
        row whose rest is shorter than the longest reuses less. (A gap inside a row would
        put padding inside a sliding attention window, which counts columns.)
        """
        found = [self.prefix_cache.longest(r.prompt_ids, len(r.prompt_ids) - 1) for r in rows]
        width = max(len(r.prompt_ids) - n for r, (n, _) in zip(rows, found, strict=True))
        reused = [max(0, len(r.prompt_ids) - width) for r in rows]
        found = [(n, layers) for n, (_, layers) in zip(reused, found, strict=True)]
        past = max(reused)
        rest = [r.prompt_ids[n:] for r, n in zip(rows, reused, strict=True)]
        input_ids = torch.tensor(
            [[self.pad_id] * (width - len(ids)) + ids for ids in rest], device=self.device
        )
        mask = torch.tensor(
            [
                [0] * (past - n) + [1] * n + [0] * (width - len(ids)) + [1] * len(ids)
                for n, ids in zip(reused, rest, strict=True)
            ],
            device=self.device,
        )
        positions = (mask.cumsum(-1) - 1).clamp(min=0)[:, past:]
        self.reused_prompt_tokens += sum(reused)
        for row, n in zip(rows, reused, strict=True):
            row.reused = n
        return input_ids, mask, positions, DynamicCache(self._reused_states(found, past))

    def _reused_states(
        self, found: list[tuple[int, Layers | None]], past: int
    ) -> list[tuple[torch.Tensor, torch.Tensor]] | None:
        """Each layer's keys and values of the reused prefixes, right-aligned in ``past``
        columns (zeros where a row reuses less: masked)."""
        if not past:
            return None
        template = next(layers for _, layers in found if layers is not None)
        states = []
        for layer, (key, _) in enumerate(template):
            heads, _, dim = key.shape
            keys = key.new_zeros(len(found), heads, past, dim)
            values = torch.zeros_like(keys)
            for row, (n, layers) in enumerate(found):
                if n:
                    keys[row, :, past - n :] = layers[layer][0][:, :n]
                    values[row, :, past - n :] = layers[layer][1][:, :n]
            states.append((keys, values))
        return states

    def _keep_prompts(self, rows: list[_Row], cache: Any, mask: torch.Tensor) -> None:
        """After the first pass, keep the keys and values of each prompt that is mostly new
        for later requests."""
        for i, (row, columns) in enumerate(zip(rows, mask.bool(), strict=True)):
            if not self.prefix_cache.wants(len(row.prompt_ids), row.reused):
                continue
            layers = [
                (layer.keys[i][:, columns].clone(), layer.values[i][:, columns].clone())
                for layer in cache.layers
            ]
            weight = sum(k.nbytes + v.nbytes for k, v in layers)
            self.prefix_cache.add(row.prompt_ids, layers, weight)

    def _allowed(self, rows: list[_Row]) -> torch.Tensor | None:
        """A (batch, vocabulary) mask of the tokens each live row's grammar allows next
        (rows without one, or done, allow all); ``None`` when no row has a grammar."""
        live_matchers = [r.matcher if not r.done else None for r in rows]
        if not any(m is not None for m in live_matchers):
            return None
        allowed = torch.from_numpy(self.masker.allowed(live_matchers)).to(self.device)
        for i, row in enumerate(rows):
            if live_matchers[i] is not None and row.matcher.is_accepting():
                for token in self.stop_start_ids(row.request.stop):
                    allowed[i, token] = True
        return allowed

    @staticmethod
    def _masked(logits: torch.Tensor, allowed: torch.Tensor | None) -> torch.Tensor:
        """``logits`` with the tokens ``allowed`` forbids set to -inf."""
        if allowed is None:
            return logits
        return logits.masked_fill(~allowed[:, : logits.shape[1]], float("-inf"))

    def _choose(
        self, rows: list[_Row], logits: torch.Tensor, allowed: torch.Tensor | None, sparse: bool
    ) -> list[int]:
        """Pick each row's next token, update its state, and return the tokens to feed."""
        masked = self._masked(logits, allowed)
        next_ids = []
        for i, row in enumerate(rows):
            if row.done:
                next_ids.append(self.pad_id)
                continue
            row_logits = logits[i]
            if sparse and self._may_end_within_token(row):
                top = int(torch.argmax(row_logits))
                if masked[i, top] == float("-inf"):  # a run-on token: is it the model's top?
                    row_logits = self.head.logits(self._hidden[i : i + 1])[0]
            if self._ends_within_token(row, row_logits, masked[i]):
                next_ids.append(self.pad_id)
                continue
            token = self._sample(row, masked[i])
            next_ids.append(token)
            self._advance(row, token)
        return next_ids

    def _ends_within_token(self, row: _Row, logits: torch.Tensor, masked: torch.Tensor) -> bool:
        """Greedy decoding, where the model's first choice is a token the grammar forbids
        only because it runs on past the grammar's end into the stop string (``><`` for
        ``>`` and the ``<`` of ``<|im_end|>``, merged by a tokenizer that lacks the marker):
        finish with the part the grammar takes, as the model meant to. Without this a
        grammar that must close with ``>`` forces ``>`` alone, a token the model never saw
        there, and it may write on."""
        if not self._may_end_within_token(row):
            return False
        token = int(torch.argmax(logits))
        if masked[token] != float("-inf"):
            return False
        text = self.tokenizer.decode([token], skip_special_tokens=False)
        for cut in range(1, len(text)):
            if not any(s.startswith(text[cut:]) for s in row.request.stop):
                continue
            head = self.tokenizer(text[:cut], add_special_tokens=False)["input_ids"]
            trial = row.matcher.deep_copy()
            if head and trial.try_consume_tokens(head) == len(head) and trial.is_accepting():
                for piece in head:
                    row.ids.append(piece)
                    consume(row.matcher, piece)
                row.done, row.finish = True, "stop"
                return True
        return False

    @staticmethod
    def _may_end_within_token(row: _Row) -> bool:
        """Whether :meth:`_ends_within_token` applies to the row: greedy, one beam, a
        grammar and stop strings."""
        sampling = row.request.sampling
        return (
            row.matcher is not None
            and sampling.temperature == 0
            and sampling.beams == 1
            and bool(row.request.stop)
        )

    def _beam_search(self, rows: list[_Row]) -> None:
        """Decode requests by beam search, all in one batch, each row ending as its likeliest
        finished completion.

        Each beam is a row of its own (ids, grammar state, score: its summed
        log-probabilities under the grammar's mask), and the beams of every request share
        the batch. A step extends a request's live beams by their likeliest tokens and keeps
        its ``beams`` best; a beam that ends (end of sequence, a stop, the grammar complete)
        leaves the search. Summed scores only fall as a beam grows, so a request's search
        ends once no live beam can overtake its best finished one: the answer is the
        likeliest sequence among those the beams reached. A beam cut by the token budget is
        the answer only when no beam ends.
        """
        if not rows:
            return
        searches = [_Search.start(row) for row in rows]
        input_ids, mask, positions, cache = self._start(rows)
        active = searches
        first = True
        while active:
            logits = self._forward(input_ids, mask, positions, cache)
            if first:
                self._keep_prompts(rows, cache, mask)
                first = False
            beams = [beam for search in active for beam in search.live]
            scores = torch.tensor(
                [score for search in active for score in search.scores], device=self.device
            )
            masked = self._masked(logits, self._allowed(beams))
            totals = scores[:, None] + torch.log_softmax(masked, dim=-1)
            parents: list[int] = []
            tokens: list[int] = []
            offset = 0
            for search in active:
                width = len(search.live)
                for parent, token in self._extend(search, totals[offset : offset + width]):
                    parents.append(offset + parent)
                    tokens.append(token)
                offset += width
            active = [search for search in active if not search.over]
            if not active:
                break
            index = torch.tensor(parents, device=self.device)
            cache.reorder_cache(index)
            mask = torch.cat([mask[index], torch.ones_like(mask[index][:, :1])], dim=1)
            positions = positions[index, -1:] + 1
            input_ids = torch.tensor(tokens, device=self.device).unsqueeze(1)
        for row, search in zip(rows, searches, strict=True):
            answer = search.answer()
            row.ids, row.done, row.finish = answer.ids, answer.done, answer.finish

    def _extend(self, search: _Search, totals: torch.Tensor) -> list[tuple[int, int]]:
        """One step of one request's search: keep its best children (``totals`` holds each
        live beam's score for every next token) and return them as (parent, token) pairs."""
        width = search.row.request.sampling.beams
        candidates = totals.flatten().topk(min(2 * width, totals.numel()))
        chosen, kept, kept_scores = [], [], []
        for total, flat in zip(
            candidates.values.tolist(), candidates.indices.tolist(), strict=True
        ):
            if total == float("-inf") or len(kept) == width:
                break
            parent, token = divmod(flat, totals.shape[1])
            beam = search.live[parent]
            matcher = beam.matcher.deep_copy() if beam.matcher is not None else None
            child = _Row(beam.request, beam.prompt_ids, matcher=matcher, ids=list(beam.ids))
            self._advance(child, token)
            if not child.done:
                chosen.append((parent, token))
                kept.append(child)
                kept_scores.append(total)
            elif child.finish != "stop":  # cut by the budget: an answer only if none ends
                if total > search.cut_score:
                    search.cut, search.cut_score = child, total
            elif total > search.best_score:
                search.best, search.best_score = child, total
        if not kept or kept_scores[0] <= search.best_score:
            search.over = True
            return []
        search.live, search.scores = kept, kept_scores
        return chosen

    def _sample(self, row: _Row, logits: torch.Tensor) -> int:
        sampling = row.request.sampling
        if sampling.temperature == 0 or row.generator is None:
            return int(torch.argmax(logits))
        probs = torch.softmax(logits / sampling.temperature, dim=-1)
        if sampling.top_p < 1.0:
            sorted_probs, order = torch.sort(probs, descending=True)
            # keep the smallest prefix whose mass reaches top_p (always at least one token)
            outside = sorted_probs.cumsum(-1) - sorted_probs >= sampling.top_p
            sorted_probs[outside] = 0.0
            probs = torch.zeros_like(probs).scatter_(0, order, sorted_probs)
        return int(torch.multinomial(probs.cpu(), 1, generator=row.generator))

    def _advance(self, row: _Row, token: int) -> None:
        whole = token in self.stop_token_ids(row.request.stop)
        cut = (
            row.matcher is not None
            and token in self.stop_start_ids(row.request.stop)
            and not row.matcher.validate_tokens([token])
        )
        if token in self.eos_ids or whole or cut:
            row.done, row.finish = True, "stop"
            if whole:
                row.ids.append(token)  # counted, and cut from the text with the stop string
            return
        row.ids.append(token)
        if row.request.on_text is not None:
            self._stream(row)
        if row.matcher is not None:
            consume(row.matcher, token)
        if row.request.stop and self._hit_stop(row):
            row.done, row.finish = True, "stop"
        elif row.matcher is not None and row.matcher.is_stopped():
            row.done, row.finish = True, "stop"  # the grammar is complete: nothing may follow
        elif len(row.ids) >= row.request.sampling.max_tokens:
            row.done = True
        elif row.request.cancelled is not None and row.request.cancelled():
            row.done = True  # abandoned (a timeout, a client gone): stop spending on it

    def _stream(self, row: _Row) -> None:
        """Tell the row's listener the text its newest token completes: the difference of two
        short decodes, not the whole text, so a token costs the same late in a generation."""
        decode = self.tokenizer.decode
        before = decode(row.ids[row.prefix_at : row.read_at], skip_special_tokens=False)
        after = decode(row.ids[row.prefix_at :], skip_special_tokens=False)
        # A trailing U+FFFD is a UTF-8 character split across tokens: wait for the rest.
        if len(after) > len(before) and not after.endswith("\ufffd"):
            row.request.on_text(after[len(before) :])  # type: ignore[misc]
            row.sent += len(after) - len(before)
            row.prefix_at, row.read_at = row.read_at, len(row.ids)

    def _hit_stop(self, row: _Row) -> bool:
        # Only the tail can hold a stop string that was not there a token ago.
        longest = max(len(s) for s in row.request.stop)
        tail_ids = row.ids[-(longest + 2) :]
        tail = self.tokenizer.decode(tail_ids, skip_special_tokens=False)
        return any(s in tail for s in row.request.stop)

    def _result(self, row: _Row) -> Generation:
        text = self.tokenizer.decode(row.ids, skip_special_tokens=False)
        if row.request.on_text is not None and len(text) > row.sent:
            row.request.on_text(text[row.sent :])  # what an unfinished character held back
        ends = [text.find(s) for s in row.request.stop if s in text]
        if ends:
            text = text[: min(ends)]
        return Generation(  # the end-of-sequence token is not counted, as llama.cpp does
            text=text,
            finish_reason="stop" if row.finish == "stop" else "length",
            prompt_tokens=len(row.prompt_ids),
            completion_tokens=len(row.ids),
        )
