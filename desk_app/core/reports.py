"""What the commune leader and the clerk read about the counter as a whole: today's board and
the end-of-day report (the ledger's lines are `lifecycle.LedgerLine`).

The reports are built here from plain rows, so the same arithmetic serves the screen, the
printout and the tests; the services only fetch the rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desk_app.core.clock import to_vn
from desk_app.core.digitisation import DigitisationTally, Stage
from desk_app.core.lifecycle import EventKind
from desk_app.core.model import DossierRow
from desk_app.core.states import DossierState
from desk_app.core.timeliness import Timeliness, timeliness


class BoardKey(StrEnum):
    RECEIVED_TODAY = "received_today"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    READY_TO_RETURN = "ready_to_return"
    WAITING_SUPPLEMENT = "waiting_supplement"

    @property
    def label(self) -> str:
        return _BOARD_LABELS[self]


_BOARD_LABELS = {
    BoardKey.RECEIVED_TODAY: "Tiếp nhận hôm nay",
    BoardKey.DUE_TODAY: "Đến hạn hôm nay",
    BoardKey.OVERDUE: "Quá hạn",
    BoardKey.READY_TO_RETURN: "Chờ trả kết quả",
    BoardKey.WAITING_SUPPLEMENT: "Chờ bổ sung giấy tờ",
}

# Only these are still being worked on by the administration: a paused dossier's due time is
# frozen until the applicant comes back, and a finished one has nothing left to be late for.
_RUNNING = frozenset({DossierState.RECEIVED, DossierState.PROCESSING})


@dataclass(frozen=True)
class BoardCategory:
    """One tile of the board: its dossiers, each a click away."""

    key: BoardKey
    rows: tuple[DossierRow, ...]

    @property
    def title(self) -> str:
        return self.key.label

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class BoardGroup:
    """The board restricted to one clerk or one procedure: one line of the leader's table."""

    name: str
    categories: tuple[BoardCategory, ...]  # in BoardKey order, like Board.categories

    def category(self, key: BoardKey) -> BoardCategory:
        return next(c for c in self.categories if c.key is key)

    def count(self, key: BoardKey) -> int:
        return self.category(key).count


@dataclass(frozen=True)
class Board:
    at: datetime
    categories: tuple[BoardCategory, ...]  # in BoardKey order
    by_clerk: tuple[BoardGroup, ...]  # by name
    by_procedure: tuple[BoardGroup, ...]  # by name
    clerk: str = ""  # whose dossiers it counts: one clerk's, or '' for the whole counter's

    def category(self, key: BoardKey) -> BoardCategory:
        return next(c for c in self.categories if c.key is key)

    def count(self, key: BoardKey) -> int:
        return self.category(key).count


def board_keys(row: DossierRow, now: datetime) -> frozenset[BoardKey]:
    """The tiles a dossier shows on at `now` (possibly several, possibly none)."""
    # A dossier refused at the counter (no code) was never received.
    received_today = bool(row.code) and to_vn(row.received_at).date() == to_vn(now).date()
    return tile_keys(row.status, received_today, lambda: timeliness(row.due_at, now))


def tile_keys(status: DossierState, received_today: bool,
              verdict: Callable[[], Timeliness]) -> frozenset[BoardKey]:
    """The tiles of a dossier in `status`, received today (with a code) or not, whose due time
    `verdict` judges (asked only for a dossier still running)."""
    keys = set()
    if received_today:
        keys.add(BoardKey.RECEIVED_TODAY)
    if status in _RUNNING:
        judged = verdict()
        if judged is Timeliness.OVERDUE:
            keys.add(BoardKey.OVERDUE)
        elif judged is Timeliness.DUE_TODAY:
            keys.add(BoardKey.DUE_TODAY)
    if status is DossierState.RESULT_READY:
        keys.add(BoardKey.READY_TO_RETURN)
    if status is DossierState.SUPPLEMENT:
        keys.add(BoardKey.WAITING_SUPPLEMENT)
    return frozenset(keys)


def _categories(tagged: list[tuple[DossierRow, frozenset[BoardKey]]]) -> tuple[BoardCategory, ...]:
    return tuple(
        BoardCategory(key, tuple(row for row, keys in tagged if key in keys)) for key in BoardKey
    )


def build_board(rows: Iterable[DossierRow], now: datetime, clerk: str = "") -> Board:
    """The board from every dossier that might be on it (received today, or not yet ended),
    of `clerk` ('' for the whole counter). Rows keep their given order inside each tile."""
    tagged = [(row, keys) for row in rows if (keys := board_keys(row, now))]

    def groups(name_of) -> tuple[BoardGroup, ...]:
        names = sorted({name_of(row) for row, _ in tagged})
        return tuple(
            BoardGroup(name, _categories([t for t in tagged if name_of(t[0]) == name]))
            for name in names
        )

    return Board(
        at=to_vn(now),
        categories=_categories(tagged),
        by_clerk=groups(lambda row: row.clerk),
        by_procedure=groups(lambda row: row.procedure_name),
        clerk=clerk,
    )


@dataclass(frozen=True)
class BoardCounts:
    """How many dossiers each tile holds, for the whole counter or one clerk or procedure."""

    name: str
    counts: tuple[int, ...]  # in BoardKey order

    def count(self, key: BoardKey) -> int:
        return self.counts[list(BoardKey).index(key)]


