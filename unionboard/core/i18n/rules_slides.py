"""Strings of the "Quy định tài chính" slide (slide deck and PowerPoint)."""

ENTRIES: dict[str, tuple[str, str]] = {
    "slide.rules_title": ("Quy định tài chính", "Finance rules"),
    "slide.rules_finding_ok": ("{ok}/{n} lượt kiểm tra đạt quy định; không có vi phạm.",
                               "{ok} of {n} checks met the rules; no violation."),
    "slide.rules_finding_violation": ("{ok}/{n} lượt đạt, {violation} vi phạm: {parts}.",
                                      "{ok} of {n} checks met, {violation} violated: {parts}."),
    "slide.rules_violation_part": ("{rule} năm {year} (theo {decision})",
                                   "{rule} in {year} (under {decision})"),
    "slide.rules_notes": ("Đã kiểm tra {n} lượt quy định tài chính theo năm: {ok} đạt, {violation} vi phạm, "
                          "{not_checkable} không kiểm được vì thiếu số liệu.",
                          "{n} finance rule checks by year: {ok} met, {violation} violated, {not_checkable} "
                          "not checkable for lack of figures."),
    "slide.rules_notes_violation": ("Vi phạm: {rule} năm {year} — số liệu {value}, mức quy định {limit} "
                                    "(căn cứ {decision}).",
                                    "Violated: {rule} in {year} — figure {value}, limit {limit} "
                                    "(under {decision})."),
    "slide.rules_notes_missing": ("Không kiểm được: {rule} năm {year} (thiếu {missing}).",
                                  "Not checkable: {rule} in {year} (lacking {missing})."),
    "slide.rules_percent_of_limit": ("% so với mức quy định", "% of the limit"),
}
