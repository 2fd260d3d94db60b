"""Findings (chart titles, overview sentences) on the report's figures and on small edge cases."""

from __future__ import annotations

import pytest
from helpers import report_dataset  # the report's data as models (no workbook, no parser)

from unionboard.analysis import findings
from unionboard.core.models import (
    Award,
    Dataset,
    Finance,
    FinanceEntry,
    Member,
    Roster,
    Target,
    UnionInfo,
)


@pytest.fixture(scope="module")
def data() -> Dataset:
    return report_dataset()


def finance_of(*rows: tuple[str, int, str, int], opening: int = 0) -> Finance:
    return Finance(tuple(FinanceEntry(*row) for row in rows), opening_balance=opening)


# --------------------------------------------------------------------------- formatting


def test_money_is_rounded_half_up_from_exact_dong():
    assert findings.money(310_992_000) == "310,99 triệu đồng"
    assert findings.money(308_835_000) == "308,84 triệu đồng"  # not the float artefact 308,83
    assert findings.money(12_212_000, decimals=1) == "12,2 triệu đồng"
    assert findings.money(1_234_567_000, "en") == "1,234.57 million VND"
    assert findings.percent(102_222_000, 310_992_000) == "32,9%"
    assert findings.percent(1, 0) == "0%"


def test_friendly_item_spells_out_abbreviations():
    assert findings.friendly_item("Chi HĐ phong trào", start=True) == "Chi hoạt động phong trào"
    assert findings.friendly_item("Chi phụ cấp CB CĐ") == "chi phụ cấp cán bộ công đoàn"
    assert findings.friendly_item("CQ, ĐV hỗ trợ") == "cơ quan, đơn vị hỗ trợ"
    assert findings.friendly_item("LĐLĐ tỉnh cấp") == "Liên đoàn Lao động tỉnh cấp"
    assert findings.friendly_item("Thu ĐPCĐ 1%") == "đoàn phí"
    assert findings.friendly_item("Thu ĐPCĐ 1%", "en") == "union dues"
    assert findings.friendly_item("CQ, ĐV hỗ trợ", "en") == "“CQ, ĐV hỗ trợ”"


# --------------------------------------------------------------------------- finance


def test_finance_findings_on_the_report(data):
    f = data.finance
    assert findings.most_stable_source(f) == "Đoàn phí là nguồn thu ổn định nhất"
    assert findings.largest_source(f) == "Cơ quan, đơn vị hỗ trợ là nguồn thu lớn nhất (41,8% tổng thu)"
    assert findings.largest_category(f) == "Chi hoạt động phong trào chiếm 78,4% tổng chi"
    assert findings.deficit_years(f) == "Năm 2014 chi vượt thu 12,2 triệu đồng"
    assert findings.deficits(f) == {2014: 12_212_000}
    assert findings.closing_finding(f) == "Tồn quỹ cuối kỳ 2,16 triệu đồng"
    assert findings.peak_spending_year(f) == "Năm 2014 chi nhiều nhất: 76,2 triệu đồng"


def test_finance_findings_in_english(data):
    f = data.finance
    assert findings.most_stable_source(f, "en") == "The most stable source of revenue: union dues"
    assert findings.deficit_years(f, "en") == "In 2014 spending exceeded revenue by 12.2 million VND"
    assert findings.largest_category(f, "en") == "“Chi HĐ phong trào” accounts for 78.4% of spending"


def test_several_deficits_and_none():
    f = finance_of(("revenue", 2020, "A", 10_000_000), ("spending", 2020, "B", 12_000_000),
                   ("revenue", 2021, "A", 10_000_000), ("spending", 2021, "B", 13_500_000))
    assert findings.deficit_years(f) == ("Chi vượt thu ở 2 năm: 2020 (2,0 triệu đồng); "
                                         "2021 (3,5 triệu đồng)")
    assert findings.closing_finding(f) == "Cuối kỳ chi vượt thu 5,50 triệu đồng"
    ok = finance_of(("revenue", 2020, "A", 10_000_000), ("spending", 2020, "B", 10_000_000))
    assert findings.deficit_years(ok) is None
    assert findings.balance_finding(ok) == "Năm nào thu cũng đủ chi"
    assert findings.closing_finding(ok) == "Thu vừa đủ chi, cuối kỳ không còn tồn quỹ"


def test_stable_source_needs_two_sources_and_two_years():
    one_year = finance_of(("revenue", 2020, "A", 1), ("revenue", 2020, "B", 2))
    assert findings.most_stable_source(one_year) is None
    assert findings.most_stable_source(Finance(())) is None
    assert findings.largest_category(Finance(())) is None


# --------------------------------------------------------------------------- members, targets, awards


