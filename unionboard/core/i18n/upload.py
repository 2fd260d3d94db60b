"""Strings of the uploader, of a first publish that lacks some domains, and of the label on data still from the sample."""

ENTRIES = {
    "plan_sample_results": (
        "Dữ liệu mẫu: kết quả 2018–2019 là số liệu **minh họa** (tự đặt, không có trong báo cáo Đại hội) "
        "để trang này có gì để hiển thị; 2020–2022 để trống.",
        "Sample data: the 2018–2019 results are **illustrative** (invented, not in the congress report) so "
        "that this page has something to show; 2020–2022 are empty."),
    "data_uploader_button": ("Tải lên", "Upload"),
    "data_uploader_limit": ("Tối đa {mb} MB mỗi tệp • {types}", "Up to {mb} MB per file • {types}"),
    "fill.question": (
        "Các tệp tải lên chưa có: {domains}. Đây là lần công bố đầu tiên, nên các phần này sẽ lấy từ đâu?",
        "The uploaded files have no {domains}. This is the first publication: where should these parts come from?"),
    "fill.option_sample": (
        "Giữ dữ liệu mẫu cho các phần này (ghi rõ “dữ liệu mẫu” trên mọi trang cho đến khi tải tệp thật)",
        "Keep the sample data for these parts (labelled “sample data” on every page until real files are uploaded)"),
    "fill.option_only": (
        "Chỉ công bố các tệp đã tải lên (các phần này sẽ trống)",
        "Publish only the uploaded files (these parts will be empty)"),
    "fill.added": (
        "Sẽ công bố thêm {n} tệp dữ liệu mẫu (tên bắt đầu bằng “du-lieu-mau-”): {files}.",
        "{n} sample files will be published too (names starting with “du-lieu-mau-”): {files}."),
    "fill.banner": (
        "Phần {domains} vẫn là **dữ liệu mẫu** của dự thảo báo cáo Đại hội IV, chưa phải số liệu của đơn vị. "
        "Ban chấp hành tải tệp thật ở trang Cập nhật dữ liệu.",
        "The {domains} part is still **sample data** from the 4th congress's draft report, not the union's own "
        "figures. The committee uploads the real files on the Update data page."),
}
