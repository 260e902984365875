"""The province's web in a real browser: Debian's chromium driven headless by Selenium against
the real hub on loopback (no network, nothing downloaded). Each page is saved as a screenshot
in SHOTS for a person to look at (diacritics, layout).

Skipped only where chromium or its driver is not installed; CI installs both (.ci/run).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from desk_app.core.clock import now_vn
from desk_app.core.model import DeliveryMethod
from desk_app.services.sync import SyncService
from sync.server import registry
from sync.server.web import accounts, lookup
from tests.printing.pdf_checks import decoded_qr, needs_qr_tools
from tests.sync.counter_side import enroll, new_counter, receive
from tests.sync.samples import received_event
from tests.sync.web_support import PASSWORD

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SHOTS = Path("/tmp/web-shots")

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium "
           "chromium-driver)",
)


@pytest.fixture
def browser(tmp_path) -> Iterator:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--lang=vi", f"--user-data-dir={tmp_path / 'chrome'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.implicitly_wait(5)
    SHOTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    """The whole page, however long, for a person to look at."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": max(height, 200), "deviceScaleFactor": 1,
        "mobile": width < 500})
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def phone(driver) -> None:
    """A 360 px wide phone screen (the page's viewport meta applies, as on a phone)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})


def log_in(driver, url: str, username: str, password: str = PASSWORD) -> None:
    driver.get(f"{url}/dang-nhap")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    follow(driver, driver.find_element(By.ID, "login"))


def follow(driver, element) -> None:
    """Click a link or a form's button and wait until the next page has replaced this one: a
    click does not wait for the page it leads to, and a next get() must not cut a post short."""
    element.click()
    WebDriverWait(driver, 30).until(lambda _: replaced(element))


def replaced(element) -> bool:
    """Whether `element`'s page has gone. Mid-navigation chromedriver may answer that the
    node "does not belong to the document" instead of calling it stale: the same thing."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as exc:
        if "does not belong to the document" in str(exc):
            return True
        raise
    return False


