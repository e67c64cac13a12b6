"""Reminder rows on SQLite and PostgreSQL: one per deadline, claimed by one sweeper, ended by their step."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from bot.devtools.seed import seed_cases
from bot.flows import reminders
from bot.flows.services import Services
from bot.flows.vocabulary import ReminderKind, ReminderState
from storage.models import Case, OutboxMessage, Reminder
from tests.conftest import COORDINATOR, DIRECTOR, TEACHER


def _seed(services: Services, count: int, due_in: timedelta, prefix: str = "LOAD") -> list[int]:
    return seed_cases(
        services,
        "linde",
        count,
        reporter_id=TEACHER,
        coordinators=[COORDINATOR],
        due_at=services.clock.now() + due_in,
        prefix=prefix,
    )


def test_scheduling_a_deadline_twice_keeps_one_row_moved_to_the_new_time(services: Services) -> None:
    [case_id] = _seed(services, 1, timedelta(days=3))
    later = services.clock.now() + timedelta(days=9)

    with services.db.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        reminders.schedule(session, services.clock, case, ReminderKind.IDLE, later)

    with services.db.transaction() as session:
        [row] = session.scalars(select(Reminder))
        assert row.due_at == later and row.next_at == later and row.state == ReminderState.SCHEDULED


def test_two_sweepers_at_once_send_each_due_reminder_once_and_leave_the_others(services: Services) -> None:
    _seed(services, 200, -timedelta(minutes=1))
    _seed(services, 50, timedelta(days=1), prefix="LATER")
    barrier = threading.Barrier(2)
    handled: list[int] = []

    def sweeper() -> None:
        barrier.wait()
        handled.append(reminders.sweep(services, limit=25))

    threads = [threading.Thread(target=sweeper) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(handled) == 200
    with services.db.transaction() as session:
        assert Counter(session.scalars(select(Reminder.sent_count))) == Counter({1: 200, 0: 50})
        keys = list(session.scalars(select(OutboxMessage.dedupe_key)))
    assert len(keys) == 200 == len(set(keys))
    assert reminders.sweep(services) == 0  # nothing due until the escalation


def test_unanswered_reminder_climbs_its_ladder_once_and_then_rests(services: Services) -> None:
    _seed(services, 1, -timedelta(minutes=1))
    reminders.sweep(services)
    services.clock.advance(timedelta(days=3))  # Monday 16 -> Thursday 19 November: two working days on
    reminders.sweep(services)
    services.clock.advance(timedelta(days=30))

    assert reminders.sweep(services) == 0
    with services.db.transaction() as session:
        [row] = session.scalars(select(Reminder))
        recipients = [m.recipient_id for m in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]
    assert row.level == 1 and row.sent_count == 2 and row.next_at is None and row.state == ReminderState.WAITING
    assert recipients == [COORDINATOR, DIRECTOR]


def test_ended_reminder_is_not_sent_and_a_closed_case_ends_what_was_left(services: Services) -> None:
    first, second = _seed(services, 2, -timedelta(minutes=1))
    with services.db.transaction() as session:
        reminders.end(session, services.clock, first, [ReminderKind.IDLE])
        case = session.get(Case, second)
        assert case is not None
        case.state = "closed"  # closed by a path that forgot its reminder: the sweep ends it quietly

    assert reminders.sweep(services) == 1
    with services.db.transaction() as session:
        states = dict(session.execute(select(Reminder.case_id, Reminder.state)).all())
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert states == {first: ReminderState.DONE, second: ReminderState.CANCELLED}
