"""What can happen to a dossier after its receipt, as events (docs/domain.md, "Dossier states").

Each event kind moves the dossier to one state (or leaves it where it is, for a rescheduled due
time). The state machine in `states` decides whether the move is allowed, so an impossible
action — returning a refused dossier, handing over a returned one — fails with a clear message
whoever asks for it: a clerk, a script, or the province through sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import IntEnum, StrEnum
from pathlib import Path

from desk_app.core.calendar import WorkCalendar
from desk_app.core.citizen_id import id_number_error
from desk_app.core.clock import VN_TZ, to_vn
from desk_app.core.digitisation import Stage
from desk_app.core.model import Event
from desk_app.core.states import DossierState, InvalidTransition, check_transition
from desk_app.core.validation import Issue, error


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
    # The counter's last action on the dossier reversed (docs/domain.md, "Correcting a
    # mistake"): `reversal` decides which and what state results.
    CORRECTED = "corrected"

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
    EventKind.CORRECTED: "Đính chính: hủy thao tác trước",
}

# The audit record of a supervisor discarding an event the hub refused (see services.sync).
# It changes no dossier state, so it is not an EventKind of the state machine.
QUARANTINE_DISCARDED = "quarantine_discarded"
# A document digitised after reception (a supplement brought, the dossier's result): payload
# payloads.digitised_payload. The dossier stays where it is, so it is no EventKind either.
DOCUMENT_DIGITISED = "document_digitised"
# The audit record of a supervisor giving up sending a digitised file that kept failing: payload
# payloads.file_discarded_payload. The file stays on the counter; the dossier where it was.
FILE_DISCARDED = "file_discarded"


def kind_label(kind: str) -> str:
    """The Vietnamese name of any recorded event kind; an unknown one (from a newer hub) shows
    as recorded rather than failing."""
    if kind == QUARANTINE_DISCARDED:
        return "Loại bỏ sự kiện bị cách ly"
    if kind == DOCUMENT_DIGITISED:
        return "Số hóa giấy tờ"
    if kind == FILE_DISCARDED:
        return "Bỏ gửi tệp số hóa lên tỉnh"
    try:
        return EventKind(kind).label
    except ValueError:
        return kind


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
    RECEIVED at the counter or PROCESSING at the processing unit. A correction goes back to
    `resume_in`, the state before the reversed action (see `reversal`).
    """
    if kind is EventKind.RESCHEDULED:
        if current not in OPEN_STATES:
            raise InvalidTransition(
                current, current,
                f"Hồ sơ đang ở trạng thái «{current.label}», không còn hạn trả để hẹn lại.",
            )
        return current
    if kind is EventKind.CORRECTED:
        # Where a correction leads depends on the history (`reversal`); by the state alone,
        # only a dossier that some reversible action could have left where it is has one.
        if current not in CORRECTABLE_STATES:
            raise InvalidTransition(
                current, current,
                f"Hồ sơ đang ở trạng thái «{current.label}»: không có thao tác nào để đính chính.",
            )
        return resume_in or current
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
    sources = _SOURCES.get(kind)
    if sources is not None and current not in sources:
        raise InvalidTransition(current, target, _SOURCE_MESSAGES[kind].format(current.label))
    check_transition(current, target)
    return target


# The state table also lets SUPPLEMENT move back to RECEIVED or on to PROCESSING, and FINANCIAL
# on to PROCESSING, but that is the applicant coming back (SUPPLEMENTED) or paying, not a new
# receipt or hand-over: either would leave the dossier's clock stopped for good.
_SOURCES: dict[EventKind, frozenset[DossierState]] = {
    EventKind.RECEIVED: frozenset({DossierState.REGISTERED}),
    EventKind.HANDED_OVER: frozenset({DossierState.RECEIVED}),
}
_SOURCE_MESSAGES = {
    EventKind.RECEIVED: (
        "Hồ sơ đang ở trạng thái «{}»: chỉ tiếp nhận được hồ sơ mới đăng ký trực tuyến."
    ),
    EventKind.HANDED_OVER: (
        "Hồ sơ đang ở trạng thái «{}»: chỉ bàn giao được hồ sơ đang nằm tại bộ phận tiếp nhận "
        "(trạng thái «Được tiếp nhận»)."
    ),
}


# Dossiers that still have a deadline ahead of them.
def time_in_order(at: datetime, last: datetime | None) -> datetime | None:
    """The time an action chosen for `at` is recorded at, after the dossier's last event at
    `last`; None when `at` is in an earlier minute than that event. A clerk picks minutes
    and events carry seconds, and a same-day procedure is received, settled and returned
    within one minute: a time in the last event's own minute is recorded at that event's
    time, and the events of one moment keep the order of their sequence numbers."""
    at = to_vn(at).replace(microsecond=0)
    if last is None or at >= last:
        return at
    if at.replace(second=0) == to_vn(last).replace(second=0, microsecond=0):
        return last
    return None


