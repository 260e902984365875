"""The catalogue's versions in the store, the province documents, and the upgrade of a
database from schema 6 (before versions)."""

import json
from dataclasses import replace
from datetime import datetime

import pytest
import sqlite_utils

from desk_app.core.catalogue import VersionSource
from desk_app.core.clock import VN_TZ
from desk_app.paths import resource
from desk_app.store import catalogue, dossiers
from desk_app.store.db import connect
from desk_app.store.migrations import MIGRATIONS, schema_version
from tests.store.factories import insert_received_dossier, make_dossier
from tests.store.test_migrations import DOSSIER_V1

AT = datetime(2026, 11, 24, 9, 0, tzinfo=VN_TZ)
LATER = datetime(2026, 12, 1, 9, 0, tzinfo=VN_TZ)


def province(version, *procedures):
    return {"version": version, "source": "UBND tỉnh", "procedures": list(procedures)}


def item(code, name, days=3, **more):
    return {"code": code, "name": name, "field": "Hộ tịch",
            "time": {"value": days, "unit": "working_days"}, **more}


@pytest.fixture
def db(tmp_path):
    database = connect(tmp_path / "desk.db")
    yield database
    database.close()


def test_a_province_catalogue_numbers_each_procedure_from_one(db):
    with db.atomic():
        assert catalogue.apply_province(db, province("1.0", item("A.1", "Một")), AT)
    [version] = catalogue.versions(db, "A.1")
    assert version.procedure.version == 1 and version.current
    assert version.source is VersionSource.PROVINCE and version.catalogue_version == "1.0"
    assert version.created_at == AT
    assert catalogue.procedure(db, "A.1").version == 1


def test_an_older_or_equal_province_catalogue_is_ignored(db):
    with db.atomic():
        catalogue.apply_province(db, province("2.0", item("A.1", "Một")), AT)
        assert not catalogue.apply_province(db, province("2.0", item("A.1", "Khác")), LATER)
        assert not catalogue.apply_province(db, province("1.9", item("A.1", "Khác")), LATER)
    assert catalogue.procedure(db, "A.1").name == "Một"


def test_a_changed_procedure_gets_a_new_version_and_an_unchanged_one_none(db):
    with db.atomic():
        catalogue.apply_province(db, province("1", item("A.1", "Một"), item("A.2", "Hai")), AT)
        catalogue.apply_province(
            db, province("2", item("A.1", "Một mới", days=5), item("A.2", "Hai")), LATER)
    assert [v.procedure.version for v in catalogue.versions(db, "A.1")] == [2, 1]
    assert catalogue.procedure(db, "A.1").name == "Một mới"
    assert catalogue.at_version(db, "A.1", 1).name == "Một"
    assert [v.procedure.version for v in catalogue.versions(db, "A.2")] == [1]


def test_the_override_keeps_the_communes_version_current(db):
    with db.atomic():
        catalogue.apply_province(db, province("1", item("A.1", "Một")), AT)
        local = catalogue.add_version(
            db, replace(catalogue.procedure(db, "A.1"), name="Một của xã"),
            VersionSource.LOCAL, "", AT, "Hoa", current=True)
        catalogue.offer(db, "A.1", local_override=True)
        catalogue.apply_province(db, province("2", item("A.1", "Một của tỉnh")), LATER)
    assert catalogue.procedure(db, "A.1") == local
    entry = catalogue.entry(db, "A.1")
    assert entry.local_override and entry.newer_province_version == 3
    assert catalogue.at_version(db, "A.1", 3).name == "Một của tỉnh"
    assert [v.current for v in catalogue.versions(db, "A.1")] == [False, True, False]


def test_a_procedure_the_province_drops_is_withdrawn_but_the_communes_own_stays(db):
    with db.atomic():
        catalogue.apply_province(db, province("1", item("A.1", "Một"), item("A.2", "Hai")), AT)
        catalogue.add_version(db, replace(catalogue.procedure(db, "A.1"), code="XA-1"),
                              VersionSource.LOCAL, "", AT, "Hoa", current=True)
        catalogue.apply_province(db, province("2", item("A.1", "Một")), LATER)
    assert [p.code for p in catalogue.all_procedures(db)] == ["A.1", "XA-1"]
    assert catalogue.procedure(db, "A.2") is None
    withdrawn = catalogue.procedure(db, "A.2", offered_only=False)
    assert withdrawn.name == "Hai"  # still there: dossiers point at it
    assert catalogue.entry(db, "A.2").withdrawn
    assert catalogue.entry(db, "XA-1").local_only
    with db.atomic():  # published again: offered again
        catalogue.apply_province(db, province("3", item("A.1", "Một"), item("A.2", "Hai")),
                                 LATER)
    assert not catalogue.entry(db, "A.2").withdrawn


