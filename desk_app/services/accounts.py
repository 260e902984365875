"""Logging in, the session, and looking after the accounts of this counter (issue 5).

Login is entirely local (the hashes are in the counter's own database), so it works offline
for every account on the machine. The lock-out state is stored with the account: restarting
the app does not reset it. Times are the services' clock (`app.now()`).
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from desk_app.core import passwords
from desk_app.core.accounts import (
    Account,
    AccountLogEntry,
    AccountPolicy,
    Permission,
    Role,
    full_name_issues,
    full_name_key,
    lock_remaining,
    lockout_delay,
    normalise_username,
    password_issues,
    permissions_for,
    policy_issues,
    username_issues,
)
from desk_app.core.counter import CounterSetup, setup_issues
from desk_app.core.options import LEGACY_CLERK_KEY
from desk_app.core.text import clean
from desk_app.core.validation import Issue, Severity
from desk_app.services.errors import LoginRefused, ServiceError, ValidationFailed
from desk_app.store import accounts as store
from desk_app.store import settings

if TYPE_CHECKING:
    from desk_app.services.app import Services

POLICY_KEY = "account_policy"
CLI_ACTOR = "cli"

WRONG_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng."


# --- before anyone logs in -----------------------------------------------------------------

def has_accounts(app: Services) -> bool:
    return store.count(app.db) > 0


def login_choices(app: Services) -> list[Account]:
    return store.all_accounts(app.db, active_only=True)


def suggested_admin_name(app: Services) -> str:
    return settings.load(app.db).get(LEGACY_CLERK_KEY, "")


def first_run(app: Services, setup: CounterSetup, username: str, full_name: str,
              password: str) -> Account:
    setup = setup.cleaned()
    account, issues = _new_account(app, username, full_name, Role.ADMIN, password)
    # Both forms' problems at once: the clerk fixes the whole first-run page in one go.
    issues = [*setup_issues(setup), *issues]
    if issues:
        raise ValidationFailed(issues)
    _refuse_if_accounts(app)
    with app.db.atomic():
        app._store_setup(setup)
        _insert(app, account, password, actor=account.username)
    return account


def create_first_admin(app: Services, username: str, full_name: str,
                       password: str) -> Account:
    account, issues = _new_account(app, username, full_name, Role.ADMIN, password)
    if issues:
        raise ValidationFailed(issues)
    _refuse_if_accounts(app)
    with app.db.atomic():
        _insert(app, account, password, actor=account.username)
    return account


def _refuse_if_accounts(app: Services) -> None:
    if has_accounts(app):
        raise ServiceError(
            "Máy này đã có tài khoản quản trị: hãy đăng nhập bằng tài khoản đó.")


# --- login ---------------------------------------------------------------------------------

# Checked against when the name is unknown, so that a wrong name takes as long as a wrong
# password and the answer's timing does not tell which names exist. Made by hash_password with
# the current parameters (a test checks), so it costs what a real check costs.
DECOY_HASH = ("scrypt$16384$8$1$ItkC+wFwbohs+8gUkyeEhA==$"
              "IvTDICxQODoBBt74cKbCMRY9lJbicyAqPd/aeZYQNUg=")


def login(app: Services, username: str, password: str) -> Account:
    now = app.now()
    found = store.credentials(app.db, normalise_username(username))
    if found is None or not found.account.active:
        passwords.verify(password, DECOY_HASH)
        raise LoginRefused(WRONG_LOGIN)
    _refuse_if_locked(found, now)
    if not passwords.verify(password, found.password_hash):
        _count_failure(app, found, now)
        raise LoginRefused(WRONG_LOGIN)
    account = found.account
    with app.db.atomic():
        if found.failed_logins or account.locked_until:
            store.record_failures(app.db, account.username, 0, None)
        if passwords.needs_rehash(found.password_hash):
            store.set_password(app.db, account.username, passwords.hash_password(password),
                               must_change=account.must_change_password, at=now)
    return replace(account, locked_until=None)


def _refuse_if_locked(found: store.Credentials, now: datetime) -> None:
    wait = lock_remaining(found.account.locked_until, found.failed_logins, now)
    if wait:
        raise _locked_out(wait)


def _count_failure(app: Services, found: store.Credentials, now: datetime) -> None:
    """One more wrong password in a row, typed at the login or as the current one when changing
    it (both let someone guess it); raises the lock-out it earns, if any."""
    username = found.account.username
    failures = found.failed_logins + 1
    delay = lockout_delay(failures)
    with app.db.atomic():
        store.record_failures(app.db, username, failures, now + delay if delay else None)
        if delay:
            _log(app, username, username, "locked_out",
                 f"{failures} lần sai liên tiếp, khóa {_duration(delay)}")
    if delay:
        raise _locked_out(delay)


def _locked_out(wait: timedelta) -> LoginRefused:
    return LoginRefused(
        f"Đăng nhập sai nhiều lần: tài khoản tạm khóa, thử lại sau {_duration(wait)} "
        "(hoặc nhờ quản trị mở khóa).", retry_after=wait)


def _duration(wait: timedelta) -> str:
    seconds = max(1, round(wait.total_seconds()))
    if seconds < 60:
        return f"{seconds} giây"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} phút {rest} giây" if rest else f"{minutes} phút"


def permissions(app: Services, account: Account) -> frozenset[Permission]:
    # A password an admin reset is known to the admin: until its owner has chosen their own,
    # it must not let anyone act (and sign events) in that name.
    if account.must_change_password:
        return frozenset()
    return permissions_for(account.role, leader_approves=account_policy(app).leader_approves)


# --- one's own password ----------------------------------------------------------------------

def change_password(app: Services, account: Account, old_password: str,
                    new_password: str) -> Account:
    """Raises LoginRefused when the account is, or now gets, locked out: the caller must then
    end the session, as a login would be refused."""
    now = app.now()
    found = store.credentials(app.db, account.username)
    if found is None:
        raise ServiceError(f"Không có tài khoản {account.username}.")
    _refuse_if_locked(found, now)
    if not passwords.verify(old_password, found.password_hash):
        _count_failure(app, found, now)
        raise ValidationFailed([_error("old_password", "Mật khẩu hiện tại không đúng.")])
    issues = password_issues(new_password, account.username)
    if not issues and new_password == old_password:
        issues = [_error("password", "Mật khẩu mới phải khác mật khẩu hiện tại.")]
    if issues:
        raise ValidationFailed(issues)
    with app.db.atomic():
        store.set_password(app.db, account.username, passwords.hash_password(new_password),
                           must_change=False, at=now)
        _log(app, account.username, account.username, "password_changed")
    return replace(account, must_change_password=False, locked_until=None)


# --- the admin's side ----------------------------------------------------------------------

def accounts(app: Services) -> list[Account]:
    return store.all_accounts(app.db)


def create_account(app: Services, actor: str, username: str, full_name: str, role: Role,
                   password: str) -> Account:
    account, issues = _new_account(app, username, full_name, role, password)
    if issues:
        raise ValidationFailed(issues)
    with app.db.atomic():
        _insert(app, account, password, actor=actor)
    return account


def update_account(app: Services, actor: str, username: str, *,
                   full_name: str | None = None, role: Role | None = None,
                   active: bool | None = None) -> Account:
    before = _existing(app, username)
    after = replace(
        before,
        full_name=before.full_name if full_name is None else clean(full_name),
        role=before.role if role is None else Role(role),
        active=before.active if active is None else active,
    )
    renamed = after.full_name != before.full_name
    issues = full_name_issues(after.full_name)
    if not issues and renamed:
        issues = _rename_refused(app, before) or _name_taken(app, after.full_name,
                                                             before.username)
    if issues:
        raise ValidationFailed(issues)
    if before.username == actor and not after.active:
        raise ServiceError("Bạn không thể tự khóa tài khoản của mình đang đăng nhập.")
    stays_admin = after.active and after.role is Role.ADMIN
    if not stays_admin and store.active_admins(app.db) == [before.username]:
        raise ServiceError(
            "Đây là tài khoản quản trị cuối cùng còn hoạt động: hãy tạo hoặc cấp quyền quản "
            "trị cho một tài khoản khác trước.")
    changes = _changes(before, after)
    if changes:
        with app.db.atomic():
            store.update(app.db, after, app.now())
            _log(app, actor, before.username, "updated", changes)
    return after


def reset_password(app: Services, actor: str, username: str, new_password: str) -> None:
    """An admin (or the command line) sets a new password the user must change at their next
    login; it also ends a lock-out."""
    account = _existing(app, username)
    issues = password_issues(new_password, account.username)
    if issues:
        raise ValidationFailed(issues)
    with app.db.atomic():
        store.set_password(app.db, account.username, passwords.hash_password(new_password),
                           must_change=True, at=app.now())
        _log(app, actor, account.username, "password_reset")


def unlock_account(app: Services, actor: str, username: str) -> None:
    account = _existing(app, username)
    with app.db.atomic():
        store.record_failures(app.db, account.username, 0, None)
        _log(app, actor, account.username, "unlocked")


def account_log(app: Services, limit: int) -> list[AccountLogEntry]:
    return store.log_entries(app.db, limit)


# --- the commune's policy --------------------------------------------------------------------

def account_policy(app: Services) -> AccountPolicy:
    return AccountPolicy.from_stored(settings.load(app.db).get(POLICY_KEY))


def save_account_policy(app: Services, policy: AccountPolicy) -> AccountPolicy:
    issues = policy_issues(policy)
    if issues:
        raise ValidationFailed(issues)
    with app.db.atomic():
        settings.save(app.db, {POLICY_KEY: asdict(policy)})
    return policy


# --- inside ----------------------------------------------------------------------------------

def _new_account(app: Services, username: str, full_name: str, role: Role,
                 password: str) -> tuple[Account, list[Issue]]:
    account = Account(normalise_username(username), clean(full_name), Role(role))
    issues = username_issues(account.username)
    if not issues and store.get(app.db, account.username) is not None:
        issues = [_error("username", "Tên đăng nhập này đã có, hãy chọn tên khác.")]
    issues += full_name_issues(account.full_name) or _name_taken(app, account.full_name, None)
    issues += password_issues(password, account.username)
    return account, issues


# Dossiers, events and slips carry the name of whoever recorded them, not the username: the
# board, the ledger and the slips find a clerk's work by that name. So a name that is on the
# records stays with the person who recorded them.

def _name_taken(app: Services, full_name: str, username: str | None) -> list[Issue]:
    holder = store.name_holder(app.db, full_name)
    if holder is not None and holder != username:
        return [_error("full_name", f"Họ tên này đã dùng cho tài khoản {holder}: phiếu và sổ "
                                    "sẽ không phân biệt được hai người.")]
    if _in_records(app, full_name) and full_name_key(full_name) != full_name_key(
            suggested_admin_name(app)):
        # The counter's clerk from before accounts may still get an account in the name their
        # records carry: they are that person.
        return [_error("full_name", "Họ tên này đã có trên hồ sơ, sự kiện hoặc phiếu do cán "
                                    "bộ khác ghi tại quầy này: tài khoản mới sẽ nhận lẫn việc "
                                    "của người đó. Hãy ghi họ tên khác để phân biệt (ví dụ "
                                    "thêm tên đệm).")]
    return []


def _rename_refused(app: Services, account: Account) -> list[Issue]:
    """Renaming an account that recorded something would split its work in two names."""
    if not _in_records(app, account.full_name):
        return []
    return [_error("full_name", "Tài khoản này đã ghi hồ sơ, sự kiện hoặc phiếu mang họ tên "
                                f"{account.full_name} nên không đổi được họ tên: sổ, phiếu và "
                                "bảng theo dõi nhận ra cán bộ theo họ tên. Nếu cần tên khác, "
                                "hãy tạo tài khoản mới và khóa tài khoản này.")]


def _in_records(app: Services, full_name: str) -> bool:
    return store.name_in_records(app.db, full_name, app.device_id())


def _insert(app: Services, account: Account, password: str, *, actor: str) -> None:
    store.insert(app.db, account, passwords.hash_password(password), app.now())
    _log(app, actor, account.username, "created", f"{account.full_name}, {account.role.label}")


def _existing(app: Services, username: str) -> Account:
    account = store.get(app.db, normalise_username(username))
    if account is None:
        raise ServiceError(f"Không có tài khoản {clean(username)}.")
    return account


def _changes(before: Account, after: Account) -> str:
    """What an update changed, in words for the account log."""
    changes = []
    if after.full_name != before.full_name:
        changes.append(f"họ tên: {before.full_name} → {after.full_name}")
    if after.role is not before.role:
        changes.append(f"vai trò: {before.role.label} → {after.role.label}")
    if after.active != before.active:
        changes.append("mở lại tài khoản" if after.active else "khóa tài khoản")
    return "; ".join(changes)


def _log(app: Services, actor: str, username: str, action: str, detail: str = "") -> None:
    store.log(app.db, AccountLogEntry(app.now(), actor, username, action, detail))


def _error(field: str, message: str) -> Issue:
    return Issue(field, message, Severity.ERROR)
