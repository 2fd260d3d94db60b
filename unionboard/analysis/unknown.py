"""Unknown is not zero: the member details a roster does not hold, said as such in every output.

A roster sheet whose party, education or political-theory column is missing or left wholly blank does
not say that nobody is a party member or that everyone has "Chưa có" theory: it says nothing. The
members parser records such columns in `Roster.absent` (the one record of it, also `check --json`'s
"columns_absent"); every count, sentence, chart, card and document asks `not_in_data` first and writes
`missing_text` instead of 0 / "Chưa có 240".
"""

from __future__ import annotations

from unionboard.core import i18n
from unionboard.core.models import Roster

DETAILS = ("education", "political_theory", "party_member")  # the columns whose absence reads as 0


def not_in_data(roster: Roster | None) -> tuple[str, ...]:
    """The DETAILS the roster does not hold (its sheet has no such column, or it is wholly blank)."""
    if roster is None:
        return ()
    return tuple(k for k in DETAILS if not roster.has(k))


def known(roster: Roster | None, key: str) -> bool:
    """Whether the roster holds `key` (a DETAILS column; any other column always counts as held)."""
    return key not in not_in_data(roster)


def missing_text(key: str, lang: str = "vi") -> str:
    """'Dữ liệu không có cột Đảng viên': what an output says in place of a figure it cannot know."""
    return i18n.t(f"unknown.{key}", lang)


def missing_sentence(roster: Roster | None, lang: str = "vi") -> str | None:
    """One sentence naming every detail the roster lacks (None when it has them all)."""
    keys = not_in_data(roster)
    if not keys:
        return None
    return i18n.t("unknown.sentence", lang, columns=", ".join(i18n.t(f"unknown.column_{k}", lang) for k in keys))
