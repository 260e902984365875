"""Time a ledger PDF of about 2,000 lines under the 2018 and the 2025 forms (the 2025 head is
grouped and numbered on every page) and 1,000 due-time computations: the figures timed unit
tests used to assert, which failed whenever the machine was busy.

    .venv/bin/python bench/ledger_render.py [--runs 3]

The lines are a real counter's: `generate.py` fills one for each form set, a year of 2,000
dossiers ending before and after the 2025 forms took effect.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from generate import generate  # bench/ is this script's folder
from timing import timed

from desk_app.core.calendar import WorkCalendar
from desk_app.core.clock import VN_TZ
from desk_app.core.model import ProcessingTime, TimeUnit
from desk_app.printing.ledger import render_ledger
from desk_app.services.app import DB_FILE, Services
from desk_app.services.demo import log_in_to_demo

LINES = 2000
# The last day of each book: the 2018 forms still, then the 2025 forms.
BOOK_ENDS = {"2018": datetime(2025, 8, 29, 17, tzinfo=VN_TZ),
             "2025": datetime(2026, 8, 28, 17, tzinfo=VN_TZ)}


def ledger_ms(folder: Path, forms: str, runs: int) -> tuple[int, float]:
    """The book's line count and its PDF's median render time."""
    end = BOOK_ENDS[forms]
    data = folder / forms
    generate(data / DB_FILE, LINES, years=1, now=end)
    services = Services(data)
    log_in_to_demo(services)
    first = (end - timedelta(days=366)).date()
    lines = services.ledger(first, end.date())
    office = services.counter_setup().office
    seconds = timed(lambda: render_ledger(lines, office, first, end.date(),
                                          folder / f"{forms}.pdf"), runs)
    services.close()
    return len(lines), seconds * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for forms in BOOK_ENDS:
            lines, ms = ledger_ms(Path(folder), forms, args.runs)
            print(f"ledger_{forms}_forms_lines {lines} count")
            print(f"ledger_{forms}_forms_render {ms:.0f} ms")
    calendar = WorkCalendar()
    rng = random.Random(1)
    start = datetime(2025, 1, 1, 8, tzinfo=VN_TZ)
    cases = [(start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60)),
              ProcessingTime(rng.randrange(1, 30), TimeUnit.WORKING_DAYS)) for _ in range(1000)]
    calendar.due_time(*cases[0])  # the holiday tables are loaded once per year
    seconds = timed(lambda: [calendar.due_time(*case) for case in cases], args.runs)
    print(f"due_times_1000 {seconds * 1000:.0f} ms")
    print(f"runs {args.runs} count")


if __name__ == "__main__":
    main()
