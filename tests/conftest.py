import os

import pytest

# GUI tests run without a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def services(tmp_path, clock):
    """The demo counter set up in a fresh data folder, on the folder's own pinned `clock`."""
    from desk_app.services.app import Services
    from desk_app.services.demo import DEMO_SETUP

    services = Services(tmp_path / "data", clock=clock)
    services.save_counter_setup(DEMO_SETUP)
    yield services
    services.close()
