"""The audit trail as a hash chain: each event seals the one before it.

Events are added to a session as pending and chained when the transaction commits: the
chain's head is read under a lock that is always the last one a transaction takes (so it
cannot deadlock against the case locks) and is held only for the commit itself. On
PostgreSQL that lock is a transaction-level advisory lock; SQLite lets one writer in at a
time anyway (BEGIN IMMEDIATE).

A hash chain shows that rows were changed, inserted or deleted *inside* the chain. Someone
who can rewrite the whole file could rebuild the chain from the altered row onwards, and
deleting the newest events leaves a shorter, valid chain: `verify` therefore reports the
head (count and hash), which the daily job also logs, so that a school can compare it with
a head it noted earlier (docs/SECURITY.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from storage.models import AuditEvent

GENESIS = "0" * 64  # the "previous hash" of the first event
_CHAIN_LOCK = 0x4D454C41  # "MELA": the advisory lock id of the chain's head
_PENDING = "meldbot_audit_pending"


def digest(
    *,
    prev_hash: str,
    at: datetime,
    actor_id: str,
    action: str,
    school_id: str | None,
    case_id: int | None,
    detail: dict[str, Any],
) -> str:
    """The hash of one event's content and its predecessor's hash, over a canonical form."""
    content = {
        "prev": prev_hash,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor_id,
        "action": action,
        "school": school_id,
        "case": case_id,
        "detail": detail,
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def event_digest(row: AuditEvent) -> str:
    return digest(
        prev_hash=row.prev_hash,
        at=row.at,
        actor_id=row.actor_id,
        action=row.action,
        school_id=row.school_id,
        case_id=row.case_id,
        detail=row.detail or {},
    )


def append(session: Session, row: AuditEvent) -> None:
    """Add an event; it gets its place in the chain when the transaction commits."""
    # Round-trip the detail through JSON now, so that the hash covers exactly what is stored.
    row.detail = json.loads(json.dumps(row.detail or {}))
    session.info.setdefault(_PENDING, []).append(row)


def pending(session: Session) -> list[AuditEvent]:
    """The events this transaction added, in order, that get their place in the chain at commit."""
    return list(session.info.get(_PENDING, []))


def _head(session: Session) -> str:
    last = session.scalars(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    return last or GENESIS


def _link_pending(session: Session) -> None:
    pending: list[AuditEvent] = session.info.pop(_PENDING, [])
    if not pending:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})
    previous = _head(session)
    for row in pending:
        row.prev_hash = previous
        row.hash = previous = event_digest(row)
        session.add(row)
    session.flush()


def _forget_pending(session: Session, *_: object) -> None:
    session.info.pop(_PENDING, None)


event.listen(Session, "before_commit", _link_pending)
event.listen(Session, "after_rollback", _forget_pending)


@dataclass(frozen=True)
class Anchor:
    """A head noted earlier (`<count>:<hash>`): the chain must still pass through it."""

    count: int
    hash: str

    @classmethod
    def parse(cls, text: str) -> Anchor:
        count, _, hash_ = text.partition(":")
        if not count.isdigit() or len(hash_) != 64:
            raise ValueError("write the head as <count>:<hash>, as `meldbot audit verify` printed it")
        return cls(int(count), hash_.lower())

    def __str__(self) -> str:
        return f"{self.count}:{self.hash}"


@dataclass(frozen=True)
class BrokenLink:
    id: int | None  # None: the chain no longer reaches the anchor
    at: datetime | None
    action: str
    reason: str  # "changed", "link" (see verify) or "anchor"


@dataclass(frozen=True)
class Verification:
    head: Anchor
    broken: BrokenLink | None


def _rows(session: Session, batch: int = 1000) -> Iterator[AuditEvent]:
    last_id = 0
    while True:
        statement = select(AuditEvent).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)
        rows = list(session.scalars(statement))
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id
        session.expunge_all()


def verify(session: Session, anchor: Anchor | None = None) -> Verification:
    """Walk the whole chain from the first event; stop at the first broken link.

    "changed": the row's content no longer matches its hash. "link": the row does not name its
    predecessor's hash, so a row before it was deleted or inserted. "anchor": the event at the
    anchor's position is not the one noted, or the chain ends before it (newest events deleted).
    """
    previous, count = GENESIS, 0
    for row in _rows(session):
        reason = None
        if row.prev_hash != previous:
            reason = "link"
        elif event_digest(row) != row.hash:
            reason = "changed"
        elif anchor is not None and count + 1 == anchor.count and row.hash != anchor.hash:
            reason = "anchor"
        if reason is not None:
            return Verification(Anchor(count, previous), BrokenLink(row.id, row.at, row.action, reason))
        previous, count = row.hash, count + 1
    if anchor is not None and count < anchor.count:
        return Verification(Anchor(count, previous), BrokenLink(None, None, "", "anchor"))
    return Verification(Anchor(count, previous), None)
