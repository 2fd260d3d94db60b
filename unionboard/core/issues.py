"""IssueLog: collects every problem found (never raises), pandera-style; each issue carries a stable code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from unionboard.core import i18n
from unionboard.core.models import Issue, Severity


def make_issue(severity: Severity, file: str, sheet: str | None, cell: str | None, code: str, /,
               **params: object) -> Issue:
    """An issue whose Vietnamese message comes from the catalogue entry `code` formatted with `params`.

    A `code` that is not in the catalogue is taken as a ready-made message without a code (legacy
    call sites; tests/test_issues.py lists the codes every checker must use).
    """
    if i18n.has(code):
        return Issue(severity, file, sheet, cell, i18n.t(code, "vi", **params), code,
                     tuple(params.items()))
    return Issue(severity, file, sheet, cell, code)


class IssueLog:
    """An append-only list of issues with shortcuts for errors, warnings and notes (info)."""

    def __init__(self) -> None:
        self.items: list[Issue] = []

    def add(self, severity: Severity, file: str, sheet: str | None, cell: str | None, code: str, /,
            **params: object) -> None:
        """Record an issue; `code` is a catalogue key (its text is formatted with `params`)."""
        self.items.append(make_issue(severity, file, sheet, cell, code, **params))

    def error(self, file: str, sheet: str | None, cell: str | None, code: str, /,
              **params: object) -> None:
        """Record an error: the data cannot be used as it is."""
        self.add("error", file, sheet, cell, code, **params)

    def warning(self, file: str, sheet: str | None, cell: str | None, code: str, /,
                **params: object) -> None:
        """Record a warning: the data was read, but a person should look."""
        self.add("warning", file, sheet, cell, code, **params)

    def info(self, file: str, sheet: str | None, cell: str | None, code: str, /,
             **params: object) -> None:
        """Record a note: something was deliberately skipped or converted (e.g. a total row)."""
        self.add("info", file, sheet, cell, code, **params)

    def extend(self, issues: Iterable[Issue]) -> None:
        """Append issues collected elsewhere."""
        self.items.extend(issues)

    @property
    def has_errors(self) -> bool:
        """Whether any error was recorded."""
        return any(i.severity == "error" for i in self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Issue]:
        return iter(self.items)
