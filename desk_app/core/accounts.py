"""Who may do what at the counter (issue 5): roles, permissions and the account record.

Several clerks share one counter PC. Every use case in `services` asks for one permission before
it touches anything, so hiding a button is a convenience, never the protection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from desk_app.core.options import BoolOption, IntOption, Option, UnreadableValue
from desk_app.core.text import clean, fold
from desk_app.core.validation import Issue, error


class Role(StrEnum):
    CLERK = "clerk"
    LEADER = "leader"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.CLERK: "Cán bộ tiếp nhận",
    Role.LEADER: "Lãnh đạo",
    Role.ADMIN: "Quản trị",
}


class Permission(StrEnum):
    LOOK_UP = "look_up"  # the list, a dossier, its history and slips
    RECEIVE = "receive"
    HAND_OVER = "hand_over"  # hand-over, result ready, supplement request and its receipt
    RETURN = "return"  # return, withdrawal, stop
    REFUSE = "refuse"
    APOLOGISE = "apologise"
    END_OF_DAY = "end_of_day"
    LEDGER = "ledger"
    BOARD_ALL = "board_all"  # the board opens on every clerk's dossiers, not one's own
    REPORTS = "reports"
    VERIFY_JOURNAL = "verify_journal"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    CATALOGUE = "catalogue"
    BACKUPS = "backups"  # restore, backup settings
    SYNC_ADMIN = "sync_admin"  # enrolment, quarantine
    CORRECT = "correct"  # reverse a dossier's last action of the day (a correction event)

    @property
    def label(self) -> str:
        return _PERMISSION_LABELS[self]


_PERMISSION_LABELS = {
    Permission.LOOK_UP: "tra cứu hồ sơ",
    Permission.RECEIVE: "tiếp nhận hồ sơ",
    Permission.HAND_OVER: "chuyển hồ sơ và nhận kết quả",
    Permission.RETURN: "trả kết quả, rút hoặc dừng hồ sơ",
    Permission.REFUSE: "từ chối hồ sơ",
    Permission.APOLOGISE: "gửi phiếu xin lỗi và hẹn lại",
    Permission.END_OF_DAY: "tổng kết cuối ngày",
    Permission.LEDGER: "sổ theo dõi hồ sơ",
    Permission.BOARD_ALL: "bảng theo dõi mở với hồ sơ của cả quầy",
    Permission.REPORTS: "báo cáo",
    Permission.VERIFY_JOURNAL: "kiểm tra nhật ký",
    Permission.SETTINGS: "cài đặt",
    Permission.ACCOUNTS: "quản lý tài khoản",
    Permission.CATALOGUE: "sửa danh mục thủ tục",
    Permission.BACKUPS: "sao lưu và khôi phục",
    Permission.SYNC_ADMIN: "quản trị đồng bộ",
    Permission.CORRECT: "đính chính thao tác cuối của hồ sơ",
}

_CLERK = frozenset({
    Permission.LOOK_UP, Permission.RECEIVE, Permission.HAND_OVER, Permission.RETURN,
    Permission.REFUSE, Permission.APOLOGISE, Permission.END_OF_DAY, Permission.LEDGER,
    Permission.CORRECT,
})
_LEADER = _CLERK | {Permission.BOARD_ALL, Permission.REPORTS, Permission.VERIFY_JOURNAL}
# A commune has two to four people at the counter; whoever administers the PC also stands in
# for the others, so the admin can do everything.
_ADMIN = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CLERK,
    Role.LEADER: _LEADER,
    Role.ADMIN: _ADMIN,
}

# When the commune wants refusals and apologies approved by its leader (a setting), a clerk
# can no longer issue them alone: the leader switches in and does it.
_NEEDS_LEADER = frozenset({Permission.REFUSE, Permission.APOLOGISE})


def permissions_for(role: Role, *, leader_approves: bool = False,
                    leader_corrects: bool = False) -> frozenset[Permission]:
    """`leader_corrects`: the counter's option "corrections.leader_only" (core.options)."""
    granted = ROLE_PERMISSIONS[role]
    if leader_approves and role is Role.CLERK:
        granted = granted - _NEEDS_LEADER
    if leader_corrects and role is Role.CLERK:
        granted = granted - {Permission.CORRECT}
    return granted


@dataclass(frozen=True)
class Account:
    username: str  # what is typed at login: lowercase, no spaces ("lan.nt")
    full_name: str  # what events and slips carry; unique on the machine
    role: Role
    active: bool = True
    must_change_password: bool = False  # after an admin reset
    locked_until: datetime | None = None


# --- what may be typed ---------------------------------------------------------------------

# Typed at every login on a shared keyboard: short, lowercase ASCII, no spaces ("lan.nt").
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
MIN_PASSWORD_LENGTH = 8


def normalise_username(username: str) -> str:
    return clean(username).lower()


