"""Every refusal the hub sends has the body `{"error": ERROR_*, "detail": reason}`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from sync import protocol
from sync.server.wire import ErrorBody


class ApiError(Exception):
    def __init__(self, status: int, error: str, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status = status
        self.error = error
        self.detail = detail
        self.headers = headers


def error_response(status: int, error: str, detail: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail}, status_code=status, headers=headers)


def describe(errors: list[dict]) -> str:
    """Pydantic's error list as one line: `events.0.status: Input should be ...; ...`."""
    parts = []
    for error in errors[:10]:
        loc = tuple(error.get("loc", ()))
        # FastAPI prefixes body fields with "body"; a bare "body" says the body itself is wrong.
        where = ".".join(str(part) for part in (loc[1:] if loc[:1] == ("body",) and len(loc) > 1
                                                 else loc))
        message = error["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    if len(errors) > 10:
        parts.append(f"and {len(errors) - 10} more")
    return "; ".join(parts)


def validation_reason(exc: ValidationError) -> str:
    return describe(exc.errors(include_url=False))


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.error, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        for error in errors:
            if error.get("type") == "json_invalid":
                where = error["loc"][-1]
                return error_response(400, protocol.ERROR_BAD_JSON,
                                      f"malformed JSON: {error['ctx']['error']} at position {where}")
        if isinstance(exc.body, bytes) and exc.body:
            # FastAPI leaves a body it did not parse as JSON (another Content-Type) as bytes.
            return error_response(415, protocol.ERROR_UNSUPPORTED_MEDIA_TYPE,
                                  "send the body as JSON with Content-Type: application/json")
        return error_response(422, protocol.ERROR_INVALID_REQUEST, describe(errors))

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        # Starlette's own refusals: unknown path or method, and a body FastAPI could not parse
        # (JSON nested too deeply for the parser, for one).
        if exc.status_code == 400:
            return error_response(400, protocol.ERROR_BAD_JSON,
                                  f"the body cannot be read as JSON: {exc.detail}")
        error = str(exc.detail).lower().replace(" ", "_")
        return error_response(exc.status_code, error, str(exc.detail), exc.headers)


def documented(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI `responses` entry for the given error statuses."""
    return {status: {"model": ErrorBody} for status in statuses}


class AdminError(ValueError):
    """An administrator's request the hub cannot carry out (unknown commune, stale catalogue...)."""
