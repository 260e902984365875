"""Normalising what the clerk typed before it is checked and stored (NFC, trimmed, canonical)."""

from __future__ import annotations

from dataclasses import replace

from desk_app.core.model import DossierDraft
from desk_app.core.text import clean, clean_multiline
from desk_app.core.validation import normalise_phone


def normalise(draft: DossierDraft) -> DossierDraft:
    a = draft.applicant
    applicant = replace(
        a,
        name=clean(a.name),
        # Scanners and clerks both put spaces in ID numbers ("001 090 012 345").
        id_number=clean(a.id_number).replace(" ", ""),
        phone=normalise_phone(a.phone),
        email=clean(a.email).lower(),
        address=clean(a.address),
    )
    delivery = replace(
        draft.delivery,
        recipient=clean(draft.delivery.recipient),
        phone=normalise_phone(draft.delivery.phone),
        address=clean(draft.delivery.address),
    )
    documents = tuple(replace(doc, name=clean(doc.name)) for doc in draft.documents)
    return replace(
        draft,
        procedure_code=clean(draft.procedure_code),
        applicant=applicant,
        request=clean_multiline(draft.request),
        documents=documents,
        delivery=delivery,
        notes=clean_multiline(draft.notes),
    )

