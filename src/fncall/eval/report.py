"""Summaries of a run: ``summary.json``, a self-contained ``report.html`` with charts, a
terminal table, and a side-by-side comparison of runs."""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from fncall.errors import EvalRunError
from fncall.eval.data import EvalEntry

SUMMARY_FILE = "summary.json"
REPORT_FILE = "report.html"
# BFCL's non-live AST summary is the unweighted mean of these (V4). BFCL's "Simple" also
# averages Java and JavaScript; fncall scores Python only, so simple_python stands alone.
AST_SUMMARY_PARTS = (
    ("simple_python", "simple"),
    ("multiple",),
    ("parallel",),
    ("parallel_multiple",),
)


def summarize(records: Sequence[dict[str, Any]], config: dict[str, Any]) -> dict[str, Any]:
    """The figures of a run, computed from its per-entry records.

    Keys: ``n``, ``correct``, ``overall_accuracy`` (a fraction of all scored entries),
    ``by_category`` (``{category: {"accuracy", "n", "correct"}}``),
    ``bfcl_non_live_ast_summary`` (``None`` unless all four AST categories ran),
    ``irrelevance_rate`` (share of no-call entries answered without a call),
    ``valid_call_rate`` (share of outputs that attempted a call whose calls are all
    valid for the offered tools), ``hallucinated_function_rate`` (share of outputs
    calling a function that was not offered), ``error_types``, ``not_run`` (entries
    that could not be run, counted in ``n`` as failures) and ``not_run_by_error``
    (``{"PromptError": 3, "ContextLengthError": 1}``), ``latency_s`` (``p50``/``p95``/
    ``mean`` per entry that ran), ``tokens_per_second``, ``retrieval`` (where tools were
    retrieved: ``{"entries", "right_tools_offered"}``, the share of entries with calls whose
    every called tool was offered), ``demonstrations`` (where any were used: ``{"mean"``
    per entry run, ``"own_query_left_out"``, entries whose own query the store held and
    never showed``}``) and ``config``.
    """
    n = len(records)
    correct = sum(r["valid"] for r in records)
    by_category: dict[str, dict[str, Any]] = {}
    for record in records:
        slot = by_category.setdefault(record["category"], {"n": 0, "correct": 0})
        slot["n"] += 1
        slot["correct"] += bool(record["valid"])
    for slot in by_category.values():
        slot["accuracy"] = slot["correct"] / slot["n"]
    no_call = [r for r in records if r["scoring"] == "no_call"]
    attempted = [r for r in records if r["attempted_call"]]
    not_run = Counter(r["error"] for r in records if r.get("error"))
    latencies = [r["latency_s"] for r in records if not r.get("error")]
    tokens = sum(r["completion_tokens"] for r in records)
    generate = sum(r["generate_s"] for r in records)
    parts = [next((c for c in names if c in by_category), None) for names in AST_SUMMARY_PARTS]
    retrieved = [r["right_tools_offered"] for r in records if r.get("offered") is not None]
    judged = [hit for hit in retrieved if hit is not None]
    shown = [r.get("demonstrations", 0) for r in records if not r.get("error")]
    left_out = sum(bool(r.get("own_demo_left_out")) for r in records)
    return {
        "n": n,
        "correct": correct,
        "overall_accuracy": correct / n if n else None,
        "by_category": dict(sorted(by_category.items())),
        "bfcl_non_live_ast_summary": (
            sum(by_category[c]["accuracy"] for c in parts) / len(parts) if all(parts) else None
        ),
        "irrelevance_rate": (sum(r["valid"] for r in no_call) / len(no_call) if no_call else None),
        "valid_call_rate": (
            sum(r["valid_call"] for r in attempted) / len(attempted) if attempted else None
        ),
        "hallucinated_function_rate": (
            sum(bool(r["hallucinated"]) for r in records) / n if n else None
        ),
        "error_types": dict(
            Counter(r["error_type"] for r in records if r["error_type"]).most_common()
        ),
        "not_run": sum(not_run.values()),
        "not_run_by_error": dict(sorted(not_run.items())),
        "latency_s": {
            "p50": float(np.percentile(latencies, 50)) if latencies else None,
            "p95": float(np.percentile(latencies, 95)) if latencies else None,
            "mean": float(np.mean(latencies)) if latencies else None,
        },
        "completion_tokens": tokens,
        "tokens_per_second": tokens / generate if generate > 0 else None,
        "retrieval": (
            {
                "entries": len(judged),
                "right_tools_offered": sum(judged) / len(judged) if judged else None,
            }
            if retrieved
            else None
        ),
        "demonstrations": (
            {"mean": float(np.mean(shown)), "own_query_left_out": left_out}
            if any(shown) or left_out
            else None
        ),
        "config": config,
    }


