"""Correcting a dossier's last action (docs/domain.md, "Correcting a mistake"): a new event,
the state before, the slips of the reversed action reprinted void, the ledger and the board
following, the permission and the "leader only" option."""

import subprocess
from datetime import date, datetime, timedelta

import pytest

from desk_app.core.accounts import Role
from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import ResultReturn
from desk_app.core.reports import BoardKey
from desk_app.core.slips import SlipKind
from desk_app.core.states import DossierState
from desk_app.services.errors import PermissionDenied, TransitionRefused, ValidationFailed
from desk_app.store import outbox
from tests.accounts import ADMIN_NAME, login_as
from tests.services.factories import full_draft
from tests.services.test_permissions import set_leader_corrects

S = DossierState
WED_0800 = datetime(2026, 11, 25, 8, 0, tzinfo=VN_TZ)
UNIT = "Công chức Tư pháp - Hộ tịch"
REASON = "Bấm nhầm hồ sơ khác"


@pytest.fixture
def dossier(services, clock):
    clock.now = WED_0800
    return services.receive(full_draft(services, code="1.004194", name="Đặng Thị Ánh"))


def later(clock, **delta):
    clock.now = clock.now + timedelta(**delta)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def kinds(services, uuid):
    return [e.kind for e in services.history(uuid)]


def test_a_wrong_hand_over_is_reversed_by_a_new_event(services, clock, dossier):
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    printed = services.slip_pdf(dossier.uuid, SlipKind.CONTROL)
    original = printed.read_bytes()
    later(clock, minutes=10)

    done = services.correct_last_action(dossier.uuid, f"  {REASON} ")
    after = services.dossier(dossier.uuid)
    assert after.status is S.RECEIVED and after.due_at == dossier.due_at
    # The hand-over stays in the journal; the correction follows it, chained and queued.
    assert kinds(services, dossier.uuid) == ["received", "handed_over", "corrected"]
    correction = services.history(dossier.uuid)[-1]
    assert correction.status is S.RECEIVED
    assert correction.payload == {
        "reverses": done.reversal.reversed.uuid, "reversed_kind": "handed_over",
        "reason": REASON, "restored_status": 2, "cleared": [],
    }
    assert services.verify_journal().ok
    assert correction.uuid in [e["uuid"] for e in outbox.pending(services.db, 100)]
    # The unit no longer has it; it can be handed over again (the right way).
    assert services.current_unit(dossier.uuid) == ""
    assert services.control_rows(dossier.uuid) == []
    # The control slip printed for the hand-over is kept as printed, and reprinted void.
    assert printed.read_bytes() == original
    assert len(done.voided_slips) == 1 and done.voided_slips[0] != printed
    text = " ".join(pdf_text(done.voided_slips[0]).split())
    assert "ĐÃ HỦY" in text
    assert "Dòng giao nhận lúc 08:00 ngày 25/11/2026: đã hủy bỏ do đính chính lúc 08:10 ngày 25/11/2026" in text
    assert REASON in text
    assert services.slip_pdf(dossier.uuid, SlipKind.CONTROL) == done.voided_slips[0]
    services.hand_over([dossier.uuid], "Công an xã", "Trần Văn Sơn")
    assert services.current_unit(dossier.uuid) == "Công an xã"


def test_a_result_recorded_by_mistake_goes_back_with_its_timeliness(services, clock, dossier):
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    later(clock, days=7)  # past the due time: the result came back late
    services.record_result_ready(dossier.uuid, UNIT, "Lê Văn Hùng")
    assert services.dossier(dossier.uuid).finished_at is not None
    later(clock, minutes=1)
    services.correct_last_action(dossier.uuid, REASON)
    after = services.dossier(dossier.uuid)
    assert after.status is S.PROCESSING and after.finished_at is None
    assert after.due_at == dossier.due_at
    # The board follows: overdue again, not ready to return.
    board = services.board()
    assert [r.uuid for r in board.category(BoardKey.OVERDUE).rows] == [dossier.uuid]
    assert board.count(BoardKey.READY_TO_RETURN) == 0
    # The ledger too: still processing, at the unit it was handed over to, judged late as open.
    line, = services.ledger(date(2026, 11, 25), date(2026, 11, 25))
    assert line.status is S.PROCESSING and line.processing_unit == UNIT
    assert line.timeliness == "Quá hạn"


def test_a_return_is_reversed_to_ready_to_return(services, clock, dossier):
    services.record_result_ready(dossier.uuid, UNIT, "Lê Văn Hùng")
    services.return_result(dossier.uuid, ResultReturn(clock.now, "Đặng Thị Ánh"))
    later(clock, minutes=1)
    services.correct_last_action(dossier.uuid, REASON)
    after = services.dossier(dossier.uuid)
    assert after.status is S.RESULT_READY and after.returned_at is None
    assert after.finished_at is not None
    assert [r.uuid for r in services.dossier_rows(status={S.RESULT_READY})] == [dossier.uuid]
    line, = services.ledger(date(2026, 11, 25), date(2026, 11, 25))
    assert line.status is S.RESULT_READY and line.returned_at is None


