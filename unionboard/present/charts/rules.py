"""The finance rules' charts: each checked figure as % of its limit for one year, and spending groups against caps.

A figure far beyond its limit (visits to members are often four times their floor) would squeeze every other bar
against the axis: the axis stops at `CAP` % and such a bar ends there with its own number written on it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from unionboard.analysis.finance_rules import RuleResult
from unionboard.core.i18n import t
from unionboard.core.text import format_dong, format_number
from unionboard.present.charts.registry import chart
from unionboard.present.charts.style import apply_style, label, millions, money_axis
from unionboard.present.palette import BLUISH_GREEN, DARK, GREY, VERMILLION

STATUS_COLORS = {"ok": BLUISH_GREEN, "violation": VERMILLION, "not_checkable": GREY}
SYMBOLS = {"ok": "✔", "violation": "✖", "not_checkable": "?"}
CAP = 200  # % of the limit where the axis stops
BAR_PX = 56  # height per bar (its name above it)
GROUP_PX = 120  # height per spending group (its name and figures above it, two lines)
GROUP_HEADROOM = 0.4  # of a group's band, kept free above the first group for its text


def checked_years(results: Sequence[RuleResult]) -> list[int]:
    """The years with at least one figure checked against a limit, in order."""
    return sorted({r.year for r in results if r.value is not None and r.limit})


def shown_year(results: Sequence[RuleResult], wanted: int | None = None) -> int | None:
    """The year a one-year chart shows: `wanted` when checked, else the latest checked year before it, else the latest."""
    years = checked_years(results)
    if not years:
        return None
    if wanted is None or wanted in years:
        return wanted if wanted is not None else years[-1]
    before = [y for y in years if y <= wanted]
    return before[-1] if before else years[-1]


def status_word(status: str, lang: str) -> str:
    """A status as the tables show it ("✔ Đạt", "✖ Vi phạm"): the charts' tables are downloaded as they are."""
    return t(f"rules_status_{status}", lang)


def status_of(word: str, lang: str) -> str:
    """The status ("ok", "violation", "not_checkable") a table's word stands for."""
    return next(s for s in STATUS_COLORS if status_word(s, lang) == word)


def _pct(value: float, lang: str) -> str:
    return f"{format_number(value, 1, lang)}%"


def data_rules_chart(results: Sequence[RuleResult], lang: str = "vi", year: int | None = None) -> pd.DataFrame:
    """The checked results with a limit (of `year` only, when given), violations first: the figure, the limit and
    the figure as a percentage of the limit."""
    checked = sorted((r for r in results if r.value is not None and r.limit and (year is None or r.year == year)),
                     key=lambda r: (r.status != "violation", r.year))
    rows = [(r.rule.short(lang) if year is not None else f"{r.rule.short(lang)} · {r.year}",
             status_word(r.status, lang), r.value,
             r.limit, round(100 * r.value / r.limit, 1), r.year) for r in checked]
    return pd.DataFrame(rows, columns=[t("rules_col_rule", lang), t("rules_col_status", lang),
                                       t("rules_col_value", lang), t("rules_col_limit", lang),
                                       t("rules_chart_axis", lang), t("rules_col_year", lang)])


@chart("rules_chart", data_rules_chart)
def rules_chart(table: pd.DataFrame, results: Sequence[RuleResult], lang: str = "vi",
                year: int | None = None) -> go.Figure | None:
    """Horizontal bars of each figure as % of its limit (the limit line at 100 %, the axis stopping at `CAP` %),
    coloured by status and marked ✔/✖, each rule's name above its bar (a y axis would take a phone's width)."""
    if table.empty:
        return None
    name, status, value, limit, pct = table.columns[:5]
    names = [label(v) for v in table[name]]
    fig = go.Figure()
    for key in ("ok", "violation"):
        rows = table[table[status] == status_word(key, lang)]
        if rows.empty:
            continue
        shown = [label(v) for v in rows[name]]
        mark = status_word(key, lang) if key == "violation" else SYMBOLS[key]  # "✖ Vi phạm 114,3%"
        texts = [f"{mark} {_pct(p, lang)}" + (" ▸" if p > CAP else "") for p in rows[pct]]
        hover = [t("rules_display_hover", lang, rule=n, value=format_dong(v, lang=lang),
                   limit=format_dong(lim, lang=lang), pct=format_number(p, 1, lang))
                 for n, v, lim, p in zip(shown, rows[value], rows[limit], rows[pct], strict=True)]
        beyond = [p > CAP for p in rows[pct]]
        fig.add_bar(y=shown, x=[min(p, CAP) for p in rows[pct]], orientation="h", name=status_word(key, lang),
                    marker={"color": STATUS_COLORS[key]},
                    text=texts, textposition=["inside" if b else "outside" for b in beyond], insidetextanchor="end",
                    textfont={"size": 15}, insidetextfont={"color": "white", "size": 15}, cliponaxis=False,
                    customdata=hover, hovertemplate="%{customdata}<extra></extra>")
    for text in names:
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=text, yshift=BAR_PX // 2 - 6, showarrow=False,
                           text=text, font={"size": 14}, bgcolor="rgba(255,255,255,0.85)")
    fig.add_vline(x=100, line_color=DARK, line_dash="dash", line_width=2, layer="above",
                  annotation_text=t("rules_display_limit", lang), annotation_position="top",
                  annotation_font={"size": 13})
    title = (t("rules_display_chart_title", lang, year=year) if year is not None
             else t("rules_display_chart_title_all", lang))
    apply_style(fig, title, height=max(320, 150 + BAR_PX * len(table)))
    fig.update_layout(margin={"l": 10, "r": 60, "t": 70, "b": 60}, bargap=0.55, showlegend=False,
                      xaxis={"title": {"text": t("rules_chart_axis", lang)}, "ticksuffix": "%", "tickformat": ",.0f",
                             "range": [0, CAP * 1.08], "tickvals": [0, 50, 100, 150, 200], "fixedrange": True,
                             "gridcolor": "#E5E5E5"},
                      yaxis={"autorange": "reversed", "visible": False, "automargin": False,
                             "categoryorder": "array", "categoryarray": names, "fixedrange": True})
    return fig


