"""The congress-day Word documents: the credentials report and the counting minutes, laid out like the forms."""

from __future__ import annotations

import io

from docx import Document

from unionboard.analysis.congress import (
    Election,
    congress_year,
    convened,
    count_election,
    credentials,
    sample_election,
    sample_entries,
    sample_marks,
    tally_entry,
)
from unionboard.domains.loader import check_files
from unionboard.export.congress_docx import credentials_docx, minutes_docx
from unionboard.sample.report import sample_paths


def _text(blob: bytes) -> tuple[str, list[list[list[str]]]]:
    doc = Document(io.BytesIO(blob))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    tables = [[[c.text for c in row.cells] for row in table.rows] for table in doc.tables]
    return paragraphs, tables


def test_credentials_report_of_the_sample() -> None:
    dataset = check_files(sample_paths()).dataset
    people = convened(dataset)
    report = credentials(people, sample_marks(people), year=congress_year(dataset))
    text, tables = _text(credentials_docx(report, dataset.info))
    assert "BÁO CÁO TÌNH HÌNH ĐOÀN VIÊN DỰ ĐẠI HỘI" in text  # a congress of all members
    assert "số đoàn viên có mặt: 30 đồng chí, chiếm 90,9%" in text
    assert "Vắng mặt 3 đồng chí, có lý do: Cao Văn Tuấn (Đi công tác theo quyết định của Sở)" in text
    assert "Đại hội đủ điều kiện tiến hành" in text and "Tuổi bình quân 40,9" in text
    heading, body, signature = tables[0], tables[1], tables[2]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading[0][1] and "BAN TỔ CHỨC ĐẠI HỘI" in heading[0][0]
    assert body[0] == ["STT", "Nội dung", "Số lượng", "Tỉ lệ"]
    assert body[1] == ["", "Tổng số có mặt", "30", "90,9%"]
    assert ["2", "Giới tính: Nữ", "16", "53,3%"] in body
    assert ["3", "Đảng viên: Đảng viên", "21", "70,0%"] in body
    assert "TRƯỞNG BAN" in signature[0][1]


def test_minutes_of_the_sample_election() -> None:
    dataset = check_files(sample_paths()).dataset
    result = count_election(sample_election(), sample_entries())
    text, tables = _text(minutes_docx(result, dataset.info))
    assert "BIÊN BẢN KIỂM PHIẾU" in text and "Bầu Ban Chấp hành Công đoàn cơ sở khóa V" in text
    assert "- Tổng số phiếu phát ra: 30 phiếu." in text and "- Số phiếu không hợp lệ: 1 phiếu." in text
    assert "5 đồng chí trúng cử (theo thứ tự số phiếu từ cao xuống thấp): Nguyễn Văn An, Nguyễn Thị Anh" in text
    votes = tables[1]
    assert votes[0] == ["STT", "Họ và tên", "Số phiếu", "Tỉ lệ", "Kết quả"]
    assert votes[1] == ["1", "Nguyễn Văn An", "28", "93,3%", "Trúng cử"]  # 28 of 30 collected
    assert votes[-1] == ["6", "Lê Quang Cường", "9", "30,0%", "Không trúng cử"]
    assert "quá một nửa (1/2) tổng số phiếu thu về" in text and "Điều 10.3" in text
    assert "- Số phiếu không thu về: 0 phiếu." in text and "Lý do khác: 1 phiếu." in text
    assert "TRƯỞNG BAN KIỂM PHIẾU" in tables[2][0][1] and "CÁC THÀNH VIÊN BAN KIỂM PHIẾU" in tables[2][0][0]


def test_minutes_state_a_tie_and_an_unfinished_count() -> None:
    election = Election("Ban Chấp hành", 2, ("An", "Bình", "Cường"), 7)
    tie = count_election(election, [tally_entry(election, 7, 7, 0, {"An": 6, "Bình": 4, "Cường": 4})[0]])
    text, _tables = _text(minutes_docx(tie, check_files([]).dataset.info))
    assert "Bình, Cường bằng phiếu nhau (4 phiếu)" in text and "còn thiếu 1" in text
    partial = count_election(election, [tally_entry(election, 2, 2, 0, {"An": 2})[0]])
    text, _tables = _text(minutes_docx(partial, check_files([]).dataset.info))
    assert "Chưa kiểm xong: còn 5 phiếu chưa kiểm." in text
