"""Members parsing: one roster sheet read column by column into a Roster."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from unionboard.core.issues import IssueLog
from unionboard.core.models import MEMBER_COLUMNS, Roster
from unionboard.core.text import cell_name, clean, column_letter, fold, is_blank
from unionboard.domains.codes import code_text, warn_repeated
from unionboard.domains.members.cells import (
    column_values,
    int_array,
    map_column,
    merge_spellings,
)
from unionboard.domains.members.problems import Problems, cells_text, problem_messages
from unionboard.domains.members.rows import member_rows, not_members_now, note_skipped
from unionboard.domains.members.values import (
    birth_years,
    cell_key,
    clean_name,
    join_dates,
    norm_birth_year,
    norm_education,
    norm_gender,
    norm_join_date,
    norm_party,
    norm_political,
    norm_text,
)
from unionboard.domains.members.vocab import UNKNOWN_DEPARTMENT
from unionboard.domains.roster_shapes import (
    SexColumns,
    SplitName,
    group_of_each,
    join_names,
    read_sex,
    sex_columns,
    split_name,
    sub_header,
)
from unionboard.domains.schema import MEMBERS, HeaderMatch
from unionboard.read.workbook import Sheet

# the columns whose absence the roster records; a code column is no detail of a person, only an identity
OPTIONAL_COLUMNS = tuple(c.key for c in MEMBERS.columns if not c.required and c.key != "code")
BLANK_MEANS_NO = frozenset({"party_member", "political_theory"})  # a blank cell: not a member / "Chưa có"
_ALIAS_OF = {alias: column.key for column in MEMBERS.columns for alias in column.folded_aliases}
_NUMBERING = frozenset({"stt", "tt", "so tt", "no", "#", "so thu tu"})


def _extra_columns(sheet: Sheet, header: HeaderMatch, cols: dict[str, int], sex: SexColumns | None,
                   split: SplitName | None, lines: list[list]) -> dict[str, list]:
    """The columns the upload had beyond the roster's own (employee code, notes, …), by header text, so
    the data download keeps them; a birth column holding full dates is kept whole too ("Ngày sinh"),
    since the roster itself keeps the year. The numbering column and position columns are not."""
    used = set(cols.values()) - {cols.get("birth_year"), cols.get("code")}  # the code kept as written
    used |= {c for c in (sex.male, sex.female) if c is not None} if sex is not None else set()
    used |= {split.given} if split is not None else set()
    out: dict[str, list] = {}
    for col, label in enumerate(sheet.rows[header.row] if header.row < sheet.height else []):
        text = clean(label)
        if col in used or not text or fold(text) in _NUMBERING or text in MEMBER_COLUMNS or text in out:
            continue
        values = [line[col] if col < len(line) and not is_blank(line[col]) else None for line in lines]
        dates = any(isinstance(v, dt.date) or isinstance(v, str) and "/" in v for v in values)
        key = _ALIAS_OF.get(fold(text))
        if (key == "birth_year" or col == cols.get("birth_year")) and not dates:
            continue  # a year column: the roster's birth_year is all of it
        if key is not None and key not in ("birth_year", "code") and key in cols:
            continue  # the same roster column written twice (a re-uploaded download)
        if any(v is not None for v in values):
            out[text] = values
    return out


def _coded_one_zero(raw: Sequence) -> bool:
    """Whether a sex column holds only 1 and 0 (a code without its legend)."""
    values = {cell_key(v) for v in set(raw) if not is_blank(v)}
    return bool(values) and values <= {"0", "1"}


def _column_sources(cols: dict[str, int], raw_columns: dict[int, list], keys: set[str], sex: SexColumns | None,
                    kept: tuple[list[list], list[int]], sheet: Sheet, data: dict[str, list],
                    log: IssueLog) -> tuple[dict[str, tuple[int, list]], frozenset[str]]:
    """(key → (column, raw values) to normalise, the optional columns the roster lacks). Sex by position
    fills `data["gender"]` (and the birth year from the dates under it). Unknown is not zero: a column with
    no value at all (the data download's blank one, an enterprise list's empty "Đảng viên") is as good as
    absent, its values unknown. A blank cell of party membership or political theory reads "no" / "Chưa có"
    (what it means in a column that has values), the wholly blank column too, but it is absent all the same."""
    sources = {key: (col, raw_columns[col]) for key, col in cols.items() if key in keys}
    if sex is not None:  # sex (and the birth date) given by position under Nam | Nữ
        data["gender"], births = read_sex(kept[0], kept[1], sex, sheet, log)
        if "birth_year" not in sources and any(b is not None for b in births):
            sources["birth_year"] = (sex.male if sex.male is not None else sex.female, births)
    if "gender" in sources and _coded_one_zero(sources["gender"][1]):
        col = sources.pop("gender")[0]
        data["gender"] = [None] * len(kept[1])  # never guessed: 1 may be Nam or Nữ
        cell = cell_name(kept[1][0], col) if kept[1] else column_letter(col)
        log.error(sheet.file, sheet.name, cell, "members.gender_coded", column=column_letter(col))
    blank = {key for key in sources if all(map(is_blank, sources[key][1]))} - set(data)
    for key in blank - BLANK_MEANS_NO:
        del sources[key]
    given = (set(cols) - {key for key in keys if key not in sources}) | set(sources) | set(data)
    return sources, frozenset(key for key in OPTIONAL_COLUMNS if key not in given - blank)


def _normalise_columns(data: dict[str, list], normalisers: dict[str, Callable[[object], tuple[object, object]]],
                       batches: dict[str, Callable[[Sequence], dict]], sources: dict[str, tuple[int, list]],
                       problems: Problems, count: int) -> None:
    """Each column not yet in `data` normalised from its (column, raw values); a column the sheet does
    not have is unknown (None), never "Chưa có" (party membership stays False, and the roster says absent)."""
    for key, normalise in normalisers.items():
        if key in data:
            continue
        if key not in sources:
            data[key] = [False] * count if key == "party_member" else [None] * count
            continue
        col, raw = sources[key]
        values, found = map_column(raw, normalise, batches.get(key))
        data[key] = values
        problems.scan(key, col, raw, found)


def parse_members(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> Roster:
    """Read the roster under `header` into a Roster; every problem becomes a warning, never raised."""
    cols = dict(header.columns)
    sex = sex_columns(sheet, header)
    first = header.row + (2 if sub_header(sheet, header) else 1)
    if sex is not None and cols.get("birth_year") in (sex.male, sex.female):
        del cols["birth_year"]  # "Ngày sinh" merged over Nam | Nữ: the date is read from under the sex
    lines = sheet.rows[first:]
    split = split_name(sheet, header)
    if split is not None:  # "Họ và tên" over "Họ đệm" | "Tên": one name
        lines = join_names(lines, split)
        cols["name"] = split.family
    name_col = cols.get("name")
    mapped = sorted(set(cols.values()) | ({sex.male, sex.female} - {None} if sex is not None else set()))

    # 1. Which rows are members: a name, not a total / repeated header / column-number row.
    names_all, drop, nameless, skipped = member_rows(sheet, header, lines, name_col, mapped)
    groups = not_members_now(sheet, header, lines, first, cols, drop, log)
    nameless = [i for i in nameless if i not in groups]
    skipped = [item for item in skipped if item.index not in groups]
    current_year = dt.date.today().year
    messages = problem_messages(current_year)
    if nameless:
        cells_named = [cell_name(first + i, name_col or 0) for i in nameless]
        code, params = messages["name"](None, None, cells_text(cells_named))
        log.warning(sheet.file, sheet.name, cells_named[0], code, **params)

    if drop:
        keep = [i for i in range(len(lines)) if i not in drop]
        kept_lines = [lines[i] for i in keep]
        names = [names_all[i] for i in keep]
        rows0 = [first + i for i in keep]  # 0-based sheet rows
    else:
        kept_lines, names = lines, names_all
        rows0 = list(range(first, first + len(lines)))
    count = len(names)
    raw_columns = column_values(kept_lines, [c for c in mapped if c != name_col])
    problems = Problems(sheet, rows0)

    # 2. Normalise column by column, once per distinct raw value.
    data: dict[str, list] = {"name": names}
    normalisers: dict[str, Callable[[object], tuple[object, object]]] = {
        "gender": norm_gender,
        "birth_year": lambda raw: norm_birth_year(raw, current_year),
        "education": norm_education,
        "political_theory": norm_political,
        "party_member": norm_party,
        "join_date": norm_join_date,
        "role": norm_text,
        "status": norm_text,
    }
    batches: dict[str, Callable[[Sequence], dict]] = {
        "birth_year": lambda values: birth_years(values, current_year),
        "join_date": join_dates,
    }
    sources, absent = _column_sources(cols, raw_columns, set(normalisers), sex, (kept_lines, rows0), sheet, data,
                                      log)
    _normalise_columns(data, normalisers, batches, sources, problems, count)
    dept_col = cols.get("department")
    raw = raw_columns[dept_col] if dept_col is not None else [None] * count
    if groups:  # department group rows give the department of the rows under them
        above = group_of_each(len(lines), groups)
        kept_groups = [above[row - first] for row in rows0]
        raw = [value if not is_blank(value) else group for value, group in zip(raw, kept_groups, strict=True)]
        absent -= {"department"}
    texts, _ = map_column(raw, lambda v: (clean_name(v), None))
    merged_counts = Counter(texts)
    merged = merge_spellings(merged_counts)
    merged[""] = UNKNOWN_DEPARTMENT
    data["department"] = list(map(merged.__getitem__, texts))
    if dept_col is not None and "" in merged_counts:
        problems.scan("department", dept_col, texts, {"": "blank"})
    problems.emit(log, messages)
    problems.refuse_mostly_unknown(log, count)

    # 3. The frame, column-wise.
    # Text columns stay `object` (None for missing): converting 100,000 strings to pandas' `str`
    # dtype costs ~6 ms a column, a third of the whole parse.
    frame = pd.DataFrame({
        **{key: pd.Series(data[key] if key != "name" else names, dtype=object)
           for key in ("name", "gender", "department", "education", "political_theory",
                       "join_date", "role", "status")},
        "birth_year": int_array(data["birth_year"]),
        "party_member": np.array(data["party_member"], dtype=bool),
        "row": np.array(rows0, dtype=np.int64) + 1,
    }, columns=list(MEMBER_COLUMNS))
    if "code" in cols:  # the person's code as text, for stable identities (`analysis.identities`)
        frame["code"] = pd.Series([code_text(v) for v in raw_columns[cols["code"]]], dtype=object)
        warn_repeated(sheet, cols["code"], rows0, frame["code"].tolist(), "members.repeated_code", log)
    extra = _extra_columns(sheet, header, cols, sex, split, kept_lines)
    for label, values in extra.items():
        frame[label] = pd.Series(values, dtype=object)
    if name_col is not None:
        frame.attrs["name_col"] = column_letter(name_col)
    note_skipped(sheet, first, name_col or 0, skipped, count, len(lines), log)
    if not count:
        log.warning(sheet.file, sheet.name, cell_name(header.row, name_col or 0), "members.empty",
                    row=header.row + 1)
    return Roster(frame=frame, file=sheet.file, sheet=sheet.name, absent=absent, extra=tuple(extra))
