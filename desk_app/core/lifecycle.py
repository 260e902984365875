"""What can happen to a dossier after its receipt, as events (DESIGN.md §5).

Each event kind moves the dossier to one state (or leaves it where it is, for a rescheduled due
time). The state machine in `states` decides whether the move is allowed, so an impossible
action — returning a refused dossier, handing over a returned one — fails with a clear message
whoever asks for it: a clerk, a script, or the province through sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum

from desk_app.core.calendar import WorkCalendar
from desk_app.core.states import DossierState, InvalidTransition, check_transition


class EventKind(StrEnum):
    RECEIVED = "received"
    HANDED_OVER = "handed_over"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    SUPPLEMENTED = "supplemented"
    FINANCIAL_REQUESTED = "financial_requested"
    RESULT_READY = "result_ready"
    REFUSED = "refused"
    RESCHEDULED = "rescheduled"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"
    STOPPED = "stopped"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    EventKind.RECEIVED: "Tiếp nhận hồ sơ",
    EventKind.HANDED_OVER: "Bàn giao xử lý",
    EventKind.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    EventKind.SUPPLEMENTED: "Nhận hồ sơ bổ sung",
    EventKind.FINANCIAL_REQUESTED: "Yêu cầu thực hiện nghĩa vụ tài chính",
    EventKind.RESULT_READY: "Nhận kết quả giải quyết",
    EventKind.REFUSED: "Từ chối tiếp nhận",
    EventKind.RESCHEDULED: "Xin lỗi và hẹn lại ngày trả kết quả",
    EventKind.RETURNED: "Trả kết quả",
    EventKind.WITHDRAWN: "Công dân rút hồ sơ",
    EventKind.STOPPED: "Dừng xử lý",
}

_TARGET: dict[EventKind, DossierState] = {
    EventKind.RECEIVED: DossierState.RECEIVED,
    EventKind.HANDED_OVER: DossierState.PROCESSING,
    EventKind.SUPPLEMENT_REQUESTED: DossierState.SUPPLEMENT,
    EventKind.FINANCIAL_REQUESTED: DossierState.FINANCIAL,
    EventKind.RESULT_READY: DossierState.RESULT_READY,
    EventKind.REFUSED: DossierState.REFUSED,
    EventKind.RETURNED: DossierState.RETURNED,
    EventKind.WITHDRAWN: DossierState.WITHDRAWN,
    EventKind.STOPPED: DossierState.STOPPED,
}


def state_after(
    kind: EventKind, current: DossierState, *, resume_in: DossierState | None = None
) -> DossierState:
    """The state a dossier in `current` moves to through `kind`, or InvalidTransition.

    A rescheduled due time keeps the state (but only an open dossier can be rescheduled). A
    supplemented dossier resumes where it was before the supplement request: `resume_in`,
    RECEIVED at the counter or PROCESSING at the processing unit.
    """
    if kind is EventKind.RESCHEDULED:
        if current not in OPEN_STATES:
            raise InvalidTransition(
                current, current,
                f"Hồ sơ đang ở trạng thái «{current.label}», không còn hạn trả để hẹn lại.",
            )
        return current
    if kind is EventKind.SUPPLEMENTED:
        target = resume_in or DossierState.RECEIVED
        if current is not DossierState.SUPPLEMENT:
            raise InvalidTransition(
                current, target,
                f"Hồ sơ đang ở trạng thái «{current.label}», không chờ bổ sung giấy tờ.",
            )
        check_transition(current, target)
        return target
    target = _TARGET[kind]
    check_transition(current, target)
    return target


# Dossiers that still have a deadline ahead of them.
OPEN_STATES = frozenset({
    DossierState.RECEIVED, DossierState.PROCESSING, DossierState.SUPPLEMENT,
    DossierState.FINANCIAL, DossierState.RESULT_READY,
})
# States whose waiting time is the applicant's, not the administration's: the clock stops.
PAUSED_STATES = frozenset({DossierState.SUPPLEMENT, DossierState.FINANCIAL})


def resumed_due(
    calendar: WorkCalendar, due_at: datetime, paused_at: datetime, resumed_at: datetime
) -> datetime:
    """The due time after a pause: moved on by the working time spent waiting for the
    applicant (a weekend or a holiday in between costs nothing)."""
    return calendar.add_working_time(due_at, calendar.working_time_between(paused_at, resumed_at))


class Satisfaction(IntEnum):
    VERY_SATISFIED = 1
    SATISFIED = 2
    DISSATISFIED = 3

    @property
    def label(self) -> str:
        return {1: "Rất hài lòng", 2: "Hài lòng", 3: "Không hài lòng"}[self]


@dataclass(frozen=True)
class ProcessingUnit:
    """Where the counter hands dossiers over to: a commune office, the police, a province
    agency (liên thông)."""

    name: str
    inter_agency: bool = False


# --- What the slips and lists of the dossier's life are made of ---------------------------


@dataclass(frozen=True)
class ControlRow:
    """One hand-over on the processing control slip (form 5): who gave the dossier to whom,
    when, and — for the hand-over that brings the result back — whether it was in time."""

    giver_unit: str
    giver_name: str
    receiver_unit: str
    receiver_name: str
    at: datetime
    result: str = ""  # "Trước hạn" / "Đúng hạn" / "Quá hạn", on the row returning the result
    note: str = ""


@dataclass(frozen=True)
class SupplementRequest:
    """Form 2: what the applicant must bring, why, and whom to ask."""

    missing: tuple[str, ...]
    reason: str
    contact: str  # the officer or unit to ask, with a phone number
    requested_at: datetime
    requested_by: str  # the unit that found the gap: the counter, or the processing unit


@dataclass(frozen=True)
class Refusal:
    """Form 3."""

    reason: str
    at: datetime


@dataclass(frozen=True)
class Apology:
    """Form 4: the administration's apology and the new due time; the old one is kept."""

    reason: str
    old_due_at: datetime
    new_due_at: datetime
    at: datetime


@dataclass(frozen=True)
class ResultReturn:
    """Handing the result to the applicant, or to someone they authorised, or by post."""

    at: datetime
    collector_name: str
    collector_id_number: str = ""
    authorised: bool = False  # collected by an authorised person rather than the applicant
    by_post: bool = False
    tracking_number: str = ""
    satisfaction: Satisfaction | None = None


@dataclass(frozen=True)
class LedgerLine:
    """One line of the dossier ledger (form 6); `number` matches the receipt's "Số thứ tự"."""

    book: int
    number: int
    code: str
    procedure_name: str
    applicant_name: str
    applicant_contact: str  # address and phone, as the ledger's one column
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None
    clerk: str
    status: DossierState
    timeliness: str  # label, empty when there is nothing to judge yet
