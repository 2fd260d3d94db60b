"""Chart builders: domain objects → `plotly.graph_objects.Figure`, ready to project in a hall.

Pure functions, no Streamlit. Every builder `x(obj, lang="vi")` calls `data_x(obj, lang)`, the
exact table behind the chart (amounts in đồng, int), which a page can offer for download.

Conventions shared by every figure
- Vietnamese numbers: `separators=",."`; every numeric axis has an explicit `tickformat`
  (never plotly's SI default, which would print "18.8M"); money axes are in triệu đồng.
- Hover texts show the exact amount in đồng ("18.777.000 đ"), pre-formatted in `customdata`.
- Titles state a finding (`unionboard.analysis.findings`), falling back to a neutral title.
- Colours come from `unionboard.present.palette`: one colour per source/category in every chart.
- Every user-facing string is in the catalogue (`core/i18n/charts.py`, keys "chart.*"). Category values
  of the domain (genders, levels, statuses) are translated through the catalogue's value labels; source and
  category names are data and are shown as written.
- Plotly reads a subset of HTML in every text it draws (titles, ticks, legend, annotations,
  text/hover values). Every string that comes from the data passes through `_label` (HTML-escaped,
  drawn literally) before it enters a figure; the builders' own `<br>` are added after that.
  The `data_*` tables keep the text as written.

Awards given for a period ("2011–2013") are NOT counted at their end year in `awards_by_year`:
each period gets its own bucket after the years ("Giai đoạn 2011–2013"), because piling
term-long awards onto the last year would misstate when they were earned.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from unionboard.analysis import findings
from unionboard.analysis.metrics import member_summary
from unionboard.analysis.reference import AgeReference
from unionboard.analysis.unknown import known
from unionboard.core import i18n
from unionboard.core.models import (
    AWARD_LEVELS,
    GENDERS,
    RECIPIENT_TYPES,
    STATUSES,
    Award,
    Finance,
    Roster,
    Target,
)
from unionboard.core.text import SEPARATORS, format_dong, format_number, plotly_text, wrap
from unionboard.core.wording import SAID_KINDS, union_word
from unionboard.present import palette

FONT_FAMILY = "Roboto, 'Noto Sans', 'Segoe UI', Arial, sans-serif"
BASE_FONT_SIZE = 16
TITLE_FONT_SIZE = 20
MONEY_TICKFORMAT = ",.0f"
COUNT_TICKFORMAT = ",d"
PERCENT_TICKFORMAT = ",.0f"
TOP_MARGIN_WITHOUT_TITLE = 30  # px above the plot once the page shows the title
MIN_HEIGHT = 360  # px: a chart never shrinks below this, on a phone either



@functools.cache
def _labels(lang: str) -> dict:
    """The chart labels of `lang` from the catalogue, nested as {"key", "titles": {...}, "columns": {...}}."""
    out: dict = {"titles": {}, "columns": {}}
    for key, text in i18n.table("chart.", lang).items():
        group, _, name = key.partition(".")
        if name and group in out:
            out[group][name] = text
        else:
            out[key] = text
    out["terms"] = dict(i18n.VALUE_LABELS_EN) if lang == "en" else {}
    return out


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True, eq=False)
class Chart:
    """A chart's figure together with the table behind it (for the page's table view and xlsx/csv).

    Attribute access falls through to the figure (`chart.layout`, `chart.data`), so a Chart reads
    like the figure it draws.
    """

    figure: go.Figure
    table: pd.DataFrame

    def __getattr__(self, name: str) -> object:
        return getattr(self.figure, name)


def white_template(fig: go.Figure) -> go.Figure:
    """Give `fig` Plotly's registered "plotly_white" template without validating it again.

    `update_layout(template="plotly_white")` re-validates the whole template (two dozen trace types) on every
    figure, about 40 % of building a chart; the registered template is valid already, so it is assigned the
    way Plotly assigns its default template (validation off for that one property). Same figure JSON.
    """
    layout = fig.layout
    validate = getattr(layout, "_validate", True)
    layout._validate = False
    try:
        layout.template = pio.templates["plotly_white"]
    finally:
        layout._validate = validate
    return fig


def copy_figure(fig: go.Figure) -> go.Figure:
    """An independent copy of a figure built by this module, without validating every property again
    (`go.Figure(fig)` re-validates all of it, the template included: ~10 ms a figure)."""
    return go.Figure(fig.to_dict(), _validate=False)


def take_title(fig: go.Figure) -> tuple[str, go.Figure]:
    """The figure's title as plain text and a copy of the figure without it, the top margin given back.

    Pages show the finding above the chart as page text, which wraps at any width (a Plotly title is
    drawn at one size and is cut when the column is narrower than the server guessed).
    """
    raw = fig.layout.title.text or ""
    title = html.unescape(re.sub(r"<[^>]+>", " ", raw.replace("<br>", " ")))
    title = " ".join(title.split())
    if not title:
        return "", fig
    bare = copy_figure(fig)
    margin = bare.layout.margin.t if bare.layout.margin.t is not None else 90
    height = bare.layout.height or 480
    drop = max(0, margin - TOP_MARGIN_WITHOUT_TITLE)
    bare.update_layout(title_text="", margin_t=min(margin, TOP_MARGIN_WITHOUT_TITLE),
                       height=max(MIN_HEIGHT, height - drop))
    return title, bare


def build_chart(data: Callable[..., pd.DataFrame], draw: Callable[..., go.Figure | None], *args: object,
           **kwargs: object) -> Chart | None:
    """Build the table once, draw the figure from it."""
    table = data(*args, **kwargs)
    figure = draw(table, *args, **kwargs)
    if figure is not None:  # the figure's numbers in the page's language (axes, %{percent}), as its text
        figure.update_layout(separators=SEPARATORS["en" if kwargs.get("lang") == "en" else "vi"])
    return None if figure is None else Chart(figure, table)


def labels(lang: str = "vi") -> dict:
    """The chart labels of `lang` (Vietnamese for an unknown language)."""
    return _labels(lang if lang in i18n.LANGUAGES else "vi")


def term(value: object, lang: str = "vi") -> str:
    """A domain category value ("Nữ", "Đạt", "Tỉnh") in `lang`; None → 'Không rõ'/'Unknown'."""
    lab = labels(lang)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return lab["unknown"]
    return lab["terms"].get(str(value), str(value))


def _cols(lang: str) -> dict[str, str]:
    return labels(lang)["columns"]


def _title(name: str, finding: str | None, lang: str) -> str:
    return finding or labels(lang)["titles"][name]


def _label(text: object) -> str:
    """Data text for a figure: HTML-escaped, so Plotly draws "<b>x</b>" as written (see text.plotly_text)."""
    return plotly_text(text)


def _wrap(text: str, width: int = 16) -> str:
    """Break a tick label into lines of about `width` characters (joined by <br>)."""
    return wrap(text, width)


def _millions(amount: int | float) -> float:
    return amount / 1_000_000


def _million_text(amount: int | float, decimals: int = 1, sign: bool = False, lang: str = "vi") -> str:
    """-10395000 → '−10,4' (typographic minus); with sign=True positive values get '+'."""
    text = findings.million_number(abs(amount), decimals, lang)
    if amount < 0 and text.strip("0,.") != "":
        return "−" + text
    return ("+" + text) if sign else text


def _count_dtick(maximum: float) -> int:
    """A tick step for an integer axis: 1, 2, 5, 10, 20, 50, … giving at most ~6 ticks."""
    step, factors = 1, (2, 2.5, 2)
    i = 0
    while maximum / step > 6:
        step = int(step * factors[i % 3])
        i += 1
    return step


def _style(fig: go.Figure, title: str, *, legend_below: bool = False, height: int = 480) -> go.Figure:
    """The layout every figure shares: fonts, Vietnamese separators, white background, legend.

    The legend sits above the plot (Plotly makes room for it), where no tick label can reach it;
    `legend_below` puts it under a donut, which has no axis.
    """
    white_template(fig)
    fig.update_layout(
        separators=",.",
        font={"family": FONT_FAMILY, "size": BASE_FONT_SIZE, "color": "#222222"},
        title={"text": _wrap(_label(title), 40), "font": {"size": TITLE_FONT_SIZE}, "x": 0.01,
               "xanchor": "left", "y": 0.97, "yanchor": "top"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=height,
        margin={"l": 70, "r": 30, "t": 90, "b": 60},
        legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.02 if legend_below else 1.02,
                "yanchor": "top" if legend_below else "bottom", "title": {"text": ""}, "font": {"size": BASE_FONT_SIZE},
                "traceorder": "normal"},
        hoverlabel={"font": {"size": BASE_FONT_SIZE}},
        uniformtext={"minsize": 12, "mode": "hide"},
    )
    return fig


def shared_style(fig: go.Figure) -> go.Figure:
    """The dashboard's look (fonts, Vietnamese separators, background) for a figure built elsewhere."""
    height = fig.layout.height
    return _style(fig, "", height=height or 480)


