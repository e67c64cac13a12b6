"""A Home per role: the coordinator's and director's desk (grouped by what is due, late ones marked,
filters, pages), a care team's cases, a reporter's own (status only), the board's counts. Each
within Slack's limits at any size, and nothing of a case in the Home of a role that may not see it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.catalogue import t
from bot.devtools.local import LocalSlack
from bot.devtools.seed import seed_cases
from bot.documents.labels import label
from bot.flows.jobs import reminders
from bot.flows.ports import ManualClock
from bot.flows.rules.framework import Answer
from bot.flows.steps.desk import Due
from bot.flows.vocabulary import ReminderKind
from bot.slack.ids import Action
from tests.block_kit import schema_problems, sdk_problems
from tests.conftest import (
    ADMIN,
    COORDINATOR,
    DIRECTOR,
    OTHER_SCHOOL_COORDINATOR,
    SCHOOLS_YAML,
    TEACHER,
    TEACHER_2,
)
from tests.e2e.casework import PLAN, case_id, ready_to_weigh, registered_and_taken, walk, with_board
from tests.e2e.steps import GROUP, PUPIL_NAME, register
from tests.shown import in_mrkdwn, in_plain

# De Eik gets the same coordinator as De Linde: one desk over two schools, with a school filter.
TWO_SCHOOLS = SCHOOLS_YAML.replace(f"coordinators: [{OTHER_SCHOOL_COORDINATOR}]", f"coordinators: [{COORDINATOR}]")


@pytest.fixture
def board(tmp_path: Path, clock: ManualClock) -> Iterator[LocalSlack]:
    with with_board(tmp_path, clock) as running:
        yield running


@pytest.fixture
def shared(tmp_path: Path, clock: ManualClock) -> Iterator[LocalSlack]:
    with with_board(tmp_path, clock, TWO_SCHOOLS) as running:
        yield running


def _home(slack: LocalSlack, user_id: str) -> dict[str, Any]:
    slack.driver.open_home(user_id)
    home = slack.fake.client(user_id).home
    assert home is not None
    return home


def _text(view: dict[str, Any]) -> str:
    return json.dumps(view, ensure_ascii=False)


def _line(reference: str, due: Due, pupil: str = PUPIL_NAME, group: str = GROUP) -> str:
    return in_mrkdwn(
        "desk_case_line", reference=reference, pupil=t("desk_pupil", name=pupil, group=group), due=label(due)
    )


@pytest.mark.parametrize("cases", [0, 1, 30, 1000])
def test_every_roles_home_fits_slack_and_is_valid_at_any_size(board: LocalSlack, cases: int) -> None:
    far = board.services.clock.now() + timedelta(days=365)
    seed_cases(board.services, "linde", cases, reporter_id=TEACHER, coordinators=[COORDINATOR], due_at=far)

    homes = {user: _home(board, user) for user in (COORDINATOR, DIRECTOR, TEACHER, TEACHER_2, ADMIN)}

    for user, home in homes.items():
        assert len(home["blocks"]) <= 100, user
        assert sdk_problems(home) == [], user
    assert schema_problems(list(homes.values())) == []
    assert in_plain("desk_title", count=cases) in _text(homes[COORDINATOR])
    assert in_plain("desk_title", count=cases) in _text(homes[DIRECTOR])
    assert in_plain("desk_title", count=cases) not in _text(homes[TEACHER])  # a reporter: status only
    assert ("Invented Pupil" in _text(homes[COORDINATOR])) == bool(cases)
    for user in (TEACHER, TEACHER_2, ADMIN):
        assert "Invented Pupil" not in _text(homes[user])
    assert "LOAD-" not in _text(homes[ADMIN]) and "LOAD-" not in _text(homes[TEACHER_2])


def test_each_role_sees_in_its_home_only_what_it_may_see_of_a_case(board: LocalSlack) -> None:
    ready_to_weigh(board)
    walk(board, COORDINATOR, Answer.YES, Answer.NO, Answer.YES, Answer.YES, PLAN)  # TEACHER_2: its casemanager
    register(board.driver, TEACHER, pupil_name="Tweede Verzonnen")  # a second case, not in TEACHER_2's team

    coordinator, director, teacher, casemanager, admin, elsewhere = (
        _text(_home(board, user))
        for user in (COORDINATOR, DIRECTOR, TEACHER, TEACHER_2, ADMIN, OTHER_SCHOOL_COORDINATOR)
    )

    for desk in (coordinator, director):
        assert (
            _line("MC-2026-0001", Due.HELP) in desk and _line("MC-2026-0002", Due.TO_TAKE, "Tweede Verzonnen") in desk
        )
    assert Action.TAKE_CASE in coordinator and Action.TAKE_CASE not in director  # a director does not take cases
    assert in_plain("desk_team_title", count=1) in casemanager and _line("MC-2026-0001", Due.HELP) in casemanager
    assert "Tweede Verzonnen" not in casemanager and "MC-2026-0002" not in casemanager
    assert in_mrkdwn("desk_your_role", roles=t("team_role_casemanager")) in casemanager
    assert "MC-2026-0001" in teacher and PUPIL_NAME not in teacher  # the reporter: the status of their own
    for nothing in (admin, elsewhere):
        assert "MC-2026" not in nothing and PUPIL_NAME not in nothing and "Tweede" not in nothing


def test_the_desk_groups_by_what_is_due_marks_the_late_and_filters(board: LocalSlack) -> None:
    registered_and_taken(board)  # steps 2-3 are due: an idle reminder runs
    register(board.driver, TEACHER, pupil_name="Tweede Verzonnen")  # nobody takes it
    board.services.clock.advance(timedelta(days=7))
    reminders.sweep(board.services)  # both deadlines passed; the untaken one climbed to the director
    board.services.clock.advance(timedelta(days=7))
    reminders.sweep(board.services)

    desk = _text(_home(board, COORDINATOR))

    assert in_mrkdwn("desk_group_count", group=label(Due.TO_TAKE), count=1) in desk
    assert in_mrkdwn("desk_group_count", group=label(Due.STEPS), count=1) in desk
    assert in_mrkdwn("desk_overdue_count", count=2) in desk
    late = in_mrkdwn("desk_overdue", kind=label(ReminderKind.NOT_TAKEN), date="17-11-2026")
    assert late in desk
    assert desk.index("MC-2026-0002") < desk.index("MC-2026-0001")  # to take comes first
    assert in_mrkdwn("desk_escalated_count", count=1) in _text(_home(board, DIRECTOR))
    assert "desk_escalated" not in desk and in_mrkdwn("desk_escalated_count", count=1) not in desk

    board.driver.select_in_home(COORDINATOR, Action.HOME_FILTER_DUE, "0:0:0:0::steps")

    steps_only = _text(board.fake.client(COORDINATOR).home or {})
    assert "MC-2026-0001" in steps_only and "MC-2026-0002" not in steps_only
    assert in_mrkdwn("desk_group_count", group=label(Due.TO_TAKE), count=1) in steps_only  # the counts stay

    board.driver.select_in_home(COORDINATOR, Action.HOME_FILTER_DUE, "9:x:0:0:nowhere:nothing")  # crafted
    assert "MC-2026-0002" in _text(board.fake.client(COORDINATOR).home or {})


def test_a_coordinator_of_two_schools_filters_the_desk_by_school(shared: LocalSlack) -> None:
    register(shared.driver, TEACHER)
    register(shared.driver, "UTEACH900", school="eik", pupil_name="Eik Verzonnen")

    both = _text(_home(shared, COORDINATOR))
    assert "MC-2026-0001" in both and "Eik Verzonnen" in both and "Kindcentrum De Eik" in both

    shared.driver.select_in_home(COORDINATOR, Action.HOME_FILTER_SCHOOL, "0:0:0:0:eik:")

    eik = _text(shared.fake.client(COORDINATOR).home or {})
    assert "Eik Verzonnen" in eik and PUPIL_NAME not in eik
    assert in_plain("desk_title", count=1) in eik
    assert case_id(shared)  # the cases are there; the filter only chose
