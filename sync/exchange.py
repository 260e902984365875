"""Draining the outbox to the hub and applying what the hub publishes, over any local store.

The store is reached through `OutboxPort`, which desk_app implements; this module knows only
the protocol. Exactly-once delivery rests on two rules: an event leaves the queue only when
its acknowledgement has been stored locally (`store_acks`), and the hub answers a re-sent
event `duplicate`. So a push stopped at any point (process killed, network cut, hub restarted)
is simply run again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sync import protocol
from sync.client import Ack, FileHeld, HubClient, HubProtocolError, HubRefused

BATCH_SIZE = 100
# Files the hub holds, marked so here together: one local commit for several small files. A
# counter stopped before the mark asks again and hears "have it"; nothing is sent twice.
FILES_MARKED_TOGETHER = 20
# Files asked about in one exchange, and the bytes of them read ahead for it (at least one
# file's, whatever its size): a small file then costs one upload and a share of one ask.
FILES_ASKED_TOGETHER = 20
FILES_ASKED_BYTES = 8 * 1024 * 1024
# Files uploaded at once: while one waits for the hub's durable write, the next is on the wire.
FILE_UPLOADS_AT_ONCE = 3
# Raw JSON per request stays under the limit for the *compressed* body, so a batch of
# incompressible text still fits; 10 % of room covers the request's own envelope.
BATCH_BYTES = int(protocol.MAX_BODY_BYTES * 0.9)


class OutboxPort(Protocol):
    """The counter's store, as the exchange needs it. Each method is one local transaction."""

    def pending(self, limit: int) -> list[dict[str, Any]]:
        """Up to `limit` queued events (protocol EventOut dicts), in the device's order."""

    def backlog(self) -> int:
        """How many events are queued."""

    def store_acks(self, acks: Sequence[Ack]) -> None:
        """Record the hub's answers: stored (accepted, duplicate) → sent with the server time
        (always given); refused (conflict, invalid) → quarantined with the hub's reason."""

    def quarantine(self, uuid: str, reason: str) -> None:
        """Set aside an event this side cannot send at all."""

    def pull_cursor(self) -> int:
        """The last change seq applied."""

    def apply_page(self, changes: list[dict[str, Any]], next_cursor: int) -> None:
        """Apply one page of changes and move the cursor to `next_cursor`, all or nothing."""


class FileQueuePort(Protocol):
    """The counter's queue of files for the hub. Each method is one local transaction."""

    def waiting_files(self, limit: int, skip: Sequence[str]) -> list[str]:
        """Up to `limit` files (SHA-256) waiting, oldest first, but for `skip`."""

    def file_bytes(self, sha256: str, limit: int) -> bytes:
        """The file's bytes; raises FileTooLarge past `limit` bytes without reading them,
        OSError when it cannot be read."""

    def files_sent(self, sha256s: Sequence[str]) -> None:
        """The hub holds these files whole."""

    def file_failed(self, sha256: str, reason: str, *, at_once: bool) -> bool:
        """Count a failure; the file is quarantined at once or after repeated failures.
        Returns whether it is quarantined now."""


class FileTooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


@dataclass
class FilePushReport:
    sent: int = 0  # now held whole by the hub (sent now, or held already)
    already_held: int = 0  # of which the hub had before (another counter of the commune sent it)
    failed: int = 0  # refused this round, tried again in a later one
    quarantined: int = 0


@dataclass
class PushReport:
    batches: int = 0
    stored: int = 0  # accepted or duplicate: now marked sent
    duplicates: int = 0
    quarantined: int = 0


@dataclass
class PullReport:
    pages: int = 0
    changes: int = 0
    cursor: int = 0


def push(hub: HubClient, outbox: OutboxPort, *, sent_at: Callable[[], str],
         batch_size: int = BATCH_SIZE,
         cancelled: Callable[[], bool] = lambda: False) -> PushReport:
    """Send queued events batch by batch until the queue is empty (or `cancelled()`).
    `sent_at()` is the device clock's time, which lets the hub record the clock skew."""
    if not 0 < batch_size <= protocol.MAX_BATCH:
        raise ValueError(f"batch size must be 1..{protocol.MAX_BATCH}")
    report = PushReport()
    while not cancelled():
        batch = _fitting(outbox.pending(batch_size), outbox)
        if batch is None:
            continue  # an oversized event was set aside; look again
        if not batch:
            break
        backlog = max(outbox.backlog() - len(batch), 0)
        reply = hub.push(batch, sent_at=sent_at(), backlog=backlog)
        acks = [ack if ack.server_time or not ack.stored
                else replace(ack, server_time=reply.server_time) for ack in reply.acks]
        outbox.store_acks(acks)
        report.batches += 1
        for ack in acks:
            if ack.stored:
                report.stored += 1
                report.duplicates += ack.result == protocol.Result.DUPLICATE
            else:
                report.quarantined += 1
    return report