# Donut labels sit inside their slice (a label outside needs a third of a phone's width); the names
# are in the legend below and the hover, so a slice too thin for its label loses nothing.
DONUT_TEXT = {"textposition": "inside", "insidetextorientation": "horizontal",
              "textfont": {"size": BASE_FONT_SIZE}}


def _style_donut(fig: go.Figure, title: str) -> go.Figure:
    """A donut's layout: the shared style, the ring using the width (no axis margins), legend below."""
    _style(fig, title, legend_below=True)
    # room for three legend rows below, so that donuts side by side keep one ring size whatever their legend
    fig.update_layout(margin={"l": 10, "r": 10, "b": 100}, showlegend=True)
    return fig


def _money_axis(lang: str, tickformat: str = MONEY_TICKFORMAT) -> dict:
    return {"title": {"text": labels(lang)["million"]}, "tickformat": tickformat,
            "hoverformat": ",.3f", "zeroline": True, "zerolinecolor": "#555555",
            "zerolinewidth": 2, "gridcolor": "#E5E5E5", "automargin": True}


def _count_axis(title: str, maximum: float) -> dict:
    """An integer axis from 0 to `maximum` (pass some headroom for the labels outside the bars)."""
    return {"title": {"text": title}, "tickformat": COUNT_TICKFORMAT, "tick0": 0,
            "dtick": _count_dtick(max(maximum, 1)), "range": [0, max(maximum, 1)],
            "gridcolor": "#E5E5E5", "automargin": True}


def _category_axis(title: str = "", order: Sequence[str] | None = None) -> dict:
    axis = {"title": {"text": title}, "type": "category", "automargin": True}
    if order is not None:
        axis.update(categoryorder="array", categoryarray=list(order))
    return axis


def _centre(fig: go.Figure, text: str) -> None:
    fig.add_annotation(text=text, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font={"size": TITLE_FONT_SIZE})


