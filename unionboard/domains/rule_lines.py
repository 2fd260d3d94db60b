"""Finance rule lines: the figures the finance rules need (payroll for social insurance, dues, shares paid up...).

Layout, tidy, one row per line and year (or month):

    Năm | Tháng (optional) | Chỉ tiêu | Giá trị

"Chỉ tiêu" is one of the lines in `LINES` (matched case- and diacritics-insensitively by its words); a line not
recognised is named in a warning and skipped, never guessed. Amounts are đồng, counts are people. A row with a
month holds that month's figure; rows without a month hold the year's.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, clean, fold, is_blank, parse_number, parse_year
from unionboard.domains.schema import Column, HeaderMatch, TableSchema
from unionboard.domains.spec import DomainSpec, SheetLayout, SheetPairs
from unionboard.read.workbook import Sheet

# key → (Vietnamese label, words that identify it: every word of one alternative must be in the folded text).
# More specific lines first ("nộp cấp trên" before plain "đoàn phí").
LINES: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {
    "kpcd_paid_up": ("KPCĐ nộp cấp trên", (("kpcd", "cap tren"), ("kinh phi cong doan", "cap tren"))),
    "dues_paid_up": ("Đoàn phí nộp cấp trên", (("doan phi", "cap tren"),)),
    "dues_above": ("Đoàn phí thu cao hơn mức chuẩn", (("doan phi", "cao hon"), ("doan phi", "vuot muc"))),
    "member_payroll": ("Tiền lương đóng BHXH của đoàn viên", (("luong", "doan vien"),)),
    "payroll": ("Quỹ tiền lương đóng BHXH", (("quy", "luong"),)),
    "kpcd": ("KPCĐ đã đóng (2%)", (("kpcd",), ("kinh phi cong doan",))),
    "dues": ("Thu đoàn phí", (("doan phi",),)),
    "members": ("Số đoàn viên", (("so doan vien",),)),
    "base_salary": ("Mức lương cơ sở", (("luong co so",),)),
    "opening": ("Tồn đầu năm", (("ton dau",), ("so du dau",))),
    "closing": ("Tồn cuối năm", (("ton cuoi",), ("so du cuoi",))),
}
COUNTS = frozenset({"members"})  # people, not đồng
LEVELS = frozenset({"members", "base_salary", "opening", "closing"})  # stocks/rates: not summed over months

SCHEMA = TableSchema(
    domain="rule_lines",
    title="Số liệu kiểm tra quy định tài chính",
    sheet_hints=("quy dinh", "so lieu kiem tra", "rule"),
    columns=(
        Column("year", "Năm", ("Year",)),
        Column("month", "Tháng", ("Month",), required=False),
        Column("line", "Chỉ tiêu", ("Chỉ tiêu kiểm tra", "Line", "Indicator")),
        Column("value", "Giá trị", ("Số tiền", "Số liệu", "Value", "Amount")),
    ),
)


@dataclass(frozen=True)
class RuleLine:
    """One figure a finance rule needs: a line of one year (month None) or of one month."""

    year: int
    month: int | None
    key: str
    value: int
    where: str  # "file › sheet › B5", for messages


def line_key(text: object) -> str | None:
    """The line a "Chỉ tiêu" text names (None when not recognised)."""
    folded = fold(text)
    for key, (_label, alternatives) in LINES.items():
        if any(all(word in folded for word in words) for words in alternatives):
            return key
    return None


def _read_row(sheet: Sheet, header: HeaderMatch, r: int, log: IssueLog) -> RuleLine | None:
    """One row as a line, or None (logged) when it cannot be used."""
    cols = header.columns

    def get(key: str) -> object:
        return sheet.value(r, cols[key]) if key in cols else None

    def at(key: str) -> str:
        return cell_name(r, cols.get(key, 0))

    year = parse_year(get("year"))
    if year is None:
        log.error(sheet.file, sheet.name, at("year"), "rule_lines.bad_year", value=clean(get("year")), cell=at("year"))
        return None
    key = line_key(get("line"))
    if key is None:
        log.warning(sheet.file, sheet.name, at("line"), "rule_lines.unknown_line", value=clean(get("line")),
                    cell=at("line"))
        return None
    month = None
    if not is_blank(get("month")):
        number = parse_number(get("month"))
        if number is None or number != int(number) or not 1 <= number <= 12:
            log.error(sheet.file, sheet.name, at("month"), "rule_lines.bad_month", value=clean(get("month")),
                      cell=at("month"))
            return None
        month = int(number)
    value = parse_number(get("value"))
    if value is None or value < 0:
        log.error(sheet.file, sheet.name, at("value"), "rule_lines.bad_value", value=clean(get("value")),
                  line=LINES[key][0], cell=at("value"))
        return None
    return RuleLine(year, month, key, round(value), f"{sheet.file} › {sheet.name} › {at('value')}")


def parse_lines(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[RuleLine, ...]:
    """Every usable line of one sheet; a line given twice for the same year/month is an error (first kept)."""
    out: dict[tuple[int, int | None, str], RuleLine] = {}
    for r in range(header.row + 1, sheet.height):
        if all(is_blank(v) for v in sheet.rows[r]):
            continue
        line = _read_row(sheet, header, r, log)
        if line is None:
            continue
        slot = (line.year, line.month, line.key)
        if slot in out:
            log.error(sheet.file, sheet.name, line.where.rsplit(" › ", 1)[-1], "rule_lines.repeated",
                      line=LINES[line.key][0], year=line.year, first=out[slot].where)
            continue
        out[slot] = line
    return tuple(out.values())


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> tuple[RuleLine, ...] | None:
    """Every sheet of the domain, as one tuple (None when nothing usable was read)."""
    lines = tuple(line for sheet, header in pairs if header is not None
                  for line in parse_lines(sheet, header, log))
    return lines or None


def _summary(value: tuple[RuleLine, ...], dataset: object) -> dict:
    """Its part of `check --json`: the years and lines it holds."""
    return {"years": sorted({line.year for line in value}), "lines": sorted({line.key for line in value})}


def _rows(value: tuple[RuleLine, ...]) -> list[tuple]:
    return [(line.year, line.month, LINES[line.key][0], line.value) for line in value]


SPEC = DomainSpec(
    key="rule_lines", name="domain_rule_lines", parse=parse_sheets, schemas=(SCHEMA,), summary=_summary,
    layout=SheetLayout(sheet="Số liệu quy định", title="SỐ LIỆU KIỂM TRA QUY ĐỊNH TÀI CHÍNH",
                       columns=("Năm", "Tháng", "Chỉ tiêu", "Giá trị"), rows=_rows,
                       example=(2025, None, "Quỹ tiền lương đóng BHXH", 1_200_000_000)),
)
