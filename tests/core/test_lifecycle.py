from datetime import datetime, timedelta

import pytest

from desk_app.core.calendar import LocalOverride, OverrideKind, WorkCalendar
from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import (
    OPEN_STATES,
    EventKind,
    ResultReturn,
    apology_issues,
    reason_issues,
    rescheduled_due,
    resumed_due,
    return_issues,
    state_after,
    supplement_issues,
    time_in_order,
)
from desk_app.core.states import DossierState, InvalidTransition, allowed_next, check_transition

S = DossierState

# Written out in full rather than derived from the code under test: this is the state machine
# of docs/domain.md, "Dossier states", as the counter uses it (plus refusal at the counter, see
# core/states.py).
LEGAL_MOVES = {
    (S.REGISTERED, S.RECEIVED), (S.REGISTERED, S.REFUSED), (S.REGISTERED, S.WITHDRAWN),
    (S.RECEIVED, S.PROCESSING), (S.RECEIVED, S.SUPPLEMENT), (S.RECEIVED, S.FINANCIAL),
    (S.RECEIVED, S.RESULT_READY), (S.RECEIVED, S.WITHDRAWN), (S.RECEIVED, S.STOPPED),
    (S.RECEIVED, S.REFUSED),
    (S.PROCESSING, S.SUPPLEMENT), (S.PROCESSING, S.FINANCIAL), (S.PROCESSING, S.RESULT_READY),
    (S.PROCESSING, S.WITHDRAWN), (S.PROCESSING, S.STOPPED),
    (S.SUPPLEMENT, S.RECEIVED), (S.SUPPLEMENT, S.PROCESSING), (S.SUPPLEMENT, S.WITHDRAWN),
    (S.SUPPLEMENT, S.STOPPED), (S.SUPPLEMENT, S.REFUSED),
    (S.FINANCIAL, S.PROCESSING), (S.FINANCIAL, S.RESULT_READY), (S.FINANCIAL, S.WITHDRAWN),
    (S.FINANCIAL, S.STOPPED),
    (S.RESULT_READY, S.RETURNED),
}

# Each event kind (but SUPPLEMENTED and RESCHEDULED, tested on their own) from each state it
# may happen in, and the state it leads to.
LEGAL_EVENTS = {
    EventKind.RECEIVED: ({S.REGISTERED}, S.RECEIVED),
    EventKind.HANDED_OVER: ({S.RECEIVED}, S.PROCESSING),
    EventKind.SUPPLEMENT_REQUESTED: ({S.RECEIVED, S.PROCESSING}, S.SUPPLEMENT),
    EventKind.FINANCIAL_REQUESTED: ({S.RECEIVED, S.PROCESSING}, S.FINANCIAL),
    EventKind.RESULT_READY: ({S.RECEIVED, S.PROCESSING, S.FINANCIAL}, S.RESULT_READY),
    EventKind.REFUSED: ({S.REGISTERED, S.RECEIVED, S.SUPPLEMENT}, S.REFUSED),
    EventKind.RETURNED: ({S.RESULT_READY}, S.RETURNED),
    EventKind.WITHDRAWN: (
        {S.REGISTERED, S.RECEIVED, S.PROCESSING, S.SUPPLEMENT, S.FINANCIAL}, S.WITHDRAWN
    ),
    EventKind.STOPPED: ({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT, S.FINANCIAL}, S.STOPPED),
}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_every_state_pair_is_allowed_or_refused_as_designed(current, target):
    if (current, target) in LEGAL_MOVES:
        check_transition(current, target)
        assert target in allowed_next(current)
    else:
        with pytest.raises(InvalidTransition) as refused:
            check_transition(current, target)
        assert refused.value.current is current and refused.value.target is target
        assert f"«{current.label}»" in str(refused.value)
        assert target not in allowed_next(current)


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("kind", list(LEGAL_EVENTS))
def test_every_event_in_every_state(kind, current):
    sources, target = LEGAL_EVENTS[kind]
    if current in sources:
        assert state_after(kind, current) is target
    else:
        with pytest.raises(InvalidTransition, match=f"«{current.label}»"):
            state_after(kind, current)


