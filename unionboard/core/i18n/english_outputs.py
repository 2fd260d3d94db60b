"""English outputs wholly English: the tables' titles named in messages, the PowerPoint deck's units."""

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

ENTRIES: dict[str, tuple[str, str]] = {}
