"""The committee's rule-group mapping as a workbook ("Nhóm quy định": Khoản mục | Nhóm quy định), stored as an upload."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook

from unionboard.domains.rule_groups import SPEC
from unionboard.export.template import add_layout_sheet


def rule_groups_workbook(rows: Iterable[tuple[str, str]]) -> bytes:
    """A workbook holding only the "Nhóm quy định" sheet: one (category, group label) per row, read back by
    domains.rule_groups like an uploaded one."""
    wb = Workbook()
    wb.remove(wb.active)
    add_layout_sheet(wb, SPEC.layout, list(rows))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
