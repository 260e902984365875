"""The tamper-evident journal: the event log hash-chained per device.

Each event stores `prev_hash` (the hash of the same device's previous event, by device_seq;
GENESIS for its first) and `hash` = SHA-256 of prev_hash followed by the event's content digest
(sync.protocol.chain_hash over exactly the fields pushed to the hub, so the hub can check the
same links). Editing, deleting or re-ordering a past event then breaks a link that anyone
holding the log can check.

Every device's events are chained, the province's too: events pulled from the hub are chained
under their recorder's device id, in the order they arrived here. Their chain shows the local
copy was not altered after it was pulled; the hub vouches for the originals.

What a chain cannot show on its own: the newest events of a device deleted together (the tail
just ends earlier), or a whole chain rewritten with new hashes. The hub holds the synced ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils

from sync.protocol import GENESIS_HASH, chain_hash

GENESIS = GENESIS_HASH
ALTERED, MISSING, REORDERED = "altered", "missing", "reordered"
_PROBLEM_TEXT = {
    ALTERED: "nội dung đã bị sửa",
    MISSING: "thiếu sự kiện liền trước (đã bị xóa)",
    REORDERED: "thứ tự sự kiện đã bị đảo",
}


@dataclass(frozen=True)
class BrokenLink:
    device_id: str
    device_seq: int
    event_uuid: str
    problem: str  # ALTERED, MISSING or REORDERED

    @property
    def message(self) -> str:
        return (f"Chuỗi sự kiện bị phá vỡ: thiết bị {self.device_id}, số thứ tự "
                f"{self.device_seq}, sự kiện {self.event_uuid}: {_PROBLEM_TEXT[self.problem]}.")


@dataclass(frozen=True)
class JournalCheck:
    events: int
    devices: int
    broken: BrokenLink | None

    @property
    def ok(self) -> bool:
        return self.broken is None

    @property
    def message(self) -> str:
        if self.broken is None:
            return f"OK: {self.events} sự kiện, chuỗi toàn vẹn"
        return self.broken.message


# The hash of an event (its protocol fields, as pushed) chained after a previous hash.
link = chain_hash


def _fields(row: dict) -> dict:
    return {**row, "payload": json.loads(row["payload"])}


def last_hash(db: sqlite_utils.Database, device_id: str) -> str:
    row = db.execute(
        "SELECT hash FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1",
        [device_id],
    ).fetchone()
    return row[0] if row else GENESIS


_COLUMNS = ("uuid, dossier_uuid, kind, status, payload, clerk, device_id, device_seq, "
            "device_time, prev_hash, hash")
_PAGE = 2000


def _in_chain_order(db: sqlite_utils.Database) -> Iterator[dict]:
    """Every event by device, then device_seq, read a page at a time along the unique index:
    ten years of events never sit in memory at once, and rows updated between pages (the
    migration) cannot disturb the walk."""
    after: tuple[str, int] = ("", -1)
    while True:
        page = list(db.query(
            f"SELECT {_COLUMNS} FROM events WHERE (device_id, device_seq) > (?, ?) "
            "ORDER BY device_id, device_seq LIMIT ?", [*after, _PAGE]))
        yield from page
        if len(page) < _PAGE:
            return
        after = (page[-1]["device_id"], page[-1]["device_seq"])


def chain_existing(db: sqlite_utils.Database) -> None:
    """Fill prev_hash and hash for events recorded before the chain existed (a migration)."""
    prev: dict[str, str] = {}
    updates = []
    for row in _in_chain_order(db):
        before = prev.get(row["device_id"], GENESIS)
        prev[row["device_id"]] = link(before, _fields(row))
        updates.append((before, prev[row["device_id"]], row["uuid"]))
        if len(updates) == _PAGE:
            db.conn.executemany("UPDATE events SET prev_hash = ?, hash = ? WHERE uuid = ?",
                                updates)
            updates.clear()
    db.conn.executemany("UPDATE events SET prev_hash = ?, hash = ? WHERE uuid = ?", updates)


def _follows_another(db: sqlite_utils.Database, row: dict) -> bool:
    """Whether the event's prev_hash is the hash of some event of its device: it was moved."""
    return db.execute(
        "SELECT 1 FROM events WHERE device_id = ? AND hash = ? AND uuid != ? LIMIT 1",
        [row["device_id"], row["prev_hash"], row["uuid"]],
    ).fetchone() is not None


def _problem(db: sqlite_utils.Database, row: dict, previous: dict | None) -> BrokenLink | None:
    """What is wrong with the link from `previous` (the device's event before it in the walk,
    None for its first) to `row`."""
    seq = previous["device_seq"] + 1 if previous else 1
    prev = previous["hash"] if previous else GENESIS
    culprit, problem = row, None
    if row["prev_hash"] != prev:
        if _follows_another(db, row):
            problem = REORDERED  # it follows an event of this chain, just not this one
        elif (previous is not None and row["device_seq"] == seq
              and link(row["prev_hash"], _fields(row)) == row["hash"]):
            # This event is as recorded, so the previous one was edited and its own hash
            # recomputed to match.
            culprit, problem = previous, ALTERED
        else:
            problem = MISSING  # what this event followed is gone (renumbered or not)
    elif row["device_seq"] != seq:
        problem = REORDERED if row["device_seq"] < seq else MISSING
    elif link(prev, _fields(row)) != row["hash"]:
        problem = ALTERED
    if problem is None:
        return None
    return BrokenLink(row["device_id"], culprit["device_seq"], culprit["uuid"], problem)


def verify(db: sqlite_utils.Database) -> JournalCheck:
    """Walk every device's chain in device_seq order; the first broken link, if any."""
    count, devices = db.execute(
        "SELECT COUNT(*), COUNT(DISTINCT device_id) FROM events").fetchone()
    previous: dict | None = None
    for row in _in_chain_order(db):
        if previous is not None and previous["device_id"] != row["device_id"]:
            previous = None  # the next device's chain starts
        broken = _problem(db, row, previous)
        if broken is not None:
            return JournalCheck(count, devices, broken)
        previous = row
    return JournalCheck(count, devices, None)
