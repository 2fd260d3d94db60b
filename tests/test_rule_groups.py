"""Spending categories → rule groups: default words, the committee's sheet overrides, unmapped ones named."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from unionboard.analysis.rule_groups import default_group, mappings, spending_by_group
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.sample.report import sample_paths


def test_the_reports_categories_map_by_default() -> None:
    assert default_group("Chi phụ cấp CB CĐ").id == "salaries_allowances"
    assert default_group("Thăm hỏi ốm đau").id == "visits"
    assert default_group("Chi HĐ phong trào").id == "activities"
    assert default_group("Mua quà Tết") is None


def committee_sheet(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhóm quy định"
    ws.append(["Khoản mục", "Nhóm quy định"])
    ws.append(["Chi trợ cấp, khuyết tật", "Chi khác"])
    ws.append(["Chi HĐ phong trào", None])
    wb.save(path)
    return path


def test_the_committee_overrides_and_the_rest_is_named(tmp_path: Path) -> None:
    files = [SourceFile(p.name, p.read_bytes()) for p in sample_paths()]
    result = check_files([*files, committee_sheet(tmp_path / "nhom.xlsx")])
    found = {m.item: m for m in mappings(result.dataset)}
    assert found["Chi trợ cấp, khuyết tật"].group.id == "other" and found["Chi trợ cấp, khuyết tật"].source == \
        "committee"
    assert found["Thăm hỏi ốm đau"].source == "default"
    assert [i.cell for i in result.issues if i.code == "rule_groups.incomplete"] == ["B3"]
    by_group = spending_by_group(result.dataset)
    assert by_group[2013]["salaries_allowances"] == 9_198_000 and by_group[2016]["other"] == 2_000_000
    assert sum(sum(v.values()) for v in by_group.values()) == 308_835_000  # every đồng in one group or unmapped
