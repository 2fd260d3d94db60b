"""Property tests: whatever the workbook, check_files returns a CheckResult and never raises.

Random workbooks (sheet names, header rows drawn from the real aliases and garbage, cells of every
kind) and random corruptions of real workbook bytes must only ever give issues that are errors or
warnings, in Vietnamese, about the file that was given.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re

import xlwt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from unionboard.core.models import CheckResult, SourceFile
from unionboard.domains.loader import check_files
from unionboard.domains.schema import SCHEMAS
from unionboard.sample.report import build_finance, build_roster, build_targets, roster_rows

FUZZ = settings(max_examples=60, deadline=None, derandomize=False, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("unionboard-fuzz", FUZZ)

VIETNAMESE = re.compile(r"[ăâđêôơưạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ]",
                        re.IGNORECASE)
ALIASES = sorted({a for schema in SCHEMAS for c in schema.columns for a in (c.label, *c.aliases)})
EXTRA_HEADERS = ["Nguồn thu", "Mục chi", "Năm 2013", "Năm 2014", "2015", "Tổng cộng", "Tồn cuối",
                 "ĐVT: 1.000", "* Phần thu", "Tên công đoàn", "Đại hội lần thứ", "STT"]
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ 0123456789.,-%/()&'\""

vi_text = st.text(alphabet=LETTERS, min_size=0, max_size=30)
sheet_name = st.text(alphabet=LETTERS.replace("/", "").replace("'", ""), min_size=1, max_size=31).filter(
    lambda s: s.strip() and not s.startswith("'") and s.lower() != "history")
header_label = st.one_of(st.sampled_from(ALIASES), st.sampled_from(EXTRA_HEADERS), vi_text, st.none())
cell_value = st.one_of(
    st.none(),
    vi_text,
    st.sampled_from(["Nam", "Nữ", "x", "Đại học", "Thạc sỹ", "Cao cấp", "Đạt", "Vượt", "100%",
                     "18.777.000", "12/05/1985", "Tổng cộng", "Cộng", "—", "=SUM(A1:A3)", "=1/0",
                     "=A1", "=IF(A1=\"\",\"\",1)", "#N/A", "   "]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e-308, 0.1, 18_777_000.0]),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.booleans(),
)


@st.composite
def sheet_specs(draw):
    titles = draw(st.lists(st.one_of(vi_text, st.sampled_from(EXTRA_HEADERS)), max_size=3))
    width = draw(st.integers(min_value=1, max_value=9))
    header = draw(st.lists(header_label, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cell_value, min_size=0, max_size=width + 2), max_size=12))
    return titles, header, rows


@st.composite
def workbooks(draw):
    names = draw(st.lists(sheet_name, min_size=1, max_size=3, unique_by=str.lower))
    return [(name, draw(sheet_specs())) for name in names]


def build(spec) -> bytes | None:
    wb = Workbook()
    wb.remove(wb.active)
    try:
        for name, (titles, header, rows) in spec:
            ws = wb.create_sheet(name)
            for title in titles:
                ws.append([title])
            ws.append(header)
            for row in rows:
                ws.append(row)
        buf = io.BytesIO()
        wb.save(buf)
    except (ValueError, TypeError, OverflowError):  # openpyxl refuses some values/names
        return None
    return buf.getvalue()


def assert_contained(result: CheckResult, name: str) -> None:
    assert isinstance(result, CheckResult)
    for issue in result.issues:
        assert issue.severity in {"error", "warning", "info"}, issue
        assert issue.message and issue.message.strip(), issue
        assert VIETNAMESE.search(issue.message), issue.message
        assert issue.file == name, issue


@FUZZ
@given(spec=workbooks())
def test_random_workbooks_never_raise(spec):
    data = build(spec)
    if data is None:
        return
    assert_contained(check_files([SourceFile("ngau-nhien.xlsx", data)]), "ngau-nhien.xlsx")


def _xlsx(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xls() -> bytes:
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Đoàn viên")
    for col, label in enumerate(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị",
                                 "Trình độ chuyên môn", "Lý luận chính trị", "Đảng viên"]):
        ws.write(0, col, label)
    for r, row in enumerate(roster_rows()[:10], start=1):
        for col, value in enumerate(row[:8]):
            if value is not None:
                ws.write(r, col, value)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


REAL = {"doan-vien.xlsx": _xlsx(build_roster()), "tai-chinh.xlsx": _xlsx(build_finance()),
        "chi-tieu.xlsx": _xlsx(build_targets()), "cu.xls": _xls()}

corruption = st.one_of(
    st.tuples(st.just("truncate"), st.floats(min_value=0.0, max_value=1.0), st.just(b"")),
    st.tuples(st.just("flip"), st.floats(min_value=0.0, max_value=1.0),
              st.binary(min_size=1, max_size=16)),
    st.tuples(st.just("insert"), st.floats(min_value=0.0, max_value=1.0),
              st.binary(min_size=1, max_size=64)),
)


def corrupt(data: bytes, ops) -> bytes:
    out = bytearray(data)
    for kind, where, payload in ops:
        pos = int(where * len(out))
        if kind == "truncate":
            del out[pos:]
        elif kind == "flip":
            for i, byte in enumerate(payload):
                if pos + i < len(out):
                    out[pos + i] ^= byte or 0xFF
        else:
            out[pos:pos] = payload
    return bytes(out)


@FUZZ
@given(name=st.sampled_from(sorted(REAL)), ops=st.lists(corruption, min_size=1, max_size=4))
def test_corrupted_real_workbooks_never_raise(name, ops):
    data = corrupt(REAL[name], ops)
    assert_contained(check_files([SourceFile(name, data)]), name)


@FUZZ
@given(data=st.binary(max_size=2048), name=st.sampled_from(["a.xlsx", "b.xls", "c.xlsm", "d"]))
def test_arbitrary_bytes_never_raise(data, name):
    assert_contained(check_files([SourceFile(name, data)]), name)
