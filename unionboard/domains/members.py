"""Members roster: parse a roster sheet into a Roster, normalising categories; roster-wide checks.

Speed matters (a roster may have 100,000 rows), so the parser works column by column:
every category column is normalised once per *distinct* raw value (a dict), problems are
collected per (column, distinct value) and reported once with the cells they occur in, and
the DataFrame is built from plain column lists.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import pandas as pd

from unionboard.core.i18n import Phrase, Values, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import EDUCATION_LEVELS, MEMBER_COLUMNS, POLITICAL_THEORY_LEVELS, Roster
from unionboard.core.text import cell_name, clean, column_letter, fold
from unionboard.domains.roster_shapes import (
    SexColumns,
    SplitName,
    department_groups,
    group_of_each,
    join_names,
    left_reason,
    note_left,
    read_sex,
    sex_columns,
    split_name,
    struck_out,
    sub_header,
)
from unionboard.domains.rows import first_text, is_total_text, signature_start, stated_count
from unionboard.domains.schema import MEMBERS, HeaderMatch, header_labels
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.domains.words import TOTAL_LABELS
from unionboard.read.workbook import Sheet

UNKNOWN_DEPARTMENT = "(Chưa rõ)"
MIN_BIRTH_YEAR = 1940
MIN_AGE, MAX_AGE = 16, 75
MAX_CELLS_LISTED = 5


# --------------------------------------------------------------------------- category tables
# Keys are folded (text.fold): lower case, no diacritics, punctuation → single spaces.


def _table(groups: dict[str, Sequence[str]]) -> dict[str, str]:
    return {fold(alias): canonical for canonical, aliases in groups.items() for alias in aliases}


GENDER_MAP = _table({
    "Nam": ("Nam", "Male", "M", "Man", "Trai"),
    "Nữ": ("Nữ", "Nu", "Female", "F", "Woman", "Gái"),
})

EDUCATION_MAP = _table({
    "Tiến sỹ": ("Tiến sỹ", "Tiến sĩ", "TS", "PhD", "Ph.D", "Ph.D.", "Doctor", "Doctorate"),
    "Thạc sỹ": ("Thạc sỹ", "Thạc sĩ", "ThS", "Master", "Masters", "Master's", "MSc", "MBA",
                "Cao học"),
    "Đại học": ("Đại học", "ĐH", "Cử nhân", "Kỹ sư", "KS", "Bachelor", "University",
                "Bác sỹ", "Bác sĩ", "BS", "Dược sỹ", "Dược sĩ", "Kiến trúc sư", "Đại học chính quy",
                "Đại học tại chức", "Đại học từ xa", "Văn bằng 2"),
    "Cao đẳng": ("Cao đẳng", "CĐ", "College"),
    "Trung cấp": ("Trung cấp", "TC", "TCCN", "Trung học chuyên nghiệp", "Trung cấp nghề"),
    "Sơ cấp": ("Sơ cấp", "Sơ cấp nghề"),
    "Khác": ("Khác", "Phổ thông", "PTTH", "THPT", "THCS", "PTCS", "Tiểu học",
             "Trung học phổ thông", "Trung học cơ sở", "Lao động phổ thông", "LĐPT",
             "Công nhân kỹ thuật", "CNKT", "Chưa qua đào tạo", "Không", "Other", "High school"),
})
# "Đại học Luật", "Kỹ sư xây dựng", "ThS. Kinh tế": a level followed by the field of study.
EDUCATION_PREFIXES = tuple((fold(alias) + " ", canonical) for canonical, aliases in {
    "Tiến sỹ": ("Tiến sỹ", "Tiến sĩ", "TS"),
    "Thạc sỹ": ("Thạc sỹ", "Thạc sĩ", "ThS", "Cao học", "Master"),
    "Đại học": ("Đại học", "ĐH", "Cử nhân", "Kỹ sư", "KS", "Bác sỹ", "Bác sĩ", "Dược sỹ",
                "Dược sĩ", "Kiến trúc sư", "Bachelor"),
    "Cao đẳng": ("Cao đẳng", "CĐ"),
    "Trung cấp": ("Trung cấp", "TC"),
    "Sơ cấp": ("Sơ cấp",),
}.items() for alias in aliases)
# A doctorate of science is not in the report's levels: ask the user rather than guess.
EDUCATION_NOT_PREFIXED = frozenset({"tien sy khoa hoc", "tien si khoa hoc"})
_SCHOOL_GRADE = re.compile(r"^(?:lop )?\d{1,2}(?: \d{1,2})?$")  # "12/12", "9/12", "lớp 10"
_POLITICAL_WORDS = ("chinh tri", "llct", "ly luan", "hanh chinh")

_POLITICAL_SUFFIXES = ("", " chinh tri", " llct", " ly luan chinh tri", " ly luan chinh tri hanh chinh",
                       " chinh tri hanh chinh")
POLITICAL_MAP = {
    **{level + suffix: canonical
       for canonical, levels in {"Cao cấp": ("cao cap", "cu nhan"), "Trung cấp": ("trung cap",),
                                 "Sơ cấp": ("so cap",)}.items()
       for level in levels for suffix in _POLITICAL_SUFFIXES},
    **_table({
        "Cao cấp": ("CC", "CN", "CCLLCT", "CNCT", "Cử nhân, Cao cấp", "Cao cấp, Cử nhân"),
        "Trung cấp": ("TC", "TCLLCT", "TCCT"),
        "Sơ cấp": ("SC", "SCLLCT", "SCCT"),
        "Chưa có": ("", "Chưa có", "Chưa", "Không", "Không có", "Chưa qua đào tạo", "Chưa học",
                    "None", "No", "0"),
    }),
}

PARTY_TRUE = frozenset(fold(v) for v in ("x", "Có", "Yes", "Y", "True", "1", "Đảng viên", "ĐV",
                                         "Là đảng viên", "Đảng viên CSVN", "v"))
PARTY_FALSE = frozenset(fold(v) for v in ("", "Không", "No", "N", "0", "False", "Chưa",
                                          "Không phải", "Quần chúng"))
PARTY_MARKS = frozenset("✓✔✅☑√☒")  # fold() turns these into "", so check them first

_DATE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_DATE_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T].*)?$")
_DATE_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_YEAR = re.compile(r"^(?:năm\s*)?(\d{4})(?:\.0+)?$", re.IGNORECASE)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


# --------------------------------------------------------------------------- value normalisers
# Each returns (value, problem) where problem is None or a hashable key describing the trouble;
# _Problems turns (column, key) into one aggregated warning.


def _key(raw: object) -> str:
    """Folded text of a cell (integral floats without '.0')."""
    return fold(raw if isinstance(raw, str) else clean(raw))


def _norm_gender(raw: object) -> tuple[str | None, str | None]:
    key = _key(raw)
    if not key:
        return None, "blank"
    gender = GENDER_MAP.get(key)
    return (gender, None) if gender else (None, "unknown")


def _norm_education(raw: object) -> tuple[str | None, str | None]:
    key = _key(raw)
    if not key:
        return None, "blank"
    level = EDUCATION_MAP.get(key)
    if level:
        return level, None
    if any(word in key for word in _POLITICAL_WORDS):
        return "Khác", "political"  # "Trung cấp chính trị" typed in the education column
    if _SCHOOL_GRADE.match(key):
        return "Khác", None
    if key not in EDUCATION_NOT_PREFIXED:
        for prefix, canonical in EDUCATION_PREFIXES:
            if key.startswith(prefix):
                return canonical, None
    return "Khác", "unknown"


def _norm_political(raw: object) -> tuple[str, str | None]:
    key = _key(raw)
    level = POLITICAL_MAP.get(key)
    if level:
        return level, None
    if _norm_education(raw)[1] is None:
        return "Chưa có", "education"  # "Trung cấp kế toán", "Đại học" typed in this column
    return "Chưa có", "unknown"


def _norm_party(raw: object) -> tuple[bool, str | None]:
    if raw is None or isinstance(raw, bool):
        return bool(raw), None
    if isinstance(raw, dt.date | dt.datetime):
        return True, None  # the date the member joined the Party
    if isinstance(raw, int | float):
        if raw in (0, 1):
            return bool(raw), None
        if 1930 <= raw <= 2100 and float(raw).is_integer():
            return True, None  # the year the member joined the Party
        return False, "unknown"
    text = str(raw).strip()
    if text and all(ch in PARTY_MARKS or ch.isspace() for ch in text):
        return True, None
    key = fold(text)
    if not key and text.strip("-–—. "):
        return False, "unknown"  # "?", "*": a mark nobody can read as yes or no
    if key in PARTY_TRUE:
        return True, None
    if key in PARTY_FALSE:
        return False, None
    if _parse_date(text) is not None or _YEAR.match(text):
        return True, None
    return False, "unknown"


def _excel_serial(number: float) -> dt.date | None:
    """An Excel date serial (days since 1899-12-30) as a date, for dates stored as plain numbers."""
    if 1 <= number < 2_958_466:
        return _EXCEL_EPOCH + dt.timedelta(days=int(number))
    return None


def _parse_date(text: str) -> dt.date | None:
    """'12/05/1985', '12-5-1985', '1985-05-12' → date (None if not a valid date)."""
    try:
        if match := _DATE_DMY.match(text):
            day, month, year = map(int, match.groups())
            return dt.date(year, month, day)
        if match := _DATE_YMD.match(text):
            year, month, day = map(int, match.groups())
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None


def _birth_year_of(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, dt.date | dt.datetime):
        return raw.year
    if isinstance(raw, int | float):
        if not float(raw).is_integer():
            return None
        if 1000 <= raw <= 2999:
            return int(raw)
        if 10_000 <= raw <= 80_000:  # a date cell that lost its date format
            date = _excel_serial(raw)
            return date.year if date else None
        return None
    text = clean(raw)
    if match := _YEAR.match(text):
        return int(match.group(1))
    if date := _parse_date(text):
        return date.year
    if match := _DATE_MY.match(text):
        return int(match.group(2)) if 1 <= int(match.group(1)) <= 12 else None
    return None


def _norm_birth_year(raw: object, current_year: int) -> tuple[int | None, object]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, "blank"
    year = _birth_year_of(raw)
    if year is None:
        return None, "unreadable"
    if year < MIN_BIRTH_YEAR or not MIN_AGE <= current_year - year <= MAX_AGE:
        return year, ("implausible", year)
    return year, None


def _birth_years(values: Sequence, current_year: int) -> dict[object, tuple[int | None, object]]:
    """_norm_birth_year for many distinct values: numbers and "dd/mm/yyyy" texts without the
    per-value function calls (same results), anything else through _norm_birth_year."""
    found: dict[object, tuple[int | None, object]] = {}
    low = MIN_BIRTH_YEAR
    for value in values:
        kind = type(value)
        year: int | None
        if kind is float or kind is int:
            if not float(value).is_integer() or not 1000 <= value <= 2999:
                found[value] = _norm_birth_year(value, current_year)
                continue
            year = int(value)
        elif (kind is str and len(value) == 10 and value[2] == "/" and value[5] == "/"
              and value.isascii() and value[:2].isdigit() and value[3:5].isdigit()
              and value[6:].isdigit()):
            try:
                year = dt.date(int(value[6:]), int(value[3:5]), int(value[:2])).year
            except ValueError:
                year = None
            if year is None:
                found[value] = (None, "unreadable")
                continue
        else:
            found[value] = _norm_birth_year(value, current_year)
            continue
        if year < low or not MIN_AGE <= current_year - year <= MAX_AGE:
            found[value] = (year, ("implausible", year))
        else:
            found[value] = (year, None)
    return found


def _join_dates(values: Sequence) -> dict[object, tuple[str | None, str | None]]:
    """_norm_join_date for many distinct values (dates without a function call each)."""
    found: dict[object, tuple[str | None, str | None]] = {}
    for value in values:
        kind = type(value)
        if kind is dt.date:
            found[value] = (value.isoformat(), None)
        elif kind is dt.datetime:
            found[value] = (value.date().isoformat(), None)
        else:
            found[value] = _norm_join_date(value)
    return found


def _norm_join_date(raw: object) -> tuple[str | None, str | None]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat(), None
    if isinstance(raw, dt.date):
        return raw.isoformat(), None
    if isinstance(raw, int | float) and not isinstance(raw, bool) and float(raw).is_integer():
        if 1900 <= raw <= 2100:
            return f"{int(raw):04d}", None  # only the year is known (ISO 8601 reduced precision)
        if 10_000 <= raw <= 80_000 and (date := _excel_serial(raw)):
            return date.isoformat(), None
        return None, "unreadable"
    text = clean(raw)
    if date := _parse_date(text):
        return date.isoformat(), None
    if (match := _DATE_MY.match(text)) and 1 <= int(match.group(1)) <= 12:
        return f"{match.group(2)}-{int(match.group(1)):02d}", None
    if match := _YEAR.match(text):
        return match.group(1), None
    return None, "unreadable"


def _norm_text(raw: object) -> tuple[str | None, None]:
    text = _clean_name(raw)
    return (text or None), None


def _clean_name(raw: object) -> str:
    """Like text.clean, with a fast path for ordinary strings (names are mostly distinct)."""
    if isinstance(raw, str):
        text = " ".join(raw.split())
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    return clean(raw)


# --------------------------------------------------------------------------- problems → issues


def _quote(raw: object) -> str:
    if isinstance(raw, dt.datetime):
        raw = raw.date() if raw.time() == dt.time() else raw
    if isinstance(raw, dt.date | dt.datetime):
        return f"“{raw.strftime('%d/%m/%Y')}”"
    return f"“{clean(raw)}”"


def _cells_text(cells: list[str]) -> Phrase:
    """'ô D7' / '3 ô: D7, D9, D11' / '8 ô: D7, D9, D11, D12, D13 và 3 ô khác' — a phrase rendered in the
    message's language ("3 cells: D7, D9, D11" in English), the cell names staying data."""
    if len(cells) == 1:
        return phrase("cells.one", cell=cells[0])
    shown = ", ".join(cells[:MAX_CELLS_LISTED])
    rest = len(cells) - MAX_CELLS_LISTED
    if rest > 0:
        return phrase("cells.many_more", count=len(cells), shown=shown, rest=rest)
    return phrase("cells.many", count=len(cells), shown=shown)


