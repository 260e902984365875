"""The hub's HTTP API (the routes of sync.protocol) as a FastAPI application."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import Response
from sqlalchemy import Engine, func, select, text, update
from starlette.concurrency import run_in_threadpool

from sync import protocol
from sync.server import changes, clock, enrollment, errors, files, ingest, reuse
from sync.server.auth import Device, client_address, current_device
from sync.server.body_limits import BodyLimits
from sync.server.database import open_engine, reading
from sync.server.errors import ApiError, documented
from sync.server.settings import HubSettings
from sync.server.tables import devices, events
from sync.server.throttle import Throttle
from sync.server.web import admin, lookup, pages
from sync.server.web.settings import WebSettings
from sync.server.wire import (
    ChangesPage,
    CommuneOut,
    DeviceSummary,
    DocumentFound,
    DocumentsAsked,
    DocumentsFound,
    EnrollRequest,
    EnrollResponse,
    FileAnswer,
    FileAsked,
    FileHeld,
    FilesAsked,
    FilesHeld,
    Health,
    PushRequest,
    PushResponse,
    ServerTime,
)

DB_ENV = "PROVINCE_HUB_DB"
SETTINGS_ENV = "PROVINCE_HUB_SETTINGS"

router = APIRouter(prefix=protocol.API_PREFIX)
# 429: too many failed enrollments or authentications lately (throttle).
_SENDING_A_BODY = documented(400, 401, 413, 415, 422, 429)
_AUTHORISED = documented(401, 422, 429)


async def _engine(request: Request) -> Engine:
    # async: FastAPI runs a plain def dependency on the thread pool, a thread hop per request
    # (each uploaded file's) for reading an attribute.
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
    throttle: Throttle = request.app.state.throttle
    address = client_address(request)
    throttle.check(address)
    try:
        enrolled = enrollment.redeem(engine, body.code, body.device_name, body.request_key)
    except ApiError:
        throttle.failed(address)
        raise
    return EnrollResponse(
        device_id=enrolled.device_id,
        token=enrolled.token,
        commune=CommuneOut(id=enrolled.commune_id, name=enrolled.commune_name,
                           agency_code=enrolled.agency_code),
        lookup=lookup.for_counter(request, engine, enrolled.commune_id),
    )


@router.post("/events", response_model=PushResponse, responses=_SENDING_A_BODY)
def push_events(body: PushRequest, device: DeviceDep, engine: EngineDep,
                request: Request) -> PushResponse:
    results, server_time = ingest.push(engine, device, body.events, sent_at=body.sent_at,
                                       backlog=body.backlog,
                                       quotas=request.app.state.settings.quotas)
    return PushResponse(results=results, server_time=server_time)


# The next page starts at this page's next_cursor: a link the OpenAPI description states, so
# stateful testing can follow the feed.
_NEXT_PAGE = {"links": {"NextPage": {
    "operationId": "pull_changes", "parameters": {"cursor": "$response.body#/next_cursor"},
    "description": "the next page of changes"}}}


@router.get("/changes", response_model=ChangesPage, operation_id="pull_changes",
            responses={**_AUTHORISED, 200: _NEXT_PAGE})
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
    day: Annotated[str | None, Query(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                     json_schema_extra={"format": "date"},
                                     description="day (+07:00) to count; default today")] = None,
) -> DeviceSummary:
    # Only YYYY-MM-DD, as described (pydantic's own date would also take "0" as a timestamp).
    try:
        day = date.fromisoformat(day) if day else clock.now().date()
    except ValueError as exc:
        raise ApiError(422, protocol.ERROR_INVALID_REQUEST, f"day: {exc}") from exc
    mine = events.c.device_id == device.id
    with reading(engine) as connection:
        on_day = connection.execute(
            select(func.count()).where(mine)
            .where(events.c.device_time_vn >= day.isoformat())
            .where(events.c.device_time_vn < (day + timedelta(days=1)).isoformat())
        ).scalar_one()
        row = connection.execute(select(devices.c.last_push_at, devices.c.clock_skew_seconds,
                                        devices.c.events_stored)
                                 .where(devices.c.id == device.id)).one()
    return DeviceSummary(
        device_id=device.id, name=device.name,
        commune=CommuneOut(id=device.commune_id, name=device.commune_name,
                           agency_code=device.agency_code),
        events_stored=row.events_stored, day=day.isoformat(), events_on_day=on_day,
        last_push_at=row.last_push_at, clock_skew_seconds=row.clock_skew_seconds,
    )


FileHash = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="the file's SHA-256")]
_FILE_REFUSALS = {**_SENDING_A_BODY, **documented(403)}


def _held(found: files.Held) -> FileHeld:
    return FileHeld(sha256=found.sha256, size=found.size, offset=found.offset,
                    complete=found.complete)


# Before /files/{sha256}, whose path "ask" would match (and fail as not a SHA-256).
@router.post("/files/ask", response_model=FilesHeld, responses=_SENDING_A_BODY)
def ask_files(body: FilesAsked, device: DeviceDep, engine: EngineDep,
              request: Request) -> FilesHeld:
    """How much of each file the hub holds, for many files in one exchange; a file the device
    may not upload is refused alone, in its answer."""
    found = files.held_many(engine, request.app.state.settings, device,
                            [(item.sha256, item.size) for item in body.files])
    return FilesHeld(files=[
        FileAnswer(sha256=item.sha256, size=item.size, offset=0, complete=False,
                   error=answer.error, detail=answer.detail)
        if isinstance(answer, ApiError) else FileAnswer(**_held(answer).model_dump())
        for item, answer in zip(body.files, found, strict=True)])


@router.post("/files/{sha256}", response_model=FileHeld, responses=_FILE_REFUSALS)
def ask_file(sha256: FileHash, body: FileAsked, device: DeviceDep, engine: EngineDep,
             request: Request) -> FileHeld:
    """How much of a file the hub holds (complete: "have it"), before uploading it."""
    return _held(files.held(engine, request.app.state.settings, device, sha256, body.size))


@router.put("/files/{sha256}", response_model=FileHeld,
            responses={**_FILE_REFUSALS, **documented(409)},
            openapi_extra={"requestBody": {"required": True, "content": {
                "application/octet-stream": {"schema": {"type": "string",
                                                        "format": "binary"}}}}})
async def upload_file_chunk(
    sha256: FileHash,
    device: DeviceDep,
    engine: EngineDep,
    request: Request,
    offset: Annotated[int, Query(ge=0, le=2**62, description="where the body starts")],
    size: Annotated[int, Query(ge=1, le=protocol.MAX_FILE_BYTES,
                               description="the whole file's size")],
) -> FileHeld:
    """Bytes of a file from `offset` on (the body: raw bytes, no JSON)."""
    data = await request.body()  # already bounded by BodyLimits
    state = request.app.state
    found = await run_in_threadpool(files.receive, engine, state.file_store, state.settings,
                                    device, sha256, offset, size, data)
    return _held(found)


@router.get("/files/{sha256}", response_class=Response, responses={
    **documented(401, 404, 422, 429), 200: {"content": {"application/pdf": {}}}})
def fetch_file(sha256: FileHash, device: DeviceDep, engine: EngineDep,
               request: Request) -> Response:
    """A whole file an event of this device's commune named."""
    parts = files.read(engine, request.app.state.file_store, device, sha256)
    return Response(b"".join(parts), media_type="application/pdf")


