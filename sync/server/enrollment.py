"""Enrolling a counter: a one-time code from the province becomes a device token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, Engine, insert, select, update

from sync import protocol
from sync.server import clock, credentials
from sync.server.errors import AdminError, ApiError
from sync.server.tables import communes, devices, enrollment_codes
from sync.server.text import clean

MAX_CODE_HOURS = 24 * 30  # a month


@dataclass(frozen=True)
class Enrolled:
    device_id: int
    token: str
    commune_id: int
    commune_name: str
    agency_code: str


def issue_code(engine: Engine, commune_id: int, *, expires_hours: float = 72) -> str:
    """A new one-time code for a counter of `commune_id`; only its hash is kept."""
    # Written so that NaN fails too; a code valid for years is a standing key to the hub.
    if not 0 < expires_hours <= MAX_CODE_HOURS:
        raise AdminError(f"a code must stay valid for some time, at most {MAX_CODE_HOURS:g} "
                         f"hours (expires-hours in (0, {MAX_CODE_HOURS:g}])")
    now = clock.now()
    code = credentials.new_enrollment_code()
    with engine.begin() as connection:
        if connection.execute(select(communes.c.id).where(communes.c.id == commune_id)).first() is None:
            raise AdminError(f"no commune with id {commune_id}")
        connection.execute(insert(enrollment_codes).values(
            code_hash=credentials.digest(protocol.normalise_code(code)),
            commune_id=commune_id,
            created_at=clock.stamp(now),
            expires_at=clock.stamp(now + timedelta(hours=expires_hours)),
        ))
    return code


def redeem(engine: Engine, code: str, device_name: str,
           request_key: str | None = None) -> Enrolled:
    """Use a code (once) and register the device. Refusals are 401 with the reason.

    The same request again (same code and `request_key`, the code still valid) is the counter
    retrying after its answer was lost: it gets the same device with a new token, and the
    token of the lost answer stops working."""
    now = clock.stamp(clock.now())
    code_hash = credentials.digest(protocol.normalise_code(code))
    key_hash = credentials.digest(request_key) if request_key else None
    token = credentials.new_token()
    with engine.begin() as connection:
        # One UPDATE both checks and spends the code, so two counters racing with the same code
        # cannot both get in.
        commune_id = connection.execute(
            update(enrollment_codes)
            .where(enrollment_codes.c.code_hash == code_hash)
            .where(enrollment_codes.c.used_at.is_(None))
            .where(enrollment_codes.c.expires_at > now)
            .values(used_at=now, request_key_hash=key_hash)
            .returning(enrollment_codes.c.commune_id)
        ).scalar()
        if commune_id is None:
            retried = _same_request(connection, code_hash, key_hash, now) if key_hash else None
            if retried is None:
                raise _refusal(connection, code_hash)
            return _new_token(connection, retried, token)
        device_id = connection.execute(
            insert(devices).values(commune_id=commune_id, name=clean(device_name),
                                   token_hash=credentials.digest(token), created_at=now)
            .returning(devices.c.id)
        ).scalar_one()
        connection.execute(update(enrollment_codes)
                           .where(enrollment_codes.c.code_hash == code_hash)
                           .values(device_id=device_id))
        commune = connection.execute(
            select(communes.c.name, communes.c.agency_code).where(communes.c.id == commune_id)
        ).one()
    return Enrolled(device_id, token, commune_id, commune.name, commune.agency_code)


def _same_request(connection: Connection, code_hash: str, key_hash: str,
                  now: str) -> int | None:
    """The device the code was spent on by a request with this key, if the code is still
    valid and the device not revoked."""
    return connection.execute(
        select(devices.c.id)
        .join(enrollment_codes, enrollment_codes.c.device_id == devices.c.id)
        .where(enrollment_codes.c.code_hash == code_hash)
        .where(enrollment_codes.c.request_key_hash == key_hash)
        .where(enrollment_codes.c.expires_at > now)
        .where(devices.c.revoked_at.is_(None))
        .with_for_update()
    ).scalar()


def _new_token(connection: Connection, device_id: int, token: str) -> Enrolled:
    connection.execute(update(devices).where(devices.c.id == device_id)
                       .values(token_hash=credentials.digest(token)))
    row = connection.execute(
        select(communes.c.id, communes.c.name, communes.c.agency_code)
        .join(devices, devices.c.commune_id == communes.c.id).where(devices.c.id == device_id)
    ).one()
    return Enrolled(device_id, token, row.id, row.name, row.agency_code)


def _refusal(connection, code_hash: str) -> ApiError:
    row = connection.execute(
        select(enrollment_codes.c.used_at, enrollment_codes.c.expires_at)
        .where(enrollment_codes.c.code_hash == code_hash)
    ).first()
    if row is None:
        detail = "unknown enrollment code: check it or ask the province for a new one"
    elif row.used_at is not None:
        detail = f"this enrollment code was already used on {row.used_at}: ask for a new one"
    else:
        detail = f"this enrollment code expired on {row.expires_at}: ask for a new one"
    return ApiError(401, protocol.ERROR_BAD_CODE, detail)