OPEN_STATES = frozenset({
    DossierState.RECEIVED, DossierState.PROCESSING, DossierState.SUPPLEMENT,
    DossierState.FINANCIAL, DossierState.RESULT_READY,
})
# Where a dossier may take a file at each later stage: a supplement while it is still open, the
# result once it is back at the counter (before or after it reached the applicant).
_STAGE_STATES = {
    Stage.SUPPLEMENT: OPEN_STATES,
    Stage.RESULT: frozenset({DossierState.RESULT_READY, DossierState.RETURNED}),
}


def later_stages(status: DossierState) -> tuple[Stage, ...]:
    """The stages at which a dossier in `status` may take a document digitised after its
    reception (none for a dossier refused or closed without a result)."""
    return tuple(stage for stage, states in _STAGE_STATES.items() if status in states)


# A decision or a result exists for the dossier (Decree 118/2025 Art. 21, Circular 03/2025
# Art. 7: the applicant may ask to stop processing only before that): the result is made
# (RESULT_READY) or handed over (RETURNED), or the dossier was already ended by a decision
# (REFUSED, STOPPED) or by the applicant (WITHDRAWN). A request for a fee or a tax (FINANCIAL)
# is not a decision on the dossier, and a supplement request (SUPPLEMENT) only pauses it.
DECIDED_STATES = frozenset({
    DossierState.RESULT_READY, DossierState.RETURNED, DossierState.REFUSED,
    DossierState.STOPPED, DossierState.WITHDRAWN,
})


def stop_request_refusal(current: DossierState) -> str:
    """Why a dossier in `current` can no longer be stopped at the applicant's request ('' if it
    can): a decision or a result exists (DECIDED_STATES)."""
    if current in (DossierState.RESULT_READY, DossierState.RETURNED):
        return (
            f"Hồ sơ đang ở trạng thái «{current.label}»: đã có kết quả giải quyết, không dừng "
            "giải quyết theo yêu cầu của người nộp được (Nghị định 118/2025/NĐ-CP, Điều 21)."
        )
    if current in DECIDED_STATES:
        return (
            f"Hồ sơ đang ở trạng thái «{current.label}»: việc giải quyết hồ sơ đã kết thúc, "
            "không còn gì để dừng."
        )
    return ""


# States whose waiting time is the applicant's, not the administration's: the clock stops.
PAUSED_STATES = frozenset({DossierState.SUPPLEMENT, DossierState.FINANCIAL})


def resumed_due(
    calendar: WorkCalendar, due_at: datetime, paused_at: datetime, resumed_at: datetime
) -> datetime:
    """The due time after a pause: moved on by the working time spent waiting for the
    applicant (a weekend or a holiday in between costs nothing)."""
    return calendar.add_working_time(due_at, calendar.working_time_between(paused_at, resumed_at))


def rescheduled_due(calendar: WorkCalendar, due_at: datetime, extra_working_days: int) -> datetime:
    """The apology's new due time: the same clock time, `extra_working_days` working days after
    the current due day. (Not `add_working_days`: that first moves a due time at 17:00, outside
    working time, to the next morning, which would hand the administration an extra day.)"""
    if extra_working_days < 1:
        raise ValueError("extra_working_days must be at least 1")
    due = to_vn(due_at)
    day = due.date()
    for _ in range(extra_working_days):
        next_midnight = datetime.combine(day + timedelta(days=1), time(0), VN_TZ)
        day = calendar.next_working_start(next_midnight).date()
    return datetime.combine(day, due.time(), VN_TZ)


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
class SupplementReceipt:
    """Form 01 issued again when the applicant brings what form 02 asked for: what was
    brought (ticked from that list), who received it and when, and the due time it moved to.
    A supplement recorded before the documents were ticked has none (`brought` empty)."""

    brought: tuple[str, ...]
    note: str
    clerk: str
    at: datetime
    new_due_at: datetime


@dataclass(frozen=True)
class Refusal:
    """Form 3."""

    reason: str
    at: datetime


@dataclass(frozen=True)
class StopNotice:
    """Form 05 (Circular 03/2025): processing stopped at the applicant's request."""

    reason: str
    requester: str  # who asked, in writing or at the counter: the applicant, or their proxy
    at: datetime


