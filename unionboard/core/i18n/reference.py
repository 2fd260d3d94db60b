"""Ages by one reference date: the sentence stating the date every age figure is counted at."""

ENTRIES: dict[str, tuple[str, str]] = {
    'ageref.as_of': ('Tuổi tính đến ngày {date} ({why}).', 'Ages as of {date} ({why}).'),
    'ageref.suffix': (' (tính đến ngày {date})', ' (as of {date})'),
    'ageref.source_congress': ('ngày Đại hội', 'the congress date'),
    'ageref.source_period_end': ('cuối kỳ báo cáo', 'the end of the reporting period'),
    'ageref.source_term_end': ('cuối nhiệm kỳ báo cáo', 'the end of the reported term'),
    'ageref.source_data_year': ('cuối năm cuối cùng có số liệu', 'the end of the last year with figures'),
    'ageref.source_last_year': ('cuối năm gần nhất đã qua; dữ liệu không có ngày Đại hội hay năm báo cáo',
                                'the end of the last full year; the data has no congress date or reporting year'),
}
