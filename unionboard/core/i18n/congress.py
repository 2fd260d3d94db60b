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
}
