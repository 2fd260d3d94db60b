"""English UI wholly English: amounts say VND on every page, value labels and system-inserted labels in
English, a refusal's Vietnamese headers given with their English meaning (catalogue module english_ui)."""

from __future__ import annotations

import re

import pytest
from helpers import open_page, page_text, vietnamese_separators

from unionboard.core.i18n import Headers, Value, system_label, t, value_label
from unionboard.core.i18n.english_ui import HEADER_MEANINGS_EN
from unionboard.core.text import format_dong, format_number, numbers_in

# an amount written with the Vietnamese unit: "18,777,000 đ", "2.16 triệu đồng", "Amount (đồng)"
_VIETNAMESE_UNIT = re.compile(r"\d\s*đ(?!\w)|triệu đồng|\(đồng\)|million đồng|\d\s*đồng")


def _plotly_specs(at) -> str:
    """The JSON of every Plotly chart on the page (titles, axes, hover texts, legend names)."""
    specs: list[str] = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            proto = getattr(child, "proto", None)
            spec = getattr(proto, "spec", None)
            if isinstance(spec, str) and spec:
                specs.append(spec)
            walk(child)

    walk(at._tree)
    return "\n".join(specs)


@pytest.mark.parametrize("page", ["overview", "finance", "members", "targets_awards", "plan"])
def test_english_pages_write_amounts_in_vnd_and_never_none(home, page: str) -> None:
    """Every amount an English page shows (cards, tables, captions, charts) says VND; the sample's own
    item names (user data) are Vietnamese and carry no figure with a unit; no label, cell or chart reads "None"."""
    at = open_page(page, "en")
    text = page_text(at) + "\n" + _plotly_specs(at)
    assert not _VIETNAMESE_UNIT.findall(text), _VIETNAMESE_UNIT.findall(text)[:5]
    ours = re.sub(r"“[^”]*”", "", page_text(at))  # quoted cells and headers are the user's own text
    assert not re.search(r"\bNone\b", ours + _plotly_specs(at)), "a table, chart or label reads None"
    assert not vietnamese_separators(ours), vietnamese_separators(ours)[:5]  # tables, cards, captions
    if page in ("overview", "finance", "plan"):
        assert "VND" in text  # the page does show amounts, in English


def test_overview_cards_in_english_and_vietnamese(home) -> None:
    """The revenue card: "310,992,000 VND" in English, "310.992.000 đ" in Vietnamese (the one unit per language)."""
    assert "310,992,000 VND" in [m.value for m in open_page("overview", "en").metric]
    assert "310.992.000 đ" in [m.value for m in open_page("overview", "vi").metric]


def test_a_figure_chooses_its_unit_by_language() -> None:
    """The unit is chosen where the figure is written: đ in Vietnamese, VND in English, other units as given."""
    figure = format_dong(18_777_000)
    assert figure == "18.777.000 đ" and figure.render("en") == "18,777,000 VND"
    with numbers_in("en"):
        assert format_dong(5_000_000) == "5,000,000 VND" and format_number(3, unit="MB") == "3 MB"
    message = t("budget.no_amount", "en", item="Thu khác", year=2013, cell="C3")
    assert "0 VND" in message and "đ" not in message.replace("Thu khác", "")


def test_no_english_label_reads_none() -> None:
    """Political theory "Chưa có" is "No training" in English, never "None" (issue: no "None" in tables)."""
    assert value_label("Chưa có", "en") == "No training" and value_label("Chưa có", "vi") == "Chưa có"
    assert "None" not in {value_label(v, "en") for v in ("Cao cấp", "Trung cấp", "Sơ cấp", "Chưa có")}


def test_roster_table_names_the_unknown_unit_in_english() -> None:
    """A member without a unit is stored under "(Chưa rõ)" and listed "(Unknown)" in the English roster."""
    import pandas as pd

    from unionboard.present.tables import roster_table

    frame = pd.DataFrame({"name": ["A", "B"], "gender": ["Nam", "Nữ"], "birth_year": [1980, 1990],
                          "department": ["(Chưa rõ)", "Kho"], "political_theory": ["Chưa có", "Sơ cấp"], "row": [2, 3]})
    table = roster_table(frame, "en")
    assert list(table["Department"]) == ["(Unknown)", "Kho"]
    assert list(table["Political theory"]) == ["No training", "Elementary"]
    assert list(roster_table(frame, "vi").iloc[:, 3]) == ["(Chưa rõ)", "Kho"]


def test_system_labels_are_translated_and_user_data_is_not() -> None:
    """The labels the system inserts read English in English; a user's item name stays as written."""
    assert system_label("(Không rõ khoản mục)", "en") == "(Unknown item)"
    assert system_label("(Chưa rõ)", "en") == "(Unknown)"
    assert system_label("(Chưa rõ)", "vi") == "(Chưa rõ)"
    assert system_label("Khác", "en") == "Khác"  # user data: an item named "Khác" is not translated
    assert Value("(Không rõ khoản mục)").render("en") == "(Unknown item)"


