"""Text normalisation at every boundary, and folding for search.

Clerks type with Unikey/EVKey, sometimes in decomposed form ("Unicode tổ hợp"); a scanner or an
import may bring either form. We store NFC only, so that equal names compare equal and print
with the right glyphs.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def clean(text: str | None) -> str:
    """NFC, trimmed, inner whitespace collapsed to one space: for names and one-line fields."""
    return _SPACES.sub(" ", nfc(text)).strip()


def clean_multiline(text: str | None) -> str:
    """NFC with each line cleaned and blank lines at the ends dropped: for notes and requests."""
    lines = [clean(line) for line in nfc(text).splitlines()]
    return "\n".join(lines).strip("\n")


def fold(text: str | None) -> str:
    """Lower-case, without diacritics, đ→d: 'Đặng Thị Ánh' → 'dang thi anh'."""
    decomposed = unicodedata.normalize("NFD", clean(text).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def digits(text: str | None) -> str:
    return "".join(ch for ch in nfc(text) if ch.isdigit())


def megabytes(size: int) -> str:
    """Bytes as MB with one decimal, Vietnamese style: 1234567 → '1,2'."""
    return f"{size / 1_000_000:.1f}".replace(".", ",")


def file_size(size: int) -> str:
    """One file's size with its unit: KB (rounded up) below a megabyte, where one page's scan
    would show as '0,0 MB'; MB with one decimal above."""
    return f"{-(-size // 1000)} KB" if size < 1_000_000 else f"{megabytes(size)} MB"
