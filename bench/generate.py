"""Fill a counter database with N realistic dossiers, fast, for the scale benchmarks.

    .venv/bin/python bench/generate.py --dossiers 1000000 --db /tmp/scale/desk.db [--years 5]
    .venv/bin/python bench/generate.py --dossiers 20000 --data /tmp/scale   (the same, as desk.db)

The database is the app's own (opened through the store, so every migration and trigger runs,
the search index included) for the demo commune, with dossiers spread over the last `--years`
years of working days, oldest first as a counter records them: Vietnamese names with their
marks in the usual surname frequencies, ID numbers consistent with the birth date and sex, the
catalogue's procedures in a commune's usual mix with their mandatory documents, a received
event with the full payload and, for older dossiers, the hand-over, result and return events,
chained in each device's journal and all acknowledged by the hub. Due times are approximate
(calendar days, no holidays): the working calendar is not what is measured here. The same
`--seed` and `--now` give the same database.

Rows are made in worker processes and go in through executemany in large transactions with no
journal, fsync or foreign key checks (a benchmark database is thrown away if the machine dies,
a clerk's never is), with the migrations' secondary indexes and triggers set aside meanwhile
and made again from their own SQL at the end: building an index from sorted rows, and the
search index in one pass, is many times faster than keeping them up to date row by row.
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import random
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from desk_app.core.clock import VN_TZ, now_vn
from desk_app.core.codes import sort_text
from desk_app.services.app import DB_FILE, Services
from desk_app.services.demo import DEMO_SETUP, set_up_demo_counter
from desk_app.store import journal
from desk_app.store.migrations import SEARCH_INDEX_V12
from sync.protocol import canonical_json

BATCH = 20_000

# Surnames by their share of the population (about 38 % Nguyễn).
_FAMILY = {
    "Nguyễn": 38, "Trần": 11, "Lê": 9.5, "Phạm": 7, "Hoàng": 5, "Huỳnh": 4, "Phan": 4.5,
    "Vũ": 3.9, "Võ": 2, "Đặng": 2.1, "Bùi": 2, "Đỗ": 1.4, "Hồ": 1.3, "Ngô": 1.3, "Dương": 1,
    "Lý": 0.5, "Đinh": 0.8, "Trịnh": 0.8, "Đoàn": 0.7, "Lương": 0.6, "Mai": 0.5, "Tạ": 0.3,
}
_MIDDLE = {
    "Nam": ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Xuân", "Thành", "Đình", "Trọng"],
    "Nữ": ["Thị", "Thu", "Ngọc", "Thanh", "Bích", "Mỹ", "Thúy", "Hồng", "Kim", "Phương"],
}
_GIVEN = {
    "Nam": ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Lộc", "Nghĩa", "Phúc",
            "Quang", "Sơn", "Thắng", "Tuấn", "Việt", "Ước", "Đạt", "Hiếu", "Huy", "Kiên",
            "Long", "Mạnh", "Nam", "Quyết", "Thịnh", "Trung", "Tùng", "Vĩnh", "Đông", "Hưng"],
    "Nữ": ["Anh", "Ánh", "Châu", "Diệp", "Hằng", "Hương", "Lan", "Loan", "Mai", "Nga",
           "Nhung", "Oanh", "Phượng", "Thảo", "Trang", "Yến", "Hạnh", "Huyền", "Liên", "Linh",
           "Ngân", "Nguyệt", "Nhàn", "Quỳnh", "Tuyết", "Vân", "Xuân", "Đào", "Hồng", "Thủy"],
}
_HAMLETS = ["thôn Đông", "thôn Đoài", "thôn Thượng", "thôn Hạ", "xóm Mới", "khu Đồng Lạc",
            "thôn Phú Hữu", "xóm Gò Đình", "thôn Yên Khê", "tổ dân phố Nguyễn Huệ",
            "thôn Bến Ngự", "xóm Chùa", "thôn Đồng Quê", "khu phố Hồng Tiến"]
_PHONE_PREFIXES = ["091", "094", "098", "097", "086", "096", "083", "035", "038", "070",
                   "088", "032", "039", "077", "081"]
# A commune counter's usual mix: certified copies and signatures dominate.
_PROCEDURE_MIX = {
    "2.000815": 42, "2.000884": 14, "2.000908": 7, "1.001193": 8, "1.004194": 8,
    "1.004222": 5, "1.000656": 3, "1.000894": 3, "2.001035": 4, "1.004884": 2,
    "1.001022": 2, "1.004837": 2,
}
_CLERKS = ["Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Thu Hằng", "Phạm Minh Đức"]
_UNITS = ["Công chức Tư pháp - Hộ tịch", "Công an xã", "Văn phòng HĐND và UBND xã"]
DAY_OPENS, DAY_CLOSES = 7 * 3600 + 30 * 60, 16 * 3600 + 45 * 60


def _dossier_sql(columns: list[str]) -> str:
    return (f"INSERT INTO dossiers ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})")


_DOSSIER_COLUMNS = [
    "uuid", "code", "procedure_code", "procedure_name", "time_value", "time_unit",
    "applicant_type", "applicant_name", "id_number", "birth_date", "sex", "phone", "email",
    "address", "request", "sets", "channel", "delivery_method", "delivery_recipient",
    "delivery_phone", "delivery_address", "fee", "notes", "received_at", "due_at", "status",
    "clerk", "device_id", "ledger_book", "ledger_number", "search_key", "original_due_at",
    "finished_at", "returned_at", "code_sort",
]
_EVENT_SQL = (
    "INSERT INTO events (uuid, dossier_uuid, kind, status, payload, clerk, device_id, "
    "device_seq, device_time, server_time, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_OUTBOX_SQL = (
    "INSERT INTO outbox (event_uuid, state, attempts, queued_at, acked_at) "
    "VALUES (?, 'sent', 1, ?, ?)"
)
_DOCUMENT_SQL = (
    "INSERT INTO dossier_documents (dossier_uuid, position, name, mandatory, provided, "
    "originals, certified, copies) VALUES (?, ?, ?, 1, 1, ?, ?, ?)"
)


def iso(moment: datetime) -> str:
    """core.clock.iso for times already in +07:00, as every time here is."""
    return moment.isoformat(timespec="seconds")


def working_days(first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


@functools.cache
def _payload(*pairs) -> str:
    """The few small payloads of the later events, each encoded once."""
    return canonical_json(dict(zip(pairs[::2], pairs[1::2], strict=True)))


class Generator:
    """Makes the rows of a run of days; `ledger` holds the last ledger number per year before
    them. Event sequence numbers are left at 0 for the writer to number in order."""

    def __init__(self, procedures: dict, device_ids: list[str], seed: str, now: datetime,
                 ledger: dict[int, int], agency: str = DEMO_SETUP.agency_code):
        self.rng = random.Random(seed)
        self.agency = agency
        self.now = now
        self.procedures = procedures
        self.device_ids = device_ids
        self.ledger = dict(ledger)
        self.batch: dict[str, list] = {
            "dossiers": [], "documents": [], "events": [], "outbox": []}
        self.family = list(_FAMILY)
        self.family_weights = list(accumulate(_FAMILY.values()))
        self.mix = list(_PROCEDURE_MIX)
        self.mix_weights = list(accumulate(_PROCEDURE_MIX.values()))

    def applicant(self) -> tuple:
        rng = self.rng
        sex = "Nam" if rng.random() < 0.48 else "Nữ"
        family = rng.choices(self.family, cum_weights=self.family_weights)[0]
        name = f"{family} {rng.choice(_MIDDLE[sex])} {rng.choice(_GIVEN[sex])}"
        birth = date(rng.randint(1945, 2007), rng.randint(1, 12), rng.randint(1, 28))
        century = {19: 0, 20: 2}[birth.year // 100] + (1 if sex == "Nữ" else 0)
        id_number = f"025{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
        phone = rng.choice(_PHONE_PREFIXES) + f"{rng.randrange(10**7):07d}"
        address = (f"Số {rng.randint(1, 150)}, {rng.choice(_HAMLETS)}, xã Tân Lập, "
                   "tỉnh Phú Thọ")
        return name, id_number, birth.isoformat(), sex, phone, address

    def due(self, received: datetime, procedure: dict) -> datetime:
        value, unit = procedure["time"]["value"], procedure["time"]["unit"]
        if unit == "same_day":
            return received.replace(hour=17, minute=0, second=0)
        days = value * 7 // 5 + (1 if unit == "working_days" else 0)
        return received + timedelta(days=days)

    def event(self, batch: dict, dossier_uuid: str, kind: str, status: int, payload: str,
              clerk: str, device_id: str, at: datetime) -> None:
        event_uuid = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        at_text = iso(at)
        acked = iso(at + timedelta(minutes=self.rng.randint(1, 90)))
        batch["events"].append((event_uuid, dossier_uuid, kind, status, payload, clerk,
                                device_id, 0, at_text, acked))
        batch["outbox"].append((event_uuid, at_text, acked))

    def days(self, days: list[tuple[date, int]]) -> dict[str, list]:
        for day, count in days:
            self.day(self.batch, day, count)
        return self.batch

    def day(self, batch: dict, day: date, count: int, closes: int = DAY_CLOSES) -> None:
        """`count` dossiers received between the counter's opening and `closes` (seconds after
        midnight: a day still under way ends now)."""
        rng = self.rng
        counters = min(9, max(3, -(-count // 999)))  # three counters open, more if busy
        seconds = sorted(rng.randint(DAY_OPENS, closes) for _ in range(count))
        sequence = [0] * counters
        for n, second in enumerate(seconds):
            counter = n % counters
            sequence[counter] += 1
            received = datetime(day.year, day.month, day.day, tzinfo=VN_TZ) + timedelta(
                seconds=second)
            self.dossier(batch, received, counter, sequence[counter])

    def dossier(self, batch: dict, received: datetime, counter: int, sequence: int) -> None:
        rng = self.rng
        procedure = self.procedures[rng.choices(self.mix, cum_weights=self.mix_weights)[0]]
        name, id_number, birth, sex, phone, address = self.applicant()
        code = f"{self.agency}-{received:%y%m%d}-{counter + 1}{sequence:03d}"
        device_id = self.device_ids[counter % len(self.device_ids)]
        clerk = _CLERKS[counter % len(_CLERKS)]
        book = received.year
        self.ledger[book] = self.ledger.get(book, 0) + 1
        due = self.due(received, procedure)
        dossier_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        documents = [d for d in procedure["documents"] if d.get("mandatory")]
        request = procedure["name"]
        payload = canonical_json({
            "code": code,
            "procedure": {"code": procedure["code"], "name": procedure["name"],
                          "time": procedure["time"]},
            "applicant": {"type": 1, "name": name, "id_number": id_number,
                          "birth_date": birth, "sex": sex, "phone": phone, "email": "",
                          "address": address},
            "request": request, "sets": 1,
            "documents": [{"name": d["name"], "mandatory": True, "provided": True,
                           "originals": d.get("originals", 0),
                           "certified": d.get("certified", 0), "copies": d.get("copies", 0)}
                          for d in documents],
            "missing_documents": [], "channel": 1,
            "delivery": {"method": 0, "recipient": "", "phone": "", "address": ""},
            "fee": procedure.get("fee", 0), "notes": "",
            "received_at": iso(received), "due_at": iso(due),
            "ledger": {"book": book, "number": self.ledger[book]},
        })
        self.event(batch, dossier_uuid, "received", 2, payload, clerk, device_id, received)
        status, finished, returned = self.life(batch, dossier_uuid, received, due, clerk,
                                               device_id)
        batch["dossiers"].append((
            dossier_uuid, code, procedure["code"], procedure["name"],
            procedure["time"]["value"], procedure["time"]["unit"], 1, name, id_number, birth,
            sex, phone, "", address, request, 1, 1, 0, "", "", "", procedure.get("fee", 0), "",
            iso(received), iso(due), status, clerk, device_id, book, self.ledger[book], "",
            iso(due), finished and iso(finished), returned and iso(returned), sort_text(code),
        ))
        for position, d in enumerate(documents, start=1):
            batch["documents"].append((dossier_uuid, position, d["name"], d.get("originals", 0),
                                       d.get("certified", 0), d.get("copies", 0)))

    def life(self, batch: dict, dossier_uuid: str, received: datetime, due: datetime,
             clerk: str, device_id: str) -> tuple[int, datetime | None, datetime | None]:
        """What happened after the receipt, as far as `now` allows: most dossiers were handed
        over, came back (a few late) and were collected; a few were refused or withdrawn."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.01:
            self.event(batch, dossier_uuid, "refused", 3, '{"reason":"Hồ sơ không hợp lệ"}',
                       clerk, device_id, received + timedelta(minutes=5))
            return 3, None, None
        handed = received + timedelta(hours=rng.uniform(0.5, 3))
        if handed > self.now:
            return 2, None, None
        unit = rng.choice(_UNITS)
        self.event(batch, dossier_uuid, "handed_over", 4,
                   _payload("unit", unit, "receiver_name", rng.choice(_CLERKS)),
                   clerk, device_id, handed)
        if roll < 0.015:
            self.event(batch, dossier_uuid, "withdrawn", 7, '{"reason":"Công dân rút hồ sơ"}',
                       clerk, device_id, handed + timedelta(days=1))
            return 7, None, None
        finished = due - timedelta(hours=rng.uniform(-30, 20) if roll > 0.9 else
                                   rng.uniform(0.2, 20))
        finished = max(finished, handed + timedelta(minutes=20))
        if finished > self.now:
            return 4, None, None
        self.event(batch, dossier_uuid, "result_ready", 9,
                   _payload("unit", unit, "giver_name", rng.choice(_CLERKS)),
                   clerk, device_id, finished)
        returned = finished + timedelta(hours=rng.uniform(0.1, 72))
        if returned > self.now or roll > 0.995:
            return 9, finished, None
        self.event(batch, dossier_uuid, "returned", 10,
                   _payload("receiver_name", "", "satisfaction", 1), clerk, device_id, returned)
        return 10, finished, returned



