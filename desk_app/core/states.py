"""Dossier states, using the national public-service portal's status codes
(docs/domain.md, "Dossier states")."""

from __future__ import annotations

from enum import IntEnum


class DossierState(IntEnum):
    REGISTERED = 1
    RECEIVED = 2
    REFUSED = 3
    PROCESSING = 4
    SUPPLEMENT = 5
    FINANCIAL = 6
    WITHDRAWN = 7
    STOPPED = 8
    RESULT_READY = 9
    RETURNED = 10

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    DossierState.REGISTERED: "Mới đăng ký",
    DossierState.RECEIVED: "Được tiếp nhận",
    DossierState.REFUSED: "Không được tiếp nhận",
    DossierState.PROCESSING: "Đang xử lý",
    DossierState.SUPPLEMENT: "Yêu cầu bổ sung giấy tờ",
    DossierState.FINANCIAL: "Yêu cầu thực hiện nghĩa vụ tài chính",
    DossierState.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    DossierState.STOPPED: "Dừng xử lý",
    DossierState.RESULT_READY: "Đã xử lý xong",
    DossierState.RETURNED: "Đã trả kết quả",
}

S = DossierState
# A refusal is normally decided while checking the dossier at receipt, but at our counter the
# receipt is printed first and the check may finish after it: a dossier still at the counter
# (RECEIVED, not yet handed over) can be refused, and so can one whose applicant never brings
# the requested documents (SUPPLEMENT). Once a processing unit has it, it can only be stopped.
_ALLOWED: dict[DossierState, frozenset[DossierState]] = {
    S.REGISTERED: frozenset({S.RECEIVED, S.REFUSED, S.WITHDRAWN}),
    S.RECEIVED: frozenset({
        S.PROCESSING, S.SUPPLEMENT, S.FINANCIAL, S.RESULT_READY, S.WITHDRAWN, S.STOPPED, S.REFUSED,
    }),
    S.PROCESSING: frozenset({S.SUPPLEMENT, S.FINANCIAL, S.RESULT_READY, S.WITHDRAWN, S.STOPPED}),
    S.SUPPLEMENT: frozenset({S.RECEIVED, S.PROCESSING, S.WITHDRAWN, S.STOPPED, S.REFUSED}),
    S.FINANCIAL: frozenset({S.PROCESSING, S.RESULT_READY, S.WITHDRAWN, S.STOPPED}),
    S.RESULT_READY: frozenset({S.RETURNED}),
    S.REFUSED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.STOPPED: frozenset(),
    S.RETURNED: frozenset(),
}
del S


class InvalidTransition(ValueError):
    def __init__(self, current: DossierState, target: DossierState, message: str = ""):
        super().__init__(
            message
            or f"Không thể chuyển hồ sơ từ trạng thái «{current.label}» sang «{target.label}»."
        )
        self.current = current
        self.target = target


def allowed_next(current: DossierState) -> frozenset[DossierState]:
    return _ALLOWED[current]


def check_transition(current: DossierState, target: DossierState) -> None:
    if target not in _ALLOWED[current]:
        raise InvalidTransition(current, target)
