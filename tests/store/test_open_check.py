"""How much of the database is checked when it is opened."""

from desk_app.store import db as store_db
from desk_app.store.db import connect


def test_a_small_database_is_checked_whole_and_a_large_one_by_its_sequence_tables(
        tmp_path, monkeypatch):
    path = tmp_path / "desk.db"
    connect(path).close()
    assert store_db._checks(path) == ["PRAGMA quick_check"]
    monkeypatch.setattr(store_db, "FULL_CHECK_MAX_BYTES", 0)
    checks = store_db._checks(path)
    assert checks == [f"PRAGMA quick_check({table})"
                      for table in ("settings", "code_sequences", "ledger_sequences")]
    connect(path).close()  # each of them passes on a sound file
