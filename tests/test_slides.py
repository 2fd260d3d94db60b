"""The slide deck as data: which slides, in which order, with which findings and notes.

`report_dataset()` builds the report's data set directly with the models (no parsers); the export
tests import it from here.
"""

from __future__ import annotations

import pytest
from helpers import report_dataset, term_targets

from unionboard.core.models import (
    Dataset,
    Finance,
    FinanceEntry,
    Target,
)
from unionboard.present.slides import SLIDE_KEYS, Slide, build_slides, short_label, strings


@pytest.fixture
def dataset() -> Dataset:
    return report_dataset()


# --------------------------------------------------------------------------- tests


def test_sample_dataset_matches_the_report(dataset):
    assert len(dataset.members) == 33
    assert dataset.finance.total("revenue") == 310_992_000
    assert dataset.finance.total("spending") == 308_835_000
    assert dataset.finance.closing_balance == 2_157_000
    assert [t.status for t in dataset.targets].count("Vượt") == 2


def test_default_deck_has_every_slide_with_data_in_order(dataset):
    slides = build_slides(dataset)
    assert [s.key for s in slides] == [k for k in SLIDE_KEYS if k not in ("term_targets", "rules")]
    assert all(isinstance(s, Slide) for s in slides)
    assert all(s.finding and s.notes for s in slides)


def test_term_targets_slide_only_when_there_are_term_targets(dataset):
    assert "term_targets" not in [s.key for s in build_slides(dataset)]
    with_terms = report_dataset(term_targets=term_targets())
    slide = build_slides(with_terms)[-1]
    assert slide.key == "term_targets"
    assert slide.title == "Mục tiêu nhiệm kỳ 2017–2022"
    assert slide.finding == "2 mục tiêu: 1 phối hợp thực hiện, 1 công đoàn thực hiện"
    assert "3.5 Kết nạp ít nhất 1 đoàn viên vào Đảng mỗi năm (chỉ tiêu: 1)." in slide.notes


def test_order_orders_and_filters_and_ignores_unknown_keys(dataset):
    slides = build_slides(dataset, order=["balance", "nope", "title", "term_targets", "balance"])
    assert [s.key for s in slides] == ["balance", "title"]
    assert build_slides(dataset, order=[]) == []


def test_slides_without_data_are_left_out():
    only_members = report_dataset(finance=None, targets=None, awards=None)
    assert [s.key for s in build_slides(only_members)] == ["title", "members"]
    empty = Dataset()
    slides = build_slides(empty)
    assert [s.key for s in slides] == ["title"]
    assert slides[0].title == "Công đoàn cơ sở"
    assert slides[0].finding == "Đại hội Công đoàn cơ sở"
    assert slides[0].numbers == ()


def test_title_slide(dataset):
    title = build_slides(dataset, order=["title"])[0]
    assert title.title == "Công đoàn cơ sở Sở Thông tin và Truyền thông tỉnh Hà Giang"
    assert title.finding == "Đại hội lần thứ IV"
    assert title.numbers == (("Tổng kết nhiệm kỳ", "2012–2017"),)  # the congress itself opens 2017–2022


def test_members_slide(dataset):
    slide = build_slides(dataset, order=["members"])[0]
    assert slide.chart == "gender"
    assert dict(slide.numbers) == {"Đoàn viên": "33", "Nam / Nữ": "16 / 17", "Đảng viên": "23",
                                   "Đại học trở lên": "30"}
    assert slide.finding == "33 đoàn viên, nữ chiếm 51,5%; 23 đảng viên (69,7%)"  # one rounding rule everywhere
    assert slide.notes.startswith("Tổng số 33 đoàn viên, trong đó 16 nam, 17 nữ; 23 đảng viên (13 nữ).")
    assert "Trình độ chuyên môn: Thạc sỹ 6, Đại học 24, Cao đẳng 1, 2 người dưới Đại học." in slide.notes
    assert "Trình độ lý luận chính trị: Cao cấp 10, Trung cấp 8" in slide.notes
    assert "7 phòng, đơn vị" in slide.notes


