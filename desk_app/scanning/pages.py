"""One captured page, and turning any picture into one.

A page keeps the bytes that go into the PDF as they are: JPEG for grey and colour, TIFF with
CCITT G4 for black-and-white, so assembling never re-encodes a page (img2pdf copies both).
Those bytes are in memory or in a file of their own (`HeldBytes`): a feeder run of 200 grey
sheets is a few hundred MB of scans, which the scan panel holds on disk, keeping thumbnails.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import io
import os
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from PIL import Image

MODES = ("bw", "gray", "color")
ROTATIONS = (0, 90, 180, 270)
JPEG_QUALITY = 80  # text stays sharp at 200 dpi; a grey A4 photo page stays under 250 KB
THUMB_SIZE = 160  # pixels, the longer side of a thumbnail in the scan panel


class HeldBytes:
    """A page's bytes in a file of their own, in this process's folder for them (removed when
    the app ends), the file removed once no page refers to it: however long the receive form
    or a dialog holds the pages after the panel, and whatever the spools do meanwhile (a page
    deleted, a spool moved or discarded), the bytes stay readable as long as a page needs them.
    """

    def __init__(self, data: bytes) -> None:
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.size = len(data)
        self.path = _held_folder() / uuid.uuid4().hex
        with open(self.path, "wb") as out:  # no fsync: the spool is the copy a cut keeps
            out.write(data)

    def read(self) -> bytes:
        return self.path.read_bytes()

    def __del__(self) -> None:
        # Gone with the folder at the app's end, or the interpreter is tearing its modules
        # down: nothing left to remove.
        with contextlib.suppress(Exception):
            os.remove(self.path)


# A folder of held pages no page was written to or removed from for this long was left by an
# app that could not remove its own (a power cut); a running app's windows change theirs.
STALE_HELD_SECONDS = 7 * 24 * 3600
_HELD_PREFIX = "desk-app-pages-"
_held_lock = threading.Lock()
_held_root: list[Path] = []  # hold_pages_under's folder; the system's temp folder until then
_held_folders: dict[Path, Path] = {}  # a root: this process's folder in it


def hold_pages_under(root: str | Path) -> None:
    """Hold pages from now on in a folder of this process under `root` (in the counter's data
    folder), not in the system's temp folder: they are citizens' papers, and the data folder
    is where the counter keeps those, under its access rights. There, folders left by an app
    that ended without removing its own are removed once stale."""
    with _held_lock:
        _held_root[:] = [Path(root)]


def _held_folder() -> Path:
    with _held_lock:
        root = _held_root[0] if _held_root else Path(tempfile.gettempdir())
        folder = _held_folders.get(root)
        if folder is None or not folder.is_dir():
            root.mkdir(parents=True, exist_ok=True)
            _remove_stale(root)
            folder = Path(tempfile.mkdtemp(prefix=_HELD_PREFIX, dir=root))
            atexit.register(shutil.rmtree, folder, True)
            _held_folders[root] = folder
        return folder


def _remove_stale(root: Path) -> None:
    now = time.time()
    for folder in root.glob(f"{_HELD_PREFIX}*"):
        try:
            stale = now - folder.stat().st_mtime > STALE_HELD_SECONDS
        except OSError:
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True, eq=False)
class Page:
    source: bytes | HeldBytes  # the encoded bytes, in memory or in a file (never changed)
    dpi: int
    mode: str  # "bw" | "gray" | "color"
    rotation: int = 0  # clockwise degrees, applied when assembled (a /Rotate, no re-encoding)
    sticky_note: bool = False  # shows the sheet with its sticky note; the next page is without

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode {self.mode!r} is not one of {MODES}")
        if self.rotation not in ROTATIONS:
            raise ValueError(f"rotation {self.rotation!r} is not one of {ROTATIONS}")
        if self.dpi <= 0:
            raise ValueError(f"dpi {self.dpi!r} must be positive")

    @property
    def data(self) -> bytes:
        """The encoded bytes (read from the file each time when the page is held on disk)."""
        return self.source if isinstance(self.source, bytes) else self.source.read()

    @property
    def size(self) -> int:
        """Bytes the page adds to the PDF, near enough (its image is copied as it is)."""
        return len(self.source) if isinstance(self.source, bytes) else self.source.size

    @cached_property
    def sha256(self) -> str:
        """The SHA-256 of the encoded bytes (hex)."""
        if isinstance(self.source, HeldBytes):
            return self.source.sha256
        return hashlib.sha256(self.source).hexdigest()

    def held(self) -> Page:
        """This page with its bytes in a file of their own (HeldBytes), not in memory."""
        if isinstance(self.source, HeldBytes):
            return self
        return replace(self, source=HeldBytes(self.source))

    def __eq__(self, other: object) -> bool:
        """The same picture and settings, whether in memory or on disk."""
        if not isinstance(other, Page):
            return NotImplemented
        return ((self.dpi, self.mode, self.rotation, self.sticky_note)
                == (other.dpi, other.mode, other.rotation, other.sticky_note)
                and (self.source is other.source or self.sha256 == other.sha256))

    __hash__ = None  # type: ignore[assignment]  # equal pages may hold their bytes differently


def page_from_image(image: Image.Image, dpi: int, mode: str) -> Page:
    """Encode a picture as a page in `mode`: bw → TIFF G4 (thresholded), gray/color → JPEG."""
    image = _flatten(image)
    if mode == "bw":
        if image.mode != "1":
            # A fixed threshold: scanners that cannot give 1 bit send grey paper that is white.
            image = image.convert("L").point(lambda v: 255 if v >= 128 else 0).convert("1")
        out = io.BytesIO()
        # One strip: img2pdf copies a single-strip G4 TIFF's data into the PDF as it is.
        image.save(out, "TIFF", compression="group4", dpi=(dpi, dpi),
                   tiffinfo={278: image.height})
        return Page(out.getvalue(), dpi, "bw")
    image = image.convert("L" if mode == "gray" else "RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, dpi=(dpi, dpi), optimize=True)
    return Page(out.getvalue(), dpi, mode)


def _flatten(image: Image.Image) -> Image.Image:
    """Transparency on white paper, palettes and 16-bit samples as plain 8-bit pixels."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda v: v / 256).convert("L")
    if image.mode not in ("1", "L", "RGB"):
        return image.convert("RGB")
    return image


def thumbnail(page: Page, size: int = THUMB_SIZE) -> tuple[int, int, bytes]:
    """A small upright RGB picture of the page: (width, height, RGB888 rows). Made with Pillow
    off the GUI thread; the frozen build ships no Qt JPEG/TIFF plugin to decode pages with."""
    image = Image.open(io.BytesIO(page.data))
    image.draft("L" if page.mode != "color" else "RGB", (size * 2, size * 2))  # JPEG: decode small
    image = image.convert("RGB")
    image.thumbnail((size, size), Image.Resampling.BILINEAR, reducing_gap=2.0)
    if page.rotation:
        image = image.rotate(-page.rotation, expand=True)
    return image.width, image.height, image.tobytes()
