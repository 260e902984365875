"""The commune's local calendar table: extra days off and swapped working days."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import sqlite_utils

from desk_app.core.calendar import LocalOverride, OverrideKind


def overrides(db: sqlite_utils.Database) -> list[LocalOverride]:
    return [
        LocalOverride(date.fromisoformat(day), OverrideKind(kind), note)
        for day, kind, note in db.execute(
            "SELECT day, kind, note FROM calendar_overrides ORDER BY day"
        )
    ]


def put(db: sqlite_utils.Database, override: LocalOverride) -> None:
    db.execute(
        "INSERT INTO calendar_overrides (day, kind, note) VALUES (?, ?, ?) "
        "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, note = excluded.note",
        [override.day.isoformat(), override.kind.value, override.note],
    )


def replace(db: sqlite_utils.Database, table: Iterable[LocalOverride]) -> None:
    """The whole table as edited in the settings dialog."""
    db.execute("DELETE FROM calendar_overrides")
    for override in table:
        put(db, override)