def _chunk(job: tuple) -> dict[str, list]:
    procedures, device_ids, seed, now, ledger, days = job
    return Generator(procedures, device_ids, seed, now, ledger).days(days)


def _write(db, batch: dict[str, list], last: dict[str, tuple[int, str]]) -> None:
    """Write a batch, numbering each device's events on from `last` (its sequence number and
    hash) and chaining them into its journal (store.journal) as events.append does."""
    events = []
    for row in batch["events"]:
        device_id = row[6]
        seq, prev_hash = last[device_id]
        seq += 1
        chained = journal.link(prev_hash, {
            "uuid": row[0], "dossier_uuid": row[1], "kind": row[2], "status": row[3],
            "payload": json.loads(row[4]), "clerk": row[5], "device_seq": seq,
            "device_time": row[8],
        })
        last[device_id] = seq, chained
        events.append((*row[:7], seq, *row[8:], prev_hash, chained))
    with db.atomic():
        db.conn.executemany(_dossier_sql(_DOSSIER_COLUMNS), batch["dossiers"])
        db.conn.executemany(_DOCUMENT_SQL, batch["documents"])
        db.conn.executemany(_EVENT_SQL, events)
        db.conn.executemany(_OUTBOX_SQL, batch["outbox"])


def _jobs(procedures, device_ids, seed, now, days: list[date], dossiers: int):
    """Runs of days of about BATCH dossiers each, with the ledger numbers they start from."""
    per_day, extra = divmod(dossiers, len(days))
    ledger: dict[int, int] = {}
    run: list[tuple[date, int]] = []
    for n, day in enumerate(days):
        run.append((day, per_day + (1 if n < extra else 0)))
        if sum(count for _, count in run) >= BATCH or n == len(days) - 1:
            yield procedures, device_ids, f"{seed}:{run[0][0]}", now, dict(ledger), run
            for first, count in run:
                ledger[first.year] = ledger.get(first.year, 0) + count
            run = []


