"""The highest numbers ever issued, kept outside the database so a restore cannot forget them.

Restoring an older backup brings back an older dossiers table and sequence table: codes issued
after that backup (printed on receipts the citizens hold, perhaps synced) are not in it. The
file `ma-ho-so.json` beside the database records the highest daily code sequence per agency,
day and counter, the highest ledger line per book and the highest number of each register of
numbered documents per year (the apology letters of form 04), and this device's newest event
number in the journal with its hash (store.journal: the chain resumes after it).

A number is reserved here, durably, before the transaction that uses it commits: a crash at any
instant leaves either a reservation whose dossier never committed (that number is skipped, which
is allowed) or both, never a committed number that the file does not know. A reservation that
cannot be written raises StoreError, so the use case commits nothing. What one transaction
reserves (a code, its ledger line, the journal's new tip) is written at once: each write costs
two fsyncs (the file, then its folder for the rename).
The kept receipt PDFs, named after their codes, are a second witness if the file is lost.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from desk_app.core.codes import DossierCode, code_prefix, parse_code, sequence_of
from desk_app.core.errors import StoreError

WATERMARK_FILE = "ma-ho-so.json"
SLIP_FOLDER = "phieu"  # where services.printouts keeps every printed slip
_SECTIONS = ("codes", "ledger", "documents", "events")

# Numbers to reserve: (section, key) -> the number issued.
Numbers = dict[tuple[str, str], int]


def _code_key(agency: str, day: date, counter: int) -> str:
    return f"{agency}|{day.isoformat()}|{counter}"


def _read(data_dir: Path) -> dict:
    try:
        data = json.loads((data_dir / WATERMARK_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        data = {}
    return {section: dict(data.get(section, {})) for section in _SECTIONS}


def _write(data_dir: Path, data: dict) -> None:
    # Written beside, flushed, then renamed over: a power cut leaves the old file or the new.
    path = data_dir / WATERMARK_FILE
    temporary = path.with_suffix(".tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, sort_keys=True, indent=1)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    sync_folder(data_dir)


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable: until the folder's entry is on disk a power cut may
    bring back the old file. (Windows cannot open a folder; NTFS journals the rename.)"""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def highest_code(data_dir: Path, agency: str, day: date, counter: int) -> int:
    """The highest sequence issued for this agency, day and counter, by the file or by the
    names of kept slips."""
    recorded = _read(data_dir)["codes"].get(_code_key(agency, day, counter), 0)
    return max(recorded, _highest_printed(data_dir, agency, day, counter))


def _slip_month(data_dir: Path, day: date) -> Path:
    """Slips sit in phieu/YYYY/MM of the receipt day, named "<code>-<kind>[-n].pdf"."""
    return data_dir / SLIP_FOLDER / f"{day:%Y}" / f"{day:%m}"


def _state(folder: Path) -> tuple[int, int] | None:
    """What changes when a name is added to, removed from or renamed in `folder`, or the
    folder is made again (a copy put back): its modification time and identity."""
    try:
        found = os.stat(folder)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_ino


# The highest printed sequence per (slip month folder, code prefix), with the folder's state
# when it was listed. Listing a month of slips (thousands of files at a busy counter) took
# milliseconds of every receipt; a folder in the state it was listed in holds the same names.
# Slips this process writes keep the entry (`keep_slip`); any other change to the folder (a
# copy of the slips put back, a file removed by hand) makes the next receipt list it again.
# (Unseen only if another program changes the folder within the file system's time resolution
# of the rename `keep_slip` just made, and even then ma-ho-so.json still holds every code
# reserved; a new process lists the folder again.)
_printed: dict[tuple[Path, str], tuple[tuple[int, int] | None, int]] = {}


def _highest_printed(data_dir: Path, agency: str, day: date, counter: int) -> int:
    folder = _slip_month(data_dir, day)
    prefix = code_prefix(agency, day, counter)
    state = _state(folder)  # before listing: a change while listing shows as a new state
    remembered = _printed.get((folder, prefix))
    if remembered is not None and remembered[0] == state:
        return remembered[1]
    # The sequence: three digits, or more past 999 (core.codes), then the dash before the kind.
    pattern = re.compile(re.escape(prefix) + r"([0-9]{3,})-")
    highest = max([0, *(
        sequence
        for path in folder.glob(f"{_glob_escape(prefix)}*.pdf")
        if (match := pattern.match(path.name)) and (sequence := sequence_of(match.group(1)))
    )])
    _printed[(folder, prefix)] = (state, highest)
    return highest


