"""Queueing messages the bot sends on its own initiative, in the transaction that causes them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.flows.vocabulary import NoticeKind
from storage import repositories as repo
from storage.models import Case, OutboxMessage
from storage.repositories import outbox_has


def enqueue(
    session: Session,
    at: datetime,
    kind: NoticeKind,
    recipients: Iterable[str],
    *,
    key: str,
    case: Case | None = None,
    **payload: Any,
) -> None:
    """One outbox row per recipient. `key` names the cause, so a repeat cause sends nothing.

    The payload carries ids, the case reference and flags: never a pupil name or free text.
    """
    if case is not None:
        payload["reference"] = case.reference
        payload["case_id"] = case.id
    for recipient in dict.fromkeys(recipients):
        dedupe_key = f"{kind}:{key}:{recipient}"
        if outbox_has(session, dedupe_key):
            continue
        session.add(
            OutboxMessage(
                dedupe_key=dedupe_key,
                recipient_id=recipient,
                kind=kind,
                case_id=case.id if case else None,
                payload=payload,
                state="pending",
                attempts=0,
                created_at=at,
            )
        )


def rewrite(session: Session, at: datetime, case: Case, kind: NoticeKind, *, key: str, **changes: Any) -> None:
    """Change messages already queued or sent about a case, in place (e.g. "taken by …").

    A message not yet sent is corrected before it leaves; for one already sent (or being sent)
    a follow-up row updates it in Slack once its place there is known.
    """
    for original in repo.case_notices(session, case.id, kind):
        payload = {**original.payload, **changes}
        if original.state == "pending":
            original.payload = payload
        dedupe_key = f"{kind}:{key}:{original.recipient_id}"
        if outbox_has(session, dedupe_key):
            continue
        session.add(
            OutboxMessage(
                dedupe_key=dedupe_key,
                recipient_id=original.recipient_id,
                kind=kind,
                case_id=case.id,
                payload=payload,
                state="pending",
                attempts=0,
                created_at=at,
                replaces_id=original.id,
            )
        )
