"""Ages by one reference date: the rule, and every output that shows an age states and uses the same date."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

from docx import Document
from helpers import report_dataset
from pypdf import PdfReader

from unionboard.analysis import congress as C
from unionboard.analysis import findings
from unionboard.analysis.reference import AgeReference, age_reference, data_years
from unionboard.core.models import UnionInfo
from unionboard.export.congress_docx import credentials_docx
from unionboard.export.congress_sections import congress_sections
from unionboard.export.pdf import dataset_to_pdf
from unionboard.present import charts
from unionboard.present.congress import age_text, credentials_slides

TODAY = dt.date(2026, 12, 5)


def test_the_reported_term_end_when_it_has_passed() -> None:
    ref = age_reference(report_dataset(), today=TODAY)
    assert ref == AgeReference(dt.date(2017, 12, 31), "term_end")
    assert ref.text("vi") == "Tuổi tính đến ngày 31/12/2017 (cuối nhiệm kỳ báo cáo)."
    assert ref.text("en") == "Ages as of 31 December 2017 (the end of the reported term)."


def test_never_a_future_date_a_term_that_has_not_ended_falls_back_to_the_last_data_year() -> None:
    dataset = report_dataset(info=UnionInfo(name="CĐCS Công ty X", reported_term="2023–2028"))
    ref = age_reference(dataset, today=TODAY)
    assert ref.date <= TODAY
    assert ref == AgeReference(dt.date(max(data_years(dataset)), 12, 31), "data_year")


def test_a_future_period_end_is_not_taken_and_a_past_one_is() -> None:
    dataset = report_dataset()
    assert age_reference(dataset, period_end=dt.date(2030, 12, 31), today=TODAY).source == "term_end"
    assert age_reference(dataset, period_end=dt.date(2016, 6, 30), today=TODAY) == AgeReference(
        dt.date(2016, 6, 30), "period_end")


def test_the_congress_date_comes_first_when_the_data_has_it() -> None:
    dataset = report_dataset(info=UnionInfo(reported_term="2012–2017", congress_date="2017-09-20"))
    assert age_reference(dataset, period_end=dt.date(2017, 12, 31), today=TODAY) == AgeReference(
        dt.date(2017, 9, 20), "congress")
    # an earlier congress (the one that opened the term) is not the day a later period's ages are counted at
    earlier = report_dataset(info=UnionInfo(reported_term="2012–2017", congress_date="2012-10-05"))
    assert age_reference(earlier, period_end=dt.date(2016, 12, 31), today=TODAY) == AgeReference(
        dt.date(2016, 12, 31), "period_end")


def test_no_year_at_all_gives_the_last_full_year_never_today() -> None:
    dataset = report_dataset(info=UnionInfo(), finance=None, awards=None)
    ref = age_reference(dataset, today=TODAY)
    assert ref == AgeReference(dt.date(2025, 12, 31), "last_year")
    assert ref.date != TODAY


def _all_present(dataset):
    people = C.convened(dataset)
    marks = tuple(C.Mark(p.key, C.PRESENT, id=i + 1) for i, p in enumerate(people))
    return C.credentials(people, marks, C.DEFAULT_QUORUM, age_reference(dataset))


def _pdf_text(blob: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(blob)).pages))


def test_every_output_states_the_same_date_and_the_same_ages() -> None:
    """With everyone present, the members page, the PDF §I, the credentials page, the hall slide, the
    Word credentials report and the PDF §VI give the same date and the same average age and bands."""
    for term, date in (("2012–2017", "31/12/2017"), ("2023–2028", "31/12/2017")):
        dataset = replace(report_dataset(), info=UnionInfo(name="CĐCS X", reported_term=term))
        ref = age_reference(dataset)
        assert ref.day("vi") == date  # the sample's data ends in 2017, the term 2023–2028 is not over
        report = _all_present(dataset)
        mean = sum(findings.ages(dataset.members, ref)) / len(dataset.members)
        assert report.age.average == mean
        members_bands = dict(charts.data_age_histogram(dataset.members, ref).itertuples(index=False))
        assert dict(report.group("age_band").rows) == members_bands

        finding = findings.age_finding(dataset.members, "vi", ref)
        chart = charts.age_histogram(dataset.members, reference_year=ref)
        slide = credentials_slides(report, "vi")[1]
        page_text = age_text(report, "vi")
        word = " ".join(p.text for p in Document(io.BytesIO(credentials_docx(report, dataset.info))).paragraphs)
        pdf = _pdf_text(dataset_to_pdf(dataset, extra_sections=tuple(congress_sections(report, (), "vi"))))
        for text in (finding, chart.figure.layout.title.text or "", chart.figure.layout.xaxis.title.text
                     or chart.figure.layout.yaxis.title.text, page_text, word, pdf,
                     " ".join(label for label, _ in slide.numbers)):
            assert date in text, text
        for text in (page_text, word, pdf):
            assert "trẻ nhất" in text and f"{str(round(mean, 1)).replace('.', ',')}" in text, text
        assert f"tuổi bình quân {round(mean)}" in finding
        assert f"tuổi bình quân {round(mean)}" in pdf


def test_the_english_outputs_state_the_same_date_and_ages_with_english_separators() -> None:
    """In English the page, the PDF (§I finding and the credentials section) and the hall slide state the same
    date and the same average age, written "41.2" (never "41,2")."""
    from helpers import vietnamese_separators

    from unionboard.core.text import format_number

    dataset = replace(report_dataset(), info=UnionInfo(name="CĐCS X", reported_term="2012–2017"))
    ref = age_reference(dataset)
    report = _all_present(dataset)
    mean = sum(findings.ages(dataset.members, ref)) / len(dataset.members)
    english, vietnamese = format_number(mean, 1, "en"), format_number(mean, 1, "vi")
    assert english != vietnamese
    page_text = age_text(report, "en")
    pdf = _pdf_text(dataset_to_pdf(dataset, "en", extra_sections=tuple(congress_sections(report, (), "en"))))
    slide = " ".join(label for label, _ in credentials_slides(report, "en")[1].numbers)
    for text in (page_text, pdf):
        assert english in text and ref.day("en") in text, text
        assert not vietnamese_separators(text), vietnamese_separators(text)
    assert ref.day("en") in slide
    assert ref.day("en") in findings.age_finding(dataset.members, "en", ref)
