"""Events shaped like the counter's (desk_app.core.payloads.received_payload), built
without desk_app so the hub's tests stay independent of the app's internals; and a gzip bomb."""

from __future__ import annotations

import uuid
import zlib
from datetime import datetime, timedelta, timezone

VN = timezone(timedelta(hours=7))
AT = datetime(2026, 11, 24, 9, 30, tzinfo=VN)


def received_event(*, code: str = "000.01.22.H56-261124-1001", seq: int = 1,
                   at: datetime = AT, dossier_uuid: str | None = None,
                   clerk: str = "Nguyễn Thị Hoa") -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "dossier_uuid": dossier_uuid or str(uuid.uuid4()),
        "kind": "received",
        "status": 2,
        "payload": {
            "code": code,
            "procedure": {"code": "1.004194", "name": "Đăng ký tạm trú",
                          "time": {"value": 3, "unit": "working_days"}},
            "applicant": {"type": 1, "name": "Đặng Thị Ánh", "id_number": "025190012345",
                          "birth_date": "1990-03-15", "sex": "Nữ", "phone": "0912345678",
                          "email": "", "address": "thôn Đông, xã Tân Lập"},
            "request": "Đăng ký tạm trú tại thôn Đông",
            "sets": 1,
            "documents": [{"name": "Tờ khai thay đổi thông tin cư trú", "mandatory": True,
                           "provided": True, "originals": 1, "certified": 0, "copies": 0}],
            "missing_documents": [],
            "channel": 1,
            "delivery": {"method": 0, "recipient": "", "phone": "", "address": ""},
            "fee": 15000,
            "notes": "",
            "received_at": at.isoformat(timespec="seconds"),
            "due_at": (at + timedelta(days=3)).isoformat(timespec="seconds"),
            "ledger": {"book": at.year, "number": seq},
        },
        "clerk": clerk,
        "device_seq": seq,
        "device_time": at.isoformat(timespec="seconds"),
    }


def next_event(previous: dict, kind: str, status: int, *, seq: int,
               minutes_later: int = 30, payload: dict | None = None) -> dict:
    """A later event on the same dossier (handed over, result ready...)."""
    at = datetime.fromisoformat(previous["device_time"]) + timedelta(minutes=minutes_later)
    return {
        "uuid": str(uuid.uuid4()),
        "dossier_uuid": previous["dossier_uuid"],
        "kind": kind,
        "status": status,
        "payload": payload or {},
        "clerk": previous["clerk"],
        "device_seq": seq,
        "device_time": at.isoformat(timespec="seconds"),
    }


def gzip_bomb(inflated: int) -> bytes:
    """A gzip member inflating to `inflated` bytes of zeros, built in small pieces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1024 * 1024)
    parts = [packer.compress(block) for _ in range(inflated // len(block))]
    return b"".join(parts) + packer.flush()
