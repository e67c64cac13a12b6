"""The access policy: may this user do this, at this school, to this case? Decided on the server, every time.

`decide` is the one place that answers. Roles come from two places only: the school
configuration (coordinator, director, member, the board's admins), read afresh on every call,
and the case's own team, which a coordinator composes. Nothing a Slack payload says counts:
handlers pass ids, and the flows look up the case and its school themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from bot.flows.rules.directory import Directory, School
from bot.flows.vocabulary import Role


class Permission(StrEnum):
    # On one case.
    VIEW_DOSSIER = "view_dossier"  # everything recorded on the case
    VIEW_STATUS = "view_status"  # reference and state only: the reporter's view
    TAKE = "take"  # become the case's coordinator
    CONTRIBUTE = "contribute"  # record consultations and conversations
    DECIDE = "decide"  # compose the team, weigh, record the melding and help plan, close
    EVALUATE = "evaluate"  # answer question 5 on the help that runs
    EXPORT = "export"  # the dossier or a conversation report as a PDF
    ACCESS_REPORT = "access_report"  # who viewed, changed, exported or was refused the pupil's dossier
    # On a school.
    REGISTER = "register"  # register a signal (start a case, or add to one)
    OVERSEE = "oversee"  # the list of every open case of the school
    VIEW_STATISTICS = "view_statistics"  # anonymous counts, never a dossier


SCHOOL_PERMISSIONS = frozenset({Permission.REGISTER, Permission.OVERSEE, Permission.VIEW_STATISTICS})

_CASE_TEAM = frozenset({Role.TEAM_MEMBER, Role.CASEMANAGER})
_READERS = frozenset({Role.COORDINATOR, Role.DIRECTOR}) | _CASE_TEAM
_STAFF = frozenset({Role.REPORTER, Role.COORDINATOR, Role.DIRECTOR})

GRANTS: Mapping[Permission, frozenset[Role]] = {
    Permission.VIEW_DOSSIER: _READERS,
    Permission.VIEW_STATUS: _READERS | {Role.REPORTER},
    Permission.TAKE: frozenset({Role.COORDINATOR}),
    Permission.CONTRIBUTE: frozenset({Role.COORDINATOR}) | _CASE_TEAM,
    Permission.DECIDE: frozenset({Role.COORDINATOR}),
    Permission.EVALUATE: frozenset({Role.COORDINATOR, Role.CASEMANAGER}),
    Permission.EXPORT: frozenset({Role.COORDINATOR}),
    Permission.ACCESS_REPORT: frozenset({Role.COORDINATOR, Role.DIRECTOR}),
    Permission.REGISTER: _STAFF,
    Permission.OVERSEE: frozenset({Role.COORDINATOR, Role.DIRECTOR}),
    Permission.VIEW_STATISTICS: frozenset({Role.COORDINATOR, Role.DIRECTOR, Role.ADMIN}),
}


@dataclass(frozen=True)
class CaseFacts:
    """What the policy needs to know about a case, read from storage by the caller."""

    school_id: str
    reporter_id: str
    team_roles: frozenset[Role] = frozenset()  # the user's roles in this case's team
    purged: bool = False  # the retention period ended: only the status remains


def school_roles(directory: Directory, user_id: str, school_id: str) -> frozenset[Role]:
    """The roles the configuration gives a user at a school; a plain member is a possible reporter."""
    roles = directory.roles_of(user_id, school_id)
    if directory.school(school_id) is not None and user_id in directory.admins:
        roles |= {Role.ADMIN}
    return roles


def case_roles(directory: Directory, user_id: str, case: CaseFacts) -> frozenset[Role]:
    """The roles a user holds for one case: school roles, reporter of their own case, its team.

    A plain member is a reporter *of this case* only if they reported it. Team roles count only
    while the configuration still knows the user at the case's school: whoever is removed from
    it loses every case at once.
    """
    at_school = school_roles(directory, user_id, case.school_id)
    roles = at_school - {Role.REPORTER}
    staff = bool(at_school & _STAFF)
    if case.reporter_id == user_id and staff:
        roles |= {Role.REPORTER}
    if staff:
        roles |= case.team_roles
    return roles


def grants(roles: frozenset[Role], permission: Permission) -> bool:
    return bool(roles & GRANTS[permission])


def decide(
    directory: Directory, user_id: str, permission: Permission, *, school_id: str, case: CaseFacts | None = None
) -> bool:
    """Allow or deny one action. A case permission needs the case; it must belong to `school_id`."""
    if permission in SCHOOL_PERMISSIONS:
        return grants(school_roles(directory, user_id, school_id), permission)
    if case is None or case.school_id != school_id:
        return False
    if case.purged and permission is not Permission.VIEW_STATUS:
        return False
    return grants(case_roles(directory, user_id, case), permission)


def schools_where(directory: Directory, user_id: str, permission: Permission) -> list[School]:
    """The schools where the user holds a school permission (register, oversee, statistics)."""
    return [s for s in directory.schools if decide(directory, user_id, permission, school_id=s.id)]
