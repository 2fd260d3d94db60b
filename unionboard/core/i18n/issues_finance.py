"""Issue messages of the finance domain (wide and tidy layouts, units, reconciliation) and their phrases."""

ENTRIES: dict[str, tuple[str, str]] = {
    "finance.side_revenue": ("phần thu", "revenue"),
    "finance.side_spending": ("phần chi", "spending"),
    "finance.opening": ("Tồn đầu", "Opening balance"),
    "finance.closing": ("Tồn cuối", "Closing balance"),
    "finance.what_row_total": ("Tổng cộng của “{label}”", "The total of “{label}”"),
    "finance.what_side_year": ("Tổng {side} năm {year}", "Total {side} in {year}"),
    "finance.what_side_total": ("Tổng cộng {side}", "Total {side}"),
    "finance.what_side_only": ("Tổng {side}", "Total {side}"),
    "finance.what_year": ("Tổng cộng năm {year}", "Total in {year}"),
    "finance.what_all": ("Tổng cộng", "Grand total"),
    "finance.unit_too_large": (
        "Ghi chú đơn vị “{note}” không khớp độ lớn số liệu (ví dụ {example} ở {cell} sẽ thành {scaled}); "
        "đã hiểu số liệu là đồng.",
        "The unit note “{note}” does not fit the size of the amounts (e.g. {example} in {cell} would become "
        "{scaled}); the amounts were read as VND."),
    "finance.unit_too_small": (
        "Ghi chú đơn vị “{note}” không khớp độ lớn số liệu (ví dụ {example} ở {cell} là số lẻ rất nhỏ, "
        "có vẻ là nghìn hoặc triệu đồng); đã giữ nguyên số liệu như ghi, tính là đồng — hãy kiểm tra lại đơn vị.",
        "The unit note “{note}” does not fit the size of the amounts (e.g. {example} in {cell} is a very "
        "small odd number, apparently thousands or millions of VND); the amounts were kept as written, "
        "counted as VND — check the unit."),
    "finance.side_guessed": (
        "Không rõ bảng ở dòng {row} là phần thu hay phần chi (không có tiêu đề “Phần thu”/“Phần chi”); "
        "đã hiểu là {side}.",
        "It is unclear whether the table in row {row} is revenue or spending (no “Phần thu”/“Phần chi” "
        "title); it was read as {side}."),
    "finance.not_a_number": ("Số tiền “{value}” ở {cell} (“{label}”, năm {year}) không phải là số; đã tính là 0.",
                             "The amount “{value}” in {cell} (“{label}”, {year}) is not a number; counted as 0."),
    "finance.no_item_name": ("Dòng {row} có số tiền nhưng không có tên khoản mục; đã ghi là “{label}”.",
                             "Row {row} has amounts but no item name; recorded as “{label}”."),
    "finance.negative": ("Số tiền âm {amount} ở {cell} (“{label}”, năm {year}); hãy kiểm tra lại, "
                         "đã giữ nguyên số âm.",
                         "Negative amount {amount} in {cell} (“{label}”, {year}); please check it, "
                         "the negative amount was kept."),
    "finance.empty_block": ("Bảng {side} ở dòng {row} không có dòng số liệu nào.",
                            "The {side} table in row {row} has no data rows."),
    "finance.total_not_a_number": ("{what} ở {cell} ghi “{value}” không phải là số; "
                                   "đã dùng tổng tính được {computed}.",
                                   "{what} in {cell} reads “{value}”, which is not a number; "
                                   "the computed total {computed} was used."),
    "finance.total_mismatch": ("{what} ghi {written} ở {cell} nhưng tính được {computed} (chênh {difference}); "
                               "đã dùng số tính được.",
                               "{what} is written as {written} in {cell} but adds up to {computed} "
                               "(difference {difference}); the computed figure was used."),
    "finance.tidy_side_guessed": (
        "Không rõ trang “{sheet}” là phần thu hay phần chi (không có cột “Thu/Chi” và tên trang không nói rõ); "
        "đã hiểu là phần thu.",
        "It is unclear whether sheet “{sheet}” is revenue or spending (no “Thu/Chi” column and the sheet "
        "name does not say); it was read as revenue."),
    "finance.bad_year": ("Năm “{value}” ở {cell} không nhận ra (cần năm như 2013); đã bỏ qua dòng này.",
                         "The year “{value}” in {cell} is not recognised (a year such as 2013 is needed); "
                         "the row was skipped."),
    "finance.bad_side": ("Thu/Chi “{value}” ở {cell} không nhận ra (cần “Thu” hoặc “Chi”); đã bỏ qua dòng này.",
                         "Thu/Chi “{value}” in {cell} is not recognised (“Thu” or “Chi” is needed); "
                         "the row was skipped."),
    "finance.no_year": ("Dòng {row} (“{label}”) không có năm; đã bỏ qua dòng này.",
                        "Row {row} (“{label}”) has no year; it was skipped."),
    "finance.no_side": ("Dòng {row} (“{label}”) không rõ là thu hay chi; đã bỏ qua dòng này.",
                        "Row {row} (“{label}”) is neither clearly revenue nor spending; it was skipped."),
    "finance.empty_tidy": ("Bảng tài chính ở trang “{sheet}” không có dòng số liệu nào.",
                           "The finance table on sheet “{sheet}” has no data rows."),
    "finance.no_table": (
        "Trang “{sheet}” không có bảng thu chi nhận ra được (cần dòng tiêu đề có cột khoản mục và các cột "
        "năm, hoặc các cột Năm | Khoản mục | Số tiền).",
        "Sheet “{sheet}” has no recognisable revenue/spending table (a header row with an item column and "
        "year columns is needed, or the columns Year | Item | Amount)."),
    "finance.duplicate_amounts": (
        "{count} số liệu ở bảng này đã có ở {file} › {sheet} (ví dụ “{label}” năm {year}, {side}: {amount} "
        "ở {cell}, ở đây {here}); đã bỏ qua các số trùng để không tính hai lần.",
        "{count} amounts of this table are already in {file} › {sheet} (e.g. “{label}” {year}, {side}: "
        "{amount} in {cell}, here {here}); the duplicates were skipped so nothing is counted twice."),
    "finance.closing_mismatch": (
        "Tồn cuối ghi {written} ở {cell} nhưng tính được {computed} (tồn đầu {opening} + tổng thu {revenue} "
        "− tổng chi {spending}); đã dùng số tính được.",
        "The closing balance is written as {written} in {cell} but works out at {computed} (opening "
        "{opening} + revenue {revenue} − spending {spending}); the computed figure was used."),
    "finance.balance_conflict": ("{what} ghi {written} ở {cell}, khác số {first} ở {first_sheet} › {first_cell}; "
                                 "đã dùng số đầu tiên.",
                                 "{what} is written as {written} in {cell}, unlike {first} in "
                                 "{first_sheet} › {first_cell}; the first figure was used."),
    "finance.amount_not_real": ("Số tiền “{value}” ở {cell} (“{label}”, năm {year}) không thể là số tiền thật "
                                "(không phải số hữu hạn hoặc vượt 10^15 đồng); hãy sửa ô này.",
                                "The amount “{value}” in {cell} (“{label}”, {year}) cannot be a real amount "
                                "(not a finite number, or over 10^15 VND); correct this cell."),
    "finance.group_mismatch": ("Dòng nhóm “{label}” năm {year} ghi {written} ở {cell} nhưng các dòng con cộng lại "
                               "{computed}; đã dùng các dòng con (không cộng dòng nhóm hai lần).",
                               "The group line “{label}” for {year} reads {written} in {cell} but its items add "
                               "up to {computed}; the items are used (the group line is not counted twice)."),
    "finance.no_usable_amount": ("Bảng tài chính ở trang “{sheet}” không có số tiền nào dùng được; hãy kiểm tra "
                                 "cột số tiền và đơn vị.",
                                 "The finance table on sheet “{sheet}” has no usable amount; check the amount "
                                 "columns and the unit."),
}
