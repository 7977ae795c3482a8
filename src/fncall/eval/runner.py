"""Running an evaluation: outputs from a model (or a predictions file), scored as they
come, appended to ``results.jsonl`` one line per entry.

The output folder is a run's whole state:

- ``config.json`` holds the configuration.
- ``results.jsonl`` holds one record per finished entry. Each record is flushed as soon
  as it is written, so an interrupted run loses at most the batch in flight.
- An entry whose prompt cannot be made (a :class:`~fncall.errors.PromptError`, tools the
  grammar cannot express, ...) or does not fit the model's context
  (:class:`~fncall.errors.ContextLengthError`) is that entry's failure: its record's
  ``error`` names the error type, and the other entries, those of its batch included,
  still run. Any other engine error stops the run.
- Running again with the same configuration skips the entries already finished. An
  entry whose source has changed since (a different ``digest``) is run again.
- A damaged record (not JSON, or not a whole result) is moved, bytes as they were, to
  ``results.damaged.jsonl`` and its entry is run again; a last line cut short by an
  interruption is dropped.
- A folder that holds another configuration's results is refused, never mixed in. Paths
  are compared resolved: ``./model``, ``model/`` and ``/abs/model`` are one model.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from fncall.caller import FunctionCaller, PreparedCall
from fncall.dialects import get_dialect
from fncall.dialects.base import Dialect
from fncall.engines import Engine
from fncall.errors import (
    ConfigurationError,
    ContextLengthError,
    EngineError,
    EvalDataError,
    EvalRunError,
    FncallError,
)
from fncall.eval.data import EvalEntry, read_records
from fncall.eval.score import decode, is_valid_call, score
from fncall.request import CallRequest
from fncall.settings import CallerSettings

RESULTS_FILE = "results.jsonl"
DAMAGED_FILE = "results.damaged.jsonl"
# what a stored record needs to be reused (scored again from its output)
_RECORD_FIELDS = frozenset(
    {"id", "digest", "raw", "finish_reason", "latency_s", "generate_s", "prompt_tokens"}
    | {"completion_tokens", "attempts"}
)
CONFIG_FILE = "config.json"


@dataclass(frozen=True)
class EvalConfig:
    """What determines a run's results; a folder holds the results of one configuration.

    Attributes:
        caller: The model and how it decodes. With no model,
            :func:`~fncall.eval.evaluate.evaluate` runs the house model.
        predictions: A file of raw outputs scored instead of running a model (then
            ``caller.dialect`` is the format they are in).

    Raises:
        ConfigurationError: both a model and a predictions file.
    """

    caller: CallerSettings = field(default_factory=CallerSettings)
    predictions: str | None = None

    def __post_init__(self) -> None:
        if self.caller.model is not None and self.predictions is not None:
            raise ConfigurationError(
                "evaluate a model (--model) or a predictions file (--predictions), not both"
            )

    def record(self) -> dict[str, Any]:
        """The configuration, flat, as ``config.json`` and the summary hold it: the
        settings, and what else decides the outputs (the dense retriever's weights, the
        demonstration store's content)."""
        settings = asdict(self.caller)
        model = settings["model"]
        return {
            **settings,
            "model": None if model is None else str(model),
            "engine_options": dict(settings["engine_options"]),
            "predictions": self.predictions,
            "retriever": _retriever(self.caller),
            "demos_sha256": _file_digest(self.caller.demos),
        }


def _retriever(settings: CallerSettings) -> str | None:
    """The dense encoder that ranks tools for a run (``None``: none does)."""
    if settings.retrieve is None or settings.retrieval == "bm25":
        return None
    from fncall.retrieval.dense import model_name

    return model_name()


def _file_digest(path: str | None) -> str | None:
    if path is None or not Path(path).is_file():
        return None
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass(frozen=True)
class Output:
    """One entry's raw output and what producing it cost.

    Attributes:
        seconds: Wall time from request to output (the whole batch's, when batched).
        generate_seconds: The entry's share of the engine's generation time, so shares
            add up to the total.
        error: The type of the error that kept the entry from being run (``PromptError``,
            ``ContextLengthError``), or ``None``; ``text`` is then empty.
        error_message: That error's message.
        dialect: The dialect the output is in, where not the run's (a conversation in the
            model's conversation dialect).
        offered: The names of the tools retrieval offered (``None``: all the entry's).
        demonstrations: Retrieved demonstrations in the prompt.
        own_demo_left_out: The demonstration store held the entry's own query, left out.
    """

    text: str
    finish_reason: str = "stop"
    seconds: float = 0.0
    generate_seconds: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = 1
    error: str | None = None
    error_message: str = ""
    dialect: str | None = None
    offered: tuple[str, ...] | None = None
    demonstrations: int = 0
    own_demo_left_out: bool = False

    @classmethod
    def failed(cls, exc: FncallError) -> Output:
        """The output of an entry that could not be run."""
        return cls("", finish_reason="error", error=type(exc).__name__, error_message=str(exc))


class OutputSource(Protocol):
    """Produces the raw outputs of a batch of entries."""

    def produce(self, entries: Sequence[EvalEntry]) -> list[Output]:
        """One output per entry, in order."""
        ...


class ModelSource:
    """Outputs generated by a model through :class:`~fncall.caller.FunctionCaller`.

    Each entry is prepared alone (tools, grammar, prompt) and its prompt checked against
    the model's context, so an entry that fails either is that entry's failure
    (:meth:`Output.failed`) and the rest of its batch still runs.

    Args:
        config: The model, its dialect and how it decodes.
        engine: An engine already loaded (one model for several runs); by default
            ``config.caller`` loads its model.
    """

    def __init__(self, config: EvalConfig, engine: Engine | None = None) -> None:
        self.caller = FunctionCaller.from_settings(config.caller, engine=engine)
        self.seed = config.caller.seed

    def _seed(self, entry: EvalEntry) -> int | None:
        """Each entry's own seed, from the run's seed and the entry's id: outputs do not
        depend on batching, and entries do not all draw the same samples."""
        if self.seed is None:
            return None
        return zlib.crc32(f"{self.seed}:{entry.id}".encode())

    def produce(self, entries: Sequence[EvalEntry]) -> list[Output]:
        """Generate the batch's runnable entries in one engine call.

        Raises:
            EngineError: the engine failed (other than for one prompt's length).
        """
        outputs: list[Output | None] = [None] * len(entries)
        ready: list[tuple[int, PreparedCall]] = []
        for i, entry in enumerate(entries):
            try:
                prepared = self.caller.prepare(
                    CallRequest(entry.messages, tools=entry.tools, seed=self._seed(entry))
                )
                self._check_fits(prepared)
            except FncallError as exc:
                if isinstance(exc, EngineError | ConfigurationError) and not isinstance(
                    exc, ContextLengthError
                ):
                    raise
                outputs[i] = Output.failed(exc)
                continue
            ready.append((i, prepared))
        for i, output in self._generate(ready):
            outputs[i] = output
        done = [o for o in outputs if o is not None]
        assert len(done) == len(entries), "every entry has an output or a failure"
        return done

    def _check_fits(self, prepared: PreparedCall) -> None:
        reason = prompt_overflow(self.caller.engine, prepared.prompt, prepared.sampling.max_tokens)
        if reason is not None:
            raise ContextLengthError(reason)

    def _generate(self, ready: list[tuple[int, PreparedCall]]) -> list[tuple[int, Output]]:
        """Outputs of prepared entries. A batch the engine refuses for one entry (a prompt
        too long for an engine :func:`prompt_overflow` cannot see into, a retry's longer
        prompt, a grammar the engine cannot compile) is run again one entry at a time, so
        only that entry fails."""
        if not ready:
            return []
        try:
            responses = self.caller.run([prepared for _, prepared in ready])
        except FncallError as exc:
            if isinstance(exc, EngineError | ConfigurationError) and not isinstance(
                exc, ContextLengthError
            ):
                raise
            if len(ready) == 1:
                return [(ready[0][0], Output.failed(exc))]
            return [pair for item in ready for pair in self._generate([item])]
        return [
            (
                i,
                Output(
                    text=r.raw,
                    finish_reason=r.finish_reason,
                    seconds=r.timings.get("total", 0.0),
                    generate_seconds=r.timings.get("generate", 0.0) / len(ready),
                    prompt_tokens=r.prompt_tokens,
                    completion_tokens=r.completion_tokens,
                    attempts=r.attempts,
                    dialect=prepared.dialect.name,
                    offered=tuple(prepared.tools) if self.caller.retrieve is not None else None,
                    demonstrations=len(prepared.demonstrations),
                    own_demo_left_out=prepared.own_demo_left_out,
                ),
            )
            for (i, prepared), r in zip(ready, responses, strict=True)
        ]


def prompt_overflow(engine: Engine, prompt: str, max_tokens: int) -> str | None:
    """Why ``engine`` would refuse ``prompt`` for want of context, by that engine's own
    rule, or ``None`` when it fits or the engine cannot say: the transformers engine
    needs room for the prompt and all of ``max_tokens``, llama.cpp for the prompt and one
    token. Other engines (vLLM, a server) are left to refuse on their own."""
    config = getattr(getattr(engine, "model", None), "config", None)
    limit = getattr(config, "max_position_embeddings", None)
    count = getattr(engine, "count_tokens", None)
    if isinstance(limit, int) and callable(count):
        tokens = int(count(prompt))
        if tokens + max_tokens > limit:
            return (
                f"prompt ({tokens} tokens) plus max_tokens ({max_tokens}) exceeds the "
                f"model's {limit} positions"
            )
        return None
    llm = getattr(engine, "_llm", None)  # the llama.cpp engine's context window
    tokenize = getattr(engine, "tokenize", None)
    if callable(tokenize) and callable(getattr(llm, "n_ctx", None)):
        tokens, window = len(tokenize(prompt)), int(llm.n_ctx())
        if tokens >= window:
            return (
                f"the prompt has {tokens} tokens; the context window ({window}) leaves no "
                "room to generate"
            )
    return None


class PredictionsSource:
    """Outputs read from a file of ``{"id", "result"}`` lines (BFCL's result format), so
    outputs produced elsewhere are scored by the same rules.

    Raises:
        EvalDataError: a malformed file, or an entry it has no output for.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.outputs: dict[str, str] = {}
        for i, record in enumerate(read_records(self.path)):
            entry_id, result = record.get("id"), record.get("result")
            if not isinstance(entry_id, str) or not isinstance(result, str):
                raise EvalDataError(
                    f"{self.path}, record {i}: expected {{'id': str, 'result': raw output text}}"
                )
            self.outputs[entry_id] = result

    def produce(self, entries: Sequence[EvalEntry]) -> list[Output]:
        """Look up each entry's output."""
        missing = [e.id for e in entries if e.id not in self.outputs]
        if missing:
            raise EvalDataError(f"{self.path}: no output for {missing[0]!r}")
        return [Output(self.outputs[e.id]) for e in entries]


def score_output(entry: EvalEntry, output: Output, dialect: Dialect) -> dict[str, Any]:
    """The result record of one entry: its output, how it decoded and its verdict. An
    entry that could not be run (``output.error``) fails with that error as its
    ``error_type``."""
    if output.error is not None:
        return {
            "id": entry.id,
            "category": entry.category,
            "scoring": entry.scoring,
            "digest": entry.digest,
            "valid": False,
            "error": output.error,
            "error_type": output.error,
            "errors": [output.error_message],
            "raw": "",
            "calls": None,
            "decode_error": None,
            "attempted_call": False,
            "valid_call": False,
            "hallucinated": [],
            "finish_reason": output.finish_reason,
            "latency_s": 0.0,
            "generate_s": 0.0,
            "prompt_tokens": 0,
            "completion_tokens": 0,
            "attempts": 0,
        }
    if output.dialect is not None and output.dialect != dialect.name:
        dialect = get_dialect(output.dialect)
    decoded = decode(dialect, output.text, entry.tools, output.finish_reason == "length")
    verdict = score(entry, decoded)
    return {
        "id": entry.id,
        "category": entry.category,
        "scoring": entry.scoring,
        "digest": entry.digest,
        "valid": verdict.valid,
        "error": None,
        "error_type": verdict.error_type,
        "errors": list(verdict.errors),
        "raw": output.text,
        "calls": None if decoded.calls is None else [c.to_dict() for c in decoded.calls],
        "decode_error": decoded.error,
        "attempted_call": decoded.attempted_call,
        "valid_call": is_valid_call(decoded, entry.tools),
        "hallucinated": list(decoded.hallucinated),
        "finish_reason": output.finish_reason,
        "latency_s": output.seconds,
        "generate_s": output.generate_seconds,
        "prompt_tokens": output.prompt_tokens,
        "completion_tokens": output.completion_tokens,
        "attempts": output.attempts,
        "dialect": dialect.name,
        "offered": None if output.offered is None else list(output.offered),
        "right_tools_offered": _right_tools_offered(entry, output.offered),
        "demonstrations": output.demonstrations,
        "own_demo_left_out": output.own_demo_left_out,
    }


def _right_tools_offered(entry: EvalEntry, offered: tuple[str, ...] | None) -> bool | None:
    """Whether retrieval offered every tool the entry's answer calls (``None``: no
    retrieval, or an answer without calls)."""
    if offered is None:
        return None
    names = {c.name for c in entry.reference} | {n for c in entry.ground_truth for n in c}
    return names <= set(offered) if names else None


class ResultStore:
    """The output folder: configuration and per-entry results.

    Args:
        directory: Created when missing.
        config: This run's configuration.

    Attributes:
        config: The configuration as stored (paths resolved).
        records: The usable results on disk, by entry id.
        set_aside: How many damaged records reading the folder moved to
            ``damaged_path``.

    Raises:
        EvalRunError: the folder holds another configuration's results.
    """

    def __init__(self, directory: str | Path, config: EvalConfig) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.results_path = self.directory / RESULTS_FILE
        self.damaged_path = self.directory / DAMAGED_FILE
        config_path = self.directory / CONFIG_FILE
        wanted = _resolved(config.record())
        if config_path.exists():
            try:
                stored = json.loads(config_path.read_text())
            except (OSError, json.JSONDecodeError) as exc:
                raise EvalRunError(
                    f"{config_path}: unreadable ({exc}); remove the folder"
                ) from None
            if not isinstance(stored, dict):
                raise EvalRunError(f"{config_path}: not a configuration; remove the folder")
            # a setting added since the folder was written had its default there
            stored = _resolved({**EvalConfig().record(), **stored})
            changed = sorted(
                k for k in wanted.keys() | stored.keys() if wanted.get(k) != stored.get(k)
            )
            if changed:
                raise EvalRunError(
                    f"{self.directory} holds results of another configuration (it differs in "
                    f"{', '.join(changed)}); pass another --out, or remove the folder"
                )
        else:
            config_path.write_text(json.dumps(wanted, indent=2) + "\n")
        self.config = wanted
        self.set_aside = 0
        self.records = self._read()

    def _read(self) -> dict[str, dict[str, Any]]:
        """Read the results; set damaged records aside and drop a last line cut short,
        rewriting the file with what is left."""
        records: dict[str, dict[str, Any]] = {}
        if not self.results_path.exists():
            return records
        data = self.results_path.read_bytes()
        body, _, tail = data.rpartition(b"\n")
        kept: list[bytes] = []
        damaged: list[bytes] = []
        for line in body.split(b"\n"):
            if not line.strip():
                continue
            record = _parse(line)
            if record is None:
                damaged.append(line)
                continue
            records[record["id"]] = record  # a later record of an id replaces an earlier one
            kept.append(line)
        # a last line without its newline was cut short by an interruption; whole, it is kept
        last = _parse(tail) if tail.strip() else None
        if last is not None:
            records[last["id"]] = last
            kept.append(tail)
        if damaged:
            with self.damaged_path.open("ab") as f:
                f.write(b"".join(line + b"\n" for line in damaged))
                f.flush()
                os.fsync(f.fileno())
            self.set_aside = len(damaged)
        cleaned = b"".join(line + b"\n" for line in kept)
        if cleaned != data:
            temporary = self.results_path.with_name(RESULTS_FILE + ".tmp")
            with temporary.open("wb") as f:
                f.write(cleaned)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temporary, self.results_path)
        return records

    def finished(self, entry: EvalEntry) -> bool:
        """Whether this entry, as it is now, already has a result."""
        record = self.records.get(entry.id)
        return record is not None and record.get("digest") == entry.digest

    def append(self, records: Sequence[dict[str, Any]]) -> None:
        """Add results, on disk first."""
        with self.results_path.open("a", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        for record in records:
            self.records[record["id"]] = record

    def saved(self) -> int:
        """The results on disk now: the whole, usable lines of ``results.jsonl`` (what an
        interrupted run can say it kept)."""
        if not self.results_path.exists():
            return 0
        body, _, _ = self.results_path.read_bytes().rpartition(b"\n")
        return sum(_parse(line) is not None for line in body.split(b"\n") if line.strip())


def _resolved(config: dict[str, Any]) -> dict[str, Any]:
    """``config`` with its model and predictions paths made absolute and canonical (URLs,
    and names that are no local path, such as a hub model id, stay as given)."""
    resolved = dict(config)
    for key in ("model", "predictions"):
        value = resolved.get(key)
        if isinstance(value, str) and "://" not in value:
            path = Path(value).expanduser()
            if path.exists():
                resolved[key] = str(path.resolve())
    return resolved


_NUMBER_FIELDS = ("latency_s", "generate_s")
_COUNT_FIELDS = ("prompt_tokens", "completion_tokens", "attempts")


def _parse(line: bytes) -> dict[str, Any] | None:
    """The record on one line of ``results.jsonl``, or ``None`` when it is damaged (not
    JSON, not UTF-8, or without what a result needs to be scored again)."""
    try:
        record = json.loads(line)
    except ValueError:  # JSONDecodeError, and UnicodeDecodeError for garbled bytes
        return None
    if not (isinstance(record, dict) and record.keys() >= _RECORD_FIELDS):
        return None
    if not all(isinstance(record[k], str) for k in ("id", "digest", "raw", "finish_reason")):
        return None
    numbers = all(
        isinstance(record[k], (int, float)) and not isinstance(record[k], bool)
        for k in _NUMBER_FIELDS
    )
    counts = all(
        isinstance(record[k], int) and not isinstance(record[k], bool) for k in _COUNT_FIELDS
    )
    error = record.get("error")
    if not (numbers and counts and (error is None or isinstance(error, str))):
        return None
    return record


def limit_per_category(entries: Sequence[EvalEntry], limit: int | None) -> list[EvalEntry]:
    """The first ``limit`` entries of each category, in their order (all with ``None``)."""
    if limit is None:
        return list(entries)
    if limit < 1:
        raise EvalRunError(f"the limit per category must be 1 or more, got {limit}")
    counts: dict[str, int] = {}
    kept = []
    for entry in entries:
        counts[entry.category] = counts.get(entry.category, 0) + 1
        if counts[entry.category] <= limit:
            kept.append(entry)
    return kept


def run_eval(
    entries: Sequence[EvalEntry],
    source: OutputSource,
    store: ResultStore,
    dialect: str,
    *,
    batch_size: int = 1,
    on_batch: Callable[[list[dict[str, Any]]], None] | None = None,
) -> list[dict[str, Any]]:
    """Produce, score and store every entry not yet finished; return all entries' records
    in entry order. Stored outputs are scored again with the current checker, so only
    generation is reused from earlier runs, never a verdict. An entry that could not be
    run (see :class:`ModelSource`) has a failed record with the error's type; resuming
    does not run it again, since the same configuration fails it the same way.

    Args:
        entries: The set (already limited).
        source: Where outputs come from.
        store: The output folder.
        dialect: The dialect outputs are decoded with.
        batch_size: Entries generated together.
        on_batch: Called with each batch's records (progress display).
    """
    if batch_size < 1:
        raise EvalRunError("batch size must be 1 or more")
    reader = get_dialect(dialect)
    fresh: dict[str, dict[str, Any]] = {}
    for batch in _batches([e for e in entries if not store.finished(e)], batch_size):
        outputs = source.produce(batch)
        records = [score_output(e, o, reader) for e, o in zip(batch, outputs, strict=True)]
        store.append(records)
        fresh.update((r["id"], r) for r in records)
        if on_batch is not None:
            on_batch(records)
    return [
        fresh.get(e.id) or score_output(e, _stored_output(store.records[e.id]), reader)
        for e in entries
    ]


def _stored_output(record: dict[str, Any]) -> Output:
    errors = record.get("errors")
    return Output(
        text=record["raw"],
        finish_reason=record["finish_reason"],
        seconds=record["latency_s"],
        generate_seconds=record["generate_s"],
        prompt_tokens=record["prompt_tokens"],
        completion_tokens=record["completion_tokens"],
        attempts=record["attempts"],
        error=record.get("error"),
        error_message=str(errors[0]) if isinstance(errors, list) and errors else "",
        dialect=record.get("dialect"),
        offered=tuple(record["offered"]) if isinstance(record.get("offered"), list) else None,
        demonstrations=int(record.get("demonstrations") or 0),
        own_demo_left_out=bool(record.get("own_demo_left_out")),
    )


def _batches(entries: Sequence[EvalEntry], size: int) -> Iterator[list[EvalEntry]]:
    for start in range(0, len(entries), size):
        yield list(entries[start : start + size])
