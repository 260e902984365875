"""The settings dialog's use cases: every setting read at once, checked at once and saved in one
transaction; and the upgrade of settings stored by older releases, run when the data opens.

The functions taking `app` run under the services lock (the Services facade calls them).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app.core import options
from desk_app.core.accounts import AccountPolicy
from desk_app.core.calendar import LocalOverride, WorkingHours
from desk_app.core.lifecycle import ProcessingUnit
from desk_app.core.text import clean
from desk_app.core.validation import Issue, Severity
from desk_app.services import accounts, backups, lifecycle
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.store import calendar as calendar_store
from desk_app.store import settings, sync_state

if TYPE_CHECKING:
    from desk_app.services.app import Services

log = logging.getLogger(__name__)

MAX_NOTE_LENGTH = 200


@dataclass(frozen=True)
class SettingsForm:
    """What the admin edits in the settings dialog."""

    values: options.Values  # option name -> typed value, every option
    overrides: tuple[LocalOverride, ...] = ()  # the commune's days off and swapped working days
    units: tuple[ProcessingUnit, ...] = ()
    account_policy: AccountPolicy = AccountPolicy()


@dataclass(frozen=True)
class SettingsView:
    """The form as stored, and what the dialog shows without editing it."""

    form: SettingsForm
    hub_url: str  # empty until the PC is enrolled with the province
    backup_folder: Path


def upgrade(app: Services) -> None:
    """Bring the stored settings to the current layout; nothing is written when they already
    are. One transaction: a power cut leaves the old layout, to be upgraded at the next start."""
    with app.db.atomic():
        stored = settings.load(app.db)
        upgraded = options.upgrade(stored)
        if upgraded == stored:
            return
        log.info("settings upgraded from version %d to %d", options.stored_version(stored),
                 upgraded[options.VERSION_KEY])
        settings.delete(app.db, [key for key in stored if key not in upgraded])
        settings.save(app.db, {k: v for k, v in upgraded.items()
                               if k not in stored or stored[k] != v})


def values(app: Services) -> options.Values:
    return options.read(settings.load(app.db))


def working_hours(app: Services) -> WorkingHours:
    """The stored hours; the defaults if the stored ones no longer make a working day (written
    before they were checked, or by hand), so due times can always be computed."""
    hours = options.group(values(app), "working_hours")
    try:
        return WorkingHours(
            morning=(hours["morning_start"], hours["morning_end"]),
            afternoon=(hours["afternoon_start"], hours["afternoon_end"]),
            same_day_cutoff=hours["same_day_cutoff"],
        )
    except ValueError:
        log.warning("stored working hours are inconsistent; using the defaults", exc_info=True)
        return WorkingHours()


def printer_choice(app: Services, kind: str) -> options.PrinterChoice:
    name = options.printer_option_name(kind)
    if name not in options.BY_NAME:
        raise ValueError(f"unknown printed kind: {kind!r}")
    return values(app)[name]


def view(app: Services) -> SettingsView:
    form = SettingsForm(
        values=values(app),
        overrides=tuple(calendar_store.overrides(app.db)),
        units=tuple(lifecycle.processing_units(app)),
        account_policy=accounts.account_policy(app),
    )
    return SettingsView(form, sync_state.load(app.db).hub_url or "",
                        backups.folder(app.data_dir))


def save(app: Services, form: SettingsForm,
         opened_from: SettingsForm | None = None) -> SettingsView:
    """Check every group and save them all, or raise ValidationFailed naming each wrong field
    and save nothing. A form edited from `opened_from` is refused when the stored settings no
    longer match it: a dialog left open (held behind the lock page) would otherwise undo what
    another admin saved meanwhile."""
    if opened_from is not None and view(app).form != opened_from:
        raise ServiceError(
            "Cài đặt đã được thay đổi từ lúc mở hộp thoại này (có thể bởi quản trị khác). "
            "Hãy đóng và mở lại Cài đặt để sửa trên bản mới nhất.")
    unknown = set(form.values) - set(options.BY_NAME)
    if unknown:
        raise ValueError(f"unknown options: {sorted(unknown)}")
    new_values = options.normalise(form.values)
    overrides = tuple(_cleaned(o) for o in form.overrides)
    issues = options.issues(new_values) + _override_issues(overrides)
    with app.db.atomic():
        # Saved by their own use cases, inside this transaction; their issues join the others.
        for save_group in (lambda: lifecycle.save_processing_units(app, list(form.units)),
                           lambda: accounts.save_account_policy(app, form.account_policy)):
            try:
                save_group()
            except ValidationFailed as failed:
                issues += failed.issues
        if issues:
            raise ValidationFailed(issues)  # leaving the block undoes what was saved above
        settings.save(app.db, options.stored_changes(settings.load(app.db), new_values))
        calendar_store.replace(app.db, overrides)
    # The hours and days off decide every due time from now on.
    app._calendar = None
    return view(app)


def save_option(app: Services, name: str, value: object) -> None:
    """One option saved on its own (the language menu), checked as the settings dialog checks
    it: a value outside the option's choices would be kept for the whole counter."""
    new_values = options.normalise({name: value})
    issues = options.issues(new_values)
    if issues:
        raise ValidationFailed(issues)
    with app.db.atomic():
        settings.save(app.db, options.stored_changes(settings.load(app.db), new_values))


def _cleaned(override: LocalOverride) -> LocalOverride:
    return LocalOverride(override.day, override.kind, clean(override.note))


def _override_issues(overrides: tuple[LocalOverride, ...]) -> list[Issue]:
    found = []
    days = [o.day for o in overrides]
    twice = sorted({day for day in days if days.count(day) > 1})
    if twice:
        found.append(Issue("overrides", "Mỗi ngày chỉ ghi một lần trong lịch nghỉ, làm bù: "
                           + ", ".join(f"{day:%d/%m/%Y}" for day in twice) + ".",
                           Severity.ERROR))
    long_notes = [o.day for o in overrides if len(o.note) > MAX_NOTE_LENGTH]
    if long_notes:
        found.append(Issue("overrides", f"Ghi chú tối đa {MAX_NOTE_LENGTH} ký tự: "
                           + ", ".join(f"{day:%d/%m/%Y}" for day in long_notes) + ".",
                           Severity.ERROR))
    return found
