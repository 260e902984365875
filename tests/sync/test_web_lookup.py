"""The citizen's lookup page: from a receipt's link (code and check under the commune's key,
which the counter got at enrolment) or by hand with the last four digits of the applicant's
phone or ID number; nothing personal but the name masked; rate-limited."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sync import protocol
from sync.server.throttle import SlidingWindow
from sync.server.web import lookup
from tests.sync.live_hub import EnrolledDevice
from tests.sync.web_support import NOW, form_token, make_web

CODE = "000.01.22.H56-261204-1001"


def test_names_are_masked_to_initials_and_a_fixed_number_of_stars():
    assert lookup.mask_name("Nguyễn Thị Anh") == "Ng*** T** A**"
    assert lookup.mask_name("Đặng  Ánh") == "Đặ*** Á**"
    assert lookup.mask_name("") == ""


def test_the_check_is_a_short_hmac_of_the_code_under_the_communes_key():
    key = "11" * 32
    check = protocol.lookup_check(key, CODE)
    assert len(check) == protocol.LOOKUP_CHECK_LENGTH
    assert check != protocol.lookup_check("22" * 32, CODE)
    assert check != protocol.lookup_check(key, CODE[:-1] + "2")
    assert protocol.lookup_link("https://dongbo.tinh.gov.vn/", key, CODE) == (
        f"https://dongbo.tinh.gov.vn/tra-cuu/{CODE}?k={check}")


@pytest.fixture
def site(hub_engine, hub_admin):
    """Commune 1 with a counter enrolled over HTTP (so it has the lookup key) and a phone."""
    web, client = make_web(hub_engine, public_url="https://dongbo.tinh.gov.vn")
    with client:
        commune = hub_admin.commune("Xã Hoà Bình")
        lookup.set_contact(hub_engine, commune, "0236 3821 234", "12 Lê Lợi")
        enrolled = client.post(f"{protocol.API_PREFIX}/enroll", json={
            "code": hub_admin.enrollment_code(commune), "device_name": "Quầy 1"}).json()
        yield web, client, enrolled


def _device(enrolled) -> EnrolledDevice:
    return EnrolledDevice(enrolled["device_id"], enrolled["token"], enrolled["commune"]["id"])


def test_enrolment_hands_the_counter_the_public_address_and_its_communes_key(site, hub_admin):
    _web, client, enrolled = site
    assert enrolled["lookup"]["url"] == "https://dongbo.tinh.gov.vn"
    assert len(enrolled["lookup"]["key"]) == 64
    # A second counter of the same commune gets the same key: either may print a receipt.
    again = client.post(f"{protocol.API_PREFIX}/enroll", json={
        "code": hub_admin.enrollment_code(enrolled["commune"]["id"]),
        "device_name": "Quầy 2"}).json()
    assert again["lookup"] == enrolled["lookup"]


def test_the_link_shows_the_state_the_due_time_and_the_name_masked(site):
    web, client, enrolled = site
    web.dossier(client, _device(enrolled), CODE, received=NOW - timedelta(hours=1))
    link = protocol.lookup_link("", enrolled["lookup"]["key"], CODE)
    page = client.get(link)
    assert page.status_code == 200, page.text
    html = page.text
    assert '<dd id="applicant">Đặ*** T** Á**</dd>' in html
    assert '<dd id="state">Được tiếp nhận</dd>' in html
    assert "09:00 07/12/2026" in html
    assert "Bộ phận Một cửa Xã Hoà Bình, 12 Lê Lợi" in html and "0236 3821 234" in html
    assert 'id="late"' not in html
    # Nothing else personal: not the full name, ID number, phone, address or request.
    for secret in ("Đặng Thị Ánh", "025190012345", "0912345678", "thôn Đông", "tạm trú tại"):
        assert secret not in html
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    web.clock.step(timedelta(days=4))
    assert 'id="late"' in client.get(link).text


def test_a_wrong_check_finds_nothing(site):
    web, client, enrolled = site
    web.dossier(client, _device(enrolled), CODE, received=NOW - timedelta(hours=1))
    for path in (f"/tra-cuu/{CODE}?k=0000000000", f"/tra-cuu/{CODE}", "/tra-cuu/abc?k=12",
                 f"/tra-cuu/{CODE}?k=" + "z" * 500):
        page = client.get(path)
        assert page.status_code == 404 and "Đặ***" not in page.text, path


def test_a_printed_code_the_hub_has_not_received_says_when_the_commune_last_synced(site):
    web, client, enrolled = site
    key = enrolled["lookup"]["key"]
    page = client.get(protocol.lookup_link("", key, "000.01.22.H56-261204-1002"))
    assert page.status_code == 200
    assert "chưa nhận được hồ sơ 000.01.22.H56-261204-1002 từ Xã Hoà Bình" in page.text
    assert "Lần gửi dữ liệu gần nhất của xã: chưa có." in page.text
    web.dossier(client, _device(enrolled), CODE, received=NOW - timedelta(hours=1))
    page = client.get(protocol.lookup_link("", key, "000.01.22.H56-261204-1002"))
    assert "Lần gửi dữ liệu gần nhất của xã: chưa có." not in page.text
    assert "Lần gửi dữ liệu gần nhất của xã:" in page.text


def _by_hand(client, code: str, digits: str):
    page = client.get("/tra-cuu")
    return client.post("/tra-cuu", data={"csrf": form_token(page.text), "code": code,
                                         "digits": digits})


def test_by_hand_the_code_needs_the_last_four_digits_of_the_phone_or_id(site):
    web, client, enrolled = site
    web.dossier(client, _device(enrolled), CODE, received=NOW - timedelta(hours=1))
    for digits in ("5678", "2345"):  # phone 0912345678, ID 025190012345
        page = _by_hand(client, CODE.lower(), digits)
        assert '<dd id="applicant">Đặ*** T** Á**</dd>' in page.text, digits
    wrong = _by_hand(client, CODE, "1111").text
    absent = _by_hand(client, "000.01.22.H56-261204-1009", "5678").text
    assert "Đặ***" not in wrong
    # A wrong guess and a code that does not exist read the same: nothing to enumerate.
    assert "Không tìm thấy hồ sơ khớp với mã và 4 chữ số đã nhập" in wrong
    assert _answer(wrong) == _answer(absent).replace("-1009", "-1001")
    assert _by_hand(client, CODE, "56").status_code == 422


def _answer(html: str) -> str:
    return html[html.index('id="answer"'):html.index("</section>")]


def test_the_hand_form_needs_its_csrf_token(site):
    _web, client, _enrolled = site
    client.get("/tra-cuu")
    page = client.post("/tra-cuu", data={"csrf": "x" * 30, "code": CODE, "digits": "5678"})
    assert page.status_code == 403


def test_the_lookup_is_rate_limited_per_address(site):
    web, client, enrolled = site
    web.settings.lookup_limiter = SlidingWindow(3, 60, clock=web.clock.monotonic)
    link = protocol.lookup_link("", enrolled["lookup"]["key"], CODE)
    assert [client.get(link).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(link)
    assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
    assert _by_hand(client, CODE, "5678").status_code == 429
    web.clock.step(timedelta(seconds=60))
    assert client.get(link).status_code == 200


def test_the_limiter_counts_a_sliding_window_per_key():
    now = [0.0]
    limiter = SlidingWindow(2, 10, clock=lambda: now[0], max_keys=2)
    assert limiter.hit("a") is None and limiter.hit("a") is None
    assert limiter.hit("a") == 10
    now[0] = 4.0
    assert limiter.hit("b") is None
    assert limiter.hit("a") == 6
    now[0] = 10.0  # a's first hit has left the window
    assert limiter.hit("a") is None
    limiter.hit("c")  # three keys: the quietest one (b) is forgotten
    # Had b kept its hit at 4.0, its second hit now would be refused.
    assert limiter.hit("b") is None and limiter.hit("b") is None
