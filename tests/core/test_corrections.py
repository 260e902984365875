"""The rule of a correction (docs/domain.md, "Correcting a mistake"): which last action may be
reversed, on which day, and what state the dossier goes back to."""

from datetime import date, datetime, timedelta

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import (
    CORRECTABLE_STATES,
    EventKind,
    NotReversible,
    reversal,
    state_after,
)
from desk_app.core.model import Event
from desk_app.core.states import DossierState, InvalidTransition

S = DossierState
K = EventKind
HERE = "device-here"
TODAY = date(2026, 11, 25)
MORNING = datetime(2026, 11, 25, 8, 0, tzinfo=VN_TZ)


def history(*steps: tuple[EventKind | str, DossierState], device: str = HERE,
            start: datetime = MORNING, payload: dict | None = None) -> list[Event]:
    """Events of one dossier, a minute apart; the last one recorded by `device`."""
    events = []
    for seq, (kind, status) in enumerate(steps, start=1):
        last = seq == len(steps)
        events.append(Event(
            uuid=f"e{seq}", dossier_uuid="d", kind=str(kind), status=status,
            payload=(payload or {}) if last else {}, clerk="Lan",
            device_id=device if last else HERE, device_seq=seq,
            device_time=start + timedelta(minutes=seq)))
    return events


# Each reversible action, from a state it may follow, and what the correction clears.
REVERSIBLE_CASES = [
    ((K.RECEIVED, S.RECEIVED), (K.HANDED_OVER, S.PROCESSING), S.RECEIVED, ()),
    ((K.HANDED_OVER, S.PROCESSING), (K.RESULT_READY, S.RESULT_READY), S.PROCESSING,
     ("finished_at",)),
    ((K.RECEIVED, S.RECEIVED), (K.RESULT_READY, S.RESULT_READY), S.RECEIVED, ("finished_at",)),
    ((K.RESULT_READY, S.RESULT_READY), (K.RETURNED, S.RETURNED), S.RESULT_READY,
     ("returned_at",)),
    ((K.HANDED_OVER, S.PROCESSING), (K.WITHDRAWN, S.WITHDRAWN), S.PROCESSING, ()),
    ((K.SUPPLEMENT_REQUESTED, S.SUPPLEMENT), (K.STOPPED, S.STOPPED), S.SUPPLEMENT, ()),
    ((K.RECEIVED, S.RECEIVED), (K.REFUSED, S.REFUSED), S.RECEIVED, ()),
    ((K.HANDED_OVER, S.PROCESSING), (K.SUPPLEMENT_REQUESTED, S.SUPPLEMENT), S.PROCESSING, ()),
    # A rescheduled due time before the action keeps the state it had: that state comes back.
    ((K.RESCHEDULED, S.PROCESSING), (K.RESULT_READY, S.RESULT_READY), S.PROCESSING,
     ("finished_at",)),
]


@pytest.mark.parametrize(("before", "action", "restored", "cleared"), REVERSIBLE_CASES)
def test_each_reversible_action_goes_back_to_the_state_before_it(before, action, restored,
                                                                 cleared):
    events = history((K.RECEIVED, S.RECEIVED), before, action)
    undo = reversal(events, HERE, TODAY)
    assert undo.reversed is events[-1] and undo.kind is action[0]
    assert undo.restored is restored and undo.cleared == cleared
    # The state machine agrees the correction leads there, though the move goes backwards.
    assert state_after(K.CORRECTED, action[1], resume_in=restored) is restored


@pytest.mark.parametrize(("kind", "status", "why"), [
    (K.RECEIVED, S.RECEIVED, "giấy tiếp nhận"),
    (K.SUPPLEMENTED, S.RECEIVED, "giấy tiếp nhận mới"),
    (K.RESCHEDULED, S.PROCESSING, "đã có số"),
])
def test_actions_that_handed_the_applicant_a_standing_paper_are_not_reversible(kind, status,
                                                                               why):
    events = history((K.RECEIVED, S.RECEIVED), (K.SUPPLEMENT_REQUESTED, S.SUPPLEMENT),
                     (kind, status))
    with pytest.raises(NotReversible, match=why):
        reversal(events, HERE, TODAY)


def test_reception_itself_is_not_reversible():
    with pytest.raises(NotReversible, match="tiếp nhận không đính chính được"):
        reversal(history((K.RECEIVED, S.RECEIVED)), HERE, TODAY)


def test_a_refusal_at_the_counter_has_nothing_before_it():
    refused = history((K.REFUSED, S.REFUSED), payload={"at_counter": True, "reason": "x"})
    with pytest.raises(NotReversible, match="không đính chính được"):
        reversal(refused, HERE, TODAY)


def test_only_the_same_day():
    events = history((K.RECEIVED, S.RECEIVED), (K.HANDED_OVER, S.PROCESSING))
    assert reversal(events, HERE, TODAY).restored is S.RECEIVED
    with pytest.raises(NotReversible, match="trong ngày"):
        reversal(events, HERE, TODAY + timedelta(days=1))


def test_the_day_is_vietnams():
    """An action at 06:30 in Vietnam is 23:30 the day before in UTC: still today's."""
    early = datetime(2026, 11, 25, 6, 30, tzinfo=VN_TZ) - timedelta(minutes=2)
    events = history((K.RECEIVED, S.RECEIVED), (K.HANDED_OVER, S.PROCESSING), start=early)
    assert reversal(events, HERE, TODAY).restored is S.RECEIVED


def test_corrections_do_not_stack():
    events = history((K.RECEIVED, S.RECEIVED), (K.HANDED_OVER, S.PROCESSING),
                     (K.CORRECTED, S.RECEIVED))
    with pytest.raises(NotReversible, match="không hủy chồng"):
        reversal(events, HERE, TODAY)
    # Once the right action is recorded, that one may be corrected in turn.
    again = [*events, *history((K.HANDED_OVER, S.PROCESSING), start=MORNING + timedelta(hours=1))]
    assert reversal(again, HERE, TODAY).restored is S.RECEIVED


def test_the_provinces_action_is_not_the_counters_to_reverse():
    events = history((K.RECEIVED, S.RECEIVED), (K.HANDED_OVER, S.PROCESSING),
                     (K.RESULT_READY, S.RESULT_READY), device="province")
    with pytest.raises(NotReversible, match="tỉnh"):
        reversal(events, HERE, TODAY)


def test_an_unknown_kind_from_a_newer_version_is_not_reversible():
    events = history((K.RECEIVED, S.RECEIVED), ("something_new", S.RECEIVED))
    with pytest.raises(NotReversible, match="something_new"):
        reversal(events, HERE, TODAY)


def test_by_state_alone_a_correction_applies_where_a_reversible_action_can_have_left_it():
    assert {S.PROCESSING, S.RESULT_READY, S.RETURNED, S.WITHDRAWN, S.STOPPED, S.REFUSED,
            S.SUPPLEMENT} == CORRECTABLE_STATES
    for state in (S.REGISTERED, S.RECEIVED, S.FINANCIAL):
        with pytest.raises(InvalidTransition, match="không có thao tác nào"):
            state_after(K.CORRECTED, state)