def _one_of(values: Sequence[str]) -> Values:
    return Values(values)  # listed in the message's language


class _Problems:
    """Collects (column, problem key) → first raw value and the rows it occurred in."""

    def __init__(self, sheet: Sheet, rows: list[int]) -> None:
        self.sheet = sheet
        self.rows = rows  # 0-based sheet row of each kept member
        self.items: dict[tuple[str, object], tuple[object, int, list[int]]] = {}

    def scan(self, key: str, col: int, raw: list, problems: dict[object, object]) -> None:
        """Record every row whose raw value has a problem (one pass, only when there are any)."""
        if not problems:
            return
        flagged = np.fromiter(map(problems.__contains__, raw), dtype=bool, count=len(raw))
        for index in np.flatnonzero(flagged).tolist():
            value = raw[index]
            problem = problems[value]
            if problem is not None:
                entry = self.items.get((key, problem))
                if entry is None:
                    self.items[(key, problem)] = (value, col, [index])
                else:
                    entry[2].append(index)

    def refuse_mostly_unknown(self, log: IssueLog, count: int) -> None:
        """A categorical column where more than half of the values are not recognised is an error:
        its figures would be wrong (e.g. "Nữ: 0" from text in a legacy font), not just incomplete."""
        for key in CATEGORICAL:
            unknown = [(value, col, indices) for (k, problem), (value, col, indices) in self.items.items()
                       if k == key and problem != "blank"]
            rows = sum(len(indices) for _, _, indices in unknown)
            if count < MIN_ROWS_FOR_REFUSAL or rows * 2 <= count:
                continue
            col = unknown[0][1]
            values = ", ".join(f"“{clean(v)}”" for v, _, _ in sorted(unknown, key=lambda u: -len(u[2]))[:5])
            cell = cell_name(self.rows[0], col) if self.rows else None
            log.error(self.sheet.file, self.sheet.name, cell, "members.column_mostly_unknown",
                      column=phrase(f"members.column_{key}"), rows=rows, count=count, values=values)

    def emit(self, log: IssueLog, messages: dict[str, Callable[[object, object, str], Message]]) -> None:
        """One warning per (column, problem), naming the first cells it occurs in."""
        file, sheet = self.sheet.file, self.sheet.name
        for (key, problem), (value, col, indices) in self.items.items():
            cells = [cell_name(self.rows[i], col) for i in indices]
            code, params = messages[key](problem, value, _cells_text(cells))
            log.warning(file, sheet, cells[0], code, **params)


