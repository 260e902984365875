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
from desk_app.core.accounts import Account, AccountLogEntry, AccountPolicy, Permission, Role
from desk_app.core.backups import BackupInfo, BackupKind
from desk_app.core.calendar import WorkCalendar
from desk_app.core.catalogue import CatalogueEntry, ProcedureVersion
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
from desk_app.core.listing import ListFilter, Page, Sort
from desk_app.core.model import (
    Dossier,
    DossierDraft,
    DossierRow,
    Event,
    LedgerEntry,
    Procedure,
)
from desk_app.core.options import PrinterChoice
from desk_app.core.payloads import received_payload
from desk_app.core.reports import Board, EndOfDay
from desk_app.core.slips import SlipKind
from desk_app.core.states import DossierState
from desk_app.core.validation import Issue, Severity, validate_draft
from desk_app.paths import resource
from desk_app.printing.receipt import render_receipt
from desk_app.services import accounts, backups, lifecycle, options, printouts, reports
from desk_app.services import catalogue as catalogue_editing
from desk_app.services.errors import (
    LoginRefused,
    MustChangePassword,
    NotLoggedIn,
    NotSetUp,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
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
        options.upgrade(self)  # before anything reads a setting
        self._clock = clock
        self._lock = threading.RLock()
        self._calendar: WorkCalendar | None = None
        self._account: Account | None = None  # who is logged in at this counter
        self._load_bundled_catalogue()

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def reopen(self) -> None:
        """Open the database file again after it was replaced (a restore): nothing cached from
        the old one may survive."""
        with self._lock:
            self.db = connect(self.db_path)
            options.upgrade(self)  # the backup may come from an older release
            self._calendar = None
            # The restored file has its own accounts: whoever was logged in must log in again.
            self._account = None
            self._load_bundled_catalogue()

    def now(self) -> datetime:
        return to_vn(self._clock())

    # --- the session (services.accounts) -----------------------------------------------------
    # Before login the UI may only ask what it needs to show the login or first-run screen.

    def _require(self, permission: Permission) -> Account:
        """The logged-in account, if it holds `permission`; every use case calls this first."""
        account = self._require_login()
        if account.must_change_password:
            raise MustChangePassword()
        if permission not in accounts.permissions(self, account):
            raise PermissionDenied(permission)
        return account

    def _require_login(self) -> Account:
        if self._account is None:
            raise NotLoggedIn()
        return self._account

    def _clerk_name(self) -> str:
        """Who does what is being recorded: the name every event, dossier and slip carries."""
        return self._require_login().full_name

    @_locked
    def has_accounts(self) -> bool:
        return accounts.has_accounts(self)

    @_locked
    def login_choices(self) -> list[Account]:
        """The active accounts, for the login screen's picker."""
        return accounts.login_choices(self)

    @_locked
    def suggested_admin_name(self) -> str:
        """The clerk name of a counter set up before accounts existed, to prefill the admin."""
        return accounts.suggested_admin_name(self)

    @_locked
    def first_run(
        self, setup: CounterSetup, username: str, full_name: str, password: str
    ) -> Account:
        """The counter's setup and its first admin, in one transaction; logs the admin in."""
        self._account = accounts.first_run(self, setup, username, full_name, password)
        return self._account

    @_locked
    def create_first_admin(self, username: str, full_name: str, password: str) -> Account:
        """The first admin of a counter set up before accounts existed; logs them in."""
        self._account = accounts.create_first_admin(self, username, full_name, password)
        return self._account

    @_locked
    def login(self, username: str, password: str) -> Account:
        """Log in (switching from whoever was logged in). Raises LoginRefused."""
        self._account = None
        self._account = accounts.login(self, username, password)
        return self._account

    @_locked
    def logout(self) -> None:
        self._account = None

    @_locked
    def current_account(self) -> Account | None:
        return self._account

    @_locked
    def permissions(self) -> frozenset[Permission]:
        return accounts.permissions(self, self._account) if self._account else frozenset()

    @_locked
    def can(self, permission: Permission) -> bool:
        return permission in self.permissions()

    @_locked
    def change_password(self, old_password: str, new_password: str) -> Account:
        """Raises LoginRefused, and logs out, once wrong current passwords lock the account:
        whoever was guessing at an unlocked session must not keep it."""
        try:
            self._account = accounts.change_password(
                self, self._require_login(), old_password, new_password)
        except LoginRefused:
            self._account = None
            raise
        return self._account

    @_locked
    def account_policy(self) -> AccountPolicy:
        return accounts.account_policy(self)

    @_locked
    def save_account_policy(self, policy: AccountPolicy) -> AccountPolicy:
        self._require(Permission.SETTINGS)
        return accounts.save_account_policy(self, policy)

    # --- accounts (admin) ------------------------------------------------------------------

    @_locked
    def accounts(self) -> list[Account]:
        self._require(Permission.ACCOUNTS)
        return accounts.accounts(self)

    @_locked
    def create_account(
        self, username: str, full_name: str, role: Role, password: str
    ) -> Account:
        actor = self._require(Permission.ACCOUNTS)
        return accounts.create_account(self, actor.username, username, full_name, role, password)

    @_locked
    def update_account(
        self, username: str, *, full_name: str | None = None, role: Role | None = None,
        active: bool | None = None,
    ) -> Account:
        actor = self._require(Permission.ACCOUNTS)
        updated = accounts.update_account(
            self, actor.username, username, full_name=full_name, role=role, active=active)
        if updated.username == actor.username:
            self._account = updated
        return updated

    @_locked
    def reset_password(self, username: str, new_password: str) -> None:
        """A new password for someone who forgot theirs; they must change it at next login."""
        actor = self._require(Permission.ACCOUNTS)
        accounts.reset_password(self, actor.username, username, new_password)

    @_locked
    def unlock_account(self, username: str) -> None:
        actor = self._require(Permission.ACCOUNTS)
        accounts.unlock_account(self, actor.username, username)

    @_locked
    def account_log(self, limit: int = 200) -> list[AccountLogEntry]:
        """Newest first."""
        self._require(Permission.ACCOUNTS)
        return accounts.account_log(self, limit)

    # --- first-run setup -------------------------------------------------------------------

    @_locked
    def counter_setup(self) -> CounterSetup | None:
        stored = settings.load(self.db).get("counter_setup")
        if not stored:
            return None
        # Setups saved before accounts (issue 5) name a clerk: the clerk is now whoever is
        # logged in.
        return CounterSetup(**{k: v for k, v in stored.items() if k != "clerk_name"})

    @_locked
    def save_counter_setup(self, setup: CounterSetup) -> CounterSetup:
        self._require(Permission.SETTINGS)
        setup = self._checked_setup(setup)
        with self.db.atomic():
            self._store_setup(setup)
        return setup

    def _checked_setup(self, setup: CounterSetup) -> CounterSetup:
        setup = setup.cleaned()
        issues = setup_issues(setup)
        if issues:
            raise ValidationFailed(issues)
        return setup

    def _store_setup(self, setup: CounterSetup) -> None:
        """In the caller's transaction."""
        values = {"counter_setup": asdict(setup)}
        if "device_id" not in settings.load(self.db):
            values["device_id"] = str(uuidlib.uuid4())
        settings.save(self.db, values)

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
        return options.values(self)["language"]

    @_locked
    def set_language(self, language: str) -> None:
        """The language of the whole counter, for every account: a setting."""
        self._require(Permission.SETTINGS)
        options.save_option(self, "language", language)

    # --- catalogue and calendar ------------------------------------------------------------

    def _load_bundled_catalogue(self) -> None:
        """Load the catalogue shipped with the app when it is newer than the one in use."""
        document = json.loads(resource("catalogue", "procedures.json").read_text("utf-8"))
        with self.db.atomic():
            catalogue.apply_province(self.db, document, self.now())

    @_locked
    def procedures(self) -> list[Procedure]:
        self._require(Permission.LOOK_UP)
        return catalogue.all_procedures(self.db)

    @_locked
    def procedure(self, code: str) -> Procedure | None:
        self._require(Permission.LOOK_UP)
        return catalogue.procedure(self.db, code)

    @_locked
    def calendar(self) -> WorkCalendar:
        self._require(Permission.LOOK_UP)
        if self._calendar is None:
            self._calendar = WorkCalendar(
                options.working_hours(self), calendar_store.overrides(self.db))
        return self._calendar

    # --- receiving -------------------------------------------------------------------------

    @_locked
    def check(self, draft: DossierDraft) -> list[Issue]:
        """What is wrong or doubtful in a draft, for immediate display beside the fields."""
        self._require(Permission.LOOK_UP)
        draft = drafts.normalise(draft)
        return validate_draft(draft, self.procedure(draft.procedure_code), self.now().date())

    @_locked
    def due_if_received_now(self, procedure_code: str) -> datetime | None:
        self._require(Permission.LOOK_UP)
        procedure = self.procedure(procedure_code)
        return self.calendar().due_time(self.now(), procedure.time) if procedure else None

    @_locked
    def receive(
        self, draft: DossierDraft, *, accept_warnings: bool = False,
        received_at: datetime | None = None,
    ) -> Dossier:
        """Receive a dossier: code, due time, dossier, documents, event and outbox entry in one
        transaction. Raises ValidationFailed on errors, and on warnings not yet accepted."""
        self._require(Permission.RECEIVE)
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
                clerk=self._clerk_name(),
                ledger=ledger,
                original_due_at=due_at,
                procedure_version=procedure.version,
            )
            dossiers.insert(self.db, dossier, device_id)
            missing = [d.name for d in draft.documents if d.mandatory and not d.provided]
            events.append(
                self.db,
                dossier_uuid=dossier.uuid,
                kind="received",
                status=DossierState.RECEIVED,
                payload=received_payload(dossier, missing),
                clerk=self._clerk_name(),
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
        self._require(Permission.LOOK_UP)
        return lifecycle.processing_units(self)

    @_locked
    def save_processing_units(self, units: list[ProcessingUnit]) -> list[ProcessingUnit]:
        self._require(Permission.SETTINGS)
        return lifecycle.save_processing_units(self, units)

    @_locked
    def current_unit(self, dossier_uuid: str) -> str:
        self._require(Permission.LOOK_UP)
        return lifecycle.current_unit(self, dossier_uuid)

    @_locked
    def hand_over(
        self, dossier_uuids: list[str], unit: str, receiver_name: str, note: str = "",
        *, at: datetime | None = None,
    ) -> str:
        self._require(Permission.HAND_OVER)
        return lifecycle.hand_over(self, dossier_uuids, unit, receiver_name, note, at=at)

    @_locked
    def record_result_ready(
        self, dossier_uuid: str, unit: str, giver_name: str, note: str = "",
        *, at: datetime | None = None,
    ) -> Dossier:
        self._require(Permission.HAND_OVER)
        return lifecycle.record_result_ready(self, dossier_uuid, unit, giver_name, note, at=at)

    @_locked
    def request_supplement(
        self, dossier_uuid: str, missing: list[str], reason: str, contact: str,
        requested_by: str = "", *, giver_name: str = "", at: datetime | None = None,
    ) -> SupplementRequest:
        self._require(Permission.HAND_OVER)
        return lifecycle.request_supplement(
            self, dossier_uuid, missing, reason, contact, requested_by,
            giver_name=giver_name, at=at,
        )

    @_locked
    def receive_supplement(
        self, dossier_uuid: str, note: str = "", *, receiver_name: str = "",
        at: datetime | None = None,
    ) -> Dossier:
        self._require(Permission.HAND_OVER)
        return lifecycle.receive_supplement(
            self, dossier_uuid, note, receiver_name=receiver_name, at=at
        )

    @_locked
    def refuse(self, dossier_uuid: str, reason: str, *, at: datetime | None = None) -> Refusal:
        self._require(Permission.REFUSE)
        return lifecycle.refuse(self, dossier_uuid, reason, at=at)

    @_locked
    def apologise(
        self, dossier_uuid: str, reason: str, *, extra_working_days: int | None = None,
        new_due_at: datetime | None = None, at: datetime | None = None,
    ) -> Apology:
        self._require(Permission.APOLOGISE)
        return lifecycle.apologise(
            self, dossier_uuid, reason, extra_working_days=extra_working_days,
            new_due_at=new_due_at, at=at,
        )

    @_locked
    def return_result(self, dossier_uuid: str, ret: ResultReturn) -> Dossier:
        self._require(Permission.RETURN)
        return lifecycle.return_result(self, dossier_uuid, ret)

    @_locked
    def withdraw(self, dossier_uuid: str, reason: str, *, at: datetime | None = None) -> Dossier:
        self._require(Permission.RETURN)
        return lifecycle.withdraw(self, dossier_uuid, reason, at=at)

    @_locked
    def stop_processing(
        self, dossier_uuid: str, reason: str, *, at: datetime | None = None
    ) -> Dossier:
        self._require(Permission.RETURN)
        return lifecycle.stop_processing(self, dossier_uuid, reason, at=at)

    # --- slips (services.printouts) -------------------------------------------------------

    @_locked
    def receipt_pdf(self, dossier_uuid: str) -> Path:
        """The kept receipt PDF of a dossier as it stands (re-issued after a supplement),
        rendered and recorded if it was never made or has gone missing. A recorded PDF is
        never overwritten: it is what was printed."""
        self._require(Permission.LOOK_UP)
        return printouts.receipt_pdf(self, dossier_uuid)

    @_locked
    def issue_receipt(self, dossier: Dossier, event: Event) -> Path:
        """The receipt of `dossier` as `event` (its receipt, or a supplement) left it: the kept
        PDF, or a new one drawn and recorded, in the caller's transaction if there is one."""
        self._require(Permission.LOOK_UP)
        office = self.required_setup().office
        return printouts.slip_for_event(
            self, dossier, SlipKind.RECEIPT, event,
            lambda out: render_receipt(dossier, office, out),
        )

    @_locked
    def slip_pdf(self, dossier_uuid: str, kind: str, event_uuid: str | None = None) -> Path:
        """kind: "supplement", "refusal", "apology" or "control"."""
        self._require(Permission.LOOK_UP)
        return printouts.slip_pdf(self, dossier_uuid, kind, event_uuid)

    @_locked
    def handover_list_pdf(self, batch_uuid: str) -> Path:
        self._require(Permission.LOOK_UP)
        return printouts.handover_list_pdf(self, batch_uuid)

    @_locked
    def printed_slips(self, dossier_uuid: str) -> list[slips.SlipRecord]:
        self._require(Permission.LOOK_UP)
        return slips.for_dossier(self.db, dossier_uuid)

    @_locked
    def control_rows(self, dossier_uuid: str) -> list[ControlRow]:
        self._require(Permission.LOOK_UP)
        return [row for _, row in lifecycle.control_rows(self, dossier_uuid)]

    # --- the counter as a whole (services.reports) ---------------------------------------
    # The report PDFs take the lock only to read: see services.reports.

    @_locked
    def board(self, now: datetime | None = None) -> Board:
        account = self._require(Permission.LOOK_UP)
        # Without BOARD_ALL a clerk's board shows their own dossiers only.
        mine = None if self.can(Permission.BOARD_ALL) else account.full_name
        return reports.board(self, now, clerk=mine)

    @_locked
    def ledger(self, date_from: date, date_to: date) -> list[LedgerLine]:
        self._require(Permission.LEDGER)
        return reports.ledger(self, date_from, date_to)

    def ledger_pdf(self, date_from: date, date_to: date) -> Path:
        with self._lock:
            self._require(Permission.LEDGER)
        return reports.ledger_pdf(self, date_from, date_to)

    def ledger_xlsx(self, date_from: date, date_to: date, out: Path) -> Path:
        with self._lock:
            self._require(Permission.REPORTS)
        return reports.ledger_xlsx(self, date_from, date_to, out)

    @_locked
    def end_of_day(self, day: date | None = None) -> EndOfDay:
        self._require(Permission.END_OF_DAY)
        return reports.end_of_day(self, day)

    def end_of_day_pdf(self, day: date | None = None) -> Path:
        with self._lock:
            self._require(Permission.END_OF_DAY)
        return reports.end_of_day_pdf(self, day)

    # --- reading ---------------------------------------------------------------------------

    @_locked
    def dossier(self, dossier_uuid: str) -> Dossier:
        self._require(Permission.LOOK_UP)
        return self._dossier(dossier_uuid)

    def _dossier(self, dossier_uuid: str) -> Dossier:
        """For the use cases, which have checked their own permission (and province changes
        pulled by sync, which run with nobody logged in)."""
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
        self._require(Permission.LOOK_UP)
        return dossiers.rows(
            self.db, text=text, received_from=received_from, received_before=received_before,
            status=status, limit=limit, offset=offset,
        )

    @_locked
    def dossier_page(
        self, flt: ListFilter, sort: Sort, after: tuple | int | None = None, limit: int = 200,
    ) -> Page:
        """One page of the dossier list: the first with `after` None, then each from the
        previous page's `next`. Quick at any size, but it reads the disk: call it from the
        worker."""
        self._require(Permission.LOOK_UP)
        return listing.page(self.db, flt, sort, after, limit)

    @_locked
    def clerks(self) -> list[str]:
        """Everyone who has received a dossier here, for the list's clerk filter."""
        self._require(Permission.LOOK_UP)
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT clerk FROM dossiers INDEXED BY dossiers_clerk_received "
            "ORDER BY clerk")]

    @_locked
    def history(self, dossier_uuid: str) -> list[Event]:
        self._require(Permission.LOOK_UP)
        return events.for_dossier(self.db, dossier_uuid)

    @_locked
    def outbox_counts(self) -> dict[str, int]:
        return events.outbox_counts(self.db)

    # --- backups and the journal (services.backups, store.journal) ----------------------

    @_locked
    def backup_settings(self) -> backups.BackupSettings:
        self._require(Permission.BACKUPS)
        return backups.load_settings(self)

    @_locked
    def backup_interval_hours(self) -> int:
        """How often the app's timer backs up: the timer runs for whoever is logged in, or
        nobody, so reading it needs no permission (the rest of the settings does)."""
        return backups.load_settings(self).every_hours

    @_locked
    def save_backup_settings(self, values: backups.BackupSettings) -> backups.BackupSettings:
        self._require(Permission.BACKUPS)
        return backups.save_settings(self, values)

    @_locked
    def back_up_at_start(self) -> BackupInfo:
        return backups.back_up(self, BackupKind.START)

    @_locked
    def back_up_now(self) -> BackupInfo:
        """The periodic backup (the app's timer), or one asked for by hand."""
        return backups.back_up(self, BackupKind.PERIODIC)

    @_locked
    def list_backups(self) -> list[BackupInfo]:
        self._require(Permission.BACKUPS)
        return backups.list_backups(self)

    @_locked
    def restore(self, backup: BackupInfo) -> BackupInfo:
        """Replace the data with `backup`; returns the backup made of the state before."""
        self._require(Permission.BACKUPS)
        return backups.restore(self, backup)

    @_locked
    def verify_journal(self) -> journal.JournalCheck:
        self._require(Permission.VERIFY_JOURNAL)
        return journal.verify(self.db)

    # --- settings (services.options) -------------------------------------------------------

    @_locked
    def settings_view(self) -> options.SettingsView:
        self._require(Permission.SETTINGS)
        return options.view(self)

    @_locked
    def save_settings(
        self, form: options.SettingsForm, *, opened_from: options.SettingsForm | None = None,
    ) -> options.SettingsView:
        """Every group of the settings dialog in one transaction; ValidationFailed names each
        wrong field and nothing is saved. With `opened_from` (what the dialog showed), refused
        if the settings changed since."""
        self._require(Permission.SETTINGS)
        return options.save(self, form, opened_from)

    @_locked
    def printer_choice(self, kind: str) -> PrinterChoice:
        """The printer and paper for a printed kind; asked when printing, even while locked."""
        return options.printer_choice(self, kind)

    # --- the procedure catalogue editor (services.catalogue) -------------------------------

    @_locked
    def catalogue_entries(self, text: str = "") -> list[CatalogueEntry]:
        """Every procedure, withdrawn ones too, with how the commune keeps it."""
        self._require(Permission.LOOK_UP)
        return catalogue.entries(self.db, text)

    @_locked
    def procedure_versions(self, code: str) -> list[ProcedureVersion]:
        """Newest first."""
        self._require(Permission.LOOK_UP)
        return catalogue.versions(self.db, code)

    @_locked
    def procedure_at(self, code: str, version: int) -> Procedure | None:
        """The procedure as that version said it: what a dossier received under it promised."""
        self._require(Permission.LOOK_UP)
        return catalogue.at_version(self.db, code, version)

    @_locked
    def save_procedure(self, procedure: Procedure, *, local_override: bool = True) -> Procedure:
        """Save the editor's procedure (version 0 for a new one, else the version it started
        from); a new version only when something changed. Raises ValidationFailed."""
        self._require(Permission.CATALOGUE)
        return catalogue_editing.save_procedure(
            self, procedure, self._clerk_name(), local_override=local_override)

    @_locked
    def set_local_override(self, code: str, on: bool) -> CatalogueEntry:
        self._require(Permission.CATALOGUE)
        return catalogue_editing.set_local_override(self, code, on)

    @_locked
    def export_catalogue(self, path: Path) -> int:
        self._require(Permission.CATALOGUE)
        return catalogue_editing.export_catalogue(self, path)

    @_locked
    def import_catalogue(self, path: Path) -> catalogue_editing.ImportSummary:
        self._require(Permission.CATALOGUE)
        return catalogue_editing.import_catalogue(self, path, self._clerk_name())

    @_locked
    def suggested_unit(self, dossier_uuids: list[str]) -> str:
        """The processing unit to hand these dossiers to, when their procedures share one."""
        self._require(Permission.HAND_OVER)
        return catalogue_editing.suggested_unit(self, dossier_uuids)
