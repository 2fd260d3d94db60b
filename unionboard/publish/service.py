"""The publish service: check the uploaded files once, summarise, hand the store what to persist.

`check_upload(files)` runs the loader once over the distinct files; the loader records which
(file, sheet) supplied each domain — the union's info sheet included — so what each file supplies is
read from that record, never by checking a file again. `publish_upload(checked, store, ...)` builds
the store's `Batch` (the files that supply data, their domains, the check's summary) and asks the
store to persist it. A page that showed a preview passes the preview's `Checked` on: the click checks
nothing again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from unionboard.analysis.metrics import summary
from unionboard.core.issues import make_issue
from unionboard.core.models import CheckResult, SourceFile, UnionInfo
from unionboard.domains.loader import INFO_DOMAIN, check_files
from unionboard.store.records import Batch
from unionboard.store.versions import Store


@dataclass(frozen=True, eq=False)
class Checked:
    """Uploaded files checked once: the distinct files (exact repeats dropped) and their check."""

    files: tuple[SourceFile, ...]
    result: CheckResult

    def supplied(self) -> dict[str, frozenset[str]]:
        """file name → the domains ("info" included) it supplied, from the loader's (file, sheet) record."""
        out: dict[str, set[str]] = {f.name: set() for f in self.files}
        for domain, places in self.result.sheets.items():
            for file, _sheet in places:
                out.setdefault(file, set()).add(domain)
        if self.result.dataset.info == UnionInfo():  # info sheets whose keys left nothing: no info
            for domains in out.values():
                domains.discard(INFO_DOMAIN)
        return {name: frozenset(domains) for name, domains in out.items()}


@dataclass(frozen=True, eq=False)
class PublishOutcome:
    """What a publish did.

    reason: "created" (new version), "identical" (same data as the current version: nothing
    created, version_id is the current id), "errors" (the check found errors: nothing stored),
    "stale" (expected_current differs from the current id: nothing stored, recompute the
    preview), "empty" (no file supplied any data).
    """

    version_id: int | None
    created: bool
    result: CheckResult
    reason: str
    current_id: int | None = None  # the current version id after the operation

    @property
    def stale(self) -> bool:
        """Whether another version was published since the preview."""
        return self.reason == "stale"

    @property
    def ok(self) -> bool:
        """Whether the data is now the current version (created, or identical to it)."""
        return self.reason in ("created", "identical")


def _distinct(files: Sequence[SourceFile]) -> tuple[list[SourceFile], str | None]:
    """The files without exact repeats, and the name of two different files sharing a name (if any)."""
    uploads: list[SourceFile] = []
    by_name: dict[str, SourceFile] = {}
    duplicate: str | None = None
    for f in files:
        seen = by_name.get(f.name)
        if seen is None:
            by_name[f.name] = f
            uploads.append(f)
        elif seen.data != f.data:
            duplicate = f.name
    return uploads, duplicate


def distinct_files(files: Sequence[SourceFile]) -> tuple[SourceFile, ...]:
    """The files a publish stores: each distinct upload once, in upload order (exact repeats dropped)."""
    return tuple(_distinct(files)[0])


def check_upload(files: Sequence[SourceFile], result: CheckResult | None = None) -> Checked:
    """Check the files together, once. `result`: the caller's own check_files of exactly `files`
    (a preview's), reused when the files hold no repeated name; otherwise the files are checked here."""
    uploads, duplicate = _distinct(files)
    if result is None or len(uploads) != len(files):
        result = check_files(uploads)
    if duplicate is not None:
        issue = make_issue("error", duplicate, None, None, "store.same_name")
        result = dataclasses.replace(result, issues=(*result.issues, issue))
    return Checked(tuple(uploads), result)


def publish_upload(checked: Checked, store: Store, by: str, comment: str = "",
                    expected_current: int | None = None) -> PublishOutcome:
    """Persist checked files as the new current version when the check found no error.

    Only the domains the files supply are replaced; the others carry over from the current version.
    `expected_current`: the current id the preview was made against (0: nothing published yet);
    when it changed meanwhile nothing is stored and the reason is "stale". None: don't check.
    """
    result = checked.result
    if not result.ok:
        return PublishOutcome(None, False, result, "errors", store.current_id())
    supplied = checked.supplied()
    files = tuple(f for f in checked.files if supplied[f.name])
    if not files:
        return PublishOutcome(None, False, result, "empty", store.current_id())
    batch = Batch(files=files, domains={f.name: supplied[f.name] for f in files}, summary=summary(result))
    done = store.persist(batch, by=by, comment=comment, expected_current=expected_current)
    return PublishOutcome(done.version_id, done.reason == "created", result, done.reason, done.current_id)


def publish_files(store: Store, files: Sequence[SourceFile], by: str, comment: str = "",
                  expected_current: int | None = None) -> PublishOutcome:
    """Check `files` together once and, if there is no error, store them as the new current version."""
    return publish_upload(check_upload(files), store, by=by, comment=comment, expected_current=expected_current)
