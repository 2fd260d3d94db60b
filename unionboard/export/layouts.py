"""The sheet layouts the template, the data download and the planning editor write and the readers
read back: sheet names, column labels (from `domains.schema`), example rows, and the record sheets of the
built-in members, targets and awards as `SheetLayout` data (formats, dropdowns, widths), written by the one
generic writer `template.add_layout_sheet` like any registered domain's sheet.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import pandas as pd

from unionboard.analysis.unknown import not_in_data
from unionboard.core.models import (
    AWARD_LEVELS,
    EDUCATION_LEVELS,
    GENDERS,
    POLITICAL_THEORY_LEVELS,
    RECIPIENT_TYPES,
    STATUSES,
    Award,
    BudgetLine,
    Roster,
    Target,
    TermTarget,
    UnionInfo,
)
from unionboard.domains import schema
from unionboard.domains.spec import DomainSpec, Dropdown, SheetLayout
from unionboard.domains.term_targets import (
    COORDINATED,
    PER_YEAR_LABEL,
    RUNNING_LABEL,
    UNION_LED,
    WHOLE_TERM_LABEL,
)

SHEET_GUIDE = "Hướng dẫn"
SHEET_INFO = "Thông tin"
SHEET_MEMBERS = "Đoàn viên"
SHEET_REVENUE = "Phần thu"
SHEET_SPENDING = "Phần chi"
SHEET_TARGETS = "Chỉ tiêu"
SHEET_AWARDS = "Khen thưởng"
SHEET_TERM_TARGETS = "Chỉ tiêu nhiệm kỳ"
SHEET_BUDGET = "Dự toán thu chi"

VALIDATION_LAST_ROW = 2000
PARTY_MARK = "x"
TOTAL_LABEL = "Tổng cộng"
OPENING_LABEL = "Tồn đầu kỳ"
CLOSING_LABEL = "Tồn cuối"
# each year's written balances, rows under the last finance table (the report's own rows, read back per year)
YEAR_OPENING_LABEL = "Tồn quỹ đầu năm"
YEAR_CLOSING_LABEL = "Tồn quỹ cuối năm"
UNIT_NOTE = "ĐVT: đồng"
EXAMPLE_YEARS = (2013, 2014, 2015, 2016, 2017)
EXAMPLE_TERM_YEARS = (2018, 2019, 2020, 2021, 2022)  # the term 2017–2022 (term_status.term_years)

# (UnionInfo field, key written in column A) — each key folds to a key of loader.INFO_KEYS.
INFO_ROWS: tuple[tuple[str, str], ...] = (
    ("name", "Tên công đoàn"),
    ("congress", "Đại hội lần thứ"),
    ("reported_term", "Nhiệm kỳ báo cáo"),
    ("next_term", "Nhiệm kỳ tới"),
    ("kind", "Loại hình"),
    ("upper_union", "Công đoàn cấp trên"),
    ("congress_date", "Ngày đại hội"),
)
EXAMPLE_INFO = UnionInfo(name="Công đoàn cơ sở Sở Thông tin và Truyền thông tỉnh Hà Giang",
                         congress="IV", reported_term="2012–2017", next_term="2017–2022", kind="agency",
                         upper_union="Công đoàn Viên chức tỉnh Hà Giang")  # the draft report, line 9

# the member code column is written under the upload's own header, as one of the roster's `extra` columns
MEMBER_LABELS: tuple[str, ...] = tuple(c.label for c in schema.MEMBERS.columns if c.key != "code")
TARGET_LABELS: tuple[str, ...] = tuple(c.label for c in schema.TARGETS.columns)
AWARD_LABELS: tuple[str, ...] = tuple(c.label for c in schema.AWARDS.columns)

EXAMPLE_MEMBER = ("Nguyễn Văn An", "Nam", 1985, "Văn phòng", "Đại học", "Trung cấp", PARTY_MARK,
                  dt.date(2010, 5, 1), "Đoàn viên", None)
EXAMPLE_REVENUE = ("Thu đoàn phí công đoàn (1%)", (18_777_000, 21_335_000, 20_560_000, 20_450_000,
                                                   21_100_000))
EXAMPLE_SPENDING = ("Chi hoạt động phong trào", (45_162_000, 62_250_000, 57_570_000, 41_041_000,
                                                36_084_000))
EXAMPLE_TARGET = ("1", "Đoàn viên được học tập, quán triệt Nghị quyết của Đảng", "%", "100%", "100%",
                  "Đạt")
EXAMPLE_AWARD = (2014, "Bằng khen", "Tỉnh", "Cá nhân", 1, "Chủ tịch UBND tỉnh tặng")

# The planning sheets (term targets of the new term, budget): labels the parsers read
# (schema.TERM_TARGETS + year columns found by term_targets.year_columns; schema.BUDGET).
TERM_TARGET_COLUMNS: tuple[str, ...] = ("Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng")
BUDGET_COLUMNS: tuple[str, ...] = ("Năm", "Thu/Chi", "Khoản mục", "Kế hoạch")
TEXT_COLUMNS = ("Mã", "Nội dung", "Nhóm", "ĐVT", "Áp dụng", "Thu/Chi", "Khoản mục")
TERM_GROUPS = (COORDINATED, UNION_LED)
APPLIES_VALUES = (PER_YEAR_LABEL, WHOLE_TERM_LABEL, RUNNING_LABEL)
BUDGET_SIDES = ("Thu", "Chi")  # budget.side_of: Thu → revenue, Chi → spending
BUDGET_TITLE = "DỰ TOÁN THU CHI"  # no union name: budget.unit_factor scans the rows above the header
PLANNING_HEADER_ROW = 3  # row 1 title, row 2 note, row 3 header (1-based)
EXAMPLE_TERM_TARGET = TermTarget(
    code="3.1", text="Phổ biến, tuyên truyền, học tập đầy đủ các chỉ thị, nghị quyết của Đảng, chính sách, "
                     "pháp luật của Nhà nước đến toàn thể đoàn viên",
    group=COORDINATED, unit="%", term_target="100%", results={2018: "100%"}, per_year=True)
EXAMPLE_BUDGET = BudgetLine(side="revenue", year=2018, item="Thu đoàn phí công đoàn (1%)", planned=21_500_000)

Side = Literal["revenue", "spending"]
FINANCE_SHEETS: dict[str, tuple[str, str, str]] = {  # side → (sheet, title, first header)
    "revenue": (SHEET_REVENUE, "PHẦN THU", "Nguồn thu"),
    "spending": (SHEET_SPENDING, "PHẦN CHI", "Mục chi"),
}


# --------------------------------------------------------------------------- planning columns


def result_column(year: int) -> str:
    """The header of a year's result column ("Kết quả 2018")."""
    return f"Kết quả {year}"


