"""Command line: `python -m unionboard check|template|sample ...` (the check JSON is a stable contract)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from unionboard.analysis.metrics import below_university, summary
from unionboard.core import i18n
from unionboard.core.i18n import t
from unionboard.core.models import SEVERITY_LABELS, CheckResult
from unionboard.core.text import format_dong
from unionboard.domains import registry
from unionboard.sample.report import SAMPLE_DIR

# Other modules register extra sub-commands here: name → (configure parser, run) — see `register`.
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None],
                           Callable[[argparse.Namespace], int]]] = {}


def register(name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None],
             run: Callable[[argparse.Namespace], int]) -> None:
    """Add a sub-command (used by the store, export and benchmark modules)."""
    _COMMANDS[name] = (help_text, configure, run)


def _counts_text(counts: dict) -> str:
    return ", ".join(f"{str(label).lower()} {n}" for label, n in counts.items())


def _domain_line(key: str, value: object) -> str:
    """The text line of a domain beyond the first four: the same figures as its part of `--json`."""
    if key == "term_targets" and isinstance(value, dict):
        if value.get("year") is None:
            return t("check_text.term_targets_no_year", "vi", total=value["total"])
        return t("check_text.term_targets", "vi", total=value["total"], year=value["year"],
                 statuses=_counts_text(value["by_status"]))
    if key == "budget" and isinstance(value, dict):
        years = value.get("years") or []
        if not years:
            return t("check_text.budget_empty", "vi")
        return t("check_text.budget", "vi", n=len(years), years=", ".join(str(y) for y in years))
    if key == "rules" and isinstance(value, list):  # the finance rules: the same counts as the JSON's list
        statuses = [r.get("status") for r in value]
        return t("check_text.rules", "vi", ok=statuses.count("ok"), violation=statuses.count("violation"),
                 not_checkable=statuses.count("not_checkable"))
    if key == "delegates" and isinstance(value, dict):
        return t("check_text.delegates", "vi", total=value["total"], kinds=_counts_text(value["by_kind"]))
    spec = next((s for s in registry.specs() if s.key == key), None)
    name = t(spec.name, "vi") if spec is not None and i18n.has(spec.name) else key
    name = name[:1].upper() + name[1:]
    if isinstance(value, dict) and isinstance(value.get("total"), int):
        return t("check_text.other_total", "vi", name=name, total=value["total"])
    return t("check_text.other", "vi", name=name)


def _print_text_report(result: CheckResult) -> None:
    data = summary(result)
    print("KẾT QUẢ KIỂM TRA" + (" — đạt, không có lỗi" if result.ok else " — CÓ LỖI"))
    members = data["members"]
    if members:
        g = members["by_gender"]
        party = (t("check_text.party_unknown", "vi") if members["party_members"] is None else
                 f"đảng viên {members['party_members']} (nữ {members['party_members_female']})")
        below = below_university(members)
        below_text = t("check_text.education_unknown", "vi") if below is None else f"dưới đại học {below}"
        print(f"• Đoàn viên: {members['total']} (nam {g.get('Nam', 0)}, nữ {g.get('Nữ', 0)}); "
              f"{party}; {below_text}; {len(members['by_department'])} phòng/đơn vị.")
    finance = data["finance"]
    if finance:
        print(f"• Tài chính: tổng thu {format_dong(finance['revenue']['total'])}, "
              f"tổng chi {format_dong(finance['spending']['total'])}, "
              f"tồn cuối {format_dong(finance['closing_balance'])}.")
    targets = data["targets"]
    if targets:
        s = targets["by_status"]
        print(f"• Chỉ tiêu: {targets['total']} (vượt {s['Vượt']}, đạt {s['Đạt']}, chưa đạt {s['Chưa đạt']}).")
    if data["awards"]:
        print(f"• Khen thưởng: {data['awards']['total']} mục.")
    for key, value in data.items():
        if key not in ("ok", "issues", "members", "finance", "targets", "awards") and value is not None:
            print(_domain_line(key, value))
    if not any(v is not None for k, v in data.items() if k not in ("ok", "issues")):
        print("• Không đọc được dữ liệu nào.")
    errors, warnings = len(result.errors), len(result.warnings)
    print(f"\n{errors} lỗi, {warnings} cảnh báo.")
    for issue in result.issues:
        label = SEVERITY_LABELS[issue.severity]
        print(f"  [{label}] {issue.location}: {issue.message}")


def _run_check(args: argparse.Namespace) -> int:
    from unionboard.domains.loader import check_files

    if getattr(args, "current", False):
        from unionboard.store.versions import open_store

        result = open_store().current_result()
        if result is None:
            print("Chưa có phiên bản dữ liệu nào được công bố.", file=sys.stderr)
            return 1
    else:
        if not args.files:
            print("Cần ít nhất một tệp (hoặc --current).", file=sys.stderr)
            return 2
        result = check_files(args.files)
    if args.json:
        sys.stdout.write(json.dumps(summary(result), ensure_ascii=False) + "\n")
    else:
        _print_text_report(result)
    return 0 if result.ok else 1


def _run_template(args: argparse.Namespace) -> int:
    from unionboard.export.template import write_template

    write_template(Path(args.out))
    print(f"Đã tạo mẫu: {args.out}")
    return 0


def _run_sample(args: argparse.Namespace) -> int:
    from unionboard.sample.enterprise import write_enterprise_data
    from unionboard.sample.report import write_sample_data

    for path in (*write_sample_data(Path(args.dir)), *write_enterprise_data(Path(args.dir) / "vi-du-doanh-nghiep")):
        print(f"Đã ghi {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command (plugins included)."""
    parser = argparse.ArgumentParser(prog="python -m unionboard",
                                     description="Đọc, kiểm tra và xuất số liệu Đại hội Công đoàn cơ sở.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra các tệp Excel như một bộ dữ liệu")
    check.add_argument("files", nargs="*", help="tệp .xlsx/.xls")
    check.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    check.add_argument("--current", action="store_true", help="kiểm tra phiên bản hiện hành trong kho")
    check.set_defaults(run=_run_check)
    template = sub.add_parser("template", help="tạo tệp mẫu trống")
    template.add_argument("out", help="đường dẫn tệp .xlsx")
    template.set_defaults(run=_run_template)
    sample = sub.add_parser("sample", help="tạo lại dữ liệu mẫu từ báo cáo Đại hội")
    sample.add_argument("--dir", default=str(SAMPLE_DIR))
    sample.set_defaults(run=_run_sample)
    _load_plugins()
    for name, (help_text, configure, run) in _COMMANDS.items():
        command = sub.add_parser(name, help=help_text)
        configure(command)
        command.set_defaults(run=run)
    return parser


def _load_plugins() -> None:
    """Import the modules that register sub-commands (missing ones are simply absent)."""
    import importlib

    importlib.import_module("unionboard.cli.store")
    importlib.import_module("unionboard.cli.export")
    importlib.import_module("unionboard.cli.draft")
    importlib.import_module("unionboard.cli.users")
    # Developer tools live outside the package (tools/); present when run from a checkout.
    for module in ("tools.benchmark", "tools.page_benchmark"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name not in (module, module.partition(".")[0]):
                raise


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit code (never a traceback for the user)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: never a traceback for the user
        print(f"Lỗi không mong đợi: {exc}", file=sys.stderr)
        return 1
