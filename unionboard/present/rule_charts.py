"""The finance rules shown: the results table (status by word and symbol) and the figures-against-limits chart."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from unionboard.analysis.finance_rules import RuleResult
from unionboard.core.i18n import t
from unionboard.core.text import format_dong, plotly_text
from unionboard.present.charts import Chart, shared_style, white_template
from unionboard.present.palette import BLUISH_GREEN, GREY, VERMILLION

STATUS_COLORS = {"ok": BLUISH_GREEN, "violation": VERMILLION, "not_checkable": GREY}
SYMBOLS = {"ok": "✔", "violation": "✖", "not_checkable": "?"}


def status_text(status: str, lang: str) -> str:
    """The status as symbol + word ("✔ Đạt", "✖ Vi phạm", "? Không kiểm được")."""
    return t(f"rules_status_{status}", lang)


def _amount(value: float | None) -> str:
    return "" if value is None else format_dong(value)


def rules_table(results: Sequence[RuleResult], lang: str = "vi") -> pd.DataFrame:
    """One row per rule and year: status, figure, limit, decision (with article), missing lines, basis."""
    rows = []
    for r in results:
        decision = r.rule.decision + (f", {r.rule.article}" if r.rule.article else "")
        rows.append((r.year, status_text(r.status, lang), r.rule.title(lang), _amount(r.value),
                     _amount(r.limit), decision, "; ".join(r.missing), t(f"rules_basis_{r.basis}", lang)))
    keys = ("year", "status", "rule", "value", "limit", "decision", "missing", "basis")
    return pd.DataFrame(rows, columns=[t(f"rules_col_{k}", lang) for k in keys])


def counts(results: Sequence[RuleResult]) -> dict[str, int]:
    """How many results have each status."""
    return {s: sum(1 for r in results if r.status == s) for s in ("ok", "violation", "not_checkable")}


def data_rules_chart(results: Sequence[RuleResult], lang: str = "vi") -> pd.DataFrame:
    """The checked results with a limit: the figure as a percentage of the limit."""
    checked = sorted((r for r in results if r.value is not None and r.limit),
                     key=lambda r: (r.status != "violation", r.year))  # violations first
    rows = [(f"{r.rule.short(lang)} · {r.year}", r.status, r.value, r.limit, round(100 * r.value / r.limit, 1))
            for r in checked]
    return pd.DataFrame(rows, columns=[t("rules_col_rule", lang), t("rules_col_status", lang),
                                       t("rules_col_value", lang), t("rules_col_limit", lang),
                                       t("rules_chart_axis", lang)])


def rules_chart(results: Sequence[RuleResult], lang: str = "vi") -> Chart | None:
    """Horizontal bars of each figure as % of its limit, coloured by status and marked ✔/✖ (None: nothing checked)."""
    table = data_rules_chart(results, lang)
    if table.empty:
        return None
    label, status, pct = table.columns[0], table.columns[1], table.columns[4]
    fig = go.Figure()
    for key in ("ok", "violation"):
        part = table[table[status] == key]
        if part.empty:
            continue
        fig.add_bar(
            y=[plotly_text(v) for v in part[label]], x=part[pct], orientation="h", name=status_text(key, lang),
            marker_color=STATUS_COLORS[key],
            text=[f"{SYMBOLS[key]} {v:.1f}%".replace(".", ",") if lang == "vi" else f"{SYMBOLS[key]} {v:.1f}%"
                  for v in part[pct]],
            textposition="outside", cliponaxis=False,
            hovertemplate="%{y}: %{x}%<extra></extra>")
    for name in table[label]:  # the name above its bar, across the plot: a y axis would take a phone's width
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=plotly_text(name), yshift=20, showarrow=False,
                           text=plotly_text(name), font={"size": 13}, bgcolor="rgba(255,255,255,0.85)")
    fig.add_vline(x=100, line_color="#222222", line_dash="dash", layer="below")
    white_template(fig)
    shared_style(fig)
    fig.update_layout(title={"text": t("rules_chart_title", lang)}, height=max(300, 110 + 56 * len(table)),
                      margin={"l": 10, "r": 20, "t": 60, "b": 50}, bargap=0.6,
                      xaxis={"title": {"text": t("rules_chart_axis", lang)}, "ticksuffix": "%",
                             "range": [0, max(150.0, float(table[pct].max()) * 1.4)]},
                      yaxis={"autorange": "reversed", "visible": False, "automargin": False, "categoryorder": "array",
                             "categoryarray": [plotly_text(v) for v in table[label]]},
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "xanchor": "left"})
    return Chart(fig, table)