Message = tuple[str, dict[str, object]]  # (catalogue code, parameters)


def _message_gender(problem: object, value: object, cells: str) -> Message:
    if problem == "blank":
        return "members.gender_blank", {"cells": cells}
    return "members.gender_unknown", {"value": _quote(value), "cells": cells}


def _message_education(problem: object, value: object, cells: str) -> Message:
    levels = _one_of(EDUCATION_LEVELS)
    if problem == "blank":
        return "members.education_blank", {"cells": cells, "levels": levels}
    if problem == "political":
        return "members.education_political", {"value": _quote(value), "cells": cells, "levels": levels}
    return "members.education_unknown", {"value": _quote(value), "cells": cells, "levels": levels}


def _message_political(problem: object, value: object, cells: str) -> Message:
    code = "members.political_looks_like_education" if problem == "education" else "members.political_unknown"
    return code, {"value": _quote(value), "cells": cells, "levels": _one_of(POLITICAL_THEORY_LEVELS)}


def _message_party(problem: object, value: object, cells: str) -> Message:
    return "members.party_unknown", {"value": _quote(value), "cells": cells}


def _message_birth_year(problem: object, value: object, cells: str, current_year: int) -> Message:
    if problem == "blank":
        return "members.birth_blank", {"cells": cells}
    if problem == "unreadable":
        return "members.birth_unreadable", {"value": _quote(value), "cells": cells}
    year = problem[1]
    low, high = max(MIN_BIRTH_YEAR, current_year - MAX_AGE), current_year - MIN_AGE
    return "members.birth_implausible", {"year": year, "cells": cells, "current": current_year,
                                         "age": current_year - year, "low": low, "high": high,
                                         "min_age": MIN_AGE, "max_age": MAX_AGE}