def test_entries_are_searched_without_diacritics(db):
    with db.atomic():
        catalogue.apply_province(
            db, province("1", item("A.1", "Đăng ký khai sinh"), item("A.2", "Chứng thực")), AT)
    assert [e.procedure.code for e in catalogue.entries(db, "dang ky")] == ["A.1"]
    assert [e.procedure.code for e in catalogue.entries(db, "A.2")] == ["A.2"]
    assert len(catalogue.entries(db)) == 2


@pytest.mark.parametrize(("broken", "words"), [
    (item("A.1", "Một", days=-1), "thủ tục A.1: thời hạn giải quyết không được âm"),
    ({**item("A.1", "Một"), "fee": "mười nghìn"}, "thủ tục A.1: lệ phí phải là số nguyên"),
    ({**item("A.1", "Một"), "name": None}, "thủ tục A.1: thiếu tên thủ tục"),
    ({"name": "Không mã", "field": "x", "time": {"value": 1, "unit": "working_days"}},
     "thủ tục thứ 1: thiếu mã thủ tục"),
    ({**item("A.1", "Một"), "time": {"value": 1, "unit": "weeks"}},
     "thủ tục A.1: đơn vị thời hạn «weeks» không có"),
    ({**item("A.1", "Một"), "documents": [{"name": "Tờ khai", "copies": 1.5}]},
     "thủ tục A.1: số bản photo giấy tờ thứ 1 phải là số nguyên"),
])
def test_a_malformed_document_names_the_procedure_and_the_field(broken, words):
    with pytest.raises(catalogue.CatalogueError, match="không hợp lệ") as failure:
        catalogue.parse(province("1", broken))
    assert words in str(failure.value)


def test_a_document_round_trips_with_unit_and_version(db):
    with db.atomic():
        catalogue.apply_province(db, province("1", item(
            "A.1", "Một", unit="Công an xã",
            documents=[{"name": "Tờ khai", "mandatory": False, "copies": 2}])), AT)
    procedures = catalogue.all_procedures(db)
    version, parsed = catalogue.parse(json.loads(json.dumps(
        catalogue.document("1", "xuất", procedures))))
    assert version == "1"
    # The document's versions are not read back: the catalogue numbers its own.
    assert parsed == [replace(p, version=0) for p in procedures]
    assert parsed[0].unit == "Công an xã" and not parsed[0].documents[0].mandatory


def schema_6_database(path):
    """A database as schema 6 left it: the bundled catalogue loaded, one dossier received."""
    db = sqlite_utils.Database(path)
    for statements in MIGRATIONS[:6]:
        for step in statements:
            step(db) if callable(step) else db.execute(step)
    db.execute("PRAGMA user_version = 6")
    bundled = json.loads(resource("catalogue", "procedures.json").read_text("utf-8"))
    for p in bundled["procedures"]:
        db.execute(
            "INSERT INTO procedures (code, name, field, time_value, time_unit, fee, fee_note, "
            "documents, search_key, catalogue_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
            [p["code"], p["name"], p["field"], p["time"]["value"], p["time"]["unit"],
             p.get("fee", 0), p.get("fee_note", ""), json.dumps(p.get("documents", [])),
             bundled["version"]])
    db.execute("INSERT INTO catalogue_versions VALUES (?, 'tỉnh', '2026-11-01T08:00:00+07:00')",
               [bundled["version"]])
    db.execute(f"INSERT INTO dossiers ({', '.join(DOSSIER_V1)}) "
               f"VALUES ({', '.join('?' * len(DOSSIER_V1))})", list(DOSSIER_V1.values()))
    db.conn.commit()
    db.close()
    return bundled


def test_migration_7_makes_what_is_there_version_1(tmp_path):
    path = tmp_path / "desk.db"
    bundled = schema_6_database(path)
    db = connect(path)
    assert schema_version(db) == len(MIGRATIONS) >= 7
    assert dossiers.get(db, "d-1").procedure_version == 1
    codes = {p["code"] for p in bundled["procedures"]}
    assert {p.code for p in catalogue.all_procedures(db)} == codes
    [version] = catalogue.versions(db, "1.004194")
    assert version.current and version.procedure.version == 1
    assert version.source is VersionSource.PROVINCE
    assert version.catalogue_version == bundled["version"]
    assert version.created_at.isoformat() == "2026-11-01T08:00:00+07:00"
    assert version.procedure == catalogue.procedure(db, "1.004194")
    assert not catalogue.entry(db, "1.004194").local_override
    # A dossier received after the upgrade records its version.
    insert_received_dossier(db, replace(make_dossier("000.17.22.H56-261124-1002", 2),
                                        procedure_version=2))
    assert [r[0] for r in db.execute(
        "SELECT procedure_version FROM dossiers ORDER BY ledger_number")] == [1, 2]
    db.close()