def _fitting(batch: list[dict[str, Any]], outbox: OutboxPort) -> list[dict[str, Any]] | None:
    """The longest head of `batch` within BATCH_BYTES; None after quarantining a first event
    that alone is too large to send."""
    total = 0
    for count, event in enumerate(batch):
        total += len(json.dumps(event, ensure_ascii=False).encode("utf-8")) + 1
        if total > BATCH_BYTES:
            if count == 0:
                outbox.quarantine(event["uuid"], TOO_LARGE.format(
                    size=total / 1024 / 1024, limit=BATCH_BYTES / 1024 / 1024))
                return None
            return batch[:count]
    return batch


def pull(hub: HubClient, outbox: OutboxPort, *, limit: int = protocol.DEFAULT_PULL_LIMIT,
         cancelled: Callable[[], bool] = lambda: False) -> PullReport:
    """Apply every change published since the stored cursor, one transaction per page."""
    cursor = outbox.pull_cursor()
    report = PullReport(cursor=cursor)
    while not cancelled():
        page = hub.changes(cursor, limit)
        if page.more and page.next_cursor <= cursor:
            raise HubProtocolError(STUCK_CURSOR.format(cursor=cursor))
        if page.changes or page.next_cursor != cursor:
            outbox.apply_page(page.changes, page.next_cursor)
        report.pages += 1
        report.changes += len(page.changes)
        cursor = report.cursor = page.next_cursor
        if not page.more:
            break
    return report


def push_files(hub: HubClient, queue: FileQueuePort, *,
               chunk_size: int = protocol.FILE_CHUNK_BYTES,
               max_bytes: int = protocol.MAX_FILE_BYTES,
               cancelled: Callable[[], bool] = lambda: False) -> FilePushReport:
    """Upload the waiting files, FILE_UPLOADS_AT_ONCE at a time, each in chunks from what the
    hub already holds (so a cut connection costs at most the chunks in flight), asking the hub
    about up to FILES_ASKED_TOGETHER of them in one exchange. A file the hub refuses is tried again in a
    later round and quarantined when refusals repeat; a file that cannot be sent at all (over
    `max_bytes`, changed or gone on disk) is quarantined at once; neither stops the files
    behind it. Network failures, the hub's own failures (5xx), a lost token and the daily
    quota stop the round (HubError), as they would stop any other file too."""
    report = FilePushReport()
    failed_now: list[str] = []  # not tried again this round
    held: list[str] = []  # held by the hub, not marked here yet
    asker = _Asker(hub)

    def refused(sha256: str, exc: HubRefused) -> None:
        if exc.status in (401, 429):
            raise exc
        failed_now.append(sha256)
        report.failed += 1
        report.quarantined += queue.file_failed(sha256, str(exc), at_once=False)

    try:
        while not cancelled():
            waiting = queue.waiting_files(FILES_ASKED_TOGETHER, failed_now + held)
            if not waiting:
                break
            sendable = _read_some(queue, waiting, max_bytes, report)
            if not sendable:
                continue
            answers = asker.ask([(sha256, len(data)) for sha256, data in sendable])
            uploads = []
            for (sha256, data), answer in zip(sendable, answers, strict=True):
                if isinstance(answer, HubRefused):
                    refused(sha256, answer)
                else:
                    uploads.append((sha256, data, answer))
            # Up to FILE_UPLOADS_AT_ONCE files go up at once, one file per request sequence
            # each; what they come to is recorded here, in the queue's thread, in order.
            for sha256, outcome in _upload_all(hub, uploads, chunk_size, cancelled):
                if isinstance(outcome, HubRefused):
                    refused(sha256, outcome)
                    continue
                if outcome is None:
                    return report  # cancelled mid-file: the hub keeps what it has
                held.append(sha256)
                report.sent += 1
                report.already_held += outcome
                if len(held) == FILES_MARKED_TOGETHER:
                    queue.files_sent(held)
                    held = []
    finally:
        if held:
            queue.files_sent(held)
    return report


def _upload_all(hub: HubClient, uploads: list[tuple[str, bytes, FileHeld]], chunk_size: int,
                cancelled: Callable[[], bool]) -> Iterator[tuple[str, bool | None | HubRefused]]:
    """Each file's _upload outcome (or the hub's refusal of it), in the order given, sent
    FILE_UPLOADS_AT_ONCE at a time. A failure that stops the round (HubError) is raised once
    the outcomes before it are given, and the files not started yet are left for the next
    round; those in flight finish or fail on their own (the hub keeps what it received)."""
    if not uploads:
        return

    def one(sha256: str, data: bytes, held: FileHeld) -> bool | None | HubRefused:
        if cancelled():
            return None
        try:
            return _upload(hub, sha256, data, held, chunk_size, cancelled)
        except HubRefused as exc:
            if exc.status in (401, 429):
                raise
            return exc

    with ThreadPoolExecutor(min(FILE_UPLOADS_AT_ONCE, len(uploads))) as pool:
        futures = [(sha256, pool.submit(one, sha256, data, held))
                   for sha256, data, held in uploads]
        try:
            for sha256, future in futures:
                yield sha256, future.result()
        finally:
            for _, future in futures:
                future.cancel()


