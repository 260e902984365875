"""Logging in, the session, and looking after the accounts of this counter (issue 5).

Login is entirely local (the hashes are in the counter's own database), so it works offline
for every account on the machine. The lock-out state is stored with the account: restarting
the app does not reset it. Times are the services' clock (`ctx.now()`).
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import datetime, timedelta

from desk_app.core import passwords
from desk_app.core.accounts import (
    POLICY_KEY,
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
    policy_issues,
    username_issues,
)
from desk_app.core.changes import ACCOUNTS, SETTINGS
from desk_app.core.counter import CounterSetup, setup_issues
from desk_app.core.options import LEGACY_CLERK_KEY
from desk_app.core.text import clean
from desk_app.core.validation import Issue, error
from desk_app.services import setup as counter_setup
from desk_app.services import witnesses
from desk_app.services.context import Access, Context, use_case
from desk_app.services.errors import LoginRefused, ServiceError, ValidationFailed
from desk_app.store import accounts as store
from desk_app.store import settings

CLI_ACTOR = "cli"

WRONG_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng."


# --- before anyone logs in -----------------------------------------------------------------

@use_case(Access.OPEN)
def has_accounts(ctx: Context) -> bool:
    return _has_accounts(ctx)


def _has_accounts(ctx: Context) -> bool:
    return store.count(ctx.db) > 0


@use_case(Access.OPEN)
def login_choices(ctx: Context) -> list[Account]:
    """The active accounts, for the login screen's picker."""
    return store.all_accounts(ctx.db, active_only=True)


@use_case(Access.OPEN)
def suggested_admin_name(ctx: Context) -> str:
    """The clerk name of a counter set up before accounts existed, to prefill the admin."""
    return _legacy_clerk(ctx)


def _legacy_clerk(ctx: Context) -> str:
    return settings.load(ctx.db).get(LEGACY_CLERK_KEY, "")


@use_case(Access.OPEN, changes=ACCOUNTS | SETTINGS)
def first_run(ctx: Context, setup: CounterSetup, username: str, full_name: str,
              password: str, *, reuse_issued: bool = False) -> Account:
    """The counter's setup and its first admin, in one transaction; logs the admin in.

    A data folder that shows codes were issued under the same agency code and counter number
    (a database lost, its restore declined) is set up so only if `reuse_issued`: the admin's
    choice, recorded in the new database (services.witnesses)."""
    setup = setup.cleaned()
    account, issues = _new_account(ctx, username, full_name, Role.ADMIN, password)
    # Both forms' problems at once: the clerk fixes the whole first-run page in one go.
    issues = [*setup_issues(setup), *issues,
              *witnesses.reuse_issues(ctx.data_dir, setup, reuse_issued)]
    if issues:
        raise ValidationFailed(issues)
    _refuse_if_accounts(ctx)
    counter_setup.store_setup(ctx, setup)
    witnesses.record_reuse(ctx, setup, account.username)
    _insert(ctx, account, password, actor=account.username)
    return _logged_in(ctx, account)


@use_case(Access.OPEN, changes=ACCOUNTS)
def create_first_admin(ctx: Context, username: str, full_name: str,
                       password: str) -> Account:
    """The first admin of a counter set up before accounts existed; logs them in."""
    account, issues = _new_account(ctx, username, full_name, Role.ADMIN, password)
    if issues:
        raise ValidationFailed(issues)
    _refuse_if_accounts(ctx)
    _insert(ctx, account, password, actor=account.username)
    return _logged_in(ctx, account)


def _logged_in(ctx: Context, account: Account) -> Account:
    ctx.account = account
    return account


def _refuse_if_accounts(ctx: Context) -> None:
    if _has_accounts(ctx):
        raise ServiceError(
            "Máy này đã có tài khoản quản trị: hãy đăng nhập bằng tài khoản đó.")


# --- login ---------------------------------------------------------------------------------

# Checked against when the name is unknown, so that a wrong name takes as long as a wrong
# password and the answer's timing does not tell which names exist. Made by hash_password with
# the current parameters (a test checks), so it costs what a real check costs.
DECOY_HASH = ("scrypt$16384$8$1$ItkC+wFwbohs+8gUkyeEhA==$"
              "IvTDICxQODoBBt74cKbCMRY9lJbicyAqPd/aeZYQNUg=")


# Not one transaction: a wrong password's failure count must stay written when the login is
# refused.
@use_case(Access.OPEN, changes=ACCOUNTS, transaction=False)
def login(ctx: Context, username: str, password: str) -> Account:
    """Log in (switching from whoever was logged in). Raises LoginRefused."""
    ctx.account = None
    now = ctx.now()
    found = store.credentials(ctx.db, normalise_username(username))
    if found is None or not found.account.active:
        passwords.verify(password, DECOY_HASH)
        raise LoginRefused(WRONG_LOGIN)
    _refuse_if_locked(found, now)
    if not passwords.verify(password, found.password_hash):
        _count_failure(ctx, found, now)
        raise LoginRefused(WRONG_LOGIN)
    account = found.account
    with ctx.db.atomic():
        if found.failed_logins or account.locked_until:
            store.record_failures(ctx.db, account.username, 0, None)
        if passwords.needs_rehash(found.password_hash):
            store.set_password(ctx.db, account.username, passwords.hash_password(password),
                               must_change=account.must_change_password, at=now)
    return _logged_in(ctx, replace(account, locked_until=None))


