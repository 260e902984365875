"""`province-hub`: the administrators' commands (through main(argv)) and `serve` as a process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from sync import protocol
from sync.server.cli import main
from tests.sync.samples import received_event

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "procedures.json"


@pytest.fixture
def hub(hub_db_url, capsys):
    """Run `province-hub ARGS --db <test database>`: (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        status = main([*args, "--db", hub_db_url])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_a_province_sets_up_communes_and_codes(hub, hub_client):
    assert hub("commune", "create", "--name", "Xã  Tân Lập", "--agency-code", "000.17.22.h56") == (
        0, "commune 1\n", "")
    assert hub("commune", "list") == (0, "1\t000.17.22.H56\tXã Tân Lập\n", "")

    status, code, _ = hub("enroll-code", "--commune", "1", "--expires-hours", "2")

    assert status == 0
    enrolled = hub_client.post(f"{protocol.API_PREFIX}/enroll",
                               json={"code": code.strip(), "device_name": "Quầy 2"})
    assert enrolled.status_code == 200


def test_admin_mistakes_exit_1_with_the_reason(hub):
    hub("commune", "create", "--name", "Xã Tân Lập", "--agency-code", "000.17.22.H56")
    cases = [
        (("commune", "create", "--name", "Xã Khác", "--agency-code", "000.17.22.H56"),
         "already belongs to commune 1"),
        (("commune", "create", "--name", "Xã Khác", "--agency-code", "H56 ?"), "not of the form"),
        (("enroll-code", "--commune", "9"), "no commune with id 9"),
        (("device", "revoke", "9"), "no device with id 9"),
        (("event", "add", "--dossier", "nothing", "--kind", "result_ready"), "has reached the hub"),
        (("catalogue", "publish", "/nonexistent.json"), "cannot read"),
    ]
    for args, reason in cases:
        status, out, err = hub(*args)
        assert (status, out) == (1, ""), args
        assert err.startswith("province-hub: ") and reason in err, err


def test_devices_are_listed_with_their_sync_state_and_can_be_revoked(hub, hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune("Xã Tân Lập", "000.17.22.H56"), "Quầy 1")
    hub_client.post(f"{protocol.API_PREFIX}/events",
                    json={"events": [received_event(code="000.17.22.H56-261124-1001"),
                                     received_event(code="000.17.22.H56-261124-1002")],
                          "backlog": 40},
                    headers=device.headers)

    status, out, _ = hub("device", "list")

    assert status == 0
    header, row = out.splitlines()
    assert header.split() == ["id", "commune", "name", "last", "push", "last", "pull", "backlog",
                              "events", "clock", "skew", "s", "revoked", "forked"]
    assert row.startswith("1   Xã Tân Lập  Quầy 1  20")
    assert row.split()[-3:-1] == ["40", "2"]
    assert "never" in row  # never pulled

    status, out, _ = hub("device", "revoke", "1")
    assert status == 0 and out.startswith("device 1 revoked at ")
    assert hub_client.get(f"{protocol.API_PREFIX}/changes", headers=device.headers).status_code == 401
    assert hub("device", "list")[1].splitlines()[1].rstrip().endswith("+07:00")


def test_publishing_the_catalogue_and_the_calendar(hub, hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    assert hub("catalogue", "publish", str(CATALOGUE)) == (0, "catalogue 2026.11.1 published\n", "")
    assert hub("catalogue", "publish", str(CATALOGUE))[1] == (
        "catalogue 2026.11.1 was already published\n")
    assert hub("calendar", "set", "--day", "2027-02-13", "--kind", "work", "--note", "Làm bù")[0] == 0
    assert hub("calendar", "set", "--day", "2027-02-15", "--kind", "off")[0] == 0
    assert hub("calendar", "list") == (0, "2027-02-13\twork\tLàm bù\n2027-02-15\toff\t\n", "")

    pulled = hub_client.get(f"{protocol.API_PREFIX}/changes", headers=device.headers).json()

    assert [c["type"] for c in pulled["changes"]] == ["catalogue", "calendar", "calendar"]
    assert pulled["changes"][0]["data"] == json.loads(CATALOGUE.read_text(encoding="utf-8"))


def test_a_province_event_goes_down_to_the_dossiers_commune(hub, hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    received = received_event(code="000.01.22.H56-261124-1001")
    hub_client.post(f"{protocol.API_PREFIX}/events", json={"events": [received]},
                    headers=device.headers)

    status, out, _ = hub("event", "add", "--dossier", "000.01.22.H56-261124-1001",
                         "--kind", "result_ready", "--note", "Đã ký")

    assert status == 0
    assert out.endswith("result_ready for dossier 000.01.22.H56-261124-1001\n")
    change = hub_client.get(f"{protocol.API_PREFIX}/changes",
                            headers=device.headers).json()["changes"][0]
    assert change["type"] == "event"
    assert change["data"]["uuid"] == out.split()[1]
    assert change["data"]["payload"]["note"] == "Đã ký"


def test_upgrade_is_repeatable(hub):
    assert hub("upgrade") == (0, "schema is up to date\n", "")
    assert hub("upgrade") == (0, "schema is up to date\n", "")


def test_serve_starts_a_healthy_hub(hub_process_factory):
    process = hub_process_factory()

    health = requests.get(f"{process.url}{protocol.API_PREFIX}/health", timeout=10)
    docs = requests.get(f"{process.url}{protocol.API_PREFIX}/openapi.json", timeout=10)

    assert health.json() == {"status": "ok", "protocol": protocol.PROTOCOL_VERSION}
    assert set(docs.json()["paths"]) >= {f"{protocol.API_PREFIX}/{p}" for p in
                                         ("health", "time", "enroll", "events", "changes")}


def test_serve_comes_back_after_being_killed(hub_process_factory, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    process = hub_process_factory()
    event = received_event()
    url = f"{process.url}{protocol.API_PREFIX}/events"
    assert requests.post(url, json={"events": [event]}, headers=device.headers,
                         timeout=10).status_code == 200

    process.kill()
    process.start()

    again = requests.post(url, json={"events": [event]}, headers=device.headers, timeout=10)
    assert again.json()["results"][0]["result"] == "duplicate"


def test_a_communes_new_agency_code_goes_down_to_its_counters_only(hub, hub_client, hub_admin):
    merged, other = hub_admin.commune(), hub_admin.commune()
    device = hub_admin.enroll(merged)
    neighbour = hub_admin.enroll(other)
    assert hub("commune", "set-code", "--commune", str(merged), "--code", "000.00.31.h56",
               "--since", "2027-01-01") == (
        0, f"commune {merged} uses 000.00.31.H56 from 2027-01-01\n", "")
    status, _, error = hub("commune", "set-code", "--commune", str(other), "--code",
                           "000.00.31.H56", "--since", "2027-01-01")
    assert status == 1 and "already belongs" in error
    assert hub("commune", "set-code", "--commune", str(merged), "--code", "H56-X",
               "--since", "2027-01-01")[0] == 1

    pulled = hub_client.get(f"{protocol.API_PREFIX}/changes", headers=device.headers).json()
    assert [(c["type"], c["data"]) for c in pulled["changes"]] == [
        ("agency_code", {"code": "000.00.31.H56", "since": "2027-01-01"})]
    assert hub_client.get(f"{protocol.API_PREFIX}/changes",
                          headers=neighbour.headers).json()["changes"] == []
    assert f"{merged}\t000.00.31.H56\t" in hub("commune", "list")[1]


FORM_SET = {
    "name": "2027",
    "effective_from": "2027-07-01",
    "regulation": "Ban hành kèm theo Thông tư số 09/2027/TT-VPCP",
    "sources": ["Thông tư số 09/2027/TT-VPCP (thử)"],
    "forms": {"receipt": {"number": "Mẫu số 01", "title": "GIẤY TIẾP NHẬN HỒ SƠ"}},
}


def test_publishing_a_set_of_forms(hub, hub_client, hub_admin, tmp_path):
    device = hub_admin.enroll(hub_admin.commune())
    good, undated = tmp_path / "set.json", tmp_path / "undated.json"
    good.write_text(json.dumps(FORM_SET, ensure_ascii=False), encoding="utf-8")
    undated.write_text(json.dumps({**FORM_SET, "effective_from": "soon"}), encoding="utf-8")

    assert hub("forms", "publish", str(good)) == (0, "form set 2027 published\n", "")
    status, out, err = hub("forms", "publish", str(undated))
    assert (status, out) == (1, "") and "not a form set" in err

    change = hub_client.get(f"{protocol.API_PREFIX}/changes",
                            headers=device.headers).json()["changes"]
    assert [(c["type"], c["data"]) for c in change] == [("form_set", FORM_SET)]


@pytest.mark.parametrize("args", [
    ("enroll-code", "--commune", "1", "--expires-hours", "nan"),
    ("enroll-code", "--commune", "1", "--expires-hours", "inf"),
    ("enroll-code", "--commune", "1", "--expires-hours", "1e12"),
    ("enroll-code", "--commune", "1", "--expires-hours", "-1"),
    ("enroll-code", "--commune", "1", "--expires-hours", "soon"),
    ("enroll-code", "--commune", "99999999999999999999"),
    ("enroll-code", "--commune", "0"),
    ("device", "revoke", "99999999999999999999"),
    ("device", "list", "--commune", "-1"),
    ("commune", "set-code", "--commune", "1", "--code", "000.00.31.H56", "--since", "31/12"),
    ("commune", "set-code", "--commune", "1e3", "--code", "000.00.31.H56", "--since", "2027-01-01"),
    ("commune", "create", "--name", "Xã\x00Khác", "--agency-code", "000.18.22.H56"),
    ("commune", "create", "--name", "Xã Khác", "--agency-code", "0" * 41),
    ("calendar", "set", "--day", "2027-02-30", "--kind", "off"),
    ("calendar", "set", "--day", "2027-02-13", "--kind", "holiday"),
    ("calendar", "set", "--day", "2027-02-13", "--kind", "off", "--note", "x\x1b[2J"),
    ("event", "add", "--dossier", "x" * 101, "--kind", "result_ready"),
    ("event", "add", "--dossier", "x", "--kind", "result_ready", "--clerk", "a\nb"),
    ("serve", "--port", "99999"),
    ("serve", "--port", "http"),
    ("serve", "--workers", "0"),
    ("serve", "--ssl-certfile", "/nonexistent.pem"),
    ("serve", "--ssl-certfile", __file__),
    ("serve", "--log-level", "loud"),
    ("forms", "publish", "/nonexistent.json"),
    ("frobnicate",),
    ("commune",),
])
def test_every_bad_option_is_answered_in_one_line(hub, args):
    hub("commune", "create", "--name", "Xã Tân Lập", "--agency-code", "000.17.22.H56")
    status, out, err = hub(*args)
    assert status in (1, 2) and out == "", (args, out)
    assert len(err.splitlines()) == 1 and err.startswith("province-hub"), err


@pytest.mark.parametrize("db", ["postgresql://hub:wrong@127.0.0.1:1/nothing",
                                "sqlite:////nonexistent/folder/hub.db", "nosuchdriver://x/y"])
def test_a_database_that_cannot_be_used_is_answered_in_one_line(db, capsys, tmp_path):
    assert main(["commune", "list", "--db", db]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("province-hub: "), err
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("not a database " * 100)
    assert main(["commune", "list", "--db", str(not_a_database)]) == 1
    assert len(capsys.readouterr().err.splitlines()) == 1
