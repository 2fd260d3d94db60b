"""Planning charts: term targets × years heat-map, budget plan against actual, projected balance.

Same conventions as `charts` (`charts/style.py`): pure functions returning `plotly.graph_objects.Figure`;
Vietnamese separators (`separators=",."`), an explicit `tickformat` on every numeric axis, money in
triệu đồng (never "18.8M"), hover texts with the exact amount in đồng; Okabe–Ito colours, statuses
differing in hue and lightness. Each chart is registered once (`PLANNING_CHARTS`): `x(...)` builds
its table with `data_x(...)` and draws the figure from it.
Text from the data (target codes and texts, results, series names) is HTML-escaped (`_label`) before
it enters a figure: Plotly reads a subset of HTML in everything it draws.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from unionboard.core.i18n import system_label, t, value_label
from unionboard.core.models import TermTarget
from unionboard.core.text import SEPARATORS, format_dong, format_number, wrap
from unionboard.domains.term_status import EXCEEDED, MET, NO_DATA, NOT_MET, NOT_YET, TargetProgress
from unionboard.domains.words import REVENUE
from unionboard.present import palette
from unionboard.present.charts import ChartDef, chart, white_template
from unionboard.present.charts.style import FONT_FAMILY, millions, money_axis
from unionboard.present.charts.style import label as _label

STATUS_ORDER = (NO_DATA, NOT_MET, MET, EXCEEDED)  # z = 0..3
STATUS_COLORS = {NO_DATA: palette.LIGHT_GREY, NOT_MET: palette.STATUS_COLORS[NOT_MET],
                 MET: palette.STATUS_COLORS[MET], EXCEEDED: palette.STATUS_COLORS[EXCEEDED]}
NAME_CHARS = 34  # a target's text per line above its cells (fits a 390 px phone)
CELL_PX = 28


def _status_label(status: str, lang: str) -> str:
    if status == NOT_YET:  # a year not reached yet: never late
        return t("period.not_reached", lang)
    return t("plan_no_data", lang) if status == NO_DATA else value_label(status, lang)


def _z(status: str) -> int:
    """The colour index: a year not reached is grey like a year without data (its text says which)."""
    return STATUS_ORDER.index(NO_DATA if status == NOT_YET else status)


def _style(fig: go.Figure, title: str, height: int = 460, lang: str = "vi") -> go.Figure:
    white_template(fig)
    fig.update_layout(
        separators=SEPARATORS["en" if lang == "en" else "vi"], height=height,
        font={"family": FONT_FAMILY, "size": 15, "color": "#222222"},
        title={"text": _label(title), "x": 0.01, "xanchor": "left", "font": {"size": 19}},
        paper_bgcolor="white", plot_bgcolor="white",
        margin={"l": 70, "r": 30, "t": 80, "b": 60},
        # above the plot, where no (two-line) tick label can reach it
        legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": 1.02, "yanchor": "bottom"},
    )
    return fig


# chart key → its definition (data and draw function), as `charts.CHARTS` for the dashboard's charts
PLANNING_CHARTS: dict[str, ChartDef] = {}


# --------------------------------------------------------------------------- heat-map


def data_status_heatmap(items: list[TargetProgress], years: tuple[int, ...], lang: str = "vi") -> pd.DataFrame:
    """Code, text, then each year's result and status."""
    rows = []
    for p in items:
        row = {t("plan_col_code", lang): p.target.code, t("plan_col_text", lang): p.target.text,
               t("plan_col_target", lang): p.target.term_target}
        for y in years:
            row[f"{t('plan_col_result', lang)} {y}"] = p.target.results.get(y, "")
            row[f"{t('plan_col_status', lang)} {y}"] = _status_label(p.statuses.get(y, NO_DATA), lang)
        rows.append(row)
    return pd.DataFrame(rows)