def test_finance_slides(dataset):
    revenue, spending, balance = build_slides(dataset, order=["revenue", "spending", "balance"])
    assert revenue.finding == "Tổng thu 310,99 triệu đồng; đoàn phí là nguồn ổn định nhất"
    assert revenue.chart == "revenue_by_year"
    assert revenue.numbers[0] == ("Tổng thu, triệu đồng", "310,99")
    assert "Tổng thu cả nhiệm kỳ 310.992.000 đồng" in revenue.notes
    assert "Thu ĐPCĐ 1% 102.222.000 đồng (32,9%)" in revenue.notes
    assert "Năm thu cao nhất là 2015 với 83.060.000 đồng; thấp nhất là 2017 với 42.790.000 đồng." \
        in revenue.notes

    assert spending.finding == "Tổng chi 308,84 triệu đồng; Chi HĐ phong trào chiếm 78,4%"
    assert spending.chart == "spending_by_year"
    assert "Tổng chi cả nhiệm kỳ 308.835.000 đồng" in spending.notes

    assert balance.finding == "Tồn cuối 2,16 triệu đồng; năm 2014 chi vượt thu"
    assert ("Tổng thu cả nhiệm kỳ 310.992.000 đồng; tổng chi 308.835.000 đồng; "
            "tồn cuối 2.157.000 đồng.") in balance.notes
    assert "Năm 2014 chi vượt thu 12.212.000 đồng; số dư lũy kế cuối năm 2014 là −10.395.000 đồng." \
        in balance.notes
    assert dict(balance.numbers)["Tồn cuối, triệu đồng"] == "2,16"


def test_targets_and_awards_slides(dataset):
    targets, awards = build_slides(dataset, order=["targets", "awards"])
    assert targets.finding == "9/9 chỉ tiêu đạt trở lên, 2 chỉ tiêu vượt"
    assert targets.numbers == (("Vượt", "2"), ("Đạt", "7"), ("Chưa đạt", "0"))
    assert targets.chart == "targets_result"
    assert "Bồi dưỡng đoàn viên ưu tú để giới thiệu Chi, Đảng bộ cơ sở xem xét kết nạp " \
           "(mục tiêu 2 người, kết quả 8 người)" in targets.notes

    assert awards.finding == "38 lượt khen thưởng; cao nhất là Bằng khen của Thủ tướng Chính phủ"
    assert awards.numbers == (("Lượt khen thưởng", "38"), ("Tập thể", "11"), ("Cá nhân", "27"))
    assert awards.chart == "awards_by_level"
    assert "Năm 2014: Sáng kiến cấp cơ sở, 7 cá nhân (Sáng kiến được công nhận cấp cơ sở)." \
        in awards.notes


def test_targets_not_met_are_named(dataset):
    missed = tuple(t if i != 3 else Target(group=t.group, text=t.text, unit=t.unit, target="5",
                                           result="4", status="Chưa đạt", target_value=5,
                                           result_value=4)
                   for i, t in enumerate(dataset.targets))
    slide = build_slides(report_dataset(targets=missed), order=["targets"])[0]
    assert slide.finding == "8/9 chỉ tiêu đạt trở lên; 1 chỉ tiêu chưa đạt"
    assert "Chưa đạt: Hàng năm tổ chức phát động thi đua (mục tiêu 5 đợt, kết quả 4 đợt)." \
        in slide.notes


def test_negative_balance_is_called_a_deficit():
    finance = Finance(entries=(FinanceEntry("revenue", 2013, "Thu ĐPCĐ 1%", 1_000_000),
                               FinanceEntry("spending", 2013, "Chi HĐ phong trào", 3_500_000)))
    slide = build_slides(Dataset(finance=finance), order=["balance"])[0]
    assert slide.finding == "Thiếu hụt 2,50 triệu đồng cuối nhiệm kỳ; năm 2013 chi vượt thu"


def test_english_deck(dataset):
    slides = {s.key: s for s in build_slides(dataset, lang="en")}
    assert slides["title"].finding == "Congress no. IV"
    assert slides["revenue"].finding == "Total revenue 310.99 million VND; union dues is the steadiest source"
    assert "Total revenue over the term 310,992,000 VND; total spending 308,835,000 VND; " \
           "closing balance 2,157,000 VND." in slides["balance"].notes
    assert slides["members"].notes.startswith("33 members in all: 16 men and 17 women")


def test_both_languages_have_the_same_strings():
    assert set(strings("vi")) == set(strings("en"))
    with pytest.raises(ValueError):
        build_slides(Dataset(), lang="fr")


def test_short_label():
    assert short_label("- Phấn đấu số CBĐV được kết nạp Đảng") == "Phấn đấu số CBĐV được kết nạp Đảng"
    label = short_label("- Bồi dưỡng đoàn viên ưu tú để giới thiệu Chi, Đảng bộ cơ sở xem xét kết nạp.")
    assert len(label) <= 42 and label.endswith("…")
