import json

import pytest

from desk_app.core.counter import CounterSetup
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.services.errors import ValidationFailed
from desk_app.store import catalogue
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD, log_in_again


def test_setup_is_validated_and_kept(tmp_path):
    services = Services(tmp_path)
    assert services.counter_setup() is None
    bad = CounterSetup("", "Bộ phận một cửa", "H56", 12, "Tân Lập", phone="số máy lẻ")
    with pytest.raises(ValidationFailed) as failure:
        services.first_run(bad, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    assert {i.field for i in failure.value.issues} == {"commune_name", "agency_code",
                                                       "counter_number", "phone"}
    assert not services.has_accounts()  # nothing of a refused first run is kept
    services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    device = services.device_id()
    services.close()
    reopened = Services(tmp_path)
    assert reopened.counter_setup() == DEMO_SETUP
    log_in_again(reopened)
    reopened.save_counter_setup(DEMO_SETUP)
    assert reopened.device_id() == device  # the device keeps its identity
    reopened.close()


def test_bundled_catalogue_is_loaded_with_the_design_procedures(tmp_path):
    services = Services(tmp_path)
    services.create_first_admin(ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    codes = {p.code for p in services.procedures()}
    assert {"1.001193", "1.000894", "1.000656", "1.004884", "2.000815", "2.000884",
            "1.004222", "1.004194", "1.001022", "1.004837", "2.000908"} <= codes
    birth = services.procedure("1.001193")
    assert birth.name == "Đăng ký khai sinh"
    assert any(d.mandatory for d in birth.documents)
    services.close()


def test_a_newer_catalogue_replaces_an_older_one_but_not_the_reverse(tmp_path):
    services = Services(tmp_path)
    base = catalogue.loaded_version(services.db)
    newer = {"version": "2999.1.1", "procedures": [
        {"code": "9.999999", "name": "Thủ tục thử", "field": "Thử",
         "time": {"value": 2, "unit": "working_days"}}]}
    with services.db.atomic():
        assert catalogue.apply_province(services.db, newer, services.now())
    services.create_first_admin(ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    assert [p.code for p in services.procedures()] == ["9.999999"]
    services.close()
    reopened = Services(tmp_path)  # the bundled, older catalogue must not win
    assert catalogue.loaded_version(reopened.db) == "2999.1.1"
    assert catalogue.is_newer("2999.1.1", base)
    assert not catalogue.is_newer("2026.9.1", "2026.11.1")
    reopened.close()


def test_malformed_catalogue_is_refused_with_a_message(tmp_path):
    services = Services(tmp_path)
    with pytest.raises(catalogue.CatalogueError, match="không hợp lệ"):
        catalogue.parse(json.loads('{"version": "1", "procedures": [{"code": "x"}]}'))
    services.close()
