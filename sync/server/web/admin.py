"""The province administrator's pages: what `province-hub` does on the command line, in the
browser. Only an administrator reaches them (a province viewer or a commune leader gets 403 on
every page and every form); every form carries the session's CSRF token; every input is checked
here first, so that a bad value comes back as a Vietnamese message next to its field with what
was typed kept, and nothing is changed.

The registry's own checks (in English, for the command line) stay behind these as the last word;
what only the database can tell (a code already taken, a user name already there) is caught as
AdminError and said in Vietnamese at the field it concerns.
"""

from __future__ import annotations

import base64
import hmac
import json
import math
import unicodedata
from dataclasses import dataclass
from datetime import date
from email import policy as email_policy
from email.parser import BytesParser
from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from reportlab.graphics.barcode import qrencoder
from sqlalchemy import Engine, func, or_, select

from sync import protocol
from sync.protocol import canonical_json
from sync.server import codes, enrollment, publishing, registry
from sync.server.database import reading
from sync.server.errors import AdminError, validation_reason
from sync.server.tables import dossiers
from sync.server.text import clean
from sync.server.web import accounts, lookup, pages, views
from sync.server.web.forms import Invalid, attempt, new_password
from sync.server.web.pages import EngineDep, FormDep, Refused

router = APIRouter(prefix="/quan-tri", include_in_schema=False)

EVENT_KINDS = {"result_ready": "Có kết quả", "supplement_requested": "Yêu cầu bổ sung"}
assert set(EVENT_KINDS) == set(protocol.PROVINCE_EVENT_KINDS)

# What a redirect after a successful form says: fixed texts, so that nothing typed into a URL
# is ever echoed on the page.
DONE = {
    "xa": "Đã thêm xã.",
    "ma": "Đã đổi mã định danh; các quầy của xã nhận mã mới ở lần đồng bộ tới.",
    "lien-he": "Đã lưu số điện thoại và địa chỉ.",
    "thu-hoi": "Đã thu hồi thiết bị; nó không còn đồng bộ được.",
    "su-kien": "Đã ghi sự kiện; xã nhận được ở lần đồng bộ tới.",
    "tai-khoan": "Đã thêm tài khoản.",
    "khoa": "Đã khoá tài khoản; các phiên đang mở đã kết thúc.",
    "mat-khau": "Đã đặt mật khẩu mới; các phiên đang mở của tài khoản đã kết thúc.",
    "lich": "Đã lưu ngày; các quầy nhận ở lần đồng bộ tới.",
    "danh-muc": "Đã công bố danh mục; các quầy nhận ở lần đồng bộ tới.",
}


# --- the gate: administrators only, and forms with the session's CSRF token ------------------


def _admin(request: Request) -> accounts.Session:
    """The administrator's session; else to the login page, or 403 for another role."""
    session = pages.session_of(request)
    if session is None:
        raise Refused(pages.to_login(request))
    if session.user.role != accounts.ADMIN:
        raise Refused(pages.forbidden(request, session))
    return session


def _checked(request: Request, session: accounts.Session, token: str) -> accounts.Session:
    """The session, if a form brought back its CSRF token; else 403."""
    if not hmac.compare_digest(session.csrf_token, token):
        raise Refused(pages.expired_form(request, session))
    return session


AdminDep = Annotated[accounts.Session, Depends(_admin)]


def _admin_form(request: Request, session: AdminDep, form: FormDep) -> accounts.Session:
    return _checked(request, session, form.get("csrf", ""))


async def _upload(request: Request) -> dict[str, bytes]:
    """A multipart/form-data body's fields (BodyLimits already bounds its size), read with the
    standard library's MIME parser: one upload form needs no multipart package."""
    kind = request.headers.get("content-type", "")
    if not kind.startswith("multipart/form-data"):
        return {}
    head = b"Content-Type: " + kind.encode("latin-1") + b"\r\n\r\n"
    message = BytesParser(policy=email_policy.HTTP).parsebytes(head + await request.body())
    fields: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str) and len(fields) < 10:
            fields[name] = part.get_payload(decode=True) or b""
    return fields


UploadDep = Annotated[dict[str, bytes], Depends(_upload)]


def _admin_upload(request: Request, session: AdminDep, upload: UploadDep) -> accounts.Session:
    return _checked(request, session, upload.get("csrf", b"").decode("utf-8", "replace"))


AdminFormDep = Annotated[accounts.Session, Depends(_admin_form)]
AdminUploadDep = Annotated[accounts.Session, Depends(_admin_upload)]


