"""The pull feed: what the province publishes, read by each device from its cursor.

A cursor is the last `seq` a device has applied, so a change must never become visible after a
higher seq was already read. PostgreSQL hands out sequence numbers before commit, so writers of
this table take a lock that makes their commits follow seq order (writers are rare admin
commands); SQLite has a single writer anyway.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, or_, select

from sync.protocol import canonical_json
from sync.server import clock
from sync.server.database import is_postgresql
from sync.server.tables import changes


def record(connection: Connection, type_: str, data: dict[str, Any],
           commune_id: int | None = None) -> int:
    if is_postgresql(connection.engine):
        connection.exec_driver_sql("LOCK TABLE changes IN EXCLUSIVE MODE")
    return connection.execute(
        insert(changes).values(commune_id=commune_id, type=type_, data=canonical_json(data),
                               created_at=clock.stamp(clock.now()))
        .returning(changes.c.seq)
    ).scalar_one()


def page(connection: Connection, commune_id: int, cursor: int,
         limit: int) -> tuple[list[dict[str, Any]], int, bool]:
    """(changes after `cursor` for this commune, next cursor, whether more are waiting)."""
    rows = connection.execute(
        select(changes.c.seq, changes.c.type, changes.c.data)
        .where(changes.c.seq > cursor)
        .where(or_(changes.c.commune_id.is_(None), changes.c.commune_id == commune_id))
        .order_by(changes.c.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    found = [{"seq": row.seq, "type": row.type, "data": json.loads(row.data)} for row in rows]
    return found, rows[-1].seq if rows else cursor, more