def _people(n: int, lang: str) -> str:
    unit = labels(lang)["people"]
    return f"{n} {unit}".strip()


def _count_bar(frame: pd.DataFrame, label_col: str, count_col: str, title: str, lang: str,
               *, horizontal: bool = False, axis_title: str = "", wrap: int = 14,
               data_labels: bool = True) -> go.Figure:
    """`data_labels=False` for the code's own category labels (age bands "<30"): not escaped."""
    cats = [_label(v) if data_labels else str(v) for v in frame[label_col]]
    counts = [int(v) for v in frame[count_col]]
    total = sum(counts) or 1
    shares = [f"{format_number(c * 100 / total, 1, lang)}%" for c in counts]
    hover = "<b>%{customdata[0]}</b><br>%{customdata[1]} (%{customdata[2]})<extra></extra>"
    custom = [[c, _people(n, lang), s] for c, n, s in zip(cats, counts, shares, strict=True)]
    shown = [_wrap(c, wrap) for c in cats]
    bar = go.Bar(x=counts if horizontal else shown, y=shown if horizontal else counts,
                 orientation="h" if horizontal else "v", marker={"color": palette.NEUTRAL},
                 text=counts, texttemplate="%{text:,d}", textposition="outside", cliponaxis=False,
                 customdata=custom, hovertemplate=hover, showlegend=False)
    fig = go.Figure(bar)
    count_axis = _count_axis(labels(lang)["member_count"], max(counts, default=1) * 1.15)
    if horizontal:
        fig.update_layout(xaxis=count_axis, yaxis=_category_axis(axis_title, shown))
    else:
        fig.update_layout(yaxis=count_axis, xaxis=_category_axis(axis_title, shown))
    return _style(fig, title)


# --------------------------------------------------------------------------- members


def data_gender_donut(roster: Roster, lang: str = "vi") -> pd.DataFrame:
    """The gender donut's table: count and share per gender."""
    c = _cols(lang)
    frame = roster.frame
    counts = [(g, int((frame["gender"] == g).sum())) for g in GENDERS]
    unknown = int(frame["gender"].isna().sum())
    if unknown:
        counts.append((None, unknown))
    total = sum(n for _, n in counts) or 1
    return pd.DataFrame({c["gender"]: [term(g, lang) for g, _ in counts],
                         c["count"]: [n for _, n in counts],
                         c["share"]: [round(n * 100 / total, 1) for _, n in counts]})


def _draw_gender_donut(table: pd.DataFrame, roster: Roster, lang: str = "vi") -> go.Figure:
    c, lab = _cols(lang), labels(lang)
    data = table
    names = list(data[c["gender"]])
    colors = {term(g, lang): palette.gender_color(g) for g in GENDERS}
    legend = [f"{_label(n)} · {format_number(int(v), 0, lang)} ({format_number(float(p), 1, lang)}%)"
              for n, v, p in zip(names, data[c["count"]], data[c["share"]], strict=True)]
    fig = go.Figure(go.Pie(
        labels=legend, values=[int(v) for v in data[c["count"]]], hole=0.55, sort=False,
        direction="clockwise", marker={"colors": [colors.get(n, palette.UNKNOWN_COLOR) for n in names],
                                       "line": {"color": "white", "width": 2}},
        texttemplate="%{percent:.1%}", **DONUT_TEXT,
        hovertemplate="<b>%{label}</b><br>%{value} " + lab["members"] + " (%{percent:.1%})<extra></extra>"))
    _centre(fig, f"{len(roster)}<br>{lab['members']}")
    return _style_donut(fig, _title("gender_donut", findings.gender_finding(roster, lang), lang))


def gender_donut(roster: Roster, lang: str = "vi") -> Chart:
    """The gender donut chart: its figure and the table it shows (built once)."""
    return build_chart(data_gender_donut, _draw_gender_donut, roster, lang=lang)


def data_education_bar(roster: Roster, lang: str = "vi") -> pd.DataFrame:
    """The education bar's table: members per level."""
    c = _cols(lang)
    counts = {k: v for k, v in (member_summary(roster)["by_education"] or {}).items() if v}  # {}: not in the data
    return pd.DataFrame({c["education"]: [term(k, lang) for k in counts],
                         c["count"]: [int(v) for v in counts.values()]})


def _draw_education_bar(table: pd.DataFrame, roster: Roster, lang: str = "vi") -> go.Figure:
    c = _cols(lang)
    return _count_bar(table, c["education"], c["count"],
                      _title("education_bar", findings.education_finding(roster, lang), lang), lang)


def education_bar(roster: Roster, lang: str = "vi") -> Chart | None:
    """The education bar chart: its figure and the table it shows (built once); None when the roster
    does not hold education (unknown is not zero: `unknown.missing_sentence` says so instead)."""
    if not known(roster, "education"):
        return None
    return build_chart(data_education_bar, _draw_education_bar, roster, lang=lang)


def data_political_theory_bar(roster: Roster, lang: str = "vi") -> pd.DataFrame:
    """The political theory bar's table: members per level."""
    c = _cols(lang)
    counts = {k: v for k, v in (member_summary(roster)["by_political_theory"] or {}).items() if v}
    return pd.DataFrame({c["political_theory"]: [term(k, lang) for k in counts],
                         c["count"]: [int(v) for v in counts.values()]})


