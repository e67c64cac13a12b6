"""The access policy as a table: every role, for a case of their own school or of another."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.flows.access import Permission, allows, may_oversee
from bot.flows.directory import Directory
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


@pytest.mark.parametrize(
    "user, dossier, status",
    [
        (COORDINATOR, True, True),  # coordinator of the school
        (DIRECTOR, True, True),  # director of the school
        (TEACHER, False, True),  # the reporter: status only
        (TEACHER_2, False, False),  # a colleague at the same school
        (OTHER_SCHOOL_COORDINATOR, False, False),  # a coordinator elsewhere
        (OTHER_SCHOOL_TEACHER, False, False),
        (OUTSIDER, False, False),  # in the workspace, in no school
    ],
)
def test_policy_grants_exactly_what_the_role_needs(
    directory: Directory, user: str, dossier: bool, status: bool
) -> None:
    case = linde_case()

    assert allows(directory, user, Permission.VIEW_DOSSIER, case) is dossier
    assert allows(directory, user, Permission.VIEW_STATUS, case) is status


def test_reporter_loses_status_view_when_no_longer_at_the_school(directory: Directory) -> None:
    case = linde_case(reporter=OUTSIDER)  # reported once, since removed from the school

    assert not allows(directory, OUTSIDER, Permission.VIEW_STATUS, case)


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
