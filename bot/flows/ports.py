"""What the flows need from the outside world, as protocols with plain implementations."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SCHOOL_TIMEZONE = ZoneInfo("Europe/Amsterdam")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...

    def sleep(self, seconds: float) -> None:
        """Let this much time pass (a wait Slack asked for)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class ManualClock:
    """A clock that moves only when told to: for tests and the demo's time travel."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._now += delta

    def sleep(self, seconds: float) -> None:
        """Waiting on a manual clock moves it: no test waits in real time."""
        self.advance(timedelta(seconds=seconds))

    def move_to(self, moment: datetime) -> None:
        """Jump forward to `moment` (an aware datetime); time never runs backwards."""
        with self._lock:
            if moment.astimezone(UTC) < self._now:
                raise ValueError("ManualClock does not go back in time")
            self._now = moment.astimezone(UTC)


def local_today(clock: Clock) -> datetime:
    """The current moment in the schools' time zone (for dates people see and type)."""
    return clock.now().astimezone(SCHOOL_TIMEZONE)
