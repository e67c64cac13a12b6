"""A message that could not be delivered is never silently dropped: the case's coordinator hears
of it (reference and recipient only) and it stays on record for `meldbot check`."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.flows import audit, notices
from bot.flows.audit import SYSTEM_ACTOR
from bot.flows.reminders import audience
from bot.flows.services import Services
from bot.flows.vocabulary import AuditAction, NoticeKind, Role
from storage.models import Case, OutboxMessage


def report_failure(session: Session, services: Services, message: OutboxMessage) -> None:
    """Record the failure on the case and tell its coordinator, in the caller's transaction."""
    case = session.get(Case, message.case_id) if message.case_id is not None else None
    if case is None:
        return  # not about a case: `meldbot check` lists it
    audit.record(
        session,
        services.clock,
        SYSTEM_ACTOR,
        AuditAction.MESSAGE_FAILED,
        school_id=case.school_id,
        case_id=case.id,
        notice=message.kind,
        recipient_id=message.recipient_id,
    )
    if message.kind == NoticeKind.DELIVERY_FAILED:
        return  # a failure notice that fails is not reported again: `meldbot check` shows it
    coordinators = audience(session, services.directory.school(case.school_id), case, Role.COORDINATOR)
    notices.enqueue(
        session,
        services.clock.now(),
        NoticeKind.DELIVERY_FAILED,
        coordinators,
        cause=f"failed-{message.id}",
        case=case,
        recipient_id=message.recipient_id,
    )
