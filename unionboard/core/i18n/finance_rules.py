"""Strings of the finance rules: the rule-lines and cash-book domains, their issues, the page section."""

ENTRIES: dict[str, tuple[str, str]] = {
    "domain_rule_lines": ("Số liệu kiểm tra quy định tài chính", "Figures for the finance rules"),
    "rule_lines.bad_year": ("Năm “{value}” ở ô {cell} không đọc được; bỏ qua dòng này.",
                            "The year “{value}” in cell {cell} cannot be read; the row was skipped."),
    "rule_lines.bad_month": ("Tháng “{value}” ở ô {cell} không hợp lệ (cần từ 1 đến 12); bỏ qua dòng này.",
                             "The month “{value}” in cell {cell} is not valid (1 to 12 is needed); the row was "
                             "skipped."),
    "rule_lines.unknown_line": (
        "Chỉ tiêu “{value}” ở ô {cell} không nhận ra (cần ví dụ “Quỹ tiền lương đóng BHXH”, “Thu đoàn phí”, "
        "“Đoàn phí nộp cấp trên”); bỏ qua dòng này.",
        "The line “{value}” in cell {cell} is not recognised (e.g. “Quỹ tiền lương đóng BHXH”, “Thu đoàn phí”, "
        "“Đoàn phí nộp cấp trên” is needed); the row was skipped."),
    "rule_lines.bad_value": ("Giá trị “{value}” của “{line}” ở ô {cell} không phải số không âm; bỏ qua dòng này.",
                             "The value “{value}” of “{line}” in cell {cell} is not a non-negative number; the row "
                             "was skipped."),
    "rule_lines.repeated": ("“{line}” năm {year} ghi hai lần (lần đầu ở {first}); giữ lần đầu.",
                            "“{line}” of {year} is written twice (first at {first}); the first was kept."),
    "domain_cashbook": ("Sổ quỹ tiền mặt", "Cash book"),
    "cashbook.bad_amount": ("Số tiền “{value}” ở ô {cell} không phải số không âm; bỏ qua dòng này.",
                            "The amount “{value}” in cell {cell} is not a non-negative number; the row was skipped."),
    "cashbook.bad_date": ("Ngày “{value}” ở ô {cell} không đọc được (cần ví dụ 05/01/2025); bỏ qua dòng này.",
                          "The date “{value}” in cell {cell} cannot be read (e.g. 05/01/2025 is needed); the row "
                          "was skipped."),
    "cashbook.no_opening": ("Sổ quỹ không có dòng “Số dư đầu kỳ”; tồn đầu tính từ dòng đầu tiên (ô {cell}): "
                            "{opening}.",
                            "The cash book has no “Số dư đầu kỳ” row; the opening balance is worked out from the first "
                            "entry (cell {cell}): {opening}."),
    "cashbook.balance_mismatch": ("Tồn quỹ ở ô {cell} ghi {written} nhưng tồn trước + thu − chi = {expected}.",
                                  "The balance in cell {cell} reads {written}, but the previous balance + receipts − "
                                  "payments = {expected}."),
    "cashbook.empty": ("Sổ quỹ không có dòng nào đọc được.", "The cash book has no readable row."),
    "cashbook.not_in_order": ("Các dòng sổ quỹ không theo thứ tự ngày; tồn quỹ được kiểm theo thứ tự ghi.",
                              "The cash book's rows are not in date order; the balance is checked in the written "
                              "order."),
    "cashbook.second_book": ("Trang này là sổ quỹ thứ hai (sổ đầu ở trang “{first}”); không cộng gộp, chỉ dùng sổ "
                             "đầu.",
                             "This sheet is a second cash book (the first is on sheet “{first}”); it is not added "
                             "up, only the first is used."),
    "dataset_enterprise": ("Ví dụ minh hoạ: CĐCS doanh nghiệp 2023–2025",
                           "Illustration: an enterprise union 2023–2025"),
    "enterprise_banner": ("Đang hiển thị **ví dụ minh hoạ** (số liệu giả định) của một công đoàn cơ sở doanh nghiệp "
                          "2023–2025 theo quy định hiện hành; năm 2024 cố ý vi phạm một quy định (đoàn phí nộp cấp "
                          "trên chỉ 20%) để thấy cảnh báo trông ra sao.",
                          "Showing an **illustration** (invented figures) of an enterprise union 2023–2025 under "
                          "today's rules; 2024 breaks one rule on purpose (only 20% of the dues paid up) to show "
                          "what a violation looks like."),
    "domain_settlement": ("Báo cáo quyết toán thu chi (B07-TLĐ)", "Annual settlement (form B07-TLĐ)"),
    "settlement.no_year": ("Không tìm thấy năm quyết toán trong tiêu đề (cần ví dụ “NĂM 2024”) phía trên ô {cell}; "
                           "bỏ qua trang này.",
                           "No settlement year found in the title (e.g. “NĂM 2024” is needed) above cell {cell}; the "
                           "sheet was skipped."),
    "settlement.not_a_number": ("Giá trị “{value}” ở ô {cell} không phải là số; để trống.",
                                "The value “{value}” in cell {cell} is not a number; left blank."),
    "settlement.repeated_year": ("Đã có báo cáo quyết toán năm {year}; bỏ qua trang này.",
                                 "A settlement for {year} was already read; this sheet was skipped."),
    "settlement_title": ("Quyết toán thu chi năm {year}", "Settlement of {year}"),
    "settlement_pick": ("Năm quyết toán", "Settlement year"),
    "settlement_col_code": ("Mã số", "Code"),
    "settlement_col_text": ("Nội dung", "Item"),
    "settlement_col_plan": ("Dự toán", "Plan"),
    "settlement_col_actual": ("Quyết toán", "Actual"),
    "domain_rule_groups": ("Nhóm quy định của các mục chi", "Rule groups of the spending categories"),
    "rule_groups.incomplete": ("Dòng nhóm quy định ở ô {cell} thiếu khoản mục hoặc nhóm (“{item}”); bỏ qua dòng này.",
                               "The rule-group row at cell {cell} lacks its category or group (“{item}”); the row was "
                               "skipped."),
    "groups_heading": ("Nhóm chi theo quy định", "Spending by rule group"),
    "groups_intro": ("Mỗi mục chi của báo cáo được xếp vào một nhóm của quy định. Ban chấp hành sửa cách xếp ở ô “Sửa "
                     "cách xếp nhóm” bên dưới, hoặc bằng trang “Nhóm quy định” (Khoản mục | Nhóm quy định) trong "
                     "bảng tính tải lên.",
                     "Each spending category of the report is put in a rule group. The committee changes this in “Change "
                     "the grouping” below, or with a sheet “Nhóm quy định” (Khoản mục | Nhóm quy định) in the uploaded "
                     "workbook."),
    "groups_unmapped": ("Chưa xếp nhóm: {items}. Các mục này không được tính vào nhóm nào.",
                        "Not in a group: {items}. These categories are counted in no group."),
    "groups_col_item": ("Mục chi", "Category"),
    "groups_col_group": ("Nhóm quy định", "Rule group"),
    "groups_col_source": ("Theo", "Set by"),
    "groups_source_default": ("mặc định", "default"),
    "groups_source_committee": ("ban chấp hành", "committee"),
    "groups_source_": ("—", "—"),
    "groups_none": ("(chưa xếp)", "(none)"),
    "rules_section": ("Quy định tài chính", "Finance rules"),
    "rules_intro": ("Mỗi quy định được kiểm theo năm, đúng thời điểm có hiệu lực; căn cứ ghi ở từng dòng.",
                    "Each rule is checked per year, by its effective dates; the decision is cited on each row."),
    "rules_none": ("Chưa có số liệu tài chính để kiểm tra quy định.", "No finance figures to check the rules on."),
    "rules_status_ok": ("✔ Đạt", "✔ Met"),
    "rules_status_violation": ("✖ Vi phạm", "✖ Violated"),
    "rules_status_not_checkable": ("? Không kiểm được", "? Not checkable"),
    "rules_col_rule": ("Quy định", "Rule"),
    "rules_col_year": ("Năm", "Year"),
    "rules_col_status": ("Kết quả", "Result"),
    "rules_col_value": ("Số liệu", "Figure"),
    "rules_col_limit": ("Mức quy định", "Limit"),
    "rules_col_decision": ("Căn cứ", "Decision"),
    "rules_col_missing": ("Thiếu số liệu", "Missing lines"),
    "rules_col_basis": ("Cách tính", "Basis"),
    "rules_basis_year": ("cả năm", "whole year"),
    "rules_basis_months": ("theo tháng có hiệu lực", "by the months in force"),
    "rules_basis_prorated": ("chia theo số tháng có hiệu lực (số liệu không có tháng)",
                             "prorated by the months in force (the data has no months)"),
    "rules_chart_title": ("Số liệu so với mức quy định (% của mức)", "Figures against the limits (% of the limit)"),
    "rules_chart_axis": ("% của mức quy định", "% of the limit"),
    "rules_summary": ("{ok} đạt · {violation} vi phạm · {not_checkable} không kiểm được",
                      "{ok} met · {violation} violated · {not_checkable} not checkable"),
}
