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
import tempfile
from pathlib import Path
from xml.etree import ElementTree

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


def update_sources(drop_vanished: bool = False) -> None:
    """Merge the strings found in the UI sources into every .ts. A translated string that
    lupdate no longer finds is dropped only with `drop_vanished`: lupdate cannot see some
    shapes of call (a context held in a variable, some plural forms), and would silently take
    their translations away from the running app."""
    for ts in ts_files():
        language = ts.stem.removeprefix("desk_app_")
        with tempfile.TemporaryDirectory() as folder:
            updated = Path(folder) / ts.name
            shutil.copy2(ts, updated)
            subprocess.run(
                [qt_tool("lupdate"), *map(str, ui_sources()), "-ts", str(updated),
                 "-no-obsolete", "-locations", "none", "-source-language", SOURCE_LANGUAGE,
                 "-target-language", language, "-silent"],
                check=True,
            )
            vanished = sorted(translated_messages(ts) - translated_messages(updated))
            if vanished and not drop_vanished:
                raise VanishedStrings(ts, vanished)
            shutil.copy2(updated, ts)


class VanishedStrings(RuntimeError):
    def __init__(self, ts: Path, vanished: list[tuple[str, str]]):
        listed = "\n".join(f"  [{context}] {source}" for context, source in vanished)
        super().__init__(
            f"{ts.name}: lupdate no longer finds {len(vanished)} translated strings; nothing "
            f"was written. Make their calls visible to lupdate (a literal context), or pass "
            f"--drop-vanished if they are really gone:\n{listed}")


def translated_messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every message of `ts` that has a translation."""
    found = set()
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in ("vanished",
                                                                             "obsolete") and (
                    translation.text or list(translation)):
                found.add((name, message.findtext("source", "")))
    return found


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
    parser.add_argument("--drop-vanished", action="store_true",
                        help="let translated strings lupdate no longer finds be dropped")
    args = parser.parse_args(argv)
    if not args.compile:
        try:
            update_sources(args.drop_vanished)
        except VanishedStrings as exc:
            print(exc, file=sys.stderr)
            return 1
    for qm in compile_translations():
        print(qm.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
