"""`python -m unionboard export --format pptx|docx|xlsx|pdf|odt|ods FILE... -o OUT` (or `--current`).

The files are read and checked as one data set; when the check finds errors nothing is written
and every error is printed (file › sheet › cell). `--current` exports the version published in the
store instead of files.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from unionboard.cli.main import register
from unionboard.core.models import CheckResult, Dataset
from unionboard.export.formats import FORMATS, Options, write
from unionboard.present.slides import SLIDE_KEYS


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", help="tệp .xlsx/.xls của bộ dữ liệu")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="định dạng xuất (mặc định: theo đuôi tệp -o)")
    parser.add_argument("-o", "--out", required=True, help="đường dẫn tệp xuất")
    parser.add_argument("--current", action="store_true",
                        help="xuất phiên bản dữ liệu hiện hành trong kho thay cho các tệp")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="ngôn ngữ của bản trình chiếu (pptx), báo cáo (docx, odt) và hồ sơ PDF")
    parser.add_argument("--period", default="",
                        help="kỳ báo cáo: whole (cả nhiệm kỳ), so-far (nhiệm kỳ đến nay) hoặc một năm (2025); "
                             "mặc định như trang web")
    parser.add_argument("--slides", default=None,
                        help=f"thứ tự các trang chiếu, cách nhau bởi dấu phẩy ({','.join(SLIDE_KEYS)})")


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _current_result() -> CheckResult | None:
    from unionboard.store.versions import open_store

    try:
        result = open_store().current_result()
    except Exception as exc:  # a broken or unreachable store: say so, never a traceback
        _err(f"Không mở được kho dữ liệu: {exc}")
        return None
    if result is None:
        _err("Chưa có phiên bản dữ liệu nào được công bố.")
    return result


def _print_errors(result: CheckResult) -> None:
    _err(f"Không xuất tệp: dữ liệu còn {len(result.errors)} lỗi cần sửa.")
    for issue in result.errors:
        _err(f"  [LỖI] {issue.location}: {issue.message}")


def _order(args: argparse.Namespace) -> list[str] | None:
    """The slide order asked for with --slides; unknown keys are named and left out (by the deck)."""
    order = [k.strip() for k in args.slides.split(",") if k.strip()] if args.slides else None
    if order is not None:
        unknown = [k for k in order if k not in SLIDE_KEYS]
        if unknown:
            _err(f"Bỏ qua trang chiếu không có: {', '.join(unknown)} "
                 f"(cần một trong {', '.join(SLIDE_KEYS)}).")
    return order


def _render(dataset: Dataset, fmt: str, args: argparse.Namespace) -> bytes | None:
    """The file through the writer table the pages use too (`export.formats`); None when it cannot be
    written (the PDF's fonts missing: said on stderr)."""
    from unionboard.export.pdf import FontMissing

    options = Options()
    if fmt == "pptx":
        from unionboard.present.qr import public_url

        options = Options(order=_order(args), qr_url=public_url())
    try:
        return write(fmt, dataset, args.lang, options)
    except FontMissing as exc:
        _err(str(exc))
        return None


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder so a failed export leaves nothing half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _in_period(dataset: Dataset, wanted: str) -> Dataset | None:
    """The data set cut to `--period` (the web page's default when not given); None after an error line."""
    from unionboard.analysis.period import find_period, in_period, period_options
    from unionboard.core.period import label

    period = find_period(dataset, wanted)
    if wanted and period is None:
        offered = ", ".join(label(p) for p in period_options(dataset)) or "không có"
        _err(f"Không có kỳ báo cáo “{wanted}” trong dữ liệu (có: {offered}).")
        return None
    return in_period(dataset, period)


def _run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        _err(f"Không biết xuất theo định dạng nào cho “{out.name}”: dùng --format "
             f"{'|'.join(FORMATS)} hoặc đặt đuôi tệp {', '.join('.' + f for f in FORMATS)}.")
        return 2
    if args.current and args.files:
        _err("Dùng hoặc các tệp, hoặc --current, không dùng cả hai.")
        return 2
    if args.current:
        result = _current_result()
        if result is None:
            return 1
    else:
        if not args.files:
            _err("Cần ít nhất một tệp Excel (hoặc --current).")
            return 2
        missing = [f for f in args.files if not Path(f).is_file()]
        if missing:
            for name in missing:
                _err(f"Không tìm thấy tệp “{name}”.")
            return 1
        from unionboard.domains.loader import check_files

        result = check_files(args.files)
    if result.errors:
        _print_errors(result)
        return 1
    if not result.dataset.domains():
        _err("Không đọc được số liệu nào từ các tệp đã cho.")
        return 1
    dataset = _in_period(result.dataset, args.period)
    data = _render(dataset, fmt, args) if dataset is not None else None
    if data is None:
        return 2 if dataset is None else 1
    _write(out, data)
    if result.warnings:
        print(f"Lưu ý: dữ liệu có {len(result.warnings)} cảnh báo "
              f"(xem: python -m unionboard check ...).")
    print(f"Đã xuất: {out}")
    return 0


register("export", "xuất bản trình chiếu (pptx), báo cáo (docx, odt), hồ sơ in (pdf) hoặc bảng tính "
         "(xlsx, ods)",
         _configure, _run)
