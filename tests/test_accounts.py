"""unionboard.store.accounts on SQLite and PostgreSQL: roles, passwords, sessions, setup link, throttling."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from unionboard.store.accounts import (
    ACCOUNT_FREE_FAILURES,
    CAPABILITIES,
    ROLES,
    AccountError,
    Accounts,
    accounts_table,
    may,
)
from unionboard.store.auth import Throttle, verify_password
from unionboard.store.versions import open_store

PASSWORD = "mat-khau-dai-du-8"


@pytest.fixture
def accts(store_url):
    return Accounts(store_url)


def test_add_list_and_never_show_a_hash(accts):
    lan = accts.add("Lan", PASSWORD, "committee", display_name="Chị Lan", by="setup")
    assert (lan.username, lan.role, lan.label, lan.disabled) == ("lan", "committee", "Chị Lan (lan)", False)
    assert [a.username for a in accts.list()] == ["lan"]
    shown = repr(accts.list()) + repr(lan.to_dict()) + repr(accts.access_log())
    assert "scrypt" not in shown and PASSWORD not in shown
    with accts.store.read() as conn:  # stored only as a salted scrypt hash
        stored = conn.execute(select(accounts_table.c.password_hash)).scalar_one()
    assert stored.startswith("scrypt$") and verify_password(PASSWORD, stored)
    assert accts.access_log()[0]["action"] == "account_add" and accts.access_log()[0]["account"] == "setup"


@pytest.mark.parametrize(("username", "password", "role", "code"), [
    ("lan", "ngan", "committee", "acct.err_short"),
    ("x", PASSWORD, "committee", "acct.err_username"),
    ("lan lan", PASSWORD, "committee", "acct.err_username"),
    ("lan", PASSWORD, "admin", "acct.err_role"),
])
def test_bad_accounts_are_refused_and_nothing_is_stored(accts, username, password, role, code):
    with pytest.raises(AccountError) as exc:
        accts.add(username, password, role)
    assert exc.value.code == code and accts.count() == 0


def test_a_name_is_taken_once(accts):
    accts.add("lan", PASSWORD, "committee")
    with pytest.raises(AccountError) as exc:
        accts.add("LAN", PASSWORD, "viewer")
    assert exc.value.code == "acct.err_exists" and accts.count() == 1


def test_every_change_of_password_role_or_state_ends_the_sessions(accts):
    lan = accts.add("lan", PASSWORD, "counter")
    assert accts.still_valid(lan.id, lan.generation) == lan
    changes = [lambda: accts.set_password("lan", "mat-khau-moi-9", "bch"),
               lambda: accts.set_role("lan", "checkin", "bch"),
               lambda: accts.set_disabled("lan", True, "bch")]
    generation = lan.generation
    for change in changes:
        after = change()
        assert after.generation == generation + 1
        assert accts.still_valid(lan.id, generation) is None  # the old session ends at its next action
        generation = after.generation
    assert accts.still_valid(lan.id, generation) is None  # disabled: no session at all
    enabled = accts.set_disabled("lan", False, "bch")
    assert accts.still_valid(lan.id, enabled.generation) == enabled
    assigned = accts.set_elections("lan", [3, 1], "bch")
    assert assigned.elections == (1, 3) and assigned.generation == enabled.generation  # sessions go on


def test_authenticate_right_wrong_disabled(accts):
    accts.add("lan", PASSWORD, "committee")
    throttle = Throttle(accts.store)
    ok, account = accts.authenticate("LAN ", PASSWORD, "10.0.0.1", throttle)
    assert ok.ok and account.username == "lan"
    wrong, none = accts.authenticate("lan", "sai-mat-khau", "10.0.0.2", throttle)
    assert (wrong.ok, wrong.reason, none) == (False, "wrong", None) and wrong.wait_seconds == 1
    accts.set_disabled("lan", True)
    refused, _ = accts.authenticate("lan", PASSWORD, "10.0.0.3", throttle)
    assert not refused.ok  # a disabled account cannot sign in even with its password
    unknown, _ = accts.authenticate("ai-do", PASSWORD, "10.0.0.4", throttle)
    assert unknown.reason == "wrong"


def test_one_persons_guesses_do_not_lock_the_others_out(accts):
    accts.add("lan", PASSWORD, "committee")
    accts.add("hung", PASSWORD, "committee")
    throttle = Throttle(accts.store)
    for _ in range(3):
        accts.authenticate("lan", "sai", "10.0.0.66", throttle)
        time.sleep(0)
    # another member, from another device, signs in at once: no global counter
    assert all(accts.authenticate("hung", PASSWORD, f"10.0.1.{i}", throttle)[0].ok for i in range(21))
    # lan herself, from her own device, is not locked out by three guesses on her name either
    assert accts.authenticate("lan", PASSWORD, "10.0.0.7", throttle)[0].ok


def _parallel(n: int, attempt) -> list:
    barrier, results, lock = threading.Barrier(n), [], threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        result = attempt(i)
        with lock:
            results.append(result)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def test_parallel_wrong_guesses_from_one_client_cannot_slip_past(accts):
    accts.add("lan", PASSWORD, "committee")
    results = _parallel(16, lambda i: accts.authenticate("lan", f"sai-{i}", "10.9.9.9")[0])
    checked = [r for r in results if r.reason == "wrong"]
    assert len(results) == 16 and len(checked) == 1  # one guess checked; 15 refused without a check
    assert all(r.reason == "throttled" and r.wait_seconds > 0 for r in results if r not in checked)


def test_parallel_guesses_on_one_account_from_many_clients_are_bounded(accts):
    accts.add("lan", PASSWORD, "committee")
    results = _parallel(16, lambda i: accts.authenticate("lan", f"sai-{i}", f"10.8.0.{i}")[0])
    checked = [r for r in results if r.reason == "wrong"]
    # at most the account's free failures (+ the one that starts its wait) are checked, however parallel
    assert len(results) == 16 and 1 <= len(checked) <= ACCOUNT_FREE_FAILURES + 1
    assert all(r.reason == "throttled" for r in results if r not in checked)


def test_tokens_survive_until_sign_out_expiry_or_tampering(accts):
    lan = accts.add("lan", PASSWORD, "committee")
    token = accts.issue_token(lan.id, lan.generation)
    assert accts.read_token(token) == (lan.id, str(lan.generation))
    assert Accounts(store=open_store(accts.store.url)).read_token(token) is not None  # shared by app instances
    parts = token.split(".")
    forged = ".".join([*parts[:2], "999", *parts[3:]])
    assert accts.read_token(forged) is None  # the signature covers the account
    assert accts.read_token(token[:-2] + "AA") is None
    accts.revoke_token(token)
    assert accts.read_token(token) is None  # signed out: a copied token stops working
    expired = accts.issue_token(lan.id, lan.generation, seconds=-1)
    assert accts.read_token(expired) is None
    assert accts.read_token("") is None and accts.read_token("a.b.c") is None


def test_setup_link_works_once_and_only_before_any_account(accts):
    token = accts.create_setup_token()
    with pytest.raises(AccountError):
        accts.redeem_setup("doan-sai", "lan", PASSWORD)
    with pytest.raises(AccountError):
        accts.redeem_setup(token, "lan", "ngan")  # short password: the link is not used up
    lan = accts.redeem_setup(token, "lan", PASSWORD, "Chị Lan")
    assert lan.role == "committee" and accts.count() == 1
    with pytest.raises(AccountError) as exc:
        accts.redeem_setup(token, "hung", PASSWORD)
    assert exc.value.code == "acct.err_setup_used" and accts.count() == 1
    assert accts.create_setup_token() is None


def test_parallel_setup_makes_one_account(accts):
    token = accts.create_setup_token()

    def attempt(i: int):
        try:
            return accts.redeem_setup(token, f"nguoi{i}", PASSWORD)
        except AccountError:
            return None

    made = [a for a in _parallel(6, attempt) if a is not None]
    assert len(made) == 1 and accts.count() == 1


def test_capabilities_of_every_role(monkeypatch):
    monkeypatch.delenv("UNIONBOARD_ROSTER_FOR_SIGNED_IN", raising=False)
    table = {role: {c for c in CAPABILITIES["committee"] if may(role, c)} for role in ROLES}
    assert table["committee"] == set(CAPABILITIES["committee"])
    assert table["counter"] == {"enter_ballots"}
    assert table["checkin"] == {"mark_attendance", "see_attendance"}
    assert table["viewer"] == set()
    assert not any(may(None, c) for c in CAPABILITIES["committee"])  # an unsigned viewer: aggregates only
    monkeypatch.setenv("UNIONBOARD_ROSTER_FOR_SIGNED_IN", "1")
    assert all(may(role, "see_personal") for role in ROLES) and not may(None, "see_personal")
    assert not may("viewer", "download_originals")


def test_counters_enter_ballots_only_for_their_elections(accts):
    an = accts.add("an", PASSWORD, "counter", elections=[2])
    assert may("counter", "enter_ballots", 2, an) and not may("counter", "enter_ballots", 1, an)
    assert may("committee", "enter_ballots", 1)


def test_access_log_records_who_when_what(accts):
    accts.log("Chị Lan (lan)", "download", "data: du-lieu-hien-hanh.xlsx")
    row = accts.access_log()[0]
    assert (row["account"], row["action"], row["what"]) == ("Chị Lan (lan)", "download", "data: du-lieu-hien-hanh.xlsx")
    assert row["at"].endswith("+00:00")
