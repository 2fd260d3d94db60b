"""A first publish that lacks some domains: the sample's files for them, renamed so they stay labelled as sample.

The union's own information (name, congress, term) is never taken from the sample: another union's
name on a real data set would be wrong, where an empty one is only incomplete.
"""

from __future__ import annotations

import functools

from unionboard.core.models import CheckResult, SourceFile
from unionboard.domains.loader import check_files
from unionboard.sample.report import sample_paths

SAMPLE_PREFIX = "du-lieu-mau-"  # a stored file of this name came from the bundled sample, not the union


@functools.cache
def _sample() -> tuple[tuple[SourceFile, ...], CheckResult]:
    files = tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())
    return files, check_files(files)


def missing_domains(uploaded: CheckResult) -> tuple[str, ...]:
    """The sample's domains that the uploaded files do not supply."""
    _, sample = _sample()
    return tuple(d for d in sample.dataset.domains() if d not in uploaded.dataset.domains())


def sample_files_for(domains: tuple[str, ...]) -> tuple[SourceFile, ...]:
    """The sample files supplying `domains`, each renamed `du-lieu-mau-<name>` (the label that survives
    in the store, the history and every issue's location)."""
    files, sample = _sample()
    names = {sample.sources[d] for d in domains if d in sample.sources}
    return tuple(SourceFile(SAMPLE_PREFIX + f.name, f.data) for f in files if f.name in names)


def sample_domains(result: CheckResult) -> tuple[str, ...]:
    """The domains of a (published) result that still come from the sample's files."""
    return tuple(d for d, name in result.sources.items() if str(name).startswith(SAMPLE_PREFIX))
