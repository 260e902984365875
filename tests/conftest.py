import os

import pytest

# GUI tests run without a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def services(tmp_path, clock):
    """The demo counter set up in a fresh data folder, on the folder's own pinned `clock`, with
    its first admin (tests.accounts.ADMIN_NAME, the clerk the tests' slips name) logged in."""
    from desk_app.services.app import Services
    from desk_app.services.demo import DEMO_SETUP
    from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD

    services = Services(tmp_path / "data", clock=clock)
    services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    yield services
    services.close()
