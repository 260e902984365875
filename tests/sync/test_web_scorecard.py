"""The Decision 766 scorecard through its real routes (in-process, SQLite and PostgreSQL): the
figures of a month, a quarter and a year per commune and for the province from events pushed
by enrolled devices, a commune leader kept to their commune by URL, the charts, the Excel
export opened with openpyxl, and the monthly sums rebuilt from the event log."""

from __future__ import annotations

import html
import io
import re
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import delete, select

from sync.server import publishing, scorecard
from sync.server.cli import main
from sync.server.database import reading
from sync.server.tables import projections, scorecard_months
from sync.server.web import accounts
from tests.sync.samples import VN
from tests.sync.web_support import log_in, make_web

DAY = timedelta(days=1)
NOVEMBER = "/bang-diem?ky=thang&nam=2026&so=11"


def nov(day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=VN)


def documents(*digitisation: str) -> dict:
    return {"documents": [{"name": f"Giấy tờ {n}", "mandatory": True, "provided": True,
                           "originals": 1, "certified": 0, "copies": 0, "digitisation": kind}
                          for n, kind in enumerate(digitisation)]}


def digitised(document: str, stage: str, version: int) -> dict:
    """desk_app.core.payloads.digitised_payload's shape."""
    sha = f"{version:064x}"
    return {"document": document, "stage": stage, "file": sha, "pages": 1, "version": version,
            "files": [sha]}


def cells(page: str, row_id: str) -> dict[str, str]:
    """The scorecard row's cells by column key."""
    row = re.search(rf'<tr id="{row_id}">(.*?)</tr>', page, re.S)
    assert row, f"no row {row_id}"
    return {key: html.unescape(value) for key, value in
            re.findall(r'data-key="([a-z_]+)">([^<]*)</td>', row.group(1))}


@pytest.fixture
def province(hub_engine, hub_admin):
    """Commune A's November: six dossiers through every path; December: one still in time.
    Commune B's November: one dossier given back in time. Accounts for each role."""
    site, client = make_web(hub_engine)
    with client:
        a, b = hub_admin.commune("Xã Hoà Bình"), hub_admin.commune("Phường Đông Ba")
        device_a, device_b = hub_admin.enroll(a), hub_admin.enroll(b)

        def dossier(device, code, received, *, channel=1, then=(), payload=None):
            return site.dossier(client, device, code, received=received, due_in=3 * DAY,
                                then=then, payload={"channel": channel, **(payload or {})})

        given_back = dossier(device_a, "000.01.22.H56-261102-1001", nov(2), then=(
            ("result_ready", 9, DAY, {"timeliness": "early"}),
            ("returned", 10, 2 * DAY, {"satisfaction": 1})))
        for version in (1, 2):  # the result's document digitised, then scanned again
            site.then(client, device_a, given_back, "document_digitised", 10,
                      2 * DAY + version * timedelta(hours=1),
                      digitised("Giấy xác nhận", "result", version))
        dossier(device_a, "000.01.22.H56-261103-1001", nov(3), channel=2, then=(
            ("result_ready", 9, 5 * DAY, {"timeliness": "late"}),
            ("returned", 10, 6 * DAY, {"satisfaction": 3})))
        dossier(device_a, "000.01.22.H56-261104-1001", nov(4), channel=3)  # open, overdue
        dossier(device_a, "000.01.22.H56-261105-1001", nov(5),
                then=(("refused", 3, timedelta(hours=1), {"reason": "Không đủ điều kiện"}),))
        waiting = dossier(device_a, "000.01.22.H56-261106-1001", nov(6), then=(
            ("supplement_requested", 5, timedelta(hours=1), {"missing": ["Giấy khai sinh"]}),))
        site.then(client, device_a, waiting, "document_digitised", 5, timedelta(hours=2),
                  digitised("Giấy khai sinh", "supplement", 1))
        # A result taken back the same day: open again, and overdue since 12/11.
        taken_back = dossier(device_a, "000.01.22.H56-261109-1001", nov(9),
                             payload=documents("scanned", "reused", "shown", ""))
        result = site.then(client, device_a, taken_back, "result_ready", 9, DAY,
                           {"timeliness": "on_time"})
        site.then(client, device_a, result, "corrected", 2, timedelta(hours=1),
                  {"reverses": result["uuid"], "reversed_kind": "result_ready",
                   "reason": "Nhầm hồ sơ", "restored_status": 2})
        site.dossier(client, device_a, "000.01.22.H56-261201-1001",
                     received=datetime(2026, 12, 1, 9, 0, tzinfo=VN), due_in=10 * DAY)
        dossier(device_b, "000.02.22.H56-261110-1001", nov(10), then=(
            ("result_ready", 9, DAY, {"timeliness": "on_time"}),
            ("returned", 10, 2 * DAY, {"satisfaction": 2})))
        site.user("quantri", accounts.ADMIN)
        site.user("tinh", accounts.VIEWER)
        site.user("lanhdao-a", accounts.LEADER, a)
        yield site, client, a, b