def _message_join_date(problem: object, value: object, cells: str) -> Message:
    return "members.join_date_unreadable", {"value": _quote(value), "cells": cells}


def _message_department(problem: object, value: object, cells: str) -> Message:
    return "members.department_blank", {"cells": cells, "unknown": UNKNOWN_DEPARTMENT}


def _message_name(problem: object, value: object, cells: str) -> Message:
    return "members.name_missing", {"cells": cells}


def _problem_messages(current_year: int) -> dict[str, Callable[[object, object, str], Message]]:
    """Per column: (problem, raw value, cells text) → the issue's code and parameters."""
    return {"gender": _message_gender, "education": _message_education,
            "political_theory": _message_political, "party_member": _message_party,
            "birth_year": functools.partial(_message_birth_year, current_year=current_year),
            "join_date": _message_join_date, "department": _message_department, "name": _message_name}


# --------------------------------------------------------------------------- parsing


def _columns(lines: list[list], wanted: list[int]) -> dict[int, list]:
    """The wanted columns of `lines` as lists (None past the end of a short row)."""
    width = min(map(len, lines), default=0)
    return {col: [line[col] for line in lines] if col < width
            else [line[col] if col < len(line) else None for line in lines] for col in wanted}


def _map_column(raw: Sequence, normalise: Callable[[object], tuple[object, object]],
                batch: Callable[[Sequence], dict] | None = None) -> tuple[list, dict[object, object]]:
    """Normalise each distinct raw value once; (values, {raw: problem} for raw values with one).
    `batch`, when given, normalises all the distinct values at once (same results as `normalise`)."""
    mapping: dict[object, object] = {}
    problems: dict[object, object] = {}
    distinct = set(raw)
    pairs = batch(distinct).items() if batch is not None else ((v, normalise(v)) for v in distinct)
    for value, (result, problem) in pairs:
        mapping[value] = result
        if problem is not None:
            problems[value] = problem
    if len(mapping) == 1:
        return [result] * len(raw), problems
    return list(map(mapping.__getitem__, raw)), problems


_SEP = "\x00"  # cannot occur in a cell (XML forbids it) and is not whitespace


def _clean_names(raw: Sequence) -> list[str]:
    """text.clean for a whole column, in a few C-speed passes over one joined string."""
    try:
        joined = _SEP.join(raw)
    except TypeError:  # numbers, dates or blanks (None) among the names
        joined = _SEP.join(v if type(v) is str else ("" if v is None else clean(v)) for v in raw)
    odd = joined.startswith(" ") or joined.endswith(" ") or "  " in joined \
        or _SEP + " " in joined or " " + _SEP in joined \
        or not joined.replace(_SEP, "").isprintable()  # tabs, line breaks, odd spaces
    if odd:
        return [unicodedata.normalize("NFC", " ".join(v.split())) for v in joined.split(_SEP)]
    if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
        joined = unicodedata.normalize("NFC", joined)
    return joined.split(_SEP) if raw else []


def _int_array(values: list) -> pd.api.extensions.ExtensionArray:
    """Nullable Int64 from a list of int | None (pd.array is slow when there are Nones)."""
    if None not in values:
        return pd.array(values, dtype="Int64")
    mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    filled = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=len(values))
    return pd.arrays.IntegerArray(filled, mask)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_column_number_row(cells: list) -> bool:
    """The '(1) (2) (3)…' row some forms put right under the header."""
    filled = [clean(v) for v in cells if not _is_blank(v)]
    return len(filled) >= 2 and all(re.fullmatch(r"\(?\d{1,2}\)?", v) for v in filled)


def _merge_spellings(counts: Counter[str]) -> dict[str, str]:
    """Map each spelling to the most frequent one with the same folded form ("phòng kế toán" →
    "Phòng Kế toán"), so one department is one group."""
    best: dict[str, tuple[int, str]] = {}
    for text, count in counts.items():
        key = fold(text)
        if key not in best or count > best[key][0]:
            best[key] = (count, text)
    return {text: best[fold(text)][1] for text in counts}


CATEGORICAL = ("gender", "education", "political_theory", "party_member")
OPTIONAL_COLUMNS = tuple(c.key for c in MEMBERS.columns if not c.required)
MIN_ROWS_FOR_REFUSAL = 4  # a column is refused when over half of at least this many values are unknown