@dataclass(frozen=True)
class Apology:
    """Form 4: the administration's apology and the new due time; the old one is kept.

    Since Circular 03/2025 the apology also asks for an extension (form 04, "Văn bản xin lỗi và
    đề nghị gia hạn thời gian giải quyết"): it carries the working days asked for and a document
    number from the apology register of the year, and the head of the agency signs it. An
    apology recorded before that has no number and reprints as the 2018 slip it was."""

    reason: str
    old_due_at: datetime
    new_due_at: datetime
    at: datetime
    extra_working_days: int | None = None
    document_number: str = ""  # "07/VBXL": the register's number / the document's symbol
    original_due_at: datetime | None = None  # the due time before the first apology


# The yearly register apology letters (form 04) are numbered in, and the symbol after the number.
APOLOGY_REGISTER = "apology_extension"
APOLOGY_SYMBOL = "VBXL"


def apology_document_number(sequence: int, counter: int) -> str:
    """What follows "Số:" on form 04: the number in the year's register, then the symbol.
    Each counter keeps its register in its own database, offline, so from counter 2 on the
    symbol names the counter ("07/VBXL-Q2"): two counters of one office never sign two letters
    with one number. Counter 1, most offices' only one, keeps the plain symbol."""
    symbol = APOLOGY_SYMBOL if counter == 1 else f"{APOLOGY_SYMBOL}-Q{counter}"
    return f"{sequence:02d}/{symbol}"


def working_days_added(calendar: WorkCalendar, old_due: datetime, new_due: datetime) -> int:
    """The working days from the old due day to the new one (the extension asked for when the
    clerk picked a date rather than a number of days)."""
    day, last, days = to_vn(old_due).date(), to_vn(new_due).date(), 0
    while day < last:
        day += timedelta(days=1)
        days += calendar.is_working_day(day)
    return days


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
    # More of the official ledger's columns (form 6); a blank cell until they are known.
    sets: int = 1  # "Số lượng hồ sơ (bộ)"
    processing_unit: str = ""  # "Cơ quan chủ trì giải quyết": the unit it was handed over to
    handed_over_at: datetime | None = None  # "Chuyển hồ sơ đến cơ quan giải quyết"
    original_due_at: datetime | None = None  # only for a rescheduled dossier: the due time before
    digitisation: str = ""  # how its documents were digitised (core.digitisation's tally text)


# --- Correcting a mistake (docs/domain.md, "Correcting a mistake") -------------------------

# The actions a correction may reverse, and the dossier fields each one set that go back to
# empty with it. None of them moves the due time: a supplement request stops the clock but
# moves the due time only when the applicant comes back (SUPPLEMENTED), so reversing the
# request leaves the clock as if it had never stopped.
REVERSIBLE: dict[EventKind, tuple[str, ...]] = {
    EventKind.HANDED_OVER: (),
    EventKind.RESULT_READY: ("finished_at",),
    EventKind.RETURNED: ("returned_at",),
    EventKind.WITHDRAWN: (),
    EventKind.STOPPED: (),
    EventKind.REFUSED: (),
    EventKind.SUPPLEMENT_REQUESTED: (),
}
# Where a reversible action can have left a dossier: only there may a correction apply.
CORRECTABLE_STATES = frozenset(_TARGET[kind] for kind in REVERSIBLE)

# Why the other actions cannot be reversed: each handed the applicant a paper that stands.
_NOT_REVERSIBLE = {
    EventKind.RECEIVED: (
        "tiếp nhận không đính chính được: hồ sơ đã có mã và người nộp đã cầm giấy tiếp nhận. "
        "Nếu tiếp nhận nhầm, ghi nhận từ chối hoặc dừng xử lý với lý do"
    ),
    EventKind.SUPPLEMENTED: (
        "nhận hồ sơ bổ sung không đính chính được: người nộp đã cầm giấy tiếp nhận mới với "
        "ngày hẹn mới"
    ),
    EventKind.RESCHEDULED: (
        "văn bản xin lỗi, hẹn lại không đính chính được: văn bản đã có số trong sổ và đã gửi "
        "người nộp"
    ),
}


class NotReversible(ValueError):
    """Why a dossier's last action cannot be corrected, in Vietnamese."""


@dataclass(frozen=True)
class Reversal:
    """What a correction of a dossier's last action does: the action reversed, the state the
    dossier had before it, and the fields the action set that become empty again."""

    reversed: Event
    restored: DossierState
    cleared: tuple[str, ...]

    @property
    def kind(self) -> EventKind:
        return EventKind(self.reversed.kind)


