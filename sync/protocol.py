"""The wire format both ends share (counter app and provincial hub), version 1.

Endpoints live under `/api/v1`. Bodies are JSON (UTF-8, NFC); a request body may be
gzip-compressed with `Content-Encoding: gzip`. Every request but health, time and enroll
carries `Authorization: Bearer <device token>`.

- `GET  /api/v1/health` → `{"status": "ok", "protocol": 1}`
- `GET  /api/v1/time` → `{"server_time": ISO-8601}`
- `POST /api/v1/enroll` `{"code": one-time code, "device_name": str}` →
  `{"device_id", "token", "commune": {"id", "name", "agency_code"}}`
- `POST /api/v1/events` `{"events": [EventOut, ...]}` (at most MAX_BATCH) →
  `{"results": [{"uuid", "result": accepted|duplicate|conflict|invalid, "reason",
  "server_time"}], "server_time"}`. `duplicate` means the same UUID with identical content was
  already stored: the original `server_time` comes back and the client marks the event sent.
  `conflict` (same UUID, other content) and `invalid` are refused per event, so one poisoned
  event never blocks the rest of the batch; the client quarantines it.
- `GET  /api/v1/changes?cursor=N&limit=M` →
  `{"changes": [{"seq", "type": catalogue|calendar|event, "data"}], "next_cursor", "more"}`:
  what the province publishes for this device's commune, in order, from a server cursor.

An EventOut is the event as the counter recorded it:
`{"uuid", "dossier_uuid", "kind", "status", "payload", "clerk", "device_seq", "device_time"}`.
The hub compares events by `content_digest`, computed over the canonical JSON of exactly those
fields, so a harmless re-send is told apart from a conflicting one whatever the key order.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
MAX_BATCH = 200
EVENT_FIELDS = ("uuid", "dossier_uuid", "kind", "status", "payload", "clerk", "device_seq",
                "device_time")


class Result:
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    INVALID = "invalid"


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


def content_digest(event: dict[str, Any]) -> str:
    """SHA-256 over the canonical JSON of the event's fields (unknown keys ignored)."""
    fields = {key: event.get(key) for key in EVENT_FIELDS}
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()
