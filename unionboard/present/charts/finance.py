"""The finance charts: revenue and spending by year and by share, the balance by year, the term's waterfall."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from unionboard.analysis import findings
from unionboard.core.i18n import system_label
from unionboard.core.models import Finance
from unionboard.core.text import format_dong
from unionboard.present import palette
from unionboard.present.charts.registry import chart
from unionboard.present.charts.style import (
    BASE_FONT_SIZE,
    DONUT_TEXT,
    MIN_HEIGHT,
    apply_style,
    category_axis,
    centre,
    chart_title,
    cols,
    label,
    labels,
    million_text,
    millions,
    money_axis,
    style_donut,
    wrap_label,
)


def _data_by_year(finance: Finance, side: str, lang: str) -> pd.DataFrame:
    c = cols(lang)
    item_col = c["source"] if side == "revenue" else c["category"]
    table = finance.table(side)
    rows = [(int(year), str(system_label(item, lang)), int(table.loc[item, year]))
            for item in table.index for year in table.columns]
    return pd.DataFrame(rows, columns=[c["year"], item_col, c["amount"]])


def data_revenue_by_year(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """One row per (year, source): amount in đồng (0 where the report has a blank)."""
    return _data_by_year(finance, "revenue", lang)


def data_spending_by_year(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """One row per (year, category): amount in đồng (0 where the report has a blank)."""
    return _data_by_year(finance, "spending", lang)


def _stacked_by_year(finance: Finance, side: str, data: pd.DataFrame, title: str,
                     lang: str) -> go.Figure:
    c = cols(lang)
    item_col = data.columns[1]
    colors = palette.colors_for(finance, side)
    years = [str(y) for y in finance.years]
    fig = go.Figure()
    for stored in finance.items(side):
        item = system_label(stored, lang)  # "(Không rõ khoản mục)" in the display language
        part = data[data[item_col] == item]
        amounts = [int(v) for v in part[c["amount"]]]
        fig.add_trace(go.Bar(
            x=[str(y) for y in part[c["year"]]], y=[millions(a) for a in amounts], name=label(item),
            marker={"color": colors[stored], "line": {"color": "white", "width": 1}},
            customdata=[[format_dong(a, lang=lang), label(item)] for a in amounts],
            hovertemplate="<b>%{customdata[1]}</b><br>%{x}: %{customdata[0]}<extra></extra>"))
    totals = finance.by_year(side)
    for index, year in enumerate(finance.years):
        # on a category axis a numeric-looking x ("2013") would be read as an index: pass the index
        fig.add_annotation(x=index, y=millions(totals[year]), yshift=14, showarrow=False,
                           text=million_text(totals[year], lang=lang),
                           font={"size": BASE_FONT_SIZE})
    fig.update_layout(barmode="stack", bargap=0.3, xaxis=category_axis("", years),
                      yaxis=money_axis(lang))
    return apply_style(fig, title)


@chart("revenue_by_year", data_revenue_by_year)
def revenue_by_year(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Stacked bars: each source per year, in triệu đồng; the year's total above each bar."""
    return _stacked_by_year(finance, "revenue", table,
                            chart_title("revenue_by_year", findings.most_stable_source(finance, lang), lang),
                            lang)


