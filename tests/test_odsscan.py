"""The .ods pre-scan: cells counted from content.xml's repeat attributes before calamine builds a grid."""

from __future__ import annotations

import io
import time
import zipfile

from helpers import ods_archive

from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.read import odsscan
from unionboard.read.workbook import Limits, read_sheets

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet>')
TAIL = '</office:spreadsheet></office:body></office:document-content>'


def _cell(value: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def _ods(tables: str, doctype: str = "") -> bytes:
    return ods_archive(HEAD.replace("?>", "?>" + doctype, 1) + tables + TAIL)


ROSTER = ("<table:table-row>" + "".join(_cell(v) for v in ("STT", "Họ và tên", "Giới tính", "Năm sinh"))
          + "</table:table-row>"
          + "".join(f"<table:table-row>{_cell(str(i))}{_cell(name)}{_cell(sex)}{_cell('1985')}</table:table-row>"
                    for i, (name, sex) in enumerate([("Nguyễn Văn An", "Nam"), ("Lê Thị Bình", "Nữ")], 1)))
# what LibreOffice writes after the data: a million blank rows as one repeated row
BLANK_TAIL = ('<table:table-row table:number-rows-repeated="1048573">'
              '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
BOMB = ('<table:table table:name="Bom"><table:table-row table:number-rows-repeated="500000">'
        '<table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p>'
        '</table:table-cell></table:table-row></table:table>')


def _scan(data: bytes, budget: int = 10_000_000):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return odsscan.scan_content(archive, budget)


def test_extent_counts_content_not_the_trailing_blank_rows() -> None:
    data = _ods(f'<table:table table:name="Đoàn viên">{ROSTER}{BLANK_TAIL}</table:table>')
    extents, over = _scan(data)
    assert extents == [odsscan.Extent("Đoàn viên", 3, 4)] and not over
    result = check_files([SourceFile("dv.ods", data)])
    assert result.ok and len(result.dataset.members) == 2


def test_repeated_cells_are_counted_from_the_attributes() -> None:
    table = ('<table:table table:name="T"><table:table-row table:number-rows-repeated="7">'
             '<table:table-cell table:number-columns-repeated="3"/>'
             '<table:table-cell table:number-columns-repeated="2" office:value-type="float"/>'
             '</table:table-row></table:table>')
    assert _scan(_ods(table)) == ([odsscan.Extent("T", 7, 5)], False)


def test_a_small_file_unfolding_into_half_a_billion_cells_is_refused_before_reading() -> None:
    data = _ods(BOMB)
    assert len(data) < 2000
    started = time.perf_counter()
    log = IssueLog()
    assert read_sheets(SourceFile("bom.ods", data), log, Limits()) == []
    assert time.perf_counter() - started < 2
    (error,) = log.items
    assert (error.code, error.sheet) == ("read.sheet_too_large", "Bom")
    assert "500.000" in error.message and "1.000" in error.message


def test_a_doctype_or_entity_is_refused() -> None:
    data = _ods(f'<table:table table:name="T">{ROSTER}</table:table>',
                doctype='<!DOCTYPE x [<!ENTITY a "aaaa">]>')
    log = IssueLog()
    assert read_sheets(SourceFile("x.ods", data), log, Limits()) == []
    assert [i.code for i in log.items] == ["read.damaged"]


def test_check_json_prints_one_object_for_the_bomb(tmp_path) -> None:
    import json
    import subprocess
    import sys

    path = tmp_path / "bom.ods"
    path.write_bytes(_ods(BOMB))
    run = subprocess.run([sys.executable, "-m", "unionboard", "check", str(path), "--json"], capture_output=True,
                         text=True, timeout=120)
    parsed = json.loads(run.stdout)
    assert parsed["ok"] is False and "Traceback" not in run.stderr
