"""The Word report as an OpenDocument text (.odt), for LibreOffice and the state's open-format rules.

`dataset_to_odt(dataset, lang)` writes the same blocks as `dataset_to_docx` (`export.report`): the
heading, the numbered sections with their paragraphs, "* Phần thu / ĐVT: đồng" notes and bordered
tables, and the signature block; A4 with 2/2/3/1.5 cm margins, Times New Roman 13 pt. Text goes in
through odfpy's text nodes, so user text is escaped XML, never markup.
"""

from __future__ import annotations

import io

from odf.dc import Title
from odf.opendocument import OpenDocumentText
from odf.style import (
    FontFace,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TabStop,
    TabStops,
    TextProperties,
)
from odf.style import MasterPage as StyleMasterPage
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import P, Span, Tab

from unionboard.core.models import Dataset
from unionboard.core.text import numbers_in
from unionboard.export.report import (
    Block,
    Paragraph,
    Report,
    Section,
    Table,
    UnitNote,
    build_report,
)

FONT = "Times New Roman"
USABLE_CM = 16.5
_ALIGN = {"left": "start", "center": "center", "right": "end", "justify": "justify"}


class _Styles:
    """The document's automatic styles, created once and looked up by name."""

    def __init__(self, doc: OpenDocumentText) -> None:
        self.doc = doc
        doc.fontfacedecls.addElement(FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="roman"))
        layout = PageLayout(name="A4")
        layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="2cm",
                                               marginbottom="2cm", marginleft="3cm", marginright="1.5cm",
                                               printorientation="portrait"))
        doc.automaticstyles.addElement(layout)
        doc.masterstyles.addElement(StyleMasterPage(name="Standard", pagelayoutname=layout))
        self.bold = self._text_style("Bold", fontweight="bold")
        self.italic = self._text_style("Italic", fontstyle="italic")
        self.cache: dict[tuple, Style] = {}

    def _text_style(self, name: str, **props: str) -> Style:
        style = Style(name=name, family="text")
        style.addElement(TextProperties(**props))
        self.doc.automaticstyles.addElement(style)
        return style

    def paragraph(self, *, align: str = "justify", size: float = 13, bold: bool = False,
                  italic: bool = False, before: float = 0, after: float = 6, indent: bool = False,
                  tab: bool = False) -> Style:
        """A paragraph style with these properties (one style per distinct combination)."""
        key = (align, size, bold, italic, before, after, indent, tab)
        if key in self.cache:
            return self.cache[key]
        style = Style(name=f"P{len(self.cache) + 1}", family="paragraph")
        props = ParagraphProperties(textalign=_ALIGN[align], margintop=f"{before}pt",
                                    marginbottom=f"{after}pt", textindent="1cm" if indent else "0cm")
        if tab:
            stops = TabStops()
            stops.addElement(TabStop(position=f"{USABLE_CM}cm", type="right"))
            props.addElement(stops)
        style.addElement(props)
        style.addElement(TextProperties(fontname=FONT, fontsize=f"{size}pt",
                                        fontweight="bold" if bold else "normal",
                                        fontstyle="italic" if italic else "normal"))
        self.doc.automaticstyles.addElement(style)
        self.cache[key] = style
        return style

    def named(self, name: str, family: str, *elements) -> Style:
        """An automatic style `name` of `family` holding the given property elements."""
        style = Style(name=name, family=family)
        for element in elements:
            style.addElement(element)
        self.doc.automaticstyles.addElement(style)
        return style


def _p(styles: _Styles, parent, text: str = "", **kwargs) -> P:
    paragraph = P(stylename=styles.paragraph(**kwargs), text=text)
    parent.addElement(paragraph)
    return paragraph


def _unit_note(styles: _Styles, body, note: UnitNote) -> None:
    paragraph = P(stylename=styles.paragraph(align="left", before=6, after=3, tab=True))
    paragraph.addElement(Span(stylename=styles.bold, text=note.label))
    paragraph.addElement(Tab())
    paragraph.addElement(Span(stylename=styles.italic, text=note.unit))
    body.addElement(paragraph)


def _amount_widths(table: Table, size: float) -> list[float]:
    """Amount columns sized to their widest number (Times digits ≈ 0.5 em); the label takes the rest."""
    widths = []
    for col in range(1, len(table.header)):
        ems = max(sum(0.25 if ch in ".,-" else 0.5 for ch in cells[col]) for cells, _ in table.rows)
        widths.append(max(1.7, ems * size / 72 * 2.54 + 0.3))
    return [max(2.8, USABLE_CM - sum(widths)), *widths]


