"""Reporting periods — one year, the term so far, the whole term — and the one label each is shown with.

A term "2023–2028" is opened by one congress and closed by the next. Its figures cover the years
a+1..b when the data has no year a (the report of the term 2012–2017 covers 2013–2017: its congress
sat in 2012 and that year was reported by the term before), and a..b when the data has year a (a
union whose congress sat early in 2023 reports 2023 in the new term). Years after the last year
with data are "not reached yet" ("chưa đến"), never late.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from unionboard.core.i18n import t

YEAR, TERM_SO_FAR, WHOLE_TERM, SPAN = "year", "term_so_far", "whole_term", "span"
PERIOD_KINDS = (YEAR, TERM_SO_FAR, WHOLE_TERM, SPAN)  # SPAN: every year of the data, no term known

# Kinds of grassroots union (Điều lệ Công đoàn Việt Nam 2023, Điều 15: công đoàn cơ sở in cơ quan,
# đơn vị sự nghiệp, doanh nghiệp, hợp tác xã and other organisations); catalogue "union_kind.<key>".
AGENCY, ENTERPRISE, COOPERATIVE, OTHER = "agency", "enterprise", "cooperative", "other"
UNION_KINDS = (AGENCY, ENTERPRISE, COOPERATIVE, OTHER)


def parse_term(text: str) -> tuple[int, int] | None:
    """'2017–2022' / '2017 - 2022' → (2017, 2022); None when there are not two rising years."""
    years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", text or "")]
    if len(years) >= 2 and years[0] < years[1]:
        return years[0], years[1]
    return None


def term_text(term: tuple[int, int]) -> str:
    """(2023, 2028) → '2023–2028' (en dash, as the report writes it)."""
    return f"{term[0]}–{term[1]}"


def parse_date(text: str) -> dt.date | None:
    """'2023-03-15', '2023-03-15 00:00:00' or '15/03/2023' → a date; None when it is not one."""
    text = (text or "").strip()
    iso = re.fullmatch(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", text)
    vn = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})", text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if vn:
            return dt.date(int(vn[3]), int(vn[2]), int(vn[1]))
    except ValueError:
        return None
    return None


def term_years(term: tuple[int, int], data_years: Iterable[int] = ()) -> tuple[int, ...]:
    """The years a term's figures cover: a..b when the data has year a, else a+1..b (module doc)."""
    first = term[0] if term[0] in set(data_years) else term[0] + 1
    return tuple(range(first, term[1] + 1))


@dataclass(frozen=True)
class ReportingPeriod:
    """What the figures are cut to: `years` in order; `term` when the period is a term's (or in one)."""

    kind: str
    years: tuple[int, ...]
    term: tuple[int, int] | None = None

    @property
    def first(self) -> int:
        """The first year of the period."""
        return self.years[0]

    @property
    def last(self) -> int:
        """The last year of the period."""
        return self.years[-1]

    @property
    def key(self) -> str:
        """A stable text key ('year:2025', 'term_so_far:2023-2025', ...) for widgets and file names."""
        return f"{self.kind}:{self.first}-{self.last}"


def _phrase(form: str, period: ReportingPeriod | None, lang: str) -> str:
    """The period in one of its two catalogue forms: "label" (a title) or "short" (inside a sentence)."""
    if period is None or not period.years:
        return t(f"period.{form}_none", lang)
    if period.kind == YEAR:
        return t(f"period.{form}_year", lang, year=period.first)
    if period.kind == TERM_SO_FAR and period.term is not None:
        return t(f"period.{form}_term_so_far", lang, term=term_text(period.term), year=period.last)
    if period.kind == WHOLE_TERM and period.term is not None:
        return t(f"period.{form}_whole_term", lang, term=term_text(period.term))
    span = str(period.first) if period.first == period.last else f"{period.first}–{period.last}"
    return t(f"period.{form}_span", lang, span=span, first=period.first, last=period.last)


def label(period: ReportingPeriod | None, lang: str = "vi") -> str:
    """The one label of a period: 'Báo cáo năm 2025', 'Nhiệm kỳ 2023–2028, đến năm 2025', ..."""
    return _phrase("label", period, lang)


def short_label(period: ReportingPeriod | None, lang: str = "vi") -> str:
    """The period inside a sentence: 'năm 2025', 'nhiệm kỳ 2023–2028 (đến năm 2025)', 'cả nhiệm kỳ 2012–2017'."""
    return _phrase("short", period, lang)


def current_term(reported_term: str, next_term: str, data_years: Iterable[int]) -> tuple[int, int] | None:
    """The term the figures belong to: the reported term; else a 'next' term that already holds the data."""
    term = parse_term(reported_term)
    if term is not None:
        return term
    term = parse_term(next_term)
    years = tuple(data_years)
    if term is not None and years and term[0] <= years[-1] <= term[1]:
        return term
    return None


def periods(term: tuple[int, int] | None, data_years: Iterable[int]) -> list[ReportingPeriod]:
    """The periods one can choose: the whole term, the term so far (mid-term), then each year with data."""
    years = tuple(sorted(set(data_years)))
    out: list[ReportingPeriod] = []
    if term is not None:
        covered = term_years(term, years)
        reached = [y for y in years if covered[0] <= y <= covered[-1]]
        out.append(ReportingPeriod(WHOLE_TERM, covered, term))
        if reached and reached[-1] < covered[-1]:
            out.append(ReportingPeriod(TERM_SO_FAR, tuple(range(covered[0], reached[-1] + 1)), term))
    elif years:
        out.append(ReportingPeriod(SPAN, tuple(range(years[0], years[-1] + 1))))
    out.extend(ReportingPeriod(YEAR, (y,), term if term and term[0] <= y <= term[1] else None)
               for y in reversed(years))
    return out


def default_period(options: list[ReportingPeriod]) -> ReportingPeriod | None:
    """The term so far when the term is not over, else the whole term (or every year): the first wider option."""
    wide = [p for p in options if p.kind != YEAR]
    so_far = [p for p in wide if p.kind == TERM_SO_FAR]
    if so_far:
        return so_far[0]
    return wide[0] if wide else (options[0] if options else None)


def reached_year(period: ReportingPeriod | None, data_years: Iterable[int]) -> int | None:
    """The last year the figures reach within the period: later years are 'chưa đến' (not reached)."""
    years = [y for y in data_years if period is None or y <= period.last]
    return max(years) if years else None


def period_end(period: ReportingPeriod | None, congress_date: str = "") -> dt.date | None:
    """The day a period ends: the congress day when it closes the whole term, else 31 December of its last year.

    A reference date for ages ("tuổi tính đến …") can be taken from here.
    """
    if period is None or not period.years:
        return None
    day = parse_date(congress_date)
    if period.kind == WHOLE_TERM and day is not None and period.term is not None and day.year >= period.term[1]:
        return day
    return dt.date(period.last, 12, 31)


__all__ = ["ReportingPeriod", "parse_term", "term_text", "parse_date", "term_years", "label", "short_label",
           "current_term", "periods", "default_period", "reached_year", "period_end", "PERIOD_KINDS",
           "UNION_KINDS", "YEAR", "TERM_SO_FAR", "WHOLE_TERM", "SPAN", "AGENCY", "ENTERPRISE",
           "COOPERATIVE", "OTHER"]
