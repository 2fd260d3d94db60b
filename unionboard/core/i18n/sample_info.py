"""A first publish without the "Thông tin" sheet: the union's information named among the sample's parts."""

ENTRIES: dict[str, tuple[str, str]] = {
    'domain_info': ('thông tin đơn vị (tên công đoàn, Đại hội, nhiệm kỳ — trang “Thông tin”)',
                    'union information (name, congress, term — the “Thông tin” sheet)'),
    'fill.preview_sample': ('Chưa có phiên bản nào được công bố: so sánh với dữ liệu mẫu đang hiển thị. '
                            'Các phần không có trong tệp tải lên giữ dữ liệu mẫu (ghi rõ “dữ liệu mẫu”), như đã chọn ở trên.',
                            'Nothing has been published yet: compared with the sample data shown now. Parts missing '
                            'from the upload keep the sample data (labelled “sample data”), as chosen above.'),
    'fill.preview_only': ('Chưa có phiên bản nào được công bố: so sánh với dữ liệu mẫu đang hiển thị. '
                          'Các phần không có trong tệp tải lên sẽ để trống, như đã chọn ở trên.',
                          'Nothing has been published yet: compared with the sample data shown now. Parts missing '
                          'from the upload will be empty, as chosen above.'),
}
