from datetime import date, datetime, timedelta

import pytest

from desk_app.core.accounts import Role
from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import EventKind, ResultReturn
from desk_app.core.reports import BoardKey
from desk_app.core.states import DossierState
from desk_app.services.errors import ValidationFailed
from tests.accounts import login_as
from tests.services.factories import full_draft

S = DossierState
UNIT = "Công chức Tư pháp - Hộ tịch"
POLICE = "Công an xã"


def vn(month, day, hour, minute=0, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


def receive(services, clock, at, code="1.004194", name="Đặng Thị Ánh"):
    clock.now = at
    return services.receive(full_draft(services, code=code, name=name))


def as_clerk(services, name):
    # A leader: the tests read the whole counter's board and reports between receipts.
    login_as(services, Role.LEADER, name)


@pytest.fixture
def counter(services, clock):
    """A counter on Thursday 26/11/2026 at 08:00 (24/11 was a day off), with one dossier on
    each tile of the board and some that are on none."""
    d = {}
    # Same-day procedure received last Friday, never finished: overdue.
    d["overdue"] = receive(services, clock, vn(11, 20, 9), code="2.000884", name="Quá Hạn")
    # Three working days from Friday 10:00 (23, 25, 26/11): due today at 10:00.
    d["due_today"] = receive(services, clock, vn(11, 20, 10), name="Đến Hạn")
    d["ready"] = receive(services, clock, vn(11, 20, 11), name="Có Kết Quả")
    d["waiting"] = receive(services, clock, vn(11, 20, 14), name="Chờ Bổ Sung")
    d["returned"] = receive(services, clock, vn(11, 20, 15), code="2.000884", name="Đã Trả")
    clock.now = vn(11, 23, 8)
    services.hand_over([d["ready"].uuid, d["due_today"].uuid], UNIT, "Lê Văn Hùng")
    services.record_result_ready(d["returned"].uuid, "Bộ phận một cửa", "Nguyễn Thị Hoa")
    services.request_supplement(d["waiting"].uuid, ["Giấy xác nhận nơi ở"], "Thiếu", "")
    clock.now = vn(11, 25, 9)
    services.record_result_ready(d["ready"].uuid, UNIT, "Lê Văn Hùng")
    services.return_result(d["returned"].uuid, ResultReturn(clock.now, "Đã Trả"))
    as_clerk(services, "Trần Văn Nam")
    d["today"] = receive(services, clock, vn(11, 26, 7, 30), code="1.001193", name="Hôm Nay")
    d["refused_today"] = receive(services, clock, vn(11, 26, 7, 45), name="Bị Từ Chối")
    services.refuse(d["refused_today"].uuid, "Không thuộc thẩm quyền")
    services.hand_over([d["today"].uuid], POLICE, "Phạm Văn Công")
    clock.now = vn(11, 26, 8)
    return d


def uuids(category):
    return {row.uuid for row in category.rows}


def test_the_board_puts_each_dossier_on_its_tiles(services, counter):
    board = services.board()
    d = {key: dossier.uuid for key, dossier in counter.items()}
    assert board.at == vn(11, 26, 8)
    assert [c.key for c in board.categories] == list(BoardKey)
    assert uuids(board.category(BoardKey.RECEIVED_TODAY)) == {d["today"], d["refused_today"]}
    # Today's birth registration is a same-day procedure: due today too.
    assert uuids(board.category(BoardKey.DUE_TODAY)) == {d["due_today"], d["today"]}
    assert uuids(board.category(BoardKey.OVERDUE)) == {d["overdue"]}
    assert uuids(board.category(BoardKey.READY_TO_RETURN)) == {d["ready"]}
    assert uuids(board.category(BoardKey.WAITING_SUPPLEMENT)) == {d["waiting"]}
    assert board.count(BoardKey.RECEIVED_TODAY) == 2
    assert board.category(BoardKey.OVERDUE).title == "Quá hạn"


def test_the_board_by_clerk_and_by_procedure(services, counter):
    board = services.board()
    assert [g.name for g in board.by_clerk] == ["Nguyễn Thị Hoa", "Trần Văn Nam"]
    hoa, nam = board.by_clerk
    assert [hoa.count(k) for k in BoardKey] == [0, 1, 1, 1, 1]
    assert [nam.count(k) for k in BoardKey] == [2, 1, 0, 0, 0]
    names = {g.name: g for g in board.by_procedure}
    assert names["Đăng ký tạm trú"].count(BoardKey.DUE_TODAY) == 1
    assert names["Đăng ký khai sinh"].count(BoardKey.RECEIVED_TODAY) == 1
    # Every dossier on a tile is on the same tile of exactly one clerk and one procedure.
    for key in BoardKey:
        assert sum(g.count(key) for g in board.by_clerk) == board.count(key)
        assert sum(g.count(key) for g in board.by_procedure) == board.count(key)


def test_the_board_moves_with_the_clock(services, counter):
    # At 10:01 the dossier due at 10:00 is overdue; a day later nothing received "today".
    board = services.board(vn(11, 26, 10, 1))
    assert uuids(board.category(BoardKey.DUE_TODAY)) == {counter["today"].uuid}
    assert board.count(BoardKey.OVERDUE) == 2
    assert services.board(vn(11, 27, 8)).count(BoardKey.RECEIVED_TODAY) == 0


def test_the_ledger_follows_the_receipts_book_and_line(services, clock):
    received = [
        receive(services, clock, vn(12, 30, 9), name="Cuối Năm Một"),
        receive(services, clock, vn(12, 31, 9), code="2.000884", name="Cuối Năm Hai"),
        receive(services, clock, vn(1, 4, 9, year=2027), name="Đầu Năm"),
    ]
    clock.now = vn(12, 31, 10)
    services.record_result_ready(received[1].uuid, "Bộ phận một cửa", "Nguyễn Thị Hoa")
    services.return_result(received[1].uuid, ResultReturn(vn(12, 31, 10, 30), "Cuối Năm Hai"))
    clock.now = vn(1, 8, 9, year=2027)
    lines = services.ledger(date(2026, 12, 30), date(2027, 1, 4))
    assert [(line.book, line.number) for line in lines] == [(2026, 1), (2026, 2), (2027, 1)]
    for line, dossier in zip(lines, received, strict=True):
        assert (line.book, line.number) == (dossier.ledger.book, dossier.ledger.number)
        assert line.code == dossier.code and line.clerk == "Nguyễn Thị Hoa"
    first, returned, _ = lines
    assert first.applicant_contact == "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ – 0912345678"
    assert first.timeliness == "Quá hạn" and first.returned_at is None
    assert returned.status is S.RETURNED and returned.timeliness == "Đúng hạn"
    assert returned.returned_at == vn(12, 31, 10, 30)
    assert [line.code for line in services.ledger(date(2027, 1, 1), date(2027, 1, 31))] == [
        received[2].code
    ]
    with pytest.raises(ValidationFailed, match="Ngày bắt đầu"):
        services.ledger(date(2027, 1, 4), date(2026, 12, 30))


def test_a_rescheduled_dossier_shows_both_due_times_in_the_ledger(services, clock):
    dossier = receive(services, clock, vn(11, 25, 9))
    services.apologise(dossier.uuid, "Chờ xác minh", extra_working_days=1)
    [line] = services.ledger(date(2026, 11, 25), date(2026, 11, 25))
    assert line.original_due_at == dossier.due_at and line.due_at > dossier.due_at


def test_end_of_day_counts_the_days_work(services, counter):
    report = services.end_of_day()
    assert report.day == date(2026, 11, 26) and report.clerk == "Trần Văn Nam"
    assert report.received == 2
    assert report.state_count(S.RECEIVED) == 0
    assert report.state_count(S.PROCESSING) == 1 and report.state_count(S.REFUSED) == 1
    assert report.activity_count(EventKind.RECEIVED) == 2
    assert report.activity_count(EventKind.REFUSED) == 1
    assert report.activity_count(EventKind.HANDED_OVER) == 1
    assert report.activity_count(EventKind.RETURNED) == 0
    assert [(t.key, t.count) for t in report.by_procedure] == [("1.001193", 1), ("1.004194", 1)]
    [handed] = report.handed_over
    assert (handed.code, handed.unit, handed.receiver_name) == (
        counter["today"].code, POLICE, "Phạm Văn Công"
    )
    assert [(t.label, t.count) for t in report.handed_over_by_unit()] == [(POLICE, 1)]
    # Still at the counter: the overdue one never handed over, the one waiting for the
    # applicant, and the result waiting to be collected.
    assert [row.uuid for row in report.at_counter] == [
        counter["overdue"].uuid, counter["waiting"].uuid, counter["ready"].uuid
    ]


def test_end_of_day_of_an_earlier_day(services, counter):
    report = services.end_of_day(date(2026, 11, 23))
    assert report.received == 0
    assert report.activity_count(EventKind.HANDED_OVER) == 2
    assert report.activity_count(EventKind.RESULT_READY) == 1
    assert report.activity_count(EventKind.SUPPLEMENT_REQUESTED) == 1
    assert {h.unit for h in report.handed_over} == {UNIT}
    assert report.made_at == vn(11, 26, 8)


def test_reports_on_paper_and_in_excel(services, counter, tmp_path):
    ledger = services.ledger_pdf(date(2026, 11, 1), date(2026, 11, 30))
    again = services.ledger_pdf(date(2026, 11, 1), date(2026, 11, 30))
    assert ledger != again  # every printout is kept
    assert ledger.is_relative_to(services.data_dir / "bao-cao" / "2026" / "11")
    excel = services.ledger_xlsx(date(2026, 11, 1), date(2026, 11, 30), tmp_path / "so.xlsx")
    assert excel == tmp_path / "so.xlsx" and excel.read_bytes().startswith(b"PK")
    day = services.end_of_day_pdf()
    for path in (ledger, again, day):
        assert path.read_bytes().startswith(b"%PDF")


def test_a_quiet_day_makes_an_empty_report(services, clock):
    clock.now = vn(11, 26, 17) + timedelta(minutes=1)
    report = services.end_of_day()
    assert report.received == 0 and report.activity == () and report.at_counter == ()
    assert all(c.count == 0 for c in services.board().categories)


def test_the_ledger_says_where_and_when_each_dossier_went(services, clock):
    went, stayed = (receive(services, clock, vn(11, 25, 9, minute)) for minute in (0, 5))
    clock.now = vn(11, 25, 10)
    services.hand_over([went.uuid], "Công an xã", "Lê Văn Tám")
    clock.now = vn(11, 25, 11)
    lines = {line.code: line for line in services.ledger(date(2026, 11, 25), date(2026, 11, 25))}
    assert lines[went.code].processing_unit == "Công an xã"
    assert lines[went.code].handed_over_at == vn(11, 25, 10)
    assert lines[went.code].sets == went.draft.sets
    assert lines[stayed.code].processing_unit == "" and lines[stayed.code].handed_over_at is None


def counts_of(board):
    """A board's numbers, whole and by clerk and procedure, from either form of it."""
    def line(group):
        return group.name, [group.count(key) for key in BoardKey]

    return ([board.count(key) for key in BoardKey], [line(g) for g in board.by_clerk],
            [line(g) for g in board.by_procedure])


@pytest.mark.parametrize("at", [
    vn(11, 26, 8), vn(11, 26, 10), vn(11, 26, 10, 0, 1), vn(11, 26, 10, 1), vn(11, 27, 8),
])
@pytest.mark.parametrize("whole_counter", [None, True, False])
def test_the_board_s_numbers_counted_by_the_database_are_the_board_s(
        services, counter, at, whole_counter):
    summary = services.board_summary(at, whole_counter=whole_counter)
    board = services.board(at, whole_counter=whole_counter)
    assert summary.at == at and summary.clerk == board.clerk
    assert counts_of(summary) == counts_of(board)


def test_a_clerk_s_board_numbers_are_their_own_dossiers(services, counter):
    assert services.board_summary().count(BoardKey.OVERDUE) == 1  # the leader's: Hoa's
    login_as(services, Role.CLERK, "Phan Văn Tư")  # a clerk who received nothing yet
    summary = services.board_summary()
    assert counts_of(summary) == counts_of(services.board())
    assert summary.by_clerk == () and summary.count(BoardKey.OVERDUE) == 0
