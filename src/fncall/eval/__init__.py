"""Evaluation: BFCL-compatible AST scoring, NexusRaven-style execution match, resumable
runs and reports.

- :mod:`fncall.eval.data`: BFCL, NexusRaven and fncall sets, read into :class:`EvalEntry`.
- :mod:`fncall.eval.bfcl`: BFCL's AST checker, rule for rule.
- :mod:`fncall.eval.execmatch`: NexusRaven's execution match.
- :mod:`fncall.eval.score`: decoding outputs as written, and the verdict per entry.
- :mod:`fncall.eval.runner`: runs that append results per entry and resume.
- :mod:`fncall.eval.report`: ``summary.json``, ``report.html``, tables and comparisons.
"""

from fncall.eval.bfcl import Check, ast_check, standardize_string
from fncall.eval.data import EvalEntry, load_eval_set
from fncall.eval.execmatch import execution_match
from fncall.eval.report import compare, format_table, summarize, write_report
from fncall.eval.runner import (
    EvalConfig,
    ModelSource,
    OutputSource,
    PredictionsSource,
    ResultStore,
    limit_per_category,
    run_eval,
)
from fncall.eval.score import Decoded, decode, score

__all__ = [
    "Check",
    "Decoded",
    "EvalConfig",
    "EvalEntry",
    "ModelSource",
    "OutputSource",
    "PredictionsSource",
    "ResultStore",
    "ast_check",
    "compare",
    "decode",
    "execution_match",
    "format_table",
    "limit_per_category",
    "load_eval_set",
    "run_eval",
    "score",
    "standardize_string",
    "summarize",
    "write_report",
]
