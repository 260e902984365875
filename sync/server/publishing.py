"""What the province sends down to the counters through the pull feed: procedure catalogue
versions, the holiday/working-day table, a commune's new agency code, sets of official forms, and
events on a commune's dossiers."""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlalchemy import Engine, insert, or_, select

from sync import protocol
from sync.protocol import canonical_json, content_digest
from sync.server import changes, clock, codes, registry, scorecard
from sync.server.database import insert_ignoring_conflicts, reading
from sync.server.errors import AdminError, validation_reason
from sync.server.ingest import describe_dossier, dossier_view_update
from sync.server.tables import calendar_entries, catalogue_versions, communes, dossiers, events
from sync.server.text import clean

VERSION = re.compile(r"^\d+(\.\d+)*$")


class _Document(BaseModel):
    # Fields the hub does not know travel through untouched: the counter reads the catalogue.
    model_config = ConfigDict(extra="allow", strict=True)


class _Time(_Document):
    value: int = Field(ge=0)
    unit: Literal["same_day", "working_days", "working_hours", "calendar_days"]

    @model_validator(mode="after")
    def _same_day_is_zero(self) -> _Time:
        if self.unit == "same_day" and self.value != 0:
            raise ValueError("a same-day procedure has value 0")
        return self


class _RequiredDocument(_Document):
    name: str = Field(min_length=1)
    mandatory: bool = True
    originals: int = Field(default=0, ge=0)
    certified: int = Field(default=0, ge=0)
    copies: int = Field(default=0, ge=0)


class _Procedure(_Document):
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1)
    field: str
    time: _Time
    fee: int = Field(default=0, ge=0)
    fee_note: str = ""
    documents: list[_RequiredDocument] = []


class Catalogue(_Document):
    """The format of resources/catalogue/procedures.json."""

    version: str = Field(pattern=VERSION.pattern, max_length=40)
    source: str = ""
    procedures: list[_Procedure] = Field(min_length=1)

    @field_validator("procedures")
    @classmethod
    def _unique_codes(cls, procedures: list[_Procedure]) -> list[_Procedure]:
        codes = [p.code for p in procedures]
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise ValueError(f"procedure codes listed twice: {', '.join(repeated)}")
        return procedures


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def publish_catalogue(engine: Engine, document: Any) -> tuple[str, bool]:
    """Publish a catalogue version to every commune: (version, whether it is new). Publishing
    the same document again changes nothing; versions only go forward."""
    try:
        catalogue = Catalogue.model_validate(document)
    except ValidationError as exc:
        raise AdminError(f"not a procedure catalogue: {validation_reason(exc)}") from exc
    text = canonical_json(document)
    with engine.begin() as connection:
        published = connection.execute(
            select(catalogue_versions.c.version, catalogue_versions.c.document)).all()
        for version, stored in published:
            if version == catalogue.version:
                if stored == text:
                    return version, False
                raise AdminError(f"version {version} was already published with other content: "
                                 "give the new catalogue a higher version")
        newest = max((version for version, _ in published), key=version_key, default=None)
        if newest is not None and version_key(catalogue.version) <= version_key(newest):
            raise AdminError(f"version {catalogue.version} is not newer than {newest}")
        connection.execute(insert(catalogue_versions).values(
            version=catalogue.version, source=clean(catalogue.source), document=text,
            published_at=clock.stamp(clock.now())))
        changes.record(connection, "catalogue", json.loads(text))
    return catalogue.version, True


class _Form(_Document):
    number: str
    title: str = Field(min_length=1)


class FormSet(_Document):
    """A set of official forms and the day it takes effect: the format of one entry of
    resources/forms.json's `sets`. A published set is dated (the undated, oldest set is the
    counter's own)."""

    name: str = Field(min_length=1, max_length=40)
    effective_from: str
    regulation: str
    sources: list[str] = Field(min_length=1)
    forms: dict[str, _Form] = Field(min_length=1)

    @field_validator("effective_from")
    @classmethod
    def _a_day(cls, value: str) -> str:
        date.fromisoformat(value)
        return value


def publish_form_set(engine: Engine, document: Any) -> str:
    """Send a set of forms to every commune; the counters print slips of events from its
    `effective_from` on it. A set published again under the same name replaces the earlier one
    on the counters (a corrected date, a title put right)."""
    try:
        form_set = FormSet.model_validate(document)
    except ValidationError as exc:
        raise AdminError(f"not a form set: {validation_reason(exc)}") from exc
    with engine.begin() as connection:
        changes.record(connection, "form_set", json.loads(canonical_json(document)))
    return form_set.name


