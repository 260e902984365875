"""Fixtures for the hub and for the counter-side sync client tests that run against it.

- `hub_db_url`: a clean hub database, SQLite always and PostgreSQL too when HUB_TEST_PG_URL is
  set (tests using it run once per database; PostgreSQL gets a fresh `public` schema).
- `hub_engine`: that database opened and migrated; `hub_admin` arranges data in it (communes,
  enrollment codes, enrolled devices, province events, row counts).
- `hub_client`: FastAPI's in-process TestClient over the hub (fast, no sockets).
- `live_hub`: the real hub on 127.0.0.1 and a free port, served by uvicorn in a thread; yields
  a LiveHub with `.url` (base URL, e.g. http://127.0.0.1:41234), `.api` (url + /api/v1),
  `.db_url` and `.admin`.
- `hub_process_factory`: builds HubProcess objects (`province-hub serve` in a subprocess, which
  a test may kill and restart on the same port); all are stopped at teardown.
- `counter`: a set-up counter (tests.sync.counter_side.new_counter) in the test's folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from desk_app.services.sync import SyncService
from sync.protocol import API_PREFIX
from sync.server.app import create_app
from sync.server.database import open_engine, upgrade
from tests.sync.counter_side import enroll, new_counter
from tests.sync.live_hub import HubAdmin, HubProcess, ThreadedHub

PG_ENV = "HUB_TEST_PG_URL"


# Without PostgreSQL at hand, the PostgreSQL variants are left out rather than skipped one by one.
BACKENDS = ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


@pytest.fixture(params=BACKENDS)
def hub_db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    url = os.environ[PG_ENV]
    engine = open_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture
def hub_engine(hub_db_url) -> Iterator[Engine]:
    engine = open_engine(hub_db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def hub_admin(hub_engine) -> HubAdmin:
    return HubAdmin(hub_engine)


@pytest.fixture
def hub_client(hub_engine) -> Iterator[TestClient]:
    with TestClient(create_app(hub_engine)) as client:
        yield client


@dataclass(frozen=True)
class LiveHub:
    url: str
    db_url: str
    admin: HubAdmin

    @property
    def api(self) -> str:
        return f"{self.url}{API_PREFIX}"


@pytest.fixture
def live_hub(hub_db_url, hub_engine, hub_admin) -> Iterator[LiveHub]:
    server = ThreadedHub(hub_engine)
    server.start()
    yield LiveHub(server.url, hub_db_url, hub_admin)
    server.stop()


@pytest.fixture
def hub_process_factory(hub_db_url, hub_engine) -> Iterator:
    """`make(port=None)` → a started HubProcess over the test's (migrated) database."""
    started: list[HubProcess] = []

    def make(port: int | None = None) -> HubProcess:
        hub = HubProcess(hub_db_url, port)
        hub.start()
        started.append(hub)
        return hub

    yield make
    for hub in started:
        hub.stop()


@pytest.fixture
def counter(tmp_path):
    services = new_counter(tmp_path / "counter")
    yield services
    services.close()


@pytest.fixture
def sync(counter, live_hub):
    """The counter enrolled with the live hub, its files sent in chunks of 64 KiB (several
    chunks for a file of the tests' sizes). Modules syncing otherwise have their own."""
    service = SyncService(counter, file_chunk_bytes=64 * 1024)
    enroll(service, live_hub.url, live_hub.admin)
    yield service
    service.close()
