"""The committee's grouping written as a "Nhóm quy định" workbook reads back as the rule_groups domain, as written."""

from __future__ import annotations

from unionboard.analysis.rule_groups import find_group
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.rule_groups_sheet import rule_groups_workbook


def test_the_workbook_reads_back_as_the_same_grouping() -> None:
    rows = [("Chi HĐ phong trào", "Lương, phụ cấp cán bộ công đoàn"), ("**Quà** [tặng](x)", "Chi khác")]
    result = check_files([SourceFile("nhom-quy-dinh.xlsx", rule_groups_workbook(rows))])
    assert result.ok, result.issues
    read = result.dataset.get("rule_groups")
    assert [(item, group) for item, group, _ in read] == rows  # user text kept as written
    assert [find_group(group).id for _, group, _ in read] == ["salaries_allowances", "other"]
    assert read[0][2].endswith("› Nhóm quy định › B3")


def test_an_empty_grouping_is_no_domain() -> None:
    result = check_files([SourceFile("nhom-quy-dinh.xlsx", rule_groups_workbook([]))])
    assert result.dataset.get("rule_groups") is None
