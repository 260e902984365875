"""Who is calling: the device behind a bearer token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, select

from sync import protocol
from sync.server import credentials
from sync.server.database import reading
from sync.server.errors import ApiError
from sync.server.tables import communes, devices
from sync.server.throttle import Throttle

bearer = HTTPBearer(auto_error=False, description="the device token /enroll returned")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


@dataclass(frozen=True)
class Device:
    id: int
    name: str
    commune_id: int
    commune_name: str
    agency_code: str


def _refuse(error: str, detail: str) -> ApiError:
    return ApiError(401, error, detail, _CHALLENGE)


def current_device(
    request: Request, given: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Device:
    throttle: Throttle = request.app.state.throttle
    address = client_address(request)
    throttle.check(address)
    try:
        return _device(request, given)
    except ApiError:
        throttle.failed(address)
        raise


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# Built once: every authenticated request asks it (each uploaded file's), and building a
# statement and its cache key costs more than running it.
_BY_TOKEN = (
    select(devices.c.id, devices.c.name, devices.c.revoked_at, devices.c.commune_id,
           communes.c.name.label("commune_name"), communes.c.agency_code)
    .join(communes, communes.c.id == devices.c.commune_id)
    .where(devices.c.token_hash == bindparam("token_hash"))
)


def _device(request: Request, given: HTTPAuthorizationCredentials | None) -> Device:
    if given is None or not given.credentials:
        raise _refuse(protocol.ERROR_MISSING_TOKEN, "no device token: send Authorization: Bearer")
    with reading(request.app.state.engine) as connection:
        row = connection.execute(_BY_TOKEN, {"token_hash": credentials.digest(given.credentials)}
                                 ).first()
    if row is None:
        raise _refuse(protocol.ERROR_UNKNOWN_TOKEN, "unknown device token: enroll this counter")
    if row.revoked_at is not None:
        raise _refuse(protocol.ERROR_REVOKED_TOKEN,
                      f"this device was revoked on {row.revoked_at}: enroll it again")
    return Device(row.id, row.name, row.commune_id, row.commune_name, row.agency_code)
