"""Planning figures: heat-map colours per status, Vietnamese separators, money axes without SI suffixes."""

from __future__ import annotations

import pandas as pd
import pytest

from unionboard.analysis import planning as P
from unionboard.core.models import BudgetLine, Finance, FinanceEntry, TermTarget
from unionboard.core.text import format_dong
from unionboard.domains import term_status as TS
from unionboard.present import palette
from unionboard.present import planning_charts as C

YEARS = (2018, 2019, 2020, 2021, 2022)


def tt(code: str, goal: str, results: dict[int, str], text: str = "Chỉ tiêu") -> TermTarget:
    return TermTarget(code=code, text=text, group="Công đoàn thực hiện", unit="", term_target=goal,
                      results=results)


# One target that sees every status: exceeded, met, not met, then no data.
MIXED = tt("3.1", "1", {2018: "2", 2019: "1", 2020: "0"})


def colour_at(figure, z: float) -> str:
    """The colour Plotly draws for value z (piecewise-constant scale between zmin and zmax)."""
    trace = figure.data[0]
    position = (z - trace.zmin) / (trace.zmax - trace.zmin)
    colour = None
    for stop, value in trace.colorscale:
        if stop <= position:
            colour = value
    return colour


# --------------------------------------------------------------------------- heat-map


def test_heatmap_values_and_colours_per_status() -> None:
    items = TS.progress([MIXED], YEARS)
    fig = C.status_heatmap(items, YEARS).figure
    heat = fig.data[0]
    assert [list(row) for row in heat.z] == [[3, 2, 1, 0, 0]]
    expected = [palette.STATUS_COLORS["Vượt"], palette.STATUS_COLORS["Đạt"],
                palette.STATUS_COLORS["Chưa đạt"], palette.LIGHT_GREY, palette.LIGHT_GREY]
    assert [colour_at(fig, z).upper() for z in heat.z[0]] == [c.upper() for c in expected]


def test_heatmap_status_colours_are_the_palette_status_colours() -> None:
    assert C.STATUS_COLORS[TS.EXCEEDED] == palette.BLUE
    assert C.STATUS_COLORS[TS.MET] == palette.BLUISH_GREEN
    assert C.STATUS_COLORS[TS.NOT_MET] == palette.ORANGE
    assert C.STATUS_COLORS[TS.NO_DATA] == palette.LIGHT_GREY
    assert len(set(C.STATUS_COLORS.values())) == 4


def test_heatmap_labels_in_both_languages() -> None:
    items = TS.progress([MIXED], YEARS)
    vi = C.status_heatmap(items, YEARS).figure
    # the statuses are a legend (one square each), not a colour bar that takes a phone's width
    assert not vi.data[0].showscale
    assert [t.name for t in vi.data[1:]] == ["Vượt", "Đạt", "Chưa đạt", "Chưa có số liệu"]
    assert [t.marker.color for t in vi.data[1:]] == [C.STATUS_COLORS[s] for s in reversed(C.STATUS_ORDER)]
    en = C.status_heatmap(items, YEARS, "en").figure
    assert [t.name for t in en.data[1:]] == ["Exceeded", "Met", "Not met", "No data"]
    assert [c[0] for c in en.data[0].customdata[0]] == ["Exceeded", "Met", "Not met", "No data", "No data"]


def test_heatmap_text_axes_and_separators() -> None:
    fig = C.status_heatmap(TS.progress([MIXED], YEARS), YEARS).figure
    heat = fig.data[0]
    assert list(heat.x) == [str(y) for y in YEARS] and list(heat.y) == [0]
    assert list(heat.text[0]) == ["2", "1", "0", "–", "–"]  # an empty year shows a dash
    assert fig.layout.separators == ",."
    assert fig.layout.xaxis.type == "category" and fig.layout.xaxis.tickangle == 0
    # the row's code and whole text are written above its cells
    assert [a.text.replace("<br>", " ") for a in fig.layout.annotations] == [f"3.1 · {MIXED.text}"]


def test_heatmap_codes_stay_category_labels() -> None:
    """'3.10' must not become the number 3.1 on a numeric axis."""
    items = TS.progress([tt("3.1", "1", {}), tt("3.10", "1", {})], YEARS)
    fig = C.status_heatmap(items, YEARS).figure
    assert [a.text.split(" · ")[0] for a in fig.layout.annotations] == ["3.1", "3.10"]


