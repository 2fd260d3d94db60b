"""IssueLog collects every problem in order without raising; Issue locates and serialises itself."""

from __future__ import annotations

from unionboard.core.issues import IssueLog
from unionboard.core.models import Issue


def test_empty_log() -> None:
    log = IssueLog()
    assert len(log) == 0 and list(log) == [] and not log.has_errors


def test_collects_in_order() -> None:
    log = IssueLog()
    log.warning("a.xlsx", "S1", "B2", "first")
    log.error("a.xlsx", "S1", "C3", "second")
    log.add("warning", "b.xlsx", None, None, "third")
    assert [i.message for i in log] == ["first", "second", "third"]
    assert [i.severity for i in log.items] == ["warning", "error", "warning"]
    assert len(log) == 3
    assert log.items[1] == Issue("error", "a.xlsx", "S1", "C3", "second")


def test_extend_appends_after_existing() -> None:
    log = IssueLog()
    log.warning("a.xlsx", None, None, "w")
    log.extend([Issue("warning", "b.xlsx", "S", "A1", "x"), Issue("warning", "c.xlsx", "S", "A2", "y")])
    assert [i.file for i in log] == ["a.xlsx", "b.xlsx", "c.xlsx"]


def test_has_errors_only_with_an_error() -> None:
    log = IssueLog()
    log.warning("a.xlsx", "S", "A1", "w1")
    log.warning("a.xlsx", "S", "A2", "w2")
    assert not log.has_errors
    log.error("a.xlsx", "S", "A3", "e")
    assert log.has_errors
    log.extend([Issue("warning", "a.xlsx", "S", "A4", "w3")])
    assert log.has_errors  # stays true


def test_has_errors_via_extend() -> None:
    log = IssueLog()
    log.extend([Issue("error", "a.xlsx", None, None, "e")])
    assert log.has_errors


def test_issue_location_skips_missing_parts() -> None:
    assert Issue("error", "f.xlsx", "Đoàn viên", "C5", "m").location == "f.xlsx › Đoàn viên › C5"
    assert Issue("error", "f.xlsx", "Đoàn viên", None, "m").location == "f.xlsx › Đoàn viên"
    assert Issue("warning", "f.xlsx", None, None, "m").location == "f.xlsx"
    assert Issue("warning", "f.xlsx", None, "A1", "m").location == "f.xlsx › A1"


def test_issue_to_dict() -> None:
    issue = Issue("warning", "tai-chinh.xlsx", "Phần thu", "G1", "Ghi chú “ĐVT”")
    assert issue.to_dict() == {"severity": "warning", "file": "tai-chinh.xlsx", "sheet": "Phần thu",
                               "cell": "G1", "message": "Ghi chú “ĐVT”", "code": ""}
    assert Issue("error", "x.xlsx", None, None, "m").to_dict()["sheet"] is None


def test_a_code_gives_the_catalogue_message_in_both_languages() -> None:
    log = IssueLog()
    log.error("a.xlsx", "S", "B2", "core.example", cell="B2", value="x")
    (issue,) = log
    assert issue.code == "core.example"
    assert issue.message == "Ô B2 có giá trị “x” không hợp lệ."
    assert issue.text("en") == "Cell B2 holds the invalid value “x”."
    assert issue.text("vi") == issue.message
    assert issue.to_dict()["code"] == "core.example"


def test_info_issues_are_notes_and_never_errors() -> None:
    log = IssueLog()
    log.info("a.xlsx", "S", "A40", "core.example", cell="A40", value="Tổng cộng")
    assert not log.has_errors
    assert [i.severity for i in log] == ["info"]


def test_a_message_without_a_code_keeps_an_empty_code() -> None:
    log = IssueLog()
    log.warning("a.xlsx", None, None, "free text")
    assert log.items[0].code == "" and log.items[0].text("en") == "free text"


