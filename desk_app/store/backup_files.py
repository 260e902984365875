"""The digitised documents' files in a backup folder, beside the database copies.

A database copy names files it does not hold (store.files keeps them under `<data>/files`), so
a backup folder keeps them too, in the same layout: `<folder>/files/<sha[:2]>/<sha>.pdf`. A
file is named by its SHA-256 and never rewritten, so one copy serves every database copy in the
folder, and a backup copies only the names the folder does not have yet: after the first,
a backup reads the two folders' listings and copies nothing else. Each file copied is re-hashed
on the way (store.files.write), so a file damaged in the data folder is not carried into the
backup as if it were the record; `desk-app verify` names it.

A restore copies back, the same way, the files the data folder lacks.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desk_app.store import files

log = logging.getLogger(__name__)


def _kept(root: Path) -> dict[str, Path]:
    """The files kept under `root` (a data folder or a backup folder), by hash."""
    return {path.stem: path for path in (Path(root) / files.FOLDER).glob("??/*.pdf")}


def _missing(source: Path, target: Path) -> dict[str, Path]:
    """The files under `source` that `target` has none of, by hash."""
    have = _kept(target)
    return {sha: path for sha, path in _kept(source).items() if sha not in have}


def missing_size(source: Path, target: Path) -> int:
    """What copying the files `target` lacks from `source` will take."""
    return sum(path.stat().st_size for path in _missing(source, target).values())


def copy_missing(source: Path, target: Path) -> int:
    """Copy into `target` the files under `source` that `target` has no file of, each checked
    against its name; returns how many were copied. StoreError when the target cannot be
    written (a full disk, a stick pulled out): what was copied before stays."""
    copied = 0
    for sha, path in sorted(_missing(source, target).items()):
        data = path.read_bytes()
        if files.sha256_of(data) != sha:
            log.warning("not copying %s: its bytes no longer match its name", path)
            continue
        files.write(target, data)
        copied += 1
    return copied


def size(root: Path) -> int:
    """What the files kept under `root` take on its disk."""
    return sum(path.stat().st_size for path in _kept(root).values())
