"""Messages of the readers shared by every domain: rows left out of a table, rosters, CSV and limits."""

ENTRIES: dict[str, tuple[str, str]] = {
    "rows.skipped_total": ("Dòng tổng cộng ở ô {cell} không phải số liệu; không tính.",
                           "The total row at cell {cell} is not data; it is not counted."),
    "rows.skipped_signature": (
        "Phần ký tên từ ô {cell} trở xuống ({rows} dòng: người lập biểu, ngày tháng, chữ ký) không phải "
        "số liệu; không tính.",
        "The signature block from cell {cell} down ({rows} rows: who made the table, date, signatures) is "
        "not data; not counted."),
}
