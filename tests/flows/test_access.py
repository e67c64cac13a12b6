"""The access policy as a table: every role, for a case of their own school or of another."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.flows.access import Permission, case_roles, grants, may_oversee
from bot.flows.directory import Directory
from bot.flows.vocabulary import Role
from storage.models import Case
from tests.conftest import (
    COORDINATOR,
    DIRECTOR,
    OTHER_SCHOOL_COORDINATOR,
    OTHER_SCHOOL_TEACHER,
    OUTSIDER,
    TEACHER,
    TEACHER_2,
)

NOW = datetime(2026, 11, 16, tzinfo=UTC)


def linde_case(reporter: str = TEACHER) -> Case:
    return Case(
        id=1,
        school_id="linde",
        reference="MC-2026-0001",
        route="home",
        state="new",
        reporter_id=reporter,
        submission_key="k",
        created_at=NOW,
        updated_at=NOW,
    )


P = Permission
EVERYTHING = frozenset(Permission)
READ = frozenset({P.VIEW_DOSSIER, P.VIEW_STATUS})
TEAM = READ | {P.CONTRIBUTE}

# Who may do what on a case of De Linde reported by TEACHER. A team role belongs to one case:
# "team member elsewhere" holds it on another case, so it gives nothing here.
POLICY = [
    ("coordinator", COORDINATOR, frozenset(), EVERYTHING),
    ("director", DIRECTOR, frozenset(), READ),
    ("reporter", TEACHER, frozenset(), frozenset({P.VIEW_STATUS})),
    ("colleague", TEACHER_2, frozenset(), frozenset()),
    ("team member of this case", TEACHER_2, frozenset({Role.TEAM_MEMBER}), TEAM),
    ("casemanager of this case", TEACHER_2, frozenset({Role.CASEMANAGER}), TEAM | {P.EVALUATE}),
    ("team member elsewhere", OTHER_SCHOOL_TEACHER, frozenset(), frozenset()),
    ("coordinator elsewhere", OTHER_SCHOOL_COORDINATOR, frozenset(), frozenset()),
    ("outsider", OUTSIDER, frozenset(), frozenset()),
]


@pytest.mark.parametrize("who, user, team, granted", POLICY, ids=[row[0] for row in POLICY])
@pytest.mark.parametrize("permission", list(Permission))
def test_policy_grants_exactly_what_the_role_needs(
    directory: Directory,
    who: str,
    user: str,
    team: frozenset[Role],
    granted: frozenset[Permission],
    permission: Permission,
) -> None:
    roles = case_roles(directory, user, linde_case(), team)

    assert grants(roles, permission) is (permission in granted)


def test_reporter_loses_status_view_when_no_longer_at_the_school(directory: Directory) -> None:
    case = linde_case(reporter=OUTSIDER)  # reported once, since removed from the school

    assert not grants(case_roles(directory, OUTSIDER, case), Permission.VIEW_STATUS)


@pytest.mark.parametrize(
    "user, school, expected",
    [
        (COORDINATOR, "linde", True),
        (DIRECTOR, "linde", True),
        (TEACHER, "linde", False),
        (COORDINATOR, "eik", False),
        (OUTSIDER, "linde", False),
    ],
)
def test_only_coordinators_and_directors_oversee_a_school(
    directory: Directory, user: str, school: str, expected: bool
) -> None:
    assert may_oversee(directory, user, school) is expected
