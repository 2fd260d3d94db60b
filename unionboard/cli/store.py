"""Sub-commands of the store: `publish`, `history`, `rollback`, `hash-password` (a stable contract).

  python -m unionboard publish FILE [FILE ...] [--by NAME] [--comment TEXT]
      exit 0, the version id alone on the last stdout line (identical data: the current id and
      a note on stderr); exit 1 with the issues (file › sheet › cell) on stderr, nothing stored.
  python -m unionboard history [--json]
      newest first; JSON: [{"id", "created_at", "by", "comment", "sha256", "current", "files", ...}]
  python -m unionboard rollback ID [--by NAME]
      make that version current; exit 1 when there is no such version.
  python -m unionboard hash-password
      read a password (no echo) and print the scrypt hash to put in .streamlit/secrets.toml.

Every command honours UNIONBOARD_HOME / UNIONBOARD_DB_URL.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from unionboard.cli.main import register
from unionboard.core.models import SEVERITY_LABELS, SourceFile


def _default_by() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment
        user = ""
    return f"{user} (dòng lệnh)" if user else "dòng lệnh"


def _print_issues(result, stream) -> None:
    for issue in result.issues:
        label = SEVERITY_LABELS[issue.severity]
        print(f"  [{label}] {issue.location}: {issue.message}", file=stream)


# --------------------------------------------------------------------------- publish


def _configure_publish(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", help="tệp .xlsx/.xls")
    parser.add_argument("--by", default=None, help="tên người công bố")
    parser.add_argument("--comment", default="", help="ghi chú cho phiên bản")


def _run_publish(args: argparse.Namespace) -> int:
    from unionboard.publish import publish_files
    from unionboard.store.versions import open_store

    sources = []
    for name in args.files:
        try:
            sources.append(SourceFile(name=Path(name).name, data=Path(name).read_bytes()))
        except OSError as exc:
            print(f"Không mở được tệp {name}: {exc.strerror or exc}. Không lưu gì.", file=sys.stderr)
            return 1
    outcome = publish_files(open_store(), sources, by=args.by or _default_by(), comment=args.comment)
    result = outcome.result
    if outcome.reason == "errors":
        print(f"KHÔNG LƯU: dữ liệu có {len(result.errors)} lỗi, {len(result.warnings)} cảnh báo.",
              file=sys.stderr)
        _print_issues(result, sys.stderr)
        return 1
    if outcome.reason == "empty":
        print("KHÔNG LƯU: các tệp không có bảng dữ liệu nào.", file=sys.stderr)
        return 1
    if result.warnings:
        print(f"{len(result.warnings)} cảnh báo:", file=sys.stderr)
        _print_issues(result, sys.stderr)
    if outcome.created:
        print(f"Đã công bố phiên bản {outcome.version_id}.", file=sys.stderr)
    else:
        print(f"Dữ liệu giống hệt phiên bản hiện hành ({outcome.version_id}): không tạo phiên bản mới.",
              file=sys.stderr)
    print(outcome.version_id)
    return 0


# --------------------------------------------------------------------------- history


def _configure_history(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="in một danh sách JSON")


def _rollback_dict(event) -> dict:
    return {"created_at": event.created_at, "by": event.by, "from_version": event.from_version,
            "to_version": event.to_version, "comment": event.comment}


def _run_history(args: argparse.Namespace) -> int:
    from unionboard.core.i18n import t
    from unionboard.store.versions import open_store

    store = open_store()
    versions = store.history()
    events = [e for e in store.events() if e.action == "rollback"]
    if args.json:  # each version also lists the rollbacks that made it current again (a key added, none changed)
        rows = [{**v.to_dict(), "rollbacks": [_rollback_dict(e) for e in events if e.to_version == v.id]}
                for v in versions]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return 0
    if not versions:
        print("Chưa có phiên bản dữ liệu nào được công bố.")
        return 0
    actions = {"publish": "công bố", "rollback": "khôi phục", "edit": "thiết lập"}
    lines = []  # (moment, line), newest first: versions and rollbacks interleaved
    for v in versions:
        mark = "  ← hiện hành" if v.current else ""
        files = ", ".join(v.files) or "—"
        comment = f" — {v.comment}" if v.comment else ""
        lines.append((v.created_at, f"#{v.id}  {v.created_at}  {v.by}  [{actions.get(v.action, v.action)}]  "
                                    f"{files}{comment}{mark}"))
    for e in events:
        lines.append((e.created_at, t("history.cli_rollback", "vi", when=e.created_at,
                                      by=e.by or t("history.unknown_by", "vi"), from_id=e.from_version,
                                      to_id=e.to_version, comment=f" — {e.comment}" if e.comment else "")))
    for _moment, line in sorted(lines, key=lambda pair: pair[0], reverse=True):
        print(line)
    return 0


# --------------------------------------------------------------------------- rollback


def _configure_rollback(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, help="số phiên bản")
    parser.add_argument("--by", default=None, help="tên người khôi phục")
    parser.add_argument("--comment", default="", help="lý do")


def _run_rollback(args: argparse.Namespace) -> int:
    from unionboard.store.versions import UnknownVersion, open_store

    try:
        info = open_store().rollback(args.id, by=args.by or _default_by(), comment=args.comment)
    except UnknownVersion as exc:
        print(exc.text("vi"), file=sys.stderr)
        return 1
    print(f"Phiên bản hiện hành: {info.id}.", file=sys.stderr)
    print(info.id)
    return 0


# --------------------------------------------------------------------------- hash-password


def _configure_hash(parser: argparse.ArgumentParser) -> None:
    del parser  # no options: the password is read from stdin


def _read_password() -> str | None:
    if sys.stdin.isatty():
        first = getpass.getpass("Mật khẩu ban chấp hành: ")
        second = getpass.getpass("Nhập lại: ")
        if first != second:
            print("Hai lần nhập không khớp.", file=sys.stderr)
            return None
        return first
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


default_by, read_password = _default_by, _read_password  # shared with the `users` command


def _run_hash(args: argparse.Namespace) -> int:
    from unionboard.store.auth import MIN_PASSWORD_LENGTH, hash_password

    password = _read_password()
    if password is None:
        return 1
    if len(password) < MIN_PASSWORD_LENGTH:
        print(f"Mật khẩu quá ngắn (cần ít nhất {MIN_PASSWORD_LENGTH} ký tự).", file=sys.stderr)
        return 1
    hashed = hash_password(password)
    print("Thêm vào .streamlit/secrets.toml:" + os.linesep + "[committee]" + os.linesep
          + f'password_hash = "{hashed}"', file=sys.stderr)
    print(hashed)
    return 0


register("publish", "kiểm tra rồi lưu các tệp thành phiên bản dữ liệu mới", _configure_publish, _run_publish)
register("history", "liệt kê các phiên bản dữ liệu (mới nhất trước)", _configure_history, _run_history)
register("rollback", "khôi phục một phiên bản cũ làm phiên bản hiện hành", _configure_rollback, _run_rollback)
register("hash-password", "tạo mã băm mật khẩu ban chấp hành cho secrets.toml", _configure_hash, _run_hash)