@chart("status_heatmap", data_status_heatmap, registry=PLANNING_CHARTS)
def status_heatmap(table: pd.DataFrame, items: list[TargetProgress], years: tuple[int, ...], lang: str = "vi") -> go.Figure | None:
    """Targets (rows, behind schedule on top) × years, coloured by status, the result written in.

    Each row's code and whole text are written above its cells across the plot's width (a phone has
    no room for them beside the cells); the statuses are a legend above, not a colour bar.
    """
    if not items or not years:
        return None
    z = [[_z(p.statuses.get(y, NO_DATA)) for y in years] for p in items]
    text = [[_label(p.target.results.get(y, "") or (_status_label(NOT_YET, lang)
                                                     if p.statuses.get(y) == NOT_YET else "–"))
             for y in years] for p in items]
    status = [[_label(_status_label(p.statuses.get(y, NO_DATA), lang)) for y in years] for p in items]
    custom = [[[status[i][j], _label(p.target.text), _label(p.target.term_target)] for j in range(len(years))]
              for i, p in enumerate(items)]
    n = len(STATUS_ORDER)
    scale = []
    for i, s in enumerate(STATUS_ORDER):
        scale += [[i / n, STATUS_COLORS[s]], [(i + 1) / n, STATUS_COLORS[s]]]
    names = [wrap(f"{_label(p.target.code)} · {_label(p.target.text)}", NAME_CHARS) for p in items]
    lines = max(name.count("<br>") + 1 for name in names)
    row_px = lines * 22 + CELL_PX + 12
    fig = go.Figure(go.Heatmap(
        z=z, x=[str(y) for y in years], y=list(range(len(items))), text=text, customdata=custom,
        texttemplate="%{text}", zmin=-0.5, zmax=n - 0.5, colorscale=scale, xgap=3, ygap=row_px - CELL_PX,
        showscale=False,
        hovertemplate=(f"<b>%{{customdata[1]}}</b> · %{{x}}<br>{t('plan_col_target', lang)}: "
                       f"%{{customdata[2]}}<br>{t('plan_col_result', lang)}: %{{text}}<br>"
                       f"%{{customdata[0]}}<extra></extra>"),
    ))
    for status_key in reversed(STATUS_ORDER):  # the legend: one square per status
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=_status_label(status_key, lang),
                                 marker={"symbol": "square", "size": 14, "color": STATUS_COLORS[status_key]},
                                 hoverinfo="skip"))
    for index, name in enumerate(names):
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=index - CELL_PX / row_px / 2, yref="y",
                           yanchor="bottom", yshift=-2, text=name, align="left", showarrow=False)
    behind = sum(1 for p in items if p.behind)
    title = (t("plan_heatmap_title_behind", lang, n=behind) if behind
             else t("plan_heatmap_title", lang))
    _style(fig, title, height=120 + row_px * len(items), lang=lang)
    fig.update_layout(margin={"l": 10, "r": 10}, showlegend=True,
                      legend={"y": 0, "yanchor": "top", "x": 0, "xanchor": "left"})  # the years are on top
    fig.update_xaxes(type="category", side="top", tickangle=0, title={"text": ""})
    # each row: its text, then its cells (CELL_PX high, centred in the row by ygap); reversed: row 0 on top
    cell = CELL_PX / row_px
    fig.update_yaxes(showticklabels=False, autorange=False, showgrid=False, zeroline=False,
                     range=[len(items) - 1 + cell / 2 + 0.02, -0.5 - (1 - cell) / 2])
    return fig



# --------------------------------------------------------------------------- plan vs actual


def data_plan_vs_actual(totals: pd.DataFrame, side: str, lang: str = "vi") -> pd.DataFrame:
    """Year, planned, actual, variance (đồng) and variance (%) for one side."""
    part = totals[totals["side"] == side]
    return pd.DataFrame({
        t("plan_col_year", lang): part["year"].astype(int).tolist(),
        t("plan_col_planned", lang): part["planned"].tolist(),
        t("plan_col_actual", lang): part["actual"].tolist(),
        t("plan_col_variance", lang): part["variance"].tolist(),
        t("plan_col_variance_pct", lang): [None if pd.isna(v) else round(float(v), 1)
                                           for v in part["variance_pct"]],
    })


