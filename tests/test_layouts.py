"""layouts: the built-in record sheets are `SheetLayout` data written by the one generic writer, like a
registered domain's sheet; the layout's formats, wrapped columns, dropdowns and widths reach the sheet."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from unionboard.core.models import GENDERS
from unionboard.domains import registry
from unionboard.domains.spec import Dropdown, SheetLayout
from unionboard.export import layouts
from unionboard.export.template import add_layout_sheet, build_template


def test_the_built_in_record_sheets_are_layouts_and_the_others_keep_their_own():
    specs = {spec.key: spec for spec in registry.specs()}
    assert layouts.layout_of(specs["members"]) is layouts.MEMBERS_LAYOUT
    assert layouts.layout_of(specs["targets"]) is layouts.TARGETS_LAYOUT
    assert layouts.layout_of(specs["awards"]) is layouts.AWARDS_LAYOUT
    assert layouts.layout_of(specs["cashbook"]) is specs["cashbook"].layout
    assert layouts.layout_of(specs["finance"]) is None  # year columns and totals: its own writer


def test_the_template_writes_the_members_sheet_from_its_layout():
    ws = build_template()[layouts.SHEET_MEMBERS]
    layout = layouts.MEMBERS_LAYOUT
    assert [c.value for c in ws[1]] == list(layout.columns) and ws.freeze_panes == "A2"
    assert ws["C2"].value == 1985 and ws["C2"].number_format == "0"  # formats: ("Năm sinh", "0")
    assert ws["H2"].value == dt.date(2010, 5, 1) and ws["H2"].number_format == "dd/mm/yyyy"  # a date stays one
    assert ws["A2"].font.i  # the example row
    dropdowns = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert dropdowns["B2:B2000"] == '"' + ",".join(GENDERS) + '"'
    assert len(dropdowns) == len(layout.dropdowns)
    assert {letter: ws.column_dimensions[letter].width for letter, _ in layout.widths} == dict(layout.widths)


def test_a_layouts_own_fields_reach_its_sheet():
    layout = SheetLayout(sheet="Sổ", title="", columns=("Năm", "Nội dung", "Loại"), rows=list,
                         header_row=1, as_given=True, formats=(("Năm", "0"),), wrapped=("Nội dung",),
                         dropdowns=(Dropdown("Loại", ("A", "B"), "A hoặc B.", strict=False),),
                         widths=(("B", 40),))
    wb = Workbook()
    ws = add_layout_sheet(wb, layout, [(2024, "  hai  khoảng  ", dt.date(2024, 1, 2))], extra_labels=("Thêm",))
    assert [c.value for c in ws[1]] == ["Năm", "Nội dung", "Loại", "Thêm"]
    assert ws["A2"].number_format == "0" and ws["B2"].alignment.wrap_text
    assert ws["B2"].value == "  hai  khoảng  "  # as given: not cleaned
    (dv,) = ws.data_validations.dataValidation
    assert str(dv.sqref) == "C2:C2000" and dv.errorStyle == "warning"
    assert ws.column_dimensions["B"].width == 40


def test_a_layout_with_a_title_cleans_text_as_before():
    layout = SheetLayout(sheet="Sổ", title="SỔ", columns=("Ngày", "Nội dung"), rows=list)
    ws = add_layout_sheet(Workbook(), layout, [(dt.date(2025, 1, 5), "  a  b ")])
    assert ws["A1"].value == "SỔ" and [c.value for c in ws[2]] == ["Ngày", "Nội dung"]
    assert [c.value for c in ws[3]] == ["2025-01-05", "a b"]  # text cells, as the registered domains' sheets
    assert not ws.data_validations.dataValidation
