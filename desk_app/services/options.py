"""The settings dialog's use cases: every setting read at once, checked at once and saved in one
transaction; the language and the printers, read and saved on their own. (Settings stored by
older releases are upgraded by the Context when the data opens.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desk_app.core import options
from desk_app.core.accounts import AccountPolicy, Permission
from desk_app.core.calendar import LocalOverride
from desk_app.core.changes import ACCOUNTS, CALENDAR, SETTINGS
from desk_app.core.lifecycle import ProcessingUnit
from desk_app.core.text import clean
from desk_app.core.validation import Issue, Severity
from desk_app.services import accounts, backups, units
from desk_app.services.context import Access, Context, use_case
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.store import calendar as calendar_store
from desk_app.store import settings, sync_state

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


@use_case(Permission.SETTINGS)
def settings_view(ctx: Context) -> SettingsView:
    return _view(ctx)


def _view(ctx: Context) -> SettingsView:
    form = SettingsForm(
        values=ctx.options(),
        overrides=tuple(calendar_store.overrides(ctx.db)),
        units=tuple(units.processing_units(ctx)),
        account_policy=ctx.policy(),
    )
    return SettingsView(form, sync_state.load(ctx.db).hub_url or "",
                        backups.folder(ctx.data_dir))


@use_case(Access.OPEN)
def printer_choice(ctx: Context, kind: str) -> options.PrinterChoice:
    """The printer and paper for a printed kind; asked when printing, even while locked."""
    name = options.printer_option_name(kind)
    if name not in options.BY_NAME:
        raise ValueError(f"unknown printed kind: {kind!r}")
    return ctx.options()[name]


@use_case(Access.OPEN)
def language(ctx: Context) -> str:
    return ctx.options()["language"]


@use_case(Permission.SETTINGS, changes=SETTINGS)
def set_language(ctx: Context, language: str) -> None:
    """The language of the whole counter, for every account: a setting. Checked as the settings
    dialog checks it: a value outside the choices would be kept for the whole counter."""
    save_option(ctx, "language", language)


@use_case(Permission.SETTINGS, changes=SETTINGS | CALENDAR | ACCOUNTS)
def save_settings(ctx: Context, form: SettingsForm, *,
                  opened_from: SettingsForm | None = None) -> SettingsView:
    """Every group of the settings dialog in one transaction: check every group and save them
    all, or raise ValidationFailed naming each wrong field and save nothing. A form edited from `opened_from` is refused when the stored settings no
    longer match it: a dialog left open (held behind the lock page) would otherwise undo what
    another admin saved meanwhile."""
    if opened_from is not None and _view(ctx).form != opened_from:
        raise ServiceError(
            "Cài đặt đã được thay đổi từ lúc mở hộp thoại này (có thể bởi quản trị khác). "
            "Hãy đóng và mở lại Cài đặt để sửa trên bản mới nhất.")
    unknown = set(form.values) - set(options.BY_NAME)
    if unknown:
        raise ValueError(f"unknown options: {sorted(unknown)}")
    new_values = options.normalise(form.values)
    new_values.update(_dated_agency_code(ctx.options(), new_values))
    overrides = tuple(_cleaned(o) for o in form.overrides)
    issues = options.issues(new_values) + _override_issues(overrides)
    # Saved by their own use cases, inside this transaction; their issues join the others.
    for save_group in (lambda: units.save_processing_units(ctx, list(form.units)),
                       lambda: accounts.save_account_policy(ctx, form.account_policy)):
        try:
            save_group()
        except ValidationFailed as failed:
            issues += failed.issues
    if issues:
        raise ValidationFailed(issues)  # the use case's transaction undoes what was saved above
    settings.save(ctx.db, options.stored_changes(settings.load(ctx.db), new_values))
    calendar_store.replace(ctx.db, overrides)
    # The hours and days off decide every due time from now on.
    ctx.forget_calendar()
    return _view(ctx)


def _dated_agency_code(stored: options.Values, new: options.Values) -> options.Values:
    """A new agency code typed in the dialog, with its first day, joins the dated list: the one
    it replaces is kept for the days before (core.options.with_new_agency_code)."""
    code, since = new.get("counter_setup.agency_code"), new.get("counter_setup.agency_code_since")
    if code is None or (code == stored["counter_setup.agency_code"]
                        and since == stored["counter_setup.agency_code_since"]):
        return {}
    return options.with_new_agency_code(stored, code, since)


def set_agency_code(ctx: Context, code: str, since: date) -> bool:
    """A new agency code from `since` on, in the caller's transaction (the province's, pulled
    by sync); whether anything changed. Raises ValidationFailed."""
    stored = ctx.options()
    if (code, since) == (stored["counter_setup.agency_code"],
                         stored["counter_setup.agency_code_since"]):
        return False
    new_values = options.normalise(options.with_new_agency_code(stored, code, since))
    issues = options.issues(new_values)
    if issues:
        raise ValidationFailed(issues)
    settings.save(ctx.db, options.stored_changes(settings.load(ctx.db), new_values))
    return True


def save_option(ctx: Context, name: str, value: object) -> None:
    """One option saved on its own, in the caller's use case, checked as the dialog checks it."""
    new_values = options.normalise({name: value})
    issues = options.issues(new_values)
    if issues:
        raise ValidationFailed(issues)
    settings.save(ctx.db, options.stored_changes(settings.load(ctx.db), new_values))


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
