"""The local SQLite database: migrations, queries, the outbox."""