def test_member_findings(data):
    r = data.members
    assert findings.gender_finding(r) == "Nữ chiếm 51,5% đoàn viên (17/33 người)"
    assert findings.education_finding(r) == "30/33 đoàn viên có trình độ đại học trở lên (90,9%)"
    assert findings.political_theory_finding(r) == (
        "18/33 đoàn viên có lý luận chính trị trung cấp trở lên (54,5%)")
    assert findings.party_finding(r) == "23/33 đoàn viên là đảng viên, trong đó 13 nữ"
    assert findings.department_finding(r) == ("Văn phòng Sở và Trung tâm Công nghệ Thông tin và Truyền "
                                              "thông đông đoàn viên nhất (7 người mỗi nơi)")
    assert findings.age_finding(r, reference_year=2017) == (
        "Nhóm 40–49 tuổi đông nhất (11 người); tuổi bình quân 41")
    assert findings.gender_finding(r, "en") == "Women make up 51.5% of members (17/33)"


def test_age_bands():
    assert [findings.age_band(a) for a in (18, 29, 30, 39, 40, 59, 60, 75)] == [
        "<30", "<30", "30–39", "30–39", "40–49", "50–59", "≥60", "≥60"]
    roster = Roster.from_members([Member("A", "Nam", None, "P", "Đại học", "Chưa có", False)])
    assert findings.ages(roster) == []
    assert findings.age_finding(roster) is None


def test_target_findings(data):
    assert findings.targets_finding(data.targets) == "Hoàn thành 9/9 chỉ tiêu, vượt 2 chỉ tiêu"
    assert findings.numeric_targets_finding(data.targets) == (
        "6 chỉ tiêu định lượng đều đạt hoặc vượt, cao nhất 400% mục tiêu")
    missed = (*data.targets, Target("7", "X", "%", "100%", "80%", "Chưa đạt", 100.0, 80.0))
    assert findings.targets_finding(missed) == "Đạt 9/10 chỉ tiêu; 1 chỉ tiêu chưa đạt"
    assert findings.numeric_targets_finding(missed) == "1/7 chỉ tiêu định lượng chưa đạt mục tiêu"
    assert findings.targets_finding(()) is None


def test_award_findings(data):
    assert findings.awards_level_finding(data.awards) == (
        "38 lượt khen thưởng, cao nhất là Bằng khen của Thủ tướng Chính phủ")
    # the tallest bar of the awards-by-year chart is the period 2012–2017 (22), not 2014 (13)
    assert findings.awards_year_finding(data.awards) == "Giai đoạn 2012–2017 nhiều khen thưởng nhất (22 lượt)"
    only_years = tuple(a for a in data.awards if not a.period)
    assert findings.awards_year_finding(only_years) == "Năm 2014 nhiều khen thưởng nhất (13 lượt)"
    only_period = (Award(2017, "Bằng khen", "Tỉnh", "Tập thể", 2, period="2012–2017"),)
    assert findings.awards_year_finding(only_period) == "Giai đoạn 2012–2017 nhiều khen thưởng nhất (2 lượt)"
    assert findings.awards_year_finding(()) is None
    assert findings.awards_level_finding(only_period) == "2 lượt khen thưởng, cao nhất là Bằng khen cấp tỉnh"


# --------------------------------------------------------------------------- overview


def test_overview_summary_reads_the_report(data):
    sentences = findings.overview_summary(data)
    assert 3 <= len(sentences) <= 6
    assert sentences[1] == ("Nhiệm kỳ 2012–2017 tổng thu 310,99 triệu đồng, trong đó đoàn phí "
                            "102,22 triệu đồng (32,9%).")
    text = " ".join(sentences)
    assert "310,99 triệu đồng" in text
    assert "33 đoàn viên (16 nam, 17 nữ)" in text
    assert "308,84 triệu đồng" in text and "78,4%" in text
    assert "Tồn quỹ cuối kỳ 2,16 triệu đồng; cuối năm 2014 quỹ âm 10,40 triệu đồng." in sentences
    assert "Chỉ tiêu Nghị quyết: hoàn thành 9/9 chỉ tiêu, vượt 2 chỉ tiêu." in sentences
    assert all(s.endswith(".") for s in sentences)


def test_overview_summary_in_english(data):
    sentences = findings.overview_summary(data, "en")
    assert sentences[1] == ("Over the 2012–2017 term, revenue totalled 310.99 million VND, of which "
                            "union dues 102.22 million VND (32.9%).")
    assert "triệu" not in " ".join(sentences)


def test_overview_without_reported_term_uses_the_finance_years(data):
    plain = Dataset(finance=data.finance, info=UnionInfo())
    sentences = findings.overview_summary(plain)
    assert sentences[0].startswith("Giai đoạn 2013–2017 tổng thu 310,99 triệu đồng")
    assert findings.term_end_year(plain) == 2017
    assert findings.term_end_year(data) == 2017
    assert findings.overview_summary(Dataset()) == []