def _draw_political_theory_bar(table: pd.DataFrame, roster: Roster, lang: str = "vi") -> go.Figure:
    c = _cols(lang)
    title = _title("political_theory_bar", findings.political_theory_finding(roster, lang), lang)
    return _count_bar(table, c["political_theory"], c["count"],
                      title, lang)


def political_theory_bar(roster: Roster, lang: str = "vi") -> Chart | None:
    """The political theory bar chart: its figure and the table it shows (built once); None when the
    roster does not hold political theory."""
    if not known(roster, "political_theory"):
        return None
    return build_chart(data_political_theory_bar, _draw_political_theory_bar, roster, lang=lang)


def data_party_by_gender(roster: Roster, lang: str = "vi") -> pd.DataFrame:
    """The party-by-gender table: party members and others per gender."""
    c, lab = _cols(lang), labels(lang)
    frame = roster.frame
    party = frame["party_member"].fillna(False).astype(bool)
    rows = []
    if not known(roster, "party_member"):  # no table of zeros for a column the data lacks
        return pd.DataFrame(rows, columns=[c["gender"], c["party"], c["count"]])
    genders: list[str | None] = list(GENDERS) + ([None] if frame["gender"].isna().any() else [])
    for g in genders:
        mask = frame["gender"].isna() if g is None else frame["gender"] == g
        rows.append((term(g, lang), lab["party"], int((mask & party).sum())))
        rows.append((term(g, lang), lab["non_party"], int((mask & ~party).sum())))
    return pd.DataFrame(rows, columns=[c["gender"], c["party"], c["count"]])


def _draw_party_by_gender(table: pd.DataFrame, roster: Roster, lang: str = "vi") -> go.Figure:
    """Stacked bars per gender: Party members (bottom) and non-Party members."""
    c, lab = _cols(lang), labels(lang)
    data = table
    genders = list(dict.fromkeys(data[c["gender"]]))
    fig = go.Figure()
    for key, name in ((True, lab["party"]), (False, lab["non_party"])):
        part = data[data[c["party"]] == name]
        counts = [int(v) for v in part[c["count"]]]
        totals = [int(data[data[c["gender"]] == g][c["count"]].sum()) or 1 for g in part[c["gender"]]]
        custom = [[_label(g), _people(n, lang), f"{format_number(n * 100 / t, 1, lang)}%"]
                  for g, n, t in zip(part[c["gender"]], counts, totals, strict=True)]
        fig.add_trace(go.Bar(
            x=[_label(g) for g in part[c["gender"]]], y=counts, name=name,
            marker={"color": palette.PARTY_COLORS[key]},
            text=counts, texttemplate="%{text:,d}", textposition="inside", insidetextanchor="middle",
            textangle=0,
            textfont={"color": "white" if key else "#222222", "size": BASE_FONT_SIZE + 2},
            customdata=custom,
            hovertemplate="<b>%{customdata[0]}</b> · " + name
                          + "<br>%{customdata[1]} (%{customdata[2]})<extra></extra>"))
    maximum = max((int(data[data[c["gender"]] == g][c["count"]].sum()) for g in genders), default=1)
    fig.update_layout(barmode="stack", bargap=0.35, xaxis=_category_axis("", [_label(g) for g in genders]),
                      yaxis=_count_axis(lab["member_count"], maximum * 1.1))
    return _style(fig, _title("party_by_gender", findings.party_finding(roster, lang), lang))


def party_by_gender(roster: Roster, lang: str = "vi") -> Chart | None:
    """The party by gender chart: its figure and the table it shows (built once); None when the roster
    does not hold party membership."""
    if not known(roster, "party_member"):
        return None
    return build_chart(data_party_by_gender, _draw_party_by_gender, roster, lang=lang)


def _unit_column(lang: str, kind: str) -> str:
    """'Phòng, đơn vị' (the sample's agency), 'Bộ phận, phân xưởng' in an enterprise, ..."""
    return union_word(kind, "unit_col", lang) if kind in SAID_KINDS else _cols(lang)["department"]


def data_department_bar(roster: Roster, lang: str = "vi", kind: str = "") -> pd.DataFrame:
    """Members per unit, largest first (ties keep the roster's order); the unit named by the union's kind."""
    c = _cols(lang)
    counts = member_summary(roster)["by_department"]
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])
    return pd.DataFrame({_unit_column(lang, kind): [k for k, _ in ordered],
                         c["count"]: [int(v) for _, v in ordered]})


def _draw_department_bar(table: pd.DataFrame, roster: Roster, lang: str = "vi", kind: str = "") -> go.Figure:
    """Horizontal bars, the largest unit at the top."""
    c = _cols(lang)
    data = table.iloc[::-1]  # plotly draws the first category at the bottom
    finding = findings.department_finding(roster, lang, kind)
    if finding is None and kind in SAID_KINDS:
        finding = i18n.t("words.members_by_units", lang, units=union_word(kind, "units", lang))
    title = _title("department_bar", finding, lang)
    fig = _count_bar(data, _unit_column(lang, kind), c["count"], title, lang, horizontal=True, wrap=30)
    fig.update_layout(height=max(420, 110 + 52 * len(data)), margin={"l": 20})
    return fig


def department_bar(roster: Roster, lang: str = "vi", kind: str = "") -> Chart:
    """The department bar chart: its figure and the table it shows (built once)."""
    return build_chart(data_department_bar, _draw_department_bar, roster, lang=lang, kind=kind)


