"""The finance rules' charts (present/charts/rules.py) on the enterprise example: one year at a time, % of the
limit on an axis that stops at 200 %, the language's separators, registered once."""

from __future__ import annotations

import pytest

from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.present import charts, rule_charts
from unionboard.present.charts.rules import CAP
from unionboard.present.palette import BLUISH_GREEN, VERMILLION
from unionboard.present.slide_charts import hall_results
from unionboard.sample.enterprise import enterprise_paths


@pytest.fixture(scope="module")
def results():
    result = check_files([SourceFile(p.name, p.read_bytes()) for p in enterprise_paths()])
    return check_dataset(result.dataset)


def test_registered_once_with_its_data_function():
    assert charts.CHARTS["rules_chart"] is charts.rules_chart is rule_charts.rules_chart
    assert charts.DATA_FUNCTIONS["rules_chart"] is rule_charts.data_rules_chart
    assert charts.CHARTS["groups_caps"].data is rule_charts.data_groups_caps


def test_one_year_at_a_time_the_latest_by_default(results):
    assert rule_charts.checked_years(results) == [2023, 2024, 2025]
    assert rule_charts.shown_year(results) == 2025
    assert rule_charts.shown_year(results, 2024) == 2024
    assert rule_charts.shown_year(results, 2030) == 2025  # a period past the data: its latest year before
    built = rule_charts.rules_chart(results, "vi", 2024)
    assert set(built.table["Năm"]) == {2024} and len(built.table) <= 10  # a year's rules, not ~27 bars
    assert "2024" in built.figure.layout.title.text


def test_bars_are_percent_of_the_limit_capped_with_their_own_number(results):
    built = rule_charts.rules_chart(results, "vi", 2025)
    fig = built.figure
    xs = [x for trace in fig.data for x in trace.x]
    assert max(xs) == CAP and fig.layout.xaxis.range[1] < CAP * 1.2  # 487 % does not squeeze the rest
    visits = [text for trace in fig.data for text in trace.text if "487" in text]
    assert visits == ["✔ 487,0% ▸"]
    assert any(shape.x0 == 100 for shape in fig.layout.shapes)  # the limit line at 100 %


def test_violation_in_its_palette_colour_and_first(results):
    fig = rule_charts.rules_chart(results, "vi", 2024).figure
    colours = {trace.name: trace.marker.color for trace in fig.data}
    assert colours == {"✔ Đạt": BLUISH_GREEN, "✖ Vi phạm": VERMILLION}
    assert "✖ Vi phạm 114,3%" in fig.data[1].text
    table = rule_charts.data_rules_chart(results, "vi", 2024)
    assert table.iloc[0]["Kết quả"] == "✖ Vi phạm" and table.iloc[0]["Quy định"] == "Đoàn phí giữ lại ≤ 70%"


def test_english_separators_in_english(results):
    en = rule_charts.rules_chart(results, "en", 2025).figure
    vi = rule_charts.rules_chart(results, "vi", 2025).figure
    assert en.layout.separators == ".," and vi.layout.separators == ",."
    en_texts = " ".join(text for trace in en.data for text in trace.text)
    assert "487.0%" in en_texts and "487,0" not in en_texts
    assert "99.840.000 đ" in " ".join(rule_charts.rules_chart(results, "vi", 2024).figure.data[1].customdata)
    assert "99,840,000 VND" in " ".join(rule_charts.rules_chart(results, "en", 2024).figure.data[1].customdata)
    assert "99,840,000 VND" in set(rule_charts.rules_table(results, "en")["Figure"])


def test_spending_groups_against_their_caps(results):
    built = rule_charts.groups_caps(results, "vi", 2025)
    table = built.table
    assert list(table["Đã chi (đ)"]) == [31_000_000, 135_000_000, 0]
    assert list(table["Mức quy định (đ)"]) == [31_185_000, 27_720_000, 10_395_000]
    bars, caps = built.figure.data
    assert list(bars.x) == [31.0, 135.0, 0.0] and list(caps.x) == pytest.approx([31.185, 27.72, 10.395])
    lines = [a.text for a in built.figure.layout.annotations]
    assert "Thăm hỏi ≥ 40% đoàn phí<br>✔ đã chi 135,0 · mức 27,7" in lines
    assert built.figure.layout.xaxis.title.text == "triệu đồng"


def test_the_first_groups_text_stays_below_the_legend(results):
    """The legend sits just above the plot: the first group's two lines of text (raised above its bar) must fit
    in the plot area, not reach up into the legend (they did on a 720p page)."""
    from unionboard.present.charts.style import take_title

    _, fig = take_title(rule_charts.groups_caps(results, "vi", 2025).figure)
    bottom, top = fig.layout.yaxis.range
    assert bottom > top  # reversed: the first group on top
    groups = len(fig.data[0].y)
    plot_px = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    band_px = plot_px / (bottom - top)
    first = fig.layout.annotations[0]
    text_px = first.yshift + first.text.count("<br>") * 1.3 * first.font.size + 1.3 * first.font.size
    assert band_px * (0 - top) >= text_px, (band_px, top, text_px)  # from the first group's centre up to the top
    assert bottom == groups - 0.5


def test_the_hall_draws_from_the_same_data_function(results):
    shown = hall_results(results)
    hall = rule_charts.rules_chart(shown, "vi")
    assert hall.table.equals(rule_charts.data_rules_chart(shown, "vi"))
    assert hall.table.iloc[0]["Quy định"] == "Đoàn phí giữ lại ≤ 70% · 2024"