@pytest.mark.parametrize(("act", "slip", "before"), [
    (lambda s, u: s.refuse(u, "Không thuộc thẩm quyền"), SlipKind.REFUSAL, S.RECEIVED),
    (lambda s, u: s.withdraw(u, "Công dân có đơn rút"), SlipKind.STOP_NOTICE, S.RECEIVED),
    (lambda s, u: s.request_supplement(u, ["Tờ khai"], "Thiếu tờ khai", ""),
     SlipKind.SUPPLEMENT, S.RECEIVED),
])
def test_the_slip_of_a_reversed_action_reprints_void(services, clock, dossier, act, slip,
                                                     before):
    act(services, dossier.uuid)
    printed = services.slip_pdf(dossier.uuid, slip)
    assert "ĐÃ HỦY" not in pdf_text(printed)
    later(clock, minutes=5)
    done = services.correct_last_action(dossier.uuid, REASON)
    after = services.dossier(dossier.uuid)
    assert after.status is before and after.due_at == dossier.due_at
    voided, = done.voided_slips
    assert voided != printed and "ĐÃ HỦY" in pdf_text(voided)
    assert REASON in pdf_text(voided)
    # Asked again, the slip of that action is the void version.
    assert services.slip_pdf(dossier.uuid, slip) == voided


def test_a_stop_is_reversed_with_nothing_printed_to_void(services, clock, dossier):
    services.stop_processing(dossier.uuid, "Theo đề nghị của cơ quan giải quyết")
    done = services.correct_last_action(dossier.uuid, REASON)
    assert services.dossier(dossier.uuid).status is S.RECEIVED and done.voided_slips == ()


def test_a_batch_handover_list_marks_only_the_reversed_dossiers_line(services, clock, dossier):
    other = services.receive(full_draft(services, code="1.004194", name="Phạm Văn Bình"))
    batch = services.hand_over([dossier.uuid, other.uuid], UNIT, "Lê Văn Hùng")
    listing = services.handover_list_pdf(batch)
    later(clock, minutes=3)
    done = services.correct_last_action(dossier.uuid, REASON)
    voided, = done.voided_slips
    assert voided != listing
    text = " ".join(pdf_text(voided).split())
    assert f"Bàn giao hồ sơ {dossier.code}: đã hủy bỏ do đính chính lúc 08:03" in text
    assert services.dossier(other.uuid).status is S.PROCESSING
    assert services.handover_list_pdf(batch) == voided


def test_reception_is_not_reversible(services, dossier):
    with pytest.raises(TransitionRefused, match="tiếp nhận không đính chính được"):
        services.correct_last_action(dossier.uuid, REASON)
    assert kinds(services, dossier.uuid) == ["received"]


def test_only_within_the_day(services, clock, dossier):
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    later(clock, days=1)
    with pytest.raises(TransitionRefused, match="trong ngày"):
        services.last_action_reversal(dossier.uuid)
    with pytest.raises(TransitionRefused, match="trong ngày"):
        services.correct_last_action(dossier.uuid, REASON)
    assert services.dossier(dossier.uuid).status is S.PROCESSING


def test_not_twice_in_a_row(services, clock, dossier):
    services.record_result_ready(dossier.uuid, UNIT, "Lê Văn Hùng")
    services.correct_last_action(dossier.uuid, REASON)
    with pytest.raises(TransitionRefused, match="không hủy chồng"):
        services.correct_last_action(dossier.uuid, REASON)
    assert services.dossier(dossier.uuid).status is S.RECEIVED


def test_the_reason_is_required_and_nothing_is_written_without_it(services, clock, dossier):
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    with pytest.raises(ValidationFailed) as failed:
        services.correct_last_action(dossier.uuid, "   ")
    assert [i.field for i in failed.value.issues] == ["reason"]
    assert kinds(services, dossier.uuid) == ["received", "handed_over"]
    assert services.dossier(dossier.uuid).status is S.PROCESSING


def test_what_would_be_reversed_is_told_before(services, clock, dossier):
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    undo = services.last_action_reversal(dossier.uuid)
    assert undo.kind.value == "handed_over" and undo.restored is S.RECEIVED
    assert kinds(services, dossier.uuid) == ["received", "handed_over"]


def test_a_clerk_corrects_unless_the_option_says_only_the_leader(services, clock, dossier):
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    set_leader_corrects(services, True)
    login_as(services, Role.CLERK)
    with pytest.raises(PermissionDenied):
        services.correct_last_action(dossier.uuid, REASON)
    assert services.dossier(dossier.uuid).status is S.PROCESSING
    login_as(services, Role.LEADER)
    services.correct_last_action(dossier.uuid, REASON)
    assert services.dossier(dossier.uuid).status is S.RECEIVED
    assert services.history(dossier.uuid)[-1].clerk == f"{Role.LEADER.label} thử"
    login_as(services, Role.ADMIN, ADMIN_NAME)
    set_leader_corrects(services, False)
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    login_as(services, Role.CLERK)
    services.correct_last_action(dossier.uuid, REASON)
    assert services.dossier(dossier.uuid).status is S.RECEIVED


def test_the_end_of_day_leaves_out_a_reversed_hand_over(services, clock, dossier):
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    services.correct_last_action(dossier.uuid, REASON)
    summary = services.end_of_day()
    assert summary.handed_over == ()
    assert {t.key for t in summary.activity} == {"received", "corrected"}


def test_the_printed_and_excel_ledgers_follow_a_corrected_hand_over(services, clock, dossier,
                                                                   tmp_path):
    """The ledger's unit and hand-over columns, and its state, come from what stands."""
    from openpyxl import load_workbook

    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    day = date(2026, 11, 25)
    assert UNIT in " ".join(pdf_text(services.ledger_pdf(day, day)).split())
    later(clock, minutes=2)
    services.correct_last_action(dossier.uuid, REASON)

    line, = services.ledger(day, day)
    assert (line.status, line.processing_unit, line.handed_over_at) == (S.RECEIVED, "", None)
    text = " ".join(pdf_text(services.ledger_pdf(day, day)).split())
    assert UNIT not in text and "Được tiếp nhận" in text
    sheet = load_workbook(services.ledger_xlsx(day, day, tmp_path / "so.xlsx")).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not any(UNIT in c for c in cells)
    assert any(c.startswith("Được tiếp nhận") for c in cells)
