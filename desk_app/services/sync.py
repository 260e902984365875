"""Syncing this counter with the provincial hub (docs/domain.md, "Sync to the province"):
enrollment, push, pull, the status the status bar shows, the quarantine a supervisor looks after,
and the end-of-day reconciliation.

Meant to run on a network worker, never the GUI thread. Every database access takes the
services' lock for as long as one local transaction, and never across a network call: the
clerk's saves on the database worker wait at most for one batch to be written, not for the
hub to answer.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app.core import options
from desk_app.core.accounts import Permission
from desk_app.core.changes import CALENDAR, CATALOGUE, DOSSIERS, SETTINGS
from desk_app.core.lifecycle import FILE_DISCARDED, QUARANTINE_DISCARDED
from desk_app.core.payloads import file_discarded_payload
from desk_app.core.sync_records import QuarantinedEvent, QuarantinedFile, SyncProblem
from desk_app.core.text import clean, clean_multiline
from desk_app.core.validation import Issue, Severity
from desk_app.services import province_events
from desk_app.services.context import Context
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.services.printouts import SLIP_FOLDER, dated_folder, drawn_by, new_version
from desk_app.store import dossiers, events, file_queue, files, outbox, settings, sync_state
from desk_app.store.files import path_of
from desk_app.store.outbox import Refused, Stored
from sync import exchange, protocol
from sync.client import (
    CONNECT_TIMEOUT,
    NOT_ENROLLED,
    READ_TIMEOUT,
    Ack,
    HubClient,
    HubError,
    HubUnauthorised,
    WireStats,
    normalise_url,
)

if TYPE_CHECKING:
    from desk_app.printing.reconciliation import ReconciliationFigures
    from desk_app.services.app import Services

render_reconciliation = drawn_by("reconciliation", "render_reconciliation")

END_OF_DAY_OPTION = "sync_end_of_day"
# The key of an enrollment whose answer has not arrived yet (see SyncService._enrollment_key).
ENROLLMENT_KEY = "sync_enrollment_request"
# Province changes pulled: dossier events, the calendar, the catalogue.
PULLED = DOSSIERS | CALENDAR | CATALOGUE | SETTINGS  # settings: a new agency code
DISCARDED_KIND = QUARANTINE_DISCARDED


class SyncState(StrEnum):
    NOT_ENROLLED = "not_enrolled"
    OFFLINE = "offline"
    SYNCING = "syncing"
    FAILED = "failed"
    SYNCED = "synced"


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    waiting: int  # events queued for the hub
    quarantined: int  # events the hub refused, waiting for a supervisor
    last_sync: datetime | None  # the last sync that went through to the end
    error: str  # why the last attempt failed ('' when it did not)
    skew: timedelta | None  # this PC's clock minus the hub's
    files_waiting: int = 0  # digitised documents' files queued for the hub
    files_waiting_bytes: int = 0
    files_quarantined: int = 0  # files set aside after failing, waiting for a supervisor


@dataclass(frozen=True)
class EnrolledCounter:
    hub_url: str
    hub_device_id: int
    device_name: str
    commune_name: str
    agency_code: str


class StoreOutbox:
    """sync.exchange.OutboxPort over the counter's database. It holds the services' own lock
    (the one every Services method takes) for each transaction, as this runs on the network
    worker beside the database worker."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def pending(self, limit: int) -> list[dict[str, Any]]:
        with self.ctx.lock:
            return outbox.pending(self.ctx.db, limit)

    def backlog(self) -> int:
        with self.ctx.lock:
            return outbox.count(self.ctx.db, outbox.PENDING)

    def store_acks(self, acks: Sequence[Ack]) -> None:
        with self.ctx.lock, self.ctx.db.atomic():
            now = self.ctx.now()
            stored = [Stored(a.uuid, a.server_time) for a in acks if a.stored]
            outbox.mark_sent(self.ctx.db, stored, now)
            # The hub keeps a file once an event of the commune names it: queued only now.
            file_queue.queue_named(self.ctx.db, self.ctx.data_dir, [s.uuid for s in stored],
                                   now)
            outbox.quarantine(self.ctx.db, [Refused(a.uuid, a.reason or a.result, a.result)
                                            for a in acks if not a.stored], now)

    def quarantine(self, uuid: str, reason: str) -> None:
        with self.ctx.lock, self.ctx.db.atomic():
            outbox.quarantine(self.ctx.db, [Refused(uuid, reason)], self.ctx.now())

    def pull_cursor(self) -> int:
        with self.ctx.lock:
            return sync_state.load(self.ctx.db).pull_cursor

    def apply_page(self, changes: list[dict[str, Any]], next_cursor: int) -> None:
        with self.ctx.lock:
            if province_events.apply_page(self.ctx, changes, next_cursor):
                self.ctx.forget_calendar()  # rebuilt from the new table on next use
        if changes:
            self.ctx.announce(PULLED)


