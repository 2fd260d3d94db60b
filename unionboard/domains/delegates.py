"""Delegates (Đại biểu): who is convened to a delegate congress — name, unit, kind of delegate.

Layout (`DELEGATES`), one row per delegate:

    STT | Họ và tên | Đơn vị | Loại đại biểu | Dân tộc (optional) | Mã đại biểu (optional)

A code column (Mã đại biểu, Mã đoàn viên, Mã NV, …) is kept as text ("00123") and gives each delegate a
stable identity (`analysis.identities`): two people of one name and unit with different codes are two.

Kinds are "Đương nhiên" (ex officio: the outgoing committee), "Bầu" (elected by a lower union)
and "Chỉ định" (appointed). A congress of all members has no delegates workbook: then everyone on
the members roster is convened (`analysis.congress.convened`). Nothing here raises: problems are
logged with their cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, clean, fold, is_blank
from unionboard.domains.codes import CODE_ALIASES, code_text, warn_repeated
from unionboard.domains.roster_shapes import struck_out
from unionboard.domains.rows import data_rows
from unionboard.domains.schema import Column, HeaderMatch, TableSchema
from unionboard.domains.spec import DomainSpec, SheetLayout, SheetPairs
from unionboard.read.workbook import Sheet

KINDS = ("Đương nhiên", "Bầu", "Chỉ định")
_KIND_ALIASES = {
    "Đương nhiên": ("Đương nhiên", "ĐB đương nhiên", "Đại biểu đương nhiên", "ĐN", "Ex officio"),
    "Bầu": ("Bầu", "Được bầu", "ĐB bầu", "Đại biểu bầu", "Đại biểu được bầu", "Elected"),
    "Chỉ định": ("Chỉ định", "Được chỉ định", "ĐB chỉ định", "Đại biểu chỉ định", "Appointed"),
}
KIND_MAP = {fold(alias): kind for kind, aliases in _KIND_ALIASES.items() for alias in aliases}
MAJORITY_ETHNIC_GROUP = "Kinh"

DELEGATES = TableSchema(
    domain="delegates",
    title="Danh sách đại biểu",
    sheet_hints=("dai bieu", "delegate"),
    columns=(
        Column("name", "Họ và tên", ("Họ tên", "Họ và tên đại biểu", "Tên", "Name", "Full name")),
        Column("unit", "Đơn vị", ("Công đoàn bộ phận", "Tổ công đoàn", "Nơi công tác", "Unit")),
        Column("kind", "Loại đại biểu", ("Tư cách đại biểu", "Loại ĐB", "Đại biểu", "Kind", "Delegate kind")),
        Column("ethnicity", "Dân tộc", ("Ethnicity", "Ethnic group"), required=False),
        Column("code", "Mã đại biểu", CODE_ALIASES, required=False, min_contained=99),
    ),
)


@dataclass(frozen=True)
class Delegate:
    """One person convened to a delegate congress."""

    name: str
    unit: str
    kind: str  # one of KINDS
    ethnicity: str | None = None
    code: str = ""  # the delegate / member code as written ("00123"); "" when the list has none


def kind_of(value: object) -> str | None:
    """"đương nhiên", "ĐB bầu", "Chỉ định" → the canonical kind; None when not recognised."""
    return KIND_MAP.get(fold(value))


def _row(sheet: Sheet, header: HeaderMatch, r: int, log: IssueLog) -> Delegate | None:
    cols = header.columns

    def get(key: str) -> object:
        return sheet.value(r, cols[key]) if key in cols else None

    name, unit, raw_kind = clean(get("name")), clean(get("unit")), get("kind")
    if not name:
        if not (unit or clean(raw_kind)):
            return None
        log.warning(sheet.file, sheet.name, cell_name(r, cols["name"]), "delegates.no_name",
                    row=r + 1, cell=cell_name(r, cols["name"]))
        return None
    kind = kind_of(raw_kind)
    if kind is None:
        cell = cell_name(r, cols["kind"])
        code = "delegates.no_kind" if is_blank(raw_kind) else "delegates.unknown_kind"
        log.error(sheet.file, sheet.name, cell, code, name=name, value=clean(raw_kind), cell=cell)
        return None
    ethnicity = clean(get("ethnicity")) or None
    return Delegate(name=name, unit=unit, kind=kind, ethnicity=ethnicity, code=code_text(get("code")))


def parse_delegates(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[Delegate, ...]:
    """Every delegate of a sheet; unreadable rows are logged and skipped, repeats warned about."""
    out: list[Delegate] = []
    seen: dict[tuple[str, str], tuple[int, str]] = {}
    code_rows: list[int] = []
    rows = list(data_rows(sheet, header.row + 1, [header.columns["name"]], log))
    struck = set(struck_out(sheet, rows, header.columns["name"], log, "delegates.struck_out"))
    for r in rows:
        if r in struck:
            continue
        delegate = _row(sheet, header, r, log)
        if delegate is None:
            continue
        key = (fold(delegate.name), fold(delegate.unit))
        earlier = seen.get(key)
        # the same name and unit is one person unless both rows carry different codes (two people)
        if earlier is not None and not (delegate.code and earlier[1] and delegate.code != earlier[1]):
            cell = cell_name(r, header.columns["name"])
            log.warning(sheet.file, sheet.name, cell, "delegates.repeated", name=delegate.name,
                        row=earlier[0] + 1, cell=cell)
            continue
        seen.setdefault(key, (r, delegate.code))
        code_rows.append(r)
        out.append(delegate)
    if "code" in header.columns:
        warn_repeated(sheet, header.columns["code"], code_rows, [d.code for d in out], "delegates.repeated_code", log)
    if not out:
        log.warning(sheet.file, sheet.name, cell_name(header.row, 0), "delegates.empty")
    return tuple(out)


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> tuple[Delegate, ...]:
    """Every sheet of the domain read in order, as one tuple."""
    return tuple(item for sheet, header in pairs for item in parse_delegates(sheet, header, log))


def summary(delegates: tuple[Delegate, ...], _dataset: object) -> dict:
    """The domain's part of `check --json`: how many, by kind."""
    return {"total": len(delegates), "by_kind": {kind: sum(1 for d in delegates if d.kind == kind)
                                                 for kind in KINDS}}


SPEC = DomainSpec(
    key="delegates",
    name="domain_delegates",
    parse=parse_sheets,
    schemas=(DELEGATES,),
    summary=summary,
    layout=SheetLayout(sheet="Đại biểu", title="DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI",
                       columns=("Họ và tên", "Đơn vị", "Loại đại biểu", "Dân tộc", "Mã đại biểu"),
                       rows=lambda delegates: [(d.name, d.unit, d.kind, d.ethnicity or "", d.code)
                                               for d in delegates],
                       example=("Nguyễn Văn An", "Văn phòng Sở", "Đương nhiên", "Kinh", "")),
)
