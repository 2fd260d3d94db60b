"""Sub-command `check-report`: every figure of a draft report checked against the data (a stable contract).

  python -m unionboard check-report DRAFT [DATA FILES…] [--current] [--json] [--docx|--out OUT [--track]]
      --json prints one object: {"ok", "claims": [{"text", "value", "unit", "status", "expected",
      "source", "paragraph", ...}], "summary": {"match", "mismatch", "unverifiable", "ambiguous"},
      "issues": [...]}; the bundled sample data when no data files are given, --current the
      published version. --docx/--out writes the draft back with a comment on every figure that
      differs or is ambiguous (.docx: Word comments, --track adds tracked changes replacing each
      differing figure; .odt: annotations).
      Exit 0 when nothing differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from unionboard.cli.main import register
from unionboard.core.i18n import t
from unionboard.core.models import SourceFile


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", help="dự thảo .docx, .odt hoặc .txt")
    parser.add_argument("files", nargs="*", help="tệp dữ liệu .xlsx/.xls (mặc định: dữ liệu mẫu)")
    parser.add_argument("--current", action="store_true", help="đối chiếu với phiên bản đang công bố")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.add_argument("--docx", "--out", dest="out", default=None,
                        help="ghi dự thảo có ghi chú ra tệp này (cùng định dạng với dự thảo: .docx hoặc .odt)")
    parser.add_argument("--track", action="store_true", help="kèm sửa đổi theo dõi thay các số lệch")


def _read(path: str) -> SourceFile | None:
    try:
        return SourceFile(name=Path(path).name, data=Path(path).read_bytes())
    except OSError as exc:
        print(f"Không mở được tệp {path}: {exc.strerror or exc}.", file=sys.stderr)
        return None


def _data(args: argparse.Namespace):
    from unionboard.domains.loader import check_files

    if args.current:
        from unionboard.store.versions import open_store

        store = open_store()
        version = store.current_id()
        if version is None:
            print("Chưa có phiên bản dữ liệu nào được công bố.", file=sys.stderr)
            return None
        return store.result_of(version), tuple(item.file for item in store.snapshot(version))
    if args.files:
        files = tuple(_read(p) for p in args.files)
    else:
        from unionboard.sample.report import sample_paths

        files = tuple(_read(str(p)) for p in sample_paths())
    if any(f is None for f in files):
        return None
    return check_files(files), files


def _print_text(check) -> None:
    from unionboard.export.draft_docx import comment_text

    s = check.summary()
    print(t("draft_summary", "vi", **s))
    for claim in check.claims:
        if claim.status in ("mismatch", "ambiguous"):
            label = t(f"draft_status.{claim.status}", "vi")
            print(f"  [{label}] {claim.place()}: “{claim.text}” — {comment_text(claim)}")
    for issue in check.issues:
        print(f"  [{issue.severity}] {issue.location}: {issue.message}")


def _run(args: argparse.Namespace) -> int:
    from unionboard.analysis.draft_check import check_report

    draft = _read(args.draft)
    data = _data(args)
    if draft is None or data is None:
        return 2
    result, files = data
    check = check_report(draft, result, files)
    if args.json:
        sys.stdout.write(json.dumps(check.to_json(), ensure_ascii=False) + "\n")
    else:
        _print_text(check)
    if args.out and check.claims:
        from unionboard.export.draft_docx import annotated_docx
        from unionboard.export.draft_odt import annotated_odt

        try:
            data = (annotated_odt(draft, check) if draft.name.lower().endswith(".odt")
                    else annotated_docx(draft, check, track=args.track))
            Path(args.out).write_bytes(data)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    return 0 if check.ok else 1


register("check-report", "kiểm tra mọi con số của dự thảo báo cáo so với dữ liệu", _configure, _run)
