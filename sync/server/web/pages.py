"""The routes of the province's web, its security headers and its forms' CSRF checks.

Every page that shows dossiers first finds the session (else: to the login page) and then asks
the account whether it sees the commune (else: 403), so a commune leader never reaches another
commune's pages, whatever URL is typed. Forms carry a CSRF token: the session's for a signed-in
account, and before login (the login and lookup forms) a random one that must also come back
in a SameSite=Strict cookie (double submit).
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import parse_qsl, quote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desk_app.core.states import DossierState
from sync.protocol import API_PREFIX, LOOKUP_PATH
from sync.server import clock
from sync.server.web import accounts, charts, lookup, scorecard_excel, scores, views
from sync.server.web.forms import attempt, new_password
from sync.server.web.settings import WebSettings

HERE = Path(__file__).parent
SESSION_COOKIE = "hub_session"
FORM_COOKIE = "hub_form"
STATIC_PATH = "/static"

# No inline script or style anywhere, no outside origin: the pages work without the internet.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")

router = APIRouter(include_in_schema=False)


def _time(text: str | None) -> str:
    """+07:00 ISO text as people read it here: 08:15 04/12/2026."""
    if not text:
        return "—"
    try:
        moment = clock.parse_aware(text).astimezone(clock.VN_TZ)
    except ValueError:
        return text
    return f"{moment:%H:%M %d/%m/%Y}"


templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                        autoescape=select_autoescape(["html"]), trim_blocks=True,
                        lstrip_blocks=True)
templates.filters["vn_time"] = _time


def _engine(request: Request) -> Engine:
    return request.app.state.engine


def _settings(request: Request) -> WebSettings:
    return request.app.state.web


async def _form(request: Request) -> dict[str, str]:
    """An urlencoded form body (the hub's BodyLimits already bounds its size)."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return dict(parse_qsl(body, keep_blank_values=True, max_num_fields=20))


EngineDep = Annotated[Engine, Depends(_engine)]
SettingsDep = Annotated[WebSettings, Depends(_settings)]
FormDep = Annotated[dict[str, str], Depends(_form)]


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    html = templates.get_template(name).render(request=request, **context)
    response = HTMLResponse(html, status_code=status)
    # Dossier data and tokens are not to be kept by a browser or a proxy.
    response.headers["Cache-Control"] = "no-store"
    return response


def _secure(request: Request) -> bool:
    return _settings(request).secure_cookies or request.url.scheme == "https"


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _now(request: Request) -> datetime:
    return _settings(request).now()


# --- sessions and CSRF ------------------------------------------------------------------------


def session_of(request: Request) -> accounts.Session | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token or len(token) > 100:
        return None
    return accounts.session(_engine(request), token, _now(request))


def to_login(request: Request) -> RedirectResponse:
    wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/dang-nhap?next={quote(wanted)}", status_code=303)


def _form_token(request: Request) -> str:
    """The pre-session CSRF token: the browser's cookie if it has one, else a new one."""
    token = request.cookies.get(FORM_COOKIE, "")
    return token if 20 <= len(token) <= 100 else secrets.token_urlsafe(32)


def _with_form_cookie(request: Request, response: Response, token: str) -> Response:
    response.set_cookie(FORM_COOKIE, token, httponly=True, samesite="strict",
                        secure=_secure(request), path="/")
    return response


def _form_token_holds(request: Request, form: dict[str, str]) -> bool:
    cookie = request.cookies.get(FORM_COOKIE, "")
    return bool(cookie) and hmac.compare_digest(cookie, form.get("csrf", ""))


def expired_form(request: Request, session: accounts.Session) -> HTMLResponse:
    """The answer to a signed-in account's form without its session's CSRF token."""
    return render(request, "error.html", 403, user=session.user, csrf=session.csrf_token,
                   title="Trang đã quá hạn",
                   message="Biểu mẫu đã quá hạn; vui lòng mở lại trang và làm lại.")


class Refused(Exception):
    """Raised by a page's gate (a dependency): the answer to give instead of the page."""

    def __init__(self, response: Response):
        super().__init__(response.status_code)
        self.response = response


def forbidden(request: Request, session: accounts.Session) -> HTMLResponse:
    return render(request, "error.html", 403, user=session.user, csrf=session.csrf_token,
                   title="Không có quyền",
                   message="Tài khoản của bạn không được xem trang này.")


def not_found(request: Request, session: accounts.Session | None, what: str) -> HTMLResponse:
    return render(request, "error.html", 404, user=session and session.user,
                   csrf=session and session.csrf_token, title="Không tìm thấy", message=what)


# --- login --------------------------------------------------------------------------------------


def _safe_next(target: str | None) -> str:
    """Only a path of this site: never an open redirect to another one."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/tong-quan"


@router.get("/")
def home(request: Request) -> Response:
    return RedirectResponse("/tong-quan" if session_of(request) else "/dang-nhap", status_code=303)


@router.get("/dang-nhap")
def login_page(request: Request, next: str | None = None) -> Response:
    token = _form_token(request)
    response = render(request, "login.html", csrf=token, next=_safe_next(next), error=None,
                       username="")
    return _with_form_cookie(request, response, token)


@router.post("/dang-nhap")
def login(request: Request, engine: EngineDep, settings: SettingsDep, form: FormDep) -> Response:
    username, target = form.get("username", ""), _safe_next(form.get("next"))

    def again(error: str, status: int) -> Response:
        token = _form_token(request)
        response = render(request, "login.html", status, csrf=token, next=target, error=error,
                           username=username[:60])
        return _with_form_cookie(request, response, token)

    if not _form_token_holds(request, form):
        return again("Phiên của trang đã hết; vui lòng đăng nhập lại.", 403)
    wait = settings.login_limiter.hit(_client(request))
    if wait is not None:
        response = again(f"Đăng nhập quá nhiều lần; thử lại sau {wait} giây.", 429)
        response.headers["Retry-After"] = str(wait)
        return response
    try:
        user = accounts.authenticate(engine, username, form.get("password", ""), _now(request))
    except accounts.LoginRefused as exc:
        return again(str(exc), 401)
    return _signed_in(request, engine, user, target)


def _signed_in(request: Request, engine: Engine, user: accounts.User, target: str) -> Response:
    """To `target` with a new session's cookie."""
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, accounts.start_session(engine, user, _now(request)),
                        httponly=True, samesite="strict", secure=_secure(request), path="/",
                        max_age=accounts.SESSION_HOURS * 3600)
    return response


