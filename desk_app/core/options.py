"""The counter's settings as typed options, and the upgrades of settings stored by older releases.

Settings live as JSON under keys of the settings table. An option is named after where it is
stored: "language" is the whole value of the key "language", "counter_setup.agency_code" the
field "agency_code" of the object stored under "counter_setup". The name is also the field name
of its validation issues, so the settings dialog puts a message beside the right widget.

A stored value that no longer reads as its type (edited by hand, written by a broken release)
falls back to the default instead of stopping the app: settings must never lock a counter out.

Versions: the layout of the stored keys has a number, kept under "settings_version" (absent in
version 1, the layout before this module). Each upgrade takes every stored key/value of one
version and returns those of the next; they are pure so each can be tested on its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from desk_app.core.calendar import WorkingHours
from desk_app.core.codes import DatedAgencyCode, agency_code_error, dated_codes_problem
from desk_app.core.slips import SlipKind
from desk_app.core.text import clean
from desk_app.core.validation import Issue, Severity, phone_error

log = logging.getLogger(__name__)

VERSION_KEY = "settings_version"
LEGACY_CLERK_KEY = "legacy_clerk_name"


# --- Option types ------------------------------------------------------------------------------


class UnreadableValue(ValueError):
    """A stored value that is not of the option's type."""


@dataclass(frozen=True)
class Option:
    name: str
    default: Any

    @property
    def key(self) -> str:
        """The settings table key holding the value."""
        return self.name.split(".", 1)[0]

    @property
    def field(self) -> str | None:
        """The field inside the key's object, or None when the option is the whole value."""
        parts = self.name.split(".", 1)
        return parts[1] if len(parts) == 2 else None

    def read(self, stored: Any) -> Any:
        """The typed value of a stored JSON value; raises UnreadableValue."""
        return stored

    def dump(self, value: Any) -> Any:
        """The JSON value to store."""
        return value

    def normalise(self, value: Any) -> Any:
        """The value as it is kept (text cleaned), before it is checked."""
        return value

    def problem(self, value: Any) -> str | None:
        """A Vietnamese message saying what is wrong with a normalised value, or None."""
        return None


@dataclass(frozen=True)
class TextOption(Option):
    default: str = ""
    required: str | None = None  # the message when left empty; None when empty is allowed
    max_length: int = 200
    check: Callable[[str], str | None] | None = None  # a further check of a non-empty value
    upper: bool = False

    def read(self, stored: Any) -> str:
        if not isinstance(stored, str):
            raise UnreadableValue(stored)
        return stored

    def normalise(self, value: Any) -> str:
        text = clean(value)
        return text.upper() if self.upper else text

    def problem(self, value: str) -> str | None:
        if not value:
            return self.required
        if len(value) > self.max_length:
            return f"Tối đa {self.max_length} ký tự (đang có {len(value)})."
        return self.check(value) if self.check else None


@dataclass(frozen=True)
class IntOption(Option):
    default: int = 0
    minimum: int = 0
    maximum: int = 0
    message: str = ""  # says the range, in the words of the field

    def read(self, stored: Any) -> int:
        if isinstance(stored, bool) or not isinstance(stored, int):
            raise UnreadableValue(stored)
        return stored

    def problem(self, value: int) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return self.message
        return None if self.minimum <= value <= self.maximum else self.message


@dataclass(frozen=True)
class BoolOption(Option):
    default: bool = False

    def read(self, stored: Any) -> bool:
        if not isinstance(stored, bool):
            raise UnreadableValue(stored)
        return stored

    def problem(self, value: bool) -> str | None:
        return None if isinstance(value, bool) else "Chỉ nhận giá trị có hoặc không."


