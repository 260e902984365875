from datetime import datetime

import pytest

from desk_app.core.clock import VN_TZ
from tests.clock import Clock

# A Friday, five minutes before the counter closes.
FRIDAY_1655 = datetime(2026, 11, 20, 16, 55, tzinfo=VN_TZ)


@pytest.fixture
def clock():
    return Clock(FRIDAY_1655)
