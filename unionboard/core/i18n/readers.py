"""Messages of the readers shared by every domain: rows left out of a table, rosters, CSV and limits."""

ENTRIES: dict[str, tuple[str, str]] = {
    "rows.skipped_total": ("Dòng tổng cộng ở ô {cell} không phải số liệu; không tính.",
                           "The total row at cell {cell} is not data; it is not counted."),
    "rows.skipped_signature": (
        "Phần ký tên từ ô {cell} trở xuống ({rows} dòng: người lập biểu, ngày tháng, chữ ký) không phải "
        "số liệu; không tính.",
        "The signature block from cell {cell} down ({rows} rows: who made the table, date, signatures) is "
        "not data; not counted."),
    "members.sex_both": ("{count} người có đánh dấu ở cả cột “Nam” và cột “Nữ” ({cells}); chưa rõ giới tính.",
                         "{count} people are marked under both “Nam” (male) and “Nữ” (female) ({cells}); "
                         "their sex is unknown."),
    "members.sex_neither": ("{count} người không có đánh dấu ở cột “Nam” hay cột “Nữ” ({cells}); chưa rõ giới tính.",
                            "{count} people are marked under neither “Nam” (male) nor “Nữ” (female) ({cells}); "
                            "their sex is unknown."),
    "members.left_out": ("{count} người không còn là đoàn viên ({reasons}; {cells}) không được tính.",
                         "{count} people are no longer members ({reasons}; {cells}) and are not counted."),
    "read.csv_nul": ("Tệp CSV có ký tự NUL (byte 0) ở dòng {line}: tệp có thể là UTF-16 hoặc bị hỏng. Hãy mở bằng "
                     "Excel và lưu lại dạng “CSV UTF-8”.",
                     "The CSV file holds a NUL character (byte 0) on line {line}: it may be UTF-16 or damaged. "
                     "Open it in Excel and save it again as “CSV UTF-8”."),
    "read.csv_too_many_cells": (
        "Tệp CSV quá lớn: đến dòng {line} đã vượt {limit} ô (giới hạn bộ nhớ UNIONBOARD_MAX_READ_MB); không đọc.",
        "The CSV file is too large: by line {line} it passes {limit} cells (the UNIONBOARD_MAX_READ_MB memory "
        "limit); it was not read."),
    "read.csv_field_too_large": (
        "Tệp CSV có một ô dài hơn {limit} ký tự bắt đầu ở dòng {line} (thường do thiếu dấu ngoặc kép đóng); "
        "không đọc.",
        "The CSV file has a cell longer than {limit} characters starting on line {line} (usually a missing "
        "closing quote); it was not read."),
    "read.csv_unreadable": ("Tệp CSV không đọc được ở dòng {line}; hãy mở bằng Excel và lưu lại dạng “CSV UTF-8”.",
                            "The CSV file cannot be read at line {line}; open it in Excel and save it again as "
                            "“CSV UTF-8”."),
    "read.csv_unclosed_quote": (
        "Tệp CSV có dấu ngoặc kép mở ở dòng {line} mà không đóng: phần còn lại của tệp bị đọc thành một ô; "
        "không đọc.",
        "The CSV file has a quote opened on line {line} that is never closed: the rest of the file would "
        "become one cell; it was not read."),
    "read.csv_bad_byte": (
        "{count} ô có byte không phải UTF-8 ({cells}), hiện thành “�”: hãy sửa các ô này hoặc lưu lại tệp dạng "
        "“CSV UTF-8”; các ô khác đọc bình thường.",
        "{count} cells hold a byte that is not UTF-8 ({cells}), shown as “�”: fix these cells or save the "
        "file again as “CSV UTF-8”; the other cells are read as they are."),
    # lists of cells inside messages: parameters rendered in the message's language
    "cells.one": ("ô {cell}", "cell {cell}"),
    "cells.many": ("{count} ô: {shown}", "{count} cells: {shown}"),
    "cells.many_more": ("{count} ô: {shown} và {rest} ô khác", "{count} cells: {shown} and {rest} more"),
    "cells.list": ("{shown}", "{shown}"),
    "cells.list_more": ("{shown} và {rest} ô khác", "{shown} and {rest} more cells"),
    "cells.rows": ("dòng {shown}", "rows {shown}"),
    "cells.rows_more": ("dòng {shown} và {rest} dòng khác", "rows {shown} and {rest} more"),
    "loader.sheet_without_table": ("Trang “{sheet}” không có bảng nào nhận ra được (trang bìa, ghi chú…); đã bỏ qua.",
                                   "Sheet “{sheet}” holds no table that could be recognised (a cover page, "
                                   "notes…); it was skipped."),
    "term_targets.no_group_column": (
        "Bảng chỉ tiêu nhiệm kỳ không có cột “Nhóm”: mọi chỉ tiêu được xếp vào nhóm “{group}”.",
        "The term-targets table has no “Nhóm” (group) column: every target is put in the group “{group}”."),
    "members.gender_coded": (
        "Cột giới tính {column} chỉ ghi 1 và 0, không có chú thích 1 là Nam hay Nữ: không đoán; hãy ghi “Nam”/“Nữ”.",
        "The sex column {column} holds only 1 and 0 with no legend saying whether 1 is male or female: it is "
        "not guessed; write “Nam” (male) / “Nữ” (female)."),
    "cells.none": ("không có", "none"),
}
