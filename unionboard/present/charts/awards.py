"""The awards' charts: awards per level and per year, collective and individual stacked.

Awards given for a period ("2011–2013") are NOT counted at their end year in `awards_by_year`:
each period gets its own bucket after the years ("Giai đoạn 2011–2013"), because piling
term-long awards onto the last year would misstate when they were earned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go

from unionboard.analysis import findings
from unionboard.core.models import AWARD_LEVELS, RECIPIENT_TYPES, Award
from unionboard.present import palette
from unionboard.present.charts.registry import chart
from unionboard.present.charts.style import (
    BASE_FONT_SIZE,
    MIN_HEIGHT,
    apply_style,
    category_axis,
    chart_title,
    cols,
    count_axis,
    label,
    labels,
    term,
    wrap_label,
)


def _stacked_awards(data: pd.DataFrame, bucket_col: str, title: str, lang: str) -> go.Figure:
    """Horizontal bars stacked by recipient, one row per bucket (level, year or period) in the table's order."""
    buckets = list(dict.fromkeys(data[bucket_col]))
    c, lab = cols(lang), labels(lang)
    fig = go.Figure()
    present = list(dict.fromkeys(data[c["recipient"]]))
    known = [term(r, lang) for r in RECIPIENT_TYPES]
    for recipient in sorted(present, key=lambda r: known.index(r) if r in known else len(known)):
        part = data[data[c["recipient"]] == recipient]
        counts = [int(v) for v in part[c["awards"]]]
        color = next((col for key, col in palette.RECIPIENT_COLORS.items() if term(key, lang) == recipient),
                     palette.GREY)
        fig.add_trace(go.Bar(
            y=[wrap_label(label(b), 18) for b in part[bucket_col]], x=counts, name=label(recipient),
            orientation="h", marker={"color": color}, text=counts, texttemplate="%{text:,d}",
            textposition="inside", textangle=0, insidetextanchor="middle",
            textfont={"color": "white" if color == palette.BLUE else "#222222"},
            customdata=[[label(b), label(recipient)] for b in part[bucket_col]],
            hovertemplate="<b>%{customdata[0]}</b> · %{customdata[1]}<br>%{x:,d}<extra></extra>"))
    # Horizontal: each level or period names its row on the left, whole, at any width.
    totals = data.groupby(bucket_col, sort=False)[c["awards"]].sum()
    rows = [wrap_label(label(b), 18) for b in buckets]
    for index, bucket in enumerate(buckets):  # by position: a year such as "2013" would be read as a number
        total = int(totals.get(bucket, 0))
        fig.add_annotation(x=total, y=index, xanchor="left", xshift=6, showarrow=False, text=f"{total}",
                           font={"size": BASE_FONT_SIZE})
    maximum = max((int(v) for v in totals.values), default=1)
    fig.update_layout(barmode="stack", bargap=0.3,
                      yaxis={**category_axis("", rows), "autorange": "reversed"},
                      xaxis=count_axis(lab["award_count"], maximum * 1.18))
    apply_style(fig, title, height=max(MIN_HEIGHT + 60, 150 + 48 * len(rows)))
    fig.update_layout(margin_l=10)
    return fig


def _award_rows(awards: Sequence[Award], key: Callable[[Award], str], lang: str,
                bucket_col: str) -> pd.DataFrame:
    c = cols(lang)
    sums: dict[tuple[str, str], int] = {}
    for a in awards or ():
        k = (key(a), term(a.recipient_type, lang))
        sums[k] = sums.get(k, 0) + int(a.count)
    return pd.DataFrame([(b, r, n) for (b, r), n in sums.items()],
                            columns=[bucket_col, c["recipient"], c["awards"]])


def data_awards_by_level(awards: Sequence[Award], lang: str = "vi") -> pd.DataFrame:
    """Award count per level (ordered as models.AWARD_LEVELS) and recipient type."""
    c = cols(lang)
    frame = _award_rows(awards, lambda a: a.level, lang, c["level"])
    order = {lvl: i for i, lvl in enumerate(AWARD_LEVELS)}
    frame["_o"] = [order.get(v, len(order)) for v in frame[c["level"]]]
    frame = frame.sort_values("_o", kind="stable").drop(columns="_o")
    frame[c["level"]] = [term(v, lang) for v in frame[c["level"]]]
    return frame.reset_index(drop=True)


@chart("awards_by_level", data_awards_by_level)
def awards_by_level(table: pd.DataFrame, awards: Sequence[Award], lang: str = "vi") -> go.Figure:
    """Stacked bars (collective / individual): sum of award counts per level, lowest level first."""
    title = chart_title("awards_by_level", findings.awards_level_finding(awards, lang), lang)
    return _stacked_awards(table, cols(lang)["level"], title, lang)


def award_bucket(award: Award, lang: str = "vi") -> str:
    """'2014' for a single year, 'Giai đoạn 2011–2013' for a period, 'Không rõ năm' otherwise."""
    lab = labels(lang)
    if award.period:
        return lab["period"].format(period=award.period)
    if award.year is not None:
        return str(award.year)
    return lab["unknown_year"]


def _bucket_order(award: Award) -> tuple:
    if award.period:
        start = award.period.split("–")[0]
        return (1, award.year or 0, start)
    if award.year is not None:
        return (0, award.year, "")
    return (2, 0, "")


def data_awards_by_year(awards: Sequence[Award], lang: str = "vi") -> pd.DataFrame:
    """Award count per year, then per period (own bucket, not folded into the end year), by recipient."""
    c = cols(lang)
    ordered = sorted(awards or (), key=_bucket_order)
    frame = _award_rows(ordered, lambda a: award_bucket(a, lang), lang, c["bucket"])
    return frame


@chart("awards_by_year", data_awards_by_year)
def awards_by_year(table: pd.DataFrame, awards: Sequence[Award], lang: str = "vi") -> go.Figure:
    """Stacked bars per year; awards given for a period get a bucket of their own after the years."""
    title = chart_title("awards_by_year", findings.awards_year_finding(awards, lang), lang)
    return _stacked_awards(table, cols(lang)["bucket"], title, lang)
