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
cannot be written raises StoreError, so the use case commits nothing.
The kept receipt PDFs, named after their codes, are a second witness if the file is lost.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from desk_app.core.codes import DossierCode, code_prefix, parse_code, sequence_of
from desk_app.core.errors import StoreError

WATERMARK_FILE = "ma-ho-so.json"
SLIP_FOLDER = "phieu"  # where services.printouts keeps every printed slip
_SECTIONS = ("codes", "ledger", "documents", "events")


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
    prefix = code_prefix(agency, day, counter)
    # Slips sit in phieu/YYYY/MM of the receipt day, named "<code>-<kind>[-n].pdf".
    folder = data_dir / SLIP_FOLDER / f"{day:%Y}" / f"{day:%m}"
    # The sequence: three digits, or more past 999 (core.codes), then the dash before the kind.
    pattern = re.compile(re.escape(prefix) + r"([0-9]{3,})-")
    printed = [
        sequence
        for path in folder.glob(f"{_glob_escape(prefix)}*.pdf")
        if (match := pattern.match(path.name)) and (sequence := sequence_of(match.group(1)))
    ]
    return max([recorded, *printed])


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


def reserve(data_dir: Path, *, agency: str, day: date, counter: int, sequence: int,
            book: int, ledger_number: int) -> None:
    """Reserve a code and ledger line about to be committed (never lowering what is
    recorded)."""
    _raise_to(data_dir, {("codes", _code_key(agency, day, counter)): sequence,
                         ("ledger", str(book)): ledger_number})


def reserve_event(data_dir: Path, device_id: str, seq: int, hash_: str) -> None:
    """Reserve the device's newest event number (with its hash, which the next event after a
    restore links to) about to be committed."""
    data = _read(data_dir)
    if data["events"].get(device_id, (0, ""))[0] < seq:
        data["events"][device_id] = [seq, hash_]
        _write_or_fail(data_dir, data)


def last_event(data_dir: Path, device_id: str) -> tuple[int, str] | None:
    """The device's newest event number ever reserved and its hash, if the file knows it."""
    found = _read(data_dir)["events"].get(device_id)
    return (found[0], found[1]) if found else None


def reserve_document(data_dir: Path, register: str, year: int, number: int) -> None:
    """Reserve the number of a register's document about to be committed."""
    _raise_to(data_dir, {("documents", _document_key(register, year)): number})


def _raise_to(data_dir: Path, numbers: dict[tuple[str, str], int]) -> None:
    """Raise each (section, key) to at least its number, durably, or fail: the caller's
    transaction must not commit a number this file does not hold."""
    data = _read(data_dir)
    for (section, key), number in numbers.items():
        data[section][key] = max(data[section].get(key, 0), number)
    _write_or_fail(data_dir, data)


def _write_or_fail(data_dir: Path, data: dict) -> None:
    try:
        _write(data_dir, data)
    except OSError as exc:
        raise StoreError(
            f"Không ghi được tệp {WATERMARK_FILE} trong {data_dir} ({exc}), nên chưa lưu: "
            "số đã cấp phải được ghi nhận trước. Kiểm tra ổ đĩa còn chỗ trống và quyền ghi, "
            "rồi lưu lại."
        ) from exc
