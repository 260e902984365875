"""Update the interface translations and compile them.

    python scripts/build_translations.py              # extract new strings, then compile
    python scripts/build_translations.py --compile    # compile only (CI, packaging)

Source strings are Vietnamese, in desk_app/ui/*.py. `lupdate` merges new and changed strings
into resources/i18n/desk_app_<lang>.ts, keeping the translations already there; a translator
fills them in (Qt Linguist, or any editor). `lrelease` compiles each .ts into the .qm the app
loads. The .qm files are generated: they are not kept in git.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6.QtCore

REPO = Path(__file__).resolve().parent.parent
UI_SOURCES = REPO / "desk_app" / "ui"
TRANSLATIONS = REPO / "resources" / "i18n"
SOURCE_LANGUAGE = "vi"


class ToolMissing(RuntimeError):
    pass


def qt_tool(name: str) -> str:
    """lupdate/lrelease as shipped inside the PySide6 wheel, else `pyside6-<name>` on PATH."""
    package = Path(PySide6.QtCore.__file__).resolve().parent
    for candidate in (package / name, package / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise ToolMissing(f"{name} not found: install PySide6-Essentials")


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("desk_app_*.ts"))


def ui_sources() -> list[Path]:
    return sorted(UI_SOURCES.rglob("*.py"))


def update_sources() -> None:
    """Merge the strings found in the UI sources into every .ts, dropping vanished ones."""
    for ts in ts_files():
        language = ts.stem.removeprefix("desk_app_")
        subprocess.run(
            [qt_tool("lupdate"), *map(str, ui_sources()), "-ts", str(ts), "-no-obsolete",
             "-locations", "none", "-source-language", SOURCE_LANGUAGE,
             "-target-language", language, "-silent"],
            check=True,
        )


def compile_translations(out_dir: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts into out_dir/desk_app_<lang>.qm; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in ts_files():
        qm = out_dir / f"{ts.stem}.qm"
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true",
                        help="only compile the .ts files, do not extract strings")
    args = parser.parse_args(argv)
    if not args.compile:
        update_sources()
    for qm in compile_translations():
        print(qm.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
