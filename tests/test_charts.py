"""Chart builders, checked through the figures' data on the report's figures (unionboard.sample.report).

The data set is built straight from the sample's row tuples (no workbook, no parser).
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from helpers import report_dataset

from unionboard.core.models import (
    Dataset,
    Finance,
    FinanceEntry,
    Member,
    Roster,
)
from unionboard.present import charts, palette


@pytest.fixture(scope="module")
def data() -> Dataset:
    return report_dataset()


def trace(fig: go.Figure, name: str):
    return next(t for t in fig.data if t.name == name)


def axes(fig: go.Figure):
    layout = fig.layout.to_plotly_json()
    return {k: v for k, v in layout.items() if re.fullmatch(r"[xy]axis\d*", k)}


def all_charts(data: Dataset, lang: str = "vi") -> dict[str, charts.Chart]:
    r, f, t, a = data.members, data.finance, data.targets, data.awards
    return {
        "gender_donut": charts.gender_donut(r, lang),
        "education_bar": charts.education_bar(r, lang),
        "political_theory_bar": charts.political_theory_bar(r, lang),
        "party_by_gender": charts.party_by_gender(r, lang),
        "department_bar": charts.department_bar(r, lang),
        "age_histogram": charts.age_histogram(r, 2017, lang),
        "revenue_by_year": charts.revenue_by_year(f, lang),
        "revenue_share": charts.revenue_share(f, lang),
        "spending_by_year": charts.spending_by_year(f, lang),
        "spending_share": charts.spending_share(f, lang),
        "balance_by_year": charts.balance_by_year(f, lang),
        "term_waterfall": charts.term_waterfall(f, lang),
        "targets_bullets": charts.targets_bullets(t, lang),
        "targets_status_donut": charts.targets_status_donut(t, lang),
        "awards_by_level": charts.awards_by_level(a, lang),
        "awards_by_year": charts.awards_by_year(a, lang),
    }


def all_figures(data: Dataset, lang: str = "vi") -> dict[str, go.Figure]:
    return {name: built.figure for name, built in all_charts(data, lang).items()}


# --------------------------------------------------------------------------- every figure

# The positional data each builder takes (its table builder takes the same).
CHART_ARGS = {
    **{n: (lambda d: (d.members,)) for n in ("gender_donut", "education_bar", "political_theory_bar",
                                              "party_by_gender", "department_bar")},
    "age_histogram": lambda d: (d.members, 2017),
    **{n: (lambda d: (d.finance,)) for n in ("revenue_by_year", "spending_by_year", "revenue_share",
                                              "spending_share", "balance_by_year", "term_waterfall")},
    **{n: (lambda d: (d.targets,)) for n in ("targets_bullets", "targets_status_donut")},
    **{n: (lambda d: (d.awards,)) for n in ("awards_by_level", "awards_by_year")},
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_figure_shares_the_layout(data, lang):
    for name, built in all_charts(data, lang).items():
        assert isinstance(built, charts.Chart) and isinstance(built.figure, go.Figure), name
        assert built.table.equals(getattr(charts, f"data_{name}")(*CHART_ARGS[name](data), lang)), name
        fig = built.figure
        assert fig.layout.separators == (",." if lang == "vi" else ".,"), name  # one separator per language
        assert fig.layout.font.size == 16 and fig.layout.title.font.size == 20, name
        assert fig.layout.title.text, name
        assert fig.layout.legend.orientation == "h", name
        for axis_name, axis in axes(fig).items():
            if axis.get("type") == "category":
                continue
            # every numeric axis has an explicit format: never plotly's SI default ("18.8M")
            assert axis.get("tickformat"), (name, axis_name)
            assert "s" not in axis["tickformat"], (name, axis_name)


def test_money_axes_are_in_million_dong(data):
    figs = all_figures(data)
    for name in ("revenue_by_year", "spending_by_year", "balance_by_year", "term_waterfall"):
        # the waterfall is horizontal: its money axis is x
        axis = figs[name].layout.xaxis if name == "term_waterfall" else figs[name].layout.yaxis
        assert axis.title.text == "triệu đồng", name
        assert axis.tickformat in (",.0f", ",.1f"), name


def test_every_builder_has_its_table(data):
    objs = {"members": data.members, "finance": data.finance, "targets": data.targets,
            "awards": data.awards}
    domain = {"gender_donut": "members", "education_bar": "members", "political_theory_bar": "members",
              "party_by_gender": "members", "department_bar": "members", "age_histogram": "members",
              "targets_bullets": "targets", "targets_status_donut": "targets",
              "awards_by_level": "awards", "awards_by_year": "awards"}
    rules = {"rules_chart", "groups_caps"}  # the sample checks no rule: tests/test_rule_charts.py
    assert set(charts.DATA_FUNCTIONS) - rules == set(all_figures(data))
    for name, fn in ((n, f) for n, f in charts.DATA_FUNCTIONS.items() if n not in rules):
        table = fn(objs[domain.get(name, "finance")], lang="vi")
        assert isinstance(table, pd.DataFrame) and not table.empty, name


# --------------------------------------------------------------------------- finance


def test_revenue_by_year_values_and_hover(data):
    fig = charts.revenue_by_year(data.finance).figure
    dues = trace(fig, "Thu ĐPCĐ 1%")
    assert list(dues.x) == ["2013", "2014", "2015", "2016", "2017"]
    assert list(dues.y) == pytest.approx([18.777, 21.335, 20.56, 20.45, 21.1])
    assert [row[0] for row in dues.customdata] == ["18.777.000 đ", "21.335.000 đ", "20.560.000 đ",
                                                   "20.450.000 đ", "21.100.000 đ"]
    assert "%{customdata[0]}" in dues.hovertemplate
    assert fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["Thu ĐPCĐ 1%", "LĐLĐ tỉnh cấp", "CQ, ĐV hỗ trợ"]
    # the year's total above each stack
    assert [a.text for a in fig.layout.annotations] == ["59,8", "64,0", "83,1", "61,4", "42,8"]
    assert fig.layout.title.text.replace("<br>", " ") == "Đoàn phí là nguồn thu ổn định nhất"


def test_revenue_by_year_table_in_dong(data):
    table = charts.data_revenue_by_year(data.finance)
    assert list(table.columns) == ["Năm", "Nguồn thu", "Số tiền (đ)"]
    assert table["Số tiền (đ)"].sum() == 310_992_000
    assert table["Số tiền (đ)"].dtype.kind == "i"


def test_source_colour_is_the_same_everywhere(data):
    f = data.finance
    bars, donut = charts.revenue_by_year(f).figure, charts.revenue_share(f).figure
    colour = trace(bars, "Thu ĐPCĐ 1%").marker.color
    pie = donut.data[0]
    assert pie.marker.colors[list(pie.labels).index("Thu ĐPCĐ 1%")] == colour
    assert colour == palette.color_for("Thu ĐPCĐ 1%", "revenue", f.items("revenue"))
    cats = palette.colors_for(f, "spending")
    spend_pie = charts.spending_share(f).figure.data[0]
    for item, colour in zip(spend_pie.labels, spend_pie.marker.colors, strict=True):
        assert trace(charts.spending_by_year(f).figure, item).marker.color == colour == cats[item]
    assert len(set(cats.values())) == len(cats)


def test_colour_for_item_is_stable_without_context():
    assert palette.color_for("Nguồn mới", "revenue") == palette.color_for("Nguồn mới", "revenue")
    assert palette.color_for("Nguồn mới", "revenue") in palette.PALETTES["revenue"]


def test_revenue_share_donut(data):
    fig = charts.revenue_share(data.finance).figure
    pie = fig.data[0]
    assert list(pie.values) == [102_222_000, 78_700_000, 130_070_000]
    assert [row[0] for row in pie.customdata] == ["102.222.000 đ", "78.700.000 đ", "130.070.000 đ"]
    assert fig.layout.annotations[0].text == "310,99<br>triệu đồng"
    # 308.835.000 rounds half-up to 308,84 (not the float artefact 308,83)
    assert charts.spending_share(data.finance).figure.layout.annotations[0].text == "308,84<br>triệu đồng"
    assert fig.layout.title.text.replace("<br>", " ") == "Cơ quan, đơn vị hỗ trợ là nguồn thu lớn nhất (41,8% tổng thu)"


def test_spending_share_title_states_the_largest_category(data):
    fig = charts.spending_share(data.finance).figure
    assert fig.layout.title.text.replace("<br>", " ") == "Chi hoạt động phong trào chiếm 78,4% tổng chi"
    assert charts.data_spending_share(data.finance)["Tỷ lệ (%)"].tolist() == [12.3, 78.4, 8.7, 0.6]


def test_spending_by_year_blank_cells_are_zero(data):
    fig = charts.spending_by_year(data.finance).figure
    allowance = trace(fig, "Chi phụ cấp CB CĐ")
    assert list(allowance.y) == pytest.approx([9.198, 9.522, 9.522, 9.666, 0])
    assert allowance.customdata[-1][0] == "0 đ"


def test_balance_by_year_line_goes_negative_in_2014(data):
    fig = charts.balance_by_year(data.finance).figure
    assert fig.layout.barmode == "group"
    line = trace(fig, "Số dư lũy kế")
    assert line.mode == "lines+markers"  # no text drawn on the markers
    assert list(line.y) == pytest.approx([1.817, -10.395, -0.427, 1.451, 2.157])
    at_2014 = list(line.x).index("2014")
    assert line.y[at_2014] == pytest.approx(-10.395)
    assert line.customdata[at_2014][0] == "−10.395.000 đ"
    assert line.marker.color[at_2014] == palette.VERMILLION
    assert list(trace(fig, "Tổng chi").y) == pytest.approx([57.96, 76.192, 73.092, 59.507, 42.084])


def test_balance_labels_sit_above_the_years_highest_mark_in_a_box(data):
    fig = charts.balance_by_year(data.finance).figure
    line, revenue, spending = (trace(fig, n) for n in ("Số dư lũy kế", "Tổng thu", "Tổng chi"))
    notes = list(fig.layout.annotations)
    # one label per year, written with the title's rounding (two decimals, typographic minus)
    assert [a.text for a in notes] == ["1,82", "−10,40", "−0,43", "1,45", "2,16"]
    # by position on the category axis: a year-like name ("2014") would be read as an index there
    assert [a.x for a in notes] == list(range(len(line.x)))
    for a, point, r, s in zip(notes, line.y, revenue.y, spending.y, strict=True):
        # anchored by its bottom above the highest of the year's bars and point: never on a marker or bar
        assert a.y == pytest.approx(max(point, r, s, 0)) and a.y > point
        assert a.yanchor == "bottom" and a.yshift >= 6 and a.showarrow is False
        assert a.bgcolor == "white"
    assert fig.layout.yaxis.range[1] > max(a.y for a in notes) * 1.15  # room for the labels


def test_balance_title_names_every_deficit_year(data):
    # 2014: 76.192.000 − 63.980.000 = 12.212.000; 2013, 2015–2017 have a surplus
    assert charts.balance_by_year(data.finance).figure.layout.title.text.replace("<br>", " ") == "Năm 2014 chi vượt thu 12,2 triệu đồng"
    table = charts.data_balance_by_year(data.finance)
    assert table["Số dư lũy kế (đ)"].tolist() == [1_817_000, -10_395_000, -427_000, 1_451_000, 2_157_000]


def test_term_waterfall_ends_at_the_closing_balance(data):
    fig = charts.term_waterfall(data.finance).figure
    wf = fig.data[0]
    assert isinstance(wf, go.Waterfall)
    assert wf.measure[0] == "absolute" and wf.measure[-1] == "total"
    assert set(wf.measure[1:-1]) == {"relative"}
    assert len(wf.measure) == 1 + 3 + 4 + 1
    assert wf.customdata[-1][0] == "2.157.000 đ"
    assert wf.orientation == "h" and wf.textposition == "none"
    assert wf.x[0] + sum(wf.x[1:-1]) == pytest.approx(2.157)
    assert wf.x[-1] == pytest.approx(2.157)
    assert list(wf.x[4:8]) == pytest.approx([-37.908, -242.107, -26.82, -2.0])
    assert wf.text[1] == "+102,2" and wf.text[5] == "−242,1"
    # every amount is written once, in a column right of the plot, on its step's row
    notes = [(a.text, a.y, a.x, a.xref) for a in fig.layout.annotations]
    assert notes == [(text, row, 1, "paper") for row, text in enumerate(wf.text)]
    assert fig.layout.yaxis.autorange == "reversed"  # the opening balance on top
    assert fig.layout.title.text.replace("<br>", " ") == "Tồn quỹ cuối kỳ 2,16 triệu đồng"
    table = charts.data_term_waterfall(data.finance)
    assert table["Số dư sau khoản (đ)"].iloc[-1] == 2_157_000


def test_opening_balance_is_the_first_step():
    f = Finance((FinanceEntry("revenue", 2020, "A", 5_000_000),
                 FinanceEntry("spending", 2020, "B", 1_000_000)), opening_balance=3_000_000)
    wf = charts.term_waterfall(f).figure.data[0]
    assert wf.x[0] == pytest.approx(3.0) and wf.customdata[0][0] == "3.000.000 đ"
    assert wf.customdata[-1][0] == "7.000.000 đ"
    line = trace(charts.balance_by_year(f).figure, "Số dư lũy kế")
    assert list(line.y) == pytest.approx([7.0])


# --------------------------------------------------------------------------- members


def test_gender_donut(data):
    fig = charts.gender_donut(data.members).figure
    pie = fig.data[0]
    # the legend carries each count and share (slices are too thin for them on a phone)
    assert list(pie.labels) == ["Nam · 16 (48,5%)", "Nữ · 17 (51,5%)"]
    assert list(pie.values) == [16, 17]
    assert pie.textposition == "inside" and pie.texttemplate == "%{percent:.1%}"
    assert list(pie.marker.colors) == [palette.GENDER_COLORS["Nam"], palette.GENDER_COLORS["Nữ"]]
    assert fig.layout.title.text.replace("<br>", " ") == "Nữ chiếm 51,5% đoàn viên (17/33 người)"


def test_education_and_political_theory(data):
    edu = charts.education_bar(data.members).figure.data[0]
    assert [y.replace("<br>", " ") for y in edu.y] == ["Thạc sỹ", "Đại học", "Cao đẳng", "Trung cấp"]
    assert list(edu.x) == [6, 24, 1, 2] and edu.orientation == "h"
    theory = charts.political_theory_bar(data.members).figure.data[0]
    assert [y.replace("<br>", " ") for y in theory.y] == ["Cao cấp", "Trung cấp", "Sơ cấp", "Chưa có"]
    assert list(theory.x) == [10, 8, 9, 6] and theory.orientation == "h"


def test_party_by_gender(data):
    fig = charts.party_by_gender(data.members).figure
    party, non_party = trace(fig, "Đảng viên"), trace(fig, "Quần chúng")
    assert list(party.x) == ["Nam", "Nữ"] and list(party.y) == [10, 13]
    assert list(non_party.y) == [6, 4]
    assert fig.layout.barmode == "stack"
    assert fig.layout.title.text.replace("<br>", " ") == "23/33 đoàn viên là đảng viên, trong đó 13 nữ"


def test_department_bar_is_horizontal_and_sorted(data):
    fig = charts.department_bar(data.members).figure
    bar = fig.data[0]
    assert bar.orientation == "h"
    assert list(bar.x) == sorted(bar.x)  # bottom → top: the largest unit is drawn at the top
    assert sum(bar.x) == 33
    table = charts.data_department_bar(data.members)
    assert table["Số đoàn viên"].tolist() == sorted(table["Số đoàn viên"], reverse=True)


def test_age_histogram_bands(data):
    fig = charts.age_histogram(data.members, reference_year=2017).figure
    bar = fig.data[0]
    assert [x.replace("<br>", " ") for x in bar.x] == ["<30", "30–39", "40–49", "50–59", "≥60"]
    assert sum(bar.y) == 33
    assert "2017" in fig.layout.xaxis.title.text
    # born 1962–1992: in 2017 aged 25–55
    table = charts.data_age_histogram(data.members, 2017)
    assert table["Số đoàn viên"].sum() == 33
    assert int(table.loc[table["Nhóm tuổi"] == "≥60", "Số đoàn viên"].iloc[0]) == 0


def test_age_histogram_without_birth_years_is_none():
    roster = Roster.from_members([Member("A", "Nam", None, "P", "Đại học", "Chưa có", False)])
    assert charts.age_histogram(roster) is None


def test_age_histogram_default_year_is_this_year(data):
    assert sum(charts.age_histogram(data.members).figure.data[0].y) == 33


# --------------------------------------------------------------------------- targets, awards


def test_targets_bullets(data):
    fig = charts.targets_bullets(data.targets).figure
    bars = {t.name: t for t in fig.data if t.type == "bar"}
    assert set(bars) == {"Vượt", "Đạt"}
    assert "Mục tiêu (100%)" in {t.name for t in fig.data}  # the dashed mark's legend entry
    assert list(bars["Vượt"].x) == pytest.approx([400.0, 250.0])
    assert list(bars["Vượt"].text) == ["8/2 người", "5/2 người"]
    assert bars["Vượt"].marker.color == palette.STATUS_COLORS["Vượt"]
    assert bars["Đạt"].marker.color == palette.STATUS_COLORS["Đạt"]
    assert "100%/100%" in bars["Đạt"].text and "5/5 đợt" in bars["Đạt"].text
    assert sum(len(t.x) for t in bars.values()) == 6  # the 3 qualitative targets have no bar
    # the 100% mark across each bar (not a line through the texts)
    assert sum(s.x0 == 100 and s.x1 == 100 for s in fig.layout.shapes) == 6
    # each target's whole text, never shortened, with its result, above its bar
    texts = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    numeric = [t for t in data.targets if t.target_value is not None and t.result_value is not None]
    assert len(texts) == 6 and not any("…" in t for t in texts)
    assert "Bồi dưỡng đoàn viên ưu tú để giới thiệu Chi, Đảng bộ cơ sở xem xét kết nạp. — <b>8/2 người</b>" in texts
    assert all(t.text in text for t, text in zip(numeric, texts, strict=False))
    assert fig.layout.xaxis.ticksuffix == "%"
    assert fig.layout.title.text.replace("<br>", " ") == "6 chỉ tiêu định lượng đều đạt hoặc vượt, cao nhất 400% mục tiêu"


def test_targets_status_donut(data):
    fig = charts.targets_status_donut(data.targets).figure
    pie = fig.data[0]
    assert list(pie.labels) == ["Vượt · 2", "Đạt · 7"] and list(pie.values) == [2, 7]
    assert fig.layout.title.text.replace("<br>", " ") == "Hoàn thành 9/9 chỉ tiêu, vượt 2 chỉ tiêu"
    assert charts.data_targets_status_donut(data.targets)["Số chỉ tiêu"].tolist() == [2, 7, 0]


def test_awards_by_level(data):
    fig = charts.awards_by_level(data.awards).figure
    table = charts.data_awards_by_level(data.awards)
    totals = table.groupby("Cấp khen thưởng", sort=False)["Số lượt"].sum()
    assert list(totals.index) == ["Cơ sở", "Tỉnh", "Bộ", "Tổng Liên đoàn", "Thủ tướng"]
    assert totals.tolist() == [16, 13, 6, 2, 1]
    assert sum(sum(t.x) for t in fig.data) == 38  # horizontal bars: counts on x
    assert all(t.orientation == "h" for t in fig.data)
    assert fig.layout.title.text.replace("<br>", " ") == "38 lượt khen thưởng, cao nhất là Bằng khen của Thủ tướng Chính phủ"


def test_awards_by_year_keeps_periods_apart(data):
    fig = charts.awards_by_year(data.awards).figure
    buckets = list(fig.layout.yaxis.categoryarray)
    assert [b.replace("<br>", " ") for b in buckets] == [
        "2013", "2014", "Giai đoạn 2011–2013", "Giai đoạn 2011–2016", "Giai đoạn 2012–2017"]
    table = charts.data_awards_by_year(data.awards)
    by_bucket = table.groupby("Năm/Giai đoạn", sort=False)["Số lượt"].sum().to_dict()
    assert by_bucket == {"2013": 1, "2014": 13, "Giai đoạn 2011–2013": 1, "Giai đoạn 2011–2016": 1,
                         "Giai đoạn 2012–2017": 22}
    # the title names the tallest bar, so it cannot contradict the chart
    assert fig.layout.title.text.replace("<br>", " ") == "Giai đoạn 2012–2017 nhiều khen thưởng nhất (22 lượt)"
    assert max(by_bucket.values()) == 22


# --------------------------------------------------------------------------- English


def test_english_labels(data):
    figs = all_figures(data, "en")
    assert list(figs["gender_donut"].data[0].labels) == ["Male · 16 (48.5%)", "Female · 17 (51.5%)"]
    assert figs["revenue_by_year"].layout.yaxis.title.text == "million VND"
    assert {t.name for t in figs["balance_by_year"].data} == {"Revenue", "Spending", "Cumulative balance"}
    assert {t.name for t in figs["targets_bullets"].data} == {"Exceeded", "Met", "Target (100%)"}
    assert {t.name for t in figs["party_by_gender"].data} == {"Party members", "Non-Party"}
    assert figs["spending_share"].layout.title.text.replace("<br>", " ") == "“Chi HĐ phong trào” accounts for 78.4% of spending"
    assert figs["term_waterfall"].data[0].y[0] == "Opening balance"
    assert list(charts.data_revenue_by_year(data.finance, "en").columns) == ["Year", "Source", "Amount (VND)"]
    assert figs["revenue_by_year"].layout.separators == ".,"
    # hover amounts stay in đồng, in the English number format like every other English figure
    assert trace(figs["revenue_by_year"], "Thu ĐPCĐ 1%").customdata[0][0] == "18,777,000 VND"


def test_every_user_facing_key_exists_in_both_languages():
    vi, en = charts.labels("vi"), charts.labels("en")
    assert set(vi) == set(en)
    for key in ("titles", "columns"):
        assert set(vi[key]) == set(en[key])


def test_builders_never_import_streamlit():
    from pathlib import Path

    source = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (charts, palette))
    assert "import streamlit" not in source and "from streamlit" not in source


def test_figures_get_plotly_white_and_copies_are_independent(data):
    """The template is assigned without re-validation (for speed): same JSON as `template="plotly_white"`,
    and `take_title`'s copy leaves the built figure as it was."""
    import json

    built = charts.gender_donut(data.members).figure
    validated = go.Figure(built)
    validated.update_layout(template="plotly_white")
    assert json.loads(built.to_json()) == json.loads(validated.to_json())
    assert built.layout.template.layout.plot_bgcolor == "white"
    title, bare = charts.take_title(built)
    assert title and built.layout.title.text and not bare.layout.title.text
    assert json.loads(bare.to_json())["data"] == json.loads(built.to_json())["data"]


