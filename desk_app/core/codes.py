"""Dossier codes: `<agency code>-<YYMMDD>-<XXXX>` (docs/domain.md, "Dossier codes").

Counters of one commune cannot ask each other for the next number while offline, so XXXX is the
counter number (1–9) followed by that counter's daily sequence (001–999). Two counters can never
collide, and one counter never repeats because the store keeps the sequence in the same
transaction as the dossier and never goes below a code it has already issued.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MAX_DAILY_SEQUENCE = 999

# Dotted, zero-filled levels, the province part (a letter and two digits, e.g. H56) last.
_AGENCY = re.compile(r"^(?:[0-9A-Z]{2,3}\.){1,4}[A-Z][0-9]{2}$")


class DailySequenceExhausted(RuntimeError):
    def __init__(self, counter: int, day: date):
        super().__init__(
            f"Quầy số {counter} đã cấp hết {MAX_DAILY_SEQUENCE} mã hồ sơ trong ngày "
            f"{day:%d/%m/%Y}. Hãy tiếp nhận ở quầy khác."
        )


@dataclass(frozen=True)
class DossierCode:
    agency: str
    day: date
    counter: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.agency}-{self.day:%y%m%d}-{self.counter}{self.sequence:03d}"


def agency_code_error(agency: str) -> str | None:
    """A Vietnamese message if `agency` is not a valid agency identifier code, else None."""
    if not _AGENCY.match(agency or ""):
        return (
            "Mã định danh đơn vị không đúng dạng, ví dụ đúng: 000.17.22.H56 "
            "(các cấp cách nhau bằng dấu chấm, phần tỉnh ở cuối)."
        )
    return None


def make_code(agency: str, day: date, counter: int, sequence: int) -> DossierCode:
    if agency_code_error(agency):
        raise ValueError(f"invalid agency code {agency!r}")
    if not 1 <= counter <= 9:
        raise ValueError(f"counter number must be 1–9, got {counter}")
    if sequence > MAX_DAILY_SEQUENCE:
        raise DailySequenceExhausted(counter, day)
    if sequence < 1:
        raise ValueError(f"sequence must be positive, got {sequence}")
    return DossierCode(agency, day, counter, sequence)