@chart("spending_by_year", data_spending_by_year)
def spending_by_year(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Stacked bars: each spending category per year, in triệu đồng."""
    return _stacked_by_year(finance, "spending", table,
                            chart_title("spending_by_year", findings.peak_spending_year(finance, lang), lang),
                            lang)


def _data_share(finance: Finance, side: str, lang: str) -> pd.DataFrame:
    c = cols(lang)
    totals = finance.by_item(side)
    whole = sum(totals.values()) or 1
    return pd.DataFrame({c["source"] if side == "revenue" else c["category"]:
                         [system_label(item, lang) for item in totals],
                         c["amount"]: [int(v) for v in totals.values()],
                         c["share"]: [round(v * 100 / whole, 1) for v in totals.values()]})


def data_revenue_share(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """Term total per source in đồng and its share of revenue (%)."""
    return _data_share(finance, "revenue", lang)


def data_spending_share(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """Term total per category in đồng and its share of spending (%)."""
    return _data_share(finance, "spending", lang)


def _share_donut(finance: Finance, side: str, data: pd.DataFrame, title: str, lang: str) -> go.Figure:
    c = cols(lang)
    items = [str(v) for v in data[data.columns[0]]]
    amounts = [int(v) for v in data[c["amount"]]]
    colors = {system_label(k, lang): v for k, v in palette.colors_for(finance, side).items()}
    fig = go.Figure(go.Pie(
        labels=[label(i) for i in items], values=amounts, hole=0.55, sort=False, direction="clockwise",
        marker={"colors": [colors[i] for i in items], "line": {"color": "white", "width": 2}},
        texttemplate="%{percent:.1%}", **DONUT_TEXT,
        customdata=[[format_dong(a, lang=lang)] for a in amounts],
        hovertemplate="<b>%{label}</b><br>%{customdata[0]} (%{percent:.1%})<extra></extra>"))
    total = sum(amounts)
    centre(fig, f"{million_text(total, 2, lang=lang)}<br>{labels(lang)['million']}")
    return style_donut(fig, title)


@chart("revenue_share", data_revenue_share)
def revenue_share(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Donut of the sources over the term (same colours as revenue_by_year)."""
    return _share_donut(finance, "revenue", table,
                        chart_title("revenue_share", findings.largest_source(finance, lang), lang), lang)


@chart("spending_share", data_spending_share)
def spending_share(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Donut of the spending categories over the term (same colours as spending_by_year)."""
    return _share_donut(finance, "spending", table,
                        chart_title("spending_share", findings.largest_category(finance, lang), lang), lang)


BALANCE_LABEL_SHIFT = 8  # px between the year's highest mark and its balance label


def data_balance_by_year(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """Per year: revenue, spending, revenue − spending and the cumulative balance (from the opening balance)."""
    c = cols(lang)
    rev, spend = finance.by_year("revenue"), finance.by_year("spending")
    cumulative = finance.cumulative_balance()
    years = list(finance.years)
    return pd.DataFrame({
        c["year"]: years,
        c["revenue"]: [int(rev.get(y, 0)) for y in years],
        c["spending"]: [int(spend.get(y, 0)) for y in years],
        c["difference"]: [int(rev.get(y, 0) - spend.get(y, 0)) for y in years],
        c["cumulative"]: [int(cumulative[y]) for y in years],
    })


@chart("balance_by_year", data_balance_by_year)
def balance_by_year(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Grouped revenue and spending bars per year + the cumulative balance as a line (may go below 0)."""
    c, lab = cols(lang), labels(lang)
    data = table
    years = [str(y) for y in data[c["year"]]]
    fig = go.Figure()
    for key in ("revenue", "spending"):
        amounts = [int(v) for v in data[c[key]]]
        fig.add_trace(go.Bar(
            x=years, y=[millions(a) for a in amounts], name=lab[key],
            marker={"color": palette.SIDE_COLORS[key]},
            customdata=[[format_dong(a, lang=lang)] for a in amounts],
            hovertemplate="<b>" + lab[key] + "</b><br>%{x}: %{customdata[0]}<extra></extra>"))
    balances = [int(v) for v in data[c["cumulative"]]]
    revenue, spending = ([int(v) for v in data[c[key]]] for key in ("revenue", "spending"))
    fig.add_trace(go.Scatter(
        x=years, y=[millions(b) for b in balances], name=lab["cumulative"], mode="lines+markers",
        line={"color": palette.SIDE_COLORS["balance"], "width": 3},
        marker={"size": 12, "color": [palette.VERMILLION if b < 0 else palette.SIDE_COLORS["balance"]
                                      for b in balances],
                "line": {"color": "white", "width": 2}},
        customdata=[[format_dong(b, lang=lang)] for b in balances],
        hovertemplate="<b>" + lab["cumulative"] + "</b><br>%{x}: %{customdata[0]}<extra></extra>"))
    # The balance's values (two decimals, as the title writes them: "2,16") sit in a boxed label above
    # the year's highest mark (its bars and its point), so a label never covers a marker or a bar.
    tops = [max(b, r, s, 0) for b, r, s in zip(balances, revenue, spending, strict=True)]
    # x by position: on a category axis an annotation's x "2023" is read as the 2024th category
    for column, (balance, top) in enumerate(zip(balances, tops, strict=True)):
        fig.add_annotation(x=column, y=millions(top), yanchor="bottom", yshift=BALANCE_LABEL_SHIFT,
                           text=million_text(balance, 2, lang=lang), showarrow=False,
                           bgcolor="white", bordercolor=palette.SIDE_COLORS["balance"], borderpad=2,
                           font={"size": BASE_FONT_SIZE, "color": palette.SIDE_COLORS["balance"]})
    low = min([0] + [millions(b) for b in balances])
    high = max([millions(t) for t in tops] + [1])
    money = money_axis(lang)
    money.update(range=[low * 1.1, high * 1.22])  # room above the highest mark for its label
    fig.update_layout(barmode="group", bargap=0.25, xaxis=category_axis("", years), yaxis=money)
    return apply_style(fig, chart_title("balance_by_year", findings.balance_finding(finance, lang), lang))


def data_term_waterfall(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """Steps from the opening balance through each source (+) and category (−) to the closing balance."""
    c, lab = cols(lang), labels(lang)
    rows = [(lab["opening"], lab["kind_opening"], int(finance.opening_balance))]
    rows += [(system_label(item, lang), lab["kind_revenue"], int(v)) for item, v in finance.by_item("revenue").items()]
    rows += [(system_label(item, lang), lab["kind_spending"], -int(v))
             for item, v in finance.by_item("spending").items()]
    running, out = 0, []
    for step, kind, amount in rows:
        running += amount
        out.append((step, kind, amount, running))
    out.append((lab["closing"], lab["kind_closing"], int(finance.closing_balance),
                int(finance.closing_balance)))
    return pd.DataFrame(out, columns=[c["step"], c["kind"], c["amount"], c["running"]])


def _running_totals(measure: list[str], amounts: list[int]) -> list[int]:
    """The waterfall's level after each step (the bar ends an axis must show)."""
    levels, running = [0], 0
    for kind, amount in zip(measure, amounts, strict=True):
        running = amount if kind != "relative" else running + amount
        levels.append(running)
    return levels


@chart("term_waterfall", data_term_waterfall)
def term_waterfall(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """go.Waterfall: opening balance (absolute) → sources (+) → categories (−) → closing (total)."""
    c = cols(lang)
    data = table
    amounts = [int(v) for v in data[c["amount"]]]
    kinds = [label(k) for k in data[c["kind"]]]
    measure = ["absolute"] + ["relative"] * (len(amounts) - 2) + ["total"]
    # the opening and closing balances with two decimals, as the title writes them ("2,16", not "2,2")
    text = [million_text(amount, 1 if kind == "relative" else 2, sign=kind == "relative", lang=lang)
            for kind, amount in zip(measure, amounts, strict=True)]
    steps = [label(v) for v in data[c["step"]]]
    # Horizontal: one row per step, its name on the left and its amount at the bar's end, so no two
    # labels share a place at any width (a vertical waterfall's ten labels collide on a phone).
    fig = go.Figure(go.Waterfall(
        y=[wrap_label(s, 22) for s in steps], x=[millions(a) for a in amounts], measure=measure, orientation="h",
        text=text, textposition="none",  # amounts: a column at the right (below), never over a name
        customdata=[[format_dong(a, lang=lang), s, k] for a, s, k in zip(amounts, steps, kinds, strict=True)],
        hovertemplate="<b>%{customdata[1]}</b> (%{customdata[2]})<br>%{customdata[0]}<extra></extra>",
        increasing={"marker": {"color": palette.SIDE_COLORS["revenue"]}},
        decreasing={"marker": {"color": palette.SIDE_COLORS["spending"]}},
        totals={"marker": {"color": palette.SIDE_COLORS["balance"]}},
        connector={"line": {"color": "#9E9E9E", "width": 1, "dash": "dot"}},
        showlegend=False))
    for row, amount_text in enumerate(text):  # by position on the category axis, never by name
        fig.add_annotation(x=1, xref="paper", xanchor="left", xshift=8, y=row, yref="y", text=amount_text,
                           showarrow=False, font={"size": BASE_FONT_SIZE})
    levels = [millions(v) for v in _running_totals(measure, amounts)]
    money = money_axis(lang)
    money.update(range=[min(0, min(levels)) * 1.05, max(max(levels), 0) * 1.05 or 1])
    fig.update_layout(yaxis={**category_axis(""), "autorange": "reversed"}, xaxis=money,
                      height=max(MIN_HEIGHT + 60, 110 + 44 * len(steps)))
    apply_style(fig, chart_title("term_waterfall", findings.closing_finding(finance, lang), lang))
    fig.update_layout(margin_r=80)
    return fig
