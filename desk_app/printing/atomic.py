"""Writing a kept file (a slip's PDF, the ledger's workbook) so that it is whole or absent.

The file is the legal record of what was handed over the counter, so it is written to a
temporary file beside the target and moved into place only when complete: a crash or power cut
leaves the previous file (or none), never half a file under the record's name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_output(out_path: Path) -> Iterator[BinaryIO]:
    """A binary stream that becomes `out_path` when the block ends without an exception."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        dir=out_path.parent, prefix=f".{out_path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)  # mkstemp makes it private to this user; the record is not
        os.replace(temp_name, out_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
