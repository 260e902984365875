"""Text at the hub's boundary: NFC, trimmed, inner whitespace collapsed (DESIGN.md §4)."""

from __future__ import annotations

import unicodedata


def clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