@dataclass(frozen=True)
class TimeOption(Option):
    """A clock time, stored "HH:MM"."""

    default: time = time(0, 0)

    def read(self, stored: Any) -> time:
        try:
            return parse_clock(stored)
        except (TypeError, ValueError) as exc:
            raise UnreadableValue(stored) from exc

    def dump(self, value: time) -> str:
        return value.strftime("%H:%M")

    def problem(self, value: time) -> str | None:
        if not isinstance(value, time):
            return "Nhập giờ dạng giờ:phút, ví dụ 07:30."
        if value.second or value.microsecond:
            return "Chỉ ghi giờ và phút."
        return None


@dataclass(frozen=True)
class ChoiceOption(Option):
    default: str = ""
    choices: tuple[str, ...] = ()
    message: str = "Chọn một giá trị trong danh sách."

    def read(self, stored: Any) -> str:
        if stored not in self.choices:
            raise UnreadableValue(stored)
        return stored

    def problem(self, value: str) -> str | None:
        return None if value in self.choices else self.message


@dataclass(frozen=True)
class DateOption(Option):
    """A day, stored "YYYY-MM-DD"; None (stored null) when not set."""

    default: date | None = None

    def read(self, stored: Any) -> date | None:
        try:
            return date.fromisoformat(stored)
        except (TypeError, ValueError) as exc:
            raise UnreadableValue(stored) from exc

    def dump(self, value: date | None) -> str | None:
        return None if value is None else value.isoformat()

    def problem(self, value: date | None) -> str | None:
        if value is None or isinstance(value, date):
            return None
        return "Nhập ngày dạng ngày/tháng/năm."


@dataclass(frozen=True)
class DatedCodesOption(Option):
    """Agency codes with the day each began, stored [{"code": …, "since": "YYYY-MM-DD" or
    null}, …]."""

    default: tuple[DatedAgencyCode, ...] = ()

    def read(self, stored: Any) -> tuple[DatedAgencyCode, ...]:
        if not isinstance(stored, list):
            raise UnreadableValue(stored)
        codes = []
        for entry in stored:
            if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
                raise UnreadableValue(stored)
            since = entry.get("since")
            try:
                codes.append(DatedAgencyCode(
                    entry["code"], None if since is None else date.fromisoformat(since)))
            except (TypeError, ValueError) as exc:
                raise UnreadableValue(stored) from exc
        return tuple(codes)

    def dump(self, value: tuple[DatedAgencyCode, ...]) -> list[dict[str, str | None]]:
        return [{"code": c.code, "since": c.since and c.since.isoformat()} for c in value]

    def normalise(self, value: tuple[DatedAgencyCode, ...]) -> tuple[DatedAgencyCode, ...]:
        return tuple(DatedAgencyCode(clean(c.code).upper(), c.since) for c in value)

    def problem(self, value: tuple[DatedAgencyCode, ...]) -> str | None:
        return dated_codes_problem(value)


# --- Printers ----------------------------------------------------------------------------------

# Everything the counter prints, by the kind its PDF is made for: the slips, and the reports
# (services.reports and services.sync name them the same).
PRINTED_KINDS = (*SlipKind, "ledger", "end_of_day", "reconciliation")
AS_DRAWN = ""  # the paper the PDF page is drawn for: A5 for slips, A4 for the reports
PAPER_SIZES = (AS_DRAWN, "A4", "A5")


@dataclass(frozen=True)
class PrinterChoice:
    printer: str = ""  # "" for the system's default printer
    paper: str = AS_DRAWN


@dataclass(frozen=True)
class PrinterOption(Option):
    default: PrinterChoice = PrinterChoice()

    def read(self, stored: Any) -> PrinterChoice:
        if not isinstance(stored, dict):
            raise UnreadableValue(stored)
        printer, paper = stored.get("printer", ""), stored.get("paper", AS_DRAWN)
        if not isinstance(printer, str) or paper not in PAPER_SIZES:
            raise UnreadableValue(stored)
        return PrinterChoice(printer, paper)

    def dump(self, value: PrinterChoice) -> dict[str, str]:
        return {"printer": value.printer, "paper": value.paper}

    def normalise(self, value: PrinterChoice) -> PrinterChoice:
        # Printer names are matched exactly against the system's list: only trimmed.
        return PrinterChoice(value.printer.strip(), value.paper)

    def problem(self, value: PrinterChoice) -> str | None:
        if value.paper not in PAPER_SIZES:
            return "Khổ giấy phải là A4, A5 hoặc theo mẫu phiếu."
        if len(value.printer) > 200:
            return "Tên máy in quá dài (tối đa 200 ký tự)."
        return None


