"""The dossier sent up after the congress (hồ sơ đề nghị công nhận kết quả đại hội), as form documents.

Built from what the congress recorded: the election minutes of the executive committee and of the chair
(Hướng dẫn 28/HD-TLĐ: the chair elected directly at the congress), the minutes of the new committee's
first meeting (positions entered in a small form), the summary list of the new committee (danh sách
trích ngang, joined from the roster) and the letter requesting recognition. Each is a `FormDoc` in the
Vietnamese administrative layout — union and number on the left, the national motto on the right, title,
body, recipients (nơi nhận) and signature — written as Word (`dossier_docx`) and PDF
(`export.dossier_pdf.dossier_pdf`). The forms are in Vietnamese, the language they are filed in.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from unionboard.analysis.congress import CHAIR, ElectionResult, Person
from unionboard.core.models import UnionInfo
from unionboard.core.text import fold
from unionboard.export.congress_docx import BLANK_NAME, heading, signature
from unionboard.export.congress_sections import cell_text, election_rows
from unionboard.export.docx import ALIGNS, add_paragraph, add_table, new_document
from unionboard.export.report import CENTER, LEFT, Paragraph, Table
from unionboard.present.congress import invalid_sentence, result_sentences, rule_sentences

Block = Paragraph | Table


@dataclass(frozen=True)
class Positions:
    """What the new committee's first meeting elected (entered in a small form)."""

    chair: str = ""
    vice_chairs: tuple[str, ...] = ()
    inspection: tuple[str, ...] = ()  # ủy ban kiểm tra
    inspection_head: str = ""  # chủ nhiệm ủy ban kiểm tra


@dataclass(frozen=True)
class FormDoc:
    """One form of the dossier: heading, title, body, recipients and signature."""

    board: str
    number: str
    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    sign_left: tuple[str, ...]
    sign_right: tuple[str, ...]
    recipients: tuple[str, ...] = ()


def _congress(info: UnionInfo) -> str:
    text = "Đại hội " + (info.name.strip() or "Công đoàn cơ sở")
    text += f" lần thứ {info.congress}" if info.congress else ""
    return text + (f", nhiệm kỳ {info.next_term}" if info.next_term else "")


def election_minutes(result: ElectionResult, info: UnionInfo, convened: int | None, present: int | None) -> FormDoc:
    """Biên bản bầu cử: figures, the rule applied, each candidate's votes and share, who is elected."""
    election = result.election
    what = "Chủ tịch Công đoàn cơ sở (bầu trực tiếp tại Đại hội)" if election.kind == CHAIR else election.title
    unknown = "……"
    figures = (f"Số được triệu tập: {convened or unknown}; có mặt: {present or unknown}; tham gia bỏ phiếu: "
               f"{result.returned}. Phiếu phát ra: {election.issued}; thu về: {result.returned}; không thu về: "
               f"{result.not_collected if election.closed else result.remaining}; hợp lệ: {result.valid}; "
               f"không hợp lệ: {result.invalid}.")
    blocks: list[Block] = [
        Paragraph(f"Ban Bầu cử {_congress(info)} đã tiến hành bầu {what}. Số lượng cần bầu: {election.seats}; số "
                  f"người trong danh sách bầu cử: {len(election.candidates)}."),
        Paragraph(figures)]
    if invalid_sentence(result, "vi"):
        blocks.append(Paragraph(invalid_sentence(result, "vi")))
    blocks += [Paragraph(s, italic=True) for s in rule_sentences(result, "vi")]
    blocks.append(Table(f"dossier-election-{election.id}", ("STT", "Họ và tên", "Số phiếu", "Tỉ lệ/phiếu thu về",
                                                            "Kết quả"),
                        tuple((tuple(cells), bold) for cells, bold in election_rows(result, "vi")),
                        (CENTER, LEFT, CENTER, CENTER, CENTER), (1.2, 6.8, 2.2, 2.8, 3.5)))
    if not result.complete:
        blocks.append(Paragraph(f"Chưa kiểm xong: còn {result.remaining} phiếu.", italic=True))
    blocks += [Paragraph(s) for s in result_sentences(result, "vi")] or [
        Paragraph("Không có người nào được quá một nửa số phiếu thu về.")]
    return FormDoc("BAN BẦU CỬ", "Số: ……/BB-BBC", "BIÊN BẢN BẦU CỬ", f"Bầu {what}", tuple(blocks),
                   ("THƯ KÝ", "", "", "", BLANK_NAME), ("TM. BAN BẦU CỬ", "TRƯỞNG BAN", "", "", "", BLANK_NAME))


