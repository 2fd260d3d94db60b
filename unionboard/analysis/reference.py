"""Ages by one reference date per data set: the one rule every page, slide and document follows.

The reference date is, in this order:

1. the congress date, when the data has it (`UnionInfo.congress_date`, once the info form holds it)
   and it is not in the future;
2. the end of the reporting period, when the caller knows it (`period_end`) and it is not in the future;
3. 31/12 of the reported term's last year ("2012–2017" → 31/12/2017) when that day has passed;
4. 31/12 of the last year the data holds figures for (finance, term-target results, awards);
5. 31/12 of the last complete year.

Never a date in the future (a term "2023–2028" read in 2026 does not give ages in 2028) and never
"today" (figures would change from one day to the next). Ages are whole years: the reference year
minus the birth year (the roster keeps birth years only). Every output states the date it used.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from unionboard.analysis.period import default_for, reference_end
from unionboard.core import i18n
from unionboard.core.models import Dataset
from unionboard.core.period import WHOLE_TERM, parse_date

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
SOURCES = ("congress", "period_end", "term_end", "data_year", "last_year")


@dataclass(frozen=True)
class AgeReference:
    """The day ages are counted at and why that day (one of `SOURCES`)."""

    date: dt.date
    source: str

    @property
    def year(self) -> int:
        """The year ages are counted in."""
        return self.date.year

    def age(self, birth_year: int) -> int:
        """A member's age in whole years at the reference date, from the birth year."""
        return self.year - int(birth_year)

    def text(self, lang: str = "vi") -> str:
        """'Tuổi tính đến 31/12/2017 (cuối nhiệm kỳ báo cáo)': the sentence every age figure carries."""
        return i18n.t("ageref.as_of", lang, date=self.day(lang), why=i18n.t(f"ageref.source_{self.source}", lang))

    def suffix(self, lang: str = "vi") -> str:
        """' (tính đến 31/12/2017)': what a sentence or title with an age figure ends with."""
        return i18n.t("ageref.suffix", lang, date=self.day(lang))

    def day(self, lang: str = "vi") -> str:
        """The date as written in `lang`: '31/12/2017' (vi), '31 December 2017' (en)."""
        if lang == "vi":
            return f"{self.date.day:02d}/{self.date.month:02d}/{self.date.year}"
        return f"{self.date.day} {_MONTHS_EN[self.date.month - 1]} {self.date.year}"


def year_of(reference: AgeReference | int | None) -> int | None:
    """The year of a reference date, or the year itself (callers that pass a plain year)."""
    return reference.year if isinstance(reference, AgeReference) else reference


def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def _term_end_year(dataset: Dataset) -> int | None:
    years = re.findall(r"(?:19|20)\d{2}", dataset.info.reported_term or "")
    return int(years[-1]) if years else None


def data_years(dataset: Dataset) -> list[int]:
    """The years the data holds figures for (finance, term-target results, awards), ascending."""
    years: set[int] = set()
    if dataset.finance is not None:
        years.update(int(y) for y in dataset.finance.years)
    for target in dataset.term_targets or ():
        years.update(int(y) for y, v in getattr(target, "results", {}).items() if str(v or "").strip())
    years.update(int(a.year) for a in dataset.awards or () if a.year is not None)
    return sorted(years)


def age_reference(dataset: Dataset, period_end: dt.date | None = None,
                  today: dt.date | None = None) -> AgeReference:
    """The one reference date for ages in `dataset` (see the module's rule); `today` only for tests.

    Without an explicit `period_end`, the end of the data set's reporting period is taken
    (`analysis.period.reference_end`: the congress day when the period is the whole term it closes).
    """
    today = today or dt.date.today()
    raw = getattr(dataset.info, "congress_date", None)
    congress = raw if isinstance(raw, dt.date) else parse_date(str(raw or ""))
    end = period_end if period_end is not None else reference_end(dataset)
    # the congress that closes the period (held in its last year or after it), not an earlier one
    if congress is not None and congress <= today and (end is None or congress.year >= end.year):
        return AgeReference(congress, "congress")
    if end is not None and end <= today:
        whole_term = period_end is None and (dataset.period or default_for(dataset)) is not None \
            and (dataset.period or default_for(dataset)).kind == WHOLE_TERM
        return AgeReference(end, "term_end" if whole_term else "period_end")
    term_end = _term_end_year(dataset)
    if term_end is not None and _year_end(term_end) <= today:
        return AgeReference(_year_end(term_end), "term_end")
    past = [y for y in data_years(dataset) if _year_end(y) <= today]
    if past:
        return AgeReference(_year_end(past[-1]), "data_year")
    return AgeReference(_year_end(today.year - 1), "last_year")
