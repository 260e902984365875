"""The counter's identity, set at first run and changed by the admin: who issues codes and slips
from this PC (core.counter), stored through the typed options."""

from __future__ import annotations

from dataclasses import asdict

from desk_app.core import options
from desk_app.core.accounts import Permission
from desk_app.core.changes import SETTINGS
from desk_app.core.counter import CounterSetup, setup_issues
from desk_app.services.context import SETUP_KEY, Access, Context, use_case
from desk_app.services.errors import ValidationFailed
from desk_app.store import settings


@use_case(Access.OPEN)
def counter_setup(ctx: Context) -> CounterSetup | None:
    return ctx.counter_setup()


@use_case(Access.OPEN)
def required_setup(ctx: Context) -> CounterSetup:
    """The setup; raises NotSetUp before the first run."""
    return ctx.setup()


@use_case(Access.OPEN)
def device_id(ctx: Context) -> str:
    return ctx.device_id()


@use_case(Permission.SETTINGS, changes=SETTINGS)
def save_counter_setup(ctx: Context, setup: CounterSetup) -> CounterSetup:
    setup = setup.cleaned()
    issues = setup_issues(setup)
    if issues:
        raise ValidationFailed(issues)
    store_setup(ctx, setup)
    return setup


def store_setup(ctx: Context, setup: CounterSetup) -> None:
    """In the caller's transaction; the first setup also gives the database its device id."""
    values = {f"{SETUP_KEY}.{name}": value for name, value in asdict(setup).items()}
    settings.save(ctx.db, options.stored_changes(settings.load(ctx.db), values))
    ctx.ensure_device_id()
