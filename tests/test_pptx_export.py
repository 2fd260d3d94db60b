"""The PowerPoint deck: 16:9, native charts holding the real amounts, large fonts, speaker notes."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from helpers import report_dataset, term_targets
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu, Pt

from unionboard.core.models import Award, Dataset
from unionboard.export.pptx import dataset_to_pptx
from unionboard.present import charts as chart_data
from unionboard.present import palette
from unionboard.present.slides import build_slides


def _open(data: bytes) -> Presentation:
    return Presentation(io.BytesIO(data))


@pytest.fixture(scope="module")
def deck() -> Presentation:
    return _open(dataset_to_pptx(report_dataset(term_targets=term_targets())))


def _slides_by_title(prs) -> dict[str, object]:
    out = {}
    for slide in prs.slides:
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text]
        out[texts[0]] = slide
    return out


def _charts(slide) -> list:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def test_slide_size_is_16_9(deck):
    assert deck.slide_width == Emu(12_192_000) and deck.slide_height == Emu(6_858_000)
    assert round(deck.slide_width / 914_400, 3) == 13.333 and deck.slide_height / 914_400 == 7.5


def test_same_slides_as_the_deck_data(deck):
    specs = build_slides(report_dataset(term_targets=term_targets()))
    assert len(deck.slides) == len(specs)
    for slide, spec in zip(deck.slides, specs, strict=True):
        texts = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert spec.finding in texts
        assert slide.notes_slide.notes_text_frame.text == spec.notes


def test_charts_are_native_not_pictures(deck):
    chart_count = 0
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.shape_type != MSO_SHAPE_TYPE.PICTURE
            chart_count += shape.has_chart
    assert chart_count == 6  # gender, revenue, spending, balance, targets, awards


def test_revenue_and_spending_series_hold_the_amounts_in_million_dong(deck):
    slides = _slides_by_title(deck)
    (revenue,) = _charts(slides["Phần thu"])
    assert revenue.chart_type == XL_CHART_TYPE.COLUMN_STACKED
    series = {s.name: list(s.values) for s in revenue.plots[0].series}
    assert list(series) == ["Thu ĐPCĐ 1%", "LĐLĐ tỉnh cấp", "CQ, ĐV hỗ trợ"]
    assert series["Thu ĐPCĐ 1%"] == pytest.approx([18.777, 21.335, 20.56, 20.45, 21.1])
    assert sum(sum(v) for v in series.values()) == pytest.approx(310.992)
    assert list(revenue.plots[0].categories) == ["Năm 2013", "Năm 2014", "Năm 2015", "Năm 2016",
                                                 "Năm 2017"]
    assert revenue.value_axis.axis_title.text_frame.text == "triệu đồng"
    assert revenue.value_axis.tick_labels.number_format == "#,##0"

    (spending,) = _charts(slides["Phần chi"])
    total = sum(sum(s.values) for s in spending.plots[0].series)
    assert total == pytest.approx(308.835)
    assert len(list(spending.plots[0].series)) == 4

    (balance,) = _charts(slides["Cân đối thu chi"])
    thu, chi = balance.plots[0].series
    assert sum(thu.values) - sum(chi.values) == pytest.approx(2.157)


def test_gender_targets_and_awards_charts(deck):
    slides = _slides_by_title(deck)
    (gender,) = _charts(slides["Đoàn viên"])
    assert gender.chart_type == XL_CHART_TYPE.DOUGHNUT
    assert list(gender.plots[0].categories) == ["Nam", "Nữ"]
    assert list(gender.plots[0].series[0].values) == [16, 17]

    (targets,) = _charts(slides["Chỉ tiêu Nghị quyết"])
    assert targets.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    target, result = targets.plots[0].series
    assert (target.name, result.name) == ("Mục tiêu NQ", "Kết quả")
    by_label = dict(zip(targets.plots[0].categories, result.values, strict=True))
    assert by_label["Phấn đấu số CBĐV được kết nạp Đảng"] == 250  # 5 of a target of 2
    assert set(target.values) == {100}

    (awards,) = _charts(slides["Thi đua, khen thưởng"])
    assert awards.chart_type == XL_CHART_TYPE.BAR_STACKED  # collective / individual, as the dashboard's
    assert {s.name for s in awards.plots[0].series} == {"Tập thể", "Cá nhân"}
    assert _level_totals(awards) == {"Cơ sở": 16, "Tỉnh": 13, "Bộ": 6, "Tổng Liên đoàn": 2, "Thủ tướng": 1}


def _level_totals(chart) -> dict[str, int]:
    """{category: sum over the stacked series}."""
    categories = list(chart.plots[0].categories)
    return {c: int(sum(s.values[i] for s in chart.plots[0].series)) for i, c in enumerate(categories)}


def _colour(series_or_point) -> str:
    return "#" + str(series_or_point.format.fill.fore_color.rgb)


def test_members_of_unknown_sex_are_counted_in_the_gender_chart():
    """The deck counted "Nam"/"Nữ" itself and lost members whose sex the roster does not give."""
    dataset = report_dataset()
    frame = dataset.members.frame.copy()
    frame.loc[frame.index[:3], "gender"] = None
    members = replace(dataset.members, frame=frame)
    prs = _open(dataset_to_pptx(replace(dataset, members=members), order=["members"]))
    (chart,) = _charts(prs.slides[0])
    table = chart_data.data_gender_donut(members)
    assert list(chart.plots[0].categories) == list(table.iloc[:, 0]) == ["Nam", "Nữ", "Không rõ"]
    assert sum(chart.plots[0].series[0].values) == len(frame) == 33
    colours = [_colour(p) for p in chart.plots[0].series[0].points]
    assert colours == [palette.gender_color("Nam"), palette.gender_color("Nữ"), palette.UNKNOWN_COLOR]


def test_awards_by_level_are_the_dashboards():
    """A level outside the closed list kept its own bar on the dashboard but became "Khác" on the slide."""
    awards = (Award(2014, "Bằng khen", "Tỉnh", "Tập thể", 2), Award(2015, "Giấy khen", "Quận", "Cá nhân", 3),
              Award(2016, "Giấy khen", "Khác", "Cá nhân", 1))
    dataset = Dataset(awards=awards)
    table = chart_data.data_awards_by_level(awards)
    dashboard = {str(level): int(n) for level, n in table.groupby(table.columns[0], sort=False)
                 [table.columns[2]].sum().items()}
    assert dashboard == {"Tỉnh": 2, "Khác": 1, "Quận": 3}
    (chart,) = _charts(_open(dataset_to_pptx(dataset, order=["awards"])).slides[0])
    assert _level_totals(chart) == dashboard
    (slide,) = build_slides(dataset, order=["awards"])
    assert "Tỉnh 2, Khác 1, Quận 3" in slide.notes


def test_chart_colours_are_the_palettes(deck):
    slides = _slides_by_title(deck)
    (revenue,) = _charts(slides["Phần thu"])
    finance = report_dataset().finance
    assert {s.name: _colour(s) for s in revenue.plots[0].series} == palette.colors_for(finance, "revenue")
    (balance,) = _charts(slides["Cân đối thu chi"])
    assert [_colour(s) for s in balance.plots[0].series] == [palette.SIDE_COLORS["revenue"],
                                                             palette.SIDE_COLORS["spending"]]


def test_notes_read_the_figures_out(deck):
    slides = _slides_by_title(deck)
    assert "33 đoàn viên" in slides["Đoàn viên"].notes_slide.notes_text_frame.text
    balance_notes = slides["Cân đối thu chi"].notes_slide.notes_text_frame.text
    assert ("Tổng thu cả nhiệm kỳ 310.992.000 đồng; tổng chi 308.835.000 đồng; "
            "tồn cuối 2.157.000 đồng.") in balance_notes


def test_fonts_are_large(deck):
    for slide in deck.slides:
        sizes = [run.font.size for shape in slide.shapes if shape.has_text_frame
                 for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
        assert max(sizes) >= Pt(36)  # the title
        assert min(sizes) >= Pt(14)
    members = _slides_by_title(deck)["Đoàn viên"]
    numbers = [run for shape in members.shapes if shape.has_text_frame
               for paragraph in shape.text_frame.paragraphs for run in paragraph.runs
               if run.text in ("33", "16 / 17", "23")]
    assert len(numbers) == 3 and all(run.font.size >= Pt(40) for run in numbers)


def test_title_slide_text(deck):
    text = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "CÔNG ĐOÀN CƠ SỞ SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG" in text
    assert "Đại hội lần thứ IV" in text and "Tổng kết nhiệm kỳ 2012–2017" in text


def test_term_targets_slide_lists_the_targets(deck):
    slide = _slides_by_title(deck)["Mục tiêu nhiệm kỳ 2017–2022"]
    text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "3.5 Kết nạp ít nhất 1 đoàn viên vào Đảng mỗi năm" in text
    assert not _charts(slide)


def test_order_and_filter():
    prs = _open(dataset_to_pptx(report_dataset(), order=["balance", "title", "unknown"]))
    titles = list(_slides_by_title(prs))
    assert titles == ["Cân đối thu chi", "CÔNG ĐOÀN CƠ SỞ SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG"]


def test_english_deck():
    prs = _open(dataset_to_pptx(report_dataset(), order=["revenue"], lang="en"))
    (slide,) = prs.slides
    (chart,) = _charts(slide)
    assert chart.value_axis.axis_title.text_frame.text == "million VND"
    assert "Total revenue 310.99 million VND" in " ".join(
        s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_empty_dataset_gives_a_title_slide():
    prs = _open(dataset_to_pptx(Dataset()))
    assert len(prs.slides) == 1


def _deck_text(prs) -> str:
    parts = []
    for slide in prs.slides:
        parts += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        parts.append(slide.notes_slide.notes_text_frame.text)
        for chart in _charts(slide):
            parts += [p.data_label.text_frame.text for plot in chart.plots for series in plot.series
                      for p in series.points if p.data_label.has_text_frame]
    return "\n".join(parts)


def test_english_deck_writes_english_separators_in_text_notes_and_chart_labels():
    """The balance chart's bars read "59.8" in English and "59,8" in Vietnamese whatever the viewer's locale
    (labels written by the one formatter, not left to a number format); the axes in million VND."""
    from helpers import english_separators, vietnamese_separators

    english = _deck_text(_open(dataset_to_pptx(report_dataset(), lang="en")))
    assert "59.8" in english and "310,992,000" in english
    assert not vietnamese_separators(english), vietnamese_separators(english)
    vietnamese = _deck_text(_open(dataset_to_pptx(report_dataset(), lang="vi")))
    assert "59,8" in vietnamese and "2.157.000" in vietnamese
    assert not english_separators(vietnamese), english_separators(vietnamese)


def test_chart_number_formats_are_never_general(deck):
    """Every chart's axis and labels have a number format of their own: counts "0", amounts in million
    VND "#,##0" / "#,##0.0", shares '0"%"' — never "General" showing 18777000."""
    for slide in deck.slides:
        for chart in _charts(slide):
            if chart.chart_type != XL_CHART_TYPE.DOUGHNUT:
                assert chart.value_axis.tick_labels.number_format in ("0", "#,##0", '0"%"')
                assert not chart.value_axis.tick_labels.number_format_is_linked
            for plot in chart.plots:
                if plot.has_data_labels:
                    assert plot.data_labels.number_format != "General"
                for series in plot.series:
                    assert max(series.values) < 1_000_000  # amounts in millions, never raw đồng


def test_the_decks_bar_labels_halve_up_as_every_output():
    """332.250.000 đ is "332,3" / "332.3" on the deck's bar as on the web and in the PDF (the one rounding
    rule, never the float's "332.2")."""
    from helpers import finance

    data = report_dataset(finance=finance(("revenue", 2013, 332_250_000), ("spending", 2013, 2_155_000)))
    for lang, revenue, spending in (("vi", "332,3", "2,2"), ("en", "332.3", "2.2")):
        (slide,) = _open(dataset_to_pptx(data, order=["balance"], lang=lang)).slides
        (chart,) = _charts(slide)
        labels = [p.data_label.text_frame.text for series in chart.plots[0].series for p in series.points]
        assert labels == [revenue, spending], labels
