"""Web accounts: who may log in to the province's pages, in which role, and their sessions.

Roles: an administrator sees and manages everything, a province viewer sees every commune, a
commune leader sees only the commune the account is tied to. After MAX_FAILURES wrong passwords
in a row the account is locked for LOCK_MINUTES (OWASP ASVS 2.2.1); a right password afterwards
resets the count. A session is a random token in an HttpOnly cookie; the hub keeps its hash and
a CSRF token for the session's forms, and ends it after SESSION_HOURS.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update

from sync.server import clock, credentials
from sync.server.database import reading
from sync.server.errors import AdminError
from sync.server.tables import communes, web_sessions, web_users
from sync.server.text import clean
from sync.server.web.passwords import dummy_hash, hash_password, password_problem, verify_password

ADMIN, VIEWER, LEADER = "admin", "viewer", "leader"
ROLE_LABELS = {ADMIN: "Quản trị tỉnh", VIEWER: "Cán bộ tỉnh (xem)", LEADER: "Lãnh đạo xã"}
MAX_FAILURES = 5
LOCK_MINUTES = 15
SESSION_HOURS = 12
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: str
    commune_id: int | None

    def sees(self, commune_id: int) -> bool:
        """Whether this account may see the commune's dossiers."""
        return self.role in (ADMIN, VIEWER) or self.commune_id == commune_id

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


@dataclass(frozen=True)
class UserRow:
    user: User
    commune_name: str | None
    locked_until: str | None
    disabled_at: str | None


@dataclass(frozen=True)
class Session:
    user: User
    csrf_token: str


class LoginRefused(Exception):
    """Wrong name or password, or a locked or disabled account; the message is for the page."""


_USER_COLUMNS = (web_users.c.id, web_users.c.username, web_users.c.display_name,
                 web_users.c.role, web_users.c.commune_id)


def _user(row) -> User:
    return User(row.id, row.username, row.display_name, row.role, row.commune_id)


def _username(text: str) -> str:
    username = text.strip().lower()
    if not USERNAME.match(username):
        raise AdminError("a user name is 2-60 characters: lowercase letters a-z, digits, . _ -, "
                         f"starting with a letter or digit (got {text!r})")
    return username


def _checked_password(password: str) -> str:
    problem = password_problem(password)
    if problem:
        raise AdminError(problem)
    return password


def add_user(engine: Engine, username: str, display_name: str, role: str, password: str,
             commune_id: int | None = None) -> int:
    username, display_name = _username(username), clean(display_name)
    if not display_name:
        raise AdminError("a user needs a name (--name)")
    if role not in ROLE_LABELS:
        raise AdminError(f"role must be one of {', '.join(ROLE_LABELS)}")
    if role == LEADER and commune_id is None:
        raise AdminError("a commune leader needs a commune id (--commune)")
    if role != LEADER and commune_id is not None:
        raise AdminError("only a commune leader is tied to a commune (leave out --commune)")
    password_hash = hash_password(_checked_password(password))
    with engine.begin() as connection:
        if commune_id is not None and connection.execute(
                select(communes.c.id).where(communes.c.id == commune_id)).first() is None:
            raise AdminError(f"no commune with id {commune_id}")
        if connection.execute(select(web_users.c.id)
                              .where(web_users.c.username == username)).first() is not None:
            raise AdminError(f"user {username} already exists")
        return connection.execute(
            insert(web_users).values(
                username=username, display_name=display_name, role=role, commune_id=commune_id,
                password_hash=password_hash, failed_logins=0,
                created_at=clock.stamp(clock.now()))
            .returning(web_users.c.id)
        ).scalar_one()


def list_users(engine: Engine) -> list[UserRow]:
    query = (select(*_USER_COLUMNS, communes.c.name.label("commune_name"),
                    web_users.c.locked_until, web_users.c.disabled_at)
             .outerjoin(communes, communes.c.id == web_users.c.commune_id)
             .order_by(web_users.c.username))
    with reading(engine) as connection:
        return [UserRow(_user(row), row.commune_name, row.locked_until, row.disabled_at)
                for row in connection.execute(query)]


def set_password(engine: Engine, username: str, password: str) -> None:
    """A new password; it also lifts a lock-out and ends the account's sessions."""
    username = _username(username)
    password_hash = hash_password(_checked_password(password))
    with engine.begin() as connection:
        user_id = connection.execute(
            update(web_users).where(web_users.c.username == username)
            .values(password_hash=password_hash, failed_logins=0, locked_until=None)
            .returning(web_users.c.id)).scalar()
        if user_id is None:
            raise AdminError(f"no user {username}")
        connection.execute(delete(web_sessions).where(web_sessions.c.user_id == user_id))


