"""The settings use cases: the upgrade of an older release's settings, saving every group at
once, and the settings taking effect on due times."""

import json
from dataclasses import replace
from datetime import date, datetime, time

import pytest

from desk_app.core import options
from desk_app.core.accounts import AccountPolicy, Role
from desk_app.core.calendar import LocalOverride, OverrideKind
from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import ProcessingUnit
from desk_app.core.options import PrinterChoice
from desk_app.services.app import DB_FILE, Services
from desk_app.services.errors import (
    NotLoggedIn,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from desk_app.store import settings
from desk_app.store.db import connect
from tests.accounts import ADMIN_USERNAME, PASSWORD, login_as

SAME_DAY = "1.001193"  # Đăng ký khai sinh
FIVE_DAYS = "1.004884"  # Đăng ký lại khai sinh

# The settings table as the release before accounts and this dialog wrote it, row by row.
VERSION_1_ROWS = {
    "counter_setup": {
        "commune_name": "UBND xã Tân Lập",
        "unit_name": "Trung tâm Phục vụ hành chính công xã Tân Lập",
        "agency_code": "000.17.22.H56",
        "counter_number": 3,
        "clerk_name": "Nguyễn Thị Hoa",
        "place_name": "Tân Lập",
    },
    "device_id": "3f1c2a4e-0b7d-4c55-9a57-1d2e3f405162",
    "language": "en",
    "processing_units": [
        {"name": "Công chức Tư pháp - Hộ tịch", "inter_agency": False},
        {"name": "Công an xã", "inter_agency": False},
        {"name": "Văn phòng đăng ký đất đai tỉnh", "inter_agency": True},
    ],
    "backups": {"every_hours": 6, "mirror": "E:\\SaoLuu"},
    "sync_end_of_day": "16:15",
}


def raw_settings(data_dir):
    db = connect(data_dir / DB_FILE)
    try:
        return {key: value for key, value in db.execute("SELECT key, value FROM settings")}
    finally:
        db.close()


@pytest.fixture
def version_1_data(tmp_path):
    data_dir = tmp_path / "data"
    db = connect(data_dir / DB_FILE)
    with db.atomic():
        for key, value in VERSION_1_ROWS.items():
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?)",
                       [key, json.dumps(value, ensure_ascii=False)])
    db.close()
    return data_dir


def test_settings_of_version_1_arrive_in_the_new_layout(version_1_data, clock):
    services = Services(version_1_data, clock=clock)
    try:
        stored = settings.load(services.db)
        assert stored[options.VERSION_KEY] == options.SETTINGS_VERSION
        assert "clerk_name" not in stored["counter_setup"]
        assert services.suggested_admin_name() == "Nguyễn Thị Hoa"
        assert services.language() == "en"
        assert services.device_id() == VERSION_1_ROWS["device_id"]
        services.create_first_admin(ADMIN_USERNAME, "Nguyễn Thị Hoa", PASSWORD)

        form = services.settings_view().form
        values = form.values
        assert options.group(values, "counter_setup") == {
            **{k: v for k, v in VERSION_1_ROWS["counter_setup"].items() if k != "clerk_name"},
            "agency_code_since": None, "earlier_agency_codes": (),  # one code from the start
            "phone": "",  # not asked before: none printed
        }
        assert values["language"] == "en"
        assert values["backups.every_hours"] == 6
        assert values["backups.mirror"] == "E:\\SaoLuu"
        assert values["sync_end_of_day"] == time(16, 15)
        assert [u.name for u in form.units] == [
            u["name"] for u in VERSION_1_ROWS["processing_units"]]
        assert form.units[2].inter_agency
        assert services.counter_setup().counter_number == 3
        assert services.backup_settings().every_hours == 6
        # Never stored before: the defaults.
        assert values["working_hours.same_day_cutoff"] == time(15, 0)
        assert values["printers.receipt"] == PrinterChoice()
    finally:
        services.close()


