"""The typed settings: each option's checks, reading stored values, and each upgrade."""

import json
from datetime import time

import pytest

from desk_app.core import options
from desk_app.core.options import BY_NAME, PrinterChoice, parse_clock
from desk_app.core.slips import SlipKind


def problem(name, value):
    option = BY_NAME[name]
    return option.problem(option.normalise(value))


def fields(values):
    return [issue.field for issue in options.issues(values)]


def test_every_default_is_valid_but_the_counter_names_which_must_be_typed():
    assert fields(options.defaults()) == [
        "counter_setup.commune_name", "counter_setup.unit_name", "counter_setup.agency_code",
        "counter_setup.place_name"]


@pytest.mark.parametrize("name", [
    "counter_setup.commune_name", "counter_setup.unit_name", "counter_setup.place_name",
    "counter_setup.agency_code",
])
def test_required_texts_say_what_to_type(name):
    assert problem(name, "   ")
    assert BY_NAME[name].normalise("  Ta\u0302\u0301n  Lập ") in ("Tấn Lập", "TẤN LẬP")


def test_agency_code_is_upper_cased_and_checked():
    assert BY_NAME["counter_setup.agency_code"].normalise(" 000.17.22.h56 ") == "000.17.22.H56"
    assert problem("counter_setup.agency_code", "000.17.22.h56") is None
    assert "000.17.22.H56" in problem("counter_setup.agency_code", "H56-17")


def test_the_office_phone_is_optional_and_checked_like_a_phone():
    assert problem("counter_setup.phone", "  ") is None
    assert problem("counter_setup.phone", "0210 3856 123") is None
    assert problem("counter_setup.phone", "tổng đài")
    assert options.defaults()["counter_setup.phone"] == ""


def test_texts_have_a_length_limit():
    assert "200" in problem("counter_setup.unit_name", "x" * 201)
    assert problem("counter_setup.unit_name", "x" * 200) is None


@pytest.mark.parametrize("number, ok", [(0, False), (1, True), (9, True), (10, False),
                                        (True, False)])
def test_counter_number_is_one_digit(number, ok):
    assert (problem("counter_setup.counter_number", number) is None) is ok


@pytest.mark.parametrize("hours, ok", [(0, False), (1, True), (168, True), (169, False)])
def test_backup_interval(hours, ok):
    assert (problem("backups.every_hours", hours) is None) is ok


@pytest.mark.parametrize("folder, ok", [
    ("", True), ("E:\\", True), ("D:\\SaoLuu", True), ("/media/usb", True),
    ("SaoLuu", False), ("..\\x", False),
])
def test_mirror_folder_must_be_a_full_path(folder, ok):
    assert (problem("backups.mirror", folder) is None) is ok


def test_language_is_one_of_the_interfaces():
    assert problem("language", "en") is None
    assert problem("language", "fr")


def test_printer_paper_must_be_known():
    name = options.printer_option_name("receipt")
    assert problem(name, PrinterChoice(" HP LaserJet ", "A4")) is None
    assert BY_NAME[name].normalise(PrinterChoice(" HP LaserJet ", "A4")).printer == "HP LaserJet"
    assert problem(name, PrinterChoice("", "Letter"))


def test_times_parse_the_ways_clerks_type_them():
    assert parse_clock("7:30") == time(7, 30)
    assert parse_clock("07h30") == time(7, 30)
    with pytest.raises(ValueError):
        parse_clock("7 giờ")
    assert problem("working_hours.morning_start", time(7, 30, 15))


def hours(**changes):
    values = {k: v for k, v in options.defaults().items() if k.startswith("working_hours.")}
    values.update({f"working_hours.{k}": v for k, v in changes.items()})
    return values


