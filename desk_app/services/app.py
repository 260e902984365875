"""The use cases a clerk performs, behind one facade.

Each public method is one transaction. The UI calls these from one serial worker thread; the
lock makes any other caller (a quick read from the GUI thread, a script) wait its turn instead
of sharing the SQLite connection at the same moment.
"""

from __future__ import annotations

import functools
import json
import threading
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

from desk_app.core import drafts
from desk_app.core.calendar import WorkCalendar
from desk_app.core.clock import now_vn, to_vn
from desk_app.core.codes import make_code
from desk_app.core.counter import CounterSetup, setup_issues
from desk_app.core.lifecycle import (
    Apology,
    ControlRow,
    LedgerLine,
    ProcessingUnit,
    Refusal,
    ResultReturn,
    SupplementRequest,
)
from desk_app.core.listing import ListFilter, Sort
from desk_app.core.model import (
    Dossier,
    DossierDraft,
    DossierRow,
    Event,
    LedgerEntry,
    Procedure,
)
from desk_app.core.reports import Board, EndOfDay
from desk_app.core.states import DossierState
from desk_app.core.validation import Issue, Severity, validate_draft
from desk_app.paths import resource
from desk_app.printing.receipt import render_receipt
from desk_app.services import backups, lifecycle, printouts, reports
from desk_app.services.errors import NotSetUp, ServiceError, ValidationFailed
from desk_app.services.payloads import received_payload
from desk_app.store import calendar as calendar_store
from desk_app.store import (
    catalogue,
    dossiers,
    events,
    issued_codes,
    journal,
    listing,
    sequences,
    settings,
    slips,
)
from desk_app.store.backup import PERIODIC, START, BackupInfo
from desk_app.store.db import connect

DB_FILE = "desk.db"


