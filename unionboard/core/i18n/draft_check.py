"""Strings of the draft report check: reading a draft, its issues, the page "Kiểm tra dự thảo"."""

ENTRIES: dict[str, tuple[str, str]] = {
    # reading a draft
    "draft.legacy_doc": ("Tệp Word cũ (.doc) hoặc .rtf không đọc được; hãy mở trong Word và lưu thành .docx "
                         "(Tệp › Lưu thành › Tài liệu Word .docx) rồi tải lên lại.",
                         "Legacy Word files (.doc) and .rtf cannot be read; open it in Word and save it as .docx "
                         "(File › Save As › Word Document .docx), then upload it again."),
    "draft.too_large": ("Tệp dự thảo quá lớn; giới hạn là {limit}.", "The draft file is too large; the limit is {limit}."),
    "draft.empty": ("Tệp dự thảo rỗng (0 byte).", "The draft file is empty (0 bytes)."),
    "draft.damaged": ("Tệp dự thảo bị hỏng hoặc bị cắt cụt, không đọc được.",
                      "The draft file is damaged or truncated and cannot be read."),
    "draft.zip_bomb": ("Tệp dự thảo giải nén ra quá lớn (nghi ngờ 'bom nén'); không đọc.",
                       "The draft unpacks to too much data (suspected zip bomb); not read."),
    "draft.macro": ("Tệp có macro không được chấp nhận vì lý do an toàn; hãy lưu thành .docx không có macro.",
                    "Files with macros are not accepted for safety; save it as .docx without macros."),
    "draft.not_draft": ("Không phải dự thảo đọc được: chỉ nhận .docx, .odt hoặc .txt.",
                        "Not a readable draft: only .docx, .odt or .txt are accepted."),
    "draft.too_many_paragraphs": ("Dự thảo có quá nhiều đoạn (giới hạn {limit}).",
                                  "The draft has too many paragraphs (the limit is {limit})."),
    # the draft's own inconsistencies
    "draft.table_total": ("Dòng/cột tổng ghi {written} nhưng cộng các số trong bảng được {computed}.",
                          "The total written is {written} but the table's figures add up to {computed}."),
    "draft.unit_note": ("Ghi chú đơn vị “{note}” trên bảng {table} mâu thuẫn với số liệu: các số trong bảng "
                        "là đồng (khớp với dữ liệu khi đọc là đồng), không phải nghìn đồng.",
                        "The unit note “{note}” over table {table} contradicts the amounts: the table's figures "
                        "are in đồng (they match the data read as đồng), not thousands."),
    "draft.prose_table": ("Câu ghi “{prose}” nhưng {table} của chính dự thảo ghi {written} (ô {cell}) cho cùng số liệu.",
                          "The sentence says “{prose}” but {table} of the same draft gives {written} (cell {cell}) "
                          "for the same figure."),
    "draft.no_data": ("Chưa có dữ liệu để đối chiếu.", "There is no data to compare with."),
    # statuses and labels
    "draft_status.match": ("khớp", "matches"),
    "draft_status.mismatch": ("lệch", "differs"),
    "draft_status.unverifiable": ("không kiểm được", "cannot be checked"),
    "draft_status.ambiguous": ("mơ hồ", "ambiguous"),
    "draft_comment": ("Số liệu trong dữ liệu: {expected} (nguồn: {source}).",
                      "The data says: {expected} (source: {source})."),
    "draft_comment_ambiguous": ("Có thể là một trong các số liệu: {options}.",
                                "Could be one of these figures: {options}."),
    "draft_comment_unit": ("Các số trong bảng là đồng, không phải nghìn đồng; nên sửa thành “ĐVT: đồng”.",
                           "The table's amounts are in đồng, not thousands; write “ĐVT: đồng”."),
    # the page
    "page_draft_check": ("Kiểm tra dự thảo", "Check the draft"),
    "draft_intro": ("Tải lên dự thảo báo cáo (.docx, .odt hoặc .txt): mọi con số trong dự thảo được đối chiếu "
                    "với dữ liệu đang xem; tải về bản .docx có ghi chú ở từng số lệch.",
                    "Upload the draft report (.docx, .odt or .txt): every figure in it is compared with the data "
                    "shown; download it as .docx with a comment on every figure that differs."),
    "draft_uploader": ("Tệp dự thảo", "Draft file"),
    "draft_use_sample": ("Dùng dự thảo mẫu (Đại hội IV)", "Use the sample draft (4th congress)"),
    "draft_summary": ("{match} khớp · {mismatch} lệch · {unverifiable} không kiểm được · {ambiguous} mơ hồ",
                      "{match} match · {mismatch} differ · {unverifiable} cannot be checked · {ambiguous} ambiguous"),
    "draft_filter": ("Hiện các số", "Show figures"),
    "draft_years": ("Kể cả năm", "Include years"),
    "draft_issues": ("Mâu thuẫn trong chính dự thảo", "Inconsistencies within the draft"),
    "draft_table_heading": ("Các số liệu", "Figures"),
    "draft_col_figure": ("Số trong dự thảo", "In the draft"),
    "draft_col_status": ("Kết quả", "Result"),
    "draft_col_expected": ("Dữ liệu", "Data"),
    "draft_col_source": ("Nguồn (tệp › trang › ô)", "Source (file › sheet › cell)"),
    "draft_col_paragraph": ("Vị trí", "Location"),
    "draft_col_label": ("Số liệu", "Figure"),
    "draft_download": ("Tải dự thảo có ghi chú (.docx)", "Download the draft with comments (.docx)"),
    "draft_track": ("Kèm sửa đổi theo dõi (Track Changes) thay số lệch", "Add tracked changes replacing differing figures"),
    "draft_text_heading": ("Dự thảo với các số được đánh dấu", "The draft with its figures marked"),
    "draft_pick": ("Xem dữ liệu của số", "Show the data behind a figure"),
    "draft_no_figures": ("Không có số nào thuộc bộ lọc đã chọn.", "No figure matches the filter."),
    "draft_changed": ("Dữ liệu đã thay đổi từ lần kiểm tra trước: {n} số đổi kết quả.",
                      "The data changed since the last check: {n} figures changed their result."),
    "draft_tables_download": ("Tải các bảng của dự thảo thành tệp dữ liệu (.xlsx)",
                              "Download the draft's tables as a data workbook (.xlsx)"),
    "draft_tables_help": ("Tải tệp này lên ở Ban chấp hành › Cập nhật dữ liệu để xem trước, kiểm tra và công bố: "
                          "công đoàn chỉ có báo cáo Word cũng có bảng điều khiển.",
                          "Upload it on Committee › Update data to preview, check and publish it: a union that "
                          "has only its Word report gets the dashboard too."),
    "draft_annotate_odt": ("Bản .odt được đọc và kiểm tra; bản có ghi chú chỉ xuất ra .docx.",
                           "An .odt draft is read and checked; the commented copy is written as .docx only."),
}

