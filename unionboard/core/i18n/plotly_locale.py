"""Plotly's own toolbar and hint texts in Vietnamese (passed to Plotly as its "vi" locale dictionary).

The English text (second of each pair) is exactly Plotly's message, the key Plotly looks up.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    'plotly.download_png': ('Tải biểu đồ dạng ảnh PNG', 'Download plot as a PNG'),
    'plotly.download': ('Tải biểu đồ', 'Download plot'),
    'plotly.zoom': ('Phóng to vùng chọn', 'Zoom'),
    'plotly.pan': ('Kéo biểu đồ', 'Pan'),
    'plotly.zoom_in': ('Phóng to', 'Zoom in'),
    'plotly.zoom_out': ('Thu nhỏ', 'Zoom out'),
    'plotly.autoscale': ('Tự động vừa khung', 'Autoscale'),
    'plotly.reset_axes': ('Đặt lại trục', 'Reset axes'),
    'plotly.reset_view': ('Đặt lại khung nhìn', 'Reset view'),
    'plotly.reset': ('Đặt lại', 'Reset'),
    'plotly.box_select': ('Chọn theo hình chữ nhật', 'Box Select'),
    'plotly.lasso_select': ('Chọn tự do', 'Lasso Select'),
    'plotly.spikes': ('Bật/tắt đường gióng', 'Toggle Spike Lines'),
    'plotly.hover_closest': ('Hiện số liệu gần nhất khi rê chuột', 'Show closest data on hover'),
    'plotly.hover_compare': ('So sánh số liệu khi rê chuột', 'Compare data on hover'),
    'plotly.snapshot_wait': ('Đang chụp ảnh biểu đồ, xin chờ vài giây', 'Taking snapshot - this may take a few seconds'),
    'plotly.snapshot_ok': ('Đã chụp ảnh biểu đồ', 'Snapshot succeeded'),
    'plotly.snapshot_fail': ('Không chụp được ảnh biểu đồ', 'Sorry, there was a problem downloading your snapshot!'),
    'plotly.double_click_zoom': ('Nhấp đúp để thu nhỏ trở lại', 'Double-click to zoom back out'),
    'plotly.double_click_legend': ('Nhấp đúp vào chú giải để chỉ xem một nhóm',
                                   'Double-click on legend to isolate one trace'),
    'plotly.produced_with': ('Tạo bằng Plotly.js', 'Produced with Plotly.js'),
}