def test_finance_charts_and_tables_name_the_unknown_item_in_english() -> None:
    """A row without an item name is stored as "(Không rõ khoản mục)" and shown "(Unknown item)" in English."""
    from unionboard.core.models import Finance, FinanceEntry
    from unionboard.present import charts
    from unionboard.present.tables import finance_table

    data = Finance(entries=(FinanceEntry("revenue", 2013, "(Không rõ khoản mục)", 1_000_000),
                            FinanceEntry("revenue", 2013, "Thu khác", 2_000_000),
                            FinanceEntry("spending", 2013, "Hoạt động", 500_000)))
    table = charts.data_revenue_by_year(data, "en")
    assert "(Unknown item)" in set(table["Source"]) and "(Không rõ khoản mục)" not in set(table["Source"])
    figure = charts.revenue_by_year(data, "en").figure
    assert {trace.name for trace in figure.data} >= {"(Unknown item)", "Thu khác"}
    donut = charts.revenue_share(data, "en").figure
    assert "(Unknown item)" in donut.data[0].labels
    assert "(Unknown item)" in set(finance_table(data, "revenue", lang="en").iloc[:, 0])
    assert "(Không rõ khoản mục)" in set(finance_table(data, "revenue", lang="vi").iloc[:, 0])


def test_a_refusal_gives_the_vietnamese_headers_with_their_english_meaning() -> None:
    """The headers must be written in Vietnamese in the sheet: English quotes them and says what they mean."""
    headers = Headers(["Năm", "Đối tượng"])
    english = t("loader.missing_columns", "en", table=Value("Khen thưởng, thành tích"), expected=headers, row=1,
                found="“STT”")
    assert "“Năm” (Year), “Đối tượng” (Recipient)" in english and "Awards and achievements" in english
    vietnamese = t("loader.missing_columns", "vi", table=Value("Khen thưởng, thành tích"), expected=headers,
                   row=1, found="“STT”")
    assert "“Năm”, “Đối tượng”" in vietnamese and "Year" not in vietnamese


def test_every_required_header_has_an_english_meaning() -> None:
    """Each column label a refusal may name has its meaning in the catalogue."""
    from unionboard.domains import registry
    from unionboard.domains.schema import SCHEMAS

    schemas = {*SCHEMAS, *(s for spec in registry.BUILTIN for s in spec.schemas)}
    labels = {c.label for schema in schemas for c in schema.columns}
    assert labels and not labels - set(HEADER_MEANINGS_EN), sorted(labels - set(HEADER_MEANINGS_EN))


def test_loader_refusal_in_english_names_headers_with_meanings() -> None:
    """A real workbook whose awards sheet lacks columns is refused with the headers' meanings in English."""
    from helpers import workbook_bytes

    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files

    book = workbook_bytes({"Khen thưởng": [["STT", "Hình thức", "Cấp", "Nội dung"],
                                           [1, "Bằng khen", "Tỉnh", "Hoàn thành xuất sắc"]]})
    refusals = [i for i in check_files([SourceFile("kt.xlsx", book)]).issues if i.code == "loader.missing_columns"]
    assert refusals
    english = refusals[0].text("en")
    assert re.search(r"lacks required columns: “[^”]+” \([A-Z][^)]*\)", english), english
    assert not re.search(r"“[^”]+” \(", refusals[0].message), refusals[0].message  # Vietnamese: headers only


def test_english_report_and_slides_name_the_unknown_item_in_english() -> None:
    """The Word/PDF report's finance table and the deck's notes: "(Unknown item)" in English, as stored in
    Vietnamese; amounts in VND."""
    from unionboard.core.models import Dataset, Finance, FinanceEntry
    from unionboard.export.report import build_report
    from unionboard.present.slides import build_slides

    finance = Finance(entries=(FinanceEntry("revenue", 2013, "(Không rõ khoản mục)", 1_000_000),
                               FinanceEntry("revenue", 2013, "Thu khác", 2_000_000),
                               FinanceEntry("spending", 2013, "(Không rõ khoản mục)", 500_000),
                               FinanceEntry("spending", 2013, "Hoạt động", 500_000)))
    data = Dataset(finance=finance)

    def cells(lang: str) -> set[str]:
        tables = [b for s in build_report(data, lang).sections for b in s.blocks if hasattr(b, "rows")]
        return {c for tb in tables for row, _ in tb.rows for c in row}

    assert "(Unknown item)" in cells("en") and "(Không rõ khoản mục)" not in cells("en")
    assert "(Không rõ khoản mục)" in cells("vi")
    notes = " ".join(s.notes for s in build_slides(data, "en"))
    assert "(Unknown item)" in notes and "(Không rõ khoản mục)" not in notes
    assert "VND" in notes and not _VIETNAMESE_UNIT.findall(notes)
