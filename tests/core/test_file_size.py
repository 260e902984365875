"""A file's size as the quarantine shows it: a one-page scan is a few KB, not '0,0 MB'."""

import pytest

from desk_app.core.text import file_size


@pytest.mark.parametrize(("size", "shown"), [
    (0, "0 KB"), (1, "1 KB"), (41_200, "42 KB"), (999_999, "1000 KB"),
    (1_000_000, "1,0 MB"), (20_971_520, "21,0 MB"),
])
def test_sizes_below_a_megabyte_in_kb_above_in_mb(size, shown):
    assert file_size(size) == shown