def test_working_hours_must_make_a_day():
    assert fields(hours(morning_end=time(6, 0))) == ["working_hours.morning_end"]
    assert fields(hours(afternoon_start=time(11, 0))) == ["working_hours.afternoon_start"]
    assert fields(hours(afternoon_end=time(13, 0))) == ["working_hours.afternoon_end"]
    assert fields(hours(same_day_cutoff=time(12, 0))) == ["working_hours.same_day_cutoff"]
    assert fields(hours(same_day_cutoff=time(11, 30), morning_end=time(11, 30))) == []


def test_reading_falls_back_to_defaults_for_missing_or_broken_values():
    stored = {
        "counter_setup": {"commune_name": "UBND xã Tân Lập", "counter_number": "3"},
        "working_hours": {"morning_start": "7:15", "afternoon_end": 1700},
        "printers": {"receipt": {"printer": "HP", "paper": "A5"}, "ledger": {"paper": "B5"}},
        "language": "fr",
        "sync_end_of_day": "16:00",
    }
    values = options.read(stored)
    assert values["counter_setup.commune_name"] == "UBND xã Tân Lập"
    assert values["counter_setup.counter_number"] == 1
    assert values["working_hours.morning_start"] == time(7, 15)
    assert values["working_hours.afternoon_end"] == time(17, 0)
    assert values["printers.receipt"] == PrinterChoice("HP", "A5")
    assert values["printers.ledger"] == PrinterChoice()
    assert values["language"] == "vi"
    assert values["sync_end_of_day"] == time(16, 0)


def test_stored_changes_keep_the_other_fields_of_a_key():
    values = options.defaults()
    values["working_hours.morning_start"] = time(7, 30)
    changes = options.stored_changes({"counter_setup": {"future_field": 1}}, values)
    assert changes["counter_setup"]["future_field"] == 1
    assert changes["working_hours"]["morning_start"] == "07:30"
    assert changes["printers"]["refusal"] == {"printer": "", "paper": ""}
    assert changes["sync_end_of_day"] == "16:45"
    assert options.read(changes) == values


def test_every_slip_has_a_printer_setting():
    assert set(SlipKind) <= set(options.PRINTED_KINDS)


VERSION_1 = {
    "counter_setup": {
        "commune_name": "UBND xã Tân Lập", "unit_name": "Bộ phận Một cửa",
        "agency_code": "000.17.22.H56", "counter_number": 2,
        "clerk_name": " Nguyễn  Thị Lan ", "place_name": "Tân Lập",
    },
    "device_id": "d-1",
    "language": "en",
}


def test_upgrade_to_2_moves_the_clerk_name_aside():
    upgraded = options.upgrade_to_2(VERSION_1)
    assert "clerk_name" not in upgraded["counter_setup"]
    assert upgraded["counter_setup"]["agency_code"] == "000.17.22.H56"
    assert upgraded["legacy_clerk_name"] == "Nguyễn Thị Lan"
    assert upgraded["language"] == "en"
    assert "clerk_name" in VERSION_1["counter_setup"]  # the input is left alone


def test_upgrade_to_2_without_a_clerk():
    assert options.upgrade_to_2({"language": "vi"}) == {"language": "vi"}
    blank = {"counter_setup": {**VERSION_1["counter_setup"], "clerk_name": " "}}
    assert "legacy_clerk_name" not in options.upgrade_to_2(blank)


def test_upgrade_runs_every_step_once_and_records_the_version():
    upgraded = options.upgrade(VERSION_1)
    assert upgraded[options.VERSION_KEY] == options.SETTINGS_VERSION
    assert options.upgrade(upgraded) == upgraded
    assert options.upgrade({}) == {options.VERSION_KEY: options.SETTINGS_VERSION}


def test_settings_from_a_newer_release_are_left_alone():
    newer = {options.VERSION_KEY: options.SETTINGS_VERSION + 1, "counter_setup": {"x": 1}}
    assert options.upgrade(newer) == newer


# --- Dated agency codes ------------------------------------------------------------------------

from datetime import date  # noqa: E402

from desk_app.core.codes import DatedAgencyCode, agency_code_on  # noqa: E402