@dataclass(frozen=True)
class BoardSummary:
    """The board's numbers without its dossiers, as the screen shows them until a tile is
    opened (then `Board` gives that tile's dossiers)."""

    at: datetime
    whole: BoardCounts
    by_clerk: tuple[BoardCounts, ...]  # by name
    by_procedure: tuple[BoardCounts, ...]  # by name
    clerk: str = ""  # whose dossiers it counts: one clerk's, or '' for the whole counter's
    # How the documents of the dossiers received today (of the same scope) were digitised.
    digitisation: DigitisationTally = DigitisationTally()

    def count(self, key: BoardKey) -> int:
        return self.whole.count(key)


def summarise_board(counted: Iterable[tuple[str, str, frozenset[BoardKey], int]],
                    now: datetime, clerk: str, digitisation: DigitisationTally) -> BoardSummary:
    """The summary from (clerk, procedure, tiles, how many dossiers) lines, which may repeat
    a clerk, a procedure or tiles."""
    lines = [line for line in counted if line[2]]

    def counts(name: str, wanted) -> BoardCounts:
        return BoardCounts(name, tuple(
            sum(n for clerk, procedure, keys, n in lines if key in keys and wanted(clerk, procedure))
            for key in BoardKey))

    return BoardSummary(
        at=to_vn(now),
        whole=counts("", lambda _clerk, _procedure: True),
        by_clerk=tuple(counts(name, lambda clerk, _p, name=name: clerk == name)
                       for name in sorted({line[0] for line in lines})),
        by_procedure=tuple(counts(name, lambda _c, procedure, name=name: procedure == name)
                           for name in sorted({line[1] for line in lines})),
        clerk=clerk,
        digitisation=digitisation,
    )


# --- End of day ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """A labelled count; `key` is the machine name (state code, event kind, procedure code)."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class HandedOver:
    """One dossier handed over to a processing unit during the day."""

    code: str
    procedure_name: str
    applicant_name: str
    unit: str
    receiver_name: str
    at: datetime
    clerk: str  # who gave it
    batch_uuid: str


@dataclass(frozen=True)
class DossierDigitisation:
    """One dossier received without complete digitisation, for the end-of-day report."""

    code: str
    applicant_name: str
    procedure_name: str
    tally: DigitisationTally


@dataclass(frozen=True)
class EndOfDay:
    """The counter's day: what happened, what was received, where it went, what stays."""

    day: date
    made_at: datetime
    clerk: str  # who prints the report
    activity: tuple[Tally, ...]  # the day's events by kind, in EventKind order, zeros left out
    by_state: tuple[Tally, ...]  # the day's receipts by their state now, in state order
    by_procedure: tuple[Tally, ...]  # the day's receipts by procedure, most first
    handed_over: tuple[HandedOver, ...]  # by time
    at_counter: tuple[DossierRow, ...]  # any day's dossiers still physically at the counter
    # How the documents of the day's receipts were digitised, the receipts left incomplete (by
    # code), and the documents digitised later that day (supplements, results) by stage.
    digitisation: DigitisationTally = DigitisationTally()
    incomplete_digitisation: tuple[DossierDigitisation, ...] = ()
    digitised_later: tuple[Tally, ...] = ()

    @property
    def received(self) -> int:
        return sum(t.count for t in self.by_state)

    def handed_over_by_unit(self) -> tuple[Tally, ...]:
        counts = Counter(h.unit for h in self.handed_over)
        return tuple(Tally(unit, unit, n) for unit, n in sorted(counts.items()))

    def activity_count(self, kind: EventKind) -> int:
        return next((t.count for t in self.activity if t.key == kind.value), 0)

    def state_count(self, state: DossierState) -> int:
        return next((t.count for t in self.by_state if t.key == str(int(state))), 0)


# Where the paper dossier lies at the end of the day: waiting to be handed over, waiting for
# the applicant's documents, or a result waiting to be collected.
AT_COUNTER_STATES = frozenset({
    DossierState.RECEIVED, DossierState.SUPPLEMENT, DossierState.FINANCIAL,
    DossierState.RESULT_READY,
})


def activity_tallies(kinds: Iterable[str]) -> tuple[Tally, ...]:
    counts = Counter(kinds)
    return tuple(
        Tally(kind.value, kind.label, counts[kind.value])
        for kind in EventKind if counts[kind.value]
    )


def state_tallies(states: Iterable[DossierState]) -> tuple[Tally, ...]:
    counts = Counter(states)
    return tuple(
        Tally(str(int(state)), state.label, counts[state])
        for state in DossierState if counts[state]
    )


def digitisation_tallies(tally: DigitisationTally) -> tuple[Tally, ...]:
    """The day's documents by how they were digitised, then the dossiers left incomplete."""
    return (
        Tally("scanned", "Giấy tờ quét số hóa tại quầy", tally.scanned),
        Tally("reused", "Giấy tờ tái sử dụng bản điện tử đã có", tally.reused),
        Tally("shown", "Giấy tờ chỉ xuất trình (bản chính, VNeID)", tally.shown),
        Tally("exempt", "Giấy tờ không phải số hóa", tally.exempt),
        Tally("pending", "Giấy tờ chưa số hóa", tally.pending),
        Tally("incomplete", "Hồ sơ tiếp nhận chưa số hóa đủ", tally.incomplete),
    )


def stage_tallies(stages: Iterable[Stage]) -> tuple[Tally, ...]:
    """Documents digitised after reception, by stage (supplement, result), zeros left out."""
    counts = Counter(stages)
    return tuple(Tally(stage.value, stage.label, counts[stage]) for stage in Stage
                 if counts[stage])


def procedure_tallies(rows: Iterable[tuple[str, str]]) -> tuple[Tally, ...]:
    """From (procedure code, procedure name) pairs: most received first, then by name."""
    counts = Counter(rows)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][1]))
    return tuple(Tally(code, name, n) for (code, name), n in ordered)
