"""Awards (khen thưởng, thành tích): parse the awards table.

Columns: Năm | Hình thức | Cấp | Đối tượng | Số lượng | Ghi chú. Forms are open-ended (known ones
are normalised, others kept as written); levels and recipient types are closed lists.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from unionboard.core.i18n import Phrase, Value, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import AWARD_LEVELS, RECIPIENT_TYPES, Award
from unionboard.core.text import cell_name, clean, fold, is_blank, parse_number
from unionboard.domains.rows import data_rows
from unionboard.domains.schema import AWARDS, HeaderMatch
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.domains.summaries import awards_summary
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


def parse_year_or_period(value: object) -> tuple[int | None, str | None, Phrase | None]:
    """(year, period, problem) from 2014, '2014', 'Năm 2014', '2011-2013', 'Giai đoạn 2011 - 2013'.

    A period gives its end year and 'start–end' (en dash). `problem` is the reason, a phrase rendered in
    the message's language, when the cell cannot be read.
    """
    if isinstance(value, dt.date):
        return value.year, None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            return int(value), None, None
        return None, None, phrase("awards.year_not_whole")
    text = clean(value)
    match = _PERIOD.search(text)
    if match:
        start, end = int(match.group(1)), match.group(2)
        end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
        if end_year < start:
            return None, None, phrase("awards.year_end_before_start", end=end_year, start=start)
        if end_year == start:
            return start, None, None
        return end_year, f"{start}–{end_year}", None
    years = _YEAR.findall(text)
    if len(years) == 1:
        return int(years[0]), None, None
    number = parse_number(text)
    if number is not None and number.is_integer():
        return int(number), None, None
    return None, None, phrase("awards.year_unreadable")


class _AwardRow:
    """One award row being read: each field is read by its own step, problems logged with the cell."""

    def __init__(self, sheet: Sheet, header: HeaderMatch, row: int, log: IssueLog) -> None:
        self.sheet, self.cols, self.r, self.log = sheet, header.columns, row, log
        self.raw = {key: sheet.value(row, self.cols[key]) if key in self.cols else None
                    for key in ("year", "form", "level", "recipient_type", "count", "note")}

    def where(self, key: str) -> str:
        """The A1 cell of `key` on this row."""
        return cell_name(self.r, self.cols.get(key, 0))

    def warn(self, key: str, code: str, **params: object) -> None:
        """A warning located at the cell of `key`."""
        self.log.warning(self.sheet.file, self.sheet.name, self.where(key), code, **params)

    def year(self, max_year: int) -> tuple[int | None, str | None]:
        """(year, period) — a single year or a period "2011–2013"; (None, None) when unusable."""
        raw = self.raw["year"]
        if is_blank(raw):
            self.warn("year", "awards.no_year", form=clean(self.raw["form"]), row=self.r + 1,
                      cell=self.where("year"))
            return None, None
        year, period, problem = parse_year_or_period(raw)
        if problem:
            self.warn("year", "awards.bad_year", value=clean(raw), cell=self.where("year"), problem=problem)
            return year, period
        start = int(period.split("–")[0]) if period else year
        if year is None or start is None or start < FIRST_YEAR or year > max_year:
            self.warn("year", "awards.implausible_year", value=clean(raw), cell=self.where("year"),
                      first=FIRST_YEAR, last=max_year)
            return None, None
        return year, period

    def level(self) -> str:
        """The level from the closed list; when blank, the form may say it ("CSTĐ cấp tỉnh")."""
        raw = self.raw["level"]
        if not is_blank(raw):
            level = normalise_level(raw)
            if level is not None:
                return level
        else:
            inferred = normalise_level(clean(self.raw["form"]))
            if inferred is not None and inferred != OTHER_LEVEL:
                return inferred
        found = (phrase("awards.found_unknown", value=clean(raw)) if not is_blank(raw)
                 else phrase("awards.found_blank"))
        allowed = ", ".join(f"“{lv}”" for lv in AWARD_LEVELS if lv != OTHER_LEVEL)
        self.warn("level", "awards.unknown_level", cell=self.where("level"), found=found, allowed=allowed,
                  other=Value(OTHER_LEVEL))
        return OTHER_LEVEL

    def recipient(self, form: str) -> str:
        """Tập thể / Cá nhân from the closed list; when blank, some forms imply it."""
        raw = self.raw["recipient_type"]
        recipient = normalise_recipient(raw) if not is_blank(raw) else None
        implied = (COLLECTIVE if form in COLLECTIVE_FORMS else INDIVIDUAL if form in INDIVIDUAL_FORMS
                   else None)
        if recipient is None:
            if is_blank(raw) and implied:
                return implied
            found = (phrase("awards.found_unknown", value=clean(raw)) if not is_blank(raw)
                     else phrase("awards.found_blank"))
            self.warn("recipient_type", "awards.unknown_recipient", cell=self.where("recipient_type"),
                      found=found, collective=Value(COLLECTIVE), individual=Value(INDIVIDUAL))
            return implied or ""
        if implied and recipient != implied:
            self.warn("recipient_type", "awards.recipient_mismatch", form=form,
                      implied=phrase(f"awards.for_{'collective' if implied == COLLECTIVE else 'individual'}"),
                      cell=self.where("recipient_type"), value=clean(raw))
        return recipient

    def count(self) -> int | None:
        """A whole number ≥ 1 (blank → 1); None when the row must be skipped (zero or negative)."""
        raw = self.raw["count"]
        if is_blank(raw):
            return 1
        number = _leading_number(raw)
        if number is None or not math.isfinite(number):
            self.warn("count", "awards.count_not_a_number", value=clean(raw), cell=self.where("count"))
            return 1
        if number <= 0:
            kind = phrase("awards.negative" if number < 0 else "awards.zero")
            self.warn("count", "awards.count_not_positive", value=clean(raw), cell=self.where("count"),
                      kind=kind, row=self.r + 1)
            return None
        if not float(number).is_integer():
            count = max(1, round(number))
            self.warn("count", "awards.count_rounded", value=clean(raw), cell=self.where("count"), count=count)
            return count
        return int(number)


def parse_awards(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[Award, ...]:
    """Every award row, normalised; problems go to `log`, never raised."""
    max_year = dt.date.today().year + 1
    awards: list[Award] = []
    labels = [header.columns[key] for key in ("form", "year") if key in header.columns]
    for r in data_rows(sheet, header.row + 1, labels, log):
        row = _AwardRow(sheet, header, r, log)
        if all(is_blank(v) for v in row.raw.values()):
            continue
        form_text = clean(row.raw["form"])
        if not form_text:
            row.warn("form", "awards.no_form", row=r + 1, cell=row.where("form"))
            continue
        form = normalise_form(form_text)
        year, period = row.year(max_year)
        level = row.level()
        recipient = row.recipient(form)
        count = row.count()
        if count is None:
            continue
        awards.append(Award(year=year, form=form, level=level, recipient_type=recipient,
                            count=count, note=clean(row.raw["note"]), period=period))
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


SPEC = DomainSpec(key="awards", name="domain_awards", parse=parse_sheets, schemas=(AWARDS,),
                  summary=awards_summary)
