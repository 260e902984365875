"""The scorecard's figures against what two real counters did: each counter (a real SQLite file,
its clock moved by hand through the first days of November 2026) receives by every channel,
hands over, finishes in time and late, gives results back with and without the applicant's
rating, refuses, asks for supplements and takes a result back by a correction, all through
Services; the counters sync to a real hub on loopback; then the hub's scorecard page and its
Excel file say what the test recorded the clerks doing."""

from __future__ import annotations

import dataclasses
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desk_app.core.digitisation import Stage
from desk_app.core.lifecycle import ResultReturn, Satisfaction
from desk_app.core.model import Channel, Digitisation, Dossier
from desk_app.core.states import DossierState
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.services.sync import SyncService
from sync.server.web import accounts
from sync.server.web.scores import percent
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD
from tests.clock import Clock
from tests.services.factories import full_draft, pdf_bytes
from tests.sync.test_web_scorecard import cells, nov
from tests.sync.web_support import log_in, make_web

TAM_TRU = "1.004194"
POLICE = "Công an xã"
NOVEMBER = "ky=thang&nam=2026&so=11"
# The web's clock (web_support.NOW): every November due time has passed.
HOA_BINH = dataclasses.replace(DEMO_SETUP, commune_name="UBND xã Hoà Bình",
                               unit_name="Bộ phận Một cửa xã Hoà Bình",
                               agency_code="000.18.22.H56", place_name="Hoà Bình")


@dataclass
class Desk:
    """One counter and the test's own tally of what its clerks did."""

    services: Services
    sync: SyncService
    clock: Clock
    commune_id: int
    done: Counter = field(default_factory=Counter)
    dossiers: dict[str, Dossier] = field(default_factory=dict)
    open_past_due: set[str] = field(default_factory=set)

    def at(self, moment: datetime) -> None:
        assert moment >= self.clock.now
        self.clock.now = moment

    def receive(self, name: str, moment: datetime, channel: Channel = Channel.COUNTER,
                digitise: tuple[Digitisation, ...] = ()) -> None:
        """Received with its documents digitised as `digitise` says, line by line (the lines
        after it not yet: PENDING); a scanned one with a real PDF kept here."""
        self.at(moment)
        draft = full_draft(self.services, TAM_TRU, name=name)
        lines = []
        for number, line in enumerate(draft.documents):
            how = digitise[number] if number < len(digitise) else Digitisation.PENDING
            scan = self.services.keep_pdf(pdf_bytes(1, name)) if how.has_file else ""
            lines.append(dataclasses.replace(line, digitisation=how, file=scan))
            if line.provided or how is not Digitisation.PENDING:
                self.done["to_digitise"] += how not in (Digitisation.SHOWN, Digitisation.EXEMPT)
                self.done["digitised"] += how is Digitisation.SCANNED
        draft = dataclasses.replace(draft, channel=channel, documents=tuple(lines))
        self.dossiers[name] = self.services.receive(draft)
        self.done["received"] += 1
        self.done[f"channel_{channel.name.lower()}"] += 1

    def uuid(self, name: str) -> str:
        return self.dossiers[name].uuid

    def due(self, name: str) -> datetime:
        return self.services.dossier(self.uuid(name)).due_at

    def result(self, name: str, moment: datetime, unit: str = "") -> None:
        self.at(moment)
        self.services.record_result_ready(self.uuid(name), unit or DEMO_SETUP.unit_name,
                                          "Cán bộ xử lý")
        self.done["finished"] += 1
        self.done["on_time"] += moment <= self.due(name)

    def give_back(self, name: str, moment: datetime, rating: Satisfaction | None) -> None:
        self.at(moment)
        self.services.return_result(self.uuid(name), ResultReturn(moment, name,
                                                                  satisfaction=rating))
        self.done["returned"] += 1
        self.done["rated"] += rating is not None
        self.done["satisfied"] += rating in (Satisfaction.VERY_SATISFIED,
                                             Satisfaction.SATISFIED)

    def supplement(self, name: str, moment: datetime, missing: str, reason: str) -> None:
        self.at(moment)
        self.services.request_supplement(self.uuid(name), [missing], reason, "")
        self.done["supplements"] += 1

    def left_open(self, name: str) -> None:
        """The dossier stays with its processing unit or the counter past its due time."""
        assert self.services.dossier(self.uuid(name)).status in (DossierState.RECEIVED,
                                                                 DossierState.PROCESSING)
        self.open_past_due.add(name)

    def on_time_rate(self) -> float:
        return self.done["on_time"] / (self.done["finished"] + len(self.open_past_due))


