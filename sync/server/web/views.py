"""What the province's pages show, read from the hub's dossier view (tables.dossiers, kept up
to date by ingest) and the events of one dossier at a time, each query a range of an index
(migration 0003), never a scan of the event log.

Times in the dossier view are +07:00 ISO text, so a day is a text range ("2026-12-04" up to
"2026-12-05") and "now" compares as text in the same form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, func, select

from desk_app.core.lifecycle import OPEN_STATES
from desk_app.core.listing import OVERDUE_STATES
from desk_app.core.states import DossierState
from sync.server.database import reading
from sync.server.tables import communes, devices, dossiers, events

PAGE_SIZE = 50
OVERVIEW_COLUMNS = ("received", "due_today", "overdue", "ready", "returned")
PERIODS = {"1": 1, "7": 7, "30": 30, "90": 90, "365": 365}
OPEN = "open"  # the state filter's choice for every open state, as on the counter

_OVERDUE_CODES = sorted(int(s) for s in OVERDUE_STATES)

EVENT_LABELS = {
    "received": "Tiếp nhận",
    "refused": "Từ chối tiếp nhận",
    "handed_over": "Chuyển xử lý",
    "supplement_requested": "Yêu cầu bổ sung",
    "supplement_received": "Nhận bổ sung",
    "supplemented": "Nhận bổ sung",
    "financial_requested": "Yêu cầu nghĩa vụ tài chính",
    "withdrawn": "Rút hồ sơ",
    "stopped": "Dừng xử lý",
    "result_ready": "Có kết quả",
    "returned": "Trả kết quả",
    "rescheduled": "Hẹn lại ngày trả",
    "corrected": "Sửa thông tin",
    "quarantine_discarded": "Huỷ sự kiện lỗi",
    "document_digitised": "Số hóa giấy tờ",
    "file_discarded": "Bỏ gửi tệp số hóa",
}


def state_label(status: int | None) -> str:
    try:
        return DossierState(status).label
    except ValueError:
        return "—"


def vn_stamp(moment: datetime) -> str:
    """`moment` as the dossier view's times are written (+07:00, seconds)."""
    return moment.isoformat(timespec="seconds")


@dataclass
class CommuneDay:
    id: int
    name: str
    agency_code: str
    counts: dict[str, int] = field(default_factory=dict)


def overview(engine: Engine, now: datetime, commune_ids: list[int] | None = None
             ) -> list[CommuneDay]:
    """Today's figures per commune (`commune_ids`: only those; None: all)."""
    today = now.date().isoformat()
    tomorrow = (now.date() + timedelta(days=1)).isoformat()
    at = vn_stamp(now)
    d = dossiers.c
    queries = {
        "received": select(d.commune_id, func.count()).where(
            d.received_at >= today, d.received_at < tomorrow),
        "due_today": select(d.commune_id, func.count()).where(
            d.status.in_(_OVERDUE_CODES), d.due_at >= at, d.due_at < tomorrow),
        "overdue": select(d.commune_id, func.count()).where(
            d.status.in_(_OVERDUE_CODES), d.due_at < at),
        "ready": select(d.commune_id, func.count()).where(
            d.status == int(DossierState.RESULT_READY)),
        "returned": select(d.commune_id, func.count()).where(
            d.status == int(DossierState.RETURNED), d.status_time >= today,
            d.status_time < tomorrow),
    }
    listed = select(communes.c.id, communes.c.name, communes.c.agency_code).order_by(communes.c.id)
    if commune_ids is not None:
        listed = listed.where(communes.c.id.in_(commune_ids))
    with reading(engine) as connection:
        days = {row.id: CommuneDay(row.id, row.name, row.agency_code,
                                   dict.fromkeys(OVERVIEW_COLUMNS, 0))
                for row in connection.execute(listed)}
        for column, query in queries.items():
            if commune_ids is not None:
                query = query.where(d.commune_id.in_(commune_ids))
            for commune_id, count in connection.execute(query.group_by(d.commune_id)):
                if commune_id in days:
                    days[commune_id].counts[column] = count
    return list(days.values())


def sort_overview(days: list[CommuneDay], key: str, descending: bool) -> list[CommuneDay]:
    if key in OVERVIEW_COLUMNS:
        return sorted(days, key=lambda day: (day.counts[key], day.name), reverse=descending)
    return sorted(days, key=lambda day: day.name, reverse=descending)


def commune(engine: Engine, commune_id: int) -> CommuneDay | None:
    with reading(engine) as connection:
        row = connection.execute(select(communes.c.id, communes.c.name, communes.c.agency_code)
                                 .where(communes.c.id == commune_id)).first()
    return None if row is None else CommuneDay(row.id, row.name, row.agency_code)


@dataclass(frozen=True)
class ListFilter:
    state: str | None = None  # OPEN, or a state's number
    procedure: str | None = None
    period_days: int | None = None
    overdue: bool = False
    page: int = 1


