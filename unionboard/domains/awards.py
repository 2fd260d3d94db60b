"""Awards (khen thưởng, thành tích): parse the awards table.

Columns: Năm | Hình thức | Cấp | Đối tượng | Số lượng | Ghi chú. Forms are open-ended (known ones
are normalised, others kept as written); levels and recipient types are closed lists.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from unionboard.core.i18n import Value, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import AWARD_LEVELS, RECIPIENT_TYPES, Award
from unionboard.core.text import cell_name, clean, fold, is_blank, parse_number
from unionboard.domains.schema import AWARDS, HeaderMatch
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.read.workbook import Sheet

FIRST_YEAR = 1945
OTHER_LEVEL = "Khác"
COLLECTIVE, INDIVIDUAL = RECIPIENT_TYPES

# (canonical form, folded phrases) — checked in order, the first phrase found wins.
FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Tập thể lao động xuất sắc", ("tap the lao dong xuat sac", "ttldxs")),
    ("Tập thể lao động tiên tiến", ("tap the lao dong tien tien", "ttldtt")),
    ("Lao động tiên tiến", ("lao dong tien tien", "ldtt")),
    ("Chiến sỹ thi đua", ("chien sy thi dua", "chien si thi dua", "cstd")),
    ("Cờ thi đua", ("co thi dua",)),
    ("Bằng khen", ("bang khen", "certificate of merit")),
    ("Giấy khen", ("giay khen",)),
    ("Huân chương", ("huan chuong", "medal", "order of labour")),
    ("Sáng kiến", ("sang kien", "initiative", "initiatives")),
    ("Đề tài khoa học", ("de tai khoa hoc", "de tai", "nghien cuu khoa hoc", "research project")),
)
COLLECTIVE_FORMS = ("Tập thể lao động xuất sắc", "Tập thể lao động tiên tiến", "Cờ thi đua")
INDIVIDUAL_FORMS = ("Lao động tiên tiến", "Chiến sỹ thi đua")

# (canonical level, folded phrases) — order matters: "Chủ tịch nước" before the provincial
# "Chủ tịch UBND tỉnh", the national federation (Tổng LĐLĐ) before the provincial one (LĐLĐ tỉnh).
LEVELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Chủ tịch nước", ("chu tich nuoc", "president", "nha nuoc")),
    ("Thủ tướng", ("thu tuong", "thu tuong chinh phu", "chinh phu", "prime minister", "government")),
    ("Tổng Liên đoàn", ("tong lien doan", "tong lien doan lao dong viet nam", "tld", "tong ldld",
                        "tong ldldvn", "tldldvn", "vgcl", "general confederation")),
    ("Bộ", ("bo", "bo truong", "cap bo", "bo cong an", "bo tt tt", "bo ttvtt", "bo thong tin",
            "ministry", "minister", "ministerial")),
    ("Tỉnh", ("tinh", "cap tinh", "ubnd tinh", "chu tich ubnd tinh", "ldld tinh",
              "lien doan lao dong tinh", "cong doan vien chuc tinh", "province", "provincial")),
    ("Cơ sở", ("co so", "cap co so", "cs", "ccs", "giam doc so", "thu truong co quan",
               "grassroots", "unit level")),
    ("Khác", ("khac", "other")),
)

RECIPIENTS: dict[str, str] = {
    **dict.fromkeys(("tap the", "tt", "collective", "don vi", "to chuc", "group", "team"), COLLECTIVE),
    **dict.fromkeys(("ca nhan", "cn", "individual", "person", "personal"), INDIVIDUAL),
}

TOTAL_ROWS = ("tong", "tong cong", "cong", "tong so", "total")

_PERIOD = re.compile(r"(\d{4})\s*(?:-|–|—|/|đến|den|to|~)\s*(\d{4}|\d{2})(?!\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _find(folded: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    padded = f" {folded} "
    for canonical, phrases in table:
        if any(f" {phrase} " in padded for phrase in phrases):
            return canonical
    return None


def normalise_form(value: object) -> str:
    """A canonical form name when one is recognised, else the cleaned text as written."""
    return _find(fold(value), FORMS) or clean(value)


def normalise_level(value: object) -> str | None:
    """One of AWARD_LEVELS, or None when the text names no known level."""
    return _find(fold(value), LEVELS)


def normalise_recipient(value: object) -> str | None:
    """'Tập thể' / 'Cá nhân', or None when not recognised."""
    folded = fold(value)
    if folded in RECIPIENTS:
        return RECIPIENTS[folded]
    padded = f" {folded} "
    for word in ("tap the", "ca nhan"):
        if f" {word} " in padded:
            return RECIPIENTS[word]
    return None


def parse_year_or_period(value: object) -> tuple[int | None, str | None, str | None]:
    """(year, period, problem) from 2014, '2014', 'Năm 2014', '2011-2013', 'Giai đoạn 2011 - 2013'.

    A period gives its end year and 'start–end' (en dash). `problem` is a Vietnamese reason when
    the cell cannot be read.
    """
    if isinstance(value, dt.date):
        return value.year, None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            return int(value), None, None
        return None, None, "không phải là năm"
    text = clean(value)
    match = _PERIOD.search(text)
    if match:
        start, end = int(match.group(1)), match.group(2)
        end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
        if end_year < start:
            return None, None, f"năm kết thúc {end_year} trước năm bắt đầu {start}"
        if end_year == start:
            return start, None, None
        return end_year, f"{start}–{end_year}", None
    years = _YEAR.findall(text)
    if len(years) == 1:
        return int(years[0]), None, None
    number = parse_number(text)
    if number is not None and number.is_integer():
        return int(number), None, None
    return None, None, "không đọc được năm"


def parse_awards(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[Award, ...]:
    """Every award row, normalised; problems go to `log`, never raised."""
    cols = header.columns
    file, name = sheet.file, sheet.name
    max_year = dt.date.today().year + 1

    def get(row: int, key: str) -> object:
        return sheet.value(row, cols[key]) if key in cols else None

    def where(row: int, key: str) -> str:
        return cell_name(row, cols.get(key, 0))

    awards: list[Award] = []
    for r in range(header.row + 1, sheet.height):
        raw = {key: get(r, key) for key in ("year", "form", "level", "recipient_type", "count", "note")}
        if all(is_blank(v) for v in raw.values()):
            continue
        form_text = clean(raw["form"])
        if fold(form_text) in TOTAL_ROWS or fold(raw["year"]) in TOTAL_ROWS:
            continue  # a totals row, not an award
        if not form_text:
            log.warning(file, name, where(r, "form"), "awards.no_form", row=r + 1, cell=where(r, "form"))
            continue
        form = normalise_form(form_text)

        # year or period
        year: int | None = None
        period: str | None = None
        if is_blank(raw["year"]):
            log.warning(file, name, where(r, "year"), "awards.no_year", form=form_text, row=r + 1,
                        cell=where(r, "year"))
        else:
            year, period, problem = parse_year_or_period(raw["year"])
            if problem:
                log.warning(file, name, where(r, "year"), "awards.bad_year", value=clean(raw["year"]),
                            cell=where(r, "year"), problem=problem)
            else:
                start = int(period.split("–")[0]) if period else year
                if year is None or start is None or start < FIRST_YEAR or year > max_year:
                    log.warning(file, name, where(r, "year"), "awards.implausible_year",
                                value=clean(raw["year"]), cell=where(r, "year"), first=FIRST_YEAR, last=max_year)
                    year, period = None, None

        # level (closed list); when blank, the form may say it ("CSTĐ cấp tỉnh")
        level = normalise_level(raw["level"]) if not is_blank(raw["level"]) else None
        if level is None:
            inferred = None
            if is_blank(raw["level"]):
                inferred = normalise_level(form_text)
                if inferred == OTHER_LEVEL:
                    inferred = None
            if inferred is not None:
                level = inferred
            else:
                level = OTHER_LEVEL
                found = (phrase("awards.found_unknown", value=clean(raw["level"]))
                         if not is_blank(raw["level"]) else phrase("awards.found_blank"))
                allowed = ", ".join(f"“{lv}”" for lv in AWARD_LEVELS if lv != OTHER_LEVEL)
                log.warning(file, name, where(r, "level"), "awards.unknown_level", cell=where(r, "level"),
                            found=found, allowed=allowed, other=Value(OTHER_LEVEL))

        # recipient type (closed list); when blank, some forms imply it
        recipient = normalise_recipient(raw["recipient_type"]) if not is_blank(raw["recipient_type"]) else None
        implied = (COLLECTIVE if form in COLLECTIVE_FORMS else INDIVIDUAL if form in INDIVIDUAL_FORMS
                   else None)
        if recipient is None:
            if is_blank(raw["recipient_type"]) and implied:
                recipient = implied
            else:
                found = (phrase("awards.found_unknown", value=clean(raw["recipient_type"]))
                         if not is_blank(raw["recipient_type"]) else phrase("awards.found_blank"))
                log.warning(file, name, where(r, "recipient_type"), "awards.unknown_recipient",
                            cell=where(r, "recipient_type"), found=found, collective=Value(COLLECTIVE),
                            individual=Value(INDIVIDUAL))
                recipient = implied or ""
        elif implied and recipient != implied:
            log.warning(file, name, where(r, "recipient_type"), "awards.recipient_mismatch", form=form,
                        implied=phrase(f"awards.for_{'collective' if implied == COLLECTIVE else 'individual'}"),
                        cell=where(r, "recipient_type"), value=clean(raw["recipient_type"]))

        # count: int ≥ 1, blank → 1
        count = 1
        if not is_blank(raw["count"]):
            number = _leading_number(raw["count"])
            if number is None or not math.isfinite(number):
                log.warning(file, name, where(r, "count"), "awards.count_not_a_number",
                            value=clean(raw["count"]), cell=where(r, "count"))
            elif number <= 0:
                kind = phrase("awards.negative" if number < 0 else "awards.zero")
                log.warning(file, name, where(r, "count"), "awards.count_not_positive",
                            value=clean(raw["count"]), cell=where(r, "count"), kind=kind, row=r + 1)
                continue
            elif not float(number).is_integer():
                count = max(1, round(number))
                log.warning(file, name, where(r, "count"), "awards.count_rounded",
                            value=clean(raw["count"]), cell=where(r, "count"), count=count)
            else:
                count = int(number)

        awards.append(Award(year=year, form=form, level=level, recipient_type=recipient,
                            count=count, note=clean(raw["note"]), period=period))
    return tuple(awards)


_LEADING = re.compile(r"^\s*([+-]?\d[\d.,]*)\s*[^\d]*$")


def _leading_number(value: object) -> float | None:
    """3, '3', '03', '5 cá nhân' → the number; None otherwise."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    match = _LEADING.match(clean(value))
    return parse_number(match.group(1)) if match else None


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> tuple[Award, ...]:
    """Every sheet of the domain read in order, as one tuple."""
    return tuple(item for sheet, header in pairs for item in parse_awards(sheet, header, log))


SPEC = DomainSpec(key="awards", name="domain_awards", parse=parse_sheets, schemas=(AWARDS,))
