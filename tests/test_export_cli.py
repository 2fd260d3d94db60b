"""`python -m unionboard export` end to end (real subprocess, real parsers, the bundled sample data)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook
from pptx import Presentation
from pypdf import PdfReader

REPO = Path(__file__).resolve().parent.parent
DATA = sorted(str(p) for p in (REPO / "data").glob("*.xlsx"))


def run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNIONBOARD_HOME": str(home), "PYTHONPATH": str(REPO)}
    env.pop("UNIONBOARD_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "unionboard", "export", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def test_sample_data_is_there():
    from unionboard.sample.report import SAMPLE_FILES

    assert sorted(Path(p).name for p in DATA) == sorted(SAMPLE_FILES)


def test_docx_from_the_sample_files(tmp_path, home):
    out = tmp_path / "out.docx"
    proc = run("--format", "docx", *DATA, "-o", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == f"Đã xuất: {out}"
    doc = Document(io.BytesIO(out.read_bytes()))
    cells = {cell.text for table in doc.tables for row in table.rows for cell in row.cells}
    assert {"310.992.000", "308.835.000", "2.157.000", "18.777.000"} <= cells
    assert any(p.text.startswith("Tổng số 33 đoàn viên, trong đó: 16 nam, 17 nữ") for p in doc.paragraphs)


def test_pptx_with_slide_order_and_format_from_suffix(tmp_path, home):
    out = tmp_path / "deck" / "dai-hoi.pptx"  # the folder is created
    proc = run(*DATA, "-o", str(out), "--slides", "revenue,members,nope", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "nope" in proc.stderr
    prs = Presentation(str(out))
    assert len(prs.slides) == 2
    charts = [shape.chart for shape in prs.slides[0].shapes if shape.has_chart]
    assert sum(sum(s.values) for s in charts[0].plots[0].series) == pytest.approx(310.992)
    assert "33 đoàn viên" in prs.slides[1].notes_slide.notes_text_frame.text


def test_xlsx(tmp_path, home):
    out = tmp_path / "out.xlsx"
    proc = run("--format", "xlsx", *DATA, "-o", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    assert load_workbook(out).sheetnames


def test_pdf_from_the_sample_files(tmp_path, home):
    out = tmp_path / "ho-so.pdf"
    proc = run("--format", "pdf", *DATA, "-o", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == f"Đã xuất: {out}"
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"/FontFile2" in data
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    for figure in ("33", "310.992.000", "308.835.000", "2.157.000"):
        assert figure in text
    assert "Trang 1/" in text
    for unit in ("Lần/năm", "Người/năm", "Chuyến/năm"):  # no word broken inside a narrow column
        assert unit in text


def test_odt_and_ods_from_the_sample_files_with_format_from_suffix(tmp_path, home):
    odt, ods = tmp_path / "bao-cao.odt", tmp_path / "so-lieu.ods"
    for out in (odt, ods):
        proc = run(*DATA, "-o", str(out), home=home)
        assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(odt) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = archive.read("content.xml").decode()
    assert "310.992.000" in content and "Tổng số 33 đoàn viên" in content
    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files

    back = check_files([SourceFile(ods.name, ods.read_bytes())])
    assert not back.errors
    assert len(back.dataset.members) == 33
    assert back.dataset.finance.closing_balance == 2_157_000


def test_pdf_in_english(tmp_path, home):
    out = tmp_path / "dossier.pdf"
    proc = run("--format", "pdf", "--lang", "en", *DATA, "-o", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Union finances" in text and "Page 1 of" in text


def test_errors_are_printed_and_nothing_is_written(tmp_path, home):
    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["STT", "Nội dung mục tiêu Nghị quyết", "ĐVT", "Mục tiêu NQ", "KQ thực hiện", "Đánh giá"])
    ws.append([1, "Hàng năm tổ chức phát động thi đua", "Đợt", 5, "=2+3", "Đạt"])
    bad = tmp_path / "chi-tieu-loi.xlsx"
    wb.save(bad)
    out = tmp_path / "out.docx"
    proc = run("--format", "docx", str(bad), "-o", str(out), home=home)
    assert proc.returncode == 1
    assert "chi-tieu-loi.xlsx › Chỉ tiêu › E2" in proc.stderr
    assert "Không xuất tệp" in proc.stderr
    assert not out.exists()


def test_not_excel_is_an_error(tmp_path, home):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("không phải Excel")
    out = tmp_path / "out.pptx"
    proc = run("--format", "pptx", str(bad), "-o", str(out), home=home)
    assert proc.returncode == 1
    assert "bad.xlsx" in proc.stderr and "Không phải tệp Excel" in proc.stderr
    assert not out.exists()


def test_current_without_a_published_version(tmp_path, home):
    out = tmp_path / "out.docx"
    proc = run("--current", "--format", "docx", "-o", str(out), home=home)
    assert proc.returncode == 1
    assert "Chưa có phiên bản dữ liệu nào được công bố." in proc.stderr
    assert not out.exists()


def test_usage_mistakes(tmp_path, home):
    proc = run(*DATA, "-o", str(tmp_path / "out.txt"), home=home)  # .txt is no format (.pdf is)
    assert proc.returncode == 2 and "--format" in proc.stderr and ".ods" in proc.stderr
    proc = run("--format", "docx", "-o", str(tmp_path / "out.docx"), home=home)
    assert proc.returncode == 2 and "Cần ít nhất một tệp" in proc.stderr
    proc = run("--format", "docx", str(tmp_path / "khong-co.xlsx"), "-o", str(tmp_path / "o.docx"),
               home=home)
    assert proc.returncode == 1 and "Không tìm thấy tệp “" in proc.stderr
