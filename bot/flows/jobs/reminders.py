"""The framework's deadlines as rows: created by the step that makes them, ended by the step that
fulfils them, and sent, repeated or escalated by the sweep when their moment comes.

The sweep claims due rows in one short transaction and writes the messages they cause to the
outbox in that same transaction; the outbox delivers them. A reminder is thus sent once, also
with several processes, and late rather than never when the bot was down.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.flows import audit, notices
from bot.flows.audience import audience
from bot.flows.audit import SYSTEM_ACTOR
from bot.flows.failures import warn_coordinators
from bot.flows.incidents import log_incident
from bot.flows.ports import Clock, local_today
from bot.flows.rules.access import Permission
from bot.flows.rules.deadlines import DeadlinePolicy
from bot.flows.rules.directory import School
from bot.flows.services import Services
from bot.flows.situation import situation_of
from bot.flows.steps import statistics
from bot.flows.vocabulary import AuditAction, CaseState, NoticeKind, ReminderKind, ReminderState, Role
from storage import repositories as repo
from storage.models import Case, Reminder

log = logging.getLogger(__name__)

# Who hears of a reminder, rung by rung: the first rung when it falls due, each next rung when
# the one before left it unanswered (DESIGN §4).
LADDERS: Mapping[ReminderKind, tuple[tuple[Role, ...], ...]] = {
    ReminderKind.EVALUATION: ((Role.CASEMANAGER, Role.COORDINATOR), (Role.DIRECTOR,)),
    ReminderKind.FEEDBACK: ((Role.COORDINATOR,),),
    ReminderKind.REFERRAL: ((Role.CASEMANAGER,), (Role.COORDINATOR,)),
    ReminderKind.IDLE: ((Role.COORDINATOR,), (Role.DIRECTOR,)),
    ReminderKind.NOT_TAKEN: ((Role.COORDINATOR,), (Role.DIRECTOR,)),
    ReminderKind.FOLLOW_UP: ((Role.COORDINATOR,),),
}

# Reminders that still come when their case has closed: the nazorg after it.
AFTER_CLOSING = frozenset({ReminderKind.FOLLOW_UP})

# Reminders that, once their ladder is climbed, keep coming until done ("weekly until recorded").
REPEATING = frozenset({ReminderKind.FEEDBACK})

# What a user needs to act on a reminder (postpone it, say "not yet"): what its step needs.
PERMISSION: Mapping[ReminderKind, Permission] = {
    ReminderKind.EVALUATION: Permission.EVALUATE,
    ReminderKind.FEEDBACK: Permission.DECIDE,
    ReminderKind.REFERRAL: Permission.EVALUATE,
    ReminderKind.IDLE: Permission.DECIDE,
    ReminderKind.NOT_TAKEN: Permission.TAKE,
    ReminderKind.FOLLOW_UP: Permission.DECIDE,
}

_OPEN = (ReminderState.SCHEDULED, ReminderState.WAITING)


def policy_of(school: School | None) -> DeadlinePolicy:
    return school.deadlines if school is not None else DeadlinePolicy()


def schedule(
    session: Session, clock: Clock, case: Case, kind: ReminderKind, due_at: datetime, subject_id: int = 0
) -> Reminder:
    """Create the reminder, or move an open one to `due_at` from its first rung."""
    row = repo.reminder_for(session, case.id, kind, subject_id)
    if row is None:
        row = Reminder(case_id=case.id, kind=kind, subject_id=subject_id, created_at=clock.now(), sent_count=0)
        session.add(row)
    row.state, row.level, row.due_at, row.next_at = ReminderState.SCHEDULED, 0, due_at, due_at
    row.recipient_role = _roles_text(LADDERS[kind][0])
    row.closed_at = None
    return row


def end(
    session: Session,
    clock: Clock,
    case_id: int,
    kinds: Iterable[ReminderKind],
    *,
    state: ReminderState = ReminderState.DONE,
    subject_id: int | None = None,
) -> list[Reminder]:
    """Stop the open reminders of these kinds (of one subject, if given): their thing is done."""
    wanted = {str(kind) for kind in kinds}
    ended = []
    for row in repo.reminders_of(session, case_id):
        if row.kind in wanted and row.state in _OPEN and subject_id in (None, row.subject_id):
            row.state, row.next_at, row.closed_at = state, None, clock.now()
            ended.append(row)
    return ended


def end_all(session: Session, clock: Clock, case_id: int) -> None:
    """The case closed: nothing of it needs a reminder any more."""
    end(session, clock, case_id, ReminderKind, state=ReminderState.CANCELLED)


def on_activity(session: Session, clock: Clock, case: Case, school: School | None) -> None:
    """Something happened on the case: the idle clock starts again, or stops while someone else
    (Veilig Thuis, the help) holds the next step."""
    if situation_of(session, case).school_holds_next_step:
        policy = policy_of(school)
        due = policy.after_working_days(local_today(clock).date(), policy.case_idle_working_days)
        schedule(session, clock, case, ReminderKind.IDLE, due)
    else:
        end(session, clock, case.id, [ReminderKind.IDLE], state=ReminderState.CANCELLED)


# --- the sweep -------------------------------------------------------------------------------

BATCH = 100


def sweep(services: Services, limit: int = BATCH) -> int:
    """Send, escalate or repeat every reminder whose moment has come; return how many were handled.

    Each row is handled in a savepoint of its own: a row that fails (a bug in one kind, a kind an
    older release does not know, a case row gone) is parked, and the rows beside it go on.
    """
    handled = 0
    while True:
        with services.db.transaction() as session:
            rows = repo.claim_due_reminders(session, services.clock.now(), limit)
            for row in rows:
                try:
                    with session.begin_nested():
                        _advance(session, services, row)
                except Exception as error:
                    _park(session, services, row, error)
        handled += len(rows)
        if len(rows) < limit:
            return handled


def _park(session: Session, services: Services, row: Reminder, error: Exception) -> None:
    """Set a failing row aside (it is not due until `meldbot reminders retry`), where `meldbot check`
    lists it; the case's coordinators hear that a deadline needs their own eye meanwhile."""
    reminder_id, case_id, kind = row.id, row.case_id, row.kind
    incident = log_incident(
        log, error, "handling reminder %s of case %s (%s); it is parked", reminder_id, case_id, kind
    )
    row.next_at, row.parked_at = None, services.clock.now()
    row.parked_reason = f"incident {incident}: {type(error).__name__}"[:200]
    try:
        with session.begin_nested():
            case = session.get(Case, case_id)
            if case is not None:
                warn_coordinators(
                    session,
                    services,
                    case,
                    AuditAction.REMINDER_PARKED,
                    NoticeKind.REMINDER_PARKED,
                    cause=f"parked-{reminder_id}-{incident}",
                    reminder=kind,
                    incident=incident,
                )
    except Exception as second:  # the row stays parked; the log line above stands
        log.warning("reminder %s: could not tell the coordinators (%s)", reminder_id, type(second).__name__)


