"""Reporting periods: the model and its one label, the data cut to a period, and every output saying the same.

The mid-term union is built in code as a real workbook (the app's own writer, read back by the loader):
an enterprise union in the middle of its 2023–2028 term with data for 2023–2025.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from pptx import Presentation

from unionboard.analysis import period as AP
from unionboard.analysis.findings import overview_summary
from unionboard.core import period as P
from unionboard.core.models import (
    Dataset,
    Finance,
    FinanceEntry,
    Member,
    Roster,
    SourceFile,
    TermTarget,
    UnionInfo,
)
from unionboard.core.wording import kind_of, union_word
from unionboard.domains import term_status as TS
from unionboard.domains.loader import check_files
from unionboard.export.docx import dataset_to_docx
from unionboard.export.odt import dataset_to_odt
from unionboard.export.pdf import dataset_to_pdf
from unionboard.export.pptx import dataset_to_pptx
from unionboard.export.report import build_report
from unionboard.export.template import info_workbook
from unionboard.export.xlsx import dataset_to_xlsx
from unionboard.present.planning_charts import status_heatmap
from unionboard.present.slides import build_slides
from unionboard.sample.report import sample_paths

MID_INFO = UnionInfo(name="Công đoàn cơ sở Công ty TNHH May Minh Anh", kind="enterprise",
                     upper_union="Công đoàn Khu công nghiệp", reported_term="2023–2028",
                     congress_date="2028-04-20")
REVENUE = {2023: 120_000_000, 2024: 130_000_000, 2025: 150_000_000}
SPENDING = {2023: 100_000_000, 2024: 140_000_000, 2025: 110_000_000}


def _members() -> Roster:
    rows = [Member(f"Người {i}", "Nữ" if i % 2 else "Nam", 1990 + i, "Phân xưởng cắt" if i < 3 else "Phân xưởng may",
                   "Trung cấp", "Sơ cấp", i == 0) for i in range(6)]
    return Roster.from_members(rows)


def _term_targets() -> tuple[TermTarget, ...]:
    return (
        TermTarget("1", "Tỷ lệ người lao động được ký hợp đồng", "Công đoàn thực hiện", "%", "100%",
                   results={2023: "100%", 2024: "100%", 2025: "100%"}, per_year=True),
        TermTarget("2", "Phát triển đoàn viên mới", "Công đoàn thực hiện", "Người", "30",
                   results={2023: "6", 2024: "7", 2025: "6"}, per_year=False),
    )


def mid_term_workbook() -> SourceFile:
    """The mid-term enterprise union (term 2023–2028, data 2023–2025) as a workbook the app wrote."""
    finance = Finance(tuple([FinanceEntry("revenue", y, "Thu đoàn phí công đoàn", a) for y, a in REVENUE.items()]
                            + [FinanceEntry("spending", y, "Chi hoạt động phong trào", a)
                               for y, a in SPENDING.items()]))
    built = Dataset(members=_members(), finance=finance, term_targets=_term_targets(), info=MID_INFO)
    return SourceFile("minh-anh.xlsx", dataset_to_xlsx(built))


@pytest.fixture(scope="module")
def mid() -> Dataset:
    """The mid-term union as a workbook written by the app and read back (a real file, no shortcut)."""
    result = check_files([mid_term_workbook()])
    assert not result.errors, [i.message for i in result.errors]
    return result.dataset


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return check_files(sample_paths()).dataset


# --------------------------------------------------------------------------- the model


def test_labels_in_both_languages() -> None:
    year = P.ReportingPeriod(P.YEAR, (2025,), (2023, 2028))
    so_far = P.ReportingPeriod(P.TERM_SO_FAR, (2023, 2024, 2025), (2023, 2028))
    whole = P.ReportingPeriod(P.WHOLE_TERM, tuple(range(2023, 2029)), (2023, 2028))
    assert [P.label(p) for p in (year, so_far, whole)] == [
        "Báo cáo năm 2025", "Nhiệm kỳ 2023–2028, đến năm 2025", "Tổng kết nhiệm kỳ 2023–2028"]
    assert [P.label(p, "en") for p in (year, so_far, whole)] == [
        "Report for 2025", "Term 2023–2028, up to 2025", "Review of the term 2023–2028"]


def test_term_years_keep_the_first_year_only_when_the_data_has_it() -> None:
    assert P.term_years((2012, 2017), (2013, 2014, 2017)) == (2013, 2014, 2015, 2016, 2017)
    assert P.term_years((2023, 2028), (2023, 2024, 2025)) == (2023, 2024, 2025, 2026, 2027, 2028)


def test_period_end_is_the_congress_day_for_the_whole_term_else_the_last_day_of_the_year() -> None:
    whole = P.ReportingPeriod(P.WHOLE_TERM, tuple(range(2023, 2029)), (2023, 2028))
    assert P.period_end(whole, "2028-04-20") == dt.date(2028, 4, 20)
    assert P.period_end(whole, "") == dt.date(2028, 12, 31)
    assert P.period_end(P.ReportingPeriod(P.YEAR, (2025,)), "2028-04-20") == dt.date(2025, 12, 31)
    assert P.parse_date("20/04/2028") == dt.date(2028, 4, 20) and P.parse_date("31/02/2028") is None


def test_wording_follows_the_union_kind() -> None:
    assert union_word("enterprise", "units") == "bộ phận, phân xưởng"
    assert union_word("enterprise", "workers") == "người lao động"
    assert union_word("", "units") == "phòng, đơn vị"  # not said: the agencies' wording of the sample
    assert kind_of("Doanh nghiệp") == "enterprise" and kind_of("HTX Tân Phú") == "cooperative"
    assert kind_of("Cơ quan, đơn vị sự nghiệp") == "agency" and kind_of("???") == ""


# --------------------------------------------------------------------------- the sample is unchanged


def test_sample_defaults_to_the_whole_term_and_its_figures_are_the_report(sample) -> None:
    options = AP.period_options(sample)
    default = AP.default_for(sample)
    assert default == options[0] and default.kind == P.WHOLE_TERM and default.years == tuple(range(2013, 2018))
    cut = AP.in_period(sample, default)
    assert cut.finance.total("revenue") == 310_992_000 and cut.finance.total("spending") == 308_835_000
    assert cut.finance.closing_balance == 2_157_000 and len(cut.members) == 33 and len(cut.targets) == 9
    report = build_report(cut)
    assert report.term == "Tổng kết nhiệm kỳ 2012–2017"
    assert report.title == "BÁO CÁO SỐ LIỆU ĐẠI HỘI LẦN THỨ IV"
    assert [s for s in report.sections if s.key == "term_targets"][0].heading == "Mục tiêu nhiệm kỳ 2017–2022"
    text = " ".join(getattr(b, "text", "") for s in report.sections for b in s.blocks)
    assert "Tổng thu cả nhiệm kỳ 310.992.000 đồng" in text and "sinh hoạt tại" in text
    assert "phòng, đơn vị" in text


# --------------------------------------------------------------------------- the mid-term union


def test_mid_term_union_reads_its_info_and_offers_its_own_periods(mid) -> None:
    assert mid.info.kind == "enterprise" and mid.info.congress_date == "2028-04-20"
    assert mid.info.upper_union == "Công đoàn Khu công nghiệp"
    labels = [P.label(p) for p in AP.period_options(mid)]
    assert labels == ["Tổng kết nhiệm kỳ 2023–2028", "Nhiệm kỳ 2023–2028, đến năm 2025", "Báo cáo năm 2025",
                      "Báo cáo năm 2024", "Báo cáo năm 2023"]
    assert P.label(AP.default_for(mid)) == "Nhiệm kỳ 2023–2028, đến năm 2025"


def test_mid_term_targets_belong_to_their_term_and_future_years_are_not_late(mid) -> None:
    assert TS.targets_term(mid.info, mid.term_targets) == (2023, 2028)
    years = TS.term_years(mid.info, mid.term_targets)
    assert years == (2023, 2024, 2025, 2026, 2027, 2028)
    items = TS.progress(mid.term_targets, years, TS.latest_year(mid.term_targets))
    assert not any(p.behind for p in items)  # 19 of 30 after 3 of 6 years is on pace
    for p in items:
        assert [p.statuses[y] for y in (2026, 2027, 2028)] == [TS.NOT_YET] * 3
    chart = status_heatmap(items, years, "vi")
    assert "chậm tiến độ" not in str(chart.figure.layout.title.text) and "Chưa đến" in str(chart.figure.data[0].text)
    every_text = str(chart.figure.to_dict())
    assert "2028–2033" not in every_text and "2029" not in every_text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_mid_term_outputs_name_no_other_term(mid, lang) -> None:
    cut = AP.in_period(mid, AP.default_for(mid))
    slides = build_slides(cut, lang)
    report = build_report(cut, lang)
    words = " ".join([s.title + s.finding + s.notes + str(s.numbers) for s in slides]
                     + [report.title, report.term] + [s.heading for s in report.sections])
    terms = set(re.findall(r"(?:19|20)\d\d–(?:19|20)\d\d", words))
    assert terms == {"2023–2028"}, terms


def test_enterprise_wording_in_the_report(mid) -> None:
    report = build_report(AP.in_period(mid, AP.default_for(mid)))
    text = " ".join(getattr(b, "text", "") for s in report.sections for b in s.blocks)
    assert "bộ phận, phân xưởng" in text and "phòng, đơn vị" not in text and "đồng chí" not in text


# --------------------------------------------------------------------------- each period × each output


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def _pptx_text(data: bytes) -> str:
    prs = Presentation(io.BytesIO(data))
    parts = [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]
    parts += [slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide]
    return "\n".join(parts)


def _odt_text(data: bytes) -> str:
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    return re.sub(r"<[^>]+>", " ", xml)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _dots(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@pytest.mark.parametrize("which", range(5))
def test_each_period_each_output_same_figures_and_label(mid, which) -> None:
    period = AP.period_options(mid)[which]
    cut = AP.in_period(mid, period)
    label = P.label(period)
    revenue = sum(v for y, v in REVENUE.items() if y in period.years)
    assert cut.finance.total("revenue") == revenue
    outputs = {"docx": _docx_text(dataset_to_docx(cut)), "odt": _odt_text(dataset_to_odt(cut)),
               "pptx": _pptx_text(dataset_to_pptx(cut, None, "vi")), "pdf": _pdf_text(dataset_to_pdf(cut, "vi"))}
    for name, text in outputs.items():
        flat = " ".join(text.split())
        assert label in flat, (name, label)
        assert _dots(revenue) in flat, (name, revenue)
        assert "2028–2033" not in flat and "2018–2023" not in flat, name
    # the data workbook holds the period's years only
    wb = load_workbook(io.BytesIO(dataset_to_xlsx(cut)))
    written = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    assert label in written and all(REVENUE[y] in written for y in period.years if y in REVENUE)
    assert not any(REVENUE[y] in written for y in REVENUE if y not in period.years)
    summary = " ".join(overview_summary(cut))
    assert P.short_label(period)[:1].upper() + P.short_label(period)[1:] in summary or P.term_text(
        period.term) in summary


def test_the_annual_report_puts_the_finance_rules_after_the_finance() -> None:
    from unionboard.sample.enterprise import enterprise_paths

    data = check_files(enterprise_paths()).dataset
    cut = AP.in_period(data, next(p for p in AP.period_options(data) if p.kind == P.YEAR))
    keys = [s.key for s in build_report(cut).sections]
    assert keys.index("rules") == keys.index("finance") + 1


def test_year_period_is_the_annual_report_in_year_end_order(mid) -> None:
    cut = AP.in_period(mid, next(p for p in AP.period_options(mid) if p.kind == P.YEAR))
    report = build_report(cut)
    assert report.title == "BÁO CÁO TỔNG KẾT HOẠT ĐỘNG CÔNG ĐOÀN NĂM 2025" and report.term == "Báo cáo năm 2025"
    # no rule can be checked (no dues lines; the opening balance was never written, so it is unknown, not 0)
    assert [s.key for s in report.sections] == ["members", "finance", "term_targets"]
    text = " ".join(getattr(b, "text", "") for s in report.sections for b in s.blocks)
    assert "Tổng thu năm 2025 150.000.000 đồng" in text
    assert "Tồn quỹ đầu năm 2025: 10.000.000 đồng." in text and "đầu nhiệm kỳ" not in text  # 20 − 10 triệu


def test_a_period_without_data_says_so(mid) -> None:
    empty = AP.in_period(mid, P.ReportingPeriod(P.YEAR, (2027,), (2023, 2028)))
    assert not AP.has_yearly_data(empty) and AP.has_yearly_data(AP.in_period(mid, AP.default_for(mid)))


# --------------------------------------------------------------------------- the info form


def test_info_form_round_trips_as_an_upload() -> None:
    info, errors = AP.info_from_form({"name": " Công đoàn  HTX Tân Phú ", "kind": "cooperative",
                                      "reported_term": "2023 - 2028", "congress_date": "20/04/2028"})
    assert errors == [] and info.reported_term == "2023–2028" and info.congress_date == "2028-04-20"
    read = check_files([SourceFile("thong-tin.xlsx", info_workbook(info))])
    assert read.errors == () and read.dataset.info == info
    _, errors = AP.info_from_form({"reported_term": "IV", "congress_date": "tháng tư"})
    assert len(errors) == 2 and "IV" in errors[0]


# --------------------------------------------------------------------------- whole-term results: per year or running


def test_whole_term_results_per_year_or_running_totals_give_the_same_pace() -> None:
    from unionboard.present.planning_charts import data_progress

    years = (2023, 2024, 2025, 2026, 2027, 2028)
    per_year = TermTarget("2", "Phát triển đoàn viên mới", "Công đoàn thực hiện", "Người", "30",
                          results={2023: "6", 2024: "7", 2025: "6"}, per_year=False)
    running = TermTarget("2", "Phát triển đoàn viên mới", "Công đoàn thực hiện", "Người", "30",
                         results={2023: "6", 2024: "13", 2025: "19"}, per_year=False, cumulative=True)
    a = TS.term_target_status(per_year, years, 2025)
    b = TS.term_target_status(running, years, 2025)
    assert a.projection == b.projection == pytest.approx(38.0) and a.statuses == b.statuses
    frame = data_progress([a, b], "vi")
    assert list(frame["Áp dụng"]) == ["Cả nhiệm kỳ, kết quả từng năm", "Cả nhiệm kỳ, kết quả lũy kế"]


def test_running_totals_are_read_and_written_back_labelled() -> None:
    running = TermTarget("3", "Phát triển đoàn viên mới", "Công đoàn thực hiện", "Người", "30",
                         results={2023: "6", 2024: "13"}, per_year=False, cumulative=True)
    built = Dataset(term_targets=(running, _term_targets()[1]), info=MID_INFO)
    result = check_files([SourceFile("ct.xlsx", dataset_to_xlsx(built))])
    assert not result.errors and not result.warnings, [i.message for i in result.issues]
    read = result.dataset.term_targets
    assert [(x.per_year, x.cumulative) for x in read] == [(False, True), (False, False)]


def test_cli_export_follows_the_period(tmp_path, capsys) -> None:
    from unionboard.cli.main import main

    paths = [str(p) for p in sample_paths()]
    out = tmp_path / "nam-2016.docx"
    assert main(["export", *paths, "-o", str(out), "--period", "2016"]) == 0
    text = " ".join(_docx_text(out.read_bytes()).split())
    assert "BÁO CÁO TỔNG KẾT HOẠT ĐỘNG CÔNG ĐOÀN NĂM 2016" in text and "Báo cáo năm 2016" in text
    assert "Tổng thu năm 2016 61.385.000 đồng" in text
    assert main(["export", *paths, "-o", str(tmp_path / "x.docx"), "--period", "2030"]) == 2
    assert "Không có kỳ báo cáo “2030”" in capsys.readouterr().err
    whole = tmp_path / "whole.docx"
    assert main(["export", *paths, "-o", str(whole)]) == 0
    assert "Tổng thu cả nhiệm kỳ 310.992.000 đồng" in " ".join(_docx_text(whole.read_bytes()).split())


def test_year_deck_is_not_a_congress_deck_and_files_say_their_period(sample) -> None:
    from unionboard.ui.slide_admin import period_file_name

    year = next(p for p in AP.period_options(sample) if p.kind == P.YEAR and p.first == 2016)
    title = build_slides(AP.in_period(sample, year), "vi")[0]
    assert title.finding == "Báo cáo năm 2016" and "Đại hội" not in title.finding + title.notes
    whole = build_slides(AP.in_period(sample, AP.default_for(sample)), "vi")[0]
    assert whole.finding == "Đại hội lần thứ IV" and whole.numbers == (("Tổng kết nhiệm kỳ", "2012–2017"),)
    assert period_file_name("dai-hoi-bang-bieu.docx", year) == "nam-2016-bang-bieu.docx"
    assert period_file_name("dai-hoi-bang-bieu.docx", AP.default_for(sample)) == "dai-hoi-bang-bieu.docx"
    so_far = P.ReportingPeriod(P.TERM_SO_FAR, (2023, 2024, 2025), (2023, 2028))
    assert period_file_name("dai-hoi-so-lieu.xlsx", so_far) == "nhiem-ky-den-2025-so-lieu.xlsx"


def test_mid_term_targets_slide_names_the_current_term(mid) -> None:
    slide = next(s for s in build_slides(AP.in_period(mid, AP.default_for(mid)), "vi") if s.key == "term_targets")
    assert slide.title == "Mục tiêu nhiệm kỳ 2023–2028" and "Nhiệm kỳ 2023–2028 đặt ra 2 mục tiêu" in slide.notes
    assert "Nhiệm kỳ tới" not in slide.notes


def test_enterprise_members_page_words(mid) -> None:
    from unionboard.analysis.findings import department_finding
    from unionboard.present.charts import department_bar
    from unionboard.present.tables import roster_table

    chart = department_bar(mid.members, "vi", kind="enterprise")
    assert list(chart.table.columns)[0] == "Bộ phận, phân xưởng"
    assert "phòng" not in str(chart.figure.to_dict()).lower()
    assert "Bộ phận/phân xưởng" in roster_table(mid.members.frame, "vi", "enterprise").columns
    assert "Phòng/đơn vị" in roster_table(mid.members.frame, "vi").columns  # the sample's words unchanged
    assert department_finding(mid.members, "vi", "enterprise").startswith("Phân xưởng cắt và Phân xưởng may")
    three = Roster.from_members([Member(f"N{i}", "Nam", 1990, f"Tổ {i % 3}", "Trung cấp", "Sơ cấp", False)
                                 for i in range(6)])
    assert department_finding(three, "vi", "enterprise") == "3 bộ phận, phân xưởng cùng đông nhất (2 người mỗi nơi)"
    assert department_finding(three, "vi") == "3 phòng, đơn vị cùng đông nhất (2 người mỗi nơi)"


def test_year_slides_speak_of_the_year_not_the_term(sample) -> None:
    year = next(p for p in AP.period_options(sample) if p.kind == P.YEAR and p.first == 2014)
    slides = {s.key: s for s in build_slides(AP.in_period(sample, year), "vi")}
    assert "Năm 2014 có" in slides["awards"].notes and "Trong nhiệm kỳ" not in slides["awards"].notes
    assert slides["balance"].finding.startswith("Thiếu hụt") and "cuối năm 2014" in slides["balance"].finding
    whole = {s.key: s for s in build_slides(AP.in_period(sample, AP.default_for(sample)), "vi")}
    assert whole["awards"].notes.startswith("Trong nhiệm kỳ có")
