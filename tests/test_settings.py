"""Settings in one module: every UNIONBOARD_* variable is declared in core/settings.py, read nowhere else,
listed in README, and a value of the wrong kind is refused with the variable's name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unionboard.core import settings
from unionboard.read.parallel_read import threads
from unionboard.read.workbook import MB, Limits
from unionboard.store.versions import default_home

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"\bUNIONBOARD_[A-Z0-9_]*[A-Z0-9]\b(?![_*])")  # not a prefix such as UNIONBOARD_MAX_*


def _python_files() -> list[Path]:
    files = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]
    for folder in ("unionboard", "tools", "tests", "scripts"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


def test_every_variable_named_in_the_code_is_declared():
    named = {m.group(0) for path in _python_files() for m in NAME.finditer(path.read_text(encoding="utf-8"))}
    assert named, "the scan found no variable at all"
    assert named <= set(settings.SETTINGS), sorted(named - set(settings.SETTINGS))


def test_readme_lists_every_setting_in_its_settings_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `(UNIONBOARD_[A-Z0-9_]+)` \|", section, flags=re.MULTILINE))
    assert listed == set(settings.SETTINGS)


def test_no_other_module_reads_the_environment():
    package = [*(ROOT / "unionboard").rglob("*.py"), ROOT / "app.py", *(ROOT / "app_pages").glob("*.py")]
    readers = [str(p.relative_to(ROOT)) for p in package
               if re.search(r"\bos\.environ\b|\bgetenv\(|\benviron\.get\(", p.read_text(encoding="utf-8"))]
    assert readers == ["unionboard/core/settings.py"]


def test_every_setting_has_a_kind_and_a_doc():
    for setting in settings.SETTINGS.values():
        assert setting.name.startswith("UNIONBOARD_") and setting.kind and len(setting.doc) > 20


def test_blank_means_the_default_and_a_value_is_parsed():
    assert settings.value(settings.MAX_FILE_MB, {}) == 50
    assert settings.value(settings.MAX_FILE_MB, {"UNIONBOARD_MAX_FILE_MB": "  "}) == 50
    assert settings.value(settings.MAX_FILE_MB, {"UNIONBOARD_MAX_FILE_MB": " 12.5 "}) == 12.5
    assert settings.value(settings.HOME, {"UNIONBOARD_HOME": "/srv/ub"}) == Path("/srv/ub")


def test_a_value_of_the_wrong_kind_names_the_variable():
    with pytest.raises(settings.SettingError, match="UNIONBOARD_MAX_READ_MB=“lots”"):
        settings.value(settings.MAX_READ_MB, {"UNIONBOARD_MAX_READ_MB": "lots"})


def test_a_name_is_declared_once():
    with pytest.raises(ValueError, match="declared twice"):
        settings.declare("UNIONBOARD_HOME", "path", Path, None, "again")


def test_the_readers_follow_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("UNIONBOARD_MAX_FILE_MB", "3")
    monkeypatch.setenv("UNIONBOARD_READ_THREADS", "2")
    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))
    assert Limits.from_env().max_file_bytes == 3 * MB
    assert threads() == 2
    assert default_home() == tmp_path
    monkeypatch.setenv("UNIONBOARD_READ_THREADS", "many")  # not a whole number: the default, as before
    assert 1 <= threads() <= 4