@dataclass(frozen=True)
class _Skipped:
    """A row of the roster area that is not a member, and why."""

    index: int
    kind: str  # "total" | "header" | "signature" | "blank"
    stated: int | None = None  # the count a total row states ("Cộng: 10 đ/c")


def _total_rows(lines: list[list], names: list[str]) -> list[_Skipped]:
    """Rows whose name cell (or, without a name, first text) is a total: "Tổng cộng", "Cộng: 10 đ/c"."""
    out = []
    for index, name in enumerate(names):
        text = name or first_text(lines[index])
        if is_total_text(text):
            out.append(_Skipped(index, "total", stated_count(text)))
    return out


def _member_rows(sheet: Sheet, header: HeaderMatch, lines: list[list], name_col: int | None,
                 mapped: list[int]) -> tuple[list[str], set[int], list[int], list[_Skipped]]:
    """(cleaned names, indices of rows that are not members, indices of nameless rows with data,
    the skipped rows worth a note: totals, repeated headers, a signature block)."""
    names_all = _clean_names(_columns(lines, [name_col])[name_col]) if name_col is not None \
        else [""] * len(lines)
    header_text = _clean_names([sheet.value(header.row, name_col)])[0] if name_col is not None else ""
    header_key, header_len = fold(header_text), len(header_text)
    # only blank, one- or two-word names and header look-alikes need a closer look
    total = len(names_all)
    spaces = np.fromiter(map(str.count, names_all, repeat(" ")), dtype=np.int64, count=total)
    lengths = np.fromiter(map(len, names_all), dtype=np.int64, count=total)
    closer = (spaces <= 1) | (lengths == header_len)  # a blank name has no space
    closer[:3] = True
    suspects = np.flatnonzero(closer).tolist()
    signature = signature_start(lines)
    end = len(lines) if signature is None else signature
    skipped = [item for item in _total_rows(lines, names_all) if item.index < end]
    if signature is not None:
        skipped.append(_Skipped(signature, "signature"))
    drop: set[int] = {item.index for item in skipped} | set(range(end, len(lines)))
    nameless: list[int] = []
    for index in suspects:
        if index >= end or index in drop:
            continue
        name, line = names_all[index], lines[index]
        cells = [line[c] for c in mapped if c < len(line)]
        if name:
            if len(name) == header_len and fold(name) == header_key:
                drop.add(index)  # the header repeated (a roster pasted from several pages)
                skipped.append(_Skipped(index, "header"))
            elif index < 3 and _is_column_number_row(cells):
                drop.add(index)
            continue
        drop.add(index)
        if all(_is_blank(v) for v in cells):
            skipped.append(_Skipped(index, "blank"))
            continue
        if any(fold(v) in TOTAL_LABELS for v in line if isinstance(v, str) and len(v) < 20):
            continue  # "Tổng cộng" written in the STT column, totals in the others
        if index < 3 and _is_column_number_row(cells):
            continue
        nameless.append(index)
    return names_all, drop, nameless, sorted(skipped, key=lambda item: item.index)


def _note_skipped(sheet: Sheet, first: int, name_col: int, skipped: list[_Skipped], count: int,
                  height: int, log: IssueLog) -> None:
    """An info note for each row that is not a member; a stated total that differs is a warning."""
    last_member = max((i for i in range(height) if i not in {item.index for item in skipped}), default=-1)
    blanks = [item for item in skipped if item.kind == "blank" and item.index < last_member]
    if blanks:  # separator rows inside the list: one note
        cells = [cell_name(first + item.index, name_col) for item in blanks]
        log.info(sheet.file, sheet.name, cells[0], "members.skipped_blank", count=len(cells),
                 cells=_cells_text(cells))
    for item in skipped:
        cell = cell_name(first + item.index, name_col)
        if item.kind == "blank":
            continue
        if item.kind == "signature":
            log.info(sheet.file, sheet.name, cell, "members.skipped_signature", cell=cell,
                     rows=height - item.index)
        elif item.kind == "header":
            log.info(sheet.file, sheet.name, cell, "members.skipped_header", cell=cell)
        else:
            log.info(sheet.file, sheet.name, cell, "members.skipped_total", cell=cell)
    totals = [item for item in skipped if item.kind == "total" and item.stated is not None]
    if totals and totals[-1].stated != count:
        cell = cell_name(first + totals[-1].index, name_col)
        log.warning(sheet.file, sheet.name, cell, "members.total_mismatch", cell=cell,
                    stated=totals[-1].stated, counted=count)


def _not_members_now(sheet: Sheet, header: HeaderMatch, lines: list[list], first: int, cols: dict[str, int],
                     drop: set[int], log: IssueLog) -> dict[int, str]:
    """Department group rows and people who left (a status or notes cell saying nghỉ hưu, chuyển công tác,
    thôi việc…) join `drop`; those who left get one info note. Returns the group rows (index → department)."""
    groups = department_groups(lines, cols.get("name"))
    drop |= set(groups)
    notes = [col for col, label in header_labels(sheet, header.row).items() if label in ("ghi chu", "note", "notes")]
    where = [col for col in (cols.get("status"), *notes) if col is not None]
    cells, reasons = [], []
    for index, line in enumerate(lines):
        if index in drop:
            continue
        for col in where:
            reason = left_reason(line[col]) if col < len(line) else None
            if reason is not None:
                drop.add(index)
                cells.append(cell_name(first + index, col))
                reasons.append(reason)
                break
    note_left(sheet, cells, reasons, log)
    _drop_struck(sheet, lines, first, cols.get("name"), drop, log)
    return groups


