"""xlsx_export: a Dataset built in code → .xlsx in the template's layout → read back by the app's
own loader with the same figures; user text neutralised, numbers kept as numbers, no formulas."""

from __future__ import annotations

import dataclasses
import io
from collections import Counter

import pytest
from openpyxl import load_workbook

from unionboard.analysis.metrics import summary
from unionboard.core.models import (
    Award,
    BudgetLine,
    Dataset,
    Finance,
    FinanceEntry,
    Member,
    Roster,
    SourceFile,
    Target,
    TermTarget,
    UnionInfo,
)
from unionboard.domains.loader import check_files
from unionboard.export.safe import unquote_cell
from unionboard.export.xlsx import dataset_to_xlsx
from unionboard.sample.report import sample_paths

YEARS = (2013, 2014, 2015, 2016, 2017)
REVENUE = {
    "Thu ĐPCĐ 1%": (18_777_000, 21_335_000, 20_560_000, 20_450_000, 21_100_000),
    "LĐLĐ tỉnh cấp": (16_200_000, 4_500_000, 32_500_000, 18_500_000, 7_000_000),
    "CQ, ĐV hỗ trợ": (24_800_000, 38_145_000, 30_000_000, 22_435_000, 14_690_000),
}
SPENDING = {
    "Chi phụ cấp CB CĐ": (9_198_000, 9_522_000, 9_522_000, 9_666_000, None),
    "Chi HĐ phong trào": (45_162_000, 62_250_000, 57_570_000, 41_041_000, 36_084_000),
    "Thăm hỏi ốm đau": (3_600_000, 4_420_000, 6_000_000, 6_800_000, 6_000_000),
    "Chi trợ cấp, khuyết tật": (None, None, None, 2_000_000, None),
}


def _entries(side: str, table: dict) -> list[FinanceEntry]:
    return [FinanceEntry(side, year, item, amount)
            for item, amounts in table.items()
            for year, amount in zip(YEARS, amounts, strict=True) if amount is not None]


def _members() -> list[Member]:
    educations = ["Thạc sỹ", "Đại học", "Đại học", "Cao đẳng", "Trung cấp", None]
    theories = ["Cao cấp", "Trung cấp", "Sơ cấp", "Chưa có"]
    members = []
    for i in range(12):
        members.append(Member(
            name=f"Nguyễn Văn {chr(65 + i)}" if i % 2 == 0 else f"Trần Thị {chr(65 + i)}",
            gender="Nam" if i % 2 == 0 else ("Nữ" if i != 11 else None),
            birth_year=1965 + 2 * i,
            department=["Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính"][i % 3],
            education=educations[i % len(educations)],
            political_theory=theories[i % len(theories)],
            party_member=i % 3 != 0,
            join_date=["2010-05-01", None, "2012", "2015-09"][i % 4],
            role="Chủ tịch" if i == 0 else "Đoàn viên",
        ))
    # user text that must never run as a formula
    members.append(Member(name="=HYPERLINK(\"http://evil\",\"bấm\")", gender="Nữ", birth_year=1990,
                          department="@Phòng lạ", education="Đại học", political_theory="Chưa có",
                          party_member=False))
    return members


TARGETS = (
    Target("1", "CBCCVC, LĐ được học tập các chủ trương của Đảng", "%", "100%", "100%", "Đạt",
           100.0, 100.0, "Đạt", True),
    Target("1", "Bồi dưỡng đoàn viên ưu tú để giới thiệu kết nạp", "Người", "2", "8", "Vượt", 2, 8,
           "Vượt", False),
    Target("1", "Phấn đấu số CBĐV được kết nạp Đảng", "Người", "2", "5", "Vượt", 2, 5, "Vượt", False),
    Target("2", "Hàng năm tổ chức phát động thi đua", "Đợt", "5", "5", "Đạt", 5, 5, "Đạt", True),
    Target("3", "Tỷ lệ nữ đạt danh hiệu “GVN-ĐVN”", "%", "90%", "85%", "Chưa đạt", 90, 85, None, True),
    Target("4", "Phấn đấu CĐCS đạt vững mạnh", "Loại", "Vững mạnh", "Vững mạnh", "Đạt", None, None,
           "Đạt", True),
)

