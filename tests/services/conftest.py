from datetime import datetime

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP

# A Friday, five minutes before the counter closes.
FRIDAY_1655 = datetime(2026, 11, 20, 16, 55, tzinfo=VN_TZ)


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock(FRIDAY_1655)


@pytest.fixture
def services(tmp_path, clock):
    services = Services(tmp_path / "data", clock=clock)
    services.save_counter_setup(DEMO_SETUP)
    yield services
    services.close()