@chart("plan_vs_actual", data_plan_vs_actual, registry=PLANNING_CHARTS)
def plan_vs_actual(table: pd.DataFrame, totals: pd.DataFrame, side: str, lang: str = "vi") -> go.Figure | None:
    """Planned and actual totals per year for revenue or spending, in triệu đồng."""
    part = totals[totals["side"] == side]
    if part.empty:
        return None
    years = [str(int(y)) for y in part["year"]]
    main = palette.SIDE_COLORS[side]
    fig = go.Figure()
    for column, name, color, opacity in (("planned", t("plan_col_planned", lang), palette.LIGHT_GREY, 1.0),
                                         ("actual", t("plan_col_actual", lang), main, 1.0)):
        values = [None if pd.isna(v) else millions(float(v)) for v in part[column]]
        exact = ["–" if pd.isna(v) else format_dong(v, lang=lang) for v in part[column]]
        fig.add_bar(x=years, y=values, name=name, marker={"color": color, "opacity": opacity},
                    customdata=exact, hovertemplate=f"{name} %{{x}}: %{{customdata}}<extra></extra>")
    # a shortfall of revenue or an overspend: written under its year, in the tick label itself, so it can
    # never sit on a bar or on its neighbour's label
    flagged = {y: v for y, v, s in zip(years, part["variance_pct"], part["variance"], strict=True)
               if not pd.isna(s) and not pd.isna(v) and ((side == REVENUE and s < 0) or (side != REVENUE and s > 0))}
    ticks = [f"{y}<br><span style='color:{palette.VERMILLION}'>{variance_text(flagged[y], lang)}</span>"
             if y in flagged else y for y in years]
    key = "plan_vs_actual_revenue" if side == REVENUE else "plan_vs_actual_spending"
    _style(fig, t(key, lang), lang=lang)
    fig.update_layout(barmode="group", yaxis=money_axis(lang),
                      xaxis={"type": "category", "title": {"text": ""}, "tickmode": "array",
                             "tickvals": years, "ticktext": ticks, "tickangle": 0, "tickfont": {"size": 12}})
    return fig


def variance_text(pct: float, lang: str = "vi") -> str:
    """+13,2% / −6,1% (one decimal, a typographic minus; +13.2% in English): actual against plan."""
    text = format_number(abs(float(pct)), 1, lang) + "%"
    return ("−" if pct < 0 else "+") + text



# --------------------------------------------------------------------------- projected balance


def data_projected_balance(series: list[tuple[str, pd.DataFrame]], lang: str = "vi") -> pd.DataFrame:
    """Every series' years with kind, revenue, spending and balance (đồng)."""
    frames = []
    for name, frame in series:
        frames.append(pd.DataFrame({
            t("plan_col_series", lang): name,
            t("plan_col_year", lang): frame["year"].astype(int),
            t("plan_col_kind", lang): [t(f"plan_kind_{k}", lang) for k in frame["kind"]],
            t("plan_col_revenue", lang): frame["revenue"], t("plan_col_spending", lang): frame["spending"],
            t("plan_col_balance", lang): frame["balance"],
        }))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


