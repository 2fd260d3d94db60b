"""Safe workbook reading: refuse oversized, zip-bomb, macro, encrypted and non-Excel files, then read sheets with calamine."""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, field

from python_calamine import CalamineWorkbook

from .issues import IssueLog
from .models import SourceFile
from .text import cell_name

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Limits:
    """Size limits applied before parsing (override with UNIONBOARD_MAX_FILE_MB / _MAX_UNPACKED_MB)."""

    max_file_bytes: int = 50 * MB
    max_unpacked_bytes: int = 200 * MB
    max_compression_ratio: float = 200.0

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_file_bytes=int(float(os.environ.get("UNIONBOARD_MAX_FILE_MB", 50)) * MB),
            max_unpacked_bytes=int(float(os.environ.get("UNIONBOARD_MAX_UNPACKED_MB", 200)) * MB),
        )


@dataclass
class Sheet:
    """One worksheet as a grid of Python values (None for blank), with the cells that need care."""

    file: str
    name: str
    rows: list[list] = field(default_factory=list)
    formulas_without_value: frozenset[str] = frozenset()

    @property
    def height(self) -> int:
        return len(self.rows)

    def value(self, row: int, col: int):
        """The value at 0-based (row, col), None when out of range or blank."""
        if row < len(self.rows):
            line = self.rows[row]
            if col < len(line):
                value = line[col]
                return None if value == "" else value
        return None


def _check_container(source: SourceFile, log: IssueLog, limits: Limits) -> str | None:
    """Return 'xlsx' or 'xls' when the bytes may be parsed, else log an error and return None."""
    name, data = source.name, source.data
    lower = name.lower()
    if len(data) > limits.max_file_bytes:
        log.error(name, None, None,
                  f"Tệp quá lớn ({len(data) / MB:.1f} MB); giới hạn là {limits.max_file_bytes / MB:.0f} MB.")
        return None
    if lower.endswith((".xlsm", ".xltm", ".xlam")):
        log.error(name, None, None, "Tệp có macro (.xlsm) không được chấp nhận vì lý do an toàn; "
                  "hãy lưu lại dưới dạng .xlsx (Excel Workbook).")
        return None
    if not data:
        log.error(name, None, None, "Tệp rỗng (0 byte), không phải tệp Excel.")
        return None
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            log.error(name, None, None, "Tệp được bảo vệ bằng mật khẩu (mã hóa); hãy gỡ mật khẩu rồi tải lên lại.")
            return None
        return "xls"
    if not data.startswith(ZIP_MAGIC):
        log.error(name, None, None, "Không phải tệp Excel (.xlsx hoặc .xls): nội dung tệp không đúng định dạng.")
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        log.error(name, None, None, "Tệp Excel bị hỏng hoặc bị cắt cụt (không đọc được cấu trúc .xlsx).")
        return None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        log.error(name, None, None, "Tệp nén không phải sổ tính Excel (thiếu xl/workbook.xml).")
        return None
    if "xl/vbaProject.bin" in names:
        log.error(name, None, None, "Tệp có macro (VBA) không được chấp nhận vì lý do an toàn; "
                  "hãy lưu lại dưới dạng .xlsx không có macro.")
        return None
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > limits.max_unpacked_bytes:
        log.error(name, None, None, f"Tệp giải nén ra {unpacked / MB:.0f} MB, vượt giới hạn "
                  f"{limits.max_unpacked_bytes / MB:.0f} MB (nghi ngờ 'bom nén'); không đọc.")
        return None
    if unpacked > 10 * MB and unpacked / packed > limits.max_compression_ratio:
        log.error(name, None, None, f"Tỷ lệ nén bất thường ({unpacked / packed:.0f}:1), nghi ngờ 'bom nén'; không đọc.")
        return None
    return "xlsx"


_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)


def _formulas_without_value(archive: zipfile.ZipFile, sheet_paths: dict[str, str]) -> dict[str, frozenset[str]]:
    """Cells holding a formula with no cached result (a file saved by a tool that never calculated)."""
    out: dict[str, frozenset[str]] = {}
    for sheet_name, path in sheet_paths.items():
        try:
            xml = archive.read(path)
        except KeyError:
            continue
        if b"<f" not in xml:
            continue
        missing = set()
        for match in _CELL.finditer(xml):
            body = match.group(2) or b""
            if b"<f" in body and (b"<v>" not in body or b"<v></v>" in body):
                missing.add(match.group(1).decode())
        if missing:
            out[sheet_name] = frozenset(missing)
    return out


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map sheet names to their XML parts (from workbook.xml and its relationships)."""
    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = dict(re.findall(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
    targets.update({k: v for v, k in re.findall(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    paths = {}
    for sheet_tag in re.findall(r"<sheet\b[^>]*/?>", workbook):
        name = re.search(r'name="([^"]*)"', sheet_tag)
        rid = re.search(r'r:id="([^"]*)"', sheet_tag) or re.search(r'\bid="([^"]*)"', sheet_tag)
        if name and rid and rid.group(1) in targets:
            target = targets[rid.group(1)].lstrip("/")
            paths[_xml_unescape(name.group(1))] = target if target.startswith("xl/") else f"xl/{target}"
    return paths


def _xml_unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def read_sheets(source: SourceFile, log: IssueLog, limits: Limits | None = None) -> list[Sheet]:
    """Every worksheet of the file, after the safety checks; problems go to `log`, never raised."""
    limits = limits or Limits.from_env()
    kind = _check_container(source, log, limits)
    if kind is None:
        return []
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(source.data))
    except Exception as exc:  # calamine raises several types for broken files
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            log.error(source.name, None, None, "Tệp được bảo vệ bằng mật khẩu (mã hóa); hãy gỡ mật khẩu rồi tải lên lại.")
        else:
            log.error(source.name, None, None, "Tệp Excel bị hỏng hoặc bị cắt cụt, không đọc được.")
        return []
    missing_values: dict[str, frozenset[str]] = {}
    if kind == "xlsx":
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            missing_values = _formulas_without_value(archive, _sheet_paths(archive))
    sheets = []
    for meta in workbook.sheets_metadata:
        if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet") and "work" not in str(meta.typ).lower():
            continue
        try:
            calamine_sheet = workbook.get_sheet_by_name(meta.name)
            rows = calamine_sheet.to_python(skip_empty_area=False)
        except Exception:
            log.error(source.name, meta.name, None, "Trang tính bị hỏng, không đọc được.")
            continue
        sheets.append(Sheet(file=source.name, name=meta.name, rows=rows,
                            formulas_without_value=missing_values.get(meta.name, frozenset())))
    if not sheets:
        log.error(source.name, None, None, "Tệp không có trang tính nào đọc được.")
    return sheets


__all__ = ["Limits", "Sheet", "read_sheets", "cell_name"]
