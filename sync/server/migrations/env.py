"""Alembic environment: always handed a connection by sync.server.database.upgrade()."""

from alembic import context

from sync.server.tables import metadata

connection = context.config.attributes["connection"]
# SQLite can alter few things in place; batch mode copies the table instead.
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
