"""The dossier sent up after the congress, as Word: minutes of each election, first meeting, summary list, letter."""

from __future__ import annotations

import io

import docx

from unionboard.analysis.congress import (
    Election,
    convened,
    count_election,
    sample_election,
    sample_entries,
    tally_entry,
)
from unionboard.domains.loader import check_files
from unionboard.export.dossier import Positions, dossier_docs, dossier_docx, summary_rows
from unionboard.sample.report import sample_paths

DATASET = check_files(sample_paths()).dataset
CHAIR = Election("Chủ tịch", 1, ("Nguyễn Văn An",), 30, id=2, kind="chair")
POSITIONS = Positions("Nguyễn Văn An", ("Nguyễn Thị Anh",), ("Trần Thu Hà", "Lê Thị Hằng"), "Trần Thu Hà")


def _docs():
    committee = count_election(sample_election(), sample_entries())
    chair = count_election(CHAIR, [tally_entry(CHAIR, 30, 30, 0, {"Nguyễn Văn An": 28})[0]])
    return dossier_docs([committee, chair], POSITIONS, convened(DATASET), DATASET.info, 33, 30)


def test_every_form_of_the_dossier_in_order() -> None:
    assert [d.title for d in _docs()] == ["BIÊN BẢN BẦU CỬ", "BIÊN BẢN BẦU CỬ", "BIÊN BẢN", "DANH SÁCH TRÍCH NGANG",
                                          "TỜ TRÌNH"]
    assert _docs()[1].subtitle == "Bầu Chủ tịch Công đoàn cơ sở (bầu trực tiếp tại Đại hội)"


def test_the_summary_list_is_joined_from_the_roster() -> None:
    rows = [cells for cells, _bold in summary_rows(["Nguyễn Văn An", "Người Lạ"], convened(DATASET), POSITIONS)]
    assert rows[0][:4] == ("1", "Nguyễn Văn An", "1962", "Nam") and rows[0][8] == "Đảng viên"
    assert rows[0][9] == "Ủy viên BCH, Chủ tịch"
    assert rows[1][2:9] == ("", "", "", "", "", "", "")  # not in the roster: blank, never guessed


def test_the_word_dossier_has_the_administrative_layout_and_the_figures() -> None:
    document = docx.Document(io.BytesIO(dossier_docx(_docs(), DATASET.info)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for table in document.tables for row in table.rows for c in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Độc lập - Tự do - Hạnh phúc" in cells
    assert "Số: ……/TTr-CĐCS" in cells and "TM. BAN CHẤP HÀNH" in cells
    assert "Số được triệu tập: 33; có mặt: 30; tham gia bỏ phiếu: 30" in text and "không thu về: 0" in text
    assert "quá một nửa (1/2) tổng số phiếu thu về" in text and "Nơi nhận:" in text
    assert "2. Chủ tịch: đồng chí Nguyễn Văn An; Phó Chủ tịch: Nguyễn Thị Anh." in text
