"""The access policy: may this user do this to this case? Decided on the server, every time."""

from __future__ import annotations

from enum import StrEnum

from bot.flows.directory import Directory
from bot.flows.vocabulary import Role
from storage.models import Case


class Permission(StrEnum):
    VIEW_DOSSIER = "view_dossier"  # everything recorded on the case
    VIEW_STATUS = "view_status"  # reference and state only: the reporter's view


_GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.VIEW_DOSSIER: frozenset({Role.COORDINATOR, Role.DIRECTOR}),
    Permission.VIEW_STATUS: frozenset({Role.COORDINATOR, Role.DIRECTOR}),
}


def case_roles(directory: Directory, user_id: str, case: Case) -> frozenset[Role]:
    """The roles a user holds for one case: school roles, plus reporter of their own case.

    A plain school member is not a reporter *of this case* unless they reported it.
    """
    school_roles = directory.roles_of(user_id, case.school_id) - {Role.REPORTER}
    if case.reporter_id == user_id and directory.roles_of(user_id, case.school_id):
        return school_roles | {Role.REPORTER}
    return school_roles


def allows(directory: Directory, user_id: str, permission: Permission, case: Case) -> bool:
    roles = case_roles(directory, user_id, case)
    if permission is Permission.VIEW_STATUS and Role.REPORTER in roles:
        return True
    return bool(roles & _GRANTS[permission])


def may_oversee(directory: Directory, user_id: str, school_id: str) -> bool:
    """Whether the user sees the list of all open cases of a school."""
    return bool(directory.roles_of(user_id, school_id) & {Role.COORDINATOR, Role.DIRECTOR})
