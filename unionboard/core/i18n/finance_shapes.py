"""Issue messages of the finance layouts beyond the report's: the transposed table, balances per year, unit notes."""

ENTRIES: dict[str, tuple[str, str]] = {
    "finance_shapes.column_side_guessed": (
        "Không rõ cột “{label}” ({cell}) là khoản thu hay khoản chi (không có nhóm “Thu”/“Chi” phía trên, "
        "tên trang và tiêu đề không nói rõ); đã hiểu là {side}.",
        "It is unclear whether column “{label}” ({cell}) is revenue or spending (no “Thu”/“Chi” group above "
        "it, and neither the sheet name nor the title says); it was read as {side}."),
    "finance_shapes.year_repeated": (
        "Năm {year} ghi lại ở {cell} (đã có ở {first}); số liệu hai dòng được cộng chung vào năm {year}.",
        "The year {year} is written again in {cell} (already in {first}); both rows' amounts were added to "
        "{year}."),
    "finance_shapes.year_closing_mismatch": (
        "Tồn quỹ cuối năm {year} ghi {written} ở {cell} nhưng tính được {computed} (tồn đầu + thu − chi đến "
        "hết năm {year}).",
        "The closing balance of {year} is written as {written} in {cell} but works out at {computed} "
        "(opening balance + revenue − spending up to the end of {year})."),
    "finance_shapes.year_opening_mismatch": (
        "Tồn quỹ đầu năm {year} ghi {written} ở {cell} nhưng tồn cuối năm trước tính được {computed}.",
        "The opening balance of {year} is written as {written} in {cell} but the previous year's closing "
        "balance works out at {computed}."),
    "finance_shapes.unit_conflict": (
        "Hai ghi chú đơn vị khác nhau cho cùng một bảng: “{note}” ở {cell} và “{other}” ở {other_cell}; không "
        "biết số liệu tính bằng đơn vị nào nên không thể nhận tệp — hãy giữ một ghi chú ĐVT.",
        "Two different unit notes for the same table: “{note}” in {cell} and “{other}” in {other_cell}; the "
        "unit of the amounts is unknown, so the file cannot be accepted — keep one unit note."),
}
