"""CSV files: one stray byte names its cell (the rest stays UTF-8), every line end, the cell budget counted
while reading, no padding to the widest row, and a clear error with the line for NUL bytes, huge fields
and unclosed quotes — never a crash; `check --json` prints one JSON object for each."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.read.workbook import Limits, read_sheets

ROSTER = ["STT,Họ và tên,Giới tính,Năm sinh", "1,Nguyễn Văn An,Nam,1980", "2,Lê Thị Bình,Nữ,1990",
          "3,Trần Thị Cúc,Nữ,1985"]


def _check(data: bytes, name: str = "doan-vien.csv"):
    return check_files([SourceFile(name, data)])


def test_one_stray_byte_names_its_cell_and_the_rest_stays_utf8() -> None:
    data = "\n".join(ROSTER).encode("utf-8").replace("Trần".encode(), b"Tr\xe2n", 1)
    result = _check(data)
    names = result.dataset.members.frame["name"].tolist()
    assert names[:2] == ["Nguyễn Văn An", "Lê Thị Bình"]  # not mojibake
    (error,) = result.errors
    assert (error.code, error.cell) == ("read.csv_bad_byte", "B4") and "B4" in error.message
    assert not result.ok


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_every_line_end(end: str) -> None:
    result = _check(end.join(ROSTER).encode("utf-8"))
    assert result.ok, result.issues
    assert result.dataset.members.frame["gender"].tolist() == ["Nam", "Nữ", "Nữ"]


def test_rows_are_not_padded_to_the_widest_row() -> None:
    data = ("\n".join(ROSTER) + "\n" + "," * 50_000).encode("utf-8")
    (sheet,) = read_sheets(SourceFile("x.csv", data), IssueLog(), Limits())
    assert [len(row) for row in sheet.rows[:4]] == [4, 4, 4, 4] and len(sheet.rows[4]) == 50_001


def test_the_cell_budget_is_counted_while_reading() -> None:
    data = ("\n".join(ROSTER) + "\n" + ("a," * 999 + "a\n") * 200).encode("utf-8")
    log = IssueLog()
    assert read_sheets(SourceFile("x.csv", data), log, Limits(max_read_cells=100_000)) == []
    (error,) = log.items
    assert error.code == "read.csv_too_many_cells" and "dòng 104" in error.message and "100.000" in error.message


def test_nul_bytes_are_an_error_with_the_line() -> None:
    result = _check(("\n".join(ROSTER) + "\n4,Vũ\x00 Văn,Nam,1980").encode("utf-8"))
    (error,) = result.issues
    assert error.code == "read.csv_nul" and "dòng 5" in error.message


def test_a_field_over_the_limit_is_an_error_with_the_line() -> None:
    result = _check(("\n".join(ROSTER) + '\n4,"' + "x" * 140_000 + '",Nam,1980').encode("utf-8"))
    (error,) = result.issues
    assert error.code == "read.csv_field_too_large" and "dòng 5" in error.message and "131.072" in error.message


def test_an_unclosed_quote_is_an_error_with_its_line() -> None:
    rows = [*ROSTER[:2], '2,"Lê Thị Bình,Nữ,1990', *ROSTER[3:]]
    result = _check("\n".join(rows).encode("utf-8"))
    (error,) = result.issues
    assert error.code == "read.csv_unclosed_quote" and "dòng 3" in error.message
    assert "quote opened on line 3" in error.text("en")


@pytest.mark.parametrize("data", [
    b"STT,H\xe1\xbb\x8d t\xc3\xaan\r1,An\r",
    b"a,b\n\x00\x00",
    b"a,\"" + b"x" * 200_000,
    "\ufeffHọ và tên\nAn\n".encode("utf-16"),
    b"\xff\xfe\xfd",
], ids=["cr-only", "nul", "huge-unclosed", "utf-16", "garbage"])
def test_check_json_prints_exactly_one_object(tmp_path, data: bytes) -> None:
    path = tmp_path / "tep.csv"
    path.write_bytes(data)
    run = subprocess.run([sys.executable, "-m", "unionboard", "check", str(path), "--json"], capture_output=True,
                         text=True, timeout=120)
    assert "Traceback" not in run.stderr
    parsed = json.loads(run.stdout)  # one object, nothing before or after
    assert isinstance(parsed, dict) and "ok" in parsed
