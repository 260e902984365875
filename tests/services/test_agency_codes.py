"""A merged commune's new agency code (Decision 09/2025/QĐ-TTg): set by the admin with the day it
takes effect, or sent by the province; dossiers get the code in force on the day received."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desk_app.core.codes import DatedAgencyCode
from desk_app.services import province_events
from desk_app.services.errors import ValidationFailed
from desk_app.store import sync_state
from tests.services.factories import full_draft

OLD, NEW = "000.17.22.H56", "000.00.31.H56"
MONDAY = date(2026, 11, 23)  # the fixture's clock is on Friday 20/11/2026


def receive(services):
    return services.receive(full_draft(services), accept_warnings=True).code


def with_new_code(services, code, since):
    form = services.settings_view().form
    return services.save_settings(replace(form, values={
        **form.values, "counter_setup.agency_code": code,
        "counter_setup.agency_code_since": since}), opened_from=form)


def test_a_new_code_starts_on_its_day_and_earlier_codes_keep_their_prefix(services, clock):
    before = receive(services)
    saved = with_new_code(services, f" {NEW.lower()} ", MONDAY)
    assert saved.form.values["counter_setup.earlier_agency_codes"] == (
        DatedAgencyCode(OLD, None),)
    assert services.counter_setup().agency_code == NEW
    friday = receive(services)  # still Friday: the old code is in force
    clock.now += timedelta(days=3)
    monday = receive(services)
    assert before == f"{OLD}-261120-1001" and friday == f"{OLD}-261120-1002"
    assert monday == f"{NEW}-261123-1001"
    assert services.dossier_rows(before)[0].code == before  # nothing rewritten


def test_a_new_code_before_the_last_ones_day_is_refused_beside_the_day(services):
    with_new_code(services, NEW, MONDAY)
    with pytest.raises(ValidationFailed) as failed:
        with_new_code(services, "000.00.40.H56", MONDAY - timedelta(days=10))
    assert [i.field for i in failed.value.issues] == ["counter_setup.agency_code_since"]
    assert services.counter_setup().agency_code == NEW


def test_saving_other_settings_leaves_the_codes_alone(services):
    form = services.settings_view().form
    saved = services.save_settings(replace(form, values={
        **form.values, "counter_setup.place_name": "Tân Lập"}))
    assert saved.form.values["counter_setup.earlier_agency_codes"] == ()
    assert saved.form.values["counter_setup.agency_code_since"] is None


def pull(services, *changes):
    cursor = sync_state.load(services.db).pull_cursor
    province_events.apply_page(services.ctx, list(changes), cursor + len(changes))


def test_the_province_sends_a_new_code_and_a_second_pull_changes_nothing(services, clock):
    change = {"seq": 1, "type": "agency_code", "data": {"code": NEW, "since": "2026-11-23"}}
    pull(services, change)
    pull(services, {**change, "seq": 2})
    values = services.settings_view().form.values
    assert values["counter_setup.earlier_agency_codes"] == (DatedAgencyCode(OLD, None),)
    assert (values["counter_setup.agency_code"],
            values["counter_setup.agency_code_since"]) == (NEW, MONDAY)
    assert sync_state.problems(services.db) == []
    clock.now += timedelta(days=3)
    assert receive(services) == f"{NEW}-261123-1001"


def test_a_malformed_code_from_the_province_is_a_problem_not_a_setting(services):
    pull(services, {"seq": 1, "type": "agency_code",
                    "data": {"code": "H56", "since": "2026-11-23"}})
    assert services.counter_setup().agency_code == OLD
    [problem] = sync_state.problems(services.db)
    assert "không đúng dạng" in problem.message
