"""Finance: detect and parse revenue/spending sheets (the report's wide layout and tidy tables), reconcile totals.

Three layouts are read:

* wide (the report's): title rows ("* Phần thu", "ĐVT: 1.000"), a header row with a label column
  then year columns ("2013" or "Năm 2013"), an optional total column ("Tổng cộng") and an optional
  "Tồn cuối"/"Tồn đầu" column; data rows, an optional total row. One sheet may hold several such
  tables one after the other (revenue then spending).
* tidy: Năm | Khoản mục | Số tiền (schema.FINANCE_TIDY), one sheet per side or with a Thu/Chi column.
* transposed: years down the rows, sources/categories across ("Năm" | Đoàn phí | Cấp trên cấp | …), one side
  per table or thu and chi side by side under "Thu"/"Chi" group cells, with balance rows or columns
  ("Số dư đầu kỳ", "Tồn quỹ đầu năm", "Tồn quỹ cuối năm").
* one-year statement: "QUYẾT TOÁN THU CHI NĂM 2024" over "Nội dung thu | Số tiền | Nội dung chi | Số tiền", each
  side read as a one-year wide table; refused (naming the title cell) when the title gives no year.

Modules: `common` (amounts as written, collected tables, total checks), `units` (unit notes and the
scale decision), `wide`, `tidy`, `transposed`, `statement` (the layouts), `reconcile` (merge, duplicates, closing balance).

Amounts become int đồng after the unit note ("ĐVT: 1.000" → ×1000) unless the note contradicts the
magnitudes. Written totals and the written closing balance are checked against computed sums;
every problem is a Vietnamese issue naming its cell. Nothing here raises on bad input.
"""

from __future__ import annotations

from unionboard.core.issues import IssueLog
from unionboard.core.models import Finance
from unionboard.domains.finance.common import Collected, name_hint
from unionboard.domains.finance.reconcile import merge
from unionboard.domains.finance.statement import find_statement, parse_statement
from unionboard.domains.finance.tidy import parse_tidy, tidy_header
from unionboard.domains.finance.transposed import find_layouts, parse_transposed
from unionboard.domains.finance.units import Context
from unionboard.domains.finance.wide import block_rows, parse_wide, wide_headers
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.domains.summaries import finance_summary
from unionboard.read.workbook import Sheet

WIDE_SCORE = 1.2
TIDY_SCORE = 1.1
TRANSPOSED_SCORE = 1.2  # its year column holds amounts by year: an awards table's "Năm" column never does
# a receipts label and a spending label in one header row, each with its own amount column: no other table has
# both, and a B07 form's fuzzy header match ("QUYẾT TOÁN" in the title, "Nội dung" columns) must not outweigh it
STATEMENT_SCORE = 2.0
NAME_HINT_BONUS = 0.3


def detect(sheet: Sheet) -> float | None:
    """A score > 0 when the sheet holds a finance table (wide ~1.2, tidy ~1.1, transposed ~1.2, one-year
    statement 2.0, +0.3 for a finance sheet name), else None."""
    score = None
    if tidy_header(sheet) is not None:
        score = TIDY_SCORE
    else:
        for header in wide_headers(sheet):
            end = min(sheet.height, header.row + 200)
            rows, _ = block_rows(sheet, header, end)
            if any(row.kind == "data" and row.label for row in rows):
                score = WIDE_SCORE
                break
        else:
            if find_layouts(sheet):
                score = TRANSPOSED_SCORE
            elif find_statement(sheet) is not None:
                score = STATEMENT_SCORE
    if score is not None and name_hint(sheet.name):
        score += NAME_HINT_BONUS
    return score


def parse(sheets: list[Sheet], log: IssueLog) -> Finance | None:
    """All finance sheets of a data set (possibly from several files), merged into one Finance."""
    ctx = Context(log)
    out = Collected()
    for sheet in sheets:
        tidy = tidy_header(sheet)
        if tidy is not None:
            parse_tidy(sheet, tidy, ctx, out)
            continue
        headers = wide_headers(sheet)
        layouts = [] if headers else find_layouts(sheet)
        if headers:
            parse_wide(sheet, headers, ctx, out)
        elif layouts:
            parse_transposed(sheet, layouts, ctx, out)
        elif (statement := find_statement(sheet)) is not None:
            parse_statement(sheet, statement, ctx, out)
        else:
            log.warning(sheet.file, sheet.name, None, "finance.no_table", sheet=sheet.name)
    return merge(out, log)


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> Finance | None:
    """Revenue and spending from every finance sheet (wide or tidy layout), reconciled."""
    return parse([sheet for sheet, _ in pairs], log)


SPEC = DomainSpec(key="finance", name="domain_finance", parse=parse_sheets, detect=detect, summary=finance_summary)
