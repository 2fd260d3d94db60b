"""Issue messages of safe workbook reading (read/) and of the loader that sorts sheets into domains."""

ENTRIES: dict[str, tuple[str, str]] = {
    "read.file_too_large": ("Tệp quá lớn ({size}); giới hạn là {limit}.",
                            "The file is too large ({size}); the limit is {limit}."),
    "read.macro_extension": ("Tệp có macro (.xlsm) không được chấp nhận vì lý do an toàn; "
                             "hãy lưu lại dưới dạng .xlsx (Excel Workbook).",
                             "Workbooks with macros (.xlsm) are not accepted for safety; "
                             "save it again as .xlsx (Excel Workbook)."),
    "read.empty_file": ("Tệp rỗng (0 byte), không phải tệp Excel.",
                        "The file is empty (0 bytes), not an Excel file."),
    "read.encrypted": ("Tệp được bảo vệ bằng mật khẩu (mã hóa); hãy gỡ mật khẩu rồi tải lên lại.",
                       "The file is password-protected (encrypted); remove the password and upload it again."),
    "read.not_excel": ("Không phải tệp Excel (.xlsx hoặc .xls): nội dung tệp không đúng định dạng.",
                       "Not an Excel file (.xlsx or .xls): the content is not in that format."),
    "read.damaged_zip": ("Tệp Excel bị hỏng hoặc bị cắt cụt (không đọc được cấu trúc .xlsx).",
                         "The Excel file is damaged or truncated (its .xlsx structure cannot be read)."),
    "read.no_workbook_part": ("Tệp nén không phải sổ tính Excel (thiếu xl/workbook.xml).",
                              "The zip file is not an Excel workbook (xl/workbook.xml is missing)."),
    "read.macro_vba": ("Tệp có macro (VBA) không được chấp nhận vì lý do an toàn; "
                       "hãy lưu lại dưới dạng .xlsx không có macro.",
                       "Workbooks with macros (VBA) are not accepted for safety; "
                       "save it again as .xlsx without macros."),
    "read.zip_bomb": ("Tệp giải nén ra {size}, vượt giới hạn {limit} (nghi ngờ 'bom nén'); không đọc.",
                      "The file unpacks to {size}, over the limit of {limit} (suspected zip bomb); not read."),
    "read.zip_ratio": ("Tỷ lệ nén bất thường ({ratio}:1), nghi ngờ 'bom nén'; không đọc.",
                       "Unusual compression ratio ({ratio}:1), suspected zip bomb; not read."),
    "read.damaged": ("Tệp Excel bị hỏng hoặc bị cắt cụt, không đọc được.",
                     "The Excel file is damaged or truncated and cannot be read."),
    "read.damaged_sheet": ("Trang tính bị hỏng, không đọc được.", "The sheet is damaged and cannot be read."),
    "read.no_sheets": ("Tệp không có trang tính nào đọc được.", "The file has no readable sheet."),
    "read.sheet_too_large": (
        "Trang tính quá lớn: vùng dữ liệu tới ô {cell} ({rows} dòng × {cols} cột) vượt giới hạn {limit} ô, "
        "không đọc. Thường do một ô bị nhập nhầm ở rất xa: hãy xóa các dòng, cột thừa rồi lưu lại "
        "(giới hạn theo bộ nhớ dành cho một lần tải lên, UNIONBOARD_MAX_READ_MB).",
        "The sheet is too large: its used range reaches cell {cell} ({rows} rows × {cols} columns), over "
        "the limit of {limit} cells; not read. Usually a stray cell far away: delete the extra rows and "
        "columns and save again (the limit follows the memory one upload may use, UNIONBOARD_MAX_READ_MB)."),
    "loader.cannot_open": ("Không mở được tệp: {reason}.", "Cannot open the file: {reason}."),
    "loader.missing_columns": (
        "Bảng “{table}” thiếu cột bắt buộc: {expected}. Các cột tìm thấy ở dòng {row}: {found}.",
        "Table “{table}” lacks required columns: {expected}. Columns found in row {row}: {found}."),
    "loader.formula_without_value": (
        "Ô chứa công thức nhưng không có giá trị đã tính (tệp được lưu bởi phần mềm không tính công thức). "
        "Hãy mở tệp bằng Excel/LibreOffice, lưu lại rồi tải lên.",
        "The cell holds a formula without a computed value (the file was saved by software that does not "
        "calculate formulas). Open it in Excel/LibreOffice, save it and upload it again."),
    "loader.no_sheet_recognised": (
        "Không nhận ra trang tính nào ({names}). Cần ít nhất một bảng: danh sách đoàn viên, thu chi tài "
        "chính, chỉ tiêu Nghị quyết hoặc khen thưởng — xem mẫu (python -m unionboard template).",
        "No sheet was recognised ({names}). At least one table is needed: members roster, revenue and "
        "spending, resolution targets or awards — see the template (python -m unionboard template)."),
    "read.hidden_sheet": ("Trang tính ẩn “{sheet}” không được đọc (thường là số liệu cũ hoặc bảng phụ). "
                          "Nếu cần dùng, hãy bỏ ẩn trang rồi tải lên lại.",
                          "The hidden sheet “{sheet}” was not read (usually old figures or a helper table). "
                          "Unhide it and upload again if it is needed."),
    "loader.error_value": ("Ô {cell} chứa giá trị lỗi của Excel (#DIV/0!, #N/A, #VALUE!…), không phải số liệu; "
                           "hãy sửa công thức hoặc giá trị rồi tải lên lại.",
                           "Cell {cell} holds an Excel error value (#DIV/0!, #N/A, #VALUE!…), not a figure; "
                           "correct the formula or value and upload again."),
    "read.legacy_encoding": (
        "Cột {column} được gõ bằng phông chữ cũ {encoding} ({count} ô: {cells}); đã chuyển sang Unicode. "
        "Hãy kiểm tra lại và lưu tệp ở dạng Unicode.",
        "Column {column} was typed in the legacy {encoding} font ({count} cells: {cells}); converted to Unicode. "
        "Please check it and save the file in Unicode."),
}
