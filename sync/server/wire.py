"""The protocol's JSON bodies as pydantic models: validation and the OpenAPI description.

Unknown fields are refused everywhere (extra="forbid"). Pushed events are the exception to
request-level validation: each one is checked on its own (EventIn) so that one bad event is
answered `invalid` while the rest of its batch is stored.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from sync import protocol
from sync.server.clock import parse_aware, stamp

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
HASH_PATTERN = r"^[0-9a-f]{64}$"
MAX_CODE_LENGTH = 60
MAX_PAYLOAD_DEPTH = 32


def _aware_time(text: str) -> str:
    try:
        stamp(parse_aware(text))
    except OverflowError as exc:  # e.g. year 1 at +14:00 is year 0 in Vietnam
        raise ValueError("time out of range") from exc
    return text


def _depth(value: Any) -> int:
    """How deeply JSON containers nest, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def _holds_nul(value: Any) -> bool:
    """Whether a NUL character is in any key or string of the JSON value (no recursion).
    PostgreSQL's text refuses it: a payload stored with it would make every later read of its
    strings into a column (the dossier's view, the citizen's documents) fail the push."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _printable(text: str) -> str:
    if any(ord(ch) < 32 or ch == "\x7f" for ch in text):
        raise ValueError("control characters are not allowed")
    return text


AwareTime = Annotated[
    str,
    AfterValidator(_aware_time),
    Field(max_length=40, description="ISO-8601 time with its UTC offset",
          examples=["2026-11-20T08:15:00+07:00"], json_schema_extra={"format": "date-time"}),
]
# A line of text a person typed: no control characters (PostgreSQL refuses NUL in text). The
# pattern says so in the OpenAPI description; the validator says it in words.
Line = Annotated[str, AfterValidator(_printable),
                 Field(json_schema_extra={"pattern": r"^[^\x00-\x1f\x7f]*$"})]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(Model):
    error: str = Field(description="machine-readable: one of protocol.ERROR_*")
    detail: str = Field(description="the reason, for people")


class Health(Model):
    status: Literal["ok"]
    protocol: int


class ServerTime(Model):
    server_time: str


class EnrollRequest(Model):
    code: str = Field(min_length=1, max_length=64, description="one-time enrollment code")
    device_name: Line = Field(min_length=1, max_length=120)
    request_key: str | None = Field(
        default=None, pattern=protocol.ENROLLMENT_KEY_PATTERN,
        description="random key the counter keeps for this code: the same request again gets "
                    "the same device back (its answer was lost)")


class CommuneOut(Model):
    id: int
    name: str
    agency_code: str


class LookupOut(Model):
    url: str = Field(description="the hub's public address, for the citizen's lookup link")
    key: str = Field(pattern=r"^[0-9a-f]{64}$", description="the commune's lookup key")


class EnrollResponse(Model):
    device_id: int
    token: str
    commune: CommuneOut
    lookup: LookupOut | None = None


class EventIn(Model):
    """One event as the counter recorded it (protocol.EVENT_FIELDS)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    uuid: str = Field(pattern=UUID_PATTERN)
    dossier_uuid: str = Field(pattern=UUID_PATTERN)
    kind: str = Field(json_schema_extra={"enum": sorted(protocol.EVENT_KINDS)})
    status: int = Field(ge=1, le=10, description="the dossier's state after the event")
    payload: dict[str, Any]
    clerk: Line = Field(min_length=1, max_length=200)
    device_seq: int = Field(ge=0, le=2**62)
    device_time: AwareTime
    prev_hash: str | None = Field(default=None, pattern=HASH_PATTERN,
                                  description="hash of this device's previous event")
    hash: str | None = Field(default=None, pattern=HASH_PATTERN,
                             description="protocol.chain_hash(prev_hash, this event)")

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in protocol.EVENT_KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        return kind

    @field_validator("payload")
    @classmethod
    def _shallow(cls, payload: dict[str, Any]) -> dict[str, Any]:
        if _depth(payload) > MAX_PAYLOAD_DEPTH:
            raise ValueError(f"payload nests deeper than {MAX_PAYLOAD_DEPTH} levels")
        if _holds_nul(payload):
            raise ValueError("payload holds a NUL character")
        return payload

    @model_validator(mode="after")
    def _consistent(self) -> EventIn:
        if self.status not in protocol.EVENT_KINDS[self.kind]:
            raise ValueError(f"status {self.status} does not follow a {self.kind!r} event")
        if self.kind == "received":
            code = self.payload.get("code")
            if not isinstance(code, str) or not 0 < len(code) <= MAX_CODE_LENGTH:
                raise ValueError("a 'received' event's payload needs the dossier code")
        return self


