"""The access report of a pupil (NEN 7513; a parent's or pupil's request under AVG art. 15): who
viewed, changed, exported or was refused the pupil's dossier, and when, read from the audit trail.

A pupil can have several cases at a school over the years; the report covers each of them that
still knows the pupil (the keyed lookup, which a purged case no longer holds). It is made as an
export (bot.flows.steps.export), so making it is itself on the trail, and in the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from bot.flows.vocabulary import AuditAction
from storage import repositories as repo
from storage.models import Case


class AccessKind(StrEnum):
    VIEWED = "viewed"
    CHANGED = "changed"  # recorded something, or the bot acted on the case
    EXPORTED = "exported"
    REFUSED = "refused"


_KINDS = {
    AuditAction.DOSSIER_VIEWED: AccessKind.VIEWED,
    AuditAction.STATUS_VIEWED: AccessKind.VIEWED,
    AuditAction.CASE_EXPORTED: AccessKind.EXPORTED,
    AuditAction.ACCESS_REFUSED: AccessKind.REFUSED,
}


@dataclass(frozen=True)
class AccessEntry:
    at: datetime
    actor_id: str
    kind: AccessKind
    action: AuditAction
    detail: dict[str, Any]
    reference: str


@dataclass(frozen=True)
class AccessReport:
    references: tuple[str, ...]  # the pupil's cases it covers, oldest first
    entries: tuple[AccessEntry, ...]  # oldest first


def read_access(session: Session, case: Case) -> AccessReport:
    cases = repo.cases_of_pupil(session, case)
    references = {c.id: c.reference for c in cases}
    entries = tuple(
        AccessEntry(
            event.at,
            event.actor_id,
            _KINDS.get(AuditAction(event.action), AccessKind.CHANGED),
            AuditAction(event.action),
            dict(event.detail),
            references[event.case_id or case.id],
        )
        for event in repo.events_of_cases(session, list(references))
    )
    return AccessReport(tuple(references.values()), entries)