def first_meeting(positions: Positions, committee: Sequence[str], info: UnionInfo) -> FormDoc:
    """Biên bản hội nghị lần thứ nhất Ban Chấp hành: the positions elected."""
    rows = [(("Chủ tịch", positions.chair or "……"), False)]
    rows += [(("Phó Chủ tịch", name), False) for name in positions.vice_chairs]
    rows += [(("Chủ nhiệm Ủy ban kiểm tra", positions.inspection_head or "……"), False)]
    rows += [(("Ủy viên Ủy ban kiểm tra", name), False) for name in positions.inspection]
    blocks = (Paragraph(f"Hội nghị lần thứ nhất Ban Chấp hành khóa mới, {_congress(info)}, có mặt "
                        f"{len(committee)}/{len(committee)} ủy viên Ban Chấp hành, đã bầu các chức danh sau:"),
              Table("dossier-positions", ("Chức danh", "Họ và tên"), tuple(((r[0], cell_text(r[1])), b) for r, b in rows),
                    (LEFT, LEFT), (6.5, 10.0)),
              Paragraph("Hội nghị kết thúc hồi …… giờ …… cùng ngày."))
    return FormDoc("BAN CHẤP HÀNH", "Số: ……/BB-CĐCS", "BIÊN BẢN", "Hội nghị lần thứ nhất Ban Chấp hành", blocks,
                   ("THƯ KÝ HỘI NGHỊ", "", "", "", BLANK_NAME), ("CHỦ TRÌ HỘI NGHỊ", "", "", "", BLANK_NAME))


def _position(name: str, positions: Positions) -> str:
    roles = ([("Chủ tịch", positions.chair)] + [("Phó Chủ tịch", v) for v in positions.vice_chairs]
             + [("Chủ nhiệm UBKT", positions.inspection_head)] + [("Ủy viên UBKT", v) for v in positions.inspection])
    found = [role for role, who in roles if who and fold(who) == fold(name)]
    return ", ".join(["Ủy viên BCH", *found]) if found else "Ủy viên BCH"


def summary_rows(committee: Sequence[str], people: Sequence[Person],
                 positions: Positions) -> list[tuple[tuple[str, ...], bool]]:
    """Danh sách trích ngang: each member of the new committee joined with the roster by name ("" unknown)."""
    by_name = {fold(p.name): p for p in people}
    rows = []
    for n, name in enumerate(committee, start=1):
        p = by_name.get(fold(name))
        born = "" if p is None or p.birth_year is None else str(p.birth_year)
        sex = "" if p is None or not p.gender else p.gender
        party = "" if p is None or p.party_member is None else ("Đảng viên" if p.party_member else "")
        unit = "" if p is None else " – ".join(x for x in (p.role or "", p.unit) if x)
        rows.append(((str(n), cell_text(name), born, sex, cell_text(unit), (p.ethnicity or "") if p else "",
                      (p.education or "") if p else "", (p.political_theory or "") if p else "", party,
                      _position(name, positions)), False))
    return rows


def summary_list(committee: Sequence[str], people: Sequence[Person], positions: Positions,
                 info: UnionInfo) -> FormDoc:
    """Danh sách trích ngang Ban Chấp hành khóa mới (name, birth year, sex, position and unit, ethnicity,
    education, political theory, party membership, union position)."""
    table = Table("dossier-summary", ("STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ, đơn vị", "Dân tộc",
                                      "Chuyên môn", "Lý luận CT", "Đảng viên", "Chức danh công đoàn"),
                  tuple(summary_rows(committee, people, positions)),
                  (CENTER, LEFT, CENTER, CENTER, LEFT, CENTER, LEFT, LEFT, CENTER, LEFT),
                  (0.8, 2.6, 1.2, 1.1, 2.6, 1.1, 1.6, 1.5, 1.3, 2.7))
    note = Paragraph("Ô để trống: danh sách đoàn viên chưa có thông tin này.", italic=True)
    return FormDoc("BAN CHẤP HÀNH", "", "DANH SÁCH TRÍCH NGANG", f"Ban Chấp hành {_congress(info)}", (table, note),
                   ("", ""), ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "", positions.chair or BLANK_NAME))


