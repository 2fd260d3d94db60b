"""The report's figures as a Word document laid out like a Vietnamese administrative report.

`dataset_to_docx(dataset)` writes the union name and title, the member-structure paragraph in the
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

from unionboard.analysis.metrics import below_university, member_summary
from unionboard.core.models import Dataset, Finance, Roster
from unionboard.core.text import format_number

FONT = "Times New Roman"
BODY_PT, TABLE_PT, FINANCE_PT = 13, 12, 11
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


# --------------------------------------------------------------------------- text


def _pad(n: int) -> str:
    """The report writes small counts with two digits: 6 → '06'."""
    return f"{n:02d}"


def member_paragraph(roster: Roster) -> str:
    """The member structure in the report's words (Part 1, I.1).

    "Tổng số 33 đoàn viên, trong đó: 16 nam, 17 nữ; ... Trình độ chuyên môn: Thạc sỹ: 06; ..."
    """
    summary = member_summary(roster)
    gender, education = summary["by_gender"], summary["by_education"]
    theory = summary["by_political_theory"]
    first = (f"Tổng số {summary['total']} đoàn viên, trong đó: {gender.get('Nam', 0)} nam, "
             f"{gender.get('Nữ', 0)} nữ")
    departments = len(summary["by_department"])
    first += f"; sinh hoạt tại {_pad(departments)} phòng, đơn vị." if departments else "."
    levels = [f"{level}: {_pad(education[level])}" for level in ("Tiến sỹ", "Thạc sỹ", "Đại học",
                                                                  "Cao đẳng")
              if education.get(level) or level in ("Thạc sỹ", "Đại học")]
    below = below_university(summary)
    if below:
        levels.append(f"{_pad(below)} trình độ dưới Đại học")
    parts = [first, f"Trình độ chuyên môn: {'; '.join(levels)}."]
    parts.append(f"Trình độ lý luận chính trị: Cử nhân, Cao cấp: {theory.get('Cao cấp', 0)}; "
                 f"Trung cấp: {theory.get('Trung cấp', 0)}.")
    parts.append(f"Tổng số đảng viên: {summary['party_members']} đồng chí (trong đó: đảng viên nữ là "
                 f"{summary['party_members_female']} đồng chí).")
    return " ".join(parts)


def _amount(value: int) -> str:
    """18777000 → '18.777.000'; zero is left blank as in the report."""
    return format_number(value) if value else ""


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


def _unit_note(doc, heading: str) -> None:
    """'* Phần thu' on the left and 'ĐVT: đồng' on the right of one line."""
    paragraph = _paragraph(doc, align=LEFT, before=6, after=3)
    run = paragraph.add_run(heading)
    run.bold = True
    section = doc.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    paragraph.paragraph_format.tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)
    unit = paragraph.add_run("\tĐVT: đồng")
    unit.italic = True


def _finance_table(doc, header: list[str], rows: list[tuple[list[str], bool]]) -> None:
    """Label column + amount columns sized to their widest amount, at the largest size that fits."""
    columns = [[values[i] for values, _bold in rows] for i in range(1, len(header))]
    for size in (FINANCE_PT, 10, 9, 8):
        widths = _amount_widths(columns, size, minimum=size / 11 * 1.7)
        label = USABLE_CM - sum(widths)
        if label >= 2.8:
            break
    _table(doc, header, rows, [label, *widths], [LEFT, *([RIGHT] * len(widths))], size=size)


def _finance_tables(doc, finance: Finance) -> None:
    years = list(finance.years)
    year_labels = [f"Năm {y}" for y in years]
    if finance.opening_balance:
        _paragraph(doc, f"Tồn quỹ đầu nhiệm kỳ: {format_number(finance.opening_balance)} đồng.",
                   indent=True)

    revenue = finance.table("revenue")
    if not revenue.empty or finance.revenue:
        _unit_note(doc, "* Phần thu")
        rows = [([str(item), *(_amount(int(v)) for v in row), _amount(int(row.sum()))], False)
                for item, row in revenue.iterrows()]
        by_year = finance.by_year("revenue")
        rows.append((["Tổng cộng", *(_amount(by_year.get(y, 0)) for y in years),
                      _amount(finance.total("revenue"))], True))
        _finance_table(doc, ["Nguồn thu", *year_labels, "Tổng cộng"], rows)

    spending = finance.table("spending")
    if finance.spending or finance.revenue:
        _unit_note(doc, "* Phần chi")
        rows = [([str(item), *(_amount(int(v)) for v in row), _amount(int(row.sum())), ""], False)
                for item, row in spending.iterrows()]
        by_year = finance.by_year("spending")
        closing = finance.closing_balance
        rows.append((["Cộng", *(_amount(by_year.get(y, 0)) for y in years),
                      _amount(finance.total("spending")), format_number(closing)], True))
        _finance_table(doc, ["Mục chi", *year_labels, "Tổng cộng", "Tồn cuối"], rows)
    _paragraph(doc, (f"Tổng thu cả nhiệm kỳ {format_number(finance.total('revenue'))} đồng; tổng chi "
                     f"{format_number(finance.total('spending'))} đồng; tồn cuối "
                     f"{format_number(finance.closing_balance)} đồng."), before=6, indent=True)


def _targets_table(doc, dataset: Dataset) -> None:
    rows = []
    for target in dataset.targets:
        stt = target.group if target.is_first_in_group else ""
        rows.append(([stt, target.text, target.unit, target.target, target.result, target.status],
                     False))
    _table(doc, ["STT", "Nội dung mục tiêu Nghị quyết", "ĐVT", "Mục tiêu NQ", "KQ thực hiện",
                 "Đánh giá"], rows, [1.1, 7.4, 1.6, 2.2, 2.2, 2.0],
           [CENTER, LEFT, CENTER, CENTER, CENTER, CENTER])


def _awards_table(doc, dataset: Dataset) -> None:
    rows = []
    for index, award in enumerate(dataset.awards, start=1):
        when = award.period or (str(award.year) if award.year is not None else "")
        rows.append(([str(index), when, award.form, award.level, award.recipient_type,
                      str(award.count), award.note], False))
    total = sum(a.count for a in dataset.awards)
    rows.append((["", "Cộng", "", "", "", str(total), ""], True))
    _table(doc, ["STT", "Năm", "Hình thức", "Cấp", "Đối tượng", "Số lượng", "Ghi chú"], rows,
           [1.0, 2.2, 3.2, 2.2, 1.9, 1.5, 4.5],
           [CENTER, CENTER, LEFT, LEFT, LEFT, CENTER, LEFT])


def _term_targets_table(doc, dataset: Dataset) -> None:
    rows = [([t.code, t.text, t.group, t.unit, t.term_target], False) for t in dataset.term_targets]
    _table(doc, ["Mã", "Mục tiêu", "Hình thức thực hiện", "ĐVT", "Chỉ tiêu nhiệm kỳ"], rows,
           [1.2, 7.8, 3.0, 1.5, 3.0], [CENTER, LEFT, LEFT, CENTER, CENTER])


def _heading(doc, info) -> None:
    name = info.name.strip() or "Công đoàn cơ sở"
    _paragraph(doc, name.upper(), bold=True, align=CENTER, after=0)
    rule = _paragraph(doc, "", align=CENTER, after=12)
    rule.add_run("—————").bold = True
    title = "BÁO CÁO SỐ LIỆU ĐẠI HỘI"
    title += f" LẦN THỨ {info.congress}" if info.congress else " CÔNG ĐOÀN CƠ SỞ"
    _paragraph(doc, title, bold=True, align=CENTER, size=14, after=0)
    if info.reported_term:
        _paragraph(doc, f"Nhiệm kỳ {info.reported_term}", bold=True, align=CENTER, size=14, after=12)
    else:
        _paragraph(doc, after=6)


def _signature(doc, roster: Roster | None) -> None:
    chair = ""
    if roster is not None and len(roster):
        frame = roster.frame
        found = frame.loc[frame["role"].fillna("").str.strip().str.lower() == "chủ tịch", "name"]
        chair = str(found.iloc[0]) if len(found) else ""
    block = doc.add_table(rows=1, cols=2)
    block.autofit = False
    left, right = block.rows[0].cells
    left.width, right.width = Cm(8.5), Cm(8)
    lines = [("TM. BAN CHẤP HÀNH", True), ("CHỦ TỊCH", True), ("", False), ("", False), ("", False)]
    if chair:
        lines.append((chair, True))
    for index, (text, bold) in enumerate(lines):
        paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold = bold


def dataset_to_docx(dataset: Dataset) -> bytes:
    """The data set as a .docx report (bytes)."""
    doc = _new_document()
    _heading(doc, dataset.info)
    sections = []
    if dataset.members is not None and len(dataset.members):
        sections.append(("Cơ cấu đoàn viên", lambda: _paragraph(
            doc, member_paragraph(dataset.members), indent=True)))
    if dataset.finance is not None and dataset.finance.entries:
        sections.append(("Công tác tài chính công đoàn", lambda: _finance_tables(doc, dataset.finance)))
    if dataset.targets:
        sections.append(("Kết quả thực hiện các chỉ tiêu Nghị quyết",
                         lambda: _targets_table(doc, dataset)))
    if dataset.awards:
        sections.append(("Thi đua, khen thưởng", lambda: _awards_table(doc, dataset)))
    if dataset.term_targets:
        term = f" {dataset.info.next_term}" if dataset.info.next_term else " tới"
        sections.append((f"Mục tiêu nhiệm kỳ{term}", lambda: _term_targets_table(doc, dataset)))
    if not sections:
        _paragraph(doc, "Chưa có số liệu.", italic=True, align=CENTER)
    for number, (heading, write) in zip(ROMAN, sections, strict=False):
        _paragraph(doc, f"{number}. {heading}", bold=True, align=LEFT, before=12, after=6)
        write()
    _paragraph(doc, after=12)
    _signature(doc, dataset.members)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# The layout helpers under public names, for the other Word documents (export/congress_docx.py).
new_document, add_paragraph, add_table = _new_document, _paragraph, _table
