"""The access policy: may this user do this to this case? Decided on the server, every time.

Roles come from two places only: the school configuration (coordinator, director, member)
and the case's own team, which a coordinator composes. Nothing a Slack payload says counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from bot.flows.directory import Directory
from bot.flows.vocabulary import Role
from storage.models import Case


class Permission(StrEnum):
    VIEW_DOSSIER = "view_dossier"  # everything recorded on the case
    VIEW_STATUS = "view_status"  # reference and state only: the reporter's view
    TAKE = "take"  # become the case's coordinator
    CONTRIBUTE = "contribute"  # record consultations and conversations
    DECIDE = "decide"  # compose the team, weigh, record the melding and help plan, close
    EVALUATE = "evaluate"  # answer question 5 on the help that runs


_CASE_TEAM = frozenset({Role.TEAM_MEMBER, Role.CASEMANAGER})
_READERS = frozenset({Role.COORDINATOR, Role.DIRECTOR}) | _CASE_TEAM

GRANTS: Mapping[Permission, frozenset[Role]] = {
    Permission.VIEW_DOSSIER: _READERS,
    Permission.VIEW_STATUS: _READERS | {Role.REPORTER},
    Permission.TAKE: frozenset({Role.COORDINATOR}),
    Permission.CONTRIBUTE: frozenset({Role.COORDINATOR}) | _CASE_TEAM,
    Permission.DECIDE: frozenset({Role.COORDINATOR}),
    Permission.EVALUATE: frozenset({Role.COORDINATOR, Role.CASEMANAGER}),
}


def case_roles(
    directory: Directory, user_id: str, case: Case, team_roles: frozenset[Role] = frozenset()
) -> frozenset[Role]:
    """The roles a user holds for one case: school roles, reporter of their own case, its team.

    A plain school member is not a reporter *of this case* unless they reported it.
    """
    school_roles = directory.roles_of(user_id, case.school_id) - {Role.REPORTER}
    if case.reporter_id == user_id and directory.roles_of(user_id, case.school_id):
        school_roles |= {Role.REPORTER}
    return school_roles | team_roles


def grants(roles: frozenset[Role], permission: Permission) -> bool:
    return bool(roles & GRANTS[permission])


def may_oversee(directory: Directory, user_id: str, school_id: str) -> bool:
    """Whether the user sees the list of all open cases of a school."""
    return bool(directory.roles_of(user_id, school_id) & {Role.COORDINATOR, Role.DIRECTOR})
