"""Targets of the congress resolution: parse the STT | Nội dung | ĐVT | Mục tiêu | Kết quả | Đánh giá table.

Each row's status (Vượt / Đạt / Chưa đạt) is computed from the target and the result; a written
Đánh giá that disagrees is reported and kept in `Target.written_status`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from unionboard.core.i18n import Value, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import Target
from unionboard.core.text import cell_name, clean, fold, is_blank, parse_number
from unionboard.domains.rows import data_rows
from unionboard.domains.schema import TARGETS, HeaderMatch
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.domains.summaries import targets_summary
from unionboard.read.workbook import Sheet

EXCEEDED, MET, NOT_MET = "Vượt", "Đạt", "Chưa đạt"

# Written Đánh giá values (folded) → canonical status.
WRITTEN_STATUS: dict[str, str] = {
    **dict.fromkeys(("vuot", "vuot chi tieu", "vuot muc tieu", "vuot ke hoach", "vuot nq",
                     "exceeded", "exceed", "above target"), EXCEEDED),
    **dict.fromkeys(("dat", "dat chi tieu", "dat muc tieu", "hoan thanh", "met", "achieved",
                     "done"), MET),
    **dict.fromkeys(("chua dat", "khong dat", "chua dat chi tieu", "chua hoan thanh",
                     "khong hoan thanh", "not met", "not achieved", "failed"), NOT_MET),
}

# Qualitative rankings, best first; each rank lists its folded spellings.
RANKINGS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (  # union ratings (xếp loại công đoàn)
        ("vung manh xuat sac", "vmxs", "trong sach vung manh xuat sac"),
        ("vung manh", "vm", "trong sach vung manh", "tsvm"),
        ("kha",),
        ("trung binh", "tb"),
        ("yeu", "kem", "yeu kem"),
    ),
    (  # task completion (xếp loại hoàn thành nhiệm vụ)
        ("hoan thanh xuat sac", "htxs"),
        ("hoan thanh tot", "htt"),
        ("hoan thanh", "ht"),
        ("khong hoan thanh", "chua hoan thanh"),
    ),
    (  # generic grades
        ("xuat sac",),
        ("tot",),
        ("kha",),
        ("trung binh", "tb"),
        ("yeu", "kem", "yeu kem"),
    ),
)

_LEADING_BULLET = re.compile(r"^(?:[-–—+*]\s+|[•·▪◦]\s*)+")
_NUMBER_WITH_UNIT = re.compile(
    r"^(?:≥|>=|tối thiểu|toi thieu|ít nhất|it nhat|đạt|dat)?\s*([+-]?\d[\d.,]*(?:\s\d{3})*)\s*(%?)\s*([^\d]*)$",
    re.IGNORECASE)
_QUALITATIVE_PREFIX = re.compile(r"^(?:xep loai|dat loai|dat|loai)\s+")
_QUALITATIVE_SUFFIX = re.compile(r"\s+nhiem vu$")


def clean_text(value: object) -> str:
    """Cell text without a leading bullet ("- ", "+ ", "•") and with whitespace collapsed."""
    return _LEADING_BULLET.sub("", clean(value)).strip()


@dataclass(frozen=True)
class Amount:
    """A target or a result read as a number: its value and whether it was written as a percentage."""

    value: float
    percent: bool
    raw_number: bool  # the cell held a number (not text)


def read_amount(value: object) -> Amount | None:
    """'100%', '90 %', '2', '8 người', '0,5' or a numeric cell → Amount; None when not a number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Amount(float(value), False, True)
    text = clean(value)
    match = _NUMBER_WITH_UNIT.match(text)
    if not match:
        return None
    number = parse_number(match.group(1))
    if number is None:
        return None
    return Amount(number, bool(match.group(2)), False)


def _rank(value: str) -> tuple[int, int] | None:
    """(ranking index, position) of a qualitative value in the first ranking that knows it."""
    key = _QUALITATIVE_SUFFIX.sub("", _QUALITATIVE_PREFIX.sub("", fold(value)))
    for index, ranking in enumerate(RANKINGS):
        for position, spellings in enumerate(ranking):
            if key in spellings:
                return index, position
    return None


def compare_qualitative(target: str, result: str) -> str:
    """'Đạt' when the result matches the target (fold-compare), 'Vượt' when it ranks above it."""
    if fold(target) == fold(result):
        return MET
    target_rank, result_rank = _rank(target), _rank(result)
    if target_rank and result_rank and target_rank[0] == result_rank[0]:
        if result_rank[1] < target_rank[1]:
            return EXCEEDED
        if result_rank[1] == target_rank[1]:
            return MET
    return NOT_MET


def compare_numbers(target: float, result: float) -> str:
    """Vượt / Đạt / Chưa đạt; a target of 0 means 'none' (e.g. no violations), so less is better."""
    tolerance = 1e-9 * max(1.0, abs(target))
    if target == 0:
        return MET if result <= tolerance else NOT_MET
    if abs(result - target) <= tolerance:
        return MET
    return EXCEEDED if result > target else NOT_MET


def _format_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}".replace(".", ",")


def _percent_context(unit: str, *amounts: Amount | None) -> bool:
    return "%" in unit or fold(unit) in ("phan tram", "percent") or any(a and a.percent for a in amounts)


def _as_written(value: object, amount: Amount | None, percent: bool) -> str:
    """The value as the report would write it ('100%' for a 1.0 cell formatted as a percentage)."""
    if amount is not None and amount.raw_number:
        return f"{_format_number(amount.value)}%" if percent else _format_number(amount.value)
    return clean(value)


