"""What a backup costs once the digitised files are backed up (issue 16).

    .venv/bin/python bench/backup_files.py [--files 1000] [--kb 100] [--runs 5]

A fresh demo data folder gets `--files` files of `--kb` KB each under <data>/files (random
bytes named by their hash, as store.files keeps them), and a first backup copies them all into
the backup folder. Then each timed run is `back_up_now()` as the app's timer calls it: the
database copy with its quick_check, the listing of both folders (nothing new to copy) and the
thinning. The same backup with no files at all is the floor.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.timing import timed
from desk_app.services import backups
from desk_app.services.app import Services
from desk_app.services.demo import log_in_to_demo, seed
from desk_app.store import files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--kb", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        services = Services(Path(folder))
        seed(services)
        log_in_to_demo(services)
        floor = timed(services.back_up_now, args.runs)
        for _ in range(args.files):
            files.write(services.data_dir, os.urandom(args.kb * 1000))
        started = time.perf_counter()
        services.back_up_now()
        first = time.perf_counter() - started
        again = timed(services.back_up_now, args.runs)
        backed_up = len(list((backups.folder(services.data_dir) / files.FOLDER).glob("*/*.pdf")))
        services.close()
    print(f"backup, no files:                         {floor:.3f} s (median of {args.runs})")
    print(f"first backup copying {args.files} files of {args.kb} KB: {first:.3f} s")
    print(f"backup with them already backed up:       {again:.3f} s (median of {args.runs}); "
          f"{backed_up} files in the backup folder")


if __name__ == "__main__":
    main()
