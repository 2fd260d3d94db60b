"""A first publish that lacks some domains: the sample's files for them, renamed so they stay labelled as sample.

The union's own information (name, congress, term: the "Thông tin" sheet) is listed among the missing parts
like any domain (`INFO`): without it titles and documents lose the union's name and term ("CÔNG ĐOÀN CƠ
SỞ"). Kept, it is the sample's, labelled as such on every page like the rest, until the union's own is uploaded.
"""

from __future__ import annotations

import functools

from unionboard.core.models import CheckResult, SourceFile, UnionInfo
from unionboard.domains.loader import INFO_DOMAIN, check_files
from unionboard.sample.report import sample_paths

SAMPLE_PREFIX = "du-lieu-mau-"  # a stored file of this name came from the bundled sample, not the union
INFO = INFO_DOMAIN  # the union's information (the "Thông tin" sheet), offered and labelled like a domain


@functools.cache
def _sample() -> tuple[tuple[SourceFile, ...], CheckResult]:
    files = tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())
    return files, check_files(files)


def missing_domains(uploaded: CheckResult) -> tuple[str, ...]:
    """The sample's domains that the uploaded files do not supply, then `INFO` when they hold no union info."""
    _, sample = _sample()
    missing = tuple(d for d in sample.dataset.domains() if d not in uploaded.dataset.domains())
    return (*missing, INFO) if uploaded.dataset.info == UnionInfo() else missing


def _info_file_names() -> frozenset[str]:
    """The sample's files that hold the union's information (the loader's record of its info sheets)."""
    _, sample = _sample()
    return frozenset(file for file, _sheet in sample.sheets.get(INFO, ()))


def sample_files_for(domains: tuple[str, ...]) -> tuple[SourceFile, ...]:
    """The sample files supplying `domains` (`INFO`: the information sheet's), each renamed
    `du-lieu-mau-<name>` (the label that survives in the store, the history and every issue's location)."""
    files, sample = _sample()
    names = {sample.sources[d] for d in domains if d in sample.sources}
    if INFO in domains:
        names |= _info_file_names()
    return tuple(SourceFile(SAMPLE_PREFIX + f.name, f.data) for f in files if f.name in names)


def sample_domains(result: CheckResult) -> tuple[str, ...]:
    """The domains of a (published) result that still come from the sample's files (`INFO` last when its
    union information is the sample's, kept from a sample file)."""
    found = tuple(d for d, name in result.sources.items() if str(name).startswith(SAMPLE_PREFIX))
    _, sample = _sample()
    if found and result.dataset.info != UnionInfo() and result.dataset.info == sample.dataset.info:
        found = (*found, INFO)
    return found