def test_english_uses_one_decimal_separator_in_text_and_charts(data):
    """English: '51.5%' in the sentence, the chart's title, its legend and its number format alike; no
    Vietnamese decimal comma left in any English figure's text; 'million VND' throughout."""
    import re

    from unionboard.analysis import findings
    from unionboard.present.slides import fmt_percent

    figs = all_figures(data, "en")
    assert findings.gender_finding(data.members, "en") == "Women make up 51.5% of members (17/33)"
    assert fmt_percent(17, 33, "en") == "51.5%"
    for name, fig in figs.items():
        assert fig.layout.separators == ".,", name
        texts = [fig.layout.title.text or "", fig.layout.yaxis.title.text or "", fig.layout.xaxis.title.text or ""]
        for tr in fig.data:
            texts += [str(v) for v in (getattr(tr, "text", None) or ()) if v is not None] if not isinstance(
                getattr(tr, "text", None), str) else [tr.text]
            texts += [str(v) for v in (getattr(tr, "labels", None) or ())]
        joined = " ".join(texts)
        assert not re.search(r"\d,\d{1,2}(?!\d)", joined), (name, joined)  # "78,4" / "2,16" would be Vietnamese
        assert "million đồng" not in joined and "triệu" not in joined, name
    vi = all_figures(data, "vi")
    assert vi["gender_donut"].layout.separators == ",." and "51,5%" in " ".join(vi["gender_donut"].data[0].labels)


