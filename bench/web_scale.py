"""The province's web at province scale (issue 12): a hub's PostgreSQL database filled with
100 communes and a year of dossiers, then its pages timed over real HTTP.

    .venv/bin/python bench/web_scale.py --db postgresql+psycopg://hub:hub@127.0.0.1/hub_bench
    .venv/bin/python bench/web_scale.py --dossiers 200000 --db ...      a quick run
    .venv/bin/python bench/web_scale.py --reuse --db ...                time what a run filled
    .venv/bin/python bench/web_scale.py --reuse --schema 0004 --db ...  with the schema of 0004
    .venv/bin/python bench/web_scale.py --reuse --page lookup=/tra-cuu --db ...   one page more

The URL may also come in WEB_BENCH_DB. The script fills only an empty database (make one with
`runuser -u postgres -- createdb -O hub hub_bench`); `--reset` empties a used one first (its
whole public schema: throw-away databases only) and `--reuse` times what it already holds.

The fill is what the hub would hold had the communes' counters pushed a year of work: the
communes made and three counters each enrolled through the registry, then each commune's year
(bench/generate.py's realistic dossiers and their events, received up to this moment, busier
and quieter communes) written with COPY: every event row as ingest stores it (content digest,
hash chain per device, device time in the hub's form, push time a few minutes later), each
dossier's view row folded from its events as ingest folds them (the newest event sets the
state; the received event says what the dossier is), each device's daily volume and last push.
The migrations' secondary indexes are set aside during the COPY and made again from their own
definitions, then VACUUM ANALYZE (what autovacuum would have done over the year).

The timing: `province-hub serve` on loopback (one worker, as the CLI's default), a province
viewer logged in through the real form, then each page `--requests` times after 3 untimed
requests, each a different commune or dossier in turn: p50 and p95 of the wall time of the whole
request. The target is p95 under 300 ms. The scorecard of the year (province, one commune in
turn, its per-commune chart and its Excel file) is timed after its sums are brought up to date
as `serve` does at start (scorecard.refresh, from the event log once); any other page with
`--page NAME=PATH` (repeatable; PATH may hold {commune}, filled in turn like the commune pages).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
import requests
from alembic import command
from alembic.runtime.migration import MigrationContext
from generate import DAY_CLOSES, DAY_OPENS, Generator, working_days  # noqa: E402 - bench/
from hub_server import running_hub  # noqa: E402 - bench/ is the script's own folder
from sqlalchemy import Engine, text

from sync.protocol import API_PREFIX, GENESIS_HASH, chain_link, content_digest
from sync.server import clock, enrollment, registry, scorecard
from sync.server.database import alembic_config, normalise_url, open_engine, upgrade
from sync.server.ingest import describe_dossier
from sync.server.web import accounts, lookup
from sync.server.wire import EventIn

ROOT = Path(__file__).resolve().parents[1]
URL_ENV = "WEB_BENCH_DB"
COUNTERS = 3  # enrolled devices per commune
VIEWER, PASSWORD = "bench-tinh", "mật-khẩu-đo-tải-web"
TARGET_MS = 300

_NAMES = ["Tân Lập", "Hoà Bình", "Đông Ba", "Phú Hữu", "Yên Khê", "Đồng Lạc", "Hồng Tiến",
          "Thượng Lâm", "Vĩnh Phúc", "Kim Đức", "Sơn Vi", "Cao Xá", "Hiền Quan", "Tứ Xã",
          "Bản Nguyên", "Xuân Lũng", "Chu Hoá", "Hy Cương", "Thanh Đình", "Trưng Vương",
          "Nông Trang", "Gia Cẩm", "Minh Phương", "Vân Phú", "Dữu Lâu"]


def _commune_name(n: int) -> str:
    kind = "Phường" if n % 4 == 0 else "Xã"
    return f"{kind} {_NAMES[n % len(_NAMES)]}" + (f" {n // len(_NAMES) + 1}" if n >= len(_NAMES)
                                                  else "")


def _sizes(total: int, communes: int) -> list[int]:
    """Each commune's share of `total`: a ward takes five times a quiet commune's dossiers."""
    weights = [0.4 + 1.6 * (n % 10) / 9 for n in range(communes)]
    sizes = [int(total * w / sum(weights)) for w in weights]
    sizes[-1] += total - sum(sizes)
    return sizes


# --- filling -------------------------------------------------------------------------------------


def _libpq(url: str) -> str:
    return normalise_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _is_empty(engine: Engine) -> bool:
    with engine.connect() as connection:
        return not connection.execute(text(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        ).scalar_one()


def _set_schema(engine: Engine, revision: str) -> None:
    """Upgrade, or downgrade, the hub's schema to `revision`."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        current = MigrationContext.configure(connection).get_current_revision()
        if revision == "head" or current is None or revision >= current:
            command.upgrade(config, revision)
        else:
            command.downgrade(config, revision)