def _drop_struck(sheet: Sheet, lines: list[list], first: int, name_col: int | None, drop: set[int],
                 log: IssueLog) -> None:
    """Rows struck through in an .xlsx join `drop` like the leavers above, with one info note."""
    rows0 = [first + index for index in range(len(lines)) if index not in drop]
    drop.update(row - first for row in struck_out(sheet, rows0, name_col, log, "members.struck_out"))


_ALIAS_OF = {alias: column.key for column in MEMBERS.columns for alias in column.folded_aliases}
_NUMBERING = frozenset({"stt", "tt", "so tt", "no", "#", "so thu tu"})


def _extra_columns(sheet: Sheet, header: HeaderMatch, cols: dict[str, int], sex: SexColumns | None,
                   split: SplitName | None, lines: list[list]) -> dict[str, list]:
    """The columns the upload had beyond the roster's own (employee code, notes, …), by header text, so
    the data download keeps them; a birth column holding full dates is kept whole too ("Ngày sinh"),
    since the roster itself keeps the year. The numbering column and position columns are not."""
    used = set(cols.values()) - {cols.get("birth_year")}
    used |= {c for c in (sex.male, sex.female) if c is not None} if sex is not None else set()
    used |= {split.given} if split is not None else set()
    out: dict[str, list] = {}
    for col, label in enumerate(sheet.rows[header.row] if header.row < sheet.height else []):
        text = clean(label)
        if col in used or not text or fold(text) in _NUMBERING or text in MEMBER_COLUMNS or text in out:
            continue
        values = [line[col] if col < len(line) and not _is_blank(line[col]) else None for line in lines]
        dates = any(isinstance(v, dt.date) or isinstance(v, str) and "/" in v for v in values)
        key = _ALIAS_OF.get(fold(text))
        if (key == "birth_year" or col == cols.get("birth_year")) and not dates:
            continue  # a year column: the roster's birth_year is all of it
        if key is not None and key != "birth_year" and key in cols:
            continue  # the same roster column written twice (a re-uploaded download)
        if any(v is not None for v in values):
            out[text] = values
    return out


def _coded_one_zero(raw: Sequence) -> bool:
    """Whether a sex column holds only 1 and 0 (a code without its legend)."""
    values = {_key(v) for v in set(raw) if not _is_blank(v)}
    return bool(values) and values <= {"0", "1"}


def _column_sources(cols: dict[str, int], raw_columns: dict[int, list], keys: set[str], sex: SexColumns | None,
                    kept: tuple[list[list], list[int]], sheet: Sheet, data: dict[str, list],
                    log: IssueLog) -> tuple[dict[str, tuple[int, list]], frozenset[str]]:
    """(key → (column, raw values) to normalise, the optional columns the roster lacks). Sex by position
    fills `data["gender"]` (and the birth year from the dates under it); a column with no value at all
    (the data download's blank one) is as good as absent — except party membership and political theory,
    where a blank cell means "no" / "Chưa có"."""
    sources = {key: (col, raw_columns[col]) for key, col in cols.items() if key in keys}
    if sex is not None:  # sex (and the birth date) given by position under Nam | Nữ
        data["gender"], births = read_sex(kept[0], kept[1], sex, sheet, log)
        if "birth_year" not in sources and any(b is not None for b in births):
            sources["birth_year"] = (sex.male if sex.male is not None else sex.female, births)
    if "gender" in sources and _coded_one_zero(sources["gender"][1]):
        col = sources.pop("gender")[0]
        data["gender"] = [None] * len(kept[1])  # never guessed: 1 may be Nam or Nữ
        cell = cell_name(kept[1][0], col) if kept[1] else column_letter(col)
        log.error(sheet.file, sheet.name, cell, "members.gender_coded", column=column_letter(col))
    blank_means_no = ("party_member", "political_theory")
    for key in [key for key in sources if key not in blank_means_no]:
        if all(map(_is_blank, sources[key][1])):
            del sources[key]
    given = (set(cols) - {key for key in keys if key not in sources and key not in blank_means_no}) \
        | set(sources) | set(data)
    return sources, frozenset(key for key in OPTIONAL_COLUMNS if key not in given)


def _normalise_columns(data: dict[str, list], normalisers: dict[str, Callable[[object], tuple[object, object]]],
                       batches: dict[str, Callable[[Sequence], dict]], sources: dict[str, tuple[int, list]],
                       problems: _Problems, count: int) -> None:
    """Each column not yet in `data` normalised from its (column, raw values); a column the sheet does
    not have is unknown (None), never "Chưa có" (party membership stays False, and the roster says absent)."""
    for key, normalise in normalisers.items():
        if key in data:
            continue
        if key not in sources:
            data[key] = [False] * count if key == "party_member" else [None] * count
            continue
        col, raw = sources[key]
        values, found = _map_column(raw, normalise, batches.get(key))
        data[key] = values
        problems.scan(key, col, raw, found)


