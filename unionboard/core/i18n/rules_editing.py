"""Strings of the committee's editor of the rule groups (finance page, "Quy định tài chính")."""

ENTRIES = {
    "rules_editing.heading": ("Sửa cách xếp nhóm", "Change the grouping"),
    "rules_editing.caption": (
        "Chọn nhóm quy định cho từng mục chi rồi bấm “Lưu cách xếp nhóm”: cách xếp được lưu thành một phiên bản "
        "dữ liệu mới (trang “Nhóm quy định”), các quy định được kiểm lại ngay.",
        "Pick the rule group of each spending category, then “Save the grouping”: it is stored as a new data "
        "version (sheet “Nhóm quy định”) and the rules are checked again at once."),
    "rules_editing.placeholder": ("(chưa xếp)", "(none)"),
    "rules_editing.submit": ("Lưu cách xếp nhóm", "Save the grouping"),
    "rules_editing.file_name": ("nhom-quy-dinh.xlsx", "nhom-quy-dinh.xlsx"),
    "rules_editing.comment": ("Sửa nhóm quy định của các mục chi", "Rule groups of the spending categories changed"),
    "rules_editing.by": ("Ban chấp hành", "Committee"),
    "rules_editing.saved": ("Đã lưu cách xếp nhóm thành phiên bản #{id}.", "The grouping was saved as version #{id}."),
    "rules_editing.identical": ("Cách xếp nhóm này đã được lưu (phiên bản #{id}); không lưu thêm.",
                                "This grouping is already stored (version #{id}); nothing was stored again."),
    "rules_editing.stale": ("Dữ liệu vừa được người khác cập nhật (phiên bản #{id}); không lưu. Hãy xem lại rồi lưu.",
                            "The data was updated meanwhile (version #{id}); nothing was stored. Check, then save."),
    "rules_editing.failed": ("Không lưu được cách xếp nhóm; dữ liệu không đổi.",
                             "The grouping could not be stored; the data is unchanged."),
    "rules_editing.sign_in": ("Chỉ thành viên Ban chấp hành (đã đăng nhập) sửa được cách xếp nhóm.",
                              "Only a signed-in committee member can change the grouping."),
    "rules_editing.sample": ("Đây là dữ liệu mẫu: cách xếp nhóm chỉ sửa được trên dữ liệu công đoàn đã công bố.",
                             "This is example data: the grouping can be changed on the union's published data only."),
}
