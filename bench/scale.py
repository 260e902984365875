"""The counter app at ten years of records: every figure issue 6 asks for, at N dossiers.

    .venv/bin/python bench/scale.py [--dossiers 1000000] [--runs 5] [--cache DIR] [--only typing]

The database is generated once (bench/generate.py, seed 1) into DIR/<N>/desk.db, by default
under the system's temporary folder, and reused by later runs. Each run receives a few dozen
dossiers into it (today's, which no figure depends on). Prints `<name> <value> <unit>` lines,
medians unless the name says otherwise, and each figure's ratio to its floor where it has one:

- cold start to the main window shown (bench/startup.py's approach) against an empty PySide6
  window, and on to its list filled; the resident memory of that process with the list
  filled and after one search;
- search latency p50/p95 over a fixed list of 200 queries built the same way from the same
  database: names with and without marks, word prefixes, whole codes, code tails, ID numbers
  and phones; each as the list asks (one page of results);
- typing (issue 13): 20 names typed letter by letter, every prefix a search as the list makes
  it, then ID-number prefixes, phones and code tails whole: p50/p95/max of all keystrokes, of
  the first one or two letters, and of the whole ones; and today's board;
- the list's first page (newest first), the first page sorted by due time, code and state, and
  a page 50 pages down;
- receiving one dossier (save to committed, each followed by its receipt as at the counter)
  against a bare sqlite3 insert of the same rows in one transaction in a database of the same
  schema, and against the fsync'd floor (issue 13): one one-row commit in a WAL database with
  synchronous=FULL on the same disk (one fsync), times the fsyncs a receipt makes, counted
  with strace in a process that receives a few more (when strace is installed); and the
  receipt PDF;
- the database size per dossier.

`--only startup` for the start-up figures alone, `--only receive` for the receiving ones.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from generate import generate  # bench/ is this script's folder
from startup import EMPTY, add_bytecode_option, child_env, time_to_shown, use_bytecode_option
from timing import timed

from desk_app.core.codes import sort_text
from desk_app.core.listing import ListFilter, Sort, SortKey
from desk_app.core.text import fold
from desk_app.services.app import DB_FILE, Services
from desk_app.services.demo import DEMO_PASSWORD, demo_draft, log_in_to_demo
from desk_app.store.db import connect
from desk_app.ui.lazy_dossier_model import page_size

MS = 1000

# The start-up of bench/startup.py, then what a clerk does first: a search. Memory from the
# kernel's own count (VmRSS), which is what Task Manager shows as the working set. The demo
# admin logs in as a clerk does (one password check), with the password from the command line:
# the app itself never imports the demo's modules.
APP = """
import sys, os
from functools import partial
from desk_app.ui.app import WindowDuringLogin, application
from desk_app.services.app import Services
from desk_app.ui.worker import Worker
from PySide6.QtCore import QTimer

def rss():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024

app = application()
services = Services(sys.argv[1])
worker = Worker()
seen = set()
def reached(what):
    # The list's first page may come before or after the window's first turn of the loop.
    if what in seen:
        return
    seen.add(what)
    print(what, flush=True)
    if seen == {"shown", "listed"}:
        print(f"rss_after_start {rss():.0f}", flush=True)
        services.dossier_rows("nguyen thi", limit=200)
        print(f"rss_after_search {rss():.0f}", flush=True)
        os._exit(0)  # no orderly shutdown to wait for: only the start is measured
# As the login dialog does: the main window built while the worker checks the password.
during = WindowDuringLogin(services, worker)
worker.run(partial(services.login, "quantri", sys.argv[2]))  # the check, on the worker...
during.build()  # ...while the window is built
# Heard from now on: a window built once the login was through reads its list at once.
during.window.dossier_list.loaded.connect(lambda: reached("listed"))
worker.call(lambda: None)  # the worker runs in order: the login is done
window = during.logged_in()
window.show()
QTimer.singleShot(0, lambda: reached("shown"))
app.exec()
"""


def start_once(data: Path) -> tuple[float, float, float, float]:
    """Seconds to the window shown and to the list filled, and MiB resident then and after a
    search."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", APP, str(data), DEMO_PASSWORD],
                               stdout=subprocess.PIPE, text=True, env=child_env())
    # The list can be filled before the zero-time timer that says "shown" fires (its first
    # page is read on the worker while the window is still being laid out): take the two
    # lines in whichever order they come.
    times: dict[str, float] = {}
    while len(times) < 2:
        line = process.stdout.readline().strip()
        if line not in ("shown", "listed") or line in times:
            raise SystemExit(f"{line!r} instead of 'shown' and 'listed' from the app "
                             f"(exit code {process.wait()})")
        times[line] = time.perf_counter() - started
    memory = [float(process.stdout.readline().split()[1]) for _ in range(2)]
    process.wait(timeout=120)
    # The list is filled only once the window has shown it.
    return times["shown"], max(times.values()), *memory


