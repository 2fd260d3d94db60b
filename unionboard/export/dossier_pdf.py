"""The congress dossier (`export.dossier`) as an A4 PDF: each form from a new page, in the Vietnamese
administrative layout (union, board and number left; national motto and date right; title; body;
recipients; signature). Same fonts as the report PDF (DejaVu, every Vietnamese letter); a glyph the font
lacks (emoji, CJK) is drawn as the font's fallback box, never an error. Table cells are cut at
`congress_sections.CELL_MAX` characters so a row always fits on a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF
from fpdf.fonts import FontFace

from unionboard.core.models import UnionInfo
from unionboard.export.dossier import FormDoc
from unionboard.export.pdf import (
    MARGIN_B,
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    SERIF,
    USABLE,
    fill_grid,
    font_files,
    plain,
)
from unionboard.export.pdf_charts import SANS
from unionboard.export.report import Table

ALIGN = {"left": "L", "center": "C", "right": "R", "justify": "J"}
HALF = USABLE / 2


def _two_columns(pdf: FPDF, left: Sequence[tuple[str, bool, bool]], right: Sequence[tuple[str, bool, bool]],
                 size: float = 11) -> None:
    top = pdf.get_y()
    bottoms = []
    for x, lines in ((MARGIN_L, left), (MARGIN_L + HALF, right)):
        pdf.set_xy(x, top)
        for text, bold, italic in lines:
            pdf.set_font(SERIF, ("B" if bold else "") + ("I" if italic else ""), size)
            pdf.set_x(x)
            pdf.multi_cell(HALF, 5.2, plain(text), align="C", new_x="LEFT", new_y="NEXT")
        bottoms.append(pdf.get_y())
    pdf.set_xy(MARGIN_L, max(bottoms) + 2)


def _table(pdf: FPDF, table: Table) -> None:
    widths = [w * USABLE / sum(table.widths_cm) for w in table.widths_cm]
    pdf.set_font(SANS, "", 8)
    with pdf.table(col_widths=widths, width=USABLE, align="LEFT", line_height=4,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(221, 235, 247)), repeat_headings=1,
                   text_align=tuple(ALIGN[a] for a in table.aligns), v_align="MIDDLE", padding=0.8) as grid:
        fill_grid(grid, table)
    pdf.set_y(pdf.get_y() + 2)


def _form(pdf: FPDF, form: FormDoc, info: UnionInfo) -> None:
    pdf.add_page()
    union = (info.name.strip() or "Công đoàn cơ sở").upper()
    _two_columns(pdf, [(union, False, False), (form.board, True, False), ("———", True, False)]
                 + ([(form.number, False, False)] if form.number else []),
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False),
                  ("———", True, False), ("……………, ngày …… tháng …… năm ……", False, True)])
    pdf.set_font(SERIF, "B", 14)
    pdf.multi_cell(USABLE, 7, plain(form.title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(SERIF, "B", 12)
    pdf.multi_cell(USABLE, 6, plain(form.subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 3)
    for block in form.blocks:
        if isinstance(block, Table):
            _table(pdf, block)
            continue
        pdf.set_font(SERIF, ("B" if block.bold else "") + ("I" if block.italic else ""), 11.5)
        pdf.multi_cell(USABLE, 5.6, ("      " if block.indent else "") + plain(block.text),
                       align=ALIGN[block.align], new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(pdf.get_y() + 1.5)
    if form.recipients:
        pdf.set_font(SERIF, "BI", 11)
        pdf.cell(USABLE, 6, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(SERIF, "", 10)
        for line in form.recipients:
            pdf.cell(USABLE, 5, plain(f"- {line}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 4)
    _two_columns(pdf, [(text, i < 2 and bool(text), False) for i, text in enumerate(form.sign_left)],
                 [(text, i < 2 and bool(text), False) for i, text in enumerate(form.sign_right)])


def dossier_pdf(docs: Sequence[FormDoc], info: UnionInfo) -> bytes:
    """The dossier as one PDF (bytes), each form from a new page."""
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    for family, styles in font_files().items():
        for style, path in styles.items():
            pdf.add_font(family, style, str(path))
    pdf.set_margins(MARGIN_L, MARGIN_T, MARGIN_R)
    pdf.set_auto_page_break(True, margin=MARGIN_B)
    pdf.set_title(plain(f"Hồ sơ đề nghị công nhận kết quả Đại hội — {info.name}"))
    pdf.set_creator("unionboard")
    for form in docs:
        _form(pdf, form, info)
    return bytes(pdf.output())