def parse_members(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> Roster:
    """Read the roster under `header` into a Roster; every problem becomes a warning, never raised."""
    cols = dict(header.columns)
    sex = sex_columns(sheet, header)
    first = header.row + (2 if sub_header(sheet, header) else 1)
    if sex is not None and cols.get("birth_year") in (sex.male, sex.female):
        del cols["birth_year"]  # "Ngày sinh" merged over Nam | Nữ: the date is read from under the sex
    lines = sheet.rows[first:]
    split = split_name(sheet, header)
    if split is not None:  # "Họ và tên" over "Họ đệm" | "Tên": one name
        lines = join_names(lines, split)
        cols["name"] = split.family
    name_col = cols.get("name")
    mapped = sorted(set(cols.values()) | ({sex.male, sex.female} - {None} if sex is not None else set()))

    # 1. Which rows are members: a name, not a total / repeated header / column-number row.
    names_all, drop, nameless, skipped = _member_rows(sheet, header, lines, name_col, mapped)
    groups = _not_members_now(sheet, header, lines, first, cols, drop, log)
    nameless = [i for i in nameless if i not in groups]
    skipped = [item for item in skipped if item.index not in groups]
    current_year = dt.date.today().year
    messages = _problem_messages(current_year)
    if nameless:
        cells_named = [cell_name(first + i, name_col or 0) for i in nameless]
        code, params = messages["name"](None, None, _cells_text(cells_named))
        log.warning(sheet.file, sheet.name, cells_named[0], code, **params)

    if drop:
        keep = [i for i in range(len(lines)) if i not in drop]
        kept_lines = [lines[i] for i in keep]
        names = [names_all[i] for i in keep]
        rows0 = [first + i for i in keep]  # 0-based sheet rows
    else:
        kept_lines, names = lines, names_all
        rows0 = list(range(first, first + len(lines)))
    count = len(names)
    raw_columns = _columns(kept_lines, [c for c in mapped if c != name_col])
    problems = _Problems(sheet, rows0)

    # 2. Normalise column by column, once per distinct raw value.
    data: dict[str, list] = {"name": names}
    normalisers: dict[str, Callable[[object], tuple[object, object]]] = {
        "gender": _norm_gender,
        "birth_year": lambda raw: _norm_birth_year(raw, current_year),
        "education": _norm_education,
        "political_theory": _norm_political,
        "party_member": _norm_party,
        "join_date": _norm_join_date,
        "role": _norm_text,
        "status": _norm_text,
    }
    batches: dict[str, Callable[[Sequence], dict]] = {
        "birth_year": lambda values: _birth_years(values, current_year),
        "join_date": _join_dates,
    }
    sources, absent = _column_sources(cols, raw_columns, set(normalisers), sex, (kept_lines, rows0), sheet, data,
                                      log)
    _normalise_columns(data, normalisers, batches, sources, problems, count)
    dept_col = cols.get("department")
    raw = raw_columns[dept_col] if dept_col is not None else [None] * count
    if groups:  # department group rows give the department of the rows under them
        above = group_of_each(len(lines), groups)
        kept_groups = [above[row - first] for row in rows0]
        raw = [value if not _is_blank(value) else group for value, group in zip(raw, kept_groups, strict=True)]
        absent -= {"department"}
    texts, _ = _map_column(raw, lambda v: (_clean_name(v), None))
    merged_counts = Counter(texts)
    merged = _merge_spellings(merged_counts)
    merged[""] = UNKNOWN_DEPARTMENT
    data["department"] = list(map(merged.__getitem__, texts))
    if dept_col is not None and "" in merged_counts:
        problems.scan("department", dept_col, texts, {"": "blank"})
    problems.emit(log, messages)
    problems.refuse_mostly_unknown(log, count)

    # 3. The frame, column-wise.
    # Text columns stay `object` (None for missing): converting 100,000 strings to pandas' `str`
    # dtype costs ~6 ms a column, a third of the whole parse.
    frame = pd.DataFrame({
        **{key: pd.Series(data[key] if key != "name" else names, dtype=object)
           for key in ("name", "gender", "department", "education", "political_theory",
                       "join_date", "role", "status")},
        "birth_year": _int_array(data["birth_year"]),
        "party_member": np.array(data["party_member"], dtype=bool),
        "row": np.array(rows0, dtype=np.int64) + 1,
    }, columns=list(MEMBER_COLUMNS))
    extra = _extra_columns(sheet, header, cols, sex, split, kept_lines)
    for label, values in extra.items():
        frame[label] = pd.Series(values, dtype=object)
    if name_col is not None:
        frame.attrs["name_col"] = column_letter(name_col)
    # unknown is not zero: a detail column missing or wholly blank is "not in the data", never 0 / "Chưa có"
    frame.attrs["not_in_data"] = tuple(
        key for key in ("education", "political_theory", "party_member")
        if key in absent or cols.get(key) is None
        or all(_clean_name(v) == "" for v in raw_columns.get(cols[key], ())))
    _note_skipped(sheet, first, name_col or 0, skipped, count, len(lines), log)
    if not count:
        log.warning(sheet.file, sheet.name, cell_name(header.row, name_col or 0), "members.empty",
                    row=header.row + 1)
    return Roster(frame=frame, file=sheet.file, sheet=sheet.name, absent=absent, extra=tuple(extra))


# --------------------------------------------------------------------------- roster-wide checks


_COMBINING_MARKS = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370)
                                             if unicodedata.combining(chr(c))) + "]+")
_NON_WORD_OR_SEP = re.compile(r"[^0-9a-z%\x00]+")


def folds(names: Sequence[str]) -> list[str]:
    """text.fold for a column of strings, in a few C-speed passes over one joined string.

    Exact: a name that is not plain ASCII once its Vietnamese marks (U+0300–U+036F) are removed
    goes through text.fold itself.
    """
    if not names:
        return []
    joined = unicodedata.normalize("NFKD", _SEP.join(names).replace("đ", "d").replace("Đ", "D"))
    joined = _COMBINING_MARKS.sub("", joined)
    if joined.isascii():
        joined = _NON_WORD_OR_SEP.sub(" ", joined.lower())
        joined = joined.replace(" " + _SEP, _SEP).replace(_SEP + " ", _SEP).strip(" ")
        return joined.split(_SEP)
    return [_NON_WORD_OR_SEP.sub(" ", part.lower()).strip(" ") if part.isascii() else fold(name)
            for part, name in zip(joined.split(_SEP), names, strict=True)]