def data_groups_caps(results: Sequence[RuleResult], lang: str = "vi", year: int | None = None) -> pd.DataFrame:
    """Spending by rule group (salaries, visits, other) of `year` against its cap or floor from the kept dues."""
    rows = [(r.rule.short(lang), status_word(r.status, lang), r.value, r.limit, r.year) for r in results
            if r.rule.kind == "group_share" and r.value is not None and r.limit is not None
            and (year is None or r.year == year)]
    return pd.DataFrame(rows, columns=[t("rules_display_col_group", lang), t("rules_col_status", lang),
                                       t("rules_display_col_spent", lang), t("rules_display_col_cap", lang),
                                       t("rules_col_year", lang)])


@chart("groups_caps", data_groups_caps)
def groups_caps(table: pd.DataFrame, results: Sequence[RuleResult], lang: str = "vi",
                year: int | None = None) -> go.Figure | None:
    """Each spending group's amount (a bar in its status colour) against its cap or floor (a dark mark), in triệu
    đồng; the group's name and both figures written above its bar (no number is drawn over a mark)."""
    if table.empty:
        return None
    group, status, spent, cap, when = table.columns
    names = [label(g) if year is not None else f"{label(g)} · {y}" for g, y in zip(table[group], table[when], strict=True)]
    spent_m, cap_m = [millions(v) for v in table[spent]], [millions(v) for v in table[cap]]
    fig = go.Figure()
    fig.add_bar(y=names, x=spent_m, orientation="h", name=t("rules_display_spent", lang),
                marker_color=[STATUS_COLORS[status_of(s, lang)] for s in table[status]],
                customdata=[format_dong(v, lang=lang) for v in table[spent]],
                hovertemplate="%{y}<br>%{customdata}<extra></extra>")
    fig.add_scatter(y=names, x=cap_m, mode="markers", name=t("rules_display_cap", lang),
                    marker={"symbol": "line-ns", "size": 34, "line": {"width": 4, "color": DARK}},
                    customdata=[format_dong(v, lang=lang) for v in table[cap]],
                    hovertemplate="%{y}<br>%{customdata}<extra></extra>")
    for name, state, used, limit in zip(names, table[status], spent_m, cap_m, strict=True):
        text = t("rules_display_groups_line", lang, name=name, symbol=SYMBOLS[status_of(state, lang)],
                 spent=format_number(used, 1, lang), cap=format_number(limit, 1, lang))
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=name, yanchor="bottom", yshift=GROUP_PX // 4 + 2,
                           showarrow=False, text=text, font={"size": 14}, align="left",
                           bgcolor="rgba(255,255,255,0.85)")
    title = (t("rules_display_groups_title", lang, year=year) if year is not None
             else t("rules_display_groups_title_all", lang))
    apply_style(fig, title, height=max(320, 170 + round(GROUP_PX * (len(table) + GROUP_HEADROOM))))
    top = max(max(spent_m), max(cap_m))
    fig.update_layout(margin={"l": 10, "r": 20, "t": 110, "b": 60}, bargap=0.6,
                      xaxis={**money_axis(lang), "range": [0, top * 1.08], "fixedrange": True},
                      # reversed by its range, with room above the first group for its two lines of text (without it
                      # they reached up into the legend on a 720p page)
                      yaxis={"range": [len(names) - 0.5, -0.5 - GROUP_HEADROOM], "visible": False,
                             "automargin": False, "categoryorder": "array", "categoryarray": names,
                             "fixedrange": True},
                      legend={"x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"})
    return fig
