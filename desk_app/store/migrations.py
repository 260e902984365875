"""Versioned schema migrations, run forward automatically on open.

The schema version is SQLite's `user_version`. Each migration is a list of statements run in
one transaction together with the version bump, so a crash mid-migration leaves the old schema.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable

import sqlite_utils

from desk_app.core.errors import StoreError

_V1 = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE catalogue_versions (
        version TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        loaded_at TEXT NOT NULL
    )""",
    """CREATE TABLE procedures (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        field TEXT NOT NULL,
        time_value INTEGER NOT NULL CHECK (time_value >= 0),
        time_unit TEXT NOT NULL
            CHECK (time_unit IN ('same_day', 'working_days', 'working_hours', 'calendar_days')),
        fee INTEGER NOT NULL DEFAULT 0,
        fee_note TEXT NOT NULL DEFAULT '',
        documents TEXT NOT NULL,
        search_key TEXT NOT NULL,
        catalogue_version TEXT NOT NULL
    )""",
    """CREATE TABLE calendar_overrides (
        day TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
        note TEXT NOT NULL DEFAULT ''
    )""",
    # The highest daily sequence ever issued per counter; never goes down, so no code repeats.
    """CREATE TABLE code_sequences (
        agency TEXT NOT NULL,
        day TEXT NOT NULL,
        counter INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (agency, day, counter)
    )""",
    """CREATE TABLE ledger_sequences (
        book INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
    )""",
    """CREATE TABLE dossiers (
        uuid TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        procedure_code TEXT NOT NULL,
        procedure_name TEXT NOT NULL,
        time_value INTEGER NOT NULL,
        time_unit TEXT NOT NULL,
        applicant_type INTEGER NOT NULL,
        applicant_name TEXT NOT NULL,
        id_number TEXT NOT NULL,
        birth_date TEXT,
        sex TEXT NOT NULL,
        phone TEXT NOT NULL,
        email TEXT NOT NULL,
        address TEXT NOT NULL,
        request TEXT NOT NULL,
        sets INTEGER NOT NULL,
        channel INTEGER NOT NULL,
        delivery_method INTEGER NOT NULL,
        delivery_recipient TEXT NOT NULL,
        delivery_phone TEXT NOT NULL,
        delivery_address TEXT NOT NULL,
        fee INTEGER NOT NULL,
        notes TEXT NOT NULL,
        received_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        status INTEGER NOT NULL,
        clerk TEXT NOT NULL,
        device_id TEXT NOT NULL,
        ledger_book INTEGER NOT NULL,
        ledger_number INTEGER NOT NULL,
        search_key TEXT NOT NULL,
        UNIQUE (ledger_book, ledger_number)
    )""",
    "CREATE INDEX dossiers_received_at ON dossiers (received_at)",
    "CREATE INDEX dossiers_due_at ON dossiers (due_at)",
    "CREATE INDEX dossiers_status ON dossiers (status)",
    """CREATE TABLE dossier_documents (
        dossier_uuid TEXT NOT NULL REFERENCES dossiers (uuid),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        mandatory INTEGER NOT NULL,
        provided INTEGER NOT NULL,
        originals INTEGER NOT NULL,
        certified INTEGER NOT NULL,
        copies INTEGER NOT NULL,
        PRIMARY KEY (dossier_uuid, position)
    )""",
    """CREATE TABLE events (
        uuid TEXT PRIMARY KEY,
        dossier_uuid TEXT NOT NULL REFERENCES dossiers (uuid),
        kind TEXT NOT NULL,
        status INTEGER NOT NULL,
        payload TEXT NOT NULL,
        clerk TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        device_time TEXT NOT NULL,
        server_time TEXT,
        UNIQUE (device_id, device_seq)
    )""",
    "CREATE INDEX events_dossier ON events (dossier_uuid)",
    # Events are the record: never edited or deleted. Only the server's receive time may be
    # filled in, once, after sync.
    """CREATE TRIGGER events_immutable BEFORE UPDATE ON events
        WHEN NOT (OLD.server_time IS NULL AND NEW.server_time IS NOT NULL
                  AND NEW.uuid = OLD.uuid AND NEW.payload = OLD.payload AND NEW.kind = OLD.kind
                  AND NEW.status = OLD.status AND NEW.clerk = OLD.clerk
                  AND NEW.device_id = OLD.device_id AND NEW.device_seq = OLD.device_seq
                  AND NEW.device_time = OLD.device_time AND NEW.dossier_uuid = OLD.dossier_uuid)
        BEGIN SELECT RAISE(ABORT, 'events are immutable'); END""",
    """CREATE TRIGGER events_undeletable BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are immutable'); END""",
    """CREATE TABLE outbox (
        event_uuid TEXT PRIMARY KEY REFERENCES events (uuid),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'quarantined')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        acked_at TEXT
    )""",
    "CREATE INDEX outbox_state ON outbox (state)",
    """CREATE TABLE slips (
        uuid TEXT PRIMARY KEY,
        dossier_uuid TEXT NOT NULL REFERENCES dossiers (uuid),
        kind TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        clerk TEXT NOT NULL
    )""",
    "CREATE INDEX slips_dossier ON slips (dossier_uuid)",
]

