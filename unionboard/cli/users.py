"""Sub-command `users`: named accounts from the command line (a stable contract).

  python -m unionboard users add NAME --role committee|counter|checkin|viewer [--name "Họ tên"] [--elections 1,2]
  python -m unionboard users list [--json]          never a password or hash
  python -m unionboard users disable NAME | enable NAME
  python -m unionboard users reset NAME             a new password; ends that account's sessions
  python -m unionboard users role NAME ROLE [--elections 1,2]
  python -m unionboard users setup-link [--base URL]  a one-time link for the first account (none exists yet)
  python -m unionboard users log [--json]           the access log (downloads of named data, account changes)

Passwords are read without echo from a terminal (twice), else one line of stdin. Exit 1 with the
reason on stderr when the change cannot be made (nothing is changed).
"""

from __future__ import annotations

import argparse
import json
import sys

from unionboard.cli.main import register
from unionboard.cli.store import default_by, read_password
from unionboard.core.i18n import t


def _configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="thêm tài khoản")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=("committee", "counter", "checkin", "viewer"))
    add.add_argument("--name", default="", help="họ tên")
    add.add_argument("--elections", default="", help="số hiệu các cuộc bầu cử giao cho người kiểm phiếu: 1,2")
    listing = sub.add_parser("list", help="liệt kê tài khoản")
    listing.add_argument("--json", action="store_true")
    for action, text in (("disable", "khoá tài khoản"), ("enable", "mở khoá tài khoản"),
                         ("reset", "đặt lại mật khẩu")):
        sub.add_parser(action, help=text).add_argument("username")
    role = sub.add_parser("role", help="đổi vai trò")
    role.add_argument("username")
    role.add_argument("role", choices=("committee", "counter", "checkin", "viewer"))
    role.add_argument("--elections", default=None)
    link = sub.add_parser("setup-link", help="liên kết dùng một lần tạo tài khoản đầu tiên")
    link.add_argument("--base", default="http://localhost:8501/")
    log = sub.add_parser("log", help="nhật ký truy cập dữ liệu cá nhân")
    log.add_argument("--json", action="store_true")


def _elections(text: str | None) -> list[int] | None:
    if text is None:
        return None
    return [int(x) for x in text.split(",") if x.strip().isdigit()]


def _run(args: argparse.Namespace) -> int:
    from unionboard.store.accounts import AccountError, Accounts

    accounts, by = Accounts(), default_by()
    try:
        if args.action == "list":
            rows = accounts.list()
            if args.json:
                print(json.dumps([a.to_dict() for a in rows], ensure_ascii=False, indent=2))
            for a in [] if args.json else rows:
                state = "đã khoá" if a.disabled else "đang dùng"
                print(f"{a.username}\t{a.role}\t{state}\t{a.display_name}")
            return 0
        if args.action == "log":
            rows = accounts.access_log()
            print(json.dumps(rows, ensure_ascii=False, indent=2) if args.json else
                  "\n".join(f"{r['at']}\t{r['account']}\t{r['action']}\t{r['what']}" for r in rows))
            return 0
        if args.action == "setup-link":
            token = accounts.create_setup_token()
            if token is None:
                print("Đã có tài khoản: không cần liên kết cài đặt.", file=sys.stderr)
                return 1
            print(f"{args.base.rstrip('/')}/?setup={token}")
            return 0
        if args.action in ("add", "reset"):
            password = read_password()
            if password is None:
                return 1
            if args.action == "add":
                account = accounts.add(args.username, password, args.role, display_name=args.name, by=by,
                                       elections=_elections(args.elections) or [])
            else:
                account = accounts.set_password(args.username, password, by)
        elif args.action in ("disable", "enable"):
            account = accounts.set_disabled(args.username, args.action == "disable", by)
        else:
            account = accounts.set_role(args.username, args.role, by, _elections(args.elections))
    except AccountError as exc:
        print(t(exc.code, "vi", **exc.params), file=sys.stderr)
        return 1
    print(f"Đã lưu tài khoản {account.username} ({account.role}).", file=sys.stderr)
    print(account.username)
    return 0


register("users", "tài khoản và vai trò: add, list, disable, enable, reset, role, setup-link, log", _configure, _run)
