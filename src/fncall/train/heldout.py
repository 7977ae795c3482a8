"""Scoring a training run's exported model on held-out examples, the way ``fncall eval`` does."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fncall.eval import (
    EvalConfig,
    ModelSource,
    ResultStore,
    limit_per_category,
    load_eval_set,
    run_eval,
    summarize,
)
from fncall.settings import CallerSettings


class HeldoutEvaluator:
    """Called with a model directory, returns its held-out accuracy (constrained, greedy).

    Args:
        data: An evaluation file in any format ``fncall eval`` reads (``heldout.jsonl``).
        per_category: Entries scored per category (all when ``None``): a quick look during
            training; the full figure comes from ``fncall eval``.
        dialect: The model's dialect.
        batch_size: Entries generated together.
        max_tokens: Tokens per answer.
    """

    def __init__(
        self,
        data: str | Path,
        per_category: int | None = 20,
        dialect: str = "nexusraven-v2",
        batch_size: int = 8,
        max_tokens: int = 128,
    ) -> None:
        self.entries = limit_per_category(load_eval_set([data]), per_category)
        self.dialect = dialect
        self.batch_size = batch_size
        self.max_tokens = max_tokens

    def __call__(self, model_dir: Path) -> dict[str, float]:
        """``heldout_accuracy`` and ``heldout_<category>`` accuracies of ``model_dir``."""
        settings = CallerSettings(str(model_dir), self.dialect, max_tokens=self.max_tokens)
        config = EvalConfig(settings)
        source = ModelSource(config)
        with tempfile.TemporaryDirectory(prefix="fncall-heldout-") as folder:
            store = ResultStore(folder, config)
            records = run_eval(
                self.entries, source, store, self.dialect, batch_size=self.batch_size
            )
        summary = summarize(records, {})
        figures = {"heldout_accuracy": summary["overall_accuracy"]}
        for category, facts in summary["by_category"].items():
            figures[f"heldout_{category}"] = facts["accuracy"]
        return figures