def target_column(year: int) -> str:
    """The header of a year's target column ("Mục tiêu 2018")."""
    return f"Mục tiêu {year}"


# --------------------------------------------------------------------------- record rows

_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _join_date_cell(value: object) -> object:
    """ISO '2010-05-01' → a date cell; '2010-05' → '05/2010'; '2010' → 2010; else as written."""
    if _missing(value) or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    if match := _ISO_MONTH.fullmatch(text):
        return f"{match.group(2)}/{match.group(1)}"
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    return text


def member_rows(roster: Roster) -> list[tuple]:
    """Roster → rows in schema.MEMBERS column order (party member as "x")."""
    frame = roster.frame
    unknown = not_in_data(roster)  # written blank, as the union's sheet had it (not "Chưa có")
    rows = []
    for rec in frame.to_dict("records"):
        def get(key: str, rec: dict = rec) -> object:
            value = rec.get(key)
            return None if _missing(value) or key in unknown else value

        birth_year = get("birth_year")
        rows.append((
            get("name"),
            get("gender"),
            int(birth_year) if birth_year is not None else None,
            get("department"),
            get("education"),
            get("political_theory"),
            PARTY_MARK if bool(get("party_member")) else None,
            _join_date_cell(get("join_date")),
            get("role"),
            get("status"),
            *(get(label) for label in roster.extra),  # the upload's other columns, kept
        ))
    return rows