@chart("projected_balance", data_projected_balance, registry=PLANNING_CHARTS)
def projected_balance(table: pd.DataFrame, series: list[tuple[str, pd.DataFrame]], lang: str = "vi") -> go.Figure | None:
    """Cumulative balance: actual years solid, each projection (pace, plan, scenario) dashed."""
    if not series or series[0][1].empty:
        return None
    fig = go.Figure()
    first = series[0][1]
    actual = first[first["kind"] == "actual"]
    fig.add_scatter(x=actual["year"].astype(str), y=millions(actual["balance"]), mode="lines+markers",
                    name=t("plan_kind_actual", lang), line={"color": palette.DARK, "width": 3},
                    customdata=[format_dong(v, lang=lang) for v in actual["balance"]],
                    hovertemplate="%{x}: %{customdata}<extra></extra>")
    colors = (palette.BLUE, palette.ORANGE, palette.REDDISH_PURPLE, palette.BLUISH_GREEN)
    dashes = ("dash", "dot", "dashdot", "longdash")
    for i, (name, frame) in enumerate(series):
        projected = frame[frame["kind"] == "projected"]
        if projected.empty:
            continue
        joined = pd.concat([actual.tail(1), projected]) if not actual.empty else projected
        fig.add_scatter(x=joined["year"].astype(str), y=millions(joined["balance"]), mode="lines+markers",
                        name=_label(name), line={"color": colors[i % 4], "dash": dashes[i % 4], "width": 3},
                        customdata=[format_dong(v, lang=lang) for v in joined["balance"]],
                        hovertemplate=f"{_label(name)} %{{x}}: %{{customdata}}<extra></extra>")
    end = first.iloc[-1]
    _style(fig, t("plan_balance_title", lang, year=int(end["year"]), amount=format_dong(end["balance"], lang=lang)),
           lang=lang)
    fig.update_layout(yaxis=money_axis(lang), xaxis={"type": "category", "title": {"text": ""}})
    return fig



# --------------------------------------------------------------------------- tables and messages


def _number(value: object, decimals: int = 0, lang: str = "vi") -> str:
    return "" if value is None or pd.isna(value) else format_number(float(value), decimals, lang)


def applies_text(target: TermTarget, lang: str = "vi") -> str:
    """'Hàng năm', 'Cả nhiệm kỳ, kết quả từng năm' or '…, kết quả lũy kế': how its results add up."""
    if target.per_year:
        return t("period.applies_per_year", lang)
    return t("period.applies_running" if target.cumulative else "period.applies_whole_term", lang)


def data_progress(items: list[TargetProgress], lang: str = "vi") -> pd.DataFrame:
    """One row per target (behind schedule first): target, latest result and status, on track, projection."""
    on_track = {True: t("plan_on_track_yes", lang), False: t("plan_on_track_no", lang),
                None: t("plan_no_data", lang)}
    return pd.DataFrame({
        t("plan_col_code", lang): [p.target.code for p in items],
        t("plan_col_text", lang): [p.target.text for p in items],
        t("plan_col_unit", lang): [p.target.unit for p in items],
        t("plan_col_target", lang): [p.target.term_target for p in items],
        t("period.col_applies", lang): [applies_text(p.target, lang) for p in items],
        t("plan_col_latest", lang): [f"{p.target.results.get(p.latest_year, '')} ({p.latest_year})"
                                     if p.latest_year else "" for p in items],
        t("plan_col_status", lang): [_status_label(p.latest_status, lang) for p in items],
        t("plan_col_on_track", lang): [on_track[p.on_track] for p in items],
        t("plan_col_projection", lang): [_number(p.projection, 1, lang) for p in items],
    })


def data_variance(detail: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """Plan against actual per year, side and item, amounts as Vietnamese text (đồng)."""
    return pd.DataFrame({
        t("plan_col_year", lang): detail["year"].astype(int).astype(str),
        t("plan_col_side", lang): [t(f"plan_side_{s}", lang) for s in detail["side"]],
        t("plan_col_item", lang): [system_label(item, lang) for item in detail["item"]],
        t("plan_col_planned", lang): [_number(v, 0, lang) for v in detail["planned"]],
        t("plan_col_actual", lang): [_number(v, 0, lang) for v in detail["actual"]],
        t("plan_col_variance", lang): [_number(v, 0, lang) for v in detail["variance"]],
        t("plan_col_variance_pct", lang): [_number(v, 1, lang) for v in detail["variance_pct"]],
    })


def warning_text(warning, lang: str = "vi") -> str:
    """A planning.BudgetWarning as a sentence in `lang`."""
    pct = "" if warning.pct is None else _number(warning.pct, 1, lang) + "%"
    text = t(f"plan_warn_{warning.kind}", lang, year=warning.year, item=warning.item,
             amount=format_dong(warning.amount), pct=pct)
    if warning.kind == "negative_balance" and warning.no_opening:
        text += " " + t("plan_warn_no_opening", lang)
    return text