@pytest.mark.parametrize("current", list(S))
def test_a_due_time_can_be_rescheduled_only_while_the_dossier_is_open(current):
    if current in {S.RECEIVED, S.PROCESSING, S.SUPPLEMENT, S.FINANCIAL, S.RESULT_READY}:
        assert state_after(EventKind.RESCHEDULED, current) is current
    else:
        with pytest.raises(InvalidTransition, match="không còn hạn trả"):
            state_after(EventKind.RESCHEDULED, current)


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("resume_in", [None, S.RECEIVED, S.PROCESSING, S.RESULT_READY])
def test_a_supplemented_dossier_resumes_where_it_was(current, resume_in):
    legal = current is S.SUPPLEMENT and resume_in is not S.RESULT_READY
    if legal:
        assert state_after(EventKind.SUPPLEMENTED, current, resume_in=resume_in) is (
            resume_in or S.RECEIVED
        )
    else:
        with pytest.raises(InvalidTransition):
            state_after(EventKind.SUPPLEMENTED, current, resume_in=resume_in)


def test_every_event_kind_is_covered_by_the_tests_above():
    # CORRECTED: tests/core/test_corrections.py
    assert set(EventKind) == set(LEGAL_EVENTS) | {
        EventKind.RESCHEDULED, EventKind.SUPPLEMENTED, EventKind.CORRECTED}
    assert frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT, S.FINANCIAL,
                      S.RESULT_READY}) == OPEN_STATES


def test_messages_say_what_is_impossible_in_vietnamese():
    with pytest.raises(InvalidTransition) as refused:
        state_after(EventKind.RETURNED, S.REFUSED)
    assert str(refused.value) == (
        "Không thể chuyển hồ sơ từ trạng thái «Không được tiếp nhận» sang «Đã trả kết quả»."
    )
    with pytest.raises(InvalidTransition, match="chỉ bàn giao được hồ sơ đang nằm tại bộ phận"):
        state_after(EventKind.HANDED_OVER, S.SUPPLEMENT)
    with pytest.raises(InvalidTransition, match="không chờ bổ sung"):
        state_after(EventKind.SUPPLEMENTED, S.PROCESSING)


# --- The clock stops while the applicant is away -------------------------------------------

CAL = WorkCalendar()


def at(day: int, hour: int, minute: int = 0, month: int = 4) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=VN_TZ)


def test_waiting_across_a_weekend_and_a_holiday_costs_only_working_time():
    # Paused Thursday 23/4 10:00, back Tuesday 28/4 10:00. 25–26/4 weekend (26/4 is also Giỗ
    # Tổ Hùng Vương), 27/4 its compensatory day off. Waited: Thursday 10:00–11:30 and
    # 13:30–17:00 (5 h), Friday (8 h), Tuesday 07:00–10:00 (3 h) = 16 h = two working days.
    paused, resumed = at(23, 10), at(28, 10)
    assert CAL.working_time_between(paused, resumed) == timedelta(hours=16)
    # Due Wednesday 29/4 10:00 moves by 16 h: Wednesday gives 5 h, then 30/4 and 1/5 are
    # holidays and 2–3/5 a weekend, Monday 4/5 gives 8 h, the last 3 h end Tuesday 5/5 10:00.
    assert resumed_due(CAL, at(29, 10), paused, resumed) == at(5, 10, month=5)


def test_waiting_that_ends_before_working_time_starts_moves_to_the_minute():
    # Paused Friday 24/4 16:30 (30 min left that day), back Tuesday 28/4 at 06:45, before the
    # counter opens: only those 30 minutes count.
    paused, resumed = at(24, 16, 30), at(28, 6, 45)
    assert CAL.working_time_between(paused, resumed) == timedelta(minutes=30)
    # Due Tuesday 28/4 16:45 + 30 min: the afternoon ends at 17:00, so 15 min on Wednesday.
    assert resumed_due(CAL, at(28, 16, 45), paused, resumed) == at(29, 7, 15)


