"""The accounts that may log in at this counter and the log of what was done to them.

Only the password's hash is stored (core.passwords); the clear password never reaches SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from desk_app.core.accounts import Account, AccountLogEntry, Role, full_name_key
from desk_app.core.clock import iso, parse_iso


@dataclass(frozen=True)
class Credentials:
    account: Account
    password_hash: str
    failed_logins: int  # in a row since the last good login


def count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT COUNT(*) FROM accounts").fetchone()[0]


def get(db: sqlite_utils.Database, username: str) -> Account | None:
    found = credentials(db, username)
    return found.account if found else None


def credentials(db: sqlite_utils.Database, username: str) -> Credentials | None:
    rows = list(db.query("SELECT * FROM accounts WHERE username = ?", [username]))
    return _credentials(rows[0]) if rows else None


def all_accounts(db: sqlite_utils.Database, *, active_only: bool = False) -> list[Account]:
    where = "WHERE active = 1 " if active_only else ""
    return [_credentials(r).account for r in db.query(
        f"SELECT * FROM accounts {where}ORDER BY full_name_key, username")]


def active_admins(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT username FROM accounts WHERE role = ? AND active = 1", [Role.ADMIN.value])]


def name_holder(db: sqlite_utils.Database, full_name: str) -> str | None:
    """The username of the account whose name folds to the same key as `full_name`."""
    row = db.execute("SELECT username FROM accounts WHERE full_name_key = ?",
                     [full_name_key(full_name)]).fetchone()
    return row[0] if row else None


def name_in_records(db: sqlite_utils.Database, full_name: str, device_id: str) -> bool:
    """Whether dossiers, events or slips recorded at this counter carry a name that folds to
    the same key as `full_name` (events pulled from the hub carry the province's names and
    do not count)."""
    key = full_name_key(full_name)
    # Names are few, so each table's distinct names are folded here, not in SQL. The dossiers
    # come first: their index on clerk answers from the index alone, and a name on any record
    # here is nearly always on a dossier it received, so an account that worked is found
    # without reading the events. Events and slips have no index on clerk: they are scanned
    # only when no dossier carries the name, on an admin's rare account creation or rename.
    for query, parameters in (
        ("SELECT DISTINCT clerk FROM dossiers", []),
        ("SELECT DISTINCT clerk FROM events WHERE device_id = ?", [device_id]),
        ("SELECT DISTINCT clerk FROM slips", []),
    ):
        if any(full_name_key(row[0]) == key for row in db.execute(query, parameters)):
            return True
    return False


def insert(db: sqlite_utils.Database, account: Account, password_hash: str,
           at: datetime) -> None:
    db.execute(
        "INSERT INTO accounts (username, full_name, full_name_key, role, password_hash, "
        "active, must_change_password, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [account.username, account.full_name, full_name_key(account.full_name),
         account.role.value, password_hash, int(account.active),
         int(account.must_change_password), iso(at), iso(at)],
    )


def update(db: sqlite_utils.Database, account: Account, at: datetime) -> None:
    """Name, role and whether the account may log in."""
    db.execute(
        "UPDATE accounts SET full_name = ?, full_name_key = ?, role = ?, active = ?, "
        "updated_at = ? WHERE username = ?",
        [account.full_name, full_name_key(account.full_name), account.role.value,
         int(account.active), iso(at), account.username],
    )


def set_password(db: sqlite_utils.Database, username: str, password_hash: str, *,
                 must_change: bool, at: datetime) -> None:
    """A new password also ends any lock-out: whoever set it knows it."""
    db.execute(
        "UPDATE accounts SET password_hash = ?, must_change_password = ?, failed_logins = 0, "
        "locked_until = NULL, updated_at = ? WHERE username = ?",
        [password_hash, int(must_change), iso(at), username],
    )


def record_failures(db: sqlite_utils.Database, username: str, failures: int,
                    locked_until: datetime | None) -> None:
    """The count of failed logins in a row and the lock-out it earned (0 and None after a
    good login or an unlock)."""
    db.execute(
        "UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE username = ?",
        [failures, iso(locked_until) if locked_until else None, username],
    )


def log(db: sqlite_utils.Database, entry: AccountLogEntry) -> None:
    db.execute(
        "INSERT INTO account_log (at, actor, username, action, detail) VALUES (?, ?, ?, ?, ?)",
        [iso(entry.at), entry.actor, entry.username, entry.action, entry.detail],
    )


def log_entries(db: sqlite_utils.Database, limit: int) -> list[AccountLogEntry]:
    """Newest first."""
    return [
        AccountLogEntry(parse_iso(r["at"]), r["actor"], r["username"], r["action"], r["detail"])
        for r in db.query("SELECT * FROM account_log ORDER BY id DESC LIMIT ?", [limit])
    ]


def _credentials(row: dict) -> Credentials:
    account = Account(
        username=row["username"],
        full_name=row["full_name"],
        role=Role(row["role"]),
        active=bool(row["active"]),
        must_change_password=bool(row["must_change_password"]),
        locked_until=parse_iso(row["locked_until"]) if row["locked_until"] else None,
    )
    return Credentials(account, row["password_hash"], row["failed_logins"])