A_NOVEMBER = {
    "received": "6", "counter": "66,7\u00a0%", "online": "16,7\u00a0%", "post": "16,7\u00a0%",
    "finished": "2", "finished_on_time": "1", "overdue_open": "2", "on_time": "25,0\u00a0%",
    "returned": "2", "rated": "2", "satisfaction": "50,0\u00a0%", "digitisation": "75,0\u00a0%",
    "reuse": "25,0\u00a0%", "results_digitised": "1", "refused": "1", "supplements": "1",
}
B_NOVEMBER = {
    "received": "1", "counter": "100,0\u00a0%", "online": "0,0\u00a0%", "post": "0,0\u00a0%",
    "finished": "1", "finished_on_time": "1", "overdue_open": "0", "on_time": "100,0\u00a0%",
    "returned": "1", "rated": "1", "satisfaction": "100,0\u00a0%",
    "digitisation": "chưa có dữ liệu", "reuse": "chưa có dữ liệu", "results_digitised": "0",
    "refused": "0",
    "supplements": "0",
}


def test_the_scorecard_of_a_month_per_commune_and_for_the_province(province):
    site, client, a, b = province
    log_in(client, "tinh")
    page = client.get(NOVEMBER)
    assert page.status_code == 200
    assert "Tháng 11/2026" in page.text
    assert cells(page.text, f"xa-{a}") == A_NOVEMBER
    assert cells(page.text, f"xa-{b}") == B_NOVEMBER
    province_row = cells(page.text, "province")
    assert province_row["received"] == "7"
    assert province_row["on_time"] == "40,0\u00a0%"  # 2 in time of 3 finished + 2 overdue
    assert province_row["satisfaction"] == "66,7\u00a0%"
    assert province_row["digitisation"] == "75,0\u00a0%"  # only A has data


def test_a_quarter_and_a_year_add_the_months_up(province):
    site, client, a, b = province
    log_in(client, "tinh")
    for query in ("ky=quy&nam=2026&so=4", "ky=nam&nam=2026"):
        row = cells(client.get(f"/bang-diem?{query}").text, f"xa-{a}")
        # December's dossier is received and still in time: counted, not judged.
        assert row["received"] == "7" and row["counter"] == "71,4\u00a0%"
        assert row["on_time"] == "25,0\u00a0%"
    october = cells(client.get("/bang-diem?ky=thang&nam=2026&so=10").text, f"xa-{a}")
    assert october["received"] == "0" and october["on_time"] == "chưa có dữ liệu"
    # An unknown period falls back to this month (December 2026 by the web's clock).
    assert "Tháng 12/2026" in client.get("/bang-diem?ky=tuan&nam=abc").text


def test_a_commune_leader_sees_only_their_commune_whatever_the_url(province):
    site, client, a, b = province
    log_in(client, "lanhdao-a")
    page = client.get(NOVEMBER)
    assert page.status_code == 200
    assert cells(page.text, f"xa-{a}") == A_NOVEMBER
    assert "Phường Đông Ba" not in page.text and 'id="province"' not in page.text
    assert 'id="chart-communes"' not in page.text
    for path in (f"{NOVEMBER}&xa={b}", f"/bang-diem/bieu-do/kenh.png?xa={b}",
                 f"/bang-diem/excel?xa={b}", f"/bang-diem/bieu-do/theo-thang.png?xa={b}"):
        refused = client.get(path)
        assert refused.status_code == 403, path
        assert "Phường Đông Ba" not in refused.text
    book = load_workbook(io.BytesIO(client.get(f"/bang-diem/excel?{NOVEMBER[11:]}").content))
    names = [row[0] for row in book["Bảng điểm"].iter_rows(min_row=5, values_only=True)]
    assert names == ["Xã Hoà Bình"]
    client.cookies.clear()
    assert client.get(NOVEMBER).status_code == 303  # no session: to the login page