AWARDS = (
    Award(2014, "Sáng kiến", "Cơ sở", "Cá nhân", 7, "Sáng kiến được công nhận cấp cơ sở"),
    Award(2014, "Cờ thi đua", "Bộ", "Tập thể", 1, "Bộ Công an"),
    Award(2013, "Bằng khen", "Tổng Liên đoàn", "Tập thể", 1, "@Ban Nữ công"),
    Award(2013, "Bằng khen", "Thủ tướng", "Tập thể", 1, "", period="2011–2013"),
    Award(2017, "Chiến sỹ thi đua", "Tỉnh", "Cá nhân", 3, ""),
)


TERM_TARGETS = (
    TermTarget("3.1", "Phổ biến, học tập nghị quyết đến toàn thể đoàn viên", "Phối hợp thực hiện", "%",
               "100%", results={2018: "100%", 2019: "95%"}),
    TermTarget("3.5", "Mỗi năm có 01 đoàn viên được kết nạp Đảng", "Phối hợp thực hiện", "Người/năm", "1",
               results={2018: "2", 2020: "0"}),
    TermTarget("3.9", "CĐCS đạt vững mạnh xuất sắc", "Công đoàn thực hiện", "Loại", "Vững mạnh xuất sắc",
               yearly_targets={2018: "Vững mạnh", 2019: "Vững mạnh"}, results={2018: "Vững mạnh xuất sắc"}),
    TermTarget("3.10", "@Kết nạp 5 đoàn viên mới trong nhiệm kỳ", "Công đoàn thực hiện", "Người", "5",
               results={2018: "1,5", 2021: "2"}, per_year=False),
    TermTarget("3.11", "=HYPERLINK(\"http://evil\")", "Công đoàn thực hiện", "", "Tốt",
               results={2018: "-Tốt"}),
)

BUDGET = (
    BudgetLine("revenue", 2018, "Thu ĐPCĐ 1%", 21_500_000),
    BudgetLine("spending", 2018, "Chi HĐ phong trào", 30_000_000),
    BudgetLine("revenue", 2019, "=Thu khác", 1_000),
    BudgetLine("spending", 2019, "Thăm hỏi ốm đau", 0),
)


def _dataset(opening: int = 0) -> Dataset:
    finance = Finance(entries=tuple(_entries("revenue", REVENUE) + _entries("spending", SPENDING)),
                      opening_balance=opening)
    return Dataset(
        members=Roster.from_members(_members()),
        finance=finance,
        targets=TARGETS,
        awards=AWARDS,
        term_targets=TERM_TARGETS,
        budget=BUDGET,
        info=UnionInfo(name="Công đoàn cơ sở Sở Thông tin và Truyền thông", congress="IV",
                       reported_term="2012–2017", next_term="2017–2022"),
    )


def _read_back(data: bytes):
    return check_files([SourceFile("du-lieu.xlsx", data)])


@pytest.fixture(scope="module")
def exported() -> bytes:
    return dataset_to_xlsx(_dataset())


def test_sheets_and_no_formulas(exported):
    wb = load_workbook(io.BytesIO(exported))
    assert wb.sheetnames == ["Thông tin", "Đoàn viên", "Phần thu", "Phần chi", "Chỉ tiêu", "Khen thưởng",
                             "Chỉ tiêu nhiệm kỳ", "Dự toán thu chi"]
    for ws in wb.worksheets:
        assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row), ws.title


def test_user_text_neutralised_and_numbers_stay_numbers(exported):
    wb = load_workbook(io.BytesIO(exported))
    ws = wb["Đoàn viên"]
    last = ws.max_row
    assert ws.cell(row=last, column=1).value == "'=HYPERLINK(\"http://evil\",\"bấm\")"
    assert ws.cell(row=last, column=1).data_type == "s"
    assert ws.cell(row=last, column=4).value == "'@Phòng lạ"
    assert ws["C2"].value == 1965 and ws["C2"].data_type == "n"  # birth year, a number
    assert ws["G2"].value is None and ws["G3"].value == "x"  # party member as "x"
    assert wb["Khen thưởng"]["F4"].value == "'@Ban Nữ công"
    revenue = wb["Phần thu"]
    assert revenue["B4"].value == 18_777_000 and revenue["B4"].data_type == "n"
    assert revenue["B4"].number_format == "#,##0"


