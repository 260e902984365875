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

from datetime import date, timedelta
from pathlib import Path

from desk_app.core.clock import iso, to_vn
from desk_app.core.codes import code_prefix, make_code, sort_key
from desk_app.core.counter import CounterSetup
from desk_app.core.validation import Issue, error
from desk_app.services.context import DB_FILE, Access, Context, use_case
from desk_app.store import backup, issued_codes, sequences, settings

ACKNOWLEDGED_KEY = "witnesses_acknowledged"  # code prefix -> the sequence known to be lost
REUSED_KEY = "setup_reused_codes"  # the admin's choices to set up again with issued codes
REUSE_FIELD = "reuse_issued"


@use_case(Access.OPEN)
def missing_codes(ctx: Context) -> list[str]:
    """Codes the witnesses show were issued that no dossier here carries, in order: every kept
    receipt's code, and the numbers above the database's highest up to the file's (the very
    last may only have been reserved by a receipt interrupted before it was saved)."""
    return missing(ctx.db, ctx.data_dir)


def _slips_since(db) -> date | None:
    """From which month the kept slips are read. A database behind its witnesses lost its
    newest dossiers (the end of a damaged WAL, a restore of an older backup): their receipts
    are filed under the months of their reception, from the newest the database still holds
    on; a month before it covers a clock set wrong. The older slips, millions on a large
    counter, are not listed at every start. With no dossier at all, every slip is read."""
    newest = sequences.newest_reception(db)
    if newest is None:
        return None
    return (to_vn(newest) - timedelta(days=31)).date()


def missing(db, data_dir) -> list[str]:
    known = settings.load(db).get(ACKNOWLEDGED_KEY, {})
    found: set[str] = set()
    kept = issued_codes.printed_codes(data_dir, _slips_since(db))
    for (agency, day, counter), highest in issued_codes.witnessed(data_dir, kept).items():
        prefix = code_prefix(agency, day, counter)
        after = max(known.get(prefix, 0), sequences.highest_in_table(db, agency, day, counter))
        found.update(str(make_code(agency, day, counter, n)) for n in range(after + 1, highest + 1))
    printed = [str(code) for code in kept if code.sequence > known.get(code.prefix, 0)]
    found.update(set(printed) - sequences.present_codes(db, printed))
    return sorted(found, key=sort_key)


@use_case(Access.OPEN)
def acknowledge_missing_codes(ctx: Context) -> None:
    """The admin was told and chose to go on with this database."""
    acknowledge(ctx.db, ctx.data_dir)


def acknowledge(db, data_dir) -> None:
    """Record the witnesses' numbers as known here, in the caller's transaction."""
    known = settings.load(db).get(ACKNOWLEDGED_KEY, {})
    kept = issued_codes.printed_codes(data_dir, _slips_since(db))
    for (agency, day, counter), highest in issued_codes.witnessed(data_dir, kept).items():
        prefix = code_prefix(agency, day, counter)
        known[prefix] = max(known.get(prefix, 0), highest)
    settings.save(db, {ACKNOWLEDGED_KEY: known})


def database_lost(data_dir: Path) -> bool:
    """Whether the database file is missing or empty although this folder shows the counter
    has worked (the witnesses of issued codes, or backups): opening it would start a new,
    empty counter, so the restore must be offered first."""
    live = Path(data_dir) / DB_FILE
    if live.exists() and live.stat().st_size > 0:
        return False
    return (issued_codes.any_witness(Path(data_dir))
            or bool(backup.listed(Path(data_dir) / backup.BACKUP_FOLDER)))


def _last_issued(data_dir: Path, setup: CounterSetup) -> str | None:
    """The newest code the witnesses show for this setup's agency and counter number."""
    issued = [(day, highest) for (agency, day, counter), highest
              in issued_codes.witnessed(data_dir, issued_codes.printed_codes(data_dir)).items()
              if agency == setup.agency_code and counter == setup.counter_number]
    if not issued:
        return None
    day, highest = max(issued)
    return str(make_code(setup.agency_code, day, setup.counter_number, highest))


def reuse_issues(data_dir: Path, setup: CounterSetup, confirmed: bool) -> list[Issue]:
    """A new setup that would issue codes under an agency code and counter number this folder
    shows were used: refused unless the admin confirms it (after declining the restore)."""
    last = _last_issued(data_dir, setup)
    if last is None or confirmed:
        return []
    return [error(REUSE_FIELD, (
        f"Máy này đã cấp mã hồ sơ với mã đơn vị {setup.agency_code}, quầy số "
        f"{setup.counter_number} (mã cuối: {last}). Hãy thoát và mở lại phần mềm để khôi phục "
        "bản sao lưu; chỉ đánh dấu dùng lại nếu chắc chắn (mã mới vẫn tiếp sau mã cuối)."))]


def record_reuse(ctx: Context, setup: CounterSetup, username: str) -> None:
    """Keep, in the new database, who chose to set up again with codes already issued."""
    last = _last_issued(ctx.data_dir, setup)
    if last is None:
        return
    reused = settings.load(ctx.db).get(REUSED_KEY, [])
    reused.append({"at": iso(ctx.now()), "by": username, "agency_code": setup.agency_code,
                   "counter_number": setup.counter_number, "last_code": last})
    settings.save(ctx.db, {REUSED_KEY: reused})