def test_a_second_open_changes_nothing(version_1_data, clock):
    Services(version_1_data, clock=clock).close()
    upgraded = raw_settings(version_1_data)
    Services(version_1_data, clock=clock).close()
    assert raw_settings(version_1_data) == upgraded
    assert json.loads(upgraded[options.VERSION_KEY]) == options.SETTINGS_VERSION


def test_a_restored_older_backup_is_upgraded_on_reopen(services):
    services.db.execute("DELETE FROM settings WHERE key = ?", [options.VERSION_KEY])
    settings.save(services.db, {"counter_setup": {**VERSION_1_ROWS["counter_setup"]}})
    services.reopen()
    stored = settings.load(services.db)
    assert stored[options.VERSION_KEY] == options.SETTINGS_VERSION
    assert "clerk_name" not in stored["counter_setup"]


def edited(form, **values):
    return replace(form, values={**form.values, **values})


def test_every_group_is_saved_together(services):
    form = services.settings_view().form
    new = replace(
        edited(form, **{
            "counter_setup.place_name": "  Xã  Tân Lập ",
            "working_hours.morning_start": time(7, 30),
            "printers.ledger": PrinterChoice("Canon LBP2900", "A4"),
            "sync_end_of_day": time(16, 0),
            "backups.every_hours": 2,
            "language": "en",
        }),
        overrides=(LocalOverride(date(2026, 12, 1), OverrideKind.DAY_OFF, " Lễ hội  làng "),),
        units=(ProcessingUnit("Công an xã", False),),
        account_policy=AccountPolicy(idle_lock_minutes=5, leader_approves=True),
    )
    saved = services.save_settings(new).form
    assert saved.values["counter_setup.place_name"] == "Xã Tân Lập"
    assert saved.values["working_hours.morning_start"] == time(7, 30)
    assert saved.values["printers.ledger"] == PrinterChoice("Canon LBP2900", "A4")
    assert saved.overrides == (LocalOverride(date(2026, 12, 1), OverrideKind.DAY_OFF,
                                             "Lễ hội làng"),)
    assert saved.units == (ProcessingUnit("Công an xã", False),)
    assert saved.account_policy == AccountPolicy(5, True)
    assert services.counter_setup().place_name == "Xã Tân Lập"
    assert services.language() == "en"
    assert services.backup_settings().every_hours == 2
    assert services.printer_choice("ledger") == PrinterChoice("Canon LBP2900", "A4")
    assert services.settings_view().form == saved


def test_a_dialog_opened_before_another_save_cannot_undo_it(services):
    opened = services.settings_view().form  # one admin's dialog, left open behind the lock
    services.save_settings(edited(opened, **{"backups.every_hours": 2}), opened_from=opened)

    stale = edited(opened, **{"counter_setup.place_name": "Tân Lập mới"})
    with pytest.raises(ServiceError, match="mở lại Cài đặt"):
        services.save_settings(stale, opened_from=opened)
    assert services.backup_settings().every_hours == 2
    assert services.counter_setup().place_name != "Tân Lập mới"


def test_invalid_values_are_named_and_nothing_is_saved(services):
    before = services.settings_view()
    bad = replace(
        edited(before.form, **{
            "counter_setup.agency_code": "H56",
            "working_hours.afternoon_end": time(12, 0),
            "backups.every_hours": 0,
            "counter_setup.place_name": "Tân Lập mới",
        }),
        units=(ProcessingUnit("Công an xã", False), ProcessingUnit("công an xã", False)),
        overrides=(LocalOverride(date(2026, 12, 1), OverrideKind.DAY_OFF),
                   LocalOverride(date(2026, 12, 1), OverrideKind.WORKING_DAY)),
        account_policy=AccountPolicy(idle_lock_minutes=-1),
    )
    with pytest.raises(ValidationFailed) as failed:
        services.save_settings(bad)
    assert {i.field for i in failed.value.errors} == {
        "counter_setup.agency_code", "working_hours.afternoon_end", "backups.every_hours",
        "units", "overrides", "idle_lock_minutes"}
    assert services.settings_view() == before


