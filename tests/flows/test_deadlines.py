"""Working days: weekends, Dutch public holidays and school vacations skipped; school mornings in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.flows.rules.deadlines import DeadlinePolicy, SchoolCalendar, Vacation, good_friday

CHRISTMAS_VACATION = Vacation(date(2026, 12, 19), date(2027, 1, 3))
CALENDAR = SchoolCalendar(vacations=(CHRISTMAS_VACATION,))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 16), True),  # a Monday
        (date(2026, 11, 21), False),  # Saturday
        (date(2026, 11, 22), False),  # Sunday
        (date(2027, 3, 26), False),  # Good Friday
        (date(2027, 3, 29), False),  # Easter Monday
        (date(2027, 4, 27), False),  # King's Day
        (date(2027, 5, 6), False),  # Ascension Day
        (date(2027, 5, 17), False),  # Whit Monday
        (date(2026, 12, 18), True),  # the last school day before the vacation
        (date(2026, 12, 21), False),  # in the school's Christmas vacation
        (date(2027, 1, 4), True),  # back at school
    ],
)
def test_working_day_skips_weekends_public_holidays_and_the_schools_vacation(day: date, working: bool) -> None:
    assert CALENDAR.is_working_day(day) is working


@pytest.mark.parametrize("year", [2026, 2027, 2028, 2031])
def test_goede_vrijdag_is_a_working_day_only_for_a_school_that_says_it_is_open(year: int) -> None:
    friday = good_friday(year)
    open_school = SchoolCalendar(open_on_good_friday=True)

    assert friday.weekday() == 4 and not SchoolCalendar().is_working_day(friday)
    assert open_school.is_working_day(friday)
    assert not open_school.is_working_day(friday + timedelta(days=3))  # Easter Monday stays a holiday
    assert open_school.add_working_days(friday - timedelta(days=1), 1) == friday


def test_working_days_are_counted_past_easter_and_the_vacation() -> None:
    assert CALENDAR.add_working_days(date(2027, 3, 25), 5) == date(2027, 4, 5)  # Thursday before Easter
    assert CALENDAR.add_working_days(date(2026, 12, 18), 1) == date(2027, 1, 4)
    assert CALENDAR.add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Friday -> Monday


def test_school_morning_is_0830_amsterdam_in_winter_and_in_summer() -> None:
    assert CALENDAR.morning_of(date(2026, 11, 16)) == datetime(2026, 11, 16, 7, 30, tzinfo=UTC)  # CET
    assert CALENDAR.morning_of(date(2027, 6, 1)) == datetime(2027, 6, 1, 6, 30, tzinfo=UTC)  # CEST
    assert CALENDAR.morning_of(date(2026, 11, 21)) == datetime(2026, 11, 23, 7, 30, tzinfo=UTC)  # Sat -> Mon


def test_policy_terms_land_on_working_mornings() -> None:
    policy = DeadlinePolicy(calendar=SchoolCalendar(morning=time(9, 15)))
    assert policy.after_days(date(2026, 11, 16), 12) == datetime(2026, 11, 30, 8, 15, tzinfo=UTC)  # Sat -> Mon
    assert policy.on(date(2027, 4, 27)) == datetime(2027, 4, 28, 7, 15, tzinfo=UTC)  # King's Day -> next day


def test_vacation_without_end_in_sight_is_a_clear_error() -> None:
    endless = SchoolCalendar(vacations=(Vacation(date(2026, 1, 1), date(2035, 1, 1)),))
    with pytest.raises(ValueError, match="vacations"):
        endless.working_day_from(date(2026, 6, 1))


@given(st.dates(date(2026, 1, 1), date(2030, 12, 31)), st.integers(1, 30))
def test_counting_working_days_lands_on_a_working_day_and_skips_exactly_the_others(start: date, count: int) -> None:
    end = CALENDAR.add_working_days(start, count)
    between = [start + timedelta(days=n) for n in range(1, (end - start).days + 1)]
    assert CALENDAR.is_working_day(end)
    assert sum(CALENDAR.is_working_day(day) for day in between) == count
