"""Finding dossiers as the clerk types: the full-text index and its ranked queries.

The index (`dossier_search`, migration 4) is an FTS5 table with the `unicode61
remove_diacritics 2` tokenizer, so case and every Vietnamese tone and vowel mark (even the
double-marked ộ, ệ, ế) fold away inside SQLite. The one letter it cannot fold is đ/Đ (a letter of
its own, not a d with a mark), so the triggers that keep the index in step with `dossiers` turn
it into d, as `core.text.fold` does for the query. The index holds no copy of the text
(contentless): its rowid is the dossier's.

A query is split into words; each word becomes a phrase of its tokens with the last one a
prefix, so "ngu th" finds "Nguyễn Thị" and "261120-1003" finds that code. Results come in
tiers, each newest first (by rowid, the order dossiers were recorded): a whole code, ID number
or phone (or a code's last digits) equal to the query, then those fields starting with it, then
applicant names, then addresses and procedures.
"""

from __future__ import annotations

import re

from desk_app.core.text import fold

TABLE = "dossier_search"

# unicode61 keeps letters and digits together and splits on everything else.
_TOKEN = re.compile(r"[^\W_]+")


def _phrases(text: str, *, prefix: bool) -> list[str]:
    star = "*" if prefix else ""
    phrases = []
    for word in fold(text).split():
        tokens = _TOKEN.findall(word)
        if tokens:
            phrases.append(f'"{" ".join(tokens)}"{star}')
    return phrases


def tiers(text: str) -> list[str]:
    """The FTS5 match expressions for `text`, best tier first; none for a blank query."""
    exact, prefixed = _phrases(text, prefix=False), _phrases(text, prefix=True)
    if not prefixed:
        return []
    every = " AND ".join(prefixed)
    by_name = ["name : (" + every + ")", every]
    if not any(ch.isdigit() for ch in text):
        # Codes, ID numbers and phones all have digits: a query without any cannot be one,
        # and asking would cost a pass over every dossier's name tokens for nothing.
        return by_name
    return ["ids : (" + " AND ".join(exact) + ")", "ids : (" + every + ")", *by_name]


def _fold_sql(column: str) -> str:
    return f"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')"


def _values(row: str) -> str:
    """The indexed columns of a `dossiers` row (NEW or OLD in a trigger, or the table)."""
    return (
        f"{row}.code || ' ' || {row}.id_number || ' ' || {row}.phone, "
        f"{_fold_sql(f'{row}.applicant_name')}, "
        + _fold_sql(f"{row}.address || ' ' || {row}.procedure_code || ' ' || {row}.procedure_name")
    )


_DELETE_OLD = (
    f"INSERT INTO {TABLE} ({TABLE}, rowid, ids, name, other) "
    f"VALUES ('delete', OLD.rowid, {_values('OLD')});"
)
_INSERT_NEW = f"INSERT INTO {TABLE} (rowid, ids, name, other) VALUES (NEW.rowid, {_values('NEW')});"

# Migration 4: the index, the triggers that keep it in step on every write, and its first
# filling from the dossiers already kept. A state change touches none of the indexed columns,
# so it never rewrites the index. (VACUUM keeps these rowids: the table has no INTEGER
# PRIMARY KEY for it to renumber by, and SQLite copies rowids as they are.)
MIGRATION = [
    f"""CREATE VIRTUAL TABLE {TABLE} USING fts5(
        ids, name, other, content='', prefix='2 3',
        tokenize='unicode61 remove_diacritics 2')""",
    f"CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers BEGIN {_INSERT_NEW} END",
    f"""CREATE TRIGGER dossiers_search_update AFTER UPDATE OF code, applicant_name, id_number,
        phone, address, procedure_code, procedure_name ON dossiers
        BEGIN {_DELETE_OLD} {_INSERT_NEW} END""",
    f"CREATE TRIGGER dossiers_search_delete AFTER DELETE ON dossiers BEGIN {_DELETE_OLD} END",
    f"INSERT INTO {TABLE} (rowid, ids, name, other) SELECT rowid, {_values('dossiers')} "
    "FROM dossiers",
]
