"""unionboard.ui.auth in a minimal AppTest script: secrets handling, the sign-in form, throttle, sign-out."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from unionboard.publish import publish_files
from unionboard.store.auth import hash_password

PASSWORD = "mat-khau-thu-nghiem"


def script():
    import streamlit as st

    from unionboard.ui.auth import (
        committee_secrets,
        is_committee,
        oidc_configured,
        require_committee,
        sidebar_status,
    )

    st.text(f"secrets={committee_secrets() is not None} oidc={oidc_configured()}")
    allowed = require_committee("vi")
    st.text(f"allowed={allowed} committee={is_committee()}")
    sidebar_status("vi")


@pytest.fixture
def env(home, monkeypatch):
    """The shared isolated home (tests/helpers.py); the test sets its own settings through `env`."""
    return monkeypatch


def run(secrets: dict | None = None) -> AppTest:
    at = AppTest.from_function(script, default_timeout=30)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    return "\n".join([x.value for x in at.text] + [x.value for x in at.info] + [x.value for x in at.warning]
                     + [x.value for x in at.error] + [x.value for x in at.caption] + [x.value for x in at.code])


def submit(at: AppTest, password: str) -> AppTest:
    at.text_input(key="_committee_password").input(password)
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    return at


def test_without_any_password_explains_and_has_no_open_default(env):
    at = run()
    text = shown(at)
    assert "secrets=False oidc=False" in text
    assert "allowed=False committee=False" in text
    assert "UNIONBOARD_COMMITTEE_PASSWORD_HASH" in text and "python -m unionboard hash-password" in text
    assert not at.text_input and not at.button


def test_env_password_sign_in_keeps_only_a_flag(env):
    env.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    at = run()
    assert "allowed=False" in shown(at)
    at.text_input(key="_committee_user").input("Anh Minh")
    submit(at, PASSWORD)
    assert "allowed=True committee=True" in shown(at)
    assert "Đã đăng nhập: Anh Minh" in shown(at)
    assert PASSWORD not in repr(at.session_state)
    at.button(key="committee_sign_out").click()
    at.run()
    assert "allowed=False committee=False" in shown(at)


def test_password_hash_from_secrets_committee_section(env):
    at = run({"committee": {"password_hash": hash_password(PASSWORD)}})
    assert "secrets=True" in shown(at)
    submit(at, PASSWORD)
    assert "allowed=True" in shown(at)


def test_wrong_password_then_throttled(env):
    env.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    at = run()
    submit(at, "sai")
    assert "Sai mật khẩu. Hãy đợi 1 giây" in shown(at)
    submit(at, PASSWORD)  # within the wait: refused even with the right password
    assert "Đã nhập sai nhiều lần" in shown(at)
    assert "allowed=False" in shown(at)


def test_oidc_section_shows_the_login_button(env):
    at = run({"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                       "client_id": "id", "client_secret": "secret",
                       "server_metadata_url": "https://example.invalid/.well-known/openid-configuration"}})
    assert "oidc=True" in shown(at)
    assert [b.key for b in at.button] == ["committee_oidc"]
    assert "allowed=False committee=False" in shown(at)  # not logged in with the provider


# --------------------------------------------------------------------------- named accounts and roles

from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402

from unionboard.core.models import SourceFile  # noqa: E402
from unionboard.sample.report import sample_paths  # noqa: E402
from unionboard.store.accounts import Accounts  # noqa: E402
from unionboard.store.congress import CongressStore  # noqa: E402

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ROLE_PASSWORD = "mat-khau-vai-tro-9"
ROLES_AND_NOBODY = (None, "viewer", "counter", "checkin", "committee")
NAMED = "Nguyễn Văn An"  # in the published roster


@pytest.fixture
def union(env):
    """The report's workbooks published, one election (no. 1) and one account per role (counter: election 1)."""
    from unionboard.store.versions import open_store

    st.cache_data.clear()
    assert publish_files(open_store(), [SourceFile(p.name, p.read_bytes()) for p in sample_paths()], by="test").ok
    election = CongressStore().create_election("Ban Chấp hành khóa V", 1, ["An", "Bình"], 3, by="test")
    accounts = Accounts()
    for role in ("viewer", "counter", "checkin", "committee"):
        accounts.add(role, ROLE_PASSWORD, role, display_name=f"Người {role}",
                     elections=[election.id] if role == "counter" else [])
    yield accounts
    st.cache_data.clear()