def _set_aside_indexes(engine: Engine) -> list[str]:
    """Drop the secondary indexes of the two big tables; returns their definitions."""
    with engine.begin() as connection:
        found = connection.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "AND tablename IN ('events', 'dossiers') "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)")).all()
        for name, _definition in found:
            connection.execute(text(f'DROP INDEX "{name}"'))
    return [definition for _name, definition in found]


def _communes(engine: Engine, count: int) -> list[tuple[int, str, list[int]]]:
    """(commune id, agency code, its counters' device ids), made as an administrator would."""
    made = []
    for n in range(count):
        agency = f"000.{n + 1:03d}.22.H56"
        commune_id = registry.create_commune(engine, _commune_name(n), agency)
        device_ids = [enrollment.redeem(engine, enrollment.issue_code(engine, commune_id),
                                        f"Quầy {k + 1}").device_id for k in range(COUNTERS)]
        with engine.begin() as connection:
            lookup.commune_key(connection, commune_id)  # as the first enrolment over HTTP
        lookup.set_contact(engine, commune_id, f"0210 38{n:02d} 123", f"{n + 1} đường Hùng Vương")
        made.append((commune_id, agency, device_ids))
    return made


_EVENT_COLUMNS = ("uuid", "commune_id", "device_id", "dossier_uuid", "kind", "status", "payload",
                  "clerk", "device_seq", "device_time", "device_time_vn", "content_digest",
                  "server_time", "clock_skew_seconds", "prev_hash", "hash")
_DOSSIER_COLUMNS = ("uuid", "commune_id", "code", "procedure_code", "procedure_name",
                    "applicant_name", "received_at", "due_at", "status", "status_time",
                    "last_event_uuid", "updated_at")
_VOLUME_COLUMNS = ("device_id", "day", "events", "bytes")


def _vn(text_time: str) -> str:
    return clock.stamp(datetime.fromisoformat(text_time))


def _fill_commune(job: tuple) -> dict:
    """One commune's year, generated and written with COPY in one transaction (a worker
    process); returns each device's last push and skew, and the counts."""
    url, *commune = job
    rows = _commune_rows(*commune)
    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        for table, columns in (("events", _EVENT_COLUMNS), ("dossiers", _DOSSIER_COLUMNS),
                               ("device_volume", _VOLUME_COLUMNS)):
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows[table]:
                    copy.write_row(row)
    return {"dossiers": len(rows["dossiers"]), "events": len(rows["events"]),
            "pushes": rows["pushes"]}