def test_heatmap_title_counts_targets_behind() -> None:
    behind = TS.progress([MIXED, tt("3.2", "1", {2018: "1"})], YEARS)
    assert sum(p.behind for p in behind) == 1
    assert C.status_heatmap(behind, YEARS).figure.layout.title.text == "1 chỉ tiêu nhiệm kỳ đang chậm tiến độ"
    fine = TS.progress([tt("3.2", "1", {2018: "1"})], YEARS)
    assert C.status_heatmap(fine, YEARS, "en").figure.layout.title.text == "Term targets year by year"


def test_heatmap_escapes_data_text() -> None:
    items = TS.progress([tt("<b>x</b>", "1", {2018: "<i>1</i>"}, text="<script>")], YEARS)
    heat = C.status_heatmap(items, YEARS).figure.data[0]
    fig = C.status_heatmap(items, YEARS).figure
    assert fig.layout.annotations[0].text.replace("<br>", " ") == "&lt;b&gt;x&lt;/b&gt; · &lt;script&gt;"
    assert heat.text[0][0] == "&lt;i&gt;1&lt;/i&gt;"
    assert heat.customdata[0][0][1] == "&lt;script&gt;"


def test_heatmap_without_items_or_years() -> None:
    assert C.status_heatmap([], YEARS) is None
    assert C.status_heatmap(TS.progress([MIXED], YEARS), ()) is None


def test_data_status_heatmap() -> None:
    frame = C.data_status_heatmap(TS.progress([MIXED], YEARS), YEARS)
    assert list(frame.columns[:3]) == ["Mã", "Nội dung", "Mục tiêu"]
    assert frame.loc[0, "Kết quả 2018"] == "2" and frame.loc[0, "Đánh giá 2018"] == "Vượt"
    assert frame.loc[0, "Kết quả 2022"] == "" and frame.loc[0, "Đánh giá 2022"] == "Chưa có số liệu"


# --------------------------------------------------------------------------- plan vs actual

FIN = Finance(entries=(
    FinanceEntry("revenue", 2013, "Thu ĐPCĐ 1%", 18_777_000),
    FinanceEntry("revenue", 2014, "Thu ĐPCĐ 1%", 21_335_000),
    FinanceEntry("spending", 2013, "Chi HĐ phong trào", 45_162_000),
    FinanceEntry("spending", 2014, "Chi HĐ phong trào", 62_250_000),
))
PLAN = (BudgetLine("revenue", 2013, "Thu ĐPCĐ 1%", 20_000_000),
        BudgetLine("revenue", 2014, "Thu ĐPCĐ 1%", 20_000_000),
        BudgetLine("spending", 2013, "Chi HĐ phong trào", 50_000_000),
        BudgetLine("spending", 2014, "Chi HĐ phong trào", 55_000_000))


@pytest.fixture(scope="module")
def totals() -> pd.DataFrame:
    return P.plan_totals(PLAN, FIN)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("side", ["revenue", "spending"])
def test_plan_vs_actual_money_axis_has_no_si_suffix(totals: pd.DataFrame, side: str, lang: str) -> None:
    fig = C.plan_vs_actual(totals, side, lang).figure
    axis = fig.layout.yaxis
    assert axis.tickformat == ",.0f" and axis.hoverformat == ",.3f"
    assert "s" not in axis.tickformat and "s" not in axis.hoverformat  # never "18.8M"
    assert fig.layout.separators == (",." if lang == "vi" else ".,")
    assert axis.title.text == ("triệu đồng" if lang == "vi" else "million VND")


def test_plan_vs_actual_bars_in_million_with_exact_hover(totals: pd.DataFrame) -> None:
    fig = C.plan_vs_actual(totals, "revenue").figure
    planned, actual = fig.data
    assert planned.name == "Kế hoạch" and actual.name == "Thực hiện"
    assert list(planned.x) == ["2013", "2014"]
    assert list(planned.y) == pytest.approx([20.0, 20.0])
    assert list(actual.y) == pytest.approx([18.777, 21.335])
    assert list(actual.customdata) == ["18.777.000 đ", "21.335.000 đ"]
    assert actual.marker.color == palette.SIDE_COLORS["revenue"]
    assert planned.marker.color == palette.LIGHT_GREY
    assert C.plan_vs_actual(totals, "spending").figure.data[1].marker.color == palette.SIDE_COLORS["spending"]