@dataclass(frozen=True)
class DossierLine:
    uuid: str
    code: str | None
    procedure_name: str | None
    applicant_name: str | None
    received_at: str | None
    due_at: str | None
    status: int | None
    overdue: bool

    @property
    def state(self) -> str:
        return state_label(self.status)


def dossier_list(engine: Engine, commune_id: int, flt: ListFilter, now: datetime
                 ) -> tuple[list[DossierLine], bool]:
    """One page of the commune's dossiers, newest received first; and whether more follow."""
    d = dossiers.c
    at = vn_stamp(now)
    query = select(d.uuid, d.code, d.procedure_name, d.applicant_name, d.received_at, d.due_at,
                   d.status).where(d.commune_id == commune_id)
    if flt.state == OPEN:
        query = query.where(d.status.in_(sorted(int(s) for s in OPEN_STATES)))
    elif flt.state is not None:
        query = query.where(d.status == int(flt.state))
    if flt.procedure:
        query = query.where(d.procedure_code == flt.procedure)
    if flt.period_days:
        first_day = now.date() - timedelta(days=flt.period_days - 1)
        query = query.where(d.received_at >= first_day.isoformat())
    if flt.overdue:
        query = query.where(d.status.in_(_OVERDUE_CODES), d.due_at < at)
    query = (query.order_by(d.received_at.desc(), d.uuid)
             .limit(PAGE_SIZE + 1).offset((flt.page - 1) * PAGE_SIZE))
    with reading(engine) as connection:
        rows = connection.execute(query).all()
    lines = [DossierLine(*row, overdue=_overdue(row.status, row.due_at, at))
             for row in rows[:PAGE_SIZE]]
    return lines, len(rows) > PAGE_SIZE


def _overdue(status: int | None, due_at: str | None, at: str) -> bool:
    return status in _OVERDUE_CODES and due_at is not None and due_at < at


def procedures(engine: Engine, commune_id: int) -> list[tuple[str, str]]:
    """The procedures the commune's dossiers were received under: the filter's choices, each
    named as its newest dossier names it. Read from one code to the next through the index
    dossiers_commune_procedure (migration 0007): a few seeks per procedure, where grouping read
    every dossier of the commune at each page (56 ms for 33,000 dossiers)."""
    d = dossiers.c
    mine = d.commune_id == commune_id
    codes = select(func.min(d.procedure_code).label("code")).where(mine).cte(
        "codes", recursive=True)
    following = select(func.min(d.procedure_code)).where(
        mine, d.procedure_code > codes.c.code).scalar_subquery()
    codes = codes.union_all(select(following).where(codes.c.code.is_not(None)))
    newest_name = (select(d.procedure_name).where(mine, d.procedure_code == codes.c.code)
                   .order_by(d.received_at.desc()).limit(1).scalar_subquery())
    with reading(engine) as connection:
        return [(code, name or code) for code, name in connection.execute(
            select(codes.c.code, newest_name).where(codes.c.code.is_not(None))
            .order_by(codes.c.code))]


@dataclass(frozen=True)
class TimelineEntry:
    when: str
    kind: str
    state: str
    clerk: str
    source: str
    note: str


@dataclass(frozen=True)
class DossierDetail:
    line: DossierLine
    commune_id: int
    procedure_code: str | None
    timeline: list[TimelineEntry]


def dossier(engine: Engine, uuid: str, now: datetime) -> DossierDetail | None:
    d = dossiers.c
    with reading(engine) as connection:
        row = connection.execute(
            select(d.uuid, d.code, d.procedure_name, d.applicant_name, d.received_at, d.due_at,
                   d.status, d.commune_id, d.procedure_code).where(d.uuid == uuid)).first()
        if row is None:
            return None
        timeline = _timeline(connection, uuid)
    line = DossierLine(row.uuid, row.code, row.procedure_name, row.applicant_name,
                       row.received_at, row.due_at, row.status,
                       _overdue(row.status, row.due_at, vn_stamp(now)))
    return DossierDetail(line, row.commune_id, row.procedure_code, timeline)


def _timeline(connection: Connection, uuid: str) -> list[TimelineEntry]:
    """Every event on the dossier, from all of its commune's counters and the province, in the
    order they happened (device time; the device's own numbering breaks ties)."""
    e = events.c
    rows = connection.execute(
        select(e.device_time_vn, e.kind, e.status, e.clerk, e.payload,
               devices.c.name.label("device_name"))
        .outerjoin(devices, devices.c.id == e.device_id)
        .where(e.dossier_uuid == uuid)
        .order_by(e.device_time_vn, e.device_seq))
    return [
        TimelineEntry(
            when=row.device_time_vn, kind=EVENT_LABELS.get(row.kind, row.kind),
            state=state_label(row.status), clerk=row.clerk,
            source=row.device_name or "Tỉnh", note=_note(row.payload))
        for row in rows
    ]


def _note(payload: str) -> str:
    """The free text an event carries, if any (a province note, a refusal's reason)."""
    try:
        data = json.loads(payload)
    except ValueError:
        return ""
    for key in ("note", "reason"):
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, str) and value:
            return value
    return ""
