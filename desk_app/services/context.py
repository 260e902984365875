"""What every use case runs with, and the one way a use case runs.

A use case is a function `fn(ctx, ...)` in the module of its subject (receiving, lifecycle,
accounts, ...), decorated with `@use_case(access, changes=...)`. The decorator is the whole
ceremony: it takes the services lock, checks who may call it, opens the transaction, runs the
function, and after the commit announces what changed (core.changes) to the listeners the UI
registered. `services.app.Services` only binds these functions to one `Context`.

Inside a use case, call the plain helpers of other modules (or another use case: the lock is
re-entrant and a nested transaction is a savepoint), never reach into another module's
private names.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import logging
import threading
import uuid as uuidlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from desk_app.core import options
from desk_app.core.accounts import POLICY_KEY, Account, AccountPolicy, Permission, permissions_for
from desk_app.core.calendar import WorkCalendar
from desk_app.core.changes import NOTHING, Changes
from desk_app.core.clock import iso, now_vn, to_vn
from desk_app.core.codes import agency_code_on
from desk_app.core.counter import CounterSetup
from desk_app.core.model import Dossier
from desk_app.paths import resource
from desk_app.services.errors import (
    MustChangePassword,
    NotLoggedIn,
    NotSetUp,
    PermissionDenied,
    ServiceError,
)
from desk_app.services.lock import ServicesLock
from desk_app.store import calendar as calendar_store
from desk_app.store import catalogue, dossiers, issued_codes, journal, settings
from desk_app.store.db import connect

log = logging.getLogger(__name__)

DB_FILE = "desk.db"
DEVICE_ID_KEY = "device_id"
SETUP_KEY = "counter_setup"

Listener = Callable[[Changes], None]


class Access(Enum):
    """Who may run a use case besides the holders of a Permission."""

    OPEN = "no login"  # the login and first-run screens, timers running while locked
    LOGIN = "any logged-in account"  # even one that must still change its password


class Context:
    """The database, the clock, the calendar, who is logged in, the lock and the listeners:
    everything a use case needs, in one object, with no other state."""

    def __init__(self, data_dir: Path, *, clock: Callable[[], datetime] = now_vn) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / DB_FILE
        self.lock = ServicesLock()
        # One backup or restore at a time: a backup copies and thins outside `lock`.
        self.backup_files = threading.Lock()
        self.account: Account | None = None  # who is logged in at this counter
        self.listeners: list[Listener] = []
        self.granted: frozenset[Permission] = frozenset()  # see _remember_granted
        self._clock = clock
        self._depth = 0  # use cases running inside one another, under the lock
        self._pending = NOTHING  # what the running ones changed, announced by the outermost
        self._reserved: issued_codes.Numbers = {}  # see `reserve`
        self._witnessing = False  # in an outermost use case's transaction, before its commit
        # Work outside the database that must follow only a commit (removing files the
        # committed rows no longer name), run by the outermost use case after it.
        self._after_commit: list[Callable[[], None]] = []
        self.open()

    # --- the database ----------------------------------------------------------------------

    def open(self) -> None:
        """Open the database file (again, after a restore replaced it): nothing cached from an
        older file may survive."""
        self.db = connect(self.db_path)
        self._calendar: WorkCalendar | None = None
        self._policy: AccountPolicy | None = None
        self._upgrade_settings()  # before anything reads a setting
        self._load_bundled_catalogue()
        self._resume_after_witnessed_events()

    def _resume_after_witnessed_events(self) -> None:
        """A database behind the journal's tip reserved in ma-ho-so.json (its last
        transactions dropped by a damaged WAL, or the file lost and this one kept) resumes its
        chain after that tip, as after a restore: the hub may hold the lost events, and no
        number may be used twice."""
        device_id = self.device_id()
        witnessed = issued_codes.last_event(self.data_dir, device_id) if device_id else None
        if witnessed is None or journal.next_link(self.db, device_id)[0] > witnessed[0]:
            return
        with self.db.atomic():
            journal.mark_seam(self.db, device_id, witnessed, at=iso(self.now()), backup="")

    def _upgrade_settings(self) -> None:
        with self.db.atomic():
            stored = settings.load(self.db)
            upgraded = options.upgrade(stored)
            if upgraded != stored:
                log.info("settings upgraded from version %d to %d",
                         options.stored_version(stored), upgraded[options.VERSION_KEY])
            settings.delete(self.db, [key for key in stored if key not in upgraded])
            settings.save(self.db, {k: v for k, v in upgraded.items()
                                    if k not in stored or stored[k] != v})

    def _load_bundled_catalogue(self) -> None:
        """Load the catalogue shipped with the app when it is newer than the one in use."""
        document = json.loads(resource("catalogue", "procedures.json").read_text("utf-8"))
        with self.db.atomic():
            catalogue.apply_province(self.db, document, self.now())

    @contextmanager
    def reading(self) -> Iterator[None]:
        """The lock and one read transaction, for the part of a long use case (a report) that
        reads, so the drawing after it holds up nobody."""
        with self.lock, self.db.atomic():
            yield

    # --- time and the calendar -------------------------------------------------------------

    def now(self) -> datetime:
        return to_vn(self._clock())

    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = WorkCalendar(
                options.working_hours(self.options()), calendar_store.overrides(self.db))
        return self._calendar

    def forget_calendar(self) -> None:
        """The hours or the days off changed: rebuild the calendar on next use."""
        self._calendar = None

    # --- settings ----------------------------------------------------------------------------

    def options(self) -> options.Values:
        """Every typed option: the one way any module reads a setting."""
        return options.read(settings.load(self.db))

    def counter_setup(self) -> CounterSetup | None:
        if not settings.load(self.db).get(SETUP_KEY):
            return None
        stored = options.group(self.options(), SETUP_KEY)
        # The dated agency codes are stored beside the setup; CounterSetup names the newest.
        return CounterSetup(**{f.name: stored[f.name] for f in fields(CounterSetup)})

    def agency_code_on(self, day: date) -> str:
        """The agency code in force on `day` (core.codes.agency_code_on)."""
        return agency_code_on(options.dated_agency_codes(self.options()), day)

    def setup(self) -> CounterSetup:
        """The counter's setup; raises NotSetUp before the first run."""
        setup = self.counter_setup()
        if setup is None:
            raise NotSetUp()
        return setup

    def device_id(self) -> str:
        return settings.load(self.db).get(DEVICE_ID_KEY, "")

    def ensure_device_id(self) -> None:
        """Give this database its device id the first time the counter is set up."""
        if DEVICE_ID_KEY not in settings.load(self.db):
            settings.save(self.db, {DEVICE_ID_KEY: str(uuidlib.uuid4())})

    def policy(self) -> AccountPolicy:
        """The account policy, cached: every permission check reads it."""
        if self._policy is None:
            self._policy = AccountPolicy.from_stored(settings.load(self.db).get(POLICY_KEY))
        return self._policy

    def forget_policy(self) -> None:
        self._policy = None

    # --- who is acting -----------------------------------------------------------------------

    def permissions(self, account: Account | None = None) -> frozenset[Permission]:
        account = account if account is not None else self.account
        # A password an admin reset is known to the admin: until its owner has chosen their
        # own, it must not let anyone act (and sign events) in that name.
        if account is None or account.must_change_password:
            return frozenset()
        return permissions_for(account.role, leader_approves=self.policy().leader_approves,
                               leader_corrects=self.options()["corrections.leader_only"])

    def require_login(self) -> Account:
        if self.account is None:
            raise NotLoggedIn()
        return self.account

    def require(self, access: Permission | Access) -> Account | None:
        """The logged-in account, if it may run a use case of `access`."""
        if access is Access.OPEN:
            return self.account
        account = self.require_login()
        if access is Access.LOGIN:
            return account
        if account.must_change_password:
            raise MustChangePassword()
        if access not in self.permissions(account):
            raise PermissionDenied(access)
        return account

    def clerk_name(self) -> str:
        """Who does what is being recorded: the name every event, dossier and slip carries."""
        return self.require_login().full_name

    # --- common reads ------------------------------------------------------------------------

    def dossier(self, dossier_uuid: str) -> Dossier:
        dossier = dossiers.get(self.db, dossier_uuid)
        if dossier is None:
            raise ServiceError("Không tìm thấy hồ sơ.")
        return dossier

    # --- running a use case -----------------------------------------------------------------

    def run_locked(self, access: Permission | Access, changes: Changes, transaction: bool,
                   fn: Callable, args: tuple, kwargs: dict) -> Any:
        """See `use_case`. A use case called by another one runs in the caller's transaction (a
        savepoint): only the outermost announces, once, what they all changed, and only after
        its commit. One that fails leaves no trace: what it cached is dropped, and the account
        it logged in (in an undone transaction) is logged out again."""
        with self.lock:
            self.require(access)
            outermost = self._depth == 0
            account_before = self.account
            left_before = len(self._after_commit)
            self._depth += 1
            # What a use case issues is reserved before the commit that makes it real: the
            # outermost's, or one's own when it is not inside a transaction.
            witnesses = transaction and (outermost or not self.db.conn.in_transaction)
            witnessing_before = self._witnessing
            try:
                if transaction:
                    with self.db.atomic():
                        tip = journal.tip(self.db, self.device_id()) if witnesses else None
                        self._witnessing = self._witnessing or witnesses
                        result = fn(self, *args, **kwargs)
                        if tip is not None:
                            self._witness(tip)
                else:
                    result = fn(self, *args, **kwargs)
            except BaseException:
                if witnesses:
                    self._reserved = {}
                # What it left for after the commit goes with its savepoint, even when the
                # caller catches the error and commits the rest.
                del self._after_commit[left_before:]
                self.forget_calendar()
                self.forget_policy()
                if transaction:
                    self.account = account_before
                if outermost:
                    self._pending = NOTHING
                    self._remember_granted()
                raise
            finally:
                self._depth -= 1
                self._witnessing = witnessing_before
            self._pending |= changes
            if not outermost:
                return result
            announced, self._pending = self._pending, NOTHING
            self._remember_granted()
            self._run_after_commit()
        self.announce(announced)
        return result

    def after_commit(self, fn: Callable[[], None]) -> None:
        """Run `fn` once the outermost use case running now has committed; never when it fails
        (a file is removed only when the rows that stopped naming it are committed)."""
        self._after_commit.append(fn)

    def _run_after_commit(self) -> None:
        done, self._after_commit = self._after_commit, []
        for fn in done:
            try:
                fn()
            except Exception:  # noqa: BLE001 - the use case has committed: report, go on
                log.exception("work after the commit failed: %r", fn)

    def reserve(self, numbers: issued_codes.Numbers) -> None:
        """Reserve numbers this use case issues (store.issued_codes) before its commit, with
        the journal's new tip: one durable write for all of them, not one each."""
        if not self._witnessing:
            raise RuntimeError("numbers are reserved inside a use case's transaction")
        for key, number in numbers.items():
            self._reserved[key] = max(self._reserved.get(key, 0), number)

    def _witness(self, before: tuple[int, str]) -> None:
        """After a use case, before its commit: reserve what it issued and the journal's tip
        if it moved."""
        reserved, self._reserved = self._reserved, {}
        device_id = self.device_id()
        tip = journal.tip(self.db, device_id)
        event = (device_id, *tip) if device_id and tip != before else None
        if reserved or event:
            issued_codes.reserve(self.data_dir, reserved, event)

    def reserve_journal_tip(self) -> None:
        """Reserve this device's newest event number outside the database before the commit
        (store.issued_codes), as a dossier code is: after a restore of an older backup, or a
        database lost, the next event must not take a number the hub may already hold. For
        the few writers of events that are not use cases (the sync's discarding)."""
        device_id = self.device_id()
        if device_id:
            issued_codes.reserve(self.data_dir, {}, (device_id, *journal.tip(self.db, device_id)))

    def _remember_granted(self) -> None:
        """What the logged-in account may do, as committed: the GUI reads `granted` without
        the lock and so must never see a policy an undone transaction wrote."""
        self.granted = self.permissions()

    # --- what changed ------------------------------------------------------------------------

    def announce(self, changes: Changes) -> None:
        """Tell the listeners, on the thread that ran the use case; a listener that fails is
        logged, never allowed to undo or hide the committed use case."""
        if not changes:
            return
        for listener in list(self.listeners):
            try:
                listener(changes)
            except Exception:  # noqa: BLE001 - the use case has committed: report, go on
                log.exception("a listener of %s failed", changes)


