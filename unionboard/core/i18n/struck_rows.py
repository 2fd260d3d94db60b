"""Messages about struck-through roster rows (members an office struck out when they left)."""

ENTRIES: dict[str, tuple[str, str]] = {
    "members.struck_out": (
        "{count} dòng bị gạch ngang ({cells}) được hiểu là người không còn là đoàn viên (nghỉ hưu, chuyển công tác, "
        "thôi việc…) và không được tính.",
        "{count} struck-through rows ({cells}) are read as people who are no longer members (retired, transferred, "
        "left…) and are not counted."),
    "delegates.struck_out": (
        "{count} dòng bị gạch ngang ({cells}) được hiểu là đại biểu đã bị gạch tên và không được tính.",
        "{count} struck-through rows ({cells}) are read as delegates crossed off the list and are not counted."),
    "members.strike_unreadable": (
        "Không đọc được định dạng gạch ngang của trang này; các dòng bị gạch ngang (nếu có) vẫn được tính.",
        "The strike-through formatting of this sheet could not be read; struck-through rows (if any) are "
        "still counted."),
}
