"""The wire format both ends share (counter app and provincial hub), version 1.

Endpoints live under `/api/v1`. Bodies are JSON (UTF-8, NFC); a request body may be
gzip-compressed with `Content-Encoding: gzip`. A request body may be at most MAX_BODY_BYTES as
sent and MAX_DECOMPRESSED_BYTES once decompressed (413 otherwise). Every request but health,
time and enroll carries `Authorization: Bearer <device token>`.

- `GET  /api/v1/health` → `{"status": "ok", "protocol": 1}`
- `GET  /api/v1/time` → `{"server_time": ISO-8601}`
- `POST /api/v1/enroll` `{"code": one-time code, "device_name": str}` →
  `{"device_id", "token", "commune": {"id", "name", "agency_code"}}`. The code is matched
  case-insensitively, ignoring spaces and dashes (normalise_code); a wrong, used or expired code
  gets 401.
- `POST /api/v1/events` `{"events": [EventOut, ...]}` (at most MAX_BATCH) →
  `{"results": [{"uuid", "result": accepted|duplicate|conflict|invalid, "reason",
  "server_time"}], "server_time"}`. `duplicate` means the same UUID with identical content was
  already stored: the original `server_time` comes back and the client marks the event sent.
  `conflict` (same UUID, other content) and `invalid` are refused per event, so one poisoned
  event never blocks the rest of the batch; the client quarantines it.
- `GET  /api/v1/changes?cursor=N&limit=M` →
  `{"changes": [{"seq", "type": catalogue|calendar|agency_code|form_set|event, "data"}],
  "next_cursor", "more"}`:
  what the province publishes for this device's commune, in order, from a server cursor.

An EventOut is the event as the counter recorded it:
`{"uuid", "dossier_uuid", "kind", "status", "payload", "clerk", "device_seq", "device_time"}`.
The hub compares events by `content_digest`, computed over the canonical JSON of exactly those
fields, so a harmless re-send is told apart from a conflicting one whatever the key order.

Details both ends rely on (extensions of the above, all backwards compatible):

- Errors other than per-event results have the body `{"error": ERROR_*, "detail": reason}`:
  400 bad_json or bad_encoding, 401 missing_token / unknown_token / revoked_token / bad_code,
  413 too_large, 415 unsupported_encoding (not gzip) or unsupported_media_type (a body that is
  not sent as application/json; a body without Content-Type is read as JSON), 422
  invalid_request (schema violation: wrong type, unknown field, batch too long), 429
  too_many_attempts (added: too many failed enrollments or authentications from this address
  or from everyone lately; `Retry-After` says in how many seconds to try again) or daily_quota
  (added: a push that would take the device past what it may store in a day, hub time; the
  whole batch is refused and `Retry-After` says when the next day starts), 503
  database_unavailable (health, while the hub cannot reach its database).
- Push request may also carry `"sent_at"`: the device's clock (ISO-8601 with offset) when it
  sent the batch, from which the hub records the device's clock skew (never a reason to
  refuse), and `"backlog"`: how many events the device still has queued after this batch, shown
  to the province's administrators.
- `results[i]` answers `events[i]`. `uuid` echoes the event's, or is null when it had none
  (or not a string). For `accepted` and `duplicate`, `server_time` is when the hub first
  stored the event; for `conflict` it is the stored event's time, for `invalid` null.
- An event is `invalid` when a field has the wrong type or shape (UUIDs in canonical lowercase
  form, `device_time` ISO-8601 with its UTC offset, `status` a dossier state 1–10, `device_seq`
  ≥ 0, `clerk` non-empty without control characters, `payload` an object nested at most 32
  levels), its `kind` is not in EVENT_KINDS or its status is not one that kind
  allows, a `received` event's payload lacks the dossier `code`, its dossier belongs to
  another commune, its payload is larger than the hub's bound (reason starting "quota:"; 64 KiB
  of canonical JSON by default, where a dossier needs a few KB), or a `received` event's code
  does not carry one of its commune's agency codes in force on the code's day (reason starting
  "forbidden:"). The ownership one is the "403" of docs/domain.md ("Sync to the province"): the
  device may write only its own commune's dossiers, and a dossier belongs to the commune whose
  device first sent an event for it. It is refused per event (reason starting "forbidden:") so
  the rest of the batch goes on.
- Change `data`: for `catalogue`, the whole catalogue document as published (same format as
  resources/catalogue/procedures.json); for `calendar`, `{"day": "YYYY-MM-DD", "kind":
  "off"|"work", "note"}`; for `form_set`, one dated set of official forms (an entry of
  resources/forms.json's `sets`: `name`, `effective_from`, `regulation`, `sources`, `forms`),
  replacing on the counter any set of the same name; for `event`, an EventOut the province recorded for one of this
  commune's dossiers (kinds in PROVINCE_EVENT_KINDS, `device_seq` 0, `device_time` when the
  province recorded it, `payload` `{"code", "note"}`). Apply it like a local event but do not
  push it back (a re-sent copy is only acknowledged as a duplicate). For `agency_code` (added),
  `{"code", "since": "YYYY-MM-DD"}`: this commune's new agency code, used for dossiers received
  from that day on (codes already issued keep theirs); an older counter records it as a problem.
- A catalogue's procedure may carry `unit` (added), the processing unit its dossiers are handed
  over to. A `received` payload's `procedure` carries `version` (added): the version of the
  counter's catalogue entry the dossier was received under (the counter numbers its own).
- `limit` is 1..MAX_PULL_LIMIT (default DEFAULT_PULL_LIMIT). When a page is empty,
  `next_cursor` equals the cursor sent. Catalogue and calendar changes reach every commune.
- Server times are ISO-8601 in +07:00 with microseconds.
- `GET /api/v1/device?day=YYYY-MM-DD` (added) → `{"device_id", "name", "commune",
  "events_stored", "day", "events_on_day", "last_push_at", "clock_skew_seconds"}`: what the hub
  holds from this device, for the end-of-day reconciliation (`events_on_day` counts events whose
  `device_time` falls on `day` in +07:00; `day` defaults to today).
- A dossier refused at the counter (added) was never received: its first and only event is
  `refused` (status 3) with payload `{"reason", "at_counter": true, "refused_at", "procedure",
  "applicant", "request", "sets", "documents", "channel", "notes"}` and no `code`; the hub
  describes the dossier from it. A refusal after reception carries `{"reason"}` only.
- Event kinds added for the counter (older hubs answer them `invalid`, and the counter keeps
  them quarantined until the hub is upgraded): `supplemented`, the counter's name for
  `supplement_received`; `quarantine_discarded`, the audit record of a supervisor discarding a
  quarantined event, payload `{"discarded_event": uuid, "discarded_kind", "reason", "note"}`;
  `file_discarded`, the audit record of a supervisor giving up sending a digitised file that
  kept failing (the counter keeps it), payload `{"discarded_file": sha256, "document", "size",
  "reason", "note"}` (not under "files": the hub is not to expect it).
- An enrollment may carry `"request_key"` (added): a random key (16–100 of A–Z a–z 0–9 _ -)
  the counter made for this code and keeps until the answer arrives. The same code sent again
  with the same key while the code is still valid gets the same `device_id` back with a new
  token (the previous one stops working), so an answer lost on the way does not spend the
  code. Another key, or none, is told the code is used.
- `corrected` (added): the counter reversed the dossier's last action, recorded that day at
  the same counter. Payload `{"reverses": uuid of the reversed event, "reversed_kind",
  "reason", "restored_status", "cleared": [fields the action set, now empty]}`; its `status`
  is the state the dossier had before the reversed action, so the hub's view of the dossier
  follows it like any newer event. The reversed event stays stored as it was.
- Digitisation (added): a `received` payload's `documents` items carry `digitisation`
  (""|scanned|shown|exempt|reused), `file` (SHA-256 hex or ""), `pages` and `reused_from` (a
  dossier code), and the payload carries `files`: the SHA-256 of every file its lines name.
  `document_digitised` events carry `files` too. Payloads from before have none of these keys.
- The OpenAPI description is served at `/api/v1/openapi.json` (interactive at `/api/v1/docs`).
- An EventOut may carry the counter's hash chain (added, optional): `prev_hash`, the `hash` of
  the same device's previous event (GENESIS_HASH for its first), and `hash` =
  `chain_hash(prev_hash, event)`. Both are 64 lowercase hex digits and come together. They are
  not part of `content_digest`, so a re-send with or without them is the same event. The hub
  refuses as `invalid` (reason starting "chain:") an event whose `hash` does not match its
  content, or whose `prev_hash` is not the hash of any event it holds from that device with
  `device_seq` one lower; when it holds no such event (never sent, or sent without a chain)
  continuity cannot be checked and the event is accepted. A chained event at a `device_seq`
  where the hub already holds another chained event of that device (another UUID) is a second
  history for one place of the chain: it is refused as `conflict` (reason starting
  "chain: fork"), the first one stays, and the device is flagged on the administrators' device
  list. A counter restored from an older
  backup never numbers an event twice: its next event takes the number after the last one it
  recorded before the restore and links to that event's hash, so its `device_seq` may jump.
  That first event carries the jump in its payload under SEAM_KEY (added), so the hub can say
  which of the events it holds the counter lost.
- The enroll answer carries `lookup` (added): `{"url", "key"}`, the hub's public address and
  the commune's key (64 hex digits) for the citizen's lookup link printed in a receipt's QR
  code, `lookup_link(url, key, code)`: `<url>/tra-cuu/<code>?k=<check>`, where the check
  (LOOKUP_CHECK_LENGTH hex digits of HMAC-SHA256 of the code under the key) lets the hub tell
  a printed code from a guessed one. A counter without it prints the bare code.
- Files (added): a digitised document's PDF travels on its own after the events, one file
  per request sequence, named by its SHA-256 (64 lowercase hex digits). An event names the
  files it uses in its payload's top-level `"files": [sha256, ...]` (files_named); a device may
  upload and fetch only files an event of its own commune named (403 file_not_named otherwise,
  404 for a fetch).
  `POST /api/v1/files/{sha256}` `{"size": bytes}` → `{"sha256", "size", "offset", "complete"}`:
  how much of the file the hub holds; `complete` true ("have it": nothing to send) once the
  file is whole, from this device or any other. A size over the hub's limit (MAX_FILE_BYTES by
  default) gets 413 file_too_large before anything is sent.
  `PUT /api/v1/files/{sha256}?offset=N&size=S`, body the file's bytes from N on (at most
  MAX_BODY_BYTES; the counter sends FILE_CHUNK_BYTES), `Content-Type:
  application/octet-stream` → the same answer. Bytes before the hub's offset are already held
  and are ignored (a re-sent chunk is harmless); an offset past it gets 409 offset_mismatch
  (ask again). The chunk that completes the file has its SHA-256 checked: on a mismatch the hub
  throws away what it had of the file and answers 422 hash_mismatch. File bytes count against
  the device's daily file quota (429 daily_quota).
  `POST /api/v1/files/ask` (added) `{"files": [{"sha256", "size"}, ...]}` (1..MAX_FILES_ASKED)
  → `{"files": [{"sha256", "size", "offset", "complete", "error", "detail"}, ...]}`, `files[i]`
  answering the ask's `files[i]`: the one-file ask for many files in one exchange, so a file
  that fits one chunk costs one ask shared with others and one upload. What would refuse the
  one-file ask refuses only that file: `error` file_not_named, file_too_large or
  invalid_request (a size other than the held file's), `detail` why, `offset` 0 and
  `complete` false (a file another commune named is not told apart from an unknown one);
  otherwise `error` and `detail` are null. A hub from before answers 422 (the path is not a
  SHA-256) or 404: the counter then asks file by file.
  `GET /api/v1/files/{sha256}` → the file (`application/pdf`), when complete and named by an
  event of the device's commune; 404 unknown_file otherwise.
- Reuse across counters (added): `POST /api/v1/documents/find` `{"id_number": 12 digits}` →
  `{"documents": [{"document", "sha256", "pages", "size", "dossier_code", "digitised_at"},
  ...]}`: the documents digitised for that citizen (ID number of a `received` payload's
  applicant) in dossiers of the device's own commune, at reception (lines `scanned` or
  `reused`) or brought later (`document_digitised` of stage `supplement`; results are the
  administration's, not the citizen's papers), whose file the hub holds whole, newest first,
  each document's file once, at most MAX_DOCUMENTS_FOUND. The ID number travels in the body,
  never in the URL, so it stays out of access logs; one that is not 12 digits gets 422
  invalid_request. Every ask is recorded (device, time, ID number, how many answered): a
  lookup of personal data (Decree 356/2025/NĐ-CP). The counter fetches a chosen file with
  `GET /api/v1/files/{sha256}`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import unicodedata
from typing import Any

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
MAX_BATCH = 200
MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_DECOMPRESSED_BYTES = 10 * 1024 * 1024
DEFAULT_PULL_LIMIT = 100
MAX_FILE_BYTES = 20 * 1024 * 1024
FILE_CHUNK_BYTES = 512 * 1024  # a cut connection costs at most this much sent again
MAX_FILES_ASKED = 100  # files one batch ask may name
FILES_KEY = "files"  # the payload key naming an event's files
MAX_DOCUMENTS_FOUND = 200  # documents one reuse lookup answers
ID_NUMBER_PATTERN = r"^[0-9]{12}$"  # a citizen's ID number (CCCD), as a lookup sends it
MAX_PULL_LIMIT = 500
EVENT_FIELDS = ("uuid", "dossier_uuid", "kind", "status", "payload", "clerk", "device_seq",
                "device_time")

# Event kinds and the dossier states (docs/domain.md, "Dossier states") each may leave the
# dossier in. Kinds that do not move the dossier (a rescheduled due time) may carry any state.
# A correction carries the state the dossier goes back to: where a reversible action (docs/
# domain.md, "Correcting a mistake") may have been recorded from.
_ANY_STATE = frozenset(range(1, 11))
EVENT_KINDS: dict[str, frozenset[int]] = {
    "received": frozenset({2}),
    "refused": frozenset({3}),
    "handed_over": frozenset({4}),
    "supplement_requested": frozenset({5}),
    "supplement_received": frozenset({2, 4}),
    "supplemented": frozenset({2, 4}),  # the counter's name for supplement_received (added)
    "financial_requested": frozenset({6}),
    "withdrawn": frozenset({7}),
    "stopped": frozenset({8}),
    "result_ready": frozenset({9}),
    "returned": frozenset({10}),
    "rescheduled": _ANY_STATE,
    "corrected": frozenset({1, 2, 4, 5, 6, 9}),
    # A supervisor discarded a quarantined event (added): payload names it; the dossier keeps
    # its state.
    "quarantine_discarded": _ANY_STATE,
    # A document digitised after reception (added): payload `{"document", "stage": supplement|
    # result, "file", "pages", "version", "files": [sha256]}`; the dossier keeps its state.
    "document_digitised": _ANY_STATE,
    # A supervisor gave up sending a digitised file (added): payload names it; the dossier
    # keeps its state.
    "file_discarded": _ANY_STATE,
}
PROVINCE_EVENT_KINDS = ("result_ready", "supplement_requested")

ERROR_BAD_JSON = "bad_json"
ERROR_BAD_ENCODING = "bad_encoding"
ERROR_MISSING_TOKEN = "missing_token"
ERROR_UNKNOWN_TOKEN = "unknown_token"
ERROR_REVOKED_TOKEN = "revoked_token"
ERROR_BAD_CODE = "bad_code"
ERROR_TOO_LARGE = "too_large"
ERROR_UNSUPPORTED_ENCODING = "unsupported_encoding"
ERROR_UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
ERROR_INVALID_REQUEST = "invalid_request"
ERROR_DATABASE_UNAVAILABLE = "database_unavailable"
ERROR_TOO_MANY_ATTEMPTS = "too_many_attempts"
ERROR_DAILY_QUOTA = "daily_quota"
ERROR_FILE_NOT_NAMED = "file_not_named"
ERROR_FILE_TOO_LARGE = "file_too_large"
ERROR_OFFSET_MISMATCH = "offset_mismatch"
ERROR_HASH_MISMATCH = "hash_mismatch"
ERROR_UNKNOWN_FILE = "unknown_file"
QUOTA_REASON = "quota:"  # how a per-event refusal for size starts


ENROLLMENT_KEY_PATTERN = r"^[A-Za-z0-9_-]{16,100}$"


def normalise_code(typed: str) -> str:
    """An enrollment code as the hub matches it: upper case, without spaces and dashes."""
    return "".join(ch for ch in typed.upper() if ch not in " -\t")


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
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Nearly all text already is NFC, and then so is every string inside this JSON (quotes
    # compose with nothing), so the value needs no rebuilding: the hub's ingest hot path.
    if unicodedata.is_normalized("NFC", text):
        return text
    return json.dumps(_nfc(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


LOOKUP_PATH = "/tra-cuu"
LOOKUP_CHECK_LENGTH = 10  # 40 bits: with the lookup's rate limit, out of reach of guessing


def lookup_check(key: str, code: str) -> str:
    return hmac.new(bytes.fromhex(key), code.encode("utf-8"),
                    hashlib.sha256).hexdigest()[:LOOKUP_CHECK_LENGTH]


def lookup_link(url: str, key: str, code: str) -> str:
    """The citizen's lookup page of a dossier. Codes are ASCII letters, digits, dots and
    dashes, which need no escaping in a URL path."""
    return f"{url.rstrip('/')}{LOOKUP_PATH}/{code}?k={lookup_check(key, code)}"


GENESIS_HASH = "0" * 64
# In the payload of a counter's first event after a restore (added): {"first_lost",
# "restored_at", "backup"}; the events numbered first_lost up to this one's device_seq - 1 are
# no longer on the counter, and the hub may hold them.
SEAM_KEY = "journal_seam"


def chain_hash(prev_hash: str, event: dict[str, Any]) -> str:
    """The event's link in its device's hash chain: SHA-256 of `prev_hash` (hex) followed by
    the event's content digest (hex)."""
    return chain_link(prev_hash, content_digest(event))


def chain_link(prev_hash: str, digest: str) -> str:
    """chain_hash for an event whose content digest is already known."""
    return hashlib.sha256((prev_hash + digest).encode("ascii")).hexdigest()


def content_digest(event: dict[str, Any]) -> str:
    """SHA-256 over the canonical JSON of the event's fields (unknown keys ignored)."""
    fields = {key: event.get(key) for key in EVENT_FIELDS}
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


def is_file_hash(value: Any) -> bool:
    return (isinstance(value, str) and len(value) == 64
            and all(ch in "0123456789abcdef" for ch in value))


def files_named(payload: Any) -> list[str]:
    """The files an event's payload names (its top-level FILES_KEY), in order, each once.
    Anything there that is not a SHA-256 in lowercase hex is not a file name and is left out."""
    named = payload.get(FILES_KEY) if isinstance(payload, dict) else None
    if not isinstance(named, list):
        return []
    return list(dict.fromkeys(value for value in named if is_file_hash(value)))
