"""The citizen's lookup: a dossier found from a receipt's QR link (code and check) or from the
code typed by hand with the last four digits of the applicant's phone or ID number.

Nothing personal leaves but the applicant's name masked (mask_name). A link whose check holds
but whose dossier the hub has not received yet gets that said, with when the commune's counters
last sent anything; by hand, a dossier that is not found and details that do not match get the
same answer, so that the page cannot be used to learn which codes exist.
"""

from __future__ import annotations

import hmac
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from fastapi import Request
from sqlalchemy import Connection, Engine, func, select, update

from desk_app.core.listing import OVERDUE_STATES
from desk_app.core.model import DeliveryMethod
from sync import protocol
from sync.server.database import insert_ignoring_conflicts, reading
from sync.server.errors import AdminError
from sync.server.tables import commune_web, communes, devices, dossiers, events
from sync.server.text import clean
from sync.server.web.views import state_label, vn_stamp
from sync.server.wire import LookupOut

# A dossier code as the counter issues it (desk_app.core.codes); anything else is not looked up.
CODE = re.compile(r"^[0-9A-Z.]{1,40}-[0-9]{6}-[1-9][0-9]{3,}$")
LAST_DIGITS = re.compile(r"^[0-9]{4}$")


def commune_key(connection: Connection, commune_id: int) -> str:
    """The commune's lookup key, made the first time a counter of it enrols."""
    connection.execute(insert_ignoring_conflicts(connection, commune_web),
                       {"commune_id": commune_id, "lookup_key": secrets.token_hex(32),
                        "phone": "", "address": ""})
    return connection.execute(select(commune_web.c.lookup_key)
                              .where(commune_web.c.commune_id == commune_id)).scalar_one()


def for_counter(request: Request, engine: Engine, commune_id: int) -> LookupOut:
    """What an enrolling counter needs to print lookup links: the hub's public address (the
    setting, else the address the counter reached it at) and its commune's key."""
    with engine.begin() as connection:
        key = commune_key(connection, commune_id)
    url = request.app.state.web.public_url or str(request.base_url)
    return LookupOut(url=url.rstrip("/"), key=key)


def mask_name(name: str) -> str:
    """"Nguyễn Thị Anh" → "Ng*** T** A**": enough for the applicant to recognise, the length
    of no word given away."""
    words = name.split()
    return " ".join(word[:2] + "***" if n == 0 else word[:1] + "**"
                    for n, word in enumerate(words))


@dataclass(frozen=True)
class Found:
    code: str
    applicant: str  # masked
    state: str
    due_at: str | None
    late: bool
    collect_at: str
    commune_name: str
    phone: str


@dataclass(frozen=True)
class NotReceived:
    """The hub has no such dossier (yet)."""

    commune_name: str | None
    last_sync: str | None  # the commune's counters' latest push


def by_link(engine: Engine, code: str, check: str, now: datetime) -> Found | NotReceived | None:
    """None: the code or its check is wrong."""
    if not CODE.match(code) or not re.fullmatch(r"[0-9a-f]{1,64}", check):
        return None
    with reading(engine) as connection:
        for row in _dossiers(connection, code):
            if row.lookup_key and _checks(row.lookup_key, code, check):
                return _found(connection, row, now)
        agency = code.rsplit("-", 2)[0]
        for commune_id, name, key in connection.execute(
                select(communes.c.id, communes.c.name, commune_web.c.lookup_key)
                .join(commune_web, commune_web.c.commune_id == communes.c.id)
                .where(communes.c.agency_code == agency)):
            if _checks(key, code, check):
                return NotReceived(name, _last_sync(connection, commune_id))
    return None


