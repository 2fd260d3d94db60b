"""Congress-day Word documents laid out like the standard forms, in Vietnamese (the forms' language).

* `credentials_docx`: "Báo cáo thẩm tra tư cách đại biểu" (or, at a congress of all members, "Báo cáo
  tình hình đoàn viên dự Đại hội"): the two-column heading (union / national motto), the title, the
  body in sentences with the figures, the composition table, the conclusion on the quorum and the
  signature block of the credentials board.
* `minutes_docx`: "Biên bản kiểm phiếu": the counting board, convened / present / voting, ballots
  issued / collected / not collected / valid / invalid (by reason), the rules applied (Điều lệ 2020,
  Điều 10.3: more than half of the ballots collected), the votes and share of the ballots collected
  per candidate, who is elected (a tie or unfilled seats stated), and the signature lines.

Same page and type as the report (`export/docx.py`: A4, Times New Roman 13 pt).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.shared import Cm, Pt

from unionboard.analysis.congress import Credentials, ElectionResult, Entry
from unionboard.core.models import UnionInfo
from unionboard.export.congress_sections import credentials_rows, election_rows
from unionboard.export.docx import (
    CENTER,
    JUSTIFY,
    LEFT,
    RIGHT,
    add_paragraph,
    add_table,
    new_document,
)
from unionboard.present.congress import (
    age_text,
    attendance_sentence,
    delegate_warnings,
    invalid_sentence,
    quorum_sentence,
    reason_label,
    result_sentences,
    rule_sentences,
)

DATE_LINE = "……………, ngày …… tháng …… năm ……"
BLANK_NAME = "……………………………………"


def _cell_lines(cell, lines: list[tuple[str, bool, bool]]) -> None:
    for index, (text, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.first_line_indent = Cm(0)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic


def _heading(doc, info: UnionInfo, board: str, number: str = "") -> None:
    """Union, board and number (số/ký hiệu) on the left, the national motto and the date line on the right."""
    block = doc.add_table(rows=1, cols=2)
    block.autofit = False
    left, right = block.rows[0].cells
    left.width, right.width = Cm(7.5), Cm(9)
    union = (info.name.strip() or "Công đoàn cơ sở").upper()
    _cell_lines(left, [(union, False, False), (board, True, False), ("———", True, False)]
                + ([(number, False, False)] if number else []))
    _cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
                        ("Độc lập - Tự do - Hạnh phúc", True, False), ("———", True, False),
                        (DATE_LINE, False, True)])


def _congress_line(info: UnionInfo) -> str:
    text = "Đại hội " + (info.name.strip() or "Công đoàn cơ sở")
    if info.congress:
        text += f" lần thứ {info.congress}"
    if info.next_term:
        text += f", nhiệm kỳ {info.next_term}"
    return text


def _signature(doc, left: list[str], right: list[str]) -> None:
    block = doc.add_table(rows=1, cols=2)
    block.autofit = False
    cells = block.rows[0].cells
    cells[0].width, cells[1].width = Cm(8.25), Cm(8.25)
    for cell, lines in zip(cells, (left, right), strict=True):
        _cell_lines(cell, [(text, i < 2 and bool(text), False) for i, text in enumerate(lines)])


heading, signature = _heading, _signature  # the forms' heading and signature block, for the dossier


def _save(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def credentials_docx(report: Credentials, info: UnionInfo) -> bytes:
    """The credentials report as a .docx (bytes)."""
    delegates = report.delegate_congress
    doc = new_document()
    _heading(doc, info, "BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU" if delegates else "BAN TỔ CHỨC ĐẠI HỘI")
    title = "BÁO CÁO THẨM TRA TƯ CÁCH ĐẠI BIỂU" if delegates else "BÁO CÁO TÌNH HÌNH ĐOÀN VIÊN DỰ ĐẠI HỘI"
    add_paragraph(doc, title, bold=True, align=CENTER, size=14, before=12, after=0)
    add_paragraph(doc, _congress_line(info), bold=True, align=CENTER, after=12)
    board = "Ban Thẩm tra tư cách đại biểu" if delegates else "Ban Tổ chức Đại hội"
    add_paragraph(doc, f"Căn cứ Điều lệ Công đoàn Việt Nam và danh sách triệu tập, {board} báo cáo Đại hội như "
                       "sau:", indent=True)
    add_paragraph(doc, "1. Số lượng", bold=True, align=LEFT, before=6)
    add_paragraph(doc, attendance_sentence(report, "vi"), indent=True)
    add_paragraph(doc, "2. Cơ cấu " + ("đại biểu" if delegates else "đoàn viên") + " có mặt", bold=True,
                  align=LEFT, before=6)
    rows = [(list(cells), bold) for cells, bold in credentials_rows(report, "vi")]
    add_table(doc, ["STT", "Nội dung", "Số lượng", "Tỉ lệ"], rows, [1.2, 9.8, 2.5, 2.5],
              [CENTER, LEFT, CENTER, RIGHT])
    if age_text(report, "vi"):
        add_paragraph(doc, "Độ tuổi: " + age_text(report, "vi"), indent=True, before=6)
    add_paragraph(doc, "3. Kết luận", bold=True, align=LEFT, before=6)
    add_paragraph(doc, quorum_sentence(report, "vi"), indent=True)
    for warning in delegate_warnings(report, "vi"):
        add_paragraph(doc, warning, indent=True, italic=True)
    add_paragraph(doc, f"Trên đây là báo cáo của {board}, kính trình Đại hội.", indent=True, after=12)
    _signature(doc, ["", ""], [f"TM. {board.upper()}", "TRƯỞNG BAN", "", "", "", BLANK_NAME])
    return _save(doc)


def _entry_log(doc, log: Sequence[Entry]) -> None:
    """IV. Every entry: number, batch, who, when, what, cancelled or not (with who and why)."""
    add_paragraph(doc, "IV. Nhật ký nhập phiếu", bold=True, align=LEFT, before=6)
    rows = []
    for entry in log:
        what = (f"{entry.returned} phiếu: {entry.valid} hợp lệ, {entry.invalid} không hợp lệ"
                + (("; " + ", ".join(f"{name} {n}" for name, n in entry.votes)) if entry.votes else ""))
        state = f"Đã hủy ({entry.voided_by}: {entry.void_reason})" if entry.voided_at else "Được tính"
        rows.append(([str(entry.id), str(entry.batch or ""), entry.by, entry.at[:16].replace("T", " "), what, state],
                     False))
    add_table(doc, ["Mục", "Lô", "Người nhập", "Thời gian (UTC)", "Nội dung", "Trạng thái"], rows,
              [1.2, 1.0, 3.0, 2.8, 5.5, 3.0], [CENTER, CENTER, LEFT, CENTER, LEFT, LEFT])


def _figure(value: int | None) -> str:
    return str(value) if value else "……"


def minutes_docx(result: ElectionResult, info: UnionInfo, convened: int | None = None,
                 present: int | None = None, log: Sequence[Entry] = ()) -> bytes:
    """The counting minutes ("Biên bản kiểm phiếu") as a .docx (bytes); `log`: every entry (cancelled ones
    included) printed as the entry log."""
    election = result.election
    doc = new_document()
    _heading(doc, info, "BAN KIỂM PHIẾU")
    add_paragraph(doc, "BIÊN BẢN KIỂM PHIẾU", bold=True, align=CENTER, size=14, before=12, after=0)
    add_paragraph(doc, f"Bầu {election.title}", bold=True, align=CENTER, after=0)
    add_paragraph(doc, _congress_line(info), italic=True, align=CENTER, after=12)
    add_paragraph(doc, "Hôm nay, vào hồi …… giờ …… phút, ngày …… tháng …… năm ……, tại ……………………, Ban Kiểm phiếu "
                       "gồm các đồng chí:", indent=True)
    for n, role in enumerate(("Trưởng ban", "Thành viên", "Thành viên"), start=1):
        add_paragraph(doc, f"{n}. {BLANK_NAME} – {role}", align=LEFT, after=0, indent=True)
    add_paragraph(doc, f"đã tiến hành kiểm phiếu bầu {election.title}. Số lượng cần bầu: {election.seats} đồng chí; "
                       f"số ứng cử viên trong danh sách bầu cử: {len(election.candidates)} đồng chí.",
                  indent=True, before=6)
    add_paragraph(doc, "I. Kết quả kiểm phiếu", bold=True, align=LEFT, before=6)
    not_collected = result.not_collected if election.closed else result.remaining
    for label, value in (("Số được triệu tập", _figure(convened)), ("Số có mặt", _figure(present)),
                         ("Số tham gia bỏ phiếu", str(result.returned))):
        add_paragraph(doc, f"- {label}: {value} đồng chí.", align=LEFT, after=0, indent=True)
    for label, value in (("Tổng số phiếu phát ra", election.issued), ("Tổng số phiếu thu về", result.returned),
                         ("Số phiếu không thu về", not_collected),
                         ("Số phiếu hợp lệ", result.valid), ("Số phiếu không hợp lệ", result.invalid)):
        add_paragraph(doc, f"- {label}: {value} phiếu.", align=LEFT, after=0, indent=True)
    for code, n in result.invalid_by_reason:
        add_paragraph(doc, f"   + {reason_label(code, 'vi')}: {n} phiếu.", align=LEFT, after=0, indent=True)
    if invalid_sentence(result, "vi") == "" and result.invalid:
        add_paragraph(doc, "   (không ghi lý do)", align=LEFT, after=0, indent=True)
    add_paragraph(doc, "Thể lệ áp dụng:", italic=True, align=LEFT, before=6, after=0, indent=True)
    for sentence in rule_sentences(result, "vi"):
        add_paragraph(doc, sentence, indent=True, align=JUSTIFY, after=0)
    add_paragraph(doc, "II. Số phiếu bầu của từng ứng cử viên (tỉ lệ so với tổng số phiếu thu về)", bold=True,
                  align=LEFT, before=6)
    rows = [(list(cells), bold) for cells, bold in election_rows(result, "vi")]
    add_table(doc, ["STT", "Họ và tên", "Số phiếu", "Tỉ lệ", "Kết quả"], rows, [1.2, 6.8, 2.2, 2.3, 4.0],
              [CENTER, LEFT, CENTER, RIGHT, CENTER])
    add_paragraph(doc, "III. Kết quả bầu cử", bold=True, align=LEFT, before=6)
    if not result.complete:
        add_paragraph(doc, f"Chưa kiểm xong: còn {result.remaining} phiếu chưa kiểm.", italic=True, indent=True)
    elif election.closed and result.not_collected:
        add_paragraph(doc, f"Ban Kiểm phiếu kết thúc kiểm phiếu với {result.returned} phiếu thu về; "
                           f"{result.not_collected} phiếu không thu về.", italic=True, indent=True)
    sentences = result_sentences(result, "vi") or ["Không có ứng cử viên nào được quá một nửa số phiếu thu về."]
    for sentence in sentences:
        add_paragraph(doc, sentence, indent=True, align=JUSTIFY)
    if log:
        _entry_log(doc, log)
    add_paragraph(doc, "Biên bản lập xong hồi …… giờ …… phút cùng ngày, đã đọc lại cho Ban Kiểm phiếu cùng nghe và "
                       "nhất trí ký tên.", indent=True, after=12)
    _signature(doc, ["CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "", "", "", BLANK_NAME, "", BLANK_NAME],
               ["TRƯỞNG BAN KIỂM PHIẾU", "", "", "", BLANK_NAME])
    return _save(doc)
