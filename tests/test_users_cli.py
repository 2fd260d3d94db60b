"""`python -m unionboard users ...`: accounts from the command line (a stable contract), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from unionboard.store.accounts import Accounts

REPO_ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "mat-khau-dong-lenh-9"


def run(url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNIONBOARD_DB_URL": url}
    return subprocess.run([sys.executable, "-m", "unionboard", "users", *args], cwd=REPO_ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_add_list_disable_reset_role_and_the_log(store_url):
    added = run(store_url, "add", "Lan", "--role", "committee", "--name", "Chị Lan", stdin=PASSWORD + "\n")
    assert added.returncode == 0 and added.stdout.strip().splitlines()[-1] == "lan"
    assert run(store_url, "add", "an", "--role", "counter", "--elections", "2,1", stdin=PASSWORD + "\n").returncode == 0
    listed = json.loads(run(store_url, "list", "--json").stdout)
    assert listed == [{"username": "an", "display_name": "", "role": "counter", "disabled": False, "elections": [1, 2]},
                      {"username": "lan", "display_name": "Chị Lan", "role": "committee", "disabled": False,
                       "elections": []}]
    everything = run(store_url, "list").stdout + run(store_url, "log", "--json").stdout
    assert PASSWORD not in everything and "scrypt" not in everything
    accounts = Accounts(store_url)
    before = accounts.get("an").generation
    assert run(store_url, "disable", "an").returncode == 0 and accounts.get("an").disabled
    assert run(store_url, "enable", "an").returncode == 0 and not accounts.get("an").disabled
    assert run(store_url, "reset", "an", stdin="mat-khau-moi-99\n").returncode == 0
    assert run(store_url, "role", "an", "checkin").returncode == 0 and accounts.get("an").role == "checkin"
    assert accounts.get("an").generation == before + 4  # each change ends the sessions
    assert accounts.authenticate("an", "mat-khau-moi-99", "cli-test")[0].ok
    actions = [row["action"] for row in json.loads(run(store_url, "log", "--json").stdout)]
    assert actions[:4] == ["account_role", "account_password", "account_enable", "account_disable"]


def test_refusals_exit_1_with_the_reason_and_change_nothing(store_url):
    short = run(store_url, "add", "lan", "--role", "committee", stdin="ngan\n")
    assert short.returncode == 1 and "ít nhất 8 ký tự" in short.stderr
    assert run(store_url, "disable", "ai-do").returncode == 1
    assert json.loads(run(store_url, "list", "--json").stdout) == []


def test_setup_link_only_before_the_first_account(store_url):
    link = run(store_url, "setup-link", "--base", "http://192.168.1.20:8501")
    assert link.returncode == 0 and link.stdout.startswith("http://192.168.1.20:8501/?setup=")
    token = link.stdout.strip().split("setup=")[1]
    Accounts(store_url).redeem_setup(token, "lan", PASSWORD)
    assert run(store_url, "setup-link").returncode == 1