def by_hand(engine: Engine, code: str, last_digits: str, now: datetime) -> Found | NotReceived:
    code = code.strip().upper()
    with reading(engine) as connection:
        if CODE.match(code) and LAST_DIGITS.match(last_digits):
            for row in _dossiers(connection, code):
                applicant = _received_payload(connection, row.uuid).get("applicant")
                if isinstance(applicant, dict) and any(
                        _digits(applicant.get(key)).endswith(last_digits)
                        for key in ("phone", "id_number")):
                    return _found(connection, row, now)
        agency = code.rsplit("-", 2)[0]
        commune = connection.execute(select(communes.c.id, communes.c.name)
                                     .where(communes.c.agency_code == agency)).first()
        if commune is None:
            return NotReceived(None, None)
        return NotReceived(commune.name, _last_sync(connection, commune.id))


def _checks(key: str, code: str, check: str) -> bool:
    return hmac.compare_digest(protocol.lookup_check(key, code), check)


def _digits(value: object) -> str:
    return "".join(ch for ch in value if ch.isdigit()) if isinstance(value, str) else ""


def _dossiers(connection: Connection, code: str):
    d = dossiers.c
    return connection.execute(
        select(d.uuid, d.code, d.applicant_name, d.status, d.due_at, d.commune_id,
               communes.c.name.label("commune_name"), commune_web.c.lookup_key,
               commune_web.c.phone, commune_web.c.address)
        .join(communes, communes.c.id == d.commune_id)
        .outerjoin(commune_web, commune_web.c.commune_id == d.commune_id)
        .where(d.code == code)).all()


def _received_payload(connection: Connection, dossier_uuid: str) -> dict:
    payload = connection.execute(
        select(events.c.payload).where(events.c.dossier_uuid == dossier_uuid,
                                       events.c.kind == "received")
        .order_by(events.c.device_time_vn).limit(1)).scalar()
    try:
        data = json.loads(payload) if payload else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _found(connection: Connection, row, now: datetime) -> Found:
    delivery = _received_payload(connection, row.uuid).get("delivery")
    by_post = isinstance(delivery, dict) and delivery.get("method") == int(DeliveryMethod.POST)
    if by_post:
        collect_at = "Gửi qua dịch vụ bưu chính công ích đến địa chỉ đã đăng ký"
    else:
        place = f"Bộ phận Một cửa {row.commune_name}"
        collect_at = f"{place}, {row.address}" if row.address else place
    late = (row.status in {int(s) for s in OVERDUE_STATES} and row.due_at is not None
            and row.due_at < vn_stamp(now))
    return Found(code=row.code, applicant=mask_name(row.applicant_name or ""),
                 state=state_label(row.status), due_at=row.due_at, late=late,
                 collect_at=collect_at, commune_name=row.commune_name, phone=row.phone or "")


def _last_sync(connection: Connection, commune_id: int) -> str | None:
    return connection.execute(select(func.max(devices.c.last_push_at))
                              .where(devices.c.commune_id == commune_id)).scalar()


PHONE = re.compile(r"^[0-9+ .()-]{3,20}$")


def set_contact(engine: Engine, commune_id: int, phone: str, address: str) -> None:
    """The office's phone and address the lookup page gives citizens."""
    phone, address = clean(phone), clean(address)
    if phone and not PHONE.match(phone):
        raise AdminError(f"phone {phone!r} is not a phone number (digits, spaces, + . - ( ))")
    if len(address) > 300:
        raise AdminError("the address is longer than 300 characters")
    with engine.begin() as connection:
        if connection.execute(select(communes.c.id)
                              .where(communes.c.id == commune_id)).first() is None:
            raise AdminError(f"no commune with id {commune_id}")
        commune_key(connection, commune_id)
        connection.execute(update(commune_web).where(commune_web.c.commune_id == commune_id)
                           .values(phone=phone, address=address))


def contacts(engine: Engine) -> dict[int, tuple[str, str]]:
    """Each commune's office phone and address, where set (the administrator's pages)."""
    with reading(engine) as connection:
        return {row.commune_id: (row.phone, row.address) for row in connection.execute(
            select(commune_web.c.commune_id, commune_web.c.phone, commune_web.c.address))}
