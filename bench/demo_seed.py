"""Time to build the living demo counter (36 dossiers and their days), which a newcomer's first
`bash scripts/dev.sh run` waits for; the target is under a second.

    .venv/bin/python bench/demo_seed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from desk_app.services.app import Services
from desk_app.services.demo import seed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seconds = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            services = Services(Path(folder) / str(run))
            started = time.perf_counter()
            seed(services, living=True)
            seconds.append(time.perf_counter() - started)
            services.close()
    print(f"living_demo_seed_median {statistics.median(seconds) * 1000:.0f} ms")
    print(f"living_demo_seed_max {max(seconds) * 1000:.0f} ms")
    print(f"runs {args.runs} count")


if __name__ == "__main__":
    main()
