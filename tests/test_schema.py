"""Header detection on Sheet objects: title rows, aliases, longest-alias assignment, missing columns."""

from __future__ import annotations

from unionboard.core.text import fold
from unionboard.domains.schema import (
    AWARDS,
    BUDGET,
    FINANCE_TIDY,
    HEADER_SCAN_ROWS,
    MEMBERS,
    SCHEMAS,
    TARGETS,
    TERM_TARGETS,
    find_header,
)
from unionboard.read.workbook import Sheet

MEMBER_HEADER = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
                 "Lý luận chính trị", "Đảng viên", "Chức vụ công đoàn"]


def sheet(*rows: list) -> Sheet:
    return Sheet(file="t.xlsx", name="Trang 1", rows=[list(r) for r in rows])


def test_header_below_title_rows() -> None:
    s = sheet(["DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ"], ["(Tính đến tháng 10/2017)"], [],
              MEMBER_HEADER, [1, "Nguyễn Văn An", "Nam", 1962, "Văn phòng", "Đại học", "Cao cấp", "x", ""])
    match = find_header(s, MEMBERS)
    assert match is not None and match.row == 3
    assert match.complete and match.missing == ()
    assert match.columns == {"name": 1, "gender": 2, "birth_year": 3, "department": 4, "education": 5,
                             "political_theory": 6, "party_member": 7, "role": 8}
    assert match.found_labels == tuple(MEMBER_HEADER)


def test_english_aliases() -> None:
    s = sheet(["Full name", "Sex", "Year of birth", "Department", "Education", "Political theory",
               "Party member", "Joined", "Status"])
    match = find_header(s, MEMBERS)
    assert match.row == 0 and match.complete
    assert match.columns == {"name": 0, "gender": 1, "birth_year": 2, "department": 3, "education": 4,
                             "political_theory": 5, "party_member": 6, "join_date": 7, "status": 8}
    targets = find_header(sheet(["No", "Content", "Unit", "Target", "Result", "Evaluation"]), TARGETS)
    assert targets.columns == {"stt": 0, "text": 1, "unit": 2, "target": 3, "result": 4, "evaluation": 5}


def test_aliases_match_without_case_or_diacritics() -> None:
    s = sheet(["HỌ VÀ TÊN", "gioi tinh", "NĂM SINH", "phong/don vi", "trình độ chuyên môn", "LLCT", "đảng viên"])
    assert find_header(s, MEMBERS).complete


def test_political_theory_is_not_taken_for_education() -> None:
    s = sheet(["Họ và tên", "Giới tính", "Năm sinh", "Phòng", "Trình độ lý luận chính trị", "Trình độ",
               "Đảng viên"])
    match = find_header(s, MEMBERS)
    assert match.columns["political_theory"] == 4
    assert match.columns["education"] == 5


def test_longest_contained_alias_wins() -> None:
    """Neither header is an exact alias: 'trình độ lý luận chính trị' (longer) beats 'trình độ'."""
    s = sheet(["Họ và tên", "Giới tính", "Năm sinh", "Phòng",
               "Trình độ lý luận chính trị (cao cấp, trung cấp)", "Trình độ đào tạo cao nhất", "Đảng viên"])
    match = find_header(s, MEMBERS)
    assert match.columns["political_theory"] == 4
    assert match.columns["education"] == 5


def test_political_theory_alone_leaves_education_missing() -> None:
    s = sheet(["Họ và tên", "Giới tính", "Năm sinh", "Phòng", "Trình độ lý luận chính trị", "Đảng viên"])
    match = find_header(s, MEMBERS)
    assert match.columns["political_theory"] == 4
    assert "education" not in match.columns
    assert match.complete  # a roster needs names only; the missing education column is recorded as absent


def test_target_text_column_is_not_the_target_column() -> None:
    """'Nội dung mục tiêu Nghị quyết' contains 'mục tiêu' but is the text; 'Mục tiêu NQ' is the target."""
    s = sheet(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT"], [],
              ["STT", "Nội dung mục tiêu Nghị quyết", "ĐVT", "Mục tiêu NQ", "KQ thực hiện", "Đánh giá"])
    match = find_header(s, TARGETS)
    assert match.row == 2 and match.complete
    assert match.columns == {"stt": 0, "text": 1, "unit": 2, "target": 3, "result": 4, "evaluation": 5}