def _log_calls():
    """Every `<...log>.error/warning/info(...)` call in the package, with its file and line."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "unionboard"
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("error", "warning", "info")):
                receiver = ast.unparse(node.func.value)
                if receiver.endswith("log"):
                    yield path.relative_to(root), node


def test_every_issue_the_package_raises_has_a_catalogue_code() -> None:
    import ast

    from unionboard.core import i18n

    calls = list(_log_calls())
    assert len(calls) > 60  # the scan sees the checkers
    wrong = []
    for path, node in calls:
        code = node.args[3] if len(node.args) > 3 else None
        if isinstance(code, ast.Name) and code.id == "code":
            continue  # chosen from a table of codes: those are checked below
        if not (isinstance(code, ast.Constant) and isinstance(code.value, str) and i18n.has(code.value)):
            wrong.append(f"{path}:{node.lineno}")
    assert not wrong, f"issues without a catalogue code: {wrong}"


def test_every_code_written_in_a_checker_is_in_the_catalogue() -> None:
    import re
    from pathlib import Path

    from unionboard.core import i18n

    root = Path(__file__).resolve().parent.parent / "unionboard"
    pattern = re.compile(r'"((?:read|loader|members|finance|targets|awards|term_targets|budget|store)\.[a-z_]+)"')
    found = {m for path in root.rglob("*.py") for m in pattern.findall(path.read_text(encoding="utf-8"))}
    assert len(found) > 60
    assert not sorted(c for c in found if not i18n.has(c))


def test_every_issue_code_has_an_english_text_different_from_the_vietnamese() -> None:
    from unionboard.core import i18n

    codes = [k for k in i18n.STRINGS["vi"] if "." in k and k.split(".")[0] in
             ("read", "loader", "members", "finance", "targets", "awards", "term_targets", "budget", "store")]
    assert len(codes) > 60
    same = [k for k in codes if i18n.STRINGS["en"][k] == i18n.STRINGS["vi"][k]]
    assert not same


# --------------------------------------------------------------------------- English messages wholly English

VIETNAMESE_ONLY = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
                      "àáãèéìíòóõùúýỳ") - set("àáãèéìíòóõùúý")  # letters no English word needs


def _issue_codes() -> list[str]:
    """Every catalogue key of an area whose codes the checkers log (read.*, members.*, finance.*, ...)."""
    import ast

    from unionboard.core import i18n

    areas = set()
    for _, node in _log_calls():
        code = node.args[3] if len(node.args) > 3 else None
        if isinstance(code, ast.Constant) and isinstance(code.value, str) and "." in code.value:
            areas.add(code.value.split(".")[0])
    assert {"read", "loader", "members", "finance", "targets", "draft"} <= areas
    # logged through a helper (awards' `warn`), raised as problems (ballots, elections, accounts), or phrases
    areas |= {"awards", "cells", "ballot", "elect", "acct", "attendance"}
    return sorted(k for k in i18n.STRINGS["en"] if k.split(".")[0] in areas and "." in k)


def _vietnamese_left(text: str) -> list[str]:
    """The Vietnamese letters and words left in an English text, outside user data (“…”) and the Tổng Liên
    đoàn's form names ("B07-TLĐ"); amounts say VND in English, never "đ" or "đồng"."""
    import re

    text = re.sub(r"“[^”]*”", "", text)
    text = re.sub(r"-TLĐ\b", "", text)
    left = [ch for ch in text.lower() if ch in VIETNAMESE_ONLY]
    return left + [w for w in (" ô:", " ô ", "ô khác", " dòng ", " và ") if w in f" {text} "]


def _representative(name: str) -> object:
    """A parameter as the checkers pass it: figures from the one formatter, words as phrases and values,
    user data as plain ASCII text."""
    from unionboard.core.i18n import Value, Values, phrase
    from unionboard.core.models import EDUCATION_LEVELS
    from unionboard.core.text import format_dong, format_number
    from unionboard.domains.schema import MEMBERS

    figures = {"amount", "written", "computed", "closing", "opening", "revenue", "spending", "previous",
               "here", "difference", "scaled", "first", "best_amount", "worst_amount", "deficit"}
    if name in figures:
        return format_dong(-18_777_000.0)
    if name in ("limit", "rows", "cols", "size", "count", "total", "n", "stated", "counted"):
        return format_number(1_234_567)
    if name in ("pct", "share", "ratio"):
        return format_number(51.45, 1)
    if name == "cells":
        return phrase("cells.many_more", count=8, shown="B2, B3, B4, B5, B6", rest=3)
    if name == "table":
        return Value(MEMBERS.title)
    if name == "column":
        return phrase("members.column_gender")
    if name == "side":
        return phrase("finance.side_revenue")
    if name == "status":
        return Value("Chưa đạt")
    if name == "levels":
        return Values(EDUCATION_LEVELS)
    if name == "problem":
        return phrase("awards.year_end_before_start", end=2011, start=2013)
    if name == "label":
        return phrase("targets.in_row", row=4)
    return "X1"


def test_every_issue_code_renders_wholly_in_english() -> None:
    """An English message has no Vietnamese word of ours: its template, the cells phrase, the figures (one
    formatter, the message's separators), the table's title — only what the user wrote stays as written."""
    import string

    from unionboard.core import i18n

    codes = _issue_codes()
    assert len(codes) > 230
    wrong = {}
    for code in codes:
        names = {f for _, f, _, _ in string.Formatter().parse(i18n.STRINGS["en"][code]) if f}
        text = i18n.t(code, "en", **{n: _representative(n) for n in names})
        if left := _vietnamese_left(text):
            wrong[code] = (text, left)
        if "18.777.000" in text or "51,5" in text or "1.234.567" in text:
            wrong[code] = (text, "Vietnamese separators")
    assert not wrong, wrong