def text(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


@pytest.fixture
def province(live_hub, tmp_path):
    """Two communes on the live hub; A has a counter that received three dossiers and synced,
    one of them then marked ready by the province; accounts for each role."""
    admin = live_hub.admin
    counter = new_counter(tmp_path / "counter")
    sync = SyncService(counter)
    a = enroll(sync, live_hub.url, admin)
    b = admin.commune("Phường Đông Ba", "000.31.22.H56")
    lookup.set_contact(admin.engine, a, "0236 3821 234", "12 Lê Lợi, thôn Đông")
    dossiers = receive(counter, 3)
    sync.sync_now()
    admin.province_event(dossiers[0].code, "result_ready", "Đã ký giấy chứng nhận")
    device_b = admin.enroll(b)
    other = _push_one(live_hub, device_b)
    for username, role, commune in (("quantri", accounts.ADMIN, None),
                                    ("lanhdao-a", accounts.LEADER, a)):
        accounts.add_user(admin.engine, username, "Nguyễn Thị Thuỷ", role, PASSWORD, commune)
    yield live_hub, counter, sync, a, b, dossiers, other
    sync.close()
    counter.close()


def _push_one(live_hub, device) -> dict:
    event = received_event(code="000.31.22.H56-261204-1001",
                           at=now_vn() - timedelta(hours=1))
    response = requests.post(f"{live_hub.api}/events", json={"events": [event]},
                             headers=device.headers, timeout=10)
    assert response.json()["results"][0]["result"] == "accepted"
    return event


def test_an_administrator_logs_in_and_goes_from_the_overview_to_a_dossier(browser, province):
    live_hub, _counter, _sync, a, _b, dossiers, _other = province
    log_in(browser, live_hub.url, "quantri")
    assert browser.current_url == f"{live_hub.url}/tong-quan"
    assert text(browser, "who") == "Nguyễn Thị Thuỷ · Quản trị tỉnh"
    overview = text(browser, "overview")
    assert "UBND xã Tân Lập" in overview and "Phường Đông Ba" in overview
    shot(browser, "01-overview")

    follow(browser, browser.find_element(By.LINK_TEXT, "UBND xã Tân Lập"))
    listing = text(browser, "dossiers")
    assert all(dossier.code in listing for dossier in dossiers)
    shot(browser, "02-commune")
    browser.find_element(By.ID, "overdue").click()
    follow(browser, browser.find_element(By.ID, "apply"))
    assert "overdue=1" in browser.current_url
    assert "Không có hồ sơ nào khớp bộ lọc." in text(browser, "dossiers")
    browser.back()

    browser.get(f"{live_hub.url}/xa/{a}")
    follow(browser, browser.find_element(By.LINK_TEXT, dossiers[0].code))
    timeline = text(browser, "timeline")
    assert "Tiếp nhận" in timeline and "Có kết quả" in timeline
    assert "Đã ký giấy chứng nhận" in timeline and "Quầy 1" in timeline
    shot(browser, "03-dossier")

    follow(browser, browser.find_element(By.ID, "logout"))
    assert browser.current_url == f"{live_hub.url}/dang-nhap"
    browser.get(f"{live_hub.url}/tong-quan")
    assert browser.current_url.startswith(f"{live_hub.url}/dang-nhap?next=")


def test_a_wrong_password_then_the_lock_out(browser, province):
    live_hub, *_ = province
    log_in(browser, live_hub.url, "quantri", "không-phải-mật-khẩu")
    assert text(browser, "error") == "Tên đăng nhập hoặc mật khẩu không đúng."
    shot(browser, "04-wrong-password")
    for _ in range(accounts.MAX_FAILURES - 1):
        log_in(browser, live_hub.url, "quantri", "không-phải-mật-khẩu")
    log_in(browser, live_hub.url, "quantri")
    assert "tạm khoá" in text(browser, "error")
    assert "/dang-nhap" in browser.current_url
    shot(browser, "05-locked")


def test_a_leader_of_commune_a_cannot_open_commune_bs_pages(browser, province):
    live_hub, _counter, _sync, a, b, dossiers, other = province
    log_in(browser, live_hub.url, "lanhdao-a")
    assert "Phường Đông Ba" not in text(browser, "overview")
    browser.get(f"{live_hub.url}/xa/{b}")
    assert text(browser, "error-title") == "Không có quyền"
    assert "000.31.22.H56" not in browser.page_source
    shot(browser, "06-leader-forbidden")
    browser.get(f"{live_hub.url}/xa/{b}/ho-so/{other['dossier_uuid']}")
    assert text(browser, "error-title") == "Không có quyền"
    browser.get(f"{live_hub.url}/xa/{a}/ho-so/{other['dossier_uuid']}")
    assert text(browser, "error-title") == "Không tìm thấy"
    assert "000.31.22.H56" not in browser.page_source
    browser.get(f"{live_hub.url}/xa/{a}")
    assert dossiers[1].code in text(browser, "dossiers")


def test_a_leader_changes_their_own_password(browser, province):
    live_hub, *_ = province
    new = "mật-khẩu-mới-của-lãnh-đạo"
    log_in(browser, live_hub.url, "lanhdao-a")
    follow(browser, browser.find_element(By.ID, "nav-password"))
    assert browser.current_url == f"{live_hub.url}/mat-khau"

    def fill(current: str, again: str) -> None:
        for field, value in (("current", current), ("password", new), ("again", again)):
            browser.find_element(By.ID, field).send_keys(value)
        follow(browser, browser.find_element(By.ID, "save-password"))

    fill(PASSWORD, "mật-khẩu-gõ-lại-sai")
    assert text(browser, "again-error") == "Hai lần nhập mật khẩu không giống nhau."
    assert browser.find_element(By.ID, "current").get_attribute("value") == ""
    shot(browser, "15-password-refused")
    fill(PASSWORD, new)
    assert text(browser, "done") == ("Đã đổi mật khẩu; các phiên đăng nhập khác của tài khoản "
                                     "đã kết thúc.")
    assert text(browser, "who") == "Nguyễn Thị Thuỷ · Lãnh đạo xã"  # still signed in
    shot(browser, "16-password-changed")
    follow(browser, browser.find_element(By.ID, "logout"))
    log_in(browser, live_hub.url, "lanhdao-a")
    assert text(browser, "error") == "Tên đăng nhập hoặc mật khẩu không đúng."
    log_in(browser, live_hub.url, "lanhdao-a", new)
    assert browser.current_url == f"{live_hub.url}/tong-quan"


@needs_qr_tools
def test_the_citizen_opens_the_receipts_qr_on_a_phone(browser, province, tmp_path):
    live_hub, counter, sync, _a, _b, dossiers, _other = province
    link = decoded_qr(counter.receipt_pdf(dossiers[1].uuid), tmp_path)
    assert link.startswith(f"{live_hub.url}/tra-cuu/{dossiers[1].code}?k=")
    phone(browser)
    browser.get(link)
    assert browser.execute_script("return window.innerWidth") == 360
    assert text(browser, "state") == "Được tiếp nhận"
    applicant = dossiers[1].applicant.name.split()
    assert text(browser, "applicant") == " ".join(
        [applicant[0][:2] + "***", *(word[0] + "**" for word in applicant[1:])])
    by_post = dossiers[1].draft.delivery.method is DeliveryMethod.POST
    assert text(browser, "collect") == (
        "Gửi qua dịch vụ bưu chính công ích đến địa chỉ đã đăng ký" if by_post
        else "Bộ phận Một cửa UBND xã Tân Lập, 12 Lê Lợi, thôn Đông")
    assert text(browser, "phone") == "0236 3821 234"
    assert dossiers[1].applicant.name not in browser.page_source
    assert dossiers[1].applicant.phone not in browser.page_source
    # Nothing sticks out sideways on a phone.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    shot(browser, "07-lookup-phone")

    # A receipt printed after the last sync: the page says the hub has not got it yet.
    later = receive(counter, 1, seed=9)[0]
    browser.get(decoded_qr(counter.receipt_pdf(later.uuid), tmp_path))
    assert f"chưa nhận được hồ sơ {later.code}" in text(browser, "not-received")
    assert text(browser, "last-sync").startswith("Lần gửi dữ liệu gần nhất của xã: ")
    shot(browser, "08-lookup-not-yet")

    # By hand: the code and the last four digits of the applicant's phone.
    browser.get(f"{live_hub.url}/tra-cuu")
    browser.find_element(By.ID, "lookup-code").send_keys(dossiers[1].code)
    browser.find_element(By.ID, "lookup-digits").send_keys(dossiers[1].applicant.phone[-4:])
    follow(browser, browser.find_element(By.ID, "lookup"))
    assert text(browser, "code") == dossiers[1].code
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    shot(browser, "09-lookup-by-hand")


@needs_qr_tools
def test_an_administrator_makes_an_enrolment_code_reads_its_qr_and_revokes_a_device(
        browser, province, tmp_path):
    live_hub, _counter, _sync, a, b, _dossiers, _other = province
    log_in(browser, live_hub.url, "quantri")
    follow(browser, browser.find_element(By.ID, "nav-codes"))
    Select(browser.find_element(By.ID, "commune")).select_by_value(str(b))
    hours = browser.find_element(By.ID, "hours")
    hours.clear()
    hours.send_keys("0")
    follow(browser, browser.find_element(By.ID, "create-code"))
    assert text(browser, "hours-error").startswith("Thời hạn là số giờ lớn hơn 0")
    shot(browser, "10-admin-code-refused")
    hours = browser.find_element(By.ID, "hours")
    hours.clear()
    hours.send_keys("48")
    follow(browser, browser.find_element(By.ID, "create-code"))
    code = text(browser, "enrol-code")
    # The QR as the browser draws it, read back by a scanner's decoder.
    browser.find_element(By.ID, "enrol-qr").screenshot(str(tmp_path / "qr.png"))
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")],
                             check=True, capture_output=True, text=True).stdout.strip()
    assert scanned == code
    shot(browser, "11-admin-code")

    follow(browser, browser.find_element(By.ID, "nav-devices"))
    devices = text(browser, "devices")
    assert "UBND xã Tân Lập" in devices and "Phường Đông Ba" in devices
    [device_b] = registry.list_devices(live_hub.admin.engine, b)
    follow(browser, browser.find_element(By.ID, f"revoke-{device_b.id}"))
    assert "Thu hồi thiết bị này?" in text(browser, "confirm")
    shot(browser, "12-admin-revoke-confirm")
    follow(browser, browser.find_element(By.ID, "confirm-revoke"))
    assert text(browser, "done") == "Đã thu hồi thiết bị; nó không còn đồng bộ được."
    assert "Đã thu hồi" in text(browser, f"device-{device_b.id}")
    shot(browser, "13-admin-devices")