# The dossier's life after the receipt (issue 3). The new dossier columns are the current-state
# copy of what the events record, so lists can sort and filter without reading every event;
# existing rows get them from their events.
_V2 = [
    # The due time before the first apology; due_at then holds the rescheduled one.
    "ALTER TABLE dossiers ADD COLUMN original_due_at TEXT",
    """UPDATE dossiers SET original_due_at = COALESCE(
        (SELECT json_extract(e.payload, '$.old_due_at') FROM events e
         WHERE e.dossier_uuid = dossiers.uuid AND e.kind = 'rescheduled'
         ORDER BY e.device_time, e.device_seq LIMIT 1),
        due_at)""",
    # When the result came back to the counter, and when it reached the applicant.
    "ALTER TABLE dossiers ADD COLUMN finished_at TEXT",
    "ALTER TABLE dossiers ADD COLUMN returned_at TEXT",
    """UPDATE dossiers SET returned_at = (
        SELECT MIN(e.device_time) FROM events e
        WHERE e.dossier_uuid = dossiers.uuid AND e.kind = 'returned')""",
    """UPDATE dossiers SET finished_at = COALESCE(
        (SELECT MIN(e.device_time) FROM events e
         WHERE e.dossier_uuid = dossiers.uuid AND e.kind = 'result_ready'),
        returned_at)""",
    # The end-of-day report counts the day's events by kind.
    "CREATE INDEX events_time ON events (device_time)",
    # Which event a slip documents (the supplement request, the refusal...; for the control
    # slip the last hand-over it shows), so a reprint finds the PDF printed for that event.
    "ALTER TABLE slips ADD COLUMN event_uuid TEXT REFERENCES events (uuid)",
    """UPDATE slips SET event_uuid = (
        SELECT e.uuid FROM events e
        WHERE e.dossier_uuid = slips.dossier_uuid AND e.kind = 'received')
       WHERE kind = 'receipt'""",
]

# Sync with the provincial hub (issue 4). The outbox gains the 'discarded' state (a supervisor
# set a quarantined event aside; SQLite cannot alter a CHECK, so the table is rebuilt in its
# own row order), when an event was quarantined and how the hub refused it (a conflict means
# the hub holds another version under the same UUID). The hub connection, the pull cursor and
# the last outcome live in one row; the device token in a table of its own, never with the
# readable settings. Problems met applying pulled changes are kept for a supervisor to read.
_V3 = [
    """CREATE TABLE outbox_v3 (
        event_uuid TEXT PRIMARY KEY REFERENCES events (uuid),
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'sent', 'quarantined', 'discarded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        acked_at TEXT,
        quarantined_at TEXT,
        refusal TEXT CHECK (refusal IN ('conflict', 'invalid'))
    )""",
    """INSERT INTO outbox_v3 (event_uuid, state, attempts, last_error, queued_at, acked_at)
       SELECT event_uuid, state, attempts, last_error, queued_at, acked_at FROM outbox
       ORDER BY rowid""",
    "DROP TABLE outbox",
    "ALTER TABLE outbox_v3 RENAME TO outbox",
    "CREATE INDEX outbox_state ON outbox (state)",
    """CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url TEXT,
        ca_bundle TEXT,
        hub_device_id INTEGER,
        device_name TEXT,
        commune_name TEXT,
        agency_code TEXT,
        enrolled_at TEXT,
        pull_cursor INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        last_success_at TEXT,
        last_outcome TEXT CHECK (last_outcome IN ('synced', 'offline', 'failed')),
        last_error TEXT NOT NULL DEFAULT '',
        clock_skew_seconds REAL
    )""",
    "INSERT INTO sync_state (id) VALUES (1)",
    """CREATE TABLE sync_credentials (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        token BLOB NOT NULL,
        protection TEXT NOT NULL CHECK (protection IN ('dpapi', 'plain')),
        stored_at TEXT NOT NULL
    )""",
    """CREATE TABLE sync_problems (
        id INTEGER PRIMARY KEY,
        noticed_at TEXT NOT NULL,
        change_seq INTEGER NOT NULL,
        event_uuid TEXT,
        dossier_uuid TEXT,
        message TEXT NOT NULL
    )""",
]

