"""The PyInstaller one-folder build, run and smoke-tested as scripts/build_app.py does (about
25 s here): the frozen app must start headless, render a receipt and exit 0."""

import pytest

pytest.importorskip("PyInstaller")

from scripts.build_app import build, folder_size, smoke_test  # noqa: E402

# The folder was 193 MiB on Linux when this was written; a big jump means a module or Qt part
# came in that should have been excluded in build.spec.
MAX_FOLDER_MIB = 230


@pytest.mark.slow
def test_the_frozen_app_renders_a_receipt(tmp_path):
    folder = build(tmp_path / "dist", tmp_path / "work")
    smoke_test(folder)
    assert folder_size(folder) / 2**20 < MAX_FOLDER_MIB
