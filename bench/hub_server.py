"""A provincial hub in a subprocess on loopback, for the benchmarks that push to one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from sync.protocol import API_PREFIX
from sync.server.app import DB_ENV


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_hub(db: str, port: int | None = None, workers: int = 1, migrate: bool = True
                ) -> Iterator[str]:
    """`province-hub serve` on `db`; yields its base URL once it answers its health check.
    `migrate=False`: the schema as it is (every `province-hub` command first upgrades it), for
    timing an older one: uvicorn on the app `serve` runs, with its default settings."""
    with hub_process(db, port, workers, migrate) as (url, _process):
        yield url


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process `pid` has used so far (Linux, /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def hub_process(db: str, port: int | None = None, workers: int = 1, migrate: bool = True
                ) -> Iterator[tuple[str, subprocess.Popen]]:
    """`running_hub`, also giving the hub's process (one worker: the one serving)."""
    port = port or free_port()
    options = ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    if migrate:
        hub = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "serve", "--db", db,
                                *options])
    else:
        hub = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory",
                                "sync.server.app:app_from_environment", *options],
                               env={**os.environ, DB_ENV: db})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url)
        yield url, hub
    finally:
        hub.terminate()
        hub.wait()


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}{API_PREFIX}/health", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise SystemExit("the hub did not start")
