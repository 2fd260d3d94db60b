"""Column headers of the display tables (roster, resolution targets)."""

ENTRIES: dict[str, tuple[str, str]] = {
    'table.roster.name': ('Họ và tên', 'Name'),
    'table.roster.gender': ('Giới tính', 'Gender'),
    'table.roster.birth_year': ('Năm sinh', 'Birth year'),
    'table.roster.department': ('Phòng/đơn vị', 'Department'),
    'table.roster.education': ('Trình độ chuyên môn', 'Education'),
    'table.roster.political_theory': ('Lý luận chính trị', 'Political theory'),
    'table.roster.party_member': ('Đảng viên', 'Party member'),
    'table.roster.role': ('Chức vụ công đoàn', 'Union role'),
    'table.roster.row': ('Dòng', 'Row'),
    'table.target.stt': ('STT', 'No.'),
    'table.target.text': ('Nội dung', 'Target'),
    'table.target.unit': ('ĐVT', 'Unit'),
    'table.target.target': ('Mục tiêu', 'Target value'),
    'table.target.result': ('Kết quả', 'Result'),
    'table.target.evaluation': ('Đánh giá', 'Status'),
}
