"""Text at the hub's boundary: NFC, trimmed, inner whitespace collapsed (docs/domain.md,
"Text at the boundaries")."""

from __future__ import annotations

import unicodedata


def clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