def page_as(role: str | None, path: str, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if role is not None:
        account = Accounts().get(role)
        at.session_state["_ub_session"] = {"account_id": account.id, "generation": str(account.generation)}
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def submit_form(at: AppTest, form: str) -> AppTest:
    next(b for b in at.get("form_submit_button") if b.proto.form_id == form).click()
    return at.run()


def everything(at: AppTest) -> str:
    """Every text and every table cell on the page."""
    parts = [str(e.value) for kind in ("markdown", "caption", "info", "warning", "error", "success", "text")
             for e in at.get(kind)]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    parts += [b.proto.label for b in at.get("download_button")]
    return "\n".join(parts)


@pytest.mark.parametrize("role", ROLES_AND_NOBODY)
def test_every_role_against_every_page(union, role):
    """What each role sees of named data and which write controls it gets, page by page."""
    committee, checkin, counter = role == "committee", role in ("committee", "checkin"), role in ("committee", "counter")
    members = page_as(role, "app_pages/members.py")
    assert (NAMED in everything(members)) is committee  # the named roster (birth dates, party)
    assert members.get("plotly_chart")  # the aggregate charts: for everyone
    data = page_as(role, "app_pages/data.py")
    keys = {b.key for b in data.get("download_button")}
    assert ("data_current_xlsx" in keys) is committee and ("data_current_ods" in keys) is committee
    assert any(k.startswith("data_original_") for k in keys) is committee  # the history's downloads
    assert bool(data.file_uploader) is committee
    congress = page_as(role, "app_pages/congress.py", congress_search="nguyen van an")
    assert (NAMED in everything(congress)) is checkin  # attendance of named people
    assert any(b.key.startswith("ci_present_") for b in congress.button if b.key) is checkin
    election = page_as(role, "app_pages/election.py")
    assert any(f.key == "ballot_1" for f in election.get("form")) is counter
    assert "Bình" in everything(election)  # the candidates and the count are open
    accounts = page_as(role, "app_pages/accounts.py")
    assert ("viewer" in [str(x) for x in accounts.dataframe[0].value.iloc[:, 0]] if accounts.dataframe
            else False) is committee
    for path in ("overview", "finance", "targets_awards", "hall", "slides", "plan"):
        page_as(role, f"app_pages/{path}.py")  # every other page runs for every role


def test_the_option_opens_the_roster_to_signed_in_delegates_only(union, env):
    env.setenv("UNIONBOARD_ROSTER_FOR_SIGNED_IN", "1")
    assert NAMED in everything(page_as("viewer", "app_pages/members.py"))
    assert NAMED not in everything(page_as(None, "app_pages/members.py"))
    assert "data_original_1_0" not in {b.key for b in page_as("viewer", "app_pages/data.py").get("download_button")}


def test_a_counter_enters_ballots_only_for_its_election(union):
    other = CongressStore().create_election("Kiểm tra khóa V", 1, ["Chi", "Dung"], 3, by="test")
    at = page_as("counter", "app_pages/election.py", election_pick=other.id)
    assert not any(f.key == f"ballot_{other.id}" for f in at.get("form"))
    at = page_as("counter", "app_pages/election.py", election_pick=1)
    at.checkbox(key="ballot_cross_1_0").check()
    submit_form(at, "ballot_1")
    (entry,) = CongressStore().entries(1)
    assert entry.by == "Người counter (counter)"  # the account is recorded, not a typed name


def test_a_role_change_ends_the_session_before_the_write(union):
    at = page_as("counter", "app_pages/election.py", election_pick=1)
    union.set_role("counter", "viewer", by="bch")  # meanwhile the committee changes the role
    at.checkbox(key="ballot_cross_1_0").check()
    submit_form(at, "ballot_1")
    assert CongressStore().entries(1) == ()  # refused: the write re-checks the session
    assert not any(f.key == "ballot_1" for f in at.get("form"))


def test_checkin_staff_mark_attendance_as_their_account(union):
    at = page_as("checkin", "app_pages/congress.py", congress_search="nguyen van an")
    key = next(b.key for b in at.button if b.key and b.key.startswith("ci_present_"))
    at.button(key=key).click().run()
    (mark,) = CongressStore().marks()
    assert mark.by == "Người checkin (checkin)"


def test_named_sign_in_and_session_end_on_password_change(union):
    at = page_as(None, "app_pages/data.py")
    at.text_input(key="_committee_login").input("committee")
    at.text_input(key="_committee_password").input(ROLE_PASSWORD)
    at.get("form_submit_button")[0].click()
    at.run()
    assert at.file_uploader and "Đã đăng nhập: Người committee \\(committee\\)" in everything(at)
    assert ROLE_PASSWORD not in repr(at.session_state)
    union.set_password("committee", "mat-khau-moi-dai-9", by="cli")
    at.run()  # the next action of the open session
    assert not at.file_uploader and "Phiên đăng nhập đã kết thúc" in everything(at)


def test_wrong_named_password_says_so_and_waits(union):
    at = page_as(None, "app_pages/data.py")
    at.text_input(key="_committee_login").input("committee")
    at.text_input(key="_committee_password").input("sai-mat-khau")
    at.get("form_submit_button")[0].click()
    at.run()
    assert "Sai tên đăng nhập hoặc mật khẩu" in everything(at) and not at.file_uploader


def test_downloads_of_named_data_are_logged(union):
    at = page_as("committee", "app_pages/data.py")
    at.download_button(key="data_current_xlsx").click().run()
    assert not at.exception
    log = union.access_log()
    assert any(r["action"] == "download" and "du-lieu-hien-hanh.xlsx" in r["what"]
               and r["account"] == "Người committee (committee)" for r in log), log


def test_the_committee_manages_accounts_in_the_app(union):
    at = page_as("committee", "app_pages/accounts.py")
    at.text_input(key="acct_new_user").input("hung")
    at.text_input(key="acct_new_name").input("Anh Hùng")
    at.selectbox(key="acct_new_role").set_value("checkin")
    at.text_input(key="acct_new_password").input("mat-khau-hung-9")
    at.get("form_submit_button")[0].click()
    at.run()
    hung = union.get("hung")
    assert hung is not None and hung.role == "checkin"
    at.selectbox(key="acct_pick").set_value("hung").run()
    at.button(key="acct_toggle").click().run()
    assert union.get("hung").disabled
    at.selectbox(key="acct_pick").set_value("committee").run()
    at.button(key="acct_toggle").click().run()  # disabling oneself is refused
    assert not union.get("committee").disabled and "Không thể tự khoá" in everything(at)
    assert "mat-khau-hung-9" not in repr(at.session_state) and "scrypt" not in everything(at)


def test_setup_link_makes_the_first_account(env):
    accounts = Accounts()
    token = accounts.create_setup_token()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["setup"] = token
    at.run()
    at.text_input(key="_setup_user").input("lan")
    at.text_input(key="_setup_name").input("Chị Lan")
    at.text_input(key="_setup_password").input("mat-khau-lan-99")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    assert accounts.get("lan").role == "committee" and "Đã tạo tài khoản lan" in everything(at)


def test_the_absent_are_counted_for_everyone_and_named_for_allowed_roles(union):
    from unionboard.analysis.congress import convened
    from unionboard.ui.data import build_view, current_source

    people = convened(build_view("vi", current_source(), None).result.dataset)
    absent = people[1]
    CongressStore().mark(absent.key, absent.name, "absent", by="test", reason="Ốm nằm viện")
    for role in (None, "viewer", "counter", "checkin", "committee"):
        text = everything(page_as(role, "app_pages/congress.py"))
        named = role in ("checkin", "committee")
        assert ("Ốm nằm viện" in text) is named and (absent.name in text) is named, role
        assert named or ("Vắng mặt 1 đồng chí" in text and "chỉ hiện cho Ban chấp hành" in text)


def test_the_first_start_prints_a_one_time_setup_link(env, capfd):
    from unionboard.ui import auth as ui_auth

    ui_auth._SETUP_PRINTED.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    logged = capfd.readouterr().err
    assert "chưa có tài khoản nào" in logged and "?setup=" in logged
    token = logged.split("?setup=")[1].split()[0]
    assert Accounts().redeem_setup(token, "lan", "mat-khau-lan-99").role == "committee"
    assert "python -m unionboard users add" not in repr(at.session_state)
