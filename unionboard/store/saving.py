"""Publish a workbook written by the planning editor: check it as an upload, then publish through the store."""

from __future__ import annotations

from dataclasses import dataclass

from unionboard.core.models import CheckResult, SourceFile
from unionboard.export.planning import check_export
from unionboard.store.versions import open_store


@dataclass(frozen=True)
class SaveOutcome:
    """What saving did: the check of the written workbook and the store's outcome (None: not sent)."""

    check: CheckResult
    store: object | None = None  # store.PublishOutcome

    @property
    def published(self) -> bool:
        """Whether a new version was published."""
        return self.store is not None and bool(getattr(self.store, "ok", False))

    @property
    def reason(self) -> str:
        """"errors" (not sent: the check found errors), else the store's reason ("created", "stale", ...)."""
        return "errors" if self.store is None else str(getattr(self.store, "reason", ""))

    @property
    def version_id(self) -> int | None:
        """The id of the version published (None when nothing was)."""
        return getattr(self.store, "version_id", None)

    @property
    def issues(self) -> tuple:
        """The issues to show: the check's, else the store's."""
        store_result = getattr(self.store, "result", None)
        return self.check.issues or (store_result.issues if store_result is not None else ())


def publish_checked(name: str, data: bytes, domain: str, by: str, comment: str,
                    expected_current: int | None = None) -> SaveOutcome:
    """Check the workbook; publish it through the store only when it has no error and holds `domain`.

    `expected_current`: the version id the edits were made against (the store refuses with reason
    "stale" when another version was published meanwhile). The workbook comes from our own writer, so
    a missing domain means a bug in the writer; it is refused like an error rather than published.
    """
    check = check_export(name, data)
    if check.errors or domain not in check.sources:
        return SaveOutcome(check)
    outcome = open_store().publish([SourceFile(name, data)], by=by, comment=comment,
                                   expected_current=expected_current)
    return SaveOutcome(check, outcome)
