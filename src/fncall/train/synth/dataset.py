"""``fncall data synth``: the whole synthetic dataset, from a seed to JSONL and a manifest.

Output files in the output folder:

- ``train.jsonl``: training examples.
- ``heldout.jsonl``: examples whose tools never appear in training (their intents are held
  out whole: no name, docstring or query template of theirs is trained on). Both files are
  in ``fncall eval``'s JSONL format (``id``, ``category``, ``query``, ``tools`` as
  ``{"python": source}``, ``reference``), plus ``prompt`` and ``completion``: the exact
  ``nexusraven-v2`` text the model is trained on. With ``group_size`` above 1, each training
  record also has ``group``, an integer (0, 1, 2, ... in file order) shared by consecutive
  records that offer the same tools in the same order (one prompt up to the query) with
  different requests: a seed example and its siblings
  (:meth:`~fncall.train.synth.examples.ExampleMaker.siblings`), for the trainer to pack
  into one sequence. Held-out records are never grouped.
- ``demos.jsonl`` (with ``demos`` above 0): a demonstration store
  (:mod:`fncall.retrieval.demos`: ``query``, ``call`` as Python, ``tools`` it calls as
  ``{"python": source}``, plus ``domain`` and ``intents``) for the training intents only,
  its queries kept apart from the held-out and evaluation ones like the training data's.
- ``manifest.json``: the settings, the universe's size, per-split counts per refinement
  stage, per domain and per category (and ``groups``, their number, for a grouped split),
  and the digests of the files written and of the evaluation sets the data was kept apart
  from.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from fncall.calls.pyformat import format_python_call
from fncall.dialects import get_dialect
from fncall.errors import EvalDataError, SynthError
from fncall.eval.data import read_records
from fncall.tools.spec import ToolSet
from fncall.train.synth.catalog import catalog_domains, check_catalog
from fncall.train.synth.chats import ChatMaker, turn_completion, turn_prompt
from fncall.train.synth.examples import (
    CATEGORY_WEIGHTS,
    RESOLVERS,
    SMALL_TALK,
    Example,
    ExampleMaker,
)
from fncall.train.synth.procedural import procedural_domains
from fncall.train.synth.refine import Refinery
from fncall.train.synth.universe import UniverseTool, build_universe, intent_id

DIALECT = "nexusraven-v2"
# Intents kept in training: the resolver nested calls need, and those the demo's everyday
# tools resemble, so the bundled model has seen the kind of tool a newcomer tries first.
TRAIN_ONLY = frozenset(
    {
        *RESOLVERS,
        "weather/current_weather_report",
        "currency_exchange/convert_currency_amount",
        "smart_home/set_thermostat_temperature",
        "email/email_send_message",
        "maps_and_navigation/address_to_coordinates",
    }
)


@dataclass
class SynthConfig:
    """What to generate.

    Attributes:
        out: The output folder.
        seed: Everything follows from it.
        train_examples: Training examples to keep (after refinement).
        heldout_examples: Held-out examples to keep.
        tools_per_intent: Tools composed per intent.
        heldout_per_domain: Intents of each domain held out whole.
        rename_rate: Share of training examples whose tools are offered under fresh names
            (see :mod:`fncall.train.synth.examples`); held-out examples keep their names.
        exclude: Evaluation files or folders (BFCL, fncall JSONL) whose queries no example
            may overlap (the demo's queries are always excluded too).
        group_size: Training examples come in groups of up to this many that offer the
            same tools (see the module docstring); 1 makes each one on its own. The
            held-out split is the same whatever it is.
        procedural_intents: About this many generated intents added to training only
            (:mod:`fncall.train.synth.procedural`); 0 adds none. The held-out split is
            the same whatever it is.
        chat_share: Share of training groups written as chat turns in ``chat_dialect``
            instead of ``nexusraven-v2`` (:mod:`fncall.train.synth.chats`: system prompts,
            follow-ups, tool results and the answers that state them); above 0, the held-out
            examples are also written as chat turns, to ``heldout-chat.jsonl``. The held-out
            split is the same whatever it is.
        chat_dialect: The multi-turn dialect of chat turns.
        demos: Demonstrations of the training intents to write to ``demos.jsonl`` (0:
            none). The other files are the same whatever it is.
    """

    out: Path
    seed: int = 0
    train_examples: int = 50_000
    heldout_examples: int = 600
    tools_per_intent: int = 8
    heldout_per_domain: int = 1
    rename_rate: float = 0.5
    exclude: list[Path] = field(default_factory=list)
    group_size: int = 1
    procedural_intents: int = 0
    chat_share: float = 0.0
    chat_dialect: str = "hermes"
    demos: int = 0


def synthesize(config: SynthConfig, progress: bool = True) -> dict[str, Any]:
    """Generate, refine and write the dataset; return the manifest (also written).

    Raises:
        SynthError: a bad setting, an exclusion path that cannot be read, or a catalog
            that breaks its rules.
    """
    if config.train_examples < 1 or config.heldout_examples < 0:
        raise SynthError("train_examples must be >= 1 and heldout_examples >= 0")
    if not 0.0 <= config.rename_rate <= 1.0:
        raise SynthError(f"rename_rate must be between 0 and 1, got {config.rename_rate}")
    if config.group_size < 1:
        raise SynthError(f"group_size must be >= 1, got {config.group_size}")
    if config.demos < 0:
        raise SynthError(f"demos must be >= 0, got {config.demos}")
    if config.procedural_intents < 0:
        raise SynthError(f"procedural_intents must be >= 0, got {config.procedural_intents}")
    if not 0.0 <= config.chat_share <= 1.0:
        raise SynthError(f"chat_share must be between 0 and 1, got {config.chat_share}")
    if config.chat_share and not get_dialect(config.chat_dialect).multi_turn:
        raise SynthError(f"chat_dialect {config.chat_dialect!r} is not a multi-turn dialect")
    generated = procedural_domains(config.seed, config.procedural_intents, catalog_domains())
    problems = check_catalog(catalog_domains() + generated)
    if problems:
        raise SynthError("the catalog breaks its rules: " + "; ".join(problems[:5]))
    rng = random.Random(config.seed)
    universe = build_universe(catalog_domains(), config.seed, config.tools_per_intent)
    held = _held_out_intents(config, rng)
    train_tools = [t for t in universe if t.intent_id not in held]
    heldout_tools = [t for t in universe if t.intent_id in held]
    # Built apart from the catalog's universe, which held-out examples draw distractors
    # from: adding them leaves the held-out split as it was.
    procedural_tools = build_universe(generated, config.seed, config.tools_per_intent)
    resolvers = [t for t in train_tools if t.intent_id in RESOLVERS]
    talk = list(SMALL_TALK)
    rng.shuffle(talk)
    cut = len(talk) * 2 // 3

    excluded, exclusion_digests = _evaluation_queries(config.exclude)
    excluded += _demo_queries()
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    splits: dict[str, Any] = {}

    heldout_refinery = Refinery(excluded)
    heldout_maker = ExampleMaker(heldout_tools, universe, resolvers, talk[cut:], rng)
    heldout = _generate(
        heldout_maker, heldout_refinery, config.heldout_examples, "heldout", progress
    )
    splits["heldout"] = _write(out / "heldout.jsonl", heldout, heldout_refinery)

    train_refinery = Refinery([*excluded, *(e.query for group in heldout for e in group)])
    trained_on = train_tools + procedural_tools
    train_maker = ExampleMaker(
        trained_on, trained_on, resolvers, talk[:cut], rng, config.rename_rate
    )
    train = _generate(
        train_maker, train_refinery, config.train_examples, "train", progress, config.group_size
    )
    grouped = config.group_size > 1
    chats = None
    if config.chat_share:
        chats = Chats(config.chat_dialect, random.Random(f"{config.seed}:chats"), config.chat_share)
        held_chats = Chats(config.chat_dialect, random.Random(f"{config.seed}:heldout-chats"), 1.0)
        splits["heldout_chat"] = _write(
            out / "heldout-chat.jsonl", heldout, heldout_refinery, chats=held_chats
        )
    splits["train"] = _write(out / "train.jsonl", train, train_refinery, grouped, chats)
    if config.demos:
        avoid = [*excluded, *(e.query for group in heldout for e in group)]
        rng_demos = random.Random(f"{config.seed}:demos")
        splits["demos"] = write_demos(
            out / "demos.jsonl", train_tools, config.demos, rng_demos, avoid, progress
        )

    manifest = {
        "dialect": DIALECT,
        "dialects": [DIALECT, config.chat_dialect] if config.chat_share else [DIALECT],
        "config": {
            **asdict(config),
            "out": str(config.out),
            "exclude": [str(p) for p in config.exclude],
        },
        "universe": {
            "domains": len({t.domain for t in universe}),
            "intents": len({t.intent_id for t in universe}),
            "tools": len(universe),
            "distinct_tools": len({t.source for t in universe}),
            "docstring_styles": dict(Counter(t.style for t in universe)),
            "train_tools": len(train_tools),
            "heldout_tools": len(heldout_tools),
            "heldout_intents": sorted(held),
            "procedural_intents": sum(len(domain.intents) for domain in generated),
            "procedural_tools": len(procedural_tools),
        },
        "excluded_evaluation_sets": exclusion_digests,
        "excluded_queries": len(excluded),
        "splits": splits,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def to_record(example: Example, index: int, split: str, group: int | None = None) -> dict[str, Any]:
    """An example as a JSONL record (see the module docstring); ``group`` adds its group."""
    dialect = get_dialect(DIALECT)
    tools = ToolSet(t.tool for t in example.tools)
    if example.calls:
        completion = dialect.format_calls(list(example.calls))
        reference: list[str] | None = [format_python_call(c) for c in example.calls]
    else:
        completion, reference = example.answer or "", None
    record: dict[str, Any] = {
        "id": f"{split}_{example.category}_{index}",
        "category": example.category,
        "domain": example.domain,
        "intents": list(example.intents),
        "query": example.query,
        "tools": [{"python": t.source} for t in example.tools],
        "reference": reference,
        "prompt": dialect.render(tools, example.query),
        "completion": completion + dialect.stop[0],
    }
    if group is not None:
        record["group"] = group
    return record


def _held_out_intents(config: SynthConfig, rng: random.Random) -> set[str]:
    held: set[str] = set()
    for domain in catalog_domains():
        ids = [intent_id(domain, i) for i in domain.intents]
        candidates = [i for i in ids if i not in TRAIN_ONLY]
        held.update(rng.sample(candidates, min(config.heldout_per_domain, len(candidates))))
    return held


def _generate(
    maker: ExampleMaker,
    refinery: Refinery,
    wanted: int,
    split: str,
    progress: bool,
    group_size: int = 1,
) -> list[list[Example]]:
    """``wanted`` examples that ``refinery`` keeps, in groups: each a seed example and up to
    ``group_size - 1`` of its siblings (one a refinery drops leaves its group smaller; the
    last group may be cut short)."""
    groups: list[list[Example]] = []
    kept = tried = 0
    dialect = get_dialect(DIALECT)

    def keeps(example: Example) -> bool:
        nonlocal tried
        tried += 1
        answer = dialect.format_calls(list(example.calls)) if example.calls else example.answer
        return refinery.keep(example, answer or "")

    # Refinement drops a few percent; a dataset the stages keep emptying is a bug, not data.
    attempts = wanted * 3 + 100
    with tqdm(total=wanted, desc=f"synth {split}", disable=not progress, unit="ex") as bar:
        while kept < wanted and tried < attempts:
            seed = maker.make()
            if not keeps(seed):
                continue
            group = [seed]
            if group_size > 1:
                siblings = maker.siblings(seed, min(group_size, wanted - kept) - 1)
                group += [sibling for sibling in siblings if keeps(sibling)]
            groups.append(group)
            kept += len(group)
            bar.update(len(group))
    if kept < wanted:
        raise SynthError(
            f"{split}: only {kept} of {wanted} examples survived refinement in "
            f"{tried} attempts: {json.dumps(refinery.report())}"
        )
    return groups


class Chats:
    """Which groups become chat turns, and the turns: a ``share`` of the groups, drawn with
    ``rng`` (its own source, so the examples are the same whatever the share)."""

    def __init__(self, dialect: str, rng: random.Random, share: float) -> None:
        self.dialect = get_dialect(dialect)
        self.rng = rng
        self.share = share
        self.maker = ChatMaker(rng)

    def records(self, group: Sequence[Example], split: str, start: int) -> list[dict[str, Any]]:
        """The group as chat records (empty when the draw keeps it single-turn)."""
        if self.rng.random() >= self.share:
            return []
        tools = ToolSet(t.tool for t in group[0].tools)
        records = []
        for index, turn in enumerate(self.maker.turns(group), start):
            record: dict[str, Any] = {
                "id": f"{split}_chat_{turn.kind}_{index}",
                "category": f"chat_{turn.kind}",
                "domain": group[0].domain,
                "messages": turn.messages,
                "tools": [{"python": t.source} for t in group[0].tools],
                "reference": [format_python_call(c) for c in turn.calls] or None,
                "prompt": turn_prompt(turn, tools, self.dialect),
                "completion": turn_completion(turn, self.dialect),
            }
            if turn.kind == "answer":
                record["answer_contains"] = list(turn.values)
            records.append(record)
        return records


def _write(
    path: Path,
    groups: Sequence[Sequence[Example]],
    refinery: Refinery,
    grouped: bool = False,
    chats: Chats | None = None,
) -> dict[str, Any]:
    """Write ``groups`` as records (with their group numbers when ``grouped``), those that
    ``chats`` draws as chat turns; the split's facts for the manifest."""
    digest = hashlib.sha256()
    written: Counter[str] = Counter()
    index = 0
    with path.open("w", encoding="utf-8") as handle:
        for number, group in enumerate(groups):
            records = chats.records(group, path.stem, index) if chats else []
            if not records and chats is not None and chats.share == 1.0:
                continue  # a group of nested examples only: no chat form
            if not records:
                records = [to_record(e, index + i, path.stem) for i, e in enumerate(group)]
            for record in records:
                if grouped:
                    record["group"] = number
                line = json.dumps(record, ensure_ascii=False) + "\n"
                handle.write(line)
                digest.update(line.encode())
                written[record["category"]] += 1
            index += len(records)
    examples = [example for group in groups for example in group]
    facts = {
        "file": path.name,
        "sha256": digest.hexdigest(),
        "records": index,
        "examples": len(examples),
        "stages": refinery.report(),
        "categories": dict(written.most_common()),
        "domains": dict(sorted(Counter(e.domain for e in examples).items())),
        "tools": len({t.source for e in examples for t in e.tools}),
    }
    if grouped:
        facts["groups"] = len(groups)
    return facts


def write_demos(
    path: Path,
    tools: Sequence[UniverseTool],
    count: int,
    rng: random.Random,
    avoid: Sequence[str] = (),
    progress: bool = False,
) -> dict[str, Any]:
    """Write a demonstration store of ``count`` requests for ``tools`` (each answered by
    calls; no-fit and nested requests are not demonstrations), none overlapping the
    queries to ``avoid``; the store's facts for the manifest.

    Raises:
        SynthError: the refinery kept too few.
    """
    refinery = Refinery(avoid)
    with_calls = {c: CATEGORY_WEIGHTS[c] for c in ("simple", "multiple", "parallel")}
    maker = ExampleMaker(tools, tools, [], [], rng, categories=with_calls)
    kept = [e for group in _generate(maker, refinery, count, path.stem, progress) for e in group]
    digest = hashlib.sha256()
    with path.open("w", encoding="utf-8") as handle:
        for example in kept:
            called = {call.name for call in example.calls}
            record = {
                "query": example.query,
                "call": "; ".join(format_python_call(c) for c in example.calls),
                "tools": [{"python": t.source} for t in example.tools if t.tool.name in called],
                "domain": example.domain,
                "intents": list(example.intents),
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            digest.update(line.encode())
    return {
        "file": path.name,
        "sha256": digest.hexdigest(),
        "examples": len(kept),
        "stages": refinery.report(),
        "categories": dict(Counter(e.category for e in kept).most_common()),
        "domains": dict(sorted(Counter(e.domain for e in kept).items())),
        "intents": len({i for e in kept for i in e.intents}),
    }


def _demo_queries() -> list[str]:
    """The queries ``make demo`` scores the house model on: the project's own test set,
    which no training example may overlap either."""
    from fncall import demo
    from fncall.demo import agents

    asked = [agents.AGENT_QUERY, agents.MCP_QUERY, agents.LIBRARY_QUERY]
    return [query for query, _ in demo.QUERIES] + [demo.GROUNDED_QUERY, *asked]


def _evaluation_queries(paths: Sequence[Path]) -> tuple[list[str], dict[str, str]]:
    """Every user text in the evaluation files under ``paths``, and each file's digest."""
    queries: list[str] = []
    digests: dict[str, str] = {}
    for file in _files(paths):
        digests[str(file)] = hashlib.sha256(file.read_bytes()).hexdigest()
        try:
            records = read_records(file)
        except EvalDataError as exc:
            raise SynthError(f"evaluation set to exclude is unreadable: {exc}") from None
        for record in records:
            queries.extend(_texts(record))
    return queries, digests


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl"))
        elif path.is_file():
            yield path
        else:
            raise SynthError(f"evaluation set to exclude not found: {path}")


def _texts(record: Any) -> Iterator[str]:
    """User texts of a BFCL, NexusRaven or fncall record (``question``, ``query``,
    ``messages``), wherever they nest."""
    if isinstance(record, dict):
        if isinstance(record.get("query"), str):
            yield record["query"]
        if record.get("role") == "user" and isinstance(record.get("content"), str):
            yield record["content"]
        for key in ("question", "messages"):
            if key in record:
                yield from _texts(record[key])
    elif isinstance(record, list):
        for item in record:
            yield from _texts(item)