def install(app: FastAPI) -> None:
    """Add the pages (pages.install answers a request the gate refuses)."""
    app.include_router(router)


def _page(request: Request, session: accounts.Session, name: str, status: int = 200,
          **context) -> Response:
    done = DONE.get(request.query_params.get("da", ""))
    return pages.render(request, name, status, user=session.user, csrf=session.csrf_token,
                        done=done, **context)


def _done(path: str, what: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?da={what}", status_code=303)


# --- checking what was typed --------------------------------------------------------------------


def _text(form: dict[str, str], field: str, label: str, limit: int, *, required: bool = True
          ) -> str:
    value = clean(form.get(field, ""))
    if required and not value:
        raise Invalid(field, f"Nhập {label}.")
    if len(value) > limit:
        raise Invalid(field, f"{label.capitalize()} dài quá {limit} ký tự.")
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise Invalid(field, f"{label.capitalize()} có ký tự điều khiển.")
    return value


def _agency_code(form: dict[str, str], field: str) -> str:
    code = form.get(field, "").strip().upper()
    if not code:
        raise Invalid(field, "Nhập mã định danh của xã.")
    if len(code) > 40 or not registry.AGENCY_CODE.match(code):
        raise Invalid(field, "Mã định danh có dạng 000.17.22.H56 (chữ số, chữ in hoa, dấu chấm).")
    return code


def _day(form: dict[str, str], field: str) -> date:
    try:
        return date.fromisoformat(form.get(field, "").strip())
    except ValueError:
        raise Invalid(field, "Chọn một ngày (năm-tháng-ngày).") from None


def _hours(form: dict[str, str], field: str) -> float:
    try:
        hours = float(form.get(field, "").strip().replace(",", "."))
    except ValueError:
        hours = math.nan
    if not 0 < hours <= enrollment.MAX_CODE_HOURS:  # NaN fails too
        raise Invalid(field, f"Thời hạn là số giờ lớn hơn 0, tối đa "
                             f"{enrollment.MAX_CODE_HOURS:g} giờ (30 ngày).")
    return hours


def _commune_id(engine: Engine, form: dict[str, str], field: str) -> int:
    text = form.get(field, "").strip()
    known = {str(row[0]) for row in registry.list_communes(engine)}
    if text not in known:
        raise Invalid(field, "Chọn một xã trong danh sách.")
    return int(text)


# --- communes -----------------------------------------------------------------------------------


def _communes_page(request: Request, engine: Engine, session: accounts.Session,
                   status: int = 200, errors: dict[str, str] | None = None,
                   typed: dict[str, str] | None = None) -> Response:
    contacts = lookup.contacts(engine)
    rows = [(commune_id, name, code, contacts.get(commune_id))
            for commune_id, name, code in registry.list_communes(engine)]
    return _page(request, session, "admin_communes.html", status, rows=rows,
                 errors=errors or {}, typed=typed or {})


@router.get("/xa")
def communes_page(request: Request, session: AdminDep, engine: EngineDep) -> Response:
    return _communes_page(request, engine, session)


@router.post("/xa")
def add_commune(request: Request, engine: EngineDep, form: FormDep,
                session: AdminFormDep) -> Response:
    errors: dict[str, str] = {}
    name = attempt(errors, lambda: _text(form, "name", "tên xã", 200))
    code = attempt(errors, lambda: _agency_code(form, "agency_code"))
    if not errors:
        try:
            registry.create_commune(engine, name, code)
        except AdminError:
            errors["agency_code"] = "Mã định danh này đã là của một xã khác."
    if errors:
        return _communes_page(request, engine, session, 422, errors, form)
    return _done("/quan-tri/xa", "xa")


def _commune_page(request: Request, engine: Engine, session: accounts.Session, commune_id: int,
                  status: int = 200, errors: dict[str, str] | None = None,
                  typed: dict[str, str] | None = None) -> Response:
    commune = views.commune(engine, commune_id)
    if commune is None:
        return pages.not_found(request, session, "Không có xã này.")
    contact = lookup.contacts(engine).get(commune_id) or ("", "")
    typed = {"phone": contact[0], "address": contact[1], **(typed or {})}
    return _page(request, session, "admin_commune.html", status, commune=commune,
                 codes=_code_history(engine, commune_id), errors=errors or {},
                 typed=typed)


def _code_history(engine: Engine, commune_id: int) -> list[tuple[str, str | None]]:
    with reading(engine) as connection:
        return codes.history(connection, commune_id)


@router.get("/xa/{commune_id}")
def commune_page(request: Request, session: AdminDep, engine: EngineDep,
                 commune_id: int) -> Response:
    return _commune_page(request, engine, session, commune_id)


@router.post("/xa/{commune_id}/ma")
def set_code(request: Request, engine: EngineDep, commune_id: int, form: FormDep,
             session: AdminFormDep) -> Response:
    if views.commune(engine, commune_id) is None:
        return pages.not_found(request, session, "Không có xã này.")
    errors: dict[str, str] = {}
    code = attempt(errors, lambda: _agency_code(form, "code"))
    since = attempt(errors, lambda: _day(form, "since"))
    if not errors:
        try:
            publishing.set_agency_code(engine, commune_id, code, since)
        except AdminError:
            errors["code"] = "Mã định danh này đã là của một xã khác."
    if errors:
        return _commune_page(request, engine, session, commune_id, 422, errors, form)
    return _done(f"/quan-tri/xa/{commune_id}", "ma")


@router.post("/xa/{commune_id}/lien-he")
def set_contact(request: Request, engine: EngineDep, commune_id: int, form: FormDep,
                session: AdminFormDep) -> Response:
    if views.commune(engine, commune_id) is None:
        return pages.not_found(request, session, "Không có xã này.")
    errors: dict[str, str] = {}
    phone = attempt(errors, lambda: _text(form, "phone", "số điện thoại", 20, required=False))
    if phone and not lookup.PHONE.match(phone):
        errors["phone"] = "Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( ), 3–20 ký tự."
    address = attempt(errors, lambda: _text(form, "address", "địa chỉ", 300, required=False))
    if errors:
        return _commune_page(request, engine, session, commune_id, 422, errors, form)
    lookup.set_contact(engine, commune_id, phone, address)
    return _done(f"/quan-tri/xa/{commune_id}", "lien-he")


# --- enrolment codes ----------------------------------------------------------------------------


def qr_svg(text: str) -> str:
    """`text` as a QR code (error correction M), an SVG image as a data: URL for an <img>: the
    page's CSP allows data: images, and an image runs nothing."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    size, quiet = code.getModuleCount(), 4  # 4 modules of white around, as ISO/IEC 18004 says
    dark = "".join(f"M{column + quiet} {row + quiet}h1v1h-1z"
                   for row in range(size) for column in range(size) if code.isDark(row, column))
    whole = size + 2 * quiet
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {whole} {whole}" '
           f'shape-rendering="crispEdges"><title>{escape(text)}</title>'
           f'<rect width="{whole}" height="{whole}" fill="#fff"/>'
           f'<path d="{dark}" fill="#000"/></svg>')
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _codes_page(request: Request, engine: Engine, session: accounts.Session, status: int = 200,
                errors: dict[str, str] | None = None, typed: dict[str, str] | None = None,
                issued: dict[str, str] | None = None) -> Response:
    return _page(request, session, "admin_code.html", status,
                 communes=registry.list_communes(engine), errors=errors or {},
                 typed={"hours": "72", **(typed or {})}, issued=issued,
                 max_hours=f"{enrollment.MAX_CODE_HOURS:g}")


@router.get("/ma-dang-ky")
def codes_page(request: Request, session: AdminDep, engine: EngineDep) -> Response:
    return _codes_page(request, engine, session)


@router.post("/ma-dang-ky")
def issue_code(request: Request, engine: EngineDep, form: FormDep,
               session: AdminFormDep) -> Response:
    errors: dict[str, str] = {}
    commune_id = attempt(errors, lambda: _commune_id(engine, form, "commune"))
    hours = attempt(errors, lambda: _hours(form, "hours"))
    if errors:
        return _codes_page(request, engine, session, 422, errors, form)
    code = enrollment.issue_code(engine, commune_id, expires_hours=hours)
    commune = views.commune(engine, commune_id)
    # Shown this once: the hub keeps only the code's hash, and the page is not cached.
    return _codes_page(request, engine, session, typed=form, issued={
        "code": code, "qr": qr_svg(code), "commune": commune.name, "hours": f"{hours:g}"})


# --- devices ------------------------------------------------------------------------------------


def _device(engine: Engine, device_id: int) -> registry.DeviceInfo | None:
    return next((d for d in registry.list_devices(engine) if d.id == device_id), None)


@router.get("/thiet-bi")
def devices_page(request: Request, session: AdminDep, engine: EngineDep) -> Response:
    return _page(request, session, "admin_devices.html", devices=registry.list_devices(engine))


def _device_page(request: Request, session: accounts.Session, engine: Engine, device_id: int,
                 confirm: bool) -> Response:
    """A device's state and the events it lost; `confirm`: with the question of revoking it."""
    device = _device(engine, device_id)
    if device is None:
        return pages.not_found(request, session, "Không có thiết bị này.")
    return _page(request, session, "admin_device.html", device=device,
                 lost=registry.lost_on_counter(engine, device_id), confirm=confirm)


@router.get("/thiet-bi/{device_id}")
def device_page(request: Request, session: AdminDep, engine: EngineDep,
                device_id: int) -> Response:
    return _device_page(request, session, engine, device_id, confirm=False)


@router.get("/thiet-bi/{device_id}/thu-hoi")
def confirm_revoke(request: Request, session: AdminDep, engine: EngineDep,
                   device_id: int) -> Response:
    # Asking only: a GET changes nothing; the form on the page revokes.
    return _device_page(request, session, engine, device_id, confirm=True)


@router.post("/thiet-bi/{device_id}/thu-hoi")
def revoke(request: Request, engine: EngineDep, device_id: int, form: FormDep,
           session: AdminFormDep) -> Response:
    try:
        registry.revoke_device(engine, device_id)
    except AdminError:
        return pages.not_found(request, session, "Không có thiết bị này.")
    return _done("/quan-tri/thiet-bi", "thu-hoi")


# --- the province's events ----------------------------------------------------------------------


def _events_page(request: Request, session: accounts.Session, status: int = 200,
                 errors: dict[str, str] | None = None, typed: dict[str, str] | None = None
                 ) -> Response:
    return _page(request, session, "admin_event.html", status, kinds=EVENT_KINDS,
                 errors=errors or {}, typed={"clerk": session.user.display_name,
                                             **(typed or {})})


def _matches(engine: Engine, dossier: str) -> int:
    """How many dossiers the hub holds under this code or UUID (as add_province_event finds)."""
    with reading(engine) as connection:
        return connection.execute(
            select(func.count()).select_from(dossiers)
            .where(or_(dossiers.c.uuid == dossier.lower(), dossiers.c.code == dossier))
        ).scalar_one()


@router.get("/su-kien")
def events_page(request: Request, session: AdminDep) -> Response:
    return _events_page(request, session)


@router.post("/su-kien")
def add_event(request: Request, engine: EngineDep, form: FormDep,
              session: AdminFormDep) -> Response:
    errors: dict[str, str] = {}
    dossier = attempt(errors, lambda: _text(form, "dossier", "mã hồ sơ", 100))
    if dossier:
        found = _matches(engine, dossier)
        if found == 0:
            errors["dossier"] = "Máy chủ tỉnh chưa có hồ sơ nào mang mã này."
        elif found > 1:
            errors["dossier"] = f"Có {found} hồ sơ cùng mã này; hãy nhập mã UUID của hồ sơ."
    kind = form.get("kind", "")
    if kind not in EVENT_KINDS:
        errors["kind"] = "Chọn loại sự kiện."
    note = attempt(errors, lambda: _text(form, "note", "ghi chú", 1000, required=False))
    clerk = attempt(errors, lambda: _text(form, "clerk", "người quyết định", 200))
    if errors:
        return _events_page(request, session, 422, errors, form)
    publishing.add_province_event(engine, dossier, kind, note, clerk)
    return _done("/quan-tri/su-kien", "su-kien")


# --- web accounts -------------------------------------------------------------------------------


def _users_page(request: Request, engine: Engine, session: accounts.Session, status: int = 200,
                errors: dict[str, str] | None = None, typed: dict[str, str] | None = None
                ) -> Response:
    # Passwords are never typed back into a page.
    typed = {k: v for k, v in (typed or {}).items() if k not in ("password", "again")}
    return _page(request, session, "admin_users.html", status, users=accounts.list_users(engine),
                 roles=accounts.ROLE_LABELS, communes=registry.list_communes(engine),
                 errors=errors or {}, typed=typed, me=session.user.username)


@router.get("/tai-khoan")
def users_page(request: Request, session: AdminDep, engine: EngineDep) -> Response:
    return _users_page(request, engine, session)


@router.post("/tai-khoan")
def add_user(request: Request, engine: EngineDep, form: FormDep,
             session: AdminFormDep) -> Response:
    errors: dict[str, str] = {}
    username = form.get("username", "").strip().lower()
    if not accounts.USERNAME.match(username):
        errors["username"] = ("Tên đăng nhập 2–60 ký tự: chữ thường a–z, chữ số, dấu . _ -, "
                              "bắt đầu bằng chữ hoặc số.")
    name = attempt(errors, lambda: _text(form, "name", "họ tên", 200))
    role = form.get("role", "")
    commune_id = None
    if role not in accounts.ROLE_LABELS:
        errors["role"] = "Chọn vai trò."
    elif role == accounts.LEADER:
        commune_id = attempt(errors, lambda: _commune_id(engine, form, "commune"))
    elif form.get("commune", ""):
        errors["commune"] = "Chỉ lãnh đạo xã mới gắn với một xã; để trống ô này."
    password = attempt(errors, lambda: new_password(form))
    if not errors:
        try:
            accounts.add_user(engine, username, name, role, password, commune_id)
        except AdminError:
            errors["username"] = "Đã có tài khoản mang tên đăng nhập này."
    if errors:
        return _users_page(request, engine, session, 422, errors, form)
    return _done("/quan-tri/tai-khoan", "tai-khoan")


def _user_row(engine: Engine, username: str) -> accounts.UserRow | None:
    return next((row for row in accounts.list_users(engine) if row.user.username == username),
                None)


def _user_page(request: Request, engine: Engine, session: accounts.Session, username: str,
               status: int = 200, errors: dict[str, str] | None = None) -> Response:
    row = _user_row(engine, username)
    if row is None:
        return pages.not_found(request, session, "Không có tài khoản này.")
    return _page(request, session, "admin_user.html", status, row=row, errors=errors or {},
                 me=session.user.username)


@router.get("/tai-khoan/{username}")
def user_page(request: Request, session: AdminDep, engine: EngineDep, username: str) -> Response:
    return _user_page(request, engine, session, username[:60])


@router.post("/tai-khoan/{username}/mat-khau")
def reset_password(request: Request, engine: EngineDep, username: str, form: FormDep,
                   session: AdminFormDep) -> Response:
    row = _user_row(engine, username[:60])
    if row is None:
        return pages.not_found(request, session, "Không có tài khoản này.")
    errors: dict[str, str] = {}
    password = attempt(errors, lambda: new_password(form))
    if errors:
        return _user_page(request, engine, session, row.user.username, 422, errors)
    accounts.set_password(engine, row.user.username, password)
    if row.user.username == session.user.username:
        # One's own new password ends one's own sessions too: log in again with it.
        return RedirectResponse("/dang-nhap", status_code=303)
    return _done(f"/quan-tri/tai-khoan/{row.user.username}", "mat-khau")


@router.post("/tai-khoan/{username}/khoa")
def disable_user(request: Request, engine: EngineDep, username: str, form: FormDep,
                 session: AdminFormDep) -> Response:
    row = _user_row(engine, username[:60])
    if row is None:
        return pages.not_found(request, session, "Không có tài khoản này.")
    if row.user.username == session.user.username:
        # The province must never lock itself out of its own web.
        return _user_page(request, engine, session, row.user.username, 422,
                          {"disable": "Không thể tự khoá tài khoản mình đang dùng."})
    accounts.disable_user(engine, row.user.username)
    return _done(f"/quan-tri/tai-khoan/{row.user.username}", "khoa")


# --- the calendar of days off -------------------------------------------------------------------

CALENDAR_KINDS = {"off": "Ngày nghỉ", "work": "Ngày làm bù"}


def _calendar_page(request: Request, engine: Engine, session: accounts.Session,
                   status: int = 200, errors: dict[str, str] | None = None,
                   typed: dict[str, str] | None = None) -> Response:
    return _page(request, session, "admin_calendar.html", status,
                 days=publishing.list_calendar(engine), kinds=CALENDAR_KINDS,
                 errors=errors or {}, typed=typed or {})


@router.get("/lich")
def calendar_page(request: Request, session: AdminDep, engine: EngineDep) -> Response:
    return _calendar_page(request, engine, session)


@router.post("/lich")
def set_calendar_day(request: Request, engine: EngineDep, form: FormDep,
                     session: AdminFormDep) -> Response:
    errors: dict[str, str] = {}
    day = attempt(errors, lambda: _day(form, "day"))
    kind = form.get("kind", "")
    if kind not in CALENDAR_KINDS:
        errors["kind"] = "Chọn ngày nghỉ hay ngày làm bù."
    note = attempt(errors, lambda: _text(form, "note", "ghi chú", 1000, required=False))
    if errors:
        return _calendar_page(request, engine, session, 422, errors, form)
    publishing.set_calendar_day(engine, day, kind, note)
    return _done("/quan-tri/lich", "lich")


# --- the procedure catalogue --------------------------------------------------------------------

PROCEDURE_FIELDS = {"name": "tên", "field": "lĩnh vực", "time": "thời hạn", "fee": "lệ phí",
                    "fee_note": "ghi chú lệ phí", "documents": "thành phần hồ sơ"}


@dataclass(frozen=True)
class CatalogueDiff:
    added: list[tuple[str, str]]  # (code, name)
    removed: list[tuple[str, str]]
    changed: list[tuple[str, str, list[str]]]  # (code, name, what changed, in Vietnamese)


def catalogue_diff(old: dict | None, new: dict) -> CatalogueDiff:
    """What the new catalogue adds, removes and changes, procedure by procedure (by code)."""
    before = {p["code"]: p for p in (old or {}).get("procedures", [])}
    after = {p["code"]: p for p in new["procedures"]}
    changed = []
    for code in sorted(before.keys() & after.keys()):
        keys = sorted(before[code].keys() | after[code].keys())
        differ = [PROCEDURE_FIELDS.get(key, key) for key in keys
                  if before[code].get(key) != after[code].get(key)]
        if differ:
            changed.append((code, after[code]["name"], differ))
    return CatalogueDiff(
        added=[(code, after[code]["name"]) for code in sorted(after.keys() - before.keys())],
        removed=[(code, before[code]["name"]) for code in sorted(before.keys() - after.keys())],
        changed=changed)


def _catalogue_page(request: Request, engine: Engine, session: accounts.Session,
                    status: int = 200, errors: dict[str, str] | None = None,
                    preview: dict | None = None) -> Response:
    current = publishing.current_catalogue(engine)
    return _page(request, session, "admin_catalogue.html", status, current=current,
                 errors=errors or {}, preview=preview,
                 diff=preview and catalogue_diff(current, preview),
                 document=preview and canonical_json(preview))


def _catalogue(data: bytes, current: dict | None) -> dict:
    """The uploaded file as a catalogue newer than `current`; else Invalid at the file."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Invalid("file", "Tệp không phải JSON (UTF-8): chọn tệp danh mục .json.") from None
    try:
        catalogue = publishing.Catalogue.model_validate(document)
    except ValidationError as exc:
        raise Invalid("file", "Tệp không đúng định dạng danh mục thủ tục "
                              f"({validation_reason(exc)}).") from None
    if current is not None and (publishing.version_key(catalogue.version)
                                <= publishing.version_key(current["version"])):
        raise Invalid("file", f"Phiên bản {catalogue.version} không mới hơn phiên bản đang "
                              f"dùng {current['version']}.")
    return document


@router.get("/danh-muc")
def catalogue_page(request: Request, session: AdminDep, engine: EngineDep) -> Response:
    return _catalogue_page(request, engine, session)


@router.post("/danh-muc/xem")
def preview_catalogue(request: Request, engine: EngineDep, upload: UploadDep,
                      session: AdminUploadDep) -> Response:
    errors: dict[str, str] = {}
    document = attempt(errors, lambda: _catalogue(upload.get("file", b""),
                                                   publishing.current_catalogue(engine)))
    if errors:
        return _catalogue_page(request, engine, session, 422, errors)
    return _catalogue_page(request, engine, session, preview=document)


@router.post("/danh-muc")
def publish_catalogue(request: Request, engine: EngineDep, form: FormDep,
                      session: AdminFormDep) -> Response:
    errors: dict[str, str] = {}
    # Checked again: the preview's page may be old, or another administrator quicker.
    document = attempt(errors, lambda: _catalogue(form.get("document", "").encode("utf-8"),
                                                   publishing.current_catalogue(engine)))
    if not errors:
        try:
            publishing.publish_catalogue(engine, document)
        except AdminError:  # the same version published meanwhile
            errors["file"] = "Phiên bản này vừa được công bố; tải lên một phiên bản mới hơn."
    if errors:
        return _catalogue_page(request, engine, session, 422, errors)
    return _done("/quan-tri/danh-muc", "danh-muc")