# --------------------------------------------------------------------------- registry


def test_every_chart_is_registered_once_with_its_data_function(data):
    assert list(charts.CHARTS) == list(charts.DATA_FUNCTIONS)
    for key, registered in charts.CHARTS.items():
        assert getattr(charts, key) is registered and registered.key == key
        assert registered.data is getattr(charts, f"data_{key}") is charts.DATA_FUNCTIONS[key]


def test_a_registered_chart_reads_the_language_given_by_position_or_by_name(data):
    by_position = charts.age_histogram(data.members, 2017, "en")
    by_name = charts.age_histogram(data.members, reference_year=2017, lang="en")
    assert by_position.figure.to_json() == by_name.figure.to_json()
    assert by_position.figure.layout.separators == ".,"
    assert charts.gender_donut(data.members).figure.layout.separators == ",."


def test_a_chart_is_not_its_figure(data):
    built = charts.gender_donut(data.members)
    with pytest.raises(AttributeError):
        built.layout  # noqa: B018 - the figure's attributes are read through .figure only
    assert built.figure.layout.height == 480


def test_registering_checks_the_draw_function_against_the_data_function():
    registry: dict = {}

    def data(roster, lang="vi"):
        return pd.DataFrame({"n": [1]})

    def draw(table, roster, lang="vi"):
        return go.Figure()

    def wrong(table, finance, lang="vi"):
        return go.Figure()

    built = charts.chart("x", data, registry=registry)(draw)
    assert registry == {"x": built} and isinstance(built(None), charts.Chart)
    with pytest.raises(ValueError, match="twice"):
        charts.chart("x", data, registry=registry)(draw)
    with pytest.raises(TypeError, match="draw takes"):
        charts.chart("y", data, registry=registry)(wrong)
    assert charts.chart("z", data, only_if=lambda roster: False, registry=registry)(draw)(None) is None