def test_province_staff_can_open_one_commune(province):
    site, client, a, b = province
    log_in(client, "quantri")
    page = client.get(f"{NOVEMBER}&xa={b}")
    assert cells(page.text, f"xa-{b}") == B_NOVEMBER
    assert f"xa-{a}" not in page.text
    assert client.get(f"{NOVEMBER}&xa=999").status_code == 404


def test_the_charts_are_png_images_drawn_on_the_hub(province):
    site, client, a, b = province
    log_in(client, "tinh")
    page = client.get(NOVEMBER).text
    for chart in ("chart-months", "chart-channels", "chart-communes"):
        src = html.unescape(re.search(rf'id="{chart}" src="([^"]+)"', page).group(1))
        image = client.get(src)
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"
        with Image.open(io.BytesIO(image.content)) as png:
            assert png.format == "PNG" and png.width > 400 and png.height > 100
    assert client.get("/bang-diem/bieu-do/khong-co.png").status_code == 404


def test_the_communes_chart_kept_drawn_is_drawn_again_when_a_figure_changes(province,
                                                                           hub_admin):
    site, client, a, b = province
    log_in(client, "tinh")
    now = datetime.now(VN)
    chart = f"/bang-diem/bieu-do/theo-xa.png?ky=thang&nam={now.year}&so={now.month}"
    device = hub_admin.enroll(b)
    ahead = site.dossier(client, device, "000.02.22.H56-261130-1001", received=now - DAY,
                         due_in=30 * DAY)
    before = client.get(chart).content
    assert client.get(chart).content == before
    publishing.add_province_event(site.engine, ahead["dossier_uuid"], "result_ready", "Đã ký")
    after = client.get(chart).content
    assert after != before  # Phường Đông Ba: 100 % in time this month, nothing judged before
    with Image.open(io.BytesIO(after)) as png:
        assert png.format == "PNG"


