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
