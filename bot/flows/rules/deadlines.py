"""When the framework's deadlines fall: working days at a school-morning hour, per school.

Working days skip weekends, Dutch public holidays (from the `holidays` package) and the
school's own vacation weeks. Due moments are returned in UTC; people see them in Dutch time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

import holidays
from dateutil.easter import easter

from bot.flows.ports import SCHOOL_TIMEZONE

SCHOOL_MORNING = time(8, 30)
# A guard against a configuration that leaves no working day at all (vacations covering years).
_MAX_SEARCH_DAYS = 3 * 366


@cache
def _public_holidays() -> holidays.HolidayBase:
    return holidays.country_holidays("NL")


@dataclass(frozen=True)
class Vacation:
    first: date
    last: date  # inclusive

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last


def good_friday(year: int) -> date:
    return easter(year) - timedelta(days=2)


@dataclass(frozen=True)
class SchoolCalendar:
    morning: time = SCHOOL_MORNING
    vacations: tuple[Vacation, ...] = ()
    # Goede Vrijdag is a holiday in the `holidays` package, but not by law: many schools are open.
    open_on_good_friday: bool = False

    def is_working_day(self, day: date) -> bool:
        if day.weekday() >= 5:
            return False
        if day in _public_holidays() and not (self.open_on_good_friday and day == good_friday(day.year)):
            return False
        return not any(day in vacation for vacation in self.vacations)

    def working_day_from(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        for offset in range(_MAX_SEARCH_DAYS):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError("no working day within three years: check the school's vacations")

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (which need not be a working day itself)."""
        for _ in range(count):
            day = self.working_day_from(day + timedelta(days=1))
        return day

    def morning_of(self, day: date) -> datetime:
        """The school morning of the first working day from `day`, in UTC."""
        local = datetime.combine(self.working_day_from(day), self.morning, tzinfo=SCHOOL_TIMEZONE)
        return local.astimezone(UTC)


@dataclass(frozen=True)
class DeadlinePolicy:
    """A school's reminder terms (DESIGN §4), each configurable in meldbot.yml."""

    calendar: SchoolCalendar = field(default_factory=SchoolCalendar)
    not_taken_working_days: int = 1
    feedback_working_days: int = 5  # Veilig Thuis decides within five working days
    feedback_repeat_days: int = 7  # then weekly until the feedback is recorded
    referral_check_days: int = 10  # "after one to two weeks"
    case_idle_working_days: int = 10
    escalate_after_working_days: int = 2
    recheck_working_days: int = 3  # "not yet": ask again after this many working days

    def after_working_days(self, day: date, count: int) -> datetime:
        """The school morning `count` working days after `day` (a local date)."""
        return self.calendar.morning_of(self.calendar.add_working_days(day, count))

    def after_days(self, day: date, count: int) -> datetime:
        """The school morning `count` calendar days after `day`, or the first working day after."""
        return self.calendar.morning_of(day + timedelta(days=count))

    def on(self, day: date) -> datetime:
        """The school morning of `day`, or of the first working day after it."""
        return self.calendar.morning_of(day)
