"""A web account changing its own password through the real routes (in-process): any role may,
only with its current password and the session's CSRF token; the new one follows the policy
and is hashed as every web password is; wrong current passwords count towards the lock-out as
at login; afterwards the account's other sessions are over and this browser goes on."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sync.server.tables import web_users
from sync.server.throttle import SlidingWindow
from sync.server.web import accounts, passwords
from tests.sync.test_web_admin import field_error
from tests.sync.web_support import PASSWORD, form_token, log_in, make_web

NEW_PASSWORD = "mật-khẩu-mới-của-tôi-2"
WRONG = "không-phải-mật-khẩu-này"


@pytest.fixture
def web(hub_engine, hub_admin):
    """A commune leader, logged in."""
    site, client = make_web(hub_engine)
    with client:
        commune = hub_admin.commune("Xã Hoà Bình", "000.01.22.H56")
        site.user("lanhdao", accounts.LEADER, commune, name="Lê Thị Hồng")
        log_in(client, "lanhdao")
        yield site, client


def change(client: TestClient, current: str = PASSWORD, new: str = NEW_PASSWORD,
           again: str | None = None, csrf: str | None = None):
    page = client.get("/mat-khau")
    return client.post("/mat-khau", data={
        "csrf": form_token(page.text) if csrf is None else csrf, "current": current,
        "password": new, "again": new if again is None else again})


def test_every_role_has_the_page_in_vietnamese_and_a_visitor_is_sent_to_log_in(web, hub_admin):
    site, client = web
    page = client.get("/mat-khau")
    assert page.status_code == 200
    for text in ("Đổi mật khẩu", "Mật khẩu hiện tại", "Mật khẩu mới", "Nhập lại mật khẩu mới",
                 "các phiên đăng nhập khác của tài khoản"):
        assert text in page.text
    assert 'href="/mat-khau" id="nav-password"' in client.get("/tong-quan").text
    for username, role in (("quantri", accounts.ADMIN), ("tinh", accounts.VIEWER)):
        site.user(username, role)
        other = TestClient(client.app, follow_redirects=False)
        log_in(other, username)
        assert other.get("/mat-khau").status_code == 200
    visitor = TestClient(client.app, follow_redirects=False)
    for answer in (visitor.get("/mat-khau"),
                   visitor.post("/mat-khau", data={"current": PASSWORD,
                                                   "password": NEW_PASSWORD,
                                                   "again": NEW_PASSWORD})):
        assert answer.status_code == 303
        assert answer.headers["location"] == "/dang-nhap?next=/mat-khau"


def test_the_change_ends_the_accounts_other_sessions_and_this_browser_goes_on(web):
    site, client = web
    elsewhere = TestClient(client.app, follow_redirects=False)
    log_in(elsewhere, "lanhdao")
    site.user("tinh", accounts.VIEWER)
    colleague = TestClient(client.app, follow_redirects=False)
    log_in(colleague, "tinh")
    before = client.cookies["hub_session"]

    answer = change(client)
    assert answer.status_code == 303 and answer.headers["location"] == "/mat-khau?da=1"
    after = client.cookies["hub_session"]
    assert after != before
    done = client.get(answer.headers["location"])
    assert done.status_code == 200
    assert "Đã đổi mật khẩu; các phiên đăng nhập khác của tài khoản đã kết thúc." in done.text
    assert elsewhere.get("/tong-quan").status_code == 303
    # This browser's old cookie is over too: it goes on only in the new session.
    stale = TestClient(client.app, follow_redirects=False)
    stale.cookies.set("hub_session", before)
    assert stale.get("/tong-quan").status_code == 303
    assert client.get("/tong-quan").status_code == 200
    assert colleague.get("/tong-quan").status_code == 200  # another account's session lives on

    assert log_in(elsewhere, "lanhdao").status_code == 401
    assert log_in(elsewhere, "lanhdao", NEW_PASSWORD).status_code == 303


def test_the_new_password_is_hashed_as_every_web_password(web):
    site, client = web
    change(client)
    with site.engine.connect() as connection:
        stored = connection.execute(select(web_users.c.password_hash)
                                    .where(web_users.c.username == "lanhdao")).scalar_one()
    assert stored.startswith(f"scrypt${passwords.COST}${passwords.BLOCK}${passwords.PARALLEL}$")
    assert NEW_PASSWORD not in stored
    assert passwords.verify_password(NEW_PASSWORD, stored)


@pytest.mark.parametrize(("new", "again", "field", "message"), [
    ("ngắn-quá", None, "password", "Mật khẩu cần ít nhất 12 ký tự."),
    ("x" * 129, None, "password", "Mật khẩu dài tối đa 128 ký tự."),
    ("có\tký-tự-điều-khiển", None, "password", "Mật khẩu không được có ký tự điều khiển."),
    (NEW_PASSWORD, "mật-khẩu-mới-của-tôi-3", "again", "Hai lần nhập mật khẩu không giống nhau."),
])
def test_a_new_password_outside_the_policy_changes_nothing(web, new, again, field, message):
    site, client = web
    answer = change(client, new=new, again=again)
    assert answer.status_code == 422
    assert html.unescape(field_error(answer.text, field)) == message
    assert new not in answer.text and PASSWORD not in answer.text  # never typed back
    assert client.get("/tong-quan").status_code == 200  # the session lives on
    other = TestClient(client.app, follow_redirects=False)
    assert log_in(other, "lanhdao").status_code == 303


def test_a_wrong_current_password_changes_nothing_and_counts_towards_the_lock_out(web):
    site, client = web
    other = TestClient(client.app, follow_redirects=False)
    for _ in range(accounts.MAX_FAILURES - 1):
        assert log_in(other, "lanhdao", WRONG).status_code == 401
    wrong = change(client, current=WRONG)
    assert wrong.status_code == 422
    assert field_error(wrong.text, "current") == "Mật khẩu hiện tại không đúng."
    # That was the fifth wrong password in a row: locked, at login and here alike.
    assert "tạm khoá" in log_in(other, "lanhdao").text
    locked = change(client)
    assert locked.status_code == 422 and "tạm khoá" in field_error(locked.text, "current")
    site.clock.step(timedelta(minutes=accounts.LOCK_MINUTES, seconds=1))
    assert log_in(other, "lanhdao").status_code == 303  # the old password still holds


def test_a_right_current_password_resets_the_count_as_a_login_does(web):
    site, client = web
    other = TestClient(client.app, follow_redirects=False)
    for _ in range(accounts.MAX_FAILURES - 1):
        log_in(other, "lanhdao", WRONG)
    # The right current password with a mistyped new one: nothing changes, the count restarts.
    assert change(client, again="gõ-lại-sai-rồi-đấy").status_code == 422
    for _ in range(accounts.MAX_FAILURES - 1):
        log_in(other, "lanhdao", WRONG)
    assert log_in(other, "lanhdao").status_code == 303


def test_a_change_without_the_sessions_csrf_token_is_refused(web):
    site, client = web
    answer = change(client, csrf="forged-token-forged-token")
    assert answer.status_code == 403 and "Trang đã quá hạn" in answer.text
    other = TestClient(client.app, follow_redirects=False)
    assert log_in(other, "lanhdao").status_code == 303
    assert log_in(other, "lanhdao", NEW_PASSWORD).status_code == 401


def test_password_checks_here_share_the_logins_limit_per_address(web):
    site, client = web
    site.settings.login_limiter = SlidingWindow(2, 60, clock=site.clock.monotonic)
    for _ in range(2):
        assert change(client, current=WRONG).status_code == 422
    refused = change(client)
    assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
    assert "thử lại sau 60 giây" in field_error(refused.text, "current")
    site.clock.step(timedelta(seconds=61))
    assert change(client).status_code == 303