def pick(db_path: Path, dossiers: int, count: int, stride: int, *, coded: bool = False
         ) -> list[tuple[str, str, str, str]]:
    """Name, code, ID number and phone of `count` dossiers at fixed rowids spread by `stride`
    (the same for the same database); with `coded`, only dossiers that have a code."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    picks = []
    for n in range(count):
        rowid = 1 + (n * stride) % dossiers
        picks.append(conn.execute(
            "SELECT applicant_name, code, id_number, phone FROM dossiers WHERE rowid >= ? "
            + ("AND code IS NOT NULL " if coded else "")
            + "ORDER BY rowid LIMIT 1", [rowid]).fetchone())
    conn.close()
    return picks


def queries(db_path: Path, dossiers: int) -> list[str]:
    """200 queries, the same for the same database: dossiers are picked at fixed rowids."""
    picks = pick(db_path, dossiers, 60, 7919 * 104729)
    names = [p[0] for p in picks]
    found = (
        names[:30]                                                   # as typed, with marks
        + [fold(name) for name in names[25:60]]                      # without marks
        + [" ".join(word[:3] for word in fold(name).split()[:2]) for name in names[:20]]
        + [" ".join(name.split()[1:]) for name in names[40:60]]      # middle and given name
        + [p[1] for p in picks[:20]]                                 # whole codes
        + [p[1].rpartition("-")[2] for p in picks[20:35]]            # code tails
        + [p[1].split("-", 1)[1] for p in picks[35:45]]              # date and number
        + [p[2] for p in picks[:25]]                                 # ID numbers
        + [p[3] for p in picks[25:40]]                               # phones
        + [p[3][:6] for p in picks[40:50]]                           # phone prefixes
    )
    assert len(found) == 200, len(found)
    return found


def typing(db_path: Path, dossiers: int) -> list[tuple[str, str]]:
    """What a clerk types, keystroke by keystroke, each with its kind: 20 applicants' names
    (dossiers at fixed rowids; half with their marks, half without, as clerks do), every
    prefix of each from the first letter on ("first" for one or two letters, "more" for the
    rest, "whole" for the whole name); then whole ID-number prefixes, phones and code tails as
    they are pasted or scanned ("whole")."""
    picks = pick(db_path, dossiers, 20, 104729 * 7927, coded=True)
    keys = []
    for n, (name, *_) in enumerate(picks):
        typed = name if n % 2 == 0 else fold(name)
        for end in range(1, len(typed) + 1):
            prefix = typed[:end]
            kind = ("whole" if end == len(typed)
                    else "first" if len(prefix.strip()) <= 2 else "more")
            keys.append((prefix, kind))
    for _, code, id_number, phone in picks:
        keys += [(id_number[:6], "whole"), (phone, "whole"), (code.rpartition("-")[2], "whole")]
    return keys


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bare_insert(floor_db, services: Services, dossier_uuid: str) -> float:
    """The rows one receipt wrote, written again under new keys with plain sqlite3 in one
    committed transaction: the least any receive can cost on this disk."""
    conn = floor_db.conn
    source = services.db.conn
    cursor = source.execute("SELECT * FROM dossiers WHERE uuid = ?", [dossier_uuid])
    dossier = list(cursor.fetchone())
    code_sort = [c[0] for c in cursor.description].index("code_sort")
    # The floor's own columns: the measured database may be of a later schema.
    columns = ", ".join(c[1] for c in conn.execute("PRAGMA table_info(dossier_documents)"))
    documents = source.execute(f"SELECT {columns} FROM dossier_documents WHERE dossier_uuid = ?",
                               [dossier_uuid]).fetchall()
    event = list(source.execute("SELECT * FROM events WHERE dossier_uuid = ?", [dossier_uuid])
                 .fetchone())
    new_uuid, event_uuid = str(uuid.uuid4()), str(uuid.uuid4())
    dossier[0], dossier[1] = new_uuid, new_uuid  # uuid, code
    dossier[code_sort] = sort_text(new_uuid)
    dossier[29] = int(time.perf_counter_ns() % 10**12)  # ledger number
    event[0], event[1], event[7] = event_uuid, new_uuid, time.perf_counter_ns()
    marks = lambda row: ", ".join("?" * len(row))  # noqa: E731
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute(f"INSERT INTO dossiers VALUES ({marks(dossier)})", dossier)
    conn.executemany(f"INSERT INTO dossier_documents VALUES ({marks(documents[0])})",
                     [(new_uuid, *d[1:]) for d in documents])
    conn.execute(f"INSERT INTO events VALUES ({marks(event)})", event)
    conn.execute("INSERT INTO outbox (event_uuid, queued_at) VALUES (?, ?)",
                 [event_uuid, event[8]])
    conn.execute("COMMIT")
    return time.perf_counter() - started


# A process that receives dossiers into the data folder under strace: the fsyncs between the two
# marks (getppid, a call nothing else here makes) are those of RECEIPTS receipts.
RECEIPTS = 10
RECEIVING = f"""
import os, random, sys
from desk_app.services.app import Services
from desk_app.services.demo import demo_draft, log_in_to_demo
services = Services(sys.argv[1])
log_in_to_demo(services)
rng = random.Random(2)
procedure = services.procedure("1.004222")
services.receipt_pdf(services.receive(demo_draft(rng, procedure), accept_warnings=True).uuid)
os.getppid()
for _ in range({RECEIPTS}):
    services.receive(demo_draft(rng, procedure), accept_warnings=True)
