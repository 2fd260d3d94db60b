"""Unknown is not zero: what outputs say when the roster does not hold a member detail."""

ENTRIES: dict[str, tuple[str, str]] = {
    'unknown.education': ('Dữ liệu không có trình độ chuyên môn', 'The data does not include education'),
    'unknown.political_theory': ('Dữ liệu không có trình độ lý luận chính trị',
                                 'The data does not include political theory'),
    'unknown.party_member': ('Dữ liệu không có thông tin đảng viên', 'The data does not include party membership'),
    'unknown.column_education': ('trình độ chuyên môn', 'education'),
    'unknown.column_political_theory': ('lý luận chính trị', 'political theory'),
    'unknown.column_party_member': ('đảng viên', 'party membership'),
    'unknown.sentence': ('Danh sách đoàn viên không có: {columns} — các số liệu này không được tính (không phải bằng 0).',
                         'The members list does not include: {columns} — these figures are not counted (they are not zero).'),
    'unknown.ov_members': ('Công đoàn có {total} đoàn viên ({men} nam, {women} nữ); dữ liệu không có thông tin đảng viên.',
                           'The union has {total} members ({men} men, {women} women); the data does not include party membership.'),
    'unknown.members_finding': ('{total} đoàn viên, nữ chiếm {female_pct}', '{total} members, {female_pct} women'),
    'unknown.members_notes': ('Tổng số {total} đoàn viên, trong đó {male} nam, {female} nữ.',
                              '{total} members in all: {male} men and {female} women.'),
    'unknown.value': ('không có trong dữ liệu', 'not in the data'),
}
