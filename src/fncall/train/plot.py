"""The loss curve of a training run as a PNG, drawn with Pillow (no matplotlib).

The raw loss is a pale line, its exponential moving average a dark one, both against the left
axis; evaluation metrics, if any, are dots joined by lines against the right axis.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

SIZE = (800, 480)
BACKGROUND = (255, 255, 255)
INK = (40, 40, 40)
GRID = (228, 228, 228)
RAW = (168, 198, 232)
SMOOTHED = (31, 90, 180)
EVAL_COLOURS = ((214, 39, 40), (44, 160, 44), (255, 127, 14), (148, 103, 189), (140, 86, 75))
MARGIN = {"left": 64, "right": 64, "top": 48, "bottom": 44}


def read_log(path: str | Path) -> tuple[list[tuple[int, float]], list[dict[str, Any]]]:
    """The ``(step, loss)`` points and the evaluations (``{"step": …, metric: value}``) that
    a training run's ``log.jsonl`` records. Lines that are not JSON (a line cut short by a
    kill) are passed over."""
    points: list[tuple[int, float]] = []
    evals: list[dict[str, Any]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(entry, dict) or "step" not in entry:
            continue
        if isinstance(entry.get("eval"), dict):
            evals.append({"step": entry["step"], **entry["eval"]})
        elif isinstance(entry.get("loss"), int | float):
            points.append((entry["step"], float(entry["loss"])))
    return points, evals


def smooth(values: Sequence[float], half_window: int | None = None) -> list[float]:
    """Centred moving average of ``values`` (it does not lag behind the curve as an
    exponential one does); the window narrows at both ends. By default it spans about a
    twentieth of the points on each side."""
    if half_window is None:
        half_window = len(values) // 20
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    out = []
    for i in range(len(values)):
        low, high = max(0, i - half_window), min(len(values), i + half_window + 1)
        out.append((sums[high] - sums[low]) / (high - low))
    return out


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round tick values (1, 2 or 5 times a power of ten apart) covering
    ``[low, high]``; the first is at or below ``low``, the last at or above ``high``."""
    if not high > low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9) * step
    ticks = [first]
    while ticks[-1] < high - 1e-9 * step:
        ticks.append(first + len(ticks) * step)
    return ticks


def _label(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.3g}"


