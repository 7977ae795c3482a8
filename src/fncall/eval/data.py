"""Evaluation sets: BFCL files, NexusRaven-style query sets and fncall's own JSONL, read
into one :class:`EvalEntry` shape.

Formats, recognised by the fields of their records:

- **BFCL** (``{"id", "question", "function"}``): one JSON object per line, with
  ``possible_answer`` files aligned by ``id``. When ``answers`` are not given, the answers
  file of the same name under a sibling ``possible_answer/`` folder is used, as in BFCL's
  layout. Irrelevance categories expect no call and relevance categories expect any
  call; neither has answers. All other categories are scored by the AST checker.
- **NexusRaven** (``{"query", "reference"}``, a JSON list or JSON Lines): the reference is
  a Python call string, the functions come from a separate tools file (a Python module
  or JSON), and entries are scored by execution match.
- **fncall** (``{"query" or "messages", "tools", "reference"}``): like NexusRaven's
  format, but each entry carries its own tools, in any format
  :func:`fncall.tools.toolset` reads. A ``reference`` of ``null`` or ``""`` means the
  right answer is no call; with ``answer_contains`` (a list of strings) it is a plain
  answer that states each of them (an answer from tool results).

An entry's category is its ``category`` field. Without one, the category is taken from
the id as BFCL names them (``simple_python_3`` -> ``simple_python``,
``live_simple_0-0-0`` -> ``live_simple``). Without a usable id, it is the file's name.
One file may therefore mix categories.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from fncall.calls.call import ToolCall
from fncall.dialects.base import Message
from fncall.errors import EvalDataError, EvalRunError, FncallError
from fncall.eval.execmatch import parse_reference
from fncall.tools import load_tools, toolset
from fncall.tools.formats import to_bfcl, tools_from_json
from fncall.tools.spec import ToolSet

Scoring = Literal["ast", "exec", "no_call", "any_call", "states"]

_ID_SUFFIX = re.compile(r"^(?P<category>[A-Za-z][\w]*?)_\d+(?:-\d+)*$")
_UNSCORABLE = {
    "java": "its values are Java literals, which need BFCL's Java type converter",
    "javascript": "its values are JavaScript literals, which need BFCL's JS type converter",
    "multi_turn": "it is scored by executing BFCL's API simulators turn by turn",
    "web_search": "it is scored against live web answers",
    "memory": "it is scored by BFCL's agentic checker",
    "format_sensitivity": "it is not a scored category",
}


@dataclass(frozen=True)
class EvalEntry:
    """One scored question.

    Attributes:
        id: Unique within the set.
        category: Chooses the BFCL checker, and groups the report.
        messages: The conversation to answer (OpenAI-shaped messages).
        tools: The offered tools.
        docs: The tools as BFCL function docs, which the AST checker reads.
        scoring: ``ast`` (BFCL), ``exec`` (execution match), ``no_call`` (irrelevance),
            ``any_call`` (relevance) or ``states`` (a plain answer that states each of
            ``expected_text``, as an answer from tool results must).
        ground_truth: BFCL's ``possible_answer`` list, for ``ast``.
        reference: The reference calls, for ``exec``.
        digest: A hash of the entry's source, so a changed entry is not mistaken for a
            finished one when a run resumes.
    """

    id: str
    category: str
    messages: list[Message]
    tools: ToolSet
    docs: list[dict[str, Any]]
    scoring: Scoring
    ground_truth: list[dict[str, Any]] = field(default_factory=list)
    reference: list[ToolCall] = field(default_factory=list)
    expected_text: list[str] = field(default_factory=list)
    digest: str = ""


def category_of(record: dict[str, Any], fallback: str) -> str:
    """The category of a record: its ``category`` field, else its id's prefix, else
    ``fallback`` (the file's name)."""
    category = record.get("category")
    if isinstance(category, str) and category:
        return category
    match = _ID_SUFFIX.match(str(record.get("id", "")))
    return match.group("category") if match else fallback


def scoring_of(category: str) -> Scoring:
    """How BFCL scores a category with no reference calls of fncall's own: irrelevance
    expects no call, relevance any call, every other category the AST checker.

    Raises:
        EvalRunError: a category fncall cannot score (Java, JavaScript, multi-turn,
            agentic).
    """
    for marker, why in _UNSCORABLE.items():
        if marker in category:
            raise EvalRunError(f"category {category!r} cannot be scored by fncall: {why}")
    if "irrelevance" in category:
        return "no_call"
    if "relevance" in category:
        return "any_call"
    return "ast"


def load_eval_set(
    data: Sequence[str | Path],
    answers: Sequence[str | Path] = (),
    tools: str | Path | None = None,
) -> list[EvalEntry]:
    """Read evaluation files (or folders of them) into entries, in file order.

    Args:
        data: Question files, or folders whose ``*.json``/``*.jsonl`` files are read.
        answers: BFCL ``possible_answer`` files or folders (found next to BFCL question
            files when not given).
        tools: The functions of NexusRaven-style sets (a ``.py`` module or a JSON file).

    Raises:
        EvalDataError: an unreadable file, a malformed record, a missing answer, a
            duplicated id.
        EvalRunError: a category fncall cannot score.
    """
    files = _expand(data)
    answer_index = _answer_index(_expand(answers)) if answers else None
    shared_tools = None
    entries: list[EvalEntry] = []
    seen: dict[str, Path] = {}
    for path in files:
        records = read_records(path)
        kind = _format_of(records, path)
        if kind == "bfcl":
            index = answer_index if answer_index is not None else _sibling_answers(path)
            loaded = [_bfcl_entry(r, i, path, index) for i, r in enumerate(records)]
        else:
            if kind == "nexusraven" and shared_tools is None:
                shared_tools = _shared_tools(tools, path)
            loaded = [_reference_entry(r, i, path, shared_tools) for i, r in enumerate(records)]
        for entry in loaded:
            if entry.id in seen:
                raise EvalDataError(f"{path}: id {entry.id!r} also appears in {seen[entry.id]}")
            seen[entry.id] = path
        entries.extend(loaded)
    return entries


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl"))
            if not found:
                raise EvalDataError(f"{path}: no .json or .jsonl files in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise EvalDataError(f"{path}: no such file or folder")
    return files


def read_records(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a file: a JSON list, or one object per line.

    Raises:
        EvalDataError: not JSON, or something other than objects.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"{path}: cannot read: {exc}") from None
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EvalDataError(f"{path}: not valid JSON: {exc}") from None
    else:
        records = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise EvalDataError(f"{path}, line {number}: not valid JSON: {exc}") from None
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            raise EvalDataError(f"{path}, record {i}: expected a JSON object")
    if not records:
        raise EvalDataError(f"{path}: no records")
    return records


def _format_of(records: list[dict[str, Any]], path: Path) -> str:
    first = records[0]
    if "question" in first and "function" in first:
        return "bfcl"
    if "reference" in first and "tools" in first:
        return "fncall"
    if "query" in first and "reference" in first:
        return "nexusraven"
    raise EvalDataError(
        f"{path}: records have fields {sorted(first)}; expected BFCL's "
        "(id, question, function), NexusRaven's (query, reference) or fncall's "
        "(query or messages, tools, reference)"
    )


def _answer_index(files: list[Path]) -> dict[str, list[dict[str, Any]]]:
    index: dict[str, list[dict[str, Any]]] = {}
    for path in files:
        for i, record in enumerate(read_records(path)):
            entry_id, truth = record.get("id"), record.get("ground_truth")
            if not isinstance(entry_id, str) or not isinstance(truth, list):
                raise EvalDataError(f"{path}, record {i}: expected {{'id', 'ground_truth': [...]}}")
            for call in truth:
                if not (isinstance(call, dict) and len(call) == 1):
                    raise EvalDataError(
                        f"{path}, {entry_id}: each ground-truth call is {{name: {{arg: [values]}}}}"
                    )
            index[entry_id] = truth
    return index


def _sibling_answers(path: Path) -> dict[str, list[dict[str, Any]]]:
    candidate = path.parent / "possible_answer" / path.name
    return _answer_index([candidate]) if candidate.is_file() else {}


def _digest(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _entry_tools(items: Any, where: str) -> ToolSet:
    try:
        return toolset(tools_from_json(items))
    except FncallError as exc:
        raise EvalDataError(f"{where}: its tools are malformed: {exc}") from None


def _bfcl_entry(
    record: dict[str, Any], index: int, path: Path, answers: dict[str, list[dict[str, Any]]]
) -> EvalEntry:
    entry_id = record.get("id")
    where = f"{path}, {entry_id or f'record {index}'}"
    if not isinstance(entry_id, str) or not entry_id:
        raise EvalDataError(f"{where}: missing 'id'")
    category = category_of(record, path.stem)
    scoring = scoring_of(category)
    turns = record.get("question")
    if not (isinstance(turns, list) and len(turns) == 1 and isinstance(turns[0], list)):
        raise EvalDataError(f"{where}: 'question' must hold exactly one turn (a list of messages)")
    docs = record.get("function")
    if not isinstance(docs, list):
        raise EvalDataError(f"{where}: 'function' must be a list of function docs")
    tools = _entry_tools(docs, where) if docs else ToolSet()
    truth: list[dict[str, Any]] = []
    if scoring == "ast":
        if entry_id not in answers:
            raise EvalDataError(
                f"{where}: no possible answer for this id (pass the answers file with --answers)"
            )
        truth = answers[entry_id]
        for call in truth:
            name = next(iter(call))
            if name not in tools:
                raise EvalDataError(f"{where}: the answer calls {name!r}, which is not offered")
        if not docs:
            raise EvalDataError(f"{where}: an AST-scored entry needs at least one function")
    return EvalEntry(
        id=entry_id,
        category=category,
        messages=[dict(m) for m in turns[0]],
        tools=tools,
        docs=[dict(d) for d in docs],
        scoring=scoring,
        ground_truth=truth,
        digest=_digest(record, truth),
    )


def _shared_tools(tools: str | Path | None, path: Path) -> ToolSet:
    if tools is None:
        raise EvalDataError(
            f"{path}: NexusRaven-style records (query, reference) need the functions "
            "they call; pass them with --tools (a .py module or a JSON file)"
        )
    return load_tools(tools)


def _reference_entry(
    record: dict[str, Any], index: int, path: Path, shared: ToolSet | None
) -> EvalEntry:
    entry_id = record.get("id")
    if not isinstance(entry_id, str) or not entry_id:
        entry_id = f"{path.stem}_{index}"
    where = f"{path}, {entry_id}"
    tools = _entry_tools(record.get("tools"), where) if shared is None else shared
    messages = record.get("messages")
    if messages is None:
        query = record.get("query")
        if not isinstance(query, str) or not query:
            raise EvalDataError(f"{where}: needs a 'query' string or 'messages'")
        messages = [{"role": "user", "content": query}]
    elif not isinstance(messages, list):
        raise EvalDataError(f"{where}: 'messages' must be a list of chat messages")
    reference = record.get("reference")
    if isinstance(reference, list):
        reference = "\n".join(str(r) for r in reference)
    if reference is not None and not isinstance(reference, str):
        raise EvalDataError(f"{where}: 'reference' must be Python call text, a list, or null")
    calls = parse_reference(reference, tools, where) if reference else []
    expected = record.get("answer_contains") or []
    if not isinstance(expected, list) or not all(isinstance(e, str) for e in expected):
        raise EvalDataError(f"{where}: 'answer_contains' must be a list of strings")
    if expected and calls:
        raise EvalDataError(f"{where}: 'answer_contains' is for a plain answer, not calls")
    docs = [to_bfcl(t) for t in tools.values()]
    return EvalEntry(
        id=entry_id,
        category=category_of({**record, "id": entry_id}, path.stem),
        messages=[dict(m) for m in messages],
        tools=tools,
        docs=docs,
        scoring="exec" if calls else "states" if expected else "no_call",
        reference=calls,
        expected_text=list(expected),
        digest=_digest(record, docs),
    )
