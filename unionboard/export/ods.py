"""The data workbook as an OpenDocument spreadsheet (.ods): the same sheets and cells as the .xlsx.

`dataset_to_ods(dataset)` writes `export.xlsx.build_workbook(dataset)` cell by cell with odfpy:
texts as string cells, numbers as float cells with the thousands grouping of ``#,##0``, years
without grouping, dates as date cells, bold and italic fonts, the header fill and the column widths.
Every value goes through `safe.ods_cell` (formula injection: a text starting with = + - @ keeps its
leading quote and is a string cell; no cell is ever written with a formula). The file reads back
through the checker (`domains.loader.check_files`) to the same data set.
"""

from __future__ import annotations

import io

from odf.number import DateStyle, Day, Month, Number, NumberStyle, Text, Year
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from unionboard.core.models import Dataset
from unionboard.core.text import format_number
from unionboard.export.safe import ods_cell
from unionboard.export.xlsx import build_workbook

CHAR_CM = 0.2  # one Excel width unit (a character of the default font) in cm, roughly


class _Styles:
    """Cell styles keyed by (number kind, bold, italic, fill), created on first use."""

    def __init__(self, doc: OpenDocumentSpreadsheet) -> None:
        self.doc = doc
        self.cells: dict[tuple, Style] = {}
        self.columns: dict[str, Style] = {}
        grouped = NumberStyle(name="Nthousands")
        grouped.addElement(Number(decimalplaces="0", minintegerdigits="1", grouping="true"))
        decimals = NumberStyle(name="Ndecimals")
        decimals.addElement(Number(decimalplaces="2", minintegerdigits="1", grouping="true"))
        plain = NumberStyle(name="Nplain")
        plain.addElement(Number(decimalplaces="0", minintegerdigits="1"))
        date = DateStyle(name="Ndate")
        for element in (Day(style="long"), Text(text="/"), Month(style="long"), Text(text="/"),
                        Year(style="long")):
            date.addElement(element)
        for style in (grouped, decimals, plain, date):
            doc.automaticstyles.addElement(style)
        self.formats = {"int": "Nthousands", "float": "Ndecimals", "year": "Nplain", "date": "Ndate"}

    def cell(self, kind: str | None, bold: bool, italic: bool, fill: str | None) -> Style | None:
        """The style of a cell (None: the default style)."""
        key = (kind, bold, italic, fill)
        if key == (None, False, False, None):
            return None
        if key not in self.cells:
            attrs = {"datastylename": self.formats[kind]} if kind else {}
            style = Style(name=f"ce{len(self.cells) + 1}", family="table-cell", **attrs)
            if bold or italic:
                style.addElement(TextProperties(fontweight="bold" if bold else "normal",
                                                fontstyle="italic" if italic else "normal"))
            if fill:
                style.addElement(TableCellProperties(backgroundcolor=f"#{fill}"))
            self.doc.automaticstyles.addElement(style)
            self.cells[key] = style
        return self.cells[key]

    def column(self, width_cm: float) -> Style:
        """A column style of this width."""
        name = f"co{width_cm:.2f}"
        if name not in self.columns:
            style = Style(name=f"co{len(self.columns) + 1}", family="table-column")
            style.addElement(TableColumnProperties(columnwidth=f"{width_cm:.2f}cm"))
            self.doc.automaticstyles.addElement(style)
            self.columns[name] = style
        return self.columns[name]


def _kind(cell: Cell, valuetype: str | None) -> str | None:
    if valuetype == "date":
        return "date"
    if valuetype != "float":
        return None
    if cell.number_format == "0":
        return "year"
    return "int" if float(cell.value).is_integer() else "float"


def _fill(cell: Cell) -> str | None:
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    rgb = fill.fgColor.rgb if isinstance(fill.fgColor.rgb, str) else None
    return rgb[-6:] if rgb else None


def _ods_cell(cell: Cell, styles: _Styles) -> TableCell:
    valuetype, value = ods_cell(cell.value)
    style = styles.cell(_kind(cell, valuetype), bool(cell.font and cell.font.b),
                        bool(cell.font and cell.font.i), _fill(cell))
    attrs = {"stylename": style} if style is not None else {}
    if valuetype is None:
        return TableCell(**attrs)
    if valuetype == "string":
        element = TableCell(valuetype="string", **attrs)
        for line in str(value).split("\n"):
            element.addElement(P(text=line))
        return element
    if valuetype == "boolean":
        element = TableCell(valuetype="boolean", booleanvalue="true" if value else "false", **attrs)
    elif valuetype == "date":
        element = TableCell(valuetype="date", datevalue=value, **attrs)
    else:
        element = TableCell(valuetype="float", value=value, **attrs)
    element.addElement(P(text=_shown(cell, valuetype, value)))
    return element


def _shown(cell: Cell, valuetype: str, value: object) -> str:
    """The text a spreadsheet shows for the cell (what an .ods keeps beside the value)."""
    if valuetype == "boolean":
        return "TRUE" if value else "FALSE"
    if valuetype == "date":
        year, month, day = str(value)[:10].split("-")
        return f"{day}/{month}/{year}"
    number = float(value)
    if cell.number_format == "0" or not number.is_integer():
        return str(value)
    return str(format_number(int(number), 0, "vi"))  # the data workbook is the Vietnamese template


def _sheet(ws: Worksheet, styles: _Styles) -> Table:
    table = Table(name=ws.title)
    for col in range(1, ws.max_column + 1):
        width = ws.column_dimensions[get_column_letter(col)].width or 10
        table.addElement(TableColumn(stylename=styles.column(round(width * CHAR_CM, 2))))
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        element = TableRow()
        for cell in row:
            element.addElement(_ods_cell(cell, styles))
        table.addElement(element)
    return table


def workbook_to_ods(wb: Workbook) -> bytes:
    """Any openpyxl workbook's values and basic formatting as .ods bytes (no formulas, ever)."""
    doc = OpenDocumentSpreadsheet()
    styles = _Styles(doc)
    for ws in wb.worksheets:
        doc.spreadsheet.addElement(_sheet(ws, styles))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def dataset_to_ods(dataset: Dataset) -> bytes:
    """The checked data set as .ods bytes, sheet for sheet the same as `dataset_to_xlsx` (re-uploadable)."""
    return workbook_to_ods(build_workbook(dataset))


__all__ = ["dataset_to_ods", "workbook_to_ods"]