def test_working_hours_change_the_next_due_time(services, clock):
    # Friday 16:55 is past the 15:00 cut-off: a same-day dossier is due on Monday.
    assert services.due_if_received_now(SAME_DAY) == datetime(2026, 11, 23, 17, 0, tzinfo=VN_TZ)
    form = services.settings_view().form
    services.save_settings(edited(form, **{
        "working_hours.afternoon_end": time(17, 30),
        "working_hours.same_day_cutoff": time(17, 0),
    }))
    assert services.due_if_received_now(SAME_DAY) == datetime(2026, 11, 20, 17, 30, tzinfo=VN_TZ)


def test_a_local_day_off_moves_the_due_date(services):
    before = services.due_if_received_now(FIVE_DAYS)
    # Monday 23, Wednesday 25 to Friday 27 (24/11 is the Day of Vietnamese Culture), Monday 30.
    assert before.date() == date(2026, 11, 30)
    form = services.settings_view().form
    services.save_settings(replace(form, overrides=(
        LocalOverride(date(2026, 11, 25), OverrideKind.DAY_OFF, "Bầu cử bổ sung"),)))
    assert services.due_if_received_now(FIVE_DAYS).date() == date(2026, 12, 1)
    services.save_settings(replace(form, overrides=()))
    assert services.due_if_received_now(FIVE_DAYS) == before


def test_a_clerk_cannot_see_or_save_settings(services):
    form = services.settings_view().form
    login_as(services, Role.CLERK)
    with pytest.raises(PermissionDenied):
        services.save_settings(edited(form, language="en"))
    with pytest.raises(PermissionDenied):
        services.settings_view()
    services.logout()
    with pytest.raises(NotLoggedIn):
        services.save_settings(form)
    assert services.language() == "vi"


def test_printers_and_language_are_read_before_login(services):
    form = services.settings_view().form
    services.save_settings(edited(form, **{"printers.receipt": PrinterChoice("HP", "A5")}))
    services.logout()
    assert services.printer_choice("receipt") == PrinterChoice("HP", "A5")
    assert services.printer_choice("end_of_day") == PrinterChoice()
    assert services.language() == "vi"
    with pytest.raises(ValueError):
        services.printer_choice("poster")


def test_the_language_menu_sets_a_listed_language_and_needs_the_settings_permission(services):
    services.set_language("en")
    assert services.language() == "en"
    with pytest.raises(ValidationFailed, match="ngôn ngữ") as refused:
        services.set_language("xx-garbage")
    assert [i.field for i in refused.value.issues] == ["language"]
    assert services.language() == "en"
    # The counter's language is everyone's: a clerk may not change it.
    login_as(services, Role.CLERK)
    with pytest.raises(PermissionDenied, match="cài đặt"):
        services.set_language("vi")
    assert services.language() == "en"


def test_a_language_stored_by_hand_outside_the_list_reads_as_the_default(services):
    with services.db.atomic():
        settings.save(services.db, {"language": "xx-garbage"})
    assert services.language() == "vi"


def test_a_refused_save_leaves_the_policy_in_force_as_stored(services):
    """The policy group is saved by its own use case inside the refused save: the undone
    transaction must take its cached copy with it, or clerks would act under a policy nobody
    saved."""
    before = services.settings_view().form
    allowed = services.permissions()
    heard = []
    services.on_change(heard.append)
    bad = replace(edited(before, **{"working_hours.afternoon_end": time(12, 0)}),
                  account_policy=AccountPolicy(idle_lock_minutes=5, leader_approves=True))
    with pytest.raises(ValidationFailed):
        services.save_settings(bad)
    assert services.account_policy() == before.account_policy
    assert services.permissions() == allowed
    assert services.settings_view().form == before
    assert heard == []  # nothing was saved, so nothing to reload


def test_a_save_of_every_group_is_announced_once(services):
    heard = []
    services.on_change(heard.append)
    form = services.settings_view().form
    services.save_settings(replace(form, account_policy=AccountPolicy(idle_lock_minutes=5)))
    assert len(heard) == 1 and heard[0].touches("settings")