def printer_option_name(kind: str) -> str:
    return f"printers.{kind}"


# --- Checks shared by several options ----------------------------------------------------------


def parse_clock(text: str) -> time:
    """'7:30', '07:30' or '7h30' as a time; raises ValueError."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*[:hH.]\s*(\d{2})\s*", text)
    if not match:
        raise ValueError(text)
    return time(int(match[1]), int(match[2]))


def folder_problem(path: str) -> str | None:
    """A folder for backups must be a full path: a relative one would depend on where the app
    was started from."""
    if PureWindowsPath(path).is_absolute() or PurePosixPath(path).is_absolute():
        return None
    return "Nhập đường dẫn đầy đủ của thư mục (ví dụ D:\\SaoLuu hoặc E:\\), hoặc bấm Chọn…"


# --- The options -------------------------------------------------------------------------------

LANGUAGES = ("vi", "en")
DEFAULT_END_OF_DAY = time(16, 45)
MAX_BACKUP_HOURS = 24 * 7
# The disk the backups may take, in GB; 0 is automatic: AUTO_BUDGET_TIMES the database (every
# copy is a full one, so that is the newest copy and about two older ones at a million
# dossiers, and the whole daily/weekly/monthly rotation while the database is small).
MAX_BACKUP_BUDGET_GB = 10_000
AUTO_BUDGET_TIMES = 3

OPTIONS: tuple[Option, ...] = (
    TextOption("counter_setup.commune_name",
               required="Nhập tên xã, phường (ví dụ: UBND xã Tân Lập)."),
    TextOption("counter_setup.unit_name", required="Nhập tên bộ phận tiếp nhận."),
    TextOption("counter_setup.agency_code", required=agency_code_error(""), max_length=40,
               check=agency_code_error, upper=True),
    # Merged communes get new codes (Decision 09/2025/QĐ-TTg): the code above is the newest, in
    # force from this day (None: from the start); the ones it replaced are kept with their days.
    DateOption("counter_setup.agency_code_since"),
    DatedCodesOption("counter_setup.earlier_agency_codes"),
    IntOption("counter_setup.counter_number", 1, minimum=1, maximum=9,
              message="Số quầy phải từ 1 đến 9."),
    TextOption("counter_setup.place_name",
               required="Nhập địa danh ghi trên phiếu (ví dụ: Tân Lập)."),
    # The office's phone, printed on the receipt and the supplement request (Circular 03/2025).
    TextOption("counter_setup.phone", max_length=30, check=phone_error),
    TimeOption("working_hours.morning_start", time(7, 0)),
    TimeOption("working_hours.morning_end", time(11, 30)),
    TimeOption("working_hours.afternoon_start", time(13, 30)),
    TimeOption("working_hours.afternoon_end", time(17, 0)),
    TimeOption("working_hours.same_day_cutoff", time(15, 0)),
    *(PrinterOption(printer_option_name(kind)) for kind in PRINTED_KINDS),
    TimeOption("sync_end_of_day", DEFAULT_END_OF_DAY),
    IntOption("backups.every_hours", 4, minimum=1, maximum=MAX_BACKUP_HOURS,
              message=f"Khoảng thời gian giữa hai lần sao lưu phải từ 1 đến "
                      f"{MAX_BACKUP_HOURS} giờ."),
    TextOption("backups.mirror", max_length=1000, check=folder_problem),
    IntOption("backups.budget_gb", 0, minimum=0, maximum=MAX_BACKUP_BUDGET_GB,
              message=f"Dung lượng dành cho sao lưu phải từ 0 (tự động) đến "
                      f"{MAX_BACKUP_BUDGET_GB} GB."),
    ChoiceOption("language", "vi", choices=LANGUAGES,
                 message="Chọn ngôn ngữ trong danh sách."),
    # Who may reverse a dossier's last action (a correction): any clerk, or only the leader
    # (and the admin). Settings stored before it read the default: no upgrade step needed.
    BoolOption("corrections.leader_only", False),
)
BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}

Values = dict[str, Any]  # option name -> typed value


def defaults() -> Values:
    return {option.name: option.default for option in OPTIONS}


def read(stored: Mapping[str, Any]) -> Values:
    """The typed value of every option from the stored key/values; defaults where a value is
    missing or unreadable."""
    values = {}
    for option in OPTIONS:
        raw = stored.get(option.key)
        if option.field is not None:
            raw = raw.get(option.field) if isinstance(raw, dict) else None
        try:
            values[option.name] = option.default if raw is None else option.read(raw)
        except UnreadableValue:
            values[option.name] = option.default
    return values


def normalise(values: Mapping[str, Any]) -> Values:
    return {name: BY_NAME[name].normalise(value) for name, value in values.items()}


def issues(values: Mapping[str, Any]) -> list[Issue]:
    """Every problem with normalised values, in the order of OPTIONS, then across options."""
    found = [
        Issue(name, message, Severity.ERROR)
        for name, value in values.items()
        if (message := BY_NAME[name].problem(value))
    ]
    if not any(i.field.startswith("working_hours.") for i in found):
        found += _working_hours_issues(values)
    if not any(i.field.startswith(_AGENCY) for i in found):
        found += _agency_code_issues(values)
    return found


_AGENCY = "counter_setup.agency_code"
_AGENCY_SINCE = "counter_setup.agency_code_since"
_EARLIER_AGENCY = "counter_setup.earlier_agency_codes"


def dated_agency_codes(values: Mapping[str, Any]) -> tuple[DatedAgencyCode, ...]:
    """Every agency code of the counter with its first day: the earlier ones, then the newest."""
    return (*values[_EARLIER_AGENCY], DatedAgencyCode(values[_AGENCY], values[_AGENCY_SINCE]))


def with_new_agency_code(values: Mapping[str, Any], code: str,
                         since: date | None) -> Values:
    """The three agency options once `code` takes effect on `since`: the code in use until then
    joins the earlier ones (dossiers keep the codes they were given; nothing is rewritten). The
    same code again only moves its day. Check the result with `issues`."""
    if code == values[_AGENCY]:
        earlier = tuple(values[_EARLIER_AGENCY])
    else:
        earlier = (*values[_EARLIER_AGENCY],
                   DatedAgencyCode(values[_AGENCY], values[_AGENCY_SINCE]))
    return {_AGENCY: code, _AGENCY_SINCE: since, _EARLIER_AGENCY: earlier}


def _agency_code_issues(values: Mapping[str, Any]) -> list[Issue]:
    if not all(name in values for name in (_AGENCY, _AGENCY_SINCE, _EARLIER_AGENCY)):
        return []
    since, earlier = values[_AGENCY_SINCE], values[_EARLIER_AGENCY]
    if not earlier:
        return []
    if since is None:
        message = "Nhập ngày bắt đầu dùng mã định danh mới."
    elif any(c.since is not None and c.since >= since for c in earlier):
        last = max(c.since for c in earlier if c.since is not None)
        message = f"Mã mới phải áp dụng sau ngày {last:%d/%m/%Y} (ngày bắt đầu của mã trước)."
    else:
        message = dated_codes_problem(dated_agency_codes(values))
    return [Issue(_AGENCY_SINCE, message, Severity.ERROR)] if message else []


def _working_hours_issues(values: Mapping[str, Any]) -> list[Issue]:
    names = ("morning_start", "morning_end", "afternoon_start", "afternoon_end",
             "same_day_cutoff")
    if not all(f"working_hours.{n}" in values for n in names):
        return []
    m_start, m_end, a_start, a_end, cutoff = (values[f"working_hours.{n}"] for n in names)
    found = []

    def error(field: str, message: str) -> None:
        found.append(Issue(f"working_hours.{field}", message, Severity.ERROR))

    if not m_start < m_end:
        error("morning_end", "Giờ kết thúc buổi sáng phải sau giờ bắt đầu.")
    if not m_end <= a_start:
        error("afternoon_start", "Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.")
    if not a_start < a_end:
        error("afternoon_end", "Giờ kết thúc buổi chiều phải sau giờ bắt đầu.")
    if not found and not (m_start < cutoff <= m_end or a_start <= cutoff <= a_end):
        error("same_day_cutoff",
              f"Giờ chốt nhận hồ sơ trả trong ngày phải nằm trong giờ làm việc "
              f"({m_start:%H:%M}–{m_end:%H:%M} hoặc {a_start:%H:%M}–{a_end:%H:%M}).")
    return found


def stored_changes(stored: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The key/values to write so that `values` are stored, keeping the other fields of each
    key's object (a key may hold more than its options, like the clerk's name in the past)."""
    changes: dict[str, Any] = {}
    for name, value in values.items():
        option = BY_NAME[name]
        if option.field is None:
            changes[option.key] = option.dump(value)
            continue
        if option.key not in changes:
            current = stored.get(option.key)
            changes[option.key] = dict(current) if isinstance(current, dict) else {}
        changes[option.key][option.field] = option.dump(value)
    return changes