# What a migration needs it carries itself, as it was when the migration was released: changing
# the live code (store.search, store.journal, sync.protocol) must not change an old migration.

def _v4_fold_sql(column: str) -> str:
    return f"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')"


def _v4_values(row: str) -> str:
    """The indexed columns of a `dossiers` row (NEW or OLD in a trigger, or the table)."""
    return (
        f"{row}.code || ' ' || {row}.id_number || ' ' || {row}.phone, "
        f"{_v4_fold_sql(f'{row}.applicant_name')}, "
        + _v4_fold_sql(
            f"{row}.address || ' ' || {row}.procedure_code || ' ' || {row}.procedure_name")
    )


_V4_DELETE_OLD = (
    "INSERT INTO dossier_search (dossier_search, rowid, ids, name, other) "
    f"VALUES ('delete', OLD.rowid, {_v4_values('OLD')});"
)
_V4_INSERT_NEW = (
    "INSERT INTO dossier_search (rowid, ids, name, other) "
    f"VALUES (NEW.rowid, {_v4_values('NEW')});"
)

# The full-text index (store.search), the triggers that keep it in step on every write, and its
# first filling from the dossiers already kept. A state change touches none of the indexed columns,
# so it never rewrites the index. (VACUUM keeps these rowids: the table has no INTEGER
# PRIMARY KEY for it to renumber by, and SQLite copies rowids as they are.)
# Public for bench/generate.py, which fills the index the same way after its bulk insert.
SEARCH_INDEX_V4 = [
    """CREATE VIRTUAL TABLE dossier_search USING fts5(
        ids, name, other, content='', prefix='2 3',
        tokenize='unicode61 remove_diacritics 2')""",
    f"CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers BEGIN {_V4_INSERT_NEW} END",
    f"""CREATE TRIGGER dossiers_search_update AFTER UPDATE OF code, applicant_name, id_number,
        phone, address, procedure_code, procedure_name ON dossiers
        BEGIN {_V4_DELETE_OLD} {_V4_INSERT_NEW} END""",
    f"CREATE TRIGGER dossiers_search_delete AFTER DELETE ON dossiers BEGIN {_V4_DELETE_OLD} END",
    f"INSERT INTO dossier_search (rowid, ids, name, other) SELECT rowid, {_v4_values('dossiers')} "
    "FROM dossiers",
]


# Fast at ten years of records (issue 6): the full-text index (store.search), and indexes for
# the list's filters, each ending in received_at so a filtered list still comes newest first
# straight from the index. Sorting by received, due, code or state uses the single-column
# indexes, which SQLite extends with the rowid, so every sort has a unique key to page on.
_V4 = [
    *SEARCH_INDEX_V4,
    # The LIKE-searched copy of the text, now in the index instead.
    "UPDATE dossiers SET search_key = ''",
    "CREATE INDEX dossiers_procedure_received ON dossiers (procedure_code, received_at)",
    "CREATE INDEX dossiers_clerk_received ON dossiers (clerk, received_at)",
    "CREATE INDEX dossiers_status_received ON dossiers (status, received_at)",
]

_V5_FIELDS = ("uuid", "dossier_uuid", "kind", "status", "payload", "clerk", "device_seq",
              "device_time")
