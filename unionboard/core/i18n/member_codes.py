"""Catalogue: member and delegate codes (Mã đoàn viên, Mã đại biểu) — repeated codes in one list."""

ENTRIES = {
    "members.repeated_code": (
        "Mã đoàn viên “{code}” ở ô {cell} trùng với ô {first} trong cùng danh sách; hai người không được "
        "dùng chung một mã — hãy sửa lại (điểm danh, phiếu bầu theo mã có thể bị nhầm người).",
        "Member code “{code}” in cell {cell} repeats cell {first} of the same list; two people cannot share "
        "a code — please correct it (attendance and ballots keyed on the code may go to the wrong person)."),
    "delegates.repeated_code": (
        "Mã đại biểu “{code}” ở ô {cell} trùng với ô {first} trong cùng danh sách; hai đại biểu không được "
        "dùng chung một mã — hãy sửa lại (điểm danh, phiếu bầu theo mã có thể bị nhầm người).",
        "Delegate code “{code}” in cell {cell} repeats cell {first} of the same list; two delegates cannot "
        "share a code — please correct it (attendance and ballots keyed on the code may go to the wrong "
        "person)."),
}
