"""For the GUI's sync tests: a real hub on loopback, and the main window with sync installed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desk_app.services.app import Services
from desk_app.services.sync import SyncService
from desk_app.ui.main_window import MainWindow
from desk_app.ui.sync_controller import SyncController
from desk_app.ui.worker import InlineWorker
from sync.server import registry
from sync.server.database import open_engine, upgrade
from tests.sync.counter_side import AGENCY
from tests.sync.live_hub import HubAdmin, ThreadedHub


@dataclass(frozen=True)
class Hub:
    url: str
    admin: HubAdmin

    def code(self) -> str:
        """A one-time enrollment code for the counter's commune (created on first use)."""
        ours = [c for c, _, agency in registry.list_communes(self.admin.engine) if agency == AGENCY]
        return self.admin.enrollment_code(ours[0] if ours else
                                          self.admin.commune("UBND xã Tân Lập", AGENCY))


@contextmanager
def running_hub(folder: Path) -> Iterator[Hub]:
    engine = open_engine(f"sqlite:///{folder / 'hub.db'}")
    upgrade(engine)
    server = ThreadedHub(engine)
    server.start()
    try:
        yield Hub(server.url, HubAdmin(engine))
    finally:
        server.stop()
        engine.dispose()


def install_sync(qtbot, services: Services, worker, **options) -> SyncController:
    """The main window with sync installed; the network worker runs inline like the other."""
    window = MainWindow(services, worker)
    qtbot.addWidget(window)
    options.setdefault("net_worker", InlineWorker())
    options.setdefault("sync", SyncService(services))
    return SyncController.install(window, services, **options)