def test_finance_layout_with_total_values(exported):
    wb = load_workbook(io.BytesIO(exported))
    ws = wb["Phần thu"]
    assert [ws["A1"].value, ws["A2"].value] == ["PHẦN THU", "ĐVT: đồng"]
    assert [c.value for c in ws[3]] == ["Nguồn thu", *(f"Năm {y}" for y in YEARS), "Tổng cộng"]
    assert [c.value for c in ws[7]] == ["Tổng cộng", 59_777_000, 63_980_000, 83_060_000, 61_385_000,
                                        42_790_000, 310_992_000]
    assert ws["G4"].value == 102_222_000
    spend = wb["Phần chi"]
    assert spend["A3"].value == "Mục chi"
    assert spend["F4"].value is None  # no entry → blank, not 0
    assert [c.value for c in spend[8]] == ["Tổng cộng", 57_960_000, 76_192_000, 73_092_000, 59_507_000,
                                           42_084_000, 308_835_000]
    assert spend["A9"].value == "Tồn cuối" and spend["G9"].value == 2_157_000
    assert not any(c.value == "Tồn đầu kỳ" for row in ws.iter_rows() for c in row)  # zero: no row


def test_round_trip_same_figures(exported):
    original = _dataset()
    result = _read_back(exported)
    assert result.errors == (), [i.message for i in result.errors]
    data = result.dataset
    assert set(data.domains()) == {"members", "finance", "targets", "awards", "term_targets", "budget"}
    assert data.info == original.info

    # members: counts by gender, party members, education, departments, names
    # A neutralised text comes back with its quote ("'@Phòng lạ"); unquote_cell undoes it.
    def counts(roster: Roster, column: str) -> Counter:
        return Counter(None if v is None or v != v else unquote_cell(v) for v in roster.frame[column])

    for column in ("gender", "education", "political_theory", "party_member", "department", "birth_year",
                   "join_date", "role"):
        assert counts(data.members, column) == counts(original.members, column), column
    assert counts(data.members, "gender") == Counter({"Nam": 6, "Nữ": 6, None: 1})
    assert list(data.members.frame["name"])[-1] == "'=HYPERLINK(\"http://evil\",\"bấm\")"  # stays text

    # finance: totals by year and item, same entries, closing balance
    for side in ("revenue", "spending"):
        assert data.finance.by_year(side) == original.finance.by_year(side)
        assert data.finance.by_item(side) == original.finance.by_item(side)
    assert set(data.finance.entries) == set(original.finance.entries)
    assert data.finance.total("revenue") == 310_992_000
    assert data.finance.total("spending") == 308_835_000
    assert data.finance.written_closing_balance == data.finance.closing_balance == 2_157_000
    assert data.finance.opening_balance == 0

    # targets: same statuses, texts, groups
    assert [t.status for t in data.targets] == [t.status for t in TARGETS]
    assert [(t.group, t.text, t.unit, t.target, t.result) for t in data.targets] == \
        [(t.group, t.text, t.unit, t.target, t.result) for t in TARGETS]
    assert [t.is_first_in_group for t in data.targets] == [t.is_first_in_group for t in TARGETS]

    # awards: count, total people/units, periods
    assert len(data.awards) == len(AWARDS)
    assert sum(a.count for a in data.awards) == sum(a.count for a in AWARDS)
    assert [(a.year, a.period, a.form, a.level, a.recipient_type, a.count) for a in data.awards] == \
        [(a.year, a.period, a.form, a.level, a.recipient_type, a.count) for a in AWARDS]

    # term targets and budget: the same (a neutralised text may come back with its quote)
    def unquoted(t: TermTarget) -> TermTarget:
        return dataclasses.replace(t, text=unquote_cell(t.text),
                                   results={y: unquote_cell(v) for y, v in t.results.items()})

    assert [unquoted(t) for t in data.term_targets] == list(TERM_TARGETS)
    assert data.term_targets[4].text == "=HYPERLINK(\"http://evil\")"  # a text cell (quote dropped on reading)
    assert [dataclasses.replace(b, item=unquote_cell(b.item)) for b in data.budget] == list(BUDGET)


