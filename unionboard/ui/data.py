"""Cached data access for the pages: the sample data or the current published version, checked once per content hash."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ..filters import dataset_in_years, dataset_years
from ..loader import check_files
from ..models import CheckResult, Dataset, SourceFile
from ..sample import sample_paths


@dataclass(frozen=True, eq=False)
class DataSource:
    """Where the shown data comes from."""

    key: str  # "sample" | "current"
    files: tuple[SourceFile, ...]
    only_domains: dict[str, set[str]] | None = None
    version: object | None = None  # store.VersionInfo for the current version

    @property
    def cache_key(self) -> tuple:
        domains = tuple(sorted((k, tuple(sorted(v))) for k, v in (self.only_domains or {}).items()))
        return (tuple(f.sha256 for f in self.files), domains)


@dataclass(frozen=True, eq=False)
class View:
    """What every page renders: the checked result, the year-filtered data set and the display language."""

    lang: str
    source: DataSource
    result: CheckResult
    dataset: Dataset
    years: tuple[int, ...]
    year_range: tuple[int, int] | None

    @property
    def is_sample(self) -> bool:
        return self.source.key == "sample"


@st.cache_data(show_spinner=False, max_entries=16)
def _checked(cache_key: tuple, _files: tuple[SourceFile, ...],
             _only: dict[str, set[str]] | None) -> CheckResult:
    """check_files, cached on the files' sha256 (the underscored arguments are not hashed)."""
    return check_files(_files, only_domains=_only)


def checked(source: DataSource) -> CheckResult:
    return _checked(source.cache_key, source.files, source.only_domains)


@st.cache_data(show_spinner=False)
def _sample_bytes() -> tuple[SourceFile, ...]:
    return tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())


def sample_source() -> DataSource:
    return DataSource(key="sample", files=_sample_bytes())


def current_source() -> DataSource | None:
    """The published current version, or None when nothing was published (or no store yet)."""
    try:
        from ..store import open_store
    except ModuleNotFoundError:
        return None
    store = open_store()
    version = store.current_version()
    if version is None:
        return None
    domain_files = store.domain_files(version.id)
    files: dict[str, SourceFile] = {}
    only: dict[str, set[str]] = {}
    for domain, source in domain_files.items():
        files.setdefault(source.sha256, source)
        only.setdefault(source.name, set()).add(domain)
    return DataSource(key="current", files=tuple(files.values()), only_domains=only, version=version)


def build_view(lang: str, source: DataSource, year_range: tuple[int, int] | None) -> View:
    result = checked(source)
    years = dataset_years(result.dataset)
    dataset = result.dataset
    if year_range and years:
        dataset = dataset_in_years(dataset, *year_range)
    return View(lang=lang, source=source, result=result, dataset=dataset, years=years,
                year_range=year_range)


def get_view() -> View:
    """The view app.py prepared for this run (pages call this)."""
    return st.session_state["_view"]
