"""Total and signature rows: the one rule every domain reader uses to tell them from data rows.

A total row is "Tổng cộng", "Cộng: 10 đ/c", "Tổng thu"… in the row's label cell (or, when that is blank,
its first text). A person called Tống, Công or Tổng, and a budget line "Công tác phí", are data: the
first word must be written as a total word ("Tổng", "Cộng", unaccented "tong"/"cong", "Total", "Sum")
and the whole label must read as a total (a known label, or a total word followed by a count or a colon).
A signature block (who made the list, "(đã ký)", the place-and-date line) among the last rows ends the
table. Every row skipped this way gets an info note naming its cell (`skip_notes`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, fold
from unionboard.domains.words import TOTAL_LABELS
from unionboard.read.workbook import Sheet

# The first word of a total label as written (lower case, NFC): accented "tổng"/"cộng" only — "Tống",
# "Công", "Cống" are names or words — or the unaccented spelling of a file typed without diacritics.
TOTAL_FIRST_WORDS = frozenset({"tổng", "cộng", "tong", "cong", "total", "sum", "grand"})
# Lines of a signature block under a table (folded): who made the list, "(đã ký)", "TM. Ban chấp hành",
# "(Ký, ghi rõ họ tên)", the place-and-date line.
_SIGNATURE = re.compile(r"^(nguoi lap( bieu| danh sach)?|da ky|ky ghi ro ho ten|ky va ghi ro ho ten|"
                        r"t m ban chap hanh|tm ban chap hanh|tm bch|thay mat ban chap hanh|xac nhan( cua)?|"
                        r"thu truong( co quan| don vi)?|ke toan( truong)?|nguoi duyet|ban chap hanh cong doan)\b")
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_FIRST_KEYS = frozenset({fold(label.split(" ")[0]) for label in TOTAL_LABELS})
_INITIALS = frozenset(key[0] for key in _FIRST_KEYS)
_FIRST_WORD = re.compile(r"[^\W\d_]+")
SIGNATURE_SCAN_ROWS = 40  # a signature block is looked for among the table's last rows
MAX_TOTAL_LENGTH = 60  # a longer text is a sentence, not a total label


def first_text(line: Sequence) -> str:
    """The first non-blank text cell of a row, stripped ("" when none)."""
    return next((str(v).strip() for v in line if isinstance(v, str) and v.strip()), "")


def first_text_col(line: Sequence) -> int | None:
    """The column of `first_text` (None when the row has no text)."""
    return next((c for c, v in enumerate(line) if isinstance(v, str) and v.strip()), None)


def _first_word(text: str) -> str:
    match = _FIRST_WORD.match(unicodedata.normalize("NFC", text[:12]).lower())
    return match.group() if match else ""


def is_total_text(text: object, exact: bool = False) -> bool:
    """Whether a label reads as a total: "Tổng cộng", "Cộng: 10 đ/c", "Tổng thu", "Cả nhiệm kỳ", "TOTAL" —
    never "Tống Văn An", "Công tác phí", "Tổng Thị Hoa" (a surname) nor a long sentence. `exact`: only a
    whole total label, for columns of free text where "Tổng số đoàn viên: 50" is a target, not a total."""
    if not isinstance(text, str):
        return False
    text = text.strip()
    if not text or len(text) >= MAX_TOTAL_LENGTH or text[0].lower() not in _INITIALS:
        return False
    word = _first_word(text)
    key = fold(word)
    if key not in _FIRST_KEYS:
        return False  # most names and items
    folded = fold(text)
    if key in ("tong", "cong") and word not in TOTAL_FIRST_WORDS:
        # "Tống", "Công", "Tông" are names or words ("Công tác phí", "Công Thu"); only the typo "Tông cộng"
        # with its second word written as a total word still reads as a total
        second = _first_word(text[len(word):].lstrip(" :"))
        return second in ("cộng", "tổng") and folded.startswith(("tong cong", "cong tong"))
    if folded in TOTAL_LABELS or folded.startswith("tong cong"):
        return True
    if exact or word not in TOTAL_FIRST_WORDS:
        return False
    head = folded.split(" ")
    marked = ":" in text or any(ch.isdigit() for ch in text)
    return (" ".join(head[:2]) in TOTAL_LABELS and (marked or len(head) <= 3)) or (
        head[0] in TOTAL_LABELS and marked)


def stated_count(text: str) -> int | None:
    """The number a total row states in its own text ("Cộng: 10 đ/c" → 10)."""
    match = re.search(r"\d+", text)
    return int(match.group()) if match else None


def is_signature_text(text: object) -> bool:
    """Whether a text opens a signature block ("Người lập biểu", "(Đã ký)", "Hà Nội, ngày … tháng … năm …")."""
    folded = fold(text) if isinstance(text, str) else ""
    return bool(folded) and bool(_SIGNATURE.match(folded) or _DATE_LINE.search(folded))


def signature_start(lines: Sequence[Sequence]) -> int | None:
    """Index of the line where a signature block begins among the last lines (None when there is none)."""
    for index in range(max(0, len(lines) - SIGNATURE_SCAN_ROWS), len(lines)):
        if is_signature_text(first_text(lines[index])):
            return index
    return None


@dataclass(frozen=True)
class Skipped:
    """A row under a header that holds no data, and why."""

    row: int  # 0-based sheet row
    col: int  # 0-based column of the cell that says so
    kind: str  # "total" | "signature"
    stated: int | None = None  # the count a total row states in its text
    rows: int = 1  # how many rows the skip covers (a signature block: it to the end)


def total_label(line: Sequence, label_cols: Sequence[int]) -> tuple[int, str] | None:
    """(column, text) of the row's label: the first non-blank label cell, else the row's first text."""
    for col in label_cols:
        value = line[col] if col < len(line) else None
        if isinstance(value, str) and value.strip():
            return col, value.strip()
        if value is not None and not isinstance(value, str):
            return None  # a number or a date in the label cell: a data row
    col = first_text_col(line)
    return None if col is None else (col, str(line[col]).strip())


def data_rows(sheet: Sheet, first: int, label_cols: Sequence[int], log: IssueLog | None = None,
              skipped: list[Skipped] | None = None, exact: bool = False) -> Iterator[int]:
    """The 0-based rows from `first` down that may hold data: total rows and a signature block are left
    out, each with an info note naming its cell (`rows.skipped_total`, `rows.skipped_signature`).
    `exact` as in `is_total_text`."""
    lines = sheet.rows[first:]
    signature = signature_start(lines)
    end = len(lines) if signature is None else signature
    found: list[Skipped] = [] if skipped is None else skipped
    for index in range(end):
        label = total_label(lines[index], label_cols)
        if label is not None and is_total_text(label[1], exact):
            found.append(Skipped(first + index, label[0], "total", stated_count(label[1])))
            if log is not None:
                note_skipped(sheet, found[-1], log)
            continue
        yield first + index
    if signature is not None:
        col = first_text_col(lines[signature]) or 0
        found.append(Skipped(first + signature, col, "signature", rows=len(lines) - signature))
        if log is not None:
            note_skipped(sheet, found[-1], log)


def note_skipped(sheet: Sheet, item: Skipped, log: IssueLog) -> None:
    """The info note for one skipped row (or signature block), naming its cell."""
    cell = cell_name(item.row, item.col)
    if item.kind == "signature":
        log.info(sheet.file, sheet.name, cell, "rows.skipped_signature", cell=cell, rows=item.rows)
    else:
        log.info(sheet.file, sheet.name, cell, "rows.skipped_total", cell=cell)
