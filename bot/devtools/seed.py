"""Many invented open cases at once, for load tests and benchmarks (never for a school's data).

Rows are inserted in bulk, as the flows would leave them after "taken": encrypted pupil
fields, the case's coordinator, and one reminder each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select

from bot.flows.jobs.reminders import LADDERS
from bot.flows.services import Services
from bot.flows.vocabulary import CaseState, ReminderKind, ReminderState, Route
from storage.models import Case, Reminder, purpose

CHUNK = 5_000


def seed_cases(
    services: Services,
    school_id: str,
    count: int,
    *,
    reporter_id: str,
    coordinators: Sequence[str],
    due_at: datetime,
    prefix: str = "LOAD",
) -> list[int]:
    """`count` taken cases (by the coordinators in turn), each with an idle reminder due at
    `due_at`; returns their ids."""
    now = services.clock.now()
    name = services.cipher.seal("Invented Pupil", purpose(Case, "pupil_name"))
    group = services.cipher.seal("groep 0", purpose(Case, "pupil_group"))
    roles = ",".join(str(role) for role in LADDERS[ReminderKind.IDLE][0])
    ids: list[int] = []
    for start in range(0, count, CHUNK):
        numbers = range(start, min(start + CHUNK, count))
        with services.db.transaction() as session:
            session.execute(
                insert(Case),
                [
                    {
                        "school_id": school_id,
                        "reference": f"{prefix}-{n:07d}",
                        "route": Route.HOME,
                        "state": CaseState.IN_PROGRESS,
                        "reporter_id": reporter_id,
                        "submission_key": f"{prefix}-{n}",
                        "pupil_name": name,
                        "pupil_group": group,
                        "age_band": "under_12",
                        "acute": False,
                        "created_at": now,
                        "updated_at": now,
                        "coordinator_id": coordinators[n % len(coordinators)],
                        "taken_at": now,
                    }
                    for n in numbers
                ],
            )
            references = [f"{prefix}-{n:07d}" for n in numbers]
            chunk_ids = list(session.scalars(select(Case.id).where(Case.reference.in_(references))))
            session.execute(
                insert(Reminder),
                [
                    {
                        "case_id": case_id,
                        "kind": ReminderKind.IDLE,
                        "subject_id": 0,
                        "state": ReminderState.SCHEDULED,
                        "level": 0,
                        "recipient_role": roles,
                        "due_at": due_at,
                        "next_at": due_at,
                        "sent_count": 0,
                        "created_at": now,
                    }
                    for case_id in chunk_ids
                ],
            )
        ids += chunk_ids
    return ids
