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

ENTRIES: dict[str, tuple[str, str]] = {}
