"""Strings of the congress day: delegates domain, attendance, credentials report, ballot counting."""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- the delegates domain
    "domain_delegates": ("danh sách đại biểu", "delegates"),
    "delegates.no_name": ("Dòng {row} thiếu họ tên đại biểu (ô {cell} trống); bỏ qua dòng này.",
                          "Row {row} has no delegate name (cell {cell} is empty); the row was skipped."),
    "delegates.no_kind": ("Đại biểu “{name}” thiếu loại đại biểu (ô {cell} trống): cần “Đương nhiên”, “Bầu” "
                          "hoặc “Chỉ định”; bỏ qua dòng này.",
                          "Delegate “{name}” has no kind (cell {cell} is empty): “Đương nhiên” (ex officio), "
                          "“Bầu” (elected) or “Chỉ định” (appointed) is needed; the row was skipped."),
    "delegates.unknown_kind": ("Loại đại biểu “{value}” của “{name}” ở ô {cell} không nhận ra: cần “Đương nhiên”, "
                               "“Bầu” hoặc “Chỉ định”; bỏ qua dòng này.",
                               "The delegate kind “{value}” of “{name}” in cell {cell} is not recognised: "
                               "“Đương nhiên” (ex officio), “Bầu” (elected) or “Chỉ định” (appointed) is "
                               "needed; the row was skipped."),
    "delegates.repeated": ("Đại biểu “{name}” ở ô {cell} đã có ở dòng {row} (cùng đơn vị); chỉ tính một lần.",
                           "Delegate “{name}” in cell {cell} is already listed in row {row} (same unit); "
                           "counted once."),
    "delegates.empty": ("Danh sách đại biểu không có dòng nào đọc được.",
                        "The delegates list has no readable row."),
    # ---------------------------------------------------------------- attendance and election problems
    "attendance.unknown_person": ("Không có “{name}” trong danh sách triệu tập; chưa ghi điểm danh.",
                                  "“{name}” is not on the list of those convened; nothing was recorded."),
    "attendance.bad_status": ("Trạng thái điểm danh “{status}” không hợp lệ.",
                              "The attendance status “{status}” is not valid."),
    "attendance.no_reason": ("Hãy ghi lý do vắng mặt của “{name}”; chưa ghi điểm danh.",
                             "Give the reason why “{name}” is absent; nothing was recorded."),
    "election.no_title": ("Hãy ghi nội dung bầu cử (ví dụ: Ban Chấp hành khóa V).",
                          "Say what is elected (e.g. the executive committee, 5th term)."),
    "election.no_seats": ("Số lượng cần bầu phải ít nhất là 1.", "At least one seat must be elected."),
    "election.no_candidates": ("Danh sách bầu cử chưa có ứng cử viên nào.", "The ballot lists no candidate."),
    "election.repeated_candidate": ("Tên trùng trong danh sách bầu cử: {names}.",
                                    "Names repeated on the ballot: {names}."),
    "election.no_ballots": ("Số phiếu phát ra phải ít nhất là 1.", "At least one ballot must be issued."),
    "election.unknown": ("Không có cuộc bầu cử số {id}.", "There is no election number {id}."),
    "election.unknown_candidate": ("Không có trong danh sách bầu cử: {names}. Chưa ghi gì.",
                                   "Not on the ballot: {names}. Nothing was recorded."),
    "election.negative": ("Số phiếu không được là số âm. Chưa ghi gì.",
                          "Ballot counts cannot be negative. Nothing was recorded."),
    "election.sum_mismatch": (
        "Số phiếu hợp lệ ({valid}) cộng số phiếu không hợp lệ ({invalid}) phải bằng số phiếu thu về ({returned}). "
        "Chưa ghi gì.",
        "Valid ballots ({valid}) plus invalid ballots ({invalid}) must equal the ballots returned ({returned}). "
        "Nothing was recorded."),
    "election.candidate_over_valid": (
        "Số phiếu bầu của {names} nhiều hơn số phiếu hợp lệ ({valid}). Chưa ghi gì.",
        "The votes of {names} exceed the valid ballots ({valid}). Nothing was recorded."),
    "election.votes_over_capacity": (
        "Tổng số phiếu bầu ({total}) nhiều hơn số phiếu hợp lệ × số lượng cần bầu ({valid} × {seats} = {capacity}). "
        "Chưa ghi gì.",
        "The votes in total ({total}) exceed valid ballots × seats ({valid} × {seats} = {capacity}). "
        "Nothing was recorded."),
    "election.too_many_names": (
        "Phiếu giữ lại {kept} tên, nhiều hơn số lượng cần bầu ({seats}): phiếu này không hợp lệ — hãy ghi là phiếu "
        "không hợp lệ. Chưa ghi gì.",
        "The ballot keeps {kept} names, more than the seats ({seats}): it is invalid — record it as an invalid "
        "ballot. Nothing was recorded."),
    "election.returned_over_issued": (
        "Số phiếu thu về ({returned}) sẽ nhiều hơn số phiếu phát ra ({issued}). Chưa ghi gì.",
        "The ballots returned ({returned}) would exceed the ballots issued ({issued}). Nothing was recorded."),
    # ---------------------------------------------------------------- credentials report (present/congress.py)
    "cred.group.gender": ("Giới tính", "Gender"),
    "cred.group.party": ("Đảng viên", "Party members"),
    "cred.group.ethnic_minority": ("Dân tộc", "Ethnicity"),
    "cred.group.education": ("Trình độ chuyên môn", "Education"),
    "cred.group.political_theory": ("Lý luận chính trị", "Political theory"),
    "cred.group.age_band": ("Độ tuổi", "Age"),
    "cred.group.role": ("Chức vụ công đoàn", "Union role"),
    "cred.group.kind": ("Loại đại biểu", "Kind of delegate"),
    "cred.item.party_member": ("Đảng viên", "Party member"),
    "cred.item.ethnic_minority": ("Dân tộc thiểu số", "Ethnic minority"),
    "cred.item.no_theory": ("Chưa qua đào tạo lý luận chính trị", "No political theory training"),
    "cred.age": ("Tuổi bình quân {average}; trẻ nhất {youngest} tuổi, cao tuổi nhất {oldest} tuổi.",
                 "Average age {average}; youngest {youngest}, oldest {oldest}."),
    "cred.who_delegates": ("đại biểu", "delegates"),
    "cred.who_members": ("đoàn viên", "members"),
    "cred.sentence_present": ("Tổng số {who} được triệu tập: {convened} đồng chí; số {who} có mặt: {present} đồng "
                              "chí, chiếm {share}.",
                              "Convened ({who}): {convened}; present: {present}, that is {share}."),
    "cred.sentence_absent": ("Vắng mặt {n} đồng chí, có lý do: {reasons}.", "Absent: {n}, with reasons: {reasons}."),
    "cred.sentence_unmarked": ("Còn {n} đồng chí chưa điểm danh.", "{n} not yet checked in."),
    "cred.quorum_yes": ("Số có mặt {present}/{convened} ({share}) đạt ít nhất {threshold} số được triệu tập (cần ít "
                        "nhất {needed}): Đại hội đủ điều kiện tiến hành.",
                        "{present} of {convened} present ({share}), at least {threshold} of those convened (at "
                        "least {needed} needed): the congress may proceed."),
    "cred.quorum_no": ("Số có mặt {present}/{convened} ({share}) chưa đạt {threshold} số được triệu tập (cần ít "
                       "nhất {needed}): Đại hội chưa đủ điều kiện tiến hành.",
                       "{present} of {convened} present ({share}), less than {threshold} of those convened (at "
                       "least {needed} needed): the congress may not proceed yet."),
    "cred.convened": ("Triệu tập", "Convened"),
    "cred.present": ("Có mặt", "Present"),
    "cred.absent": ("Vắng mặt", "Absent"),
    "cred.unmarked": ("Chưa điểm danh", "Not checked in"),
    "cred.share_present": ("Tỉ lệ có mặt", "Share present"),
    "cred.university": ("Đại học trở lên", "University or higher"),
    "cred.average_age": ("Tuổi bình quân", "Average age"),
    "cred.slide_title": ("Kết quả thẩm tra tư cách đại biểu", "Credentials report"),
    "cred.slide_quorum_yes": ("Đại hội đủ điều kiện tiến hành", "The congress may proceed"),
    "cred.slide_quorum_no": ("Chưa đủ số đại biểu để tiến hành Đại hội: cần ít nhất {needed} đồng chí có mặt",
                             "Not enough delegates present to proceed: at least {needed} needed"),
    "cred.slide_quorum_no_members": ("Chưa đủ số đoàn viên để tiến hành Đại hội: cần ít nhất {needed} đồng chí có mặt",
                                     "Not enough members present to proceed: at least {needed} needed"),
    "cred.slide_composition": ("Cơ cấu đại biểu có mặt", "Delegates present"),
    "cred.slide_title_members": ("Tình hình đoàn viên dự Đại hội", "Members at the congress"),
    "cred.slide_composition_members": ("Cơ cấu đoàn viên có mặt", "Members present"),
    "cred.half": ("hai phần ba (2/3)", "two thirds (2/3)"),
    "cred.slide_composition_finding": ("{present} đồng chí có mặt", "{present} present"),
    # ---------------------------------------------------------------- the count (present/congress.py)
    "elect.outcome_elected": ("Trúng cử", "Elected"),
    "elect.outcome_tied": ("Bằng phiếu — bầu lại", "Tied — new round"),
    "elect.outcome_not_elected": ("Không trúng cử", "Not elected"),
    "elect.sentence_elected": ("{n} đồng chí trúng cử (theo thứ tự số phiếu từ cao xuống thấp): {names}.",
                               "{n} elected (by votes, highest first): {names}."),
    "elect.sentence_tied": ("Các đồng chí {names} bằng phiếu nhau ({votes} phiếu) ở vị trí cuối cùng: đề nghị Đại hội "
                            "bầu lại giữa các đồng chí này.",
                            "{names} are tied ({votes} votes) for the last seat: the congress is asked to hold a new "
                            "round between them."),
    "elect.sentence_unfilled": ("Số trúng cử ({n}) ít hơn số lượng cần bầu ({seats}): còn thiếu {missing}; Đại hội "
                                "quyết định bầu bổ sung hoặc để khuyết.",
                                "Fewer elected ({n}) than seats ({seats}): {missing} unfilled; the congress decides "
                                "whether to vote again or leave them vacant."),
    "elect.progress": ("Đã kiểm {n}/{issued} phiếu", "{n} of {issued} ballots counted"),
    "elect.progress_done": ("Đã kiểm xong {n} phiếu", "All {n} ballots counted"),
    # ---------------------------------------------------------------- pages: attendance (app_pages/congress.py)
    "page_congress": ("Điểm danh & tư cách đại biểu", "Attendance & credentials"),
    "page_election": ("Kiểm phiếu", "Ballot count"),
    "page_hall": ("Màn hình hội trường", "Hall screen"),
    "congress_intro": ("Điểm danh người được triệu tập, kiểm tra số lượng cần thiết để tiến hành Đại hội và lập báo "
                       "cáo thẩm tra tư cách đại biểu. Ai cũng xem được; chỉ Ban tổ chức đã đăng nhập mới điểm danh.",
                       "Check in those convened, see whether the congress may proceed, and draw up the credentials "
                       "report. Anyone may look; only the signed-in committee checks people in."),
    "congress_by_committee": ("Ban tổ chức", "Organising committee"),
    "congress_sign_in_to_write": ("Chỉ thành viên Ban tổ chức đã đăng nhập mới ghi được. Chưa ghi gì.",
                                  "Only a signed-in committee member can record this. Nothing was recorded."),
    "congress_marked_present": ("Đã điểm danh có mặt: {name}.", "Checked in as present: {name}."),
    "congress_marked_absent": ("Đã ghi vắng mặt: {name}.", "Recorded as absent: {name}."),
    "congress_marked_cleared": ("Đã bỏ điểm danh: {name}.", "Check-in removed: {name}."),
    "congress_mark_present": ("Có mặt", "Present"),
    "congress_mark_absent": ("Vắng…", "Absent…"),
    "congress_mark_absent_confirm": ("Ghi vắng mặt", "Record as absent"),
    "congress_mark_clear": ("Bỏ điểm danh", "Undo"),
    "congress_reason": ("Lý do vắng mặt", "Reason for absence"),
    "congress_search": ("Tìm theo tên hoặc đơn vị", "Search by name or unit"),
    "congress_search_hint": ("ví dụ: nguyen van an (không cần dấu)", "e.g. nguyen van an (no accents needed)"),
    "congress_search_none": ("Không tìm thấy ai trong danh sách triệu tập.", "Nobody on the list matches."),
    "congress_search_more": ("Còn {n} người nữa: gõ thêm để thu hẹp.", "{n} more: type more to narrow down."),
    "congress_col_group": ("Nhóm", "Group"),
    "congress_col_item": ("Nội dung", "Item"),
    "congress_col_count": ("Số lượng", "Count"),
    "congress_col_share": ("Tỉ lệ", "Share"),
    "congress_col_name": ("Họ và tên", "Name"),
    "congress_absent_heading": ("Vắng mặt", "Absent"),
    "congress_download_credentials": ("Báo cáo thẩm tra tư cách (.docx)", "Credentials report (.docx)"),
    "congress_hall_link": ("Màn hình hội trường", "Hall screen"),
    "congress_sample_badge": ("Dữ liệu mẫu", "Sample data"),
    "congress_sample_note": ("Đây là điểm danh mẫu để minh họa (30/33 có mặt), không phải số liệu thật. Hãy công bố "
                             "dữ liệu của công đoàn rồi điểm danh.",
                             "This is a sample attendance for illustration (30 of 33 present), not real figures. "
                             "Publish the union's data, then check people in."),
    "congress_no_people": ("Chưa có danh sách triệu tập: cần danh sách đoàn viên hoặc danh sách đại biểu.",
                           "No one is convened yet: a members roster or a delegates list is needed."),
    "congress_settings": ("Điều kiện tiến hành Đại hội", "Quorum"),
    "congress_threshold": ("Ngưỡng khác Điều lệ (% số được triệu tập; để trống: 2/3 theo Điều lệ)",
                           "A threshold other than the Charter's (% of those convened; empty: the Charter's 2/3)"),
    "congress_threshold_help": ("Điều lệ Công đoàn Việt Nam 2020, Điều 10.1: Đại hội hợp lệ khi có ít nhất hai phần "
                                "ba (2/3) tổng số thành viên được triệu tập tham dự. Chỉ đặt ngưỡng khác khi có căn "
                                "cứ; trang, màn hình hội trường và báo cáo sẽ ghi rõ.",
                                "Charter of Vietnam Trade Union 2020, Article 10.1: a congress is valid when at least "
                                "two thirds (2/3) of those convened attend. Set another threshold only with a basis; "
                                "the page, the hall screen and the report will say so."),
    "congress_tab_checkin": ("Điểm danh", "Check-in"),
    "congress_tab_report": ("Báo cáo thẩm tra tư cách", "Credentials report"),
    "congress_sign_in_heading": ("Đăng nhập để điểm danh", "Sign in to check people in"),
    # ---------------------------------------------------------------- pages: the count (app_pages/election.py)
    "elect_intro": ("Thiết lập cuộc bầu cử, nhập phiếu (từng phiếu hoặc tổng hợp của tổ kiểm phiếu) và xem kết quả. "
                    "Nhiều người có thể nhập cùng lúc; mỗi lần gửi chỉ được ghi một lần; phiếu được chương trình "
                    "xếp hợp lệ hay không hợp lệ (có lý do); số liệu không khớp được báo ngay và không được ghi.",
                    "Set up an election, enter the ballots (one by one or a counter's tally) and see the result. "
                    "Several counters may enter at once; each submission is stored once; the program classifies "
                    "each ballot valid or invalid (with the reason); figures that do not add up are explained and "
                    "not recorded."),
    "elect_pick": ("Cuộc bầu cử", "Election"),
    "elect_setup_heading": ("Thiết lập cuộc bầu cử mới", "Set up a new election"),
    "elect_title": ("Bầu", "Electing"),
    "elect_title_hint": ("ví dụ: Ban Chấp hành khóa V, nhiệm kỳ 2017–2022", "e.g. the executive committee, 5th term"),
    "elect_seats": ("Số lượng cần bầu", "Seats"),
    "elect_issued": ("Số phiếu phát ra", "Ballots issued"),
    "elect_returned": ("Số phiếu thu về", "Ballots returned"),
    "elect_valid": ("Phiếu hợp lệ", "Valid ballots"),
    "elect_invalid": ("Phiếu không hợp lệ", "Invalid ballots"),
    "elect_from_roster": ("Ứng cử viên trong danh sách", "Candidates from the list"),
    "elect_typed": ("Ứng cử viên khác (mỗi dòng một tên)", "Other candidates (one name a line)"),
    "elect_typed_help": ("Theo thứ tự trên phiếu bầu.", "In the order of the ballot."),
    "elect_create": ("Tạo cuộc bầu cử", "Create the election"),
    "elect_created": ("Đã tạo cuộc bầu cử: {title}.", "Election created: {title}."),
    "elect_none": ("Chưa có cuộc bầu cử nào.", "No election is set up yet."),
    "elect_sample_note": ("Đây là cuộc bầu cử mẫu để minh họa, không phải kết quả thật.",
                          "This is a sample election for illustration, not a real result."),
    "elect_summary": ("Cần bầu {seats} · {n} ứng cử viên · {issued} phiếu phát ra",
                      "{seats} seats · {n} candidates · {issued} ballots issued"),
    "elect_tab_ballot": ("Nhập từng phiếu", "One ballot at a time"),
    "elect_tab_tally": ("Nhập tổng hợp", "A counter's tally"),
    "elect_ballot_help": ("Đánh dấu các tên bị gạch trên phiếu; chương trình tự xếp phiếu hợp lệ hay không hợp lệ "
                          "(giữ lại nhiều hơn {seats} tên, gạch hết tên, ghi thêm tên, ...) và ghi lý do.",
                          "Tick the names crossed out on the ballot; the program classifies it valid or invalid "
                          "(more than {seats} names kept, every name crossed, a name added, ...) with the reason."),
    "elect_crossed": ("Gạch tên: {name}", "Crossed out: {name}"),
    "elect_invalid_ballot": ("Ghi thẳng là phiếu không hợp lệ (chọn lý do)", "Record as invalid directly (choose the reason)"),
    "elect_save_ballot": ("Ghi phiếu", "Record the ballot"),
    "elect_votes_of": ("Số phiếu bầu: {name}", "Votes: {name}"),
    "elect_save_tally": ("Ghi tổng hợp", "Record the tally"),
    "elect_saved_ballot": ("Đã ghi phiếu (mục số {id}).", "Ballot recorded (entry {id})."),
    "elect_saved_tally": ("Đã ghi tổng hợp {n} phiếu (mục số {id}).", "Tally of {n} ballots recorded (entry {id})."),
    "elect_entries_heading": ("Các mục đã nhập ({n}) — hủy mục nhập nhầm", "Entries ({n}) — cancel a mistake"),
    "elect_entry_ballot": ("Mục {id} · {by} · phiếu hợp lệ, giữ lại: {votes}", "Entry {id} · {by} · valid ballot, kept: {votes}"),
    "elect_entry_tally": ("Mục {id} · {by} · tổng hợp: {valid} hợp lệ, {invalid} không hợp lệ; {votes}",
                          "Entry {id} · {by} · tally: {valid} valid, {invalid} invalid; {votes}"),
    "elect_entry_invalid": ("Mục {id} · {by} · phiếu không hợp lệ: {votes}", "Entry {id} · {by} · invalid ballot: {votes}"),
    "elect_void": ("Hủy", "Cancel"),
    "elect_voided": ("Đã hủy mục {id}: không còn được tính.", "Entry {id} cancelled: it no longer counts."),
    "elect_void_gone": ("Mục {id} đã được hủy trước đó.", "Entry {id} was already cancelled."),
    "elect_col_rank": ("STT", "No."),
    "elect_col_votes": ("Số phiếu", "Votes"),
    "elect_col_share": ("Tỉ lệ so với phiếu thu về", "Share of ballots collected"),
    "elect_col_outcome": ("Kết quả", "Outcome"),
    "elect_nobody": ("Không có ứng cử viên nào được quá một nửa số phiếu thu về.",
                     "No candidate has more than half of the ballots collected."),
    "elect_not_final": ("Đang kiểm phiếu: còn {n} phiếu; kết quả chưa chính thức.",
                        "Counting: {n} ballots to go; the result is not final."),
    "elect_download_minutes": ("Biên bản kiểm phiếu (.docx)", "Counting minutes (.docx)"),
    # ---------------------------------------------------------------- the hall screen (app_pages/hall.py)
    "hall_show_credentials": ("Tư cách đại biểu", "Credentials"),
    "hall_show_composition": ("Cơ cấu", "Composition"),
    "hall_show_election": ("Kiểm phiếu", "Count"),
    "hall_elected": ("Kết quả: {n}/{seats} đồng chí trúng cử (✓)", "Result: {n} of {seats} elected (✓)"),
    "hall_half_line": ("Vạch đứt: một nửa của {n} phiếu thu về — trúng cử cần quá một nửa số phiếu thu về "
                       "(Điều lệ, Điều 10.3)",
                       "Dashed line: half of the {n} ballots collected — election needs more than half of the "
                       "ballots collected (Charter, Article 10.3)"),
    "hall_tied": ("Bằng phiếu ở vị trí cuối: {names} — bầu lại", "Tied for the last seat: {names} — new round"),
}

# Delegate kinds shown in English.
VALUE_LABELS_EN = {"Đương nhiên": "Ex officio", "Bầu": "Elected", "Chỉ định": "Appointed"}