def _table(styles: _Styles, body, table: Table, index: int) -> None:
    size = 11 if table.amounts else 12
    widths = _amount_widths(table, size) if table.amounts else list(table.widths_cm)
    name = f"T{index}"
    styles.named(name, "table", TableProperties(width=f"{sum(widths):.2f}cm", align="center"))
    grid = OdfTable(name=name, stylename=name)
    for col, width in enumerate(widths):
        column_style = styles.named(f"{name}.C{col}", "table-column",
                                    TableColumnProperties(columnwidth=f"{width:.2f}cm"))
        grid.addElement(TableColumn(stylename=column_style))
    cell_style = styles.cache.get(("cell",)) or styles.named(
        "Cell", "table-cell", TableCellProperties(border="0.5pt solid #000000", padding="0.05cm",
                                                  verticalalign="middle"))
    header_style = styles.cache.get(("header",)) or styles.named(
        "HeaderCell", "table-cell", TableCellProperties(border="0.5pt solid #000000", padding="0.05cm",
                                                        verticalalign="middle", backgroundcolor="#DDEBF7"))
    styles.cache[("cell",)], styles.cache[("header",)] = cell_style, header_style
    header_rows = TableHeaderRows()
    row = TableRow()
    for text in table.header:
        cell = TableCell(stylename=header_style, valuetype="string")
        cell.addElement(P(stylename=styles.paragraph(align="center", size=size, bold=True, after=0),
                          text=text))
        row.addElement(cell)
    header_rows.addElement(row)
    grid.addElement(header_rows)
    for cells, bold in table.rows:
        row = TableRow()
        for text, align in zip(cells, table.aligns, strict=True):
            cell = TableCell(stylename=cell_style, valuetype="string")
            cell.addElement(P(stylename=styles.paragraph(align=align, size=size, bold=bold, after=0),
                              text=text))
            row.addElement(cell)
        grid.addElement(row)
    body.addElement(grid)


def _block(styles: _Styles, body, block: Block, index: int) -> None:
    if isinstance(block, UnitNote):
        _unit_note(styles, body, block)
    elif isinstance(block, Table):
        _table(styles, body, block, index)
    elif isinstance(block, Paragraph):
        _p(styles, body, block.text, align=block.align, bold=block.bold, italic=block.italic,
           before=block.before, indent=block.indent)


def _signature(styles: _Styles, body, report: Report) -> None:
    styles.named("Sign", "table", TableProperties(width=f"{USABLE_CM}cm", align="center"))
    grid = OdfTable(name="Sign", stylename="Sign")
    for col, width in enumerate((8.5, 8.0)):
        grid.addElement(TableColumn(stylename=styles.named(
            f"Sign.C{col}", "table-column", TableColumnProperties(columnwidth=f"{width}cm"))))
    row = TableRow()
    row.addElement(TableCell())
    right = TableCell()
    lines = [(report.sign_for, True), (report.sign_role, True), ("", False), ("", False), ("", False)]
    if report.chair:
        lines.append((report.chair, True))
    for text, bold in lines:
        right.addElement(P(stylename=styles.paragraph(align="center", bold=bold, after=0), text=text))
    row.addElement(right)
    grid.addElement(row)
    body.addElement(grid)


def dataset_to_odt(dataset: Dataset, lang: str = "vi", extra_sections: tuple[Section, ...] = ()) -> bytes:
    """The data set as an .odt report (bytes): the Word report's content in OpenDocument."""
    with numbers_in(lang):  # every figure of the file in its language (18,777,000 in English)
        report = build_report(dataset, lang, extra_sections)
        doc = OpenDocumentText()
        styles = _Styles(doc)
        body = doc.text
        _p(styles, body, report.organisation, align="center", bold=True, after=0)
        _p(styles, body, "—————", align="center", bold=True, after=12)
        _p(styles, body, report.title, align="center", size=14, bold=True, after=0)
        _p(styles, body, report.term, align="center", size=14, bold=True, after=12 if report.term else 6)
        if not report.sections:
            _p(styles, body, report.empty_note, align="center", italic=True)
        tables = 0
        for heading, section in report.numbered():
            _p(styles, body, heading, align="left", bold=True, before=12, after=6)
            for block in section.blocks:
                tables += isinstance(block, Table)
                _block(styles, body, block, tables)
        _p(styles, body, after=12)
        _signature(styles, body, report)
        doc.meta.addElement(Title(text=f"{report.title} — {report.organisation}"))
        out = io.BytesIO()
        doc.write(out)
        return out.getvalue()


__all__ = ["dataset_to_odt"]