def check_roster(roster: Roster, log: IssueLog) -> None:
    """Roster-wide checks after all roster sheets are merged: the same person listed twice
    (same name, diacritics- and case-insensitively, and same birth year; members without a
    birth year are not compared).

    Vectorised: names are folded once per distinct spelling, (folded name, year) becomes one
    integer key, and only the rows whose key repeats are looked at in Python.
    """
    frame = roster.frame
    if len(frame) < 2 or not {"name", "birth_year", "row"} <= set(frame.columns):
        return
    years_col = frame["birth_year"]
    known = years_col.notna().to_numpy()
    if known.sum() < 2:
        return
    names = frame["name"].to_numpy(dtype=object)[known]
    years = years_col.to_numpy(dtype=np.int64, na_value=0)[known]
    rows = frame["row"].to_numpy()[known]
    name_codes, spellings = pd.factorize(names, use_na_sentinel=True)
    texts = spellings.tolist()
    folded = folds([t if isinstance(t, str) else "" for t in texts])  # not text: not compared
    fold_codes, fold_values = pd.factorize(np.array(folded, dtype=object))
    comparable = np.array([bool(f) for f in fold_values.tolist()], dtype=bool)[fold_codes]
    person = fold_codes[name_codes]  # name_codes is -1 only for a missing name (NaN/None)
    usable = (name_codes >= 0) & comparable[np.maximum(name_codes, 0)]
    span = int(years.max()) - int(years.min()) + 1
    keys = person.astype(np.int64) * span + (years - years.min())
    if not usable.all():  # rows not compared get distinct negative keys
        keys = np.where(usable, keys, -1 - np.arange(len(keys), dtype=np.int64))
    repeated = pd.Series(keys).duplicated(keep=False).to_numpy()
    if not repeated.any():
        return
    index = np.flatnonzero(repeated)
    index = index[np.argsort(rows[index], kind="stable")]
    letter = frame.attrs.get("name_col")
    groups: dict[int, list[int]] = {}
    for key, position in zip(keys[index].tolist(), index.tolist(), strict=True):
        members = groups.get(key)
        if members is None:
            groups[key] = [position]
        else:
            members.append(position)
    for positions in groups.values():
        year = int(years[positions[0]])
        rows_of = [int(rows[p]) for p in positions]
        cells = [f"{letter}{r}" for r in rows_of] if letter else [str(r) for r in rows_of]
        listed = ", ".join(cells[:MAX_CELLS_LISTED])
        rest = len(cells) - MAX_CELLS_LISTED
        shown = (phrase("cells.list_more" if letter else "cells.rows_more", shown=listed, rest=rest) if rest > 0
                 else phrase("cells.list" if letter else "cells.rows", shown=listed))
        spelled = list(dict.fromkeys(names[p] for p in positions))
        named = " / ".join(f"“{s}”" for s in spelled[:3])
        log.warning(roster.file, roster.sheet, cells[0] if letter else None, "members.duplicate",
                    names=named, year=year, times=len(rows_of), cells=shown)


def parse_rosters(pairs: SheetPairs, log: IssueLog) -> Roster:
    """Every roster sheet read and joined into one roster, then checked as a whole (duplicates, ...)."""
    rosters = [parse_members(sheet, header, log) for sheet, header in pairs]
    for roster in rosters:
        check_roster(roster, log)  # within each sheet, naming its own cells
    if len(rosters) == 1:
        return rosters[0]
    _duplicates_across_sheets(rosters, log)
    frame = pd.concat([r.frame for r in rosters], ignore_index=True)
    # a detail is not in the data when no sheet holds it
    frame.attrs["not_in_data"] = tuple(k for k in rosters[0].frame.attrs.get("not_in_data", ())
                                       if all(k in r.frame.attrs.get("not_in_data", ()) for r in rosters))
    return Roster(frame=frame, file=rosters[0].file, sheet=rosters[0].sheet,
                  absent=frozenset.intersection(*(r.absent for r in rosters)),
                  extra=tuple(dict.fromkeys(label for r in rosters for label in r.extra)))


def _person_keys(roster: Roster) -> dict[tuple[str, int], int]:
    """(folded name, birth year) → first Excel row, for the members with both."""
    frame = roster.frame
    out: dict[tuple[str, int], int] = {}
    for name, year, row in zip(frame["name"].tolist(), frame["birth_year"].tolist(), frame["row"].tolist(),
                               strict=True):
        if isinstance(name, str) and name and year is not None and not pd.isna(year):
            out.setdefault((fold(name), int(year)), int(row))
    return out


def _duplicates_across_sheets(rosters: list[Roster], log: IssueLog) -> None:
    """The same person on two roster sheets (a hidden or copied sheet, last term's list): a warning
    naming both sheets and cells."""
    seen: dict[tuple[str, int], tuple[Roster, int]] = {}
    for roster in rosters:
        letter = roster.frame.attrs.get("name_col", "A")
        for key, row in _person_keys(roster).items():
            if key in seen:
                first, first_row = seen[key]
                first_letter = first.frame.attrs.get("name_col", "A")
                log.warning(roster.file, roster.sheet, f"{letter}{row}", "members.duplicate_across_sheets",
                            year=key[1], cell=f"{letter}{row}", other=f"{first.file} › {first.sheet} › "
                            f"{first_letter}{first_row}")
            else:
                seen[key] = (roster, row)


def same_roster(a: Roster, b: Roster) -> bool:
    """Whether two rosters hold the same members (the source row numbers do not count)."""
    def content(roster: Roster) -> pd.DataFrame:
        return roster.frame.drop(columns=["row"], errors="ignore").reset_index(drop=True)

    return content(a).equals(content(b))


SPEC = DomainSpec(key="members", name="domain_members", parse=parse_rosters, schemas=(MEMBERS,),
                  same=same_roster)