class StoreFiles:
    """sync.exchange.FileQueuePort over the counter's database and data folder."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def waiting_files(self, limit: int, skip: Sequence[str]) -> list[str]:
        with self.ctx.lock:
            return file_queue.pending(self.ctx.db, limit, skip)

    def file_bytes(self, sha256: str, limit: int) -> bytes:
        path = path_of(self.ctx.data_dir, sha256)
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                raise exchange.FileTooLarge(size)
            return file.read()

    def files_sent(self, sha256s: Sequence[str]) -> None:
        with self.ctx.lock, self.ctx.db.atomic():
            file_queue.mark_sent(self.ctx.db, sha256s, self.ctx.now())

    def file_failed(self, sha256: str, reason: str, *, at_once: bool) -> bool:
        with self.ctx.lock, self.ctx.db.atomic():
            return file_queue.failed(self.ctx.db, sha256, reason, self.ctx.now(),
                                     at_once=at_once)


class SyncService:
    """What the clerk asks for (enrollment, the quarantine, the reconciliation) checks the
    logged-in account's permission. The exchange itself (sync_now, push, pull, probe, status)
    runs on the network worker's timers with nobody logged in too (the screen may be locked):
    it only sends what was already recorded, so it is open."""

    def __init__(self, services: Services, *, batch_size: int = exchange.BATCH_SIZE,
                 connect_timeout: float = CONNECT_TIMEOUT, read_timeout: float = READ_TIMEOUT,
                 file_chunk_bytes: int = protocol.FILE_CHUNK_BYTES):
        self.ctx = services.ctx
        self.outbox = StoreOutbox(self.ctx)
        self.files = StoreFiles(self.ctx)
        self.batch_size = batch_size
        self.file_chunk_bytes = file_chunk_bytes
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.stats = WireStats()  # everything this service sent and received
        self._enrolled_hub = EnrolledHub(self.ctx, self._new_client)
        self._running = threading.Event()
        self._cancelled = threading.Event()

    # --- enrollment ------------------------------------------------------------------------

    def enrolled(self) -> bool:
        with self.ctx.lock:
            return sync_state.token(self.ctx.db) is not None

    def enroll(self, url: str, code: str, device_name: str,
               ca_bundle: str | None = None) -> EnrolledCounter:
        """Exchange the province's one-time code for this PC's token; the token is stored
        sealed (store.token_vault) and never handed back."""
        self._require(Permission.SYNC_ADMIN)
        url, code, device_name = normalise_url(url), clean(code), clean(device_name)
        ca_bundle = clean(ca_bundle or "") or None
        issues = [Issue(field, message, Severity.ERROR) for field, message, missing in (
            ("url", "Nhập địa chỉ máy chủ tỉnh (ví dụ: https://dongbo.tinh.gov.vn).", not url),
            ("code", "Nhập mã đăng ký một lần do tỉnh cấp.", not code),
            ("device_name", "Đặt tên cho máy này (ví dụ: Quầy 1).", not device_name),
        ) if missing]
        if issues:
            raise ValidationFailed(issues)
        request_key = self._enrollment_key(url, code)
        hub = self._new_client(url, None, ca_bundle)
        try:
            enrollment = hub.enroll(code, device_name, request_key)
        finally:
            hub.close()
        with self.ctx.lock, self.ctx.db.atomic():
            settings.delete(self.ctx.db, [ENROLLMENT_KEY])
            sync_state.enrolled(
                self.ctx.db, hub_url=url, ca_bundle=ca_bundle,
                hub_device_id=enrollment.device_id, device_name=device_name,
                commune_name=enrollment.commune_name, agency_code=enrollment.agency_code,
                token=enrollment.token, at=self.ctx.now(), lookup_url=enrollment.lookup_url,
                lookup_key=enrollment.lookup_key)
        return EnrolledCounter(url, enrollment.device_id, device_name, enrollment.commune_name,
                               enrollment.agency_code)

    def _enrollment_key(self, url: str, code: str) -> str:
        """The key sent with an enrollment: kept (before the request goes out) until the hub's
        answer arrives, so the retry of a request whose answer was lost is the same request
        and gets this PC its device rather than "code already used"."""
        which = hashlib.sha256(f"{url}\n{protocol.normalise_code(code)}".encode()).hexdigest()
        with self.ctx.lock, self.ctx.db.atomic():
            kept = settings.load(self.ctx.db).get(ENROLLMENT_KEY) or {}
            if kept.get("for") == which:
                return kept["key"]
            key = secrets.token_urlsafe(24)
            settings.save(self.ctx.db, {ENROLLMENT_KEY: {"for": which, "key": key}})
            return key

    # --- the exchange ----------------------------------------------------------------------

    def push(self) -> exchange.PushReport:
        """Send the queue until it is empty. Raises HubError; run again to resume."""
        return exchange.push(self._hub(), self.outbox, batch_size=self.batch_size,
                             sent_at=lambda: self.ctx.now().isoformat(),
                             cancelled=self._cancelled.is_set)

    def pull(self) -> exchange.PullReport:
        """Apply what the province sent; each page announces what it changed (core.changes),
        so the lists reload."""
        return exchange.pull(self._hub(), self.outbox, cancelled=self._cancelled.is_set)

    def push_files(self) -> exchange.FilePushReport:
        """Upload the digitised documents' files waiting, each resumed where the hub stopped.
        Raises HubError; run again to resume."""
        return exchange.push_files(self._hub(), self.files, chunk_size=self.file_chunk_bytes,
                                   cancelled=self._cancelled.is_set)

    def measure_skew(self) -> timedelta:
        """This PC's clock minus the hub's, read at the middle of the request."""
        hub = self._hub()
        before = self.ctx.now()
        server = hub.server_time()
        after = self.ctx.now()
        skew = before + (after - before) / 2 - server
        with self.ctx.lock, self.ctx.db.atomic():
            sync_state.record_skew(self.ctx.db, skew)
        return skew

    def sync_now(self) -> SyncStatus:
        """Push, pull, read the hub's clock, then upload files (last, so a slow line delays
        no dossier); the outcome is recorded for the status bar. Network and hub failures are
        an outcome, not an exception."""
        if not self.enrolled():
            return self.status()
        self._cancelled.clear()
        self._running.set()
        try:
            self.push()
            self.pull()
            self.measure_skew()
            self.push_files()
        except HubError as exc:
            self._record(sync_state.OFFLINE if exc.offline else sync_state.FAILED, str(exc))
        except Exception as exc:
            self._record(sync_state.FAILED, f"Lỗi không mong đợi khi đồng bộ: {exc}")
            raise
        else:
            if not self._cancelled.is_set():
                self._record(sync_state.SYNCED, "")
        finally:
            self._running.clear()
        return self.status()

    def sync_if_waiting(self) -> SyncStatus:
        """Sync when events or files are queued (after a local save); otherwise only the
        status."""
        status = self.status()
        if (status.waiting or status.files_waiting) and status.state is not SyncState.NOT_ENROLLED:
            return self.sync_now()
        return status

    def probe(self) -> bool:
        """Whether the hub answers at all (cheap, no token): used while offline to notice
        that the network is back."""
        try:
            self._hub().health()
        except HubError:
            return False
        return True

    def cancel(self) -> None:
        """Stop a running push or pull after its current request (the app is closing)."""
        self._cancelled.set()

    def close(self) -> None:
        self._enrolled_hub.close()

    def status(self) -> SyncStatus:
        with self.ctx.lock:
            state = sync_state.load(self.ctx.db)
            enrolled = sync_state.token(self.ctx.db) is not None
            waiting = outbox.count(self.ctx.db, outbox.PENDING)
            quarantined = outbox.count(self.ctx.db, outbox.QUARANTINED)
            files = file_queue.waiting(self.ctx.db)
        if not enrolled:
            current = SyncState.NOT_ENROLLED
        elif self._running.is_set():
            current = SyncState.SYNCING
        else:
            current = {sync_state.SYNCED: SyncState.SYNCED,
                       sync_state.FAILED: SyncState.FAILED}.get(state.last_outcome,
                                                              SyncState.OFFLINE)
        return SyncStatus(current, waiting, quarantined, state.last_success_at,
                          state.last_error if enrolled else NOT_ENROLLED, state.clock_skew,
                          files.count, files.size, files.quarantined)

    def connection(self) -> sync_state.HubConnection:
        """Where the hub is and who this PC is to it (never the token)."""
        with self.ctx.lock:
            return sync_state.load(self.ctx.db)

    # --- end-of-day time -------------------------------------------------------------------

    def end_of_day(self) -> time:
        with self.ctx.lock:
            return self.ctx.options()[END_OF_DAY_OPTION]

    def set_end_of_day(self, at: time) -> None:
        self._require(Permission.SETTINGS)
        with self.ctx.lock, self.ctx.db.atomic():
            settings.save(self.ctx.db, options.stored_changes(settings.load(self.ctx.db),
                                                              {END_OF_DAY_OPTION: at}))
        self.ctx.announce(SETTINGS)

    # --- quarantine ------------------------------------------------------------------------

    def quarantined(self) -> list[QuarantinedEvent]:
        self._require(Permission.SYNC_ADMIN)
        with self.ctx.lock:
            return outbox.quarantined(self.ctx.db)

    def problems(self) -> list[SyncProblem]:
        """Changes from the province that could not be applied here."""
        self._require(Permission.SYNC_ADMIN)
        with self.ctx.lock:
            return sync_state.problems(self.ctx.db)

    def requeue(self, event_uuid: str) -> None:
        """Send a quarantined event again (after the hub was upgraded or the data fixed)."""
        self._require(Permission.SYNC_ADMIN)
        with self.ctx.lock, self.ctx.db.atomic():
            if not outbox.requeue(self.ctx.db, event_uuid):
                raise ServiceError(GONE_FROM_QUARANTINE)

    def discard(self, event_uuid: str, note: str) -> events.Event:
        """Set a quarantined event aside for good. The event itself stays (events are never
        deleted); the discarding is a new event, queued for the hub like any other."""
        self._require(Permission.SYNC_ADMIN)
        note = clean_multiline(note)
        if not note:
            raise ValidationFailed([Issue("note", "Nhập lý do loại bỏ sự kiện.",
                                          Severity.ERROR)])
        with self.ctx.lock, self.ctx.db.atomic():
            found = [q for q in outbox.quarantined(self.ctx.db) if q.uuid == event_uuid]
            if not found or not outbox.discard(self.ctx.db, event_uuid):
                raise ServiceError(GONE_FROM_QUARANTINE)
            refused = found[0]
            dossier = dossiers.get(self.ctx.db, refused.dossier_uuid)
            discarded = events.append(
                self.ctx.db, dossier_uuid=refused.dossier_uuid, kind=DISCARDED_KIND,
                status=dossier.status,
                payload={"discarded_event": refused.uuid, "discarded_kind": refused.kind,
                         "reason": refused.reason, "note": note},
                clerk=self.ctx.clerk_name(), device_id=self.ctx.device_id(),
                at=self.ctx.now(),
            )
            self.ctx.reserve_journal_tip()
            return discarded

    def quarantined_files(self) -> list[QuarantinedFile]:
        """Digitised documents' files set aside after failing to go up."""
        self._require(Permission.SYNC_ADMIN)
        with self.ctx.lock:
            return file_queue.quarantined(self.ctx.db)

    def requeue_file(self, sha256: str) -> None:
        """Try a quarantined file again at the next sync (after the hub was upgraded, or the
        file's trouble fixed), its failures forgotten."""
        self._require(Permission.SYNC_ADMIN)
        with self.ctx.lock, self.ctx.db.atomic():
            if not file_queue.requeue(self.ctx.db, sha256):
                raise ServiceError(FILE_GONE_FROM_QUARANTINE)

    def discard_file(self, sha256: str, note: str) -> list[events.Event]:
        """Stop trying to send a quarantined file, for good. The file stays on this counter
        (a citizen's scan is never deleted) and its dossiers keep naming it; each dossier that
        has it records the giving up in an event, queued for the hub like any other, so the
        province and the journal see a digitised file will not reach the province."""
        self._require(Permission.SYNC_ADMIN)
        note = clean_multiline(note)
        if not note:
            raise ValidationFailed([Issue("note", "Nhập lý do bỏ gửi tệp.", Severity.ERROR)])
        with self.ctx.lock, self.ctx.db.atomic():
            found = [q for q in file_queue.quarantined(self.ctx.db) if q.sha256 == sha256]
            if not found:
                raise ServiceError(FILE_GONE_FROM_QUARANTINE)
            naming = files.naming_dossiers(self.ctx.db, sha256)
            if not naming:  # no dossier to record it in: never given up without a record
                raise ServiceError("Không tìm thấy hồ sơ nào có tệp này: chưa bỏ gửi được.")
            file_queue.discard(self.ctx.db, sha256)
            given_up, now = found[0], self.ctx.now()
            recorded = [
                events.append(
                    self.ctx.db, dossier_uuid=dossier_uuid, kind=FILE_DISCARDED,
                    status=dossiers.get(self.ctx.db, dossier_uuid).status,
                    payload=file_discarded_payload(sha256, document, given_up.size,
                                                   given_up.reason, note),
                    clerk=self.ctx.clerk_name(), device_id=self.ctx.device_id(), at=now)
                for dossier_uuid, document in naming]
            self.ctx.reserve_journal_tip()
        self.ctx.announce(DOSSIERS)
        return recorded

    # --- reconciliation --------------------------------------------------------------------

    def reconciliation(self, day: date) -> ReconciliationFigures:
        """The day's events of this counter by where they stand, beside the hub's count of
        what it holds from this counter for that day."""
        self._require(Permission.END_OF_DAY)
        with self.ctx.lock:
            counts = outbox.day_counts(self.ctx.db, self.ctx.device_id(), day)
            files = file_queue.waiting(self.ctx.db)
            state = sync_state.load(self.ctx.db)
        hub_count, hub_error = None, ""
        try:
            hub_count = int(self._hub().device_summary(day)["events_on_day"])
        except HubError as exc:
            hub_error = str(exc)
        except (KeyError, TypeError, ValueError):
            hub_error = "máy chủ tỉnh trả lời không đúng định dạng"
        # Imported here: its module draws with reportlab, which the start need not load.
        from desk_app.printing.reconciliation import ReconciliationFigures

        return ReconciliationFigures(
            day=day, device_name=state.device_name or "", hub_device_id=state.hub_device_id,
            hub_url=state.hub_url or "", created=counts.created, synced=counts.synced,
            waiting=counts.waiting, quarantined=counts.quarantined, discarded=counts.discarded,
            conflicts=counts.conflicts,
            hub_count=hub_count, hub_error=hub_error, last_sync=state.last_success_at,
            clock_skew=state.clock_skew, printed_at=self.ctx.now(),
            files_waiting=files.count, files_waiting_bytes=files.size,
            files_quarantined=files.quarantined,
        )

    def reconciliation_pdf(self, day: date) -> Path:
        """The reconciliation slip, under data/phieu/YYYY/MM/ (never overwriting an earlier
        one)."""
        self._require(Permission.END_OF_DAY)
        figures = self.reconciliation(day)
        setup = self.ctx.setup()
        folder = dated_folder(self.ctx, SLIP_FOLDER, figures.printed_at)
        path = new_version(folder, f"doi-chieu-dong-bo-{day:%Y%m%d}")
        return render_reconciliation(figures, setup.office, self.ctx.clerk_name(), path)

    # --- inside ----------------------------------------------------------------------------

    def _require(self, permission: Permission) -> None:
        with self.ctx.lock:
            self.ctx.require(permission)

    def _record(self, outcome: str, error: str) -> None:
        with self.ctx.lock, self.ctx.db.atomic():
            sync_state.record_outcome(self.ctx.db, outcome, error, self.ctx.now())

    def _new_client(self, url: str, token: str | None, ca_bundle: str | None) -> HubClient:
        return HubClient(url, token, ca_bundle=ca_bundle, connect_timeout=self.connect_timeout,
                         read_timeout=self.read_timeout, stats=self.stats)

    def _hub(self) -> HubClient:
        return self._enrolled_hub.client()


class EnrolledHub:
    """The client for the hub this counter is enrolled with, made by `make(url, token,
    ca_bundle)`: kept between calls so its connection is reused, made again when the
    enrollment changes. HubUnauthorised when the counter is not enrolled."""

    def __init__(self, ctx: Context,
                 make: Callable[[str, str | None, str | None], HubClient]) -> None:
        self.ctx = ctx
        self._make = make
        self._client: HubClient | None = None

    def client(self) -> HubClient:
        with self.ctx.lock:
            state = sync_state.load(self.ctx.db)
            token = sync_state.token(self.ctx.db)
        if not state.hub_url or token is None:
            raise HubUnauthorised(NOT_ENROLLED, 401)
        wanted = (state.hub_url, token, state.ca_bundle)
        client = self._client
        if client is None or (client.base_url, client.token, client.ca_bundle) != wanted:
            if client is not None:
                client.close()
            client = self._client = self._make(*wanted)
        return client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


GONE_FROM_QUARANTINE = "Sự kiện này không còn trong danh sách bị cách ly (có thể đã được xử lý)."
FILE_GONE_FROM_QUARANTINE = "Tệp này không còn trong danh sách bị cách ly (có thể đã được xử lý)."
