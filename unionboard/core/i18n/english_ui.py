"""English UI wholly English: one currency word (VND), value labels and the labels the system inserts."""

# A figure's unit in English (`core.text.unit_label`): every English amount says VND, as the documents do.
UNITS_EN = {"đ": "VND", "đồng": "VND", "triệu đồng": "million VND"}

# Labels the system itself inserts into the data (stored in Vietnamese, shown per language by
# `i18n.system_label`; user data beside them is never translated).
SYSTEM_LABELS_EN = {
    "(Không rõ khoản mục)": "(Unknown item)",
    "(Chưa rõ)": "(Unknown)",
    "Hàng năm": "Every year",
    "Cả nhiệm kỳ": "Whole term",
    "Cả nhiệm kỳ (lũy kế)": "Whole term (cumulative)",
    "Phối hợp thực hiện": "Carried out with others",
    "Công đoàn thực hiện": "Carried out by the union",
}
VALUE_LABELS_EN = dict(SYSTEM_LABELS_EN)  # as message parameters (`Value`) too

# The Vietnamese column headers a table needs (`domains.schema.Column.label`): a refusal quotes them as the
# sheet must write them, and in English adds their meaning (`i18n.Headers`).
HEADER_MEANINGS_EN = {
    "Chi": "Spending", "Chỉ tiêu": "Target", "Chỉ tiêu Nghị quyết": "Resolution target",
    "Chức vụ công đoàn": "Union role", "Cấp": "Level", "Diễn giải": "Description", "Dân tộc": "Ethnicity",
    "Dự toán": "Budget", "Ghi chú": "Notes", "Giá trị": "Value", "Giới tính": "Sex", "Hình thức": "Form",
    "Họ và tên": "Full name", "Khoản mục": "Item", "Kế hoạch": "Plan", "Kết quả": "Result",
    "Loại đại biểu": "Delegate kind", "Lý luận chính trị": "Political theory", "Mã": "Code",
    "Mã số": "Code number", "Mã đoàn viên": "Member ID", "Mã đại biểu": "Delegate ID",
    "Mục tiêu": "Target value", "Mục tiêu nhiệm kỳ": "Term target", "Ngày": "Date",
    "Ngày vào công đoàn": "Date joined the union", "Nhóm": "Group", "Nhóm quy định": "Rule group",
    "Năm": "Year", "Năm sinh": "Birth year", "Nội dung": "Content", "Phòng/đơn vị": "Department/unit",
    "Quyết toán": "Settled amount", "STT": "No.", "Số chứng từ": "Voucher number", "Số lượng": "Quantity",
    "Số tiền": "Amount", "Thu": "Revenue", "Thu/Chi": "Revenue/spending", "Tháng": "Month",
    "Trình độ chuyên môn": "Education", "Trạng thái": "Status", "Tồn": "Balance", "Áp dụng": "Applies",
    "ĐVT": "Unit of measure", "Đánh giá": "Evaluation", "Đơn vị": "Unit", "Đảng viên": "Party member",
    "Đối tượng": "Recipient",
}

ENTRIES: dict[str, tuple[str, str]] = {}