def group(values: Mapping[str, Any], key: str) -> Values:
    """The values of the options stored under `key`, by field name."""
    return {BY_NAME[name].field: value for name, value in values.items()
            if BY_NAME[name].key == key}


def working_hours(values: Mapping[str, Any]) -> WorkingHours:
    """The stored hours; the defaults if the stored ones no longer make a working day (written
    before they were checked, or by hand), so due times can always be computed."""
    hours = group(values, "working_hours")
    try:
        return WorkingHours(
            morning=(hours["morning_start"], hours["morning_end"]),
            afternoon=(hours["afternoon_start"], hours["afternoon_end"]),
            same_day_cutoff=hours["same_day_cutoff"],
        )
    except ValueError:
        log.warning("stored working hours are inconsistent; using the defaults", exc_info=True)
        return WorkingHours()


# --- Versions and upgrades ---------------------------------------------------------------------


def upgrade_to_2(stored: dict[str, Any]) -> dict[str, Any]:
    """The clerk's name leaves the counter setup: the person at the counter is now the logged-in
    account. The name is kept aside so the first admin account can be suggested with it."""
    upgraded = dict(stored)
    setup = upgraded.get("counter_setup")
    if isinstance(setup, dict) and "clerk_name" in setup:
        setup = dict(setup)
        name = clean(setup.pop("clerk_name"))
        upgraded["counter_setup"] = setup
        if name:
            upgraded[LEGACY_CLERK_KEY] = name
    return upgraded


# UPGRADES[n] turns the layout of version n + 1 into that of version n + 2.
UPGRADES: tuple[Callable[[dict[str, Any]], dict[str, Any]], ...] = (upgrade_to_2,)
SETTINGS_VERSION = len(UPGRADES) + 1


def stored_version(stored: Mapping[str, Any]) -> int:
    version = stored.get(VERSION_KEY, 1)
    return version if isinstance(version, int) and version >= 1 else 1


def upgrade(stored: Mapping[str, Any]) -> dict[str, Any]:
    """The stored key/values brought to SETTINGS_VERSION. Settings written by a newer release
    (a backup restored into an older app) are left as they are: an upgrade cannot be undone."""
    values = dict(stored)
    version = stored_version(values)
    for step in UPGRADES[version - 1:]:
        values = step(values)
    values[VERSION_KEY] = max(version, SETTINGS_VERSION)
    return values
