"""Strings of the congress rules by the Charter: quorum note, ballot validity, who is elected, closing the
count, new rounds, once-only writes, double entry and cancelling with a reason."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- problems (analysis/congress.py)
    "election.title_too_long": ("Nội dung bầu cử dài {n} ký tự, quá {max} ký tự cho phép. Chưa ghi gì.",
                                "The election title has {n} characters, more than the {max} allowed. Nothing saved."),
    "election.name_too_long": ("Tên quá {max} ký tự: {names}. Hãy rút gọn; chưa ghi gì.",
                               "Names longer than {max} characters: {names}. Shorten them; nothing saved."),
    "election.reasons_over_invalid": (
        "Số phiếu không hợp lệ theo lý do ({given}) nhiều hơn số phiếu không hợp lệ ({invalid}). Chưa ghi gì.",
        "Invalid ballots by reason ({given}) exceed the invalid ballots ({invalid}). Nothing saved."),
    "election.issued_over_present": (
        "Cảnh báo: số phiếu phát ra ({issued}) nhiều hơn số có mặt ({present}). Hãy kiểm tra lại.",
        "Warning: more ballots issued ({issued}) than people present ({present}). Please check."),
    "election.fewer_candidates": (
        "Cảnh báo: danh sách bầu cử có {n} người, ít hơn số lượng cần bầu ({seats}).",
        "Warning: the ballot lists {n} candidates, fewer than the {seats} seats."),
    "election.closed": ("Cuộc bầu cử đã kết thúc kiểm phiếu; không ghi thêm được. Chưa ghi gì.",
                        "The count of this election is closed; nothing more can be entered. Nothing saved."),
    "election.duplicate": ("Mục này đã được ghi (bấm hai lần hoặc gửi lại): không ghi lần thứ hai.",
                           "This was already recorded (double click or resend): not recorded twice."),
    "election.void_no_reason": ("Hãy ghi lý do hủy mục {id}; chưa hủy.", "Give the reason for cancelling entry {id}; "
                                "not cancelled."),
    # ---------------------------------------------------------------- ballot validity (analysis/ballots.py)
    "ballot.reason.not_issued": ("Không phải phiếu do Ban bầu cử phát ra", "Not a ballot issued by the board"),
    "ballot.reason.private_mark": ("Có đánh dấu riêng", "Carries a private mark"),
    "ballot.reason.unclear": ("Gạch không rõ ràng", "Unclear which names were crossed"),
    "ballot.reason.added_name": ("Ghi thêm tên ngoài danh sách", "A name added that is not on the list"),
    "ballot.reason.all_crossed": ("Gạch hết tên", "Every name crossed out"),
    "ballot.reason.too_many": ("Để lại nhiều hơn số lượng cần bầu", "More names kept than seats"),
    "ballot.reason.other": ("Lý do khác", "Another reason"),
    "ballot.reason.unspecified": ("Không ghi lý do", "Reason not entered"),
    "elect_flag_added": ("Có ghi thêm tên ngoài danh sách", "A name was added"),
    "elect_flag_unclear": ("Gạch không rõ ràng", "Crossing unclear"),
    "elect_flag_private_mark": ("Có đánh dấu riêng", "Private mark"),
    "elect_flag_not_issued": ("Không phải phiếu do Ban bầu cử phát ra", "Not issued by the board"),
    "elect_invalid_reason": ("Lý do không hợp lệ", "Why invalid"),
    "elect_saved_invalid": ("Đã ghi phiếu không hợp lệ — {reason} (mục số {id}).",
                            "Invalid ballot recorded — {reason} (entry {id})."),
    "elect_tally_reasons": ("Phiếu không hợp lệ theo lý do (không bắt buộc)", "Invalid ballots by reason (optional)"),
    "elect_rules_heading": ("Thể lệ bầu cử áp dụng", "Election rules applied"),
    "elect_rule_elected": (
        "Người trúng cử phải được quá một nửa (1/2) tổng số phiếu thu về (kể cả phiếu không hợp lệ), lấy từ cao "
        "xuống thấp cho đủ số lượng cần bầu (Điều lệ Công đoàn Việt Nam 2020, Điều 10.3; Hướng dẫn 28/HD-TLĐ).",
        "A candidate is elected with more than half (1/2) of the ballots collected (invalid ones included), highest "
        "first up to the seats (Charter of Vietnam Trade Union 2020, Article 10.3; Guidance 28/HD-TLĐ)."),
    "elect_rule_needed": ("Đã thu về {collected} phiếu: cần ít nhất {needed} phiếu để trúng cử.",
                          "{collected} ballots collected: at least {needed} votes elect."),
    "elect_rule_invalid": (
        "Phiếu không hợp lệ: không phải phiếu do Ban bầu cử phát ra; có đánh dấu riêng; gạch không rõ ràng; ghi "
        "thêm tên ngoài danh sách; gạch hết tên (trừ danh sách một người: gạch tên là phiếu hợp lệ, không bầu); để "
        "lại nhiều hơn số lượng cần bầu. Phiếu để lại ít hơn số lượng cần bầu là hợp lệ.",
        "Invalid ballots: not issued by the board; a private mark; unclear crossing; a name added; every name crossed "
        "(except on a one-name list, where crossing the name is a valid vote against); more names kept than seats. "
        "A ballot keeping fewer names than seats is valid."),
    "elect_rule_tie": ("Bằng phiếu ở vị trí cuối: chương trình không tự quyết; Đại hội bầu lại giữa những người bằng "
                       "phiếu.", "A tie at the last seat is not decided by the program: the congress votes again "
                       "among those tied."),
    "elect_invalid_by_reason": ("Phiếu không hợp lệ theo lý do: {reasons}.", "Invalid ballots by reason: {reasons}."),
    "elect_not_collected": ("Số phiếu không thu về: {n}.", "Ballots not collected: {n}."),
    "elect_figures": ("Triệu tập {convened}, có mặt {present}, tham gia bầu {voting}; phát ra {issued}, thu về "
                      "{collected}, không thu về {not_collected}; hợp lệ {valid}, không hợp lệ {invalid}.",
                      "Convened {convened}, present {present}, voting {voting}; issued {issued}, collected "
                      "{collected}, not collected {not_collected}; valid {valid}, invalid {invalid}."),
    "elect_close": ("Kết thúc kiểm phiếu với số phiếu đã thu", "Close the count with the ballots collected"),
    "elect_close_help": ("Còn {n} phiếu chưa thu về: Ban kiểm phiếu kết thúc với số phiếu đã có; kết quả là chính "
                         "thức và biên bản ghi số phiếu không thu về.",
                         "{n} ballots not collected: the board closes with the ballots it has; the result is final "
                         "and the minutes state the ballots not collected."),
    "elect_close_confirm": ("Tôi xác nhận kết thúc kiểm phiếu", "I confirm closing the count"),
    "elect_closed": ("Đã kết thúc kiểm phiếu ({by}); kết quả là chính thức.", "Count closed ({by}); the result is final."),
    "elect_closed_note": ("Kiểm phiếu đã kết thúc: {n} phiếu không thu về.", "Count closed: {n} ballots not collected."),
    "elect_runoff": ("Lập vòng bầu lại giữa những người bằng phiếu", "Set up a new round among those tied"),
    "elect_supplementary": ("Lập vòng bầu bổ sung cho {n} chỗ còn thiếu", "Set up a supplementary round for {n} seats"),
    "elect_round_created": ("Đã lập “{title}” ({seats} chỗ, {n} ứng cử viên), nối với cuộc bầu trước.",
                            "“{title}” set up ({seats} seats, {n} candidates), linked to the previous election."),
    "elect_round_of": ("Vòng sau của cuộc bầu số {id}.", "A later round of election {id}."),
    "elect_kind": ("Loại cuộc bầu cử", "Kind of election"),
    "elect_kind_committee": ("Ban Chấp hành", "The executive committee"),
    "elect_kind_chair": ("Chủ tịch (bầu trực tiếp tại Đại hội, 1 người)", "The chair (elected directly, one seat)"),
    "elect_kind_other": ("Khác (Ủy ban kiểm tra, đại biểu đi dự Đại hội cấp trên...)",
                         "Other (inspection committee, delegates to the upper congress...)"),
    "elect_chair_note": ("Bầu trực tiếp Chủ tịch công đoàn cơ sở tại Đại hội (Hướng dẫn 28/HD-TLĐ ngày 24/6/2021): "
                         "bầu 1 người; danh sách có thể chỉ có 1 ứng cử viên.",
                         "The chair elected directly at the congress (Guidance 28/HD-TLĐ of 24/6/2021): one seat; "
                         "the list may have a single candidate."),
    "elect_void_reason": ("Lý do hủy", "Reason for cancelling"),
    "elect_void_confirm": ("Xác nhận hủy mục {id}", "Confirm cancelling entry {id}"),
    "elect_voided_by": ("đã hủy ({by}: {reason})", "cancelled ({by}: {reason})"),
    # ---------------------------------------------------------------- credentials (present/congress.py)
    "cred.charter_rule": ("Theo Điều lệ Công đoàn Việt Nam 2020, Điều 10.1: Đại hội hợp lệ khi có ít nhất hai phần ba "
                          "(2/3) tổng số thành viên được triệu tập tham dự.",
                          "Charter of Vietnam Trade Union 2020, Article 10.1: a congress is valid when at least two "
                          "thirds (2/3) of those convened attend."),
    "cred.threshold_note": ("Lưu ý: ngưỡng {threshold} do Ban tổ chức đặt, KHÁC ngưỡng hai phần ba (2/3) của Điều lệ "
                            "(Điều 10.1).",
                            "Note: the threshold of {threshold} was set by the organisers and DIFFERS from the "
                            "Charter's two thirds (2/3) (Article 10.1)."),
    "cred.appointed_over": ("Cảnh báo: {n} đại biểu chỉ định, vượt 5% tổng số đại biểu chính thức (tối đa {limit}) — "
                            "đề nghị kiểm tra (Điều lệ 2020, Điều 8.4).",
                            "Warning: {n} appointed delegates, above 5% of the official delegates (at most {limit}) "
                            "— please check (Charter 2020, Article 8.4)."),
    "elect_required": ("Số lần nhập độc lập mỗi lô", "Independent entries of every batch"),
    "elect_required_1": ("1 (nhập một lần)", "1 (single entry)"),
    "elect_required_2": ("2 (nhập kép, 2 người)", "2 (double entry, 2 counters)"),
    "elect_required_3": ("3 (3 người nhập)", "3 (three counters)"),
    "elect_batch": ("Lô phiếu", "Batch"),
    "elect_batch_help": ("Mỗi lô phiếu được {n} người nhập độc lập; lô chỉ được tính khi các lần nhập khớp nhau "
                         "(hoặc Ban kiểm phiếu quyết định).",
                         "Every batch is entered independently by {n} counters; it counts only when the entries "
                         "agree (or the board decides)."),
    "elect_entry_short": ("Mục {id} · {by}", "Entry {id} · {by}"),
    "elect_close_unconfirmed": ("Hãy đánh dấu xác nhận trước khi kết thúc kiểm phiếu.",
                                "Tick the confirmation before closing the count."),
    "de_heading": ("Đối chiếu nhập kép ({n} lần nhập mỗi lô)", "Double-entry comparison ({n} entries per batch)"),
    "de_none": ("Chưa có lô nào được nhập.", "No batch entered yet."),
    "de_status_agreed": ("Lô {batch}: {n} lần nhập khớp nhau — được tính", "Batch {batch}: {n} entries agree — counted"),
    "de_status_disagree": ("Lô {batch}: {n} lần nhập KHÔNG khớp — chưa tính", "Batch {batch}: {n} entries DISAGREE — "
                           "not counted"),
    "de_status_resolved": ("Lô {batch}: Ban kiểm phiếu đã quyết định — được tính",
                           "Batch {batch}: resolved by the board — counted"),
    "de_status_waiting": ("Lô {batch}: mới có {n} lần nhập — chờ người nhập khác",
                          "Batch {batch}: {n} entries so far — waiting for another counter"),
    "de_col_figure": ("Số liệu lệch", "Figure"),
    "de_pick": ("Lần nhập đúng (sau khi đếm lại)", "The right entry (after recounting)"),
    "de_reason": ("Lý do / căn cứ", "Why"),
    "de_resolve": ("Ghi quyết định của Ban kiểm phiếu", "Record the board's decision"),
    "de_resolved": ("Đã ghi quyết định cho lô {batch}.", "Decision recorded for batch {batch}."),
    "de_resolution": ("Tính theo mục {id} — quyết định của {by}: {reason}", "Counted as entry {id} — decided by "
                      "{by}: {reason}"),
    "congress_orphans": ("{n} mục điểm danh không còn khớp với ai trong danh sách triệu tập (dữ liệu đã được cập nhật) "
                         "và không được tính: {names}. Hãy điểm danh lại những người này.",
                         "{n} attendance marks no longer match anyone convened (the data was updated) and do not "
                         "count: {names}. Please mark these people again."),
    "congress_orphans_preview": ("Lưu ý trước khi công bố: {n} mục điểm danh sẽ không còn khớp với ai trong danh sách "
                                 "triệu tập mới: {names}.",
                                 "Before publishing: {n} attendance marks will no longer match anyone in the new "
                                 "list: {names}."),
    "dossier_heading": ("Hồ sơ đề nghị công nhận kết quả Đại hội (gửi cấp trên)",
                        "Dossier requesting recognition of the congress (sent up)"),
    "dossier_help": ("Biên bản bầu cử Ban Chấp hành và Chủ tịch, biên bản hội nghị lần thứ nhất Ban Chấp hành, danh "
                     "sách trích ngang (lấy từ danh sách đoàn viên) và tờ trình đề nghị công nhận, bằng Word và PDF.",
                     "The election minutes of the committee and the chair, the minutes of the committee's first "
                     "meeting, the summary list (from the roster) and the letter requesting recognition, as Word and "
                     "PDF."),
    "dossier_chair": ("Chủ tịch", "Chair"),
    "dossier_vice_chairs": ("Phó Chủ tịch", "Vice chairs"),
    "dossier_inspection_head": ("Chủ nhiệm Ủy ban kiểm tra", "Head of the inspection committee"),
    "dossier_inspection": ("Ủy viên Ủy ban kiểm tra", "Inspection committee members"),
    "dossier_save": ("Lưu kết quả hội nghị lần thứ nhất", "Save the first meeting's result"),
    "dossier_saved": ("Đã lưu các chức danh.", "Positions saved."),
    "dossier_docx": ("Hồ sơ (.docx)", "Dossier (.docx)"),
    "dossier_pdf": ("Hồ sơ (.pdf)", "Dossier (.pdf)"),
}
