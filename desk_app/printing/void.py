"""The mark of a void slip, apart from the drawing (desk_app.printing.document), so that what
decides a slip is void (services.printouts) does not import reportlab: the app's start does not
wait for it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from desk_app.core.clock import to_vn

VOID_TITLE = "ĐÃ HỦY"


@dataclass(frozen=True)
class VoidMark:
    """What a reprinted slip says when the action it records was reversed by a correction
    (docs/domain.md, "Correcting a mistake"): when and why. `part` names what alone is void
    when the slip also records actions that stand (one dossier of a batch's handover list);
    empty, the whole slip is void and says so across the page."""

    reason: str
    at: datetime
    part: str = ""

    def lines(self) -> list[str]:
        what = f"{self.part}: đã hủy bỏ" if self.part else "Đã hủy bỏ"
        return [f"{what} do đính chính lúc {to_vn(self.at):%H:%M ngày %d/%m/%Y}.",
                f"Lý do: {self.reason}"]


# Every slip is drawn by its own module and ends in write_pdf: the mark travels here from the
# one place that knows a slip is void (services.printouts) without each renderer taking it.
_VOID: ContextVar[VoidMark | None] = ContextVar("void_mark", default=None)


@contextmanager
def voided(mark: VoidMark | None) -> Iterator[None]:
    """PDFs written inside the block carry `mark` on every page (None: none)."""
    token = _VOID.set(mark)
    try:
        yield
    finally:
        _VOID.reset(token)


def current_void_mark() -> VoidMark | None:
    """The mark of the PDFs being written now (None: not void)."""
    return _VOID.get()