OLD, NEW = "000.17.22.H56", "000.00.31.H56"
MERGED = date(2026, 7, 1)


def test_a_counter_set_up_before_has_one_code_from_the_start():
    values = options.read({"counter_setup": {"agency_code": OLD}})
    assert values["counter_setup.agency_code_since"] is None
    assert options.dated_agency_codes(values) == (DatedAgencyCode(OLD, None),)


def test_a_new_code_keeps_the_one_it_replaces_for_the_days_before():
    values = options.read({"counter_setup": {"agency_code": OLD}})
    changed = options.with_new_agency_code(values, NEW, MERGED)
    assert options.issues(changed) == []
    codes = options.dated_agency_codes({**values, **changed})
    assert codes == (DatedAgencyCode(OLD, None), DatedAgencyCode(NEW, MERGED))
    assert agency_code_on(codes, date(2026, 6, 30)) == OLD
    assert agency_code_on(codes, MERGED) == NEW
    # Stored and read back as it was written.
    stored = options.stored_changes({}, changed)
    assert stored["counter_setup"]["earlier_agency_codes"] == [{"code": OLD, "since": None}]
    assert stored["counter_setup"]["agency_code_since"] == "2026-07-01"
    back = options.read(json.loads(json.dumps(stored)))
    assert {name: back[name] for name in changed} == changed


def test_a_new_code_needs_a_day_after_the_one_before():
    values = options.read({"counter_setup": {"agency_code": OLD}})
    once = {**values, **options.with_new_agency_code(values, NEW, MERGED)}
    again = options.with_new_agency_code(once, "000.00.40.H56", date(2026, 6, 1))
    [issue] = options.issues(again)
    assert issue.field == "counter_setup.agency_code_since"
    assert "01/07/2026" in issue.message
    undated = options.with_new_agency_code(values, NEW, None)
    assert [i.field for i in options.issues(undated)] == ["counter_setup.agency_code_since"]


def test_the_same_code_again_only_moves_its_day():
    values = options.read({"counter_setup": {"agency_code": OLD}})
    once = {**values, **options.with_new_agency_code(values, NEW, MERGED)}
    moved = options.with_new_agency_code(once, NEW, date(2026, 8, 1))
    assert moved["counter_setup.earlier_agency_codes"] == (DatedAgencyCode(OLD, None),)


@pytest.mark.parametrize("stored", [
    "000.17.22.H56", [{"code": 5}], [{"code": OLD, "since": "01/07/2026"}], [["x"]]])
def test_unreadable_dated_codes_read_as_none(stored):
    values = options.read({"counter_setup": {"agency_code": OLD,
                                             "earlier_agency_codes": stored}})
    assert values["counter_setup.earlier_agency_codes"] == ()


def test_a_code_is_in_force_from_its_day():
    codes = (DatedAgencyCode("A", None), DatedAgencyCode("C", date(2026, 9, 1)),
             DatedAgencyCode("B", date(2026, 7, 1)))
    assert [agency_code_on(codes, day) for day in (
        date(2026, 1, 1), date(2026, 7, 1), date(2026, 8, 31), date(2027, 1, 1))] == [
        "A", "B", "B", "C"]
    # A counter whose only code has a start day uses it for earlier days too.
    assert agency_code_on((DatedAgencyCode("B", date(2026, 7, 1)),), date(2026, 1, 1)) == "B"


def test_only_the_leader_corrects_is_off_until_set_and_needs_no_upgrade():
    """Settings stored before the option existed read its default; an unreadable value too."""
    assert options.read({})["corrections.leader_only"] is False
    assert options.read({"corrections": {"leader_only": True}})["corrections.leader_only"] is True
    assert options.read({"corrections": {"leader_only": "có"}})["corrections.leader_only"] is False
    assert options.stored_changes({}, {"corrections.leader_only": True}) == {
        "corrections": {"leader_only": True}}
