"""The hub's HTTP API (the routes of sync.protocol) as a FastAPI application."""

from __future__ import annotations

import os
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from sqlalchemy import Engine, func, select, text, update

from sync import protocol
from sync.server import changes, clock, enrollment, errors, ingest
from sync.server.auth import Device, current_device
from sync.server.body_limits import BodyLimits
from sync.server.database import open_engine, reading
from sync.server.errors import ApiError, documented
from sync.server.tables import devices, events
from sync.server.web import lookup, pages
from sync.server.web.settings import WebSettings
from sync.server.wire import (
    ChangesPage,
    CommuneOut,
    DeviceSummary,
    EnrollRequest,
    EnrollResponse,
    Health,
    PushRequest,
    PushResponse,
    ServerTime,
)

DB_ENV = "PROVINCE_HUB_DB"

router = APIRouter(prefix=protocol.API_PREFIX)
_SENDING_A_BODY = documented(400, 401, 413, 415, 422)
_AUTHORISED = documented(401, 422)


def _engine(request: Request) -> Engine:
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(_engine)]
DeviceDep = Annotated[Device, Depends(current_device)]


@router.get("/health", response_model=Health, responses=documented(503))
def health(engine: EngineDep) -> Health:
    try:
        with reading(engine) as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        raise ApiError(503, protocol.ERROR_DATABASE_UNAVAILABLE,
                       f"database unavailable: {exc}") from exc
    return Health(status="ok", protocol=protocol.PROTOCOL_VERSION)


@router.get("/time", response_model=ServerTime)
def server_time() -> ServerTime:
    return ServerTime(server_time=clock.stamp(clock.now()))


@router.post("/enroll", response_model=EnrollResponse, responses=_SENDING_A_BODY)
def enroll(body: EnrollRequest, engine: EngineDep, request: Request) -> EnrollResponse:
    enrolled = enrollment.redeem(engine, body.code, body.device_name)
    return EnrollResponse(
        device_id=enrolled.device_id,
        token=enrolled.token,
        commune=CommuneOut(id=enrolled.commune_id, name=enrolled.commune_name,
                           agency_code=enrolled.agency_code),
        lookup=lookup.for_counter(request, engine, enrolled.commune_id),
    )


@router.post("/events", response_model=PushResponse, responses=_SENDING_A_BODY)
def push_events(body: PushRequest, device: DeviceDep, engine: EngineDep) -> PushResponse:
    results, server_time = ingest.push(engine, device, body.events, sent_at=body.sent_at,
                                       backlog=body.backlog)
    return PushResponse(results=results, server_time=server_time)


@router.get("/changes", response_model=ChangesPage, responses=_AUTHORISED)
def pull_changes(
    device: DeviceDep,
    engine: EngineDep,
    cursor: Annotated[int, Query(ge=0, le=2**62, description="the last seq applied")] = 0,
    limit: Annotated[int, Query(ge=1, le=protocol.MAX_PULL_LIMIT)] = protocol.DEFAULT_PULL_LIMIT,
) -> ChangesPage:
    with engine.begin() as connection:
        found, next_cursor, more = changes.page(connection, device.commune_id, cursor, limit)
        connection.execute(update(devices).where(devices.c.id == device.id)
                           .values(last_pull_at=clock.stamp(clock.now())))
    return ChangesPage(changes=found, next_cursor=next_cursor, more=more)


@router.get("/device", response_model=DeviceSummary, responses=_AUTHORISED)
def device_summary(
    device: DeviceDep,
    engine: EngineDep,
    day: Annotated[date | None, Query(description="day (+07:00) to count; default today")] = None,
) -> DeviceSummary:
    day = day or clock.now().date()
    mine = events.c.device_id == device.id
    with reading(engine) as connection:
        stored = connection.execute(select(func.count()).where(mine)).scalar_one()
        on_day = connection.execute(
            select(func.count()).where(mine)
            .where(events.c.device_time_vn >= day.isoformat())
            .where(events.c.device_time_vn < (day + timedelta(days=1)).isoformat())
        ).scalar_one()
        row = connection.execute(select(devices.c.last_push_at, devices.c.clock_skew_seconds)
                                 .where(devices.c.id == device.id)).one()
    return DeviceSummary(
        device_id=device.id, name=device.name,
        commune=CommuneOut(id=device.commune_id, name=device.commune_name,
                           agency_code=device.agency_code),
        events_stored=stored, day=day.isoformat(), events_on_day=on_day,
        last_push_at=row.last_push_at, clock_skew_seconds=row.clock_skew_seconds,
    )


def create_app(engine: Engine, web: WebSettings | None = None) -> FastAPI:
    """The API and the province's web over an already migrated database (`web`: settings of
    the web pages, by default from the environment)."""
    app = FastAPI(
        title="Provincial sync hub",
        version=str(protocol.PROTOCOL_VERSION),
        description=(protocol.__doc__ or "").split("\n\n", 1)[1],
        openapi_url=f"{protocol.API_PREFIX}/openapi.json",
        docs_url=f"{protocol.API_PREFIX}/docs",
        redoc_url=None,
        # A body without Content-Type is read as JSON; another type is refused with 415.
        strict_content_type=False,
    )
    app.state.engine = engine
    app.include_router(router)
    pages.install(app, web or WebSettings.from_environment())
    errors.install(app)
    # Pulled catalogues are large and compress well; counters send Accept-Encoding: gzip.
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(BodyLimits)
    return app


def app_from_environment() -> FastAPI:
    """uvicorn factory for `province-hub serve` (the database URL comes in DB_ENV, so that
    several worker processes can each open it)."""
    return create_app(open_engine(os.environ[DB_ENV]))
