"""Publish a workbook written by the planning editor: checked once as an upload, then published through the store."""

from __future__ import annotations

from dataclasses import dataclass

from unionboard.core.models import CheckResult, Issue, SourceFile
from unionboard.publish.service import PublishOutcome, check_upload, publish_upload
from unionboard.store.versions import open_store


@dataclass(frozen=True)
class SaveOutcome:
    """What saving did: the check of the written workbook and the publish's outcome (None: not sent)."""

    check: CheckResult
    store: PublishOutcome | None = None

    @property
    def published(self) -> bool:
        """Whether a new version was published."""
        return self.store is not None and self.store.ok

    @property
    def reason(self) -> str:
        """"errors" (not sent: the check found errors), else the publish's reason ("created", "stale", ...)."""
        return "errors" if self.store is None else self.store.reason

    @property
    def version_id(self) -> int | None:
        """The id of the version published (None when nothing was)."""
        return None if self.store is None else self.store.version_id

    @property
    def issues(self) -> tuple[Issue, ...]:
        """The issues to show: the check's, else the publish's."""
        return self.check.issues or (self.store.result.issues if self.store is not None else ())


def publish_checked(name: str, data: bytes, domain: str, by: str, comment: str,
                    expected_current: int | None = None) -> SaveOutcome:
    """Check the workbook once; publish it only when it has no error and holds `domain`.

    `expected_current`: the version id the edits were made against (the store refuses with reason
    "stale" when another version was published meanwhile). The workbook comes from our own writer, so
    a missing domain means a bug in the writer; it is refused like an error rather than published.
    """
    checked = check_upload([SourceFile(name, data)])
    if checked.result.errors or domain not in checked.supplied().get(name, ()):
        return SaveOutcome(checked.result)
    outcome = publish_upload(checked, open_store(), by=by, comment=comment, expected_current=expected_current)
    return SaveOutcome(checked.result, outcome)