os.getppid()
services.close()
"""


def fsyncs_per_receipt(data: Path) -> float | None:
    """The fsync and fdatasync calls of one receipt (the database's and ma-ho-so.json's), by
    strace; None without strace."""
    strace = shutil.which("strace")
    if strace is None:
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as out:
        subprocess.run([strace, "-f", "-qq", "-o", out.name, "-e",
                        "trace=fsync,fdatasync,getppid", sys.executable, "-c", RECEIVING,
                        str(data)], check=True, stdout=subprocess.DEVNULL)
        calls = [line for line in out.read().splitlines() if "(" in line]
    marks = [n for n, line in enumerate(calls) if "getppid(" in line]
    between = calls[marks[0] + 1:marks[1]]
    return sum(1 for line in between if "fsync(" in line or "fdatasync(" in line) / RECEIPTS


def fsync_floor(conn: sqlite3.Connection) -> float:
    """One committed one-row insert in a WAL database with synchronous=FULL (one fsync of the
    log): the least a durable commit costs on this disk."""
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.execute("COMMIT")
    return time.perf_counter() - started


def report_receive(services: Services, data: Path, report) -> None:
    """Receiving 30 dossiers through the call the receive form makes, each followed by its
    receipt as at the counter; the floors interleaved with them, in the same run."""
    rng = random.Random(1)
    procedure = services.procedure("1.004222")
    services.receipt_pdf(services.receive(demo_draft(rng, procedure), accept_warnings=True).uuid)
    # Both floors on the data folder's disk, where the receipts' fsyncs go.
    with tempfile.TemporaryDirectory(dir=data.parent) as scratch:
        floor_db = connect(Path(scratch) / "floor.db")
        floor_db.conn.isolation_level = None  # BEGIN and COMMIT by hand, as written
        one_row = sqlite3.connect(Path(scratch) / "one-row.db", isolation_level=None)
        one_row.execute("PRAGMA journal_mode=WAL")
        one_row.execute("PRAGMA synchronous=FULL")
        one_row.execute("CREATE TABLE t (n INTEGER)")
        receive, receipt, floor, synced = [], [], [], []
        for _ in range(30):
            draft = demo_draft(rng, procedure)
            t0 = time.perf_counter()
            dossier = services.receive(draft, accept_warnings=True)
            t1 = time.perf_counter()
            services.receipt_pdf(dossier.uuid)
            receipt.append(time.perf_counter() - t1)
            receive.append(t1 - t0)
            floor.append(bare_insert(floor_db, services, dossier.uuid))
            synced.append(fsync_floor(one_row))
        floor_db.close()
        one_row.close()
    received = statistics.median(receive)
    report("receive", received * MS, "ms")
    report("receive_floor_bare_sqlite_insert", statistics.median(floor) * MS, "ms")
    report("receive_ratio_to_floor", received / statistics.median(floor), "x")
    one_fsync = statistics.median(synced)
    report("receive_floor_one_fsyncd_commit", one_fsync * MS, "ms")
    report("receive_ratio_to_fsyncd_commit", received / one_fsync, "x")
    fsyncs = fsyncs_per_receipt(data)
    if fsyncs is None:
        print("receive_fsyncs n/a (no strace)")
    else:
        report("receive_fsyncs", fsyncs, "count")
        report("receive_ratio_per_fsync", received / (one_fsync * fsyncs), "x")
    report("receipt_pdf", statistics.median(receipt) * MS, "ms")


def type_names(services: Services, db_path: Path, dossiers: int, report) -> None:
    """Every keystroke of `typing` as the list asks for it (its first page, all dates), once
    over to warm the cache, then measured: p50/p95/max of all, of the first one or two letters,
    and of whole names, ID-number prefixes, phones and code tails."""
    keys = [(ListFilter(text=text.strip()), kind) for text, kind in typing(db_path, dossiers)]
    for flt, _ in keys:
        services.dossier_page(flt, Sort(), None, page_size(flt))
    times: dict[str, list[float]] = {"first": [], "more": [], "whole": []}
    for flt, kind in keys:
        started = time.perf_counter()
        services.dossier_page(flt, Sort(), None, page_size(flt))
        times[kind].append(time.perf_counter() - started)
    every = [t for kind_times in times.values() for t in kind_times]
    report("typing_keystrokes", len(every), "count")
    for name, values in (("typing", every), ("typing_first_letters", times["first"]),
                         ("typing_whole", times["whole"])):
        report(f"{name}_p50", percentile(values, 0.5) * MS, "ms")
        report(f"{name}_p95", percentile(values, 0.95) * MS, "ms")
        report(f"{name}_max", max(values) * MS, "ms")


def report_board(services: Services, runs: int, report) -> None:
    """Today's board as the screen shows it (its numbers), and with its dossiers, which are
    read when a tile is opened."""
    report("todays_board", timed(services.board_summary, runs) * MS, "ms")
    report("todays_board_with_dossiers", timed(services.board, runs) * MS, "ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "desk_app_bench")
    parser.add_argument("--only", choices=["typing", "startup", "receive"],
                        help="just the typing and board figures, the start-up or receiving")
    add_bytecode_option(parser)
    args = parser.parse_args()
    use_bytecode_option(args)
    data = args.cache / str(args.dossiers)
    db_path = data / DB_FILE
    if not db_path.exists():
        started = time.perf_counter()
        generate(db_path, args.dossiers)
        print(f"generate_time {time.perf_counter() - started:.1f} s")

    def report(name: str, value: float, unit: str) -> None:
        digits = {"x": 2, "count": 0}.get(unit, 1)
        line = f"{name} {value:.{digits}f} {unit}"
        print(line, flush=True)

    if args.only == "typing":
        services = Services(data)
        log_in_to_demo(services)
        type_names(services, db_path, args.dossiers, report)
        report_board(services, max(args.runs, 5), report)
        return

    if args.only == "receive":
        services = Services(data)
        log_in_to_demo(services)
        report_receive(services, data, report)
        services.close()
        return

    # Start-up first, with the OS file cache and the bytecode (bench/startup.py) warmed once,
    # as on a PC used every day; the empty window's runs alternate with the app's, so both see
    # the same load.
    services = Services(data)
    log_in_to_demo(services)  # the demo accounts, made if the database has none yet
    services.close()
    start_once(data)
    time_to_shown(EMPTY)
    starts, empties = [], []
    for _ in range(args.runs):
        starts.append(start_once(data))
        empties.append(time_to_shown(EMPTY))
    empty = statistics.median(empties)
    start = statistics.median(s[0] for s in starts)
    listed = statistics.median(s[1] for s in starts)
    report("startup_to_main_window", start * MS, "ms")
    report("startup_to_list_filled", listed * MS, "ms")
    report("empty_qt_window", empty * MS, "ms")
    report("startup_ratio_to_empty_window", start / empty, "x")
    report("startup_list_filled_ratio_to_empty_window", listed / empty, "x")
    report("rss_after_start", statistics.median(s[2] for s in starts), "MiB")
    report("rss_after_search", statistics.median(s[3] for s in starts), "MiB")
    if args.only == "startup":
        return

    services = Services(data)
    log_in_to_demo(services)
    searches = []
    for text in queries(db_path, args.dossiers):
        started = time.perf_counter()
        services.dossier_rows(text, limit=200)
        searches.append(time.perf_counter() - started)
    report("search_p50", percentile(searches, 0.5) * MS, "ms")
    report("search_p95", percentile(searches, 0.95) * MS, "ms")
    report("search_max", max(searches) * MS, "ms")
    type_names(services, db_path, args.dossiers, report)
    report_board(services, max(args.runs, 5), report)

    runs = max(args.runs, 5)
    report("list_first_page", timed(
        lambda: services.dossier_page(ListFilter(), Sort()), runs) * MS, "ms")
    for key in (SortKey.DUE, SortKey.CODE, SortKey.STATE):
        report(f"list_first_page_sorted_by_{key.name.lower()}", timed(
            lambda key=key: services.dossier_page(ListFilter(), Sort(key, False)), runs) * MS,
            "ms")
    after = None
    for _ in range(50):
        after = services.dossier_page(ListFilter(), Sort(), after).next
    report("list_page_50", timed(
        lambda: services.dossier_page(ListFilter(), Sort(), after), runs) * MS, "ms")
    report("list_overdue_first_page", timed(
        lambda: services.dossier_page(ListFilter(overdue_at=services.now()), Sort()), runs)
        * MS, "ms")

    report_receive(services, data, report)

    count = services.db.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]
    services.close()
    report("dossiers", count, "count")
    report("database_size_per_dossier", db_path.stat().st_size / count / 1024, "KiB")


if __name__ == "__main__":
    main()
