"""Number sequences that must never repeat: the daily dossier-code sequence and ledger lines."""

from __future__ import annotations

from datetime import date, datetime

import sqlite_utils

from desk_app.core.clock import parse_iso
from desk_app.core.codes import code_prefix


def next_code_sequence(
    db: sqlite_utils.Database, agency: str, day: date, counter: int, issued: int = 0
) -> int:
    """The next daily sequence for this counter. It continues past the stored high-water mark,
    past any code already in the dossiers table and past `issued` (the highest the caller knows
    was issued outside this database: store.issued_codes), so a restored or hand-edited database
    can never make a code repeat."""
    day_key = day.isoformat()
    stored = db.execute(
        "SELECT last FROM code_sequences WHERE agency = ? AND day = ? AND counter = ?",
        [agency, day_key, counter],
    ).fetchone()
    in_table = highest_in_table(db, agency, day, counter)
    sequence = max(stored[0] if stored else 0, in_table, issued) + 1
    db.execute(
        "INSERT INTO code_sequences (agency, day, counter, last) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (agency, day, counter) DO UPDATE SET last = excluded.last",
        [agency, day_key, counter, sequence],
    )
    return sequence


def highest_in_table(db: sqlite_utils.Database, agency: str, day: date, counter: int) -> int:
    """The highest sequence of this agency, day and counter among the dossiers (0 if none)."""
    prefix = code_prefix(agency, day, counter)
    # Codes of one counter and day are the prefix and then digits only: three, or more once the
    # sequence passes 999 (core.codes). As text "…-11000" < "…-1999", so the highest is taken
    # as a number, over a range of the unique index (a day's codes of one counter).
    highest = db.execute(
        "SELECT MAX(CAST(substr(code, ?) AS INTEGER)) FROM dossiers "
        "WHERE code >= ? AND code < ? AND substr(code, ?) NOT GLOB '*[^0-9]*'",
        [len(prefix) + 1, prefix + "0", prefix + ":", len(prefix) + 1],
    ).fetchone()[0]
    return highest or 0


def newest_reception(db: sqlite_utils.Database) -> datetime | None:
    """When the newest dossier here was received (None if there is none)."""
    (newest,) = db.execute("SELECT MAX(received_at) FROM dossiers").fetchone()
    return parse_iso(newest) if newest else None


def present_codes(db: sqlite_utils.Database, codes: list[str]) -> set[str]:
    """Which of `codes` some dossier carries."""
    found: set[str] = set()
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        found.update(code for (code,) in db.execute(
            f"SELECT code FROM dossiers WHERE code IN ({', '.join('?' * len(chunk))})", chunk))
    return found


def next_ledger_number(db: sqlite_utils.Database, book: int, issued: int = 0) -> int:
    """The next line of the ledger book (one book per year, numbering continuous within it),
    past `issued` as well, like the code sequence."""
    stored = db.execute("SELECT last FROM ledger_sequences WHERE book = ?", [book]).fetchone()
    used = db.execute(
        "SELECT MAX(ledger_number) FROM dossiers WHERE ledger_book = ?", [book]
    ).fetchone()[0]
    number = max(stored[0] if stored else 0, used or 0, issued) + 1
    db.execute(
        "INSERT INTO ledger_sequences (book, last) VALUES (?, ?) "
        "ON CONFLICT (book) DO UPDATE SET last = excluded.last",
        [book, number],
    )
    return number

