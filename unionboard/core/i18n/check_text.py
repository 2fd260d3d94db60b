"""`python -m unionboard check` in text mode: one line per domain the JSON reports (the CLI speaks Vietnamese)."""

ENTRIES: dict[str, tuple[str, str]] = {
    'check_text.term_targets': ('• Chỉ tiêu nhiệm kỳ: {total} (năm {year}: {statuses}).',
                                '• Term targets: {total} (year {year}: {statuses}).'),
    'check_text.term_targets_no_year': ('• Chỉ tiêu nhiệm kỳ: {total} (chưa có kết quả năm nào).',
                                        '• Term targets: {total} (no year has results yet).'),
    'check_text.budget': ('• Dự toán: {n} năm ({years}).', '• Budget: {n} years ({years}).'),
    'check_text.budget_empty': ('• Dự toán: có bảng nhưng chưa có năm nào.', '• Budget: a table with no year yet.'),
    'check_text.delegates': ('• Đại biểu: {total} ({kinds}).', '• Delegates: {total} ({kinds}).'),
    'check_text.rules': ('• Quy định tài chính: {ok} đạt, {violation} vi phạm, {not_checkable} không kiểm được.',
                         '• Finance rules: {ok} met, {violation} broken, {not_checkable} not checkable.'),
    'check_text.other_total': ('• {name}: {total} mục.', '• {name}: {total} entries.'),
    'check_text.other': ('• {name}: có dữ liệu.', '• {name}: has data.'),
    'check_text.education_unknown': ('trình độ chuyên môn: dữ liệu không có', 'education: not in the data'),
    'check_text.party_unknown': ('đảng viên: dữ liệu không có', 'party members: not in the data'),
}