def test_target_text_alone_does_not_fill_the_target() -> None:
    match = find_header(sheet(["STT", "Nội dung mục tiêu Nghị quyết", "ĐVT", "Kết quả"]), TARGETS)
    assert match.columns["text"] == 1 and "target" not in match.columns
    assert [c.key for c in match.missing] == ["target"]


def test_missing_required_columns_are_listed_in_schema_order() -> None:
    match = find_header(sheet(["STT", "Nội dung", "Kết quả", "Mục tiêu"]), TARGETS)
    assert match is not None and not match.complete
    assert [c.key for c in match.missing] == ["unit"]
    roster = find_header(sheet(["Giới tính", "Năm sinh", "Chức vụ"]), MEMBERS)
    assert [c.key for c in roster.missing] == ["name"]  # a roster needs names, nothing else
    assert [c.label for c in roster.missing] == ["Họ và tên"]  # labels for the Vietnamese message
    assert "role" in roster.columns  # an optional column is found but never missing


def test_optional_columns_are_never_missing() -> None:
    match = find_header(sheet(["Năm", "Hình thức", "Cấp", "Đối tượng"]), AWARDS)
    assert match.complete and "count" not in match.columns and "note" not in match.columns


def test_best_row_is_chosen() -> None:
    s = sheet(["Họ và tên", "Ghi chú"],  # a partial match near the top
              ["x", "y"],
              MEMBER_HEADER,
              ["Họ và tên", "Giới tính", "Năm sinh"])  # a later, weaker one
    match = find_header(s, MEMBERS)
    assert match.row == 2 and match.complete


def test_optional_columns_break_ties() -> None:
    base = ["Họ và tên", "Giới tính", "Năm sinh", "Phòng", "Trình độ", "LLCT", "Đảng viên"]
    s = sheet(base, [*base, "Chức vụ", "Trạng thái"])
    match = find_header(s, MEMBERS)
    assert match.row == 1
    assert match.score > find_header(sheet(base), MEMBERS).score


def test_no_header_gives_none() -> None:
    assert find_header(sheet(), MEMBERS) is None
    assert find_header(sheet(["Họ và tên"], ["Nguyễn Văn An"]), MEMBERS) is None  # one label is not a header
    assert find_header(sheet(["abc", "def"], [1, 2]), MEMBERS) is None


def test_header_beyond_the_scan_window_is_not_found() -> None:
    rows = [["ghi chú"]] * HEADER_SCAN_ROWS + [MEMBER_HEADER]
    assert find_header(sheet(*rows), MEMBERS) is None
    rows = [["ghi chú"]] * (HEADER_SCAN_ROWS - 1) + [MEMBER_HEADER]
    assert find_header(sheet(*rows), MEMBERS).row == HEADER_SCAN_ROWS - 1


def test_each_column_is_used_once() -> None:
    match = find_header(sheet(["Năm", "Khoản mục", "Số tiền", "Thu/Chi"]), FINANCE_TIDY)
    assert match.columns == {"year": 0, "item": 1, "amount": 2, "side": 3}
    assert len(set(match.columns.values())) == len(match.columns)


def test_term_targets_and_budget_headers() -> None:
    term = find_header(sheet(["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng",
                              "Kết quả 2018"]), TERM_TARGETS)
    assert term.complete and term.columns["term_target"] == 4 and term.columns["per_year"] == 5
    # A resolution-targets header lacks the Mã and Nhóm columns term targets require.
    resolution = find_header(sheet(["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả"]), TERM_TARGETS)
    assert {c.key for c in resolution.missing} == {"code", "group"}
    budget = find_header(sheet(["Năm", "Thu/Chi", "Khoản mục", "Kế hoạch (đồng)", "Ghi chú"]), BUDGET)
    assert budget.complete and budget.columns["planned"] == 3


def test_every_alias_is_unique_within_a_schema() -> None:
    """Two columns of one schema sharing an alias would make the assignment arbitrary."""
    for schema in SCHEMAS:
        seen: dict[str, str] = {}
        for column in schema.columns:
            for alias in {fold(a) for a in (column.label, *column.aliases)}:
                assert seen.setdefault(alias, column.key) == column.key, (schema.domain, alias)
