"""Who hears of a case in a role: the holders of that role for this case now."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.flows.rules.directory import School
from bot.flows.vocabulary import Role
from storage import repositories as repo
from storage.models import Case


def audience(session: Session, school: School | None, case: Case, role: Role) -> list[str]:
    """Who holds `role` for this case now. A role nobody holds falls to the coordinators."""
    coordinators = _coordinators(school, case)
    if role is Role.CASEMANAGER:
        return repo.casemanagers_of(session, case.id) or coordinators
    if role is Role.DIRECTOR:
        return list(school.directors) if school is not None and school.directors else coordinators
    return coordinators


def _coordinators(school: School | None, case: Case) -> list[str]:
    """The case's own coordinator while they still hold the role; else every coordinator of the school."""
    if school is None:
        return []
    if case.coordinator_id and case.coordinator_id in school.coordinators:
        return [case.coordinator_id]
    return list(school.coordinators)
