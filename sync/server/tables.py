"""The hub's schema as SQLAlchemy Core tables (the migrations create the same thing).

Times are text in the form of clock.stamp(). A dossier belongs to the commune whose device first
sent an event for it; `dossiers` is the province's current view of each dossier, updated from
its events.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# SQLite autoincrements only an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")

communes = Table(
    "communes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("agency_code", String(40), nullable=False, unique=True),
    Column("created_at", String(40), nullable=False),
)

# Every agency code a commune has had (communes.agency_code is the newest), and the first day
# its dossiers carry it (NULL: from the commune's start).
commune_codes = Table(
    "commune_codes",
    metadata,
    Column("commune_id", Integer, ForeignKey("communes.id"), primary_key=True),
    Column("code", String(40), primary_key=True, unique=True),
    Column("since", String(10)),
)

enrollment_codes = Table(
    "enrollment_codes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("commune_id", Integer, ForeignKey("communes.id"), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("device_id", Integer, ForeignKey("devices.id")),
    # SHA-256 of the random key sent with the request that spent the code: the same request
    # again (its answer was lost) gets the same device back.
    Column("request_key_hash", String(64)),
)

devices = Table(
    "devices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("commune_id", Integer, ForeignKey("communes.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
    Column("last_push_at", String(40)),
    Column("last_pull_at", String(40)),
    Column("backlog", Integer),
    Column("clock_skew_seconds", Float),
    # The first time the device sent a second history for a place its chain already held.
    Column("forked_at", String(40)),
    Column("fork_detail", Text),
    # Its events stored here, counted as ingest stores them (the device list reads it).
    Column("events_stored", BigInteger, nullable=False, server_default="0"),
)

events = Table(
    "events",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("commune_id", Integer, ForeignKey("communes.id"), nullable=False),
    # NULL for events the province recorded itself.
    Column("device_id", Integer, ForeignKey("devices.id")),
    Column("dossier_uuid", String(36), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("status", Integer, nullable=False),
    Column("payload", Text, nullable=False),
    Column("clerk", Text, nullable=False),
    Column("device_seq", BigInteger, nullable=False),
    Column("device_time", String(40), nullable=False),
    # device_time in the hub's own form, for ordering and per-day counts.
    Column("device_time_vn", String(40), nullable=False),
    Column("content_digest", String(64), nullable=False),
    Column("server_time", String(40), nullable=False),
    Column("clock_skew_seconds", Float),
    # The counter's hash chain (protocol.chain_hash); NULL when the event came without one.
    Column("prev_hash", String(64)),
    Column("hash", String(64)),
    Index("events_device_time", "device_id", "device_time_vn"),
    Index("events_device_seq", "device_id", "device_seq"),
    Index("events_dossier", "dossier_uuid"),
    Index("events_commune", "commune_id"),
    Index("events_dossier_time", "dossier_uuid", "device_time_vn"),
)

dossiers = Table(
    "dossiers",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("commune_id", Integer, ForeignKey("communes.id"), nullable=False),
    Column("code", String(60)),
    Column("procedure_code", String(40)),
    Column("procedure_name", Text),
    Column("applicant_name", Text),
    Column("received_at", String(40)),
    Column("due_at", String(40)),
    Column("status", Integer),
    # device_time_vn of the event that set `status`: a late-arriving older event never wins.
    Column("status_time", String(40)),
    Column("last_event_uuid", String(36)),
    Column("updated_at", String(40), nullable=False),
    Index("dossiers_commune_code", "commune_id", "code"),
    Index("dossiers_code", "code"),
    # The province's web (sync.server.web.views): a commune's list newest first, and the
    # overview's counts per commune, each a range of one index.
    Index("dossiers_commune_received", "commune_id", "received_at"),
    Index("dossiers_received", "received_at", "commune_id"),
    Index("dossiers_status_due", "status", "due_at", "commune_id"),
    Index("dossiers_status_time", "status", "status_time", "commune_id"),
    # A commune's procedure filter: its choices one code after another, and its list.
    Index("dossiers_commune_procedure", "commune_id", "procedure_code", "received_at"),
)

# What each device had stored on each day (hub time), for the daily quota.
device_volume = Table(
    "device_volume",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id"), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("events", Integer, nullable=False),
    Column("bytes", BigInteger, nullable=False),
    Column("file_bytes", BigInteger, nullable=False, server_default="0"),
)

# The pull feed. commune_id NULL reaches every commune (catalogue, calendar).
changes = Table(
    "changes",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("commune_id", Integer, ForeignKey("communes.id")),
    Column("type", String(20), nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

catalogue_versions = Table(
    "catalogue_versions",
    metadata,
    Column("version", String(40), primary_key=True),
    Column("source", Text, nullable=False),
    Column("document", Text, nullable=False),
    Column("published_at", String(40), nullable=False),
)

calendar_entries = Table(
    "calendar_entries",
    metadata,
    Column("day", String(10), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("note", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

# The province's web (sync.server.web). A leader's account is tied to one commune.
web_users = Table(
    "web_users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(60), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", String(20), nullable=False),
    Column("commune_id", Integer, ForeignKey("communes.id")),
    Column("password_hash", Text, nullable=False),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", String(40)),
    Column("disabled_at", String(40)),
    Column("created_at", String(40), nullable=False),
)

# Only the hash of the cookie's token is kept, as for device tokens.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("web_users.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Index("web_sessions_user", "user_id"),
)

# What the citizen's lookup page needs of a commune: the key its counters sign receipt links
# with (handed to them at enrolment), and the office's phone and address.
commune_web = Table(
    "commune_web",
    metadata,
    Column("commune_id", Integer, ForeignKey("communes.id"), primary_key=True),
    Column("lookup_key", String(64), nullable=False),
    Column("phone", Text, nullable=False, server_default=""),
    Column("address", Text, nullable=False, server_default=""),
)

# The Decision 766 scorecard (sync.server.scorecard): what each commune's events added up to in
# each month (Vietnam time, "YYYY-MM"), kept as the events arrive, so that a year's scorecard
# reads at most 12 rows per commune instead of the event log.
scorecard_months = Table(
    "scorecard_months",
    metadata,
    Column("commune_id", Integer, ForeignKey("communes.id"), primary_key=True),
    Column("month", String(7), primary_key=True),
    *(Column(name, Integer, nullable=False, server_default="0") for name in (
        "received", "channel_counter", "channel_online", "channel_post", "refused",
        "supplements", "finished", "finished_on_time", "returned", "rated", "satisfied",
        "documents", "documents_with_data", "documents_scanned", "documents_reused",
        "documents_shown", "documents_exempt", "results_digitised")),
    # The province's figures: every commune's rows of a period, one range of this index.
    Index("scorecard_months_month", "month", "commune_id"),
)

# Which version of each table derived from the event log is stored (sync.server.scorecard
# rebuilds its table when the code's version differs).
projections = Table(
    "projections",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("version", Integer, nullable=False),
)

# Digitised documents' files (sync.server.files): one row per SHA-256 whatever the number of
# communes naming it; `received` bytes have arrived, in order, as chunks; `completed_at` is set
# once all of them are there and their hash checked.
files = Table(
    "files",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("received", BigInteger, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("completed_at", String(40)),
)

file_chunks = Table(
    "file_chunks",
    metadata,
    Column("sha256", String(64), ForeignKey("files.sha256"), primary_key=True),
    Column("offset", BigInteger, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# The files an event of a commune named (payload["files"]): what its devices may upload and
# fetch.
file_names = Table(
    "file_names",
    metadata,
    Column("commune_id", Integer, ForeignKey("communes.id"), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("named_at", String(40), nullable=False),
)

# Reuse across counters (sync.server.reuse): each document digitised for a citizen in one of
# the commune's dossiers (a received event's line scanned or reused, or a supplement digitised
# later), by the applicant's ID number, filled as the events arrive. `position` is the line's
# place in the received payload's documents (0 for a document_digitised event).
citizen_documents = Table(
    "citizen_documents",
    metadata,
    Column("event_uuid", String(36), ForeignKey("events.uuid"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("commune_id", Integer, ForeignKey("communes.id"), nullable=False),
    Column("id_number", String(12), nullable=False),
    Column("dossier_uuid", String(36), nullable=False),
    Column("dossier_code", String(60)),
    Column("document", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("pages", Integer, nullable=False),
    Column("digitised_at", String(40), nullable=False),
    Index("citizen_documents_citizen", "commune_id", "id_number", "digitised_at"),
)

# Every reuse lookup a device made (Decree 356/2025/NĐ-CP: who looked up whose documents,
# when, and how many were answered).
document_lookups = Table(
    "document_lookups",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("device_id", Integer, ForeignKey("devices.id"), nullable=False),
    Column("commune_id", Integer, ForeignKey("communes.id"), nullable=False),
    Column("id_number", String(12), nullable=False),
    Column("asked_at", String(40), nullable=False),
    Column("answered", Integer, nullable=False),
    Index("document_lookups_device", "device_id", "asked_at"),
    Index("document_lookups_citizen", "id_number", "asked_at"),
)
