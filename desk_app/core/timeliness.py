"""Whether a dossier is, or was, dealt with in time (docs/domain.md, "Dossier states":
computed, never stored).

Open dossiers are on track, due today or overdue; finished ones were early (before the due
date), on time (on the due date, by the due time) or late. Days are Vietnam calendar days.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from desk_app.core.clock import to_vn
from desk_app.core.states import DossierState


class Timeliness(Enum):
    ON_TRACK = "on_track"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_late(self) -> bool:
        return self in (Timeliness.OVERDUE, Timeliness.LATE)


_LABELS = {
    Timeliness.ON_TRACK: "Trong hạn",
    Timeliness.DUE_TODAY: "Đến hạn hôm nay",
    Timeliness.OVERDUE: "Quá hạn",
    Timeliness.EARLY: "Trước hạn",
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Quá hạn",
}

# Ended without a result: there is no deadline left to meet or miss. Waiting for the applicant
# (a supplement, a fee): the clock is stopped, so the dossier cannot fall behind meanwhile.
_WITHOUT_DEADLINE = frozenset(
    {
        DossierState.REFUSED,
        DossierState.WITHDRAWN,
        DossierState.STOPPED,
        DossierState.SUPPLEMENT,
        DossierState.FINANCIAL,
    }
)
# The result exists; when it was made decides early / on time / late.
_FINISHED = frozenset({DossierState.RESULT_READY, DossierState.RETURNED})


def timeliness(due_at: datetime, now: datetime, finished_at: datetime | None = None) -> Timeliness:
    due, now = to_vn(due_at), to_vn(now)
    if finished_at is not None:
        finished = to_vn(finished_at)
        if finished.date() < due.date():
            return Timeliness.EARLY
        return Timeliness.ON_TIME if finished <= due else Timeliness.LATE
    if now > due:
        return Timeliness.OVERDUE
    return Timeliness.DUE_TODAY if now.date() == due.date() else Timeliness.ON_TRACK


def dossier_timeliness(
    status: DossierState, due_at: datetime, now: datetime, finished_at: datetime | None = None
) -> Timeliness | None:
    """None when timeliness says nothing: the dossier ended without a result, its clock is
    stopped while it waits for the applicant, or it is finished but the time it was finished is
    not known to the caller."""
    if status in _WITHOUT_DEADLINE:
        return None
    if status in _FINISHED:
        return None if finished_at is None else timeliness(due_at, now, finished_at)
    return timeliness(due_at, now)
