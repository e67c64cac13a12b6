"""The weekly overview: once a week per coordinator, on the week's first school day at the school
morning, across sweeps, restarts and vacations; by reference only."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from bot.devtools.local import LocalSlack
from bot.documents.labels import label
from bot.flows.jobs import weekly
from bot.flows.ports import ManualClock
from bot.flows.services import Services
from bot.flows.steps.registration import Registered, register_signal
from bot.flows.vocabulary import ReminderKind
from bot.school_config import parse_directory
from storage.crypto import generate_key
from storage.models import OutboxMessage
from tests.conftest import (
    COORDINATOR,
    COORDINATOR_2,
    OTHER_SCHOOL_COORDINATOR,
    OTHER_SCHOOL_TEACHER,
    SCHOOLS_YAML,
    TEACHER,
    make_services,
)
from tests.e2e.steps import PUPIL_NAME, register
from tests.flows.forms import valid_form
from tests.shown import in_mrkdwn

# De Linde has a Christmas vacation; Monday 28 December 2026 falls in it.
WITH_VACATION = SCHOOLS_YAML.replace(
    '    name: "Basisschool De Linde"\n',
    '    name: "Basisschool De Linde"\n    reminders:\n      vacations: [{from: 2026-12-19, to: 2027-01-03}]\n',
)


def _overviews(services: Services) -> list[tuple[str, str]]:
    with services.db.reading() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "weekly_overview"))
        return [(row.recipient_id, row.dedupe_key.split(":")[2]) for row in rows]


def _at(clock: ManualClock, *moment: int) -> None:
    clock.move_to(datetime(*moment, tzinfo=UTC))


def test_each_coordinator_gets_one_overview_a_week_across_sweeps_restarts_and_vacations(
    tmp_path: Path, database_url: str, clock: ManualClock
) -> None:
    key, directory = generate_key(), parse_directory(WITH_VACATION, "schools.yml")
    services = make_services(tmp_path, database_url, directory, clock, key)
    registered = register_signal(services, TEACHER, "linde", False, valid_form(), "sub-1")
    assert isinstance(registered, Registered)

    # Monday 16 November, 10:00 in Amsterdam: past the school morning.
    assert weekly.run(services) == 2
    assert weekly.run(services) == 0  # the next sweep
    services.db.dispose()
    services = make_services(tmp_path, database_url, directory, clock, key)  # a restart
    _at(clock, 2026, 11, 18, 9)  # Wednesday
    assert weekly.run(services) == 0
    _at(clock, 2026, 11, 23, 7, 0)  # next Monday, 08:00 in Amsterdam: before the school morning
    assert weekly.run(services) == 0
    _at(clock, 2026, 11, 23, 7, 30)  # 08:30
    assert weekly.run(services) == 2
    _at(clock, 2026, 12, 28, 9)  # the vacation: no school day this week
    assert weekly.run(services) == 0
    _at(clock, 2027, 1, 4, 9)
    assert weekly.run(services) == 2

    sent = _overviews(services)
    services.db.dispose()
    assert sorted(sent) == sorted(
        (user, week)
        for user in (COORDINATOR, COORDINATOR_2)
        for week in ("week-2026-47", "week-2026-48", "week-2027-01")
    )
    assert OTHER_SCHOOL_COORDINATOR not in {user for user, _ in sent}  # De Eik has no open case


def test_the_overview_belongs_to_its_day_and_a_school_may_turn_it_off(
    tmp_path: Path, database_url: str, clock: ManualClock
) -> None:
    off = WITH_VACATION.replace("      vacations:", "      weekly_overview: false\n      vacations:")
    services = make_services(tmp_path, database_url, parse_directory(off, "schools.yml"), clock)
    for school, reporter in (("linde", TEACHER), ("eik", OTHER_SCHOOL_TEACHER)):
        register_signal(services, reporter, school, False, valid_form(), f"sub-{school}")
    _at(clock, 2026, 11, 17, 9)  # the bot was down all Monday: no overview on the Tuesday

    assert weekly.run(services) == 0
    _at(clock, 2026, 11, 23, 9)
    assert weekly.run(services) == 1  # De Eik's coordinator; De Linde turned it off
    assert _overviews(services) == [(OTHER_SCHOOL_COORDINATOR, "week-2026-48")]
    services.db.dispose()


def test_a_week_that_starts_with_a_holiday_has_its_overview_on_the_tuesday(tmp_path: Path, database_url: str) -> None:
    clock = ManualClock(datetime(2027, 3, 29, 9, tzinfo=UTC))  # Easter Monday 2027
    services = make_services(tmp_path, database_url, parse_directory(SCHOOLS_YAML, "schools.yml"), clock)
    register_signal(services, TEACHER, "linde", False, valid_form(observed_on=datetime(2027, 3, 26).date()), "s")

    assert weekly.run(services) == 0
    _at(clock, 2027, 3, 30, 7, 30)  # Tuesday, 09:30 in Amsterdam (summer time)
    assert weekly.run(services) == 2
    services.db.dispose()


def test_the_overview_reaches_the_coordinator_by_reference_only(slack: LocalSlack) -> None:
    register(slack.driver, TEACHER)
    register(slack.driver, TEACHER, pupil_name="Tweede Verzonnen")

    slack.sweep()

    [overview] = [m for m in slack.fake.client(COORDINATOR).messages if "📋" in m["text"]]
    text = json.dumps(overview, ensure_ascii=False)
    assert overview["text"] == in_mrkdwn("notice_weekly", open=2, overdue=0, to_take=2)
    due = in_mrkdwn(
        "notice_weekly_deadline", reference="MC-2026-0001", kind=label(ReminderKind.NOT_TAKEN), date="17-11-2026"
    )
    assert due in text and in_mrkdwn("notice_weekly_home") in text
    assert PUPIL_NAME not in text and "Tweede" not in text
