"""The scorecard's charts, drawn by matplotlib on the hub as PNG images: nothing runs in the
browser (the pages' CSP allows no script) and nothing is fetched from the internet. Only the
object-oriented API (Figure, no pyplot), which keeps no global state between the requests of
a worker's threads. DejaVu Sans, matplotlib's own font, has every Vietnamese letter.
"""

from __future__ import annotations

import io
from functools import lru_cache

from matplotlib.figure import Figure

from sync.server.web.scores import Line, Scorecard, percent

BLUE, GREEN, ORANGE, GREY = "#1f5f8b", "#2e7d32", "#ef6c00", "#9e9e9e"
CHANNELS = (("channel_counter", "Trực tiếp", BLUE), ("channel_online", "Trực tuyến", GREEN),
            ("channel_post", "Bưu chính công ích", ORANGE))
DPI = 100
# Past this many communes the bars go without their figures (the table has them): each text
# costs as much to draw as a bar chart of its own.
LABELLED_COMMUNES = 25
# Drawn communes' charts kept by what they show: at a hundred communes drawing one takes half
# a second, and the figures change only when events come or a dossier falls overdue. The key
# is the chart's whole input, so a change of any figure draws it again.
_KEPT_CHARTS = 32


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, bbox_inches="tight")
    return out.getvalue()


def _percent_axis(axis) -> None:
    axis.set_major_formatter(lambda value, _pos: f"{value:.0f} %")


def on_time_by_month(card: Scorecard, scope: str) -> bytes:
    """Bars of the on-time rate of each month of the period's year (no bar: nothing judged)."""
    figure = Figure(figsize=(7.2, 3.2))
    axes = figure.add_subplot()
    labels = [f"T{int(month[5:])}" for month, _ in card.by_month]
    rates = [figures.on_time_rate for _, figures in card.by_month]
    chosen = set(card.period.months)
    bars = axes.bar(labels, [0 if r is None else r * 100 for r in rates],
                    color=[BLUE if month in chosen else GREY for month, _ in card.by_month])
    axes.bar_label(bars, labels=["" if r is None else f"{r * 100:.0f}" for r in rates],
                   fontsize=8)
    axes.set_ylim(0, 110)
    _percent_axis(axes.yaxis)
    axes.set_title(f"Tỷ lệ giải quyết đúng hạn theo tháng, năm {card.period.year} – {scope}",
                   fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def channels(line: Line, period_label: str) -> bytes:
    """One bar cut in the shares of the dossiers received by each channel."""
    figure = Figure(figsize=(7.2, 1.9))
    axes = figure.add_subplot()
    received = line.figures.counts["received"]
    left = 0.0
    for name, label, colour in CHANNELS:
        share = line.figures.channel_share(name) or 0.0
        axes.barh([0], [share * 100], left=left, color=colour,
                  label=f"{label}: {line.figures.counts[name]} ({percent(share)})")
        left += share * 100
    axes.set_xlim(0, 100)
    axes.set_yticks([])
    _percent_axis(axes.xaxis)
    axes.set_title(f"Hồ sơ tiếp nhận theo kênh, {period_label} – {line.name} "
                   f"({received} hồ sơ)", fontsize=10)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=3, fontsize=8,
                frameon=False)
    axes.spines[["top", "right", "left"]].set_visible(False)
    return _png(figure)


def communes(card: Scorecard) -> bytes:
    """The communes side by side: on-time rate of the period, highest first."""
    rated = sorted(card.communes, key=lambda line: (-(line.figures.on_time_rate or -1),
                                                   line.name))
    return _communes(tuple(line.name for line in rated),
                     tuple(line.figures.on_time_rate for line in rated), card.period.label)


@lru_cache(maxsize=_KEPT_CHARTS)
def _communes(names: tuple[str, ...], rates: tuple[float | None, ...], label: str) -> bytes:
    figure = Figure(figsize=(7.2, 1.2 + 0.2 * max(len(names), 1)))
    axes = figure.add_subplot()
    names, rates = names[::-1], rates[::-1]
    # Numbered positions and the names as tick labels: matplotlib's categorical axis took a
    # third longer at a hundred communes.
    bars = axes.barh(range(len(names)), [0 if r is None else r * 100 for r in rates],
                     color=BLUE)
    axes.set_yticks(range(len(names)), names, fontsize=8)
    axes.set_ylim(-0.6, len(names) - 0.4)
    if len(names) <= LABELLED_COMMUNES:
        axes.bar_label(bars, labels=[percent(r) for r in rates], fontsize=8, padding=3)
    axes.set_xlim(0, 125)
    axes.set_xticks(range(0, 101, 20))
    _percent_axis(axes.xaxis)
    axes.set_title(f"Tỷ lệ đúng hạn theo xã, {label}", fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)