def _locked(method: Callable) -> Callable:
    @functools.wraps(method)
    def wrapper(self: Services, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


class Services:
    def __init__(self, data_dir: Path, *, clock: Callable[[], datetime] = now_vn):
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / DB_FILE
        self.db = connect(self.db_path)
        self._clock = clock
        self._lock = threading.RLock()
        self._calendar: WorkCalendar | None = None
        self._load_bundled_catalogue()

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def reopen(self) -> None:
        """Open the database file again after it was replaced (a restore): nothing cached from
        the old one may survive."""
        with self._lock:
            self.db = connect(self.db_path)
            self._calendar = None
            self._load_bundled_catalogue()

    def now(self) -> datetime:
        return to_vn(self._clock())

    # --- first-run setup -------------------------------------------------------------------

    @_locked
    def counter_setup(self) -> CounterSetup | None:
        stored = settings.load(self.db).get("counter_setup")
        return CounterSetup(**stored) if stored else None

    @_locked
    def save_counter_setup(self, setup: CounterSetup) -> CounterSetup:
        setup = setup.cleaned()
        issues = setup_issues(setup)
        if issues:
            raise ValidationFailed(issues)
        with self.db.atomic():
            values = {"counter_setup": asdict(setup)}
            if "device_id" not in settings.load(self.db):
                values["device_id"] = str(uuidlib.uuid4())
            settings.save(self.db, values)
        return setup

    def required_setup(self) -> CounterSetup:
        setup = self.counter_setup()
        if setup is None:
            raise NotSetUp()
        return setup

    @_locked
    def device_id(self) -> str:
        return settings.load(self.db).get("device_id", "")

    @_locked
    def language(self) -> str:
        return settings.load(self.db).get("language", "vi")

    @_locked
    def set_language(self, language: str) -> None:
        with self.db.atomic():
            settings.save(self.db, {"language": language})

    # --- catalogue and calendar ------------------------------------------------------------

    def _load_bundled_catalogue(self) -> None:
        """Load the catalogue shipped with the app when it is newer than the one in use."""
        document = json.loads(resource("catalogue", "procedures.json").read_text("utf-8"))
        if catalogue.is_newer(document["version"], catalogue.loaded_version(self.db)):
            with self.db.atomic():
                catalogue.replace(self.db, document)

    @_locked
    def procedures(self) -> list[Procedure]:
        return catalogue.all_procedures(self.db)

    @_locked
    def procedure(self, code: str) -> Procedure | None:
        return catalogue.procedure(self.db, code)

    @_locked
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = WorkCalendar(overrides=calendar_store.overrides(self.db))
        return self._calendar

    # --- receiving -------------------------------------------------------------------------

    @_locked
    def check(self, draft: DossierDraft) -> list[Issue]:
        """What is wrong or doubtful in a draft, for immediate display beside the fields."""
        draft = drafts.normalise(draft)
        return validate_draft(draft, self.procedure(draft.procedure_code), self.now().date())

    @_locked
    def due_if_received_now(self, procedure_code: str) -> datetime | None:
        procedure = self.procedure(procedure_code)
        return self.calendar().due_time(self.now(), procedure.time) if procedure else None

    @_locked
    def receive(
        self, draft: DossierDraft, *, accept_warnings: bool = False,
        received_at: datetime | None = None,
    ) -> Dossier:
        """Receive a dossier: code, due time, dossier, documents, event and outbox entry in one
        transaction. Raises ValidationFailed on errors, and on warnings not yet accepted."""
        setup = self.required_setup()
        at = to_vn(received_at) if received_at else self.now()
        draft = drafts.normalise(draft)
        procedure = self.procedure(draft.procedure_code)
        issues = validate_draft(draft, procedure, at.date())
        blocking = [
            i for i in issues if i.severity is Severity.ERROR or not accept_warnings
        ]
        if blocking:
            raise ValidationFailed(issues)
        assert procedure is not None  # validate_draft reports a missing procedure as an error
        device_id = self.device_id()
        with self.db.atomic():
            sequence = sequences.next_code_sequence(
                self.db, setup.agency_code, at.date(), setup.counter_number,
                issued_codes.highest_code(
                    self.data_dir, setup.agency_code, at.date(), setup.counter_number),
            )
            code = make_code(setup.agency_code, at.date(), setup.counter_number, sequence)
            ledger = LedgerEntry(at.year, sequences.next_ledger_number(
                self.db, at.year, issued_codes.highest_ledger(self.data_dir, at.year)))
            due_at = self.calendar().due_time(at, procedure.time)
            dossier = Dossier(
                uuid=str(uuidlib.uuid4()),
                code=str(code),
                procedure_name=procedure.name,
                processing_time=procedure.time,
                draft=draft,
                received_at=at,
                due_at=due_at,
                status=DossierState.RECEIVED,
                clerk=setup.clerk_name,
                ledger=ledger,
                original_due_at=due_at,
            )
            dossiers.insert(self.db, dossier, device_id)
            missing = [d.name for d in draft.documents if d.mandatory and not d.provided]
            events.append(
                self.db,
                dossier_uuid=dossier.uuid,
                kind="received",
                status=DossierState.RECEIVED,
                payload=received_payload(dossier, missing),
                clerk=setup.clerk_name,
                device_id=device_id,
                at=at,
            )
        # Before the receipt can be printed: a later restore must not hand these out again.
        issued_codes.record(
            self.data_dir, agency=setup.agency_code, day=at.date(),
            counter=setup.counter_number, sequence=sequence, book=ledger.book,
            ledger_number=ledger.number,
        )
        return dossier

    # --- after the receipt (services.lifecycle) ---------------------------------------------

    @_locked
    def processing_units(self) -> list[ProcessingUnit]:
        return lifecycle.processing_units(self)

    @_locked
    def save_processing_units(self, units: list[ProcessingUnit]) -> list[ProcessingUnit]:
        return lifecycle.save_processing_units(self, units)

    @_locked
    def current_unit(self, dossier_uuid: str) -> str:
        return lifecycle.current_unit(self, dossier_uuid)

    @_locked
    def hand_over(
        self, dossier_uuids: list[str], unit: str, receiver_name: str, note: str = "",
        *, at: datetime | None = None,
    ) -> str:
        return lifecycle.hand_over(self, dossier_uuids, unit, receiver_name, note, at=at)

    @_locked
    def record_result_ready(
        self, dossier_uuid: str, unit: str, giver_name: str, note: str = "",
        *, at: datetime | None = None,
    ) -> Dossier:
        return lifecycle.record_result_ready(self, dossier_uuid, unit, giver_name, note, at=at)

    @_locked
    def request_supplement(
        self, dossier_uuid: str, missing: list[str], reason: str, contact: str,
        requested_by: str = "", *, giver_name: str = "", at: datetime | None = None,
    ) -> SupplementRequest:
        return lifecycle.request_supplement(
            self, dossier_uuid, missing, reason, contact, requested_by,
            giver_name=giver_name, at=at,
        )

    @_locked
    def receive_supplement(
        self, dossier_uuid: str, note: str = "", *, receiver_name: str = "",
        at: datetime | None = None,
    ) -> Dossier:
        return lifecycle.receive_supplement(
            self, dossier_uuid, note, receiver_name=receiver_name, at=at
        )

    @_locked
    def refuse(self, dossier_uuid: str, reason: str, *, at: datetime | None = None) -> Refusal:
        return lifecycle.refuse(self, dossier_uuid, reason, at=at)

    @_locked
    def apologise(
        self, dossier_uuid: str, reason: str, *, extra_working_days: int | None = None,
        new_due_at: datetime | None = None, at: datetime | None = None,
    ) -> Apology:
        return lifecycle.apologise(
            self, dossier_uuid, reason, extra_working_days=extra_working_days,
            new_due_at=new_due_at, at=at,
        )

    @_locked
    def return_result(self, dossier_uuid: str, ret: ResultReturn) -> Dossier:
        return lifecycle.return_result(self, dossier_uuid, ret)

    @_locked
    def withdraw(self, dossier_uuid: str, reason: str, *, at: datetime | None = None) -> Dossier:
        return lifecycle.withdraw(self, dossier_uuid, reason, at=at)

    @_locked
    def stop_processing(
        self, dossier_uuid: str, reason: str, *, at: datetime | None = None
    ) -> Dossier:
        return lifecycle.stop_processing(self, dossier_uuid, reason, at=at)

    # --- slips (services.printouts) -------------------------------------------------------

    @_locked
    def receipt_pdf(self, dossier_uuid: str) -> Path:
        """The kept receipt PDF of a dossier as it stands (re-issued after a supplement),
        rendered and recorded if it was never made or has gone missing. A recorded PDF is
        never overwritten: it is what was printed."""
        return printouts.receipt_pdf(self, dossier_uuid)

    @_locked
    def issue_receipt(self, dossier: Dossier, event: Event) -> Path:
        """The receipt of `dossier` as `event` (its receipt, or a supplement) left it: the kept
        PDF, or a new one drawn and recorded, in the caller's transaction if there is one."""
        office = self.required_setup().office
        return printouts.slip_for_event(
            self, dossier, printouts.RECEIPT, event,
            lambda out: render_receipt(dossier, office, out),
        )

    @_locked
    def slip_pdf(self, dossier_uuid: str, kind: str, event_uuid: str | None = None) -> Path:
        """kind: "supplement", "refusal", "apology" or "control"."""
        return printouts.slip_pdf(self, dossier_uuid, kind, event_uuid)

    @_locked
    def handover_list_pdf(self, batch_uuid: str) -> Path:
        return printouts.handover_list_pdf(self, batch_uuid)

    @_locked
    def printed_slips(self, dossier_uuid: str) -> list[slips.SlipRecord]:
        return slips.for_dossier(self.db, dossier_uuid)

    @_locked
    def control_rows(self, dossier_uuid: str) -> list[ControlRow]:
        return [row for _, row in lifecycle.control_rows(self, dossier_uuid)]

    # --- the counter as a whole (services.reports) ---------------------------------------
    # The report PDFs take the lock only to read: see services.reports.

    @_locked
    def board(self, now: datetime | None = None) -> Board:
        return reports.board(self, now)

    @_locked
    def ledger(self, date_from: date, date_to: date) -> list[LedgerLine]:
        return reports.ledger(self, date_from, date_to)

    def ledger_pdf(self, date_from: date, date_to: date) -> Path:
        return reports.ledger_pdf(self, date_from, date_to)

    def ledger_xlsx(self, date_from: date, date_to: date, out: Path) -> Path:
        return reports.ledger_xlsx(self, date_from, date_to, out)

    @_locked
    def end_of_day(self, day: date | None = None) -> EndOfDay:
        return reports.end_of_day(self, day)

    def end_of_day_pdf(self, day: date | None = None) -> Path:
        return reports.end_of_day_pdf(self, day)

    # --- reading ---------------------------------------------------------------------------

    @_locked
    def dossier(self, dossier_uuid: str) -> Dossier:
        dossier = dossiers.get(self.db, dossier_uuid)
        if dossier is None:
            raise ServiceError("Không tìm thấy hồ sơ.")
        return dossier

    @_locked
    def dossier_rows(
        self, text: str = "", *, received_from: datetime | None = None,
        received_before: datetime | None = None, status: set[DossierState] | None = None,
        limit: int | None = 500, offset: int = 0,
    ) -> list[DossierRow]:
        return dossiers.rows(
            self.db, text=text, received_from=received_from, received_before=received_before,
            status=status, limit=limit, offset=offset,
        )

    @_locked
    def dossier_page(
        self, flt: ListFilter, sort: Sort, after: tuple | int | None = None, limit: int = 200,
    ) -> listing.Page:
        """One page of the dossier list: the first with `after` None, then each from the
        previous page's `next`. Quick at any size, but it reads the disk: call it from the
        worker."""
        return listing.page(self.db, flt, sort, after, limit)

    @_locked
    def clerks(self) -> list[str]:
        """Everyone who has received a dossier here, for the list's clerk filter."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT clerk FROM dossiers INDEXED BY dossiers_clerk_received "
            "ORDER BY clerk")]

    @_locked
    def history(self, dossier_uuid: str) -> list[Event]:
        return events.for_dossier(self.db, dossier_uuid)

    @_locked
    def outbox_counts(self) -> dict[str, int]:
        return events.outbox_counts(self.db)

    # --- backups and the journal (services.backups, store.journal) ----------------------

    @_locked
    def backup_settings(self) -> backups.BackupSettings:
        return backups.load_settings(self)

    @_locked
    def save_backup_settings(self, values: backups.BackupSettings) -> backups.BackupSettings:
        return backups.save_settings(self, values)

    @_locked
    def back_up_at_start(self) -> BackupInfo:
        return backups.back_up(self, START)

    @_locked
    def back_up_now(self) -> BackupInfo:
        """The periodic backup (the app's timer), or one asked for by hand."""
        return backups.back_up(self, PERIODIC)

    @_locked
    def list_backups(self) -> list[BackupInfo]:
        return backups.list_backups(self)

    @_locked
    def restore(self, backup: BackupInfo) -> BackupInfo:
        """Replace the data with `backup`; returns the backup made of the state before."""
        return backups.restore(self, backup)

    @_locked
    def verify_journal(self) -> journal.JournalCheck:
        return journal.verify(self.db)