@router.post("/dang-xuat")
def logout(request: Request, engine: EngineDep, form: FormDep) -> Response:
    session = session_of(request)
    if session is not None and hmac.compare_digest(session.csrf_token, form.get("csrf", "")):
        accounts.end_session(engine, request.cookies[SESSION_COOKIE])
    response = RedirectResponse("/dang-nhap", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- one's own password -------------------------------------------------------------------------

PASSWORD_PATH = "/mat-khau"
PASSWORD_CHANGED = "Đã đổi mật khẩu; các phiên đăng nhập khác của tài khoản đã kết thúc."


def _password_page(request: Request, session: accounts.Session, status: int = 200,
                   errors: dict[str, str] | None = None, done: str | None = None) -> Response:
    return render(request, "password.html", status, user=session.user, csrf=session.csrf_token,
                   errors=errors or {}, done=done, max_failures=accounts.MAX_FAILURES)


@router.get(PASSWORD_PATH)
def password_page(request: Request, da: str = "") -> Response:
    session = session_of(request)
    if session is None:
        return to_login(request)
    return _password_page(request, session, done=PASSWORD_CHANGED if da == "1" else None)


@router.post(PASSWORD_PATH)
def change_password(request: Request, engine: EngineDep, settings: SettingsDep, form: FormDep
                    ) -> Response:
    """Any signed-in account's own new password. The current one is checked as at login (the
    same per-address limit, and wrong ones count towards the account's lock-out); after the
    change every session of the account ends, and this browser goes on in a new one."""
    session = session_of(request)
    if session is None:
        return to_login(request)
    if not hmac.compare_digest(session.csrf_token, form.get("csrf", "")):
        return expired_form(request, session)
    wait = settings.login_limiter.hit(_client(request))
    if wait is not None:
        response = _password_page(request, session, 429, {
            "current": f"Nhập mật khẩu quá nhiều lần; thử lại sau {wait} giây."})
        response.headers["Retry-After"] = str(wait)
        return response
    errors: dict[str, str] = {}
    password = attempt(errors, lambda: new_password(form))
    try:
        accounts.check_own_password(engine, session.user, form.get("current", ""),
                                    _now(request))
    except accounts.LoginRefused as exc:
        errors["current"] = str(exc)
    if errors:
        return _password_page(request, session, 422, errors)
    accounts.set_password(engine, session.user.username, password)
    return _signed_in(request, engine, session.user, f"{PASSWORD_PATH}?da=1")


# --- the province's pages ---------------------------------------------------------------------


@router.get("/tong-quan")
def overview(request: Request, engine: EngineDep, sort: str = "name", desc: str = ""
             ) -> Response:
    session = session_of(request)
    if session is None:
        return to_login(request)
    user = session.user
    days = views.overview(engine, _now(request),
                          None if user.role != accounts.LEADER else [user.commune_id])
    totals = {column: sum(day.counts[column] for day in days)
              for column in views.OVERVIEW_COLUMNS}
    return render(request, "overview.html", user=user, csrf=session.csrf_token,
                   days=views.sort_overview(days, sort, desc == "1"), totals=totals,
                   sort=sort, desc=desc == "1", today=_now(request))


def _list_filter(state: str, procedure: str, period: str, overdue: str, page: str
                 ) -> views.ListFilter:
    """The commune page's filters from its query string; unknown values are ignored."""
    known_states = {views.OPEN, *(str(int(s)) for s in DossierState)}
    number = int(page) if page.isdigit() and len(page) < 6 else 1
    return views.ListFilter(
        state=state if state in known_states else None,
        procedure=procedure.strip()[:40] or None,
        period_days=views.PERIODS.get(period),
        overdue=overdue == "1",
        page=max(number, 1),
    )


@router.get("/xa/{commune_id}")
def commune_page(request: Request, engine: EngineDep, commune_id: int, state: str = "",
                 procedure: str = "", period: str = "", overdue: str = "", page: str = "1"
                 ) -> Response:
    session = session_of(request)
    if session is None:
        return to_login(request)
    if not session.user.sees(commune_id):
        return forbidden(request, session)
    commune = views.commune(engine, commune_id)
    if commune is None:
        return not_found(request, session, "Không có xã này.")
    flt = _list_filter(state, procedure, period, overdue, page)
    lines, more = views.dossier_list(engine, commune_id, flt, _now(request))
    return render(request, "commune.html", user=session.user, csrf=session.csrf_token,
                   commune=commune, lines=lines, more=more, flt=flt,
                   procedures=views.procedures(engine, commune_id),
                   states=[(str(int(s)), s.label) for s in DossierState],
                   periods=views.PERIODS, open_state=views.OPEN)


@router.get("/xa/{commune_id}/ho-so/{uuid}")
def dossier_page(request: Request, engine: EngineDep, commune_id: int, uuid: str) -> Response:
    session = session_of(request)
    if session is None:
        return to_login(request)
    if not session.user.sees(commune_id):
        return forbidden(request, session)
    detail = views.dossier(engine, uuid.lower()[:36], _now(request))
    # A dossier of another commune is "not here", whichever commune the URL names.
    if detail is None or detail.commune_id != commune_id:
        return not_found(request, session, "Không có hồ sơ này trong xã.")
    return render(request, "dossier.html", user=session.user, csrf=session.csrf_token,
                   commune=views.commune(engine, commune_id), detail=detail)


# --- the scorecard ------------------------------------------------------------------------------


def _scorecard(request: Request, engine: EngineDep, ky: str = "", nam: str = "",
               so: str = "", xa: str = "") -> tuple[accounts.Session, scores.Scorecard, str]:
    """The scorecard the query asks for and its scope's name (a dependency of the scorecard's
    routes). Province staff see every commune and the province (or one commune: `xa`); a
    commune leader only their own commune, whatever `xa` says."""
    session = session_of(request)
    if session is None:
        raise Refused(to_login(request))
    user = session.user
    wanted = int(xa) if xa.isdigit() and len(xa) < 10 else None
    if wanted is not None and not user.sees(wanted):
        raise Refused(forbidden(request, session))
    if user.role == accounts.LEADER:
        wanted = user.commune_id
    chosen = scores.period(ky, nam, so, _now(request).date())
    card = scores.scorecard(engine, chosen, _now(request),
                            None if wanted is None else [wanted])
    if wanted is not None and not card.communes:
        raise Refused(not_found(request, session, "Không có xã này."))
    scope = card.total.name if card.total else card.communes[0].name
    return session, card, scope


ScorecardDep = Annotated[tuple[accounts.Session, scores.Scorecard, str], Depends(_scorecard)]


@router.get("/bang-diem")
def scorecard_page(request: Request, found: ScorecardDep) -> Response:
    session, card, scope = found
    query = card.period.query + (f"&xa={card.communes[0].commune_id}" if card.total is None
                                 else "")
    return render(request, "scorecard.html", user=session.user, csrf=session.csrf_token,
                   card=card, scope=scope, query=query, columns=scores.COLUMNS,
                   shown=scores.shown, kinds=scores.KINDS,
                   years=range(_now(request).year, _now(request).year - 5, -1),
                   all_communes=session.user.role != accounts.LEADER and card.total is None)


CHARTS = {"theo-thang": charts.on_time_by_month,
          "kenh": lambda card, _scope: charts.channels(card.total or card.communes[0],
                                                        card.period.label),
          "theo-xa": lambda card, _scope: charts.communes(card)}


@router.get("/bang-diem/bieu-do/{name}.png")
def scorecard_chart(request: Request, found: ScorecardDep, name: str) -> Response:
    session, card, scope = found
    if name not in CHARTS:
        return not_found(request, session, "Không có biểu đồ này.")
    return Response(CHARTS[name](card, scope), media_type="image/png",
                    headers={"Cache-Control": "no-store"})


@router.get("/bang-diem/excel")
def scorecard_workbook(found: ScorecardDep) -> Response:
    _session, card, scope = found
    filename = f"bang-diem-{card.period.kind}-{card.period.year}-{card.period.number}.xlsx"
    return Response(
        scorecard_excel.workbook(card, scope),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{filename}"',
                 "Cache-Control": "no-store"})


