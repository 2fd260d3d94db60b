"""Cached data access for the pages: the sample data or the current published version, checked once per content hash."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from unionboard.analysis.filters import dataset_in_years, dataset_years
from unionboard.analysis.period import in_period, period_options
from unionboard.core.i18n import t
from unionboard.core.models import CheckResult, Dataset, SourceFile
from unionboard.core.period import ReportingPeriod, default_period, label
from unionboard.domains.loader import check_files
from unionboard.sample.enterprise import enterprise_paths
from unionboard.sample.report import sample_paths
from unionboard.store.records import VersionInfo

QUORUM_KEY = "congress_quorum_pct"  # the quorum threshold (%) chosen on the attendance page
PERSISTENT_KEYS = (QUORUM_KEY,)  # widget settings kept when another page is shown (see app.py)


@dataclass(frozen=True, eq=False)
class DataSource:
    """Where the shown data comes from: the bundled sample files, or a published version of the store."""

    key: str  # "sample" | "enterprise" | "current"
    files: tuple[SourceFile, ...] = ()
    version: VersionInfo | None = None  # the current version, for a published source

    @property
    def cache_key(self) -> tuple:
        """Content hashes: the files' sha256, or the version's (a hash of its domain → file sha256 map)."""
        if self.version is not None:
            return ("version", self.version.id, self.version.sha256)
        return ("files", tuple(f.sha256 for f in self.files))


@dataclass(frozen=True, eq=False)
class View:
    """What every page renders: the checked result, the year-filtered data set and the display language."""

    lang: str
    source: DataSource
    result: CheckResult
    dataset: Dataset
    years: tuple[int, ...]
    year_range: tuple[int, int] | None
    period: ReportingPeriod | None = None  # the reporting period chosen in the sidebar

    @property
    def data_key(self) -> tuple:
        """The content hash and the period: what a cached figure or document of this view depends on."""
        return (*self.source.cache_key, self.period.key if self.period is not None else "")

    @property
    def is_sample(self) -> bool:
        """Whether this is the bundled sample data."""
        return self.source.key == "sample"


@st.cache_data(show_spinner=False, max_entries=16)
def _checked(cache_key: tuple, _source: DataSource) -> CheckResult:
    """The checked data, cached on content hashes (the underscored argument is not hashed)."""
    if _source.version is not None:
        from unionboard.store.versions import open_store

        return open_store().result_of(_source.version.id)
    return check_files(_source.files)


def checked(source: DataSource) -> CheckResult:
    """The checked data of a source (cached per source)."""
    return _checked(source.cache_key, source)


@st.cache_data(show_spinner=False)
def _sample_bytes() -> tuple[SourceFile, ...]:
    return tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())


def sample_source() -> DataSource:
    """The bundled sample data as a source."""
    return DataSource(key="sample", files=_sample_bytes())


@st.cache_data(show_spinner=False)
def _enterprise_bytes() -> tuple[SourceFile, ...]:
    return tuple(SourceFile(p.name, p.read_bytes()) for p in enterprise_paths())


def enterprise_source() -> DataSource:
    """The bundled illustrative enterprise union (2023–2025, today's finance rules) as a source."""
    return DataSource(key="enterprise", files=_enterprise_bytes())


def current_source() -> DataSource | None:
    """The published current version, or None when nothing was published."""
    from unionboard.store.versions import open_store

    version = open_store().current_version()
    return DataSource(key="current", version=version) if version is not None else None


@st.cache_data(show_spinner=False, max_entries=4)
def _folded_names(cache_key: tuple, _roster):
    from unionboard.analysis.filters import folded_names

    return folded_names(_roster)


def folded_names(view: View) -> object:
    """The roster's folded names for search, cached on the data's content hash."""
    return _folded_names(view.source.cache_key, view.result.dataset.members)


def build_view(lang: str, source: DataSource, year_range: tuple[int, int] | None = None,
               period: ReportingPeriod | None = None) -> View:
    """The data shown on a page: checked data cut to the reporting period (or a year range), in `lang`."""
    result = checked(source)
    years = dataset_years(result.dataset)
    dataset = result.dataset
    if period is not None:
        dataset = in_period(dataset, period)
        year_range = (period.first, period.last) if period.years else None
    elif year_range and years:
        dataset = dataset_in_years(dataset, *year_range)
    return View(lang=lang, source=source, result=result, dataset=dataset, years=years,
                year_range=year_range, period=period)


def period_choice(lang: str, source: DataSource) -> ReportingPeriod | None:
    """The sidebar's reporting period: whole term, term so far or one year (the term so far by default
    mid-term, the whole term at its end), kept per data set."""
    options = period_options(checked(source).dataset)
    if not options:
        return None
    by_key = {p.key: p for p in options}
    default = default_period(options)
    key = f"period-{source.cache_key[1] if source.version is not None else source.key}"
    # a radio, not a select box: "Nhiệm kỳ 2023–2028, đến năm 2025" wraps whole in the sidebar
    chosen = st.radio(t("period.sidebar", lang), list(by_key), key=key,
                      index=list(by_key).index(default.key) if default is not None else 0,
                      format_func=lambda k: label(by_key[k], lang), help=t("period.sidebar_help", lang))
    return by_key.get(chosen, default)


def get_view() -> View:
    """The view app.py prepared for this run (pages call this)."""
    return st.session_state["_view"]
