"""English outputs wholly English: the tables' titles a refusal names, a target's row, an award year's reasons."""

# Each table's title (`TableSchema.title`) as a refusal message names it ("… looks like the Members list but
# lacks …"): passed as a `Value`, so an English message names the table in English.
VALUE_LABELS_EN = {
    "Danh sách đoàn viên": "Members list",
    "Chỉ tiêu Nghị quyết": "Resolution targets",
    "Khen thưởng, thành tích": "Awards and achievements",
    "Tài chính (dạng bảng dọc)": "Finance (long table)",
    "Chỉ tiêu nhiệm kỳ": "Term targets",
    "Chỉ tiêu nhiệm kỳ (theo năm)": "Term targets (by year)",
    "Dự toán thu chi": "Budget",
    "Danh sách đại biểu": "Delegates list",
    "Sổ quỹ tiền mặt": "Cash book",
    "Báo cáo quyết toán thu chi (B07-TLĐ)": "Annual settlement (form B07-TLĐ)",
    "Số liệu kiểm tra quy định tài chính": "Figures for the finance rules",
    "Nhóm quy định của các mục chi": "Rule groups of the spending categories",
}

ENTRIES = {
    # where a target without a text is: "Chỉ tiêu ở dòng 4 chưa có kết quả" / "Target in row 4 has no result"
    "targets.in_row": ("ở dòng {row}", "in row {row}"),
    # why an award's year cell cannot be read (the {problem} of awards.bad_year)
    "awards.year_not_whole": ("không phải là năm", "is not a whole year"),
    "awards.year_end_before_start": ("năm kết thúc {end} trước năm bắt đầu {start}",
                                     "ends ({end}) before it starts ({start})"),
    "awards.year_unreadable": ("không đọc được năm", "cannot be read as a year"),
}
