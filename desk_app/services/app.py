"""The services as one object: the composition root binding every use case to one Context.

Each use case lives in the module of its subject and runs through `context.use_case` (the
lock, the permission, the transaction, the announced changes); this class only gives the UI,
the command line and the tests one object to call them on. Nothing here decides anything.

Threads: the UI calls these from its one database worker, the sync service from the network
worker; the lock makes them take turns. The GUI thread calls only the few methods below that
read memory (`now`, `current_account`, `permissions`, `can`, `on_change`), never a use case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlite_utils

from desk_app.core.accounts import Account, Permission
from desk_app.core.clock import now_vn

# `accounts` is also a use case's name, so the module goes by another in the class body.
from desk_app.services import accounts as people
from desk_app.services import (
    backups,
    catalogue,
    digitisation,
    lifecycle,
    lookup,
    options,
    printouts,
    receiving,
    reports,
    setup,
    units,
    witnesses,
)
from desk_app.services.context import DB_FILE, Context, Listener, bind
from desk_app.store import db as database

__all__ = ["DB_FILE", "Services", "upgrade_pending"]


def upgrade_pending(data_dir: Path) -> bool:
    """Whether opening the services over `data_dir` will first upgrade its database to this
    version's schema: minutes on a large one, which the caller should say."""
    return database.upgrade_pending(Path(data_dir) / DB_FILE)


