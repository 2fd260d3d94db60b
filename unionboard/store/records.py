"""What the store takes and gives back: the batch a publish hands it, versions, events, stored files, errors.

Errors carry a catalogue code (`core/i18n/publish.py`) and its parameters: `str(error)` is the
Vietnamese text (the command line's), `error.text(lang)` the page's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from unionboard.core.i18n import t
from unionboard.core.models import SourceFile
from unionboard.domains import registry
from unionboard.domains.loader import INFO_DOMAIN

ACTIONS = ("publish", "rollback", "edit")
FAULT_STAGES = ("files", "version", "pointer")


def store_domains() -> tuple[str, ...]:
    """What a stored version may hold: every registered domain, then the union's info."""
    return (*registry.domain_keys(), INFO_DOMAIN)


class StoreError(Exception):
    """A store operation the caller asked for cannot be done; `code` is a catalogue key (nothing was changed)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(t(code, "vi", **params))
        self.code, self.params = code, params

    def text(self, lang: str) -> str:
        """The message in `lang`."""
        return t(self.code, lang, **self.params)


class UnknownVersion(StoreError, LookupError):
    """No version with that id."""

    def __init__(self, version_id: int) -> None:
        super().__init__("store.unknown_version", id=version_id)
        self.version_id = version_id


class StaleVersion(StoreError):
    """The current version changed since the caller looked (its preview is stale)."""

    def __init__(self, expected: int | None, current: int | None) -> None:
        super().__init__("store.stale_version", expected=expected, current=current)
        self.expected, self.current = expected, current


class InjectedFault(RuntimeError):
    """Raised by `Store(fail_after=stage)` to simulate a crash in the middle of a publish."""


@dataclass(frozen=True)
class Batch:
    """What a publish hands the store: the files that supply data (distinct names, in upload order),
    the domains each supplies (file name → domains, "info" included) and the check's summary."""

    files: tuple[SourceFile, ...]
    domains: Mapping[str, frozenset[str]]
    summary: dict

    def replaced(self) -> set[str]:
        """Every domain the batch supplies (the others carry over from the current version)."""
        return set().union(*(self.domains[f.name] for f in self.files))


@dataclass(frozen=True)
class Persisted:
    """What `Store.persist` did.

    reason: "created" (new version), "identical" (same data as the current version: nothing
    created, version_id is the current id), "stale" (expected_current differs from the current id:
    nothing stored, recompute the preview).
    """

    version_id: int | None
    reason: str
    current_id: int | None  # the current version id after the operation


@dataclass(frozen=True)
class VersionInfo:
    """One row of the history. `files` are the names of the files uploaded in that version."""

    id: int
    created_at: str  # ISO 8601, UTC
    by: str
    comment: str
    sha256: str
    current: bool
    files: list[str]
    action: str
    parent_id: int | None = None
    domains: dict[str, list[str]] = field(default_factory=dict)  # domain → file names

    def to_dict(self) -> dict:
        """The `history --json` object (stable keys: id, created_at, by, comment, sha256, current, files)."""
        return {"id": self.id, "created_at": self.created_at, "by": self.by, "comment": self.comment,
                "sha256": self.sha256, "current": self.current, "files": list(self.files),
                "action": self.action, "parent_id": self.parent_id,
                "domains": {k: list(v) for k, v in self.domains.items()}}


@dataclass(frozen=True)
class EventInfo:
    """A recorded pointer move (rollback)."""

    id: int
    created_at: str
    by: str
    action: str
    from_version: int | None
    to_version: int | None
    comment: str = ""


@dataclass(frozen=True)
class SnapshotFile:
    """A stored file of a version and the domains it supplies there."""

    file: SourceFile
    domains: frozenset[str]
    has_info: bool
    uploaded: bool


def unique_names(names: list[str]) -> list[str]:
    """Make names unique ("a.xlsx", "a (2).xlsx") — check_files keys `only_domains` by name."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            stem, dot, ext = name.rpartition(".")
            candidate = f"{stem} ({n}).{ext}" if dot and stem else f"{name} ({n})"
        seen.add(candidate)
        out.append(candidate)
    return out


def merge_summary(parent: dict | None, new: dict, replaced: set[str]) -> dict:
    """The new version's summary: replaced domains from `new`, the others from the parent."""
    out = dict(new)
    if parent:
        for key, value in parent.items():
            if key in store_domains() and key not in replaced:
                out[key] = value
    return out
