"""Pages captured but not yet saved, kept on disk as they arrive, so a power cut between the
scan and the save loses nothing: at the next start `leftovers` offers them back.

One folder per draft or dossier under `<data>/scan_spool/`. Each page's bytes are a file named
by their SHA-256 (written once, to a temp name, fsync'd, renamed); `index.json` lists the pages
in order with their settings and is replaced the same way, so after a cut the folder holds
either the old list or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from desk_app.scanning.pages import Page

SPOOL_DIR = "scan_spool"
INDEX = "index.json"


def spool_folder(data_dir: str | Path, key: str) -> Path:
    """The folder for a draft's or a dossier's pages (`key` made safe as a file name)."""
    safe = re.sub(r"[^0-9A-Za-z._-]", "_", key).strip(".") or "_"
    return Path(data_dir) / SPOOL_DIR / safe


class Spool:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    @property
    def key(self) -> str:
        return self.folder.name

    def add(self, page: Page) -> None:
        self.replace([*self.pages(), page])

    def replace(self, pages: Iterable[Page]) -> None:
        """The spool now holds `pages`, in this order (after a reorder, rotation, deletion)."""
        pages = list(pages)
        self.folder.mkdir(parents=True, exist_ok=True)
        entries = []
        for page in pages:
            name = hashlib.sha256(page.data).hexdigest()
            if not (self.folder / name).exists():
                _write_durably(self.folder / name, page.data)
            entries.append({"file": name, "dpi": page.dpi, "mode": page.mode,
                            "rotation": page.rotation, "sticky_note": page.sticky_note})
        _write_durably(self.folder / INDEX, json.dumps(entries).encode())
        kept = {entry["file"] for entry in entries} | {INDEX}
        for path in self.folder.iterdir():
            if path.name not in kept:
                path.unlink()

    def pages(self) -> list[Page]:
        try:
            entries = json.loads((self.folder / INDEX).read_text())
        except (OSError, ValueError):
            return []
        pages = []
        for entry in entries:
            try:
                data = (self.folder / entry["file"]).read_bytes()
            except OSError:
                continue  # a page file lost with the disk: offer the rest
            pages.append(Page(data, entry["dpi"], entry["mode"], entry["rotation"],
                              entry["sticky_note"]))
        return pages

    def discard(self) -> None:
        """The pages are saved (or the clerk threw them away): nothing to offer back."""
        shutil.rmtree(self.folder, ignore_errors=True)


def leftovers(data_dir: str | Path) -> list[Spool]:
    """Spools left by a run that ended before saving, with at least one page in them."""
    root = Path(data_dir) / SPOOL_DIR
    if not root.is_dir():
        return []
    spools = (Spool(folder) for folder in sorted(root.iterdir()) if folder.is_dir())
    return [spool for spool in spools if spool.pages()]


def _write_durably(path: Path, data: bytes) -> None:
    temp = path.with_name(path.name + ".tmp")
    with open(temp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)
    if hasattr(os, "O_DIRECTORY"):  # the rename itself survives a cut (POSIX only)
        fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