def test_an_administrator_publishes_a_catalogue_that_the_counter_then_pulls(
        browser, province, tmp_path):
    live_hub, counter, sync, _a, _b, dossiers, _other = province
    procedure = counter.procedure(dossiers[0].draft.procedure_code)
    document = {"version": "2099.1", "source": "Quyết định của UBND tỉnh",
                "procedures": [{"code": procedure.code, "name": "Tên thủ tục mới",
                                "field": procedure.field,
                                "time": {"value": 9, "unit": "working_days"}}]}
    upload = tmp_path / "danh-muc.json"
    upload.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    log_in(browser, live_hub.url, "quantri")
    follow(browser, browser.find_element(By.ID, "nav-catalogue"))
    browser.find_element(By.ID, "file").send_keys(str(upload))
    follow(browser, browser.find_element(By.ID, "preview-button"))
    assert "Phiên bản 2099.1: 1 thủ tục" in text(browser, "preview")
    shot(browser, "14-admin-catalogue-diff")
    follow(browser, browser.find_element(By.ID, "publish-button"))
    assert text(browser, "done").startswith("Đã công bố danh mục")
    assert "2099.1" in text(browser, "current")

    sync.sync_now()
    assert [p.name for p in counter.procedures()] == ["Tên thủ tục mới"]