def test_plan_vs_actual_flags_shortfall_and_overspend(totals: pd.DataFrame) -> None:
    revenue = C.plan_vs_actual(totals, "revenue").figure
    # the variance is written in its year's tick label (never over a bar or a neighbour's label), and no
    # annotation is placed by a category's name ("2013" would be read as x = 2013 and empty the chart)
    assert not revenue.layout.annotations
    ticks = dict(zip(revenue.layout.xaxis.tickvals, revenue.layout.xaxis.ticktext, strict=True))
    assert ticks["2013"].startswith("2013<br>") and ticks["2013"].endswith(">−6,1%</span>")  # 18,777 vs 20
    assert ticks["2014"] == "2014"  # revenue above plan: nothing to flag
    spending = C.plan_vs_actual(totals, "spending").figure
    ticks = dict(zip(spending.layout.xaxis.tickvals, spending.layout.xaxis.ticktext, strict=True))
    assert ticks["2014"].endswith(">+13,2%</span>") and ticks["2013"] == "2013"  # 62,25 vs 55
    assert C.variance_text(-0.4) == "−0,4%" and C.variance_text(13.18) == "+13,2%"


def test_plan_vs_actual_without_that_side() -> None:
    only_revenue = P.plan_totals(PLAN[:2], FIN)
    assert C.plan_vs_actual(only_revenue[only_revenue.side == "revenue"], "spending") is None


def test_data_plan_vs_actual(totals: pd.DataFrame) -> None:
    table = C.data_plan_vs_actual(totals, "spending", "en")
    assert list(table.columns)[:3] == ["Year", "Planned", "Actual"]
    assert list(table["Year"]) == [2013, 2014]
    assert list(table["Actual"]) == [45_162_000, 62_250_000]
    assert table.iloc[1, 4] == pytest.approx(13.2)


# --------------------------------------------------------------------------- projected balance


def test_projected_balance_axis_and_title() -> None:
    series = [("Theo tốc độ hiện nay", P.projected_balance(FIN, 2016))]
    fig = C.projected_balance(series).figure
    assert fig.layout.separators == ",." and fig.layout.yaxis.tickformat == ",.0f"
    end = series[0][1].iloc[-1]
    assert fig.layout.title.text.endswith(f"{int(end['year'])}: " + format_dong(end["balance"]))
    assert "." in fig.layout.title.text.split(": ")[-1]  # Vietnamese thousands separator
    actual = fig.data[0]
    assert list(actual.x) == ["2013", "2014"]
    assert list(actual.y) == pytest.approx([(18_777_000 - 45_162_000) / 1e6,
                                            (18_777_000 + 21_335_000 - 45_162_000 - 62_250_000) / 1e6])
    assert fig.data[1].line.dash == "dash"
    assert list(fig.data[1].x)[0] == "2014"  # the projection starts from the last actual year


def test_projected_balance_escapes_series_names_and_handles_empty() -> None:
    fig = C.projected_balance([("<b>x</b>", P.projected_balance(FIN, 2016))]).figure
    assert fig.data[1].name == "&lt;b&gt;x&lt;/b&gt;"
    assert C.projected_balance([]) is None


def test_warning_text_uses_decimal_comma() -> None:
    warning = P.BudgetWarning("over_plan", 2014, "Chi HĐ phong trào", 7_250_000, 13.18)
    assert C.warning_text(warning) == "Năm 2014: chi “Chi HĐ phong trào” vượt kế hoạch 7.250.000 đ (13,2%)."


def test_each_planning_chart_is_registered_once_with_its_data_function() -> None:
    assert list(C.PLANNING_CHARTS) == ["status_heatmap", "plan_vs_actual", "projected_balance"]
    for key, registered in C.PLANNING_CHARTS.items():
        assert getattr(C, key) is registered and registered.data is getattr(C, f"data_{key}")
