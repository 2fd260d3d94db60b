"""Rule groups chosen by the committee: which rule group each spending category of the report belongs to.

Layout: Khoản mục | Nhóm quy định (a group's id or its Vietnamese/English label). Stored and versioned like every
domain, so the committee edits it by uploading the sheet; it overrides the default mapping (analysis.rule_groups).
"""

from __future__ import annotations

from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, clean, is_blank
from unionboard.domains.schema import Column, TableSchema
from unionboard.domains.spec import DomainSpec, SheetLayout, SheetPairs

SCHEMA = TableSchema(
    domain="rule_groups",
    title="Nhóm quy định của các mục chi",
    sheet_hints=("nhom quy dinh", "rule group"),
    columns=(
        Column("item", "Khoản mục", ("Mục chi", "Item", "Category")),
        Column("group", "Nhóm quy định", ("Nhóm", "Rule group", "Group")),
    ),
)


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> tuple[tuple[str, str, str], ...] | None:
    """(category, group as written, "file › sheet › cell") per row; blank rows skipped, a blank group named."""
    out = []
    for sheet, header in pairs:
        if header is None:
            continue
        cols = header.columns
        for r in range(header.row + 1, sheet.height):
            item, group = sheet.value(r, cols["item"]), sheet.value(r, cols["group"])
            if is_blank(item) and is_blank(group):
                continue
            where = cell_name(r, cols["group"])
            if is_blank(group) or is_blank(item):
                log.warning(sheet.file, sheet.name, where, "rule_groups.incomplete", cell=where, item=clean(item))
                continue
            out.append((clean(item), clean(group), f"{sheet.file} › {sheet.name} › {where}"))
    return tuple(out) or None


SPEC = DomainSpec(
    key="rule_groups", name="domain_rule_groups", parse=parse_sheets, schemas=(SCHEMA,),
    layout=SheetLayout(sheet="Nhóm quy định", title="NHÓM QUY ĐỊNH CỦA CÁC MỤC CHI",
                       columns=("Khoản mục", "Nhóm quy định"), rows=lambda v: [(i, g) for i, g, _ in v],
                       example=("Chi phụ cấp CB CĐ", "Lương, phụ cấp cán bộ công đoàn")),
)
