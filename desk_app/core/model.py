"""The domain's records as plain, immutable dataclasses shared by every layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum

from desk_app.core.states import DossierState


class TimeUnit(StrEnum):
    SAME_DAY = "same_day"
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    CALENDAR_DAYS = "calendar_days"


@dataclass(frozen=True)
class ProcessingTime:
    """The legal processing time of a procedure."""

    value: int
    unit: TimeUnit

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("processing time cannot be negative")
        if self.unit is TimeUnit.SAME_DAY and self.value != 0:
            raise ValueError("a same-day procedure has value 0")

    def text(self) -> str:
        """How the slips say it: 'Trong ngày', '05 ngày làm việc', '08 giờ làm việc'."""
        if self.unit is TimeUnit.SAME_DAY:
            return "Trong ngày làm việc"
        word = {
            TimeUnit.WORKING_DAYS: "ngày làm việc",
            TimeUnit.WORKING_HOURS: "giờ làm việc",
            TimeUnit.CALENDAR_DAYS: "ngày",
        }[self.unit]
        return f"{self.value:02d} {word}"


@dataclass(frozen=True)
class RequiredDocument:
    """One document a procedure asks for (thành phần hồ sơ), with its usual counts."""

    name: str
    mandatory: bool = True
    originals: int = 0
    certified: int = 0
    copies: int = 0


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field: str
    time: ProcessingTime
    fee: int = 0  # đồng
    fee_note: str = ""
    documents: tuple[RequiredDocument, ...] = ()
    unit: str = ""  # the processing unit its dossiers are handed over to; "" when not set
    # Which version of the catalogue entry this is: numbered from 1 per code when stored, so a
    # dossier names the version it was received under; 0 while not yet in the catalogue.
    version: int = 0


class ApplicantType(IntEnum):
    CITIZEN = 1
    BUSINESS = 2
    AGENCY = 3
    OTHER = 4

    @property
    def label(self) -> str:
        return {1: "Công dân", 2: "Doanh nghiệp", 3: "Cơ quan nhà nước", 4: "Tổ chức khác"}[self]


class Channel(IntEnum):
    COUNTER = 1
    ONLINE = 2
    POSTAL = 3

    @property
    def label(self) -> str:
        return {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}[self]


class DeliveryMethod(IntEnum):
    COUNTER = 0
    POST = 1


class Sex(StrEnum):
    MALE = "Nam"
    FEMALE = "Nữ"
    UNSPECIFIED = ""


@dataclass(frozen=True)
class Applicant:
    name: str
    type: ApplicantType = ApplicantType.CITIZEN
    id_number: str = ""
    birth_date: date | None = None
    sex: Sex = Sex.UNSPECIFIED
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class ResultDelivery:
    """Where the result goes: the counter, or by public post to a recipient."""

    method: DeliveryMethod = DeliveryMethod.COUNTER
    recipient: str = ""
    phone: str = ""
    address: str = ""


class Digitisation(StrEnum):
    """How a document line was digitised at reception (Decree 118/2025 Art. 17.1(c);
    docs/domain.md, "Digitisation")."""

    PENDING = ""  # not digitised (yet)
    SCANNED = "scanned"  # scanned here into a PDF/A file
    SHOWN = "shown"  # the original or VNeID was shown: nothing kept
    EXEMPT = "exempt"  # not to be digitised (Circular 03/2025 Art. 5(2))
    REUSED = "reused"  # an electronic copy already held for the same applicant

    @property
    def label(self) -> str:
        return _DIGITISATION_LABELS[self]

    @property
    def has_file(self) -> bool:
        return self in (Digitisation.SCANNED, Digitisation.REUSED)


_DIGITISATION_LABELS = {
    Digitisation.PENDING: "Chưa số hóa",
    Digitisation.SCANNED: "Đã quét",
    Digitisation.SHOWN: "Chỉ xuất trình",
    Digitisation.EXEMPT: "Không phải số hóa",
    Digitisation.REUSED: "Tái sử dụng",
}


@dataclass(frozen=True)
class DocumentLine:
    """A document as received: whether it was handed in, how many of each kind, and how it was
    digitised (a SCANNED or REUSED line names its PDF/A file by SHA-256)."""

    name: str
    mandatory: bool = False
    provided: bool = False
    originals: int = 0
    certified: int = 0
    copies: int = 0
    digitisation: Digitisation = Digitisation.PENDING
    file: str = ""  # SHA-256 hex of the line's PDF/A file; "" without one
    pages: int = 0
    reused_from: str = ""  # the dossier code a REUSED file came from


@dataclass(frozen=True)
class DossierDraft:
    """What the clerk typed into the receive form, before it becomes a dossier."""

    procedure_code: str
    applicant: Applicant
    request: str = ""
    sets: int = 1
    documents: tuple[DocumentLine, ...] = ()
    channel: Channel = Channel.COUNTER
    delivery: ResultDelivery = field(default_factory=ResultDelivery)
    fee: int = 0  # đồng collected
    notes: str = ""


@dataclass(frozen=True)
class LedgerEntry:
    """Where the dossier stands in the paper-equivalent ledger: book (the year) and line number."""

    book: int
    number: int


@dataclass(frozen=True)
class Dossier:
    uuid: str
    code: str
    procedure_name: str
    processing_time: ProcessingTime
    draft: DossierDraft
    received_at: datetime
    due_at: datetime
    status: DossierState
    clerk: str
    # None for a dossier refused at the counter (form 03): it was never received, so it has no
    # code (code is ''), no ledger line and no due time (due_at reads as the refusal's time).
    ledger: LedgerEntry | None
    # The due time before the first apology (moved, like due_at, by clock stops); equal to
    # due_at until the dossier is rescheduled.
    original_due_at: datetime | None = None
    finished_at: datetime | None = None  # the result came back to the counter
    returned_at: datetime | None = None  # the result reached the applicant
    procedure_version: int = 1  # the catalogue version of the procedure it was received under

    @property
    def applicant(self) -> Applicant:
        return self.draft.applicant

    @property
    def refused_at_counter(self) -> bool:
        return not self.code


@dataclass(frozen=True)
class Office:
    """Who issues the slips: the commune and its receiving unit, and the place name for dates."""

    commune_name: str
    unit_name: str
    place_name: str
    phone: str = ""  # the office's, for the applicant to call; empty when not set


@dataclass(frozen=True)
class Event:
    """One change to a dossier, as recorded: never edited, a correction is a new event."""

    uuid: str
    dossier_uuid: str
    kind: str
    status: DossierState
    payload: dict
    clerk: str
    device_id: str
    device_seq: int
    device_time: datetime
    server_time: datetime | None = None


@dataclass(frozen=True)
class DossierRow:
    """One line of the dossier list: just what the list shows."""

    uuid: str
    code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    status: DossierState
    clerk: str
    procedure_code: str = ""
    original_due_at: datetime | None = None  # see Dossier.original_due_at
    finished_at: datetime | None = None
    returned_at: datetime | None = None

    @property
    def rescheduled(self) -> bool:
        return self.original_due_at is not None and self.original_due_at != self.due_at
