"""Dossier codes: `<agency code>-<YYMMDD>-<tail>` (docs/domain.md, "Dossier codes").

Counters of one commune cannot ask each other for the next number while offline, so the tail is
the counter number (1–9) followed by that counter's daily sequence: three digits (001–999), then as
many as it needs (1000, 1001 …), since Circular 04/2025/TT-VPCP lets the daily sequence grow past
four digits: counter 1's 999th code ends in -1999, its 1,000th in -11000. The counter is always
the first digit and the rest is the sequence (zero-filled to three digits, never more), so a
tail reads back one way only. Two counters can never collide, and one counter never repeats
because the store keeps the sequence in the same transaction as the dossier and never goes
below a code it has already issued.

As text, codes would not compare in order (-11000 before -1999); `sort_key` gives their true
order (a longer sequence comes after a shorter one), and `sort_text` the same order as text, for
the database's `code_sort` column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

SEQUENCE_DIGITS = 3  # the least: the sequence is zero-filled to three digits, and may be longer

# Dotted, zero-filled levels, the province part (a letter and two digits, e.g. H56) last.
_AGENCY = re.compile(r"^(?:[0-9A-Z]{2,3}\.){1,4}[A-Z][0-9]{2}$")
# The tail: the counter digit, then the sequence (three digits, or more without a leading zero).
_CODE = re.compile(r"^(?P<agency>[^-]+)-(?P<day>[0-9]{6})-(?P<counter>[1-9])"
                   r"(?P<sequence>[0-9]{3}|[1-9][0-9]{3,})$")


@dataclass(frozen=True)
class DossierCode:
    agency: str
    day: date
    counter: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.prefix}{self.sequence:0{SEQUENCE_DIGITS}d}"

    @property
    def prefix(self) -> str:
        """What every code of this agency, day and counter starts with."""
        return code_prefix(self.agency, self.day, self.counter)


def code_prefix(agency: str, day: date, counter: int) -> str:
    return f"{agency}-{day:%y%m%d}-{counter}"


def sequence_of(tail: str) -> int | None:
    """The sequence written after a code's counter digit ("007" -> 7, "1000" -> 1000), or None
    if `tail` is not one (a 4-digit tail with a leading zero is not: "0999" is never issued)."""
    if re.fullmatch(r"[0-9]{3}|[1-9][0-9]{3,}", tail):
        return int(tail)
    return None


def parse_code(code: str) -> DossierCode | None:
    """A dossier code read back, or None if `code` is not of the shape this app issues."""
    match = _CODE.match(code or "")
    if not match or agency_code_error(match["agency"]):
        return None
    try:
        day = datetime.strptime(match["day"], "%y%m%d").date()
    except ValueError:
        return None
    return DossierCode(match["agency"], day, int(match["counter"]), int(match["sequence"]))


def sort_key(code: str) -> tuple:
    """The order of codes: by agency, day, counter, then sequence as a number, so -11000 comes
    after -1999 (as text it would come before). A code of another shape sorts as text, after."""
    parsed = parse_code(code)
    if parsed is None:
        return (1, code)
    return (0, parsed.agency, parsed.day, parsed.counter, parsed.sequence)


# What the database sorts codes by (the `code_sort` column, migration 10): a code of the shape
# this app issues (counter digit, then a sequence of 3 to 9 digits) sorts as "0" + prefix +
# counter digit + the sequence zero-filled to nine digits; any other code as "1" + itself, after;
# no code (a refusal at the counter) as "", first. Only the shape is checked, not the agency
# or the day, so that migration 10 computes exactly the same text in SQL.
SORT_SEQUENCE_DIGITS = 9
_SORTABLE = re.compile(r"(?P<prefix>[^-]+-[0-9]{6}-[1-9])(?P<sequence>[0-9]{3}|[1-9][0-9]{3,8})")


def sort_text(code: str | None) -> str:
    """The text whose order is the codes' order (`sort_key`'s, for every code this app
    issues): so the list can sort by code straight from an index."""
    if not code:
        return ""
    match = _SORTABLE.fullmatch(code)
    if match is None:
        return "1" + code
    return f"0{match['prefix']}{int(match['sequence']):0{SORT_SEQUENCE_DIGITS}d}"


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
    if sequence < 1:
        raise ValueError(f"sequence must be positive, got {sequence}")
    return DossierCode(agency, day, counter, sequence)



# --- Agency codes by date ----------------------------------------------------------------------


@dataclass(frozen=True)
class DatedAgencyCode:
    """An agency code and the first day it is used; None for a code used from the start."""

    code: str
    since: date | None = None


def agency_code_on(codes: tuple[DatedAgencyCode, ...], day: date) -> str:
    """The code in force on `day` (Decision 09/2025/QĐ-TTg: merged communes get new codes): the
    one with the latest start on or before that day; before every start, the oldest."""
    ordered = sorted(codes, key=lambda c: c.since or date.min)
    if not ordered:
        raise ValueError("no agency code")
    in_force = [c for c in ordered if c.since is None or c.since <= day]
    return (in_force or ordered)[-1].code


def dated_codes_problem(codes: tuple[DatedAgencyCode, ...]) -> str | None:
    """A Vietnamese message if the dated codes do not make one line of codes, else None: one
    code from the start at most, and no two starting the same day."""
    starts = [c.since for c in codes]
    if starts.count(None) > 1:
        return "Chỉ một mã định danh được dùng từ đầu; các mã sau phải có ngày áp dụng."
    if len(set(starts)) != len(starts):
        return "Hai mã định danh không thể cùng áp dụng từ một ngày."
    for entry in codes:
        if message := agency_code_error(entry.code):
            return message
    return None


# A receipt's QR code may hold the citizen's lookup link instead of the bare code
# (sync.protocol.lookup_link): `<hub address>/tra-cuu/<code>?k=<check>`.
_LOOKUP_LINK = re.compile(r"^https?://\S*/tra-cuu/(?P<code>[^/?#\s]+)(?:\?\S*)?$",
                          re.IGNORECASE)


def scanned_code(text: str) -> str:
    """What a scanner typed, read as a dossier code: the code in a receipt's lookup link, any
    other text as it is."""
    match = _LOOKUP_LINK.match(text.strip())
    return match["code"] if match else text