def make_counter(data_dir: Path, setup, live_hub) -> Desk:
    clock = Clock(nov(2, 7, 30))
    services = Services(data_dir, clock=clock)
    services.first_run(setup, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    commune_id = live_hub.admin.commune(setup.commune_name, setup.agency_code)
    sync = SyncService(services)
    sync.enroll(live_hub.url, live_hub.admin.enrollment_code(commune_id), "Quầy 1")
    return Desk(services, sync, clock, commune_id)


def tan_lap_s_days(a: Desk) -> None:
    scanned_shown = (Digitisation.SCANNED, Digitisation.SHOWN, Digitisation.EXEMPT)
    for i, channel in enumerate((Channel.COUNTER,) * 4 + (Channel.ONLINE, Channel.POSTAL)):
        a.receive(f"A{i + 1}", nov(2, 8, 10 * i), channel, scanned_shown if i < 3 else ())
    a.at(nov(2, 9, 30))
    a.services.hand_over([a.uuid("A1"), a.uuid("A2"), a.uuid("A3")], POLICE, "Phạm Văn Công")
    a.result("A4", nov(2, 10))  # settled at the counter on the spot
    a.give_back("A4", nov(2, 10, 15), Satisfaction.VERY_SATISFIED)
    a.supplement("A5", nov(2, 10, 30), "Giấy xác nhận cư trú", "Thiếu giấy tờ")
    a.at(nov(2, 11))
    a.services.refuse(a.uuid("A6"), "Không thuộc thẩm quyền giải quyết của xã")
    a.done["refused"] += 1
    assert a.sync.sync_now().waiting == 0  # midday sync, then the days after
    a.result("A1", nov(3, 9), POLICE)  # early
    a.give_back("A1", nov(3, 9, 30), Satisfaction.DISSATISFIED)
    a.at(nov(3, 9, 40))  # the result's paper scanned for the citizen's data store
    a.services.digitise_document(a.uuid("A1"), "Giấy xác nhận đăng ký tạm trú", Stage.RESULT,
                                 a.services.keep_pdf(pdf_bytes(1, "Kết quả")))
    a.done["results_digitised"] += 1
    late = a.due("A2") + timedelta(days=1)
    a.result("A2", late, POLICE)
    a.give_back("A2", late + timedelta(hours=1), None)  # the applicant did not say
    a.left_open("A3")


def hoa_binh_s_day(b: Desk) -> None:
    for i, channel in enumerate((Channel.COUNTER, Channel.COUNTER, Channel.ONLINE,
                                 Channel.COUNTER)):
        b.receive(f"B{i + 1}", nov(2, 8, 5 + 10 * i), channel)
    b.result("B1", nov(2, 10))
    b.result("B2", nov(2, 10, 10))
    b.services.correct_last_action(b.uuid("B2"), "Nhầm hồ sơ, chưa có kết quả")
    b.done["finished"] -= 1
    b.done["on_time"] -= 1
    b.give_back("B1", nov(2, 10, 30), Satisfaction.SATISFIED)
    b.supplement("B3", nov(2, 10, 40), "Tờ khai", "Tờ khai chưa ký")
    b.at(nov(2, 11))
    b.services.receive_supplement(b.uuid("B3"), "Đã ký tờ khai")
    b.result("B3", nov(2, 14))
    b.result("B4", b.due("B4") + timedelta(days=2))  # late
    b.left_open("B2")


@pytest.fixture
def province(live_hub, tmp_path):
    a = make_counter(tmp_path / "tan-lap", DEMO_SETUP, live_hub)
    b = make_counter(tmp_path / "hoa-binh", HOA_BINH, live_hub)
    tan_lap_s_days(a)
    hoa_binh_s_day(b)
    for counter in (a, b):
        assert counter.sync.sync_now().waiting == 0
    yield live_hub, a, b
    for counter in (a, b):
        counter.sync.close()
        counter.services.close()


def expected_row(counter: Desk) -> dict[str, str]:
    done = counter.done

    def share(name: str) -> str:
        return percent(done[name] / done["received"])

    return {
        "received": str(done["received"]), "counter": share("channel_counter"),
        "online": share("channel_online"), "post": share("channel_postal"),
        "finished": str(done["finished"]), "finished_on_time": str(done["on_time"]),
        "overdue_open": str(len(counter.open_past_due)),
        "on_time": percent(counter.on_time_rate()), "returned": str(done["returned"]),
        "rated": str(done["rated"]),
        "satisfaction": percent(done["satisfied"] / done["rated"]),
        "digitisation": percent(done["digitised"] / done["to_digitise"]),
        "reuse": percent(0.0), "results_digitised": str(done["results_digitised"]),
        "refused": str(done["refused"]), "supplements": str(done["supplements"]),
    }


def test_the_scorecard_counts_what_the_counters_did(province):
    live_hub, a, b = province
    site, client = make_web(live_hub.admin.engine)
    with client:
        site.user("tinh", accounts.VIEWER)
        log_in(client, "tinh")
        page = client.get(f"/bang-diem?{NOVEMBER}").text
        assert cells(page, f"xa-{a.commune_id}") == expected_row(a)
        assert cells(page, f"xa-{b.commune_id}") == expected_row(b)
        # What the test recorded, in plain numbers: A finished 3 (2 in time) and left 1 open
        # past its due time; B finished 2 in time and 1 late, and took one result back.
        assert (a.done["finished"], a.done["on_time"], len(a.open_past_due)) == (3, 2, 1)
        assert (b.done["finished"], b.done["on_time"], len(b.open_past_due)) == (3, 2, 1)
        # A scanned one document of each of three dossiers and showed or waived two more.
        assert (a.done["digitised"], a.done["results_digitised"]) == (3, 1)
        assert cells(page, f"xa-{a.commune_id}")["digitisation"] != percent(0.0)
        province_row = cells(page, "province")
        assert province_row["received"] == "10"
        assert province_row["on_time"] == percent(4 / 8)
        assert province_row["satisfaction"] == percent(2 / 3)

        book = load_workbook(io.BytesIO(client.get(f"/bang-diem/excel?{NOVEMBER}").content))
        sheet = book["Bảng điểm"]
        heads = [cell.value for cell in sheet[4]]
        rows = {row[0]: dict(zip(heads, row, strict=True))
                for row in sheet.iter_rows(min_row=5, values_only=True)}
        tan_lap = rows["UBND xã Tân Lập"]
        assert tan_lap["Tiếp nhận"] == 6
        assert tan_lap["Tỷ lệ đúng hạn"] == pytest.approx(a.on_time_rate())
        assert tan_lap["Trực tuyến"] == pytest.approx(1 / 6)
        assert rows["Toàn tỉnh"]["Yêu cầu bổ sung"] == 2
