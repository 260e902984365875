"""The database compared with what outside it shows was issued (store.issued_codes: the file
ma-ho-so.json and the kept receipt PDFs), at start.

A failing disk can drop the last transactions of the WAL without SQLite noticing (a damaged
frame ends the log there), and a database file deleted or emptied opens as a new one: either
way dossiers whose receipts the citizens hold are gone without a word. The witnesses name
them, so the admin is told which codes are missing and offered the newest backup.

What the admin has been told once is not asked again: a restore (which loses the dossiers
after the backup on purpose) or the admin's choice to go on records the witnesses' numbers as
known in the database.
"""

from __future__ import annotations

from desk_app.core.codes import code_prefix, make_code, sort_key
from desk_app.services.context import Access, Context, use_case
from desk_app.store import issued_codes, sequences, settings

ACKNOWLEDGED_KEY = "witnesses_acknowledged"  # code prefix -> the sequence known to be lost


@use_case(Access.OPEN)
def missing_codes(ctx: Context) -> list[str]:
    """Codes the witnesses show were issued that no dossier here carries, in order: every kept
    receipt's code, and the numbers above the database's highest up to the file's (the very
    last may only have been reserved by a receipt interrupted before it was saved)."""
    return missing(ctx.db, ctx.data_dir)


def missing(db, data_dir) -> list[str]:
    known = settings.load(db).get(ACKNOWLEDGED_KEY, {})
    found: set[str] = set()
    for (agency, day, counter), highest in issued_codes.witnessed(data_dir).items():
        prefix = code_prefix(agency, day, counter)
        after = max(known.get(prefix, 0), sequences.highest_in_table(db, agency, day, counter))
        found.update(str(make_code(agency, day, counter, n)) for n in range(after + 1, highest + 1))
    printed = [str(code) for code in issued_codes.printed_codes(data_dir)
               if code.sequence > known.get(code.prefix, 0)]
    found.update(set(printed) - sequences.present_codes(db, printed))
    return sorted(found, key=sort_key)


@use_case(Access.OPEN)
def acknowledge_missing_codes(ctx: Context) -> None:
    """The admin was told and chose to go on with this database."""
    acknowledge(ctx.db, ctx.data_dir)


def acknowledge(db, data_dir) -> None:
    """Record the witnesses' numbers as known here, in the caller's transaction."""
    known = settings.load(db).get(ACKNOWLEDGED_KEY, {})
    for (agency, day, counter), highest in issued_codes.witnessed(data_dir).items():
        prefix = code_prefix(agency, day, counter)
        known[prefix] = max(known.get(prefix, 0), highest)
    settings.save(db, {ACKNOWLEDGED_KEY: known})
