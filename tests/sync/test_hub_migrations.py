"""Schema migrations: an empty database upgrades to head, and head is exactly tables.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, select

from sync.protocol import canonical_json
from sync.server import database, tables
from tests.sync.samples import next_event, received_event

T = TypeVar("T")


def test_an_empty_database_upgrades_to_the_schema_the_code_uses(hub_db_url):
    engine = database.open_engine(hub_db_url)
    try:
        assert inspect(engine).get_table_names() == []

        database.upgrade(engine)
        database.upgrade(engine)  # a second run (every start does one) changes nothing

        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            head = ScriptDirectory.from_config(database.alembic_config()).get_current_head()
            assert context.get_current_revision() == head
            assert compare_metadata(context, tables.metadata) == []
        assert set(inspect(engine).get_table_names()) == set(tables.metadata.tables) | {
            "alembic_version"}
    finally:
        engine.dispose()


def test_migrations_form_one_line():
    scripts = ScriptDirectory.from_config(database.alembic_config())
    assert len(scripts.get_heads()) == 1
    assert [s.revision for s in scripts.walk_revisions()][-1] == "0001"


def upgraded_from(hub_db_url: str, revision: str, arrange: Callable[[Connection], None],
                  read: Callable[[Connection], T]) -> T:
    """What `read` finds once a database at `revision`, holding what `arrange` wrote there (in
    one transaction), is upgraded to the newest migration."""
    engine = database.open_engine(hub_db_url)
    try:
        config = database.alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            arrange(connection)
        database.upgrade(engine)
        with engine.connect() as connection:
            return read(connection)
    finally:
        engine.dispose()


def test_migration_3_keeps_every_agency_code_a_commune_has_had(hub_db_url):
    def arrange(connection: Connection) -> None:
        run = connection.exec_driver_sql
        now = "2026-11-01T08:00:00.000000+07:00"
        run("INSERT INTO communes (id, name, agency_code, created_at) VALUES "
            f"(1, 'Xã Mới', '000.00.31.H56', '{now}'), (2, 'Xã Khác', '000.18.22.H56', '{now}')")
        run("INSERT INTO changes (commune_id, type, data, created_at) VALUES (1, 'agency_code', "
            f"'{{\"code\":\"000.00.31.H56\",\"since\":\"2026-12-01\"}}', '{now}')")
        # The first code survives only in its dossiers; another commune's forged one is not
        # taken for it.
        run("INSERT INTO dossiers (uuid, commune_id, code, updated_at) VALUES "
            f"('a', 1, '000.17.22.H56-261124-1001', '{now}'), "
            f"('b', 1, '000.18.22.H56-261124-1001', '{now}'), "
            f"('c', 2, '000.18.22.H56-261124-1002', '{now}')")

    rows = upgraded_from(hub_db_url, "0002", arrange, lambda connection: connection.execute(
        select(tables.commune_codes).order_by(tables.commune_codes.c.code)).all())

    assert [tuple(row) for row in rows] == [
        (1, "000.00.31.H56", "2026-12-01"), (1, "000.17.22.H56", None),
        (2, "000.18.22.H56", None)]


def test_migration_8_counts_each_device_s_events_already_held(hub_db_url):
    def arrange(connection: Connection) -> None:
        run = connection.exec_driver_sql
        now = "2026-11-01T08:00:00.000000+07:00"
        run(f"INSERT INTO communes (id, name, agency_code, created_at) VALUES "
            f"(1, 'Xã Mới', '000.00.31.H56', '{now}')")
        run("INSERT INTO devices (id, commune_id, name, token_hash, created_at) VALUES "
            f"(1, 1, 'Quầy 1', 'a', '{now}'), (2, 1, 'Quầy 2', 'b', '{now}'), "
            f"(3, 1, 'Quầy 3', 'c', '{now}')")
        # Device 1's three, device 2's one, and one the province recorded itself.
        for n, device in enumerate(["1", "1", "1", "2", "NULL"]):
            run("INSERT INTO events (uuid, commune_id, device_id, dossier_uuid, kind, status, "
                "payload, clerk, device_seq, device_time, device_time_vn, content_digest, "
                f"server_time) VALUES ('e{n}', 1, {device}, 'd', 'received', 1, '{{}}', "
                f"'Lan', {n}, '{now}', '{now}', 'x', '{now}')")

    counts = upgraded_from(hub_db_url, "0007", arrange, lambda connection: connection.execute(
        select(tables.devices.c.id, tables.devices.c.events_stored)
        .order_by(tables.devices.c.id)).all())

    assert [tuple(row) for row in counts] == [(1, 3), (2, 1), (3, 0)]


def test_migration_9_indexes_the_citizens_documents_of_the_events_already_held(hub_db_url):
    scanned, reused, supplement_file = "a" * 64, "b" * 64, "c" * 64
    received = received_event(code="000.01.22.H56-261124-1001")
    received["payload"]["documents"] = [
        {"name": "Tờ khai", "digitisation": "scanned", "file": scanned, "pages": 2},
        {"name": "Căn cước công dân", "digitisation": "reused", "file": reused, "pages": 1,
         "reused_from": "000.01.22.H56-261120-1001"},
        {"name": "Sổ hộ khẩu", "digitisation": "shown", "file": "", "pages": 0}]
    supplement = next_event(received, "document_digitised", 2, seq=2, payload={
        "document": "Giấy xác nhận", "stage": "supplement", "file": supplement_file,
        "pages": 3})
    result = next_event(received, "document_digitised", 2, seq=3, payload={
        "document": "Kết quả", "stage": "result", "file": "d" * 64, "pages": 1})
    organisation = received_event(code="000.01.22.H56-261124-1002", seq=4)
    organisation["payload"]["applicant"]["id_number"] = "0101234567"  # a tax code
    organisation["payload"]["documents"][0].update(digitisation="scanned", file="e" * 64,
                                                   pages=1)

    def arrange(connection: Connection) -> None:
        now = "2026-11-24T09:00:00.000000+07:00"
        connection.exec_driver_sql(
            "INSERT INTO communes (id, name, agency_code, created_at) VALUES "
            f"(1, 'Xã Tân Lập', '000.01.22.H56', '{now}')")
        for event in (received, supplement, result, organisation):
            connection.execute(tables.events.insert().values(
                uuid=event["uuid"], commune_id=1, dossier_uuid=event["dossier_uuid"],
                kind=event["kind"], status=event["status"],
                payload=canonical_json(event["payload"]), clerk=event["clerk"],
                device_seq=event["device_seq"], device_time=event["device_time"],
                device_time_vn=event["device_time"], content_digest="0" * 64,
                server_time=now))

    documents = tables.citizen_documents.c
    rows = upgraded_from(hub_db_url, "0008", arrange, lambda connection: connection.execute(
        select(documents.id_number, documents.document, documents.sha256, documents.pages,
               documents.dossier_code, documents.event_uuid)).all())

    code = received["payload"]["code"]
    assert sorted(tuple(row) for row in rows) == sorted([
        ("025190012345", "Tờ khai", scanned, 2, code, received["uuid"]),
        ("025190012345", "Căn cước công dân", reused, 1, code, received["uuid"]),
        ("025190012345", "Giấy xác nhận", supplement_file, 3, code, supplement["uuid"])])