@use_case(Access.OPEN, changes=ACCOUNTS, transaction=False)
def logout(ctx: Context) -> None:
    ctx.account = None


def _refuse_if_locked(found: store.Credentials, now: datetime) -> None:
    wait = lock_remaining(found.account.locked_until, found.failed_logins, now)
    if wait:
        raise _locked_out(wait)


def _count_failure(ctx: Context, found: store.Credentials, now: datetime) -> None:
    """One more wrong password in a row, typed at the login or as the current one when changing
    it (both let someone guess it); raises the lock-out it earns, if any."""
    username = found.account.username
    failures = found.failed_logins + 1
    delay = lockout_delay(failures)
    with ctx.db.atomic():
        store.record_failures(ctx.db, username, failures, now + delay if delay else None)
        if delay:
            _log(ctx, username, username, "locked_out",
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


# --- one's own password ----------------------------------------------------------------------

@use_case(Access.LOGIN, changes=ACCOUNTS, transaction=False)
def change_password(ctx: Context, old_password: str, new_password: str) -> Account:
    """Raises LoginRefused, and logs out, once wrong current passwords lock the account:
    whoever was guessing at an unlocked session must not keep it."""
    try:
        ctx.account = _change_password(ctx, ctx.require_login(), old_password, new_password)
    except LoginRefused:
        ctx.account = None
        raise
    return ctx.account


def _change_password(ctx: Context, account: Account, old_password: str,
                     new_password: str) -> Account:
    now = ctx.now()
    found = store.credentials(ctx.db, account.username)
    if found is None:
        raise ServiceError(f"Không có tài khoản {account.username}.")
    _refuse_if_locked(found, now)
    if not passwords.verify(old_password, found.password_hash):
        _count_failure(ctx, found, now)
        raise ValidationFailed([error("old_password", "Mật khẩu hiện tại không đúng.")])
    issues = password_issues(new_password, account.username)
    if not issues and new_password == old_password:
        issues = [error("password", "Mật khẩu mới phải khác mật khẩu hiện tại.")]
    if issues:
        raise ValidationFailed(issues)
    with ctx.db.atomic():
        store.set_password(ctx.db, account.username, passwords.hash_password(new_password),
                           must_change=False, at=now)
        _log(ctx, account.username, account.username, "password_changed")
    return replace(account, must_change_password=False, locked_until=None)


# --- the admin's side ----------------------------------------------------------------------

@use_case(Permission.ACCOUNTS)
def accounts(ctx: Context) -> list[Account]:
    return store.all_accounts(ctx.db)


@use_case(Permission.ACCOUNTS, changes=ACCOUNTS)
def create_account(ctx: Context, username: str, full_name: str, role: Role,
                   password: str) -> Account:
    return add_account(ctx, ctx.require_login().username, username, full_name, role, password)


def add_account(ctx: Context, actor: str, username: str, full_name: str, role: Role,
                password: str) -> Account:
    """A new account, recorded as made by `actor` (an admin, or the demo's set-up); in the
    caller's transaction."""
    account, issues = _new_account(ctx, username, full_name, role, password)
    if issues:
        raise ValidationFailed(issues)
    _insert(ctx, account, password, actor=actor)
    return account


@use_case(Permission.ACCOUNTS, changes=ACCOUNTS)
def update_account(ctx: Context, username: str, *, full_name: str | None = None,
                   role: Role | None = None, active: bool | None = None) -> Account:
    actor = ctx.require_login().username
    before = _existing(ctx, username)
    after = replace(
        before,
        full_name=before.full_name if full_name is None else clean(full_name),
        role=before.role if role is None else Role(role),
        active=before.active if active is None else active,
    )
    renamed = after.full_name != before.full_name
    issues = full_name_issues(after.full_name)
    if not issues and renamed:
        issues = _rename_refused(ctx, before) or _name_taken(ctx, after.full_name,
                                                             before.username)
    if issues:
        raise ValidationFailed(issues)
    if before.username == actor and not after.active:
        raise ServiceError("Bạn không thể tự khóa tài khoản của mình đang đăng nhập.")
    stays_admin = after.active and after.role is Role.ADMIN
    if not stays_admin and store.active_admins(ctx.db) == [before.username]:
        raise ServiceError(
            "Đây là tài khoản quản trị cuối cùng còn hoạt động: hãy tạo hoặc cấp quyền quản "
            "trị cho một tài khoản khác trước.")
    changes = _changes(before, after)
    if changes:
        with ctx.db.atomic():
            store.update(ctx.db, after, ctx.now())
            _log(ctx, actor, before.username, "updated", changes)
    if after.username == actor:
        ctx.account = after
    return after


@use_case(Permission.ACCOUNTS, changes=ACCOUNTS)
def reset_password(ctx: Context, username: str, new_password: str) -> None:
    """A new password for someone who forgot theirs; they must change it at next login."""
    reset_password_by(ctx, ctx.require_login().username, username, new_password)


def reset_password_by(ctx: Context, actor: str, username: str, new_password: str) -> None:
    """An admin (or the command line, actor CLI_ACTOR) sets a new password the user must
    change at their next login; it also ends a lock-out. In the caller's transaction."""
    account = _existing(ctx, username)
    issues = password_issues(new_password, account.username)
    if issues:
        raise ValidationFailed(issues)
    with ctx.db.atomic():
        store.set_password(ctx.db, account.username, passwords.hash_password(new_password),
                           must_change=True, at=ctx.now())
        _log(ctx, actor, account.username, "password_reset")


@use_case(Permission.ACCOUNTS, changes=ACCOUNTS)
def unlock_account(ctx: Context, username: str) -> None:
    actor = ctx.require_login().username
    account = _existing(ctx, username)
    with ctx.db.atomic():
        store.record_failures(ctx.db, account.username, 0, None)
        _log(ctx, actor, account.username, "unlocked")


@use_case(Permission.ACCOUNTS)
def account_log(ctx: Context, limit: int = 200) -> list[AccountLogEntry]:
    """Newest first."""
    return store.log_entries(ctx.db, limit)


# --- the commune's policy --------------------------------------------------------------------

@use_case(Access.OPEN)
def account_policy(ctx: Context) -> AccountPolicy:
    return ctx.policy()


@use_case(Permission.SETTINGS, changes=SETTINGS)
def save_account_policy(ctx: Context, policy: AccountPolicy) -> AccountPolicy:
    issues = policy_issues(policy)
    if issues:
        raise ValidationFailed(issues)
    settings.save(ctx.db, {POLICY_KEY: asdict(policy)})
    ctx.forget_policy()
    return policy


# --- inside ----------------------------------------------------------------------------------

def _new_account(ctx: Context, username: str, full_name: str, role: Role,
                 password: str) -> tuple[Account, list[Issue]]:
    account = Account(normalise_username(username), clean(full_name), Role(role))
    issues = username_issues(account.username)
    if not issues and store.get(ctx.db, account.username) is not None:
        issues = [error("username", "Tên đăng nhập này đã có, hãy chọn tên khác.")]
    issues += full_name_issues(account.full_name) or _name_taken(ctx, account.full_name, None)
    issues += password_issues(password, account.username)
    return account, issues


# Dossiers, events and slips carry the name of whoever recorded them, not the username: the
# board, the ledger and the slips find a clerk's work by that name. So a name that is on the
# records stays with the person who recorded them.

def _name_taken(ctx: Context, full_name: str, username: str | None) -> list[Issue]:
    holder = store.name_holder(ctx.db, full_name)
    if holder is not None and holder != username:
        return [error("full_name", f"Họ tên này đã dùng cho tài khoản {holder}: phiếu và sổ "
                                    "sẽ không phân biệt được hai người.")]
    if _in_records(ctx, full_name) and full_name_key(full_name) != full_name_key(
            _legacy_clerk(ctx)):
        # The counter's clerk from before accounts may still get an account in the name their
        # records carry: they are that person.
        return [error("full_name", "Họ tên này đã có trên hồ sơ, sự kiện hoặc phiếu do cán "
                                    "bộ khác ghi tại quầy này: tài khoản mới sẽ nhận lẫn việc "
                                    "của người đó. Hãy ghi họ tên khác để phân biệt (ví dụ "
                                    "thêm tên đệm).")]
    return []


def _rename_refused(ctx: Context, account: Account) -> list[Issue]:
    """Renaming an account that recorded something would split its work in two names."""
    if not _in_records(ctx, account.full_name):
        return []
    return [error("full_name", "Tài khoản này đã ghi hồ sơ, sự kiện hoặc phiếu mang họ tên "
                                f"{account.full_name} nên không đổi được họ tên: sổ, phiếu và "
                                "bảng theo dõi nhận ra cán bộ theo họ tên. Nếu cần tên khác, "
                                "hãy tạo tài khoản mới và khóa tài khoản này.")]


def _in_records(ctx: Context, full_name: str) -> bool:
    return store.name_in_records(ctx.db, full_name, ctx.device_id())


def _insert(ctx: Context, account: Account, password: str, *, actor: str) -> None:
    store.insert(ctx.db, account, passwords.hash_password(password), ctx.now())
    _log(ctx, actor, account.username, "created", f"{account.full_name}, {account.role.label}")


def _existing(ctx: Context, username: str) -> Account:
    account = store.get(ctx.db, normalise_username(username))
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


def _log(ctx: Context, actor: str, username: str, action: str, detail: str = "") -> None:
    store.log(ctx.db, AccountLogEntry(ctx.now(), actor, username, action, detail))