def test_round_trip_opening_balance():
    data = dataset_to_xlsx(_dataset(opening=5_000_000))
    ws = load_workbook(io.BytesIO(data))["Phần thu"]
    assert ws["A3"].value == "Tồn đầu kỳ" and ws["G3"].value == 5_000_000
    result = _read_back(data)
    assert result.errors == ()
    finance = result.dataset.finance
    assert finance.opening_balance == 5_000_000
    assert finance.closing_balance == finance.written_closing_balance == 7_157_000
    assert finance.by_year("revenue") == _dataset().finance.by_year("revenue")


def test_only_present_domains():
    data = dataset_to_xlsx(Dataset(awards=AWARDS))
    assert load_workbook(io.BytesIO(data)).sheetnames == ["Thông tin", "Khen thưởng"]
    result = _read_back(data)
    assert result.dataset.domains() == ("awards",)
    assert result.errors == ()


def test_revenue_only_finance_keeps_closing_balance():
    finance = Finance(entries=tuple(_entries("revenue", REVENUE)))
    data = dataset_to_xlsx(Dataset(finance=finance))
    assert load_workbook(io.BytesIO(data)).sheetnames == ["Thông tin", "Phần thu"]
    result = _read_back(data)
    assert result.errors == () and result.warnings == ()
    assert result.dataset.finance.written_closing_balance == 310_992_000


def test_term_targets_and_budget_layout(exported):
    wb = load_workbook(io.BytesIO(exported))
    ws = wb["Chỉ tiêu nhiệm kỳ"]
    assert ws["A1"].value == "CHỈ TIÊU NHIỆM KỲ 2017–2022 — Công đoàn cơ sở Sở Thông tin và Truyền thông"
    assert [c.value for c in ws[3]] == ["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng",
                                        "Mục tiêu 2018", "Mục tiêu 2019",
                                        *(f"Kết quả {y}" for y in range(2018, 2023))]
    rows = {ws.cell(row=r, column=1).value: [c.value for c in ws[r]] for r in range(4, ws.max_row + 1)}
    assert list(rows) == ["3.1", "3.5", "3.9", "3.10", "3.11"]  # codes as text: "3.10" is not 3.1
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in range(4, ws.max_row + 1))
    assert rows["3.5"][4] == 1 and rows["3.5"][8:] == [2, None, 0, None, None]  # numbers stay numbers
    assert rows["3.10"][1] == "'@Kết nạp 5 đoàn viên mới trong nhiệm kỳ" and rows["3.10"][5] == "Cả nhiệm kỳ"
    assert rows["3.10"][8] == 1.5 and rows["3.10"][11] == 2
    assert rows["3.1"][8:10] == ["100%", "95%"] and rows["3.9"][6:9] == ["Vững mạnh", "Vững mạnh",
                                                                          "Vững mạnh xuất sắc"]
    assert rows["3.11"][1] == "'=HYPERLINK(\"http://evil\")" and rows["3.11"][8] == "'-Tốt"
    budget = wb["Dự toán thu chi"]
    assert [budget["A1"].value, budget["A2"].value] == ["DỰ TOÁN THU CHI", "ĐVT: đồng"]
    assert [[c.value for c in row] for row in budget.iter_rows(min_row=3)] == [
        ["Năm", "Thu/Chi", "Khoản mục", "Kế hoạch"],
        [2018, "Thu", "Thu ĐPCĐ 1%", 21_500_000],
        [2018, "Chi", "Chi HĐ phong trào", 30_000_000],
        [2019, "Thu", "'=Thu khác", 1_000],
        [2019, "Chi", "Thăm hỏi ốm đau", 0],
    ]
    assert budget["D4"].data_type == "n" and budget["D4"].number_format == "#,##0"


def test_budget_amounts_survive_a_union_name_that_reads_like_a_unit_note():
    """The budget title holds no union name: budget.unit_factor scans the rows above the header, and
    "đơn vị … Ngân hàng" would read as a "nghìn đồng" note (×1000)."""
    info = UnionInfo(name="Công đoàn cơ sở đơn vị Ngân hàng Nhà nước", next_term="2017–2022")
    result = _read_back(dataset_to_xlsx(Dataset(budget=BUDGET, term_targets=TERM_TARGETS[:2], info=info)))
    assert result.errors == ()
    assert [b.planned for b in result.dataset.budget] == [b.planned for b in BUDGET]


