"""The province's web through its real routes (in-process): security headers and cookies,
login with CSRF, lock-out and rate limit, roles and communes, the overview and a commune's
dossiers read from the hub's dossier view, and a dossier's timeline."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from sync.protocol import API_PREFIX
from sync.server.throttle import SlidingWindow
from sync.server.web import accounts
from tests.sync.samples import VN, received_event
from tests.sync.web_support import NOW, PASSWORD, form_token, log_in, make_web


@pytest.fixture
def web(hub_engine):
    web, client = make_web(hub_engine)
    with client:
        yield web, client


def test_pages_carry_security_headers_and_the_session_cookie_is_httponly_samesite(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    page = client.get("/dang-nhap")
    assert page.status_code == 200
    assert "Đăng nhập" in page.text and '<html lang="vi">' in page.text
    csp = page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert "script-src" not in csp  # no script at all
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    assert client.get("/static/hub.css").status_code == 200

    response = log_in(client, "ql")
    assert response.status_code == 303 and response.headers["location"] == "/tong-quan"
    cookie = response.headers["set-cookie"]
    assert "hub_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback, no setting


def test_cookies_are_secure_when_the_setting_says_the_hub_is_behind_tls(hub_engine):
    site, client = make_web(hub_engine, secure_cookies=True)
    with client:
        site.user("ql", accounts.ADMIN)
        assert "Secure" in log_in(client, "ql").headers["set-cookie"]


def test_a_login_form_without_its_csrf_token_is_refused(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    client.get("/dang-nhap")
    response = client.post("/dang-nhap", data={"csrf": "forged-token-forged-token",
                                               "username": "ql", "password": PASSWORD})
    assert response.status_code == 403
    assert "hub_session" not in response.headers.get("set-cookie", "")


def test_pages_need_a_session_and_send_to_the_login_then_back(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    response = client.get("/xa/1?overdue=1")
    assert response.status_code == 303
    assert response.headers["location"] == "/dang-nhap?next=/xa/1%3Foverdue%3D1"
    assert log_in(client, "ql", next_="/xa/1?overdue=1").headers["location"] == "/xa/1?overdue=1"
    # Never a redirect to another site.
    assert log_in(client, "ql", next_="//evil.example/").headers["location"] == "/tong-quan"


def test_wrong_passwords_lock_the_account_then_it_opens_again(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    for _ in range(accounts.MAX_FAILURES):
        response = log_in(client, "ql", "sai-mật-khẩu-rồi")
        assert response.status_code == 401
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.text
    locked = log_in(client, "ql")  # the right password, but locked
    assert locked.status_code == 401 and "tạm khoá" in locked.text
    site.clock.step(timedelta(minutes=accounts.LOCK_MINUTES, seconds=1))
    assert log_in(client, "ql").status_code == 303


def test_a_right_password_resets_the_count_of_failures(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    for _ in range(accounts.MAX_FAILURES - 1):
        log_in(client, "ql", "sai-mật-khẩu-rồi")
    assert log_in(client, "ql").status_code == 303
    assert log_in(client, "ql", "sai-mật-khẩu-rồi").status_code == 401
    assert log_in(client, "ql").status_code == 303


def test_an_unknown_name_and_a_disabled_account_are_refused_like_a_wrong_password(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    accounts.disable_user(site.engine, "ql")
    for username in ("ql", "khong-co"):
        response = log_in(client, username)
        assert response.status_code == 401
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.text


def test_too_many_logins_from_one_address_get_429(hub_engine):
    site, client = make_web(hub_engine)
    site.settings.login_limiter = SlidingWindow(3, 60, clock=site.clock.monotonic)
    with client:
        site.user("ql", accounts.ADMIN)
        for _ in range(3):
            assert log_in(client, "ql", "sai-mật-khẩu-rồi").status_code == 401
        refused = log_in(client, "ql")
        assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
        site.clock.step(timedelta(seconds=61))
        assert log_in(client, "ql").status_code == 303


def test_logout_needs_the_session_csrf_token_and_ends_the_session(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    log_in(client, "ql")
    token = client.cookies["hub_session"]
    page = client.get("/tong-quan")
    client.post("/dang-xuat", data={"csrf": "not-the-token"})
    # The forged form only dropped this browser's cookie; the session itself lives on.
    client.cookies.set("hub_session", token)
    assert client.get("/tong-quan").status_code == 200
    client.post("/dang-xuat", data={"csrf": form_token(page.text)})
    client.cookies.set("hub_session", token)
    assert client.get("/tong-quan").status_code == 303


def test_a_disabled_account_or_a_new_password_ends_open_sessions(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    log_in(client, "ql")
    assert client.get("/tong-quan").status_code == 200
    accounts.set_password(site.engine, "ql", "một-mật-khẩu-mới-khác")
    assert client.get("/tong-quan").status_code == 303
    log_in(client, "ql", "một-mật-khẩu-mới-khác")
    accounts.disable_user(site.engine, "ql")
    assert client.get("/tong-quan").status_code == 303


def test_a_session_ends_after_its_hours(web):
    site, client = web
    site.user("ql", accounts.ADMIN)
    log_in(client, "ql")
    site.clock.step(timedelta(hours=accounts.SESSION_HOURS, seconds=1))
    assert client.get("/tong-quan").status_code == 303


# --- roles and communes -------------------------------------------------------------------------


@pytest.fixture
def two_communes(web, hub_admin):
    """Commune A with a dossier, commune B with one; a leader of A, a province viewer."""
    site, client = web
    a, b = hub_admin.commune("Xã Hoà Bình"), hub_admin.commune("Phường Đông Ba")
    device_a, device_b = hub_admin.enroll(a), hub_admin.enroll(b)
    dossier_a = site.dossier(client, device_a, "000.01.22.H56-261204-1001",
                             received=NOW - timedelta(hours=1))
    dossier_b = site.dossier(client, device_b, "000.02.22.H56-261204-1001",
                             received=NOW - timedelta(hours=1))
    site.user("lanhdao-a", accounts.LEADER, a)
    site.user("tinh", accounts.VIEWER)
    return site, client, a, b, dossier_a, dossier_b


def test_a_commune_leader_never_sees_another_communes_pages(two_communes):
    site, client, a, b, dossier_a, dossier_b = two_communes
    log_in(client, "lanhdao-a")
    assert client.get(f"/xa/{a}").status_code == 200
    assert client.get(f"/xa/{a}/ho-so/{dossier_a['dossier_uuid']}").status_code == 200
    other = client.get(f"/xa/{b}")
    assert other.status_code == 403 and "000.02.22.H56" not in other.text
    assert client.get(f"/xa/{b}/ho-so/{dossier_b['dossier_uuid']}").status_code == 403
    # B's dossier under A's address: not there.
    sneaky = client.get(f"/xa/{a}/ho-so/{dossier_b['dossier_uuid']}")
    assert sneaky.status_code == 404 and "000.02.22.H56" not in sneaky.text
    overview = client.get("/tong-quan").text
    assert "Xã Hoà Bình" in overview and "Phường Đông Ba" not in overview
    assert client.get(f"/xa/{b}?state=open&overdue=1&page=2").status_code == 403


def test_the_web_session_opens_nothing_of_the_devices_api(two_communes):
    site, client, a, b, *_ = two_communes
    log_in(client, "lanhdao-a")
    for path in ("/changes", "/device"):
        assert client.get(f"{API_PREFIX}{path}").status_code == 401


def test_province_staff_see_every_commune(two_communes):
    site, client, a, b, dossier_a, dossier_b = two_communes
    log_in(client, "tinh")
    overview = client.get("/tong-quan").text
    assert "Xã Hoà Bình" in overview and "Phường Đông Ba" in overview
    assert "000.02.22.H56-261204-1001" in client.get(f"/xa/{b}").text
    assert client.get(f"/xa/{b}/ho-so/{dossier_b['dossier_uuid']}").status_code == 200
    assert client.get("/xa/999").status_code == 404


# --- what the pages show ------------------------------------------------------------------------


def _overview_row(html: str, name: str) -> list[int]:
    row = re.search(rf">{re.escape(name)}</a></td>(.*?)</tr>", html, re.S).group(1)
    return [int(n) for n in re.findall(r">(\d+)<", row)]


def test_the_overview_counts_today_per_commune_and_sorts(web, hub_admin):
    site, client = web
    a, b = hub_admin.commune("Xã Hoà Bình"), hub_admin.commune("Phường Đông Ba")
    device_a, device_b = hub_admin.enroll(a), hub_admin.enroll(b)
    yesterday, today = NOW - timedelta(days=1), NOW - timedelta(hours=2)
    code = "000.01.22.H56-261204-1{:03d}".format
    # Commune A: 2 received today, one of them due this afternoon; one overdue from before;
    # one ready to return; one received late yesterday and returned just after midnight.
    site.dossier(client, device_a, code(1), received=today)
    site.dossier(client, device_a, code(2), received=today, due_in=timedelta(hours=6))
    site.dossier(client, device_a, code(3), received=yesterday - timedelta(days=5))
    site.dossier(client, device_a, code(4), received=yesterday,
                 then=(("handed_over", 4), ("result_ready", 9)))
    site.dossier(client, device_a, code(5), received=NOW - timedelta(hours=11),
                 then=(("handed_over", 4), ("result_ready", 9), ("returned", 10)),
                 due_in=timedelta(hours=30))
    # Commune B: two overdue in processing.
    site.dossier(client, device_b, "000.02.22.H56-261130-1001",
                 received=NOW - timedelta(days=4), then=(("handed_over", 4),))
    site.dossier(client, device_b, "000.02.22.H56-261130-1002",
                 received=NOW - timedelta(days=4), then=(("handed_over", 4),))
    site.user("tinh", accounts.VIEWER)
    log_in(client, "tinh")

    html = client.get("/tong-quan").text
    assert "Tổng quan hôm nay, 04/12/2026" in html
    # received, due today, overdue, ready, returned
    assert _overview_row(html, "Xã Hoà Bình") == [2, 1, 1, 1, 1]
    assert _overview_row(html, "Phường Đông Ba") == [0, 0, 2, 0, 0]
    by_name = client.get("/tong-quan?sort=name").text
    assert by_name.index("Phường Đông Ba") < by_name.index("Xã Hoà Bình")
    most_overdue = client.get("/tong-quan?sort=overdue&desc=1").text
    assert most_overdue.index("Phường Đông Ba") < most_overdue.index("Xã Hoà Bình")
    least_overdue = client.get("/tong-quan?sort=overdue&desc=0").text
    assert least_overdue.index("Xã Hoà Bình") < least_overdue.index("Phường Đông Ba")
    assert client.get("/tong-quan?sort=nonsense&desc=abc").status_code == 200


def test_a_communes_list_filters_by_state_procedure_period_and_overdue(web, hub_admin):
    site, client = web
    a = hub_admin.commune("Xã Hoà Bình")
    device = hub_admin.enroll(a)
    code = "000.01.22.H56-261204-1{:03d}".format
    site.dossier(client, device, code(1), received=NOW - timedelta(hours=1))
    site.dossier(client, device, code(2), received=NOW - timedelta(days=10),
                 then=(("handed_over", 4),))
    site.dossier(client, device, code(3), received=NOW - timedelta(days=40),
                 then=(("handed_over", 4), ("result_ready", 9), ("returned", 10)))
    site.user("tinh", accounts.VIEWER)
    log_in(client, "tinh")

    def codes(query: str = "") -> set[str]:
        response = client.get(f"/xa/{a}{query}")
        assert response.status_code == 200
        return set(re.findall(r"000\.01\.22\.H56-261204-1\d{3}", response.text))

    assert codes() == {code(1), code(2), code(3)}
    assert codes("?state=open") == {code(1), code(2)}
    assert codes("?state=10") == {code(3)}
    assert codes("?period=7") == {code(1)}
    assert codes("?period=30") == {code(1), code(2)}
    assert codes("?overdue=1") == {code(2)}
    assert codes("?procedure=1.004194") == {code(1), code(2), code(3)}
    assert codes("?procedure=9.999999") == set()
    # Nonsense in the query string is ignored, never an error page.
    assert codes("?state=abc&period=-1&page=-5") == {code(1), code(2), code(3)}
    assert codes("?page=abc&overdue=yes") == {code(1), code(2), code(3)}
    assert "Đăng ký tạm trú" in client.get(f"/xa/{a}").text


def test_a_dossiers_timeline_has_every_device_and_the_province_in_order(web, hub_admin):
    site, client = web
    a = hub_admin.commune("Xã Hoà Bình")
    counter_1 = hub_admin.enroll(a, "Quầy 1")
    counter_2 = hub_admin.enroll(a, "Quầy 2")
    first = site.dossier(client, counter_1, "000.01.22.H56-261204-1001",
                         received=NOW - timedelta(hours=3), then=(("handed_over", 4),))
    hub_admin.province_event("000.01.22.H56-261204-1001", "result_ready", "Đã ký kết quả")
    # The province stamps its event with the real time: the return comes a minute after it.
    returned = {**first, "uuid": "5b0b8f3e-0a57-4c35-9d1c-6f5e2f0c0a11", "kind": "returned",
                "status": 10, "payload": {}, "clerk": "Lê Văn Tâm", "device_seq": 1,
                "device_time": (datetime.now(VN) + timedelta(minutes=1)).isoformat()}
    site.push(client, counter_2, returned)
    site.user("tinh", accounts.VIEWER)
    log_in(client, "tinh")

    html = client.get(f"/xa/{a}/ho-so/{first['dossier_uuid']}").text
    timeline = html[html.index('id="timeline"'):]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>.*?</td><td>(.*?)</td>"
                      r"<td>(.*?)</td><td>(.*?)</td></tr>", timeline)
    assert [(kind, source) for _when, kind, _clerk, source, _note in rows] == [
        ("Tiếp nhận", "Quầy 1"), ("Chuyển xử lý", "Quầy 1"), ("Có kết quả", "Tỉnh"),
        ("Trả kết quả", "Quầy 2")]
    assert rows[2][4] == "Đã ký kết quả" and rows[3][2] == "Lê Văn Tâm"
    assert rows[0][0] == "07:00 04/12/2026"
    assert '<dd id="state">Đã trả kết quả' in html


def test_the_procedure_filter_offers_the_communes_procedures_under_their_newest_names(
        web, hub_admin):
    site, client = web
    a, b = hub_admin.commune("Xã Hoà Bình"), hub_admin.commune("Phường Đông Ba")
    device_a, device_b = hub_admin.enroll(a), hub_admin.enroll(b)

    def received(device, code: str, days_ago: int, procedure: str, name: str) -> None:
        event = received_event(code=code, seq=days_ago, at=NOW - timedelta(days=days_ago))
        event["payload"]["procedure"].update(code=procedure, name=name)
        site.push(client, device, event)

    # The catalogue renamed 1.004194 since its first dossier here (the old name sorts last).
    received(device_a, "000.01.22.H56-261104-1001", 30, "1.004194", "Đăng ký tạm trú (mẫu cũ)")
    received(device_a, "000.01.22.H56-261203-1001", 1, "1.004194", "Đăng ký tạm trú")
    received(device_a, "000.01.22.H56-261124-1001", 10, "2.000815", "Chứng thực bản sao")
    received(device_b, "000.02.22.H56-261203-1001", 1, "1.001193", "Đăng ký khai sinh")
    site.user("tinh", accounts.VIEWER)
    log_in(client, "tinh")

    page = client.get(f"/xa/{a}").text
    choices = page[page.index('id="procedure"'):page.index("</select>", page.index(
        'id="procedure"'))]
    assert re.findall(r'<option value="([^"]+)">([^<]*)</option>', choices) == [
        ("1.004194", "Đăng ký tạm trú"), ("2.000815", "Chứng thực bản sao")]


def test_a_document_digitised_later_is_named_in_the_timeline(web, hub_admin):
    site, client = web
    a = hub_admin.commune("Xã Hoà Bình")
    counter = hub_admin.enroll(a, "Quầy 1")
    first = site.dossier(client, counter, "000.01.22.H56-261204-1001",
                         received=NOW - timedelta(hours=3), then=(("document_digitised", 2),))
    site.user("tinh", accounts.VIEWER)
    log_in(client, "tinh")
    html = client.get(f"/xa/{a}/ho-so/{first['dossier_uuid']}").text
    timeline = html[html.index('id="timeline"'):]
    assert re.findall(r"<tr><td>.*?</td><td>(.*?)</td>", timeline) == [
        "Tiếp nhận", "Số hóa giấy tờ"]
