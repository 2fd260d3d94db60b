"""Draft report reading: a .docx, .odt or .txt report read safely into paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.core.text import format_number
from unionboard.read.workbook import MB, OLE_MAGIC, ZIP_MAGIC

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
DRAFT_TYPES = ("docx", "odt", "txt")


@dataclass(frozen=True)
class DraftLimits:
    """Size limits of a draft, checked before it is parsed (like the workbook reader's zip checks)."""

    max_file_bytes: int = 20 * MB
    max_unpacked_bytes: int = 100 * MB
    max_compression_ratio: float = 200.0
    max_paragraphs: int = 50_000


@dataclass(frozen=True)
class DraftParagraph:
    """One paragraph of the draft (a table cell's paragraph too), numbered in document order."""

    index: int
    text: str
    heading: bool = False
    table: int | None = None  # which table (0-based) when the paragraph is in a cell
    row: int | None = None
    col: int | None = None
    body: int = 0  # index among the paragraphs outside tables (python-docx's `document.paragraphs`);
    # in a cell: the index the next paragraph after the table will have


@dataclass(frozen=True)
class DraftTable:
    """A table of the draft: cell texts by row, and the paragraph index of the table's first cell."""

    index: int
    rows: tuple[tuple[str, ...], ...]
    first_paragraph: int
    cell_paragraphs: tuple[tuple[int, ...], ...]  # per row, the index of each cell's first paragraph


@dataclass(frozen=True)
class Draft:
    """A draft report as read: its file name, kind ("docx", "odt", "txt"), paragraphs and tables."""

    name: str
    kind: str
    paragraphs: tuple[DraftParagraph, ...]
    tables: tuple[DraftTable, ...]


class _Builder:
    """Collects paragraphs and tables in document order."""

    def __init__(self) -> None:
        self.paragraphs: list[DraftParagraph] = []
        self.tables: list[DraftTable] = []
        self.body = 0

    def paragraph(self, text: str, heading: bool = False) -> None:
        self.paragraphs.append(DraftParagraph(len(self.paragraphs), text, heading, body=self.body))
        self.body += 1

    def table(self, rows: list[list[list[str]]]) -> None:
        """`rows` → cells → the cell's paragraph texts."""
        number, first = len(self.tables), len(self.paragraphs)
        texts, starts = [], []
        for r, row in enumerate(rows):
            row_texts, row_starts = [], []
            for c, cell in enumerate(row):
                row_starts.append(len(self.paragraphs))
                for text in cell or [""]:
                    self.paragraphs.append(DraftParagraph(len(self.paragraphs), text, False, number, r, c,
                                                          self.body))
                row_texts.append("\n".join(cell).strip())
            texts.append(tuple(row_texts))
            starts.append(tuple(row_starts))
        self.tables.append(DraftTable(number, tuple(texts), first, tuple(starts)))

    def draft(self, name: str, kind: str) -> Draft:
        return Draft(name, kind, tuple(self.paragraphs), tuple(self.tables))


# --------------------------------------------------------------------------- .docx


def run_text(run) -> str:
    """The text a w:r element shows (w:t, tabs, breaks; deleted text excluded)."""
    parts = []
    for child in run:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def paragraph_runs(p) -> list:
    """The w:r elements of a w:p whose text is shown, in order (inside hyperlinks, insertions, fields)."""
    return [r for r in p.iter(f"{_W}r") if r.getparent().tag != f"{_W}del"
            and not any(a.tag == f"{_W}del" for a in r.iterancestors(f"{_W}del"))]


def paragraph_text(p) -> str:
    """The text of a w:p as the checker and the annotating writer both see it."""
    return "".join(run_text(r) for r in paragraph_runs(p))


def _is_heading(p) -> bool:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    value = (style.get(f"{_W}val") or "") if style is not None else ""
    return value.lower().startswith(("heading", "title"))


def _cells(tbl) -> Iterator[list]:
    for tr in tbl.iterchildren(f"{_W}tr"):
        yield [tc for tc in tr.iterchildren(f"{_W}tc")]


def docx_paragraphs(body) -> Iterator[tuple[object, tuple[int, int, int] | None]]:
    """Every w:p of the body in document order with (table, row, col) when in a cell.

    The reader and the annotating writer both number paragraphs with this walk, so a claim's
    paragraph number finds the same w:p again.
    """
    table = -1
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            yield child, None
        elif child.tag == f"{_W}tbl":
            table += 1
            for r, row in enumerate(_cells(child)):
                for c, tc in enumerate(row):
                    for p in tc.iter(f"{_W}p"):
                        yield p, (table, r, c)
        elif child.tag == f"{_W}sdt":
            for p in child.iter(f"{_W}p"):
                yield p, None


def _read_docx(data: bytes, name: str) -> Draft:
    import docx

    document = docx.Document(io.BytesIO(data))
    builder = _Builder()
    pending: list[list[list[str]]] = []
    current_table = None
    for p, place in docx_paragraphs(document.element.body):
        if place is None or place[0] != current_table:
            if pending:
                builder.table(pending)
            pending, current_table = [], None if place is None else place[0]
        if place is None:
            builder.paragraph(paragraph_text(p), _is_heading(p))
            continue
        _, r, c = place
        while len(pending) <= r:
            pending.append([])
        while len(pending[r]) <= c:
            pending[r].append([])
        pending[r][c].append(paragraph_text(p))
    if pending:
        builder.table(pending)
    return builder.draft(name, "docx")


# --------------------------------------------------------------------------- .odt


def _odt_walk(element, builder: _Builder) -> None:
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS

    for node in element.childNodes:
        qname = getattr(node, "qname", None)
        if qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            builder.paragraph(teletype.extractText(node), qname[1] == "h")
        elif qname in ((TEXTNS, "list"), (TEXTNS, "list-item"), (TEXTNS, "section")):
            _odt_walk(node, builder)
        elif qname == (TABLENS, "table"):
            builder.table(_odt_rows(node))


def _odt_rows(table) -> list[list[list[str]]]:
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS
    from odf.table import TableRow

    rows = []
    for row in table.getElementsByType(TableRow):
        cells = []
        for cell in row.childNodes:
            if getattr(cell, "qname", None) != (TABLENS, "table-cell"):
                continue
            cells.append([teletype.extractText(p) for p in cell.childNodes
                          if getattr(p, "qname", None) in ((TEXTNS, "p"), (TEXTNS, "h"))])
        rows.append(cells)
    return rows


def _read_odt(data: bytes, name: str) -> Draft:
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    builder = _Builder()
    _odt_walk(document.text, builder)
    return builder.draft(name, "odt")


# --------------------------------------------------------------------------- .txt


def _read_txt(data: bytes, name: str) -> Draft:
    """Lines are paragraphs; consecutive lines with tabs are a table (cells split on tabs)."""
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    builder = _Builder()
    pending: list[list[list[str]]] = []
    for line in text.split("\n"):
        if "\t" in line.strip("\t ") or (pending and line.startswith("\t")):
            pending.append([[cell.strip()] for cell in line.split("\t")])
            continue
        if pending:
            builder.table(pending)
            pending = []
        if line.strip():
            builder.paragraph(line.strip())
    if pending:
        builder.table(pending)
    return builder.draft(name, "txt")


# --------------------------------------------------------------------------- entry


def _zip_kind(source: SourceFile, log: IssueLog, limits: DraftLimits) -> str | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data))
        infos = archive.infolist()
    except Exception:  # BadZipFile, EOFError, NotImplementedError…
        log.error(source.name, None, None, "draft.damaged")
        return None
    names = {info.filename for info in infos}
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > limits.max_unpacked_bytes or (unpacked > 10 * MB
                                                  and unpacked / packed > limits.max_compression_ratio):
        log.error(source.name, None, None, "draft.zip_bomb")
        return None
    if "word/document.xml" in names:
        if any(n.endswith("vbaProject.bin") for n in names):
            log.error(source.name, None, None, "draft.macro")
            return None
        return "docx"
    if "content.xml" in names:
        return "odt"
    log.error(source.name, None, None, "draft.not_draft")
    return None


