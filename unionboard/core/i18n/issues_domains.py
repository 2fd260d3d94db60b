"""Issue messages of the targets, awards, term-targets and budget domains."""

ENTRIES: dict[str, tuple[str, str]] = {
    # resolution targets
    "targets.no_target": ("Dòng {row} có nội dung “{text}” nhưng không có mục tiêu (ô {cell} trống); bỏ qua dòng này.",
                          "Row {row} has the text “{text}” but no target (cell {cell} is empty); the row was skipped."),
    "targets.no_text": ("Chỉ tiêu ở dòng {row} thiếu nội dung (ô {cell} trống).",
                        "The target in row {row} has no text (cell {cell} is empty)."),
    "targets.unknown_evaluation": (
        "Đánh giá “{value}” ở ô {cell} không nhận ra (cần “Vượt”, “Đạt” hoặc “Chưa đạt”); dùng đánh giá tính từ số liệu.",
        "The evaluation “{value}” in cell {cell} is not recognised (“Vượt”, “Đạt” or “Chưa đạt” is needed); "
        "the evaluation computed from the figures is used."),
    "targets.no_result": ("Chỉ tiêu {label} thiếu kết quả thực hiện (ô {cell} trống); coi là “{status}”.",
                          "Target {label} has no result (cell {cell} is empty); counted as “{status}”."),
    "targets.result_not_a_number": (
        "Kết quả “{result}” ở ô {cell} không phải là số nên không so được với mục tiêu “{target}” của chỉ tiêu "
        "{label}; coi là “{status}”.",
        "The result “{result}” in cell {cell} is not a number, so it cannot be compared with the target "
        "“{target}” of {label}; counted as “{status}”."),
    "targets.status_mismatch": (
        "Đánh giá ghi “{written}” ở ô {cell} nhưng theo mục tiêu “{target}” và kết quả “{result}” thì chỉ tiêu "
        "{label} là “{status}”; dùng “{status}”.",
        "The evaluation reads “{written}” in cell {cell}, but with the target “{target}” and the result "
        "“{result}” target {label} is “{status}”; “{status}” is used."),
    # awards
    "awards.no_form": ("Dòng {row} thiếu hình thức khen thưởng (ô {cell} trống); bỏ qua dòng này.",
                       "Row {row} has no kind of award (cell {cell} is empty); the row was skipped."),
    "awards.no_year": ("Khen thưởng “{form}” ở dòng {row} thiếu năm (ô {cell} trống); nếu ô năm được gộp (merge) "
                       "cho nhiều dòng, hãy ghi năm ở từng dòng.",
                       "Award “{form}” in row {row} has no year (cell {cell} is empty); if the year cell is "
                       "merged over several rows, write the year in each row."),
    "awards.bad_year": ("Năm “{value}” ở ô {cell} {problem} (cần ví dụ “2014”, “Năm 2014” hoặc giai đoạn "
                        "“2011–2013”); bỏ qua năm.",
                        "The year “{value}” in cell {cell} {problem} (e.g. “2014”, “Năm 2014” or a period "
                        "“2011–2013” is needed); the year was ignored."),
    "awards.implausible_year": ("Năm “{value}” ở ô {cell} không hợp lý (cần từ {first} đến {last}); bỏ qua năm.",
                                "The year “{value}” in cell {cell} is implausible (from {first} to {last} is "
                                "needed); the year was ignored."),
    "awards.found_unknown": ("“{value}” không nhận ra", "“{value}” is not recognised"),
    "awards.found_blank": ("trống", "is empty"),
    "awards.unknown_level": ("Cấp khen thưởng ở ô {cell} {found} (cần một trong: {allowed}); ghi là “{other}”.",
                             "The award level in cell {cell} {found} (one of {allowed} is needed); "
                             "recorded as “{other}”."),
    "awards.unknown_recipient": ("Đối tượng khen thưởng ở ô {cell} {found} (cần “{collective}” hoặc “{individual}”).",
                                 "The recipient type in cell {cell} {found} (“{collective}” or “{individual}” "
                                 "is needed)."),
    "awards.for_collective": ("tập thể", "collectives"),
    "awards.for_individual": ("cá nhân", "individuals"),
    "awards.recipient_mismatch": ("Danh hiệu “{form}” dành cho {implied} nhưng ô {cell} ghi “{value}”; kiểm tra lại.",
                                  "The title “{form}” is for {implied} but cell {cell} reads “{value}”; "
                                  "please check."),
    "awards.count_not_a_number": ("Số lượng “{value}” ở ô {cell} không phải là số; coi là 1.",
                                  "The count “{value}” in cell {cell} is not a number; counted as 1."),
    "awards.negative": ("âm", "is negative"),
    "awards.zero": ("bằng 0", "is zero"),
    "awards.count_not_positive": ("Số lượng “{value}” ở ô {cell} {kind} (cần số nguyên từ 1 trở lên); "
                                  "bỏ qua dòng {row}.",
                                  "The count “{value}” in cell {cell} {kind} (a whole number from 1 up is "
                                  "needed); row {row} was skipped."),
    "awards.count_rounded": ("Số lượng “{value}” ở ô {cell} không phải số nguyên; làm tròn thành {count}.",
                             "The count “{value}” in cell {cell} is not a whole number; rounded to {count}."),
    # term targets
    "term_targets.no_target_column": (
        "Bảng chỉ tiêu nhiệm kỳ không có cột “Mục tiêu nhiệm kỳ” (hoặc “Mục tiêu 2018”…); không đọc được chỉ tiêu nào.",
        "The term-targets table has no “Mục tiêu nhiệm kỳ” column (or “Mục tiêu 2018”…); no target could be read."),
    "term_targets.no_result_columns": (
        "Bảng chỉ tiêu nhiệm kỳ không có cột kết quả theo năm (cần tiêu đề như “Kết quả 2018”, “KQ 2018” hoặc "
        "“2018”); chỉ đọc được mục tiêu.",
        "The term-targets table has no yearly result columns (headers such as “Kết quả 2018”, “KQ 2018” or "
        "“2018” are needed); only the targets were read."),
    "term_targets.no_code": ("Chỉ tiêu “{text}” ở dòng {row} thiếu mã (ô {cell} trống); dùng mã “dòng {row}”.",
                             "Target “{text}” in row {row} has no code (cell {cell} is empty); the code "
                             "“dòng {row}” is used."),
    "term_targets.no_target": ("Chỉ tiêu {label} ở dòng {row} không có mục tiêu (ô {cell} trống); bỏ qua dòng này.",
                               "Target {label} in row {row} has no target value (cell {cell} is empty); the row "
                               "was skipped."),
    "term_targets.repeated_code": ("Mã chỉ tiêu {label} ở dòng {row} trùng với dòng {first_row}; vẫn đọc cả hai dòng.",
                                   "The code {label} in row {row} repeats row {first_row}; both rows are read."),
    "term_targets.no_text": ("Chỉ tiêu {label} thiếu nội dung (ô {cell} trống).",
                             "Target {label} has no text (cell {cell} is empty)."),
    "term_targets.no_group": ("Chỉ tiêu {label} chưa có nhóm (ô {cell} trống; cần “{coordinated}” hoặc “{union_led}”).",
                              "Target {label} has no group (cell {cell} is empty; “{coordinated}” (carried out with "
                              "others) or “{union_led}” (carried out by the union) is needed)."),
    "term_targets.unknown_per_year": ("Áp dụng “{value}” của chỉ tiêu {label} không nhận ra (cần “{per_year}” hoặc "
                                      "“{whole_term}”); coi là “{per_year}”.",
                                      "“Áp dụng” (applies) “{value}” of target {label} is not recognised (“{per_year}” "
                                      "(every year) or “{whole_term}” (whole term) is needed); taken as every year."),
    "term_targets.result_not_a_number": ("Kết quả năm {year} “{value}” của chỉ tiêu {label} (ô {cell}) không phải là "
                                         "số, trong khi mục tiêu là “{goal}”; bỏ qua kết quả này.",
                                         "The {year} result “{value}” of target {label} (cell {cell}) is not a "
                                         "number while the target is “{goal}”; the result was ignored."),
    "term_targets.empty": ("Bảng chỉ tiêu nhiệm kỳ không có dòng chỉ tiêu nào.", "The term-targets table has no rows."),
    # budget
    "budget.bad_year": ("Năm “{value}” ở ô {cell} không đọc được (cần năm như 2018); bỏ qua dòng này.",
                        "The year “{value}” in cell {cell} cannot be read (a year such as 2018 is needed); the "
                        "row was skipped."),
    "budget.bad_side": ("Thu/Chi “{value}” ở ô {cell} không nhận ra (cần “Thu” hoặc “Chi”); bỏ qua dòng này.",
                        "Thu/Chi “{value}” in cell {cell} is not recognised (“Thu” or “Chi” is needed); the row "
                        "was skipped."),
    "budget.no_item": ("Dòng {row} thiếu khoản mục (ô {cell} trống); bỏ qua dòng này.",
                       "Row {row} has no item (cell {cell} is empty); the row was skipped."),
    "budget.no_amount": ("Khoản mục “{item}” năm {year} chưa có số kế hoạch (ô {cell} trống); coi là 0 đ.",
                         "Item “{item}” in {year} has no planned amount (cell {cell} is empty); counted as 0 VND."),
    "budget.not_a_number": ("Số kế hoạch “{value}” của “{item}” năm {year} (ô {cell}) không phải là số tiền; "
                            "bỏ qua dòng này.",
                            "The planned amount “{value}” of “{item}” in {year} (cell {cell}) is not an amount; "
                            "the row was skipped."),
    "budget.negative": ("Số kế hoạch của “{item}” năm {year} là số âm ({amount}, ô {cell}); bỏ qua dòng này.",
                        "The planned amount of “{item}” in {year} is negative ({amount}, cell {cell}); the row "
                        "was skipped."),
    "budget.repeated_item": ("Khoản mục “{item}” năm {year} đã có ở dòng {row}; cộng dồn {previous} + {amount}.",
                             "Item “{item}” in {year} is already in row {row}; added up {previous} + {amount}."),
    "budget.empty": ("Bảng dự toán thu chi không có dòng kế hoạch nào.", "The budget table has no planned lines."),
}