def test_figures_and_words_in_an_issue_are_rendered_per_language() -> None:
    from unionboard.core.i18n import Value, phrase
    from unionboard.core.text import format_dong, format_number
    from unionboard.domains.schema import MEMBERS

    log = IssueLog()
    log.warning("f.xlsx", "S", "C3", "finance.negative", amount=format_dong(-2_000_000), cell="C3",
                label="Thu khác", year=2013)
    log.error("f.xlsx", "S", "A1", "loader.missing_columns", table=Value(MEMBERS.title), expected="“Họ và tên”",
              row=1, found=phrase("cells.none"))
    log.error("f.csv", None, None, "read.csv_too_many_cells", line=12, limit=format_number(2_000_000))
    negative, missing, csv_cells = log
    assert "−2.000.000 đ" in negative.message and "−2,000,000 VND" in negative.text("en")
    assert "Danh sách đoàn viên" in missing.message
    assert "Members list" in missing.text("en") and "Danh sách" not in missing.text("en")
    assert "2.000.000" in csv_cells.message and "2,000,000" in csv_cells.text("en")


def test_every_table_title_a_refusal_can_name_has_an_english_name() -> None:
    from unionboard.core.i18n import value_label
    from unionboard.domains.registry import BUILTIN

    titles = {schema.title for spec in BUILTIN for schema in spec.schemas}
    assert len(titles) >= 8
    assert not [title for title in titles if value_label(title, "en") == title]


def test_a_logged_gender_problem_reads_in_english_with_its_cells() -> None:
    """The roster's sex column with three unreadable cells: "3 cells: B2, B3, B4", never "3 ô"."""
    import io

    from openpyxl import Workbook

    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files

    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị"])
    for i, sex in enumerate(["Nam", "Nữ", "K", "K", "K", "Nam"], start=1):
        ws.append([i, f"Member {i}", sex, 1980 + i, "Unit A"])
    data = io.BytesIO()
    wb.save(data)
    result = check_files([SourceFile("roster.xlsx", data.getvalue())])
    gender = [i for i in result.issues if i.code == "members.gender_unknown"]
    assert gender, [i.message for i in result.issues]
    english = gender[0].text("en")
    assert "3 cells: C4, C5, C6" in english and " ô" not in english, english
    assert not _vietnamese_left(english), english


def test_a_refused_table_is_named_in_the_messages_language() -> None:
    """An awards table lacking its year and recipient columns: the English refusal names "Awards and
    achievements", never the Vietnamese title inside English."""
    import io

    from openpyxl import Workbook

    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files

    wb = Workbook()
    wb.active.append(["STT", "Hình thức khen thưởng", "Cấp khen", "Số lượng"])
    wb.active.append([1, "Bằng khen", "Tỉnh", 2])
    data = io.BytesIO()
    wb.save(data)
    (refusal,) = [i for i in check_files([SourceFile("k.xlsx", data.getvalue())]).issues
                  if i.code == "loader.missing_columns"]
    assert "“Khen thưởng, thành tích”" in refusal.message
    english = refusal.text("en")
    assert "“Awards and achievements”" in english and "Khen thưởng, thành tích" not in english, english


def test_no_checker_formats_a_figure_or_a_word_for_one_language_in_an_issue() -> None:
    """Parameters stay data: no issue parameter is a number formatted by hand (f"{n:,}", ".replace(',', '.')",
    f"{x:.1f}") or a catalogue text fixed to Vietnamese (t(..., "vi")) — those would read Vietnamese inside an
    English message. Figures go through format_number/format_dong (a Number), words through phrase/Value."""
    import ast

    wrong = []
    for path, node in _log_calls():
        for keyword in node.keywords:
            for part in ast.walk(keyword.value):
                spec = isinstance(part, ast.FormattedValue) and part.format_spec is not None
                replace = (isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute)
                           and part.func.attr == "replace")
                fixed = (isinstance(part, ast.Call) and isinstance(part.func, ast.Name) and part.func.id == "t"
                         and any(isinstance(a, ast.Constant) and a.value == "vi" for a in part.args))
                if spec or replace or fixed:
                    wrong.append(f"{path}:{node.lineno} {keyword.arg}={ast.unparse(keyword.value)}")
    assert not wrong, wrong