def draft_kind(source: SourceFile, log: IssueLog, limits: DraftLimits | None = None) -> str | None:
    """'docx', 'odt' or 'txt' when the bytes may be parsed as a draft; else an error is logged."""
    limits = limits or DraftLimits()
    data, lower = source.data, source.name.lower()
    if len(data) > limits.max_file_bytes:
        log.error(source.name, None, None, "draft.too_large", limit=f"{limits.max_file_bytes // MB} MB")
        return None
    if not data:
        log.error(source.name, None, None, "draft.empty")
        return None
    if data.startswith(OLE_MAGIC) or lower.endswith((".doc", ".rtf")) or data.startswith(b"{\\rtf"):
        log.error(source.name, None, None, "draft.legacy_doc")
        return None
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(source, log, limits)
    if lower.endswith((".txt", ".md")) and b"\x00" not in data[:4096]:
        return "txt"
    log.error(source.name, None, None, "draft.not_draft")
    return None


def read_draft(source: SourceFile, log: IssueLog, limits: DraftLimits | None = None) -> Draft | None:
    """The draft's paragraphs and tables, or None with an error logged (never raises on bad input)."""
    limits = limits or DraftLimits()
    kind = draft_kind(source, log, limits)
    if kind is None:
        return None
    reader = {"docx": _read_docx, "odt": _read_odt, "txt": _read_txt}[kind]
    try:
        draft = reader(source.data, source.name)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:  # a damaged part inside a valid zip: lxml, odfpy and python-docx raise many kinds
        log.error(source.name, None, None, "draft.damaged")
        return None
    if len(draft.paragraphs) > limits.max_paragraphs:
        log.error(source.name, None, None, "draft.too_many_paragraphs", limit=format_number(limits.max_paragraphs))
        return None
    return draft
