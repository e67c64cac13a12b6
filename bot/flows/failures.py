"""What the bot does on its own and could not finish is never dropped in silence: a message that
could not be delivered, a reminder that could not be handled. The case's coordinator hears of it
(reference and codes only), and it stays on record for `meldbot check`."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.flows import audit, notices
from bot.flows.audience import audience
from bot.flows.audit import SYSTEM_ACTOR
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction, NoticeKind, Role
from storage.models import Case, OutboxMessage


def report_failure(
    session: Session, services: Services, message: OutboxMessage, *, recipient_unreachable: bool = False
) -> None:
    """Record the failure on the case and tell its coordinator, in the caller's transaction (not the
    recipient itself when Slack said that person cannot be reached)."""
    case = session.get(Case, message.case_id) if message.case_id is not None else None
    if case is None:
        return  # not about a case: `meldbot check` lists it
    # A failure notice that fails is not reported again: `meldbot check` shows it.
    tell = None if message.kind == NoticeKind.DELIVERY_FAILED else NoticeKind.DELIVERY_FAILED
    warn_coordinators(
        session,
        services,
        case,
        AuditAction.MESSAGE_FAILED,
        tell,
        cause=f"failed-{message.id}",
        unreachable=message.recipient_id if recipient_unreachable else None,
        notice=message.kind,
        recipient_id=message.recipient_id,
    )


def warn_coordinators(
    session: Session,
    services: Services,
    case: Case,
    action: AuditAction,
    tell: NoticeKind | None,
    *,
    cause: str,
    unreachable: str | None = None,
    **detail: str,
) -> None:
    """Something the bot does on its own went wrong for this case: on its timeline, and to its
    coordinators (reference and codes only), so that they can see to it themselves; not to one
    of them the bot could not reach (`unreachable`)."""
    audit.on_case(session, services.clock, SYSTEM_ACTOR, action, case, **detail)
    if tell is not None:
        school = services.directory.school(case.school_id)
        coordinators = [c for c in audience(session, school, case, Role.COORDINATOR) if c != unreachable]
        notices.enqueue(session, services.clock.now(), tell, coordinators, cause=cause, case=case, **detail)