@router.post("/documents/find", response_model=DocumentsFound, responses=_SENDING_A_BODY)
def find_documents(body: DocumentsAsked, device: DeviceDep, engine: EngineDep) -> DocumentsFound:
    """The documents digitised for a citizen in this device's commune, for a counter to reuse
    instead of a new scan (its files: GET /files/{sha256}). The ask is recorded: a lookup of
    personal data (Decree 356/2025/NĐ-CP)."""
    return DocumentsFound(documents=[
        DocumentFound(document=found.document, sha256=found.sha256, pages=found.pages,
                      size=found.size, dossier_code=found.dossier_code,
                      digitised_at=found.digitised_at)
        for found in reuse.find(engine, device, body.id_number)])


def create_app(engine: Engine, settings: HubSettings | None = None,
               monotonic: Callable[[], float] = time.monotonic,
               web: WebSettings | None = None) -> FastAPI:
    """The API and the province's web over an already migrated database. `monotonic` is the
    clock the limits count time with (tests step it by hand); `web`: settings of the web pages,
    by default from the environment."""
    settings = settings or HubSettings()
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
    app.state.settings = settings
    app.state.file_store = files.DatabaseFileStore()
    app.state.throttle = Throttle(settings.limits, monotonic)
    app.include_router(router)
    pages.install(app, web or WebSettings.from_environment())
    admin.install(app)
    errors.install(app)
    # Pulled catalogues are large and compress well; counters send Accept-Encoding: gzip.
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(BodyLimits)
    return app


def app_from_environment() -> FastAPI:
    """uvicorn factory for `province-hub serve` (the database URL comes in DB_ENV and the
    settings in SETTINGS_ENV, so that several worker processes can each open it)."""
    return create_app(open_engine(os.environ[DB_ENV]),
                      HubSettings.from_json(os.environ.get(SETTINGS_ENV, "{}")))