def _commune_rows(commune_id: int, agency: str, device_ids: list[int], count: int,
                  now: datetime, procedures: dict) -> dict:
    """The rows of one commune's year, as ingest would have stored them."""
    generator = Generator(procedures, [str(d) for d in device_ids], f"web:{commune_id}", now, {},
                          agency=agency)
    batch = {"dossiers": [], "documents": [], "events": [], "outbox": []}
    days = working_days(now.date() - timedelta(days=364), now.date())
    today_closes = min(DAY_CLOSES, now.hour * 3600 + now.minute * 60 + now.second)
    if today_closes <= DAY_OPENS:
        days.pop()  # the counters have not opened yet today
    per_day, extra = divmod(count, len(days))
    for n, day in enumerate(days):
        generator.day(batch, day, per_day + (1 if n < extra else 0),
                      today_closes if day == now.date() else DAY_CLOSES)
    rng = random.Random(commune_id)

    # Each device's events in the order it recorded them, numbered and chained as it did.
    by_device: dict[str, list[tuple]] = defaultdict(list)
    for row in batch["events"]:
        by_device[row[6]].append(row)
    events, latest, described = [], {}, {}
    pushes: dict[int, tuple[str, float]] = {}
    volume: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for device, rows in by_device.items():
        device_id, prev_hash = int(device), GENESIS_HASH
        rows.sort(key=lambda row: row[8])
        for seq, (uuid, dossier, kind, status, payload, clerk, _d, _s, at, acked) in enumerate(
                rows, start=1):
            data = json.loads(payload)
            sent = {"uuid": uuid, "dossier_uuid": dossier, "kind": kind, "status": status,
                    "payload": data, "clerk": clerk, "device_seq": seq, "device_time": at}
            digest = content_digest(sent)
            link = chain_link(prev_hash, digest)
            when, pushed, skew = _vn(at), _vn(acked), round(rng.uniform(-3, 3), 3)
            events.append((uuid, commune_id, device_id, dossier, kind, status, payload, clerk,
                           seq, at, when, digest, pushed, skew, prev_hash, link))
            prev_hash = link
            if (when, seq) >= latest.get(dossier, ("", 0, None, ""))[:2]:
                latest[dossier] = (when, seq, (status, uuid), pushed)
            if kind == "received":
                described[dossier] = describe_dossier(EventIn.model_construct(payload=data))
            pushes[device_id] = max(pushes.get(device_id, ("", 0.0)), (pushed, skew))
            day_volume = volume[device_id, pushed[:10]]
            day_volume[0] += 1
            day_volume[1] += len(payload.encode("utf-8"))
    dossiers = []
    for dossier, (when, _seq, (status, last_event), pushed) in latest.items():
        view = described[dossier]
        dossiers.append((dossier, commune_id, view["b_code"], view["b_procedure_code"],
                         view["b_procedure_name"], view["b_applicant_name"],
                         view["b_received_at"], view["b_due_at"], status, when, last_event,
                         pushed))
    return {"events": events, "dossiers": dossiers, "pushes": pushes,
            "device_volume": [(d, day, *counts) for (d, day), counts in volume.items()]}


def fill(url: str, engine: Engine, dossiers: int, communes: int) -> None:
    started = time.perf_counter()
    now = clock.now()
    made = _communes(engine, communes)
    procedures = {p["code"]: p for p in json.loads(
        (ROOT / "resources" / "catalogue" / "procedures.json").read_text("utf-8"))["procedures"]}
    set_aside = _set_aside_indexes(engine)
    jobs = [(_libpq(url), commune_id, agency, device_ids, size, now, procedures)
            for (commune_id, agency, device_ids), size in zip(made, _sizes(dossiers, communes),
                                                              strict=True)]
    totals = {"dossiers": 0, "events": 0}
    pushes: dict[int, tuple[str, float]] = {}
    # The rows are made in as many processes as there are cores, each writing its own.
    with multiprocessing.get_context("spawn").Pool(os.cpu_count()) as pool:
        for done in pool.imap_unordered(_fill_commune, jobs):
            totals["dossiers"] += done["dossiers"]
            totals["events"] += done["events"]
            pushes.update(done["pushes"])
    written = time.perf_counter()
    with engine.begin() as connection:
        for definition in set_aside:
            connection.execute(text(definition))
        connection.execute(
            text("UPDATE devices SET last_push_at = :pushed, last_pull_at = :pushed, "
                 "backlog = 0, clock_skew_seconds = :skew WHERE id = :id"),
            [{"id": d, "pushed": pushed, "skew": skew} for d, (pushed, skew) in pushes.items()])
        # As ingest would have counted them (the rows went in by COPY).
        connection.execute(text("UPDATE devices SET events_stored = "
                                "(SELECT count(*) FROM events WHERE events.device_id = devices.id)"))
    indexed = time.perf_counter()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
        size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
    print(f"web_fill_dossiers {totals['dossiers']} count")
    print(f"web_fill_events {totals['events']} count")
    print(f"web_fill_rows_time {written - started:.1f} s")
    print(f"web_fill_index_time {indexed - written:.1f} s")
    print(f"web_fill_time {time.perf_counter() - started:.1f} s")
    print(f"web_database_size {size / 2**20:.0f} MiB")