class Services:
    def __init__(self, data_dir: Path, *, clock: Callable[[], datetime] = now_vn):
        self.ctx = Context(data_dir, clock=clock)

    @property
    def data_dir(self) -> Path:
        return self.ctx.data_dir

    @property
    def db_path(self) -> Path:
        return self.ctx.db_path

    @property
    def db(self) -> sqlite_utils.Database:
        """For scripts and the tests' checks; the use cases reach it through their context."""
        return self.ctx.db

    def close(self) -> None:
        """Close the database, once every thread that used the services has stopped (the app
        joins its workers first): nothing can then be holding or waiting for the lock."""
        self.ctx.db.close()

    def reopen(self) -> None:
        """Open the database file again after it was replaced outside the services: nothing
        cached from the old one may survive, and whoever was logged in must log in again."""
        with self.ctx.lock:
            self.ctx.open()
            self.ctx.account = None

    # --- memory only: safe from the GUI thread ---------------------------------------------

    def now(self) -> datetime:
        return self.ctx.now()

    def current_account(self) -> Account | None:
        return self.ctx.account

    def permissions(self) -> frozenset[Permission]:
        """What the logged-in account may do, as of the last use case: memory only."""
        return self.ctx.granted if self.ctx.account is not None else frozenset()

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions()

    def on_change(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(changes)` after each use case that changed something, on the thread
        that ran it; returns what stops it."""
        self.ctx.listeners.append(listener)
        return lambda: self.ctx.listeners.remove(listener)

    # --- the session and the accounts ------------------------------------------------------
    has_accounts = bind(people.has_accounts)
    login_choices = bind(people.login_choices)
    suggested_admin_name = bind(people.suggested_admin_name)
    first_run = bind(people.first_run)
    create_first_admin = bind(people.create_first_admin)
    login = bind(people.login)
    logout = bind(people.logout)
    change_password = bind(people.change_password)
    account_policy = bind(people.account_policy)
    save_account_policy = bind(people.save_account_policy)
    accounts = bind(people.accounts)
    create_account = bind(people.create_account)
    update_account = bind(people.update_account)
    reset_password = bind(people.reset_password)
    unlock_account = bind(people.unlock_account)
    account_log = bind(people.account_log)

    # --- the counter's setup and settings --------------------------------------------------
    counter_setup = bind(setup.counter_setup)
    required_setup = bind(setup.required_setup)
    save_counter_setup = bind(setup.save_counter_setup)
    device_id = bind(setup.device_id)
    language = bind(options.language)
    set_language = bind(options.set_language)
    settings_view = bind(options.settings_view)
    save_settings = bind(options.save_settings)
    printer_choice = bind(options.printer_choice)
    processing_units = bind(units.processing_units)
    save_processing_units = bind(units.save_processing_units)

    # --- the catalogue and the calendar ----------------------------------------------------
    procedures = bind(catalogue.procedures)
    procedure = bind(catalogue.procedure)
    calendar = bind(catalogue.calendar)
    catalogue_entries = bind(catalogue.catalogue_entries)
    procedure_versions = bind(catalogue.procedure_versions)
    procedure_at = bind(catalogue.procedure_at)
    save_procedure = bind(catalogue.save_procedure)
    set_local_override = bind(catalogue.set_local_override)
    export_catalogue = bind(catalogue.export_catalogue)
    import_catalogue = bind(catalogue.import_catalogue)
    suggested_unit = bind(catalogue.suggested_unit)

    # --- receiving and the dossier's life --------------------------------------------------
    check = bind(receiving.check)
    due_if_received_now = bind(receiving.due_if_received_now)
    receive = bind(receiving.receive)
    refuse_at_counter = bind(receiving.refuse_at_counter)
    current_unit = bind(lifecycle.current_unit)
    hand_over = bind(lifecycle.hand_over)
    record_result_ready = bind(lifecycle.record_result_ready)
    request_supplement = bind(lifecycle.request_supplement)
    receive_supplement = bind(lifecycle.receive_supplement)
    refuse = bind(lifecycle.refuse)
    apologise = bind(lifecycle.apologise)
    return_result = bind(lifecycle.return_result)
    withdraw = bind(lifecycle.withdraw)
    stop_processing = bind(lifecycle.stop_processing)
    last_action_reversal = bind(lifecycle.last_action_reversal)
    correct_last_action = bind(lifecycle.correct_last_action)

    # --- digitised documents ---------------------------------------------------------------
    keep_pdf = bind(digitisation.keep_pdf)
    keep_fetched = bind(digitisation.keep_fetched)
    discard_files = bind(digitisation.discard_files)
    digitise_document = bind(digitisation.digitise_document)
    unsaved_scans = bind(digitisation.unsaved_scans)
    dossier_files = bind(digitisation.dossier_files)
    open_file = bind(digitisation.open_file)
    use_file = bind(digitisation.use_file)
    file_views = bind(digitisation.file_views)
    reusable_files = bind(digitisation.reusable_files)

    # --- reading ---------------------------------------------------------------------------
    dossier = bind(lookup.dossier)
    dossier_rows = bind(lookup.dossier_rows)
    dossier_page = bind(lookup.dossier_page)
    earlier_matches = bind(lookup.earlier_matches)
    clerks = bind(lookup.clerks)
    history = bind(lookup.history)
    outbox_counts = bind(lookup.outbox_counts)
    files_waiting = bind(lookup.files_waiting)

    # --- slips and reports -----------------------------------------------------------------
    receipt_pdf = bind(printouts.receipt_pdf)
    issue_receipt = bind(printouts.issue_receipt)
    slip_pdf = bind(printouts.slip_pdf)
    handover_list_pdf = bind(printouts.handover_list_pdf)
    printed_slips = bind(printouts.printed_slips)
    control_rows = bind(printouts.control_rows)
    board = bind(reports.board)
    board_summary = bind(reports.board_summary)
    ledger = bind(reports.ledger)
    ledger_pdf = bind(reports.ledger_pdf)
    ledger_xlsx = bind(reports.ledger_xlsx)
    end_of_day = bind(reports.end_of_day)
    end_of_day_pdf = bind(reports.end_of_day_pdf)

    # --- backups and the journal -----------------------------------------------------------
    backup_settings = bind(backups.backup_settings)
    backup_interval_hours = bind(backups.backup_interval_hours)
    save_backup_settings = bind(backups.save_backup_settings)
    back_up_at_start = bind(backups.back_up_at_start)
    back_up_now = bind(backups.back_up_now)
    disk_warning = bind(backups.disk_warning)
    list_backups = bind(backups.list_backups)
    restore = bind(backups.restore)
    verify_journal = bind(backups.verify_journal)
    missing_codes = bind(witnesses.missing_codes)
    acknowledge_missing_codes = bind(witnesses.acknowledge_missing_codes)
