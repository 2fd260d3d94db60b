"""Catalogue: the finance rules' charts (figures against limits, spending groups against caps) and year picker."""

ENTRIES = {
    "rules_display_year": ("Năm xem quy định", "Year of the rules shown"),
    "rules_display_chart_title": ("Năm {year}: số liệu so với mức quy định (mức = 100%)",
                                  "{year}: figures against the limits (limit = 100%)"),
    "rules_display_chart_title_all": ("Số liệu so với mức quy định (mức = 100%)",
                                      "Figures against the limits (limit = 100%)"),
    "rules_display_limit": ("Mức quy định", "Limit"),
    "rules_display_hover": ("{rule}<br>{value} / mức {limit}<br>{pct}% của mức",
                            "{rule}<br>{value} / limit {limit}<br>{pct}% of the limit"),
    "rules_display_groups_title": ("Năm {year}: chi theo nhóm so với mức trần / mức sàn (triệu đồng)",
                                   "{year}: spending groups against their caps and floors (million VND)"),
    "rules_display_groups_title_all": ("Chi theo nhóm so với mức trần / mức sàn (triệu đồng)",
                                       "Spending groups against their caps and floors (million VND)"),
    "rules_display_groups_line": ("{name}<br>{symbol} đã chi {spent} · mức {cap}",
                                  "{name}<br>{symbol} spent {spent} · limit {cap}"),
    "rules_display_col_group": ("Nhóm chi", "Spending group"),
    "rules_display_col_spent": ("Đã chi (đ)", "Spent (VND)"),
    "rules_display_col_cap": ("Mức quy định (đ)", "Limit (VND)"),
    "rules_display_spent": ("Đã chi", "Spent"),
    "rules_display_cap": ("Mức trần / sàn", "Cap / floor"),
    "rules_display_details": ("Chi tiết từng quy định", "Each rule in detail"),
}
