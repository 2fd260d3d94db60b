"""Read a set of files as one data set: find which sheet holds which table, parse each, collect every issue."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from unionboard.core.i18n import Headers, Value, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import CheckResult, Dataset, SourceFile, UnionInfo
from unionboard.core.period import parse_date
from unionboard.core.text import clean, fold
from unionboard.core.wording import kind_of
from unionboard.domains import registry
from unionboard.domains.schema import HeaderMatch, find_header
from unionboard.read import legacy_text
from unionboard.read.workbook import Limits, Sheet, read_sheets

INFO_SHEET_HINTS = ("thong tin", "info", "gioi thieu")
INFO_KEYS = {
    "ten cong doan": "name", "cong doan": "name", "union": "name", "union name": "name",
    "dai hoi lan thu": "congress", "lan thu": "congress", "congress": "congress",
    "nhiem ky bao cao": "reported_term", "reported term": "reported_term",
    "nhiem ky toi": "next_term", "nhiem ky moi": "next_term", "next term": "next_term",
    "nhiem ky hien tai": "reported_term", "current term": "reported_term",
    "loai hinh": "kind", "loai hinh cong doan": "kind", "kind": "kind", "union kind": "kind",
    "cong doan cap tren": "upper_union", "cong doan cap tren truc tiep": "upper_union",
    "upper union": "upper_union",
    "ngay dai hoi": "congress_date", "congress date": "congress_date",
}
INFO_DOMAIN = "info"  # the key of the union's info sheet in `CheckResult.sheets` (and in the store)
FileInput = SourceFile | str | os.PathLike


def as_source(item: FileInput) -> SourceFile:
    """A SourceFile from a path or an existing SourceFile (bytes are read once)."""
    if isinstance(item, SourceFile):
        return item
    path = Path(item)
    return SourceFile(name=path.name, data=path.read_bytes())


COVERAGE_WEIGHT = 0.3  # a complete header that explains every header text gains this much


def _titles(sheet: Sheet, header_row: int) -> str:
    """The folded text of the rows above a header (the sheet's title: "DANH SÁCH ĐOÀN VIÊN ...")."""
    return " ".join(fold(v) for line in sheet.rows[:header_row] for v in line if isinstance(v, str))


def classify(sheet: Sheet) -> tuple[str | None, HeaderMatch | None, HeaderMatch | None]:
    """(domain, complete header, best partial header) for one sheet, over every registered domain.

    The evidence is weighed: the header columns found (a complete header that explains more of the
    header row's texts wins a tie: "Loại đại biểu" makes a delegates list, not a roster), the sheet name
    and the title rows above the header. A header with fewer columns than its schema's `min_columns`
    (a lone "Họ và tên") counts only with a hint in the sheet name or title."""
    sheet_name = fold(sheet.name)
    complete: list[tuple[float, str, HeaderMatch | None]] = []
    partial: HeaderMatch | None = None
    for spec in registry.specs():
        for schema in spec.schemas:
            match = find_header(sheet, schema)
            if match is None:
                continue
            hinted = any(h in sheet_name for h in schema.sheet_hints)
            titled = not hinted and any(f" {h} " in f" {_titles(sheet, match.row)} " for h in schema.sheet_hints)
            hint = 0.5 if hinted else 0.25 if titled else 0.0
            enough = (len(match.columns) >= schema.min_columns or hint) and (
                schema.needs is None or schema.needs(sheet, match.row))
            if match.complete and enough:
                complete.append((match.score + hint + COVERAGE_WEIGHT * match.coverage, spec.key, match))
            elif partial is None or (len(match.columns), match.score) > (len(partial.columns), partial.score):
                partial = match
    for spec in registry.specs():  # layouts without a header row (finance) after every header
        score = spec.detect(sheet) if spec.detect is not None else None
        if score:
            complete.append((score, spec.key, None))
    if not complete:
        return None, None, partial
    score, domain, best = max(complete, key=lambda item: item[0])
    return domain, best, partial


def _read_info(sheet: Sheet) -> dict[str, str]:
    """Key–value rows of an information sheet (Tên công đoàn | ...)."""
    found: dict[str, str] = {}
    for line in sheet.rows[:40]:
        cells = [clean(v) for v in line if clean(v)]
        if len(cells) >= 2 and fold(cells[0]) in INFO_KEYS:
            found[INFO_KEYS[fold(cells[0])]] = cells[1]
    if "kind" in found:
        found["kind"] = kind_of(found["kind"])
    if "congress_date" in found:
        day = parse_date(found["congress_date"])
        found["congress_date"] = day.isoformat() if day is not None else ""
    return found


_pause_lock = threading.Lock()
_pauses = 0
_collector_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration (and back as it was after, also when
    several threads check files at once). Reading a 100.000-member roster makes a million small
    objects that hold no cycles; the collector would walk them again and again (~0,15 s)."""
    global _pauses, _collector_was_enabled
    with _pause_lock:
        if _pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _collector_was_enabled:
                gc.enable()


def _note_bad_cells(sheet: Sheet, log: IssueLog) -> None:
    """Errors for the Excel error values and the formulas without a cached value of a read sheet."""
    for cell in sorted(sheet.error_cells):
        log.error(sheet.file, sheet.name, cell, "loader.error_value", cell=cell)
    for cell in sorted(sheet.formulas_without_value):
        log.error(sheet.file, sheet.name, cell, "loader.formula_without_value")


def _refuse_partial(source: SourceFile, sheet: Sheet, partial: HeaderMatch | None, log: IssueLog) -> bool:
    """An error naming the table the sheet most looks like, the columns it lacks and those found, when the
    evidence is strong enough (two columns with half the required ones, or three columns)."""
    if partial is None or len(partial.columns) < 2 or (partial.score < 0.5 and len(partial.columns) < 3):
        return False
    expected = Headers(c.label for c in partial.missing)  # as the sheet writes them; their meaning in English
    found = ", ".join(f"“{label}”" for label in partial.found_labels) or phrase("cells.none")
    log.error(source.name, sheet.name, f"A{partial.row + 1}", "loader.missing_columns",
              table=Value(partial.schema.title), expected=expected, row=partial.row + 1, found=found)
    return True


NOTES_SHEET_HINTS = ("huong dan", "instructions", "ghi chu", "notes")


def _note_unread(sheets: list[Sheet], log: IssueLog) -> None:
    """An info note for each sheet of a recognised file that holds no table (a cover page, notes): it was
    looked at and skipped, not lost. An instructions sheet (the template's) needs no note."""
    for sheet in sheets:
        if any(h in fold(sheet.name) for h in NOTES_SHEET_HINTS):
            continue
        if any(clean(v) for line in sheet.rows[:50] for v in line):
            log.info(sheet.file, sheet.name, None, "loader.sheet_without_table", sheet=sheet.name)


def check_files(files: Iterable[FileInput], limits: Limits | None = None,
                only_domains: dict[str, set[str]] | None = None) -> CheckResult:
    """Read and check the files together. Never raises for bad input: problems become issues.

    `only_domains` maps a file name to the domains to take from it (used when a stored version
    carries some domains over from an older file).
    """
    with collection_paused():
        return _check_files(files, limits, only_domains)


def _check_files(files: Iterable[FileInput], limits: Limits | None,
                 only_domains: dict[str, set[str]] | None) -> CheckResult:
    log = IssueLog()
    limits = limits or Limits.from_env()
    by_domain: dict[str, list[tuple[Sheet, HeaderMatch | None]]] = {}
    info: dict[str, str] = {}
    info_sheets: list[tuple[str, str]] = []  # (file, sheet) of every info sheet read
    for item in files:
        try:
            source = as_source(item)
        except OSError as exc:
            log.error(str(item), None, None, "loader.cannot_open", reason=exc.strerror or exc)
            continue
        sheets = read_sheets(source, log, limits)
        for sheet in sheets:
            legacy_text.convert_sheet(sheet, log)
        recognised = 0
        unread: list[Sheet] = []
        for sheet in sheets:
            if any(h in fold(sheet.name) for h in INFO_SHEET_HINTS) and _read_info(sheet):
                info.update(_read_info(sheet))
                info_sheets.append((source.name, sheet.name))
                recognised += 1
                continue
            domain, header, partial = classify(sheet)
            if domain is None:
                if _refuse_partial(source, sheet, partial, log):
                    recognised += 1
                else:
                    unread.append(sheet)
                continue
            wanted = only_domains.get(source.name) if only_domains else None
            if wanted is not None and domain not in wanted:
                recognised += 1
                continue
            recognised += 1
            by_domain.setdefault(domain, []).append((sheet, header))
            _note_bad_cells(sheet, log)
        if sheets and not recognised:
            names = ", ".join(f"“{s.name}”" for s in sheets)
            log.error(source.name, None, None, "loader.no_sheet_recognised", names=names)
        elif recognised:
            _note_unread(unread, log)
    dataset = _build(by_domain, info, log)
    sources = {domain: ", ".join(dict.fromkeys(s.file for s, _ in pairs)) for domain, pairs in by_domain.items()}
    sheets = {domain: tuple((s.file, s.name) for s, _ in pairs) for domain, pairs in by_domain.items()}
    if info_sheets:
        sheets[INFO_DOMAIN] = tuple(info_sheets)
    return CheckResult(dataset=dataset, issues=tuple(log.items), sources=sources, sheets=sheets)


def _build(by_domain: dict[str, list[tuple[Sheet, HeaderMatch | None]]], info: dict[str, str],
           log: IssueLog) -> Dataset:
    """Each registered domain parses (and checks) the sheets found for it."""
    values = {spec.key: spec.parse(by_domain[spec.key], log)
              for spec in registry.specs() if spec.key in by_domain}
    return Dataset.of(values, UnionInfo(**info))
