"""The Decision 766 scorecard's sums, kept as events arrive: what each commune's events did in
each month (tables.scorecard_months), so that the scorecard of a year reads at most twelve rows
per commune, never the event log.

Each stored event adds its counts to the row of its commune and of the month of its device time
(Vietnam time): a received dossier and its channel and documents, a document digitised
later, a refusal, a supplement request, a result (in time or not), a return and the
applicant's rating. A correction takes
back the counts of the event it reverses, in that event's month. Every event is stored once
(ingest's ON CONFLICT), so it is counted once, whatever order events arrive in.

The table is derived: `refresh` rebuilds it from the event log when the code's VERSION differs
from the stored one (the first start after migration 0005, or after a change of what is
counted here).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, select

from sync.server.database import dialect_insert
from sync.server.tables import dossiers, events, projections, scorecard_months

VERSION = 1
NAME = "scorecard"
COUNTS = tuple(c.name for c in scorecard_months.columns if c.name not in ("commune_id", "month"))
# The received payload's "channel" (desk_app.core.model.Channel).
CHANNELS = {1: "channel_counter", 2: "channel_online", 3: "channel_post"}
# A document's "digitisation" in the received payload (desk_app, DESIGN §12): "" is a document
# that should have been digitised and was not.
DIGITISATION = {"scanned": "documents_scanned", "reused": "documents_reused",
                "shown": "documents_shown", "exempt": "documents_exempt"}
_REBUILD_CHUNK = 2000


@dataclass(frozen=True)
class Happened:
    """A stored event, as the scorecard needs it."""

    commune_id: int
    dossier_uuid: str
    kind: str
    payload: dict[str, Any]
    when: str  # device time in the hub's form (clock.stamp), +07:00

    @property
    def month(self) -> str:
        return self.when[:7]


def fold(connection: Connection, happened: Iterable[Happened]) -> None:
    """Add what these newly stored events did to their months' sums (in the caller's
    transaction)."""
    sums: dict[tuple[int, str], Counter] = {}
    for event in happened:
        if event.kind == "corrected":
            reversed_event = _reversed(connection, event)
            if reversed_event is None:
                continue
            counted, target = _counts(connection, reversed_event), reversed_event
            counted = Counter({key: -value for key, value in counted.items()})
        else:
            counted, target = _counts(connection, event), event
        if counted:
            sums.setdefault((target.commune_id, target.month), Counter()).update(counted)
    _add(connection, sums)


def _counts(connection: Connection, event: Happened) -> Counter:
    p = event.payload
    counted: Counter = Counter()
    if event.kind == "received":
        counted["received"] = 1
        channel = CHANNELS.get(p.get("channel"))
        if channel:
            counted[channel] = 1
        for document in p.get("documents") or ():
            if not isinstance(document, dict):
                continue
            digitisation = document.get("digitisation")
            # As the counter's own tally (desk_app.core.digitisation.dossier_tally): a line
            # not handed in and not digitised another way had nothing to digitise.
            if document.get("provided") is False and not digitisation:
                continue
            counted["documents"] += 1
            if isinstance(digitisation, str):
                counted["documents_with_data"] += 1
                if digitisation in DIGITISATION:
                    counted[DIGITISATION[digitisation]] += 1
    elif event.kind == "document_digitised" and p.get("version") == 1:
        # A document digitised after reception (a later version of the same one is a
        # re-scan, not another document): a supplement's document, or the result's.
        if p.get("stage") == "supplement":
            counted["documents_with_data"] = counted["documents_scanned"] = 1
        elif p.get("stage") == "result":
            counted["results_digitised"] = 1
    elif event.kind == "refused":
        counted["refused"] = 1
    elif event.kind == "supplement_requested":
        counted["supplements"] = 1
    elif event.kind == "result_ready":
        counted["finished"] = 1
        counted["finished_on_time"] = int(_in_time(connection, event))
    elif event.kind == "returned":
        counted["returned"] = 1
        rating = p.get("satisfaction")
        if rating in (1, 2, 3):
            counted["rated"] = 1
            counted["satisfied"] = int(rating in (1, 2))
    return +counted


def _in_time(connection: Connection, event: Happened) -> bool:
    """Whether a result came on or before its due time. The counter says so itself (the
    verdict on its control slip, against the due time then in force, moved by supplements and
    apologies); a result the province recorded is held against the due time the event carries,
    else the one the hub's dossier view has."""
    verdict = event.payload.get("timeliness")
    if verdict in ("early", "on_time", "late"):
        return verdict != "late"
    due = event.payload.get("due_at")
    if not isinstance(due, str):
        due = connection.execute(select(dossiers.c.due_at)
                                 .where(dossiers.c.uuid == event.dossier_uuid)).scalar()
    try:
        return datetime.fromisoformat(event.when) <= datetime.fromisoformat(due)
    except (TypeError, ValueError):
        return False  # no due time known: not counted as in time


def _reversed(connection: Connection, correction: Happened) -> Happened | None:
    uuid = correction.payload.get("reverses")
    if not isinstance(uuid, str):
        return None
    row = connection.execute(
        select(events.c.commune_id, events.c.dossier_uuid, events.c.kind, events.c.payload,
               events.c.device_time_vn).where(events.c.uuid == uuid)).first()
    return None if row is None else Happened(row.commune_id, row.dossier_uuid, row.kind,
                                             json.loads(row.payload), row.device_time_vn)


def _add(connection: Connection, sums: dict[tuple[int, str], Counter]) -> None:
    if not sums:
        return
    statement = dialect_insert(connection, scorecard_months)
    statement = statement.on_conflict_do_update(
        index_elements=[scorecard_months.c.commune_id, scorecard_months.c.month],
        set_={name: scorecard_months.c[name] + statement.excluded[name] for name in COUNTS},
    )
    # Sorted: two pushes adding to the same rows lock them in the same order.
    connection.execute(statement, [
        {"commune_id": commune_id, "month": month, **{name: counted[name] for name in COUNTS}}
        for (commune_id, month), counted in sorted(sums.items())
    ])


def rebuild(connection: Connection) -> None:
    """The sums again from every stored event, in the order they happened."""
    connection.execute(delete(scorecard_months))
    e = events.c
    # A server-side cursor for this query only: fold() runs its own statements meanwhile.
    rows = connection.execute(
        select(e.commune_id, e.dossier_uuid, e.kind, e.payload, e.device_time_vn)
        .order_by(e.device_time_vn, e.device_seq, e.uuid)
        .execution_options(yield_per=_REBUILD_CHUNK))
    for chunk in rows.partitions():
        fold(connection, [Happened(row.commune_id, row.dossier_uuid, row.kind,
                                   json.loads(row.payload), row.device_time_vn)
                          for row in chunk])


def refresh(engine: Engine) -> bool:
    """Rebuild the sums if they were made by another version of this module (or never);
    whether it did."""
    with engine.begin() as connection:
        stored = connection.execute(select(projections.c.version)
                                    .where(projections.c.name == NAME)
                                    .with_for_update()).scalar()
        if stored == VERSION:
            return False
        rebuild(connection)
        if stored is None:
            connection.execute(projections.insert().values(name=NAME, version=VERSION))
        else:
            connection.execute(projections.update().where(projections.c.name == NAME)
                               .values(version=VERSION))
    return True
