"""Opening the hub's database: SQLite file by default, PostgreSQL (psycopg 3) for production."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Insert, Table, create_engine, event
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

DEFAULT_URL = "sqlite:///hub.db"
_READ_ONLY = "hub_read_only"
MIGRATIONS = Path(__file__).with_name("migrations")


def normalise_url(text: str) -> URL:
    """A database URL; a bare path means an SQLite file, and plain `postgresql://` uses psycopg 3
    (the only PostgreSQL driver the hub installs)."""
    if "://" not in text:
        return make_url(f"sqlite:///{Path(text).expanduser()}")
    url = make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def open_engine(text: str, *, pool_size: int = 20) -> Engine:
    url = normalise_url(text)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def configure(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" hook below issue BEGIN, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # An acknowledged event must survive a power cut, as on the counter.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection):
        # Writers take the lock up front: a deferred transaction that later wants to write can
        # fail with "database is locked" instead of waiting for the busy timeout. Readers
        # (see reading()) need no lock at all under WAL.
        if connection.get_execution_options().get(_READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def reading(engine: Engine) -> Connection:
    """A connection for queries only (`with reading(engine) as connection:`)."""
    return engine.connect().execution_options(**{_READ_ONLY: True})


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (creating it in an empty database)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def dialect_insert(connection: Connection | str, table: Table) -> Insert:
    """An INSERT of the connection's dialect (or the dialect named), which can say ON
    CONFLICT."""
    dialect = connection if isinstance(connection, str) else connection.dialect.name
    return (postgresql_insert if dialect == "postgresql" else sqlite_insert)(table)


def insert_ignoring_conflicts(connection: Connection, table: Table) -> Insert:
    """`INSERT ... ON CONFLICT DO NOTHING` in the connection's dialect."""
    return dialect_insert(connection, table).on_conflict_do_nothing()


def is_transient(exc: OperationalError) -> bool:
    """A failure worth retrying the whole transaction for: a deadlock or serialization failure
    on PostgreSQL, a busy database on SQLite."""
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate in ("40P01", "40001") or "database is locked" in str(exc.orig)
