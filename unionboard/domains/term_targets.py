"""Targets of the new term (3.1–3.13): parse the wide sheet of targets with one result column per year.

Layout (schema.TERM_TARGETS), one row per target:

    Mã | Nội dung | Nhóm | ĐVT | Mục tiêu nhiệm kỳ | Áp dụng | Kết quả 2018 | ... | Kết quả 2022

* Year columns are found by the year in their header: "Kết quả 2018", "KQ 2018", "Thực hiện 2018",
  "Năm 2018" or just 2018 hold results; "Mục tiêu 2018" / "Chỉ tiêu 2018" hold a target for that
  year only (it overrides "Mục tiêu nhiệm kỳ" for the year).
* "Áp dụng" is "Hàng năm" (the target must be met every year) or "Cả nhiệm kỳ" (a total or a level
  for the whole term); blank → "Hàng năm" unless the text says otherwise. A whole-term count's yearly
  results are each year's own figure ("Cả nhiệm kỳ": 6, 7, 6) or the running total so far
  ("Cả nhiệm kỳ (lũy kế)": 6, 13, 19) — the cell says which, never guessed from the numbers.
* A row with text but no code and no target is a group heading ("* Nhóm chỉ tiêu phối hợp thực
  hiện"): it gives the group to the rows below it that have none.

Values are kept as written ("95%", "1", "Vững mạnh xuất sắc"); a percentage cell that Excel stores
as 0.95 becomes "95%". Nothing here raises: problems are logged in Vietnamese with their cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from unionboard.core.i18n import Value
from unionboard.core.issues import IssueLog
from unionboard.core.models import TermTarget
from unionboard.core.text import cell_name, clean, fold, is_blank, parse_year
from unionboard.domains import term_status
from unionboard.domains.rows import data_rows
from unionboard.domains.schema import RATIO_WORDS, TERM_TARGETS, Column, HeaderMatch, TableSchema
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.domains.targets import clean_text, read_amount
from unionboard.read.workbook import Sheet

COORDINATED, UNION_LED = "Phối hợp thực hiện", "Công đoàn thực hiện"
PER_YEAR_LABEL, WHOLE_TERM_LABEL = "Hàng năm", "Cả nhiệm kỳ"
RUNNING_LABEL = "Cả nhiệm kỳ (lũy kế)"  # whole-term, each year's result is the total so far
_RUNNING = ("luy ke", "cong don", "cumulative", "running total", "running totals")

_RESULT_HEADER = re.compile(r"^(?:ket qua|kq|thuc hien|th|result|results|nam|year)?\s*(?:nam\s*)?((?:19|20)\d{2})$")
_TARGET_HEADER = re.compile(r"^(?:muc tieu|chi tieu|mt|ct|ke hoach|target)\s*(?:nam\s*)?((?:19|20)\d{2})$")
_PER_YEAR = ("hang nam", "moi nam", "nam", "tung nam", "per year", "yearly", "annual", "every year")
_WHOLE_TERM = ("ca nhiem ky", "nhiem ky", "toan nhiem ky", "trong nhiem ky", "ca ky", "term",
               "whole term")


def year_columns(sheet: Sheet, row: int) -> tuple[dict[int, int], dict[int, int]]:
    """({year: result column}, {year: target column}) from the header row `row` (0-based)."""
    results: dict[int, int] = {}
    targets: dict[int, int] = {}
    line = sheet.rows[row] if row < len(sheet.rows) else []
    for col, value in enumerate(line):
        if isinstance(value, int | float) and not isinstance(value, bool):
            year = parse_year(value)
            if year is not None:
                results.setdefault(year, col)
            continue
        folded = fold(value)
        if not folded:
            continue
        match = _TARGET_HEADER.match(folded)
        if match:
            targets.setdefault(int(match.group(1)), col)
            continue
        match = _RESULT_HEADER.match(folded)
        if match:
            results.setdefault(int(match.group(1)), col)
    return results, targets


def canonical_group(value: object) -> str:
    """'Nhóm chỉ tiêu phối hợp thực hiện' → 'Phối hợp thực hiện'; other groups as written."""
    folded = fold(value)
    if "phoi hop" in folded:
        return COORDINATED
    if "cong doan" in folded or "cd thuc hien" in folded:
        return UNION_LED
    return clean_text(value).lstrip("*").strip()


def _per_year(value: object, unit: str, text: str) -> bool | None:
    """True for a yearly target, False for a whole-term one, None when the cell is not understood."""
    folded = _without_running(fold(value))
    if not folded:
        whole_term = "nhiem ky" in f"{fold(unit)} {fold(text)}" and "nam" not in fold(unit).split()
        return not whole_term
    if folded in _PER_YEAR:
        return True
    if folded in _WHOLE_TERM:
        return False
    return None


def _without_running(folded: str) -> str:
    """'ca nhiem ky (luy ke)' → 'ca nhiem ky': the running-total words apart, for _per_year."""
    for word in _RUNNING:
        folded = folded.replace(word, " ")
    return " ".join(re.sub(r"[()\[\],;:–-]", " ", folded).split())


def is_running(value: object) -> bool:
    """Whether an "Áp dụng" cell says the results are running totals ("lũy kế", "cộng dồn")."""
    folded = fold(value)
    return any(word in folded for word in _RUNNING)


def applies_label(target: TermTarget) -> str:
    """'Hàng năm', 'Cả nhiệm kỳ' or 'Cả nhiệm kỳ (lũy kế)': what the sheet writes and the pages show."""
    if target.per_year:
        return PER_YEAR_LABEL
    return RUNNING_LABEL if target.cumulative else WHOLE_TERM_LABEL


def is_percent_target(unit: str, target: str) -> bool:
    """Whether a target is a percentage (its unit or its text says %)."""
    return "%" in unit or fold(unit) in ("phan tram", "percent") or target.endswith("%")


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def as_written(value: object, percent: bool) -> str:
    """A cell as text: numbers in Vietnamese format, a 0–1 number in a percentage row as 'NN%'."""
    if is_blank(value):
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if percent:
            if 0 < number <= 1 and not number.is_integer():
                number *= 100
            elif number == 1:
                number = 100.0  # Excel stores 100% as 1
            return f"{_number_text(round(number, 6))}%"
        return _number_text(number)
    return clean(value)


def _results(sheet: Sheet, r: int, result_cols: dict[int, int], result_raw: dict[int, object],
             yearly: dict[int, str], target_text: str, percent: bool, label: str,
             log: IssueLog) -> dict[int, str]:
    """The yearly results as written; a non-number where the target is a number is an error (skipped)."""
    results: dict[int, str] = {}
    for year, value in result_raw.items():
        if is_blank(value):
            continue
        written = as_written(value, percent)
        goal = yearly.get(year, target_text)
        if read_amount(goal) is not None and read_amount(written) is None:
            cell = cell_name(r, result_cols[year])
            log.error(sheet.file, sheet.name, cell, "term_targets.result_not_a_number", year=year,
                      value=written, label=label, cell=cell, goal=goal)
            continue
        results[year] = written
    return results


def _group_and_text_checks(sheet: Sheet, r: int, get: Callable[[int, str], object],
                           where: Callable[[int, str], str], text: str, group_above: str, label: str,
                           log: IssueLog) -> str:
    """Warn on a target without text or group; the group (from the row, else the heading above)."""
    if not text:
        log.warning(sheet.file, sheet.name, where(r, "text"), "term_targets.no_text", label=label,
                    cell=where(r, "text"))
    group = canonical_group(get(r, "group")) if not is_blank(get(r, "group")) else group_above
    if not group:
        log.warning(sheet.file, sheet.name, where(r, "group"), "term_targets.no_group", label=label,
                    cell=where(r, "group"), coordinated=COORDINATED, union_led=UNION_LED)
    return group


def _per_year_checked(sheet: Sheet, raw: object, cell: str, unit: str, text: str, label: str,
                      log: IssueLog) -> bool:
    """Whether the target applies to each year (Hàng năm) or to the whole term; unknown → each year."""
    per_year = _per_year(raw, unit, text)
    if per_year is None:
        log.warning(sheet.file, sheet.name, cell, "term_targets.unknown_per_year", value=clean(raw), label=label,
                    per_year=PER_YEAR_LABEL, whole_term=WHOLE_TERM_LABEL)
        return True
    return per_year


def _missing_code(sheet: Sheet, r: int, get: Callable[[int, str], object], where: Callable[[int, str], str],
                  has_code_column: bool, text: str, count: int, log: IssueLog) -> str:
    """The code of a row without one: the resolution's table (no code column) is numbered by its STT, else
    in order; a blank cell of a code column is a warning and the row number."""
    if not has_code_column:
        return clean(get(r, "stt")).rstrip(".") or str(count + 1)
    log.warning(sheet.file, sheet.name, where(r, "code"), "term_targets.no_code", text=text[:60], row=r + 1,
                cell=where(r, "code"))
    return f"dòng {r + 1}"


def parse_term_targets(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[TermTarget, ...]:
    """Every term target with its yearly results; problems go to `log`, never raised."""
    file, name = sheet.file, sheet.name
    result_cols, target_cols = year_columns(sheet, header.row)
    year_cols = set(result_cols.values()) | set(target_cols.values())
    cols = {k: c for k, c in header.columns.items() if c not in year_cols and k != "result"}
    if "term_target" not in cols and not target_cols:
        log.error(file, name, cell_name(header.row, 0), "term_targets.no_target_column")
        return ()
    if not result_cols:
        log.warning(file, name, cell_name(header.row, 0), "term_targets.no_result_columns")

    def get(row: int, key: str) -> object:
        return sheet.value(row, cols[key]) if key in cols else None

    def where(row: int, key: str) -> str:
        return cell_name(row, cols.get(key, 0))

    out: list[TermTarget] = []
    seen: dict[str, int] = {}
    group_above = ""
    labels = [cols[key] for key in ("text", "code") if key in cols]
    for r in data_rows(sheet, header.row + 1, labels, log, exact=True):
        code = clean(get(r, "code")).rstrip(".-– ").strip()
        text = clean_text(get(r, "text"))
        raw_target = get(r, "term_target")
        yearly_raw = {y: sheet.value(r, c) for y, c in target_cols.items()}
        result_raw = {y: sheet.value(r, c) for y, c in result_cols.items()}
        has_target = not is_blank(raw_target) or any(not is_blank(v) for v in yearly_raw.values())
        has_results = any(not is_blank(v) for v in result_raw.values())
        if not code and not text and not has_target and not has_results:
            continue
        if not code and not has_target and not has_results:
            group_above = canonical_group(text)  # a group heading
            continue
        label = f"“{code or text}”" if code or "code" in cols else ""
        code = code or _missing_code(sheet, r, get, where, "code" in cols, text, len(out), log)
        label = label or f"“{code}”"
        if not has_target:
            log.warning(file, name, where(r, "term_target"), "term_targets.no_target", label=label,
                        row=r + 1, cell=where(r, "term_target"))
            continue
        if code in seen:
            log.warning(file, name, where(r, "code"), "term_targets.repeated_code", label=label,
                        row=r + 1, first_row=seen[code] + 1)
        seen.setdefault(code, r)
        if "group" not in cols and not group_above:  # no Nhóm column: said once, not per row
            group_above = UNION_LED
            log.info(file, name, cell_name(header.row, 0), "term_targets.no_group_column", group=Value(UNION_LED))
        group = _group_and_text_checks(sheet, r, get, where, text, group_above, label, log)
        unit = clean(get(r, "unit"))
        target_text = clean(raw_target)
        percent = is_percent_target(unit, target_text)
        target_text = as_written(raw_target, percent)
        per_year = _per_year_checked(sheet, get(r, "per_year"), where(r, "per_year"), unit, text, label, log)
        yearly = {y: as_written(v, percent) for y, v in yearly_raw.items() if not is_blank(v)}
        results = _results(sheet, r, result_cols, result_raw, yearly, target_text, percent, label, log)
        out.append(TermTarget(code=code, text=text, group=group, unit=unit, term_target=target_text,
                              yearly_targets=yearly, results=results, per_year=per_year,
                              cumulative=not per_year and is_running(get(r, "per_year"))))
    if not out:
        log.warning(file, name, cell_name(header.row, 0), "term_targets.empty")
    return tuple(out)


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> tuple[TermTarget, ...]:
    """Every sheet of the domain read in order, as one tuple."""
    return tuple(item for sheet, header in pairs for item in parse_term_targets(sheet, header, log))


def _has_year_results(sheet: Sheet, row: int) -> bool:
    """Whether a header row has at least two result columns named by their year ("Năm 2023", "2024")."""
    return len(year_columns(sheet, row)[0]) >= 2


# The resolution's own table of term targets, as offices copy it: Chỉ tiêu | ĐVT | Chỉ tiêu Nghị quyết |
# Năm 2023 | Năm 2024 | Năm 2025 — no code, no group; only taken when the year columns are there.
TERM_TARGETS_BY_YEAR = TableSchema(
    domain="term_targets",
    title="Chỉ tiêu nhiệm kỳ (theo năm)",
    sheet_hints=TERM_TARGETS.sheet_hints,
    columns=(
        Column("stt", "STT", ("TT", "Số TT", "No"), required=False),
        Column("text", "Chỉ tiêu", ("Nội dung", "Nội dung chỉ tiêu", "Tên chỉ tiêu", "Target text")),
        Column("unit", "ĐVT", ("Đơn vị tính", "Unit"), required=False),
        Column("term_target", "Chỉ tiêu Nghị quyết", ("Mục tiêu Nghị quyết", "Chỉ tiêu NQ", "Mục tiêu NQ",
                                                       "Mục tiêu nhiệm kỳ", "Chỉ tiêu nhiệm kỳ", "Nghị quyết",
                                                       "Term target"), never=RATIO_WORDS),
        Column("per_year", "Áp dụng", ("Hàng năm/Nhiệm kỳ", "Phạm vi"), required=False),
    ),
    needs=_has_year_results,
)

SPEC = DomainSpec(key="term_targets", name="domain_term_targets", parse=parse_sheets,
                  schemas=(TERM_TARGETS, TERM_TARGETS_BY_YEAR), summary=term_status.summary)