def disable_user(engine: Engine, username: str) -> None:
    """The account can no longer log in, and its open sessions end at once."""
    username = _username(username)
    with engine.begin() as connection:
        user_id = connection.execute(
            update(web_users).where(web_users.c.username == username)
            .values(disabled_at=clock.stamp(clock.now()))
            .returning(web_users.c.id)).scalar()
        if user_id is None:
            raise AdminError(f"no user {username}")
        connection.execute(delete(web_sessions).where(web_sessions.c.user_id == user_id))


def authenticate(engine: Engine, username: str, password: str, now: datetime) -> User:
    """The account, if the password is right and the account neither locked nor disabled; a
    wrong password counts towards the lock-out."""
    username = username.strip().lower()[:60]
    refused = LoginRefused("Tên đăng nhập hoặc mật khẩu không đúng.")
    with reading(engine) as connection:
        row = connection.execute(
            select(*_USER_COLUMNS, web_users.c.password_hash, web_users.c.locked_until,
                   web_users.c.disabled_at).where(web_users.c.username == username)).first()
    if row is None:
        verify_password(password, dummy_hash())
        raise refused
    right = _password_holds(engine, row, password, now)
    # A disabled account is refused like a wrong password: nothing tells it exists.
    if not right or row.disabled_at is not None:
        raise refused
    return _user(row)


def _password_holds(engine: Engine, row, password: str, now: datetime) -> bool:
    """Whether `password` is the account's (`row`: its id, password_hash and locked_until). A
    locked account is refused without checking; a wrong password counts towards the lock-out,
    a right one resets the count."""
    if row.locked_until is not None and row.locked_until > clock.stamp(now):
        raise LoginRefused(
            f"Tài khoản tạm khoá do nhập sai mật khẩu {MAX_FAILURES} lần; thử lại sau "
            f"{clock.parse_aware(row.locked_until):%H:%M} hoặc nhờ quản trị đặt lại mật khẩu.")
    right = verify_password(password, row.password_hash)
    with engine.begin() as connection:
        if right:
            connection.execute(update(web_users).where(web_users.c.id == row.id)
                               .values(failed_logins=0, locked_until=None))
        else:
            failures = connection.execute(
                update(web_users).where(web_users.c.id == row.id)
                .values(failed_logins=web_users.c.failed_logins + 1)
                .returning(web_users.c.failed_logins)).scalar_one()
            if failures >= MAX_FAILURES:
                connection.execute(update(web_users).where(web_users.c.id == row.id).values(
                    failed_logins=0,
                    locked_until=clock.stamp(now + timedelta(minutes=LOCK_MINUTES))))
    return right


def check_own_password(engine: Engine, user: User, password: str, now: datetime) -> None:
    """A signed-in account's password typed again (to change it), checked as at login: a wrong
    one counts towards the lock-out, and a locked account is refused."""
    with reading(engine) as connection:
        row = connection.execute(
            select(web_users.c.id, web_users.c.password_hash, web_users.c.locked_until)
            .where(web_users.c.id == user.id)).one()
    if not _password_holds(engine, row, password, now):
        raise LoginRefused("Mật khẩu hiện tại không đúng.")


def start_session(engine: Engine, user: User, now: datetime) -> str:
    """A new session for `user`; returns the cookie's token."""
    token = credentials.new_token()
    with engine.begin() as connection:
        # Expired sessions go when anyone logs in: no separate clean-up job to forget.
        connection.execute(delete(web_sessions).where(web_sessions.c.expires_at <= clock.stamp(now)))
        connection.execute(insert(web_sessions).values(
            token_hash=credentials.digest(token), user_id=user.id,
            csrf_token=secrets.token_urlsafe(32), created_at=clock.stamp(now),
            expires_at=clock.stamp(now + timedelta(hours=SESSION_HOURS))))
    return token


def session(engine: Engine, token: str, now: datetime) -> Session | None:
    """The live session of a cookie's token, of an account still enabled; None otherwise."""
    query = (select(*_USER_COLUMNS, web_sessions.c.csrf_token)
             .join(web_users, web_users.c.id == web_sessions.c.user_id)
             .where(web_sessions.c.token_hash == credentials.digest(token))
             .where(web_sessions.c.expires_at > clock.stamp(now))
             .where(web_users.c.disabled_at.is_(None)))
    with reading(engine) as connection:
        row = connection.execute(query).first()
    return None if row is None else Session(_user(row), row.csrf_token)


def end_session(engine: Engine, token: str) -> None:
    with engine.begin() as connection:
        connection.execute(delete(web_sessions)
                           .where(web_sessions.c.token_hash == credentials.digest(token)))
