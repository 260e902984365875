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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, Select, delete, select

from sync.server.database import dialect_insert
from sync.server.tables import dossiers, events, projections, scorecard_months

VERSION = 1
NAME = "scorecard"
COUNTS = tuple(c.name for c in scorecard_months.columns if c.name not in ("commune_id", "month"))
# The received payload's "channel" (desk_app.core.model.Channel).
CHANNELS = {1: "channel_counter", 2: "channel_online", 3: "channel_post"}
# A document's "digitisation" in the received payload (desk_app.core.model.Digitisation; docs/domain.md, "Digitisation"): "" is a document
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
            _take_back(sums, reversed_event, _counts(connection, reversed_event))
        else:
            _put(sums, event, _counts(connection, event))
    _add(connection, sums)


def _put(sums: dict[tuple[int, str], Counter], event: Happened, counted: Counter) -> None:
    if counted:
        sums.setdefault((event.commune_id, event.month), Counter()).update(counted)


def _take_back(sums: dict[tuple[int, str], Counter], event: Happened, counted: Counter) -> None:
    _put(sums, event, Counter({key: -value for key, value in counted.items()}))


# The kinds _counts counts, and corrections: a rebuild reads no other events.
_COUNTED_KINDS = ("received", "document_digitised", "refused", "supplement_requested",
                  "result_ready", "returned", "corrected")


def _counts(connection: Connection | None, event: Happened, due_at: str | None = None) -> Counter:
    """What one event counts. A result's due time comes from `due_at` (the hub's dossier
    view's, when the caller has it already) or else is read from `connection`."""
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
        counted["finished_on_time"] = int(_in_time(connection, event, due_at))
    elif event.kind == "returned":
        counted["returned"] = 1
        rating = p.get("satisfaction")
        if rating in (1, 2, 3):
            counted["rated"] = 1
            counted["satisfied"] = int(rating in (1, 2))
    return +counted


def _in_time(connection: Connection | None, event: Happened, known_due: str | None) -> bool:
    """Whether a result came on or before its due time. The counter says so itself (the
    verdict on its control slip, against the due time then in force, moved by supplements and
    apologies); a result the province recorded is held against the due time the event carries,
    else the one the hub's dossier view has."""
    verdict = event.payload.get("timeliness")
    if verdict in ("early", "on_time", "late"):
        return verdict != "late"
    due = event.payload.get("due_at")
    if not isinstance(due, str):
        due = known_due
    if not isinstance(due, str) and connection is not None:
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
    """The sums again from every stored event. Set-based, for a hub of millions of events:
    the events are read once, in large batches, with their dossier's due time joined, and
    summed in memory (a sum does not depend on the order events are added in); then the events
    that corrections reverse are read the same way, in batches of uuids; the table is written
    once. The counts per event are fold's own (_counts), so a rebuild and folding agree."""
    connection.execute(delete(scorecard_months))
    sums: dict[tuple[int, str], Counter] = {}
    reversed_uuids: list[str] = []
    # A server-side cursor for this query only: nothing else runs on the connection meanwhile.
    every = (_with_due(None).where(events.c.kind.in_(_COUNTED_KINDS))
             .execution_options(yield_per=_REBUILD_CHUNK))
    for chunk in connection.execute(every).partitions():
        for _uuid, event, due_at in _happened(chunk):
            if event.kind == "corrected":
                uuid = event.payload.get("reverses")
                if isinstance(uuid, str):
                    reversed_uuids.append(uuid)
            else:
                _put(sums, event, _counts(None, event, due_at))
    # A correction is stored once (ingest's ON CONFLICT), so each uuid here is taken back as
    # many times as corrections name it, as folding each correction does.
    for start in range(0, len(reversed_uuids), _REBUILD_CHUNK):
        batch = reversed_uuids[start:start + _REBUILD_CHUNK]
        found = {event_uuid: (event, due_at) for event_uuid, event, due_at in _happened(
            connection.execute(_with_due(set(batch))))}
        for uuid in batch:
            if uuid in found:
                event, due_at = found[uuid]
                _take_back(sums, event, _counts(None, event, due_at))
    _add(connection, sums)


def _with_due(uuids: set[str] | None) -> Select:
    """Events with their dossier's due time (all of them, or those of these uuids)."""
    e = events.c
    query = (select(e.uuid, e.commune_id, e.dossier_uuid, e.kind, e.payload, e.device_time_vn,
                    dossiers.c.due_at)
             .select_from(events.outerjoin(dossiers, dossiers.c.uuid == e.dossier_uuid)))
    return query if uuids is None else query.where(e.uuid.in_(uuids))


def _happened(rows: Iterable[Row]) -> Iterator[tuple[str, Happened, str | None]]:
    for row in rows:
        yield row.uuid, Happened(row.commune_id, row.dossier_uuid, row.kind,
                                 json.loads(row.payload), row.device_time_vn), row.due_at


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
