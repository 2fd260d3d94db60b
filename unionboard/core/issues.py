"""IssueLog: collects every problem found (never raises), pandera-style."""

from __future__ import annotations

from unionboard.core.models import Issue, Severity


class IssueLog:
    """An append-only list of issues with shortcuts for errors and warnings."""

    def __init__(self) -> None:
        self.items: list[Issue] = []

    def add(self, severity: Severity, file: str, sheet: str | None, cell: str | None, message: str) -> None:
        self.items.append(Issue(severity, file, sheet, cell, message))

    def error(self, file: str, sheet: str | None, cell: str | None, message: str) -> None:
        self.add("error", file, sheet, cell, message)

    def warning(self, file: str, sheet: str | None, cell: str | None, message: str) -> None:
        self.add("warning", file, sheet, cell, message)

    def extend(self, issues) -> None:
        self.items.extend(issues)

    @property
    def has_errors(self) -> bool:
        return any(i.severity == "error" for i in self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)