def _advance(session: Session, services: Services, row: Reminder) -> None:
    case = session.get(Case, row.case_id)
    assert case is not None
    kind, now, today = ReminderKind(row.kind), services.clock.now(), local_today(services.clock).date()
    closed = CaseState(case.state) is CaseState.CLOSED and kind not in AFTER_CLOSING
    if closed or (kind is ReminderKind.NOT_TAKEN and case.coordinator_id):
        # The step that ended it was recorded without ending it: end it now, quietly.
        row.state, row.next_at, row.closed_at = ReminderState.CANCELLED, None, now
        return
    school = services.directory.school(case.school_id)
    policy, ladder = policy_of(school), LADDERS[kind]
    action = AuditAction.REMINDER_SENT
    if row.state == ReminderState.WAITING and row.level + 1 < len(ladder):
        row.level += 1
        action = AuditAction.REMINDER_ESCALATED
        statistics.count_missed(session, case, kind)
    rung = ladder[row.level]
    recipients = _send(session, services, school, case, row, rung)
    row.state, row.recipient_role = ReminderState.WAITING, _roles_text(rung)
    row.sent_count += 1
    row.last_sent_at = now
    row.next_at = _next_moment(kind, row.level, policy, today)
    audit.on_case(
        session,
        services.clock,
        SYSTEM_ACTOR,
        action,
        case,
        reminder=str(kind),
        level=row.level,
        roles=[str(role) for role in rung],
        recipients=recipients,
    )
    log.info("case %s: reminder %s (%s) sent at level %s", case.reference, row.id, kind, row.level)


def _next_moment(kind: ReminderKind, level: int, policy: DeadlinePolicy, today: date) -> datetime | None:
    """When an unanswered reminder climbs to its next rung, or comes again; None when it rests."""
    if level + 1 < len(LADDERS[kind]):
        wait = policy.not_taken_working_days if kind is ReminderKind.NOT_TAKEN else policy.escalate_after_working_days
        return policy.after_working_days(today, wait)
    if kind in REPEATING:
        return policy.after_days(today, policy.feedback_repeat_days)
    return None


def _send(
    session: Session, services: Services, school: School | None, case: Case, row: Reminder, rung: tuple[Role, ...]
) -> list[str]:
    sent: list[str] = []
    for role in rung:
        # A person in two roles of one rung gets one message (the outbox key names the recipient).
        recipients = [user for user in audience(session, school, case, role) if user not in sent]
        notices.enqueue(
            session,
            services.clock.now(),
            NoticeKind.REMINDER,
            recipients,
            cause=f"reminder-{row.id}-{row.sent_count}",
            case=case,
            reminder_id=row.id,
            reminder=str(row.kind),
            level=row.level,
            role=str(role),
            due=row.due_at.isoformat(),
        )
        sent += recipients
    return sent


def _roles_text(roles: tuple[Role, ...]) -> str:
    return ",".join(str(role) for role in roles)