def generate(path: Path, dossiers: int, years: int = 5, seed: int = 1,
             now: datetime | None = None) -> None:
    """Create the database at `path` (which must not exist) with `dossiers` dossiers."""
    if path.exists():
        raise SystemExit(f"{path} already exists")
    if path.name != DB_FILE:
        raise SystemExit(f"the database file must be called {DB_FILE}")
    now = now or now_vn()
    services = Services(path.parent)
    set_up_demo_counter(services)
    procedures = {p["code"]: p for p in json.loads(
        (Path(__file__).resolve().parent.parent / "resources" / "catalogue" / "procedures.json")
        .read_text("utf-8"))["procedures"]}
    db = services.db
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA foreign_keys=OFF")  # every parent row is written first, by construction
    db.execute("PRAGMA cache_size=-1000000")
    device_ids = [services.device_id()] + [f"counter-{n}" for n in range(2, 10)]
    set_aside = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        "AND tbl_name IN ('dossiers', 'dossier_documents', 'events', 'outbox') "
        "AND sql IS NOT NULL").fetchall()
    for kind, name, _sql in set_aside:
        db.execute(f"DROP {kind} {name}")
    days = working_days(now.date() - timedelta(days=365 * years), now.date() - timedelta(days=1))
    last = dict.fromkeys(device_ids, (0, journal.GENESIS))
    ledger: dict[int, int] = {}
    # Rows are made in other processes while this one writes.
    with multiprocessing.get_context("spawn").Pool(os.cpu_count()) as pool:
        for batch in pool.imap(_chunk, _jobs(procedures, device_ids, seed, now, days, dossiers)):
            _write(db, batch, last)
            for row in batch["dossiers"]:
                ledger[row[28]] = max(ledger.get(row[28], 0), row[29])
    with db.atomic():
        for _kind, _name, sql in set_aside:
            db.execute(sql)
        for statement in SEARCH_INDEX_V12[1:]:  # the index filled from every dossier at once
            db.execute(statement)
    for book, last in ledger.items():
        db.execute("INSERT OR REPLACE INTO ledger_sequences (book, last) VALUES (?, ?)",
                   [book, last])
    db.conn.commit()
    db.execute("PRAGMA journal_mode=WAL")
    services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path, help=f"the database file (named {DB_FILE})")
    where.add_argument("--data", type=Path, help="the data folder to create it in")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--now", type=datetime.fromisoformat, default=None,
                        help="the moment the history ends (ISO, with +07:00); default now")
    args = parser.parse_args()
    path = args.db or args.data / DB_FILE
    started = time.perf_counter()
    generate(path, args.dossiers, args.years, args.seed, args.now)
    elapsed = time.perf_counter() - started
    print(f"generate_dossiers {args.dossiers} count")
    print(f"generate_time {elapsed:.1f} s")
    print(f"generate_rate {args.dossiers / elapsed:.0f} dossiers/s")
    print(f"database_size {path.stat().st_size / 2**20:.1f} MiB", file=sys.stdout)


if __name__ == "__main__":
    main()
