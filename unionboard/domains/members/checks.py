"""Members roster checks: the same person listed twice, within a sheet or across sheets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from unionboard.core.i18n import phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import Roster
from unionboard.core.text import fold
from unionboard.domains.members.cells import SEP
from unionboard.domains.members.problems import MAX_CELLS_LISTED

_COMBINING_MARKS = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370)
                                             if unicodedata.combining(chr(c))) + "]+")
_NON_WORD_OR_SEP = re.compile(r"[^0-9a-z%\x00]+")


def folds(names: Sequence[str]) -> list[str]:
    """text.fold for a column of strings, in a few C-speed passes over one joined string.

    Exact: a name that is not plain ASCII once its Vietnamese marks (U+0300–U+036F) are removed
    goes through text.fold itself.
    """
    if not names:
        return []
    joined = unicodedata.normalize("NFKD", SEP.join(names).replace("đ", "d").replace("Đ", "D"))
    joined = _COMBINING_MARKS.sub("", joined)
    if joined.isascii():
        joined = _NON_WORD_OR_SEP.sub(" ", joined.lower())
        joined = joined.replace(" " + SEP, SEP).replace(SEP + " ", SEP).strip(" ")
        return joined.split(SEP)
    return [_NON_WORD_OR_SEP.sub(" ", part.lower()).strip(" ") if part.isascii() else fold(name)
            for part, name in zip(joined.split(SEP), names, strict=True)]


def check_roster(roster: Roster, log: IssueLog) -> None:
    """Roster-wide checks after all roster sheets are merged: the same person listed twice
    (same name, diacritics- and case-insensitively, and same birth year; members without a
    birth year are not compared).

    Vectorised: names are folded once per distinct spelling, (folded name, year) becomes one
    integer key, and only the rows whose key repeats are looked at in Python.
    """
    frame = roster.frame
    if len(frame) < 2 or not {"name", "birth_year", "row"} <= set(frame.columns):
        return
    years_col = frame["birth_year"]
    known = years_col.notna().to_numpy()
    if known.sum() < 2:
        return
    names = frame["name"].to_numpy(dtype=object)[known]
    years = years_col.to_numpy(dtype=np.int64, na_value=0)[known]
    rows = frame["row"].to_numpy()[known]
    name_codes, spellings = pd.factorize(names, use_na_sentinel=True)
    texts = spellings.tolist()
    folded = folds([t if isinstance(t, str) else "" for t in texts])  # not text: not compared
    fold_codes, fold_values = pd.factorize(np.array(folded, dtype=object))
    comparable = np.array([bool(f) for f in fold_values.tolist()], dtype=bool)[fold_codes]
    person = fold_codes[name_codes]  # name_codes is -1 only for a missing name (NaN/None)
    usable = (name_codes >= 0) & comparable[np.maximum(name_codes, 0)]
    span = int(years.max()) - int(years.min()) + 1
    keys = person.astype(np.int64) * span + (years - years.min())
    if not usable.all():  # rows not compared get distinct negative keys
        keys = np.where(usable, keys, -1 - np.arange(len(keys), dtype=np.int64))
    repeated = pd.Series(keys).duplicated(keep=False).to_numpy()
    if not repeated.any():
        return
    index = np.flatnonzero(repeated)
    index = index[np.argsort(rows[index], kind="stable")]
    letter = frame.attrs.get("name_col")
    groups: dict[int, list[int]] = {}
    for key, position in zip(keys[index].tolist(), index.tolist(), strict=True):
        members = groups.get(key)
        if members is None:
            groups[key] = [position]
        else:
            members.append(position)
    for positions in groups.values():
        year = int(years[positions[0]])
        rows_of = [int(rows[p]) for p in positions]
        cells = [f"{letter}{r}" for r in rows_of] if letter else [str(r) for r in rows_of]
        listed = ", ".join(cells[:MAX_CELLS_LISTED])
        rest = len(cells) - MAX_CELLS_LISTED
        shown = (phrase("cells.list_more" if letter else "cells.rows_more", shown=listed, rest=rest) if rest > 0
                 else phrase("cells.list" if letter else "cells.rows", shown=listed))
        spelled = list(dict.fromkeys(names[p] for p in positions))
        named = " / ".join(f"“{s}”" for s in spelled[:3])
        log.warning(roster.file, roster.sheet, cells[0] if letter else None, "members.duplicate",
                    names=named, year=year, times=len(rows_of), cells=shown)


def _person_keys(roster: Roster) -> dict[tuple[str, int], int]:
    """(folded name, birth year) → first Excel row, for the members with both."""
    frame = roster.frame
    out: dict[tuple[str, int], int] = {}
    for name, year, row in zip(frame["name"].tolist(), frame["birth_year"].tolist(), frame["row"].tolist(),
                               strict=True):
        if isinstance(name, str) and name and year is not None and not pd.isna(year):
            out.setdefault((fold(name), int(year)), int(row))
    return out


def duplicates_across_sheets(rosters: list[Roster], log: IssueLog) -> None:
    """The same person on two roster sheets (a hidden or copied sheet, last term's list): a warning
    naming both sheets and cells."""
    seen: dict[tuple[str, int], tuple[Roster, int]] = {}
    for roster in rosters:
        letter = roster.frame.attrs.get("name_col", "A")
        for key, row in _person_keys(roster).items():
            if key in seen:
                first, first_row = seen[key]
                first_letter = first.frame.attrs.get("name_col", "A")
                log.warning(roster.file, roster.sheet, f"{letter}{row}", "members.duplicate_across_sheets",
                            year=key[1], cell=f"{letter}{row}", other=f"{first.file} › {first.sheet} › "
                            f"{first_letter}{first_row}")
            else:
                seen[key] = (roster, row)


def same_roster(a: Roster, b: Roster) -> bool:
    """Whether two rosters hold the same members (the source row numbers do not count)."""
    def content(roster: Roster) -> pd.DataFrame:
        return roster.frame.drop(columns=["row"], errors="ignore").reset_index(drop=True)

    return content(a).equals(content(b))
