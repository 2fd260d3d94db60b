"""Views of a data set: a year range, and roster filters by department, gender and name."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from unionboard.core.models import Dataset, Finance, Roster
from unionboard.core.text import fold


def dataset_years(dataset: Dataset) -> tuple[int, ...]:
    """Every year that finance, awards or budget mention, sorted."""
    years: set[int] = set()
    if dataset.finance is not None:
        years.update(dataset.finance.years)
    if dataset.awards:
        years.update(a.year for a in dataset.awards if a.year is not None)
    return tuple(sorted(years))


def finance_in_years(finance: Finance, start: int, end: int) -> Finance:
    """Finance restricted to [start, end]; the opening balance carries the years before `start`."""
    before = sum((e.amount if e.side == "revenue" else -e.amount)
                 for e in finance.entries if e.year < start)
    entries = tuple(e for e in finance.entries if start <= e.year <= end)
    written = finance.written_closing_balance if end >= max(finance.years, default=end) else None
    return Finance(entries=entries, opening_balance=finance.opening_balance + before,
                   written_closing_balance=written,
                   balances=tuple(b for b in finance.balances if start <= b.year <= end))


def dataset_in_years(dataset: Dataset, start: int, end: int) -> Dataset:
    """The data set seen through a year range (members and targets are not yearly and stay whole)."""
    finance = finance_in_years(dataset.finance, start, end) if dataset.finance is not None else None
    awards = (tuple(a for a in dataset.awards if a.year is None or start <= a.year <= end)
              if dataset.awards is not None else None)
    return replace(dataset, finance=finance, awards=awards)


def folded_names(roster: Roster) -> pd.Series:
    """Every member's name folded for search (computed once per data set by the UI's cache)."""
    return roster.frame["name"].map(fold)


def filter_roster(roster: Roster, departments: list[str] | None = None, genders: list[str] | None = None,
                  query: str = "", folded: pd.Series | None = None) -> pd.DataFrame:
    """Rows of the roster matching the filters (empty lists mean no filter); name search ignores diacritics.

    `folded` is `folded_names` of the whole roster (same index), to avoid folding every name per search.
    """
    frame = roster.frame
    mask = pd.Series(True, index=frame.index)
    if departments:
        mask &= frame["department"].isin(departments)
    if genders:
        mask &= frame["gender"].isin(genders)
    if query.strip():
        needle = fold(query)
        names = folded.reindex(frame.index) if folded is not None else frame["name"].map(fold)
        mask &= names.str.contains(needle, regex=False)
    return frame[mask]
