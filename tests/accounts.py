"""Accounts for tests: the `services` fixture's admin, and others to log in as."""

from __future__ import annotations

from desk_app.core.accounts import Account, Role
from desk_app.core.text import fold
from desk_app.services.app import Services

ADMIN_USERNAME = "hoa.nt"
ADMIN_NAME = "Nguyễn Thị Hoa"  # the clerk of the counter's slips before accounts existed
PASSWORD = "mat-khau-thu"  # every test account's


def login_as(services: Services, role: Role, name: str | None = None,
             username: str | None = None) -> Account:
    """Log in as the account named `name`, created with `role` by the fixture's admin if this
    counter does not have it yet."""
    name = name or f"{role.label} thử"
    existing = {a.full_name: a.username for a in services.login_choices()}
    if name in existing:
        return services.login(existing[name], PASSWORD)
    username = username or _username(role, name)
    services.login(ADMIN_USERNAME, PASSWORD)
    services.create_account(username, name, role, PASSWORD)
    return services.login(username, PASSWORD)


def _username(role: Role, name: str) -> str:
    return f"{role.value}.{'.'.join(fold(name).split())}"[:32]


def log_in_again(services: Services) -> Account:
    """As the fixture's admin, after something logged everyone out (a restore)."""
    return services.login(ADMIN_USERNAME, PASSWORD)
