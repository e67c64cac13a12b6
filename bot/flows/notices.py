"""Queueing messages the bot sends on its own initiative, in the transaction that causes them.

Each row carries a key that names its cause, so that the same cause never sends twice (a
double click, a retried request, a sweep run by two processes). The key is scoped here, by
construction: a message about a case is scoped to that case, a rewrite to the message it
rewrites. Callers name only the cause within that scope ("closed", "signal-12"), so the
first case of a reporter can never silence the second.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.flows.rules.directory import platform_of
from bot.flows.vocabulary import NoticeKind
from storage import repositories as repo
from storage.models import Case, OutboxMessage


def dedupe_key(kind: str, recipient: str, cause: str, *, case_id: int | None, replaces_id: int | None = None) -> str:
    """The outbox key of one message: kind, scope, cause and recipient.

    Messages about no case (an acute alert before the case exists, a held draft) need a cause
    that is unique by itself, such as the submission or the draft it comes from.
    """
    if replaces_id is not None:
        scope = f"rewrite-{replaces_id}"
    elif case_id is not None:
        scope = f"case-{case_id}"
    else:
        scope = "none"
    return f"{kind}:{scope}:{cause}:{recipient}"


def enqueue(
    session: Session,
    at: datetime,
    kind: NoticeKind,
    recipients: Iterable[str],
    *,
    cause: str,
    case: Case | None = None,
    **payload: Any,
) -> None:
    """One outbox row per recipient; a cause already queued for a recipient sends nothing more.

    The payload carries ids, the case reference and flags: never a pupil name or free text.
    """
    if case is not None:
        payload["reference"] = case.reference
        payload["case_id"] = case.id
    keys = {r: dedupe_key(kind, r, cause, case_id=case.id if case else None) for r in dict.fromkeys(recipients)}
    queued = repo.queued_keys(session, list(keys.values()))
    for recipient, key in keys.items():
        if key in queued:
            continue
        session.add(
            OutboxMessage(
                dedupe_key=key,
                platform=platform_of(recipient),
                recipient_id=recipient,
                kind=kind,
                case_id=case.id if case else None,
                payload=payload,
                state="pending",
                attempts=0,
                created_at=at,
            )
        )


def rewrite(session: Session, at: datetime, case: Case, kind: NoticeKind, *, cause: str, **changes: Any) -> None:
    """Change messages already queued or sent about a case, in place (e.g. "taken by …").

    A message not yet sent is corrected before it leaves, and one that failed for good before a
    retry sends it. A follow-up row updates it in Slack once its place there is known: also for a
    pending one, which a worker may be sending already.
    """
    originals = repo.case_notices(session, case.id, kind)
    keys = {o.id: dedupe_key(kind, o.recipient_id, cause, case_id=case.id, replaces_id=o.id) for o in originals}
    queued = repo.queued_keys(session, list(keys.values()))
    for original in originals:
        payload = {**original.payload, **changes}
        if original.state in ("pending", "failed"):
            original.payload = payload
        if original.state == "failed":
            continue  # nothing in Slack to change
        key = keys[original.id]
        if key in queued:
            continue
        session.add(
            OutboxMessage(
                dedupe_key=key,
                platform=original.platform,
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
