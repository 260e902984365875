"""Key/value settings, each value stored as JSON."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils


def load(db: sqlite_utils.Database) -> dict[str, Any]:
    return {row[0]: json.loads(row[1]) for row in db.execute("SELECT key, value FROM settings")}


def save(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    for key, value in values.items():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )


def delete(db: sqlite_utils.Database, keys: list[str]) -> None:
    for key in keys:
        db.execute("DELETE FROM settings WHERE key = ?", [key])
