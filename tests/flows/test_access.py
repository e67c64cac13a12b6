"""The access policy as a table: every role × every action × own/other school × own/other case.

The expected table is written out here by hand from DESIGN §2, not derived from the policy's
own grants, so that a change to the policy has to be a change to this table too.
"""

from __future__ import annotations

import itertools

import pytest

from bot.flows.rules.access import SCHOOL_PERMISSIONS, CaseFacts, Permission, decide
from bot.flows.rules.directory import Directory
from bot.flows.vocabulary import Role
from bot.school_config import parse_directory
from tests.conftest import (
    ADMIN,
    COORDINATOR,
    DIRECTOR,
    OTHER_SCHOOL_TEACHER,
    OUTSIDER,
    SCHOOLS_YAML,
    TEACHER,
    TEACHER_2,
)

SOMEONE_ELSE = "UTEACH003"

P = Permission
OWN, OTHER = "own", "other"
SCOPES = list(itertools.product([OWN, OTHER], [OWN, OTHER]))  # (school, case)
HERE = {(OWN, OWN), (OWN, OTHER)}  # everything at the user's own school
OWN_CASE = {(OWN, OWN)}

# role -> (user, their roles in the team of their own case, {permission: scopes where allowed})
TABLE: dict[str, tuple[str, frozenset[Role], dict[Permission, set[tuple[str, str]]]]] = {
    "reporter": (TEACHER, frozenset(), {P.VIEW_STATUS: OWN_CASE, P.REGISTER: HERE}),
    "coordinator": (
        COORDINATOR,
        frozenset(),
        {
            **{p: HERE for p in (P.VIEW_DOSSIER, P.VIEW_STATUS, P.TAKE, P.CONTRIBUTE, P.DECIDE, P.EVALUATE)},
            P.EXPORT: HERE,
            P.ACCESS_REPORT: HERE,
            P.REGISTER: HERE,
            P.OVERSEE: HERE,
            P.VIEW_STATISTICS: HERE,
        },
    ),
    "team_member": (
        TEACHER_2,
        frozenset({Role.TEAM_MEMBER}),
        {P.VIEW_DOSSIER: OWN_CASE, P.VIEW_STATUS: OWN_CASE, P.CONTRIBUTE: OWN_CASE, P.REGISTER: HERE},
    ),
    "casemanager": (
        TEACHER_2,
        frozenset({Role.CASEMANAGER}),
        {
            P.VIEW_DOSSIER: OWN_CASE,
            P.VIEW_STATUS: OWN_CASE,
            P.CONTRIBUTE: OWN_CASE,
            P.EVALUATE: OWN_CASE,
            P.REGISTER: HERE,
        },
    ),
    "director": (
        DIRECTOR,
        frozenset(),
        {
            P.VIEW_DOSSIER: HERE,
            P.VIEW_STATUS: HERE,
            P.ACCESS_REPORT: HERE,
            P.REGISTER: HERE,
            P.OVERSEE: HERE,
            P.VIEW_STATISTICS: HERE,
        },
    ),
    "admin": (ADMIN, frozenset(), {P.VIEW_STATISTICS: HERE}),
    "outsider": (OUTSIDER, frozenset(), {}),
}


@pytest.fixture(scope="module")
def board() -> Directory:
    # De Linde is the users' own school; De Eik is another school of the same board, where they
    # hold no role. The admin is the board's admin of De Linde's file only; "berk" is not in it.
    text = SCHOOLS_YAML + f"admins: [{ADMIN}]\n"
    linde_only = parse_directory(text, "board.yml")
    return Directory(tuple(s for s in linde_only.schools if s.id == "linde"), linde_only.admins)


def _scope(board: Directory, user: str, team: frozenset[Role], school: str, case: str) -> tuple[str, CaseFacts]:
    school_id = "linde" if school == OWN else "eik"
    if case == OWN:  # reported by this user, with this user in its team
        return school_id, CaseFacts(school_id, reporter_id=user, team_roles=team)
    reporter = SOMEONE_ELSE if school == OWN else OTHER_SCHOOL_TEACHER
    return school_id, CaseFacts(school_id, reporter_id=reporter)


CASES = [(role, permission, school, case) for role in TABLE for permission in Permission for school, case in SCOPES]


@pytest.mark.parametrize("role, permission, school, case", CASES, ids=["-".join(map(str, c)) for c in CASES])
def test_policy_table(board: Directory, role: str, permission: Permission, school: str, case: str) -> None:
    user, team, allowed = TABLE[role]
    school_id, facts = _scope(board, user, team, school, case)

    if permission in SCHOOL_PERMISSIONS:
        decision = decide(board, user, permission, school_id=school_id)
    else:
        decision = decide(board, user, permission, school_id=school_id, case=facts)

    assert decision is ((school, case) in allowed.get(permission, set()))


def test_a_case_presented_under_another_school_is_refused(board: Directory) -> None:
    """A case of De Eik asked about as if it were De Linde's gives De Linde's coordinator nothing."""
    eik_case = CaseFacts("eik", reporter_id=OTHER_SCHOOL_TEACHER)
    for permission in set(Permission) - SCHOOL_PERMISSIONS:
        assert not decide(board, COORDINATOR, permission, school_id="linde", case=eik_case)


def test_a_purged_case_shows_its_status_and_nothing_else(board: Directory) -> None:
    purged = CaseFacts("linde", reporter_id=TEACHER, purged=True)
    for permission in set(Permission) - SCHOOL_PERMISSIONS:
        expected = permission is P.VIEW_STATUS
        assert decide(board, COORDINATOR, permission, school_id="linde", case=purged) is expected


def test_whoever_is_removed_from_the_configuration_loses_their_case_at_once(board: Directory) -> None:
    """The team role stays in the database, but without a place in the configuration it gives nothing."""
    departed = "UTEACH444"  # not in De Linde's member list (any more)
    case = CaseFacts("linde", reporter_id=departed, team_roles=frozenset({Role.CASEMANAGER}))
    for permission in Permission:
        assert not decide(board, departed, permission, school_id="linde", case=case)


def test_an_admin_who_is_also_a_coordinator_keeps_the_coordinators_rights(directory: Directory) -> None:
    both = Directory(directory.schools, frozenset({COORDINATOR}))
    case = CaseFacts("linde", reporter_id=TEACHER)

    assert decide(both, COORDINATOR, P.VIEW_DOSSIER, school_id="linde", case=case)
    assert decide(both, COORDINATOR, P.VIEW_STATISTICS, school_id="eik")  # the board's counts
    assert not decide(both, COORDINATOR, P.VIEW_DOSSIER, school_id="eik", case=CaseFacts("eik", "UTEACH900"))
