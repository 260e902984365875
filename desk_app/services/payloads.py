"""Dossiers as the JSON content of their events (what travels to the hub)."""

from __future__ import annotations

from desk_app.core.clock import iso
from desk_app.core.model import Dossier


def received_payload(dossier: Dossier, missing_documents: list[str]) -> dict:
    d, a, delivery = dossier.draft, dossier.applicant, dossier.draft.delivery
    return {
        "code": dossier.code,
        "procedure": {
            "code": d.procedure_code,
            "name": dossier.procedure_name,
            "time": {"value": dossier.processing_time.value,
                     "unit": dossier.processing_time.unit.value},
        },
        "applicant": {
            "type": int(a.type),
            "name": a.name,
            "id_number": a.id_number,
            "birth_date": a.birth_date.isoformat() if a.birth_date else None,
            "sex": a.sex.value,
            "phone": a.phone,
            "email": a.email,
            "address": a.address,
        },
        "request": d.request,
        "sets": d.sets,
        "documents": [
            {"name": doc.name, "mandatory": doc.mandatory, "provided": doc.provided,
             "originals": doc.originals, "certified": doc.certified, "copies": doc.copies}
            for doc in d.documents
        ],
        "missing_documents": missing_documents,
        "channel": int(d.channel),
        "delivery": {"method": int(delivery.method), "recipient": delivery.recipient,
                     "phone": delivery.phone, "address": delivery.address},
        "fee": d.fee,
        "notes": d.notes,
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
        "ledger": {"book": dossier.ledger.book, "number": dossier.ledger.number},
    }
