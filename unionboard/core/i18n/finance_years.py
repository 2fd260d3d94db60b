"""Strings of the per-year balances and the one-year statement (Nội dung thu | Số tiền | Nội dung chi | Số tiền)."""

ENTRIES: dict[str, tuple[str, str]] = {
    "finance_years.opening_conflict": (
        "Tồn quỹ đầu năm {year} ghi {written} ở {cell}, khác {first} đã ghi ở {first_sheet} › {first_cell}; "
        "đã dùng số ở {first_cell}.",
        "The opening balance of {year} is written as {written} in {cell}, unlike the {first} written in "
        "{first_sheet} › {first_cell}; the figure in {first_cell} was used."),
    "finance_years.closing_conflict": (
        "Tồn quỹ cuối năm {year} ghi {written} ở {cell}, khác {first} đã ghi ở {first_sheet} › {first_cell}; "
        "đã dùng số ở {first_cell}.",
        "The closing balance of {year} is written as {written} in {cell}, unlike the {first} written in "
        "{first_sheet} › {first_cell}; the figure in {first_cell} was used."),
    "finance_years.statement_no_year": (
        "Bảng thu chi một năm (tiêu đề cột ở {header}) không ghi năm: không biết số liệu thuộc năm nào nên chưa "
        "đọc bảng này — hãy ghi năm vào tiêu đề ở {cell}, ví dụ “QUYẾT TOÁN THU CHI NĂM 2024”.",
        "The one-year statement (column headers in {header}) gives no year: it is unknown which year the amounts "
        "belong to, so the table was not read — write the year in the title in {cell}, e.g. "
        "“QUYẾT TOÁN THU CHI NĂM 2024”."),
}
