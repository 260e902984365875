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

A restore of an older backup loses this device's newest events here, though the hub may hold
them. The restore records a seam: the next event takes the number after the last one the
device ever recorded and chains to its hash, so the hub's copy of the chain runs on unbroken
and no number is used twice. The check accepts a link only at a recorded seam and reports
which numbers the restore lost.

A seam is evidence, not a permission: the first event after it carries the seam in its payload
(SEAM_KEY: the first number lost, the backup, when), so it is hashed into the chain and reaches
the hub with the event. A seam row alone, without that event (deleted events and a forged row
in `journal_seams`), is reported as the deletion it hides; the hub, which holds the events the
counter lost, says which they are (sync.server.registry).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils

from sync.protocol import GENESIS_HASH, SEAM_KEY, chain_hash

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
class Seam:
    """Where a restore made a device's chain resume: the events numbered `first_lost` to
    `resumes_at - 1` are not on this machine any more (the hub has those it was sent). No
    `backup`: the database opened behind the tip reserved in ma-ho-so.json."""

    device_id: str
    first_lost: int
    resumes_at: int
    restored_at: str
    backup: str

    @property
    def message(self) -> str:
        lost = (f"sự kiện số {self.first_lost}" if self.first_lost == self.resumes_at - 1
                else f"các sự kiện số {self.first_lost}–{self.resumes_at - 1}")
        cause = (f"Khôi phục từ bản sao lưu {self.backup}" if self.backup
                 else "Dữ liệu mở ra thiếu sự kiện đã ghi (đĩa hỏng hoặc mất tệp)")
        return (f"{cause} lúc {self.restored_at}: {lost} của thiết bị {self.device_id} không "
                "còn trên máy này.")


@dataclass(frozen=True)
class JournalCheck:
    events: int
    devices: int
    broken: BrokenLink | None
    seams: tuple[Seam, ...] = ()

    @property
    def ok(self) -> bool:
        return self.broken is None

    @property
    def message(self) -> str:
        if self.broken is not None:
            return self.broken.message
        return "\n".join([f"OK: {self.events} sự kiện, chuỗi toàn vẹn",
                          *(seam.message for seam in self.seams)])


# The hash of an event (its protocol fields, as pushed) chained after a previous hash.
link = chain_hash


def _fields(row: dict) -> dict:
    return {**row, "payload": json.loads(row["payload"])}


def tip(db: sqlite_utils.Database, device_id: str) -> tuple[int, str]:
    """The device's last event here: (device_seq, hash), or (0, GENESIS) before its first."""
    row = db.execute(
        "SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC "
        "LIMIT 1", [device_id],
    ).fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def next_link(db: sqlite_utils.Database, device_id: str) -> tuple[int, str]:
    """(device_seq, prev_hash) for the device's next event: after its tip, or after a seam
    recorded beyond the tip by a restore."""
    seq, prev = tip(db, device_id)
    seam = db.execute(
        "SELECT resumes_at, prev_hash FROM journal_seams WHERE device_id = ? AND resumes_at > ?"
        " ORDER BY resumes_at DESC LIMIT 1", [device_id, seq + 1],
    ).fetchone()
    return (seam[0], seam[1]) if seam else (seq + 1, prev)


def with_seam(db: sqlite_utils.Database, device_id: str, seq: int, payload: dict) -> dict:
    """`payload` for the device's event numbered `seq`: with the seam it resumes after, if a
    restore recorded one there."""
    seam = db.execute(
        "SELECT restored_at, backup FROM journal_seams WHERE device_id = ? AND resumes_at = ?",
        [device_id, seq]).fetchone()
    last = tip(db, device_id)[0]
    if seam is None or last >= seq - 1:
        return payload
    return {**payload, SEAM_KEY: seam_record(last + 1, seam[0], seam[1])}


def seam_record(first_lost: int, restored_at: str, backup: str) -> dict:
    return {"first_lost": first_lost, "restored_at": restored_at, "backup": backup}


def mark_seam(db: sqlite_utils.Database, device_id: str, lost_tip: tuple[int, str], *,
              at: str, backup: str) -> bool:
    """After a restore: `lost_tip` is the device's tip before it. When the restored log ends
    earlier, the next event must resume after the lost tip. Returns whether a seam was needed."""
    seq, prev = lost_tip
    if seq <= tip(db, device_id)[0]:
        return False
    db.execute(
        "INSERT OR REPLACE INTO journal_seams (device_id, resumes_at, prev_hash, restored_at, "
        "backup) VALUES (?, ?, ?, ?, ?)", [device_id, seq + 1, prev, at, backup])
    return True


def _seams(db: sqlite_utils.Database) -> dict[tuple[str, int], dict]:
    return {(r["device_id"], r["resumes_at"]): r for r in db.query(
        "SELECT device_id, resumes_at, prev_hash, restored_at, backup FROM journal_seams")}


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
        elif row["device_seq"] == seq and link(prev, _fields(row)) == row["hash"]:
            # Its hash was made after the right previous event: only the stored prev_hash
            # was changed, nothing is missing.
            problem = ALTERED
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


def _at_seam(row: dict, previous: dict | None, seam: dict | None) -> bool:
    """Whether `row` is the first event after a restore's seam, following `previous`, and
    carries that seam in its payload (a seam row without it is no evidence of a restore)."""
    if seam is None or row["prev_hash"] != seam["prev_hash"]:
        return False
    first_lost = (previous["device_seq"] if previous else 0) + 1
    carried = json.loads(row["payload"]).get(SEAM_KEY)
    return (first_lost < row["device_seq"]
            and carried == seam_record(first_lost, seam["restored_at"], seam["backup"]))


def verify(db: sqlite_utils.Database) -> JournalCheck:
    """Walk every device's chain in device_seq order; the first broken link, if any."""
    count, devices = db.execute(
        "SELECT COUNT(*), COUNT(DISTINCT device_id) FROM events").fetchone()
    seams = _seams(db)
    crossed: list[Seam] = []
    previous: dict | None = None
    for row in _in_chain_order(db):
        if previous is not None and previous["device_id"] != row["device_id"]:
            previous = None  # the next device's chain starts
        seam = seams.get((row["device_id"], row["device_seq"]))
        if _at_seam(row, previous, seam):
            broken = None if link(row["prev_hash"], _fields(row)) == row["hash"] else BrokenLink(
                row["device_id"], row["device_seq"], row["uuid"], ALTERED)
            crossed.append(Seam(row["device_id"], previous["device_seq"] + 1 if previous else 1,
                                row["device_seq"], seam["restored_at"], seam["backup"]))
        else:
            broken = _problem(db, row, previous)
        if broken is not None:
            return JournalCheck(count, devices, broken, tuple(crossed))
        previous = row
    return JournalCheck(count, devices, None, tuple(crossed))
