"""Sample planning workbooks: the term 2017–2022 targets (report Part 2, II.3) and an illustrative budget.

* chi-tieu-nhiem-ky.xlsx — the report's targets 3.1–3.13 with its wording (shortened where long);
  13 rows as in the report; 3.8 is tracked by its main figure (over 80% "hoàn thành tốt"), its 15%
  "xuất sắc" stays in the text. The report has no results (the term had only just started): the
  results for 2018 and 2019 are INVENTED (said so in the sheet's title row and on the page) so that the
  planning page shows what it does; 2020–2022 stay empty.
* du-toan.xlsx — the report has NO budget. The plan for 2013–2017 and 2018 is INVENTED (said so in
  the sheet's title row) so that plan against actual has something to show; the actuals are the
  report's (sample.REVENUE / sample.SPENDING).

Term years: the report's term 2012–2017 reports the years 2013–2017 (the congress is held in the
autumn of the term's first year), so the term 2017–2022 runs over the years 2018–2022.
"""

from __future__ import annotations

from openpyxl import Workbook

from unionboard.sample import style

TERM_YEARS = (2018, 2019, 2020, 2021, 2022)
COORDINATED, UNION_LED = "Phối hợp thực hiện", "Công đoàn thực hiện"
YEARLY = "Hàng năm"

# Mã | Nội dung | Nhóm | ĐVT | Mục tiêu nhiệm kỳ | Áp dụng
TERM_TARGETS = (
    ("3.1", "Phổ biến, tuyên truyền, học tập đầy đủ các chỉ thị, nghị quyết của Đảng, chính sách, pháp "
            "luật của Nhà nước, Nghị quyết của Công đoàn cấp trên đến toàn thể đoàn viên.",
     COORDINATED, "%", "100%", YEARLY),
    ("3.2", "Phối hợp với thủ trưởng cơ quan tổ chức tốt Hội nghị cán bộ, công chức và phát động phong "
            "trào thi đua; ký kết quy chế phối hợp; cơ quan đạt chuẩn cơ quan văn hóa, Chi bộ đạt trong "
            "sạch, vững mạnh.", COORDINATED, "Lần/năm", 1, YEARLY),
    ("3.3", "Phối hợp với các đoàn thể duy trì, tổ chức tốt phong trào văn hóa, văn nghệ, thể dục thể "
            "thao trong cán bộ, công chức và người lao động.", COORDINATED, "Đánh giá", "Hoàn thành",
     YEARLY),
    ("3.4", "Vận động hỗ trợ một phần kinh phí cho đoàn viên có hoàn cảnh khó khăn khám sức khỏe định kỳ "
            "tại cơ sở y tế có chất lượng.", COORDINATED, "Đánh giá", "Hoàn thành", YEARLY),
    ("3.5", "Bồi dưỡng, giúp đỡ đoàn viên là quần chúng ưu tú để mỗi năm có 01 đoàn viên trở lên được "
            "kết nạp Đảng.", COORDINATED, "Người/năm", 1, YEARLY),
    ("3.6", "100% gia đình đoàn viên đạt tiêu chuẩn gia đình văn hóa, chấp hành tốt các quy định về "
            "chỉnh trang đô thị.", COORDINATED, "%", "100%", YEARLY),
    ("3.7", "Tổ chức ít nhất 01 lần/năm cho cán bộ, CCVC, người lao động đi thăm quan, học tập kinh "
            "nghiệm ngoại tỉnh hoặc nước ngoài.", COORDINATED, "Chuyến/năm", 1, YEARLY),
    ("3.8", "100% đoàn viên hoàn thành nhiệm vụ, trong đó trên 80% hoàn thành tốt nhiệm vụ (15% hoàn "
            "thành xuất sắc); không có đoàn viên vi phạm phải xử lý kỷ luật.", COORDINATED, "%", "80%",
     YEARLY),
    ("3.9", "Công đoàn cơ sở Sở Thông tin và Truyền thông đạt danh hiệu vững mạnh xuất sắc.",
     UNION_LED, "Loại", "Vững mạnh xuất sắc", YEARLY),
    ("3.10", "Thực hiện tốt vai trò đại diện, bảo vệ quyền, lợi ích hợp pháp của cán bộ, công chức; "
             "hưởng ứng các hoạt động xã hội, nhân đạo, từ thiện; duy trì quỹ “Mái ấm công đoàn”.",
     UNION_LED, "Đánh giá", "Hoàn thành", YEARLY),
    ("3.11", "95% nữ đoàn viên đạt danh hiệu “Giỏi việc nước, đảm việc nhà”; Ban nữ công đạt loại khá "
             "trở lên.", UNION_LED, "%", "95%", YEARLY),
    ("3.12", "Kiểm tra công đoàn đồng cấp 1 lần/năm về quản lý thu, chi; trích nộp đoàn phí đầy đủ, "
             "kịp thời.", UNION_LED, "Lần/năm", 1, YEARLY),
    ("3.13", "Ủy ban kiểm tra Công đoàn đạt loại tốt trở lên.", UNION_LED, "Loại", "Tốt", YEARLY),
)

