"""The start-up comparison of the database with its witnesses (services.witnesses: the kept
receipt PDFs and ma-ho-so.json) on a large counter, whose folder holds a receipt for every
dossier.

    .venv/bin/python bench/witness_check.py --data DIR [--runs 5]

DIR is a counter folder made by `bench/generate.py --data DIR`; the first run adds an empty
receipt file under phieu/YYYY/MM/ for every dossier (names as the app gives them), as a
counter that has printed each receipt has. The floor is the same database's open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import timed  # bench/ is this script's folder

from desk_app.core.clock import parse_iso, to_vn
from desk_app.services.app import Services
from desk_app.services.demo import log_in_to_demo


def make_slips(services: Services, data: Path) -> int:
    folder = data / "phieu"
    if folder.exists():
        return sum(1 for _ in folder.glob("*/*/*.pdf"))
    made = 0
    for code, received_at in services.db.execute(
            "SELECT code, received_at FROM dossiers WHERE code IS NOT NULL"):
        at = to_vn(parse_iso(received_at))
        month = folder / f"{at:%Y}" / f"{at:%m}"
        month.mkdir(parents=True, exist_ok=True)
        (month / f"{code}-tiep-nhan.pdf").touch()
        made += 1
    return made


def open_and_check(data: Path) -> None:
    services = Services(data)
    services.missing_codes()
    services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    services = Services(args.data)
    log_in_to_demo(services)
    slips = make_slips(services, args.data)
    missing = services.missing_codes()
    services.close()
    opened = timed(lambda: Services(args.data).close(), args.runs) * 1000
    checked = timed(lambda: open_and_check(args.data), args.runs) * 1000
    print(f"slips {slips} count")
    print(f"missing_codes_found {len(missing)} count")
    print(f"open_floor {opened:.0f} ms")
    print(f"open_and_witness_check {checked:.0f} ms")
    print(f"witness_check_over_floor {checked / opened:.1f} x")


if __name__ == "__main__":
    main()
