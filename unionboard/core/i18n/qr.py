"""The QR code of the dashboard's public address (overview, title slide, PowerPoint deck)."""

ENTRIES: dict[str, tuple[str, str]] = {
    'qr.caption': ('Quét để xem trên điện thoại', 'Scan to view on your phone'),
    'qr.alt': ('Mã QR mở bảng điều khiển: {url}', 'QR code that opens the dashboard: {url}'),
    'qr.invalid': (
        'Thiết lập `UNIONBOARD_PUBLIC_URL` không hợp lệ nên không hiện mã QR: cần một địa chỉ đầy đủ bắt đầu '
        'bằng `http://` hoặc `https://` (ví dụ `https://daihoi.example.vn`), không có dấu cách, tên đăng nhập '
        'hay mật khẩu, tối đa {max} ký tự.',
        'The `UNIONBOARD_PUBLIC_URL` setting is invalid, so no QR code is shown: it must be a full address '
        'starting with `http://` or `https://` (e.g. `https://daihoi.example.vn`), without spaces, user name or '
        'password, at most {max} characters.'),
}
