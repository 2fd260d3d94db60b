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
}
