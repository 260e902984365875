"""The digitised documents' files (store.files): named by their hash, written whole or not at
all, never overwritten, checked when read. A write failing mid-way (a full disk) is proved in
tests/services/test_digitisation.py, with the file and its row together."""

import hashlib

import pytest

from desk_app.core.errors import StoreError
from desk_app.store import files


def test_a_file_is_kept_under_its_hash_read_only_and_whole(tmp_path):
    data = b"%PDF-1.7 one"
    sha = files.write(tmp_path, data)
    path = tmp_path / "files" / sha[:2] / f"{sha}.pdf"
    assert sha == hashlib.sha256(data).hexdigest() and path.read_bytes() == data
    assert path.stat().st_mode & 0o222 == 0
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left
    assert files.read(tmp_path, sha) == data


def test_the_same_bytes_again_write_nothing(tmp_path):
    sha = files.write(tmp_path, b"%PDF-1.7 same")
    path = files.path_of(tmp_path, sha)
    before = path.stat()
    assert files.write(tmp_path, b"%PDF-1.7 same") == sha
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_damaged_copy_is_set_aside_when_the_right_bytes_come_again(tmp_path):
    sha = files.write(tmp_path, b"%PDF-1.7 right")
    path = files.path_of(tmp_path, sha)
    path.chmod(0o644)
    path.write_bytes(b"%PDF-1.7 wrong")
    with pytest.raises(StoreError, match="đã bị thay đổi"):
        files.read(tmp_path, sha)
    assert files.write(tmp_path, b"%PDF-1.7 right") == sha
    assert files.read(tmp_path, sha) == b"%PDF-1.7 right"
    assert path.with_suffix(".damaged").read_bytes() == b"%PDF-1.7 wrong"


def test_a_missing_file_is_said_plainly(tmp_path):
    with pytest.raises(StoreError, match="Không tìm thấy tệp số hóa"):
        files.read(tmp_path, "c" * 64)