# names of the data's figures (the figure catalogue, analysis/figures.py)
ENTRIES.update({
    "figure.members_total": ("Tổng số đoàn viên", "Members in total"),
    "figure.members_male": ("Đoàn viên nam", "Male members"),
    "figure.members_female": ("Đoàn viên nữ", "Female members"),
    "figure.party": ("Đảng viên", "Party members"),
    "figure.party_female": ("Đảng viên nữ", "Female party members"),
    "figure.below_university": ("Trình độ dưới đại học", "Below university level"),
    "figure.education": ("Trình độ chuyên môn: {level}", "Education: {level}"),
    "figure.theory": ("Lý luận chính trị: {level}", "Political theory: {level}"),
    "figure.female_share": ("Tỷ lệ nữ trong đoàn viên", "Share of women among members"),
    "figure.party_share": ("Tỷ lệ đảng viên trong đoàn viên", "Share of party members among members"),
    "figure.revenue_total": ("Tổng thu cả nhiệm kỳ", "Total revenue over the term"),
    "figure.spending_total": ("Tổng chi cả nhiệm kỳ", "Total spending over the term"),
    "figure.revenue_year": ("Tổng thu năm {year}", "Total revenue in {year}"),
    "figure.spending_year": ("Tổng chi năm {year}", "Total spending in {year}"),
    "figure.item": ("{item}", "{item}"),
    "figure.item_year": ("{item} năm {year}", "{item} in {year}"),
    "figure.closing": ("Tồn cuối nhiệm kỳ", "Closing balance of the term"),
    "figure.target": ("{text} — mục tiêu", "{text} — target"),
    "figure.result": ("{text} — kết quả", "{text} — result"),
    "figure.award": ("{form} ({level})", "{form} ({level})"),
    "figure.term": ("Nhiệm kỳ {term}", "Term {term}"),
    "figure.unit": ("Đơn vị của số liệu: đồng", "Unit of the amounts: đồng"),
    "figure.info_source": ("Thông tin công đoàn (trang Thông tin)", "Union information (Information sheet)"),
    "figure.rows": ("dòng {first}–{last}", "rows {first}–{last}"),
    "figure.table": ("Bảng {n}", "Table {n}"),
    "figure.paragraph": ("đoạn {n}", "paragraph {n}"),
})