_V5_PAGE = 2000


def _v5_nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_v5_nfc(k): _v5_nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_v5_nfc(v) for v in value]
    return value


def _v5_link(prev_hash: str, row: dict) -> str:
    """The event's hash chained after `prev_hash`: SHA-256 of prev_hash followed by the SHA-256
    of the canonical JSON (NFC text, sorted keys, no spaces) of its protocol fields."""
    event = {key: row[key] for key in _V5_FIELDS} | {"payload": json.loads(row["payload"])}
    canonical = json.dumps(_v5_nfc(event), ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return hashlib.sha256((prev_hash + digest).encode("ascii")).hexdigest()


def _v5_chain_existing(db: sqlite_utils.Database) -> None:
    """Chain the events recorded before the journal existed, by device then device_seq, a page
    at a time along the unique index (rows updated between pages cannot disturb the walk)."""
    columns = ", ".join(("device_id", *_V5_FIELDS))
    tips: dict[str, str] = {}
    after: tuple[str, int] = ("", -1)
    while rows := list(db.query(
            f"SELECT {columns} FROM events WHERE (device_id, device_seq) > (?, ?) "
            "ORDER BY device_id, device_seq LIMIT ?", [*after, _V5_PAGE])):
        links = []
        for row in rows:
            before = tips.get(row["device_id"], "0" * 64)
            tips[row["device_id"]] = _v5_link(before, row)
            links.append((before, tips[row["device_id"]], row["uuid"]))
        db.conn.executemany("UPDATE events SET prev_hash = ?, hash = ? WHERE uuid = ?", links)
        after = (rows[-1]["device_id"], rows[-1]["device_seq"])


# The tamper-evident journal (issue 5, store.journal): each event carries the hash of its
# device's previous event and its own. Existing events are chained in device order (a Python
# step: SQLite has no SHA-256), with the immutability trigger lifted for that moment only and
# put back guarding the two new columns as well.
_V5 = [
    "ALTER TABLE events ADD COLUMN prev_hash TEXT",
    "ALTER TABLE events ADD COLUMN hash TEXT",
    "DROP TRIGGER events_immutable",
    _v5_chain_existing,
    """CREATE TRIGGER events_immutable BEFORE UPDATE ON events
        WHEN NOT (OLD.server_time IS NULL AND NEW.server_time IS NOT NULL
                  AND NEW.uuid = OLD.uuid AND NEW.payload = OLD.payload AND NEW.kind = OLD.kind
                  AND NEW.status = OLD.status AND NEW.clerk = OLD.clerk
                  AND NEW.device_id = OLD.device_id AND NEW.device_seq = OLD.device_seq
                  AND NEW.device_time = OLD.device_time AND NEW.dossier_uuid = OLD.dossier_uuid
                  AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash)
        BEGIN SELECT RAISE(ABORT, 'events are immutable'); END""",
]

# Accounts (issue 5): who may log in at this counter, with the password's scrypt hash only, the
# failed attempts that lock an account out for a while, and a log of what admins did to
# accounts and of lock-outs, for the commune leader to read.
# And the journal's seams (store.journal): where a restore made this device's chain resume
# after events the restored backup does not hold.
_V6 = [
    """CREATE TABLE journal_seams (
        device_id TEXT NOT NULL,
        resumes_at INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        restored_at TEXT NOT NULL,
        backup TEXT NOT NULL,
        PRIMARY KEY (device_id, resumes_at)
    )""",
    """CREATE TABLE accounts (
        username TEXT PRIMARY KEY,
        full_name TEXT NOT NULL,
        full_name_key TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'leader', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE account_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        username TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    )""",
]

# The catalogue editor (issue 5, store.catalogue): every version of every procedure is kept,
# `procedures` holds the current one with the processing unit its dossiers go to, whether the
# commune overrides the province's versions, and whether it is withdrawn from new dossiers.
# A dossier names the version it was received under. What is there becomes version 1, as
# published by the province catalogue it was loaded from.
_V7 = [
    """CREATE TABLE procedure_versions (
        code TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        name TEXT NOT NULL,
        field TEXT NOT NULL,
        time_value INTEGER NOT NULL CHECK (time_value >= 0),
        time_unit TEXT NOT NULL
            CHECK (time_unit IN ('same_day', 'working_days', 'working_hours', 'calendar_days')),
        fee INTEGER NOT NULL CHECK (fee >= 0),
        fee_note TEXT NOT NULL,
        documents TEXT NOT NULL,
        unit TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('province', 'local', 'import')),
        catalogue_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        PRIMARY KEY (code, version)
    )""",
    """INSERT INTO procedure_versions (code, version, name, field, time_value, time_unit, fee,
            fee_note, documents, unit, source, catalogue_version, created_at, created_by)
       SELECT p.code, 1, p.name, p.field, p.time_value, p.time_unit, p.fee, p.fee_note,
              p.documents, '', 'province', p.catalogue_version,
              COALESCE((SELECT c.loaded_at FROM catalogue_versions c
                        WHERE c.version = p.catalogue_version), ''), ''
       FROM procedures p""",
    "ALTER TABLE procedures ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE procedures ADD COLUMN unit TEXT NOT NULL DEFAULT ''",
    """ALTER TABLE procedures ADD COLUMN local_override INTEGER NOT NULL DEFAULT 0
        CHECK (local_override IN (0, 1))""",
    """ALTER TABLE procedures ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0
        CHECK (withdrawn IN (0, 1))""",
    "ALTER TABLE dossiers ADD COLUMN procedure_version INTEGER NOT NULL DEFAULT 1",
]

# Registers of numbered documents (issue 11): the highest number issued per register and year,
# e.g. the apology letters asking for an extension (form 04 of Circular 03/2025, "Số: …/…").
_V8 = [
    """CREATE TABLE document_registers (
        register TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL CHECK (last >= 1),
        PRIMARY KEY (register, year)
    )""",
]

# A refusal at the counter (issue 11, form 03): the dossier is not received, so it gets no code,
# no ledger line and no due time, yet it is kept (state 3) and syncs. Those columns lose their
# NOT NULL (their UNIQUE constraints let any number of NULLs through). Dropping a NOT NULL
# leaves every stored row valid as it is, so the table's definition is edited in place, as
# SQLite documents for that change, rather than rebuilt under its foreign keys, indexes and
# search triggers.
_V9_NULLABLE = (
    (r"\bcode TEXT NOT NULL UNIQUE", "code TEXT UNIQUE"),
    (r"(?<!_)\bdue_at TEXT NOT NULL", "due_at TEXT"),
    (r"\bledger_book INTEGER NOT NULL", "ledger_book INTEGER"),
    (r"\bledger_number INTEGER NOT NULL", "ledger_number INTEGER"),
)


def _v9_refusals_without_code(db: sqlite_utils.Database) -> None:
    (sql,) = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'dossiers'"
    ).fetchone()
    for pattern, replacement in _V9_NULLABLE:
        sql, count = re.subn(pattern, replacement, sql)
        if count != 1:
            raise StoreError(f"Lược đồ bảng dossiers không như mong đợi ({pattern}).")
    (version,) = db.execute("PRAGMA schema_version").fetchone()
    db.execute("PRAGMA writable_schema = ON")
    db.execute(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'dossiers'", [sql]
    )
    db.execute(f"PRAGMA schema_version = {version + 1}")
    db.execute("PRAGMA writable_schema = OFF")