# Invented results for the first two years (a mix of met, exceeded and not met), by code: (2018, 2019)
ILLUSTRATIVE_RESULTS = {
    "3.1": ("100%", "100%"), "3.2": (1, 1), "3.3": ("Hoàn thành", "Hoàn thành"),
    "3.4": ("Hoàn thành", "Chưa hoàn thành"), "3.5": (2, 0), "3.6": ("100%", "98%"), "3.7": (1, 1),
    "3.8": ("85%", "82%"), "3.9": ("Vững mạnh xuất sắc", "Vững mạnh xuất sắc"),
    "3.10": ("Hoàn thành", "Hoàn thành"), "3.11": ("96%", "93%"), "3.12": (1, 1), "3.13": ("Tốt", "Tốt"),
}
ILLUSTRATIVE_RESULTS_NOTE = "Kết quả 2018–2019 là số liệu MINH HỌA (tự đặt, KHÔNG có trong báo cáo Đại hội)"

# Invented plan (đồng): the same for 2013–2017, then 2018. Thu | Khoản mục | plan 2013–2017 | plan 2018
BUDGET_PLAN = (
    ("Thu", "Thu ĐPCĐ 1%", 20_000_000, 21_500_000),
    ("Thu", "LĐLĐ tỉnh cấp", 15_000_000, 10_000_000),
    ("Thu", "CQ, ĐV hỗ trợ", 25_000_000, 15_000_000),
    ("Chi", "Chi phụ cấp CB CĐ", 9_500_000, 9_700_000),
    ("Chi", "Chi HĐ phong trào", 45_000_000, 30_000_000),
    ("Chi", "Thăm hỏi ốm đau", 5_000_000, 6_000_000),
    ("Chi", "Chi trợ cấp, khuyết tật", 1_000_000, 1_000_000),
)
PAST_YEARS = (2013, 2014, 2015, 2016, 2017)
ILLUSTRATIVE = ("DỰ TOÁN THU CHI CÔNG ĐOÀN CƠ SỞ — Số liệu kế hoạch minh họa (tự đặt, KHÔNG có trong "
                "báo cáo Đại hội; số thực hiện lấy từ báo cáo)")

TERM_TARGETS_SHEET = "Chỉ tiêu nhiệm kỳ"
BUDGET_SHEET = "Dự toán thu chi"
TERM_TARGET_HEADER = ["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng"]
BUDGET_HEADER = ["Năm", "Thu/Chi", "Khoản mục", "Kế hoạch"]


def build_term_targets() -> Workbook:
    """The sample term targets workbook (the report's 13 targets for 2017–2022)."""
    wb, ws = style.new_sheet(TERM_TARGETS_SHEET)
    width = len(TERM_TARGET_HEADER) + len(TERM_YEARS)
    style.title(ws, "CHỈ TIÊU NHIỆM KỲ 2017–2022 (dự thảo báo cáo Đại hội IV, Phần thứ hai, mục II.3) — "
                + ILLUSTRATIVE_RESULTS_NOTE, width)
    ws.append(["Ghi kết quả từng năm vào các cột “Kết quả 2018” … “Kết quả 2022” (số, tỷ lệ % hoặc "
               "xếp loại). Áp dụng: “Hàng năm” hoặc “Cả nhiệm kỳ”."])
    ws.append([])
    style.header(ws, [*TERM_TARGET_HEADER, *(f"Kết quả {y}" for y in TERM_YEARS)])
    for row in TERM_TARGETS:
        ws.append([*row, *ILLUSTRATIVE_RESULTS.get(row[0], ())])
    return style.finish(wb, ws, dict(zip("ABCDEF", (7, 70, 20, 11, 18, 12), strict=True)))


def budget_rows() -> list[tuple[int, str, str, int]]:
    """Năm | Thu/Chi | Khoản mục | Kế hoạch for 2013–2017 and 2018."""
    rows = [(year, side, item, plan) for year in PAST_YEARS for side, item, plan, _ in BUDGET_PLAN]
    rows += [(2018, side, item, plan) for side, item, _, plan in BUDGET_PLAN]
    return rows


def build_budget() -> Workbook:
    """The sample budget workbook (illustrative, labelled as such)."""
    wb, ws = style.new_sheet(BUDGET_SHEET)
    style.title(ws, ILLUSTRATIVE, len(BUDGET_HEADER))
    ws.append(["ĐVT: đồng"])
    style.header(ws, BUDGET_HEADER)
    for row in budget_rows():
        ws.append(list(row))
    for r in ws.iter_rows(min_row=4, min_col=4, max_col=4):
        for cell in r:
            cell.number_format = "#,##0"
    return style.finish(wb, ws, dict(zip("ABCD", (8, 9, 28, 16), strict=True)))


SAMPLE_PLAN_FILES = {
    "chi-tieu-nhiem-ky.xlsx": build_term_targets,
    "du-toan.xlsx": build_budget,
}
