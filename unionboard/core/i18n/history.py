"""Rollbacks in the history: the page's table of pointer moves and the `history` command's lines."""

ENTRIES: dict[str, tuple[str, str]] = {
    'history.rollbacks_heading': ('Các lần khôi phục', 'Rollbacks'),
    'history.rollbacks_caption': ('Mỗi lần Ban chấp hành đưa một phiên bản cũ trở lại làm phiên bản hiện hành.',
                                  'Each time the committee made an older version current again.'),
    'history.col_when': ('Thời điểm', 'When'),
    'history.col_by': ('Người khôi phục', 'By'),
    'history.col_from': ('Từ phiên bản', 'From version'),
    'history.col_to': ('Về phiên bản', 'To version'),
    'history.col_comment': ('Ghi chú', 'Comment'),
    'history.cli_rollback': ('↺   {when}  {by}  [khôi phục] từ #{from_id} về #{to_id}{comment}',
                             '↺   {when}  {by}  [rollback] from #{from_id} to #{to_id}{comment}'),
    'history.unknown_by': ('(không rõ)', '(unknown)'),
}