# --- timing --------------------------------------------------------------------------------------


def _log_in(base: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/dang-nhap", timeout=30)
    token = re.search(r'name="csrf" value="([^"]*)"', page.text).group(1)
    answer = session.post(f"{base}/dang-nhap", allow_redirects=False, timeout=30,
                          data={"csrf": token, "username": VIEWER, "password": PASSWORD,
                                "next": "/tong-quan"})
    if answer.status_code != 303:
        raise SystemExit(f"the viewer could not log in: {answer.status_code}")
    return session


def _viewer(engine: Engine) -> None:
    if any(row.user.username == VIEWER for row in accounts.list_users(engine)):
        accounts.set_password(engine, VIEWER, PASSWORD)
    else:
        accounts.add_user(engine, VIEWER, "Cán bộ tỉnh đo tải", accounts.VIEWER, PASSWORD)


def _pages(engine: Engine, requests_per_page: int, extra: list[tuple[str, str]],
           with_scorecard: bool) -> dict[str, list[str]]:
    """Each page's paths, one per request (3 untimed first), each a commune or dossier in
    turn."""
    runs = requests_per_page + 3
    with engine.connect() as connection:
        communes = [row[0] for row in connection.execute(text(
            "SELECT id FROM communes ORDER BY id"))]
        # The commonest procedure and one of the rarest (in the first commune).
        by_use = connection.execute(text(
            "SELECT procedure_code FROM dossiers WHERE commune_id = :c GROUP BY 1 "
            "ORDER BY count(*) DESC, 1"), {"c": communes[0]}).scalars().all()
        dossiers = connection.execute(text(
            "SELECT commune_id, uuid FROM dossiers TABLESAMPLE SYSTEM (1) REPEATABLE (7) "
            "LIMIT :n"), {"n": runs}).all()
    commune = [communes[n * 37 % len(communes)] for n in range(runs)]
    lists = {
        "commune": "",
        "commune_open": "?state=open",
        "commune_returned": "?state=10",
        "commune_period_7": "?period=7",
        "commune_refused": "?state=3",
        "commune_supplement": "?state=5",  # a state none of the generated dossiers is in
        "commune_period_90_procedure": f"?period=90&procedure={by_use[0]}",
        "commune_rare_procedure": f"?procedure={by_use[-1]}",
        "commune_overdue": "?overdue=1",
        "commune_open_overdue_30": "?state=open&overdue=1&period=30",
        "commune_page_20": "?page=20",
    }
    pages = {
        # The floor: the API's health check (one SELECT 1), through the same server and client.
        "floor_health": [f"{API_PREFIX}/health"] * runs,
        "overview": ["/tong-quan"] * runs,
        "overview_by_overdue": ["/tong-quan?sort=overdue&desc=1"] * runs,
        **{name: [f"/xa/{c}{query}" for c in commune] for name, query in lists.items()},
        "dossier": [f"/xa/{c}/ho-so/{uuid}" for c, uuid in dossiers],
    }
    year = f"?ky=nam&nam={clock.now().year}&so=1"
    if with_scorecard:
        pages.update({
            "scorecard_year": [f"/bang-diem{year}"] * runs,
            "scorecard_year_commune": [f"/bang-diem{year}&xa={c}" for c in commune],
            "scorecard_year_chart_communes": [f"/bang-diem/bieu-do/theo-xa.png{year}"] * runs,
            "scorecard_year_excel": [f"/bang-diem/excel{year}"] * runs,
        })
    for name, path in extra:
        pages[name] = [path.format(commune=c) for c in commune]
    return pages


def measure(url: str, engine: Engine, requests_per_page: int, extra: list[tuple[str, str]],
            port: int, with_scorecard: bool) -> None:
    _viewer(engine)
    pages = _pages(engine, requests_per_page, extra, with_scorecard)
    with running_hub(url, port, migrate=False) as base:
        session = _log_in(base)
        slow = []
        for name, paths in pages.items():
            times = []
            for path in paths:
                started = time.perf_counter()
                answer = session.get(f"{base}{path}", allow_redirects=False, timeout=120)
                elapsed = (time.perf_counter() - started) * 1000
                if answer.status_code != 200:
                    raise SystemExit(f"{path}: {answer.status_code}")
                times.append(elapsed)
            times = times[3:]
            p95 = statistics.quantiles(times, n=20)[18]
            print(f"web_{name}_p50 {statistics.median(times):.1f} ms")
            print(f"web_{name}_p95 {p95:.1f} ms")
            if p95 >= TARGET_MS:
                slow.append(name)
        # The administrator's device list, read as its page reads it (the bench logs in as a
        # viewer, who may not open that page).
        times = []
        for _ in range(requests_per_page):
            started = time.perf_counter()
            registry.list_devices(engine)
            times.append((time.perf_counter() - started) * 1000)
        print(f"hub_device_list_p50 {statistics.median(times):.1f} ms")
    print(f"web_pages_over_target {len(slow)} count")
    for name in slow:
        print(f"# {name}: p95 over {TARGET_MS} ms", file=sys.stderr)


def _page_option(value: str) -> tuple[str, str]:
    name, _, path = value.partition("=")
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.startswith("/"):
        raise argparse.ArgumentTypeError("NAME=PATH, e.g. scorecard=/bang-diem?nam=2026")
    return name, path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.environ.get(URL_ENV),
                        help=f"the hub's PostgreSQL database URL (or {URL_ENV})")
    parser.add_argument("--dossiers", type=int, default=2_000_000)
    parser.add_argument("--communes", type=int, default=100)
    used = parser.add_mutually_exclusive_group()
    used.add_argument("--reset", action="store_true",
                      help="empty a used database first (throw-away databases only)")
    used.add_argument("--reuse", action="store_true",
                      help="do not fill: time what the database holds")
    parser.add_argument("--schema", default="head",
                        help="the migration to bring the schema to before timing (default head)")
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page")
    parser.add_argument("--page", type=_page_option, action="append", default=[],
                        metavar="NAME=PATH", help="another page to time (repeatable)")
    parser.add_argument("--port", type=int, default=8798)
    args = parser.parse_args()
    if not args.db or normalise_url(args.db).get_backend_name() != "postgresql":
        parser.error(f"--db (or {URL_ENV}) must be a PostgreSQL URL")
    engine = open_engine(args.db)
    if args.reuse:
        if _is_empty(engine):
            raise SystemExit("the database is empty: fill it first (leave out --reuse)")
    else:
        if not _is_empty(engine):
            if not args.reset:
                raise SystemExit("the database is not empty: --reuse times what it holds, "
                                 "--reset empties it (throw-away databases only)")
            with engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        upgrade(engine)
        fill(args.db, engine, args.dossiers, args.communes)
    schema_started = time.perf_counter()
    _set_schema(engine, args.schema)
    print(f"web_schema_time {time.perf_counter() - schema_started:.1f} s")
    # What `province-hub serve` does before it serves (an older schema has no scorecard).
    current = args.schema == "head"
    if current:
        refresh_started = time.perf_counter()
        scorecard.refresh(engine)
        print(f"web_scorecard_refresh_time {time.perf_counter() - refresh_started:.1f} s")
    measure(args.db, engine, args.requests, args.page, args.port, with_scorecard=current)
    engine.dispose()


if __name__ == "__main__":
    main()