# --- the citizen's lookup -----------------------------------------------------------------------


def _limited(request: Request, settings: WebSettings) -> Response | None:
    wait = settings.lookup_limiter.hit(_client(request))
    if wait is None:
        return None
    response = _lookup_page(request, 429, answer=None, code="",
                            error=f"Bạn tra cứu quá nhiều lần; vui lòng thử lại sau {wait} giây.")
    response.headers["Retry-After"] = str(wait)
    return response


def _lookup_page(request: Request, status: int, **context) -> Response:
    token = _form_token(request)
    response = render(request, "lookup.html", status, csrf=token, **context)
    return _with_form_cookie(request, response, token)


@router.get(LOOKUP_PATH)
def lookup_form(request: Request) -> Response:
    return _lookup_page(request, 200, answer=None, code="", error=None)


@router.post(LOOKUP_PATH)
def lookup_by_hand(request: Request, engine: EngineDep, settings: SettingsDep, form: FormDep
                   ) -> Response:
    code = form.get("code", "").strip()[:60]
    if not _form_token_holds(request, form):
        return _lookup_page(request, 403, answer=None, code=code,
                            error="Trang đã quá hạn; vui lòng nhập lại.")
    refused = _limited(request, settings)
    if refused is not None:
        return refused
    digits = form.get("digits", "").strip()
    if not lookup.LAST_DIGITS.match(digits):
        return _lookup_page(request, 422, answer=None, code=code,
                            error="Nhập đúng 4 chữ số cuối của số điện thoại hoặc số CCCD.")
    answer = lookup.by_hand(engine, code, digits, _now(request))
    return _lookup_page(request, 200, answer=answer, code=code, error=None, manual=True)


