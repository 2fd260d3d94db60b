"""The report's figures as a Word document laid out like a Vietnamese administrative report.

`dataset_to_docx(dataset)` writes the blocks of `export.report.build_report` (shared with the .odt
and .pdf exports): the union name and title, the member-structure paragraph in the
report's own sentence style, the "* Phần thu" / "* Phần chi" tables (ĐVT: đồng, numbers as
18.777.000, blank for zero as the report prints them), the resolution targets table and the awards.
Times New Roman 13 pt (also as the East-Asian font so Vietnamese never falls back), A4, margins
2/2/3/1.5 cm (top/bottom/left/right), bordered tables ("Table Grid").
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from unionboard.core.models import Dataset
from unionboard.core.text import numbers_in
from unionboard.export.report import (
    Block,
    Report,
    Section,
    Table,
    UnitNote,
    build_report,
    member_paragraph,
)

FONT = "Times New Roman"
BODY_PT, TABLE_PT, FINANCE_PT = 13, 12, 11
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)
ALIGNS = {"left": LEFT, "center": CENTER, "right": RIGHT, "justify": JUSTIFY}


# --------------------------------------------------------------------------- document set-up


def _set_fonts(style, size: int | None = None) -> None:
    style.font.name = FONT
    if size is not None:
        style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_attr), None)


def _new_document() -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    _set_fonts(normal, BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Table Grid",):
        _set_fonts(doc.styles[name])
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    return doc


def _paragraph(doc, text: str = "", *, bold: bool = False, italic: bool = False,
               align=JUSTIFY, size: int | None = None, before: int = 0, after: int = 6,
               indent: bool = False):
    paragraph = doc.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    return paragraph


def _cell(cell, text: str, *, bold: bool = False, align=LEFT, size: int = TABLE_PT) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    paragraph.paragraph_format.first_line_indent = Cm(0)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


CELL_MARGIN_CM = 0.1
USABLE_CM = 21 - 3 - 1.5


def _cell_margins(table) -> None:
    """Narrow left/right cell margins so that amounts fit on one line."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(CELL_MARGIN_CM / 2.54 * 1440)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def _text_cm(text: str, size_pt: float) -> float:
    """Rough printed width of a number in Times New Roman: digits 0.5 em, separators 0.25 em."""
    ems = sum(0.25 if ch in ".,-" else 0.5 for ch in text)
    return ems * size_pt / 72 * 2.54


def _amount_widths(columns: list[list[str]], size_pt: float, minimum: float) -> list[float]:
    """Column widths (cm) that keep every amount of each column on one line."""
    return [max(minimum, max((_text_cm(v, size_pt) for v in column), default=0)
                + 2 * CELL_MARGIN_CM + 0.1)
            for column in columns]


def _table(doc, header: list[str], rows: list[tuple[list[str], bool]], widths_cm: list[float],
           aligns: list, size: int = TABLE_PT):
    """A bordered table: `rows` are (cells, bold); widths in cm; header bold and centred."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _cell(cell, text, bold=True, align=CENTER, size=size)
    _repeat_header(table.rows[0])
    for values, bold in rows:
        cells = table.add_row().cells
        for cell, text, align in zip(cells, values, aligns, strict=True):
            _cell(cell, text, bold=bold, align=align, size=size)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    return table


# --------------------------------------------------------------------------- sections


def _unit_note(doc, note: UnitNote) -> None:
    """'* Phần thu' on the left and 'ĐVT: đồng' on the right of one line."""
    paragraph = _paragraph(doc, align=LEFT, before=6, after=3)
    run = paragraph.add_run(note.label)
    run.bold = True
    section = doc.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    paragraph.paragraph_format.tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)
    unit = paragraph.add_run(f"\t{note.unit}")
    unit.italic = True


def _finance_table(doc, header: list[str], rows: list[tuple[list[str], bool]], aligns: list) -> None:
    """Label column + amount columns sized to their widest amount, at the largest size that fits."""
    columns = [[values[i] for values, _bold in rows] for i in range(1, len(header))]
    for size in (FINANCE_PT, 10, 9, 8):
        widths = _amount_widths(columns, size, minimum=size / 11 * 1.7)
        label = USABLE_CM - sum(widths)
        if label >= 2.8:
            break
    _table(doc, header, rows, [label, *widths], aligns, size=size)


def _block(doc, block: Block) -> None:
    if isinstance(block, UnitNote):
        _unit_note(doc, block)
    elif isinstance(block, Table):
        header, rows = list(block.header), [(list(cells), bold) for cells, bold in block.rows]
        aligns = [ALIGNS[a] for a in block.aligns]
        if block.amounts:
            _finance_table(doc, header, rows, aligns)
        else:
            _table(doc, header, rows, list(block.widths_cm), aligns)
    else:
        _paragraph(doc, block.text, bold=block.bold, italic=block.italic, align=ALIGNS[block.align],
                   before=block.before, indent=block.indent)


def _heading(doc, report: Report) -> None:
    _paragraph(doc, report.organisation, bold=True, align=CENTER, after=0)
    rule = _paragraph(doc, "", align=CENTER, after=12)
    rule.add_run("—————").bold = True
    _paragraph(doc, report.title, bold=True, align=CENTER, size=14, after=0)
    if report.term:
        _paragraph(doc, report.term, bold=True, align=CENTER, size=14, after=12)
    else:
        _paragraph(doc, after=6)


def _signature(doc, report: Report) -> None:
    block = doc.add_table(rows=1, cols=2)
    block.autofit = False
    left, right = block.rows[0].cells
    left.width, right.width = Cm(8.5), Cm(8)
    lines = [(report.sign_for, True), (report.sign_role, True), ("", False), ("", False), ("", False)]
    if report.chair:
        lines.append((report.chair, True))
    for index, (text, bold) in enumerate(lines):
        paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold = bold


def dataset_to_docx(dataset: Dataset, lang: str = "vi", extra_sections: tuple[Section, ...] = ()) -> bytes:
    """The data set as a .docx report (bytes); `extra_sections` go before the signature."""
    with numbers_in(lang):  # every figure of the file in its language (18,777,000 in English)
        report = build_report(dataset, lang, extra_sections)
        doc = _new_document()
        _heading(doc, report)
        if not report.sections:
            _paragraph(doc, report.empty_note, italic=True, align=CENTER)
        for heading, section in report.numbered():
            _paragraph(doc, heading, bold=True, align=LEFT, before=12, after=6)
            for block in section.blocks:
                _block(doc, block)
        _paragraph(doc, after=12)
        _signature(doc, report)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


# The layout helpers under public names, for the other Word documents (export/congress_docx.py).
new_document, add_paragraph, add_table = _new_document, _paragraph, _table

__all__ = ["add_paragraph", "add_table", "dataset_to_docx", "member_paragraph", "new_document"]
