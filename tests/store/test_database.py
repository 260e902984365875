"""The store's connection keeps the transaction rules the store was written under (those of
sqlite_utils, which it replaced): a lone write is committed at once, `atomic` commits or rolls
back its block, and a nested block undoes only itself."""

import sqlite3

import pytest

from desk_app.store.database import Database, first_keyword


@pytest.fixture
def paths(tmp_path):
    path = tmp_path / "t.db"
    db = Database(sqlite3.connect(path))
    db.execute("CREATE TABLE t (n INTEGER)")
    yield db, path
    db.close()


def seen_by_another_connection(path) -> list[int]:
    other = sqlite3.connect(path)
    try:
        return [n for (n,) in other.execute("SELECT n FROM t ORDER BY n")]
    finally:
        other.close()


def test_a_write_outside_a_transaction_is_committed_at_once(paths):
    db, path = paths
    db.execute("INSERT INTO t VALUES (?)", [1])
    assert not db.conn.in_transaction
    assert seen_by_another_connection(path) == [1]


def test_a_failed_lone_write_leaves_no_transaction_open(paths):
    db, path = paths
    db.execute("CREATE TABLE u (n INTEGER CHECK (n > 0))")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO u VALUES (0)")
    assert not db.conn.in_transaction


def test_atomic_commits_its_block_or_rolls_it_back(paths):
    db, path = paths
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        assert seen_by_another_connection(path) == []
    assert seen_by_another_connection(path) == [1]
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError
    assert seen_by_another_connection(path) == [1]
    assert not db.conn.in_transaction


def test_a_nested_block_that_fails_undoes_only_itself(paths):
    db, path = paths
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            raise RuntimeError
        with db.atomic():
            db.execute("INSERT INTO t VALUES (3)")
    assert seen_by_another_connection(path) == [1, 3]


def test_query_gives_rows_by_column_name_and_refuses_ambiguous_ones(paths):
    db, _ = paths
    db.execute("INSERT INTO t VALUES (7)")
    assert list(db.query("SELECT n, n * 2 AS twice FROM t WHERE n = ?", [7])) == [
        {"n": 7, "twice": 14}]
    with pytest.raises(ValueError):
        db.query("SELECT n, n FROM t")


def test_the_first_keyword_skips_blanks_and_comments():
    assert first_keyword("  -- why\n /* note */ ;begin") == "BEGIN"
    assert first_keyword("-- only a comment") == ""
