from datetime import datetime

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.core.states import DossierState
from desk_app.core.timeliness import Timeliness, dossier_timeliness, timeliness

DUE = datetime(2025, 8, 12, 10, 0, tzinfo=VN_TZ)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 8, day, hour, minute, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(11, 16), Timeliness.ON_TRACK),
        (at(12, 0, 0), Timeliness.DUE_TODAY),
        (at(12, 10, 0), Timeliness.DUE_TODAY),  # exactly at the due time is not yet late
        (at(12, 10, 1), Timeliness.OVERDUE),
        (at(13, 8), Timeliness.OVERDUE),
    ],
)
def test_open_dossier(now, expected):
    assert timeliness(DUE, now) is expected


@pytest.mark.parametrize(
    ("finished", "expected"),
    [
        (at(11, 16), Timeliness.EARLY),
        (at(12, 7, 30), Timeliness.ON_TIME),
        (at(12, 10, 0), Timeliness.ON_TIME),
        (at(12, 10, 1), Timeliness.LATE),
        (at(14, 9), Timeliness.LATE),
    ],
)
def test_finished_dossier_is_judged_by_when_it_finished_not_by_now(finished, expected):
    assert timeliness(DUE, at(20, 9), finished_at=finished) is expected


def test_days_are_vietnam_days_whatever_the_offset_given():
    # 23:30 UTC on the 11th is 06:30 on the 12th in Vietnam: the due day.
    from datetime import UTC

    now = datetime(2025, 8, 11, 23, 30, tzinfo=UTC)
    assert timeliness(DUE, now) is Timeliness.DUE_TODAY


def test_labels_are_vietnamese():
    assert Timeliness.OVERDUE.label == "Quá hạn"
    assert Timeliness.DUE_TODAY.label == "Đến hạn hôm nay"
    assert Timeliness.EARLY.label == "Trước hạn"
    assert Timeliness.OVERDUE.is_late and Timeliness.LATE.is_late
    assert not Timeliness.ON_TIME.is_late


@pytest.mark.parametrize(
    "status", [DossierState.REFUSED, DossierState.WITHDRAWN, DossierState.STOPPED]
)
def test_dossier_ended_without_result_has_no_timeliness(status):
    assert dossier_timeliness(status, DUE, at(20, 9)) is None


def test_finished_dossier_without_finish_time_has_no_timeliness():
    assert dossier_timeliness(DossierState.RETURNED, DUE, at(20, 9)) is None
    assert dossier_timeliness(DossierState.RETURNED, DUE, at(20, 9), at(11, 9)) is Timeliness.EARLY


@pytest.mark.parametrize("status", [DossierState.SUPPLEMENT, DossierState.FINANCIAL])
def test_a_dossier_waiting_for_the_applicant_is_never_overdue(status):
    # Its clock is stopped: the due time moves on when the applicant comes back.
    assert dossier_timeliness(status, DUE, at(20, 9)) is None


@pytest.mark.parametrize("status", [DossierState.RECEIVED, DossierState.PROCESSING])
def test_open_states_are_judged_against_now(status):
    assert dossier_timeliness(status, DUE, at(13, 8)) is Timeliness.OVERDUE
