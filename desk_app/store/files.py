"""The digitised documents' files, content-addressed: `<data>/files/<sha[:2]>/<sha>.pdf`, named by
the SHA-256 of their bytes, and the tables that say what they are (migration 13).

A file is written whole or not at all: to a temporary name beside its place, flushed to the
disk, then renamed to its name. A file already there intact is never written again (a name is
its content, so a second copy of the same bytes is simply not written). A disk that fills up
mid-write leaves no partial file and raises StoreError; nothing kept before is touched.
Reading re-hashes the bytes, so a file altered on disk is never shown as the record.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desk_app.core.clock import parse_iso
from desk_app.core.digitisation import DossierFile, Reusable, Stage
from desk_app.core.errors import StoreError
from desk_app.store.issued_codes import sync_folder

log = logging.getLogger(__name__)

FOLDER = "files"
_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


def path_of(data_dir: Path, sha256: str) -> Path:
    return Path(data_dir) / FOLDER / sha256[:2] / f"{sha256}.pdf"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(data_dir: Path, data: bytes) -> str:
    """Keep `data` under its hash; returns the hash. Already kept intact: nothing is written."""
    sha = sha256_of(data)
    target = path_of(data_dir, sha)
    if target.is_file() and _intact(target, sha):
        return sha
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{sha[:8]}.", suffix=".tmp")
    except OSError as exc:
        raise _write_error(exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o444)  # a kept record: read-only, like the rest never changed in place
        if target.exists():
            # Damaged on disk (bytes altered, see verify): the named content is `data`, which
            # hashes right, so the damaged copy is set aside rather than kept as the record.
            target.replace(target.with_suffix(".damaged"))
        os.replace(temp, target)
        sync_folder(target.parent)
    except OSError as exc:
        raise _write_error(exc) from exc
    finally:
        Path(temp).unlink(missing_ok=True)
    return sha


def _write_error(exc: OSError) -> StoreError:
    if exc.errno in _FULL:
        return StoreError(
            "Ổ đĩa đã đầy, không lưu được tệp số hóa. Các hồ sơ và tệp đã lưu trước đó vẫn "
            "nguyên vẹn; giải phóng dung lượng ổ đĩa rồi lưu lại."
        )
    return StoreError(f"Không ghi được tệp số hóa vào thư mục dữ liệu: {exc.strerror or exc}.")


def _intact(path: Path, sha256: str) -> bool:
    return sha256_of(path.read_bytes()) == sha256


def read(data_dir: Path, sha256: str) -> bytes:
    """A kept file's bytes, checked against its name; StoreError when missing or altered."""
    path = path_of(data_dir, sha256)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise StoreError(f"Không tìm thấy tệp số hóa {path}: có thể đã bị xóa.") from exc
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp số hóa {path}: {exc.strerror or exc}.") from exc
    if sha256_of(data) != sha256:
        raise StoreError(
            f"Tệp số hóa {path} đã bị thay đổi sau khi lưu (mã băm không khớp): không dùng "
            "bản này. Liên hệ cán bộ CNTT để lấy lại từ bản sao lưu hoặc từ tỉnh.")
    return data


# --- the tables -------------------------------------------------------------------------------


def record(db: sqlite_utils.Database, sha256: str, size: int, pages: int, at: str) -> None:
    """The file's row, once: a second keep of the same bytes changes nothing."""
    db.execute("INSERT OR IGNORE INTO files (sha256, size, pages, created_at) VALUES (?, ?, ?, ?)",
               [sha256, size, pages, at])


def named(db: sqlite_utils.Database, sha256: str) -> bool:
    """Whether a dossier's document or an event's "files" names the file: a record then, never
    removed."""
    return bool(db.execute(
        "SELECT EXISTS (SELECT 1 FROM dossier_files WHERE sha256 = ?) OR EXISTS (SELECT 1 FROM "
        "events, json_each(events.payload, '$.files') WHERE json_each.value = ?)",
        [sha256, sha256]).fetchone()[0])


def naming_dossiers(db: sqlite_utils.Database, sha256: str) -> list[tuple[str, str]]:
    """(dossier uuid, document) of each dossier that has the file, each dossier once, in the
    order they took it."""
    found: dict[str, str] = {}
    for dossier_uuid, document in db.execute(
            "SELECT dossier_uuid, document FROM dossier_files WHERE sha256 = ? "
            "ORDER BY at, rowid", [sha256]):
        found.setdefault(dossier_uuid, document)
    return list(found.items())


def forget_unnamed(db: sqlite_utils.Database, data_dir: Path, shas: Iterable[str]) -> list[Path]:
    """Drop the rows of those of `shas` that nothing names (a scan kept for a form that was then
    cleared, closed, or saved with the file stamped with its code); the paths of their files,
    which the caller removes once the transaction has committed (`remove`)."""
    gone = []
    for sha in dict.fromkeys(shas):
        if not named(db, sha):
            db.execute("DELETE FROM files WHERE sha256 = ?", [sha])
            # A file fetched from the hub is recorded as sent (file_queue.held_by_hub); no
            # other file nothing names has a row there.
            db.execute("DELETE FROM file_uploads WHERE sha256 = ?", [sha])
            gone.append(path_of(data_dir, sha))
    return gone


