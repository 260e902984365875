"""Schema migrations: an empty database upgrades to head, and head is exactly tables.py."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from sync.server import database, tables


def test_an_empty_database_upgrades_to_the_schema_the_code_uses(hub_db_url):
    engine = database.open_engine(hub_db_url)
    try:
        assert inspect(engine).get_table_names() == []

        database.upgrade(engine)
        database.upgrade(engine)  # a second run (every start does one) changes nothing

        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            head = ScriptDirectory.from_config(database.alembic_config()).get_current_head()
            assert context.get_current_revision() == head
            assert compare_metadata(context, tables.metadata) == []
        assert set(inspect(engine).get_table_names()) == set(tables.metadata.tables) | {
            "alembic_version"}
    finally:
        engine.dispose()


def test_migrations_form_one_line():
    scripts = ScriptDirectory.from_config(database.alembic_config())
    assert len(scripts.get_heads()) == 1
    assert [s.revision for s in scripts.walk_revisions()][-1] == "0001"
