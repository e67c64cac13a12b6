"""Reminder rows on SQLite and PostgreSQL: one per deadline, claimed by one sweeper, ended by their step."""

from __future__ import annotations

import logging
import threading
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from bot.devtools.seed import seed_cases
from bot.flows.jobs import reminders
from bot.flows.services import Services
from bot.flows.vocabulary import ReminderKind, ReminderState
from storage import repositories as repo
from storage.models import AuditEvent, Case, OutboxMessage, Reminder
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


def test_one_failing_reminder_is_parked_and_the_others_are_sent_when_a_sweep_meets_it(
    services: Services, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    ids = _seed(services, 5, -timedelta(minutes=1))
    with services.db.transaction() as session:
        # A kind only a newer release knows (after a rollback), and a bug in the kind of another.
        session.execute(update(Reminder).where(Reminder.case_id == ids[1]).values(kind="nazorg_future"))
    broken_case = ids[3]
    real_send = reminders._send

    def send(session: Any, services: Services, school: Any, case: Case, row: Reminder, rung: Any) -> list[str]:
        if case.id == broken_case:
            raise RuntimeError("a bug in one reminder")
        return real_send(session, services, school, case, row, rung)

    monkeypatch.setattr(reminders, "_send", send)

    assert reminders.sweep(services, limit=2) == 5  # batches of two: the failures do not stop the batch
    assert reminders.sweep(services) == 0  # and parked rows are not claimed again

    with services.db.transaction() as session:
        rows = {r.case_id: r for r in session.scalars(select(Reminder))}
        notices = Counter(m.kind for m in session.scalars(select(OutboxMessage)))
        parked_events = list(session.scalars(select(AuditEvent).where(AuditEvent.action == "reminder_parked")))
    assert {case for case, r in rows.items() if r.sent_count == 1} == {ids[0], ids[2], ids[4]}
    for case in (ids[1], broken_case):
        assert rows[case].parked_at is not None and rows[case].next_at is None and rows[case].sent_count == 0
    assert "ValueError" in str(rows[ids[1]].parked_reason) and "RuntimeError" in str(rows[broken_case].parked_reason)
    assert notices == Counter({"reminder": 3, "reminder_parked": 2})  # the coordinator hears of both
    assert sorted(e.case_id for e in parked_events) == sorted([ids[1], broken_case])
    [incident] = [r for r in caplog.records if "a bug in one reminder" in str(r.exc_info)]
    code = str(rows[broken_case].parked_reason).split()[1]
    assert incident.levelno == logging.ERROR and code in incident.getMessage()

    monkeypatch.setattr(reminders, "_send", real_send)  # mended: `meldbot reminders retry`
    with services.db.transaction() as session:
        assert repo.retry_parked_reminders(session, services.clock.now()) == 2
        session.execute(update(Reminder).where(Reminder.case_id == ids[1]).values(kind=ReminderKind.IDLE))
    assert reminders.sweep(services) == 2
    with services.db.transaction() as session:
        assert {r.sent_count for r in session.scalars(select(Reminder))} == {1}