def recognition_letter(info: UnionInfo, committee: Sequence[str], positions: Positions) -> FormDoc:
    """Tờ trình đề nghị công đoàn cấp trên công nhận kết quả đại hội."""
    union = info.name.strip() or "Công đoàn cơ sở"
    blocks = (Paragraph("Kính gửi: Ban Thường vụ Công đoàn cấp trên trực tiếp cơ sở.", bold=True, indent=False,
                        align=CENTER),
              Paragraph(f"Căn cứ Điều lệ Công đoàn Việt Nam và các hướng dẫn thi hành; căn cứ kết quả {_congress(info)}, "
                        f"Ban Chấp hành {union} đề nghị Ban Thường vụ Công đoàn cấp trên công nhận:"),
              Paragraph(f"1. Ban Chấp hành {union}" + (f" nhiệm kỳ {info.next_term}" if info.next_term else "")
                        + f" gồm {len(committee)} đồng chí: {', '.join(committee) or '……'}."),
              Paragraph(f"2. Chủ tịch: đồng chí {positions.chair or '……'}"
                        + (f"; Phó Chủ tịch: {', '.join(positions.vice_chairs)}" if positions.vice_chairs else "")
                        + "."),
              Paragraph(f"3. Ủy ban kiểm tra: {', '.join(positions.inspection) or '……'}; Chủ nhiệm: "
                        f"{positions.inspection_head or '……'}."),
              Paragraph("Hồ sơ kèm theo: biên bản bầu cử Ban Chấp hành và Chủ tịch, biên bản hội nghị lần thứ nhất "
                        "Ban Chấp hành, danh sách trích ngang, nghị quyết Đại hội."),
              Paragraph("Kính đề nghị Ban Thường vụ Công đoàn cấp trên xem xét, công nhận./."))
    return FormDoc("BAN CHẤP HÀNH", "Số: ……/TTr-CĐCS", "TỜ TRÌNH",
                   "Về việc đề nghị công nhận kết quả Đại hội", blocks, ("", ""),
                   ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "", positions.chair or BLANK_NAME),
                   ("Như kính gửi;", "Lưu: VT, BCH."))


def dossier_docs(results: Sequence[ElectionResult], positions: Positions, people: Sequence[Person],
                 info: UnionInfo, convened: int | None = None, present: int | None = None) -> list[FormDoc]:
    """Every form of the dossier: one minutes per election, the first meeting, the summary list, the letter."""
    committee = [name for r in results if r.election.kind != CHAIR for name in r.elected]
    committee = list(dict.fromkeys(committee))
    docs = [election_minutes(r, info, convened, present) for r in results]
    return [*docs, first_meeting(positions, committee, info), summary_list(committee, people, positions, info),
            recognition_letter(info, committee, positions)]


def dossier_docx(docs: Sequence[FormDoc], info: UnionInfo) -> bytes:
    """The dossier as one .docx, each form from a new page."""
    doc = new_document()
    for index, form in enumerate(docs):
        if index:
            doc.add_page_break()
        heading(doc, info, form.board, form.number)
        add_paragraph(doc, form.title, bold=True, align=ALIGNS[CENTER], size=14, before=12, after=0)
        add_paragraph(doc, form.subtitle, bold=True, align=ALIGNS[CENTER], after=12)
        for block in form.blocks:
            if isinstance(block, Table):
                add_table(doc, list(block.header), [(list(cells), bold) for cells, bold in block.rows],
                          list(block.widths_cm), [ALIGNS[a] for a in block.aligns], size=9)
            else:
                add_paragraph(doc, block.text, bold=block.bold, italic=block.italic, align=ALIGNS[block.align],
                              indent=block.indent)
        if form.recipients:
            add_paragraph(doc, "Nơi nhận:", bold=True, italic=True, align=ALIGNS[LEFT], before=12, after=0)
            for line in form.recipients:
                add_paragraph(doc, f"- {line}", align=ALIGNS[LEFT], after=0, size=11)
        signature(doc, list(form.sign_left), list(form.sign_right))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