def username_issues(username: str) -> list[Issue]:
    if not normalise_username(username):
        return [error("username", "Nhập tên đăng nhập (ví dụ: lan.nt).")]
    if not _USERNAME.fullmatch(normalise_username(username)):
        return [error(
            "username",
            "Tên đăng nhập gồm 2–32 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch "
            "ngang, bắt đầu bằng chữ hoặc số (ví dụ: lan.nt).",
        )]
    return []


def full_name_issues(full_name: str) -> list[Issue]:
    name = clean(full_name)
    if not name:
        return [error("full_name", "Nhập họ và tên cán bộ (in trên phiếu và sổ).")]
    if len(name) > 80:
        return [error("full_name", "Họ và tên dài quá 80 ký tự.")]
    return []


def password_issues(password: str, username: str) -> list[Issue]:
    # Passwords are not cleaned: a space is a character the clerk chose.
    if len(password) < MIN_PASSWORD_LENGTH:
        return [error("password", f"Mật khẩu cần ít nhất {MIN_PASSWORD_LENGTH} ký tự.")]
    if fold(password) == fold(normalise_username(username)):
        return [error("password", "Mật khẩu không được trùng với tên đăng nhập.")]
    return []


def full_name_key(full_name: str) -> str:
    """Two accounts may not have names that differ only by case or diacritics: the slips and
    the board could not tell "Nguyễn Văn An" from "Nguyen Van An"."""
    return fold(full_name)


# --- lock-out ------------------------------------------------------------------------------

FREE_FAILURES = 4  # typing slips at a busy counter cost nothing
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(minutes=15)


def lockout_delay(failures: int) -> timedelta:
    """How long an account stays locked after its `failures`-th failed login in a row: enough
    to make guessing hopeless (a few dozen tries an hour), short enough that a clerk who
    mistyped is back at work before the queue grows."""
    if failures <= FREE_FAILURES:
        return timedelta(0)
    # Capped before the power so that a huge count cannot overflow the timedelta.
    doublings = min(failures - FREE_FAILURES - 1, 16)
    return min(FIRST_LOCK * 2**doublings, LONGEST_LOCK)


def lock_remaining(locked_until: datetime | None, failures: int, now: datetime) -> timedelta:
    """How long an account locked until `locked_until` after `failures` failed logins still
    waits at `now`; zero when it is free. A wait longer than those failures ever earn means
    the PC's clock was ahead when the lock was set and has been put right since: the lock is
    over, rather than lasting until the wrong date comes round again (months, maybe)."""
    if locked_until is None or locked_until <= now:
        return timedelta(0)
    remaining = locked_until - now
    return remaining if remaining <= lockout_delay(failures) else timedelta(0)


# --- the commune's account policy ----------------------------------------------------------

MAX_IDLE_LOCK_MINUTES = 240
POLICY_KEY = "account_policy"  # the settings key holding the policy


@dataclass(frozen=True)
class AccountPolicy:
    idle_lock_minutes: int = 10  # the screen locks after this much idle time; 0 = never
    leader_approves: bool = False  # refusals and apologies need a leader

    @classmethod
    def from_stored(cls, stored: Any) -> AccountPolicy:
        """The policy from its settings value. Unknown keys (a newer version) are ignored; a
        field that does not read as its type or is out of range (edited by hand, written by a
        broken release) takes its default: every permission check reads the policy, so a bad
        value must not stop the counter."""
        stored = stored if isinstance(stored, dict) else {}
        return cls(**{option.name: _policy_field(option, stored.get(option.name))
                      for option in _POLICY_OPTIONS})


_POLICY_OPTIONS: tuple[Option, ...] = (
    IntOption("idle_lock_minutes", AccountPolicy.idle_lock_minutes, minimum=0,
              maximum=MAX_IDLE_LOCK_MINUTES,
              message=f"Thời gian tự khóa màn hình phải từ 0 (không tự khóa) đến "
                      f"{MAX_IDLE_LOCK_MINUTES} phút."),
    BoolOption("leader_approves", AccountPolicy.leader_approves),
)


def _policy_field(option: Option, stored: Any) -> Any:
    if stored is None:
        return option.default
    try:
        value = option.read(stored)
    except UnreadableValue:
        return option.default
    return option.default if option.problem(value) else value


def policy_issues(policy: AccountPolicy) -> list[Issue]:
    return [error(option.name, message) for option in _POLICY_OPTIONS
            if (message := option.problem(getattr(policy, option.name)))]


# --- what happened to accounts -------------------------------------------------------------

@dataclass(frozen=True)
class AccountLogEntry:
    at: datetime
    actor: str  # the admin's username, "cli" for the command line, or the user themself
    username: str  # the account concerned
    action: str  # one of ACCOUNT_ACTIONS
    detail: str = ""

    @property
    def label(self) -> str:
        return ACCOUNT_ACTIONS.get(self.action, self.action)


ACCOUNT_ACTIONS = {
    "created": "Tạo tài khoản",
    "updated": "Sửa tài khoản",
    "password_reset": "Đặt lại mật khẩu",
    "password_changed": "Đổi mật khẩu",
    "locked_out": "Tạm khóa do nhập sai mật khẩu",
    "unlocked": "Mở khóa",
}