def test_the_excel_export_holds_the_pages_figures(province):
    site, client, a, b = province
    log_in(client, "tinh")
    response = client.get("/bang-diem/excel?ky=thang&nam=2026&so=11")
    assert response.status_code == 200
    assert 'filename="bang-diem-thang-2026-11.xlsx"' in response.headers["content-disposition"]
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Bảng điểm"]
    assert sheet["A2"].value == "Kỳ: Tháng 11/2026"
    heads = [cell.value for cell in sheet[4]]
    rows = {row[0]: dict(zip(heads, row, strict=True))
            for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert set(rows) == {"Xã Hoà Bình", "Phường Đông Ba", "Toàn tỉnh"}
    hoa_binh = rows["Xã Hoà Bình"]
    assert hoa_binh["Tiếp nhận"] == 6 and hoa_binh["Đã giải quyết"] == 2
    assert hoa_binh["Quá hạn chưa giải quyết"] == 2
    assert hoa_binh["Tỷ lệ đúng hạn"] == pytest.approx(0.25)
    assert hoa_binh["Tỷ lệ hài lòng"] == pytest.approx(0.5)
    assert hoa_binh["Tỷ lệ số hóa"] == pytest.approx(3 / 4)
    assert hoa_binh["Kết quả được số hóa"] == 1
    assert rows["Phường Đông Ba"]["Tỷ lệ số hóa"] == "chưa có dữ liệu"
    assert rows["Toàn tỉnh"]["Tỷ lệ đúng hạn"] == pytest.approx(0.4)
    assert sheet.cell(5, heads.index("Tỷ lệ đúng hạn") + 1).number_format == "0.0%"
    months = book["Theo tháng"]
    by_month = {row[0]: row for row in months.iter_rows(min_row=5, values_only=True)}
    assert len(by_month) == 12
    assert by_month["11/2026"][1] == 7 and by_month["12/2026"][1] == 1


def test_a_result_the_province_records_is_held_against_the_dossiers_due_time(province):
    site, client, a, b = province
    # Received 4/11, due 7/11; the province's result comes now, late.
    publishing.add_province_event(site.engine, "000.01.22.H56-261104-1001", "result_ready", "Đã ký")
    log_in(client, "tinh")
    month = datetime.now(VN)
    row = cells(client.get(f"/bang-diem?ky=thang&nam={month.year}&so={month.month}").text,
                f"xa-{a}")
    assert row["finished"] == "1" and row["finished_on_time"] == "0"


def test_the_sums_rebuilt_from_the_event_log_are_the_sums_kept_as_events_came(
        province, hub_engine, hub_db_url):
    kept = _sums(hub_engine)
    assert kept
    assert scorecard.refresh(hub_engine) is True  # never built by this version: rebuilt
    assert _sums(hub_engine) == kept
    assert scorecard.refresh(hub_engine) is False

    # A hub upgraded to migration 0005 holds events but no sums: its next command fills them.
    with hub_engine.begin() as connection:
        connection.execute(delete(scorecard_months))
        connection.execute(delete(projections))
    assert main(["upgrade", "--db", hub_db_url]) == 0
    assert _sums(hub_engine) == kept


def test_a_rebuild_agrees_with_folding_on_results_held_against_the_hubs_due_times(
        province, hub_engine, hub_admin):
    """Results the province records carry no verdict nor due time: a rebuild holds them
    against the dossier's due time as folding did, one past (late) and one still ahead (in
    time), one of them then corrected; and a correction naming no event the hub holds."""
    site, client, a, b = province
    device = hub_admin.enroll(a)
    now = datetime.now(VN)
    ahead = site.dossier(client, device, "000.01.22.H56-261130-1001", received=now - DAY,
                         due_in=30 * DAY)
    in_time = publishing.add_province_event(hub_engine, ahead["dossier_uuid"], "result_ready",
                                            "Đã ký")
    publishing.add_province_event(hub_engine, "000.01.22.H56-261104-1001", "result_ready",
                                  "Đã ký")
    publishing.add_province_event(hub_engine, "000.02.22.H56-261110-1001", "result_ready",
                                  "Đã ký")
    corrected = site.then(client, device, ahead, "corrected", 1, DAY,
                          {"reverses": in_time["uuid"], "reversed_kind": "result_ready",
                           "reason": "Nhầm hồ sơ", "restored_status": 2})
    site.then(client, device, corrected, "corrected", 1, DAY,
              {"reverses": "00000000-0000-4000-8000-000000000000",
               "reversed_kind": "refused", "reason": "Không có", "restored_status": 2})
    second = site.dossier(client, device, "000.01.22.H56-261130-1002", received=now - DAY,
                          due_in=30 * DAY)
    publishing.add_province_event(hub_engine, second["dossier_uuid"], "result_ready", "Đã ký")

    kept = _sums(hub_engine)
    month = next(row for row in kept if row[0] == a and row[1] == now.strftime("%Y-%m"))
    named = dict(zip((c.name for c in scorecard_months.columns), month, strict=True))
    # The province's results of this month: 261104's (late) and 261130-1002's (in time);
    # 261130-1001's taken back.
    assert named["finished"] == 2 and named["finished_on_time"] == 1
    with hub_engine.begin() as connection:
        connection.execute(delete(projections))
    assert scorecard.refresh(hub_engine) is True
    assert _sums(hub_engine) == kept


def _sums(engine) -> list[tuple]:
    with reading(engine) as connection:
        return sorted(tuple(row) for row in connection.execute(select(scorecard_months)))


def test_a_due_time_moved_by_an_apology_or_a_supplement_is_the_one_the_hub_holds(hub_engine,
                                                                                   hub_admin):
    """A dossier whose due time an apology or a supplement moved past now is not overdue, on
    the scorecard nor on the overview; one whose due time stayed is."""
    site, client = make_web(hub_engine)
    with client:
        a = hub_admin.commune("Xã Hoà Bình")
        device = hub_admin.enroll(a)
        later = "2026-12-10T09:00:00+07:00"
        for number, then in enumerate((
            (("rescheduled", 2, DAY, {"old_due_at": "2026-11-05T09:00:00+07:00",
                                      "new_due_at": later}),),
            (("supplement_requested", 5, DAY, {"missing": ["Tờ khai"]}),
             ("supplemented", 2, 2 * DAY, {"old_due_at": "2026-11-05T09:00:00+07:00",
                                           "new_due_at": later})),
            (),
        ), start=1):
            site.dossier(client, device, f"000.01.22.H56-261102-100{number}", received=nov(2),
                         due_in=3 * DAY, then=then)
        site.user("tinh", accounts.VIEWER)
        log_in(client, "tinh")
        assert cells(client.get(NOVEMBER).text, f"xa-{a}")["overdue_open"] == "1"
        overview = client.get("/tong-quan").text
        assert re.search(rf'href="/xa/{a}\?overdue=1">1</a>', overview)