def data_age_histogram(roster: Roster, reference_year: AgeReference | int | None = None,
                       lang: str = "vi") -> pd.DataFrame:
    """Members per age band (<30, 30–39, 40–49, 50–59, ≥60); members without a birth year are left out."""
    c = _cols(lang)
    bands = [findings.age_band(a) for a in findings.ages(roster, reference_year)]
    keys = [key for key, _, _ in findings.AGE_BANDS]
    return pd.DataFrame({c["age_band"]: keys, c["count"]: [bands.count(k) for k in keys]})


def _draw_age_histogram(table: pd.DataFrame, roster: Roster, reference_year: AgeReference | int | None = None,
                  lang: str = "vi") -> go.Figure | None:
    """Members by age band at `reference_year` (the data set's `age_reference`); None without birth years."""
    import datetime as dt

    if not findings.ages(roster, reference_year):
        return None
    c = _cols(lang)
    if isinstance(reference_year, AgeReference):
        when = reference_year.day(lang)
    else:
        when = str(reference_year or dt.date.today().year)
    title = _title("age_histogram", findings.age_finding(roster, lang, reference_year), lang)
    fig = _count_bar(table, c["age_band"], c["count"],
                     title, lang, axis_title=labels(lang)["age_axis"].format(date=when), data_labels=False)
    fig.update_layout(bargap=0.1)
    return fig


def age_histogram(roster: Roster, reference_year: AgeReference | int | None = None,
                  lang: str = "vi") -> Chart | None:
    """The age histogram chart: its figure and the table it shows (built once)."""
    return build_chart(data_age_histogram, _draw_age_histogram, roster, reference_year=reference_year, lang=lang)


# --------------------------------------------------------------------------- finance