def _v9_values(row: str) -> str:
    """The search index's columns of a `dossiers` row, as migration 4 made them but with no
    code read as '' (a NULL would empty the whole ids column, ID number and phone with it)."""
    def fold(column: str) -> str:
        return f"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')"

    return (
        f"COALESCE({row}.code, '') || ' ' || {row}.id_number || ' ' || {row}.phone, "
        f"{fold(f'{row}.applicant_name')}, "
        + fold(f"{row}.address || ' ' || {row}.procedure_code || ' ' || {row}.procedure_name")
    )


_V9_DELETE_OLD = (
    "INSERT INTO dossier_search (dossier_search, rowid, ids, name, other) "
    f"VALUES ('delete', OLD.rowid, {_v9_values('OLD')});"
)
_V9_INSERT_NEW = (
    f"INSERT INTO dossier_search (rowid, ids, name, other) VALUES (NEW.rowid, {_v9_values('NEW')});"
)

_V9 = [
    _v9_refusals_without_code,
    "DROP TRIGGER dossiers_search_insert",
    "DROP TRIGGER dossiers_search_update",
    "DROP TRIGGER dossiers_search_delete",
    f"CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers BEGIN {_V9_INSERT_NEW} END",
    f"""CREATE TRIGGER dossiers_search_update AFTER UPDATE OF code, applicant_name, id_number,
        phone, address, procedure_code, procedure_name ON dossiers
        BEGIN {_V9_DELETE_OLD} {_V9_INSERT_NEW} END""",
    f"CREATE TRIGGER dossiers_search_delete AFTER DELETE ON dossiers BEGIN {_V9_DELETE_OLD} END",
]

