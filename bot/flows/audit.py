"""Appending audit events: who did what, when. Details hold ids and codes, never personal data."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.flows.errors import Refused
from bot.flows.ports import Clock
from bot.flows.vocabulary import AuditAction
from storage.models import AuditEvent, Case
from storage.repositories import append_audit_event

SYSTEM_ACTOR = "system"  # the bot itself: the configuration mirror, the reminder sweep


def record(
    session: Session,
    clock: Clock,
    actor_id: str,
    action: AuditAction,
    *,
    school_id: str | None = None,
    case_id: int | None = None,
    **detail: Any,
) -> None:
    append_audit_event(
        session,
        AuditEvent(
            at=clock.now(), actor_id=actor_id, action=action, school_id=school_id, case_id=case_id, detail=detail
        ),
    )


def on_case(session: Session, clock: Clock, actor_id: str, action: AuditAction, case: Case, **detail: Any) -> None:
    """An event on a case: it names the case and its school."""
    record(session, clock, actor_id, action, school_id=case.school_id, case_id=case.id, **detail)


def record_refusal(session: Session, clock: Clock, refusal: Refused) -> None:
    """An `access_refused` event: who, what they asked for, where, and why when it is not a role."""
    detail: dict[str, Any] = {"permission": refusal.asked}
    if refusal.reason:
        detail["reason"] = refusal.reason
    record(
        session,
        clock,
        refusal.user_id,
        AuditAction.ACCESS_REFUSED,
        school_id=refusal.school_id,
        case_id=refusal.case_id,
        **detail,
    )
