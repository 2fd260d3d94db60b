"""Tests for the command line contract: `python -m unionboard check|template|sample`."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = sorted(str(p) for p in (ROOT / "data").glob("*.xlsx"))


def run(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "unionboard", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env=env)


def test_check_json_on_sample_is_one_object_with_the_report_figures():
    proc = run("check", *SAMPLE, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # exactly one JSON object on stdout
    assert data["ok"] is True
    assert data["members"]["total"] == 33
    assert data["members"]["by_gender"] == {"Nam": 16, "Nữ": 17}
    assert data["finance"]["revenue"]["total"] == 310_992_000
    assert data["finance"]["spending"]["total"] == 308_835_000
    assert data["finance"]["closing_balance"] == 2_157_000
    assert data["targets"] == {"total": 9, "by_status": {"Vượt": 2, "Đạt": 7, "Chưa đạt": 0}}
    assert data["awards"]["total"] == 12
    for issue in data["issues"]:
        assert set(issue) == {"severity", "file", "sheet", "cell", "message", "code"}
        assert issue["severity"] in {"error", "warning"}


def test_check_text_output_is_vietnamese_summary():
    proc = run("check", *SAMPLE)
    assert proc.returncode == 0
    assert "Đoàn viên: 33 (nam 16, nữ 17)" in proc.stdout
    assert "tổng thu 310.992.000 đ" in proc.stdout
    assert "tồn cuối 2.157.000 đ" in proc.stdout


def test_check_text_agrees_with_json_on_every_domain():
    """Text mode names every domain --json reports, with the same figures; JSON keeps Vietnamese letters."""
    term_only = [str(ROOT / "data" / "chi-tieu-nhiem-ky.xlsx")]
    for files in (SAMPLE, term_only):
        raw = run("check", *files, "--json").stdout
        assert "\\u" not in raw and "Chưa đạt" in raw  # ensure_ascii=False
        data, text = json.loads(raw), run("check", *files).stdout
        term = data["term_targets"]
        assert f"Chỉ tiêu nhiệm kỳ: {term['total']} (năm {term['year']}: " in text
        for status, n in term["by_status"].items():
            assert f"{status.lower()} {n}" in text
        if data["budget"]:
            assert f"Dự toán: {len(data['budget']['years'])} năm" in text
    assert "Không đọc được dữ liệu nào" not in text  # the term targets alone are data


def test_check_text_counts_the_finance_rules_as_the_json_lists_them():
    files = sorted(str(p) for p in (ROOT / "data" / "vi-du-doanh-nghiep").glob("*.xlsx"))
    data, text = json.loads(run("check", *files, "--json").stdout), run("check", *files).stdout
    statuses = [r["status"] for r in data["rules"]]
    assert statuses.count("violation") == 1  # the example's rule broken on purpose
    assert (f"Quy định tài chính: {statuses.count('ok')} đạt, 1 vi phạm, "
            f"{statuses.count('not_checkable')} không kiểm được.") in text
    assert "Rules:" not in text  # the rules line is not the generic "<key>: có dữ liệu"


def test_check_exit_1_on_errors_and_absent_domains_are_null(tmp_path):
    bad = tmp_path / "khong-phai-excel.xlsx"
    bad.write_text("đây không phải tệp Excel")
    proc = run("check", str(bad), "--json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["ok"] is False
    assert data["members"] is None and data["finance"] is None
    assert data["targets"] is None and data["awards"] is None
    assert data["issues"][0]["file"] == "khong-phai-excel.xlsx"
    assert data["issues"][0]["severity"] == "error"


def test_check_missing_file_is_an_error_not_a_traceback(tmp_path):
    proc = run("check", str(tmp_path / "khong-co.xlsx"), "--json")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["issues"][0]["severity"] == "error"


@pytest.mark.parametrize("args", [[], ["check"], ["nonsense"], ["check", "--bogus"]])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_template_command_writes_a_workbook(tmp_path):
    out = tmp_path / "mau.xlsx"
    proc = run("template", str(out))
    assert proc.returncode == 0
    assert out.exists() and out.stat().st_size > 0
    proc = run("check", str(out), "--json")
    checked = json.loads(proc.stdout)
    assert checked["ok"] is True  # the blank template passes the checker with its one example row
    assert checked["members"]["total"] == 1 and checked["members"]["by_gender"] == {"Nam": 1, "Nữ": 0}


def test_sample_command_regenerates_identical_figures(tmp_path):
    assert run("sample", "--dir", str(tmp_path)).returncode == 0
    regenerated = json.loads(run("check", *sorted(map(str, tmp_path.glob("*.xlsx"))), "--json").stdout)
    bundled = json.loads(run("check", *SAMPLE, "--json").stdout)
    for key in ("members", "finance", "targets", "awards"):
        assert regenerated[key] == bundled[key]


def test_check_reads_one_workbook_from_a_path_with_spaces(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Đoàn viên"
    ws.append(["Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
               "Lý luận chính trị", "Đảng viên"])
    ws.append(["Nguyễn Văn A", "nam", 1980, "Văn phòng", "ĐH", "", "x"])
    path = tmp_path / "danh sách đoàn viên.xlsx"
    wb.save(path)
    data = json.loads(run("check", str(path), "--json").stdout)
    assert data["members"]["total"] == 1
    assert data["members"]["by_education"] == {"Đại học": 1}
