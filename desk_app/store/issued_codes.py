"""The highest numbers ever issued, kept outside the database so a restore cannot forget them.

Restoring an older backup brings back an older dossiers table and sequence table: codes issued
after that backup (printed on receipts the citizens hold, perhaps synced) are not in it. The
file `ma-ho-so.json` beside the database records the highest daily code sequence per agency,
day and counter, and the highest ledger line per book, each written as the number is issued.
The kept receipt PDFs, named after their codes, are a second witness if the file is lost.
"""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import date
from pathlib import Path

from desk_app.core.codes import code_prefix, sequence_of

log = logging.getLogger(__name__)

WATERMARK_FILE = "ma-ho-so.json"
SLIP_FOLDER = "phieu"  # where services.printouts keeps every printed slip


def _code_key(agency: str, day: date, counter: int) -> str:
    return f"{agency}|{day.isoformat()}|{counter}"


def _read(data_dir: Path) -> dict:
    try:
        data = json.loads((data_dir / WATERMARK_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {"codes": {}, "ledger": {}}
    return {"codes": dict(data.get("codes", {})), "ledger": dict(data.get("ledger", {}))}


def _write(data_dir: Path, data: dict) -> None:
    # Written beside, flushed, then renamed over: a power cut leaves the old file or the new.
    path = data_dir / WATERMARK_FILE
    temporary = path.with_suffix(".tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, sort_keys=True, indent=1)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


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


def record(data_dir: Path, *, agency: str, day: date, counter: int, sequence: int,
           book: int, ledger_number: int) -> None:
    """Remember a code and ledger line just issued (never lowering what is recorded). The
    dossier is already saved: a file that cannot be written is logged, not reported as a
    failed receipt (the clerk would receive the dossier twice); the slips remain witnesses."""
    data = _read(data_dir)
    key = _code_key(agency, day, counter)
    data["codes"][key] = max(data["codes"].get(key, 0), sequence)
    data["ledger"][str(book)] = max(data["ledger"].get(str(book), 0), ledger_number)
    try:
        _write(data_dir, data)
    except OSError:
        log.exception("could not record issued code %s-%s in %s", key, sequence, data_dir)
