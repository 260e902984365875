from datetime import datetime

from desk_app.core import payloads
from desk_app.core.clock import VN_TZ, iso
from desk_app.core.lifecycle import EventKind, Satisfaction
from desk_app.core.model import Event
from desk_app.core.states import DossierState
from desk_app.core.timeliness import Timeliness

AT = datetime(2026, 11, 24, 9, 30, tzinfo=VN_TZ)


def event(kind: EventKind, payload: dict, status=DossierState.PROCESSING) -> Event:
    return Event("e-1", "d-1", kind.value, status, payload, "Hoa", "device-1", 1, AT)


def test_the_reader_reads_what_the_services_write():
    handed = event(EventKind.HANDED_OVER, {
        "batch_uuid": "b-1", "unit": "Công an xã", "giver_name": "Hoa", "receiver_name": "Lan",
        "note": "", "inter_agency": False, "batch_size": 1})
    assert payloads.handover(handed) == payloads.Handover("b-1", "Công an xã", "Hoa", "Lan")
    asked = event(EventKind.SUPPLEMENT_REQUESTED, {
        "missing": ["Bản sao CCCD"], "reason": "Thiếu", "contact": "Hoa",
        "requested_by": "Công an xã", "resume_in": int(DossierState.PROCESSING)},
        DossierState.SUPPLEMENT)
    assert payloads.resume_in(asked) is DossierState.PROCESSING
    assert payloads.requested_by(asked) == "Công an xã"
    assert payloads.facts(asked).missing == ("Bản sao CCCD",)


def test_facts_a_newer_version_wrote_read_as_empty_not_wrong():
    newer = event(EventKind.RETURNED, {
        "timeliness": "some_new_verdict", "satisfaction": 99, "collector_name": "Minh",
        "due_at": iso(AT), "shiny_new_key": {"x": 1}})
    facts = payloads.facts(newer)
    assert (facts.timeliness, facts.satisfaction) == (None, None)
    assert (facts.collector_name, facts.due_at, facts.reason) == ("Minh", AT, "")
    known = payloads.facts(event(EventKind.RETURNED, {
        "timeliness": Timeliness.LATE.value, "satisfaction": int(Satisfaction(1))}))
    assert (known.timeliness, known.satisfaction) == (Timeliness.LATE, Satisfaction(1))