@dataclass(frozen=True)
class Correction:
    """A correction as recorded: what it reversed, and the slips of the reversed action
    reprinted marked void (those that had been printed)."""

    reversal: Reversal
    voided_slips: tuple[Path, ...] = ()


def reversal(history: Sequence[Event], device_id: str, today: date) -> Reversal:
    """The correction of the last action of a dossier whose events are `history` (in order),
    on `today`, at the counter `device_id`; NotReversible says why there is none.

    Only the counter's own action, recorded today, and not a correction: corrections do not
    stack (after one, the clerk records the right action, which may be corrected in turn).
    A document digitised later, or its file given up sending, is no action on the dossier (it
    moves nothing and stays with the dossier whatever is corrected): the action before it is
    the last one."""
    history = [event for event in history
               if event.kind not in (DOCUMENT_DIGITISED, FILE_DISCARDED)]
    if not history:
        raise NotReversible("Hồ sơ chưa có thao tác nào.")
    last = history[-1]
    label = kind_label(last.kind)
    if last.kind == EventKind.CORRECTED:
        raise NotReversible(
            "Thao tác cuối của hồ sơ đã là một lần đính chính: không hủy chồng lên. Ghi nhận "
            "thao tác đúng, rồi đính chính thao tác đó nếu lại nhầm."
        )
    try:
        kind = EventKind(last.kind)
    except ValueError:
        kind = None
    if kind in _NOT_REVERSIBLE:
        raise NotReversible(f"Thao tác cuối là «{label}»: {_NOT_REVERSIBLE[kind]}.")
    if kind not in REVERSIBLE or len(history) < 2:
        # A refusal at the counter is the dossier's only event: it was never received.
        raise NotReversible(f"Thao tác cuối là «{label}»: không đính chính được.")
    if last.device_id != device_id:
        raise NotReversible(
            f"Thao tác cuối («{label}») do tỉnh ghi nhận và đồng bộ về: quầy không đính chính "
            "được, đề nghị cơ quan đã ghi nhận sửa."
        )
    done_at = to_vn(last.device_time)
    if done_at.date() != today:
        raise NotReversible(
            f"Thao tác cuối («{label}») ghi nhận lúc {done_at:%H:%M %d/%m/%Y}: chỉ đính chính "
            "được trong ngày thực hiện thao tác."
        )
    return Reversal(last, history[-2].status, REVERSIBLE[kind])


# --- Checks on what the clerk typed (texts already cleaned) -------------------------------


def reason_issues(reason: str, what: str) -> list[Issue]:
    """A mandatory reason; `what` names the act in the message ("từ chối tiếp nhận hồ sơ")."""
    return [] if reason else [error("reason", f"Nhập lý do {what}.")]


def supplement_issues(missing: tuple[str, ...], reason: str) -> list[Issue]:
    issues = []
    if not missing:
        issues.append(error(
            "missing", "Chọn hoặc nhập ít nhất một giấy tờ người nộp cần bổ sung."
        ))
    issues += reason_issues(reason, "yêu cầu bổ sung, hoàn thiện hồ sơ")
    return issues


def apology_issues(
    reason: str, old_due_at: datetime, new_due_at: datetime | None, now: datetime
) -> list[Issue]:
    """`new_due_at` is None when the clerk gave neither a date nor a number of days."""
    issues = reason_issues(reason, "xin lỗi và hẹn lại ngày trả kết quả")
    if new_due_at is None:
        issues.append(error(
            "new_due_at", "Chọn ngày hẹn trả mới, hoặc nhập số ngày làm việc gia hạn thêm."
        ))
    elif new_due_at <= old_due_at:
        issues.append(error(
            "new_due_at",
            f"Ngày hẹn trả mới phải sau ngày hẹn cũ ({to_vn(old_due_at):%H:%M %d/%m/%Y}).",
        ))
    elif new_due_at <= now:
        issues.append(error("new_due_at", "Ngày hẹn trả mới phải sau thời điểm hiện tại."))
    return issues


def return_issues(ret: ResultReturn) -> list[Issue]:
    issues = []
    if not ret.collector_name:
        issues.append(error("collector_name", "Nhập họ tên người nhận kết quả."))
    if ret.authorised:
        if not ret.collector_id_number:
            issues.append(error(
                "collector_id_number",
                "Nhập số CCCD của người được ủy quyền nhận kết quả.",
            ))
        elif problem := id_number_error(ret.collector_id_number):
            issues.append(error("collector_id_number", problem))
    if ret.by_post and not ret.tracking_number:
        issues.append(error(
            "tracking_number", "Nhập mã bưu gửi (số vận đơn) khi trả kết quả qua bưu chính."
        ))
    return issues