@router.get(LOOKUP_PATH + "/{code}")
def lookup_by_link(request: Request, engine: EngineDep, settings: SettingsDep, code: str,
                   k: str = "") -> Response:
    refused = _limited(request, settings)
    if refused is not None:
        return refused
    answer = lookup.by_link(engine, code[:60], k[:64], _now(request))
    if answer is None:
        return _lookup_page(request, 404, answer=None, code="",
                            error="Đường dẫn tra cứu không đúng. Hãy nhập mã hồ sơ in trên "
                                  "giấy tiếp nhận.")
    return _lookup_page(request, 200, answer=answer, code=code, error=None)


# --- the whole ----------------------------------------------------------------------------------


def install(app: FastAPI, settings: WebSettings) -> None:
    """Add the pages, their static files and the security headers to the hub's app."""
    app.state.web = settings
    app.include_router(router)
    app.add_exception_handler(Refused, lambda _request, exc: exc.response)
    app.mount(STATIC_PATH, StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(SecurityHeaders)


class SecurityHeaders:
    """The security headers on every response, as a plain ASGI middleware: Starlette's
    `@app.middleware("http")` ran every request (each uploaded file's too) through a task and
    a memory stream of its own, a tenth of the hub's CPU per file."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # The API's interactive docs load their own scripts; every other page gets the CSP.
        csp = not scope["path"].startswith(API_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if csp:
                    headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)