def write_report(
    directory: str | Path,
    summary: dict[str, Any],
    records: Sequence[dict[str, Any]],
    entries: Sequence[EvalEntry] = (),
) -> None:
    """Write ``summary.json`` and ``report.html`` into the run's folder (``entries`` give
    each failure's question and expected answer)."""
    folder = Path(directory)
    (folder / SUMMARY_FILE).write_text(json.dumps(summary, indent=2) + "\n")
    page = render_html(summary, records, entries)
    (folder / REPORT_FILE).write_text(page, encoding="utf-8")


def question_of(entry: EvalEntry) -> str:
    """The entry's last user message (what was asked)."""
    users = [m.get("content") or "" for m in entry.messages if m.get("role") == "user"]
    return users[-1] if users else ""


def expected_of(entry: EvalEntry) -> str:
    """What a right answer is, in words a reader checks a failure against."""
    if entry.scoring == "no_call":
        return "no call (no offered tool fits)"
    if entry.scoring == "any_call":
        return "a call of an offered tool"
    if entry.scoring == "states":
        return "an answer stating: " + ", ".join(entry.expected_text)
    if entry.scoring == "exec":
        return "; ".join(
            f"{c.name}({', '.join(f'{k}={v!r}' for k, v in c.arguments.items())})"
            for c in entry.reference
        )
    calls = []
    for call in entry.ground_truth:
        for name, arguments in call.items():
            allowed = ", ".join(
                f"{k}={' | '.join(repr(v) for v in values) if values else '?'}"
                for k, values in arguments.items()
            )
            calls.append(f"{name}({allowed})")
    return "; ".join(calls) + (" (any order)" if len(calls) > 1 else "")


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _seconds(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{1000 * value:.0f} ms" if value < 1 else f"{value:.2f} s"


def _headline(summary: dict[str, Any]) -> list[tuple[str, str]]:
    latency = summary["latency_s"]
    speed = summary["tokens_per_second"]
    return [
        ("overall accuracy", f"{_percent(summary['overall_accuracy'])} of {summary['n']}"),
        ("BFCL non-live AST summary", _percent(summary["bfcl_non_live_ast_summary"])),
        ("irrelevance (no call)", _percent(summary["irrelevance_rate"])),
        ("valid calls", _percent(summary["valid_call_rate"])),
        ("hallucinated functions", _percent(summary["hallucinated_function_rate"])),
        ("latency p50 / p95", f"{_seconds(latency['p50'])} / {_seconds(latency['p95'])}"),
        ("tokens/s", "–" if speed is None else f"{speed:.1f}"),
        *([("not run (counted as failed)", _not_run(summary))] if summary.get("not_run") else []),
        *_retrieval_lines(summary),
    ]


def _retrieval_lines(summary: dict[str, Any]) -> list[tuple[str, str]]:
    lines = []
    if retrieval := summary.get("retrieval"):
        share = _percent(retrieval["right_tools_offered"])
        lines.append(("right tools retrieved", f"{share} of {retrieval['entries']}"))
    if demos := summary.get("demonstrations"):
        lines.append(
            (
                "demonstrations a prompt",
                f"{demos['mean']:.2f} (own query left out: {demos['own_query_left_out']})",
            )
        )
    return lines


def format_table(summary: dict[str, Any]) -> str:
    """The summary as a plain-text table for the terminal."""
    rows = [("category", "n", "correct", "accuracy")]
    for category, slot in summary["by_category"].items():
        rows.append((category, str(slot["n"]), str(slot["correct"]), _percent(slot["accuracy"])))
    lines = [_align(rows, rule=True), ""]
    label_width = max(len(label) for label, _ in _headline(summary))
    lines += [f"{label.ljust(label_width)}  {value}" for label, value in _headline(summary)]
    if summary["error_types"]:
        lines.append(
            "error types: " + ", ".join(f"{k} {v}" for k, v in summary["error_types"].items())
        )
    return "\n".join(lines)


def _not_run(summary: dict[str, Any]) -> str:
    """``"2 (ContextLengthError 1, PromptError 1)"``: entries whose prompt could not be made
    or did not fit, by error type."""
    by_error = summary.get("not_run_by_error", {})
    kinds = ", ".join(f"{k} {v}" for k, v in by_error.items())
    return f"{summary.get('not_run', 0)} ({kinds})"


def compare(directories: Sequence[str | Path]) -> str:
    """Runs side by side: one column per run folder, one row per figure.

    Raises:
        EvalRunError: a folder without a ``summary.json``.
    """
    summaries = []
    for directory in directories:
        path = Path(directory) / SUMMARY_FILE
        try:
            summaries.append(json.loads(path.read_text()))
        except (OSError, json.JSONDecodeError) as exc:
            raise EvalRunError(
                f"{path}: no readable summary ({exc}); run fncall eval first"
            ) from None
    categories = sorted({c for s in summaries for c in s["by_category"]})
    rows: list[list[str]] = [["", *(Path(d).name or str(d) for d in directories)]]
    rows.append(
        [
            "model",
            *(str(s["config"].get("model") or s["config"].get("predictions")) for s in summaries),
        ]
    )
    rows.append(["dialect", *(s["config"]["dialect"] for s in summaries)])
    rows.append(["constrained", *(str(s["config"]["constrain"]) for s in summaries)])
    rows.append(["grounded", *(str(s["config"].get("grounded", False)) for s in summaries)])
    rows.append(["beams", *(str(s["config"].get("beams", 1)) for s in summaries)])
    rows.append(["overall", *(_percent(s["overall_accuracy"]) for s in summaries)])
    for category in categories:
        rows.append(
            [
                category,
                *(_percent(s["by_category"].get(category, {}).get("accuracy")) for s in summaries),
            ]
        )
    for key in (
        "bfcl_non_live_ast_summary",
        "irrelevance_rate",
        "valid_call_rate",
        "hallucinated_function_rate",
    ):
        rows.append([key.replace("_", " "), *(_percent(s[key]) for s in summaries)])
    rows.append(["not run", *(str(s.get("not_run", 0)) for s in summaries)])
    rows.append(["latency p50", *(_seconds(s["latency_s"]["p50"]) for s in summaries)])
    rows.append(["latency p95", *(_seconds(s["latency_s"]["p95"]) for s in summaries)])
    return _align(rows)


def _align(rows: Sequence[Sequence[str]], rule: bool = False) -> str:
    """Rows as text columns: the first left-aligned, the others right-aligned; ``rule``
    underlines the first row."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    if rule:
        lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --- HTML ------------------------------------------------------------------------------

_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;
color:#1d2330;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:2rem}
.sub{color:#5b6475;margin-top:0}
.cards{display:flex;flex-wrap:wrap;gap:.8rem}
.card{border:1px solid #dde2ea;border-radius:8px;padding:.6rem .9rem;min-width:150px}
.card b{display:block;font-size:1.35rem}.card span{color:#5b6475;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}
td,th{border-bottom:1px solid #e6e9ef;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{white-space:pre-wrap;word-break:break-word;font-size:.8rem}
svg text{font:12px system-ui,sans-serif;fill:#1d2330}
"""


def _bar_chart(items: Sequence[tuple[str, float, str]], maximum: float, color: str) -> str:
    """Horizontal bars: (label, value, text shown after the bar)."""
    if not items:
        return "<p>none</p>"
    label_width, bar_width, row = 230, 560, 24
    height = row * len(items) + 8
    parts = [f'<svg width="{label_width + bar_width + 120}" height="{height}" role="img">']
    for i, (label, value, text) in enumerate(items):
        y = 4 + i * row
        length = 0 if maximum <= 0 else bar_width * value / maximum
        box = f'x="{label_width}" y="{y + 3}" height="{row - 8}"'
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end">'
            f"{html.escape(label)}</text>"
            f'<rect {box} width="{bar_width}" fill="#eef1f6"/>'
            f'<rect {box} width="{length:.1f}" fill="{color}"/>'
            f'<text x="{label_width + bar_width + 8}" y="{y + 16}">{html.escape(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _histogram(values: Sequence[float], bins: int = 30) -> str:
    if not values:
        return "<p>no latencies</p>"
    counts, edges = np.histogram(values, bins=bins)
    width, height, left, bottom = 760, 220, 50, 30
    step = (width - left) / bins
    top = max(int(counts.max()), 1)
    parts = [f'<svg width="{width + 20}" height="{height + bottom}" role="img">']
    for i, count in enumerate(counts):
        bar = (height - 10) * count / top
        parts.append(
            f'<rect x="{left + i * step:.1f}" y="{height - bar:.1f}" width="{step - 2:.1f}" '
            f'height="{bar:.1f}" fill="#4c78a8"><title>{_seconds(edges[i])}–'
            f"{_seconds(edges[i + 1])}: {count}</title></rect>"
        )
    parts.append(f'<line x1="{left}" y1="{height}" x2="{width}" y2="{height}" stroke="#8a93a5"/>')
    for i in range(0, bins + 1, max(bins // 6, 1)):
        x = left + i * step
        parts.append(
            f'<text x="{x:.1f}" y="{height + 18}" text-anchor="middle">{_seconds(edges[i])}</text>'
        )
    parts.append(f'<text x="{left - 6}" y="14" text-anchor="end">{top}</text>')
    parts.append(f'<text x="{left - 6}" y="{height}" text-anchor="end">0</text></svg>')
    return "".join(parts)


def render_html(
    summary: dict[str, Any],
    records: Sequence[dict[str, Any]],
    entries: Sequence[EvalEntry] = (),
    failures: int = 100,
) -> str:
    """The report page: headline figures, accuracy per category, error types, latency
    distribution, and the first failures: each with its question and expected answer (from
    ``entries``), the model's output and why it failed. No external resources."""
    config = summary["config"]
    source = config.get("model") or config.get("predictions") or "?"
    cards = "".join(
        f"<div class=card><b>{html.escape(v)}</b><span>{html.escape(k)}</span></div>"
        for k, v in _headline(summary)
    )
    accuracy = _bar_chart(
        [
            (c, s["accuracy"], f"{_percent(s['accuracy'])} ({s['correct']}/{s['n']})")
            for c, s in summary["by_category"].items()
        ],
        1.0,
        "#54a24b",
    )
    errors = summary["error_types"]
    error_chart = _bar_chart(
        [(k, v, str(v)) for k, v in errors.items()], max(errors.values(), default=0), "#e45756"
    )
    failed = [r for r in records if not r["valid"]][:failures]
    by_id = {e.id: e for e in entries}

    def cell(text: str, code: bool = False) -> str:
        shown = html.escape(text[:400] + ("..." if len(text) > 400 else ""))
        return f"<td><code>{shown}</code></td>" if code else f"<td>{shown}</td>"

    rows = "".join(
        f"<tr>{cell(r['id'])}{cell(r['category'])}"
        f"{cell(question_of(by_id[r['id']]) if r['id'] in by_id else '')}"
        f"{cell(expected_of(by_id[r['id']]) if r['id'] in by_id else '', code=True)}"
        f"{cell(r['raw'] or '(not run)', code=True)}"
        f"{cell((r['error_type'] or '') + ': ' + '; '.join(r['errors']))}</tr>"
        for r in failed
    )
    settings = ", ".join(f"{k}={v}" for k, v in config.items() if v is not None)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>fncall eval: {html.escape(str(source))}</title>
<style>{_STYLE}</style></head><body>
<h1>fncall eval: {html.escape(str(source))}</h1>
<p class=sub>{html.escape(settings)}</p>
<div class=cards>{cards}</div>
<h2>Accuracy per category</h2>{accuracy}
<h2>Error types</h2>{error_chart}
<h2>Latency per entry</h2>{_histogram([r["latency_s"] for r in records if not r.get("error")])}
<h2>Failures (first {len(failed)} of {sum(not r["valid"] for r in records)})</h2>
<table><tr><th>id</th><th>category</th><th>question</th><th>expected</th>
<th>model output</th><th>why it failed</th></tr>
{rows}</table>
</body></html>
"""
