"""The "Quy định tài chính" slide: in the enterprise example's deck and PowerPoint, absent from the sample's."""

from __future__ import annotations

import io

from pptx import Presentation

from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.pptx import dataset_to_pptx
from unionboard.present.slide_charts import (
    MIN_FONT_SIZE,
    SLIDE_CHART_HEIGHT,
    font_sizes,
    slide_figure,
)
from unionboard.present.slides import build_slides
from unionboard.sample.enterprise import enterprise_paths
from unionboard.sample.report import sample_paths


def dataset(paths):
    return check_files([SourceFile(p.name, p.read_bytes()) for p in paths]).dataset


def rules_slide(data, lang="vi"):
    return next(s for s in build_slides(data, lang) if s.key == "rules")


def test_enterprise_deck_has_the_rules_slide_with_counts_and_the_violation() -> None:
    slide = rules_slide(dataset(enterprise_paths()))
    assert slide.title == "Quy định tài chính"
    assert dict(slide.numbers) == {"✔ Đạt": "26", "✖ Vi phạm": "1", "? Không kiểm được": "1"}
    assert slide.finding.startswith("26/28 lượt đạt, 1 vi phạm:")
    assert "2024" in slide.finding and "QĐ 8108/QĐ-TLĐ" in slide.finding
    assert "sửa khoản 1" not in slide.finding and "sửa khoản 1" in slide.notes  # one line in the hall, whole in notes
    assert "99.840.000 đ" in slide.notes and "87.360.000 đ" in slide.notes
    fig = slide_figure(slide.chart, dataset(enterprise_paths()))
    assert fig is not None and any("✖" in str(text) for trace in fig.data for text in trace.text)
    assert min(font_sizes(fig)) >= MIN_FONT_SIZE and fig.layout.height == SLIDE_CHART_HEIGHT


def test_english_rules_slide() -> None:
    slide = rules_slide(dataset(enterprise_paths()), "en")
    assert slide.title == "Finance rules"
    assert dict(slide.numbers) == {"✔ Met": "26", "✖ Violated": "1", "? Not checkable": "1"}
    assert slide.finding.startswith("26 of 28 checks met, 1 violated:") and "99,840,000 VND" in slide.notes


def test_sample_deck_has_no_rules_slide_and_is_unchanged() -> None:
    data = dataset(sample_paths())
    keys = [s.key for s in build_slides(data)]
    assert "rules" not in keys
    assert keys == ["title", "members", "revenue", "spending", "balance", "targets", "awards", "term_targets"]
    prs = Presentation(io.BytesIO(dataset_to_pptx(data)))
    assert len(prs.slides) == len(keys)
    text = " ".join(sh.text_frame.text for slide in prs.slides for sh in slide.shapes if sh.has_text_frame)
    assert "Quy định tài chính" not in text


def test_pptx_has_the_rules_slide_with_its_chart() -> None:
    data = dataset(enterprise_paths())
    prs = Presentation(io.BytesIO(dataset_to_pptx(data)))
    texts = [" ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame) for slide in prs.slides]
    index = next(i for i, text in enumerate(texts) if "Quy định tài chính" in text)
    slide = prs.slides[index]
    assert "✖ Vi phạm" in texts[index] and "26" in texts[index]
    charts = [sh.chart for sh in slide.shapes if sh.has_chart]
    assert charts and any(c.startswith("✖") for c in charts[0].plots[0].categories)
    assert "99.840.000 đ" in slide.notes_slide.notes_text_frame.text


def test_the_hall_chart_holds_the_violations_and_the_latest_year_only():
    from unionboard.analysis.finance_rules import check_dataset
    from unionboard.present.slide_charts import hall_results

    results = check_dataset(dataset(enterprise_paths()))
    shown = hall_results(results)
    latest = max(r.year for r in results if r.value is not None and r.limit)
    assert [r for r in results if r.status == "violation"] == [r for r in shown if r.status == "violation"]
    assert {r.year for r in shown if r.status != "violation"} == {latest}
    assert len([r for r in results if r.year == latest and r.limit]) > 8  # more than fit: the nearest kept
    assert len([r for r in shown if r.value is not None and r.limit]) <= 8  # fits a 1280×720 slide