# Declared, and described, as plain objects: a bad event reaches the per-event check (EventIn)
# and is answered `invalid` in a 200 instead of failing the whole request, so the description
# must not promise that the request is refused.
EventItem = Annotated[dict[str, Any], WithJsonSchema({
    "type": "object",
    "description": "an event as the counter recorded it (protocol EventOut), checked on its "
                   "own: one that breaks these rules is answered `invalid` while the rest of "
                   "the batch is stored. " + json.dumps(EventIn.model_json_schema()),
})]


class PushRequest(Model):
    events: list[EventItem] = Field(max_length=protocol.MAX_BATCH)
    sent_at: AwareTime | None = Field(
        default=None, description="the device's clock when it sent the batch (for clock skew)"
    )
    backlog: int | None = Field(
        default=None, ge=0, le=2**31 - 1,
        description="events still queued on the device after this batch"
    )


class EventResult(Model):
    uuid: str | None
    result: Literal["accepted", "duplicate", "conflict", "invalid"]
    reason: str | None = None
    server_time: str | None = None


class PushResponse(Model):
    results: list[EventResult]
    server_time: str


class Change(Model):
    seq: int
    type: Literal["catalogue", "calendar", "agency_code", "form_set", "event"]
    data: dict[str, Any]


class ChangesPage(Model):
    changes: list[Change]
    next_cursor: int
    more: bool


class DeviceSummary(Model):
    """What the hub holds from this device, for the counter's end-of-day reconciliation."""

    device_id: int
    name: str
    commune: CommuneOut
    events_stored: int
    day: str
    events_on_day: int = Field(description="events whose device_time falls on `day` (+07:00)")
    last_push_at: str | None
    clock_skew_seconds: float | None


class FileAsked(Model):
    size: int = Field(ge=1, le=protocol.MAX_FILE_BYTES,
                      description="the file's size in bytes (a hub may allow less: 413)")


class FileAskItem(Model):
    sha256: str = Field(pattern=HASH_PATTERN, description="the file's SHA-256")
    size: int = Field(ge=1, le=protocol.MAX_FILE_BYTES,
                      description="the file's size in bytes (a hub may allow less)")


class FilesAsked(Model):
    files: list[FileAskItem] = Field(min_length=1, max_length=protocol.MAX_FILES_ASKED)


class FileHeld(Model):
    """What the hub holds of a file: its first `offset` bytes; `complete`: all of them, hash
    checked ("have it")."""

    sha256: str
    size: int
    offset: int
    complete: bool


class FileAnswer(FileHeld):
    """One file of a batch ask: what the hub holds of it, or `error` (file_not_named,
    file_too_large, invalid_request) and `detail` when the device may not upload it as asked;
    then `offset` is 0 and `complete` false, whatever the hub holds."""

    error: str | None = None
    detail: str | None = None


class FilesHeld(Model):
    files: list[FileAnswer] = Field(description="files[i] answers the ask's files[i]")


class DocumentsAsked(Model):
    id_number: str = Field(
        pattern=protocol.ID_NUMBER_PATTERN,
        description="the citizen's 12-digit ID number (CCCD); in the body, never in the URL, "
                    "so that it stays out of access logs")


class DocumentFound(Model):
    """A document digitised for the citizen in a dossier of the device's commune; its file
    (the hub holds it whole) is fetched with GET /files/{sha256}."""

    document: str = Field(description="the document's name, as in the procedure's checklist")
    sha256: str
    pages: int
    size: int = Field(description="the file's size in bytes")
    dossier_code: str | None = Field(description="the dossier it was digitised for")
    digitised_at: str = Field(description="when (the counter's time, +07:00)")


class DocumentsFound(Model):
    documents: list[DocumentFound] = Field(
        description=f"newest first, each document's file once, at most "
                    f"{protocol.MAX_DOCUMENTS_FOUND}")