def set_calendar_day(engine: Engine, day: date, kind: Literal["off", "work"], note: str) -> None:
    """Declare a day off or a swapped working day for every commune (the local table wins over
    the holidays package on the counters)."""
    if kind not in ("off", "work"):
        raise AdminError(f"calendar kind must be 'off' or 'work', not {kind!r}")
    entry = {"day": day.isoformat(), "kind": kind, "note": clean(note)}
    now = clock.stamp(clock.now())
    with engine.begin() as connection:
        connection.execute(
            insert_ignoring_conflicts(connection, calendar_entries).values(**entry, updated_at=now))
        connection.execute(
            calendar_entries.update().where(calendar_entries.c.day == entry["day"])
            .values(kind=kind, note=entry["note"], updated_at=now))
        changes.record(connection, "calendar", entry)


def set_agency_code(engine: Engine, commune_id: int, code: str, since: date) -> dict[str, str]:
    """A commune's new agency code from `since` on (merged communes get new codes: Decision
    09/2025/QĐ-TTg), sent down to its counters; the hub names the commune by it from now on.
    Codes already issued keep their prefix: the counters use the new one for dossiers
    received from that day."""
    code = code.strip().upper()
    if not registry.AGENCY_CODE.match(code) or len(code) > 40:
        raise AdminError(f"agency code {code!r} is not of the form 000.17.22.H56")
    entry = {"code": code, "since": since.isoformat()}
    with engine.begin() as connection:
        current = connection.execute(
            select(communes.c.agency_code).where(communes.c.id == commune_id)).first()
        if current is None:
            raise AdminError(f"no commune {commune_id}")
        taken = codes.owner(connection, code)
        if taken is not None and taken != commune_id:
            raise AdminError(f"agency code {code} already belongs to commune {taken}")
        if taken is None:
            codes.record(connection, commune_id, code, since)
        connection.execute(
            communes.update().where(communes.c.id == commune_id).values(agency_code=code))
        changes.record(connection, "agency_code", entry, commune_id=commune_id)
    return entry


def list_calendar(engine: Engine) -> list[tuple[str, str, str]]:
    with reading(engine) as connection:
        return connection.execute(
            select(calendar_entries.c.day, calendar_entries.c.kind, calendar_entries.c.note)
            .order_by(calendar_entries.c.day)
        ).all()


PROVINCE_STATUS = {"result_ready": 9, "supplement_requested": 5}


def add_province_event(engine: Engine, dossier: str, kind: str, note: str,
                       clerk: str = "Tỉnh") -> dict[str, Any]:
    """Record an event the province decided on a dossier (a processing agency says the result
    is ready, or asks for a supplement) and send it down to the dossier's commune."""
    if kind not in protocol.PROVINCE_EVENT_KINDS:
        raise AdminError(f"kind must be one of {', '.join(protocol.PROVINCE_EVENT_KINDS)}")
    clerk = clean(clerk)
    if not clerk:
        raise AdminError("say who records the event (clerk)")
    moment = clock.now()
    with engine.begin() as connection:
        found = connection.execute(
            select(dossiers.c.uuid, dossiers.c.commune_id, dossiers.c.code)
            .where(or_(dossiers.c.uuid == dossier.strip().lower(),
                       dossiers.c.code == dossier.strip()))
        ).all()
        if not found:
            raise AdminError(f"no dossier with code or UUID {dossier!r} has reached the hub")
        if len(found) > 1:
            raise AdminError(f"{len(found)} dossiers match {dossier!r}: give the UUID")
        target = found[0]
        event = {
            "uuid": str(uuidlib.uuid4()),
            "dossier_uuid": target.uuid,
            "kind": kind,
            "status": PROVINCE_STATUS[kind],
            "payload": {"code": target.code, "note": clean(note)},
            "clerk": clerk,
            "device_seq": 0,
            "device_time": clock.stamp(moment),
        }
        server_time = event["device_time"]
        connection.execute(insert(events).values(
            uuid=event["uuid"], commune_id=target.commune_id, device_id=None,
            dossier_uuid=target.uuid, kind=kind, status=event["status"],
            payload=canonical_json(event["payload"]), clerk=clerk, device_seq=0,
            device_time=event["device_time"], device_time_vn=server_time,
            content_digest=content_digest(event), server_time=server_time,
            clock_skew_seconds=None,
        ))
        connection.execute(dossier_view_update(), [{
            "b_uuid": target.uuid, "b_status": event["status"], "b_time": server_time,
            "b_event": event["uuid"], "b_now": server_time, **describe_dossier(None),
        }])
        scorecard.fold(connection, [scorecard.Happened(
            target.commune_id, target.uuid, kind, event["payload"], server_time)])
        changes.record(connection, "event", event, commune_id=target.commune_id)
    return event


def current_catalogue(engine: Engine) -> dict[str, Any] | None:
    """The newest published catalogue, None before the first."""
    with reading(engine) as connection:
        published = connection.execute(
            select(catalogue_versions.c.version, catalogue_versions.c.document)).all()
    if not published:
        return None
    return json.loads(max(published, key=lambda row: version_key(row.version)).document)
