"""The services as one object: the composition root binding every use case to one Context.

Each use case lives in the module of its subject and runs through `context.use_case` (the
lock, the permission, the transaction, the announced changes); this class only gives the UI,
the command line and the tests one object to call them on. Nothing here decides anything.
Each use case is bound by its module's name and imported when first used (`context.bind`), so
the start loads only the modules of the use cases the first window calls.

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
    has_accounts = bind("accounts")
    login_choices = bind("accounts")
    suggested_admin_name = bind("accounts")
    first_run = bind("accounts")
    create_first_admin = bind("accounts")
    login = bind("accounts")
    logout = bind("accounts")
    change_password = bind("accounts")
    account_policy = bind("accounts")
    save_account_policy = bind("accounts")
    accounts = bind("accounts")
    create_account = bind("accounts")
    update_account = bind("accounts")
    reset_password = bind("accounts")
    unlock_account = bind("accounts")
    account_log = bind("accounts")

    # --- the counter's setup and settings --------------------------------------------------
    counter_setup = bind("setup")
    required_setup = bind("setup")
    save_counter_setup = bind("setup")
    device_id = bind("setup")
    language = bind("options")
    set_language = bind("options")
    settings_view = bind("options")
    save_settings = bind("options")
    printer_choice = bind("options")
    processing_units = bind("units")
    save_processing_units = bind("units")

    # --- the catalogue and the calendar ----------------------------------------------------
    procedures = bind("catalogue")
    procedure = bind("catalogue")
    calendar = bind("catalogue")
    catalogue_entries = bind("catalogue")
    procedure_versions = bind("catalogue")
    procedure_at = bind("catalogue")
    save_procedure = bind("catalogue")
    set_local_override = bind("catalogue")
    export_catalogue = bind("catalogue")
    import_catalogue = bind("catalogue")
    suggested_unit = bind("catalogue")

    # --- receiving and the dossier's life --------------------------------------------------
    check = bind("receiving")
    due_if_received_now = bind("receiving")
    receive = bind("receiving")
    refuse_at_counter = bind("receiving")
    current_unit = bind("lifecycle")
    hand_over = bind("lifecycle")
    record_result_ready = bind("lifecycle")
    request_supplement = bind("lifecycle")
    receive_supplement = bind("lifecycle")
    refuse = bind("lifecycle")
    apologise = bind("lifecycle")
    return_result = bind("lifecycle")
    withdraw = bind("lifecycle")
    stop_processing = bind("lifecycle")
    last_action_reversal = bind("lifecycle")
    correct_last_action = bind("lifecycle")

    # --- digitised documents ---------------------------------------------------------------
    keep_pdf = bind("digitisation")
    keep_fetched = bind("digitisation")
    discard_files = bind("digitisation")
    digitise_document = bind("digitisation")
    unsaved_scans = bind("digitisation")
    dossier_files = bind("digitisation")
    open_file = bind("digitisation")
    use_file = bind("digitisation")
    file_views = bind("digitisation")
    reusable_files = bind("digitisation")

    # --- reading ---------------------------------------------------------------------------
    dossier = bind("lookup")
    dossier_rows = bind("lookup")
    dossier_page = bind("lookup")
    earlier_matches = bind("lookup")
    clerks = bind("lookup")
    history = bind("lookup")
    outbox_counts = bind("lookup")
    files_waiting = bind("lookup")

    # --- slips and reports -----------------------------------------------------------------
    receipt_pdf = bind("printouts")
    issue_receipt = bind("printouts")
    slip_pdf = bind("printouts")
    handover_list_pdf = bind("printouts")
    printed_slips = bind("printouts")
    control_rows = bind("printouts")
    board = bind("reports")
    board_summary = bind("reports")
    ledger = bind("reports")
    ledger_pdf = bind("reports")
    ledger_xlsx = bind("reports")
    end_of_day = bind("reports")
    end_of_day_pdf = bind("reports")

    # --- backups and the journal -----------------------------------------------------------
    backup_settings = bind("backups")
    backup_interval_hours = bind("backups")
    save_backup_settings = bind("backups")
    back_up_at_start = bind("backups")
    back_up_now = bind("backups")
    disk_warning = bind("backups")
    list_backups = bind("backups")
    restore = bind("backups")
    verify_journal = bind("backups")
    missing_codes = bind("witnesses")
    acknowledge_missing_codes = bind("witnesses")
