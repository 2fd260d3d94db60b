"""The targets' charts: each numeric target's result against its target, and targets per status."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from unionboard.analysis import findings
from unionboard.core.models import STATUSES, Target
from unionboard.core.text import format_number, plotly_text, wrap
from unionboard.present import palette
from unionboard.present.charts.registry import chart
from unionboard.present.charts.style import (
    BASE_FONT_SIZE,
    DONUT_TEXT,
    PERCENT_TICKFORMAT,
    apply_style,
    category_axis,
    centre,
    chart_title,
    cols,
    label,
    labels,
    style_donut,
    term,
)


def _format_value(value: float) -> str:
    return format_number(value, 0 if float(value).is_integer() else 1)


def target_label(target: Target, lang: str = "vi") -> str:
    """'8/2 người', '100%/100%', '5/5 đợt' (result/target with the unit)."""
    result, goal = _format_value(target.result_value or 0), _format_value(target.target_value or 0)
    unit = target.unit.strip()
    if "%" in unit or target.target.strip().endswith("%"):
        return f"{result}%/{goal}%"
    unit = term(unit.lower(), lang) if unit else ""
    return f"{result}/{goal} {unit}".strip()


def data_targets_bullets(targets: Sequence[Target], lang: str = "vi") -> pd.DataFrame:
    """The numeric targets: text, unit, target, result, result as % of target, status."""
    c = cols(lang)
    rows = [(t.text, t.unit, t.target_value, t.result_value, round(findings.target_ratio(t), 1),
             term(t.status, lang)) for t in targets or () if findings.target_ratio(t) is not None]
    return pd.DataFrame(rows, columns=[c["target_text"], c["unit"], c["target"], c["result"],
                                       c["ratio"], c["status"]])


def _name_and_result(name: str, result: str, width: int) -> str:
    """'name — <b>8/2 người</b>' broken into lines of about `width` characters, the result kept whole."""
    glue = "\x00"
    lines = wrap(f"{plotly_text(name)} — {plotly_text(result).replace(' ', glue)}", width).split("<br>")
    head, _, last = lines[-1].rpartition(" ")
    lines[-1] = f"{head} <b>{last}</b>".strip()
    return "<br>".join(lines).replace(glue, " ")


def targets_figure(targets: Sequence[Target], lang: str = "vi", *, name_chars: int = 32,
                   font_size: int = BASE_FONT_SIZE, bar_px: int = 22, beside: float = 0) -> go.Figure:
    """One horizontal bar per numeric target (result as % of target, coloured by status, the target
    at 100% a dashed line), each target's whole text with its result written above its bar.

    The text spans the plot's width instead of sitting on the axis, so a long target is read whole on
    a phone (`name_chars` per line, `font_size` px); rows grow with the longest text. `beside` (a
    share of the width, for a wide slide) puts the text left of the bars instead, rows as high as it.
    """
    lab = labels(lang)
    numeric = [t for t in targets or () if findings.target_ratio(t) is not None]
    texts = [_name_and_result(t.text, target_label(t, lang), name_chars) for t in numeric]
    rows = [str(i) for i in range(len(numeric))]
    lines = max((text.count("<br>") + 1 for text in texts), default=1)
    row_px = lines * round(font_size * 1.45) + (14 if beside else bar_px + 18)
    fig = go.Figure()
    for status in STATUSES:
        picked = [(r, t) for r, t in zip(rows, numeric, strict=True) if t.status == status]
        if not picked:
            continue
        fig.add_trace(go.Bar(
            y=[r for r, _ in picked], x=[findings.target_ratio(t) for _, t in picked], orientation="h",
            width=bar_px / row_px, name=label(term(status, lang)), marker={"color": palette.status_color(status)},
            text=[label(target_label(t, lang)) for _, t in picked], textposition="none",
            customdata=[[label(t.text), label(target_label(t, lang)), label(term(status, lang))]
                        for _, t in picked],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} · %{x:,.0f}%"
                          "<br>%{customdata[2]}<extra></extra>"))
    for row, text in enumerate(texts):  # by position on the category axis
        fig.add_annotation(x=0, xref="paper", xanchor="left", xshift=0 if beside else 6, y=row, yref="y",
                           yanchor="middle" if beside else "bottom", yshift=0 if beside else bar_px / 2 + 2,
                           text=text, align="left", showarrow=False, font={"size": font_size})
    top = max((findings.target_ratio(t) for t in numeric), default=100)
    half = bar_px / row_px / 2 + 0.06
    for row in range(len(rows)):  # the target's mark across each bar only, never through a text
        fig.add_shape(type="line", x0=100, x1=100, y0=row - half, y1=row + half, xref="x", yref="y",
                      line={"color": "#222222", "width": 3, "dash": "dot"})
    # the dashed line's name in the legend (a label on the line would sit on the first target's text)
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=f"{lab['target_marker']} (100%)",
                             line={"color": "#222222", "width": 3, "dash": "dot"}, hoverinfo="skip"))
    fig.update_layout(
        barmode="overlay",
        xaxis={"title": {"text": lab["ratio_axis"]}, "tickformat": PERCENT_TICKFORMAT,
               "ticksuffix": "%", "range": [0, max(120, top * 1.08)], "gridcolor": "#E5E5E5",
               "zeroline": True, "zerolinecolor": "#555555"},
        yaxis={**category_axis("", rows), "autorange": False, "showticklabels": False, "automargin": False,
               "range": [len(rows) - 0.5, -0.5] if beside else
               [len(rows) - 0.5 + bar_px / row_px / 2, -0.5 - (row_px - bar_px) / row_px / 2]},
        height=180 + row_px * len(rows))
    if beside:
        fig.update_xaxes(domain=[beside, 1])
    return fig


@chart("targets_bullets", data_targets_bullets)
def targets_bullets(table: pd.DataFrame, targets: Sequence[Target], lang: str = "vi") -> go.Figure:
    """The targets' results (see `targets_figure`) with the page's style and finding title."""
    fig = targets_figure(targets, lang)
    apply_style(fig, chart_title("targets_bullets", findings.numeric_targets_finding(targets, lang), lang),
           height=fig.layout.height)
    fig.update_layout(margin={"l": 10, "r": 20})
    return fig


def data_targets_status_donut(targets: Sequence[Target], lang: str = "vi") -> pd.DataFrame:
    """The targets donut's table: targets per status."""
    c = cols(lang)
    counts = {s: sum(1 for t in targets or () if t.status == s) for s in STATUSES}
    return pd.DataFrame({c["status"]: [term(s, lang) for s in counts],
                         c["targets"]: list(counts.values())})


@chart("targets_status_donut", data_targets_status_donut)
def targets_status_donut(table: pd.DataFrame, targets: Sequence[Target], lang: str = "vi") -> go.Figure:
    """Donut of the targets per status, the target count in its centre."""
    c, lab = cols(lang), labels(lang)
    data = table
    keep = [(s, n) for s, n in zip(STATUSES, data[c["targets"]], strict=True) if n]
    fig = go.Figure(go.Pie(
        labels=[f"{label(term(s, lang))} · {n}" for s, n in keep], values=[int(n) for _, n in keep], hole=0.55,
        sort=False, direction="clockwise",
        marker={"colors": [palette.status_color(s) for s, _ in keep], "line": {"color": "white", "width": 2}},
        texttemplate="%{value}", **DONUT_TEXT,
        hovertemplate="<b>%{label}</b><br>%{value} " + lab["targets"] + " (%{percent:.1%})<extra></extra>"))
    centre(fig, f"{len(targets or ())}<br>{lab['targets']}")
    return style_donut(fig, chart_title("targets_status_donut", findings.targets_finding(targets, lang), lang))