# Sorting the list by code in the codes' order (core.codes.sort_text): as text, -11000 (the
# 1,000th code of counter 1's day) came between -1100 and -1101. A stored sort text and its
# index (extended with the rowid, like the other sorts' indexes) keep the sort straight from an
# index. The text, as core.codes.sort_text renders it on insert: a code of this app's shape
# (first "-", six digits, "-", a counter digit 1-9, then a sequence of three digits, or of four
# to nine without a leading zero) is "0" + everything up to the counter digit + the sequence
# zero-filled to nine digits; any other code "1" + the code; no code "".


def _v10_sort_text_sql(code: str) -> str:
    dash = f"instr({code}, '-')"
    tail = f"substr({code}, {dash} + 8)"
    return f"""CASE
        WHEN {code} IS NULL OR {code} = '' THEN ''
        WHEN {dash} > 1
            AND substr({code}, {dash} + 1, 7) GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]-'
            AND ({tail} GLOB '[1-9][0-9][0-9][0-9]'
                 OR ({tail} GLOB '[1-9][1-9][0-9][0-9][0-9]*'
                     AND {tail} NOT GLOB '*[^0-9]*' AND length({tail}) <= 10))
        THEN '0' || substr({code}, 1, {dash} + 8)
             || substr('000000000' || substr({code}, {dash} + 9), -9)
        ELSE '1' || {code}
    END"""


_V10 = [
    "ALTER TABLE dossiers ADD COLUMN code_sort TEXT NOT NULL DEFAULT ''",
    f"UPDATE dossiers SET code_sort = {_v10_sort_text_sql('code')}",
    "CREATE INDEX dossiers_code_sort ON dossiers (code_sort)",
]

# The hub's public address and the commune's key, from the enrolment, for the citizen's lookup
# link printed in a receipt's QR code (sync.protocol.lookup_link). NULL: enrolled with a hub
# that gives none, and the QR code holds the bare dossier code as before.
_V11 = [
    "ALTER TABLE sync_state ADD COLUMN lookup_url TEXT",
    "ALTER TABLE sync_state ADD COLUMN lookup_key TEXT",
]

# Searching as the clerk types (issue 13): every word of a query is a prefix, and a prefix
# not in the index's prefix indexes ('2 3') made FTS5 read and merge, in full, the lists of every
# word it begins: the first letter ("n", "nguyen t") most of the index, "nguyen" or "tran" a
# third or a tenth of it, at each keystroke. A Vietnamese syllable has at most seven letters,
# so with prefixes of one to six every prefix of a word is one list of the index, which a
# query reads only as far as its page (about 20 % more index). The index is made again from
# the dossiers already kept (a contentless index cannot be rebuilt from itself) and merged into
# one segment; the triggers of migration 9 write to it by name, so they stay as they are.
# Public for bench/generate.py, which fills the index the same way after its bulk insert.
SEARCH_INDEX_V12 = [
    """CREATE VIRTUAL TABLE dossier_search USING fts5(
        ids, name, other, content='', prefix='1 2 3 4 5 6',
        tokenize='unicode61 remove_diacritics 2')""",
    f"INSERT INTO dossier_search (rowid, ids, name, other) SELECT rowid, {_v9_values('dossiers')} "
    "FROM dossiers",
    "INSERT INTO dossier_search (dossier_search) VALUES ('optimize')",
]

