"""Draining the outbox to the hub and applying what the hub publishes, over any local store.

The store is reached through `OutboxPort`, which desk_app implements; this module knows only
the protocol. Exactly-once delivery rests on two rules: an event leaves the queue only when
its acknowledgement has been stored locally (`store_acks`), and the hub answers a re-sent
event `duplicate`. So a push stopped at any point (process killed, network cut, hub restarted)
is simply run again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sync import protocol
from sync.client import Ack, HubClient, HubProtocolError

BATCH_SIZE = 100
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


TOO_LARGE = (
    "Sự kiện quá lớn để gửi lên máy chủ tỉnh ({size:.1f} MB, giới hạn {limit:.1f} MB). "
    "Hãy báo cho bộ phận kỹ thuật."
)
STUCK_CURSOR = (
    "Máy chủ tỉnh báo còn dữ liệu nhưng không chuyển sang trang tiếp theo (vị trí {cursor}); "
    "đã dừng nhận để tránh lặp vô hạn."
)
