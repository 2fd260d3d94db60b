"""The look every dashboard chart shares: fonts, axes, colours of text, the title, and `Chart` (figure + table).

Pure functions, no Streamlit. The area modules (members, finance, targets, awards) draw with these helpers.

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
  text/hover values). Every string that comes from the data passes through `label` (HTML-escaped,
  drawn literally) before it enters a figure; the builders' own `<br>` are added after that.
  The chart tables keep the text as written.
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
from unionboard.core import i18n
from unionboard.core.text import SEPARATORS, format_number, plotly_text, wrap
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


@dataclass(frozen=True, eq=False)
class Chart:
    """A chart's figure together with the table behind it (for the page's table view and xlsx/csv)."""

    figure: go.Figure
    table: pd.DataFrame


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


def cols(lang: str) -> dict[str, str]:
    """The table column names of `lang`."""
    return labels(lang)["columns"]


def chart_title(name: str, finding: str | None, lang: str) -> str:
    """The chart's title: its finding, else the neutral title of chart `name`."""
    return finding or labels(lang)["titles"][name]


def label(text: object) -> str:
    """Data text for a figure: HTML-escaped, so Plotly draws "<b>x</b>" as written (see text.plotly_text)."""
    return plotly_text(text)


def wrap_label(text: str, width: int = 16) -> str:
    """Break a tick label into lines of about `width` characters (joined by <br>)."""
    return wrap(text, width)


def millions(amount: int | float) -> float:
    """An amount in đồng as triệu đồng (the money axes' unit)."""
    return amount / 1_000_000


def million_text(amount: int | float, decimals: int = 1, sign: bool = False, lang: str = "vi") -> str:
    """-10395000 → '−10,4' (typographic minus); with sign=True positive values get '+'."""
    text = findings.million_number(abs(amount), decimals, lang)
    if amount < 0 and text.strip("0,.") != "":
        return "−" + text
    return ("+" + text) if sign else text


def count_dtick(maximum: float) -> int:
    """A tick step for an integer axis: 1, 2, 5, 10, 20, 50, … giving at most ~6 ticks."""
    step, factors = 1, (2, 2.5, 2)
    i = 0
    while maximum / step > 6:
        step = int(step * factors[i % 3])
        i += 1
    return step


def apply_style(fig: go.Figure, title: str, *, legend_below: bool = False, height: int = 480) -> go.Figure:
    """The layout every figure shares: fonts, Vietnamese separators, white background, legend.

    The legend sits above the plot (Plotly makes room for it), where no tick label can reach it;
    `legend_below` puts it under a donut, which has no axis.
    """
    white_template(fig)
    fig.update_layout(
        separators=",.",
        font={"family": FONT_FAMILY, "size": BASE_FONT_SIZE, "color": "#222222"},
        title={"text": wrap_label(label(title), 40), "font": {"size": TITLE_FONT_SIZE}, "x": 0.01,
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
    return apply_style(fig, "", height=height or 480)


# Donut labels sit inside their slice (a label outside needs a third of a phone's width); the names
# are in the legend below and the hover, so a slice too thin for its label loses nothing.
DONUT_TEXT = {"textposition": "inside", "insidetextorientation": "horizontal",
              "textfont": {"size": BASE_FONT_SIZE}}


def style_donut(fig: go.Figure, title: str) -> go.Figure:
    """A donut's layout: the shared style, the ring using the width (no axis margins), legend below."""
    apply_style(fig, title, legend_below=True)
    # room for three legend rows below, so that donuts side by side keep one ring size whatever their legend
    fig.update_layout(margin={"l": 10, "r": 10, "b": 100}, showlegend=True)
    return fig


def money_axis(lang: str, tickformat: str = MONEY_TICKFORMAT) -> dict:
    """A money axis in triệu đồng, the zero line drawn."""
    return {"title": {"text": labels(lang)["million"]}, "tickformat": tickformat,
            "hoverformat": ",.3f", "zeroline": True, "zerolinecolor": "#555555",
            "zerolinewidth": 2, "gridcolor": "#E5E5E5", "automargin": True}


def count_axis(title: str, maximum: float) -> dict:
    """An integer axis from 0 to `maximum` (pass some headroom for the labels outside the bars)."""
    return {"title": {"text": title}, "tickformat": COUNT_TICKFORMAT, "tick0": 0,
            "dtick": count_dtick(max(maximum, 1)), "range": [0, max(maximum, 1)],
            "gridcolor": "#E5E5E5", "automargin": True}


def category_axis(title: str = "", order: Sequence[str] | None = None) -> dict:
    """A category axis, its categories in `order` when given."""
    axis = {"title": {"text": title}, "type": "category", "automargin": True}
    if order is not None:
        axis.update(categoryorder="array", categoryarray=list(order))
    return axis


def centre(fig: go.Figure, text: str) -> None:
    """Write `text` in the middle of a donut."""
    fig.add_annotation(text=text, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font={"size": TITLE_FONT_SIZE})


def people(n: int, lang: str) -> str:
    """'12 người' / '12 people'."""
    unit = labels(lang)["people"]
    return f"{n} {unit}".strip()


def count_bar(frame: pd.DataFrame, label_col: str, count_col: str, title: str, lang: str,
               *, horizontal: bool = False, axis_title: str = "", wrap: int = 14,
               data_labels: bool = True) -> go.Figure:
    """`data_labels=False` for the code's own category labels (age bands "<30"): not escaped."""
    cats = [label(v) if data_labels else str(v) for v in frame[label_col]]
    counts = [int(v) for v in frame[count_col]]
    total = sum(counts) or 1
    shares = [f"{format_number(c * 100 / total, 1, lang)}%" for c in counts]
    hover = "<b>%{customdata[0]}</b><br>%{customdata[1]} (%{customdata[2]})<extra></extra>"
    custom = [[c, people(n, lang), s] for c, n, s in zip(cats, counts, shares, strict=True)]
    shown = [wrap_label(c, wrap) for c in cats]
    bar = go.Bar(x=counts if horizontal else shown, y=shown if horizontal else counts,
                 orientation="h" if horizontal else "v", marker={"color": palette.NEUTRAL},
                 text=counts, texttemplate="%{text:,d}", textposition="outside", cliponaxis=False,
                 customdata=custom, hovertemplate=hover, showlegend=False)
    fig = go.Figure(bar)
    counted = count_axis(labels(lang)["member_count"], max(counts, default=1) * 1.15)
    if horizontal:
        fig.update_layout(xaxis=counted, yaxis=category_axis(axis_title, shown))
    else:
        fig.update_layout(yaxis=counted, xaxis=category_axis(axis_title, shown))
    return apply_style(fig, title)
