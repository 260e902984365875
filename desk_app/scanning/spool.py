"""Pages captured but not yet saved, kept on disk as they arrive, so a power cut between the
scan and the save loses nothing: `leftovers` finds them for the window that offers them back.

One folder per spool under `<data>/scan_spool/<place>/`, where the place says which window
spooled it and so which one offers it back: the receive form's lines (FORM_SPOOLS) or the
documents digitised later into a dossier (DOSSIER_SPOOLS); neither offers the other's pages.
Each page's bytes are a file named by their SHA-256 (written once, to a temp name, fsync'd, renamed); `index.json` lists the pages
in order with their settings and is replaced the same way, so after a cut the folder holds
either the old list or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desk_app.scanning.pages import Page, hold_pages_under

SPOOL_DIR = "scan_spool"
INDEX = "index.json"
DOCUMENT = "document.txt"
FORM_SPOOLS = "forms"  # the receive form's document lines
DOSSIER_SPOOLS = "dossiers"  # documents digitised into a dossier after its reception
HELD = "held"  # the pages open windows hold (pages.HeldBytes): not a place of spools


def spool_folder(data_dir: str | Path, place: str, key: str) -> Path:
    """The folder for one spool of `place` (`key` made safe as a file name). The pages the
    windows hold meanwhile (pages.HeldBytes) go under the same data folder from then on."""
    safe = re.sub(r"[^0-9A-Za-z._-]", "_", key).strip(".") or "_"
    root = Path(data_dir) / SPOOL_DIR
    hold_pages_under(root / HELD)
    return root / place / safe


class Spool:
    """`document`: what the pages are of (a document line's name), kept beside them so pages
    offered back after a cut can say so."""

    def __init__(self, folder: str | Path, document: str = "") -> None:
        self.folder = Path(folder)
        self._document = document

    @property
    def key(self) -> str:
        return self.folder.name

    def add(self, page: Page) -> None:
        self.replace([*self.pages(), page])

    def replace(self, pages: Iterable[Page]) -> None:
        """The spool now holds `pages`, in this order (after a reorder, rotation, deletion);
        none: it is gone, so that spools emptied by the clerk do not pile up."""
        pages = list(pages)
        if not pages:
            self.discard()
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        entries = []
        for page in pages:
            # Only a page new to the spool is read: a feeder run's 200th page does not have
            # the 199 before it read and hashed again.
            name = page.sha256
            if not (self.folder / name).exists():
                _write_durably(self.folder / name, page.data)
            entries.append({"file": name, "dpi": page.dpi, "mode": page.mode,
                            "rotation": page.rotation, "sticky_note": page.sticky_note})
        _write_durably(self.folder / INDEX, json.dumps(entries).encode())
        if self._document and not (self.folder / DOCUMENT).exists():
            _write_durably(self.folder / DOCUMENT, self._document.encode())
        kept = {entry["file"] for entry in entries} | {INDEX, DOCUMENT}
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

    def document(self) -> str:
        """What the pages are of, as given when they were spooled ("" when not said)."""
        try:
            return (self.folder / DOCUMENT).read_text(encoding="utf-8")
        except OSError:
            return self._document

    def changed_at(self) -> float | None:
        """When the pages last changed (a POSIX time): for a folder whose first list was never
        written (cut short), when the folder changed; None when there is no folder."""
        for path in (self.folder / INDEX, self.folder):
            try:
                return path.stat().st_mtime
            except OSError:
                continue
        return None

    def leftover(self) -> Leftover | None:
        """The pages with what they are of and when they last changed; None without pages."""
        pages = self.pages()
        if not pages:
            return None
        changed = self.changed_at()
        return Leftover(self, pages, self.document(),
                        datetime.fromtimestamp(changed, UTC) if changed else None)

    def discard(self) -> None:
        """The pages are saved (or the clerk threw them away): nothing to offer back."""
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass(frozen=True)
class Leftover:
    """A spool's pages as read from the disk, to offer back."""

    spool: Spool
    pages: list[Page]
    document: str
    changed_at: datetime | None  # UTC


def spools(data_dir: str | Path, place: str) -> list[Spool]:
    """Every spool of `place`, with pages or not (nothing is read but the folder's list)."""
    root = Path(data_dir) / SPOOL_DIR / place
    if not root.is_dir():
        return []
    return [Spool(folder) for folder in sorted(root.iterdir()) if folder.is_dir()]


def leftovers(data_dir: str | Path, place: str) -> list[Leftover]:
    """The spools of `place` left by a run that ended before saving, with at least one page in
    them (the pages are read: on a worker, never the GUI thread)."""
    return [left for spool in spools(data_dir, place) if (left := spool.leftover())]


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
