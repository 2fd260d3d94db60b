"""Tests for unionboard.analysis.filters: year ranges and roster filters."""

import pandas as pd

from unionboard.analysis.filters import (
    dataset_in_years,
    filter_roster,
    finance_in_years,
    folded_names,
)
from unionboard.core.models import Dataset, Finance, FinanceEntry, Member, Roster


def roster() -> Roster:
    people = [Member("Nguyễn Văn An", "Nam", 1980, "Văn phòng", "Đại học", "Chưa có", True),
              Member("Trần Thị Đào", "Nữ", 1985, "Thanh tra", "Thạc sỹ", "Cao cấp", False),
              Member("Lê Đức Anh", "Nam", 1990, "Thanh tra", "Đại học", "Trung cấp", True)]
    return Roster.from_members(people)


def test_search_ignores_diacritics_and_case_with_or_without_precomputed_folds():
    r = roster()
    assert list(filter_roster(r, query="DAO")["name"]) == ["Trần Thị Đào"]
    assert list(filter_roster(r, query="van an", folded=folded_names(r))["name"]) == ["Nguyễn Văn An"]
    assert len(filter_roster(r, query="an", folded=folded_names(r))) == 3  # trần, văn an, anh


def test_filters_combine_and_precomputed_folds_follow_the_subset():
    r = roster()
    subset = Roster(frame=filter_roster(r, departments=["Thanh tra"]))
    assert list(filter_roster(subset, genders=["Nam"], query="anh", folded=folded_names(r))["name"]) == ["Lê Đức Anh"]
    assert filter_roster(r, departments=["Không có"]).empty


def test_year_range_carries_earlier_years_into_the_opening_balance():
    finance = Finance(entries=(FinanceEntry("revenue", 2013, "Thu", 100), FinanceEntry("spending", 2013, "Chi", 30),
                               FinanceEntry("revenue", 2014, "Thu", 50), FinanceEntry("spending", 2014, "Chi", 80)),
                      written_closing_balance=40)
    later = finance_in_years(finance, 2014, 2014)
    assert later.opening_balance == 70 and later.years == (2014,)
    assert later.closing_balance == 40 == finance.closing_balance
    first = finance_in_years(finance, 2013, 2013)
    assert first.closing_balance == 70 and first.written_closing_balance is None
    data = dataset_in_years(Dataset(finance=finance), 2014, 2014)
    assert data.finance.total("revenue") == 50
    assert isinstance(folded_names(roster()), pd.Series)
