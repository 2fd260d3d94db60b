"""The data set seen through a reporting period: which periods a data set offers, and the data cut to one."""

from __future__ import annotations

from dataclasses import replace

from unionboard.analysis.filters import dataset_in_years, dataset_years
from unionboard.core.i18n import t
from unionboard.core.models import Dataset, UnionInfo
from unionboard.core.period import (
    TERM_SO_FAR,
    UNION_KINDS,
    WHOLE_TERM,
    YEAR,
    ReportingPeriod,
    current_term,
    default_period,
    label,
    parse_date,
    parse_term,
    period_end,
    periods,
    short_label,
    term_text,
)

INFO_FORM_FIELDS = ("name", "kind", "upper_union", "congress", "reported_term", "next_term", "congress_date")


def union_term(dataset: Dataset) -> tuple[int, int] | None:
    """The term the data set's figures belong to (core.period.current_term)."""
    return current_term(dataset.info.reported_term, dataset.info.next_term, dataset_years(dataset))


def period_options(dataset: Dataset) -> list[ReportingPeriod]:
    """Every period the data set can be reported over: whole term, term so far, each year with data."""
    return periods(union_term(dataset), dataset_years(dataset))


def default_for(dataset: Dataset) -> ReportingPeriod | None:
    """The period shown before one is chosen: the term so far mid-term, else the whole term."""
    return default_period(period_options(dataset))


def in_period(dataset: Dataset, period: ReportingPeriod | None) -> Dataset:
    """The data set cut to the period's years, carrying the period (every title and sentence reads it)."""
    if period is None or not period.years:
        return dataset
    return replace(dataset_in_years(dataset, period.first, period.last), period=period)


def has_yearly_data(dataset: Dataset) -> bool:
    """Whether the (cut) data set holds any finance entry or dated award: else the period has no data."""
    finance = dataset.finance is not None and bool(dataset.finance.entries)
    return finance or any(a.year is not None for a in dataset.awards or ())


def period_label(dataset: Dataset, lang: str = "vi") -> str:
    """The label of the data set's period (its default period when it was not cut)."""
    return label(dataset.period if dataset.period is not None else default_for(dataset), lang)


def reference_end(dataset: Dataset):  # noqa: ANN201 - a datetime.date or None
    """The day the data set's period ends (the congress day for a whole term when known): for ages."""
    period = dataset.period if dataset.period is not None else default_for(dataset)
    return period_end(period, dataset.info.congress_date)


def period_within(dataset: Dataset, lang: str = "vi") -> str:
    """The period inside a sentence ('cả nhiệm kỳ', 'năm 2025', ...): "Tổng thu {within} …"."""
    return short_label(dataset.period if dataset.period is not None else default_for(dataset), lang)



def info_from_form(fields: dict[str, str], lang: str = "vi") -> tuple[UnionInfo | None, list[str]]:
    """The committee's info form as a UnionInfo, or None and the sentences saying what cannot be read.

    Terms are written "2023–2028" (en dash), a congress date as ISO; blank fields stay blank.
    """
    values = {k: " ".join(str(fields.get(k) or "").split()) for k in INFO_FORM_FIELDS}
    errors = []
    for key in ("reported_term", "next_term"):
        if values[key]:
            term = parse_term(values[key])
            if term is None:
                errors.append(t("info_form.bad_term", lang, value=values[key]))
            else:
                values[key] = term_text(term)
    if values["congress_date"]:
        day = parse_date(values["congress_date"])
        if day is None:
            errors.append(t("info_form.bad_date", lang, value=values["congress_date"]))
        else:
            values["congress_date"] = day.isoformat()
    if values["kind"] not in UNION_KINDS:
        values["kind"] = ""
    return (None, errors) if errors else (UnionInfo(**values), [])



def find_period(dataset: Dataset, text: str) -> ReportingPeriod | None:
    """A period named on the command line: "" (the default), "whole" / "ca-nhiem-ky", "so-far" /
    "den-nay", or a year ("2025"); None when the data set offers no such period."""
    options = period_options(dataset)
    wanted = (text or "").strip().lower()
    if not wanted:
        return default_for(dataset)
    kinds = {"whole": WHOLE_TERM, "ca-nhiem-ky": WHOLE_TERM, "so-far": TERM_SO_FAR, "den-nay": TERM_SO_FAR}
    if wanted in kinds:
        return next((p for p in options if p.kind == kinds[wanted]), None)
    if wanted.isdigit():
        return next((p for p in options if p.kind == YEAR and p.first == int(wanted)), None)
    return None


__all__ = ["union_term", "period_options", "default_for", "in_period", "has_yearly_data", "period_label",
           "reference_end", "period_within",
           "info_from_form", "INFO_FORM_FIELDS", "find_period"]
