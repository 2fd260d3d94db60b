"""Members cell values: each raw cell normalised to (value, problem), dates and birth years included."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from unionboard.core.text import clean, fold
from unionboard.domains.members.vocab import (
    EDUCATION_MAP,
    EDUCATION_NOT_PREFIXED,
    EDUCATION_PREFIXES,
    GENDER_MAP,
    MAX_AGE,
    MIN_AGE,
    MIN_BIRTH_YEAR,
    PARTY_FALSE,
    PARTY_MARKS,
    PARTY_TRUE,
    POLITICAL_MAP,
    POLITICAL_WORDS,
    SCHOOL_GRADE,
)

_DATE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_DATE_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T].*)?$")
_DATE_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_YEAR = re.compile(r"^(?:năm\s*)?(\d{4})(?:\.0+)?$", re.IGNORECASE)
_EXCEL_EPOCH = dt.date(1899, 12, 30)

# Each returns (value, problem) where problem is None or a hashable key describing the trouble;
# Problems turns (column, key) into one aggregated warning.


def cell_key(raw: object) -> str:
    """Folded text of a cell (integral floats without '.0')."""
    return fold(raw if isinstance(raw, str) else clean(raw))


def norm_gender(raw: object) -> tuple[str | None, str | None]:
    """"Nam" / "Nữ" from the spellings in GENDER_MAP; problem "blank" or "unknown"."""
    key = cell_key(raw)
    if not key:
        return None, "blank"
    gender = GENDER_MAP.get(key)
    return (gender, None) if gender else (None, "unknown")


def norm_education(raw: object) -> tuple[str | None, str | None]:
    """The education level (a level followed by its field counts); problem "blank", "political" or "unknown"."""
    key = cell_key(raw)
    if not key:
        return None, "blank"
    level = EDUCATION_MAP.get(key)
    if level:
        return level, None
    if any(word in key for word in POLITICAL_WORDS):
        return "Khác", "political"  # "Trung cấp chính trị" typed in the education column
    if SCHOOL_GRADE.match(key):
        return "Khác", None
    if key not in EDUCATION_NOT_PREFIXED:
        for prefix, canonical in EDUCATION_PREFIXES:
            if key.startswith(prefix):
                return canonical, None
    return "Khác", "unknown"


def norm_political(raw: object) -> tuple[str, str | None]:
    """The political theory level, "Chưa có" when blank; problem "education" or "unknown"."""
    key = cell_key(raw)
    level = POLITICAL_MAP.get(key)
    if level:
        return level, None
    if norm_education(raw)[1] is None:
        return "Chưa có", "education"  # "Trung cấp kế toán", "Đại học" typed in this column
    return "Chưa có", "unknown"


def norm_party(raw: object) -> tuple[bool, str | None]:
    """Party membership from a mark, a yes/no word, or the date or year the member joined."""
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
    if parse_date(text) is not None or _YEAR.match(text):
        return True, None
    return False, "unknown"


def _excel_serial(number: float) -> dt.date | None:
    """An Excel date serial (days since 1899-12-30) as a date, for dates stored as plain numbers."""
    if 1 <= number < 2_958_466:
        return _EXCEL_EPOCH + dt.timedelta(days=int(number))
    return None


def parse_date(text: str) -> dt.date | None:
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
    if date := parse_date(text):
        return date.year
    if match := _DATE_MY.match(text):
        return int(match.group(2)) if 1 <= int(match.group(1)) <= 12 else None
    return None


def norm_birth_year(raw: object, current_year: int) -> tuple[int | None, object]:
    """The birth year; problem "blank", "unreadable" or ("implausible", year)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, "blank"
    year = _birth_year_of(raw)
    if year is None:
        return None, "unreadable"
    if year < MIN_BIRTH_YEAR or not MIN_AGE <= current_year - year <= MAX_AGE:
        return year, ("implausible", year)
    return year, None


def birth_years(values: Sequence, current_year: int) -> dict[object, tuple[int | None, object]]:
    """norm_birth_year for many distinct values: numbers and "dd/mm/yyyy" texts without the
    per-value function calls (same results), anything else through norm_birth_year."""
    found: dict[object, tuple[int | None, object]] = {}
    low = MIN_BIRTH_YEAR
    for value in values:
        kind = type(value)
        year: int | None
        if kind is float or kind is int:
            if not float(value).is_integer() or not 1000 <= value <= 2999:
                found[value] = norm_birth_year(value, current_year)
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
            found[value] = norm_birth_year(value, current_year)
            continue
        if year < low or not MIN_AGE <= current_year - year <= MAX_AGE:
            found[value] = (year, ("implausible", year))
        else:
            found[value] = (year, None)
    return found


def join_dates(values: Sequence) -> dict[object, tuple[str | None, str | None]]:
    """norm_join_date for many distinct values (dates without a function call each)."""
    found: dict[object, tuple[str | None, str | None]] = {}
    for value in values:
        kind = type(value)
        if kind is dt.date:
            found[value] = (value.isoformat(), None)
        elif kind is dt.datetime:
            found[value] = (value.date().isoformat(), None)
        else:
            found[value] = norm_join_date(value)
    return found


def norm_join_date(raw: object) -> tuple[str | None, str | None]:
    """The date joined as ISO text (year or year-month when only those are known); problem "unreadable"."""
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
    if date := parse_date(text):
        return date.isoformat(), None
    if (match := _DATE_MY.match(text)) and 1 <= int(match.group(1)) <= 12:
        return f"{match.group(2)}-{int(match.group(1)):02d}", None
    if match := _YEAR.match(text):
        return match.group(1), None
    return None, "unreadable"


def norm_text(raw: object) -> tuple[str | None, None]:
    """Free text (role, status) cleaned; None when blank."""
    text = clean_name(raw)
    return (text or None), None


def clean_name(raw: object) -> str:
    """Like text.clean, with a fast path for ordinary strings (names are mostly distinct)."""
    if isinstance(raw, str):
        text = " ".join(raw.split())
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    return clean(raw)