@pytest.fixture(scope="module")
def sample_check():
    paths = sample_paths()
    assert len(paths) == 7  # every file in data/
    return check_files(paths)


def _summary(result) -> dict:
    """The summary without its issues and without where each balance was written (the app's workbook puts
    a balance in another cell than the office's layout did; its figure must not change)."""
    out = summary(result)
    out.pop("issues")
    for balance in ((out.get("finance") or {}).get("balances") or {}).values():
        balance.pop("opening_at", None)
        balance.pop("closing_at", None)
    return out


def test_sample_round_trip_every_domain(sample_check):
    """data/ (7 files) → one workbook → read back: the same term targets, budget and summary."""
    original = sample_check.dataset
    assert set(original.domains()) == {"members", "finance", "targets", "awards", "term_targets", "budget"}
    result = _read_back(dataset_to_xlsx(original))
    assert result.errors == (), [i.message for i in result.errors]
    assert result.warnings == (), [i.message for i in result.warnings]
    data = result.dataset
    assert data.term_targets == original.term_targets  # codes, texts, groups, targets, results, per_year
    assert [t.code for t in data.term_targets] == [f"3.{i}" for i in range(1, 14)]
    assert data.budget == original.budget and len(data.budget) == 42
    assert _summary(result) == _summary(sample_check)


def test_sample_round_trip_with_results(sample_check):
    """The sample term targets with yearly results (the term under way) and per-year targets."""
    original = sample_check.dataset
    samples = {"%": ("100%", "95%"), "Lần/năm": ("1", "2"), "Người/năm": ("0", "1"),
               "Chuyến/năm": ("1", "1"), "Đánh giá": ("Hoàn thành", "Chưa hoàn thành"),
               "Loại": ("Vững mạnh xuất sắc", "Tốt")}
    targets = tuple(dataclasses.replace(t, results={2018: samples[t.unit][0], 2019: samples[t.unit][1]},
                                        yearly_targets={2020: t.term_target} if t.code == "3.5" else {})
                    for t in original.term_targets)
    dataset = dataclasses.replace(original, term_targets=targets)
    before = _read_back(dataset_to_xlsx(dataset))  # written once: the check of the data as uploaded
    after = _read_back(dataset_to_xlsx(before.dataset))
    assert before.errors == () and after.errors == ()
    assert before.dataset.term_targets == targets == after.dataset.term_targets
    assert after.dataset.budget == original.budget
    assert _summary(after) == _summary(before)
    assert _summary(after)["term_targets"]["year"] == 2019


def test_the_data_download_keeps_every_column_the_upload_had(tmp_path):
    """Employee code, the full birth date and notes come back in the data download (they were dropped)."""
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Đoàn viên"
    for row in (["STT", "Mã NV", "Họ và tên", "Giới tính", "Ngày sinh", "Bộ phận", "Ghi chú"],
                [1, "NV001", "Nguyễn Văn An", "Nam", dt.datetime(1985, 5, 12), "Kho", "Tổ trưởng ca 2"],
                [2, "NV002", "Lê Thị Bình", "Nữ", dt.datetime(1990, 3, 1), "Kho", None]):
        ws.append(row)
    wb.save(tmp_path / "dv.xlsx")
    result = check_files([tmp_path / "dv.xlsx"])
    assert result.dataset.members.extra == ("Mã NV", "Ngày sinh", "Ghi chú")
    out = load_workbook(io.BytesIO(dataset_to_xlsx(result.dataset)))["Đoàn viên"]
    header = [c.value for c in out[1]]
    assert header[-3:] == ["Mã NV", "Ngày sinh", "Ghi chú"]
    first = dict(zip(header, [c.value for c in out[2]], strict=True))
    assert (first["Mã NV"], first["Ngày sinh"], first["Ghi chú"]) == ("NV001", dt.datetime(1985, 5, 12),
                                                                         "Tổ trưởng ca 2")
    second = dict(zip(header, [c.value for c in out[3]], strict=True))
    assert second["Ghi chú"] is None  # a blank stays blank
    again = check_files([SourceFile("lai.xlsx", dataset_to_xlsx(result.dataset))])
    assert again.dataset.members.extra == ("Mã NV", "Ngày sinh", "Ghi chú")
    assert again.dataset.members.frame["birth_year"].tolist() == [1985, 1990]


