"""Legacy TCVN3 (ABC) and VNI-Windows text converted to Unicode: every letter, detection, whole sheets."""

from __future__ import annotations

import unicodedata

import pytest

from unionboard.core import legacy_encoding as L
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files

BASES = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
LOWER = [unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES] + ["đ"]
UPPER = [ch.upper() for ch in LOWER]


def test_the_alphabet_has_every_vietnamese_letter() -> None:
    assert len(LOWER) == 73 and len(set(LOWER)) == 73 and "ự" in LOWER and "Ự" in UPPER


@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_every_letter_in_vni_both_cases(letter) -> None:
    encoded = L.to_vni(letter)
    assert all(ord(ch) < 0x100 for ch in encoded), encoded
    assert L.from_vni(encoded) == letter


@pytest.mark.parametrize("letter", LOWER)
def test_every_lower_case_letter_in_tcvn3(letter) -> None:
    encoded = L.to_tcvn3(letter)
    assert all(ord(ch) < 0x100 for ch in encoded), encoded
    assert L.from_tcvn3(encoded) == letter


@pytest.mark.parametrize("letter", "ĂÂĐÊÔƠƯ")
def test_the_upper_case_letters_tcvn3_has(letter) -> None:
    assert L.from_tcvn3(L.to_tcvn3(letter)) == letter


def test_tcvn3_upper_case_tone_letters_come_back_lower_case() -> None:
    # .VnTimeH drew them from the lower-case codes: the text itself holds no case
    assert L.from_tcvn3(L.to_tcvn3("HỌ")) == "Họ"


@pytest.mark.parametrize("written, expected, encoding", [
    ("Hä vµ tªn", "Họ và tên", "TCVN3"), ("N÷", "Nữ", "TCVN3"), ("Phßng KÕ to¸n", "Phòng Kế toán", "TCVN3"),
    ("§¹i häc", "Đại học", "TCVN3"), ("Tr\u00adêng", "Trường", "TCVN3"),
    ("Vaên phoøng", "Văn phòng", "VNI"), ("Nöõ", "Nữ", "VNI"), ("Ñaïi hoïc", "Đại học", "VNI"),
    ("Thaïc só", "Thạc sĩ", "VNI"), ("TRÖÔØNG", "TRƯỜNG", "VNI"),
])
def test_detection_picks_the_encoding_that_reads_as_vietnamese(written, expected, encoding) -> None:
    assert L.convert(written) == (expected, encoding)


@pytest.mark.parametrize("text", ["Nguyễn Văn An", "Thạc sĩ", "Số 5 · Tầng 2", "Phòng Kế toán", "Café 2017"])
def test_unicode_text_is_left_alone(text) -> None:
    assert L.convert(text) == (text, None)


def test_unicode_nfd_text_is_still_normalised() -> None:
    from unionboard.core.text import clean

    assert clean(unicodedata.normalize("NFD", "Nữ")) == "Nữ"


def _roster_csv(rows: list[list[str]]) -> SourceFile:
    text = "\n".join(",".join(row) for row in rows)
    return SourceFile("doan-vien.csv", text.encode("utf-8"))


@pytest.mark.parametrize("encode", [L.to_tcvn3, L.to_vni])
def test_a_roster_typed_in_a_legacy_font_counts_right(encode) -> None:
    header = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
              "Lý luận chính trị", "Đảng viên"]
    people = [["1", "Nguyễn Văn An", "Nam", "1980", "Văn phòng", "Thạc sĩ", "Trung cấp", "x"],
              ["2", "Lê Thị Bình", "Nữ", "1990", "Văn phòng", "Đại học", "", ""],
              ["3", "Trần Thị Cúc", "Nữ", "1985", "Phòng Kế hoạch", "Cao đẳng", "Cử nhân", "x"]]
    rows = [[encode(cell) for cell in header]] + [[encode(cell) for cell in row] for row in people]
    result = check_files([_roster_csv(rows)])
    assert result.ok, result.issues
    frame = result.dataset.members.frame
    assert frame["gender"].tolist() == ["Nam", "Nữ", "Nữ"]
    assert frame["name"].tolist() == ["Nguyễn Văn An", "Lê Thị Bình", "Trần Thị Cúc"]
    assert frame["education"].tolist() == ["Thạc sỹ", "Đại học", "Cao đẳng"]
    assert frame["department"].tolist() == ["Văn phòng", "Văn phòng", "Phòng Kế hoạch"]
    warnings = [i for i in result.issues if i.code == "read.legacy_encoding"]
    assert warnings and all(dict(w.params)["encoding"] == ("TCVN3" if encode is L.to_tcvn3 else "VNI")
                            for w in warnings)
    assert len({dict(w.params)["column"] for w in warnings}) == len(warnings)  # once per column


def _sheet_rows(rows: list[list]) -> SourceFile:
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Đoàn viên"
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return SourceFile("dv.xlsx", buf.getvalue())


@pytest.mark.parametrize("encode", [L.to_tcvn3, L.to_vni])
def test_a_unicode_title_and_header_over_legacy_data_do_not_hide_its_font(encode) -> None:
    people = [["1", "Nguyễn Văn An", "Nam", "1980", "Văn phòng"], ["2", "Lê Thị Bình", "Nữ", "1990", "Văn phòng"],
              ["3", "Trần Thị Cúc", "Nữ", "1985", "Phòng Kế hoạch"]]
    rows = [["DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ"], ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị"],
            *[[encode(cell) for cell in row] for row in people]]
    result = check_files([_sheet_rows(rows)])
    frame = result.dataset.members.frame
    assert frame["name"].tolist() == ["Nguyễn Văn An", "Lê Thị Bình", "Trần Thị Cúc"]
    assert frame["gender"].tolist() == ["Nam", "Nữ", "Nữ"]
    assert {dict(w.params)["column"] for w in result.issues if w.code == "read.legacy_encoding"} >= {"B", "C", "E"}


def test_foreign_names_in_an_unaccented_roster_are_not_converted() -> None:
    rows = [["STT", "Ho va ten", "Gioi tinh", "Nam sinh"], ["1", "Hans Müller", "Nam", "1980"],
            ["2", "José Muñoz", "Nam", "1985"], ["3", "Nguyen Van An", "Nam", "1990"],
            ["4", "Tran Thi Binh", "Nu", "1992"]]
    result = check_files([_sheet_rows(rows)])
    assert result.dataset.members.frame["name"].tolist()[:2] == ["Hans Müller", "José Muñoz"]
    assert not [i for i in result.issues if i.code == "read.legacy_encoding"]


def test_a_middle_dot_is_not_a_marker_and_trung_cap_converts() -> None:
    assert not L.looks_legacy("Tổ 1 · Phân xưởng") and not L.looks_legacy("A · B")
    rows = [["STT", "Họ và tên", "Giới tính", "Năm sinh", "Lý luận chính trị"],
            ["1", "Nguyen Van An", "Nam", "1980", "Trung cÊp"], ["2", "Le Thi Binh", "Nu", "1990", "Cao cÊp"],
            ["3", "Tran Van Cuong", "Nam", "1985", "Trung cÊp"]]
    result = check_files([_sheet_rows(rows)])
    assert result.dataset.members.frame["political_theory"].tolist() == ["Trung cấp", "Cao cấp", "Trung cấp"]
    assert result.dataset.members.frame["name"].tolist()[0] == "Nguyen Van An"
