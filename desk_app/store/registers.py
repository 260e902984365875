"""Registers of numbered documents: one number sequence per register and year, never going down
(the apology letters of form 04: "Số: 07/VBXL")."""

from __future__ import annotations

import sqlite_utils


def next_document_number(
    db: sqlite_utils.Database, register: str, year: int, used: int = 0
) -> int:
    """The next number of `register` in `year`, in the caller's transaction. It continues past
    the stored high-water mark and past `used` (the highest the caller finds recorded elsewhere,
    in the events), so a number is never given twice."""
    stored = db.execute(
        "SELECT last FROM document_registers WHERE register = ? AND year = ?", [register, year]
    ).fetchone()
    number = max(stored[0] if stored else 0, used) + 1
    db.execute(
        "INSERT INTO document_registers (register, year, last) VALUES (?, ?, ?) "
        "ON CONFLICT (register, year) DO UPDATE SET last = excluded.last",
        [register, year, number],
    )
    return number


def highest_in_events(db: sqlite_utils.Database, kind: str, year: int) -> int:
    """The highest `document_seq` the events of `kind` recorded for `year` (0 if none): what a
    register must continue past even if its row was lost."""
    found = db.execute(
        "SELECT MAX(json_extract(payload, '$.document_seq')) FROM events "
        "WHERE kind = ? AND json_extract(payload, '$.document_year') = ?",
        [kind, year],
    ).fetchone()[0]
    return int(found or 0)