def plot_loss(
    source: str | Path | Sequence[tuple[float, float]],
    png_path: str | Path,
    evals: Sequence[Mapping[str, Any]] | None = None,
    title: str = "Training loss",
    size: tuple[int, int] = SIZE,
) -> Path:
    """Draw the loss curve into ``png_path`` and return it.

    Args:
        source: A ``log.jsonl`` written by :func:`fncall.train.trainer.train`, or
            ``(step, loss)`` points.
        png_path: Where the PNG goes (its folder must exist).
        evals: Evaluations to mark, each ``{"step": int, metric: number, …}``; by default
            those the log records (none for points).
        title: The heading above the plot.
        size: Width and height in pixels.
    """
    if isinstance(source, str | Path):
        points, logged = read_log(source)
        evals = logged if evals is None else evals
    else:
        points = [(float(s), float(v)) for s, v in source]
    points = [(s, v) for s, v in points if math.isfinite(v)]
    metrics = _metric_series(evals or [])

    width, height = size
    image = Image.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    left, top = MARGIN["left"], MARGIN["top"]
    right, bottom = width - MARGIN["right"], height - MARGIN["bottom"]

    def centred(x: float, y: float, text: str, fill: tuple[int, int, int] = INK) -> None:
        box = draw.textbbox((0, 0), text, font=font)
        draw.text((x - (box[2] - box[0]) / 2, y), text, fill=fill, font=font)

    centred(width / 2, 8, title)

    steps = [s for s, _ in points] + [s for series in metrics.values() for s, _ in series]
    x_ticks = nice_ticks(min(steps, default=0), max(steps, default=1), 8)
    losses = [v for _, v in points]
    y_ticks = nice_ticks(min(losses, default=0), max(losses, default=1), 6)
    metric_values = [v for series in metrics.values() for _, v in series]
    m_ticks = nice_ticks(min([0.0, *metric_values]), max([1.0, *metric_values]), 5)

    def scale(value: float, ticks: list[float], low: float, high: float) -> float:
        return low + (value - ticks[0]) / (ticks[-1] - ticks[0]) * (high - low)

    def xy(step: float, value: float, ticks: list[float]) -> tuple[float, float]:
        return scale(step, x_ticks, left, right), scale(value, ticks, bottom, top)

    # grid, axes, ticks and their labels
    for tick in x_ticks:
        x = scale(tick, x_ticks, left, right)
        draw.line([(x, top), (x, bottom)], fill=GRID)
        draw.line([(x, bottom), (x, bottom + 4)], fill=INK)
        centred(x, bottom + 7, _label(tick))
    for tick in y_ticks:
        y = scale(tick, y_ticks, bottom, top)
        draw.line([(left, y), (right, y)], fill=GRID)
        draw.line([(left - 4, y), (left, y)], fill=INK)
        text = _label(tick)
        box = draw.textbbox((0, 0), text, font=font)
        draw.text((left - 7 - (box[2] - box[0]), y - (box[3] - box[1]) / 2 - 1), text, INK, font)
    draw.rectangle([left, top, right, bottom], outline=INK)
    centred((left + right) / 2, bottom + 24, "step")
    if metrics:
        for tick in m_ticks:
            y = scale(tick, m_ticks, bottom, top)
            draw.line([(right, y), (right + 4, y)], fill=INK)
            box = draw.textbbox((0, 0), _label(tick), font=font)
            draw.text((right + 7, y - (box[3] - box[1]) / 2 - 1), _label(tick), INK, font)

    # the curves
    if len(points) > 1:
        draw.line([xy(s, v, y_ticks) for s, v in points], fill=RAW, width=1)
        smoothed = smooth(losses)
        draw.line(
            [xy(s, v, y_ticks) for (s, _), v in zip(points, smoothed, strict=True)], SMOOTHED, 2
        )
    elif points:
        x, y = xy(*points[0], y_ticks)
        draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=SMOOTHED)
    if not points and not metrics:
        centred((left + right) / 2, (top + bottom) / 2, "no data yet")
    legend = [("loss (left)", RAW), ("smoothed", SMOOTHED)] if points else []
    for (name, series), colour in zip(metrics.items(), _cycle(EVAL_COLOURS), strict=False):
        coords = [xy(s, v, m_ticks) for s, v in series]
        if len(coords) > 1:
            draw.line(coords, fill=colour, width=2)
        for x, y in coords:
            draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=colour)
        legend.append((f"{name} (right)", colour))

    # legend: one row under the title, centred
    entries = [(name, colour, draw.textlength(name, font=font)) for name, colour in legend]
    x = (width - sum(20 + length + 16 for _, _, length in entries)) / 2
    for name, colour, length in entries:
        draw.line([(x, 31), (x + 16, 31)], fill=colour, width=3)
        draw.text((x + 20, 25), name, fill=INK, font=font)
        x += 20 + length + 16

    png_path = Path(png_path)
    image.save(png_path, format="PNG")
    return png_path


def _metric_series(evals: Sequence[Mapping[str, Any]]) -> dict[str, list[tuple[float, float]]]:
    """Each numeric metric's ``(step, value)`` points, in first-seen order."""
    series: dict[str, list[tuple[float, float]]] = {}
    for entry in evals:
        for name, value in entry.items():
            if name != "step" and isinstance(value, int | float) and not isinstance(value, bool):
                series.setdefault(name, []).append((float(entry["step"]), float(value)))
    return series


def _cycle(colours: Sequence[tuple[int, int, int]]):
    while True:
        yield from colours
