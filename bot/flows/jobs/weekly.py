"""The weekly overview: each coordinator, on the week's first school day from the school morning
on, hears how many cases are open, how many are late and which deadlines come next, by reference
only.

Run by every sweep. The outbox key names the coordinator and the ISO week, so each coordinator
gets one overview a week, however many sweeps, processes or restarts there are. It belongs to
that day: a bot that was down all of it sends none that week (a Wednesday overview would read
as news). A week without school days (a vacation) has none, and neither has a coordinator
without open cases or at a school that turned it off (`reminders: weekly_overview: false`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from bot.flows import notices
from bot.flows.ports import local_today
from bot.flows.rules.directory import School
from bot.flows.services import Services
from bot.flows.steps.desk import KNOWN_KINDS, Due, due_of
from bot.flows.vocabulary import NoticeKind
from storage import repositories as repo

NEXT_DEADLINES = 5  # enough to plan the week; the desk in the App Home has the rest


def week_cause(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"week-{year}-{week:02d}"


def _moment(school: School, day: date) -> datetime | None:
    """The school morning of `day` if it is the first school day of its week at this school; else None."""
    if not school.weekly_overview:
        return None
    monday = day - timedelta(days=day.weekday())
    calendar = school.deadlines.calendar
    first = next(
        (monday + timedelta(days=n) for n in range(5) if calendar.is_working_day(monday + timedelta(days=n))), None
    )
    return calendar.morning_of(first) if first == day else None


def run(services: Services) -> int:
    """Queue this week's overview for every coordinator whose moment has come; return how many were queued."""
    now, today = services.clock.now(), local_today(services.clock).date()
    cause = week_cause(today)
    coordinators: dict[str, list[School]] = {}
    for school in services.directory.schools:
        for user_id in school.coordinators:
            coordinators.setdefault(user_id, []).append(school)
    due = {
        user_id: schools
        for user_id, schools in coordinators.items()
        if any(moment is not None and moment <= now for moment in (_moment(s, today) for s in schools))
    }
    if not due:
        return 0
    keys = {user_id: notices.dedupe_key(NoticeKind.WEEKLY_OVERVIEW, user_id, cause, case_id=None) for user_id in due}
    with services.db.reading() as session:
        sent = repo.queued_keys(session, list(keys.values()))
    queued = 0
    for user_id, schools in due.items():
        if keys[user_id] not in sent and _queue(services, user_id, schools, cause, now):
            queued += 1
    return queued


def _queue(services: Services, user_id: str, schools: list[School], cause: str, now: datetime) -> bool:
    try:
        with services.db.transaction() as session:
            rows = repo.desk_rows(session, [s.id for s in schools], KNOWN_KINDS)
            if not rows:
                return False
            upcoming = sorted((r for r in rows if r.deadline is not None), key=lambda r: r.deadline or now)
            notices.enqueue(
                session,
                now,
                NoticeKind.WEEKLY_OVERVIEW,
                [user_id],
                cause=cause,
                open=len(rows),
                overdue=sum(1 for r in upcoming if r.deadline and r.deadline < now),
                to_take=sum(1 for r in rows if due_of(r) is Due.TO_TAKE),
                next=[
                    [r.reference, r.deadline_kind, r.deadline.isoformat()]
                    for r in upcoming[:NEXT_DEADLINES]
                    if r.deadline
                ],
            )
        return True
    except IntegrityError:  # another process queued it this very moment
        return False
