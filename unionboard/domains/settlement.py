"""Annual settlement (báo cáo quyết toán thu chi tài chính công đoàn cơ sở, form B07-TLĐ) as a finance source.

The form's full row list (its Mã số) could not be established from a source, so rows are recognised by their
text, not their code (the code is kept as written). Read variants: a header row with "Nội dung"/"Chỉ tiêu",
optional "Mã số" and "Dự toán", and "Quyết toán" (the actual figure); the year from the title above ("NĂM 2024")
or a "Năm" cell. Part A headcounts ("Số lao động", "Số đoàn viên") and the payroll are read as rule lines; other
rows are kept for the summary in the form's order. Nothing here raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, clean, fold, is_blank, parse_number, parse_year
from unionboard.domains.rows import is_signature_text
from unionboard.domains.rule_lines import RuleLine, line_key
from unionboard.domains.schema import Column, HeaderMatch, TableSchema
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.read.workbook import Sheet

SCHEMA = TableSchema(
    domain="settlement",
    title="Báo cáo quyết toán thu chi (B07-TLĐ)",
    sheet_hints=("quyet toan", "b07"),
    # "Chỉ tiêu | Thực hiện" is also a targets table's header: two columns alone are a settlement only with a
    # hint ("Quyết toán"/"B07" in the sheet name or title); with "Mã số" or "Dự toán" beside them they are one
    min_columns=3,
    columns=(
        Column("text", "Nội dung", ("Chỉ tiêu", "Nội dung thu chi", "Diễn giải")),
        Column("code", "Mã số", ("Mã", "MS", "Code"), required=False),
        Column("plan", "Dự toán", ("Dự toán năm", "Kế hoạch", "Plan"), required=False),
        Column("actual", "Quyết toán", ("Quyết toán năm", "Số quyết toán", "Thực hiện", "Actual")),
    ),
)
_YEAR = re.compile(r"\bnam\s+(\d{4})\b")
# totals and balances of the form, by words in the row's text (checked before the rule lines)
TOTALS = {"receipts": ("tong thu", "cong thu", "tong cong thu", "tong so thu"),
          "spending": ("tong chi", "cong chi", "tong cong chi", "tong so chi"),
          "workers": ("so lao dong", "tong so lao dong")}
BALANCES = ("opening", "closing")
# the rows given to the rules: headcounts and payroll only. A dues or KPCĐ row of the form may hold the whole
# amount or the union's kept share depending on how it was filled in, so it is shown, never fed to a rule.
RULE_LINES = frozenset({"members", "payroll", "member_payroll", "base_salary"})


@dataclass(frozen=True)
class SettlementRow:
    """One row of the form: its code, text, plan and actual figure, and what it was recognised as."""

    code: str
    text: str
    plan: int | None
    actual: int | None
    key: str | None  # a rule line ("dues", "opening"...), "receipts"/"spending"/"workers", or None


@dataclass(frozen=True)
class Settlement:
    """One year's settlement form."""

    year: int
    rows: tuple[SettlementRow, ...]
    file: str = ""

    def lines(self) -> tuple[RuleLine, ...]:
        """The rows the finance rules read (headcounts and payroll), as year lines."""
        return tuple(RuleLine(self.year, None, r.key, r.actual, f"{self.file} › B07-TLĐ")
                     for r in self.rows if r.key in RULE_LINES and r.actual is not None)

    def figure(self, key: str) -> int | None:
        """The actual figure of the first row recognised as `key`."""
        return next((r.actual for r in self.rows if r.key == key), None)


def row_key(text: str) -> str | None:
    """What a row's text names (a total, a headcount or a rule line), None otherwise."""
    folded = fold(text)
    for key, prefixes in TOTALS.items():
        if folded.startswith(prefixes):
            return key
    return line_key(text)


def settlement_year(sheet: Sheet, header_row: int) -> int | None:
    """The year from the title rows above the header ("NĂM 2024", "Năm: 2024"), never from the place-and-date
    line ("Hà Nội, ngày 15 tháng 01 năm 2025": the day it was signed, often the next year)."""
    for line in sheet.rows[:header_row]:
        for value in line:
            match = _YEAR.search(fold(value)) if isinstance(value, str) and not is_signature_text(value) else None
            if match:
                return parse_year(match.group(1))
    return None


def parse_form(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> Settlement | None:
    """One sheet as a settlement; None (logged) without a year."""
    year = settlement_year(sheet, header.row)
    if year is None:
        log.error(sheet.file, sheet.name, cell_name(header.row, 0), "settlement.no_year",
                  cell=cell_name(header.row, 0))
        return None
    cols, rows = header.columns, []
    for r in range(header.row + 1, sheet.height):
        text = clean(sheet.value(r, cols["text"]))
        if not text:
            continue
        values = {}
        for key in ("plan", "actual"):
            raw = sheet.value(r, cols[key]) if key in cols else None
            values[key] = None if is_blank(raw) else parse_number(raw)
            if values[key] is None and not is_blank(raw):
                log.error(sheet.file, sheet.name, cell_name(r, cols[key]), "settlement.not_a_number",
                          value=clean(raw), cell=cell_name(r, cols[key]))
        code = clean(sheet.value(r, cols["code"])) if "code" in cols else ""
        rows.append(SettlementRow(code, text, None if values["plan"] is None else round(values["plan"]),
                                  None if values["actual"] is None else round(values["actual"]), row_key(text)))
    return Settlement(year, tuple(rows), sheet.file) if rows else None


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> tuple[Settlement, ...] | None:
    """Every settlement form found, one per year (a second form of the same year is named and skipped)."""
    out: dict[int, Settlement] = {}
    for sheet, header in pairs:
        form = parse_form(sheet, header, log) if header is not None else None
        if form is None:
            continue
        if form.year in out:
            log.warning(sheet.file, sheet.name, None, "settlement.repeated_year", year=form.year)
            continue
        out[form.year] = form
    return tuple(out[y] for y in sorted(out)) or None


def _summary(value: tuple[Settlement, ...], dataset: object) -> dict:
    """Its part of `check --json`: per year, the receipts, spending and closing balance it states."""
    return {str(s.year): {k: s.figure(k) for k in ("receipts", "spending", "opening", "closing")} for s in value}


SPEC = DomainSpec(key="settlement", name="domain_settlement", parse=parse_sheets, schemas=(SCHEMA,),
                  summary=_summary)
