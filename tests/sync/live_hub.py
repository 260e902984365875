"""Running a real hub on loopback for protocol tests: uvicorn in a thread (fast, same process)
or `province-hub serve` in a subprocess (for tests that kill and restart the hub)."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests
import uvicorn
from sqlalchemy import Engine, func, select

from sync.client import HubError
from sync.protocol import API_PREFIX
from sync.server import enrollment, publishing, registry, tables
from sync.server.app import create_app
from sync.server.database import reading


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_healthy(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if requests.get(f"{url}{API_PREFIX}/health", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"hub at {url} did not become healthy in {timeout} s")
        time.sleep(0.05)


@dataclass(frozen=True)
class EnrolledDevice:
    device_id: int
    token: str
    commune_id: int

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class HubAdmin:
    """The province administrator's operations on a hub database, for arranging tests."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._communes = 0

    def commune(self, name: str | None = None, agency_code: str | None = None) -> int:
        self._communes += 1
        n = self._communes
        return registry.create_commune(
            self.engine, name or f"Xã Thử Nghiệm {n}", agency_code or f"000.{n:02d}.22.H56")

    def enrollment_code(self, commune_id: int, expires_hours: float = 72) -> str:
        return enrollment.issue_code(self.engine, commune_id, expires_hours=expires_hours)

    def enroll(self, commune_id: int, device_name: str = "Quầy 1") -> EnrolledDevice:
        """A device enrolled directly (no HTTP), for tests about something else."""
        code = self.enrollment_code(commune_id)
        enrolled = enrollment.redeem(self.engine, code, device_name)
        return EnrolledDevice(enrolled.device_id, enrolled.token, commune_id)

    def province_event(self, dossier: str, kind: str = "result_ready", note: str = "") -> dict:
        return publishing.add_province_event(self.engine, dossier, kind, note)

    def count(self, table_name: str) -> int:
        table = tables.metadata.tables[table_name]
        with reading(self.engine) as connection:
            return connection.execute(select(func.count()).select_from(table)).scalar_one()

    def counts(self) -> dict[str, int]:
        """Rows in every table: compared before and after a refused request."""
        return {name: self.count(name) for name in tables.metadata.tables}


class ThreadedHub:
    """uvicorn serving create_app(engine) on 127.0.0.1 and a free port, in a daemon thread."""

    def __init__(self, engine: Engine):
        self._socket = socket.socket()
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(create_app(engine), log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._socket]}, daemon=True)

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=20)
        self._socket.close()


class HubProcess:
    """`province-hub serve` as a child process on a fixed port, so that a test can kill it
    (SIGKILL, mid-request) and start it again at the same address."""

    def __init__(self, db_url: str, port: int | None = None):
        self.db_url = db_url
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sync.server.cli", "serve", "--db", self.db_url,
             "--port", str(self.port), "--log-level", "warning"],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            wait_healthy(self.url)
        except TimeoutError:
            self.kill()
            raise

    def kill(self) -> None:
        """Like a power cut: no shutdown, requests in flight are lost."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def kill_while(hub: HubProcess, work: Callable[[], None], rng: random.Random, *,
               times: int = 3, within: tuple[float, float] = (0.05, 0.25),
               after_kill: Callable[[], None] = lambda: None) -> list[HubError]:
    """Run `work` in a thread and kill the hub `times` times at a random moment `within`
    seconds of its start, starting the hub again after each (`after_kill` looks at the state
    the kill left first); returns the HubErrors `work` raised."""
    failed: list[HubError] = []

    def run() -> None:
        try:
            work()
        except HubError as exc:
            failed.append(exc)

    for _ in range(times):
        worker = threading.Thread(target=run)
        worker.start()
        threading.Event().wait(rng.uniform(*within))
        hub.kill()
        worker.join(timeout=30)
        after_kill()
        hub.start()
    return failed
