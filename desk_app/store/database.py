"""The store's connection: sqlite3 with the three things the store asks of it.

It replaced sqlite_utils.Database, of which the store used only these (`execute`, `query`,
`atomic`) with the same meaning: importing sqlite_utils, with its plugin machinery, click and
dateutil, took about 100 ms of every start of the app (issue 13), a seventh of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from typing import Any

Params = Sequence[Any] | dict[str, Any] | None

# Statements that end or nest a transaction themselves; `execute` leaves them alone.
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})


def first_keyword(sql: str) -> str:
    """The statement's first keyword, upper case, after blanks, `;` and comments."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in ";\ufeff":
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end == -1 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end == -1 else end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()


class Database:
    """A sqlite3 connection in Python's default transaction handling, where a write outside
    `atomic` is committed on its own and `atomic` blocks nest as savepoints."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._savepoints = count(1)
        # As sqlite_utils did, and the database's triggers were written under.
        conn.execute("PRAGMA recursive_triggers=on")

    def execute(self, sql: str, params: Params = None) -> sqlite3.Cursor:
        """Run one statement. A write outside a transaction is committed at once: sqlite3
        opens a transaction for it that nothing else would ever commit, and every later write
        would join it."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, () if params is None else params)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and self.conn.in_transaction and cursor.description is None
                and first_keyword(sql) not in _TRANSACTION_CONTROL):
            self.conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """The rows of a SELECT as dictionaries by column name, read as iterated."""
        cursor = self.conn.execute(sql, () if params is None else params)
        names = [column[0] for column in cursor.description]
        if len(set(names)) != len(names):
            raise ValueError(f"two result columns share a name: {names}")
        return (dict(zip(names, row, strict=True)) for row in cursor)

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction, committed when the block ends and rolled back if it raises; inside
        another one, a savepoint that undoes only its own block."""
        if self.conn.in_transaction:
            savepoint = f"atomic_{next(self._savepoints)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # An error such as a RAISE(ROLLBACK) trigger may have ended the whole
                # transaction already, savepoint included.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()
