"""A whole working day at the counter, 50 dossiers through every path, then the ledger, the
board and the end-of-day report checked against what the clerks did and against each other.

The day is Thursday 26/11/2026 (24/11 was a day off). Fifteen dossiers come from the days
before it, so that some results are late and some early; thirty-five are received that day.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

import pytest

from desk_app.core.accounts import Role
from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import EventKind, ResultReturn, Satisfaction
from desk_app.core.model import Dossier
from desk_app.core.reports import BoardKey
from desk_app.core.states import DossierState
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.services.errors import TransitionRefused
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD, login_as
from tests.clock import Clock
from tests.services.factories import full_draft

S = DossierState
DAY = date(2026, 11, 26)
FIRST_DAY = date(2026, 11, 16)
TUPHAP = "Công chức Tư pháp - Hộ tịch"
POLICE = "Công an xã"
LAND = "Công chức Địa chính - Xây dựng"
COUNTER = DEMO_SETUP.unit_name

TAM_TRU, THUONG_TRU, KHAI_SINH = "1.004194", "1.004222", "1.001193"
CHU_KY, BAN_SAO = "2.000884", "2.000815"


def vn(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=VN_TZ)


@dataclass
class Day:
    """The clerks' actions, and the test's own record of what each should have done."""

    services: Services
    clock: Clock
    state: dict[str, DossierState] = field(default_factory=dict)  # by dossier uuid
    dossiers: dict[str, Dossier] = field(default_factory=dict)  # by scenario name
    verdicts: dict[str, str] = field(default_factory=dict)  # name -> early/on time/late
    done_today: Counter = field(default_factory=Counter)  # event kinds on DAY
    handed_today: Counter = field(default_factory=Counter)  # unit -> dossiers
    batches: list[str] = field(default_factory=list)

    def at(self, moment: datetime) -> None:
        assert moment >= self.clock.now, "the simulated clock only goes forward"
        self.clock.now = moment

    def _did(self, kind: EventKind, uuid: str, state: DossierState | None) -> None:
        if state is not None:
            self.state[uuid] = state
        if self.clock.now.date() == DAY:
            self.done_today[kind] += 1

    def clerk(self, name: str) -> None:
        # A leader: the day's checks read the whole counter's board and reports.
        login_as(self.services, Role.LEADER, name)

    def receive(self, name: str, code: str, moment: datetime) -> Dossier:
        self.at(moment)
        dossier = self.services.receive(full_draft(self.services, code=code, name=name))
        self.dossiers[name] = dossier
        self._did(EventKind.RECEIVED, dossier.uuid, S.RECEIVED)
        return dossier

    def uuid(self, name: str) -> str:
        return self.dossiers[name].uuid

    def hand_over(self, names: list[str], unit: str, receiver: str) -> None:
        self.batches.append(self.services.hand_over([self.uuid(n) for n in names], unit, receiver))
        for name in names:
            self._did(EventKind.HANDED_OVER, self.uuid(name), S.PROCESSING)
            if self.clock.now.date() == DAY:
                self.handed_today[unit] += 1

    def result(self, name: str, unit: str, verdict: str) -> None:
        self.services.record_result_ready(self.uuid(name), unit, "Cán bộ xử lý")
        self.verdicts[name] = verdict
        [*_, row] = self.services.control_rows(self.uuid(name))
        assert row.result == verdict, name
        self._did(EventKind.RESULT_READY, self.uuid(name), S.RESULT_READY)

    def give_back(self, name: str, **how) -> None:
        how.setdefault("satisfaction", Satisfaction.VERY_SATISFIED)
        collector = how.pop("collector", name)
        self.services.return_result(self.uuid(name), ResultReturn(self.clock.now, collector, **how))
        self._did(EventKind.RETURNED, self.uuid(name), S.RETURNED)

    def supplement(self, name: str, **unit) -> None:
        self.services.request_supplement(
            self.uuid(name), ["Giấy xác nhận thông tin về cư trú"], "Thiếu giấy tờ chứng minh",
            "", **unit,
        )
        self._did(EventKind.SUPPLEMENT_REQUESTED, self.uuid(name), S.SUPPLEMENT)

    def supplemented(self, name: str, back_to: DossierState) -> None:
        resumed = self.services.receive_supplement(self.uuid(name), "Đã nộp đủ")
        assert resumed.status is back_to
        self._did(EventKind.SUPPLEMENTED, self.uuid(name), back_to)

    def end(self, kind: EventKind, name: str, reason: str) -> None:
        action = {EventKind.REFUSED: self.services.refuse,
                  EventKind.WITHDRAWN: self.services.withdraw,
                  EventKind.STOPPED: self.services.stop_processing}[kind]
        action(self.uuid(name), reason)
        target = {EventKind.REFUSED: S.REFUSED, EventKind.WITHDRAWN: S.WITHDRAWN,
                  EventKind.STOPPED: S.STOPPED}[kind]
        self._did(kind, self.uuid(name), target)

    def apologise(self, name: str, days: int) -> None:
        self.services.apologise(self.uuid(name), "Chờ kết quả xác minh", extra_working_days=days)
        self._did(EventKind.RESCHEDULED, self.uuid(name), None)

    def correct_hand_over(self, name: str, unit: str, reason: str) -> None:
        """The clerk takes back a hand-over made by mistake: the dossier is back at the counter
        and the end of day no longer counts it."""
        self.services.correct_last_action(self.uuid(name), reason)
        self._did(EventKind.CORRECTED, self.uuid(name), S.RECEIVED)
        self.done_today[EventKind.HANDED_OVER] -= 1
        self.handed_today[unit] -= 1

    def names(self, prefix: str) -> list[str]:
        return [n for n in self.dossiers if n.startswith(prefix)]


def the_days_before(day: Day) -> None:
    """Fifteen dossiers received in the previous week and a half."""
    for i in range(1, 5):  # due Thursday 19/11: their results will be late
        day.receive(f"Trễ {i}", TAM_TRU, vn(16, 8 + i))
    day.at(vn(17, 8))
    day.hand_over(day.names("Trễ"), POLICE, "Phạm Văn Công")
    for i in range(1, 5):  # seven working days: due Monday 30/11, their results early
        day.receive(f"Sớm {i}", THUONG_TRU, vn(18, 8 + i))
    day.at(vn(19, 8))
    day.hand_over(day.names("Sớm"), LAND, "Hoàng Văn Lộc")
    day.receive("Đúng hạn", TAM_TRU, vn(20, 10))  # due Thursday 26/11 10:00
    day.receive("Hẹn lại", TAM_TRU, vn(20, 14))  # due 26/11 14:00: will get an apology
    day.receive("Quá hạn", TAM_TRU, vn(20, 15))  # due 26/11 15:00: will be overdue
    day.at(vn(20, 16))
    day.hand_over(["Đúng hạn", "Hẹn lại", "Quá hạn"], POLICE, "Phạm Văn Công")
    day.receive("Bổ sung ở đơn vị", TAM_TRU, vn(23, 8, 30))
    day.receive("Đang xử lý", TAM_TRU, vn(23, 8, 45))
    day.receive("Không quay lại", THUONG_TRU, vn(23, 9))
    day.at(vn(23, 9, 30))
    day.supplement("Không quay lại")
    day.hand_over(["Bổ sung ở đơn vị", "Đang xử lý"], POLICE, "Phạm Văn Công")
    day.receive("Rút hồ sơ", THUONG_TRU, vn(25, 9))
    day.at(vn(25, 10))
    day.hand_over(["Rút hồ sơ"], LAND, "Hoàng Văn Lộc")


def the_day(day: Day) -> None:
    """Thursday 26/11: two clerks, thirty-five new dossiers, and the backlog moving."""
    for i in range(1, 11):  # signatures certified on the spot
        day.clerk("Nguyễn Thị Hoa" if i % 2 else "Trần Văn Nam")
        day.receive(f"Chữ ký {i}", CHU_KY, vn(26, 7, 3 * i))
    for i in range(1, 9):
        day.receive(f"Khai sinh {i}", KHAI_SINH, vn(26, 8, 5 * i))
    day.at(vn(26, 9))
    day.supplement("Bổ sung ở đơn vị", giver_name="Phạm Văn Công")  # the police send it back
    for i in range(1, 8):
        day.receive(f"Tạm trú {i}", TAM_TRU, vn(26, 9, 5 + 5 * i))
    day.at(vn(26, 9, 50))
    day.result("Đúng hạn", POLICE, "Đúng hạn")
    day.at(vn(26, 10))
    for i in range(1, 11):
        day.result(f"Chữ ký {i}", COUNTER, "Đúng hạn")
    for i in range(1, 5):
        day.result(f"Trễ {i}", POLICE, "Quá hạn")
        day.result(f"Sớm {i}", LAND, "Trước hạn")
    day.at(vn(26, 10, 30))
    day.hand_over(day.names("Khai sinh"), TUPHAP, "Lê Văn Hùng")
    day.give_back("Đúng hạn", satisfaction=Satisfaction.SATISFIED)  # after 10:00, on time
    for i in range(1, 9):
        day.give_back(f"Chữ ký {i}")
    for i in range(1, 5):
        day.give_back(f"Trễ {i}", satisfaction=Satisfaction.DISSATISFIED)
    day.give_back("Sớm 1")
    day.give_back("Sớm 2", collector="Lê Văn Bình", collector_id_number="025090012345",
                  authorised=True)
    day.at(vn(26, 11))
    day.end(EventKind.REFUSED, "Không quay lại", "Quá thời hạn bổ sung, công dân không bổ sung")
    day.at(vn(26, 11, 15))
    day.hand_over(day.names("Tạm trú"), POLICE, "Phạm Văn Công")
    day.at(vn(26, 13))
    day.apologise("Hẹn lại", 2)
    for i, minute in enumerate((30, 40, 50, 55, 58), start=1):
        day.receive(f"Thường trú {i}", THUONG_TRU, vn(26, 13, minute))
    day.at(vn(26, 14))
    day.supplement("Thường trú 3")
    day.supplemented("Bổ sung ở đơn vị", S.PROCESSING)  # back to the police
    day.at(vn(26, 14, 45))
    day.end(EventKind.REFUSED, "Thường trú 1", "Không thuộc thẩm quyền giải quyết của xã")
    day.at(vn(26, 14, 50))
    day.supplement("Thường trú 2")  # the applicant will come back another day
    day.at(vn(26, 15))
    for i in range(1, 7):
        day.result(f"Khai sinh {i}", TUPHAP, "Đúng hạn")
    for i in range(1, 6):  # after the 15:00 cut-off: due tomorrow
        day.receive(f"Bản sao {i}", BAN_SAO, vn(26, 15, 5 * i))
    day.at(vn(26, 15, 30))
    for i in range(1, 4):
        day.give_back(f"Khai sinh {i}")
    day.give_back("Khai sinh 4", collector="Bưu điện xã Tân Lập", by_post=True,
                  tracking_number="EB123456789VN", satisfaction=None)
    day.at(vn(26, 16))
    day.end(EventKind.STOPPED, "Tạm trú 7", "Cơ quan công an dừng giải quyết theo quy định")
    day.at(vn(26, 16, 10))
    day.end(EventKind.WITHDRAWN, "Bản sao 5", "Công dân xin rút hồ sơ")
    day.end(EventKind.WITHDRAWN, "Rút hồ sơ", "Công dân đã chuyển nơi ở")
    day.at(vn(26, 16, 30))
    day.supplemented("Thường trú 3", S.RECEIVED)
    day.at(vn(26, 16, 40))
    with pytest.raises(TransitionRefused) as refused:  # a refused one slipped into the batch
        day.services.hand_over(
            [day.uuid(n) for n in ("Thường trú 1", "Thường trú 3", "Thường trú 4")], LAND, "Hoàng"
        )
    assert refused.value.codes == (day.dossiers["Thường trú 1"].code,)
    day.hand_over(["Thường trú 3", "Thường trú 4", "Thường trú 5"], LAND, "Hoàng Văn Lộc")
    day.at(vn(26, 16, 45))
    day.hand_over(["Bản sao 4"], POLICE, "Phạm Văn Công")  # the wrong pile
    day.correct_hand_over("Bản sao 4", POLICE, "Giao nhầm: hồ sơ chứng thực ở lại quầy")
    day.at(vn(26, 17))


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    clock = Clock(vn(16, 7))
    services = Services(tmp_path_factory.mktemp("simulated") / "data", clock=clock)
    services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    simulated = Day(services, clock)
    the_days_before(simulated)
    the_day(simulated)
    yield simulated
    services.close()


def received_today(day: Day) -> list[str]:
    return [d.uuid for d in day.dossiers.values() if d.received_at.date() == DAY]


def test_fifty_dossiers_went_through_every_path(day):
    assert len(day.dossiers) == 50 and len(received_today(day)) == 35
    assert set(day.state.values()) == set(S) - {S.REGISTERED, S.FINANCIAL}
    for uuid, state in day.state.items():
        assert day.services.dossier(uuid).status is state
    assert set(day.done_today) == set(EventKind) - {EventKind.FINANCIAL_REQUESTED}


def test_the_ledger_has_every_dossier_on_its_receipts_line(day):
    lines = day.services.ledger(FIRST_DAY, DAY)
    assert [line.number for line in lines] == list(range(1, 51))
    assert {line.book for line in lines} == {2026}
    by_code = {d.code: d for d in day.dossiers.values()}
    assert set(by_code) == {line.code for line in lines}
    for line in lines:
        dossier = by_code[line.code]
        assert (line.book, line.number) == (dossier.ledger.book, dossier.ledger.number)
        assert line.status is day.state[dossier.uuid]
        assert (line.returned_at is not None) == (line.status is S.RETURNED)
    verdicts = {line.code: line.timeliness for line in lines}
    for name, verdict in day.verdicts.items():
        assert verdicts[day.dossiers[name].code] == verdict, name
    for name in ("Không quay lại", "Thường trú 1", "Bản sao 5", "Rút hồ sơ", "Tạm trú 7"):
        assert verdicts[day.dossiers[name].code] == ""  # ended without a result
    assert verdicts[day.dossiers["Quá hạn"].code] == "Quá hạn"
    assert verdicts[day.dossiers["Hẹn lại"].code] == "Trong hạn"  # the apology's new date
    [rescheduled] = [line for line in lines if line.original_due_at is not None]
    assert rescheduled.code == day.dossiers["Hẹn lại"].code
    assert rescheduled.original_due_at == vn(26, 14)
    assert rescheduled.due_at == vn(30, 14)  # two working days later: Friday, Monday


def test_the_board_at_closing_time(day):
    board = day.services.board()
    names = {d.uuid: n for n, d in day.dossiers.items()}

    def on(key):
        return sorted(names[row.uuid] for row in board.category(key).rows)

    assert board.count(BoardKey.RECEIVED_TODAY) == 35
    assert on(BoardKey.DUE_TODAY) == ["Khai sinh 7", "Khai sinh 8"]  # due at 17:00 sharp
    assert on(BoardKey.OVERDUE) == ["Quá hạn"]
    assert on(BoardKey.READY_TO_RETURN) == sorted(
        ["Chữ ký 9", "Chữ ký 10", "Khai sinh 5", "Khai sinh 6", "Sớm 3", "Sớm 4"]
    )
    assert on(BoardKey.WAITING_SUPPLEMENT) == ["Thường trú 2"]
    for key in BoardKey:
        expected = [u for u, s in day.state.items() if s is {
            BoardKey.READY_TO_RETURN: S.RESULT_READY,
            BoardKey.WAITING_SUPPLEMENT: S.SUPPLEMENT,
        }.get(key)]
        if expected:
            assert board.count(key) == len(expected)
    clerks = {g.name: g.count(BoardKey.RECEIVED_TODAY) for g in board.by_clerk}
    assert clerks == {"Nguyễn Thị Hoa": 5, "Trần Văn Nam": 30}
    procedures = {g.name: g.count(BoardKey.RECEIVED_TODAY) for g in board.by_procedure}
    assert sorted(procedures.values()) == [5, 5, 7, 8, 10]


def test_the_end_of_day_report_matches_what_was_done(day):
    report = day.services.end_of_day()
    today = received_today(day)
    assert report.received == 35
    assert {t.key: t.count for t in report.by_state} == {
        str(int(s)): n for s, n in Counter(day.state[u] for u in today).items()
    }
    assert {t.key: t.count for t in report.activity} == {
        k.value: n for k, n in day.done_today.items()
    }
    assert report.activity_count(EventKind.RETURNED) == 19
    assert report.activity_count(EventKind.RESULT_READY) == 25
    assert {t.label: t.count for t in report.handed_over_by_unit()} == dict(day.handed_today)
    assert sum(day.handed_today.values()) == len(report.handed_over) == 18
    at_counter = Counter(row.status for row in report.at_counter)
    expected = Counter(s for s in day.state.values()
                       if s in (S.RECEIVED, S.SUPPLEMENT, S.RESULT_READY))
    assert at_counter == expected == Counter({S.RESULT_READY: 6, S.RECEIVED: 4, S.SUPPLEMENT: 1})


def test_ledger_board_and_end_of_day_agree(day):
    report = day.services.end_of_day()
    board = day.services.board()
    todays_lines = day.services.ledger(DAY, DAY)
    assert len(todays_lines) == report.received == board.count(BoardKey.RECEIVED_TODAY)
    assert Counter(str(int(line.status)) for line in todays_lines) == Counter(
        {t.key: t.count for t in report.by_state}
    )
    ready = [row for row in report.at_counter if row.status is S.RESULT_READY]
    assert {r.uuid for r in ready} == {
        r.uuid for r in board.category(BoardKey.READY_TO_RETURN).rows
    }
    waiting = [row for row in report.at_counter if row.status is S.SUPPLEMENT]
    assert {r.uuid for r in waiting} == {
        r.uuid for r in board.category(BoardKey.WAITING_SUPPLEMENT).rows
    }
    assert sum(t.count for t in report.by_procedure) == report.received
    # Every event is queued for the province.
    assert day.services.outbox_counts()["pending"] == sum(
        len(day.services.history(d.uuid)) for d in day.dossiers.values()
    )


def test_every_slip_of_the_day_is_produced_and_recorded(day):
    services = day.services
    made = [
        services.slip_pdf(day.uuid("Thường trú 2"), "supplement"),
        services.slip_pdf(day.uuid("Thường trú 1"), "refusal"),
        services.slip_pdf(day.uuid("Hẹn lại"), "apology"),
        services.slip_pdf(day.uuid("Bổ sung ở đơn vị"), "control"),
        services.receipt_pdf(day.uuid("Thường trú 3")),
    ]
    made += [services.handover_list_pdf(batch) for batch in day.batches]
    made += [services.ledger_pdf(FIRST_DAY, DAY), services.end_of_day_pdf()]
    for path in made:
        assert path.read_bytes().startswith(b"%PDF"), path
    kinds = [s.kind for s in services.printed_slips(day.uuid("Bổ sung ở đơn vị"))]
    assert kinds.count("handover_list") == 1 and kinds.count("control") == 1
    assert [s.kind for s in services.printed_slips(day.uuid("Thường trú 3"))] == [
        "receipt", "handover_list"
    ]
