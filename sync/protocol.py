"""The wire format both ends share.

An event's content is compared byte for byte on the hub to tell a harmless re-send (same UUID,
same content: acknowledged again) from a conflict (same UUID, other content: refused), so the
JSON must be canonical: keys sorted, no insignificant whitespace, text in NFC.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

PROTOCOL_VERSION = 1


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    return value


def canonical_json(value: Any) -> str:
    return json.dumps(_nfc(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
