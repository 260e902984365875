"""Time from "save" to the dossier committed, and to its receipt PDF written.

    .venv/bin/python bench/receive_and_print.py [--runs 30]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from desk_app.services.app import Services
from desk_app.services.demo import demo_draft, log_in_to_demo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        services = Services(Path(folder))
        log_in_to_demo(services, "lan.nt")
        procedure = services.procedure("1.004222")
        rng = random.Random(1)
        # The first receipt registers the fonts: a once-per-process cost, measured apart.
        started = time.perf_counter()
        services.receipt_pdf(services.receive(demo_draft(rng, procedure), accept_warnings=True).uuid)
        first = time.perf_counter() - started
        receive, render, total = [], [], []
        for _ in range(args.runs):
            draft = demo_draft(rng, procedure)
            t0 = time.perf_counter()
            dossier = services.receive(draft, accept_warnings=True)
            t1 = time.perf_counter()
            services.receipt_pdf(dossier.uuid)
            t2 = time.perf_counter()
            receive.append(t1 - t0)
            render.append(t2 - t1)
            total.append(t2 - t0)
        services.close()
    ms = 1000
    print(f"first_save_to_pdf {first * ms:.1f} ms")
    print(f"receive_median {statistics.median(receive) * ms:.1f} ms")
    print(f"receipt_pdf_median {statistics.median(render) * ms:.1f} ms")
    print(f"save_to_pdf_median {statistics.median(total) * ms:.1f} ms")
    print(f"save_to_pdf_max {max(total) * ms:.1f} ms")
    print(f"runs {args.runs} count")


if __name__ == "__main__":
    main()