_V12 = [
    "DROP TABLE dossier_search",
    *SEARCH_INDEX_V12,
    # Today's board counted from an index: the open dossiers only (received, processing,
    # waiting for a supplement or a financial duty, result ready: states 2, 4, 5, 6, 9), with
    # every column the board's counts read, so they never touch the table.
    "CREATE INDEX dossiers_open ON dossiers (status, clerk, procedure_name, due_at, "
    "received_at, code) WHERE status IN (2, 4, 5, 6, 9)",
]

# Digitisation at reception (issue 16): each document line's state and file, the files kept under
# <data>/files/ (store.files), which dossier and document each belongs to at which stage (every
# version kept), and who opened which file for viewing (scans of ID cards and personal papers
# are sensitive personal data, Decree 356/2025). Lines received before read as not digitised.
_V13 = [
    "ALTER TABLE dossier_documents ADD COLUMN digitisation TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE dossier_documents ADD COLUMN file TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE dossier_documents ADD COLUMN pages INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE dossier_documents ADD COLUMN reused_from TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE files (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE dossier_files (
        dossier_uuid TEXT NOT NULL REFERENCES dossiers (uuid),
        document TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('received', 'supplement', 'result')),
        sha256 TEXT NOT NULL REFERENCES files (sha256),
        version INTEGER NOT NULL CHECK (version >= 1),
        clerk TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (dossier_uuid, document, stage, version)
    )""",
    "CREATE INDEX dossier_files_sha256 ON dossier_files (sha256)",
    "CREATE INDEX dossiers_id_number ON dossiers (id_number) WHERE id_number != ''",
    """CREATE TABLE file_views (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,
        dossier_uuid TEXT NOT NULL,
        document TEXT NOT NULL,
        clerk TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
]

# Digitised documents' files waiting for the hub (issue 16), by SHA-256: queued once an event
# naming them is acknowledged, uploaded after the events, set aside ('quarantined') when one
# keeps failing so the others still go. `size` is the file's on disk when queued, for the
# status bar's "files waiting (MB)".
_V14 = [
    """CREATE TABLE file_uploads (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'sent', 'quarantined')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        sent_at TEXT,
        quarantined_at TEXT
    )""",
    "CREATE INDEX file_uploads_state ON file_uploads (state, queued_at)",
]

# What was done with a digitised file (issue 16): besides opening it in the viewer, printing it
# and saving a copy outside the data folder take a citizen's personal papers out of the app, so
# they are recorded the same way ('view', 'print', 'copy'); earlier rows were views.
_V15 = [
    "ALTER TABLE file_views ADD COLUMN action TEXT NOT NULL DEFAULT 'view' "
    "CHECK (action IN ('view', 'print', 'copy'))",
]

# A supervisor may give up sending a quarantined file ('discarded': the file stays on disk, an
# event records it); SQLite changes a CHECK only by making the table again.
_V16 = [
    """CREATE TABLE file_uploads_v16 (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'sent', 'quarantined', 'discarded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        sent_at TEXT,
        quarantined_at TEXT
    )""",
    """INSERT INTO file_uploads_v16 (sha256, size, state, attempts, last_error, queued_at,
                                     sent_at, quarantined_at)
       SELECT sha256, size, state, attempts, last_error, queued_at, sent_at, quarantined_at
       FROM file_uploads ORDER BY rowid""",
    "DROP TABLE file_uploads",
    "ALTER TABLE file_uploads_v16 RENAME TO file_uploads",
    "CREATE INDEX file_uploads_state ON file_uploads (state, queued_at)",
]

# A step is an SQL statement, or a function of the database for what SQL cannot compute.
Step = str | Callable[[sqlite_utils.Database], None]
MIGRATIONS: list[list[Step]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _V11, _V12,
                                 _V13, _V14, _V15, _V16]


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema up to date; returns the version reached."""
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise StoreError(
            f"Tệp dữ liệu được tạo bởi phiên bản mới hơn của phần mềm (lược đồ {current}). "
            "Hãy cập nhật phần mềm."
        )
    for version, statements in enumerate(MIGRATIONS[current:], start=current + 1):
        with db.atomic():
            for step in statements:
                if callable(step):
                    step(db)
                else:
                    db.execute(step)
            db.execute(f"PRAGMA user_version = {version}")
    return len(MIGRATIONS)