def test_the_scorecard_with_its_charts_on_a_desktop_and_on_a_phone(browser, province):
    live_hub, _counter, _sync, a, b, dossiers, _other = province
    log_in(browser, live_hub.url, "quantri")
    follow(browser, browser.find_element(By.ID, "nav-scorecard"))
    month = now_vn()
    assert text(browser, "scope") == f"Toàn tỉnh · Tháng {month.month}/{month.year}"
    assert text(browser, "xa-" + str(a)).startswith("UBND xã Tân Lập 3 ")
    assert text(browser, "province").startswith("Toàn tỉnh 4 ")
    browser.set_window_size(1366, 900)
    charts = ("chart-months", "chart-channels", "chart-communes")
    for chart in charts:  # drawn by the hub and shown: the image decoded to real pixels
        WebDriverWait(browser, 10).until(lambda d, c=chart: d.execute_script(
            "const i = document.getElementById(arguments[0]);"
            "return i.complete && i.naturalWidth > 400;", c))
    shot(browser, "15-scorecard-1366")

    Select(browser.find_element(By.ID, "kind")).select_by_value("nam")
    follow(browser, browser.find_element(By.ID, "show"))
    assert text(browser, "scope") == f"Toàn tỉnh · Năm {month.year}"
    phone(browser)
    browser.refresh()
    assert browser.execute_script("return window.innerWidth") == 360
    # The wide table scrolls inside its box; the page itself does not stick out sideways.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    assert all(browser.find_element(By.ID, chart).size["width"] <= 360 for chart in charts)
    shot(browser, "16-scorecard-360")


def test_a_leader_s_scorecard_holds_only_their_commune(browser, province):
    live_hub, _counter, _sync, a, b, _dossiers, _other = province
    log_in(browser, live_hub.url, "lanhdao-a")
    follow(browser, browser.find_element(By.ID, "nav-scorecard"))
    assert "UBND xã Tân Lập" in text(browser, "scorecard")
    assert "Phường Đông Ba" not in browser.page_source
    shot(browser, "17-scorecard-leader")
    browser.get(f"{live_hub.url}/bang-diem?xa={b}")
    assert text(browser, "error-title") == "Không có quyền"
