"""Bar charts drawn straight onto a PDF page with fpdf2's vector primitives (rectangles, lines, text).

A chart is data (`BarChart`: categories, series, value format) that knows its height for a given width,
so the page layout can keep it whole on one page, and draws itself at (x, y). Everything stays vector
and every label is real text in the embedded font (selectable, searchable, sharp at any zoom).
Colours come from `present.palette`, so a chart looks like the dashboard's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf import FPDF

from unionboard.core.text import format_number

SANS = "DejaVuSans"
TITLE_PT, LABEL_PT, VALUE_PT = 9, 8, 7
BAR_MM, GAP_MM, LINE_MM = 5.0, 2.2, 4.2
PLOT_MM = 52.0  # height of a column chart's plot area
INK, GRID, MUTED = (26, 26, 26), (200, 200, 200), (90, 90, 90)


@dataclass(frozen=True)
class Series:
    """One series: its name (legend), colour ("#0072B2") and one value per category."""

    name: str
    color: str
    values: tuple[float, ...]
    colors: tuple[str, ...] = ()  # one colour per category (a single series coloured by category)

    def color_at(self, index: int) -> str:
        """The colour of the bar of category `index`."""
        return self.colors[index] if index < len(self.colors) else self.color


def rgb(color: str) -> tuple[int, int, int]:
    """'#0072B2' → (0, 114, 178)."""
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def whole(value: float) -> str:
    """A count: 16 → '16'."""
    return format_number(value)


def one_decimal(value: float) -> str:
    """An amount in millions: 59.777 → '59,8'."""
    return format_number(value, 1)


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5, 5 × 10^k) giving about `ticks` intervals up to `maximum`."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power  # pragma: no cover


def fit_text(pdf: FPDF, text: str, width: float) -> str:
    """`text` cut with '…' so that it fits `width` mm in the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars (one row per category, series stacked) or columns (series side by side)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    columns: bool = False  # True: vertical columns grouped by category (years)
    fmt: Callable[[float], str] = whole

    def _title_lines(self, pdf: FPDF, width: float) -> int:
        pdf.set_font(SANS, "B", TITLE_PT)
        return len(pdf.multi_cell(width, LINE_MM, self.title, dry_run=True, output="LINES"))

    def _legend(self) -> bool:
        return len(self.series) > 1

    def height(self, pdf: FPDF, width: float) -> float:
        """The height (mm) the chart takes at `width`."""
        top = self._title_lines(pdf, width) * LINE_MM + 1.5 + (LINE_MM + 1 if self._legend() else 0)
        if self.columns:
            return top + 3 + PLOT_MM + LINE_MM + 2
        return top + len(self.categories) * (BAR_MM + GAP_MM)

    def draw(self, pdf: FPDF, x: float, y: float, width: float) -> float:
        """Draw at (x, y) with `width`; returns the height used."""
        pdf.set_text_color(*INK)
        pdf.set_font(SANS, "B", TITLE_PT)
        pdf.set_xy(x, y)
        pdf.multi_cell(width, LINE_MM, self.title, align="L")
        top = y + self._title_lines(pdf, width) * LINE_MM + 1.5
        if self._legend():
            self._draw_legend(pdf, x, top)
            top += LINE_MM + 1
        if self.columns:
            self._draw_columns(pdf, x, top + 3, width)  # room for the top tick's label
        else:
            self._draw_bars(pdf, x, top, width)
        pdf.set_text_color(*INK)
        pdf.set_fill_color(255, 255, 255)
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(0.2)
        return self.height(pdf, width)

    def _draw_legend(self, pdf: FPDF, x: float, y: float) -> None:
        pdf.set_font(SANS, "", LABEL_PT)
        for series in self.series:
            pdf.set_fill_color(*rgb(series.color))
            pdf.rect(x, y + 0.9, 3, 3, style="F")
            pdf.set_xy(x + 4, y)
            label_w = pdf.get_string_width(series.name) + 1
            pdf.cell(label_w, LINE_MM, series.name)
            x += 4 + label_w + 4
        pdf.set_fill_color(255, 255, 255)

    def _draw_bars(self, pdf: FPDF, x: float, y: float, width: float) -> None:
        pdf.set_font(SANS, "", LABEL_PT)
        totals = [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]
        label_w = min(max(pdf.get_string_width(c) for c in self.categories) + 2, width * 0.4)
        value_w = max(pdf.get_string_width(self.fmt(v)) for v in totals) + 2
        plot_w = width - label_w - value_w
        top = max(totals) or 1
        for i, category in enumerate(self.categories):
            row_y = y + i * (BAR_MM + GAP_MM)
            pdf.set_font(SANS, "", LABEL_PT)
            pdf.set_text_color(*INK)
            pdf.set_xy(x, row_y)
            pdf.cell(label_w - 2, BAR_MM, fit_text(pdf, category, label_w - 2), align="R")
            left = x + label_w
            for series in self.series:
                w = series.values[i] / top * plot_w
                if w <= 0:
                    continue
                pdf.set_fill_color(*rgb(series.color_at(i)))
                pdf.rect(left, row_y, w, BAR_MM, style="F")
                left += w
            pdf.set_xy(left + 1, row_y)
            pdf.set_font(SANS, "B", VALUE_PT)
            pdf.cell(value_w, BAR_MM, self.fmt(totals[i]))
        pdf.set_draw_color(*MUTED)
        pdf.line(x + label_w, y - 0.5, x + label_w, y + len(self.categories) * (BAR_MM + GAP_MM) - GAP_MM + 0.5)

    def _draw_columns(self, pdf: FPDF, x: float, y: float, width: float) -> None:
        maximum = max((v for s in self.series for v in s.values), default=0)
        step = nice_step(maximum)
        ticks = max(1, math.ceil(maximum / step)) if maximum > 0 else 1
        pdf.set_font(SANS, "", VALUE_PT)
        axis_w = pdf.get_string_width(self.fmt(ticks * step)) + 2
        plot_x, plot_w, base = x + axis_w, width - axis_w, y + PLOT_MM
        scale = PLOT_MM / (ticks * step)
        pdf.set_draw_color(*GRID)
        pdf.set_line_width(0.2)
        for k in range(ticks + 1):
            tick_y = base - k * step * scale
            pdf.line(plot_x, tick_y, plot_x + plot_w, tick_y)
            pdf.set_text_color(*MUTED)
            pdf.set_xy(x, tick_y - LINE_MM / 2)
            pdf.cell(axis_w - 1.5, LINE_MM, self.fmt(k * step), align="R")
        slot = plot_w / max(1, len(self.categories))
        bar = slot * 0.7 / len(self.series)
        widest = max(pdf.get_string_width(self.fmt(v)) for s in self.series for v in s.values)
        labelled = widest <= slot / len(self.series) - 0.5  # value labels only where they cannot collide
        for i, category in enumerate(self.categories):
            left = plot_x + i * slot + slot * 0.15
            for series in self.series:
                value = max(0.0, series.values[i])
                h = value * scale
                pdf.set_fill_color(*rgb(series.color_at(i)))
                pdf.rect(left, base - h, bar, h, style="F")
                if labelled:
                    pdf.set_text_color(*INK)
                    pdf.set_xy(left - 2, base - h - LINE_MM)
                    pdf.cell(bar + 4, LINE_MM, self.fmt(value), align="C")
                left += bar
            pdf.set_font(SANS, "", LABEL_PT)
            pdf.set_xy(plot_x + i * slot, base + 1)
            pdf.cell(slot, LINE_MM, fit_text(pdf, category, slot), align="C")
            pdf.set_font(SANS, "", VALUE_PT)
        pdf.set_draw_color(*MUTED)
        pdf.line(plot_x, base, plot_x + plot_w, base)


def bars(title: str, categories: Sequence[str], series: Sequence[Series], *, columns: bool = False,
         fmt: Callable[[float], str] = whole) -> BarChart | None:
    """A chart, or None when there is nothing to draw (no category or every value zero)."""
    if not categories or not series or not any(v for s in series for v in s.values):
        return None
    return BarChart(title, tuple(categories), tuple(series), columns, fmt)


__all__ = ["BarChart", "Series", "bars", "rgb", "nice_step", "fit_text", "whole", "one_decimal"]
