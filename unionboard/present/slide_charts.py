"""`Slide.chart` key → a Plotly figure for the congress hall: the dashboard's chart with large type.

Pure functions, no Streamlit. `slide_figure(key, dataset, lang)` reuses the builders of
`unionboard.present.charts` (same data, colours and Vietnamese number format) and `enlarge()` re-styles the
figure to be read from the back of a hall on a 1280×720 projector: every font at least
`MIN_FONT_SIZE` px, no chart title (the slide shows its own title and finding), a tight margin and
a fixed `SLIDE_CHART_HEIGHT` (the slide page lays everything else out around it).
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go

from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.models import Dataset
from unionboard.core.text import SEPARATORS
from unionboard.present import charts, rule_charts

MIN_FONT_SIZE = 20
BASE_FONT_SIZE = 22  # axis titles, legend, hover
TICK_FONT_SIZE = 22
LABEL_FONT_SIZE = 24  # numbers written on or above the bars
CENTRE_FONT_SIZE = 30  # the donut's centre text
SLIDE_CHART_HEIGHT = 505  # px, for a 1280×720 viewport (the page zooms it for larger screens)
# the chart's width in that design: beside the slide's key numbers, or across the slide
SLIDE_CHART_WIDTHS = {True: 870, False: 1216}
TARGET_LABEL_CHARS = 44  # characters per line of a target's text on a slide
TARGET_TEXT_SHARE = 0.6  # of the chart's width

CHART_KEYS = ("gender", "revenue_by_year", "spending_by_year", "balance_by_year", "targets_result",
              "awards_by_level", "finance_rules")


def _gender(dataset: Dataset, lang: str) -> go.Figure | None:
    roster = dataset.members
    return charts.gender_donut(roster, lang=lang).figure if roster is not None and len(roster) else None


def _finance(builder: Callable[..., charts.Chart]) -> Callable[[Dataset, str], go.Figure | None]:
    def build(dataset: Dataset, lang: str) -> go.Figure | None:
        finance = dataset.finance
        return builder(finance, lang=lang).figure if finance is not None and finance.entries else None
    return build


def _targets(dataset: Dataset, lang: str) -> go.Figure | None:
    targets = dataset.targets
    if not targets:
        return None
    # the whole text of each target left of its bar (a projector is wide; a shortened target is a
    # different target), in type that stays above MIN_FONT_SIZE
    fig = charts.targets_figure(targets, lang, name_chars=TARGET_LABEL_CHARS, font_size=MIN_FONT_SIZE,
                                bar_px=30, beside=TARGET_TEXT_SHARE)
    return charts.shared_style(fig) if any(trace.type == "bar" for trace in fig.data) else None


def _awards(dataset: Dataset, lang: str) -> go.Figure | None:
    return charts.awards_by_level(dataset.awards, lang=lang).figure if dataset.awards else None


HALL_BARS = 8  # bars that fit a 1280×720 slide under a two-line finding (nine overflowed it by 6 px)


def hall_results(results: list) -> list:
    """What the hall's chart shows: every violation, and the rules of the latest year checked — a slide
    holds about eight readable bars (all years' rules left every other name off the axis); when the latest
    year has more, those nearest their limit are kept (the slide's counts still tell every result)."""
    years = [r.year for r in results if r.value is not None and r.limit]
    latest = max(years) if years else None
    violations = [r for r in results if r.status == "violation"]
    rest = [r for r in results if r.status != "violation" and r.year == latest]
    room = max(0, HALL_BARS - len(violations))
    nearest = sorted((r for r in rest if r.value is not None and r.limit),
                     key=lambda r: abs(r.value / r.limit - 1))[:room]
    return [r for r in results if r in violations or r in nearest or (r in rest and not r.limit)]


def _rules(dataset: Dataset, lang: str) -> charts.Chart | None:
    """The finance page's chart of each checked figure as % of its limit (✔/✖, status colours)."""
    return rule_charts.rules_chart(hall_results(check_dataset(dataset)), lang)


def _rules_figure(dataset: Dataset, lang: str) -> go.Figure | None:
    built = _rules(dataset, lang)
    if built is None:
        return None
    # in the hall the names go on the y axis (the page's names above each bar overlap at the slide's height)
    fig = built.figure
    fig.layout.annotations = [a for a in fig.layout.annotations if a.xref != "paper"]  # the limit line's kept
    fig.update_layout(bargap=0.25)
    fig.update_yaxes(visible=True)
    return fig


BUILDERS: dict[str, Callable[[Dataset, str], go.Figure | None]] = {
    "gender": _gender,
    "revenue_by_year": _finance(charts.revenue_by_year),
    "spending_by_year": _finance(charts.spending_by_year),
    "balance_by_year": _finance(charts.balance_by_year),
    "targets_result": _targets,
    "awards_by_level": _awards,
    "finance_rules": _rules_figure,
}


PHONE_BUILDERS: dict[str, Callable[[Dataset, str], charts.Chart | None]] = {
    "gender": lambda d, lang: charts.gender_donut(d.members, lang=lang) if d.members is not None else None,
    "revenue_by_year": lambda d, lang: charts.revenue_by_year(d.finance, lang=lang) if d.finance else None,
    "spending_by_year": lambda d, lang: charts.spending_by_year(d.finance, lang=lang) if d.finance else None,
    "balance_by_year": lambda d, lang: charts.balance_by_year(d.finance, lang=lang) if d.finance else None,
    "targets_result": lambda d, lang: charts.targets_bullets(d.targets, lang=lang) if d.targets else None,
    "awards_by_level": lambda d, lang: charts.awards_by_level(d.awards, lang=lang) if d.awards else None,
    "finance_rules": _rules,
}


def phone_chart(key: str | None, dataset: Dataset, lang: str = "vi") -> charts.Chart | None:
    """A slide's chart as the dashboard draws it, for a phone (the hall's large type would not fit)."""
    if key is None or key not in PHONE_BUILDERS:
        return None
    return PHONE_BUILDERS[key](dataset, lang)


def _bigger(size: float | None, minimum: int) -> int:
    return max(int(round((size or 0) * 1.4)), minimum)


def enlarge(fig: go.Figure, height: int | None = SLIDE_CHART_HEIGHT) -> go.Figure:
    """Restyle a dashboard figure for projection: large fonts everywhere, no title, tight margins.

    `height=None` leaves the height to the page (a chart that fills a box sized by CSS).
    """
    fig.update_layout(
        title={"text": ""},
        height=height,
        autosize=True,
        font={"size": BASE_FONT_SIZE, "color": "#111111"},
        margin={"l": 10, "r": 20, "t": 30, "b": 10},
        legend={"font": {"size": BASE_FONT_SIZE}, "orientation": "h", "x": 0.5, "xanchor": "center",
                "y": 1.0, "yanchor": "bottom"},
        hoverlabel={"font": {"size": BASE_FONT_SIZE}},
        uniformtext={"minsize": MIN_FONT_SIZE, "mode": "hide"},
    )
    axis_style = {"tickfont": {"size": TICK_FONT_SIZE, "color": "#111111"},
                  "title": {"font": {"size": BASE_FONT_SIZE}}, "automargin": True}
    fig.update_xaxes(**axis_style)
    fig.update_yaxes(**axis_style)
    for trace in fig.data:
        if trace.type in ("bar", "scatter", "pie", "waterfall"):
            trace.textfont.size = _bigger(trace.textfont.size, LABEL_FONT_SIZE)
        if trace.type == "pie":
            trace.outsidetextfont.size = _bigger(trace.outsidetextfont.size, LABEL_FONT_SIZE)
            trace.insidetextfont.size = _bigger(trace.insidetextfont.size, LABEL_FONT_SIZE)
        if trace.type == "bar":
            trace.insidetextfont.size = _bigger(trace.insidetextfont.size, LABEL_FONT_SIZE)
            trace.outsidetextfont.size = _bigger(trace.outsidetextfont.size, LABEL_FONT_SIZE)
    pies = any(trace.type == "pie" for trace in fig.data)
    for annotation in fig.layout.annotations:
        size = CENTRE_FONT_SIZE if pies else MIN_FONT_SIZE
        annotation.font.size = max(annotation.font.size or 0, size)
    if pies:
        fig.update_layout(showlegend=False, margin={"l": 20, "r": 20, "t": 40, "b": 40})
    elif any(getattr(trace, "orientation", None) == "h" for trace in fig.data):
        # horizontal bars (targets): the legend to the right, clear of the "Mục tiêu" line label
        fig.update_layout(legend={"x": 1.0, "xanchor": "right"})
    else:
        _headroom(fig)
    return fig


def _headroom(fig: go.Figure) -> None:
    """Vertical bars/lines: room above (and below zero) for the value labels the larger type needs."""
    if any(getattr(trace, "orientation", None) == "h" for trace in fig.data):
        return
    values: list[float] = []
    stacked = fig.layout.barmode in ("stack", "relative")
    sums: dict[tuple[object, bool], float] = {}
    for trace in fig.data:
        ys = [y for y in (trace.y or ()) if isinstance(y, (int, float))]
        if trace.type == "bar" and stacked:
            for x, y in zip(trace.x or (), trace.y or (), strict=False):
                if isinstance(y, (int, float)):
                    sums[(x, y >= 0)] = sums.get((x, y >= 0), 0) + y
        else:
            values += ys
    values += list(sums.values())
    values += [a.y for a in fig.layout.annotations if isinstance(a.y, (int, float)) and a.yref != "paper"]
    if not values:
        return
    low, high = min(0.0, min(values)), max(0.0, max(values))
    span = (high - low) or 1.0
    fig.update_yaxes(range=[low - (0.14 * span if low < 0 else 0), high + 0.14 * span],
                     autorange=False)


def slide_figure(key: str | None, dataset: Dataset, lang: str = "vi",
                 height: int | None = SLIDE_CHART_HEIGHT, width: int | None = None) -> go.Figure | None:
    """The large-type figure of a slide's chart key; None for no key or no data (unknown key → ValueError)."""
    if key is None:
        return None
    if key not in BUILDERS:
        raise ValueError(f"Biểu đồ “{key}” không có (cần một trong {', '.join(CHART_KEYS)}).")
    fig = BUILDERS[key](dataset, lang)
    if fig is None:
        return None
    enlarge(fig, height)
    fig.update_layout(separators=SEPARATORS["en" if lang == "en" else "vi"])  # the slide's language, as its text
    if width is not None:  # a fixed size: the slide page scales it with the slide (its text too)
        fig.update_layout(width=width, autosize=False)
    return fig


def font_sizes(fig: go.Figure) -> list[float]:
    """Every explicit font size of a figure (layout, axes, legend, annotations, traces), for checks."""
    layout = fig.layout
    sizes = [layout.font.size, layout.legend.font.size, layout.hoverlabel.font.size]
    for axis in (layout.xaxis, layout.yaxis):
        sizes += [axis.tickfont.size, axis.title.font.size]
    sizes += [a.font.size for a in layout.annotations]
    for trace in fig.data:
        for attr in ("textfont", "insidetextfont", "outsidetextfont"):
            font = getattr(trace, attr, None)
            if font is not None:
                sizes.append(font.size)
    return [s for s in sizes if s is not None]
