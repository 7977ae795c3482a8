"""One evaluation run, as ``fncall eval`` makes it: the entries loaded and limited, the
results store opened (resuming what it holds), the model or predictions run with a progress
bar, and the summary and report written."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from tqdm import tqdm

from fncall.errors import EvalRunError
from fncall.eval.data import load_eval_set
from fncall.eval.report import summarize, write_report
from fncall.eval.runner import (
    EvalConfig,
    ModelSource,
    OutputSource,
    PredictionsSource,
    ResultStore,
    limit_per_category,
    run_eval,
)


def evaluate(
    config: EvalConfig,
    data: Sequence[str | Path],
    out: str | Path,
    *,
    answers: Sequence[str | Path] = (),
    tools: str | Path | None = None,
    limit: int | None = None,
    batch_size: int = 1,
    progress: bool = True,
) -> dict[str, Any]:
    """Run (or resume) ``config`` on the sets in ``data`` into the folder ``out`` and return
    the summary (also written to ``out/summary.json``, with ``out/report.html``).

    Args:
        config: The model (none: the house model) or predictions file, and how it is run.
        data: Question files or folders (BFCL, NexusRaven or fncall JSONL).
        out: The run's folder; results already there for the same configuration are kept.
        answers: BFCL ``possible_answer`` files or folders (default: next to the data).
        tools: The functions of NexusRaven-style sets.
        limit: At most this many entries of each category.
        batch_size: Entries generated together.
        progress: Show a progress bar (on stderr).

    Raises:
        EvalDataError, EvalRunError, ConfigurationError, EngineError: unreadable sets, a
            folder holding another configuration's results, a bad set-up, an engine that
            fails.
        KeyboardInterrupt: after saying on stderr how many results are saved; running the
            same evaluation again resumes.
    """
    if config.predictions is None:
        # the model's path is recorded in the run's config, so a resume checks it is the same
        config = replace(config, caller=config.caller.resolved())
    elif config.caller.dialect is None:
        raise EvalRunError(
            "scoring a predictions file needs the dialect its outputs are in (--dialect)"
        )
    entries = limit_per_category(load_eval_set(data, answers, tools), limit)
    store = ResultStore(out, config)
    if store.set_aside:
        print(
            f"set aside {store.set_aside} damaged record(s) of {store.results_path} into "
            f"{store.damaged_path}; their entries run again",
            file=sys.stderr,
        )
    if config.predictions is not None:
        source: OutputSource = PredictionsSource(config.predictions)
    else:
        source = ModelSource(config)
    scored = [store.records[e.id] for e in entries if store.finished(e)]
    bar = tqdm(
        total=len(entries), initial=len(scored), disable=not progress, unit="entry",
        dynamic_ncols=True,
    )  # fmt: skip

    def advance(records: list[dict]) -> None:
        scored.extend(records)
        bar.update(len(records))
        bar.set_postfix(acc=f"{sum(r['valid'] for r in scored) / len(scored):.1%}")

    try:
        records = run_eval(
            entries, source, store, config.caller.dialect, batch_size=batch_size, on_batch=advance
        )
    except KeyboardInterrupt:
        bar.close()
        print(
            f"interrupted: {store.saved()} results are saved in {store.results_path}; "
            "run the same command again to resume",
            file=sys.stderr,
        )
        raise
    bar.close()
    summary = summarize(records, config.record())
    write_report(out, summary, records, entries)
    return summary
