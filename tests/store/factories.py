"""Building real rows for store tests without going through the services."""

from __future__ import annotations

import uuid
from datetime import datetime

from desk_app.core.clock import VN_TZ
from desk_app.core.model import (
    Applicant,
    Dossier,
    DossierDraft,
    Event,
    LedgerEntry,
    ProcessingTime,
    TimeUnit,
)
from desk_app.core.states import DossierState
from desk_app.store import dossiers, events

AT = datetime(2026, 11, 24, 9, 30, tzinfo=VN_TZ)


def make_dossier(code: str = "000.17.22.H56-261124-1001", ledger_number: int = 1) -> Dossier:
    return Dossier(
        uuid=str(uuid.uuid4()),
        code=code,
        procedure_name="Đăng ký tạm trú",
        processing_time=ProcessingTime(3, TimeUnit.WORKING_DAYS),
        draft=DossierDraft(
            procedure_code="1.004194",
            applicant=Applicant(name="Đặng Thị Ánh", id_number="025190012345",
                                phone="0912345678", address="thôn Đông"),
        ),
        received_at=AT,
        due_at=AT.replace(day=27),
        status=DossierState.RECEIVED,
        clerk="Nguyễn Thị Hoa",
        ledger=LedgerEntry(2026, ledger_number),
    )


def insert_received_dossier(db, dossier: Dossier | None = None) -> Event:
    dossier = dossier or make_dossier()
    with db.atomic():
        dossiers.insert(db, dossier, "device-1")
        return events.append(
            db, dossier_uuid=dossier.uuid, kind="received", status=DossierState.RECEIVED,
            payload={"code": dossier.code}, clerk=dossier.clerk, device_id="device-1", at=AT,
        )