def keep_slip(path: Path, write: Callable[[Path], object]) -> None:
    """Write a kept slip at `path` (`write` makes the file) so that this process's memory of
    the folder's printed codes stays valid: written under a name outside the slips' pattern,
    then renamed into place between two looks at the folder. If the folder was in the state
    remembered just before the rename, it holds what was listed and this slip."""
    # In phieu/, beside the month folders: writing it must not change the month's folder.
    temporary = path.parent.parent.parent / f".{path.name}.tmp"
    path.parent.mkdir(parents=True, exist_ok=True)
    write(temporary)
    folder = path.parent
    before = _state(folder)
    try:
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    after = _state(folder)
    match = _SLIP_CODE.match(path.name)
    code = parse_code(match.group(1)) if match else None
    for (place, prefix), (state, highest) in list(_printed.items()):
        if place != folder:
            continue
        if state != before:
            del _printed[(place, prefix)]  # changed by someone else: list it again
            continue
        if code is not None and code.prefix == prefix:
            highest = max(highest, code.sequence)
        _printed[(place, prefix)] = (after, highest)


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def highest_ledger(data_dir: Path, book: int) -> int:
    return _read(data_dir)["ledger"].get(str(book), 0)


def highest_document(data_dir: Path, register: str, year: int) -> int:
    return _read(data_dir)["documents"].get(_document_key(register, year), 0)


def _document_key(register: str, year: int) -> str:
    return f"{register}|{year}"


def printed_codes(data_dir: Path, since: date | None = None) -> set[DossierCode]:
    """The codes of the kept slips (phieu/YYYY/MM/<code>-<kind>[-n].pdf): each was issued.
    With `since`, only the folders of its month and later: a large counter keeps a receipt per
    dossier, millions of files that take minutes to list."""
    found = set()
    for path in _slip_files(data_dir, since):
        match = _SLIP_CODE.match(path.name)
        if match and (code := parse_code(match.group(1))):
            found.add(code)
    return found


def _slip_files(data_dir: Path, since: date | None) -> Iterator[Path]:
    top = data_dir / SLIP_FOLDER
    if since is None:
        yield from top.glob("*/*/*.pdf")
        return
    for year in _numbered(top):
        for month in _numbered(year):
            if (int(year.name), int(month.name)) >= (since.year, since.month):
                yield from month.glob("*.pdf")


def _numbered(folder: Path) -> list[Path]:
    """The subfolders named by a number (a year, a month); none if `folder` is missing."""
    if not folder.is_dir():
        return []
    return [child for child in folder.iterdir() if child.is_dir() and child.name.isdigit()]


# A slip's name: the code (agency, day, counter digit and sequence), a dash, the kind.
_SLIP_CODE = re.compile(r"^([^-]+-[0-9]{6}-[1-9](?:[0-9]{3}|[1-9][0-9]{3,}))-")


def witnessed(data_dir: Path, printed: set[DossierCode]) -> dict[tuple[str, date, int], int]:
    """The highest sequence issued per (agency, day, counter), by the file and the kept slips
    the caller read (`printed_codes`): what the database must hold up to, unless a restore or
    a choice said otherwise."""
    highest: dict[tuple[str, date, int], int] = {}
    for key, sequence in _read(data_dir)["codes"].items():
        agency, day, counter = key.split("|")
        place = (agency, date.fromisoformat(day), int(counter))
        highest[place] = max(highest.get(place, 0), sequence)
    for code in printed:
        place = (code.agency, code.day, code.counter)
        highest[place] = max(highest.get(place, 0), code.sequence)
    return highest


def any_witness(data_dir: Path) -> bool:
    """Whether anything outside the database shows this folder's counter has issued codes."""
    return (data_dir / WATERMARK_FILE).exists() or any(
        _SLIP_CODE.match(path.name) for path in _slip_files(data_dir, None))


def code_numbers(*, agency: str, day: date, counter: int, sequence: int, book: int,
                 ledger_number: int) -> Numbers:
    """A dossier's code and ledger line, to reserve."""
    return {("codes", _code_key(agency, day, counter)): sequence,
            ("ledger", str(book)): ledger_number}


def document_numbers(register: str, year: int, number: int) -> Numbers:
    """The number of a register's document, to reserve."""
    return {("documents", _document_key(register, year)): number}


def reserve(data_dir: Path, numbers: Numbers,
            event: tuple[str, int, str] | None = None) -> None:
    """Reserve numbers about to be committed and, with `event` (device, number, hash: the
    hash is what the next event after a restore links to), the device's newest event number,
    in one durable write, never lowering what is recorded; no write if nothing rises."""
    data = _read(data_dir)
    raised = False
    for (section, key), number in numbers.items():
        if data[section].get(key, 0) < number:
            data[section][key] = number
            raised = True
    if event is not None:
        device_id, seq, hash_ = event
        if data["events"].get(device_id, (0, ""))[0] < seq:
            data["events"][device_id] = [seq, hash_]
            raised = True
    if raised:
        _write_or_fail(data_dir, data)


def last_event(data_dir: Path, device_id: str) -> tuple[int, str] | None:
    """The device's newest event number ever reserved and its hash, if the file knows it."""
    found = _read(data_dir)["events"].get(device_id)
    return (found[0], found[1]) if found else None


def _write_or_fail(data_dir: Path, data: dict) -> None:
    try:
        _write(data_dir, data)
    except OSError as exc:
        raise StoreError(
            f"Không ghi được tệp {WATERMARK_FILE} trong {data_dir} ({exc}), nên chưa lưu: "
            "số đã cấp phải được ghi nhận trước. Kiểm tra ổ đĩa còn chỗ trống và quyền ghi, "
            "rồi lưu lại."
        ) from exc