def test_a_local_day_off_while_waiting_costs_nothing_either():
    local = WorkCalendar(overrides=[LocalOverride(at(24, 0).date(), OverrideKind.DAY_OFF)])
    paused, resumed = at(23, 10), at(28, 10)
    assert local.working_time_between(paused, resumed) == timedelta(hours=8)
    assert resumed_due(local, at(29, 10), paused, resumed) == at(4, 10, month=5)


def test_no_working_time_spent_waiting_leaves_the_due_time_alone():
    assert resumed_due(CAL, at(29, 10), at(25, 9), at(27, 15)) == at(29, 10)


# --- Apology: the new due time -------------------------------------------------------------


def test_apology_keeps_the_clock_time_and_skips_days_off():
    # Due Wednesday 29/4 17:00, two more working days: 30/4, 1/5 holidays, weekend, so
    # Monday 4/5 and Tuesday 5/5, still at 17:00 (not the next morning).
    assert rescheduled_due(CAL, at(29, 17), 2) == at(5, 17, month=5)
    assert rescheduled_due(CAL, at(28, 9, 30), 1) == at(29, 9, 30)
    with pytest.raises(ValueError):
        rescheduled_due(CAL, at(28, 9, 30), 0)


# --- What the clerk must type -----------------------------------------------------------------


def test_a_supplement_request_needs_documents_and_a_reason():
    issues = supplement_issues((), "")
    assert [i.field for i in issues] == ["missing", "reason"]
    assert all(i.message for i in issues)
    assert supplement_issues(("Giấy chứng sinh",), "Thiếu bản chính") == []


def test_reasons_are_mandatory_with_a_message_naming_the_act():
    [issue] = reason_issues("", "từ chối tiếp nhận hồ sơ")
    assert issue.message == "Nhập lý do từ chối tiếp nhận hồ sơ."
    assert reason_issues("Không thuộc thẩm quyền", "từ chối") == []


def test_an_apology_needs_a_later_due_time():
    old, now = at(28, 9), at(28, 10)
    assert [i.field for i in apology_issues("", old, None, now)] == ["reason", "new_due_at"]
    [earlier] = apology_issues("Chờ xác minh", old, at(27, 9), now)
    assert "phải sau ngày hẹn cũ" in earlier.message
    [past] = apology_issues("Chờ xác minh", at(27, 9), at(28, 9, 30), now)
    assert "sau thời điểm hiện tại" in past.message
    assert apology_issues("Chờ xác minh", old, at(29, 9), now) == []


def test_returning_a_result_asks_for_who_and_how():
    moment = at(28, 10)
    assert [i.field for i in return_issues(ResultReturn(moment, ""))] == ["collector_name"]
    proxy = ResultReturn(moment, "Lê Văn Bình", authorised=True)
    assert [i.field for i in return_issues(proxy)] == ["collector_id_number"]
    bad_id = ResultReturn(moment, "Lê Văn Bình", "12345", authorised=True)
    assert "12 chữ số" in return_issues(bad_id)[0].message
    good = ResultReturn(moment, "Lê Văn Bình", "025090012345", authorised=True)
    assert return_issues(good) == []
    post = ResultReturn(moment, "Bưu điện xã", by_post=True)
    assert [i.field for i in return_issues(post)] == ["tracking_number"]


def test_every_recorded_kind_has_a_name_and_unknown_ones_do_not_fail():
    from desk_app.core.lifecycle import QUARANTINE_DISCARDED, kind_label

    assert kind_label("handed_over") == "Bàn giao xử lý"
    assert kind_label(QUARANTINE_DISCARDED) == "Loại bỏ sự kiện bị cách ly"
    assert kind_label("from_a_newer_hub") == "from_a_newer_hub"


def test_an_action_in_the_last_events_minute_is_recorded_after_it():
    last = datetime(2026, 12, 1, 14, 56, 30, tzinfo=VN_TZ)
    # The clerk's field shows 14:56: the event takes the last one's time, after it by sequence.
    assert time_in_order(last.replace(second=0), last) == last
    assert time_in_order(last.replace(second=45), last) == last.replace(second=45)
    assert time_in_order(last.replace(minute=55, second=59), last) is None
    assert time_in_order(last.replace(minute=55), None) == last.replace(minute=55)
