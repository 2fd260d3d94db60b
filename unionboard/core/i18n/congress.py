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
}
