"""Time a 2,000-line ledger PDF under the 2018 and the 2025 forms (the 2025 head is grouped and
numbered on every page) and 1,000 due-time computations: the figures timed unit tests used to
assert, which failed whenever the machine was busy.

    .venv/bin/python bench/ledger_render.py [--runs 3]

The ledger lines are the printing tests' own samples, so both measure the same book.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.core.calendar import WorkCalendar
from desk_app.core.clock import VN_TZ
from desk_app.core.model import ProcessingTime, TimeUnit
from desk_app.printing.ledger import render_ledger
from tests.printing.samples import LEDGER_FROM, LEDGER_TO, OFFICE, ledger_lines

TO_2025_FORMS = timedelta(days=365)  # August 2026: the 2025 set is in force


def median_seconds(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    lines = ledger_lines(2000)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "ledger.pdf"
        for name, shift in (("2018", timedelta(0)), ("2025", TO_2025_FORMS)):
            seconds = median_seconds(args.runs, lambda shift=shift: render_ledger(
                lines, OFFICE, LEDGER_FROM + shift, LEDGER_TO + shift, out))
            print(f"ledger_2000_lines_{name}_forms {seconds * 1000:.0f} ms")
    calendar = WorkCalendar()
    rng = random.Random(1)
    start = datetime(2025, 1, 1, 8, tzinfo=VN_TZ)
    cases = [(start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60)),
              ProcessingTime(rng.randrange(1, 30), TimeUnit.WORKING_DAYS)) for _ in range(1000)]
    calendar.due_time(*cases[0])  # the holiday tables are loaded once per year
    seconds = median_seconds(args.runs, lambda: [calendar.due_time(*case) for case in cases])
    print(f"due_times_1000 {seconds * 1000:.0f} ms")
    print(f"runs {args.runs} count")


if __name__ == "__main__":
    main()