def test_the_data_download_keeps_member_codes_with_their_zeros():
    """The member code column comes back under its header, as text: "00123" stays "00123"."""
    from helpers import workbook_bytes

    data = workbook_bytes({"Đoàn viên": [["STT", "Mã đoàn viên", "Họ và tên", "Giới tính"],
                                         [1, "00123", "Nguyễn Văn An", "Nam"], [2, "00124", "Nguyễn Văn An", "Nam"]]})
    result = check_files([SourceFile("dv.xlsx", data)])
    out = load_workbook(io.BytesIO(dataset_to_xlsx(result.dataset)))["Đoàn viên"]
    header = [c.value for c in out[1]]
    assert header.count("Mã đoàn viên") == 1
    assert [out.cell(r, header.index("Mã đoàn viên") + 1).value for r in (2, 3)] == ["00123", "00124"]
    again = check_files([SourceFile("lai.xlsx", dataset_to_xlsx(result.dataset))]).dataset.members
    assert again.frame["code"].tolist() == ["00123", "00124"]


# --------------------------------------------------------------------------- each year's written balances
# Years down the rows (2024's opening and 2023's closing not written), the report's wide layout with its
# per-year rows, a tidy table with balance rows, and one with openings only (2025's unlike 2024's amounts: a
# warning): each year's balances as written.
PER_YEAR_UPLOADS = {
    "transposed": [["Năm", "Tồn quỹ đầu năm", "Thu đoàn phí", "Chi thăm hỏi", "Tồn quỹ cuối năm"],
                   [2023, 1_000_000, 10_000_000, 6_000_000, None],
                   [2024, None, 30_000_000, 20_000_000, 15_000_000],
                   [2025, 15_000_000, 32_000_000, 25_000_000, 22_000_000]],
    "wide": [["* Phần thu"], ["Nguồn thu", "Năm 2024", "Năm 2025"], ["Thu đoàn phí", 30_000_000, 32_000_000],
             ["* Phần chi"], ["Mục chi", "Năm 2024", "Năm 2025"], ["Chi thăm hỏi", 20_000_000, 25_000_000],
             ["Tồn quỹ đầu năm", 5_000_000, 15_000_000], ["Tồn quỹ cuối năm", 15_000_000, 22_000_000]],
    "tidy": [["Năm", "Thu/Chi", "Khoản mục", "Số tiền"],
             [2024, None, "Tồn quỹ đầu năm", 5_000_000], [2024, "Thu", "Thu đoàn phí", 30_000_000],
             [2024, "Chi", "Chi thăm hỏi", 20_000_000], [2024, None, "Tồn quỹ cuối năm", 15_000_000],
             [2025, None, "Tồn quỹ đầu năm", 15_000_000], [2025, "Thu", "Thu đoàn phí", 32_000_000],
             [2025, "Chi", "Chi thăm hỏi", 25_000_000], [2025, None, "Tồn quỹ cuối năm", 22_000_000]],
    "openings_only": [["Năm", "Tồn quỹ đầu năm", "Thu đoàn phí", "Chi thăm hỏi"],
                      [2024, 5_000_000, 30_000_000, 20_000_000], [2025, 16_000_000, 32_000_000, 25_000_000]],
}
PER_YEAR_WRITTEN = {
    "transposed": [(2023, 1_000_000, None), (2024, None, 15_000_000), (2025, 15_000_000, 22_000_000)],
    "wide": [(2024, 5_000_000, 15_000_000), (2025, 15_000_000, 22_000_000)],
    "tidy": [(2024, 5_000_000, 15_000_000), (2025, 15_000_000, 22_000_000)],
    "openings_only": [(2024, 5_000_000, None), (2025, 16_000_000, None)],
}


def _upload(layout: str):
    from helpers import workbook_bytes

    return check_files([SourceFile("tai-chinh.xlsx", workbook_bytes({"Tài chính": PER_YEAR_UPLOADS[layout]}))])


def _balances(finance: Finance) -> list[tuple]:
    return [(b.year, b.opening, b.closing) for b in finance.balances]