def _data_by_year(finance: Finance, side: str, lang: str) -> pd.DataFrame:
    c = _cols(lang)
    item_col = c["source"] if side == "revenue" else c["category"]
    table = finance.table(side)
    rows = [(int(year), str(item), int(table.loc[item, year]))
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
    c = _cols(lang)
    item_col = data.columns[1]
    colors = palette.colors_for(finance, side)
    years = [str(y) for y in finance.years]
    fig = go.Figure()
    for item in finance.items(side):
        part = data[data[item_col] == item]
        amounts = [int(v) for v in part[c["amount"]]]
        fig.add_trace(go.Bar(
            x=[str(y) for y in part[c["year"]]], y=[_millions(a) for a in amounts], name=_label(item),
            marker={"color": colors[item], "line": {"color": "white", "width": 1}},
            customdata=[[format_dong(a, lang=lang), _label(item)] for a in amounts],
            hovertemplate="<b>%{customdata[1]}</b><br>%{x}: %{customdata[0]}<extra></extra>"))
    totals = finance.by_year(side)
    for index, year in enumerate(finance.years):
        # on a category axis a numeric-looking x ("2013") would be read as an index: pass the index
        fig.add_annotation(x=index, y=_millions(totals[year]), yshift=14, showarrow=False,
                           text=_million_text(totals[year], lang=lang),
                           font={"size": BASE_FONT_SIZE})
    fig.update_layout(barmode="stack", bargap=0.3, xaxis=_category_axis("", years),
                      yaxis=_money_axis(lang))
    return _style(fig, title)


def _draw_revenue_by_year(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Stacked bars: each source per year, in triệu đồng; the year's total above each bar."""
    return _stacked_by_year(finance, "revenue", table,
                            _title("revenue_by_year", findings.most_stable_source(finance, lang), lang),
                            lang)


def revenue_by_year(finance: Finance, lang: str = "vi") -> Chart:
    """The revenue by year chart: its figure and the table it shows (built once)."""
    return build_chart(data_revenue_by_year, _draw_revenue_by_year, finance, lang=lang)


def _draw_spending_by_year(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Stacked bars: each spending category per year, in triệu đồng."""
    return _stacked_by_year(finance, "spending", table,
                            _title("spending_by_year", findings.peak_spending_year(finance, lang), lang),
                            lang)


def spending_by_year(finance: Finance, lang: str = "vi") -> Chart:
    """The spending by year chart: its figure and the table it shows (built once)."""
    return build_chart(data_spending_by_year, _draw_spending_by_year, finance, lang=lang)


def _data_share(finance: Finance, side: str, lang: str) -> pd.DataFrame:
    c = _cols(lang)
    totals = finance.by_item(side)
    whole = sum(totals.values()) or 1
    return pd.DataFrame({c["source"] if side == "revenue" else c["category"]: list(totals),
                         c["amount"]: [int(v) for v in totals.values()],
                         c["share"]: [round(v * 100 / whole, 1) for v in totals.values()]})


def data_revenue_share(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """Term total per source in đồng and its share of revenue (%)."""
    return _data_share(finance, "revenue", lang)


def data_spending_share(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """Term total per category in đồng and its share of spending (%)."""
    return _data_share(finance, "spending", lang)


def _share_donut(finance: Finance, side: str, data: pd.DataFrame, title: str, lang: str) -> go.Figure:
    c = _cols(lang)
    items = [str(v) for v in data[data.columns[0]]]
    amounts = [int(v) for v in data[c["amount"]]]
    colors = palette.colors_for(finance, side)
    fig = go.Figure(go.Pie(
        labels=[_label(i) for i in items], values=amounts, hole=0.55, sort=False, direction="clockwise",
        marker={"colors": [colors[i] for i in items], "line": {"color": "white", "width": 2}},
        texttemplate="%{percent:.1%}", **DONUT_TEXT,
        customdata=[[format_dong(a, lang=lang)] for a in amounts],
        hovertemplate="<b>%{label}</b><br>%{customdata[0]} (%{percent:.1%})<extra></extra>"))
    total = sum(amounts)
    _centre(fig, f"{_million_text(total, 2, lang=lang)}<br>{labels(lang)['million']}")
    return _style_donut(fig, title)


def _draw_revenue_share(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Donut of the sources over the term (same colours as revenue_by_year)."""
    return _share_donut(finance, "revenue", table,
                        _title("revenue_share", findings.largest_source(finance, lang), lang), lang)


def revenue_share(finance: Finance, lang: str = "vi") -> Chart:
    """The revenue share chart: its figure and the table it shows (built once)."""
    return build_chart(data_revenue_share, _draw_revenue_share, finance, lang=lang)


def _draw_spending_share(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Donut of the spending categories over the term (same colours as spending_by_year)."""
    return _share_donut(finance, "spending", table,
                        _title("spending_share", findings.largest_category(finance, lang), lang), lang)


def spending_share(finance: Finance, lang: str = "vi") -> Chart:
    """The spending share chart: its figure and the table it shows (built once)."""
    return build_chart(data_spending_share, _draw_spending_share, finance, lang=lang)


BALANCE_LABEL_SHIFT = 8  # px between the year's highest mark and its balance label


def data_balance_by_year(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """Per year: revenue, spending, revenue − spending and the cumulative balance (from the opening balance)."""
    c = _cols(lang)
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


def _draw_balance_by_year(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """Grouped revenue and spending bars per year + the cumulative balance as a line (may go below 0)."""
    c, lab = _cols(lang), labels(lang)
    data = table
    years = [str(y) for y in data[c["year"]]]
    fig = go.Figure()
    for key in ("revenue", "spending"):
        amounts = [int(v) for v in data[c[key]]]
        fig.add_trace(go.Bar(
            x=years, y=[_millions(a) for a in amounts], name=lab[key],
            marker={"color": palette.SIDE_COLORS[key]},
            customdata=[[format_dong(a, lang=lang)] for a in amounts],
            hovertemplate="<b>" + lab[key] + "</b><br>%{x}: %{customdata[0]}<extra></extra>"))
    balances = [int(v) for v in data[c["cumulative"]]]
    revenue, spending = ([int(v) for v in data[c[key]]] for key in ("revenue", "spending"))
    fig.add_trace(go.Scatter(
        x=years, y=[_millions(b) for b in balances], name=lab["cumulative"], mode="lines+markers",
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
        fig.add_annotation(x=column, y=_millions(top), yanchor="bottom", yshift=BALANCE_LABEL_SHIFT,
                           text=_million_text(balance, 2, lang=lang), showarrow=False,
                           bgcolor="white", bordercolor=palette.SIDE_COLORS["balance"], borderpad=2,
                           font={"size": BASE_FONT_SIZE, "color": palette.SIDE_COLORS["balance"]})
    low = min([0] + [_millions(b) for b in balances])
    high = max([_millions(t) for t in tops] + [1])
    money = _money_axis(lang)
    money.update(range=[low * 1.1, high * 1.22])  # room above the highest mark for its label
    fig.update_layout(barmode="group", bargap=0.25, xaxis=_category_axis("", years), yaxis=money)
    return _style(fig, _title("balance_by_year", findings.balance_finding(finance, lang), lang))


def balance_by_year(finance: Finance, lang: str = "vi") -> Chart:
    """The balance by year chart: its figure and the table it shows (built once)."""
    return build_chart(data_balance_by_year, _draw_balance_by_year, finance, lang=lang)


def data_term_waterfall(finance: Finance, lang: str = "vi") -> pd.DataFrame:
    """Steps from the opening balance through each source (+) and category (−) to the closing balance."""
    c, lab = _cols(lang), labels(lang)
    rows = [(lab["opening"], lab["kind_opening"], int(finance.opening_balance))]
    rows += [(item, lab["kind_revenue"], int(v)) for item, v in finance.by_item("revenue").items()]
    rows += [(item, lab["kind_spending"], -int(v)) for item, v in finance.by_item("spending").items()]
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


def _draw_term_waterfall(table: pd.DataFrame, finance: Finance, lang: str = "vi") -> go.Figure:
    """go.Waterfall: opening balance (absolute) → sources (+) → categories (−) → closing (total)."""
    c = _cols(lang)
    data = table
    amounts = [int(v) for v in data[c["amount"]]]
    kinds = [_label(k) for k in data[c["kind"]]]
    measure = ["absolute"] + ["relative"] * (len(amounts) - 2) + ["total"]
    # the opening and closing balances with two decimals, as the title writes them ("2,16", not "2,2")
    text = [_million_text(amount, 1 if kind == "relative" else 2, sign=kind == "relative", lang=lang)
            for kind, amount in zip(measure, amounts, strict=True)]
    steps = [_label(v) for v in data[c["step"]]]
    # Horizontal: one row per step, its name on the left and its amount at the bar's end, so no two
    # labels share a place at any width (a vertical waterfall's ten labels collide on a phone).
    fig = go.Figure(go.Waterfall(
        y=[_wrap(s, 22) for s in steps], x=[_millions(a) for a in amounts], measure=measure, orientation="h",
        text=text, textposition="none",  # amounts: a column at the right (below), never over a name
        customdata=[[format_dong(a, lang=lang), s, k] for a, s, k in zip(amounts, steps, kinds, strict=True)],
        hovertemplate="<b>%{customdata[1]}</b> (%{customdata[2]})<br>%{customdata[0]}<extra></extra>",
        increasing={"marker": {"color": palette.SIDE_COLORS["revenue"]}},
        decreasing={"marker": {"color": palette.SIDE_COLORS["spending"]}},
        totals={"marker": {"color": palette.SIDE_COLORS["balance"]}},
        connector={"line": {"color": "#9E9E9E", "width": 1, "dash": "dot"}},
        showlegend=False))
    for row, label in enumerate(text):  # by position on the category axis, never by name
        fig.add_annotation(x=1, xref="paper", xanchor="left", xshift=8, y=row, yref="y", text=label,
                           showarrow=False, font={"size": BASE_FONT_SIZE})
    levels = [_millions(v) for v in _running_totals(measure, amounts)]
    money = _money_axis(lang)
    money.update(range=[min(0, min(levels)) * 1.05, max(max(levels), 0) * 1.05 or 1])
    fig.update_layout(yaxis={**_category_axis(""), "autorange": "reversed"}, xaxis=money,
                      height=max(MIN_HEIGHT + 60, 110 + 44 * len(steps)))
    _style(fig, _title("term_waterfall", findings.closing_finding(finance, lang), lang))
    fig.update_layout(margin_r=80)
    return fig


def term_waterfall(finance: Finance, lang: str = "vi") -> Chart:
    """The term waterfall chart: its figure and the table it shows (built once)."""
    return build_chart(data_term_waterfall, _draw_term_waterfall, finance, lang=lang)


# --------------------------------------------------------------------------- targets


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
    c = _cols(lang)
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
            width=bar_px / row_px, name=_label(term(status, lang)), marker={"color": palette.status_color(status)},
            text=[_label(target_label(t, lang)) for _, t in picked], textposition="none",
            customdata=[[_label(t.text), _label(target_label(t, lang)), _label(term(status, lang))]
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
        yaxis={**_category_axis("", rows), "autorange": False, "showticklabels": False, "automargin": False,
               "range": [len(rows) - 0.5, -0.5] if beside else
               [len(rows) - 0.5 + bar_px / row_px / 2, -0.5 - (row_px - bar_px) / row_px / 2]},
        height=180 + row_px * len(rows))
    if beside:
        fig.update_xaxes(domain=[beside, 1])
    return fig


def _draw_targets_bullets(table: pd.DataFrame, targets: Sequence[Target], lang: str = "vi") -> go.Figure:
    """The targets' results (see `targets_figure`) with the page's style and finding title."""
    fig = targets_figure(targets, lang)
    _style(fig, _title("targets_bullets", findings.numeric_targets_finding(targets, lang), lang),
           height=fig.layout.height)
    fig.update_layout(margin={"l": 10, "r": 20})
    return fig


def targets_bullets(targets: Sequence[Target], lang: str = "vi") -> Chart:
    """The targets bullets chart: its figure and the table it shows (built once)."""
    return build_chart(data_targets_bullets, _draw_targets_bullets, targets, lang=lang)


def data_targets_status_donut(targets: Sequence[Target], lang: str = "vi") -> pd.DataFrame:
    """The targets donut's table: targets per status."""
    c = _cols(lang)
    counts = {s: sum(1 for t in targets or () if t.status == s) for s in STATUSES}
    return pd.DataFrame({c["status"]: [term(s, lang) for s in counts],
                         c["targets"]: list(counts.values())})


def _draw_targets_status_donut(table: pd.DataFrame, targets: Sequence[Target], lang: str = "vi") -> go.Figure:
    c, lab = _cols(lang), labels(lang)
    data = table
    keep = [(s, n) for s, n in zip(STATUSES, data[c["targets"]], strict=True) if n]
    fig = go.Figure(go.Pie(
        labels=[f"{_label(term(s, lang))} · {n}" for s, n in keep], values=[int(n) for _, n in keep], hole=0.55,
        sort=False, direction="clockwise",
        marker={"colors": [palette.status_color(s) for s, _ in keep], "line": {"color": "white", "width": 2}},
        texttemplate="%{value}", **DONUT_TEXT,
        hovertemplate="<b>%{label}</b><br>%{value} " + lab["targets"] + " (%{percent:.1%})<extra></extra>"))
    _centre(fig, f"{len(targets or ())}<br>{lab['targets']}")
    return _style_donut(fig, _title("targets_status_donut", findings.targets_finding(targets, lang), lang))


def targets_status_donut(targets: Sequence[Target], lang: str = "vi") -> Chart:
    """The targets status donut chart: its figure and the table it shows (built once)."""
    return build_chart(data_targets_status_donut, _draw_targets_status_donut, targets, lang=lang)


# --------------------------------------------------------------------------- awards


def _stacked_awards(buckets: list[str], data: pd.DataFrame, bucket_col: str, title: str,
                    lang: str) -> go.Figure:
    c, lab = _cols(lang), labels(lang)
    fig = go.Figure()
    present = list(dict.fromkeys(data[c["recipient"]]))
    known = [term(r, lang) for r in RECIPIENT_TYPES]
    for recipient in sorted(present, key=lambda r: known.index(r) if r in known else len(known)):
        part = data[data[c["recipient"]] == recipient]
        counts = [int(v) for v in part[c["awards"]]]
        color = next((col for key, col in palette.RECIPIENT_COLORS.items() if term(key, lang) == recipient),
                     palette.GREY)
        fig.add_trace(go.Bar(
            y=[_wrap(_label(b), 18) for b in part[bucket_col]], x=counts, name=_label(recipient),
            orientation="h", marker={"color": color}, text=counts, texttemplate="%{text:,d}",
            textposition="inside", textangle=0, insidetextanchor="middle",
            textfont={"color": "white" if color == palette.BLUE else "#222222"},
            customdata=[[_label(b), _label(recipient)] for b in part[bucket_col]],
            hovertemplate="<b>%{customdata[0]}</b> · %{customdata[1]}<br>%{x:,d}<extra></extra>"))
    # Horizontal: each level or period names its row on the left, whole, at any width.
    totals = data.groupby(bucket_col, sort=False)[c["awards"]].sum()
    rows = [_wrap(_label(b), 18) for b in buckets]
    for index, bucket in enumerate(buckets):  # by position: a year such as "2013" would be read as a number
        total = int(totals.get(bucket, 0))
        fig.add_annotation(x=total, y=index, xanchor="left", xshift=6, showarrow=False, text=f"{total}",
                           font={"size": BASE_FONT_SIZE})
    maximum = max((int(v) for v in totals.values), default=1)
    fig.update_layout(barmode="stack", bargap=0.3,
                      yaxis={**_category_axis("", rows), "autorange": "reversed"},
                      xaxis=_count_axis(lab["award_count"], maximum * 1.18))
    _style(fig, title, height=max(MIN_HEIGHT + 60, 150 + 48 * len(rows)))
    fig.update_layout(margin_l=10)
    return fig


def _award_rows(awards: Sequence[Award], key: Callable[[Award], str], lang: str,
                bucket_col: str) -> pd.DataFrame:
    c = _cols(lang)
    sums: dict[tuple[str, str], int] = {}
    for a in awards or ():
        k = (key(a), term(a.recipient_type, lang))
        sums[k] = sums.get(k, 0) + int(a.count)
    return pd.DataFrame([(b, r, n) for (b, r), n in sums.items()],
                            columns=[bucket_col, c["recipient"], c["awards"]])


def data_awards_by_level(awards: Sequence[Award], lang: str = "vi") -> pd.DataFrame:
    """Award count per level (ordered as models.AWARD_LEVELS) and recipient type."""
    c = _cols(lang)
    frame = _award_rows(awards, lambda a: a.level, lang, c["level"])
    order = {lvl: i for i, lvl in enumerate(AWARD_LEVELS)}
    frame["_o"] = [order.get(v, len(order)) for v in frame[c["level"]]]
    frame = frame.sort_values("_o", kind="stable").drop(columns="_o")
    frame[c["level"]] = [term(v, lang) for v in frame[c["level"]]]
    return frame.reset_index(drop=True)


def _draw_awards_by_level(table: pd.DataFrame, awards: Sequence[Award], lang: str = "vi") -> go.Figure:
    """Stacked bars (collective / individual): sum of award counts per level, lowest level first."""
    c = _cols(lang)
    data = table
    buckets = list(dict.fromkeys(data[c["level"]]))
    return _stacked_awards(buckets, data, c["level"],
                           _title("awards_by_level", findings.awards_level_finding(awards, lang), lang), lang)


def awards_by_level(awards: Sequence[Award], lang: str = "vi") -> Chart:
    """The awards by level chart: its figure and the table it shows (built once)."""
    return build_chart(data_awards_by_level, _draw_awards_by_level, awards, lang=lang)


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
    c = _cols(lang)
    ordered = sorted(awards or (), key=_bucket_order)
    frame = _award_rows(ordered, lambda a: award_bucket(a, lang), lang, c["bucket"])
    return frame


def _draw_awards_by_year(table: pd.DataFrame, awards: Sequence[Award], lang: str = "vi") -> go.Figure:
    """Stacked bars per year; awards given for a period get a bucket of their own after the years."""
    c = _cols(lang)
    data = table
    buckets = list(dict.fromkeys(data[c["bucket"]]))
    return _stacked_awards(buckets, data, c["bucket"],
                           _title("awards_by_year", findings.awards_year_finding(awards, lang), lang), lang)


def awards_by_year(awards: Sequence[Award], lang: str = "vi") -> Chart:
    """The awards by year chart: its figure and the table it shows (built once)."""
    return build_chart(data_awards_by_year, _draw_awards_by_year, awards, lang=lang)


# --------------------------------------------------------------------------- registry

# builder name → the function giving the table behind it (every data_* takes (obj, lang=...)).
DATA_FUNCTIONS: dict[str, Callable[..., pd.DataFrame]] = {
    "gender_donut": data_gender_donut,
    "education_bar": data_education_bar,
    "political_theory_bar": data_political_theory_bar,
    "party_by_gender": data_party_by_gender,
    "department_bar": data_department_bar,
    "age_histogram": data_age_histogram,
    "revenue_by_year": data_revenue_by_year,
    "revenue_share": data_revenue_share,
    "spending_by_year": data_spending_by_year,
    "spending_share": data_spending_share,
    "balance_by_year": data_balance_by_year,
    "term_waterfall": data_term_waterfall,
    "targets_bullets": data_targets_bullets,
    "targets_status_donut": data_targets_status_donut,
    "awards_by_level": data_awards_by_level,
    "awards_by_year": data_awards_by_year,
}