def _scaled(amount: Amount | None, percent: bool) -> Amount | None:
    """A numeric cell in a percentage column holding a fraction (Excel stores 100% as 1) → ×100."""
    if amount is not None and percent and amount.raw_number and 0 <= amount.value <= 1:
        return Amount(amount.value * 100, True, True)
    return amount


@dataclass
class _Row:
    row: int
    stt: str
    text: str
    unit: str
    target: object
    result: object
    evaluation: object


def _cells(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> list[_Row]:
    cols = header.columns

    def get(row: int, key: str) -> object:
        return sheet.value(row, cols[key]) if key in cols else None

    rows = []
    labels = [cols[key] for key in ("text", "stt") if key in cols]
    for r in data_rows(sheet, header.row + 1, labels, log, exact=True):
        stt = clean(get(r, "stt")).rstrip(".").strip()
        rows.append(_Row(r, stt, clean_text(get(r, "text")), clean(get(r, "unit")),
                         get(r, "target"), get(r, "result"), get(r, "evaluation")))
    return rows


def _written_status(sheet: Sheet, r: _Row, where: Callable[[int, str], str], log: IssueLog) -> str | None:
    """The evaluation as written (Vượt/Đạt/Chưa đạt), None when blank or not recognised (warned)."""
    if is_blank(r.evaluation):
        return None
    written = WRITTEN_STATUS.get(fold(r.evaluation))
    if written is None:
        log.warning(sheet.file, sheet.name, where(r.row, "evaluation"), "targets.unknown_evaluation",
                    value=clean(r.evaluation), cell=where(r.row, "evaluation"))
    return written


def _status(sheet: Sheet, r: _Row, where: Callable[[int, str], str], written: str | None,
            amounts: tuple, texts: tuple[str, str], label: object, log: IssueLog) -> str:
    """The status computed from target and result; a written evaluation that disagrees is a warning."""
    file, name = sheet.file, sheet.name
    target_amount, result_amount = amounts
    target_text, result_text = texts
    computed: str | None
    if is_blank(r.result):
        computed = NOT_MET
        log.warning(file, name, where(r.row, "result"), "targets.no_result", label=label,
                    cell=where(r.row, "result"), status=Value(NOT_MET))
    elif target_amount is not None and result_amount is not None:
        computed = compare_numbers(target_amount.value, result_amount.value)
    elif target_amount is not None:
        computed = None
        fallback = written or NOT_MET
        log.warning(file, name, where(r.row, "result"), "targets.result_not_a_number",
                    result=result_text, cell=where(r.row, "result"), target=target_text, label=label,
                    status=Value(fallback))
        status = fallback
    else:
        computed = compare_qualitative(target_text, result_text)

    if computed is not None:
        status = computed
        if written is not None and written != computed and not is_blank(r.result):
            log.warning(file, name, where(r.row, "evaluation"), "targets.status_mismatch",
                        written=clean(r.evaluation), cell=where(r.row, "evaluation"), target=target_text,
                        result=result_text, label=label, status=Value(computed))
    return status


def parse_targets(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[Target, ...]:
    """Every target row with its computed status; problems go to `log`, never raised."""
    cols = header.columns
    file, name = sheet.file, sheet.name

    def where(row: int, key: str) -> str:
        return cell_name(row, cols.get(key, 0))

    rows = [r for r in _cells(sheet, header, log)
            if r.text or not is_blank(r.target) or not is_blank(r.result)]
    targets: list[Target] = []
    group, first_pending, unit_above = "", True, ""
    for index, r in enumerate(rows):
        if r.stt:
            group, first_pending, unit_above = r.stt, True, ""
        if is_blank(r.target):
            following = rows[index + 1] if index + 1 < len(rows) else None
            heading = (r.stt and is_blank(r.result) and following is not None
                       and not following.stt and not is_blank(following.target))
            if not heading:
                log.warning(file, name, where(r.row, "target"), "targets.no_target", row=r.row + 1,
                            text=r.text or clean(r.result), cell=where(r.row, "target"))
            continue  # a group heading: its sub-rows carry the targets
        if not r.text:
            log.warning(file, name, where(r.row, "text"), "targets.no_text", row=r.row + 1,
                        cell=where(r.row, "text"))
        unit = r.unit or (unit_above if not r.stt else "")
        unit_above = unit
        target_amount, result_amount = read_amount(r.target), read_amount(r.result)
        percent = _percent_context(unit, target_amount, result_amount)
        target_amount, result_amount = _scaled(target_amount, percent), _scaled(result_amount, percent)
        target_text = _as_written(r.target, target_amount, percent)
        result_text = _as_written(r.result, result_amount, percent) if not is_blank(r.result) else ""
        label = f"“{r.text}”" if r.text else phrase("targets.in_row", row=r.row + 1)

        written = _written_status(sheet, r, where, log)

        status = _status(sheet, r, where, written, (target_amount, result_amount), (target_text, result_text),
                         label, log)

        targets.append(Target(
            group=group, text=r.text, unit=unit, target=target_text, result=result_text,
            status=status,
            target_value=target_amount.value if target_amount else None,
            result_value=result_amount.value if result_amount else None,
            written_status=written, is_first_in_group=first_pending,
        ))
        first_pending = False
    return tuple(targets)


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> tuple[Target, ...]:
    """Every sheet of the domain read in order, as one tuple."""
    return tuple(item for sheet, header in pairs for item in parse_targets(sheet, header, log))


SPEC = DomainSpec(key="targets", name="domain_targets", parse=parse_sheets, schemas=(TARGETS,),
                  summary=targets_summary)