def _continuity(result) -> list[tuple]:
    from unionboard.analysis.finance_rules import check_dataset

    return [(r.year, r.status, r.value, r.limit) for r in check_dataset(result.dataset)
            if r.rule.id == "balance_continuity"]


@pytest.mark.parametrize("layout", sorted(PER_YEAR_UPLOADS))
def test_each_years_written_balances_come_back_from_the_download(layout):
    """Upload with per-year balances → download → upload again: the same balances, totals, checks."""
    first = _upload(layout)
    assert _balances(first.dataset.finance) == PER_YEAR_WRITTEN[layout]
    again = _read_back(dataset_to_xlsx(first.dataset))
    before, after = first.dataset.finance, again.dataset.finance
    assert _balances(after) == _balances(before)
    for side in ("revenue", "spending"):
        assert after.by_year(side) == before.by_year(side) and after.by_item(side) == before.by_item(side)
    assert (after.opening_balance, after.written_closing_balance, after.closing_balance) == (
        before.opening_balance, before.written_closing_balance, before.closing_balance)
    assert again.ok == first.ok is True
    assert sorted(i.code for i in again.issues) == sorted(i.code for i in first.issues)
    assert _continuity(again) == _continuity(first)
    # each figure sits in its year's column of a per-year row: a year with none stays blank
    for b in after.balances:
        assert b.opening is None or b.opening_at.sheet == "Phần chi"
        assert b.closing is None or b.closing_at.sheet == "Phần chi"


def test_the_download_writes_each_year_under_its_column_and_nothing_computed():
    wb = load_workbook(io.BytesIO(dataset_to_xlsx(_upload("transposed").dataset)))
    rows = {r[0]: r[1:] for r in wb["Phần chi"].iter_rows(values_only=True) if r[0]}
    assert rows["Mục chi"] == ("Năm 2023", "Năm 2024", "Năm 2025", "Tổng cộng")
    assert rows["Tồn quỹ đầu năm"] == (1_000_000, None, 15_000_000, None)  # 2024's opening was not written
    assert rows["Tồn quỹ cuối năm"] == (None, 15_000_000, 22_000_000, None)  # nor 2023's closing
    # the per-year rows give the period's balances back: no second cell for them ("Tồn đầu kỳ", "Tồn cuối")
    assert "Tồn cuối" not in rows
    assert not any(c.value == "Tồn đầu kỳ" for row in wb["Phần thu"].iter_rows() for c in row)
    openings = load_workbook(io.BytesIO(dataset_to_xlsx(_upload("openings_only").dataset)))["Phần chi"]
    rows = {r[0]: r[1:] for r in openings.iter_rows(values_only=True) if r[0]}
    assert "Tồn cuối" not in rows  # no closing was written: none is computed into the download
    assert rows["Tồn quỹ cuối năm"] == (None, None, None)


def test_a_year_with_only_a_balance_keeps_its_column():
    """A 2023 row with only its closing balance (2024's opening, where the book starts): the download gets a
    2023 column, blank amounts."""
    from helpers import workbook_bytes

    rows = [["Năm", "Thu đoàn phí", "Chi thăm hỏi", "Tồn quỹ cuối năm"],
            [2023, None, None, 5_000_000], [2024, 30_000_000, 20_000_000, 15_000_000]]
    first = check_files([SourceFile("tc.xlsx", workbook_bytes({"Tài chính": rows}))])
    again = _read_back(dataset_to_xlsx(first.dataset))
    assert _balances(again.dataset.finance) == _balances(first.dataset.finance) == [
        (2023, None, 5_000_000), (2024, 5_000_000, 15_000_000)]
    assert again.dataset.finance.opening_balance == first.dataset.finance.opening_balance == 5_000_000
    assert again.dataset.finance.years == first.dataset.finance.years == (2024,)