def remove(paths: Iterable[Path]) -> None:
    """Remove kept files that nothing names any more (scans of personal papers: not left
    lying in the data folder). One that cannot be removed is left for the next try."""
    for path in paths:
        try:
            path.chmod(0o644)  # kept read-only; Windows refuses to remove a read-only file
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("kept file %s not removed: %s", path, exc)


def pages_of(db: sqlite_utils.Database, sha256: str) -> int | None:
    """The page count of a kept file, None when no such file is kept."""
    row = db.execute("SELECT pages FROM files WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def attach(db: sqlite_utils.Database, dossier_uuid: str, document: str, stage: Stage,
           sha256: str, clerk: str, at: str) -> int:
    """Add a version of a document's file at a stage of a dossier; returns its version number
    (earlier versions stay)."""
    (latest,) = db.execute(
        "SELECT COALESCE(MAX(version), 0) FROM dossier_files WHERE dossier_uuid = ? "
        "AND document = ? AND stage = ?", [dossier_uuid, document, stage.value]).fetchone()
    db.execute(
        "INSERT INTO dossier_files (dossier_uuid, document, stage, sha256, version, clerk, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [dossier_uuid, document, stage.value, sha256, latest + 1, clerk, at])
    return latest + 1


def of_dossier(db: sqlite_utils.Database, dossier_uuid: str) -> list[DossierFile]:
    """Every file of a dossier, every version, by stage, document and version."""
    return [
        DossierFile(document=r[0], stage=Stage(r[1]), sha256=r[2], version=r[3], pages=r[4],
                    clerk=r[5], at=parse_iso(r[6]))
        for r in db.execute(
            "SELECT f.document, f.stage, f.sha256, f.version, files.pages, f.clerk, f.at "
            "FROM dossier_files f JOIN files USING (sha256) WHERE f.dossier_uuid = ? "
            "ORDER BY CASE f.stage WHEN 'received' THEN 0 WHEN 'supplement' THEN 1 ELSE 2 END, "
            "f.at, f.rowid", [dossier_uuid])
    ]


def reusable(db: sqlite_utils.Database, id_number: str, document: str) -> list[Reusable]:
    """The files of documents named `document` in earlier dossiers received for `id_number`
    (at reception or brought as a supplement; results are the administration's, not the
    applicant's papers), newest first, each file once."""
    if not id_number:
        return []
    found: dict[str, Reusable] = {}
    for r in db.execute(
        "SELECT f.sha256, files.pages, f.document, d.code, d.received_at FROM dossier_files f "
        "JOIN files USING (sha256) JOIN dossiers d ON d.uuid = f.dossier_uuid "
        "WHERE d.id_number = ? AND f.document = ? AND f.stage IN ('received', 'supplement') "
        "AND d.code IS NOT NULL ORDER BY f.at DESC", [id_number, document],
    ):
        found.setdefault(r[0], Reusable(sha256=r[0], pages=r[1], document=r[2],
                                        dossier_code=r[3], received_at=parse_iso(r[4])))
    return list(found.values())


def record_view(db: sqlite_utils.Database, sha256: str, dossier_uuid: str, document: str,
                clerk: str, at: str, action: str = "view") -> None:
    """One use of a file: "view", "print" or "copy" (core.digitisation.FileUse)."""
    db.execute("INSERT INTO file_views (sha256, dossier_uuid, document, clerk, at, action) "
               "VALUES (?, ?, ?, ?, ?, ?)", [sha256, dossier_uuid, document, clerk, at, action])


@dataclass(frozen=True)
class FileView:
    sha256: str
    dossier_uuid: str
    document: str
    clerk: str
    at: str
    action: str  # core.digitisation.FileUse


def views(db: sqlite_utils.Database, dossier_uuid: str) -> list[FileView]:
    """Who opened, printed or copied which of a dossier's files, and when, oldest first."""
    return [FileView(*r) for r in db.execute(
        "SELECT sha256, dossier_uuid, document, clerk, at, action FROM file_views "
        "WHERE dossier_uuid = ? ORDER BY id", [dossier_uuid])]


@dataclass(frozen=True)
class FileProblem:
    sha256: str
    path: Path
    problem: str  # Vietnamese

    @property
    def message(self) -> str:
        return f"Tệp số hóa {self.path}: {self.problem}."


def check(db: sqlite_utils.Database, data_dir: Path) -> tuple[int, list[FileProblem]]:
    """Every kept file re-hashed: how many were checked, and those missing or altered."""
    problems, checked = [], 0
    for (sha,) in db.execute("SELECT sha256 FROM files ORDER BY sha256"):
        checked += 1
        path = path_of(data_dir, sha)
        if not path.is_file():
            problems.append(FileProblem(sha, path, "không còn trên đĩa"))
        elif not _intact(path, sha):
            problems.append(FileProblem(sha, path, "nội dung đã bị thay đổi sau khi lưu"))
    return checked, problems

