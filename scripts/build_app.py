"""Build the one-folder counter app with PyInstaller, then smoke-test the result.

    python scripts/build_app.py [--dist DIR] [--no-smoke]

Steps: compile the translations, run build.spec, then run the built executable headless with
`--self-test OUT.pdf` (it must exit 0 and write the receipt and the digitised sample page,
OUT-scan.pdf). Prints `<name> <value> <unit>`
lines: the folder's size and the frozen self-test time. Needs `pip install -e '.[build]'`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def folder_size(path: Path) -> int:
    # PyInstaller links shared libraries on Linux: count each file once.
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build(dist: Path, work: Path) -> Path:
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_translations.py"), "--compile"],
                   check=True)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(REPO / "build.spec")],
        check=True, cwd=REPO,
    )
    return dist / "desk-app"


def smoke_test(folder: Path) -> float:
    executable = folder / ("desk-app.exe" if os.name == "nt" else "desk-app")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "receipt.pdf"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESK_APP_DATA": scratch}
        started = time.perf_counter()
        result = subprocess.run([str(executable), "--self-test", str(out)], env=env,
                                capture_output=True, text=True, timeout=120)
        elapsed = time.perf_counter() - started
        scan = out.with_name("receipt-scan.pdf")  # the sample page digitised to PDF/A-2b
        if result.returncode != 0 or any(not f.is_file() or f.stat().st_size == 0
                                         for f in (out, scan)):
            raise SystemExit(f"smoke test failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--work", type=Path, default=REPO / "build")
    parser.add_argument("--no-smoke", action="store_true")
    args = parser.parse_args()
    folder = build(args.dist, args.work)
    print(f"build_folder_size {folder_size(folder) / 2**20:.1f} MiB")
    if not args.no_smoke:
        print(f"frozen_self_test {smoke_test(folder):.2f} s")


if __name__ == "__main__":
    main()