def test_a_written_closing_unlike_the_amounts_keeps_its_warning():
    """The period's closing as written (not the computed one) goes into the download: its warning comes back."""
    from helpers import workbook_bytes

    rows = [["* Phần thu"], ["Nguồn thu", "Năm 2024", "Năm 2025", "Tổng cộng"],
            ["Thu đoàn phí", 30_000_000, 32_000_000, 62_000_000],
            ["* Phần chi"], ["Mục chi", "Năm 2024", "Năm 2025", "Tổng cộng"],
            ["Chi thăm hỏi", 20_000_000, 25_000_000, 45_000_000], ["Tồn cuối", None, None, 18_000_000]]
    first = check_files([SourceFile("tc.xlsx", workbook_bytes({"Tài chính": rows}))])
    assert [i.code for i in first.warnings] == ["finance.closing_mismatch"]
    again = _read_back(dataset_to_xlsx(first.dataset))
    assert again.dataset.finance.written_closing_balance == 18_000_000
    assert [i.code for i in again.warnings] == ["finance.closing_mismatch"]
    assert _balances(again.dataset.finance) == _balances(first.dataset.finance) == [(2025, None, 18_000_000)]


def test_a_download_edited_to_contradict_a_year_is_named_with_its_cell():
    """2024's closing changed in the downloaded file: the per-year check names that cell again."""
    data = dataset_to_xlsx(_upload("wide").dataset)
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Phần chi"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Tồn quỹ cuối năm")
    assert ws.cell(row, 2).value == 15_000_000  # 2024 (column B)
    ws.cell(row, 2).value = 14_000_000
    buffer = io.BytesIO()
    wb.save(buffer)
    edited = _read_back(buffer.getvalue())
    cell = f"B{row}"
    found = [i for i in edited.warnings if i.code == "finance_shapes.year_closing_mismatch"]
    assert [(i.sheet, i.cell) for i in found] == [("Phần chi", cell)]
    assert "14.000.000" in found[0].message and "15.000.000" in found[0].message
    from unionboard.analysis.finance_rules import check_dataset

    violation = next(r for r in check_dataset(edited.dataset) if r.rule.id == "balance_continuity" and r.year == 2025)
    assert (violation.status, violation.value, violation.limit) == ("violation", 15_000_000, 14_000_000)
    assert f"du-lieu.xlsx › Phần chi › {cell}" in violation.where
    assert edited.dataset.finance.balance_of(2024).closing == 14_000_000


def test_the_sample_download_reads_back_the_reports_figures(sample_check):
    """The report's sample (which writes only the term's closing): the same figures, no new warning, and
    no per-year rows (its closing stays the "Tồn cuối" row)."""
    data = dataset_to_xlsx(sample_check.dataset)
    again = _read_back(data)
    finance = again.dataset.finance
    assert len(again.dataset.members) == 33
    assert (finance.total("revenue"), finance.total("spending")) == (310_992_000, 308_835_000)
    assert finance.closing_balance == finance.written_closing_balance == 2_157_000
    assert _balances(finance) == _balances(sample_check.dataset.finance) == [(2017, None, 2_157_000)]
    assert not set(i.code for i in again.warnings) - set(i.code for i in sample_check.warnings)
    labels = [r[0] for r in load_workbook(io.BytesIO(data))["Phần chi"].iter_rows(values_only=True)]
    assert "Tồn cuối" in labels and "Tồn quỹ cuối năm" not in labels


def test_two_figures_for_the_first_years_opening_both_come_back_with_their_warning():
    """'Số dư đầu kỳ' 4.000.000 and 2024's 'Tồn quỹ đầu năm' 5.000.000: the download keeps both cells, so the
    figures still start from 4.000.000 and the conflict is named again (never one figure silently dropped)."""
    from helpers import workbook_bytes

    rows = [["Năm", "Tồn quỹ đầu năm", "Thu đoàn phí", "Chi thăm hỏi", "Tồn quỹ cuối năm"],
            ["Số dư đầu kỳ", 4_000_000, None, None, None],
            [2024, 5_000_000, 30_000_000, 20_000_000, 15_000_000], [2025, 15_000_000, 32_000_000, 25_000_000, None]]
    first = check_files([SourceFile("tc.xlsx", workbook_bytes({"Tài chính": rows}))])
    again = _read_back(dataset_to_xlsx(first.dataset))
    for result in (first, again):
        finance = result.dataset.finance
        assert (finance.opening_balance, finance.balance_of(2024).opening) == (4_000_000, 5_000_000)
        assert "finance_years.opening_conflict" in {i.code for i in result.warnings}
    assert again.dataset.finance.closing_balance == first.dataset.finance.closing_balance == 21_000_000
