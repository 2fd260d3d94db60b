"""The draft report check: the reference draft (built as .docx in code) against the sample data, planted errors."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import docx

from unionboard.analysis.draft_check import check_report
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.sample.draft import draft_docx, sample_draft_text
from unionboard.sample.report import sample_paths

REPO = Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=1)
def sample():
    files = tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())
    return check_files(files), files


def run(text: str | None = None, name: str = "du-thao.docx"):
    result, files = sample()
    return check_report(SourceFile(name, draft_docx(text)), result, files)


def find(check, text: str, paragraph_text: str | None = None):
    return [c for c in check.claims if c.text == text]


def test_every_figure_the_sample_holds_matches():
    check = run()
    prose = {c.text: c for c in check.claims if c.kind == "count" and c.status == "match"}
    for text in ("33", "16", "17", "06", "24", "01", "02", "10", "8", "23", "13"):
        assert text in prose, text
    assert prose["06"].label == "Trình độ chuyên môn: Thạc sỹ" and prose["06"].expected == 6
    assert prose["02"].label == "Trình độ dưới đại học"
    assert prose["10"].label == "Lý luận chính trị: Cao cấp" and prose["8"].label == "Lý luận chính trị: Trung cấp"
    assert prose["13"].label == "Đảng viên nữ"
    awards = [(c.text, c.label) for c in check.claims if c.status == "match" and c.label.startswith(
        ("Sáng kiến", "Đề tài", "Tập thể", "Bằng khen", "Chiến sỹ"))]
    assert awards == [("07", "Sáng kiến (Cơ sở)"), ("03", "Sáng kiến (Tỉnh)"), ("01", "Đề tài khoa học (Tỉnh)"),
                      ("5", "Tập thể lao động xuất sắc (Tỉnh)"), ("05", "Bằng khen (Bộ)"),
                      ("03", "Chiến sỹ thi đua (Tỉnh)"), ("09", "Chiến sỹ thi đua (Cơ sở)"),
                      ("2011-2013", "Bằng khen (Thủ tướng)"), ("2011-2016", "Bằng khen (Tổng Liên đoàn)")]
    terms = {c.text: c.status for c in check.claims if c.kind == "term"}
    assert terms["2012 - 2017"] == terms["2017 – 2022"] == "match"
    cells = [c for c in check.claims if c.kind == "cell"]
    assert len(cells) == 4 * 6 + 26  # every written amount of the thu (4 × 6) and chi (26) tables
    assert all(c.status == "match" for c in cells), [c for c in cells if c.status != "match"]
    assert {c.text for c in cells} >= {"310.992.000", "308.835.000", "2.157.000", "18.777.000"}
    assert find(check, "2.157.000")[0].source.endswith("H8")


def test_unit_note_over_amounts_in_dong_is_flagged():
    check = run()
    note = find(check, "ĐVT: 1.000")
    assert note and note[0].status == "mismatch" and note[0].expected == 1
    assert [i.code for i in check.issues] == ["draft.unit_note"]
    assert check.summary()["mismatch"] == 1 and not check.ok


def test_nothing_that_matches_is_called_a_mismatch():
    check = run()
    assert [c.text for c in check.claims if c.status == "mismatch"] == ["ĐVT: 1.000"]
    # the prose sum the tables cannot explain is not guessed
    assert find(check, "168,8 triệu đồng")[0].status == "unverifiable"
    assert find(check, "100,61 triệu đồng")[0].status == "unverifiable"


PLANTED = "\nNữ chiếm 51,5% tổng số đoàn viên. Tổng thu cả nhiệm kỳ là 310.992.000 đồng.\n"


def test_planted_changes_are_each_a_mismatch_with_the_right_expected_value():
    text = sample_draft_text() + PLANTED
    right = run(text)
    assert find(right, "51,5%")[0].status == "match"
    assert find(right, "310.992.000 đồng")[0].status == "match"
    text = (text.replace("33đoàn viên", "34đoàn viên").replace("18.777.000", "18.778.000")
            .replace("51,5%", "52,5%").replace("310.992.000 đồng", "310.992 triệu đồng"))
    check = run(text)
    assert find(check, "34")[0].status == "mismatch" and find(check, "34")[0].expected == 33
    amount = find(check, "18.778.000")[0]
    assert amount.status == "mismatch" and amount.expected == 18_777_000 and amount.source.endswith("B4")
    share = find(check, "52,5%")[0]
    assert share.status == "mismatch" and share.expected == 51.5
    unit = find(check, "310.992 triệu đồng")[0]
    assert unit.status == "mismatch" and unit.expected == 310_992_000
    # the table's own total no longer adds up
    assert "draft.table_total" in {i.code for i in check.issues}


def test_a_term_the_data_does_not_have_is_ambiguous_between_its_terms():
    claim = run("Báo cáo nhiệm kỳ 2012 - 2018 của Công đoàn.").claims[0]
    assert claim.status == "ambiguous" and [c[0] for c in claim.candidates] == ["Nhiệm kỳ 2012–2017",
                                                                                 "Nhiệm kỳ 2017–2022"]


def test_year_is_not_men():
    check = run("Phấn đấu mỗi năm có 01 đoàn viên được kết nạp Đảng.")
    assert check.claims[0].status == "unverifiable"


def test_legacy_doc_is_refused_in_vietnamese():
    result, files = sample()
    check = check_report(SourceFile("du-thao.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100), result, files)
    assert not check.claims and "lưu thành .docx" in check.issues[0].message and not check.ok


def test_txt_and_docx_read_the_same_figures():
    result, files = sample()
    txt = check_report(SourceFile("d.txt", sample_draft_text().encode()), result, files)
    assert txt.summary() == run().summary()


def test_cli_contract(tmp_path):
    path = tmp_path / "du-thao.docx"
    path.write_bytes(draft_docx())
    out = tmp_path / "ghi-chu.docx"
    done = subprocess.run([sys.executable, "-m", "unionboard", "check-report", str(path), "--json",
                           "--docx", str(out)], capture_output=True, text=True, cwd=REPO, check=False)
    data = json.loads(done.stdout)
    assert done.returncode == 1 and data["ok"] is False
    assert set(data) >= {"ok", "claims", "summary", "issues"}
    assert set(data["summary"]) == {"match", "mismatch", "unverifiable", "ambiguous"}
    claim = next(c for c in data["claims"] if c["text"] == "33")
    assert {k: claim[k] for k in ("value", "unit", "status", "expected")} == {
        "value": 33, "unit": None, "status": "match", "expected": 33}
    assert claim["source"].startswith("doan-vien.xlsx › Đoàn viên") and isinstance(claim["paragraph"], int)
    assert len(list(docx.Document(str(out)).comments)) == 1
    # "paragraph" is python-docx's document.paragraphs index (cells: "table" and "cell" say where)
    paragraphs = docx.Document(str(path)).paragraphs
    for claim in data["claims"]:
        if claim["table"] is None:
            assert claim["text"] in paragraphs[claim["paragraph"]].text, claim
    cell = next(c for c in data["claims"] if c["text"] == "2.157.000")
    assert (cell["table"], cell["cell"]) == (1, "H6")


def test_a_sentence_disagreeing_with_the_draft_s_own_table():
    text = sample_draft_text().replace("\t102.222.000", "\t102.223.000")
    text += "\nTổng thu cả nhiệm kỳ là 310,99 triệu đồng. Thu ĐPCĐ 1% cả nhiệm kỳ là 102.222.000 đồng.\n"
    check = run(text)
    assert find(check, "310,99 triệu đồng")[0].status == "match"
    issues = [i for i in check.issues if i.code == "draft.prose_table"]
    assert len(issues) == 1 and "102.222.000 đồng" in issues[0].message and "102.223.000" in issues[0].message
    assert "Bảng 1" in issues[0].message and "(ô G2)" in issues[0].message


def test_a_count_of_some_members_is_not_the_total():
    check = run("Trong nhiệm kỳ kết nạp 5 đảng viên mới, giới thiệu 02 đoàn viên tham gia lớp nhận thức về Đảng.")
    assert [c.status for c in check.claims] == ["unverifiable", "unverifiable"]


def test_an_amount_named_by_nothing_but_found_twice_is_ambiguous():
    claim = run("Một khoản chi 9.522.000 đồng.").claims[0]
    assert claim.status == "ambiguous"
    assert [c[0] for c in claim.candidates] == ["Chi phụ cấp CB CĐ năm 2014", "Chi phụ cấp CB CĐ năm 2015"]
    assert claim.candidates[0][2] == "tai-chinh.xlsx › Phần chi › C4"


def test_cli_current_uses_the_published_version(tmp_path):
    env = {**os.environ, "UNIONBOARD_HOME": str(tmp_path)}
    env.pop("UNIONBOARD_DB_URL", None)
    draft = tmp_path / "du-thao.txt"
    draft.write_text("Tổng số 33 đoàn viên.", encoding="utf-8")
    command = [sys.executable, "-m", "unionboard", "check-report", str(draft), "--current", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, check=False)
    assert done.returncode == 2 and "Chưa có phiên bản" in done.stderr and not done.stdout
    publish = [sys.executable, "-m", "unionboard", "publish", *map(str, sample_paths())]
    assert subprocess.run(publish, capture_output=True, cwd=REPO, env=env, check=False).returncode == 0
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, check=False)
    data = json.loads(done.stdout)
    assert done.returncode == 0 and data["ok"] and data["claims"][0]["status"] == "match"
    assert data["claims"][0]["source"].startswith("doan-vien.xlsx")


def test_tables_in_thousands_or_millions_are_read_at_their_unit():
    thousands = "* Phần thu ĐVT: 1.000\nNguồn thu\tNăm 2013\nThu ĐPCĐ 1%\t18.777\n"
    check = run(thousands)
    assert [(c.text, c.status, c.value) for c in check.claims] == [("18.777", "match", 18_777_000)]
    assert not check.issues  # the note is right here
    millions = "* Phần thu ĐVT: triệu đồng\nNguồn thu\tNăm 2013\tNăm 2014\nThu ĐPCĐ 1%\t18,78\t21,33\n"
    check = run(millions)
    # 21.335.000 đ is 21,34 triệu
    assert [(c.text, c.status) for c in check.claims] == [("18,78", "match"), ("21,33", "mismatch")]
    assert check.claims[1].expected == 21_335_000 and not check.issues