def _amount_cell(text: str) -> object:
    """A target/result exactly as written (text: a number cell in a "%" row would read as a fraction)."""
    return text or None


def target_rows(targets: tuple[Target, ...]) -> list[tuple]:
    """STT only on the first row of each group (the report's layout); Đánh giá = the checked status."""
    rows = []
    previous_group: str | None = None
    for t in targets:
        first = t.is_first_in_group or t.group != previous_group
        previous_group = t.group
        rows.append((t.group if first and t.group else None, t.text, t.unit or None,
                     _amount_cell(t.target), _amount_cell(t.result), t.status or None))
    return rows


def award_rows(awards: tuple[Award, ...]) -> list[tuple]:
    """Năm (or the period "2011–2013") | Hình thức | Cấp | Đối tượng | Số lượng | Ghi chú."""
    return [(a.period or a.year, a.form, a.level, a.recipient_type or None, a.count, a.note or None)
            for a in awards]


# --------------------------------------------------------------------------- record sheets as data

MEMBERS_LAYOUT = SheetLayout(
    sheet=SHEET_MEMBERS, title="", columns=MEMBER_LABELS, rows=member_rows, example=EXAMPLE_MEMBER,
    header_row=1, as_given=True, formats=(("Năm sinh", "0"),),
    dropdowns=(
        Dropdown("Giới tính", GENDERS, "Nam hoặc Nữ."),
        Dropdown("Trình độ chuyên môn", EDUCATION_LEVELS, "Trình độ chuyên môn cao nhất.", strict=False),
        Dropdown("Lý luận chính trị", POLITICAL_THEORY_LEVELS,
                 "Trình độ lý luận chính trị; chưa học thì chọn “Chưa có”.", strict=False),
        Dropdown("Đảng viên", (PARTY_MARK,), "Ghi “x” nếu là đảng viên, để trống nếu không."),
    ),
    widths=(("A", 26), ("C", 10), ("D", 10), ("E", 30), ("F", 20), ("G", 18), ("H", 11), ("I", 18),
            ("J", 20), ("K", 14)),
    extra_columns=lambda roster: roster.extra,
)
TARGETS_LAYOUT = SheetLayout(
    sheet=SHEET_TARGETS, title="", columns=TARGET_LABELS, rows=target_rows, example=EXAMPLE_TARGET,
    header_row=1, as_given=True, wrapped=("Nội dung",),
    dropdowns=(Dropdown("Đánh giá", STATUSES,
                        "Vượt, Đạt hoặc Chưa đạt (có thể để trống: ứng dụng tự đánh giá)."),),
    widths=(("A", 6), ("B", 60), ("C", 10), ("D", 14), ("E", 14), ("F", 12)),
)
AWARDS_LAYOUT = SheetLayout(
    sheet=SHEET_AWARDS, title="", columns=AWARD_LABELS, rows=award_rows, example=EXAMPLE_AWARD,
    header_row=1, as_given=True, formats=(("Năm", "0"),),
    dropdowns=(
        Dropdown("Cấp", AWARD_LEVELS, "Cấp khen thưởng (cấp quyết định khen).", strict=False),
        Dropdown("Đối tượng", RECIPIENT_TYPES, "Tập thể hoặc Cá nhân."),
    ),
    widths=(("A", 11), ("B", 28), ("C", 16), ("D", 12), ("E", 10), ("F", 50)),
)
# The built-in domains whose sheet is one record table; their readers live below `export`, their rows
# need `analysis` (members of unknown columns written blank), so their layouts are declared here.
BUILTIN_LAYOUTS: dict[str, SheetLayout] = {"members": MEMBERS_LAYOUT, "targets": TARGETS_LAYOUT,
                                           "awards": AWARDS_LAYOUT}


def layout_of(spec: DomainSpec) -> SheetLayout | None:
    """The record sheet a domain is written as: a built-in's layout above, else the one it declares."""
    return BUILTIN_LAYOUTS.get(spec.key, spec.layout)
