from datetime import datetime


class Clock:
    """A clock the test moves by hand, handed to Services(clock=...)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
