"""Issue messages of the members roster (values not recognised, blanks, duplicates)."""

ENTRIES: dict[str, tuple[str, str]] = {
    "members.gender_blank": ("Thiếu giới tính ({cells}); cần “Nam” hoặc “Nữ”.",
                             "Gender missing ({cells}); “Nam” or “Nữ” is needed."),
    "members.gender_unknown": ("Giới tính {value} không nhận ra ({cells}); cần “Nam” hoặc “Nữ”.",
                               "Gender {value} is not recognised ({cells}); “Nam” or “Nữ” is needed."),
    "members.education_blank": ("Thiếu trình độ chuyên môn ({cells}); cần một trong: {levels}.",
                                "Education missing ({cells}); one of {levels} is needed."),
    "members.education_political": (
        "Trình độ chuyên môn {value} là trình độ lý luận chính trị, không phải trình độ chuyên môn ({cells}); "
        "đã tính là “Khác”. Cần một trong: {levels}.",
        "Education {value} is a level of political theory, not of education ({cells}); counted as “Khác” "
        "(other). One of {levels} is needed."),
    "members.education_unknown": ("Trình độ chuyên môn {value} không nhận ra ({cells}); đã tính là “Khác”. "
                                  "Cần một trong: {levels}.",
                                  "Education {value} is not recognised ({cells}); counted as “Khác” (other). "
                                  "One of {levels} is needed."),
    "members.political_unknown": (
        "Lý luận chính trị {value} không nhận ra ({cells}); đã tính là “Chưa có”. Cần một trong: {levels} "
        "(“Cử nhân” tính chung với “Cao cấp”).",
        "Political theory {value} is not recognised ({cells}); counted as “Chưa có” (none). One of {levels} "
        "is needed (“Cử nhân” counts with “Cao cấp”)."),
    "members.political_looks_like_education": (
        "Lý luận chính trị {value} không nhận ra (có vẻ là trình độ chuyên môn, không phải lý luận chính trị) "
        "({cells}); đã tính là “Chưa có”. Cần một trong: {levels} (“Cử nhân” tính chung với “Cao cấp”).",
        "Political theory {value} is not recognised (it looks like a level of education, not of political "
        "theory) ({cells}); counted as “Chưa có” (none). One of {levels} is needed (“Cử nhân” counts with "
        "“Cao cấp”)."),
    "members.party_unknown": (
        "Cột “Đảng viên” có giá trị {value} không nhận ra ({cells}); đã tính là không phải đảng viên. Cần "
        "“x”/“Có” cho đảng viên, để trống hoặc “Không” nếu không phải.",
        "The “Đảng viên” (party member) column holds {value}, which is not recognised ({cells}); counted as "
        "not a party member. Write “x”/“Có” for party members, leave blank or “Không” otherwise."),
    "members.birth_blank": ("Thiếu năm sinh ({cells}); cần năm (vd. 1985) hoặc ngày sinh (vd. 12/05/1985).",
                            "Birth year missing ({cells}); a year (e.g. 1985) or a date of birth "
                            "(e.g. 12/05/1985) is needed."),
    "members.birth_unreadable": ("Năm sinh {value} không đọc được ({cells}); cần năm (vd. 1985) hoặc ngày sinh "
                                 "(vd. 12/05/1985).",
                                 "Birth year {value} cannot be read ({cells}); a year (e.g. 1985) or a date of "
                                 "birth (e.g. 12/05/1985) is needed."),
    "members.birth_implausible": (
        "Năm sinh {year} không hợp lý ({cells}): năm {current} đoàn viên {age} tuổi; cần năm sinh từ {low} "
        "đến {high} (tuổi {min_age}–{max_age}). Vẫn giữ giá trị {year}, hãy kiểm tra lại.",
        "Birth year {year} is implausible ({cells}): in {current} the member would be {age}; a birth year "
        "from {low} to {high} is expected (age {min_age}–{max_age}). The value {year} was kept; please check."),
    "members.join_date_unreadable": ("Ngày vào công đoàn {value} không đọc được ({cells}); cần ngày dạng "
                                     "12/05/2010 hoặc năm 2010. Đã bỏ trống.",
                                     "The union joining date {value} cannot be read ({cells}); a date such as "
                                     "12/05/2010 or a year 2010 is needed. Left blank."),
    "members.department_blank": ("Thiếu phòng/đơn vị ({cells}); đã ghi là “{unknown}”.",
                                 "Department missing ({cells}); recorded as “{unknown}”."),
    "members.name_missing": ("Dòng có dữ liệu nhưng thiếu họ và tên ({cells}); dòng này không được tính vào "
                             "danh sách đoàn viên.",
                             "A row has data but no name ({cells}); it is not counted as a member."),
    "members.empty": ("Danh sách đoàn viên không có dòng nào dưới dòng tiêu đề {row}.",
                      "The members roster has no rows under the header row {row}."),
    "members.duplicate": ("Đoàn viên {names} sinh năm {year} xuất hiện {times} lần ({cells}); có thể bị nhập "
                          "trùng, hãy kiểm tra và xóa dòng thừa.",
                          "Member {names} born in {year} appears {times} times ({cells}); possibly entered "
                          "twice — check and delete the extra rows."),
    "members.skipped_total": ("Dòng tổng cộng ở ô {cell} không phải đoàn viên; không tính vào danh sách.",
                              "The total row at cell {cell} is not a member; it is not counted."),
    "members.skipped_header": ("Dòng tiêu đề lặp lại ở ô {cell} (danh sách dán từ nhiều trang); không tính.",
                               "The header repeated at cell {cell} (a list pasted from several pages); not counted."),
    "members.skipped_signature": (
        "Phần ký tên từ ô {cell} trở xuống ({rows} dòng: người lập biểu, ngày tháng, chữ ký) không phải "
        "đoàn viên; không tính.",
        "The signature block from cell {cell} down ({rows} rows: who made the list, date, signatures) is not "
        "members; not counted."),
    "members.total_mismatch": ("Dòng tổng ở ô {cell} ghi {stated} đoàn viên nhưng danh sách có {counted} người; "
                               "hãy kiểm tra lại (đã dùng số đếm được).",
                               "The total row at cell {cell} states {stated} members but the list has {counted}; "
                               "please check (the counted number is used)."),
    "members.column_gender": ("Giới tính", "Gender"),
    "members.column_education": ("Trình độ chuyên môn", "Education"),
    "members.column_political_theory": ("Lý luận chính trị", "Political theory"),
    "members.column_party_member": ("Đảng viên", "Party member"),
    "members.column_mostly_unknown": (
        "Cột “{column}” có {rows}/{count} giá trị không nhận ra ({values}); số liệu theo cột này sẽ sai nên "
        "không dùng được. Hãy kiểm tra phông chữ (TCVN3/VNI) hoặc cách ghi rồi tải lên lại.",
        "{rows} of the {count} values in column “{column}” are not recognised ({values}); the figures by this "
        "column would be wrong, so it cannot be used. Check the font (TCVN3/VNI) or the spelling and upload "
        "again."),
    "members.duplicate_across_sheets": (
        "Đoàn viên sinh năm {year} ở ô {cell} đã có ở {other}; cùng một người được tính hai lần nếu cả hai "
        "trang đều là danh sách hiện tại — hãy xóa một dòng hoặc bỏ trang thừa.",
        "The member born in {year} at cell {cell} is already at {other}; the same person counts twice if both "
        "sheets are the current list — delete one row or remove the extra sheet."),
    "members.skipped_blank": ("{count} dòng trống giữa danh sách ({cells}) đã bỏ qua.",
                              "{count} blank rows inside the list ({cells}) were skipped."),
}