class _Asker:
    """Asks the hub what it holds of several files in one exchange, or file by file of a hub
    from before the batch ask (it answers the unknown path 404, or 422 as not a SHA-256)."""

    def __init__(self, hub: HubClient):
        self.hub = hub
        self.batch = True

    def ask(self, asked: list[tuple[str, int]]) -> list[FileHeld | HubRefused]:
        if self.batch:
            try:
                return self.hub.files_held(asked)
            except HubRefused as exc:
                if exc.status not in (404, 405, 422):
                    raise
                self.batch = False
        return [self._one(sha256, size) for sha256, size in asked]

    def _one(self, sha256: str, size: int) -> FileHeld | HubRefused:
        try:
            return self.hub.file_held(sha256, size)
        except HubRefused as exc:
            if exc.status in (401, 429):
                raise
            return exc


def _read_some(queue: FileQueuePort, waiting: list[str], max_bytes: int,
               report: FilePushReport) -> list[tuple[str, bytes]]:
    """The first of the waiting files that fit FILES_ASKED_BYTES in memory (at least one),
    with their bytes; those that cannot be sent at all are quarantined on the way."""
    sendable: list[tuple[str, bytes]] = []
    total = 0
    for sha256 in waiting:
        if sendable and total >= FILES_ASKED_BYTES:
            break  # the rest come back in the next look at the queue
        problem = _unsendable(queue, sha256, max_bytes)
        if isinstance(problem, str):
            queue.file_failed(sha256, problem, at_once=True)
            report.quarantined += 1
            continue
        sendable.append((sha256, problem))
        total += len(problem)
    return sendable


def _unsendable(queue: FileQueuePort, sha256: str, max_bytes: int) -> bytes | str:
    """The file's bytes, or why they cannot be sent at all."""
    try:
        data = queue.file_bytes(sha256, max_bytes)
    except FileTooLarge as exc:
        return FILE_TOO_LARGE.format(size=exc.size / 1024 / 1024, limit=max_bytes / 1024 / 1024)
    except OSError as exc:
        return FILE_UNREADABLE.format(detail=exc.strerror or exc)
    if hashlib.sha256(data).hexdigest() != sha256:
        return FILE_CHANGED
    return data


def _upload(hub: HubClient, sha256: str, data: bytes, held: FileHeld, chunk_size: int,
            cancelled: Callable[[], bool]) -> bool | None:
    """Send what the hub does not hold yet (`held`, as it answered). True: the hub held the
    file before anything was sent; False: it holds it now; None: cancelled first."""
    if held.complete:
        return True
    mismatches = 0
    while not held.complete:
        if cancelled():
            return None
        offset = held.offset
        try:
            held = hub.upload_chunk(sha256, offset, len(data),
                                    data[offset:offset + chunk_size])
        except HubRefused as exc:
            if exc.error != protocol.ERROR_OFFSET_MISMATCH or mismatches == 3:
                raise
            # Another device of the commune is sending the same file: go on from its offset.
            mismatches += 1
            held = hub.file_held(sha256, len(data))
            continue
        if not held.complete and held.offset <= offset:
            raise HubProtocolError(STUCK_FILE.format(offset=offset))
    return False


TOO_LARGE = (
    "Sự kiện quá lớn để gửi lên máy chủ tỉnh ({size:.1f} MB, giới hạn {limit:.1f} MB). "
    "Hãy báo cho bộ phận kỹ thuật."
)
STUCK_CURSOR = (
    "Máy chủ tỉnh báo còn dữ liệu nhưng không chuyển sang trang tiếp theo (vị trí {cursor}); "
    "đã dừng nhận để tránh lặp vô hạn."
)
FILE_TOO_LARGE = (
    "Tệp số hóa quá lớn để gửi lên máy chủ tỉnh ({size:.1f} MB, giới hạn {limit:.0f} MB). "
    "Tệp vẫn được giữ trên máy này; hãy quét lại tài liệu ở độ phân giải thấp hơn hoặc "
    "chế độ đen trắng."
)
FILE_UNREADABLE = "Không đọc được tệp số hóa trên máy này để gửi lên máy chủ tỉnh: {detail}."
FILE_CHANGED = (
    "Tệp số hóa trên máy này đã bị thay đổi hoặc hỏng sau khi lưu (mã băm không còn khớp), "
    "nên không gửi lên máy chủ tỉnh. Hãy chạy kiểm tra dữ liệu và báo bộ phận kỹ thuật."
)
STUCK_FILE = (
    "Máy chủ tỉnh nhận phần tệp tại vị trí {offset} nhưng không tiến thêm; đã dừng gửi tệp "
    "để tránh lặp vô hạn."
)