P = ParamSpec("P")
R = TypeVar("R")


def use_case(access: Permission | Access, *, changes: Changes = NOTHING,
             transaction: bool = True, locked: bool = True) -> Callable[[Callable], Callable]:
    """Run `fn(ctx, ...)` as a use case: under the lock, after the access check, in one
    transaction; then announce `changes`.

    `transaction=False` for the few that cannot run inside one (a backup copies the file, a
    restore replaces it). `locked=False` for the long ones (reports, backups) that check the
    access under the lock, then take `ctx.reading()` only for the part that reads the
    database, so a long drawing or copy holds up nobody.
    """

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def run(ctx: Context, *args: Any, **kwargs: Any) -> Any:
            if locked:
                return ctx.run_locked(access, changes, transaction, fn, args, kwargs)
            with ctx.lock:
                ctx.require(access)
            result = fn(ctx, *args, **kwargs)
            ctx.announce(changes)
            return result

        run.access = access  # type: ignore[attr-defined]
        run.changes = changes  # type: ignore[attr-defined]
        return run

    return decorate


class bind:  # lower case: used like a function, `board = bind("reports")` in a class body
    """The use case of the same name in `desk_app.services.<module>` as a method of an object
    holding a `ctx`: what `Services` is made of. The method's signature is the use case's
    without `ctx`, for callers and for the tests that read it.

    The module is imported when the method is first looked up, not when `Services` is made:
    the first window calls the use cases of a few of the service modules, and importing all of
    them at start brought some 25 modules it never uses (receiving, the dossier's life,
    digitisation, with their core and store modules: issue 13's start-up). What runs is the module's own decorated function, so its lock, permission and
    transaction are the same whenever it is imported. The frozen build lists the modules
    (build.spec), as PyInstaller cannot see imports by name."""

    def __init__(self, module: str):
        self.module = f"{__package__}.{module}"
        self.method: Callable | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Callable:
        if self.method is None:
            # Two threads may both get here: they import the same module (Python's import lock
            # makes one wait for the other) and make equal methods; either may be kept.
            self.method = _method(getattr(importlib.import_module(self.module), self.name))
        return self.method if obj is None else self.method.__get__(obj, owner)


def _method(fn: Callable) -> Callable:
    @functools.wraps(fn)
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        return fn(self.ctx, *args, **kwargs)

    signature = inspect.signature(fn)
    parameters = list(signature.parameters.values())
    method.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY),
                    *parameters[1:]])
    return method
